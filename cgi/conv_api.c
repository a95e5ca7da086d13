/*
 * conv_api.c — the JSON routes of conversations (docs/CONVERSATIONS.md),
 * in each family's shapes:
 *
 *   GET|POST /ordering/b2b/v2/requests/{id}/notes         Orange Note
 *   GET|POST /ordering/b2b/v2/requests/{id}/attachments   Orange Attachment
 *   GET      /ordering/b2b/v2/requests/{id}/attachments/{id}  the file
 *   GET|POST /internet/request/{id}/notes                  TelecomX
 *   GET|POST /internet/request/{id}/attachments
 *   GET      /internet/request/{id}/attachments/{id}
 *
 * Handlers: read the body or the query, call conversation.c, turn its
 * enum conv_result into the family's error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "auth.h"
#include "config.h"
#include "conv_api.h"
#include "conversation.h"
#include "http.h"
#include "idempotency.h"
#include "log.h"
#include "reply.h"
#include "store.h"

/* The family of the route, and its request as the caller sees it: 1,
 * or 0 after answering (404), or -1. */
static int
target(struct req *r, enum conv_family *fam, struct conv_target *t)
{
	int rc;

	*fam = r->family == FAM_ORANGE ? CONV_ORANGE : CONV_INTERNET;
	if ((rc = conv_target(r->store, r->who, *fam, r->param, t)) < 0)
		return -1;
	if (rc == 0) {
		if (*fam == CONV_ORANGE)
			return reply_error(r, HERR_NOT_FOUND, "No request with this id.") < 0 ? -1 : 0;
		return reply_xerr(r, XERR_REQUEST_NOT_FOUND, NULL, NULL, NULL) < 0 ? -1 : 0;
	}
	return 1;
}

/* offset and limit of a list (Orange: limit 0..250, default 250; TelecomX:
 * 1..250, default 100); 0, or 1 after answering 400. */
static int
list_query(struct req *r, enum conv_family fam, long long *offset, long long *limit)
{
	if (req_query_int(r, "offset", 0, 0, 1LL << 40, offset) < 0 ||
	    req_query_int(r, "limit", fam == CONV_ORANGE ? CONV_LIST_MAX : 100,
	    fam == CONV_ORANGE ? 0 : 1, CONV_LIST_MAX, limit) < 0) {
		if (fam == CONV_ORANGE)
			reply_error(r, HERR_BAD_QUERY, "'offset' must be 0 or more and "
			    "'limit' between 0 and 250.");
		else
			reply_xerr(r, XERR_QUERY_LIST, "limit", "limit", NULL);
		return 1;
	}
	return 0;
}

/* The list answer: Orange an array with X-Total-Count and X-Result-Count,
 * TelecomX {offset, limit, total, KEY: [...]}. */
static int
list_answer(struct req *r, enum conv_family fam, const char *key, json_t *items,
    long long offset, long long limit, long long total)
{
	char n[32];

	if (fam == CONV_ORANGE) {
		snprintf(n, sizeof(n), "%lld", total);
		resp_header(r, "X-Total-Count", n);
		snprintf(n, sizeof(n), "%zu", json_array_size(items));
		resp_header(r, "X-Result-Count", n);
		return resp_json_new(r, 200, items);
	}
	return resp_json_new(r, 200, json_pack("{sIsIsIso}", "offset", (json_int_t)offset,
	    "limit", (json_int_t)limit, "total", (json_int_t)total, key, items));
}

/* A note as the family shows it to the caller. */
static json_t *
note_json(const struct req *r, enum conv_family fam, struct rows *s)
{
	int		 operator = strcmp(store_text(s, NOTE_SIDE), "operator") == 0;
	const char	*name = store_text(s, NOTE_AUTHOR_NAME);
	json_t		*o;

	if (fam == CONV_ORANGE) {
		/* the operator's staff sign as the operator (the reference's "Orange") */
		o = json_pack("{ss ss ss ss ss ss}", "id", store_text(s, NOTE_ID),
		    "title", store_text(s, NOTE_TITLE), "body", store_text(s, NOTE_BODY),
		    "author", operator ? config.operator_name : name != NULL ? name : "",
		    "createdAt", store_text(s, NOTE_CREATED),
		    "updatedAt", store_text(s, NOTE_CREATED));
	} else {
		o = json_pack("{ss ss s{ss ss} ss ss}", "_id", store_text(s, NOTE_ID),
		    "text", store_text(s, NOTE_BODY),
		    "author", "_id", store_text(s, NOTE_AUTHOR_ID),
		    "name", name != NULL ? name : "",
		    "side", store_text(s, NOTE_SIDE),
		    "created", store_text(s, NOTE_CREATED));
	}
	if (o != NULL && conv_is_operator(r->who))
		json_object_set_new(o, "internal", json_boolean(store_int(s, NOTE_INTERNAL)));
	return o;
}

