/*
 * admin_internet.c — the inbox and the offer entry page.  Saving goes
 * through inet_update(), the TelecomX update, so the page applies exactly
 * the API's rules; the page says each problem to the operator in their
 * words, next to its field and named by its label (problem_person()).
 *
 * Numbers are typed and shown in the operator's conventions: a Danish
 * "2.995,00" and a French "2 995,00" are read (l10n_parse_number) and
 * handed to the API as 2995.00; the stored prices are shown back in the
 * reader's forms with the customer's currency.  What cannot be read as a
 * number reaches the API as text, which refuses it: the page then says
 * how to write it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "admin_internet.h"
#include "admin_inbox.h"
#include "auth.h"
#include "conv_pages.h"
#include "errors.h"
#include "http.h"
#include "i18n.h"
#include "inet_form.h"
#include "inet_pages.h"
#include "inet_request.h"
#include "jsonx.h"
#include "l10n.h"
#include "pages.h"
#include "reply.h"
#include "store.h"
#include "tpl.h"
#include "words.h"

/* What the offer entry page shows. */
struct entry {
	const json_t	*req;		/* inet_load(INET_PAGE) */
	const json_t	*vals;		/* the update form's values */
	const struct problems *errors;	/* of a refused save, or NULL */
	const json_t	*cvals;		/* the confirm form's values, or NULL */
	const struct problems *cerrors;	/* of a refused confirmation, or NULL */
	const json_t	*unread;	/* inputs whose number could not be read */
	const char	*currency;	/* of the request's customer */
	const struct conv_form *cf;	/* a refused reply, or NULL */
};

/* The fields of the request: template key, input name (the API's path),
 * label, and whether the key also shows the input's value. */
static const struct entry_field {
	const char	*key, *path, *label;
	int		 value;
} entry_fields[] = {
	{ "PRODUCT", "product", N_("Requested product"), 0 },
	{ "TAKEOVER", "takeover", N_("Takeover"), 0 },
	{ "TAKEOVER_CIRCUIT", "takeoverCircuit", N_("Existing circuit"), 1 },
	{ "TAKEOVER_CUSTOMER", "takeoverCustomer", N_("Customer id at the donor operator"), 1 },
	{ "IP", "ipAddresses", N_("IP addresses"), 0 },
	{ "COMMITMENT1", "commitment1", N_("Offer wanted with a 1-year commitment"), 0 },
	{ "COMMITMENT2", "commitment2", N_("Offer wanted with a 2-year commitment"), 0 },
	{ "COMMITMENT3", "commitment3", N_("Offer wanted with a 3-year commitment"), 0 },
	{ "REFERENCE", "reference", N_("Reference"), 1 },
	{ "START_DATE", "startDate", N_("Wanted delivery date"), 1 },
	{ "INSTALL_TIME", "installTime", N_("Time window"), 0 },
	{ "CALL_NAME", "installCallName", N_("Contact the technician calls"), 1 },
	{ "CALL_NUMBER", "installCallNumber", N_("Number called before arrival"), 1 },
	{ "NOTIFY", "notify", N_("Employees told when the offers are saved"), 0 },
	{ "NOTES", "notes", N_("Notes"), 1 },
	{ "OFFERS", "offers", N_("Offers"), 0 },
};

/* The labels of an offer's inputs, in the order of inet_offer_fields. */
static const char *const offer_labels[12] = {
	N_("Offer id"), N_("Product"), N_("Initiation fee product"),
	N_("Initiation, cost"), N_("Initiation, wholesale"), N_("Initiation, customer"),
	N_("Per month, cost"), N_("Per month, wholesale"), N_("Per month, customer"),
	N_("Commitment (months)"), N_("Provider"), N_("Provider's offer id"),
};

/* The confirm form's fields. */
static const struct entry_field confirm_fields[] = {
	{ "C_START", "startDate", N_("Delivery date"), 1 },
	{ "C_TIME", "installTime", N_("Time window"), 0 },
	{ "C_CIRCUIT", "circuit", N_("Circuit"), 1 },
	{ "C_STATE", "state", N_("Account"), 0 },
};

#define NUMBER_FIRST	3	/* inet_offer_fields[3..9]: prices, then */
#define NUMBER_LAST	9	/* the commitment */
#define IS_PRICE(k)	((k) >= NUMBER_FIRST && (k) < NUMBER_LAST)

static const char *const install_times[] = { "7_30_TO_16", "7_30_TO_12", "12_TO_16" };

