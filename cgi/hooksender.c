/*
 * hooksender.c — reqdesk-webhooks: delivers the webhook messages queued
 * by the changes (webhook.h, docs/WEBHOOKS.md) over HTTPS with libcurl,
 * as reqdesk-mailer delivers the outbox.
 *
 * Each round claims a batch of due messages in one short write
 * transaction (state 'sending', a lease on the real clock renewed just
 * before each send), POSTs each one signed after the Standard Webhooks
 * specification (webhook-id, webhook-timestamp, webhook-signature: one
 * "v1,..." per secret that signs, the previous one too during a
 * rotation), and records the attempt (HTTP status, time taken, the start
 * of the answer).  A 2xx answer marks the message delivered; anything
 * else (no connection, a timeout, a 3xx, 4xx or 5xx, a destination
 * refused) schedules it again, retry_base_seconds doubling up to
 * retry_max_seconds on the calendar's clock (the test clock), until
 * retry_hours have passed since it was queued (or sent again by hand):
 * then it is failed.  The address curl is about to connect to is checked
 * (webhook.h, hook_address_allowed()) after the name is resolved, so a
 * name that resolves to a private address at delivery (DNS rebinding) is
 * refused as at subscription time.  Redirects are not followed.
 *
 *   reqdesk-webhooks [-c config] [--once]
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "autoconf.h"
#include "config.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "webhook.h"
#include "workday.h"
#include "writer.h"

static volatile sig_atomic_t stopping;

struct message {
	long long	 id;
	int		 attempts;
	char		*msg_id, *webhook_id, *payload;
};

/* What one delivery found out. */
struct delivery {
	int		 plain;		/* http://: only to a trusted range */
	int		 refused;	/* the destination was refused */
	char		 why[96];	/* the refused address */
	char		 answer[HOOK_ANSWER_MAX + 1];
	size_t		 kept;
};

/* Messages delivered that the database would not let us mark yet: marked
 * before anything else is claimed, so none is sent twice by this sender. */
static struct unmarked {
	long long	 id;
	int		 status;
	char		 at[32];
}			*unmarked;
static size_t		 nunmarked, unmarked_cap;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static void
nap_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static size_t
write_cb(char *ptr, size_t size, size_t nmemb, void *userp)
{
	struct delivery	*d = userp;
	size_t		 n = size * nmemb, room = HOOK_ANSWER_MAX - d->kept;

	if (room > 0) {
		memcpy(d->answer + d->kept, ptr, n < room ? n : room);
		d->kept += n < room ? n : room;
		d->answer[d->kept] = '\0';
	}
	return n;	/* the rest is read and dropped, within the timeout */
}

/* The socket curl connects through, once the name is resolved: refused
 * for an address no webhook goes to. */
static curl_socket_t
open_cb(void *clientp, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct delivery *d = clientp;

	(void)purpose;
	if (!hook_address_allowed(&a->addr, d->why, sizeof(d->why)) ||
	    (d->plain && !hook_address_trusted(&a->addr))) {
		d->refused = 1;
		return CURL_SOCKET_BAD;
	}
	return socket(a->family, a->socktype, a->protocol);
}

/*
 * POST message `m` to `url`, signed with `secret` (and `previous` when
 * not NULL).  The HTTP status (0 when none) in *status, the time taken in
 * *ms, why it failed in err ("" when it did not), the start of the
 * answer in d->answer.  1 delivered (2xx), 0 not.
 */
