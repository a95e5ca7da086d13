/*
 * admin_users.c — the operator's pages: /admin, /admin/users (list, add, level,
 * disable / enable, password reset, invitations, API keys) and
 * /admin/customers.
 *
 * Form input is declared in one table (afields[]): each field's name,
 * the template variable it is shown back in, whether it is required, its
 * length bounds and a validator.  Handlers read only the fields they
 * need through form_read() and never see raw input.
 *
 * Secrets: a password typed here is hashed and wiped; an API key is
 * shown once on the page that answers its creation and never again.
 * Neither is logged; log lines name users by id and keys by prefix.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "admin_users.h"
#include "user.h"
#include "auth.h"
#include "http.h"
#include "i18n.h"
#include "invite.h"
#include "l10n.h"
#include "reply.h"
#include "log.h"
#include "outbox.h"
#include "pages.h"
#include "store.h"
#include "tpl.h"
#include "util.h"
#include "words.h"
#include "writer.h"

/* ---- form fields ---- */

/* One submitted form: typed values and the error of each field. */
struct aform {
	char		*val[AF__MAX];	/* owned; NULL when absent or blank */
	const char	*err[AF__MAX];	/* borrowed (static or errbuf) */
	char		 errbuf[AF__MAX][USER_FIELD_ERRLEN];
	int		 nerr;
};

/* Record an error for field `f` (the first one wins): `msg` is a
 * sentence in the reader's language, borrowed. */
static void
form_fail(struct aform *f, enum afield i, const char *msg)
{
	if (f->err[i] == NULL)
		f->nerr++;
	f->err[i] = msg;
}

/*
 * Read the fields of `mask` from the posted form into *f (zeroed first)
 * with field_read().  Returns the number of fields in error, or -1 on
 * ENOMEM.  Free with form_free() in every case.
 */
static int
form_read(const struct req *r, unsigned mask, struct aform *f)
{
	const char	*raw, *msg;
	size_t		 i;
	int		 rc;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < AF__MAX; i++) {
		if (!(mask & AFM(i)))
			continue;
		if ((raw = req_form(r, user_fields[i].name)) == NULL)
			raw = "";
		if ((rc = user_field_read(&user_fields[i], raw, r->lang, &f->val[i],
		    &msg, f->errbuf[i])) < 0)
			return -1;
		if (rc > 0)
			form_fail(f, i, msg);
	}
	return f->nerr;
}

/* Free the values of a form, wiping secret ones. */
static void
form_free(struct aform *f)
{
	size_t i;

	for (i = 0; i < AF__MAX; i++) {
		if (f->val[i] != NULL && user_fields[i].secret)
			sodium_memzero(f->val[i], strlen(f->val[i]));
		free(f->val[i]);
		f->val[i] = NULL;
	}
}

/* Show the fields of `mask` back in `d`: kept values (never secret ones)
 * and, for fields in error, section VAR_ERROR with VAR_ERROR_TEXT. */
static void
form_show(struct tpl_dict *d, const struct aform *f, unsigned mask)
{
	char	key[64];
	size_t	i;

	if (f == NULL)
		return;
	if (f->nerr > 0)
		tpl_show(d, "FORM_ERRORS");
	for (i = 0; i < AF__MAX; i++) {
		if (!(mask & AFM(i)))
			continue;
		if (!user_fields[i].secret)
			tpl_set(d, user_fields[i].var, f->val[i]);
		if (f->err[i] == NULL)
			continue;
		snprintf(key, sizeof(key), "%s_ERROR", user_fields[i].var);
		tpl_show(d, key);
		snprintf(key, sizeof(key), "%s_ERROR_TEXT", user_fields[i].var);
		tpl_set(d, key, f->err[i]);
	}
}

/* ---- helpers ---- */

/* A user as the admin pages show it.  Strings owned; see user_free. */
struct auser {
	char	 id[25];
	char	*email, *name, *phone, *level, *customer_id, *reseller_id,
		*customer_name;
	int	 disabled;
	int	 invited;	/* no password yet: an invitation to use */
};

