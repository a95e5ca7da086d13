/*
 * inet_mail.c — the dictionaries of the Internet request mails and
 * their recipients; the outbox renders and queues them.
 *
 * Dictionary (every event): REQUEST_ID, TYPE, ADDRESS, CUSTOMER,
 * REFERENCE, REQUESTED_PRODUCT, CREATOR, EXPIRES (YYYY-MM-DD, once
 * answered), a section OFFER per offer (PRODUCT_NAME, MONTHLY_CUSTOMER,
 * INITIATION_CUSTOMER, COMMITMENT, PROVIDER); for the account events
 * also ACCOUNT_ID, ACCOUNT_STATE, START_DATE, INSTALL_TIME, CIRCUIT and
 * the ordered offer as ORDERED_PRODUCT, ORDERED_MONTHLY,
 * ORDERED_INITIATION, ORDERED_COMMITMENT, ORDERED_PROVIDER.  BASE_URL
 * is set by the outbox.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "inet_mail.h"
#include "jsonx.h"
#include "outbox.h"
#include "tpl.h"



/* A price for a mail: "1600.00", or "n/a" when there is none. */
static void
set_price(struct tpl_dict *d, const char *key, const json_t *v)
{
	char text[32];

	if (json_is_number(v))
		snprintf(text, sizeof(text), "%.2f", json_number_value(v));
	else
		snprintf(text, sizeof(text), "n/a");
	tpl_set(d, key, text);
}

/* Commitment in months, "n/a" when not stated. */
static void
set_months(struct tpl_dict *d, const char *key, const json_t *v)
{
	char text[32];

	if (json_is_integer(v))
		snprintf(text, sizeof(text), "%lld months", (long long)json_integer_value(v));
	else
		snprintf(text, sizeof(text), "n/a");
	tpl_set(d, key, text);
}

/* The facts of the request and its offers. */
static void
request_facts(struct tpl_dict *d, const json_t *req)
{
	const json_t	*a = json_object_get(req, "address"), *o;
	struct tpl_dict	*row;
	char		 line[512];
	size_t		 i;

	tpl_set(d, "REQUEST_ID", json_str(req, "_id"));
	tpl_set(d, "TYPE", json_str(req, "type"));
	snprintf(line, sizeof(line), "%s, %s %s", json_str(a, "address"), json_str(a, "zip"), json_str(a, "city"));
	tpl_set(d, "ADDRESS", line);
	tpl_set(d, "CUSTOMER", json_str(req, "customerName") ? json_str(req, "customerName") :
	    json_str(req, "reseller"));
	tpl_set(d, "REFERENCE", json_str(req, "reference") ? json_str(req, "reference") : "-");
	tpl_set(d, "REQUESTED_PRODUCT", json_str(req, "productName") ? json_str(req, "productName") : "-");
	tpl_set(d, "CREATOR", json_str(req, "createdByName"));
	if (json_str(req, "expires") != NULL) {
		snprintf(line, sizeof(line), "%.10s", json_str(req, "expires"));
		tpl_set(d, "EXPIRES", line);
	}
	json_array_foreach(json_object_get(req, "offers"), i, o) {
		row = tpl_section_add(d, "OFFER");
		tpl_set(row, "PRODUCT_NAME", json_str(o, "productName"));
		set_price(row, "MONTHLY_CUSTOMER", json_object_get(o, "monthlyCustomer"));
		set_price(row, "INITIATION_CUSTOMER", json_object_get(o, "initiationCustomer"));
		set_months(row, "COMMITMENT", json_object_get(o, "commitment"));
		tpl_set(row, "PROVIDER", json_str(o, "providerName") ? json_str(o, "providerName") : "-");
	}
}

/* The facts of the account and of the offer it ordered. */
static void
account_facts(struct tpl_dict *d, const json_t *acc)
{
	char	day[16];

	tpl_set(d, "ACCOUNT_ID", json_str(acc, "_id"));
	tpl_set(d, "ACCOUNT_STATE", json_str(acc, "state"));
	snprintf(day, sizeof(day), "%.10s", json_str(acc, "startDate") ? json_str(acc, "startDate") : "-");
	tpl_set(d, "START_DATE", day);
	tpl_set(d, "INSTALL_TIME", json_str(acc, "installTime") ? json_str(acc, "installTime") : "-");
	tpl_set(d, "CIRCUIT", json_str(acc, "circuit") ? json_str(acc, "circuit") : "-");
	tpl_set(d, "ORDERED_PRODUCT", json_str(acc, "productName"));
	set_price(d, "ORDERED_MONTHLY", json_object_get(acc, "monthlyCustomer"));
	set_price(d, "ORDERED_INITIATION", json_object_get(acc, "initiationCustomer"));
	set_months(d, "ORDERED_COMMITMENT", json_object_get(acc, "commitment"));
	tpl_set(d, "ORDERED_PROVIDER", json_str(acc, "providerName") ? json_str(acc, "providerName") : "-");
}

/* Queue `event` to the creator and every notify employee, once each. */
static int
to_people(struct store *st, const char *event, const json_t *req, struct tpl_dict *d)
{
	const json_t	*e, *f;
	size_t		 i, j;
	int		 dup;

	if (outbox_queue_user(st, event, json_str(req, "_id"), json_str(req, "createdBy"), d) < 0)
		return -1;
	json_array_foreach(json_object_get(req, "notify"), i, e) {
		dup = strcmp(json_str(e, "_id"), json_str(req, "createdBy")) == 0;
		json_array_foreach(json_object_get(req, "notify"), j, f)
			dup |= j < i && strcmp(json_str(e, "_id"), json_str(f, "_id")) == 0;
		if (!dup && outbox_queue_user(st, event, json_str(req, "_id"), json_str(e, "_id"), d) < 0)
			return -1;
	}
	return 0;
}

/* Fill a dictionary from the request (and the account) and queue the
 * event to the operator or to the people of the request. */
static int
queue(struct store *st, const char *event, const json_t *req, const json_t *acc,
    int operator)
{
	struct tpl_dict	*d;
	int		 rc;

	if (req == NULL || (d = tpl_dict_new(event)) == NULL)
		return -1;
	request_facts(d, req);
	if (acc != NULL)
		account_facts(d, acc);
	rc = operator ? outbox_queue_operator(st, event, json_str(req, "_id"), d) :
	    to_people(st, event, req, d);
	tpl_dict_free(d);
	return rc;
}

/* To the operator: a request waits for offers. */
int
inet_mail_created(struct store *st, const json_t *req)
{
	return queue(st, "internet_created", req, NULL, 1);
}

/* To the creator and notify list: time to select an offer. */
int
inet_mail_answered(struct store *st, const json_t *req)
{
	return queue(st, "internet_answered", req, NULL, 0);
}

/* To the operator: an offer was ordered. */
int
inet_mail_ordered(struct store *st, const json_t *req, const json_t *acc)
{
	return acc == NULL ? -1 : queue(st, "offer_ordered", req, acc, 1);
}

/* To the creator and notify list: the account is confirmed. */
int
inet_mail_confirmed(struct store *st, const json_t *req, const json_t *acc)
{
	return acc == NULL ? -1 : queue(st, "account_confirmed", req, acc, 0);
}
