/*
 * service_point.c — service points: the API view, listing, and the CSV
 * import (see service_point.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "csv.h"
#include "log.h"
#include "service_point.h"
#include "store.h"
#include "util.h"

#define SP_VALUE_MAX	200	/* bytes of one CSV value */
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
set_text(json_t *o, const char *key, sqlite3_stmt *s, int col, unsigned opts)
{
	if (!store_isnull(s, col))
		json_object_set_new(o, key, json_string(store_text(s, col)));
	else if (opts & SP_NULLS)
		json_object_set_new(o, key, json_null());
}

/*
 * The API object of the row at `s` (columns of SP_VIEW_COLS in
 * store.c: id, name, customer_reference, reference, state, profile,
 * customer id, customer name, street, postcode, city, country).
 * Returns a new reference, or NULL on allocation failure.
 */
static json_t *
sp_json(sqlite3_stmt *s, unsigned opts)
{
	json_t	*o, *loc, *addr;
	char	 self[128];

	if ((o = json_object()) == NULL)
		return NULL;
	set_text(o, "id", s, 0, opts);
	set_text(o, "name", s, 1, opts);
	set_text(o, "customerReference", s, 2, opts);
	set_text(o, "reference", s, 3, opts);
	set_text(o, "state", s, 4, opts);
	set_text(o, "profile", s, 5, opts);
	json_object_set_new(o, "customer", json_pack("{s:s, s:s}",
	    "id", store_text(s, 6), "name", store_text(s, 7)));
	loc = json_object();
	addr = json_object();
	set_text(loc, "name", s, 1, opts);
	set_text(addr, "street", s, 8, opts);
	set_text(addr, "postalCode", s, 9, opts);
	set_text(addr, "city", s, 10, opts);
	set_text(addr, "country", s, 11, opts);
	json_object_set_new(loc, "address", addr);
	json_object_set_new(o, "location", loc);
	if (opts & SP_LINKS) {
		snprintf(self, sizeof(self), "/core-information/b2b/v2/servicePoints/%s",
		    store_text(s, 0));
		json_object_set_new(o, "_links", json_pack("{s:{s:s}}",
		    "self", "href", self));
	}
	return o;
}

