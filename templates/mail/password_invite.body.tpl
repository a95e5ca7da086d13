[[Hello,]]

{{#INVITER}}[[{{INVITER_NAME}} has opened an account for you on the desk, with the address {{EMAIL}}.]]{{/INVITER}}
[[Follow this link to choose your password; it serves once, until {{EXPIRES}}:]]

{{BASE_URL}}{{LINK}}

[[Once your password is chosen, log in with your e-mail address and that password. If the link no longer works, ask for the invitation to be sent again.]]

-- 
reqdesk
