/*
 * errors.h — every error the desk answers with, as data, and the list of
 * problems one input can hold.
 *
 * One table per family, keyed by an enum, each row holding everything
 * the answer needs:
 *   herr  outcomes any route may have (credentials, access, body, storage):
 *         HTTP status, the Orange code and message, the TelecomX code and
 *         message;
 *   oerr  the Orange ordering API's own (the BVPN update and disconnection types): HTTP status,
 *         code, message, the description template, and the rank of the
 *         check in the documented order of checks;
 *   xerr  the TelecomX Internet API's own (TelecomX): HTTP status, code
 *         (NULL: the property's own error code, given with the problem),
 *         check and message template.
 * Domain code reports an enum value with the path and the words that
 * vary; the HTTP status follows from the row and is never chosen twice.
 * The reply module (reply.c) writes every family's shape from the rows,
 * openapi.c describes the errors from the same rows, and the pages that
 * show a problem to a person read the same rows: each row also holds the
 * sentence a person reads (in English, translated by the page through
 * the catalogues, naming the field by its label), while the APIs keep
 * their own codes and messages.
 *
 * Templates hold {1}, {2} and {3} where the words of the problem go (a
 * path, a length, a list of values); they are filled by substitution,
 * never by printf.  Messages are the APIs' own (docs/API.md), exactly.
 *
 * Owns: the tables (read-only data) and problem lists.  Calls: i18n (a
 * row's words in the reader's language), util.  Never: knows a request,
 * a template or the network.
 */
#ifndef REQDESK_ERRORS_H
#define REQDESK_ERRORS_H

#include <stddef.h>

/* The error shape a route answers with. */
enum family {
	FAM_HTML,	/* HTML error page through the layout */
	FAM_ORANGE,	/* {"code": int, "message", "description", "details"} */
	FAM_TCX,	/* {"error": {code, path, status, message, check}, "errors": [...]} */
};

/* Outcomes any route family can answer. */
enum herr {
	HERR_BAD_QUERY,		/* 400: a query-string parameter */
	HERR_BAD_BODY,		/* 400: the body is not a JSON object */
	HERR_AUTH_MISSING,	/* 401 */
	HERR_AUTH_INVALID,	/* 401 */
	HERR_AUTH_EXPIRED,	/* 401 */
	HERR_AUTH_FORMAT,	/* 401 */
	HERR_FORBIDDEN,		/* 403 */
	HERR_CSRF,		/* 403 */
	HERR_NOT_FOUND,		/* 404 */
	HERR_METHOD,		/* 405 */
	HERR_CONFLICT,		/* 409 */
	HERR_MISSING,		/* 412: a mandatory field is missing */
	HERR_TOO_LARGE,		/* 413 */
	HERR_MEDIA_TYPE,	/* 415 */
	HERR_TOO_MANY,		/* 429 */
	HERR_INTERNAL,		/* 500 */
	HERR_UNAVAILABLE,	/* 503 */
	HERR_FORM_FIELDS,	/* 400: a form with more fields than are read */
	HERR_FORM_TEXT,		/* 400: a form value not UTF-8 or undecodable */
	HERR_IDEM_KEY,		/* 400: an Idempotency-Key that is not one */
	HERR__MAX
};

struct herr_row {
	int		 status;
	int		 ocode;		/* Orange code */
	const char	*omessage;	/* Orange message */
	const char	*xcode;		/* TelecomX code */
	const char	*message;	/* the default description (both) */
	const char	*person;	/* for a person, English (tr() translates) */
};