/* Free the strings of *u and zero it; accepts a zeroed one. */
static void
user_free(struct auser *u)
{
	free(u->email);
	free(u->name);
	free(u->phone);
	free(u->level);
	free(u->customer_id);
	free(u->reseller_id);
	free(u->customer_name);
	memset(u, 0, sizeof(*u));
}

/*
 * Load the user named by the path's {id} into *u (zeroed first).
 * Returns 1 found, 0 no such user (or not an id), -1 error.  Free with
 * user_free() when 1 was returned.
 */
static int
user_load(struct req *r, struct auser *u)
{
	struct rows	*s;
	int		 rc;

	memset(u, 0, sizeof(*u));
	if (!is_hex(r->param, 24))
		return 0;
	if ((s = store_query(r->store, ST_USER_BY_ID, "s", r->param)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		snprintf(u->id, sizeof(u->id), "%s", store_text(s, USER_ID));
		u->email = xstrdup(store_text(s, USER_EMAIL));
		u->name = xstrdup(store_text(s, USER_NAME));
		u->phone = xstrdup(store_text(s, USER_PHONE));
		u->level = xstrdup(store_text(s, USER_LEVEL));
		u->customer_id = xstrdup(store_text(s, USER_CUSTOMER_ID));
		u->reseller_id = xstrdup(store_text(s, USER_RESELLER_ID));
		u->disabled = store_int(s, USER_DISABLED) != 0;
		u->invited = store_isnull(s, USER_PASSWORD_HASH);
		u->customer_name = xstrdup(store_text(s, USER_CUSTOMER_NAME));
		if (u->email == NULL || u->name == NULL || u->level == NULL)
			rc = -1;
	}
	store_done(s);
	if (rc != 1)
		user_free(u);
	return rc;
}

/* An instant of epoch seconds in the reader's words and time zone. */
static void
fmt_epoch(const struct req *r, long long t, char out[L10N_MAX])
{
	time_t		tt = (time_t)t;
	struct tm	tm;
	char		iso[32];

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(iso, sizeof(iso), "?");
	l10n_datetime(r->lang, page_tz(r), iso, out, L10N_MAX);
}

/* The flash message for ?done=, or NULL.  Only fixed texts: nothing of
 * the query string is reflected. */
static const char *
done_message(const struct req *r)
{
	static const struct { const char *code, *text; } done[] = {
		{ "added", N_("The user was added.") },
		{ "invited", N_("The user was added and mailed an invitation to choose their password.") },
		{ "reinvited", N_("A new invitation was mailed; the link of the earlier one no longer works.") },
		{ "level", N_("The level was changed.") },
		{ "disabled", N_("The user was disabled; their sessions and login tokens were ended.") },
		{ "enabled", N_("The user was enabled.") },
		{ "password", N_("The password was reset; the user's sessions and login tokens were ended.") },
		{ "revoked", N_("The API key was revoked.") },
	};
	const char	*code = req_query(r, "done");
	size_t		 i;

	for (i = 0; code != NULL && i < sizeof(done) / sizeof(done[0]); i++)
		if (strcmp(done[i].code, code) == 0)
			return tr(r->lang, done[i].text);
	return NULL;
}

/* Start an admin page: page_new() plus the flash message and the
 * session's CSRF token in the body.  Owned root or NULL. */
static struct tpl_dict *
admin_page(struct req *r, const char *title, const char *tpl,
    struct tpl_dict **body)
{
	struct tpl_dict	*root;
	const char	*flash = done_message(r);

	if ((root = page_new(r, title, tpl, body)) == NULL)
		return NULL;
	if (flash != NULL) {
		tpl_show(root, "FLASH");
		tpl_set(root, "FLASH_TEXT", flash);
	}
	tpl_set(*body, "CSRF", r->who->csrf);
	return root;
}

/* Rows of repeated section `section` for the levels in `allowed` (LV
 * bits): OPTION (the code), OPTION_NAME (in words), SELECTED shown on
 * `selected`. */
static void
level_options(const struct req *r, struct tpl_dict *d, const char *section,
    unsigned allowed, const char *selected)
{
	struct tpl_dict	*row;
	int		 i;

	for (i = 0; i < LVL__MAX; i++) {
		if (!(allowed & LV(i)) || (row = tpl_section_add(d, section)) == NULL)
			continue;
		tpl_set(row, "OPTION", level_names[i]);
		tpl_set(row, "OPTION_NAME", word(WS_LEVEL, r->lang, level_names[i]));
		if (selected != NULL && strcmp(selected, level_names[i]) == 0)
			tpl_show(row, "SELECTED");
	}
}

/* Rows of `section` from a list of organisations (enum org_col: its id
 * and name lead), with SELECTED on `selected`.  0 or -1. */
static int
org_options(struct req *r, struct tpl_dict *d, const char *section,
    enum stmt id, const char *selected)
{
	struct tpl_dict	*row;
	struct rows	*s;
	int		 rc;

	if ((s = store_query(r->store, id, NULL)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1 && (row = tpl_section_add(d, section)) != NULL) {
		tpl_set(row, "OPTION", store_text(s, ORG_ID));
		tpl_set(row, "OPTION_NAME", store_text(s, ORG_NAME));
		if (selected != NULL && strcmp(selected, store_text(s, ORG_ID)) == 0)
			tpl_show(row, "SELECTED");
	}
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* 303 to the user's page with a ?done= code. */
static int
redirect_user(struct req *r, const char *user_id, const char *done)
{
	char loc[96];

	snprintf(loc, sizeof(loc), "/admin/users/%s?done=%s", user_id, done);
	return resp_redirect(r, loc);
}

/* The levels a user of this kind may have: the rule of the users table's
 * CHECK constraint, told to a person. */
static const char *
level_rule(const struct req *r, const struct auser *u)
{
	if (u->customer_id != NULL)
		return tr(r->lang, "A user of a customer is a viewer, a manager or an owner.");
	if (u->reseller_id != NULL)
		return tr(r->lang, "A user of a reseller is a reseller or a reseller administrator.");
	return tr(r->lang, "An account with no customer and no reseller is an operator's.");
}

/* {{key}} = the market (a country code) in the reader's words:
 * "France", "Danemark". */
static void
set_market(const struct req *r, struct tpl_dict *d, const char *key,
    const char *market)
{
	char name[L10N_MAX];

	l10n_country(r->lang, market, name, sizeof(name));
	tpl_set(d, key, name);
}

/* ---- pages ---- */

/* The users list and the add form (kept input and errors from `f`, may
 * be NULL) with `status`.  0 or -1. */
static int
users_page(struct req *r, int status, const struct aform *f)
{
	struct tpl_dict	*root, *body, *row;
	struct rows	*s;
	char		 org[200];
	int		 rc;

	if ((root = admin_page(r, tr(r->lang, "Users"), "admin_users.tpl", &body)) == NULL)
		return -1;
	if ((s = store_query(r->store, ST_ADMIN_USER_LIST, NULL)) == NULL)
		goto err;
	while ((rc = store_row(s)) == 1 && (row = tpl_section_add(body, "USER_ROW")) != NULL) {
		tpl_set(row, "USER_ID", store_text(s, USER_ID));
		tpl_set(row, "USER_EMAIL", store_text(s, USER_EMAIL));
		tpl_set(row, "USER_NAME", store_text(s, USER_NAME));
		tpl_set(row, "USER_LEVEL", word(WS_LEVEL, r->lang, store_text(s, USER_LEVEL)));
		if (store_text(s, USER_CUSTOMER_ID) != NULL)
			tr_fill(org, sizeof(org), tr(r->lang, "{1} (customer {2})"),
			    store_text(s, USER_CUSTOMER_NAME) ?
			    store_text(s, USER_CUSTOMER_NAME) : "?",
			    store_text(s, USER_CUSTOMER_ID));
		else if (store_text(s, USER_RESELLER_ID) != NULL)
			tr_fill(org, sizeof(org), tr(r->lang, "reseller {1}"),
			    store_text(s, USER_RESELLER_ID), NULL);
		else
			snprintf(org, sizeof(org), "%s", tr(r->lang, "the operator"));
		tpl_set(row, "USER_ORG", org);
		tpl_show(row, store_int(s, USER_DISABLED) ? "USER_DISABLED" :
		    store_isnull(s, USER_PASSWORD_HASH) ? "USER_INVITED" : "USER_ACTIVE");
		tpl_set_int(row, "USER_KEYS", store_int(s, USER_ACTIVE_KEYS));
	}
	store_done(s);
	if (rc < 0)
		goto err;
	form_show(body, f, AFM(AF_EMAIL) | AFM(AF_NAME) | AFM(AF_PHONE) |
	    AFM(AF_LEVEL) | AFM(AF_CUSTOMER) | AFM(AF_RESELLER) | AFM(AF_PASSWORD));
	level_options(r, body, "LEVEL_OPTION", LV_ALL, f ? f->val[AF_LEVEL] : "VIEWER");
	if (org_options(r, body, "CUSTOMER_OPTION", ST_CUSTOMER_LIST,
	    f ? f->val[AF_CUSTOMER] : NULL) < 0 ||
	    org_options(r, body, "RESELLER_OPTION", ST_RESELLER_LIST,
	    f ? f->val[AF_RESELLER] : NULL) < 0)
		goto err;
	return page_send(r, status, root);
err:
	tpl_dict_free(root);
	return -1;
}

/* GET /admin/users; contract in admin_users.h. */
int
page_admin_users(struct req *r)
{
	return users_page(r, 200, NULL);
}

/* Is there a user with this e-mail address?  1, 0, or -1. */
static int
email_taken(struct store *st, const char *email)
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_USER_BY_EMAIL, "s", email)) == NULL)
		return -1;
	rc = store_row(s);
	store_done(s);
	return rc;
}

