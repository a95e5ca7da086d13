/*
 * check_csv.c — unit tests of the RFC 4180 reader (csv.c): plain and
 * quoted fields, line breaks, line numbers, and every refused shape.
 */
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "csv.h"

/* Read the next record of c, which must be a good one on `line` with
 * `n` fields. */
static void
expect_record(struct csv_reader *c, size_t line, size_t n)
{
	int rc = csv_next(c);

	ck_assert_msg(rc == 1, "line %zu: csv_next %d (%s)", line, rc, c->error);
	ck_assert_uint_eq(c->line_no, line);
	ck_assert_uint_eq(c->nfields, n);
}

/* Read the next record of c, which must be refused on `line` with an
 * error mentioning `why`. */
static void
expect_error(struct csv_reader *c, size_t line, const char *why)
{
	int rc = csv_next(c);

	ck_assert_int_eq(rc, -1);
	ck_assert_uint_eq(c->line_no, line);
	ck_assert_msg(strstr(c->error, why) != NULL, "error '%s' lacks '%s'",
	    c->error, why);
}

/* Initialise c on the NUL-terminated `s`. */
static void
start(struct csv_reader *c, const char *s)
{
	csv_init(c, s, strlen(s));
}

START_TEST(test_plain)
{
	struct csv_reader c;

	start(&c, "id,name,city\nSP-1,Paris site,Paris\nSP-2,,Lyon");
	expect_record(&c, 1, 3);
	ck_assert_str_eq(c.field[0], "id");
	ck_assert_str_eq(c.field[2], "city");
	expect_record(&c, 2, 3);
	ck_assert_str_eq(c.field[1], "Paris site");
	expect_record(&c, 3, 3);	/* no final line break */
	ck_assert_str_eq(c.field[1], "");
	ck_assert_str_eq(c.field[2], "Lyon");
	ck_assert_int_eq(csv_next(&c), 0);
	ck_assert_int_eq(csv_next(&c), 0);
	csv_free(&c);
	csv_free(&c);
}
END_TEST

START_TEST(test_crlf_and_empty_fields)
{
	struct csv_reader c;

	start(&c, "a,b,c\r\n,,\r\nx,,\r\n");
	expect_record(&c, 1, 3);
	ck_assert_str_eq(c.field[2], "c");	/* no \r kept */
	expect_record(&c, 2, 3);
	ck_assert_str_eq(c.field[0], "");
	ck_assert_str_eq(c.field[2], "");
	expect_record(&c, 3, 3);
	ck_assert_str_eq(c.field[0], "x");
	ck_assert_int_eq(csv_next(&c), 0);
	csv_free(&c);
}
END_TEST

START_TEST(test_quoted)
{
	struct csv_reader c;

	start(&c, "\"a,b\",\"say \"\"hi\"\"\",\"\",plain\n"
	    "\"two\nlines\",\"three\r\nlines\nhere\",x\n"
	    "after,\"\"\"\"\n");
	expect_record(&c, 1, 4);
	ck_assert_str_eq(c.field[0], "a,b");
	ck_assert_str_eq(c.field[1], "say \"hi\"");
	ck_assert_str_eq(c.field[2], "");
	ck_assert_str_eq(c.field[3], "plain");
	expect_record(&c, 2, 3);
	ck_assert_str_eq(c.field[0], "two\nlines");
	ck_assert_str_eq(c.field[1], "three\r\nlines\nhere");
	expect_record(&c, 6, 2);	/* record 2 spans lines 2-5 */
	ck_assert_str_eq(c.field[0], "after");
	ck_assert_str_eq(c.field[1], "\"");
	ck_assert_int_eq(csv_next(&c), 0);
	csv_free(&c);
}
END_TEST

