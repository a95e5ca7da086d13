/*
 * check_store.c — unit tests of storage: pragmas, migrations, demo data,
 * constraints, backup.
 */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <check.h>
#include <sodium.h>
#include <sqlite3.h>

#include "config.h"
#include "demo.h"
#include "store.h"
#include "util.h"

static char dir[64];
static char path[128];

static void
setup(void)
{
	ck_assert_int_eq(sodium_init() >= 0, 1);
	ck_assert_int_eq(config_load(NULL), 0);
	config.pwhash_mem_kib = 8;	/* fast hashes: this is not a password test */
	snprintf(dir, sizeof(dir), "check_store.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.db", dir);
}

static void
teardown(void)
{
	char cmd[200];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	config_free();
}

/* Value of a one-row, one-column query on a separate connection. */
static long long
scalar(const char *db, const char *sql)
{
	sqlite3		*h;
	sqlite3_stmt	*s;
	long long	 v = -1;

	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(h);
	return v;
}

/* What the migrations from 13 on added, undone: a database as an older
 * version left it is the test's database with this run first (a new
 * migration adds its undoing here). */
#define UNDO_SINCE_13 \
	" DROP TABLE catalog_grant_history;" \
	" ALTER TABLE users DROP COLUMN language; ALTER TABLE users DROP COLUMN timezone;" \
	" ALTER TABLE customers DROP COLUMN currency;" \
	" DROP TABLE server_keys; DROP TABLE pending_forms; DROP TABLE user_tokens;" \
	" DROP INDEX requests_by_form_token; ALTER TABLE requests DROP COLUMN form_token;" \
	" DROP INDEX internet_requests_by_form_token;" \
	" ALTER TABLE internet_requests DROP COLUMN form_token;" \
	" DROP TABLE attachments; DROP TABLE notes; DROP TABLE blobs;" \
	" DROP TRIGGER search_requests_insert; DROP TRIGGER search_requests_update;" \
	" DROP TRIGGER search_inet_insert; DROP TRIGGER search_inet_update;" \
	" DROP TRIGGER search_account_insert; DROP TRIGGER search_account_update;" \
	" DROP VIEW search_words; DROP TABLE search_index; DROP TABLE search_docs;" \
	" DROP TABLE mail_subscriptions; ALTER TABLE outbox DROP COLUMN html;" \
	" ALTER TABLE outbox DROP COLUMN unsubscribe;" \
	" DROP TABLE idempotency_keys;" \
	" DROP TABLE reference_history; ALTER TABLE products DROP COLUMN retired;" \
	" ALTER TABLE addresses DROP COLUMN retired;" \
	" DROP TRIGGER queue_requests_insert; DROP TRIGGER queue_requests_update;" \
	" DROP TRIGGER queue_inet_insert; DROP TRIGGER queue_inet_update;" \
	" DROP TRIGGER queue_account_insert; DROP TRIGGER queue_account_update;" \
	" DROP TRIGGER queue_tally_insert; DROP TRIGGER queue_tally_update;" \
	" DROP TRIGGER queue_tally_delete; DROP TABLE queue_tally;" \
	" DROP INDEX queue_open_due; DROP INDEX queue_open_age;" \
	" DROP INDEX queue_open_customer; DROP INDEX queue_open_activity;" \
	" DROP INDEX queue_assignee_due; DROP INDEX queue_assignee_age;" \
	" DROP INDEX queue_assignee_customer; DROP INDEX queue_assignee_activity;" \
	" DROP INDEX queue_waiting_due; DROP INDEX queue_waiting_age;" \
	" DROP INDEX queue_waiting_customer; DROP INDEX queue_waiting_activity;" \
	" DROP VIEW queue_words; DROP TABLE queue_history;" \
	" DROP TABLE queue_counts; DROP TABLE queue; DROP TABLE queue_settings;" \
	" DROP TRIGGER inet_state_offer_insert; DROP TRIGGER inet_state_offer_delete;" \
	" DROP TRIGGER inet_state_account_insert; DROP TRIGGER inet_state_account_update;" \
	" DROP INDEX internet_requests_by_state;" \
	" ALTER TABLE internet_requests DROP COLUMN state;" \
	" ALTER TABLE internet_accounts DROP COLUMN activated;" \
	" ALTER TABLE internet_accounts DROP COLUMN activated_by;" \
	" ALTER TABLE internet_accounts DROP COLUMN cancelled;" \
	" ALTER TABLE internet_accounts DROP COLUMN cancelled_by;" \
	" DROP TABLE webhook_history;" \
	" DROP TABLE webhook_attempts; DROP TABLE webhook_messages; DROP TABLE webhooks;"

