/*
 * conversation.c — replies, internal notes and attached files on the
 * requests of both families; contract in conversation.h, choices in
 * docs/CONVERSATIONS.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "auth.h"
#include "config.h"
#include "conv_mail.h"
#include "conversation.h"
#include "filetype.h"
#include "idempotency.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "webhook.h"

#define TITLE_FROM_TEXT	80	/* characters of a title made from the text */

const char *
conv_family_name(enum conv_family f)
{
	return f == CONV_ORANGE ? "orange" : "internet";
}

int
conv_is_operator(const struct principal *who)
{
	return who != NULL && who->level == LVL_ADMIN;
}

int
conv_waits(const struct conv_target *t)
{
	return t->waiting;
}

int
conv_may_write(const struct principal *who)
{
	return who != NULL && who->level != LVL_VIEWER;
}

/* Copy a column into a fixed buffer ("" for NULL). */
static void
col_copy(char *out, size_t len, struct rows *s, int col)
{
	const char *v = store_text(s, col);

	snprintf(out, len, "%s", v != NULL ? v : "");
}

int
conv_target(struct store *st, const struct principal *who, enum conv_family family,
    const char *id, struct conv_target *t)
{
	struct rows	*s;
	int		 rc;

	memset(t, 0, sizeof(*t));
	if (id == NULL || strlen(id) >= sizeof(t->request_id))
		return 0;
	if ((s = store_query(st, family == CONV_ORANGE ? ST_CONV_ORANGE_TARGET :
	    ST_CONV_INET_TARGET, "isss", SCOPE_ARGS(who), id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		t->family = family;
		snprintf(t->request_id, sizeof(t->request_id), "%s", id);
		col_copy(t->customer_id, sizeof(t->customer_id), s, TARGET_CUSTOMER_ID);
		col_copy(t->created_by, sizeof(t->created_by), s, TARGET_CREATED_BY);
		col_copy(t->state, sizeof(t->state), s, TARGET_STATE);
		col_copy(t->reference, sizeof(t->reference), s, TARGET_REFERENCE);
		t->waiting = store_int(s, TARGET_WAITING) != 0;
		col_copy(t->assignee, sizeof(t->assignee), s, TARGET_ASSIGNEE);
	}
	store_done(s);
	return rc;
}

int
conv_text_check(const char *s, size_t max, int required)
{
	const unsigned char	*p;
	int			 blank = 1;

	if (s == NULL)
		return required ? CONV_TEXT_EMPTY : CONV_OK;
	if (utf8_valid_len(s) != strlen(s))
		return CONV_TEXT_INVALID;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t') || *p == 0x7f)
			return CONV_TEXT_INVALID;
		if (*p != ' ' && *p != '\n' && *p != '\r' && *p != '\t')
			blank = 0;
	}
	if (blank && required)
		return CONV_TEXT_EMPTY;
	if (utf8_chars(s, strlen(s)) > max)
		return CONV_TEXT_LONG;
	return CONV_OK;
}

/* A title from the first line of `text`: at most TITLE_FROM_TEXT
 * characters, cut at a word when it must be cut. */
static void
title_from(const char *text, char *out, size_t len)
{
	size_t i = 0, chars = 0, cut = 0;

	text += strspn(text, " \t\r\n");
	while (text[i] != '\0' && text[i] != '\n' && text[i] != '\r' && i + 4 < len) {
		if (((unsigned char)text[i] & 0xc0) != 0x80) {
			if (chars == TITLE_FROM_TEXT)
				break;
			chars++;
			if (text[i] == ' ')
				cut = i;
		}
		i++;
	}
	/* never inside a character: back to its first byte */
	while (i > 0 && ((unsigned char)text[i] & 0xc0) == 0x80)
		i--;
	if (text[i] != '\0' && text[i] != '\n' && text[i] != '\r' && cut > 0)
		i = cut;	/* longer than a title: at the last word */
	memcpy(out, text, i);
	out[i] = '\0';
	while (i > 0 && (out[i - 1] == ' ' || out[i - 1] == '\t'))
		out[--i] = '\0';
}

/* The checks of one file that need no storage; *kind its kind. */
static int
file_check(const struct conv_file *f, const struct filetype **kind)
{
	int err;

	if (f->name == NULL || f->name[0] == '\0' || strlen(f->name) > CONV_NAME_MAX ||
	    conv_text_check(f->name, CONV_NAME_MAX, 1) != CONV_OK ||
	    strpbrk(f->name, "\r\n\t/\\") != NULL)
		return CONV_FILE_NAME;
	if (f->len == 0)
		return CONV_FILE_EMPTY;
	if (f->len > (size_t)config.attach_file_max)
		return CONV_FILE_LARGE;
	if ((*kind = filetype_of(f->data, f->len, f->declared != NULL ? f->declared :
	    f->name, &err)) == NULL)
		return err ? CONV_ERROR : CONV_FILE_TYPE;
	return CONV_OK;
}

/* Store one checked file inside the open transaction. */
static int
file_store(struct store *st, const struct principal *who, const struct conv_target *t,
    const struct conv_file *f, const struct filetype *kind, const char *note_id,
    int internal, const char *now, char id[25])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];
	char		 hex[65];
	struct rows	*s;
	long long	 blob;
	int		 rc;

	crypto_hash_sha256(h, f->data, f->len);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	if (store_exec(st, ST_BLOB_ADD, "sIb", hex, (long long)f->len, f->data, f->len) < 0)
		return CONV_ERROR;
	if ((s = store_query(st, ST_BLOB_ID, "s", hex)) == NULL)
		return CONV_ERROR;
	rc = store_row(s);
	blob = rc == 1 ? store_int(s, BLOBID_ID) : 0;
	store_done(s);
	if (rc != 1 || new_object_id(id) < 0)
		return CONV_ERROR;
	if (store_exec(st, ST_ATT_ADD, "ssssissIIss", id, conv_family_name(t->family),
	    t->request_id, note_id, internal, f->name, kind->mime, (long long)f->len,
	    blob, who->user_id, now) != 1)
		return CONV_ERROR;
	return CONV_OK;
}

