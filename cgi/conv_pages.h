/*
 * conv_pages.h — the conversation on the request pages of both families
 * (docs/CONVERSATIONS.md, "On the pages"): one time-ordered timeline of
 * the request's events (its status history) and of the notes the reader
 * may see with their files, "waiting for the customer", and the reply
 * form (multipart/form-data, no JavaScript needed; for the operator an
 * "internal note" box); the posted form and the downloads.
 *
 * View: the family's handler (orange_pages.c, inet_pages.c) gives the
 * request as conversation.c sees it and its events already in words,
 * and renders its own page; this module fills the CONVERSATION include
 * (templates/conversation.tpl), reads the form and answers a download.
 * Owns: the timeline, the reply form and its errors in words, the
 * posted note, the downloads from the pages.  Calls: conversation
 * (every rule: who may read and write, internal notes, the files, the
 * bounds), reply (the refusals), pages, http, tpl, store (the rows
 * conversation lends), config (the operator's name), filetype and l10n
 * (kinds and sizes in words), i18n, util.  Never: a rule of its own, or
 * a download outside the reader's scope (conversation.c reads in it).
 */
#ifndef REQDESK_CONV_PAGES_H
#define REQDESK_CONV_PAGES_H

#include <stddef.h>

#include <jansson.h>

#include "conversation.h"

struct req;
struct tpl_dict;

/* An event of the request's life, in the reader's words. */
struct conv_event {
	const char	*at;		/* ISO 8601 UTC */
	const char	*by;		/* who, or NULL */
	const char	*what;		/* "New → In progress", "Offers sent" */
	const char	*comment;	/* NULL or "": none */
};

/* A refused reply form, shown again: the status of the page, and the
 * sentence in the reader's language at the field it is about. */
struct conv_form {
	int	 status;
	char	 text_error[400];	/* at the text ("" none) */
	char	 file_error[400];	/* at the files ("" none) */
};

/*
 * Fill {{>CONVERSATION}} of `body` for the request `t` (conv_target(),
 * as the reader sees it), with its `nev` events, `base` the request's
 * page ("/requests/ID", "/internet/ID": the form posts to base/notes,
 * files download from base/files/FID), and the refused form `f` (NULL:
 * a fresh one).  0 or -1.
 */
int  conv_page_section(struct req *r, struct tpl_dict *body,
	const struct conv_target *t, const struct conv_event *ev, size_t nev,
	const char *base, const struct conv_form *f);

/*
 * POST base/notes: the reply form of request r->param of `family`.
 * 0 answered (303 to the page's conversation, or the page's 404); 1
 * refused, *f says why: the caller shows its page again with it; -1.
 */
int  conv_page_post(struct req *r, enum conv_family family, const char *base,
	struct conv_form *f);

/* GET base/files/{fid}: the file r->param2 of request r->param, as the
 * JSON routes serve it; another's or an internal one a customer asks
 * for answers as an unknown one.  0 or -1. */
int  conv_page_file(struct req *r, enum conv_family family);

/*
 * Which of a page's list `items` (requests of `family`, the id at
 * `idkey`) wait for the customer: a new object id → true (NULL on
 * error).  One bounded query.
 */
json_t *conv_page_waiting(struct req *r, enum conv_family family,
	const json_t *items, const char *idkey);

#endif
