/*
 * inet_check.h — the TelecomX rules on an Internet request body (the
 * update's request table, plus type, customer, reseller, address and
 * address2 on create), and the calendar helpers they need (over
 * workday.c, the one calendar).
 *
 * Owns: the tables of the request's and the offers' properties, each
 * with its check and its bounds (each problem an XERR_* row of
 * errors.h, which holds its message), and the normalised body a valid
 * request stores.  Calls: store (products, addresses, customers in the
 * caller's scope, resellers, the employees to notify), errors, workday
 * (today in UTC, dates), util.  Called by inet_request.c and
 * inet_account.c only.  Never: writes a row, or answers anyone: it
 * reports problems.
 */
#ifndef REQDESK_INET_CHECK_H
#define REQDESK_INET_CHECK_H

#include <time.h>

#include <jansson.h>

#include "errors.h"

struct store;
struct principal;

/* Whom a request belongs to and its type: filled from the body by a
 * create's checks, from the stored request by the caller of an update. */
struct inet_owner {
	char	type[8];	/* "DSL", "FIBER", or "" while unknown */
	char	customer[64];	/* "" for a request of a reseller */
	char	reseller[64];	/* "" when none */
	int	known;		/* customer / reseller resolved */
};

/*
 * Check `body` (borrowed) property by property in the order of the
 * TelecomX error table (docs/API.md).  `stored` is the request before an update (its
 * create-only properties are then ignored, and a property absent from
 * the body keeps its stored value), or NULL for a create.  Every problem
 * is added to `pb` (XERR_* rows, the property's error code and path);
 * every valid
 * property present is put, normalised, in `clean` (ids of new offers
 * generated, startDate as midnight UTC, prices rounded to the cent,
 * notify as [{_id, name}]).  Returns 0, or -1 on a storage error.
 */
int  inet_check(struct store *st, const struct principal *who,
	const json_t *body, const json_t *stored, struct inet_owner *own,
	json_t *clean, struct problems *pb);

/* A date "YYYY-MM-DD", optionally followed by "T..." (the time is
 * ignored): 0 with *day set to days since 1970-01-01, or -1. */
int  inet_parse_day(const char *s, long *day);

/* Is `day` within [today - 1 month, today + 6 months] (UTC)?  1 or 0. */
int  inet_day_in_window(long day);

/* Format days since the epoch as "YYYY-MM-DD" (out: 11 bytes). */
void inet_format_day(long day, char out[11]);

/* "YYYY-MM-DDTHH:MM:SS..." (UTC) to seconds since the epoch, or -1. */
time_t inet_iso_epoch(const char *iso);

/* Seconds since the epoch to "YYYY-MM-DDTHH:MM:SS.000Z" (out: 32 bytes). */
void inet_epoch_iso(time_t t, char out[32]);

/* Is `s` one of the TelecomX installTime values?  1 or 0. */
int  inet_install_time_valid(const char *s);

#endif