/* Do `nfiles` more files of `bytes` fit in the request?  Inside the
 * transaction, so that two uploads at once cannot both pass. */
static int
request_room(struct store *st, const struct conv_target *t, size_t nfiles,
    unsigned long long bytes)
{
	struct rows	*s;
	long long	 used = 0, count = 0;
	int		 rc;

	if ((s = store_query(st, ST_ATT_USAGE, "ss", conv_family_name(t->family),
	    t->request_id)) == NULL)
		return CONV_ERROR;
	if ((rc = store_row(s)) == 1) {
		used = store_int(s, USAGE_BYTES);
		count = store_int(s, USAGE_FILES);
	}
	store_done(s);
	if (rc < 0)
		return CONV_ERROR;
	if ((unsigned long long)used + bytes > (unsigned long long)config.attach_request_max ||
	    (unsigned long long)count + nfiles > (unsigned long long)config.attach_request_files)
		return CONV_REQUEST_FULL;
	return CONV_OK;
}

/* What a reply does besides itself, inside its transaction: the mail
 * to the other side (conv_mail.h); an internal note mails nobody.
 * ("Waiting for the customer" and the inbox's activity follow the note
 * by storage's trigger.)  CONV_OK or CONV_ERROR. */
static int
note_after(struct store *st, const struct principal *who, const struct conv_target *t,
    const char *id, const char *text, int internal, const struct conv_file *files,
    const struct filetype *const *kinds, size_t nfiles, const char *now)
{
	const char	*mimes[CONV_FILES_MAX];
	size_t		 i;

	if (internal)
		return CONV_OK;
	for (i = 0; i < nfiles; i++)
		mimes[i] = kinds[i]->mime;
	if (conv_mail_reply(st, who, t, id, text, now, files, mimes, nfiles) < 0)
		return CONV_ERROR;
	return CONV_OK;
}

