/*
 * ops.c — the operational routes: /healthz (the process and the
 * database answer) and /ping (the process alone: the transport ceiling
 * of the benchmark).
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "autoconf.h"
#include "http.h"
#include "log.h"
#include "ops.h"
#include "reply.h"
#include "store.h"

int
page_healthz(struct req *r)
{
	json_t	*j;
	int	 ok;

	ok = r->store != NULL && store_ping(r->store) == 0;
	if (!ok)
		log_warn("healthz: the database cannot be used");
	j = json_pack("{s:s, s:s, s:s}", "status", ok ? "ok" : "error",
	    "database", ok ? "ok" : "unavailable", "version", PACKAGE_VERSION);
	if (j == NULL)
		return -1;
	return resp_json_new(r, ok ? 200 : 503, j);
}

int
page_ping(struct req *r)
{
	static const char pong[] = "pong\n";
	char		 pad[4096];
	long long	 bytes, left;
	size_t		 n, i;

	if (req_query_int(r, "bytes", -1, 0, PING_BYTES_MAX, &bytes) < 0) {
		snprintf(pad, sizeof(pad), "'bytes' must be a whole number from 0 "
		    "to %d.", PING_BYTES_MAX);
		return reply_error(r, HERR_BAD_QUERY, pad);
	}
	if (resp_start(r, 200, "text/plain; charset=utf-8") < 0)
		return -1;
	if (bytes < 0)
		return resp_puts(r, pong);
	/* "pong\n" cut to `bytes`, then lines of dots up to `bytes` in all */
	n = (size_t)bytes < sizeof(pong) - 1 ? (size_t)bytes : sizeof(pong) - 1;
	if (resp_write(r, pong, n) < 0)
		return -1;
	memset(pad, '.', sizeof(pad));
	for (i = 63; i < sizeof(pad); i += 64)
		pad[i] = '\n';
	for (left = bytes - (long long)n; left > 0; left -= (long long)n) {
		n = left < (long long)sizeof(pad) ? (size_t)left : sizeof(pad);
		if (resp_write(r, pad, n) < 0)
			return -1;
	}
	return 0;
}
