/*
 * inet_mail.h — the notifications of Internet requests, each written for
 * its recipient (outbox.h) and queued inside the caller's open
 * transaction (templates templates/mail/EVENT.{subject,body,html}.tpl,
 * the operator's from templates/mail/operator/):
 *
 *   internet_created   the receipt to the creator; the operator's copy
 *                      ("a request waits for offers")
 *   internet_answered  to the creator and every notify employee, when
 *                      an update brings offers ("time to select one")
 *   offer_ordered      the order confirmation to the creator, every
 *                      notify employee and whoever ordered; the
 *                      operator's copy ("confirm the account")
 *   account_confirmed  to the creator and every notify employee
 *   account_activated  to the creator and every notify employee
 *   account_cancelled  to the creator and every notify employee
 *
 * Values are in the recipient's words: the type and time windows in
 * words, prices with the customer's currency in their language's
 * forms, dates and times in their zone.  Each returns 0, or -1 (the
 * caller rolls its change back).  Reads the people and the customer's
 * currency; is given the request and the account its callers loaded.
 *
 * Owns: the Internet events' recipients and the values of their mails
 * (in each recipient's words).  Calls: outbox (the recipients, the
 * rendering and the queue), store (the people and the customer's
 * currency), config (the operator), tpl, i18n, l10n, words.  Never:
 * reloads the request or the account it is given, sends a mail, or
 * opens a transaction of its own.
 */
#ifndef REQDESK_INET_MAIL_H
#define REQDESK_INET_MAIL_H

#include <jansson.h>

struct store;

/* `req` is the request as the operator's pages see it (inet_load() in
 * the operator's scope, INET_PAGE: names included), read by the caller
 * inside its change; `acc` the account (inet_account_load() in the
 * operator's scope). */
int  inet_mail_created(struct store *st, const json_t *req);
int  inet_mail_answered(struct store *st, const json_t *req);
int  inet_mail_ordered(struct store *st, const json_t *req, const json_t *acc);
int  inet_mail_confirmed(struct store *st, const json_t *req, const json_t *acc);
int  inet_mail_activated(struct store *st, const json_t *req, const json_t *acc);
int  inet_mail_cancelled(struct store *st, const json_t *req, const json_t *acc);

#endif
