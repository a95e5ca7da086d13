[reqdesk] Offers for your Internet request {{REQUEST_ID}}: time to select one
