/*
 * orange_pages.c — request pages.  Every rule and message comes from
 * orange_request.c and the catalog, exactly as for the JSON API.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "orange_api.h"
#include "auth.h"
#include "catalog.h"
#include "http.h"
#include "reply.h"
#include "log.h"
#include "pages.h"
#include "orange_pages.h"
#include "orange_request.h"
#include "request_view.h"
#include "store.h"
#include "tpl.h"
#include "util.h"
#include "workday.h"

#define PAGE_SIZE 25

/* The page's language: English until the pages follow the reader's
 * (gettext); every catalog text below is taken in it. */
#define PAGE_LANG "en"

/* The caller's type, or NULL if unknown or not in its catalog. */
static const struct rtype *
allowed_type(struct req *r, const char *type)
{
	const struct rtype *t = catalog_find(type);

	return catalog_may_use(r->store, r->who, t) == 1 ? t : NULL;
}

/*
 * The secondary text of a label on a page in `lang`: the original French
 * term a declaration gives with labelFr / titleFr (the seeds' own words,
 * Débit, Antenne mobile intérieure) on a page in another language, where
 * it is not already part of the label (Multicast needed / Multicast says
 * nothing more).  A French translation (label.fr) is for French pages
 * only.  NULL: none.
 */
static const char *
label_secondary(const struct ltext *t, int original, const char *lang)
{
	const char *primary = ltext_get(t, lang), *fr = t->v[LANG_FR];

	if (!original || strcmp(lang, "fr") == 0 || fr == NULL || primary == NULL ||
	    strcasestr(primary, fr) != NULL)
		return NULL;
	return fr;
}

/* GET /requests/new: the types of the caller's catalog. */
int
page_request_types(struct req *r)
{
	struct tpl_dict	*root, *body, *row;
	json_t		*items = catalog_items(r->store, r->who), *it;
	size_t		 i;

	if (items == NULL)
		return -1;
	if ((root = page_new(r, "New request", "request_types.tpl", &body)) == NULL) {
		json_decref(items);
		return -1;
	}
	json_array_foreach(items, i, it) {
		const struct rtype *t = catalog_find(json_string_value(json_object_get(it, "id")));
		const char *fr;

		if (t == NULL || (row = tpl_section_add(body, "TYPE")) == NULL)
			continue;
		tpl_set(row, "TYPE_ID", t->type);
		tpl_set(row, "TYPE_NAME", ltext_get(&t->titles, PAGE_LANG));
		if ((fr = label_secondary(&t->titles, t->title_fr_original, PAGE_LANG)) != NULL) {
			tpl_show(row, "TYPE_FR");
			tpl_set(row, "TYPE_NAME_FR", fr);
		}
		tpl_set(row, "TYPE_CATEGORY", t->category);
		tpl_set(row, "TYPE_DESCRIPTION", ltext_get(&t->descriptions, PAGE_LANG));
	}
	if (json_array_size(items) == 0)
		tpl_show(body, "NO_TYPES");
	json_decref(items);
	return page_send(r, 200, root);
}

/* Show an error next to a field when there is one: section `name`,
 * text in name_TEXT. */
static void
set_error(struct tpl_dict *d, const char *name, const struct problems *pb,
    const char *path)
{
	const struct problem	*p = problems_at(pb, path);
	char			 key[64];

	if (p != NULL) {
		tpl_show(d, name);
		snprintf(key, sizeof(key), "%s_TEXT", name);
		tpl_set(d, key, p->text);
	}
}

