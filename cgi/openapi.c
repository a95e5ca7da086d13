/*
 * openapi.c — GET /openapi.json: the OpenAPI 3.1 description of every
 * JSON route, built with jansson (never printf).
 *
 * Layout: small builder helpers (struct oa, op_*, resp_*), then one
 * function per component schema (schema_*), then one function per path
 * (path_*), then openapi_document() which calls them all, then the
 * handler.  The request bodies of POST /ordering/b2b/v2/requests are
 * generated from the loaded catalog (catalog_schema() of every type), so
 * a type added to the catalog appears here with no C change.
 *
 * A path is a `path_xxx(oa)` function: op_new() (the last argument is 1
 * for a public route), op_param() / op_page_params() for its query, op_body()
 * and op_response() for what it takes and answers, and op_errors() naming
 * the rows of errors.h it can answer with (the descriptions are built from
 * those rows, the tables the desk answers from); its schemas are added by
 * a `schema_xxx(oa)` function.  Both are called from openapi_document().
 * tests/http/test_openapi.py fails while a JSON route of route.c is not
 * described here, and validates real answers against the document.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "autoconf.h"
#include "catalog.h"
#include "conversation.h"
#include "search.h"
#include "errors.h"
#include "http.h"
#include "log.h"
#include "openapi.h"
#include "ops.h"
#include "webhook.h"

#define SCHEMAS		"#/components/schemas/"
#define LIST_MAX	250	/* orange_api.c and sp_api.c: limit maximum */
#define REQ_LIST_DEF	250	/* orange_api.c: default limit of /requests */
#define SP_LIST_DEF	50	/* sp_api.c: default limit of /servicePoints */
#define TOP_MAX_LEN	64	/* orange_request.c: customerReference, contract */
#define COMMENT_MAX_LEN	4096	/* orange_request.c: comment */

/* The document being built.  Every helper sets `failed` when jansson
 * could not allocate, so that a half-built document is never served. */
struct oa {
	json_t	*doc;
	int	 failed;
};

/* ------------------------------------------------------------ helpers */

/* Note a failed allocation when v is NULL; returns v unchanged. */
static json_t *
oa_check(struct oa *oa, json_t *v)
{
	if (v == NULL)
		oa->failed = 1;
	return v;
}

/* obj[key] = v, stealing v (NULL v or obj records a failure). */
static void
oa_set(struct oa *oa, json_t *obj, const char *key, json_t *v)
{
	if (obj == NULL || v == NULL || json_object_set_new(obj, key, v) != 0)
		oa->failed = 1;
}

/* Append v (stolen) to the array arr. */
static void
oa_append(struct oa *oa, json_t *arr, json_t *v)
{
	if (arr == NULL || v == NULL || json_array_append_new(arr, v) != 0)
		oa->failed = 1;
}

/* The object obj[key] (borrowed), created empty when absent; NULL only
 * after a recorded failure. */
static json_t *
oa_child(struct oa *oa, json_t *obj, const char *key)
{
	json_t	*c = json_object_get(obj, key);

	if (c == NULL) {
		c = json_object();
		oa_set(oa, obj, key, c);
		if (oa->failed)
			return NULL;
	}
	return c;
}

/* A new {"$ref": "#/components/schemas/NAME"}, or NULL. */
static json_t *
schema_ref(const char *name)
{
	char	ref[256];

	snprintf(ref, sizeof(ref), SCHEMAS "%s", name);
	return json_pack("{s:s}", "$ref", ref);
}

/* A new string schema with a description (and format when not NULL). */
static json_t *
str_schema(const char *description, const char *format)
{
	json_t	*s = json_pack("{s:s, s:s}", "type", "string", "description", description);

	if (s != NULL && format != NULL)
		json_object_set_new(s, "format", json_string(format));
	return s;
}

/* A new schema of a string or null (absent values shown as null). */
static json_t *
nstr_schema(const char *description)
{
	return json_pack("{s:[s,s], s:s}", "type", "string", "null",
	    "description", description);
}

/* A new string schema limited to the values of the NULL-terminated v. */
static json_t *
enum_schema(const char *description, const char *const *v)
{
	json_t	*e = json_array();
	size_t	 i;

	for (i = 0; v[i] != NULL; i++)
		json_array_append_new(e, json_string(v[i]));
	return json_pack("{s:s, s:s, s:o}", "type", "string", "description",
	    description, "enum", e);
}

/* components.schemas[name] = schema (stolen). */
static void
add_schema(struct oa *oa, const char *name, json_t *schema)
{
	json_t	*c = oa_child(oa, json_object_get(oa->doc, "components"), "schemas");

	oa_set(oa, c, name, oa_check(oa, schema));
}

/* Declare a tag (every tag an operation uses must be declared here). */
static void
add_tag(struct oa *oa, const char *name, const char *description)
{
	json_t	*tags = json_object_get(oa->doc, "tags");

	if (tags == NULL) {
		tags = json_array();
		oa_set(oa, oa->doc, "tags", tags);
	}
	oa_append(oa, tags, json_pack("{s:s, s:s}", "name", name,
	    "description", description));
}

/*
 * A new operation at paths[path][method] (method in lower case), with an
 * operationId, one tag, a summary and a description; `public` routes
 * take no credentials (security: []), the others the document's default
 * (X-API-Key or Bearer).  Returns the operation (borrowed) or NULL.
 */
static json_t *
op_new(struct oa *oa, const char *path, const char *method, const char *id,
    const char *tag, const char *summary, const char *description, int public)
{
	json_t	*item = oa_child(oa, oa_child(oa, oa->doc, "paths"), path);
	json_t	*op;

	op = oa_check(oa, json_pack("{s:s, s:[s], s:s, s:s, s:{}}",
	    "operationId", id, "tags", tag, "summary", summary,
	    "description", description, "responses"));
	if (op != NULL && public)
		json_object_set_new(op, "security", json_array());
	oa_set(oa, item, method, op);
	return oa->failed ? NULL : op;
}

/* Add a parameter (in: "query", "path" or "header") of schema (stolen);
 * comma lists are arrays serialized as form, not exploded. */
static void
op_param(struct oa *oa, json_t *op, const char *in, const char *name,
    int required, const char *description, json_t *schema)
{
	json_t		*params = json_object_get(op, "parameters"), *p;
	const char	*type = json_string_value(json_object_get(schema, "type"));
	int		 list = type != NULL && strcmp(type, "array") == 0;

	if (params == NULL) {
		params = json_array();
		oa_set(oa, op, "parameters", params);
	}
	p = json_pack("{s:s, s:s, s:b, s:s, s:o}", "name", name, "in", in,
	    "required", required, "description", description, "schema", schema);
	if (p != NULL && list) {
		json_object_set_new(p, "style", json_string("form"));
		json_object_set_new(p, "explode", json_false());
	}
	oa_append(oa, params, oa_check(oa, p));
}

/* A query parameter `sort`: a key matching `pattern`, default `def`. */
static void
op_sort_param(struct oa *oa, json_t *op, const char *description,
    const char *pattern, const char *def)
{
	op_param(oa, op, "query", "sort", 0, description, json_pack(
	    "{s:s, s:s, s:s}", "type", "string", "pattern", pattern, "default", def));
}

/* The {id} path parameter, naming what it identifies. */
static void
op_path_id(struct oa *oa, json_t *op, const char *description)
{
	op_param(oa, op, "path", "id", 1, description,
	    json_pack("{s:s, s:i}", "type", "string", "minLength", 1));
}

/* A query parameter holding a comma list of strings (values limited to
 * the NULL-terminated `values` when not NULL). */
static void
op_list_param(struct oa *oa, json_t *op, const char *name, const char *description,
    const char *const *values)
{
	json_t	*items = values ? enum_schema(name, values) :
		    json_pack("{s:s}", "type", "string");

	if (items != NULL && values != NULL)
		json_object_del(items, "description");
	op_param(oa, op, "query", name, 0, description,
	    json_pack("{s:s, s:o}", "type", "array", "items", items));
}

/* The required JSON request body of the operation: schema (stolen). */
static void
op_body(struct oa *oa, json_t *op, const char *description, json_t *schema)
{
	oa_set(oa, op, "requestBody", json_pack("{s:s, s:b, s:{s:{s:o}}}",
	    "description", description, "required", 1, "content",
	    "application/json", "schema", schema));
}

/* Add the response `status` (JSON body of schema, stolen, or none when
 * NULL).  Returns the response object (borrowed) for headers, or NULL. */
static json_t *
op_response(struct oa *oa, json_t *op, int status, const char *description,
    json_t *schema)
{
	json_t	*resp;
	char	 code[8];

	snprintf(code, sizeof(code), "%d", status);
	resp = json_pack("{s:s}", "description", description);
	if (resp != NULL && schema != NULL)
		oa_set(oa, resp, "content", json_pack("{s:{s:o}}",
		    "application/json", "schema", schema));
	oa_set(oa, oa_child(oa, op, "responses"), code, oa_check(oa, resp));
	return oa->failed ? NULL : resp;
}

/* Declare a response header of an integer value. */
static void
resp_int_header(struct oa *oa, json_t *resp, const char *name, const char *description)
{
	oa_set(oa, oa_child(oa, resp, "headers"), name, json_pack(
	    "{s:s, s:{s:s, s:i}}", "description", description, "schema",
	    "type", "integer", "minimum", 0));
}

/*
 * Error responses from the rows of errors.h, the tables the desk answers
 * from: one response per HTTP status, in the family's shape (Orange Error
 * object or TelecomX {error, errors}), its description listing every row
 * of that status the route can answer with its code and words (the words
 * that vary shown as "…").  Rows are named H(HERR_x), O(OERR_x), X(XERR_x)
 * in a list ended by END.
 */
#define H(e)	(0x10000 | (e))
#define O(e)	(0x20000 | (e))
#define X(e)	(0x30000 | (e))
#define END	(-1)

/* One row as a line of a description: status, and the text. */
static int
row_line(enum family fam, int row, struct buf *b)
{
	static const char *const dots[3] = { "…", "…", "…" };
	const int	 e = row & 0xffff;
	int		 status;
	char		*words = NULL;

	switch (row >> 16) {
	case 1: {
		const struct herr_row *h = herr_row((enum herr)e);
		status = h->status;
		if (fam == FAM_ORANGE)
			buf_printf(b, "- `%d` %s: %s\n", h->ocode, h->omessage, h->message);
		else
			buf_printf(b, "- `%s`: %s\n", h->xcode, h->message);
		break;
	}
	case 2: {
		const struct oerr_row *o = oerr_row((enum oerr)e);
		status = o->status;
		words = errors_fill(o->description, dots);
		buf_printf(b, "- `%d` %s: %s\n", o->code, o->message, words ? words : "");
		break;
	}
	default: {
		const struct xerr_row *x = xerr_row((enum xerr)e);
		status = x->status;
		words = errors_fill(x->message, dots);
		if (x->code != NULL)
			buf_printf(b, "- `%s`%s%s%s: %s\n", x->code, x->check ? " (check `" : "",
			    x->check ? x->check : "", x->check ? "`)" : "", words ? words : "");
		else
			buf_printf(b, "- the property's code, check `%s`: %s\n",
			    x->check ? x->check : "-", words ? words : "");
		break;
	}
	}
	free(words);
	return status;
}

/* The error responses of `op` for the rows that follow, up to END. */
static void
op_errors(struct oa *oa, json_t *op, enum family fam, ...)
{
#define STATUSES_MAX	8	/* the distinct statuses of one operation's errors */
	struct buf	 lines[STATUSES_MAX] = { { 0 } };
	int		 statuses[STATUSES_MAX] = { 0 }, row, st, slot;
	struct buf	 one = { 0 };
	va_list		 ap;

	va_start(ap, fam);
	while ((row = va_arg(ap, int)) != END) {
		one.len = 0;
		st = row_line(fam, row, &one);
		for (slot = 0; slot < STATUSES_MAX && statuses[slot] != 0 &&
		    statuses[slot] != st; slot++)
			continue;
		if (slot == STATUSES_MAX) {
			oa->failed = 1;	/* more statuses than a route has */
			break;
		}
		statuses[slot] = st;
		buf_append(&lines[slot], one.data ? one.data : "", one.len);
	}
	va_end(ap);
	buf_free(&one);
	for (slot = 0; slot < STATUSES_MAX && statuses[slot] != 0; slot++) {
		/* Rows of a status already described (the body's or the
		 * credentials' errors) join its description. */
		char code[8];
		const char *before;
		snprintf(code, sizeof(code), "%d", statuses[slot]);
		before = json_string_value(json_object_get(json_object_get(json_object_get(
		    op, "responses"), code), "description"));
		if (before != NULL) {
			struct buf all = { 0 };
			buf_puts(&all, before);
			buf_puts(&all, lines[slot].data ? lines[slot].data : "");
			buf_free(&lines[slot]);
			lines[slot] = all;
		}
		op_response(oa, op, statuses[slot], lines[slot].data ? lines[slot].data : "",
		    schema_ref(fam == FAM_ORANGE ? "Error" : "TelecomXError"));
		buf_free(&lines[slot]);
	}
}

/* The 401 of a route: for a protected route, missing, invalid or expired
 * credentials; for a public one, credentials sent but not valid. */
static void
op_auth_errors(struct oa *oa, json_t *op, enum family fam, int public)
{
	if (public)
		op_errors(oa, op, fam, H(HERR_AUTH_INVALID), H(HERR_AUTH_FORMAT),
		    H(HERR_AUTH_EXPIRED), END);
	else
		op_errors(oa, op, fam, H(HERR_AUTH_MISSING), H(HERR_AUTH_INVALID),
		    H(HERR_AUTH_FORMAT), H(HERR_AUTH_EXPIRED), END);
}

/* The errors of every route taking a JSON body: 413 and 415 (checked
 * before the credentials), 400 when the body is not a JSON object. */
static void
op_body_errors(struct oa *oa, json_t *op, enum family fam)
{
	op_errors(oa, op, fam, H(HERR_BAD_BODY), H(HERR_TOO_LARGE), H(HERR_MEDIA_TYPE), END);
}

/* The 429 of a route under the rate limit per credential ([limits],
 * route.c check_rate), with its Retry-After. */
static void
op_rate_errors(struct oa *oa, json_t *op, enum family fam)
{
	json_t *resp;

	op_errors(oa, op, fam, H(HERR_TOO_MANY), END);
	if ((resp = json_object_get(json_object_get(op, "responses"), "429")) != NULL)
		resp_int_header(oa, resp, "Retry-After", "Seconds until this credential "
		    "may try again (the rate limit per credential; ADMINs are not limited "
		    "by default).");
}

