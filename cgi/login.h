/*
 * login.h — the handlers of logging in and out: GET/POST /login,
 * POST /logout and POST /auth/login (scripts).
 */
#ifndef REQDESK_LOGIN_H
#define REQDESK_LOGIN_H

#include "http.h"

int  page_login(struct req *r);
int  page_login_post(struct req *r);
int  page_logout(struct req *r);
int  api_auth_login(struct req *r);

#endif