START_TEST(test_open_migrate)
{
	struct store	*st;
	struct rows	*s;

	ck_assert_ptr_null(store_open(path, 0));	/* no silent creation */
	st = store_open(path, 1);
	ck_assert_ptr_nonnull(st);
	ck_assert_int_eq(store_db_version(st), 0);
	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(store_db_version(st), store_schema_version());
	ck_assert_int_eq(store_migrate(st), 0);	/* idempotent */
	s = store_query(st, ST_PING, NULL);
	ck_assert_int_eq(store_row(s), 1);
	store_done(s);
	ck_assert_int_eq(store_ping(st), 0);
	store_close(st);
	ck_assert_int_eq(scalar(path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
}
END_TEST

START_TEST(test_demo)
{
	struct store	*st = store_open(path, 1);
	struct rows	*s;

	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(demo_load(st), 0);
	ck_assert_int_eq(demo_load(st), -1);	/* refused on a non-empty database */
	s = store_query(st, ST_USER_BY_EMAIL, "s", "OWNER@fdj.test");
	ck_assert_int_eq(store_row(s), 1);
	ck_assert_str_eq(store_text(s, USER_ID), "5eed0000000000000000f001");
	ck_assert_str_eq(store_text(s, USER_LEVEL), "OWNER");
	ck_assert_str_eq(store_text(s, USER_CUSTOMER_ID), "FDJ");
	store_done(s);
	/* An ADMIN belongs to no customer: the schema refuses it. */
	ck_assert_int_eq(store_exec(st, ST_USER_ADD, "sssssssss",
	    "5eed0000000000000000a0ff", "x@y.test", "X", NULL, "ADMIN", "FDJ",
	    NULL, "h", "now"), -2);
	/* Foreign keys are on. */
	ck_assert_int_eq(store_exec(st, ST_USER_ADD, "sssssssss",
	    "5eed0000000000000000a0fe", "z@y.test", "Z", NULL, "OWNER", "NOPE",
	    NULL, "h", "now"), -2);
	store_close(st);
	ck_assert_int_eq(scalar(path, "SELECT count(*) FROM service_points"), 5);
	ck_assert_int_eq(scalar(path, "SELECT count(*) FROM products"), 5);
	ck_assert_int_eq(scalar(path, "SELECT count(*) FROM reseller_customers"), 3);
	ck_assert_int_eq(scalar(path, "SELECT count(*) FROM users"), 11);
}
END_TEST

/* Whether `email` is a user, as seen by st. */
static int
user_seen(struct store *st, const char *email)
{
	struct rows	*s = store_query(st, ST_USER_BY_EMAIL, "s", email);
	int		 rc;

	ck_assert_ptr_nonnull(s);
	rc = store_row(s);
	store_done(s);
	ck_assert_int_ge(rc, 0);
	return rc;
}

/* Add a user on a connection of its own (another thread or process). */
static void
add_user_elsewhere(const char *id, const char *email)
{
	struct store *other = store_open(path, 0);

	ck_assert_ptr_nonnull(other);
	ck_assert_int_eq(store_exec(other, ST_USER_ADD, "sssssssss", id, email,
	    "E", NULL, "OWNER", "FDJ", NULL, "h", "now"), 1);
	store_close(other);
}

/* Every statement prepares against the schema of today and returns the
 * columns its enum in store.h declares (stmt_cols[] in store.c). */
START_TEST(test_every_statement_prepares)
{
	struct store	*st = store_open(path, 1);

	ck_assert_ptr_nonnull(st);
	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(store_prepare_all(st), 0);
	store_close(st);
}
END_TEST

/* A connection keeps at most STORE_STMTS_MAX statements prepared, the
 * least recently used finalized for the next, but never one a caller
 * holds: rows lent by store_query() stay readable while hundreds of
 * others are prepared and finalized around them. */
START_TEST(test_prepared_statements_bounded)
{
	struct store	*st = store_open(path, 1);
	struct rows	*held;
	int		 n = 0;

	ck_assert_ptr_nonnull(st);
	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(demo_load(st), 0);
	ck_assert_ptr_nonnull(held = store_query(st, ST_CUSTOMER_LIST, NULL));
	ck_assert_int_eq(store_prepare_all(st), 0);
	ck_assert_int_le(store_prepared(st), STORE_STMTS_MAX);
	ck_assert_int_gt(store_prepared(st), STORE_STMTS_MAX / 2);
	while (store_row(held) == 1)
		n++;
	store_done(held);
	ck_assert_int_gt(n, 1);
	/* given back, it goes like any other, and comes back the same */
	ck_assert_int_eq(store_prepare_all(st), 0);
	ck_assert_int_le(store_prepared(st), STORE_STMTS_MAX);
	ck_assert_ptr_nonnull(held = store_query(st, ST_CUSTOMER_LIST, NULL));
	while (store_row(held) == 1)
		n--;
	store_done(held);
	ck_assert_int_eq(n, 0);
	store_close(st);
}
END_TEST

/* In a debug build a statement bound with another count of arguments
 * than it has parameters stops the process at the culprit
 * (check_store_release.c tests the NDEBUG build, where the call fails). */
START_TEST(test_wrong_argument_count_asserts)
{
	struct store	*st;

	/* In memory: the process ends here, and leaves no file behind. */
	ck_assert_int_eq(config_load(NULL), 0);
	ck_assert_ptr_nonnull(st = store_open(":memory:", 1));
	ck_assert_int_eq(store_migrate(st), 0);
	store_exec(st, ST_USER_SET_LEVEL, "s", "MANAGER");
	ck_abort_msg("not reached");
}
END_TEST

/* A request's snapshot: its reads do not see commits made since its first
 * read; a write on its connection (or a new transaction) ends it, and
 * what follows sees every commit. */
START_TEST(test_snapshot)
{
	struct store	*st = store_open(path, 1);

	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(demo_load(st), 0);

	store_snapshot_begin(st);
	ck_assert_int_eq(user_seen(st, "a@fdj.test"), 0);
	add_user_elsewhere("5eed00000000000000000a01", "a@fdj.test");
	ck_assert_int_eq(user_seen(st, "a@fdj.test"), 0);	/* same snapshot */
	store_snapshot_end(st);
	ck_assert_int_eq(user_seen(st, "a@fdj.test"), 1);
	store_snapshot_end(st);				/* no-op without one */

	/* A write ends the snapshot: it is made from the current state
	 * (no SQLITE_BUSY_SNAPSHOT), and is committed at once. */
	store_snapshot_begin(st);
	ck_assert_int_eq(user_seen(st, "b@fdj.test"), 0);
	add_user_elsewhere("5eed00000000000000000a02", "b@fdj.test");
	ck_assert_int_eq(store_exec(st, ST_USER_ADD, "sssssssss",
	    "5eed00000000000000000a03", "c@fdj.test", "C", NULL, "OWNER", "FDJ",
	    NULL, "h", "now"), 1);
	ck_assert_int_eq(user_seen(st, "b@fdj.test"), 1);
	ck_assert_int_eq(scalar(path, "SELECT count(*) FROM users WHERE email = 'c@fdj.test'"), 1);

	/* So does store_begin. */
	store_snapshot_begin(st);
	ck_assert_int_eq(user_seen(st, "d@fdj.test"), 0);
	add_user_elsewhere("5eed00000000000000000a04", "d@fdj.test");
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(user_seen(st, "d@fdj.test"), 1);
	ck_assert_int_eq(store_commit(st), 0);
	store_close(st);
}
END_TEST

/* Object ids are 24 hex digits that grow with time (a millisecond clock
 * then 48 random bits), so that new rows go to the right edge of the id
 * indexes instead of a random page of them. */
START_TEST(test_object_ids_grow_with_time)
{
	char	a[25], b[25], c[25];
	size_t	i;

	ck_assert_int_eq(new_object_id(a), 0);
	ck_assert_int_eq(new_object_id(b), 0);
	usleep(2000);
	ck_assert_int_eq(new_object_id(c), 0);
	ck_assert_uint_eq(strlen(a), 24);
	for (i = 0; i < 24; i++)
		ck_assert_ptr_nonnull(strchr("0123456789abcdef", a[i]));
	ck_assert_str_ne(a, b);			/* same millisecond or not */
	ck_assert_int_lt(strcmp(a, c), 0);	/* a later millisecond sorts after */
	ck_assert_int_lt(strcmp(b, c), 0);
	ck_assert_int_eq(strncmp(a, c, 12) < 0, 1);
}
END_TEST

/* array_room grows an array by doubling, from `first`, and refuses a
 * size that would overflow without touching the array. */
START_TEST(test_array_room)
{
	int	*v = NULL, *w;
	size_t	 cap = 0, n;

	for (n = 0; n < 100; n++) {
		ck_assert_ptr_nonnull(w = array_room(v, n, &cap, sizeof(*v), 4));
		v = w;
		v[n] = (int)n;
		ck_assert_uint_gt(cap, n);
	}
	ck_assert_uint_eq(cap, 128);		/* 4, 8, ..., 128 */
	for (n = 0; n < 100; n++)
		ck_assert_int_eq(v[n], (int)n);
	ck_assert_ptr_eq(array_room(v, 100, &cap, sizeof(*v), 4), v);
	n = cap = SIZE_MAX / 2 + 1;		/* doubling would overflow */
	ck_assert_ptr_null(array_room(v, n, &cap, sizeof(*v), 4));
	ck_assert_uint_eq(cap, SIZE_MAX / 2 + 1);
	n = cap = SIZE_MAX / sizeof(*v) / 2 + 1;	/* so would the bytes */
	ck_assert_ptr_null(array_room(v, n, &cap, sizeof(*v), 4));
	free(v);
}
END_TEST

/* The statements that pages and creations run at every request read
 * their rows in index order and probe their scope: no temporary b-tree
 * for an ORDER BY, no IN (SELECT ...) list built at each run (store.c:
 * IN_SCOPE, migration 8). */
START_TEST(test_hot_statements_sort_nothing)
{
	static const enum stmt	 hot[] = {
		ST_CRED_LOOKUP, ST_AUTH_EPOCH, ST_TYPE_ALLOWED, ST_SP_FIND_BY_ID,
		ST_SP_FIND_BY_REF, ST_SP_FIND_BY_CUSTREF, ST_SP_PICKER,
		ST_PRODUCT_LIST, ST_INET_NOTIFY_LIST, ST_INET_OFFER_LIST,
		ST_REQ_FAST_DESC, ST_REQ_FAST_ASC, ST_REQ_FAST_TOTAL,
		ST_REQ_ALL_TOTAL, ST_REQ_ALL_DESC, ST_REQ_ALL_ASC,
	};
	struct store		*st = store_open(path, 1);
	sqlite3			*h;
	sqlite3_stmt		*plan;
	char			 sql[8192];
	const char		*detail;
	size_t			 i;

	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(demo_load(st), 0);
	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	for (i = 0; i < sizeof(hot) / sizeof(hot[0]); i++) {
		snprintf(sql, sizeof(sql), "EXPLAIN QUERY PLAN %s", store_sql(hot[i]));
		ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &plan, NULL), SQLITE_OK);
		while (sqlite3_step(plan) == SQLITE_ROW) {
			detail = (const char *)sqlite3_column_text(plan, 3);
			ck_assert_msg(strstr(detail, "TEMP B-TREE") == NULL &&
			    strstr(detail, "LIST SUBQUERY") == NULL,
			    "statement %d: %s", (int)hot[i], detail);
		}
		sqlite3_finalize(plan);
	}
	/* The picker seeks the caller's customer, it does not scan them all. */
	snprintf(sql, sizeof(sql), "EXPLAIN QUERY PLAN %s", store_sql(ST_SP_PICKER));
	ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &plan, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(plan), SQLITE_ROW);
	ck_assert_ptr_nonnull(strstr((const char *)sqlite3_column_text(plan, 3),
	    "SEARCH s USING INDEX service_points_by_customer (customer_id>? AND customer_id<?)"));
	sqlite3_finalize(plan);
	/* A list filtered by id or customer reference reads the rows those
	 * name through their indexes: it scans no requests. */
	for (i = ST_REQ_KCOUNT; i <= ST_REQ_KLIST_ID_DESC; i++) {
		snprintf(sql, sizeof(sql), "EXPLAIN QUERY PLAN %s",
		    store_sql((enum stmt)i));
		ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &plan, NULL), SQLITE_OK);
		while (sqlite3_step(plan) == SQLITE_ROW) {
			detail = (const char *)sqlite3_column_text(plan, 3);
			ck_assert_msg(strstr(detail, "SCAN r") == NULL &&
			    strstr(detail, "SCAN requests") == NULL,
			    "statement %zu: %s", i, detail);
		}
		sqlite3_finalize(plan);
	}
	/* The mailer's purge seeks the oldest sent messages. */
	snprintf(sql, sizeof(sql), "EXPLAIN QUERY PLAN %s", store_sql(ST_OUTBOX_PURGE));
	ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &plan, NULL), SQLITE_OK);
	i = 0;
	while (sqlite3_step(plan) == SQLITE_ROW) {
		detail = (const char *)sqlite3_column_text(plan, 3);
		ck_assert_msg(strstr(detail, "TEMP B-TREE") == NULL, "%s", detail);
		i += strstr(detail, "SEARCH outbox USING INDEX outbox_sent (sent_at<?)") != NULL;
	}
	sqlite3_finalize(plan);
	ck_assert_int_eq(i, 1);
	/* A list's total reads the counters, never the requests. */
	snprintf(sql, sizeof(sql), "EXPLAIN QUERY PLAN %s", store_sql(ST_REQ_KEPT_COUNT));
	ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &plan, NULL), SQLITE_OK);
	while (sqlite3_step(plan) == SQLITE_ROW) {
		detail = (const char *)sqlite3_column_text(plan, 3);
		ck_assert_msg(strstr(detail, "requests") == NULL, "%s", detail);
	}
	sqlite3_finalize(plan);
	sqlite3_close(h);
	store_close(st);
}
END_TEST