/* The address a file is downloaded from. */
static void
file_href(const struct req *r, enum conv_family fam, const char *id, char *out, size_t len)
{
	snprintf(out, len, fam == CONV_ORANGE ?
	    "/ordering/b2b/v2/requests/%s/attachments/%s" :
	    "/internet/request/%s/attachments/%s", r->param, id);
}

static const char *
ext_of(const char *mime)
{
	return strcmp(mime, "application/pdf") == 0 ? "pdf" :
	    strcmp(mime, "image/png") == 0 ? "png" :
	    strcmp(mime, "image/jpeg") == 0 ? "jpg" :
	    strcmp(mime, "text/csv") == 0 ? "csv" : "txt";
}

static json_t *
file_json(const struct req *r, enum conv_family fam, struct rows *s)
{
	char	 href[256];
	json_t	*o;

	file_href(r, fam, store_text(s, ATT_ID), href, sizeof(href));
	if (fam == CONV_ORANGE)
		o = json_pack("{ss ss ss ss sI ss ss ss ss}", "id", store_text(s, ATT_ID),
		    "name", store_text(s, ATT_NAME), "mimeType", store_text(s, ATT_MIME),
		    "type", ext_of(store_text(s, ATT_MIME)),
		    "size", (json_int_t)store_int(s, ATT_SIZE),
		    "sha256", store_text(s, ATT_SHA256), "href", href,
		    "createdAt", store_text(s, ATT_CREATED),
		    "updatedAt", store_text(s, ATT_CREATED));
	else
		o = json_pack("{ss ss ss sI ss ss ss}", "_id", store_text(s, ATT_ID),
		    "name", store_text(s, ATT_NAME), "mimeType", store_text(s, ATT_MIME),
		    "size", (json_int_t)store_int(s, ATT_SIZE),
		    "sha256", store_text(s, ATT_SHA256), "href", href,
		    "created", store_text(s, ATT_CREATED));
	if (o != NULL && store_text(s, ATT_NOTE_ID) != NULL)
		json_object_set_new(o, fam == CONV_ORANGE ? "noteId" : "note",
		    json_string(store_text(s, ATT_NOTE_ID)));
	if (o != NULL && conv_is_operator(r->who))
		json_object_set_new(o, "internal", json_boolean(store_int(s, ATT_INTERNAL)));
	return o;
}

/* GET .../notes and GET .../attachments */
static int
list(struct req *r, int files)
{
	struct conv_target	 t;
	enum conv_family	 fam;
	struct rows		*s;
	json_t			*items, *o;
	long long		 offset, limit, total;
	int			 rc;

	if ((rc = target(r, &fam, &t)) <= 0)
		return rc;
	if (list_query(r, fam, &offset, &limit) != 0)
		return 0;
	s = files ? conv_files(r->store, r->who, &t, offset, limit, &total) :
	    conv_notes(r->store, r->who, &t, offset, limit, &total);
	if (s == NULL || (items = json_array()) == NULL) {
		store_done(s);
		return -1;
	}
	while ((rc = store_row(s)) == 1)
		if ((o = files ? file_json(r, fam, s) : note_json(r, fam, s)) == NULL ||
		    json_array_append_new(items, o) < 0) {
			rc = -1;
			break;
		}
	store_done(s);
	if (rc < 0) {
		json_decref(items);
		return -1;
	}
	return list_answer(r, fam, files ? "attachments" : "notes", items, offset,
	    limit, total);
}

int
api_notes(struct req *r)
{
	return list(r, 0);
}

int
api_files(struct req *r)
{
	return list(r, 1);
}

