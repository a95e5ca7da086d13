Hello,

Your request {{REQUEST_ID}} ({{NAME}}, {{TYPE}}) moved from {{FROM}} to {{TO}}.

  Customer:         {{CUSTOMER}}
  Your reference:   {{CUSTOMER_REFERENCE}}
  Requested date:   {{REQUESTED_AT}}
  Changed by:       {{BY}}
{{#COMMENT}}
  Comment:          {{COMMENT_TEXT}}
{{/COMMENT}}
{{#PROP_GROUP}}
  {{GROUP_LABEL}}
{{#PROP}}    {{PROP_LABEL}}: {{PROP_VALUE}}
{{/PROP}}{{/PROP_GROUP}}

Follow it at {{BASE_URL}}/requests/{{REQUEST_ID}}

-- 
reqdesk