/* Run one statement on a connection of its own, as an operator would. */
static void
sql_elsewhere(const char *sql)
{
	sqlite3 *h;

	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK, "%s: %s",
	    sql, sqlite3_errmsg(h));
	sqlite3_close(h);
}

/* Rows of the counters that a count of the requests does not give, and
 * the reverse: 0 when they agree. */
static long long
counts_disagree(void)
{
	return scalar(path, "SELECT count(*) FROM ("
	    "SELECT customer_id, type, category, status, count(*) FROM requests"
	    " GROUP BY 1, 2, 3, 4 EXCEPT SELECT customer_id, type, category,"
	    " status, n FROM request_counts WHERE n > 0)") +
	    scalar(path, "SELECT count(*) FROM (SELECT customer_id, type,"
	    " category, status, n FROM request_counts WHERE n > 0 EXCEPT"
	    " SELECT customer_id, type, category, status, count(*) FROM requests"
	    " GROUP BY 1, 2, 3, 4)");
}

/* Requests as a desk stores them, n of them for ACME in `status`. */
static void
add_requests(int n, const char *type, const char *category, const char *status)
{
	char sql[1024];

	snprintf(sql, sizeof(sql),
	    "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < %d)"
	    " INSERT INTO requests (id, type, name, category, status, customer_id,"
	    " properties, requested_at, issued_at, updated_at, created_by, cseq)"
	    " SELECT lower(hex(randomblob(12))), '%s', 'x', '%s', '%s', 'ACME', '{}',"
	    " '2030-01-15', '2026-01-01', '2026-01-01',"
	    " (SELECT id FROM users WHERE customer_id = 'ACME' LIMIT 1),"
	    " (SELECT coalesce(max(cseq), 0) FROM requests WHERE customer_id = 'ACME') + i"
	    " FROM k", n, type, category, status);
	sql_elsewhere(sql);
}