/* The Orange ordering API's own errors, in the order of checks. */
enum oerr {
	OERR_MISSING,		/* 412 65: a mandatory field, {1} its path */
	OERR_TOP_INVALID,	/* 400 21: a top-level attribute's type or length */
	OERR_PROPS_OBJECT,	/* 422 3620: properties (or a part) is not an object */
	OERR_PROPS_UNKNOWN,	/* 422 3620: an undeclared attribute */
	OERR_PROPS_UNKNOWN_HINT, /* 422 3620: the same, with the nearest name */
	OERR_PROPS_TYPE,	/* 422 3620: the wrong JSON type */
	OERR_PROPS_EMPTY,	/* 422 3620: a mandatory string of blanks */
	OERR_PROPS_TOO_LONG,	/* 422 3620 */
	OERR_PROPS_TOO_SHORT,	/* 422 3620 */
	OERR_PROPS_ENUM,	/* 422 3620: not one of the allowed values */
	OERR_PROPS_DATE,	/* 422 3620 */
	OERR_PROPS_EMAIL,	/* 422 3620 */
	OERR_PROPS_PHONE,	/* 422 3620 */
	OERR_PROPS_PATTERN,	/* 422 3620: {2} the field's own words */
	OERR_REQUESTED_AT,	/* 422 3611 */
	OERR_NO_SERVICE_POINT,	/* 422 3622 */
	OERR_SEVERAL_SERVICE_POINTS, /* 422 3621 */
	OERR_ORDERING_DOWN,	/* 422 3623: the request could not be stored */
	OERR_MORE,		/* the last of a list cut at PROBLEMS_MAX */
	OERR_TOP_BOOLEAN,	/* 400 21: a top-level attribute that must be true or false */
	OERR_TOP_TEXT,		/* 400 21: text with a control character, or not UTF-8 */
	OERR_FILE_BASE64,	/* 400 21: a file's body that is not base64 */
	OERR_FILE_NAME,		/* 400 21: a file's name that cannot serve */
	OERR_FILE_EMPTY,	/* 400 21 */
	OERR_FILE_TYPE,		/* 422 21: not one of the kinds a request takes */
	OERR_IDEM_REUSED,	/* 422 3630: an Idempotency-Key used for another request */
	OERR_HOOK_URL,		/* 422 3640: a webhook's url that is not one (webhook.h) */
	OERR_HOOK_EVENTS,	/* 422 3642: events that are not a list of event types */
	OERR_HOOK_DESTINATION,	/* 422 3641: a destination in a private range */
	OERR_HOOK_LIMIT,	/* 422 3643: as many webhooks as one owner may have */
	OERR__MAX
};

struct oerr_row {
	int		 status;
	int		 code;
	const char	*message;
	const char	*description;	/* template */
	int		 rank;		/* place in the order of checks */
	const char	*person;	/* for a person: template with {1}..{3} and
					 * {label} (the field's), English */
};

/* The TelecomX Internet API's own errors (TelecomX and the desk's
 * additions, docs/API.md). */
enum xerr {
	XERR_REQUEST_NOT_FOUND,	/* 404 not_found */
	XERR_ACCOUNT_NOT_FOUND,	/* 404 not_found */
	XERR_ORDER_REQUEST_NOT_FOUND, /* 404 not_found, at "request" */
	XERR_ACCESS,		/* 403 access_denied */
	XERR_OFFERS_ACCESS,	/* 403 access_denied, at "offers" */
	XERR_ORDERED,		/* 409 conflict: one order per request */
	XERR_OFFERS_LOCKED,	/* 409 conflict: offers of an ordered request */
	XERR_NOT_STRING,	/* 422: a property's JSON type */
	XERR_NOT_BOOLEAN,
	XERR_LENGTH,		/* 422: {1} the limit in characters */
	XERR_TYPE_REQUIRED,	/* 422 type */
	XERR_TYPE_ENUM,
	XERR_CUSTOMER_NOT_FOUND, /* 404 */
	XERR_RESELLER_NOT_FOUND, /* 404 */
	XERR_OWNER_REQUIRED,
	XERR_ADDRESS_REQUIRED,
	XERR_ADDRESS_TYPE,
	XERR_ADDRESS_NOT_FOUND,	/* 404, at address._id / address2._id */
	XERR_ROAD_REQUIRED,
	XERR_ZIP_REQUIRED,
	XERR_CITY_REQUIRED,
	XERR_SINGLE_LINE,
	XERR_PRODUCT_NOT_FOUND,
	XERR_PRODUCT_NOT_VALID,
	XERR_PRODUCT_TYPE,	/* {1} DSL or FIBER */
	XERR_PRODUCT_REQUIRED,
	XERR_ONLY_FOR,		/* {1} DSL or FIBER */
	XERR_CIRCUIT_REQUIRED,
	XERR_TAKEOVER_CUSTOMER_REQUIRED,
	XERR_IP_REQUIRED,
	XERR_IP_ENUM,
	XERR_START_FORMAT,
	XERR_START_RANGE,
	XERR_INSTALL_TIME,
	XERR_OFFERS_TYPE,
	XERR_OFFERS_COUNT,
	XERR_OFFER_OBJECT,
	XERR_OFFER_ID_FORMAT,
	XERR_OFFER_ID_UNIQUE,
	XERR_PRICE_TYPE,
	XERR_PRICE_RANGE,
	XERR_COMMITMENT_TYPE,
	XERR_COMMITMENT_RANGE,
	XERR_NOTIFY_TYPE,
	XERR_RECIPIENT,
	XERR_ORDER_REQUEST_REQUIRED,
	XERR_OFFER_REQUIRED,
	XERR_CUSTOMER_MISMATCH,
	XERR_OFFER_NOT_FOUND,	/* 404 */
	XERR_EXPIRED,
	XERR_START_REQUIRED,
	XERR_DATE_FORMAT,
	XERR_CONFIRM_STATE,
	XERR_ACTIVATE_STATE,	/* 422 state: activate what is not CONFIRMED */
	XERR_CANCEL_STATE,	/* 422 state: cancel what is CANCELLED */
	XERR_LOGIN_EMAIL,	/* POST /auth/login */
	XERR_LOGIN_PASSWORD,
	XERR_LOGIN_WRONG,	/* 401 */
	XERR_QUERY_OFFSET,	/* 400: list parameters */
	XERR_QUERY_LIMIT,
	XERR_QUERY_STATE,
	XERR_QUERY_FULL,
	XERR_MORE,		/* the last of a list cut at PROBLEMS_MAX */
	XERR_TEXT_REQUIRED,	/* 422: a note's text */
	XERR_TEXT_INVALID,	/* 422: control characters, not UTF-8 */
	XERR_INTERNAL_ACCESS,	/* 403: an internal note by a customer */
	XERR_FILE_BASE64,	/* 422 */
	XERR_FILE_NAME,
	XERR_FILE_EMPTY,
	XERR_FILE_TYPE,
	XERR_FILE_LARGE,	/* 413: {1} the limit */
	XERR_REQUEST_FULL,	/* 409: the request holds as many files as it may */
	XERR_ATTACHMENT_NOT_FOUND, /* 404 */
	XERR_QUERY_LIST,	/* 400: offset/limit of a conversation's lists */
	XERR_QUERY_SEARCH,	/* 400: q */
	XERR_IDEM_REUSED,	/* 422 idempotency_key: used for another request */
	XERR_QUERY_DATE,	/* 400: a list's date filter */
	XERR_QUERY_TYPE,	/* 400: a list's type filter */
	XERR_QUERY_ASSIGNEE,	/* 400: assignee names no operator */
	XERR_ASSIGNEE_ACCESS,	/* 403: assignee asked by anyone but the operator */
	XERR__MAX
};

