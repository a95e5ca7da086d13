/*
 * webhook.h — signed webhooks, after the Standard Webhooks specification
 * (docs/WEBHOOKS.md): subscriptions, the events of the desk written in the
 * transaction of the change (as the mail outbox is), their signature, and
 * the destinations a delivery may reach.
 *
 * A subscription belongs to one customer (it hears that customer's
 * events, managed by its OWNER) or to the operator (customer_id NULL: it
 * hears every event, managed by an ADMIN).  Each event that a
 * subscription wants becomes one message (webhook_messages), its body the
 * envelope {"type", "timestamp", "data"} with `data` the resource as the
 * API shows it to that subscriber: the change's caller passes the text
 * for the customer's subscribers and the one for the operator's (NULL for
 * the customer's: the event is the operator's alone, an internal note).
 * reqdesk-webhooks (cgi/hooksender.c) delivers the messages.
 *
 * Owns: the webhook tables' rows, the event table, the signature, the
 * check of a destination.  Domain.  Calls: store, config (the
 * destinations allowed), errors (its problems), workday (the clock),
 * log, util.  Never: sends anything itself (reqdesk-webhooks does), or
 * knows HTTP.
 */
#ifndef REQDESK_WEBHOOK_H
#define REQDESK_WEBHOOK_H

#include <stddef.h>

#include <jansson.h>

struct store;
struct principal;
struct conv_target;
struct sockaddr;
struct problems;
struct idem;

/*
 * The events, each emitted by one call in the transaction of its change
 * (docs/WEBHOOKS.md, "Adding an event").
 */
enum hook_event {
	HOOK_REQUEST_CREATED,		/* request.created: the Orange request */
	HOOK_REQUEST_STATUS_CHANGED,	/* request.status_changed: the request, its history */
	HOOK_REQUEST_ASSIGNED,		/* request.assigned: who handles it (the
					 * operator's subscriptions alone) */
	HOOK_REQUEST_REPLY_ADDED,	/* request.reply_added: a reply (or, to the
					 * operator alone, an internal note) */
	HOOK_INTERNET_CREATED,		/* internet.created: the Internet request */
	HOOK_INTERNET_ANSWERED,		/* internet.answered: the request with its offers */
	HOOK_ACCOUNT_ORDERED,		/* account.ordered: the account */
	HOOK_ACCOUNT_CONFIRMED,		/* account.confirmed: the account */
	HOOK_ACCOUNT_ACTIVATED,		/* account.activated: the account */
	HOOK_ACCOUNT_CANCELLED,		/* account.cancelled: the account */
	HOOK__MAX
};

#define HOOK_PING_EVENT	"webhook.ping"	/* a test message, never subscribed */
#define HOOK_SECRET_PREFIX "whsec_"
#define HOOK_SECRET_BYTES 32		/* the key behind whsec_ (base64) */
#define HOOK_SECRET_MAX	128		/* characters of a stored secret */
#define HOOK_URL_MAX	2000
#define HOOK_DESCRIPTION_MAX 200
#define HOOK_PER_OWNER_MAX 20		/* subscriptions of one customer (or of the operator) */
#define HOOK_MESSAGES_PAGE 50		/* messages on a page or in one list */
#define HOOK_ATTEMPTS_SHOWN 20		/* latest attempts shown of one message */
#define HOOK_ANSWER_MAX	256		/* bytes of a receiver's answer kept */
#define HOOK_HISTORY_SHOWN 20		/* latest changes shown of one subscription */

/* The event's name ("request.created"), or NULL. */
const char *hook_event_name(enum hook_event e);
/* An event by its name, or -1. */
int  hook_event_find(const char *name);

/*
 * Does any subscription want event `e` about customer `customer_id`
 * (NULL: a request of nobody's customer, a reseller's; only the
 * operator's subscriptions hear it)?  1, 0 or -1.  Lets a change skip
 * building the payloads when nobody listens.
 */
int  hook_wanted(struct store *st, enum hook_event e, const char *customer_id);

