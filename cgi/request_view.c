/*
 * request_view.c — a request's properties in words, grouped as the form
 * groups them (see request_view.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "catalog.h"
#include "i18n.h"
#include "request_view.h"
#include "store.h"
#include "tpl.h"
#include "util.h"

static int
is_lang(const char *lang, const char *code)
{
	return lang != NULL && strcmp(lang, code) == 0;
}

const char *
words_boolean(int v, const char *lang)
{
	if (is_lang(lang, "fr"))
		return v ? "Oui" : "Non";
	if (is_lang(lang, "da"))
		return v ? "Ja" : "Nej";
	return v ? "Yes" : "No";
}

const char *
words_properties(const char *lang)
{
	return is_lang(lang, "fr") ? "Propriétés" : is_lang(lang, "da") ? "Egenskaber" :
	    "Properties";
}

const char *
words_service_point(const char *lang)
{
	return is_lang(lang, "fr") ? "Point de service" : is_lang(lang, "da") ?
	    "Servicepunkt" : "Service point";
}

static void
copy_text(char *dst, size_t len, const char *src)
{
	snprintf(dst, len, "%s", src != NULL ? src : "");
}

int
sp_words_load(struct store *st, const char *sp_id, const char *request_id,
    struct sp_words *out)
{
	struct rows	*s;
	int		 rc;

	memset(out, 0, sizeof(*out));
	s = sp_id != NULL ? store_query(st, ST_SP_WORDS, "s", sp_id) :
	    store_query(st, ST_REQ_SP_WORDS, "s", request_id);
	if (s == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		copy_text(out->id, sizeof(out->id), store_text(s, SP_WORDS_ID));
		copy_text(out->name, sizeof(out->name), store_text(s, SP_WORDS_NAME));
		copy_text(out->reference, sizeof(out->reference), store_text(s, SP_WORDS_REFERENCE));
		copy_text(out->customer_reference, sizeof(out->customer_reference),
		    store_text(s, SP_WORDS_CUSTOMER_REFERENCE));
		out->found = 1;
	}
	store_done(s);
	return rc < 0 ? -1 : 0;
}

void
sp_words_text(const struct sp_words *sp, const char *lang, char *out, size_t len)
{
	char ref[300] = "", custref[300] = "";

	if (*sp->reference)
		tr_fill(ref, sizeof(ref), tr(lang, "reference {1}"), sp->reference, NULL);
	if (*sp->customer_reference)
		tr_fill(custref, sizeof(custref), tr(lang, "customer reference {1}"),
		    sp->customer_reference, NULL);
	snprintf(out, len, "%s (%s%s%s%s%s)", sp->name, sp->id, *ref ? ", " : "", ref,
	    *custref ? ", " : "", custref);
}

/* The group of label `label`, added when new; NULL on ENOMEM. */
static struct view_group *
group_of(struct request_view *v, const char *label)
{
	struct view_group	*g;
	size_t			 i;

	for (i = 0; i < v->n; i++)
		if (v->groups[i].label == label)
			return &v->groups[i];
	if ((g = array_room(v->groups, v->n, &v->cap, sizeof(*g), 4)) == NULL)
		return NULL;
	v->groups = g;
	g = &v->groups[v->n++];
	memset(g, 0, sizeof(*g));
	g->label = label;
	return g;
}

/* Append a row (value copied).  0 or -1. */
static int
row_add(struct view_group *g, const char *path, const char *label, const char *value)
{
	struct view_row	*r;

	if ((r = array_room(g->rows, g->n, &g->cap, sizeof(*r), 8)) == NULL)
		return -1;
	g->rows = r;
	r = &g->rows[g->n];
	r->path = path;
	r->label = label;
	r->own = NULL;
	if ((r->value = strdup(value != NULL ? value : "")) == NULL)
		return -1;
	g->n++;
	return 0;
}

/* A value of field f (or of no field) in words, into b. */
static void
value_words(const struct field *f, const json_t *v, const char *lang, struct buf *b)
{
	char	*text;

	if (json_is_string(v))
		buf_puts(b, f != NULL ? field_value_label(f, json_string_value(v), lang) :
		    json_string_value(v));
	else if (json_is_boolean(v))
		buf_puts(b, words_boolean(json_is_true(v), lang));
	else if ((text = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT)) != NULL) {
		buf_puts(b, text);
		free(text);
	}
}

