/*
 * check_outbox.c — unit tests of the outbox: address validation, header
 * injection refused, messages queued only inside the caller's transaction,
 * the quoted-printable body encoder.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <check.h>
#include <sodium.h>
#include <sqlite3.h>

#include "config.h"
#include "outbox.h"
#include "store.h"
#include "tpl.h"

static char dir[64], db[128];

static void
write_file(const char *name, const char *text)
{
	char	 path[256];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void
setup(void)
{
	char path[128];

	ck_assert_int_eq(sodium_init() >= 0, 1);
	ck_assert_int_eq(config_load(NULL), 0);
	snprintf(dir, sizeof(dir), "check_outbox.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/mail", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	write_file("mail/ev.subject.tpl", "About {{WHAT}}\n");
	write_file("mail/ev.body.tpl", "Hello,\n\n{{WHAT}} at {{BASE_URL}}\n");
	snprintf(path, sizeof(path), "%s/mail/operator", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	write_file("mail/pe.subject.tpl", "To {{WHO}}: {{WHAT}}\n");
	write_file("mail/pe.body.tpl", "{{WHAT}}\n{{#L}}> {{LINE}}\n{{/L}}"
	    "{{#UNSUBSCRIBE}}stop: {{UNSUBSCRIBE_URL}}\n{{/UNSUBSCRIBE}}");
	write_file("mail/pe.html.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "<p>{{WHAT}}</p>{{#L}}{{LINE}}<br>{{/L}}"
	    "{{#UNSUBSCRIBE}}<a href=\"{{UNSUBSCRIBE_URL}}\">stop</a>{{/UNSUBSCRIBE}}\n");
	write_file("mail/operator/pe.subject.tpl", "Operator: {{WHAT}}\n");
	write_file("mail/operator/pe.body.tpl", "For the operator\n");
	ck_assert_int_eq(tpl_init(dir), 0);
	snprintf(db, sizeof(db), "%s/t.db", dir);
}

static void
teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	config_free();
}

START_TEST(test_addresses)
{
	ck_assert_int_eq(mail_address_valid("owner@acme.test"), 1);
	ck_assert_int_eq(mail_address_valid("operator@localhost"), 1);
	ck_assert_int_eq(mail_address_valid("a@b@c.test"), 0);
	ck_assert_int_eq(mail_address_valid("@acme.test"), 0);
	ck_assert_int_eq(mail_address_valid("owner@"), 0);
	ck_assert_int_eq(mail_address_valid("owner@acme.test\r\nBcc: x@y.test"), 0);
	ck_assert_int_eq(mail_address_valid("a@b.test, c@d.test"), 0);
	ck_assert_int_eq(mail_address_valid("Name <a@b.test>"), 0);
	ck_assert_int_eq(mail_address_valid(""), 0);
	ck_assert_int_eq(mail_address_valid(NULL), 0);
}
END_TEST

/* Rows in the outbox, on a separate connection. */
static long long
rows(void)
{
	struct store	*st = store_open(db, 0);
	struct rows	*s;
	long long	 n;

	s = store_query(st, ST_OUTBOX_COUNTS, NULL);
	for (n = 0; store_row(s) == 1; )
		n += store_int(s, OUTBOX_COUNT_N);
	store_done(s);
	store_close(st);
	return n;
}