/*
 * Queue event `e` about `object_id` to every subscription that wants it:
 * the customer's subscriptions get `customer_data` (JSON text; NULL: they
 * get nothing), the operator's `operator_data` (JSON text; NULL: the same
 * as the customer's).  Inside the change's open transaction.  0 or -1
 * (the caller rolls back).
 */
int  hook_emit(struct store *st, enum hook_event e, const char *customer_id,
	const char *object_id, const char *customer_data, const char *operator_data);

/*
 * Queue event `e` about object `id` as each subscriber's API shows it:
 * load(st, who, id) gives the object as `who` reads it (NULL: gone or
 * an error), first as the operator (whose "customer" names the
 * customer), then, when anyone listens, as that customer's reader
 * (hook_reader: its prices, no cost).  Nothing is loaded twice when
 * nobody listens.  Inside the change's open transaction.  0 or -1.
 */
typedef json_t *(*hook_load_fn)(struct store *st, const struct principal *who,
	const char *id);
int  hook_emit_views(struct store *st, enum hook_event e, const char *id,
	hook_load_fn load);

/*
 * A principal that reads as a subscription of customer `customer_id`
 * sees (an OWNER of it with no user; `customer_id` borrowed): the
 * payload for a customer's subscribers is built with it.
 */
void hook_reader(struct principal *p, const char *customer_id);

/* A reply or a note was added to the request `t` (conversation.h), in the
 * open transaction: request.reply_added, the note as each family's API
 * shows it; an internal note to the operator's subscriptions alone.
 * 0 or -1. */
int  hook_note_added(struct store *st, const struct conv_target *t,
	const char *note_id, const char *title, const char *text, int internal,
	const char *side, const char *author_id, const char *author_name,
	const char *created);

/* A request of `family` ("orange", "internet") was given to `assignee`
 * (NULL: back to nobody) with `priority` ("low", "normal", "high") by
 * `by` at `at`, in the open transaction (queue.c): request.assigned, to
 * the operator's subscriptions alone (who handles a request is the
 * operator's own business).  0 or -1. */
int  hook_request_assigned(struct store *st, const char *family, const char *id,
	const char *assignee, const char *priority, const char *by, const char *at);

/* ---- the signature (Standard Webhooks, "v1") ---- */

/* A new secret: "whsec_" + base64 of HOOK_SECRET_BYTES random bytes. 0/-1. */
int  hook_secret_new(char out[HOOK_SECRET_MAX + 1]);

/*
 * "v1," + base64(HMAC-SHA256(key, id "." timestamp "." body)), with key
 * the bytes of `secret` after "whsec_" (base64).  0, or -1 for a secret
 * that is not one.
 */
int  hook_sign(const char *secret, const char *msg_id, long long timestamp,
	const char *body, size_t len, char out[64]);

/* ---- destinations ---- */

/*
 * May a delivery connect to `sa`?  Loopback, link-local, private,
 * carrier-grade NAT, multicast, unspecified and reserved addresses
 * (IPv4 mapped or NAT64 in IPv6 read as IPv4) are refused, unless
 * [webhooks] allow names a range holding it.  1 allowed, 0 refused;
 * `why` (may be NULL) receives the address in text.
 */
int  hook_address_allowed(const struct sockaddr *sa, char *why, size_t whylen);

/* Is `sa` in one of the ranges of [webhooks] allow?  1 or 0. */
int  hook_address_trusted(const struct sockaddr *sa);

/*
 * Check a subscription's URL: http or https, a host, no user name or
 * password, no fragment, at most HOOK_URL_MAX characters; the host
 * resolved and every address it has allowed (above); plain http only
 * towards a range of [webhooks] allow.  Problems go to `pb` at "url"
 * (Orange family).  0 fine, 1 refused, -1.
 */
int  hook_url_check(const char *url, struct problems *pb);

/* ---- subscriptions ---- */

