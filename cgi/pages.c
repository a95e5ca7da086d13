/*
 * pages.c — the layout every page is rendered through, and the error
 * page.  Holds no page of its own: handlers fill the body, this module
 * wraps it (title, who is logged in and the navigation that fits them,
 * CSRF token, request id) and streams it, and gives the pages the
 * reader's forms of values (dates, time zone, currency).  Calls the
 * transport, the templates and, for the navigation, what the domain says
 * the caller may use (catalog, requests); never writes data.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "catalog.h"
#include "http.h"
#include "i18n.h"
#include "inet_request.h"
#include "l10n.h"
#include "log.h"
#include "orange_request.h"
#include "pages.h"
#include "queue.h"
#include "store.h"
#include "tpl.h"
#include "util.h"
#include "words.h"

int
pages_init(const char *templates, const char *localedir, char *err, size_t errlen)
{
	const char	*codes[8];
	size_t		 i;
	int		 translated;

	for (i = 0; i < nlanguages && i < sizeof(codes) / sizeof(codes[0]); i++)
		codes[i] = languages[i].code;
	translated = i18n_init(localedir) == 0;
	if (tpl_init(templates) < 0) {
		snprintf(err, errlen, "templates: %s is not a readable directory", templates);
		return -1;
	}
	if (tpl_set_languages(codes, i, tr) < 0 || tpl_check_dir(err, errlen) != 0)
		return -1;
	if (!translated) {
		snprintf(err, errlen, "translations under %s cannot be used: pages in "
		    "English only", localedir);
		return 1;
	}
	return 0;
}

/* The language switch of the footer: every language, the current one
 * marked, and HERE, the page to come back to (a GET's own path and query;
 * after a POST, its path). */
static void
lang_switch(struct req *r, struct tpl_dict *root)
{
	const char	*q = r->method == M_GET ? req_env(r, "QUERY_STRING") : NULL;
	struct tpl_dict	*row;
	struct buf	 here = { 0 };
	size_t		 i;

	buf_puts(&here, r->path);
	if (q != NULL && *q != '\0' && strlen(q) < 1024)
		buf_printf(&here, "?%s", q);
	tpl_set(root, "HERE", here.data);
	buf_free(&here);
	for (i = 0; i < nlanguages; i++) {
		if ((row = tpl_section_add(root, "LANG_CHOICE")) == NULL)
			return;
		tpl_set(row, "LC_CODE", languages[i].code);
		tpl_set(row, "LC_NAME", languages[i].name);
		if (strcmp(languages[i].code, r->lang) == 0)
			tpl_show(row, "LC_CURRENT");
	}
}

/* Does the caller's catalog hold a type they may use?  1, 0 or -1. */
static int
catalog_has_type(struct req *r)
{
	const struct rtype	*t;
	size_t			 i;
	int			 rc;

	for (i = 0; (t = catalog_at(i)) != NULL; i++)
		if ((rc = catalog_may_use(r->store, r->who, t)) != 0)
			return rc;
	return 0;
}

int
page_nav(struct req *r)
{
	static _Thread_local char	 cached_id[33];
	static _Thread_local int	 cached;
	int				 nav = 0, types, reqs, inet;

	if (r->who == NULL)
		return 0;
	if (strcmp(cached_id, r->id) == 0)
		return cached;
	if (r->who->level == LVL_ADMIN)
		nav |= NAV_ADMIN;
	if ((types = catalog_has_type(r)) < 0 || (reqs = request_any(r->store, r->who)) < 0 ||
	    (inet = inet_any(r->store, r->who)) < 0)
		return -1;
	if (types || reqs)
		nav |= NAV_REQUESTS;
	if (types && (LV_CREATE & LV(r->who->level)))
		nav |= NAV_NEW_REQUEST;
	if (inet_may_create(r->who))
		nav |= NAV_NEW_INTERNET;
	if (inet || (nav & NAV_NEW_INTERNET))
		nav |= NAV_INTERNET;
	/* who may manage webhooks (route.c's LV_HOOKS) */
	if (r->who->level == LVL_ADMIN ||
	    (r->who->level == LVL_OWNER && r->who->customer_id != NULL))
		nav |= NAV_WEBHOOKS;
	snprintf(cached_id, sizeof(cached_id), "%s", r->id);
	cached = nav;
	return nav;
}

/* The logged-in header: the caller, and the links of the pages they may
 * use (none but the operator's when storage cannot say which: an error
 * page must still be shown).  0 or -1. */
