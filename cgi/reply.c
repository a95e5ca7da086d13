/*
 * reply.c — error answers in every family's shape; see reply.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "errors.h"
#include "http.h"
#include "i18n.h"
#include "pages.h"
#include "reply.h"
#include "util.h"

json_t *
json_string_cut(const char *s)
{
	return s == NULL ? NULL : json_stringn(s, utf8_valid_len(s));
}

/* The Orange error object; `details` (array or NULL) is stolen. */
static int
orange_answer(struct req *r, int status, int code, const char *message,
    const char *description, json_t *details)
{
	json_t	*o;
	int	 rc;

	if ((o = json_object()) == NULL ||
	    json_object_set_new(o, "code", json_integer(code)) < 0 ||
	    json_object_set_new(o, "message", json_string_cut(message)) < 0 ||
	    json_object_set_new(o, "description",
	    json_string_cut(description ? description : message)) < 0) {
		json_decref(o);
		json_decref(details);
		return -1;
	}
	if (details != NULL && json_object_set_new(o, "details", details) < 0) {
		json_decref(o);
		return -1;
	}
	rc = resp_json(r, status, o);
	json_decref(o);
	return rc;
}

/* A new TelecomX error object; path and check may be NULL. */
static json_t *
tcx_object(const char *code, const char *path, int status, const char *message,
    const char *check)
{
	json_t *e;

	/* json_object_set_new() frees the value it refuses (NULL included). */
	if ((e = json_object()) == NULL ||
	    json_object_set_new(e, "code", json_string_cut(code)) < 0 ||
	    json_object_set_new(e, "status", json_integer(status)) < 0 ||
	    json_object_set_new(e, "message", json_string_cut(message)) < 0 ||
	    (path != NULL && json_object_set_new(e, "path",
	    json_string_cut(path)) < 0) ||
	    (check != NULL && json_object_set_new(e, "check",
	    json_string_cut(check)) < 0)) {
		json_decref(e);
		return NULL;
	}
	return e;
}

/* The TelecomX answer: `errors` (non-empty, stolen); the first is "error". */
static int
tcx_answer(struct req *r, int status, json_t *errors)
{
	json_t	*o;
	int	 rc;

	if (errors == NULL || json_array_size(errors) == 0) {
		json_decref(errors);
		return -1;
	}
	o = json_pack("{s:O, s:o}", "error", json_array_get(errors, 0),
	    "errors", errors);
	if (o == NULL)
		return -1;
	rc = resp_json(r, status, o);
	json_decref(o);
	return rc;
}

int
reply_error(struct req *r, enum herr e, const char *detail)
{
	const struct herr_row	*row = herr_row(e);
	const char		*text = detail ? detail : row->message;

	if (r->started)
		return -1;
	switch (r->family) {
	case FAM_ORANGE:
		return orange_answer(r, row->status, row->ocode, row->omessage, text, NULL);
	case FAM_TCX:
		return tcx_answer(r, row->status, json_pack("[o]",
		    tcx_object(row->xcode, NULL, row->status, text, NULL)));
	case FAM_HTML:
		break;
	}
	/* A person reads the page: the handler's own words (a page's handler
	 * gives them translated), or the row's sentence for people. */
	return page_error(r, row->status, detail ? detail : tr(r->lang, row->person));
}

/* The summary entry of a list cut at PROBLEMS_MAX. */
static json_t *
more_entry(const struct problems *pb)
{
	char	 n[32], *text;
	json_t	*e;

	snprintf(n, sizeof(n), "%zu", pb->more);
	if (pb->family == FAM_TCX) {
		const struct xerr_row *row = xerr_row(XERR_MORE);
		const char *args[3] = { n, NULL, NULL };
		if ((text = errors_fill(row->message, args)) == NULL)
			return NULL;
		e = tcx_object(row->code, NULL, row->status, text, row->check);
	} else {
		const struct oerr_row *row = oerr_row(OERR_MORE);
		const char *args[3] = { n, NULL, NULL };
		if ((text = errors_fill(row->description, args)) == NULL)
			return NULL;
		e = json_pack("{s:i, s:s, s:o}", "code",
		    oerr_row((enum oerr)pb->more_err)->code, "message", row->message,
		    "description", json_string_cut(text));
	}
	free(text);
	return e;
}

/* One problem as its family's object (new reference or NULL). */
static json_t *
problem_json(const struct problems *pb, const struct problem *p)
{
	if (pb->family == FAM_TCX) {
		const struct xerr_row *row = xerr_row((enum xerr)p->err);
		return tcx_object(row->code ? row->code : p->code, p->path,
		    row->status, p->text, row->check);
	}
	return json_pack("{s:i, s:o, s:o}", "code", oerr_row((enum oerr)p->err)->code,
	    "message", json_string_cut(oerr_row((enum oerr)p->err)->message),
	    "description", json_string_cut(p->text));
}

int
reply_problems(struct req *r, const struct problems *pb)
{
	const struct oerr_row	*top;
	json_t			*list;
	size_t			 i;

	if (pb->n == 0 || pb->failed || r->started || (list = json_array()) == NULL)
		return -1;
	for (i = 0; i < pb->n; i++)
		if (json_array_append_new(list, problem_json(pb, &pb->v[i])) < 0)
			goto fail;
	if (pb->more > 0 && json_array_append_new(list, more_entry(pb)) < 0)
		goto fail;
	if (pb->family == FAM_TCX)
		return tcx_answer(r, problems_status(pb), list);
	top = oerr_row((enum oerr)pb->v[0].err);
	return orange_answer(r, top->status, top->code, top->message, pb->v[0].text, list);
fail:
	json_decref(list);
	return -1;
}

int
reply_oerr(struct req *r, enum oerr e, const char *a1, const char *a2)
{
	struct problems	pb = { 0 };
	int		rc;

	rc = oproblem(&pb, e, NULL, a1, a2, NULL) == 0 ? reply_problems(r, &pb) : -1;
	problems_free(&pb);
	return rc;
}

int
reply_xerr(struct req *r, enum xerr e, const char *code, const char *path,
    const char *a1)
{
	struct problems	pb = { 0 };
	int		rc;

	rc = xproblem(&pb, e, code, path, a1) == 0 ? reply_problems(r, &pb) : -1;
	problems_free(&pb);
	return rc;
}

int
reply_idem(struct req *r, const struct idem *ik)
{
	switch (ik->state) {
	case IDEM_BAD_KEY:
		return reply_error(r, HERR_IDEM_KEY, NULL);
	case IDEM_MISMATCH:
		if (r->family == FAM_TCX)
			return reply_xerr(r, XERR_IDEM_REUSED, NULL, NULL, NULL);
		return reply_oerr(r, OERR_IDEM_REUSED, NULL, NULL);
	case IDEM_REPLAY:
		if (resp_header(r, "Idempotent-Replayed", "true") < 0)
			return -1;
		/* FALLTHROUGH */
	case IDEM_NEW:
		if (ik->body == NULL || (ik->header != NULL &&
		    resp_header(r, ik->header, ik->header_value) < 0))
			return -1;
		return resp_json_text(r, ik->status, ik->body);
	case IDEM_NONE:
		break;
	}
	return -1;
}

json_t *
req_json_body(struct req *r, int *rc)
{
	json_t	*body;
	char	 why[256];
	int	 err;

	*rc = 0;
	if ((body = req_read_json(r, &err, why, sizeof(why))) != NULL)
		return body;
	*rc = err < 0 ? -1 : reply_error(r, (enum herr)err, why[0] ? why : NULL);
	return NULL;
}