/* The request counters (migration 9): filled from the requests a desk of
 * the version before already holds, then kept by triggers through every
 * insert, change and deletion, whoever makes it. */
START_TEST(test_request_counts)
{
	struct store *st = store_open(path, 1);

	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(demo_load(st), 0);
	store_close(st);
	/* a database as version 8 left it, with requests */
	sql_elsewhere("DROP TRIGGER request_counts_insert; DROP TRIGGER"
	    " request_counts_update; DROP TRIGGER request_counts_delete;"
	    " DROP TABLE request_counts; DROP INDEX requests_by_custref;"
	    " DROP INDEX outbox_sent;" UNDO_SINCE_13 " PRAGMA user_version = 8;");
	add_requests(5, "R_BVPN_FR_1", "DISCONNECT", "NEW");
	add_requests(3, "U_BVPN_CUSTOM003_1", "CHANGE", "COMPLETED");
	ck_assert_ptr_nonnull(st = store_open(path, 1));
	ck_assert_int_eq(store_migrate(st), 0);
	store_close(st);
	ck_assert_int_eq(scalar(path, "SELECT sum(n) FROM request_counts"),
	    scalar(path, "SELECT count(*) FROM requests"));
	ck_assert_int_eq(counts_disagree(), 0);
	/* then every change, made elsewhere */
	add_requests(4, "R_BVPN_FR_1", "DISCONNECT", "NEW");
	sql_elsewhere("UPDATE requests SET status = 'IN_PROGRESS' WHERE seq IN"
	    " (SELECT seq FROM requests WHERE status = 'NEW' LIMIT 3)");
	sql_elsewhere("UPDATE requests SET customer_reference = 'x'");	/* no count moves */
	sql_elsewhere("PRAGMA foreign_keys = ON; DELETE FROM requests WHERE seq IN"
	    " (SELECT seq FROM requests WHERE status = 'COMPLETED' LIMIT 2)");
	ck_assert_int_eq(counts_disagree(), 0);
	ck_assert_int_eq(scalar(path, "SELECT sum(n) FROM request_counts"),
	    scalar(path, "SELECT count(*) FROM requests"));
	ck_assert_int_eq(scalar(path, "SELECT n FROM request_counts WHERE"
	    " customer_id = 'ACME' AND status = 'IN_PROGRESS'"), 3);
}
END_TEST

