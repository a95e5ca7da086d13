/*
 * inet_api.c — HTTP handlers of the Internet request API: read the
 * body or the query, call inet_request.c, answer JSON or TelecomX errors.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "inet_api.h"
#include "auth.h"
#include "http.h"
#include "idempotency.h"
#include "reply.h"
#include "search.h"
#include "inet_request.h"
#include "queue.h"
#include "store.h"

/* A query parameter, NULL when absent or empty. */
static const char *
query(const struct req *r, const char *key)
{
	const char *v = req_query(r, key);

	return v != NULL && *v != '\0' ? v : NULL;
}

/* The structured filters of the list (docs/API.md, "Internet requests:
 * filters"): type, the days of created, answered and startDate (From,
 * To: both included), assignee (the operator's only).  0, 1 after
 * answering, -1. */
static int
more_query(struct req *r, struct inet_filter *f)
{
	static const char *const keys[INET_DATE__MAX][2] = {
		{ "createdFrom", "createdTo" }, { "answeredFrom", "answeredTo" },
		{ "startDateFrom", "startDateTo" },
	};
	const char	*type = req_query(r, "type"), *who = req_query(r, "assignee"), *v;
	size_t		 i, k;
	int		 rc;

	if (type != NULL && strcmp(type, "DSL") != 0 && strcmp(type, "FIBER") != 0)
		return reply_xerr(r, XERR_QUERY_TYPE, "type", "type", NULL), 1;
	f->type = type;
	for (i = 0; i < INET_DATE__MAX; i++)
		for (k = 0; k < 2; k++)
			if ((v = req_query(r, keys[i][k])) != NULL && (*v == '\0' ||
			    inet_filter_days(f, (enum inet_date)i, k ? NULL : v,
			    k ? v : NULL) != 0))
				return reply_xerr(r, XERR_QUERY_DATE, keys[i][k],
				    keys[i][k], NULL), 1;
	if (who == NULL)
		return 0;
	if (r->who->level != LVL_ADMIN)
		return reply_xerr(r, XERR_ASSIGNEE_ACCESS, NULL, "assignee", NULL), 1;
	if ((rc = queue_assignee_param(r->store, who, f->assignee_id,
	    sizeof(f->assignee_id))) < 0)
		return -1;
	if (rc > 0)
		return reply_xerr(r, XERR_QUERY_ASSIGNEE, "assignee", "assignee", NULL), 1;
	f->assignee = f->assignee_id;
	return 0;
}

/* Read the list query into f (`match` holds SEARCH_EXPR_MAX bytes for
 * its search); 0, 1 after answering 400 (403), or -1. */
static int
list_query(struct req *r, struct inet_filter *f, char *match)
{
	const char	*state = query(r, "state"), *full = query(r, "full");
	int		 rc;

	memset(f, 0, sizeof(*f));
	if (req_query_int(r, "offset", 0, 0, 1LL << 40, &f->offset) < 0)
		return reply_xerr(r, XERR_QUERY_OFFSET, "offset", "offset", NULL), 1;
	if (req_query_int(r, "limit", 100, 1, INET_LIST_MAX, &f->limit) < 0)
		return reply_xerr(r, XERR_QUERY_LIMIT, "limit", "limit", NULL), 1;
	if (state != NULL && strcmp(state, "ANY") != 0 && !inet_state_valid(state))
		return reply_xerr(r, XERR_QUERY_STATE, "state", "state", NULL), 1;
	f->state = state != NULL && strcmp(state, "ANY") != 0 ? state : NULL;
	if (full != NULL && strcmp(full, "true") != 0 && strcmp(full, "false") != 0 &&
	    strcmp(full, "1") != 0 && strcmp(full, "0") != 0)
		return reply_xerr(r, XERR_QUERY_FULL, "full", "full", NULL), 1;
	f->view = full != NULL && (strcmp(full, "true") == 0 || strcmp(full, "1") == 0) ?
	    INET_FULL : INET_CONDENSED;
	if ((rc = more_query(r, f)) != 0)
		return rc;
	f->customer = query(r, "customer") ? query(r, "customer") : r->who->customer_id;
	f->reseller = query(r, "reseller");
	f->filter = query(r, "filter");
	switch (search_expr(r->who, req_query(r, "q"), match, SEARCH_EXPR_MAX)) {
	case -1:
		return reply_xerr(r, XERR_QUERY_SEARCH, "q", "q", NULL), 1;
	case 1:
		f->match = match;
	}
	return 0;
}

/* GET /internet/request */
int
api_inet_list(struct req *r)
{
	struct inet_filter	 f;
	json_t			*items;
	long long		 total;
	char			 match[SEARCH_EXPR_MAX];
	int			 rc;

	if ((rc = list_query(r, &f, match)) != 0)
		return rc < 0 ? -1 : 0;
	if (inet_list(r->store, r->who, &f, &items, &total) < 0) {
		json_decref(items);
		return -1;
	}
	return resp_json_new(r, 200, json_pack("{s:I, s:I, s:I, s:o}", "offset",
	    (json_int_t)f.offset, "limit", (json_int_t)f.limit, "total",
	    (json_int_t)total, "requests", items));
}

/* The changes of this API: one function each, with the same shape. */
enum change_kind { CH_CREATE, CH_UPDATE, CH_ORDER, CH_CONFIRM };

