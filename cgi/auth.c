/*
 * auth.c — credentials and access levels.
 *
 * Secrets (session cookies, API tokens, API keys) are random, shown to
 * their owner once, and stored only as BLAKE2b hashes.  Passwords are
 * argon2id hashes (libsodium crypto_pwhash_str).  Failed logins are
 * counted per account and per client address; past the configured
 * number, further attempts wait, the wait doubling up to a cap, so an
 * attacker is slowed and the real owner is never locked out for long.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <sodium.h>

#include "auth.h"
#include "config.h"
#include "http.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "workday.h"
#include "writer.h"

#define TOUCH_EVERY_S	60	/* write last_used at most this often */
#define PURGE_AFTER_S	(7 * 24 * 3600)	/* expired sessions/tokens kept */

const struct principal principal_operator = { .level = LVL_ADMIN };

const char *const level_names[LVL__MAX] = {
	"VIEWER", /* LVL_VIEWER */
	"MANAGER", /* LVL_MANAGER */
	"OWNER", /* LVL_OWNER */
	"RESELLER", /* LVL_RESELLER */
	"RESELLER_ADMIN", /* LVL_RESELLER_ADMIN */
	"ADMIN", /* LVL_ADMIN */
};

int
level_from_name(const char *name)
{
	int i;

	for (i = 0; name != NULL && i < LVL__MAX; i++)
		if (strcmp(level_names[i], name) == 0)
			return i;
	return -1;
}

void
principal_free(struct principal *p)
{
	if (p == NULL)
		return;
	free(p->name);
	free(p->email);
	free(p->customer_id);
	free(p->customer_name);
	free(p->reseller_id);
	sodium_memzero(p, sizeof(*p));
	free(p);
}

/* Hex BLAKE2b-256 of a secret, for storage and lookup. */
static void
secret_hash(const char *secret, char out[65])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)secret,
	    strlen(secret), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

int
auth_hash_password(const char *password, char out[128])
{
	if (crypto_pwhash_str(out, password, strlen(password),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    (size_t)config.pwhash_mem_kib * 1024) != 0) {
		log_err("password hashing failed (out of memory?)");
		return -1;
	}
	return 0;
}

/* Copy a short text column into a field of its own ("" for NULL, or for
 * a value too long for it: never cut). */
static void
copy_col(char *out, size_t len, struct rows *s, int col)
{
	const char *v = store_text(s, col);

	snprintf(out, len, "%s", v != NULL && strlen(v) < len ? v : "");
}

/* A principal from the user columns (enum user_col) of a row, which
 * begin at column `user` (CRED_USER).  NULL on ENOMEM. */
static struct principal *
principal_from_row(struct rows *s, int user)
{
	struct principal *p;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	snprintf(p->user_id, sizeof(p->user_id), "%s", store_text(s, user + USER_ID));
	p->email = xstrdup(store_text(s, user + USER_EMAIL));
	p->name = xstrdup(store_text(s, user + USER_NAME));
	p->level = (enum level)level_from_name(store_text(s, user + USER_LEVEL));
	p->customer_id = xstrdup(store_text(s, user + USER_CUSTOMER_ID));
	p->reseller_id = xstrdup(store_text(s, user + USER_RESELLER_ID));
	p->customer_name = xstrdup(store_text(s, user + USER_CUSTOMER_NAME));
	copy_col(p->language, sizeof(p->language), s, user + USER_LANGUAGE);
	copy_col(p->timezone, sizeof(p->timezone), s, user + USER_TIMEZONE);
	copy_col(p->market, sizeof(p->market), s, user + USER_MARKET);
	copy_col(p->currency, sizeof(p->currency), s, user + USER_CURRENCY);
	if (p->email == NULL || p->name == NULL || (int)p->level < 0) {
		principal_free(p);
		return NULL;
	}
	return p;
}

