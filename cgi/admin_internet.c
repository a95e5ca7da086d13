/*
 * admin_internet.c — the inbox and the offer entry page.  Saving goes
 * through inet_update(), the TelecomX update, so the page applies exactly
 * the API's rules and messages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "admin_internet.h"
#include "auth.h"
#include "http.h"
#include "i18n.h"
#include "reply.h"
#include "inet_form.h"
#include "jsonx.h"
#include "inet_request.h"
#include "pages.h"
#include "inet_pages.h"
#include "store.h"
#include "tpl.h"

/* What the offer entry page shows. */
struct entry {
	const json_t	*req;		/* inet_load(INET_PAGE) */
	const json_t	*vals;		/* the update form's values */
	const struct problems *errors;	/* of a refused save, or NULL */
	const json_t	*cvals;		/* the confirm form's values, or NULL */
	const struct problems *cerrors;	/* of a refused confirmation, or NULL */
};

/* Text inputs of the request: template key, input name. */
static const struct { const char *key, *name; } entry_fields[] = {
	{ "NOTES", "notes" }, { "TAKEOVER_CIRCUIT", "takeoverCircuit" },
	{ "TAKEOVER_CUSTOMER", "takeoverCustomer" }, { "REFERENCE", "reference" },
	{ "START_DATE", "startDate" }, { "CALL_NUMBER", "installCallNumber" },
	{ "CALL_NAME", "installCallName" },
};

/* Errors of the request's choices: template key, path. */
static const struct { const char *key, *path; } entry_errors[] = {
	{ "PRODUCT", "product" }, { "TAKEOVER", "takeover" }, { "IP", "ipAddresses" },
	{ "COMMITMENT1", "commitment1" }, { "COMMITMENT2", "commitment2" },
	{ "COMMITMENT3", "commitment3" }, { "INSTALL_TIME", "installTime" },
	{ "NOTIFY", "notify" }, { "NOTIFY", "notify[0]" }, { "OFFERS", "offers" },
};

/* Labels of the offer inputs after the two product choices. */
static const char *const input_labels[12] = {
	NULL, NULL, NULL, "Initiation, cost", "Initiation, wholesale",
	"Initiation, customer", "Per month, cost", "Per month, wholesale",
	"Per month, customer", "Commitment (months)", "Provider", "Provider's offer id",
};

/* The flash message of a finished action (?done=). */
static void
flash(struct req *r, struct tpl_dict *root)
{
	const char *done = req_query(r, "done");

	if (done == NULL)
		return;
	if (strcmp(done, "saved") == 0 || strcmp(done, "confirmed") == 0) {
		tpl_show(root, "FLASH");
		tpl_set(root, "FLASH_TEXT", strcmp(done, "saved") == 0 ?
		    "The request was saved." : "The account was confirmed.");
	}
}

/* The facts at the top of the page. */
static void
entry_facts(struct tpl_dict *body, const json_t *req)
{
	const json_t	*a = json_object_get(req, "address");
	char		 line[600];

	tpl_set(body, "ID", json_str(req, "_id"));
	tpl_set(body, "TYPE", json_str(req, "type"));
	tpl_set(body, "STATE", json_str(req, "state"));
	tpl_set(body, "CUSTOMER", json_str(req, "customerName") ? json_str(req, "customerName") :
	    json_str(req, "reseller"));
	snprintf(line, sizeof(line), "%s, %s %s", json_str(a, "address"), json_str(a, "zip"), json_str(a, "city"));
	tpl_set(body, "ADDRESS", line);
	tpl_set(body, "CREATOR", json_str(req, "createdByName"));
	snprintf(line, sizeof(line), "%.10s", json_str(req, "created"));
	tpl_set(body, "CREATED", line);
	if (json_str(req, "expires") != NULL) {
		tpl_show(body, "EXPIRES");
		snprintf(line, sizeof(line), "%.10s", json_str(req, "expires"));
		tpl_set(body, "EXPIRES_DAY", line);
	}
	tpl_show(body, strcmp(json_str(req, "type"), "DSL") == 0 ? "DSL_FIELDS" : "FIBER_FIELDS");
}

