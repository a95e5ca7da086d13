/*
 * inet_check.c — the TelecomX rules on an Internet request body.
 *
 * The properties are declared in two tables (the request's, the offers'),
 * in the order of the TelecomX error table (docs/API.md); each entry names a small check
 * that appends TelecomX error objects {code, path, status, message,
 * check} and stores the normalised value of a valid property in `clean`.
 * `code` is the TelecomX error code (offers[].monthlyCost), `path` the
 * concrete path (offers[1].monthlyCost), `message` the TelecomX message.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth.h"
#include "errors.h"
#include "inet_check.h"
#include "workday.h"
#include "store.h"
#include "util.h"

#define OFFERS_MAX	20
#define NOTIFY_MAX	50
#define PRICE_MAX	500000.0
#define COMMITMENT_MAX	60

/* One run of the checks. */
struct icheck {
	struct store		*st;
	const struct principal	*who;
	const json_t		*body;
	const json_t		*stored;	/* before an update, or NULL */
	struct inet_owner	*own;
	json_t			*clean;
	struct problems		*pb;
	int			 failed;	/* storage or allocation error */
};

struct ifield;
typedef void (*check_fn)(struct icheck *, const struct ifield *, const json_t *);

/* A property of the request body. */
struct ifield {
	const char	*name;
	check_fn	 check;		/* called with the value, NULL if absent */
	size_t		 max;		/* strings: at most this many characters */
	const char	*only;		/* "DSL" / "FIBER": refused on the other type */
	int		 create_only;	/* ignored by an update */
};

/* What a product is, for the caller's customer. */
struct product_info {
	char	type[8];
	int	fee;		/* an initiation-fee product */
	int	valid;		/* may be sold to the request's customer */
};

/* Report one problem: its row, the property's error code, the path. */
static void
fail(struct icheck *c, enum xerr e, const char *code, const char *path,
    const char *arg)
{
	if (xproblem(c->pb, e, code, path, arg) < 0)
		c->failed = 1;
}

/* Store a copy of a valid value under `name` in clean. */
static void
keep(struct icheck *c, const char *name, const json_t *v)
{
	if (json_object_set_new(c->clean, name, json_deep_copy(v)) < 0)
		c->failed = 1;
}

/* A string of at most max characters; 0 ok, else the error is added. */
static int
string_ok(struct icheck *c, const json_t *v, const char *code,
    const char *path, size_t max)
{
	char n[32];

	if (!json_is_string(v)) {
		fail(c, XERR_NOT_STRING, code, path, NULL);
		return -1;
	}
	if (utf8_chars(json_string_value(v), json_string_length(v)) > max) {
		snprintf(n, sizeof(n), "%zu", max);
		fail(c, XERR_LENGTH, code, path, n);
		return -1;
	}
	return 0;
}

/* The value a property has after this change: the body's valid value,
 * else the stored one.  Borrowed, may be NULL. */
static const json_t *
merged(const struct icheck *c, const char *name)
{
	const json_t *v = json_object_get(c->clean, name);

	if (v == NULL && c->stored != NULL)
		v = json_object_get(c->stored, name);
	return v;
}

/* Has an error already been reported at `path`? */
static int
has_error(const struct icheck *c, const char *path)
{
	return problems_at(c->pb, path) != NULL;
}

/* Look a product up for the request's customer: 1 found, 0 not, -1. */
static int
product_get(struct icheck *c, const char *id, struct product_info *p)
{
	struct rows	*s;
	int		 rc;

	if (!is_hex(id, 24))
		return 0;
	s = store_query(c->st, ST_PRODUCT_GET, "ss", id,
	    c->own->customer[0] ? c->own->customer : NULL);
	if (s == NULL)
		return c->failed = 1, -1;
	if ((rc = store_row(s)) == 1) {
		snprintf(p->type, sizeof(p->type), "%s",
		    store_text(s, PRODUCT_GET_TYPE));
		p->fee = store_int(s, PRODUCT_GET_INITIATION_FEE) != 0;
		p->valid = store_int(s, PRODUCT_GET_SELLABLE) != 0;
	}
	store_done(s);
	if (rc < 0)
		c->failed = 1;
	return rc;
}

