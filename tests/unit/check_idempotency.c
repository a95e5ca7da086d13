/*
 * check_idempotency.c — creations under an Idempotency-Key through the
 * group-commit writer (idempotency.c): the key and its answer written
 * with the creation, a key found inside the transaction (a twin of the
 * same batch, or of an earlier one) creating nothing, another request
 * with the key refused, a batch run again after a refusal keeping one
 * creation, a failed commit keeping no key.
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
#include "idempotency.h"
#include "store.h"
#include "writer.h"

#define OWNER	"0123456789abcdef01234567"

static char dir[64], db[128];

/* One creation: a customer, under a key (or refused, or slow). */
struct unit {
	char		 id[32];
	struct idem	 ik;
	int		 keyed;
	int		 refuse;	/* fn returns this after its insert */
	int		 slow_ms;
	int		 calls;		/* how many times fn ran */
	int		 rc;
};

static int
add_customer(struct store *st, void *arg)
{
	struct unit *u = arg;

	u->calls++;
	if (u->slow_ms)
		usleep((useconds_t)u->slow_ms * 1000);
	if (store_exec(st, ST_CUSTOMER_ADD, "ssss", u->id, u->id, "FR", "standard") != 1)
		return -1;
	return u->refuse;
}

/* The answer kept with the key: the customer's id as its body. */
static int
answer(struct store *st, void *arg, struct idem *ik)
{
	struct unit	*u = arg;
	char		 body[64];

	snprintf(body, sizeof(body), "{\"id\":\"%s\"}", u->id);
	return idem_record(st, ik, 201, "Location", u->id, body);
}

static void *
submit(void *arg)
{
	struct unit *u = arg;

	u->rc = idem_write(NULL, u->keyed ? &u->ik : NULL, add_customer, u, answer);
	return NULL;
}

/* A unit creating `id` under `key` with the request fingerprint `fp`
 * (one character repeated: a request). */
static void
keyed(struct unit *u, const char *id, const char *key, char fp)
{
	memset(u, 0, sizeof(*u));
	snprintf(u->id, sizeof(u->id), "%s", id);
	u->keyed = 1;
	u->ik.state = IDEM_NEW;
	snprintf(u->ik.owner, sizeof(u->ik.owner), "%s", OWNER);
	snprintf(u->ik.key, sizeof(u->ik.key), "%s", key);
	memset(u->ik.fingerprint, fp, 64);
}

static long long
count(const char *sql)
{
	sqlite3		*h;
	sqlite3_stmt	*s;
	long long	 n = -1;

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
	snprintf(dir, sizeof(dir), "check_idempotency.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/t.db", dir);
	st = store_open(db, 1);
	ck_assert_int_eq(store_migrate(st), 0);
	store_close(st);
	/* the keys' owner; a customer named "poison" makes the commit fail */
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h,
	    "INSERT INTO users (id, email, name, level, created) VALUES ('" OWNER "',"
	    " 'a@example.test', 'A', 'ADMIN', '2026-01-01T00:00:00.000Z');"
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

/* The units, each in a thread, queued in this order behind a slow one:
 * they make one batch. */
static void
one_batch(struct unit *u, int n)
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
		usleep(20 * 1000);
	}
	pthread_join(ts, NULL);
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
}

START_TEST(test_key_and_answer_with_the_creation)
{
	struct unit	a, b, c;

	keyed(&a, "A1", "k-one", 'a');
	submit(&a);
	ck_assert_int_eq(a.rc, 0);
	ck_assert_int_eq(a.ik.state, IDEM_NEW);
	ck_assert_str_eq(a.ik.body, "{\"id\":\"A1\"}");
	ck_assert_str_eq(a.ik.header, "Location");
	ck_assert_int_eq(count("SELECT count(*) FROM idempotency_keys WHERE key = 'k-one'"
	    " AND status = 201 AND body = '{\"id\":\"A1\"}'"), 1);
	/* the same request again: the first answer, nothing made */
	keyed(&b, "A2", "k-one", 'a');
	submit(&b);
	ck_assert_int_eq(b.rc, 0);
	ck_assert_int_eq(b.ik.state, IDEM_REPLAY);
	ck_assert_int_eq(b.calls, 0);
	ck_assert_str_eq(b.ik.body, "{\"id\":\"A1\"}");
	ck_assert_str_eq(b.ik.header_value, "A1");
	/* another request with the key: refused, nothing made */
	keyed(&c, "A3", "k-one", 'c');
	submit(&c);
	ck_assert_int_eq(c.rc, 0);
	ck_assert_int_eq(c.ik.state, IDEM_MISMATCH);
	ck_assert_int_eq(c.calls, 0);
	ck_assert_ptr_null(c.ik.body);
	ck_assert_int_eq(count("SELECT count(*) FROM customers WHERE id LIKE 'A%'"), 1);
	idem_free(&a.ik);
	idem_free(&b.ik);
	idem_free(&c.ik);
}
END_TEST

