/*
 * admin_inbox.c — the operator's inbox; see admin_inbox.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin_inbox.h"
#include "auth.h"
#include "catalog.h"
#include "config.h"
#include "i18n.h"
#include "l10n.h"
#include "pages.h"
#include "queue.h"
#include "store.h"
#include "tpl.h"
#include "util.h"
#include "words.h"
#include "workday.h"

#define PAGE_ROWS	50	/* rows of a page of the inbox */
#define HISTORY_SHOWN	20	/* assignments shown in a request's box */
#define STAFF_MAX	200	/* operators offered as assignees */
#define KEY_MAX		256	/* bytes of a page's cursor key */

/* The views, each a filter over the open requests. */
enum view { V_ALL, V_UNASSIGNED, V_MINE, V_DUE, V_WAITING, V__MAX };

static const struct {
	const char	*code, *label;	/* label: N_() */
} views[V__MAX] = {
	{ "all", N_("Everything open") },
	{ "unassigned", N_("Unassigned") },
	{ "mine", N_("Assigned to me") },
	{ "due", N_("Due soon or overdue") },
	{ "waiting", N_("Waiting for the customer") },
};

static const struct {
	const char	*code, *label;	/* label: N_() */
} sorts[QS__MAX] = {
	{ "due", N_("Due date") },
	{ "age", N_("Oldest first") },
	{ "customer", N_("Customer") },
	{ "activity", N_("Latest activity") },
};

/* What the query string asked for. */
struct ask {
	enum view	 view;
	const char	*family, *state, *priority_code;	/* NULL: any */
	struct queue_filter f;
	char		 due_by[11];
	char		 key[KEY_MAX];
};

/* Index of `code` in a table of `n` codes, `dflt` for NULL or "", -1
 * for a code it does not hold. */
#define FIND(table, n, c, dflt) find_code(&(table)[0].code, sizeof((table)[0]), \
	(n), (c), (dflt))
static int
find_code(const char *const *first, size_t stride, size_t n, const char *code, int dflt)
{
	size_t i;

	if (code == NULL || *code == '\0')
		return dflt;
	for (i = 0; i < n; i++)
		if (strcmp(*(const char *const *)((const char *)first + i * stride), code) == 0)
			return (int)i;
	return -1;
}

/* Is `code` a state of a request of `family` (NULL: either)?  1 or 0. */
static int
state_known(const char *family, const char *code)
{
	const char *const	*v;
	int			 fam;

	for (fam = 0; fam < 2; fam++) {
		if (family != NULL && strcmp(family, fam ? "internet" : "orange") != 0)
			continue;
		for (v = word_codes(fam ? WS_INET_STATE : WS_STATUS); *v != NULL; v++)
			if (strcmp(*v, code) == 0)
				return 1;
	}
	return 0;
}

/* A query parameter, NULL when absent or empty. */
static const char *
given(const struct req *r, const char *key)
{
	const char *v = req_query(r, key);

	return v != NULL && *v != '\0' ? v : NULL;
}

/* Read the view asked for into `a`.  0, or 1 when a parameter is not one
 * the page knows (answered 400). */
