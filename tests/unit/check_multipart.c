/*
 * check_multipart.c — unit tests of the multipart/form-data parser
 * (multipart.c): the bodies browsers send, binary content, file names,
 * and every refused shape.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "multipart.h"

#define CT "multipart/form-data; boundary=----b0undary"
#define B "------b0undary"

static enum multipart_result
parse(const char *ctype, const char *body, size_t len, struct mparts *m)
{
	memset(m, 0, sizeof(*m));
	return multipart_parse(ctype, body, len, m);
}

START_TEST(test_a_browser_form)
{
	static const char body[] =
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "abc123\r\n"
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"body\"\r\n\r\n"
	    "line one\r\nline two\r\n"
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"file\"; filename=\"plan.pdf\"\r\n"
	    "Content-Type: application/pdf\r\n\r\n"
	    "%PDF-1.4\r\n\r\n--not-the-boundary\r\n"
	    B "--\r\n";
	struct mparts m;

	ck_assert_int_eq(parse(CT, body, sizeof(body) - 1, &m), MP_OK);
	ck_assert_uint_eq(m.n, 3);
	ck_assert_str_eq(m.v[0].name, "csrf");
	ck_assert_ptr_null(m.v[0].filename);
	ck_assert_uint_eq(m.v[0].len, 6);
	ck_assert_int_eq(memcmp(m.v[0].data, "abc123", 6), 0);
	ck_assert_str_eq(m.v[1].name, "body");
	ck_assert_uint_eq(m.v[1].len, strlen("line one\r\nline two"));
	ck_assert_str_eq(m.v[2].name, "file");
	ck_assert_str_eq(m.v[2].filename, "plan.pdf");
	ck_assert_str_eq(m.v[2].type, "application/pdf");
	ck_assert_uint_eq(m.v[2].len, strlen("%PDF-1.4\r\n\r\n--not-the-boundary"));
	mparts_free(&m);
}
END_TEST

START_TEST(test_binary_content_and_preamble)
{
	char		 body[256];
	size_t		 n = 0;
	struct mparts	 m;
	static const char bin[] = { 0, '\r', '\n', '-', '-', 0x7f, (char)0xff, 0 };

#define PUT(s) (memcpy(body + n, s, strlen(s)), n += strlen(s))
	PUT("a preamble a client may send\r\n");
	PUT(B "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n\r\n");
	memcpy(body + n, bin, sizeof(bin));
	n += sizeof(bin);
	PUT("\r\n" B "--");
	ck_assert_int_eq(parse(CT, body, n, &m), MP_OK);
	ck_assert_uint_eq(m.n, 1);
	ck_assert_uint_eq(m.v[0].len, sizeof(bin));
	ck_assert_int_eq(memcmp(m.v[0].data, bin, sizeof(bin)), 0);
	ck_assert_ptr_null(m.v[0].type);
	mparts_free(&m);
#undef PUT
}
END_TEST

START_TEST(test_file_names)
{
	static const char body[] =
	    B "\r\n"
	    "content-disposition: form-data; name=\"a\"; filename=\"C:\\\\Users\\\\me\\\\r\\\"e\\\"port.pdf\"\r\n\r\n"
	    "1\r\n"
	    B "\r\n"
	    "Content-Disposition: form-data; filename=\"../../etc/passwd\"; name=b\r\n\r\n"
	    "2\r\n"
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"c\"; filename=\"\x01tab\there.txt\"\r\n\r\n"
	    "3\r\n"
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"d\"; filename=\"\"\r\n\r\n"
	    "\r\n"
	    B "--";
	struct mparts m;

	ck_assert_int_eq(parse(CT, body, sizeof(body) - 1, &m), MP_OK);
	ck_assert_uint_eq(m.n, 4);
	ck_assert_str_eq(m.v[0].filename, "r\"e\"port.pdf");
	ck_assert_str_eq(m.v[1].name, "b");
	ck_assert_str_eq(m.v[1].filename, "passwd");
	ck_assert_str_eq(m.v[2].filename, "tabhere.txt");
	ck_assert_str_eq(m.v[3].filename, "");	/* a file input left empty */
	ck_assert_uint_eq(m.v[3].len, 0);
	mparts_free(&m);
}
END_TEST

START_TEST(test_boundaries)
{
	static const char body[] =
	    "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--xyz--";
	struct mparts m;

	ck_assert_int_eq(parse("multipart/form-data; boundary=\"xyz\"", body,
	    sizeof(body) - 1, &m), MP_OK);
	ck_assert_uint_eq(m.n, 1);
	mparts_free(&m);
	ck_assert_int_eq(parse("Multipart/Form-Data;boundary=xyz", body,
	    sizeof(body) - 1, &m), MP_OK);
	mparts_free(&m);
	ck_assert_int_eq(parse("multipart/form-data", body, sizeof(body) - 1, &m),
	    MP_NO_BOUNDARY);
	mparts_free(&m);
	ck_assert_int_eq(parse("multipart/form-data; boundary=", body,
	    sizeof(body) - 1, &m), MP_NO_BOUNDARY);
	mparts_free(&m);
	ck_assert_int_eq(parse("multipart/mixed; boundary=xyz", body,
	    sizeof(body) - 1, &m), MP_NO_BOUNDARY);
	mparts_free(&m);
	ck_assert_int_eq(parse(NULL, body, sizeof(body) - 1, &m), MP_NO_BOUNDARY);
	mparts_free(&m);
	ck_assert_int_eq(parse("multipart/form-data; boundary="
	    "12345678901234567890123456789012345678901234567890123456789012345678901",
	    body, sizeof(body) - 1, &m), MP_NO_BOUNDARY);	/* 71 characters */
	mparts_free(&m);
}
END_TEST