/* Twins in one batch: the first creates, the second finds its key in
 * the transaction; a refused batch-mate makes the batch run again (the
 * keyed units twice), which still keeps one creation and one key. */
START_TEST(test_twins_in_one_batch)
{
	struct unit	u[4];
	int		i;

	keyed(&u[0], "T1", "k-twin", 't');
	memset(&u[1], 0, sizeof(u[1]));
	snprintf(u[1].id, sizeof(u[1].id), "TREFUSED");
	u[1].refuse = 1;
	keyed(&u[2], "T2", "k-twin", 't');
	keyed(&u[3], "T3", "k-twin", 'x');
	one_batch(u, 4);
	ck_assert_int_eq(u[0].rc, 0);
	ck_assert_int_eq(u[0].ik.state, IDEM_NEW);
	ck_assert_int_eq(u[0].calls, 2);	/* before the refusal, and after */
	ck_assert_int_eq(u[1].rc, 1);
	ck_assert_int_eq(u[2].rc, 0);
	ck_assert_int_eq(u[2].ik.state, IDEM_REPLAY);
	ck_assert_int_eq(u[2].calls, 0);
	ck_assert_str_eq(u[2].ik.body, "{\"id\":\"T1\"}");
	ck_assert_int_eq(u[3].ik.state, IDEM_MISMATCH);
	ck_assert_int_eq(count("SELECT count(*) FROM customers WHERE id LIKE 'T%'"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM idempotency_keys WHERE key = 'k-twin'"), 1);
	for (i = 0; i < 4; i++)
		idem_free(&u[i].ik);
}
END_TEST

/* A batch whose commit fails keeps no key: the retry creates. */
START_TEST(test_failed_commit_keeps_no_key)
{
	struct unit	u[2], again;

	keyed(&u[0], "F1", "k-fail", 'f');
	memset(&u[1], 0, sizeof(u[1]));
	snprintf(u[1].id, sizeof(u[1].id), "poison1");
	one_batch(u, 2);
	ck_assert_int_eq(u[0].rc, -1);
	ck_assert_int_eq(count("SELECT count(*) FROM idempotency_keys WHERE key = 'k-fail'"), 0);
	keyed(&again, "F1", "k-fail", 'f');
	submit(&again);
	ck_assert_int_eq(again.rc, 0);
	ck_assert_int_eq(again.ik.state, IDEM_NEW);
	ck_assert_int_eq(again.calls, 1);
	ck_assert_int_eq(count("SELECT count(*) FROM customers WHERE id = 'F1'"), 1);
	idem_free(&u[0].ik);
	idem_free(&again.ik);
}
END_TEST

/* A creation in a transaction of its own: idem_claim() in it, then
 * idem_record() before its commit; the next claim finds the key. */
START_TEST(test_claim_in_a_transaction_of_ones_own)
{
	struct store	*st = store_open(db, 0);
	struct unit	 a, b;

	ck_assert_ptr_nonnull(st);
	keyed(&a, "O1", "k-own", 'o');
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(idem_claim(st, &a.ik), 0);
	ck_assert_int_eq(add_customer(st, &a), 0);
	ck_assert_int_eq(answer(st, &a, &a.ik), 0);
	ck_assert_int_eq(store_commit(st), 0);
	keyed(&b, "O2", "k-own", 'o');
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(idem_claim(st, &b.ik), 1);
	ck_assert_int_eq(b.ik.state, IDEM_REPLAY);
	ck_assert_str_eq(b.ik.body, "{\"id\":\"O1\"}");
	ck_assert_int_eq(store_rollback(st), 0);
	ck_assert_int_eq(idem_claim(st, NULL), 0);
	ck_assert_int_eq(count("SELECT count(*) FROM customers WHERE id LIKE 'O%'"), 1);
	idem_free(&a.ik);
	idem_free(&b.ik);
	store_close(st);
}
END_TEST

/* Without a key (NULL, or IDEM_NONE) it is store_write: nothing kept. */
START_TEST(test_without_a_key)
{
	struct unit	u;

	memset(&u, 0, sizeof(u));
	snprintf(u.id, sizeof(u.id), "N1");
	u.keyed = 1;		/* an idem in state IDEM_NONE */
	submit(&u);
	ck_assert_int_eq(u.rc, 0);
	ck_assert_int_eq(u.ik.state, IDEM_NONE);
	ck_assert_int_eq(count("SELECT count(*) FROM idempotency_keys"), 0);
	ck_assert_int_eq(count("SELECT count(*) FROM customers WHERE id = 'N1'"), 1);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("idempotency");
	TCase	*tc = tcase_create("core");
	SRunner	*sr;
	int	 failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_key_and_answer_with_the_creation);
	tcase_add_test(tc, test_twins_in_one_batch);
	tcase_add_test(tc, test_failed_commit_keeps_no_key);
	tcase_add_test(tc, test_without_a_key);
	tcase_add_test(tc, test_claim_in_a_transaction_of_ones_own);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
