/*
 * inet_pages.c — Internet request pages for customers and resellers.
 * Every rule and message comes from inet_request.c, as for the JSON API.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "orange_api.h"
#include "auth.h"
#include "http.h"
#include "i18n.h"
#include "reply.h"
#include "inet_check.h"
#include "inet_form.h"
#include "jsonx.h"
#include "inet_request.h"
#include "pages.h"
#include "inet_pages.h"
#include "store.h"
#include "tpl.h"

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

/* ---- list ------------------------------------------------------------- */

/* One row of the list. */
static void
list_row(struct tpl_dict *body, const json_t *it)
{
	struct tpl_dict	*row = tpl_section_add(body, "ROW");
	char		 line[600];

	tpl_set(row, "R_ID", json_str(it, "_id"));
	tpl_set(row, "R_STATE", json_str(it, "state"));
	tpl_set(row, "R_TYPE", json_str(it, "type"));
	tpl_set(row, "R_CUSTOMER", json_str(it, "customerName") ? json_str(it, "customerName") :
	    json_str(it, "reseller"));
	address_line(json_object_get(it, "address"), line, sizeof(line));
	tpl_set(row, "R_ADDRESS", line);
	tpl_set(row, "R_REFERENCE", json_str(it, "reference"));
	snprintf(line, sizeof(line), "%.10s", json_str(it, "created"));
	tpl_set(row, "R_CREATED", line);
	snprintf(line, sizeof(line), "%.10s", json_str(it, "expires") ? json_str(it, "expires") : "");
	tpl_set(row, "R_EXPIRES", line);
	if (json_object_get(it, "account") != NULL)
		tpl_set(row, "R_ACCOUNT", json_str(json_object_get(it, "account"), "state"));
}

/* The list's filters from the query string. */
static void
list_filter(struct req *r, struct inet_filter *f, int admin)
{
	const char *state = req_query(r, "state"), *filter = req_query(r, "filter");

	memset(f, 0, sizeof(*f));
	f->view = INET_PAGE;
	f->inbox = admin;
	f->limit = PAGE_SIZE;
	if (req_query_int(r, "offset", 0, 0, 1LL << 40, &f->offset) < 0)
		f->offset = 0;
	if (state != NULL && (strcmp(state, "NEW") == 0 || strcmp(state, "HAS_OFFER") == 0))
		f->state = state;
	if (filter != NULL && *filter != '\0')
		f->filter = filter;
}

/* Filters, counts and pager of the list page. */
static void
list_controls(struct tpl_dict *body, const struct inet_filter *f, long long total,
    size_t shown, int admin)
{
	static const char *const states[] = { "NEW", "HAS_OFFER" };
	size_t	 i;

	for (i = 0; i < 2; i++)
		inet_tpl_option(body, "STATE_OPTION", states[i], states[i],
		    f->state != NULL && strcmp(f->state, states[i]) == 0);
	tpl_set(body, "F_FILTER", f->filter ? f->filter : "");
	tpl_set(body, "ACTION", admin ? "/admin/internet" : "/internet");
	tpl_set(body, "LINK_PREFIX", admin ? "/admin/internet/" : "/internet/");
	const struct page_param params[] = {
		{ "state", f->state }, { "filter", f->filter },
	};

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
	json_t			*items, *it;
	long long		 total;
	size_t			 i;

	list_filter(r, &f, admin);
	if (inet_list(r->store, r->who, &f, &items, &total) < 0) {
		json_decref(items);
		return -1;
	}
	if ((root = page_new(r, admin ? "Internet requests: inbox" : "Internet requests",
	    "internet_list.tpl", &body)) == NULL) {
		json_decref(items);
		return -1;
	}
	tpl_show(body, admin ? "ADMIN_CRUMB" : "NEW_LINK");
	tpl_set(body, "HEADING", admin ? "Internet requests: inbox" : "Internet requests");
	json_array_foreach(items, i, it)
		list_row(body, it);
	list_controls(body, &f, total, json_array_size(items), admin);
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
	{ "NOTIFY", "notify" }, { "NOTIFY", "notify[0]" },
};

