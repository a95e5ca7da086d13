/*
 * catalog.c — loading request-type declarations, validating properties
 * against them, and deriving their JSON Schema.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "catalog.h"
#include "store.h"
#include "jschema.h"
#include "util.h"
#include "workday.h"

#define MAX_TYPES 256

/* Shapes shared by the C validator and the JSON Schema (POSIX ERE and
 * ECMA-262 read these the same way). */
#define EMAIL_PATTERN	"^[^@ ]+@[^@ ]+\\.[^@ ]+$"
#define PHONE_PATTERN	"^\\+?[0-9]([ .-]*[0-9]){5,14}$"	/* 6 to 15 digits */

/* A mandatory string must hold something but blanks; the schema says
 * the same with a pattern (one character that is not one of these). */
#define NOT_BLANK_SPACE		" \t\r\n"
#define NOT_BLANK_PATTERN	"[^ \\t\\r\\n]"

/* ---- texts per language ---- */

static const char *const lang_codes[LANG__MAX] = { "en", "fr", "da" };

static int
lang_index(const char *lang)
{
	int i;

	for (i = 0; lang != NULL && i < LANG__MAX; i++)
		if (strcmp(lang, lang_codes[i]) == 0)
			return i;
	return LANG_EN;
}

const char *
ltext_get(const struct ltext *t, const char *lang)
{
	const char *v = t->v[lang_index(lang)];

	return v != NULL ? v : t->v[LANG_EN];
}

const char *
ltext_in(const struct ltext *t, const char *lang)
{
	return lang != NULL && strcmp(lang, lang_codes[lang_index(lang)]) == 0 ?
	    t->v[lang_index(lang)] : NULL;
}

/* Fill t from a declared text: a string (English) or {en, fr, da}. */
static void
ltext_load(struct ltext *t, const json_t *v)
{
	int i;

	memset(t, 0, sizeof(*t));
	if (json_is_string(v))
		t->v[LANG_EN] = json_string_value(v);
	else
		for (i = 0; i < LANG__MAX; i++)
			t->v[i] = json_string_value(json_object_get(v, lang_codes[i]));
}

const char *
field_value_label(const struct field *f, const char *value, const char *lang)
{
	const char	*l;
	size_t		 i;

	for (i = 0; value != NULL && i < f->nenum; i++)
		if (strcmp(f->enumv[i], value) == 0 &&
		    (l = ltext_get(&f->enum_labels[i], lang)) != NULL)
			return l;
	return value;
}

/* ---- loading ---- */

extern const char catalog_schema_json[];	/* catalog_schema.c, from conf/ */

/* One loaded catalog: what catalog_load() builds, then installs whole. */
struct cset {
	struct rtype	*types[MAX_TYPES];
	size_t		 n;
};

static struct cset	 current;

/* The problems of one file, as they are printed. */
struct why {
	const char	*file;
	int		 n;
};

static void
why_add(struct why *w, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
why_add(struct why *w, const char *where, const char *fmt, ...)
{
	char	 msg[512];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "reqdesk: %s: %s: %s\n", w->file, *where ? where : "(file)", msg);
	w->n++;
}

static void
why_schema(void *ctx, const char *where, const char *why)
{
	why_add(ctx, where, "%s", why);
}

static void
rtype_free(struct rtype *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nfields; i++) {
		struct field *f = &t->fields[i];
		size_t j;
		for (j = 0; j < f->nparts; j++)
			free(f->parts[j]);
		free(f->enumv);
		free(f->enum_labels);
		free(f->profiles);
		if (f->has_re)
			regfree(&f->re);
	}
	free(t->fields);
	free(t->groups);
	free(t->markets);
	free(t->markets_json);
	json_decref(t->decl);
	free(t->file);
	free(t);
}

/* Borrowed strings of a JSON array of strings (the schema checked the
 * shape); -1 on ENOMEM. */
static int
string_array(const json_t *a, const char ***out, size_t *n)
{
	size_t i;

	*out = NULL;
	*n = 0;
	if (!json_is_array(a))
		return 0;
	if ((*out = calloc(json_array_size(a) + 1, sizeof(char *))) == NULL)
		return -1;
	for (i = 0; i < json_array_size(a); i++)
		(*out)[i] = json_string_value(json_array_get(a, i));
	*n = i;
	return 0;
}

static const char *
opt_str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* The built-in catalog schema, compiled once (NULL: a build error). */
static struct jschema *
catalog_schema_get(void)
{
	static struct jschema	*schema;
	char			 err[256];

	if (schema == NULL && (schema = jschema_new(catalog_schema_json, err,
	    sizeof(err))) == NULL)
		fprintf(stderr, "reqdesk: the built-in catalog schema: %s\n", err);
	return schema;
}

/* Fill f from its declaration (of the shape the schema checks); 0 or -1
 * (ENOMEM). */
