/*
 * orange_request.h — Orange-style ordering requests: creation with every check
 * of the BVPN request types, reading, listing, and the status life
 * NEW -> IN_PROGRESS -> COMPLETED, REJECTED (ADMIN, with a reason),
 * CANCELED (the customer, while NEW).
 *
 * Shared by the JSON API (orange_api.c) and the browser forms, so both
 * apply the same rules with the same messages.
 *
 * Owns: the requests and request_history rows, the checks of a creation
 * (the top-level members, the service point resolved in the caller's
 * scope, requestedAt and its lead time, the catalog's properties), the
 * status life and who may move it, the lists (sorts, filters, bounds)
 * and the aggregate (at most AGG_GROUPS_MAX groups).  Calls: catalog
 * (the types and their validator), catalog_grant (customized types),
 * orange_mail (the mails), webhook (the events, in the change's
 * transaction), idempotency (the unit of work, a creation's key), auth
 * (the operator's scope, for an event's text), workday (the lead time),
 * errors, store, log, util.  Never: writes a response or chooses an
 * HTTP status (a problem's OERR_* row does), nor writes outside the
 * change's one transaction.
 */
#ifndef REQDESK_ORANGE_REQUEST_H
#define REQDESK_ORANGE_REQUEST_H

#include <jansson.h>

#include "catalog.h"
#include "util.h"	/* struct buf */

struct store;
struct principal;
struct idem;

/* Outcome of request_create() beyond the problem list. */
enum create_result {
	CREATE_OK,		/* stored; id filled */
	CREATE_INVALID,		/* problems listed; nothing stored */
	CREATE_FORBIDDEN,	/* type or customer not allowed (403 / 50) */
	CREATE_UNAVAILABLE,	/* could not be stored (422 / 3623) */
	CREATE_ALREADY,		/* the form token made a request already: id is it */
	CREATE_KEY_FOUND,	/* request_create_keyed(): another request stored
				 * the Idempotency-Key first; nothing stored, the
				 * idem says what to answer (idempotency.h) */
};

/*
 * Check `body` (borrowed) in the documented order and store it as a new
 * request of the caller's customer, with its first history entry, in
 * one transaction.  Problems go to `pb` sorted in the order of checks
 * (412/65, 3620, 3611, 3622/3621).  `why` receives the reason of a
 * CREATE_FORBIDDEN.  The messages a catalog field declares are said in
 * `lang` ("en", "fr", "da"; catalog_validate).  With `answer` not NULL, a stored request's API text
 * (as request_load_text() gives it, owned) goes to *answer: NULL if it
 * could not be made (the request is stored all the same).
 * `form_token` (NULL for none: the APIs) is the one-time token of the
 * page's form (FORM_TOKEN_LEN hex digits), stored with the request in
 * its transaction: a token that made a request already makes no other
 * (CREATE_ALREADY, `id` that request), so that a form sent twice makes
 * one request.
 */
enum create_result request_create(struct store *st, const struct principal *who,
	const json_t *body, const char *form_token, const char *lang,
	struct problems *pb, char id[25], char **answer, char *why, size_t whylen);

/* The same under the Idempotency-Key `ik` (idem_begin() said IDEM_NEW;
 * NULL or IDEM_NONE: request_create): the key and the answer (201,
 * Content-Location, the text *answer receives) are stored with the
 * request, or CREATE_KEY_FOUND. */
enum create_result request_create_keyed(struct store *st, const struct principal *who,
	const json_t *body, const char *form_token, const char *lang,
	struct problems *pb, char id[25], char **answer, char *why, size_t whylen,
	struct idem *ik);

/* Does the caller see any ordering request?  1, 0, or -1. */
int request_any(struct store *st, const struct principal *who);

/* The length of a form token (docs/API.md, "Pages"), in hex digits. */
#define FORM_TOKEN_LEN	32

/* The caller's request made by form token `token`: 1 with its id in
 * `id`, 0 when none, -1 on a storage error. */
int request_by_form_token(struct store *st, const struct principal *who,
	const char *token, char id[25]);

/* The request as the API shows it (new reference), or NULL if it does
 * not exist for this caller (or on error: *err set to -1). */
json_t *request_load(struct store *st, const struct principal *who,
	const char *id, int *err);

/* The same as JSON text (owned), written by storage and spliced, with no
 * JSON tree: what GET /requests/{id} sends. */
char   *request_load_text(struct store *st, const struct principal *who,
	const char *id, int *err);

/*
 * Move a request to `to`, recording who, when and why.  Returns 0,
 * HERR_NOT_FOUND, HERR_FORBIDDEN (level), HERR_CONFLICT (illegal
 * transition; `why` says which), HERR_MISSING (REJECTED without a
 * reason), HERR_BAD_BODY (unknown status, comment too long) or -1.
 */
