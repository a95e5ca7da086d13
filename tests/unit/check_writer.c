/*
 * check_writer.c — group commit: units of concurrent threads committed
 * together, each acknowledged only after its commit, a refused unit
 * discarding only its own work, a failed commit failing its whole batch,
 * a transaction lost in the middle of a batch keeping nothing of it.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>
#include <sodium.h>
#include <sqlite3.h>

#include "config.h"
#include "store.h"
#include "writer.h"

static char dir[64], db[128];

struct unit {
	char	 id[32];
	int	 refuse;	/* fn returns 1 after its insert */
	int	 slow_ms;	/* fn sleeps inside the transaction */
	int	 lose;		/* fn ends the whole transaction and fails, as
				 * SQLite does on a full disk or an I/O error */
	int	 calls;		/* how many times fn ran */
	int	 rc;
};

/* Unit of work: insert a customer. */
static int
add_customer(struct store *st, void *arg)
{
	struct unit *u = arg;

	u->calls++;
	if (u->lose) {
		store_rollback(st);
		return -1;
	}
	if (u->slow_ms)
		usleep((useconds_t)u->slow_ms * 1000);
	if (store_exec(st, ST_CUSTOMER_ADD, "ssss", u->id, u->id, "FR", "standard") != 1)
		return -1;
	return u->refuse;
}

static void *
submit(void *arg)
{
	struct unit *u = arg;

	u->rc = store_write(NULL, add_customer, u);
	return NULL;
}

static long long
count(const char *where)
{
	sqlite3		*h;
	sqlite3_stmt	*s;
	char		 sql[256];
	long long	 n = -1;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM customers WHERE %s", where);
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(h);
	return n;
}

static void
setup(void)
{
	struct store	*st;
	sqlite3		*h;

	ck_assert_int_eq(sodium_init() >= 0, 1);
	ck_assert_int_eq(config_load(NULL), 0);
	snprintf(dir, sizeof(dir), "check_writer.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/t.db", dir);
	st = store_open(db, 1);
	ck_assert_int_eq(store_migrate(st), 0);
	store_close(st);
	/* A customer named "poison" passes every statement but makes the
	 * commit fail (a deferred foreign key). */
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h,
	    "CREATE TABLE poison (c TEXT REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED);"
	    "CREATE TRIGGER poison AFTER INSERT ON customers WHEN new.id LIKE 'poison%'"
	    " BEGIN INSERT INTO poison VALUES ('no such customer'); END;",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	ck_assert_int_eq(writer_start(db), 0);
}

static void
teardown(void)
{
	char cmd[128];

	writer_stop();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	config_free();
}

START_TEST(test_concurrent_units_all_committed)
{
	struct unit	u[40];
	pthread_t	t[40];
	int		i;

	memset(u, 0, sizeof(u));
	for (i = 0; i < 40; i++) {
		snprintf(u[i].id, sizeof(u[i].id), "C%02d", i);
		u[i].refuse = i == 7;	/* one unit refuses its own work */
		ck_assert_int_eq(pthread_create(&t[i], NULL, submit, &u[i]), 0);
	}
	for (i = 0; i < 40; i++) {
		pthread_join(t[i], NULL);
		/* acknowledged means committed: visible to another connection */
		ck_assert_int_eq(u[i].rc, i == 7 ? 1 : 0);
	}
	ck_assert_int_eq(count("id LIKE 'C%'"), 39);
	ck_assert_int_eq(count("id = 'C07'"), 0);
}
END_TEST

/* A slow unit holds the writer while the n units queue up behind it. */
static void
queue_behind_slow(struct unit *u, int n)
{
	struct unit	slow;
	pthread_t	ts, t[8];
	int		i;

	ck_assert_int_le(n, 8);
	memset(&slow, 0, sizeof(slow));
	snprintf(slow.id, sizeof(slow.id), "SLOW%.20s", u[0].id);
	slow.slow_ms = 300;
	ck_assert_int_eq(pthread_create(&ts, NULL, submit, &slow), 0);
	usleep(100 * 1000);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(pthread_create(&t[i], NULL, submit, &u[i]), 0);
		usleep(20 * 1000);	/* they queue in this order */
	}
	pthread_join(ts, NULL);
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	ck_assert_int_eq(slow.rc, 0);
}

