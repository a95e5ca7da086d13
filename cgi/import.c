/*
 * import.c — CSV import of reference data; contract in import.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "csv.h"
#include "errors.h"
#include "i18n.h"
#include "import.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "writer.h"

/* One data row kept between checking and storing. */
struct row {
	size_t		 line;
	char		**v;		/* k->ncolumns values, owned; NULL when empty */
	struct buf	 why;		/* reasons, "; "-separated */
};

struct rows {
	const struct import_kind *k;
	const char		*by;		/* the user importing, or NULL */
	enum import_action	 action;
	struct row		*v;
	size_t			 n, cap;
};

static const char *const action_names[IMPORT__ACTIONS] = {
	"imported", "added", "edited", "retired", "restored",
};

const char *
import_action_name(enum import_action a)
{
	return a < IMPORT__ACTIONS ? action_names[a] : "edited";
}

/*
 * A reason is kept as its template and words, each ended by a unit
 * separator (0x1f), the reason by a record separator (0x1e): one import
 * checked once, said in the language of whoever reads the report.
 */
#define IMPORT_US	'\x1f'
#define IMPORT_RS	'\x1e'
#define IMPORT_ARG_MAX	64	/* bytes of a word of a reason */

/* Append `a` as one word of a reason. */
static int
why_word(struct buf *why, const char *a)
{
	char	word[IMPORT_ARG_MAX + 1];
	size_t	i;

	snprintf(word, sizeof(word), "%s", a != NULL ? a : "");
	for (i = 0; word[i] != '\0'; i++)
		if ((unsigned char)word[i] < 0x20 || word[i] == 0x7f)
			word[i] = '?';
	return buf_puts(why, word) < 0 || buf_append(why, "\x1f", 1) < 0 ? -1 : 0;
}

int
import_why(struct buf *why, const char *tpl, const char *a1, const char *a2,
    const char *a3)
{
	return buf_puts(why, tpl) < 0 || buf_append(why, "\x1f", 1) < 0 ||
	    why_word(why, a1) < 0 || why_word(why, a2) < 0 || why_word(why, a3) < 0 ||
	    buf_append(why, "\x1e", 1) < 0 ? -1 : 0;
}

