/*
 * http.h — one HTTP request and its response, over FastCGI or plain CGI.
 *
 * A `struct req` is filled from the CGI environment of the request
 * (PATH_INFO, QUERY_STRING, CONTENT_TYPE...), reads its body on demand
 * within the configured cap, and writes its response through the same
 * transport.  Every response carries the request id and the security
 * headers.
 *
 * The transport layer.  Owns: struct req and all it holds (the decoded
 * path, query, cookies, form, body and file parts, each within its
 * bound: QUERY_MAX, FORM_MAX, the body cap), the response's status line
 * and headers, the request id.  Calls: multipart (form-data bodies),
 * config (the body cap), log (the request id of every line), util.
 * Never: calls anything above it (no page, no credential, no error
 * table: it returns enum herr values, and answers in a family's shape
 * are reply.c's).
 */
#ifndef REQDESK_HTTP_H
#define REQDESK_HTTP_H

#include <stddef.h>

#include <jansson.h>

#include "errors.h"	/* enum family, enum herr */
#include "multipart.h"	/* struct mparts */
#include "util.h"

/* Methods, as bits so that a route can accept several. */
enum method {
	M_GET = 1 << 0,
	M_HEAD = 1 << 1,
	M_POST = 1 << 2,
	M_PUT = 1 << 3,
	M_DELETE = 1 << 4,
	M_PATCH = 1 << 5,
	M_OPTIONS = 1 << 6,
	M_OTHER = 1 << 7,
};

/* The transport of one request: CGI environment, body in, response out. */
struct io {
	int	(*read)(void *ctx, char *buf, size_t n);	/* >0 bytes, 0 end, <0 error */
	int	(*write)(void *ctx, const char *buf, size_t n);	/* 0 ok, <0 error */
	void	 *ctx;
	char	**envp;
};

struct kv {
	char	*key;
	char	*val;
};

struct kvlist {
	struct kv	*v;
	size_t		 n, cap;
};

struct store;
struct route;
struct principal;

struct req {
	struct io		 io;
	struct store		*store;		/* borrowed: the thread's connection */
	char			 id[33];	/* request id, 32 hex */
	unsigned		 method;	/* enum method bit */
	const char		*method_name;	/* borrowed from the environment */
	char			*path;		/* owned, decoded, starts with '/' */
	const char		*content_type;	/* borrowed, may be NULL */
	const char		*remote_addr;	/* borrowed, may be "" */
	int			 https;
	long long		 content_length;
	long long		 body_consumed;
	struct buf		 body;		/* owned; filled by req_read_body */
	int			 body_read;
	struct kvlist		 query, form;
	struct mparts		 files;		/* the file parts of a multipart form */
	long long		 body_max;	/* this route's cap on the body; 0: config.body_max */
	struct buf		 cookies;	/* owned: "name\0value\0" pairs */
	enum family		 family;
	const struct route	*route;		/* matched route, NULL if none */
	char			*param;		/* owned: the {id} of the path, if any */
	char			*param2;	/* owned: its second {id}, if any */
	struct principal	*who;		/* the caller, or NULL: set and freed by the dispatcher */
	const char		*lang;		/* the reader's language code (i18n.h): set by the dispatcher */
	struct principal	*expired;	/* the user of a session that expired on this
						 * request, or NULL: set by auth, freed by the dispatcher */
	int			 restored;	/* r->form holds a form kept over a login */
	/* response */
	int			 status;
	int			 started;	/* headers written */
	int			 io_failed;
	struct buf		 headers;	/* extra headers, "Name: value\r\n" each */
	const char		*csp;		/* Content-Security-Policy if not the pages' own */
};

/* Fill `r` from the transport.  Returns 0; 1 when the query string holds
 * more than QUERY_MAX parameters (`r` is complete enough to answer that
 * HERR_BAD_QUERY); or -1 on allocation failure (answer 500).  The request
 * must be released with req_free() in every case. */
int  req_init(struct req *r, const struct io *io, struct store *store);

/* Drain what is left of the body (so the peer sees a clean end) and free. */
void req_free(struct req *r);

/* A CGI variable of the request, or NULL.  Borrowed. */
const char *req_env(const struct req *r, const char *name);

/* Lookups; borrowed values or NULL.  Every cookie of the request is
 * found, however many were sent: a site sharing the domain may set
 * dozens, and the desk's own must still be read. */
const char *req_query(const struct req *r, const char *key);
const char *req_form(const struct req *r, const char *key);
const char *req_cookie(const struct req *r, const char *key);

/* Is the declared body within the route's cap (r->body_max, else
 * config.body_max)?
 * The one place the cap is checked: by the dispatcher before anything
 * is read, and by every body reader.  1 or 0. */
int  req_body_fits(const struct req *r);

/* Was the body sent as application/json (parameters and case aside)?
 * 1 or 0. */
