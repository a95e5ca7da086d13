/*
 * inet_pages.c — Internet request pages for customers and resellers.
 * Every rule comes from inet_request.c, as for the JSON API; what people
 * read is in their language (docs/I18N.md): states, types and time
 * windows in words, dates in their time zone, prices with the customer's
 * currency, problems as sentences next to their field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "orange_api.h"
#include "auth.h"
#include "config.h"
#include "conv_pages.h"
#include "http.h"
#include "i18n.h"
#include "l10n.h"
#include "reply.h"
#include "inet_check.h"
#include "inet_form.h"
#include "jsonx.h"
#include "inet_request.h"
#include "pages.h"
#include "inet_pages.h"
#include "store.h"
#include "tpl.h"
#include "util.h"
#include "words.h"

#define PAGE_SIZE 50

/* "road, zip city" of an address object. */
static void
address_line(const json_t *a, char *out, size_t len)
{
	if (a == NULL)
		snprintf(out, len, "%s", "");
	else
		snprintf(out, len, "%s, %s %s", json_str(a, "address"), json_str(a, "zip"), json_str(a, "city"));
}

/* The state of a request as people read it: its own, which follows its
 * account's once an offer is ordered.  Borrowed. */
static const char *
shown_state(const json_t *req)
{
	return json_str(req, "state");
}

/* ---- list ------------------------------------------------------------- */

void
inet_page_rows(struct req *r, struct tpl_dict *body, const json_t *items)
{
	struct tpl_dict	*row;
	const json_t	*it;
	char		 line[600];
	size_t		 i;

	json_t		*waiting = conv_page_waiting(r, CONV_INTERNET, items, "_id");

	json_array_foreach(items, i, it) {
		row = tpl_section_add(body, "ROW");
		tpl_set(row, "R_ID", json_str(it, "_id"));
		if (json_object_get(waiting, json_str(it, "_id")) != NULL)
			tpl_show(row, "R_WAITING");
		tpl_set(row, "R_STATE", shown_state(it));
		tpl_set(row, "R_STATE_TEXT", word(WS_INET_STATE, r->lang, shown_state(it)));
		tpl_set(row, "R_TYPE", word(WS_CIRCUIT, r->lang, json_str(it, "type")));
		tpl_set(row, "R_CUSTOMER", json_str(it, "customerName") ?
		    json_str(it, "customerName") : json_str(it, "reseller"));
		address_line(json_object_get(it, "address"), line, sizeof(line));
		tpl_set(row, "R_ADDRESS", line);
		tpl_set(row, "R_REFERENCE", json_str(it, "reference"));
		tpl_set(row, "R_CREATED", page_datetime(r, json_str(it, "created"), line));
		tpl_set(row, "R_EXPIRES", page_datetime(r, json_str(it, "expires"), line));
		if (json_object_get(it, "account") != NULL) {
			const char *state = json_str(json_object_get(it, "account"), "state");
			tpl_set(row, "R_ACCOUNT", word(WS_ACCOUNT_STATE, r->lang, state));
			tpl_set(row, "R_ACCOUNT_STATE", state);
		}
	}
	json_decref(waiting);
}

/* The list's filters from the query string: 0; -2 when a day is not
 * one, -3 when assignee (the operator's only) names no operator, -1. */
static int
list_filter(struct req *r, struct inet_filter *f, int admin)
{
	const char	*state = req_query(r, "state"), *filter = req_query(r, "filter"),
			*type = req_query(r, "type");

	memset(f, 0, sizeof(*f));
	f->view = INET_PAGE;
	f->inbox = admin;
	f->limit = PAGE_SIZE;
	if (req_query_int(r, "offset", 0, 0, 1LL << 40, &f->offset) < 0)
		f->offset = 0;
	if (inet_state_valid(state))	/* anything else: every state */
		f->state = state;
	if (filter != NULL && *filter != '\0')
		f->filter = filter;
	if (type != NULL && (strcmp(type, "DSL") == 0 || strcmp(type, "FIBER") == 0))
		f->type = type;
	if (inet_filter_days(f, INET_DATE_CREATED, req_query(r, "created_from"),
	    req_query(r, "created_to")) != 0)
		return -2;
	switch (page_assignee_query(r, f->assignee_id, sizeof(f->assignee_id), &f->assignee)) {
	case 0: return 0;
	case 1: return -3;
	default: return -1;
	}
}

/* "1 Internet request", "2 Internet requests", into out. */
static void
count_words(struct req *r, long long n, char *out, size_t len)
{
	char num[L10N_MAX];

	l10n_number(r->lang, (double)n, 0, num, sizeof(num));
	tr_fill(out, len, trn(r->lang, "{1} Internet request", "{1} Internet requests",
	    (unsigned long)n), num, NULL);
}

