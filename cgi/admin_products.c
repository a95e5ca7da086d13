/*
 * admin_products.c — /admin/products and /admin/addresses; see admin_products.h.
 */
#include <stdio.h>
#include <string.h>

#include "admin_products.h"
#include "orange_api.h"
#include "auth.h"
#include "inet_import.h"
#include "admin_import.h"
#include "i18n.h"
#include "pages.h"
#include "store.h"
#include "tpl.h"
#include "words.h"

#define ADDRESSES_SHOWN 500	/* rows of the unfiltered address list */

/* One of the pages: what it imports and how it lists what is stored. */
struct data_view {
	const char		 *title, *tpl, *action;	/* title: N_() */
	const struct import_kind *kind;
	int			(*fill)(struct req *, struct tpl_dict *);
};

/* The page of `ctx` (a struct data_view) with its import form
 * (import_page_fn). */
static int
data_page(struct req *r, int status, const char *csv,
    const struct import_report *imp, const void *ctx)
{
	const struct data_view	*v = ctx;
	struct tpl_dict		*root, *body;
	long long		 n;
	char			 flash[128], num[24];

	if ((root = page_new(r, tr(r->lang, v->title), v->tpl, &body)) == NULL)
		return -1;
	if (req_query_int(r, "imported", -1, 0, 1LL << 40, &n) == 0 && n >= 0) {
		snprintf(num, sizeof(num), "%lld", n);
		tr_fill(flash, sizeof(flash), trn(r->lang, "{1} row imported",
		    "{1} rows imported", (unsigned long)n), num, NULL);
		tpl_show(root, "FLASH");
		tpl_set(root, "FLASH_TEXT", flash);
	}
	if (v->fill(r, body) < 0) {
		tpl_dict_free(root);
		return -1;
	}
	page_import_form(r, body, v->action, v->kind->header, csv, imp);
	return page_send(r, status, root);
}

/* ------------------------------------------------------------ products */

static int
fill_products(struct req *r, struct tpl_dict *body)
{
	struct tpl_dict	*row;
	struct rows	*s;
	int		 rc, n = 0;

	if ((s = store_query(r->store, ST_PRODUCT_ADMIN_LIST, NULL)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1 && (row = tpl_section_add(body, "PRODUCT")) != NULL) {
		n++;
		tpl_set(row, "ID", store_text(s, PRODUCT_ADMIN_ID));
		tpl_set(row, "NAME", store_text(s, PRODUCT_ADMIN_NAME));
		tpl_set(row, "TYPE", word(WS_CIRCUIT, r->lang, store_text(s, PRODUCT_ADMIN_TYPE)));
		tpl_set(row, "FEE", word(WS_BOOLEAN, r->lang,
		    store_int(s, PRODUCT_ADMIN_INITIATION_FEE) ? "true" : "false"));
		tpl_set(row, "CUSTOMERS",
		    store_int(s, PRODUCT_ADMIN_ALL_CUSTOMERS) ? tr(r->lang, "every customer") :
		    store_text(s, PRODUCT_ADMIN_CUSTOMERS) != NULL ?
		    store_text(s, PRODUCT_ADMIN_CUSTOMERS) : tr(r->lang, "no customer"));
		if (store_int(s, PRODUCT_ADMIN_RETIRED))
			tpl_show(row, "RETIRED");
	}
	store_done(s);
	if (n == 0)
		tpl_show(body, "NO_PRODUCT");
	return rc < 0 ? -1 : 0;
}

static const struct data_view products_view = {
	N_("Products"), "admin_products.tpl", "/admin/products", &product_import_kind,
	fill_products,
};

int
page_admin_products(struct req *r)
{
	return data_page(r, 200, NULL, NULL, &products_view);
}

int
page_admin_products_import(struct req *r)
{
	return page_import_post(r, products_view.kind, products_view.action,
	    data_page, &products_view);
}

/* ----------------------------------------------------------- addresses */

static int
fill_addresses(struct req *r, struct tpl_dict *body)
{
	const char	*customer = req_query(r, "customer");
	struct tpl_dict	*row;
	struct rows	*s;
	long long	 total = 0;
	char		 num[24], text[64];
	int		 rc, n = 0;

	if (customer != NULL && *customer == '\0')
		customer = NULL;
	if ((s = store_query(r->store, ST_CUSTOMER_LIST, NULL)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1 &&
	    (row = tpl_section_add(body, "CUSTOMER_OPTION")) != NULL) {
		tpl_set(row, "OPTION", store_text(s, CUSTOMER_ID));
		tpl_set(row, "OPTION_NAME", store_text(s, CUSTOMER_NAME));
		if (customer != NULL && strcmp(customer, store_text(s, CUSTOMER_ID)) == 0)
			tpl_show(row, "SELECTED");
	}
	store_done(s);
	if (rc < 0 || (s = store_query(r->store, ST_ADDRESS_COUNT, "s", customer)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		total = store_int(s, COUNT_N);
	store_done(s);
	if (rc < 0 || (s = store_query(r->store, ST_ADDRESS_ADMIN_LIST, "si", customer,
	    ADDRESSES_SHOWN)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1 && (row = tpl_section_add(body, "ADDRESS")) != NULL) {
		n++;
		tpl_set(row, "ID", store_text(s, ADDRESS_ADMIN_ID));
		tpl_set(row, "CUSTOMER", store_text(s, ADDRESS_ADMIN_CUSTOMER_ID));
		tpl_set(row, "CUSTOMER_NAME", store_text(s, ADDRESS_ADMIN_CUSTOMER_NAME));
		tpl_set(row, "ADDRESS", store_text(s, ADDRESS_ADMIN_LINE));
		tpl_set(row, "ZIP", store_text(s, ADDRESS_ADMIN_ZIP));
		tpl_set(row, "CITY", store_text(s, ADDRESS_ADMIN_CITY));
		if (store_int(s, ADDRESS_ADMIN_RETIRED))
			tpl_show(row, "RETIRED");
	}
	store_done(s);
	snprintf(num, sizeof(num), "%lld", total);
	tr_fill(text, sizeof(text), trn(r->lang, "{1} address.", "{1} addresses.",
	    (unsigned long)total), num, NULL);
	tpl_set(body, "TOTAL_TEXT", text);
	tpl_set_int(body, "TOTAL", total);
	tpl_set_int(body, "SHOWN", n);
	if (total > n)
		tpl_show(body, "CAPPED");
	if (n == 0)
		tpl_show(body, "NO_ADDRESS");
	return rc < 0 ? -1 : 0;
}

static const struct data_view addresses_view = {
	N_("Addresses"), "admin_addresses.tpl", "/admin/addresses", &address_import_kind,
	fill_addresses,
};

int
page_admin_addresses(struct req *r)
{
	return data_page(r, 200, NULL, NULL, &addresses_view);
}

int
page_admin_addresses_import(struct req *r)
{
	return page_import_post(r, addresses_view.kind, addresses_view.action,
	    data_page, &addresses_view);
}
