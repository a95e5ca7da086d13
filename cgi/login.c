/*
 * login.c — logging in and out: the login page and its form, logout,
 * and the JSON login of scripts (POST /auth/login).  The credentials
 * themselves (sessions, tokens, throttling) are auth.c's.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "auth.h"
#include "config.h"
#include "errors.h"
#include "http.h"
#include "i18n.h"
#include "log.h"
#include "login.h"
#include "pages.h"
#include "reply.h"
#include "tpl.h"
#include "util.h"

/* The page to go back to after logging in: a path of this site, the
 * form kept while logging in added (?restore=ID); "/" otherwise. */
static void
back_to(const char *next, const char *form, struct buf *out)
{
	if (next == NULL || next[0] != '/' || next[1] == '/' || next[1] == '\\') {
		buf_puts(out, "/");
		return;
	}
	buf_puts(out, next);
	if (form != NULL && is_hex(form, 32))
		buf_printf(out, "%srestore=%s", strchr(next, '?') ? "&" : "?", form);
}

/* A query parameter or, after a refused POST, the form's field. */
static const char *
carried(const struct req *r, const char *key)
{
	const char *v = req_query(r, key);

	return v != NULL ? v : req_form(r, key);
}

/*
 * Render the login form with an optional error.  A fresh token, signed
 * by the desk, goes into a cookie and the form (both must come back); the
 * page to go back to and a kept form travel with it; a notice says why
 * the person is here (logged out, session expired, password set).
 */
static int
login_form(struct req *r, int status, const char *email, const char *error)
{
	struct tpl_dict	*root, *body;
	char		 tok[128];
	const char	*next = carried(r, "next"), *form = carried(r, "form");

	if (auth_login_token(r->store, tok) < 0 ||
	    auth_cookie_set(r, COOKIE_LOGIN, tok, 0) < 0)
		return -1;
	if ((root = page_new(r, tr(r->lang, "Log in"), "login.tpl", &body)) == NULL)
		return -1;
	tpl_set(body, "LOGIN_CSRF", tok);
	tpl_set(body, "EMAIL", email ? email : "");
	tpl_set(body, "NEXT", next ? next : "");
	if (form != NULL && is_hex(form, 32))
		tpl_set(body, "FORM", form);
	if (error != NULL) {
		tpl_show(body, "ERROR");
		tpl_set(body, "ERROR_TEXT", error);
	} else if (req_query(r, "out") != NULL)
		tpl_show(body, "OUT");
	else if (req_query(r, "reset") != NULL)
		tpl_show(body, "RESET");
	if (carried(r, "expired") != NULL) {
		tpl_show(body, "EXPIRED");
		if (form != NULL && is_hex(form, 32))
			tpl_show(body, "KEPT");
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
	const char	*email = req_form(r, "email");
	char		 user_id[25], secret[80], csrf[65], msg[256], secs[32];
	struct buf	 to = { 0 };
	long long	 wait, life = config.session_max_min * 60LL;
	int		 rc;

	switch (auth_login(r->store, r->remote_addr, email, req_form(r, "password"),
	    user_id, &wait)) {
	case LOGIN_OK:
		break;
	case LOGIN_BAD:
		return login_form(r, 401, email, tr(r->lang, "Wrong e-mail address or password."));
	case LOGIN_WAIT:
		snprintf(secs, sizeof(secs), "%lld", wait);
		tr_fill(msg, sizeof(msg), trn(r->lang, "Too many failed attempts. "
		    "Try again in {1} second.", "Too many failed attempts. "
		    "Try again in {1} seconds.", (unsigned long)wait), secs, NULL);
		return login_form(r, 429, email, msg);
	case LOGIN_ERROR:
		return reply_error(r, HERR_UNAVAILABLE, tr(r->lang,
		    "Logging in is not possible at the moment; try again shortly."));
	}
	if (auth_session_create(r->store, user_id, life, csrf, secret) < 0)
		return -1;
	rc = auth_cookie_set(r, COOKIE_SESSION, secret, life);
	sodium_memzero(secret, sizeof(secret));
	if (rc < 0)
		return -1;
	auth_cookie_set(r, COOKIE_LOGIN, NULL, 0);
	log_info("user %s logged in", user_id);
	back_to(req_form(r, "next"), req_form(r, "form"), &to);
	rc = resp_redirect(r, to.data != NULL ? to.data : "/");
	buf_free(&to);
	return rc;
}

int
page_logout(struct req *r)
{
	/* The session must be gone before the cookie is: otherwise the user
	 * believes they are out while the session still opens the desk. */
	if (auth_session_end(r->store, r->who) < 0)
		return reply_error(r, HERR_UNAVAILABLE,
		    tr(r->lang, "You could not be logged out; try again in a moment."));
	auth_cookie_set(r, COOKIE_SESSION, NULL, 0);
	log_info("user %s logged out", r->who->user_id);
	return resp_redirect(r, "/login?out=1");
}

/* POST /auth/login {email, password} -> {token, expiresInMinutes} */
int
api_auth_login(struct req *r)
{
	struct problems	 pb = { 0 };
	json_t		*body, *out;
	const char	*email, *password;
	char		 user_id[25], token[80], msg[128];
	long long	 wait;
	int		 rc;

	if ((body = req_json_body(r, &rc)) == NULL)
		return rc;
	email = json_string_value(json_object_get(body, "email"));
	password = json_string_value(json_object_get(body, "password"));
	if (email == NULL || password == NULL) {
		if (email == NULL)
			xproblem(&pb, XERR_LOGIN_EMAIL, "email", "email", NULL);
		if (password == NULL)
			xproblem(&pb, XERR_LOGIN_PASSWORD, "password", "password", NULL);
		json_decref(body);
		rc = reply_problems(r, &pb);
		problems_free(&pb);
		return rc;
	}
	switch (auth_login(r->store, r->remote_addr, email, password, user_id, &wait)) {
	case LOGIN_OK:
		break;
	case LOGIN_BAD:
		json_decref(body);
		return reply_xerr(r, XERR_LOGIN_WRONG, NULL, NULL, NULL);
	case LOGIN_WAIT:
		json_decref(body);
		snprintf(msg, sizeof(msg), "Too many failed attempts. "
		    "Try again in %lld seconds.", wait);
		return reply_error(r, HERR_TOO_MANY, msg);
	case LOGIN_ERROR:
		json_decref(body);
		return reply_error(r, HERR_UNAVAILABLE,
		    "Logging in is not possible at the moment; try again shortly.");
	}
	json_decref(body);
	if (auth_token_create(r->store, user_id, config.token_min * 60LL, token) < 0)
		return -1;
	out = json_pack("{s:s, s:i}", "token", token, "expiresInMinutes",
	    config.token_min);
	sodium_memzero(token, sizeof(token));
	return resp_json_new(r, 200, out);
}
