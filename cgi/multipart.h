/*
 * multipart.h — a multipart/form-data body (RFC 7578) split into its
 * parts: the forms of the desk that carry a file.
 *
 * Why a parser of our own: Debian's candidates (GMime, kcgi) bring a
 * whole MIME or CGI framework (GLib with its abort-on-failure allocator,
 * or a second request model) for the one job of cutting a buffer at a
 * boundary and reading two header fields.  This one reads a body already
 * in memory (bounded by the route's cap), copies nothing but names, and
 * is tested by examples (tests/unit/check_multipart.c) and fuzzed.
 *
 * Owns: the parsing.  Calls only the C library and util.
 */
#ifndef REQDESK_MULTIPART_H
#define REQDESK_MULTIPART_H

#include <stddef.h>

#define MULTIPART_PARTS_MAX	64	/* parts read; more is an error */
#define MULTIPART_HEADERS_MAX	4096	/* bytes of one part's header block */
#define MULTIPART_NAME_MAX	255	/* bytes of a field name or file name */

/* One part.  `data` points into the parsed body (not a copy, not NUL
 * terminated); the strings are owned by the part. */
struct mpart {
	char		*name;		/* the form field's name */
	char		*filename;	/* NULL unless the part is a file */
	char		*type;		/* its Content-Type, or NULL */
	const char	*data;
	size_t		 len;
};

struct mparts {
	struct mpart	*v;
	size_t		 n, cap;
};

enum multipart_result {
	MP_OK,
	MP_NO_BOUNDARY,		/* Content-Type without a usable boundary */
	MP_MALFORMED,		/* no first boundary, no end, a bad header block */
	MP_TOO_MANY,		/* over MULTIPART_PARTS_MAX parts */
	MP_NOMEM,
};

/*
 * Split `body` (`len` bytes) sent with Content-Type `ctype` into *out
 * (appended; free with mparts_free() in every case).  A part without a
 * name is skipped; file names lose any directory part a browser may send
 * ("C:\dir\a.pdf" -> "a.pdf") and their control characters.
 */
enum multipart_result multipart_parse(const char *ctype, const char *body,
	size_t len, struct mparts *out);

void mparts_free(struct mparts *p);

#endif
