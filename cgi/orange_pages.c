/*
 * orange_pages.c — request pages.  Every rule comes from orange_request.c
 * and the catalog, exactly as for the JSON API; what people read is in
 * their language (docs/I18N.md): codes in words, dates in their time
 * zone, problems as sentences next to their field, naming it by its
 * label.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "orange_api.h"
#include "auth.h"
#include "catalog.h"
#include "conv_pages.h"
#include "http.h"
#include "i18n.h"
#include "l10n.h"
#include "reply.h"
#include "log.h"
#include "pages.h"
#include "orange_pages.h"
#include "admin_inbox.h"
#include "orange_request.h"
#include "request_view.h"
#include "store.h"
#include "tpl.h"
#include "util.h"
#include "words.h"
#include "workday.h"

#define PAGE_SIZE	25
#define COMMENT_MAX	4096	/* a status change's comment, as the API */

/* The caller's type, or NULL if unknown or not in its catalog. */
static const struct rtype *
allowed_type(struct req *r, const char *type)
{
	const struct rtype *t = catalog_find(type);

	return catalog_may_use(r->store, r->who, t) == 1 ? t : NULL;
}

/*
 * The secondary text of a label on a page in `lang`: the original French
 * term a declaration gives with labelFr / titleFr (the types' original words,
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

/* GET /requests/new: the types of the caller's catalog, each a link to
 * its form for those who may ask (a VIEWER reads them without links). */
int
page_request_types(struct req *r)
{
	struct tpl_dict	*root, *body, *row;
	json_t		*items = catalog_items(r->store, r->who), *it;
	int		 may = (LV_CREATE & LV(r->who->level)) != 0;
	size_t		 i;

	if (items == NULL)
		return -1;
	if ((root = page_new(r, tr(r->lang, "New request"), "request_types.tpl",
	    &body)) == NULL) {
		json_decref(items);
		return -1;
	}
	if (!may)
		tpl_show(body, "READ_ONLY");
	json_array_foreach(items, i, it) {
		const struct rtype *t = catalog_find(json_string_value(json_object_get(it, "id")));
		const char *fr;

		if (t == NULL || (row = tpl_section_add(body, "TYPE")) == NULL)
			continue;
		tpl_show(row, may ? "TYPE_LINK" : "TYPE_TEXT");
		tpl_set(row, "TYPE_ID", t->type);
		tpl_set(row, "TYPE_NAME", ltext_get(&t->titles, r->lang));
		if ((fr = label_secondary(&t->titles, t->title_fr_original, r->lang)) != NULL) {
			tpl_show(row, "TYPE_FR");
			tpl_set(row, "TYPE_NAME_FR", fr);
		}
		tpl_set(row, "TYPE_CATEGORY", word(WS_CATEGORY, r->lang, t->category));
		tpl_set(row, "TYPE_DESCRIPTION", ltext_get(&t->descriptions, r->lang));
	}
	if (json_array_size(items) == 0)
		tpl_show(body, "NO_TYPES");
	if (json_array_size(items) == 0 && page_nav(r) > 0 && (page_nav(r) & NAV_NEW_INTERNET))
		tpl_show(body, "INTERNET_LINK");
	json_decref(items);
	return page_send(r, 200, root);
}

/*
 * The lead time of `t` in words, with the earliest date it allows: a
 * hint for the date's label (`sentence` 0) or the sentence of a problem
 * at the date (1), into out.
 */
static void
lead_words(struct req *r, const struct rtype *t, int sentence, char *out, size_t len)
{
	struct ymd	 earliest;
	const char	*tpl;
	char		 day[11], words[L10N_MAX], n[16];
	unsigned long	 k = t->lead_days > 0 ? (unsigned long)t->lead_days : 0;

	earliest = earliest_requested_date(calendar_now(), t->lead_days, t->lead_unit);
	ymd_format(&earliest, day);
	page_date(r, day, words);
	snprintf(n, sizeof(n), "%lu", k);
	if (t->lead_unit == LEAD_WORKING)
		tpl = sentence ? trn(r->lang,
		    "Choose a working day in France at least {1} working day after today: {2} or later.",
		    "Choose a working day in France at least {1} working days after today: {2} or later.",
		    k) : trn(r->lang,
		    "a working day in France, at least {1} working day after today: {2} or later",
		    "a working day in France, at least {1} working days after today: {2} or later",
		    k);
	else
		tpl = sentence ? trn(r->lang,
		    "Choose a working day in France at least {1} day after today: {2} or later.",
		    "Choose a working day in France at least {1} days after today: {2} or later.",
		    k) : trn(r->lang,
		    "a working day in France, at least {1} day after today: {2} or later",
		    "a working day in France, at least {1} days after today: {2} or later",
		    k);
	tr_fill(out, len, tpl, n, words);
}

/* The label a person knows the form's field at `path` by, in the page's
 * language; NULL when no field of the form is at that path. */
static const char *
path_label(struct req *r, const struct rtype *t, const char *path)
{
	static const struct { const char *path, *label; } top[] = {
		{ "requestedAt", N_("Requested date") },
		{ "customerReference", N_("Your reference") },
		{ "contract", N_("Contract") },
		{ "comment", N_("Comment") },
		{ "customer.id", N_("Customer") },
	};
	const struct field	*f;
	size_t			 i;

	if (path == NULL)
		return NULL;
	for (i = 0; i < sizeof(top) / sizeof(top[0]); i++)
		if (strcmp(top[i].path, path) == 0)
			return tr(r->lang, top[i].label);
	if (strcmp(path, "servicePoint") == 0)
		return words_service_point(r->lang);
	if (t != NULL && (f = rtype_field(t, path)) != NULL)
		return ltext_get(&f->labels, r->lang);
	return NULL;
}