/* After a failed batch the writer still commits the next unit. */
static void
writer_goes_on(const char *id)
{
	struct unit	u;
	char		where[64];

	memset(&u, 0, sizeof(u));
	snprintf(u.id, sizeof(u.id), "%s", id);
	submit(&u);
	ck_assert_int_eq(u.rc, 0);
	snprintf(where, sizeof(where), "id = '%s'", id);
	ck_assert_int_eq(count(where), 1);
}

START_TEST(test_refusal_inside_a_batch)
{
	struct unit	u[6];
	int		i;

	memset(u, 0, sizeof(u));
	for (i = 0; i < 6; i++) {
		snprintf(u[i].id, sizeof(u[i].id), "R%d", i);
		u[i].refuse = i == 2 ? 409 : 0;
	}
	snprintf(u[4].id, sizeof(u[4].id), "C01");	/* taken: fn fails (-1) */
	submit(&(struct unit){ .id = "C01" });
	queue_behind_slow(u, 6);
	for (i = 0; i < 6; i++)
		ck_assert_int_eq(u[i].rc, i == 2 ? 409 : i == 4 ? -1 : 0);
	/* the refused and the failed unit ran once: their answers stand */
	ck_assert_int_eq(u[2].calls, 1);
	ck_assert_int_eq(u[4].calls, 1);
	/* their batch-mates are committed, their own work is not */
	ck_assert_int_eq(count("id IN ('R0', 'R1', 'R3', 'R5')"), 4);
	ck_assert_int_eq(count("id = 'R2'"), 0);
	ck_assert_int_eq(count("id = 'C01'"), 1);
}
END_TEST

/* When the transaction is lost in the middle of a batch, no unit of it is
 * acknowledged and none is kept: not those run before (rolled back with
 * it), nor those after (which would have committed on their own). */
START_TEST(test_lost_transaction_keeps_nothing)
{
	struct unit	u[4];

	memset(u, 0, sizeof(u));
	snprintf(u[0].id, sizeof(u[0].id), "L0");
	snprintf(u[1].id, sizeof(u[1].id), "L1");
	u[1].refuse = 409;	/* the savepoint pass, where u[2] first runs */
	u[2].lose = 1;
	snprintf(u[3].id, sizeof(u[3].id), "L3");
	queue_behind_slow(u, 4);
	ck_assert_int_eq(u[2].calls, 1);	/* it did run in the batch */
	ck_assert_int_eq(u[0].rc, -1);
	ck_assert_int_eq(u[1].rc, 409);
	ck_assert_int_eq(u[2].rc, -1);
	ck_assert_int_eq(u[3].rc, -1);
	ck_assert_int_eq(count("id LIKE 'L%'"), 0);
	writer_goes_on("AFTERL");
}
END_TEST

START_TEST(test_failed_commit_fails_its_batch)
{
	struct unit	u[5];
	int		i;

	memset(u, 0, sizeof(u));
	for (i = 0; i < 5; i++)
		snprintf(u[i].id, sizeof(u[i].id), i == 2 ? "poison%d" : "B%d", i);
	queue_behind_slow(u, 5);
	ck_assert_int_eq(count("id = 'SLOWB0'"), 1);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(u[i].rc, -1);
	ck_assert_int_eq(count("id LIKE 'B%' OR id LIKE 'poison%'"), 0);
	writer_goes_on("AFTER");
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("writer");
	TCase	*tc = tcase_create("core");
	SRunner	*sr;
	int	 failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_concurrent_units_all_committed);
	tcase_add_test(tc, test_refusal_inside_a_batch);
	tcase_add_test(tc, test_failed_commit_fails_its_batch);
	tcase_add_test(tc, test_lost_transaction_keeps_nothing);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
