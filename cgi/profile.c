/*
 * profile.c — a user's own page, /profile: who they are, the language and
 * time zone they read the desk in (or "automatic": docs/I18N.md), their
 * password; and the language switch of every page (POST /profile/language
 * for a logged-in user, who keeps the choice; GET /language for anyone
 * else, kept in a cookie).  See profile.h.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "auth.h"
#include "config.h"
#include "http.h"
#include "i18n.h"
#include "l10n.h"
#include "log.h"
#include "pages.h"
#include "profile.h"
#include "reply.h"
#include "store.h"
#include "tpl.h"
#include "user.h"
#include "words.h"

/* A zone option of the time zone choice. */
struct zone_ctx {
	struct tpl_dict	*body;
	const char	*current;
	int		 failed;
};

static int
zone_option(void *arg, const char *id)
{
	struct zone_ctx	*z = arg;
	struct tpl_dict	*row;

	if ((row = tpl_section_add(z->body, "ZONE")) == NULL)
		return z->failed = 1;
	tpl_set(row, "ZONE_ID", id);
	if (strcmp(id, z->current) == 0)
		tpl_show(row, "ZONE_SELECTED");
	return 0;
}

/* The page, with a notice (NULL: none) and the problems of a refused
 * form at their field (NULL: none), answered with `status`. */
static int
render(struct req *r, int status, const char *notice, const char *lang_error,
    const char *tz_error, const char *pw_error)
{
	struct tpl_dict	*root, *body, *row;
	struct zone_ctx	 z;
	size_t		 i;

	if ((root = page_new(r, tr(r->lang, "My profile"), "profile.tpl", &body)) == NULL)
		return -1;
	tpl_set(body, "CSRF", r->who->csrf);
	tpl_set(body, "NAME", r->who->name);
	tpl_set(body, "EMAIL", r->who->email);
	tpl_set(body, "LEVEL", word(WS_LEVEL, r->lang, level_names[r->who->level]));
	if (r->who->customer_name != NULL) {
		tpl_show(body, "CUSTOMER");
		tpl_set(body, "CUSTOMER_NAME", r->who->customer_name);
	}
	/* who manages webhooks (docs/WEBHOOKS.md) finds them here */
	if (r->who->level == LVL_OWNER || r->who->level == LVL_ADMIN)
		tpl_show(body, "WEBHOOKS");
	if (notice != NULL) {
		tpl_show(body, "NOTICE");
		tpl_set(body, "NOTICE_TEXT", notice);
	}
	if (r->who->language[0] == '\0')
		tpl_show(body, "LANG_AUTO");
	for (i = 0; i < nlanguages; i++) {
		if ((row = tpl_section_add(body, "LANG")) == NULL)
			break;
		tpl_set(row, "LANG_CODE", languages[i].code);
		tpl_set(row, "LANG_NAME", languages[i].name);
		if (strcmp(r->who->language, languages[i].code) == 0)
			tpl_show(row, "LANG_SELECTED");
	}
	tpl_set(body, "TZ_AUTO", tz_pick(NULL, r->who->market));
	if (r->who->timezone[0] == '\0')
		tpl_show(body, "TZ_AUTO_SELECTED");
	z.body = body;
	z.current = r->who->timezone;
	z.failed = 0;
	if (l10n_zones(zone_option, &z) < 0 || z.failed) {
		tpl_dict_free(root);
		return -1;
	}
	if (lang_error != NULL) {
		tpl_show(body, "LANG_ERROR");
		tpl_set(body, "LANG_ERROR_TEXT", lang_error);
	}
	if (tz_error != NULL) {
		tpl_show(body, "TZ_ERROR");
		tpl_set(body, "TZ_ERROR_TEXT", tz_error);
	}
	if (pw_error != NULL) {
		tpl_show(body, "PW_ERROR");
		tpl_set(body, "PW_ERROR_TEXT", pw_error);
	}
	return page_send(r, status, root);
}

/* GET /profile */
int
page_profile(struct req *r)
{
	const char *done = req_query(r, "done");

	if (done != NULL && strcmp(done, "saved") == 0)
		return render(r, 200, tr(r->lang, "Your settings are saved."), NULL, NULL, NULL);
	if (done != NULL && strcmp(done, "password") == 0)
		return render(r, 200, tr(r->lang, "Your password is changed."), NULL, NULL, NULL);
	return render(r, 200, NULL, NULL, NULL, NULL);
}

/* Save a user's language ("" or NULL: automatic) and time zone.  0, or
 * -1 (storage). */