/* A subscription as the API shows it (new reference): id, url, events,
 * description, customer (null for the operator's), paused, createdAt,
 * updatedAt once changed, previousSecretExpiresAt during a rotation; the
 * secret and the latest changes (history) when `with_secret` (one
 * subscription, not the list). */
json_t *hook_json(struct store *st, const struct principal *who, const char *id,
	int with_secret, int *err);

/* The caller's subscriptions (an OWNER its customer's, an ADMIN every
 * one), newest first, at most HOOK_PER_OWNER_MAX * 5.  New array or NULL. */
json_t *hook_list(struct store *st, const struct principal *who);

/*
 * Check a new subscription's body ({url, events?, description?}): its
 * fields, then the URL (hook_url_check(), which resolves the host: call
 * it outside any transaction).  Orange problems in `pb`, sorted.  0
 * fine, 1 refused, -1.
 */
int  hook_create_check(const json_t *body, struct problems *pb);

/*
 * Create the subscription of a checked body for the caller's customer
 * (an ADMIN: the operator's), in a transaction of its own (through the
 * writer), under the Idempotency-Key `ik` (NULL or IDEM_NONE: none):
 * the subscription, its history ("created"), the key and its answer.
 * Refused (1, pb) when its owner has HOOK_PER_OWNER_MAX already; 2 when
 * `form_token` (a page's one-time token, NULL: none) made one already;
 * 3 when another request stored the key first (ik says what to answer).
 * id[25] receives its id; *text (text not NULL) the subscription as
 * hook_json() shows it, owned.  0, 1, 2, 3, -1.
 */
int  hook_add(struct store *st, const struct principal *who, const json_t *body,
	const char *form_token, struct idem *ik, struct problems *pb, char id[25],
	char **text);

/* The subscription the caller made with the page's one-time form token
 * `token` (NULL: none): 1 with its id in id[25], 0, -1. */
int  hook_by_form_token(struct store *st, const struct principal *who, const char *token,
	char id[25]);

/*
 * Check an edit's body ({url?, events?, description?, paused?}, each
 * optional; description null empties it): as hook_create_check() for
 * the fields it holds, `paused` true or false.  Outside any transaction
 * (the URL is resolved).  0 fine, 1 refused (pb), -1.
 */
int  hook_update_check(const json_t *body, struct problems *pb);

/*
 * Apply a checked edit to subscription `id`, in a transaction of its own:
 * its fields; paused (nothing is queued for it nor sent to it while
 * paused) or resumed (what waited is due now, with a new retry window).
 * Each change kept in its history (edited, paused, resumed).  1 (also
 * when nothing changes: nothing kept), 0 not found, -1.
 */
int  hook_update(struct store *st, const struct principal *who, const char *id,
	const json_t *body);

/* Rotate the secret of subscription `id`, in a transaction of its own: a
 * new one signs from now on, the old one too for [webhooks]
 * rotation_hours; kept in its history.  1, 0 not found, -1. */
int  hook_rotate(struct store *st, const struct principal *who, const char *id);

/* Delete subscription `id` and its messages.  1, 0 not found, -1. */
int  hook_delete(struct store *st, const struct principal *who, const char *id);

/* Queue a test message (webhook.ping) to subscription `id`.  1 with its
 * message id in `msg` (msg_...), 0 not found, -1. */
int  hook_ping(struct store *st, const struct principal *who, const char *id,
	char msg[40]);

/* Send message `msg` of subscription `id` again (same webhook-id, a new
 * day of retries).  1, 0 not found, -1. */
int  hook_resend(struct store *st, const struct principal *who, const char *id,
	const char *msg);

/* The messages of subscription `id`, newest first, `limit` (at most
 * HOOK_MESSAGES_PAGE) from `offset`, each with its latest attempts; *total
 * all of them.  New array, or NULL with *err 0 (no such subscription) or -1. */
json_t *hook_messages(struct store *st, const struct principal *who, const char *id,
	long long offset, long long limit, long long *total, int *err);

/* A JSON string of the longest valid UTF-8 prefix of `s` (NULL: null). */
json_t *json_string_cut_utf8(const char *s);

#endif
