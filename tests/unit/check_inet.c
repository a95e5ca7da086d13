/*
 * check_inet.c — unit tests of the Internet request helpers: the
 * calendar of the startDate rule (inet_check.c) and the offer rows of
 * the offer entry form (inet_form.c): add, remove, form -> body, and
 * error paths mapped back to the form's rows.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <check.h>
#include <jansson.h>

#include "inet_check.h"
#include "inet_form.h"
#include "util.h"

/* Today, in days since the epoch. */
static long
today(void)
{
	return (long)(now_epoch() / 86400);
}

START_TEST(test_parse_day)
{
	long	day;
	char	out[11];

	ck_assert_int_eq(inet_parse_day("1970-01-02", &day), 0);
	ck_assert_int_eq(day, 1);
	ck_assert_int_eq(inet_parse_day("2024-02-29T10:00:00.000Z", &day), 0);
	inet_format_day(day, out);
	ck_assert_str_eq(out, "2024-02-29");
	ck_assert_int_eq(inet_parse_day("2023-02-29", &day), -1);
	ck_assert_int_eq(inet_parse_day("2024-13-01", &day), -1);
	ck_assert_int_eq(inet_parse_day("2024-1-01", &day), -1);
	ck_assert_int_eq(inet_parse_day("2024-01-01x", &day), -1);
	/* a time part must be a UTC time */
	ck_assert_int_eq(inet_parse_day("2024-02-29T10:00:00Z", &day), 0);
	ck_assert_int_eq(inet_parse_day("2024-02-29T10:00:00.5Z", &day), 0);
	ck_assert_int_eq(inet_parse_day("2024-02-29Tgarbage", &day), -1);
	ck_assert_int_eq(inet_parse_day("2024-02-29T", &day), -1);
	ck_assert_int_eq(inet_parse_day("2024-02-29T99:00:00Z", &day), -1);
	ck_assert_int_eq(inet_parse_day("2024-02-29T10:00:00", &day), -1);
	ck_assert_int_eq(inet_parse_day("2024-02-29T10:00:00+02:00", &day), -1);
	ck_assert_int_eq(inet_parse_day("2024-02-29T10:00:00.Z", &day), -1);
	ck_assert_int_eq(inet_parse_day("2024-02-29T10:00:00.0000000000Z", &day), -1);
	ck_assert_int_eq(inet_parse_day("2024-02-29T1:00:00Z", &day), -1);
	ck_assert_int_eq(inet_parse_day("+024-02-29", &day), -1);
	ck_assert_int_eq(inet_parse_day("2024- 2-29", &day), -1);
	ck_assert_int_eq(inet_parse_day("", &day), -1);
	ck_assert_int_eq(inet_parse_day(NULL, &day), -1);
}
END_TEST

START_TEST(test_window)
{
	ck_assert(inet_day_in_window(today()));
	ck_assert(inet_day_in_window(today() - 27));
	ck_assert(inet_day_in_window(today() + 180));
	ck_assert(!inet_day_in_window(today() - 32));
	ck_assert(!inet_day_in_window(today() + 185));
}
END_TEST

START_TEST(test_iso)
{
	char out[32];

	ck_assert_int_eq(inet_iso_epoch("1970-01-01T00:01:00.000Z"), 60);
	ck_assert_int_eq(inet_iso_epoch("2018-01-01"), -1);
	inet_epoch_iso(86400 + 61, out);
	ck_assert_str_eq(out, "1970-01-02T00:01:01.000Z");
	ck_assert(inet_install_time_valid("7_30_TO_16"));
	ck_assert(inet_install_time_valid("12_TO_16"));
	ck_assert(!inet_install_time_valid("12_TO_17"));
	ck_assert(!inet_install_time_valid(NULL));
}
END_TEST

/* Form values of three offer rows; the middle one empty. */
static json_t *
three_rows(void)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:[]}",
	    "rows", "3", "offers[0].product", "a", "offers[0].monthlyCost", "12.5",
	    "offers[2].product", "c", "offers[2].commitment", "x",
	    "ipAddresses", "8", "notify");
}

