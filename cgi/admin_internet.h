/*
 * admin_internet.h — the operator's Internet request pages (ADMIN only,
 * enforced by the route table): the inbox, and the offer entry page
 * where the request's properties and its offers (one row each; add and
 * remove rows with plain form buttons, JavaScript only saves a round
 * trip) are changed through the TelecomX update, and an ordered account
 * is confirmed, activated and cancelled (each binding action asks
 * first, as the other binding actions of the desk do).  A refused form
 * is shown again with the input kept and each error at its row and
 * field.
 *
 * Owns: the Internet inbox, the offer entry page and its form (rows
 * added and removed, numbers read in the operator's conventions), the
 * questions asked before a binding action, the conversation's routes of
 * the offer entry page.  Calls: inet_request (load,
 * the update, who may confirm), inet_account (confirm, activate,
 * cancel), admin_inbox (the Handling box), inet_form, inet_pages (the
 * list, the request's conversation), conv_pages (its reply form and
 * files), errors (the problems placed at their fields), store (the
 * customer's currency), pages, reply, http, tpl, i18n, l10n, words.
 * Never: a rule of its own on a request, an offer or an account: every
 * change is the API's (inet_update(), inet_confirm(), the activation
 * and the cancellation).
 */
#ifndef REQDESK_ADMIN_INTERNET_H
#define REQDESK_ADMIN_INTERNET_H

#include "http.h"

/* GET /admin/internet: NEW requests first (oldest first), then the
 * answered ones.  200. */
int  page_admin_internet_list(struct req *r);

/* GET /admin/internet/{id}: the offer entry page.  200, 404. */
int  page_admin_internet(struct req *r);

/* POST /admin/internet/{id}: "add" a row, "remove" row N (200, nothing
 * saved), or save: 303 to the page, or 403/404/409/422 with the form. */
int  page_admin_internet_post(struct req *r);

/* POST /admin/internet/{id}/confirm {startDate, installTime, circuit}:
 * confirm the ordered account.  303, or the page with the errors. */
int  page_admin_internet_confirm(struct req *r);

/* POST /admin/internet/{id}/activate, /cancel: without confirm=yes the
 * question (200); with it the account activated (CONFIRMED -> ACTIVE)
 * or cancelled (-> CANCELLED), then 303 to the offer entry page, or the
 * page with the refusal (422), 404, 409 (nothing ordered). */
int  page_admin_internet_activate(struct req *r);

/* POST /admin/internet/{id}/notes: a reply or an internal note from the
 * offer entry page's conversation (multipart); 303 to the page, or the
 * page with the refusal (413/415/422), 404.  GET
 * /admin/internet/{id}/files/{fileId}: one of its files. */
int  page_admin_internet_note_post(struct req *r);
int  page_admin_internet_file(struct req *r);
int  page_admin_internet_cancel(struct req *r);

#endif
