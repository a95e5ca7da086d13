/*
 * import.c — CSV import of reference data; contract in import.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "import.h"
#include "log.h"
#include "store.h"
#include "util.h"

/* One data row kept between checking and storing. */
struct row {
	size_t		 line;
	char		**v;		/* k->ncolumns values, owned; NULL when empty */
	struct buf	 why;		/* reasons, "; "-separated */
};

struct rows {
	const struct import_kind *k;
	struct row		*v;
	size_t			 n, cap;
};

int
import_why(struct buf *why, const char *fmt, ...)
{
	va_list	ap;
	char	text[512];

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (why->len > 0 && buf_puts(why, "; ") < 0)
		return -1;
	return buf_puts(why, text);
}

int
import_customer_known(struct store *st, const char *id)
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_CUSTOMER_GET, "s", id)) == NULL)
		return -1;
	rc = store_row(s);
	store_done(s);
	return rc;
}

/* Add a bad row to the report (kept up to IMPORT_PROBLEMS_MAX).
 * 0 or -1 (no memory). */
static int
problem_add(struct import_report *out, size_t line, const char *reason)
{
	struct import_problem	*v;

	out->nbad++;
	if (out->n == IMPORT_PROBLEMS_MAX)
		return 0;
	if ((v = array_room(out->v, out->n, &out->cap, sizeof(*v), 16)) == NULL)
		return -1;
	out->v = v;
	if ((out->v[out->n].reason = strdup(reason)) == NULL)
		return -1;
	out->v[out->n++].line = line;
	return 0;
}

void
import_free(struct import_report *out)
{
	size_t i;

	for (i = 0; i < out->n; i++)
		free(out->v[i].reason);
	free(out->v);
	memset(out, 0, sizeof(*out));
}

/* Free the rows and their values. */
static void
rows_free(struct rows *rows)
{
	size_t i, j;

	for (i = 0; i < rows->n; i++) {
		for (j = 0; rows->v[i].v != NULL && j < rows->k->ncolumns; j++)
			free(rows->v[i].v[j]);
		free(rows->v[i].v);
		buf_free(&rows->v[i].why);
	}
	free(rows->v);
	rows->v = NULL;
	rows->n = rows->cap = 0;
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
header_map(const struct import_kind *k, const struct csv_reader *c,
    int map[CSV_FIELDS_MAX], char *why, size_t whylen)
{
	int	seen[CSV_FIELDS_MAX] = { 0 };
	size_t	i, j;

	for (i = 0; i < c->nfields; i++) {
		for (j = 0; j < k->ncolumns; j++)
			if (strcmp(c->field[i], k->columns[j]) == 0)
				break;
		if (j == k->ncolumns) {
			snprintf(why, whylen, "unknown column '%.64s' in the header "
			    "(expected %s)", c->field[i], k->header);
			return -1;
		}
		if (seen[j]++) {
			snprintf(why, whylen, "column '%s' appears twice in the header",
			    k->columns[j]);
			return -1;
		}
		map[i] = (int)j;
	}
	for (j = 0; j < k->ncolumns; j++)
		if (!seen[j]) {
			snprintf(why, whylen, "column '%s' missing from the header "
			    "(expected %s)", k->columns[j], k->header);
			return -1;
		}
	return 0;
}

/* Append a row for the record at `c`, mapped by `map`.  0 or -1. */
static int
row_add(struct rows *rows, const struct csv_reader *c, const int map[])
{
	const struct import_kind	*k = rows->k;
	struct row			*row, *v;
	size_t				 i;

	if ((v = array_room(rows->v, rows->n, &rows->cap, sizeof(*v), 64)) == NULL)
		return -1;
	rows->v = v;
	row = &rows->v[rows->n++];
	memset(row, 0, sizeof(*row));
	row->line = c->line_no;
	if ((row->v = calloc(k->ncolumns, sizeof(*row->v))) == NULL)
		return -1;
	if (c->nfields != k->ncolumns)
		return buf_printf(&row->why, "%zu fields, expected %zu (%s)",
		    c->nfields, k->ncolumns, k->header) < 0 ? -1 : 0;
	for (i = 0; i < c->nfields; i++)
		if (c->field[i][0] != '\0' &&
		    (row->v[map[i]] = strdup(c->field[i])) == NULL)
			return -1;
	return 0;
}

/* The checks every kind shares, then the kind's.  0 or -1. */
static int
row_check(struct store *st, const struct import_kind *k, struct row *row)
{
	size_t	i;
	int	rc = 0;

	for (i = 0; i < k->ncolumns; i++)
		if (row->v[i] != NULL && (!clean_text(row->v[i]) ||
		    strlen(row->v[i]) > IMPORT_VALUE_MAX))
			rc |= import_why(&row->why, "'%s' must be UTF-8 text of at "
			    "most %d bytes without control characters",
			    k->columns[i], IMPORT_VALUE_MAX);
	if (row->v[0] == NULL)
		rc |= import_why(&row->why, "missing %s", k->columns[0]);
	return k->check(st, row->v, &row->why) < 0 || rc < 0 ? -1 : 0;
}

/* Order of row pointers by id, then line. */
static int
by_id(const void *a, const void *b)
{
	const struct row	*x = *(const struct row *const *)a;
	const struct row	*y = *(const struct row *const *)b;
	int			 c = strcmp(x->v[0], y->v[0]);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

/* Mark every row whose id appeared on an earlier row.  0 or -1. */
static int
rows_check_unique(struct rows *rows)
{
	struct row	**idx;
	size_t		  i, n = 0, first = 0;
	int		  rc = 0;

	if ((idx = calloc(rows->n + 1, sizeof(*idx))) == NULL)
		return -1;
	for (i = 0; i < rows->n; i++)
		if (rows->v[i].v[0] != NULL)
			idx[n++] = &rows->v[i];
	qsort(idx, n, sizeof(*idx), by_id);
	for (i = 1; i < n && rc == 0; i++) {
		if (strcmp(idx[i]->v[0], idx[i - 1]->v[0]) != 0) {
			first = i;
			continue;
		}
		rc = import_why(&idx[i]->why, "duplicate %s '%.64s' (first on line %zu)",
		    rows->k->columns[0], idx[i]->v[0], idx[first]->line);
	}
	free(idx);
	return rc;
}

/* Parse the whole text into rows (header checked).  0; 1 when the file
 * itself is unusable (reported in out); -1 on failure. */
static int
rows_read(struct store *st, const char *text, size_t len, struct rows *rows,
    struct import_report *out)
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
			if (header_map(rows->k, &c, map, why, sizeof(why)) < 0)
				res = problem_add(out, c.line_no, why) < 0 ? -1 : 1;
		} else if (row_add(rows, &c, map) < 0 ||
		    (rows->v[rows->n - 1].why.len == 0 &&
		    row_check(st, rows->k, &rows->v[rows->n - 1]) < 0))
			res = -1;
	}
	csv_free(&c);
	if (res == 0 && header) {
		snprintf(why, sizeof(why), "empty file: the first line must be the "
		    "header %s", rows->k->header);
		res = problem_add(out, 1, why) < 0 ? -1 : 1;
	}
	return res;
}

