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

#include "auth.h"
#include "inet_mail.h"
#include "inet_request.h"
#include "outbox.h"
#include "store.h"
#include "tpl.h"

static const struct principal operator_scope = { .level = LVL_ADMIN };

/* A string property, or NULL.  Borrowed. */
static const char *
str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

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

	tpl_set(d, "REQUEST_ID", str(req, "_id"));
	tpl_set(d, "TYPE", str(req, "type"));
	snprintf(line, sizeof(line), "%s, %s %s", str(a, "address"), str(a, "zip"), str(a, "city"));
	tpl_set(d, "ADDRESS", line);
	tpl_set(d, "CUSTOMER", str(req, "customerName") ? str(req, "customerName") :
	    str(req, "reseller"));
	tpl_set(d, "REFERENCE", str(req, "reference") ? str(req, "reference") : "-");
	tpl_set(d, "REQUESTED_PRODUCT", str(req, "productName") ? str(req, "productName") : "-");
	tpl_set(d, "CREATOR", str(req, "createdByName"));
	if (str(req, "expires") != NULL) {
		snprintf(line, sizeof(line), "%.10s", str(req, "expires"));
		tpl_set(d, "EXPIRES", line);
	}
	json_array_foreach(json_object_get(req, "offers"), i, o) {
		row = tpl_section_add(d, "OFFER");
		tpl_set(row, "PRODUCT_NAME", str(o, "productName"));
		set_price(row, "MONTHLY_CUSTOMER", json_object_get(o, "monthlyCustomer"));
		set_price(row, "INITIATION_CUSTOMER", json_object_get(o, "initiationCustomer"));
		set_months(row, "COMMITMENT", json_object_get(o, "commitment"));
		tpl_set(row, "PROVIDER", str(o, "providerName") ? str(o, "providerName") : "-");
	}
}

/* The facts of the account and of the offer it ordered. */
static void
account_facts(struct tpl_dict *d, const json_t *acc)
{
	char	day[16];

	tpl_set(d, "ACCOUNT_ID", str(acc, "_id"));
	tpl_set(d, "ACCOUNT_STATE", str(acc, "state"));
	snprintf(day, sizeof(day), "%.10s", str(acc, "startDate") ? str(acc, "startDate") : "-");
	tpl_set(d, "START_DATE", day);
	tpl_set(d, "INSTALL_TIME", str(acc, "installTime") ? str(acc, "installTime") : "-");
	tpl_set(d, "CIRCUIT", str(acc, "circuit") ? str(acc, "circuit") : "-");
	tpl_set(d, "ORDERED_PRODUCT", str(acc, "productName"));
	set_price(d, "ORDERED_MONTHLY", json_object_get(acc, "monthlyCustomer"));
	set_price(d, "ORDERED_INITIATION", json_object_get(acc, "initiationCustomer"));
	set_months(d, "ORDERED_COMMITMENT", json_object_get(acc, "commitment"));
	tpl_set(d, "ORDERED_PROVIDER", str(acc, "providerName") ? str(acc, "providerName") : "-");
}

/* Queue `event` to the creator and every notify employee, once each. */
static int
to_people(struct store *st, const char *event, const json_t *req, struct tpl_dict *d)
{
	const json_t	*e, *f;
	size_t		 i, j;
	int		 dup;

	if (outbox_queue_user(st, event, str(req, "_id"), str(req, "createdBy"), d) < 0)
		return -1;
	json_array_foreach(json_object_get(req, "notify"), i, e) {
		dup = strcmp(str(e, "_id"), str(req, "createdBy")) == 0;
		json_array_foreach(json_object_get(req, "notify"), j, f)
			dup |= j < i && strcmp(str(e, "_id"), str(f, "_id")) == 0;
		if (!dup && outbox_queue_user(st, event, str(req, "_id"), str(e, "_id"), d) < 0)
			return -1;
	}
	return 0;
}

/* Load the request (and the account), fill a dictionary and queue the
 * event to the operator or to the people of the request. */
static int
queue(struct store *st, const char *event, const char *request_id,
    const char *account_id, int operator)
{
	struct tpl_dict	*d = NULL;
	json_t		*req, *acc = NULL;
	int		 err, rc = -1;

	if ((req = inet_load(st, &operator_scope, request_id, INET_PAGE, &err)) == NULL)
		return -1;
	if (account_id != NULL &&
	    (acc = inet_account_load(st, &operator_scope, account_id, NULL, &err)) == NULL)
		goto out;
	if ((d = tpl_dict_new(event)) == NULL)
		goto out;
	request_facts(d, req);
	if (acc != NULL)
		account_facts(d, acc);
	rc = operator ? outbox_queue_operator(st, event, request_id, d) :
	    to_people(st, event, req, d);
out:
	tpl_dict_free(d);
	json_decref(acc);
	json_decref(req);
	return rc;
}

/* To the operator: a request waits for offers. */
int
inet_mail_created(struct store *st, const char *request_id)
{
	return queue(st, "internet_created", request_id, NULL, 1);
}

/* To the creator and notify list: time to select an offer. */
int
inet_mail_answered(struct store *st, const char *request_id)
{
	return queue(st, "internet_answered", request_id, NULL, 0);
}

/* To the operator: an offer was ordered. */
int
inet_mail_ordered(struct store *st, const char *request_id, const char *account_id)
{
	return queue(st, "offer_ordered", request_id, account_id, 1);
}

/* To the creator and notify list: the account is confirmed. */
int
inet_mail_confirmed(struct store *st, const char *request_id, const char *account_id)
{
	return queue(st, "account_confirmed", request_id, account_id, 0);
}
