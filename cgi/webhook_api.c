/*
 * webhook_api.c — the webhooks' JSON (webhook_api.h, docs/WEBHOOKS.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "errors.h"
#include "http.h"
#include "idempotency.h"
#include "log.h"
#include "reply.h"
#include "store.h"
#include "webhook.h"
#include "webhook_api.h"

#define NO_HOOK "No webhook with this id."

int
api_hooks(struct req *r)
{
	json_t	*a = hook_list(r->store, r->who);
	char	 n[32];

	if (a == NULL)
		return -1;
	snprintf(n, sizeof(n), "%zu", json_array_size(a));
	resp_header(r, "X-Total-Count", n);
	resp_header(r, "X-Result-Count", n);
	return resp_json_new(r, 200, a);
}

/* Create under the key `ik` (IDEM_NONE or IDEM_NEW), in one transaction:
 * the subscription, the key and its answer.  0 created (*text its
 * answer, owned), 1 refused (pb), 2 another request stored the key
 * first (ik says what to answer), -1. */
static int
create(struct req *r, const json_t *body, struct idem *ik, struct problems *pb,
    char id[25], char **text)
{
	int rc = hook_add(r->store, r->who, body, NULL, ik, pb, id, text);

	return rc == 3 ? 2 : rc == 2 ? -1 : rc;
}

int
api_hooks_post(struct req *r)
{
	struct problems	 pb = { 0 };
	struct idem	 ik = { 0 };
	json_t		*body;
	char		 id[25], loc[96], *text = NULL;
	int		 rc;

	if ((body = req_json_body(r, &rc)) == NULL)
		return rc;
	if ((rc = idem_begin(&ik, r, body)) < 0) {
		rc = reply_error(r, HERR_UNAVAILABLE, NULL);
		goto out;
	}
	if (rc > IDEM_NEW) {
		rc = reply_idem(r, &ik);
		goto out;
	}
	/* the fields, then the URL resolved: outside the transaction */
	if ((rc = hook_create_check(body, &pb)) != 0) {
		rc = rc < 0 ? -1 : reply_problems(r, &pb);
		goto out;
	}
	switch (create(r, body, &ik, &pb, id, &text)) {
	case 0:
		break;
	case 1:
		rc = reply_problems(r, &pb);
		goto out;
	case 2:
		rc = reply_idem(r, &ik);
		goto out;
	default:
		rc = reply_error(r, HERR_UNAVAILABLE, NULL);
		goto out;
	}
	if (ik.state == IDEM_NEW)
		rc = reply_idem(r, &ik);
	else {
		snprintf(loc, sizeof(loc), "/ordering/b2b/v2/webhooks/%s", id);
		resp_header(r, "Location", loc);
		rc = resp_json_text(r, 201, text);
	}
out:
	free(text);
	idem_free(&ik);
	problems_free(&pb);
	json_decref(body);
	return rc;
}

/* GET one: with its secret (who may read it may also rotate it). */
int
api_hook(struct req *r)
{
	json_t	*o;
	int	 err;

	if ((o = hook_json(r->store, r->who, r->param, 1, &err)) == NULL)
		return err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND, NO_HOOK);
	return resp_json_new(r, 200, o);
}

/* POST one: an edit ({url?, events?, description?, paused?}); 200 with
 * the subscription as GET shows it. */
int
api_hook_post(struct req *r)
{
	struct problems	 pb = { 0 };
	json_t		*body, *o = NULL;
	int		 rc, err;

	if ((body = req_json_body(r, &rc)) == NULL)
		return rc;
	/* the fields, then the URL resolved: outside the transaction */
	if ((rc = hook_update_check(body, &pb)) != 0) {
		rc = rc < 0 ? -1 : reply_problems(r, &pb);
		goto out;
	}
	if ((rc = hook_update(r->store, r->who, r->param, body)) <= 0) {
		rc = rc == 0 ? reply_error(r, HERR_NOT_FOUND, NO_HOOK) :
		    reply_error(r, HERR_UNAVAILABLE, NULL);
		goto out;
	}
	if ((o = hook_json(r->store, r->who, r->param, 1, &err)) == NULL)
		rc = -1;
	else
		rc = resp_json_new(r, 200, o);
out:
	problems_free(&pb);
	json_decref(body);
	return rc;
}

int
api_hook_rotate(struct req *r)
{
	json_t	*o;
	int	 rc, err;

	if ((rc = hook_rotate(r->store, r->who, r->param)) < 0)
		return -1;
	if (rc == 0)
		return reply_error(r, HERR_NOT_FOUND, NO_HOOK);
	if ((o = hook_json(r->store, r->who, r->param, 1, &err)) == NULL)
		return -1;
	return resp_json_new(r, 200, o);
}

int
api_hook_ping(struct req *r)
{
	char	msg[40];
	int	rc;

	if ((rc = hook_ping(r->store, r->who, r->param, msg)) < 0)
		return -1;
	if (rc == 0)
		return reply_error(r, HERR_NOT_FOUND, NO_HOOK);
	return resp_json_new(r, 202, json_pack("{ss ss ss}", "id", msg, "type",
	    HOOK_PING_EVENT, "state", "queued"));
}

int
api_hook_delete(struct req *r)
{
	int rc;

	if ((rc = hook_delete(r->store, r->who, r->param)) < 0)
		return -1;
	if (rc == 0)
		return reply_error(r, HERR_NOT_FOUND, NO_HOOK);
	resp_start(r, 204, NULL);
	return 0;
}

int
api_hook_messages(struct req *r)
{
	json_t		*a;
	long long	 offset, limit, total;
	char		 n[32];
	int		 err;

	if (req_query_int(r, "offset", 0, 0, 1LL << 40, &offset) < 0)
		return reply_error(r, HERR_BAD_QUERY, "'offset' must be a non-negative integer.");
	if (req_query_int(r, "limit", HOOK_MESSAGES_PAGE, 1, HOOK_MESSAGES_PAGE, &limit) < 0)
		return reply_error(r, HERR_BAD_QUERY, "'limit' must be an integer between 1 and 50.");
	if ((a = hook_messages(r->store, r->who, r->param, offset, limit, &total,
	    &err)) == NULL)
		return err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND, NO_HOOK);
	snprintf(n, sizeof(n), "%lld", total);
	resp_header(r, "X-Total-Count", n);
	snprintf(n, sizeof(n), "%zu", json_array_size(a));
	resp_header(r, "X-Result-Count", n);
	return resp_json_new(r, 200, a);
}

int
api_hook_resend(struct req *r)
{
	int rc;

	if ((rc = hook_resend(r->store, r->who, r->param, r->param2)) < 0)
		return -1;
	if (rc == 0)
		return reply_error(r, HERR_NOT_FOUND, "No such message of this webhook "
		    "(or it is being sent right now).");
	return resp_json_new(r, 202, json_pack("{ss ss}", "id", r->param2, "state", "queued"));
}
