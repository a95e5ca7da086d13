/*
 * server.c — reqdesk-fcgi: the FastCGI responder.
 *
 * A supervisor process takes the listening socket (fd 0 from spawn-fcgi,
 * fd 3 from systemd socket activation, or a unix socket it opens itself),
 * brings the database schema up to date, and keeps `workers` processes
 * alive, restarting any that dies.  Each worker runs `threads` threads,
 * each with its own database connection, accepting one FastCGI connection
 * at a time.  SIGTERM stops accepting, lets requests in flight finish
 * and exits.  SIGHUP to the supervisor reloads the request catalog: a
 * catalog that loads replaces the old one and the workers are replaced
 * one by one (each finishing what it serves); one that does not load is
 * refused, logged, and the workers go on with the old one.
 *
 * Started as a plain CGI program (GATEWAY_INTERFACE set, stdin not a
 * socket), it answers the one request in its environment and exits.
 */
#include <errno.h>
#include <stdatomic.h>
#include <getopt.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <sodium.h>

#include "autoconf.h"
#include "catalog.h"
#include "config.h"
#include "http.h"
#include "reply.h"
#include "log.h"
#include "pages.h"
#include "ratelimit.h"
#include "route.h"
#include "store.h"
#include "queue.h"
#include "inet_request.h"
#include "tpl.h"
#include "workday.h"
#include "writer.h"

#define STOP_GRACE_S	4	/* seconds workers get to finish on SIGTERM */
#define BIG_BODY	(256 * 1024)	/* bytes: see serve() */

extern char **environ;

/* Set by the thread that takes the signals, read by every serving thread:
 * an atomic, not a volatile sig_atomic_t (which orders nothing between
 * threads). */
static atomic_int stopping;

/* ---- serving one request (shared by FastCGI threads and CGI) ---- */

static int
fcgi_read(void *ctx, char *buf, size_t n)
{
	return FCGX_GetStr(buf, (int)n, ((FCGX_Request *)ctx)->in);
}

static int
fcgi_write(void *ctx, const char *buf, size_t n)
{
	return FCGX_PutStr(buf, (int)n, ((FCGX_Request *)ctx)->out) == (int)n ? 0 : -1;
}

static int
cgi_read(void *ctx, char *buf, size_t n)
{
	size_t got = fread(buf, 1, n, stdin);

	return got > 0 ? (int)got : (ferror(stdin) ? -1 : 0);
}

static int
cgi_write(void *ctx, const char *buf, size_t n)
{
	return fwrite(buf, 1, n, stdout) == n ? 0 : -1;
}

/* Answer one request; (re)opens the thread's database connection. */
static void
serve(const struct io *io, struct store **st)
{
	struct req	r;
	int		rc, big;

	if (*st == NULL)
		*st = store_open(config.database, 0);
	if ((rc = req_init(&r, io, *st)) < 0) {
		static const char oom[] = "Status: 500 Internal Server Error\r\n"
		    "Content-Type: text/plain\r\n\r\nout of memory\n";
		io->write(io->ctx, oom, sizeof(oom) - 1);
	} else if (rc > 0) {
		/* Refused before routing (too many query parameters): the
		 * error still takes the shape of the path's family. */
		r.family = route_family_of(r.path);
		reply_error(&r, HERR_BAD_QUERY,
		    "The query string has more parameters than are read.");
	} else
		route_dispatch(&r);
	big = r.body_consumed >= BIG_BODY;
	req_free(&r);
	/* A big body (a megabyte of JSON is tens of thousands of small
	 * allocations) leaves free memory scattered among what the other
	 * threads hold, which no free() can give back: return its pages to
	 * the system, so that a few such requests do not keep the worker
	 * large for good.  Rare, and a few milliseconds. */
	if (big)
		malloc_trim(0);
}

/* ---- worker: threads accepting FastCGI connections ---- */

struct worker {
	int		 listen_fd;
	int		 nthreads;
	pthread_t	*threads;
	int		 running;	/* threads still in their loop */
	pthread_mutex_t	 lock;
};

static void
on_wake(int sig)
{
	(void)sig;	/* only interrupts accept(2) */
}

