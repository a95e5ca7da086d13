/*
 * admin_outbox.h — /admin/outbox: notifications by state, their attempts
 * and last error, and "retry now" for dead ones.
 */
#ifndef REQDESK_ADMIN_OUTBOX_H
#define REQDESK_ADMIN_OUTBOX_H

#include "http.h"

int  page_admin_outbox(struct req *r);		/* GET /admin/outbox */
int  page_admin_outbox_retry(struct req *r);	/* POST /admin/outbox */

#endif