/* Insert the user of a valid form; *id receives its id.  Returns 1
 * added, 0 refused (the reason recorded in f), -1 error. */
static int
user_insert(struct req *r, struct aform *f, char id[25])
{
	char	hash[128], now[32];
	int	rc;
	struct new_user u = { .id = id, .email = f->val[AF_EMAIL], .name = f->val[AF_NAME],
	    .phone = f->val[AF_PHONE], .level = f->val[AF_LEVEL],
	    .customer = f->val[AF_CUSTOMER], .reseller = f->val[AF_RESELLER], .now = now };

	if ((rc = email_taken(r->store, f->val[AF_EMAIL])) != 0) {
		if (rc > 0)
			form_fail(f, AF_EMAIL, tr(r->lang,
			    "A user with this e-mail address already exists."));
		return rc > 0 ? 0 : -1;
	}
	if ((f->val[AF_PASSWORD] != NULL &&
	    auth_hash_password(f->val[AF_PASSWORD], hash) < 0) || new_object_id(id) < 0)
		return -1;
	now_iso(now);
	u.hash = f->val[AF_PASSWORD] != NULL ? hash : NULL;
	rc = invite_user_add(r->store, &u, r->who->name);
	sodium_memzero(hash, sizeof(hash));
	if (rc == -2) {
		/* The users table's CHECK (or a foreign key) refused it. */
		form_fail(f, AF_LEVEL, tr(r->lang, "This level does not fit the "
		    "customer or reseller chosen: an operator has neither; a viewer, "
		    "a manager and an owner need a customer; a reseller and a reseller "
		    "administrator need a reseller."));
		return 0;
	}
	return rc == 0 ? 1 : -1;
}

