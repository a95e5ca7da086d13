/*
 * check_cases.c — the case folders of tests/cases/ at unit depth (the
 * format is tests/cases/README.md's).  For every folder: the body goes
 * to the domain function its route calls (request_create, inet_create,
 * inet_update, inet_order, inet_confirm, inet_load), as the folder's
 * user, on a database of the demo world; the answer is written by the
 * real error writer (reply.c) over an in-memory transport and compared
 * with expected.json.  tests/http/test_cases.py sends the same folders
 * through nginx.
 *
 * The caller is identified as the dispatcher identifies it: an API key
 * of the demo user, read by auth_identify().  A folder that only the
 * whole stack can answer (credentials, the route table's levels, 413,
 * 415, reads without a domain function here) says so in case.json
 * ("http_only") and is reported as skipped, with its reason.
 *
 * Needs CASES_DIR and CATALOG_DIR (compiled in) and TEMPLATES_DIR (in the
 * environment, as for every check program).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>
#include <jansson.h>
#include <sodium.h>

#include "auth.h"
#include "catalog.h"
#include "config.h"
#include "demo.h"
#include "errors.h"
#include "http.h"
#include "inet_request.h"
#include "orange_request.h"
#include "reply.h"
#include "route.h"
#include "store.h"
#include "tpl.h"
#include "util.h"
#include "workday.h"

#ifndef CASES_DIR
#define CASES_DIR "tests/cases"
#endif
#ifndef CATALOG_DIR
#define CATALOG_DIR "conf/catalog"
#endif

/* The demo users a case may act as (DESIGN.md section 8), by the names
 * the HTTP tests give them (tests/http/conftest.py); key: an API key made
 * once for the run. */
static struct demo_user {
	const char	*role, *user_id;
	char		 key[80];
} users[] = {
	{ "admin", "5eed0000000000000000a001", "" },
	{ "fdj_owner", "5eed0000000000000000f001", "" },
	{ "fdj_viewer", "5eed0000000000000000f002", "" },
	{ "acme_owner", "5eed0000000000000000ac01", "" },
	{ "acme_manager", "5eed0000000000000000ac02", "" },
	{ "nordic_owner", "5eed0000000000000000d001", "" },
	{ "nordic_it", "5eed0000000000000000d002", "" },
	{ "reseller", "5eed0000000000000000e001", "" },
};

/* The path a case of each family posts to unless it names another. */
static const struct { const char *family, *path; } families[] = {
	{ "orange", "/ordering/b2b/v2/requests" },
	{ "internet", "/internet/request" },
};

static char	  dbdir[64], dbpath[128];
static char	**cases;		/* "orange/<case>", sorted */
static size_t	  ncases;

/* ---- placeholders --------------------------------------------------- */

/* Names bound while a case runs: @EARLIEST and the ids of given steps. */
#define NAMES_MAX	16

struct names {
	size_t	n;
	char	name[NAMES_MAX][32];
	char	value[NAMES_MAX][64];
};

/* Bind `name` to `value`, replacing what it was bound to. */
static void
names_set(struct names *nm, const char *name, const char *value)
{
	size_t i;

	for (i = 0; i < nm->n && strcmp(nm->name[i], name) != 0; i++)
		;
	ck_assert_uint_lt(i, NAMES_MAX);
	snprintf(nm->name[i], sizeof(nm->name[0]), "%s", name);
	snprintf(nm->value[i], sizeof(nm->value[0]), "%s", value);
	if (i == nm->n)
		nm->n++;
}

static const char *
names_get(const struct names *nm, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < nm->n; i++)
		if (strlen(nm->name[i]) == len && strncmp(nm->name[i], name, len) == 0)
			return nm->value[i];
	return NULL;
}