/* The request's inputs, choices and errors. */
static int
entry_request(struct req *r, struct tpl_dict *body, const struct entry *e,
    const struct products *products)
{
	static const char *const ips[] = { "1", "2", "4", "8", "16", "32" };
	static const char *const times[] = { "7_30_TO_16", "7_30_TO_12", "12_TO_16" };
	static const char *const boxes[][2] = { { "takeover", "TAKEOVER_CHECKED" },
	    { "commitment1", "COMMITMENT1_CHECKED" }, { "commitment2", "COMMITMENT2_CHECKED" },
	    { "commitment3", "COMMITMENT3_CHECKED" } };
	size_t i;

	for (i = 0; i < sizeof(entry_fields) / sizeof(entry_fields[0]); i++)
		inet_tpl_field(body, entry_fields[i].key, e->vals, e->errors, entry_fields[i].name);
	for (i = 0; i < sizeof(entry_errors) / sizeof(entry_errors[0]); i++)
		inet_tpl_error(body, entry_errors[i].key, e->errors, entry_errors[i].path);
	for (i = 0; i < 6; i++)
		inet_tpl_option(body, "IP_OPTION", ips[i], ips[i],
		    strcmp(inet_val(e->vals, "ipAddresses"), ips[i]) == 0);
	for (i = 0; i < 3; i++)
		inet_tpl_option(body, "TIME_OPTION", times[i], times[i],
		    strcmp(inet_val(e->vals, "installTime"), times[i]) == 0);
	for (i = 0; i < 4; i++)
		if (strcmp(inet_val(e->vals, boxes[i][0]), "true") == 0)
			tpl_show(body, boxes[i][1]);
	inet_tpl_product_list(body, "PRODUCT_OPTION", products, json_str(e->req, "type"),
	    0, inet_val(e->vals, "product"));
	if (json_str(e->req, "customer") == NULL)
		return 0;	/* a reseller's request: nobody to choose */
	return inet_tpl_employees(r, body, "NOTIFY_OPTION", json_str(e->req, "customer"), e->vals);
}

/* One offer row: its product choices, inputs and errors. */
static void
offer_row(struct tpl_dict *body, const struct entry *e, const struct products *products,
    size_t i)
{
	struct tpl_dict	*row = tpl_section_add(body, "OFFER_ROW"), *in;
	int		 dsl = strcmp(json_str(e->req, "type"), "DSL") == 0;
	char		 name[64];
	size_t		 k;

	tpl_set_int(row, "O_INDEX", (long long)i);
	tpl_set_int(row, "O_NUMBER", (long long)i + 1);
	snprintf(name, sizeof(name), "offers[%zu]._id", i);
	inet_tpl_field(row, "O_ID", e->vals, e->errors, name);
	snprintf(name, sizeof(name), "offers[%zu].product", i);
	inet_tpl_error(row, "O_PRODUCT", e->errors, name);
	inet_tpl_product_list(row, "O_PRODUCT_OPTION", products, NULL, 0,
	    inet_val(e->vals, name));
	snprintf(name, sizeof(name), "offers[%zu].initiationFeeProduct", i);
	inet_tpl_error(row, "O_FEE", e->errors, name);
	inet_tpl_product_list(row, "O_FEE_OPTION", products, NULL, 1,
	    inet_val(e->vals, name));
	for (k = 3; k < 12; k++) {
		if (dsl && k <= 8)
			continue;	/* prices are FIBER only (TelecomX) */
		snprintf(name, sizeof(name), "offers[%zu].%s", i, inet_offer_fields[k]);
		in = tpl_section_add(row, "O_INPUT");
		tpl_set(in, "OI_NAME", inet_offer_fields[k]);
		tpl_set(in, "OI_LABEL", input_labels[k]);
		tpl_set(in, "OI_MODE", k <= 8 ? "decimal" : k == 9 ? "numeric" : "text");
		inet_tpl_field(in, "OI_VALUE", e->vals, e->errors, name);
	}
}

