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

int
invite_resend(struct store *st, const char *user_id, const char *inviter)
{
	int found, rc;

	if (store_begin(st) < 0)
		return -1;
	if ((rc = has_password(st, user_id, &found)) == 0 && found)
		rc = invite_queue(st, user_id, inviter);
	else if (rc > 0 || !found)
		rc = 0;
	if (rc <= 0) {
		store_rollback(st);
		return rc;
	}
	if (store_commit(st) < 0) {
		store_rollback(st);
		return -1;
	}
	log_info("user %s: a new invitation was mailed", user_id);
	return 1;
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
