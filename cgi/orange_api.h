/*
 * orange_api.h — the Orange-compatible ordering API (the BVPN update and disconnection types):
 * /ordering/b2b/v2/requests and /ordering/b2b/v2/catalogItems.
 */
#ifndef REQDESK_ORANGE_API_H
#define REQDESK_ORANGE_API_H

#include "catalog.h"
#include "http.h"

int  api_requests_post(struct req *r);
int  api_requests_list(struct req *r);
int  api_request_get(struct req *r);
int  api_request_status(struct req *r);
int  api_catalog_items(struct req *r);
int  api_catalog_item(struct req *r);

#endif
