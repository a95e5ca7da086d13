/*
 * jschema.c — the JSON Schema subset of jschema.h: a schema is checked
 * once when loaded (known keywords, compilable patterns, resolvable
 * references), then documents are walked against it, every problem
 * reported with the path where it is.
 */
#include <math.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jschema.h"
#include "util.h"

#define MAX_PATTERNS	64
#define MAX_DEPTH	64

struct jschema {
	json_t		*root;
	struct {
		const json_t	*node;	/* the "pattern" string, borrowed from root */
		regex_t		 re;
	}		 pat[MAX_PATTERNS];
	size_t		 npat;
};

/* Keywords that validate, and those that only annotate. */
static const char *const checked[] = {
	"type", "enum", "const", "properties", "required", "additionalProperties",
	"propertyNames", "minProperties", "items", "minItems", "maxItems",
	"uniqueItems", "minLength", "maxLength", "pattern", "minimum", "maximum",
	"allOf", "anyOf", "$ref",
};
static const char *const annotations[] = {
	"$schema", "$id", "$comment", "$defs", "title", "description", "default",
	"examples",
};

static int
in_list(const char *key, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(key, list[i]) == 0)
			return 1;
	return 0;
}

#define IN(key, list) in_list(key, list, sizeof(list) / sizeof(list[0]))

/* The schema a "$ref" names, or NULL. */
static const json_t *
resolve(const struct jschema *s, const char *ref)
{
	if (ref == NULL)
		return NULL;
	if (strcmp(ref, "#") == 0)
		return s->root;
	if (strncmp(ref, "#/$defs/", 8) != 0)
		return NULL;
	return json_object_get(json_object_get(s->root, "$defs"), ref + 8);
}

/* Check one schema node and what it holds; 0, or -1 with err set. */
static int
check_node(struct jschema *s, const json_t *n, int depth, char *err, size_t errlen)
{
	const char	*key;
	json_t		*v, *sub;
	size_t		 i;

	if (json_is_boolean(n))
		return 0;
	if (!json_is_object(n) || depth > MAX_DEPTH) {
		snprintf(err, errlen, "a schema must be an object or a boolean");
		return -1;
	}
	json_object_foreach((json_t *)n, key, v) {
		if (!IN(key, checked) && !IN(key, annotations)) {
			snprintf(err, errlen, "keyword \"%s\" is not supported", key);
			return -1;
		}
		if (strcmp(key, "$ref") == 0 && resolve(s, json_string_value(v)) == NULL) {
			snprintf(err, errlen, "\"$ref\" %s does not resolve", json_string_value(v) ?
			    json_string_value(v) : "(not a string)");
			return -1;
		}
		if (strcmp(key, "pattern") == 0) {
			if (!json_is_string(v) || s->npat == MAX_PATTERNS ||
			    regcomp(&s->pat[s->npat].re, json_string_value(v),
			    REG_EXTENDED | REG_NOSUB) != 0) {
				snprintf(err, errlen, "pattern %s does not compile",
				    json_string_value(v) ? json_string_value(v) : "?");
				return -1;
			}
			s->pat[s->npat++].node = v;
		}
		if ((strcmp(key, "properties") == 0 || strcmp(key, "$defs") == 0) &&
		    json_is_object(v)) {
			const char	*name;

			json_object_foreach(v, name, sub)
				if (check_node(s, sub, depth + 1, err, errlen) < 0)
					return -1;
		}
		if ((strcmp(key, "allOf") == 0 || strcmp(key, "anyOf") == 0) &&
		    json_is_array(v))
			json_array_foreach(v, i, sub)
				if (check_node(s, sub, depth + 1, err, errlen) < 0)
					return -1;
		if ((strcmp(key, "items") == 0 || strcmp(key, "additionalProperties") == 0 ||
		    strcmp(key, "propertyNames") == 0) &&
		    check_node(s, v, depth + 1, err, errlen) < 0)
			return -1;
	}
	return 0;
}