/* Days since 1970-01-01 of a date, and back (H. Hinnant's algorithms). */
static long long
days_of(const struct ymd *d)
{
	long long	y = d->y - (d->m <= 2);
	long long	era = (y >= 0 ? y : y - 399) / 400;
	long long	yoe = y - era * 400;
	long long	doy = (153 * (d->m + (d->m > 2 ? -3 : 9)) + 2) / 5 + d->d - 1;

	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static struct ymd
day_at(long long z)
{
	long long	era, doe, yoe, doy, mp;
	struct ymd	d;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.y = (int)(yoe + era * 400 + (d.m <= 2));
	return d;
}

/* 0 Monday .. 6 Sunday, as Python's date.weekday(). */
static int
weekday(const struct ymd *d)
{
	return (int)(((days_of(d) + 3) % 7 + 7) % 7);
}

static int
after_easter(const struct ymd *d, int n)
{
	struct ymd e;

	return easter(d->y, &e) == 0 && days_of(d) == days_of(&e) + n;
}

static int any_day(const struct ymd *d) { (void)d; return 1; }
static int saturday(const struct ymd *d) { return weekday(d) == 5; }
static int sunday(const struct ymd *d) { return weekday(d) == 6; }
static int may_day(const struct ymd *d) { return d->m == 5 && d->d == 1 && weekday(d) < 5; }
static int easter_monday(const struct ymd *d) { return after_easter(d, 1); }
static int ascension(const struct ymd *d) { return after_easter(d, 39); }
static int whit_monday(const struct ymd *d) { return after_easter(d, 50); }

/* @KIND+N: the first day of the kind on or after today + N days. */
static const struct {
	const char	*name;
	int		(*is)(const struct ymd *);
	int		 utc;		/* today in UTC, not in Paris */
} day_kinds[] = {
	{ "TODAY", any_day, 0 },
	{ "UTC_TODAY", any_day, 1 },
	{ "WORKDAY", is_working_day, 0 },
	{ "SATURDAY", saturday, 0 },
	{ "SUNDAY", sunday, 0 },
	{ "MAY_DAY", may_day, 0 },
	{ "EASTER_MONDAY", easter_monday, 0 },
	{ "ASCENSION", ascension, 0 },
	{ "WHIT_MONDAY", whit_monday, 0 },
};

/* The date @name+offset stands for at `now`, into out; 0, or -1 when
 * `name` is no day kind. */
static int
day_of_kind(const char *name, size_t len, long offset, time_t now, char out[11])
{
	struct ymd	d;
	long long	day;
	size_t		i;
	int		n;

	for (i = 0; i < sizeof(day_kinds) / sizeof(day_kinds[0]); i++) {
		if (strlen(day_kinds[i].name) != len || strncmp(day_kinds[i].name, name, len) != 0)
			continue;
		d = day_kinds[i].utc ? day_at(now / 86400) : paris_today(now);
		day = days_of(&d) + offset;
		for (n = 0, d = day_at(day); n < 3660 && !day_kinds[i].is(&d); n++)
			d = day_at(++day);
		ymd_format(&d, out);
		return 0;
	}
	return -1;
}

/* `text` with its placeholders replaced (README.md): a new string. */
static char *
subst(const char *text, const struct names *nm, time_t now)
{
	struct buf	 b = { 0 };
	const char	*p = text, *name, *value;
	char		 day[11], *end;
	size_t		 len;
	long		 offset;

	while (*p != '\0') {
		if (p[0] != '@' || !(p[1] >= 'A' && p[1] <= 'Z')) {
			buf_append(&b, p++, 1);
			continue;
		}
		name = ++p;
		while ((*p >= 'A' && *p <= 'Z') || *p == '_')
			p++;
		len = (size_t)(p - name);
		offset = 0;
		if ((*p == '+' || *p == '-') && p[1] >= '0' && p[1] <= '9') {
			offset = strtol(p, &end, 10);
			if (day_of_kind(name, len, offset, now, day) == 0) {
				buf_puts(&b, day);
				p = end;
				continue;
			}
		}
		if (offset == 0 && day_of_kind(name, len, 0, now, day) == 0)
			buf_puts(&b, day);
		else if (offset == 0 && (value = names_get(nm, name, len)) != NULL)
			buf_puts(&b, value);
		else
			buf_printf(&b, "@%.*s", (int)len, name);
	}
	buf_append(&b, "", 0);
	ck_assert_ptr_nonnull(b.data);
	return b.data;
}

/* ---- one call ------------------------------------------------------- */

/* In-memory transport: body from `in`, response into `out`. */
struct mem {
	const char	*in;
	size_t		 off;
	struct buf	 out;
};

static int
mem_read(void *ctx, char *buf, size_t n)
{
	struct mem	*m = ctx;
	size_t		 left = strlen(m->in) - m->off;

	if (n > left)
		n = left;
	memcpy(buf, m->in + m->off, n);
	m->off += n;
	return (int)n;
}

static int
mem_write(void *ctx, const char *buf, size_t n)
{
	return buf_append(&((struct mem *)ctx)->out, buf, n);
}

/* POST /ordering/b2b/v2/requests, answered as api_requests_post does. */
static int
orange_create(struct req *r)
{
	struct problems	 pb = { 0 };
	json_t		*body;
	char		 id[25], why[256], *text = NULL;
	int		 rc;

	if ((body = req_json_body(r, &rc)) == NULL)
		return rc;
	switch (request_create(r->store, r->who, body, NULL, "en", &pb, id, &text, why,
	    sizeof(why))) {
	case CREATE_OK:
		rc = text != NULL ? resp_json_text(r, 201, text) : -1;
		break;
	case CREATE_INVALID:
		rc = reply_problems(r, &pb);
		break;
	case CREATE_FORBIDDEN:
		rc = reply_error(r, HERR_FORBIDDEN, why);
		break;
	case CREATE_UNAVAILABLE:
	case CREATE_ALREADY:		/* no form token here */
	case CREATE_KEY_FOUND:		/* no key at unit depth */
		rc = reply_oerr(r, OERR_ORDERING_DOWN, NULL, NULL);
		break;
	}
	free(text);
	problems_free(&pb);
	json_decref(body);
	return rc;
}

enum change { CH_CREATE, CH_UPDATE, CH_ORDER, CH_CONFIRM };

/* An Internet change, answered as inet_api.c's apply_change does: its
 * problems, or the object made (201) or changed (200). */
static int
inet_change(struct req *r, enum change kind)
{
	struct problems	 pb = { 0 };
	json_t		*body;
	char		 id[25] = "";
	int		 rc = -1, err;

	if ((body = req_json_body(r, &rc)) == NULL)
		return rc;
	switch (kind) {
	case CH_CREATE: rc = inet_create(r->store, r->who, body, NULL, &pb, id); break;
	case CH_UPDATE: rc = inet_update(r->store, r->who, r->param, body, &pb); break;
	case CH_ORDER: rc = inet_order(r->store, r->who, body, &pb, id); break;
	case CH_CONFIRM: rc = inet_confirm(r->store, r->who, r->param, body, &pb); break;
	}
	json_decref(body);
	if (rc != 0)
		rc = rc < 0 ? -1 : reply_problems(r, &pb);
	else if (kind == CH_CREATE || kind == CH_UPDATE)
		rc = resp_json_new(r, kind == CH_CREATE ? 201 : 200, inet_load(r->store,
		    r->who, kind == CH_CREATE ? id : r->param, INET_FULL, &err));
	else
		rc = resp_json_new(r, kind == CH_ORDER ? 201 : 200, inet_account_load(
		    r->store, r->who, kind == CH_ORDER ? id : r->param, NULL, &err));
	problems_free(&pb);
	return rc;
}

static int inet_create_run(struct req *r) { return inet_change(r, CH_CREATE); }
static int inet_update_run(struct req *r) { return inet_change(r, CH_UPDATE); }
static int inet_order_run(struct req *r) { return inet_change(r, CH_ORDER); }
static int inet_confirm_run(struct req *r) { return inet_change(r, CH_CONFIRM); }

/* GET /internet/request/{id}, as api_inet_get answers it. */
static int
inet_get_run(struct req *r)
{
	json_t	*o;
	int	 err;

	if ((o = inet_load(r->store, r->who, r->param, INET_FULL, &err)) == NULL)
		return err < 0 ? -1 : reply_xerr(r, XERR_REQUEST_NOT_FOUND, NULL, NULL, NULL);
	return resp_json_new(r, 200, o);
}

/* The routes whose domain function runs here; any other is HTTP only. */
static const struct {
	const char	*method, *pattern;
	int		(*run)(struct req *);
} unit_routes[] = {
	{ "POST", "/ordering/b2b/v2/requests", orange_create },
	{ "POST", "/internet/request", inet_create_run },
	{ "POST", "/internet/request/{id}", inet_update_run },
	{ "GET", "/internet/request/{id}", inet_get_run },
	{ "POST", "/internet/account", inet_order_run },
	{ "POST", "/internet/account/{id}/confirm", inet_confirm_run },
};

/* Does `path` match `pattern` ("{id}": one segment, copied to *param)? */
static int
route_match(const char *pattern, const char *path, char **param)
{
	const char *brace = strstr(pattern, "{id}"), *end;

	if (brace == NULL)
		return strcmp(pattern, path) == 0;
	if (strncmp(pattern, path, (size_t)(brace - pattern)) != 0)
		return 0;
	path += brace - pattern;
	if ((end = strchr(path, '/')) == NULL)
		end = path + strlen(path);
	if (end == path || strcmp(end, brace + 4) != 0)
		return 0;
	*param = strndup(path, (size_t)(end - path));
	return 1;
}

static const char *
user_key(const char *role)
{
	size_t i;

	for (i = 0; i < sizeof(users) / sizeof(users[0]); i++)
		if (strcmp(users[i].role, role) == 0)
			return users[i].key;
	ck_abort_msg("no demo user '%s'", role);
	return NULL;
}

/* What a call answered: status, Content-Type and body (new reference). */
struct answer {
	int	 status;
	int	 json;		/* sent as application/json */
	json_t	*body;
};

/* Call METHOD PATH with `body` (text, or NULL) as `role` on `st`. */
static void
call(struct store *st, const char *role, const char *method, const char *path,
    const char *body, struct answer *a)
{
	char		 env_method[32], env_path[512], env_len[64], env_key[128];
	const char	*env[] = { env_method, env_path, env_key,
			    "CONTENT_TYPE=application/json", body ? env_len : NULL, NULL };
	struct mem	 m = { body ? body : "", 0, { 0 } };
	struct io	 io = { mem_read, mem_write, &m, (char **)env };
	struct req	 r;
	const char	*head;
	size_t		 i;
	int		 found = 0;

	snprintf(env_method, sizeof(env_method), "REQUEST_METHOD=%s", method);
	snprintf(env_path, sizeof(env_path), "PATH_INFO=%s", path);
	snprintf(env_len, sizeof(env_len), "CONTENT_LENGTH=%zu", strlen(m.in));
	snprintf(env_key, sizeof(env_key), "HTTP_X_API_KEY=%s", user_key(role));
	ck_assert_int_eq(req_init(&r, &io, st), 0);
	r.family = route_family_of(r.path);
	ck_assert_int_eq(auth_identify(&r, 1), 0);
	ck_assert_ptr_nonnull(r.who);
	for (i = 0; !found && i < sizeof(unit_routes) / sizeof(unit_routes[0]); i++)
		if (strcmp(unit_routes[i].method, method) == 0 &&
		    route_match(unit_routes[i].pattern, r.path, &r.param)) {
			found = 1;
			ck_assert_int_eq(unit_routes[i].run(&r), 0);
		}
	ck_assert_msg(found, "%s %s: no domain function runs it here; "
	    "mark the case http_only", method, path);
	principal_free(r.who);
	r.who = NULL;
	req_free(&r);
	ck_assert_ptr_nonnull(m.out.data);
	ck_assert_int_eq(sscanf(m.out.data, "Status: %d", &a->status), 1);
	ck_assert_ptr_nonnull(head = strstr(m.out.data, "\r\n\r\n"));
	a->json = strstr(m.out.data, "\r\nContent-Type: application/json") != NULL &&
	    strstr(m.out.data, "\r\nContent-Type: application/json") < head;
	a->body = json_loads(head + 4, 0, NULL);
	ck_assert_msg(a->body != NULL, "%s %s: the answer is not JSON: %s", method,
	    path, m.out.data);
	buf_free(&m.out);
}

/* ---- one case ------------------------------------------------------- */

/* The whole file at dir/name (owned), or NULL if there is none. */
static char *
read_text(const char *dir, const char *name)
{
	char	 path[1024];
	FILE	*f;
	char	*text;
	long	 len;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	ck_assert_int_ge(len = ftell(f), 0);
	rewind(f);
	ck_assert_ptr_nonnull(text = malloc((size_t)len + 1));
	ck_assert_uint_eq(fread(text, 1, (size_t)len, f), (size_t)len);
	text[len] = '\0';
	fclose(f);
	return text;
}

/* Parse `text` (NULL: not there) or fail naming the file. */
static json_t *
parse(const char *text, const char *what)
{
	json_error_t	 e;
	json_t		*j;

	ck_assert_msg(text != NULL, "%s is missing", what);
	j = json_loads(text, 0, &e);
	ck_assert_msg(j != NULL, "%s: line %d: %s", what, e.line, e.text);
	return j;
}

/* Fail if `obj` holds a member that is not in `allowed` (a typo would
 * otherwise be ignored by one runner and not the other). */
static void
keys_known(const json_t *obj, const char *const *allowed, const char *what)
{
	const char	*key;
	json_t		*v;
	size_t		 i;

	ck_assert_msg(json_is_object(obj), "%s is not an object", what);
	json_object_foreach((json_t *)obj, key, v) {
		for (i = 0; allowed[i] != NULL && strcmp(allowed[i], key) != 0; i++)
			;
		ck_assert_msg(allowed[i] != NULL, "%s: unknown member '%s'", what, key);
	}
}

static const char *
str_or(const json_t *obj, const char *key, const char *def)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s != NULL ? s : def;
}