int
sp_list(struct store *st, const struct principal *who,
    const struct sp_filter *f, unsigned opts, json_t **items, long long *total)
{
	sqlite3_stmt	*s;
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
		*total = store_int(s, 0);
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
	sqlite3_stmt	*s;
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

/* One data row kept between checking and storing. */
struct sp_row {
	size_t		 line;
	char		*v[C__MAX];	/* owned; NULL for an empty value */
	struct buf	 why;		/* reasons, "; "-separated */
};

struct sp_rows {
	struct sp_row	*v;
	size_t		 n, cap;
};

/* Record a reason against row `row`.  0 or -1 (no memory). */
static int
why_add(struct sp_row *row, const char *reason)
{
	if (row->why.len > 0 && buf_puts(&row->why, "; ") < 0)
		return -1;
	return buf_puts(&row->why, reason);
}

/* Add a bad row to the report (kept up to SP_IMPORT_PROBLEMS_MAX).
 * 0 or -1 (no memory). */
static int
problem_add(struct sp_import *out, size_t line, const char *reason)
{
	struct sp_problem	*v;

	out->nbad++;
	if (out->n == SP_IMPORT_PROBLEMS_MAX)
		return 0;
	if (out->n == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 16;
		if ((v = realloc(out->v, cap * sizeof(*v))) == NULL)
			return -1;
		out->v = v;
		out->cap = cap;
	}
	if ((out->v[out->n].reason = strdup(reason)) == NULL)
		return -1;
	out->v[out->n++].line = line;
	return 0;
}

void
sp_import_free(struct sp_import *imp)
{
	size_t i;

	for (i = 0; i < imp->n; i++)
		free(imp->v[i].reason);
	free(imp->v);
	memset(imp, 0, sizeof(*imp));
}

/* Free the rows and their values. */
static void
rows_free(struct sp_rows *rows)
{
	size_t i, j;

	for (i = 0; i < rows->n; i++) {
		for (j = 0; j < C__MAX; j++)
			free(rows->v[i].v[j]);
		buf_free(&rows->v[i].why);
	}
	free(rows->v);
	memset(rows, 0, sizeof(*rows));
}

/* Is `s` valid UTF-8 without control characters?  1 or 0. */
static int
clean_text(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n, i;
	unsigned		 cp, min;

	while (*p != '\0') {
		if (*p < 0x80) {
			if (*p < 0x20 || *p == 0x7f)
				return 0;
			p++;
			continue;
		}
		if ((*p & 0xe0) == 0xc0)
			n = 1, cp = *p & 0x1f, min = 0x80;
		else if ((*p & 0xf0) == 0xe0)
			n = 2, cp = *p & 0x0f, min = 0x800;
		else if ((*p & 0xf8) == 0xf0)
			n = 3, cp = *p & 0x07, min = 0x10000;
		else
			return 0;
		for (i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
		    (cp >= 0x80 && cp < 0xa0))
			return 0;
		p += n + 1;
	}
	return 1;
}

/*
 * Map the header record to columns: map[i] is the column of field i.
 * Returns 0, or -1 with the reason in `why`.
 */
static int
header_map(const struct csv_reader *c, int map[CSV_FIELDS_MAX], char *why,
    size_t whylen)
{
	int	seen[C__MAX] = { 0 };
	size_t	i;
	int	k;

	for (i = 0; i < c->nfields; i++) {
		for (k = 0; k < C__MAX; k++)
			if (strcmp(c->field[i], col_names[k]) == 0)
				break;
		if (k == C__MAX) {
			snprintf(why, whylen, "unknown column '%.64s' in the header "
			    "(expected %s)", c->field[i], SP_CSV_HEADER);
			return -1;
		}
		if (seen[k]++) {
			snprintf(why, whylen, "column '%s' appears twice in the header",
			    col_names[k]);
			return -1;
		}
		map[i] = k;
	}
	for (k = 0; k < C__MAX; k++)
		if (!seen[k]) {
			snprintf(why, whylen, "column '%s' missing from the header "
			    "(expected %s)", col_names[k], SP_CSV_HEADER);
			return -1;
		}
	return 0;
}

/* Is `s` made of exactly `n` characters from `set`? */
static int
all_of(const char *s, size_t n, const char *set)
{
	return strlen(s) == n && strspn(s, set) == n;
}

#define DIGITS	"0123456789"
#define UPPER	"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define ID_CHARS UPPER "abcdefghijklmnopqrstuvwxyz" DIGITS "._-"

/* Does customer `id` exist?  1, 0, or -1 (storage error). */
static int
customer_known(struct store *st, const char *id)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = store_query(st, ST_CUSTOMER_GET, "s", id)) == NULL)
		return -1;
	rc = store_row(s);
	store_done(s);
	return rc;
}

/* Check the values of one row that need no other row (the customer is
 * looked up).  Reasons go to row->why.  0, or -1 (storage, memory). */
