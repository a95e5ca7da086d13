{{! The operator told of an ordered offer: plain text }}[[Hello,]]

[[{{ORDERED_BY}} of {{CUSTOMER}} has ordered an offer. The account waits for your confirmation of the delivery date.]]

  [[Product:]] {{ORDERED_PRODUCT}}
{{#ORDERED_FROM}}  [[Provider:]] {{ORDERED_PROVIDER}}
{{/ORDERED_FROM}}  [[Per month:]] {{ORDERED_MONTHLY}}
  [[Initiation:]] {{ORDERED_INITIATION}}
  [[Commitment:]] {{ORDERED_COMMITMENT}}
  [[Ordered by:]] {{ORDERED_BY}}
  [[Ordered on:]] {{ORDERED_AT}}
  [[Account:]] {{ACCOUNT_ID}} ({{ACCOUNT_STATE}})

  [[Request:]] [[Internet access ({{CIRCUIT}})]]
  [[Customer:]] {{CUSTOMER}}
{{#REF}}  [[Customer's reference:]] {{REFERENCE}}
{{/REF}}  [[Installation address:]] {{ADDRESS}}
{{#PRODUCT}}  [[Requested product:]] {{REQUESTED_PRODUCT}}
{{/PRODUCT}}{{#START}}  [[Requested start date:]] {{START_DAY}}
{{/START}}{{#WINDOW}}  [[Time window:]] {{INSTALL_TIME}}
{{/WINDOW}}  [[Submitted by:]] {{CREATOR}}
  [[Received on:]] {{CREATED}}
  [[Request number:]] {{REQUEST_ID}}

[[Confirm it at {{REQUEST_URL}}]]

-- 
reqdesk
{{#UNSUBSCRIBE}}[[To get no more e-mail about this request, open {{UNSUBSCRIBE_URL}}]]
{{/UNSUBSCRIBE}}