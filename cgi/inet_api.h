/*
 * inet_api.h — the TelecomX-compatible Internet request API, answering
 * errors as {"error": {...}, "errors": [...]}:
 *
 *   POST /internet/request                create (201)
 *   GET  /internet/request                list {offset, limit, total, requests}
 *   GET  /internet/request/{id}           one request
 *   POST /internet/request/{id}           the ADMIN update with offers
 *   POST /internet/account                order one offer (201)
 *   GET  /internet/account/{id}           one account
 *   POST /internet/account/{id}/confirm   ORDERED -> CONFIRMED
 *   POST /internet/account/{id}/activate  CONFIRMED -> ACTIVE (ADMIN)
 *   POST /internet/account/{id}/cancel    ORDERED, CONFIRMED, ACTIVE ->
 *                                         CANCELLED (ADMIN)
 *
 * Each returns 0 once answered, or -1 (500).
 *
 * Owns: the API's JSON answers (the Location of a creation, the list's
 * query: filters, bounds and the search match) and the Idempotency-Key
 * of its creations.  Calls: inet_request and inet_account (every rule
 * and every change), idempotency, search (the list's match), reply (the
 * TelecomX errors and the JSON body), errors (the problems it is handed
 * back), queue (who the assignee filter names), http.  Never: a rule, a message or SQL of its own.
 */
#ifndef REQDESK_INET_API_H
#define REQDESK_INET_API_H

#include "http.h"

int  api_inet_create(struct req *r);
int  api_inet_list(struct req *r);
int  api_inet_get(struct req *r);
int  api_inet_update(struct req *r);
int  api_inet_order(struct req *r);
int  api_inet_account_get(struct req *r);
int  api_inet_confirm(struct req *r);
int  api_inet_activate(struct req *r);
int  api_inet_cancel(struct req *r);

#endif
