/*
 * route.c — the route table and the dispatcher: match the path and the
 * method, check the body's size and kind, identify the caller and check
 * the level and the form's CSRF token, run the handler, and turn a
 * handler's failure into a 500.  Owns the principal it creates (r->who,
 * freed when the request is answered).  Calls the handlers, auth.c for
 * credentials and reply.c for every error answer.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "admin_users.h"
#include "admin_customers.h"
#include "admin_servicepoints.h"
#include "admin_records.h"
#include "admin_inbox.h"
#include "admin_internet.h"
#include "admin_products.h"
#include "sp_api.h"
#include "inet_api.h"
#include "admin_outbox.h"
#include "orange_api.h"
#include "auth.h"
#include "login.h"
#include "config.h"
#include "conv_api.h"
#include "http.h"
#include "i18n.h"
#include "reply.h"
#include "log.h"
#include "openapi.h"
#include "home.h"
#include "ops.h"
#include "pages.h"
#include "ratelimit.h"
#include "password.h"
#include "profile.h"
#include "orange_pages.h"
#include "inet_pages.h"
#include "route.h"
#include "search_pages.h"
#include "store.h"
#include "unsubscribe.h"
#include "webhook_api.h"
#include "webhook_pages.h"

/* Who manages webhooks: a customer's OWNER, the operator's staff. */
#define LV_HOOKS	(LV(LVL_OWNER) | LV_ADMIN)

/* Sized by its initialiser: a row missing for an enum value (or one too
 * many) conflicts with the declaration in route.h and fails the build. */
