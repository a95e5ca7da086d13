{{! A customer's reply on a request, to the operator: plain text }}[[Hello,]]

[[{{AUTHOR}} of {{CUSTOMER}} has replied on this request:]]

{{#REPLY_LINE}}    {{LINE}}
{{/REPLY_LINE}}
{{#FILES}}  [[Attached files:]]
{{#FILE}}    {{FILE_NAME}} ({{FILE_KIND}}, {{FILE_SIZE}})
{{/FILE}}
{{/FILES}}  [[Replied on:]] {{AT}}
  [[Request:]] {{REQUEST_NAME}}
  [[Customer:]] {{CUSTOMER}}
{{#REF}}  [[Customer's reference:]] {{REFERENCE}}
{{/REF}}  [[Request number:]] {{REQUEST_ID}}

[[Read the conversation and answer at {{REQUEST_URL}}]]

-- 
reqdesk