static int
save_prefs(struct req *r, const char *lang, const char *tz)
{
	return store_exec(r->store, ST_USER_SET_PREFS, "sss",
	    lang != NULL && *lang != '\0' ? lang : NULL,
	    tz != NULL && *tz != '\0' ? tz : NULL, r->who->user_id) == 1 ? 0 : -1;
}

/* POST /profile {language, timezone}: "" is automatic. */
int
page_profile_post(struct req *r)
{
	const char	*lang = req_form(r, "language"), *tz = req_form(r, "timezone");
	const char	*lang_error = NULL, *tz_error = NULL;

	if (lang != NULL && *lang != '\0' && lang_find(lang) == NULL)
		lang_error = tr(r->lang, "Choose one of the languages offered.");
	else if (lang != NULL && *lang != '\0')
		lang = lang_find(lang)->code;
	if (tz != NULL && *tz != '\0' && !l10n_zone_valid(tz))
		tz_error = tr(r->lang, "Choose one of the time zones offered.");
	if (lang_error != NULL || tz_error != NULL)
		return render(r, 422, NULL, lang_error, tz_error, NULL);
	if (save_prefs(r, lang, tz) < 0)
		return reply_error(r, HERR_UNAVAILABLE, NULL);
	log_info("user %s: language %s, time zone %s", r->who->user_id,
	    lang && *lang ? lang : "automatic", tz && *tz ? tz : "automatic");
	return resp_redirect(r, "/profile?done=saved");
}

/* POST /profile/password {current, password, again}: a new password; the
 * user's other sessions and tokens end, and this browser gets a new
 * session (no need to log in again). */
int
page_profile_password(struct req *r)
{
	const char	*current = req_form(r, "current"), *again = req_form(r, "again");
	const char	*msg = NULL;
	char		*pw = NULL, errbuf[USER_FIELD_ERRLEN], secret[80], csrf[65];
	long long	 life = config.session_max_min * 60LL;
	int		 rc;

	if (current == NULL || (rc = auth_password_ok(r->store, r->who->user_id,
	    current)) == 0)
		return render(r, 422, NULL, NULL, NULL,
		    tr(r->lang, "Your current password is not this one."));
	if (rc < 0)
		return reply_error(r, HERR_UNAVAILABLE, NULL);
	if ((rc = user_field_in("password", req_form(r, "password") ?
	    req_form(r, "password") : "", r->lang, &pw, &msg, errbuf)) < 0)
		return -1;
	if (rc == 0 && (again == NULL || strcmp(again, pw) != 0))
		msg = tr(r->lang, "The two new passwords are not the same.");
	if (msg != NULL) {
		if (pw != NULL)
			sodium_memzero(pw, strlen(pw));
		free(pw);
		return render(r, 422, NULL, NULL, NULL, msg);
	}
	rc = auth_set_password(r->store, r->who->user_id, r->who->email, pw);
	sodium_memzero(pw, strlen(pw));
	free(pw);
	if (rc < 0 || auth_session_create(r->store, r->who->user_id, life, csrf,
	    secret) < 0)
		return reply_error(r, HERR_UNAVAILABLE, NULL);
	auth_cookie_set(r, COOKIE_SESSION, secret, life);
	sodium_memzero(secret, sizeof(secret));
	log_info("user %s changed their password", r->who->user_id);
	return resp_redirect(r, "/profile?done=password");
}

/* Where the switch sends back to: a local path, else the home page. */
static const char *
back_to(const char *next)
{
	return next != NULL && next[0] == '/' && next[1] != '/' && next[1] != '\\' ?
	    next : "/";
}

/* POST /profile/language {language, next}: the switch, for a user. */
int
page_profile_language(struct req *r)
{
	const struct language *l = lang_find(req_form(r, "language"));

	if (l == NULL)
		return reply_error(r, HERR_BAD_BODY,
		    tr(r->lang, "Choose one of the languages offered."));
	if (save_prefs(r, l->code, r->who->timezone) < 0)
		return reply_error(r, HERR_UNAVAILABLE, NULL);
	return resp_redirect(r, back_to(req_form(r, "next")));
}

/* GET /language?set=fr&next=/path: the switch, for anyone not logged in
 * (a cookie of a year; it holds no secret). */
int
page_language(struct req *r)
{
	const struct language	*l = lang_find(req_query(r, "set"));

	if (l == NULL)
		return reply_error(r, HERR_BAD_QUERY,
		    tr(r->lang, "Choose one of the languages offered."));
	auth_cookie_set(r, COOKIE_LANG, l->code, 365LL * 24 * 3600);
	return resp_redirect(r, back_to(req_query(r, "next")));
}