/* The id of the input a problem at `path` belongs to (the picker for the
 * service point as a whole), or NULL when the form has none. */
static const char *
path_input(const struct rtype *t, const char *path)
{
	size_t i;

	if (path == NULL)
		return NULL;
	if (strcmp(path, "servicePoint") == 0) {
		for (i = 0; t != NULL && i < t->nfields; i++)
			if (t->fields[i].resolve != NULL)
				return t->fields[i].path;
		return NULL;
	}
	if (strcmp(path, "requestedAt") == 0 || strcmp(path, "customerReference") == 0 ||
	    strcmp(path, "contract") == 0 || strcmp(path, "comment") == 0 ||
	    strcmp(path, "customer.id") == 0 || (t != NULL && rtype_field(t, path) != NULL))
		return path;
	return NULL;
}

/* The sentence a person reads for problem `p`: the row's (errors.c)
 * naming the field by its label, or the page's own where the row's
 * words are not enough (the lead time in words, the declared message of
 * a pattern).  New string, NULL on ENOMEM. */
static char *
person_text(struct req *r, const struct rtype *t, const struct problems *pb,
    const struct problem *p)
{
	const struct field	*f = p->path != NULL && t != NULL ? rtype_field(t, p->path) : NULL;
	const char		*label = path_label(r, t, p->path);
	char			 text[600];

	if (p->path != NULL && strcmp(p->path, "requestedAt") == 0 && t != NULL &&
	    (p->err == OERR_REQUESTED_AT || p->err == OERR_MISSING)) {
		lead_words(r, t, 1, text, sizeof(text));
		return strdup(text);
	}
	if (p->err == OERR_MISSING && f != NULL && f->one_of != NULL)
		return strdup(tr(r->lang, "Choose the service point, or give one of its references."));
	if (p->err == OERR_PROPS_PATTERN && label != NULL && p->args[1] != NULL &&
	    strcmp(p->args[1], "is not in the expected format") != 0) {
		/* TRANSLATORS: a field's label, then what the catalog says its
		 * value must be ("must be a French postal code of 5 digits"). */
		tr_fill(text, sizeof(text), tr(r->lang, "{1} {2}."), label, p->args[1]);
		return strdup(text);
	}
	return problem_person(pb, p, r->lang, label);
}

/* Show section `section` (text in section_TEXT) with the sentence of the
 * first problem at `path`, or at `also` when there is none at path.
 * 1 when shown, 0 when there is none, -1 on ENOMEM. */
