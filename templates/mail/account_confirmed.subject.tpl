[reqdesk] Internet account {{ACCOUNT_ID}} confirmed: delivery on {{START_DATE}}
