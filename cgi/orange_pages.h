/*
 * orange_pages.h — the browser side of Orange-style requests: choose a
 * type, the form generated from the catalog, the request page with its
 * history and status actions, the list with filters, pagination and a
 * CSV export.
 */
#ifndef REQDESK_ORANGE_PAGES_H
#define REQDESK_ORANGE_PAGES_H

#include "http.h"

int  page_requests(struct req *r);		/* GET /requests (and / when logged in) */
int  page_requests_csv(struct req *r);		/* GET /requests.csv */
int  page_request_types(struct req *r);		/* GET /requests/new */
int  page_request_form(struct req *r);		/* GET /requests/new/{TYPE} */
int  page_request_form_post(struct req *r);	/* POST /requests/new/{TYPE} */
int  page_request(struct req *r);		/* GET /requests/{id} */
int  page_request_status_post(struct req *r);	/* POST /requests/{id} */

#endif