static int
show_problem(struct req *r, const struct rtype *t, struct tpl_dict *d,
    const char *section, const struct problems *pb, const char *path, const char *also)
{
	const struct problem	*p = problems_at(pb, path);
	char			 key[64], *text;

	if (p == NULL && also != NULL)
		p = problems_at(pb, also);
	if (p == NULL)
		return 0;
	if ((text = person_text(r, t, pb, p)) == NULL)
		return -1;
	tpl_show(d, section);
	snprintf(key, sizeof(key), "%s_TEXT", section);
	tpl_set(d, key, text);
	free(text);
	return 1;
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

/* The profiles a field is only for, in words ("A, B or C"), into b. */
static void
profile_words(struct req *r, const struct field *f, struct buf *b)
{
	size_t i;

	for (i = 0; i < f->nprofiles; i++) {
		if (i > 0)
			buf_puts(b, i + 1 == f->nprofiles ? tr(r->lang, " or ") : ", ");
		buf_puts(b, f->profiles[i]);
	}
}

/* One catalog field as a form input, with its value and problem. */
static int
fill_field(struct req *r, const struct rtype *t, const struct field *f,
    struct tpl_dict *group, const struct problems *pb)
{
	struct tpl_dict	*d, *opt;
	const char	*value = req_form(r, f->path), *text, *lang = r->lang;
	struct buf	 profiles = { 0 }, words = { 0 };
	size_t		 i;
	int		 help = 0, shown;

	d = tpl_section_add(group, "FIELD");
	tpl_set(d, "NAME", f->path);
	tpl_set(d, "ID", f->path);
	tpl_set(d, "LABEL", ltext_get(&f->labels, lang));
	if ((text = label_secondary(&f->labels, f->label_fr_original, lang)) != NULL) {
		tpl_show(d, "LABEL_FR");
		tpl_set(d, "LABEL_FR_TEXT", text);
	}
	if ((text = ltext_get(&f->helps, lang)) != NULL) {
		help = 1;
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
		profile_words(r, f, &words);
		tpl_show(d, "PROFILES");
		tpl_set(d, "PROFILE_LIST", profiles.data);
		tpl_set(d, "PROFILE_TEXT", words.data);
	}
	buf_free(&profiles);
	buf_free(&words);
	if (t->profile_field != NULL && strcmp(t->profile_field, f->path) == 0)
		tpl_show(d, "IS_PROFILE");
	if ((shown = show_problem(r, t, d, "FIELD_ERROR", pb, f->path,
	    f->resolve != NULL && strcmp(f->resolve, "id") == 0 ? "servicePoint" : NULL)) < 0)
		return -1;
	/* what describes the control for assistive technology: its hint
	 * and its problem, by their ids */
	if (help || shown) {
		char desc[2 * 256 + 16];	/* two paths (at most 256 bytes) */

		snprintf(desc, sizeof(desc), "%s%s%s%s%s", help ? f->path : "",
		    help ? "-hint" : "", help && shown ? " " : "",
		    shown ? f->path : "", shown ? "-error" : "");
		tpl_show(d, "DESCRIBED");
		tpl_set(d, "DESCRIBEDBY", desc);
	}
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
    const struct problems *pb)
{
	struct tpl_dict		*g;
	const struct fgroup	*cur;
	const char		*help, *lang = r->lang;
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
			    fill_field(r, t, &t->fields[j], g, pb) < 0)
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

/* The summary above a refused form: how many problems, and each one
 * with the label of its field, a link to it.  0 or -1. */
static int
form_summary(struct req *r, const struct rtype *t, struct tpl_dict *body,
    const struct problems *pb)
{
	struct tpl_dict	*row;
	const char	*label, *input;
	char		 n[32], text[256], *sentence;
	size_t		 i, found = problems_found(pb);

	snprintf(n, sizeof(n), "%zu", found);
	tr_fill(text, sizeof(text), trn(r->lang, "The request was not sent: {1} problem to fix.",
	    "The request was not sent: {1} problems to fix.", found), n, NULL);
	tpl_show(body, "SUMMARY");
	tpl_set(body, "SUMMARY_TEXT", text);
	if (pb->n > 0)
		tpl_show(body, "FORM_ERRORS");
	for (i = 0; i < pb->n; i++) {
		const struct problem *p = &pb->v[i];
		if ((row = tpl_section_add(body, "FORM_ERROR")) == NULL ||
		    (sentence = person_text(r, t, pb, p)) == NULL)
			return -1;
		label = path_label(r, t, p->path);
		input = path_input(t, p->path);
		if (label != NULL && input != NULL) {
			tpl_show(row, "ERR_LINK");
			tpl_set(row, "ERR_HREF", input);
		} else if (label != NULL)
			tpl_show(row, "ERR_NAME");
		tpl_set(row, "ERR_LABEL", label);
		tpl_set(row, "ERR_TEXT", sentence);
		free(sentence);
	}
	return 0;
}

/* The customer choice of staff who make requests for several. */
static int
fill_customers(struct req *r, struct tpl_dict *body)
{
	struct tpl_dict	*opt;
	struct rows	*s;
	const char	*cur = req_form(r, "customer.id");
	int		 rc;

	tpl_show(body, "CUSTOMER");
	if ((s = store_query(r->store, ST_CUSTOMERS_IN_SCOPE, "iss",
	    SCOPE_ARGS(r->who))) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1) {
		opt = tpl_section_add(body, "CUSTOMER_OPTION");
		tpl_set(opt, "VALUE", store_text(s, CUSTOMER_ID));
		tpl_set(opt, "LABEL", store_text(s, CUSTOMER_NAME));
		if (cur != NULL && strcmp(cur, store_text(s, CUSTOMER_ID)) == 0)
			tpl_show(opt, "SELECTED");
	}
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* Render the form, with problems when re-shown after a refused post
 * (`summary`: a sentence of its own instead of the count of problems). */
static int
render_form(struct req *r, const struct rtype *t, const struct problems *pb,
    const char *summary, int status)
{
	static const struct { const char *section, *path; } top[] = {
		{ "DATE_ERROR", "requestedAt" }, { "REF_ERROR", "customerReference" },
		{ "CONTRACT_ERROR", "contract" }, { "COMMENT_ERROR", "comment" },
		{ "CUSTOMER_ERROR", "customer.id" },
	};
	struct tpl_dict	*root, *body;
	struct ymd	 earliest;
	char		 day[11], title[256], hint[400], token[33];
	const char	*name = ltext_get(&t->titles, r->lang);
	size_t		 i;

	tr_fill(title, sizeof(title), tr(r->lang, "New request: {1}"), name, NULL);
	if (page_form_token(r, token) < 0 ||
	    (root = page_new(r, title, "request_form.tpl", &body)) == NULL)
		return -1;
	tpl_set(body, "TYPE_ID", t->type);
	tpl_set(body, "TYPE_NAME", name);
	if (label_secondary(&t->titles, t->title_fr_original, r->lang) != NULL) {
		tpl_show(body, "TYPE_FR");
		tpl_set(body, "TYPE_NAME_FR", label_secondary(&t->titles,
		    t->title_fr_original, r->lang));
	}
	tpl_set(body, "TYPE_DESCRIPTION", ltext_get(&t->descriptions, r->lang));
	tpl_set(body, "CSRF", r->who->csrf);
	tpl_set(body, "FORM_TOKEN", token);
	earliest = earliest_requested_date(calendar_now(), t->lead_days, t->lead_unit);
	ymd_format(&earliest, day);
	tpl_set(body, "EARLIEST", day);
	lead_words(r, t, 0, hint, sizeof(hint));
	tpl_set(body, "DATE_HINT", hint);
	if (req_form(r, "requestedAt") != NULL)
		keep(r, body, "REQUESTED_AT", "requestedAt");
	else
		tpl_set(body, "REQUESTED_AT", day);
	keep(r, body, "CUSTOMER_REFERENCE", "customerReference");
	keep(r, body, "CONTRACT", "contract");
	keep(r, body, "COMMENT", "comment");
	for (i = 0; i < sizeof(top) / sizeof(top[0]); i++)
		if (show_problem(r, t, body, top[i].section, pb, top[i].path, NULL) < 0)
			goto fail;
	if (summary != NULL && pb == NULL)
		page_flash(root, summary);	/* a notice, not a problem */
	else if (summary != NULL) {
		tpl_show(body, "SUMMARY");
		tpl_set(body, "SUMMARY_TEXT", summary);
	} else if (pb != NULL && problems_found(pb) > 0 && form_summary(r, t, body, pb) < 0)
		goto fail;
	if (r->who->customer_id == NULL && fill_customers(r, body) < 0)	/* staff */
		goto fail;
	if (fill_groups(r, t, body, pb) < 0)
		goto fail;
	return page_send(r, status, root);
fail:
	tpl_dict_free(root);
	return -1;
}

static const char *jstr(const json_t *o, const char *path);

/* May the caller start a new request from request `o` ("New request
 * from this one")?  A closed one (rejected, cancelled, completed) of a
 * type still in their catalog, by someone who makes requests. */
static int
may_start_again(struct req *r, const json_t *o)
{
	static const char *const closed[] = { "REJECTED", "CANCELED", "COMPLETED" };
	const char	*status = json_string_value(json_object_get(o, "status"));
	size_t		 i;

	if (status == NULL || !(LV_CREATE & LV(r->who->level)) ||
	    allowed_type(r, json_string_value(json_object_get(o, "type"))) == NULL)
		return 0;
	for (i = 0; i < sizeof(closed) / sizeof(closed[0]); i++)
		if (strcmp(status, closed[i]) == 0)
			return 1;
	return 0;
}

/* One stored value as the form writes it ("" for none). */
static void
form_value(struct req *r, const json_t *v, char *out, size_t len)
{
	out[0] = '\0';
	if (json_is_string(v))
		snprintf(out, len, "%s", json_string_value(v));
	else if (json_is_boolean(v))
		snprintf(out, len, "%s", json_is_true(v) ? "true" : "false");
	else if (json_is_integer(v))
		snprintf(out, len, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		l10n_number(r->lang, json_real_value(v), 2, out, len);
}

/*
 * The form of type `t` filled with the values of the caller's request
 * `from` of that type (GET /requests/new/{TYPE}?from=ID): its
 * properties (contacts included), reference, contract, comment and, for
 * staff, its customer; the requested date is the earliest again.  1
 * filled, 0 nothing to fill from (unknown, another type), -1.
 */
static int
form_from(struct req *r, const struct rtype *t, const char *from)
{
	static const char *const top[] = { "customerReference", "contract", "comment" };
	const json_t	*props, *v;
	json_t		*o;
	char		 text[4096];
	size_t		 i;
	int		 err, rc = 1;

	if ((o = request_load(r->store, r->who, from, &err)) == NULL)
		return err < 0 ? -1 : 0;
	if (jstr(o, "type") == NULL || strcmp(jstr(o, "type"), t->type) != 0) {
		json_decref(o);
		return 0;
	}
	props = json_object_get(o, "properties");
	for (i = 0; rc > 0 && i < t->nfields; i++) {
		v = json_path_get(props, t->fields[i].path);
		form_value(r, v, text, sizeof(text));
		if (v != NULL && kv_parse_pair(&r->form, t->fields[i].path, text) < 0)
			rc = -1;
	}
	for (i = 0; rc > 0 && i < sizeof(top) / sizeof(top[0]); i++)
		if (jstr(o, top[i]) != NULL &&
		    kv_parse_pair(&r->form, top[i], jstr(o, top[i])) < 0)
			rc = -1;
	if (rc > 0 && r->who->customer_id == NULL && jstr(o, "customer.id") != NULL &&
	    kv_parse_pair(&r->form, "customer.id", jstr(o, "customer.id")) < 0)
		rc = -1;
	json_decref(o);
	return rc;
}

/* GET /requests/new/{TYPE}, or ?from=ID: filled with that request's values. */
int
page_request_form(struct req *r)
{
	const struct rtype	*t = allowed_type(r, r->param);
	const char		*from = req_query(r, "from");
	char			 text[300];
	int			 rc;

	if (t == NULL)
		return reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "This request type is not in your catalog."));
	if (!(LV_CREATE & LV(r->who->level)))
		return reply_error(r, HERR_FORBIDDEN,
		    tr(r->lang, "Your access level lets you read requests, not make them."));
	if (from != NULL && !r->restored) {
		if ((rc = form_from(r, t, from)) < 0)
			return -1;
		if (rc > 0) {
			tr_fill(text, sizeof(text), tr(r->lang, "This form holds the values of "
			    "request {1}: correct what must change, choose the date, and send it."),
			    from, NULL);
			return render_form(r, t, NULL, text, 200);
		}
	}
	return render_form(r, t, NULL, NULL, 200);
}

/* Turn the posted form into the JSON body the API takes (a number typed
 * in the reader's conventions: "2,5" in French). */
static json_t *
form_to_body(struct req *r, const struct rtype *t)
{
	json_t		*body = json_object(), *props = json_object(), *o, *next, *v;
	static const char *const top[] = { "requestedAt", "customerReference",
	    "contract", "comment" };
	const char	*s;
	char		*end;
	double		 d;
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
		else if (f->type == FT_NUMBER && l10n_parse_number(r->lang, s, &d) == 0)
			v = json_real(d);
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

/* 303 to request `id`; `again`: it was made by an earlier post of the
 * same form, and the page says so. */
static int
to_request(struct req *r, const char *id, int again)
{
	char loc[64];

	snprintf(loc, sizeof(loc), "/requests/%s%s", id, again ? "?done=again" : "");
	return resp_redirect(r, loc);
}

/* POST /requests/new/{TYPE}: 303 to the new request (or to the one an
 * earlier post of the same form made), or the form again with its
 * problems. */
int
page_request_form_post(struct req *r)
{
	const struct rtype	*t = allowed_type(r, r->param);
	const char		*token = page_posted_token(r);
	struct problems		 pb = { 0 };
	json_t			*body;
	char			 id[25], why[256];
	int			 rc;

	if (t == NULL)
		return reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "This request type is not in your catalog."));
	if (!(LV_CREATE & LV(r->who->level)))
		return reply_error(r, HERR_FORBIDDEN,
		    tr(r->lang, "Your access level lets you read requests, not make them."));
	/* Back, then Send again: the request the first post made */
	if (token != NULL && (rc = request_by_form_token(r->store, r->who, token, id)) != 0)
		return rc < 0 ? -1 : to_request(r, id, 1);
	if ((body = form_to_body(r, t)) == NULL)
		return -1;
	switch (request_create(r->store, r->who, body, token, r->lang, &pb, id, NULL, why,
	    sizeof(why))) {
	case CREATE_OK:
		rc = to_request(r, id, 0);
		break;
	case CREATE_ALREADY:
		rc = to_request(r, id, 1);
		break;
	case CREATE_INVALID:
		/* a list that is not whole (memory ran out): a 500 */
		rc = pb.failed ? -1 : render_form(r, t, &pb, NULL, 422);
		break;
	case CREATE_FORBIDDEN:
		rc = reply_error(r, HERR_FORBIDDEN,
		    tr(r->lang, "Requests can only be made for the customers you work for."));
		break;
	default:
		rc = render_form(r, t, &pb, tr(r->lang, "The request could not be sent "
		    "now; nothing was kept. Please try again shortly."), 503);
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

/* The name of request `o` in the reader's language: its type's title
 * from the catalog, else the name it was stored with (a type that left
 * the catalog).  Borrowed. */
static const char *
request_name(struct req *r, const json_t *o)
{
	const struct rtype *t = catalog_find(jstr(o, "type"));

	return t != NULL ? ltext_get(&t->titles, r->lang) : jstr(o, "name");
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
	    request_view_build(t, json_object_get(o, "properties"), &sp, r->lang, &v) < 0)
		return -1;
	request_view_tpl(&v, body);
	if (v.n == 0)
		tpl_show(body, "NO_PROPERTIES");
	request_view_free(&v);
	if (t != NULL)
		tpl_set(body, "TYPE_TITLE", ltext_get(&t->titles, r->lang));
	return 0;
}

/* The comment of a history entry as a person reads it: the desk's own
 * words of a creation in the reader's language, else as typed. */
static const char *
history_comment(struct req *r, const json_t *h)
{
	const char *c = jstr(h, "comment");

	if (c != NULL && jstr(h, "from") == NULL && strcmp(c, "Request created") == 0)
		return tr(r->lang, N_("Request created"));
	return c;
}

/* The status changes open to the caller: a form per status, and the
 * cancellation, which asks first. */
static void
fill_actions(struct req *r, const json_t *o, struct tpl_dict *body)
{
	const char *const	*next = request_next_statuses(r->who, jstr(o, "status"));
	struct tpl_dict		*row;
	char			 text[200];
	size_t			 i;
	int			 moves = 0;

	for (i = 0; next[i] != NULL; i++) {
		if (strcmp(next[i], "CANCELED") == 0) {
			tpl_show(body, "CANCEL");
			continue;
		}
		row = tpl_section_add(body, "ACTION");
		tpl_set(row, "TO", next[i]);
		tr_fill(text, sizeof(text), tr(r->lang, "Move to “{1}”"),
		    word(WS_STATUS, r->lang, next[i]), NULL);
		tpl_set(row, "TO_TEXT", text);
		moves++;
	}
	if (moves > 0)
		tpl_show(body, "ACTIONS");
}

/* The words of a refused status change (`rc` of request_transition) of
 * request `o` to `to`, into out. */
static void
refusal_words(struct req *r, const json_t *o, int rc, const char *to, char *out,
    size_t len)
{
	const char *comment = req_form(r, "comment");

	if (rc == HERR_CONFLICT)
		tr_fill(out, len, tr(r->lang, "This request is “{1}”: it cannot move to “{2}”."),
		    word(WS_STATUS, r->lang, jstr(o, "status")),
		    word(WS_STATUS, r->lang, to != NULL ? to : "?"));
	else if (rc == HERR_MISSING)
		snprintf(out, len, "%s", tr(r->lang, "Give a reason to reject the request."));
	else if (comment != NULL && strlen(comment) > COMMENT_MAX)
		snprintf(out, len, "%s", tr(r->lang, "Use at most 4096 characters for the comment."));
	else
		snprintf(out, len, "%s", tr(r->lang, "Choose one of the statuses offered."));
}

/* The notice of the request page, from its query: done=again (a form
 * posted twice) or done=canceled. */
static void
request_flash(struct req *r, struct tpl_dict *root)
{
	const char *done = req_query(r, "done");

	if (done != NULL && strcmp(done, "again") == 0)
		page_flash(root, tr(r->lang, "This request had already been sent: here it is. "
		    "It was not sent a second time."));
	else if (done != NULL && strcmp(done, "canceled") == 0)
		page_flash(root, tr(r->lang, "The request was cancelled."));
}

/* The request's facts in words: status, category, customer, dates in
 * the reader's zone, comment. */
static void
fill_facts(struct req *r, const json_t *o, struct tpl_dict *body)
{
	char when[L10N_MAX];

	tpl_set(body, "ID", jstr(o, "id"));
	tpl_set(body, "TYPE", jstr(o, "type"));
	tpl_set(body, "NAME", request_name(r, o));
	tpl_set(body, "CATEGORY", word(WS_CATEGORY, r->lang, jstr(o, "category")));
	tpl_set(body, "STATUS", jstr(o, "status"));
	tpl_set(body, "STATUS_TEXT", word(WS_STATUS, r->lang, jstr(o, "status")));
	tpl_set(body, "CUSTOMER", jstr(o, "customer.name"));
	tpl_set(body, "CUSTOMER_REFERENCE", jstr(o, "customerReference"));
	tpl_set(body, "CONTRACT", jstr(o, "contract"));
	tpl_set(body, "COMMENT", jstr(o, "comment"));
	tpl_set(body, "ISSUED_AT", page_datetime(r, jstr(o, "keyDates.issuedAt"), when));
	tpl_set(body, "REQUESTED_AT", page_date(r, jstr(o, "keyDates.requestedAt"), when));
	tpl_set(body, "COMPLETED_AT", page_datetime(r, jstr(o, "keyDates.completedAt"), when));
	tpl_set(body, "CSRF", r->who->csrf);
}

/* The history of request `o` as events of its conversation (at most
 * one per entry of its history; `what` rows of 300 bytes, owned). */
static int
conversation(struct req *r, const json_t *o, struct tpl_dict *body,
    const struct conv_form *cf)
{
	const json_t		*hist = json_object_get(o, "history"), *h;
	struct conv_event	*ev;
	struct conv_target	 t;
	char			*what, base[128];
	size_t			 i, n = json_array_size(hist);
	int			 rc;

	if ((rc = conv_target(r->store, r->who, CONV_ORANGE, jstr(o, "id"), &t)) <= 0)
		return rc < 0 ? -1 : 0;
	ev = calloc(n + 1, sizeof(*ev));
	what = calloc(n + 1, 300);
	if (ev == NULL || what == NULL) {
		free(ev);
		free(what);
		return -1;
	}
	json_array_foreach(hist, i, h) {
		if (jstr(h, "from") == NULL)
			tr_fill(what + i * 300, 300, tr(r->lang, "Sent: “{1}”"),
			    word(WS_STATUS, r->lang, jstr(h, "to")), NULL);
		else
			tr_fill(what + i * 300, 300, tr(r->lang, "Status: “{1}” → “{2}”"),
			    word(WS_STATUS, r->lang, jstr(h, "from")),
			    word(WS_STATUS, r->lang, jstr(h, "to")));
		ev[i].at = jstr(h, "at") != NULL ? jstr(h, "at") : "";
		ev[i].by = jstr(h, "by.name");
		ev[i].what = what + i * 300;
		ev[i].comment = history_comment(r, h);
	}
	snprintf(base, sizeof(base), "/requests/%s", t.request_id);
	rc = conv_page_section(r, body, &t, ev, n, base, cf);
	if (rc == 0 && conv_waits(&t))
		tpl_show(body, "WAITING_BADGE");
	free(ev);
	free(what);
	return rc;
}

/* The request page, with the words of a refused status change (`rc` of
 * request_transition to `to`; 0: none) above the actions, or of a
 * refused reply `cf` in its conversation. */
static int
render_page(struct req *r, int status, int rc, const char *to, const struct conv_form *cf)
{
	struct tpl_dict	*root, *body;
	json_t		*o;
	char		 text[300];
	int		 err;

	if ((o = request_load(r->store, r->who, r->param, &err)) == NULL)
		return err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "There is no request with this id, or it is not yours to see."));
	if ((root = page_new(r, request_name(r, o), "request.tpl", &body)) == NULL) {
		json_decref(o);
		return -1;
	}
	request_flash(r, root);
	fill_facts(r, o, body);
	if (fill_view(r, o, body) < 0) {
		tpl_dict_free(root);
		json_decref(o);
		return -1;
	}
	fill_actions(r, o, body);
	if (may_start_again(r, o))
		tpl_show(body, "AGAIN");
	if (r->who->level == LVL_ADMIN) {
		char back[128];

		snprintf(back, sizeof(back), "/admin/requests/%s", r->param);
		if (inbox_box(r, body, "orange", r->param, back) < 0) {
			tpl_dict_free(root);
			json_decref(o);
			return -1;
		}
	}
	if (rc > 0) {
		refusal_words(r, o, rc, to, text, sizeof(text));
		tpl_show(body, "ACTION_ERROR");
		tpl_set(body, "ACTION_ERROR_TEXT", text);
	}
	if (conversation(r, o, body, cf) < 0) {
		tpl_dict_free(root);
		json_decref(o);
		return -1;
	}
	json_decref(o);
	return page_send(r, status, root);
}