/* Service point choices for a servicePoint.id picker. */
static int
fill_picker(struct req *r, struct tpl_dict *field, const char *current)
{
	struct rows	*s;
	struct tpl_dict	*opt;
	char		 label[512];
	int		 rc;

	if ((s = store_query(r->store, ST_SP_PICKER, "iss", SCOPE_ARGS(r->who))) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1) {
		opt = tpl_section_add(field, "OPTION");
		tpl_set(opt, "VALUE", store_text(s, SP_PICK_ID));
		snprintf(label, sizeof(label), "%s — %s (%s%s%s)",
		    store_text(s, SP_PICK_ID), store_text(s, SP_PICK_NAME),
		    store_text(s, SP_PICK_CUSTOMER_REFERENCE) ?
		    store_text(s, SP_PICK_CUSTOMER_REFERENCE) : "",
		    r->who->customer_id ? "" : ", ",
		    r->who->customer_id ? "" : store_text(s, SP_PICK_CUSTOMER_ID));
		tpl_set(opt, "LABEL", label);
		if (current != NULL && strcmp(current, store_text(s, SP_PICK_ID)) == 0)
			tpl_show(opt, "SELECTED");
	}
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* One catalog field as a form input, with its value and error. */
static int
fill_field(struct req *r, const struct rtype *t, const struct field *f,
    struct tpl_dict *group, const struct problems *pb, const char *lang)
{
	struct tpl_dict	*d, *opt;
	const char	*value = req_form(r, f->path), *text;
	struct buf	 profiles = { 0 };
	size_t		 i;

	d = tpl_section_add(group, "FIELD");
	tpl_set(d, "NAME", f->path);
	tpl_set(d, "ID", f->path);
	tpl_set(d, "LABEL", ltext_get(&f->labels, lang));
	if ((text = label_secondary(&f->labels, f->label_fr_original, lang)) != NULL) {
		tpl_show(d, "LABEL_FR");
		tpl_set(d, "LABEL_FR_TEXT", text);
	}
	if ((text = ltext_get(&f->helps, lang)) != NULL) {
		tpl_show(d, "HELP");
		tpl_set(d, "HELP_TEXT", text);
	}
	if (f->required && f->def == NULL)
		tpl_show(d, "REQUIRED");
	if (f->one_of != NULL)
		tpl_show(d, "ONE_OF");
	for (i = 0; i < f->nprofiles; i++)
		buf_printf(&profiles, "%s%s", i ? "|" : "", f->profiles[i]);
	if (f->nprofiles > 0) {
		tpl_show(d, "PROFILES");
		tpl_set(d, "PROFILE_LIST", profiles.data);
		tpl_set(d, "PROFILE_TEXT", profiles.data);
	}
	buf_free(&profiles);
	if (t->profile_field != NULL && strcmp(t->profile_field, f->path) == 0)
		tpl_show(d, "IS_PROFILE");
	set_error(d, "FIELD_ERROR", pb, f->path);
	if (f->resolve != NULL && strcmp(f->resolve, "id") == 0) {
		tpl_show(d, "SELECT");
		return fill_picker(r, d, value);
	}
	if (f->nenum > 0) {
		tpl_show(d, "SELECT");
		for (i = 0; i < f->nenum; i++) {
			opt = tpl_section_add(d, "OPTION");
			tpl_set(opt, "VALUE", f->enumv[i]);
			tpl_set(opt, "LABEL", field_value_label(f, f->enumv[i], lang));
			if (value != NULL && strcmp(value, f->enumv[i]) == 0)
				tpl_show(opt, "SELECTED");
		}
		return 0;
	}
	if (f->type == FT_BOOLEAN) {
		tpl_show(d, "CHECKBOX");
		if (value != NULL ? strcmp(value, "true") == 0 :
		    (r->method == M_GET && json_is_true(f->def)))
			tpl_show(d, "CHECKED");
		return 0;
	}
	tpl_show(d, "TEXT");
	tpl_set(d, "INPUT_TYPE", f->format == FF_EMAIL ? "email" :
	    f->format == FF_PHONE ? "tel" : f->format == FF_DATE ? "date" : "text");
	tpl_set(d, "VALUE", value ? value : "");
	if (f->max_len > 0)
		tpl_set_int(d, "MAXLENGTH", f->max_len);
	else
		tpl_set_int(d, "MAXLENGTH", 1024);
	return 0;
}

/* The fields as the form shows them: one GROUP (fieldset) per group of
 * the declaration, in the order of their first field; fields of no
 * group in a "Properties" group.  0 or -1. */
static int
fill_groups(struct req *r, const struct rtype *t, struct tpl_dict *body,
    const struct problems *pb, const char *lang)
{
	struct tpl_dict		*g;
	const struct fgroup	*cur;
	const char		*help;
	size_t			 i, j;
	int			 seen;

	for (i = 0; i < t->nfields; i++) {
		cur = t->fields[i].group;
		for (j = 0, seen = 0; j < i && !seen; j++)
			seen = t->fields[j].group == cur;
		if (seen)
			continue;
		if ((g = tpl_section_add(body, "GROUP")) == NULL)
			return -1;
		tpl_set(g, "GROUP_ID", cur != NULL ? cur->id : "properties");
		tpl_set(g, "GROUP_LABEL", cur != NULL ? ltext_get(&cur->label, lang) :
		    words_properties(lang));
		if (cur != NULL && (help = ltext_get(&cur->help, lang)) != NULL) {
			tpl_show(g, "GROUP_HELP");
			tpl_set(g, "GROUP_HELP_TEXT", help);
		}
		for (j = i; j < t->nfields; j++)
			if (t->fields[j].group == cur &&
			    fill_field(r, t, &t->fields[j], g, pb, lang) < 0)
				return -1;
	}
	return 0;
}

/* Top-level input kept or defaulted. */
static void
keep(struct req *r, struct tpl_dict *body, const char *key, const char *name)
{
	const char *v = req_form(r, name);

	tpl_set(body, key, v ? v : "");
}

/* Render the form, with problems when re-shown after a refused post. */
static int
render_form(struct req *r, const struct rtype *t, const struct problems *pb,
    const char *summary, int status)
{
	struct tpl_dict	*root, *body, *opt;
	struct ymd	 earliest;
	char		 day[11], title[256];
	struct rows	*s;
	size_t		 i;
	int		 rc;

	snprintf(title, sizeof(title), "New request: %s", ltext_get(&t->titles, PAGE_LANG));
	if ((root = page_new(r, title, "request_form.tpl", &body)) == NULL)
		return -1;
	tpl_set(body, "TYPE_ID", t->type);
	tpl_set(body, "TYPE_NAME", ltext_get(&t->titles, PAGE_LANG));
	if (label_secondary(&t->titles, t->title_fr_original, PAGE_LANG) != NULL) {
		tpl_show(body, "TYPE_FR");
		tpl_set(body, "TYPE_NAME_FR", label_secondary(&t->titles,
		    t->title_fr_original, PAGE_LANG));
	}
	tpl_set(body, "TYPE_DESCRIPTION", ltext_get(&t->descriptions, PAGE_LANG));
	tpl_set(body, "CSRF", r->who->csrf);
	earliest = earliest_requested_date(calendar_now(), t->lead_days, t->lead_unit);
	ymd_format(&earliest, day);
	tpl_set(body, "EARLIEST", day);
	tpl_set_int(body, "LEAD_DAYS", t->lead_days);
	tpl_set(body, "LEAD_UNIT", t->lead_unit == LEAD_WORKING ? "working days" : "days");
	if (req_form(r, "requestedAt") != NULL)
		keep(r, body, "REQUESTED_AT", "requestedAt");
	else
		tpl_set(body, "REQUESTED_AT", day);
	keep(r, body, "CUSTOMER_REFERENCE", "customerReference");
	keep(r, body, "CONTRACT", "contract");
	keep(r, body, "COMMENT", "comment");
	set_error(body, "DATE_ERROR", pb, "requestedAt");
	if (problems_at(pb, "customerReference") || problems_at(pb, "contract") ||
	    problems_at(pb, "comment") || problems_at(pb, "servicePoint") ||
	    problems_at(pb, "customer.id")) {
		tpl_show(body, "FORM_ERRORS");
		for (i = 0; i < pb->n; i++) {
			const char *p = pb->v[i].path;
			if (p != NULL && rtype_field(t, p) == NULL && strcmp(p, "requestedAt") != 0) {
				opt = tpl_section_add(body, "FORM_ERROR");
				tpl_set(opt, "TEXT", pb->v[i].text);
			}
		}
	}
	if (summary != NULL) {
		tpl_show(body, "SUMMARY");
		tpl_set(body, "SUMMARY_TEXT", summary);
	}
	if (r->who->customer_id == NULL) {	/* staff choosing a customer */
		tpl_show(body, "CUSTOMER");
		if ((s = store_query(r->store, ST_CUSTOMERS_IN_SCOPE, "iss",
		    SCOPE_ARGS(r->who))) == NULL) {
			tpl_dict_free(root);
			return -1;
		}
		while ((rc = store_row(s)) == 1) {
			const char *cur = req_form(r, "customer.id");
			opt = tpl_section_add(body, "CUSTOMER_OPTION");
			tpl_set(opt, "VALUE", store_text(s, CUSTOMER_ID));
			tpl_set(opt, "LABEL", store_text(s, CUSTOMER_NAME));
			if (cur != NULL && strcmp(cur, store_text(s, CUSTOMER_ID)) == 0)
				tpl_show(opt, "SELECTED");
		}
		store_done(s);
	}
	if (fill_groups(r, t, body, pb, PAGE_LANG) < 0) {
		tpl_dict_free(root);
		return -1;
	}
	return page_send(r, status, root);
}

/* GET /requests/new/{TYPE} */
int
page_request_form(struct req *r)
{
	const struct rtype *t = allowed_type(r, r->param);

	if (t == NULL)
		return reply_error(r, HERR_NOT_FOUND, "This request type is not in your catalog.");
	if (!(LV_CREATE & LV(r->who->level)))
		return reply_error(r, HERR_FORBIDDEN, "Your access level does not allow creating requests.");
	return render_form(r, t, NULL, NULL, 200);
}

/* Turn the posted form into the JSON body the API takes. */
static json_t *
form_to_body(struct req *r, const struct rtype *t)
{
	json_t		*body = json_object(), *props = json_object(), *o, *next, *v;
	static const char *const top[] = { "requestedAt", "customerReference",
	    "contract", "comment" };
	const char	*s;
	char		*end;
	size_t		 i, j;

	json_object_set_new(body, "type", json_string(t->type));
	for (i = 0; i < sizeof(top) / sizeof(top[0]); i++)
		if ((s = req_form(r, top[i])) != NULL && *s != '\0')
			json_object_set_new(body, top[i], json_string(s));
	if ((s = req_form(r, "customer.id")) != NULL && *s != '\0')
		json_object_set_new(body, "customer", json_pack("{s:s}", "id", s));
	for (i = 0; i < t->nfields; i++) {
		const struct field *f = &t->fields[i];
		s = req_form(r, f->path);
		if (f->type == FT_BOOLEAN)
			v = s != NULL && strcmp(s, "true") == 0 ? json_true() : NULL;
		else if (s == NULL || *s == '\0')
			v = NULL;
		else if (f->type == FT_INTEGER && (strtoll(s, &end, 10), *end == '\0'))
			v = json_integer(strtoll(s, NULL, 10));
		else if (f->type == FT_NUMBER && (strtod(s, &end), *end == '\0'))
			v = json_real(strtod(s, NULL));
		else
			v = json_string(s);
		if (v == NULL)
			continue;
		for (o = props, j = 0; j + 1 < f->nparts; j++, o = next)
			if ((next = json_object_get(o, f->parts[j])) == NULL) {
				next = json_object();
				json_object_set_new(o, f->parts[j], next);
			}
		json_object_set_new(o, f->parts[f->nparts - 1], v);
	}
	json_object_set_new(body, "properties", props);
	return body;
}

/* POST /requests/new/{TYPE} */
int
page_request_form_post(struct req *r)
{
	const struct rtype	*t = allowed_type(r, r->param);
	struct problems		 pb = { 0 };
	json_t			*body;
	char			 id[25], why[256], loc[64], summary[300];
	int			 rc;

	if (t == NULL)
		return reply_error(r, HERR_NOT_FOUND, "This request type is not in your catalog.");
	if (!(LV_CREATE & LV(r->who->level)))
		return reply_error(r, HERR_FORBIDDEN, "Your access level does not allow creating requests.");
	if ((body = form_to_body(r, t)) == NULL)
		return -1;
	switch (request_create(r->store, r->who, body, PAGE_LANG, &pb, id, NULL, why,
	    sizeof(why))) {
	case CREATE_OK:
		snprintf(loc, sizeof(loc), "/requests/%s", id);
		rc = resp_redirect(r, loc);
		break;
	case CREATE_INVALID:
		if (pb.failed) {	/* the list is not whole: a 500 */
			rc = -1;
			break;
		}
		snprintf(summary, sizeof(summary), "The request was not sent: %zu "
		    "problem%s to fix.", problems_found(&pb), problems_found(&pb) > 1 ?
		    "s" : "");
		rc = render_form(r, t, &pb, summary, 422);
		break;
	case CREATE_FORBIDDEN:
		rc = reply_error(r, HERR_FORBIDDEN, why);
		break;
	default:
		rc = render_form(r, t, &pb, "The ordering system is not available at "
		    "the moment. The request was not accepted.", 503);
		break;
	}
	problems_free(&pb);
	json_decref(body);
	return rc;
}

static const char *
jstr(const json_t *o, const char *path)
{
	return json_string_value(json_path_get(o, path));
}

/* The properties of request `o` in words, grouped (request_view.h).
 * 0 or -1. */
static int
fill_view(struct req *r, const json_t *o, struct tpl_dict *body)
{
	const struct rtype	*t = catalog_find(jstr(o, "type"));
	struct request_view	 v;
	struct sp_words		 sp;

	if (sp_words_load(r->store, NULL, jstr(o, "id"), &sp) < 0 ||
	    request_view_build(t, json_object_get(o, "properties"), &sp, PAGE_LANG, &v) < 0)
		return -1;
	request_view_tpl(&v, body);
	if (v.n == 0)
		tpl_show(body, "NO_PROPERTIES");
	request_view_free(&v);
	if (t != NULL)
		tpl_set(body, "TYPE_TITLE", ltext_get(&t->titles, PAGE_LANG));
	return 0;
}

/* The request page, with an error above the actions when a status
 * change was refused. */
static int
render_request(struct req *r, int status, const char *error)
{
	struct tpl_dict		 *root, *body, *row;
	json_t			 *o, *h;
	const char *const	 *next;
	size_t			  i;
	int			  err;

	if ((o = request_load(r->store, r->who, r->param, &err)) == NULL)
		return err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND, "No request with this id.");
	if ((root = page_new(r, jstr(o, "name"), "request.tpl", &body)) == NULL) {
		json_decref(o);
		return -1;
	}
	tpl_set(body, "ID", jstr(o, "id"));
	tpl_set(body, "TYPE", jstr(o, "type"));
	tpl_set(body, "NAME", jstr(o, "name"));
	tpl_set(body, "CATEGORY", jstr(o, "category"));
	tpl_set(body, "STATUS", jstr(o, "status"));
	tpl_set(body, "CUSTOMER", jstr(o, "customer.name"));
	tpl_set(body, "CUSTOMER_REFERENCE", jstr(o, "customerReference"));
	tpl_set(body, "CONTRACT", jstr(o, "contract"));
	tpl_set(body, "COMMENT", jstr(o, "comment"));
	tpl_set(body, "ISSUED_AT", jstr(o, "keyDates.issuedAt"));
	tpl_set(body, "REQUESTED_AT", jstr(o, "keyDates.requestedAt"));
	tpl_set(body, "COMPLETED_AT", jstr(o, "keyDates.completedAt"));
	tpl_set(body, "CSRF", r->who->csrf);
	if (fill_view(r, o, body) < 0) {
		tpl_dict_free(root);
		json_decref(o);
		return -1;
	}
	json_array_foreach(json_object_get(o, "history"), i, h) {
		row = tpl_section_add(body, "HISTORY");
		tpl_set(row, "H_AT", jstr(h, "at"));
		tpl_set(row, "H_BY", jstr(h, "by.name"));
		tpl_set(row, "H_FROM", jstr(h, "from") ? jstr(h, "from") : "—");
		tpl_set(row, "H_TO", jstr(h, "to"));
		tpl_set(row, "H_COMMENT", jstr(h, "comment"));
	}
	next = request_next_statuses(r->who, jstr(o, "status"));
	if (next[0] != NULL) {
		tpl_show(body, "ACTIONS");
		for (i = 0; next[i] != NULL; i++) {
			row = tpl_section_add(body, "ACTION");
			tpl_set(row, "TO", next[i]);
		}
	}
	if (error != NULL) {
		tpl_show(body, "ACTION_ERROR");
		tpl_set(body, "ACTION_ERROR_TEXT", error);
	}
	json_decref(o);
	return page_send(r, status, root);
}

