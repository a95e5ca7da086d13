/*
 * http.c — request decoding and response writing over a CGI-style
 * transport (libfcgi streams or stdin/stdout); see http.h.  Calls
 * nothing above the transport.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "config.h"
#include "http.h"
#include "log.h"
#include "util.h"

static const struct { int status; const char *reason; } reasons[] = {
	{ 200, "OK" }, { 201, "Created" }, { 202, "Accepted" }, { 204, "No Content" },
	{ 303, "See Other" }, { 304, "Not Modified" },
	{ 400, "Bad Request" }, { 401, "Unauthorized" }, { 403, "Forbidden" },
	{ 404, "Not Found" }, { 405, "Method Not Allowed" }, { 409, "Conflict" },
	{ 412, "Precondition Failed" }, { 413, "Payload Too Large" },
	{ 415, "Unsupported Media Type" }, { 422, "Unprocessable Entity" },
	{ 429, "Too Many Requests" }, { 500, "Internal Server Error" },
	{ 503, "Service Unavailable" },
};

static const struct { const char *name; enum method m; } methods[] = {
	{ "GET", M_GET }, { "HEAD", M_HEAD }, { "POST", M_POST },
	{ "PUT", M_PUT }, { "DELETE", M_DELETE }, { "PATCH", M_PATCH },
	{ "OPTIONS", M_OPTIONS },
};

const char *
http_reason(int status)
{
	size_t i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].status == status)
			return reasons[i].reason;
	return "Unknown";
}

const char *
req_env(const struct req *r, const char *name)
{
	size_t	 len = strlen(name);
	char	**e;

	for (e = r->io.envp; e != NULL && *e != NULL; e++)
		if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
			return *e + len + 1;
	return NULL;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int
url_decode(char *s, int plus)
{
	char	*out = s;
	int	 hi, lo;

	for (; *s != '\0'; s++) {
		if (*s == '+' && plus) {
			*out++ = ' ';
		} else if (*s == '%') {
			if ((hi = hexval((unsigned char)s[1])) < 0 ||
			    (lo = hexval((unsigned char)s[2])) < 0)
				return -1;
			if (hi == 0 && lo == 0)
				return -1;
			*out++ = (char)(hi * 16 + lo);
			s += 2;
		} else
			*out++ = *s;
	}
	*out = '\0';
	return 0;
}

/* Append a pair whose strings the list takes.  0 or -1 (ENOMEM). */
static int
kv_add(struct kvlist *l, char *key, char *val)
{
	struct kv *v;

	if ((v = array_room(l->v, l->n, &l->cap, sizeof(*v), 8)) == NULL)
		return -1;
	l->v = v;
	l->v[l->n].key = key;
	l->v[l->n].val = val;
	l->n++;
	return 0;
}

int
kv_parse_query(struct kvlist *l, const char *s, size_t max, int strict)
{
	const char	*p, *amp, *eq;
	char		*key, *val;

	for (p = s; p != NULL && *p != '\0'; p = amp ? amp + 1 : NULL) {
		amp = strchr(p, '&');
		size_t len = amp ? (size_t)(amp - p) : strlen(p);
		if (len == 0)
			continue;
		if (l->n >= max)
			return 1;
		eq = memchr(p, '=', len);
		key = strndup(p, eq ? (size_t)(eq - p) : len);
		val = eq ? strndup(eq + 1, len - (size_t)(eq - p) - 1) : strdup("");
		if (key == NULL || val == NULL || kv_add(l, key, val) < 0) {
			free(key);
			free(val);
			return -1;
		}
		/* Leniently (a query string), undecodable pairs are kept
		 * raw-empty rather than refused: a handler validating the
		 * value will say what is wrong.  Strictly (a form), text that
		 * cannot be decoded, or is not UTF-8, refuses the whole: it
		 * would otherwise be stored or dropped without a word. */
		if (url_decode(key, 1) < 0) {
			if (strict)
				return 2;
			key[0] = '\0';
		}
		if (url_decode(val, 1) < 0) {
			if (strict)
				return 2;
			val[0] = '\0';
		}
		if (strict && (utf8_valid_len(key) != strlen(key) ||
		    utf8_valid_len(val) != strlen(val)))
			return 2;
	}
	return 0;
}