/* A conv_result as the family's error; `path` the field it is about. */
static int
refuse(struct req *r, enum conv_family fam, int rc, const char *path)
{
	char limit[32];

	snprintf(limit, sizeof(limit), "%lld bytes", config.attach_file_max);
	if (config.attach_file_max % (1024 * 1024) == 0)
		snprintf(limit, sizeof(limit), "%lld MiB", config.attach_file_max >> 20);
	if (fam == CONV_ORANGE) {
		switch (rc) {
		case CONV_READ_ONLY:
			return reply_error(r, HERR_FORBIDDEN, NULL);
		case CONV_INTERNAL_DENIED:
			return reply_error(r, HERR_FORBIDDEN,
			    "Only the operator writes internal notes.");
		case CONV_TEXT_EMPTY:
			return reply_oerr(r, OERR_MISSING, path, NULL);
		case CONV_TEXT_LONG:
			return reply_oerr(r, OERR_TOP_INVALID, path, "10000");
		case CONV_TITLE_LONG:
			return reply_oerr(r, OERR_TOP_INVALID, "title", "200");
		case CONV_TEXT_INVALID:
			return reply_oerr(r, OERR_TOP_TEXT, path, NULL);
		case CONV_FILE_NAME:
			return reply_oerr(r, OERR_FILE_NAME, "name", NULL);
		case CONV_FILE_EMPTY:
			return reply_oerr(r, OERR_FILE_EMPTY, "body", NULL);
		case CONV_FILE_TYPE:
			return reply_oerr(r, OERR_FILE_TYPE, "body", NULL);
		case CONV_FILE_LARGE: {
			char why[96];
			snprintf(why, sizeof(why), "The file is larger than %s.", limit);
			return reply_error(r, HERR_TOO_LARGE, why);
		}
		case CONV_FILES_MANY:
		case CONV_REQUEST_FULL:
			return reply_error(r, HERR_CONFLICT,
			    "This request holds as many files as it may; no more can be added.");
		}
		return -1;
	}
	switch (rc) {
	case CONV_READ_ONLY:
		return reply_xerr(r, XERR_ACCESS, NULL, NULL, NULL);
	case CONV_INTERNAL_DENIED:
		return reply_xerr(r, XERR_INTERNAL_ACCESS, "internal", "internal", NULL);
	case CONV_TEXT_EMPTY:
		return reply_xerr(r, XERR_TEXT_REQUIRED, path, path, NULL);
	case CONV_TEXT_LONG:
		return reply_xerr(r, XERR_LENGTH, path, path, "10000");
	case CONV_TITLE_LONG:
		return reply_xerr(r, XERR_LENGTH, "title", "title", "200");
	case CONV_TEXT_INVALID:
		return reply_xerr(r, XERR_TEXT_INVALID, path, path, NULL);
	case CONV_FILE_NAME:
		return reply_xerr(r, XERR_FILE_NAME, "name", "name", NULL);
	case CONV_FILE_EMPTY:
		return reply_xerr(r, XERR_FILE_EMPTY, "body", "body", NULL);
	case CONV_FILE_TYPE:
		return reply_xerr(r, XERR_FILE_TYPE, "body", "body", NULL);
	case CONV_FILE_LARGE:
		return reply_xerr(r, XERR_FILE_LARGE, "body", "body", limit);
	case CONV_FILES_MANY:
	case CONV_REQUEST_FULL:
		return reply_xerr(r, XERR_REQUEST_FULL, "attachments", NULL, NULL);
	}
	return -1;
}

/* A body member that must be a string if present: 0, or the family's
 * error answered and 1. */
static int
want_string(struct req *r, enum conv_family fam, const json_t *body, const char *key,
    const char **out)
{
	const json_t *v = json_object_get(body, key);

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v)) {
		if (fam == CONV_ORANGE)
			reply_oerr(r, OERR_TOP_TEXT, key, NULL);
		else
			reply_xerr(r, XERR_NOT_STRING, key, key, NULL);
		return 1;
	}
	*out = json_string_value(v);
	return 0;
}

/* "internal": absent, true or false; 0, or 1 after answering. */
static int
want_internal(struct req *r, enum conv_family fam, const json_t *body, int *internal)
{
	const json_t *v = json_object_get(body, "internal");

	*internal = 0;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_boolean(v)) {
		if (fam == CONV_ORANGE)
			reply_oerr(r, OERR_TOP_BOOLEAN, "internal", NULL);
		else
			reply_xerr(r, XERR_NOT_BOOLEAN, "internal", "internal", NULL);
		return 1;
	}
	*internal = json_is_true(v);
	return 0;
}

/* The answer to the creation of note or file `id`, read on `st`: its
 * JSON (NULL: not read back, or out of memory) and its address in loc. */
static json_t *
created_json(struct req *r, struct store *st, enum conv_family fam,
    const struct conv_target *t, const char *id, int file, char loc[256])
{
	struct rows	*s;
	json_t		*o;
	int		 err;

	if (file)
		file_href(r, fam, id, loc, 256);
	else
		snprintf(loc, 256, fam == CONV_ORANGE ?
		    "/ordering/b2b/v2/requests/%s/notes" : "/internet/request/%s/notes",
		    r->param);
	s = file ? conv_file_get(st, r->who, t, id, &err) :
	    conv_note_get(st, r->who, t, id, &err);
	if (s == NULL)
		return NULL;
	o = file ? file_json(r, fam, s) : note_json(r, fam, s);
	store_done(s);
	return o;
}

