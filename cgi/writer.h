/*
 * writer.h — durable group commit.
 *
 * In a FastCGI worker, every thread that must write hands its unit of
 * work to the process's one writer thread.  The writer runs the units
 * that are waiting together in one transaction (a unit that refuses its
 * work discards only its own changes: the batch is then run again with a
 * savepoint per unit, without running the refusing unit twice), commits
 * once — one fsync for the whole batch, with
 * synchronous=FULL kept — and only then wakes each caller with its
 * outcome.  Nothing is acknowledged before the commit that holds it; a
 * batch whose commit fails fails every unit of it, and nothing of it is
 * kept.
 *
 * Without a running writer (CLI, plain CGI) units run at once on the
 * caller's connection, each in its own transaction.
 *
 * Owns: the worker's one writer thread, its own connection, the queue
 * of waiting units, each batch's transaction and the savepoint per unit
 * of a batch run again.  Calls: store, log.  Never: acknowledges a unit
 * before the commit that holds it, or runs a refusing unit twice.
 */
#ifndef REQDESK_WRITER_H
#define REQDESK_WRITER_H

struct store;

/* A unit of work: runs on the writer's connection inside an open
 * transaction; returns 0 to keep its changes, anything else to discard
 * them (that value is handed back to the caller). */
typedef int (*write_fn)(struct store *st, void *arg);

/* Start the writer thread of this process on the database at `path`.
 * 0, or -1 (units then run inline). */
int  writer_start(const char *path);

/* Stop the writer once the queued units are done. */
void writer_stop(void);

/*
 * Run `fn(arg)` durably.  Returns fn's value when the unit ran and the
 * batch holding it committed (or fn refused: its changes are gone), or
 * -1 when it could not be committed (nothing of it was kept).  fn must
 * change nothing but the database (and, when it refuses, its argument):
 * when a batch-mate refuses, fn may run twice.
 * `own` is the caller's connection, used when no writer runs.
 */
int  store_write(struct store *own, write_fn fn, void *arg);

#endif
