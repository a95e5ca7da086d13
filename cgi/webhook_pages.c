/*
 * webhook_pages.c — the webhooks' pages (webhook_pages.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "errors.h"
#include "http.h"
#include "i18n.h"
#include "jsonx.h"
#include "l10n.h"
#include "pages.h"
#include "reply.h"
#include "store.h"
#include "tpl.h"
#include "util.h"
#include "webhook.h"
#include "webhook_pages.h"

/* Each event in words, in the order of webhook.h. */
static const char *const event_words[HOOK__MAX] = {
	[HOOK_REQUEST_CREATED] = N_("A request was made"),
	[HOOK_REQUEST_STATUS_CHANGED] = N_("A request changed status"),
	[HOOK_REQUEST_ASSIGNED] = N_("A request was assigned"),
	[HOOK_REQUEST_REPLY_ADDED] = N_("A reply was written on a request"),
	[HOOK_INTERNET_CREATED] = N_("An Internet request was made"),
	[HOOK_INTERNET_ANSWERED] = N_("An Internet request got its offers"),
	[HOOK_ACCOUNT_ORDERED] = N_("An offer was ordered"),
	[HOOK_ACCOUNT_CONFIRMED] = N_("A delivery was confirmed"),
	[HOOK_ACCOUNT_ACTIVATED] = N_("An Internet access was activated"),
	[HOOK_ACCOUNT_CANCELLED] = N_("An Internet access was cancelled"),
};

/* A message's state in words. */
static const char *
state_words(const char *lang, const char *state)
{
	if (strcmp(state, "queued") == 0)
		return tr(lang, "waiting to be sent");
	if (strcmp(state, "sending") == 0)
		return tr(lang, "being sent");
	if (strcmp(state, "delivered") == 0)
		return tr(lang, "delivered");
	if (strcmp(state, "failed") == 0)
		return tr(lang, "failed: no more attempts");
	return state;
}

/* The events of a subscription in words, comma separated, into b. */
static void
events_text(struct req *r, const json_t *events, struct buf *b)
{
	const json_t	*v;
	size_t		 i;
	int		 e;

	if (json_array_size(events) == HOOK__MAX) {
		buf_puts(b, tr(r->lang, "every event"));
		return;
	}
	json_array_foreach(events, i, v)
		if ((e = hook_event_find(json_string_value(v))) >= 0)
			buf_printf(b, "%s%s", i ? ", " : "", tr(r->lang, event_words[e]));
}

/* Whose a subscription is, in words. */
static const char *
owner_words(struct req *r, const json_t *h)
{
	const json_t *c = json_object_get(h, "customer");

	return json_is_object(c) ? json_str(c, "name") : tr(r->lang, "the operator (every customer)");
}

/* The form's event boxes (EVENT rows: E_NAME, E_WORDS, E_CHECKED): as
 * posted when `posted`, else those of `events` (NULL: every one); its
 * problems (ERRORS, ERROR rows, URL_ERROR at the address). */
static void
form_fields(struct req *r, struct tpl_dict *body, int posted, const json_t *events,
    const struct problems *pb)
{
	struct tpl_dict	*row;
	const json_t	*v;
	const char	*name;
	size_t		 k;
	int		 e, checked;

	for (e = 0; e < HOOK__MAX; e++) {
		name = hook_event_name((enum hook_event)e);
		row = tpl_section_add(body, "EVENT");
		tpl_set(row, "E_NAME", name);
		tpl_set(row, "E_WORDS", tr(r->lang, event_words[e]));
		checked = !posted && events == NULL;
		for (k = 0; posted && k < r->form.n; k++)
			checked |= strcmp(r->form.v[k].key, "events") == 0 &&
			    strcmp(r->form.v[k].val, name) == 0;
		json_array_foreach(posted ? NULL : events, k, v)
			checked |= json_is_string(v) && strcmp(json_string_value(v), name) == 0;
		if (checked)
			tpl_show(row, "E_CHECKED");
	}
	for (k = 0; pb != NULL && k < pb->n; k++) {
		char *text = problem_person(pb, &pb->v[k], r->lang, NULL);

		if (k == 0)
			tpl_show(body, "ERRORS");
		row = tpl_section_add(body, "ERROR");
		tpl_set(row, "ERROR_TEXT", text);
		if (pb->v[k].path != NULL && strcmp(pb->v[k].path, "url") == 0 &&
		    (pb->v[k].err == OERR_HOOK_URL || pb->v[k].err == OERR_HOOK_DESTINATION ||
		    pb->v[k].err == OERR_MISSING || pb->v[k].err == OERR_TOP_INVALID)) {
			tpl_show(body, "URL_ERROR");
			tpl_set(body, "URL_ERROR_TEXT", text);
		}
		free(text);
	}
}

