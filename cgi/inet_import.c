/*
 * inet_import.c — the CSV imports of products and addresses; contract in
 * inet_import.h.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "inet_import.h"
#include "store.h"
#include "util.h"

#define HEX "0123456789abcdef"

/* A TelecomX-style id: 24 lowercase hexadecimal characters. */
static int
id_ok(const char *id)
{
	return strlen(id) == 24 && strspn(id, HEX) == 24;
}

/* The shared rule of both kinds' ids. */
static int
check_id(const char *id, struct buf *why)
{
	if (id == NULL || id_ok(id))
		return 0;
	return import_why(why, N_("id '{1}' must be 24 lowercase hexadecimal "
	    "characters"), id, NULL, NULL);
}

/* Customer `id`, required and known.  0 or -1. */
static int
check_customer(struct store *st, const char *id, struct buf *why)
{
	int found;

	if (id == NULL)
		return import_why(why, N_("missing customer"), NULL, NULL, NULL);
	if ((found = import_customer_known(st, id)) < 0)
		return -1;
	return found ? 0 : import_why(why, N_("unknown customer '{1}'"), id, NULL, NULL);
}

/* ------------------------------------------------------------ products */

enum { P_ID, P_NAME, P_TYPE, P_FEE, P_CUSTOMERS, P__MAX };

static const char *const product_columns[P__MAX] = {
	"id", "name", "type", "initiationFee", "customers",
};

/* initiationFee as 0 or 1; -1 if it is neither true, false nor empty. */
static int
fee_value(const char *s)
{
	if (s == NULL || strcmp(s, "false") == 0)
		return 0;
	return strcmp(s, "true") == 0 ? 1 : -1;
}

/* Call fn for each ';'-separated customer id of `list` (empty items
 * skipped); stops at the first non-zero answer and returns it. */
static int
each_customer(const char *list, int (*fn)(void *, const char *), void *ctx)
{
	char	 id[IMPORT_VALUE_MAX + 1];
	size_t	 n;
	int	 rc = 0;

	while (rc == 0 && list != NULL && *list != '\0') {
		n = strcspn(list, ";");
		if (n > 0 && n < sizeof(id)) {
			memcpy(id, list, n);
			id[n] = '\0';
			rc = fn(ctx, id);
		}
		list += n + (list[n] == ';');
	}
	return rc;
}

struct customer_check {
	struct store	*st;
	struct buf	*why;
};

static int
customer_listed(void *ctx, const char *id)
{
	struct customer_check *c = ctx;

	return check_customer(c->st, id, c->why);
}

static int
product_check(struct store *st, char *const *v, struct buf *why)
{
	struct customer_check	c = { st, why };
	int			rc = check_id(v[P_ID], why);

	if (v[P_NAME] == NULL)
		rc |= import_why(why, N_("missing name"), NULL, NULL, NULL);
	if (v[P_TYPE] == NULL || (strcmp(v[P_TYPE], "DSL") != 0 &&
	    strcmp(v[P_TYPE], "FIBER") != 0))
		rc |= import_why(why, N_("type '{1}' must be DSL or FIBER"),
		    v[P_TYPE] ? v[P_TYPE] : "", NULL, NULL);
	if (fee_value(v[P_FEE]) < 0)
		rc |= import_why(why, N_("initiationFee '{1}' must be true, false "
		    "or empty"), v[P_FEE], NULL, NULL);
	if (rc == 0)
		rc = each_customer(v[P_CUSTOMERS], customer_listed, &c);
	return rc < 0 ? -1 : 0;
}

struct customer_add {
	struct store	*st;
	const char	*product;
};

static int
customer_add(void *ctx, const char *id)
{
	struct customer_add	*c = ctx;
	int			 rc;

	rc = store_exec(c->st, ST_PRODUCT_CUSTOMER_ADD, "ss", c->product, id);
	return rc == 1 ? 0 : rc == -2 ? 0 : -1;	/* listed twice: once is enough */
}

static int
product_store(struct store *st, char *const *v)
{
	struct customer_add	c = { st, v[P_ID] };
	int			rc, all = v[P_CUSTOMERS] == NULL;

	rc = store_exec(st, ST_PRODUCT_UPSERT, "sssii", v[P_ID], v[P_NAME],
	    v[P_TYPE], fee_value(v[P_FEE]), all);
	if (rc != 1)
		return rc < 0 ? rc : -1;
	if (store_exec(st, ST_PRODUCT_CUSTOMERS_CLEAR, "s", v[P_ID]) < 0 ||
	    each_customer(v[P_CUSTOMERS], customer_add, &c) != 0)
		return -1;
	return 1;
}

const struct import_kind product_import_kind = {
	.what = "products", .name = "product",
	.columns = product_columns, .ncolumns = P__MAX, .header = PRODUCT_CSV_HEADER,
	.check = product_check, .store = product_store,
	.record = ST_PRODUCT_RECORD, .retire = ST_PRODUCT_RETIRE,
};

/* ----------------------------------------------------------- addresses */

enum { A_ID, A_CUSTOMER, A_ADDRESS, A_ZIP, A_CITY, A__MAX };

static const char *const address_columns[A__MAX] = {
	"id", "customer", "address", "zip", "city",
};

static int
address_check(struct store *st, char *const *v, struct buf *why)
{
	int rc = check_id(v[A_ID], why);

	if (check_customer(st, v[A_CUSTOMER], why) < 0)
		return -1;
	if (v[A_ADDRESS] == NULL)
		rc |= import_why(why, N_("missing address"), NULL, NULL, NULL);
	if (v[A_ZIP] == NULL)
		rc |= import_why(why, N_("missing zip"), NULL, NULL, NULL);
	if (v[A_CITY] == NULL)
		rc |= import_why(why, N_("missing city"), NULL, NULL, NULL);
	return rc < 0 ? -1 : 0;
}

static int
address_store(struct store *st, char *const *v)
{
	return store_exec(st, ST_ADDRESS_UPSERT, "sssss", v[A_ID], v[A_CUSTOMER],
	    v[A_ADDRESS], v[A_ZIP], v[A_CITY]);
}

const struct import_kind address_import_kind = {
	.what = "addresses", .name = "address",
	.columns = address_columns, .ncolumns = A__MAX, .header = ADDRESS_CSV_HEADER,
	.check = address_check, .store = address_store,
	.record = ST_ADDRESS_RECORD, .retire = ST_ADDRESS_RETIRE,
};
