{{! A change of a request's status, to its creator and contacts: plain text }}[[Hello,]]

{{#CREATOR_COPY}}[[Your request has moved from “{{FROM}}” to “{{TO}}”.]]

{{/CREATOR_COPY}}{{#CONTACT_COPY}}[[A request that names you as a contact has moved from “{{FROM}}” to “{{TO}}”.]]

{{/CONTACT_COPY}}{{#TO_IN_PROGRESS}}[[The operator is working on it.]]

{{/TO_IN_PROGRESS}}{{#TO_COMPLETED}}[[The work is done: nothing more is needed from you.]]

{{/TO_COMPLETED}}{{#TO_REJECTED}}[[The operator has rejected it; the reason is below.]]

{{/TO_REJECTED}}{{#TO_CANCELED}}[[It was cancelled at the customer's request: nothing will be done for it.]]

{{/TO_CANCELED}}{{#STATUS_NOTE}}  [[Comment:]]
{{#NOTE_LINE}}    {{LINE}}
{{/NOTE_LINE}}
{{/STATUS_NOTE}}  [[Changed by:]] {{BY}}
  [[Changed on:]] {{AT}}
  [[Request:]] {{TYPE_NAME}}
{{#REF}}  [[Your reference:]] {{CUSTOMER_REFERENCE}}
{{/REF}}  [[Request number:]] {{REQUEST_ID}}
  [[Customer:]] {{CUSTOMER}}
  [[Requested date:]] {{REQUESTED_AT}}
  [[Submitted by:]] {{CREATOR}}
  [[Received on:]] {{ISSUED_AT}}

{{#PROP_GROUP}}  {{GROUP_LABEL}}
{{#PROP}}    {{PROP_LABEL}}: {{PROP_VALUE}}
{{/PROP}}{{/PROP_GROUP}}
[[Follow it at {{REQUEST_URL}}]]

-- 
reqdesk
{{#UNSUBSCRIBE}}[[To get no more e-mail about this request, open {{UNSUBSCRIBE_URL}}]]
{{/UNSUBSCRIBE}}