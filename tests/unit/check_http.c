/*
 * check_http.c — unit tests of the HTTP layer over an in-memory transport.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <jansson.h>
#include <sodium.h>

#include "config.h"
#include "errors.h"
#include "http.h"
#include "reply.h"
#include "util.h"

/* In-memory transport: body from `in`, response into `out`. */
struct mem {
	const char	*in;
	size_t		 off;
	struct buf	 out;
};

static int
mem_read(void *ctx, char *buf, size_t n)
{
	struct mem	*m = ctx;
	size_t		 left = strlen(m->in) - m->off;

	if (n > left)
		n = left;
	memcpy(buf, m->in + m->off, n);
	m->off += n;
	return (int)n;
}

static int
mem_write(void *ctx, const char *buf, size_t n)
{
	return buf_append(&((struct mem *)ctx)->out, buf, n);
}

static void
setup(void)
{
	ck_assert_int_eq(sodium_init() >= 0, 1);
	ck_assert_int_eq(config_load(NULL), 0);
}

static void
teardown(void)
{
	config_free();
}

START_TEST(test_url_decode)
{
	char a[] = "a%20b+c", b[] = "%zz", c[] = "x%00y", d[] = "%C3%A9";

	ck_assert_int_eq(url_decode(a, 1), 0);
	ck_assert_str_eq(a, "a b c");
	ck_assert_int_eq(url_decode(b, 1), -1);
	ck_assert_int_eq(url_decode(c, 1), -1);	/* NUL is never let in */
	ck_assert_int_eq(url_decode(d, 0), 0);
	ck_assert_str_eq(d, "\xc3\xa9");
}
END_TEST

START_TEST(test_query_parse)
{
	struct kvlist l = { 0 };

	ck_assert_int_eq(kv_parse_query(&l, "a=1&b=x%2Cy&&c&d=two+words", 10, 0), 0);
	ck_assert_str_eq(kv_get(&l, "a"), "1");
	ck_assert_str_eq(kv_get(&l, "b"), "x,y");
	ck_assert_str_eq(kv_get(&l, "c"), "");
	ck_assert_str_eq(kv_get(&l, "d"), "two words");
	ck_assert_ptr_null(kv_get(&l, "e"));
	kv_free(&l);
	/* past the bound: 1, the first pairs kept; exactly at it: fine */
	ck_assert_int_eq(kv_parse_query(&l, "a=1&b=2&c=3", 2, 0), 1);
	ck_assert_int_eq(l.n, 2);
	kv_free(&l);
	ck_assert_int_eq(kv_parse_query(&l, "a=1&&b=2&", 2, 0), 0);
	kv_free(&l);
	/* leniently, undecodable or non-UTF-8 text is kept (empty or raw) */
	ck_assert_int_eq(kv_parse_query(&l, "a=%zz&b=x%C3&c=%C3%A9", 10, 0), 0);
	ck_assert_str_eq(kv_get(&l, "a"), "");
	ck_assert_str_eq(kv_get(&l, "b"), "x\xc3");
	kv_free(&l);
	/* strictly (a form), it refuses the whole */
	ck_assert_int_eq(kv_parse_query(&l, "c=%C3%A9&d=caf%C3%A9", 10, 1), 0);
	ck_assert_str_eq(kv_get(&l, "d"), "caf\xc3\xa9");
	kv_free(&l);
	ck_assert_int_eq(kv_parse_query(&l, "a=1&b=x%C3", 10, 1), 2);
	kv_free(&l);
	ck_assert_int_eq(kv_parse_query(&l, "a=1&b%FF=x", 10, 1), 2);
	kv_free(&l);
	ck_assert_int_eq(kv_parse_query(&l, "a=%zz", 10, 1), 2);
	kv_free(&l);
	ck_assert_int_eq(kv_parse_query(&l, "a=%00", 10, 1), 2);
	kv_free(&l);
	ck_assert_int_eq(kv_parse_query(&l, "a=%ED%A0%80", 10, 1), 2);	/* a surrogate */
	kv_free(&l);
}
END_TEST

START_TEST(test_query_encode)
{
	struct buf	b = { 0 };
	char		s[64];

	ck_assert_int_eq(query_encode(&b, "a&b=c d/\xc3\xa9-_.~"), 0);
	ck_assert_str_eq(b.data, "a%26b%3Dc%20d%2F%C3%A9-_.%7E");
	/* what it writes decodes back */
	snprintf(s, sizeof(s), "%s", b.data);
	ck_assert_int_eq(url_decode(s, 1), 0);
	ck_assert_str_eq(s, "a&b=c d/\xc3\xa9-_.~");
	ck_assert_int_eq(query_encode(&b, NULL), 0);
	buf_free(&b);
}
END_TEST

