/*
 * check_tpl.c -- unit tests of the template wrapper (cgi/tpl.cc) and of
 * the templates themselves.
 *
 * Needs TEMPLATES_DIR in the environment: the templates/ directory of the
 * source tree (the Makefile sets TEMPLATES_DIR=$(srcdir)/templates).
 * Exits 99 (automake's "hard error") without it.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L		/* mkdtemp */
#endif

#include <sys/stat.h>

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tpl.h"

/* The AUTOESCAPE pragma every HTML template starts with. */
#define HTML_PRAGMA "{{%AUTOESCAPE context=\"HTML\"}}"

/* Where the project's templates are; from the environment. */
static const char *templates_dir;

/* Growing in-memory output of an expansion; NUL-terminated. */
struct membuf {
	char	*p;
	size_t	 len;
	size_t	 cap;
	int	 calls;		/* number of write calls */
	int	 fail_at;	/* write call (1-based) that fails; 0: none */
};

/* tpl_write_fn appending to a struct membuf; fails on call fail_at. */
static int
membuf_write(void *ctx, const char *buf, size_t len)
{
	struct membuf	*m = ctx;
	char		*p;

	if (++m->calls == m->fail_at)
		return -1;
	if (m->len + len + 1 > m->cap) {
		m->cap = (m->len + len + 1) * 2;
		if ((p = realloc(m->p, m->cap)) == NULL)
			return -1;
		m->p = p;
	}
	memcpy(m->p + m->len, buf, len);
	m->len += len;
	m->p[m->len] = '\0';
	return 0;
}

/* Expand file with d into a fresh membuf; returns tpl_expand's value. */
static int
expand(const char *file, const struct tpl_dict *d, struct membuf *m)
{
	memset(m, 0, sizeof(*m));
	return tpl_expand(file, d, membuf_write, m);
}

/* Write a file of the given contents, failing the test on error. */
static void
write_file(const char *path, const char *text)
{
	FILE	*f;

	f = fopen(path, "w");
	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	ck_assert_int_eq(fputs(text, f) >= 0, 1);
	ck_assert_int_eq(fclose(f), 0);
}

/*
 * A layout page with home.tpl as its body, for a logged-in user with
 * two requests; title is the page title.  Returns an owned dictionary.
 */
static struct tpl_dict *
home_page(const char *title)
{
	struct tpl_dict	*d, *body, *row;

	d = tpl_dict_new("page");
	ck_assert_ptr_nonnull(d);
	tpl_set(d, "TITLE", title);
	tpl_set(d, "REQUEST_ID", "req-42");
	tpl_show(d, "USER");
	tpl_set(d, "USER_NAME", "Owner <FDJ>");
	tpl_set(d, "USER_LEVEL", "OWNER");
	tpl_set(d, "CSRF", "tok\"en");
	/* the navigation of a customer's user who may make requests */
	tpl_set(d, "HOME_HREF", "/");
	tpl_show(d, "NAV_HOME");
	tpl_show(d, "NAV_REQUESTS");
	tpl_show(d, "NAV_NEW_REQUEST");
	/* the body of a logged-in user's request list */
	body = tpl_include(d, "BODY", "requests.tpl");
	ck_assert_ptr_nonnull(body);
	tpl_set(body, "USER_NAME", "Owner <FDJ>");
	tpl_set(body, "CUSTOMER_NAME", "Française des Jeux");
	row = tpl_section_add(body, "REQUEST");
	ck_assert_ptr_nonnull(row);
	tpl_set_int(row, "REQ_ID", 1001);
	tpl_set(row, "REQ_TYPE", "U_BVPN_FR_1");
	tpl_set(row, "REQ_STATUS", "NEW");
	tpl_set(row, "REQ_CREATED", "2024-05-02 10:00");
	row = tpl_section_add(body, "REQUEST");
	ck_assert_ptr_nonnull(row);
	tpl_set_int(row, "REQ_ID", 1002);
	tpl_set(row, "REQ_TYPE", "D_BVPN_FR_1");
	tpl_set(row, "REQ_STATUS", "IN_PROGRESS");
	tpl_set(row, "REQ_CREATED", NULL);
	return d;
}

/* Per-test setup: the project's templates as the root. */
static void
setup(void)
{
	ck_assert_int_eq(tpl_init(templates_dir), 0);
}

START_TEST(check_dir_all_good)
{
	char	 err[512] = "";
	int	 broken;

	broken = tpl_check_dir(err, sizeof(err));
	ck_assert_msg(broken == 0, "%d broken templates, first: %s",
	    broken, err);
}
END_TEST

