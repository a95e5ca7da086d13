/*
 * inet_account.c — Internet accounts: ordering one offer of an answered
 * request (ORDERED), its confirmation (CONFIRMED, with the delivery
 * date, time window and circuit), its activation (ACTIVE) and its
 * cancellation (CANCELLED).  The account keeps a copy of the offer as it
 * was when ordered, and who moved it and when; the request's state
 * follows the account's (migration 22's triggers, in the same
 * transaction).  Each transition is one unit of work in one function
 * (order_write, confirm_checked, activate_unit, cancel_unit), where what
 * it queues is queued.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "errors.h"
#include "http.h"
#include "inet_check.h"
#include "inet_mail.h"
#include "inet_request.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "webhook.h"


/* The properties of the ordered offer an account shows. */
static const char *const offer_keys[] = {
	"product", "initiationFeeProduct", "initiationCost", "initiationWholesale",
	"initiationCustomer", "monthlyCost", "monthlyWholesale", "monthlyCustomer",
	"commitment", "providerName", "providerOfferId", "productName",
};

/* The account at the current row of `s`, as `who` may see it. */
static json_t *
account_json(struct rows *s, const struct principal *who)
{
	json_t	*o, *offer, *v;
	size_t	 i;

	o = json_pack("{s:s, s:s, s:s, s:s}", "_id", store_text(s, ACCOUNT_ID),
	    "request", store_text(s, ACCOUNT_REQUEST_ID),
	    "offer", store_text(s, ACCOUNT_OFFER_ID),
	    "state", store_text(s, ACCOUNT_STATE));
	if (o == NULL)
		return NULL;
	store_json_text(o, "customer", s, ACCOUNT_CUSTOMER_ID);
	store_json_text(o, "reseller", s, ACCOUNT_RESELLER_ID);
	offer = json_loads(store_text(s, ACCOUNT_OFFER), 0, NULL);
	for (i = 0; i < sizeof(offer_keys) / sizeof(offer_keys[0]); i++)
		if ((v = json_object_get(offer, offer_keys[i])) != NULL &&
		    inet_price_visible(who, offer_keys[i]))
			json_object_set(o, offer_keys[i], v);
	json_decref(offer);
	store_json_text(o, "ordered", s, ACCOUNT_ORDERED);
	store_json_text(o, "orderedBy", s, ACCOUNT_ORDERED_BY);
	store_json_text(o, "confirmed", s, ACCOUNT_CONFIRMED);
	store_json_text(o, "confirmedBy", s, ACCOUNT_CONFIRMED_BY);
	store_json_text(o, "startDate", s, ACCOUNT_START_DATE);
	store_json_text(o, "installTime", s, ACCOUNT_INSTALL_TIME);
	store_json_text(o, "circuit", s, ACCOUNT_CIRCUIT);
	store_json_text(o, "activated", s, ACCOUNT_ACTIVATED);
	store_json_text(o, "activatedBy", s, ACCOUNT_ACTIVATED_BY);
	store_json_text(o, "cancelled", s, ACCOUNT_CANCELLED);
	store_json_text(o, "cancelledBy", s, ACCOUNT_CANCELLED_BY);
	return o;
}

/* Read one account within the caller's scope (new reference), or NULL. */
json_t *
inet_account_load(struct store *st, const struct principal *who, const char *id,
    const char *request_id, int *err)
{
	struct rows	*s;
	json_t		*o = NULL;
	int		 rc;

	*err = -1;
	if ((s = store_query(st, ST_INET_ACCOUNT_GET, "issss", SCOPE_ARGS(who), id,
	    request_id)) == NULL)
		return NULL;
	if ((rc = store_row(s)) == 1)
		o = account_json(s, who);
	store_done(s);
	if (rc < 0 || (rc == 1 && o == NULL))
		return NULL;
	*err = 0;
	return o;
}


/* The offer `id` of the request `req`, borrowed, or NULL. */
static const json_t *
offer_of(const json_t *req, const char *id)
{
	const json_t	*o;
	size_t		 i;

	json_array_foreach(json_object_get(req, "offers"), i, o)
		if (strcmp(json_string_value(json_object_get(o, "_id")), id) == 0)
			return o;
	return NULL;
}

/* Report one problem; returns 1, the outcome of a refused change. */
static int
refuse(struct problems *pb, enum xerr e, const char *code, const char *path)
{
	return xproblem(pb, e, code, path, NULL) < 0 ? -1 : 1;
}

/* The mails of the account's transitions (inet_mail.h). */
typedef int (*account_mail)(struct store *, const json_t *, const json_t *);