/* A copy of `p` that the caller frees; NULL on ENOMEM. */
static struct principal *
principal_dup(const struct principal *p)
{
	struct principal *c;

	if ((c = malloc(sizeof(*c))) == NULL)
		return NULL;
	*c = *p;
	c->email = xstrdup(p->email);
	c->name = xstrdup(p->name);
	c->customer_id = xstrdup(p->customer_id);
	c->customer_name = xstrdup(p->customer_name);
	c->reseller_id = xstrdup(p->reseller_id);
	if (c->email == NULL || c->name == NULL ||
	    (p->customer_id != NULL && c->customer_id == NULL) ||
	    (p->customer_name != NULL && c->customer_name == NULL) ||
	    (p->reseller_id != NULL && c->reseller_id == NULL)) {
		principal_free(c);
		return NULL;
	}
	return c;
}

/*
 * Credentials identified lately, per process, so that a request does not
 * join credential, user and customer rows again.  An entry serves only
 * under the auth epoch it was read at (store.c, migration 6: every
 * change of a credential but a recorded use, of a user or a customer
 * moves the epoch in its own transaction, whoever writes it), so a
 * logout, a revoked key or a disabled user is refused at the next
 * request in every process.  It also serves only within TOUCH_EVERY_S of
 * the last use it knows: past that the database decides expiry from the
 * stored time and records the use, as without the cache.  Direct-mapped
 * by the first byte of the hash; a collision just replaces the entry.
 */
#define CRED_SLOTS	256

struct cred_entry {
	char			 hash[65];	/* "" when empty */
	char			 kind[8];
	long long		 epoch;
	long long		 expires;	/* 0: none */
	long long		 last_used;
	struct principal	*who;		/* owned */
};

static struct cred_entry	cred_cache[CRED_SLOTS];
static pthread_mutex_t		cred_lock = PTHREAD_MUTEX_INITIALIZER;

static struct cred_entry *
cred_slot(const char hash[65])
{
	return &cred_cache[(unsigned)strtoul((char[3]){ hash[0], hash[1], '\0' },
	    NULL, 16) % CRED_SLOTS];
}

/* Whether a credential of `kind` last used at `last_used` and expiring
 * at `expires` (0: never) is expired at `now`. */
static int
cred_expired(const char *kind, long long last_used, long long expires, time_t now)
{
	return (expires != 0 && expires <= now) ||
	    (strcmp(kind, "session") == 0 &&
	     last_used + config.session_idle_min * 60LL <= now);
}

/* A copy of the principal of `hash` when memory may answer for it, or
 * NULL (also on ENOMEM: the database answers then). */
static struct principal *
cred_cached(const char hash[65], long long epoch, const char *kinds, time_t now)
{
	struct cred_entry	*e = cred_slot(hash);
	struct principal	*who = NULL;

	pthread_mutex_lock(&cred_lock);
	if (e->who != NULL && strcmp(e->hash, hash) == 0 && e->epoch == epoch &&
	    strstr(kinds, e->kind) != NULL && now - e->last_used < TOUCH_EVERY_S &&
	    !cred_expired(e->kind, e->last_used, e->expires, now))
		who = principal_dup(e->who);
	pthread_mutex_unlock(&cred_lock);
	return who;
}

static void
cred_remember(const char hash[65], long long epoch, const char *kind,
    long long expires, long long last_used, const struct principal *p)
{
	struct cred_entry	*e = cred_slot(hash);
	struct principal	*who, *old;

	if ((who = principal_dup(p)) == NULL)
		return;
	pthread_mutex_lock(&cred_lock);
	old = e->who;
	memcpy(e->hash, hash, sizeof(e->hash));
	snprintf(e->kind, sizeof(e->kind), "%s", kind);
	e->epoch = epoch;
	e->expires = expires;
	e->last_used = last_used;
	e->who = who;
	pthread_mutex_unlock(&cred_lock);
	principal_free(old);
}

/*
 * Look up a secret of one of the `kinds` (comma list).  Returns 0 and
 * sets r->who, or HERR_AUTH_INVALID / HERR_AUTH_EXPIRED, or -1.
 */