void
import_reason_text(const char *lang, const char *reason, char *out, size_t len)
{
	const char	*p = reason, *end, *part[4];
	char		*piece[4] = { NULL, NULL, NULL, NULL }, *text;
	size_t		 used = 0, i, n;

	out[0] = '\0';
	while (p != NULL && *p != '\0') {
		if ((end = strchr(p, IMPORT_RS)) == NULL)
			end = p + strlen(p);
		for (i = 0; i < 4; i++) {
			part[i] = p;
			while (p < end && *p != IMPORT_US)
				p++;
			free(piece[i]);
			piece[i] = strndup(part[i], (size_t)(p - part[i]));
			if (p < end)
				p++;
		}
		text = piece[0] != NULL ? errors_fill(tr(lang, piece[0]),
		    (const char *const[3]){ piece[1], piece[2], piece[3] }) : NULL;
		n = snprintf(out + used, len - used, "%s%s", used > 0 ? "; " : "",
		    text != NULL ? text : "");
		used = used + n < len ? used + n : len - 1;
		free(text);
		p = *end != '\0' ? end + 1 : end;
	}
	for (i = 0; i < 4; i++)
		free(piece[i]);
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
 * Returns 0, -1 with the reason in `why`, or -2 (memory).
 */
static int
header_map(const struct import_kind *k, const struct csv_reader *c,
    int map[CSV_FIELDS_MAX], struct buf *why)
{
	int	seen[CSV_FIELDS_MAX] = { 0 };
	size_t	i, j;

	for (i = 0; i < c->nfields; i++) {
		for (j = 0; j < k->ncolumns; j++)
			if (strcmp(c->field[i], k->columns[j]) == 0)
				break;
		if (j == k->ncolumns)
			return import_why(why, N_("unknown column '{1}' in the header "
			    "(expected {2})"), c->field[i], k->header, NULL) < 0 ? -2 : -1;
		if (seen[j]++)
			return import_why(why, N_("column '{1}' appears twice in the "
			    "header"), k->columns[j], NULL, NULL) < 0 ? -2 : -1;
		map[i] = (int)j;
	}
	for (j = 0; j < k->ncolumns; j++)
		if (!seen[j])
			return import_why(why, N_("column '{1}' missing from the header "
			    "(expected {2})"), k->columns[j], k->header, NULL) < 0 ? -2 : -1;
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
	if (c->nfields != k->ncolumns) {
		char got[24], want[24];

		snprintf(got, sizeof(got), "%zu", c->nfields);
		snprintf(want, sizeof(want), "%zu", k->ncolumns);
		return import_why(&row->why, N_("{1} fields, expected {2} ({3})"), got,
		    want, k->header);
	}
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

	char	max[24];

	snprintf(max, sizeof(max), "%d", IMPORT_VALUE_MAX);
	for (i = 0; i < k->ncolumns; i++)
		if (row->v[i] != NULL && (!clean_text(row->v[i]) ||
		    strlen(row->v[i]) > IMPORT_VALUE_MAX))
			rc |= import_why(&row->why, N_("'{1}' must be UTF-8 text of "
			    "at most {2} bytes without control characters"),
			    k->columns[i], max, NULL);
	if (row->v[0] == NULL)
		rc |= import_why(&row->why, N_("missing {1}"), k->columns[0], NULL, NULL);
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
	char		  line[24];
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
		snprintf(line, sizeof(line), "%zu", idx[first]->line);
		rc = import_why(&idx[i]->why, N_("duplicate {1} '{2}' (first on line {3})"),
		    rows->k->columns[0], idx[i]->v[0], line);
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
	struct buf		 why = { 0 };
	int			 map[CSV_FIELDS_MAX], rc, header = 1, res = 0;

	csv_init(&c, text, len);
	while (res == 0 && (rc = csv_next(&c)) != 0) {
		if (rc == -2) {
			res = -1;
		} else if (rc == -1) {
			why.len = 0;
			res = import_why(&why, c.error_tpl, c.error_arg, NULL, NULL) < 0 ||
			    problem_add(out, c.line_no, why.data) < 0 ? -1 : 0;
			if (header)
				res = res < 0 ? -1 : 1;
		} else if (header) {
			header = 0;
			why.len = 0;
			if ((rc = header_map(rows->k, &c, map, &why)) < 0)
				res = rc == -2 || problem_add(out, c.line_no, why.data) < 0 ?
				    -1 : 1;
		} else if (row_add(rows, &c, map) < 0 ||
		    (rows->v[rows->n - 1].why.len == 0 &&
		    row_check(st, rows->k, &rows->v[rows->n - 1]) < 0))
			res = -1;
	}
	csv_free(&c);
	if (res == 0 && header) {
		why.len = 0;
		res = import_why(&why, N_("empty file: the first line must be the "
		    "header {1}"), rows->k->header, NULL, NULL) < 0 ||
		    problem_add(out, 1, why.data) < 0 ? -1 : 1;
	}
	buf_free(&why);
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

/* Keep what row `id` of `k` is now (read back as stored) as a change of
 * its history, inside the caller's transaction.  0 or -1. */
static int
history_add(struct store *st, const struct import_kind *k, const char *id,
    enum import_action action, const char *by, const char *now)
{
	json_t	*rec;
	char	**v, *text = NULL;
	size_t	  i;
	int	  retired, rc = -1;

	if ((v = calloc(k->ncolumns, sizeof(*v))) == NULL)
		return -1;
	if (import_load(st, k, id, v, &retired) == 1 && (rec = json_object()) != NULL) {
		for (i = 0; i < k->ncolumns; i++)
			if (v[i] != NULL)
				json_object_set_new(rec, k->columns[i], json_string(v[i]));
		if (retired)
			json_object_set_new(rec, "retired", json_true());
		text = json_dumps(rec, JSON_COMPACT | JSON_SORT_KEYS);
		json_decref(rec);
	}
	if (text != NULL && store_exec(st, ST_REF_HISTORY_ADD, "ssssss", k->name, id,
	    import_action_name(action), by, now, text) == 1)
		rc = 0;
	free(text);
	import_values_free(k, v);
	free(v);
	return rc;
}

/* The rows of an import, and the one the database refused. */
struct rows_unit {
	const struct rows	*rows;
	const struct row	*refused;
};

/* write_fn: every row with its history entry.  0, -2 (a row refused by
 * the database: u->refused), or -1. */
static int
rows_unit(struct store *st, void *arg)
{
	struct rows_unit	*u = arg;
	const struct rows	*rows = u->rows;
	size_t			 i;
	char			 now[32];
	int			 rc;

	now_iso(now);
	u->refused = NULL;
	for (i = 0; i < rows->n; i++) {
		if ((rc = rows->k->store(st, rows->v[i].v)) != 1) {
			if (rc == -2)
				u->refused = &rows->v[i];
			return rc == -2 ? -2 : -1;
		}
		if (history_add(st, rows->k, rows->v[i].v[0], rows->action, rows->by,
		    now) < 0)
			return -1;
	}
	return 0;
}

/* Insert or update every row in one transaction.  IMPORT_OK,
 * IMPORT_INVALID (a row refused by the database: reported) or
 * IMPORT_ERROR. */
static enum import_result
rows_store(struct store *st, const struct rows *rows, struct import_report *out)
{
	struct rows_unit	u = { .rows = rows };
	int			rc = store_write(st, rows_unit, &u);

	if (rc == 0) {
		out->imported = rows->n;
		return IMPORT_OK;
	}
	if (rc == -2 && u.refused != NULL && problem_add(out, u.refused->line,
	    "refused by the database (constraint violated)") == 0)
		return IMPORT_INVALID;
	return IMPORT_ERROR;
}

enum import_result
import_csv(struct store *st, const struct import_kind *k, const char *by,
    const char *text, size_t len, struct import_report *out)
{
	struct rows		rows = { .k = k, .by = by, .action = IMPORT_IMPORTED };
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

int
import_load(struct store *st, const struct import_kind *k, const char *id,
    char **v, int *retired)
{
	struct rows	*s;
	size_t		 i;
	int		 rc;

	memset(v, 0, k->ncolumns * sizeof(*v));
	*retired = 0;
	if ((s = store_query(st, k->record, "s", id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		*retired = store_int(s, REC_RETIRED) != 0;
		for (i = 0; i < k->ncolumns && rc == 1; i++)
			if (store_text(s, REC_VALUE + (int)i) != NULL &&
			    (v[i] = strdup(store_text(s, REC_VALUE + (int)i))) == NULL)
				rc = -1;
	}
	store_done(s);
	if (rc < 0)
		import_values_free(k, v);
	return rc;
}

void
import_values_free(const struct import_kind *k, char **v)
{
	size_t i;

	for (i = 0; v != NULL && i < k->ncolumns; i++) {
		free(v[i]);
		v[i] = NULL;
	}
}

enum import_result
import_record(struct store *st, const struct import_kind *k, char *const *v,
    enum import_action action, const char *by, struct import_report *out)
{
	struct rows		 rows = { .k = k, .by = by, .action = action };
	struct row		*row;
	enum import_result	 res = IMPORT_ERROR;
	char			**old = NULL;
	size_t			 i;
	int			 found, retired;

	memset(out, 0, sizeof(*out));
	if ((row = calloc(1, sizeof(*row))) == NULL ||
	    (row->v = calloc(k->ncolumns, sizeof(*row->v))) == NULL ||
	    (old = calloc(k->ncolumns, sizeof(*old))) == NULL)
		goto done;
	rows.v = row;
	rows.n = rows.cap = 1;
	row = NULL;
	for (i = 0; i < k->ncolumns; i++)
		if (v[i] != NULL && v[i][0] != '\0' &&
		    (rows.v[0].v[i] = strdup(v[i])) == NULL)
			goto done;
	if (row_check(st, k, &rows.v[0]) < 0)
		goto done;
	found = rows.v[0].v[0] != NULL ?
	    import_load(st, k, rows.v[0].v[0], old, &retired) : 0;
	if (found < 0)
		goto done;
	if (action != IMPORT_ADDED && !found) {
		res = IMPORT_UNKNOWN;
		goto done;
	}
	if (action == IMPORT_ADDED && found &&
	    import_why(&rows.v[0].why, N_("{1} '{2}' is taken already"),
	    k->columns[0], rows.v[0].v[0], NULL) < 0)
		goto done;
	if (rows.v[0].why.len > 0) {
		res = rows_report(&rows, out) == 0 ? IMPORT_INVALID : IMPORT_ERROR;
		goto done;
	}
	res = rows_store(st, &rows, out);
done:
	if (res == IMPORT_ERROR)
		log_err("%s: a row from a form not stored (memory or storage)", k->what);
	if (row != NULL) {
		free(row->v);
		free(row);
	}
	import_values_free(k, old);
	free(old);
	rows_free(&rows);
	return res;
}

/* A record retired or restored, by whom. */
struct retire {
	const struct import_kind *k;
	const char		*id, *by;
	int			 retired;
};

/* write_fn: the flag and its history entry.  0, 1 (no such record, or
 * already so), -1. */
static int
retire_unit(struct store *st, void *arg)
{
	const struct retire	*a = arg;
	char			 now[32];
	int			 rc;

	now_iso(now);
	if ((rc = store_exec(st, a->k->retire, "sis", a->id, a->retired, now)) != 1)
		return rc == 0 ? 1 : -1;
	return history_add(st, a->k, a->id, a->retired ? IMPORT_RETIRED :
	    IMPORT_RESTORED, a->by, now) < 0 ? -1 : 0;
}

int
import_retire(struct store *st, const struct import_kind *k, const char *id,
    int retired, const char *by)
{
	struct retire	a = { .k = k, .id = id, .by = by, .retired = retired };
	int		rc = store_write(st, retire_unit, &a);

	return rc == 0 ? 1 : rc == 1 ? 0 : -1;
}
