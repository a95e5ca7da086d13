/*
 * mailer.c — reqdesk-mailer: delivers the outbox over SMTP (libcurl).
 *
 * Each round claims a batch of due messages in one short write
 * transaction (state 'sending' with a lease, renewed for each message just
 * before it is sent), sends them one by one, and
 * marks each 'sent' only after the SMTP server accepted it.  A 5xx answer
 * to the message's commands makes it 'dead' at once; any other failure is
 * retried with exponential back-off, and is 'dead' once it has failed
 * max_attempts times and was queued more than retry_hours ago.  Several
 * mailers may run at once: a claim is atomic, so no row is sent by two
 * of them; a mailer killed mid-batch leaves rows whose lease expires and
 * another round sends them again (at least once; a row marked sent is
 * never sent again, and a mailer never sends again a row it delivered:
 * see unmarked[]).  When idle, at most once a minute, it deletes the
 * messages sent more than keep_sent_days ago, a bounded number at a time.
 *
 * The retry timing (what is due, leases, back-off, the retry window)
 * reads the desk's clock, calendar_now(): the test clock moves it
 * (tests/http/test_outage.py keeps a relay down for two days in
 * seconds); the purge of old rows and --once's wait keep the real clock.
 *
 *   reqdesk-mailer [-c config] [--once]
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "autoconf.h"
#include "config.h"
#include "log.h"
#include "outbox.h"
#include "store.h"
#include "util.h"
#include "workday.h"
#include "writer.h"

static volatile sig_atomic_t stopping;

struct message {
	long long	 id;
	char		*recipient, *subject, *body;
	char		*html, *unsubscribe;	/* NULL when none */
};

/*
 * Messages the SMTP server accepted that the database would not let us
 * mark sent yet (locked past busy_timeout_ms, a full disk): they are
 * marked before anything else is sent or claimed, so this mailer never
 * claims one again and sends it twice.  A round stops at the first that
 * stays unmarked, so there is seldom more than one.
 */
static struct delivered {
	long long	 id;
	char		 at[32];
}			*unmarked;
static size_t		 nunmarked, unmarked_cap;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

/* The bare address of "Name <addr>" or "addr". */
static void
bare_address(const char *from, char *out, size_t len)
{
	const char *lt = strchr(from, '<'), *gt;

	if (lt != NULL && (gt = strchr(lt, '>')) != NULL)
		snprintf(out, len, "%.*s", (int)(gt - lt - 1), lt + 1);
	else
		snprintf(out, len, "%s", from);
}

/* The whole message, headers and body, CRLF line ends (outbox.h).  0,
 * or -1 when it cannot be made (a header value with a line break). */
static int
compose(const struct message *m, struct buf *b)
{
	struct mail_parts	 p;
	char			 date[64], host[64], mid[128];
	time_t			 now = time(NULL);
	struct tm		 tm;

	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	snprintf(mid, sizeof(mid), "<outbox-%lld@%s>", m->id, host);
	memset(&p, 0, sizeof(p));
	p.from = config.mail_from;
	p.to = m->recipient;
	p.subject = m->subject;
	p.date = date;
	p.message_id = mid;
	p.outbox_id = m->id;
	p.text = m->body;
	p.html = m->html;
	p.unsubscribe = m->unsubscribe;
	return mail_compose(b, &p);
}

struct upload {
	const char	*data;
	size_t		 left;
};

static size_t
read_cb(char *ptr, size_t size, size_t nmemb, void *userp)
{
	struct upload	*u = userp;
	size_t		 n = size * nmemb;

	if (n > u->left)
		n = u->left;
	memcpy(ptr, u->data, n);
	u->data += n;
	u->left -= n;
	return n;
}

/* Keep the verb of the last SMTP command sent (MAIL, RCPT, DATA...): a
 * refusal is the message's only when it answers one of the message's
 * commands, not the greeting, EHLO, STARTTLS or AUTH.  The QUIT libcurl
 * sends after a refusal answers nothing of ours. */
static int
debug_cb(CURL *c, curl_infotype type, char *data, size_t size, void *userp)
{
	char	*verb = userp;
	size_t	 n;

	(void)c;
	if (type != CURLINFO_HEADER_OUT || (size >= 4 && memcmp(data, "QUIT", 4) == 0))
		return 0;
	for (n = 0; n < size && n < 7 && data[n] >= 'A' && data[n] <= 'Z'; n++)
		verb[n] = data[n];
	verb[n] = '\0';
	return 0;
}

