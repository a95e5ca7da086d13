{{! To an operator given a request: plain text }}[[Hello,]]

[[{{BY}} gave you a request to handle.]]

  [[Request:]] {{FAMILY}}, {{WHAT}}
  [[Customer:]] {{CUSTOMER}}
{{#HAS_REFERENCE}}  [[Reference:]] {{REFERENCE}}
{{/HAS_REFERENCE}}{{#HAS_PLACE}}  [[Address:]] {{PLACE}}
{{/HAS_PLACE}}  [[Priority:]] {{PRIORITY}}

[[Handle it at {{REQUEST_URL}}]]

-- 
reqdesk
{{#UNSUBSCRIBE}}[[To get no more e-mail about this request, open {{UNSUBSCRIBE_URL}}]]
{{/UNSUBSCRIBE}}
