{{! The receipt of a new request, to its creator and contacts: plain text }}[[Hello,]]

{{#CREATOR_COPY}}[[We have received your request. You will be told by e-mail at each step.]]

{{/CREATOR_COPY}}{{#CONTACT_COPY}}[[{{CREATOR}} of {{CUSTOMER}} has made a request that names you as a contact. You will be told by e-mail at each step.]]

{{/CONTACT_COPY}}  [[Request:]] {{TYPE_NAME}}
{{#REF}}  [[Your reference:]] {{CUSTOMER_REFERENCE}}
{{/REF}}  [[Request number:]] {{REQUEST_ID}}
  [[Customer:]] {{CUSTOMER}}
  [[Requested date:]] {{REQUESTED_AT}}
  [[Submitted by:]] {{CREATOR}}
  [[Received on:]] {{ISSUED_AT}}

{{#COMMENT}}  [[Comment:]]
{{#COMMENT_LINE}}    {{LINE}}
{{/COMMENT_LINE}}
{{/COMMENT}}{{#PROP_GROUP}}  {{GROUP_LABEL}}
{{#PROP}}    {{PROP_LABEL}}: {{PROP_VALUE}}
{{/PROP}}{{/PROP_GROUP}}
[[Follow it at {{REQUEST_URL}}]]

-- 
reqdesk
{{#UNSUBSCRIBE}}[[To get no more e-mail about this request, open {{UNSUBSCRIBE_URL}}]]
{{/UNSUBSCRIBE}}