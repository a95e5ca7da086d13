/*
 * ratelimit.c — the rate limit per credential (ratelimit.h).
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "config.h"
#include "log.h"
#include "ratelimit.h"

#define SLOTS	4096	/* credentials counted at once */
#define PROBES	8	/* slots tried for one credential */
#define WINDOW	60	/* seconds */

struct slot {
	uint64_t	key;
	int64_t		start[RATE__MAX];	/* window opened at, seconds */
	uint32_t	count[RATE__MAX];
};

struct table {
	pthread_mutex_t	lock;		/* process-shared, robust */
	struct slot	slot[SLOTS];
};

static struct table *table;

int
ratelimit_init(void)
{
	pthread_mutexattr_t	a;
	void			*p;

	if (table != NULL)
		return 0;
	p = mmap(NULL, sizeof(*table), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		log_err("rate limit: cannot map its table: %s", strerror(errno));
		return -1;
	}
	table = p;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
	/* A worker killed while it holds the lock must not stop the rest. */
	pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&table->lock, &a);
	pthread_mutexattr_destroy(&a);
	return 0;
}

/* FNV-1a of the key; never 0 (an empty slot). */
static uint64_t
key_hash(const char *key)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211ULL;
	return h != 0 ? h : 1;
}

static int
limit_of(enum rate_kind kind)
{
	return kind == RATE_CREATE ? config.rate_create_per_min : config.rate_read_per_min;
}

/* The slot of `h`: its own, else an empty or idle one (taken), else the
 * first probed (shared). */
static struct slot *
slot_for(uint64_t h, time_t now)
{
	struct slot	*s, *free_slot = NULL;
	size_t		 i, k;
	int		 idle;

	for (i = 0; i < PROBES; i++) {
		s = &table->slot[(h + i) % SLOTS];
		if (s->key == h)
			return s;
		idle = 1;
		for (k = 0; k < RATE__MAX; k++)
			if (now - s->start[k] < WINDOW)
				idle = 0;
		if (free_slot == NULL && (s->key == 0 || idle))
			free_slot = s;
	}
	if (free_slot != NULL) {
		memset(free_slot, 0, sizeof(*free_slot));
		free_slot->key = h;
		return free_slot;
	}
	return &table->slot[h % SLOTS];
}

int
ratelimit_take(enum rate_kind kind, const char *key, time_t now)
{
	struct slot	*s;
	int		 limit = limit_of(kind), wait = 0, rc;

	if (limit <= 0 || key == NULL || *key == '\0')
		return 0;
	if (table == NULL && ratelimit_init() < 0)
		return 0;	/* no table: no limit rather than no desk */
	if ((rc = pthread_mutex_lock(&table->lock)) == EOWNERDEAD)
		pthread_mutex_consistent(&table->lock);
	else if (rc != 0)
		return 0;
	s = slot_for(key_hash(key), now);
	if (now - s->start[kind] >= WINDOW || now < s->start[kind]) {
		s->start[kind] = now;
		s->count[kind] = 0;
	}
	if (s->count[kind] >= (uint32_t)limit)
		wait = (int)(s->start[kind] + WINDOW - now);
	else
		s->count[kind]++;
	pthread_mutex_unlock(&table->lock);
	return wait > 0 ? wait : 0;
}
