{{! Offers for an Internet request, to its creator and notify list: plain text }}[[Hello,]]

[[The operator has answered the request for Internet access at {{ADDRESS}} with offers. It is time to select one: they can be ordered until {{EXPIRES}}.]]

{{#OFFER}}  * {{PRODUCT_NAME}}{{#FROM_PROVIDER}}[[, from {{PROVIDER}}]]{{/FROM_PROVIDER}}
      [[Per month:]] {{MONTHLY}}
      [[Initiation:]] {{INITIATION}}
      [[Commitment:]] {{COMMITMENT}}
{{/OFFER}}
  [[Request:]] [[Internet access ({{CIRCUIT}})]]
{{#REF}}  [[Your reference:]] {{REFERENCE}}
{{/REF}}  [[Installation address:]] {{ADDRESS}}
{{#PRODUCT}}  [[Requested product:]] {{REQUESTED_PRODUCT}}
{{/PRODUCT}}{{#START}}  [[Requested start date:]] {{START_DAY}}
{{/START}}{{#WINDOW}}  [[Time window:]] {{INSTALL_TIME}}
{{/WINDOW}}  [[Submitted by:]] {{CREATOR}}
  [[Received on:]] {{CREATED}}
  [[Request number:]] {{REQUEST_ID}}

[[Compare them and order one at {{REQUEST_URL}}]]

-- 
reqdesk
{{#UNSUBSCRIBE}}[[To get no more e-mail about this request, open {{UNSUBSCRIBE_URL}}]]
{{/UNSUBSCRIBE}}