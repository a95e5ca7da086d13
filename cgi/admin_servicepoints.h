/*
 * admin_servicepoints.h — the operator's service points page (ADMIN only, enforced
 * by the route table): every service point, filtered and paged, and the
 * CSV import form, which runs the same import as `reqdesk import
 * servicepoints` (service_point.h).
 *
 * Owns: the service points page: its filters, the table, page links and
 * the import form.  Calls: service_point (the list and the import
 * kind), admin_import, store (the customers to filter by), pages,
 * reply, http, tpl, i18n, l10n, words, util.  Never: reads a service
 * point but through sp_list(), nor checks or stores one itself.
 */
#ifndef REQDESK_ADMIN_SERVICEPOINTS_H
#define REQDESK_ADMIN_SERVICEPOINTS_H

#include "http.h"

/* GET /admin/servicepoints?customer=&state=&q=&offset=&limit=: the
 * table, the filter form, page links and the import form.  200, or 400
 * for an invalid offset or limit. */
int  page_admin_service_points(struct req *r);

/* POST /admin/servicepoints {csv} (CSRF checked by the router): import.
 * 303 to the page with the count of rows imported, or 422 with the page,
 * the CSV kept and every bad row listed (nothing imported). */
int  page_admin_service_points_import(struct req *r);

#endif