/* The X-Total-Count and X-Result-Count headers of a list response. */
static void
resp_count_headers(struct oa *oa, json_t *resp)
{
	resp_int_header(oa, resp, "X-Total-Count",
	    "How many items match, before offset and limit.");
	resp_int_header(oa, resp, "X-Result-Count", "How many items this page holds.");
}

/* The offset and limit query parameters of a list (default limit def). */
static void
op_page_params(struct oa *oa, json_t *op, int def)
{
	op_param(oa, op, "query", "offset", 0, "How many matching items to skip.",
	    json_pack("{s:s, s:i, s:i}", "type", "integer", "minimum", 0,
	    "default", 0));
	op_param(oa, op, "query", "limit", 0, "How many items to return at most.",
	    json_pack("{s:s, s:i, s:i, s:i}", "type", "integer", "minimum", 1,
	    "maximum", LIST_MAX, "default", def));
}

/* The Idempotency-Key header of a creation (idempotency.h), and the
 * errors it can add: 400 for a header that is not a key, 422 for a key
 * used for another request, in the family's shape. */
static void
op_idempotency(struct oa *oa, json_t *op, enum family fam)
{
	op_param(oa, op, "header", "Idempotency-Key", 0, "Makes a retry safe (IETF "
	    "httpapi draft \"The Idempotency-Key HTTP Header Field\"): the same key "
	    "with the same request (method, path, body) from the same user within "
	    "24 hours answers the first answer again (status, location header, "
	    "body, plus `Idempotent-Replayed: true`) and creates nothing; two "
	    "requests with one key at once create one thing, the second answering "
	    "the first one's answer.  Another request with the key is refused "
	    "(422).  Only a creation that succeeded keeps its key.  1 to 255 "
	    "visible ASCII characters but space, `\"` and `\\`, bare or as a "
	    "Structured Field string (in double quotes).",
	    json_pack("{s:s, s:s}", "type", "string", "pattern",
	    "^([!#-\\[\\]-~]{1,255}|\"[!#-\\[\\]-~]{1,255}\")$"));
	op_errors(oa, op, fam, H(HERR_IDEM_KEY), fam == FAM_ORANGE ?
	    O(OERR_IDEM_REUSED) : X(XERR_IDEM_REUSED), END);
}

/*
 * Remove the "$schema" keyword from a JSON Schema and its subschemas
 * (OpenAPI 3.1 uses draft 2020-12 natively); values of enum, const,
 * default and examples are data, not schemas, and are left alone.
 */
static void
strip_dialect(json_t *schema)
{
	const char	*key, *k2;
	json_t		*v, *sub;
	size_t		 i;

	if (json_is_array(schema)) {
		json_array_foreach(schema, i, v)
			strip_dialect(v);
		return;
	}
	if (!json_is_object(schema))
		return;
	json_object_del(schema, "$schema");
	json_object_foreach(schema, key, v) {
		if (strcmp(key, "properties") == 0 || strcmp(key, "$defs") == 0 ||
		    strcmp(key, "patternProperties") == 0 ||
		    strcmp(key, "dependentSchemas") == 0) {
			json_object_foreach(v, k2, sub)
				strip_dialect(sub);
		} else if (strcmp(key, "enum") != 0 && strcmp(key, "const") != 0 &&
		    strcmp(key, "default") != 0 && strcmp(key, "examples") != 0) {
			strip_dialect(v);
		}
	}
}

/* ------------------------------------------------------------ schemas */

static const char *const request_statuses[] = {
	"NEW", "IN_PROGRESS", "COMPLETED", "REJECTED", "CANCELED", NULL
};
static const char *const request_categories[] = {
	"NEW", "CHANGE", "DISCONNECT", NULL
};
static const char *const sp_states[] = {
	"OPERATIONAL", "IN_PROGRESS", "SUSPENDED", "TERMINATED", NULL
};

/* Error and ErrorDetail: the Orange error object (ordering, core). */
static void
schema_orange_error(struct oa *oa)
{
	add_schema(oa, "ErrorDetail", json_pack("{s:s, s:s, s:[s,s,s], s:{s:o, s:o, s:o}}",
	    "type", "object", "description", "One problem found in the request.",
	    "required", "code", "message", "description",
	    "properties",
	    "code", json_pack("{s:s, s:s, s:s}", "type", "integer", "format",
		"int32", "description", "Orange code of the problem."),
	    "message", str_schema("Title of the problem.", NULL),
	    "description", str_schema("What is wrong, in detail.", NULL)));
	add_schema(oa, "Error", json_pack("{s:s, s:s, s:[s,s,s], s:{s:o, s:o, s:o, s:o}}",
	    "type", "object", "description", "Orange error object: the first "
	    "problem found; `details` lists every problem found in the same body.",
	    "required", "code", "message", "description",
	    "properties",
	    "code", json_pack("{s:s, s:s, s:s}", "type", "integer", "format",
		"int32", "description", "Orange code of the error (see docs/API.md)."),
	    "message", str_schema("Title of the error.", NULL),
	    "description", str_schema("What is wrong, in detail.", NULL),
	    "details", json_pack("{s:s, s:o}", "type", "array", "items",
		schema_ref("ErrorDetail"))));
}

/* TelecomXError and TelecomXErrorItem: {error, errors} of /auth, /healthz
 * (and the /internet routes). */
static void
schema_tcx_error(struct oa *oa)
{
	add_schema(oa, "TelecomXErrorItem", json_pack(
	    "{s:s, s:s, s:[s,s,s], s:{s:o, s:o, s:o, s:o, s:o}}",
	    "type", "object", "description", "One TelecomX error.",
	    "required", "code", "status", "message",
	    "properties",
	    "code", str_schema("Path of the property in error, or a fixed token "
		"(not_found, access_denied, credentials_invalid, expired...).", NULL),
	    "path", str_schema("Path of the property in error, if any.", NULL),
	    "status", json_pack("{s:s, s:s}", "type", "integer",
		"description", "The HTTP status."),
	    "message", str_schema("Human-readable message.", NULL),
	    "check", str_schema("The kind of validation check that failed, if any.", NULL)));
	add_schema(oa, "TelecomXError", json_pack("{s:s, s:s, s:[s,s], s:{s:o, s:o}}",
	    "type", "object", "description", "TelecomX error: the first error, "
	    "and every error found in `errors`.",
	    "required", "error", "errors",
	    "properties",
	    "error", schema_ref("TelecomXErrorItem"),
	    "errors", json_pack("{s:s, s:i, s:o}", "type", "array", "minItems", 1,
		"items", schema_ref("TelecomXErrorItem"))));
}

/* The properties of a Request as the API shows it (new object). */
static json_t *
request_members(void)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, "
	    "s:o, s:o, s:o, s:o, s:o}",
	    "id", str_schema("Identifier (24 hexadecimal characters).", NULL),
	    "type", str_schema("Request type (a catalog item id).", NULL),
	    "name", str_schema("Title of the request type.", NULL),
	    "category", enum_schema("Category of the request type.", request_categories),
	    "status", enum_schema("Where the request is in its life.", request_statuses),
	    "customerReference", str_schema("The customer's own reference.", NULL),
	    "contract", str_schema("Contract number.", NULL),
	    "comment", str_schema("Comment given at creation.", NULL),
	    "customer", json_pack("{s:s, s:[s,s], s:{s:o, s:o}}", "type", "object",
		"required", "id", "name", "properties",
		"id", str_schema("Customer id.", NULL),
		"name", str_schema("Customer name.", NULL)),
	    "keyDates", json_pack("{s:s, s:{s:o, s:o, s:o}}", "type", "object",
		"properties",
		"issuedAt", str_schema("When the request was made (UTC).", "date-time"),
		"requestedAt", str_schema("The requested date (YYYY-MM-DD).", "date"),
		"completedAt", str_schema("When it was completed.", NULL)),
	    "properties", json_pack("{s:s, s:s}", "type", "object", "description",
		"The properties as stored: after defaults, without the attributes "
		"the profile makes irrelevant (see the catalog item's schema)."),
	    "createdAt", str_schema("When the request was made (UTC).", "date-time"),
	    "updatedAt", str_schema("Last change (UTC).", "date-time"),
	    "createdBy", str_schema("Id of the user who made it.", NULL),
	    "_links", json_pack("{s:s, s:[s], s:{s:o}}", "type", "object",
		"required", "self", "properties", "self", json_pack(
		"{s:s, s:[s], s:{s:o}}", "type", "object", "required", "href",
		"properties", "href", str_schema("This request's URL path.", NULL))),
	    "history", json_pack("{s:s, s:s, s:o}", "type", "array", "description",
		"Status changes, oldest first (only on a single request).",
		"items", schema_ref("RequestHistoryEntry")));
}

/* Request, RequestListItem and RequestHistoryEntry. */
static void
schema_request(struct oa *oa)
{
	json_t	*full = oa_check(oa, request_members());
	json_t	*item = oa_check(oa, request_members());

	json_object_del(item, "history");
	add_schema(oa, "RequestHistoryEntry", json_pack(
	    "{s:s, s:s, s:[s,s], s:{s:o, s:o, s:o, s:o, s:o}}",
	    "type", "object", "description", "One status change of a request.",
	    "required", "at", "to", "properties",
	    "at", str_schema("When (UTC).", "date-time"),
	    "by", json_pack("{s:s, s:[s], s:{s:o, s:o}}", "type", "object",
		"required", "id", "properties", "id", str_schema("User id.", NULL),
		"name", nstr_schema("User name.")),
	    "from", enum_schema("Status before (absent on creation).", request_statuses),
	    "to", enum_schema("Status after.", request_statuses),
	    "comment", str_schema("Why.", NULL)));
	add_schema(oa, "Request", json_pack("{s:s, s:s, s:[s,s,s,s,s,s,s,s], s:o}",
	    "type", "object", "description", "An ordering request, with its history.",
	    "required", "id", "type", "name", "category", "status", "customer",
	    "keyDates", "history", "properties", full));
	add_schema(oa, "RequestListItem", json_pack("{s:s, s:s, s:[s], s:o}",
	    "type", "object", "description", "An ordering request in a list: no "
	    "history; with `fields`, only the members asked for (and `id`).",
	    "required", "id", "properties", item));
}

/* A component name for a catalog type: [A-Za-z0-9._-] kept, others '_'. */
static void
create_schema_name(const struct rtype *t, char *out, size_t len)
{
	size_t	i;

	snprintf(out, len, "RequestCreate_%s", t->type);
	for (i = 0; out[i] != '\0'; i++)
		if (!((out[i] >= 'a' && out[i] <= 'z') || (out[i] >= 'A' &&
		    out[i] <= 'Z') || (out[i] >= '0' && out[i] <= '9') ||
		    out[i] == '.' || out[i] == '-' || out[i] == '_'))
			out[i] = '_';
}

/* The body of POST /requests for type t (new reference): the top-level
 * attributes, and `properties` as catalog_schema(t) without $schema. */
static json_t *
request_create_schema(const struct rtype *t)
{
	json_t	*props = catalog_schema(t);
	char	 desc[512];

	if (props == NULL)
		return NULL;
	strip_dialect(props);
	snprintf(desc, sizeof(desc), "Create a request of type %s (%s); "
	    "requestedAt a French working day at least %d %sdays after today "
	    "(Europe/Paris).", t->type, t->title, t->lead_days,
	    t->lead_unit == LEAD_WORKING ? "working " : "");
	return json_pack("{s:s, s:s, s:s, s:[s,s,s], s:{s:{s:s, s:s}, s:o, s:o, "
	    "s:o, s:o, s:o, s:o}}",
	    "type", "object", "title", t->title, "description", desc,
	    "required", "type", "requestedAt", "properties",
	    "properties",
	    "type", "type", "string", "const", t->type,
	    "requestedAt", json_pack("{s:s, s:s, s:s, s:s}", "type", "string",
		"format", "date", "pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description",
		"The requested date, YYYY-MM-DD (a date-time is refused with "
		"3611): a French working day (not a Saturday, Sunday or one of "
		"the 11 national public holidays) at least the type's lead time "
		"(leadDays, counted in leadUnit) after today in Europe/Paris; "
		"the earliest valid date is the first working day on or after "
		"today + leadDays calendar days."),
	    "customerReference", json_pack("{s:[s,s], s:i, s:s}", "type", "string",
		"null", "maxLength", TOP_MAX_LEN, "description", "Your own reference."),
	    "contract", json_pack("{s:[s,s], s:i, s:s}", "type", "string", "null",
		"maxLength", TOP_MAX_LEN, "description", "Contract number."),
	    "comment", json_pack("{s:[s,s], s:i, s:s}", "type", "string", "null",
		"maxLength", COMMENT_MAX_LEN, "description", "Free comment."),
	    "customer", json_pack("{s:s, s:s, s:{s:o}}", "type", "object",
		"description", "The customer, for ADMIN and reseller staff "
		"(optional when the caller has a single customer; customer staff "
		"may only name their own).", "properties",
		"id", str_schema("Customer id.", NULL)),
	    "properties", props);
}

/*
 * One RequestCreate_<TYPE> schema per loaded catalog type, and the body
 * of POST /requests: a oneOf of them with a discriminator on `type`
 * (new reference).
 */
static json_t *
schema_request_create(struct oa *oa)
{
	json_t			*one_of, *mapping;
	const struct rtype	*t;
	char			 name[160], ref[200];
	size_t			 i;

	if (catalog_count() == 0)
		return json_pack("{s:s, s:s}", "type", "object", "description",
		    "No request type is loaded in the catalog.");
	one_of = oa_check(oa, json_array());
	mapping = oa_check(oa, json_object());
	for (i = 0; (t = catalog_at(i)) != NULL; i++) {
		create_schema_name(t, name, sizeof(name));
		snprintf(ref, sizeof(ref), SCHEMAS "%s", name);
		add_schema(oa, name, request_create_schema(t));
		oa_append(oa, one_of, schema_ref(name));
		oa_set(oa, mapping, t->type, json_string(ref));
	}
	return json_pack("{s:o, s:{s:s, s:o}}", "oneOf", one_of,
	    "discriminator", "propertyName", "type", "mapping", mapping);
}