/* Filters, counts and pager of the list page. */
static void
list_controls(struct req *r, struct tpl_dict *body, const struct inet_filter *f,
    long long total, size_t shown, int admin)
{
	char	 text[128];
	size_t	 i;

	for (i = 0; inet_states[i] != NULL; i++)
		inet_tpl_option(body, "STATE_OPTION", inet_states[i],
		    word(WS_INET_STATE, r->lang, inet_states[i]),
		    f->state != NULL && strcmp(f->state, inet_states[i]) == 0);
	tpl_set(body, "F_FILTER", f->filter ? f->filter : "");
	for (i = 0; i < 2; i++) {
		static const char *const types[] = { "DSL", "FIBER" };

		inet_tpl_option(body, "TYPE_OPTION", types[i], types[i],
		    f->type != NULL && strcmp(f->type, types[i]) == 0);
	}
	tpl_set(body, "F_CREATED_FROM", req_query(r, "created_from"));
	tpl_set(body, "F_CREATED_TO", req_query(r, "created_to"));
	tpl_set(body, "ACTION", admin ? "/admin/internet" : "/internet");
	tpl_set(body, "LINK_PREFIX", admin ? "/admin/internet/" : "/internet/");
	const char *from = req_query(r, "created_from"), *to = req_query(r, "created_to");
	const struct page_param params[] = {
		{ "state", f->state }, { "filter", f->filter }, { "type", f->type },
		{ "created_from", from != NULL && *from ? from : NULL },
		{ "created_to", to != NULL && *to ? to : NULL },
		{ "assignee", f->assignee == NULL ? NULL : *f->assignee == '\0' ? "none" :
		    f->assignee },
	};

	count_words(r, total, text, sizeof(text));
	tpl_set(body, "COUNT_TEXT", text);
	if (shown == 0)
		tpl_show(body, "NO_ROWS");
	page_pager(body, "", f->offset, PAGE_SIZE, shown, total, params,
	    sizeof(params) / sizeof(params[0]));
}

/* The list or the inbox page (see inet_pages.h).  0 or -1. */
int
inet_list_page(struct req *r, int admin)
{
	struct inet_filter	 f;
	struct tpl_dict		*root, *body;
	json_t			*items;
	const char		*title;
	long long		 total;

	switch (list_filter(r, &f, admin)) {
	case 0: break;
	case -2: return reply_error(r, HERR_BAD_QUERY,
	    tr(r->lang, "Enter each date of the filter as a day, such as 2026-12-31."));
	case -3: return reply_error(r, HERR_BAD_QUERY,
	    tr(r->lang, "Choose who handles the requests among the operators offered."));
	default: return -1;
	}
	if (inet_list(r->store, r->who, &f, &items, &total) < 0) {
		json_decref(items);
		return -1;
	}
	title = admin ? tr(r->lang, "Internet requests: inbox") : tr(r->lang, "Internet requests");
	if ((root = page_new(r, title, "internet_list.tpl", &body)) == NULL) {
		json_decref(items);
		return -1;
	}
	if (admin)
		tpl_show(body, "ADMIN_CRUMB");
	if (!admin && inet_may_create(r->who))		/* the inbox as it was */
		tpl_show(body, "NEW_LINK");
	tpl_set(body, "HEADING", title);
	inet_page_rows(r, body, items);
	list_controls(r, body, &f, total, json_array_size(items), admin);
	if (page_assignee_choices(r, body, f.assignee) < 0) {
		tpl_dict_free(root);
		json_decref(items);
		return -1;
	}
	json_decref(items);
	return page_send(r, 200, root);
}

/* GET /internet: the caller's Internet requests. */
int
page_internet_list(struct req *r)
{
	return inet_list_page(r, 0);
}

/* ---- the new-request form --------------------------------------------- */

/* Text inputs of the form: template key, input name. */
static const struct { const char *key, *name; } new_fields[] = {
	{ "ADDRESS_ADDRESS", "address.address" }, { "ADDRESS_ZIP", "address.zip" },
	{ "ADDRESS_CITY", "address.city" }, { "ADDRESS2_ADDRESS", "address2.address" },
	{ "ADDRESS2_ZIP", "address2.zip" }, { "ADDRESS2_CITY", "address2.city" },
	{ "TAKEOVER_CIRCUIT", "takeoverCircuit" }, { "TAKEOVER_CUSTOMER", "takeoverCustomer" },
	{ "REFERENCE", "reference" }, { "START_DATE", "startDate" },
	{ "CALL_NUMBER", "installCallNumber" }, { "CALL_NAME", "installCallName" },
	{ "NOTES", "notes" },
};

/* Errors of the choices: template key, path. */
static const struct { const char *key, *path; } new_errors[] = {
	{ "TYPE", "type" }, { "CUSTOMER", "customer" }, { "RESELLER", "reseller" },
	{ "ADDRESS", "address" }, { "ADDRESS_ID", "address._id" },
	{ "ADDRESS2", "address2" }, { "ADDRESS2_ID", "address2._id" },
	{ "PRODUCT", "product" }, { "TAKEOVER", "takeover" }, { "IP", "ipAddresses" },
	{ "COMMITMENT1", "commitment1" }, { "COMMITMENT2", "commitment2" },
	{ "COMMITMENT3", "commitment3" }, { "INSTALL_TIME", "installTime" },
	{ "NOTIFY", "notify" },
};

/*
 * Where a problem of the form is, for a person: the label of its field
 * (as the form says it) and the id of the input to go to, by the path of
 * the problem (a prefix for "notify", whose problems are at notify[k]).
 */