static void *
worker_thread(void *arg)
{
	struct worker	*w = arg;
	struct store	*st = NULL;
	FCGX_Request	 fr;
	struct io	 io;

	if (FCGX_InitRequest(&fr, w->listen_fd, FCGI_FAIL_ACCEPT_ON_INTR) == 0) {
		while (!stopping && FCGX_Accept_r(&fr) == 0) {
			io.read = fcgi_read;
			io.write = fcgi_write;
			io.ctx = &fr;
			io.envp = fr.envp;
			serve(&io, &st);
			FCGX_Finish_r(&fr);
		}
		FCGX_Free(&fr, 1);
	}
	store_close(st);
	pthread_mutex_lock(&w->lock);
	w->running--;
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

/* A worker process: run the threads until SIGTERM, then drain. */
static int
worker_main(int listen_fd)
{
	struct worker		 w = { .listen_fd = listen_fd };
	struct sigaction	 sa;
	pthread_attr_t		 attr;
	sigset_t		 set;
	struct timespec		 nap = { 0, 50 * 1000 * 1000 };
	time_t			 deadline;
	int			 i, sig, left;

	prctl(PR_SET_PDEATHSIG, SIGTERM);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_wake;	/* no SA_RESTART: accept() returns EINTR */
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* SIGHUP is the supervisor's (a reload): a worker that gets one,
	 * from a signal sent to the whole group, goes on. */
	signal(SIGHUP, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);

	/* One malloc arena per thread would multiply the resident memory of
	 * the worker by its thread count for no gain here. */
	mallopt(M_ARENA_MAX, 2);
	/* Fixed thresholds (the dynamic ones only grow): buffers of 1 MiB and
	 * more are mapped and unmapped, and freed heap above 512 KiB goes back
	 * to the system, so the worker's resident memory stays flat over
	 * millions of requests; docs/PERFORMANCE.md has the measurements that
	 * chose these values. */
	mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 512 * 1024);
	if (FCGX_Init() != 0)
		return 1;
	if (writer_start(config.database) < 0)
		log_warn("worker: no group-commit writer; writes run one by one");
	w.nthreads = config.threads;
	pthread_mutex_init(&w.lock, NULL);
	if ((w.threads = calloc((size_t)w.nthreads, sizeof(pthread_t))) == NULL)
		return 1;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 1024 * 1024);
	for (i = 0; i < w.nthreads; i++) {
		if (pthread_create(&w.threads[i], &attr, worker_thread, &w) != 0) {
			log_err("worker: cannot start thread %d", i);
			break;
		}
		pthread_mutex_lock(&w.lock);
		w.running++;
		pthread_mutex_unlock(&w.lock);
	}
	w.nthreads = i;
	pthread_attr_destroy(&attr);

	sigwait(&set, &sig);
	stopping = 1;
	FCGX_ShutdownPending();
	/* Wake threads blocked in accept(); those serving a request finish
	 * it first.  Repeat: a thread may be between its check and accept. */
	deadline = time(NULL) + STOP_GRACE_S;
	do {
		for (i = 0; i < w.nthreads; i++)
			pthread_kill(w.threads[i], SIGUSR1);
		nanosleep(&nap, NULL);
		pthread_mutex_lock(&w.lock);
		left = w.running;
		pthread_mutex_unlock(&w.lock);
	} while (left > 0 && time(NULL) < deadline);
	if (left > 0) {
		log_warn("worker: %d request(s) still running at stop", left);
		_exit(1);
	}
	for (i = 0; i < w.nthreads; i++)
		pthread_join(w.threads[i], NULL);
	writer_stop();
	free(w.threads);
	return 0;
}

/* ---- supervisor ---- */

/* Is fd a listening stream socket? */
static int
is_listening(int fd)
{
	int		on = 0;
	socklen_t	len = sizeof(on);

	return getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &on, &len) == 0 && on;
}