/* The subject queued about object `id` (static copy). */
static const char *
subject_of(const char *id)
{
	static char	 out[256];
	sqlite3		*h;
	sqlite3_stmt	*s;

	out[0] = '\0';
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT subject FROM outbox"
	    " WHERE object_id = ?", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		snprintf(out, sizeof(out), "%s", sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(h);
	return out;
}

START_TEST(test_queue)
{
	struct store	*st = store_open(db, 1);
	struct tpl_dict	*d = tpl_dict_new("m");

	ck_assert_int_eq(store_migrate(st), 0);
	tpl_set(d, "WHAT", "request 1");
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(outbox_queue(st, "ev", "1", "owner@acme.test", d), 0);
	/* a missing template is refused */
	ck_assert_int_eq(outbox_queue(st, "nope", "1", "owner@acme.test", d), -1);
	/* nothing is visible before the change commits ... */
	ck_assert_int_eq(rows(), 0);
	ck_assert_int_eq(store_rollback(st), 0);
	/* ... and a rolled-back change leaves nothing */
	ck_assert_int_eq(rows(), 0);
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(outbox_queue(st, "ev", "1", "owner@acme.test", d), 0);
	/* an invalid recipient is skipped, without failing the change */
	ck_assert_int_eq(outbox_queue(st, "ev", "1", "not an address", d), 0);
	ck_assert_int_eq(outbox_queue(st, "ev", "1", "a@b.test\r\nBcc: c@d.test", d), 0);
	/* a line break in a subject's value becomes a space: no header
	 * can be added */
	tpl_set(d, "WHAT", "x\r\nBcc: victim@example.test");
	ck_assert_int_eq(outbox_queue(st, "ev", "2", "owner@acme.test", d), 0);
	ck_assert_int_eq(store_commit(st), 0);
	ck_assert_int_eq(rows(), 2);
	ck_assert_str_eq(subject_of("2"), "About x  Bcc: victim@example.test");
	tpl_dict_free(d);
	store_close(st);
}
END_TEST

/* Encode `in` as quoted-printable; a static copy. */
static const char *
qp(const char *in)
{
	static char	 out[16384];
	struct buf	 b = { 0 };

	ck_assert_int_eq(mail_qp_encode(&b, in), 0);
	snprintf(out, sizeof(out), "%s", b.len ? b.data : "");
	buf_free(&b);
	return out;
}

/* A quoted-printable decoder, as a mail reader has: the text back with
 * LF line ends, every encoded line checked for its length and for
 * nothing but printable ASCII and tabs. */
static char *
unqp(const char *in)
{
	char		*out = calloc(1, strlen(in) + 1), *o = out;
	const char	*line = in, *eol;
	unsigned	 x;

	ck_assert_ptr_nonnull(out);
	while (*line != '\0') {
		eol = strstr(line, "\r\n");
		ck_assert_msg(eol != NULL, "a line without CRLF: %s", line);
		ck_assert_msg(eol - line <= 76, "a line of %d characters",
		    (int)(eol - line));
		ck_assert_msg(eol == line || (eol[-1] != ' ' && eol[-1] != '\t'),
		    "white space ends a line");
		for (; line < eol; line++) {
			ck_assert_msg((*line >= 32 && *line <= 126) ||
			    *line == '\t', "byte %02x",
			    (unsigned char)*line);
			if (*line != '=') {
				*o++ = *line;
				continue;
			}
			if (line + 1 == eol)
				break;	/* soft line break */
			ck_assert_int_eq(sscanf(line + 1, "%2X", &x), 1);
			ck_assert_msg(isupper((unsigned char)line[1]) ||
			    isdigit((unsigned char)line[1]), "lower-case hex");
			*o++ = (char)x;
			line += 2;
		}
		if (line == eol)
			*o++ = '\n';
		line = eol + 2;
	}
	return out;
}

START_TEST(test_qp)
{
	char		 big[5000], *back;
	size_t		 i;
	const char	*cases[] = {
		"", "x", "Hello,\n\nline two\n", "a=b\n", "trailing space \n",
		"trailing tab\t", "caf\xc3\xa9 \xe2\x82\xac\n", "lone\rCR\n",
		"CR\r\nLF\n", "two\n\n\nblank lines\n", ". a dot\n", "\x01\x7f\n",
		"ends in CR\r",
	};

	/* plain ASCII stays readable, with CRLF line ends */
	ck_assert_str_eq(qp("Hello,\n\nline two\n"), "Hello,\r\n\r\nline two\r\n");
	ck_assert_str_eq(qp("CRLF\r\nalready\r\n"), "CRLF\r\nalready\r\n");
	ck_assert_str_eq(qp("no newline"), "no newline\r\n");
	ck_assert_str_eq(qp(""), "");
	/* "=", non-ASCII, control bytes, a lone CR */
	ck_assert_str_eq(qp("a=b"), "a=3Db\r\n");
	ck_assert_str_eq(qp("caf\xc3\xa9"), "caf=C3=A9\r\n");
	ck_assert_str_eq(qp("a\rb\n"), "a=0Db\r\n");
	ck_assert_str_eq(qp("tab\there"), "tab\there\r\n");
	/* white space ending a line, not inside one */
	ck_assert_str_eq(qp("x \ny\t\n"), "x=20\r\ny=09\r\n");
	ck_assert_str_eq(qp("end "), "end=20\r\n");
	/* 76 characters fit on a line; 77 take a soft break after 75 */
	memset(big, 'a', 77);
	big[76] = '\0';
	ck_assert_str_eq(qp(big), strcat(strcpy(big + 100, big), "\r\n"));
	memset(big, 'a', 77);
	big[77] = '\0';
	ck_assert_int_eq(strncmp(qp(big), big, 75), 0);
	ck_assert_str_eq(qp(big) + 75, "=\r\naa\r\n");
	/* an =XX is never split by a soft break */
	memset(big, 'a', 74);
	strcpy(big + 74, "\xc3\xa9");
	ck_assert_str_eq(qp(big) + 74, "=\r\n=C3=A9\r\n");
	/* a trailing space encoded at the 76th column stays on its line */
	memset(big, 'a', 73);
	strcpy(big + 73, " ");
	ck_assert_str_eq(qp(big) + 73, "=20\r\n");
	/* lossless, and every line short, whatever the text */
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		back = unqp(qp(cases[i]));
		if (strstr(cases[i], "\r\n") != NULL)
			ck_assert_str_eq(back, "CR\nLF\n");
		else if (cases[i][0] != '\0' &&
		    cases[i][strlen(cases[i]) - 1] != '\n') {
			ck_assert_int_eq(strncmp(back, cases[i], strlen(cases[i])), 0);
			ck_assert_str_eq(back + strlen(cases[i]), "\n");
		} else
			ck_assert_str_eq(back, cases[i]);
		free(back);
	}
	/* a 4096-character comment on one line, with every kind of byte */
	for (i = 0; i < 4096; i++)
		big[i] = "ab =\t\xc3\xa9 .x"[i % 10];
	big[4096] = '\n';
	big[4097] = '\0';
	back = unqp(qp(big));
	ck_assert_str_eq(back, big);
	free(back);
	for (i = 0; i < 4096; i++)
		big[i] = (char)(1 + i % 255);	/* every byte but NUL */
	big[4096] = '\0';
	back = unqp(qp(big));
	ck_assert_int_eq(strncmp(back, big, 4096), 0);
	free(back);
}
END_TEST

