[reqdesk] Request {{REQUEST_ID}} received: {{NAME}}
