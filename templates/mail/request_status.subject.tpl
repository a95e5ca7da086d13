[reqdesk] Request {{REQUEST_ID}} is now {{TO}}