static int
field_fill(struct field *f, const json_t *d)
{
	static const char *const tnames[] = { "string", "boolean", "integer", "number" };
	const json_t	*e;
	const char	*s, *p, *dot;
	size_t		 i;

	f->path = opt_str(d, "path");
	for (p = f->path; ; p = dot + 1) {
		dot = strchr(p, '.');
		if ((f->parts[f->nparts++] = dot ? strndup(p, (size_t)(dot - p)) :
		    strdup(p)) == NULL)
			return -1;
		if (dot == NULL)
			break;
	}
	s = opt_str(d, "type");
	for (i = 0; i < 4 && strcmp(s, tnames[i]) != 0; i++)
		continue;
	f->type = (enum ftype)i;
	f->required = json_is_true(json_object_get(d, "required"));
	f->one_of = opt_str(d, "oneOf");
	f->resolve = opt_str(d, "resolve");
	f->def = json_object_get(d, "default");
	ltext_load(&f->labels, json_object_get(d, "label"));
	if (f->labels.v[LANG_FR] == NULL && (f->labels.v[LANG_FR] = opt_str(d, "labelFr")) != NULL)
		f->label_fr_original = 1;
	if (f->labels.v[LANG_EN] == NULL)
		f->labels.v[LANG_EN] = f->path;
	f->label = f->labels.v[LANG_EN];
	f->label_fr = f->labels.v[LANG_FR];
	ltext_load(&f->helps, json_object_get(d, "help"));
	f->help = f->helps.v[LANG_EN];
	ltext_load(&f->message, json_object_get(d, "patternMessage"));
	if ((e = json_object_get(d, "enum")) != NULL) {
		f->nenum = json_array_size(e);
		if ((f->enumv = calloc(f->nenum + 1, sizeof(char *))) == NULL ||
		    (f->enum_labels = calloc(f->nenum + 1, sizeof(struct ltext))) == NULL)
			return -1;
		for (i = 0; i < f->nenum; i++) {
			const json_t *ev = json_array_get(e, i);
			f->enumv[i] = json_is_string(ev) ? json_string_value(ev) :
			    opt_str(ev, "value");
			ltext_load(&f->enum_labels[i], json_object_get(ev, "label"));
		}
	}
	if (string_array(json_object_get(d, "profiles"), &f->profiles, &f->nprofiles) < 0)
		return -1;
	f->min_len = json_is_integer(json_object_get(d, "minLength")) ?
	    (long)json_integer_value(json_object_get(d, "minLength")) : -1;
	f->max_len = json_is_integer(json_object_get(d, "maxLength")) ?
	    (long)json_integer_value(json_object_get(d, "maxLength")) : -1;
	f->pattern = opt_str(d, "pattern");
	if ((s = opt_str(d, "format")) != NULL) {
		if (strcmp(s, "email") == 0) {
			f->format = FF_EMAIL;
			f->pattern = EMAIL_PATTERN;
		} else if (strcmp(s, "phone") == 0) {
			f->format = FF_PHONE;
			f->pattern = PHONE_PATTERN;
		} else
			f->format = FF_DATE;
	}
	return 0;
}

/* Is the JSON value v of the field's type? */
static int
of_field_type(const struct field *f, const json_t *v)
{
	return (f->type == FT_STRING && json_is_string(v)) ||
	    (f->type == FT_BOOLEAN && json_is_boolean(v)) ||
	    (f->type == FT_INTEGER && json_is_integer(v)) ||
	    (f->type == FT_NUMBER && json_is_number(v));
}

/* What a schema cannot say about field i (docs/CATALOG.md, Consistency). */
static void
field_check(struct rtype *t, size_t i, const json_t *d, struct why *w)
{
	static const char *const string_only[] = { "enum", "minLength", "maxLength",
	    "pattern", "format", "patternMessage", "resolve" };
	struct field	*f = &t->fields[i];
	char		 at[96], key[128];
	size_t		 j, k, len;

	snprintf(at, sizeof(at), "fields[%zu]", i);
#define KEY(name) (snprintf(key, sizeof(key), "%s.%s", at, name), key)
	for (j = 0; j < i; j++) {
		len = strlen(t->fields[j].path);
		if (strcmp(t->fields[j].path, f->path) == 0)
			why_add(w, KEY("path"), "repeats the path of fields[%zu]", j);
		else if ((strncmp(f->path, t->fields[j].path, len) == 0 && f->path[len] == '.') ||
		    (strncmp(t->fields[j].path, f->path, strlen(f->path)) == 0 &&
		    t->fields[j].path[strlen(f->path)] == '.'))
			why_add(w, KEY("path"), "'%s' and fields[%zu] '%s' cannot both be "
			    "values: one is inside the other", f->path, j, t->fields[j].path);
		if (f->resolve != NULL && t->fields[j].resolve != NULL &&
		    strcmp(f->resolve, t->fields[j].resolve) == 0)
			why_add(w, KEY("resolve"), "\"%s\" is declared by fields[%zu] already",
			    f->resolve, j);
	}
	if (f->type != FT_STRING)
		for (k = 0; k < sizeof(string_only) / sizeof(string_only[0]); k++)
			if (json_object_get(d, string_only[k]) != NULL)
				why_add(w, KEY(string_only[k]), "only for a field of type string");
	if (json_object_get(d, "format") != NULL && json_object_get(d, "pattern") != NULL)
		why_add(w, KEY("pattern"), "a field has a format or a pattern, not both");
	if (json_object_get(d, "patternMessage") != NULL && f->pattern == NULL &&
	    f->format == FF_NONE)
		why_add(w, KEY("patternMessage"), "needs a pattern or a format to be about");
	if (f->min_len >= 0 && f->max_len >= 0 && f->min_len > f->max_len)
		why_add(w, KEY("minLength"), "is more than maxLength (%ld)", f->max_len);
	if (f->pattern != NULL && f->type == FT_STRING) {
		if (regcomp(&f->re, f->pattern, REG_EXTENDED | REG_NOSUB) != 0)
			why_add(w, KEY("pattern"), "is not a valid regular expression");
		else
			f->has_re = 1;
	}
	for (j = 0; j < f->nenum; j++)
		for (k = 0; k < j; k++)
			if (strcmp(f->enumv[j], f->enumv[k]) == 0) {
				snprintf(key, sizeof(key), "%s.enum[%zu]", at, j);
				why_add(w, key, "repeats the value '%s'", f->enumv[j]);
			}
	if (f->def != NULL) {
		if (!of_field_type(f, f->def))
			why_add(w, KEY("default"), "must be of the field's type (%s)",
			    json_string_value(json_object_get(d, "type")));
		else if (f->nenum > 0 && json_is_string(f->def)) {
			for (j = 0; j < f->nenum && strcmp(f->enumv[j],
			    json_string_value(f->def)) != 0; j++)
				continue;
			if (j == f->nenum)
				why_add(w, KEY("default"), "'%s' is not one of the enum values",
				    json_string_value(f->def));
		}
	}
	if (f->required && f->one_of != NULL)
		why_add(w, KEY("oneOf"), "a field of a one-of group is not required "
		    "itself (the group is)");
	if (f->resolve != NULL && f->one_of == NULL)
		why_add(w, KEY("resolve"), "only for a field of a one-of group (the "
		    "service point is named by one of several fields)");
	if (json_object_get(d, "labelFr") != NULL && json_is_object(json_object_get(d, "label")) &&
	    json_object_get(json_object_get(d, "label"), "fr") != NULL)
		why_add(w, KEY("labelFr"), "the French label is given twice (label.fr)");
	if ((f->group == NULL) != (opt_str(d, "group") == NULL))
		why_add(w, KEY("group"), "'%s' is not the id of one of \"groups\"",
		    opt_str(d, "group"));
#undef KEY
}

