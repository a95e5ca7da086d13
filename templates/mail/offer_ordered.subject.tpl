[reqdesk] Offer ordered on Internet request {{REQUEST_ID}}: account {{ACCOUNT_ID}}
