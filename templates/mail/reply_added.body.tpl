{{! A reply of the operator on a request, to the customer's people: plain text }}[[Hello,]]

[[{{AUTHOR}} has replied on your request:]]

{{#REPLY_LINE}}    {{LINE}}
{{/REPLY_LINE}}
{{#FILES}}  [[Attached files:]]
{{#FILE}}    {{FILE_NAME}} ({{FILE_KIND}}, {{FILE_SIZE}})
{{/FILE}}
{{/FILES}}  [[Replied on:]] {{AT}}
  [[Request:]] {{REQUEST_NAME}}
{{#REF}}  [[Your reference:]] {{REFERENCE}}
{{/REF}}  [[Request number:]] {{REQUEST_ID}}
  [[Customer:]] {{CUSTOMER}}

[[Read the conversation and answer at {{REQUEST_URL}}]]

-- 
reqdesk
{{#UNSUBSCRIBE}}[[To get no more e-mail about this request, open {{UNSUBSCRIBE_URL}}]]
{{/UNSUBSCRIBE}}
