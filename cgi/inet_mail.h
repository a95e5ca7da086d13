/*
 * inet_mail.h — the notifications of Internet requests, queued through
 * the outbox inside the caller's open transaction (templates
 * templates/mail/EVENT.{subject,body}.tpl):
 *
 *   internet_created   to the operator, when a request is created
 *   internet_answered  to the creator and every notify employee, when
 *                      an update brings offers ("time to select one")
 *   offer_ordered      to the operator, when an offer is ordered
 *   account_confirmed  to the creator and every notify employee
 *
 * Each returns 0, or -1 (the caller rolls its change back).  This module
 * reads nothing: it is given what its callers loaded.
 */
#ifndef REQDESK_INET_MAIL_H
#define REQDESK_INET_MAIL_H

#include <jansson.h>

struct store;

/* `req` is the request as the operator's pages see it (inet_load() in
 * the operator's scope, INET_PAGE: names included), read by the caller
 * inside its change; `acc` the account (inet_account_load()). */
int  inet_mail_created(struct store *st, const json_t *req);
int  inet_mail_answered(struct store *st, const json_t *req);
int  inet_mail_ordered(struct store *st, const json_t *req, const json_t *acc);
int  inet_mail_confirmed(struct store *st, const json_t *req, const json_t *acc);

#endif