/* The values of mail "pe": a value to escape and lines. */
static int
fill_pe(void *ctx, struct tpl_dict *d, const struct recipient *rc)
{
	tpl_set(d, "WHAT", ctx);
	tpl_set(d, "WHO", rc->email);
	mail_set_lines(d, "L", "one\r\ntwo <b>\n\nfour");
	return 0;
}

/* Column `col` of the outbox row `n` (1-based, in id order), a static
 * copy; "(null)" for NULL. */
static const char *
outbox_col(int n, const char *col)
{
	static char	 out[4096];
	char		 sql[128];
	sqlite3		*h;
	sqlite3_stmt	*s;

	snprintf(out, sizeof(out), "(none)");
	snprintf(sql, sizeof(sql), "SELECT %s FROM outbox ORDER BY id LIMIT 1 OFFSET %d",
	    col, n - 1);
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		snprintf(out, sizeof(out), "%s", sqlite3_column_type(s, 0) == SQLITE_NULL ?
		    "(null)" : (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(h);
	return out;
}

START_TEST(test_people)
{
	struct store		*st = store_open(db, 1);
	struct recipients	 l = { 0 };
	struct recipient	 rc;
	char			 token[MAIL_TOKEN_LEN + 1], object[65];
	char			 email[MAIL_ADDRESS_MAX + 1], prefix[256];
	char			 url[512];
	int			 stopped;

	ck_assert_int_eq(store_migrate(st), 0);
	/* one address once, whatever its case */
	memset(&rc, 0, sizeof(rc));
	rc.lang = "en";
	snprintf(rc.email, sizeof(rc.email), "Jo@Example.test");
	ck_assert_int_eq(recipients_add(&l, &rc), 0);
	snprintf(rc.email, sizeof(rc.email), "jo@example.test");
	ck_assert_int_eq(recipients_add(&l, &rc), 0);
	ck_assert_int_eq((int)l.n, 1);
	outbox_recipient_operator(&rc);
	ck_assert_int_eq(rc.operator, 1);
	ck_assert_str_eq(rc.lang, "en");
	ck_assert_int_eq(recipients_add(&l, &rc), 0);
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(outbox_send(st, "pe", "R1", &l, fill_pe, "a <i>&"), 0);
	ck_assert_int_eq(store_commit(st), 0);
	/* the person's: escaped HTML, lines kept, an unsubscribe link */
	ck_assert_str_eq(outbox_col(1, "subject"), "To Jo@Example.test: a <i>&");
	snprintf(url, sizeof(url), "%s", outbox_col(1, "unsubscribe"));
	snprintf(prefix, sizeof(prefix), "%s/unsubscribe/", config.base_url);
	ck_assert_int_eq(strncmp(url, prefix, strlen(prefix)), 0);
	snprintf(token, sizeof(token), "%s", url + strlen(prefix));
	ck_assert_int_eq((int)strlen(token), MAIL_TOKEN_LEN);
	ck_assert_ptr_nonnull(strstr(outbox_col(1, "body"), "> one\n> two <b>\n> \n> four\nstop: "));
	ck_assert_ptr_nonnull(strstr(outbox_col(1, "html"),
	    "<p>a &lt;i&gt;&amp;</p>one<br>two &lt;b&gt;<br><br>four<br>"));
	ck_assert_ptr_nonnull(strstr(outbox_col(1, "html"), token));
	/* the operator's: its own template, no link, no HTML part */
	ck_assert_str_eq(outbox_col(2, "subject"), "Operator: a <i>&");
	ck_assert_str_eq(outbox_col(2, "unsubscribe"), "(null)");
	ck_assert_str_eq(outbox_col(2, "html"), "(null)");
	/* the same address gets the same token for the same request */
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(outbox_send(st, "pe", "R1", &l, fill_pe, "again"), 0);
	ck_assert_int_eq(store_commit(st), 0);
	ck_assert_str_eq(outbox_col(3, "unsubscribe"), url);
	/* the token names its request and address; once used, that
	 * address gets no more mail about that request, only */
	ck_assert_int_eq(outbox_token_find(st, token, object, email, &stopped), 1);
	ck_assert_str_eq(object, "R1");
	ck_assert_str_eq(email, "Jo@Example.test");
	ck_assert_int_eq(stopped, 0);
	ck_assert_int_eq(outbox_token_stop(st, token), 1);
	ck_assert_int_eq(outbox_token_stop(st, token), 0);
	ck_assert_int_eq(outbox_token_find(st, token, object, email, &stopped), 1);
	ck_assert_int_eq(stopped, 1);
	ck_assert_int_eq(outbox_token_find(st, "0123", object, email, &stopped), 0);
	ck_assert_int_eq(rows(), 4);
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(outbox_send(st, "pe", "R1", &l, fill_pe, "third"), 0);
	ck_assert_int_eq(outbox_send(st, "pe", "R2", &l, fill_pe, "other"), 0);
	ck_assert_int_eq(store_commit(st), 0);
	ck_assert_int_eq(rows(), 7);	/* the operator's about R1, both about R2 */
	ck_assert_str_eq(outbox_col(5, "subject"), "Operator: third");
	ck_assert_str_eq(outbox_col(6, "subject"), "To Jo@Example.test: other");
	recipients_free(&l);
	store_close(st);
}
END_TEST

/* The message the mailer sends: headers, the alternative, no header
 * value with a line break. */
START_TEST(test_compose)
{
	struct mail_parts	 p = { "desk <d@x.test>", "jo@x.test", "Caf\xc3\xa9 ok",
				     "Mon, 1 Dec 2026 10:00:00 +0000", "<outbox-7@h>", 7,
				     "line =1\n", "<p>=</p>\n", "http://x.test/unsubscribe/ab" };
	struct buf		 b = { 0 };
	const char		*bnd;
	char			 boundary[80];

	ck_assert_int_eq(mail_compose(&b, &p), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "Subject: =?UTF-8?B?"));
	ck_assert_ptr_nonnull(strstr(b.data, "\r\nList-Unsubscribe: <http://x.test/unsubscribe/ab>\r\n"
	    "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
	ck_assert_ptr_nonnull(bnd = strstr(b.data, "multipart/alternative; boundary=\""));
	bnd += strlen("multipart/alternative; boundary=\"");
	snprintf(boundary, sizeof(boundary), "%.*s", (int)(strchr(bnd, '"') - bnd), bnd);
	ck_assert_int_eq(strncmp(boundary, "=_reqdesk_7_", 12), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\nline =3D1\r\n--"));
	ck_assert_ptr_nonnull(strstr(b.data, "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n<p>=3D</p>\r\n--"));
	ck_assert_int_eq((int)(b.len - (strstr(b.data, "<p>=3D</p>\r\n--") -
	    b.data)), (int)(strlen("<p>=3D</p>\r\n--") + strlen(boundary) + 4));
	buf_free(&b);
	/* plain text alone without an HTML part */
	p.html = NULL;
	p.unsubscribe = NULL;
	ck_assert_int_eq(mail_compose(&b, &p), 0);
	ck_assert_ptr_null(strstr(b.data, "multipart"));
	ck_assert_ptr_null(strstr(b.data, "List-Unsubscribe"));
	ck_assert_ptr_nonnull(strstr(b.data, "MIME-Version: 1.0\r\nContent-Type: text/plain;"));
	buf_free(&b);
	/* a line break in any header value: no message */
	p.subject = "x\r\nBcc: victim@x.test";
	ck_assert_int_eq(mail_compose(&b, &p), -1);
	buf_free(&b);
	p.subject = "ok";
	p.to = "jo@x.test\nBcc: victim@x.test";
	ck_assert_int_eq(mail_compose(&b, &p), -1);
	buf_free(&b);
	p.to = "jo@x.test";
	p.unsubscribe = "http://x.test/\r\nBcc: v@x.test";
	ck_assert_int_eq(mail_compose(&b, &p), -1);
	buf_free(&b);
}
END_TEST

/* A subject as a header value: ASCII as it is, else encoded words of at
 * most 75 characters that decode back to it.  The run of continuation
 * bytes (no UTF-8) looped for ever before (found by fuzz_mail_encode;
 * tests/fuzz/regressions/). */
START_TEST(test_header_encode)
{
	struct buf	 b = { 0 };
	char		 bad[120];
	const char	*w;

	ck_assert_int_eq(mail_header_encode(&b, "Request 42 is NEW"), 0);
	ck_assert_str_eq(b.data, "Request 42 is NEW");
	buf_free(&b);
	ck_assert_int_eq(mail_header_encode(&b, "Demande n\xc2\xb0 42"), 0);
	ck_assert_str_eq(b.data, "=?UTF-8?B?RGVtYW5kZSBuwrAgNDI=?=");
	buf_free(&b);
	memset(bad, 0xbd, sizeof(bad) - 1);
	bad[0] = 'x';
	bad[sizeof(bad) - 1] = '\0';
	ck_assert_int_eq(mail_header_encode(&b, bad), 0);
	for (w = b.data; (w = strstr(w, "=?UTF-8?B?")) != NULL; w += 2)
		ck_assert_int_le(strstr(w, "?=") + 2 - w, 75);
	buf_free(&b);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("outbox");
	TCase	*tc = tcase_create("core");
	SRunner	*sr;
	int	 failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_addresses);
	tcase_add_test(tc, test_queue);
	tcase_add_test(tc, test_qp);
	tcase_add_test(tc, test_people);
	tcase_add_test(tc, test_compose);
	tcase_add_test(tc, test_header_encode);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
