/*
 * password.h — the pages of a password chosen without the old one: the
 * reset asked for by e-mail and the link of an invitation
 * (docs/ACCOUNTS.md).  Handlers over auth's single-use tokens, user's
 * password rule and the outbox.
 *
 * Owns: the forgotten-password form (the same answer whatever the
 * address, throttled), the reset and invitation forms, and the reset
 * mail queued with its token in one transaction.  Calls: auth (the
 * single-use tokens, the throttle, the form token's cookie), user (the
 * password's rule), outbox (the mail), store (the user by address, the
 * transaction), pages, reply, http, tpl, config, i18n, log, util.
 * Never: tells whether an address is a user's, logs or keeps a token in
 * the clear, or sends a mail itself.
 */
#ifndef REQDESK_PASSWORD_H
#define REQDESK_PASSWORD_H

#include "http.h"

int  page_password_forgot(struct req *r);
int  page_password_forgot_post(struct req *r);
int  page_password_reset(struct req *r);
int  page_password_reset_post(struct req *r);
int  page_password_invite(struct req *r);
int  page_password_invite_post(struct req *r);

#endif