/* Open the unix socket at `path`, replacing a stale one.  fd or -1. */
static int
open_unix_socket(const char *path)
{
	struct sockaddr_un	 sun;
	struct stat		 sb;
	mode_t			 old;
	int			 fd;

	if (strlen(path) >= sizeof(sun.sun_path)) {
		log_err("%s: socket path too long", path);
		return -1;
	}
	if (lstat(path, &sb) == 0) {
		if (!S_ISSOCK(sb.st_mode)) {
			log_err("%s: exists and is not a socket", path);
			return -1;
		}
		unlink(path);
	}
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return -1;
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, path);
	old = umask(0117);	/* socket mode 0660: owner and the web server's group */
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0 || listen(fd, 1024) < 0) {
		umask(old);
		log_err("%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	umask(old);
	/* Workers inherit it; clear close-on-exec is not needed (no exec). */
	return fd;
}

static pid_t
spawn_worker(int listen_fd, int slot)
{
	pid_t pid = fork();

	if (pid == 0) {
		log_info("worker %d started", slot);
		_exit(worker_main(listen_fd));
	}
	if (pid < 0)
		log_err("fork: %s", strerror(errno));
	return pid;
}

/* Wait for `pid` to exit, at most STOP_GRACE_S + 2 seconds (it drains
 * for STOP_GRACE_S at most), then kill it.  Returns its status. */
static int
wait_worker(pid_t pid)
{
	struct timespec	 nap = { 0, 20 * 1000 * 1000 };
	time_t		 deadline = time(NULL) + STOP_GRACE_S + 2;
	int		 status = 0;

	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (time(NULL) > deadline) {
			log_warn("worker (pid %ld) did not stop; killing it", (long)pid);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			break;
		}
		nanosleep(&nap, NULL);
	}
	return status;
}

/*
 * SIGHUP: load the catalog again.  If it loads, replace the workers one
 * by one: the new one starts (with the new catalog, inherited at fork)
 * before the old one is told to stop, which finishes the requests it is
 * serving (at most STOP_GRACE_S) while the new one accepts; so the
 * socket always has workers.  If it does not load, the problems are
 * logged (catalog_load prints them) and nothing changes.
 */
static void
reload(int listen_fd, pid_t *pids, time_t *started, int n)
{
	pid_t	 old;
	int	 i;

	log_info("supervisor: SIGHUP, reloading the catalog %s", config.catalog);
	if (catalog_load(config.catalog) < 0) {
		log_err("supervisor: the catalog %s was not reloaded (see above); the "
		    "workers go on with the catalog loaded before", config.catalog);
		return;
	}
	log_info("supervisor: catalog reloaded (%zu request type(s)); replacing the "
	    "workers one by one", catalog_count());
	for (i = 0; i < n; i++) {
		old = pids[i];
		if ((pids[i] = spawn_worker(listen_fd, i)) < 0) {
			pids[i] = old;	/* no fork: the old one goes on */
			continue;
		}
		started[i] = time(NULL);
		if (old > 0) {
			kill(old, SIGTERM);
			wait_worker(old);
		}
	}
	log_info("supervisor: every worker serves the new catalog");
}

/* Keep the workers alive until SIGTERM/SIGINT; then stop them. */
static int
supervise(int listen_fd)
{
	pid_t		*pids;
	time_t		*started;
	sigset_t	 set;
	siginfo_t	 info;
	struct timespec	 tick = { 1, 0 };
	int		 i, n = config.workers, status, sig, alive;
	pid_t		 pid;
	time_t		 deadline;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pids = calloc((size_t)n, sizeof(*pids));
	started = calloc((size_t)n, sizeof(*started));
	if (pids == NULL || started == NULL)
		return 1;
	for (i = 0; i < n; i++) {
		pids[i] = spawn_worker(listen_fd, i);
		started[i] = time(NULL);
	}
	log_info("supervisor: %d worker(s) x %d thread(s)", n, config.threads);

	for (;;) {
		sig = sigtimedwait(&set, &info, &tick);
		if (sig == SIGTERM || sig == SIGINT)
			break;
		if (sig == SIGHUP)
			reload(listen_fd, pids, started, n);
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			for (i = 0; i < n; i++)
				if (pids[i] == pid)
					break;
			if (i == n)
				continue;
			if (WIFSIGNALED(status))
				log_warn("worker %d (pid %ld) killed by signal %d; restarting",
				    i, (long)pid, WTERMSIG(status));
			else
				log_warn("worker %d (pid %ld) exited with %d; restarting",
				    i, (long)pid, WEXITSTATUS(status));
			/* A worker dying at once again and again: slow down. */
			if (time(NULL) - started[i] < 1)
				sleep(1);
			pids[i] = spawn_worker(listen_fd, i);
			started[i] = time(NULL);
		}
	}

	log_info("supervisor: stopping");
	for (i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	deadline = time(NULL) + STOP_GRACE_S;
	do {
		alive = 0;
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
			for (i = 0; i < n; i++)
				if (pids[i] == pid)
					pids[i] = 0;
		for (i = 0; i < n; i++)
			alive += pids[i] > 0;
		if (alive > 0) {
			struct timespec nap = { 0, 50 * 1000 * 1000 };
			nanosleep(&nap, NULL);
		}
	} while (alive > 0 && time(NULL) <= deadline);
	for (i = 0; i < n; i++)
		if (pids[i] > 0) {
			log_warn("worker %d did not stop; killing it", i);
			kill(pids[i], SIGKILL);
			waitpid(pids[i], NULL, 0);
		}
	free(pids);
	free(started);
	log_info("supervisor: stopped");
	return 0;
}

