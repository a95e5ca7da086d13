/*
 * admin_servicepoints.c — /admin/servicepoints: the service points table with its
 * filters and page links, and the CSV import form.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "admin_servicepoints.h"
#include "orange_api.h"
#include "auth.h"
#include "http.h"
#include "i18n.h"
#include "l10n.h"
#include "reply.h"
#include "admin_import.h"
#include "pages.h"
#include "service_point.h"
#include "store.h"
#include "tpl.h"
#include "util.h"
#include "words.h"

#define PAGE_DEFAULT	50
#define PAGE_MAX	250

static const char *const sp_states[] = {
	"OPERATIONAL", "IN_PROGRESS", "SUSPENDED", "TERMINATED"
};

/* The page's filters, borrowed from the query string. */
struct sp_view {
	const char	*customer, *state, *q;	/* NULL when not filtered */
	long long	 offset, limit;
};

/* A query parameter, or NULL when absent or empty.  Borrowed. */
static const char *
query_given(const struct req *r, const char *key)
{
	const char *v = req_query(r, key);

	return v != NULL && *v != '\0' ? v : NULL;
}

/* Customer options of the filter, SELECTED on v->customer.  0 or -1. */
static int
customer_options(struct req *r, struct tpl_dict *body, const struct sp_view *v)
{
	struct tpl_dict	*row;
	struct rows	*s;
	int		 rc;

	if ((s = store_query(r->store, ST_CUSTOMER_LIST, NULL)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1) {
		if ((row = tpl_section_add(body, "CUSTOMER_OPTION")) == NULL)
			break;
		tpl_set(row, "OPTION", store_text(s, CUSTOMER_ID));
		tpl_set(row, "OPTION_NAME", store_text(s, CUSTOMER_NAME));
		if (v->customer != NULL &&
		    strcmp(v->customer, store_text(s, CUSTOMER_ID)) == 0)
			tpl_show(row, "SELECTED");
	}
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* State options of the filter (the code, OPTION_NAME in words),
 * SELECTED on v->state. */
static void
state_options(const struct req *r, struct tpl_dict *body, const struct sp_view *v)
{
	struct tpl_dict	*row;
	size_t		 i;

	for (i = 0; i < sizeof(sp_states) / sizeof(sp_states[0]); i++) {
		if ((row = tpl_section_add(body, "STATE_OPTION")) == NULL)
			return;
		tpl_set(row, "OPTION", sp_states[i]);
		tpl_set(row, "OPTION_NAME", word(WS_SP_STATE, r->lang, sp_states[i]));
		if (v->state != NULL && strcmp(v->state, sp_states[i]) == 0)
			tpl_show(row, "SELECTED");
	}
}

/* The string o[key] (or o[key][sub] when sub is not NULL), or NULL.
 * Borrowed from o. */
static const char *
member(const json_t *o, const char *key, const char *sub)
{
	const json_t *v = json_object_get(o, key);

	if (sub != NULL)
		v = json_object_get(v, sub);
	return json_string_value(v);
}

/* One SP_ROW of the table from an API object, in the reader's words. */
static void
sp_row(const struct req *r, struct tpl_dict *body, const json_t *sp)
{
	const json_t	*addr = json_object_get(json_object_get(sp, "location"), "address");
	struct tpl_dict	*row;
	struct buf	 where = { 0 };
	char		 land[L10N_MAX];
	const char	*street = member(addr, "street", NULL),
			*postcode = member(addr, "postalCode", NULL),
			*city = member(addr, "city", NULL),
			*country = member(addr, "country", NULL);

	if ((row = tpl_section_add(body, "SP_ROW")) == NULL)
		return;
	tpl_set(row, "SP_ID", member(sp, "id", NULL));
	tpl_set(row, "SP_CUSTOMER", member(sp, "customer", "id"));
	tpl_set(row, "SP_CUSTOMER_NAME", member(sp, "customer", "name"));
	tpl_set(row, "SP_NAME", member(sp, "name", NULL));
	tpl_set(row, "SP_REFERENCE", member(sp, "reference", NULL));
	tpl_set(row, "SP_CUSTREF", member(sp, "customerReference", NULL));
	tpl_set(row, "SP_STATE_CODE", member(sp, "state", NULL));
	tpl_set(row, "SP_STATE", word(WS_SP_STATE, r->lang, member(sp, "state", NULL)));
	tpl_set(row, "SP_PROFILE", member(sp, "profile", NULL));
	if (street != NULL)
		buf_printf(&where, "%s", street);
	if (postcode != NULL || city != NULL)
		buf_printf(&where, "%s%s%s%s", where.len ? ", " : "",
		    postcode ? postcode : "", postcode && city ? " " : "",
		    city ? city : "");
	if (country != NULL) {
		l10n_country(r->lang, country, land, sizeof(land));
		buf_printf(&where, "%s%s", where.len ? ", " : "", land);
	}
	tpl_set(row, "SP_ADDRESS", where.data);
	buf_free(&where);
}

/* The table part of the page: count, rows, page links.  0 or -1. */
static int
sp_table(struct req *r, struct tpl_dict *body, const struct sp_view *v)
{
	struct page_param	 params[] = {
		{ "customer", v->customer }, { "state", v->state }, { "q", v->q },
		{ "limit", NULL },
	};
	struct sp_filter	 f;
	json_t			*items = NULL, *it;
	long long		 total;
	size_t			 i;
	char			 limit[32];

	memset(&f, 0, sizeof(f));
	f.customer = v->customer;
	f.state = v->state;
	f.text = v->q;
	f.offset = v->offset;
	f.limit = v->limit;
	if (sp_list(r->store, r->who, &f, 0, &items, &total) < 0) {
		json_decref(items);
		return -1;
	}
	json_array_foreach(items, i, it)
		sp_row(r, body, it);
	if (json_array_size(items) == 0)
		tpl_show(body, "NO_SP");
	snprintf(limit, sizeof(limit), "%lld", v->limit);
	params[3].val = limit;
	page_pager(body, "/admin/servicepoints", v->offset, v->limit,
	    json_array_size(items), total, params, sizeof(params) / sizeof(params[0]));
	json_decref(items);
	return 0;
}

/*
 * Render the page with `status`: the table for the query's filters, and
 * the import form holding `csv` with the report of `imp` (both may be
 * NULL).  0, -1 (500), or an answered 400 for a bad offset or limit.
 */
static int
sp_page(struct req *r, int status, const char *csv, const struct import_report *imp)
{
	struct tpl_dict	*root, *body;
	struct sp_view	 v;
	long long	 n;
	char		 flash[128], num[24];

	memset(&v, 0, sizeof(v));
	v.customer = query_given(r, "customer");
	v.state = query_given(r, "state");
	v.q = query_given(r, "q");
	if (req_query_int(r, "offset", 0, 0, 1LL << 40, &v.offset) < 0)
		return reply_error(r, HERR_BAD_QUERY,
		    tr(r->lang, "This page of the list does not exist."));
	if (req_query_int(r, "limit", PAGE_DEFAULT, 1, PAGE_MAX, &v.limit) < 0)
		return reply_error(r, HERR_BAD_QUERY,
		    tr(r->lang, "This page of the list does not exist."));
	if ((root = page_new(r, tr(r->lang, "Service points"), "admin_servicepoints.tpl",
	    &body)) == NULL)
		return -1;
	if (req_query_int(r, "imported", -1, 0, 1LL << 40, &n) == 0 && n >= 0) {
		snprintf(num, sizeof(num), "%lld", n);
		tr_fill(flash, sizeof(flash), trn(r->lang, "{1} service point imported",
		    "{1} service points imported", (unsigned long)n), num, NULL);
		tpl_show(root, "FLASH");
		tpl_set(root, "FLASH_TEXT", flash);
	}
	tpl_set(body, "F_Q", v.q);
	tpl_set_int(body, "LIMIT", v.limit);
	page_import_form(r, body, "/admin/servicepoints", SP_CSV_HEADER, csv, imp);
	state_options(r, body, &v);
	if (customer_options(r, body, &v) < 0 || sp_table(r, body, &v) < 0) {
		tpl_dict_free(root);
		return -1;
	}
	return page_send(r, status, root);
}

int
page_admin_service_points(struct req *r)
{
	return sp_page(r, 200, NULL, NULL);
}

/* sp_page as an import_page_fn. */
static int
sp_import_page(struct req *r, int status, const char *csv,
    const struct import_report *imp, const void *unused)
{
	(void)unused;
	return sp_page(r, status, csv, imp);
}

int
page_admin_service_points_import(struct req *r)
{
	return page_import_post(r, &sp_import_kind, "/admin/servicepoints",
	    sp_import_page, NULL);
}