/* The type, IP address, time window and checkbox choices. */
static void
form_choices(struct tpl_dict *body, const json_t *vals)
{
	static const char *const types[] = { "DSL", "FIBER" };
	static const char *const ips[] = { "1", "2", "4", "8", "16", "32" };
	static const char *const times[][2] = { { "7_30_TO_16", "7:30 to 16:00" },
	    { "7_30_TO_12", "7:30 to 12:00" }, { "12_TO_16", "12:00 to 16:00" } };
	static const char *const boxes[][2] = { { "takeover", "TAKEOVER_CHECKED" },
	    { "commitment1", "COMMITMENT1_CHECKED" }, { "commitment2", "COMMITMENT2_CHECKED" },
	    { "commitment3", "COMMITMENT3_CHECKED" } };
	size_t i;

	for (i = 0; i < 2; i++)
		inet_tpl_option(body, "TYPE_OPTION", types[i], types[i],
		    strcmp(inet_val(vals, "type"), types[i]) == 0);
	for (i = 0; i < 6; i++)
		inet_tpl_option(body, "IP_OPTION", ips[i], ips[i],
		    strcmp(inet_val(vals, "ipAddresses"), ips[i]) == 0);
	for (i = 0; i < 3; i++)
		inet_tpl_option(body, "TIME_OPTION", times[i][0], times[i][1],
		    strcmp(inet_val(vals, "installTime"), times[i][0]) == 0);
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
	    "— none: a request of my reseller —" : "— choose —");
	if ((s = store_query(r->store, ST_CUSTOMERS_IN_SCOPE, "iss", SCOPE_ARGS(r->who))) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1)
		inet_tpl_option(body, "CUSTOMER_OPTION", store_text(s, CUSTOMER_ID),
		    store_text(s, CUSTOMER_NAME),
		    strcmp(inet_val(vals, "customer"), store_text(s, CUSTOMER_ID)) == 0);
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* The form, with the values kept and the errors at their fields. */
static int
render_new(struct req *r, const json_t *vals, const struct problems *pb, int status)
{
	struct tpl_dict	*root, *body;
	const char	*cust = r->who->customer_id;
	size_t		 i;

	if ((root = page_new(r, "New Internet request", "internet_form.tpl", &body)) == NULL)
		return -1;
	tpl_set(body, "CSRF", r->who->csrf);
	for (i = 0; i < sizeof(new_fields) / sizeof(new_fields[0]); i++)
		inet_tpl_field(body, new_fields[i].key, vals, pb, new_fields[i].name);
	for (i = 0; i < sizeof(new_errors) / sizeof(new_errors[0]); i++)
		inet_tpl_error(body, new_errors[i].key, pb, new_errors[i].path);
	inet_tpl_errors(body, pb);
	form_choices(body, vals);
	if (form_customer(r, body, vals) < 0 ||
	    inet_tpl_addresses(r, body, "ADDRESS_OPTION", inet_val(vals, "address._id")) < 0 ||
	    inet_tpl_addresses(r, body, "ADDRESS2_OPTION", inet_val(vals, "address2._id")) < 0 ||
	    inet_tpl_products(r->store, body, "PRODUCT_OPTION", cust, NULL, 0,
	    inet_val(vals, "product")) < 0 ||
	    inet_tpl_employees(r, body, "NOTIFY_OPTION", cust, vals) < 0) {
		tpl_dict_free(root);
		return -1;
	}
	return page_send(r, status, root);
}

/* GET /internet/new: the empty form (403 below OWNER). */
int
page_internet_new(struct req *r)
{
	json_t	*vals;
	int	 rc;

	if (!inet_may_create(r->who))
		return reply_error(r, HERR_FORBIDDEN, NULL);
	vals = json_pack("{s:[]}", "notify");
	rc = render_new(r, vals, NULL, 200);
	json_decref(vals);
	return rc;
}

/* POST /internet/new: 303 to the request, or the form again. */
int
page_internet_new_post(struct req *r)
{
	struct problems	 pb = { 0 };
	json_t		*vals, *body;
	char		 id[25], loc[64];
	int		 rc;

	if (!inet_may_create(r->who))
		return reply_error(r, HERR_FORBIDDEN, NULL);
	vals = inet_vals_from_form(r);
	body = inet_create_body(vals);
	rc = inet_create(r->store, r->who, body, &pb, id);
	if (rc == 0) {
		snprintf(loc, sizeof(loc), "/internet/%s", id);
		rc = resp_redirect(r, loc);
	} else if (rc > 0)
		rc = render_new(r, vals, &pb, problems_status(&pb));
	problems_free(&pb);
	json_decref(body);
	json_decref(vals);
	return rc;
}

/* ---- one request ------------------------------------------------------- */

/* A fact row, skipped when the value is NULL or empty. */
static void
fact(struct tpl_dict *body, const char *label, const char *value)
{
	struct tpl_dict *row;

	if (value == NULL || *value == '\0')
		return;
	row = tpl_section_add(body, "FACT");
	tpl_set(row, "FACT_LABEL", label);
	tpl_set(row, "FACT_VALUE", value);
}