/* Answer 201 with the note or file `id` just stored, Content-Location
 * its address. */
static int
created(struct req *r, enum conv_family fam, const struct conv_target *t,
    const char *id, int file)
{
	json_t	*o;
	char	 loc[256];

	if ((o = created_json(r, r->store, fam, t, id, file, loc)) == NULL) {
		/* Committed: answer with the id rather than a 500 a client retries */
		log_err("%s %s stored, not read back", file ? "file" : "note", id);
		return resp_json_new(r, 201, json_pack("{ss}", fam == CONV_ORANGE ?
		    "id" : "_id", id));
	}
	resp_header(r, "Content-Location", loc);
	return resp_json_new(r, 201, o);
}

/* What a creation under an Idempotency-Key answers, for conv_key. */
struct keyed {
	struct req			*r;
	enum conv_family		 fam;
	const struct conv_target	*t;
	int				 file;
};

/* conv_key's answer: the 201 of the note or file `id`, read in the
 * creation's transaction, kept with the key.  0 or -1. */
static int
keyed_answer(struct store *st, void *ctx, const char *id, struct idem *ik)
{
	const struct keyed	*k = ctx;
	json_t			*o;
	char			 loc[256], *text;
	int			 rc;

	if ((o = created_json(k->r, st, k->fam, k->t, id, k->file, loc)) == NULL)
		return -1;
	text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (text == NULL)
		return -1;
	rc = idem_record(st, ik, 201, "Content-Location", loc, text);
	free(text);
	return rc;
}

/* The creation's answer: the key's (first, or just recorded) when it was
 * made under one, else 201 with what was stored. */
static int
created_or_keyed(struct req *r, const struct idem *ik, enum conv_family fam,
    const struct conv_target *t, const char *id, int file)
{
	if (ik->state != IDEM_NONE)
		return reply_idem(r, ik);
	return created(r, fam, t, id, file);
}

/* POST .../notes: Orange {title, body, author, internal}, TelecomX
 * {text, internal}. */
int
api_note_post(struct req *r)
{
	struct conv_target	 t;
	enum conv_family	 fam;
	json_t			*body;
	const char		*title = NULL, *text = NULL, *author = NULL;
	const char		*text_key;
	char			 id[25];
	size_t			 bad;
	int			 rc, internal = 0;
	struct idem		 ik = { 0 };
	struct keyed		 k = { .r = r, .t = &t };
	struct conv_key		 key = { .ik = &ik, .answer = keyed_answer, .ctx = &k };

	if ((rc = target(r, &fam, &t)) <= 0)
		return rc;
	if ((body = req_json_body(r, &rc)) == NULL)
		return rc;
	k.fam = fam;
	text_key = fam == CONV_ORANGE ? "body" : "text";
	rc = 1;
	if ((rc = idem_begin(&ik, r, body)) < 0)
		rc = -1;
	else if (rc > IDEM_NEW)
		rc = reply_idem(r, &ik) < 0 ? -1 : 2;
	else
		rc = 1;
	if (rc != 1)
		;	/* answered, or a storage error */
	else if (!conv_may_write(r->who))
		refuse(r, fam, CONV_READ_ONLY, NULL);
	else if (fam == CONV_ORANGE && json_object_get(body, "title") == NULL)
		reply_oerr(r, OERR_MISSING, "title", NULL);
	else if ((fam == CONV_ORANGE && want_string(r, fam, body, "title", &title)) ||
	    want_string(r, fam, body, text_key, &text) ||
	    (fam == CONV_ORANGE && want_string(r, fam, body, "author", &author)) ||
	    want_internal(r, fam, body, &internal))
		;	/* answered */
	else
		rc = 0;
	if (rc == 0) {
		/* the author is the caller: a name given is not taken */
		rc = conv_note_add(r->store, r->who, &t, title, text, internal, NULL, 0,
		    &key, id, &bad);
		rc = rc == CONV_OK ? created_or_keyed(r, &ik, fam, &t, id, 0) :
		    rc == CONV_ERROR ? -1 : refuse(r, fam, rc, text_key);
	} else if (rc > 0)
		rc = 0;
	idem_free(&ik);
	json_decref(body);
	return rc;
}

/* POST .../attachments: Orange {name, format, body}, TelecomX {name,
 * body}; the body in base64, "internal" as for notes. */