/* GET /requests/{id}: the request, its history and what the caller may do. */
int
page_request(struct req *r)
{
	return render_request(r, 200, NULL);
}

/* POST /requests/{id}: a status change from the request page. */
int
page_request_status_post(struct req *r)
{
	char	why[256], loc[512];
	int	rc;

	rc = request_transition(r->store, r->who, r->param, req_form(r, "status"),
	    req_form(r, "comment"), why, sizeof(why));
	if (rc < 0)
		return -1;
	if (rc == HERR_NOT_FOUND || rc == HERR_FORBIDDEN)
		return reply_error(r, rc, NULL);
	if (rc > 0)
		/* A form missing a value answers 422 like every other refused
		 * form of the desk (412 is the Orange API's own status). */
		return render_request(r, rc == HERR_MISSING ? 422 : herr_status(rc), why);
	snprintf(loc, sizeof(loc), "/requests/%s", r->param);
	return resp_redirect(r, loc);
}

/* Filters of the list page from the query string (empty ones ignored).
 * 0, or -1 when a filter lists more values than a list reads. */
static int
list_filter(struct req *r, struct request_filter *f)
{
	memset(f, 0, sizeof(*f));
	if (req_query_list(r, "id", QUERY_LIST_MAX, &f->id) < 0 ||
	    req_query_list(r, "status", QUERY_LIST_MAX, &f->status) < 0 ||
	    req_query_list(r, "type", QUERY_LIST_MAX, &f->type) < 0 ||
	    req_query_list(r, "category", QUERY_LIST_MAX, &f->category) < 0 ||
	    req_query_list(r, "customerReference", QUERY_LIST_MAX,
	    &f->customer_reference) < 0)
		return -1;
	f->sort = req_query(r, "sort");
	if (f->sort != NULL && (*f->sort == '\0' || !request_sort_valid(f->sort)))
		f->sort = NULL;
	if (req_query_int(r, "offset", 0, 0, 1LL << 40, &f->offset) < 0)
		f->offset = 0;
	f->limit = PAGE_SIZE;
	return 0;
}

