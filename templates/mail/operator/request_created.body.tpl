{{! The operator's copy of a new request: plain text }}[[Hello,]]

[[{{CREATOR}} of {{CUSTOMER}} has made a new request. It waits for you to take it in hand.]]

  [[Request:]] {{TYPE_NAME}}
  [[Customer:]] {{CUSTOMER}}
{{#REF}}  [[Customer's reference:]] {{CUSTOMER_REFERENCE}}
{{/REF}}  [[Request number:]] {{REQUEST_ID}}
  [[Requested date:]] {{REQUESTED_AT}}
  [[Submitted by:]] {{CREATOR}}
  [[Received on:]] {{ISSUED_AT}}

{{#COMMENT}}  [[Comment:]]
{{#COMMENT_LINE}}    {{LINE}}
{{/COMMENT_LINE}}
{{/COMMENT}}{{#PROP_GROUP}}  {{GROUP_LABEL}}
{{#PROP}}    {{PROP_LABEL}}: {{PROP_VALUE}}
{{/PROP}}{{/PROP_GROUP}}
[[Handle it at {{REQUEST_URL}}]]

-- 
reqdesk
{{#UNSUBSCRIBE}}[[To get no more e-mail about this request, open {{UNSUBSCRIBE_URL}}]]
{{/UNSUBSCRIBE}}