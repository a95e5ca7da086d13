/*
 * auth.h — who is calling: browser sessions (cookie + CSRF token), API
 * tokens from POST /auth/login, long-lived API keys; access levels;
 * the login throttle.  Domain: reads and writes credentials through
 * storage, never writes a response.
 *
 * Owns: the credentials, login_failures, pending_forms, user_tokens and
 * server_keys rows, the per-worker cache of identified credentials, the
 * desk's cookies, and the password hashes of users.  Calls: store, http
 * (the request's cookies, headers and form; Set-Cookie), config,
 * workday (the clock of tokens), log, util.  Never: writes a response's
 * status or body (the dispatcher and reply.c answer), or keeps or logs
 * a credential in the clear (sessions, tokens, keys and passwords are
 * stored hashed).
 */
#ifndef REQDESK_AUTH_H
#define REQDESK_AUTH_H

#include "http.h"

/* Access levels, lowest first (TelecomX names). */
enum level {
	LVL_VIEWER,
	LVL_MANAGER,
	LVL_OWNER,
	LVL_RESELLER,
	LVL_RESELLER_ADMIN,
	LVL_ADMIN,
	LVL__MAX
};

#define LV(x)		(1u << (x))
#define LV_ALL		(LV(LVL__MAX) - 1)
/* Those who may create requests for a customer. */
#define LV_CREATE	(LV(LVL_MANAGER) | LV(LVL_OWNER) | LV(LVL_RESELLER) | \
			 LV(LVL_RESELLER_ADMIN) | LV(LVL_ADMIN))
#define LV_ADMIN	LV(LVL_ADMIN)

enum via {
	VIA_SESSION,	/* browser cookie */
	VIA_TOKEN,	/* Authorization: Bearer, from POST /auth/login */
	VIA_APIKEY,	/* X-API-Key or Authorization: Bearer with a key */
};

/* The authenticated caller.  Owned by the request (r->who). */
struct principal {
	char		 user_id[25];
	char		*name;
	char		*email;
	enum level	 level;
	char		*customer_id;	/* NULL for ADMIN and reseller staff */
	char		*customer_name;
	char		*reseller_id;	/* NULL unless reseller staff */
	enum via	 via;
	char		 csrf[65];	/* session's CSRF token (VIA_SESSION) */
	char		 session_hash[65];
	char		 language[4];	/* the user's choice, "" for none */
	char		 timezone[64];	/* the user's choice, "" for none */
	char		 market[4];	/* of the user's customer, "" for none */
	char		 currency[4];	/* of the user's customer, "" for none */
};

extern const char *const level_names[LVL__MAX];

/* The operator's scope, for reads inside a change that the caller's own
 * scope already allowed (a mail naming the request it was queued for). */
extern const struct principal principal_operator;

/* Level from its name, or -1. */
int  level_from_name(const char *name);

/*
 * Identify the caller of `r` from its cookie (HTML routes) or its
 * Authorization / X-API-Key header (JSON routes) and set r->who.
 * Returns 0 (r->who may stay NULL: anonymous), or an enum herr for a
 * credential that is present but malformed, unknown or expired, or -1
 * on a storage error.
 */
int  auth_identify(struct req *r, int json_route);

/*
 * Keep the form posted to `path` (r->form, its csrf field left out) for
 * `user_id`, whose session expired while they filled it in, for an hour:
 * id[33] receives the id to take it back with.  0 or -1.
 */
int  auth_form_keep(struct store *st, const char *user_id, const char *path,
	const struct kvlist *form, char id[33]);

/* Take back (once) the form kept under `id` for `user_id` and `path`,
 * into `form` (appended).  1 when taken, 0 when there is none (another
 * user's, another page's, expired, taken already), -1 on an error. */
int  auth_form_take(struct store *st, const char *user_id, const char *id,
	const char *path, struct kvlist *form);

/* 0 if the form's "csrf" field matches the session's token, else -1. */
int  auth_check_csrf(const struct req *r);

void principal_free(struct principal *p);

/* Hash a password for storage (argon2id, libsodium); out must hold
 * crypto_pwhash_STRBYTES (128).  0 or -1. */
int  auth_hash_password(const char *password, char out[128]);

/* Create a long-lived API key for the user; out receives the key (shown
 * once, stored hashed).  0 or -1. */
int  auth_apikey_create(struct store *st, const char *user_id,
	const char *label, char out[80]);

