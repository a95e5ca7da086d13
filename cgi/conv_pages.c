/*
 * conv_pages.c — the conversation on the request pages; see conv_pages.h.
 *
 * Include CONVERSATION (templates/conversation.tpl): NOTICE (NOTICE_TEXT),
 * WAITING, ENTRY rows (ENTRY_ID, KIND: event, reply,
 * internal, file; SIDE; AUTHOR; AT and AT_ISO; INTERNAL; STATUS with
 * STATUS_TEXT; TEXT with BODY; FILES with FILE rows: FILE_HREF,
 * FILE_NAME, FILE_KIND, FILE_SIZE, FILE_INTERNAL), EMPTY, MORE, and FORM
 * (ACTION, CSRF, FORM_TOKEN, TEXT, FILE_MAX, TEXT_ERROR with
 * TEXT_ERROR_TEXT, FILE_ERROR with FILE_ERROR_TEXT, FORM_ERROR,
 * INTERNAL_CHOICE with INTERNAL_CHECKED).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "config.h"
#include "conv_pages.h"
#include "conversation.h"
#include "errors.h"
#include "filetype.h"
#include "http.h"
#include "i18n.h"
#include "jsonx.h"
#include "l10n.h"
#include "log.h"
#include "pages.h"
#include "reply.h"
#include "store.h"
#include "tpl.h"
#include "util.h"

/* A file of the request, copied out of its row. */
struct file_copy {
	char		 id[25], note_id[25];
	char		*name, *mime, *created;
	long long	 size;
	int		 internal;
};

struct files {
	struct file_copy	*v;
	size_t			 n, cap;
};

static void
files_free(struct files *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].name);
		free(f->v[i].mime);
		free(f->v[i].created);
	}
	free(f->v);
}

