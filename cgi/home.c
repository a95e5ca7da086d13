/*
 * home.c — the home page: what a logged-in user works on, or the welcome
 * page for anyone else.  Customer and reseller staff see their open
 * requests of both families (only those of the families they have: a
 * customer with no ordering types and no ordering request, NORDIC, sees
 * its Internet requests alone); the operator's home is the inbox
 * (/admin), where / sends them.
 */
#include <stdio.h>

#include <jansson.h>

#include "auth.h"
#include "home.h"
#include "http.h"
#include "i18n.h"
#include "inet_pages.h"
#include "inet_request.h"
#include "orange_pages.h"
#include "pages.h"
#include "tpl.h"

#define HOME_ROWS	10	/* of each family */

/* The open ordering requests: BVPN (OPEN_TEXT, REQUEST rows, NO_OPEN,
 * MORE_OPEN).  0 or -1. */
static int
home_requests(struct req *r, struct tpl_dict *body)
{
	json_t		*items;
	long long	 total;
	char		 n[32], text[128];

	if (page_open_requests(r, HOME_ROWS, &items, &total) < 0) {
		json_decref(items);
		return -1;
	}
	tpl_show(body, "BVPN");
	snprintf(n, sizeof(n), "%lld", total);
	tr_fill(text, sizeof(text), trn(r->lang, "{1} open request", "{1} open requests",
	    (unsigned long)total), n, NULL);
	if (total > 0)
		tpl_show(body, "OPEN_COUNT");
	tpl_set(body, "OPEN_TEXT", text);
	page_request_rows(r, body, items);
	if (json_array_size(items) == 0)
		tpl_show(body, "NO_OPEN");
	if (total > (long long)json_array_size(items))
		tpl_show(body, "MORE_OPEN");
	json_decref(items);
	return 0;
}

/* The Internet requests in progress (INET_TEXT, ROW rows, NO_INET).
 * 0 or -1. */
static int
home_internet(struct req *r, struct tpl_dict *body)
{
	json_t		*items;
	long long	 total;
	char		 n[32], text[128];

	if (inet_open_list(r->store, r->who, HOME_ROWS, &items, &total) < 0) {
		json_decref(items);
		return -1;
	}
	tpl_show(body, "INET");
	snprintf(n, sizeof(n), "%lld", total);
	tr_fill(text, sizeof(text), trn(r->lang, "{1} Internet request in progress",
	    "{1} Internet requests in progress", (unsigned long)total), n, NULL);
	if (total > 0)
		tpl_show(body, "INET_COUNT");
	tpl_set(body, "INET_TEXT", text);
	inet_page_rows(r, body, items);
	if (json_array_size(items) == 0)
		tpl_show(body, "NO_INET");
	json_decref(items);
	return 0;
}

/* GET /: 200 (a visitor's welcome, a user's work), 303 to /admin for the
 * operator. */
int
page_home(struct req *r)
{
	struct tpl_dict	*root, *body;
	int		 nav = page_nav(r);

	if (nav < 0)
		return -1;
	if (nav & NAV_ADMIN)
		return resp_redirect(r, "/admin");
	if ((root = page_new(r, tr(r->lang, "Home"), "home.tpl", &body)) == NULL)
		return -1;
	if (r->who == NULL) {
		tpl_show(body, "ANON");
		return page_send(r, 200, root);
	}
	tpl_show(body, "USER");
	tpl_set(body, "USER_NAME", r->who->name);
	tpl_set(body, "CUSTOMER_NAME", r->who->customer_name != NULL ?
	    r->who->customer_name : r->who->reseller_id);
	if (nav & NAV_NEW_REQUEST)
		tpl_show(body, "NEW_REQUEST");
	if (nav & NAV_NEW_INTERNET)
		tpl_show(body, "NEW_INTERNET");
	if (((nav & NAV_REQUESTS) && home_requests(r, body) < 0) ||
	    ((nav & NAV_INTERNET) && home_internet(r, body) < 0)) {
		tpl_dict_free(root);
		return -1;
	}
	if (!(nav & (NAV_REQUESTS | NAV_INTERNET)))
		tpl_show(body, "NOTHING");
	return page_send(r, 200, root);
}
