/*
 * request_view.h — the properties of an Orange-style request as people
 * read them: each property by its label and each value in words (an enum
 * value by its label, true/false as yes/no), grouped as the form groups
 * them, the service point by its name and references; in the page's or
 * the mail's language.  Used by the request page, the CSV export and the
 * mails, so that all three say the same.
 *
 * Owns: nothing beyond the view it builds.  Calls: catalog (labels),
 * store (the service point's words), tpl, i18n, util.  Never: writes a
 * row, or words a property otherwise than its catalog declaration does.
 */
#ifndef REQDESK_REQUEST_VIEW_H
#define REQDESK_REQUEST_VIEW_H

#include <stddef.h>

#include <jansson.h>

#include "catalog.h"

struct store;
struct tpl_dict;

/* A service point in words. */
struct sp_words {
	char	id[65], name[201], reference[201], customer_reference[201];
	int	found;
};

/* The service point `sp_id` (0, found or not), or that of request
 * `request_id` (when sp_id is NULL).  -1 on a storage error. */
int  sp_words_load(struct store *st, const char *sp_id, const char *request_id,
	struct sp_words *out);

/* "FDJ Paris 01 (SP-FDJ-0001, reference BVPN-FDJ-0001, customer reference
 * FDJ-PARIS-01)" into out. */
void sp_words_text(const struct sp_words *sp, const char *lang, char *out, size_t len);

struct view_row {
	const char	*path;		/* the field's path, or "servicePoint" */
	const char	*label;		/* the field's label (or the path, undeclared) */
	char		*value;		/* owned */
	char		*own;		/* owned path of an undeclared property, or NULL */
};

struct view_group {
	const char	*label;		/* borrowed */
	struct view_row	*rows;
	size_t		 n, cap;
};

struct request_view {
	struct view_group	*groups;
	size_t			 n, cap;
};

/*
 * Build the view of `props` (the stored properties, borrowed) of a
 * request of type `t` (NULL: the type has left the catalog; every
 * property is then shown by its path) with service point `sp` (may be
 * NULL or not found: the one-of fields are then shown as they were
 * given).  0, or -1 on ENOMEM (out freed).
 */
int  request_view_build(const struct rtype *t, const json_t *props,
	const struct sp_words *sp, const char *lang, struct request_view *out);
void request_view_free(struct request_view *v);

/* Add the view to d: repeated PROP_GROUP (GROUP_LABEL) holding repeated
 * PROP (PROP_LABEL, PROP_VALUE, PROP_PATH). */
void request_view_tpl(const struct request_view *v, struct tpl_dict *d);

/* A boolean in words in lang: "Yes" / "No" ("Oui", "Non"; "Ja", "Nej"). */
const char *words_boolean(int v, const char *lang);

/* "Service point" in lang. */
const char *words_service_point(const char *lang);

/* The label of the default group ("Properties", "Propriétés", "Egenskaber"). */
const char *words_properties(const char *lang);

#endif