/* The inbox's statements (migration 26) seek the index of their lane and
 * sort: every read of the queue is a SEARCH of a queue_ index by the
 * sort key (an equality or a range), none a SCAN; the only sort is a
 * page's own rows (w, at most 250), never the queue's. */
START_TEST(test_inbox_statements_seek)
{
	struct store		*st = store_open(path, 1);
	sqlite3			*h;
	sqlite3_stmt		*plan;
	char			 sql[16384];
	const char		*detail;
	int			 i, seeks;

	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	for (i = ST_QUEUE_PAGE_OPEN_DUE; i <= ST_QUEUE_COUNT_WAITING; i++) {
		snprintf(sql, sizeof(sql), "EXPLAIN QUERY PLAN %s", store_sql((enum stmt)i));
		ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &plan, NULL), SQLITE_OK);
		seeks = 0;
		while (sqlite3_step(plan) == SQLITE_ROW) {
			detail = (const char *)sqlite3_column_text(plan, 3);
			ck_assert_msg(strstr(detail, "SCAN q") == NULL, "statement %d: %s",
			    i, detail);
			if (strncmp(detail, "SEARCH q USING INDEX queue_", 27) == 0) {
				ck_assert_msg(strstr(detail, "=?") != NULL ||
				    strstr(detail, ">?") != NULL || strstr(detail, "<?") != NULL,
				    "statement %d: %s", i, detail);
				seeks++;
			}
			if (strstr(detail, "TEMP B-TREE") != NULL)
				ck_assert_msg(i <= ST_QUEUE_PAGE_WAITING_ACTIVITY,
				    "statement %d: %s", i, detail);
		}
		sqlite3_finalize(plan);
		ck_assert_msg(seeks >= 1, "statement %d seeks no queue index", i);
	}
	sqlite3_close(h);
	store_close(st);
}
END_TEST