const struct route routes[] = {
	{ "/", M_GET, FAM_HTML, 0, 0, 0, page_home, NULL }, /* RT_HOME */
	{ "/healthz", M_GET, FAM_TCX, RF_ANON, 0, 0, page_healthz, NULL }, /* RT_HEALTHZ */
	{ "/login", M_GET | M_POST, FAM_HTML, RF_FORM, 0, 0, page_login, page_login_post }, /* RT_LOGIN */
	{ "/logout", M_POST, FAM_HTML, RF_FORM, 0, LV_ALL, NULL, page_logout }, /* RT_LOGOUT */
	{ "/auth/login", M_POST, FAM_TCX, RF_JSON | RF_ANON, 0, 0, NULL,
	    api_auth_login }, /* RT_AUTH_LOGIN */
	{ "/ordering/b2b/v2/requests", M_GET | M_POST, FAM_ORANGE, RF_JSON | RF_RATE_CREATE | RF_RATE_READ, LV_ALL, LV_CREATE,
	    api_requests_list, api_requests_post }, /* RT_OR_REQUESTS */
	{ "/ordering/b2b/v2/requests/{id}", M_GET, FAM_ORANGE, 0, LV_ALL, 0,
	    api_request_get, NULL }, /* RT_OR_REQUEST */
	{ "/ordering/b2b/v2/requests/{id}/status", M_POST, FAM_ORANGE, RF_JSON, 0, LV_ALL,
	    NULL, api_request_status }, /* RT_OR_REQUEST_STATUS */
	{ "/ordering/b2b/v2/catalogItems", M_GET, FAM_ORANGE, 0, LV_ALL, 0,
	    api_catalog_items, NULL }, /* RT_OR_CATALOG */
	{ "/ordering/b2b/v2/catalogItems/{id}", M_GET, FAM_ORANGE, 0, LV_ALL, 0,
	    api_catalog_item, NULL }, /* RT_OR_CATALOG_ITEM */
	{ "/ordering/b2b/v2/requests/aggregate", M_GET, FAM_ORANGE, 0, LV_ALL, 0,
	    api_requests_aggregate, NULL }, /* RT_OR_AGGREGATE */
	{ "/ordering/b2b/v2/status", M_GET, FAM_ORANGE, 0, 0, 0,
	    api_ordering_status, NULL }, /* RT_OR_STATUS */
	{ "/ordering/b2b/v2/version", M_GET, FAM_ORANGE, 0, 0, 0,
	    api_ordering_version, NULL }, /* RT_OR_VERSION */
	{ "/requests", M_GET, FAM_HTML, RF_RATE_READ, LV_ALL, 0, page_requests, NULL }, /* RT_REQUESTS_PAGE */
	{ "/requests.csv", M_GET, FAM_HTML, RF_RATE_READ, LV_ALL, 0, page_requests_csv, NULL }, /* RT_REQUESTS_CSV */
	{ "/requests/new", M_GET, FAM_HTML, 0, LV_ALL, 0, page_request_types, NULL }, /* RT_REQUEST_TYPES */
	{ "/requests/new/{id}", M_GET | M_POST, FAM_HTML, RF_FORM | RF_RATE_CREATE, LV_ALL, LV_ALL,
	    page_request_form, page_request_form_post }, /* RT_REQUEST_FORM */
	{ "/requests/{id}", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ALL, LV_ALL,
	    page_request, page_request_status_post }, /* RT_REQUEST_PAGE */
	{ "/requests/{id}/notes", M_POST, FAM_HTML, RF_FORM | RF_UPLOAD, 0, LV_CREATE,
	    NULL, page_request_note_post }, /* RT_REQUEST_NOTES_PAGE */
	{ "/requests/{id}/files/{fileId}", M_GET, FAM_HTML, 0, LV_ALL, 0,
	    page_request_file, NULL }, /* RT_REQUEST_FILE_PAGE */
	{ "/admin/requests/{id}", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    page_request, page_request_status_post }, /* RT_ADMIN_REQUEST */
	{ "/admin", M_GET, FAM_HTML, 0, LV_ADMIN, 0, page_admin_home, NULL }, /* RT_ADMIN_HOME */
	{ "/admin/users", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    page_admin_users, page_admin_user_add }, /* RT_ADMIN_USERS */
	{ "/admin/users/{id}", M_GET, FAM_HTML, 0, LV_ADMIN, 0, page_admin_user, NULL }, /* RT_ADMIN_USER */
	{ "/admin/users/{id}/level", M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    NULL, page_admin_user_level }, /* RT_ADMIN_USER_LEVEL */
	{ "/admin/users/{id}/disabled", M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    NULL, page_admin_user_disabled }, /* RT_ADMIN_USER_DISABLED */
	{ "/admin/users/{id}/password", M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    NULL, page_admin_user_password }, /* RT_ADMIN_USER_PASSWORD */
	{ "/admin/users/{id}/invite", M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    NULL, page_admin_user_invite }, /* RT_ADMIN_USER_INVITE */
	{ "/admin/users/{id}/keys", M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    NULL, page_admin_key_create }, /* RT_ADMIN_USER_KEYS */
	{ "/admin/users/{id}/keys/revoke", M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    NULL, page_admin_key_revoke }, /* RT_ADMIN_USER_KEY_REVOKE */
	{ "/admin/customers", M_GET, FAM_HTML, 0, LV_ADMIN, 0, page_admin_customers, NULL }, /* RT_ADMIN_CUSTOMERS */
	{ "/admin/customers/{id}", M_GET, FAM_HTML, 0, LV_ADMIN, 0, page_admin_customer, NULL }, /* RT_ADMIN_CUSTOMER */
	{ "/admin/customers/{id}/types", M_POST, FAM_HTML, RF_FORM, 0, LV_ADMIN,
	    NULL, page_admin_customer_types }, /* RT_ADMIN_CUSTOMER_TYPES */
	{ "/core-information/b2b/v2/servicePoints", M_GET, FAM_ORANGE, RF_RATE_READ, LV_ALL, 0,
	    api_service_points, NULL }, /* RT_CORE_SERVICE_POINTS */
	{ "/core-information/b2b/v2/servicePoints/{id}", M_GET, FAM_ORANGE, 0, LV_ALL, 0,
	    api_service_point, NULL }, /* RT_CORE_SERVICE_POINT */
	{ "/core-information/b2b/v2/me", M_GET, FAM_ORANGE, 0, LV_ALL, 0,
	    api_me, NULL }, /* RT_CORE_ME */
	{ "/admin/servicepoints", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    page_admin_service_points, page_admin_service_points_import }, /* RT_ADMIN_SERVICE_POINTS */
	{ "/admin/outbox", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    page_admin_outbox, page_admin_outbox_retry }, /* RT_ADMIN_OUTBOX */
	{ "/admin/products", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    page_admin_products, page_admin_products_import }, /* RT_ADMIN_PRODUCTS */
	{ "/admin/addresses", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    page_admin_addresses, page_admin_addresses_import }, /* RT_ADMIN_ADDRESSES */
	{ "/openapi.json", M_GET, FAM_TCX, 0, 0, 0, api_openapi, NULL }, /* RT_OPENAPI */
	/* Internet requests (TelecomX): levels are checked by the handlers,
	 * which answer the TelecomX 403 message. */
	{ "/internet/request", M_GET | M_POST, FAM_TCX, RF_JSON | RF_RATE_CREATE | RF_RATE_READ, LV_ALL, LV_ALL,
	    api_inet_list, api_inet_create }, /* RT_INET_REQUESTS */
	{ "/internet/request/{id}", M_GET | M_POST, FAM_TCX, RF_JSON, LV_ALL, LV_ALL,
	    api_inet_get, api_inet_update }, /* RT_INET_REQUEST */
	{ "/internet/account", M_POST, FAM_TCX, RF_JSON | RF_RATE_CREATE, 0, LV_ALL,
	    NULL, api_inet_order }, /* RT_INET_ACCOUNTS */
	{ "/internet/account/{id}", M_GET, FAM_TCX, 0, LV_ALL, 0,
	    api_inet_account_get, NULL }, /* RT_INET_ACCOUNT */
	{ "/internet/account/{id}/confirm", M_POST, FAM_TCX, RF_JSON, 0, LV_ALL,
	    NULL, api_inet_confirm }, /* RT_INET_ACCOUNT_CONFIRM */
	{ "/internet/account/{id}/activate", M_POST, FAM_TCX, 0, 0, LV_ALL,
	    NULL, api_inet_activate }, /* RT_INET_ACCOUNT_ACTIVATE */
	{ "/internet/account/{id}/cancel", M_POST, FAM_TCX, 0, 0, LV_ALL,
	    NULL, api_inet_cancel }, /* RT_INET_ACCOUNT_CANCEL */
	/* ... and their pages; /internet/{id} after every /internet/WORD. */
	{ "/internet", M_GET, FAM_HTML, RF_RATE_READ, LV_ALL, 0, page_internet_list, NULL }, /* RT_INET_LIST_PAGE */
	{ "/internet/new", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ALL, LV_ALL,
	    page_internet_new, page_internet_new_post }, /* RT_INET_NEW */
	{ "/internet/{id}/order", M_POST, FAM_HTML, RF_FORM, 0, LV_ALL,
	    NULL, page_internet_order }, /* RT_INET_ORDER_PAGE */
	{ "/internet/{id}/notes", M_POST, FAM_HTML, RF_FORM | RF_UPLOAD, 0, LV_CREATE,
	    NULL, page_internet_note_post }, /* RT_INET_NOTES_PAGE */
	{ "/internet/{id}/files/{fileId}", M_GET, FAM_HTML, 0, LV_ALL, 0,
	    page_internet_file, NULL }, /* RT_INET_FILE_PAGE */
	{ "/internet/{id}", M_GET, FAM_HTML, 0, LV_ALL, 0, page_internet, NULL }, /* RT_INET_PAGE */
	{ "/admin/internet", M_GET, FAM_HTML, 0, LV_ADMIN, 0,
	    page_admin_internet_list, NULL }, /* RT_ADMIN_INET_LIST */
	{ "/admin/internet/{id}", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    page_admin_internet, page_admin_internet_post }, /* RT_ADMIN_INET */
	{ "/admin/internet/{id}/confirm", M_POST, FAM_HTML, RF_FORM, 0, LV_ADMIN,
	    NULL, page_admin_internet_confirm }, /* RT_ADMIN_INET_CONFIRM */
	{ "/admin/internet/{id}/activate", M_POST, FAM_HTML, RF_FORM, 0, LV_ADMIN,
	    NULL, page_admin_internet_activate }, /* RT_ADMIN_INET_ACTIVATE */
	{ "/admin/internet/{id}/cancel", M_POST, FAM_HTML, RF_FORM, 0, LV_ADMIN,
	    NULL, page_admin_internet_cancel }, /* RT_ADMIN_INET_CANCEL */
	{ "/admin/internet/{id}/notes", M_POST, FAM_HTML, RF_FORM | RF_UPLOAD, 0, LV_ADMIN,
	    NULL, page_admin_internet_note_post }, /* RT_ADMIN_INET_NOTES */
	{ "/admin/internet/{id}/files/{fileId}", M_GET, FAM_HTML, 0, LV_ADMIN, 0,
	    page_admin_internet_file, NULL }, /* RT_ADMIN_INET_FILE */
	{ "/ping", M_GET, FAM_TCX, RF_NODB, 0, 0, page_ping, NULL }, /* RT_PING */
	{ "/profile", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ALL, LV_ALL,
	    page_profile, page_profile_post }, /* RT_PROFILE */
	{ "/profile/password", M_POST, FAM_HTML, RF_FORM, 0, LV_ALL,
	    NULL, page_profile_password }, /* RT_PROFILE_PASSWORD */
	{ "/profile/language", M_POST, FAM_HTML, RF_FORM, 0, LV_ALL,
	    NULL, page_profile_language }, /* RT_PROFILE_LANGUAGE */
	{ "/language", M_GET, FAM_HTML, 0, 0, 0, page_language, NULL }, /* RT_LANGUAGE */
	{ "/password/forgot", M_GET | M_POST, FAM_HTML, RF_FORM, 0, 0,
	    page_password_forgot, page_password_forgot_post }, /* RT_PASSWORD_FORGOT */
	{ "/password/reset/{id}", M_GET | M_POST, FAM_HTML, RF_FORM, 0, 0,
	    page_password_reset, page_password_reset_post }, /* RT_PASSWORD_RESET */
	{ "/password/invite/{id}", M_GET | M_POST, FAM_HTML, RF_FORM, 0, 0,
	    page_password_invite, page_password_invite_post }, /* RT_PASSWORD_INVITE */
	{ "/ordering/b2b/v2/requests/{id}/notes", M_GET | M_POST, FAM_ORANGE,
	    RF_JSON | RF_RATE_CREATE,
	    LV_ALL, LV_CREATE, api_notes, api_note_post }, /* RT_OR_NOTES */
	{ "/ordering/b2b/v2/requests/{id}/attachments", M_GET | M_POST, FAM_ORANGE,
	    RF_JSON | RF_UPLOAD | RF_RATE_CREATE, LV_ALL, LV_CREATE, api_files, api_file_post }, /* RT_OR_FILES */
	{ "/ordering/b2b/v2/requests/{id}/attachments/{attachmentId}", M_GET, FAM_ORANGE, 0,
	    LV_ALL, 0, api_file_get, NULL }, /* RT_OR_FILE */
	{ "/internet/request/{id}/notes", M_GET | M_POST, FAM_TCX,
	    RF_JSON | RF_RATE_CREATE,
	    LV_ALL, LV_CREATE, api_notes, api_note_post }, /* RT_INET_NOTES */
	{ "/internet/request/{id}/attachments", M_GET | M_POST, FAM_TCX,
	    RF_JSON | RF_UPLOAD | RF_RATE_CREATE, LV_ALL, LV_CREATE, api_files, api_file_post }, /* RT_INET_FILES */
	{ "/internet/request/{id}/attachments/{attachmentId}", M_GET, FAM_TCX, 0,
	    LV_ALL, 0, api_file_get, NULL }, /* RT_INET_FILE */
	{ "/search", M_GET, FAM_HTML, RF_RATE_READ, LV_ALL, 0, page_search, NULL }, /* RT_SEARCH */
	/* the token of the path is the credential: no form, no CSRF pair */
	{ "/unsubscribe/{id}", M_GET | M_POST, FAM_HTML, 0, 0, 0,
	    page_unsubscribe, page_unsubscribe_post }, /* RT_UNSUBSCRIBE */
	{ "/admin/servicepoints/new", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    page_record_new, page_record_new_post }, /* RT_SP_NEW */
	{ "/admin/servicepoints/{id}/edit", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    page_record_edit, page_record_edit_post }, /* RT_SP_EDIT */
	{ "/admin/servicepoints/{id}/retire", M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    NULL, page_record_retire_post }, /* RT_SP_RETIRE */
	{ "/admin/products/new", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    page_record_new, page_record_new_post }, /* RT_PRODUCT_NEW */
	{ "/admin/products/{id}/edit", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    page_record_edit, page_record_edit_post }, /* RT_PRODUCT_EDIT */
	{ "/admin/products/{id}/retire", M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    NULL, page_record_retire_post }, /* RT_PRODUCT_RETIRE */
	{ "/admin/addresses/new", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    page_record_new, page_record_new_post }, /* RT_ADDRESS_NEW */
	{ "/admin/addresses/{id}/edit", M_GET | M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    page_record_edit, page_record_edit_post }, /* RT_ADDRESS_EDIT */
	{ "/admin/addresses/{id}/retire", M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    NULL, page_record_retire_post }, /* RT_ADDRESS_RETIRE */
	{ "/admin/assign", M_POST, FAM_HTML, RF_FORM, LV_ADMIN, LV_ADMIN,
	    NULL, page_admin_assign_post }, /* RT_ADMIN_ASSIGN */
	/* webhooks (docs/WEBHOOKS.md): a customer's OWNER, an ADMIN */
	{ "/ordering/b2b/v2/webhooks", M_GET | M_POST, FAM_ORANGE, RF_JSON, LV_HOOKS, LV_HOOKS,
	    api_hooks, api_hooks_post }, /* RT_HOOKS */
	{ "/ordering/b2b/v2/webhooks/{id}", M_GET | M_POST, FAM_ORANGE, RF_JSON, LV_HOOKS,
	    LV_HOOKS, api_hook, api_hook_post }, /* RT_HOOK */
	{ "/ordering/b2b/v2/webhooks/{id}/rotate", M_POST, FAM_ORANGE, 0, 0, LV_HOOKS,
	    NULL, api_hook_rotate }, /* RT_HOOK_ROTATE */
	{ "/ordering/b2b/v2/webhooks/{id}/ping", M_POST, FAM_ORANGE, 0, 0, LV_HOOKS,
	    NULL, api_hook_ping }, /* RT_HOOK_PING */
	{ "/ordering/b2b/v2/webhooks/{id}/delete", M_POST, FAM_ORANGE, 0, 0, LV_HOOKS,
	    NULL, api_hook_delete }, /* RT_HOOK_DELETE */
	{ "/ordering/b2b/v2/webhooks/{id}/messages", M_GET, FAM_ORANGE, 0, LV_HOOKS, 0,
	    api_hook_messages, NULL }, /* RT_HOOK_MESSAGES */
	{ "/ordering/b2b/v2/webhooks/{id}/messages/{messageId}/resend", M_POST, FAM_ORANGE,
	    0, 0, LV_HOOKS, NULL, api_hook_resend }, /* RT_HOOK_RESEND */
	{ "/webhooks", M_GET | M_POST, FAM_HTML, RF_FORM, LV_HOOKS, LV_HOOKS,
	    page_webhooks, page_webhooks_post }, /* RT_HOOKS_PAGE */
	{ "/webhooks/{id}", M_GET | M_POST, FAM_HTML, RF_FORM, LV_HOOKS, LV_HOOKS,
	    page_webhook, page_webhook_post }, /* RT_HOOK_PAGE */
};

