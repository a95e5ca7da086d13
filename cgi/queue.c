/*
 * queue.c — the operator's inbox; contract in queue.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "log.h"
#include "outbox.h"
#include "queue.h"
#include "store.h"
#include "tpl.h"
#include "util.h"
#include "webhook.h"
#include "words.h"
#include "writer.h"

static const char *const priorities[] = { "low", "normal", "high" };

const char *
queue_priority_code(int priority)
{
	return priority >= 0 && priority < 3 ? priorities[priority] : "normal";
}

int
queue_priority_of(const char *code)
{
	int i;

	for (i = 0; code != NULL && i < 3; i++)
		if (strcmp(code, priorities[i]) == 0)
			return i;
	return -1;
}

/* The lanes of the inbox, each with an index per sort (migration 26):
 * every open row, the open rows by assignee (NULL: unassigned), the open
 * rows waiting for the customer.  A view is a lane (the due view is the
 * open lane up to a day); the statements of a lane are in the order of
 * enum queue_sort. */
enum lane { QL_OPEN, QL_ASSIGNEE, QL_WAITING };

static const enum stmt lane_page[] = {
	ST_QUEUE_PAGE_OPEN_DUE, ST_QUEUE_PAGE_ASSIGNEE_DUE, ST_QUEUE_PAGE_WAITING_DUE,
};
static const enum stmt lane_count[] = {
	ST_QUEUE_COUNT_OPEN, ST_QUEUE_COUNT_ASSIGNEE, ST_QUEUE_COUNT_WAITING,
};
static const enum queue_col sort_col[QS__MAX] = {
	QUEUE_DUE, QUEUE_CREATED, QUEUE_CUSTOMER_NAME, QUEUE_ACTIVITY,
};

/* Bounds of a range on (key, id): below every key and above every key
 * (no stored text holds the byte 0xff: they are UTF-8). */
#define KEY_LOW		""
#define KEY_HIGH	"\xff"
#define ID_HIGH		9223372036854775807LL

static enum lane
lane_of(const struct queue_filter *f)
{
	return f->waiting ? QL_WAITING : f->unassigned || f->assignee != NULL ?
	    QL_ASSIGNEE : QL_OPEN;
}

/* The priority filter as SQL compares it with the column: its digit,
 * or NULL for any. */
static const char *
priority_arg(const struct queue_filter *f, char buf[2])
{
	if (f->priority < 0 || f->priority > 2)
		return NULL;
	buf[0] = (char)('0' + f->priority);
	buf[1] = '\0';
	return buf;
}

/* Does a filter leave rows of the lane's index out?  1 or 0. */
static int
filtered(const struct queue_filter *f)
{
	return f->family != NULL || f->state != NULL || (f->priority >= 0 &&
	    f->priority <= 2);
}

/* The row `offset` rows after (key, id) along the index of the page
 * statement `page`, filters aside, into `out`: 1 (found), 0 (the index
 * ends before) or -1. */
