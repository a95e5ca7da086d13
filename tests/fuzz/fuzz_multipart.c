/*
 * fuzz_multipart — multipart/form-data bodies (multipart.c), the forms
 * of the desk that carry a file, in two ways picked by the first byte:
 *
 * - raw (any first byte but 0x01): the first line is the Content-Type,
 *   the rest the body.  multipart_parse() must return, and what it
 *   returns must hold: at most MULTIPART_PARTS_MAX parts, each a name of
 *   1 to MULTIPART_NAME_MAX bytes, a file name (when there is one) that
 *   is bare (no '/' or '\'), without control characters, valid UTF-8 of
 *   at most MULTIPART_NAME_MAX bytes, and a content inside the body,
 *   after the previous part's, never holding the delimiter.  The same
 *   body then goes through the worker's reading of a form
 *   (req_init, req_read_form: text fields into r->form, files into
 *   r->files), which must answer a status or take it all.
 *
 * - round trip (first byte 0x01): the rest is a list of fields separated
 *   by 0xfe, each "name 0x01 filename 0x01 content" (filename optional),
 *   written as a browser writes them (quotes and backslashes escaped,
 *   line breaks of names replaced) with a fixed boundary; what is parsed
 *   must be what was written: the same names in the same order, the same
 *   contents, and each file name as a browser's name made bare (the
 *   model of it below).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "multipart.h"
#include "util.h"
#include "world.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define BOUNDARY	"----reqdeskFuzzB0undary7MA4YWxk"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	world_init();	/* the configuration and the templates a worker has */
	return 0;
}

static void
fail(const char *why)
{
	fprintf(stderr, "fuzz_multipart: %s\n", why);
	abort();
}

static const char *
find(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	size_t i;

	for (i = 0; nlen > 0 && i + nlen <= hlen; i++)
		if (memcmp(hay + i, needle, nlen) == 0)
			return hay + i;
	return NULL;
}

/* The boundary a simple Content-Type names (`boundary=` followed by a
 * token or a quoted string without escapes), into out; 0 when none is
 * plain enough to check with. */
static int
plain_boundary(const char *ctype, char *out, size_t cap)
{
	const char	*b = strstr(ctype, "boundary=");
	size_t		 n;

	if (b == NULL)
		return 0;
	b += 9;
	if (*b == '"') {
		b++;
		n = strcspn(b, "\"\\");
		if (b[n] != '"')
			return 0;
	} else
		n = strcspn(b, "; \t");
	if (n == 0 || n + 5 > cap)
		return 0;
	memcpy(out, "\r\n--", 4);
	memcpy(out + 4, b, n);
	out[4 + n] = '\0';
	return 1;
}

static void
check_filename(const char *f)
{
	const unsigned char *s;

	if (strchr(f, '/') != NULL || strchr(f, '\\') != NULL)
		fail("a file name keeps a directory");
	for (s = (const unsigned char *)f; *s != '\0'; s++)
		if (*s < 0x20 || *s == 0x7f)
			fail("a file name keeps a control character");
	if (strlen(f) > MULTIPART_NAME_MAX)
		fail("a file name over MULTIPART_NAME_MAX");
	if (utf8_valid_len(f) != strlen(f))
		fail("a file name that is not UTF-8");
}

/* What must hold of any parse of `body` (`len` bytes). */
static void
check_parts(const struct mparts *p, const char *body, size_t len, const char *delim)
{
	const char	*after = body;
	size_t		 i;

	if (p->n > MULTIPART_PARTS_MAX)
		fail("more than MULTIPART_PARTS_MAX parts");
	for (i = 0; i < p->n; i++) {
		const struct mpart *m = &p->v[i];

		if (m->name == NULL || m->name[0] == '\0' ||
		    strlen(m->name) > MULTIPART_NAME_MAX)
			fail("a part without a name, or with a name too long");
		if (m->filename != NULL)
			check_filename(m->filename);
		if ((m->type != NULL && strpbrk(m->type, "\r\n") != NULL) ||
		    strpbrk(m->name, "\r\n") != NULL)
			fail("a part's type or name holds a line break");
		if (m->data < after || m->data > body + len ||
		    m->len > (size_t)(body + len - m->data))
			fail("a part's content outside the body or before the previous");
		after = m->data + m->len;
		if (delim != NULL && find(m->data, m->len, delim, strlen(delim)) != NULL)
			fail("a part's content holds the delimiter");
	}
}

/* The transport of a worker, in memory. */
struct mem {
	const char	*in;
	size_t		 len, off;
	struct buf	 out;
};

static int
mem_read(void *ctx, char *buf, size_t n)
{
	struct mem *m = ctx;

	if (n > m->len - m->off)
		n = m->len - m->off;
	memcpy(buf, m->in + m->off, n);
	m->off += n;
	return (int)n;
}

static int
mem_write(void *ctx, const char *buf, size_t n)
{
	return buf_append(&((struct mem *)ctx)->out, buf, n);
}