/*
 * Copy a Cookie header ("a=1; b=2") into `jar` as "a\01\0b\02\0".  No
 * count limit: cookies set by another site of the domain must not hide
 * the desk's own or deny service, and nginx's header buffer already
 * bounds the size.  0 or -1 (ENOMEM).
 */
static int
cookies_parse(struct buf *jar, const char *s)
{
	const char	*p, *semi, *eq;
	size_t		 len;

	for (p = s; p != NULL && *p != '\0'; p = semi ? semi + 1 : NULL) {
		while (*p == ' ')
			p++;
		semi = strchr(p, ';');
		len = semi ? (size_t)(semi - p) : strlen(p);
		if ((eq = memchr(p, '=', len)) == NULL)
			continue;
		if (buf_append(jar, p, (size_t)(eq - p)) < 0 ||
		    buf_append(jar, "", 1) < 0 ||
		    buf_append(jar, eq + 1, len - (size_t)(eq - p) - 1) < 0 ||
		    buf_append(jar, "", 1) < 0)
			return -1;
	}
	return 0;
}

int
kv_parse_pair(struct kvlist *l, const char *key, const char *val)
{
	char *k = strdup(key), *v = strdup(val);

	if (k == NULL || v == NULL || kv_add(l, k, v) < 0) {
		free(k);
		free(v);
		return -1;
	}
	return 0;
}

const char *
kv_get(const struct kvlist *l, const char *key)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return l->v[i].val;
	return NULL;
}

void
kv_free(struct kvlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].key);
		free(l->v[i].val);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

const char *
req_query(const struct req *r, const char *key)
{
	return kv_get(&r->query, key);
}

const char *
req_form(const struct req *r, const char *key)
{
	return kv_get(&r->form, key);
}

/* The first cookie named `key`: a walk over the pairs of the jar. */
const char *
req_cookie(const struct req *r, const char *key)
{
	const char	*p = r->cookies.data, *end, *val;

	/* No Cookie header: no jar (and NULL + 0 is undefined in C; found
	 * by fuzz_http_input). */
	if (p == NULL)
		return NULL;
	end = p + r->cookies.len;
	while (p < end) {
		val = p + strlen(p) + 1;
		if (strcmp(p, key) == 0)
			return val;
		p = val + strlen(val) + 1;
	}
	return NULL;
}

