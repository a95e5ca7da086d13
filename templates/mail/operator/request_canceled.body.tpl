{{! The operator told of a customer's cancellation: plain text }}[[Hello,]]

[[{{BY}} of {{CUSTOMER}} has cancelled this request. Nothing more is to be done for it.]]

{{#STATUS_NOTE}}  [[Comment:]]
{{#NOTE_LINE}}    {{LINE}}
{{/NOTE_LINE}}
{{/STATUS_NOTE}}  [[Cancelled on:]] {{AT}}
  [[Request:]] {{TYPE_NAME}}
  [[Customer:]] {{CUSTOMER}}
{{#REF}}  [[Customer's reference:]] {{CUSTOMER_REFERENCE}}
{{/REF}}  [[Request number:]] {{REQUEST_ID}}
  [[Requested date:]] {{REQUESTED_AT}}
  [[Submitted by:]] {{CREATOR}}
  [[Received on:]] {{ISSUED_AT}}

{{#PROP_GROUP}}  {{GROUP_LABEL}}
{{#PROP}}    {{PROP_LABEL}}: {{PROP_VALUE}}
{{/PROP}}{{/PROP_GROUP}}
[[See it at {{REQUEST_URL}}]]

-- 
reqdesk
{{#UNSUBSCRIBE}}[[To get no more e-mail about this request, open {{UNSUBSCRIBE_URL}}]]
{{/UNSUBSCRIBE}}