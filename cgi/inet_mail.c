/*
 * inet_mail.c — the recipients of the Internet request mails and their
 * dictionaries, each written for its recipient; the outbox renders and
 * queues them.  See inet_mail.h.
 *
 * Dictionary (every event): LANG, REQUEST_ID, REQUEST_URL, CIRCUIT (the
 * type in words), ADDRESS, CUSTOMER, CREATOR, CREATED, section REF
 * (REFERENCE) or NOREF, section PRODUCT (REQUESTED_PRODUCT), section
 * START (START_DAY: the date asked for), section WINDOW (INSTALL_TIME in
 * words), NOTES with NOTE_LINE rows; EXPIRES (once answered); OFFER rows
 * (PRODUCT_NAME, section FROM_PROVIDER with PROVIDER, MONTHLY,
 * INITIATION, COMMITMENT); for the account events ACCOUNT_ID,
 * ACCOUNT_STATE (in words), ORDERED_BY, ORDERED_PRODUCT,
 * ORDERED_PROVIDER (section), ORDERED_MONTHLY, ORDERED_INITIATION,
 * ORDERED_COMMITMENT, and once confirmed section DELIVERY with DELIVERY_DAY, section
 * DELIVERY_WINDOW (DELIVERY_TIME), section DELIVERY_CIRCUIT (CIRCUIT_ID);
 * once activated ACTIVATED_AT, once cancelled CANCELLED_AT (times in the
 * recipient's zone).
 * Prices in the customer's currency, or "not stated".  BASE_URL and
 * UNSUBSCRIBE come from the outbox.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "config.h"
#include "i18n.h"
#include "inet_mail.h"
#include "jsonx.h"
#include "l10n.h"
#include "outbox.h"
#include "store.h"
#include "tpl.h"
#include "words.h"

/* What a fill function is given. */
struct inet_ctx {
	const json_t	*req, *acc;	/* acc NULL but for the account events */
	const char	*currency;	/* of the customer's prices */
	const char	*ordered_by;	/* the name of who ordered, or NULL */
};

/* A price for `rc` in the customer's currency, or "not stated". */
static void
set_price(struct tpl_dict *d, const char *key, const json_t *v,
    const struct inet_ctx *c, const struct recipient *rc)
{
	char text[L10N_MAX];

	if (json_is_number(v))
		l10n_money(rc->lang, c->currency, json_number_value(v), text, sizeof(text));
	else
		snprintf(text, sizeof(text), "%s", tr(rc->lang, "not stated"));
	tpl_set(d, key, text);
}

/* A commitment in months ("36 months"), or "none stated". */
static void
set_months(struct tpl_dict *d, const char *key, const json_t *v,
    const struct recipient *rc)
{
	char	n[24], text[64];

	if (!json_is_integer(v)) {
		tpl_set(d, key, tr(rc->lang, "not stated"));
		return;
	}
	snprintf(n, sizeof(n), "%lld", (long long)json_integer_value(v));
	tr_fill(text, sizeof(text), trn(rc->lang, "{1} month", "{1} months",
	    (unsigned long)json_integer_value(v)), n, NULL);
	tpl_set(d, key, text);
}

/* Show `section` with {{key}} = value, when value is a non-empty string. */
static void
set_optional(struct tpl_dict *d, const char *section, const char *key,
    const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	tpl_show(d, section);
	tpl_set(d, key, value);
}

