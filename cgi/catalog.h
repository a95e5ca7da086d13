/*
 * catalog.h — request types as data.
 *
 * Every Orange-style request type is one JSON declaration in the catalog
 * directory (conf/catalog/TYPE.json): type, title, category, lead days,
 * markets, standard or customized catalog, and its fields (path, JSON
 * type, required / optional / one-of group, allowed values, default,
 * format, length limits, profile conditions, English and French labels).
 * The validator, the HTML form, the catalogItems JSON Schema and the
 * OpenAPI description are all derived from the declaration; adding a
 * type is adding a file.
 *
 * The catalog is loaded once, before workers start, and is read-only
 * afterwards (shared by every thread).
 *
 * Owns: the loaded catalog (one per process, read-only once loaded),
 * the validator of a type's properties, its JSON Schema and its
 * catalogItems answer, the visibility of a type to a caller.  Calls:
 * jschema (the catalog schema), errors (the problems it reports), store
 * (the markets and customized types of the caller's customers), workday
 * (dates), util.  Never: writes a row, or changes a loaded catalog but
 * by loading a whole new one.
 */
#ifndef REQDESK_CATALOG_H
#define REQDESK_CATALOG_H

#include <regex.h>
#include <stddef.h>

#include <jansson.h>

#include "errors.h"	/* struct problems */
#include "workday.h"	/* enum lead_unit */

enum ftype { FT_STRING, FT_BOOLEAN, FT_INTEGER, FT_NUMBER };
enum fformat { FF_NONE, FF_EMAIL, FF_PHONE, FF_DATE };

/* The languages a catalog text may be declared in ("en", "fr", "da"). */
enum lang_id { LANG_EN, LANG_FR, LANG_DA, LANG__MAX };

/* A text for people in each language it is declared in (borrowed from
 * the declaration; NULL where not declared; English is always there
 * when any is). */
struct ltext {
	const char	*v[LANG__MAX];
};

/* The text in `lang` ("en", "fr", "da"; NULL or unknown: English),
 * falling back to English; NULL when none is declared. */
const char *ltext_get(const struct ltext *t, const char *lang);

/* The text in `lang` exactly, or NULL when not declared in it. */
const char *ltext_in(const struct ltext *t, const char *lang);

/* A group of fields, as the form and the request page show them. */
struct fgroup {
	const char	*id;
	struct ltext	 label, help;
};

struct field {
	const char	*path;		/* "contacts.primary.title" (in decl) */
	char		*parts[8];	/* path split on '.' (owned) */
	size_t		 nparts;
	enum ftype	 type;
	int		 required;
	const char	*one_of;	/* one-of group name, or NULL */
	const char	*resolve;	/* servicePoint key: id, reference, customerReference */
	const char	**enumv;	/* allowed values (owned array, borrowed strings) */
	struct ltext	*enum_labels;	/* their labels, parallel (owned array) */
	size_t		 nenum;
	const json_t	*def;		/* default value, or NULL */
	enum fformat	 format;
	const char	*pattern;	/* regular expression (format or "pattern") */
	regex_t		 re;
	int		 has_re;
	struct ltext	 message;	/* patternMessage: said when pattern or format fails */
	long		 min_len, max_len;	/* -1: none */
	const char	**profiles;	/* only valid for these profiles */
	size_t		 nprofiles;
	struct ltext	 labels, helps;	/* per language */
	const char	*label, *label_fr, *help;	/* English (path when none), French, English help */
	int		 label_fr_original;	/* labelFr: the French label is the type's original term */
	const struct fgroup *group;	/* NULL: the type's default group */
};

struct rtype {
	const char	*type;
	struct ltext	 titles, descriptions;
	const char	*title, *title_fr, *description;	/* English, French, English */
	int		 title_fr_original;	/* titleFr: the French title is the original */
	const char	*category;	/* NEW | CHANGE | DISCONNECT */
	int		 lead_days;
	enum lead_unit	 lead_unit;	/* leadUnit: calendar (default) or working */
	const char	**markets;	/* empty: every market */
	size_t		 nmarkets;
	char		*markets_json;	/* the same as a JSON array, NULL if empty */
	int		 customized;	/* reserved to customers listing it */
	const char	*profile_field;	/* path of the profile field, or NULL */
	struct fgroup	*groups;	/* declared groups (owned array) */
	size_t		 ngroups;
	struct field	*fields;
	size_t		 nfields;
	json_t		*decl;		/* owns every borrowed string above */
	char		*file;
};

/*
 * Load every *.json of `dir` as the catalog, all or nothing: each file is
 * checked against the catalog schema (conf/catalog.schema.json, built
 * in), then for what a schema cannot say (docs/CATALOG.md).  0 when every
 * file is good: the new catalog replaces the one loaded before.  -1 after
 * printing each problem to stderr as "reqdesk: FILE: KEY: REASON" (a bad
 * file stops the start): the catalog loaded before, if any, stays.
 */
int  catalog_load(const char *dir);
void catalog_free(void);

/* The problems of one declaration (JSON text of one catalog file, named
 * `name` in the messages), printed as catalog_load prints them: 0 if it
 * is a good declaration, else the number of problems; -1 on ENOMEM. */
int  catalog_check_text(const char *name, const char *text);

size_t catalog_count(void);
const struct rtype *catalog_at(size_t i);
const struct rtype *catalog_find(const char *type);	/* NULL if unknown */

/* May a customer of `market` use the type?  `has_custom` says whether
 * the customer's customized catalog lists it. */
int  rtype_allowed(const struct rtype *t, const char *market, int has_custom);

/* The field at `path`, or NULL. */
const struct field *rtype_field(const struct rtype *t, const char *path);

/* Is field f relevant for the given profile value (NULL: unknown)? */
int  field_applies(const struct rtype *t, const struct field *f, const char *profile);

/*
 * Validate `props` (borrowed; may be NULL when absent) against the type.
 * Appends OERR_MISSING for missing mandatory fields and the OERR_PROPS_*
 * problems (3620) for invalid values and unknown attributes to `pb`; a
 * field's declared
 * patternMessage is said in `lang` ("en", "fr", "da"; English when it is
 * not declared in it).  *out receives a new object: the properties to
 * store, with defaults filled in and attributes that the profile makes
 * irrelevant dropped.  Returns 0, or -1 on ENOMEM.
 */
int  catalog_validate(const struct rtype *t, const json_t *props, const char *lang,
	struct problems *pb, json_t **out);

struct store;
struct principal;

/* May the caller use type t (for one of the customers in its scope:
 * markets, customized catalog)?  1, 0 (also for NULL), or -1 on a
 * storage error. */
int  catalog_may_use(struct store *st, const struct principal *who,
	const struct rtype *t);

/* The request types the caller may use, as the API's catalogItems (new
 * array), or NULL on error. */
json_t *catalog_items(struct store *st, const struct principal *who);
/* The label of `value` of an enum field in `lang`, else the value. */
const char *field_value_label(const struct field *f, const char *value, const char *lang);

/* A JSON Schema (draft 2020-12) of the type's properties; new reference. */
json_t *catalog_schema(const struct rtype *t);

/* The value at a dotted path of an object, borrowed, or NULL. */
const json_t *json_path_get(const json_t *obj, const char *path);

#endif
