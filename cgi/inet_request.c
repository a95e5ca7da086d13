/*
 * inet_request.c — Internet requests (TelecomX): create, the ADMIN update
 * with offers, reading and listing.  The rules live in inet_check.c,
 * accounts in inet_account.c, notifications in inet_mail.c.
 *
 * A request travels as the JSON object of the TelecomX response table
 * ("the record"): checks produce its properties, write_request() binds
 * it to SQL, request_json() reads it back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "errors.h"
#include "http.h"
#include "inet_check.h"
#include "inet_mail.h"
#include "inet_request.h"
#include "jsonx.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "webhook.h"
#include "workday.h"
#include "writer.h"

static const char *const price_names[] = {
	"initiationCost", "initiationWholesale", "initiationCustomer",
	"monthlyCost", "monthlyWholesale", "monthlyCustomer",
};

/* The columns of ST_INET_OFFER_LIST that hold the prices of price_names[]. */
static const enum offer_col price_cols[] = {
	OFFER_INITIATION_COST, OFFER_INITIATION_WHOLESALE, OFFER_INITIATION_CUSTOMER,
	OFFER_MONTHLY_COST, OFFER_MONTHLY_WHOLESALE, OFFER_MONTHLY_CUSTOMER,
};

_Static_assert(sizeof(price_cols) / sizeof(price_cols[0]) ==
    sizeof(price_names) / sizeof(price_names[0]), "a column for every price");

/* The columns of INET_COLS that hold one address of a request. */
struct address_cols {
	enum inet_col	 id, address, zip, city;
};

static const struct address_cols address1_cols = {
	INET_ADDRESS_ID, INET_ADDRESS, INET_ZIP, INET_CITY
};
static const struct address_cols address2_cols = {
	INET_ADDRESS2_ID, INET_ADDRESS2, INET_ZIP2, INET_CITY2
};

const char *const inet_states[] = {
	"NEW", "HAS_OFFER", "ORDERED", "CONFIRMED", "ACTIVE", "CANCELLED", NULL
};

int
inet_state_valid(const char *state)
{
	size_t i;

	for (i = 0; state != NULL && inet_states[i] != NULL; i++)
		if (strcmp(state, inet_states[i]) == 0)
			return 1;
	return 0;
}

/* OWNER, RESELLER, RESELLER_ADMIN or ADMIN?  1 or 0. */
int
inet_may_create(const struct principal *who)
{
	return (LV(who->level) & (LV(LVL_OWNER) | LV(LVL_RESELLER) |
	    LV(LVL_RESELLER_ADMIN) | LV_ADMIN)) != 0;
}

/* The same levels as create.  1 or 0. */
int
inet_may_order(const struct principal *who)
{
	return inet_may_create(who);
}

/* RESELLER_ADMIN or ADMIN?  1 or 0. */
int
inet_may_confirm(const struct principal *who)
{
	return who->level == LVL_ADMIN || who->level == LVL_RESELLER_ADMIN;
}

/* Report one problem; returns 1, the outcome of a refused change. */
static int
refuse(struct problems *pb, enum xerr e, const char *code, const char *path)
{
	return xproblem(pb, e, code, path, NULL) < 0 ? -1 : 1;
}

/* The outcome of checks that ran: 1 when they found problems, -1 when
 * they could not all run. */
static int
checked(int rc, const struct problems *pb)
{
	if (rc < 0 || pb->failed)
		return -1;
	return problems_found(pb) > 0 ? 1 : 0;
}

/* ---- reading --------------------------------------------------------- */

/* Set key to the boolean of column col, unless it is NULL. */
static void
set_bool(json_t *o, const char *key, struct rows *s, int col)
{
	if (!store_isnull(s, col))
		json_object_set_new(o, key, json_boolean(store_int(s, col)));
}

/* Set key to the integer of column col, unless it is NULL. */
static void
set_int(json_t *o, const char *key, struct rows *s, int col)
{
	if (!store_isnull(s, col))
		json_object_set_new(o, key, json_integer(store_int(s, col)));
}