/* RequestStatusChange: the body of POST /requests/{id}/status. */
static void
schema_status_change(struct oa *oa)
{
	add_schema(oa, "RequestStatusChange", json_pack(
	    "{s:s, s:s, s:[s], s:{s:o, s:o, s:o}}",
	    "type", "object", "description", "ADMIN: NEW to IN_PROGRESS, "
	    "IN_PROGRESS to COMPLETED, NEW or IN_PROGRESS to REJECTED (comment "
	    "required); customer staff above VIEWER: NEW to CANCELED.",
	    "required", "status", "properties",
	    "status", enum_schema("The new status.", request_statuses),
	    "comment", json_pack("{s:s, s:i, s:s}", "type", "string", "maxLength",
		COMMENT_MAX_LEN, "description", "Why (required to reject)."),
	    "reason", json_pack("{s:s, s:i, s:s, s:b}", "type", "string",
		"maxLength", COMMENT_MAX_LEN, "description", "Alias of `comment`.",
		"deprecated", 1)));
}

/* CatalogItem: one request type the caller may use. */
static void
schema_catalog_item(struct oa *oa)
{
	add_schema(oa, "CatalogItem", json_pack("{s:s, s:s, s:[s,s,s,s,s,s,s,s], "
	    "s:{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}}",
	    "type", "object", "description", "A request type of the caller's catalog.",
	    "required", "id", "name", "category", "leadDays", "leadUnit", "markets",
	    "catalog", "schema", "properties",
	    "id", str_schema("The request type (`type` of a request).", NULL),
	    "name", str_schema("Title.", NULL),
	    "nameFr", str_schema("Title in French.", NULL),
	    "description", str_schema("What the type is for.", NULL),
	    "category", enum_schema("Category.", request_categories),
	    "leadDays", json_pack("{s:s, s:i, s:s}", "type", "integer", "minimum", 0,
		"description", "Lead time: requestedAt is at least this many "
		"days (leadUnit) after today in Europe/Paris, and a French "
		"working day."),
	    "leadUnit", json_pack("{s:s, s:[s,s], s:s}", "type", "string", "enum",
		"calendar", "working", "description", "How leadDays counts: "
		"calendar days (the Orange rule, 3611) or French working days."),
	    "markets", json_pack("{s:s, s:{s:s}, s:s}", "type", "array", "items",
		"type", "string", "description", "Markets allowed (empty: every market)."),
	    "catalog", json_pack("{s:s, s:[s], s:{s:{s:s, s:[s,s]}}}", "type",
		"object", "required", "type", "properties", "type", "type", "string",
		"enum", "standard", "customized"),
	    "schema", json_pack("{s:s, s:s}", "type", "object", "description",
		"JSON Schema (draft 2020-12) of the request's `properties`."),
	    "_links", json_pack("{s:s, s:{s:{s:s, s:{s:o}}}}", "type", "object",
		"properties", "self", "type", "object", "properties", "href",
		str_schema("This item's URL path.", NULL))));
}

/* ServicePoint: one of the caller's sites (absent values are omitted,
 * or null with displayNulls=true). */
static void
schema_service_point(struct oa *oa)
{
	json_t	*state = json_pack("{s:[s,s], s:s, s:[s,s,s,s,n]}", "type",
		    "string", "null", "description", "State of the service point.",
		    "enum", sp_states[0], sp_states[1], sp_states[2], sp_states[3]);

	add_schema(oa, "ServicePoint", json_pack("{s:s, s:s, s:[s,s,s], "
	    "s:{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}}",
	    "type", "object", "description", "A site of a customer.",
	    "required", "id", "customer", "location", "properties",
	    "id", str_schema("Identifier.", NULL),
	    "name", nstr_schema("Name."),
	    "customerReference", nstr_schema("The customer's reference of the site."),
	    "reference", nstr_schema("The operator's reference of the site."),
	    "state", state,
	    "profile", nstr_schema("Service profile."),
	    "customer", json_pack("{s:s, s:[s,s], s:{s:o, s:o}}", "type", "object",
		"required", "id", "name", "properties",
		"id", str_schema("Customer id.", NULL),
		"name", str_schema("Customer name.", NULL)),
	    "location", json_pack("{s:s, s:[s], s:{s:o, s:o}}", "type", "object",
		"required", "address", "properties",
		"name", nstr_schema("Name of the place."),
		"address", json_pack("{s:s, s:{s:o, s:o, s:o, s:o}}", "type", "object",
		"properties", "street", nstr_schema("Street."),
		"postalCode", nstr_schema("Postal code."),
		"city", nstr_schema("City."),
		"country", nstr_schema("Country (ISO 3166 two letters)."))),
	    "_links", json_pack("{s:s, s:{s:{s:s, s:{s:o}}}}", "type", "object",
		"properties", "self", "type", "object", "properties", "href",
		str_schema("This service point's URL path (displayLinks=true).", NULL))));
}

/* LoginRequest and LoginResponse of POST /auth/login. */
static void
schema_login(struct oa *oa)
{
	add_schema(oa, "LoginRequest", json_pack("{s:s, s:[s,s], s:{s:o, s:o}}",
	    "type", "object", "required", "email", "password", "properties",
	    "email", str_schema("The user's e-mail address.", "email"),
	    "password", json_pack("{s:s, s:s, s:s}", "type", "string", "format",
		"password", "description", "The user's password.")));
	add_schema(oa, "LoginResponse", json_pack("{s:s, s:[s,s], s:{s:o, s:o}}",
	    "type", "object", "required", "token", "expiresInMinutes", "properties",
	    "token", str_schema("Bearer token for `Authorization: Bearer <token>`.", NULL),
	    "expiresInMinutes", json_pack("{s:s, s:i, s:s}", "type", "integer",
		"minimum", 1, "description", "Validity of the token.")));
}

/* RequestAggregate, APIStatus, APIVersion (ordering) and Me (core). */
static void
schema_ordering_misc(struct oa *oa)
{
	add_schema(oa, "RequestAggregate", json_pack("{s:s, s:s, s:{s:[{s:s, s:i}, o]}}",
	    "type", "object", "description", "The counts by the first attribute of "
	    "`groupBy`: each value of it (a status, a type...) with its count, or, "
	    "grouped by more attributes, with the counts by the next one.",
	    "additionalProperties", "oneOf", "type", "integer", "minimum", 1,
	    schema_ref("RequestAggregate")));
	add_schema(oa, "APIStatus", json_pack("{s:s, s:s, s:[s,s,s], s:{s:o, s:o, s:o}}",
	    "type", "object", "description", "Information on the status of the API.",
	    "required", "name", "status", "version", "properties",
	    "name", str_schema("Name of the API.", NULL),
	    "status", json_pack("{s:s, s:[s,s], s:s}", "type", "string", "enum", "ok",
		"ko", "description", "`ok`: the API answers; `ko`: its database "
		"does not."),
	    "version", str_schema("Version of the API (major.minor.patch).", NULL)));
	add_schema(oa, "APIVersion", json_pack("{s:s, s:s, s:[s,s], s:{s:{s:s, s:[s,s,s], "
	    "s:{s:o, s:o, s:o}}, s:o}}",
	    "type", "object", "description", "The version of the Orange Ordering API "
	    "description the routes follow; the major is the `v2` of the paths "
	    "(reqdesk's own version is /healthz's).",
	    "required", "version", "deprecated", "properties",
	    "version", "type", "object", "required", "major", "minor", "patch",
	    "properties", "major", str_schema("Major number.", NULL),
	    "minor", str_schema("Minor number.", NULL),
	    "patch", str_schema("Patch number.", NULL),
	    "deprecated", json_pack("{s:s, s:s}", "type", "boolean", "description",
		"Whether this version is deprecated (never, so far).")));
	add_schema(oa, "Me", json_pack("{s:s, s:s, s:[s,s,s,s,s], s:{s:o, s:o, s:o, s:o, "
	    "s:o, s:o, s:o, s:o, s:o, s:o, s:o}}",
	    "type", "object", "description", "The caller: its user and the "
	    "credential of this request (an API key, or a token from /auth/login), "
	    "and, beside the reference's members, its level and its customer or "
	    "reseller.",
	    "required", "login", "name", "email", "userId", "level", "properties",
	    "id", str_schema("The API key's id (its prefix, as the admin pages "
		"show it); absent for a token.", NULL),
	    "login", str_schema("The user's login: its e-mail address.", NULL),
	    "name", str_schema("The user's name.", NULL),
	    "email", str_schema("The user's e-mail address.", "email"),
	    "phone", str_schema("The user's phone number.", NULL),
	    "apiKey", json_pack("{s:s, s:[s,s,s], s:{s:o, s:o, s:o, s:o, s:o}}",
		"type", "object", "required", "scopes", "type", "createdAt",
		"properties", "id", str_schema("The API key's id (absent for a "
		"token).", NULL),
		"scopes", json_pack("{s:s, s:[s,s], s:s}", "type", "string", "enum",
		"b2b:ordering", "b2b:ordering:readonly", "description",
		"`b2b:ordering:readonly` for a VIEWER, `b2b:ordering` otherwise."),
		"type", json_pack("{s:s, s:[s], s:s}", "type", "string", "enum",
		"ACTIVE", "description", "A credential that answers is active."),
		"createdAt", str_schema("When the credential was made.", "date-time"),
		"expiredAt", str_schema("When it expires (tokens; an API key lasts "
		"until revoked).", "date-time")),
	    "createdAt", str_schema("When the user was created.", NULL),
	    "userId", str_schema("The user's id (`createdBy` of what it makes).", NULL),
	    "level", json_pack("{s:s, s:[s,s,s,s,s,s], s:s}", "type", "string", "enum",
		"VIEWER", "MANAGER", "OWNER", "RESELLER", "RESELLER_ADMIN", "ADMIN",
		"description", "The user's access level (docs/ACCOUNTS.md)."),
	    "customer", json_pack("{s:s, s:s, s:[s], s:{s:o, s:o}}", "type", "object",
		"description", "The customer of customer staff.", "required", "id",
		"properties", "id", str_schema("Customer id.", NULL),
		"name", str_schema("Customer name.", NULL)),
	    "reseller", json_pack("{s:s, s:s, s:[s], s:{s:o, s:o}}", "type", "object",
		"description", "The reseller of reseller staff.", "required", "id",
		"properties", "id", str_schema("Reseller id.", NULL),
		"name", str_schema("Reseller name.", NULL))));
}

/* Health: the answer of /healthz. */
static void
schema_health(struct oa *oa)
{
	add_schema(oa, "Health", json_pack("{s:s, s:[s,s,s], s:{s:o, s:o, s:o}}",
	    "type", "object", "required", "status", "database", "version",
	    "properties",
	    "status", json_pack("{s:s, s:[s,s]}", "type", "string", "enum", "ok", "error"),
	    "database", json_pack("{s:s, s:[s,s]}", "type", "string", "enum", "ok",
		"unavailable"),
	    "version", str_schema("reqdesk version.", NULL)));
}

/* -------------------------------------------------------------- paths */

/* GET /healthz (public; credentials sent along are not read: RF_ANON). */
static void
path_healthz(struct oa *oa)
{
	json_t	*op = op_new(oa, "/healthz", "get", "getHealth", "operations",
		    "Health check", "Whether the process and its database answer.", 1);

	op_response(oa, op, 200, "Process and database answer.", schema_ref("Health"));
	op_response(oa, op, 503, "The database cannot be used.", schema_ref("Health"));
}

/* GET /ping (public): the transport check of tests/bench (no database,
 * no credentials; 400 only for a `bytes` out of bounds). */
static void
path_ping(struct oa *oa)
{
	json_t	*op = op_new(oa, "/ping", "get", "ping", "operations", "Ping",
		    "Answers `pong` without using the database or credentials "
		    "(the FastCGI transport alone).", 1);

	op_param(oa, op, "query", "bytes", 0, "An answer of exactly this many "
	    "bytes: `pong` and a line break, then lines of dots (the benchmark's "
	    "same-size ceiling of a page).", json_pack("{s:s, s:i, s:i}", "type",
	    "integer", "minimum", 0, "maximum", PING_BYTES_MAX));
	oa_set(oa, oa_child(oa, op, "responses"), "200", json_pack(
	    "{s:s, s:{s:{s:{s:s}}}}", "description", "`pong` and a line break, "
	    "or `bytes` bytes of it and dots.", "content", "text/plain", "schema",
	    "type", "string"));
	op_errors(oa, op, FAM_TCX, H(HERR_BAD_QUERY), END);
}

/* POST /auth/login (public; credentials sent along are not read, so that
 * a client still sending an expired token can log in: RF_ANON). */
static void
path_auth_login(struct oa *oa)
{
	json_t	*op = op_new(oa, "/auth/login", "post", "login", "auth",
		    "Log in", "Exchange an e-mail and password for a bearer token "
		    "(15 minutes by default).  An Authorization or X-API-Key "
		    "header sent along is not read.", 1);

	op_body(oa, op, "The user's credentials.", schema_ref("LoginRequest"));
	op_response(oa, op, 200, "Logged in.", schema_ref("LoginResponse"));
	op_body_errors(oa, op, FAM_TCX);
	op_errors(oa, op, FAM_TCX, X(XERR_LOGIN_WRONG), X(XERR_LOGIN_EMAIL),
	    X(XERR_LOGIN_PASSWORD), H(HERR_TOO_MANY), H(HERR_UNAVAILABLE), END);
}

/* The assignee filter of both families' lists (docs/INBOX.md). */
#define ASSIGNEE_TEXT "ADMIN only: the requests handled by this operator (a user " \
	"id, or an ADMIN's e-mail in any case), or by nobody (`none`)."

/* GET /ordering/b2b/v2/requests. */
/* customer.id, the date filters and assignee of the list and the aggregate
 * (orange_api.c list_filters). */
static void
request_date_params(struct oa *oa, json_t *op)
{
	static const char *const dates[][2] = {
		{ "keyDates.issuedAt", "issued (a UTC day)" },
		{ "keyDates.requestedAt", "requested for" },
	};
	char	name[40], text[160];
	size_t	i;

	op_list_param(oa, op, "customer.id", "Only the requests of these customers "
	    "(comma list; within the caller's scope).", NULL);
	for (i = 0; i < 2; i++) {
		snprintf(text, sizeof(text), "Only the requests %s this day.", dates[i][1]);
		op_param(oa, op, "query", dates[i][0], 0, text,
		    json_pack("{s:s, s:s}", "type", "string", "format", "date"));
		snprintf(name, sizeof(name), "%s.gte", dates[i][0]);
		snprintf(text, sizeof(text), "Only the requests %s this day or later.",
		    dates[i][1]);
		op_param(oa, op, "query", name, 0, text,
		    json_pack("{s:s, s:s}", "type", "string", "format", "date"));
		snprintf(name, sizeof(name), "%s.lte", dates[i][0]);
		snprintf(text, sizeof(text), "Only the requests %s this day or earlier.",
		    dates[i][1]);
		op_param(oa, op, "query", name, 0, text,
		    json_pack("{s:s, s:s}", "type", "string", "format", "date"));
	}
	op_param(oa, op, "query", "assignee", 0, ASSIGNEE_TEXT " Anyone else is "
	    "refused (403 50) whatever the value.", json_pack("{s:s}", "type", "string"));
}

