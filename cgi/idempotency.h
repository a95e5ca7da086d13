/*
 * idempotency.h — the Idempotency-Key of the POSTs that create something
 * (the IETF httpapi draft "The Idempotency-Key HTTP Header Field", and
 * Stripe's practice; docs/API.md, "Retries: Idempotency-Key").
 *
 * Owns: the idempotency_keys rows (a key, its fingerprint, its answer)
 * and their purge.  Calls: http (the Idempotency-Key header), store,
 * writer (the creation's unit of work), workday (the clock), log, util.
 * Never: writes a response (reply.c answers an idem), nor keeps a key
 * without the object it created.
 *
 * A client that sends `Idempotency-Key: K` with a creation and sends it
 * again (a timeout, a lost connection) gets the first answer again —
 * status, location header, body — and nothing is created twice.  A key
 * is its owner's: the user the credential belongs to.  It names one
 * request, fingerprinted by method, path and body (the JSON as the desk
 * reads it, keys sorted): the same key with another request is refused
 * (422).  The key and its answer are written by the creation's own unit
 * of work, in its transaction (writer.h): a key exists only with the
 * object it created.  Two requests with one key at once create one
 * thing: the second one's unit runs after the first one's commit (or
 * after it in the same batch), finds the key and answers the first
 * answer.  Only a creation that succeeds keeps its key; a refused one
 * (4xx, or a commit that failed) keeps nothing, so that the corrected
 * request may use the key.  Keys live IDEM_WINDOW_S on the calendar's
 * clock (calendar_now(), the test clock in tests), then are forgotten:
 * each key written purges at most IDEM_PURGE_MAX expired ones.
 *
 * A creating handler, in three calls (a creation that runs its own
 * transaction calls idem_claim() and idem_record() in it instead of
 * idem_write()):
 *
 *	if ((st = idem_begin(&ik, r, body)) < 0)	   storage error
 *	if (st > IDEM_NEW)  return reply_idem(r, &ik);	   replay, 400 or 422
 *	... the creation runs its unit through idem_write(store, &ik, fn,
 *	    arg, answer) instead of store_write() ...
 *	if (ik.state != IDEM_NONE) return reply_idem(r, &ik);  its answer
 *	idem_free(&ik);
 */
#ifndef REQDESK_IDEMPOTENCY_H
#define REQDESK_IDEMPOTENCY_H

#include <jansson.h>

#include "writer.h"

struct req;
struct store;

#define IDEM_KEY_MAX	255		/* characters (errors.c says it too) */
#define IDEM_WINDOW_S	(24 * 3600)	/* how long a key answers */
#define IDEM_PURGE_MAX	32		/* expired keys deleted per key written */

enum idem_state {
	IDEM_NONE,	/* no Idempotency-Key: create as without one */
	IDEM_NEW,	/* a key not seen: create through idem_write(); once
			 * done, the answer recorded is in the idem */
	IDEM_REPLAY,	/* the key's first answer is in the idem: nothing made */
	IDEM_MISMATCH,	/* the key was used for another request: 422 */
	IDEM_BAD_KEY,	/* the header is not a key: 400 */
};

/* One request's key and, once known, its answer (owned strings). */
struct idem {
	enum idem_state	 state;
	char		 owner[25];		/* user id */
	char		 key[IDEM_KEY_MAX + 1];
	char		 fingerprint[65];	/* SHA-256, hex */
	int		 status;		/* the answer: HTTP status, */
	char		*header;		/* a location header's name or NULL, */
	char		*header_value;		/* its value, */
	char		*body;			/* the JSON body */
};

/*
 * Read the Idempotency-Key of `r` (from the caller r->who) for a
 * creation whose body is `body` (borrowed; NULL: the raw body read in
 * r->body is fingerprinted instead) and look the key up on r's
 * connection.  Returns the state (IDEM_NONE without the header; the
 * answer of a REPLAY is in ik), or -1 on a storage error.  idem_free()
 * in every case.
 */
int  idem_begin(struct idem *ik, struct req *r, const json_t *body);

/* Called inside the unit once the creation is made: record its answer
 * with idem_record() and return 0, or -1. */
typedef int (*idem_answer_fn)(struct store *st, void *arg, struct idem *ik);

/*
 * store_write(st, fn, arg) under the key of `ik` (NULL, or IDEM_NONE:
 * exactly store_write).  Inside the unit's transaction the key is
 * looked up again: when another request stored it first, fn is not run
 * and ik becomes IDEM_REPLAY (its answer) or IDEM_MISMATCH, and 0 is
 * returned; otherwise fn runs, and when it returns 0 `answer` records
 * the answer with the key.  Returns what store_write returns.
 */
int  idem_write(struct store *st, struct idem *ik, write_fn fn, void *arg,
	idem_answer_fn answer);

/*
 * The same for a creation that runs its own transaction (store_begin()
 * ... store_commit()) rather than a unit of the writer: call it inside
 * that transaction before creating anything.  0: go on (ik NULL or
 * IDEM_NONE, or a key not stored yet: create, then idem_record() before
 * the commit); 1: another request stored the key first (ik IDEM_REPLAY
 * or IDEM_MISMATCH: create nothing, roll back, answer reply_idem()); -1.
 */
int  idem_claim(struct store *st, struct idem *ik);

/* In an answer function: keep `status`, the location header `header`
 * (NULL: none) with `value`, and `body` (JSON text) with the key, and
 * in ik; purge a few expired keys.  0 or -1. */
int  idem_record(struct store *st, struct idem *ik, int status,
	const char *header, const char *value, const char *body);

/* Free the answer held (ik stays usable); accepts a zeroed idem. */
void idem_free(struct idem *ik);

#endif