/* The request's properties as facts. */
static void
request_facts(struct tpl_dict *body, const json_t *req)
{
	const json_t	*e;
	struct buf	 b = { 0 };
	char		 line[600];
	size_t		 i;

	fact(body, "Customer", json_str(req, "customerName") ? json_str(req, "customerName") :
	    json_str(req, "reseller"));
	address_line(json_object_get(req, "address2"), line, sizeof(line));
	fact(body, "Second address", line);
	fact(body, "Requested product", json_str(req, "productName"));
	if (json_is_integer(json_object_get(req, "ipAddresses"))) {
		snprintf(line, sizeof(line), "%lld", (long long)json_integer_value(
		    json_object_get(req, "ipAddresses")));
		fact(body, "IP addresses", line);
	}
	for (i = 1; i <= 3; i++) {
		snprintf(line, sizeof(line), "commitment%zu", i);
		if (json_is_true(json_object_get(req, line)))
			buf_printf(&b, "%s%zu year%s", b.len ? ", " : "", i, i > 1 ? "s" : "");
	}
	fact(body, "Offers wanted for", b.data);
	buf_free(&b);
	if (json_is_true(json_object_get(req, "takeover"))) {
		snprintf(line, sizeof(line), "circuit %s, customer id %s",
		    json_str(req, "takeoverCircuit"), json_str(req, "takeoverCustomer"));
		fact(body, "Takeover", line);
	}
	fact(body, "Reference", json_str(req, "reference"));
	snprintf(line, sizeof(line), "%.10s", json_str(req, "startDate") ? json_str(req, "startDate") : "");
	fact(body, "Wanted delivery", line);
	fact(body, "Time window", json_str(req, "installTime"));
	snprintf(line, sizeof(line), "%s %s", json_str(req, "installCallName") ?
	    json_str(req, "installCallName") : "", json_str(req, "installCallNumber") ?
	    json_str(req, "installCallNumber") : "");
	fact(body, "Technician calls", line[0] == ' ' && line[1] == '\0' ? NULL : line);
	json_array_foreach(json_object_get(req, "notify"), i, e)
		buf_printf(&b, "%s%s", b.len ? ", " : "", json_str(e, "name"));
	fact(body, "Notified", b.data);
	buf_free(&b);
	fact(body, "Created by", json_str(req, "createdByName"));
	fact(body, "Notes", json_str(req, "notes"));
}

/* A price row of an offer card, when the caller may see that price. */
static void
price_row(struct tpl_dict *card, const json_t *offer, const char *key, const char *label)
{
	struct tpl_dict	*row;
	const json_t	*v = json_object_get(offer, key);
	char		 text[64];

	if (!json_is_number(v))
		return;
	snprintf(text, sizeof(text), "%.2f", json_number_value(v));
	row = tpl_section_add(card, "OF_PRICE");
	tpl_set(row, "OP_LABEL", label);
	tpl_set(row, "OP_VALUE", text);
	tpl_set(row, "OP_KEY", key);
}