int
api_file_post(struct req *r)
{
	struct conv_target	 t;
	enum conv_family	 fam;
	struct conv_file	 f = { 0 };
	json_t			*body;
	const char		*b64 = NULL, *format = NULL;
	unsigned char		*bin = NULL;
	size_t			 cap, len = 0;
	char			 id[25];
	int			 rc, internal = 0, answered = 1;
	struct idem		 ik = { 0 };
	struct keyed		 k = { .r = r, .t = &t, .file = 1 };
	struct conv_key		 key = { .ik = &ik, .answer = keyed_answer, .ctx = &k };

	if ((rc = target(r, &fam, &t)) <= 0)
		return rc;
	if ((body = req_json_body(r, &rc)) == NULL)
		return rc;
	k.fam = fam;
	if ((rc = idem_begin(&ik, r, body)) < 0)
		;	/* a storage error */
	else if (rc > IDEM_NEW)
		rc = reply_idem(r, &ik);
	else if (!conv_may_write(r->who))
		refuse(r, fam, CONV_READ_ONLY, NULL);
	else if (json_object_get(body, "name") == NULL)
		fam == CONV_ORANGE ? reply_oerr(r, OERR_MISSING, "name", NULL) :
		    reply_xerr(r, XERR_FILE_NAME, "name", "name", NULL);
	else if (fam == CONV_ORANGE && json_object_get(body, "format") == NULL)
		reply_oerr(r, OERR_MISSING, "format", NULL);
	else if (json_object_get(body, "body") == NULL)
		fam == CONV_ORANGE ? reply_oerr(r, OERR_MISSING, "body", NULL) :
		    reply_xerr(r, XERR_FILE_BASE64, "body", "body", NULL);
	else if (want_string(r, fam, body, "name", &f.name) ||
	    want_string(r, fam, body, "format", &format) ||
	    want_string(r, fam, body, "body", &b64) ||
	    want_internal(r, fam, body, &internal))
		;
	else if (f.name == NULL || b64 == NULL)
		refuse(r, fam, f.name == NULL ? CONV_FILE_NAME : CONV_FILE_EMPTY, NULL);
	else if (strlen(b64) / 4 * 3 > (size_t)config.attach_file_max + 3)
		refuse(r, fam, CONV_FILE_LARGE, NULL);	/* before decoding it */
	else if ((bin = malloc((cap = strlen(b64) / 4 * 3 + 3))) == NULL)
		rc = -1;
	else if (sodium_base642bin(bin, cap, b64, strlen(b64), " \t\r\n", &len, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0)
		fam == CONV_ORANGE ? reply_oerr(r, OERR_FILE_BASE64, "body", NULL) :
		    reply_xerr(r, XERR_FILE_BASE64, "body", "body", NULL);
	else
		answered = 0;
	if (rc >= 0 && !answered) {
		f.data = bin;
		f.len = len;
		f.declared = format;
		rc = conv_attach(r->store, r->who, &t, &f, internal, &key, id);
		rc = rc == CONV_OK ? created_or_keyed(r, &ik, fam, &t, id, 1) :
		    rc == CONV_ERROR ? -1 : refuse(r, fam, rc, "body");
	} else if (rc >= 0)
		rc = 0;
	idem_free(&ik);
	free(bin);
	json_decref(body);
	return rc;
}

/* GET .../attachments/{id}: the file itself. */
int
api_file_get(struct req *r)
{
	struct conv_target	 t;
	enum conv_family	 fam;
	struct rows		*meta, *data;
	const void		*bytes;
	size_t			 len;
	char			 name[CONV_NAME_MAX + 1], mime[64];
	int			 rc, err;

	if ((rc = target(r, &fam, &t)) <= 0)
		return rc;
	if ((meta = conv_file_get(r->store, r->who, &t, r->param2, &err)) == NULL) {
		if (err < 0)
			return -1;
		return fam == CONV_ORANGE ? reply_error(r, HERR_NOT_FOUND,
		    "No attachment with this id.") :
		    reply_xerr(r, XERR_ATTACHMENT_NOT_FOUND, NULL, NULL, NULL);
	}
	snprintf(name, sizeof(name), "%s", store_text(meta, ATT_NAME));
	snprintf(mime, sizeof(mime), "%s", store_text(meta, ATT_MIME));
	store_done(meta);
	if ((data = conv_file_data(r->store, r->who, &t, r->param2, &err)) == NULL)
		return -1;	/* it was there a moment ago: files are never removed */
	bytes = store_blob(data, DATA_CONTENT, &len);
	rc = resp_file(r, mime, name, bytes, len);
	store_done(data);
	return rc;
}
