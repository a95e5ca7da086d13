/*
 * sp_api.h — the Orange-compatible Core Information API:
 * GET /core-information/b2b/v2/servicePoints and .../servicePoints/{id},
 * the caller's service points (see service_point.h), and .../me, the
 * caller.
 *
 * Owns: the Core Information API's answers: the list's query (filters,
 * sort, bounds, displayNulls and displayLinks), one service point, and
 * /me (the caller and its credential).  Calls: service_point (the
 * reads), store (the caller's credential for /me), reply (the Orange
 * errors), auth (level names), http, workday (times in UTC).  Never: a
 * scope of its own (service_point.c's reads are scoped), or a write.
 */
#ifndef REQDESK_SP_API_H
#define REQDESK_SP_API_H

#include "http.h"

/* GET /core-information/b2b/v2/servicePoints: the caller's service
 * points, filtered and paged; 200 with X-Total-Count / X-Result-Count,
 * 400 (code 20) on an invalid query parameter.  0, or -1 (500). */
int  api_service_points(struct req *r);

/* GET /core-information/b2b/v2/servicePoints/{id}: one service point;
 * 404 (code 60) when unknown or not the caller's.  0, or -1 (500). */
int  api_service_point(struct req *r);

/* GET /core-information/b2b/v2/me: the caller as the reference's `ME`
 * (login, name, email, phone, apiKey {id, scopes, createdAt, type,
 * expiredAt}, createdAt) and the desk's own (userId, level, customer,
 * reseller).  0, or -1 (500). */
int  api_me(struct req *r);

#endif