START_TEST(test_bom_and_blank_lines)
{
	struct csv_reader c;

	start(&c, "\xEF\xBB\xBFid,name\n\n\r\nSP-1,x\n\n");
	expect_record(&c, 1, 2);
	ck_assert_str_eq(c.field[0], "id");	/* BOM dropped */
	expect_record(&c, 4, 2);
	ck_assert_str_eq(c.field[1], "x");
	ck_assert_int_eq(csv_next(&c), 0);
	csv_free(&c);

	start(&c, "");
	ck_assert_int_eq(csv_next(&c), 0);
	csv_free(&c);

	start(&c, "\"\"\n");	/* a quoted empty field is a record */
	expect_record(&c, 1, 1);
	ck_assert_str_eq(c.field[0], "");
	csv_free(&c);
}
END_TEST

START_TEST(test_utf8_passes_through)
{
	struct csv_reader c;

	start(&c, "126 rue Galliéni,Française des Jeux\n");
	expect_record(&c, 1, 2);
	ck_assert_str_eq(c.field[0], "126 rue Galliéni");
	ck_assert_str_eq(c.field[1], "Française des Jeux");
	csv_free(&c);
}
END_TEST

START_TEST(test_errors_resume)
{
	struct csv_reader c;

	start(&c, "a,b\n"
	    "bad\"quote,x\n"
	    "\"closed\"junk,y\n"
	    "ok,z\n"
	    "\"never closed,\nstill\n");
	expect_record(&c, 1, 2);
	expect_error(&c, 2, "quote inside a field");
	expect_error(&c, 3, "after a closing quote");
	expect_record(&c, 4, 2);	/* reading resumed */
	ck_assert_str_eq(c.field[0], "ok");
	expect_error(&c, 5, "not closed");
	ck_assert_int_eq(csv_next(&c), 0);
	csv_free(&c);
}
END_TEST

START_TEST(test_nul_and_limits)
{
	struct csv_reader	 c;
	static const char	 nul[] = "a,b\nx\0y,z\nok,1\n";
	char			*big;
	size_t			 i;

	csv_init(&c, nul, sizeof(nul) - 1);
	expect_record(&c, 1, 2);
	expect_error(&c, 2, "NUL");
	expect_record(&c, 3, 2);
	csv_free(&c);

	/* too many fields */
	big = malloc(2 * CSV_FIELDS_MAX + 16);
	ck_assert_ptr_nonnull(big);
	for (i = 0; i < CSV_FIELDS_MAX + 1; i++) {
		big[2 * i] = 'x';
		big[2 * i + 1] = ',';
	}
	big[2 * CSV_FIELDS_MAX + 1] = '\n';
	memcpy(big + 2 * CSV_FIELDS_MAX + 2, "ok\n", 4);
	start(&c, big);
	expect_error(&c, 1, "more than");
	expect_record(&c, 2, 1);
	csv_free(&c);
	free(big);

	/* exactly the maximum is fine */
	big = malloc(2 * CSV_FIELDS_MAX + 1);
	ck_assert_ptr_nonnull(big);
	for (i = 0; i < CSV_FIELDS_MAX; i++) {
		big[2 * i] = 'x';
		big[2 * i + 1] = ',';
	}
	big[2 * CSV_FIELDS_MAX - 1] = '\0';
	start(&c, big);
	expect_record(&c, 1, CSV_FIELDS_MAX);
	csv_free(&c);
	free(big);

	/* a field too long */
	big = malloc(CSV_FIELD_LEN_MAX + 16);
	ck_assert_ptr_nonnull(big);
	memset(big, 'y', CSV_FIELD_LEN_MAX + 1);
	memcpy(big + CSV_FIELD_LEN_MAX + 1, "\nok\n", 5);
	start(&c, big);
	expect_error(&c, 1, "longer than");
	expect_record(&c, 2, 1);
	csv_free(&c);
	free(big);
}
END_TEST

static Suite *
csv_suite(void)
{
	Suite	*s = suite_create("csv");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_plain);
	tcase_add_test(tc, test_crlf_and_empty_fields);
	tcase_add_test(tc, test_quoted);
	tcase_add_test(tc, test_bom_and_blank_lines);
	tcase_add_test(tc, test_utf8_passes_through);
	tcase_add_test(tc, test_errors_resume);
	tcase_add_test(tc, test_nul_and_limits);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(csv_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
