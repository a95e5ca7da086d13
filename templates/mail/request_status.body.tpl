Hello,

Your request {{REQUEST_ID}} ({{NAME}}, {{TYPE}}) moved from {{FROM}} to {{TO}}.

  Customer:         {{CUSTOMER}}
  Your reference:   {{CUSTOMER_REFERENCE}}
  Requested date:   {{REQUESTED_AT}}
  Changed by:       {{BY}}
{{#COMMENT}}
  Comment:          {{COMMENT_TEXT}}
{{/COMMENT}}

Follow it at {{BASE_URL}}/requests/{{REQUEST_ID}}

-- 
reqdesk