static int
edge_of(struct store *st, enum stmt page, const struct queue_filter *f,
    const char *key, long long id, long long offset, struct queue_stop *out)
{
	struct rows	*s;
	const char	*assignee = f->unassigned ? NULL : f->assignee;
	int		 rc, next;
	int		 which = (int)page - ST_QUEUE_PAGE_OPEN_DUE;

	for (next = 0; next < 2; next++) {
		s = store_query(st, (enum stmt)((next ? ST_QUEUE_EDGE_NEXT_OPEN_DUE :
		    ST_QUEUE_EDGE_OPEN_DUE) + which), "sssssIsI", NULL, NULL, NULL,
		    assignee, NULL, offset, key, id);
		if (s == NULL)
			return -1;
		if ((rc = store_row(s)) == 1) {
			snprintf(out->key, sizeof(out->key), "%s",
			    store_text(s, QEDGE_KEY) ? store_text(s, QEDGE_KEY) : "");
			out->id = store_int(s, QEDGE_ID);
			out->set = 1;
		}
		store_done(s);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Is (key, id) before the due view's end (due_by, any id)? */
static int
before_day(const struct queue_stop *e, const char *due_by)
{
	return strcmp(e->key, due_by) <= 0;
}

struct rows *
queue_page(struct store *st, const struct queue_filter *f, struct queue_stop *stop)
{
	struct queue_stop	 edge = { 0 }, none;
	enum lane		 lane = lane_of(f);
	char			 prio[2];
	long long		 limit = f->limit > 0 && f->limit <= 250 ? f->limit : 50;
	int			 desc = f->sort == QS_ACTIVITY;
	const char		*from_key = desc ? KEY_HIGH : KEY_LOW, *to_key = desc ?
				    KEY_LOW : KEY_HIGH;
	long long		 from_id = 0, to_id = desc ? 0 : ID_HIGH;
	const char		*assignee = f->unassigned ? NULL : f->assignee;
	enum stmt		 page;

	if (stop == NULL)
		stop = &none;
	memset(stop, 0, sizeof(*stop));
	if (f->sort < 0 || f->sort >= QS__MAX)
		return NULL;
	page = (enum stmt)(lane_page[lane] + f->sort);
	if (f->after_id > 0 && f->after_key != NULL) {
		from_key = f->after_key;
		from_id = f->after_id;
	}
	/* the due view by due date ends at its day */
	if (f->due_by != NULL && f->sort == QS_DUE) {
		to_key = f->due_by;
		to_id = ID_HIGH;
	}
	/* a filter, or the due view in another order, may leave out any
	 * number of rows: look through config.inbox_window of them at most */
	if (filtered(f) || (f->due_by != NULL && f->sort != QS_DUE)) {
		if (edge_of(st, page, f, from_key, from_id, (long long)config.inbox_window - 1,
		    &edge) < 0)
			return NULL;
		if (edge.set && (f->due_by == NULL || f->sort != QS_DUE ||
		    before_day(&edge, f->due_by))) {
			*stop = edge;
			to_key = stop->key;
			to_id = stop->id;
		}
	}
	return store_query(st, page, "sssssIsIsI", f->family,
	    f->state, priority_arg(f, prio), assignee, f->due_by, limit, from_key,
	    from_id, to_key, to_id);
}

const char *
queue_row_key(struct rows *s, enum queue_sort sort)
{
	return sort >= 0 && sort < QS__MAX ? store_text(s, sort_col[sort]) : NULL;
}

long long
queue_count(struct store *st, const struct queue_filter *f, int *partial)
{
	struct queue_stop	 edge = { 0 };
	struct rows		*s;
	enum lane		 lane = lane_of(f);
	long long		 n = -1, to_id = ID_HIGH;
	char			 prio[2];
	const char		*to_key = f->due_by != NULL ? f->due_by : KEY_HIGH;
	const char		*assignee = f->unassigned ? NULL : f->assignee;

	if (partial != NULL)
		*partial = 0;
	if (f->due_by == NULL) {
		/* every view but the due one: the counters */
		s = store_query(st, ST_QUEUE_TALLY, "ssssi", f->family, f->state,
		    priority_arg(f, prio), f->unassigned ? "" : f->assignee,
		    f->waiting ? 1 : 0);
		if (s == NULL)
			return -1;
		if (store_row(s) == 1)
			n = store_int(s, COUNT_N);
		store_done(s);
		return n > QUEUE_COUNT_MAX ? QUEUE_COUNT_MAX : n;
	}
	if (filtered(f)) {
		if (edge_of(st, lane_page[lane], f, KEY_LOW, 0,
		    (long long)config.inbox_count_window - 1, &edge) < 0)
			return -1;
		if (edge.set && (f->due_by == NULL || before_day(&edge, f->due_by))) {
			to_key = edge.key;
			to_id = edge.id;
		} else
			edge.set = 0;
	}
	s = store_query(st, lane_count[lane], "sssssIsIsI", f->family, f->state,
	    priority_arg(f, prio), assignee, f->due_by, (long long)QUEUE_COUNT_MAX,
	    KEY_LOW, 0LL, to_key, to_id);
	if (s == NULL)
		return -1;
	if (store_row(s) == 1)
		n = store_int(s, COUNT_N);
	store_done(s);
	if (partial != NULL && edge.set && n >= 0 && n < QUEUE_COUNT_MAX)
		*partial = 1;
	return n;
}

/* What the assignee's mail says of the request. */
struct assigned {
	const char	*family, *id, *what, *customer, *reference, *place, *by;
	int		 priority;
};

static int
fill_assigned(void *ctx, struct tpl_dict *d, const struct recipient *rc)
{
	const struct assigned	*a = ctx;
	char			 path[128], url[512];
	int			 orange = strcmp(a->family, "orange") == 0;

	snprintf(path, sizeof(path), "%s/%s", orange ? "/admin/requests" :
	    "/admin/internet", a->id);
	snprintf(url, sizeof(url), "%s%s", config.base_url, path);
	tpl_set(d, "REQUEST_URL", url);
	tpl_set(d, "FAMILY", orange ? tr(rc->lang, "BVPN request") :
	    tr(rc->lang, "Internet request"));
	tpl_set(d, "WHAT", orange ? a->what : word(WS_CIRCUIT, rc->lang, a->what));
	tpl_set(d, "CUSTOMER", a->customer);
	tpl_set(d, "REFERENCE", a->reference);
	tpl_set(d, "PLACE", a->place);
	tpl_set(d, "BY", a->by);
	tpl_set(d, "PRIORITY", word(WS_PRIORITY, rc->lang, queue_priority_code(a->priority)));
	tpl_show(d, a->reference != NULL && *a->reference != '\0' ? "HAS_REFERENCE" :
	    "NO_REFERENCE");
	if (a->place != NULL && *a->place != '\0')
		tpl_show(d, "HAS_PLACE");
	if (a->priority == 2)
		tpl_show(d, "HIGH");
	return 0;
}

/* Is `user` an active ADMIN?  1, 0 or -1. */
static int
is_staff(struct store *st, const char *user)
{
	struct rows	*s;
	int		 rc, found = 0;

	if ((s = store_query(st, ST_QUEUE_STAFF, "I", (long long)QUEUE_COUNT_MAX)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1)
		if (strcmp(store_text(s, QSTAFF_ID), user) == 0)
			found = 1;
	store_done(s);
	return rc < 0 ? -1 : found;
}

/* The mail to the assignee, inside the transaction.  0 or -1. */
static int
mail_assignee(struct store *st, const char *family, const char *id,
    const char *assignee, int priority, const char *by_name)
{
	struct recipients	 l = { 0 };
	struct recipient	 rc;
	struct assigned		 a;
	struct rows		*s;
	char			*v[4] = { 0 };
	int			 found, ret = -1, i;

	if ((found = outbox_recipient_user(st, assignee, &rc)) <= 0)
		return found;		/* nobody to tell (0), or -1 */
	if ((s = store_query(st, ST_QUEUE_GET, "ss", family, id)) == NULL)
		return -1;
	if (store_row(s) == 1) {
		const enum queue_col cols[] = { QUEUE_WHAT, QUEUE_CUSTOMER_NAME,
		    QUEUE_REFERENCE, QUEUE_PLACE };

		for (i = 0; i < 4; i++)
			v[i] = store_text(s, cols[i]) ? strdup(store_text(s, cols[i])) : NULL;
	}
	store_done(s);
	memset(&a, 0, sizeof(a));
	a.family = family;
	a.id = id;
	a.what = v[0];
	a.customer = v[1];
	a.reference = v[2];
	a.place = v[3];
	a.by = by_name;
	a.priority = priority;
	if (recipients_add(&l, &rc) == 0 &&
	    outbox_send(st, "request_assigned", id, &l, fill_assigned, &a) == 0)
		ret = 0;
	recipients_free(&l);
	for (i = 0; i < 4; i++)
		free(v[i]);
	return ret;
}

/* Who handles a request now, at what priority, given by whom. */
struct assignment {
	const char	*family, *id, *assignee, *by, *by_name, *now;
	int		 priority;
};

/* write_fn: the queue's row, its history entry, the assignee's mail, the
 * webhook event.  QA_DONE (0), QA_UNKNOWN, QA_SAME, or QA_ERROR. */
static int
assign_unit(struct store *st, void *arg)
{
	const struct assignment	*a = arg;
	struct rows		*s;
	int			 rc;

	if ((s = store_query(st, ST_QUEUE_GET, "ss", a->family, a->id)) == NULL)
		return QA_ERROR;
	rc = store_row(s);
	store_done(s);
	if (rc <= 0)
		return rc == 0 ? QA_UNKNOWN : QA_ERROR;
	rc = store_exec(st, ST_QUEUE_ASSIGN, "sssis", a->family, a->id, a->assignee,
	    a->priority, a->now);
	if (rc == 0)
		return QA_SAME;
	if (rc != 1 || store_exec(st, ST_QUEUE_HISTORY_ADD, "sssssi", a->family, a->id,
	    a->now, a->by, a->assignee, a->priority) != 1)
		return QA_ERROR;
	if (a->assignee != NULL && strcmp(a->assignee, a->by) != 0 &&
	    mail_assignee(st, a->family, a->id, a->assignee, a->priority, a->by_name) < 0)
		return QA_ERROR;
	if (hook_request_assigned(st, a->family, a->id, a->assignee,
	    queue_priority_code(a->priority), a->by, a->now) < 0)
		return QA_ERROR;
	return QA_DONE;
}

enum queue_assign_result
queue_assign(struct store *st, const char *family, const char *id,
    const char *assignee, int priority, const char *by, const char *by_name)
{
	char			 now[32];
	struct assignment	 a = { .family = family, .id = id, .assignee = assignee,
	    .by = by, .by_name = by_name, .now = now, .priority = priority };
	int			 rc;

	if (assignee != NULL && (rc = is_staff(st, assignee)) != 1)
		return rc < 0 ? QA_ERROR : QA_NOT_STAFF;
	now_iso(now);
	if ((rc = store_write(st, assign_unit, &a)) == QA_ERROR || rc < 0)
		log_err("queue: %s %s not assigned (storage)", family, id);
	return rc < 0 ? QA_ERROR : (enum queue_assign_result)rc;
}

int
queue_settings(struct store *st, int offer_due_days, int offer_valid_days)
{
	return store_exec(st, ST_QUEUE_SETTINGS, "ii", offer_due_days,
	    offer_valid_days) < 0 ? -1 : 0;
}

int
queue_assignee_param(struct store *st, const char *value, char *id, size_t len)
{
	struct rows	*s;
	char		 low[256];
	size_t		 i;
	int		 rc, found = 0;

	if (value == NULL || len == 0)
		return 1;
	if (strcmp(value, "none") == 0) {
		*id = '\0';
		return 0;
	}
	if (*value == '\0' || strlen(value) >= sizeof(low))
		return 1;
	for (i = 0; value[i] != '\0'; i++)
		low[i] = value[i] >= 'A' && value[i] <= 'Z' ? (char)(value[i] - 'A' + 'a') :
		    value[i];
	low[i] = '\0';
	if ((s = store_query(st, strchr(low, '@') != NULL ? ST_USER_BY_EMAIL : ST_USER_BY_ID,
	    "s", strchr(low, '@') != NULL ? low : value)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1 && strcmp(store_text(s, USER_LEVEL), "ADMIN") == 0 &&
	    strlen(store_text(s, USER_ID)) < len) {
		snprintf(id, len, "%s", store_text(s, USER_ID));
		found = 1;
	}
	store_done(s);
	return rc < 0 ? -1 : found ? 0 : 1;
}
