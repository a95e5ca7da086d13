/*
 * admin_outbox.h — /admin/outbox: notifications by state, their attempts
 * and last error, and "retry now" for dead ones.
 *
 * Owns: the outbox page (counts by state, the list, paged) and "retry
 * now", which queues a dead message again.  Calls: store (the outbox
 * rows), pages, reply, http, tpl, i18n, l10n, words, util.  Never:
 * sends a message (reqdesk-mailer does) nor changes one that is not
 * dead.
 */
#ifndef REQDESK_ADMIN_OUTBOX_H
#define REQDESK_ADMIN_OUTBOX_H

#include "http.h"

int  page_admin_outbox(struct req *r);		/* GET /admin/outbox */
int  page_admin_outbox_retry(struct req *r);	/* POST /admin/outbox */

#endif
