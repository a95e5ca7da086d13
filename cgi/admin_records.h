/*
 * admin_records.h — the operator's reference data edited one row at a
 * time (docs/OPERATIONS.md, "Reference data one row at a time"): add,
 * edit, retire and restore a service point, a product or an address,
 * each change kept in its history.
 *
 * Owns: the forms and the history view of one row.  Calls: import (a
 * form is a one-row import: its checks, its store, its history),
 * service_point and inet_import (the kinds), store (the lists a form
 * offers, a row's history), pages (the layout), http, tpl, i18n, words,
 * util.  Never: a rule of a row of its own, or SQL beyond the lists a
 * form offers.
 *
 * Routes (ADMIN only, route.c), KIND being servicepoints, products or
 * addresses:
 *   GET, POST /admin/KIND/new          the form of a new row
 *   GET, POST /admin/KIND/{id}/edit    a row, its history, its form
 *   POST      /admin/KIND/{id}/retire  retired=1 retires, retired=0 restores
 */
#ifndef REQDESK_ADMIN_RECORDS_H
#define REQDESK_ADMIN_RECORDS_H

#include "http.h"

int  page_record_new(struct req *r);
int  page_record_new_post(struct req *r);
int  page_record_edit(struct req *r);
int  page_record_edit_post(struct req *r);
int  page_record_retire_post(struct req *r);

#endif