/* Move the reasons of bad rows into out, merged in line order with the
 * syntax errors already there.  0 or -1. */
static int
rows_report(const struct rows *rows, struct import_report *out)
{
	struct import_report	 merged = { 0 };
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
	import_free(out);
	*out = merged;
	return rc;
}

/* Insert or update every row in one transaction.  IMPORT_OK,
 * IMPORT_INVALID (a row refused by the database: reported) or
 * IMPORT_ERROR. */
static enum import_result
rows_store(struct store *st, const struct rows *rows, struct import_report *out)
{
	const struct row	*w = NULL;
	size_t			 i;
	int			 rc = 1;

	if (store_begin(st) < 0)
		return IMPORT_ERROR;
	for (i = 0; i < rows->n && rc == 1; i++) {
		w = &rows->v[i];
		rc = rows->k->store(st, w->v);
	}
	if (rc == 1 && store_commit(st) == 0) {
		out->imported = rows->n;
		return IMPORT_OK;
	}
	store_rollback(st);
	if (rc == -2 && w != NULL && problem_add(out, w->line, "refused by the database "
	    "(constraint violated)") == 0)
		return IMPORT_INVALID;
	return IMPORT_ERROR;
}

enum import_result
import_csv(struct store *st, const struct import_kind *k, const char *text,
    size_t len, struct import_report *out)
{
	struct rows		rows = { .k = k };
	enum import_result	res;
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
		return IMPORT_INVALID;
	}
	res = rows_store(st, &rows, out);
	rows_free(&rows);
	if (res == IMPORT_OK)
		log_info("%zu %s imported", out->imported, k->what);
	return res;
fail:
	log_err("%s import: out of memory or storage error", k->what);
	rows_free(&rows);
	import_free(out);
	return IMPORT_ERROR;
}