/* Forget the failed logins counted against the account `email` (after
 * an admin set a new password), so its owner need not wait. */
void auth_throttle_clear(struct store *st, const char *email);

/* The cookies of a browser. */
enum desk_cookie {
	COOKIE_SESSION,		/* the session's secret */
	COOKIE_LOGIN,		/* the token of a form without a session (login,
				 * password reset): its pair is the field */
	COOKIE_LANG,		/* the language chosen with the switch (no secret) */
};

/* A cookie's name on this request: __Host-NAME over TLS (a cookie no
 * other site of the domain can set, read or shadow), NAME otherwise. */
const char *auth_cookie_name(const struct req *r, enum desk_cookie c);

/* Its value sent by the browser, or NULL. */
const char *auth_cookie(const struct req *r, enum desk_cookie c);

/* Set it (value NULL: delete it) for `max_age` seconds (0: the
 * browser's session), with the attributes the desk gives it (HttpOnly
 * for secrets, SameSite, Secure and Path=/ over TLS).  0 or -1. */
int  auth_cookie_set(struct req *r, enum desk_cookie c, const char *value,
	long long max_age);

/* A new token for the login form (out: 128 bytes): random, with its
 * expiry, signed with the desk's own key, so that a token nobody got
 * from the desk cannot log anyone in.  0 or -1. */
int  auth_login_token(struct store *st, char out[128]);

enum login_result { LOGIN_OK, LOGIN_BAD, LOGIN_WAIT, LOGIN_ERROR };

/*
 * Check an e-mail and password from `client` (an address), with the
 * per-account and per-client throttle: each attempt is counted before
 * its password is checked.  On LOGIN_OK *user_id receives the user's id;
 * on LOGIN_WAIT *wait the seconds to wait; LOGIN_ERROR when the attempt
 * could not be counted (storage).
 */
enum login_result auth_login(struct store *st, const char *client,
	const char *email, const char *password, char user_id[25], long long *wait);

/* A new browser session of `life_s` seconds: *csrf its form token, *out
 * the cookie's secret (stored hashed).  0 or -1. */
int  auth_session_create(struct store *st, const char *user_id, long long life_s,
	char csrf[65], char out[80]);

/* A new API token of `life_s` seconds (POST /auth/login).  0 or -1. */
int  auth_token_create(struct store *st, const char *user_id, long long life_s,
	char out[80]);

/*
 * Count an attempt under `key` (a throttle key of login_failures, locked
 * as logins are once `max_attempts` are counted, for longer each time):
 * 1 when it may go on, 0 when the key is locked for now, -1 when it could
 * not be counted.
 */
int  auth_throttle_try(struct store *st, const char *key, int max_attempts);

/* The kinds of single-use tokens mailed to people. */
enum utoken { UT_RESET, UT_INVITE };

/*
 * A new token of `kind` for the user, valid `life_s` seconds from the
 * desk's clock (calendar_now(): tests move it), stored hashed; the
 * user's other unused tokens of that kind end.  out[65]: the token,
 * 64 hex, shown only in the mail.  0 or -1.
 */
int  auth_utoken_issue(struct store *st, enum utoken kind, const char *user_id,
	long long life_s, char out[65]);

/* Is `token` an unused, unexpired token of `kind` of an enabled user?
 * 1 with user_id[25] and email[255] filled, 0, or -1. */
int  auth_utoken_check(struct store *st, enum utoken kind, const char *token,
	char user_id[25], char email[255]);

/*
 * Use `token` once to set the user's password: in one transaction the
 * token is marked used (unless it was used or expired meanwhile), the
 * password set, every session and token of the user ended.  1 done, 0
 * when the token no longer serves, -1 on an error.
 */
int  auth_utoken_use(struct store *st, enum utoken kind, const char *token,
	const char *password);

/* Is `password` the user's own?  1, 0, or -1 (storage).  As costly as a
 * login's check, whatever the answer. */
int  auth_password_ok(struct store *st, const char *user_id, const char *password);

/* Set the user's password (hashed) and end every session and token of
 * theirs (their mailed links too), in one transaction; forget the failed logins counted against
 * `email`.  0 or -1. */
int  auth_set_password(struct store *st, const char *user_id, const char *email,
	const char *password);

/* End the caller's browser session.  0 or -1. */
int  auth_session_end(struct store *st, const struct principal *who);

#endif