static int
render_request(struct req *r, int status, int rc, const char *to)
{
	return render_page(r, status, rc, to, NULL);
}

/* POST /requests/{id}/notes: a reply (or the operator's internal note)
 * from the request page; refused, the page again with the words. */
int
page_request_note_post(struct req *r)
{
	struct conv_form	 cf;
	char			 base[128];
	int			 rc;

	snprintf(base, sizeof(base), "/requests/%s", r->param);
	if ((rc = conv_page_post(r, CONV_ORANGE, base, &cf)) != 1)
		return rc;
	return render_page(r, cf.status, 0, NULL, &cf);
}

/* GET /requests/{id}/files/{fid}: a file of its conversation. */
int
page_request_file(struct req *r)
{
	return conv_page_file(r, CONV_ORANGE);
}

/* GET /requests/{id}: the request, its history and what the caller may do. */
int
page_request(struct req *r)
{
	return render_request(r, 200, 0, NULL);
}

/* The question before a cancellation: the request named, a reason
 * (optional), "Yes, cancel it" and "No, keep it". */
static int
render_cancel(struct req *r)
{
	struct tpl_dict	*root, *body;
	json_t		*o;
	char		 title[300], when[L10N_MAX];
	int		 err;

	if ((o = request_load(r->store, r->who, r->param, &err)) == NULL)
		return err < 0 ? -1 : reply_error(r, HERR_NOT_FOUND,
		    tr(r->lang, "There is no request with this id, or it is not yours to see."));
	tr_fill(title, sizeof(title), tr(r->lang, "Cancel the request “{1}”?"),
	    request_name(r, o), NULL);
	if ((root = page_new(r, title, "request_cancel.tpl", &body)) == NULL) {
		json_decref(o);
		return -1;
	}
	tpl_set(body, "HEADING", title);
	tpl_set(body, "ID", jstr(o, "id"));
	tpl_set(body, "NAME", request_name(r, o));
	tpl_set(body, "CUSTOMER_REFERENCE", jstr(o, "customerReference"));
	tpl_set(body, "REQUESTED_AT", page_date(r, jstr(o, "keyDates.requestedAt"), when));
	tpl_set(body, "CSRF", r->who->csrf);
	keep(r, body, "COMMENT", "comment");
	json_decref(o);
	return page_send(r, 200, root);
}