/* The profile conditions: profileField names a string field with an
 * enum, and every profile a field names is one of its values. */
static void
profiles_check(struct rtype *t, struct why *w)
{
	const struct field	*pf = NULL;
	char			 key[128];
	size_t			 i, j, k;

	if (t->profile_field != NULL) {
		if ((pf = rtype_field(t, t->profile_field)) == NULL)
			why_add(w, "profileField", "'%s' is the path of no field", t->profile_field);
		else if (pf->type != FT_STRING || pf->nenum == 0)
			why_add(w, "profileField", "'%s' must be a string field with an enum "
			    "(the profiles)", t->profile_field);
		else if (pf->nprofiles > 0)
			why_add(w, "profileField", "the profile field cannot itself be only "
			    "for some profiles");
	}
	for (i = 0; i < t->nfields; i++) {
		const struct field *f = &t->fields[i];
		if (f->nprofiles == 0)
			continue;
		if (t->profile_field == NULL) {
			snprintf(key, sizeof(key), "fields[%zu].profiles", i);
			why_add(w, key, "needs the type's \"profileField\"");
			continue;
		}
		if (pf == NULL || pf->nenum == 0)
			continue;
		for (j = 0; j < f->nprofiles; j++) {
			for (k = 0; k < pf->nenum && strcmp(pf->enumv[k], f->profiles[j]) != 0; k++)
				continue;
			if (k == pf->nenum) {
				snprintf(key, sizeof(key), "fields[%zu].profiles[%zu]", i, j);
				why_add(w, key, "'%s' is not a value of the profile field '%s'",
				    f->profiles[j], pf->path);
			}
		}
	}
}

/* Fill the type from its (schema-valid) declaration and check it; 0, or
 * -1 on ENOMEM.  Problems go to w. */
static int
rtype_fill(struct rtype *t, struct why *w)
{
	const json_t	*fields = json_object_get(t->decl, "fields"), *groups, *g;
	size_t		 i, j;

	t->type = opt_str(t->decl, "type");
	ltext_load(&t->titles, json_object_get(t->decl, "title"));
	if (t->titles.v[LANG_FR] == NULL) {
		t->titles.v[LANG_FR] = opt_str(t->decl, "titleFr");
		t->title_fr_original = t->titles.v[LANG_FR] != NULL;
	}
	else if (json_object_get(t->decl, "titleFr") != NULL)
		why_add(w, "titleFr", "the French title is given twice (title.fr)");
	t->title = t->titles.v[LANG_EN];
	t->title_fr = t->titles.v[LANG_FR];
	ltext_load(&t->descriptions, json_object_get(t->decl, "description"));
	t->description = t->descriptions.v[LANG_EN];
	t->category = opt_str(t->decl, "category");
	t->lead_days = (int)json_integer_value(json_object_get(t->decl, "leadDays"));
	t->lead_unit = json_is_string(json_object_get(t->decl, "leadUnit")) &&
	    strcmp(opt_str(t->decl, "leadUnit"), "working") == 0 ? LEAD_WORKING : LEAD_CALENDAR;
	t->customized = json_is_string(json_object_get(t->decl, "catalog")) &&
	    strcmp(opt_str(t->decl, "catalog"), "customized") == 0;
	t->profile_field = opt_str(t->decl, "profileField");
	if (string_array(json_object_get(t->decl, "markets"), &t->markets, &t->nmarkets) < 0)
		return -1;
	if (t->nmarkets > 0 && (t->markets_json = json_dumps(
	    json_object_get(t->decl, "markets"), JSON_COMPACT)) == NULL)
		return -1;
	if ((groups = json_object_get(t->decl, "groups")) != NULL) {
		if ((t->groups = calloc(json_array_size(groups), sizeof(*t->groups))) == NULL)
			return -1;
		json_array_foreach(groups, i, g) {
			char key[64];
			t->groups[i].id = opt_str(g, "id");
			ltext_load(&t->groups[i].label, json_object_get(g, "label"));
			ltext_load(&t->groups[i].help, json_object_get(g, "help"));
			for (j = 0; j < i; j++)
				if (strcmp(t->groups[j].id, t->groups[i].id) == 0) {
					snprintf(key, sizeof(key), "groups[%zu].id", i);
					why_add(w, key, "repeats the id of groups[%zu]", j);
				}
			t->ngroups++;
		}
	}
	if ((t->fields = calloc(json_array_size(fields), sizeof(*t->fields))) == NULL)
		return -1;
	for (i = 0; i < json_array_size(fields); i++, t->nfields++) {
		const json_t *d = json_array_get(fields, i);
		const char *gid = opt_str(d, "group");
		if (field_fill(&t->fields[i], d) < 0)
			return -1;
		for (j = 0; gid != NULL && j < t->ngroups; j++)
			if (strcmp(t->groups[j].id, gid) == 0)
				t->fields[i].group = &t->groups[j];
	}
	for (i = 0; i < t->nfields; i++)
		field_check(t, i, json_array_get(fields, i), w);
	profiles_check(t, w);
	return 0;
}