/* The list page, with the form as posted (`pb` NULL: empty) and its
 * problems. */
static int
render_list(struct req *r, int status, const struct problems *pb)
{
	struct tpl_dict	*root, *body, *row;
	json_t		*list, *h;
	struct buf	 b;
	char		 when[L10N_MAX], token[33];
	size_t		 i;
	int		 posted = pb != NULL;

	if ((list = hook_list(r->store, r->who)) == NULL)
		return -1;
	if ((root = page_new(r, tr(r->lang, "Webhooks"), "webhooks.tpl", &body)) == NULL) {
		json_decref(list);
		return -1;
	}
	tpl_set(body, "CSRF", r->who->csrf);
	if (r->who->level == LVL_ADMIN)
		tpl_show(body, "OPERATOR");
	if (json_array_size(list) == 0)
		tpl_show(body, "NONE");
	else
		tpl_show(body, "LIST");
	json_array_foreach(list, i, h) {
		row = tpl_section_add(body, "HOOK");
		memset(&b, 0, sizeof(b));
		events_text(r, json_object_get(h, "events"), &b);
		tpl_set(row, "H_ID", json_str(h, "id"));
		tpl_set(row, "H_URL", json_str(h, "url"));
		tpl_set(row, "H_EVENTS", b.data);
		tpl_set(row, "H_DESCRIPTION", json_str(h, "description"));
		tpl_set(row, "H_OWNER", owner_words(r, h));
		tpl_set(row, "H_CREATED", page_datetime(r, json_str(h, "createdAt"), when));
		if (json_is_true(json_object_get(h, "paused")))
			tpl_show(row, "H_PAUSED");
		buf_free(&b);
	}
	json_decref(list);
	if (page_form_token(r, token) < 0) {
		tpl_dict_free(root);
		return -1;
	}
	tpl_set(body, "FORM_TOKEN", token);
	tpl_set(body, "URL", posted ? req_form(r, "url") : "");
	tpl_set(body, "DESCRIPTION", posted ? req_form(r, "description") : "");
	form_fields(r, body, posted, NULL, pb);
	return page_send(r, status, root);
}

int
page_webhooks(struct req *r)
{
	return render_list(r, 200, NULL);
}

/* The form as the JSON body hook_create_check() reads. */
static json_t *
form_body(struct req *r)
{
	json_t		*o = json_object(), *ev = json_array();
	const char	*url = req_form(r, "url"), *desc = req_form(r, "description");
	size_t		 k;

	if (o == NULL || ev == NULL) {
		json_decref(o);
		json_decref(ev);
		return NULL;
	}
	if (url != NULL && *url != '\0')
		json_object_set_new(o, "url", json_string_cut_utf8(url));
	if (desc != NULL && *desc != '\0')
		json_object_set_new(o, "description", json_string_cut_utf8(desc));
	for (k = 0; k < r->form.n; k++)
		if (strcmp(r->form.v[k].key, "events") == 0)
			json_array_append_new(ev, json_string_cut_utf8(r->form.v[k].val));
	json_object_set_new(o, "events", ev);
	return o;
}