START_TEST(test_string_cut)
{
	/* "e-acute" cut after its first byte, then other invalid forms */
	static const struct { const char *in, *out; } cases[] = {
		{ "ok \xc3\xa9", "ok \xc3\xa9" }, { "ab\xc3", "ab" },
		{ "ab\xc3x", "ab" }, { "a\xe2\x82", "a" }, { "a\xe2\x82\xac", "a\xe2\x82\xac" },
		{ "a\xc0\xaf", "a" },		/* overlong '/' */
		{ "a\xed\xa0\x80", "a" },	/* surrogate */
		{ "a\xf4\x90\x80\x80", "a" },	/* past U+10FFFF */
		{ "a\xf0\x9f\x98\x80" "b", "a\xf0\x9f\x98\x80" "b" }, { "\xff", "" },
	};
	json_t	*j;
	size_t	 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		j = json_string_cut(cases[i].in);
		ck_assert_ptr_nonnull(j);
		ck_assert_str_eq(json_string_value(j), cases[i].out);
		json_decref(j);
	}
	ck_assert_ptr_null(json_string_cut(NULL));
}
END_TEST

/* Run `fn` on a request built from env, return the raw response. */
static char *
run(const char **env, const char *body, int (*fn)(struct req *))
{
	struct mem	 m = { body, 0, { 0 } };
	/* The request only reads its environment. */
	struct io	 io = { mem_read, mem_write, &m, (char **)env };
	struct req	 r;
	char		*out;

	ck_assert_int_eq(req_init(&r, &io, NULL), 0);
	fn(&r);
	req_free(&r);
	out = strdup(m.out.data ? m.out.data : "");
	buf_free(&m.out);
	return out;
}

static int
orange_not_found(struct req *r)
{
	r->family = FAM_ORANGE;
	return reply_error(r, HERR_NOT_FOUND, NULL);
}

static int
tcx_too_large(struct req *r)
{
	r->family = FAM_TCX;
	return reply_error(r, HERR_TOO_LARGE, NULL);
}

/* An error message cut inside a character: the answer still goes out. */
static int
orange_cut_message(struct req *r)
{
	r->family = FAM_ORANGE;
	return reply_error(r, HERR_FORBIDDEN, "type '\xc3\xa9\xc3");
}

static int
tcx_cut_message(struct req *r)
{
	struct problems	pb = { 0 };
	int		rc;

	r->family = FAM_TCX;
	xproblem(&pb, XERR_PRODUCT_TYPE, "offers[].product", "offers[0].\xc3",
	    "\xc3\xa9\xc3");
	rc = reply_problems(r, &pb);
	problems_free(&pb);
	return rc;
}

START_TEST(test_error_invalid_utf8)
{
	const char	*env[] = { "REQUEST_METHOD=POST", "PATH_INFO=/x", NULL };
	char		*out, *body;
	json_t		*j, *e;

	out = run(env, "", orange_cut_message);
	ck_assert_ptr_nonnull(strstr(out, "Status: 403 Forbidden\r\n"));
	body = strstr(out, "\r\n\r\n") + 4;
	ck_assert_ptr_nonnull(j = json_loads(body, 0, NULL));
	ck_assert_int_eq(json_integer_value(json_object_get(j, "code")), 50);
	ck_assert_str_eq(json_string_value(json_object_get(j, "description")),
	    "type '\xc3\xa9");
	json_decref(j);
	free(out);

	out = run(env, "", tcx_cut_message);
	ck_assert_ptr_nonnull(strstr(out, "Status: 422 "));
	body = strstr(out, "\r\n\r\n") + 4;
	ck_assert_ptr_nonnull(j = json_loads(body, 0, NULL));
	e = json_object_get(j, "error");
	ck_assert_str_eq(json_string_value(json_object_get(e, "message")),
	    "Product is not a \xc3\xa9");
	ck_assert_str_eq(json_string_value(json_object_get(e, "path")), "offers[0].");
	ck_assert_str_eq(json_string_value(json_object_get(e, "code")), "offers[].product");
	ck_assert_str_eq(json_string_value(json_object_get(e, "check")), "type");
	json_decref(j);
	free(out);
}
END_TEST

