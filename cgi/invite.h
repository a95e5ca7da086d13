/*
 * invite.h — invitations: a user added without a password is mailed a
 * link to choose one (docs/ACCOUNTS.md, "Invitations").
 *
 * The link is an auth.c single-use token of kind UT_INVITE (stored
 * hashed in user_tokens, seven days on the desk's clock); a new one ends
 * the older ones.  The mail (templates/mail/password_invite.*: plain
 * text and HTML) is queued through the outbox in the transaction of the
 * change, in the recipient's language (their choice, else their
 * customer's market's, else English).
 *
 * Owns nothing of its own: calls auth (tokens), the outbox and storage
 * (its transactions through the writer, writer.h);
 * never sends anything and never knows a column number.
 */
#ifndef REQDESK_INVITE_H
#define REQDESK_INVITE_H

struct store;

#define INVITE_LIFE_S	(7 * 24 * 60 * 60)

/*
 * Issue a new invitation link for `user_id` (the older ones end) and
 * queue its mail, inviter named `inviter` (NULL: the desk), inside the
 * caller's open transaction.  1 queued, 0 nobody to write to (an unknown
 * or disabled user: nothing issued), -1 (the caller rolls back).
 */
int  invite_queue(struct store *st, const char *user_id, const char *inviter);

/*
 * The same in a transaction of its own, for a user who still has no
 * password: 1 sent, 0 refused (unknown, disabled, or the user has a
 * password: an invitation would be a reset nobody asked for), -1.
 */
int  invite_resend(struct store *st, const char *user_id, const char *inviter);

/* A new user's row; hash NULL: no password, an invitation instead. */
struct new_user {
	const char	*id, *email, *name, *phone, *level, *customer, *reseller;
	const char	*hash, *now;
};

/*
 * Add user `u` in a transaction of its own and, when it has no password,
 * its invitation (mailed, inviter named `inviter`: NULL the desk) in the
 * same one.  0, -2 (refused by the users table: the e-mail address
 * taken, an unknown customer or reseller, a level that does not fit
 * them), or -1; nothing is stored unless 0.  The admin pages and the
 * shell both add users through it.
 */
int  invite_user_add(struct store *st, const struct new_user *u, const char *inviter);

/*
 * When the user's open invitation ends (epoch seconds, the desk's clock)
 * in *expires: 1 there is one, 0 none (never invited, used, expired), -1.
 */
int  invite_pending(struct store *st, const char *user_id, long long *expires);

#endif
