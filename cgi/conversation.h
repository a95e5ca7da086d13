/*
 * conversation.h — what the two sides of a request say to each other,
 * on requests of both families (docs/CONVERSATIONS.md):
 *   replies   between the customer's staff and the operator, seen by both;
 *   internal notes  the operator's own, never shown to a customer;
 *   files     attached to a reply, to a note, or to the request itself
 *             (PDF, PNG, JPEG, CSV, text, checked from their content),
 *             each kept once however often it is sent.
 *
 * Owns: the rules of who may say what and see what, the bounds (length
 * of a text, size of a file, bytes and files per request), and the
 * storage of all three.  Domain.  Calls: store (the rows, in the
 * caller's scope), conv_mail (a reply's mail) and webhook (its event),
 * both in the note's transaction, filetype, config (the bounds), log,
 * util.  Never: knows HTTP, a page or a family's error shape (the
 * handlers turn an enum conv_result into their family's error).
 */
#ifndef REQDESK_CONVERSATION_H
#define REQDESK_CONVERSATION_H

#include <stddef.h>

struct store;
struct rows;
struct principal;
struct filetype;
struct idem;

enum conv_family { CONV_ORANGE, CONV_INTERNET };

#define CONV_TITLE_MAX	200	/* characters of a note's title */
#define CONV_BODY_MAX	10000	/* characters of its text */
#define CONV_FILES_MAX	10	/* files sent with one reply or note */
#define CONV_NAME_MAX	255	/* bytes of a file's name */
#define CONV_LIST_MAX	250	/* notes or files in one page of a list */

/* The request a conversation is about, as the caller may see it. */
struct conv_target {
	enum conv_family family;
	char	request_id[65];
	char	customer_id[65];	/* "" for a reseller's Internet request */
	char	created_by[25];
	char	state[16];		/* the request's status or state */
	char	reference[256];		/* the customer's reference, or "" */
	int	waiting;		/* open, and the operator's last public
					 * reply unanswered (the inbox's queue) */
	char	assignee[25];		/* the operator handling it, or "" */
};

/* The request `id` of `family` if the caller may see it: 1 with *t
 * filled, 0 when it does not exist for them, -1 on a storage error. */
int  conv_target(struct store *st, const struct principal *who,
	enum conv_family family, const char *id, struct conv_target *t);

/* Does `who` write on the operator's side (and read internal notes)? */
int  conv_is_operator(const struct principal *who);

/* Does the request wait for the customer's answer?  It is open and
 * the operator's last public reply is unanswered (docs/INBOX.md: kept
 * by the queue's trigger in the note's transaction). */
int  conv_waits(const struct conv_target *t);

/* May `who` write on a request they see (VIEWERs only read)? */
int  conv_may_write(const struct principal *who);

enum conv_result {
	CONV_ERROR = -1,	/* storage, memory: nothing was stored */
	CONV_OK = 0,
	CONV_READ_ONLY,		/* the caller only reads (conv_may_write) */
	CONV_INTERNAL_DENIED,	/* an internal note by someone not the operator */
	CONV_TEXT_EMPTY,	/* the text is missing or blank */
	CONV_TEXT_LONG,		/* over CONV_BODY_MAX characters */
	CONV_TITLE_LONG,	/* over CONV_TITLE_MAX characters */
	CONV_TEXT_INVALID,	/* not UTF-8, or a control character */
	CONV_FILE_NAME,		/* a file without a usable name */
	CONV_FILE_EMPTY,	/* a file of 0 bytes */
	CONV_FILE_LARGE,	/* over [attachments] file_max */
	CONV_FILE_TYPE,		/* not one of the accepted kinds */
	CONV_FILES_MANY,	/* over CONV_FILES_MAX in one note */
	CONV_REQUEST_FULL,	/* the request's files would pass request_max or files_per_request */
	CONV_AGAIN,		/* the form's token made a note already (its id) */
};

/* One file as it was sent; `declared` the type or name given with it. */
struct conv_file {
	const char	*name;
	const void	*data;
	size_t		 len;
	const char	*declared;
};

