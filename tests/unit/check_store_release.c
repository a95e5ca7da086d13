/*
 * check_store_release.c — storage's checks of its statements as a
 * release build runs them: store.c itself is compiled into this program
 * with NDEBUG (Makefile.am), so that a statement used against its
 * declaration fails the call with its error value (logged) instead of
 * stopping the process, and the static preparer can be handed a
 * declaration that does not hold.  check_store.c tests the debug build.
 */
#ifndef NDEBUG
#error "check_store_release tests the NDEBUG build of store.c"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>
#include <sodium.h>

#include "store.c"

#include "demo.h"

static char dir[64];
static char path[128];

static void
setup(void)
{
	ck_assert_int_eq(sodium_init() >= 0, 1);
	ck_assert_int_eq(config_load(NULL), 0);
	config.pwhash_mem_kib = 8;	/* fast hashes: this is not a password test */
	snprintf(dir, sizeof(dir), "check_store_release.XXXXXX");
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

/* The demo database, open. */
static struct store *
demo_store(void)
{
	struct store *st = store_open(path, 1);

	ck_assert_ptr_nonnull(st);
	ck_assert_int_eq(store_migrate(st), 0);
	ck_assert_int_eq(demo_load(st), 0);
	return st;
}

/* Whether `email` is the user `id`, read the way the desk reads it. */
static int
user_is(struct store *st, const char *email, const char *id)
{
	struct rows	*s;
	int		 same;

	ck_assert_ptr_nonnull(s = store_query(st, ST_USER_BY_EMAIL, "s", email));
	same = store_row(s) == 1 && strcmp(store_text(s, USER_ID), id) == 0;
	store_done(s);
	return same;
}

/* A type string with a letter more or less than the statement has
 * parameters: the call fails, nothing is run, the statement is sound. */
START_TEST(test_wrong_argument_count_fails_the_call)
{
	struct store	*st = demo_store();

	ck_assert_int_eq(store_exec(st, ST_USER_SET_LEVEL, "s", "MANAGER"), -1);
	ck_assert_int_eq(store_exec(st, ST_USER_SET_LEVEL, "sss", "MANAGER",
	    "5eed0000000000000000f002", "x"), -1);
	ck_assert_int_eq(store_exec(st, ST_USER_SET_LEVEL, NULL), -1);
	ck_assert_ptr_null(store_query(st, ST_USER_BY_EMAIL, NULL));
	ck_assert_ptr_null(store_query(st, ST_USER_BY_EMAIL, "ss",
	    "viewer@fdj.test", "x"));
	ck_assert_ptr_null(store_query(st, ST_REQ_KEPT_COUNT, "isssss", 1, NULL,
	    NULL, NULL, NULL, NULL));
	/* the same statements, bound right, still answer */
	ck_assert_int_eq(user_is(st, "viewer@fdj.test", "5eed0000000000000000f002"), 1);
	ck_assert_int_eq(store_exec(st, ST_USER_SET_LEVEL, "ss", "MANAGER",
	    "5eed0000000000000000f002"), 1);
	store_close(st);
}
END_TEST

/* A statement that returns other columns than its enum declares is not
 * prepared: NULL (logged), and the call that needed it fails. */
START_TEST(test_wrong_column_count_fails_the_prepare)
{
	struct store	*st = demo_store();
	sqlite3_stmt	*s;

	ck_assert_ptr_null(stmt_prepare(st, ST_PING, "SELECT 1, 2", COUNT__COLS));
	ck_assert_ptr_null(stmt_prepare(st, ST_USER_BY_EMAIL,
	    "SELECT id FROM users WHERE email = ?", USER__COLS));
	ck_assert_ptr_null(stmt_prepare(st, ST_CRED_TOUCH,
	    "UPDATE credentials SET last_used = ? WHERE hash = ? RETURNING hash", 0));
	ck_assert_ptr_nonnull(s = stmt_prepare(st, ST_PING, "SELECT 1", COUNT__COLS));
	sqlite3_finalize(s);
	/* every statement of the program holds to its declaration */
	ck_assert_int_eq(store_prepare_all(st), 0);
	store_close(st);
}
END_TEST

static Suite *
store_release_suite(void)
{
	Suite	*s = suite_create("store_release");
	TCase	*tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_wrong_argument_count_fails_the_call);
	tcase_add_test(tc, test_wrong_column_count_fails_the_prepare);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(store_release_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