START_TEST(test_update_body_skips_empty_rows)
{
	json_t	*vals = three_rows(), *body, *offers;
	size_t	 map[INET_FORM_ROWS_MAX] = { 0 };

	body = inet_update_body(vals, "FIBER", map);
	offers = json_object_get(body, "offers");
	ck_assert_uint_eq(json_array_size(offers), 2);
	ck_assert_uint_eq(map[0], 0);
	ck_assert_uint_eq(map[1], 2);
	ck_assert(json_real_value(json_object_get(json_array_get(offers, 0), "monthlyCost")) == 12.5);
	/* not a number: sent as typed, for the API to name the problem */
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(offers, 1),
	    "commitment")), "x");
	ck_assert_int_eq(json_integer_value(json_object_get(body, "ipAddresses")), 8);
	ck_assert(json_is_null(json_object_get(body, "notes")));
	ck_assert(json_is_false(json_object_get(body, "commitment1")));
	ck_assert_ptr_null(json_object_get(body, "takeover"));	/* DSL only */
	json_decref(body);
	json_decref(vals);
}
END_TEST

START_TEST(test_remap_paths)
{
	struct problems	pb = { 0 };
	size_t		map[INET_FORM_ROWS_MAX] = { 0, 2 };

	xproblem(&pb, XERR_COMMITMENT_RANGE, "offers[].commitment", "offers[1].commitment", NULL);
	xproblem(&pb, XERR_LENGTH, "notes", "notes", "4096");
	xproblem(&pb, XERR_OFFER_OBJECT, "offers[]", "offers[0]", NULL);
	inet_remap_offer_paths(&pb, map);
	ck_assert_str_eq(pb.v[0].path, "offers[2].commitment");
	ck_assert_str_eq(pb.v[1].path, "notes");
	ck_assert_str_eq(pb.v[2].path, "offers[0]");
	problems_free(&pb);
}
END_TEST

START_TEST(test_add_and_remove_rows)
{
	json_t *vals = three_rows();

	inet_form_remove_row(vals, 0);
	ck_assert_uint_eq(inet_form_rows(vals), 2);
	ck_assert_str_eq(inet_val(vals, "offers[1].product"), "c");
	ck_assert_str_eq(inet_val(vals, "offers[0].product"), "");
	ck_assert_str_eq(inet_val(vals, "offers[2].product"), "");
	inet_form_remove_row(vals, 7);			/* no such row */
	ck_assert_uint_eq(inet_form_rows(vals), 2);
	inet_form_remove_row(vals, 1);
	inet_form_remove_row(vals, 0);
	ck_assert_uint_eq(inet_form_rows(vals), 1);	/* never fewer than one */
	inet_form_add_row(vals);
	ck_assert_uint_eq(inet_form_rows(vals), 2);
	json_object_set_new(vals, "rows", json_string("99"));
	ck_assert_uint_eq(inet_form_rows(vals), INET_FORM_ROWS_MAX);
	inet_form_add_row(vals);
	ck_assert_uint_eq(inet_form_rows(vals), INET_FORM_ROWS_MAX);
	json_decref(vals);
}
END_TEST

START_TEST(test_create_body)
{
	json_t *vals = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:[s]}", "type", "DSL",
	    "address._id", "", "address.address", "Nørregade 7", "address.zip", "1165",
	    "takeover", "true", "ipAddresses", "", "notify", "u1");
	json_t *body = inet_create_body(vals);

	ck_assert_str_eq(json_string_value(json_object_get(body, "type")), "DSL");
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(body, "address"),
	    "zip")), "1165");
	ck_assert_ptr_null(json_object_get(json_object_get(body, "address"), "_id"));
	ck_assert_ptr_null(json_object_get(body, "address2"));
	ck_assert_ptr_null(json_object_get(body, "ipAddresses"));
	ck_assert(json_is_true(json_object_get(body, "takeover")));
	ck_assert_uint_eq(json_array_size(json_object_get(body, "notify")), 1);
	json_decref(body);
	json_decref(vals);
}
END_TEST

static Suite *
inet_suite(void)
{
	Suite	*s = suite_create("inet");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_parse_day);
	tcase_add_test(tc, test_window);
	tcase_add_test(tc, test_iso);
	tcase_add_test(tc, test_update_body_skips_empty_rows);
	tcase_add_test(tc, test_remap_paths);
	tcase_add_test(tc, test_add_and_remove_rows);
	tcase_add_test(tc, test_create_body);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(inet_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