/* POST /requests/{id}: a status change from the request page; a
 * cancellation not yet confirmed asks first. */
int
page_request_status_post(struct req *r)
{
	const char	*to = req_form(r, "status"), *confirm = req_form(r, "confirm");
	char		 why[256], loc[512];
	int		 rc, cancel = to != NULL && strcmp(to, "CANCELED") == 0;

	if (cancel && (confirm == NULL || strcmp(confirm, "yes") != 0))
		return render_cancel(r);
	rc = request_transition(r->store, r->who, r->param, to, req_form(r, "comment"),
	    why, sizeof(why));
	if (rc < 0)
		return -1;
	if (rc == HERR_NOT_FOUND || rc == HERR_FORBIDDEN)
		return reply_error(r, rc, NULL);
	if (rc > 0)
		/* A form missing a value answers 422 like every other refused
		 * form of the desk (412 is the Orange API's own status). */
		return render_request(r, rc == HERR_MISSING ? 422 : herr_status(rc), rc, to);
	snprintf(loc, sizeof(loc), "/requests/%s%s", r->param, cancel ? "?done=canceled" : "");
	return resp_redirect(r, loc);
}

/* The dates of the list page's filter form (<input type="date">). */
static const char *const date_keys[] = {
	"issued_from", "issued_to", "requested_from", "requested_to",
};

