/*
 * filetype.h — what a file sent to the desk is, read from its content
 * (libmagic, the library of file(1)), never from its name: the kinds of
 * files people may attach to a request.
 *
 * Owns: the list of accepted kinds and their words.  Calls: libmagic,
 * i18n (a kind in words), log, util; safe from any thread (one handle,
 * used under a lock).  Never: trusts a file's name or its declared
 * type.
 */
#ifndef REQDESK_FILETYPE_H
#define REQDESK_FILETYPE_H

#include <stddef.h>

struct filetype {
	const char	*mime;		/* "application/pdf" */
	const char	*ext;		/* "pdf": the name a download gets */
};

/*
 * The kind of the `len` bytes at `data` if it is one that may be
 * attached (PDF, PNG, JPEG, CSV, plain text; text must be UTF-8 or
 * ASCII), else NULL; `declared` (the type or name the sender gave, may
 * be NULL) tells CSV from plain text, nothing else.  *err is set to 1
 * when the content could not be read at all (libmagic missing its
 * database), 0 otherwise.
 */
const struct filetype *filetype_of(const void *data, size_t len,
	const char *declared, int *err);

/* The accepted kinds, for messages: "PDF, PNG, JPEG, CSV, text". */
extern const char filetype_names[];

/* A stored kind in words in `lang` ("PDF document", "PNG image");
 * borrowed. */
const char *filetype_words(const char *lang, const char *mime);

#endif
