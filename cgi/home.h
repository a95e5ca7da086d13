/*
 * home.h — GET /, the home page.
 *
 * Owns: the home page: the reader's open requests of each family (at
 * most HOME_ROWS each) and the links their levels allow; an ADMIN is
 * sent on to /admin.  Calls: orange_pages and inet_pages (the rows, as
 * the lists show them), inet_request (the open Internet requests),
 * pages (the layout and the navigation), http, tpl, i18n.  Never: reads
 * a request but through the families' own lists.
 */
#ifndef REQDESK_HOME_H
#define REQDESK_HOME_H

#include "http.h"

int  page_home(struct req *r);

#endif