/*
 * A product id at code/path: must exist, be an initiation-fee product
 * exactly when `fee`, and be valid for the customer (when the owner is
 * known).  Returns 0 when valid (*p filled), -1 after adding the error.
 */
static int
product_ok(struct icheck *c, const json_t *v, int fee, const char *code,
    const char *path, struct product_info *p)
{
	int rc;

	rc = json_is_string(v) ? product_get(c, json_string_value(v), p) : 0;
	if (rc < 0)
		return -1;
	if (rc == 0 || p->fee != fee) {
		fail(c, XERR_PRODUCT_NOT_FOUND, code, path, NULL);
		return -1;
	}
	if (c->own->known && !p->valid) {
		fail(c, XERR_PRODUCT_NOT_VALID, code, path, NULL);
		return -1;
	}
	return 0;
}

/* ---- checks of the request's properties ------------------------------ */

/* A string of at most f->max characters, or null. */
static void
check_string(struct icheck *c, const struct ifield *f, const json_t *v)
{
	if (v == NULL)
		return;
	if (json_is_null(v) || string_ok(c, v, f->name, f->name, f->max) == 0)
		keep(c, f->name, v);
}

/* true, false, or null. */
static void
check_bool(struct icheck *c, const struct ifield *f, const json_t *v)
{
	if (v == NULL)
		return;
	if (json_is_null(v) || json_is_boolean(v))
		keep(c, f->name, v);
	else
		fail(c, XERR_NOT_BOOLEAN, f->name, f->name, NULL);
}

/* type (create): DSL or FIBER. */
static void
check_type(struct icheck *c, const struct ifield *f, const json_t *v)
{
	const char *t = json_string_value(v);

	if (t == NULL || (strcmp(t, "DSL") != 0 && strcmp(t, "FIBER") != 0)) {
		fail(c, v == NULL || json_is_null(v) ? XERR_TYPE_REQUIRED :
		    XERR_TYPE_ENUM, f->name, f->name, NULL);
		return;
	}
	snprintf(c->own->type, sizeof(c->own->type), "%s", t);
	keep(c, f->name, v);
}

/* Is customer `id` within the caller's scope?  1, 0, or -1. */
static int
customer_visible(struct icheck *c, const char *id)
{
	struct rows	*s;
	int		 rc, found = 0;

	if ((s = store_query(c->st, ST_CUSTOMERS_IN_SCOPE, "iss", SCOPE_ARGS(c->who))) == NULL)
		return c->failed = 1, -1;
	while (!found && (rc = store_row(s)) == 1)
		found = strcmp(store_text(s, CUSTOMER_ID), id) == 0;
	store_done(s);
	if (!found && rc < 0)
		return c->failed = 1, -1;
	return found;
}

/* Does reseller `id` exist?  1, 0, or -1. */
static int
reseller_exists(struct icheck *c, const char *id)
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(c->st, ST_RESELLER_GET, "s", id)) == NULL)
		return c->failed = 1, -1;
	rc = store_row(s);
	store_done(s);
	if (rc < 0)
		c->failed = 1;
	return rc;
}

/*
 * The reseller a new request of customer `cust` is for (docs/INTERNET.md):
 * the caller's, for reseller staff; else the one the body names, which
 * must resell the customer; else the customer's reseller when it has one
 * alone; else none ("" in out).  1 found or none, 0 (the named one does
 * not resell it: reported), -1.
 */
static int
reseller_for(struct icheck *c, const char *cust, const char *named, char *out,
    size_t len)
{
	struct rows	*s;
	int		 rc;

	out[0] = '\0';
	if (c->who->reseller_id != NULL) {
		if (named != NULL && strcmp(named, c->who->reseller_id) != 0) {
			fail(c, XERR_RESELLER_NOT_FOUND, "reseller", "reseller", NULL);
			return 0;
		}
		snprintf(out, len, "%s", c->who->reseller_id);
		return 1;
	}
	if ((s = store_query(c->st, ST_CUSTOMER_RESELLERS, "ss", cust, named)) == NULL)
		return c->failed = 1, -1;
	if ((rc = store_row(s)) == 1 && (named != NULL ||
	    store_int(s, CUSTOMER_RESELLERS_COUNT) == 1))
		snprintf(out, len, "%s", store_text(s, CUSTOMER_RESELLERS_ID));
	store_done(s);
	if (rc < 0)
		return c->failed = 1, -1;
	if (named != NULL && rc == 0) {
		fail(c, XERR_RESELLER_NOT_FOUND, "reseller", "reseller", NULL);
		return 0;
	}
	return 1;
}