static int
lookup_secret(struct req *r, const char *secret, const char *kinds)
{
	struct rows	*s;
	char		 hash[65], kind[8];
	time_t		 now = now_epoch();
	int		 rc;
	long long	 epoch, last_used, expires;

	secret_hash(secret, hash);
	/* The epoch first: a change committed after it only costs a miss. */
	if ((s = store_query(r->store, ST_AUTH_EPOCH, NULL)) == NULL)
		return -1;
	rc = store_row(s);
	epoch = rc == 1 ? store_int(s, COUNT_N) : 0;
	store_done(s);
	if (rc != 1)
		return -1;
	if ((r->who = cred_cached(hash, epoch, kinds, now)) != NULL) {
		memcpy(r->who->session_hash, hash, sizeof(hash));
		return 0;
	}
	if ((s = store_query(r->store, ST_CRED_LOOKUP, "s", hash)) == NULL)
		return -1;
	if ((rc = store_row(s)) <= 0) {
		store_done(s);
		return rc < 0 ? -1 : HERR_AUTH_INVALID;
	}
	snprintf(kind, sizeof(kind), "%s", store_text(s, CRED_KIND));
	if (strstr(kinds, kind) == NULL || store_int(s, CRED_REVOKED) != 0 ||
	    store_int(s, CRED_USER + USER_DISABLED) != 0) {
		/* wrong kind, revoked, user disabled */
		store_done(s);
		return HERR_AUTH_INVALID;
	}
	last_used = store_int(s, CRED_LAST_USED);
	expires = store_isnull(s, CRED_EXPIRES) ? 0 : store_int(s, CRED_EXPIRES);
	if (store_isnull(s, CRED_EXPIRES) == 0 && expires == 0)
		expires = -1;	/* stored as 0: long expired, never "none" */
	if (cred_expired(kind, last_used, expires, now)) {
		/* Kept (purged a week later at a login), so that every use
		 * says "expired", not only the first.  A page remembers whose
		 * session it was, to keep a form being posted (route.c). */
		if (strcmp(kind, "session") == 0 && r->expired == NULL &&
		    (r->expired = principal_from_row(s, CRED_USER)) != NULL &&
		    store_text(s, CRED_CSRF) != NULL)
			snprintf(r->expired->csrf, sizeof(r->expired->csrf), "%s",
			    store_text(s, CRED_CSRF));
		store_done(s);
		return HERR_AUTH_EXPIRED;
	}
	if ((r->who = principal_from_row(s, CRED_USER)) == NULL) {
		store_done(s);
		return -1;
	}
	r->who->via = strcmp(kind, "session") == 0 ? VIA_SESSION :
	    strcmp(kind, "token") == 0 ? VIA_TOKEN : VIA_APIKEY;
	if (store_text(s, CRED_CSRF) != NULL)
		snprintf(r->who->csrf, sizeof(r->who->csrf), "%s",
		    store_text(s, CRED_CSRF));
	memcpy(r->who->session_hash, hash, sizeof(hash));
	store_done(s);
	if (now - last_used >= TOUCH_EVERY_S &&
	    store_exec(r->store, ST_CRED_TOUCH, "Is", (long long)now, hash) == 1)
		last_used = now;
	cred_remember(hash, epoch, kind, expires, last_used, r->who);
	return 0;
}

int
auth_identify(struct req *r, int json_route)
{
	const char	*key, *authz, *tok, *cookie;
	int		 rc;

	if (r->store == NULL)
		return -1;
	if (!json_route) {
		if ((cookie = auth_cookie(r, COOKIE_SESSION)) == NULL || *cookie == '\0')
			return 0;
		rc = lookup_secret(r, cookie, "session");
		if (rc > 0) {
			/* Stale cookie: forget it, go on as anonymous. */
			auth_cookie_set(r, COOKIE_SESSION, NULL, 0);
			return 0;
		}
		return rc;
	}
	if ((key = req_env(r, "HTTP_X_API_KEY")) != NULL)
		return lookup_secret(r, key, "apikey");
	if ((authz = req_env(r, "HTTP_AUTHORIZATION")) == NULL)
		return 0;
	if (strncasecmp(authz, "Bearer ", 7) != 0)
		return HERR_AUTH_FORMAT;
	tok = authz + 7;
	if (*tok == '\0' || strpbrk(tok, " \t") != NULL)
		return HERR_AUTH_FORMAT;
	return lookup_secret(r, tok, "token,apikey");
}

