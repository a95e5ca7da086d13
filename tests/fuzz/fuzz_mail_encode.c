/*
 * fuzz_mail_encode — the mail encoder of outbox.c: a body as
 * quoted-printable (mail_qp_encode) and a subject as a header value
 * (mail_header_encode), with what SMTP and RFC 2045 / 2047 ask checked on
 * the result: only printable ASCII, CRLF line ends, no line over 76
 * characters, the text decoded back equal to the input (line ends as
 * CRLF); a header folded only with CRLF SP, each encoded word at most 75
 * characters, decoded back equal too.  Any difference aborts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "outbox.h"
#include "util.h"
#include "world.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (sodium_init() < 0)
		abort();
	return 0;
}

static int
hexv(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The body as the encoder must see it: LF line ends made CRLF. */
static void
crlf_text(const char *text, struct buf *out)
{
	const char *p;

	for (p = text; *p != '\0'; p++) {
		if (*p == '\n' && (p == text || p[-1] != '\r'))
			buf_append(out, "\r", 1);
		else if (p[0] == '\r' && p[1] == '\n') {
			buf_append(out, "\r\n", 2);
			p++;
			continue;
		}
		buf_append(out, p, 1);
	}
	if (out->len > 0 && (out->len < 2 || memcmp(out->data + out->len - 2, "\r\n", 2) != 0))
		buf_append(out, "\r\n", 2);
}

static void
check_qp(const char *text)
{
	struct buf	 qp = { 0 }, back = { 0 }, want = { 0 };
	const char	*p, *line;
	char		 c;
	int		 hi, lo;

	if (mail_qp_encode(&qp, text) < 0)
		abort();
	for (line = p = qp.data ? qp.data : ""; *p != '\0'; p++) {
		if ((unsigned char)*p > 126 || ((unsigned char)*p < 32 && *p != '\r' && *p != '\n' && *p != '\t'))
			abort();			/* not printable ASCII (TAB is: rule 3) */
		if (*p == '\n' && (p == qp.data || p[-1] != '\r'))
			abort();			/* a bare LF */
		if (*p == '\r' && p[1] != '\n')
			abort();			/* a bare CR */
		if (*p == '\r') {
			if (p - line > 76)
				abort();		/* a line too long */
			if (p > line && (p[-1] == ' ' || p[-1] == '\t'))
				abort();		/* white space ending a line */
			line = p + 2;
		}
	}
	if (*line != '\0')
		abort();				/* no CRLF at the end */
	/* Decode: =XX, soft breaks "=" CRLF, CRLF kept. */
	for (p = qp.data ? qp.data : ""; *p != '\0'; p++) {
		if (*p != '=') {
			buf_append(&back, p, 1);
			continue;
		}
		if (p[1] == '\r' && p[2] == '\n') {
			p += 2;
			continue;
		}
		if ((hi = hexv(p[1])) < 0 || (lo = hexv(p[2])) < 0)
			abort();			/* a broken escape */
		c = (char)(hi * 16 + lo);
		buf_append(&back, &c, 1);
		p += 2;
	}
	crlf_text(text, &want);
	if (back.len != want.len || (back.len > 0 && memcmp(back.data, want.data, back.len) != 0))
		abort();				/* not lossless */
	buf_free(&qp);
	buf_free(&back);
	buf_free(&want);
}

static void
check_header(const char *text)
{
	struct buf	 h = { 0 }, back = { 0 };
	const char	*p, *w, *q;
	unsigned char	 bin[256];
	size_t		 binlen;
	int		 ascii = 1;

	for (p = text; *p != '\0'; p++)
		if ((unsigned char)*p >= 0x80)
			ascii = 0;
	if (mail_header_encode(&h, text) < 0)
		abort();
	if (ascii) {
		if (strcmp(h.data ? h.data : "", text) != 0)
			abort();
		buf_free(&h);
		return;
	}
	/* Words "=?UTF-8?B?...?=" separated by CRLF SP. */
	for (p = h.data; *p != '\0'; p = q + 2) {
		if (p != h.data) {
			if (strncmp(p, "\r\n ", 3) != 0)
				abort();
			p += 3;
		}
		if (strncmp(p, "=?UTF-8?B?", 10) != 0)
			abort();
		w = p + 10;
		if ((q = strstr(w, "?=")) == NULL || q - p + 2 > 75)
			abort();			/* no end, or a word too long */
		if (sodium_base642bin(bin, sizeof(bin), w, (size_t)(q - w), NULL, &binlen,
		    NULL, sodium_base64_VARIANT_ORIGINAL) != 0)
			abort();
		buf_append(&back, (const char *)bin, binlen);
	}
	if (back.len != strlen(text) || memcmp(back.data, text, back.len) != 0)
		abort();				/* not lossless */
	buf_free(&h);
	buf_free(&back);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	if (text == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';	/* text stops at the first NUL, as the outbox's */
	check_qp(text);
	check_header(text);
	free(text);
	return 0;
}
