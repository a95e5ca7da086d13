/*
 * errors.c — the error tables of every family and problem lists; see
 * errors.h.  Messages are the APIs' own (docs/API.md) word for word.
 */
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "util.h"

/* Sized by the enum: a row missing (or one too many) fails the build. */
static const struct herr_row herrs[HERR__MAX] = {
	[HERR_BAD_QUERY] = { 400, 20, "Invalid query-string parameter", "bad_request",
	    "A query-string parameter is invalid." },
	[HERR_BAD_BODY] = { 400, 21, "Invalid body", "bad_request",
	    "The body is missing or is not a JSON object." },
	[HERR_AUTH_MISSING] = { 401, 40, "Missing credentials", "credentials_invalid",
	    "Authorization required, please login." },
	[HERR_AUTH_INVALID] = { 401, 41, "Invalid credentials", "invalid_token",
	    "Invalid token." },
	[HERR_AUTH_EXPIRED] = { 401, 42, "Expired credentials", "expired",
	    "Session has expired, please login." },
	[HERR_AUTH_FORMAT] = { 401, 41, "Invalid credentials", "format_error",
	    "Authorization header format is Authorization: Bearer <token>." },
	[HERR_FORBIDDEN] = { 403, 50, "Access denied", "access_denied",
	    "Insufficient access level." },
	[HERR_CSRF] = { 403, 50, "Access denied", "csrf",
	    "The form has expired or did not come from this site; reload it and try again." },
	[HERR_NOT_FOUND] = { 404, 60, "Resource not found", "not_found",
	    "The requested resource was not found." },
	[HERR_METHOD] = { 405, 61, "Method not allowed", "method_not_allowed",
	    "This method is not allowed on this resource." },
	[HERR_CONFLICT] = { 409, 62, "Conflict", "conflict",
	    "The resource is not in a state that allows this." },
	[HERR_MISSING] = { 412, 65, "Precondition failed", "required",
	    "A mandatory field is missing." },
	[HERR_TOO_LARGE] = { 413, 63, "Request entity too large", "payload_too_large",
	    "The request body is larger than this server accepts." },
	[HERR_MEDIA_TYPE] = { 415, 64, "Unsupported media type", "unsupported_media_type",
	    "The body must be sent with Content-Type: application/json." },
	[HERR_TOO_MANY] = { 429, 53, "Too many requests", "too_many_requests",
	    "Too many attempts; wait and try again." },
	[HERR_INTERNAL] = { 500, 1, "Internal error", "internal_error",
	    "An unexpected error occurred." },
	[HERR_UNAVAILABLE] = { 503, 5, "Service unavailable", "unavailable",
	    "The service is temporarily unavailable." },
	[HERR_FORM_FIELDS] = { 400, 21, "Invalid body", "bad_request",
	    "The form has too many fields: it cannot be read." },
	[HERR_FORM_TEXT] = { 400, 21, "Invalid body", "bad_request",
	    "The form holds text that is not valid UTF-8: it cannot be read." },
};

/* The description of a 3620 is the ordering API's sentence around the problem. */
#define PROPS(msg) "The 'properties' attribute is not valid due to the following error : " msg

static const struct oerr_row oerrs[OERR__MAX] = {
	[OERR_MISSING] = { 412, 65, "Precondition failed",
	    "The mandatory field '{1}' is missing.", 0 },
	[OERR_TOP_INVALID] = { 400, 21, "Invalid body",
	    "'{1}' must be a string of at most {2} characters", 1 },
	[OERR_PROPS_OBJECT] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be an object"), 1 },
	[OERR_PROPS_UNKNOWN] = { 422, 3620, "Properties item is not valid",
	    PROPS("unknown attribute '{1}'"), 1 },
	[OERR_PROPS_UNKNOWN_HINT] = { 422, 3620, "Properties item is not valid",
	    PROPS("unknown attribute '{1}' (did you mean '{2}'?)"), 1 },
	[OERR_PROPS_TYPE] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be {2}"), 1 },
	[OERR_PROPS_EMPTY] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must not be empty"), 1 },
	[OERR_PROPS_TOO_LONG] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be at most {2} characters"), 1 },
	[OERR_PROPS_TOO_SHORT] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be at least {2} characters"), 1 },
	[OERR_PROPS_ENUM] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be one of {2}"), 1 },
	[OERR_PROPS_DATE] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be a date (YYYY-MM-DD)"), 1 },
	[OERR_PROPS_EMAIL] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be a valid e-mail address"), 1 },
	[OERR_PROPS_PHONE] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be a valid phone number"), 1 },
	[OERR_PROPS_PATTERN] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' {2}"), 1 },
	[OERR_REQUESTED_AT] = { 422, 3611, "RequestedAt not Valid",
	    "The requestedAt date must be {1} days minimum and must be a working day "
	    "in France. The earliest valid date is {2}.", 2 },
	[OERR_NO_SERVICE_POINT] = { 422, 3622, "No Service Point match criteria",
	    "No Service Point was found with the current criteria.", 3 },
	[OERR_SEVERAL_SERVICE_POINTS] = { 422, 3621, "Several Products match criterias",
	    "Several Service Points mach the criteria. Disconnection can be requested "
	    "on only one Service Point.", 3 },
	[OERR_ORDERING_DOWN] = { 422, 3623, "Internal Ordering System not available",
	    "The ordering system is not available at the moment. The request was not "
	    "accepted.", 4 },
	[OERR_MORE] = { 422, 0, "Too many problems",
	    "{1} more problems were found and are not listed.", 5 },
};