static const struct form_place {
	const char	*path;
	const char	*label;
	const char	*input;		/* NULL: none to go to */
} places[] = {
	{ "type", N_("Technology"), "type-DSL" },
	{ "customer", N_("Customer"), "customer" },
	{ "reseller", N_("Customer"), "customer" },
	{ "address._id", N_("Installation address"), "address._id" },
	{ "address.address", N_("Installation address"), "address.address" },
	{ "address.zip", N_("Installation address"), "address.zip" },
	{ "address.city", N_("Installation address"), "address.city" },
	{ "address", N_("Installation address"), "address._id" },
	{ "address2._id", N_("Second address"), "address2._id" },
	{ "address2.address", N_("Second address"), "address2.address" },
	{ "address2.zip", N_("Second address"), "address2.zip" },
	{ "address2.city", N_("Second address"), "address2.city" },
	{ "address2", N_("Second address"), "address2._id" },
	{ "product", N_("Wanted product"), "product" },
	{ "takeoverCircuit", N_("Existing circuit"), "takeoverCircuit" },
	{ "takeoverCustomer", N_("Customer id at the donor operator"), "takeoverCustomer" },
	{ "takeover", N_("Takeover"), "takeover" },
	{ "ipAddresses", N_("IP addresses"), "ipAddresses" },
	{ "commitment1", N_("Commitment"), "commitment1" },
	{ "commitment2", N_("Commitment"), "commitment2" },
	{ "commitment3", N_("Commitment"), "commitment3" },
	{ "reference", N_("Your reference"), "reference" },
	{ "startDate", N_("Wanted delivery date"), "startDate" },
	{ "installTime", N_("Time window of the installation"), "installTime" },
	{ "installCallName", N_("Contact the technician calls"), "installCallName" },
	{ "installCallNumber", N_("Number called 30 minutes before arrival"),
	    "installCallNumber" },
	{ "notify", N_("People to tell"), "notify" },
	{ "notes", N_("Notes"), "notes" },
	{ "offers", N_("Offers"), NULL },
};

/* The place of a problem at `path`, or NULL. */
static const struct form_place *
place_of(const char *path)
{
	size_t i, n;

	for (i = 0; path != NULL && i < sizeof(places) / sizeof(places[0]); i++) {
		n = strlen(places[i].path);
		if (strncmp(path, places[i].path, n) == 0 &&
		    (path[n] == '\0' || path[n] == '[' ||
		    (path[n] == '.' && strcmp(places[i].path, "offers") == 0)))
			return &places[i];
	}
	return NULL;
}

/* The sentence a person reads for problem `p` (errors.c's, naming its
 * field by its label).  New string or NULL. */
static char *
person_text(struct req *r, const struct problems *pb, const struct problem *p)
{
	const struct form_place *pl = place_of(p->path);

	return problem_person(pb, p, r->lang, pl != NULL ? tr(r->lang, pl->label) : NULL);
}

/* The first problem at `path` (or, for "notify", at any notify[k]). */
static const struct problem *
problem_of(const struct problems *pb, const char *path)
{
	size_t i, n = strlen(path);

	if (pb == NULL)
		return NULL;
	if (strcmp(path, "notify") != 0)
		return problems_at(pb, path);
	for (i = 0; i < pb->n; i++)
		if (pb->v[i].path != NULL && strncmp(pb->v[i].path, path, n) == 0 &&
		    (pb->v[i].path[n] == '\0' || pb->v[i].path[n] == '['))
			return &pb->v[i];
	return NULL;
}

/* Show KEY_ERROR with the person's sentence in KEY_ERROR_TEXT for the
 * problem at `path`.  0 or -1. */
static int
field_error(struct req *r, struct tpl_dict *d, const char *key,
    const struct problems *pb, const char *path)
{
	const struct problem	*p = problem_of(pb, path);
	char			 name[96], *text;

	if (p == NULL)
		return 0;
	if ((text = person_text(r, pb, p)) == NULL)
		return -1;
	snprintf(name, sizeof(name), "%s_ERROR", key);
	tpl_show(d, name);
	snprintf(name, sizeof(name), "%s_ERROR_TEXT", key);
	tpl_set(d, name, text);
	free(text);
	return 0;
}

/* The summary above the refused form: the count, then each problem with
 * the label of its field, a link to it.  0 or -1. */
static int
form_summary(struct req *r, struct tpl_dict *d, const struct problems *pb)
{
	const struct form_place	*pl;
	struct tpl_dict		*row;
	char			 n[32], text[200], *sentence;
	size_t			 i, found;

	if (pb == NULL || (found = problems_found(pb)) == 0)
		return 0;
	snprintf(n, sizeof(n), "%zu", found);
	tr_fill(text, sizeof(text), trn(r->lang, "The request was not sent: {1} problem to fix.",
	    "The request was not sent: {1} problems to fix.", found), n, NULL);
	tpl_show(d, "ERRORS");
	tpl_set(d, "ERROR_COUNT_TEXT", text);
	for (i = 0; i < pb->n; i++) {
		if ((row = tpl_section_add(d, "ERROR")) == NULL ||
		    (sentence = person_text(r, pb, &pb->v[i])) == NULL)
			return -1;
		if ((pl = place_of(pb->v[i].path)) != NULL) {
			tpl_show(row, pl->input != NULL ? "ERROR_LINK" : "ERROR_NAME");
			tpl_set(row, "ERROR_HREF", pl->input);
			tpl_set(row, "ERROR_LABEL", tr(r->lang, pl->label));
		}
		tpl_set(row, "ERROR_TEXT", sentence);
		free(sentence);
	}
	return 0;
}

/* The type, IP address, time window and checkbox choices. */
static void
form_choices(struct req *r, struct tpl_dict *body, const json_t *vals)
{
	const char *const *types = word_codes(WS_CIRCUIT), *const *times = word_codes(WS_INSTALL_TIME);
	static const char *const ips[] = { "1", "2", "4", "8", "16", "32" };
	static const char *const boxes[][2] = { { "takeover", "TAKEOVER_CHECKED" },
	    { "commitment1", "COMMITMENT1_CHECKED" }, { "commitment2", "COMMITMENT2_CHECKED" },
	    { "commitment3", "COMMITMENT3_CHECKED" } };
	size_t i;

	for (i = 0; types[i] != NULL; i++)
		inet_tpl_option(body, "TYPE_OPTION", types[i], word(WS_CIRCUIT, r->lang, types[i]),
		    strcmp(inet_val(vals, "type"), types[i]) == 0);
	for (i = 0; i < 6; i++)
		inet_tpl_option(body, "IP_OPTION", ips[i], ips[i],
		    strcmp(inet_val(vals, "ipAddresses"), ips[i]) == 0);
	for (i = 0; times[i] != NULL; i++)
		inet_tpl_option(body, "TIME_OPTION", times[i], word(WS_INSTALL_TIME, r->lang,
		    times[i]), strcmp(inet_val(vals, "installTime"), times[i]) == 0);
	for (i = 0; i < 4; i++)
		if (strcmp(inet_val(vals, boxes[i][0]), "true") == 0)
			tpl_show(body, boxes[i][1]);
}

