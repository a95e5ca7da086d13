/*
 * log.h — one line per event on stderr: time, pid, request id, level,
 * message.  Non-printable bytes are replaced, so user input cannot forge
 * lines.  Passwords, tokens and keys are never passed here.
 *
 * Owns: the line format and the thread's request id
 * (log_set_request()).  Calls: the C library only.  Never: writes a
 * control byte of a message (each becomes '?'), or a line longer than
 * its buffer.
 */
#ifndef REQDESK_LOG_H
#define REQDESK_LOG_H

/* Set the request id of the calling thread ("" or NULL for none). */
void log_set_request(const char *id);

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