static void
op_requests_list(struct oa *oa)
{
	json_t	*op = op_new(oa, "/ordering/b2b/v2/requests", "get", "listRequests",
		    "ordering", "List requests", "The requests visible to the "
		    "caller, filtered, sorted and paged; items carry no history.", 0);
	json_t	*resp;

	op_page_params(oa, op, REQ_LIST_DEF);
	op_param(oa, op, "query", "q", 0, "Search: every word by its beginning, "
	    "without case or accents, in ids, references, customers, sites, "
	    "contacts, addresses and replies (docs/SEARCH.md); newest first, "
	    "`sort` not applied, the total counted up to 1,000.",
	    json_pack("{s:s, s:i}", "type", "string", "maxLength", SEARCH_Q_MAX));
	op_sort_param(oa, op, "Sort key, `-` for descending (`keyDates.` may "
	    "prefix a key; `createdAt` is `issuedAt`).",
	    "^[-+]?(keyDates\\.)?(issuedAt|createdAt|requestedAt|status|type|"
	    "customerReference|id)$", "-issuedAt");
	op_param(oa, op, "query", "fields", 0, "Comma list of top-level members "
	    "to keep in each item (`id` is always kept).",
	    json_pack("{s:s}", "type", "string"));
	op_list_param(oa, op, "id", "Only these ids (comma list).", NULL);
	op_list_param(oa, op, "status", "Only these statuses (comma list).",
	    request_statuses);
	op_list_param(oa, op, "type", "Only these request types (comma list).", NULL);
	op_list_param(oa, op, "category", "Only these categories (comma list).",
	    request_categories);
	op_list_param(oa, op, "customerReference",
	    "Only these customer references (comma list).", NULL);
	request_date_params(oa, op);
	resp = op_response(oa, op, 200, "The matching requests.", json_pack(
	    "{s:s, s:o}", "type", "array", "items", schema_ref("RequestListItem")));
	resp_count_headers(oa, resp);
	op_errors(oa, op, FAM_ORANGE, H(HERR_BAD_QUERY), H(HERR_FORBIDDEN), END);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_rate_errors(oa, op, FAM_ORANGE);
}

/* POST /ordering/b2b/v2/requests: one body per catalog type. */
static void
op_requests_create(struct oa *oa)
{
	json_t	*op = op_new(oa, "/ordering/b2b/v2/requests", "post", "createRequest",
		    "ordering", "Create a request", "Checks, in order: credentials, "
		    "body, `type` in the caller's catalog, mandatory fields (412), "
		    "values (422/3620), requestedAt (422/3611), service point "
		    "(422/3622, 3621), storage (422/3623).  The first problem is "
		    "the error; `details` lists every problem found.", 0);
	json_t	*resp;

	op_body(oa, op, "The request; `properties` follows the catalog item's "
	    "schema of its `type`.", schema_request_create(oa));
	resp = op_response(oa, op, 201, "Created; the stored request (with "
	    "`Idempotent-Replayed: true`, the first answer to this Idempotency-Key "
	    "again).", schema_ref("Request"));
	oa_set(oa, oa_child(oa, resp, "headers"), "Content-Location", json_pack(
	    "{s:s, s:{s:s}}", "description", "URL path of the new request.",
	    "schema", "type", "string"));
	op_body_errors(oa, op, FAM_ORANGE);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_idempotency(oa, op, FAM_ORANGE);
	op_errors(oa, op, FAM_ORANGE, O(OERR_TOP_INVALID), H(HERR_FORBIDDEN),
	    O(OERR_MISSING), O(OERR_PROPS_OBJECT), O(OERR_PROPS_UNKNOWN),
	    O(OERR_PROPS_UNKNOWN_HINT), O(OERR_PROPS_TYPE), O(OERR_PROPS_EMPTY),
	    O(OERR_PROPS_TOO_LONG), O(OERR_PROPS_TOO_SHORT), O(OERR_PROPS_ENUM),
	    O(OERR_PROPS_DATE), O(OERR_PROPS_EMAIL), O(OERR_PROPS_PHONE),
	    O(OERR_PROPS_PATTERN), O(OERR_REQUESTED_AT), O(OERR_NO_SERVICE_POINT),
	    O(OERR_SEVERAL_SERVICE_POINTS), O(OERR_ORDERING_DOWN), END);
	op_rate_errors(oa, op, FAM_ORANGE);
}

/* GET /ordering/b2b/v2/requests/{id}. */
static void
path_request(struct oa *oa)
{
	json_t	*op = op_new(oa, "/ordering/b2b/v2/requests/{id}", "get", "getRequest",
		    "ordering", "Get a request", "One request, with its history.", 0);

	op_path_id(oa, op, "Request id.");
	op_response(oa, op, 200, "The request.", schema_ref("Request"));
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_errors(oa, op, FAM_ORANGE, H(HERR_NOT_FOUND), END);
}

/* POST /ordering/b2b/v2/requests/{id}/status. */
static void
path_request_status(struct oa *oa)
{
	json_t	*op = op_new(oa, "/ordering/b2b/v2/requests/{id}/status", "post",
		    "changeRequestStatus", "ordering", "Change the status of a request",
		    "Move a request along its life; the change is kept in its history.", 0);

	op_path_id(oa, op, "Request id.");
	op_body(oa, op, "The new status.", schema_ref("RequestStatusChange"));
	op_response(oa, op, 200, "The request after the change.", schema_ref("Request"));
	op_body_errors(oa, op, FAM_ORANGE);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_errors(oa, op, FAM_ORANGE, H(HERR_FORBIDDEN), H(HERR_NOT_FOUND),
	    H(HERR_CONFLICT), H(HERR_MISSING), END);
}

/* GET /ordering/b2b/v2/catalogItems. */
static void
path_catalog_items(struct oa *oa)
{
	json_t	*op = op_new(oa, "/ordering/b2b/v2/catalogItems", "get",
		    "listCatalogItems", "ordering", "List catalog items",
		    "The request types the caller may use, each with the JSON "
		    "Schema of its properties.", 0);
	json_t	*resp;

	op_page_params(oa, op, LIST_MAX);
	resp = op_response(oa, op, 200, "The caller's catalog (a page of it).",
	    json_pack("{s:s, s:o}", "type", "array", "items", schema_ref("CatalogItem")));
	resp_count_headers(oa, resp);
	op_errors(oa, op, FAM_ORANGE, H(HERR_BAD_QUERY), END);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
}

/* GET /ordering/b2b/v2/catalogItems/{id}. */
static void
path_catalog_item(struct oa *oa)
{
	json_t	*op = op_new(oa, "/ordering/b2b/v2/catalogItems/{id}", "get",
		    "getCatalogItem", "ordering", "Get a catalog item",
		    "One request type of the caller's catalog.", 0);

	op_path_id(oa, op, "Request type.");
	op_response(oa, op, 200, "The catalog item.", schema_ref("CatalogItem"));
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_errors(oa, op, FAM_ORANGE, H(HERR_NOT_FOUND), END);
}

/* GET /ordering/b2b/v2/requests/aggregate. */
static void
path_requests_aggregate(struct oa *oa)
{
	static const char *const sorts[] = { "VALUE", "-VALUE", "COUNT", "-COUNT", NULL };
	json_t	*op = op_new(oa, "/ordering/b2b/v2/requests/aggregate", "get",
		    "aggregateRequests", "ordering", "Aggregate requests",
		    "How many of the caller's requests match the filters (those of "
		    "the list), counted by one to three attributes: "
		    "`groupBy=status` answers `{\"IN_PROGRESS\": 5, \"NEW\": 2}`, "
		    "`groupBy=status,type` `{\"NEW\": {\"R_BVPN_FR_1\": 2}}`.  A "
		    "customer's staff count their customer's requests, reseller staff "
		    "their customers', ADMIN every request.  At most 1000 groups.", 0);
	json_t	*resp;

	op_param(oa, op, "query", "groupBy", 1, "The attributes to count by, "
	    "in order (comma list of 1 to 3 different ones).", json_pack(
	    "{s:s, s:i, s:i, s:{s:s, s:[s,s,s,s,s]}}", "type", "array", "minItems", 1,
	    "maxItems", 3, "items", "type", "string", "enum", "status", "type",
	    "category", "customer.id", "customer.name"));
	op_param(oa, op, "query", "sort", 0, "Order of the members: by VALUE "
	    "or by COUNT, `-` for descending (any case; ties by value).",
	    json_pack("{s:s, s:o, s:s}", "type", "string", "enum",
	    oa_check(oa, json_pack("[s,s,s,s]", sorts[0], sorts[1], sorts[2], sorts[3])),
	    "default", "VALUE"));
	op_list_param(oa, op, "id", "Only these ids (comma list).", NULL);
	op_list_param(oa, op, "status", "Only these statuses (comma list).",
	    request_statuses);
	op_list_param(oa, op, "type", "Only these request types (comma list).", NULL);
	op_list_param(oa, op, "category", "Only these categories (comma list).",
	    request_categories);
	op_list_param(oa, op, "customerReference",
	    "Only these customer references (comma list).", NULL);
	request_date_params(oa, op);
	resp = op_response(oa, op, 200, "The counts (X-Total-Count: the requests "
	    "counted; X-Result-Count: the counts given).", schema_ref("RequestAggregate"));
	resp_count_headers(oa, resp);
	op_errors(oa, op, FAM_ORANGE, H(HERR_BAD_QUERY), H(HERR_FORBIDDEN), END);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
}

/* GET /ordering/b2b/v2/status and /version (public). */
static void
path_ordering_misc(struct oa *oa)
{
	json_t	*op = op_new(oa, "/ordering/b2b/v2/status", "get", "getOrderingStatus",
		    "ordering", "Status of the API", "Whether the ordering API "
		    "answers; no credentials needed (credentials sent are checked).", 1);

	op_response(oa, op, 200, "The API answers.", schema_ref("APIStatus"));
	op_response(oa, op, 503, "Its database does not (status `ko`).",
	    schema_ref("APIStatus"));
	op_auth_errors(oa, op, FAM_ORANGE, 1);
	op = op_new(oa, "/ordering/b2b/v2/version", "get", "getOrderingVersion",
	    "ordering", "Version of the API", "The version of the Orange Ordering "
	    "API the routes follow; no credentials needed (credentials sent are "
	    "checked).", 1);
	op_response(oa, op, 200, "The version.", schema_ref("APIVersion"));
	op_auth_errors(oa, op, FAM_ORANGE, 1);
}

/* GET /core-information/b2b/v2/me. */
static void
path_me(struct oa *oa)
{
	json_t	*op = op_new(oa, "/core-information/b2b/v2/me", "get", "getMe",
		    "core-information", "The caller", "The user of the credential "
		    "of this request, and that credential.", 0);

	op_response(oa, op, 200, "The caller.", schema_ref("Me"));
	op_auth_errors(oa, op, FAM_ORANGE, 0);
}

/* The displayNulls and displayLinks flags of the service point routes. */
static void
op_sp_flags(struct oa *oa, json_t *op)
{
	op_param(oa, op, "query", "displayNulls", 0, "Show absent values as null.",
	    json_pack("{s:s, s:b}", "type", "boolean", "default", 0));
	op_param(oa, op, "query", "displayLinks", 0, "Add `_links`.",
	    json_pack("{s:s, s:b}", "type", "boolean", "default", 0));
}

/* GET /core-information/b2b/v2/servicePoints. */
static void
path_service_points(struct oa *oa)
{
	json_t	*op = op_new(oa, "/core-information/b2b/v2/servicePoints", "get",
		    "listServicePoints", "core-information", "List service points",
		    "The caller's service points, filtered, sorted and paged.", 0);
	json_t	*resp;

	op_page_params(oa, op, SP_LIST_DEF);
	op_sort_param(oa, op, "Sort key, `-` for descending.",
	    "^[-+]?(id|name|customerReference|state|customer\\.id)$", "id");
	op_sp_flags(oa, op);
	op_list_param(oa, op, "id", "Only these ids (comma list).", NULL);
	op_list_param(oa, op, "reference", "Only these references (comma list).", NULL);
	op_list_param(oa, op, "customerReference",
	    "Only these customer references (comma list).", NULL);
	op_list_param(oa, op, "state", "Only these states (comma list).", sp_states);
	op_list_param(oa, op, "customer.id", "Only these customers (comma list).", NULL);
	op_list_param(oa, op, "name", "Only these names (comma list).", NULL);
	resp = op_response(oa, op, 200, "The matching service points.", json_pack(
	    "{s:s, s:o}", "type", "array", "items", schema_ref("ServicePoint")));
	resp_count_headers(oa, resp);
	op_errors(oa, op, FAM_ORANGE, H(HERR_BAD_QUERY), END);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_rate_errors(oa, op, FAM_ORANGE);
}

/* GET /core-information/b2b/v2/servicePoints/{id}. */
static void
path_service_point(struct oa *oa)
{
	json_t	*op = op_new(oa, "/core-information/b2b/v2/servicePoints/{id}", "get",
		    "getServicePoint", "core-information", "Get a service point",
		    "One of the caller's service points.", 0);

	op_path_id(oa, op, "Service point id.");
	op_sp_flags(oa, op);
	op_response(oa, op, 200, "The service point.", schema_ref("ServicePoint"));
	op_errors(oa, op, FAM_ORANGE, H(HERR_BAD_QUERY), H(HERR_NOT_FOUND), END);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
}

/* ------------------------------------------ TelecomX Internet routes */

static const char *const inet_types[] = { "DSL", "FIBER", NULL };
static const char *const inet_states[] = { "NEW", "HAS_OFFER", "ORDERED", "CONFIRMED",
	"ACTIVE", "CANCELLED", NULL };
static const char *const inet_list_states[] = { "ANY", "NEW", "HAS_OFFER", "ORDERED",
	"CONFIRMED", "ACTIVE", "CANCELLED", NULL };
static const char *const inet_times[] = { "7_30_TO_16", "7_30_TO_12", "12_TO_16", NULL };
static const char *const inet_account_states[] = { "ORDERED", "CONFIRMED", "ACTIVE",
	"CANCELLED", NULL };
static const char *const inet_prices[] = { "initiationCost", "initiationWholesale",
	"initiationCustomer", "monthlyCost", "monthlyWholesale", "monthlyCustomer", NULL };