/* The facts of the request and its offers. */
static void
request_facts(struct tpl_dict *d, const struct inet_ctx *c,
    const struct recipient *rc)
{
	const json_t	*req = c->req, *a = json_object_get(req, "address"), *o;
	struct tpl_dict	*row;
	char		 line[640];
	size_t		 i;

	tpl_set(d, "REQUEST_ID", json_str(req, "_id"));
	snprintf(line, sizeof(line), "%s/%s/%s", config.base_url,
	    rc->operator ? "admin/internet" : "internet", json_str(req, "_id"));
	tpl_set(d, "REQUEST_URL", line);
	tpl_set(d, "CIRCUIT", word(WS_CIRCUIT, rc->lang, json_str(req, "type")));
	snprintf(line, sizeof(line), "%s, %s %s", json_str(a, "address"),
	    json_str(a, "zip"), json_str(a, "city"));
	tpl_set(d, "ADDRESS", line);
	tpl_set(d, "CUSTOMER", json_str(req, "customerName") ? json_str(req, "customerName") :
	    json_str(req, "reseller"));
	tpl_set(d, "CREATOR", json_str(req, "createdByName"));
	mail_set_time(d, "CREATED", rc, json_str(req, "created"));
	if (json_str(req, "reference") != NULL && *json_str(req, "reference") != '\0')
		set_optional(d, "REF", "REFERENCE", json_str(req, "reference"));
	else
		tpl_show(d, "NOREF");
	set_optional(d, "PRODUCT", "REQUESTED_PRODUCT", json_str(req, "productName"));
	if (json_str(req, "startDate") != NULL) {
		tpl_show(d, "START");
		mail_set_day(d, "START_DAY", rc, json_str(req, "startDate"));
	}
	if (json_str(req, "installTime") != NULL)
		set_optional(d, "WINDOW", "INSTALL_TIME",
		    word(WS_INSTALL_TIME, rc->lang, json_str(req, "installTime")));
	if (json_str(req, "notes") != NULL && *json_str(req, "notes") != '\0') {
		tpl_show(d, "NOTES");
		mail_set_lines(d, "NOTE_LINE", json_str(req, "notes"));
	}
	if (json_str(req, "expires") != NULL)
		mail_set_time(d, "EXPIRES", rc, json_str(req, "expires"));
	json_array_foreach(json_object_get(req, "offers"), i, o) {
		if ((row = tpl_section_add(d, "OFFER")) == NULL)
			return;
		tpl_set(row, "PRODUCT_NAME", json_str(o, "productName"));
		set_optional(row, "FROM_PROVIDER", "PROVIDER", json_str(o, "providerName"));
		set_price(row, "MONTHLY", json_object_get(o, "monthlyCustomer"), c, rc);
		set_price(row, "INITIATION", json_object_get(o, "initiationCustomer"), c, rc);
		set_months(row, "COMMITMENT", json_object_get(o, "commitment"), rc);
	}
}

/* The facts of the account and of the offer it ordered. */
static void
account_facts(struct tpl_dict *d, const struct inet_ctx *c,
    const struct recipient *rc)
{
	const json_t *acc = c->acc;

	tpl_set(d, "ACCOUNT_ID", json_str(acc, "_id"));
	tpl_set(d, "ACCOUNT_STATE", word(WS_ACCOUNT_STATE, rc->lang, json_str(acc, "state")));
	tpl_set(d, "ORDERED_BY", c->ordered_by);
	mail_set_time(d, "ORDERED_AT", rc, json_str(acc, "ordered"));
	tpl_set(d, "ORDERED_PRODUCT", json_str(acc, "productName"));
	set_optional(d, "ORDERED_FROM", "ORDERED_PROVIDER", json_str(acc, "providerName"));
	set_price(d, "ORDERED_MONTHLY", json_object_get(acc, "monthlyCustomer"), c, rc);
	set_price(d, "ORDERED_INITIATION", json_object_get(acc, "initiationCustomer"), c, rc);
	set_months(d, "ORDERED_COMMITMENT", json_object_get(acc, "commitment"), rc);
	if (json_str(acc, "startDate") != NULL) {
		tpl_show(d, "DELIVERY");
		mail_set_day(d, "DELIVERY_DAY", rc, json_str(acc, "startDate"));
	}
	if (json_str(acc, "installTime") != NULL)
		set_optional(d, "DELIVERY_WINDOW", "DELIVERY_TIME",
		    word(WS_INSTALL_TIME, rc->lang, json_str(acc, "installTime")));
	set_optional(d, "DELIVERY_CIRCUIT", "CIRCUIT_ID", json_str(acc, "circuit"));
	if (json_str(acc, "activated") != NULL)
		mail_set_time(d, "ACTIVATED_AT", rc, json_str(acc, "activated"));
	if (json_str(acc, "cancelled") != NULL)
		mail_set_time(d, "CANCELLED_AT", rc, json_str(acc, "cancelled"));
}

static int
fill(void *ctx, struct tpl_dict *d, const struct recipient *rc)
{
	const struct inet_ctx *c = ctx;

	request_facts(d, c, rc);
	if (c->acc != NULL)
		account_facts(d, c, rc);
	return 0;
}

/* Add user `id` to the list (nothing for a disabled or unknown one). */
static int
add_user(struct store *st, struct recipients *l, const char *id)
{
	struct recipient	rc;
	int			found;

	if ((found = outbox_recipient_user(st, id, &rc)) < 0)
		return -1;
	return found > 0 ? recipients_add(l, &rc) : 0;
}

/* Who hears of an event besides the creator. */
#define Q_NOTIFY	0x01	/* every notify employee */
#define Q_OPERATOR	0x02	/* the operator's mailbox (its own words) */

