/*
 * orange_api.c — HTTP handlers of the Orange-compatible ordering API.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "orange_api.h"
#include "auth.h"
#include "catalog.h"
#include "http.h"
#include "i18n.h"
#include "idempotency.h"
#include "reply.h"
#include "search.h"
#include "log.h"
#include "orange_request.h"
#include "queue.h"
#include "store.h"

#define LIST_MAX 250

/*
 * The language of the caller's Accept-Language (i18n.c: the best the
 * desk speaks, "fr-FR" counting as French; English when none): the one
 * a catalog field's declared messages are said in.  The Orange messages
 * and the desk's own sentences stay English on the API.
 */
static const char *
accept_lang(const struct req *r)
{
	return lang_code(lang_pick(NULL, req_env(r, "HTTP_ACCEPT_LANGUAGE"), NULL));
}

/* POST /ordering/b2b/v2/requests (an Idempotency-Key answers a retry
 * with the first answer: idempotency.h) */
int
api_requests_post(struct req *r)
{
	struct problems	 pb = { 0 };
	struct idem	 ik = { 0 };
	json_t		*body;
	char		 id[25], why[256], loc[128], *req = NULL;
	int		 rc;

	if ((body = req_json_body(r, &rc)) == NULL)
		return rc;
	if ((rc = idem_begin(&ik, r, body)) < 0) {
		rc = reply_oerr(r, OERR_ORDERING_DOWN, NULL, NULL);
		goto out;
	}
	if (rc > IDEM_NEW) {
		rc = reply_idem(r, &ik);
		goto out;
	}
	switch (request_create_keyed(r->store, r->who, body, NULL, accept_lang(r), &pb,
	    id, &req, why, sizeof(why), &ik)) {
	case CREATE_OK:
		break;
	case CREATE_INVALID:
		rc = reply_problems(r, &pb);
		goto out;
	case CREATE_FORBIDDEN:
		rc = reply_error(r, HERR_FORBIDDEN, why);
		goto out;
	case CREATE_UNAVAILABLE:
	case CREATE_ALREADY:		/* no form token here: never */
		rc = reply_oerr(r, OERR_ORDERING_DOWN, NULL, NULL);
		goto out;
	case CREATE_KEY_FOUND:	/* a twin with the same key was first */
		rc = reply_idem(r, &ik);
		goto out;
	}
	log_info("request %s created by %s", id, r->who->user_id);
	/* Stored: the answer is 201 whatever happens now, else a client that
	 * retries would create it twice.  Without the text made from the
	 * values stored (only out of memory), the stored row read back; failing
	 * that, the id alone, which the Content-Location leads to.  Under a
	 * key the text was made before, and kept with the key: a replay
	 * answers the same bytes. */
	if (req == NULL)
		req = request_load_text(r->store, r->who, id, &rc);
	snprintf(loc, sizeof(loc), "/ordering/b2b/v2/requests/%s", id);
	resp_header(r, "Content-Location", loc);
	if (req != NULL)
		rc = resp_json_text(r, 201, req);
	else {
		char bare[64];
		snprintf(bare, sizeof(bare), "{\"id\":\"%s\"}", id);
		log_err("request %s: stored, answered with its id alone", id);
		rc = resp_json_text(r, 201, bare);
	}
	free(req);
out:
	idem_free(&ik);
	problems_free(&pb);
	json_decref(body);
	return rc;
}

/* The top-level members a `fields` list names ("status,keyDates.issuedAt"
 * keeps status and keyDates), split once per request: at most FIELDS_MAX
 * names, each cut at its first dot. */
struct fields {
	char	*names[FIELDS_MAX];
	size_t	 n;
	char	*copy;		/* owns the names */
};

/* Split `csv` (at most FIELDS_MAX names: req_query_list() said so).
 * 0 or -1 (ENOMEM). */
static int
fields_split(struct fields *fl, const char *csv)
{
	char *p, *next, *dot;

	memset(fl, 0, sizeof(*fl));
	if ((fl->copy = strdup(csv)) == NULL)
		return -1;
	for (p = fl->copy; p != NULL && fl->n < FIELDS_MAX; p = next) {
		if ((next = strchr(p, ',')) != NULL)
			*next++ = '\0';
		if ((dot = strchr(p, '.')) != NULL)
			*dot = '\0';
		fl->names[fl->n++] = p;
	}
	return 0;
}