/* Rows for the leaves of `o` that no field declares (a type changed
 * since, or gone from the catalog), by their path.  0 or -1. */
static int
undeclared(const struct rtype *t, const json_t *o, const char *prefix,
    struct request_view *v, const char *lang)
{
	struct view_group	*g;
	const char		*key;
	json_t			*val;
	char			 path[512], *own;
	struct buf		 b = { 0 };
	int			 rc = 0;

	json_object_foreach((json_t *)o, key, val) {
		snprintf(path, sizeof(path), "%s%s%s", prefix, *prefix ? "." : "", key);
		if (json_is_object(val)) {
			if ((rc = undeclared(t, val, path, v, lang)) < 0)
				break;
			continue;
		}
		if (t != NULL && rtype_field(t, path) != NULL)
			continue;
		b.len = 0;
		value_words(NULL, val, lang, &b);
		if ((g = group_of(v, words_properties(lang))) == NULL ||
		    (own = strdup(path)) == NULL) {
			rc = -1;
			break;
		}
		if (row_add(g, own, own, b.len ? b.data : "") < 0) {
			free(own);
			rc = -1;
			break;
		}
		g->rows[g->n - 1].own = own;
	}
	buf_free(&b);
	return rc;
}

int
request_view_build(const struct rtype *t, const json_t *props,
    const struct sp_words *sp, const char *lang, struct request_view *out)
{
	struct view_group	*g;
	const json_t		*val;
	struct buf		 b = { 0 };
	char			 spt[700];
	size_t			 i;
	int			 sp_done = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; t != NULL && i < t->nfields; i++) {
		const struct field *f = &t->fields[i];
		const char *glabel = f->group != NULL ? ltext_get(&f->group->label, lang) :
		    words_properties(lang);

		if (f->resolve != NULL && sp != NULL && sp->found) {
			if (sp_done++)
				continue;
			sp_words_text(sp, lang, spt, sizeof(spt));
			if ((g = group_of(out, glabel)) == NULL ||
			    row_add(g, "servicePoint", words_service_point(lang), spt) < 0)
				goto oom;
			continue;
		}
		if ((val = json_path_get(props, f->path)) == NULL)
			continue;
		b.len = 0;
		value_words(f, val, lang, &b);
		if ((g = group_of(out, glabel)) == NULL ||
		    row_add(g, f->path, ltext_get(&f->labels, lang), b.len ? b.data : "") < 0)
			goto oom;
	}
	buf_free(&b);
	if (json_is_object(props) && undeclared(t, props, "", out, lang) < 0) {
		request_view_free(out);
		return -1;
	}
	return 0;
oom:
	buf_free(&b);
	request_view_free(out);
	return -1;
}

void
request_view_free(struct request_view *v)
{
	size_t i, j;

	for (i = 0; i < v->n; i++) {
		for (j = 0; j < v->groups[i].n; j++) {
			free(v->groups[i].rows[j].value);
			free(v->groups[i].rows[j].own);
		}
		free(v->groups[i].rows);
	}
	free(v->groups);
	memset(v, 0, sizeof(*v));
}

void
request_view_tpl(const struct request_view *v, struct tpl_dict *d)
{
	struct tpl_dict	*g, *row;
	size_t		 i, j;

	for (i = 0; i < v->n; i++) {
		if ((g = tpl_section_add(d, "PROP_GROUP")) == NULL)
			return;
		tpl_set(g, "GROUP_LABEL", v->groups[i].label);
		for (j = 0; j < v->groups[i].n; j++) {
			const struct view_row *r = &v->groups[i].rows[j];
			if ((row = tpl_section_add(g, "PROP")) == NULL)
				return;
			tpl_set(row, "PROP_LABEL", r->label);
			tpl_set(row, "PROP_VALUE", r->value);
			tpl_set(row, "PROP_PATH", r->path);
		}
	}
}