/* The creator, every notify employee (Q_NOTIFY) and `also` (may be
 * NULL), once each. */
static int
people(struct store *st, const json_t *req, unsigned who, const char *also,
    struct recipients *l)
{
	const json_t	*e;
	size_t		 i;

	if (add_user(st, l, json_str(req, "createdBy")) < 0)
		return -1;
	json_array_foreach(json_object_get(req, "notify"), i, e)
		if ((who & Q_NOTIFY) && add_user(st, l, json_str(e, "_id")) < 0)
			return -1;
	return also != NULL ? add_user(st, l, also) : 0;
}

/* The currency of the request's customer into out (EUR for a reseller's
 * request, whose customer is not named).  0 or -1. */
static int
currency_of(struct store *st, const json_t *req, char out[4])
{
	struct rows	*s;
	int		 rc;

	snprintf(out, 4, "EUR");
	if (json_str(req, "customer") == NULL)
		return 0;
	if ((s = store_query(st, ST_CUSTOMER_LOCALE, "s", json_str(req, "customer"))) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		snprintf(out, 4, "%s", store_text(s, CUSTOMER_LOCALE_CURRENCY));
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* The name of user `id` into out ("" when unknown).  0 or -1. */
static int
user_name(struct store *st, const char *id, char *out, size_t len)
{
	struct rows	*s;
	int		 rc;

	out[0] = '\0';
	if (id == NULL)
		return 0;
	if ((s = store_query(st, ST_USER_BY_ID, "s", id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		snprintf(out, len, "%s", store_text(s, USER_NAME));
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* Queue `event` to the request's people (`who`, with `also`) and, with
 * Q_OPERATOR, to the operator's mailbox.  0 or -1. */
static int
queue(struct store *st, const char *event, const json_t *req, const json_t *acc,
    unsigned who, const char *also)
{
	struct recipients	 l = { 0 }, op = { 0 };
	struct recipient	 rc;
	struct inet_ctx		 c = { req, acc, NULL, NULL };
	char			 currency[4], by[256];
	const char		*id = json_str(req, "_id");
	int			 ret = -1;

	if (req == NULL || currency_of(st, req, currency) < 0 ||
	    user_name(st, acc != NULL ? json_str(acc, "orderedBy") : NULL, by,
	    sizeof(by)) < 0)
		return -1;
	c.currency = currency;
	c.ordered_by = by;
	if (people(st, req, who, also, &l) < 0 ||
	    outbox_send(st, event, id, &l, fill, &c) < 0)
		goto out;
	if (who & Q_OPERATOR) {
		outbox_recipient_operator(&rc);
		if (recipients_add(&op, &rc) < 0 ||
		    outbox_send(st, event, id, &op, fill, &c) < 0)
			goto out;
	}
	ret = 0;
out:
	recipients_free(&l);
	recipients_free(&op);
	return ret;
}

/* The receipt to the creator; the operator: a request waits for offers. */
int
inet_mail_created(struct store *st, const json_t *req)
{
	return queue(st, "internet_created", req, NULL, Q_OPERATOR, NULL);
}

/* To the creator and notify list: time to select an offer. */
int
inet_mail_answered(struct store *st, const json_t *req)
{
	return queue(st, "internet_answered", req, NULL, Q_NOTIFY, NULL);
}

/* The order confirmation to the customer's people and who ordered; the
 * operator: confirm the account. */
int
inet_mail_ordered(struct store *st, const json_t *req, const json_t *acc)
{
	return acc == NULL ? -1 : queue(st, "offer_ordered", req, acc,
	    Q_NOTIFY | Q_OPERATOR, json_str(acc, "orderedBy"));
}

/* To the creator and notify list: the account is confirmed. */
int
inet_mail_confirmed(struct store *st, const json_t *req, const json_t *acc)
{
	return acc == NULL ? -1 : queue(st, "account_confirmed", req, acc,
	    Q_NOTIFY, NULL);
}

/* To the creator and notify list: the account is active. */
int
inet_mail_activated(struct store *st, const json_t *req, const json_t *acc)
{
	return acc == NULL ? -1 : queue(st, "account_activated", req, acc,
	    Q_NOTIFY, NULL);
}

/* To the creator and notify list: the account is cancelled. */
int
inet_mail_cancelled(struct store *st, const json_t *req, const json_t *acc)
{
	return acc == NULL ? -1 : queue(st, "account_cancelled", req, acc,
	    Q_NOTIFY, NULL);
}