struct jschema *
jschema_new(const char *text, char *err, size_t errlen)
{
	struct jschema	*s;
	json_error_t	 jerr;

	if ((s = calloc(1, sizeof(*s))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if ((s->root = json_loads(text, JSON_REJECT_DUPLICATES, &jerr)) == NULL) {
		snprintf(err, errlen, "line %d: %s", jerr.line, jerr.text);
		jschema_free(s);
		return NULL;
	}
	if (check_node(s, s->root, 0, err, errlen) < 0) {
		jschema_free(s);
		return NULL;
	}
	return s;
}

void
jschema_free(struct jschema *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->npat; i++)
		regfree(&s->pat[i].re);
	json_decref(s->root);
	free(s);
}

/* ---- validation ---- */

struct walk {
	const struct jschema	*s;
	jschema_report_fn	 report;
	void			*ctx;
	int			 n;		/* problems reported */
	int			 quiet;		/* inside anyOf: count, do not report */
	int			 oom;
};

static void
problem(struct walk *w, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
problem(struct walk *w, const char *where, const char *fmt, ...)
{
	char	why[512];
	va_list	ap;

	w->n++;
	if (w->quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	w->report(w->ctx, where, why);
}

static const char *
json_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "object";
	case JSON_ARRAY: return "array";
	case JSON_STRING: return "string";
	case JSON_INTEGER: return "integer";
	case JSON_REAL: return "number";
	case JSON_TRUE: case JSON_FALSE: return "boolean";
	default: return "null";
	}
}

static int
is_type(const json_t *v, const char *t)
{
	if (strcmp(t, "integer") == 0)
		return json_is_integer(v) || (json_is_real(v) &&
		    json_real_value(v) == floor(json_real_value(v)));
	if (strcmp(t, "number") == 0)
		return json_is_number(v);
	return strcmp(t, json_type_name(v)) == 0;
}

/* "a string", "a string or an object" */
static void
type_words(const json_t *t, struct buf *b)
{
	size_t	 i, n = json_is_array(t) ? json_array_size(t) : 1;
	const char *name;

	for (i = 0; i < n; i++) {
		name = json_string_value(json_is_array(t) ? json_array_get(t, i) : t);
		buf_printf(b, "%s%s %s", i == 0 ? "" : i + 1 == n ? " or " : ", ",
		    name && (name[0] == 'a' || name[0] == 'i' || name[0] == 'o') ? "an" : "a",
		    name ? name : "?");
	}
}

/* A value for a message: a string as it is, anything else as JSON. */
static void
value_words(const json_t *v, struct buf *b)
{
	char *text;

	if (json_is_string(v)) {
		buf_puts(b, json_string_value(v));
		return;
	}
	if ((text = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT)) != NULL) {
		buf_puts(b, text);
		free(text);
	}
}

static void walk(struct walk *w, const json_t *sch, const json_t *v, const char *where, int depth);

static void
child_path(char *out, size_t len, const char *where, const char *key)
{
	snprintf(out, len, "%s%s%s", where, *where ? "." : "", key);
}

static void
walk_object(struct walk *w, const json_t *sch, const json_t *v, const char *where, int depth)
{
	const json_t	*props = json_object_get(sch, "properties"), *extra, *req, *k;
	const char	*key, *name, *hint;
	json_t		*val, *p;
	char		 path[512];
	size_t		 i, best;

	extra = json_object_get(sch, "additionalProperties");
	json_object_foreach((json_t *)v, key, val) {
		child_path(path, sizeof(path), where, key);
		if ((p = json_object_get(props, key)) != NULL) {
			walk(w, p, val, path, depth + 1);
			continue;
		}
		if (json_is_false(extra)) {
			hint = NULL;
			best = 3;
			json_object_foreach((json_t *)props, name, p)
				if (edit_distance(key, name) < best) {
					best = edit_distance(key, name);
					hint = name;
				}
			if (hint != NULL)
				problem(w, path, "unknown key (did you mean \"%s\"?)", hint);
			else
				problem(w, path, "unknown key");
		} else if (extra != NULL)
			walk(w, extra, val, path, depth + 1);
		if ((k = json_object_get(sch, "propertyNames")) != NULL) {
			json_t *name_v = json_string(key);
			walk(w, k, name_v, path, depth + 1);
			json_decref(name_v);
		}
	}
	if ((req = json_object_get(sch, "required")) != NULL)
		json_array_foreach(req, i, p)
			if (json_object_get(v, json_string_value(p)) == NULL) {
				child_path(path, sizeof(path), where, json_string_value(p));
				problem(w, path, "is required");
			}
	if ((k = json_object_get(sch, "minProperties")) != NULL &&
	    (json_int_t)json_object_size(v) < json_integer_value(k))
		problem(w, where, "must have at least %lld key%s",
		    (long long)json_integer_value(k), json_integer_value(k) > 1 ? "s" : "");
}

static void
walk_array(struct walk *w, const json_t *sch, const json_t *v, const char *where, int depth)
{
	const json_t	*items = json_object_get(sch, "items"), *k;
	json_t		*e;
	char		 path[512];
	size_t		 i, j, n = json_array_size(v);

	if (items != NULL)
		json_array_foreach(v, i, e) {
			snprintf(path, sizeof(path), "%s[%zu]", where, i);
			walk(w, items, e, path, depth + 1);
		}
	if ((k = json_object_get(sch, "minItems")) != NULL && (json_int_t)n < json_integer_value(k))
		problem(w, where, "must have at least %lld element%s",
		    (long long)json_integer_value(k), json_integer_value(k) > 1 ? "s" : "");
	if ((k = json_object_get(sch, "maxItems")) != NULL && (json_int_t)n > json_integer_value(k))
		problem(w, where, "must have at most %lld elements", (long long)json_integer_value(k));
	if (json_is_true(json_object_get(sch, "uniqueItems")))
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				if (json_equal(json_array_get(v, i), json_array_get(v, j))) {
					snprintf(path, sizeof(path), "%s[%zu]", where, j);
					problem(w, path, "repeats element %zu", i);
				}
}