/* Keep only the members of `o` that `fl` names, and its id. */
static void
partial(json_t *o, const struct fields *fl)
{
	const char	*key;
	json_t		*v;
	void		*tmp;
	size_t		 i;
	int		 keep;

	json_object_foreach_safe(o, tmp, key, v) {
		keep = strcmp(key, "id") == 0;
		for (i = 0; !keep && i < fl->n; i++)
			keep = strcmp(fl->names[i], key) == 0;
		if (!keep)
			json_object_del(o, key);
	}
}

/* List output: items written one by one into a buffer, the stored
 * properties text spliced in as is (it is JSON this program wrote), so a
 * page of 250 costs no parsing and no big tree. */
struct list_out {
	struct buf	 b;
	const struct fields *fields;	/* partial response, or NULL */
	size_t		 n;
	int		 failed;
};

static int
list_row(void *ctx, const char *item, const char *props)
{
	struct list_out	*lo = ctx;
	json_t		*o;
	char		*text = NULL;

	buf_puts(&lo->b, lo->n++ ? "," : "[");
	if (lo->fields == NULL) {
		if (request_item_open(&lo->b, item, props) < 0 ||
		    buf_puts(&lo->b, "}") < 0)
			return lo->failed = -1;
		return 0;
	}
	if ((o = json_loads(item, 0, NULL)) != NULL) {
		json_object_set_new(o, "properties", json_loads(props, 0, NULL));
		partial(o, lo->fields);
		text = json_dumps(o, JSON_COMPACT);
		json_decref(o);
	}
	if (text == NULL)
		return lo->failed = -1;
	buf_puts(&lo->b, text);
	free(text);
	return 0;
}

/*
 * `assignee` (docs/INBOX.md, "Filtering by who handles a request"): the
 * operator's only; anyone else is refused whatever the value, so that
 * it tells nothing.  0, or 1 after answering.
 */
static int
assignee_filter(struct req *r, struct request_filter *f)
{
	const char	*v = req_query(r, "assignee");
	int		 rc;

	if (v == NULL)
		return 0;
	if (r->who->level != LVL_ADMIN)
		return reply_error(r, HERR_FORBIDDEN,
		    "Only the operator filters by who handles a request."), 1;
	if ((rc = queue_assignee_param(r->store, v, f->assignee_id,
	    sizeof(f->assignee_id))) < 0)
		return -1;
	if (rc > 0)
		return reply_error(r, HERR_BAD_QUERY, "'assignee' must be none, or the id "
		    "or e-mail of an operator."), 1;
	f->assignee = f->assignee_id;
	return 0;
}

/*
 * The filters of the list, also the aggregate's (comma lists, each at
 * most QUERY_LIST_MAX values) into *f.  0, 1 after answering the 400 (or
 * the 403 of assignee), -1 on failure.
 */
static int
list_filters(struct req *r, struct request_filter *f)
{
	static const struct { const char *key; size_t off; } lists[] = {
		{ "id", offsetof(struct request_filter, id) },
		{ "status", offsetof(struct request_filter, status) },
		{ "type", offsetof(struct request_filter, type) },
		{ "category", offsetof(struct request_filter, category) },
		{ "customerReference", offsetof(struct request_filter, customer_reference) },
		{ "customer.id", offsetof(struct request_filter, customer) },
	};

	static const char *const dates[] = { "keyDates.issuedAt", "keyDates.requestedAt" };
	char	why[128], key[40];
	size_t	i, d;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (req_query_list(r, lists[i].key, QUERY_LIST_MAX,
		    (const char **)((char *)f + lists[i].off)) < 0) {
			snprintf(why, sizeof(why), "'%s' lists at most %d values.",
			    lists[i].key, QUERY_LIST_MAX);
			reply_error(r, HERR_BAD_QUERY, why);
			return 1;
		}
	/* the dates: one day (keyDates.issuedAt=2026-12-01), or a range of
	 * days, each end included (.gte, .lte) */
	for (d = 0; d < 2; d++) {
		const char	*day, *gte, *lte;
		int		 bad;

		snprintf(key, sizeof(key), "%s", dates[d]);
		if ((day = req_query(r, key)) != NULL &&
		    request_filter_days(f, (int)d, day[0] ? day : "?", day[0] ? day : "?") != 0)
			goto bad;
		snprintf(key, sizeof(key), "%s.gte", dates[d]);
		if ((gte = req_query(r, key)) != NULL && *gte == '\0')
			goto bad;
		snprintf(key, sizeof(key), "%s.lte", dates[d]);
		if ((lte = req_query(r, key)) != NULL && *lte == '\0')
			goto bad;
		if ((bad = request_filter_days(f, (int)d, gte, lte)) != 0) {
			snprintf(key, sizeof(key), "%s%s", dates[d], bad == 1 ? ".gte" : ".lte");
			goto bad;
		}
	}
	return assignee_filter(r, f);
bad:
	snprintf(why, sizeof(why), "'%s' must be a date such as 2026-12-31.", key);
	reply_error(r, HERR_BAD_QUERY, why);
	return 1;
}