/*
 * Read the body, run the change, answer: its TelecomX errors when it is
 * refused, or the object it made or changed (201 with Location for a
 * creation, 200 otherwise).  A creation sent with an Idempotency-Key
 * answers a retry with its first answer (idempotency.h).
 */
static int
apply_change(struct req *r, enum change_kind kind)
{
	struct problems	 pb = { 0 };
	struct idem	 ik = { 0 };
	json_t		*body;
	char		 id[25] = "", loc[64];
	int		 rc, err;

	if ((body = req_json_body(r, &rc)) == NULL)
		return rc;
	if ((kind == CH_CREATE || kind == CH_ORDER) &&
	    (rc = idem_begin(&ik, r, body)) != IDEM_NONE && rc != IDEM_NEW) {
		rc = rc < 0 ? -1 : reply_idem(r, &ik);
		goto out;
	}
	switch (kind) {
	case CH_CREATE:
		rc = inet_create_keyed(r->store, r->who, body, NULL, &pb, id, &ik);
		break;
	case CH_UPDATE: rc = inet_update(r->store, r->who, r->param, body, &pb); break;
	case CH_ORDER: rc = inet_order_keyed(r->store, r->who, body, &pb, id, &ik); break;
	case CH_CONFIRM: rc = inet_confirm(r->store, r->who, r->param, body, &pb); break;
	}
	if (rc != 0) {
		rc = rc < 0 ? -1 : reply_problems(r, &pb);
		goto out;
	}
	if (ik.state != IDEM_NONE) {	/* the answer kept with the key */
		rc = reply_idem(r, &ik);
		goto out;
	}
	switch (kind) {
	case CH_CREATE:
		snprintf(loc, sizeof(loc), "/internet/request/%s", id);
		resp_header(r, "Location", loc);
		rc = resp_json_new(r, 201, inet_load(r->store, r->who, id, INET_FULL, &err));
		break;
	case CH_UPDATE:
		rc = resp_json_new(r, 200, inet_load(r->store, r->who, r->param,
		    INET_FULL, &err));
		break;
	case CH_ORDER:
		snprintf(loc, sizeof(loc), "/internet/account/%s", id);
		resp_header(r, "Location", loc);
		rc = resp_json_new(r, 201, inet_account_load(r->store, r->who, id,
		    NULL, &err));
		break;
	case CH_CONFIRM:
		rc = resp_json_new(r, 200, inet_account_load(r->store, r->who, r->param,
		    NULL, &err));
		break;
	}
out:
	idem_free(&ik);
	problems_free(&pb);
	json_decref(body);
	return rc;
}

/* POST /internet/request */
int
api_inet_create(struct req *r)
{
	return apply_change(r, CH_CREATE);
}

/* GET /internet/request/{id} */
int
api_inet_get(struct req *r)
{
	json_t	*o;
	int	 err;

	if ((o = inet_load(r->store, r->who, r->param, INET_FULL, &err)) == NULL)
		return err < 0 ? -1 : reply_xerr(r, XERR_REQUEST_NOT_FOUND, NULL, NULL, NULL);
	return resp_json_new(r, 200, o);
}

/* POST /internet/request/{id}: the TelecomX update. */
int
api_inet_update(struct req *r)
{
	if (r->who->level != LVL_ADMIN)		/* before reading anything */
		return reply_xerr(r, XERR_ACCESS, NULL, NULL, NULL);
	return apply_change(r, CH_UPDATE);
}

/* POST /internet/account {customer, request, offer} */
int
api_inet_order(struct req *r)
{
	return apply_change(r, CH_ORDER);
}

/* GET /internet/account/{id} */
int
api_inet_account_get(struct req *r)
{
	json_t	*o;
	int	 err;

	if ((o = inet_account_load(r->store, r->who, r->param, NULL, &err)) == NULL)
		return err < 0 ? -1 : reply_xerr(r, XERR_ACCOUNT_NOT_FOUND, NULL, NULL, NULL);
	return resp_json_new(r, 200, o);
}

/* POST /internet/account/{id}/confirm {startDate, installTime, circuit} */
int
api_inet_confirm(struct req *r)
{
	return apply_change(r, CH_CONFIRM);
}

/*
 * POST /internet/account/{id}/activate and /cancel: ADMIN only, before
 * anything is read.  No body is needed; one that is sent must be a JSON
 * object (its properties are not read).  200 and the account.
 */
static int
account_move(struct req *r, int (*move)(struct store *, const struct principal *,
    const char *, struct problems *))
{
	struct problems	 pb = { 0 };
	json_t		*body = NULL;
	int		 rc, err;

	if (r->who->level != LVL_ADMIN)
		return reply_xerr(r, XERR_ACCESS, NULL, NULL, NULL);
	if (r->content_length > 0 && (body = req_json_body(r, &rc)) == NULL)
		return rc;
	json_decref(body);
	if ((rc = move(r->store, r->who, r->param, &pb)) == 0)
		rc = resp_json_new(r, 200, inet_account_load(r->store, r->who, r->param,
		    NULL, &err));
	else
		rc = rc < 0 ? -1 : reply_problems(r, &pb);
	problems_free(&pb);
	return rc;
}

/* POST /internet/account/{id}/activate: CONFIRMED -> ACTIVE */
int
api_inet_activate(struct req *r)
{
	return account_move(r, inet_activate);
}

/* POST /internet/account/{id}/cancel: ORDERED, CONFIRMED, ACTIVE -> CANCELLED */
int
api_inet_cancel(struct req *r)
{
	return account_move(r, inet_cancel);
}