/* Record the owner found by check_owner. */
static void
set_owner(struct icheck *c, const char *customer, const char *reseller)
{
	snprintf(c->own->customer, sizeof(c->own->customer), "%s", customer ? customer : "");
	snprintf(c->own->reseller, sizeof(c->own->reseller), "%s", reseller ? reseller : "");
	c->own->known = 1;
	if (customer != NULL)
		json_object_set_new(c->clean, "customer", json_string(customer));
	if (reseller != NULL)
		json_object_set_new(c->clean, "reseller", json_string(reseller));
}

/*
 * customer / reseller (create): customer staff create for their own
 * customer; reseller staff for one of their customers or, without a
 * customer, for their reseller; an ADMIN names either.  A request of a
 * customer is also its reseller's (reseller_for()).  A customer or
 * reseller outside the caller's reach is not found, as one that does not exist.
 */
static void
check_owner(struct icheck *c, const struct ifield *f, const json_t *v)
{
	const char *cust = json_string_value(v), *res;
	int rc;

	res = json_string_value(json_object_get(c->body, "reseller"));
	if (v != NULL && !json_is_null(v) && cust == NULL) {
		fail(c, XERR_CUSTOMER_NOT_FOUND, f->name, f->name, NULL);
		return;
	}
	if (cust == NULL)
		cust = c->who->customer_id;
	if (cust != NULL) {
		char reseller[64];

		if ((rc = customer_visible(c, cust)) == 0)
			fail(c, XERR_CUSTOMER_NOT_FOUND, f->name, f->name, NULL);
		else if (rc == 1 && reseller_for(c, cust, res, reseller, sizeof(reseller)) == 1)
			set_owner(c, cust, reseller[0] != '\0' ? reseller : NULL);
		return;
	}
	if (c->who->reseller_id != NULL) {
		if (res != NULL && strcmp(res, c->who->reseller_id) != 0)
			fail(c, XERR_RESELLER_NOT_FOUND, "reseller", "reseller", NULL);
		else
			set_owner(c, NULL, c->who->reseller_id);
		return;
	}
	if (res == NULL)
		fail(c, XERR_OWNER_REQUIRED, f->name, f->name, NULL);
	else if ((rc = reseller_exists(c, res)) == 0)
		fail(c, XERR_RESELLER_NOT_FOUND, "reseller", "reseller", NULL);
	else if (rc == 1)
		set_owner(c, NULL, res);
}

/* Does s hold a control character (a line break, a tab...)? */
static int
has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* One part of a new address (address, zip, city): required, bounded,
 * one line. */
static void
address_part(struct icheck *c, const json_t *v, const char *obj, const char *part,
    size_t max, enum xerr required, json_t *out)
{
	char		 path[32];
	const json_t	*p = json_object_get(v, part);
	char		 zip[32];

	snprintf(path, sizeof(path), "%s.%s", obj, part);
	if (json_is_integer(p) && strcmp(part, "zip") == 0) {
		snprintf(zip, sizeof(zip), "%lld", (long long)json_integer_value(p));
		json_object_set_new(out, part, json_string(zip));
		return;
	}
	if (p == NULL || json_is_null(p) ||
	    (json_is_string(p) && json_string_length(p) == 0)) {
		fail(c, required, path, path, NULL);
		return;
	}
	if (string_ok(c, p, path, path, max) != 0)
		return;
	if (has_control(json_string_value(p))) {
		/* one line on pages, in lists and in mail subjects */
		fail(c, XERR_SINGLE_LINE, path, path, NULL);
		return;
	}
	json_object_set_new(out, part, json_deep_copy(p));
}