/* GET /ordering/b2b/v2/requests */
int
api_requests_list(struct req *r)
{
	struct request_filter	 f;
	struct list_out		 lo;
	struct fields		 fl;
	long long		 total;
	const char		*fields;
	char			 n[32], why[96], match[SEARCH_EXPR_MAX];
	int			 rc;

	memset(&f, 0, sizeof(f));
	memset(&lo, 0, sizeof(lo));
	if ((rc = search_expr(r->who, req_query(r, "q"), match, sizeof(match))) < 0) {
		snprintf(why, sizeof(why), "'q' must be text of at most %d bytes.", SEARCH_Q_MAX);
		return reply_error(r, HERR_BAD_QUERY, why);
	}
	f.match = rc == 1 ? match : NULL;
	if (req_query_int(r, "offset", 0, 0, 1LL << 40, &f.offset) < 0)
		return reply_error(r, HERR_BAD_QUERY, "'offset' must be a non-negative integer.");
	if (req_query_int(r, "limit", LIST_MAX, 1, LIST_MAX, &f.limit) < 0)
		return reply_error(r, HERR_BAD_QUERY, "'limit' must be an integer between 1 and 250.");
	f.sort = req_query(r, "sort");
	if (f.sort != NULL && !request_sort_valid(f.sort))
		return reply_error(r, HERR_BAD_QUERY, "'sort' must be one of issuedAt, "
		    "requestedAt, status, type, customerReference, id, optionally "
		    "preceded by '-'.");
	if ((rc = list_filters(r, &f)) != 0)
		return rc < 0 ? -1 : 0;
	if (req_query_list(r, "fields", FIELDS_MAX, &fields) < 0) {
		snprintf(why, sizeof(why), "'fields' names at most %d attributes.",
		    FIELDS_MAX);
		return reply_error(r, HERR_BAD_QUERY, why);
	}
	if (fields != NULL && fields_split(&fl, fields) < 0)
		return -1;
	lo.fields = fields != NULL ? &fl : NULL;
	rc = request_list_each(r->store, r->who, &f, list_row, &lo, &total);
	if (fields != NULL)
		free(fl.copy);
	if (rc < 0 || lo.failed) {
		buf_free(&lo.b);
		return -1;
	}
	buf_puts(&lo.b, lo.n ? "]" : "[]");
	snprintf(n, sizeof(n), "%lld", total);
	resp_header(r, "X-Total-Count", n);
	snprintf(n, sizeof(n), "%zu", lo.n);
	resp_header(r, "X-Result-Count", n);
	rc = resp_start(r, 200, "application/json; charset=utf-8");
	if (rc == 0)
		rc = resp_write(r, lo.b.data, lo.b.len);
	buf_free(&lo.b);
	return rc;
}

/* GET /ordering/b2b/v2/requests/aggregate */
int
api_requests_aggregate(struct req *r)
{
	struct request_filter	 f;
	struct request_agg	 a;
	json_t			*counts;
	long long		 total, groups;
	char			 n[32], why[256];
	int			 rc;

	memset(&f, 0, sizeof(f));
	if (request_agg_parse(req_query(r, "groupBy"), req_query(r, "sort"), &a, why,
	    sizeof(why)) < 0)
		return reply_error(r, HERR_BAD_QUERY, why);
	if ((rc = list_filters(r, &f)) != 0)
		return rc < 0 ? -1 : 0;
	if ((rc = request_aggregate(r->store, r->who, &f, &a, &counts, &total,
	    &groups)) != 0) {
		if (rc < 0)
			return -1;
		snprintf(why, sizeof(why), "'groupBy' makes more than %d groups: narrow "
		    "the requests with a filter (status, type, category, id, "
		    "customerReference).", AGG_GROUPS_MAX);
		return reply_error(r, HERR_BAD_QUERY, why);
	}
	snprintf(n, sizeof(n), "%lld", total);
	resp_header(r, "X-Total-Count", n);
	snprintf(n, sizeof(n), "%lld", groups);
	resp_header(r, "X-Result-Count", n);
	return resp_json_new(r, 200, counts);
}

/* GET /ordering/b2b/v2/requests/{id} */
int
api_request_get(struct req *r)
{
	char	*text;
	int	 err, rc;

	if ((text = request_load_text(r->store, r->who, r->param, &err)) == NULL)
		return err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND,
		    "No request with this id.");
	rc = resp_json_text(r, 200, text);
	free(text);
	return rc;
}