/* The ordered account, and the confirm form while it is ORDERED. */
static void
entry_account(struct req *r, struct tpl_dict *body, const struct entry *e)
{
	static const char *const times[] = { "7_30_TO_16", "7_30_TO_12", "12_TO_16" };
	const json_t	*acc = json_object_get(e->req, "account");
	const char	*want;
	size_t		 i;

	if (acc == NULL)
		return;
	tpl_show(body, "ACCOUNT");
	tpl_show(body, "LOCKED");
	tpl_set(body, "ACCOUNT_ID", json_str(acc, "_id"));
	tpl_set(body, "ACCOUNT_STATE", json_str(acc, "state"));
	tpl_set(body, "ACCOUNT_OFFER", json_str(acc, "offer"));
	if (strcmp(json_str(acc, "state"), "ORDERED") != 0 || !inet_may_confirm(r->who))
		return;
	tpl_show(body, "CONFIRM");
	inet_tpl_field(body, "C_START", e->cvals, e->cerrors, "startDate");
	inet_tpl_field(body, "C_CIRCUIT", e->cvals, e->cerrors, "circuit");
	inet_tpl_error(body, "C_TIME", e->cerrors, "installTime");
	inet_tpl_error(body, "C_STATE", e->cerrors, "state");
	want = e->cvals != NULL ? inet_val(e->cvals, "installTime") :
	    (json_str(e->req, "installTime") ? json_str(e->req, "installTime") : "");
	for (i = 0; i < 3; i++)
		inet_tpl_option(body, "C_TIME_OPTION", times[i], times[i],
		    strcmp(want, times[i]) == 0);
}

/* The offer entry page with `status`. */
static int
render_entry(struct req *r, const struct entry *e, int status)
{
	struct tpl_dict	*root, *body;
	struct products	 products;
	char		 title[80];
	size_t		 i, n = inet_form_rows(e->vals);

	snprintf(title, sizeof(title), "Offers for %s", json_str(e->req, "_id"));
	if ((root = page_new(r, title, "admin_internet.tpl", &body)) == NULL)
		return -1;
	flash(r, root);
	tpl_set(body, "CSRF", r->who->csrf);
	tpl_set_int(body, "ROWS", (long long)n);
	entry_facts(body, e->req);
	inet_tpl_errors(body, e->errors);
	entry_account(r, body, e);
	/* one product list for every product choice of the page */
	if (inet_products_load(r->store, json_str(e->req, "customer"), &products) < 0)
		goto err;
	if (entry_request(r, body, e, &products) < 0) {
		inet_products_free(&products);
		goto err;
	}
	for (i = 0; i < n; i++)
		offer_row(body, e, &products, i);
	inet_products_free(&products);
	return page_send(r, status, root);
err:
	tpl_dict_free(root);
	return -1;
}

/* GET /admin/internet: the inbox. */
int
page_admin_internet_list(struct req *r)
{
	return inet_list_page(r, 1);
}

/* GET /admin/internet/{id}: the offer entry page. */
int
page_admin_internet(struct req *r)
{
	struct entry	 e = { 0 };
	json_t		*req, *vals;
	int		 err, rc;

	if ((req = inet_load(r->store, r->who, r->param, INET_PAGE, &err)) == NULL)
		return err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "This Internet request does not exist, or it is not yours to see."));
	vals = inet_vals_from_request(req);
	e.req = req;
	e.vals = vals;
	rc = render_entry(r, &e, 200);
	json_decref(vals);
	json_decref(req);
	return rc;
}