/* An existing address of the customer by _id; not found otherwise. */
static void
address_by_id(struct icheck *c, const struct ifield *f, const json_t *id)
{
	struct rows	*s;
	char		 path[32];
	int		 rc = 0;

	snprintf(path, sizeof(path), "%s._id", f->name);
	if (!c->own->known)
		return;		/* the owner is in error already */
	if (is_hex(json_string_value(id), 24)) {
		if ((s = store_query(c->st, ST_ADDRESS_GET, "ss", json_string_value(id),
		    c->own->customer[0] ? c->own->customer : NULL)) == NULL) {
			c->failed = 1;
			return;
		}
		if ((rc = store_row(s)) == 1)
			json_object_set_new(c->clean, f->name, json_pack("{s:s, s:s, s:s, s:s}",
			    "_id", store_text(s, ADDRESS_ID),
			    "address", store_text(s, ADDRESS_LINE),
			    "zip", store_text(s, ADDRESS_ZIP),
			    "city", store_text(s, ADDRESS_CITY)));
		store_done(s);
		if (rc < 0)
			c->failed = 1;
	}
	if (rc == 0)
		fail(c, XERR_ADDRESS_NOT_FOUND, path, path, NULL);
}

/* address / address2 (create): {_id} of an address of the customer, or
 * {address, zip, city}.  address is required, address2 optional. */
static void
check_address(struct icheck *c, const struct ifield *f, const json_t *v)
{
	const json_t	*id = json_object_get(v, "_id");
	json_t		*out;
	size_t		 before = problems_found(c->pb);

	if (v == NULL && c->stored != NULL)
		return;		/* an update that leaves the address as it is */
	if (v == NULL || json_is_null(v)) {
		if (strcmp(f->name, "address") == 0)
			fail(c, XERR_ADDRESS_REQUIRED, f->name, f->name, NULL);
		else if (v != NULL)
			keep(c, f->name, v);	/* address2 removed */
		return;
	}
	if (!json_is_object(v)) {
		fail(c, XERR_ADDRESS_TYPE, f->name, f->name, NULL);
		return;
	}
	if (id != NULL && !json_is_null(id)) {
		address_by_id(c, f, id);
		return;
	}
	out = json_object();
	address_part(c, v, f->name, "address", 256, XERR_ROAD_REQUIRED, out);
	address_part(c, v, f->name, "zip", 16, XERR_ZIP_REQUIRED, out);
	address_part(c, v, f->name, "city", 128, XERR_CITY_REQUIRED, out);
	if (problems_found(c->pb) == before)
		json_object_set_new(c->clean, f->name, out);
	else
		json_decref(out);
}

/* product: an existing, non-fee product, valid for the customer, of
 * the request's type. */
static void
check_product(struct icheck *c, const struct ifield *f, const json_t *v)
{
	struct product_info	p;

	if (v == NULL)
		return;
	if (json_is_null(v)) {
		keep(c, f->name, v);
		return;
	}
	if (product_ok(c, v, 0, f->name, f->name, &p) < 0)
		return;
	if (c->own->type[0] != '\0' && strcmp(p.type, c->own->type) != 0) {
		fail(c, XERR_PRODUCT_TYPE, f->name, f->name, c->own->type);
		return;
	}
	keep(c, f->name, v);
}

/* Is a JSON value absent, null or an empty string? */
static int
blank(const json_t *v)
{
	return v == NULL || json_is_null(v) ||
	    (json_is_string(v) && json_string_length(v) == 0);
}

/* A takeover (DSL) needs the circuit and the donor's customer id. */
static void
check_takeover_rule(struct icheck *c, const struct ifield *f, const json_t *v)
{
	(void)f;
	(void)v;
	if (strcmp(c->own->type, "DSL") != 0)
		return;
	if (c->stored != NULL && json_object_get(c->body, "takeover") == NULL &&
	    json_object_get(c->body, "takeoverCircuit") == NULL &&
	    json_object_get(c->body, "takeoverCustomer") == NULL)
		return;
	if (!json_is_true(merged(c, "takeover")))
		return;
	if (blank(merged(c, "takeoverCircuit")) && !has_error(c, "takeoverCircuit"))
		fail(c, XERR_CIRCUIT_REQUIRED, "takeoverCircuit", "takeoverCircuit", NULL);
	if (blank(merged(c, "takeoverCustomer")) && !has_error(c, "takeoverCustomer"))
		fail(c, XERR_TAKEOVER_CUSTOMER_REQUIRED, "takeoverCustomer", "takeoverCustomer", NULL);
}

