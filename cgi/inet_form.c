/*
 * inet_form.c — the forms of the Internet request pages: values,
 * errors at their field, choices, and form -> API body.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "http.h"
#include "inet_form.h"
#include "store.h"
#include "tpl.h"
#include "util.h"

const char *const inet_offer_fields[12] = {
	"_id", "product", "initiationFeeProduct", "initiationCost",
	"initiationWholesale", "initiationCustomer", "monthlyCost",
	"monthlyWholesale", "monthlyCustomer", "commitment", "providerName",
	"providerOfferId",
};

/* Properties of the request on the offer entry page, by type:
 * 'b' boolean (checkbox), 'i' integer (select), 's' string. */
static const struct uprop {
	const char	*name;
	char		 kind;
	const char	*only;
} uprops[] = {
	{ "notes", 's', NULL }, { "product", 's', NULL },
	{ "takeover", 'b', "DSL" }, { "takeoverCircuit", 's', "DSL" },
	{ "takeoverCustomer", 's', "DSL" }, { "ipAddresses", 'i', "FIBER" },
	{ "commitment1", 'b', "FIBER" }, { "commitment2", 'b', "FIBER" },
	{ "commitment3", 'b', "FIBER" }, { "reference", 's', NULL },
	{ "startDate", 's', NULL }, { "installCallNumber", 's', NULL },
	{ "installCallName", 's', NULL }, { "installTime", 's', NULL },
};

/* The posted inputs; every "notify" value kept.  New reference. */
json_t *
inet_vals_from_form(const struct req *r)
{
	json_t	*vals = json_object(), *notify = json_array();
	size_t	 i;

	json_object_set_new(vals, "notify", notify);
	for (i = 0; i < r->form.n; i++) {
		const char *k = r->form.v[i].key, *v = r->form.v[i].val;
		if (strcmp(k, "notify") == 0)
			json_array_append_new(notify, json_string(v));
		else if (json_object_get(vals, k) == NULL)
			json_object_set_new(vals, k, json_string(v));
	}
	return vals;
}

/* Set input `name` to the text of a JSON value (numbers without
 * trailing zeros, booleans as "true" / ""). */