/* A schema that also admits null (a property cleared by an update);
 * `schema` is stolen. */
static json_t *
inet_nullable(json_t *schema)
{
	return json_pack("{s:[o, {s:s}]}", "oneOf", schema, "type", "null");
}

/* A 24-hexadecimal id. */
static json_t *
inet_id(const char *description)
{
	return json_pack("{s:s, s:s, s:s}", "type", "string", "pattern",
	    "^[0-9a-f]{24}$", "description", description);
}

/* An integer schema within [min, max]. */
static json_t *
inet_int(const char *description, int min, int max)
{
	return json_pack("{s:s, s:i, s:i, s:s}", "type", "integer", "minimum", min,
	    "maximum", max, "description", description);
}

/* A boolean schema. */
static json_t *
inet_bool(const char *description)
{
	return json_pack("{s:s, s:s}", "type", "boolean", "description", description);
}

/* A string schema of at most max characters. */
static json_t *
inet_text(const char *description, int max)
{
	return json_pack("{s:s, s:i, s:s}", "type", "string", "maxLength", max,
	    "description", description);
}

/* The properties of the TelecomX update table, as a body (new object). */
static json_t *
inet_update_members(void)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, "
	    "s:o, s:o, s:o, s:o, s:o}",
	    "notes", inet_nullable(inet_text("Notes about the request.", 4096)),
	    "product", inet_nullable(inet_id("Id of the wanted product (of the "
		"request's type, valid for the customer).")),
	    "takeover", inet_nullable(inet_bool("A takeover (DSL only); needs "
		"takeoverCircuit and takeoverCustomer.")),
	    "takeoverCircuit", inet_nullable(inet_text("Existing circuit (DSL only).", 64)),
	    "takeoverCustomer", inet_nullable(inet_text("Customer id at the donor "
		"operator (DSL only).", 64)),
	    "ipAddresses", inet_nullable(json_pack("{s:s, s:[i,i,i,i,i,i], s:s}", "type",
		"integer", "enum", 1, 2, 4, 8, 16, 32, "description", "Number of IP "
		"addresses (FIBER only, required for FIBER).")),
	    "commitment1", inet_nullable(inet_bool("An offer with a 1-year commitment (FIBER only).")),
	    "commitment2", inet_nullable(inet_bool("An offer with a 2-year commitment (FIBER only).")),
	    "commitment3", inet_nullable(inet_bool("An offer with a 3-year commitment (FIBER only).")),
	    "reference", inet_nullable(inet_text("A reference id/name/customer.", 256)),
	    "notify", json_pack("{s:s, s:i, s:s, s:{s:[o, {s:s, s:[s], s:{s:o}}]}}",
		"type", "array", "maxItems", 50, "description", "Employees of the "
		"customer told by e-mail when the request is answered: ids, or "
		"{_id} objects.", "items", "oneOf", inet_id("Employee id."),
		"type", "object", "required", "_id", "properties", "_id",
		inet_id("Employee id.")),
	    "startDate", inet_nullable(str_schema("Wanted delivery date, within "
		"[today - 1 month, today + 6 months]; YYYY-MM-DD or an ISO date-time "
		"(the time is ignored).", NULL)),
	    "installCallNumber", inet_nullable(inet_text("Number the technician "
		"calls 30 minutes before arriving.", 32)),
	    "installCallName", inet_nullable(inet_text("Name of the contact to call.", 128)),
	    "installTime", inet_nullable(enum_schema("Wanted time of delivery.", inet_times)),
	    "offers", json_pack("{s:s, s:i, s:s, s:o}", "type", "array", "maxItems", 20,
		"description", "ADMIN only: replaces the offer list; a non-empty "
		"list sets `answered` (offers expire 30 days later).",
		"items", schema_ref("InternetOffer")));
}

/* InternetAddress, InternetOffer. */
static void
schema_inet_parts(struct oa *oa)
{
	json_t	*offer, *props;
	size_t	 i;

	add_schema(oa, "InternetAddress", json_pack("{s:s, s:s, s:{s:o, s:o, s:o, s:o}}",
	    "type", "object", "description", "An installation address: {_id} of an "
	    "address of the customer, or {address, zip, city}.",
	    "properties",
	    "_id", inet_id("Id of an address of the customer."),
	    "address", inet_text("Road, number, floor, door.", 256),
	    "zip", json_pack("{s:[s,s], s:s}", "type", "string", "integer",
		"description", "Zip code (answered as a string)."),
	    "city", inet_text("City name.", 128)));
	props = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "_id", inet_id("Id of the offer (generated when absent)."),
	    "product", inet_id("Product offered."),
	    "initiationFeeProduct", inet_id("Initiation fee product."),
	    "commitment", inet_int("Months before the account can be cancelled.", 0, 60),
	    "providerName", inet_text("Name of the provider.", 128),
	    "providerOfferId", inet_text("Id of the provider's offer.", 64),
	    "productName", str_schema("Name of the product (pages only).", NULL),
	    "initiationFeeProductName", str_schema("Name of the fee product (pages only).", NULL));
	for (i = 0; props != NULL && inet_prices[i] != NULL; i++)
		json_object_set_new(props, inet_prices[i], json_pack("{s:s, s:i, s:i, s:s}",
		    "type", "number", "minimum", 0, "maximum", 500000, "description",
		    "Price (FIBER only); answered to the audiences that may see it."));
	offer = json_pack("{s:s, s:s, s:[s], s:o}", "type", "object", "description",
	    "An offer answering an Internet request.", "required", "product",
	    "properties", props);
	add_schema(oa, "InternetOffer", offer);
}

/* InternetRequest (answers), InternetRequestCreate, InternetRequestUpdate,
 * InternetRequestList. */
static void
schema_inet_request(struct oa *oa)
{
	json_t	*create = inet_update_members(), *answer = inet_update_members();
	json_t	*update = inet_update_members();

	if (create == NULL || answer == NULL || update == NULL)
		oa->failed = 1;
	json_object_set_new(create, "type", enum_schema("Type of circuit.", inet_types));
	json_object_set_new(create, "customer", inet_nullable(str_schema("Customer id; "
	    "customer staff may omit it.", NULL)));
	json_object_set_new(create, "reseller", inet_nullable(str_schema("Reseller the "
	    "request belongs to when it has no customer.", NULL)));
	json_object_set_new(create, "address", schema_ref("InternetAddress"));
	json_object_set_new(create, "address2", inet_nullable(schema_ref("InternetAddress")));
	add_schema(oa, "InternetRequestCreate", json_pack("{s:s, s:[s,s], s:o}",
	    "type", "object", "required", "type", "address", "properties", create));
	json_object_set_new(update, "address", schema_ref("InternetAddress"));
	json_object_set_new(update, "address2", inet_nullable(schema_ref("InternetAddress")));
	add_schema(oa, "InternetRequestUpdate", json_pack("{s:s, s:s, s:o}",
	    "type", "object", "description", "The update: every property is "
	    "optional; null clears (but `address`).  `Offers`, the TelecomX body table's spelling, "
	    "is read as `offers` when that is absent.", "properties", update));
	json_object_set_new(answer, "_id", inet_id("Id of the request."));
	json_object_set_new(answer, "type", enum_schema("Type of circuit.", inet_types));
	json_object_set_new(answer, "customer", str_schema("Customer id.", NULL));
	json_object_set_new(answer, "reseller", str_schema("Reseller id.", NULL));
	json_object_set_new(answer, "address", schema_ref("InternetAddress"));
	json_object_set_new(answer, "address2", schema_ref("InternetAddress"));
	json_object_set_new(answer, "notify", json_pack("{s:s, s:{s:s, s:{s:o, s:o}}}",
	    "type", "array", "items", "type", "object", "properties",
	    "_id", inet_id("Employee id."), "name", str_schema("Employee name.", NULL)));
	json_object_set_new(answer, "created", str_schema("When it was created.", "date-time"));
	json_object_set_new(answer, "createdBy", inet_id("Who created it."));
	json_object_set_new(answer, "answered", str_schema("When offers were last given.",
	    "date-time"));
	json_object_set_new(answer, "state", enum_schema("NEW without offers, HAS_OFFER "
	    "with; once an offer is ordered, its account's: ORDERED, CONFIRMED, ACTIVE, "
	    "CANCELLED.", inet_states));
	json_object_set_new(answer, "expires", str_schema("When the offers expire "
	    "(answered + 30 days).", "date-time"));
	json_object_set_new(answer, "account", json_pack("{s:s, s:s, s:{s:o, s:o, s:o}}",
	    "type", "object", "description", "The account of the ordered offer.",
	    "properties", "_id", inet_id("Account id."), "state",
	    enum_schema("Account state.", inet_account_states), "offer", inet_id("Offer id.")));
	add_schema(oa, "InternetRequest", json_pack("{s:s, s:s, s:[s,s,s,s], s:o}",
	    "type", "object", "description", "An Internet request (properties holding "
	    "no value are omitted; list items are condensed unless `full`).",
	    "required", "_id", "type", "address", "state", "properties", answer));
	add_schema(oa, "InternetRequestList", json_pack("{s:s, s:[s,s,s,s], s:{s:o, s:o, "
	    "s:o, s:o}}", "type", "object", "required", "offset", "limit", "total",
	    "requests", "properties",
	    "offset", inet_int("Items skipped.", 0, 2147483647),
	    "limit", inet_int("Items asked for.", 1, 500),
	    "total", inet_int("Items matching.", 0, 2147483647),
	    "requests", json_pack("{s:s, s:o}", "type", "array", "items",
		schema_ref("InternetRequest"))));
}

/* InternetAccountOrder, InternetAccountConfirm, InternetAccount. */
static void
schema_inet_account(struct oa *oa)
{
	json_t	*props;
	size_t	 i;

	add_schema(oa, "InternetAccountOrder", json_pack("{s:s, s:[s,s], s:{s:o, s:o, s:o}}",
	    "type", "object", "required", "request", "offer", "properties",
	    "customer", inet_nullable(str_schema("Customer of the request (checked "
		"when given).", NULL)),
	    "request", inet_id("The answered Internet request."),
	    "offer", inet_id("The offer ordered.")));
	add_schema(oa, "InternetAccountConfirm", json_pack("{s:s, s:[s], s:{s:o, s:o, s:o}}",
	    "type", "object", "required", "startDate", "properties",
	    "startDate", str_schema("Delivery date, YYYY-MM-DD.", NULL),
	    "installTime", enum_schema("Time window (default: the request's).", inet_times),
	    "circuit", inet_text("Circuit name.", 64)));
	props = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, "
	    "s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "_id", inet_id("Account id."), "request", inet_id("The request."),
	    "offer", inet_id("The offer ordered."),
	    "state", enum_schema("Account state.", inet_account_states),
	    "customer", str_schema("Customer id.", NULL),
	    "reseller", str_schema("Reseller id.", NULL),
	    "product", inet_id("Product ordered."),
	    "initiationFeeProduct", inet_id("Initiation fee product."),
	    "commitment", inet_int("Months of commitment.", 0, 60),
	    "providerName", str_schema("Provider.", NULL),
	    "providerOfferId", str_schema("Provider's offer id.", NULL),
	    "productName", str_schema("Name of the product.", NULL),
	    "ordered", str_schema("When it was ordered.", "date-time"),
	    "orderedBy", inet_id("Who ordered it."),
	    "confirmed", str_schema("When it was confirmed.", "date-time"),
	    "confirmedBy", inet_id("Who confirmed it."),
	    "startDate", str_schema("Delivery date.", "date-time"),
	    "installTime", enum_schema("Time window.", inet_times),
	    "circuit", str_schema("Circuit name.", NULL),
	    "activated", str_schema("When it was activated.", "date-time"),
	    "activatedBy", inet_id("Who activated it."),
	    "cancelled", str_schema("When it was cancelled.", "date-time"),
	    "cancelledBy", inet_id("Who cancelled it."));
	for (i = 0; props != NULL && inet_prices[i] != NULL; i++)
		json_object_set_new(props, inet_prices[i], json_pack("{s:s, s:s}", "type",
		    "number", "description", "Price of the ordered offer, as the caller "
		    "may see it."));
	add_schema(oa, "InternetAccount", json_pack("{s:s, s:s, s:[s,s,s,s], s:o}",
	    "type", "object", "description", "An Internet account: an ordered offer.",
	    "required", "_id", "request", "offer", "state", "properties", props));
}

/* The 404 of a request id, and the 422 rows of a request body. */
static void
inet_body_errors(struct oa *oa, json_t *op)
{
	op_errors(oa, op, FAM_TCX, X(XERR_REQUEST_NOT_FOUND), X(XERR_ADDRESS_NOT_FOUND),
	    X(XERR_CUSTOMER_NOT_FOUND), X(XERR_RESELLER_NOT_FOUND), X(XERR_OFFERS_ACCESS),
	    X(XERR_NOT_STRING), X(XERR_NOT_BOOLEAN), X(XERR_LENGTH), X(XERR_TYPE_REQUIRED),
	    X(XERR_TYPE_ENUM), X(XERR_OWNER_REQUIRED), X(XERR_ADDRESS_REQUIRED),
	    X(XERR_ADDRESS_TYPE), X(XERR_ROAD_REQUIRED), X(XERR_ZIP_REQUIRED),
	    X(XERR_CITY_REQUIRED), X(XERR_SINGLE_LINE), X(XERR_PRODUCT_NOT_FOUND),
	    X(XERR_PRODUCT_NOT_VALID), X(XERR_PRODUCT_TYPE), X(XERR_PRODUCT_REQUIRED),
	    X(XERR_ONLY_FOR), X(XERR_CIRCUIT_REQUIRED), X(XERR_TAKEOVER_CUSTOMER_REQUIRED),
	    X(XERR_IP_REQUIRED), X(XERR_IP_ENUM), X(XERR_START_FORMAT), X(XERR_START_RANGE),
	    X(XERR_INSTALL_TIME), X(XERR_OFFERS_TYPE), X(XERR_OFFERS_COUNT),
	    X(XERR_OFFER_OBJECT), X(XERR_OFFER_ID_FORMAT), X(XERR_OFFER_ID_UNIQUE),
	    X(XERR_PRICE_TYPE), X(XERR_PRICE_RANGE), X(XERR_COMMITMENT_TYPE),
	    X(XERR_COMMITMENT_RANGE), X(XERR_NOTIFY_TYPE), X(XERR_RECIPIENT),
	    X(XERR_MORE), END);
}