/* Check and load one declaration (JSON text); the new type, or NULL
 * after printing each problem (w->n > 0) or on ENOMEM (w->n == 0). */
static struct rtype *
rtype_parse(const char *file, const char *text, struct why *w)
{
	struct jschema	*schema;
	struct rtype	*t;
	json_error_t	 jerr;

	if ((schema = catalog_schema_get()) == NULL || (t = calloc(1, sizeof(*t))) == NULL) {
		why_add(w, "", "cannot be checked (out of memory, or no schema)");
		return NULL;
	}
	if ((t->file = strdup(file)) == NULL)
		goto fail;
	if ((t->decl = json_loads(text, JSON_REJECT_DUPLICATES, &jerr)) == NULL) {
		char where[32];
		snprintf(where, sizeof(where), "line %d", jerr.line);
		why_add(w, where, "%s", jerr.text);
		goto fail;
	}
	if (jschema_validate(schema, t->decl, why_schema, w) != 0 || w->n > 0)
		goto fail;
	if (rtype_fill(t, w) < 0 || w->n > 0)
		goto fail;
	return t;
fail:
	rtype_free(t);
	return NULL;
}

/* The text of a file (owned), or NULL. */
static char *
file_text(const char *path)
{
	FILE		*fp;
	struct buf	 b = { 0 };
	char		 chunk[8192];
	size_t		 n;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (buf_append(&b, chunk, n) < 0) {
			buf_free(&b);
			fclose(fp);
			return NULL;
		}
	fclose(fp);
	if (b.data == NULL)
		buf_append(&b, "", 0);
	return b.data != NULL ? b.data : strdup("");
}

int
catalog_check_text(const char *name, const char *text)
{
	struct why	 w = { name, 0 };
	struct rtype	*t = rtype_parse(name, text, &w);

	rtype_free(t);
	return w.n;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
cset_free(struct cset *c)
{
	while (c->n > 0)
		rtype_free(c->types[--c->n]);
}

static const struct rtype *
cset_find(const struct cset *c, const char *type)
{
	size_t i;

	for (i = 0; type != NULL && i < c->n; i++)
		if (strcmp(c->types[i]->type, type) == 0)
			return c->types[i];
	return NULL;
}

int
catalog_load(const char *dir)
{
	struct cset	 next;
	DIR		*d;
	struct dirent	*e;
	char		*names[MAX_TYPES + 1], path[4096], *text;
	size_t		 n = 0, i, len;
	int		 bad = 0;

	memset(&next, 0, sizeof(next));
	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "reqdesk: %s: cannot open the catalog directory\n", dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len <= 5 || strcmp(e->d_name + len - 5, ".json") != 0)
			continue;
		if (n == MAX_TYPES) {
			fprintf(stderr, "reqdesk: %s: more than %d catalog files\n", dir, MAX_TYPES);
			bad = 1;
			break;
		}
		if ((names[n] = strdup(e->d_name)) == NULL) {
			bad = 1;
			break;
		}
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), name_cmp);
	for (i = 0; i < n; i++) {
		struct why	 w;
		struct rtype	*t = NULL;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		free(names[i]);
		w.file = path;
		w.n = 0;
		if ((text = file_text(path)) == NULL)
			why_add(&w, "", "cannot be read");
		else
			t = rtype_parse(path, text, &w);
		free(text);
		if (t != NULL && cset_find(&next, t->type) != NULL) {
			why_add(&w, "type", "%s is declared in another file too", t->type);
			rtype_free(t);
			t = NULL;
		}
		if (t == NULL) {
			bad = 1;
			continue;
		}
		next.types[next.n++] = t;
	}
	if (bad) {
		cset_free(&next);
		return -1;
	}
	cset_free(&current);
	current = next;
	return 0;
}

void
catalog_free(void)
{
	cset_free(&current);
}

size_t
catalog_count(void)
{
	return current.n;
}

const struct rtype *
catalog_at(size_t i)
{
	return i < current.n ? current.types[i] : NULL;
}