static void
put(json_t *vals, const char *name, const json_t *v)
{
	char text[64];

	if (json_is_string(v))
		json_object_set_new(vals, name, json_string(json_string_value(v)));
	else if (json_is_integer(v))
		snprintf(text, sizeof(text), "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(text, sizeof(text), "%.2f", json_real_value(v));
	else
		snprintf(text, sizeof(text), "%s", json_is_true(v) ? "true" : "");
	if (!json_is_string(v))
		json_object_set_new(vals, name, json_string(text));
}

/* A stored request as inputs of the offer entry page.  New reference. */
json_t *
inet_vals_from_request(const json_t *req)
{
	json_t		*vals = json_object(), *notify = json_array();
	const json_t	*o, *e;
	char		 name[64], day[11];
	size_t		 i, k;

	for (i = 0; i < sizeof(uprops) / sizeof(uprops[0]); i++)
		if ((o = json_object_get(req, uprops[i].name)) != NULL)
			put(vals, uprops[i].name, o);
	if (json_is_string(json_object_get(req, "startDate"))) {
		snprintf(day, sizeof(day), "%s", json_string_value(json_object_get(req, "startDate")));
		json_object_set_new(vals, "startDate", json_string(day));
	}
	json_array_foreach(json_object_get(req, "notify"), i, e)
		json_array_append_new(notify, json_string(json_string_value(json_object_get(e, "_id"))));
	json_object_set_new(vals, "notify", notify);
	json_array_foreach(json_object_get(req, "offers"), i, o)
		for (k = 0; k < 12; k++)
			if ((e = json_object_get(o, inet_offer_fields[k])) != NULL) {
				snprintf(name, sizeof(name), "offers[%zu].%s", i, inet_offer_fields[k]);
				put(vals, name, e);
			}
	i = json_array_size(json_object_get(req, "offers"));
	snprintf(name, sizeof(name), "%zu", i > 0 ? i : 1);
	json_object_set_new(vals, "rows", json_string(name));
	return vals;
}

/* The input's value or "".  Borrowed. */
const char *
inet_val(const json_t *vals, const char *name)
{
	const char *v = json_string_value(json_object_get(vals, name));

	return v != NULL ? v : "";
}

/* The message of the first problem at path, or NULL.  Borrowed. */
const char *
inet_error_at(const struct problems *pb, const char *path)
{
	const struct problem *p = problems_at(pb, path);

	return p != NULL ? p->text : NULL;
}

/* Show KEY_ERROR and KEY_ERROR_TEXT for an error at path. */
void
inet_tpl_error(struct tpl_dict *d, const char *key, const struct problems *pb,
    const char *path)
{
	const char	*msg = inet_error_at(pb, path);
	char		 name[96];

	if (msg == NULL)
		return;
	snprintf(name, sizeof(name), "%s_ERROR", key);
	tpl_show(d, name);
	snprintf(name, sizeof(name), "%s_ERROR_TEXT", key);
	tpl_set(d, name, msg);
}

/* Set KEY to the input's value and show its error. */
void
inet_tpl_field(struct tpl_dict *d, const char *key, const json_t *vals,
    const struct problems *pb, const char *name)
{
	tpl_set(d, key, inet_val(vals, name));
	inet_tpl_error(d, key, pb, name);
}

/* The error summary: ERRORS, ERROR_COUNT, ERROR rows. */
void
inet_tpl_errors(struct tpl_dict *d, const struct problems *pb)
{
	struct tpl_dict	*row;
	size_t		 i;

	if (pb == NULL || problems_found(pb) == 0)
		return;
	tpl_show(d, "ERRORS");
	tpl_set_int(d, "ERROR_COUNT", (long long)problems_found(pb));
	for (i = 0; i < pb->n; i++) {
		row = tpl_section_add(d, "ERROR");
		tpl_set(row, "ERROR_PATH", pb->v[i].path);
		tpl_set(row, "ERROR_TEXT", pb->v[i].text);
	}
}

/* A row of choice section `section`; returns it (borrowed). */
static struct tpl_dict *
option(struct tpl_dict *d, const char *section, const char *value,
    const char *label, int selected, const char *mark)
{
	struct tpl_dict	*row = tpl_section_add(d, section);
	char		 key[96];

	snprintf(key, sizeof(key), "%s_VALUE", section);
	tpl_set(row, key, value);
	snprintf(key, sizeof(key), "%s_LABEL", section);
	tpl_set(row, key, label);
	if (selected) {
		snprintf(key, sizeof(key), "%s_%s", section, mark);
		tpl_show(row, key);
	}
	return row;
}

/* One row of a select section. */
void
inet_tpl_option(struct tpl_dict *d, const char *section, const char *value,
    const char *label, int selected)
{
	option(d, section, value, label, selected, "SELECTED");
}

/* Set S_<what> on a choice row. */
static void
option_extra(struct tpl_dict *row, const char *section, const char *what,
    const char *value)
{
	char key[96];

	snprintf(key, sizeof(key), "%s_%s", section, what);
	tpl_set(row, key, value);
}

/* Rows of product choices (see inet_form.h).  0 or -1. */
int
inet_products_load(struct store *st, const char *customer, struct products *p)
{
	struct rows	*s;
	struct product	*v, *x;
	size_t		 cap = 0;
	int		 rc;

	memset(p, 0, sizeof(*p));
	p->scoped = customer != NULL;
	if ((s = store_query(st, ST_PRODUCT_LIST, "s", customer)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1) {
		if ((v = array_room(p->v, p->n, &cap, sizeof(*v), 16)) == NULL) {
			rc = -1;
			break;
		}
		p->v = v;
		x = &p->v[p->n++];
		x->id = strdup(store_text(s, PRODUCT_ID));
		x->name = strdup(store_text(s, PRODUCT_NAME));
		x->type = strdup(store_text(s, PRODUCT_TYPE));
		x->fee = store_int(s, PRODUCT_INITIATION_FEE) != 0;
		x->valid = store_int(s, PRODUCT_SELLABLE) != 0;
		if (x->id == NULL || x->name == NULL || x->type == NULL) {
			rc = -1;
			break;
		}
	}
	store_done(s);
	if (rc < 0) {
		inet_products_free(p);
		return -1;
	}
	return 0;
}

void
inet_products_free(struct products *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].id);
		free(p->v[i].name);
		free(p->v[i].type);
	}
	free(p->v);
	memset(p, 0, sizeof(*p));
}

