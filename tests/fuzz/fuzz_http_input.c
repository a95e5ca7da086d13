/*
 * fuzz_http_input — what http.c decodes from outside: the query string,
 * the Cookie header and an application/x-www-form-urlencoded body.  The
 * input is three parts separated by newlines (query, cookies, form;
 * missing parts are empty); the request is decoded as a worker decodes
 * it (req_init, req_read_form), every lookup a handler makes is made,
 * and a redirect to the `next` parameter is written (which must never
 * leave the site).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "util.h"
#include "world.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

struct mem {
	const char	*in;
	size_t		 len, off;
	struct buf	 out;
};

static int
mem_read(void *ctx, char *buf, size_t n)
{
	struct mem *m = ctx;

	if (n > m->len - m->off)
		n = m->len - m->off;
	memcpy(buf, m->in + m->off, n);
	m->off += n;
	return (int)n;
}

static int
mem_write(void *ctx, const char *buf, size_t n)
{
	return buf_append(&((struct mem *)ctx)->out, buf, n);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	world_init();
	return 0;
}

/* The part of [*p, end) up to the next newline, as a new "NAME=part"
 * (NUL bytes end it early, as they would in the environment). */
static char *
part(const char *name, const char **p, const char *end)
{
	const char	*nl = memchr(*p, '\n', (size_t)(end - *p));
	size_t		 len = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
	char		*s;

	if (asprintf(&s, "%s=%.*s", name, (int)len, *p) < 0)
		abort();
	*p = nl ? nl + 1 : end;
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = { "next", "offset", "limit", "sort",
	    "fields", "status", "id", "csrf", "email", "q", "" };
	const char	*p = (const char *)data, *end = p + size, *loc;
	char		*query = part("QUERY_STRING", &p, end);
	char		*cookie = part("HTTP_COOKIE", &p, end);
	char		 e_len[64];
	const char	*env[] = { "REQUEST_METHOD=POST", "PATH_INFO=/login",
			    "CONTENT_TYPE=application/x-www-form-urlencoded",
			    query, cookie, e_len, NULL };
	struct mem	 m = { p, (size_t)(end - p), 0, { 0 } };
	struct io	 io = { mem_read, mem_write, &m, (char **)env };
	struct req	 r;
	const char	*list;
	long long	 n;
	size_t		 i;
	int		 rc;

	snprintf(e_len, sizeof(e_len), "CONTENT_LENGTH=%zu", m.len);
	rc = req_init(&r, &io, NULL);
	if (rc < 0)
		abort();
	if (rc == 0) {
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			(void)req_query(&r, keys[i]);
			(void)req_cookie(&r, keys[i]);
			(void)req_query_list(&r, keys[i], QUERY_LIST_MAX, &list);
			(void)req_query_int(&r, keys[i], 0, 0, 250, &n);
		}
		(void)req_cookie(&r, "reqdesk_session");
		(void)req_cookie(&r, "__Host-reqdesk_session");
		rc = req_read_form(&r);
		if (rc < 0)
			abort();
		for (i = 0; rc == 0 && i < sizeof(keys) / sizeof(keys[0]); i++)
			(void)req_form(&r, keys[i]);
		loc = req_query(&r, "next");
		if (resp_redirect(&r, loc != NULL ? loc : "/") < 0)
			abort();
		/* The Location header names a path of this site, one line. */
		loc = strstr(m.out.data, "\r\nLocation: ");
		if (loc == NULL || loc[12] != '/' || loc[13] == '/' || loc[13] == '\\')
			abort();
	}
	req_free(&r);
	buf_free(&m.out);
	free(query);
	free(cookie);
	return 0;
}