/* The note a form's token made already: 1 with id, 0, or -1. */
static int
note_by_token(struct store *st, const struct principal *who, const struct conv_target *t,
    const char *token, char id[25])
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_NOTE_BY_TOKEN, "ssss", who->user_id, token,
	    conv_family_name(t->family), t->request_id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		snprintf(id, 25, "%s", store_text(s, NOTEID_ID));
	store_done(s);
	return rc;
}

/* A reply or a note with its files, as one unit of work. */
struct note_unit {
	const struct principal	*who;
	const struct conv_target *t;
	const char		*title, *text, *token, *now;
	int			 internal;
	const struct conv_file	*files;
	const struct filetype	**kinds;
	size_t			 nfiles;
	unsigned long long	 bytes;
	const struct conv_key	*key;
	char			*id;		/* [25]: the note made (or found) */
};

/* write_fn: the note, its files, what follows them (the waiting flag,
 * mails, the webhook event).  CONV_OK, or the refusal: nothing kept. */
static int
note_unit(struct store *st, void *arg)
{
	const struct note_unit	*u = arg;
	const struct conv_target *t = u->t;
	char			 fid[25];
	size_t			 i;
	int			 rc;

	if (u->token != NULL && (rc = note_by_token(st, u->who, t, u->token, u->id)) != 0)
		return rc < 0 ? CONV_ERROR : CONV_AGAIN;	/* nothing to keep */
	if (u->nfiles > 0 && (rc = request_room(st, t, u->nfiles, u->bytes)) != CONV_OK)
		return rc;
	if (store_exec(st, ST_NOTE_ADD, "sssissssss", u->id, conv_family_name(t->family),
	    t->request_id, u->internal, conv_is_operator(u->who) ? "operator" : "customer",
	    u->who->user_id, u->title, u->text, u->now, u->token) != 1)
		return CONV_ERROR;
	for (i = 0; i < u->nfiles; i++)
		if ((rc = file_store(st, u->who, t, &u->files[i], u->kinds[i], u->id,
		    u->internal, u->now, fid)) != CONV_OK)
			return rc;
	if ((rc = note_after(st, u->who, t, u->id, u->text, u->internal, u->files,
	    u->kinds, u->nfiles, u->now)) != CONV_OK)
		return rc;
	if (hook_note_added(st, t, u->id, u->title, u->text, u->internal,
	    conv_is_operator(u->who) ? "operator" : "customer", u->who->user_id,
	    u->who->name, u->now) < 0)
		return CONV_ERROR;
	return CONV_OK;
}

/* idem_answer_fn of a note: the caller's answer with the note's id. */
static int
note_answer(struct store *st, void *arg, struct idem *ik)
{
	const struct note_unit *u = arg;

	return u->key->answer(st, u->key->ctx, u->id, ik);
}

/* Run unit `fn` (arg `u`), under the key when there is one. */
static int
conv_write(struct store *st, const struct conv_key *key, write_fn fn, void *u,
    idem_answer_fn answer)
{
	if (key == NULL || key->ik == NULL)
		return store_write(st, fn, u);
	return idem_write(st, key->ik, fn, u, answer);
}

/* Whether a creation under `key` found its key stored by another. */
static int
key_found(const struct conv_key *key)
{
	return key != NULL && key->ik != NULL && (key->ik->state == IDEM_REPLAY ||
	    key->ik->state == IDEM_MISMATCH);
}

