/*
 * inet_request.h — TelecomX-style Internet requests (TelecomX): a customer
 * asks whether DSL or FIBER can be delivered at an address and at what
 * price; an ADMIN answers with offers (the TelecomX update); the customer
 * orders one offer, which becomes an Internet account (ORDERED), which
 * an ADMIN or the reseller's admin confirms (CONFIRMED); an ADMIN then
 * activates it (ACTIVE) and, in the end, cancels it (CANCELLED).  The
 * request's state follows: NEW, HAS_OFFER, then its account's
 * (docs/INTERNET.md).
 *
 * Shared by the JSON API (inet_api.c) and the pages
 * (inet_pages.c, admin_internet.c), so both apply the same rules
 * with the same messages.
 *
 * Outcomes: the functions that change something return 0 when done;
 * 1 when refused, with every problem added to `pb` (XERR_* rows of
 * errors.h, whose first gives the answer's HTTP status); or -1 on a
 * storage error.  Nothing is
 * written unless everything is valid, and each change commits in one
 * transaction with the notifications it queues.
 *
 * Owns: the internet_requests, internet_offers and
 * internet_request_notify rows (a request's state is moved by storage's
 * triggers, in the change's transaction); with inet_account.c (which
 * implements the order, the confirmation, the activation, the
 * cancellation and the account, declared here too) the
 * internet_accounts rows; who may create, order, confirm, activate and
 * cancel; the request's and the account's JSON as the API answers them.
 * Calls: inet_check (the rules of a body), inet_mail (the mails, given
 * what was loaded), webhook (the events, in the change's transaction),
 * idempotency (the unit of work, a creation's key), auth (the
 * operator's scope), errors, store, log, util.  Never: writes a
 * response or decides an HTTP status (a problem's row does), nor writes
 * outside the change's one transaction.
 */
#ifndef REQDESK_INET_REQUEST_H
#define REQDESK_INET_REQUEST_H

#include <time.h>

#include <jansson.h>

#include "webhook.h"

#include "errors.h"
#include "idempotency.h"

struct store;
struct principal;

#define INET_OFFER_DAYS	30	/* offers expire this long after `answered` */
#define INET_LIST_MAX	500	/* GET /internet/request: limit */

/* May the caller create requests (OWNER, RESELLER, RESELLER_ADMIN, ADMIN)? */
int  inet_may_create(const struct principal *who);

/* May the caller order an offer (OWNER, RESELLER, RESELLER_ADMIN, ADMIN)? */
int  inet_may_order(const struct principal *who);

/* May the caller confirm accounts (RESELLER_ADMIN, ADMIN)? */
int  inet_may_confirm(const struct principal *who);

/*
 * POST /internet/request: check `body` (borrowed) and store a new
 * request of the caller's customer (or of the customer / reseller it
 * names), queueing "internet_created" to the operator.  `id` receives
 * the new id.  Problems: access (403), not found (404), values (422).
 * `form_token` (NULL: none, the API) is the one-time token of the page's
 * form (FORM_TOKEN_LEN hex digits, orange_request.h), stored with the
 * request in its transaction; a token that made a request already makes
 * no other: 2, with that request's id in `id`.
 */
int  inet_create(struct store *st, const struct principal *who,
	const json_t *body, const char *form_token, struct problems *pb, char id[25]);

/* The same under the Idempotency-Key `ik` (idem_begin() said IDEM_NEW;
 * NULL: inet_create): the key and the answer (201, Location, the request
 * as the caller sees it) are stored with the request.  0 with ik
 * IDEM_NEW and its answer, or with ik IDEM_REPLAY / IDEM_MISMATCH when
 * another request stored the key first (nothing made); 1; -1. */
int  inet_create_keyed(struct store *st, const struct principal *who,
	const json_t *body, const char *form_token, struct problems *pb, char id[25],
	struct idem *ik);

/* The caller's Internet request made by form token `token`: 1 with its
 * id in `id`, 0 when none, -1 on a storage error. */
int  inet_by_form_token(struct store *st, const struct principal *who,
	const char *token, char id[25]);

/* The caller's open Internet requests (no offer ordered yet, or one
 * ordered and not yet confirmed), newest first, at most `limit`, as the
 * pages show them (INET_PAGE without notify and offers): *items a new
 * array, *total the count of all of them.  0 or -1. */
int  inet_open_list(struct store *st, const struct principal *who, long long limit,
	json_t **items, long long *total);

/* Does the caller see any Internet request?  1, 0, or -1. */
int  inet_any(struct store *st, const struct principal *who);

/*
 * POST /internet/request/{id} (TelecomX, ADMIN only): change the
 * properties present in `body`; `offers` replaces the offer list, sets
 * `answered` when not empty, and queues "internet_answered" to the
 * creator and every notify employee.  Problems: access, not found,
 * offers locked (new offers once one was ordered), values.
 */
int  inet_update(struct store *st, const struct principal *who, const char *id,
	const json_t *body, struct problems *pb);

/*
 * A change of an Internet request or account (create, update, order,
 * confirm), run as one unit of work by the writer (writer.h): the caller
 * waits for it, so the unit may use the caller's objects.  `id` is the
 * object changed (NULL for a creation, whose id goes to new_id).
 */
struct inet_change {
	const struct principal	*who;
	const json_t		*body;
	const char		*id;
	struct problems		*pb;
	char			 new_id[25];
	struct idem		*ik;		/* a creation's Idempotency-Key, or NULL */
	idem_answer_fn		 answer;	/* ... and what it keeps with it */
};

/* Run `unit` on `c` durably (under c->ik: idem_write()); when done, log
 * "internet `what` <id> by <user>" and, for a creation, copy the new id
 * to `id_out` (25 bytes, may be NULL), unless the key was found (nothing
 * made: c->ik says so).  0, 1 (refused: c->pb says why), or -1. */