static int
row_check(struct store *st, struct sp_row *row)
{
	char *const	*v = row->v;
	char		 why[256];
	size_t		 i;
	int		 rc = 0, found;

	for (i = 0; i < C__MAX; i++)
		if (v[i] != NULL && (!clean_text(v[i]) || strlen(v[i]) > SP_VALUE_MAX)) {
			snprintf(why, sizeof(why), "'%s' must be UTF-8 text of at "
			    "most %d bytes without control characters",
			    col_names[i], SP_VALUE_MAX);
			rc |= why_add(row, why);
		}
	if (v[C_ID] == NULL)
		rc |= why_add(row, "missing id");
	else if (strlen(v[C_ID]) > SP_ID_MAX ||
	    strspn(v[C_ID], ID_CHARS) != strlen(v[C_ID])) {
		snprintf(why, sizeof(why), "id '%.64s' may only hold letters, "
		    "digits, '.', '_' and '-' (at most %d)", v[C_ID], SP_ID_MAX);
		rc |= why_add(row, why);
	}
	if (v[C_CUSTOMER] == NULL)
		rc |= why_add(row, "missing customer");
	else if ((found = customer_known(st, v[C_CUSTOMER])) < 0)
		return -1;
	else if (!found) {
		snprintf(why, sizeof(why), "unknown customer '%.64s'", v[C_CUSTOMER]);
		rc |= why_add(row, why);
	}
	if (v[C_NAME] == NULL)
		rc |= why_add(row, "missing name");
	for (i = 0; v[C_STATE] != NULL && sp_states[i] != NULL; i++)
		if (strcmp(v[C_STATE], sp_states[i]) == 0)
			break;
	if (v[C_STATE] == NULL || sp_states[i] == NULL) {
		snprintf(why, sizeof(why), "state '%.64s' must be one of "
		    "OPERATIONAL, IN_PROGRESS, SUSPENDED, TERMINATED",
		    v[C_STATE] ? v[C_STATE] : "");
		rc |= why_add(row, why);
	}
	if (v[C_COUNTRY] != NULL && !all_of(v[C_COUNTRY], 2, UPPER)) {
		snprintf(why, sizeof(why), "country '%.64s' must be a two-letter "
		    "ISO 3166 code in capitals, such as FR", v[C_COUNTRY]);
		rc |= why_add(row, why);
	}
	if (v[C_COUNTRY] != NULL && strcmp(v[C_COUNTRY], "FR") == 0 &&
	    (v[C_POSTCODE] == NULL || !all_of(v[C_POSTCODE], 5, DIGITS))) {
		snprintf(why, sizeof(why), "postcode '%.64s' must be 5 digits "
		    "when the country is FR", v[C_POSTCODE] ? v[C_POSTCODE] : "");
		rc |= why_add(row, why);
	}
	return rc < 0 ? -1 : 0;
}

/* Append a row for the record at `c`, mapped by `map`.  0 or -1. */
static int
row_add(struct sp_rows *rows, const struct csv_reader *c, const int map[])
{
	struct sp_row	*row, *v;
	size_t		 i;

	if (rows->n == rows->cap) {
		size_t cap = rows->cap ? rows->cap * 2 : 64;
		if ((v = realloc(rows->v, cap * sizeof(*v))) == NULL)
			return -1;
		rows->v = v;
		rows->cap = cap;
	}
	row = &rows->v[rows->n++];
	memset(row, 0, sizeof(*row));
	row->line = c->line_no;
	if (c->nfields != C__MAX)
		return buf_printf(&row->why, "%zu fields, expected %d (%s)",
		    c->nfields, C__MAX, SP_CSV_HEADER) < 0 ? -1 : 0;
	for (i = 0; i < c->nfields; i++)
		if (c->field[i][0] != '\0' &&
		    (row->v[map[i]] = strdup(c->field[i])) == NULL)
			return -1;
	return 0;
}

