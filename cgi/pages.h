/*
 * pages.h — the layout: every HTML page is rendered through the one
 * layout template (layout.tpl), the error page included.
 */
#ifndef REQDESK_PAGES_H
#define REQDESK_PAGES_H

#include "http.h"
#include "tpl.h"

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

/* The HTML error page for `status`, with a message. */
int  page_error(struct req *r, int status, const char *message);

#endif
