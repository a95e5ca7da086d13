/*
 * login.h — the handlers of logging in and out: GET/POST /login,
 * POST /logout and POST /auth/login (scripts).
 *
 * Owns: the login page and its form (the signed form token, the page to
 * go back to, a form kept over an expired session), the session cookie
 * it sets and ends, and the answer of POST /auth/login.  Calls: auth
 * (the login with its throttle, sessions, tokens, cookies), reply (the
 * errors of each family), errors (the TelecomX problems), pages, http,
 * tpl, config (the sessions' and tokens' lives), i18n, log, util.
 * Never: checks a password or counts a failure itself (auth_login()
 * does), nor sends back to a page of another site.
 */
#ifndef REQDESK_LOGIN_H
#define REQDESK_LOGIN_H

#include "http.h"

int  page_login(struct req *r);
int  page_login_post(struct req *r);
int  page_logout(struct req *r);
int  api_auth_login(struct req *r);

#endif