#define MSG_IP		"IP address is required and must be 1,2,4,8,16 or 32"
#define MSG_START	"Date must not be between 1 month ago and 6 months into the future"
#define MSG_PRICE	"Must be between 0 and 500000"
#define MSG_COMMITMENT	"Must be between 0 and 60 months"
#define MSG_ORDERED	"An offer of this Internet request has already been ordered"

static const struct xerr_row xerrs[XERR__MAX] = {
	[XERR_REQUEST_NOT_FOUND] = { 404, "not_found", NULL, "Internet request not found" },
	[XERR_ACCOUNT_NOT_FOUND] = { 404, "not_found", NULL, "Internet account not found" },
	[XERR_ORDER_REQUEST_NOT_FOUND] = { 404, "not_found", "exists",
	    "Internet request not found" },
	[XERR_ACCESS] = { 403, "access_denied", NULL, "Insufficient access level" },
	[XERR_OFFERS_ACCESS] = { 403, "access_denied", "access", "Insufficient access level" },
	[XERR_ORDERED] = { 409, "conflict", "unique", MSG_ORDERED },
	[XERR_OFFERS_LOCKED] = { 409, "conflict", "state", "An offer of this Internet "
	    "request has been ordered: its offers can no longer change" },
	[XERR_NOT_STRING] = { 422, NULL, "type", "Must be a string" },
	[XERR_NOT_BOOLEAN] = { 422, NULL, "type", "Must be true or false" },
	[XERR_LENGTH] = { 422, NULL, "length", "Invalid length. At most {1} is required." },
	[XERR_TYPE_REQUIRED] = { 422, NULL, "required", "Type is required and must be DSL or FIBER" },
	[XERR_TYPE_ENUM] = { 422, NULL, "enum", "Type is required and must be DSL or FIBER" },
	[XERR_CUSTOMER_NOT_FOUND] = { 404, NULL, "exists", "Customer not found" },
	[XERR_RESELLER_NOT_FOUND] = { 404, NULL, "exists", "Reseller not found" },
	[XERR_OWNER_REQUIRED] = { 422, NULL, "required", "Customer or reseller is required" },
	[XERR_ADDRESS_REQUIRED] = { 422, NULL, "required", "Address is required" },
	[XERR_ADDRESS_TYPE] = { 422, NULL, "type",
	    "Must be an object: {_id} or {address, zip, city}" },
	[XERR_ADDRESS_NOT_FOUND] = { 404, NULL, "exists", "Address not found" },
	[XERR_ROAD_REQUIRED] = { 422, NULL, "required", "Road and number are required" },
	[XERR_ZIP_REQUIRED] = { 422, NULL, "required", "Zip code is required" },
	[XERR_CITY_REQUIRED] = { 422, NULL, "required", "City is required" },
	[XERR_SINGLE_LINE] = { 422, NULL, "format", "Must be a single line of text" },
	[XERR_PRODUCT_NOT_FOUND] = { 422, NULL, "exists", "Product not found" },
	[XERR_PRODUCT_NOT_VALID] = { 422, NULL, "valid", "Product is not valid for customer" },
	[XERR_PRODUCT_TYPE] = { 422, NULL, "type", "Product is not a {1} product" },
	[XERR_PRODUCT_REQUIRED] = { 422, NULL, "required", "Product is required" },
	[XERR_ONLY_FOR] = { 422, NULL, "type", "Only valid for {1} requests" },
	[XERR_CIRCUIT_REQUIRED] = { 422, NULL, "required", "Circuit is required for takeover" },
	[XERR_TAKEOVER_CUSTOMER_REQUIRED] = { 422, NULL, "required",
	    "Customer id is required for takeover" },
	[XERR_IP_REQUIRED] = { 422, NULL, "required", MSG_IP },
	[XERR_IP_ENUM] = { 422, NULL, "enum", MSG_IP },
	[XERR_START_FORMAT] = { 422, NULL, "format", MSG_START },
	[XERR_START_RANGE] = { 422, NULL, "range", MSG_START },
	[XERR_INSTALL_TIME] = { 422, NULL, "enum", "Must be one of 7_30_TO_16, 7_30_TO_12, 12_TO_16" },
	[XERR_OFFERS_TYPE] = { 422, NULL, "type", "Must be a list of offers" },
	[XERR_OFFERS_COUNT] = { 422, NULL, "length", "At most 20 offers" },
	[XERR_OFFER_OBJECT] = { 422, NULL, "type", "Must be an object" },
	[XERR_OFFER_ID_FORMAT] = { 422, NULL, "format", "Must be 24 hexadecimal characters" },
	[XERR_OFFER_ID_UNIQUE] = { 422, NULL, "unique", "Duplicate offer id" },
	[XERR_PRICE_TYPE] = { 422, NULL, "type", MSG_PRICE },
	[XERR_PRICE_RANGE] = { 422, NULL, "range", MSG_PRICE },
	[XERR_COMMITMENT_TYPE] = { 422, NULL, "type", MSG_COMMITMENT },
	[XERR_COMMITMENT_RANGE] = { 422, NULL, "range", MSG_COMMITMENT },
	[XERR_NOTIFY_TYPE] = { 422, NULL, "type", "Must be a list of at most 50 employee ids" },
	[XERR_RECIPIENT] = { 422, NULL, "exists", "Recipient not found" },
	[XERR_ORDER_REQUEST_REQUIRED] = { 422, NULL, "required", "Internet request is required" },
	[XERR_OFFER_REQUIRED] = { 422, NULL, "required", "Offer is required" },
	[XERR_CUSTOMER_MISMATCH] = { 422, NULL, "valid",
	    "Customer does not match the Internet request" },
	[XERR_OFFER_NOT_FOUND] = { 404, NULL, "exists", "Offer not found" },
	[XERR_EXPIRED] = { 422, "expired", "expired", "The offer has expired" },
	[XERR_START_REQUIRED] = { 422, NULL, "required", "Start date is required" },
	[XERR_DATE_FORMAT] = { 422, NULL, "format", "Must be a date (YYYY-MM-DD)" },
	[XERR_CONFIRM_STATE] = { 422, "state", "state", "Only an ORDERED account can be confirmed" },
	[XERR_LOGIN_EMAIL] = { 422, NULL, "required", "E-mail is required" },
	[XERR_LOGIN_PASSWORD] = { 422, NULL, "required", "Password is required" },
	[XERR_LOGIN_WRONG] = { 401, "credentials_invalid", NULL, "Wrong e-mail or password." },
	[XERR_QUERY_OFFSET] = { 400, NULL, "range", "Must be a non-negative integer" },
	[XERR_QUERY_LIMIT] = { 400, NULL, "range", "Must be between 1 and 500" },
	[XERR_QUERY_STATE] = { 400, NULL, "enum", "Must be ANY, NEW or HAS_OFFER" },
	[XERR_QUERY_FULL] = { 400, NULL, "enum", "Must be true or false" },
	[XERR_MORE] = { 422, "too_many_problems", "limit",
	    "{1} more problems were found and are not listed" },
};

