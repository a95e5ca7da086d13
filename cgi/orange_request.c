/*
 * orange_request.c — Orange-style ordering requests: the rules of the BVPN request types
 * 001 applied through the catalog, storage, reading and status life.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "auth.h"
#include "catalog.h"
#include "catalog_grant.h"
#include "http.h"
#include "idempotency.h"
#include "log.h"
#include "orange_mail.h"
#include "orange_request.h"
#include "store.h"
#include "util.h"
#include "webhook.h"
#include "workday.h"
#include "writer.h"

#define TOP_MAX_LEN	64	/* customerReference, contract */
#define COMMENT_MAX_LEN	4096

/* The filters beyond the comma lists (REQ_FILTERS ?12-?17): the
 * customers (a JSON array, `custs`), the days, the assignee. */
#define MORE_FILTERS(f, custs) (custs), (f)->issued_from, (f)->issued_before, \
	(f)->requested_from, (f)->requested_before, (f)->assignee
#define NO_FILTERS NULL, NULL, NULL, NULL, NULL, NULL

/* Legal moves: from, to, who may make them. */
static const struct transition {
	const char	*from, *to;
	unsigned	 levels;
} transitions[] = {
	{ "NEW", "IN_PROGRESS", LV_ADMIN },
	{ "NEW", "REJECTED", LV_ADMIN },
	{ "NEW", "CANCELED", LV(LVL_MANAGER) | LV(LVL_OWNER) | LV(LVL_RESELLER) |
	    LV(LVL_RESELLER_ADMIN) },	/* the customer withdraws; staff reject */
	{ "IN_PROGRESS", "COMPLETED", LV_ADMIN },
	{ "IN_PROGRESS", "REJECTED", LV_ADMIN },
};

static const char *const statuses[] = {
	"NEW", "IN_PROGRESS", "COMPLETED", "REJECTED", "CANCELED", NULL
};

struct customer_info {
	char	id[64];
	char	name[256];
	char	market[16];
	int	found;
};

/* Find a customer within the caller's scope: `id`, or the only one. */
static int
customer_in_scope(struct store *st, const struct principal *who, const char *id,
    struct customer_info *ci)
{
	struct rows	*s;
	int		 rc, n = 0;

	memset(ci, 0, sizeof(*ci));
	if ((s = store_query(st, ST_CUSTOMERS_IN_SCOPE, "iss", SCOPE_ARGS(who))) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1) {
		n++;
		if (id == NULL ? n == 1 : strcmp(store_text(s, CUSTOMER_ID), id) == 0) {
			snprintf(ci->id, sizeof(ci->id), "%s", store_text(s, CUSTOMER_ID));
			snprintf(ci->name, sizeof(ci->name), "%s",
			    store_text(s, CUSTOMER_NAME));
			snprintf(ci->market, sizeof(ci->market), "%s",
			    store_text(s, CUSTOMER_MARKET));
			ci->found = 1;
		}
	}
	store_done(s);
	if (rc < 0)
		return -1;
	if (id == NULL && n != 1)
		ci->found = 0;	/* several customers: the body must name one */
	return 0;
}

/* Is a top-level attribute missing (absent, or null)? */
static int
absent(const json_t *body, const char *key)
{
	const json_t *v = json_object_get(body, key);

	return v == NULL || json_is_null(v);
}

/* Top-level optional string attribute: absent, or a string within max
 * characters. */
static int
check_top_string(const json_t *body, const char *key, size_t max, struct problems *pb)
{
	const json_t *v = json_object_get(body, key);

	if (v == NULL || json_is_null(v))
		return 0;
	char n[32];

	if (!json_is_string(v) ||
	    utf8_chars(json_string_value(v), json_string_length(v)) > max) {
		snprintf(n, sizeof(n), "%zu", max);
		return oproblem(pb, OERR_TOP_INVALID, key, key, n, NULL);
	}
	return 0;
}

/* Does any problem concern a field of the one-of group of `f`? */
static int
group_has_problem(const struct problems *pb, size_t first)
{
	size_t i;

	for (i = first; i < pb->n; i++)
		if (pb->v[i].path != NULL && strncmp(pb->v[i].path, "servicePoint", 12) == 0)
			return 1;
	return 0;
}

/*
 * Resolve the service point named by the validated properties within
 * the customer: every given key (id, reference, customer reference) must
 * designate the same one, so one statement looks for the service points
 * matching them all.  Adds 3622 or 3621; on success *sp_id receives its
 * id (owned by the caller; NULL when the type names no service point).
 * 0, or -1.
 */
static int
resolve_service_point(struct store *st, const struct principal *who,
    const struct rtype *t, const char *customer, const json_t *props,
    struct problems *pb, char **sp_id)
{
	static const char *const kinds[3] = { "id", "reference", "customerReference" };
	static const enum stmt	 seek[3] = { ST_SP_FIND_BY_ID, ST_SP_FIND_BY_REF,
				    ST_SP_FIND_BY_CUSTREF };
	const char		*key[3] = { NULL, NULL, NULL }, *v;
	struct rows		*s;
	size_t			 i, k, n = 0;
	int			 given = -1, rc, clash = 0;