static int
ask_read(struct req *r, struct ask *a)
{
	const char	*after = given(r, "after"), *colon;
	struct ymd	 today, by;
	int		 i;

	memset(a, 0, sizeof(*a));
	a->f.priority = -1;
	a->f.limit = PAGE_ROWS;
	if ((i = FIND(views, V__MAX, given(r, "view"), V_ALL)) < 0)
		return 1;
	a->view = (enum view)i;
	if ((i = FIND(sorts, QS__MAX, given(r, "sort"), QS_DUE)) < 0)
		return 1;
	a->f.sort = (enum queue_sort)i;
	a->family = given(r, "family");
	if (a->family != NULL && strcmp(a->family, "orange") != 0 &&
	    strcmp(a->family, "internet") != 0)
		return 1;
	a->state = given(r, "state");
	if (a->state != NULL && !state_known(a->family, a->state))
		return 1;
	a->priority_code = given(r, "priority");
	if (a->priority_code != NULL && (a->f.priority =
	    queue_priority_of(a->priority_code)) < 0)
		return 1;
	if (after != NULL) {
		char *end;

		if ((colon = strchr(after, ':')) == NULL ||
		    strlen(colon + 1) >= sizeof(a->key))
			return 1;
		a->f.after_id = strtoll(after, &end, 10);
		if (end != colon || a->f.after_id <= 0)
			return 1;
		snprintf(a->key, sizeof(a->key), "%s", colon + 1);
		a->f.after_key = a->key;
	}
	a->f.family = a->family;
	a->f.state = a->state;
	switch (a->view) {
	case V_UNASSIGNED:
		a->f.unassigned = 1;
		break;
	case V_MINE:
		a->f.assignee = r->who->user_id;
		break;
	case V_DUE:
		today = paris_today(calendar_now());
		by = ymd_add_days(&today, config.due_soon_days);
		ymd_format(&by, a->due_by);
		a->f.due_by = a->due_by;
		break;
	case V_WAITING:
		a->f.waiting = 1;
		break;
	default:
		break;
	}
	return 0;
}

/* The link to the inbox with `a`'s choices, `view` and `sort` in place
 * of its own (-1: keep), after row (id, key) when id > 0, into `out`
 * (owned by the caller: buf_free). */
static void
inbox_link(struct buf *out, const struct ask *a, int view, int sort, long long id,
    const char *row_key)
{
	buf_printf(out, "/admin?view=%s&sort=%s", views[view >= 0 ? view : (int)a->view].code,
	    sorts[sort >= 0 ? sort : (int)a->f.sort].code);
	if (a->family != NULL)
		buf_printf(out, "&family=%s", a->family);
	if (a->state != NULL)
		buf_printf(out, "&state=%s", a->state);
	if (a->priority_code != NULL)
		buf_printf(out, "&priority=%s", a->priority_code);
	if (id > 0) {
		buf_printf(out, "&after=%lld%%3A", id);
		query_encode(out, row_key != NULL ? row_key : "");
	}
}

/* The same as {{key}} of `d`. */
static void
inbox_href(struct tpl_dict *d, const char *key, const struct ask *a, int view,
    int sort, long long id, const char *row_key)
{
	struct buf b = { 0 };

	inbox_link(&b, a, view, sort, id, row_key);
	tpl_set(d, key, b.data);
	buf_free(&b);
}

