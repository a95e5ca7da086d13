/*
 * search.c — full-text search of requests; contract in search.h.
 *
 * What is typed is never handed to FTS5 as it is (its syntax has
 * operators, columns and quotes): it is cut into words at every character
 * that is neither a letter nor a digit, exactly as the index's tokenizer
 * (unicode61) cuts the documents, and each word becomes a quoted prefix.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "search.h"
#include "store.h"
#include "util.h"

/* Is byte `c` part of a word?  ASCII letters and digits, and every byte
 * of a multi-byte character (unicode61 keeps letters and digits of any
 * script; the rest of Unicode's punctuation is rare in what people type,
 * and a separator kept in a word only makes that word find less). */
static int
word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Append to `b` of `len` bytes at *n; 0, or -1 when it does not fit. */
static int
put(char *b, size_t len, size_t *n, const char *s, size_t slen)
{
	if (*n + slen + 1 > len)
		return -1;
	memcpy(b + *n, s, slen);
	*n += slen;
	b[*n] = '\0';
	return 0;
}

/* The customer's scope token, as migration 18 writes it: "c" and the
 * hexadecimal of the id. */
static int
scope_token(const char *customer_id, char *out, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, n = 0;

	if (len < 2)
		return -1;
	out[n++] = 'c';
	for (i = 0; customer_id[i] != '\0'; i++) {
		if (n + 3 > len)
			return -1;
		out[n++] = hex[(unsigned char)customer_id[i] >> 4];
		out[n++] = hex[(unsigned char)customer_id[i] & 15];
	}
	out[n] = '\0';
	return 0;
}

int
search_expr(const struct principal *who, const char *q, char *out, size_t len)
{
	const unsigned char	*p;
	char			 tok[160];
	size_t			 n = 0, words = 0, wlen;
	int			 customer;

	out[0] = '\0';
	if (q == NULL)
		return 0;
	if (strlen(q) > SEARCH_Q_MAX || utf8_valid_len(q) != strlen(q))
		return -1;
	/* Customer staff search their customer's documents alone (resellers
	 * and the operator are bounded by the SQL's scope). */
	customer = who->level != LVL_ADMIN && who->reseller_id == NULL &&
	    who->customer_id != NULL;
	if (customer) {
		if (scope_token(who->customer_id, tok, sizeof(tok)) < 0 ||
		    put(out, len, &n, "scope : \"", 9) < 0 ||
		    put(out, len, &n, tok, strlen(tok)) < 0 ||
		    put(out, len, &n, "\" AND ", 6) < 0)
			return -1;
	}
	if (who->level == LVL_ADMIN) {
		if (put(out, len, &n, "{words notes internal} : (", 26) < 0)
			return -1;
	} else if (put(out, len, &n, "{words notes} : (", 17) < 0)
		return -1;
	for (p = (const unsigned char *)q; *p != '\0' && words < SEARCH_WORDS_MAX; ) {
		while (*p != '\0' && !word_byte(*p))
			p++;
		for (wlen = 0; word_byte(p[wlen]); wlen++)
			continue;
		if (wlen == 0)
			break;
		if (wlen > 64)
			wlen = 64;
		while (wlen > 0 && (p[wlen] & 0xc0) == 0x80)
			wlen--;		/* never cut a character */
		if ((words > 0 && put(out, len, &n, " ", 1) < 0) ||
		    put(out, len, &n, "\"", 1) < 0 ||
		    put(out, len, &n, (const char *)p, wlen) < 0 ||
		    put(out, len, &n, "\"*", 2) < 0)
			return -1;
		words++;
		while (word_byte(*p))
			p++;	/* the rest of a word cut at 64 bytes */
	}
	if (words == 0) {
		out[0] = '\0';
		return 0;
	}
	if (put(out, len, &n, ")", 1) < 0)
		return -1;
	return 1;
}

static const char *const family_names[] = { NULL, "orange", "internet" };

struct rows *
search_requests(struct store *st, const struct principal *who, const char *expr,
    enum search_family fam, long long offset, long long limit, long long *total)
{
	struct rows *s;

	*total = 0;
	if ((s = store_query(st, ST_SEARCH_COUNT, "issss", SCOPE_ARGS(who), expr,
	    family_names[fam])) == NULL)
		return NULL;
	if (store_row(s) == 1)
		*total = store_int(s, COUNT_N);
	store_done(s);
	return store_query(st, ST_SEARCH, "issssII", SCOPE_ARGS(who), expr,
	    family_names[fam], limit, offset);
}