/* The answer to a filter of too many values. */
static int
too_many_values(struct req *r)
{
	return reply_error(r, HERR_BAD_QUERY, "A filter may list at most 100 values.");
}

/* The filters of the list, kept in its links. */
static void
filter_params(const struct request_filter *f, struct page_param p[6])
{
	p[0] = (struct page_param){ "id", f->id };
	p[1] = (struct page_param){ "status", f->status };
	p[2] = (struct page_param){ "type", f->type };
	p[3] = (struct page_param){ "category", f->category };
	p[4] = (struct page_param){ "customerReference", f->customer_reference };
	p[5] = (struct page_param){ "sort", f->sort };
}

int
page_requests(struct req *r)
{
	static const char *const statuses[] = { "NEW", "IN_PROGRESS", "COMPLETED",
	    "REJECTED", "CANCELED" };
	static const char *const categories[] = { "NEW", "CHANGE", "DISCONNECT" };
	struct request_filter	 f;
	struct page_param	 params[6];
	struct tpl_dict		*root, *body, *row;
	json_t			*items, *it;
	long long		 total;
	size_t			 i;

	if (r->who == NULL)	/* the route lets no one in unidentified */
		return resp_redirect(r, "/login");
	if (list_filter(r, &f) < 0)
		return too_many_values(r);
	if (request_list(r->store, r->who, &f, &items, &total) < 0) {
		json_decref(items);
		return -1;
	}
	if ((root = page_new(r, "Requests", "requests.tpl", &body)) == NULL) {
		json_decref(items);
		return -1;
	}
	tpl_set(body, "USER_NAME", r->who->name);
	tpl_set(body, "CUSTOMER_NAME", r->who->customer_name ? r->who->customer_name :
	    (r->who->level == LVL_ADMIN ? "operator staff" : r->who->reseller_id));
	tpl_set(body, "F_CUSTREF", f.customer_reference ? f.customer_reference : "");
	tpl_set(body, "F_TYPE", f.type ? f.type : "");
	for (i = 0; i < 5; i++) {
		row = tpl_section_add(body, "STATUS_OPTION");
		tpl_set(row, "VALUE", statuses[i]);
		if (f.status && strcmp(f.status, statuses[i]) == 0)
			tpl_show(row, "SELECTED");
	}
	for (i = 0; i < 3; i++) {
		row = tpl_section_add(body, "CATEGORY_OPTION");
		tpl_set(row, "VALUE", categories[i]);
		if (f.category && strcmp(f.category, categories[i]) == 0)
			tpl_show(row, "SELECTED");
	}
	json_array_foreach(items, i, it) {
		row = tpl_section_add(body, "REQUEST");
		tpl_set(row, "REQ_ID", jstr(it, "id"));
		tpl_set(row, "REQ_TYPE", jstr(it, "type"));
		tpl_set(row, "REQ_NAME", jstr(it, "name"));
		tpl_set(row, "REQ_STATUS", jstr(it, "status"));
		tpl_set(row, "REQ_CUSTOMER", jstr(it, "customer.name"));
		tpl_set(row, "REQ_CUSTREF", jstr(it, "customerReference"));
		tpl_set(row, "REQ_REQUESTED", jstr(it, "keyDates.requestedAt"));
		tpl_set(row, "REQ_CREATED", jstr(it, "keyDates.issuedAt"));
	}
	if (json_array_size(items) == 0)
		tpl_show(body, "NO_REQUESTS");
	filter_params(&f, params);
	page_pager(body, "/requests", f.offset, PAGE_SIZE, json_array_size(items),
	    total, params, 6);
	page_href(body, "CSV_LINK", "", 0, params, 6);
	json_decref(items);
	return page_send(r, 200, root);
}

