/*
 * reply.h — every error answer of the desk, written in the shape of the
 * route's family from the rows of errors.h:
 *   FAM_ORANGE  {"code": int, "message", "description", "details": [...]}
 *   FAM_TCX     {"error": {code, path, status, message, check}, "errors": [...]}
 *   FAM_HTML    the error page, through the layout (pages.h).
 * The HTTP status is always the row's.  Text is cut to valid UTF-8, so
 * that an answer never fails on its words.
 *
 * Sits above the transport (http.h) and the layout, below the handlers:
 * handlers and the dispatcher call it.  Owns: the three shapes of an
 * error answer (a list of problems as errors.c bounded it, at most
 * PROBLEMS_MAX), the reading of a route's JSON body with its errors
 * (req_json_body()).  Calls: errors (the rows and the problems), http,
 * pages (the error page), i18n, util.  Never: chooses a status of its
 * own (a row holds it), or reads storage.
 */
#ifndef REQDESK_REPLY_H
#define REQDESK_REPLY_H

#include <jansson.h>

#include "errors.h"
#include "http.h"
#include "idempotency.h"

/* A generic outcome; `detail` (may be NULL) replaces the row's default
 * description.  On a page (FAM_HTML) a person reads it: `detail` in the
 * reader's language (the handler translates it), or the row's sentence
 * for people.  0, or -1 when nothing could be sent. */
int  reply_error(struct req *r, enum herr e, const char *detail);

/* The problems of a refused input: the first is the error, every one is
 * listed (details / errors), with a last entry saying how many more were
 * found past PROBLEMS_MAX.  A list whose building ran out of memory, or
 * an empty one, is not answered: -1 (the dispatcher answers 500). */
int  reply_problems(struct req *r, const struct problems *pb);

/* One Orange problem alone (e.g. 3623).  0 or -1. */
int  reply_oerr(struct req *r, enum oerr e, const char *a1, const char *a2);

/* One TelecomX problem alone; code/path as xproblem().  0 or -1. */
int  reply_xerr(struct req *r, enum xerr e, const char *code, const char *path,
	const char *a1);

/* The answer of a creation under an Idempotency-Key (idempotency.h):
 * IDEM_NEW and IDEM_REPLAY its answer (status, location header, body;
 * a replay with `Idempotent-Replayed: true`), IDEM_BAD_KEY the 400 of
 * HERR_IDEM_KEY, IDEM_MISMATCH the family's 422 (OERR_IDEM_REUSED,
 * XERR_IDEM_REUSED).  0, or -1 (IDEM_NONE, an idem without an answer,
 * or nothing could be sent). */
int  reply_idem(struct req *r, const struct idem *ik);

/* Read the JSON object body of a JSON route.  On failure the error is
 * already answered and *rc holds what the handler returns (0, or -1 for
 * a transport error); NULL is returned.  New reference otherwise. */
json_t *req_json_body(struct req *r, int *rc);

/* A new JSON string of the longest valid UTF-8 prefix of `s` (a message
 * built from parts may have cut a character in two, which jansson
 * refuses).  NULL if s is NULL or memory runs out. */
json_t *json_string_cut(const char *s);

#endif
