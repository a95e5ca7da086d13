/*
 * admin_customers.h — the admin page of one customer: its customized
 * catalog (the customized request types it may use, granted and revoked
 * by an ADMIN) and the history of those changes.  The rules live in
 * catalog_grant.c, shared with `reqdesk catalog`.
 *
 * Owns: the page of one customer and its grant form.  Calls:
 * catalog_grant (the grants and their rules), catalog (the types),
 * store (the customer, its locale, the grants' history), pages, reply,
 * http, tpl, i18n, l10n, util.  Never: grants or revokes a type but
 * through catalog_grant_set(), nor writes a row itself.
 */
#ifndef REQDESK_ADMIN_CUSTOMERS_H
#define REQDESK_ADMIN_CUSTOMERS_H

#include "http.h"

/* GET /admin/customers/{id}: the customer, its types, its grants and
 * their history.  404 for an unknown customer. */
int  page_admin_customer(struct req *r);

/* POST /admin/customers/{id}/types {action: grant|revoke, type}: 303 back
 * to the page; 422 with the page and the reason when refused (unknown
 * type, standard type, other market, nothing to revoke); 404 for an
 * unknown customer.  CSRF is checked by the dispatcher (RF_FORM). */
int  page_admin_customer_types(struct req *r);

#endif
