/*
 * orange_request.c — Orange-style ordering requests: the rules of the BVPN request types
 * 001 applied through the catalog, storage, reading and status life.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "catalog.h"
#include "catalog_grant.h"
#include "config.h"
#include "http.h"
#include "log.h"
#include "outbox.h"
#include "tpl.h"
#include "orange_request.h"
#include "request_view.h"
#include "store.h"
#include "util.h"
#include "workday.h"
#include "writer.h"

#define TOP_MAX_LEN	64	/* customerReference, contract */
#define COMMENT_MAX_LEN	4096

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
 * time ahead.  The seeds' sentence counts calendar days ("20 days"); a
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

/* A mail dictionary describing a request (owned; tpl_dict_free). */
static struct tpl_dict *
mail_dict(const char *id, const char *type, const char *name, const char *customer,
    const char *custref, const char *requested)
{
	struct tpl_dict *d = tpl_dict_new("mail");

	if (d == NULL)
		return NULL;
	tpl_set(d, "REQUEST_ID", id);
	tpl_set(d, "TYPE", type);
	tpl_set(d, "NAME", name);
	tpl_set(d, "CUSTOMER", customer);
	tpl_set(d, "CUSTOMER_REFERENCE", custref ? custref : "-");
	tpl_set(d, "REQUESTED_AT", requested);
	return d;
}

#define CREATED_COMMENT "Request created"	/* its first history entry */

/* The mails' language: English until each recipient's is known
 * (gettext); the catalog's texts are taken in it. */
#define MAIL_LANG "en"

/* The properties in words, grouped (request_view.h), into a mail
 * dictionary: PROP_GROUP sections.  0 or -1. */
static int
mail_properties(struct tpl_dict *d, struct store *st, const struct rtype *t,
    const json_t *props, const char *sp_id, const char *request_id)
{
	struct request_view	 v;
	struct sp_words		 sp;

	if (sp_words_load(st, sp_id, request_id, &sp) < 0 ||
	    request_view_build(t, props, &sp, MAIL_LANG, &v) < 0)
		return -1;
	request_view_tpl(&v, d);
	request_view_free(&v);
	return 0;
}

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
	const char			*id;
	char				 now[32];	/* issued and updated */
	struct mail			 mails[2];	/* creator, operator */
};

/* Render "request_created" for the creator and the operator, before the
 * writer (outbox.h).  0 or -1. */
static int
render_created(struct store *st, struct new_request *n, const json_t *props)
{
	struct tpl_dict	*d;
	int		 rc;

	d = mail_dict(n->id, n->t->type, n->t->title, n->ci->name, n->custref,
	    n->requested);
	if (d == NULL)
		return -1;
	/* "": no service point (a type that names none) finds none */
	if (mail_properties(d, st, n->t, props, n->sp_id ? n->sp_id : "", NULL) < 0) {
		tpl_dict_free(d);
		return -1;
	}
	tpl_set(d, "CREATOR", n->who->name);
	rc = outbox_render(&n->mails[0], "request_created", n->who->email, d) >= 0 &&
	    outbox_render(&n->mails[1], "request_created", config.mail_operator, d) >= 0 ?
	    0 : -1;
	tpl_dict_free(d);
	return rc;
}

/* Unit of work (writer.h): the request, its first history entry and its
 * notifications.  0, or -1. */