/* ---- cookies ---- */

static const struct {
	const char	*name, *tls_name;
	const char	*path;		/* without TLS (with it: always "/") */
	int		 secret;	/* HttpOnly */
	const char	*samesite;
} cookies[] = {
	{ "reqdesk_session", "__Host-reqdesk_session", "/", 1, "Lax" },	/* COOKIE_SESSION */
	{ "reqdesk_login", "__Host-reqdesk_login", "/", 1, "Strict" },	/* COOKIE_LOGIN */
	{ "reqdesk_lang", "__Host-reqdesk_lang", "/", 0, "Lax" },	/* COOKIE_LANG */
};

const char *
auth_cookie_name(const struct req *r, enum desk_cookie c)
{
	return r->https ? cookies[c].tls_name : cookies[c].name;
}

const char *
auth_cookie(const struct req *r, enum desk_cookie c)
{
	return req_cookie(r, auth_cookie_name(r, c));
}

int
auth_cookie_set(struct req *r, enum desk_cookie c, const char *value,
    long long max_age)
{
	char	line[320], age[48] = "";
	int	rc;

	if (value == NULL)
		snprintf(age, sizeof(age), "; Max-Age=0");
	else if (max_age > 0)
		snprintf(age, sizeof(age), "; Max-Age=%lld", max_age);
	if ((size_t)snprintf(line, sizeof(line), "%s=%s; Path=%s%s%s; SameSite=%s%s",
	    auth_cookie_name(r, c), value != NULL ? value : "",
	    r->https ? "/" : cookies[c].path, age, cookies[c].secret ? "; HttpOnly" : "",
	    cookies[c].samesite, r->https ? "; Secure" : "") >= sizeof(line))
		return -1;
	rc = resp_header(r, "Set-Cookie", line);
	sodium_memzero(line, sizeof(line));
	return rc;
}

/* ---- the login form's tokens ---- */

#define LOGIN_TOKEN_LIFE_S	(2 * 60 * 60)

/* The desk's login key, read once per process (it never changes). */
static pthread_mutex_t	login_key_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned char	login_key[crypto_auth_hmacsha256_KEYBYTES];
static int		login_key_read;

static int
login_key_get(struct store *st, unsigned char key[crypto_auth_hmacsha256_KEYBYTES])
{
	struct rows	*s;
	int		 rc = 0;

	pthread_mutex_lock(&login_key_lock);
	if (!login_key_read) {
		rc = -1;
		if ((s = store_query(st, ST_SERVER_KEY, "s", "login")) != NULL &&
		    store_row(s) == 1 && sodium_hex2bin(login_key, sizeof(login_key),
		    store_text(s, KEY_VALUE), 64, NULL, NULL, NULL) == 0) {
			login_key_read = 1;
			rc = 0;
		}
		store_done(s);
	}
	if (rc == 0)
		memcpy(key, login_key, sizeof(login_key));
	pthread_mutex_unlock(&login_key_lock);
	return rc;
}

/*
 * A login token is hex only (it travels in a form field and a cookie):
 * 32 digits of random nonce, 16 of expiry (seconds since the epoch), and
 * 64 of HMAC-SHA256 over the first 48, keyed with the desk's login key.
 */
#define LT_SIGNED	48
#define LT_LEN		(LT_SIGNED + 64)

/* The signature of the first LT_SIGNED characters of `token`, in hex. */
static int
login_mac(struct store *st, const char *token, char mac[65])
{
	unsigned char	key[crypto_auth_hmacsha256_KEYBYTES];
	unsigned char	out[crypto_auth_hmacsha256_BYTES];

	if (login_key_get(st, key) < 0)
		return -1;
	crypto_auth_hmacsha256(out, (const unsigned char *)token, LT_SIGNED, key);
	sodium_memzero(key, sizeof(key));
	sodium_bin2hex(mac, 65, out, sizeof(out));
	return 0;
}