/* One CSV cell: quoted, quotes doubled; a leading = + - @ TAB or CR is
 * neutralised so a spreadsheet never runs it as a formula (OWASP's list:
 * some spreadsheets skip a leading TAB or CR and read a formula after);
 * a control character other than TAB, CR and LF (white space a quoted
 * cell may hold) becomes a space, so that a reference typed with ESC or
 * BEL cannot drive a terminal that shows the file (tests/cases/bad/). */
static void
csv_cell(struct buf *b, const char *s, int last)
{
	unsigned char c;

	buf_puts(b, "\"");
	if (s != NULL && *s != '\0' && strchr("=+-@\t\r", *s) != NULL)
		buf_puts(b, "'");
	for (; s != NULL && *s; s++) {
		c = (unsigned char)*s;
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
			buf_append(b, " ", 1);
		else
			buf_append(b, *s == '"' ? "\"\"" : s, *s == '"' ? 2 : 1);
	}
	buf_puts(b, last ? "\"\r\n" : "\",");
}

/* A property column of the export: a field's path ("servicePoint" for
 * the service point named by a type's one-of fields), its header. */
struct csv_col {
	const char	*path;
	char		*header;	/* owned */
};

/* The export as it is written: rows gather in `b` and go out in chunks,
 * the response starting with the first chunk (until then a failure can
 * still answer 500). */
