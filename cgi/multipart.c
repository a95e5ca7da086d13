/*
 * multipart.c — multipart/form-data bodies (RFC 7578, RFC 2046 5.1.1);
 * contract in multipart.h.
 *
 * The body is: an optional preamble, then "--BOUNDARY" CRLF, each part's
 * header block ending at an empty line, its content, and CRLF
 * "--BOUNDARY" again, the last one followed by "--".  Browsers send
 * Content-Disposition: form-data; name="..."; filename="..." with quotes
 * and backslashes of the names escaped as %22 and %5C or with a backslash;
 * both are read.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "multipart.h"
#include "util.h"

#define BOUNDARY_MAX	70	/* RFC 2046 */

/* memmem() without _GNU_SOURCE. */
static const char *
find(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	const char *p, *end;

	if (nlen == 0 || hlen < nlen)
		return NULL;
	end = hay + hlen - nlen;
	for (p = hay; p <= end; p++) {
		p = memchr(p, needle[0], (size_t)(end - p) + 1);
		if (p == NULL)
			return NULL;
		if (memcmp(p, needle, nlen) == 0)
			return p;
	}
	return NULL;
}

/* The value of parameter `key` in a header value such as
 * `form-data; name="a"; filename="b"`, unquoted, as a new string; NULL
 * when absent (or out of memory: *nomem set). */
static char *
param(const char *h, size_t hlen, const char *key, int *nomem)
{
	const char	*p = h, *end = h + hlen;
	size_t		 klen = strlen(key);
	struct buf	 v = { 0 };

	while (p < end) {
		/* to the next ';' outside quotes */
		int quoted = 0;
		while (p < end && (quoted || *p != ';')) {
			if (*p == '"')
				quoted = !quoted;
			else if (*p == '\\' && quoted && p + 1 < end)
				p++;
			p++;
		}
		if (p >= end)
			return NULL;
		p++;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(end - p) <= klen || strncasecmp(p, key, klen) != 0 ||
		    p[klen] != '=')
			continue;
		p += klen + 1;
		if (p < end && *p == '"') {
			for (p++; p < end && *p != '"'; p++) {
				if (*p == '\\' && p + 1 < end)
					p++;
				if (buf_append(&v, p, 1) < 0)
					goto nomem;
			}
		} else {
			const char *s = p;
			while (p < end && *p != ';' && *p != ' ' && *p != '\t')
				p++;
			if (buf_append(&v, s, (size_t)(p - s)) < 0)
				goto nomem;
		}
		if (v.data == NULL && buf_append(&v, "", 0) < 0)
			goto nomem;
		return v.data;
	}
	return NULL;
nomem:
	buf_free(&v);
	*nomem = 1;
	return NULL;
}

/* The boundary of a Content-Type (into out[BOUNDARY_MAX + 1]): 0, or -1. */
static int
boundary_of(const char *ctype, char out[BOUNDARY_MAX + 1])
{
	static const char want[] = "multipart/form-data";
	char	*b;
	int	 nomem = 0;
	size_t	 len;

	if (ctype == NULL || strncasecmp(ctype, want, sizeof(want) - 1) != 0 ||
	    (ctype[sizeof(want) - 1] != ';' && ctype[sizeof(want) - 1] != ' '))
		return -1;
	if ((b = param(ctype, strlen(ctype), "boundary", &nomem)) == NULL)
		return -1;
	len = strlen(b);
	if (len == 0 || len > BOUNDARY_MAX || strpbrk(b, "\r\n") != NULL) {
		free(b);
		return -1;
	}
	memcpy(out, b, len + 1);
	free(b);
	return 0;
}

/* The header `name` of a header block (lines ending CRLF), its value's
 * start and length; NULL when absent. */
static const char *
header(const char *h, size_t hlen, const char *name, size_t *vlen)
{
	const char	*p = h, *end = h + hlen, *eol;
	size_t		 nlen = strlen(name);

	while (p < end) {
		if ((eol = find(p, (size_t)(end - p), "\r\n", 2)) == NULL)
			eol = end;
		if ((size_t)(eol - p) > nlen && strncasecmp(p, name, nlen) == 0 &&
		    p[nlen] == ':') {
			p += nlen + 1;
			while (p < eol && (*p == ' ' || *p == '\t'))
				p++;
			*vlen = (size_t)(eol - p);
			return p;
		}
		p = eol == end ? end : eol + 2;
	}
	return NULL;
}

/* A browser's file name as a bare name: no directory, no control
 * character, within MULTIPART_NAME_MAX bytes of whole UTF-8 characters. */