START_TEST(test_error_shapes)
{
	const char	*env[] = { "REQUEST_METHOD=GET", "PATH_INFO=/x", NULL };
	char	*out, *body;
	json_t	*j;

	out = run(env, "", orange_not_found);
	ck_assert_ptr_nonnull(strstr(out, "Status: 404 Not Found\r\n"));
	ck_assert_ptr_nonnull(strstr(out, "X-Content-Type-Options: nosniff\r\n"));
	ck_assert_ptr_nonnull(strstr(out, "frame-ancestors 'none'"));
	ck_assert_ptr_nonnull(strstr(out, "X-Request-Id: "));
	body = strstr(out, "\r\n\r\n") + 4;
	j = json_loads(body, 0, NULL);
	ck_assert_ptr_nonnull(j);
	ck_assert_int_eq(json_integer_value(json_object_get(j, "code")), 60);
	ck_assert_str_eq(json_string_value(json_object_get(j, "message")), "Resource not found");
	json_decref(j);
	free(out);

	out = run(env, "", tcx_too_large);
	ck_assert_ptr_nonnull(strstr(out, "Status: 413 "));
	body = strstr(out, "\r\n\r\n") + 4;
	j = json_loads(body, 0, NULL);
	ck_assert_ptr_nonnull(j);
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(j, "error"), "code")),
	    "payload_too_large");
	ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(j, "error"), "status")), 413);
	ck_assert_int_eq(json_array_size(json_object_get(j, "errors")), 1);
	json_decref(j);
	free(out);
}
END_TEST

/* A list cut at PROBLEMS_MAX: 50 details and a last one saying how many
 * more were found, in both families. */
static int
orange_many(struct req *r)
{
	struct problems	pb = { 0 };
	char		path[32];
	int		i, rc;

	r->family = FAM_ORANGE;
	for (i = 0; i < 60; i++) {
		snprintf(path, sizeof(path), "k%d", i);
		oproblem(&pb, OERR_PROPS_UNKNOWN, path, path, NULL, NULL);
	}
	rc = reply_problems(r, &pb);
	problems_free(&pb);
	return rc;
}

static int
tcx_many(struct req *r)
{
	struct problems	pb = { 0 };
	int		i, rc;

	r->family = FAM_TCX;
	for (i = 0; i < 51; i++)
		xproblem(&pb, XERR_RECIPIENT, "notify[]", "notify[0]", NULL);
	rc = reply_problems(r, &pb);
	problems_free(&pb);
	return rc;
}

START_TEST(test_error_list_bounded)
{
	const char	*env[] = { "REQUEST_METHOD=POST", "PATH_INFO=/x", NULL };
	char		*out, *body;
	json_t		*j, *d, *last;

	out = run(env, "", orange_many);
	ck_assert_ptr_nonnull(strstr(out, "Status: 422 "));
	body = strstr(out, "\r\n\r\n") + 4;
	ck_assert_ptr_nonnull(j = json_loads(body, 0, NULL));
	ck_assert_int_eq(json_integer_value(json_object_get(j, "code")), 3620);
	d = json_object_get(j, "details");
	ck_assert_int_eq(json_array_size(d), PROBLEMS_MAX + 1);
	last = json_array_get(d, PROBLEMS_MAX);
	ck_assert_int_eq(json_integer_value(json_object_get(last, "code")), 3620);
	ck_assert_str_eq(json_string_value(json_object_get(last, "message")), "Too many problems");
	ck_assert_str_eq(json_string_value(json_object_get(last, "description")),
	    "10 more problems were found and are not listed.");
	json_decref(j);
	free(out);

	out = run(env, "", tcx_many);
	body = strstr(out, "\r\n\r\n") + 4;
	ck_assert_ptr_nonnull(j = json_loads(body, 0, NULL));
	d = json_object_get(j, "errors");
	ck_assert_int_eq(json_array_size(d), PROBLEMS_MAX + 1);
	last = json_array_get(d, PROBLEMS_MAX);
	ck_assert_str_eq(json_string_value(json_object_get(last, "code")), "too_many_problems");
	ck_assert_str_eq(json_string_value(json_object_get(last, "message")),
	    "1 more problems were found and are not listed");
	json_decref(j);
	free(out);
}
END_TEST

static int last_err;

static int
read_json(struct req *r)
{
	json_t *j = req_read_json(r, &last_err, NULL, 0);

	json_decref(j);
	return 0;
}

START_TEST(test_read_json)
{
	const char *ok[] = { "REQUEST_METHOD=POST", "CONTENT_TYPE=application/json; charset=utf-8",
	    "CONTENT_LENGTH=8", NULL };
	const char *text[] = { "REQUEST_METHOD=POST", "CONTENT_TYPE=text/plain",
	    "CONTENT_LENGTH=8", NULL };
	const char *big[] = { "REQUEST_METHOD=POST", "CONTENT_TYPE=application/json",
	    "CONTENT_LENGTH=2097152", NULL };
	const char *arr[] = { "REQUEST_METHOD=POST", "CONTENT_TYPE=application/json",
	    "CONTENT_LENGTH=2", NULL };

	free(run(ok, "{\"a\":1}\n", read_json));
	ck_assert_int_eq(last_err, 0);
	free(run(text, "{\"a\":1}\n", read_json));
	ck_assert_int_eq(last_err, HERR_MEDIA_TYPE);
	free(run(big, "", read_json));
	ck_assert_int_eq(last_err, HERR_TOO_LARGE);
	free(run(arr, "[]", read_json));
	ck_assert_int_eq(last_err, HERR_BAD_BODY);
}
END_TEST