/* The label of the input at `path` in `lang` into out: the field's, or
 * "Offer 2: Per month, customer" for offers[1].monthlyCustomer. */
static void
path_label(const char *lang, const struct entry_field *fields, size_t n,
    const char *path, char *out, size_t len)
{
	const char	*dot;
	char		 num[24], offer[64];
	size_t		 i, row, k;

	if (path != NULL && sscanf(path, "offers[%zu]", &row) == 1 &&
	    (dot = strchr(path, '.')) != NULL) {
		snprintf(num, sizeof(num), "%zu", row + 1);
		for (k = 0; k < 12; k++)
			if (strcmp(dot + 1, inet_offer_fields[k]) == 0) {
				tr_fill(offer, sizeof(offer), tr(lang, "Offer {1}"), num, NULL);
				tr_fill(out, len, tr(lang, "{1}: {2}"), offer,
				    tr(lang, offer_labels[k]));
				return;
			}
	}
	for (i = 0; path != NULL && i < n; i++)
		if (strncmp(path, fields[i].path, strlen(fields[i].path)) == 0 &&
		    (path[strlen(fields[i].path)] == '\0' ||
		    path[strlen(fields[i].path)] == '[')) {
			snprintf(out, len, "%s", tr(lang, fields[i].label));
			return;
		}
	snprintf(out, len, "%s", tr(lang, N_("The request")));
}

/* The sentence a person reads for problem `p` at an input labelled
 * `label`; a number that could not be read gets its own.  Owned. */
static char *
sentence(const struct req *r, const struct entry *e, const struct problems *pb,
    const struct problem *p, const char *label)
{
	char	example[L10N_MAX], text[512];

	if (p->path != NULL && json_object_get(e->unread, p->path) != NULL) {
		if (strstr(p->path, ".commitment") != NULL)
			snprintf(text, sizeof(text), "%s", tr(r->lang, "Write the "
			    "commitment as a whole number of months, such as 36."));
		else {
			l10n_number(r->lang, 2995.0, 2, example, sizeof(example));
			tr_fill(text, sizeof(text), tr(r->lang, "Write the amount as a "
			    "number, such as {1}."), example, NULL);
		}
		return strdup(text);
	}
	return problem_person(pb, p, r->lang, label);
}

/* The first problem at `path`, else at one of its elements ("notify[2]"
 * for "notify"), or NULL. */
static const struct problem *
problem_near(const struct problems *pb, const char *path)
{
	const struct problem	*p = problems_at(pb, path);
	size_t			 i, n = strlen(path);

	for (i = 0; p == NULL && pb != NULL && i < pb->n; i++)
		if (pb->v[i].path != NULL && strncmp(pb->v[i].path, path, n) == 0 &&
		    pb->v[i].path[n] == '[')
			p = &pb->v[i];
	return p;
}

/* Show KEY_ERROR with KEY_ERROR_TEXT for the first problem at `path`. */
static void
field_error(const struct req *r, const struct entry *e, struct tpl_dict *d,
    const char *key, const struct problems *pb, const char *path, const char *label)
{
	const struct problem	*p = problem_near(pb, path);
	char			 name[96], *text;

	if (p == NULL)
		return;
	snprintf(name, sizeof(name), "%s_ERROR", key);
	tpl_show(d, name);
	snprintf(name, sizeof(name), "%s_ERROR_TEXT", key);
	text = sentence(r, e, pb, p, label);
	tpl_set(d, name, text);
	free(text);
}

/* The error summary: ERRORS, ERROR_COUNT_TEXT, ERROR rows (ERROR_FIELD:
 * the input to go to, ERROR_LABEL, ERROR_TEXT). */
static void
error_summary(const struct req *r, const struct entry *e, struct tpl_dict *body,
    const struct problems *pb, const struct entry_field *fields, size_t n,
    const char *prefix)
{
	struct tpl_dict	*row;
	char		 count[24], text[256], label[160], *msg;
	size_t		 i;

	if (pb == NULL || problems_found(pb) == 0)
		return;
	tpl_show(body, "ERRORS");
	snprintf(count, sizeof(count), "%zu", problems_found(pb));
	tr_fill(text, sizeof(text), trn(r->lang, "Nothing was saved: {1} problem to fix.",
	    "Nothing was saved: {1} problems to fix.", problems_found(pb)), count, NULL);
	tpl_set(body, "ERROR_COUNT_TEXT", text);
	for (i = 0; i < pb->n; i++) {
		if ((row = tpl_section_add(body, "ERROR")) == NULL)
			return;
		path_label(r->lang, fields, n, pb->v[i].path, label, sizeof(label));
		/* the input to go to: an element of a list ("notify[2]") is
		 * its list's */
		snprintf(text, sizeof(text), "%s%s", prefix, pb->v[i].path ? pb->v[i].path : "");
		if (strncmp(text, "offers[", 7) != 0 && strchr(text, '[') != NULL)
			*strchr(text, '[') = '\0';
		tpl_set(row, "ERROR_FIELD", text);
		tpl_set(row, "ERROR_LABEL", label);
		msg = sentence(r, e, pb, &pb->v[i], label);
		tpl_set(row, "ERROR_TEXT", msg);
		free(msg);
	}
}