/* Staff choose the customer (reseller staff may leave it empty: the
 * request is then their reseller's).  0 or -1. */
static int
form_customer(struct req *r, struct tpl_dict *body, const json_t *vals)
{
	struct rows	*s;
	int		 rc;

	if (r->who->customer_id != NULL)
		return 0;
	tpl_show(body, "CUSTOMER_PICK");
	tpl_set(body, "NO_CUSTOMER_LABEL", r->who->reseller_id != NULL ?
	    tr(r->lang, "— none: a request of my reseller —") : tr(r->lang, "— choose —"));
	if ((s = store_query(r->store, ST_CUSTOMERS_IN_SCOPE, "iss", SCOPE_ARGS(r->who))) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1)
		inet_tpl_option(body, "CUSTOMER_OPTION", store_text(s, CUSTOMER_ID),
		    store_text(s, CUSTOMER_NAME),
		    strcmp(inet_val(vals, "customer"), store_text(s, CUSTOMER_ID)) == 0);
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* The form, with the values kept and the problems at their fields. */
static int
render_new(struct req *r, const json_t *vals, const struct problems *pb, int status)
{
	struct tpl_dict	*root, *body;
	const char	*cust = r->who->customer_id;
	char		 token[33];
	size_t		 i;

	if (page_form_token(r, token) < 0 ||
	    (root = page_new(r, tr(r->lang, "New Internet request"), "internet_form.tpl",
	    &body)) == NULL)
		return -1;
	tpl_set(body, "CSRF", r->who->csrf);
	tpl_set(body, "FORM_TOKEN", token);
	for (i = 0; i < sizeof(new_fields) / sizeof(new_fields[0]); i++) {
		tpl_set(body, new_fields[i].key, inet_val(vals, new_fields[i].name));
		if (field_error(r, body, new_fields[i].key, pb, new_fields[i].name) < 0)
			goto fail;
	}
	for (i = 0; i < sizeof(new_errors) / sizeof(new_errors[0]); i++)
		if (field_error(r, body, new_errors[i].key, pb, new_errors[i].path) < 0)
			goto fail;
	if (form_summary(r, body, pb) < 0)
		goto fail;
	form_choices(r, body, vals);
	if (form_customer(r, body, vals) < 0 ||
	    inet_tpl_addresses(r, body, "ADDRESS_OPTION", inet_val(vals, "address._id")) < 0 ||
	    inet_tpl_addresses(r, body, "ADDRESS2_OPTION", inet_val(vals, "address2._id")) < 0 ||
	    inet_tpl_products(r->store, body, "PRODUCT_OPTION", cust, NULL, 0,
	    inet_val(vals, "product")) < 0 ||
	    inet_tpl_employees(r, body, "NOTIFY_OPTION", cust, vals) < 0)
		goto fail;
	return page_send(r, status, root);
fail:
	tpl_dict_free(root);
	return -1;
}

/* GET /internet/new: the empty form (403 below OWNER). */
int
page_internet_new(struct req *r)
{
	json_t	*vals;
	int	 rc;

	if (!inet_may_create(r->who))
		return reply_error(r, HERR_FORBIDDEN,
		    tr(r->lang, "Your access level does not let you ask for Internet offers."));
	vals = json_pack("{s:[]}", "notify");
	rc = render_new(r, vals, NULL, 200);
	json_decref(vals);
	return rc;
}

/* 303 to Internet request `id`, with the page's notice `done` (NULL:
 * none). */
static int
to_request(struct req *r, const char *id, const char *done)
{
	char loc[96];

	snprintf(loc, sizeof(loc), "/internet/%s%s%s", id, done ? "?done=" : "",
	    done ? done : "");
	return resp_redirect(r, loc);
}

/* POST /internet/new: 303 to the request (or to the one an earlier post
 * of the same form made), or the form again. */
int
page_internet_new_post(struct req *r)
{
	const char	*token = page_posted_token(r);
	struct problems	 pb = { 0 };
	json_t		*vals, *body;
	char		 id[25];
	int		 rc;

	if (!inet_may_create(r->who))
		return reply_error(r, HERR_FORBIDDEN,
		    tr(r->lang, "Your access level does not let you ask for Internet offers."));
	/* Back, then Send again: the request the first post made */
	if (token != NULL && (rc = inet_by_form_token(r->store, r->who, token, id)) != 0)
		return rc < 0 ? -1 : to_request(r, id, "again");
	vals = inet_vals_from_form(r);
	body = inet_create_body(vals);
	rc = inet_create(r->store, r->who, body, token, &pb, id);
	if (rc == 0)
		rc = to_request(r, id, NULL);
	else if (rc == 2)
		rc = to_request(r, id, "again");
	else if (rc > 0)
		rc = render_new(r, vals, &pb, problems_status(&pb));
	problems_free(&pb);
	json_decref(body);
	json_decref(vals);
	return rc;
}

/* ---- one request ------------------------------------------------------- */

/* A fact row, skipped when the value is NULL or empty; `cls` a class of
 * its value (NULL: none). */
static void
fact(struct req *r, struct tpl_dict *body, const char *label, const char *value,
    const char *cls)
{
	struct tpl_dict *row;

	if (value == NULL || *value == '\0')
		return;
	row = tpl_section_add(body, "FACT");
	tpl_set(row, "FACT_LABEL", tr(r->lang, label));
	tpl_set(row, "FACT_VALUE", value);
	if (cls != NULL) {
		tpl_show(row, "FACT_CLASS");
		tpl_set(row, "FACT_CLASS_NAME", cls);
	}
}

/* The commitments the customer wants offers for, in words ("1 year,
 * 3 years"), into b. */
static void
commitment_words(struct req *r, const json_t *req, struct buf *b)
{
	char	key[16], n[8], text[64];
	size_t	i;

	for (i = 1; i <= 3; i++) {
		snprintf(key, sizeof(key), "commitment%zu", i);
		if (!json_is_true(json_object_get(req, key)))
			continue;
		snprintf(n, sizeof(n), "%zu", i);
		tr_fill(text, sizeof(text), trn(r->lang, "{1} year", "{1} years", i), n, NULL);
		buf_printf(b, "%s%s", b->len ? ", " : "", text);
	}
}

/* The request's properties as facts, in words. */
static void
request_facts(struct req *r, struct tpl_dict *body, const json_t *req)
{
	const json_t	*e;
	struct buf	 b = { 0 };
	char		 line[600];
	size_t		 i;

	fact(r, body, N_("Customer"), json_str(req, "customerName") ?
	    json_str(req, "customerName") : json_str(req, "reseller"), NULL);
	address_line(json_object_get(req, "address2"), line, sizeof(line));
	fact(r, body, N_("Second address"), line, NULL);
	fact(r, body, N_("Requested product"), json_str(req, "productName"), NULL);
	if (json_is_integer(json_object_get(req, "ipAddresses"))) {
		snprintf(line, sizeof(line), "%lld", (long long)json_integer_value(
		    json_object_get(req, "ipAddresses")));
		fact(r, body, N_("IP addresses"), line, NULL);
	}
	commitment_words(r, req, &b);
	fact(r, body, N_("Offers wanted for"), b.data, NULL);
	buf_free(&b);
	if (json_is_true(json_object_get(req, "takeover"))) {
		tr_fill(line, sizeof(line), tr(r->lang, "circuit {1}, customer id {2}"),
		    json_str(req, "takeoverCircuit"), json_str(req, "takeoverCustomer"));
		fact(r, body, N_("Takeover"), line, NULL);
	}
	fact(r, body, N_("Reference"), json_str(req, "reference"), NULL);
	fact(r, body, N_("Wanted delivery"), page_date(r, json_str(req, "startDate"), line), NULL);
	fact(r, body, N_("Time window"), word(WS_INSTALL_TIME, r->lang,
	    json_str(req, "installTime")), NULL);
	snprintf(line, sizeof(line), "%s %s", json_str(req, "installCallName") ?
	    json_str(req, "installCallName") : "", json_str(req, "installCallNumber") ?
	    json_str(req, "installCallNumber") : "");
	fact(r, body, N_("Technician calls"), line[0] == ' ' && line[1] == '\0' ? NULL : line,
	    NULL);
	json_array_foreach(json_object_get(req, "notify"), i, e)
		buf_printf(&b, "%s%s", b.len ? ", " : "", json_str(e, "name"));
	fact(r, body, N_("Notified"), b.data, NULL);
	buf_free(&b);
	fact(r, body, N_("Created by"), json_str(req, "createdByName"), NULL);
	fact(r, body, N_("Notes"), json_str(req, "notes"), "text-lines");
}

/* A price with the currency of the request's customer, into out
 * (L10N_MAX). */
static const char *
price_text(struct req *r, const json_t *req, const json_t *v, char *out)
{
	l10n_money(r->lang, page_currency(r, json_str(req, "customerCurrency")),
	    json_number_value(v), out, L10N_MAX);
	return out;
}

/* A price row of an offer card, when the caller may see that price. */
static void
price_row(struct req *r, struct tpl_dict *card, const json_t *req, const json_t *offer,
    const char *key, const char *label)
{
	struct tpl_dict	*row;
	const json_t	*v = json_object_get(offer, key);
	char		 text[L10N_MAX];

	if (!json_is_number(v))
		return;
	row = tpl_section_add(card, "OF_PRICE");
	tpl_set(row, "OP_LABEL", tr(r->lang, label));
	tpl_set(row, "OP_VALUE", price_text(r, req, v, text));
	tpl_set(row, "OP_KEY", key);
}

/* "36 months", or "No commitment", into out. */
static void
commitment_text(struct req *r, const json_t *offer, char *out, size_t len)
{
	const json_t	*c = json_object_get(offer, "commitment");
	char		 n[24];

	if (!json_is_integer(c) || json_integer_value(c) <= 0) {
		snprintf(out, len, "%s", tr(r->lang, "No commitment"));
		return;
	}
	snprintf(n, sizeof(n), "%lld", (long long)json_integer_value(c));
	tr_fill(out, len, trn(r->lang, "{1} month", "{1} months",
	    (unsigned long)json_integer_value(c)), n, NULL);
}

/* One offer card; `may_order`: show its "order this offer" button. */
static void
offer_card(struct req *r, struct tpl_dict *body, const json_t *req, const json_t *offer,
    int may_order)
{
	static const char *const prices[][2] = {
	    { "monthlyCustomer", N_("Per month") }, { "initiationCustomer", N_("Initiation") },
	    { "monthlyWholesale", N_("Per month, wholesale") },
	    { "initiationWholesale", N_("Initiation, wholesale") },
	    { "monthlyCost", N_("Per month, cost") }, { "initiationCost", N_("Initiation, cost") } };
	struct tpl_dict	*card = tpl_section_add(body, "OFFER");
	const json_t	*acc = json_object_get(req, "account");
	char		 text[64];
	size_t		 i;

	tpl_set(card, "OF_ID", json_str(offer, "_id"));
	tpl_set(card, "OF_PRODUCT", json_str(offer, "productName"));
	tpl_set(card, "OF_PROVIDER", json_str(offer, "providerName") ? json_str(offer, "providerName") : "");
	for (i = 0; i < 6; i++)
		price_row(r, card, req, offer, prices[i][0], prices[i][1]);
	commitment_text(r, offer, text, sizeof(text));
	tpl_set(card, "OF_COMMITMENT", text);
	if (json_str(offer, "initiationFeeProductName") != NULL) {
		tpl_show(card, "OF_FEE");
		tpl_set(card, "OF_FEE_PRODUCT", json_str(offer, "initiationFeeProductName"));
	}
	if (!json_is_number(json_object_get(offer, "monthlyCustomer")) &&
	    !json_is_number(json_object_get(offer, "initiationCustomer")))
		tpl_show(card, "OF_LIST_PRICE");
	if (acc != NULL && strcmp(json_str(acc, "offer"), json_str(offer, "_id")) == 0)
		tpl_show(card, "OF_ORDERED");
	else if (may_order)
		tpl_show(card, "OF_ORDER");
}

/* Expiry line, and whether the offers may still be ordered. */
static int
expiry(struct req *r, struct tpl_dict *body, const json_t *req)
{
	long long	left, days;
	int		has;
	char		text[300], when[L10N_MAX], n[24];

	left = inet_seconds_left(req, &has);
	if (!has) {
		tpl_show(body, "NO_OFFERS");
		return 0;
	}
	tpl_show(body, "EXPIRY");
	page_datetime(r, json_str(req, "expires"), when);
	if (left < 0) {
		tr_fill(text, sizeof(text), tr(r->lang, "The offers expired on {1}."), when, NULL);
		tpl_set(body, "EXPIRY_CLASS", "expired");
	} else {
		days = (left + 86399) / 86400;
		snprintf(n, sizeof(n), "%lld", days);
		tr_fill(text, sizeof(text), trn(r->lang, "The offers expire on {1}: {2} day left.",
		    "The offers expire on {1}: {2} days left.", (unsigned long)days), when, n);
		tpl_set(body, "EXPIRY_CLASS", "expires");
	}
	tpl_set(body, "EXPIRY_TEXT", text);
	return left >= 0;
}

/* The account, once an offer was ordered. */
static void
account_line(struct tpl_dict *body, struct req *r, const json_t *req)
{
	const json_t	*acc = json_object_get(req, "account");
	json_t		*full;
	char		 day[L10N_MAX];
	int		 err;

	if (acc == NULL)
		return;
	tpl_show(body, "ACCOUNT");
	tpl_set(body, "ACCOUNT_ID", json_str(acc, "_id"));
	tpl_set(body, "ACCOUNT_STATE", json_str(acc, "state"));
	tpl_set(body, "ACCOUNT_STATE_TEXT", word(WS_ACCOUNT_STATE, r->lang, json_str(acc, "state")));
	full = inet_account_load(r->store, r->who, json_str(acc, "_id"), NULL, &err);
	if (full != NULL && json_str(full, "startDate") != NULL) {
		tpl_show(body, "ACCOUNT_START");
		tpl_set(body, "ACCOUNT_START_DATE", page_date(r, json_str(full, "startDate"), day));
		if (json_str(full, "installTime") != NULL) {
			tpl_show(body, "ACCOUNT_TIME");
			tpl_set(body, "ACCOUNT_TIME_TEXT", word(WS_INSTALL_TIME, r->lang,
			    json_str(full, "installTime")));
		}
		if (json_str(full, "circuit") != NULL) {
			tpl_show(body, "ACCOUNT_CIRCUIT");
			tpl_set(body, "ACCOUNT_CIRCUIT_ID", json_str(full, "circuit"));
		}
	}
	if (full != NULL && json_str(full, "activated") != NULL) {
		tpl_show(body, "ACCOUNT_ACTIVE");
		tpl_set(body, "ACCOUNT_ACTIVATED", page_datetime(r, json_str(full, "activated"), day));
	}
	if (full != NULL && json_str(full, "cancelled") != NULL) {
		tpl_show(body, "ACCOUNT_CANCELLED");
		tpl_set(body, "ACCOUNT_CANCELLED_AT", page_datetime(r, json_str(full, "cancelled"),
		    day));
	}
	json_decref(full);
}

/* The notice of the request page, from its query: done=again (a form
 * posted twice) or done=ordered. */
static void
request_flash(struct req *r, struct tpl_dict *root)
{
	const char *done = req_query(r, "done");

	if (done != NULL && strcmp(done, "again") == 0)
		page_flash(root, tr(r->lang, "This request had already been sent: here it is. "
		    "It was not sent a second time."));
	else if (done != NULL && strcmp(done, "ordered") == 0)
		page_flash(root, tr(r->lang, "Your order was sent. The operator confirms it "
		    "and tells you the delivery date."));
}

/* The caller's request r->param (new reference), or NULL having answered
 * (404) or failed (*rc -1). */
static json_t *
load_or_answer(struct req *r, int *rc)
{
	json_t	*req;
	int	 err;

	if ((req = inet_load(r->store, r->who, r->param, INET_PAGE, &err)) == NULL)
		*rc = err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "This Internet request does not exist, or it is not yours to see."));
	return req;
}

