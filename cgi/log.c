/*
 * log.c — sanitised, request-tagged log lines on stderr.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static _Thread_local char request_id[40];

void
log_set_request(const char *id)
{
	if (id == NULL)
		id = "";
	snprintf(request_id, sizeof(request_id), "%s", id);
}

/* Format, sanitise and write one line with a single write(2). */
static void
log_line(const char *level, const char *fmt, va_list ap)
{
	char		 msg[1024], line[1200];
	struct tm	 tm;
	time_t		 now = time(NULL);
	size_t		 i;
	int		 n;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	for (i = 0; msg[i] != '\0'; i++)
		if ((unsigned char)msg[i] < 0x20 || msg[i] == 0x7f)
			msg[i] = '?';
	gmtime_r(&now, &tm);
	n = snprintf(line, sizeof(line),
	    "%04d-%02d-%02dT%02d:%02d:%02dZ reqdesk[%ld] %s%s%s%s: %s\n",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, (long)getpid(),
	    request_id[0] ? "req=" : "", request_id, request_id[0] ? " " : "",
	    level, msg);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line)) {
		n = sizeof(line) - 1;
		line[n - 1] = '\n';
	}
	/* A failed log write has nowhere to be reported. */
	if (write(STDERR_FILENO, line, (size_t)n) < 0)
		return;
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("info", fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("warning", fmt, ap);
	va_end(ap);
}

void
log_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("error", fmt, ap);
	va_end(ap);
}
