/*
 * home.c — the home page: a logged-in user's requests, or the welcome
 * page for anyone else.
 */
#include <stdio.h>

#include "auth.h"
#include "home.h"
#include "http.h"
#include "i18n.h"
#include "orange_pages.h"
#include "pages.h"
#include "tpl.h"

int
page_home(struct req *r)
{
	struct tpl_dict *root, *body;

	if (r->who != NULL)
		return page_requests(r);	/* my requests */
	if ((root = page_new(r, tr(r->lang, "Home"), "home.tpl", &body)) == NULL)
		return -1;
	tpl_show(body, "ANON");
	return page_send(r, 200, root);
}
