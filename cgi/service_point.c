/*
 * service_point.c — service points: the API view, listing, and the CSV
 * import (see service_point.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "i18n.h"
#include "import.h"
#include "log.h"
#include "service_point.h"
#include "store.h"
#include "util.h"

#define SP_ID_MAX	64

/* ---------------------------------------------------------------- reading */

static const struct sort_key sp_sorts[] = {
	{ "id", ST_SP_LIST_ID_ASC },
	{ "name", ST_SP_LIST_NAME_ASC },
	{ "customerReference", ST_SP_LIST_CUSTREF_ASC },
	{ "state", ST_SP_LIST_STATE_ASC },
	{ "customer.id", ST_SP_LIST_CUSTOMER_ASC },
};

/* The list statement for a sort key ("-x" descending); -1 if unknown. */
static int
sort_stmt(const char *sort)
{
	return store_sort_stmt(sp_sorts, sizeof(sp_sorts) / sizeof(sp_sorts[0]),
	    sort, ST_SP_LIST_ID_ASC);
}

int
sp_sort_valid(const char *sort)
{
	return sort_stmt(sort) >= 0;
}

/* Set o[key] to the text of column `col`: a string, null (SP_NULLS) or
 * nothing when the column is NULL. */
static void
set_text(json_t *o, const char *key, struct rows *s, int col, unsigned opts)
{
	if (!store_isnull(s, col))
		json_object_set_new(o, key, json_string(store_text(s, col)));
	else if (opts & SP_NULLS)
		json_object_set_new(o, key, json_null());
}

/*
 * The API object of the row at `s` (enum sp_view_col).  Returns a new
 * reference, or NULL on allocation failure.
 */
static json_t *
sp_json(struct rows *s, unsigned opts)
{
	json_t	*o, *loc, *addr;
	char	 self[128];

	if ((o = json_object()) == NULL)
		return NULL;
	set_text(o, "id", s, SP_ID, opts);
	set_text(o, "name", s, SP_NAME, opts);
	set_text(o, "customerReference", s, SP_CUSTOMER_REFERENCE, opts);
	set_text(o, "reference", s, SP_REFERENCE, opts);
	set_text(o, "state", s, SP_STATE, opts);
	set_text(o, "profile", s, SP_PROFILE, opts);
	json_object_set_new(o, "customer", json_pack("{s:s, s:s}",
	    "id", store_text(s, SP_CUSTOMER_ID), "name", store_text(s, SP_CUSTOMER_NAME)));
	loc = json_object();
	addr = json_object();
	set_text(loc, "name", s, SP_NAME, opts);
	set_text(addr, "street", s, SP_STREET, opts);
	set_text(addr, "postalCode", s, SP_POSTCODE, opts);
	set_text(addr, "city", s, SP_CITY, opts);
	set_text(addr, "country", s, SP_COUNTRY, opts);
	json_object_set_new(loc, "address", addr);
	json_object_set_new(o, "location", loc);
	if (opts & SP_LINKS) {
		snprintf(self, sizeof(self), "/core-information/b2b/v2/servicePoints/%s",
		    store_text(s, SP_ID));
		json_object_set_new(o, "_links", json_pack("{s:{s:s}}",
		    "self", "href", self));
	}
	return o;
}

int
sp_list(struct store *st, const struct principal *who,
    const struct sp_filter *f, unsigned opts, json_t **items, long long *total)
{
	struct rows	*s;
	char		*ids = store_list_param(f->id), *refs = store_list_param(f->reference),
			*crefs = store_list_param(f->customer_reference),
			*states = store_list_param(f->state), *custs = store_list_param(f->customer),
			*names = store_list_param(f->name);
	const char	*text = f->text != NULL && *f->text != '\0' ? f->text : NULL;
	int		 rc = -1, q = sort_stmt(f->sort);
	json_t		*o;

	*items = json_array();
	*total = 0;
	if (q < 0 || *items == NULL)
		goto out;
	if ((s = store_query(st, ST_SP_VIEW_COUNT, "isssssssss", SCOPE_ARGS(who),
	    ids, refs, crefs, states, custs, names, text)) == NULL)
		goto out;
	if ((rc = store_row(s)) == 1)
		*total = store_int(s, COUNT_N);
	store_done(s);
	if (rc < 0)
		goto out;
	if ((s = store_query(st, (enum stmt)q, "isssssssssII", SCOPE_ARGS(who),
	    ids, refs, crefs, states, custs, names, text, f->limit,
	    f->offset)) == NULL) {
		rc = -1;
		goto out;
	}
	while ((rc = store_row(s)) == 1) {
		if ((o = sp_json(s, opts)) == NULL) {
			rc = -1;
			break;
		}
		json_array_append_new(*items, o);
	}
	store_done(s);
out:
	free(ids);
	free(refs);
	free(crefs);
	free(states);
	free(custs);
	free(names);
	return rc < 0 ? -1 : 0;
}

