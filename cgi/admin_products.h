/*
 * admin_products.h — /admin/products and /admin/addresses: the Internet
 * requests' reference data, listed, and imported from CSV (inet_import.h).
 * ADMIN only (route.c).
 */
#ifndef REQDESK_ADMIN_PRODUCTS_H
#define REQDESK_ADMIN_PRODUCTS_H

#include "http.h"

int  page_admin_products(struct req *r);		/* GET */
int  page_admin_products_import(struct req *r);		/* POST csv */
int  page_admin_addresses(struct req *r);		/* GET ?customer= */
int  page_admin_addresses_import(struct req *r);	/* POST csv */

#endif
