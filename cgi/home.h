/*
 * home.h — GET /, the home page.
 */
#ifndef REQDESK_HOME_H
#define REQDESK_HOME_H

#include "http.h"

int  page_home(struct req *r);

#endif