/* Run the case's given steps, binding the ids they name. */
static void
run_given(struct store *st, const char *name, const json_t *given,
    struct names *nm, time_t now)
{
	static const char *const step_keys[] = { "name", "as", "method", "path",
	    "body", NULL };
	struct answer	 a;
	const json_t	*step, *id;
	char		*path, *text, *body;
	size_t		 i;

	json_array_foreach((json_t *)given, i, step) {
		keys_known(step, step_keys, "case.json: given");
		path = subst(str_or(step, "path", "?"), nm, now);
		text = json_object_get(step, "body") ? json_dumps(json_object_get(step,
		    "body"), JSON_COMPACT) : NULL;
		body = text ? subst(text, nm, now) : NULL;
		call(st, str_or(step, "as", "?"), str_or(step, "method", "POST"), path,
		    body, &a);
		ck_assert_msg(a.status >= 200 && a.status < 300, "%s: given step %zu "
		    "answered %d", name, i + 1, a.status);
		if (json_object_get(step, "name") != NULL) {
			id = json_object_get(a.body, "_id") ? json_object_get(a.body, "_id") :
			    json_object_get(a.body, "id");
			ck_assert_ptr_nonnull(json_string_value(id));
			names_set(nm, str_or(step, "name", ""), json_string_value(id));
		}
		json_decref(a.body);
		free(path);
		free(text);
		free(body);
	}
}

