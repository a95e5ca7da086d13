/*
 * world.c — the world the harnesses run in (world.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <sodium.h>
#include <sqlite3.h>

#include "auth.h"
#include "catalog.h"
#include "config.h"
#include "demo.h"
#include "http.h"
#include "pages.h"
#include "route.h"
#include "store.h"
#include "util.h"
#include "world.h"

static struct demo_user {
	const char	*role, *user_id;
	char		 key[80];
} users[] = {
	{ "admin", "5eed0000000000000000a001", "" },
	{ "fdj_owner", "5eed0000000000000000f001", "" },
	{ "fdj_viewer", "5eed0000000000000000f002", "" },
	{ "acme_owner", "5eed0000000000000000ac01", "" },
	{ "acme_manager", "5eed0000000000000000ac02", "" },
	{ "nordic_owner", "5eed0000000000000000d001", "" },
	{ "nordic_it", "5eed0000000000000000d002", "" },
	{ "reseller", "5eed0000000000000000e001", "" },
};

static char		 dir[256], pristine[300], live[300];
static struct store	*st;
static sqlite3		*from_db, *to_db;	/* reset()'s own connections */
static char		 cookie_sql[64];	/* puts the schema cookie back */
static unsigned		 uses, writes;	/* calls, 2xx answers to a POST: since the reset */
static int		 held;		/* world_hold(): no reset for now */
static char		 inet_id[25], orange_id[25];
static struct buf	 last;		/* the last answer (world_answer) */
static char		*keep_to;	/* where world_call keeps a creation's id */
static const char	*keep_key;
static int		 ready;

static void
die(const char *what)
{
	fprintf(stderr, "fuzz world: %s\n", what);
	abort();
}

