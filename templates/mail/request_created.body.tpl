Hello,

A new request was received on reqdesk.

  Request:          {{REQUEST_ID}}
  Type:             {{NAME}} ({{TYPE}})
  Customer:         {{CUSTOMER}}
  Your reference:   {{CUSTOMER_REFERENCE}}
  Requested date:   {{REQUESTED_AT}}
  Submitted by:     {{CREATOR}}
{{#PROP_GROUP}}
  {{GROUP_LABEL}}
{{#PROP}}    {{PROP_LABEL}}: {{PROP_VALUE}}
{{/PROP}}{{/PROP_GROUP}}

Follow it at {{BASE_URL}}/requests/{{REQUEST_ID}}

-- 
reqdesk