/* A price in cents as a JSON number: 1600 for 160000, 12.5 for 1250. */
static json_t *
money(long long cents)
{
	return cents % 100 == 0 ? json_integer(cents / 100) : json_real((double)cents / 100);
}

/* The address in columns `c` of the row; NULL when there is none. */
static json_t *
address_json(struct rows *s, const struct address_cols *c)
{
	json_t *a;

	if (store_isnull(s, c->address))
		return NULL;
	a = json_object();
	store_json_text(a, "_id", s, c->id);
	store_json_text(a, "address", s, c->address);
	store_json_text(a, "zip", s, c->zip);
	store_json_text(a, "city", s, c->city);
	return a;
}

/* The TelecomX properties of the request at the current row, in the
 * order of its response table; a condensed list item keeps only _id,
 * type, customer, reseller, address, product and reference.  Empty
 * notify and offers lists are placed for request_lists() to fill. */
static void
request_props(json_t *o, struct rows *s, int full)
{
	store_json_text(o, "customer", s, INET_CUSTOMER_ID);
	store_json_text(o, "reseller", s, INET_RESELLER_ID);
	if (full)
		store_json_text(o, "notes", s, INET_NOTES);
	json_object_set_new(o, "address", address_json(s, &address1_cols));
	if (full && !store_isnull(s, INET_ADDRESS2))
		json_object_set_new(o, "address2", address_json(s, &address2_cols));
	store_json_text(o, "product", s, INET_PRODUCT_ID);
	if (full) {
		set_bool(o, "takeover", s, INET_TAKEOVER);
		store_json_text(o, "takeoverCircuit", s, INET_TAKEOVER_CIRCUIT);
		store_json_text(o, "takeoverCustomer", s, INET_TAKEOVER_CUSTOMER);
		set_int(o, "ipAddresses", s, INET_IP_ADDRESSES);
		set_bool(o, "commitment1", s, INET_COMMITMENT1);
		set_bool(o, "commitment2", s, INET_COMMITMENT2);
		set_bool(o, "commitment3", s, INET_COMMITMENT3);
	}
	store_json_text(o, "reference", s, INET_REFERENCE);
	if (!full)
		return;
	json_object_set_new(o, "notify", json_array());
	store_json_text(o, "startDate", s, INET_START_DATE);
	store_json_text(o, "installCallNumber", s, INET_INSTALL_CALL_NUMBER);
	store_json_text(o, "installCallName", s, INET_INSTALL_CALL_NAME);
	store_json_text(o, "installTime", s, INET_INSTALL_TIME);
	json_object_set_new(o, "offers", json_array());
}

/* Expiry of the offers of a request answered at `answered`: 30 days
 * later, with the same milliseconds. */
static json_t *
expires_json(const char *answered)
{
	char	iso[32];

	inet_epoch_iso(inet_iso_epoch(answered) + INET_OFFER_DAYS * 86400L, iso);
	if (strlen(answered) == 24)
		memcpy(iso + 19, answered + 19, 5);
	return json_string(iso);
}

/* The request at the current row of `s` (INET_COLS); notify and offers
 * are added by the caller.  New reference or NULL. */