/* Copy the file `from` over `to`.  0 or -1. */
static int
copy_file(const char *from, const char *to)
{
	char	 chunk[65536];
	FILE	*in, *out;
	size_t	 n;
	int	 rc = 0;

	if ((in = fopen(from, "rb")) == NULL)
		return -1;
	if ((out = fopen(to, "wb")) == NULL) {
		fclose(in);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		if (fwrite(chunk, 1, n, out) != n)
			rc = -1;
	if (ferror(in))
		rc = -1;
	fclose(in);
	if (fclose(out) != 0)
		rc = -1;
	return rc;
}

static void
remove_world(void)
{
	char path[400];

	sqlite3_close(from_db);
	sqlite3_close(to_db);
	from_db = to_db = NULL;
	store_close(st);
	st = NULL;
	buf_free(&last);
	if (dir[0] == '\0')
		return;
	snprintf(path, sizeof(path), "%s-wal", live);
	unlink(path);
	snprintf(path, sizeof(path), "%s-shm", live);
	unlink(path);
	unlink(live);
	unlink(pristine);
	rmdir(dir);
}

/*
 * Put the live database back to the pristine world.  The first time the
 * file is copied and the desk's connection opened; after that the
 * pristine pages are written over the live database through a
 * connection of the harness's own (SQLite's online backup), in one
 * transaction the desk's connection then reads like any other writer's.
 * The backup counts as a schema change; the schema being the same page
 * for page, its cookie is put back to what the desk's connection knows,
 * so that that connection keeps its prepared statements: a reset costs
 * one write of the database, not a reopen, a new reading of the schema
 * and a new preparation of every statement (and leaves no allocation
 * behind: libFuzzer looks for a leak after any input that leaves more
 * allocations than it found).
 */
static void
reset(void)
{
	sqlite3_backup	*b;
	sqlite3_stmt	*s;
	char		 path[400];

	if (st == NULL) {
		snprintf(path, sizeof(path), "%s-wal", live);
		unlink(path);
		snprintf(path, sizeof(path), "%s-shm", live);
		unlink(path);
		if (copy_file(pristine, live) < 0)
			die("cannot copy the demo world");
		if ((st = store_open(live, 0)) == NULL)
			die("cannot open the demo world");
		if (sqlite3_open_v2(pristine, &from_db, SQLITE_OPEN_READWRITE,
		    NULL) != SQLITE_OK || sqlite3_open_v2(live, &to_db,
		    SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
			die("cannot open the demo world for resets");
		sqlite3_busy_timeout(to_db, 10000);
		if (sqlite3_prepare_v2(to_db, "PRAGMA schema_version", -1, &s,
		    NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW)
			die(sqlite3_errmsg(to_db));
		snprintf(cookie_sql, sizeof(cookie_sql),
		    "PRAGMA schema_version = %d", sqlite3_column_int(s, 0));
		sqlite3_finalize(s);
	} else if ((b = sqlite3_backup_init(to_db, "main", from_db, "main")) == NULL ||
	    sqlite3_backup_step(b, -1) != SQLITE_DONE ||
	    sqlite3_backup_finish(b) != SQLITE_OK ||
	    sqlite3_exec(to_db, cookie_sql, NULL, NULL, NULL) != SQLITE_OK)
		die(sqlite3_errmsg(to_db));
	uses = writes = 0;
}

void
world_init(void)
{
	const char	*tmp = getenv("TMPDIR");
	char		 err[256];
	size_t		 i;
	int		 status;

	if (ready)
		return;
	ready = 1;
	if (sodium_init() < 0)
		die("libsodium");
	store_global_init();
	if (config_load(NULL) < 0)
		die("configuration");
	config.pwhash_mem_kib = 8;	/* no password is checked */
	/* Millions of calls a minute from one credential: without this the
	 * rate limit would answer nearly all of them 429 (ratelimit.h). */
	config.rate_create_per_min = 0;
	config.rate_read_per_min = 0;
	if (catalog_load(CATALOG_DIR) < 0)
		die("catalog " CATALOG_DIR);
	if (pages_init(TEMPLATES_DIR, LOCALE_DIR, err, sizeof(err)) < 0)
		die(err);
	snprintf(dir, sizeof(dir), "%s/reqdesk-fuzz.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		die("mkdtemp");
	snprintf(pristine, sizeof(pristine), "%s/world.db", dir);
	snprintf(live, sizeof(live), "%s/live.db", dir);
	atexit(remove_world);
	if ((st = store_open(pristine, 1)) == NULL || store_migrate(st) < 0 ||
	    demo_load(st) < 0)
		die("demo world");
	for (i = 0; i < sizeof(users) / sizeof(users[0]); i++)
		if (auth_apikey_create(st, users[i].user_id, "fuzz", users[i].key) < 0)
			die("API key");
	/* An Internet request of NORDIC for the update harness, an Orange
	 * request of ACME for the conversation harness (world_call reads
	 * world_store(): the pristine database for now). */
	{
		static const char body[] = "{\"type\":\"FIBER\",\"address\":{\"_id\":"
		    "\"5eed0000000000000000ad01\"},\"product\":\"5eed00000000000000000002\","
		    "\"ipAddresses\":8}";
		struct store	*keep = st;
		char		 orange[512], day[16];
		time_t		 t;
		int		 d;

		keep_to = inet_id;
		keep_key = "_id";
		status = world_call("nordic_owner", "POST", "/internet/request",
		    "application/json", body, strlen(body));
		if (status != 201 || inet_id[0] == '\0')
			die("the Internet request of the world");
		/* a disconnection of ACME's site on the first date the lead
		 * time and the working days allow, tried day by day */
		keep_to = orange_id;
		keep_key = "id";
		for (d = 25; d < 60 && orange_id[0] == '\0'; d++) {
			t = time(NULL) + (time_t)d * 86400;
			strftime(day, sizeof(day), "%Y-%m-%d", gmtime(&t));
			snprintf(orange, sizeof(orange), "{\"requestedAt\":\"%s\","
			    "\"type\":\"R_BVPN_FR_1\",\"properties\":{\"servicePoint\":"
			    "{\"reference\":\"BVPN-ACME-0001\"},\"contacts\":{\"primary\":"
			    "{\"title\":\"M\",\"firstName\":\"Paul\",\"lastName\":"
			    "\"LANGEL\",\"phone\":\"+33401010101\",\"mobile\":"
			    "\"+33600200200\",\"email\":\"paul.langel@mycompany.com\"}}}}",
			    day);
			(void)world_call("acme_owner", "POST", "/ordering/b2b/v2/requests",
			    "application/json", orange, strlen(orange));
		}
		if (orange_id[0] == '\0')
			die("the Orange request of the world");
		keep_to = NULL;
		st = keep;
	}
	store_close(st);
	st = NULL;
	reset();
}

struct store *
world_store(void)
{
	if (st == NULL || ((++uses > WORLD_RESET_EVERY ||
	    writes >= WORLD_RESET_WRITES) && !held))
		reset();
	return st;
}

const char *
world_key(const char *role)
{
	size_t i;

	for (i = 0; i < sizeof(users) / sizeof(users[0]); i++)
		if (strcmp(users[i].role, role) == 0)
			return users[i].key;
	die("unknown role");
	return NULL;
}

const char *
world_inet_id(void)
{
	return inet_id;
}

void
world_hold(int on)
{
	held = on;
}

const char *
world_answer(size_t *len)
{
	const char *body = last.data != NULL ? strstr(last.data, "\r\n\r\n") : NULL;

	if (body == NULL) {
		*len = 0;
		return "";
	}
	body += 4;
	*len = last.len - (size_t)(body - last.data);
	return body;
}

const char *
world_orange_id(void)
{
	return orange_id;
}

/* The transport: the body in, the answer out. */
struct mem {
	const char	*in;
	size_t		 len, off;
	struct buf	 out;
};

static int
mem_read(void *ctx, char *buf, size_t n)
{
	struct mem *m = ctx;

	if (n > m->len - m->off)
		n = m->len - m->off;
	memcpy(buf, m->in + m->off, n);
	m->off += n;
	return (int)n;
}

static int
mem_write(void *ctx, const char *buf, size_t n)
{
	return buf_append(&((struct mem *)ctx)->out, buf, n);
}

/* The id (member `key`) of a creation's answer into `to` (25 bytes). */
static void
keep_id(const struct buf *out, const char *key, char *to)
{
	const char	*head = strstr(out->data, "\r\n\r\n");
	json_t		*j;

	if (head == NULL || (j = json_loads(head + 4, 0, NULL)) == NULL)
		return;
	snprintf(to, 25, "%s", json_string_value(json_object_get(j, key)) ?
	    json_string_value(json_object_get(j, key)) : "");
	json_decref(j);
}

int
world_call(const char *role, const char *method, const char *path,
    const char *ctype, const char *body, size_t len)
{
	char		 e_method[32], e_path[512], e_len[64], e_key[128], e_ctype[256];
	const char	*env[8];
	struct mem	 m = { body ? body : "", body ? len : 0, 0, { 0 } };
	struct io	 io;
	struct req	 r;
	size_t		 n = 0;
	int		 status = 0, rc;

	snprintf(e_method, sizeof(e_method), "REQUEST_METHOD=%s", method);
	snprintf(e_path, sizeof(e_path), "PATH_INFO=%s", path);
	snprintf(e_len, sizeof(e_len), "CONTENT_LENGTH=%zu", m.len);
	env[n++] = e_method;
	env[n++] = e_path;
	env[n++] = e_len;
	env[n++] = "REMOTE_ADDR=127.0.0.1";
	if (role != NULL) {
		snprintf(e_key, sizeof(e_key), "HTTP_X_API_KEY=%s", world_key(role));
		env[n++] = e_key;
	}
	if (ctype != NULL) {
		snprintf(e_ctype, sizeof(e_ctype), "CONTENT_TYPE=%s", ctype);
		env[n++] = e_ctype;
	}
	env[n] = NULL;
	io.read = mem_read;
	io.write = mem_write;
	io.ctx = &m;
	io.envp = (char **)env;
	if ((rc = req_init(&r, &io, world_store())) < 0)
		die("req_init");
	if (rc == 0)
		route_dispatch(&r);
	req_free(&r);
	if (m.out.data == NULL || sscanf(m.out.data, "Status: %d", &status) != 1 ||
	    strstr(m.out.data, "\r\n\r\n") == NULL) {
		fprintf(stderr, "fuzz world: %s %s: not a whole answer\n", method, path);
		abort();
	}
	if (status >= 500) {
		fprintf(stderr, "fuzz world: %s %s answered %d:\n%.2000s\n", method,
		    path, status, m.out.data);
		abort();
	}
	if (status < 300 && strcmp(method, "POST") == 0)
		writes++;
	if (keep_to != NULL && keep_to[0] == '\0' && status == 201)
		keep_id(&m.out, keep_key, keep_to);
	buf_free(&last);
	last = m.out;
	return status;
}