/* Order of row pointers by id, then line. */
static int
by_id(const void *a, const void *b)
{
	const struct sp_row	*x = *(const struct sp_row *const *)a;
	const struct sp_row	*y = *(const struct sp_row *const *)b;
	int			 c = strcmp(x->v[C_ID], y->v[C_ID]);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

/* Mark every row whose id appeared on an earlier row.  0 or -1. */
static int
rows_check_unique(struct sp_rows *rows)
{
	struct sp_row	**idx;
	size_t		  i, n = 0, first = 0;
	char		  why[128];
	int		  rc = 0;

	if ((idx = calloc(rows->n + 1, sizeof(*idx))) == NULL)
		return -1;
	for (i = 0; i < rows->n; i++)
		if (rows->v[i].v[C_ID] != NULL)
			idx[n++] = &rows->v[i];
	qsort(idx, n, sizeof(*idx), by_id);
	for (i = 1; i < n && rc == 0; i++) {
		if (strcmp(idx[i]->v[C_ID], idx[i - 1]->v[C_ID]) != 0) {
			first = i;
			continue;
		}
		snprintf(why, sizeof(why), "duplicate id '%.64s' (first on line %zu)",
		    idx[i]->v[C_ID], idx[first]->line);
		rc = why_add(idx[i], why);
	}
	free(idx);
	return rc;
}

/* Parse the whole text into rows (header checked).  0; 1 when the file
 * itself is unusable (reported in out); -1 on failure. */
static int
rows_read(struct store *st, const char *text, size_t len,
    struct sp_rows *rows, struct sp_import *out)
{
	struct csv_reader	 c;
	int			 map[CSV_FIELDS_MAX], rc, header = 1, res = 0;
	char			 why[256];

	csv_init(&c, text, len);
	while (res == 0 && (rc = csv_next(&c)) != 0) {
		if (rc == -2) {
			res = -1;
		} else if (rc == -1) {
			res = problem_add(out, c.line_no, c.error) < 0 ? -1 : 0;
			if (header)
				res = res < 0 ? -1 : 1;
		} else if (header) {
			header = 0;
			if (header_map(&c, map, why, sizeof(why)) < 0)
				res = problem_add(out, c.line_no, why) < 0 ? -1 : 1;
		} else if (row_add(rows, &c, map) < 0 ||
		    (rows->v[rows->n - 1].why.len == 0 &&
		    row_check(st, &rows->v[rows->n - 1]) < 0))
			res = -1;
	}
	csv_free(&c);
	if (res == 0 && header)
		res = problem_add(out, 1, "empty file: the first line must be the "
		    "header " SP_CSV_HEADER) < 0 ? -1 : 1;
	return res;
}

/* Move the reasons of bad rows into out, merged in line order with the
 * syntax errors already there.  0 or -1. */
static int
rows_report(const struct sp_rows *rows, struct sp_import *out)
{
	struct sp_import	 merged = { 0 };
	size_t			 i = 0, j = 0;
	int			 rc = 0;

	while (rc == 0 && (i < rows->n || j < out->n)) {
		if (i < rows->n && rows->v[i].why.len == 0) {
			i++;
			continue;
		}
		if (j < out->n && (i == rows->n || out->v[j].line <= rows->v[i].line)) {
			rc = problem_add(&merged, out->v[j].line, out->v[j].reason);
			j++;
		} else {
			rc = problem_add(&merged, rows->v[i].line, rows->v[i].why.data);
			i++;
		}
	}
	merged.nbad += out->nbad - out->n;	/* syntax errors not kept */
	sp_import_free(out);
	*out = merged;
	return rc;
}

/* Insert or update every row in one transaction.  SPI_OK, SPI_INVALID
 * (a row refused by the database: reported) or SPI_ERROR. */
static enum sp_import_result
rows_store(struct store *st, const struct sp_rows *rows, struct sp_import *out)
{
	const struct sp_row	*w = NULL;
	size_t			 i;
	int			 rc = 1;

	if (store_begin(st) < 0)
		return SPI_ERROR;
	for (i = 0; i < rows->n && rc == 1; i++) {
		w = &rows->v[i];
		rc = store_exec(st, ST_SP_UPSERT, "sssssssssss", w->v[C_ID],
		    w->v[C_CUSTOMER], w->v[C_NAME], w->v[C_REFERENCE],
		    w->v[C_CUSTREF], w->v[C_STATE], w->v[C_PROFILE], w->v[C_STREET],
		    w->v[C_POSTCODE], w->v[C_CITY], w->v[C_COUNTRY]);
	}
	if (rc == 1 && store_commit(st) == 0) {
		out->imported = rows->n;
		return SPI_OK;
	}
	store_rollback(st);
	if (rc == -2 && w != NULL && problem_add(out, w->line, "refused by the database "
	    "(constraint violated)") == 0)
		return SPI_INVALID;
	return SPI_ERROR;
}

enum sp_import_result
sp_import_csv(struct store *st, const char *text, size_t len, struct sp_import *out)
{
	struct sp_rows		rows = { 0 };
	enum sp_import_result	res;
	size_t			i;
	int			rc, bad = 0;

	memset(out, 0, sizeof(*out));
	if ((rc = rows_read(st, text, len, &rows, out)) < 0)
		goto fail;
	if (rc == 0 && rows_check_unique(&rows) < 0)
		goto fail;
	for (i = 0; i < rows.n; i++)
		bad |= rows.v[i].why.len > 0;
	if (rc > 0 || bad || out->n > 0) {
		if (rows_report(&rows, out) < 0)
			goto fail;
		rows_free(&rows);
		return SPI_INVALID;
	}
	res = rows_store(st, &rows, out);
	rows_free(&rows);
	if (res == SPI_OK)
		log_info("%zu service point(s) imported", out->imported);
	return res;
fail:
	log_err("service point import: out of memory or storage error");
	rows_free(&rows);
	sp_import_free(out);
	return SPI_ERROR;
}