int
page_webhooks_post(struct req *r)
{
	const char	*token = page_posted_token(r);
	struct problems	 pb = { 0 };
	json_t		*body;
	char		 id[25], loc[64];
	int		 rc;

	/* Back, then Send again: the subscription the first post made */
	if ((rc = hook_by_form_token(r->store, r->who, token, id)) != 0) {
		if (rc < 0)
			return -1;
		snprintf(loc, sizeof(loc), "/webhooks/%s?again=1", id);
		return resp_redirect(r, loc);
	}
	if ((body = form_body(r)) == NULL)
		return -1;
	if (json_array_size(json_object_get(body, "events")) == 0)
		json_object_del(body, "events");	/* none ticked: refused below */
	if (json_object_get(body, "events") == NULL)
		oproblem(&pb, OERR_HOOK_EVENTS, "events", "events", "", NULL);
	rc = pb.n > 0 ? 1 : hook_create_check(body, &pb);
	if (rc == 0) {
		rc = hook_add(r->store, r->who, body, token, NULL, &pb, id, NULL);
	}
	if (rc == 2) {		/* the same form, posted twice at once */
		json_decref(body);
		snprintf(loc, sizeof(loc), "/webhooks/%s?again=1", id);
		return resp_redirect(r, loc);
	}
	json_decref(body);
	if (rc < 0) {
		problems_free(&pb);
		return -1;
	}
	if (rc > 0) {
		rc = render_list(r, problems_status(&pb), &pb);
		problems_free(&pb);
		return rc;
	}
	problems_free(&pb);
	snprintf(loc, sizeof(loc), "/webhooks/%s?added=1", id);
	return resp_redirect(r, loc);
}

/* A change of a subscription's history in words. */
static const char *
change_words(const char *lang, const char *action)
{
	if (strcmp(action, "created") == 0)
		return tr(lang, "added");
	if (strcmp(action, "edited") == 0)
		return tr(lang, "changed");
	if (strcmp(action, "paused") == 0)
		return tr(lang, "paused");
	if (strcmp(action, "resumed") == 0)
		return tr(lang, "resumed");
	if (strcmp(action, "rotated") == 0)
		return tr(lang, "secret changed");
	return action;
}

/* One subscription's page, with a notice (NULL: none), and the edit form
 * as posted with its problems (`pb` NULL: the subscription's values). */