struct csv_out {
	struct req	*r;
	struct buf	 b;
	int		 started;
	struct csv_col	*cols;
	size_t		 ncols, cap;
};

#define CSV_CHUNK 65536

/* Send what `o` holds, starting the response first if need be.  0 or -1. */
static int
csv_flush(struct csv_out *o)
{
	if (!o->started) {
		resp_header(o->r, "Content-Disposition", "attachment; filename=\"requests.csv\"");
		if (resp_start(o->r, 200, "text/csv; charset=utf-8") != 0)
			return -1;
		o->started = 1;
	}
	if (o->b.len > 0 && resp_write(o->r, o->b.data, o->b.len) != 0)
		return -1;
	o->b.len = 0;
	return 0;
}

/* Add a property column for `path` headed `label` unless there is one;
 * a label another path has already gets the path after it.  0 or -1. */
static int
csv_col_add(struct csv_out *o, const char *path, const char *label)
{
	struct csv_col	*c;
	size_t		 i;
	int		 taken = 0;

	for (i = 0; i < o->ncols; i++) {
		if (strcmp(o->cols[i].path, path) == 0)
			return 0;
		taken |= strcmp(o->cols[i].header, label) == 0;
	}
	if ((c = array_room(o->cols, o->ncols, &o->cap, sizeof(*c), 16)) == NULL)
		return -1;
	o->cols = c;
	c = &o->cols[o->ncols];
	c->path = path;
	if (taken) {
		struct buf b = { 0 };
		buf_printf(&b, "%s (%s)", label, path);
		c->header = b.data;
	} else
		c->header = strdup(label);
	if (c->header == NULL)
		return -1;
	o->ncols++;
	return 0;
}

