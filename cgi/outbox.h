/*
 * outbox.h — e-mail notifications through a transactional outbox.
 *
 * A change that someone must hear about queues its messages with
 * outbox_queue() inside the same database transaction as the change itself:
 * if the change rolls back, so do its messages; if it commits, they are
 * kept until reqdesk-mailer has handed them to the SMTP server.  Subject
 * and body are rendered at that moment from templates/mail/EVENT.subject.tpl
 * and templates/mail/EVENT.body.tpl (plain text, no auto-escaping), with
 * BASE_URL set from the configuration.
 */
#ifndef REQDESK_OUTBOX_H
#define REQDESK_OUTBOX_H

#include "util.h"	/* struct buf */

struct store;
struct tpl_dict;

/*
 * Queue one message of `event` about `object_id` to `recipient`,
 * rendering the templates with `d` (borrowed).  Must be called inside an
 * open transaction.  Returns 0, or -1 (the caller rolls back: out of
 * memory, a template missing, the database).  A notification never fails
 * the change it tells of: a recipient that is not one plain address is
 * logged and skipped (addresses are checked where they are entered), and
 * a control character in the subject (a line break typed in an address)
 * becomes a space.
 */
int  outbox_queue(struct store *st, const char *event, const char *object_id,
	const char *recipient, struct tpl_dict *d);

/* Queue the same message to the operator's mailbox ([mail] operator). */
int  outbox_queue_operator(struct store *st, const char *event,
	const char *object_id, struct tpl_dict *d);

/* Queue to a user by id (the user's e-mail from the users table). */
int  outbox_queue_user(struct store *st, const char *event,
	const char *object_id, const char *user_id, struct tpl_dict *d);

/*
 * The same in two steps, so that a change can render its messages before
 * it enters the group-commit writer (writer.h) and only store them there.
 * outbox_render(): 0, 1 when the recipient is skipped (as above; `m` is
 * then empty and outbox_add() stores nothing), or -1 (nothing to free);
 * `event` is borrowed and must outlive `m`.  outbox_add(): inside an open
 * transaction; 0 or -1.
 */
struct mail {
	const char	*event;
	char		*recipient;
	struct buf	 subject, body;
};
int  outbox_render(struct mail *m, const char *event, const char *recipient,
	struct tpl_dict *d);
int  outbox_add(struct store *st, const struct mail *m, const char *object_id);
void outbox_mail_free(struct mail *m);	/* accepts a zeroed mail */

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
 * Append the header value `v` (one line: the caller has taken out CR and
 * LF) to `b`: as it is when it is ASCII, else as RFC 2047 encoded words
 * (UTF-8, base64) of at most 75 characters, folded with CRLF SP, never
 * splitting a UTF-8 sequence.  0, or -1 (out of memory).
 */
int  mail_header_encode(struct buf *b, const char *v);


#endif