	*sp_id = NULL;
	for (i = 0; i < t->nfields; i++) {
		const struct field *f = &t->fields[i];

		if (f->resolve == NULL ||
		    (v = json_string_value(json_path_get(props, f->path))) == NULL)
			continue;
		for (k = 0; k < 3 && strcmp(f->resolve, kinds[k]) != 0; k++)
			continue;
		if (k == 3)
			return -1;	/* catalog.c accepts only these */
		if (key[k] != NULL && strcmp(key[k], v) != 0)
			clash = 1;	/* two fields, two values: none is both */
		key[k] = v;
		if (given < 0)
			given = (int)k;
	}
	if (given < 0)
		return 0;
	if (!clash) {
		if ((s = store_query(st, seek[given], "issssss", SCOPE_ARGS(who),
		    customer, key[0], key[1], key[2])) == NULL)
			return -1;
		while ((rc = store_row(s)) == 1)
			if (n++ == 0 &&
			    (*sp_id = strdup(store_text(s, SP_FOUND_ID))) == NULL) {
				rc = -1;	/* not overwritten by the next step */
				break;
			}
		store_done(s);
		if (rc < 0) {
			free(*sp_id);
			*sp_id = NULL;
			return -1;
		}
	}
	if (n == 0)
		return oproblem(pb, OERR_NO_SERVICE_POINT, "servicePoint", NULL, NULL, NULL);
	if (n > 1) {
		free(*sp_id);
		*sp_id = NULL;
		return oproblem(pb, OERR_SEVERAL_SERVICE_POINTS, "servicePoint", NULL,
		    NULL, NULL);
	}
	return 0;
}

/* Check requestedAt: 3611 unless a working day at least the type's lead
 * time ahead.  Orange's message (3611) counts calendar days ("20 days"); a
 * type counting working days says so ("10 working days"). */
static int
check_requested_at(const struct rtype *t, const char *value, struct problems *pb)
{
	struct ymd	date, earliest;
	time_t		now = calendar_now();
	char		day[11], lead[24];

	/* A date, as the reference's format: date says: a date-time would
	 * carry a time zone in which its day may not be the Paris day. */
	if (ymd_parse_date(value, &date) == 0 && check_requested_date(&date, now,
	    t->lead_days, t->lead_unit, &earliest) == 0)
		return 0;
	earliest = earliest_requested_date(now, t->lead_days, t->lead_unit);
	ymd_format(&earliest, day);
	/* the row's "{1} days": "20 days", or "10 working days" */
	snprintf(lead, sizeof(lead), "%d%s", t->lead_days,
	    t->lead_unit == LEAD_WORKING ? " working" : "");
	return oproblem(pb, OERR_REQUESTED_AT, "requestedAt", lead, day, NULL);
}

#define CREATED_COMMENT "Request created"	/* its first history entry */

int
request_item_open(struct buf *b, const char *item, const char *props)
{
	size_t len = item != NULL ? strlen(item) : 0;

	if (len < 2 || item[len - 1] != '}' || props == NULL)
		return -1;
	return buf_append(b, item, len - 1) < 0 ||
	    buf_puts(b, ",\"properties\":") < 0 || buf_puts(b, props) < 0 ? -1 : 0;
}

/* What the writer needs to store a new request. */
struct new_request {
	const struct principal		*who;
	const struct rtype		*t;
	const struct customer_info	*ci;
	const char			*custref, *contract, *comment;	/* of the body */
	const char			*props_text, *sp_id, *requested;
	const char			*form_token;	/* NULL: none */
	const char			*id;
	char				 already[25];	/* the token's request */
	char				 now[32];	/* issued and updated */
	struct orange_mails		 mails;		/* rendered before the writer */
	char				*text;		/* its API text, made before the
							 * writer under a key (owned) */
};

/* Render the mails of the new request, before the writer
 * (orange_mail.h).  0 or -1. */
static int
render_created(struct store *st, struct new_request *n, const json_t *props)
{
	struct orange_facts f;

	memset(&f, 0, sizeof(f));
	f.id = n->id;
	f.t = n->t;
	f.type_name = n->t->title;
	f.customer_name = n->ci->name;
	f.market = n->ci->market;
	f.customer_reference = n->custref;
	f.requested = n->requested;
	f.issued = n->now;
	f.creator_id = n->who->user_id;
	f.creator_name = n->who->name;
	f.comment = n->comment;
	f.props = props;
	f.sp_id = n->sp_id != NULL ? n->sp_id : "";
	return orange_mail_created(st, &f, &n->mails);
}

int
request_any(struct store *st, const struct principal *who)
{
	long long n = store_count(st, ST_REQ_ANY, "iss", SCOPE_ARGS(who));

	return n < 0 ? -1 : n > 0;
}

int
request_by_form_token(struct store *st, const struct principal *who,
    const char *token, char id[25])
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_REQ_BY_FORM_TOKEN, "issss", SCOPE_ARGS(who), token,
	    who->user_id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		snprintf(id, 25, "%s", store_text(s, FORM_TOKEN_REQUEST_ID));
	store_done(s);
	return rc;
}

/* Queue webhook event `e` about request `id` of customer `customer_id`:
 * the request as the API shows it (`text`, or read inside the change's
 * transaction when NULL), the same to the customer and the operator.
 * 0 or -1. */
static int
request_emit(struct store *st, enum hook_event e, const char *id,
    const char *customer_id, const char *text)
{
	char	*own = NULL;
	int	 err, rc;

	if ((rc = hook_wanted(st, e, customer_id)) <= 0)
		return rc;
	if (text == NULL &&
	    (text = own = request_load_text(st, &principal_operator, id, &err)) == NULL)
		return -1;
	rc = hook_emit(st, e, customer_id, id, text, NULL);
	free(own);
	return rc;
}