static int
page_user(struct req *r, struct tpl_dict *root)
{
	int nav = page_nav(r);

	if (nav < 0)
		nav = r->who->level == LVL_ADMIN ? NAV_ADMIN | NAV_WEBHOOKS : 0;
	tpl_show(root, "USER");
	tpl_set(root, "USER_NAME", r->who->name);
	tpl_set(root, "USER_LEVEL", word(WS_LEVEL, r->lang, level_names[r->who->level]));
	tpl_set(root, "CSRF", r->who->csrf);
	if (r->who->customer_name != NULL)
		tpl_set(root, "CUSTOMER_NAME", r->who->customer_name);
	/* the operator's home is the inbox */
	tpl_set(root, "HOME_HREF", nav & NAV_ADMIN ? "/admin" : "/");
	if (nav & NAV_ADMIN)
		tpl_show(root, "ADMIN");
	else
		tpl_show(root, "NAV_HOME");
	if (nav & NAV_REQUESTS)
		tpl_show(root, "NAV_REQUESTS");
	if (nav & NAV_NEW_REQUEST)
		tpl_show(root, "NAV_NEW_REQUEST");
	if (nav & NAV_INTERNET) {
		tpl_show(root, "NAV_INTERNET");
		tpl_set(root, "INTERNET_HREF", nav & NAV_ADMIN ? "/admin/internet" : "/internet");
	}
	if (nav & NAV_NEW_INTERNET)
		tpl_show(root, "NAV_NEW_INTERNET");
	if (nav & NAV_WEBHOOKS)
		tpl_show(root, "NAV_WEBHOOKS");
	return 0;
}

struct tpl_dict *
page_new(struct req *r, const char *title, const char *body_tpl,
    struct tpl_dict **body)
{
	struct tpl_dict	*root;

	if ((root = tpl_dict_new("page")) == NULL)
		return NULL;
	tpl_dict_lang(root, r->lang);
	tpl_set(root, "LANG", r->lang);
	tpl_set(root, "TITLE", title);
	lang_switch(r, root);
	tpl_set(root, "REQUEST_ID", r->id);
	if (r->who != NULL) {
		if (page_user(r, root) < 0) {
			tpl_dict_free(root);
			return NULL;
		}
	} else {
		tpl_show(root, "ANON");
		tpl_set(root, "HOME_HREF", "/");
	}
	if (r->restored) {
		tpl_show(root, "FLASH");
		tpl_set(root, "FLASH_TEXT", tr(r->lang, "Your session had expired: here is "
		    "what you typed. Check it, then send it again."));
	}
	*body = tpl_include(root, "BODY", body_tpl);
	if (*body == NULL) {
		tpl_dict_free(root);
		return NULL;
	}
	return root;
}

const char *
page_datetime(const struct req *r, const char *iso, char *out)
{
	out[0] = '\0';
	if (iso != NULL && *iso != '\0')
		l10n_datetime(r->lang, page_tz(r), iso, out, L10N_MAX);
	return out;
}

const char *
page_date(const struct req *r, const char *day, char *out)
{
	out[0] = '\0';
	if (day != NULL && *day != '\0')
		l10n_date(r->lang, day, out, L10N_MAX);
	return out;
}

void
page_flash(struct tpl_dict *root, const char *text)
{
	tpl_show(root, "FLASH");
	tpl_set(root, "FLASH_TEXT", text);
}

const char *
page_posted_token(const struct req *r)
{
	const char *t = req_form(r, "form_token");

	return is_hex(t, FORM_TOKEN_LEN) ? t : NULL;
}

int
page_form_token(const struct req *r, char out[33])
{
	const char *t = page_posted_token(r);

	if (t != NULL) {
		memcpy(out, t, FORM_TOKEN_LEN + 1);
		return 0;
	}
	return random_hex(out, FORM_TOKEN_LEN / 2);
}

struct page_out {
	struct req	*r;
	int		 status;
};

/* Expansion output: headers go out with the first chunk, so a template
 * that fails before producing anything can still become a 500. */
static int
page_write(void *ctx, const char *buf, size_t len)
{
	struct page_out *po = ctx;

	if (!po->r->started &&
	    resp_start(po->r, po->status, "text/html; charset=utf-8") < 0)
		return -1;
	return resp_write(po->r, buf, len);
}

int
page_send(struct req *r, int status, struct tpl_dict *root)
{
	struct page_out	po = { r, status };
	int		rc;

	rc = tpl_expand("layout.tpl", root, page_write, &po);
	tpl_dict_free(root);
	if (rc < 0)
		log_err("layout.tpl: expansion failed");
	if (!r->started)
		return -1;
	return 0;
}