/* One offer card; `may_order`: show its "order this offer" button. */
static void
offer_card(struct tpl_dict *body, const json_t *req, const json_t *offer, int may_order)
{
	static const char *const prices[][2] = {
	    { "monthlyCustomer", "Per month" }, { "initiationCustomer", "Initiation" },
	    { "monthlyWholesale", "Per month, wholesale" },
	    { "initiationWholesale", "Initiation, wholesale" },
	    { "monthlyCost", "Per month, cost" }, { "initiationCost", "Initiation, cost" } };
	struct tpl_dict	*card = tpl_section_add(body, "OFFER");
	const json_t	*acc = json_object_get(req, "account");
	char		 text[64];
	size_t		 i;

	tpl_set(card, "OF_ID", json_str(offer, "_id"));
	tpl_set(card, "OF_PRODUCT", json_str(offer, "productName"));
	tpl_set(card, "OF_PROVIDER", json_str(offer, "providerName") ? json_str(offer, "providerName") : "");
	for (i = 0; i < 6; i++)
		price_row(card, offer, prices[i][0], prices[i][1]);
	if (json_is_integer(json_object_get(offer, "commitment"))) {
		snprintf(text, sizeof(text), "%lld months",
		    (long long)json_integer_value(json_object_get(offer, "commitment")));
		tpl_set(card, "OF_COMMITMENT", text);
	} else
		tpl_set(card, "OF_COMMITMENT", "none");
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
expiry(struct tpl_dict *body, const json_t *req)
{
	long long	left;
	int		has;
	char		text[160];

	left = inet_seconds_left(req, &has);
	if (!has) {
		tpl_show(body, "NO_OFFERS");
		return 0;
	}
	tpl_show(body, "EXPIRY");
	if (left < 0) {
		snprintf(text, sizeof(text), "The offers expired on %.10s.", json_str(req, "expires"));
		tpl_set(body, "EXPIRY_CLASS", "expired");
	} else {
		snprintf(text, sizeof(text), "The offers expire on %.10s: %lld day%s left.",
		    json_str(req, "expires"), (left + 86399) / 86400,
		    (left + 86399) / 86400 == 1 ? "" : "s");
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
	char		 day[16], line[200];
	int		 err;

	if (acc == NULL)
		return;
	tpl_show(body, "ACCOUNT");
	tpl_set(body, "ACCOUNT_ID", json_str(acc, "_id"));
	tpl_set(body, "ACCOUNT_STATE", json_str(acc, "state"));
	full = inet_account_load(r->store, r->who, json_str(acc, "_id"), NULL, &err);
	if (full != NULL && json_str(full, "startDate") != NULL) {
		tpl_show(body, "ACCOUNT_START");
		snprintf(day, sizeof(day), "%.10s", json_str(full, "startDate"));
		tpl_set(body, "ACCOUNT_START_DATE", day);
		snprintf(line, sizeof(line), "%s%s%s%s", json_str(full, "installTime") ? ", " : "",
		    json_str(full, "installTime") ? json_str(full, "installTime") : "",
		    json_str(full, "circuit") ? ", circuit " : "",
		    json_str(full, "circuit") ? json_str(full, "circuit") : "");
		tpl_set(body, "ACCOUNT_DETAILS", line);
	}
	json_decref(full);
}

/* The request page, with `error` above the offers when an order was
 * refused. */
static int
render_request(struct req *r, int status, const char *error)
{
	struct tpl_dict	*root, *body;
	const json_t	*o;
	json_t		*req;
	char		 line[600];
	size_t		 i;
	int		 err, open;

	if ((req = inet_load(r->store, r->who, r->param, INET_PAGE, &err)) == NULL)
		return err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "This Internet request does not exist, or it is not yours to see."));
	snprintf(line, sizeof(line), "Internet request %s", json_str(req, "_id"));
	if ((root = page_new(r, line, "internet.tpl", &body)) == NULL) {
		json_decref(req);
		return -1;
	}
	tpl_set(body, "ID", json_str(req, "_id"));
	tpl_set(body, "STATE", json_str(req, "state"));
	tpl_set(body, "TYPE", json_str(req, "type"));
	tpl_set(body, "CSRF", r->who->csrf);
	address_line(json_object_get(req, "address"), line, sizeof(line));
	tpl_set(body, "ADDRESS", line);
	snprintf(line, sizeof(line), "%.10s", json_str(req, "created"));
	tpl_set(body, "CREATED", line);
	if (r->who->level == LVL_ADMIN)
		tpl_show(body, "ADMIN_LINK");
	request_facts(body, req);
	open = json_object_get(req, "account") == NULL && expiry(body, req) &&
	    inet_may_order(r->who);
	json_array_foreach(json_object_get(req, "offers"), i, o)
		offer_card(body, req, o, open);
	account_line(body, r, req);
	if (error != NULL) {
		tpl_show(body, "ORDER_ERROR");
		tpl_set(body, "ORDER_ERROR_TEXT", error);
	}
	json_decref(req);
	return page_send(r, status, root);
}

/* GET /internet/{id}: the request and its offers. */
int
page_internet(struct req *r)
{
	return render_request(r, 200, NULL);
}

/* POST /internet/{id}/order: 303, or the page with the refusal. */
int
page_internet_order(struct req *r)
{
	struct problems	 pb = { 0 };
	json_t		*body;
	char		 id[25], loc[64];
	int		 rc;

	body = json_pack("{s:s, s:s?}", "request", r->param, "offer", req_form(r, "offer"));
	rc = inet_order(r->store, r->who, body, &pb, id);
	json_decref(body);
	if (rc == 0) {
		snprintf(loc, sizeof(loc), "/internet/%s", r->param);
		rc = resp_redirect(r, loc);
	} else if (rc > 0 && pb.n > 0 && pb.v[0].err == XERR_ORDER_REQUEST_NOT_FOUND)
		rc = reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "This Internet request does not exist, or it is not yours to see."));
	else if (rc > 0)
		rc = render_request(r, problems_status(&pb), pb.n > 0 ? pb.v[0].text : NULL);
	problems_free(&pb);
	return rc;
}