static json_t *
request_json(struct rows *s, enum inet_view view)
{
	json_t	*o;

	o = json_pack("{s:s, s:s}", "_id", store_text(s, INET_ID),
	    "type", store_text(s, INET_TYPE));
	if (o == NULL)
		return NULL;
	request_props(o, s, view != INET_CONDENSED);
	store_json_text(o, "created", s, INET_CREATED);
	store_json_text(o, "createdBy", s, INET_CREATED_BY);
	store_json_text(o, "answered", s, INET_ANSWERED);
	store_json_text(o, "state", s, INET_STATE);
	if (!store_isnull(s, INET_ANSWERED) && store_int(s, INET_OFFERED))
		json_object_set_new(o, "expires",
		    expires_json(store_text(s, INET_ANSWERED)));
	if (!store_isnull(s, INET_ACCOUNT_ID))
		json_object_set_new(o, "account", json_pack("{s:s, s:s, s:s}",
		    "_id", store_text(s, INET_ACCOUNT_ID),
		    "state", store_text(s, INET_ACCOUNT_STATE),
		    "offer", store_text(s, INET_ACCOUNT_OFFER_ID)));
	if (view == INET_PAGE) {
		store_json_text(o, "customerName", s, INET_CUSTOMER_NAME);
		store_json_text(o, "productName", s, INET_PRODUCT_NAME);
		store_json_text(o, "createdByName", s, INET_CREATOR_NAME);
		store_json_text(o, "customerCurrency", s, INET_CUSTOMER_CURRENCY);
	}
	return o;
}

/* Cost prices for ADMIN, wholesale ones for reseller staff too. */
int
inet_price_visible(const struct principal *who, const char *name)
{
	if (who->level == LVL_ADMIN)
		return 1;
	if (strstr(name, "Cost") != NULL)
		return 0;
	if (strstr(name, "Wholesale") != NULL)
		return who->level == LVL_RESELLER || who->level == LVL_RESELLER_ADMIN;
	return 1;
}

/* One offer at the current row of ST_INET_OFFER_LIST. */
static json_t *
offer_json(struct rows *s, const struct principal *who, enum inet_view view)
{
	json_t	*o = json_object();
	size_t	 i;

	store_json_text(o, "_id", s, OFFER_ID);
	store_json_text(o, "product", s, OFFER_PRODUCT_ID);
	store_json_text(o, "initiationFeeProduct", s, OFFER_FEE_PRODUCT_ID);
	for (i = 0; i < 6; i++)
		if (!store_isnull(s, price_cols[i]) &&
		    inet_price_visible(who, price_names[i]))
			json_object_set_new(o, price_names[i],
			    money(store_int(s, price_cols[i])));
	set_int(o, "commitment", s, OFFER_COMMITMENT);
	store_json_text(o, "providerName", s, OFFER_PROVIDER_NAME);
	store_json_text(o, "providerOfferId", s, OFFER_PROVIDER_OFFER_ID);
	if (view == INET_PAGE) {
		store_json_text(o, "productName", s, OFFER_PRODUCT_NAME);
		store_json_text(o, "initiationFeeProductName", s, OFFER_FEE_PRODUCT_NAME);
	}
	return o;
}

/* Add notify [{_id, name}] and offers to the request `o`.  0 or -1. */
static int
request_lists(struct store *st, const struct principal *who, json_t *o,
    enum inet_view view)
{
	const char	*id = json_string_value(json_object_get(o, "_id"));
	struct rows	*s;
	json_t		*notify = json_object_get(o, "notify");
	json_t		*offers = json_object_get(o, "offers");
	int		 rc;

