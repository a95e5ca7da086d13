/*
 * orange_api.h — the Orange-compatible ordering API (the BVPN update and disconnection types):
 * /ordering/b2b/v2/requests, /ordering/b2b/v2/catalogItems, and the
 * API's own /status and /version.
 *
 * Owns: the API's JSON answers: the list's query (filters, sort,
 * bounds, the fields= selection of at most FIELDS_MAX names, days and
 * ranges of days), the aggregate, the catalog items, a creation's
 * Location and Idempotency-Key, /status and /version.  Calls:
 * orange_request (every rule and every change), catalog (the catalog
 * items), idempotency, search (the list's match), reply (the Orange
 * errors and the JSON body), errors, store (the ping of /status), http,
 * i18n (the answer's language), workday (dates of a filter), queue (who
 * the assignee filter names), log, util.
 * Never: a rule, a message or SQL of its own.
 */
#ifndef REQDESK_ORANGE_API_H
#define REQDESK_ORANGE_API_H

#include "catalog.h"
#include "http.h"

int  api_requests_post(struct req *r);
int  api_requests_list(struct req *r);
int  api_request_get(struct req *r);
int  api_request_status(struct req *r);
int  api_catalog_items(struct req *r);
int  api_catalog_item(struct req *r);

/* GET /ordering/b2b/v2/requests/aggregate?groupBy=...: the counts of the
 * caller's requests matching the list's filters, by groupBy (400, code
 * 20, for a groupBy, sort or filter that cannot be read). */
int  api_requests_aggregate(struct req *r);

/* GET /ordering/b2b/v2/status: {name, status ok|ko, version}, 503 ko
 * when the database does not answer (also without one: route.c). */
int  api_ordering_status(struct req *r);

/* GET /ordering/b2b/v2/version: {version {major, minor, patch},
 * deprecated}. */
int  api_ordering_version(struct req *r);

/* The version of the Orange Ordering API description the routes follow
 * (its major is the v2 of the paths). */
#define ORDERING_API_NAME	"Ordering API"
#define ORDERING_API_MAJOR	"2"
#define ORDERING_API_MINOR	"1"
#define ORDERING_API_PATCH	"1"

#endif