/* POST /admin/users; contract in admin_users.h. */
int
page_admin_user_add(struct req *r)
{
	struct aform	 f;
	char		 id[25];
	int		 rc;

	const char	*pw = req_form(r, "password");
	int		 invite = pw == NULL || *pw == '\0';

	/* No password typed: the user is invited to choose one. */
	if ((rc = form_read(r, AFM(AF_EMAIL) | AFM(AF_NAME) | AFM(AF_PHONE) |
	    AFM(AF_LEVEL) | AFM(AF_CUSTOMER) | AFM(AF_RESELLER) |
	    (invite ? 0 : AFM(AF_PASSWORD)), &f)) == 0 &&
	    (rc = user_insert(r, &f, id)) == 1) {
		form_free(&f);
		log_info("admin %s added user %s%s", r->who->user_id, id,
		    invite ? " and mailed an invitation" : "");
		return redirect_user(r, id, invite ? "invited" : "added");
	}
	if (rc >= 0)	/* refused: the reasons are in f */
		rc = users_page(r, 422, &f);
	form_free(&f);
	return rc;
}

/* The invitation of a user without a password, in `body`: INVITED,
 * with INVITE_OPEN (INVITE_EXPIRES, in the reader's words) or
 * INVITE_ENDED.  0 or -1. */