/* The flash message of a finished action (?done=). */
static void
flash(struct req *r, struct tpl_dict *root)
{
	const char *done = req_query(r, "done");

	if (done == NULL)
		return;
	if (strcmp(done, "saved") == 0 || strcmp(done, "confirmed") == 0 ||
	    strcmp(done, "activated") == 0 || strcmp(done, "cancelled") == 0) {
		tpl_show(root, "FLASH");
		tpl_set(root, "FLASH_TEXT", strcmp(done, "saved") == 0 ?
		    tr(r->lang, "The request was saved.") : strcmp(done, "confirmed") == 0 ?
		    tr(r->lang, "The account was confirmed.") : strcmp(done, "activated") == 0 ?
		    tr(r->lang, "The account is active.") :
		    tr(r->lang, "The account was cancelled."));
	}
}

/* A price for a person: in the reader's forms with the currency. */
static void
set_money(const struct req *r, const struct entry *e, struct tpl_dict *d,
    const char *key, const json_t *v)
{
	char text[L10N_MAX];

	if (json_is_number(v))
		l10n_money(r->lang, e->currency, json_number_value(v), text, sizeof(text));
	else
		snprintf(text, sizeof(text), "—");
	tpl_set(d, key, text);
}

/* The facts at the top of the page. */
static void
entry_facts(struct req *r, struct tpl_dict *body, const struct entry *e)
{
	const json_t	*req = e->req, *a = json_object_get(req, "address");
	char		 line[600], when[L10N_MAX];

	tpl_set(body, "ID", json_str(req, "_id"));
	tpl_set(body, "TYPE", word(WS_CIRCUIT, r->lang, json_str(req, "type")));
	tpl_set(body, "STATE_CODE", json_str(req, "state"));
	tpl_set(body, "STATE", word(WS_INET_STATE, r->lang, json_str(req, "state")));
	tpl_set(body, "CUSTOMER", json_str(req, "customerName") ? json_str(req, "customerName") :
	    json_str(req, "reseller"));
	snprintf(line, sizeof(line), "%s, %s %s", json_str(a, "address"), json_str(a, "zip"),
	    json_str(a, "city"));
	tpl_set(body, "ADDRESS", line);
	tpl_set(body, "CREATOR", json_str(req, "createdByName"));
	l10n_datetime(r->lang, page_tz(r), json_str(req, "created"), when, sizeof(when));
	tpl_set(body, "CREATED", when);
	if (json_str(req, "expires") != NULL) {
		tpl_show(body, "EXPIRES");
		l10n_datetime(r->lang, page_tz(r), json_str(req, "expires"), when, sizeof(when));
		tpl_set(body, "EXPIRES_DAY", when);
	}
	tpl_show(body, strcmp(json_str(req, "type"), "DSL") == 0 ? "DSL_FIELDS" : "FIBER_FIELDS");
}

/* The offers stored, as the customer reads them. */
static void
saved_offers(struct req *r, struct tpl_dict *body, const struct entry *e)
{
	const json_t	*o;
	struct tpl_dict	*row;
	char		 n[24], text[64];
	size_t		 i;

	json_array_foreach(json_object_get(e->req, "offers"), i, o) {
		if (i == 0)
			tpl_show(body, "SAVED");
		if ((row = tpl_section_add(body, "SAVED_OFFER")) == NULL)
			return;
		tpl_set(row, "S_PRODUCT", json_str(o, "productName"));
		tpl_set(row, "S_PROVIDER", json_str(o, "providerName") ?
		    json_str(o, "providerName") : "—");
		set_money(r, e, row, "S_MONTHLY", json_object_get(o, "monthlyCustomer"));
		set_money(r, e, row, "S_INITIATION", json_object_get(o, "initiationCustomer"));
		if (json_is_integer(json_object_get(o, "commitment"))) {
			snprintf(n, sizeof(n), "%lld",
			    (long long)json_integer_value(json_object_get(o, "commitment")));
			tr_fill(text, sizeof(text), trn(r->lang, "{1} month", "{1} months",
			    (unsigned long)json_integer_value(json_object_get(o, "commitment"))),
			    n, NULL);
			tpl_set(row, "S_COMMITMENT", text);
		} else
			tpl_set(row, "S_COMMITMENT", "—");
	}
}

