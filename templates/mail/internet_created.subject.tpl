[reqdesk] Internet request {{REQUEST_ID}} received: {{TYPE}} at {{ADDRESS}}