static int
note_add(struct store *st, const struct principal *who, const struct conv_target *t,
    const char *title, const char *text, int internal, const struct conv_file *files,
    size_t nfiles, const char *token, const struct conv_key *key, char id[25],
    size_t *bad)
{
	const struct filetype	*kinds[CONV_FILES_MAX];
	char			 now[32], made[TITLE_FROM_TEXT * 4 + 8];
	struct note_unit	 u = { .who = who, .t = t, .text = text, .token = token,
	    .now = now, .internal = internal, .files = files, .kinds = kinds,
	    .nfiles = nfiles, .key = key, .id = id };
	size_t			 i;
	int			 rc;

	*bad = 0;
	if (!conv_may_write(who))
		return CONV_READ_ONLY;
	if (internal && !conv_is_operator(who))
		return CONV_INTERNAL_DENIED;
	if ((rc = conv_text_check(text, CONV_BODY_MAX, 1)) != CONV_OK)
		return rc;
	if (title != NULL && (rc = conv_text_check(title, CONV_TITLE_MAX, 0)) != CONV_OK)
		return rc == CONV_TEXT_LONG ? CONV_TITLE_LONG : rc;
	if (title == NULL || title[strspn(title, " \t\r\n")] == '\0') {
		title_from(text, made, sizeof(made));
		title = made;
	}
	u.title = title;
	if (nfiles > CONV_FILES_MAX)
		return CONV_FILES_MANY;
	for (i = 0; i < nfiles; i++) {
		if ((rc = file_check(&files[i], &kinds[i])) != CONV_OK) {
			*bad = i;
			return rc;
		}
		u.bytes += files[i].len;
	}
	if (new_object_id(id) < 0)
		return CONV_ERROR;
	now_iso(now);
	if ((rc = conv_write(st, key, note_unit, &u, note_answer)) != CONV_OK)
		return rc;
	if (key_found(key))
		return CONV_OK;		/* another request made it: its answer */
	log_info("%s request %s: %s %s by %s with %zu file(s)",
	    conv_family_name(t->family), t->request_id, internal ? "internal note" :
	    "reply", id, who->user_id, nfiles);
	return CONV_OK;
}

int
conv_note_add(struct store *st, const struct principal *who, const struct conv_target *t,
    const char *title, const char *text, int internal, const struct conv_file *files,
    size_t nfiles, const struct conv_key *key, char id[25], size_t *bad)
{
	return note_add(st, who, t, title, text, internal, files, nfiles, NULL, key, id,
	    bad);
}

int
conv_note_add_form(struct store *st, const struct principal *who,
    const struct conv_target *t, const char *text, int internal,
    const struct conv_file *files, size_t nfiles, const char *form_token,
    char id[25], size_t *bad)
{
	if (form_token != NULL && (strlen(form_token) != 32 || !is_hex(form_token, 32)))
		form_token = NULL;
	return note_add(st, who, t, NULL, text, internal, files, nfiles, form_token,
	    NULL, id, bad);
}

int
conv_waiting_each(struct store *st, enum conv_family family, const char *ids,
    void (*fn)(void *ctx, const char *id), void *ctx)
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_CONV_WAITING_OF, "ss", conv_family_name(family),
	    ids)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1)
		fn(ctx, store_text(s, NOTEID_ID));
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* A file attached to the request itself, as one unit of work. */
struct attach_unit {
	const struct principal	*who;
	const struct conv_target *t;
	const struct conv_file	*f;
	const struct filetype	*kind;
	int			 internal;
	const char		*now;
	const struct conv_key	*key;
	char			*id;		/* [25] */
};

/* write_fn: room for it, then the file.  CONV_OK or the refusal. */
static int
attach_unit(struct store *st, void *arg)
{
	const struct attach_unit *u = arg;
	int			 rc;

	if ((rc = request_room(st, u->t, 1, u->f->len)) != CONV_OK)
		return rc;
	return file_store(st, u->who, u->t, u->f, u->kind, NULL, u->internal, u->now,
	    u->id);
}