const struct rtype *
catalog_find(const char *type)
{
	return cset_find(&current, type);
}

int
rtype_allowed(const struct rtype *t, const char *market, int has_custom)
{
	size_t i;

	if (t->customized && !has_custom)
		return 0;
	if (t->nmarkets == 0)
		return 1;
	for (i = 0; market != NULL && i < t->nmarkets; i++)
		if (strcmp(t->markets[i], market) == 0)
			return 1;
	return 0;
}

const struct field *
rtype_field(const struct rtype *t, const char *path)
{
	size_t i;

	for (i = 0; i < t->nfields; i++)
		if (strcmp(t->fields[i].path, path) == 0)
			return &t->fields[i];
	return NULL;
}

int
field_applies(const struct rtype *t, const struct field *f, const char *profile)
{
	size_t i;

	if (f->nprofiles == 0 || profile == NULL)
		return 1;
	for (i = 0; i < f->nprofiles; i++)
		if (strcmp(f->profiles[i], profile) == 0)
			return 1;
	return 0;
}

const json_t *
json_path_get(const json_t *obj, const char *path)
{
	const char	*dot;
	char		 key[128];

	while (obj != NULL && (dot = strchr(path, '.')) != NULL) {
		if ((size_t)(dot - path) >= sizeof(key))
			return NULL;
		memcpy(key, path, (size_t)(dot - path));
		key[dot - path] = '\0';
		obj = json_object_get(obj, key);
		path = dot + 1;
	}
	return json_is_object(obj) ? json_object_get(obj, path) : NULL;
}

/* Set value (stolen) at the field's path in out, creating objects. */
static int
path_set(json_t *out, const struct field *f, json_t *value)
{
	json_t	*o = out, *next;
	size_t	 i;

	for (i = 0; i + 1 < f->nparts; i++) {
		if ((next = json_object_get(o, f->parts[i])) == NULL) {
			next = json_object();
			if (json_object_set_new(o, f->parts[i], next) < 0) {
				json_decref(value);
				return -1;
			}
		}
		o = next;
	}
	return json_object_set_new(o, f->parts[f->nparts - 1], value);
}

/* ---- validation ---- */

/* Is `prefix` (dotted, "" for the top) a declared object path, and is
 * `name` a child of it?  *leaf is set if prefix.name is a field. */
static int
declared_child(const struct rtype *t, const char *prefix, const char *name, int *leaf)
{
	char	path[512];
	size_t	i, len;

	snprintf(path, sizeof(path), "%s%s%s", prefix, *prefix ? "." : "", name);
	len = strlen(path);
	*leaf = 0;
	for (i = 0; i < t->nfields; i++) {
		if (strcmp(t->fields[i].path, path) == 0) {
			*leaf = 1;
			return 1;
		}
		if (strncmp(t->fields[i].path, path, len) == 0 &&
		    t->fields[i].path[len] == '.')
			return 1;
	}
	return 0;
}

/* The declared child of `prefix` nearest to `name`, if near enough. */
static void
nearest_child(const struct rtype *t, const char *prefix, const char *name,
    char *out, size_t outlen)
{
	size_t	 i, plen = strlen(prefix), best = (size_t)-1, d, limit;
	char	 child[128];
	const char *p, *dot;

	out[0] = '\0';
	limit = strlen(name) / 3 > 2 ? strlen(name) / 3 : 2;
	for (i = 0; i < t->nfields; i++) {
		p = t->fields[i].path;
		if (plen > 0) {
			if (strncmp(p, prefix, plen) != 0 || p[plen] != '.')
				continue;
			p += plen + 1;
		}
		dot = strchr(p, '.');
		snprintf(child, sizeof(child), "%.*s", dot ? (int)(dot - p) : (int)strlen(p), p);
		d = edit_distance(name, child);
		if (d < best && d <= limit) {
			best = d;
			snprintf(out, outlen, "%s%s%s", prefix, plen ? "." : "", child);
		}
	}
}

/* Report attributes the type does not declare, recursively. */
static int
check_unknown(const struct rtype *t, const json_t *obj, const char *prefix,
    struct problems *pb)
{
	const char	*key;
	const json_t	*v;
	char		 path[512], hint[512];
	int		 leaf;

	json_object_foreach((json_t *)obj, key, v) {
		snprintf(path, sizeof(path), "%s%s%s", prefix, *prefix ? "." : "", key);
		if (!declared_child(t, prefix, key, &leaf)) {
			/* Past the problems a list keeps, only the count is
			 * wanted: no hint to look for. */
			hint[0] = '\0';
			if (pb->n < PROBLEMS_MAX)
				nearest_child(t, prefix, key, hint, sizeof(hint));
			if ((hint[0] ? oproblem(pb, OERR_PROPS_UNKNOWN_HINT, path, path,
			    hint, NULL) : oproblem(pb, OERR_PROPS_UNKNOWN, path, path,
			    NULL, NULL)) < 0)
				return -1;
		} else if (!leaf) {
			if (!json_is_object(v)) {
				if (oproblem(pb, OERR_PROPS_OBJECT, path, path, NULL, NULL) < 0)
					return -1;
			} else if (check_unknown(t, v, path, pb) < 0)
				return -1;
		}
	}
	return 0;
}

static int
is_valid_phone_digits(const char *s)
{
	int digits = 0;

	for (; *s; s++)
		digits += *s >= '0' && *s <= '9';
	return digits >= 6 && digits <= 15;
}

