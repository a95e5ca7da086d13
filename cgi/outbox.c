/*
 * outbox.c — queue notifications in the transaction of the change, each
 * written for its recipient; the unsubscribe tokens; the MIME message
 * the mailer sends.  See outbox.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include <sodium.h>

#include "config.h"
#include "i18n.h"
#include "l10n.h"
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

/* Expand mail/[operator/]EVENT.PART.tpl with d into out.  0, 1 when the
 * part is optional (html) and has no template, or -1. */
static int
render(const char *event, const char *part, int operator,
    const struct tpl_dict *d, struct buf *out)
{
	char file[160];

	snprintf(file, sizeof(file), "mail/%s%s.%s.tpl", operator ? "operator/" : "",
	    event, part);
	if (strcmp(part, "html") == 0 && !tpl_has(file))
		return 1;
	if (tpl_expand(file, d, buf_write, out) < 0 || out->len == 0) {
		log_err("%s: mail template missing or broken", file);
		return -1;
	}
	return 0;
}

/* The subject is one header line: trim it, and a control character
 * inside (a line break typed in an address) becomes a space. */
static void
subject_line(struct buf *b)
{
	size_t i;

	while (b->len > 0 && isspace((unsigned char)b->data[b->len - 1]))
		b->data[--b->len] = '\0';
	for (i = 0; i < b->len; i++)
		if ((unsigned char)b->data[i] < 0x20 || b->data[i] == 0x7f)
			b->data[i] = ' ';
}

/* Has `email` stopped the mail about `object_id`?  *token receives its
 * token when it has one.  1, 0, or -1. */