int
auth_login_token(struct store *st, char out[128])
{
	char mac[65];

	if (random_hex(out, 16) < 0)
		return -1;
	snprintf(out + 32, 17, "%016llx",
	    (unsigned long long)now_epoch() + LOGIN_TOKEN_LIFE_S);
	if (login_mac(st, out, mac) < 0)
		return -1;
	memcpy(out + LT_SIGNED, mac, 65);
	return 0;
}

/* Is `token` one auth_login_token() made, not expired?  1 or 0. */
static int
login_token_ok(struct store *st, const char *token)
{
	char			 mac[65], hex[17];
	unsigned long long	 expires;

	if (strlen(token) != LT_LEN || !is_hex(token, LT_LEN))
		return 0;
	memcpy(hex, token + 32, 16);
	hex[16] = '\0';
	expires = strtoull(hex, NULL, 16);
	if (expires < (unsigned long long)now_epoch() || login_mac(st, token, mac) < 0)
		return 0;
	return sodium_memcmp(mac, token + LT_SIGNED, 64) == 0;
}

/* ---- forms kept over a login ---- */

#define FORM_KEEP_S	(60 * 60)

int
auth_form_keep(struct store *st, const char *user_id, const char *path,
    const struct kvlist *form, char id[33])
{
	json_t	*fields;
	char	*text;
	size_t	 i;
	int	 rc;

	/* [[key, value], ...]: every field in its order, a repeated one too */
	if ((fields = json_array()) == NULL)
		return -1;
	for (i = 0; i < form->n; i++)
		if (strcmp(form->v[i].key, "csrf") != 0 &&
		    json_array_append_new(fields, json_pack("[ss]", form->v[i].key,
		    form->v[i].val)) < 0) {
			json_decref(fields);
			return -1;
		}
	text = json_dumps(fields, JSON_COMPACT);
	json_decref(fields);
	if (text == NULL || random_hex(id, 16) < 0) {
		free(text);
		return -1;
	}
	store_exec(st, ST_PENDING_PURGE, "I", (long long)now_epoch());
	rc = store_exec(st, ST_PENDING_ADD, "ssssI", id, user_id, path, text,
	    (long long)now_epoch() + FORM_KEEP_S) == 1 ? 0 : -1;
	free(text);
	return rc;
}

int
auth_form_take(struct store *st, const char *user_id, const char *id,
    const char *path, struct kvlist *form)
{
	struct rows	*s;
	json_t		*fields = NULL, *v;
	const char	*key;
	size_t		 i;
	int		 rc;

	if (!is_hex(id, 32))
		return 0;
	if ((s = store_query(st, ST_PENDING_TAKE, "ssI", id, user_id,
	    (long long)now_epoch())) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		if (strcmp(store_text(s, PENDING_PATH), path) != 0)
			rc = 0;		/* another page's: gone all the same */
		else
			fields = json_loads(store_text(s, PENDING_FIELDS), 0, NULL);
		if (store_row(s) < 0)	/* to the end: the deletion is done */
			rc = -1;
	}
	store_done(s);
	if (rc != 1 || fields == NULL) {
		json_decref(fields);
		return rc < 0 ? -1 : 0;
	}
	json_array_foreach(fields, i, v)
		if ((key = json_string_value(json_array_get(v, 0))) != NULL &&
		    json_string_value(json_array_get(v, 1)) != NULL &&
		    kv_parse_pair(form, key, json_string_value(json_array_get(v, 1))) < 0) {
			json_decref(fields);
			return -1;
		}
	json_decref(fields);
	return 1;
}

int
auth_check_csrf(const struct req *r)
{
	const char *sent = req_form(r, "csrf"), *want;

	if (r->who != NULL && r->who->via == VIA_SESSION)
		want = r->who->csrf;
	else
		want = auth_cookie(r, COOKIE_LOGIN);
	if (sent == NULL || want == NULL || *want == '\0' ||
	    strlen(sent) != strlen(want) || sodium_memcmp(sent, want, strlen(want)) != 0)
		return -1;
	/* Without a session, the pair must also be the desk's own: a cookie
	 * planted with its matching field (by a site of the same domain) is
	 * not. */
	if ((r->who == NULL || r->who->via != VIA_SESSION) &&
	    (r->store == NULL || !login_token_ok(r->store, sent)))
		return -1;
	return 0;
}

