/*
 * sp_api.c — HTTP handlers of the Core Information API (service
 * points, and the caller: /me).  Every read of service points goes
 * through service_point.c, scoped by r->who.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "sp_api.h"
#include "orange_api.h"
#include "auth.h"
#include "http.h"
#include "reply.h"
#include "service_point.h"
#include "store.h"
#include "workday.h"

#define SP_LIST_DEFAULT	50
#define SP_LIST_MAX	250

/*
 * Read the boolean query flag `key` ("true" or "false", absent is
 * false) into bit `bit` of *opts.  0, or -1 if the value is neither.
 */
static int
query_flag(const struct req *r, const char *key, unsigned bit, unsigned *opts)
{
	const char *v = req_query(r, key);

	if (v == NULL || strcmp(v, "false") == 0)
		return 0;
	if (strcmp(v, "true") != 0)
		return -1;
	*opts |= bit;
	return 0;
}

/* The output options of the request (displayNulls, displayLinks).
 * 0, or an answered 400 (returns 1). */
static int
query_opts(struct req *r, unsigned *opts)
{
	*opts = 0;
	if (query_flag(r, "displayNulls", SP_NULLS, opts) < 0)
		return reply_error(r, HERR_BAD_QUERY,
		    "'displayNulls' must be true or false."), 1;
	if (query_flag(r, "displayLinks", SP_LINKS, opts) < 0)
		return reply_error(r, HERR_BAD_QUERY,
		    "'displayLinks' must be true or false."), 1;
	return 0;
}

int
api_service_points(struct req *r)
{
	struct sp_filter	 f;
	json_t			*items = NULL;
	long long		 total;
	unsigned		 opts;
	char			 n[32];

	memset(&f, 0, sizeof(f));
	if (req_query_int(r, "offset", 0, 0, 1LL << 40, &f.offset) < 0)
		return reply_error(r, HERR_BAD_QUERY,
		    "'offset' must be a non-negative integer.");
	if (req_query_int(r, "limit", SP_LIST_DEFAULT, 1, SP_LIST_MAX, &f.limit) < 0)
		return reply_error(r, HERR_BAD_QUERY,
		    "'limit' must be an integer between 1 and 250.");
	f.sort = req_query(r, "sort");
	if (!sp_sort_valid(f.sort))
		return reply_error(r, HERR_BAD_QUERY, "'sort' must be one of id, "
		    "name, customerReference, state, customer.id, optionally "
		    "preceded by '-'.");
	if (query_opts(r, &opts) != 0)
		return 0;
	if (req_query_list(r, "id", QUERY_LIST_MAX, &f.id) < 0 ||
	    req_query_list(r, "reference", QUERY_LIST_MAX, &f.reference) < 0 ||
	    req_query_list(r, "customerReference", QUERY_LIST_MAX,
	    &f.customer_reference) < 0 ||
	    req_query_list(r, "state", QUERY_LIST_MAX, &f.state) < 0 ||
	    req_query_list(r, "customer.id", QUERY_LIST_MAX, &f.customer) < 0 ||
	    req_query_list(r, "name", QUERY_LIST_MAX, &f.name) < 0)
		return reply_error(r, HERR_BAD_QUERY,
		    "A filter may list at most 100 values.");
	if (sp_list(r->store, r->who, &f, opts, &items, &total) < 0) {
		json_decref(items);
		return -1;
	}
	snprintf(n, sizeof(n), "%lld", total);
	resp_header(r, "X-Total-Count", n);
	snprintf(n, sizeof(n), "%zu", json_array_size(items));
	resp_header(r, "X-Result-Count", n);
	return resp_json_new(r, 200, items);
}

int
api_service_point(struct req *r)
{
	json_t		*o;
	unsigned	 opts;
	int		 err;

	if (query_opts(r, &opts) != 0)
		return 0;
	if ((o = sp_load(r->store, r->who, r->param, opts, &err)) == NULL)
		return err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND,
		    "No service point with this id.");
	return resp_json_new(r, 200, o);
}

/* obj[key] = the ISO time of `epoch` seconds. */
static void
set_time(json_t *obj, const char *key, long long epoch)
{
	char	iso[32];

	utc_epoch_iso((time_t)epoch, iso);
	json_object_set_new(obj, key, json_string(iso));
}

/* obj[key] = {id, name} when id is not NULL. */
static void
set_org(json_t *obj, const char *key, const char *id, const char *name)
{
	if (id != NULL)
		json_object_set_new(obj, key, json_pack("{s:s, s:s*}", "id", id,
		    "name", name));
}

int
api_me(struct req *r)
{
	const struct principal	*who = r->who;
	struct rows		*s;
	json_t			*me, *key;
	int			 rc, apikey;

	if ((s = store_query(r->store, ST_CRED_ME, "s", who->session_hash)) == NULL)
		return -1;
	if ((rc = store_row(s)) != 1) {
		store_done(s);
		return -1;		/* it identified this request */
	}
	apikey = strcmp(store_text(s, ME_KIND), "apikey") == 0;
	me = json_pack("{s:s*, s:s, s:s, s:s}", "id", apikey ? store_text(s, ME_PREFIX) :
	    NULL, "login", who->email, "name", who->name, "email", who->email);
	/* The reference's scopes: VIEWER reads, the others also create. */
	key = json_pack("{s:s, s:s}", "scopes", who->level == LVL_VIEWER ?
	    "b2b:ordering:readonly" : "b2b:ordering", "type", "ACTIVE");
	if (me == NULL || key == NULL) {
		store_done(s);
		json_decref(me);
		json_decref(key);
		return -1;
	}
	if (apikey)
		json_object_set_new(key, "id", json_string(store_text(s, ME_PREFIX)));
	if (store_text(s, ME_PHONE) != NULL)
		json_object_set_new(me, "phone", json_string(store_text(s, ME_PHONE)));
	set_time(key, "createdAt", store_int(s, ME_CREATED));
	if (!store_isnull(s, ME_EXPIRES))
		set_time(key, "expiredAt", store_int(s, ME_EXPIRES));
	json_object_set_new(me, "apiKey", key);
	json_object_set_new(me, "createdAt", json_string(store_text(s, ME_USER_CREATED)));
	json_object_set_new(me, "userId", json_string(who->user_id));
	json_object_set_new(me, "level", json_string(level_names[who->level]));
	set_org(me, "customer", who->customer_id, who->customer_name);
	set_org(me, "reseller", who->reseller_id, store_text(s, ME_RESELLER_NAME));
	store_done(s);
	return resp_json_new(r, 200, me);
}
