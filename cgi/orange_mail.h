/*
 * orange_mail.h — the mails of Orange-style ordering requests, each
 * written for its recipient (outbox.h) from templates/mail/EVENT.*.tpl:
 *
 *   request_created  the receipt, to the creator and to the contacts the
 *                    request names (contacts.primary.email,
 *                    contacts.secondary.email); the operator's copy from
 *                    mail/operator/
 *   request_status   a status change, to the creator and the contacts
 *   request_canceled to the operator, when the customer cancels
 *
 * Values are in the recipient's words: the type's title in their
 * language, statuses in words, dates and times in their zone, the
 * properties as the request page says them (request_view.h).
 *
 * Owns: the rendered mails of a creation until they are stored, and the
 * values of each event's mails.  Calls: outbox (the recipients, the
 * rendering, the queue), request_view (the properties in words),
 * catalog (the type's title), store (the customer's market and
 * currency), tpl, config, words.  Called by orange_request.c, inside or
 * just before the change.  Never: sends a mail, or opens a transaction
 * of its own.
 */
#ifndef REQDESK_ORANGE_MAIL_H
#define REQDESK_ORANGE_MAIL_H

#include <stddef.h>

#include <jansson.h>

#include "outbox.h"

struct store;
struct rtype;

/* What a mail says of a request. */
struct orange_facts {
	const char		*id;
	const struct rtype	*t;		/* NULL: the type left the catalog */
	const char		*type_name;	/* the stored title, for that case */
	const char		*customer_name, *market;
	const char		*customer_reference;	/* NULL when none */
	const char		*requested;	/* YYYY-MM-DD */
	const char		*issued;	/* ISO time */
	const char		*creator_id, *creator_name;
	const char		*comment;	/* the request's own, or NULL */
	const json_t		*props;		/* stored properties */
	const char		*sp_id;		/* its service point ("" none, NULL: read
						 * the request's) */
};

/* The rendered mails of a new request, stored by the writer's unit. */
struct orange_mails {
	struct mail	*v;
	size_t		 n;
};

/*
 * Render request_created for the creator, the contacts and the operator
 * into *out, before the writer (the request is new: nobody stopped its
 * mail).  0, or -1 (out freed).
 */
int  orange_mail_created(struct store *st, const struct orange_facts *f,
	struct orange_mails *out);

/* Store them, inside the writer's transaction.  0 or -1. */
int  orange_mails_add(struct store *st, const struct orange_mails *m,
	const char *id);
void orange_mails_free(struct orange_mails *m);	/* accepts a zeroed one */

/*
 * Queue request_status (and, for CANCELED, request_canceled to the
 * operator) for the request `req` (request_load(): the API's object)
 * moved from its status to `to` at `at` by `by_name`, with `comment`
 * (NULL or "": none).  Inside the change's transaction.  0 or -1.
 */
int  orange_mail_status(struct store *st, const json_t *req, const char *to,
	const char *at, const char *by_name, const char *comment);

#endif
