/*
 * pages.c — the layout every page is rendered through, and the error
 * page.  Holds no page of its own: handlers fill the body, this module
 * wraps it (title, who is logged in, CSRF token, request id) and streams
 * it.  Calls the transport and the templates only.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "http.h"
#include "i18n.h"
#include "log.h"
#include "pages.h"
#include "tpl.h"
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

struct tpl_dict *
page_new(struct req *r, const char *title, const char *body_tpl,
    struct tpl_dict **body)
{
	struct tpl_dict	*root, *user;

	if ((root = tpl_dict_new("page")) == NULL)
		return NULL;
	tpl_dict_lang(root, r->lang);
	tpl_set(root, "LANG", r->lang);
	tpl_set(root, "TITLE", title);
	lang_switch(r, root);
	tpl_set(root, "REQUEST_ID", r->id);
	if (r->who != NULL) {
		tpl_show(root, "USER");
		user = root;
		tpl_set(user, "USER_NAME", r->who->name);
		tpl_set(user, "USER_LEVEL", word(WS_LEVEL, r->lang,
		    level_names[r->who->level]));
		tpl_set(user, "CSRF", r->who->csrf);
		if (r->who->customer_name != NULL)
			tpl_set(user, "CUSTOMER_NAME", r->who->customer_name);
		if (r->who->level == LVL_ADMIN)
			tpl_show(root, "ADMIN");
	} else
		tpl_show(root, "ANON");
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