/*
 * Hand one message to the SMTP server.  0 accepted, -1 failed for now (no
 * connection, a timeout, a 4xx answer: retried), -2 refused for good (a
 * 5xx answer to MAIL, RCPT or DATA: sending it again cannot help).  Why
 * in err.
 */
static int
smtp_send(const struct message *m, char *err, size_t errlen)
{
	struct buf		 msg = { 0 };
	struct curl_slist	*rcpt = NULL;
	struct upload		 up;
	char			 from[256], mail_from[260], curlerr[CURL_ERROR_SIZE] = "";
	char			 verb[8] = "";
	CURL			*c;
	CURLcode		 rc;
	long			 code = 0;
	int			 permanent;

	if ((c = curl_easy_init()) == NULL) {
		snprintf(err, errlen, "curl_easy_init failed");
		return -1;
	}
	if (compose(m, &msg) < 0) {
		/* a header value with a line break: sending it again cannot
		 * help, and it must never reach the server */
		snprintf(err, errlen, "the message cannot be made (a header "
		    "holds a line break, or memory ran out)");
		buf_free(&msg);
		curl_easy_cleanup(c);
		return -2;
	}
	up.data = msg.data;
	up.left = msg.len;
	bare_address(config.mail_from, from, sizeof(from));
	snprintf(mail_from, sizeof(mail_from), "<%s>", from);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from);
	rcpt = curl_slist_append(rcpt, m->recipient);
	curl_easy_setopt(c, CURLOPT_URL, config.smtp_url);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &up);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curlerr);
	/* TIMEOUT bounds the whole send, connection included: claim_seconds
	 * is checked to be longer (config.c) */
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
	    (long)(config.smtp_timeout_s < 10 ? config.smtp_timeout_s : 10));
	curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)config.smtp_timeout_s);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	/* VERBOSE only feeds debug_cb, which prints nothing */
	curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, debug_cb);
	curl_easy_setopt(c, CURLOPT_DEBUGDATA, verb);
	curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);
	if (config.smtp_user != NULL && *config.smtp_user != '\0') {
		/* A password never goes in clear: over smtp:// the server must
		 * take STARTTLS, or nothing is sent (a stripped STARTTLS offer
		 * would otherwise hand the credentials to whoever stripped it). */
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
		curl_easy_setopt(c, CURLOPT_USERNAME, config.smtp_user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, config.smtp_password ?
		    config.smtp_password : "");
	} else
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	permanent = rc != CURLE_OK && code >= 500 && code <= 599 &&
	    (strcmp(verb, "MAIL") == 0 || strcmp(verb, "RCPT") == 0 ||
	    strcmp(verb, "DATA") == 0);
	if (rc != CURLE_OK)
		snprintf(err, errlen, "%s (SMTP %ld%s%s): %s",
		    curl_easy_strerror(rc), code, verb[0] ? " after " : "", verb,
		    curlerr[0] ? curlerr : "-");
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	buf_free(&msg);
	return rc == CURLE_OK ? 0 : permanent ? -2 : -1;
}

/* The fields of the first n messages of v freed, and zeroed. */
static void
messages_clear(struct message *v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(v[i].recipient);
		free(v[i].subject);
		free(v[i].body);
		free(v[i].html);
		free(v[i].unsubscribe);
		memset(&v[i], 0, sizeof(v[i]));
	}
}

static void
messages_free(struct message *v, size_t n)
{
	messages_clear(v, (int)n);
	free(v);
}

/* Record that message `id` was accepted at `at`: 0, or -1 when the
 * database refused and it waits in unmarked[] (logged either way). */
static int
mark_sent(struct store *st, long long id, const char *at)
{
	struct delivered	*nv;
	int			 rc;

	/* Whoever holds the lease now: the message was delivered, and a
	 * mailer that took it over must not send it again (its renewal
	 * finds it sent). */
	if ((rc = store_exec(st, ST_OUTBOX_SENT, "sI", at, id)) >= 0) {
		if (rc == 0)
			log_warn("outbox %lld: already marked sent by another mailer "
			    "that took it over (sent twice)", id);
		return 0;
	}
	if ((nv = array_room(unmarked, nunmarked, &unmarked_cap, sizeof(*nv),
	    8)) == NULL) {
		log_err("outbox %lld: delivered, not marked sent, out of "
		    "memory: it will be sent again", id);
		return -1;
	}
	unmarked = nv;
	unmarked[nunmarked].id = id;
	snprintf(unmarked[nunmarked].at, sizeof(unmarked[nunmarked].at), "%s", at);
	nunmarked++;
	log_warn("outbox %lld: delivered, not marked sent yet (database); retried "
	    "before anything else", id);
	return -1;
}

