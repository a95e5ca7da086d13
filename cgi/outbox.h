/*
 * outbox.h — e-mail notifications through a transactional outbox.
 *
 * A change that someone must hear about queues its messages inside the
 * same database transaction as the change itself: if the change rolls
 * back, so do its messages; if it commits, they are kept until
 * reqdesk-mailer has handed them to the SMTP server.
 *
 * Each message is written for its recipient (struct recipient): in their
 * language, with times in their time zone, as the caller's fill function
 * puts the values into a dictionary made for that recipient alone.
 * Subject, plain text and HTML are rendered at that moment from
 * templates/mail/EVENT.subject.tpl, EVENT.body.tpl (plain text, no
 * escaping) and EVENT.html.tpl (HTML, auto-escaped; optional: without
 * it the message is plain text only), or from templates/mail/operator/
 * for the operator's mailbox, which is written to as the operator.
 * Every dictionary gets BASE_URL from the configuration and, for a mail
 * about a request to anyone but the operator, the section UNSUBSCRIBE
 * with UNSUBSCRIBE_URL: the link that stops that address's mail about
 * that request (one token per address and request, kept in
 * mail_subscriptions; once used, the address gets no more mail about it).
 *
 * Owns: the outbox and mail_subscriptions rows.  Calls: store, tpl (the
 * templates), config, i18n, l10n, workday (the clock), log, util.
 * Never: sends anything itself.
 */
#ifndef REQDESK_OUTBOX_H
#define REQDESK_OUTBOX_H

#include <stddef.h>

#include "util.h"	/* struct buf, MAIL_ADDRESS_MAX */

struct store;
struct tpl_dict;

#define MAIL_TOKEN_LEN	64	/* hexadecimal digits of an unsubscribe token */

/* Who a message is for, and how they read. */
struct recipient {
	char		 email[MAIL_ADDRESS_MAX + 1];
	const char	*lang;		/* a language code of i18n.h ("fr") */
	char		 tz[64];	/* an IANA time zone */
	int		 operator;	/* the operator's mailbox: written to as
					 * the operator, never unsubscribed */
};

/*
 * The recipient that is user `user_id`: their address, their language
 * (their choice, else their customer's market's, else English) and time
 * zone (theirs, else the market's, else Europe/Paris).  1, 0 when there
 * is no such user or they are disabled (nobody to tell), or -1.
 */
int  outbox_recipient_user(struct store *st, const char *user_id,
	struct recipient *rc);

/*
 * The recipient at `email`, an address typed into a request (its
 * contacts): read as the user of that address when there is one (and
 * not disabled), else in the language and time zone of the market
 * `market` (the request's customer's; NULL: English, Europe/Paris).  1,
 * 0 when `email` is not one plain address (nothing queued) or belongs
 * to a disabled user, or -1.
 */
int  outbox_recipient_address(struct store *st, const char *email,
	const char *market, struct recipient *rc);

/* The operator's mailbox ([mail] operator, in [mail] operator_language,
 * times in Europe/Paris). */
void outbox_recipient_operator(struct recipient *rc);

/* A list of recipients, each address once (compared without case). */
struct recipients {
	struct recipient	*v;
	size_t			 n, cap;
};

/* Add `rc` unless its address is in the list already.  0 or -1. */
int  recipients_add(struct recipients *l, const struct recipient *rc);
void recipients_free(struct recipients *l);	/* accepts a zeroed list */

/* Put the values of a message for `rc` into `d` (its language is set
 * already).  0 or -1 (the message, and the change, fail). */
typedef int (*mail_fill_fn)(void *ctx, struct tpl_dict *d,
	const struct recipient *rc);

/*
 * Queue `event` about `object_id` to every recipient of `l`, each
 * message filled by fill(ctx, ...) for its recipient; an address that
 * stopped the mail about `object_id` is skipped.  Inside an open
 * transaction.  0, or -1 (the caller rolls back: out of memory, a
 * template missing, the database).
 */
int  outbox_send(struct store *st, const char *event, const char *object_id,
	const struct recipients *l, mail_fill_fn fill, void *ctx);

/*
 * The same in two steps, so that a change can render its messages before
 * it enters the group-commit writer (writer.h) and only store them there
 * (a new request: nobody has stopped its mail yet).  outbox_render_for():
 * 0, 1 when the recipient is skipped (`m` is then empty and outbox_add()
 * stores nothing), or -1 (nothing to free); `event` is borrowed and must
 * outlive `m`.  outbox_add(): inside an open transaction; 0 or -1.
 */
