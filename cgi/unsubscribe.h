/*
 * unsubscribe.h — the page a mail's "no more e-mail about this request"
 * link opens: GET /unsubscribe/{token} says what the token stops and
 * asks to confirm (a link opened by a mail scanner changes nothing);
 * POST /unsubscribe/{token} stops it: that address gets no more mail
 * about that request (outbox.h).  The token is the credential: anyone
 * holding the mail may use it, logged in or not, and the POST needs no
 * form token (a mail client's one-click unsubscribe, RFC 8058, posts it
 * too).
 *
 * Owns: the two unsubscribe pages (what the token stops, in words, and
 * the stop).  Calls: outbox (the token and its stop), orange_request
 * and inet_request (the request the mail was about, read in the
 * operator's scope to name it), catalog (its type's title), auth (the
 * operator's scope), pages, reply, tpl, i18n, words.  Never: needs a
 * session or a form token (the token is the credential), or changes
 * anything on a GET.
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
