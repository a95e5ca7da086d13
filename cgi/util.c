/*
 * util.c — buffers, random ids, clock.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include <sodium.h>

#include "util.h"

int
buf_append(struct buf *b, const char *s, size_t n)
{
	char	*p;
	size_t	 cap;

	if (b->len + n + 1 > b->cap) {
		cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		if ((p = realloc(b->data, cap)) == NULL)
			return -1;
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int
buf_puts(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

int
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	 small[512], *big;
	int	 n, rc;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n < sizeof(small))
		return buf_append(b, small, (size_t)n);
	if ((big = malloc((size_t)n + 1)) == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	rc = buf_append(b, big, (size_t)n);
	free(big);
	return rc;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int
random_hex(char *out, size_t n)
{
	unsigned char raw[64];

	if (n > sizeof(raw))
		return -1;
	randombytes_buf(raw, n);
	sodium_bin2hex(out, 2 * n + 1, raw, n);
	sodium_memzero(raw, sizeof(raw));
	return 0;
}

int
new_object_id(char out[25])
{
	struct timeval	tv;
	uint64_t	ms;

	gettimeofday(&tv, NULL);
	ms = (uint64_t)tv.tv_sec * 1000 + (uint64_t)tv.tv_usec / 1000;
	snprintf(out, 13, "%012" PRIx64, ms & UINT64_C(0xffffffffffff));
	return random_hex(out + 12, 6);
}

time_t
now_epoch(void)
{
	return time(NULL);
}

void
now_iso(char out[32])
{
	struct timeval	tv;
	struct tm	tm;
	char		base[24];

	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	strftime(base, sizeof(base), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out, 32, "%.19s.%03dZ", base, (int)(tv.tv_usec / 1000) % 1000);
}

int
is_hex(const char *s, size_t n)
{
	size_t i;

	if (s == NULL || strlen(s) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

void *
array_room(void *v, size_t n, size_t *cap, size_t size, size_t first)
{
	size_t	 want;

	if (n < *cap)
		return v;
	if (*cap == 0)
		want = first;
	else if (*cap <= SIZE_MAX / 2)
		want = *cap * 2;
	else
		return NULL;
	if (want > SIZE_MAX / size || (v = realloc(v, want * size)) == NULL)
		return NULL;
	*cap = want;
	return v;
}

size_t
utf8_chars(const char *s, size_t n)
{
	size_t i, chars = 0;

	for (i = 0; i < n; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	return chars;
}

size_t
utf8_valid_prefix(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n, k;
	unsigned long		 cp;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] >= 0xC2 && p[i] <= 0xDF)
			n = 1;		/* continuation bytes that follow */
		else if (p[i] >= 0xE0 && p[i] <= 0xEF)
			n = 2;
		else if (p[i] >= 0xF0 && p[i] <= 0xF4)
			n = 3;
		else
			break;
		if (n >= len - i)
			break;		/* cut before its end */
		cp = p[i] & (0x3F >> n);
		for (k = 1; k <= n; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (p[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			break;
		i += n + 1;
	}
	return i;
}

size_t
utf8_valid_len(const char *s)
{
	return utf8_valid_prefix(s, strlen(s));
}

char *
xstrdup(const char *s)
{
	return s == NULL ? NULL : strdup(s);
}

int
mail_address_valid(const char *a)
{
	const char	*at, *p;
	size_t		 len;

	if (a == NULL || (len = strlen(a)) == 0 || len > MAIL_ADDRESS_MAX)
		return 0;
	for (p = a; *p; p++)
		if ((unsigned char)*p <= ' ' || strchr("<>(),;:\\\"[]", *p) != NULL)
			return 0;
	if ((at = strchr(a, '@')) == NULL || at == a || strchr(at + 1, '@') != NULL)
		return 0;
	/* a domain with a dot, or a bare host (localhost) */
	return at[1] != '\0' && at[1] != '.' && a[len - 1] != '.';
}

size_t
edit_distance(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i, j, prev, cur, best;
	size_t	row[EDIT_NAME_MAX];

	if (la >= EDIT_NAME_MAX || lb >= EDIT_NAME_MAX)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			cur = row[j];
			best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}