/* The auth epoch (migration 6) moves with every change that can alter
 * what a credential identifies, whoever makes it, but not when a use is
 * recorded (last_used moving forward), which happens all the time. */
START_TEST(test_auth_epoch)
{
	static const struct {
		const char	*sql;
		int		 moves;
	} changes[] = {
		{ "UPDATE credentials SET last_used = 160 WHERE hash = 'h1'", 0 },
		{ "UPDATE credentials SET last_used = 50 WHERE hash = 'h1'", 1 },
		{ "UPDATE credentials SET last_used = 200, expires = 150 WHERE hash = 'h1'", 1 },
		{ "UPDATE credentials SET revoked = 1 WHERE hash = 'h1'", 1 },
		{ "UPDATE users SET name = 'X' WHERE email = 'owner@fdj.test'", 1 },
		{ "UPDATE customers SET name = 'Y' WHERE id = 'FDJ'", 1 },
		{ "DELETE FROM credentials WHERE hash = 'h1'", 1 },
	};
	struct store	*st = store_open(path, 1);
	long long	 n;
	size_t		 i;

	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(demo_load(st), 0);
	store_close(st);
	sql_elsewhere("INSERT INTO credentials (hash, kind, user_id, csrf, created,"
	    " last_used, expires) SELECT 'h1', 'session', id, 'c', 100, 100, 10000"
	    " FROM users WHERE email = 'owner@fdj.test'");
	for (i = 0; i < sizeof(changes) / sizeof(changes[0]); i++) {
		n = scalar(path, "SELECT n FROM auth_epoch");
		sql_elsewhere(changes[i].sql);
		ck_assert_msg(scalar(path, "SELECT n FROM auth_epoch") == n + changes[i].moves,
		    "%s", changes[i].sql);
	}
}
END_TEST

