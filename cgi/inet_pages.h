/*
 * inet_pages.h — the browser side of Internet requests (TelecomX)
 * for customers and resellers: the list, the new-request form (the
 * API's rules, each problem in words next to its field, input kept, a
 * form sent twice making one request), the request with its offers side
 * by side and an "order this offer" button that shows a summary to
 * confirm first, and the shared list page of the admin inbox.
 *
 * Owns: the customers' and resellers' Internet pages (the list with its
 * filters, the new-request form, the request with its offers and its
 * conversation, the order summary) and the list page and the
 * conversation the operator's pages share.  Calls: inet_request and
 * inet_account (every rule and every change), inet_form (the form's values, choices and body), conv_pages
 * and conversation (the request's conversation), errors (the problems
 * in words, at their fields), store (the customers in scope), pages,
 * reply, http, tpl, config, i18n, l10n, words, util.  Never: a rule or
 * a message of its own: the form is translated into the API's body and
 * the API's rules answer it.
 */
#ifndef REQDESK_INET_PAGES_H
#define REQDESK_INET_PAGES_H

#include <jansson.h>

#include "http.h"
#include "tpl.h"

int  page_internet_list(struct req *r);		/* GET /internet: 200 */
int  page_internet_new(struct req *r);		/* GET /internet/new: 200, 403 */
int  page_internet_new_post(struct req *r);	/* POST /internet/new: 303 or 403/404/422 */
int  page_internet(struct req *r);		/* GET /internet/{id}: 200, 404 */
int  page_internet_note_post(struct req *r);	/* POST /internet/{id}/notes: a reply */
int  page_internet_file(struct req *r);		/* GET /internet/{id}/files/{fid} */
int  page_internet_order(struct req *r);	/* POST /internet/{id}/order: without
						 * confirm=yes the summary (200); with it 303,
						 * or the page with the refusal */

/* Rows ROW of a list of Internet requests (INET_PAGE items): R_ID,
 * R_STATE and R_STATE_TEXT (its account's once an offer is ordered), R_TYPE, R_CUSTOMER, R_ADDRESS, R_REFERENCE,
 * R_CREATED, R_EXPIRES, R_ACCOUNT and R_ACCOUNT_STATE, in words and the
 * reader's zone. */
void inet_page_rows(struct req *r, struct tpl_dict *body, const json_t *items);

/* The conversation of request `req` (an INET_PAGE object) on a page:
 * its events (sent, offers sent, its account ordered, confirmed,
 * activated, cancelled) and its notes in one timeline, WAITING_BADGE,
 * and the reply form (`cf`: a refused one, or NULL), in {{>CONVERSATION}}
 * of `body`.  `page` is the pages' root ("/internet" for the customer's
 * page, "/admin/internet" for the offer entry page): the form posts to
 * page/ID/notes and the files download from page/ID/files/FID.  0 or -1. */
struct conv_form;
int  inet_page_conversation(struct req *r, const json_t *req, struct tpl_dict *body,
	const char *page, const struct conv_form *cf);

/* The list of Internet requests in the caller's scope; `admin`: the
 * operator's inbox (NEW first, links to the offer entry page).  200. */
int  inet_list_page(struct req *r, int admin);

#endif