/* Check that every template of `sub` (under the templates directory)
 * ending in `ext` starts with the HTML pragma; how many were seen. */
static int
pragma_in(const char *sub, const char *ext)
{
	char		 path[1024], line[256];
	struct dirent	*e;
	DIR		*dir;
	FILE		*f;
	size_t		 n;
	int		 seen = 0;

	snprintf(path, sizeof(path), "%s%s", templates_dir, sub);
	dir = opendir(path);
	ck_assert_msg(dir != NULL, "%s: %s", path, strerror(errno));
	while ((e = readdir(dir)) != NULL) {
		n = strlen(e->d_name);
		if (e->d_name[0] == '.' || n <= strlen(ext) ||
		    strcmp(e->d_name + n - strlen(ext), ext) != 0)
			continue;
		snprintf(path, sizeof(path), "%s%s/%s", templates_dir, sub, e->d_name);
		f = fopen(path, "r");
		ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
		ck_assert_msg(fgets(line, sizeof(line), f) != NULL &&
		    strncmp(line, HTML_PRAGMA "\n", strlen(HTML_PRAGMA) + 1) == 0,
		    "%s: first line is not %s", path, HTML_PRAGMA);
		fclose(f);
		seen++;
	}
	closedir(dir);
	return seen;
}

START_TEST(html_templates_have_pragma)
{
	/*
	 * ctemplate does not escape an included template that lacks the
	 * pragma, even inside an auto-escaped layout: every top-level
	 * (HTML) template must start with it, and so must the HTML part of
	 * every mail (mail/EVENT.html.tpl); the other mail parts are plain
	 * text.
	 */
	ck_assert_int_ge(pragma_in("", ".tpl"), 3);
	ck_assert_int_ge(pragma_in("/mail", ".html.tpl"), 6);
	ck_assert_int_ge(pragma_in("/mail/operator", ".html.tpl"), 4);
}
END_TEST

START_TEST(layout_with_home)
{
	struct tpl_dict	*d;
	struct membuf	 m;

	d = home_page("Home");
	ck_assert_int_eq(expand("layout.tpl", d, &m), 0);
	ck_assert_ptr_nonnull(m.p);
	ck_assert_ptr_nonnull(strstr(m.p, "<!doctype html>"));
	ck_assert_ptr_nonnull(strstr(m.p,
	    "<link rel=\"stylesheet\" href=\"/static/css/reqdesk.css\">"));
	ck_assert_ptr_nonnull(strstr(m.p, "<title>Home · reqdesk</title>"));
	ck_assert_ptr_nonnull(strstr(m.p, "href=\"/requests/new\""));
	ck_assert_ptr_null(strstr(m.p, "href=\"/admin\""));
	ck_assert_ptr_null(strstr(m.p, "href=\"/login\""));
	ck_assert_ptr_nonnull(strstr(m.p, "req-42"));
	/* the body, with its rows in order */
	ck_assert_ptr_nonnull(strstr(m.p, "Française des Jeux"));
	ck_assert_ptr_nonnull(strstr(m.p, "badge-NEW"));
	ck_assert_ptr_nonnull(strstr(m.p, "badge-IN_PROGRESS"));
	ck_assert_ptr_nonnull(strstr(m.p, "href=\"/requests/1001\""));
	ck_assert(strstr(m.p, ">1001<") < strstr(m.p, ">1002<"));
	ck_assert_ptr_null(strstr(m.p, "No request matches."));
	/* no inline script or style (CSP default-src 'self') */
	ck_assert_ptr_null(strstr(m.p, "<script>"));
	ck_assert_ptr_null(strstr(m.p, "<style"));
	ck_assert_ptr_null(strstr(m.p, "style="));
	/* blank lines of the layout's source stripped (the body's sections
	 * may leave empty lines of their own) */
	*strstr(m.p, "<main id=\"main\"") = '\0';
	ck_assert_ptr_null(strstr(m.p, "\n\n"));
	free(m.p);
	tpl_dict_free(d);
}
END_TEST

