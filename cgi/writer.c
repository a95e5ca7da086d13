/*
 * writer.c — group commit: one writer thread per worker process.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "store.h"
#include "writer.h"

#define BATCH_MAX 256
#define WRITER_CACHE_KIB 1024	/* the B-tree pages every insert walks */

struct job {
	write_fn	 fn;
	void		*arg;
	int		 rc;
	int		 trouble;	/* storage failed in its batch (store_trouble) */
	int		 done;
	pthread_cond_t	 finished;	/* signalled once, when done */
	struct job	*next;
};

static struct {
	pthread_mutex_t	 lock;
	pthread_cond_t	 queued;	/* a job arrived, or stop */
	struct job	*head, *tail;
	pthread_t	 thread;
	char		*path;
	int		 running;
	int		 stop;
} w = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	NULL, NULL, 0, NULL, 0, 0 };

/* Run one unit inside its savepoint; its result. */
static int
run_unit(struct store *st, struct job *j)
{
	int rc;

	if (store_exec(st, ST_SAVEPOINT, NULL) < 0)
		return -1;
	rc = j->fn(st, j->arg);
	if (rc != 0 && store_exec(st, ST_ROLLBACK_TO, NULL) < 0)
		rc = -1;
	if (store_exec(st, ST_RELEASE, NULL) < 0)
		rc = -1;
	return rc;
}

/*
 * Run a batch in one transaction; set every job's rc.
 *
 * Optimistic first: the units run one after the other without savepoints
 * (a savepoint copies every page its unit touches, and units rarely
 * refuse).  When one refuses or fails, the transaction is rolled back and
 * the batch runs again with a savepoint per unit, except that unit: its
 * answer stands (the units before it run again in the same order, so it
 * saw the state it would see again) and it is not run twice (a refusal
 * may have reported into its argument).
 */
static void
run_batch(struct store *st, struct job *batch)
{
	struct job	*j, *refused = NULL;

	if (st == NULL || store_begin(st) < 0) {
		for (j = batch; j != NULL; j = j->next)
			j->rc = -1;
		return;
	}
	for (j = batch; j != NULL && refused == NULL; j = j->next)
		if ((j->rc = j->fn(st, j->arg)) != 0)
			refused = j;
	if (refused != NULL) {
		store_rollback(st);
		if (batch == refused && refused->next == NULL)
			return;		/* alone: nothing else to keep */
		if (store_begin(st) < 0) {
			for (j = batch; j != NULL; j = j->next)
				if (j != refused)
					j->rc = -1;
			return;
		}
		for (j = batch; j != NULL && store_in_transaction(st); j = j->next)
			if (j != refused)
				j->rc = run_unit(st, j);
	}
	if (!store_in_transaction(st)) {
		/* SQLite rolled the whole transaction back (disk full, I/O
		 * error): the units run before are lost, and a unit run
		 * after it would have opened and committed a transaction
		 * of its own at its RELEASE.  Nothing of the batch is kept. */
		log_err("group commit: the transaction was lost; every request "
		    "of the batch is refused");
		for (j = batch; j != NULL; j = j->next)
			if (j != refused)
				j->rc = -1;
		return;
	}
	if (store_commit(st) < 0) {
		log_err("group commit failed: every request of the batch is refused");
		store_rollback(st);
		for (j = batch; j != NULL; j = j->next)
			if (j->rc == 0)
				j->rc = -1;
	}
}

static void *
writer_main(void *unused)
{
	struct store	*st = NULL;
	struct job	*batch, *j, *last, *next;
	int		 n;

	(void)unused;
	pthread_setname_np(pthread_self(), "reqdesk-writer");	/* for top -H */
	for (;;) {
		pthread_mutex_lock(&w.lock);
		while (w.head == NULL && !w.stop)
			pthread_cond_wait(&w.queued, &w.lock);
		if (w.head == NULL && w.stop) {
			pthread_mutex_unlock(&w.lock);
			break;
		}
		/* Take what is waiting, up to BATCH_MAX. */
		batch = last = w.head;
		for (n = 1; last->next != NULL && n < BATCH_MAX; n++)
			last = last->next;
		w.head = last->next;
		if (w.head == NULL)
			w.tail = NULL;
		last->next = NULL;
		pthread_mutex_unlock(&w.lock);

		store_trouble_reset();
		if (st == NULL && (st = store_open(w.path, 0)) != NULL)
			store_set_cache_kib(st, WRITER_CACHE_KIB);
		run_batch(st, batch);
		for (j = batch; j != NULL; j = j->next)
			j->trouble = store_trouble();

		/* Wake the callers of this batch, and only them.  A caller
		 * may return (and its job vanish) as soon as it sees done. */
		pthread_mutex_lock(&w.lock);
		for (j = batch; j != NULL; j = next) {
			next = j->next;
			j->done = 1;
			pthread_cond_signal(&j->finished);
		}
		pthread_mutex_unlock(&w.lock);
	}
	store_close(st);
	return NULL;
}

int
writer_start(const char *path)
{
	if (w.running)
		return 0;
	if ((w.path = strdup(path)) == NULL)
		return -1;
	w.stop = 0;
	if (pthread_create(&w.thread, NULL, writer_main, NULL) != 0) {
		free(w.path);
		w.path = NULL;
		return -1;
	}
	w.running = 1;
	return 0;
}

void
writer_stop(void)
{
	if (!w.running)
		return;
	pthread_mutex_lock(&w.lock);
	w.stop = 1;
	pthread_cond_signal(&w.queued);
	pthread_mutex_unlock(&w.lock);
	pthread_join(w.thread, NULL);
	w.running = 0;
	free(w.path);
	w.path = NULL;
}

/* No writer: the unit in a transaction of its own, on the caller's connection. */
static int
run_inline(struct store *own, write_fn fn, void *arg)
{
	struct job	j = { .fn = fn, .arg = arg };

	run_batch(own, &j);
	return j.rc;
}

int
store_write(struct store *own, write_fn fn, void *arg)
{
	struct job	j = { .fn = fn, .arg = arg };

	/* What the caller reads after its write must see it. */
	if (own != NULL)
		store_snapshot_end(own);
	if (!w.running)
		return run_inline(own, fn, arg);
	pthread_cond_init(&j.finished, NULL);
	pthread_mutex_lock(&w.lock);
	if (w.tail != NULL)
		w.tail->next = &j;
	else
		w.head = &j;
	w.tail = &j;
	pthread_cond_signal(&w.queued);
	while (!j.done)
		pthread_cond_wait(&j.finished, &w.lock);
	pthread_mutex_unlock(&w.lock);
	pthread_cond_destroy(&j.finished);
	if (j.rc < 0 && j.trouble)
		store_trouble_note();	/* the caller answers 503, not 500 */
	return j.rc;
}
