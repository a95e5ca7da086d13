Hello,

Your Internet request for {{ADDRESS}} ({{TYPE}}) has been answered.
It is time to select an offer: the offers expire on {{EXPIRES}}.
{{#OFFER}}
  * {{PRODUCT_NAME}} from {{PROVIDER}}
    per month: {{MONTHLY_CUSTOMER}}, initiation: {{INITIATION_CUSTOMER}}, commitment: {{COMMITMENT}}{{/OFFER}}

Compare them and order one at {{BASE_URL}}/internet/{{REQUEST_ID}}

-- 
reqdesk