/* POST /ordering/b2b/v2/requests/{id}/status {status, comment} */
int
api_request_status(struct req *r)
{
	json_t		*body;
	const char	*comment, *to;
	char		 why[256], *text, bare[128];
	int		 err, rc;

	if ((body = req_json_body(r, &rc)) == NULL)
		return rc;
	comment = json_string_value(json_object_get(body, "comment"));
	if (comment == NULL)
		comment = json_string_value(json_object_get(body, "reason"));
	to = json_string_value(json_object_get(body, "status"));
	rc = request_transition(r->store, r->who, r->param, to, comment, why, sizeof(why));
	/* a legal status is one of a few plain words: safe in JSON as is */
	if (rc == 0)
		snprintf(bare, sizeof(bare), "{\"id\":\"%s\",\"status\":\"%s\"}",
		    r->param, to);
	json_decref(body);
	if (rc < 0)
		return -1;
	if (rc == HERR_MISSING)	/* the Orange wording of the 412 */
		return reply_error(r, rc, "The mandatory field 'comment' is missing.");
	if (rc > 0)
		return reply_error(r, rc, why[0] ? why : (rc == HERR_NOT_FOUND ?
		    "No request with this id." : NULL));
	if ((text = request_load_text(r->store, r->who, r->param, &err)) == NULL) {
		/* Committed: a 500 would have the client retry into a 409. */
		log_err("request %s: status changed, answered without reading it back",
		    r->param);
		return resp_json_text(r, 200, bare);
	}
	rc = resp_json_text(r, 200, text);
	free(text);
	return rc;
}

/* GET /ordering/b2b/v2/catalogItems: the caller's catalog, paged by
 * offset and limit (the reference's: default and maximum 250). */
int
api_catalog_items(struct req *r)
{
	json_t		*items, *page;
	long long	 offset, limit, i, total;
	char		 n[32];

	if (req_query_int(r, "offset", 0, 0, 1LL << 40, &offset) < 0)
		return reply_error(r, HERR_BAD_QUERY, "'offset' must be a non-negative integer.");
	if (req_query_int(r, "limit", LIST_MAX, 1, LIST_MAX, &limit) < 0)
		return reply_error(r, HERR_BAD_QUERY, "'limit' must be an integer between 1 and 250.");
	if ((items = catalog_items(r->store, r->who)) == NULL)
		return -1;
	total = (long long)json_array_size(items);
	if ((page = json_array()) == NULL) {
		json_decref(items);
		return -1;
	}
	for (i = offset; i < total && i < offset + limit; i++)
		if (json_array_append(page, json_array_get(items, (size_t)i)) < 0) {
			json_decref(items);
			json_decref(page);
			return -1;
		}
	json_decref(items);
	snprintf(n, sizeof(n), "%lld", total);
	resp_header(r, "X-Total-Count", n);
	snprintf(n, sizeof(n), "%zu", json_array_size(page));
	resp_header(r, "X-Result-Count", n);
	return resp_json_new(r, 200, page);
}

/* GET /ordering/b2b/v2/catalogItems/{id} */
int
api_catalog_item(struct req *r)
{
	json_t	*items = catalog_items(r->store, r->who), *it;
	size_t	 i;
	int	 rc;

	if (items == NULL)
		return -1;
	json_array_foreach(items, i, it)
		if (strcmp(json_string_value(json_object_get(it, "id")), r->param) == 0) {
			rc = resp_json(r, 200, it);
			json_decref(items);
			return rc;
		}
	json_decref(items);
	return reply_error(r, HERR_NOT_FOUND, "No catalog item with this id.");
}

/* GET /ordering/b2b/v2/status */
int
api_ordering_status(struct req *r)
{
	int	ok = r->store != NULL && store_ping(r->store) == 0;

	return resp_json_new(r, ok ? 200 : 503, json_pack("{s:s, s:s, s:s}", "name",
	    ORDERING_API_NAME, "status", ok ? "ok" : "ko", "version",
	    ORDERING_API_MAJOR "." ORDERING_API_MINOR "." ORDERING_API_PATCH));
}

/* GET /ordering/b2b/v2/version */
int
api_ordering_version(struct req *r)
{
	return resp_json_new(r, 200, json_pack("{s:{s:s, s:s, s:s}, s:b}", "version",
	    "major", ORDERING_API_MAJOR, "minor", ORDERING_API_MINOR, "patch",
	    ORDERING_API_PATCH, "deprecated", 0));
}