START_TEST(layout_anonymous_and_empty)
{
	struct tpl_dict	*d, *body;
	struct membuf	 m;

	d = tpl_dict_new("page");
	ck_assert_ptr_nonnull(d);
	tpl_set(d, "TITLE", "Welcome");
	tpl_show(d, "ANON");
	tpl_show(d, "FLASH");
	tpl_set(d, "FLASH_TEXT", "You are logged out.");
	body = tpl_include(d, "BODY", "home.tpl");
	ck_assert_ptr_nonnull(body);
	tpl_show(body, "ANON");
	ck_assert_int_eq(expand("layout.tpl", d, &m), 0);
	ck_assert_ptr_nonnull(strstr(m.p, "href=\"/login\""));
	ck_assert_ptr_nonnull(strstr(m.p,
	    "<p class=\"flash\">You are logged out.</p>"));
	ck_assert_ptr_null(strstr(m.p, "/logout"));
	ck_assert_ptr_null(strstr(m.p, "My requests"));
	free(m.p);
	tpl_dict_free(d);

	d = home_page("Home");
	tpl_show(d, "ADMIN");
	ck_assert_int_eq(expand("layout.tpl", d, &m), 0);
	ck_assert_ptr_nonnull(strstr(m.p, "href=\"/admin\""));
	free(m.p);
	tpl_dict_free(d);

	d = tpl_dict_new(NULL);
	ck_assert_ptr_nonnull(d);
	tpl_show(d, "NO_REQUESTS");
	ck_assert_int_eq(expand("requests.tpl", d, &m), 0);
	ck_assert_ptr_nonnull(strstr(m.p, "No request matches."));
	free(m.p);
	tpl_dict_free(d);
}
END_TEST

START_TEST(error_page)
{
	struct tpl_dict	*d, *body;
	struct membuf	 m;

	d = tpl_dict_new("page");
	ck_assert_ptr_nonnull(d);
	tpl_set(d, "TITLE", "Not Found");
	body = tpl_include(d, "BODY", "error.tpl");
	ck_assert_ptr_nonnull(body);
	tpl_set_int(body, "STATUS", 404);
	tpl_set(body, "REASON", "Not Found");
	tpl_set(body, "MESSAGE", "No such request & no <luck>.");
	ck_assert_int_eq(expand("layout.tpl", d, &m), 0);
	ck_assert_ptr_nonnull(strstr(m.p, ">404</span> Not Found"));
	ck_assert_ptr_nonnull(strstr(m.p, "No such request &amp; no &lt;luck&gt;."));
	ck_assert_ptr_nonnull(strstr(m.p, "href=\"/\""));
	free(m.p);
	tpl_dict_free(d);
}
END_TEST

START_TEST(autoescape)
{
	struct tpl_dict	*d;
	struct membuf	 m;

	d = home_page("<script>alert(1)</script>");
	ck_assert_int_eq(expand("layout.tpl", d, &m), 0);
	ck_assert_ptr_null(strstr(m.p, "<script>alert(1)"));
	ck_assert_ptr_nonnull(strstr(m.p,
	    "<title>&lt;script&gt;alert(1)&lt;/script&gt; · reqdesk</title>"));
	/* in the included body too, and inside an attribute */
	ck_assert_ptr_null(strstr(m.p, "<FDJ>"));
	ck_assert_ptr_nonnull(strstr(m.p, "Owner &lt;FDJ&gt;"));
	ck_assert_ptr_nonnull(strstr(m.p, "value=\"tok&quot;en\""));
	free(m.p);
	tpl_dict_free(d);
}
END_TEST

/* A translator whose "xx" breaks a template (an unclosed marker). */
static const char *
broken_tr(const char *lang, const char *msgid)
{
	return strcmp(lang, "xx") == 0 && strcmp(msgid, "breaks") == 0 ? "{{OPEN" : msgid;
}

/* A translator for the test: "xx" is a language of two sentences. */
static const char *
test_tr(const char *lang, const char *msgid)
{
	if (strcmp(lang, "xx") != 0)
		return msgid;
	if (strcmp(msgid, "Hello, {{NAME}}!") == 0)
		return "Salut, {{NAME}} !";
	if (strcmp(msgid, "two words") == 0)
		return "deux mots";
	return msgid;
}

/* [[text]] in a template: translated in each language's variant, blanks
 * folded into the message id (in every language: HTML reads them so);
 * includes follow the root's language; a translation that breaks the
 * template is caught by the check. */
