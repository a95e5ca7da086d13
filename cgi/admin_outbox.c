/*
 * admin_outbox.c — the outbox as the operator sees it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin_outbox.h"
#include "orange_api.h"
#include "auth.h"
#include "http.h"
#include "i18n.h"
#include "l10n.h"
#include "reply.h"
#include "pages.h"
#include "store.h"
#include "tpl.h"
#include "util.h"
#include "words.h"

#define OUTBOX_PAGE 50

static const char *const states[] = { "queued", "sending", "sent", "dead" };

/* The events of the outbox in words (a new event gets its line; one
 * without is shown as it is stored). */
static const struct { const char *event, *words; } events[] = {
	{ "request_created", N_("Request received") },
	{ "request_status", N_("Status of a request") },
	{ "request_canceled", N_("Request cancelled by the customer") },
	{ "reply_added", N_("Reply on a request") },
	{ "internet_created", N_("Internet request received") },
	{ "internet_answered", N_("Offers to choose from") },
	{ "offer_ordered", N_("Offer ordered") },
	{ "account_confirmed", N_("Delivery confirmed") },
	{ "account_activated", N_("Internet access active") },
	{ "account_cancelled", N_("Internet access cancelled") },
	{ "password_reset", N_("Link to choose a new password") },
	{ "password_invite", N_("Invitation to choose a password") },
};

/* An event in the reader's words. */
static const char *
event_words(const char *lang, const char *event)
{
	size_t i;

	for (i = 0; event != NULL && i < sizeof(events) / sizeof(events[0]); i++)
		if (strcmp(events[i].event, event) == 0)
			return tr(lang, events[i].words);
	return event;
}

/* {{key}} = an instant of the outbox in the reader's words ("" for none). */
static void
set_time(struct req *r, struct tpl_dict *d, const char *key, const char *iso)
{
	char text[L10N_MAX];

	if (iso == NULL) {
		tpl_set(d, key, "");
		return;
	}
	l10n_datetime(r->lang, page_tz(r), iso, text, sizeof(text));
	tpl_set(d, key, text);
}

/* Counts per state, as links that filter the list; *shown receives how
 * many messages the list of `current` (NULL: all) holds. */
static int
fill_counts(struct req *r, struct tpl_dict *body, const char *current,
    long long *shown)
{
	struct rows	*s;
	struct tpl_dict	*row;
	long long	 counts[4] = { 0, 0, 0, 0 };
	size_t		 i;
	int		 rc;

	if ((s = store_query(r->store, ST_OUTBOX_COUNTS, NULL)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1)
		for (i = 0; i < 4; i++)
			if (strcmp(store_text(s, OUTBOX_COUNT_STATE), states[i]) == 0)
				counts[i] = store_int(s, OUTBOX_COUNT_N);
	store_done(s);
	*shown = 0;
	for (i = 0; i < 4; i++) {
		if (current == NULL || strcmp(current, states[i]) == 0)
			*shown += counts[i];
		row = tpl_section_add(body, "STATE");
		tpl_set(row, "STATE_NAME", states[i]);
		tpl_set(row, "STATE_LABEL", word(WS_MAIL_STATE, r->lang, states[i]));
		tpl_set_int(row, "STATE_COUNT", counts[i]);
		if (current != NULL && strcmp(current, states[i]) == 0)
			tpl_show(row, "STATE_CURRENT");
	}
	return rc < 0 ? -1 : 0;
}

/* Render the page, with a notice after a retry. */
static int
render(struct req *r, const char *notice)
{
	struct tpl_dict	*root, *body, *row;
	struct rows	*s;
	const char	*state = req_query(r, "state");
	struct page_param params[1] = { { "state", NULL } };
	long long	 offset, total;
	size_t		 i, shown = 0;
	int		 rc, known = 0;

	for (i = 0; state != NULL && i < 4; i++)
		known |= strcmp(state, states[i]) == 0;
	if (!known)
		state = NULL;
	params[0].val = state;
	if (req_query_int(r, "offset", 0, 0, 1LL << 40, &offset) < 0)
		offset = 0;
	if ((root = page_new(r, tr(r->lang, "Outbox"), "admin_outbox.tpl", &body)) == NULL)
		return -1;
	tpl_set(body, "CSRF", r->who->csrf);
	if (notice != NULL) {
		tpl_show(body, "NOTICE");
		tpl_set(body, "NOTICE_TEXT", notice);
	}
	if (fill_counts(r, body, state, &total) < 0 ||
	    (s = store_query(r->store, ST_OUTBOX_LIST, "sII", state,
	    (long long)OUTBOX_PAGE, offset)) == NULL) {
		tpl_dict_free(root);
		return -1;
	}
	while ((rc = store_row(s)) == 1) {
		shown++;
		row = tpl_section_add(body, "MSG");
		tpl_set_int(row, "M_ID", store_int(s, OUTBOX_ID));
		tpl_set(row, "M_EVENT", event_words(r->lang, store_text(s, OUTBOX_EVENT)));
		tpl_set(row, "M_OBJECT", store_text(s, OUTBOX_OBJECT_ID));
		tpl_set(row, "M_TO", store_text(s, OUTBOX_RECIPIENT));
		tpl_set(row, "M_SUBJECT", store_text(s, OUTBOX_SUBJECT));
		tpl_set(row, "M_STATE", word(WS_MAIL_STATE, r->lang, store_text(s, OUTBOX_STATE)));
		tpl_set_int(row, "M_ATTEMPTS", store_int(s, OUTBOX_ATTEMPTS));
		tpl_set(row, "M_ERROR", store_text(s, OUTBOX_LAST_ERROR));
		set_time(r, row, "M_CREATED", store_text(s, OUTBOX_CREATED));
		set_time(r, row, "M_SENT", store_text(s, OUTBOX_SENT_AT));
		if (strcmp(store_text(s, OUTBOX_STATE), "dead") == 0)
			tpl_show(row, "M_DEAD");
	}
	store_done(s);
	if (rc < 0) {
		tpl_dict_free(root);
		return -1;
	}
	/* Newest first, OUTBOX_PAGE at a time. */
	page_pager(body, "", offset, OUTBOX_PAGE, shown, total, params, 1);
	return page_send(r, 200, root);
}

int
page_admin_outbox(struct req *r)
{
	return render(r, NULL);
}

int
page_admin_outbox_retry(struct req *r)
{
	const char	*id = req_form(r, "id");
	char		*end;
	long long	 n;
	int		 rc;

	n = id != NULL ? strtoll(id, &end, 10) : 0;
	if (id == NULL || *end != '\0' || n <= 0)
		return reply_error(r, HERR_BAD_BODY, tr(r->lang, "No message chosen."));
	rc = store_exec(r->store, ST_OUTBOX_RETRY, "II", (long long)now_epoch(), n);
	if (rc < 0)
		return -1;
	return render(r, rc == 1 ? tr(r->lang, "The message is queued again; the mailer "
	    "sends it on its next round.") : tr(r->lang, "Only a message that could not "
	    "be sent can be retried."));
}
