/*
 * password.h — the pages of a password chosen without the old one: the
 * reset asked for by e-mail and the link of an invitation
 * (docs/ACCOUNTS.md).  Handlers over auth's single-use tokens, user's
 * password rule and the outbox.
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