/* The counts per family and state, in words.  0 or -1. */
static int
fill_counts(struct req *r, struct tpl_dict *body)
{
	struct tpl_dict	*row;
	struct rows	*s;
	int		 rc, any = 0;

	if ((s = store_query(r->store, ST_QUEUE_COUNTS, NULL)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1 && (row = tpl_section_add(body, "COUNT")) != NULL) {
		int inet = strcmp(store_text(s, QCOUNT_FAMILY), "internet") == 0;

		any = 1;
		tpl_set(row, "COUNT_FAMILY", inet ? tr(r->lang, "Internet requests") :
		    tr(r->lang, "BVPN requests"));
		tpl_set(row, "COUNT_STATE", word(inet ? WS_INET_STATE : WS_STATUS, r->lang,
		    store_text(s, QCOUNT_STATE)));
		tpl_set_int(row, "COUNT_N", store_int(s, QCOUNT_N));
	}
	store_done(s);
	if (any)
		tpl_show(body, "COUNTS");
	return rc < 0 ? -1 : 0;
}

/* The tabs of the views, each with its count (up to QUEUE_COUNT_MAX). */
static int
fill_views(struct req *r, struct tpl_dict *body, const struct ask *a)
{
	struct tpl_dict	*row;
	struct ask	 other;
	char		 n[32];
	long long	 count;
	int		 v, partial;

	for (v = 0; v < V__MAX; v++) {
		other = *a;
		memset(&other.f, 0, sizeof(other.f));
		other.f.family = a->family;
		other.f.state = a->state;
		other.f.priority = a->f.priority;
		other.view = (enum view)v;
		if (v == V_UNASSIGNED)
			other.f.unassigned = 1;
		else if (v == V_MINE)
			other.f.assignee = r->who->user_id;
		else if (v == V_WAITING)
			other.f.waiting = 1;
		else if (v == V_DUE) {
			struct ymd today = paris_today(calendar_now()), by;

			by = ymd_add_days(&today, config.due_soon_days);
			ymd_format(&by, other.due_by);
			other.f.due_by = other.due_by;
		}
		if ((count = queue_count(r->store, &other.f, &partial)) < 0)
			return -1;
		if ((row = tpl_section_add(body, "VIEW")) == NULL)
			return -1;
		tpl_set(row, "VIEW_LABEL", tr(r->lang, views[v].label));
		if (count >= QUEUE_COUNT_MAX)
			snprintf(n, sizeof(n), "%d+", QUEUE_COUNT_MAX - 1);
		else if (partial)	/* the least there are: see queue_count() */
			snprintf(n, sizeof(n), "%lld+", count);
		else
			snprintf(n, sizeof(n), "%lld", count);
		tpl_set(row, "VIEW_COUNT", n);
		inbox_href(row, "VIEW_HREF", a, v, -1, 0, NULL);
		if (v == (int)a->view)
			tpl_show(row, "CURRENT");
	}
	return 0;
}

/* The choices of the filter form: families, states, priorities, sorts. */
static void
fill_choices(struct req *r, struct tpl_dict *body, const struct ask *a)
{
	struct tpl_dict		*o;
	const char *const	*v;
	int			 i, fam;

	tpl_set(body, "VIEW_CODE", views[a->view].code);
	for (fam = 0; fam < 2; fam++) {
		const char *code = fam ? "internet" : "orange";

		if ((o = tpl_section_add(body, "FAMILY_OPTION")) == NULL)
			return;
		tpl_set(o, "OPTION", code);
		tpl_set(o, "OPTION_NAME", fam ? tr(r->lang, "Internet requests") :
		    tr(r->lang, "BVPN requests"));
		if (a->family != NULL && strcmp(a->family, code) == 0)
			tpl_show(o, "SELECTED");
	}
	for (fam = 0; fam < 2; fam++) {
		for (v = word_codes(fam ? WS_INET_STATE : WS_STATUS); *v != NULL; v++) {
			if ((o = tpl_section_add(body, "STATE_OPTION")) == NULL)
				return;
			tpl_set(o, "OPTION", *v);
			tpl_set(o, "OPTION_NAME", word(fam ? WS_INET_STATE : WS_STATUS,
			    r->lang, *v));
			tpl_set(o, "OPTION_GROUP", fam ? tr(r->lang, "Internet requests") :
			    tr(r->lang, "BVPN requests"));
			if (a->state != NULL && strcmp(a->state, *v) == 0)
				tpl_show(o, "SELECTED");
		}
	}
	for (i = 0; i < 3; i++) {
		if ((o = tpl_section_add(body, "PRIORITY_OPTION")) == NULL)
			return;
		tpl_set(o, "OPTION", queue_priority_code(i));
		tpl_set(o, "OPTION_NAME", word(WS_PRIORITY, r->lang, queue_priority_code(i)));
		if (a->f.priority == i)
			tpl_show(o, "SELECTED");
	}
	for (i = 0; i < QS__MAX; i++) {
		if ((o = tpl_section_add(body, "SORT_OPTION")) == NULL)
			return;
		tpl_set(o, "OPTION", sorts[i].code);
		tpl_set(o, "OPTION_NAME", tr(r->lang, sorts[i].label));
		if ((int)a->f.sort == i)
			tpl_show(o, "SELECTED");
	}
}

/* One ITEM row of the inbox from the current row of `s`. */
static void
item_row(struct req *r, struct tpl_dict *body, struct rows *s, const char *back)
{
	struct tpl_dict	*row;
	char		 when[L10N_MAX], path[128];
	const char	*family = store_text(s, QUEUE_FAMILY), *id = store_text(s, QUEUE_REQUEST_ID);
	int		 inet = strcmp(family, "internet") == 0;

	if ((row = tpl_section_add(body, "ITEM")) == NULL)
		return;
	snprintf(path, sizeof(path), "%s/%s", inet ? "/admin/internet" : "/admin/requests", id);
	tpl_set(row, "ITEM_HREF", path);
	tpl_set(row, "ITEM_ID", id);
	tpl_set(row, "ITEM_FAMILY_CODE", family);
	tpl_set(row, "ITEM_FAMILY", inet ? tr(r->lang, "Internet") : tr(r->lang, "BVPN"));
	if (inet)
		tpl_set(row, "ITEM_WHAT", word(WS_CIRCUIT, r->lang, store_text(s, QUEUE_WHAT)));
	else {
		/* The type's title in the reader's language; the name the
		 * request was stored with for a type that left the catalog. */
		const struct rtype *t = catalog_find(store_text(s, QUEUE_TYPE));

		tpl_set(row, "ITEM_WHAT", t != NULL ? ltext_get(&t->titles, r->lang) :
		    store_text(s, QUEUE_WHAT));
	}
	tpl_set(row, "ITEM_REFERENCE", store_text(s, QUEUE_REFERENCE));
	tpl_set(row, "ITEM_PLACE", store_text(s, QUEUE_PLACE));
	tpl_set(row, "ITEM_CUSTOMER", store_text(s, QUEUE_CUSTOMER_NAME));
	tpl_set(row, "ITEM_STATE", word(inet ? WS_INET_STATE : WS_STATUS, r->lang,
	    store_text(s, QUEUE_STATE)));
	tpl_set(row, "ITEM_STATE_CODE", store_text(s, QUEUE_STATE));
	tpl_set(row, "ITEM_DUE", page_date(r, store_text(s, QUEUE_DUE), when));
	tpl_set(row, "ITEM_ACTIVITY", page_datetime(r, store_text(s, QUEUE_ACTIVITY), when));
	tpl_set(row, "ITEM_PRIORITY", word(WS_PRIORITY, r->lang,
	    queue_priority_code((int)store_int(s, QUEUE_PRIORITY))));
	tpl_set(row, "ITEM_PRIORITY_CODE", queue_priority_code((int)store_int(s, QUEUE_PRIORITY)));
	if (store_int(s, QUEUE_PRIORITY) == 2)
		tpl_show(row, "ITEM_HIGH");
	if (store_text(s, QUEUE_ASSIGNEE_ID) != NULL)
		tpl_set(row, "ITEM_ASSIGNEE", store_text(s, QUEUE_ASSIGNEE_NAME));
	else
		tpl_show(row, "ITEM_NOBODY");
	if (store_text(s, QUEUE_ASSIGNEE_ID) == NULL ||
	    strcmp(store_text(s, QUEUE_ASSIGNEE_ID), r->who->user_id) != 0) {
		tpl_show(row, "TAKE");
		tpl_set(row, "BACK", back);
	}
	if (store_int(s, QUEUE_WAITING))
		tpl_show(row, "ITEM_WAITING");
}

int
page_admin_home(struct req *r)
{
	struct tpl_dict	*root, *body;
	struct ask	 a;
	struct rows	*s;
	struct queue_stop stop;
	struct buf	 back = { 0 };
	char		 last_key[KEY_MAX];
	long long	 last_id = 0;
	int		 rc, n = 0;

	if (ask_read(r, &a) != 0)
		return page_error(r, 400, tr(r->lang, "This view of the inbox does not "
		    "exist: choose one from the inbox."));
	if ((root = page_new(r, tr(r->lang, "Inbox"), "admin_home.tpl", &body)) == NULL)
		return -1;
	tpl_set(body, "USER_NAME", r->who->name);
	tpl_set(body, "CSRF", r->who->csrf);	/* the rows' "Take it" forms */
	inbox_link(&back, &a, -1, -1, a.f.after_id, a.f.after_key);
	if (fill_counts(r, body) < 0 || fill_views(r, body, &a) < 0)
		goto fail;
	fill_choices(r, body, &a);
	if ((s = queue_page(r->store, &a.f, &stop)) == NULL)
		goto fail;
	while ((rc = store_row(s)) == 1) {
		item_row(r, body, s, back.data);
		last_id = store_int(s, QUEUE_ROWID);
		snprintf(last_key, sizeof(last_key), "%s",
		    queue_row_key(s, a.f.sort) ? queue_row_key(s, a.f.sort) : "");
		n++;
	}
	store_done(s);
	if (rc < 0)
		goto fail;
	if (n == PAGE_ROWS) {
		tpl_show(body, "NEXT");
		inbox_href(body, "NEXT_HREF", &a, -1, -1, last_id, last_key);
	} else if (stop.set) {
		/* the page looked as far as it may (queue_page): the next
		 * one goes on from there */
		tpl_show(body, "LOOKED");
		tpl_show(body, "NEXT");
		inbox_href(body, "NEXT_HREF", &a, -1, -1, stop.id, stop.key);
	} else if (n == 0)
		tpl_show(body, "EMPTY");
	if (a.f.after_id > 0) {
		tpl_show(body, "FIRST");
		inbox_href(body, "FIRST_HREF", &a, -1, -1, 0, NULL);
	}
	buf_free(&back);
	return page_send(r, 200, root);
fail:
	buf_free(&back);
	tpl_dict_free(root);
	return -1;
}

/* Is `back` a page of the operator's to go back to?  1 or 0. */
static int
back_ok(const char *back)
{
	return back != NULL && strncmp(back, "/admin", 6) == 0 &&
	    (back[6] == '\0' || back[6] == '/' || back[6] == '?') &&
	    strpbrk(back, "\r\n\\") == NULL && strstr(back, "//") == NULL;
}

int
page_admin_assign_post(struct req *r)
{
	const char	*family = req_form(r, "family"), *id = req_form(r, "id"),
			*assignee = req_form(r, "assignee"), *prio = req_form(r, "priority"),
			*back = req_form(r, "back");
	struct rows	*s;
	int		 priority = -1, rc;

	if (family == NULL || id == NULL || (strcmp(family, "orange") != 0 &&
	    strcmp(family, "internet") != 0) || strlen(id) > 64)
		return page_error(r, 404, NULL);
	if (assignee != NULL && strcmp(assignee, "me") == 0)
		assignee = r->who->user_id;
	else if (assignee != NULL && *assignee == '\0')
		assignee = NULL;
	if (prio != NULL && *prio != '\0' && (priority = queue_priority_of(prio)) < 0)
		return page_error(r, 422, tr(r->lang, "Choose a priority: low, normal or high."));
	if (priority < 0 || req_form(r, "keep_assignee") != NULL) {
		/* what is not given stays as it is */
		if ((s = store_query(r->store, ST_QUEUE_GET, "ss", family, id)) == NULL)
			return -1;
		if ((rc = store_row(s)) == 1) {
			if (priority < 0)
				priority = (int)store_int(s, QUEUE_PRIORITY);
		}
		store_done(s);
		if (rc < 0)
			return -1;
		if (rc == 0)
			return page_error(r, 404, NULL);
	}
	switch (queue_assign(r->store, family, id, assignee, priority, r->who->user_id,
	    r->who->name)) {
	case QA_DONE:
	case QA_SAME:
		break;
	case QA_UNKNOWN:
		return page_error(r, 404, NULL);
	case QA_NOT_STAFF:
		return page_error(r, 422, tr(r->lang, "A request can only be given to an "
		    "active member of the operator's staff."));
	default:
		return -1;
	}
	return resp_redirect(r, back_ok(back) ? back : "/admin");
}

int
inbox_box(struct req *r, struct tpl_dict *body, const char *family, const char *id,
    const char *back)
{
	struct tpl_dict	*box, *o;
	struct rows	*s;
	char		 when[L10N_MAX], *assignee = NULL;
	int		 rc, priority = 1, i;

	if ((s = store_query(r->store, ST_QUEUE_GET, "ss", family, id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		priority = (int)store_int(s, QUEUE_PRIORITY);
		if (store_text(s, QUEUE_ASSIGNEE_ID) != NULL)
			assignee = strdup(store_text(s, QUEUE_ASSIGNEE_ID));
	}
	store_done(s);
	if (rc <= 0)
		return rc;
	if ((box = tpl_include(body, "HANDLING", "inbox_box.tpl")) == NULL)
		goto fail;
	tpl_set(box, "CSRF", r->who->csrf);
	tpl_set(box, "BOX_FAMILY", family);
	tpl_set(box, "BOX_ID", id);
	tpl_set(box, "BACK", back);
	if ((s = store_query(r->store, ST_QUEUE_STAFF, "I", (long long)STAFF_MAX)) == NULL)
		goto fail;
	while ((rc = store_row(s)) == 1 && (o = tpl_section_add(box, "STAFF")) != NULL) {
		tpl_set(o, "OPTION", store_text(s, QSTAFF_ID));
		tpl_set(o, "OPTION_NAME", store_text(s, QSTAFF_NAME));
		if (assignee != NULL && strcmp(assignee, store_text(s, QSTAFF_ID)) == 0) {
			tpl_show(o, "SELECTED");
			tpl_set(box, "ASSIGNEE_NAME", store_text(s, QSTAFF_NAME));
		}
	}
	store_done(s);
	if (rc < 0)
		goto fail;
	if (assignee == NULL)
		tpl_show(box, "NOBODY");
	for (i = 0; i < 3; i++) {
		if ((o = tpl_section_add(box, "PRIORITY_OPTION")) == NULL)
			goto fail;
		tpl_set(o, "OPTION", queue_priority_code(i));
		tpl_set(o, "OPTION_NAME", word(WS_PRIORITY, r->lang, queue_priority_code(i)));
		if (i == priority)
			tpl_show(o, "SELECTED");
	}
	tpl_set(box, "PRIORITY", word(WS_PRIORITY, r->lang, queue_priority_code(priority)));
	if ((s = store_query(r->store, ST_QUEUE_HISTORY, "ssI", family, id,
	    (long long)HISTORY_SHOWN)) == NULL)
		goto fail;
	while ((rc = store_row(s)) == 1 && (o = tpl_section_add(box, "GIVEN")) != NULL) {
		char text[512];

		tpl_show(box, "GIVEN_LIST");
		tpl_set(o, "GIVEN_AT", page_datetime(r, store_text(s, QHIST_AT), when));
		if (store_text(s, QHIST_ASSIGNEE) != NULL)
			tr_fill(text, sizeof(text), tr(r->lang, "{1} gave it to {2}."),
			    store_text(s, QHIST_BY), store_text(s, QHIST_ASSIGNEE));
		else
			tr_fill(text, sizeof(text), tr(r->lang, "{1} left it to nobody."),
			    store_text(s, QHIST_BY), NULL);
		tpl_set(o, "GIVEN_TEXT", text);
		tpl_set(o, "GIVEN_PRIORITY", word(WS_PRIORITY, r->lang,
		    queue_priority_code((int)store_int(s, QHIST_PRIORITY))));
	}
	store_done(s);
	free(assignee);
	return rc < 0 ? -1 : 0;
fail:
	free(assignee);
	return -1;
}
