/*
 * http.c — request decoding and response writing over a CGI-style
 * transport (libfcgi streams or stdin/stdout).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "auth.h"
#include "config.h"
#include "http.h"
#include "log.h"
#include "pages.h"
#include "util.h"

/* Generic errors: status, Orange code / message, TelecomX code / message. */
static const struct herr_row {
	int		 status;
	int		 ocode;
	const char	*omessage;
	const char	*xcode;
	const char	*message;
} herrs[] = {
	{ 400, 20, "Invalid query-string parameter", "bad_request", "A query-string parameter is invalid." }, /* HERR_BAD_QUERY */
	{ 400, 21, "Invalid body", "bad_request", "The body is missing or is not a JSON object." }, /* HERR_BAD_BODY */
	{ 401, 40, "Missing credentials", "credentials_invalid", "Authorization required, please login." }, /* HERR_AUTH_MISSING */
	{ 401, 41, "Invalid credentials", "invalid_token", "Invalid token." }, /* HERR_AUTH_INVALID */
	{ 401, 42, "Expired credentials", "expired", "Session has expired, please login." }, /* HERR_AUTH_EXPIRED */
	{ 401, 41, "Invalid credentials", "format_error", "Authorization header format is Authorization: Bearer <token>." }, /* HERR_AUTH_FORMAT */
	{ 403, 50, "Access denied", "access_denied", "Insufficient access level." }, /* HERR_FORBIDDEN */
	{ 403, 50, "Access denied", "csrf", "The form has expired or did not come from this site; reload it and try again." }, /* HERR_CSRF */
	{ 404, 60, "Resource not found", "not_found", "The requested resource was not found." }, /* HERR_NOT_FOUND */
	{ 405, 61, "Method not allowed", "method_not_allowed", "This method is not allowed on this resource." }, /* HERR_METHOD */
	{ 409, 62, "Conflict", "conflict", "The resource is not in a state that allows this." }, /* HERR_CONFLICT */
	{ 412, 65, "Precondition failed", "required", "A mandatory field is missing." }, /* HERR_MISSING */
	{ 413, 63, "Request entity too large", "payload_too_large", "The request body is larger than this server accepts." }, /* HERR_TOO_LARGE */
	{ 415, 64, "Unsupported media type", "unsupported_media_type", "The body must be sent with Content-Type: application/json." }, /* HERR_MEDIA_TYPE */
	{ 429, 53, "Too many requests", "too_many_requests", "Too many attempts; wait and try again." }, /* HERR_TOO_MANY */
	{ 500, 1, "Internal error", "internal_error", "An unexpected error occurred." }, /* HERR_INTERNAL */
	{ 503, 5, "Service unavailable", "unavailable", "The service is temporarily unavailable." }, /* HERR_UNAVAILABLE */
	{ 400, 21, "Invalid body", "bad_request", "The form has too many fields: it cannot be read." }, /* HERR_FORM_FIELDS */
	{ 400, 21, "Invalid body", "bad_request", "The form holds text that is not valid UTF-8: it cannot be read." }, /* HERR_FORM_TEXT */
};

_Static_assert(sizeof(herrs) / sizeof(herrs[0]) == HERR__MAX,
    "herrs[] and enum herr disagree");

