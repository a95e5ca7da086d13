/*
 * queue.h — the operator's inbox: every request of both families in one
 * queue (docs/INBOX.md), who handles each (an ADMIN, or nobody) and its
 * priority, the views the operator works from, the counts.
 *
 * Owns: the queue's assignments and priorities (queue, queue_history
 * rows; the rest of a queue row is kept by storage's triggers in the
 * transaction of each change of its request), the mail to an assignee.
 * Calls: store, outbox (the mail), webhook (request.assigned), tpl,
 * config, i18n, words, log, util.  Never: a page or a status of its
 * own.
 */
#ifndef REQDESK_QUEUE_H
#define REQDESK_QUEUE_H

#include <stddef.h>

struct store;
struct rows;

enum queue_sort {
	QS_DUE,		/* the day due first: requested date, offers' deadline or expiry */
	QS_AGE,		/* the oldest first */
	QS_CUSTOMER,	/* by the customer's name */
	QS_ACTIVITY,	/* the latest change or reply first */
	QS__MAX
};

/* A view of the open requests (each member NULL, 0 or -1: any). */
struct queue_filter {
	const char	*family;	/* "orange" or "internet" */
	const char	*state;		/* a status or state code */
	int		 unassigned;	/* 1: handled by nobody */
	const char	*assignee;	/* a user id */
	const char	*due_by;	/* YYYY-MM-DD: due on or before */
	int		 waiting;	/* 1: waiting for the customer */
	int		 priority;	/* 0 low, 1 normal, 2 high; -1 any */
	enum queue_sort	 sort;
	long long	 after_id;	/* keyset: after this row (0: from the start) */
	const char	*after_key;	/* ... whose sort key was this */
	long long	 limit;		/* rows of the page */
};

/* How far a page or a count looks along its index when a filter
 * (family, state, priority, or the due view sorted otherwise than by
 * due date) may leave rows out: bounded work whatever the queue holds
 * (docs/INBOX.md "What it costs"): config.inbox_window rows for a page,
 * config.inbox_count_window for a view's count. */
#define QUEUE_KEY_MAX		256	/* bytes of a cursor's key */

/* Where a page stopped looking, when it did before its end: the next
 * page goes on after that row, though this one has fewer rows than
 * asked for (or none). */
struct queue_stop {
	int		 set;
	long long	 id;
	char		 key[QUEUE_KEY_MAX];
};

/* The page of `f`: rows of enum queue_col (store.h) to read with
 * store_row() and release with store_done(); NULL on failure.  `stop`
 * (may be NULL) says where it stopped looking, if it did. */
struct rows *queue_page(struct store *st, const struct queue_filter *f,
    struct queue_stop *stop);

/* The sort key of the current row of a page, for the next page's
 * after_key (borrowed from the row). */
const char *queue_row_key(struct rows *s, enum queue_sort sort);

/* How many open requests `f` shows (its sort and page ignored), up to
 * QUEUE_COUNT_MAX; of its views (unassigned, assignee, due_by, waiting)
 * it takes one.  Every view but the due one sums the counters
 * (queue_tally, migration 26); the due view counts its rows by due date,
 * and with a filter looks through at most config.inbox_count_window of
 * them: `*partial` (may be NULL) is then 1 when the view goes on beyond
 * them and the count is the least there are.  -1 on failure. */
long long queue_count(struct store *st, const struct queue_filter *f, int *partial);

/* The priority's code ("low", "normal", "high") and back: 0..2, or -1. */
const char *queue_priority_code(int priority);
int  queue_priority_of(const char *code);

enum queue_assign_result {
	QA_DONE,	/* given (and mailed to the assignee but for oneself) */
	QA_SAME,	/* it was so already: nothing written */
	QA_UNKNOWN,	/* no such request */
	QA_NOT_STAFF,	/* the assignee is not an active operator */
	QA_ERROR,
};

/*
 * Give request `id` of `family` to user `assignee` (NULL: nobody) at
 * `priority` (0..2), by user `by` (named `by_name`): the queue row, a history entry and,
 * to an assignee other than `by`, the mail "request_assigned", in one
 * transaction.
 */
enum queue_assign_result queue_assign(struct store *st, const char *family,
	const char *id, const char *assignee, int priority, const char *by,
	const char *by_name);

/*
 * The `assignee` filter of the request lists (docs/INBOX.md, "Filtering
 * by who handles a request"): "none" (nobody: `id` ""), or the id or
 * e-mail (any case) of an operator (an ADMIN user, disabled or not),
 * whose id goes into `id` (`len` bytes).  0, 1 when it names no
 * operator, -1 on failure.
 */
int  queue_assignee_param(struct store *st, const char *value, char *id, size_t len);

/* Write the configuration's days into the queue's settings (the
 * triggers read them): [desk] offer_due_days and the offers' validity.
 * 0 or -1. */
int  queue_settings(struct store *st, int offer_due_days, int offer_valid_days);

#endif
