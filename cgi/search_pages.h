/*
 * search_pages.h — the search page: GET /search?q=&family=&offset=
 * (docs/SEARCH.md), every request of both families the reader may see
 * that matches what they typed.
 */
#ifndef REQDESK_SEARCH_PAGES_H
#define REQDESK_SEARCH_PAGES_H

#include "http.h"

int  page_search(struct req *r);

#endif
