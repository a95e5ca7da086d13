Hello,

An offer was ordered; the Internet account waits for confirmation.

  Account:            {{ACCOUNT_ID}} ({{ACCOUNT_STATE}})
  Request:            {{REQUEST_ID}}
  Customer:           {{CUSTOMER}}
  Installation at:    {{ADDRESS}}
  Product:            {{ORDERED_PRODUCT}} from {{ORDERED_PROVIDER}}
  Per month:          {{ORDERED_MONTHLY}}
  Initiation:         {{ORDERED_INITIATION}}
  Commitment:         {{ORDERED_COMMITMENT}}

Confirm it at {{BASE_URL}}/admin/internet/{{REQUEST_ID}}

-- 
reqdesk