static int
event_cmp(const void *a, const void *b)
{
	return strcmp(((const struct conv_event *)a)->at, ((const struct conv_event *)b)->at);
}

int
inet_page_conversation(struct req *r, const json_t *req, struct tpl_dict *body,
    const char *page, const struct conv_form *cf)
{
	static const struct { const char *key, *state; } steps[] = {
		{ "ordered", "ORDERED" }, { "confirmed", "CONFIRMED" },
		{ "activated", "ACTIVE" }, { "cancelled", "CANCELLED" },
	};
	struct conv_event	 ev[6];
	struct conv_target	 t;
	json_t			*acc = NULL;
	char			 base[128], what[4][200];
	size_t			 n = 0, i;
	int			 rc, err;

	if ((rc = conv_target(r->store, r->who, CONV_INTERNET, json_str(req, "_id"),
	    &t)) <= 0)
		return rc < 0 ? -1 : 0;
	if (json_str(req, "created") != NULL)
		ev[n++] = (struct conv_event){ json_str(req, "created"),
		    json_str(req, "createdByName"), tr(r->lang, "Request sent"), NULL };
	if (json_str(req, "answered") != NULL)
		ev[n++] = (struct conv_event){ json_str(req, "answered"),
		    r->who->level == LVL_ADMIN ? NULL : config.operator_name,
		    tr(r->lang, "Offers sent"), NULL };
	if (json_object_get(req, "account") != NULL)
		acc = inet_account_load(r->store, r->who,
		    json_str(json_object_get(req, "account"), "_id"), NULL, &err);
	for (i = 0; acc != NULL && i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (json_str(acc, steps[i].key) == NULL)
			continue;
		tr_fill(what[i], sizeof(what[i]), tr(r->lang, "Account: “{1}”"),
		    word(WS_ACCOUNT_STATE, r->lang, steps[i].state), NULL);
		ev[n++] = (struct conv_event){ json_str(acc, steps[i].key), NULL, what[i], NULL };
	}
	qsort(ev, n, sizeof(ev[0]), event_cmp);
	snprintf(base, sizeof(base), "%s/%s", page, t.request_id);
	if ((rc = conv_page_section(r, body, &t, ev, n, base, cf)) == 0 && conv_waits(&t))
		tpl_show(body, "WAITING_BADGE");
	json_decref(acc);
	return rc;
}