/* A database that ran migration 6 before its trigger ignored recorded
 * uses gets the trigger of today (migration 12). */
START_TEST(test_auth_epoch_trigger_mended)
{
	struct store	*st = store_open(path, 1);
	long long	 n;

	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(demo_load(st), 0);
	store_close(st);
	sql_elsewhere("DROP TRIGGER auth_epoch_credential_update;"
	    " CREATE TRIGGER auth_epoch_credential_update AFTER UPDATE ON credentials"
	    " BEGIN UPDATE auth_epoch SET n = n + 1; END;"
	    UNDO_SINCE_13 " PRAGMA user_version = 11;");
	sql_elsewhere("INSERT INTO credentials (hash, kind, user_id, csrf, created,"
	    " last_used, expires) SELECT 'h2', 'session', id, 'c', 100, 100, 10000"
	    " FROM users WHERE email = 'owner@fdj.test'");
	n = scalar(path, "SELECT n FROM auth_epoch");
	sql_elsewhere("UPDATE credentials SET last_used = 120 WHERE hash = 'h2'");
	ck_assert_int_eq(scalar(path, "SELECT n FROM auth_epoch"), n + 1);	/* the old one */
	ck_assert_ptr_nonnull(st = store_open(path, 1));
	ck_assert_int_eq(store_migrate(st), 0);
	store_close(st);
	ck_assert_int_eq(scalar(path, "PRAGMA user_version"), store_schema_version());
	n = scalar(path, "SELECT n FROM auth_epoch");
	sql_elsewhere("UPDATE credentials SET last_used = 160 WHERE hash = 'h2'");
	ck_assert_int_eq(scalar(path, "SELECT n FROM auth_epoch"), n);
	sql_elsewhere("UPDATE credentials SET revoked = 1 WHERE hash = 'h2'");
	ck_assert_int_eq(scalar(path, "SELECT n FROM auth_epoch"), n + 1);
}
END_TEST