int
req_init(struct req *r, const struct io *io, struct store *store)
{
	const char	*s;
	size_t		 i;
	int		 rc;

	memset(r, 0, sizeof(*r));
	r->io = *io;
	r->lang = "en";
	r->store = store;
	r->status = 200;
	if (random_hex(r->id, 16) < 0)
		return -1;
	log_set_request(r->id);

	r->method_name = req_env(r, "REQUEST_METHOD");
	if (r->method_name == NULL)
		r->method_name = "GET";
	r->method = M_OTHER;
	for (i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (strcmp(methods[i].name, r->method_name) == 0)
			r->method = methods[i].m;

	/* nginx passes PATH_INFO=$uri (already decoded, normalised); a
	 * plain CGI host passes PATH_INFO too. */
	s = req_env(r, "PATH_INFO");
	if (s == NULL || *s == '\0')
		s = "/";
	if ((r->path = strdup(s)) == NULL)
		return -1;

	r->content_type = req_env(r, "CONTENT_TYPE");
	r->remote_addr = req_env(r, "REMOTE_ADDR");
	if (r->remote_addr == NULL)
		r->remote_addr = "";
	s = req_env(r, "HTTPS");
	r->https = s != NULL && (strcasecmp(s, "on") == 0 || strcmp(s, "1") == 0);
	s = req_env(r, "CONTENT_LENGTH");
	r->content_length = s != NULL ? strtoll(s, NULL, 10) : 0;
	if (r->content_length < 0)
		r->content_length = 0;

	if (cookies_parse(&r->cookies, req_env(r, "HTTP_COOKIE")) < 0)
		return -1;
	/* Last: a query with too many parameters still leaves a request
	 * complete enough to answer its 400. */
	if ((rc = kv_parse_query(&r->query, req_env(r, "QUERY_STRING"),
	    QUERY_MAX, 0)) != 0)
		return rc < 0 ? -1 : 1;
	return 0;
}

void
req_free(struct req *r)
{
	char	drain[8192];
	int	n;

	while (!r->io_failed && r->body_consumed < r->content_length) {
		long long left = r->content_length - r->body_consumed;
		n = r->io.read(r->io.ctx, drain,
		    left < (long long)sizeof(drain) ? (size_t)left : sizeof(drain));
		if (n <= 0)
			break;
		r->body_consumed += n;
	}
	free(r->path);
	free(r->param);
	free(r->param2);
	buf_free(&r->body);
	buf_free(&r->headers);
	kv_free(&r->query);
	kv_free(&r->form);
	mparts_free(&r->files);
	buf_free(&r->cookies);
	log_set_request(NULL);
}

int
req_read_body(struct req *r)
{
	char	chunk[16384];
	int	n;

	if (r->body_read)
		return 0;
	if (!req_body_fits(r))
		return HERR_TOO_LARGE;
	while (r->body_consumed < r->content_length) {
		long long left = r->content_length - r->body_consumed;
		n = r->io.read(r->io.ctx, chunk,
		    left < (long long)sizeof(chunk) ? (size_t)left : sizeof(chunk));
		if (n <= 0) {
			r->io_failed = 1;
			return -1;
		}
		r->body_consumed += n;
		if (buf_append(&r->body, chunk, (size_t)n) < 0)
			return -1;
	}
	r->body_read = 1;
	return 0;
}

int
req_body_fits(const struct req *r)
{
	return r->content_length <= (r->body_max > 0 ? r->body_max : config.body_max);
}

int
req_query_int(const struct req *r, const char *key, long long def, long long min,
    long long max, long long *out)
{
	const char	*s = req_query(r, key);
	char		*end;
	long long	 v;

	if (s == NULL) {
		*out = def;
		return 0;
	}
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
req_query_list(const struct req *r, const char *key, size_t max, const char **out)
{
	const char	*v = req_query(r, key), *p;
	size_t		 n = 1;

	*out = v != NULL && *v != '\0' ? v : NULL;
	for (p = *out; p != NULL && (p = strchr(p, ',')) != NULL; p++)
		if (++n > max)
			return -1;
	return 0;
}

/* Does the Content-Type (ignoring parameters and case) equal `want`? */
static int
ctype_is(const char *ctype, const char *want)
{
	size_t len = strlen(want);

	if (ctype == NULL || strncasecmp(ctype, want, len) != 0)
		return 0;
	return ctype[len] == '\0' || ctype[len] == ';' || ctype[len] == ' ';
}

int
req_is_json(const struct req *r)
{
	return ctype_is(r->content_type, "application/json");
}

/* The text fields of a multipart form into r->form, its files into
 * r->files: the rules of an urlencoded form (UTF-8, FORM_MAX fields). */
static int
read_multipart(struct req *r)
{
	struct mparts	 parts = { 0 };
	size_t		 i;
	int		 rc = 0;
	char		*key, *val;

	switch (multipart_parse(r->content_type, r->body.data ? r->body.data : "",
	    r->body.len, &parts)) {
	case MP_OK:
		break;
	case MP_TOO_MANY:
		mparts_free(&parts);
		return HERR_FORM_FIELDS;
	case MP_NOMEM:
		mparts_free(&parts);
		return -1;
	default:
		mparts_free(&parts);
		return HERR_BAD_BODY;
	}
	for (i = 0; i < parts.n && rc == 0; i++) {
		struct mpart *m = &parts.v[i];
		if (m->filename != NULL) {
			struct mpart *v = array_room(r->files.v, r->files.n,
			    &r->files.cap, sizeof(*v), 4);
			if (v == NULL) {
				rc = -1;
				break;
			}
			r->files.v = v;
			r->files.v[r->files.n++] = *m;
			memset(m, 0, sizeof(*m));	/* moved */
			continue;
		}
		if (r->form.n >= FORM_MAX)
			rc = HERR_FORM_FIELDS;
		else if (memchr(m->data, '\0', m->len) != NULL ||
		    utf8_valid_prefix(m->data, m->len) != m->len ||
		    utf8_valid_len(m->name) != strlen(m->name))
			rc = HERR_FORM_TEXT;
		else if ((key = strdup(m->name)) == NULL ||
		    (val = strndup(m->data, m->len)) == NULL) {
			free(key);
			rc = -1;
		} else if (kv_add(&r->form, key, val) < 0) {
			free(key);
			free(val);
			rc = -1;
		}
	}
	mparts_free(&parts);
	return rc;
}

int
req_read_form(struct req *r)
{
	int rc, multipart;

	multipart = ctype_is(r->content_type, "multipart/form-data");
	if (!multipart && !ctype_is(r->content_type, "application/x-www-form-urlencoded"))
		return HERR_MEDIA_TYPE;
	if ((rc = req_read_body(r)) != 0)
		return rc;
	if (multipart)
		return read_multipart(r);
	if (r->body.len != strlen(r->body.data ? r->body.data : ""))
		return HERR_BAD_BODY;
	if ((rc = kv_parse_query(&r->form, r->body.data ? r->body.data : "",
	    FORM_MAX, 1)) != 0)
		return rc < 0 ? -1 : rc == 1 ? HERR_FORM_FIELDS : HERR_FORM_TEXT;
	return 0;
}

json_t *
req_read_json(struct req *r, int *err, char *why, size_t whylen)
{
	json_error_t	 jerr;
	json_t		*j;
	int		 rc;

	if (why != NULL && whylen > 0)
		why[0] = '\0';
	if (!req_body_fits(r)) {
		*err = HERR_TOO_LARGE;
		return NULL;
	}
	if (!req_is_json(r)) {
		*err = HERR_MEDIA_TYPE;
		return NULL;
	}
	if ((rc = req_read_body(r)) != 0) {
		*err = rc;
		return NULL;
	}
	if (r->body.len == 0) {
		*err = HERR_BAD_BODY;
		if (why != NULL)
			snprintf(why, whylen, "The body is empty.");
		return NULL;
	}
	j = json_loadb(r->body.data, r->body.len, JSON_REJECT_DUPLICATES, &jerr);
	if (j == NULL || !json_is_object(j)) {
		if (why != NULL)
			snprintf(why, whylen, j == NULL ?
			    "The body is not valid JSON: %s (line %d, column %d)." :
			    "The body must be a JSON object.%s",
			    j == NULL ? jerr.text : "", jerr.line, jerr.column);
		json_decref(j);
		*err = HERR_BAD_BODY;
		return NULL;
	}
	*err = 0;
	return j;
}

int
resp_header(struct req *r, const char *name, const char *value)
{
	if (strpbrk(name, "\r\n:") != NULL || strpbrk(value, "\r\n") != NULL)
		return -1;
	if (buf_printf(&r->headers, "%s: %s\r\n", name, value) < 0)
		return -1;
	return 0;
}

static int
io_write(struct req *r, const char *s, size_t n)
{
	if (r->io_failed)
		return -1;
	if (n > 0 && r->io.write(r->io.ctx, s, n) < 0) {
		r->io_failed = 1;
		return -1;
	}
	return 0;
}

int
resp_start(struct req *r, int status, const char *content_type)
{
	struct buf	h = { 0 };
	int		rc;

	if (r->started)
		return -1;
	r->started = 1;
	r->status = status;
	buf_printf(&h, "Status: %d %s\r\n", status, http_reason(status));
	if (content_type != NULL)
		buf_printf(&h, "Content-Type: %s\r\n", content_type);
	buf_printf(&h, "X-Request-Id: %s\r\n", r->id);
	buf_printf(&h, "Content-Security-Policy: %s\r\n", r->csp != NULL ? r->csp :
	    "default-src 'self'; img-src 'self' data:; "
	    "object-src 'none'; base-uri 'none'; form-action 'self'; "
	    "frame-ancestors 'none'");
	buf_puts(&h,
	    "X-Content-Type-Options: nosniff\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "Cache-Control: no-store\r\n");
	if (r->https)
		buf_puts(&h, "Strict-Transport-Security: max-age=31536000\r\n");
	if (r->headers.len > 0)
		buf_append(&h, r->headers.data, r->headers.len);
	rc = buf_puts(&h, "\r\n");
	if (rc == 0)
		rc = io_write(r, h.data, h.len);
	buf_free(&h);
	log_info("%s %s %d", r->method_name, r->path, status);
	return rc;
}

int
resp_file(struct req *r, const char *mime, const char *name, const void *data,
    size_t len)
{
	struct buf		 v = { 0 };
	const unsigned char	*p;
	char			 n[32];
	int			 rc;

	/* RFC 6266: an ASCII name for old clients, the exact one encoded */
	buf_puts(&v, "attachment; filename=\"");
	for (p = (const unsigned char *)name; *p != '\0'; p++)
		buf_append(&v, *p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\' ?
		    "_" : (const char *)p, 1);
	buf_puts(&v, "\"; filename*=UTF-8''");
	for (p = (const unsigned char *)name; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p) != NULL)
			buf_append(&v, (const char *)p, 1);
		else
			buf_printf(&v, "%%%02X", *p);
	snprintf(n, sizeof(n), "%zu", len);
	/* a file never runs as a page of the desk, whatever it holds */
	r->csp = "sandbox; default-src 'none'";
	rc = v.data == NULL || resp_header(r, "Content-Disposition", v.data) < 0 ||
	    resp_header(r, "Content-Length", n) < 0 ||
	    resp_start(r, 200, mime) < 0 || resp_write(r, data, len) < 0 ? -1 : 0;
	buf_free(&v);
	return rc;
}

int
resp_write(struct req *r, const char *s, size_t n)
{
	if (r->method == M_HEAD)
		return 0;
	return io_write(r, s, n);
}

int
resp_puts(struct req *r, const char *s)
{
	return resp_write(r, s, strlen(s));
}

int
resp_json(struct req *r, int status, const json_t *body)
{
	char	*s;
	int	 rc;

	if ((s = json_dumps(body, JSON_COMPACT)) == NULL)
		return -1;
	rc = resp_json_text(r, status, s);
	free(s);
	return rc;
}

int
resp_json_text(struct req *r, int status, const char *text)
{
	int rc = resp_start(r, status, "application/json; charset=utf-8");

	return rc == 0 ? resp_puts(r, text) : rc;
}

int
resp_json_new(struct req *r, int status, json_t *body)
{
	int rc;

	if (body == NULL)
		return -1;
	rc = resp_json(r, status, body);
	json_decref(body);
	return rc;
}

int
query_encode(struct buf *b, const char *s)
{
	static const char	hex[] = "0123456789ABCDEF";
	char			esc[3];
	unsigned char		c;

	for (; s != NULL && *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
			if (buf_append(b, s, 1) < 0)
				return -1;
			continue;
		}
		esc[0] = '%';
		esc[1] = hex[c >> 4];
		esc[2] = hex[c & 15];
		if (buf_append(b, esc, 3) < 0)
			return -1;
	}
	return 0;
}

/*
 * Is `s` a path of this site a redirect may name?  It starts with one
 * '/' ("//host" and "/\host" are other hosts to a browser) and holds no
 * control character: browsers drop TAB, CR and LF from a URL, which
 * turns "/\t/host" into "//host", and a header cannot carry CR or LF.
 */
static int
local_path(const char *s)
{
	if (s[0] != '/' || s[1] == '/' || s[1] == '\\')
		return 0;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

int
resp_redirect(struct req *r, const char *location)
{
	/* Only local paths: never an open redirect, never a 500. */
	if (!local_path(location))
		location = "/";
	if (resp_header(r, "Location", location) < 0)
		return -1;
	return resp_start(r, 303, "text/plain; charset=utf-8") == 0 ?
	    resp_puts(r, "See Other\n") : -1;
}