static int
post(const struct message *m, const char *url, const char *secret,
    const char *previous, struct delivery *d, long *status, long *ms,
    char *err, size_t errlen)
{
	struct curl_slist	*h = NULL;
	char			 sig[64], sig2[64], line[256], curlerr[CURL_ERROR_SIZE] = "";
	long long		 ts = (long long)now_epoch();
	struct timespec		 t0, t1;
	size_t			 len = strlen(m->payload);
	CURL			*c;
	CURLcode		 rc;

	*status = 0;
	*ms = 0;
	err[0] = '\0';
	if (hook_sign(secret, m->msg_id, ts, m->payload, len, sig) < 0) {
		snprintf(err, errlen, "the subscription's secret cannot sign");
		return 0;
	}
	if (previous != NULL && hook_sign(previous, m->msg_id, ts, m->payload, len, sig2) < 0)
		previous = NULL;
	if ((c = curl_easy_init()) == NULL) {
		snprintf(err, errlen, "curl_easy_init failed");
		return 0;
	}
	d->plain = strncasecmp(url, "http:", 5) == 0;
	h = curl_slist_append(h, "Content-Type: application/json");
	snprintf(line, sizeof(line), "webhook-id: %s", m->msg_id);
	h = curl_slist_append(h, line);
	snprintf(line, sizeof(line), "webhook-timestamp: %lld", ts);
	h = curl_slist_append(h, line);
	snprintf(line, sizeof(line), "webhook-signature: %s%s%s", sig,
	    previous != NULL ? " " : "", previous != NULL ? sig2 : "");
	h = curl_slist_append(h, line);
	h = curl_slist_append(h, "Expect:");
	curl_easy_setopt(c, CURLOPT_URL, url);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_POST, 1L);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, m->payload);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)len);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "reqdesk-webhooks/" PACKAGE_VERSION);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_NOPROXY, "*");	/* the address checked is the receiver's */
	curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_cb);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, d);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, d);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curlerr);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
	    (long)(config.hook_timeout_s < 5 ? config.hook_timeout_s : 5));
	curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)config.hook_timeout_s);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = curl_easy_perform(c);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*ms = (long)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
	if (d->refused)
		snprintf(err, errlen, "destination refused: %s is a loopback, link-local, "
		    "private or reserved address", d->why);
	else if (rc != CURLE_OK)
		snprintf(err, errlen, "%s: %s", curl_easy_strerror(rc),
		    curlerr[0] ? curlerr : "-");
	else if (*status < 200 || *status > 299)
		snprintf(err, errlen, "the receiver answered %ld", *status);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return rc == CURLE_OK && *status >= 200 && *status <= 299;
}

/* The answer as stored: valid UTF-8, control characters but line breaks
 * and tabs as spaces. */
static void
answer_clean(char *s)
{
	size_t i;

	s[utf8_valid_len(s)] = '\0';
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != '\n' && s[i] != '\t')
			s[i] = ' ';
}

/* Mark message `id` delivered: 0, or -1 when it waits in unmarked[]. */
static int
mark_delivered(struct store *st, long long id, int status, const char *at)
{
	struct unmarked *nv;

	if (store_exec(st, ST_HOOK_DELIVERED, "siI", at, status, id) >= 0)
		return 0;
	if ((nv = array_room(unmarked, nunmarked, &unmarked_cap, sizeof(*nv), 8)) == NULL) {
		log_err("webhook message %lld: delivered, not marked, out of memory: "
		    "it will be sent again", id);
		return -1;
	}
	unmarked = nv;
	unmarked[nunmarked].id = id;
	unmarked[nunmarked].status = status;
	snprintf(unmarked[nunmarked].at, sizeof(unmarked[nunmarked].at), "%s", at);
	nunmarked++;
	return -1;
}

/* Mark what waits in unmarked[]: 0 when none is left, else -1. */
static int
mark_unmarked(struct store *st)
{
	size_t i;

	if (nunmarked == 0)
		return 0;
	for (i = 0; i < nunmarked; i++)
		if (store_exec(st, ST_HOOK_DELIVERED, "siI", unmarked[i].at,
		    unmarked[i].status, unmarked[i].id) < 0)
			break;
	memmove(unmarked, unmarked + i, (nunmarked - i) * sizeof(*unmarked));
	nunmarked -= i;
	return nunmarked > 0 ? -1 : 0;
}

/* The fields of the first n messages of v freed, and zeroed. */
static void
messages_clear(struct message *v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(v[i].msg_id);
		free(v[i].webhook_id);
		free(v[i].payload);
		memset(&v[i], 0, sizeof(v[i]));
	}
}

