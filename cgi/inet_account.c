/*
 * inet_account.c — Internet accounts: ordering one offer of an answered
 * request (ORDERED), and its confirmation (CONFIRMED, with the delivery
 * date, time window and circuit).  The account keeps a copy of the
 * offer as it was when ordered.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "http.h"
#include "inet_check.h"
#include "inet_mail.h"
#include "inet_request.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "writer.h"

/* Reads inside a change that the caller's own scope already allowed. */
static const struct principal operator_scope = { .level = LVL_ADMIN };

/* The properties of the ordered offer an account shows. */
static const char *const offer_keys[] = {
	"product", "initiationFeeProduct", "initiationCost", "initiationWholesale",
	"initiationCustomer", "monthlyCost", "monthlyWholesale", "monthlyCustomer",
	"commitment", "providerName", "providerOfferId", "productName",
};

/* Column of ST_INET_ACCOUNT_GET. */
enum acol {
	AC_ID, AC_REQUEST, AC_OFFER_ID, AC_CUSTOMER, AC_RESELLER, AC_STATE,
	AC_OFFER, AC_ORDERED, AC_ORDERED_BY, AC_CONFIRMED, AC_CONFIRMED_BY,
	AC_START, AC_INSTALL_TIME, AC_CIRCUIT,
};

/* Set key to the text of column col, unless it is NULL. */
static void
set_col(json_t *o, const char *key, sqlite3_stmt *s, int col)
{
	if (!store_isnull(s, col))
		json_object_set_new(o, key, json_string(store_text(s, col)));
}

/* The account at the current row of `s`, as `who` may see it. */
static json_t *
account_json(sqlite3_stmt *s, const struct principal *who)
{
	json_t	*o, *offer, *v;
	size_t	 i;

	o = json_pack("{s:s, s:s, s:s, s:s}", "_id", store_text(s, AC_ID),
	    "request", store_text(s, AC_REQUEST), "offer", store_text(s, AC_OFFER_ID),
	    "state", store_text(s, AC_STATE));
	if (o == NULL)
		return NULL;
	set_col(o, "customer", s, AC_CUSTOMER);
	set_col(o, "reseller", s, AC_RESELLER);
	offer = json_loads(store_text(s, AC_OFFER), 0, NULL);
	for (i = 0; i < sizeof(offer_keys) / sizeof(offer_keys[0]); i++)
		if ((v = json_object_get(offer, offer_keys[i])) != NULL &&
		    inet_price_visible(who, offer_keys[i]))
			json_object_set(o, offer_keys[i], v);
	json_decref(offer);
	set_col(o, "ordered", s, AC_ORDERED);
	set_col(o, "orderedBy", s, AC_ORDERED_BY);
	set_col(o, "confirmed", s, AC_CONFIRMED);
	set_col(o, "confirmedBy", s, AC_CONFIRMED_BY);
	set_col(o, "startDate", s, AC_START);
	set_col(o, "installTime", s, AC_INSTALL_TIME);
	set_col(o, "circuit", s, AC_CIRCUIT);
	return o;
}

/* Read one account within the caller's scope (new reference), or NULL. */
json_t *
inet_account_load(struct store *st, const struct principal *who, const char *id,
    const char *request_id, int *err)
{
	sqlite3_stmt	*s;
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

/* An order or a confirmation, run as a unit of work by the writer
 * (writer.h); the caller waits for it. */
struct change {
	const struct principal	*who;
	const json_t		*body;
	const char		*id;		/* the account confirmed */
	json_t			*errors;
	char			 new_id[25];
};

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

/* Insert the account for the offer and queue its mail.  0, 409, or -1. */
static int
order_write(struct store *st, const struct principal *who, const json_t *req,
    const json_t *offer, json_t *errors, char id[25])
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
		return inet_fail(errors, 409, "conflict", "request", "unique", "An offer of "
		    "this Internet request has already been ordered");
	if (rc != 1 || inet_mail_ordered(st, json_string_value(json_object_get(req, "_id")),
	    id) < 0)
		return -1;
	return 0;
}

/* Unit of work: the checks of an order and the account.  0, a status,
 * or -1. */
static int
order_unit(struct store *st, void *arg)
{
	struct change		*c = arg;
	const struct principal	*who = c->who;
	json_t			*errors = c->errors;
	const char		*req_id = json_string_value(json_object_get(c->body, "request"));
	const char		*cust = json_string_value(json_object_get(c->body, "customer"));
	const json_t		*offer;
	json_t			*req;
	int			 err, has, rc;

	if ((req = inet_load(st, who, req_id, INET_CONDENSED, &err)) == NULL)
		return err < 0 ? -1 : inet_fail(errors, 404, "not_found", "request", "exists",
		    "Internet request not found");
	json_decref(req);
	if ((req = inet_load(st, &operator_scope, req_id, INET_PAGE, &err)) == NULL)
		return -1;
	offer = offer_of(req, json_string_value(json_object_get(c->body, "offer")));
	if (cust != NULL && (json_object_get(req, "customer") == NULL ||
	    strcmp(cust, json_string_value(json_object_get(req, "customer"))) != 0))
		rc = inet_fail(errors, 422, "customer", "customer", "valid",
		    "Customer does not match the Internet request");
	else if (offer == NULL)
		rc = inet_fail(errors, 404, "offer", "offer", "exists", "Offer not found");
	else if (json_object_get(req, "account") != NULL)
		rc = inet_fail(errors, 409, "conflict", "request", "unique", "An offer of "
		    "this Internet request has already been ordered");
	else if (inet_seconds_left(req, &has) < 0)
		rc = inet_fail(errors, 422, "expired", "offer", "expired",
		    "The offer has expired");
	else
		rc = order_write(st, who, req, offer, errors, c->new_id);
	json_decref(req);
	return rc;
}