/* ---- failed-login throttling ---- */

/* Seconds the caller must still wait for `key`, 0 if none. */
static long long
throttle_wait(struct store *st, const char *key)
{
	struct rows	*s;
	long long	 until = 0;

	if ((s = store_query(st, ST_LOGINFAIL_GET, "s", key)) != NULL &&
	    store_row(s) == 1)
		until = store_int(s, LOGINFAIL_LOCKED_UNTIL);
	store_done(s);
	until -= now_epoch();
	return until > 0 ? until : 0;
}

static void
throttle_keys(const char *client, const char *email, char akey[300], char ikey[80])
{
	size_t i;

	snprintf(akey, 300, "acct:%s", email);
	for (i = 5; akey[i] != '\0'; i++)
		akey[i] = (char)tolower((unsigned char)akey[i]);
	snprintf(ikey, 80, "ip:%s", client);
}

static int throttle_count(struct store *, const char *, int);

int
auth_throttle_try(struct store *st, const char *key, int max_attempts)
{
	return throttle_count(st, key, max_attempts);
}

/*
 * Count an attempt under `key` before its password is checked, unless
 * `key` is locked at this very moment.  Counting first, in one statement,
 * is what makes the limit hold for attempts sent in parallel: they all
 * pass throttle_wait() before any of them has failed, but only the first
 * login_max_failures find the key unlocked here.  A successful login
 * clears the count again.  1 when counted, 0 when locked, -1 when it
 * could not be recorded.
 */
static int
throttle_count(struct store *st, const char *key, int max_attempts)
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_LOGINFAIL_RECORD, "sIiii", key,
	    (long long)now_epoch(), max_attempts,
	    config.login_lock_max_s, config.login_lock_max_s)) == NULL)
		return -1;
	/* No row: the key was locked and nothing was changed.  A row: step
	 * on to the end, where the statement's change is committed. */
	if ((rc = store_row(s)) == 1 && store_row(s) != 0)
		rc = -1;
	store_done(s);
	return rc;
}

/* Check an e-mail and password, with throttling; contract in auth.h. */
enum login_result
auth_login(struct store *st, const char *client, const char *email,
    const char *password, char user_id[25], long long *wait)
{
	static const char dummy[] = "dummy password to equalise timing";
	struct rows	*s;
	char		 akey[300], ikey[80], hash[128];
	int		 found, ok, rc;

	if (email == NULL || password == NULL || strlen(email) > 254)
		return LOGIN_BAD;
	throttle_keys(client, email, akey, ikey);
	*wait = throttle_wait(st, akey);
	if (*wait < throttle_wait(st, ikey))
		*wait = throttle_wait(st, ikey);
	if (*wait > 0)
		return LOGIN_WAIT;
	/* A guess is never free of the throttle: an attempt that cannot be
	 * counted answers "unavailable", and is not checked. */
	rc = throttle_count(st, ikey, config.login_max_failures);
	if (rc == 1)
		rc = throttle_count(st, akey, config.login_max_failures);
	if (rc < 0)
		return LOGIN_ERROR;
	if (rc == 0) {
		/* Locked since throttle_wait() by attempts in parallel. */
		*wait = throttle_wait(st, akey);
		if (*wait < throttle_wait(st, ikey))
			*wait = throttle_wait(st, ikey);
		if (*wait < 1)
			*wait = 1;
		return LOGIN_WAIT;
	}
	if ((s = store_query(st, ST_USER_BY_EMAIL, "s", email)) == NULL)
		return LOGIN_ERROR;
	found = store_row(s) == 1 && store_text(s, USER_PASSWORD_HASH) != NULL &&
	    store_int(s, USER_DISABLED) == 0;
	if (found) {
		snprintf(hash, sizeof(hash), "%s", store_text(s, USER_PASSWORD_HASH));
		snprintf(user_id, 25, "%s", store_text(s, USER_ID));
	}
	store_done(s);
	if (!found) {
		/* Same cost as a real check, so timing tells nothing. */
		if (auth_hash_password(dummy, hash) < 0)
			return LOGIN_ERROR;
		ok = 0;
	} else
		ok = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
	sodium_memzero(hash, sizeof(hash));
	if (!ok) {
		log_info("login failed for an account (%s)", found ? "wrong password" : "unknown");
		return LOGIN_BAD;	/* counted above */
	}
	store_exec(st, ST_LOGINFAIL_CLEAR, "s", akey);
	store_exec(st, ST_LOGINFAIL_CLEAR, "s", ikey);
	/* Sessions and tokens that expired over a week ago are forgotten, and
	 * so are failures too old to count (a failed login for an unknown
	 * address or from a new client adds a row). */
	store_exec(st, ST_CRED_PURGE, "I", (long long)now_epoch() - PURGE_AFTER_S);
	store_exec(st, ST_LOGINFAIL_PURGE, "II",
	    (long long)now_epoch() - config.login_lock_max_s, (long long)now_epoch());
	return LOGIN_OK;
}