static void
messages_free(struct message *v, size_t n)
{
	messages_clear(v, (int)n);
	free(v);
}

/* A claim of due messages: who claims, what it got. */
struct claim {
	const char	*me;
	struct message	*v;		/* config.hook_batch of them */
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
	s = store_query(st, ST_HOOK_CLAIM, "sIIii", c->me, (long long)calendar_now(),
	    (long long)now_epoch(), config.hook_claim_s, config.hook_batch);
	while (s != NULL && c->n < config.hook_batch && (rc = store_row(s)) == 1) {
		struct message *m = &c->v[c->n++];

		m->id = store_int(s, HOOK_CLAIM_ID);
		m->attempts = (int)store_int(s, HOOK_CLAIM_ATTEMPTS);
		m->msg_id = xstrdup(store_text(s, HOOK_CLAIM_MSG_ID));
		m->webhook_id = xstrdup(store_text(s, HOOK_CLAIM_WEBHOOK_ID));
		m->payload = xstrdup(store_text(s, HOOK_CLAIM_PAYLOAD));
	}
	store_done(s);
	return s == NULL || rc < 0 ? -1 : 0;
}

/* Claim a batch of due messages.  Their count or -1. */
static int
claim(struct store *st, const char *me, struct message **out)
{
	struct claim c = { .me = me };

	*out = NULL;
	if ((c.v = calloc((size_t)config.hook_batch, sizeof(*c.v))) == NULL)
		return -1;
	if (store_write(st, claim_unit, &c) != 0) {
		messages_free(c.v, (size_t)c.n);
		return -1;
	}
	*out = c.v;
	return c.n;
}

/* Where message `m` goes: 1 with url and secrets (owned), 0 when its
 * subscription is gone, -1. */
