/*
 * profile.h — a user's own page and the language switch of every page.
 *
 *   GET  /profile                 the user, their language, time zone, password
 *   POST /profile                 {language, timezone} ("" : automatic)
 *   POST /profile/password        {current, password, again}
 *   POST /profile/language        {language, next}: the switch, kept
 *   GET  /language?set=&next=     the switch for anyone not logged in (a cookie)
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
