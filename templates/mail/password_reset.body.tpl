[[Hello,]]

[[Someone, probably you, asked to choose a new password for your account on the desk. Follow this link to choose it; it serves once, within an hour:]]

{{BASE_URL}}{{LINK}}

[[If you did not ask for it, ignore this mail: your password stays as it is.]]

-- 
reqdesk
