/*
 * orange_pages.h — the browser side of Orange-style requests: choose a
 * type, the form generated from the catalog, the request page with its
 * history and status actions, the list with filters, pagination and a
 * CSV export.
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
