/*
 * csv.h — a reader of comma-separated values (RFC 4180) held in memory.
 *
 * Fields are separated by commas and records by CRLF or LF.  A field may
 * be enclosed in double quotes; it may then hold commas, line breaks and
 * quotes written twice ("" stands for one ").  A quote inside a field
 * that is not enclosed in quotes, text after a closing quote, an
 * unterminated quoted field and a NUL byte are errors.  A UTF-8 byte
 * order mark at the start is skipped, and so are empty lines.
 *
 * Usage:
 *	struct csv_reader c;
 *	csv_init(&c, text, len);
 *	while ((rc = csv_next(&c)) != 0) {
 *		if (rc == -2) break;			// out of memory
 *		if (rc == -1) { report(c.line_no, c.error); continue; }
 *		use(c.field, c.nfields, c.line_no);
 *	}
 *	csv_free(&c);
 *
 * Owns: the reader's state and the text of the record it lends (valid
 * until the next csv_next()).  Calls: i18n (the error's words), util
 * (buffers).  Never: allocates per field, or reads past the text it is
 * given; knows nothing of columns or of what a record means (import.c).
 */
#ifndef REQDESK_CSV_H
#define REQDESK_CSV_H

#include <stddef.h>

#include "util.h"

#define CSV_FIELDS_MAX		64	/* fields per record */
#define CSV_FIELD_LEN_MAX	65536	/* bytes per field */

struct csv_reader {
	const char	*p, *end;	/* what is left of the input (borrowed) */
	size_t		 line;		/* line number of p, from 1 */
	struct buf	 text;		/* the record's fields, each NUL-terminated */
	size_t		 starts[CSV_FIELDS_MAX];
	/* the last record read by csv_next(): */
	const char	*field[CSV_FIELDS_MAX];	/* borrowed until the next call */
	size_t		 nfields;
	size_t		 line_no;	/* line on which the record starts */
	char		 error[160];	/* why the last record was refused */
	const char	*error_tpl;	/* the same, a template for people (N_,
					 * {1} the number in it), static */
	char		 error_arg[24];	/* that number, or "" */
};

/* Start reading the `len` bytes at `text`, which must outlive the reader. */
void csv_init(struct csv_reader *c, const char *text, size_t len);

/*
 * Read the next record.  Returns 1 with c->field[0 .. c->nfields - 1]
 * and c->line_no set; 0 at the end of the input; -1 when the record is
 * malformed (c->error says why, c->line_no where; reading resumes at the
 * next line, so later records can still be checked); -2 when memory
 * runs out.
 */
int  csv_next(struct csv_reader *c);

/* Release the reader's memory (the input is not touched).  The reader
 * may be freed any number of times. */
void csv_free(struct csv_reader *c);

#endif
