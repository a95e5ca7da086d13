/*
 * webhook_api.h — the webhooks' JSON, under /ordering/b2b/v2/webhooks
 * (docs/WEBHOOKS.md): the Orange ordering API's error shape.  A
 * customer's OWNER manages its customer's subscriptions, an ADMIN the
 * operator's (and sees every one).
 *
 * Owns: the subscriptions' JSON answers (the lists and their bounds, a
 * creation's Location and its Idempotency-Key, claimed and recorded in
 * the creation's own transaction; an edit's) and their errors.  Calls: webhook
 * (every rule and every change), idempotency, reply (the Orange errors,
 * the JSON body), errors, store (the creation's and the edit's
 * transactions), http.
 * Never: a rule or SQL of its own.
 */
#ifndef REQDESK_WEBHOOK_API_H
#define REQDESK_WEBHOOK_API_H

#include "http.h"

int api_hooks(struct req *r);		/* GET  /webhooks */
int api_hooks_post(struct req *r);	/* POST /webhooks (Idempotency-Key) */
int api_hook(struct req *r);		/* GET  /webhooks/{id} */
int api_hook_post(struct req *r);	/* POST /webhooks/{id}: edit, pause, resume */
int api_hook_rotate(struct req *r);	/* POST /webhooks/{id}/rotate */
int api_hook_ping(struct req *r);	/* POST /webhooks/{id}/ping */
int api_hook_delete(struct req *r);	/* POST /webhooks/{id}/delete */
int api_hook_messages(struct req *r);	/* GET  /webhooks/{id}/messages */
int api_hook_resend(struct req *r);	/* POST /webhooks/{id}/messages/{msg}/resend */

#endif
