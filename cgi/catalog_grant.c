/*
 * catalog_grant.c — granting and revoking customized request types to
 * customers, with their history (see catalog_grant.h).
 */
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "catalog_grant.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "writer.h"

/* The customer's market into `market` (16 bytes): 1 found, 0 not, -1. */
static int
customer_market(struct store *st, const char *customer, char market[16])
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_CUSTOMER_GET, "s", customer)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		snprintf(market, 16, "%s", store_text(s, CUSTOMER_MARKET));
	store_done(s);
	return rc;
}

/* May `t` be granted to a customer of `market`?  An enum grant_result
 * (GRANT_DONE when it may), with the reason in why. */
static int
grantable(const struct rtype *t, const char *type, const char *market,
    char *why, size_t whylen)
{
	if (t == NULL) {
		snprintf(why, whylen, "%s is not in the catalog.", type);
		return GRANT_NO_TYPE;
	}
	if (!t->customized) {
		snprintf(why, whylen, "%s is in the standard catalog: every customer "
		    "of its markets has it already.", type);
		return GRANT_STANDARD;
	}
	if (!rtype_allowed(t, market, 1)) {
		struct buf	 list = { 0 };
		size_t		 i;

		for (i = 0; i < t->nmarkets; i++)
			buf_printf(&list, "%s%s", i ? ", " : "", t->markets[i]);
		snprintf(why, whylen, "%s is only for the market%s %s; this "
		    "customer's market is %s.", type, t->nmarkets > 1 ? "s" : "",
		    list.data != NULL ? list.data : "", market);
		buf_free(&list);
		return GRANT_MARKET;
	}
	return GRANT_DONE;
}

/* A grant or a revoke, with its history entry. */
struct grant_change {
	const char		*customer, *type, *now;
	int			 grant;
	const struct grant_actor *by;
};

/* write_fn: 0 done, 1 nothing to do (granted already, or not granted),
 * -1 error. */
static int
grant_unit(struct store *st, void *arg)
{
	const struct grant_change *c = arg;
	int			 n;

	n = store_exec(st, c->grant ? ST_GRANT_ADD : ST_GRANT_DELETE, "ss",
	    c->customer, c->type);
	if (n == 0)
		return 1;
	if (n != 1 || store_exec(st, ST_GRANT_HISTORY_ADD, "ssssss", c->customer,
	    c->type, c->grant ? "grant" : "revoke", c->now, c->by->user_id,
	    c->by->name) != 1)
		return -1;
	return 0;
}

int
catalog_grant_set(struct store *st, const char *customer, const char *type,
    int grant, const struct grant_actor *by, char *why, size_t whylen)
{
	char	 market[16], now[32];
	int	 rc, n;
	struct grant_change c = { .customer = customer, .type = type,
	    .grant = grant, .by = by };

	why[0] = '\0';
	if ((rc = customer_market(st, customer, market)) < 0)
		return -1;
	if (rc == 0) {
		snprintf(why, whylen, "There is no customer %s.", customer);
		return GRANT_NO_CUSTOMER;
	}
	if (grant && (rc = grantable(catalog_find(type), type, market, why,
	    whylen)) != GRANT_DONE)
		return rc;
	now_iso(now);
	c.now = now;
	if ((n = store_write(st, grant_unit, &c)) < 0)
		return -1;
	if (n == 1) {
		snprintf(why, whylen, grant ? "%s already has %s." :
		    "%s does not have %s.", customer, type);
		return GRANT_ALREADY;
	}
	log_info("catalog: %s %s %s %s by %s", grant ? "granted" : "revoked", type,
	    grant ? "to" : "from", customer, by->name);
	snprintf(why, whylen, grant ? "Granted %2$s to %1$s." : "Revoked %2$s from %1$s.",
	    customer, type);
	return GRANT_DONE;
}

int
catalog_granted(struct store *st, const char *customer, const char *type)
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_CUSTOMER_HAS_TYPE, "ss", customer, type)) == NULL)
		return -1;
	rc = store_row(s);
	store_done(s);
	return rc;
}

int
catalog_grants_each(struct store *st, const char *customer, grant_fn fn, void *ctx)
{
	const struct rtype	*t;
	struct rows		*s;
	int			 rc;

	if ((s = store_query(st, ST_GRANTS_ALL, "s", customer)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1) {
		t = catalog_find(store_text(s, GRANT_TYPE));
		if (fn(ctx, store_text(s, GRANT_CUSTOMER_ID), store_text(s, GRANT_CUSTOMER_NAME),
		    store_text(s, GRANT_TYPE),
		    t != NULL && t->customized) < 0) {
			rc = -1;
			break;
		}
	}
	store_done(s);
	return rc < 0 ? -1 : 0;
}
