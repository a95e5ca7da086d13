/*
 * jschema.h — a JSON Schema (draft 2020-12) validator for the subset of
 * the vocabulary that conf/catalog.schema.json uses: what the catalog
 * loader checks every catalog file against.
 *
 * Keywords checked: type, enum, const, properties, required,
 * additionalProperties (false or a schema), propertyNames, minProperties,
 * items, minItems, maxItems, uniqueItems, minLength, maxLength (in
 * characters), pattern (POSIX extended regular expression: a schema must
 * keep to what ECMA-262 reads the same way), minimum, maximum, allOf,
 * anyOf, $ref (to "#" or "#/$defs/NAME").  Annotations ($schema, $id,
 * $comment, $defs, title, description, default, examples) are read and
 * ignored.  A schema using any other keyword is refused when loaded, so
 * that nothing in it can go unchecked.
 *
 * A loaded schema is read-only and may be shared by threads.  Never
 * writes to the network; reports through the caller's function.
 *
 * Owns: a loaded schema (its patterns compiled once) and the walk that
 * checks a document.  Calls: util.  Never: changes the document it
 * checks, or goes deeper than MAX_DEPTH.
 */
#ifndef REQDESK_JSCHEMA_H
#define REQDESK_JSCHEMA_H

#include <stddef.h>

#include <jansson.h>

struct jschema;

/* Parse and check a schema from its text.  Owned (jschema_free), or NULL
 * with the reason in err. */
struct jschema *jschema_new(const char *text, char *err, size_t errlen);
void jschema_free(struct jschema *s);		/* accepts NULL */

/* Called for each problem: where ("fields[3].label", "" for the whole
 * document) and why ("unknown key", "must be a string"). */
typedef void (*jschema_report_fn)(void *ctx, const char *where, const char *why);

/* Validate `doc` (borrowed).  Returns the number of problems reported
 * (0: valid), or -1 on ENOMEM. */
int  jschema_validate(const struct jschema *s, const json_t *doc,
	jschema_report_fn report, void *ctx);

#endif