/* Mark the messages waiting in unmarked[].  0 when none is left, -1 when
 * the database still refuses (the rest wait, in order). */
static int
mark_unmarked(struct store *st)
{
	size_t	i;
	int	rc;

	if (nunmarked == 0)
		return 0;	/* and unmarked may be NULL: no memmove */
	for (i = 0; i < nunmarked; i++) {
		if ((rc = store_exec(st, ST_OUTBOX_SENT, "sI", unmarked[i].at,
		    unmarked[i].id)) < 0)
			break;
		if (rc == 0)
			log_warn("outbox %lld: already marked sent by another mailer "
			    "that took it over (sent twice)", unmarked[i].id);
		else
			log_info("outbox %lld marked sent", unmarked[i].id);
	}
	memmove(unmarked, unmarked + i, (nunmarked - i) * sizeof(*unmarked));
	nunmarked -= i;
	return nunmarked > 0 ? -1 : 0;
}

/* A claim of due messages: who claims, what it got. */
struct claim {
	const char	*me;
	struct message	*v;		/* config.mail_batch of them */
	int		 n;
};

/* write_fn: lease the due messages to c->me and copy them.  0 or -1. */
static int
claim_unit(struct store *st, void *arg)
{
	struct claim	*c = arg;
	struct rows	*s;
	int		 rc = 0;

	messages_clear(c->v, c->n);	/* a unit run again starts afresh */
	c->n = 0;
	s = store_query(st, ST_OUTBOX_CLAIM, "sIii", c->me, (long long)calendar_now(),
	    config.mail_claim_s, config.mail_batch);
	while (s != NULL && c->n < config.mail_batch && (rc = store_row(s)) == 1) {
		struct message *m = &c->v[c->n++];

		m->id = store_int(s, CLAIM_ID);
		m->recipient = xstrdup(store_text(s, CLAIM_RECIPIENT));
		m->subject = xstrdup(store_text(s, CLAIM_SUBJECT));
		m->body = xstrdup(store_text(s, CLAIM_BODY));
		m->html = xstrdup(store_text(s, CLAIM_HTML));
		m->unsubscribe = xstrdup(store_text(s, CLAIM_UNSUBSCRIBE));
	}
	store_done(s);
	/* A row that could not be read is an error, not the end of the due
	 * messages: the claim is rolled back whole, to be tried again. */
	if (rc < 0)
		log_err("outbox: claiming due messages failed after %d of them; "
		    "none is claimed", c->n);
	return s == NULL || rc < 0 ? -1 : 0;
}

/* Claim a batch of due messages.  The count (>= 0) or -1. */
static int
claim(struct store *st, const char *me, struct message **out)
{
	struct claim c = { .me = me };

	*out = NULL;
	if ((c.v = calloc((size_t)config.mail_batch, sizeof(*c.v))) == NULL)
		return -1;
	if (store_write(st, claim_unit, &c) != 0) {
		messages_free(c.v, (size_t)c.n);
		return -1;
	}
	*out = c.v;
	return c.n;
}

/* One round: claim, send, record.  Messages handled, or -1. */
static int
round_once(struct store *st, const char *me)
{
	struct message	*v;
	char		 err[512], now[32];
	int		 n, i, rc, broken = 0;

	/* Nothing is claimed while a delivered message is unmarked: its
	 * lease may have run out, and the claim would take it again. */
	if (mark_unmarked(st) < 0)
		return -1;
	if ((n = claim(st, me, &v)) <= 0) {
		free(v);
		return n;
	}
	for (i = 0; i < n; i++) {
		if (!broken && mark_unmarked(st) < 0)
			broken = 1;	/* the rest wait for their lease to expire */
		if (broken)
			continue;
		if (stopping) {
			/* Not attempted: give it back at once. */
			store_exec(st, ST_OUTBOX_RELEASE, "Is", v[i].id, me);
			continue;
		}
		if (v[i].recipient == NULL || v[i].subject == NULL || v[i].body == NULL)
			continue;	/* ENOMEM: the lease expires, it is retried */
		/* The batch's lease ran from the claim, and the messages
		 * before this one may have taken most of it: renew it for
		 * this one (claim_seconds outlasts one send), unless it ran
		 * out and another mailer claimed the message meanwhile. */
		rc = store_exec(st, ST_OUTBOX_RENEW, "IiIs", (long long)calendar_now(),
		    config.mail_claim_s, v[i].id, me);
		if (rc == 0) {
			log_info("outbox %lld: claimed by another mailer meanwhile; "
			    "left to it", v[i].id);
			continue;
		}
		if (rc < 0) {
			broken = 1;	/* not renewed, not sent */
			continue;
		}
		if ((rc = smtp_send(&v[i], err, sizeof(err))) == 0) {
			log_info("outbox %lld sent to %s", v[i].id, v[i].recipient);
			now_iso(now);
			mark_sent(st, v[i].id, now);	/* else next in the loop */
		} else {
			store_exec(st, ST_OUTBOX_FAILED, "siIiIsiI", err,
			    config.mail_max_attempts, (long long)calendar_now(),
			    config.mail_retry_base_s, v[i].id, me, rc == -2,
			    (long long)config.mail_retry_hours * 3600);
			log_warn("outbox %lld to %s not sent%s: %s", v[i].id, v[i].recipient,
			    rc == -2 ? " (refused: dead)" : "", err);
		}
	}
	messages_free(v, (size_t)n);
	return broken ? -1 : n;
}

