/*
 * inet_pages.h — the browser side of Internet requests (TelecomX)
 * for customers and resellers: the list, the new-request form (the
 * API's rules and messages, each error next to its field, input kept),
 * the request with its offers side by side and an "order this offer"
 * button, and the shared list page of the admin inbox.
 */
#ifndef REQDESK_INET_PAGES_H
#define REQDESK_INET_PAGES_H

#include "http.h"

int  page_internet_list(struct req *r);		/* GET /internet: 200 */
int  page_internet_new(struct req *r);		/* GET /internet/new: 200, 403 */
int  page_internet_new_post(struct req *r);	/* POST /internet/new: 303 or 403/404/422 */
int  page_internet(struct req *r);		/* GET /internet/{id}: 200, 404 */
int  page_internet_order(struct req *r);	/* POST /internet/{id}/order: 303 or the page with the error */

/* The list of Internet requests in the caller's scope; `admin`: the
 * operator's inbox (NEW first, links to the offer entry page).  200. */
int  inet_list_page(struct req *r, int admin);

#endif
