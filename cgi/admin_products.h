/*
 * admin_products.h — /admin/products and /admin/addresses: the Internet
 * requests' reference data, listed, and imported from CSV (inet_import.h).
 * ADMIN only (route.c).
 *
 * Owns: the products and addresses pages (the lists, the address list
 * filtered by customer and bounded) and their import forms.  Calls:
 * inet_import (the two import kinds), admin_import (the form and its
 * POST), store (the lists and the customers), pages, http, tpl, i18n,
 * words.  Never: checks or stores a row itself: an import is
 * inet_import's, through import.c.
 */
#ifndef REQDESK_ADMIN_PRODUCTS_H
#define REQDESK_ADMIN_PRODUCTS_H

#include "http.h"

int  page_admin_products(struct req *r);		/* GET */
int  page_admin_products_import(struct req *r);		/* POST csv */
int  page_admin_addresses(struct req *r);		/* GET ?customer= */
int  page_admin_addresses_import(struct req *r);	/* POST csv */

#endif