/* The request's files the reader may see (at most CONV_LIST_MAX). */
static int
files_load(struct req *r, const struct conv_target *t, struct files *out)
{
	struct rows		*s;
	struct file_copy	*c;
	long long		 total;
	const char		*note;
	int			 rc;

	memset(out, 0, sizeof(*out));
	if ((s = conv_files(r->store, r->who, t, 0, CONV_LIST_MAX, &total)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1) {
		if ((c = array_room(out->v, out->n, &out->cap, sizeof(*c), 8)) == NULL) {
			rc = -1;
			break;
		}
		out->v = c;
		c = &out->v[out->n++];
		memset(c, 0, sizeof(*c));
		snprintf(c->id, sizeof(c->id), "%s", store_text(s, ATT_ID));
		note = store_text(s, ATT_NOTE_ID);
		snprintf(c->note_id, sizeof(c->note_id), "%s", note != NULL ? note : "");
		c->name = strdup(store_text(s, ATT_NAME));
		c->mime = strdup(store_text(s, ATT_MIME));
		c->created = strdup(store_text(s, ATT_CREATED));
		c->size = store_int(s, ATT_SIZE);
		c->internal = (int)store_int(s, ATT_INTERNAL);
		if (c->name == NULL || c->mime == NULL || c->created == NULL) {
			rc = -1;
			break;
		}
	}
	store_done(s);
	if (rc < 0) {
		files_free(out);
		return -1;
	}
	return 0;
}

/* One file as a FILE row of `entry`. */
static void
file_row(struct req *r, struct tpl_dict *entry, const char *base,
    const struct file_copy *c)
{
	struct tpl_dict	*row = tpl_section_add(entry, "FILE");
	char		 text[512];

	snprintf(text, sizeof(text), "%s/files/%s", base, c->id);
	tpl_set(row, "FILE_HREF", text);
	tpl_set(row, "FILE_NAME", c->name);
	tpl_set(row, "FILE_KIND", filetype_words(r->lang, c->mime));
	l10n_size(r->lang, c->size, text, sizeof(text));
	tpl_set(row, "FILE_SIZE", text);
	if (c->internal && conv_is_operator(r->who))
		tpl_show(row, "FILE_INTERNAL");
}

/* The common part of an entry: who, when. */
static struct tpl_dict *
entry_new(struct req *r, struct tpl_dict *d, const char *kind, const char *id,
    const char *author, const char *at)
{
	struct tpl_dict	*row = tpl_section_add(d, "ENTRY");
	char		 when[L10N_MAX];

	tpl_set(row, "KIND", kind);
	tpl_set(row, "ENTRY_ID", id);
	tpl_set(row, "AUTHOR", author != NULL && *author != '\0' ? author : "—");
	tpl_set(row, "AT", page_datetime(r, at, when));
	tpl_set(row, "AT_ISO", at);
	return row;
}

static void
event_entry(struct req *r, struct tpl_dict *d, const struct conv_event *e, size_t i)
{
	struct tpl_dict	*row;
	char		 id[32];

	snprintf(id, sizeof(id), "event-%zu", i + 1);
	row = entry_new(r, d, "event", id, e->by, e->at);
	tpl_show(row, "STATUS");
	tpl_set(row, "STATUS_TEXT", e->what);
	if (e->comment != NULL && *e->comment != '\0') {
		tpl_show(row, "TEXT");
		tpl_set(row, "BODY", e->comment);
	}
}

/* A note as the reader sees it: the operator's side signs as the
 * operator ([desk] operator_name) to the customer, with the staff
 * member's name to the operator. */
static void
note_entry(struct req *r, struct tpl_dict *d, struct rows *s, const char *base,
    struct files *fl)
{
	int		 operator = strcmp(store_text(s, NOTE_SIDE), "operator") == 0;
	int		 internal = (int)store_int(s, NOTE_INTERNAL);
	const char	*id = store_text(s, NOTE_ID);
	struct tpl_dict	*row;
	char		 eid[40];
	size_t		 i;
	int		 any = 0;

	snprintf(eid, sizeof(eid), "note-%s", id);
	row = entry_new(r, d, internal ? "internal" : "reply", eid,
	    operator && !conv_is_operator(r->who) ? config.operator_name :
	    store_text(s, NOTE_AUTHOR_NAME), store_text(s, NOTE_CREATED));
	tpl_set(row, "SIDE", operator ? "operator" : "customer");
	if (internal)
		tpl_show(row, "INTERNAL");
	tpl_show(row, "TEXT");
	tpl_set(row, "BODY", store_text(s, NOTE_BODY));
	for (i = 0; i < fl->n; i++)
		if (strcmp(fl->v[i].note_id, id) == 0) {
			if (!any++)
				tpl_show(row, "FILES");
			file_row(r, row, base, &fl->v[i]);
		}
}

/* A file attached to the request itself (the JSON attachments route). */
static void
file_entry(struct req *r, struct tpl_dict *d, const char *base, const struct file_copy *c)
{
	struct tpl_dict	*row;
	char		 eid[40];

	snprintf(eid, sizeof(eid), "file-%s", c->id);
	row = entry_new(r, d, c->internal ? "internal" : "file", eid, NULL, c->created);
	if (c->internal)
		tpl_show(row, "INTERNAL");
	tpl_show(row, "FILES");
	file_row(r, row, base, c);
}

/* The reply form, with the refused one's words and text. */
static int
form_fill(struct req *r, struct tpl_dict *d, const char *base, const struct conv_form *f)
{
	struct tpl_dict	*form;
	char		 text[512], token[33];

	if (!conv_may_write(r->who))
		return 0;
	if (page_form_token(r, token) < 0)
		return -1;
	tpl_show(d, "FORM");
	form = d;
	snprintf(text, sizeof(text), "%s/notes", base);
	tpl_set(form, "ACTION", text);
	tpl_set(form, "CSRF", r->who->csrf);
	tpl_set(form, "FORM_TOKEN", token);
	l10n_size(r->lang, config.attach_file_max, text, sizeof(text));
	tpl_set(form, "FILE_MAX", text);
	if (conv_is_operator(r->who)) {
		tpl_show(form, "INTERNAL_CHOICE");
		if (f != NULL && req_form(r, "internal") != NULL)
			tpl_show(form, "INTERNAL_CHECKED");
	}
	if (f == NULL)
		return 0;
	tpl_set(form, "TEXT", req_form(r, "text"));
	tpl_show(form, "FORM_ERROR");
	if (f->text_error[0] != '\0') {
		tpl_show(form, "TEXT_ERROR");
		tpl_set(form, "TEXT_ERROR_TEXT", f->text_error);
	}
	if (f->file_error[0] != '\0') {
		tpl_show(form, "FILE_ERROR");
		tpl_set(form, "FILE_ERROR_TEXT", f->file_error);
	}
	return 0;
}

/* The notice of a reply just stored (?done=replied, ?done=noted). */
static void
notice(struct req *r, struct tpl_dict *d)
{
	const char *done = req_query(r, "done");

	if (done == NULL)
		return;
	if (strcmp(done, "replied") == 0) {
		tpl_show(d, "NOTICE");
		tpl_set(d, "NOTICE_TEXT", tr(r->lang, "Your reply was added to the conversation."));
	} else if (strcmp(done, "noted") == 0) {
		tpl_show(d, "NOTICE");
		tpl_set(d, "NOTICE_TEXT", tr(r->lang, "Your internal note was added: "
		    "only the operator's staff see it."));
	}
}

int
conv_page_section(struct req *r, struct tpl_dict *body, const struct conv_target *t,
    const struct conv_event *ev, size_t nev, const char *base, const struct conv_form *f)
{
	struct tpl_dict	*d = tpl_include(body, "CONVERSATION", "conversation.tpl");
	struct files	 fl;
	struct rows	*s;
	long long	 total;
	const char	*at;
	size_t		 e = 0, i, shown = 0;
	int		 rc;

	if (d == NULL || files_load(r, t, &fl) < 0)
		return -1;
	if ((s = conv_notes(r->store, r->who, t, 0, CONV_LIST_MAX, &total)) == NULL) {
		files_free(&fl);
		return -1;
	}
	notice(r, d);
	if (conv_waits(t))
		tpl_show(d, "WAITING");
	/* one time order: the events and the notes, each already in order */
	while ((rc = store_row(s)) == 1) {
		at = store_text(s, NOTE_CREATED);
		for (; e < nev && strcmp(ev[e].at, at) <= 0; e++, shown++)
			event_entry(r, d, &ev[e], e);
		note_entry(r, d, s, base, &fl);
		shown++;
	}
	store_done(s);
	for (; rc >= 0 && e < nev; e++, shown++)
		event_entry(r, d, &ev[e], e);
	for (i = 0; rc >= 0 && i < fl.n; i++)
		if (fl.v[i].note_id[0] == '\0') {
			file_entry(r, d, base, &fl.v[i]);
			shown++;
		}
	files_free(&fl);
	if (rc < 0)
		return -1;
	if (shown == 0)
		tpl_show(d, "EMPTY");
	if (total > CONV_LIST_MAX)
		tpl_show(d, "MORE");
	return form_fill(r, d, base, f);
}

/* The refusal `rc` of conv_note_add in the reader's words, at its
 * field; `name` the file it is about. */
static void
refusal(struct req *r, int rc, const char *name, struct conv_form *f)
{
	char	n[L10N_MAX], size[L10N_MAX];

	f->status = 422;
	switch (rc) {
	case CONV_READ_ONLY:
		f->status = 403;
		snprintf(f->text_error, sizeof(f->text_error), "%s", tr(r->lang,
		    "Your access level lets you read this conversation, not write in it."));
		break;
	case CONV_INTERNAL_DENIED:
		f->status = 403;
		snprintf(f->text_error, sizeof(f->text_error), "%s", tr(r->lang,
		    "Only the operator's staff write internal notes."));
		break;
	case CONV_TEXT_EMPTY:
		snprintf(f->text_error, sizeof(f->text_error), "%s",
		    tr(r->lang, "Write your reply before sending it."));
		break;
	case CONV_TEXT_LONG:
		l10n_number(r->lang, CONV_BODY_MAX, 0, n, sizeof(n));
		tr_fill(f->text_error, sizeof(f->text_error),
		    tr(r->lang, "Use at most {1} characters for a reply."), n, NULL);
		break;
	case CONV_TITLE_LONG:
	case CONV_TEXT_INVALID:
		snprintf(f->text_error, sizeof(f->text_error), "%s", tr(r->lang,
		    "Write the reply as plain text: line breaks are kept, other "
		    "control characters are not allowed."));
		break;
	case CONV_FILE_NAME:
		snprintf(f->file_error, sizeof(f->file_error), "%s", tr(r->lang,
		    "A file's name cannot be kept (too long, or with a line break): "
		    "rename the file and choose it again."));
		break;
	case CONV_FILE_EMPTY:
		tr_fill(f->file_error, sizeof(f->file_error),
		    tr(r->lang, "The file “{1}” is empty."), name, NULL);
		break;
	case CONV_FILE_LARGE:
		f->status = 413;
		l10n_size(r->lang, config.attach_file_max, size, sizeof(size));
		tr_fill(f->file_error, sizeof(f->file_error),
		    tr(r->lang, "The file “{1}” is larger than {2}: send a smaller one."),
		    name, size);
		break;
	case CONV_FILE_TYPE:
		f->status = 415;
		tr_fill(f->file_error, sizeof(f->file_error), tr(r->lang,
		    "The file “{1}” is not a PDF, PNG or JPEG image, CSV or text file."),
		    name, NULL);
		break;
	case CONV_FILES_MANY:
		snprintf(n, sizeof(n), "%d", CONV_FILES_MAX);
		tr_fill(f->file_error, sizeof(f->file_error),
		    tr(r->lang, "Send at most {1} files with one reply."), n, NULL);
		break;
	case CONV_REQUEST_FULL:
	default:
		f->status = 409;
		snprintf(f->file_error, sizeof(f->file_error), "%s", tr(r->lang,
		    "This request holds as many files as it may: no more can be added."));
		break;
	}
	if (f->text_error[0] == '\0' && r->files.n > 0 && f->file_error[0] == '\0')
		snprintf(f->file_error, sizeof(f->file_error), "%s",
		    tr(r->lang, "Choose the files again: they were not kept."));
}

/* The request of the path as the reader sees it: 1, or 0 after the
 * page's 404, or -1. */
static int
target_or_404(struct req *r, enum conv_family family, struct conv_target *t)
{
	int rc;

	if ((rc = conv_target(r->store, r->who, family, r->param, t)) < 0)
		return -1;
	if (rc == 0)
		return reply_error(r, HERR_NOT_FOUND, family == CONV_ORANGE ?
		    tr(r->lang, "There is no request with this id, or it is not yours to see.") :
		    tr(r->lang, "This Internet request does not exist, or it is not yours to see."))
		    < 0 ? -1 : 0;
	return 1;
}

int
conv_page_post(struct req *r, enum conv_family family, const char *base,
    struct conv_form *f)
{
	struct conv_target	 t;
	struct conv_file	 files[CONV_FILES_MAX + 1];
	const char		*internal = req_form(r, "internal");
	char			 id[25], loc[512];
	size_t			 i, n = 0, bad = 0;
	int			 rc, note;

	memset(f, 0, sizeof(*f));
	if ((rc = target_or_404(r, family, &t)) <= 0)
		return rc;
	/* a file input left empty sends a part without a name or content */
	for (i = 0; i < r->files.n; i++) {
		const struct mpart *p = &r->files.v[i];

		if ((p->filename == NULL || *p->filename == '\0') && p->len == 0)
			continue;
		if (n == CONV_FILES_MAX) {
			refusal(r, CONV_FILES_MANY, NULL, f);
			return 1;
		}
		files[n].name = p->filename;
		files[n].data = p->data;
		files[n].len = p->len;
		files[n].declared = p->type != NULL && strcmp(p->type,
		    "application/octet-stream") != 0 ? p->type : NULL;
		n++;
	}
	note = internal != NULL && *internal != '\0';
	rc = conv_note_add_form(r->store, r->who, &t, req_form(r, "text"), note, files, n,
	    page_posted_token(r), id, &bad);
	if (rc == CONV_ERROR)
		return -1;
	if (rc != CONV_OK && rc != CONV_AGAIN) {
		refusal(r, rc, bad < n && files[bad].name != NULL ? files[bad].name : "", f);
		return 1;
	}
	snprintf(loc, sizeof(loc), "%s?done=%s#note-%s", base, note ? "noted" : "replied", id);
	return resp_redirect(r, loc);
}

int
conv_page_file(struct req *r, enum conv_family family)
{
	struct conv_target	 t;
	struct rows		*meta, *data;
	const void		*bytes;
	size_t			 len;
	char			 name[CONV_NAME_MAX + 1], mime[64];
	int			 rc, err;

	if ((rc = target_or_404(r, family, &t)) <= 0)
		return rc;
	if ((meta = conv_file_get(r->store, r->who, &t, r->param2, &err)) == NULL)
		return err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "There is no file with this id on this request, or it is "
		    "not yours to see."));
	snprintf(name, sizeof(name), "%s", store_text(meta, ATT_NAME));
	snprintf(mime, sizeof(mime), "%s", store_text(meta, ATT_MIME));
	store_done(meta);
	if ((data = conv_file_data(r->store, r->who, &t, r->param2, &err)) == NULL)
		return -1;
	bytes = store_blob(data, DATA_CONTENT, &len);
	rc = resp_file(r, mime, name, bytes, len);
	store_done(data);
	return rc;
}

static void
mark(void *ctx, const char *id)
{
	json_object_set_new(ctx, id, json_true());
}

json_t *
conv_page_waiting(struct req *r, enum conv_family family, const json_t *items,
    const char *idkey)
{
	json_t		*ids = json_array(), *out = json_object();
	const json_t	*it;
	char		*text = NULL;
	size_t		 i;

	if (ids == NULL || out == NULL)
		goto fail;
	json_array_foreach(items, i, it)
		if (json_str(it, idkey) != NULL)
			json_array_append_new(ids, json_string(json_str(it, idkey)));
	if (json_array_size(ids) > 0 &&
	    ((text = json_dumps(ids, JSON_COMPACT)) == NULL ||
	    conv_waiting_each(r->store, family, text, mark, out) < 0))
		goto fail;
	free(text);
	json_decref(ids);
	return out;
fail:
	free(text);
	json_decref(ids);
	json_decref(out);
	return NULL;
}
