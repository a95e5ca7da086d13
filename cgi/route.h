/*
 * route.h — the route table: every URL of the desk, its methods, error
 * family, body kind, who may call it, and its handler.
 *
 * Owns: the route table (every URL, its methods, family, body kind,
 * levels and handler) and the dispatch of one request: 404, 405 with
 * Allow, the body's size and kind (413, 415), the caller identified
 * (the principal it creates and frees), the level, the form's CSRF
 * token, the rate limit, the request's read snapshot, a handler's
 * failure turned into 500 or 503.  Calls: every handler, auth (the
 * caller, CSRF, a form kept over a login), reply (every refusal),
 * ratelimit, store (the snapshot, the storage's trouble), http, config,
 * i18n (the reader's language), log, util.  Never: a rule of a family,
 * SQL, or an answer's body of its own.
 */
#ifndef REQDESK_ROUTE_H
#define REQDESK_ROUTE_H

#include "http.h"

/* Body kinds checked before the handler runs (on POST/PUT/PATCH). */
#define RF_JSON	0x01	/* application/json body, else 415 */
#define RF_FORM	0x02	/* urlencoded form with a valid CSRF token */
#define RF_NODB	0x04	/* needs neither the database nor credentials */
#define RF_ANON	0x08	/* for anyone: credentials sent along are not read, so
			 * a client holding an expired token can log in again */
#define RF_UPLOAD 0x10	/* carries a file: the body may be as large as
			 * [attachments] file_max needs (route_upload_max) */
#define RF_RATE_CREATE	0x20	/* a POST creates: [limits] create_per_minute */
#define RF_RATE_READ	0x40	/* a GET is an expensive read: [limits] read_per_minute */

typedef int (*handler_fn)(struct req *r);	/* 0: answered, -1: 500 */

/* The body cap of an RF_UPLOAD route, in bytes. */
long long route_upload_max(void);

enum route_id {
	RT_HOME,
	RT_HEALTHZ,
	RT_LOGIN,
	RT_LOGOUT,
	RT_AUTH_LOGIN,
	RT_OR_REQUESTS,
	RT_OR_REQUEST,
	RT_OR_REQUEST_STATUS,
	RT_OR_CATALOG,
	RT_OR_CATALOG_ITEM,
	RT_OR_AGGREGATE,
	RT_OR_STATUS,
	RT_OR_VERSION,
	RT_REQUESTS_PAGE,
	RT_REQUESTS_CSV,
	RT_REQUEST_TYPES,
	RT_REQUEST_FORM,
	RT_REQUEST_PAGE,
	RT_REQUEST_NOTES_PAGE,
	RT_REQUEST_FILE_PAGE,
	RT_ADMIN_REQUEST,
	RT_ADMIN_HOME,
	RT_ADMIN_USERS,
	RT_ADMIN_USER,
	RT_ADMIN_USER_LEVEL,
	RT_ADMIN_USER_DISABLED,
	RT_ADMIN_USER_PASSWORD,
	RT_ADMIN_USER_INVITE,
	RT_ADMIN_USER_KEYS,
	RT_ADMIN_USER_KEY_REVOKE,
	RT_ADMIN_CUSTOMERS,
	RT_ADMIN_CUSTOMER,
	RT_ADMIN_CUSTOMER_TYPES,
	RT_CORE_SERVICE_POINTS,
	RT_CORE_SERVICE_POINT,
	RT_CORE_ME,
	RT_ADMIN_SERVICE_POINTS,
	RT_ADMIN_OUTBOX,
	RT_ADMIN_PRODUCTS,
	RT_ADMIN_ADDRESSES,
	RT_OPENAPI,
	RT_INET_REQUESTS,
	RT_INET_REQUEST,
	RT_INET_ACCOUNTS,
	RT_INET_ACCOUNT,
	RT_INET_ACCOUNT_CONFIRM,
	RT_INET_ACCOUNT_ACTIVATE,
	RT_INET_ACCOUNT_CANCEL,
	RT_INET_LIST_PAGE,
	RT_INET_NEW,
	RT_INET_ORDER_PAGE,
	RT_INET_NOTES_PAGE,
	RT_INET_FILE_PAGE,
	RT_INET_PAGE,
	RT_ADMIN_INET_LIST,
	RT_ADMIN_INET,
	RT_ADMIN_INET_CONFIRM,
	RT_ADMIN_INET_ACTIVATE,
	RT_ADMIN_INET_CANCEL,
	RT_ADMIN_INET_NOTES,
	RT_ADMIN_INET_FILE,
	RT_PING,
	RT_PROFILE,
	RT_PROFILE_PASSWORD,
	RT_PROFILE_LANGUAGE,
	RT_LANGUAGE,
	RT_PASSWORD_FORGOT,
	RT_PASSWORD_RESET,
	RT_PASSWORD_INVITE,
	RT_OR_NOTES,
	RT_OR_FILES,
	RT_OR_FILE,
	RT_INET_NOTES,
	RT_INET_FILES,
	RT_INET_FILE,
	RT_SEARCH,
	RT_UNSUBSCRIBE,
	RT_SP_NEW,		/* reference data one row at a time (admin_records.c) */
	RT_SP_EDIT,
	RT_SP_RETIRE,
	RT_PRODUCT_NEW,
	RT_PRODUCT_EDIT,
	RT_PRODUCT_RETIRE,
	RT_ADDRESS_NEW,
	RT_ADDRESS_EDIT,
	RT_ADDRESS_RETIRE,
	RT_ADMIN_ASSIGN,	/* the inbox: give a request to an operator */
	RT_HOOKS,
	RT_HOOK,
	RT_HOOK_ROTATE,
	RT_HOOK_PING,
	RT_HOOK_DELETE,
	RT_HOOK_MESSAGES,
	RT_HOOK_RESEND,
	RT_HOOKS_PAGE,
	RT_HOOK_PAGE,
	RT__MAX
};

struct route {
	const char	*pattern;	/* path; each "{name}" matches one segment (at most two) */
	unsigned	 methods;	/* enum method bits (HEAD follows GET) */
	enum family	 family;
	unsigned	 flags;		/* RF_* */
	unsigned	 levels;	/* LV() bits allowed to GET; 0 = anyone, even anonymous */
	unsigned	 post_levels;	/* LV() bits allowed to POST; 0 = anyone */
	handler_fn	 get;		/* GET / HEAD handler */
	handler_fn	 post;		/* POST handler */
};

extern const struct route routes[RT__MAX];

/* Answer one request: match, check method, body, credentials and level,
 * run the handler, and turn a handler failure into a 500. */
void route_dispatch(struct req *r);

/* The error family of a path that matched no route. */
enum family route_family_of(const char *path);

#endif