/* The request page, with `error` (in words) above the offers when an
 * order was refused, or the words of a refused reply `cf`. */
static int
render_page(struct req *r, int status, const char *error, const struct conv_form *cf)
{
	struct tpl_dict	*root, *body;
	const json_t	*o;
	json_t		*req;
	char		 line[600];
	size_t		 i;
	int		 rc = 0, open;

	if ((req = load_or_answer(r, &rc)) == NULL)
		return rc;
	tr_fill(line, sizeof(line), tr(r->lang, "Internet request {1}"), json_str(req, "_id"), NULL);
	if ((root = page_new(r, line, "internet.tpl", &body)) == NULL) {
		json_decref(req);
		return -1;
	}
	request_flash(r, root);
	tpl_set(body, "ID", json_str(req, "_id"));
	tpl_set(body, "STATE", shown_state(req));
	tpl_set(body, "STATE_TEXT", word(WS_INET_STATE, r->lang, shown_state(req)));
	tpl_set(body, "TYPE", word(WS_CIRCUIT, r->lang, json_str(req, "type")));
	tpl_set(body, "CSRF", r->who->csrf);
	address_line(json_object_get(req, "address"), line, sizeof(line));
	tpl_set(body, "ADDRESS", line);
	tpl_set(body, "CREATED", page_datetime(r, json_str(req, "created"), line));
	if (r->who->level == LVL_ADMIN)
		tpl_show(body, "ADMIN_LINK");
	request_facts(r, body, req);
	open = json_object_get(req, "account") == NULL && expiry(r, body, req) &&
	    inet_may_order(r->who);
	json_array_foreach(json_object_get(req, "offers"), i, o)
		offer_card(r, body, req, o, open);
	account_line(body, r, req);
	if (error != NULL) {
		tpl_show(body, "ORDER_ERROR");
		tpl_set(body, "ORDER_ERROR_TEXT", error);
	}
	if (inet_page_conversation(r, req, body, "/internet", cf) < 0) {
		tpl_dict_free(root);
		json_decref(req);
		return -1;
	}
	json_decref(req);
	return page_send(r, status, root);
}