static int
target(struct store *st, const struct message *m, char **url, char **secret,
    char **previous)
{
	struct rows	*s;
	int		 rc;

	*url = *secret = *previous = NULL;
	if ((s = store_query(st, ST_HOOK_TARGET, "s", m->webhook_id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		*url = xstrdup(store_text(s, HOOK_TARGET_URL));
		*secret = xstrdup(store_text(s, HOOK_TARGET_SECRET));
		if (!store_isnull(s, HOOK_TARGET_PREVIOUS_SECRET) &&
		    store_int(s, HOOK_TARGET_PREVIOUS_UNTIL) > (long long)calendar_now())
			*previous = xstrdup(store_text(s, HOOK_TARGET_PREVIOUS_SECRET));
	}
	store_done(s);
	if (rc == 1 && (*url == NULL || *secret == NULL))
		rc = -1;
	return rc;
}

/* Send one claimed message and record what happened.  0, or -1 when the
 * database failed (the rest of the batch waits for its lease). */
static int
send_one(struct store *st, const char *me, const struct message *m)
{
	struct delivery	 d;
	char		*url, *secret, *previous, err[512], at[32];
	long		 status, ms;
	int		 rc, ok;

	rc = store_exec(st, ST_HOOK_RENEW, "IiIs", (long long)now_epoch(),
	    config.hook_claim_s, m->id, me);
	if (rc <= 0)
		return rc < 0 ? -1 : 0;	/* another sender took it: its own */
	if ((rc = target(st, m, &url, &secret, &previous)) <= 0)
		return rc;		/* deleted with its subscription */
	memset(&d, 0, sizeof(d));
	now_iso(at);
	ok = post(m, url, secret, previous, &d, &status, &ms, err, sizeof(err));
	answer_clean(d.answer);
	if (store_exec(st, ST_HOOK_ATTEMPT_ADD, "Isiiss", m->id, at, (int)status, (int)ms,
	    err[0] ? err : NULL, d.kept > 0 ? d.answer : NULL) < 0)
		log_warn("webhook message %s: attempt not recorded", m->msg_id);
	if (ok) {
		log_info("webhook %s delivered to %s (%ld, %ld ms)", m->msg_id, url, status, ms);
		mark_delivered(st, m->id, (int)status, at);
	} else {
		rc = store_exec(st, ST_HOOK_FAILED, "isIiiiIs", (int)status, err,
		    (long long)calendar_now(), config.hook_retry_base_s,
		    config.hook_retry_max_s, config.hook_retry_hours * 3600, m->id, me);
		log_warn("webhook %s to %s not delivered (attempt %d): %s", m->msg_id, url,
		    m->attempts + 1, err);
	}
	free(url);
	free(secret);
	free(previous);
	return rc < 0 ? -1 : 0;
}

/* One round: claim, send, record.  Messages handled, or -1. */
static int
round_once(struct store *st, const char *me)
{
	struct message	*v;
	int		 n, i, broken = 0;

	if (mark_unmarked(st) < 0)
		return -1;
	if ((n = claim(st, me, &v)) <= 0) {
		free(v);
		return n;
	}
	for (i = 0; i < n; i++) {
		if (!broken && mark_unmarked(st) < 0)
			broken = 1;
		if (broken)
			continue;
		if (stopping) {
			store_exec(st, ST_HOOK_RELEASE, "Is", v[i].id, me);
			continue;
		}
		if (v[i].msg_id == NULL || v[i].webhook_id == NULL || v[i].payload == NULL)
			continue;	/* ENOMEM: the lease expires */
		if (send_one(st, me, &v[i]) < 0)
			broken = 1;
	}
	messages_free(v, (size_t)n);
	return broken ? -1 : n;
}

#define PURGE_EVERY_S	60
#define PURGE_BATCH	500

/* Delete messages delivered more than keep_delivered_days ago. */
static void
purge(struct store *st)
{
	time_t		 cutoff;
	struct tm	 tm;
	char		 before[32];
	int		 i, rc, total = 0;

	if (config.hook_keep_days == 0 || st == NULL)
		return;
	cutoff = now_epoch() - (time_t)config.hook_keep_days * 86400;
	gmtime_r(&cutoff, &tm);
	strftime(before, sizeof(before), "%Y-%m-%dT%H:%M:%S.000Z", &tm);
	for (i = 0; i < 20 && !stopping; i++) {
		if ((rc = store_exec(st, ST_HOOK_PURGE, "si", before, PURGE_BATCH)) < 0)
			break;
		total += rc;
		if (rc < PURGE_BATCH)
			break;
	}
	if (total > 0)
		log_info("webhooks: %d message(s) delivered before %s deleted", total, before);
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
	time_t			 purged = 0;

	while ((ch = getopt_long(argc, argv, "c:", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': conf = optarg; break;
		case '1': once = 1; break;
		default:
			fprintf(stderr, "usage: reqdesk-webhooks [-c config] [--once]\n");
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
	log_info("webhooks %s: delivering (timeout %d s, retries for %d hours)", me,
	    config.hook_timeout_s, config.hook_retry_hours);
	while (!stopping) {
		if (st == NULL && (st = store_open(config.database, 0)) == NULL) {
			if (once) {
				status = 1;
				break;
			}
			nap_ms(1000);
			continue;
		}
		n = round_once(st, me);
		if (n < 0) {
			store_close(st);
			st = NULL;
		}
		if (n == 0 && now_epoch() - purged >= PURGE_EVERY_S) {
			purge(st);
			purged = now_epoch();
		}
		if (once && n <= 0)
			break;
		if (n <= 0)
			nap_ms(config.hook_poll_ms);
	}
	if (nunmarked > 0 && (st != NULL || (st = store_open(config.database, 0)) != NULL))
		mark_unmarked(st);
	if (nunmarked > 0)
		log_err("webhooks: %zu delivered message(s) never marked: they will be "
		    "sent again", nunmarked);
	free(unmarked);
	log_info("webhooks %s: stopped", me);
	store_close(st);
	curl_global_cleanup();
	config_free();
	return status;
}