/* Bring the schema up to date before any worker serves. */
static int
prepare_database(void)
{
	struct store	*st;
	int		 rc;

	if ((st = store_open(config.database, 1)) == NULL)
		return -1;
	rc = store_migrate(st);
	/* the inbox's days, which its triggers read (queue.h) */
	if (rc == 0)
		rc = queue_settings(st, config.offer_due_days, INET_OFFER_DAYS);
	store_close(st);
	return rc;
}

static int
run_cgi(void)
{
	struct store	*st = NULL;
	struct io	 io = { cgi_read, cgi_write, NULL, environ };

	serve(&io, &st);
	store_close(st);
	fflush(stdout);
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: reqdesk-fcgi [-c config] [-s socket]\n"
	    "  Without -s, listens on fd 0 if it is a listening socket (spawn-fcgi),\n"
	    "  on fd 3 under systemd socket activation, or on the configured socket.\n"
	    "  With GATEWAY_INTERFACE set and no socket, answers one CGI request.\n");
}

int
main(int argc, char *argv[])
{
	const char	*conf = NULL, *sock = NULL, *lf;
	int		 ch, fd = -1, own_socket = 0, rc;
	char		 err[512];

	while ((ch = getopt(argc, argv, "c:s:h")) != -1) {
		switch (ch) {
		case 'c': conf = optarg; break;
		case 's': sock = optarg; break;
		default: usage(); return ch == 'h' ? 0 : 2;
		}
	}
	store_global_init();
	if (config_load(conf) < 0)
		return 1;
	if (sodium_init() < 0) {
		fprintf(stderr, "reqdesk-fcgi: cannot initialise libsodium\n");
		return 1;
	}
	/* Every template parsed once in every language, before the workers
	 * fork: a broken one stops the start rather than a page. */
	if ((rc = pages_init(config.templates, config.locale, err, sizeof(err))) < 0) {
		fprintf(stderr, "reqdesk-fcgi: %s\n", err);
		return 1;
	}
	if (rc > 0)
		log_warn("%s", err);
	if (calendar_test_clock_built() && getenv("REQDESK_TEST_CLOCK") != NULL)
		log_warn("test clock: the calendar's today is read from %s",
		    getenv("REQDESK_TEST_CLOCK"));
	if (catalog_load(config.catalog) < 0) {
		fprintf(stderr, "reqdesk-fcgi: the request catalog %s is not usable\n",
		    config.catalog);
		return 1;
	}

	if (sock == NULL && is_listening(0))
		fd = 0;
	else if (sock == NULL && (lf = getenv("LISTEN_FDS")) != NULL &&
	    atoi(lf) >= 1 && getenv("LISTEN_PID") != NULL &&
	    atol(getenv("LISTEN_PID")) == (long)getpid() && is_listening(3))
		fd = 3;
	else if (sock == NULL && getenv("GATEWAY_INTERFACE") != NULL)
		return run_cgi();

	/* Before the workers fork: one table of counts for all of them. */
	if (ratelimit_init() < 0)
		log_warn("no shared rate-limit table: each worker counts alone");
	if (prepare_database() < 0) {
		log_err("%s: database cannot be prepared", config.database);
		return 1;
	}
	if (fd < 0) {
		if ((fd = open_unix_socket(sock ? sock : config.socket)) < 0)
			return 1;
		own_socket = 1;
	}
	log_info("listening on %s", own_socket ? (sock ? sock : config.socket) :
	    "inherited socket");
	rc = supervise(fd);
	close(fd);
	if (own_socket)
		unlink(sock ? sock : config.socket);
	config_free();
	return rc;
}