static int
invite_state(struct req *r, struct tpl_dict *body, const struct auser *u)
{
	char		when[L10N_MAX];
	long long	expires;
	int		rc;

	tpl_show(body, "INVITED");
	if ((rc = invite_pending(r->store, u->id, &expires)) < 0)
		return -1;
	if (rc == 1) {
		tpl_show(body, "INVITE_OPEN");
		fmt_epoch(r, expires, when);
		tpl_set(body, "INVITE_EXPIRES", when);
	} else
		tpl_show(body, "INVITE_ENDED");
	return 0;
}

/* The user's page: details, forms (kept input and errors from `f`, may
 * be NULL) and API keys, with `status`.  0 or -1. */
static int
user_page(struct req *r, int status, const struct auser *u, const struct aform *f)
{
	struct tpl_dict	*root, *body, *row;
	struct rows	*s;
	char		 when[L10N_MAX];
	unsigned	 allowed;
	int		 rc;

	if ((root = admin_page(r, u->email, "admin_user.tpl", &body)) == NULL)
		return -1;
	tpl_set(body, "ID", u->id);
	tpl_set(body, "USER_EMAIL", u->email);
	tpl_set(body, "USER_NAME", u->name);
	tpl_set(body, "USER_PHONE", u->phone ? u->phone : "—");
	tpl_set(body, "USER_LEVEL", word(WS_LEVEL, r->lang, u->level));
	tpl_set(body, "USER_ORG", u->customer_id ? u->customer_id : u->reseller_id);
	tpl_set(body, "USER_ORG_NAME", u->customer_name);
	tpl_show(body, u->customer_id ? "ORG_CUSTOMER" : u->reseller_id ?
	    "ORG_RESELLER" : "ORG_OPERATOR");
	tpl_show(body, u->disabled ? "DISABLED" : "ACTIVE");
	if (u->invited && invite_state(r, body, u) < 0) {
		tpl_dict_free(root);
		return -1;
	}
	if (strcmp(u->id, r->who->user_id) == 0)
		tpl_show(body, "SELF");
	allowed = u->customer_id ? LV(LVL_VIEWER) | LV(LVL_MANAGER) | LV(LVL_OWNER) :
	    u->reseller_id ? LV(LVL_RESELLER) | LV(LVL_RESELLER_ADMIN) : LV_ADMIN;
	level_options(r, body, "LEVEL_OPTION", allowed,
	    f && f->val[AF_LEVEL] ? f->val[AF_LEVEL] : u->level);
	form_show(body, f, AFM(AF_PASSWORD) | AFM(AF_LABEL) | AFM(AF_PREFIX) |
	    AFM(AF_DISABLED) | AFM(AF_LEVEL));
	if ((s = store_query(r->store, ST_CRED_LIST_KEYS, "s", u->id)) == NULL) {
		tpl_dict_free(root);
		return -1;
	}
	while ((rc = store_row(s)) == 1 && (row = tpl_section_add(body, "KEY_ROW")) != NULL) {
		tpl_set(row, "KEY_PREFIX", store_text(s, APIKEY_PREFIX));
		tpl_set(row, "KEY_LABEL", store_text(s, APIKEY_LABEL));
		fmt_epoch(r, store_int(s, APIKEY_CREATED), when);
		tpl_set(row, "KEY_CREATED", when);
		fmt_epoch(r, store_int(s, APIKEY_LAST_USED), when);
		tpl_set(row, "KEY_LAST_USED",
		    store_int(s, APIKEY_LAST_USED) == store_int(s, APIKEY_CREATED) ?
		    tr(r->lang, "never") : when);
		tpl_show(row, store_int(s, APIKEY_REVOKED) ? "KEY_REVOKED" : "KEY_ACTIVE");
	}
	store_done(s);
	if (rc < 0) {
		tpl_dict_free(root);
		return -1;
	}
	return page_send(r, status, root);
}