START_TEST(languages)
{
	static const char *const langs[] = { "en", "xx" };
	static const char *const names[] = { "t.tpl", "i.tpl", "b.tpl" };
	char		 dir[] = "check_tpl.XXXXXX", path[64], err[256];
	struct tpl_dict	*d, *inc;
	struct membuf	 m;
	size_t		 i;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.tpl", dir);
	write_file(path, "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "<p>[[Hello, {{NAME}}!]] [[two\n   words]]</p>{{>INC}}\n");
	snprintf(path, sizeof(path), "%s/i.tpl", dir);
	write_file(path, "{{%AUTOESCAPE context=\"HTML\"}}\n<i>[[two words]]</i>\n");
	ck_assert_int_eq(tpl_init(dir), 0);
	ck_assert_int_eq(tpl_set_languages(langs, 2, test_tr), 0);
	ck_assert_int_eq(tpl_check_dir(err, sizeof(err)), 0);

	d = tpl_dict_new("t");
	tpl_set(d, "NAME", "<Ann>");
	inc = tpl_include(d, "INC", "i.tpl");
	ck_assert_ptr_nonnull(inc);
	ck_assert_int_eq(expand("t.tpl", d, &m), 0);
	ck_assert_str_eq(m.p, "<p>Hello, &lt;Ann&gt;! two words</p><i>two words</i>\n\n");
	free(m.p);
	tpl_dict_free(d);

	d = tpl_dict_new("t");
	tpl_dict_lang(d, "xx");
	tpl_set(d, "NAME", "<Ann>");
	inc = tpl_include(d, "INC", "i.tpl");
	ck_assert_int_eq(expand("t.tpl", d, &m), 0);
	ck_assert_str_eq(m.p, "<p>Salut, &lt;Ann&gt; ! deux mots</p><i>deux mots</i>\n\n");
	free(m.p);
	tpl_dict_free(d);

	/* a translation that breaks the template */
	snprintf(path, sizeof(path), "%s/b.tpl", dir);
	write_file(path, "[[Hello, {{NAME}}!]] [[breaks]]\n");
	ck_assert_int_eq(tpl_init(dir), 0);
	ck_assert_int_eq(tpl_set_languages(langs, 2, broken_tr), 0);
	ck_assert_int_ge(tpl_check_dir(err, sizeof(err)), 1);
	ck_assert_ptr_nonnull(strstr(err, "xx/"));
	ck_assert_int_eq(tpl_set_languages(NULL, 0, NULL), 0);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}
END_TEST

START_TEST(values_and_sections)
{
	static const char head[] = "[a2|-9000000000||](1a2)(2b)once<";
	char		 dir[] = "check_tpl.XXXXXX", path[64], big[10001];
	struct tpl_dict	*d, *row;
	struct membuf	 m;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/v.tpl", dir);
	write_file(path, "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "[{{A}}|{{N}}|{{M}}|{{E}}]{{#ROW}}({{I}}{{A}}){{/ROW}}"
	    "{{#ONCE}}once{{/ONCE}}{{#NEVER}}never{{/NEVER}}<{{BIG}}>\n");
	ck_assert_int_eq(tpl_init(dir), 0);

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	d = tpl_dict_new("v");
	ck_assert_ptr_nonnull(d);
	tpl_set(d, "A", "a");
	tpl_set(d, "A", "a2");			/* the last value wins */
	tpl_set_int(d, "N", -9000000000LL);	/* wider than 32 bits */
	tpl_set(d, "M", NULL);
	tpl_set(d, "BIG", big);
	tpl_show(d, "ONCE");
	tpl_show(d, "ONCE");
	row = tpl_section_add(d, "ROW");
	ck_assert_ptr_nonnull(row);
	tpl_set_int(row, "I", 1);
	row = tpl_section_add(d, "ROW");
	ck_assert_ptr_nonnull(row);
	tpl_set_int(row, "I", 2);
	tpl_set(row, "A", "b");			/* a row shadows its parent */
	ck_assert_int_eq(expand("v.tpl", d, &m), 0);
	ck_assert_ptr_nonnull(m.p);
	ck_assert_uint_eq(m.len, strlen(head) + strlen(big) + strlen(">\n"));
	ck_assert_int_eq(strncmp(m.p, head, strlen(head)), 0);
	ck_assert_int_eq(strncmp(m.p + strlen(head), big, strlen(big)), 0);
	ck_assert_str_eq(m.p + strlen(head) + strlen(big), ">\n");
	ck_assert_int_ge(m.calls, 2);		/* output is streamed */
	free(m.p);
	tpl_dict_free(d);
	tpl_dict_free(NULL);

	/* no dictionary: an empty one */
	ck_assert_int_eq(expand("v.tpl", NULL, &m), 0);
	ck_assert_str_eq(m.p, "[|||]<>\n");
	free(m.p);

	unlink(path);
	rmdir(dir);
}
END_TEST

START_TEST(write_failure)
{
	struct tpl_dict	*d;
	struct membuf	 m;

	d = home_page("Home");
	memset(&m, 0, sizeof(m));
	m.fail_at = 1;
	ck_assert_int_eq(tpl_expand("layout.tpl", d, membuf_write, &m), -1);
	ck_assert_int_eq(m.calls, 1);		/* not called after failing */
	ck_assert_ptr_null(m.p);
	tpl_dict_free(d);
}
END_TEST

START_TEST(missing_templates)
{
	struct tpl_dict	*d, *body;
	struct membuf	 m;
	char		 err[512] = "";

	ck_assert_int_eq(expand("no-such-page.tpl", NULL, &m), -1);
	ck_assert_int_eq(m.calls, 0);
	free(m.p);

	/* a missing include fails the whole expansion */
	d = tpl_dict_new("page");
	ck_assert_ptr_nonnull(d);
	body = tpl_include(d, "BODY", "no-such-body.tpl");
	ck_assert_ptr_nonnull(body);
	ck_assert_int_eq(expand("layout.tpl", d, &m), -1);
	free(m.p);
	tpl_dict_free(d);

	ck_assert_int_eq(tpl_check("no-such-page.tpl", err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "no-such-page.tpl"));
	ck_assert_int_eq(tpl_check("layout.tpl", err, sizeof(err)), 0);
}
END_TEST

START_TEST(broken_template)
{
	char	 dir[] = "check_tpl.XXXXXX", sub[64], path[3][96];
	char	 err[512] = "", tiny[8];
	struct membuf m;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(sub, sizeof(sub), "%s/mail", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	snprintf(path[0], sizeof(path[0]), "%s/good.tpl", dir);
	snprintf(path[1], sizeof(path[1]), "%s/broken.tpl", dir);
	snprintf(path[2], sizeof(path[2]), "%s/mail/unclosed.tpl", dir);
	write_file(path[0], "{{%AUTOESCAPE context=\"HTML\"}}\n{{#A}}a{{/A}}\n");
	write_file(path[1], "{{%AUTOESCAPE context=\"HTML\"}}\n{{#A}} open\n");
	write_file(path[2], "Hello {{NAME\n");
	ck_assert_int_eq(tpl_init(dir), 0);

	ck_assert_int_eq(tpl_check("good.tpl", err, sizeof(err)), 0);
	ck_assert_int_eq(tpl_check("broken.tpl", err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "broken.tpl"));
	ck_assert_int_eq(tpl_check("mail/unclosed.tpl", err, sizeof(err)), -1);
	ck_assert_int_eq(tpl_check("broken.tpl", tiny, sizeof(tiny)), -1);
	ck_assert_uint_eq(strlen(tiny), sizeof(tiny) - 1);	/* truncated */
	ck_assert_int_eq(tpl_check("broken.tpl", NULL, 0), -1);

	err[0] = '\0';
	ck_assert_int_eq(tpl_check_dir(err, sizeof(err)), 2);
	ck_assert_ptr_nonnull(strstr(err, "broken.tpl"));	/* name order */
	ck_assert_int_eq(expand("broken.tpl", NULL, &m), -1);
	free(m.p);

	unlink(path[2]);
	unlink(path[1]);
	unlink(path[0]);
	rmdir(sub);
	rmdir(dir);
}
END_TEST

START_TEST(init_errors)
{
	char	 dir[] = "check_tpl.XXXXXX", path[64];

	ck_assert_int_eq(tpl_init("/nonexistent/templates"), -1);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/file", dir);
	write_file(path, "not a directory\n");
	ck_assert_int_eq(tpl_init(path), -1);
	unlink(path);
	rmdir(dir);
}
END_TEST

/* The suite: one test case, every test with the project's templates. */
static Suite *
tpl_suite(void)
{
	Suite	*s = suite_create("tpl");
	TCase	*tc = tcase_create("tpl");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, check_dir_all_good);
	tcase_add_test(tc, html_templates_have_pragma);
	tcase_add_test(tc, layout_with_home);
	tcase_add_test(tc, layout_anonymous_and_empty);
	tcase_add_test(tc, error_page);
	tcase_add_test(tc, autoescape);
	tcase_add_test(tc, values_and_sections);
	tcase_add_test(tc, write_failure);
	tcase_add_test(tc, missing_templates);
	tcase_add_test(tc, languages);
	tcase_add_test(tc, broken_template);
	tcase_add_test(tc, init_errors);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr;
	int	 failed;

	if ((templates_dir = getenv("TEMPLATES_DIR")) == NULL ||
	    templates_dir[0] == '\0') {
		fprintf(stderr, "check_tpl: set TEMPLATES_DIR to the "
		    "templates directory\n");
		return 99;
	}
	sr = srunner_create(tpl_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