START_TEST(test_malformed)
{
	static const char *const bad[] = {
		"",					/* nothing */
		"no boundary at all",
		"--xyz",				/* no line after it */
		"--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv",	/* no end */
		"--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\nv\r\n--xyz--",	/* no blank line */
		"--xyzjunk\r\n\r\n\r\n--xyz--",
	};
	struct mparts	m;
	size_t		i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(parse("multipart/form-data; boundary=xyz", bad[i],
		    strlen(bad[i]), &m) == MP_MALFORMED, "case %zu", i);
		mparts_free(&m);
	}
}
END_TEST

START_TEST(test_limits)
{
	char		*body = malloc(100000), *p = body;
	struct mparts	 m;
	int		 i;

	for (i = 0; i < MULTIPART_PARTS_MAX + 1; i++)
		p += sprintf(p, "--xyz\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\nv\r\n", i);
	p += sprintf(p, "--xyz--");
	ck_assert_int_eq(parse("multipart/form-data; boundary=xyz", body,
	    (size_t)(p - body), &m), MP_TOO_MANY);
	mparts_free(&m);
	/* a header block over the bound */
	p = body + sprintf(body, "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: ");
	memset(p, 'x', MULTIPART_HEADERS_MAX);
	p += MULTIPART_HEADERS_MAX;
	p += sprintf(p, "\r\n\r\nv\r\n--xyz--");
	ck_assert_int_eq(parse("multipart/form-data; boundary=xyz", body,
	    (size_t)(p - body), &m), MP_MALFORMED);
	mparts_free(&m);
	/* parts without a name or not form-data are skipped */
	p = body + sprintf(body, "--xyz\r\nContent-Disposition: form-data\r\n\r\nv\r\n"
	    "--xyz\r\nContent-Type: text/plain\r\n\r\nw\r\n"
	    "--xyz\r\n\r\nno header\r\n--xyz--");
	ck_assert_int_eq(parse("multipart/form-data; boundary=xyz", body,
	    (size_t)(p - body), &m), MP_OK);
	ck_assert_uint_eq(m.n, 0);
	mparts_free(&m);
	free(body);
}
END_TEST

/* What fuzzing found (tests/fuzz/regressions/fuzz_multipart/). */
START_TEST(test_found_by_fuzzing)
{
	static const char body[] =
	    "--xyz\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nv\r\n"
	    "--xyz\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a/b\\\\c.pdf\"\r\n\r\n1\r\n"
	    "--xyz\r\nContent-Disposition: form-data; name=\"b\"; filename=\"C:\\\\dir/x.txt\"\r\n\r\n2\r\n"
	    "--xyz\r\nContent-Disposition: form-data; name=\"c\"; filename=\"ab\x80.pdf\"\r\n\r\n3\r\n"
	    "--xyz\r\nContent-Disposition: form-data; name=\"d\"; filename=\"\xc3\xa9\x80\"\r\n\r\n4\r\n"
	    "--xyz--";
	char		 big[600];
	struct mparts	 m;

	/* a name given empty is skipped (it was read after being freed) */
	ck_assert_int_eq(parse("multipart/form-data; boundary=xyz", body,
	    sizeof(body) - 1, &m), MP_OK);
	ck_assert_uint_eq(m.n, 4);
	ck_assert_str_eq(m.v[0].name, "a");
	/* the directory goes after the last separator of either kind (a '\\'
	 * after the last '/' stayed) */
	ck_assert_str_eq(m.v[0].filename, "c.pdf");
	ck_assert_str_eq(m.v[1].filename, "x.txt");
	/* a name cut at its first byte that is not UTF-8 keeps every whole
	 * character before it (a stray continuation byte took one more) */
	ck_assert_str_eq(m.v[2].filename, "ab");
	ck_assert_str_eq(m.v[3].filename, "\xc3\xa9");
	mparts_free(&m);
	/* a header holding a line break other than its CRLF end is refused
	 * (a bare LF went into the part's type) */
	ck_assert_int_eq(parse("multipart/form-data; boundary=xyz",
	    "--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n"
	    "Content-Type: text/plain\nX-Injected: 1\r\n\r\nv\r\n--xyz--", 115, &m),
	    MP_MALFORMED);
	mparts_free(&m);
	ck_assert_int_eq(parse("multipart/form-data; boundary=xyz",
	    "--xyz\r\nContent-Disposition: form-data; name=\"f\r\"\r\n\r\nv\r\n--xyz--",
	    62, &m), MP_MALFORMED);
	mparts_free(&m);
	/* a name over MULTIPART_NAME_MAX is refused, and freed once */
	snprintf(big, sizeof(big), "--xyz\r\nContent-Disposition: form-data; name=\"%0256d\""
	    "\r\n\r\nv\r\n--xyz--", 0);
	ck_assert_int_eq(parse("multipart/form-data; boundary=xyz", big, strlen(big), &m),
	    MP_MALFORMED);
	mparts_free(&m);
}
END_TEST

static Suite *
multipart_suite(void)
{
	Suite	*s = suite_create("multipart");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_a_browser_form);
	tcase_add_test(tc, test_binary_content_and_preamble);
	tcase_add_test(tc, test_file_names);
	tcase_add_test(tc, test_boundaries);
	tcase_add_test(tc, test_malformed);
	tcase_add_test(tc, test_limits);
	tcase_add_test(tc, test_found_by_fuzzing);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(multipart_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
