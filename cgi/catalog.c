/*
 * catalog.c — loading request-type declarations, validating properties
 * against them, and deriving their JSON Schema.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "catalog.h"
#include "store.h"
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

static struct rtype	*types[MAX_TYPES];
static size_t		 ntypes;

/* ---- loading ---- */

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
		free(f->profiles);
		if (f->has_re)
			regfree(&f->re);
	}
	free(t->fields);
	free(t->markets);
	free(t->markets_json);
	json_decref(t->decl);
	free(t->file);
	free(t);
}

/* Borrowed strings of a JSON array of strings; -1 if not such an array. */
static int
string_array(const json_t *a, const char ***out, size_t *n)
{
	size_t i;

	*out = NULL;
	*n = 0;
	if (a == NULL)
		return 0;
	if (!json_is_array(a))
		return -1;
	if ((*out = calloc(json_array_size(a) + 1, sizeof(char *))) == NULL)
		return -1;
	for (i = 0; i < json_array_size(a); i++) {
		if (!json_is_string(json_array_get(a, i)))
			return -1;
		(*out)[i] = json_string_value(json_array_get(a, i));
	}
	*n = i;
	return 0;
}

static const char *
opt_str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* Fill f from its declaration.  NULL, or the reason it is wrong. */
static const char *
field_load(struct field *f, const json_t *d)
{
	static const char *const tnames[] = { "string", "boolean", "integer", "number" };
	const char	*s, *p, *dot;
	size_t		 i;

	if (!json_is_object(d) || (f->path = opt_str(d, "path")) == NULL)
		return "a field has no \"path\"";
	for (p = f->path; ; p = dot + 1) {
		dot = strchr(p, '.');
		if (f->nparts == sizeof(f->parts) / sizeof(f->parts[0]))
			return "path too deep";
		if ((dot ? (size_t)(dot - p) : strlen(p)) == 0)
			return "empty path segment";
		f->parts[f->nparts++] = dot ? strndup(p, (size_t)(dot - p)) : strdup(p);
		if (dot == NULL)
			break;
	}
	s = opt_str(d, "type");
	for (i = 0; s != NULL && i < 4; i++)
		if (strcmp(s, tnames[i]) == 0)
			break;
	if (s == NULL || i == 4)
		return "\"type\" must be string, boolean, integer or number";
	f->type = (enum ftype)i;
	f->required = json_is_true(json_object_get(d, "required"));
	f->one_of = opt_str(d, "oneOf");
	f->resolve = opt_str(d, "resolve");
	if (f->resolve != NULL && strcmp(f->resolve, "id") != 0 &&
	    strcmp(f->resolve, "reference") != 0 &&
	    strcmp(f->resolve, "customerReference") != 0)
		return "\"resolve\" must be id, reference or customerReference";
	f->def = json_object_get(d, "default");
	f->label = opt_str(d, "label");
	f->label_fr = opt_str(d, "labelFr");
	f->help = opt_str(d, "help");
	if (f->label == NULL)
		f->label = f->path;
	if (string_array(json_object_get(d, "enum"), &f->enumv, &f->nenum) < 0 ||
	    string_array(json_object_get(d, "profiles"), &f->profiles, &f->nprofiles) < 0)
		return "\"enum\" and \"profiles\" must be arrays of strings";
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
		} else if (strcmp(s, "date") == 0)
			f->format = FF_DATE;
		else
			return "\"format\" must be email, phone or date";
	}
	if (f->pattern != NULL) {
		if (regcomp(&f->re, f->pattern, REG_EXTENDED | REG_NOSUB) != 0)
			return "\"pattern\" is not a valid regular expression";
		f->has_re = 1;
	}
	return NULL;
}