struct mail {
	const char	*event;
	char		*recipient;
	struct buf	 subject, body, html;	/* html empty: none */
	char		 token[MAIL_TOKEN_LEN + 1];	/* "" for none */
	char		*unsubscribe;		/* its URL, or NULL */
};
int  outbox_render_for(struct store *st, struct mail *m, const char *event,
	const char *object_id, const struct recipient *rc, mail_fill_fn fill,
	void *ctx);
int  outbox_add(struct store *st, const struct mail *m, const char *object_id);
void outbox_mail_free(struct mail *m);	/* accepts a zeroed mail */

/*
 * A message to one address with a dictionary filled by the caller (in
 * `d`'s language, English unless tpl_dict_lang() set one; no
 * unsubscribe link): 0 (a recipient that is not one plain address is
 * logged and skipped) or -1.  outbox_queue_user() writes to a user by id
 * (0 and nothing queued for a disabled or unknown one), still in `d`'s
 * language; outbox_queue_operator() to the operator's mailbox, in
 * [mail] operator_language.  `d` is borrowed and gets BASE_URL.
 */
int  outbox_queue(struct store *st, const char *event, const char *object_id,
	const char *recipient, struct tpl_dict *d);
int  outbox_queue_operator(struct store *st, const char *event,
	const char *object_id, struct tpl_dict *d);
int  outbox_queue_user(struct store *st, const char *event,
	const char *object_id, const char *user_id, struct tpl_dict *d);

/*
 * Helpers for fill functions: `text` as rows of repeated section
 * `section`, one per line (LINE), so that both the plain text and the
 * HTML keep its line breaks; an instant (ISO 8601 UTC) or a day
 * (YYYY-MM-DD) in the recipient's words and time zone as {{key}}.
 */
void mail_set_lines(struct tpl_dict *d, const char *section, const char *text);
void mail_set_time(struct tpl_dict *d, const char *key, const struct recipient *rc,
	const char *iso);
void mail_set_day(struct tpl_dict *d, const char *key, const struct recipient *rc,
	const char *day);

/*
 * What an unsubscribe token names: the object (a request's id) and the
 * address, into the caller's buffers, and whether it was used already
 * (*stopped 1).  1, 0 for a token that names nothing, or -1.
 */
int  outbox_token_find(struct store *st, const char *token, char object_id[65],
	char email[MAIL_ADDRESS_MAX + 1], int *stopped);

/* Use the token: the address gets no more mail about its request.  1
 * done, 0 unknown token (or used already: nothing changes), -1. */
int  outbox_token_stop(struct store *st, const char *token);

/*
 * Append `text` (LF or CRLF line ends) to `out` as a quoted-printable body
 * (RFC 2045 6.7): CRLF line ends, no line over 76 characters (soft breaks
 * "=" CRLF), "=", control characters, bytes over 0x7e, a lone CR or LF
 * inside a line and a space or tab ending a line as =XX.  Lossless, and
 * every line fits SMTP's 998-byte limit whatever the text.  Ends with CRLF
 * unless `text` is empty.  0, or -1 (out of memory).
 */
int  mail_qp_encode(struct buf *out, const char *text);

/*
 * The whole message as reqdesk-mailer hands it to the server, headers and
 * body, CRLF line ends, appended to `out`: From `from`, To `to`, the
 * subject (RFC 2047 when not ASCII), `date` and `message_id` as given;
 * the text part and, when `html` is not NULL, an HTML alternative
 * (multipart/alternative), each quoted-printable; `unsubscribe` (an URL,
 * or NULL) as List-Unsubscribe with one-click (RFC 8058).  A header
 * value holding CR or LF is refused: -1, as for memory.  0 otherwise.
 */
struct mail_parts {
	const char	*from, *to, *subject, *date, *message_id;
	long long	 outbox_id;
	const char	*text, *html, *unsubscribe;
};
int  mail_compose(struct buf *out, const struct mail_parts *p);

/*
 * Append the header value `v` (one line: the caller has taken out CR and
 * LF) to `b`: as it is when it is ASCII, else as RFC 2047 encoded words
 * (UTF-8, base64) of at most 75 characters, folded with CRLF SP, never
 * splitting a UTF-8 sequence.  0, or -1 (out of memory).
 */
int  mail_header_encode(struct buf *b, const char *v);

#endif