/* Filters of the list page from the query string (empty ones ignored;
 * `assignee` for the operator only).  0; -1 when a filter lists more
 * values than a list reads, -2 when a date is not one, -3 when assignee
 * names no operator, -4 on failure. */
static int
list_filter(struct req *r, struct request_filter *f)
{
	memset(f, 0, sizeof(*f));
	if (req_query_list(r, "id", QUERY_LIST_MAX, &f->id) < 0 ||
	    req_query_list(r, "status", QUERY_LIST_MAX, &f->status) < 0 ||
	    req_query_list(r, "type", QUERY_LIST_MAX, &f->type) < 0 ||
	    req_query_list(r, "category", QUERY_LIST_MAX, &f->category) < 0 ||
	    req_query_list(r, "customer", QUERY_LIST_MAX, &f->customer) < 0 ||
	    req_query_list(r, "customerReference", QUERY_LIST_MAX,
	    &f->customer_reference) < 0)
		return -1;
	if (request_filter_days(f, 0, req_query(r, date_keys[0]), req_query(r, date_keys[1])) ||
	    request_filter_days(f, 1, req_query(r, date_keys[2]), req_query(r, date_keys[3])))
		return -2;
	switch (page_assignee_query(r, f->assignee_id, sizeof(f->assignee_id), &f->assignee)) {
	case 0: break;
	case 1: return -3;
	default: return -4;
	}
	f->sort = req_query(r, "sort");
	if (f->sort != NULL && (*f->sort == '\0' || !request_sort_valid(f->sort)))
		f->sort = NULL;
	if (req_query_int(r, "offset", 0, 0, 1LL << 40, &f->offset) < 0)
		f->offset = 0;
	f->limit = PAGE_SIZE;
	return 0;
}