/*
 * A JSON creation under an Idempotency-Key (idempotency.h): `ik` a key
 * in state IDEM_NEW, and `answer`, called inside the creation's
 * transaction with the id of the note or file just stored, which
 * records the answer with idem_record() (0, or -1: nothing is kept).
 * When another request stored the key first, nothing is created, CONV_OK
 * is returned and ik holds the first answer (IDEM_REPLAY) or
 * IDEM_MISMATCH; after a creation it holds the answer recorded.
 */
struct conv_key {
	struct idem	*ik;
	int		(*answer)(struct store *st, void *ctx, const char *id,
			    struct idem *ik);
	void		*ctx;
};

/*
 * Add a reply (or, with `internal`, an internal note) to the request,
 * with `nfiles` files, in one transaction: all of it is stored, or
 * nothing.  `title` may be NULL (then the first words of the text);
 * `key` NULL, or the Idempotency-Key it is created under.
 * On CONV_OK id[25] holds the note's id; on a file's problem *bad the
 * index of that file.  Returns an enum conv_result.
 */
int  conv_note_add(struct store *st, const struct principal *who,
	const struct conv_target *t, const char *title, const char *text,
	int internal, const struct conv_file *files, size_t nfiles,
	const struct conv_key *key, char id[25], size_t *bad);

/*
 * The same from a page's reply form: `form_token` (32 hex digits, or
 * NULL) is the form's one-time token; a form sent again with it stores
 * nothing and answers CONV_AGAIN with the first note's id.
 */
int  conv_note_add_form(struct store *st, const struct principal *who,
	const struct conv_target *t, const char *text, int internal,
	const struct conv_file *files, size_t nfiles, const char *form_token,
	char id[25], size_t *bad);

/*
 * Which of the requests `ids` (a JSON array of ids of `family`, those
 * of one page of a list the caller already sees) wait for the customer:
 * fn(ctx, id) for each.  One bounded query.  0 or -1.
 */
int  conv_waiting_each(struct store *st, enum conv_family family,
	const char *ids, void (*fn)(void *ctx, const char *id), void *ctx);

/* Attach one file to the request itself (the JSON attachments route),
 * under `key` as conv_note_add (or NULL); id[25] the file's id.  An enum
 * conv_result. */
int  conv_attach(struct store *st, const struct principal *who,
	const struct conv_target *t, const struct conv_file *f, int internal,
	const struct conv_key *key, char id[25]);

/* Text fit to be stored (UTF-8, line breaks and tabs only as control
 * characters) and within `max` characters: CONV_OK, CONV_TEXT_EMPTY
 * (blank, when `required`), CONV_TEXT_LONG or CONV_TEXT_INVALID. */
int  conv_text_check(const char *s, size_t max, int required);

/*
 * The notes the caller may read on the request (internal ones for the
 * operator only), oldest first, `limit` from `offset`: rows of enum
 * note_col (store.h), NULL on error; *total all of them.
 */
struct rows *conv_notes(struct store *st, const struct principal *who,
	const struct conv_target *t, long long offset, long long limit,
	long long *total);

/* The same for the request's files: rows of enum att_col. */
struct rows *conv_files(struct store *st, const struct principal *who,
	const struct conv_target *t, long long offset, long long limit,
	long long *total);

/* One note or one file by id, if the caller may read it: rows of
 * enum note_col / att_col positioned on it (store_row() == 1 already
 * done), or NULL with *err 0 (none) or -1. */
struct rows *conv_note_get(struct store *st, const struct principal *who,
	const struct conv_target *t, const char *note_id, int *err);
struct rows *conv_file_get(struct store *st, const struct principal *who,
	const struct conv_target *t, const char *file_id, int *err);

/* A file's content, for a download: rows of enum data_col positioned on
 * it (read it with store_blob()), or NULL with *err 0 (none) or -1. */
struct rows *conv_file_data(struct store *st, const struct principal *who,
	const struct conv_target *t, const char *file_id, int *err);

/* The family's name in the tables ("orange", "internet"). */
const char *conv_family_name(enum conv_family f);

#endif