const struct herr_row *
herr_row(enum herr e)
{
	return &herrs[e < HERR__MAX ? e : HERR_INTERNAL];
}

const struct oerr_row *
oerr_row(enum oerr e)
{
	return &oerrs[e < OERR__MAX ? e : OERR_ORDERING_DOWN];
}

const struct xerr_row *
xerr_row(enum xerr e)
{
	return &xerrs[e < XERR__MAX ? e : XERR_ACCESS];
}

int
herr_status(enum herr e)
{
	return herr_row(e)->status;
}

char *
errors_fill(const char *tpl, const char *const args[3])
{
	struct buf	 b = { 0 };
	const char	*p, *arg;

	for (p = tpl; *p != '\0'; p++) {
		if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
			arg = args != NULL ? args[p[1] - '1'] : NULL;
			if (arg != NULL && buf_puts(&b, arg) < 0)
				goto fail;
			p += 2;
		} else if (buf_append(&b, p, 1) < 0)
			goto fail;
	}
	if (b.data == NULL && buf_append(&b, "", 0) < 0)
		goto fail;
	return b.data;
fail:
	buf_free(&b);
	return NULL;
}

static void
problem_clear(struct problem *p)
{
	size_t i;

	free(p->code);
	free(p->path);
	for (i = 0; i < 3; i++)
		free(p->args[i]);
	free(p->text);
	memset(p, 0, sizeof(*p));
}