void
page_href(struct tpl_dict *d, const char *key, const char *path, long long offset,
    const struct page_param *params, size_t nparams)
{
	struct buf	b = { 0 };
	size_t		i;

	buf_printf(&b, "%s?offset=%lld", path, offset);
	for (i = 0; i < nparams; i++)
		if (params[i].val != NULL) {
			buf_printf(&b, "&%s=", params[i].key);
			query_encode(&b, params[i].val);
		}
	tpl_set(d, key, b.data != NULL ? b.data : "");
	buf_free(&b);
}

void
page_pager(struct tpl_dict *body, const char *path, long long offset,
    long long limit, size_t shown, long long total,
    const struct page_param *params, size_t nparams)
{
	tpl_set_int(body, "TOTAL", total);
	tpl_set_int(body, "FROM", shown > 0 ? offset + 1 : 0);
	tpl_set_int(body, "TO", offset + (long long)shown);
	if (offset > 0) {
		tpl_show(body, "PREV");
		page_href(body, "PREV_HREF", path, offset > limit ? offset - limit : 0,
		    params, nparams);
	}
	if (offset + (long long)shown < total) {
		tpl_show(body, "NEXT");
		page_href(body, "NEXT_HREF", path, offset + limit, params, nparams);
	}
}

const char *
page_tz(const struct req *r)
{
	return tz_pick(r->who != NULL ? r->who->timezone : NULL,
	    r->who != NULL ? r->who->market : NULL);
}

const char *
page_currency(const struct req *r, const char *customer_currency)
{
	if (customer_currency != NULL && strlen(customer_currency) == 3)
		return customer_currency;
	if (r->who != NULL && r->who->currency[0] != '\0')
		return r->who->currency;
	return "EUR";
}

/* The title of an error page for `status`, in words for a person. */
static const char *
status_words(const char *lang, int status)
{
	static const struct { int status; const char *words; } titles[] = {
		{ 400, N_("Cannot be read") }, { 401, N_("Please log in") },
		{ 403, N_("Not allowed") }, { 404, N_("Not found") },
		{ 405, N_("Not possible here") }, { 409, N_("Changed meanwhile") },
		{ 412, N_("Something is missing") }, { 413, N_("Too large") },
		{ 415, N_("Cannot be read") }, { 422, N_("Cannot be accepted") },
		{ 429, N_("Too many attempts") }, { 500, N_("Something went wrong") },
		{ 503, N_("Not available now") },
	};
	size_t i;

	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		if (titles[i].status == status)
			return tr(lang, titles[i].words);
	return tr(lang, N_("Something went wrong"));
}

int
page_error(struct req *r, int status, const char *message)
{
	struct tpl_dict	*root, *body;
	char		 title[64];

	snprintf(title, sizeof(title), "%d %s", status, status_words(r->lang, status));
	if ((root = page_new(r, title, "error.tpl", &body)) != NULL) {
		tpl_set_int(body, "STATUS", status);
		tpl_set(body, "REASON", status_words(r->lang, status));
		tpl_set(body, "MESSAGE", message);
		if (page_send(r, status, root) == 0)
			return 0;
	}
	/* Templates unusable: a plain-text answer is still an answer. */
	if (r->started || resp_start(r, status, "text/plain; charset=utf-8") < 0)
		return -1;
	resp_puts(r, title);
	resp_puts(r, "\n");
	resp_puts(r, message);
	return resp_puts(r, "\n");
}

int
page_assignee_query(struct req *r, char *id, size_t len, const char **assignee)
{
	const char	*v = req_query(r, "assignee");
	int		 rc;

	*assignee = NULL;
	if (v == NULL || *v == '\0' || r->who == NULL || r->who->level != LVL_ADMIN)
		return 0;
	if ((rc = queue_assignee_param(r->store, v, id, len)) != 0)
		return rc;
	*assignee = id;
	return 0;
}

int
page_assignee_choices(struct req *r, struct tpl_dict *body, const char *current)
{
	struct tpl_dict	*row;
	struct rows	*s;
	int		 rc;

	if (r->who == NULL || r->who->level != LVL_ADMIN)
		return 0;
	tpl_show(body, "ASSIGNEE_FILTER");
	if (current != NULL && *current == '\0')
		tpl_show(body, "ASSIGNEE_NONE");
	if ((s = store_query(r->store, ST_QUEUE_STAFF, "I", (long long)QUEUE_COUNT_MAX)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1 &&
	    (row = tpl_section_add(body, "ASSIGNEE_OPTION")) != NULL) {
		tpl_set(row, "VALUE", store_text(s, QSTAFF_ID));
		tpl_set(row, "LABEL", store_text(s, QSTAFF_NAME));
		if (current != NULL && strcmp(current, store_text(s, QSTAFF_ID)) == 0)
			tpl_show(row, "SELECTED");
	}
	store_done(s);
	return rc < 0 ? -1 : 0;
}