enum family
route_family_of(const char *path)
{
	if (strncmp(path, "/ordering/", 10) == 0 ||
	    strncmp(path, "/core-information/", 18) == 0)
		return FAM_ORANGE;
	if (strncmp(path, "/internet/", 10) == 0 ||
	    strcmp(path, "/internet") == 0 ||
	    strncmp(path, "/auth/", 6) == 0 ||
	    strcmp(path, "/healthz") == 0 ||
	    strcmp(path, "/openapi.json") == 0)
		return FAM_TCX;
	return FAM_HTML;
}

/*
 * Does `path` match `pattern`?  Each "{name}" matches one non-empty
 * segment, copied to params[0], then params[1] (owned by the caller)
 * when params is not NULL.
 */
static int
path_match(const char *pattern, const char *path, char **params)
{
	const char	*p = pattern, *s = path, *end, *close;
	int		 n = 0;

	while (*p != '\0' && *s != '\0') {
		if (*p == '{' && (close = strchr(p, '}')) != NULL) {
			end = strchr(s, '/');
			if (end == NULL)
				end = s + strlen(s);
			if (end == s || n == 2)
				return 0;
			if (params != NULL) {
				free(params[n]);
				params[n] = strndup(s, (size_t)(end - s));
			}
			n++;
			p = close + 1;
			s = end;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	return *p == '\0' && *s == '\0';
}

/* Set the Allow header from the methods of every route matching the path. */
static void
set_allow(struct req *r, unsigned methods)
{
	static const struct { unsigned m; const char *name; } names[] = {
		{ M_GET, "GET, HEAD" }, { M_POST, "POST" }, { M_PUT, "PUT" },
		{ M_DELETE, "DELETE" }, { M_PATCH, "PATCH" },
	};
	struct buf	b = { 0 };
	size_t		i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (methods & names[i].m)
			buf_printf(&b, "%s%s", b.len ? ", " : "", names[i].name);
	if (b.len)
		resp_header(r, "Allow", b.data);
	buf_free(&b);
}

/* Find the route for r; 0 found, or HERR_NOT_FOUND / HERR_METHOD.  A
 * path that is a route of its own (no {id}) is never taken for the {id}
 * of another: GET on a POST-only "/internet/account" is a 405, not the
 * page "/internet/{id}".  A 405 answers in the family of the path's
 * route. */
static int
route_find(struct req *r)
{
	unsigned	 want = r->method == M_HEAD ? M_GET : r->method;
	unsigned	 seen = 0;
	const struct route *first = NULL;
	size_t		 i;
	int		 literal;

	for (literal = 1; literal >= 0 && seen == 0; literal--)
		for (i = 0; i < RT__MAX; i++) {
			if ((strchr(routes[i].pattern, '{') == NULL) != literal ||
			    !path_match(routes[i].pattern, r->path, NULL))
				continue;
			if (first == NULL)
				first = &routes[i];
			seen |= routes[i].methods;
			if (routes[i].methods & want) {
				char *params[2] = { NULL, NULL };
				path_match(routes[i].pattern, r->path, params);
				free(r->param);
				free(r->param2);
				r->param = params[0];
				r->param2 = params[1];
				r->route = &routes[i];
				r->family = routes[i].family;
				return 0;
			}
		}
	if (seen == 0)
		return HERR_NOT_FOUND;
	r->family = first->family;
	set_allow(r, seen);
	return HERR_METHOD;
}

long long
route_upload_max(void)
{
	/* a file in base64 (a third more), the other fields, the JSON or
	 * multipart framing around it */
	long long max = config.attach_file_max / 3 * 4 + 4 + 64 * 1024;

	return max > config.body_max ? max : config.body_max;
}

/* Checks that need no handler: body size and kind. 0 or an enum herr. */
static int
check_body(struct req *r)
{
	if (!(r->method & (M_POST | M_PUT | M_PATCH)))
		return 0;
	if (r->route->flags & RF_UPLOAD)
		r->body_max = route_upload_max();
	if (!req_body_fits(r))
		return HERR_TOO_LARGE;
	if ((r->route->flags & RF_JSON) && !req_is_json(r))
		return HERR_MEDIA_TYPE;
	return 0;
}

/*
 * The reader's language (docs/I18N.md): the user's own choice, else the
 * one chosen with the language switch (a cookie), else the browser's
 * Accept-Language, else the customer's market, else English.
 */
static const char *
reader_lang(const struct req *r)
{
	const char *chosen = NULL;

	if (r->who != NULL && r->who->language[0] != '\0')
		chosen = r->who->language;
	else
		chosen = auth_cookie(r, COOKIE_LANG);
	return lang_pick(chosen, req_env(r, "HTTP_ACCEPT_LANGUAGE"),
	    r->who != NULL ? r->who->market : NULL)->code;
}

/*
 * Send someone who must log in to the login page, which brings them back
 * here afterwards (next: this page; after a POST, the page it was posted
 * to).  A form posted with a session that expired while it was being
 * filled in is kept for its user (its CSRF token must be the session's:
 * no other site can make them find a form of its own), and shown again,
 * filled, once they are logged in (dispatch_db(): ?restore=).
 */
static void
to_login(struct req *r)
{
	const char	*q = r->method == M_GET ? req_env(r, "QUERY_STRING") : NULL;
	struct buf	 here = { 0 }, loc = { 0 };
	char		 id[33] = "";

	buf_puts(&here, r->path);
	if (q != NULL && *q != '\0')
		buf_printf(&here, "?%s", q);
	if (r->expired != NULL && r->method == M_POST && (r->route->flags & RF_FORM) &&
	    req_read_form(r) == 0 && req_form(r, "csrf") != NULL &&
	    strcmp(req_form(r, "csrf"), r->expired->csrf) == 0 &&
	    auth_form_keep(r->store, r->expired->user_id, r->path, &r->form, id) < 0)
		id[0] = '\0';
	buf_puts(&loc, "/login?next=");
	query_encode(&loc, here.data);
	if (r->expired != NULL)
		buf_puts(&loc, "&expired=1");
	if (id[0] != '\0')
		buf_printf(&loc, "&form=%s", id);
	resp_redirect(r, loc.data);
	buf_free(&here);
	buf_free(&loc);
}

/* Credentials and level.  0 to go on; otherwise the response is written. */
static int
check_access(struct req *r)
{
	unsigned	levels = r->method == M_POST ? r->route->post_levels :
			    r->route->levels;
	int		rc;

	if (r->route->flags & RF_ANON)
		return 0;
	rc = auth_identify(r, r->family != FAM_HTML);
	r->lang = reader_lang(r);
	if (rc < 0)
		return reply_error(r, HERR_UNAVAILABLE, NULL), -1;
	if (rc > 0 && (levels != 0 || r->family != FAM_HTML))
		return reply_error(r, rc, NULL), -1;
	if (levels == 0)
		return 0;
	if (r->who == NULL) {
		if (r->family == FAM_HTML) {
			to_login(r);
			return -1;
		}
		return reply_error(r, HERR_AUTH_MISSING, NULL), -1;
	}
	if (!(levels & LV(r->who->level)))
		return reply_error(r, HERR_FORBIDDEN, NULL), -1;
	return 0;
}

/*
 * The rate limit per credential of a costly route (ratelimit.h): 0 to go
 * on, or -1 with the 429 and its Retry-After written.  ADMINs are not
 * limited unless [limits] limit_admin says so; anonymous callers never
 * reach a limited route.
 */
static int
check_rate(struct req *r)
{
	enum rate_kind	kind;
	char		n[16], why[160];
	int		wait;

	if (r->method == M_POST && (r->route->flags & RF_RATE_CREATE))
		kind = RATE_CREATE;
	else if ((r->method == M_GET || r->method == M_HEAD) &&
	    (r->route->flags & RF_RATE_READ))
		kind = RATE_READ;
	else
		return 0;
	if (r->who == NULL || (r->who->level == LVL_ADMIN && !config.rate_admin))
		return 0;
	/* session_hash: the hash of whichever credential identified the caller */
	if ((wait = ratelimit_take(kind, r->who->session_hash, now_epoch())) == 0)
		return 0;
	snprintf(n, sizeof(n), "%d", wait);
	resp_header(r, "Retry-After", n);
	snprintf(why, sizeof(why), "This credential made too many %s in the last minute; "
	    "retry after %d seconds.", kind == RATE_CREATE ? "creations" : "list reads", wait);
	reply_error(r, HERR_TOO_MANY, r->family == FAM_HTML ? NULL : why);
	return -1;
}

/* The part of dispatching that may read the database. */
static void
dispatch_db(struct req *r)
{
	handler_fn	fn;
	int		rc;

	if (r->store != NULL && check_access(r) != 0)
		return;
	if (check_rate(r) != 0)
		return;
	/* A form kept over a login comes back, once, to its own page. */
	if (r->method == M_GET && r->who != NULL && req_query(r, "restore") != NULL &&
	    auth_form_take(r->store, r->who->user_id, req_query(r, "restore"), r->path,
	    &r->form) == 1)
		r->restored = 1;
	if (r->method == M_POST && (r->route->flags & RF_FORM)) {
		if ((rc = req_read_form(r)) != 0) {
			reply_error(r, rc < 0 ? HERR_BAD_BODY : rc, NULL);
			return;
		}
		if (auth_check_csrf(r) != 0) {
			reply_error(r, HERR_CSRF, NULL);
			return;
		}
	}
	fn = r->method == M_POST ? r->route->post : r->route->get;
	if (fn == NULL) {
		reply_error(r, HERR_METHOD, NULL);
		return;
	}
	if (fn(r) < 0 && !r->started) {
		log_err("handler failed for %s %s%s", r->method_name, r->path,
		    store_trouble() ? " (storage unavailable)" : "");
		/* The disk full, the file system read-only, the database
		 * locked: the desk is unavailable for now, not broken. */
		reply_error(r, store_trouble() ? HERR_UNAVAILABLE : HERR_INTERNAL, NULL);
	}
}

/*
 * Answer a request that matched no route (or no method of its route).  A
 * page says it to whoever is logged in, with their header and in their
 * words: the caller is identified first (an unusable credential only
 * leaves the page anonymous).
 */
static void
refuse_page(struct req *r, int rc)
{
	if (r->family == FAM_HTML && r->store != NULL) {
		store_snapshot_begin(r->store);
		if (auth_identify(r, 0) != 0) {
			principal_free(r->who);
			r->who = NULL;
		}
		r->lang = reader_lang(r);
	}
	reply_error(r, rc, NULL);
	if (r->store != NULL)
		store_snapshot_end(r->store);
	principal_free(r->who);
	r->who = NULL;
	principal_free(r->expired);
	r->expired = NULL;
}

void
route_dispatch(struct req *r)
{
	int	rc;

	r->family = route_family_of(r->path);
	r->lang = reader_lang(r);	/* before the caller is known */
	store_trouble_reset();
	if ((rc = route_find(r)) != 0) {
		refuse_page(r, rc);
		return;
	}
	if ((rc = check_body(r)) != 0) {
		reply_error(r, rc, NULL);
		return;
	}
	if (r->route->flags & RF_NODB) {
		if (r->route->get(r) < 0 && !r->started)
			reply_error(r, HERR_INTERNAL, NULL);
		return;
	}
	/* Without a database only the probes answer (each says so). */
	if (r->store == NULL && r->route != &routes[RT_HEALTHZ] &&
	    r->route != &routes[RT_OR_STATUS]) {
		reply_error(r, HERR_UNAVAILABLE, NULL);
		return;
	}
	/* One read snapshot for the whole request (store.h). */
	if (r->store != NULL)
		store_snapshot_begin(r->store);
	dispatch_db(r);
	if (r->store != NULL)
		store_snapshot_end(r->store);
	/* The callers identified by check_access() are the dispatcher's. */
	principal_free(r->who);
	r->who = NULL;
	principal_free(r->expired);
	r->expired = NULL;
}
