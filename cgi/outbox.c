/*
 * outbox.c — queue notifications in the transaction of the change.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "config.h"
#include "log.h"
#include "outbox.h"
#include "store.h"
#include "tpl.h"
#include "util.h"
#include "workday.h"

#define QP_LINE_MAX 76	/* RFC 2045 6.7 (5), soft break's "=" included */

/* Does a line end at p (end of text, LF or CRLF)? */
static int
line_end(const char *p)
{
	return *p == '\0' || *p == '\n' || (p[0] == '\r' && p[1] == '\n');
}

int
mail_qp_encode(struct buf *out, const char *text)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const char		*p = text;
	char			 tok[3];
	size_t			 col = 0, n;
	unsigned char		 c;
	int			 rc = 0;

	while (*p != '\0') {
		if (*p == '\n' || (p[0] == '\r' && p[1] == '\n')) {
			rc |= buf_append(out, "\r\n", 2);
			col = 0;
			p += *p == '\r' ? 2 : 1;
			continue;
		}
		c = (unsigned char)*p;
		/* A space or tab ending a line would be lost to a relay that
		 * strips trailing white space: encoded there only. */
		if ((c >= 33 && c <= 126 && c != '=') ||
		    ((c == ' ' || c == '\t') && !line_end(p + 1))) {
			tok[0] = (char)c;
			n = 1;
		} else {
			tok[0] = '=';
			tok[1] = hex[c >> 4];
			tok[2] = hex[c & 0xf];
			n = 3;
		}
		/* The last token of a line may use the column a soft break
		 * would take; any other leaves room for the "=". */
		if (col + n > QP_LINE_MAX - 1 &&
		    !(line_end(p + 1) && col + n <= QP_LINE_MAX)) {
			rc |= buf_append(out, "=\r\n", 3);
			col = 0;
		}
		rc |= buf_append(out, tok, n);
		col += n;
		p++;
	}
	if (col > 0)
		rc |= buf_append(out, "\r\n", 2);
	return rc < 0 ? -1 : 0;
}

/* RFC 2047 B words of at most 45 bytes each (60 characters of base64,
 * 75 with the word's frame, as 2.2 allows), never splitting a UTF-8
 * sequence. */
int
mail_header_encode(struct buf *b, const char *v)
{
	const unsigned char	*p;
	char			 enc[128];
	size_t			 len = strlen(v), chunk, i;
	int			 rc = 0;

	for (p = (const unsigned char *)v; *p && *p < 0x80; p++)
		;
	if (*p == '\0')
		return buf_puts(b, v) < 0 ? -1 : 0;
	for (i = 0; i < len; i += chunk) {
		chunk = len - i > 45 ? 45 : len - i;
		while (chunk > 0 && i + chunk < len &&
		    ((unsigned char)v[i + chunk] & 0xc0) == 0x80)
			chunk--;
		/* A run of more than 45 continuation bytes is no UTF-8: cut
		 * it anywhere rather than loop for ever (chunk 0; found by
		 * fuzz_mail_encode). */
		if (chunk == 0)
			chunk = len - i > 45 ? 45 : len - i;
		sodium_bin2base64(enc, sizeof(enc), (const unsigned char *)v + i, chunk,
		    sodium_base64_VARIANT_ORIGINAL);
		rc |= buf_printf(b, "%s=?UTF-8?B?%s?=", i ? "\r\n " : "", enc);
	}
	return rc < 0 ? -1 : 0;
}

static int
buf_write(void *ctx, const char *s, size_t n)
{
	return buf_append(ctx, s, n);
}

/* Expand mail/EVENT.PART.tpl with d into out.  0 or -1. */
static int
render(const char *event, const char *part, const struct tpl_dict *d,
    struct buf *out)
{
	char file[128];

	snprintf(file, sizeof(file), "mail/%s.%s.tpl", event, part);
	if (tpl_expand(file, d, buf_write, out) < 0 || out->len == 0) {
		log_err("%s: mail template missing or broken", file);
		return -1;
	}
	return 0;
}

int
outbox_render(struct mail *m, const char *event, const char *recipient,
    struct tpl_dict *d)
{
	size_t i;

	memset(m, 0, sizeof(*m));
	m->event = event;
	if (!mail_address_valid(recipient)) {
		/* Stored before addresses were checked, or set by hand: the
		 * message could not be delivered, and the change it tells of
		 * must not fail for it. */
		log_err("outbox: %s: recipient '%.80s' is not a valid address; "
		    "message not queued", event, recipient ? recipient : "");
		return 1;
	}
	tpl_set(d, "BASE_URL", config.base_url);
	if (render(event, "subject", d, &m->subject) < 0 ||
	    render(event, "body", d, &m->body) < 0)
		goto fail;
	/* The subject is one header line: trim it, and a control character
	 * inside (a line break typed in an address) becomes a space. */
	while (m->subject.len > 0 &&
	    isspace((unsigned char)m->subject.data[m->subject.len - 1]))
		m->subject.data[--m->subject.len] = '\0';
	for (i = 0; i < m->subject.len; i++)
		if ((unsigned char)m->subject.data[i] < 0x20 ||
		    m->subject.data[i] == 0x7f)
			m->subject.data[i] = ' ';
	if ((m->recipient = strdup(recipient)) == NULL)
		goto fail;
	return 0;
fail:
	outbox_mail_free(m);
	return -1;
}

void
outbox_mail_free(struct mail *m)
{
	buf_free(&m->subject);
	buf_free(&m->body);
	free(m->recipient);
	memset(m, 0, sizeof(*m));
}

int
outbox_add(struct store *st, const struct mail *m, const char *object_id)
{
	char now[32];

	if (m->recipient == NULL)
		return 0;	/* outbox_render() queued nothing */
	now_iso(now);
	/* Due at once on the clock the mailer reads (mailer.c). */
	return store_exec(st, ST_OUTBOX_ADD, "sssssIs", m->event, object_id,
	    m->recipient, m->subject.data, m->body.data, (long long)calendar_now(),
	    now) == 1 ? 0 : -1;
}

int
outbox_queue(struct store *st, const char *event, const char *object_id,
    const char *recipient, struct tpl_dict *d)
{
	struct mail	m;
	int		rc;

	if ((rc = outbox_render(&m, event, recipient, d)) != 0)
		return rc < 0 ? -1 : 0;
	rc = outbox_add(st, &m, object_id);
	outbox_mail_free(&m);
	return rc;
}

int
outbox_queue_operator(struct store *st, const char *event, const char *object_id,
    struct tpl_dict *d)
{
	return outbox_queue(st, event, object_id, config.mail_operator, d);
}

int
outbox_queue_user(struct store *st, const char *event, const char *object_id,
    const char *user_id, struct tpl_dict *d)
{
	struct rows	*s;
	char		 email[MAIL_ADDRESS_MAX + 1];
	int		 rc;

	if ((s = store_query(st, ST_USER_EMAIL, "s", user_id)) == NULL)
		return -1;
	rc = store_row(s);
	if (rc == 1)
		snprintf(email, sizeof(email), "%s", store_text(s, RECIPIENT_EMAIL));
	store_done(s);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return 0;	/* disabled or removed user: nobody to tell */
	return outbox_queue(st, event, object_id, email, d);
}
