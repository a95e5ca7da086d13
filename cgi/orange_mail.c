/*
 * orange_mail.c — the mails of Orange-style ordering requests, written
 * for each recipient; see orange_mail.h.
 *
 * Dictionary (every event): LANG, REQUEST_ID, REQUEST_URL, TYPE_NAME,
 * CUSTOMER, CREATOR, section REF (CUSTOMER_REFERENCE) or NOREF,
 * REQUESTED_AT and ISSUED_AT in words, PROP_GROUP sections
 * (request_view.h), section CREATOR_COPY (to the creator) or
 * CONTACT_COPY (to a contact the request names), COMMENT_LINE rows of
 * the request's comment (section COMMENT when it has one).  Status
 * changes also: FROM, TO (in words), BY, AT, and STATUS_NOTE with
 * NOTE_LINE rows of the comment of the change; sections per outcome
 * TO_IN_PROGRESS, TO_COMPLETED, TO_REJECTED, TO_CANCELED.  BASE_URL and
 * UNSUBSCRIBE come from the outbox.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "catalog.h"
#include "config.h"
#include "jsonx.h"
#include "orange_mail.h"
#include "outbox.h"
#include "request_view.h"
#include "store.h"
#include "tpl.h"
#include "words.h"

/* A change of status, for request_status. */
struct status_change {
	const char	*from, *to, *at, *by, *comment;
};

/* What a fill function is given. */
struct orange_ctx {
	const struct orange_facts	*f;
	const struct sp_words		*sp;
	const struct status_change	*change;	/* NULL on creation */
	const char			*creator_email;	/* "" when not told */
};

/* The properties in words in rc's language: PROP_GROUP sections. */
static int
set_properties(struct tpl_dict *d, const struct orange_ctx *c,
    const struct recipient *rc)
{
	struct request_view v;

	if (request_view_build(c->f->t, c->f->props, c->sp, rc->lang, &v) < 0)
		return -1;
	request_view_tpl(&v, d);
	request_view_free(&v);
	return 0;
}

/* The values of every Orange mail, for `rc`. */
static int
fill(void *ctx, struct tpl_dict *d, const struct recipient *rc)
{
	const struct orange_ctx		*c = ctx;
	const struct orange_facts	*f = c->f;
	const struct status_change	*ch = c->change;
	char				 url[256], key[32];

	tpl_set(d, "REQUEST_ID", f->id);
	snprintf(url, sizeof(url), "%s/%s/%s", config.base_url,
	    rc->operator ? "admin/requests" : "requests", f->id);
	tpl_set(d, "REQUEST_URL", url);
	tpl_set(d, "TYPE_NAME", f->t != NULL ? ltext_get(&f->t->titles, rc->lang) :
	    f->type_name);
	tpl_set(d, "CUSTOMER", f->customer_name);
	tpl_set(d, "CREATOR", f->creator_name);
	if (f->customer_reference != NULL && *f->customer_reference != '\0') {
		tpl_show(d, "REF");
		tpl_set(d, "CUSTOMER_REFERENCE", f->customer_reference);
	} else
		tpl_show(d, "NOREF");
	mail_set_day(d, "REQUESTED_AT", rc, f->requested);
	mail_set_time(d, "ISSUED_AT", rc, f->issued);
	if (f->comment != NULL && *f->comment != '\0') {
		tpl_show(d, "COMMENT");
		mail_set_lines(d, "COMMENT_LINE", f->comment);
	}
	tpl_show(d, strcasecmp(c->creator_email, rc->email) == 0 ?
	    "CREATOR_COPY" : "CONTACT_COPY");
	if (ch != NULL) {
		tpl_set(d, "FROM", word(WS_STATUS, rc->lang, ch->from));
		tpl_set(d, "TO", word(WS_STATUS, rc->lang, ch->to));
		tpl_set(d, "BY", ch->by);
		mail_set_time(d, "AT", rc, ch->at);
		snprintf(key, sizeof(key), "TO_%s", ch->to);
		tpl_show(d, key);
		if (ch->comment != NULL && *ch->comment != '\0') {
			tpl_show(d, "STATUS_NOTE");
			mail_set_lines(d, "NOTE_LINE", ch->comment);
		}
	}
	return set_properties(d, c, rc);
}

/*
 * The people a request's mails go to: its creator, then the contacts it
 * names, each address once; `creator` receives the creator's address
 * ("" when they are told nothing).  0 or -1.
 */
