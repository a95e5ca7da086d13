/*
 * util.h — small helpers shared by every module: growable buffers,
 * random identifiers, time stamps, strings.
 *
 * Owns: nothing but what it is handed (a struct buf is its caller's).
 * Calls: libsodium (random bytes) and the C library only.  Never: calls
 * another module of the desk, or keeps state.
 */
#ifndef REQDESK_UTIL_H
#define REQDESK_UTIL_H

#include <stddef.h>
#include <time.h>

/* A growable byte buffer; always NUL-terminated when len > 0. */
struct buf {
	char	*data;
	size_t	 len, cap;
};

int  buf_append(struct buf *b, const char *s, size_t n);	/* 0, -1 ENOMEM */
int  buf_puts(struct buf *b, const char *s);
int  buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_free(struct buf *b);					/* accepts zeroed */

/* Fill `out` (2n+1 bytes) with n random bytes as lowercase hex. 0 or -1. */
int  random_hex(char *out, size_t n);

/* A new 24-hex object id (TelecomX-style): a millisecond clock (12 hex
 * digits) then 48 random bits, so that ids grow with time and new rows
 * append to the id indexes.  out must hold 25 bytes. */
int  new_object_id(char out[25]);

/* Current time as ISO 8601 UTC with milliseconds, "2026-01-02T03:04:05.678Z". */
void now_iso(char out[32]);

/* Seconds since the epoch (one place to change the clock). */
time_t now_epoch(void);

/* True if s is exactly `n` lowercase hexadecimal characters. */
int  is_hex(const char *s, size_t n);

/*
 * Room for one more element in an array `v` of `n` used elements of
 * `size` bytes and *cap allocated (0 at first: `first` are allocated):
 * returns the array, grown to twice its capacity when full, or NULL when
 * memory runs out or the size would overflow; `v` is then unchanged and
 * still the caller's.
 */
void *array_room(void *v, size_t n, size_t *cap, size_t size, size_t first);

/* Characters (code points, as JSON Schema counts) in the n bytes of a
 * UTF-8 string (a JSON string may hold a NUL). */
size_t utf8_chars(const char *s, size_t n);

/* Length in bytes of the longest prefix of `s` that is valid UTF-8 as
 * JSON wants it: no overlong form, no surrogate, nothing past U+10FFFF.
 * The desk's one UTF-8 validator: s is valid when this is strlen(s). */
size_t utf8_valid_len(const char *s);

/* The same over the `len` bytes at `s` (a NUL among them is a valid
 * character): valid when this is `len`. */
size_t utf8_valid_prefix(const char *s, size_t len);

#define MAIL_ADDRESS_MAX 254

/* Is `addr` one plain e-mail address, without CR, LF, comma or angle
 * brackets?  1 or 0. */
int  mail_address_valid(const char *addr);

/* strdup that aborts the caller's work cleanly: NULL in, NULL out. */
char *xstrdup(const char *s);

/* The Levenshtein distance of two names (in bytes), for "did you mean"
 * hints; (size_t)-1 when either is EDIT_NAME_MAX bytes or longer, so
 * that a long name costs nothing (a request may send one of a megabyte). */
#define EDIT_NAME_MAX	128
size_t edit_distance(const char *a, const char *b);

#endif