/* The body as a worker reads a form posted with it. */
static void
through_worker(const char *ctype, const char *body, size_t len)
{
	char		 e_len[64], *e_ctype;
	const char	*env[] = { "REQUEST_METHOD=POST", "PATH_INFO=/login", NULL, e_len,
			    NULL };
	struct mem	 m = { body, len, 0, { 0 } };
	struct io	 io = { mem_read, mem_write, &m, NULL };
	struct req	 r;
	size_t		 i;
	int		 rc;

	if (asprintf(&e_ctype, "CONTENT_TYPE=%s", ctype) < 0)
		abort();
	env[2] = e_ctype;
	io.envp = (char **)env;
	snprintf(e_len, sizeof(e_len), "CONTENT_LENGTH=%zu", len);
	if ((rc = req_init(&r, &io, NULL)) < 0)
		fail("req_init");
	if (rc == 0) {
		if ((rc = req_read_form(&r)) < 0)
			fail("req_read_form ran out of memory");
		if (rc == 0) {
			/* every text field UTF-8, every file bare, inside the body */
			for (i = 0; i < r.form.n; i++)
				if (utf8_valid_len(r.form.v[i].key) != strlen(r.form.v[i].key) ||
				    utf8_valid_len(r.form.v[i].val) != strlen(r.form.v[i].val))
					fail("a form field that is not UTF-8");
			check_parts(&r.files, r.body.data, r.body.len, NULL);
			for (i = 0; i < r.files.n; i++)
				if (r.files.v[i].filename == NULL)
					fail("a file without a file name");
			(void)req_form(&r, "csrf");
		}
	}
	req_free(&r);
	buf_free(&m.out);
	free(e_ctype);
}

static void
raw(const char *in, size_t size)
{
	const char	*nl = memchr(in, '\n', size);
	size_t		 clen = nl != NULL ? (size_t)(nl - in) : size;
	char		*ctype, delim[128];
	const char	*body = nl != NULL ? nl + 1 : in + size;
	size_t		 len = size - (size_t)(body - in);
	struct mparts	 p = { 0 };
	enum multipart_result rc;

	if ((ctype = strndup(in, clen)) == NULL)
		abort();
	rc = multipart_parse(ctype, body, len, &p);
	if (rc != MP_OK && rc != MP_NO_BOUNDARY && rc != MP_MALFORMED &&
	    rc != MP_TOO_MANY && rc != MP_NOMEM)
		fail("an unknown result");
	if (rc == MP_NO_BOUNDARY && p.n != 0)
		fail("parts without a boundary");
	check_parts(&p, body, len, plain_boundary(ctype, delim, sizeof(delim)) ?
	    delim : NULL);
	mparts_free(&p);
	if (p.v != NULL || p.n != 0)
		fail("mparts_free left something");
	through_worker(ctype, body, len);
	free(ctype);
}