/* GET and POST /internet/request. */
static void
path_inet_requests(struct oa *oa)
{
	static const char *const dates[][3] = {
		{ "createdFrom", "created", "createdTo" },
		{ "answeredFrom", "answered", "answeredTo" },
		{ "startDateFrom", "startDate", "startDateTo" },
	};
	json_t	*op = op_new(oa, "/internet/request", "get", "listInternetRequests",
		    "internet", "List Internet requests", "The caller's Internet "
		    "requests, newest first.", 0);
	char	 text[160];
	size_t	 i;

	op_param(oa, op, "query", "customer", 0, "Only this customer's (default: "
	    "the caller's own customer).", json_pack("{s:s}", "type", "string"));
	op_param(oa, op, "query", "q", 0, "Search: every word by its beginning, "
	    "without case or accents (docs/SEARCH.md); newest first.",
	    json_pack("{s:s, s:i}", "type", "string", "maxLength", SEARCH_Q_MAX));
	op_param(oa, op, "query", "reseller", 0, "Only this reseller's.",
	    json_pack("{s:s}", "type", "string"));
	op_param(oa, op, "query", "offset", 0, "How many to skip.",
	    json_pack("{s:s, s:i, s:i}", "type", "integer", "minimum", 0, "default", 0));
	op_param(oa, op, "query", "limit", 0, "How many at most.", json_pack(
	    "{s:s, s:i, s:i, s:i}", "type", "integer", "minimum", 1, "maximum", 500,
	    "default", 100));
	op_param(oa, op, "query", "filter", 0, "A part of the installation address.",
	    json_pack("{s:s}", "type", "string"));
	op_param(oa, op, "query", "state", 0, "NEW (no offer yet), HAS_OFFER, ORDERED, "
	    "CONFIRMED, ACTIVE, CANCELLED, or ANY.",
	    enum_schema("State.", inet_list_states));
	op_param(oa, op, "query", "full", 0, "Complete objects instead of condensed ones.",
	    json_pack("{s:s, s:b}", "type", "boolean", "default", 0));
	op_param(oa, op, "query", "type", 0, "Only this technology.",
	    enum_schema("Type.", inet_types));
	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		snprintf(text, sizeof(text), "Only the requests whose %s is on this day "
		    "(UTC) or later.", dates[i][1]);
		op_param(oa, op, "query", dates[i][0], 0, text,
		    json_pack("{s:s, s:s}", "type", "string", "format", "date"));
		snprintf(text, sizeof(text), "Only the requests whose %s is on this day "
		    "(UTC) or earlier.", dates[i][1]);
		op_param(oa, op, "query", dates[i][2], 0, text,
		    json_pack("{s:s, s:s}", "type", "string", "format", "date"));
	}
	op_param(oa, op, "query", "assignee", 0, ASSIGNEE_TEXT " Anyone else is "
	    "refused (403 access_denied at `assignee`) whatever the value.",
	    json_pack("{s:s}", "type", "string"));
	op_response(oa, op, 200, "The matching requests.", schema_ref("InternetRequestList"));
	op_errors(oa, op, FAM_TCX, X(XERR_QUERY_OFFSET), X(XERR_QUERY_LIMIT),
	    X(XERR_QUERY_STATE), X(XERR_QUERY_FULL), X(XERR_QUERY_TYPE), X(XERR_QUERY_DATE),
	    X(XERR_QUERY_ASSIGNEE), X(XERR_ASSIGNEE_ACCESS), END);
	op_auth_errors(oa, op, FAM_TCX, 0);
	op_rate_errors(oa, op, FAM_TCX);
	op = op_new(oa, "/internet/request", "post", "createInternetRequest", "internet",
	    "Create an Internet request", "OWNER of the customer, RESELLER for its "
	    "customers (or itself), ADMIN.", 0);
	op_body(oa, op, "The request.", schema_ref("InternetRequestCreate"));
	op_response(oa, op, 201, "Created (Location: /internet/request/{id}; with "
	    "`Idempotent-Replayed: true`, the first answer to this Idempotency-Key "
	    "again).", schema_ref("InternetRequest"));
	op_body_errors(oa, op, FAM_TCX);
	op_auth_errors(oa, op, FAM_TCX, 0);
	op_idempotency(oa, op, FAM_TCX);
	op_errors(oa, op, FAM_TCX, X(XERR_ACCESS), END);
	inet_body_errors(oa, op);
	op_rate_errors(oa, op, FAM_TCX);
}

/* GET and POST /internet/request/{id} (TelecomX). */
static void
path_inet_request(struct oa *oa)
{
	json_t	*op = op_new(oa, "/internet/request/{id}", "get", "getInternetRequest",
		    "internet", "Get an Internet request", "One of the caller's "
		    "requests, with its notify list and offers.", 0);

	op_path_id(oa, op, "Internet request id.");
	op_response(oa, op, 200, "The request.", schema_ref("InternetRequest"));
	op_auth_errors(oa, op, FAM_TCX, 0);
	op_errors(oa, op, FAM_TCX, X(XERR_REQUEST_NOT_FOUND), END);
	op = op_new(oa, "/internet/request/{id}", "post", "updateInternetRequest",
	    "internet", "Update an Internet request", "ADMIN only: change "
	    "the properties given; `offers` replaces the offers and tells the "
	    "creator and the notify list.", 0);
	op_path_id(oa, op, "Internet request id.");
	op_body(oa, op, "The properties to change.", schema_ref("InternetRequestUpdate"));
	op_response(oa, op, 200, "The request as changed.", schema_ref("InternetRequest"));
	op_body_errors(oa, op, FAM_TCX);
	op_auth_errors(oa, op, FAM_TCX, 0);
	op_errors(oa, op, FAM_TCX, X(XERR_ACCESS), X(XERR_OFFERS_LOCKED), END);
	inet_body_errors(oa, op);
}

/* POST /internet/account and GET /internet/account/{id}. */
static void
path_inet_accounts(struct oa *oa)
{
	json_t	*op = op_new(oa, "/internet/account", "post", "orderInternetOffer",
		    "internet", "Order an offer", "OWNER, RESELLER, ADMIN: an account "
		    "in state ORDERED.", 0);

	op_body(oa, op, "The offer to order.", schema_ref("InternetAccountOrder"));
	op_response(oa, op, 201, "Ordered (Location: /internet/account/{id}; with "
	    "`Idempotent-Replayed: true`, the first answer to this Idempotency-Key "
	    "again).", schema_ref("InternetAccount"));
	op_body_errors(oa, op, FAM_TCX);
	op_auth_errors(oa, op, FAM_TCX, 0);
	op_idempotency(oa, op, FAM_TCX);
	op_errors(oa, op, FAM_TCX, X(XERR_ACCESS), X(XERR_ORDER_REQUEST_NOT_FOUND),
	    X(XERR_OFFER_NOT_FOUND), X(XERR_ORDERED), X(XERR_EXPIRED),
	    X(XERR_ORDER_REQUEST_REQUIRED), X(XERR_OFFER_REQUIRED), X(XERR_NOT_STRING),
	    X(XERR_CUSTOMER_MISMATCH), END);
	op_rate_errors(oa, op, FAM_TCX);
	op = op_new(oa, "/internet/account/{id}", "get", "getInternetAccount", "internet",
	    "Get an Internet account", "An account of the caller's requests.", 0);
	op_path_id(oa, op, "Account id.");
	op_response(oa, op, 200, "The account.", schema_ref("InternetAccount"));
	op_auth_errors(oa, op, FAM_TCX, 0);
	op_errors(oa, op, FAM_TCX, X(XERR_ACCOUNT_NOT_FOUND), END);
}

/* POST /internet/account/{id}/confirm. */
static void
path_inet_confirm(struct oa *oa)
{
	json_t	*op = op_new(oa, "/internet/account/{id}/confirm", "post",
		    "confirmInternetAccount", "internet", "Confirm an ordered account",
		    "RESELLER_ADMIN (its customers) and ADMIN: ORDERED -> CONFIRMED.", 0);

	op_path_id(oa, op, "Account id.");
	op_body(oa, op, "Delivery details.", schema_ref("InternetAccountConfirm"));
	op_response(oa, op, 200, "The confirmed account.", schema_ref("InternetAccount"));
	op_body_errors(oa, op, FAM_TCX);
	op_auth_errors(oa, op, FAM_TCX, 0);
	op_errors(oa, op, FAM_TCX, X(XERR_ACCESS), X(XERR_ACCOUNT_NOT_FOUND),
	    X(XERR_CONFIRM_STATE), X(XERR_START_REQUIRED), X(XERR_DATE_FORMAT),
	    X(XERR_INSTALL_TIME), X(XERR_LENGTH), END);
}

/* POST /internet/account/{id}/activate and /cancel. */
static void
path_inet_account_move(struct oa *oa, const char *path, const char *op_id,
    const char *summary, const char *description, enum xerr state)
{
	json_t	*op = op_new(oa, path, "post", op_id, "internet", summary, description, 0);

	op_path_id(oa, op, "Account id.");
	op_response(oa, op, 200, "The account.", schema_ref("InternetAccount"));
	op_body_errors(oa, op, FAM_TCX);
	op_auth_errors(oa, op, FAM_TCX, 0);
	op_errors(oa, op, FAM_TCX, X(XERR_ACCESS), X(XERR_ACCOUNT_NOT_FOUND), X(state), END);
}

/* ------------------------------------------------------ conversations */

static json_t *
text_schema(int max, const char *description)
{
	return json_pack("{s:s, s:i, s:s}", "type", "string", "maxLength", max,
	    "description", description);
}

static json_t *
bool_schema(const char *description)
{
	return json_pack("{s:s, s:s}", "type", "boolean", "description", description);
}

/* Notes and attachments of both families (docs/CONVERSATIONS.md). */
static void
schema_conversations(struct oa *oa)
{
	static const char internal[] = "ADMIN only: an internal note (or file) of the "
	    "operator, never shown to a customer.  Present in answers to ADMIN only.";
	static const char file_body[] = "The content of the file in base64.  PDF, "
	    "PNG, JPEG, CSV or plain text (UTF-8), read from the content: the name "
	    "and format do not decide it.";

	add_schema(oa, "Note", json_pack("{s:s, s:s, s:[s,s,s,s,s], s:{s:o, s:o, s:o, "
	    "s:o, s:o, s:o, s:o}}", "type", "object", "description",
	    "A reply between the customer and the operator, or an internal note.",
	    "required", "id", "title", "body", "createdAt", "updatedAt", "properties",
	    "id", str_schema("Note id, 24 hexadecimal characters.", NULL),
	    "title", str_schema("Summary of the note.", NULL),
	    "body", str_schema("Its text; line breaks are kept.", NULL),
	    "author", str_schema("The customer's user who wrote it, or the operator's "
		"name ([desk] operator_name) for the operator's staff.", NULL),
	    "createdAt", str_schema("When it was written (ISO 8601, UTC).", NULL),
	    "updatedAt", str_schema("The same: a note does not change.", NULL),
	    "internal", bool_schema(internal)));
	add_schema(oa, "NotePOST", json_pack("{s:s, s:[s,s], s:{s:o, s:o, s:o, s:o}}",
	    "type", "object", "required", "title", "body", "properties",
	    "title", text_schema(CONV_TITLE_MAX, "Summary of the note."),
	    "body", text_schema(CONV_BODY_MAX, "The text (line breaks kept)."),
	    "author", str_schema("Accepted and not taken: the author is the caller.", NULL),
	    "internal", bool_schema(internal)));
	add_schema(oa, "Attachment", json_pack("{s:s, s:[s,s,s,s,s], s:{s:o, s:o, s:o, "
	    "s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}}", "type", "object",
	    "required", "id", "name", "mimeType", "href", "createdAt", "properties",
	    "id", str_schema("Attachment id, 24 hexadecimal characters.", NULL),
	    "name", str_schema("The file's name as it was sent.", NULL),
	    "mimeType", str_schema("Its type, read from its content.", NULL),
	    "type", str_schema("pdf, png, jpg, csv or txt.", NULL),
	    "size", json_pack("{s:s, s:s}", "type", "integer", "description", "Bytes."),
	    "sha256", str_schema("SHA-256 of the content, hexadecimal.", NULL),
	    "href", str_schema("Where the file itself is downloaded.", NULL),
	    "noteId", str_schema("The note it was sent with, if any.", NULL),
	    "createdAt", str_schema("When it was sent.", NULL),
	    "updatedAt", str_schema("The same: a file does not change.", NULL),
	    "internal", bool_schema(internal)));
	add_schema(oa, "AttachmentPOST", json_pack("{s:s, s:[s,s,s], s:{s:o, s:o, s:o, "
	    "s:o}}", "type", "object", "required", "name", "format", "body", "properties",
	    "name", text_schema(CONV_NAME_MAX, "The file's name, without a directory."),
	    "format", str_schema("The type the sender gives (tells CSV from text).", NULL),
	    "body", str_schema(file_body, NULL),
	    "internal", bool_schema(internal)));
	add_schema(oa, "InternetNote", json_pack("{s:s, s:[s,s,s,s,s], s:{s:o, s:o, s:o, "
	    "s:o, s:o, s:o}}", "type", "object",
	    "required", "_id", "text", "author", "side", "created", "properties",
	    "_id", str_schema("Note id.", NULL),
	    "text", str_schema("Its text.", NULL),
	    "author", json_pack("{s:s, s:{s:o, s:o}}", "type", "object", "properties",
		"_id", str_schema("User id.", NULL), "name", str_schema("User name.", NULL)),
	    "side", json_pack("{s:s, s:[s,s]}", "type", "string", "enum", "customer",
		"operator"),
	    "created", str_schema("When it was written (ISO 8601, UTC).", NULL),
	    "internal", bool_schema(internal)));
	add_schema(oa, "InternetNotePOST", json_pack("{s:s, s:[s], s:{s:o, s:o}}",
	    "type", "object", "required", "text", "properties",
	    "text", text_schema(CONV_BODY_MAX, "The text (line breaks kept)."),
	    "internal", bool_schema(internal)));
	add_schema(oa, "InternetAttachment", json_pack("{s:s, s:[s,s,s,s], s:{s:o, s:o, "
	    "s:o, s:o, s:o, s:o, s:o, s:o, s:o}}", "type", "object",
	    "required", "_id", "name", "mimeType", "href", "properties",
	    "_id", str_schema("Attachment id.", NULL),
	    "name", str_schema("The file's name as it was sent.", NULL),
	    "mimeType", str_schema("Its type, read from its content.", NULL),
	    "size", json_pack("{s:s}", "type", "integer"),
	    "sha256", str_schema("SHA-256 of the content.", NULL),
	    "href", str_schema("Where the file itself is downloaded.", NULL),
	    "note", str_schema("The note it was sent with, if any.", NULL),
	    "created", str_schema("When it was sent.", NULL),
	    "internal", bool_schema(internal)));
	add_schema(oa, "InternetAttachmentPOST", json_pack("{s:s, s:[s,s], s:{s:o, s:o, "
	    "s:o}}", "type", "object", "required", "name", "body", "properties",
	    "name", text_schema(CONV_NAME_MAX, "The file's name, without a directory."),
	    "body", str_schema(file_body, NULL),
	    "internal", bool_schema(internal)));
}