/* Load one declaration file; the new type, or NULL after printing why. */
static struct rtype *
rtype_load(const char *file)
{
	struct rtype	*t;
	json_error_t	 jerr;
	const json_t	*fields;
	const char	*why = NULL;
	size_t		 i;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->file = strdup(file);
	if ((t->decl = json_load_file(file, JSON_REJECT_DUPLICATES, &jerr)) == NULL) {
		fprintf(stderr, "reqdesk: %s:%d: %s\n", file, jerr.line, jerr.text);
		rtype_free(t);
		return NULL;
	}
	t->type = opt_str(t->decl, "type");
	t->title = opt_str(t->decl, "title");
	t->title_fr = opt_str(t->decl, "titleFr");
	t->description = opt_str(t->decl, "description");
	t->category = opt_str(t->decl, "category");
	t->lead_days = (int)json_integer_value(json_object_get(t->decl, "leadDays"));
	t->lead_unit = json_is_string(json_object_get(t->decl, "leadUnit")) &&
	    strcmp(opt_str(t->decl, "leadUnit"), "working") == 0 ? LEAD_WORKING : LEAD_CALENDAR;
	t->customized = json_is_string(json_object_get(t->decl, "catalog")) &&
	    strcmp(opt_str(t->decl, "catalog"), "customized") == 0;
	t->profile_field = opt_str(t->decl, "profileField");
	fields = json_object_get(t->decl, "fields");
	if (t->type == NULL || t->title == NULL || t->category == NULL)
		why = "\"type\", \"title\" and \"category\" are required";
	else if (strcmp(t->category, "NEW") && strcmp(t->category, "CHANGE") &&
	    strcmp(t->category, "DISCONNECT"))
		why = "\"category\" must be NEW, CHANGE or DISCONNECT";
	else if (t->lead_days < 0 || t->lead_days > 365)
		why = "\"leadDays\" must be between 0 and 365";
	else if (json_object_get(t->decl, "leadUnit") != NULL &&
	    (!json_is_string(json_object_get(t->decl, "leadUnit")) ||
	    (strcmp(opt_str(t->decl, "leadUnit"), "calendar") != 0 &&
	    strcmp(opt_str(t->decl, "leadUnit"), "working") != 0)))
		why = "\"leadUnit\" must be calendar or working";
	else if (string_array(json_object_get(t->decl, "markets"), &t->markets, &t->nmarkets) < 0)
		why = "\"markets\" must be an array of strings";
	else if (!json_is_array(fields) || json_array_size(fields) == 0)
		why = "\"fields\" must be a non-empty array";
	else if ((t->fields = calloc(json_array_size(fields), sizeof(*t->fields))) == NULL)
		why = "out of memory";
	for (i = 0; why == NULL && i < json_array_size(fields); i++, t->nfields++)
		why = field_load(&t->fields[i], json_array_get(fields, i));
	if (why == NULL && t->profile_field != NULL &&
	    rtype_field(t, t->profile_field) == NULL)
		why = "\"profileField\" names no field";
	if (why == NULL && t->nmarkets > 0 && (t->markets_json = json_dumps(
	    json_object_get(t->decl, "markets"), JSON_COMPACT)) == NULL)
		why = "out of memory";
	if (why != NULL) {
		fprintf(stderr, "reqdesk: %s: %s\n", file, why);
		rtype_free(t);
		return NULL;
	}
	return t;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
catalog_load(const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	char		*names[MAX_TYPES], path[4096];
	size_t		 n = 0, i, len;
	int		 bad = 0;

	catalog_free();
	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "reqdesk: %s: cannot open the catalog directory\n", dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL && n < MAX_TYPES) {
		len = strlen(e->d_name);
		if (e->d_name[0] != '.' && len > 5 && strcmp(e->d_name + len - 5, ".json") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), name_cmp);
	for (i = 0; i < n; i++) {
		struct rtype *t;
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		free(names[i]);
		if ((t = rtype_load(path)) == NULL) {
			bad = 1;
			continue;
		}
		if (catalog_find(t->type) != NULL) {
			fprintf(stderr, "reqdesk: %s: type %s declared twice\n", path, t->type);
			rtype_free(t);
			bad = 1;
			continue;
		}
		types[ntypes++] = t;
	}
	return bad ? -1 : 0;
}

void
catalog_free(void)
{
	while (ntypes > 0)
		rtype_free(types[--ntypes]);
}

size_t
catalog_count(void)
{
	return ntypes;
}

const struct rtype *
catalog_at(size_t i)
{
	return i < ntypes ? types[i] : NULL;
}

const struct rtype *
catalog_find(const char *type)
{
	size_t i;

	for (i = 0; type != NULL && i < ntypes; i++)
		if (strcmp(types[i]->type, type) == 0)
			return types[i];
	return NULL;
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

/* Levenshtein distance, for "did you mean" hints. */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i, j, prev, cur, tmp;
	size_t	row[128];

	if (lb >= sizeof(row) / sizeof(row[0]))
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			cur = row[j];
			tmp = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < tmp)
				tmp = row[j] + 1;
			if (row[j - 1] + 1 < tmp)
				tmp = row[j - 1] + 1;
			row[j] = tmp;
			prev = cur;
		}
	}
	return row[lb];
}

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
check_value(const struct field *f, const json_t *v, struct problems *pb)
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
		return oproblem(pb, OERR_PROPS_DATE, f->path, f->path, NULL,
		    NULL) < 0 ? -1 : 1;
	if (f->has_re && (regexec(&f->re, s, 0, NULL, 0) != 0 ||
	    (f->format == FF_PHONE && !is_valid_phone_digits(s)))) {
		if (f->format == FF_EMAIL)
			rc = oproblem(pb, OERR_PROPS_EMAIL, f->path, f->path, NULL, NULL);
		else if (f->format == FF_PHONE)
			rc = oproblem(pb, OERR_PROPS_PHONE, f->path, f->path, NULL, NULL);
		else {
			buf_printf(&b, "must match %s", f->pattern);
			rc = oproblem(pb, OERR_PROPS_PATTERN, f->path, f->path,
			    b.data ? b.data : "", NULL);
			buf_free(&b);
		}
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
catalog_validate(const struct rtype *t, const json_t *props,
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
		if ((rc = check_value(f, v, pb)) < 0)
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
