/*
 * unsubscribe.h — the page a mail's "no more e-mail about this request"
 * link opens: GET /unsubscribe/{token} says what the token stops and
 * asks to confirm (a link opened by a mail scanner changes nothing);
 * POST /unsubscribe/{token} stops it: that address gets no more mail
 * about that request (outbox.h).  The token is the credential: anyone
 * holding the mail may use it, logged in or not, and the POST needs no
 * form token (a mail client's one-click unsubscribe, RFC 8058, posts it
 * too).
 */
#ifndef REQDESK_UNSUBSCRIBE_H
#define REQDESK_UNSUBSCRIBE_H

#include "http.h"

/* 200 with the question (or "already stopped"), 404 for an unknown
 * token. */
int  page_unsubscribe(struct req *r);

/* 200 "stopped" (also when it was already), 404 for an unknown token. */
int  page_unsubscribe_post(struct req *r);

#endif
