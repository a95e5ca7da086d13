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

#include <sodium.h>

#include "auth.h"
#include "config.h"
#include "http.h"
#include "log.h"
#include "pages.h"
#include "store.h"
#include "tpl.h"
#include "util.h"

#define SESSION_COOKIE	"reqdesk_session"
#define LOGIN_COOKIE	"reqdesk_login"
#define TOUCH_EVERY_S	60	/* write last_used at most this often */
#define PURGE_AFTER_S	(7 * 24 * 3600)	/* expired sessions/tokens kept */

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

/* A principal from a user row whose first column is `c`. NULL on ENOMEM. */
static struct principal *
principal_from_row(sqlite3_stmt *s, int c)
{
	struct principal *p;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	snprintf(p->user_id, sizeof(p->user_id), "%s", store_text(s, c));
	p->email = xstrdup(store_text(s, c + 1));
	p->name = xstrdup(store_text(s, c + 2));
	p->level = (enum level)level_from_name(store_text(s, c + 4));
	p->customer_id = xstrdup(store_text(s, c + 5));
	p->reseller_id = xstrdup(store_text(s, c + 6));
	p->customer_name = xstrdup(store_text(s, c + 9));
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
	sqlite3_stmt	*s;
	char		 hash[65], kind[8];
	time_t		 now = now_epoch();
	int		 rc;
	long long	 epoch, last_used, expires;

	secret_hash(secret, hash);
	/* The epoch first: a change committed after it only costs a miss. */
	if ((s = store_query(r->store, ST_AUTH_EPOCH, NULL)) == NULL)
		return -1;
	rc = store_row(s);
	epoch = rc == 1 ? store_int(s, 0) : 0;
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
	snprintf(kind, sizeof(kind), "%s", store_text(s, 0));
	if (strstr(kinds, kind) == NULL || store_int(s, 5) != 0 ||
	    store_int(s, 6 + 8) != 0) {	/* wrong kind, revoked, user disabled */
		store_done(s);
		return HERR_AUTH_INVALID;
	}
	last_used = store_int(s, 3);
	expires = store_isnull(s, 4) ? 0 : store_int(s, 4);
	if (store_isnull(s, 4) == 0 && expires == 0)
		expires = -1;	/* stored as 0: long expired, never "none" */
	if (cred_expired(kind, last_used, expires, now)) {
		/* Kept (purged a week later at a login), so that every use
		 * says "expired", not only the first. */
		store_done(s);
		return HERR_AUTH_EXPIRED;
	}
	if ((r->who = principal_from_row(s, 6)) == NULL) {
		store_done(s);
		return -1;
	}
	r->who->via = strcmp(kind, "session") == 0 ? VIA_SESSION :
	    strcmp(kind, "token") == 0 ? VIA_TOKEN : VIA_APIKEY;
	if (store_text(s, 1) != NULL)
		snprintf(r->who->csrf, sizeof(r->who->csrf), "%s", store_text(s, 1));
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
		if ((cookie = req_cookie(r, SESSION_COOKIE)) == NULL || *cookie == '\0')
			return 0;
		rc = lookup_secret(r, cookie, "session");
		if (rc > 0) {
			/* Stale cookie: forget it, go on as anonymous. */
			resp_header(r, "Set-Cookie", SESSION_COOKIE
			    "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
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

int
auth_check_csrf(const struct req *r)
{
	const char *sent = req_form(r, "csrf"), *want;

	if (r->who != NULL && r->who->via == VIA_SESSION)
		want = r->who->csrf;
	else
		want = req_cookie(r, LOGIN_COOKIE);
	if (sent == NULL || want == NULL || *want == '\0' ||
	    strlen(sent) != strlen(want))
		return -1;
	return sodium_memcmp(sent, want, strlen(want)) == 0 ? 0 : -1;
}

/* ---- failed-login throttling ---- */

/* Seconds the caller must still wait for `key`, 0 if none. */
static long long
throttle_wait(struct store *st, const char *key)
{
	sqlite3_stmt	*s;
	long long	 until = 0;

	if ((s = store_query(st, ST_LOGINFAIL_GET, "s", key)) != NULL &&
	    store_row(s) == 1)
		until = store_int(s, 2);
	store_done(s);
	until -= now_epoch();
	return until > 0 ? until : 0;
}

static void
throttle_keys(const struct req *r, const char *email, char akey[300], char ikey[80])
{
	size_t i;

	snprintf(akey, 300, "acct:%s", email);
	for (i = 5; akey[i] != '\0'; i++)
		akey[i] = (char)tolower((unsigned char)akey[i]);
	snprintf(ikey, 80, "ip:%s", r->remote_addr);
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
throttle_count(struct store *st, const char *key)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = store_query(st, ST_LOGINFAIL_RECORD, "sIiii", key,
	    (long long)now_epoch(), config.login_max_failures,
	    config.login_lock_max_s, config.login_lock_max_s)) == NULL)
		return -1;
	/* No row: the key was locked and nothing was changed.  A row: step
	 * on to the end, where the statement's change is committed. */
	if ((rc = store_row(s)) == 1 && store_row(s) != 0)
		rc = -1;
	store_done(s);
	return rc;
}

enum login_result { LOGIN_OK, LOGIN_BAD, LOGIN_WAIT, LOGIN_ERROR };

/*
 * Check an e-mail and password, with throttling.  On LOGIN_OK *user_id
 * receives the user's id; on LOGIN_WAIT *wait the seconds to wait.
 */
static enum login_result
login_check(struct req *r, const char *email, const char *password,
    char user_id[25], long long *wait)
{
	static const char dummy[] = "dummy password to equalise timing";
	sqlite3_stmt	*s;
	char		 akey[300], ikey[80], hash[128];
	int		 found, ok, rc;

	if (email == NULL || password == NULL || strlen(email) > 254)
		return LOGIN_BAD;
	throttle_keys(r, email, akey, ikey);
	*wait = throttle_wait(r->store, akey);
	if (*wait < throttle_wait(r->store, ikey))
		*wait = throttle_wait(r->store, ikey);
	if (*wait > 0)
		return LOGIN_WAIT;
	/* A guess is never free of the throttle: an attempt that cannot be
	 * counted answers "unavailable", and is not checked. */
	rc = throttle_count(r->store, ikey);
	if (rc == 1)
		rc = throttle_count(r->store, akey);
	if (rc < 0)
		return LOGIN_ERROR;
	if (rc == 0) {
		/* Locked since throttle_wait() by attempts in parallel. */
		*wait = throttle_wait(r->store, akey);
		if (*wait < throttle_wait(r->store, ikey))
			*wait = throttle_wait(r->store, ikey);
		if (*wait < 1)
			*wait = 1;
		return LOGIN_WAIT;
	}
	if ((s = store_query(r->store, ST_USER_BY_EMAIL, "s", email)) == NULL)
		return LOGIN_ERROR;
	found = store_row(s) == 1 && store_text(s, 7) != NULL &&
	    store_int(s, 8) == 0;
	if (found) {
		snprintf(hash, sizeof(hash), "%s", store_text(s, 7));
		snprintf(user_id, 25, "%s", store_text(s, 0));
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
	store_exec(r->store, ST_LOGINFAIL_CLEAR, "s", akey);
	store_exec(r->store, ST_LOGINFAIL_CLEAR, "s", ikey);
	/* Sessions and tokens that expired over a week ago are forgotten, and
	 * so are failures too old to count (a failed login for an unknown
	 * address or from a new client adds a row). */
	store_exec(r->store, ST_CRED_PURGE, "I", (long long)now_epoch() - PURGE_AFTER_S);
	store_exec(r->store, ST_LOGINFAIL_PURGE, "II",
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

/* ---- pages ---- */

/* Render the login form with an optional error; a fresh anti-forgery
 * token goes into a cookie and the form. */
static int
login_form(struct req *r, int status, const char *email, const char *error)
{
	struct tpl_dict	*root, *body;
	char		 tok[65], cookie[160];
	const char	*next = req_query(r, "next");

	if (random_hex(tok, 32) < 0)
		return -1;
	snprintf(cookie, sizeof(cookie), LOGIN_COOKIE "=%s; Path=/login; "
	    "HttpOnly; SameSite=Strict%s", tok, r->https ? "; Secure" : "");
	if (resp_header(r, "Set-Cookie", cookie) < 0)
		return -1;
	if ((root = page_new(r, "Log in", "login.tpl", &body)) == NULL)
		return -1;
	tpl_set(body, "LOGIN_CSRF", tok);
	tpl_set(body, "EMAIL", email ? email : "");
	tpl_set(body, "NEXT", next ? next : (req_form(r, "next") ? req_form(r, "next") : ""));
	if (error != NULL) {
		tpl_show(body, "ERROR");
		tpl_set(body, "ERROR_TEXT", error);
	}
	return page_send(r, status, root);
}

int
page_login(struct req *r)
{
	if (r->who != NULL)
		return resp_redirect(r, "/");
	return login_form(r, 200, NULL, NULL);
}

int
page_login_post(struct req *r)
{
	const char	*email = req_form(r, "email"), *next = req_form(r, "next");
	char		 user_id[25], secret[80], csrf[65], cookie[200], msg[128];
	long long	 wait, life = config.session_max_min * 60LL;

	switch (login_check(r, email, req_form(r, "password"), user_id, &wait)) {
	case LOGIN_OK:
		break;
	case LOGIN_BAD:
		return login_form(r, 401, email, "Wrong e-mail address or password.");
	case LOGIN_WAIT:
		snprintf(msg, sizeof(msg), "Too many failed attempts. "
		    "Try again in %lld seconds.", wait);
		return login_form(r, 429, email, msg);
	case LOGIN_ERROR:
		return resp_error(r, HERR_UNAVAILABLE,
		    "Logging in is not possible at the moment; try again shortly.");
	}
	if (random_hex(csrf, 32) < 0 ||
	    secret_new(r->store, "session", user_id, NULL, life, csrf, secret) < 0)
		return -1;
	snprintf(cookie, sizeof(cookie), SESSION_COOKIE "=%s; Path=/; Max-Age=%lld; "
	    "HttpOnly; SameSite=Lax%s", secret, life, r->https ? "; Secure" : "");
	sodium_memzero(secret, sizeof(secret));
	if (resp_header(r, "Set-Cookie", cookie) < 0)
		return -1;
	sodium_memzero(cookie, sizeof(cookie));
	resp_header(r, "Set-Cookie", LOGIN_COOKIE "=; Path=/login; Max-Age=0");
	log_info("user %s logged in", user_id);
	return resp_redirect(r, next != NULL && *next == '/' ? next : "/");
}

int
page_logout(struct req *r)
{
	/* The session must be gone before the cookie is: otherwise the user
	 * believes they are out while the session still opens the desk. */
	if (store_exec(r->store, ST_CRED_DELETE, "s", r->who->session_hash) < 0)
		return resp_error(r, HERR_UNAVAILABLE,
		    "You could not be logged out; try again in a moment.");
	resp_header(r, "Set-Cookie", SESSION_COOKIE
	    "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
	log_info("user %s logged out", r->who->user_id);
	return resp_redirect(r, "/login");
}

/* POST /auth/login {email, password} -> {token, expiresInMinutes} */
int
api_auth_login(struct req *r)
{
	json_t		*body, *errs, *out;
	const char	*email, *password;
	char		 user_id[25], token[80], msg[128];
	long long	 wait;
	int		 rc;

	if ((body = req_json_body(r, &rc)) == NULL)
		return rc;
	email = json_string_value(json_object_get(body, "email"));
	password = json_string_value(json_object_get(body, "password"));
	if (email == NULL || password == NULL) {
		errs = json_array();
		if (email == NULL)
			json_array_append_new(errs, tcx_error("email", "email", 422,
			    "E-mail is required", "required"));
		if (password == NULL)
			json_array_append_new(errs, tcx_error("password", "password",
			    422, "Password is required", "required"));
		json_decref(body);
		return resp_tcx(r, 422, errs);
	}
	switch (login_check(r, email, password, user_id, &wait)) {
	case LOGIN_OK:
		break;
	case LOGIN_BAD:
		json_decref(body);
		errs = json_array();
		json_array_append_new(errs, tcx_error("credentials_invalid", NULL,
		    401, "Wrong e-mail or password.", NULL));
		return resp_tcx(r, 401, errs);
	case LOGIN_WAIT:
		json_decref(body);
		snprintf(msg, sizeof(msg), "Too many failed attempts. "
		    "Try again in %lld seconds.", wait);
		return resp_error(r, HERR_TOO_MANY, msg);
	case LOGIN_ERROR:
		json_decref(body);
		return resp_error(r, HERR_UNAVAILABLE,
		    "Logging in is not possible at the moment; try again shortly.");
	}
	json_decref(body);
	if (secret_new(r->store, "token", user_id, NULL,
	    config.token_min * 60LL, NULL, token) < 0)
		return -1;
	out = json_pack("{s:s, s:i}", "token", token, "expiresInMinutes",
	    config.token_min);
	sodium_memzero(token, sizeof(token));
	return resp_json_new(r, 200, out);
}