/* The download of one file: its bytes. */
static void
op_file_download(struct oa *oa, const char *path, const char *id, const char *tag,
    enum family fam)
{
	static const char *const types[] = { "application/pdf", "image/png",
	    "image/jpeg", "text/csv", "text/plain" };
	json_t	*op = op_new(oa, path, "get", id, tag, "Download an attachment",
		    "The file itself, as `Content-Disposition: attachment`, with a "
		    "sandboxing Content-Security-Policy.", 0);
	json_t	*resp;
	size_t	 i;

	op_path_id(oa, op, "Request id.");
	op_param(oa, op, "path", "attachmentId", 1, "Attachment id.",
	    json_pack("{s:s, s:i}", "type", "string", "minLength", 1));
	resp = json_pack("{s:s, s:{}}", "description", "The file.", "content");
	for (i = 0; resp != NULL && i < sizeof(types) / sizeof(types[0]); i++)
		oa_set(oa, json_object_get(resp, "content"), types[i], json_pack(
		    "{s:{s:s, s:s}}", "schema", "type", "string", "format", "binary"));
	oa_set(oa, oa_child(oa, op, "responses"), "200", oa_check(oa, resp));
	op_auth_errors(oa, op, fam, 0);
	if (fam == FAM_ORANGE)
		op_errors(oa, op, fam, H(HERR_NOT_FOUND), END);
	else
		op_errors(oa, op, fam, X(XERR_REQUEST_NOT_FOUND), X(XERR_ATTACHMENT_NOT_FOUND),
		    END);
}

/* GET|POST /ordering/b2b/v2/requests/{id}/notes and .../attachments. */
static void
path_orange_conversation(struct oa *oa)
{
	static const char notes[] = "/ordering/b2b/v2/requests/{id}/notes";
	static const char files[] = "/ordering/b2b/v2/requests/{id}/attachments";
	json_t *op, *resp;

	op = op_new(oa, notes, "get", "listRequestNotes", "ordering", "List the notes "
	    "of a request", "Replies between the customer and the operator, oldest "
	    "first; for ADMIN also the operator's internal notes.", 0);
	op_path_id(oa, op, "Request id.");
	op_page_params(oa, op, CONV_LIST_MAX);
	resp = op_response(oa, op, 200, "The notes.", json_pack("{s:s, s:o}", "type",
	    "array", "items", schema_ref("Note")));
	resp_count_headers(oa, resp);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_errors(oa, op, FAM_ORANGE, H(HERR_NOT_FOUND), H(HERR_BAD_QUERY), END);

	op = op_new(oa, notes, "post", "addRequestNote", "ordering", "Add a note to a "
	    "request", "A reply (or, for ADMIN, an internal note).  VIEWERs only read.", 0);
	op_path_id(oa, op, "Request id.");
	op_body(oa, op, "The note.", schema_ref("NotePOST"));
	op_response(oa, op, 201, "The note, Content-Location the list (with "
	    "`Idempotent-Replayed: true`, the first answer to this Idempotency-Key "
	    "again).", schema_ref("Note"));
	op_body_errors(oa, op, FAM_ORANGE);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_idempotency(oa, op, FAM_ORANGE);
	op_errors(oa, op, FAM_ORANGE, H(HERR_FORBIDDEN), H(HERR_NOT_FOUND),
	    O(OERR_MISSING), O(OERR_TOP_INVALID), O(OERR_TOP_TEXT), O(OERR_TOP_BOOLEAN), END);

	op = op_new(oa, files, "get", "listRequestAttachments", "ordering", "List the "
	    "files of a request", "Files sent with notes or on their own, oldest "
	    "first; internal ones for ADMIN only.", 0);
	op_path_id(oa, op, "Request id.");
	op_page_params(oa, op, CONV_LIST_MAX);
	resp = op_response(oa, op, 200, "The files (without their content: see href).",
	    json_pack("{s:s, s:o}", "type", "array", "items", schema_ref("Attachment")));
	resp_count_headers(oa, resp);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_errors(oa, op, FAM_ORANGE, H(HERR_NOT_FOUND), H(HERR_BAD_QUERY), END);

	op = op_new(oa, files, "post", "addRequestAttachment", "ordering", "Attach a "
	    "file to a request", "At most [attachments] file_max bytes (10 MiB by "
	    "default) per file; a request holds at most request_max bytes and "
	    "files_per_request files.", 0);
	op_path_id(oa, op, "Request id.");
	op_body(oa, op, "The file.", schema_ref("AttachmentPOST"));
	op_response(oa, op, 201, "The file, Content-Location its download (with "
	    "`Idempotent-Replayed: true`, the first answer to this Idempotency-Key "
	    "again).", schema_ref("Attachment"));
	op_body_errors(oa, op, FAM_ORANGE);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_idempotency(oa, op, FAM_ORANGE);
	op_errors(oa, op, FAM_ORANGE, H(HERR_FORBIDDEN), H(HERR_NOT_FOUND),
	    H(HERR_CONFLICT), H(HERR_TOO_LARGE), O(OERR_MISSING), O(OERR_FILE_BASE64),
	    O(OERR_FILE_NAME), O(OERR_FILE_EMPTY), O(OERR_FILE_TYPE), O(OERR_TOP_BOOLEAN),
	    END);
	op_file_download(oa, "/ordering/b2b/v2/requests/{id}/attachments/{attachmentId}",
	    "getRequestAttachment", "ordering", FAM_ORANGE);
}

/* GET|POST /internet/request/{id}/notes and .../attachments. */
static void
path_inet_conversation(struct oa *oa)
{
	static const char notes[] = "/internet/request/{id}/notes";
	static const char files[] = "/internet/request/{id}/attachments";
	json_t *op;

	op = op_new(oa, notes, "get", "listInternetRequestNotes", "internet", "List the "
	    "notes of an Internet request", "Replies, oldest first; for ADMIN also "
	    "internal notes.", 0);
	op_path_id(oa, op, "Internet request id.");
	op_page_params(oa, op, 100);
	op_response(oa, op, 200, "A page of notes.", json_pack("{s:s, s:{s:{s:s}, s:{s:s}, "
	    "s:{s:s}, s:{s:s, s:o}}}", "type", "object", "properties", "offset", "type",
	    "integer", "limit", "type", "integer", "total", "type", "integer", "notes",
	    "type", "array", "items", schema_ref("InternetNote")));
	op_auth_errors(oa, op, FAM_TCX, 0);
	op_errors(oa, op, FAM_TCX, X(XERR_REQUEST_NOT_FOUND), X(XERR_QUERY_LIST), END);

	op = op_new(oa, notes, "post", "addInternetRequestNote", "internet", "Add a note "
	    "to an Internet request", "A reply (or, for ADMIN, an internal note).", 0);
	op_path_id(oa, op, "Internet request id.");
	op_body(oa, op, "The note.", schema_ref("InternetNotePOST"));
	op_response(oa, op, 201, "The note (with `Idempotent-Replayed: true`, the "
	    "first answer to this Idempotency-Key again).", schema_ref("InternetNote"));
	op_body_errors(oa, op, FAM_TCX);
	op_auth_errors(oa, op, FAM_TCX, 0);
	op_idempotency(oa, op, FAM_TCX);
	op_errors(oa, op, FAM_TCX, X(XERR_ACCESS), X(XERR_INTERNAL_ACCESS),
	    X(XERR_REQUEST_NOT_FOUND), X(XERR_TEXT_REQUIRED), X(XERR_TEXT_INVALID),
	    X(XERR_LENGTH), X(XERR_NOT_STRING), X(XERR_NOT_BOOLEAN), END);

	op = op_new(oa, files, "get", "listInternetRequestAttachments", "internet",
	    "List the files of an Internet request", "Oldest first; internal ones "
	    "for ADMIN only.", 0);
	op_path_id(oa, op, "Internet request id.");
	op_page_params(oa, op, 100);
	op_response(oa, op, 200, "A page of files.", json_pack("{s:s, s:{s:{s:s}, s:{s:s}, "
	    "s:{s:s}, s:{s:s, s:o}}}", "type", "object", "properties", "offset", "type",
	    "integer", "limit", "type", "integer", "total", "type", "integer",
	    "attachments", "type", "array", "items", schema_ref("InternetAttachment")));
	op_auth_errors(oa, op, FAM_TCX, 0);
	op_errors(oa, op, FAM_TCX, X(XERR_REQUEST_NOT_FOUND), X(XERR_QUERY_LIST), END);

	op = op_new(oa, files, "post", "addInternetRequestAttachment", "internet",
	    "Attach a file to an Internet request", "As on the ordering API.", 0);
	op_path_id(oa, op, "Internet request id.");
	op_body(oa, op, "The file.", schema_ref("InternetAttachmentPOST"));
	op_response(oa, op, 201, "The file (with `Idempotent-Replayed: true`, the "
	    "first answer to this Idempotency-Key again).", schema_ref("InternetAttachment"));
	op_body_errors(oa, op, FAM_TCX);
	op_auth_errors(oa, op, FAM_TCX, 0);
	op_idempotency(oa, op, FAM_TCX);
	op_errors(oa, op, FAM_TCX, X(XERR_ACCESS), X(XERR_INTERNAL_ACCESS),
	    X(XERR_REQUEST_NOT_FOUND), X(XERR_FILE_BASE64), X(XERR_FILE_NAME),
	    X(XERR_FILE_EMPTY), X(XERR_FILE_TYPE), X(XERR_FILE_LARGE),
	    X(XERR_REQUEST_FULL), X(XERR_NOT_STRING), X(XERR_NOT_BOOLEAN), END);
	op_file_download(oa, "/internet/request/{id}/attachments/{attachmentId}",
	    "getInternetRequestAttachment", "internet", FAM_TCX);
}

/* ----------------------------------------------------------- document */

/* The tags operations use (declare a new tag here before using it). */
static void
add_tags(struct oa *oa)
{
	add_tag(oa, "ordering", "Orange-compatible ordering API (Orange error object).");
	add_tag(oa, "core-information", "Orange-compatible core information: "
	    "the caller's service points, and the caller (Orange error object).");
	add_tag(oa, "auth", "TelecomX-style login (TelecomX error object).");
	add_tag(oa, "operations", "Operations (TelecomX error object).");
	add_tag(oa, "internet", "TelecomX-compatible Internet requests, offers and "
	    "accounts (TelecomX error object).");
	add_tag(oa, "webhooks", "Signed webhooks (Standard Webhooks) of both families' "
	    "events: subscriptions and their messages (Orange error object).");
}

/* The document's head: version, info, servers, security. */
static json_t *
document_head(void)
{
	return json_pack("{s:s, s:{s:s, s:s, s:s}, s:[{s:s}], s:[{s:[]}, {s:[]}], "
	    "s:{s:{s:{s:s, s:s, s:s, s:s}, s:{s:s, s:s, s:s}}}, s:{}}",
	    "openapi", "3.1.0",
	    "info", "title", "reqdesk", "version", PACKAGE_VERSION,
	    "description", "Every JSON route of the reqdesk service-request desk. "
	    "Routes under /ordering/ and /core-information/ answer the Orange "
	    "error object; /auth/, /internet/ and /healthz the TelecomX one.  "
	    "A method a path does not list answers 405 (with an Allow header); "
	    "HEAD follows GET.  See docs/API.md for every error code.",
	    "servers", "url", "/",
	    "security", "apiKey", "bearer",
	    "components", "securitySchemes",
	    "apiKey", "type", "apiKey", "in", "header", "name", "X-API-Key",
	    "description", "An API key (`reqdesk apikey create` or the admin page).",
	    "bearer", "type", "http", "scheme", "bearer", "description",
	    "A token from POST /auth/login, or an API key.",
	    "paths");
}

/* ------------------------------------------------------------ webhooks */