static void
bare_filename(char *f)
{
	char	*s, *d;
	size_t	 len;

	/* after the last separator of either kind ("C:\dir/a.pdf") */
	for (s = d = f; *s != '\0'; s++)
		if (*s == '/' || *s == '\\')
			d = s + 1;
	if (d != f)
		memmove(f, d, strlen(d) + 1);
	for (s = d = f; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			*d++ = *s;
	*d = '\0';
	len = utf8_valid_len(f);
	if (len > MULTIPART_NAME_MAX) {
		len = MULTIPART_NAME_MAX;
		while (len > 0 && ((unsigned char)f[len] & 0xc0) == 0x80)
			len--;	/* never cut a character */
	}
	f[len] = '\0';
}

/* Does the header block [h, end) hold a CR or an LF that is not one of
 * its CRLF line ends?  Such a value would carry a line break into a
 * part's type or name (RFC 5322 2.2 has none). */
static int
bare_break(const char *h, const char *end)
{
	const char *p;

	for (p = h; p < end; p++)
		if ((*p == '\r' && (p + 1 >= end || p[1] != '\n')) ||
		    (*p == '\n' && (p == h || p[-1] != '\r')))
			return 1;
	return 0;
}

static void
mpart_free(struct mpart *m)
{
	free(m->name);
	free(m->filename);
	free(m->type);
}

/* Read one part's header block [h, h + hlen) and content into a new
 * entry of `out`.  MP_OK (also when the part is skipped) or an error. */
static enum multipart_result
add_part(struct mparts *out, const char *h, size_t hlen, const char *data, size_t len)
{
	struct mpart	 m = { 0 }, *v;
	enum multipart_result rc;
	const char	*disp, *ct;
	size_t		 dlen, clen;
	int		 nomem = 0;

	if ((disp = header(h, hlen, "Content-Disposition", &dlen)) == NULL ||
	    dlen < 9 || strncasecmp(disp, "form-data", 9) != 0)
		return MP_OK;		/* not a form field: skipped */
	m.name = param(disp, dlen, "name", &nomem);
	m.filename = param(disp, dlen, "filename", &nomem);
	if ((ct = header(h, hlen, "Content-Type", &clen)) != NULL &&
	    (m.type = strndup(ct, clen)) == NULL)
		nomem = 1;
	if (nomem) {
		mpart_free(&m);
		return MP_NOMEM;
	}
	if (m.name == NULL || m.name[0] == '\0' || strlen(m.name) > MULTIPART_NAME_MAX) {
		/* without a name: skipped; a name too long: refused */
		rc = m.name == NULL || m.name[0] == '\0' ? MP_OK : MP_MALFORMED;
		mpart_free(&m);
		return rc;
	}
	if (m.filename != NULL)
		bare_filename(m.filename);
	if (out->n >= MULTIPART_PARTS_MAX) {
		mpart_free(&m);
		return MP_TOO_MANY;
	}
	if ((v = array_room(out->v, out->n, &out->cap, sizeof(*v), 8)) == NULL) {
		mpart_free(&m);
		return MP_NOMEM;
	}
	out->v = v;
	m.data = data;
	m.len = len;
	out->v[out->n++] = m;
	return MP_OK;
}

enum multipart_result
multipart_parse(const char *ctype, const char *body, size_t len, struct mparts *out)
{
	char			 delim[BOUNDARY_MAX + 5];	/* CRLF "--" boundary */
	const char		*p, *end = body + len, *hend, *next;
	size_t			 dlen;
	enum multipart_result	 rc;

	if (boundary_of(ctype, delim + 4) < 0)
		return MP_NO_BOUNDARY;
	memcpy(delim, "\r\n--", 4);
	dlen = strlen(delim);
	/* The first boundary may open the body (no CRLF before it). */
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0)
		p = body + dlen - 2;
	else if ((p = find(body, len, delim, dlen)) != NULL)
		p += dlen;
	else
		return MP_MALFORMED;
	for (;;) {
		/* after a boundary: "--" ends the body, CRLF opens a part */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return MP_OK;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;	/* transport padding */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return MP_MALFORMED;
		p += 2;
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n')
			hend = p;	/* no header at all */
		else if ((hend = find(p, (size_t)(end - p) < MULTIPART_HEADERS_MAX + 4 ?
		    (size_t)(end - p) : MULTIPART_HEADERS_MAX + 4, "\r\n\r\n", 4)) == NULL)
			return MP_MALFORMED;
		else
			hend += 2;	/* keep the last header's CRLF */
		if ((size_t)(hend - p) > MULTIPART_HEADERS_MAX || bare_break(p, hend))
			return MP_MALFORMED;
		if ((next = find(hend + 2, (size_t)(end - hend - 2), delim, dlen)) == NULL)
			return MP_MALFORMED;
		if ((rc = add_part(out, p, (size_t)(hend - p), hend + 2,
		    (size_t)(next - hend - 2))) != MP_OK)
			return rc;
		p = next + dlen;
	}
}

void
mparts_free(struct mparts *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		mpart_free(&p->v[i]);
	free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
}