/*
 * The property columns: the fields of every type of which the caller has
 * requests (within the type filter), in catalog order, each headed by
 * its label in the page's language; the one-of fields naming the service
 * point make one "Service point" column.  0 or -1.
 */
static int
csv_columns(struct csv_out *o, const struct request_filter *f)
{
	const struct rtype	*t;
	struct rows		*s;
	char			 types[4096] = ",", wanted[1024], key[160];
	size_t			 i, j;
	int			 rc;

	if ((s = store_query(o->r->store, ST_REQ_TYPES_IN_SCOPE, "iss",
	    SCOPE_ARGS(o->r->who))) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1 &&
	    strlen(types) + strlen(store_text(s, REQ_TYPE_NAME)) + 2 < sizeof(types))
		strcat(strcat(types, store_text(s, REQ_TYPE_NAME)), ",");
	store_done(s);
	if (rc < 0)
		return -1;
	if (f->type != NULL)
		snprintf(wanted, sizeof(wanted), ",%s,", f->type);
	for (i = 0; (t = catalog_at(i)) != NULL; i++) {
		snprintf(key, sizeof(key), ",%s,", t->type);
		if (strstr(types, key) == NULL || (f->type != NULL && strstr(wanted, key) == NULL))
			continue;
		for (j = 0; j < t->nfields; j++) {
			const struct field *fd = &t->fields[j];
			if (csv_col_add(o, fd->resolve ? "servicePoint" : fd->path,
			    fd->resolve ? words_service_point(PAGE_LANG) :
			    ltext_get(&fd->labels, PAGE_LANG)) < 0)
				return -1;
		}
	}
	return 0;
}

