/*
 * jsonx.h — the one jansson shortcut every module wants: a string
 * member of an object.  Header only (static inline), no state.
 *
 * Owns: nothing.  Calls: jansson only.  Never: allocates.
 */
#ifndef REQDESK_JSONX_H
#define REQDESK_JSONX_H

#include <jansson.h>

/* The string member `key` of `o` (borrowed), or NULL when `o` is not an
 * object, has no such member, or it is not a string. */
static inline const char *
json_str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

#endif