/* Load the path's user: 1 with *u filled, or the answer is written (404,
 * or -1 for the caller to turn into a 500) and 0 / -1 returned. */
static int
user_or_404(struct req *r, struct auser *u)
{
	int rc = user_load(r, u);

	if (rc == 0)
		return reply_error(r, HERR_NOT_FOUND, tr(r->lang, "There is no such user.")), 0;
	return rc;
}

/* GET /admin/users/{id}; contract in admin_users.h. */
int
page_admin_user(struct req *r)
{
	struct auser	u;
	int		rc;

	if ((rc = user_or_404(r, &u)) != 1)
		return rc;
	rc = user_page(r, 200, &u, NULL);
	user_free(&u);
	return rc;
}

/* Answer a refused form of the user's page (422) and free both. */
static int
user_refused(struct req *r, struct auser *u, struct aform *f)
{
	int rc = user_page(r, 422, u, f);

	form_free(f);
	user_free(u);
	return rc;
}

/* POST /admin/users/{id}/level; contract in admin_users.h. */
int
page_admin_user_level(struct req *r)
{
	struct auser	u;
	struct aform	f;
	int		rc;

	if ((rc = user_or_404(r, &u)) != 1)
		return rc;
	if ((rc = form_read(r, AFM(AF_LEVEL), &f)) == 0) {
		if (strcmp(u.id, r->who->user_id) == 0)
			form_fail(&f, AF_LEVEL, tr(r->lang, "You cannot change your own level."));
		else if ((rc = store_exec(r->store, ST_USER_SET_LEVEL, "ss",
		    f.val[AF_LEVEL], u.id)) == -2)
			form_fail(&f, AF_LEVEL, level_rule(r, &u));
		else if (rc < 0)
			goto err;
	} else if (rc < 0)
		goto err;
	if (f.nerr > 0)
		return user_refused(r, &u, &f);
	log_info("admin %s set the level of user %s to %s", r->who->user_id,
	    u.id, f.val[AF_LEVEL]);
	form_free(&f);
	user_free(&u);
	return redirect_user(r, r->param, "level");
err:
	form_free(&f);
	user_free(&u);
	return -1;
}

/* Whose disabled flag becomes what. */
struct user_disable {
	const char	*id;
	int		 disabled;
};

/* write_fn: the flag; disabling also ends sessions and tokens.  0 or -1. */
static int
user_disable_unit(struct store *st, void *arg)
{
	const struct user_disable *u = arg;

	if (store_exec(st, ST_USER_SET_DISABLED, "is", u->disabled, u->id) < 0 ||
	    (u->disabled && store_exec(st, ST_CRED_REVOKE_USER, "s", u->id) < 0))
		return -1;
	return 0;
}

/* Set the disabled flag, in one transaction with what it ends.  0 or -1. */
static int
user_set_disabled(struct store *st, const char *id, int disabled)
{
	struct user_disable u = { .id = id, .disabled = disabled };

	return store_write(st, user_disable_unit, &u) == 0 ? 0 : -1;
}