/* Keep one problem of the list's family with its template.  0 or -1. */
static int
problem_add(struct problems *pb, enum family fam, int err, const char *tpl,
    const char *code, const char *path, const char *const args[3])
{
	struct problem	*p;
	size_t		 i;

	if (pb->n == 0 && pb->more == 0)
		pb->family = fam;
	if (pb->n >= PROBLEMS_MAX) {
		if (pb->more++ == 0)
			pb->more_err = err;
		return 0;
	}
	if ((p = array_room(pb->v, pb->n, &pb->cap, sizeof(*p), 8)) == NULL)
		goto fail;
	pb->v = p;
	p = &pb->v[pb->n];
	memset(p, 0, sizeof(*p));
	p->err = err;
	if ((code != NULL && (p->code = strdup(code)) == NULL) ||
	    (path != NULL && (p->path = strdup(path)) == NULL))
		goto fail_clear;
	for (i = 0; i < 3; i++)
		if (args[i] != NULL && (p->args[i] = strdup(args[i])) == NULL)
			goto fail_clear;
	if ((p->text = errors_fill(tpl, args)) == NULL)
		goto fail_clear;
	pb->n++;
	return 0;
fail_clear:
	problem_clear(p);
fail:
	pb->failed = 1;
	return -1;
}

int
oproblem(struct problems *pb, enum oerr e, const char *path, const char *a1,
    const char *a2, const char *a3)
{
	const char *args[3] = { a1, a1 ? a2 : NULL, a1 && a2 ? a3 : NULL };

	return problem_add(pb, FAM_ORANGE, (int)e, oerr_row(e)->description,
	    NULL, path, args);
}

int
xproblem(struct problems *pb, enum xerr e, const char *code, const char *path,
    const char *a1)
{
	const char *args[3] = { a1, NULL, NULL };

	return problem_add(pb, FAM_TCX, (int)e, xerr_row(e)->message,
	    xerr_row(e)->code != NULL ? NULL : code, path, args);
}

size_t
problems_found(const struct problems *pb)
{
	return pb->n + pb->more;
}

int
problems_status(const struct problems *pb)
{
	if (pb->n == 0)
		return 500;
	return pb->family == FAM_TCX ? xerr_row((enum xerr)pb->v[0].err)->status :
	    oerr_row((enum oerr)pb->v[0].err)->status;
}

const struct problem *
problems_at(const struct problems *pb, const char *path)
{
	size_t i;

	for (i = 0; pb != NULL && path != NULL && i < pb->n; i++)
		if (pb->v[i].path != NULL && strcmp(pb->v[i].path, path) == 0)
			return &pb->v[i];
	return NULL;
}

void
problems_sort(struct problems *pb)
{
	struct problem	tmp;
	size_t		i, j;

	if (pb->family != FAM_ORANGE)
		return;
	for (i = 1; i < pb->n; i++) {	/* insertion sort: stable, short lists */
		tmp = pb->v[i];
		for (j = i; j > 0 && oerr_row((enum oerr)pb->v[j - 1].err)->rank >
		    oerr_row((enum oerr)tmp.err)->rank; j--)
			pb->v[j] = pb->v[j - 1];
		pb->v[j] = tmp;
	}
}

void
problems_free(struct problems *pb)
{
	size_t i;

	for (i = 0; i < pb->n; i++)
		problem_clear(&pb->v[i]);
	free(pb->v);
	memset(pb, 0, sizeof(*pb));
}