#define PURGE_EVERY_S	60
#define ONCE_MARK_WAIT_S 60	/* --once: how long it tries to mark a delivered message */
#define PURGE_BATCH	500	/* rows per statement: short write locks */
#define PURGE_ROUNDS	20	/* statements per purge; the rest next time */

/* Delete messages sent more than keep_sent_days ago. */
static void
purge(struct store *st)
{
	time_t		 cutoff;
	struct tm	 tm;
	char		 before[32];
	int		 i, rc, total = 0;

	if (config.mail_keep_sent_days == 0)
		return;
	cutoff = now_epoch() - (time_t)config.mail_keep_sent_days * 86400;
	gmtime_r(&cutoff, &tm);
	strftime(before, sizeof(before), "%Y-%m-%dT%H:%M:%S.000Z", &tm);
	for (i = 0; i < PURGE_ROUNDS && !stopping; i++) {
		if ((rc = store_exec(st, ST_OUTBOX_PURGE, "si", before, PURGE_BATCH)) < 0)
			break;
		total += rc;
		if (rc < PURGE_BATCH)
			break;
	}
	if (total > 0)
		log_info("outbox: %d message(s) sent before %s deleted", total, before);
}

static void
nap_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);	/* a signal cuts it short */
}

int
main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "once", no_argument, NULL, '1' },
		{ NULL, 0, NULL, 0 },
	};
	struct sigaction	 sa;
	struct store		*st = NULL;
	const char		*conf = NULL;
	char			 me[96], host[64];
	int			 ch, once = 0, n, status = 0;
	long long		 give_up;
	size_t			 i;
	time_t			 purged = 0;

	while ((ch = getopt_long(argc, argv, "c:", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': conf = optarg; break;
		case '1': once = 1; break;
		default:
			fprintf(stderr, "usage: reqdesk-mailer [-c config] [--once]\n");
			return 2;
		}
	}
	if (config_load(conf) < 0 || sodium_init() < 0 ||
	    curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	snprintf(me, sizeof(me), "%s:%ld", host, (long)getpid());
	log_info("mailer %s: sending through %s", me, config.smtp_url);
	give_up = now_epoch() + ONCE_MARK_WAIT_S;
	while (!stopping) {
		if (st == NULL && (st = store_open(config.database, 0)) == NULL) {
			if (once && (nunmarked == 0 || now_epoch() > give_up)) {
				status = 1;
				break;
			}
			nap_ms(1000);
			continue;
		}
		n = round_once(st, me);
		if (n < 0) {	/* database trouble: reopen next time */
			store_close(st);
			st = NULL;
		}
		if (n == 0 && now_epoch() - purged >= PURGE_EVERY_S) {
			purge(st);
			purged = now_epoch();
		}
		/* --once too waits until what it delivered is marked, for a
		 * while: a run from cron must end even if the database
		 * refuses writes for good. */
		if (once && n <= 0 && (nunmarked == 0 || now_epoch() > give_up))
			break;
		if (n <= 0)
			nap_ms(config.mail_poll_ms);
	}
	/* A last try for what was delivered and not marked: what is still
	 * unmarked will be sent again once its lease expires. */
	if (nunmarked > 0 && (st != NULL ||
	    (st = store_open(config.database, 0)) != NULL))
		mark_unmarked(st);
	for (i = 0; i < nunmarked; i++)
		log_err("outbox %lld: delivered but never marked sent: it will be "
		    "sent again", unmarked[i].id);
	free(unmarked);
	log_info("mailer %s: stopped", me);
	store_close(st);
	curl_global_cleanup();
	config_free();
	return status;
}
