{{! The activation of an account, to the creator and notify list: plain text }}[[Hello,]]

[[Your Internet access at {{ADDRESS}} is active since {{ACTIVATED_AT}}.]]

  [[Active since:]] {{ACTIVATED_AT}}
{{#DELIVERY}}  [[Delivery date:]] {{DELIVERY_DAY}}
{{/DELIVERY}}{{#DELIVERY_WINDOW}}  [[Time window:]] {{DELIVERY_TIME}}
{{/DELIVERY_WINDOW}}{{#DELIVERY_CIRCUIT}}  [[Circuit:]] {{CIRCUIT_ID}}
{{/DELIVERY_CIRCUIT}}  [[Product:]] {{ORDERED_PRODUCT}}
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

[[Details at {{REQUEST_URL}}]]

-- 
reqdesk
{{#UNSUBSCRIBE}}[[To get no more e-mail about this request, open {{UNSUBSCRIBE_URL}}]]
{{/UNSUBSCRIBE}}