/* Unit of work (writer.h): the request, its form token, its first
 * history entry and its notifications.  0; 1 when the form token made a
 * request already (n->already, nothing written); or -1. */
static int
insert_request(struct store *st, void *arg)
{
	struct new_request *n = arg;

	/* Inside the write transaction: two posts of one form are told
	 * apart here, whichever thread runs first. */
	if (n->form_token != NULL) {
		int rc = request_by_form_token(st, n->who, n->form_token, n->already);
		if (rc != 0)
			return rc < 0 ? -1 : 1;
	}
	if (store_exec(st, ST_REQ_ADD, "ssssssssssssss", n->id, n->t->type,
	    n->t->title, n->t->category, n->ci->id, n->custref, n->contract,
	    n->sp_id, n->props_text, n->comment,
	    n->requested, n->now, n->now, n->who->user_id) != 1 ||
	    (n->form_token != NULL && store_exec(st, ST_REQ_SET_FORM_TOKEN, "ss", n->id,
	    n->form_token) != 1) ||
	    store_exec(st, ST_REQ_HISTORY_ADD, "ssssss", n->id, n->now, n->who->user_id,
	    NULL, "NEW", CREATED_COMMENT) != 1 ||
	    orange_mails_add(st, &n->mails, n->id) != 0 ||
	    request_emit(st, HOOK_REQUEST_CREATED, n->id, n->ci->id, n->text) < 0)
		return -1;
	return 0;
}

/*
 * The API text of the request just stored, from the values it was stored
 * with (the same SQL expressions as a read, over no table): the answer
 * to its creation needs no read back.  Owned, or NULL.
 */