/* Webhook subscriptions and messages (webhook.h, docs/WEBHOOKS.md). */
static void
schema_webhooks(struct oa *oa)
{
	json_t	*events = json_array(), *types;
	int	 i;

	for (i = 0; i < HOOK__MAX; i++)
		json_array_append_new(events, json_string(hook_event_name((enum hook_event)i)));
	types = json_deep_copy(events);
	json_array_append_new(types, json_string(HOOK_PING_EVENT));
	add_schema(oa, "WebhookEventType", json_pack("{s:s, s:s, s:o}", "type", "string",
	    "description", "An event a subscription may hear.", "enum", events));
	add_schema(oa, "WebhookCreate", json_pack("{s:s, s:[s], s:b, s:{"
	    "s:{s:s, s:s, s:i, s:s}, s:{s:s, s:o, s:i, s:s}, s:{s:s, s:i, s:s}}}",
	    "type", "object", "required", "url", "additionalProperties", 1, "properties",
	    "url", "type", "string", "format", "uri", "maxLength", HOOK_URL_MAX,
	    "description", "https:// (http:// only to a range of [webhooks] allow); "
	    "no user name, password or fragment.  Its host must resolve to public "
	    "addresses only (422/3641 otherwise).",
	    "events", "type", "array", "items", schema_ref("WebhookEventType"),
	    "minItems", 1, "description", "The events to send (every one when absent).",
	    "description", "type", "string", "maxLength", HOOK_DESCRIPTION_MAX,
	    "description", "For the people who read the list."));
	add_schema(oa, "WebhookUpdate", json_pack("{s:s, s:b, s:{"
	    "s:{s:s, s:s, s:i, s:s}, s:{s:s, s:o, s:i}, s:{s:[s,s], s:i, s:s},"
	    " s:{s:s, s:s}}}",
	    "type", "object", "additionalProperties", 1, "properties",
	    "url", "type", "string", "format", "uri", "maxLength", HOOK_URL_MAX,
	    "description", "As at the creation, checked (and resolved) again.",
	    "events", "type", "array", "items", schema_ref("WebhookEventType"),
	    "minItems", 1,
	    "description", "type", "string", "null", "maxLength", HOOK_DESCRIPTION_MAX,
	    "description", "null empties it.",
	    "paused", "type", "boolean", "description", "true: nothing is sent to it and "
	    "the events until it is resumed are not kept for it; false: resumed, what "
	    "waited is due at once, with a new retry window."));
	add_schema(oa, "Webhook", json_pack("{s:s, s:[s,s,s,s,s,s,s], s:{"
	    "s:{s:s}, s:{s:s}, s:{s:s, s:o}, s:{s:s}, s:{s:[s,s], s:s}, s:{s:s, s:s},"
	    " s:{s:s, s:s}, s:{s:s, s:s}, s:{s:s}, s:{s:s, s:s}, s:{s:s, s:s},"
	    " s:{s:s, s:s, s:{s:s, s:{s:{s:s}, s:{s:s, s:[s,s,s,s,s]}, s:{s:[s,s]},"
	    " s:{s:s}}}}}}",
	    "type", "object", "required", "id", "url", "events", "description", "customer",
	    "createdAt", "paused", "properties",
	    "id", "type", "string", "url", "type", "string",
	    "events", "type", "array", "items", schema_ref("WebhookEventType"),
	    "description", "type", "string",
	    "customer", "type", "object", "null", "description", "The customer whose "
	    "events it hears; null for the operator's (every event).",
	    "createdAt", "type", "string", "format", "date-time",
	    "secret", "type", "string", "description", "whsec_ and the base64 of the "
	    "HMAC-SHA256 key: only in the answers about one subscription (its creation, "
	    "GET, rotate).",
	    "previousSecretExpiresAt", "type", "string", "format", "date-time",
	    "_links", "type", "object",
	    "paused", "type", "boolean", "description", "Paused: sent nothing, queues "
	    "nothing.",
	    "updatedAt", "type", "string", "format", "date-time",
	    "history", "type", "array", "description", "Its latest changes, newest first "
	    "(in the answers about one subscription).", "items", "type", "object",
	    "properties", "at", "type", "string", "action", "type", "string", "enum",
	    "created", "edited", "paused", "resumed", "rotated", "by", "type", "string",
	    "null", "record", "type", "object"));
	add_schema(oa, "WebhookMessage", json_pack("{s:s, s:{s:{s:s, s:s}, s:{s:o}, "
	    "s:{s:[s,s]}, s:{s:s, s:[s,s,s,s]}, s:{s:s}, s:{s:s}, s:{s:[s,s]}, s:{s:s},"
	    " s:{s:s}, s:{s:s}, s:{s:s, s:s, s:{s:s}}}}",
	    "type", "object", "properties",
	    "id", "type", "string", "description", "Its webhook-id (the same at every attempt).",
	    "type", "enum", types,
	    "objectId", "type", "string", "null",
	    "state", "type", "string", "enum", "queued", "sending", "delivered", "failed",
	    "attempts", "type", "integer", "createdAt", "type", "string",
	    "deliveredAt", "type", "string", "null", "nextAttemptAt", "type", "string",
	    "lastStatus", "type", "integer", "lastError", "type", "string",
	    "latestAttempts", "type", "array", "description", "The latest attempts, "
	    "newest first: at, status (0: no HTTP answer), durationMs, error, answer "
	    "(its first 256 bytes).", "items", "type", "object"));
	add_schema(oa, "WebhookEnvelope", json_pack("{s:s, s:[s,s,s], s:{s:{s:s}, "
	    "s:{s:s, s:s}, s:{s:s}}}", "type", "object", "required", "type", "timestamp",
	    "data", "properties", "type", "type", "string", "timestamp", "type", "string",
	    "format", "date-time", "data", "description", "The resource as the "
	    "subscriber's API shows it."));
}

static void
path_webhooks(struct oa *oa)
{
	json_t	*op, *resp;

	op = op_new(oa, "/ordering/b2b/v2/webhooks", "get", "listWebhooks", "webhooks",
	    "List webhook subscriptions", "A customer's OWNER: its customer's; an ADMIN: "
	    "every one (the operator's too).", 0);
	resp = op_response(oa, op, 200, "The subscriptions, newest first (no secret).",
	    json_pack("{s:s, s:o}", "type", "array", "items", schema_ref("Webhook")));
	resp_count_headers(oa, resp);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_errors(oa, op, FAM_ORANGE, H(HERR_FORBIDDEN), END);
	op = op_new(oa, "/ordering/b2b/v2/webhooks", "post", "createWebhook", "webhooks",
	    "Subscribe a receiver", "A customer's OWNER subscribes to its customer's "
	    "events, an ADMIN to every event (the operator's).  Checks: body, url "
	    "(412/65, 400/21, 422/3640), events (422/3642), description, the "
	    "destination once resolved (422/3641), how many there are (422/3643).", 0);
	op_body(oa, op, "The subscription.", schema_ref("WebhookCreate"));
	resp = op_response(oa, op, 201, "Created, with its secret (with "
	    "`Idempotent-Replayed: true`, the first answer to this Idempotency-Key "
	    "again).", schema_ref("Webhook"));
	oa_set(oa, oa_child(oa, resp, "headers"), "Location", json_pack(
	    "{s:s, s:{s:s}}", "description", "URL path of the new subscription.",
	    "schema", "type", "string"));
	op_body_errors(oa, op, FAM_ORANGE);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_idempotency(oa, op, FAM_ORANGE);
	op_errors(oa, op, FAM_ORANGE, H(HERR_FORBIDDEN), O(OERR_MISSING),
	    O(OERR_TOP_INVALID), O(OERR_HOOK_URL), O(OERR_HOOK_EVENTS),
	    O(OERR_HOOK_DESTINATION), O(OERR_HOOK_LIMIT), H(HERR_UNAVAILABLE), END);
	op = op_new(oa, "/ordering/b2b/v2/webhooks/{id}", "get", "getWebhook", "webhooks",
	    "Get a subscription", "With its secret.", 0);
	op_path_id(oa, op, "Subscription.");
	op_response(oa, op, 200, "The subscription.", schema_ref("Webhook"));
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_errors(oa, op, FAM_ORANGE, H(HERR_FORBIDDEN), H(HERR_NOT_FOUND), END);
	op = op_new(oa, "/ordering/b2b/v2/webhooks/{id}", "post", "updateWebhook", "webhooks",
	    "Edit, pause or resume a subscription", "Each field optional: url, events, "
	    "description (as at the creation, the URL checked and resolved again), "
	    "paused.  Every change is kept in its history.  A paused subscription is "
	    "sent nothing, and the events that happen while it is paused are not kept "
	    "for it (skipped); the messages queued before wait, and are due at once "
	    "when it is resumed (docs/WEBHOOKS.md).", 0);
	op_path_id(oa, op, "Subscription.");
	op_body(oa, op, "What changes.", schema_ref("WebhookUpdate"));
	op_response(oa, op, 200, "The subscription as it is now, with its secret.",
	    schema_ref("Webhook"));
	op_body_errors(oa, op, FAM_ORANGE);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_errors(oa, op, FAM_ORANGE, H(HERR_FORBIDDEN), H(HERR_NOT_FOUND),
	    O(OERR_TOP_INVALID), O(OERR_TOP_BOOLEAN), O(OERR_HOOK_URL), O(OERR_HOOK_EVENTS),
	    O(OERR_HOOK_DESTINATION), H(HERR_UNAVAILABLE), END);
	op = op_new(oa, "/ordering/b2b/v2/webhooks/{id}/rotate", "post", "rotateWebhookSecret",
	    "webhooks", "Rotate the secret", "A new secret signs every message from now "
	    "on; the previous one too until previousSecretExpiresAt ([webhooks] "
	    "rotation_hours): webhook-signature then holds two v1 signatures.  No body.", 0);
	op_path_id(oa, op, "Subscription.");
	op_response(oa, op, 200, "The subscription with its new secret.", schema_ref("Webhook"));
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_errors(oa, op, FAM_ORANGE, H(HERR_FORBIDDEN), H(HERR_NOT_FOUND), END);
	op = op_new(oa, "/ordering/b2b/v2/webhooks/{id}/ping", "post", "pingWebhook",
	    "webhooks", "Send a test message", "Queues a webhook.ping message to this "
	    "subscription alone.  No body.", 0);
	op_path_id(oa, op, "Subscription.");
	op_response(oa, op, 202, "Queued: its webhook-id.", json_pack("{s:s}", "type", "object"));
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_errors(oa, op, FAM_ORANGE, H(HERR_FORBIDDEN), H(HERR_NOT_FOUND), END);
	op = op_new(oa, "/ordering/b2b/v2/webhooks/{id}/delete", "post", "deleteWebhook",
	    "webhooks", "Delete a subscription", "With its messages.  No body (a POST: "
	    "the desk's routes take GET and POST).", 0);
	op_path_id(oa, op, "Subscription.");
	op_response(oa, op, 204, "Deleted.", NULL);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_errors(oa, op, FAM_ORANGE, H(HERR_FORBIDDEN), H(HERR_NOT_FOUND), END);
	op = op_new(oa, "/ordering/b2b/v2/webhooks/{id}/messages", "get", "listWebhookMessages",
	    "webhooks", "A subscription's messages", "Newest first, each with its latest "
	    "attempts.", 0);
	op_path_id(oa, op, "Subscription.");
	op_param(oa, op, "query", "offset", 0, "How many messages to skip.",
	    json_pack("{s:s, s:i, s:i}", "type", "integer", "minimum", 0, "default", 0));
	op_param(oa, op, "query", "limit", 0, "How many messages at most.",
	    json_pack("{s:s, s:i, s:i, s:i}", "type", "integer", "minimum", 1,
	    "maximum", HOOK_MESSAGES_PAGE, "default", HOOK_MESSAGES_PAGE));
	resp = op_response(oa, op, 200, "The messages.", json_pack("{s:s, s:o}", "type",
	    "array", "items", schema_ref("WebhookMessage")));
	resp_count_headers(oa, resp);
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_errors(oa, op, FAM_ORANGE, H(HERR_BAD_QUERY), H(HERR_FORBIDDEN),
	    H(HERR_NOT_FOUND), END);
	op = op_new(oa, "/ordering/b2b/v2/webhooks/{id}/messages/{messageId}/resend", "post",
	    "resendWebhookMessage", "webhooks", "Send a message again", "The same "
	    "webhook-id, due now, with a new day of retries.  No body.", 0);
	op_path_id(oa, op, "Subscription.");
	op_param(oa, op, "path", "messageId", 1, "The message's webhook-id (msg_...).",
	    json_pack("{s:s, s:i}", "type", "string", "minLength", 1));
	op_response(oa, op, 202, "Queued again.", json_pack("{s:s}", "type", "object"));
	op_auth_errors(oa, op, FAM_ORANGE, 0);
	op_errors(oa, op, FAM_ORANGE, H(HERR_FORBIDDEN), H(HERR_NOT_FOUND), END);
	/* what the desk sends (OpenAPI 3.1 webhooks) */
	op = oa_check(oa, json_pack("{s:{s:s, s:[s], s:s, s:s, s:{s:b, s:{s:{s:o}}}, "
	    "s:{s:{s:s}}}}", "post", "operationId", "deskEvent", "tags", "webhooks",
	    "summary", "An event of the desk", "description", "POSTed to each "
	    "subscription that hears it, with webhook-id, webhook-timestamp and "
	    "webhook-signature (Standard Webhooks: v1,base64 of HMAC-SHA256 over "
	    "id.timestamp.body, the key the base64 after whsec_).  A 2xx answer "
	    "delivers it; anything else is retried for a day (docs/WEBHOOKS.md).",
	    "requestBody", "required", 1, "content", "application/json", "schema",
	    schema_ref("WebhookEnvelope"), "responses", "2XX", "description", "Received."));
	oa_set(oa, oa_child(oa, oa->doc, "webhooks"), "deskEvent", op);
}

json_t *
openapi_document(void)
{
	struct oa	oa = { NULL, 0 };

	if ((oa.doc = document_head()) == NULL)
		return NULL;
	add_tags(&oa);
	/* Component schemas. */
	schema_orange_error(&oa);
	schema_tcx_error(&oa);
	schema_request(&oa);
	schema_status_change(&oa);
	schema_catalog_item(&oa);
	schema_service_point(&oa);
	schema_login(&oa);
	schema_health(&oa);
	schema_ordering_misc(&oa);
	/* Paths, one call each (see "HOW TO ADD A PATH" at the top). */
	path_healthz(&oa);
	path_ping(&oa);
	path_auth_login(&oa);
	op_requests_list(&oa);
	op_requests_create(&oa);
	path_request(&oa);
	path_request_status(&oa);
	path_catalog_items(&oa);
	path_catalog_item(&oa);
	path_requests_aggregate(&oa);
	path_ordering_misc(&oa);
	path_service_points(&oa);
	path_service_point(&oa);
	path_me(&oa);
	schema_inet_parts(&oa);
	schema_inet_request(&oa);
	schema_inet_account(&oa);
	path_inet_requests(&oa);
	path_inet_request(&oa);
	path_inet_accounts(&oa);
	path_inet_confirm(&oa);
	path_inet_account_move(&oa, "/internet/account/{id}/activate", "activateInternetAccount",
	    "Activate a confirmed account", "ADMIN: CONFIRMED -> ACTIVE, the customer told "
	    "by e-mail. No body is needed; one sent must be a JSON object.",
	    XERR_ACTIVATE_STATE);
	path_inet_account_move(&oa, "/internet/account/{id}/cancel", "cancelInternetAccount",
	    "Cancel an account", "ADMIN: ORDERED, CONFIRMED or ACTIVE -> CANCELLED, the "
	    "customer told by e-mail. No body is needed; one sent must be a JSON object.",
	    XERR_CANCEL_STATE);
	schema_conversations(&oa);
	path_orange_conversation(&oa);
	path_inet_conversation(&oa);
	schema_webhooks(&oa);
	path_webhooks(&oa);
	if (oa.failed) {
		json_decref(oa.doc);
		return NULL;
	}
	return oa.doc;
}

/* ------------------------------------------------------------ handler */

static pthread_once_t	 openapi_once = PTHREAD_ONCE_INIT;
static char		*openapi_text;	/* the serialized document, or NULL */

/* Build and serialize the document once (pthread_once routine); the
 * text stays for the life of the process. */
static void
openapi_build(void)
{
	json_t	*doc = openapi_document();

	if (doc == NULL) {
		log_err("openapi: the document could not be built");
		return;
	}
	openapi_text = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
}

int
api_openapi(struct req *r)
{
	pthread_once(&openapi_once, openapi_build);
	if (openapi_text == NULL)
		return -1;
	if (resp_start(r, 200, "application/json") < 0)
		return -1;
	return resp_puts(r, openapi_text);
}
