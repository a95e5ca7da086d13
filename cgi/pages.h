/*
 * pages.h — the layout: every HTML page is rendered through the one
 * layout template (layout.tpl), the error page included.
 *
 * Owns: the layout of every page (title, navigation by the reader's
 * levels, the language switch, the user's bar), the error page, the
 * pager and page links, the form tokens of a page, dates and times in
 * the reader's zone, the operator's "Handled by" list filter.  Calls:
 * tpl, i18n, l10n, auth (level names), catalog, orange_request and
 * inet_request (what the navigation offers: a type to ask for, requests
 * to see), queue and store (who an assignee filter names, the operators
 * offered), http, words, log, util.  Never:
 * the content of a page beyond the layout, SQL, or a status of its own
 * (the handler's, or reply.c's for an error).
 */
#ifndef REQDESK_PAGES_H
#define REQDESK_PAGES_H

#include "http.h"
#include "tpl.h"

/*
 * The layout's setup, once per process before threads: the templates
 * under `templates`, the translations under `localedir`, one variant of
 * every template per language, each parsed once (tpl_check_dir).  0, or
 * -1 with the reason in `err` (templates missing or broken); a missing
 * translation only leaves the pages in English, and is said in `err`
 * with 1 returned.
 */
int  pages_init(const char *templates, const char *localedir, char *err, size_t errlen);

/*
 * Start a page: a root dictionary for layout.tpl with the title, the
 * caller's name and level, the CSRF token and the request id, and the
 * page body `body_tpl` included as BODY.  *body receives the body's
 * dictionary (borrowed from the root).  Returns the owned root or NULL.
 */
struct tpl_dict *page_new(struct req *r, const char *title,
	const char *body_tpl, struct tpl_dict **body);

/* Expand the page with `status`, streaming it to the client, and free
 * the root dictionary.  0, or -1 if nothing could be sent. */
int  page_send(struct req *r, int status, struct tpl_dict *root);

/* A filter kept in the links of a list page: its query key and value
 * (NULL: left out). */
struct page_param {
	const char	*key;
	const char	*val;
};

/* Set `key` of `d` to `path` + "?offset=N" + each given parameter, its
 * value percent-encoded (path "" gives a link relative to the page). */
void page_href(struct tpl_dict *d, const char *key, const char *path,
	long long offset, const struct page_param *params, size_t nparams);

/*
 * The pager of a list page showing `shown` rows from `offset` of `total`,
 * `limit` a page: TOTAL, FROM, TO, and the sections PREV and NEXT with
 * their links PREV_HREF and NEXT_HREF (page_href()).  The one pager of
 * every list page.
 */
void page_pager(struct tpl_dict *body, const char *path, long long offset,
	long long limit, size_t shown, long long total,
	const struct page_param *params, size_t nparams);

/* The reader's time zone (docs/I18N.md): their own choice, else their
 * customer's market's, else Europe/Paris.  Borrowed. */
const char *page_tz(const struct req *r);

/* The currency of a customer's prices: `customer_currency` when known
 * (a row's customers.currency), else the reader's customer's, else EUR.
 * Borrowed. */
const char *page_currency(const struct req *r, const char *customer_currency);

/* An instant (ISO 8601 UTC) as a date and a time in the reader's time
 * zone and language, into `out` (L10N_MAX bytes); "" for NULL.  Returns
 * out. */
const char *page_datetime(const struct req *r, const char *iso, char *out);

/* A calendar day ("YYYY-MM-DD", or the day of an ISO date-time as
 * written) in words, into `out` (L10N_MAX bytes); "" for NULL.  Returns
 * out. */
const char *page_date(const struct req *r, const char *day, char *out);

/* The layout's notice above the page (FLASH): `text` already in the
 * reader's language. */
void page_flash(struct tpl_dict *root, const char *text);

/* The one-time token of a creation form (FORM_TOKEN_LEN hex digits): the
 * one posted with the form when it is one, else a new one, into `out`
 * (33 bytes).  0 or -1. */
int  page_form_token(const struct req *r, char out[33]);

/* The token posted with the form when it is one (FORM_TOKEN_LEN hex
 * digits), else NULL.  Borrowed. */
const char *page_posted_token(const struct req *r);

/* What the navigation offers the caller (docs/I18N.md, "Navigation"):
 * bits of enum nav, computed once per request. */
enum nav {
	NAV_REQUESTS = 1 << 0,		/* ordering requests: some, or types to ask for */
	NAV_NEW_REQUEST = 1 << 1,	/* may create, and the catalog has a type */
	NAV_INTERNET = 1 << 2,		/* Internet requests: some, or may create */
	NAV_NEW_INTERNET = 1 << 3,	/* may create an Internet request */
	NAV_ADMIN = 1 << 4,		/* the operator's pages */
	NAV_WEBHOOKS = 1 << 5,		/* webhooks: a customer's OWNER, an ADMIN */
};

/* The caller's enum nav bits; 0 for nobody.  -1 on a storage error. */
int  page_nav(struct req *r);

/* The operator's lists' "Handled by" filter (docs/INBOX.md): the query's
 * `assignee` ("none", an operator's id or e-mail) read for an ADMIN into
 * `id` (*assignee then `id`; NULL when absent, empty, or asked by anyone
 * else, whose pages ignore it).  0, 1 when it names no operator, -1. */
int  page_assignee_query(struct req *r, char *id, size_t len, const char **assignee);

/* Its choices for an ADMIN: ASSIGNEE_FILTER shown, ASSIGNEE_NONE when
 * `current` is "" (nobody), ASSIGNEE_OPTION rows (VALUE, LABEL,
 * SELECTED) of the active operators.  0 or -1. */
int  page_assignee_choices(struct req *r, struct tpl_dict *body, const char *current);

/* The HTML error page for `status`, with a message. */
int  page_error(struct req *r, int status, const char *message);

#endif
