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

/* The largest answer GET /ping?bytes=N makes (a page of the desk is
 * tens of kilobytes; the bound keeps one request's work small). */
#define PING_BYTES_MAX		1048576

/* GET /ping: the process answers, touching nothing else (the transport
 * ceiling of the benchmark; /healthz also checks the database).
 * ?bytes=N: an answer of exactly N bytes ("pong\n", then lines of dots),
 * the same-size ceiling of a scenario; 400 unless 0 <= N <=
 * PING_BYTES_MAX. */
int  page_ping(struct req *r);

#endif