/* Store a new secret of `kind` for the user; out receives the secret
 * (prefix + 64 hex).  0, or -1. */
static int
secret_new(struct store *st, const char *kind, const char *user_id,
    const char *label, long long lifetime_s, const char *csrf, char out[80])
{
	char		 hex[65], hash[65], prefix[16];
	long long	 now = now_epoch();

	if (random_hex(hex, 32) < 0)
		return -1;
	snprintf(out, 80, "%s%s", strcmp(kind, "apikey") == 0 ? "rqk_" : "", hex);
	snprintf(prefix, sizeof(prefix), "%.12s", out);
	secret_hash(out, hash);
	if (lifetime_s > 0)
		return store_exec(st, ST_CRED_ADD, "ssssssIII", hash, kind, user_id,
		    label, prefix, csrf, now, now, now + lifetime_s) == 1 ? 0 : -1;
	return store_exec(st, ST_CRED_ADD, "ssssssIIs", hash, kind, user_id,
	    label, prefix, csrf, now, now, NULL) == 1 ? 0 : -1;
}

int
auth_apikey_create(struct store *st, const char *user_id, const char *label,
    char out[80])
{
	return secret_new(st, "apikey", user_id, label, 0, NULL, out);
}

int
auth_session_create(struct store *st, const char *user_id, long long life_s,
    char csrf[65], char out[80])
{
	if (random_hex(csrf, 32) < 0)
		return -1;
	return secret_new(st, "session", user_id, NULL, life_s, csrf, out);
}

int
auth_token_create(struct store *st, const char *user_id, long long life_s,
    char out[80])
{
	return secret_new(st, "token", user_id, NULL, life_s, NULL, out);
}

/* ---- tokens mailed to people: password resets, invitations ---- */

static const char *const utoken_kinds[] = { "reset", "invite" };

int
auth_utoken_issue(struct store *st, enum utoken kind, const char *user_id,
    long long life_s, char out[65])
{
	char		hash[65];
	long long	now = (long long)calendar_now();

	if (random_hex(out, 32) < 0)
		return -1;
	secret_hash(out, hash);
	store_exec(st, ST_UTOKEN_PURGE, "I", now);
	if (store_exec(st, ST_UTOKEN_DROP, "ss", user_id, utoken_kinds[kind]) < 0 ||
	    store_exec(st, ST_UTOKEN_ADD, "sssII", hash, utoken_kinds[kind], user_id,
	    now, now + life_s) != 1)
		return -1;
	return 0;
}

