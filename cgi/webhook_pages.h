/*
 * webhook_pages.h — the webhooks' pages (docs/WEBHOOKS.md): /webhooks,
 * the caller's (a customer's OWNER: its customer's; an ADMIN: the
 * operator's, and every customer's) and the form to add one;
 * /webhooks/{id}, one with its secret, its messages and their attempts,
 * "send again", a test message, a new secret, delete.
 *
 * Owns: the webhook pages and their forms (add, send again, a test
 * message, a new secret, delete), each refusal in words.  Calls:
 * webhook (every rule and every change), errors (the problems in
 * words), store (a change's transaction), pages, reply, http, tpl,
 * i18n, util.  Never: a rule or SQL of its own.
 */
#ifndef REQDESK_WEBHOOK_PAGES_H
#define REQDESK_WEBHOOK_PAGES_H

#include "http.h"

int page_webhooks(struct req *r);
int page_webhooks_post(struct req *r);
int page_webhook(struct req *r);
int page_webhook_post(struct req *r);

#endif