/* An integral JSON number (7 or 7.0): 0 with *out set, or -1. */
static int
integral(const json_t *v, long long *out)
{
	double d;

	if (json_is_integer(v)) {
		*out = json_integer_value(v);
		return 0;
	}
	if (!json_is_real(v))
		return -1;
	d = json_real_value(v);
	if (d != floor(d) || fabs(d) > 1e15)
		return -1;
	*out = (long long)d;
	return 0;
}

/* ipAddresses (FIBER): required, one of 1, 2, 4, 8, 16, 32. */
static void
check_ip(struct icheck *c, const struct ifield *f, const json_t *v)
{
	long long n;

	if (strcmp(c->own->type, "DSL") == 0)
		return;		/* only null can reach here: nothing to keep */
	if (v == NULL) {
		if (c->stored == NULL && strcmp(c->own->type, "FIBER") == 0)
			fail(c, XERR_IP_REQUIRED, f->name, f->name, NULL);
		return;
	}
	if (json_is_null(v)) {
		fail(c, XERR_IP_REQUIRED, f->name, f->name, NULL);
		return;
	}
	if (integral(v, &n) < 0 || n < 1 || n > 32 || (n & (n - 1)) != 0) {
		fail(c, XERR_IP_ENUM, f->name, f->name, NULL);
		return;
	}
	json_object_set_new(c->clean, f->name, json_integer(n));
}

/*
 * startDate: a date within [today - 1 month, today + 6 months].  An update
 * that sends back the date already stored keeps it without the window
 * check: the window is the customer's when they choose the date, and the
 * operator's offer page sends every field back, so a request whose date
 * has slipped out of the window could otherwise never be answered.
 */
static void
check_start(struct icheck *c, const struct ifield *f, const json_t *v)
{
	const json_t	*old;
	char		 iso[32];
	long		 day, old_day;

	if (v == NULL)
		return;
	if (json_is_null(v)) {
		keep(c, f->name, v);
		return;
	}
	if (!json_is_string(v) || inet_parse_day(json_string_value(v), &day) < 0) {
		fail(c, XERR_START_FORMAT, f->name, f->name, NULL);
		return;
	}
	old = c->stored != NULL ? json_object_get(c->stored, f->name) : NULL;
	if (!(json_is_string(old) &&
	    inet_parse_day(json_string_value(old), &old_day) == 0 &&
	    old_day == day) && !inet_day_in_window(day)) {
		fail(c, XERR_START_RANGE, f->name, f->name, NULL);
		return;
	}
	inet_epoch_iso((time_t)day * 86400, iso);
	json_object_set_new(c->clean, f->name, json_string(iso));
}

/* installTime: one of the three TelecomX values. */
static void
check_install_time(struct icheck *c, const struct ifield *f, const json_t *v)
{
	if (v == NULL)
		return;
	if (json_is_null(v) || inet_install_time_valid(json_string_value(v)))
		keep(c, f->name, v);
	else
		fail(c, XERR_INSTALL_TIME, f->name, f->name, NULL);
}

/* ---- offers ---------------------------------------------------------- */

enum okind { OK_ID, OK_PRODUCT, OK_FEE, OK_PRICE, OK_MONTHS, OK_TEXT };

/* A property of an offer. */
static const struct ofield {
	const char	*name;
	enum okind	 kind;
	size_t		 max;		/* OK_TEXT */
	int		 fiber_only;
} ofields[] = {
	{ "_id", OK_ID, 0, 0 },
	{ "product", OK_PRODUCT, 0, 0 },
	{ "initiationFeeProduct", OK_FEE, 0, 0 },
	{ "initiationCost", OK_PRICE, 0, 1 },
	{ "initiationWholesale", OK_PRICE, 0, 1 },
	{ "initiationCustomer", OK_PRICE, 0, 1 },
	{ "monthlyCost", OK_PRICE, 0, 1 },
	{ "monthlyWholesale", OK_PRICE, 0, 1 },
	{ "monthlyCustomer", OK_PRICE, 0, 1 },
	{ "commitment", OK_MONTHS, 0, 0 },
	{ "providerName", OK_TEXT, 128, 0 },
	{ "providerOfferId", OK_TEXT, 64, 0 },
};