/* Commits every millisecond on another connection until told to stop. */
static volatile int writing;

static void *
keep_writing(void *unused)
{
	sqlite3	*h;
	int	 i;

	(void)unused;
	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	for (i = 0; writing; i++) {
		char sql[128];
		snprintf(sql, sizeof(sql), "INSERT INTO scratch VALUES (%d, randomblob(2000))", i);
		sqlite3_exec(h, sql, NULL, NULL, NULL);
		usleep(1000);
	}
	sqlite3_close(h);
	return NULL;
}

/* A backup is a complete, private copy even while the desk writes. */
START_TEST(test_backup)
{
	struct store	*st = store_open(path, 1);
	char		 copy[160];
	struct stat	 sb;
	pthread_t	 t;

	snprintf(copy, sizeof(copy), "%s/copy.db", dir);
	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(demo_load(st), 0);
	sql_elsewhere("CREATE TABLE scratch (i INTEGER, b BLOB);"
	    " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
	    " WHERE i < 20000) INSERT INTO scratch SELECT i, randomblob(2000) FROM n;");
	writing = 1;
	ck_assert_int_eq(pthread_create(&t, NULL, keep_writing, NULL), 0);
	usleep(50 * 1000);
	ck_assert_int_eq(store_backup(st, copy), 0);
	writing = 0;
	pthread_join(t, NULL);
	ck_assert_int_eq(store_check(st), 0);
	store_close(st);
	ck_assert_int_eq(scalar(copy, "SELECT count(*) FROM customers"), 4);
	ck_assert_int_ge(scalar(copy, "SELECT count(*) FROM scratch"), 20000);
	ck_assert_int_eq(scalar(copy, "PRAGMA user_version"), store_schema_version());
	ck_assert_int_eq(stat(copy, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	/* no temporary file or journal is left next to it */
	snprintf(copy, sizeof(copy), "%s/copy.db-journal", dir);
	ck_assert_int_ne(access(copy, F_OK), 0);
}
END_TEST

START_TEST(test_ping_detects_replaced_file)
{
	struct store	*st = store_open(path, 1);

	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(store_ping(st), 0);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(store_ping(st), -1);
	store_close(st);
}
END_TEST

static Suite *
store_suite(void)
{
	Suite	*s = suite_create("store");
	TCase	*tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_open_migrate);
	tcase_add_test(tc, test_demo);
	tcase_add_test(tc, test_every_statement_prepares);
	tcase_add_test(tc, test_prepared_statements_bounded);
	tcase_add_test(tc, test_snapshot);
	tcase_add_test(tc, test_object_ids_grow_with_time);
	tcase_add_test(tc, test_array_room);
	tcase_add_test(tc, test_hot_statements_sort_nothing);
	tcase_add_test(tc, test_inbox_statements_seek);
	tcase_add_test(tc, test_auth_epoch);
	tcase_add_test(tc, test_auth_epoch_trigger_mended);
	tcase_add_test(tc, test_request_counts);
	tcase_add_test(tc, test_backup);
	tcase_add_test(tc, test_ping_detects_replaced_file);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	tc = tcase_create("misuse");
	tcase_add_test_raise_signal(tc, test_wrong_argument_count_asserts, SIGABRT);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(store_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