/* POST /admin/users/{id}/disabled; contract in admin_users.h. */
int
page_admin_user_disabled(struct req *r)
{
	struct auser	u;
	struct aform	f;
	int		rc, disabled;

	if ((rc = user_or_404(r, &u)) != 1)
		return rc;
	if ((rc = form_read(r, AFM(AF_DISABLED), &f)) < 0)
		goto err;
	disabled = rc == 0 && strcmp(f.val[AF_DISABLED], "1") == 0;
	if (disabled && strcmp(u.id, r->who->user_id) == 0)
		form_fail(&f, AF_DISABLED, tr(r->lang, "You cannot disable your own account."));
	if (f.nerr > 0)
		return user_refused(r, &u, &f);
	if (user_set_disabled(r->store, u.id, disabled) < 0)
		goto err;
	log_info("admin %s %s user %s", r->who->user_id,
	    disabled ? "disabled" : "enabled", u.id);
	form_free(&f);
	user_free(&u);
	return redirect_user(r, r->param, disabled ? "disabled" : "enabled");
err:
	form_free(&f);
	user_free(&u);
	return -1;
}

/* Set `u`'s password and end their sessions and tokens.  0 or -1. */
static int
user_set_password(struct store *st, const struct auser *u, const char *password)
{
	return auth_set_password(st, u->id, u->email, password);
}

/* POST /admin/users/{id}/password; contract in admin_users.h. */
int
page_admin_user_password(struct req *r)
{
	struct auser	u;
	struct aform	f;
	int		rc;

	if ((rc = user_or_404(r, &u)) != 1)
		return rc;
	if ((rc = form_read(r, AFM(AF_PASSWORD), &f)) > 0)
		return user_refused(r, &u, &f);
	if (rc < 0 || user_set_password(r->store, &u, f.val[AF_PASSWORD]) < 0) {
		form_free(&f);
		user_free(&u);
		return -1;
	}
	log_info("admin %s reset the password of user %s", r->who->user_id, u.id);
	form_free(&f);
	user_free(&u);
	return redirect_user(r, r->param, "password");
}

/* POST /admin/users/{id}/invite; contract in admin_users.h. */
int
page_admin_user_invite(struct req *r)
{
	struct auser	u;
	struct aform	f;
	int		rc;

	if ((rc = user_or_404(r, &u)) != 1)
		return rc;
	memset(&f, 0, sizeof(f));
	if ((rc = invite_resend(r->store, u.id, r->who->name)) == 0) {
		form_fail(&f, AF_PASSWORD, u.disabled ? tr(r->lang, "The account "
		    "is disabled: enable it before sending an invitation.") :
		    tr(r->lang, "This user has a password already: an invitation "
		    "is for a user who has none."));
		return user_refused(r, &u, &f);
	}
	user_free(&u);
	if (rc < 0)
		return -1;
	log_info("admin %s sent user %s a new invitation", r->who->user_id, r->param);
	return redirect_user(r, r->param, "reinvited");
}

/* The page that shows a new key, once.  0 or -1. */
static int
key_page(struct req *r, const struct auser *u, const char *label, const char *key)
{
	struct tpl_dict	*root, *body;
	char		 prefix[16];

	if ((root = admin_page(r, tr(r->lang, "API key created"), "admin_key_created.tpl",
	    &body)) == NULL)
		return -1;
	snprintf(prefix, sizeof(prefix), "%.12s", key);
	tpl_set(body, "ID", u->id);
	tpl_set(body, "USER_EMAIL", u->email);
	tpl_set(body, "KEY_LABEL", label);
	tpl_set(body, "KEY_PREFIX", prefix);
	tpl_set(body, "KEY", key);
	return page_send(r, 200, root);
}