void
inet_tpl_product_list(struct tpl_dict *d, const char *section,
    const struct products *p, const char *type, int fee, const char *selected)
{
	const struct product	*x;
	struct tpl_dict		*row;
	char			 label[300];
	size_t			 i;

	for (i = 0; i < p->n; i++) {
		x = &p->v[i];
		if (x->fee != fee || (p->scoped && !x->valid) ||
		    (type != NULL && strcmp(type, x->type) != 0))
			continue;
		snprintf(label, sizeof(label), "%s (%s)", x->name, x->type);
		row = option(d, section, x->id, label, selected != NULL &&
		    strcmp(selected, x->id) == 0, "SELECTED");
		option_extra(row, section, "TYPE", x->type);
	}
}

int
inet_tpl_products(struct store *st, struct tpl_dict *d, const char *section,
    const char *customer, const char *type, int fee, const char *selected)
{
	struct products p;

	if (inet_products_load(st, customer, &p) < 0)
		return -1;
	inet_tpl_product_list(d, section, &p, type, fee, selected);
	inet_products_free(&p);
	return 0;
}

/* Rows of the addresses in the caller's scope.  0 or -1. */
int
inet_tpl_addresses(struct req *r, struct tpl_dict *d, const char *section,
    const char *selected)
{
	struct rows	*s;
	struct tpl_dict	*row;
	char		 label[600];
	int		 rc;

	if ((s = store_query(r->store, ST_ADDRESS_PICKER, "iss", SCOPE_ARGS(r->who))) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1) {
		snprintf(label, sizeof(label), "%s, %s %s%s%s",
		    store_text(s, ADDRESS_PICK_LINE), store_text(s, ADDRESS_PICK_ZIP),
		    store_text(s, ADDRESS_PICK_CITY), r->who->customer_id ? "" : " — ",
		    r->who->customer_id ? "" : store_text(s, ADDRESS_PICK_CUSTOMER_ID));
		row = option(d, section, store_text(s, ADDRESS_PICK_ID), label,
		    selected != NULL &&
		    strcmp(selected, store_text(s, ADDRESS_PICK_ID)) == 0, "SELECTED");
		option_extra(row, section, "CUSTOMER",
		    store_text(s, ADDRESS_PICK_CUSTOMER_ID));
	}
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* Is `id` one of the values of vals' notify? */
static int
notified(const json_t *vals, const char *id)
{
	const json_t	*e;
	size_t		 i;

	json_array_foreach(json_object_get(vals, "notify"), i, e)
		if (strcmp(json_string_value(e), id) == 0)
			return 1;
	return 0;
}

/* Rows of the employees who can be notified.  0 or -1. */
int
inet_tpl_employees(struct req *r, struct tpl_dict *d, const char *section,
    const char *customer, const json_t *vals)
{
	struct rows	*s;
	struct tpl_dict	*row;
	char		 label[600];
	int		 rc;

	if ((s = store_query(r->store, ST_NOTIFY_PICKER, "isss", SCOPE_ARGS(r->who),
	    customer)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1) {
		snprintf(label, sizeof(label), "%s <%s>%s%s",
		    store_text(s, NOTIFY_USER_NAME), store_text(s, NOTIFY_USER_EMAIL),
		    customer ? "" : " — ",
		    customer ? "" : store_text(s, NOTIFY_USER_CUSTOMER_ID));
		row = option(d, section, store_text(s, NOTIFY_USER_ID), label,
		    notified(vals, store_text(s, NOTIFY_USER_ID)), "CHECKED");
		option_extra(row, section, "CUSTOMER",
		    store_text(s, NOTIFY_USER_CUSTOMER_ID));
	}
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* A typed-in number as JSON (integer or real), or the text itself when
 * it is not a number, so that the API's check names the problem. */
static json_t *
number(const char *s)
{
	char	*end;
	double	 d;

	errno = 0;
	d = strtod(s, &end);
	if (*s == '\0' || *end != '\0' || errno != 0 || !isfinite(d))
		return json_string(s);
	if (d == floor(d) && fabs(d) < 1e15 && strpbrk(s, ".eE") == NULL)
		return json_integer((json_int_t)d);
	return json_real(d);
}

/* Put input `name` into obj[key] when not empty ('s' string, 'i' number). */
static void
take(json_t *obj, const char *key, const json_t *vals, const char *name, char kind)
{
	const char *v = inet_val(vals, name);

	if (*v != '\0')
		json_object_set_new(obj, key, kind == 'i' ? number(v) : json_string(v));
}

/* address / address2 of the new-request form: {_id} or the typed parts. */
static void
address_of(json_t *body, const json_t *vals, const char *obj)
{
	json_t	*a = json_object();
	char	 name[32];

	snprintf(name, sizeof(name), "%s._id", obj);
	take(a, "_id", vals, name, 's');
	if (json_object_size(a) == 0) {
		snprintf(name, sizeof(name), "%s.address", obj);
		take(a, "address", vals, name, 's');
		snprintf(name, sizeof(name), "%s.zip", obj);
		take(a, "zip", vals, name, 's');
		snprintf(name, sizeof(name), "%s.city", obj);
		take(a, "city", vals, name, 's');
	}
	if (json_object_size(a) > 0)
		json_object_set_new(body, obj, a);
	else
		json_decref(a);
}

/* The notify list of the form (array of ids, new reference). */
static json_t *
notify_of(const json_t *vals)
{
	json_t *n = json_deep_copy(json_object_get(vals, "notify"));

	return n != NULL ? n : json_array();
}

/* The new-request form as the body of POST /internet/request. */
json_t *
inet_create_body(const json_t *vals)
{
	static const char *const strings[] = { "type", "customer", "notes", "product",
	    "takeoverCircuit", "takeoverCustomer", "reference", "startDate",
	    "installCallNumber", "installCallName", "installTime" };
	static const char *const bools[] = { "takeover", "commitment1", "commitment2",
	    "commitment3" };
	json_t	*body = json_object();
	size_t	 i;

	for (i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
		take(body, strings[i], vals, strings[i], 's');
	for (i = 0; i < sizeof(bools) / sizeof(bools[0]); i++)
		if (strcmp(inet_val(vals, bools[i]), "true") == 0)
			json_object_set_new(body, bools[i], json_true());
	take(body, "ipAddresses", vals, "ipAddresses", 'i');
	address_of(body, vals, "address");
	address_of(body, vals, "address2");
	if (json_array_size(json_object_get(vals, "notify")) > 0)
		json_object_set_new(body, "notify", notify_of(vals));
	return body;
}

/* Is every input of offer row `row` (but its _id) empty? */
static int
row_empty(const json_t *vals, size_t row)
{
	char	name[64];
	size_t	k;

	for (k = 1; k < 12; k++) {
		snprintf(name, sizeof(name), "offers[%zu].%s", row, inet_offer_fields[k]);
		if (*inet_val(vals, name) != '\0')
			return 0;
	}
	return 1;
}

/* The offers of the form's non-empty rows; rowmap as inet_update_body. */
static json_t *
offers_of(const json_t *vals, size_t rowmap[INET_FORM_ROWS_MAX])
{
	json_t	*offers = json_array(), *o;
	char	 name[64];
	size_t	 row, k, n = inet_form_rows(vals);

	for (row = 0; row < n; row++) {
		if (row_empty(vals, row))
			continue;
		o = json_object();
		for (k = 0; k < 12; k++) {
			snprintf(name, sizeof(name), "offers[%zu].%s", row, inet_offer_fields[k]);
			take(o, inet_offer_fields[k], vals, name, k >= 3 && k <= 9 ? 'i' : 's');
		}
		rowmap[json_array_size(offers)] = row;
		json_array_append_new(offers, o);
	}
	return offers;
}

/* The offer entry form as the body of the TelecomX update. */
json_t *
inet_update_body(const json_t *vals, const char *type, size_t rowmap[INET_FORM_ROWS_MAX])
{
	json_t		*body = json_object();
	const char	*v;
	size_t		 i;

	for (i = 0; i < sizeof(uprops) / sizeof(uprops[0]); i++) {
		if (uprops[i].only != NULL && strcmp(uprops[i].only, type) != 0)
			continue;
		v = inet_val(vals, uprops[i].name);
		if (uprops[i].kind == 'b')
			json_object_set_new(body, uprops[i].name, json_boolean(strcmp(v, "true") == 0));
		else if (*v == '\0')
			json_object_set_new(body, uprops[i].name, json_null());
		else
			json_object_set_new(body, uprops[i].name,
			    uprops[i].kind == 'i' ? number(v) : json_string(v));
	}
	json_object_set_new(body, "notify", notify_of(vals));
	json_object_set_new(body, "offers", offers_of(vals, rowmap));
	return body;
}

/* offers[k] paths of problems back to the form's rows. */
void
inet_remap_offer_paths(struct problems *pb, const size_t rowmap[INET_FORM_ROWS_MAX])
{
	const char	*path, *dot;
	char		 fixed[96], *copy;
	size_t		 i, k;

	for (i = 0; i < pb->n; i++) {
		path = pb->v[i].path;
		if (path == NULL || sscanf(path, "offers[%zu]", &k) != 1 ||
		    k >= INET_FORM_ROWS_MAX || (dot = strchr(path, ']')) == NULL)
			continue;
		snprintf(fixed, sizeof(fixed), "offers[%zu%s", rowmap[k], dot);
		if ((copy = strdup(fixed)) == NULL)
			continue;	/* the row's own index stays */
		free(pb->v[i].path);
		pb->v[i].path = copy;
	}
}

/* The form's number of offer rows, 1 to 20. */
size_t
inet_form_rows(const json_t *vals)
{
	long n = strtol(inet_val(vals, "rows"), NULL, 10);

	return n < 1 ? 1 : n > INET_FORM_ROWS_MAX ? INET_FORM_ROWS_MAX : (size_t)n;
}

/* Set the number of offer rows. */
static void
set_rows(json_t *vals, size_t n)
{
	char text[24];

	snprintf(text, sizeof(text), "%zu", n);
	json_object_set_new(vals, "rows", json_string(text));
}

/* One more (empty) offer row, up to 20. */
void
inet_form_add_row(json_t *vals)
{
	size_t n = inet_form_rows(vals);

	if (n < INET_FORM_ROWS_MAX)
		set_rows(vals, n + 1);
}

/* Drop offer row `row`; the rows after it move up. */
void
inet_form_remove_row(json_t *vals, size_t row)
{
	char	from[64], to[64];
	size_t	n = inet_form_rows(vals), i, k;

	if (row >= n)
		return;
	for (i = row; i < n; i++)
		for (k = 0; k < 12; k++) {
			snprintf(to, sizeof(to), "offers[%zu].%s", i, inet_offer_fields[k]);
			snprintf(from, sizeof(from), "offers[%zu].%s", i + 1, inet_offer_fields[k]);
			if (i + 1 < n && json_object_get(vals, from) != NULL)
				json_object_set(vals, to, json_object_get(vals, from));
			else
				json_object_del(vals, to);
		}
	set_rows(vals, n > 1 ? n - 1 : 1);
}
