/*
 * admin_inbox.h — the operator's inbox (docs/INBOX.md): /admin, both
 * families in one queue with its counts, views, sorts and keyset pages;
 * giving a request to an operator and setting its priority; the box that
 * says it on a request's pages.  ADMIN only (route.c).
 *
 * Owns: the inbox page and the assignment form.  Calls: queue (the
 * rules and the rows), store (the counts, a request's queue row, its
 * history, the operators), pages (the layout), http, tpl, config, i18n,
 * words, workday (today, the days due), util.  Never: an assignment's
 * rule of its own (queue.c's), or a change but through queue_assign().
 */
#ifndef REQDESK_ADMIN_INBOX_H
#define REQDESK_ADMIN_INBOX_H

#include "http.h"
#include "tpl.h"

int  page_admin_home(struct req *r);		/* GET /admin */
int  page_admin_assign_post(struct req *r);	/* POST /admin/assign */

/*
 * The "Handling" box of a request's operator page (include
 * inbox_box.tpl at {{>HANDLING}} of `body`): who handles request `id` of
 * `family` ("orange" or "internet"), its priority, the form that changes
 * them (back to `back`, this page) and the last changes.  0 or -1.
 */
int  inbox_box(struct req *r, struct tpl_dict *body, const char *family,
	const char *id, const char *back);

#endif
