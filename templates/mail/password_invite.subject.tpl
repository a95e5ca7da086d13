[reqdesk] [[You are invited to the desk: choose your password]]