/* The webhook event (webhook.h) of each transition, by its mail. */
static const struct {
	account_mail	 mail;
	enum hook_event	 event;
} account_events[] = {
	{ inet_mail_ordered, HOOK_ACCOUNT_ORDERED },
	{ inet_mail_confirmed, HOOK_ACCOUNT_CONFIRMED },
	{ inet_mail_activated, HOOK_ACCOUNT_ACTIVATED },
	{ inet_mail_cancelled, HOOK_ACCOUNT_CANCELLED },
};

/* Queue `mail` for the account `id` just written, of the request `req`
 * (the operator's INET_PAGE view), and the transition's webhook event.
 * 0 or -1. */
static int
mail_account(struct store *st, const json_t *req, const char *id, account_mail mail)
{
	json_t	*acc;
	size_t	 i;
	int	 err, rc;

	if ((acc = inet_account_load(st, &principal_operator, id, NULL, &err)) == NULL)
		return -1;
	rc = mail(st, req, acc);
	json_decref(acc);
	for (i = 0; rc == 0 && i < sizeof(account_events) / sizeof(account_events[0]); i++)
		if (account_events[i].mail == mail)
			rc = inet_account_emit(st, id, account_events[i].event);
	return rc;
}

/* hook_load_fn: the account as `who` reads it. */
static json_t *
account_as(struct store *st, const struct principal *who, const char *id)
{
	int err;

	return inet_account_load(st, who, id, NULL, &err);
}

int
inet_account_emit(struct store *st, const char *id, enum hook_event e)
{
	return hook_emit_views(st, e, id, account_as);
}

/* Insert the account for the offer and queue its mail.  0, 1 (another
 * order came first), or -1. */
static int
order_write(struct store *st, const struct principal *who, const json_t *req,
    const json_t *offer, struct problems *pb, char id[25])
{
	char	 now[32], *snapshot;
	int	 rc;

	if (new_object_id(id) < 0 || (snapshot = json_dumps(offer, JSON_COMPACT)) == NULL)
		return -1;
	now_iso(now);
	rc = store_exec(st, ST_INET_ACCOUNT_ADD, "ssssssss", id,
	    json_string_value(json_object_get(req, "_id")),
	    json_string_value(json_object_get(offer, "_id")),
	    json_string_value(json_object_get(req, "customer")),
	    json_string_value(json_object_get(req, "reseller")), snapshot, now, who->user_id);
	free(snapshot);
	if (rc == -2)	/* another order of this request won the race */
		return refuse(pb, XERR_ORDERED, NULL, "request");
	if (rc != 1)
		return -1;
	return mail_account(st, req, id, inet_mail_ordered);
}

/* Unit of work: the checks of an order and the account.  0, 1
 * (refused), or -1. */
static int
order_unit(struct store *st, void *arg)
{
	struct inet_change	*c = arg;
	const struct principal	*who = c->who;
	struct problems		*pb = c->pb;
	const char		*req_id = json_string_value(json_object_get(c->body, "request"));
	const char		*cust = json_string_value(json_object_get(c->body, "customer"));
	const json_t		*offer;
	json_t			*req;
	int			 err, has, rc;

	if ((req = inet_load(st, who, req_id, INET_CONDENSED, &err)) == NULL)
		return err < 0 ? -1 : refuse(pb, XERR_ORDER_REQUEST_NOT_FOUND, NULL, "request");
	json_decref(req);
	if ((req = inet_load(st, &principal_operator, req_id, INET_PAGE, &err)) == NULL)
		return -1;
	offer = offer_of(req, json_string_value(json_object_get(c->body, "offer")));
	if (cust != NULL && (json_object_get(req, "customer") == NULL ||
	    strcmp(cust, json_string_value(json_object_get(req, "customer"))) != 0))
		rc = refuse(pb, XERR_CUSTOMER_MISMATCH, "customer", "customer");
	else if (offer == NULL)
		rc = refuse(pb, XERR_OFFER_NOT_FOUND, "offer", "offer");
	else if (json_object_get(req, "account") != NULL)
		rc = refuse(pb, XERR_ORDERED, NULL, "request");
	else if (inet_seconds_left(req, &has) < 0)
		rc = refuse(pb, XERR_EXPIRED, NULL, "offer");
	else
		rc = order_write(st, who, req, offer, pb, c->new_id);
	json_decref(req);
	return rc;
}

/* The answer kept with the Idempotency-Key of an order, inside its
 * unit: 201, its Location, the account as its orderer sees it.  0 or -1. */