json_t *
sp_load(struct store *st, const struct principal *who, const char *id,
    unsigned opts, int *err)
{
	struct rows	*s;
	json_t		*o = NULL;
	int		 rc;

	*err = -1;
	if ((s = store_query(st, ST_SP_VIEW_GET, "isss", SCOPE_ARGS(who), id)) == NULL)
		return NULL;
	if ((rc = store_row(s)) == 1)
		o = sp_json(s, opts);
	store_done(s);
	if (rc == 0 || o != NULL)
		*err = 0;
	return o;
}

/* ---------------------------------------------------------------- import */

/* The CSV columns, in SP_CSV_HEADER order, which is also the order of
 * the upsert statement's parameters. */
enum sp_col {
	C_ID, C_CUSTOMER, C_NAME, C_REFERENCE, C_CUSTREF, C_STATE, C_PROFILE,
	C_STREET, C_POSTCODE, C_CITY, C_COUNTRY, C__MAX
};

static const char *const col_names[C__MAX] = {
	"id", /* C_ID */
	"customer", /* C_CUSTOMER */
	"name", /* C_NAME */
	"reference", /* C_REFERENCE */
	"customerReference", /* C_CUSTREF */
	"state", /* C_STATE */
	"profile", /* C_PROFILE */
	"street", /* C_STREET */
	"postcode", /* C_POSTCODE */
	"city", /* C_CITY */
	"country", /* C_COUNTRY */
};

static const char *const sp_states[] = {
	"OPERATIONAL", "IN_PROGRESS", "SUSPENDED", "TERMINATED", NULL
};

/* Is `s` made of exactly `n` characters from `set`? */
static int
all_of(const char *s, size_t n, const char *set)
{
	return strlen(s) == n && strspn(s, set) == n;
}

#define DIGITS	"0123456789"
#define UPPER	"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define ID_CHARS UPPER "abcdefghijklmnopqrstuvwxyz" DIGITS "._-"

/* The rules of one service point (import_kind.check). */
static int
sp_check(struct store *st, char *const *v, struct buf *why)
{
	size_t	i;
	char	max[24];
	int	rc = 0, found;

	snprintf(max, sizeof(max), "%d", SP_ID_MAX);
	if (v[C_ID] != NULL && (strlen(v[C_ID]) > SP_ID_MAX ||
	    strspn(v[C_ID], ID_CHARS) != strlen(v[C_ID])))
		rc |= import_why(why, N_("id '{1}' may only hold letters, digits, "
		    "'.', '_' and '-' (at most {2})"), v[C_ID], max, NULL);
	if (v[C_CUSTOMER] == NULL)
		rc |= import_why(why, N_("missing customer"), NULL, NULL, NULL);
	else if ((found = import_customer_known(st, v[C_CUSTOMER])) < 0)
		return -1;
	else if (!found)
		rc |= import_why(why, N_("unknown customer '{1}'"), v[C_CUSTOMER],
		    NULL, NULL);
	if (v[C_NAME] == NULL)
		rc |= import_why(why, N_("missing name"), NULL, NULL, NULL);
	for (i = 0; v[C_STATE] != NULL && sp_states[i] != NULL; i++)
		if (strcmp(v[C_STATE], sp_states[i]) == 0)
			break;
	if (v[C_STATE] == NULL || sp_states[i] == NULL)
		rc |= import_why(why, N_("state '{1}' must be one of OPERATIONAL, "
		    "IN_PROGRESS, SUSPENDED, TERMINATED"), v[C_STATE] ? v[C_STATE] : "",
		    NULL, NULL);
	if (v[C_COUNTRY] != NULL && !all_of(v[C_COUNTRY], 2, UPPER))
		rc |= import_why(why, N_("country '{1}' must be a two-letter ISO 3166 "
		    "code in capitals, such as FR"), v[C_COUNTRY], NULL, NULL);
	if (v[C_COUNTRY] != NULL && strcmp(v[C_COUNTRY], "FR") == 0 &&
	    (v[C_POSTCODE] == NULL || !all_of(v[C_POSTCODE], 5, DIGITS)))
		rc |= import_why(why, N_("postcode '{1}' must be 5 digits when the "
		    "country is FR"), v[C_POSTCODE] ? v[C_POSTCODE] : "", NULL, NULL);
	return rc < 0 ? -1 : 0;
}

/* Insert or update one service point (import_kind.store). */
static int
sp_store(struct store *st, char *const *v)
{
	return store_exec(st, ST_SP_UPSERT, "sssssssssss", v[C_ID],
	    v[C_CUSTOMER], v[C_NAME], v[C_REFERENCE], v[C_CUSTREF], v[C_STATE],
	    v[C_PROFILE], v[C_STREET], v[C_POSTCODE], v[C_CITY], v[C_COUNTRY]);
}

const struct import_kind sp_import_kind = {
	.what = "service points", .name = "servicepoint",
	.columns = col_names, .ncolumns = C__MAX, .header = SP_CSV_HEADER,
	.check = sp_check, .store = sp_store,
	.record = ST_SP_RECORD, .retire = ST_SP_RETIRE,
};
