/*
 * import.h — CSV import of the operator's reference data: service points,
 * products, addresses.  One reader, checker and reporter for every kind;
 * a kind says its columns, the rules of one row and how to store it.
 *
 * The text is a header line naming the kind's columns (any order, each
 * once), then one record per object.  Every value is checked (valid UTF-8
 * without control characters, at most IMPORT_VALUE_MAX bytes), the first
 * column (the id) is required and unique in the file, then the kind's own
 * rules apply.  If any row is bad nothing is stored and every bad row is
 * reported with its line; otherwise every row is inserted or updated (by
 * id) in one transaction.
 *
 * Owns: the reader, checker and reporter of every kind, the import's
 * one transaction, the reference_history rows of every change (imports
 * and one-row edits: import_record(), import_retire()), the reasons and
 * their words.  Calls: csv, store, errors (a reason's placeholders),
 * i18n, log, util.  Never: knows a kind's columns or rules (the struct
 * import_kind given), nor stores a row of a file that has a bad one.
 */
#ifndef REQDESK_IMPORT_H
#define REQDESK_IMPORT_H

#include <stddef.h>

#include "store.h"
#include "util.h"

#define IMPORT_VALUE_MAX	200	/* bytes of one CSV value */
#define IMPORT_PROBLEMS_MAX	1000	/* bad rows kept for the report */

struct import_kind {
	const char		 *what;		/* "service points", for messages */
	const char		 *name;		/* "servicepoint": its history's kind */
	const char *const	 *columns;	/* header names; [0] is the id */
	size_t			  ncolumns;
	const char		 *header;	/* the columns joined by commas */
	/* Check one row: v[i] is column i's value, NULL when empty (a
	 * missing id is already reported).  Reasons go to `why` with
	 * import_why().  0, or -1 (storage or memory failure). */
	int	(*check)(struct store *st, char *const *v, struct buf *why);
	/* Store one checked row inside the import's transaction: 1, -2
	 * when the database refuses it (a constraint), -1 on failure. */
	int	(*store)(struct store *st, char *const *v);
	/* One row as its columns (store.h, enum record_col); and the
	 * statement that retires (?2 = 1) or restores (?2 = 0) row ?1 at
	 * time ?3, 0 rows when it already was. */
	enum stmt		  record, retire;
};

/* One refused row: its first line in the file and every reason. */
struct import_problem {
	size_t	 line;
	char	*reason;	/* owned; said with import_reason_text() */
};

/* The outcome of an import.  Zero it before use, import_free() after. */
struct import_report {
	struct import_problem	*v;	/* bad rows in line order, owned */
	size_t			 n, cap;
	size_t			 nbad;	/* bad rows in all (n is capped) */
	size_t			 imported;
};

enum import_result {
	IMPORT_OK,	/* every row stored; out->imported set */
	IMPORT_INVALID,	/* bad rows listed in out; nothing stored */
	IMPORT_ERROR,	/* storage or memory failure (logged); nothing stored */
	IMPORT_UNKNOWN,	/* import_record(): an edit of an id that does not exist */
};

/* What a change to a row was, as its history keeps it. */
enum import_action {
	IMPORT_IMPORTED,	/* by a CSV import */
	IMPORT_ADDED,		/* by the desk's forms */
	IMPORT_EDITED,
	IMPORT_RETIRED,
	IMPORT_RESTORED,
	IMPORT__ACTIONS
};

/* The action's name in reference_history ("imported"...). */
const char *import_action_name(enum import_action a);

/*
 * Import the CSV `text` (`len` bytes, borrowed) as rows of `k`, by user
 * `by` (NULL: the command line), each row's change kept in its history.
 */
enum import_result import_csv(struct store *st, const struct import_kind *k,
	const char *by, const char *text, size_t len, struct import_report *out);

/*
 * One row of `k` from the desk's forms: `v` holds k->ncolumns values
 * (NULL or "" for none; borrowed), checked as an import's row; `action`
 * IMPORT_ADDED (the id must be new) or IMPORT_EDITED (it must exist),
 * by user `by`.  IMPORT_OK (stored with its history), IMPORT_INVALID
 * (the reasons in out, at line 0; nothing stored), IMPORT_UNKNOWN (an
 * edit of an id that does not exist) or IMPORT_ERROR.
 */
enum import_result import_record(struct store *st, const struct import_kind *k, char *const *v,
	enum import_action action, const char *by, struct import_report *out);

/*
 * Row `id` of `k`: its k->ncolumns values into v (each owned, NULL for
 * none; free them with import_values_free) and whether it is retired.
 * 1, 0 (no such row: v all NULL) or -1.
 */
int  import_load(struct store *st, const struct import_kind *k, const char *id,
	char **v, int *retired);
void import_values_free(const struct import_kind *k, char **v);

/*
 * Retire (retired = 1) or restore (0) row `id` of `k`, by user `by`,
 * with its history, in one transaction.  1; 0 when there is no such row
 * or it already was; -1.
 */
int  import_retire(struct store *st, const struct import_kind *k, const char *id,
	int retired, const char *by);

/* Free what an import recorded; the report is zeroed again. */
void import_free(struct import_report *out);

/*
 * Add a reason to a row's reasons: `tpl` is an English text for people
 * marked for translation (N_), with {1}..{3} where a1..a3 go (NULL:
 * none; each cut to 64 bytes, control characters as "?").  Reasons are
 * kept in no language: import_reason_text() says them in one.  0 or -1
 * (memory).
 */
int  import_why(struct buf *why, const char *tpl, const char *a1,
	const char *a2, const char *a3);

/* A refused row's reasons (struct import_problem) in `lang` (a
 * language code; NULL: English, as the shell says them), joined by
 * "; ", into out (always NUL-terminated). */
void import_reason_text(const char *lang, const char *reason, char *out,
	size_t len);

/* Does customer `id` exist?  1, 0, or -1 (storage error).  For the
 * kinds' checks. */
int  import_customer_known(struct store *st, const char *id);

#endif
