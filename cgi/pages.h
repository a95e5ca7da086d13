/*
 * pages.h — HTML pages rendered through the one layout template, and the
 * operational routes (/healthz).
 */
#ifndef REQDESK_PAGES_H
#define REQDESK_PAGES_H

#include "http.h"
#include "tpl.h"

/*
 * Start a page: a root dictionary for layout.tpl with the title, the
 * caller's name and level, the CSRF token and the request id, and the
 * page body `body_tpl` included as BODY.  *body receives the body's
 * dictionary (borrowed from the root).  Returns the owned root or NULL.
 */
struct tpl_dict *page_new(struct req *r, const char *title,
	const char *body_tpl, struct tpl_dict **body);

/* Expand the page with `status`, streaming it to the client, and free
 * the root dictionary.  0, or -1 if nothing could be sent. */
int  page_send(struct req *r, int status, struct tpl_dict *root);

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

/* The HTML error page for `status`, with a message. */
int  page_error(struct req *r, int status, const char *message);

int  page_home(struct req *r);
int  page_healthz(struct req *r);

/* GET /ping: the process answers, touching nothing else (the transport
 * ceiling of the benchmark; /healthz also checks the database). */
int  page_ping(struct req *r);

#endif