/* Check one present value; 0 valid, 1 invalid (reported), -1 ENOMEM. */
static int
check_value(const struct field *f, const json_t *v, const char *lang,
    struct problems *pb)
{
	static const char *const tnames[] = { "a string", "a boolean", "an integer", "a number" };
	const char	*s;
	struct buf	 b = { 0 };
	struct ymd	 d;
	char		 n[32];
	size_t		 i, len;
	int		 ok, rc;

	ok = (f->type == FT_STRING && json_is_string(v)) ||
	    (f->type == FT_BOOLEAN && json_is_boolean(v)) ||
	    (f->type == FT_INTEGER && json_is_integer(v)) ||
	    (f->type == FT_NUMBER && json_is_number(v));
	if (!ok)
		return oproblem(pb, OERR_PROPS_TYPE, f->path, f->path,
		    tnames[f->type], NULL) < 0 ? -1 : 1;
	if (f->type != FT_STRING)
		return 0;
	s = json_string_value(v);
	len = utf8_chars(s, json_string_length(v));	/* as JSON Schema counts */
	if ((f->required || f->one_of) && s[strspn(s, NOT_BLANK_SPACE)] == '\0')
		return oproblem(pb, OERR_PROPS_EMPTY, f->path, f->path, NULL,
		    NULL) < 0 ? -1 : 1;
	if (f->max_len >= 0 && (long)len > f->max_len) {
		snprintf(n, sizeof(n), "%ld", f->max_len);
		return oproblem(pb, OERR_PROPS_TOO_LONG, f->path, f->path, n,
		    NULL) < 0 ? -1 : 1;
	}
	if (f->min_len >= 0 && (long)len < f->min_len) {
		snprintf(n, sizeof(n), "%ld", f->min_len);
		return oproblem(pb, OERR_PROPS_TOO_SHORT, f->path, f->path, n,
		    NULL) < 0 ? -1 : 1;
	}
	if (f->nenum > 0) {
		for (i = 0; i < f->nenum; i++)
			if (strcmp(f->enumv[i], s) == 0)
				return 0;
		for (i = 0; i < f->nenum; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", f->enumv[i]);
		rc = oproblem(pb, OERR_PROPS_ENUM, f->path, f->path,
		    b.data ? b.data : "", NULL);
		buf_free(&b);
		return rc < 0 ? -1 : 1;
	}
	if (f->format == FF_DATE && ymd_parse_date(s, &d) < 0)
		return (ltext_get(&f->message, lang) != NULL ?
		    oproblem(pb, OERR_PROPS_PATTERN, f->path, f->path,
		    ltext_get(&f->message, lang), NULL) :
		    oproblem(pb, OERR_PROPS_DATE, f->path, f->path, NULL, NULL)) < 0 ? -1 : 1;
	if (f->has_re && (regexec(&f->re, s, 0, NULL, 0) != 0 ||
	    (f->format == FF_PHONE && !is_valid_phone_digits(s)))) {
		/* the field's own words, else a plain sentence: never the
		 * regular expression, which says nothing to people */
		if (ltext_get(&f->message, lang) != NULL)
			rc = oproblem(pb, OERR_PROPS_PATTERN, f->path, f->path,
			    ltext_get(&f->message, lang), NULL);
		else if (f->format == FF_EMAIL)
			rc = oproblem(pb, OERR_PROPS_EMAIL, f->path, f->path, NULL, NULL);
		else if (f->format == FF_PHONE)
			rc = oproblem(pb, OERR_PROPS_PHONE, f->path, f->path, NULL, NULL);
		else
			rc = oproblem(pb, OERR_PROPS_PATTERN, f->path, f->path,
			    "is not in the expected format", NULL);
		return rc < 0 ? -1 : 1;
	}
	return 0;
}

/* Report one-of groups of which no member is present. */
static int
check_groups(const struct rtype *t, const json_t *props, struct problems *pb)
{
	size_t		 i, j;
	int		 present;
	struct buf	 names;

	for (i = 0; i < t->nfields; i++) {
		const char *g = t->fields[i].one_of;
		if (g == NULL)
			continue;
		for (j = 0; j < i; j++)		/* first member only */
			if (t->fields[j].one_of && strcmp(t->fields[j].one_of, g) == 0)
				break;
		if (j < i)
			continue;
		present = 0;
		memset(&names, 0, sizeof(names));
		for (j = i; j < t->nfields; j++) {
			if (t->fields[j].one_of == NULL || strcmp(t->fields[j].one_of, g) != 0)
				continue;
			present |= json_path_get(props, t->fields[j].path) != NULL;
			buf_printf(&names, "%s%s", names.len ? " or " : "", t->fields[j].path);
		}
		if (!present && oproblem(pb, OERR_MISSING, t->fields[i].path,
		    names.data, NULL, NULL) < 0) {
			buf_free(&names);
			return -1;
		}
		buf_free(&names);
	}
	return 0;
}

int
catalog_validate(const struct rtype *t, const json_t *props, const char *lang,
    struct problems *pb, json_t **out)
{
	const json_t	*v;
	const char	*profile = NULL;
	size_t		 i;
	int		 rc;