static int
insert_request(struct store *st, void *arg)
{
	const struct new_request *n = arg;

	if (store_exec(st, ST_REQ_ADD, "ssssssssssssss", n->id, n->t->type,
	    n->t->title, n->t->category, n->ci->id, n->custref, n->contract,
	    n->sp_id, n->props_text, n->comment,
	    n->requested, n->now, n->now, n->who->user_id) != 1 ||
	    store_exec(st, ST_REQ_HISTORY_ADD, "ssssss", n->id, n->now, n->who->user_id,
	    NULL, "NEW", CREATED_COMMENT) != 1 ||
	    outbox_add(st, &n->mails[0], n->id) != 0 ||
	    outbox_add(st, &n->mails[1], n->id) != 0)
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

/* Store the request durably (group commit), and its API text in *answer
 * when not NULL.  0, or -1: nothing kept. */
static int
store_request(struct store *st, const struct principal *who, const struct rtype *t,
    const struct customer_info *ci, const json_t *body, const json_t *props,
    const char *sp_id, const char *requested, char id[25], char **answer)
{
	struct new_request	 n;
	char			*props_text;
	int			 rc;

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
	n.id = id;
	now_iso(n.now);
	rc = render_created(st, &n, props) == 0 ? store_write(st, insert_request, &n) : -1;
	if (rc == 0 && answer != NULL)
		*answer = new_request_text(st, &n);	/* NULL: stored, but no text */
	outbox_mail_free(&n.mails[0]);
	outbox_mail_free(&n.mails[1]);
	free(props_text);
	return rc == 0 ? 0 : -1;
}

enum create_result
request_create(struct store *st, const struct principal *who, const json_t *body,
    const char *lang, struct problems *pb, char id[25], char **answer, char *why,
    size_t whylen)
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
	if (store_request(st, who, t, &ci, body, props, sp_id, day, id, answer) < 0) {
		res = CREATE_UNAVAILABLE;
		goto out;
	}
	res = CREATE_OK;
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
	if ((s = store_query(st, ST_REQ_GET, "issssssss", SCOPE_ARGS(who), NULL,
	    NULL, NULL, NULL, NULL, id)) == NULL) {
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

/* Queue "request_status" to the request's creator.  0 or -1. */
static int
notify_status(struct store *st, const json_t *req, const struct principal *who,
    const char *to, const char *comment)
{
	struct tpl_dict	*d;
	int		 rc;

	d = mail_dict(json_string_value(json_object_get(req, "id")),
	    json_string_value(json_object_get(req, "type")),
	    json_string_value(json_object_get(req, "name")),
	    json_string_value(json_path_get(req, "customer.name")),
	    json_string_value(json_object_get(req, "customerReference")),
	    json_string_value(json_path_get(req, "keyDates.requestedAt")));
	if (d == NULL)
		return -1;
	if (mail_properties(d, st, catalog_find(json_string_value(json_object_get(req, "type"))),
	    json_object_get(req, "properties"), NULL,
	    json_string_value(json_object_get(req, "id"))) < 0) {
		tpl_dict_free(d);
		return -1;
	}
	tpl_set(d, "FROM", json_string_value(json_object_get(req, "status")));
	tpl_set(d, "TO", to);
	tpl_set(d, "BY", who->name);
	if (comment != NULL && *comment != '\0') {
		tpl_show(d, "COMMENT");
		tpl_set(d, "COMMENT_TEXT", comment);
	}
	rc = outbox_queue_user(st, "request_status", json_string_value(json_object_get(req, "id")),
	    json_string_value(json_object_get(req, "createdBy")), d);
	tpl_dict_free(d);
	return rc;
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
	if (store_begin(st) < 0) {
		json_decref(req);
		return -1;
	}
	rc = store_exec(st, ST_REQ_SET_STATUS, "ssss", to, now, id, from);
	if (rc == 1)
		rc = store_exec(st, ST_REQ_HISTORY_ADD, "ssssss", id, now, who->user_id,
		    from, to, comment) == 1 ? 1 : -1;
	if (rc == 1)
		rc = notify_status(st, req, who, to, comment) == 0 ? 1 : -1;
	if (rc != 1 || store_commit(st) < 0) {
		store_rollback(st);
		json_decref(req);
		if (rc == 0) {	/* someone moved it first */
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
	    !issue_order(f->sort, &desc) || (cust == NULL && who->level != LVL_ADMIN))
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
			*refs = store_list_param(f->customer_reference);
	int		 rc = -1, q = sort_stmt(f->sort);

	*total = 0;
	if (q < 0)
		goto out;
	if ((rc = request_list_fast(st, who, f, fn, ctx, total)) != 0) {
		rc = rc < 0 ? -1 : 0;
		goto out;
	}
	/* The total from the counters; a list filtered by id or customer
	 * reference, which they do not know, starts from those rows. */
	if (ids == NULL && refs == NULL)
		s = store_query(st, ST_REQ_KEPT_COUNT, "issssss", SCOPE_ARGS(who),
		    (const char *)NULL, sts, tys, cats);
	else {
		s = store_query(st, ST_REQ_KCOUNT, "isssssss", SCOPE_ARGS(who), ids,
		    sts, tys, cats, refs);
		q += ST_REQ_KLIST_ISSUED_ASC - ST_REQ_LIST_ISSUED_ASC;
	}
	if (s == NULL)
		goto out;
	if (store_row(s) == 1)
		*total = store_int(s, COUNT_N);
	store_done(s);
	if ((s = store_query(st, (enum stmt)q, "isssssssII", SCOPE_ARGS(who), ids,
	    sts, tys, cats, refs, f->limit, f->offset)) == NULL)
		goto out;
	rc = each_row(s, fn, ctx);
	store_done(s);
out:
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
