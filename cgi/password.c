/*
 * password.c — choosing a password without knowing the old one: the
 * reset asked by e-mail, and the link of an invitation (docs/ACCOUNTS.md).
 *
 *   GET  /password/forgot          the form: an e-mail address
 *   POST /password/forgot          the same answer whether the address is
 *                                  a user's or not; a mail when it is
 *   GET  /password/reset/{token}   the form: a new password, twice
 *   POST /password/reset/{token}   sets it (the token serves once), then
 *                                  to the login page
 *   GET|POST /password/invite/{token}  the same for an invitation
 *
 * The tokens are the domain's (auth.c: single use, stored hashed, an hour
 * for a reset, seven days for an invitation); these forms, without a
 * session, carry the anonymous form token the login form carries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "auth.h"
#include "config.h"
#include "http.h"
#include "i18n.h"
#include "log.h"
#include "outbox.h"
#include "pages.h"
#include "password.h"
#include "reply.h"
#include "store.h"
#include "tpl.h"
#include "user.h"
#include "util.h"
#include "writer.h"

#define RESET_LIFE_S	(60 * 60)
/* Resets asked from one client before it must wait: many people behind
 * one office's address may forget theirs the same morning. */
#define RESET_PER_CLIENT	50

/* The form token of a page in `body`: the session's for someone logged in,
 * else an anonymous one, also in its cookie. */
static int
form_token(struct req *r, struct tpl_dict *body)
{
	char tok[128];

	if (r->who != NULL && r->who->via == VIA_SESSION) {
		tpl_set(body, "FORM_CSRF", r->who->csrf);
		return 0;
	}
	if (auth_login_token(r->store, tok) < 0 ||
	    auth_cookie_set(r, COOKIE_LOGIN, tok, 0) < 0)
		return -1;
	tpl_set(body, "FORM_CSRF", tok);
	return 0;
}

/* The forgot form, or (sent) the answer that says what happens next. */
static int
forgot_page(struct req *r, int status, int sent, const char *error)
{
	struct tpl_dict *root, *body;

	if ((root = page_new(r, tr(r->lang, "Forgot your password?"),
	    "password_forgot.tpl", &body)) == NULL)
		return -1;
	if (form_token(r, body) < 0) {
		tpl_dict_free(root);
		return -1;
	}
	if (sent)
		tpl_show(body, "SENT");
	else
		tpl_show(body, "ASK");
	if (error != NULL) {
		tpl_show(body, "ERROR");
		tpl_set(body, "ERROR_TEXT", error);
	}
	return page_send(r, status, root);
}

int
page_password_forgot(struct req *r)
{
	return forgot_page(r, 200, 0, NULL);
}

/* A reset link for a user, and its mail (d, filled but for the link). */
struct reset_mail {
	const char	*user_id;
	struct tpl_dict	*d;
	char		*token;		/* 65 bytes */
};

/* write_fn: the single-use token and the mail that holds it.  0 or -1. */
static int
reset_unit(struct store *st, void *arg)
{
	struct reset_mail	*m = arg;
	char			 link[256];

	if (auth_utoken_issue(st, UT_RESET, m->user_id, RESET_LIFE_S, m->token) < 0)
		return -1;
	snprintf(link, sizeof(link), "/password/reset/%s", m->token);
	tpl_set(m->d, "LINK", link);
	sodium_memzero(link, sizeof(link));
	return outbox_queue_user(st, "password_reset", m->user_id, m->user_id,
	    m->d) < 0 ? -1 : 0;
}

/* Queue the reset mail of the user at `email`, if there is one that may
 * log in, in their language.  0 (also when there is none), or -1. */
static int
mail_reset(struct req *r, const char *email)
{
	struct rows	*s;
	struct tpl_dict	*d;
	struct reset_mail m;
	char		 user_id[25], token[65], lang[8];
	int		 rc, found;

	if ((s = store_query(r->store, ST_USER_BY_EMAIL, "s", email)) == NULL)
		return -1;
	if ((found = store_row(s) == 1 && store_int(s, USER_DISABLED) == 0)) {
		snprintf(user_id, sizeof(user_id), "%s", store_text(s, USER_ID));
		snprintf(lang, sizeof(lang), "%s", store_text(s, USER_LANGUAGE) ?
		    store_text(s, USER_LANGUAGE) : "");
	}
	store_done(s);
	if (!found)
		return 0;
	if ((d = tpl_dict_new("password_reset")) == NULL)
		return -1;
	/* the reader's language: the one they chose, else the one they asked in */
	tpl_dict_lang(d, lang[0] ? lang_code(lang_pick(lang, NULL, NULL)) : r->lang);
	tpl_set(d, "LANG", lang[0] ? lang_code(lang_pick(lang, NULL, NULL)) : r->lang);
	rc = -1;
	m.user_id = user_id;
	m.d = d;
	m.token = token;
	if (store_write(r->store, reset_unit, &m) != 0)
		goto out;
	log_info("user %s: a password reset link was mailed", user_id);
	rc = 0;
out:
	sodium_memzero(token, sizeof(token));
	tpl_dict_free(d);
	return rc;
}

