/*
 * profile.h — a user's own page and the language switch of every page.
 *
 *   GET  /profile                 the user, their language, time zone, password
 *   POST /profile                 {language, timezone} ("" : automatic)
 *   POST /profile/password        {current, password, again}
 *   POST /profile/language        {language, next}: the switch, kept
 *   GET  /language?set=&next=     the switch for anyone not logged in (a cookie)
 *
 * Owns: the profile page and its forms (the user's language and time
 * zone, their password), the language switch of every page (kept for a
 * user, a cookie for anyone else).  Calls: auth (the password's check
 * and change, the new session, the cookie), user (the password's rule),
 * store (the user's preferences), pages, reply, http, tpl, config,
 * i18n, l10n (the time zones), words, log.  Never: sets a password
 * without the current one, or goes back to a page of another site.
 */
#ifndef REQDESK_PROFILE_H
#define REQDESK_PROFILE_H

#include "http.h"

int  page_profile(struct req *r);
int  page_profile_post(struct req *r);
int  page_profile_password(struct req *r);
int  page_profile_language(struct req *r);
int  page_language(struct req *r);

#endif