int
auth_utoken_check(struct store *st, enum utoken kind, const char *token,
    char user_id[25], char email[255])
{
	struct rows	*s;
	char		 hash[65];
	int		 rc, ok = 0;

	if (!is_hex(token, 64))
		return 0;
	secret_hash(token, hash);
	if ((s = store_query(st, ST_UTOKEN_GET, "s", hash)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1 &&
	    strcmp(store_text(s, UTOKEN_KIND), utoken_kinds[kind]) == 0 &&
	    store_isnull(s, UTOKEN_USED) && store_int(s, UTOKEN_DISABLED) == 0 &&
	    store_int(s, UTOKEN_EXPIRES) > (long long)calendar_now()) {
		snprintf(user_id, 25, "%s", store_text(s, UTOKEN_USER_ID));
		snprintf(email, 255, "%s", store_text(s, UTOKEN_EMAIL));
		ok = 1;
	}
	store_done(s);
	return rc < 0 ? -1 : ok;
}

/* A user's new password (hashed), the end of their sessions and of their
 * pending links; and, with `token_hash`, the use of that link first. */
struct password_change {
	const char	*user_id, *token_hash, *kind, *hash;
	long long	 now;
};

/* write_fn: 0 done, 1 the link was used or expired since the check. */
static int
password_unit(struct store *st, void *arg)
{
	const struct password_change *c = arg;

	if (c->token_hash != NULL) {
		switch (store_exec(st, ST_UTOKEN_USE, "sIs", c->token_hash, c->now, c->kind)) {
		case 1:
			break;
		case 0:
			return 1;
		default:
			return -1;
		}
	}
	if (store_exec(st, ST_USER_SET_PASSWORD, "ss", c->hash, c->user_id) != 1 ||
	    store_exec(st, ST_CRED_REVOKE_USER, "s", c->user_id) < 0 ||
	    store_exec(st, ST_UTOKEN_DROP, "ss", c->user_id, "reset") < 0 ||
	    store_exec(st, ST_UTOKEN_DROP, "ss", c->user_id, "invite") < 0)
		return -1;
	return 0;
}

int
auth_utoken_use(struct store *st, enum utoken kind, const char *token,
    const char *password)
{
	char	hash[65], pw[128], user_id[25], email[255];
	int	rc;
	struct password_change c = { .user_id = user_id, .token_hash = hash,
	    .kind = utoken_kinds[kind], .hash = pw };

	if ((rc = auth_utoken_check(st, kind, token, user_id, email)) != 1)
		return rc;
	if (auth_hash_password(password, pw) < 0)
		return -1;
	secret_hash(token, hash);
	c.now = (long long)calendar_now();
	rc = store_write(st, password_unit, &c);
	if (rc == 0)
		auth_throttle_clear(st, email);
	sodium_memzero(pw, sizeof(pw));
	return rc == 0 ? 1 : rc == 1 ? 0 : -1;
}

int
auth_password_ok(struct store *st, const char *user_id, const char *password)
{
	struct rows	*s;
	char		 hash[128];
	int		 found, ok;

	if ((s = store_query(st, ST_USER_BY_ID, "s", user_id)) == NULL)
		return -1;
	found = store_row(s) == 1 && store_text(s, USER_PASSWORD_HASH) != NULL &&
	    strlen(store_text(s, USER_PASSWORD_HASH)) < sizeof(hash);
	if (found)
		snprintf(hash, sizeof(hash), "%s", store_text(s, USER_PASSWORD_HASH));
	store_done(s);
	if (!found && auth_hash_password("dummy password to equalise timing", hash) < 0)
		return -1;
	ok = found && crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
	sodium_memzero(hash, sizeof(hash));
	return ok;
}

int
auth_set_password(struct store *st, const char *user_id, const char *email,
    const char *password)
{
	char	hash[128];
	int	rc;
	struct password_change c = { .user_id = user_id, .hash = hash };

	if (auth_hash_password(password, hash) < 0)
		return -1;
	if ((rc = store_write(st, password_unit, &c)) == 0)
		auth_throttle_clear(st, email);
	sodium_memzero(hash, sizeof(hash));
	return rc == 0 ? 0 : -1;
}

int
auth_session_end(struct store *st, const struct principal *who)
{
	return store_exec(st, ST_CRED_DELETE, "s", who->session_hash) < 0 ? -1 : 0;
}

void
auth_throttle_clear(struct store *st, const char *email)
{
	char	akey[300];
	size_t	i;

	snprintf(akey, sizeof(akey), "acct:%s", email);
	for (i = 5; akey[i] != '\0'; i++)
		akey[i] = (char)tolower((unsigned char)akey[i]);
	store_exec(st, ST_LOGINFAIL_CLEAR, "s", akey);
}