/* POST /admin/users/{id}/keys; contract in admin_users.h. */
int
page_admin_key_create(struct req *r)
{
	struct auser	u;
	struct aform	f;
	char		key[80];
	int		rc;

	if ((rc = user_or_404(r, &u)) != 1)
		return rc;
	if ((rc = form_read(r, AFM(AF_LABEL), &f)) > 0)
		return user_refused(r, &u, &f);
	if (rc < 0 || auth_apikey_create(r->store, u.id,
	    f.val[AF_LABEL] ? f.val[AF_LABEL] : "admin", key) < 0) {
		form_free(&f);
		user_free(&u);
		return -1;
	}
	log_info("admin %s created API key %.12s for user %s", r->who->user_id,
	    key, u.id);
	rc = key_page(r, &u, f.val[AF_LABEL] ? f.val[AF_LABEL] : "admin", key);
	sodium_memzero(key, sizeof(key));
	form_free(&f);
	user_free(&u);
	return rc;
}

/* POST /admin/users/{id}/keys/revoke; contract in admin_users.h. */
int
page_admin_key_revoke(struct req *r)
{
	struct auser	u;
	struct aform	f;
	int		rc;

	if ((rc = user_or_404(r, &u)) != 1)
		return rc;
	if ((rc = form_read(r, AFM(AF_PREFIX), &f)) == 0) {
		rc = store_exec(r->store, ST_CRED_REVOKE_USER_KEY, "ss", u.id,
		    f.val[AF_PREFIX]);
		if (rc == 0)
			form_fail(&f, AF_PREFIX, tr(r->lang,
			    "This user has no active API key with this prefix."));
	}
	if (rc < 0) {
		form_free(&f);
		user_free(&u);
		return -1;
	}
	if (f.nerr > 0)
		return user_refused(r, &u, &f);
	log_info("admin %s revoked API key %s of user %s", r->who->user_id,
	    f.val[AF_PREFIX], u.id);
	form_free(&f);
	user_free(&u);
	return redirect_user(r, r->param, "revoked");
}

/* GET /admin/customers; contract in admin_users.h. */
int
page_admin_customers(struct req *r)
{
	struct tpl_dict	*root, *body, *row;
	struct rows	*s;
	int		 rc;

	if ((root = admin_page(r, tr(r->lang, "Customers"), "admin_customers.tpl",
	    &body)) == NULL)
		return -1;
	if ((s = store_query(r->store, ST_CUSTOMER_LIST, NULL)) == NULL)
		goto err;
	while ((rc = store_row(s)) == 1 && (row = tpl_section_add(body, "CUSTOMER_ROW")) != NULL) {
		tpl_set(row, "CUSTOMER_ID", store_text(s, CUSTOMER_ID));
		tpl_set(row, "CUSTOMER_NAME", store_text(s, CUSTOMER_NAME));
		set_market(r, row, "CUSTOMER_MARKET", store_text(s, CUSTOMER_MARKET));
		/* what decides is the grants (catalog_grant.c), not the
		 * customers.catalog column that only the demo writes */
		tpl_set(row, "CUSTOMER_CATALOG", store_text(s, CUSTOMER_TYPES) ?
		    tr(r->lang, "customized") : tr(r->lang, "standard"));
		tpl_set(row, "CUSTOMER_TYPES", store_text(s, CUSTOMER_TYPES) ?
		    store_text(s, CUSTOMER_TYPES) : "—");
		tpl_set(row, "CUSTOMER_RESELLERS", store_text(s, CUSTOMER_RESELLERS) ?
		    store_text(s, CUSTOMER_RESELLERS) : "—");
	}
	store_done(s);
	if (rc < 0 || (s = store_query(r->store, ST_RESELLER_LIST, NULL)) == NULL)
		goto err;
	while ((rc = store_row(s)) == 1 && (row = tpl_section_add(body, "RESELLER_ROW")) != NULL) {
		tpl_set(row, "RESELLER_ID", store_text(s, RESELLER_ID));
		tpl_set(row, "RESELLER_NAME", store_text(s, RESELLER_NAME));
		tpl_set(row, "RESELLER_CUSTOMERS", store_text(s, RESELLER_CUSTOMERS) ?
		    store_text(s, RESELLER_CUSTOMERS) : "—");
	}
	store_done(s);
	if (rc < 0)
		goto err;
	return page_send(r, 200, root);
err:
	tpl_dict_free(root);
	return -1;
}
