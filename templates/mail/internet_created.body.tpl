{{! The receipt of a new Internet request, to its creator: plain text }}[[Hello,]]

[[We have received your request for Internet access. The operator answers it with offers; you will be told by e-mail when they are ready to choose from.]]

  [[Request:]] [[Internet access ({{CIRCUIT}})]]
{{#REF}}  [[Your reference:]] {{REFERENCE}}
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
{{/NOTES}}[[Follow it at {{REQUEST_URL}}]]

-- 
reqdesk
{{#UNSUBSCRIBE}}[[To get no more e-mail about this request, open {{UNSUBSCRIBE_URL}}]]
{{/UNSUBSCRIBE}}