int  inet_change_run(struct store *st, int (*unit)(struct store *, void *),
	struct inet_change *c, const char *what, char *id_out);

/* How much of a request to show. */
enum inet_view {
	INET_CONDENSED,		/* list items: the main facts */
	INET_FULL,		/* the TelecomX response table */
	INET_PAGE,		/* full, plus names for the pages (productName...) */
};

/*
 * The request `id` as the caller may see it (new reference), or NULL if
 * it does not exist for this caller (*err 0) or on error (*err -1).
 * Offers' prices are those of the caller's audience: customer staff see
 * the customer prices, reseller staff also the wholesale ones, ADMIN all.
 * Besides the TelecomX properties: state (NEW, HAS_OFFER, ORDERED,
 * CONFIRMED, ACTIVE, CANCELLED: inet_states[]), expires
 * (answered + 30 days) and account {_id, state, offer} once ordered.
 */
json_t *inet_load(struct store *st, const struct principal *who,
	const char *id, enum inet_view view, int *err);

/* The list query of GET /internet/request and of the list pages. */
struct inet_filter {
	const char	*customer, *reseller;	/* ids or NULL */
	const char	*filter;		/* address substring or NULL */
	const char	*state;			/* NULL (ANY) or one of inet_states[] */
	const char	*match;			/* a search (search_expr()) or NULL */
	const char	*type;			/* DSL, FIBER or NULL */
	/* days (YYYY-MM-DD) or NULL: created, answered, startDate on or
	 * after from[i] and before before[i] (i: enum inet_date) */
	const char	*from[3], *before[3];
	char		 days[3][2][11];	/* room for those, if the caller wants */
	const char	*assignee;		/* a user id, "" nobody, NULL any (ADMIN) */
	char		 assignee_id[64];	/* room for it */
	long long	 offset, limit;
	enum inet_view	 view;
	int		 inbox;			/* NEW first (oldest first), then the rest */
};

/* The dates a list filters by. */
enum inet_date { INET_DATE_CREATED, INET_DATE_ANSWERED, INET_DATE_START, INET_DATE__MAX };

/* Keep in `f` the days of `which` from `from` to `to` (YYYY-MM-DD, both
 * included; NULL or "" for an open end).  0; 1 when `from` is not a
 * date, 2 when `to` is not. */
int  inet_filter_days(struct inet_filter *f, enum inet_date which, const char *from,
	const char *to);

/* The states of a request in the order of its life, NULL-terminated. */
extern const char *const inet_states[];

/* Is `state` one of inet_states[]?  1 or 0. */
int  inet_state_valid(const char *state);

/* Matching requests in the caller's scope: *items a new array, *total
 * the count of all matches.  0 or -1. */
int  inet_list(struct store *st, const struct principal *who,
	const struct inet_filter *f, json_t **items, long long *total);

/* Seconds left before the offers of `req` (an inet_load object) expire:
 * negative once expired; 0 with *has set to 0 when it has no offers. */
long long inet_seconds_left(const json_t *req, int *has);

/*
 * POST /internet/account {customer, request, offer}: order one offer.
 * `id` receives the account id.  Problems: access, not found (request
 * or offer), ordered (an offer of this request was already ordered),
 * expired, missing or mismatched properties.  Queues "offer_ordered" to the
 * operator.
 */
int  inet_order(struct store *st, const struct principal *who,
	const json_t *body, struct problems *pb, char id[25]);

/* The same under the Idempotency-Key `ik`, as inet_create_keyed() (201,
 * Location, the account). */
int  inet_order_keyed(struct store *st, const struct principal *who,
	const json_t *body, struct problems *pb, char id[25], struct idem *ik);

/*
 * POST /internet/account/{id}/confirm {startDate, installTime, circuit}:
 * ORDERED -> CONFIRMED.  Problems: access, not found, state (when not
 * ORDERED), invalid values.  Queues "account_confirmed" to the
 * request's creator and notify list.
 */
int  inet_confirm(struct store *st, const struct principal *who,
	const char *id, const json_t *body, struct problems *pb);

/*
 * POST /internet/account/{id}/activate: CONFIRMED -> ACTIVE, ADMIN only.
 * POST /internet/account/{id}/cancel: ORDERED, CONFIRMED or ACTIVE ->
 * CANCELLED, ADMIN only.  `body` is not read (NULL or {}).  Each keeps
 * who and when in the account, moves the request's state, and queues
 * "account_activated" / "account_cancelled" to the request's creator
 * and notify list, in its transaction.  Problems: access (403), not
 * found (404), state (422, the account in another state).
 */
int  inet_activate(struct store *st, const struct principal *who,
	const char *id, struct problems *pb);
int  inet_cancel(struct store *st, const struct principal *who,
	const char *id, struct problems *pb);

/* The account `id` (or, with id NULL, the account of request
 * `request_id`) as the caller may see it: new reference, or NULL
 * (*err 0: not found for this caller; -1: error). */
json_t *inet_account_load(struct store *st, const struct principal *who,
	const char *id, const char *request_id, int *err);

/*
 * Queue the webhook event `e` (webhook.h: account.ordered, .confirmed,
 * .activated or .cancelled) about
 * account `id`, as each subscriber's API shows the account, inside the
 * open transaction of the change.  0 or -1 (the change rolls back).
 */
int  inet_account_emit(struct store *st, const char *id, enum hook_event e);

/* May `who` see the offer price `name` (initiationCost...)?  Customer
 * staff see the customer prices, reseller staff also the wholesale
 * ones, ADMIN every price. */
int  inet_price_visible(const struct principal *who, const char *name);

#endif