static int
render_one(struct req *r, int status, const char *notice, const struct problems *pb)
{
	struct tpl_dict	*root, *body, *row, *arow;
	struct page_param params[1] = { { "x", NULL } };
	json_t		*h, *msgs, *m, *a;
	struct buf	 b = { 0 };
	char		 when[L10N_MAX], n[16];
	long long	 offset, total;
	size_t		 i, j;
	int		 err;

	if (req_query_int(r, "offset", 0, 0, 1LL << 40, &offset) < 0)
		offset = 0;
	if ((h = hook_json(r->store, r->who, r->param, 1, &err)) == NULL)
		return err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND, tr(r->lang,
		    "There is no such webhook."));
	if ((msgs = hook_messages(r->store, r->who, r->param, offset, HOOK_MESSAGES_PAGE,
	    &total, &err)) == NULL) {
		json_decref(h);
		return -1;
	}
	if ((root = page_new(r, tr(r->lang, "Webhook"), "webhook.tpl", &body)) == NULL) {
		json_decref(h);
		json_decref(msgs);
		return -1;
	}
	tpl_set(body, "CSRF", r->who->csrf);
	if (notice != NULL) {
		tpl_show(body, "NOTICE");
		tpl_set(body, "NOTICE_TEXT", notice);
	}
	events_text(r, json_object_get(h, "events"), &b);
	tpl_set(body, "H_ID", json_str(h, "id"));
	tpl_set(body, "H_URL", json_str(h, "url"));
	tpl_set(body, "H_DESCRIPTION", json_str(h, "description"));
	tpl_set(body, "H_OWNER", owner_words(r, h));
	tpl_set(body, "H_EVENTS", b.data);
	tpl_set(body, "H_CREATED", page_datetime(r, json_str(h, "createdAt"), when));
	tpl_set(body, "SECRET", json_str(h, "secret"));
	buf_free(&b);
	tpl_show(body, json_is_true(json_object_get(h, "paused")) ? "PAUSED" : "ACTIVE");
	/* the edit form: the subscription's values, or those posted */
	tpl_set(body, "EDIT_URL", pb != NULL ? req_form(r, "url") : json_str(h, "url"));
	tpl_set(body, "EDIT_DESCRIPTION", pb != NULL ? req_form(r, "description") :
	    json_str(h, "description"));
	form_fields(r, body, pb != NULL, json_object_get(h, "events"), pb);
	json_array_foreach(json_object_get(h, "history"), i, a) {
		row = tpl_section_add(body, "CHANGE");
		tpl_set(row, "C_AT", page_datetime(r, json_str(a, "at"), when));
		tpl_set(row, "C_WHAT", change_words(r->lang, json_str(a, "action")));
		tpl_set(row, "C_BY", json_str(a, "by") != NULL ? json_str(a, "by") : "");
	}
	if (json_str(h, "previousSecretExpiresAt") != NULL) {
		tpl_show(body, "ROTATING");
		tpl_set(body, "ROTATING_UNTIL", page_datetime(r,
		    json_str(h, "previousSecretExpiresAt"), when));
	}
	if (json_array_size(msgs) == 0)
		tpl_show(body, "NO_MESSAGES");
	json_array_foreach(msgs, i, m) {
		const char *state = json_str(m, "state");

		row = tpl_section_add(body, "MSG");
		tpl_set(row, "H_ID", json_str(h, "id"));
		tpl_set(row, "CSRF", r->who->csrf);
		tpl_set(row, "M_ID", json_str(m, "id"));
		tpl_set(row, "M_TYPE", json_str(m, "type"));
		tpl_set(row, "M_STATE", state_words(r->lang, state));
		tpl_set_int(row, "M_ATTEMPTS", json_integer_value(json_object_get(m, "attempts")));
		tpl_set(row, "M_CREATED", page_datetime(r, json_str(m, "createdAt"), when));
		if (json_str(m, "deliveredAt") != NULL) {
			tpl_show(row, "M_DELIVERED_AT");
			tpl_set(row, "M_DELIVERED", page_datetime(r, json_str(m, "deliveredAt"), when));
		}
		if (json_str(m, "nextAttemptAt") != NULL) {
			tpl_show(row, "M_NEXT_AT");
			tpl_set(row, "M_NEXT", page_datetime(r, json_str(m, "nextAttemptAt"), when));
		}
		if (strcmp(state, "sending") != 0)
			tpl_show(row, "M_RESEND");
		json_array_foreach(json_object_get(m, "latestAttempts"), j, a) {
			if (j == 0)
				tpl_show(row, "ATTEMPTS");
			arow = tpl_section_add(row, "ATTEMPT");
			tpl_set(arow, "A_AT", page_datetime(r, json_str(a, "at"), when));
			snprintf(n, sizeof(n), "%lld",
			    (long long)json_integer_value(json_object_get(a, "status")));
			tpl_set(arow, "A_STATUS", strcmp(n, "0") == 0 ?
			    tr(r->lang, "no answer") : n);
			tpl_set_int(arow, "A_MS", json_integer_value(json_object_get(a, "durationMs")));
			tpl_set(arow, "A_ERROR", json_str(a, "error"));
			tpl_set(arow, "A_ANSWER", json_str(a, "answer"));
		}
	}
	page_pager(body, "", offset, HOOK_MESSAGES_PAGE, json_array_size(msgs), total,
	    params, 0);
	json_decref(h);
	json_decref(msgs);
	return page_send(r, status, root);
}

int
page_webhook(struct req *r)
{
	return render_one(r, 200, req_query(r, "added") != NULL ? tr(r->lang, "The webhook "
	    "is added. Give its secret to your receiver: it checks each message's signature "
	    "with it.") : req_query(r, "again") != NULL ? tr(r->lang, "This form was sent "
	    "already: the webhook it added is this one, added once.") : NULL, NULL);
}