/* The answer to a filter list_filter() refused (rc -1 to -4). */
static int
too_many_values(struct req *r, int rc)
{
	if (rc == -4)
		return -1;
	if (rc == -3)
		return reply_error(r, HERR_BAD_QUERY,
		    tr(r->lang, "Choose who handles the requests among the operators offered."));
	return reply_error(r, HERR_BAD_QUERY, rc == -2 ?
	    tr(r->lang, "Enter each date of the filter as a day, such as 2026-12-31.") :
	    tr(r->lang, "A filter may list at most 100 values."));
}

#define FILTER_PARAMS	12

/* The filters of the list, kept in its links. */
static void
filter_params(const struct req *r, const struct request_filter *f,
    struct page_param p[FILTER_PARAMS])
{
	size_t i;

	p[0] = (struct page_param){ "id", f->id };
	p[1] = (struct page_param){ "status", f->status };
	p[2] = (struct page_param){ "type", f->type };
	p[3] = (struct page_param){ "category", f->category };
	p[4] = (struct page_param){ "customerReference", f->customer_reference };
	p[5] = (struct page_param){ "sort", f->sort };
	p[6] = (struct page_param){ "customer", f->customer };
	for (i = 0; i < 4; i++) {
		const char *v = req_query(r, date_keys[i]);

		p[7 + i] = (struct page_param){ date_keys[i], v != NULL && *v ? v : NULL };
	}
	p[11] = (struct page_param){ "assignee", f->assignee == NULL ? NULL :
	    *f->assignee == '\0' ? "none" : f->assignee };
}

/* The customers of the caller's scope as the filter's choices, when
 * there are several (an operator, a reseller).  0 or -1. */
static int
customer_choices(struct req *r, struct tpl_dict *body, const char *current)
{
	struct tpl_dict	*row;
	struct rows	*s;
	int		 rc, n = 0;

	if ((s = store_query(r->store, ST_CUSTOMERS_IN_SCOPE, "iss", SCOPE_ARGS(r->who))) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1 && n < 1000 &&
	    (row = tpl_section_add(body, "CUSTOMER_OPTION")) != NULL) {
		n++;
		tpl_set(row, "VALUE", store_text(s, CUSTOMER_ID));
		tpl_set(row, "LABEL", store_text(s, CUSTOMER_NAME));
		if (current != NULL && strcmp(current, store_text(s, CUSTOMER_ID)) == 0)
			tpl_show(row, "SELECTED");
	}
	store_done(s);
	if (n > 1)
		tpl_show(body, "CUSTOMER_FILTER");
	return rc < 0 ? -1 : 0;
}

