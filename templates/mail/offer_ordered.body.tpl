{{! The confirmation of an order, to the customer's people: plain text }}[[Hello,]]

[[Thank you: {{ORDERED_BY}} has ordered the offer below for Internet access at {{ADDRESS}}. The operator will confirm the delivery date by e-mail.]]

  [[Product:]] {{ORDERED_PRODUCT}}
{{#ORDERED_FROM}}  [[Provider:]] {{ORDERED_PROVIDER}}
{{/ORDERED_FROM}}  [[Per month:]] {{ORDERED_MONTHLY}}
  [[Initiation:]] {{ORDERED_INITIATION}}
  [[Commitment:]] {{ORDERED_COMMITMENT}}
  [[Ordered by:]] {{ORDERED_BY}}
  [[Ordered on:]] {{ORDERED_AT}}
  [[Account:]] {{ACCOUNT_ID}} ({{ACCOUNT_STATE}})

  [[Request:]] [[Internet access ({{CIRCUIT}})]]
{{#REF}}  [[Your reference:]] {{REFERENCE}}
{{/REF}}  [[Installation address:]] {{ADDRESS}}
{{#PRODUCT}}  [[Requested product:]] {{REQUESTED_PRODUCT}}
{{/PRODUCT}}{{#START}}  [[Requested start date:]] {{START_DAY}}
{{/START}}{{#WINDOW}}  [[Time window:]] {{INSTALL_TIME}}
{{/WINDOW}}  [[Submitted by:]] {{CREATOR}}
  [[Received on:]] {{CREATED}}
  [[Request number:]] {{REQUEST_ID}}

[[Follow it at {{REQUEST_URL}}]]

-- 
reqdesk
{{#UNSUBSCRIBE}}[[To get no more e-mail about this request, open {{UNSUBSCRIBE_URL}}]]
{{/UNSUBSCRIBE}}