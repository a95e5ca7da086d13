/*
 * csv.c — RFC 4180 reader; see csv.h.
 */
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "i18n.h"
#include "util.h"

void
csv_init(struct csv_reader *c, const char *text, size_t len)
{
	memset(c, 0, sizeof(*c));
	c->p = text;
	c->end = text + len;
	c->line = 1;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		c->p += 3;
}

void
csv_free(struct csv_reader *c)
{
	buf_free(&c->text);
	c->nfields = 0;
}

/* Does the input at c->p end the record (LF or CRLF)? */
static int
at_eol(const struct csv_reader *c)
{
	return *c->p == '\n' ||
	    (*c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n');
}

/* Step over the line break at c->p. */
static void
skip_eol(struct csv_reader *c)
{
	if (*c->p == '\r')
		c->p++;
	c->p++;
	c->line++;
}

/* Refuse the record: `tpl` (a text for people, {1} the number `n` when
 * not negative) as error_tpl, and in English as error.  -1. */
static int
fail(struct csv_reader *c, const char *tpl, long n)
{
	c->error_tpl = tpl;
	c->error_arg[0] = '\0';
	if (n >= 0)
		snprintf(c->error_arg, sizeof(c->error_arg), "%ld", n);
	tr_fill(c->error, sizeof(c->error), tpl, c->error_arg, NULL);
	return -1;
}

/* Append one byte of a field.  0, -1 (error set) or -2 (no memory). */
static int
put(struct csv_reader *c, char ch, size_t start)
{
	if (ch == '\0') {
		return fail(c, N_("NUL byte in a field"), -1);
	}
	if (c->text.len - start >= CSV_FIELD_LEN_MAX) {
		return fail(c, N_("field longer than {1} bytes"), CSV_FIELD_LEN_MAX);
	}
	return buf_append(&c->text, &ch, 1) < 0 ? -2 : 0;
}

/* Read a field enclosed in quotes, c->p on the opening quote.  0, -1, -2. */
static int
read_quoted(struct csv_reader *c, size_t start)
{
	int rc;

	for (c->p++; ; c->p++) {
		if (c->p >= c->end) {
			return fail(c, N_("quoted field not closed before the end of "
			    "the file"), -1);
		}
		if (*c->p == '"') {
			if (c->p + 1 < c->end && c->p[1] == '"') {
				c->p++;
			} else {
				c->p++;
				break;
			}
		} else if (*c->p == '\n')
			c->line++;
		if ((rc = put(c, *c->p, start)) != 0)
			return rc;
	}
	if (c->p < c->end && *c->p != ',' && !at_eol(c)) {
		return fail(c, N_("unexpected text after a closing quote"), -1);
	}
	return 0;
}

/* Read a field not enclosed in quotes.  0, -1, -2. */
static int
read_plain(struct csv_reader *c, size_t start)
{
	int rc;

	for (; c->p < c->end && *c->p != ',' && !at_eol(c); c->p++) {
		if (*c->p == '"') {
			return fail(c, N_("quote inside a field that does not start "
			    "with a quote (write it as \"\" inside a quoted field)"), -1);
		}
		if ((rc = put(c, *c->p, start)) != 0)
			return rc;
	}
	return 0;
}

/* Read the fields of one record into c->text.  0, -1, -2. */
static int
read_record(struct csv_reader *c)
{
	size_t	start;
	int	rc;

	for (;;) {
		if (c->nfields == CSV_FIELDS_MAX) {
			return fail(c, N_("more than {1} fields"), CSV_FIELDS_MAX);
		}
		start = c->starts[c->nfields] = c->text.len;
		rc = c->p < c->end && *c->p == '"' ? read_quoted(c, start) :
		    read_plain(c, start);
		if (rc != 0)
			return rc;
		if (buf_append(&c->text, "", 1) < 0)	/* the field's NUL */
			return -2;
		c->nfields++;
		if (c->p >= c->end)
			return 0;
		if (*c->p == ',') {
			c->p++;
			continue;
		}
		skip_eol(c);
		return 0;
	}
}

int
csv_next(struct csv_reader *c)
{
	size_t	i;
	int	rc;

	c->nfields = 0;
	c->error[0] = '\0';
	c->error_tpl = NULL;
	c->error_arg[0] = '\0';
	c->text.len = 0;
	while (c->p < c->end && at_eol(c))	/* empty lines */
		skip_eol(c);
	if (c->p >= c->end)
		return 0;
	c->line_no = c->line;
	if ((rc = read_record(c)) != 0) {
		c->nfields = 0;
		if (rc == -1)	/* resume on the next line */
			while (c->p < c->end)
				if (*c->p++ == '\n') {
					c->line++;
					break;
				}
		return rc;
	}
	for (i = 0; i < c->nfields; i++)
		c->field[i] = c->text.data + c->starts[i];
	return 1;
}