/* One offer being checked. */
struct orow {
	const json_t	*in;
	json_t		*out;
	const json_t	*others;	/* the offers array, for duplicate ids */
	size_t		 index;
	char		 code[48], path[48];
};

/* _id: optional 24-hex id, unique in the list; generated when absent. */
static void
offer_id(struct icheck *c, struct orow *o, const json_t *v)
{
	char		 id[25];
	const json_t	*other;
	size_t		 i;

	if (v == NULL || json_is_null(v)) {
		if (new_object_id(id) < 0)
			c->failed = 1;
		json_object_set_new(o->out, "_id", json_string(id));
		return;
	}
	if (!is_hex(json_string_value(v), 24)) {
		fail(c, XERR_OFFER_ID_FORMAT, o->code, o->path, NULL);
		return;
	}
	json_array_foreach(o->others, i, other)
		if (i < o->index && json_equal(json_object_get(other, "_id"), (json_t *)v)) {
			fail(c, XERR_OFFER_ID_UNIQUE, o->code, o->path, NULL);
			return;
		}
	json_object_set_new(o->out, "_id", json_deep_copy(v));
}

/* A number within [0, max] at o->path: 0 with *out set, or -1 after
 * reporting `type` (not a number) or `range`. */
static int
number_ok(struct icheck *c, struct orow *o, const json_t *v, double max,
    enum xerr type, enum xerr range, double *out)
{
	if (!json_is_number(v)) {
		fail(c, type, o->code, o->path, NULL);
		return -1;
	}
	*out = json_number_value(v);
	if (!(*out >= 0 && *out <= max)) {
		fail(c, range, o->code, o->path, NULL);
		return -1;
	}
	return 0;
}

/* Check one property of an offer, into o->out. */
static void
offer_field(struct icheck *c, struct orow *o, const struct ofield *f)
{
	const json_t		*v = json_object_get(o->in, f->name);
	struct product_info	 p;
	double			 d;
	long long		 cents;

	snprintf(o->code, sizeof(o->code), "offers[].%s", f->name);
	snprintf(o->path, sizeof(o->path), "offers[%zu].%s", o->index, f->name);
	if (f->kind == OK_ID) {
		offer_id(c, o, v);
		return;
	}
	if (v == NULL || json_is_null(v)) {
		if (f->kind == OK_PRODUCT)
			fail(c, XERR_PRODUCT_REQUIRED, o->code, o->path, NULL);
		return;
	}
	if (f->fiber_only && strcmp(c->own->type, "DSL") == 0) {
		fail(c, XERR_ONLY_FOR, o->code, o->path, "FIBER");
		return;
	}
	switch (f->kind) {
	case OK_PRODUCT:
	case OK_FEE:
		if (product_ok(c, v, f->kind == OK_FEE, o->code, o->path, &p) == 0)
			json_object_set_new(o->out, f->name, json_deep_copy(v));
		break;
	case OK_PRICE:
		if (number_ok(c, o, v, PRICE_MAX, XERR_PRICE_TYPE, XERR_PRICE_RANGE, &d) == 0) {
			cents = llround(d * 100);
			json_object_set_new(o->out, f->name, cents % 100 == 0 ?
			    json_integer(cents / 100) : json_real((double)cents / 100));
		}
		break;
	case OK_MONTHS:
		if (json_is_number(v) && integral(v, &cents) < 0)
			fail(c, XERR_COMMITMENT_TYPE, o->code, o->path, NULL);
		else if (number_ok(c, o, v, COMMITMENT_MAX, XERR_COMMITMENT_TYPE,
		    XERR_COMMITMENT_RANGE, &d) == 0)
			json_object_set_new(o->out, f->name, json_integer((json_int_t)d));
		break;
	default:
		if (string_ok(c, v, o->code, o->path, f->max) == 0)
			json_object_set_new(o->out, f->name, json_deep_copy(v));
		break;
	}
}