static int
header_injection(struct req *r)
{
	ck_assert_int_eq(resp_header(r, "X-Test", "a\r\nSet-Cookie: x=1"), -1);
	ck_assert_int_eq(resp_header(r, "X-Test", "fine"), 0);
	return resp_redirect(r, "//evil.example/");
}

START_TEST(test_headers)
{
	const char *env[] = { "REQUEST_METHOD=GET", NULL };
	char *out = run(env, "", header_injection);

	ck_assert_ptr_null(strstr(out, "Set-Cookie"));
	ck_assert_ptr_nonnull(strstr(out, "X-Test: fine\r\n"));
	/* never an open redirect */
	ck_assert_ptr_nonnull(strstr(out, "Location: /\r\n"));
	free(out);
}
END_TEST

static int
redirect_tab(struct req *r)
{
	return resp_redirect(r, "/\t/evil.example");
}

static int
redirect_crlf(struct req *r)
{
	return resp_redirect(r, "/x\r\nSet-Cookie: a=b");
}

static int
redirect_local(struct req *r)
{
	return resp_redirect(r, "/requests?status=NEW");
}

START_TEST(test_redirect_local_only)
{
	const char	*env[] = { "REQUEST_METHOD=POST", NULL };
	char		*out;

	out = run(env, "", redirect_tab);
	ck_assert_ptr_nonnull(strstr(out, "Status: 303 "));
	ck_assert_ptr_nonnull(strstr(out, "Location: /\r\n"));
	free(out);
	out = run(env, "", redirect_crlf);
	ck_assert_ptr_nonnull(strstr(out, "Status: 303 "));
	ck_assert_ptr_nonnull(strstr(out, "Location: /\r\n"));
	ck_assert_ptr_null(strstr(out, "Set-Cookie"));
	free(out);
	out = run(env, "", redirect_local);
	ck_assert_ptr_nonnull(strstr(out, "Location: /requests?status=NEW\r\n"));
	free(out);
}
END_TEST

/* Many pairs "k0=1<sep>k1=1..." then `last`. */
static char *
many(const char *prefix, const char *sep, int n, const char *last)
{
	struct buf	b = { 0 };
	int		i;

	buf_puts(&b, prefix);
	for (i = 0; i < n; i++)
		buf_printf(&b, "k%d=1%s", i, sep);
	buf_puts(&b, last);
	return b.data;
}

START_TEST(test_many_pairs)
{
	char		*cookie = many("HTTP_COOKIE=", "; ", 300, "reqdesk_session=abc");
	char		*query = many("QUERY_STRING=", "&", QUERY_MAX, "x=1");
	const char	*env1[] = { "REQUEST_METHOD=GET", cookie, NULL };
	const char	*env2[] = { "REQUEST_METHOD=GET", query, NULL };
	struct io	 io = { mem_read, mem_write, NULL, (char **)env1 };
	struct req	 r;

	const char	*env0[] = { "REQUEST_METHOD=GET", NULL };

	/* no Cookie header: no cookie, and no arithmetic on an empty jar
	 * (NULL + 0, found by fuzz_http_input) */
	io.envp = (char **)env0;
	ck_assert_int_eq(req_init(&r, &io, NULL), 0);
	ck_assert_ptr_null(req_cookie(&r, "reqdesk_session"));
	req_free(&r);
	io.envp = (char **)env1;
	/* every cookie is found, however many came */
	ck_assert_int_eq(req_init(&r, &io, NULL), 0);
	ck_assert_str_eq(req_cookie(&r, "reqdesk_session"), "abc");
	ck_assert_str_eq(req_cookie(&r, "k299"), "1");
	ck_assert_ptr_null(req_cookie(&r, "reqdesk_login"));
	req_free(&r);
	/* one query parameter too many: a 400 to answer */
	io.envp = (char **)env2;
	ck_assert_int_eq(req_init(&r, &io, NULL), 1);
	ck_assert_str_eq(r.path, "/");
	ck_assert_int_eq(r.query.n, QUERY_MAX);
	req_free(&r);
	free(cookie);
	free(query);
}
END_TEST

static Suite *
http_suite(void)
{
	Suite	*s = suite_create("http");
	TCase	*tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_url_decode);
	tcase_add_test(tc, test_query_parse);
	tcase_add_test(tc, test_query_encode);
	tcase_add_test(tc, test_string_cut);
	tcase_add_test(tc, test_error_invalid_utf8);
	tcase_add_test(tc, test_error_shapes);
	tcase_add_test(tc, test_error_list_bounded);
	tcase_add_test(tc, test_read_json);
	tcase_add_test(tc, test_headers);
	tcase_add_test(tc, test_redirect_local_only);
	tcase_add_test(tc, test_many_pairs);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(http_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
