/*
 * orange_pages.h — the browser side of Orange-style requests: choose a
 * type, the form generated from the catalog, the request page with its
 * history and status actions, the list with filters, pagination and a
 * CSV export.
 *
 * Owns: the Orange-style pages: the types to choose from, the form
 * built from the catalog (its fields, groups, choices, the service
 * point picker, the earliest date in words, a new request started from
 * another), the request page with its history, its conversation and its
 * actions, the list with its filters and pages, the CSV export (its
 * columns from the types listed).  Calls: orange_request (every rule
 * and every change), catalog (the types and their fields), request_view
 * (the properties in words), conv_pages and conversation (the request's
 * conversation), admin_inbox (the Handling box of the operator's page),
 * errors (the problems in words, at their fields), store (the
 * customers, types and service points a form offers), pages, reply,
 * http, tpl, i18n, l10n, words, workday (the earliest date), log, util.
 * Never: a rule or a message of its own: a posted form becomes the
 * API's body, which the API's rules answer.
 */
#ifndef REQDESK_ORANGE_PAGES_H
#define REQDESK_ORANGE_PAGES_H

#include <jansson.h>

#include "http.h"
#include "tpl.h"

int  page_requests(struct req *r);		/* GET /requests */
int  page_requests_csv(struct req *r);		/* GET /requests.csv */
int  page_request_types(struct req *r);		/* GET /requests/new */
int  page_request_form(struct req *r);		/* GET /requests/new/{TYPE} */
int  page_request_form_post(struct req *r);	/* POST /requests/new/{TYPE} */
int  page_request(struct req *r);		/* GET /requests/{id} */
int  page_request_note_post(struct req *r);	/* POST /requests/{id}/notes: a reply */
int  page_request_file(struct req *r);		/* GET /requests/{id}/files/{fid} */
int  page_request_status_post(struct req *r);	/* POST /requests/{id}: 303, the
						 * cancellation's question, or the page with a refusal */

/* The caller's open requests (NEW, IN_PROGRESS), newest first, at most
 * `limit`: *items a new array, *total all of them.  0 or -1. */
int  page_open_requests(struct req *r, long long limit, json_t **items,
	long long *total);

/* Rows REQUEST of a list of requests (REQ_ID, REQ_NAME, REQ_TYPE,
 * REQ_STATUS and REQ_STATUS_TEXT, REQ_CATEGORY, REQ_CUSTOMER, REQ_CUSTREF,
 * REQ_REQUESTED, REQ_CREATED: in words and the reader's zone). */
void page_request_rows(struct req *r, struct tpl_dict *body, const json_t *items);

#endif
