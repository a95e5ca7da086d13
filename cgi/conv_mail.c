/*
 * conv_mail.c — the mail of a reply to the other side; see conv_mail.h.
 *
 * Dictionary: LANG, REQUEST_ID, REQUEST_URL, REQUEST_NAME (an Orange
 * request's type title; an Internet request's circuit and address),
 * section REF (REFERENCE) or NOREF, CUSTOMER, AUTHOR (to the customer's
 * people the operator's side signs as [desk] operator_name), AT,
 * REPLY_LINE rows (LINE) of the text, section FILES with FILE rows
 * (FILE_NAME, FILE_KIND and FILE_SIZE in words).  BASE_URL and
 * UNSUBSCRIBE come from the outbox.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "catalog.h"
#include "config.h"
#include "conv_mail.h"
#include "conversation.h"
#include "filetype.h"
#include "l10n.h"
#include "inet_request.h"
#include "jsonx.h"
#include "orange_request.h"
#include "outbox.h"
#include "store.h"
#include "tpl.h"
#include "words.h"

struct reply_ctx {
	const struct conv_target	*t;
	const json_t			*req;
	const struct principal		*who;
	const char			*text, *at;
	const struct conv_file		*files;
	const char			*const *kinds;	/* each file's type */
	size_t				 nfiles;
};

static int
fill(void *ctx, struct tpl_dict *d, const struct recipient *rc)
{
	const struct reply_ctx	*c = ctx;
	const json_t		*req = c->req, *a;
	const struct rtype	*type;
	struct tpl_dict		*row;
	char			 line[640];
	const char		*ref, *cust;
	size_t			 i;

	tpl_set(d, "REQUEST_ID", c->t->request_id);
	if (c->t->family == CONV_ORANGE) {
		snprintf(line, sizeof(line), "%s/%s/%s", config.base_url,
		    rc->operator ? "admin/requests" : "requests", c->t->request_id);
		tpl_set(d, "REQUEST_URL", line);
		type = catalog_find(json_str(req, "type"));
		tpl_set(d, "REQUEST_NAME", type != NULL ?
		    ltext_get(&type->titles, rc->lang) : json_str(req, "name"));
		ref = json_str(req, "customerReference");
		cust = json_string_value(json_path_get(req, "customer.name"));
	} else {
		snprintf(line, sizeof(line), "%s/internet/%s", config.base_url,
		    c->t->request_id);
		tpl_set(d, "REQUEST_URL", line);
		a = json_object_get(req, "address");
		snprintf(line, sizeof(line), "%s, %s, %s %s",
		    word(WS_CIRCUIT, rc->lang, json_str(req, "type")),
		    json_str(a, "address"), json_str(a, "zip"), json_str(a, "city"));
		tpl_set(d, "REQUEST_NAME", line);
		ref = json_str(req, "reference");
		cust = json_str(req, "customerName") != NULL ? json_str(req, "customerName") :
		    json_str(req, "reseller");
	}
	if (ref != NULL && *ref != '\0') {
		tpl_show(d, "REF");
		tpl_set(d, "REFERENCE", ref);
	} else
		tpl_show(d, "NOREF");
	tpl_set(d, "CUSTOMER", cust);
	tpl_set(d, "AUTHOR", c->who->level == LVL_ADMIN && !rc->operator ?
	    config.operator_name : c->who->name);
	mail_set_time(d, "AT", rc, c->at);
	mail_set_lines(d, "REPLY_LINE", c->text);
	if (c->nfiles > 0)
		tpl_show(d, "FILES");
	for (i = 0; i < c->nfiles; i++) {
		if ((row = tpl_section_add(d, "FILE")) == NULL)
			return -1;
		tpl_set(row, "FILE_NAME", c->files[i].name);
		tpl_set(row, "FILE_KIND", filetype_words(rc->lang, c->kinds[i]));
		l10n_size(rc->lang, (long long)c->files[i].len, line, sizeof(line));
		tpl_set(row, "FILE_SIZE", line);
	}
	return 0;
}

/* Add user `id` (nothing for a disabled or unknown one).  0 or -1. */
static int
add_user(struct store *st, struct recipients *l, const char *id)
{
	struct recipient	rc;
	int			found;

	if (id == NULL)
		return 0;
	if ((found = outbox_recipient_user(st, id, &rc)) < 0)
		return -1;
	return found > 0 ? recipients_add(l, &rc) : 0;
}

/* The market of customer `id` into out ("" when unknown).  0 or -1. */
static int
customer_market(struct store *st, const char *id, char out[8])
{
	struct rows	*s;
	int		 rc;

	out[0] = '\0';
	if (id == NULL || *id == '\0')
		return 0;
	if ((s = store_query(st, ST_CUSTOMER_LOCALE, "s", id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		snprintf(out, 8, "%s", store_text(s, CUSTOMER_LOCALE_MARKET));
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* The customer's people of request `req`: its creator, then an Orange
 * request's contacts or an Internet request's notify list. */
static int
customer_side(struct store *st, const struct conv_target *t, const json_t *req,
    struct recipients *l)
{
	static const char *const contacts[] = {
		"contacts.primary.email", "contacts.secondary.email",
	};
	struct recipient	 rc;
	const json_t		*e;
	const char		*email;
	char			 market[8];
	size_t			 i;
	int			 found;

	if (add_user(st, l, t->created_by) < 0)
		return -1;
	if (t->family == CONV_INTERNET) {
		json_array_foreach(json_object_get(req, "notify"), i, e)
			if (add_user(st, l, json_str(e, "_id")) < 0)
				return -1;
		return 0;
	}
	if (customer_market(st, t->customer_id, market) < 0)
		return -1;
	for (i = 0; i < sizeof(contacts) / sizeof(contacts[0]); i++) {
		email = json_string_value(json_path_get(json_object_get(req, "properties"),
		    contacts[i]));
		if (email == NULL)
			continue;
		if ((found = outbox_recipient_address(st, email, market, &rc)) < 0 ||
		    (found > 0 && recipients_add(l, &rc) < 0))
			return -1;
	}
	return 0;
}

int
conv_mail_reply(struct store *st, const struct principal *who,
    const struct conv_target *t, const char *note_id, const char *text,
    const char *at, const struct conv_file *files, const char *const *kinds,
    size_t nfiles)
{
	struct recipients	 l = { 0 };
	struct recipient	 op;
	struct reply_ctx	 c = { t, NULL, who, text, at, files, kinds, nfiles };
	json_t			*req;
	int			 err, found, rc = -1;

	(void)note_id;
	/* read as the operator: the author's own scope let them write */
	req = t->family == CONV_ORANGE ?
	    request_load(st, &principal_operator, t->request_id, &err) :
	    inet_load(st, &principal_operator, t->request_id, INET_FULL, &err);
	if (req == NULL)
		return -1;
	c.req = req;
	if (who->level == LVL_ADMIN) {
		if (customer_side(st, t, req, &l) < 0)
			goto out;
	} else {
		/* who handles the request, written to as the operator; else
		 * (nobody, or a disabled user) the operator's mailbox */
		if ((found = t->assignee[0] != '\0' ?
		    outbox_recipient_user(st, t->assignee, &op) : 0) < 0)
			goto out;
		if (found)
			op.operator = 1;
		else
			outbox_recipient_operator(&op);
		if (recipients_add(&l, &op) < 0)
			goto out;
	}
	rc = outbox_send(st, "reply_added", t->request_id, &l, fill, &c);
out:
	recipients_free(&l);
	json_decref(req);
	return rc;
}
