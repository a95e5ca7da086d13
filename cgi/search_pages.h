/*
 * search_pages.h — the search page: GET /search?q=&family=&offset=
 * (docs/SEARCH.md), every request of both families the reader may see
 * that matches what they typed.
 *
 * Owns: the search page: its query (the text, the family, the page) and
 * its rows, PAGE_ROWS at a time.  Calls: search (the query's reading
 * and the search), store (the rows search lends), pages, reply, http,
 * tpl, i18n, l10n, words.  Never: shows a request the reader may not
 * see (the search is scoped), or runs SQL of its own.
 */
#ifndef REQDESK_SEARCH_PAGES_H
#define REQDESK_SEARCH_PAGES_H

#include "http.h"

int  page_search(struct req *r);

#endif
