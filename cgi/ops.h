/*
 * ops.h — /healthz and /ping.
 *
 * Owns: the two probes' answers.  Calls: store (the database's ping),
 * http, log.  Never: reads a credential (RF_ANON, RF_NODB), or more
 * than one row.
 */
#ifndef REQDESK_OPS_H
#define REQDESK_OPS_H

#include "http.h"

/* GET /healthz: 200 {"status": "ok", ...}, or 503 when the database
 * cannot be used. */
int  page_healthz(struct req *r);

/* GET /ping: the process answers, touching nothing else (the transport
 * ceiling of the benchmark; /healthz also checks the database). */
int  page_ping(struct req *r);

#endif
