/*
 * ops.c — the operational routes: /healthz (the process and the
 * database answer) and /ping (the process alone: the transport ceiling
 * of the benchmark).
 */
#include <jansson.h>

#include "autoconf.h"
#include "http.h"
#include "log.h"
#include "ops.h"
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
	if (resp_start(r, 200, "text/plain; charset=utf-8") < 0)
		return -1;
	return resp_puts(r, "pong\n");
}