	if ((*out = json_object()) == NULL)
		return -1;
	if (props != NULL && !json_is_object(props))
		return oproblem(pb, OERR_PROPS_OBJECT, "properties", "properties", NULL, NULL);
	if (t->profile_field != NULL) {
		const struct field *pf = rtype_field(t, t->profile_field);
		v = json_path_get(props, pf->path);
		if (json_is_string(v)) {
			for (i = 0; i < pf->nenum; i++)
				if (strcmp(pf->enumv[i], json_string_value(v)) == 0)
					profile = json_string_value(v);
		}
	}
	/* Mandatory fields first (OERR_MISSING: absent or null), then values (OERR_PROPS_*). */
	for (i = 0; i < t->nfields; i++) {
		const struct field *f = &t->fields[i];
		v = json_path_get(props, f->path);
		if (f->required && f->def == NULL && (v == NULL || json_is_null(v)) &&
		    oproblem(pb, OERR_MISSING, f->path, f->path, NULL, NULL) < 0)
			return -1;
	}
	if (check_groups(t, props, pb) < 0)
		return -1;
	if (props != NULL && check_unknown(t, props, "", pb) < 0)
		return -1;
	for (i = 0; i < t->nfields; i++) {
		const struct field *f = &t->fields[i];
		v = json_path_get(props, f->path);
		if (!field_applies(t, f, profile))
			continue;	/* irrelevant for the profile: dropped */
		if (v == NULL) {
			if (f->def != NULL && path_set(*out, f, json_deep_copy(f->def)) < 0)
				return -1;
			continue;
		}
		if (json_is_null(v) && f->required && f->def == NULL)
			continue;	/* reported as missing above */
		if ((rc = check_value(f, v, lang, pb)) < 0)
			return -1;
		if (rc == 0 && path_set(*out, f, json_deep_copy(v)) < 0)
			return -1;
	}
	return 0;
}

/* ---- JSON Schema ---- */

/* The schema object for the node at parts[0..depth) of field paths. */
static json_t *
schema_node(json_t *root, const struct field *f, size_t depth)
{
	json_t	*node = root, *props, *next;
	size_t	 i;

	for (i = 0; i < depth; i++) {
		props = json_object_get(node, "properties");
		if ((next = json_object_get(props, f->parts[i])) == NULL) {
			next = json_pack("{s:s, s:{}, s:b}", "type", "object",
			    "properties", "additionalProperties", 0);
			json_object_set_new(props, f->parts[i], next);
		}
		node = next;
	}
	return node;
}

static void
schema_require(json_t *node, const char *name)
{
	json_t	*req = json_object_get(node, "required");
	size_t	 i;

	if (req == NULL) {
		req = json_array();
		json_object_set_new(node, "required", req);
	}
	for (i = 0; i < json_array_size(req); i++)
		if (strcmp(json_string_value(json_array_get(req, i)), name) == 0)
			return;
	json_array_append_new(req, json_string(name));
}

/* Describe one field as a JSON Schema property. */
static json_t *
schema_field(const struct rtype *t, const struct field *f)
{
	static const char *const tnames[] = { "string", "boolean", "integer", "number" };
	json_t		*p, *e;
	struct buf	 desc = { 0 };
	size_t		 i;

	p = json_pack("{s:s, s:s}", "type", tnames[f->type], "title", f->label);
	buf_puts(&desc, f->help ? f->help : f->label);
	if (f->label_fr)
		buf_printf(&desc, " (%s)", f->label_fr);
	if (f->nprofiles > 0) {
		buf_puts(&desc, " Only valid for the profile");
		for (i = 0; i < f->nprofiles; i++)
			buf_printf(&desc, "%s '%s'", i ? " or" : "", f->profiles[i]);
		buf_puts(&desc, "; ignored for other profiles.");
	}
	if (f->message.v[LANG_EN] != NULL)
		buf_printf(&desc, " Format: the value %s.", f->message.v[LANG_EN]);
	json_object_set_new(p, "description", json_string(desc.data));
	buf_free(&desc);
	if (f->label_fr)
		json_object_set_new(p, "x-label-fr", json_string(f->label_fr));
	if (f->nenum > 0) {
		e = json_array();
		for (i = 0; i < f->nenum; i++)
			json_array_append_new(e, json_string(f->enumv[i]));
		json_object_set_new(p, "enum", e);
	}
	if (f->def != NULL)
		json_object_set_new(p, "default", json_deep_copy(f->def));
	if (f->type == FT_STRING) {
		if (f->max_len >= 0)
			json_object_set_new(p, "maxLength", json_integer(f->max_len));
		if (f->min_len >= 0 || f->required || f->one_of)
			json_object_set_new(p, "minLength", json_integer(f->min_len > 0 ? f->min_len : 1));
		if (f->pattern != NULL)
			json_object_set_new(p, "pattern", json_string(f->pattern));
		if ((f->required || f->one_of) && f->pattern == NULL)
			json_object_set_new(p, "pattern", json_string(NOT_BLANK_PATTERN));
		else if (f->required || f->one_of)
			json_object_set_new(p, "allOf", json_pack("[{s:s}]", "pattern",
			    NOT_BLANK_PATTERN));
		if (f->format == FF_EMAIL)
			json_object_set_new(p, "format", json_string("email"));
		if (f->format == FF_DATE)
			json_object_set_new(p, "format", json_string("date"));
	}
	return p;
}

/* Wrap `leaf` (stolen) as {"properties": {parts[0]: ... {parts[n-1]: leaf}}}. */
static json_t *
schema_at(char *const *parts, size_t n, json_t *leaf)
{
	while (n-- > 0)
		leaf = json_pack("{s:{s:o}}", "properties", parts[n], leaf);
	return leaf;
}

/*
 * A field valid only for some profiles is ignored for the others (the
 * BVPN types' rule: "it will be ignored"), whatever its value: its
 * constraints go into an "if the profile is one of them, then" clause of
 * the root's allOf, and the property itself
 * keeps only its descriptive keywords.
 */
static json_t *
schema_profile_only(json_t *root, const struct rtype *t, const struct field *f)
{
	static const char *const keep[] = { "title", "description", "x-label-fr", "default" };
	const struct field	*pf = rtype_field(t, t->profile_field);
	json_t			*full = schema_field(t, f), *loose = json_object();
	json_t			*profiles = json_array(), *allof;
	size_t			 i;

	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (json_object_get(full, keep[i]) != NULL)
			json_object_set(loose, keep[i], json_object_get(full, keep[i]));
	for (i = 0; i < f->nprofiles; i++)
		json_array_append_new(profiles, json_string(f->profiles[i]));
	if ((allof = json_object_get(root, "allOf")) == NULL) {
		allof = json_array();
		json_object_set_new(root, "allOf", allof);
	}
	json_array_append_new(allof, json_pack("{s:o, s:o}",
	    "if", schema_at(pf->parts, pf->nparts, json_pack("{s:o}", "enum", profiles)),
	    "then", schema_at(f->parts, f->nparts, full)));
	return loose;
}

json_t *
catalog_schema(const struct rtype *t)
{
	json_t	*root, *node, *any;
	size_t	 i, j, k;

	root = json_pack("{s:s, s:s, s:s, s:{}, s:b}",
	    "$schema", "https://json-schema.org/draft/2020-12/schema",
	    "title", t->title, "type", "object", "properties",
	    "additionalProperties", 0);
	if (root == NULL)
		return NULL;
	for (i = 0; i < t->nfields; i++) {
		const struct field *f = &t->fields[i];
		node = schema_node(root, f, f->nparts - 1);
		json_object_set_new(json_object_get(node, "properties"),
		    f->parts[f->nparts - 1], f->nprofiles > 0 && t->profile_field ?
		    schema_profile_only(root, t, f) : schema_field(t, f));
		/* Every object on the way of a mandatory field is mandatory. */
		for (j = 0; j < f->nparts; j++) {
			if (!((f->required && f->def == NULL) || (f->one_of && j + 1 < f->nparts)))
				break;
			schema_require(schema_node(root, f, j), f->parts[j]);
		}
	}
	/* One-of groups: at least one member (anyOf of "required"). */
	for (i = 0; i < t->nfields; i++) {
		const struct field *f = &t->fields[i];
		if (f->one_of == NULL)
			continue;
		for (j = 0; j < i; j++)
			if (t->fields[j].one_of && strcmp(t->fields[j].one_of, f->one_of) == 0)
				break;
		if (j < i)
			continue;
		node = schema_node(root, f, f->nparts - 1);
		any = json_array();
		for (k = i; k < t->nfields; k++)
			if (t->fields[k].one_of && strcmp(t->fields[k].one_of, f->one_of) == 0)
				json_array_append_new(any, json_pack("{s:[s]}", "required",
				    t->fields[k].parts[t->fields[k].nparts - 1]));
		json_object_set_new(node, "anyOf", any);
	}
	return root;
}

/* ---- visibility: the types a caller may use ---- */

/* One catalogItem for a type. */
static json_t *
catalog_item(const struct rtype *t)
{
	json_t	*o, *markets = json_array();
	char	 self[160];
	size_t	 i;

	for (i = 0; i < t->nmarkets; i++)
		json_array_append_new(markets, json_string(t->markets[i]));
	snprintf(self, sizeof(self), "/ordering/b2b/v2/catalogItems/%s", t->type);
	o = json_pack("{s:s, s:s, s:s*, s:s*, s:s, s:i, s:s, s:o, s:{s:s}, s:o, s:{s:{s:s}}}",
	    "id", t->type, "name", t->title, "nameFr", t->title_fr,
	    "description", t->description, "category", t->category,
	    "leadDays", t->lead_days,
	    "leadUnit", t->lead_unit == LEAD_WORKING ? "working" : "calendar",
	    "markets", markets,
	    "catalog", "type", t->customized ? "customized" : "standard",
	    "schema", catalog_schema(t),
	    "_links", "self", "href", self);
	return o;
}

int
catalog_may_use(struct store *st, const struct principal *who,
    const struct rtype *t)
{
	struct rows	*s;
	int		 rc;

	if (t == NULL)
		return 0;
	/* The type's rules (customized catalog, markets) against every
	 * customer of the caller's scope, in one query. */
	if ((s = store_query(st, ST_TYPE_ALLOWED, "ississ", SCOPE_ARGS(who),
	    t->customized, t->type, t->markets_json)) == NULL)
		return -1;
	rc = store_row(s);
	store_done(s);
	return rc;
}

json_t *
catalog_items(struct store *st, const struct principal *who)
{
	json_t			*items = json_array();
	const struct rtype	*t;
	size_t			 i;
	int			 ok;

	for (i = 0; items != NULL && (t = catalog_at(i)) != NULL; i++) {
		if ((ok = catalog_may_use(st, who, t)) < 0) {
			json_decref(items);
			return NULL;
		}
		if (ok)
			json_array_append_new(items, catalog_item(t));
	}
	return items;
}
