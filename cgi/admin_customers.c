/*
 * admin_customers.c — /admin/customers/{id}: one customer's customized
 * catalog, granted and revoked by an ADMIN, with its history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin_customers.h"
#include "auth.h"
#include "catalog.h"
#include "catalog_grant.h"
#include "http.h"
#include "i18n.h"
#include "l10n.h"
#include "log.h"
#include "pages.h"
#include "reply.h"
#include "store.h"
#include "tpl.h"
#include "util.h"

/* The customer of the page, read from the database. */
struct acustomer {
	char	id[64];
	char	name[256];
	char	market[16];
	char	currency[8];
};

/* Load r->param's customer: 1 found, 0 not, -1 error. */
static int
customer_load(struct req *r, struct acustomer *c)
{
	struct rows	*s;
	int		 rc;

	memset(c, 0, sizeof(*c));
	if (r->param == NULL || strlen(r->param) >= sizeof(c->id))
		return 0;
	if ((s = store_query(r->store, ST_CUSTOMER_GET, "s", r->param)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		snprintf(c->id, sizeof(c->id), "%s", store_text(s, CUSTOMER_ID));
		snprintf(c->name, sizeof(c->name), "%s", store_text(s, CUSTOMER_NAME));
		snprintf(c->market, sizeof(c->market), "%s", store_text(s, CUSTOMER_MARKET));
	}
	store_done(s);
	if (rc != 1)
		return rc;
	if ((s = store_query(r->store, ST_CUSTOMER_LOCALE, "s", c->id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		snprintf(c->currency, sizeof(c->currency), "%s",
		    store_text(s, CUSTOMER_LOCALE_CURRENCY));
	store_done(s);
	return rc;
}

/* The title of type `t` in the reader's language ("" when gone). */
static const char *
type_title(const struct req *r, const struct rtype *t)
{
	return t != NULL ? ltext_get(&t->titles, r->lang) : "";
}

/* The page's types: those the customer has (standard of its market,
 * granted), the grant choices, the stale grants. */
struct types_ctx {
	const struct req *r;
	struct tpl_dict	*body;
	int		 ngranted;
};

/* grant_fn: one granted type (with its revoke button). */
static int
granted_row(void *ctx, const char *customer, const char *customer_name,
    const char *type, int in_catalog)
{
	struct types_ctx	*tc = ctx;
	const struct rtype	*t = catalog_find(type);
	struct tpl_dict		*row = tpl_section_add(tc->body, "GRANTED");

	if (row == NULL)
		return -1;
	tpl_set(row, "TYPE_ID", type);
	tpl_set(row, "TYPE_TITLE", type_title(tc->r, t));
	if (!in_catalog)
		tpl_show(row, "GONE");
	tc->ngranted++;
	return 0;
}

/* Standard types of the customer's market, and the customized ones it
 * could be granted (not yet granted).  0 or -1. */
static int
catalog_rows(struct req *r, const struct acustomer *c, struct tpl_dict *body,
    const char *chosen)
{
	const struct rtype	*t;
	struct tpl_dict		*row;
	size_t			 i;
	int			 granted, nchoice = 0;

	for (i = 0; (t = catalog_at(i)) != NULL; i++) {
		if (!t->customized) {
			if (rtype_allowed(t, c->market, 0) &&
			    (row = tpl_section_add(body, "STANDARD")) != NULL) {
				tpl_set(row, "TYPE_ID", t->type);
				tpl_set(row, "TYPE_TITLE", type_title(r, t));
			}
			continue;
		}
		if (!rtype_allowed(t, c->market, 1))
			continue;
		if ((granted = catalog_granted(r->store, c->id, t->type)) < 0)
			return -1;
		if (granted || (row = tpl_section_add(body, "CHOICE")) == NULL)
			continue;
		nchoice++;
		tpl_set(row, "TYPE_ID", t->type);
		tpl_set(row, "TYPE_TITLE", type_title(r, t));
		if (chosen != NULL && strcmp(chosen, t->type) == 0)
			tpl_show(row, "SELECTED");
	}
	tpl_show(body, nchoice > 0 ? "CAN_GRANT" : "NOTHING_TO_GRANT");
	return 0;
}

/* The history, newest first.  0 or -1. */
static int
history_rows(struct req *r, const struct acustomer *c, struct tpl_dict *body)
{
	struct rows	*s;
	struct tpl_dict	*row;
	char		 when[L10N_MAX];
	int		 rc, n = 0;

	if ((s = store_query(r->store, ST_GRANT_HISTORY, "s", c->id)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1 && (row = tpl_section_add(body, "HISTORY")) != NULL) {
		n++;
		l10n_datetime(r->lang, page_tz(r), store_text(s, GRANT_HIST_AT), when,
		    sizeof(when));
		tpl_set(row, "H_AT", when);
		tpl_set(row, "H_ACTION", strcmp(store_text(s, GRANT_HIST_ACTION), "grant") == 0 ?
		    tr(r->lang, "granted") : tr(r->lang, "revoked"));
		tpl_set(row, "H_TYPE", store_text(s, GRANT_HIST_TYPE));
		tpl_set(row, "H_BY", store_text(s, GRANT_HIST_BY));
	}
	store_done(s);
	if (n == 0)
		tpl_show(body, "NO_HISTORY");
	return rc < 0 ? -1 : 0;
}

/* The page; `error` (a refusal) above the grant form, `chosen` kept. */
static int
customer_page(struct req *r, int status, const struct acustomer *c,
    const char *error, const char *chosen)
{
	struct tpl_dict		*root, *body;
	struct types_ctx	 tc;
	const char		*flash;
	char			 title[300], text[300], country[L10N_MAX];

	tr_fill(title, sizeof(title), tr(r->lang, "Customer {1}"), c->name, NULL);
	if ((root = page_new(r, title, "admin_customer.tpl", &body)) == NULL)
		return -1;
	if ((flash = req_query(r, "granted")) != NULL || (flash = req_query(r, "revoked")) != NULL) {
		tr_fill(text, sizeof(text), req_query(r, "granted") ?
		    tr(r->lang, "{1} is granted to this customer.") :
		    tr(r->lang, "{1} is no longer granted to this customer."), flash, NULL);
		tpl_show(root, "FLASH");
		tpl_set(root, "FLASH_TEXT", text);
	}
	tpl_set(body, "CSRF", r->who->csrf);
	tpl_set(body, "CUSTOMER_ID", c->id);
	tpl_set(body, "CUSTOMER_NAME", c->name);
	l10n_country(r->lang, c->market, country, sizeof(country));
	tpl_set(body, "CUSTOMER_MARKET", country);
	tpl_set(body, "CUSTOMER_CURRENCY", c->currency);
	if (error != NULL) {
		tpl_show(body, "GRANT_ERROR");
		tpl_set(body, "GRANT_ERROR_TEXT", error);
	}
	memset(&tc, 0, sizeof(tc));
	tc.r = r;
	tc.body = body;
	if (catalog_grants_each(r->store, c->id, granted_row, &tc) < 0 ||
	    catalog_rows(r, c, body, chosen) < 0 || history_rows(r, c, body) < 0) {
		tpl_dict_free(root);
		return -1;
	}
	if (tc.ngranted == 0)
		tpl_show(body, "NONE_GRANTED");
	return page_send(r, status, root);
}

/* Why a grant was refused (an enum grant_result), in the reader's words;
 * catalog_grant_set()'s own sentence is the shell's, in English. */
static void
refusal(const struct req *r, int rc, const char *type, const struct acustomer *c,
    char *why, size_t len)
{
	char country[L10N_MAX];

	l10n_country(r->lang, c->market, country, sizeof(country));
	switch (rc) {
	case GRANT_NO_TYPE:
		tr_fill(why, len, tr(r->lang, "{1} is not in the catalog."), type, NULL);
		break;
	case GRANT_STANDARD:
		tr_fill(why, len, tr(r->lang, "{1} is in the standard catalog: every "
		    "customer of its markets has it already."), type, NULL);
		break;
	case GRANT_MARKET:
		tr_fill(why, len, tr(r->lang, "{1} is not offered to customers of this "
		    "customer's market ({2})."), type, country);
		break;
	default:
		snprintf(why, len, "%s", tr(r->lang, "No customer with this id."));
		break;
	}
}

int
page_admin_customer(struct req *r)
{
	struct acustomer	c;
	int			rc;

	if ((rc = customer_load(r, &c)) <= 0)
		return rc < 0 ? -1 : reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "No customer with this id."));
	return customer_page(r, 200, &c, NULL, NULL);
}

int
page_admin_customer_types(struct req *r)
{
	struct acustomer	 c;
	struct grant_actor	 by;
	const char		*action = req_form(r, "action"), *type = req_form(r, "type");
	char			 who[320], why[512];
	struct buf		 loc = { 0 };
	int			 rc, grant;

	if ((rc = customer_load(r, &c)) <= 0)
		return rc < 0 ? -1 : reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "No customer with this id."));
	if (action == NULL || (strcmp(action, "grant") != 0 && strcmp(action, "revoke") != 0))
		return customer_page(r, 422, &c, tr(r->lang,
		    "Choose to grant or to revoke a type."), NULL);
	grant = strcmp(action, "grant") == 0;
	if (type == NULL || *type == '\0')
		return customer_page(r, 422, &c, tr(r->lang, "Choose a request type."), NULL);
	snprintf(who, sizeof(who), "%s <%s>", r->who->name, r->who->email);
	by.user_id = r->who->user_id;
	by.name = who;
	if ((rc = catalog_grant_set(r->store, c.id, type, grant, &by, why, sizeof(why))) < 0)
		return -1;
	if (rc != GRANT_DONE && rc != GRANT_ALREADY) {
		refusal(r, rc, type, &c, why, sizeof(why));
		return customer_page(r, 422, &c, why, grant ? type : NULL);
	}
	/* 303 back, the flash naming the type (percent-encoded: it came from
	 * the form) */
	if (buf_puts(&loc, "/admin/customers/") < 0 || query_encode(&loc, c.id) < 0 ||
	    buf_printf(&loc, "?%s=", grant ? "granted" : "revoked") < 0 ||
	    query_encode(&loc, type) < 0) {
		buf_free(&loc);
		return -1;
	}
	rc = resp_redirect(r, loc.data);
	buf_free(&loc);
	return rc;
}