/* The model: a browser's file name made bare as multipart.h says. */
static char *
bare_model(const char *f)
{
	const char	*s = f, *q;
	char		*out, *d;
	size_t		 len;

	for (q = f; *q != '\0'; q++)
		if (*q == '/' || *q == '\\')
			s = q + 1;
	if ((out = malloc(strlen(s) + 1)) == NULL)
		abort();
	for (d = out; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			*d++ = *s;
	*d = '\0';
	len = utf8_valid_len(out);
	if (len > MULTIPART_NAME_MAX) {
		len = MULTIPART_NAME_MAX;
		while (len > 0 && ((unsigned char)out[len] & 0xc0) == 0x80)
			len--;
	}
	out[len] = '\0';
	return out;
}

struct field {
	char		*name, *filename;
	const char	*data;
	size_t		 len;
};

/* `s` (`n` bytes) into a quoted parameter: quotes and backslashes
 * escaped with a backslash, CR, LF and NUL made '_' (a browser never
 * sends them raw). */
static int
quoted(struct buf *b, const char *s, size_t n)
{
	size_t i;

	if (buf_append(b, "\"", 1) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		char c = s[i] == '\r' || s[i] == '\n' || s[i] == '\0' ? '_' : s[i];
		if ((c == '"' || c == '\\') && buf_append(b, "\\", 1) < 0)
			return -1;
		if (buf_append(b, &c, 1) < 0)
			return -1;
	}
	return buf_append(b, "\"", 1);
}

/* The unquoted value `quoted` writes. */
static char *
written(const char *s, size_t n)
{
	char	*v = malloc(n + 1);
	size_t	 i;

	if (v == NULL)
		abort();
	for (i = 0; i < n; i++)
		v[i] = s[i] == '\r' || s[i] == '\n' || s[i] == '\0' ? '_' : s[i];
	v[n] = '\0';
	return v;
}

static void
round_trip(const char *in, size_t size)
{
	static const char delim[] = "\r\n--" BOUNDARY;
	struct field	 f[MULTIPART_PARTS_MAX + 2];
	size_t		 nf = 0, i, want = 0, j;
	const char	*p = in, *end = in + size;
	size_t		 hstart;
	struct buf	 b = { 0 };
	struct mparts	 out = { 0 };
	enum multipart_result rc;
	int		 too_long = 0, big_headers = 0;

	while (p <= end && nf < sizeof(f) / sizeof(f[0])) {
		const char *e = memchr(p, 0xfe, (size_t)(end - p));
		const char *s1, *s2;
		if (e == NULL)
			e = end;
		s1 = memchr(p, 0x01, (size_t)(e - p));
		s2 = s1 != NULL ? memchr(s1 + 1, 0x01, (size_t)(e - s1 - 1)) : NULL;
		memset(&f[nf], 0, sizeof(f[nf]));
		if (s1 == NULL) {
			f[nf].name = written(p, (size_t)(e - p));
			f[nf].data = e;
		} else {
			f[nf].name = written(p, (size_t)(s1 - p));
			if (s2 != NULL)
				f[nf].filename = written(s1 + 1, (size_t)(s2 - s1 - 1));
			f[nf].data = s2 != NULL ? s2 + 1 : s1 + 1;
		}
		f[nf].len = (size_t)(e - f[nf].data);
		if (buf_append(&b, "--" BOUNDARY "\r\n", strlen("--" BOUNDARY "\r\n")) < 0)
			abort();
		hstart = b.len;
		if (buf_append(&b, "Content-Disposition: form-data; name=",
		    strlen("Content-Disposition: form-data; name=")) < 0 ||
		    quoted(&b, f[nf].name, strlen(f[nf].name)) < 0 ||
		    (f[nf].filename != NULL && (buf_append(&b, "; filename=", 11) < 0 ||
		    quoted(&b, f[nf].filename, strlen(f[nf].filename)) < 0)) ||
		    buf_append(&b, "\r\nContent-Type: application/octet-stream", 40) < 0)
			abort();
		/* a header block over MULTIPART_HEADERS_MAX is refused (a
		 * file name of thousands of bytes, found by the campaign); the
		 * block counts its last header's CRLF (found by the next one:
		 * a block of 4,095 bytes by a count without it) */
		if (b.len - hstart + 2 > MULTIPART_HEADERS_MAX)
			big_headers = 1;
		if (buf_append(&b, "\r\n\r\n", 4) < 0 ||
		    buf_append(&b, f[nf].data, f[nf].len) < 0 || buf_append(&b, "\r\n", 2) < 0)
			abort();
		nf++;
		p = e + 1;
	}
	if (buf_append(&b, "--" BOUNDARY "--\r\n", strlen("--" BOUNDARY "--\r\n")) < 0)
		abort();
	/* contents holding the delimiter would end their part early */
	for (i = 0; i < nf; i++)
		if (find(f[i].data, f[i].len, delim, strlen(delim)) != NULL ||
		    (f[i].len >= strlen(delim) - 2 &&
		    find(f[i].data, f[i].len, delim + 2, strlen(delim) - 2) == f[i].data))
			goto done;
	rc = multipart_parse("multipart/form-data; boundary=" BOUNDARY, b.data, b.len, &out);
	for (i = 0; i < nf && !too_long; i++)
		if (f[i].name[0] != '\0' && strlen(f[i].name) > MULTIPART_NAME_MAX)
			too_long = 1;
	for (i = 0; i < nf; i++)
		if (f[i].name[0] != '\0')
			want++;
	if (too_long || big_headers) {
		if (rc != MP_MALFORMED && rc != MP_TOO_MANY)
			fail(too_long ? "a name over MULTIPART_NAME_MAX was taken" :
			    "a header block over MULTIPART_HEADERS_MAX was taken");
		goto done;
	}
	if (want > MULTIPART_PARTS_MAX) {
		if (rc != MP_TOO_MANY)
			fail("more than MULTIPART_PARTS_MAX parts taken");
		goto done;
	}
	if (rc != MP_OK)
		fail("a body written as a browser writes it was refused");
	if (out.n != want)
		fail("not the parts written");
	for (i = 0, j = 0; i < nf; i++) {
		const struct mpart *m;
		if (f[i].name[0] == '\0')
			continue;	/* skipped */
		m = &out.v[j++];
		if (strcmp(m->name, f[i].name) != 0)
			fail("a name read back differs");
		if (m->len != f[i].len || memcmp(m->data, f[i].data, f[i].len) != 0)
			fail("a content read back differs");
		if ((m->filename == NULL) != (f[i].filename == NULL))
			fail("a file read as a field, or the other way round");
		if (m->filename != NULL) {
			char *model = bare_model(f[i].filename);
			if (strcmp(model, m->filename) != 0)
				fail("a file name made bare differs from the model");
			free(model);
		}
		if (m->type == NULL || strcmp(m->type, "application/octet-stream") != 0)
			fail("a part's type read back differs");
	}
	check_parts(&out, b.data, b.len, delim);
done:
	mparts_free(&out);
	for (i = 0; i < nf; i++) {
		free(f[i].name);
		free(f[i].filename);
	}
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 0 && data[0] == 0x01)
		round_trip((const char *)data + 1, size - 1);
	else
		raw((const char *)data, size);
	return 0;
}