	if ((s = store_query(st, ST_INET_NOTIFY_LIST, "s", id)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1)
		json_array_append_new(notify, json_pack("{s:s, s:s}", "_id",
		    store_text(s, NOTIFY_USER_ID),
		    "name", store_text(s, NOTIFY_USER_NAME)));
	store_done(s);
	if (rc < 0 || (s = store_query(st, ST_INET_OFFER_LIST, "s", id)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1)
		json_array_append_new(offers, offer_json(s, who, view));
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* Read one request within the caller's scope (new reference), or NULL. */
json_t *
inet_load(struct store *st, const struct principal *who, const char *id,
    enum inet_view view, int *err)
{
	struct rows	*s;
	json_t		*o = NULL;
	int		 rc;

	*err = -1;
	if ((s = store_query(st, ST_INET_GET, "isss", SCOPE_ARGS(who), id)) == NULL)
		return NULL;
	if ((rc = store_row(s)) == 1)
		o = request_json(s, view);
	store_done(s);
	if (rc < 0 || (rc == 1 && o == NULL))
		return NULL;
	*err = 0;
	if (o != NULL && view != INET_CONDENSED && request_lists(st, who, o, view) < 0) {
		json_decref(o);
		*err = -1;
		return NULL;
	}
	return o;
}

/* Count and read a page of requests within the caller's scope.  0 or -1. */
/* The list filters of INET_FILTERS ?11-?18 (store.c). */
#define MORE_TYPES "ssssssss"
#define MORE_FILTERS(f) (f)->type, (f)->from[0], (f)->before[0], (f)->from[1], \
	(f)->before[1], (f)->from[2], (f)->before[2], (f)->assignee

int
inet_filter_days(struct inet_filter *f, enum inet_date which, const char *from,
    const char *to)
{
	struct ymd	 day;

	if (from != NULL && *from != '\0') {
		if (ymd_parse_date(from, &day) < 0)
			return 1;
		ymd_format(&day, f->days[which][0]);
		f->from[which] = f->days[which][0];
	}
	if (to != NULL && *to != '\0') {
		if (ymd_parse_date(to, &day) < 0)
			return 2;
		day = ymd_add_days(&day, 1);
		ymd_format(&day, f->days[which][1]);
		f->before[which] = f->days[which][1];
	}
	return 0;
}

int
inet_list(struct store *st, const struct principal *who,
    const struct inet_filter *f, json_t **items, long long *total)
{
	struct rows	*s;
	json_t		*o;
	size_t		 i;
	int		 rc = -1;

	*total = 0;
	if ((*items = json_array()) == NULL)
		return -1;
	if ((s = f->match != NULL ? store_query(st, ST_INET_SEARCH_COUNT, "isssssss" "ss"
	    MORE_TYPES, SCOPE_ARGS(who), f->customer, f->reseller, f->filter, f->state,
	    f->match, NULL, NULL, MORE_FILTERS(f)) :
	    store_query(st, ST_INET_COUNT, "issssss" "sss" MORE_TYPES, SCOPE_ARGS(who),
	    f->customer, f->reseller, f->filter, f->state, NULL, NULL, NULL,
	    MORE_FILTERS(f))) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		*total = store_int(s, COUNT_N);
	store_done(s);
	if (rc < 0)
		return -1;
	if (f->match != NULL)
		s = store_query(st, ST_INET_SEARCH, "issssssIIs" MORE_TYPES, SCOPE_ARGS(who),
		    f->customer, f->reseller, f->filter, f->state, f->limit, f->offset,
		    f->match, MORE_FILTERS(f));
	else
		s = store_query(st, f->inbox ? ST_INET_INBOX : ST_INET_LIST, "issssssII" "s"
		    MORE_TYPES, SCOPE_ARGS(who), f->customer, f->reseller, f->filter,
		    f->state, f->limit, f->offset, NULL, MORE_FILTERS(f));
	if (s == NULL)
		return -1;
	while ((rc = store_row(s)) == 1)
		if ((o = request_json(s, f->view)) != NULL)
			json_array_append_new(*items, o);
	store_done(s);
	if (rc < 0)
		return -1;
	if (f->view != INET_CONDENSED)
		json_array_foreach(*items, i, o)
			if (request_lists(st, who, o, f->view) < 0)
				return -1;
	return 0;
}

int
inet_open_list(struct store *st, const struct principal *who, long long limit,
    json_t **items, long long *total)
{
	struct rows	*s;
	json_t		*o;
	int		 rc;

	*total = 0;
	if ((*items = json_array()) == NULL)
		return -1;
	if ((s = store_query(st, ST_INET_OPEN_COUNT, "iss", SCOPE_ARGS(who))) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		*total = store_int(s, COUNT_N);
	store_done(s);
	if (rc < 0 || (s = store_query(st, ST_INET_OPEN_LIST, "issI", SCOPE_ARGS(who),
	    limit)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1)
		if ((o = request_json(s, INET_PAGE)) != NULL)
			json_array_append_new(*items, o);
	store_done(s);
	return rc < 0 ? -1 : 0;
}

int
inet_any(struct store *st, const struct principal *who)
{
	long long n = store_count(st, ST_INET_ANY, "iss", SCOPE_ARGS(who));

	return n < 0 ? -1 : n > 0;
}

/* Seconds until the offers expire, negative once expired. */
long long
inet_seconds_left(const json_t *req, int *has)
{
	const char	*answered = json_string_value(json_object_get(req, "answered"));
	time_t		 t;

	/* offers stand from `answered` whatever became of them since */
	*has = answered != NULL && json_object_get(req, "expires") != NULL;
	if (!*has || (t = inet_iso_epoch(answered)) < 0)
		return *has = 0, 0;
	return (long long)t + INET_OFFER_DAYS * 86400LL - (long long)now_epoch();
}

/* ---- writing --------------------------------------------------------- */

/* String property of an object property of the record, or NULL. */
static const char *
rsub(const json_t *rec, const char *obj, const char *key)
{
	return json_string_value(json_object_get(json_object_get(rec, obj), key));
}

/* Integer or boolean property as an integer, -1 when absent or null
 * (the statements turn -1 into NULL). */
static long long
rnum(const json_t *rec, const char *key)
{
	const json_t *v = json_object_get(rec, key);

	if (json_is_boolean(v))
		return json_is_true(v);
	return json_is_integer(v) ? json_integer_value(v) : -1;
}

/* Bind the record to ST_INET_ADD or ST_INET_UPDATE.  0 or -1. */
static int
write_request(struct store *st, enum stmt q, const json_t *rec)
{
	return store_exec(st, q, "ssssssssssssssIssIIIIsssssssss",
	    json_str(rec, "_id"), json_str(rec, "type"), json_str(rec, "customer"), json_str(rec, "reseller"),
	    json_str(rec, "notes"), rsub(rec, "address", "_id"), rsub(rec, "address", "address"),
	    rsub(rec, "address", "zip"), rsub(rec, "address", "city"),
	    rsub(rec, "address2", "_id"), rsub(rec, "address2", "address"),
	    rsub(rec, "address2", "zip"), rsub(rec, "address2", "city"),
	    json_str(rec, "product"), rnum(rec, "takeover"), json_str(rec, "takeoverCircuit"),
	    json_str(rec, "takeoverCustomer"), rnum(rec, "ipAddresses"),
	    rnum(rec, "commitment1"), rnum(rec, "commitment2"), rnum(rec, "commitment3"),
	    json_str(rec, "reference"), json_str(rec, "startDate"), json_str(rec, "installCallNumber"),
	    json_str(rec, "installCallName"), json_str(rec, "installTime"), json_str(rec, "created"),
	    json_str(rec, "createdBy"), json_str(rec, "answered"), json_str(rec, "updated")) == 1 ? 0 : -1;
}

/* A price of an offer in cents, -1 when absent. */
static long long
cents(const json_t *offer, const char *key)
{
	const json_t *v = json_object_get(offer, key);
	double d = json_number_value(v);

	if (!json_is_number(v))
		return -1;
	return (long long)(d * 100 + (d >= 0 ? 0.5 : -0.5));
}

/* Replace the request's offers with `offers`.  0 or -1. */
static int
write_offers(struct store *st, const char *id, const json_t *offers)
{
	const json_t	*o;
	size_t		 i;

	if (store_exec(st, ST_INET_OFFER_CLEAR, "s", id) < 0)
		return -1;
	json_array_foreach(offers, i, o)
		if (store_exec(st, ST_INET_OFFER_ADD, "ssIssIIIIIIIss", id, json_str(o, "_id"),
		    (long long)i, json_str(o, "product"), json_str(o, "initiationFeeProduct"),
		    cents(o, price_names[0]), cents(o, price_names[1]),
		    cents(o, price_names[2]), cents(o, price_names[3]),
		    cents(o, price_names[4]), cents(o, price_names[5]),
		    rnum(o, "commitment"), json_str(o, "providerName"),
		    json_str(o, "providerOfferId")) != 1)
			return -1;
	return 0;
}

/* Replace the request's notify list with `notify` ([{_id}]).  0 or -1. */
static int
write_notify(struct store *st, const char *id, const json_t *notify)
{
	const json_t	*e;
	size_t		 i;

	if (store_exec(st, ST_INET_NOTIFY_CLEAR, "s", id) < 0)
		return -1;
	json_array_foreach(notify, i, e)
		if (store_exec(st, ST_INET_NOTIFY_ADD, "ssI", id, json_str(e, "_id"), (long long)i) != 1)
			return -1;
	return 0;
}

int
inet_change_run(struct store *st, int (*unit)(struct store *, void *),
    struct inet_change *c, const char *what, char *id_out)
{
	int rc;

	if ((rc = idem_write(st, c->ik, unit, c, c->answer)) != 0)
		return rc;
	if (c->ik != NULL && c->ik->state != IDEM_NEW && c->ik->state != IDEM_NONE)
		return 0;	/* the key's first request made it */
	if (id_out != NULL)
		memcpy(id_out, c->new_id, sizeof(c->new_id));
	log_info("internet %s %s by %s", what, c->id ? c->id : c->new_id, c->who->user_id);
	return 0;
}

/* hook_load_fn: the request as `who` reads it, offers and all. */
static json_t *
request_as(struct store *st, const struct principal *who, const char *id)
{
	int err;

	return inet_load(st, who, id, INET_FULL, &err);
}

/* Queue webhook event `e` about the request `id` just written, as each
 * subscriber's API shows it (a customer's: its prices, no cost).  0/-1. */
static int
inet_emit(struct store *st, const char *id, enum hook_event e)
{
	return hook_emit_views(st, e, id, request_as);
}

/* Queue the mails of a request just written: internet_created when
 * `created`, internet_answered when it brought offers; read once, as the
 * operator's pages see it.  0 or -1. */
static int
mail_written(struct store *st, const char *id, int created, int answered)
{
	json_t	*req;
	int	 err, rc = 0;

	if (!created && !answered)
		return 0;
	if ((req = inet_load(st, &principal_operator, id, INET_PAGE, &err)) == NULL)
		return -1;
	if ((created && inet_mail_created(st, req) < 0) ||
	    (answered && inet_mail_answered(st, req) < 0))
		rc = -1;
	json_decref(req);
	if (rc == 0 && ((created && inet_emit(st, id, HOOK_INTERNET_CREATED) < 0) ||
	    (answered && inet_emit(st, id, HOOK_INTERNET_ANSWERED) < 0)))
		rc = -1;
	return rc;
}

/* Store the checked record of a new request and queue its mail. */
static int
create_write(struct store *st, const struct principal *who, json_t *rec, char id[25])
{
	const json_t	*offers = json_object_get(rec, "offers");
	const json_t	*notify = json_object_get(rec, "notify");
	char		 now[32];

	if (new_object_id(id) < 0)
		return -1;
	now_iso(now);
	json_object_set_new(rec, "_id", json_string(id));
	json_object_set_new(rec, "created", json_string(now));
	json_object_set_new(rec, "createdBy", json_string(who->user_id));
	json_object_set_new(rec, "updated", json_string(now));
	if (json_array_size(offers) > 0)
		json_object_set_new(rec, "answered", json_string(now));
	if (write_request(st, ST_INET_ADD, rec) < 0 ||
	    (notify != NULL && write_notify(st, id, notify) < 0) ||
	    (offers != NULL && write_offers(st, id, offers) < 0))
		return -1;
	return mail_written(st, id, 1, json_array_size(offers) > 0);
}

int
inet_by_form_token(struct store *st, const struct principal *who, const char *token,
    char id[25])
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_INET_BY_FORM_TOKEN, "issss", SCOPE_ARGS(who), token,
	    who->user_id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		snprintf(id, 25, "%s", store_text(s, FORM_TOKEN_REQUEST_ID));
	store_done(s);
	return rc;
}

/* A creation: the change, and the form token it comes with (or NULL). */
struct inet_creation {
	struct inet_change	 c;		/* first: the unit's argument */
	const char		*form_token;
};

/* Unit of work: check and store a new request.  0, 1 (refused), 2 (the
 * form token made a request already: its id in c->new_id), or -1. */
static int
create_unit(struct store *st, void *arg)
{
	struct inet_creation	*cr = arg;
	struct inet_change	*c = &cr->c;
	struct inet_owner	 own;
	json_t			*rec;
	int			 rc;

	/* Inside the write transaction: two posts of one form are told
	 * apart here, whichever thread runs first. */
	if (cr->form_token != NULL &&
	    (rc = inet_by_form_token(st, c->who, cr->form_token, c->new_id)) != 0)
		return rc < 0 ? -1 : 2;
	memset(&own, 0, sizeof(own));
	if ((rec = json_object()) == NULL)
		return -1;
	rc = checked(inet_check(st, c->who, c->body, NULL, &own, rec, c->pb), c->pb);
	if (rc == 0)
		rc = create_write(st, c->who, rec, c->new_id);
	if (rc == 0 && cr->form_token != NULL &&
	    store_exec(st, ST_INET_SET_FORM_TOKEN, "ss", c->new_id, cr->form_token) != 1)
		rc = -1;
	json_decref(rec);
	return rc;
}

/* The answer kept with the Idempotency-Key of a new request, inside its
 * unit: 201, its Location, the request as its creator sees it (the
 * bytes resp_json() would send).  0 or -1. */
static int
create_answer(struct store *st, void *arg, struct idem *ik)
{
	const struct inet_change	*c = arg;
	json_t				*o;
	char				*text, loc[64];
	int				 err, rc;

	if ((o = inet_load(st, c->who, c->new_id, INET_FULL, &err)) == NULL)
		return -1;
	text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (text == NULL)
		return -1;
	snprintf(loc, sizeof(loc), "/internet/request/%s", c->new_id);
	rc = idem_record(st, ik, HTTP_CREATED, "Location", loc, text);
	free(text);
	return rc;
}

/* Check and store a new request as one unit of work.  0, 1, or -1. */
int
inet_create(struct store *st, const struct principal *who, const json_t *body,
    const char *form_token, struct problems *pb, char id[25])
{
	return inet_create_keyed(st, who, body, form_token, pb, id, NULL);
}

int
inet_create_keyed(struct store *st, const struct principal *who, const json_t *body,
    const char *form_token, struct problems *pb, char id[25], struct idem *ik)
{
	struct inet_creation	cr = { { who, body, NULL, pb, "", ik, create_answer },
				    form_token };
	int			rc;

	if (!inet_may_create(who))
		return refuse(pb, XERR_ACCESS, NULL, NULL);
	rc = inet_change_run(st, create_unit, &cr.c, "request created", id);
	if (rc == 2)
		memcpy(id, cr.c.new_id, sizeof(cr.c.new_id));
	return rc;
}

/* Do two offer lists hold the same offers, as they would be stored? */
static int
offers_same(const json_t *a, const json_t *b)
{
	static const char *const strs[] = { "_id", "product", "initiationFeeProduct",
	    "providerName", "providerOfferId" };
	const json_t	*x, *y;
	const char	*sa, *sb;
	size_t		 i, k;

	if (json_array_size(a) != json_array_size(b))
		return 0;
	for (i = 0; i < json_array_size(a); i++) {
		x = json_array_get(a, i);
		y = json_array_get(b, i);
		for (k = 0; k < sizeof(strs) / sizeof(strs[0]); k++) {
			sa = json_str(x, strs[k]);
			sb = json_str(y, strs[k]);
			if ((sa == NULL) != (sb == NULL) || (sa && strcmp(sa, sb) != 0))
				return 0;
		}
		for (k = 0; k < 6; k++)
			if (cents(x, price_names[k]) != cents(y, price_names[k]))
				return 0;
		if (rnum(x, "commitment") != rnum(y, "commitment"))
			return 0;
	}
	return 1;
}

/*
 * Write the stored request changed by `clean`.  Offers that differ from
 * the stored ones are an answer: `answered` restarts their 30 days and
 * the "time to select an offer" mail goes.  The same offers sent again
 * (the offer page saves them with every change) are neither.  0 or -1.
 */
static int
update_write(struct store *st, const json_t *stored, const json_t *clean)
{
	const json_t	*offers = json_object_get(clean, "offers");
	const json_t	*notify = json_object_get(clean, "notify");
	const char	*id = json_str(stored, "_id");
	json_t		*rec;
	char		 now[32];
	int		 rc;

	if (offers != NULL && offers_same(json_object_get(stored, "offers"), offers))
		offers = NULL;
	if ((rec = json_deep_copy(stored)) == NULL)
		return -1;
	now_iso(now);
	json_object_update(rec, (json_t *)clean);
	json_object_set_new(rec, "updated", json_string(now));
	if (offers != NULL)
		json_object_set_new(rec, "answered", json_array_size(offers) > 0 ?
		    json_string(now) : json_null());
	rc = write_request(st, ST_INET_UPDATE, rec) < 0 ||
	    (notify != NULL && write_notify(st, id, notify) < 0) ||
	    (offers != NULL && write_offers(st, id, offers) < 0) ||
	    mail_written(st, id, 0, json_array_size(offers) > 0) < 0 ? -1 : 0;
	json_decref(rec);
	return rc;
}

/* Check an update of the stored request and write it.  0, 1, or -1. */
static int
update_checked(struct store *st, const struct principal *who, const json_t *stored,
    const json_t *body, struct problems *pb)
{
	struct inet_owner	 own;
	json_t			*clean = json_object();
	int			 rc;

	memset(&own, 0, sizeof(own));
	snprintf(own.type, sizeof(own.type), "%s", json_str(stored, "type"));
	snprintf(own.customer, sizeof(own.customer), "%s", json_str(stored, "customer") ?
	    json_str(stored, "customer") : "");
	snprintf(own.reseller, sizeof(own.reseller), "%s", json_str(stored, "reseller") ?
	    json_str(stored, "reseller") : "");
	own.known = 1;
	rc = checked(inet_check(st, who, body, stored, &own, clean, pb), pb);
	if (rc == 0 && json_object_get(clean, "offers") != NULL &&
	    json_object_get(stored, "account") != NULL &&
	    !offers_same(json_object_get(stored, "offers"), json_object_get(clean, "offers")))
		rc = refuse(pb, XERR_OFFERS_LOCKED, NULL, "offers");
	if (rc == 0)
		rc = update_write(st, stored, clean);
	json_decref(clean);
	return rc;
}

/* Unit of work: load, check and write an update.  0, 1, or -1. */
static int
update_unit(struct store *st, void *arg)
{
	struct inet_change *c = arg;
	json_t		*stored;
	int		 err, rc;

	if ((stored = inet_load(st, c->who, c->id, INET_FULL, &err)) == NULL)
		return err < 0 ? -1 : refuse(c->pb, XERR_REQUEST_NOT_FOUND, NULL, NULL);
	rc = update_checked(st, c->who, stored, c->body, c->pb);
	json_decref(stored);
	return rc;
}

/* The TelecomX update, ADMIN only, as one unit of work.  0, 1, or -1. */
int
inet_update(struct store *st, const struct principal *who, const char *id,
    const json_t *body, struct problems *pb)
{
	struct inet_change c = { who, body, id, pb, "", NULL, NULL };

	if (who->level != LVL_ADMIN)
		return refuse(pb, XERR_ACCESS, NULL, NULL);
	return inet_change_run(st, update_unit, &c, "request updated", NULL);
}