static int
order_answer(struct store *st, void *arg, struct idem *ik)
{
	const struct inet_change	*c = arg;
	json_t				*o;
	char				*text, loc[64];
	int				 err, rc;

	if ((o = inet_account_load(st, c->who, c->new_id, NULL, &err)) == NULL)
		return -1;
	text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (text == NULL)
		return -1;
	snprintf(loc, sizeof(loc), "/internet/account/%s", c->new_id);
	rc = idem_record(st, ik, HTTP_CREATED, "Location", loc, text);
	free(text);
	return rc;
}

/* Check the body, then order the offer as one unit of work.  0, 1, -1. */
int
inet_order(struct store *st, const struct principal *who, const json_t *body,
    struct problems *pb, char id[25])
{
	return inet_order_keyed(st, who, body, pb, id, NULL);
}

int
inet_order_keyed(struct store *st, const struct principal *who, const json_t *body,
    struct problems *pb, char id[25], struct idem *ik)
{
	struct inet_change c = { who, body, NULL, pb, "", ik, order_answer };

	if (!inet_may_order(who))
		return refuse(pb, XERR_ACCESS, NULL, NULL);
	if (!json_is_string(json_object_get(body, "request")))
		xproblem(pb, XERR_ORDER_REQUEST_REQUIRED, "request", "request", NULL);
	if (!json_is_string(json_object_get(body, "offer")))
		xproblem(pb, XERR_OFFER_REQUIRED, "offer", "offer", NULL);
	if (json_object_get(body, "customer") != NULL &&
	    !json_is_null(json_object_get(body, "customer")) &&
	    !json_is_string(json_object_get(body, "customer")))
		xproblem(pb, XERR_NOT_STRING, "customer", "customer", NULL);
	if (pb->failed)
		return -1;
	if (problems_found(pb) > 0)
		return 1;
	return inet_change_run(st, order_unit, &c, "account ordered", id);
}

/* Check the body of a confirmation into start / install / circuit. */
static void
confirm_body(const json_t *body, struct problems *pb, char start[32],
    const char **install, const char **circuit)
{
	const json_t	*v;
	long		 day;

	v = json_object_get(body, "startDate");
	if (v == NULL || json_is_null(v))
		xproblem(pb, XERR_START_REQUIRED, "startDate", "startDate", NULL);
	else if (!json_is_string(v) || inet_parse_day(json_string_value(v), &day) < 0)
		xproblem(pb, XERR_DATE_FORMAT, "startDate", "startDate", NULL);
	else
		inet_epoch_iso((time_t)day * 86400, start);
	v = json_object_get(body, "installTime");
	if (v != NULL && !json_is_null(v) && !inet_install_time_valid(json_string_value(v)))
		xproblem(pb, XERR_INSTALL_TIME, "installTime", "installTime", NULL);
	else if (v != NULL)
		*install = json_string_value(v);
	v = json_object_get(body, "circuit");
	if (v != NULL && !json_is_null(v) && (!json_is_string(v) || json_string_length(v) > 64))
		xproblem(pb, XERR_LENGTH, "circuit", "circuit", "64");
	else if (v != NULL)
		*circuit = json_string_value(v);
}

/* The confirmation of a loaded account.  0, 1 (refused), or -1. */
static int
confirm_checked(struct store *st, const struct principal *who, const json_t *acc,
    const json_t *body, struct problems *pb)
{
	const char	*id = json_string_value(json_object_get(acc, "_id"));
	const char	*req_id = json_string_value(json_object_get(acc, "request"));
	const char	*install = NULL, *circuit = NULL;
	json_t		*req;
	char		 start[32] = "", now[32];
	int		 err, rc;

	if (strcmp(json_string_value(json_object_get(acc, "state")), "ORDERED") != 0)
		return refuse(pb, XERR_CONFIRM_STATE, NULL, "state");
	confirm_body(body, pb, start, &install, &circuit);
	if (pb->failed)
		return -1;
	if (problems_found(pb) > 0)
		return 1;
	if ((req = inet_load(st, &principal_operator, req_id, INET_PAGE, &err)) == NULL)
		return -1;
	if (install == NULL)
		install = json_string_value(json_object_get(req, "installTime"));
	now_iso(now);
	rc = store_exec(st, ST_INET_ACCOUNT_CONFIRM, "ssssss", id, now, who->user_id,
	    start, install, circuit);
	if (rc == 0) {
		json_decref(req);
		return refuse(pb, XERR_CONFIRM_STATE, NULL, "state");
	}
	rc = rc == 1 ? mail_account(st, req, id, inet_mail_confirmed) : -1;
	json_decref(req);
	return rc;
}