static int
people(struct store *st, const struct orange_facts *f, struct recipients *l,
    char creator[MAIL_ADDRESS_MAX + 1])
{
	static const char *const contacts[] = {
		"contacts.primary.email", "contacts.secondary.email",
	};
	struct recipient	 rc;
	const char		*email;
	size_t			 i;
	int			 found;

	creator[0] = '\0';
	if ((found = outbox_recipient_user(st, f->creator_id, &rc)) < 0 ||
	    (found > 0 && recipients_add(l, &rc) < 0))
		return -1;
	if (found > 0)
		snprintf(creator, MAIL_ADDRESS_MAX + 1, "%s", rc.email);
	for (i = 0; i < sizeof(contacts) / sizeof(contacts[0]); i++) {
		email = json_string_value(json_path_get(f->props, contacts[i]));
		if (email == NULL)
			continue;
		if ((found = outbox_recipient_address(st, email, f->market, &rc)) < 0 ||
		    (found > 0 && recipients_add(l, &rc) < 0))
			return -1;
	}
	return 0;
}

/* The market of customer `id` into out ("" when unknown).  0 or -1. */
static int
customer_market(struct store *st, const char *id, char out[8])
{
	struct rows	*s;
	int		 rc;

	out[0] = '\0';
	if (id == NULL)
		return 0;
	if ((s = store_query(st, ST_CUSTOMER_LOCALE, "s", id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		snprintf(out, 8, "%s", store_text(s, CUSTOMER_LOCALE_MARKET));
	store_done(s);
	return rc < 0 ? -1 : 0;
}

int
orange_mail_created(struct store *st, const struct orange_facts *f,
    struct orange_mails *out)
{
	struct recipients	 l = { 0 };
	struct recipient	 op;
	struct sp_words		 sp;
	struct orange_ctx	 c = { f, &sp, NULL, NULL };
	char			 creator[MAIL_ADDRESS_MAX + 1];
	size_t			 i;

	memset(out, 0, sizeof(*out));
	/* "": a type that names no service point finds none */
	if (sp_words_load(st, f->sp_id != NULL ? f->sp_id : "", NULL, &sp) < 0 ||
	    people(st, f, &l, creator) < 0)
		goto fail;
	c.creator_email = creator;
	outbox_recipient_operator(&op);
	if (recipients_add(&l, &op) < 0 ||
	    (out->v = calloc(l.n, sizeof(*out->v))) == NULL)
		goto fail;
	/* The request is new: each address gets a new token, stored with
	 * the mails by orange_mails_add(). */
	for (i = 0; i < l.n; i++) {
		if (outbox_render_for(st, &out->v[i], "request_created", f->id,
		    &l.v[i], fill, &c) < 0)
			goto fail;
		out->n = i + 1;
	}
	recipients_free(&l);
	return 0;
fail:
	recipients_free(&l);
	orange_mails_free(out);
	return -1;
}

int
orange_mails_add(struct store *st, const struct orange_mails *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (outbox_add(st, &m->v[i], id) < 0)
			return -1;
	return 0;
}

void
orange_mails_free(struct orange_mails *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		outbox_mail_free(&m->v[i]);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

int
orange_mail_status(struct store *st, const json_t *req, const char *to,
    const char *at, const char *by_name, const char *comment)
{
	struct orange_facts	 f;
	struct status_change	 ch;
	struct recipients	 l = { 0 };
	struct recipient	 op;
	struct sp_words		 sp;
	struct orange_ctx	 c = { &f, &sp, &ch, NULL };
	const char		*id = json_str(req, "id");
	char			 creator[MAIL_ADDRESS_MAX + 1], market[8];
	int			 rc = -1;

	memset(&f, 0, sizeof(f));
	f.id = id;
	f.t = catalog_find(json_str(req, "type"));
	f.type_name = json_str(req, "name");
	f.customer_name = json_string_value(json_path_get(req, "customer.name"));
	f.market = market;
	f.customer_reference = json_str(req, "customerReference");
	f.requested = json_string_value(json_path_get(req, "keyDates.requestedAt"));
	f.issued = json_string_value(json_path_get(req, "keyDates.issuedAt"));
	f.creator_id = json_str(req, "createdBy");
	f.props = json_object_get(req, "properties");
	ch.from = json_str(req, "status");
	ch.to = to;
	ch.at = at;
	ch.by = by_name;
	ch.comment = comment;
	if (customer_market(st, json_string_value(json_path_get(req, "customer.id")),
	    market) < 0 || sp_words_load(st, NULL, id, &sp) < 0 ||
	    people(st, &f, &l, creator) < 0)
		goto out;
	c.creator_email = creator;
	if (outbox_send(st, "request_status", id, &l, fill, &c) < 0)
		goto out;
	if (strcmp(to, "CANCELED") == 0) {
		/* the operator hears of a customer's cancellation */
		recipients_free(&l);
		outbox_recipient_operator(&op);
		if (recipients_add(&l, &op) < 0 ||
		    outbox_send(st, "request_canceled", id, &l, fill, &c) < 0)
			goto out;
	}
	rc = 0;
out:
	recipients_free(&l);
	return rc;
}
