/*
 * invite.c — invitations: the link to choose a first password, mailed
 * to a user added without one.  See invite.h.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "auth.h"
#include "invite.h"
#include "log.h"
#include "outbox.h"
#include "store.h"
#include "tpl.h"
#include "workday.h"
#include "writer.h"

int
invite_queue(struct store *st, const char *user_id, const char *inviter)
{
	struct recipient	 who;
	struct tpl_dict		*d = NULL;
	char			 token[65], link[96], when[32];
	int			 rc;

	if ((rc = outbox_recipient_user(st, user_id, &who)) <= 0)
		return rc;	/* 0: unknown or disabled, nobody to tell */
	rc = -1;
	if ((d = tpl_dict_new("password_invite")) == NULL)
		goto out;
	tpl_dict_lang(d, who.lang);
	tpl_set(d, "LANG", who.lang);
	if (auth_utoken_issue(st, UT_INVITE, user_id, INVITE_LIFE_S, token) < 0)
		goto out;
	snprintf(link, sizeof(link), "/password/invite/%s", token);
	tpl_set(d, "LINK", link);
	tpl_set(d, "EMAIL", who.email);
	if (inviter != NULL && *inviter != '\0') {
		tpl_show(d, "INVITER");
		tpl_set(d, "INVITER_NAME", inviter);
	}
	/* the day the link ends, in the reader's words and zone */
	utc_epoch_iso(calendar_now() + INVITE_LIFE_S, when);
	mail_set_time(d, "EXPIRES", &who, when);
	if (outbox_queue(st, "password_invite", user_id, who.email, d) < 0)
		goto out;
	rc = 1;
out:
	sodium_memzero(token, sizeof(token));
	sodium_memzero(link, sizeof(link));
	tpl_dict_free(d);
	return rc;
}

/* Does the user have a password?  1, 0 (none: invited), or -1; *found
 * says whether there is such a user. */
static int
has_password(struct store *st, const char *user_id, int *found)
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_USER_BY_ID, "s", user_id)) == NULL)
		return -1;
	rc = store_row(s);
	*found = rc == 1;
	if (rc == 1)
		rc = store_text(s, USER_PASSWORD_HASH) != NULL;
	store_done(s);
	return rc;
}

/* Who is invited again, by whom. */
struct resend {
	const char	*user_id, *inviter;
};

/* write_fn: 0 a new link mailed, 1 nothing to do (no such user, or one
 * with a password), -1 error. */
static int
resend_unit(struct store *st, void *arg)
{
	const struct resend	*a = arg;
	int			 found, rc;

	if ((rc = has_password(st, a->user_id, &found)) < 0)
		return -1;
	if (rc > 0 || !found)
		return 1;
	rc = invite_queue(st, a->user_id, a->inviter);
	return rc == 1 ? 0 : rc == 0 ? 1 : -1;
}

int
invite_resend(struct store *st, const char *user_id, const char *inviter)
{
	struct resend	a = { .user_id = user_id, .inviter = inviter };
	int		rc = store_write(st, resend_unit, &a);

	if (rc != 0)
		return rc == 1 ? 0 : -1;
	log_info("user %s: a new invitation was mailed", user_id);
	return 1;
}

/* What invite_user_add() stores. */
struct user_add {
	const struct new_user	*u;
	const char		*inviter;
};

/* write_fn: the user, then its invitation.  0, -2, -1. */
static int
user_add_unit(struct store *st, void *arg)
{
	const struct user_add	*a = arg;
	const struct new_user	*u = a->u;
	int			 rc;

	rc = store_exec(st, ST_USER_ADD, "sssssssss", u->id, u->email, u->name,
	    u->phone, u->level, u->customer, u->reseller, u->hash, u->now);
	if (rc != 1)
		return rc == -2 ? -2 : -1;
	if (u->hash == NULL && invite_queue(st, u->id, a->inviter) != 1)
		return -1;
	return 0;
}

int
invite_user_add(struct store *st, const struct new_user *u, const char *inviter)
{
	struct user_add a = { .u = u, .inviter = inviter };

	return store_write(st, user_add_unit, &a);
}

int
invite_pending(struct store *st, const char *user_id, long long *expires)
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_UTOKEN_PENDING, "sI", user_id,
	    (long long)calendar_now())) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		*expires = store_int(s, COUNT_N);
	store_done(s);
	return rc;
}