/*
 * POST /password/forgot {email}: the same answer whatever the address
 * (the mail is queued, not sent: the times differ by one insert).  A
 * mail only for a user who may log in, at most as many as the login
 * throttle lets through for that address (and fifty for one client); a
 * throttled request answers the same, and sends nothing.
 */
int
page_password_forgot_post(struct req *r)
{
	const char	*email = req_form(r, "email");
	char		 akey[300], ikey[96];
	size_t		 i;

	if (email == NULL || *email == '\0' || strlen(email) > 254 ||
	    !mail_address_valid(email))
		return forgot_page(r, 422, 0, tr(r->lang,
		    "Enter an e-mail address such as name@example.com."));
	snprintf(akey, sizeof(akey), "reset:%s", email);
	for (i = 6; akey[i] != '\0'; i++)
		akey[i] = (char)(akey[i] >= 'A' && akey[i] <= 'Z' ? akey[i] + 32 : akey[i]);
	snprintf(ikey, sizeof(ikey), "reset-ip:%s", r->remote_addr);
	if (auth_throttle_try(r->store, ikey, RESET_PER_CLIENT) == 1 &&
	    auth_throttle_try(r->store, akey, config.login_max_failures) == 1 &&
	    mail_reset(r, email) < 0)
		log_warn("a password reset could not be queued");
	return forgot_page(r, 200, 1, NULL);
}

/* The page of a token: its form, or (dead) why the link does not serve. */
static int
choose_page(struct req *r, enum utoken kind, int status, int dead, const char *error)
{
	struct tpl_dict *root, *body;

	if ((root = page_new(r, kind == UT_INVITE ? tr(r->lang, "Welcome: choose your "
	    "password") : tr(r->lang, "Choose a new password"), "password_choose.tpl",
	    &body)) == NULL)
		return -1;
	tpl_show(body, kind == UT_INVITE ? "INVITE" : "RESET");
	if (dead)
		tpl_show(body, "DEAD");
	else {
		tpl_show(body, "FORM");
		tpl_set(body, "ACTION", r->path);
		if (form_token(r, body) < 0) {
			tpl_dict_free(root);
			return -1;
		}
	}
	if (error != NULL) {
		tpl_show(body, "ERROR");
		tpl_set(body, "ERROR_TEXT", error);
	}
	return page_send(r, status, root);
}

/* GET of a token's page. */
static int
choose_get(struct req *r, enum utoken kind)
{
	char	user_id[25], email[255];
	int	rc;

	if ((rc = auth_utoken_check(r->store, kind, r->param, user_id, email)) < 0)
		return reply_error(r, HERR_UNAVAILABLE, NULL);
	return choose_page(r, kind, rc == 1 ? 200 : 404, rc != 1, NULL);
}

/* POST of a token's page {password, again}. */
static int
choose_post(struct req *r, enum utoken kind)
{
	const char	*again = req_form(r, "again"), *msg = NULL;
	char		*pw = NULL, errbuf[USER_FIELD_ERRLEN];
	int		 rc;

	if ((rc = user_field("password", req_form(r, "password") ?
	    req_form(r, "password") : "", &pw, &msg, errbuf)) < 0)
		return -1;
	if (rc == 0 && (again == NULL || strcmp(again, pw) != 0))
		msg = tr(r->lang, "The two new passwords are not the same.");
	else if (rc > 0)
		msg = tr(r->lang, msg);
	if (msg != NULL) {
		if (pw != NULL)
			sodium_memzero(pw, strlen(pw));
		free(pw);
		return choose_page(r, kind, 422, 0, msg);
	}
	rc = auth_utoken_use(r->store, kind, r->param, pw);
	sodium_memzero(pw, strlen(pw));
	free(pw);
	if (rc < 0)
		return reply_error(r, HERR_UNAVAILABLE, NULL);
	if (rc == 0)
		return choose_page(r, kind, 404, 1, NULL);
	return resp_redirect(r, "/login?reset=1");
}

int
page_password_reset(struct req *r)
{
	return choose_get(r, UT_RESET);
}

int
page_password_reset_post(struct req *r)
{
	return choose_post(r, UT_RESET);
}

int
page_password_invite(struct req *r)
{
	return choose_get(r, UT_INVITE);
}

int
page_password_invite_post(struct req *r)
{
	return choose_post(r, UT_INVITE);
}
