/*
 * check_errors.c — unit tests of the error tables and problem lists
 * (errors.c): templates, the bound on a list, the order of checks, the
 * status taken from the rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "errors.h"

START_TEST(test_fill)
{
	const char	*args[3] = { "a", "b", NULL };
	char		*s;

	s = errors_fill("x {1} y {2} z {3}{4}", args);
	ck_assert_str_eq(s, "x a y b z {4}");
	free(s);
	s = errors_fill("{_id} or {address}", args);
	ck_assert_str_eq(s, "{_id} or {address}");
	free(s);
	s = errors_fill("", NULL);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(test_rows_complete)
{
	int i;

	for (i = 0; i < HERR__MAX; i++) {
		ck_assert_int_ge(herr_row((enum herr)i)->status, 400);
		ck_assert_ptr_nonnull(herr_row((enum herr)i)->message);
		ck_assert_ptr_nonnull(herr_row((enum herr)i)->xcode);
	}
	for (i = 0; i < OERR__MAX; i++) {
		ck_assert_int_ge(oerr_row((enum oerr)i)->status, 400);
		ck_assert_ptr_nonnull(oerr_row((enum oerr)i)->message);
		ck_assert_ptr_nonnull(oerr_row((enum oerr)i)->description);
	}
	for (i = 0; i < XERR__MAX; i++) {
		ck_assert_int_ge(xerr_row((enum xerr)i)->status, 400);
		ck_assert_ptr_nonnull(xerr_row((enum xerr)i)->message);
	}
}
END_TEST

START_TEST(test_orange_texts)
{
	struct problems pb = { 0 };

	ck_assert_int_eq(oproblem(&pb, OERR_PROPS_ENUM, "options.bandwidth",
	    "options.bandwidth", "8M, 1M, EXTENDED", NULL), 0);
	ck_assert_str_eq(pb.v[0].text, "The 'properties' attribute is not valid due "
	    "to the following error : 'options.bandwidth' must be one of 8M, 1M, EXTENDED");
	ck_assert_str_eq(pb.v[0].args[1], "8M, 1M, EXTENDED");
	ck_assert_int_eq(problems_status(&pb), 422);
	problems_free(&pb);
}
END_TEST

START_TEST(test_order_of_checks)
{
	struct problems pb = { 0 };

	oproblem(&pb, OERR_REQUESTED_AT, "requestedAt", "20", "2027-01-04", NULL);
	oproblem(&pb, OERR_PROPS_EMPTY, "a", "a", NULL, NULL);
	oproblem(&pb, OERR_NO_SERVICE_POINT, "servicePoint", NULL, NULL, NULL);
	oproblem(&pb, OERR_MISSING, "b", "b", NULL, NULL);
	oproblem(&pb, OERR_PROPS_TYPE, "c", "c", "a string", NULL);
	problems_sort(&pb);
	ck_assert_int_eq(pb.v[0].err, OERR_MISSING);
	ck_assert_int_eq(pb.v[1].err, OERR_PROPS_EMPTY);	/* stable */
	ck_assert_int_eq(pb.v[2].err, OERR_PROPS_TYPE);
	ck_assert_int_eq(pb.v[3].err, OERR_REQUESTED_AT);
	ck_assert_int_eq(pb.v[4].err, OERR_NO_SERVICE_POINT);
	ck_assert_int_eq(problems_status(&pb), 412);
	ck_assert_str_eq(pb.v[0].text, "The mandatory field 'b' is missing.");
	problems_free(&pb);
}
END_TEST

/* A list keeps PROBLEMS_MAX problems and counts the rest. */
START_TEST(test_bounded)
{
	struct problems	pb = { 0 };
	char		path[32];
	int		i;

	for (i = 0; i < 100000; i++) {
		snprintf(path, sizeof(path), "k%d", i);
		ck_assert_int_eq(oproblem(&pb, OERR_PROPS_UNKNOWN, path, path, NULL, NULL), 0);
	}
	ck_assert_uint_eq(pb.n, PROBLEMS_MAX);
	ck_assert_uint_le(pb.cap, 64);
	ck_assert_uint_eq(pb.more, 100000 - PROBLEMS_MAX);
	ck_assert_uint_eq(problems_found(&pb), 100000);
	ck_assert_int_eq(pb.more_err, OERR_PROPS_UNKNOWN);
	ck_assert_ptr_nonnull(problems_at(&pb, "k49"));
	ck_assert_ptr_null(problems_at(&pb, "k50"));
	problems_free(&pb);
	ck_assert_uint_eq(pb.n, 0);
}
END_TEST

/* TelecomX: the row's code wins; without one, the property's. */
START_TEST(test_telecomx_codes)
{
	struct problems pb = { 0 };

	xproblem(&pb, XERR_PRICE_RANGE, "offers[].monthlyCost", "offers[1].monthlyCost", NULL);
	xproblem(&pb, XERR_ORDERED, "ignored", "request", NULL);
	xproblem(&pb, XERR_LENGTH, "notes", "notes", "4096");
	ck_assert_str_eq(pb.v[0].code, "offers[].monthlyCost");
	ck_assert_str_eq(pb.v[0].text, "Must be between 0 and 500000");
	ck_assert_ptr_null(pb.v[1].code);
	ck_assert_str_eq(xerr_row(XERR_ORDERED)->code, "conflict");
	ck_assert_str_eq(pb.v[2].text, "Invalid length. At most 4096 is required.");
	ck_assert_int_eq(problems_status(&pb), 422);
	problems_free(&pb);
	xproblem(&pb, XERR_ADDRESS_NOT_FOUND, "address._id", "address._id", NULL);
	ck_assert_int_eq(problems_status(&pb), 404);
	problems_free(&pb);
	ck_assert_int_eq(problems_status(&pb), 500);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("errors");
	TCase	*tc = tcase_create("core");
	SRunner	*sr;
	int	 failed;

	tcase_add_test(tc, test_fill);
	tcase_add_test(tc, test_rows_complete);
	tcase_add_test(tc, test_orange_texts);
	tcase_add_test(tc, test_order_of_checks);
	tcase_add_test(tc, test_bounded);
	tcase_add_test(tc, test_telecomx_codes);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