static int
render_request(struct req *r, int status, const char *error)
{
	return render_page(r, status, error, NULL);
}

/* POST /internet/{id}/notes: a reply (or the operator's internal note)
 * from the request page; refused, the page again with the words. */
int
page_internet_note_post(struct req *r)
{
	struct conv_form	 cf;
	char			 base[128];
	int			 rc;

	snprintf(base, sizeof(base), "/internet/%s", r->param);
	if ((rc = conv_page_post(r, CONV_INTERNET, base, &cf)) != 1)
		return rc;
	return render_page(r, cf.status, NULL, &cf);
}

/* GET /internet/{id}/files/{fid}: a file of its conversation. */
int
page_internet_file(struct req *r)
{
	return conv_page_file(r, CONV_INTERNET);
}

/* GET /internet/{id}: the request and its offers. */
int
page_internet(struct req *r)
{
	return render_request(r, 200, NULL);
}

/* The offer `id` of `req`, or NULL. */
static const json_t *
offer_of(const json_t *req, const char *id)
{
	const json_t	*o;
	size_t		 i;

	json_array_foreach(json_object_get(req, "offers"), i, o)
		if (id != NULL && json_str(o, "_id") != NULL && strcmp(json_str(o, "_id"), id) == 0)
			return o;
	return NULL;
}

