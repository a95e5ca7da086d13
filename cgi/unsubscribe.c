/*
 * unsubscribe.c — the page of a mail's unsubscribe link; see
 * unsubscribe.h.  Names the request in the reader's words: an ordering
 * request by its type's title and the customer's reference, an Internet
 * request by its type and address.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "catalog.h"
#include "errors.h"
#include "http.h"
#include "i18n.h"
#include "inet_request.h"
#include "jsonx.h"
#include "orange_request.h"
#include "outbox.h"
#include "pages.h"
#include "reply.h"
#include "tpl.h"
#include "unsubscribe.h"
#include "words.h"

/* The request `id` in words into out ("" when it is gone).  0 or -1. */
static int
request_words(struct req *r, const char *id, char *out, size_t len)
{
	const struct rtype	*t;
	const json_t		*a;
	json_t			*o;
	char			 what[256];
	int			 err;

	out[0] = '\0';
	if ((o = request_load(r->store, &principal_operator, id, &err)) != NULL) {
		t = catalog_find(json_str(o, "type"));
		snprintf(what, sizeof(what), "%s", t != NULL ?
		    ltext_get(&t->titles, r->lang) : json_str(o, "name"));
		if (json_str(o, "customerReference") != NULL)
			tr_fill(out, len, tr(r->lang, "{1}, reference {2}"), what,
			    json_str(o, "customerReference"));
		else
			snprintf(out, len, "%s", what);
		json_decref(o);
		return 0;
	}
	if (err < 0)
		return -1;
	if ((o = inet_load(r->store, &principal_operator, id, INET_PAGE, &err)) == NULL)
		return err < 0 ? -1 : 0;
	a = json_object_get(o, "address");
	tr_fill(what, sizeof(what), tr(r->lang, "Internet access ({1})"),
	    word(WS_CIRCUIT, r->lang, json_str(o, "type")), NULL);
	snprintf(out, len, "%s, %s, %s %s", what, json_str(a, "address"),
	    json_str(a, "zip"), json_str(a, "city"));
	json_decref(o);
	return 0;
}

/* The page for the path's token: `stop` stops it first.  0 or -1. */
static int
answer(struct req *r, int stop)
{
	struct tpl_dict	*root, *body;
	char		 object[65], email[MAIL_ADDRESS_MAX + 1], about[600];
	int		 rc, stopped;

	if ((rc = outbox_token_find(r->store, r->param, object, email, &stopped)) < 0)
		return -1;
	if (rc == 0)
		return reply_error(r, HERR_NOT_FOUND, tr(r->lang, "This link is not "
		    "known: check that it was copied whole from the e-mail."));
	if (stop && !stopped) {
		if (outbox_token_stop(r->store, r->param) < 0)
			return -1;
		stopped = 1;
	}
	if (request_words(r, object, about, sizeof(about)) < 0)
		return -1;
	if ((root = page_new(r, tr(r->lang, "E-mail about a request"),
	    "unsubscribe.tpl", &body)) == NULL)
		return -1;
	tpl_set(body, "EMAIL", email);
	tpl_set(body, "ABOUT", about[0] != '\0' ? about : object);
	tpl_set(body, "TOKEN", r->param);
	tpl_show(body, stop ? "DONE" : stopped ? "ALREADY" : "ASK");
	return page_send(r, 200, root);
}

int
page_unsubscribe(struct req *r)
{
	return answer(r, 0);
}

int
page_unsubscribe_post(struct req *r)
{
	return answer(r, 1);
}