static void
csv_cols_free(struct csv_out *o)
{
	size_t i;

	for (i = 0; i < o->ncols; i++)
		free(o->cols[i].header);
	free(o->cols);
}

/* The property cells of one request, in words (request_view.h). */
static int
csv_props(struct csv_out *o, const json_t *it, const char *props)
{
	const struct rtype	*t = catalog_find(jstr(it, "type"));
	json_t			*p = json_loads(props, 0, NULL);
	struct request_view	 v;
	struct sp_words		 sp;
	const char		*cell;
	size_t			 i, g, k;

	if (p == NULL || sp_words_load(o->r->store, NULL, jstr(it, "id"), &sp) < 0 ||
	    request_view_build(t, p, &sp, PAGE_LANG, &v) < 0) {
		json_decref(p);
		return -1;
	}
	for (i = 0; i < o->ncols; i++) {
		cell = "";
		for (g = 0; g < v.n; g++)
			for (k = 0; k < v.groups[g].n; k++)
				if (v.groups[g].rows[k].path != NULL &&
				    strcmp(v.groups[g].rows[k].path, o->cols[i].path) == 0)
					cell = v.groups[g].rows[k].value;
		csv_cell(&o->b, cell, i + 1 == o->ncols);
	}
	request_view_free(&v);
	json_decref(p);
	return 0;
}

/* request_row_fn: one CSV line from the item and its properties. */
static int
csv_row(void *ctx, const char *item, const char *props)
{
	struct csv_out	*o = ctx;
	json_t		*it = json_loads(item, 0, NULL);

	if (it == NULL)
		return -1;
	csv_cell(&o->b, jstr(it, "id"), 0);
	csv_cell(&o->b, jstr(it, "type"), 0);
	csv_cell(&o->b, jstr(it, "name"), 0);
	csv_cell(&o->b, jstr(it, "category"), 0);
	csv_cell(&o->b, jstr(it, "status"), 0);
	csv_cell(&o->b, jstr(it, "customer.id"), 0);
	csv_cell(&o->b, jstr(it, "customerReference"), 0);
	csv_cell(&o->b, jstr(it, "contract"), 0);
	csv_cell(&o->b, jstr(it, "keyDates.requestedAt"), 0);
	csv_cell(&o->b, jstr(it, "keyDates.issuedAt"), 0);
	csv_cell(&o->b, jstr(it, "keyDates.completedAt"), o->ncols == 0);
	if (o->ncols > 0 && csv_props(o, it, props) < 0) {
		json_decref(it);
		return -1;
	}
	json_decref(it);
	return o->b.len >= CSV_CHUNK ? csv_flush(o) : 0;
}

/* GET /requests.csv: the filtered list, every row of it, written as it is
 * read, so that memory does not grow with the export. */
int
page_requests_csv(struct req *r)
{
	struct request_filter	 f;
	struct csv_out		 o = { .r = r };
	long long		 total;
	size_t			 i;
	int			 rc;

	if (list_filter(r, &f) < 0)
		return too_many_values(r);
	f.offset = 0;
	f.limit = 1LL << 62;
	if (csv_columns(&o, &f) < 0) {
		csv_cols_free(&o);
		return -1;
	}
	buf_puts(&o.b, "id,type,name,category,status,customer,customerReference,"
	    "contract,requestedAt,issuedAt,completedAt");
	for (i = 0; i < o.ncols; i++) {
		buf_puts(&o.b, ",");
		csv_cell(&o.b, o.cols[i].header, 0);
		o.b.data[--o.b.len] = '\0';	/* csv_cell ends with a comma */
	}
	buf_puts(&o.b, "\r\n");
	rc = request_list_each(r->store, r->who, &f, csv_row, &o, &total);
	if (rc == 0)
		rc = csv_flush(&o);
	else if (o.started)
		log_err("requests.csv: the export stopped after it started");
	buf_free(&o.b);
	csv_cols_free(&o);
	return rc;
}