/* offers (ADMIN only): the list that replaces the request's offers. */
static void
check_offers(struct icheck *c, const struct ifield *f, const json_t *v)
{
	json_t		*list, *row;
	const json_t	*in;
	struct orow	 o;
	size_t		 i, k, before;

	if (v == NULL)
		return;
	if (c->who->level != LVL_ADMIN) {
		fail(c, XERR_OFFERS_ACCESS, NULL, f->name, NULL);
		return;
	}
	if (!json_is_null(v) && !json_is_array(v)) {
		fail(c, XERR_OFFERS_TYPE, f->name, f->name, NULL);
		return;
	}
	if (json_array_size(v) > OFFERS_MAX) {
		fail(c, XERR_OFFERS_COUNT, f->name, f->name, NULL);
		return;
	}
	before = problems_found(c->pb);
	list = json_array();
	json_array_foreach(v, i, in) {
		memset(&o, 0, sizeof(o));
		o.in = in;
		o.others = v;
		o.index = i;
		if (!json_is_object(in)) {
			snprintf(o.path, sizeof(o.path), "offers[%zu]", i);
			fail(c, XERR_OFFER_OBJECT, "offers[]", o.path, NULL);
			continue;
		}
		o.out = row = json_object();
		for (k = 0; k < sizeof(ofields) / sizeof(ofields[0]); k++)
			offer_field(c, &o, &ofields[k]);
		json_array_append_new(list, row);
	}
	if (problems_found(c->pb) == before)
		json_object_set_new(c->clean, f->name, list);
	else
		json_decref(list);
}

/* ---- notify ---------------------------------------------------------- */

/* The name of employee `id` of the request's customer (or reseller):
 * 1 found (name copied), 0 not, -1 error. */
static int
employee_get(struct icheck *c, const char *id, char *name, size_t len)
{
	struct rows	*s;
	int		 rc;

	s = store_query(c->st, ST_NOTIFY_USER_GET, "sss", id,
	    c->own->customer[0] ? c->own->customer : NULL,
	    c->own->reseller[0] ? c->own->reseller : NULL);
	if (s == NULL)
		return c->failed = 1, -1;
	if ((rc = store_row(s)) == 1)
		snprintf(name, len, "%s", store_text(s, NOTIFY_USER_NAME));
	store_done(s);
	if (rc < 0)
		c->failed = 1;
	return rc;
}

/* Is user `id` already in the list being built? */
static int
listed(const json_t *list, const char *id)
{
	const json_t	*e;
	size_t		 i;

	json_array_foreach(list, i, e)
		if (strcmp(json_string_value(json_object_get(e, "_id")), id) == 0)
			return 1;
	return 0;
}

/* notify: ids (or {_id} objects) of employees of the customer. */
static void
check_notify(struct icheck *c, const struct ifield *f, const json_t *v)
{
	json_t		*list;
	const json_t	*e;
	const char	*id;
	char		 path[32], name[256];
	size_t		 i, before = problems_found(c->pb);
	int		 rc;

	if (v == NULL || !c->own->known)
		return;
	if ((!json_is_null(v) && !json_is_array(v)) || json_array_size(v) > NOTIFY_MAX) {
		fail(c, XERR_NOTIFY_TYPE, f->name, f->name, NULL);
		return;
	}
	list = json_array();
	json_array_foreach(v, i, e) {
		id = json_is_object(e) ? json_string_value(json_object_get(e, "_id")) :
		    json_string_value(e);
		snprintf(path, sizeof(path), "notify[%zu]", i);
		rc = id != NULL && is_hex(id, 24) ? employee_get(c, id, name, sizeof(name)) : 0;
		if (rc == 0)
			fail(c, XERR_RECIPIENT, "notify[]", path, NULL);
		else if (rc == 1 && !listed(list, id))
			json_array_append_new(list, json_pack("{s:s, s:s}", "_id", id, "name", name));
	}
	if (problems_found(c->pb) == before)
		json_object_set_new(c->clean, f->name, list);
	else
		json_decref(list);
}

