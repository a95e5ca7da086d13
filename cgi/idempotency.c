/*
 * idempotency.c — the Idempotency-Key of creations; see idempotency.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "auth.h"
#include "http.h"
#include "idempotency.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "workday.h"
#include "writer.h"

/*
 * The key of a header value: the draft's form, a Structured Field
 * string ("..."), or the bare key most clients send (Stripe's); either
 * way 1 to IDEM_KEY_MAX visible ASCII characters but '"' and '\' (an
 * sf-string's escapes and space are not taken: a key is an identifier,
 * and one that would need them is refused rather than read two ways).
 * 0, or -1 when `v` holds no such key.
 */
static int
key_parse(const char *v, char out[IDEM_KEY_MAX + 1])
{
	size_t	n = strlen(v), i;

	if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
		v++;
		n -= 2;
	}
	if (n == 0 || n > IDEM_KEY_MAX)
		return -1;
	for (i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x21 || (unsigned char)v[i] > 0x7e ||
		    v[i] == '"' || v[i] == '\\')
			return -1;
	memcpy(out, v, n);
	out[n] = '\0';
	return 0;
}

/* The fingerprint of the request: SHA-256 of "METHOD PATH\n" and the
 * body as the desk reads it (the JSON dumped compact with its keys
 * sorted, so that a client that serializes its object another way on
 * the retry is the same request), or the raw body.  0 or -1. */
static int
fingerprint(struct idem *ik, const struct req *r, const json_t *body)
{
	crypto_hash_sha256_state	 h;
	unsigned char			 out[crypto_hash_sha256_BYTES];
	char				*text = NULL;
	size_t				 i;

	if (body != NULL && (text = json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS |
	    JSON_ENCODE_ANY)) == NULL)
		return -1;
	crypto_hash_sha256_init(&h);
	crypto_hash_sha256_update(&h, (const unsigned char *)r->method_name,
	    strlen(r->method_name));
	crypto_hash_sha256_update(&h, (const unsigned char *)" ", 1);
	crypto_hash_sha256_update(&h, (const unsigned char *)r->path, strlen(r->path));
	crypto_hash_sha256_update(&h, (const unsigned char *)"\n", 1);
	if (text != NULL)
		crypto_hash_sha256_update(&h, (const unsigned char *)text, strlen(text));
	else if (r->body.data != NULL)
		crypto_hash_sha256_update(&h, (const unsigned char *)r->body.data,
		    r->body.len);
	crypto_hash_sha256_final(&h, out);
	free(text);
	for (i = 0; i < sizeof(out); i++)
		snprintf(ik->fingerprint + 2 * i, 3, "%02x", out[i]);
	return 0;
}

void
idem_free(struct idem *ik)
{
	if (ik == NULL)
		return;
	free(ik->header);
	free(ik->header_value);
	free(ik->body);
	ik->header = ik->header_value = ik->body = NULL;
	ik->status = 0;
}

/* Keep a copy of an answer in ik.  0 or -1 (ENOMEM: ik holds none). */
static int
keep_answer(struct idem *ik, int status, const char *header, const char *value,
    const char *body)
{
	idem_free(ik);
	ik->status = status;
	ik->header = xstrdup(header);
	ik->header_value = xstrdup(value);
	ik->body = xstrdup(body);
	if (ik->body == NULL || (header != NULL && ik->header == NULL) ||
	    (value != NULL && ik->header_value == NULL)) {
		idem_free(ik);
		return -1;
	}
	return 0;
}

/* Look the key up on `st` (a live one only): 1 found (ik REPLAY with its
 * answer, or MISMATCH), 0 not found (ik left NEW), -1 error. */
static int
lookup(struct store *st, struct idem *ik)
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_IDEM_GET, "ssI", ik->owner, ik->key,
	    (long long)calendar_now())) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		if (strcmp(store_text(s, IDEM_FINGERPRINT), ik->fingerprint) != 0)
			ik->state = IDEM_MISMATCH;
		else if (keep_answer(ik, (int)store_int(s, IDEM_STATUS),
		    store_text(s, IDEM_HEADER), store_text(s, IDEM_HEADER_VALUE),
		    store_text(s, IDEM_BODY)) == 0)
			ik->state = IDEM_REPLAY;
		else
			rc = -1;
	}
	store_done(s);
	return rc;
}

int
idem_begin(struct idem *ik, struct req *r, const json_t *body)
{
	const char	*v = req_env(r, "HTTP_IDEMPOTENCY_KEY");

	memset(ik, 0, sizeof(*ik));
	if (v == NULL || r->who == NULL)
		return ik->state = IDEM_NONE;
	if (key_parse(v, ik->key) < 0)
		return ik->state = IDEM_BAD_KEY;
	snprintf(ik->owner, sizeof(ik->owner), "%s", r->who->user_id);
	if (fingerprint(ik, r, body) < 0)
		return -1;
	ik->state = IDEM_NEW;
	return lookup(r->store, ik) < 0 ? -1 : (int)ik->state;
}

int
idem_record(struct store *st, struct idem *ik, int status, const char *header,
    const char *value, const char *body)
{
	long long now = (long long)calendar_now();

	if (keep_answer(ik, status, header, value, body) < 0 ||
	    store_exec(st, ST_IDEM_ADD, "sssisssII", ik->owner, ik->key,
	    ik->fingerprint, status, header, value, body, now,
	    now + IDEM_WINDOW_S) != 1 ||
	    store_exec(st, ST_IDEM_PURGE, "II", now, (long long)IDEM_PURGE_MAX) < 0)
		return -1;
	return 0;
}

int
idem_claim(struct store *st, struct idem *ik)
{
	if (ik == NULL || ik->state == IDEM_NONE)
		return 0;
	idem_free(ik);		/* a unit run again starts from NEW */
	ik->state = IDEM_NEW;
	return lookup(st, ik);
}

/* A creation under a key, as one unit of work (writer.h). */
struct keyed_unit {
	struct idem	*ik;
	write_fn	 fn;
	void		*arg;
	idem_answer_fn	 answer;
};

/* The unit: the key looked up in the transaction, then the creation and
 * its answer, or nothing.  A batch run again runs it again: it starts
 * from NEW each time. */
static int
keyed_unit(struct store *st, void *arg)
{
	struct keyed_unit	*u = arg;
	int			 rc;

	if ((rc = idem_claim(st, u->ik)) != 0)
		return rc < 0 ? -1 : 0;		/* stored first by another */
	if ((rc = u->fn(st, u->arg)) != 0)
		return rc;
	return u->answer(st, u->arg, u->ik) == 0 ? 0 : -1;
}

int
idem_write(struct store *st, struct idem *ik, write_fn fn, void *arg,
    idem_answer_fn answer)
{
	struct keyed_unit	u = { ik, fn, arg, answer };

	if (ik == NULL || ik->state == IDEM_NONE)
		return store_write(st, fn, arg);
	if (ik->state != IDEM_NEW || answer == NULL) {
		log_err("idempotency: a creation under a key in state %d", (int)ik->state);
		return -1;
	}
	return store_write(st, keyed_unit, &u);
}
