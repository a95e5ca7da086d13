/*
 * pages.c — the layout, the home page, the error page and /healthz.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "autoconf.h"
#include "auth.h"
#include "config.h"
#include "http.h"
#include "log.h"
#include "pages.h"
#include "orange_pages.h"
#include "store.h"
#include "import.h"
#include "tpl.h"

struct tpl_dict *
page_new(struct req *r, const char *title, const char *body_tpl,
    struct tpl_dict **body)
{
	struct tpl_dict	*root, *user;

	if ((root = tpl_dict_new("page")) == NULL)
		return NULL;
	tpl_set(root, "TITLE", title);
	tpl_set(root, "REQUEST_ID", r->id);
	if (r->who != NULL) {
		tpl_show(root, "USER");
		user = root;
		tpl_set(user, "USER_NAME", r->who->name);
		tpl_set(user, "USER_LEVEL", level_names[r->who->level]);
		tpl_set(user, "CSRF", r->who->csrf);
		if (r->who->customer_name != NULL)
			tpl_set(user, "CUSTOMER_NAME", r->who->customer_name);
		if (r->who->level == LVL_ADMIN)
			tpl_show(root, "ADMIN");
	} else
		tpl_show(root, "ANON");
	*body = tpl_include(root, "BODY", body_tpl);
	if (*body == NULL) {
		tpl_dict_free(root);
		return NULL;
	}
	return root;
}

void
page_import_form(struct req *r, struct tpl_dict *body, const char *action,
    const char *header, const char *csv, const struct import_report *imp)
{
	struct tpl_dict	*d = tpl_include(body, "IMPORT", "import_form.tpl"), *row;
	size_t		 i;

	if (d == NULL)
		return;		/* the root is marked failed: a 500 */
	tpl_set(d, "ACTION", action);
	tpl_set(d, "CSRF", r->who->csrf);
	tpl_set(d, "HEADER", header);
	tpl_set(d, "CSV", csv);
	if (imp == NULL)
		return;
	tpl_show(d, "IMPORT_ERRORS");
	tpl_set_int(d, "NBAD", (long long)imp->nbad);
	for (i = 0; i < imp->n; i++) {
		if ((row = tpl_section_add(d, "IMPORT_ERROR")) == NULL)
			return;
		tpl_set_int(row, "LINE", (long long)imp->v[i].line);
		tpl_set(row, "REASON", imp->v[i].reason);
	}
	if (imp->nbad > imp->n) {
		tpl_show(d, "MORE");
		tpl_set_int(d, "MORE_N", (long long)(imp->nbad - imp->n));
	}
}

int
page_import_post(struct req *r, const struct import_kind *kind,
    const char *action, import_page_fn page, const void *ctx)
{
	struct import_report	 imp = { 0 };
	const char		*csv = req_form(r, "csv");
	char			 loc[128];
	int			 rc;

	if (csv == NULL)
		csv = "";
	switch (import_csv(r->store, kind, csv, strlen(csv), &imp)) {
	case IMPORT_OK:
		snprintf(loc, sizeof(loc), "%s?imported=%zu", action, imp.imported);
		rc = resp_redirect(r, loc);
		break;
	case IMPORT_INVALID:
		rc = page(r, 422, csv, &imp, ctx);
		break;
	default:
		rc = -1;
		break;
	}
	import_free(&imp);
	return rc;
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

int
page_error(struct req *r, int status, const char *message)
{
	struct tpl_dict	*root, *body;
	char		 title[64];

	snprintf(title, sizeof(title), "%d %s", status, http_reason(status));
	if ((root = page_new(r, title, "error.tpl", &body)) != NULL) {
		tpl_set_int(body, "STATUS", status);
		tpl_set(body, "REASON", http_reason(status));
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
page_home(struct req *r)
{
	struct tpl_dict *root, *body;

	if (r->who != NULL)
		return page_requests(r);	/* my requests */
	if ((root = page_new(r, "Home", "home.tpl", &body)) == NULL)
		return -1;
	if (r->who != NULL) {
		tpl_show(body, "USER");
		tpl_set(body, "USER_NAME", r->who->name);
		tpl_set(body, "CUSTOMER_NAME", r->who->customer_name ?
		    r->who->customer_name : (r->who->level == LVL_ADMIN ?
		    "operator staff" : r->who->reseller_id));
		tpl_show(body, "NO_REQUESTS");
	} else
		tpl_show(body, "ANON");
	return page_send(r, 200, root);
}

int
page_healthz(struct req *r)
{
	json_t	*j;
	int	 ok;

	ok = r->store != NULL && store_ping(r->store) == 0;
	if (!ok)
		log_warn("healthz: the database cannot be used");
	j = json_pack("{s:s, s:s, s:s}", "status", ok ? "ok" : "error",
	    "database", ok ? "ok" : "unavailable", "version", PACKAGE_VERSION);
	if (j == NULL)
		return -1;
	return resp_json_new(r, ok ? 200 : 503, j);
}

int
page_ping(struct req *r)
{
	if (resp_start(r, 200, "text/plain; charset=utf-8") < 0)
		return -1;
	return resp_puts(r, "pong\n");
}
