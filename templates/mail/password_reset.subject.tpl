[reqdesk] [[Choose a new password]]
