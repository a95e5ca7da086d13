/*
 * world.h — what the libFuzzer harnesses of tests/fuzz/ share: the
 * desk's configuration, catalog and templates as a worker has them, a
 * database of the demo world with an API key per demo user, and one call
 * through the real dispatcher (route_dispatch) over an in-memory
 * transport.
 *
 * The database lives in $TMPDIR (./dev fuzz points it at a tmpfs) and is
 * put back to the demo world every WORLD_RESET_EVERY calls or
 * WORLD_RESET_WRITES writes, whichever comes first, so that a long
 * campaign of creations does not grow it without bound nor fill the
 * world's requests up to their quotas (100 files a request) for most of
 * the run; it is removed at exit.  A reset writes the pristine pages
 * over the live database (world.c) and costs about a millisecond; the
 * desk's connection stays open.  Log lines go to stderr like a worker's: run the
 * harnesses with -close_fd_mask=2 (libFuzzer and the sanitizers keep the
 * original stderr).
 *
 * A harness never mocks: what it calls is what the desk runs.
 */
#ifndef REQDESK_FUZZ_WORLD_H
#define REQDESK_FUZZ_WORLD_H

#include <stddef.h>

struct store;

#define WORLD_RESET_EVERY	2000	/* calls between two resets of the database */
#define WORLD_RESET_WRITES	250	/* ... or writes (2xx answers to a POST) */

/* Set everything up once (aborts when it cannot). */
void world_init(void);

/* The connection of the world, reset every WORLD_RESET_EVERY uses or
 * WORLD_RESET_WRITES writes (none while held, world_hold). */
struct store *world_store(void);

/* The API key of a demo user by the HTTP tests' role name ("admin",
 * "fdj_owner", ...), borrowed; aborts on an unknown role. */
const char *world_key(const char *role);

/* The id of the Internet request of NORDIC created at set-up (in the
 * demo world the database is reset to), for updates. */
const char *world_inet_id(void);

/* The id of the Orange request of ACME (a disconnection by its owner)
 * created at set-up, for the conversation harness. */
const char *world_orange_id(void);

/*
 * `method` `path` as `role` (NULL: no credentials), the body the `len`
 * bytes at `body` sent as `ctype` (NULL: none), through route_dispatch.
 * Returns the status answered; aborts (a finding) on a 5xx answer or an
 * answer that is not a whole HTTP response.
 */
int  world_call(const char *role, const char *method, const char *path,
	const char *ctype, const char *body, size_t len);

/* While `on`, the database is not reset (a harness that reads back what
 * a call stored holds it between the two). */
void world_hold(int on);

/* The body of the last answer world_call() got (`*len` bytes, NUL
 * terminated), until the next call. */
const char *world_answer(size_t *len);

#endif
