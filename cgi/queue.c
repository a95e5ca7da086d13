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

/* The statements of each sort: first page, then after a row. */
static const enum stmt first_page[QS__MAX] = {
	ST_QUEUE_DUE, ST_QUEUE_AGE, ST_QUEUE_CUSTOMER, ST_QUEUE_ACTIVITY,
};
static const enum stmt next_page[QS__MAX] = {
	ST_QUEUE_DUE_AFTER, ST_QUEUE_AGE_AFTER, ST_QUEUE_CUSTOMER_AFTER,
	ST_QUEUE_ACTIVITY_AFTER,
};
static const enum queue_col sort_col[QS__MAX] = {
	QUEUE_DUE, QUEUE_CREATED, QUEUE_CUSTOMER_NAME, QUEUE_ACTIVITY,
};

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

struct rows *
queue_page(struct store *st, const struct queue_filter *f)
{
	char		 prio[2];
	long long	 limit = f->limit > 0 && f->limit <= 250 ? f->limit : 50;

	if (f->sort < 0 || f->sort >= QS__MAX)
		return NULL;
	if (f->after_id > 0 && f->after_key != NULL)
		return store_query(st, next_page[f->sort], "ssissisIsI", f->family,
		    f->state, f->unassigned, f->assignee, f->due_by, f->waiting,
		    priority_arg(f, prio), limit, f->after_key, f->after_id);
	return store_query(st, first_page[f->sort], "ssissisI", f->family, f->state,
	    f->unassigned, f->assignee, f->due_by, f->waiting, priority_arg(f, prio),
	    limit);
}

const char *
queue_row_key(struct rows *s, enum queue_sort sort)
{
	return sort >= 0 && sort < QS__MAX ? store_text(s, sort_col[sort]) : NULL;
}

long long
queue_count(struct store *st, const struct queue_filter *f)
{
	struct rows	*s;
	long long	 n = -1;
	char		 prio[2];
	enum stmt	 which = f->waiting ? ST_QUEUE_COUNT_WAITING :
			    f->due_by != NULL ? ST_QUEUE_COUNT_DUE :
			    f->assignee != NULL ? ST_QUEUE_COUNT_MINE :
			    f->unassigned ? ST_QUEUE_COUNT_UNASSIGNED : ST_QUEUE_COUNT_ALL;

	s = store_query(st, which, "ssissisI", f->family, f->state,
	    f->unassigned, f->assignee, f->due_by, f->waiting, priority_arg(f, prio),
	    (long long)QUEUE_COUNT_MAX);
	if (s == NULL)
		return -1;
	if (store_row(s) == 1)
		n = store_int(s, COUNT_N);
	store_done(s);
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
