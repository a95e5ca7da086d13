/*
 * admin_import.h — the CSV import form shared by the admin pages of
 * reference data.
 *
 * Owns: the CSV import form and its POST, for every kind of reference
 * data.  Calls: import (the import itself and its reasons), http, tpl,
 * i18n.  Never: checks or stores a row itself, nor knows which kind it
 * imports beyond the struct import_kind it is given.
 */
#ifndef REQDESK_ADMIN_IMPORT_H
#define REQDESK_ADMIN_IMPORT_H

#include "http.h"
#include "tpl.h"

struct import_report;

/* The CSV import form of an admin page (import_form.tpl, included at
 * {{>IMPORT}} of `body`): it posts to `action` and shows `header`, the
 * text posted (`csv`, may be NULL) and the report of its refusal (`imp`,
 * NULL when none). */
void page_import_form(struct req *r, struct tpl_dict *body, const char *action,
	const char *header, const char *csv, const struct import_report *imp);

/* Renders an admin page that holds an import form, with `status`, the
 * text posted and its report (both NULL on a plain GET). */
typedef int (*import_page_fn)(struct req *r, int status, const char *csv,
	const struct import_report *imp, const void *ctx);

/*
 * POST of an import form: import the form's `csv` as `kind`; on success
 * redirect to `action`?imported=N, on bad rows render the page again with
 * 422 through `page(…, ctx)`.  0 or -1 (500).
 */
struct import_kind;
int  page_import_post(struct req *r, const struct import_kind *kind,
	const char *action, import_page_fn page, const void *ctx);

#endif
