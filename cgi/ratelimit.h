/*
 * ratelimit.h — a rate limit per credential on the desk's costly routes:
 * creations and expensive reads (lists, the CSV export).
 *
 * Each credential (the hash of the session, token or API key a request
 * came with) has a fixed window of 60 seconds per kind, opened by its
 * first request; past the kind's limit ([limits] in the configuration),
 * requests are refused until the window ends, which is the Retry-After
 * the caller is told.  The counters live in one table mapped shared
 * before the supervisor forks its workers, so that a limit holds for the
 * whole desk, not for each worker (a process started alone, the CLI or a
 * test, gets a table of its own).  Two credentials that fall in the same
 * slot of a full table share their counts: the limit is then reached
 * sooner, never later.
 *
 * Base layer.  Owns: the table of counters.  Calls: config (the
 * limits), log.  Never: knows a route, a status or a credential other
 * than the key it is given.
 */
#ifndef REQDESK_RATELIMIT_H
#define REQDESK_RATELIMIT_H

#include <time.h>

enum rate_kind {
	RATE_CREATE,	/* [limits] create_per_minute */
	RATE_READ,	/* [limits] read_per_minute */
	RATE__MAX
};

/* Map the shared table (the supervisor, before it forks).  0 or -1. */
int  ratelimit_init(void);

/* Count one request of `kind` by the credential `key` (borrowed) at
 * `now`: 0 when it is allowed, else the seconds until the window ends
 * (>= 1; the request is not counted).  A limit of 0 counts nothing. */
int  ratelimit_take(enum rate_kind kind, const char *key, time_t now);

#endif