static void
walk_string(struct walk *w, const json_t *sch, const json_t *v, const char *where)
{
	const json_t	*k;
	size_t		 len = utf8_chars(json_string_value(v), json_string_length(v)), i;

	if ((k = json_object_get(sch, "minLength")) != NULL && (json_int_t)len < json_integer_value(k))
		problem(w, where, json_integer_value(k) == 1 ? "must not be empty" :
		    "must be at least %lld characters", (long long)json_integer_value(k));
	if ((k = json_object_get(sch, "maxLength")) != NULL && (json_int_t)len > json_integer_value(k))
		problem(w, where, "must be at most %lld characters", (long long)json_integer_value(k));
	if ((k = json_object_get(sch, "pattern")) == NULL)
		return;
	for (i = 0; i < w->s->npat; i++)
		if (w->s->pat[i].node == k)
			break;
	if (i < w->s->npat && (strlen(json_string_value(v)) != json_string_length(v) ||
	    regexec(&w->s->pat[i].re, json_string_value(v), 0, NULL, 0) != 0))
		problem(w, where, "must match %s", json_string_value(k));
}

static void
walk(struct walk *w, const json_t *sch, const json_t *v, const char *where, int depth)
{
	const json_t	*k, *t;
	json_t		*e;
	struct buf	 b = { 0 };
	size_t		 i;
	int		 ok, before;

	if (json_is_true(sch) || sch == NULL)
		return;
	if (json_is_false(sch) || depth > MAX_DEPTH) {
		problem(w, where, "is not allowed here");
		return;
	}
	if ((k = json_object_get(sch, "$ref")) != NULL)
		walk(w, resolve(w->s, json_string_value(k)), v, where, depth + 1);
	if ((t = json_object_get(sch, "type")) != NULL) {
		ok = 0;
		if (json_is_array(t)) {
			json_array_foreach(t, i, e)
				ok |= is_type(v, json_string_value(e));
		} else
			ok = is_type(v, json_string_value(t));
		if (!ok) {
			buf_puts(&b, "must be ");
			type_words(t, &b);
			problem(w, where, "%s", b.data);
			buf_free(&b);
			return;		/* the rest would only repeat it */
		}
	}
	if ((k = json_object_get(sch, "const")) != NULL && !json_equal(k, v)) {
		buf_puts(&b, "must be ");
		value_words(k, &b);
		problem(w, where, "%s", b.data);
		buf_free(&b);
	}
	if ((k = json_object_get(sch, "enum")) != NULL) {
		ok = 0;
		json_array_foreach(k, i, e)
			ok |= json_equal(e, v);
		if (!ok) {
			buf_puts(&b, "must be one of ");
			json_array_foreach(k, i, e) {
				if (i > 0)
					buf_puts(&b, ", ");
				value_words(e, &b);
			}
			problem(w, where, "%s", b.data);
			buf_free(&b);
		}
	}
	if (json_is_object(v))
		walk_object(w, sch, v, where, depth);
	else if (json_is_array(v))
		walk_array(w, sch, v, where, depth);
	else if (json_is_string(v))
		walk_string(w, sch, v, where);
	if (json_is_number(v)) {
		if ((k = json_object_get(sch, "minimum")) != NULL &&
		    json_number_value(v) < json_number_value(k))
			problem(w, where, "must be at least %g", json_number_value(k));
		if ((k = json_object_get(sch, "maximum")) != NULL &&
		    json_number_value(v) > json_number_value(k))
			problem(w, where, "must be at most %g", json_number_value(k));
	}
	if ((k = json_object_get(sch, "allOf")) != NULL)
		json_array_foreach(k, i, e)
			walk(w, e, v, where, depth + 1);
	if ((k = json_object_get(sch, "anyOf")) != NULL) {
		ok = 0;
		json_array_foreach(k, i, e) {
			before = w->n;
			w->quiet++;
			walk(w, e, v, where, depth + 1);
			w->quiet--;
			ok |= w->n == before;
			w->n = before;
		}
		if (!ok)
			problem(w, where, "does not have any of the allowed forms");
	}
}

int
jschema_validate(const struct jschema *s, const json_t *doc,
    jschema_report_fn report, void *ctx)
{
	struct walk	w = { s, report, ctx, 0, 0, 0 };

	walk(&w, s->root, doc, "", 0);
	return w.oom ? -1 : w.n;
}