/* Bind @EARLIEST: the earliest requestedAt of the body's type, if any. */
static void
bind_earliest(struct names *nm, const char *body, time_t now)
{
	const struct rtype	*t;
	json_t			*j;
	struct ymd		 e;
	char			 day[11];

	if (body == NULL || (j = json_loads(body, 0, NULL)) == NULL)
		return;
	if ((t = catalog_find(str_or(j, "type", ""))) != NULL) {
		e = earliest_requested_date(now, t->lead_days, t->lead_unit);
		ymd_format(&e, day);
		names_set(nm, "EARLIEST", day);
	}
	json_decref(j);
}

/* Does the answer match expected.json (placeholders replaced)? */
static int
answer_matches(const struct answer *a, const char *expected_text, char **why)
{
	static const char *const keys[] = { "status", "body", "includes", "lacks", NULL };
	json_t		*want = parse(expected_text, "expected.json"), *v;
	const char	*key;
	size_t		 i;
	int		 ok;

	keys_known(want, keys, "expected.json");
	ok = a->status == json_integer_value(json_object_get(want, "status")) && a->json;
	if (json_object_get(want, "body") != NULL)
		ok = ok && json_equal(a->body, json_object_get(want, "body"));
	json_object_foreach(json_object_get(want, "includes"), key, v)
		ok = ok && json_equal(json_object_get(a->body, key), v);
	json_array_foreach(json_object_get(want, "lacks"), i, v)
		ok = ok && json_object_get(a->body, json_string_value(v)) == NULL;
	if (!ok) {
		char *got = json_dumps(a->body, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
		char *exp = json_dumps(want, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
		ck_assert_int_ge(asprintf(why, "answered %d%s:\n%s\nexpected:\n%s",
		    a->status, a->json ? "" : " (not as application/json)", got, exp), 0);
		free(got);
		free(exp);
	}
	json_decref(want);
	return ok;
}

/* Check the answer against the folder's expected.json, read with the
 * dates of `before`, or else with those of now (a run across midnight). */
static void
expect(const char *name, const char *dir, const struct answer *a,
    struct names *nm, const char *body, time_t before)
{
	char	*raw, *expected, *why = NULL, *why_now = NULL;
	int	 ok;

	ck_assert_msg((raw = read_text(dir, "expected.json")) != NULL,
	    "%s: expected.json is missing", name);
	expected = subst(raw, nm, before);
	ok = answer_matches(a, expected, &why);
	free(expected);
	if (!ok) {
		bind_earliest(nm, body, calendar_now());
		expected = subst(raw, nm, calendar_now());
		ok = answer_matches(a, expected, &why_now);
		free(expected);
	}
	ck_assert_msg(ok, "%s: %s", name, why);
	free(why);
	free(why_now);
	free(raw);
}

/* The path of a case: its own, or its family's creation route. */
static char *
case_path(const char *name, const json_t *conf, const struct names *nm, time_t now)
{
	size_t i;

	for (i = 0; i < sizeof(families) / sizeof(families[0]); i++)
		if (strncmp(name, families[i].family, strlen(families[i].family)) == 0 &&
		    name[strlen(families[i].family)] == '/')
			return subst(str_or(conf, "path", families[i].path), nm, now);
	ck_abort_msg("%s: no family", name);
	return NULL;
}

START_TEST(test_case)
{
	static const char *const case_keys[] = { "about", "as", "method", "path",
	    "headers", "given", "http_only", NULL };
	const char	*name = cases[_i];
	char		 dir[1024], *conf_text, *raw, *body = NULL, *path;
	json_t		*conf;
	struct names	 nm = { 0 };
	struct answer	 a;
	struct store	*st;
	time_t		 before = calendar_now();

	snprintf(dir, sizeof(dir), "%s/%s", CASES_DIR, name);
	conf = parse(conf_text = read_text(dir, "case.json"), "case.json");
	keys_known(conf, case_keys, "case.json");
	if (json_object_get(conf, "http_only") != NULL) {
		printf("check_cases: SKIP %s: HTTP only: %s\n", name,
		    str_or(conf, "http_only", "?"));
		goto out;
	}
	ck_assert_msg(json_string_value(json_object_get(conf, "as")) != NULL,
	    "%s: a case without a user (\"as\") needs the stack: mark it http_only", name);
	ck_assert_msg(json_object_get(conf, "headers") == NULL,
	    "%s: headers are sent through the stack only: mark it http_only", name);
	ck_assert_ptr_nonnull(st = store_open(dbpath, 0));
	run_given(st, name, json_object_get(conf, "given"), &nm, before);
	if ((raw = read_text(dir, "request.json")) == NULL)
		raw = read_text(dir, "request.txt");
	if (raw != NULL)
		body = subst(raw, &nm, before);
	bind_earliest(&nm, body, before);
	path = case_path(name, conf, &nm, before);
	call(st, str_or(conf, "as", ""), str_or(conf, "method", "POST"), path, body, &a);
	expect(name, dir, &a, &nm, body, before);
	json_decref(a.body);
	free(path);
	free(body);
	free(raw);
	store_close(st);
out:
	json_decref(conf);
	free(conf_text);
}
END_TEST

/* ---- the run -------------------------------------------------------- */

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every case folder of every family, sorted. */
static void
list_cases(void)
{
	char		 dir[1024];
	DIR		*d;
	struct dirent	*e;
	size_t		 i, cap = 0;

	for (i = 0; i < sizeof(families) / sizeof(families[0]); i++) {
		snprintf(dir, sizeof(dir), "%s/%s", CASES_DIR, families[i].family);
		if ((d = opendir(dir)) == NULL) {
			fprintf(stderr, "check_cases: %s: cannot be read\n", dir);
			exit(EXIT_FAILURE);
		}
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.' || e->d_type != DT_DIR)
				continue;
			cases = array_room(cases, ncases, &cap, sizeof(*cases), 256);
			if (cases == NULL || asprintf(&cases[ncases++], "%s/%s",
			    families[i].family, e->d_name) < 0)
				exit(EXIT_FAILURE);
		}
		closedir(d);
	}
	qsort(cases, ncases, sizeof(*cases), name_cmp);
}

/* Once, before the cases (each runs in a child of this process): the
 * catalog, the templates, and a database of the demo world with an API
 * key for every demo user. */
static void
world_setup(void)
{
	struct store	*st;
	size_t		 i;

	ck_assert_int_eq(sodium_init() >= 0, 1);
	ck_assert_int_eq(config_load(NULL), 0);
	config.pwhash_mem_kib = 8;	/* fast hashes: no password is checked */
	ck_assert_int_eq(catalog_load(CATALOG_DIR), 0);
	ck_assert_ptr_nonnull(getenv("TEMPLATES_DIR"));
	ck_assert_int_eq(tpl_init(getenv("TEMPLATES_DIR")), 0);
	snprintf(dbdir, sizeof(dbdir), "check_cases.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dbdir));
	snprintf(dbpath, sizeof(dbpath), "%s/cases.db", dbdir);
	ck_assert_ptr_nonnull(st = store_open(dbpath, 1));
	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(demo_load(st), 0);
	for (i = 0; i < sizeof(users) / sizeof(users[0]); i++)
		ck_assert_int_eq(auth_apikey_create(st, users[i].user_id, "cases",
		    users[i].key), 0);
	store_close(st);
}

static void
world_teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dbdir);
	ck_assert_int_eq(system(cmd), 0);
	catalog_free();
	config_free();
}

int
main(void)
{
	Suite	*s = suite_create("cases");
	TCase	*tc = tcase_create("folders");
	SRunner	*sr;
	size_t	 i;
	int	 failed;

	list_cases();
	tcase_add_unchecked_fixture(tc, world_setup, world_teardown);
	tcase_add_loop_test(tc, test_case, 0, (int)ncases);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	printf("check_cases: %zu folders in %s\n", ncases, CASES_DIR);
	for (i = 0; i < ncases; i++)
		free(cases[i]);
	free(cases);
	return failed == 0 && ncases > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
