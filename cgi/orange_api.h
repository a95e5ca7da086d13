/*
 * orange_api.h — the Orange-compatible ordering API (seeds 000, 001):
 * /ordering/b2b/v2/requests and /ordering/b2b/v2/catalogItems.
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

/* Answer the problems of a refused request: the first is the error,
 * every one is in "details".  0 or -1. */
int  resp_problems(struct req *r, const struct problems *pb);

/* Parse a non-negative integer query parameter within [min, max];
 * absent gives `def`.  0 ok, -1 invalid. */
int  query_int(const struct req *r, const char *key, long long def,
	long long min, long long max, long long *out);

/* May the caller use type t (for one of the customers in its scope)?
 * 1, 0 (also for NULL), or -1 on a storage error. */
int  caller_may_use(struct req *r, const struct rtype *t);

/* The request types the caller may use, as catalogItems (new array). */
json_t *catalog_items_for(struct req *r);

#endif