/* The request's inputs, choices and errors. */
static int
entry_request(struct req *r, struct tpl_dict *body, const struct entry *e,
    const struct products *products)
{
	static const char *const ips[] = { "1", "2", "4", "8", "16", "32" };
	static const char *const boxes[][2] = { { "takeover", "TAKEOVER_CHECKED" },
	    { "commitment1", "COMMITMENT1_CHECKED" }, { "commitment2", "COMMITMENT2_CHECKED" },
	    { "commitment3", "COMMITMENT3_CHECKED" } };
	const size_t	 n = sizeof(entry_fields) / sizeof(entry_fields[0]);
	char		 label[160];
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (entry_fields[i].value)
			tpl_set(body, entry_fields[i].key,
			    inet_val(e->vals, entry_fields[i].path));
		snprintf(label, sizeof(label), "%s", tr(r->lang, entry_fields[i].label));
		field_error(r, e, body, entry_fields[i].key, e->errors,
		    entry_fields[i].path, label);
	}
	for (i = 0; i < 6; i++)
		inet_tpl_option(body, "IP_OPTION", ips[i], ips[i],
		    strcmp(inet_val(e->vals, "ipAddresses"), ips[i]) == 0);
	for (i = 0; i < 3; i++)
		inet_tpl_option(body, "TIME_OPTION", install_times[i],
		    word(WS_INSTALL_TIME, r->lang, install_times[i]),
		    strcmp(inet_val(e->vals, "installTime"), install_times[i]) == 0);
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
offer_row(struct req *r, struct tpl_dict *body, const struct entry *e,
    const struct products *products, size_t i)
{
	static const char *const keys[3] = { "O_ID", "O_PRODUCT", "O_FEE" };
	struct tpl_dict	*row = tpl_section_add(body, "OFFER_ROW"), *in;
	int		 dsl = strcmp(json_str(e->req, "type"), "DSL") == 0;
	char		 name[64], label[160], num[24];
	size_t		 k;

	if (row == NULL)
		return;
	tpl_set_int(row, "O_INDEX", (long long)i);
	snprintf(num, sizeof(num), "%zu", i + 1);
	tr_fill(label, sizeof(label), tr(r->lang, "Offer {1}"), num, NULL);
	tpl_set(row, "O_LEGEND", label);
	for (k = 0; k < 3; k++) {
		snprintf(name, sizeof(name), "offers[%zu].%s", i, inet_offer_fields[k]);
		if (k == 0)
			tpl_set(row, "O_ID", inet_val(e->vals, name));
		path_label(r->lang, NULL, 0, name, label, sizeof(label));
		field_error(r, e, row, keys[k], e->errors, name, label);
		if (k > 0)
			inet_tpl_product_list(row, k == 1 ? "O_PRODUCT_OPTION" :
			    "O_FEE_OPTION", products, NULL, k == 2, inet_val(e->vals, name));
	}
	for (k = NUMBER_FIRST; k < 12; k++) {
		if (dsl && IS_PRICE(k))
			continue;	/* prices are FIBER only (TelecomX) */
		snprintf(name, sizeof(name), "offers[%zu].%s", i, inet_offer_fields[k]);
		if ((in = tpl_section_add(row, "O_INPUT")) == NULL)
			return;
		tpl_set(in, "OI_NAME", inet_offer_fields[k]);
		tpl_set(in, "OI_LABEL", tr(r->lang, offer_labels[k]));
		tpl_set(in, "OI_MODE", IS_PRICE(k) ? "decimal" : k == NUMBER_LAST ?
		    "numeric" : "text");
		if (IS_PRICE(k)) {
			tpl_show(in, "OI_UNIT");
			tpl_set(in, "OI_CURRENCY", e->currency);
		}
		tpl_set(in, "OI_VALUE", inet_val(e->vals, name));
		path_label(r->lang, NULL, 0, name, label, sizeof(label));
		field_error(r, e, in, "OI_VALUE", e->errors, name, label);
	}
}

