/*
 * search.h — finding requests of both families by what people remember
 * of them (docs/SEARCH.md): one box matching ids and references, customer
 * names, sites, contacts, addresses and the text of replies (and, for the
 * operator, of internal notes), by word prefix, without case or accents.
 *
 * Owns: the reading of what was typed into a full-text query, and the
 * cross-family search.  The index itself is kept by storage (migration
 * 18: triggers in the transaction of every change).  Domain.  Calls:
 * store, util.  Never: reads outside the caller's scope.
 */
#ifndef REQDESK_SEARCH_H
#define REQDESK_SEARCH_H

#include <stddef.h>

struct store;
struct rows;
struct principal;

#define SEARCH_Q_MAX	200	/* bytes of what is typed */
#define SEARCH_WORDS_MAX 8	/* words of it that count */
#define SEARCH_EXPR_MAX	1024	/* bytes of the query made of it */
#define SEARCH_OFFSET_MAX SEARCH_COUNT_MAX	/* deepest result a page may start at */

/*
 * The FTS5 query of what `who` typed in `q`: every word a prefix, all
 * required, over what the caller may search (a customer's own documents;
 * internal notes for the operator only).  `out` holds SEARCH_EXPR_MAX
 * bytes.  Returns 1 with the query, 0 when `q` holds no word (nothing to
 * search: the caller lists as without q), -1 when `q` is too long or not
 * UTF-8.
 */
int  search_expr(const struct principal *who, const char *q, char *out, size_t len);

/* Which families a search covers. */
enum search_family { SEARCH_ALL, SEARCH_ORANGE, SEARCH_INTERNET };

/*
 * The requests the caller may see whose words match `expr` (from
 * search_expr), newest first: rows of enum search_col (store.h), or
 * NULL on error; *total the matches, counted up to SEARCH_COUNT_MAX
 * (store.h).
 */
struct rows *search_requests(struct store *st, const struct principal *who,
	const char *expr, enum search_family fam, long long offset, long long limit,
	long long *total);

#endif