static char *
new_request_text(struct store *st, const struct new_request *n)
{
	struct rows	*s;
	struct buf	 b = { 0 };
	int		 bad;

	if ((s = store_query(st, ST_REQ_NEW_JSON, "ssssssssssssss", n->id,
	    n->t->type, n->t->title, n->t->category, n->ci->id, n->custref,
	    n->contract, n->comment, n->requested, n->now, n->who->user_id, n->ci->name, CREATED_COMMENT,
	    n->who->name)) == NULL)
		return NULL;
	bad = store_row(s) != 1 ||
	    request_item_open(&b, store_text(s, NEW_REQ_ITEM_TEXT), n->props_text) < 0 ||
	    buf_puts(&b, ",\"history\":[") < 0 ||
	    buf_puts(&b, store_text(s, NEW_REQ_HISTORY_TEXT)) < 0 ||
	    buf_puts(&b, "]}") < 0;
	store_done(s);
	if (bad) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

/* The answer kept with the Idempotency-Key of a new request (inside
 * its unit, idempotency.h): 201, Content-Location, its text. */
static int
request_answer(struct store *st, void *arg, struct idem *ik)
{
	const struct new_request	*n = arg;
	char				 loc[128];

	snprintf(loc, sizeof(loc), "/ordering/b2b/v2/requests/%s", n->id);
	return idem_record(st, ik, HTTP_CREATED, "Content-Location", loc, n->text);
}

/* Store the request durably (group commit), and its API text in *answer
 * when not NULL; under the key `ik` (may be NULL), with the key.  0; 1
 * when `form_token` made a request already (its id in `id`, nothing
 * kept); 2 when the key was stored first by another request (nothing
 * kept: ik says what to answer); or -1: nothing kept. */
static int
store_request(struct store *st, const struct principal *who, const struct rtype *t,
    const struct customer_info *ci, const json_t *body, const json_t *props,
    const char *sp_id, const char *requested, const char *form_token, char id[25],
    char **answer, struct idem *ik)
{
	struct new_request	 n;
	char			*props_text;
	int			 rc, keyed = ik != NULL && ik->state == IDEM_NEW;

	memset(&n, 0, sizeof(n));
	if (new_object_id(id) < 0 || (props_text = json_dumps(props, JSON_COMPACT)) == NULL)
		return -1;
	n.who = who;
	n.t = t;
	n.ci = ci;
	n.custref = json_string_value(json_object_get(body, "customerReference"));
	n.contract = json_string_value(json_object_get(body, "contract"));
	n.comment = json_string_value(json_object_get(body, "comment"));
	n.props_text = props_text;
	n.sp_id = sp_id;
	n.requested = requested;
	n.form_token = form_token;
	n.id = id;
	now_iso(n.now);
	rc = render_created(st, &n, props);
	/* Under a key the answer is stored with the request: made first. */
	if (rc == 0 && keyed && (n.text = new_request_text(st, &n)) == NULL)
		rc = -1;
	if (rc == 0)
		rc = idem_write(st, ik, insert_request, &n, request_answer);
	if (rc == 0 && keyed && ik->state != IDEM_NEW)
		rc = 2;
	else if (rc == 0 && answer != NULL) {
		/* NULL: stored, but no text */
		*answer = n.text != NULL ? n.text : new_request_text(st, &n);
		n.text = NULL;
	}
	if (rc == 1)
		memcpy(id, n.already, sizeof(n.already));
	orange_mails_free(&n.mails);
	free(n.text);
	free(props_text);
	return rc == 0 || rc == 1 || rc == 2 ? rc : -1;
}

enum create_result
request_create(struct store *st, const struct principal *who, const json_t *body,
    const char *form_token, const char *lang, struct problems *pb, char id[25],
    char **answer, char *why, size_t whylen)
{
	return request_create_keyed(st, who, body, form_token, lang, pb, id, answer,
	    why, whylen, NULL);
}

enum create_result
request_create_keyed(struct store *st, const struct principal *who, const json_t *body,
    const char *form_token, const char *lang, struct problems *pb, char id[25],
    char **answer, char *why, size_t whylen, struct idem *ik)
{
	const struct rtype	*t = NULL;
	struct customer_info	 ci;
	const char		*type, *cust, *requested;
	json_t			*props = NULL;
	char			*sp_id = NULL, day[11];
	size_t			 before;
	enum create_result	 res = CREATE_INVALID;

	why[0] = '\0';
	cust = json_string_value(json_path_get(body, "customer.id"));
	if (who->customer_id != NULL && cust != NULL && strcmp(cust, who->customer_id) != 0) {
		snprintf(why, whylen, "Requests can only be made for your own customer.");
		return CREATE_FORBIDDEN;
	}
	if (customer_in_scope(st, who, cust, &ci) < 0)
		return CREATE_UNAVAILABLE;
	if (!ci.found) {
		if (cust != NULL) {
			snprintf(why, whylen, "Customer '%s' is not one of yours.", cust);
			return CREATE_FORBIDDEN;
		}
		oproblem(pb, OERR_MISSING, "customer.id", "customer.id", NULL, NULL);
	}
	type = json_string_value(json_object_get(body, "type"));
	if (absent(body, "type"))
		oproblem(pb, OERR_MISSING, "type", "type", NULL, NULL);
	else if (type == NULL || (t = catalog_find(type)) == NULL ||
	    (ci.found && !rtype_allowed(t, ci.market, catalog_granted(st, ci.id, type) == 1))) {
		snprintf(why, whylen, "The request type '%s' is not in your catalog.",
		    type ? type : "?");
		return CREATE_FORBIDDEN;
	}
	requested = json_string_value(json_object_get(body, "requestedAt"));
	if (absent(body, "requestedAt"))
		oproblem(pb, OERR_MISSING, "requestedAt", "requestedAt", NULL, NULL);
	if (absent(body, "properties"))
		oproblem(pb, OERR_MISSING, "properties", "properties", NULL, NULL);
	check_top_string(body, "customerReference", TOP_MAX_LEN, pb);
	check_top_string(body, "contract", TOP_MAX_LEN, pb);
	check_top_string(body, "comment", COMMENT_MAX_LEN, pb);
	if (t == NULL)
		goto out;
	before = pb->n;
	if (catalog_validate(t, absent(body, "properties") ? NULL :
	    json_object_get(body, "properties"), lang, pb, &props) < 0) {
		res = CREATE_UNAVAILABLE;
		goto out;
	}
	if (!absent(body, "requestedAt"))
		check_requested_at(t, requested, pb);
	if (ci.found && !group_has_problem(pb, before) &&
	    resolve_service_point(st, who, t, ci.id, props, pb, &sp_id) < 0) {
		res = CREATE_UNAVAILABLE;
		goto out;
	}
	if (problems_found(pb) > 0 || pb->failed)
		goto out;	/* a list that ran out of memory: an internal error */
	/* Store the date as a plain day. */
	{
		struct ymd d;
		ymd_parse_date(requested, &d);
		ymd_format(&d, day);
	}
	switch (store_request(st, who, t, &ci, body, props, sp_id, day, form_token, id,
	    answer, ik)) {
	case 0:
		res = CREATE_OK;
		break;
	case 1:
		res = CREATE_ALREADY;
		break;
	case 2:
		res = CREATE_KEY_FOUND;
		break;
	default:
		res = CREATE_UNAVAILABLE;
		break;
	}
out:
	free(sp_id);
	json_decref(props);
	problems_sort(pb);
	return res;
}

/* The stored item text (REQ_ITEM_TEXT) as JSON, with the stored
 * properties text `props`.  New reference or NULL. */
static json_t *
item_json(const char *item, const char *props)
{
	json_t *o = json_loads(item, 0, NULL), *p;

	if (o == NULL)
		return NULL;
	if ((p = json_loads(props, 0, NULL)) == NULL ||
	    json_object_set_new(o, "properties", p) < 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

char *
request_load_text(struct store *st, const struct principal *who, const char *id,
    int *err)
{
	struct rows	*s;
	struct buf	 b = { 0 };
	long long	 seq = 0;
	size_t		 n = 0;
	int		 rc, bad = 0;

	*err = 0;
	if ((s = store_query(st, ST_REQ_GET, "issssssssssssssss", SCOPE_ARGS(who), NULL,
	    NULL, NULL, NULL, NULL, id, NULL, NULL, NO_FILTERS)) == NULL) {
		*err = -1;
		return NULL;
	}
	if ((rc = store_row(s)) == 1) {
		bad = request_item_open(&b, store_text(s, REQ_ITEM_TEXT),
		    store_text(s, REQ_PROPERTIES)) < 0 ||
		    buf_puts(&b, ",\"history\":[") < 0;
		seq = store_int(s, REQ_SEQ);
	}
	store_done(s);
	if (rc <= 0 || bad) {
		buf_free(&b);
		*err = rc < 0 || bad ? -1 : 0;
		return NULL;
	}
	if ((s = store_query(st, ST_REQ_HISTORY, "I", seq)) == NULL)
		bad = 1;
	while (!bad && (rc = store_row(s)) == 1)
		bad = (n++ > 0 && buf_puts(&b, ",") < 0) ||
		    buf_puts(&b, store_text(s, HIST_ENTRY_TEXT)) < 0;
	store_done(s);
	if (bad || rc < 0 || buf_puts(&b, "]}") < 0) {
		buf_free(&b);
		*err = -1;
		return NULL;
	}
	return b.data;
}

json_t *
request_load(struct store *st, const struct principal *who, const char *id, int *err)
{
	char	*text = request_load_text(st, who, id, err);
	json_t	*o;

	if (text == NULL)
		return NULL;
	if ((o = json_loads(text, 0, NULL)) == NULL)
		*err = -1;
	free(text);
	return o;
}

const char *const *
request_next_statuses(const struct principal *who, const char *from)
{
	enum { NT = sizeof(transitions) / sizeof(transitions[0]) };
	static _Thread_local const char *next[NT + 1];
	size_t	i, n = 0;

	for (i = 0; who != NULL && from != NULL && i < NT; i++)
		if (strcmp(transitions[i].from, from) == 0 &&
		    (transitions[i].levels & LV(who->level)))
			next[n++] = transitions[i].to;
	next[n] = NULL;
	return next;
}
/* A status change: the request's status, its history entry, its mails
 * and its webhook event. */
struct status_change {
	const struct principal	*who;
	const char		*id, *from, *to, *comment, *now;
	const json_t		*req;
};

/* write_fn: 0 moved, 1 someone moved it first (it is no longer in
 * `from`), -1 error. */
static int
status_unit(struct store *st, void *arg)
{
	const struct status_change *c = arg;
	int			 rc;

	if ((rc = store_exec(st, ST_REQ_SET_STATUS, "ssss", c->to, c->now, c->id,
	    c->from)) != 1)
		return rc == 0 ? 1 : -1;
	if (store_exec(st, ST_REQ_HISTORY_ADD, "ssssss", c->id, c->now,
	    c->who->user_id, c->from, c->to, c->comment) != 1 ||
	    orange_mail_status(st, c->req, c->to, c->now, c->who->name, c->comment) != 0 ||
	    request_emit(st, HOOK_REQUEST_STATUS_CHANGED, c->id, json_string_value(
	    json_path_get(c->req, "customer.id")), NULL) != 0)
		return -1;
	return 0;
}


int
request_transition(struct store *st, const struct principal *who, const char *id,
    const char *to, const char *comment, char *why, size_t whylen)
{
	json_t		*req;
	const char	*from;
	char		 now[32];
	size_t		 i;
	int		 err, known = 0, legal = -1, rc;
	struct status_change c = { .who = who, .id = id, .to = to, .comment = comment };

	why[0] = '\0';
	for (i = 0; to != NULL && statuses[i] != NULL; i++)
		known |= strcmp(statuses[i], to) == 0;
	if (!known) {
		snprintf(why, whylen, "'status' must be one of NEW, IN_PROGRESS, "
		    "COMPLETED, REJECTED, CANCELED");
		return HERR_BAD_BODY;
	}
	if ((req = request_load(st, who, id, &err)) == NULL)
		return err < 0 ? -1 : HERR_NOT_FOUND;
	from = json_string_value(json_object_get(req, "status"));
	for (i = 0; i < sizeof(transitions) / sizeof(transitions[0]); i++)
		if (strcmp(transitions[i].from, from) == 0 &&
		    strcmp(transitions[i].to, to) == 0)
			legal = (int)i;
	if (legal < 0) {
		snprintf(why, whylen, "A request in status %s cannot move to %s.", from, to);
		json_decref(req);
		return HERR_CONFLICT;
	}
	if (!(transitions[legal].levels & LV(who->level))) {
		json_decref(req);
		return HERR_FORBIDDEN;
	}
	if (strcmp(to, "REJECTED") == 0 && (comment == NULL || *comment == '\0')) {
		snprintf(why, whylen, "A reason is required to reject a request.");
		json_decref(req);
		return HERR_MISSING;
	}
	/* Characters, not bytes: 3000 "é" are 6000 bytes and allowed (found
	 * by the bad-input corpus, tests/cases/bad/orange-status-comment-3000-accents). */
	if (comment != NULL && utf8_chars(comment, strlen(comment)) > COMMENT_MAX_LEN) {
		snprintf(why, whylen, "The comment must be at most %d characters.", COMMENT_MAX_LEN);
		json_decref(req);
		return HERR_BAD_BODY;
	}
	now_iso(now);
	c.now = now;
	c.from = from;
	c.req = req;
	rc = store_write(st, status_unit, &c);
	if (rc != 0) {
		json_decref(req);
		if (rc == 1) {	/* someone moved it first */
			snprintf(why, whylen, "The request changed meanwhile; reload it.");
			return HERR_CONFLICT;
		}
		return -1;
	}
	log_info("request %s: %s -> %s by %s", id, from, to, who->user_id);
	json_decref(req);
	return 0;
}

static const struct sort_key sorts[] = {
	{ "issuedAt", ST_REQ_LIST_ISSUED_ASC },
	{ "createdAt", ST_REQ_LIST_ISSUED_ASC },
	{ "requestedAt", ST_REQ_LIST_REQUESTED_ASC },
	{ "status", ST_REQ_LIST_STATUS_ASC },
	{ "type", ST_REQ_LIST_TYPE_ASC },
	{ "customerReference", ST_REQ_LIST_CUSTREF_ASC },
	{ "id", ST_REQ_LIST_ID_ASC },
};

/* The statement for a sort key ("-x" descending, "keyDates." optional);
 * -1 if unknown. */
static int
sort_stmt(const char *sort)
{
	char key[64];

	if (sort != NULL && strlen(sort) < sizeof(key)) {
		/* "-keyDates.issuedAt" is "-issuedAt" */
		const char *k = sort + (*sort == '-' || *sort == '+');
		if (strncmp(k, "keyDates.", 9) == 0) {
			snprintf(key, sizeof(key), "%.*s%s", (int)(k - sort), sort, k + 9);
			sort = key;
		}
	}
	return store_sort_stmt(sorts, sizeof(sorts) / sizeof(sorts[0]), sort,
	    ST_REQ_LIST_ISSUED_DESC);
}

int
request_sort_valid(const char *sort)
{
	return sort_stmt(sort) >= 0;
}

/* Hand every row of `s` to fn (item without properties, their text).
 * 0 done, -1 error. */
static int
each_row(struct rows *s, request_row_fn fn, void *ctx)
{
	int rc;

	while ((rc = store_row(s)) == 1)
		if (fn(ctx, store_text(s, REQ_ITEM_TEXT),
		    store_text(s, REQ_PROPERTIES)) < 0)
			return -1;
	return rc < 0 ? -1 : 0;
}


/* Whether `sort` is issue order (the default); *desc then tells the way. */
static int
issue_order(const char *sort, int *desc)
{
	static const char *const keys[] = { "issuedAt", "createdAt", "keyDates.issuedAt" };
	size_t	i;

	*desc = sort == NULL || *sort == '-';
	if (sort == NULL)
		return 1;
	if (*sort == '-' || *sort == '+')
		sort++;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(sort, keys[i]) == 0)
			return 1;
	return 0;
}

int
request_filter_days(struct request_filter *f, int which, const char *gte,
    const char *lte)
{
	const char	**from = which ? &f->requested_from : &f->issued_from,
			**before = which ? &f->requested_before : &f->issued_before;
	struct ymd	 day;

	if (gte != NULL && *gte != '\0') {
		if (ymd_parse_date(gte, &day) < 0)
			return 1;
		ymd_format(&day, f->days[which * 2]);
		*from = f->days[which * 2];
	}
	if (lte != NULL && *lte != '\0') {
		if (ymd_parse_date(lte, &day) < 0)
			return 2;
		day = ymd_add_days(&day, 1);
		ymd_format(&day, f->days[which * 2 + 1]);
		*before = f->days[which * 2 + 1];
	}
	return 0;
}

/* Is any of them given?  1 or 0. */
static int
more_filters(const struct request_filter *f)
{
	return f->customer != NULL || f->issued_from != NULL || f->issued_before != NULL ||
	    f->requested_from != NULL || f->requested_before != NULL || f->assignee != NULL;
}

/*
 * Unfiltered lists in issue order, the ones every user opens, are index
 * seeks at any depth:
 * - a customer's: requests carry a number per customer (cseq), so page n
 *   is a range on (customer_id, cseq);
 * - an administrator's (every request): page n is a range of seq.
 * Both numbers run 1..total as long as no request was deleted, which the
 * counters of migration 9 confirm (their sum equals the largest number);
 * otherwise the list takes the general way.
 * 1 if it answered, 0 if the list does not qualify, -1 on error.
 */
static int
request_list_fast(struct store *st, const struct principal *who,
    const struct request_filter *f, request_row_fn fn, void *ctx, long long *total)
{
	struct rows	*s;
	const char	*cust = who->customer_id;	/* NULL: every customer */
	long long	 top = 0, bound;
	int		 desc, rc;

	if (f->id || f->status || f->type || f->category || f->customer_reference ||
	    f->match || more_filters(f) || !issue_order(f->sort, &desc) || (cust == NULL && who->level != LVL_ADMIN))
		return 0;
	/* the largest number, and the total */
	s = cust ? store_query(st, ST_REQ_FAST_TOTAL, "s", cust) :
	    store_query(st, ST_REQ_ALL_TOTAL, NULL);
	if (s == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		top = store_int(s, TOTAL_LAST);
		*total = store_int(s, TOTAL_N);
	}
	store_done(s);
	if (rc != 1)
		return -1;
	if (top != *total)
		return 0;		/* a request was deleted: a hole */
	bound = desc ? *total - f->offset : f->offset;
	s = cust ? store_query(st, desc ? ST_REQ_FAST_DESC : ST_REQ_FAST_ASC, "sII",
	    cust, bound, f->limit) :
	    store_query(st, desc ? ST_REQ_ALL_DESC : ST_REQ_ALL_ASC, "II", bound, f->limit);
	if (s == NULL)
		return -1;
	rc = each_row(s, fn, ctx);
	store_done(s);
	return rc < 0 ? -1 : 1;
}

int
request_list_each(struct store *st, const struct principal *who,
    const struct request_filter *f, request_row_fn fn, void *ctx, long long *total)
{
	struct rows	*s;
	char		*ids = store_list_param(f->id), *sts = store_list_param(f->status),
			*tys = store_list_param(f->type), *cats = store_list_param(f->category),
			*refs = store_list_param(f->customer_reference),
			*custs = store_list_param(f->customer);
	int		 rc = -1, q = sort_stmt(f->sort);

	*total = 0;
	if (q < 0)
		goto out;
	if ((rc = request_list_fast(st, who, f, fn, ctx, total)) != 0) {
		rc = rc < 0 ? -1 : 0;
		goto out;
	}
	if (f->match != NULL) {
		/* a search: the matches, newest first */
		rc = -1;
		if ((s = store_query(st, ST_REQ_SEARCH_COUNT, "issssssssssssssss",
		    SCOPE_ARGS(who), ids, sts, tys, cats, refs, f->match, NULL, NULL,
		    MORE_FILTERS(f, custs))) == NULL)
			goto out;
		if (store_row(s) == 1)
			*total = store_int(s, COUNT_N);
		store_done(s);
		if ((s = store_query(st, ST_REQ_SEARCH, "isssssssIIsssssss", SCOPE_ARGS(who),
		    ids, sts, tys, cats, refs, f->limit, f->offset, f->match,
		    MORE_FILTERS(f, custs))) == NULL)
			goto out;
		rc = each_row(s, fn, ctx);
		store_done(s);
		goto out;
	}
	/* The total from the counters; a list filtered by id or customer
	 * reference, which they do not know, starts from those rows. */
	if (ids == NULL && refs == NULL && !more_filters(f))
		s = store_query(st, ST_REQ_KEPT_COUNT, "issssss", SCOPE_ARGS(who),
		    (const char *)NULL, sts, tys, cats);
	else if (ids == NULL && refs == NULL)
		s = store_query(st, ST_REQ_COUNT, "issssssssssssssss", SCOPE_ARGS(who), ids,
		    sts, tys, cats, refs, NULL, NULL, NULL, MORE_FILTERS(f, custs));
	else {
		s = store_query(st, ST_REQ_KCOUNT, "issssssssssssssss", SCOPE_ARGS(who), ids,
		    sts, tys, cats, refs, NULL, NULL, NULL, MORE_FILTERS(f, custs));
		q += ST_REQ_KLIST_ISSUED_ASC - ST_REQ_LIST_ISSUED_ASC;
	}
	if (s == NULL)
		goto out;
	if (store_row(s) == 1)
		*total = store_int(s, COUNT_N);
	store_done(s);
	if ((s = store_query(st, (enum stmt)q, "isssssssIIsssssss", SCOPE_ARGS(who), ids,
	    sts, tys, cats, refs, f->limit, f->offset, NULL, MORE_FILTERS(f, custs))) == NULL)
		goto out;
	rc = each_row(s, fn, ctx);
	store_done(s);
out:
	free(custs);
	free(ids);
	free(sts);
	free(tys);
	free(cats);
	free(refs);
	return rc < 0 ? -1 : 0;
}

/* request_list's row callback: parse the properties into the item. */
static int
collect(void *ctx, const char *item, const char *props)
{
	json_t *o = item_json(item, props);

	return o != NULL ? json_array_append_new(ctx, o) : -1;
}

int
request_list(struct store *st, const struct principal *who,
    const struct request_filter *f, json_t **items, long long *total)
{
	if ((*items = json_array()) == NULL)
		return -1;
	return request_list_each(st, who, f, collect, *items, total);
}

/* ---- GET /requests/aggregate ---- */

/* The names of enum agg_by, as groupBy says them, and the column of an
 * aggregate row (ST_REQ_AGG_*) each reads. */
static const struct {
	const char	*name;
	int		 col;
} agg_names[AGG_BY__MAX] = {
	{ "status", AGG_STATUS },		/* AGG_BY_STATUS */
	{ "type", AGG_TYPE },			/* AGG_BY_TYPE */
	{ "category", AGG_CATEGORY },		/* AGG_BY_CATEGORY */
	{ "customer.id", AGG_CUSTOMER_ID },	/* AGG_BY_CUSTOMER_ID */
	{ "customer.name", AGG_CUSTOMER_NAME },	/* AGG_BY_CUSTOMER_NAME */
};

#define AGG_NAMES "status, type, category, customer.id, customer.name"

int
request_agg_parse(const char *group_by, const char *sort, struct request_agg *a,
    char *why, size_t whylen)
{
	const char	*p = group_by, *end;
	size_t		 len, i, k;

	memset(a, 0, sizeof(*a));
	if (group_by == NULL || *group_by == '\0') {
		snprintf(why, whylen, "'groupBy' is required: 1 to %d attributes among "
		    AGG_NAMES ", separated by commas.", AGG_BY_MAX);
		return -1;
	}
	for (; p != NULL; p = *end == ',' ? end + 1 : NULL) {
		end = p + strcspn(p, ",");
		len = (size_t)(end - p);
		for (k = 0; k < AGG_BY__MAX && (strlen(agg_names[k].name) != len ||
		    strncmp(agg_names[k].name, p, len) != 0); k++)
			continue;
		if (k == AGG_BY__MAX) {
			snprintf(why, whylen, "'groupBy' cannot group by '%.*s': it names 1 "
			    "to %d attributes among " AGG_NAMES ", separated by commas.",
			    (int)(len > 64 ? 64 : len), p, AGG_BY_MAX);
			return -1;
		}
		for (i = 0; i < a->nby; i++)
			if (a->by[i] == (enum agg_by)k) {
				snprintf(why, whylen, "'groupBy' names '%s' twice.",
				    agg_names[k].name);
				return -1;
			}
		if (a->nby == AGG_BY_MAX) {
			snprintf(why, whylen, "'groupBy' names at most %d attributes.",
			    AGG_BY_MAX);
			return -1;
		}
		a->by[a->nby++] = (enum agg_by)k;
	}
	if (sort == NULL || strcasecmp(sort, "VALUE") == 0)
		a->sort = AGG_SORT_VALUE;
	else if (strcasecmp(sort, "-VALUE") == 0)
		a->sort = AGG_SORT_VALUE_DESC;
	else if (strcasecmp(sort, "COUNT") == 0)
		a->sort = AGG_SORT_COUNT;
	else if (strcasecmp(sort, "-COUNT") == 0)
		a->sort = AGG_SORT_COUNT_DESC;
	else {
		snprintf(why, whylen, "'sort' must be VALUE or COUNT, optionally "
		    "preceded by '-'.");
		return -1;
	}
	return 0;
}

/* The requests a node of the tree counts: its integer, or the sum of
 * its members. */
static long long
agg_count(const json_t *node)
{
	const char	*key;
	json_t		*v;
	long long	 n = 0;

	if (json_is_integer(node))
		return json_integer_value(node);
	json_object_foreach((json_t *)node, key, v)
		n += agg_count(v);
	return n;
}

/* One member of a node being sorted. */
struct agg_member {
	const char	*key;
	json_t		*value;
	long long	 count;
};

/* qsort_r's order of two members: by count or by value (the key), the
 * key breaking ties, reversed for a descending sort (arg: the sort). */
static int
agg_cmp_r(const void *pa, const void *pb, void *arg)
{
	const struct agg_member	*a = pa, *b = pb;
	enum agg_sort		 order = *(const enum agg_sort *)arg;
	int			 c = 0;

	if (order == AGG_SORT_COUNT || order == AGG_SORT_COUNT_DESC)
		c = a->count < b->count ? -1 : a->count > b->count;
	if (c == 0)
		c = strcmp(a->key, b->key);
	return order == AGG_SORT_VALUE_DESC || order == AGG_SORT_COUNT_DESC ? -c : c;
}

/* `node` (borrowed) with its members in the order `order` says, at every
 * level: a new reference, or NULL. */
static json_t *
agg_sorted(json_t *node, enum agg_sort order)
{
	struct agg_member	*m;
	const char		*key;
	json_t			*v, *out;
	size_t			 n = 0, i;

	if (!json_is_object(node))
		return json_incref(node);
	if ((m = calloc(json_object_size(node) + 1, sizeof(*m))) == NULL)
		return NULL;
	json_object_foreach(node, key, v) {
		m[n].key = key;
		m[n].value = v;
		m[n++].count = agg_count(v);
	}
	qsort_r(m, n, sizeof(*m), agg_cmp_r, &order);
	out = json_object();
	for (i = 0; out != NULL && i < n; i++)
		if (json_object_set_new(out, m[i].key, agg_sorted(m[i].value, order)) < 0) {
			json_decref(out);
			out = NULL;
		}
	free(m);
	return out;
}

/* Add one aggregate row (n requests) to the tree; *groups counts the
 * leaves made.  0, 1 past AGG_GROUPS_MAX, -1. */
static int
agg_add(json_t *tree, struct rows *s, const struct request_agg *a, long long *groups)
{
	json_t		*node = tree, *child;
	const char	*v;
	size_t		 i;
	long long	 n = store_int(s, AGG_N);

	for (i = 0; i < a->nby; i++) {
		v = store_text(s, agg_names[a->by[i]].col);
		if (v == NULL)
			v = "";
		child = json_object_get(node, v);
		if (i + 1 < a->nby) {
			if (child == NULL && (json_object_set_new(node, v,
			    child = json_object()) < 0 || child == NULL))
				return -1;
			node = child;
			continue;
		}
		if (child == NULL && ++*groups > AGG_GROUPS_MAX)
			return 1;
		return json_object_set_new(node, v, json_integer(
		    (child ? json_integer_value(child) : 0) + n)) < 0 ? -1 : 0;
	}
	return 0;
}

int
request_aggregate(struct store *st, const struct principal *who,
    const struct request_filter *f, const struct request_agg *a, json_t **out,
    long long *total, long long *groups)
{
	struct rows	*s;
	json_t		*tree;
	char		*ids = store_list_param(f->id), *sts = store_list_param(f->status),
			*tys = store_list_param(f->type), *cats = store_list_param(f->category),
			*refs = store_list_param(f->customer_reference),
			*custs = store_list_param(f->customer);
	int		 rc = -1;

	*out = NULL;
	*total = *groups = 0;
	if ((tree = json_object()) == NULL)
		goto done;
	/* The counters, unless a filter names requests they do not know. */
	if (ids == NULL && refs == NULL && !more_filters(f))
		s = store_query(st, ST_REQ_AGG_KEPT, "issssss", SCOPE_ARGS(who),
		    (const char *)NULL, sts, tys, cats);
	else
		s = store_query(st, ids == NULL && refs == NULL ? ST_REQ_AGG_FILTERED :
		    ST_REQ_AGG_KEYED, "issssssssssssssss", SCOPE_ARGS(who), ids,
		    sts, tys, cats, refs, NULL, NULL, NULL, MORE_FILTERS(f, custs));
	if (s == NULL)
		goto done;
	while ((rc = store_row(s)) == 1) {
		*total += store_int(s, AGG_N);
		if ((rc = agg_add(tree, s, a, groups)) != 0)
			break;
	}
	store_done(s);
	if (rc == 0 && (*out = agg_sorted(tree, a->sort)) == NULL)
		rc = -1;
done:
	json_decref(tree);
	free(custs);
	free(ids);
	free(sts);
	free(tys);
	free(cats);
	free(refs);
	return rc;
}
