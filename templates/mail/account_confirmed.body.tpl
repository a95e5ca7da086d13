Hello,

Your Internet account is confirmed.

  Account:            {{ACCOUNT_ID}} ({{ACCOUNT_STATE}})
  Installation at:    {{ADDRESS}}
  Product:            {{ORDERED_PRODUCT}} from {{ORDERED_PROVIDER}}
  Delivery date:      {{START_DATE}}
  Time window:        {{INSTALL_TIME}}
  Circuit:            {{CIRCUIT}}
  Per month:          {{ORDERED_MONTHLY}}
  Commitment:         {{ORDERED_COMMITMENT}}

The technician calls before arriving. Details at
{{BASE_URL}}/internet/{{REQUEST_ID}}

-- 
reqdesk