/* The request's properties, in the order of the TelecomX error table (docs/API.md). */
static const struct ifield ifields[] = {
	{ "type", check_type, 0, NULL, 1 },
	{ "customer", check_owner, 0, NULL, 1 },
	{ "notes", check_string, 4096, NULL, 0 },
	{ "address", check_address, 0, NULL, 0 },
	{ "address2", check_address, 0, "FIBER", 0 },
	{ "product", check_product, 0, NULL, 0 },
	{ "takeover", check_bool, 0, "DSL", 0 },
	{ "takeoverCircuit", check_string, 64, "DSL", 0 },
	{ "takeoverCustomer", check_string, 64, "DSL", 0 },
	{ "takeover", check_takeover_rule, 0, NULL, 0 },
	{ "ipAddresses", check_ip, 0, "FIBER", 0 },
	{ "commitment1", check_bool, 0, "FIBER", 0 },
	{ "commitment2", check_bool, 0, "FIBER", 0 },
	{ "commitment3", check_bool, 0, "FIBER", 0 },
	{ "reference", check_string, 256, NULL, 0 },
	{ "startDate", check_start, 0, NULL, 0 },
	{ "installCallNumber", check_string, 32, NULL, 0 },
	{ "installCallName", check_string, 128, NULL, 0 },
	{ "installTime", check_install_time, 0, NULL, 0 },
	{ "offers", check_offers, 0, NULL, 0 },
	{ "notify", check_notify, 0, NULL, 0 },
};

/* Run every check of the table in order (see inet_check.h).  0 or -1. */
int
inet_check(struct store *st, const struct principal *who, const json_t *body,
    const json_t *stored, struct inet_owner *own, json_t *clean, struct problems *pb)
{
	struct icheck		 c = { st, who, body, stored, own, clean, pb, 0 };
	const struct ifield	*f;
	const json_t		*v;
	size_t			 i;

	for (i = 0; i < sizeof(ifields) / sizeof(ifields[0]) && !c.failed; i++) {
		f = &ifields[i];
		if (f->create_only && stored != NULL)
			continue;
		v = json_object_get(body, f->name);
		if (v == NULL && strcmp(f->name, "offers") == 0)
			v = json_object_get(body, "Offers");	/* the TelecomX body table's spelling */
		if (f->only != NULL && v != NULL && !json_is_null(v) &&
		    own->type[0] != '\0' && strcmp(own->type, f->only) != 0) {
			fail(&c, XERR_ONLY_FOR, f->name, f->name, f->only);
			continue;
		}
		f->check(&c, f, v);
	}
	return c.failed || pb->failed ? -1 : 0;
}

/* ---- dates (the desk's one calendar, workday.h) ----------------------- */

/* "YYYY-MM-DD", or that day at a UTC time ("...T10:00:00.000Z"), from
 * 1970 on, to days since the epoch: 0, or -1 if not such a date. */
int
inet_parse_day(const char *s, long *day)
{
	struct ymd	d;

	if (ymd_parse_utc_day(s, &d) < 0 || d.y < 1970)
		return -1;
	*day = (long)ymd_days(&d);
	return 0;
}

/* Within [today - 1 month, today + 6 months], today in UTC?  1 or 0. */
int
inet_day_in_window(long day)
{
	struct ymd	today = utc_today(calendar_now());
	struct ymd	from = ymd_add_months(&today, -1), to = ymd_add_months(&today, 6);

	return day >= ymd_days(&from) && day <= ymd_days(&to);
}

/* Days since the epoch as "YYYY-MM-DD". */
void
inet_format_day(long day, char out[11])
{
	struct ymd	d = ymd_from_days(day);

	ymd_format(&d, out);
}

/* An ISO 8601 UTC time to seconds since the epoch, or -1. */
time_t
inet_iso_epoch(const char *iso)
{
	return utc_iso_epoch(iso);
}

/* Seconds since the epoch to "YYYY-MM-DDTHH:MM:SS.000Z". */
void
inet_epoch_iso(time_t t, char out[32])
{
	utc_epoch_iso(t, out);
}

/* One of 7_30_TO_16, 7_30_TO_12, 12_TO_16?  1 or 0. */
int
inet_install_time_valid(const char *s)
{
	return s != NULL && (strcmp(s, "7_30_TO_16") == 0 ||
	    strcmp(s, "7_30_TO_12") == 0 || strcmp(s, "12_TO_16") == 0);
}