void
page_request_rows(struct req *r, struct tpl_dict *body, const json_t *items)
{
	struct tpl_dict	*row;
	const json_t	*it;
	char		 when[L10N_MAX];
	size_t		 i;

	json_t		*waiting = conv_page_waiting(r, CONV_ORANGE, items, "id");

	json_array_foreach(items, i, it) {
		row = tpl_section_add(body, "REQUEST");
		tpl_set(row, "REQ_ID", jstr(it, "id"));
		if (json_object_get(waiting, jstr(it, "id")) != NULL)
			tpl_show(row, "REQ_WAITING");
		tpl_set(row, "REQ_TYPE", jstr(it, "type"));
		tpl_set(row, "REQ_NAME", request_name(r, it));
		tpl_set(row, "REQ_STATUS", jstr(it, "status"));
		tpl_set(row, "REQ_STATUS_TEXT", word(WS_STATUS, r->lang, jstr(it, "status")));
		tpl_set(row, "REQ_CATEGORY", word(WS_CATEGORY, r->lang, jstr(it, "category")));
		tpl_set(row, "REQ_CUSTOMER", jstr(it, "customer.name"));
		tpl_set(row, "REQ_CUSTREF", jstr(it, "customerReference"));
		if (jstr(it, "customerReference") != NULL)
			tpl_show(row, "REQ_HAS_CUSTREF");
		tpl_set(row, "REQ_REQUESTED", page_date(r, jstr(it, "keyDates.requestedAt"), when));
		tpl_set(row, "REQ_CREATED", page_datetime(r, jstr(it, "keyDates.issuedAt"), when));
	}
	json_decref(waiting);
}

int
page_open_requests(struct req *r, long long limit, json_t **items, long long *total)
{
	struct request_filter f;

	memset(&f, 0, sizeof(f));
	f.status = "NEW,IN_PROGRESS";
	f.limit = limit;
	return request_list(r->store, r->who, &f, items, total);
}

/* The choices of a closed set for a list filter: VALUE (the code), LABEL
 * (in words), SELECTED. */
static void
filter_choices(struct req *r, struct tpl_dict *body, const char *section,
    enum wordset set, const char *current)
{
	const char *const	*codes = word_codes(set);
	struct tpl_dict		*row;
	size_t			 i;

	for (i = 0; codes[i] != NULL; i++) {
		row = tpl_section_add(body, section);
		tpl_set(row, "VALUE", codes[i]);
		tpl_set(row, "LABEL", word(set, r->lang, codes[i]));
		if (current != NULL && strcmp(current, codes[i]) == 0)
			tpl_show(row, "SELECTED");
	}
}

int
page_requests(struct req *r)
{
	struct request_filter	 f;
	struct page_param	 params[FILTER_PARAMS];
	struct tpl_dict		*root, *body;
	json_t			*items;
	long long		 total;
	size_t			 i;
	int			 rc;

	if (r->who == NULL)	/* the route lets no one in unidentified */
		return resp_redirect(r, "/login");
	if ((rc = list_filter(r, &f)) < 0)
		return too_many_values(r, rc);
	if (request_list(r->store, r->who, &f, &items, &total) < 0) {
		json_decref(items);
		return -1;
	}
	if ((root = page_new(r, tr(r->lang, "Requests"), "requests.tpl", &body)) == NULL) {
		json_decref(items);
		return -1;
	}
	tpl_set(body, "USER_NAME", r->who->name);
	tpl_set(body, "CUSTOMER_NAME", r->who->customer_name ? r->who->customer_name :
	    (r->who->level == LVL_ADMIN ? tr(r->lang, "Operator staff") : r->who->reseller_id));
	tpl_set(body, "F_CUSTREF", f.customer_reference ? f.customer_reference : "");
	tpl_set(body, "F_TYPE", f.type ? f.type : "");
	filter_choices(r, body, "STATUS_OPTION", WS_STATUS, f.status);
	filter_choices(r, body, "CATEGORY_OPTION", WS_CATEGORY, f.category);
	for (i = 0; i < 4; i++) {
		static const char *const keys[] = {
			"F_ISSUED_FROM", "F_ISSUED_TO", "F_REQUESTED_FROM", "F_REQUESTED_TO",
		};

		tpl_set(body, keys[i], req_query(r, date_keys[i]));
	}
	if (customer_choices(r, body, f.customer) < 0 ||
	    page_assignee_choices(r, body, f.assignee) < 0) {
		tpl_dict_free(root);
		json_decref(items);
		return -1;
	}
	page_request_rows(r, body, items);
	if (json_array_size(items) == 0)
		tpl_show(body, "NO_REQUESTS");
	if (page_nav(r) > 0 && (page_nav(r) & NAV_NEW_REQUEST))
		tpl_show(body, "NEW_REQUEST");
	filter_params(r, &f, params);
	page_pager(body, "/requests", f.offset, PAGE_SIZE, json_array_size(items),
	    total, params, FILTER_PARAMS);
	page_href(body, "CSV_LINK", "", 0, params, FILTER_PARAMS);
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
			    fd->resolve ? words_service_point(o->r->lang) :
			    ltext_get(&fd->labels, o->r->lang)) < 0)
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
	    request_view_build(t, p, &sp, o->r->lang, &v) < 0) {
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

	if ((rc = list_filter(r, &f)) < 0)
		return too_many_values(r, rc);
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