/* The edit form (action=edit) or a pause (action=pause, resume): the
 * page again with a notice, or with the form's problems.  The URL is
 * resolved outside the transaction. */
static int
page_webhook_edit(struct req *r, const char *action)
{
	struct problems	 pb = { 0 };
	json_t		*body;
	int		 rc;

	if (strcmp(action, "edit") == 0) {
		if ((body = form_body(r)) == NULL)
			return -1;
		if (json_array_size(json_object_get(body, "events")) == 0)
			oproblem(&pb, OERR_HOOK_EVENTS, "events", "events", "", NULL);
		if (json_object_get(body, "url") == NULL)
			oproblem(&pb, OERR_MISSING, "url", "url", NULL, NULL);
		if (json_object_get(body, "description") == NULL)
			json_object_set_new(body, "description", json_string(""));
	} else
		body = json_pack("{sb}", "paused", strcmp(action, "pause") == 0);
	if (body == NULL)
		return -1;
	rc = pb.n > 0 ? 1 : hook_update_check(body, &pb);
	if (rc == 0) {
		rc = hook_update(r->store, r->who, r->param, body);
		rc = rc > 0 ? 0 : rc == 0 ? 2 : -1;
	}
	json_decref(body);
	if (rc == 2) {
		problems_free(&pb);
		return reply_error(r, HERR_NOT_FOUND, tr(r->lang, "There is no such webhook."));
	}
	if (rc > 0) {
		rc = render_one(r, problems_status(&pb), NULL, &pb);
		problems_free(&pb);
		return rc;
	}
	problems_free(&pb);
	if (rc < 0)
		return -1;
	return render_one(r, 200, strcmp(action, "edit") == 0 ? tr(r->lang, "The changes "
	    "are saved.") : strcmp(action, "pause") == 0 ? tr(r->lang, "The webhook is "
	    "paused: nothing is sent to it, and the events that happen until it is resumed "
	    "are not kept for it.") : tr(r->lang, "The webhook is resumed: the messages that "
	    "waited are sent now, and every new event again."), NULL);
}

int
page_webhook_post(struct req *r)
{
	const char	*action = req_form(r, "action");
	char		 msg[40];
	int		 rc;

	if (action == NULL)
		action = "";
	if (strcmp(action, "delete") == 0) {
		if ((rc = hook_delete(r->store, r->who, r->param)) < 0)
			return -1;
		if (rc == 0)
			return reply_error(r, HERR_NOT_FOUND, tr(r->lang, "There is no such webhook."));
		return resp_redirect(r, "/webhooks");
	}
	if (strcmp(action, "edit") == 0 || strcmp(action, "pause") == 0 ||
	    strcmp(action, "resume") == 0)
		return page_webhook_edit(r, action);
	if (strcmp(action, "rotate") == 0)
		rc = hook_rotate(r->store, r->who, r->param);
	else if (strcmp(action, "ping") == 0)
		rc = hook_ping(r->store, r->who, r->param, msg);
	else if (strcmp(action, "resend") == 0 && req_form(r, "msg") != NULL)
		rc = hook_resend(r->store, r->who, r->param, req_form(r, "msg"));
	else
		return reply_error(r, HERR_BAD_BODY, tr(r->lang, "Choose what to do."));
	if (rc < 0)
		return -1;
	if (rc == 0)
		return reply_error(r, HERR_NOT_FOUND, strcmp(action, "resend") == 0 ?
		    tr(r->lang, "There is no such message, or it is being sent right now.") :
		    tr(r->lang, "There is no such webhook."));
	return render_one(r, 200, strcmp(action, "rotate") == 0 ? tr(r->lang, "A new secret "
	    "signs the messages from now on; the previous one too, for a while, as said "
	    "below.") : strcmp(action, "ping") == 0 ? tr(r->lang, "A test message is on "
	    "its way; its attempts are listed below.") : tr(r->lang, "The message will be "
	    "sent again in a moment."), NULL);
}
