/*
 * catalog_grant.h — customized catalogs: which customized request types
 * (catalog files with "catalog": "customized") a customer may use, who
 * granted or revoked each and when.
 *
 * Owns: the customer_types table (the grants) and catalog_grant_history
 * (one row per grant or revoke).  Calls: catalog (is the type there,
 * customized, for the customer's market?), store, log, util.  Never:
 * writes to the network.  Shared by the admin customer page and
 * `reqdesk catalog`, so that both apply the same rules with the same
 * words.
 *
 * Nothing caches a grant: catalogItems, the forms and creation read
 * customer_types on every request, so a grant or a revoke shows at once.
 */
#ifndef REQDESK_CATALOG_GRANT_H
#define REQDESK_CATALOG_GRANT_H

#include <stddef.h>

struct store;

/* Outcome of a grant or a revoke. */
enum grant_result {
	GRANT_DONE,		/* granted / revoked, with its history entry */
	GRANT_ALREADY,		/* already granted / not granted: nothing changed */
	GRANT_NO_CUSTOMER,	/* no such customer */
	GRANT_NO_TYPE,		/* grant: the type is not in the catalog */
	GRANT_STANDARD,		/* grant: the type is in the standard catalog */
	GRANT_MARKET,		/* grant: the type is not for the customer's market */
	GRANT__MAX
};

/* Who made the change: a user (id and name), or the shell (id NULL). */
struct grant_actor {
	const char	*user_id;	/* NULL from the shell */
	const char	*name;		/* "Ada Operator <admin@reqdesk.test>", "shell" */
};

/*
 * Grant (grant = 1) or revoke (0) `type` to customer `customer`, and
 * record who and when, in one transaction.  A revoke is accepted for a
 * type that has left the catalog (that is how such a grant is cleaned).
 * Returns an enum grant_result and a sentence for people in `why`
 * ("Granted U_X to FDJ.", "U_X is not in the catalog."), or -1 on a
 * storage error (nothing changed).
 */
int  catalog_grant_set(struct store *st, const char *customer, const char *type,
	int grant, const struct grant_actor *by, char *why, size_t whylen);

/* Has customer `customer` been granted `type`?  1, 0, or -1. */
int  catalog_granted(struct store *st, const char *customer, const char *type);

/* Called for each grant: customer id and name, type, and whether the
 * type is still a customized type of the loaded catalog.  0, or -1 to
 * stop. */
typedef int (*grant_fn)(void *ctx, const char *customer, const char *customer_name,
	const char *type, int in_catalog);

/* Every grant, or those of `customer` (NULL: every customer), by
 * customer then type.  0, or -1 on a storage error or when fn stopped. */
int  catalog_grants_each(struct store *st, const char *customer, grant_fn fn,
	void *ctx);

#endif
