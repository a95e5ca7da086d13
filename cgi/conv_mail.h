/*
 * conv_mail.h — the mail a reply sends to the other side of a request
 * (docs/CONVERSATIONS.md, "Who hears of a reply"), event reply_added,
 * from templates/mail/reply_added.*.tpl (the customer's people) and
 * templates/mail/operator/reply_added.*.tpl (the operator's mailbox):
 *
 *   the operator's reply   to the request's creator and, on the customer
 *                          side, an Orange request's contacts
 *                          (contacts.primary.email, .secondary.email) or
 *                          an Internet request's notify list;
 *   the customer's reply   to the operator handling the request (the
 *                          inbox's assignee), else to the operator's
 *                          mailbox ([mail] operator);
 *   an internal note       to nobody.
 *
 * Each in its recipient's language, plain text and HTML, an address
 * that stopped the mail about the request skipped (outbox.h).
 *
 * Owns: the recipients and the values of the reply_added mails.  Calls:
 * orange_request and inet_request (the request, read in the operator's
 * scope), outbox (the recipients, the rendering, the queue), catalog
 * (the type's title), auth (the operator's scope), store (the
 * customer's language and currency), config (the operator's name and
 * mailbox), filetype and l10n (the files' kinds and sizes in words),
 * tpl, words.  Never: commits or opens a transaction (it writes inside
 * the note's), sends a mail, or mails an internal note.
 */
#ifndef REQDESK_CONV_MAIL_H
#define REQDESK_CONV_MAIL_H

#include <stddef.h>

struct store;
struct principal;
struct conv_target;
struct conv_file;

/*
 * Queue reply_added for the reply `note_id` of `who` on `t`, its `text`
 * written at `at`, with its `nfiles` files (`kinds` their stored types,
 * "application/pdf").  Inside the note's open
 * transaction.  0, or -1 (the caller rolls back).
 */
int  conv_mail_reply(struct store *st, const struct principal *who,
	const struct conv_target *t, const char *note_id, const char *text,
	const char *at, const struct conv_file *files, const char *const *kinds,
	size_t nfiles);

#endif