/* Unit of work: load the account, check and confirm it.  0, 1, or -1. */
static int
confirm_unit(struct store *st, void *arg)
{
	struct inet_change *c = arg;
	json_t		*acc;
	int		 err, rc;

	if ((acc = inet_account_load(st, c->who, c->id, NULL, &err)) == NULL)
		return err < 0 ? -1 : refuse(c->pb, XERR_ACCOUNT_NOT_FOUND, NULL, NULL);
	rc = confirm_checked(st, c->who, acc, c->body, c->pb);
	json_decref(acc);
	return rc;
}

/* Confirm an ORDERED account as one unit of work.  0, 1, or -1. */
int
inet_confirm(struct store *st, const struct principal *who, const char *id,
    const json_t *body, struct problems *pb)
{
	struct inet_change c = { who, body, id, pb, "", NULL, NULL };

	if (!inet_may_confirm(who))
		return refuse(pb, XERR_ACCESS, NULL, NULL);
	return inet_change_run(st, confirm_unit, &c, "account confirmed", NULL);
}

/* The account of the change `c`, loaded in the caller's scope (new
 * reference), or NULL with *rc the outcome: 1 (not found) or -1. */
static json_t *
account_of(struct store *st, struct inet_change *c, int *rc)
{
	json_t	*acc;
	int	 err;

	if ((acc = inet_account_load(st, c->who, c->id, NULL, &err)) == NULL)
		*rc = err < 0 ? -1 : refuse(c->pb, XERR_ACCOUNT_NOT_FOUND, NULL, NULL);
	return acc;
}

/* Move the loaded account `acc` with `stmt` (which changes it only from
 * the states it leaves: 0 rows is the state refusal `refused`), then
 * queue `mail`.  0, 1 (refused), or -1. */
static int
account_move(struct store *st, const struct principal *who, const json_t *acc,
    enum stmt stmt, enum xerr refused, account_mail mail, struct problems *pb)
{
	const char	*id = json_string_value(json_object_get(acc, "_id"));
	json_t		*req;
	char		 now[32];
	int		 err, rc;

	now_iso(now);
	if ((rc = store_exec(st, stmt, "sss", id, now, who->user_id)) == 0)
		return refuse(pb, refused, NULL, "state");
	if (rc != 1)
		return -1;
	if ((req = inet_load(st, &principal_operator,
	    json_string_value(json_object_get(acc, "request")), INET_PAGE, &err)) == NULL)
		return -1;
	rc = mail_account(st, req, id, mail);
	json_decref(req);
	return rc;
}

/* Unit of work: CONFIRMED -> ACTIVE, the account_activated mail.  0, 1,
 * or -1. */
static int
activate_unit(struct store *st, void *arg)
{
	struct inet_change	*c = arg;
	json_t			*acc;
	int			 rc;

	if ((acc = account_of(st, c, &rc)) == NULL)
		return rc;
	rc = account_move(st, c->who, acc, ST_INET_ACCOUNT_ACTIVATE, XERR_ACTIVATE_STATE,
	    inet_mail_activated, c->pb);
	json_decref(acc);
	return rc;
}

/* Unit of work: ORDERED, CONFIRMED or ACTIVE -> CANCELLED, the
 * account_cancelled mail.  0, 1, or -1. */
static int
cancel_unit(struct store *st, void *arg)
{
	struct inet_change	*c = arg;
	json_t			*acc;
	int			 rc;

	if ((acc = account_of(st, c, &rc)) == NULL)
		return rc;
	rc = account_move(st, c->who, acc, ST_INET_ACCOUNT_CANCEL, XERR_CANCEL_STATE,
	    inet_mail_cancelled, c->pb);
	json_decref(acc);
	return rc;
}

/* Activate a CONFIRMED account as one unit of work.  0, 1, or -1. */
int
inet_activate(struct store *st, const struct principal *who, const char *id,
    struct problems *pb)
{
	struct inet_change c = { who, NULL, id, pb, "", NULL, NULL };

	if (who->level != LVL_ADMIN)
		return refuse(pb, XERR_ACCESS, NULL, NULL);
	return inet_change_run(st, activate_unit, &c, "account activated", NULL);
}

/* Cancel an account not yet cancelled as one unit of work.  0, 1, or -1. */
int
inet_cancel(struct store *st, const struct principal *who, const char *id,
    struct problems *pb)
{
	struct inet_change c = { who, NULL, id, pb, "", NULL, NULL };

	if (who->level != LVL_ADMIN)
		return refuse(pb, XERR_ACCESS, NULL, NULL);
	return inet_change_run(st, cancel_unit, &c, "account cancelled", NULL);
}