/* idem_answer_fn of a file: the caller's answer with the file's id. */
static int
attach_answer(struct store *st, void *arg, struct idem *ik)
{
	const struct attach_unit *u = arg;

	return u->key->answer(st, u->key->ctx, u->id, ik);
}

int
conv_attach(struct store *st, const struct principal *who, const struct conv_target *t,
    const struct conv_file *f, int internal, const struct conv_key *key, char id[25])
{
	char			 now[32];
	struct attach_unit	 u = { .who = who, .t = t, .f = f, .internal = internal,
	    .now = now, .key = key, .id = id };
	int			 rc;

	if (!conv_may_write(who))
		return CONV_READ_ONLY;
	if (internal && !conv_is_operator(who))
		return CONV_INTERNAL_DENIED;
	if ((rc = file_check(f, &u.kind)) != CONV_OK)
		return rc;
	now_iso(now);
	if ((rc = conv_write(st, key, attach_unit, &u, attach_answer)) != CONV_OK)
		return rc;
	if (key_found(key))
		return CONV_OK;		/* another request made it: its answer */
	log_info("%s request %s: file %s (%s, %zu bytes) by %s",
	    conv_family_name(t->family), t->request_id, id, u.kind->mime, f->len,
	    who->user_id);
	return CONV_OK;
}

/* A count of `id` for the target and the caller; -1 on error. */
static long long
count_of(struct store *st, enum stmt id, const struct principal *who,
    const struct conv_target *t)
{
	return store_count(st, id, "ssi", conv_family_name(t->family), t->request_id,
	    conv_is_operator(who));
}

static struct rows *
list_of(struct store *st, enum stmt count, enum stmt list, const struct principal *who,
    const struct conv_target *t, long long offset, long long limit, long long *total)
{
	if ((*total = count_of(st, count, who, t)) < 0)
		return NULL;
	if (limit > CONV_LIST_MAX)
		limit = CONV_LIST_MAX;
	return store_query(st, list, "ssiII", conv_family_name(t->family),
	    t->request_id, conv_is_operator(who), limit, offset);
}

struct rows *
conv_notes(struct store *st, const struct principal *who, const struct conv_target *t,
    long long offset, long long limit, long long *total)
{
	return list_of(st, ST_NOTE_COUNT, ST_NOTE_LIST, who, t, offset, limit, total);
}

struct rows *
conv_files(struct store *st, const struct principal *who, const struct conv_target *t,
    long long offset, long long limit, long long *total)
{
	return list_of(st, ST_ATT_COUNT, ST_ATT_LIST, who, t, offset, limit, total);
}

/* One row of `id` by its own id, positioned; NULL with *err. */
static struct rows *
one_of(struct store *st, enum stmt id, const struct principal *who,
    const struct conv_target *t, const char *key, int *err)
{
	struct rows	*s;
	int		 rc;

	*err = 0;
	if (key == NULL || strlen(key) != 24 || !is_hex(key, 24))
		return NULL;
	if ((s = store_query(st, id, "sssi", key, conv_family_name(t->family),
	    t->request_id, conv_is_operator(who))) == NULL) {
		*err = -1;
		return NULL;
	}
	if ((rc = store_row(s)) != 1) {
		store_done(s);
		*err = rc < 0 ? -1 : 0;
		return NULL;
	}
	return s;
}

struct rows *
conv_note_get(struct store *st, const struct principal *who, const struct conv_target *t,
    const char *note_id, int *err)
{
	return one_of(st, ST_NOTE_GET, who, t, note_id, err);
}

struct rows *
conv_file_get(struct store *st, const struct principal *who, const struct conv_target *t,
    const char *file_id, int *err)
{
	return one_of(st, ST_ATT_GET, who, t, file_id, err);
}

struct rows *
conv_file_data(struct store *st, const struct principal *who, const struct conv_target *t,
    const char *file_id, int *err)
{
	return one_of(st, ST_ATT_DATA, who, t, file_id, err);
}