int  req_is_json(const struct req *r);

/* A non-negative integer query parameter within [min, max]; absent
 * gives `def`.  0 ok, -1 invalid (out of range, not a number). */
int  req_query_int(const struct req *r, const char *key, long long def,
	long long min, long long max, long long *out);

/* Values a comma list of the query may hold ("status=NEW,IN_PROGRESS"),
 * and names a `fields` list may hold: bounds on the work of one list. */
#define QUERY_LIST_MAX	100
#define FIELDS_MAX	64

/* A comma list query parameter: *out its raw value (borrowed; NULL when
 * absent or empty).  0, or -1 when it holds more than `max` values. */
int  req_query_list(const struct req *r, const char *key, size_t max,
	const char **out);

/* Read the whole body into r->body.  Returns 0, HERR_TOO_LARGE (nothing
 * read), or -1 on transport error. */
int  req_read_body(struct req *r);

/* Read and decode an application/x-www-form-urlencoded body, or a
 * multipart/form-data one, into r->form (a multipart form's text fields;
 * its files, the parts with a filename, go to r->files, pointing into
 * r->body).  Returns 0 or an enum herr (TOO_LARGE, MEDIA_TYPE, BAD_BODY,
 * FORM_FIELDS past FORM_MAX fields or MULTIPART_PARTS_MAX parts,
 * FORM_TEXT), -1 i/o or ENOMEM. */
int  req_read_form(struct req *r);

/* Read and parse a JSON object body.  On success returns a new reference
 * and sets *err to 0; otherwise NULL and *err is HERR_TOO_LARGE,
 * HERR_MEDIA_TYPE (not application/json), HERR_BAD_BODY (not a JSON
 * object; `why` gets the parser's message if not NULL) or -1 (i/o). */
json_t *req_read_json(struct req *r, int *err, char *why, size_t whylen);

/* Decode %XX and, if plus is set, '+' in place.  Returns -1 if the
 * result would contain NUL or an invalid escape, else 0. */
int  url_decode(char *s, int plus);

/* Parameters read from a query string, and fields from a form: bounds on
 * the work of one request.  A form is also bounded by the body size; the
 * offer entry page posts 240 offer inputs besides its own fields. */
#define QUERY_MAX	256
#define FORM_MAX	2048

/* Parse "a=1&b=2" into `list` (appending) up to `max` pairs.  Returns 0,
 * 1 when `s` holds more (the list has the first `max`), -1 on ENOMEM.
 * Leniently (`strict` 0, a query string) an undecodable key or value is
 * kept empty; strictly (a form) it returns 2, and so does a key or value
 * that is not UTF-8 once decoded. */
int  kv_parse_query(struct kvlist *list, const char *s, size_t max, int strict);
const char *kv_get(const struct kvlist *list, const char *key);

/* Append a copy of one pair to `list`.  0 or -1 (ENOMEM). */
int  kv_parse_pair(struct kvlist *list, const char *key, const char *val);
void kv_free(struct kvlist *list);

/* Add a response header before resp_start().  Refuses names or values
 * containing CR or LF (-1). */
int  resp_header(struct req *r, const char *name, const char *value);

/* Write the status line and headers.  Returns 0 or -1 (i/o). */
int  resp_start(struct req *r, int status, const char *content_type);

/* Write body bytes (suppressed for HEAD).  0 or -1. */
int  resp_write(struct req *r, const char *s, size_t n);

/* Send `len` bytes of a stored file as a download (200): Content-Type
 * `mime`, Content-Disposition attachment with `name` (RFC 6266), a
 * sandboxing Content-Security-Policy.  0 or -1. */
int  resp_file(struct req *r, const char *mime, const char *name, const void *data,
	size_t len);
int  resp_puts(struct req *r, const char *s);

/* A complete JSON response; `body` is borrowed.  0 or -1. */
int  resp_json(struct req *r, int status, const json_t *body);

/* A complete JSON response from JSON text (borrowed).  0 or -1. */
int  resp_json_text(struct req *r, int status, const char *text);

/* A complete JSON response; `body` is stolen (NULL: nothing is sent and
 * -1 is returned, so the router answers 500).  0 or -1. */
int  resp_json_new(struct req *r, int status, json_t *body);

/* Append `s` (NULL: nothing) percent-encoded as a query-string value:
 * only A-Z a-z 0-9 - _ . are kept as they are.  0 or -1 (ENOMEM). */
int  query_encode(struct buf *b, const char *s);

/* 303 See Other to a local path: "/" when `location` is not one (see
 * http.c), so that a redirect never leaves the desk. */
int  resp_redirect(struct req *r, const char *location);

/* Reason phrase of an HTTP status. */
const char *http_reason(int status);

/* The status of a creation's answer, which an Idempotency-Key keeps
 * (idem_record()): named, so that no domain module writes a status. */
#define HTTP_CREATED	201

#endif