/* Check the body, then order the offer as one unit of work.  0, a status, -1. */
int
inet_order(struct store *st, const struct principal *who, const json_t *body,
    json_t *errors, char id[25])
{
	struct change	c = { who, body, NULL, errors, "" };
	int		rc;

	if (!inet_may_order(who))
		return inet_fail(errors, 403, "access_denied", NULL, NULL, "Insufficient access level");
	if (!json_is_string(json_object_get(body, "request")))
		inet_fail(errors, 422, "request", "request", "required",
		    "Internet request is required");
	if (!json_is_string(json_object_get(body, "offer")))
		inet_fail(errors, 422, "offer", "offer", "required", "Offer is required");
	if (json_object_get(body, "customer") != NULL &&
	    !json_is_null(json_object_get(body, "customer")) &&
	    !json_is_string(json_object_get(body, "customer")))
		inet_fail(errors, 422, "customer", "customer", "type", "Must be a string");
	if (json_array_size(errors) > 0)
		return inet_errors_status(errors);
	if ((rc = store_write(st, order_unit, &c)) == 0) {
		memcpy(id, c.new_id, sizeof(c.new_id));
		log_info("internet account %s ordered by %s", id, who->user_id);
	}
	return rc;
}

/* Check the body of a confirmation into start / install / circuit. */
static void
confirm_body(const json_t *body, json_t *errors, char start[32],
    const char **install, const char **circuit)
{
	const json_t	*v;
	long		 day;

	v = json_object_get(body, "startDate");
	if (v == NULL || json_is_null(v))
		inet_fail(errors, 422, "startDate", "startDate", "required", "Start date is required");
	else if (!json_is_string(v) || inet_parse_day(json_string_value(v), &day) < 0)
		inet_fail(errors, 422, "startDate", "startDate", "format",
		    "Must be a date (YYYY-MM-DD)");
	else
		inet_epoch_iso((time_t)day * 86400, start);
	v = json_object_get(body, "installTime");
	if (v != NULL && !json_is_null(v) && !inet_install_time_valid(json_string_value(v)))
		inet_fail(errors, 422, "installTime", "installTime", "enum",
		    "Must be one of 7_30_TO_16, 7_30_TO_12, 12_TO_16");
	else if (v != NULL)
		*install = json_string_value(v);
	v = json_object_get(body, "circuit");
	if (v != NULL && !json_is_null(v) && (!json_is_string(v) || json_string_length(v) > 64))
		inet_fail(errors, 422, "circuit", "circuit", "length",
		    "Invalid length. At most 64 is required.");
	else if (v != NULL)
		*circuit = json_string_value(v);
}

/* The confirmation of a loaded account.  0, a status, or -1. */
static int
confirm_checked(struct store *st, const struct principal *who, const json_t *acc,
    const json_t *body, json_t *errors)
{
	const char	*id = json_string_value(json_object_get(acc, "_id"));
	const char	*req_id = json_string_value(json_object_get(acc, "request"));
	const char	*install = NULL, *circuit = NULL;
	json_t		*req;
	char		 start[32] = "", now[32];
	int		 err, rc;

	if (strcmp(json_string_value(json_object_get(acc, "state")), "ORDERED") != 0)
		return inet_fail(errors, 422, "state", "state", "state",
		    "Only an ORDERED account can be confirmed");
	confirm_body(body, errors, start, &install, &circuit);
	if (json_array_size(errors) > 0)
		return inet_errors_status(errors);
	if ((req = inet_load(st, &operator_scope, req_id, INET_FULL, &err)) == NULL)
		return -1;
	if (install == NULL)
		install = json_string_value(json_object_get(req, "installTime"));
	now_iso(now);
	rc = store_exec(st, ST_INET_ACCOUNT_CONFIRM, "ssssss", id, now, who->user_id,
	    start, install, circuit);
	json_decref(req);
	if (rc == 0)
		return inet_fail(errors, 422, "state", "state", "state",
		    "Only an ORDERED account can be confirmed");
	if (rc != 1 || inet_mail_confirmed(st, req_id, id) < 0)
		return -1;
	return 0;
}

/* Unit of work: load the account, check and confirm it.  0, a status,
 * or -1. */
static int
confirm_unit(struct store *st, void *arg)
{
	struct change	*c = arg;
	json_t		*acc;
	int		 err, rc;

	if ((acc = inet_account_load(st, c->who, c->id, NULL, &err)) == NULL)
		return err < 0 ? -1 : inet_fail(c->errors, 404, "not_found", NULL, NULL,
		    "Internet account not found");
	rc = confirm_checked(st, c->who, acc, c->body, c->errors);
	json_decref(acc);
	return rc;
}

/* Confirm an ORDERED account as one unit of work.  0, a status, -1. */
int
inet_confirm(struct store *st, const struct principal *who, const char *id,
    const json_t *body, json_t *errors)
{
	struct change	c = { who, body, id, errors, "" };
	int		rc;

	if (!inet_may_confirm(who))
		return inet_fail(errors, 403, "access_denied", NULL, NULL, "Insufficient access level");
	if ((rc = store_write(st, confirm_unit, &c)) == 0)
		log_info("internet account %s confirmed by %s", id, who->user_id);
	return rc;
}