static const struct { int status; const char *reason; } reasons[] = {
	{ 200, "OK" }, { 201, "Created" }, { 204, "No Content" },
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

int
herr_status(enum herr e)
{
	return herrs[e].status;
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

static size_t utf8_valid_len(const char *);

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
	const char	*p = r->cookies.data, *end = p + r->cookies.len, *val;

	while (p != NULL && p < end) {
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
	principal_free(r->who);
	r->who = NULL;
	free(r->path);
	free(r->param);
	buf_free(&r->body);
	buf_free(&r->headers);
	kv_free(&r->query);
	kv_free(&r->form);
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
	if (r->content_length > config.body_max)
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
req_read_form(struct req *r)
{
	int rc;

	if (!ctype_is(r->content_type, "application/x-www-form-urlencoded"))
		return HERR_MEDIA_TYPE;
	if ((rc = req_read_body(r)) != 0)
		return rc;
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
	if (r->content_length > config.body_max) {
		*err = HERR_TOO_LARGE;
		return NULL;
	}
	if (!ctype_is(r->content_type, "application/json")) {
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
	buf_puts(&h,
	    "Content-Security-Policy: default-src 'self'; img-src 'self' data:; "
	    "object-src 'none'; base-uri 'none'; form-action 'self'; "
	    "frame-ancestors 'none'\r\n"
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

json_t *
req_json_body(struct req *r, int *rc)
{
	json_t	*body;
	char	 why[256];
	int	 err;

	*rc = 0;
	if ((body = req_read_json(r, &err, why, sizeof(why))) != NULL)
		return body;
	*rc = err < 0 ? -1 : resp_error(r, err, why[0] ? why : NULL);
	return NULL;
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
 * Length of the longest prefix of `s` that is valid UTF-8 as jansson
 * wants it: no overlong form, no surrogate, nothing past U+10FFFF.
 */
static size_t
utf8_valid_len(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n, k;
	unsigned long		 cp;

	while (p[i] != '\0') {
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
		cp = p[i] & (0x3F >> n);
		for (k = 1; k <= n; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return i;	/* also stops at the NUL */
			cp = cp << 6 | (p[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			break;
		i += n + 1;
	}
	return i;
}

json_t *
json_string_cut(const char *s)
{
	return s == NULL ? NULL : json_stringn(s, utf8_valid_len(s));
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

int
resp_orange(struct req *r, int status, int code, const char *message,
    const char *description, json_t *details)
{
	json_t	*o;
	int	 rc;

	if ((o = json_object()) == NULL ||
	    json_object_set_new(o, "code", json_integer(code)) < 0 ||
	    json_object_set_new(o, "message", json_string_cut(message)) < 0 ||
	    json_object_set_new(o, "description",
	    json_string_cut(description ? description : message)) < 0) {
		json_decref(o);
		json_decref(details);
		return -1;
	}
	if (details != NULL)
		json_object_set_new(o, "details", details);
	rc = resp_json(r, status, o);
	json_decref(o);
	return rc;
}

json_t *
tcx_error(const char *code, const char *path, int status, const char *message,
    const char *check)
{
	json_t *e;

	/* json_object_set_new() frees the value it refuses (NULL included). */
	if ((e = json_object()) == NULL ||
	    json_object_set_new(e, "code", json_string_cut(code)) < 0 ||
	    json_object_set_new(e, "status", json_integer(status)) < 0 ||
	    json_object_set_new(e, "message", json_string_cut(message)) < 0 ||
	    (path != NULL && json_object_set_new(e, "path",
	    json_string_cut(path)) < 0) ||
	    (check != NULL && json_object_set_new(e, "check",
	    json_string_cut(check)) < 0)) {
		json_decref(e);
		return NULL;
	}
	return e;
}

int
resp_tcx(struct req *r, int status, json_t *errors)
{
	json_t	*o;
	int	 rc;

	if (errors == NULL || json_array_size(errors) == 0) {
		json_decref(errors);
		return -1;
	}
	o = json_pack("{s:O, s:o}", "error", json_array_get(errors, 0),
	    "errors", errors);
	if (o == NULL)
		return -1;
	rc = resp_json(r, status, o);
	json_decref(o);
	return rc;
}

int
resp_error(struct req *r, enum herr e, const char *detail)
{
	const struct herr_row	*row = &herrs[e];
	json_t			*errs;

	if (r->started)
		return -1;
	switch (r->family) {
	case FAM_ORANGE:
		return resp_orange(r, row->status, row->ocode, row->omessage,
		    detail ? detail : row->message, NULL);
	case FAM_TCX:
		errs = json_array();
		json_array_append_new(errs, tcx_error(row->xcode, NULL,
		    row->status, detail ? detail : row->message, NULL));
		return resp_tcx(r, row->status, errs);
	case FAM_HTML:
		break;
	}
	return page_error(r, row->status, detail ? detail : row->message);
}