/* A price of the summary: the customer's price, or the product's list
 * price when the offer gives none. */
static void
summary_price(struct req *r, struct tpl_dict *body, const json_t *req,
    const json_t *offer, const char *key, const char *tkey)
{
	const json_t	*v = json_object_get(offer, key);
	char		 text[L10N_MAX];

	tpl_set(body, tkey, json_is_number(v) ? price_text(r, req, v, text) :
	    tr(r->lang, "the product's list price"));
}

/* The page before an order: what is ordered, for how long and at what
 * price, and "I order this offer". */
static int
render_summary(struct req *r, const json_t *req, const json_t *offer)
{
	struct tpl_dict	*root, *body;
	char		 text[600];

	if ((root = page_new(r, tr(r->lang, "Order this offer?"), "internet_order.tpl",
	    &body)) == NULL)
		return -1;
	tpl_set(body, "ID", json_str(req, "_id"));
	tpl_set(body, "CSRF", r->who->csrf);
	tpl_set(body, "OFFER_ID", json_str(offer, "_id"));
	tpl_set(body, "PRODUCT", json_str(offer, "productName"));
	if (json_str(offer, "providerName") != NULL) {
		tpl_show(body, "PROVIDER");
		tpl_set(body, "PROVIDER_NAME", json_str(offer, "providerName"));
	}
	if (json_str(offer, "initiationFeeProductName") != NULL) {
		tpl_show(body, "FEE");
		tpl_set(body, "FEE_PRODUCT", json_str(offer, "initiationFeeProductName"));
	}
	address_line(json_object_get(req, "address"), text, sizeof(text));
	tpl_set(body, "ADDRESS", text);
	tpl_set(body, "TYPE", word(WS_CIRCUIT, r->lang, json_str(req, "type")));
	tpl_set(body, "CUSTOMER", json_str(req, "customerName") ?
	    json_str(req, "customerName") : json_str(req, "reseller"));
	commitment_text(r, offer, text, sizeof(text));
	tpl_set(body, "COMMITMENT", text);
	summary_price(r, body, req, offer, "initiationCustomer", "INITIATION");
	summary_price(r, body, req, offer, "monthlyCustomer", "MONTHLY");
	tpl_set(body, "EXPIRES", page_datetime(r, json_str(req, "expires"), text));
	return page_send(r, 200, root);
}

/* Why an order cannot be placed, before asking to confirm it: the
 * sentence of the refusal the order would meet, its HTTP status in
 * *status; NULL when it may be placed. */
static const char *
order_refusal(struct req *r, const json_t *req, const json_t *offer, int *status)
{
	int has;

	if (json_object_get(req, "account") != NULL) {
		*status = xerr_row(XERR_ORDERED)->status;
		return tr(r->lang, xerr_row(XERR_ORDERED)->person);
	}
	if (offer == NULL) {
		*status = xerr_row(XERR_OFFER_NOT_FOUND)->status;
		return tr(r->lang, xerr_row(XERR_OFFER_NOT_FOUND)->person);
	}
	if (inet_seconds_left(req, &has) < 0 || !has) {
		*status = xerr_row(XERR_EXPIRED)->status;
		return tr(r->lang, xerr_row(XERR_EXPIRED)->person);
	}
	return NULL;
}

/* POST /internet/{id}/order without confirm=yes: the summary to confirm
 * (or the request page saying why the offer cannot be ordered). */
static int
order_ask(struct req *r)
{
	json_t		*req;
	const char	*why;
	int		 rc = 0, status;

	if ((req = load_or_answer(r, &rc)) == NULL)
		return rc;
	if (!inet_may_order(r->who))
		rc = reply_error(r, HERR_FORBIDDEN,
		    tr(r->lang, "Your access level does not let you order offers."));
	else if ((why = order_refusal(r, req, offer_of(req, req_form(r, "offer")),
	    &status)) != NULL)
		rc = render_request(r, status, why);
	else
		rc = render_summary(r, req, offer_of(req, req_form(r, "offer")));
	json_decref(req);
	return rc;
}

/* POST /internet/{id}/order: with confirm=yes the order, then 303 to the
 * request (or the page with the refusal); without, the summary first. */
int
page_internet_order(struct req *r)
{
	const char	*confirm = req_form(r, "confirm");
	struct problems	 pb = { 0 };
	json_t		*body;
	char		 id[25], *why;
	int		 rc;

	if (confirm == NULL || strcmp(confirm, "yes") != 0)
		return order_ask(r);
	body = json_pack("{s:s, s:s?}", "request", r->param, "offer", req_form(r, "offer"));
	rc = inet_order(r->store, r->who, body, &pb, id);
	json_decref(body);
	if (rc == 0)
		rc = to_request(r, r->param, "ordered");
	else if (rc > 0 && pb.n > 0 && pb.v[0].err == XERR_ORDER_REQUEST_NOT_FOUND)
		rc = reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "This Internet request does not exist, or it is not yours to see."));
	else if (rc > 0 && pb.n > 0 && pb.v[0].err == XERR_ACCESS)
		rc = reply_error(r, HERR_FORBIDDEN,
		    tr(r->lang, "Your access level does not let you order offers."));
	else if (rc > 0) {
		why = pb.n > 0 ? problem_person(&pb, &pb.v[0], r->lang, NULL) : NULL;
		rc = render_request(r, problems_status(&pb), why);
		free(why);
	}
	problems_free(&pb);
	return rc;
}