static int
subscription(struct store *st, const char *object_id, const char *email,
    char token[MAIL_TOKEN_LEN + 1])
{
	struct rows	*s;
	int		 rc, stopped = 0;

	token[0] = '\0';
	if ((s = store_query(st, ST_SUB_GET, "ss", object_id, email)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		snprintf(token, MAIL_TOKEN_LEN + 1, "%s", store_text(s, SUB_TOKEN));
		stopped = store_text(s, SUB_STOPPED) != NULL;
	}
	store_done(s);
	return rc < 0 ? -1 : stopped;
}

/* Render the three parts of `m` (recipient, token and URL set) from d.
 * 0 or -1. */
static int
render_parts(struct mail *m, int operator, struct tpl_dict *d)
{
	tpl_set(d, "BASE_URL", config.base_url);
	if (m->unsubscribe != NULL) {
		tpl_show(d, "UNSUBSCRIBE");
		tpl_set(d, "UNSUBSCRIBE_URL", m->unsubscribe);
	}
	if (render(m->event, "subject", operator, d, &m->subject) < 0 ||
	    render(m->event, "body", operator, d, &m->body) < 0 ||
	    render(m->event, "html", operator, d, &m->html) < 0)
		return -1;
	subject_line(&m->subject);
	return 0;
}

/* A valid recipient, else logged: 1 or 0. */
static int
recipient_ok(const char *event, const char *recipient)
{
	if (mail_address_valid(recipient))
		return 1;
	/* Stored before addresses were checked, or set by hand: the message
	 * could not be delivered, and the change it tells of must not fail
	 * for it. */
	log_err("outbox: %s: recipient '%.80s' is not a valid address; "
	    "message not queued", event, recipient ? recipient : "");
	return 0;
}

int
outbox_render_for(struct store *st, struct mail *m, const char *event,
    const char *object_id, const struct recipient *rc, mail_fill_fn fill,
    void *ctx)
{
	struct tpl_dict	*d = NULL;
	struct buf	 url = { 0 };
	int		 rv;

	memset(m, 0, sizeof(*m));
	m->event = event;
	if (!recipient_ok(event, rc->email))
		return 1;
	if (!rc->operator && object_id != NULL) {
		/* the address's token for this request, or a new one */
		if ((rv = subscription(st, object_id, rc->email, m->token)) != 0)
			return rv < 0 ? -1 : 1;	/* stopped: nothing to queue */
		if (m->token[0] == '\0' && random_hex(m->token, MAIL_TOKEN_LEN / 2) < 0)
			return -1;
		if (buf_printf(&url, "%s/unsubscribe/%s", config.base_url, m->token) < 0) {
			buf_free(&url);
			return -1;
		}
		m->unsubscribe = url.data;
	}
	if ((m->recipient = strdup(rc->email)) == NULL ||
	    (d = tpl_dict_new(event)) == NULL)
		goto fail;
	tpl_dict_lang(d, rc->lang);
	tpl_set(d, "LANG", rc->lang);
	if (fill(ctx, d, rc) < 0 || render_parts(m, rc->operator, d) < 0)
		goto fail;
	tpl_dict_free(d);
	return 0;
fail:
	tpl_dict_free(d);
	outbox_mail_free(m);
	return -1;
}

void
outbox_mail_free(struct mail *m)
{
	buf_free(&m->subject);
	buf_free(&m->body);
	buf_free(&m->html);
	free(m->recipient);
	free(m->unsubscribe);
	memset(m, 0, sizeof(*m));
}

int
outbox_add(struct store *st, const struct mail *m, const char *object_id)
{
	char now[32];

	if (m->recipient == NULL)
		return 0;	/* rendering queued nothing */
	now_iso(now);
	/* Due at once on the clock the mailer reads (mailer.c). */
	if (m->token[0] != '\0' && store_exec(st, ST_SUB_ADD, "ssss", object_id,
	    m->recipient, m->token, now) < 0)
		return -1;
	return store_exec(st, ST_OUTBOX_ADD, "sssssIsss", m->event, object_id,
	    m->recipient, m->subject.data, m->body.data, (long long)calendar_now(),
	    now, m->html.len > 0 ? m->html.data : NULL, m->unsubscribe) == 1 ? 0 : -1;
}

int
outbox_send(struct store *st, const char *event, const char *object_id,
    const struct recipients *l, mail_fill_fn fill, void *ctx)
{
	struct mail	m;
	size_t		i;
	int		rc;

	for (i = 0; i < l->n; i++) {
		if ((rc = outbox_render_for(st, &m, event, object_id, &l->v[i], fill,
		    ctx)) < 0)
			return -1;
		if (rc > 0)
			continue;
		rc = outbox_add(st, &m, object_id);
		outbox_mail_free(&m);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* ---- recipients ---- */

/* Language and zone of a user's row (or of the market alone). */
static void
reader_of(struct recipient *rc, const char *language, const char *tz,
    const char *market)
{
	rc->lang = lang_pick(language, NULL, market)->code;
	snprintf(rc->tz, sizeof(rc->tz), "%s", tz_pick(tz, market));
}

/* The recipient of a user row of `s`. */
static void
recipient_of_row(struct rows *s, struct recipient *rc)
{
	memset(rc, 0, sizeof(*rc));
	snprintf(rc->email, sizeof(rc->email), "%s", store_text(s, USER_EMAIL));
	reader_of(rc, store_text(s, USER_LANGUAGE), store_text(s, USER_TIMEZONE),
	    store_text(s, USER_MARKET));
}

int
outbox_recipient_user(struct store *st, const char *user_id, struct recipient *rc)
{
	struct rows	*s;
	int		 rc_;

	memset(rc, 0, sizeof(*rc));
	if (user_id == NULL)
		return 0;
	if ((s = store_query(st, ST_USER_BY_ID, "s", user_id)) == NULL)
		return -1;
	if ((rc_ = store_row(s)) == 1) {
		if (store_int(s, USER_DISABLED))
			rc_ = 0;	/* disabled or removed: nobody to tell */
		else
			recipient_of_row(s, rc);
	}
	store_done(s);
	return rc_;
}

int
outbox_recipient_address(struct store *st, const char *email, const char *market,
    struct recipient *rc)
{
	struct rows	*s;
	int		 found;

	memset(rc, 0, sizeof(*rc));
	if (!mail_address_valid(email))
		return 0;
	if ((s = store_query(st, ST_USER_BY_EMAIL, "s", email)) == NULL)
		return -1;
	if ((found = store_row(s)) == 1) {
		if (store_int(s, USER_DISABLED))
			found = -2;	/* a disabled user is told nothing */
		else
			recipient_of_row(s, rc);
	}
	store_done(s);
	if (found == -1)
		return -1;
	if (found == -2)
		return 0;
	if (found == 0) {
		snprintf(rc->email, sizeof(rc->email), "%s", email);
		reader_of(rc, NULL, NULL, market);
	}
	return 1;
}

void
outbox_recipient_operator(struct recipient *rc)
{
	memset(rc, 0, sizeof(*rc));
	snprintf(rc->email, sizeof(rc->email), "%s", config.mail_operator);
	rc->lang = lang_code(lang_find(config.mail_operator_lang));
	snprintf(rc->tz, sizeof(rc->tz), "%s", tz_pick(NULL, NULL));
	rc->operator = 1;
}

int
recipients_add(struct recipients *l, const struct recipient *rc)
{
	struct recipient	*nv;
	size_t			 i;

	for (i = 0; i < l->n; i++)
		if (strcasecmp(l->v[i].email, rc->email) == 0)
			return 0;
	if ((nv = array_room(l->v, l->n, &l->cap, sizeof(*nv), 4)) == NULL)
		return -1;
	l->v = nv;
	l->v[l->n++] = *rc;
	return 0;
}

void
recipients_free(struct recipients *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* ---- one message, the caller's dictionary ---- */

int
outbox_queue(struct store *st, const char *event, const char *object_id,
    const char *recipient, struct tpl_dict *d)
{
	struct mail	m;
	int		rc;

	memset(&m, 0, sizeof(m));
	m.event = event;
	if (!recipient_ok(event, recipient))
		return 0;
	if ((m.recipient = strdup(recipient)) == NULL ||
	    render_parts(&m, 0, d) < 0) {
		outbox_mail_free(&m);
		return -1;
	}
	rc = outbox_add(st, &m, object_id);
	outbox_mail_free(&m);
	return rc;
}

int
outbox_queue_operator(struct store *st, const char *event, const char *object_id,
    struct tpl_dict *d)
{
	struct recipient	rc;

	outbox_recipient_operator(&rc);
	tpl_dict_lang(d, rc.lang);
	return outbox_queue(st, event, object_id, rc.email, d);
}

int
outbox_queue_user(struct store *st, const char *event, const char *object_id,
    const char *user_id, struct tpl_dict *d)
{
	struct recipient	rc;
	int			found;

	if ((found = outbox_recipient_user(st, user_id, &rc)) <= 0)
		return found;	/* 0: nobody to tell */
	return outbox_queue(st, event, object_id, rc.email, d);
}

/* ---- helpers of fill functions ---- */

void
mail_set_lines(struct tpl_dict *d, const char *section, const char *text)
{
	struct tpl_dict	*row;
	const char	*p = text, *nl;
	size_t		 n;

	while (p != NULL && *p != '\0') {
		nl = strchr(p, '\n');
		n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if ((row = tpl_section_add(d, section)) == NULL)
			return;
		{
			char *line = strndup(p, n);

			tpl_set(row, "LINE", line != NULL ? line : "");
			free(line);
		}
		p = nl != NULL ? nl + 1 : NULL;
	}
}

void
mail_set_time(struct tpl_dict *d, const char *key, const struct recipient *rc,
    const char *iso)
{
	char out[L10N_MAX];

	l10n_datetime(rc->lang, rc->tz, iso != NULL ? iso : "", out, sizeof(out));
	tpl_set(d, key, out);
}

void
mail_set_day(struct tpl_dict *d, const char *key, const struct recipient *rc,
    const char *day)
{
	char out[L10N_MAX];

	l10n_date(rc->lang, day != NULL ? day : "", out, sizeof(out));
	tpl_set(d, key, out);
}

/* ---- unsubscribe tokens ---- */

int
outbox_token_find(struct store *st, const char *token, char object_id[65],
    char email[MAIL_ADDRESS_MAX + 1], int *stopped)
{
	struct rows	*s;
	int		 rc;

	object_id[0] = email[0] = '\0';
	*stopped = 0;
	if (token == NULL || strlen(token) != MAIL_TOKEN_LEN || !is_hex(token, MAIL_TOKEN_LEN))
		return 0;
	if ((s = store_query(st, ST_SUB_BY_TOKEN, "s", token)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		snprintf(object_id, 65, "%s", store_text(s, SUB_TOKEN_OBJECT_ID));
		snprintf(email, MAIL_ADDRESS_MAX + 1, "%s", store_text(s, SUB_TOKEN_EMAIL));
		*stopped = store_text(s, SUB_TOKEN_STOPPED) != NULL;
	}
	store_done(s);
	return rc;
}

int
outbox_token_stop(struct store *st, const char *token)
{
	char now[32];

	if (token == NULL || strlen(token) != MAIL_TOKEN_LEN || !is_hex(token, MAIL_TOKEN_LEN))
		return 0;
	now_iso(now);
	return store_exec(st, ST_SUB_STOP, "ss", token, now);
}

/* ---- the message the mailer sends ---- */

/* Does a header value hold a line break (or another control character
 * that would end or fold the header)? */
static int
header_unsafe(const char *v)
{
	for (; v != NULL && *v != '\0'; v++)
		if ((unsigned char)*v < 0x20 || *v == 0x7f)
			return 1;
	return 0;
}

/* One quoted-printable part's headers and body. */
static int
qp_part(struct buf *b, const char *type, const char *text)
{
	int rc;

	rc = buf_printf(b, "Content-Type: %s; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n", type);
	/* Quoted-printable, not 8bit: a body line is as long as what was
	 * typed into it (a 4096-character comment), and SMTP servers refuse
	 * a line over 998 bytes; QP keeps every line short and the text
	 * intact. */
	rc |= mail_qp_encode(b, text);
	if (b->len < 2 || strcmp(b->data + b->len - 2, "\r\n") != 0)
		rc |= buf_puts(b, "\r\n");
	return rc < 0 ? -1 : 0;
}

int
mail_compose(struct buf *b, const struct mail_parts *p)
{
	char	boundary[64], rnd[17];
	int	rc = 0;

	if (header_unsafe(p->from) || header_unsafe(p->to) ||
	    header_unsafe(p->date) || header_unsafe(p->message_id) ||
	    header_unsafe(p->unsubscribe) || header_unsafe(p->subject))
		return -1;
	rc |= buf_printf(b, "Date: %s\r\nFrom: %s\r\nTo: %s\r\nSubject: ", p->date,
	    p->from, p->to);
	rc |= mail_header_encode(b, p->subject);
	rc |= buf_printf(b, "\r\nMessage-ID: %s\r\nX-Reqdesk-Outbox-Id: %lld\r\n",
	    p->message_id, p->outbox_id);
	if (p->unsubscribe != NULL && *p->unsubscribe != '\0')
		rc |= buf_printf(b, "List-Unsubscribe: <%s>\r\n"
		    "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n", p->unsubscribe);
	rc |= buf_puts(b, "MIME-Version: 1.0\r\n");
	if (p->html == NULL || *p->html == '\0')
		return rc < 0 || qp_part(b, "text/plain", p->text) < 0 ? -1 : 0;
	/* "=_" never occurs in quoted-printable text ("=" is always
	 * followed by two hexadecimal digits or a line end): the boundary
	 * cannot be met inside a part. */
	if (random_hex(rnd, 8) < 0)
		return -1;
	snprintf(boundary, sizeof(boundary), "=_reqdesk_%lld_%s", p->outbox_id, rnd);
	rc |= buf_printf(b, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n"
	    "--%s\r\n", boundary, boundary);
	if (rc < 0 || qp_part(b, "text/plain", p->text) < 0)
		return -1;
	rc |= buf_printf(b, "--%s\r\n", boundary);
	if (rc < 0 || qp_part(b, "text/html", p->html) < 0)
		return -1;
	return buf_printf(b, "--%s--\r\n", boundary) < 0 ? -1 : 0;
}
