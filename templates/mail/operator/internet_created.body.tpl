{{! The operator's copy of a new Internet request: plain text }}[[Hello,]]

[[{{CREATOR}} of {{CUSTOMER}} has asked for Internet access. The request waits for your offers.]]

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

{{#NOTES}}  [[Notes:]]
{{#NOTE_LINE}}    {{LINE}}
{{/NOTE_LINE}}
{{/NOTES}}[[Enter the offers at {{REQUEST_URL}}]]

-- 
reqdesk
{{#UNSUBSCRIBE}}[[To get no more e-mail about this request, open {{UNSUBSCRIBE_URL}}]]
{{/UNSUBSCRIBE}}