/* The ordered offer's product, or its id when it is not listed. */
static const char *
ordered_product(const json_t *req, const json_t *acc)
{
	const json_t	*o;
	size_t		 i;

	json_array_foreach(json_object_get(req, "offers"), i, o)
		if (json_str(o, "_id") != NULL && json_str(acc, "offer") != NULL &&
		    strcmp(json_str(o, "_id"), json_str(acc, "offer")) == 0)
			return json_str(o, "productName");
	return json_str(acc, "offer");
}

/* The name of user `id` into out (the id itself when unknown).  0 or -1. */
static int
user_name(struct req *r, const char *id, char *out, size_t len)
{
	struct rows	*s;
	int		 rc;

	snprintf(out, len, "%s", id);
	if ((s = store_query(r->store, ST_USER_BY_ID, "s", id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		snprintf(out, len, "%s", store_text(s, USER_NAME));
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* The account's life so far, one HISTORY row per step (HISTORY_STATE
 * and HISTORY_STATE_CODE, HISTORY_AT, HISTORY_BY), from the account
 * `full` (inet_account_load). */
static void
account_history(struct req *r, struct tpl_dict *body, const json_t *full)
{
	static const char *const steps[][3] = {
		{ "ORDERED", "ordered", "orderedBy" },
		{ "CONFIRMED", "confirmed", "confirmedBy" },
		{ "ACTIVE", "activated", "activatedBy" },
		{ "CANCELLED", "cancelled", "cancelledBy" },
	};
	struct tpl_dict	*row;
	char		 when[L10N_MAX], by[256];
	size_t		 i;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (json_str(full, steps[i][1]) == NULL ||
		    (row = tpl_section_add(body, "HISTORY")) == NULL)
			continue;
		tpl_set(row, "HISTORY_STATE_CODE", steps[i][0]);
		tpl_set(row, "HISTORY_STATE", word(WS_ACCOUNT_STATE, r->lang, steps[i][0]));
		l10n_datetime(r->lang, page_tz(r), json_str(full, steps[i][1]), when,
		    sizeof(when));
		tpl_set(row, "HISTORY_AT", when);
		if (json_str(full, steps[i][2]) == NULL ||
		    user_name(r, json_str(full, steps[i][2]), by, sizeof(by)) < 0)
			snprintf(by, sizeof(by), "—");
		tpl_set(row, "HISTORY_BY", by);
	}
}

/* The ordered account: its history, the confirm form while it is
 * ORDERED, the activate button while CONFIRMED, the cancel button until
 * it is CANCELLED. */
static void
entry_account(struct req *r, struct tpl_dict *body, const struct entry *e)
{
	const json_t	*acc = json_object_get(e->req, "account");
	const size_t	 n = sizeof(confirm_fields) / sizeof(confirm_fields[0]);
	const char	*want, *state;
	json_t		*full;
	size_t		 i;
	int		 err;

	if (acc == NULL)
		return;
	state = json_str(acc, "state");
	tpl_show(body, "ACCOUNT");
	tpl_show(body, "LOCKED");
	tpl_set(body, "ACCOUNT_ID", json_str(acc, "_id"));
	tpl_set(body, "ACCOUNT_STATE_CODE", state);
	tpl_set(body, "ACCOUNT_STATE", word(WS_ACCOUNT_STATE, r->lang, state));
	tpl_set(body, "ACCOUNT_OFFER", ordered_product(e->req, acc));
	if ((full = inet_account_load(r->store, r->who, json_str(acc, "_id"), NULL,
	    &err)) != NULL)
		account_history(r, body, full);
	json_decref(full);
	/* a refused activation or cancellation, said at the account */
	field_error(r, e, body, "C_STATE", e->cerrors, "state", tr(r->lang, N_("Account")));
	if (strcmp(state, "CONFIRMED") == 0 && r->who->level == LVL_ADMIN)
		tpl_show(body, "ACTIVATE");
	if (strcmp(state, "CANCELLED") != 0 && r->who->level == LVL_ADMIN)
		tpl_show(body, "CANCEL");
	if (strcmp(state, "ORDERED") != 0 || !inet_may_confirm(r->who))
		return;
	tpl_show(body, "CONFIRM");
	for (i = 0; i < n; i++) {
		if (strcmp(confirm_fields[i].path, "state") == 0)
			continue;	/* said above */
		if (confirm_fields[i].value)
			tpl_set(body, confirm_fields[i].key,
			    inet_val(e->cvals, confirm_fields[i].path));
		field_error(r, e, body, confirm_fields[i].key, e->cerrors,
		    confirm_fields[i].path, tr(r->lang, confirm_fields[i].label));
	}
	want = e->cvals != NULL ? inet_val(e->cvals, "installTime") :
	    (json_str(e->req, "installTime") ? json_str(e->req, "installTime") : "");
	for (i = 0; i < 3; i++)
		inet_tpl_option(body, "C_TIME_OPTION", install_times[i],
		    word(WS_INSTALL_TIME, r->lang, install_times[i]),
		    strcmp(want, install_times[i]) == 0);
}

/* The currency of the request's customer into out (page_currency()'s
 * choice when it has none, a reseller's request).  0 or -1. */
static int
customer_currency(struct req *r, const json_t *req, char out[4])
{
	struct rows	*s;
	char		 found[4] = "";
	int		 rc = 0;

	if (json_str(req, "customer") != NULL) {
		if ((s = store_query(r->store, ST_CUSTOMER_LOCALE, "s",
		    json_str(req, "customer"))) == NULL)
			return -1;
		if ((rc = store_row(s)) == 1)
			snprintf(found, sizeof(found), "%s",
			    store_text(s, CUSTOMER_LOCALE_CURRENCY));
		store_done(s);
	}
	snprintf(out, 4, "%s", page_currency(r, found[0] != '\0' ? found : NULL));
	return rc < 0 ? -1 : 0;
}

/* The offer entry page with `status`. */
static int
render_entry(struct req *r, struct entry *e, int status)
{
	struct tpl_dict	*root, *body;
	struct products	 products;
	char		 title[128], currency[4], example[L10N_MAX];
	size_t		 i, n = inet_form_rows(e->vals);

	if (customer_currency(r, e->req, currency) < 0)
		return -1;
	e->currency = currency;
	tr_fill(title, sizeof(title), tr(r->lang, "Offers for {1}"), json_str(e->req, "_id"),
	    NULL);
	if ((root = page_new(r, title, "admin_internet.tpl", &body)) == NULL)
		return -1;
	flash(r, root);
	tpl_set(body, "CSRF", r->who->csrf);
	{
		char back[128];

		snprintf(back, sizeof(back), "/admin/internet/%s", json_str(e->req, "_id"));
		if (inbox_box(r, body, "internet", json_str(e->req, "_id"), back) < 0) {
			tpl_dict_free(root);
			return -1;
		}
	}
	tpl_set_int(body, "ROWS", (long long)n);
	l10n_number(r->lang, 2995.0, 2, example, sizeof(example));
	tpl_set(body, "AMOUNT_EXAMPLE", example);
	entry_facts(r, body, e);
	error_summary(r, e, body, e->errors, entry_fields,
	    sizeof(entry_fields) / sizeof(entry_fields[0]), "");
	error_summary(r, e, body, e->cerrors, confirm_fields,
	    sizeof(confirm_fields) / sizeof(confirm_fields[0]), "confirm-");
	entry_account(r, body, e);
	saved_offers(r, body, e);
	/* one product list for every product choice of the page */
	if (inet_products_load(r->store, json_str(e->req, "customer"), &products) < 0)
		goto err;
	if (entry_request(r, body, e, &products) < 0) {
		inet_products_free(&products);
		goto err;
	}
	for (i = 0; i < n; i++)
		offer_row(r, body, e, &products, i);
	inet_products_free(&products);
	if (inet_page_conversation(r, e->req, body, "/admin/internet", e->cf) < 0)
		goto err;
	return page_send(r, status, root);
err:
	tpl_dict_free(root);
	return -1;
}

/*
 * The stored offers' numbers in the reader's forms ("2.995,00" in
 * Danish, "2 995,00" in French): inet_vals_from_request() writes them as
 * the API does ("2995", "2995.50").
 */
static void
show_numbers(const char *lang, json_t *vals)
{
	char	 name[64], text[L10N_MAX], *end;
	size_t	 row, k, n = inet_form_rows(vals);
	double	 v;

	for (row = 0; row < n; row++)
		for (k = NUMBER_FIRST; k < NUMBER_LAST; k++) {
			snprintf(name, sizeof(name), "offers[%zu].%s", row, inet_offer_fields[k]);
			if (*inet_val(vals, name) == '\0')
				continue;
			v = strtod(inet_val(vals, name), &end);
			if (*end != '\0' || l10n_number(lang, v, 2, text, sizeof(text)) < 0)
				continue;
			json_object_set_new(vals, name, json_string(text));
		}
}

/*
 * The numbers typed into the offer rows, read in the reader's
 * conventions and written as the API reads them ("2995.00", a whole
 * commitment "36"), into a copy of `vals` (new reference): the page
 * shows back what was typed.  An input that is not such a number is
 * given to the API as text it refuses where it wants a number, and
 * named in `unread`.
 */
static json_t *
read_numbers(const char *lang, const json_t *vals, json_t *unread)
{
	json_t	*out = json_deep_copy(vals);
	char	 name[64], text[64];
	size_t	 row, k, n = inet_form_rows(vals);
	double	 v;

	for (row = 0; out != NULL && row < n; row++)
		for (k = NUMBER_FIRST; k <= NUMBER_LAST; k++) {
			snprintf(name, sizeof(name), "offers[%zu].%s", row, inet_offer_fields[k]);
			if (*inet_val(vals, name) == '\0')
				continue;
			if (l10n_parse_number(lang, inet_val(vals, name), &v) < 0) {
				/* as text the API takes for none of its numbers
				 * (a Danish "12.5" is a number to it) */
				snprintf(text, sizeof(text), "?%.60s", inet_val(vals, name));
				json_object_set_new(out, name, json_string(text));
				json_object_set_new(unread, name, json_true());
				continue;
			}
			if (k == NUMBER_LAST && v == (double)(long long)v)
				snprintf(text, sizeof(text), "%lld", (long long)v);
			else
				snprintf(text, sizeof(text), "%.2f", v);
			json_object_set_new(out, name, json_string(text));
		}
	return out;
}

/* GET /admin/internet: the inbox. */
int
page_admin_internet_list(struct req *r)
{
	return inet_list_page(r, 1);
}

/* The path's request as the operator's pages see it, or the 404 is
 * answered (NULL, *rc 0) or an error returned (NULL, *rc -1). */
static json_t *
entry_load(struct req *r, int *rc)
{
	json_t	*req;
	int	 err;

	*rc = 0;
	if ((req = inet_load(r->store, r->who, r->param, INET_PAGE, &err)) != NULL)
		return req;
	*rc = err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND,
	    tr(r->lang, "This Internet request does not exist, or it is not yours to see."));
	return NULL;
}

/* GET /admin/internet/{id}: the offer entry page. */
int
page_admin_internet(struct req *r)
{
	struct entry	 e = { 0 };
	json_t		*req, *vals;
	int		 rc;

	if ((req = entry_load(r, &rc)) == NULL)
		return rc;
	vals = inet_vals_from_request(req);
	show_numbers(r->lang, vals);
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
	struct entry	 e = { req, vals, NULL, NULL, NULL, NULL, NULL, NULL };
	size_t		 rowmap[INET_FORM_ROWS_MAX] = { 0 };
	struct problems	 pb = { 0 };
	json_t		*body, *typed, *unread = json_object();
	char		 loc[96];
	int		 rc = -1;

	if (unread == NULL || (typed = read_numbers(r->lang, vals, unread)) == NULL) {
		json_decref(unread);
		return -1;
	}
	body = inet_update_body(typed, json_str(req, "type"), rowmap);
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
		e.unread = unread;
		rc = render_entry(r, &e, problems_status(&pb));
	}
	json_decref(body);
	json_decref(typed);
	json_decref(unread);
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
	int		 rc;

	if ((req = entry_load(r, &rc)) == NULL)
		return rc;
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

/* POST /admin/internet/{id}/notes: a reply or an internal note from the
 * offer entry page (conv_pages.c reads and stores it): 303 back to the
 * page's conversation, or the page again with the refusal at its field. */
int
page_admin_internet_note_post(struct req *r)
{
	struct conv_form	 cf;
	struct entry		 e = { 0 };
	json_t			*req, *vals;
	char			 base[96];
	int			 rc;

	snprintf(base, sizeof(base), "/admin/internet/%s", r->param);
	if ((rc = conv_page_post(r, CONV_INTERNET, base, &cf)) != 1)
		return rc;
	if ((req = entry_load(r, &rc)) == NULL)
		return rc;
	vals = inet_vals_from_request(req);
	show_numbers(r->lang, vals);
	e.req = req;
	e.vals = vals;
	e.cf = &cf;
	rc = render_entry(r, &e, cf.status);
	json_decref(vals);
	json_decref(req);
	return rc;
}

/* GET /admin/internet/{id}/files/{fileId}: a file of the conversation. */
int
page_admin_internet_file(struct req *r)
{
	return conv_page_file(r, CONV_INTERNET);
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
	int		 rc;

	if ((req = entry_load(r, &rc)) == NULL)
		return rc;
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
		show_numbers(r->lang, vals);
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

/* What activate and cancel differ in. */
static const struct account_action {
	const char	*path;		/* of the page's form: /admin/internet/{id}/PATH */
	const char	*question;	/* the question page's title, {1} the account */
	const char	*lead;		/* what it does */
	const char	*yes;		/* the button */
	const char	*done;		/* ?done= */
	int		(*move)(struct store *, const struct principal *, const char *,
			    struct problems *);
} actions[] = {
	{ "activate", N_("Activate the account {1}?"),
	  N_("The customer is told by e-mail that the Internet access is active."),
	  N_("Yes, activate the account"), "activated", inet_activate },
	{ "cancel", N_("Cancel the account {1}?"),
	  N_("The customer is told by e-mail that the Internet access is cancelled. "
	     "A cancelled account cannot be taken up again."),
	  N_("Yes, cancel the account"), "cancelled", inet_cancel },
};

/* The question before an action on the account `acc_id`: what it does,
 * "Yes" (the form again with confirm=yes) and "No, go back". */
static int
render_question(struct req *r, const struct account_action *a, const json_t *req,
    const char *acc_id)
{
	struct tpl_dict	*root, *body;
	const json_t	*ad = json_object_get(req, "address");
	char		 title[200], line[600];

	tr_fill(title, sizeof(title), tr(r->lang, a->question), acc_id, NULL);
	if ((root = page_new(r, title, "admin_internet_account.tpl", &body)) == NULL)
		return -1;
	tpl_set(body, "HEADING", title);
	tpl_set(body, "LEAD", tr(r->lang, a->lead));
	tpl_set(body, "YES", tr(r->lang, a->yes));
	tpl_set(body, "ACTION", a->path);
	tpl_set(body, "ID", json_str(req, "_id"));
	tpl_set(body, "ACCOUNT_ID", acc_id);
	tpl_set(body, "CUSTOMER", json_str(req, "customerName") ?
	    json_str(req, "customerName") : json_str(req, "reseller"));
	snprintf(line, sizeof(line), "%s, %s %s", json_str(ad, "address"),
	    json_str(ad, "zip"), json_str(ad, "city"));
	tpl_set(body, "ADDRESS", line);
	tpl_set(body, "ACCOUNT_STATE", word(WS_ACCOUNT_STATE, r->lang,
	    json_str(json_object_get(req, "account"), "state")));
	tpl_set(body, "CSRF", r->who->csrf);
	return page_send(r, 200, root);
}

/* POST /admin/internet/{id}/activate or /cancel: without confirm=yes
 * the question (200); with it the action, then 303 to the offer entry
 * page, or that page with the refusal (422 state). */
static int
account_action(struct req *r, const struct account_action *a)
{
	struct entry	 e = { 0 };
	struct problems	 pb = { 0 };
	const char	*confirm = req_form(r, "confirm"), *acc_id;
	json_t		*req, *vals;
	char		 loc[96];
	int		 rc;

	if ((req = entry_load(r, &rc)) == NULL)
		return rc;
	if ((acc_id = json_str(json_object_get(req, "account"), "_id")) == NULL) {
		json_decref(req);
		return reply_error(r, HERR_CONFLICT,
		    tr(r->lang, "No offer of this request was ordered."));
	}
	if (confirm == NULL || strcmp(confirm, "yes") != 0) {
		rc = render_question(r, a, req, acc_id);
		json_decref(req);
		return rc;
	}
	if ((rc = a->move(r->store, r->who, acc_id, &pb)) == 0) {
		snprintf(loc, sizeof(loc), "/admin/internet/%s?done=%s", r->param, a->done);
		rc = resp_redirect(r, loc);
	} else if (rc > 0) {
		vals = inet_vals_from_request(req);
		show_numbers(r->lang, vals);
		e.req = req;
		e.vals = vals;
		e.cerrors = &pb;
		rc = render_entry(r, &e, problems_status(&pb));
		json_decref(vals);
	}
	problems_free(&pb);
	json_decref(req);
	return rc;
}

/* POST /admin/internet/{id}/activate */
int
page_admin_internet_activate(struct req *r)
{
	return account_action(r, &actions[0]);
}

/* POST /admin/internet/{id}/cancel */
int
page_admin_internet_cancel(struct req *r)
{
	return account_action(r, &actions[1]);
}
