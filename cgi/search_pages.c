/*
 * search_pages.c — the search page; contract in search_pages.h.
 * Handler: reads the query, calls search.c, fills search.tpl in the
 * reader's words.
 */
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "http.h"
#include "i18n.h"
#include "l10n.h"
#include "pages.h"
#include "reply.h"
#include "search.h"
#include "search_pages.h"
#include "store.h"
#include "tpl.h"
#include "words.h"

#define PAGE_ROWS	50

/* One row found: its family's words, link, status or state in words. */
static void
add_row(struct req *r, struct tpl_dict *body, struct rows *s)
{
	struct tpl_dict	*row = tpl_section_add(body, "RESULT");
	const char	*fam = store_text(s, SEARCH_FAMILY), *id = store_text(s, SEARCH_REQUEST_ID);
	const char	*state = store_text(s, SEARCH_STATE);
	const struct rtype *t;
	int		 orange = strcmp(fam, "orange") == 0;
	char		 href[128], when[L10N_MAX];

	if (row == NULL)
		return;
	snprintf(href, sizeof(href), orange ? "/requests/%s" : "/internet/%s", id);
	tpl_set(row, "HREF", href);
	tpl_set(row, "ID", id);
	tpl_set(row, "FAMILY", orange ? tr(r->lang, "Network site") :
	    tr(r->lang, "Internet access"));
	/* a request's type by its title in the reader's language, as the
	 * catalog says it now; the stored name when the type is gone */
	if (orange && store_text(s, SEARCH_TYPE) != NULL &&
	    (t = catalog_find(store_text(s, SEARCH_TYPE))) != NULL)
		tpl_set(row, "TITLE", ltext_get(&t->titles, r->lang));
	else
		tpl_set(row, "TITLE", store_text(s, SEARCH_TITLE) ?
		    store_text(s, SEARCH_TITLE) : "");
	tpl_set(row, "REFERENCE", store_text(s, SEARCH_REFERENCE) ?
	    store_text(s, SEARCH_REFERENCE) : "");
	tpl_set(row, "CUSTOMER", store_text(s, SEARCH_CUSTOMER) ?
	    store_text(s, SEARCH_CUSTOMER) : "");
	tpl_set(row, "STATE_CODE", state);
	tpl_set(row, "STATE", word(orange ? WS_STATUS : WS_INET_STATE, r->lang, state));
	tpl_set(row, "CREATED", page_datetime(r, store_text(s, SEARCH_CREATED), when));
}

int
page_search(struct req *r)
{
	struct tpl_dict		*root, *body;
	struct rows		*s;
	const char		*q = req_query(r, "q"), *family = req_query(r, "family");
	enum search_family	 fam = SEARCH_ALL;
	char			 expr[SEARCH_EXPR_MAX], count[256], n[32];
	long long		 offset, total = 0;
	size_t			 shown = 0;
	int			 rc;

	if (family != NULL && strcmp(family, "orange") == 0)
		fam = SEARCH_ORANGE;
	else if (family != NULL && strcmp(family, "internet") == 0)
		fam = SEARCH_INTERNET;
	else if (family != NULL && *family != '\0')
		return reply_error(r, HERR_BAD_QUERY, NULL);
	if (req_query_int(r, "offset", 0, 0, SEARCH_OFFSET_MAX, &offset) < 0)
		return reply_error(r, HERR_BAD_QUERY, NULL);
	if ((rc = search_expr(r->who, q, expr, sizeof(expr))) < 0)
		return reply_error(r, HERR_BAD_QUERY, tr(r->lang,
		    "Search for fewer words: at most 200 characters."));
	if ((root = page_new(r, tr(r->lang, "Search"), "search.tpl", &body)) == NULL)
		return -1;
	tpl_set(body, "Q", q != NULL ? q : "");
	tpl_show(body, fam == SEARCH_ORANGE ? "F_ORANGE" : fam == SEARCH_INTERNET ?
	    "F_INTERNET" : "F_ALL");
	if (rc == 1) {
		if ((s = search_requests(r->store, r->who, expr, fam, offset, PAGE_ROWS,
		    &total)) == NULL) {
			tpl_dict_free(root);
			return -1;
		}
		while ((rc = store_row(s)) == 1) {
			add_row(r, body, s);
			shown++;
		}
		store_done(s);
		if (rc < 0) {
			tpl_dict_free(root);
			return -1;
		}
		l10n_number(r->lang, (double)total, 0, n, sizeof(n));
		if (total >= SEARCH_COUNT_MAX)
			tr_fill(count, sizeof(count), tr(r->lang, "More than {1} requests "
			    "found: add a word to find fewer."), n, NULL);
		else
			tr_fill(count, sizeof(count), trn(r->lang, "{1} request found",
			    "{1} requests found", (unsigned long)total), n, NULL);
		tpl_set(body, "COUNT", count);
		tpl_show(body, shown > 0 ? "RESULTS" : "NONE");
		{
			struct page_param params[] = { { "q", q },
			    { "family", fam == SEARCH_ALL ? NULL : family } };
			page_pager(body, "/search", offset, PAGE_ROWS, shown, total, params, 2);
		}
	} else
		tpl_show(body, "ASK");
	return page_send(r, 200, root);
}