struct xerr_row {
	int		 status;
	const char	*code;		/* NULL: the problem's own code */
	const char	*check;		/* NULL: none */
	const char	*message;	/* template */
	const char	*person;	/* for a person: as oerr_row's */
};

const struct herr_row *herr_row(enum herr e);
const struct oerr_row *oerr_row(enum oerr e);
const struct xerr_row *xerr_row(enum xerr e);

/* The HTTP status of an outcome. */
int  herr_status(enum herr e);

/* `tpl` with {1}..{3} replaced by args[0..2] (NULL: left empty), as a new
 * string (NULL when memory runs out). */
char *errors_fill(const char *tpl, const char *const args[3]);

/*
 * The problems found in one input, in the order they were found, of one
 * family (the first problem added decides which).  At most PROBLEMS_MAX
 * are kept; the others are only counted (`more`), so that a body of a
 * million mistakes costs a bounded answer.  Zero-initialise; free with
 * problems_free().
 */
#define PROBLEMS_MAX	50

struct problem {
	int	 err;		/* enum oerr or enum xerr, by the list's family */
	char	*code;		/* TelecomX: the property's error code, or NULL */
	char	*path;		/* where the problem is, or NULL */
	char	*args[3];	/* the words of the template, or NULL */
	char	*text;		/* the row's template filled with args */
};

struct problems {
	enum family	 family;	/* FAM_ORANGE or FAM_TCX once one is added */
	struct problem	*v;
	size_t		 n, cap;
	size_t		 more;		/* found past PROBLEMS_MAX, not kept */
	int		 more_err;	/* the first of those */
	int		 failed;	/* memory ran out: the list is not whole */
};

/* Add an Orange problem at `path` (may be NULL) with up to three words
 * (NULL ends them).  0, or -1 when memory ran out (pb->failed set). */
int  oproblem(struct problems *pb, enum oerr e, const char *path,
	const char *a1, const char *a2, const char *a3);

/* Add a TelecomX problem: `code` is the property's error code (the
 * TelecomX "Error code" column: "offers[].monthlyCost"), used where the
 * row has none; `path` the concrete path ("offers[1].monthlyCost").  0
 * or -1. */
int  xproblem(struct problems *pb, enum xerr e, const char *code,
	const char *path, const char *a1);

/* Problems found, kept or not. */
size_t problems_found(const struct problems *pb);

/* The HTTP status of the list's first problem (500 when empty). */
int  problems_status(const struct problems *pb);

/* The first problem at `path`, or NULL (also for a NULL list). */
const struct problem *problems_at(const struct problems *pb, const char *path);

/* Sort an Orange list into the documented order of checks (stable). */
void problems_sort(struct problems *pb);

void problems_free(struct problems *pb);

/* The sentence a person reads for problem `p` of `pb`, in language
 * `lang`, `label` naming its field (NULL: "this field"); a new string
 * (NULL when memory runs out). */
char *problem_person(const struct problems *pb, const struct problem *p,
	const char *lang, const char *label);

#endif