int request_transition(struct store *st, const struct principal *who,
	const char *id, const char *to, const char *comment, char *why, size_t whylen);

/* The statuses a caller may move a request in `from` to, from the same
 * table as request_transition (NULL-terminated; valid until the next call
 * on this thread; for the page's buttons). */
const char *const *request_next_statuses(const struct principal *who, const char *from);

/* List filter of GET /requests and of the list page. */
struct request_filter {
	const char	*id, *status, *type, *category, *customer_reference; /* comma lists or NULL */
	const char	*customer;	/* customer.id: a comma list, or NULL */
	/* days (YYYY-MM-DD) or NULL: issued on or after issued_from and
	 * before issued_before, requested on or after requested_from and
	 * before requested_before (UTC days) */
	const char	*issued_from, *issued_before, *requested_from, *requested_before;
	char		 days[4][11];	/* room for those four, if the caller wants */
	const char	*assignee;	/* who handles it: a user id, "" nobody, NULL any
					 * (queue_assignee_param(); ADMIN only) */
	char		 assignee_id[64];	/* room for it */
	const char	*sort;		/* "issuedAt", "-issuedAt", ... or NULL */
	const char	*match;		/* a search (search_expr()) or NULL: then newest first */
	long long	 offset, limit;
};

/* Is `sort` a supported sort key?  1 or 0. */
int request_sort_valid(const char *sort);

/*
 * Keep in `f` the days of `which` (0: issued, 1: requested) from `gte`
 * to `lte` (YYYY-MM-DD, both included; NULL or "" for an open end), in
 * f->days.  0; 1 when `gte` is not a date, 2 when `lte` is not (f is then
 * unchanged for that end).
 */
int request_filter_days(struct request_filter *f, int which, const char *gte,
	const char *lte);

/* Append to `b` a request's item text (REQ_ITEM, as request_row_fn gets
 * it) without its closing brace, then ,"properties": and the stored
 * properties text: the caller adds what follows and the brace.  0 or -1. */
int  request_item_open(struct buf *b, const char *item, const char *props);

/* Called for each listed request with the JSON text of its item without
 * its properties (one object, ending in '}'), and the stored JSON text of
 * its properties.  0, or -1 to stop. */
typedef int (*request_row_fn)(void *ctx, const char *item_text, const char *props_text);

/* The requests matching `f` within the caller's scope, one by one; *total
 * receives the count of all matches (known before the first row).  0 or -1. */
int request_list_each(struct store *st, const struct principal *who,
	const struct request_filter *f, request_row_fn fn, void *ctx, long long *total);

/*
 * GET /requests/aggregate: how many requests of the caller's scope match
 * a filter, grouped by up to AGG_BY_MAX of the attributes below.
 */
enum agg_by {
	AGG_BY_STATUS,
	AGG_BY_TYPE,
	AGG_BY_CATEGORY,
	AGG_BY_CUSTOMER_ID,	/* "customer.id" */
	AGG_BY_CUSTOMER_NAME,	/* "customer.name" */
	AGG_BY__MAX
};

#define AGG_BY_MAX	3	/* attributes in one groupBy */
#define AGG_GROUPS_MAX	1000	/* groups in one answer */

enum agg_sort { AGG_SORT_VALUE, AGG_SORT_VALUE_DESC, AGG_SORT_COUNT, AGG_SORT_COUNT_DESC };

struct request_agg {
	enum agg_by	 by[AGG_BY_MAX];
	size_t		 nby;
	enum agg_sort	 sort;
};

/* Read `group_by` (a comma list) and `sort` (VALUE or COUNT, '-' for
 * descending, any case; NULL: VALUE) into *a.  0, or -1 with the
 * sentence of the 400 in `why`. */
int  request_agg_parse(const char *group_by, const char *sort, struct request_agg *a,
	char *why, size_t whylen);

/*
 * The counts: *out a new object whose members are the values of the
 * first attribute, each the count of its requests or, with more
 * attributes, an object of the next one's values, in the order `a`
 * sorts them; *total the requests counted, *groups the counts (the
 * leaves).  0, 1 when there would be more than AGG_GROUPS_MAX groups
 * (*out NULL), or -1.
 */
int  request_aggregate(struct store *st, const struct principal *who,
	const struct request_filter *f, const struct request_agg *a, json_t **out,
	long long *total, long long *groups);

/* The requests matching `f` within the caller's scope: *items receives
 * a new array, *total the count of all matches.  0 or -1. */
int request_list(struct store *st, const struct principal *who,
	const struct request_filter *f, json_t **items, long long *total);

#endif