/* Save the form through the TelecomX update: 303, or the form again. */
static int
save(struct req *r, const json_t *req, const json_t *vals)
{
	struct entry	 e = { req, vals, NULL, NULL, NULL };
	size_t		 rowmap[INET_FORM_ROWS_MAX] = { 0 };
	struct problems	 pb = { 0 };
	json_t		*body;
	char		 loc[96];
	int		 rc;

	body = inet_update_body(vals, json_str(req, "type"), rowmap);
	if (json_object_get(req, "account") != NULL)
		json_object_del(body, "offers");	/* ordered: shown, locked */
	if (json_str(req, "customer") == NULL)
		json_object_del(body, "notify");	/* a reseller's: no choice shown */
	rc = inet_update(r->store, r->who, r->param, body, &pb);
	if (rc == 0) {
		snprintf(loc, sizeof(loc), "/admin/internet/%s?done=saved", r->param);
		rc = resp_redirect(r, loc);
	} else if (rc > 0) {
		inet_remap_offer_paths(&pb, rowmap);
		e.errors = &pb;
		rc = render_entry(r, &e, problems_status(&pb));
	}
	json_decref(body);
	problems_free(&pb);
	return rc;
}

/* POST /admin/internet/{id}: add or remove a row, or save. */
int
page_admin_internet_post(struct req *r)
{
	struct entry	 e = { 0 };
	json_t		*req, *vals;
	const char	*remove = req_form(r, "remove");
	int		 err, rc;

	if ((req = inet_load(r->store, r->who, r->param, INET_PAGE, &err)) == NULL)
		return err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "This Internet request does not exist, or it is not yours to see."));
	vals = inet_vals_from_form(r);
	e.req = req;
	e.vals = vals;
	if (req_form(r, "add") != NULL) {
		inet_form_add_row(vals);
		rc = render_entry(r, &e, 200);
	} else if (remove != NULL) {
		inet_form_remove_row(vals, (size_t)strtoul(remove, NULL, 10));
		rc = render_entry(r, &e, 200);
	} else
		rc = save(r, req, vals);
	json_decref(vals);
	json_decref(req);
	return rc;
}

/* The confirm form as the body of POST /internet/account/{id}/confirm. */
static json_t *
confirm_body(const json_t *cvals)
{
	static const char *const keys[] = { "startDate", "installTime", "circuit" };
	json_t	*body = json_object();
	size_t	 i;

	for (i = 0; i < 3; i++)
		if (*inet_val(cvals, keys[i]) != '\0')
			json_object_set_new(body, keys[i], json_string(inet_val(cvals, keys[i])));
	return body;
}

/* POST /admin/internet/{id}/confirm: confirm the account. */
int
page_admin_internet_confirm(struct req *r)
{
	struct entry	 e = { 0 };
	struct problems	 pb = { 0 };
	json_t		*req, *vals, *cvals, *body;
	char		 loc[96];
	int		 err, rc;

	if ((req = inet_load(r->store, r->who, r->param, INET_PAGE, &err)) == NULL)
		return err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "This Internet request does not exist, or it is not yours to see."));
	if (json_object_get(req, "account") == NULL) {
		json_decref(req);
		return reply_error(r, HERR_CONFLICT,
		    tr(r->lang, "No offer of this request was ordered."));
	}
	cvals = inet_vals_from_form(r);
	body = confirm_body(cvals);
	rc = inet_confirm(r->store, r->who, json_str(json_object_get(req, "account"), "_id"),
	    body, &pb);
	if (rc == 0) {
		snprintf(loc, sizeof(loc), "/admin/internet/%s?done=confirmed", r->param);
		rc = resp_redirect(r, loc);
	} else if (rc > 0) {
		vals = inet_vals_from_request(req);
		e.req = req;
		e.vals = vals;
		e.cvals = cvals;
		e.cerrors = &pb;
		rc = render_entry(r, &e, problems_status(&pb));
		json_decref(vals);
	}
	problems_free(&pb);
	json_decref(body);
	json_decref(cvals);
	json_decref(req);
	return rc;
}
