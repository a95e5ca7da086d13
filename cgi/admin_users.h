/*
 * admin_users.h — the operator's pages of people (ADMIN only, enforced
 * by the route table): users and their API keys, customers and
 * resellers.  Every change is a POST form with the session's CSRF token
 * (checked by the router), answered with 303 to the page that shows the
 * result; a refused form is shown again with the input kept and each
 * error next to its field (422).
 *
 * Owns: the users pages and their forms (add, level, disabled,
 * password, API keys), the customers and resellers page; the user rows
 * and the revocation of their credentials that these forms make.
 * Calls: auth (password hashes, API keys, level names), user (the
 * fields' rules), store, pages, reply, http, tpl, i18n, l10n, words,
 * log, util.  Never: logs or shows again a password or a key (a key is
 * shown once, on the page that creates it), nor checks a field but
 * through user_fields[].
 */
#ifndef REQDESK_ADMIN_USERS_H
#define REQDESK_ADMIN_USERS_H

#include "http.h"

/* GET /admin/users: every user and the form to add one.  200. */
int  page_admin_users(struct req *r);

/* POST /admin/users: add a user.  303 to the user's page, or 422 with
 * the list and the form again. */
int  page_admin_user_add(struct req *r);

/* GET /admin/users/{id}: one user, its API keys and its forms.  200, 404. */
int  page_admin_user(struct req *r);

/* POST /admin/users/{id}/level {level}.  303, 404 or 422. */
int  page_admin_user_level(struct req *r);

/* POST /admin/users/{id}/disabled {disabled: 1|0}: disabling also ends
 * the user's sessions and login tokens.  303, 404 or 422. */
int  page_admin_user_disabled(struct req *r);

/* POST /admin/users/{id}/password {password}: set a new password typed
 * by the admin; ends the user's sessions and tokens.  303, 404 or 422. */
int  page_admin_user_password(struct req *r);
/* POST /admin/users/{id}/invite: a new invitation for a user without a
 * password (the older link ends); 303 back with ?done=reinvited, 422 when
 * the user has a password or is disabled, 404. */
int  page_admin_user_invite(struct req *r);

/* POST /admin/users/{id}/keys {label}: create an API key and show it,
 * this once only.  200, 404 or 422. */
int  page_admin_key_create(struct req *r);

/* POST /admin/users/{id}/keys/revoke {prefix}.  303, 404 or 422. */
int  page_admin_key_revoke(struct req *r);

/* GET /admin/customers: customers and resellers.  200. */
int  page_admin_customers(struct req *r);

#endif
