/*
 * admin_import.c — the CSV import form of the admin pages of reference
 * data (service points, products, addresses): the form itself and its
 * POST; the import is import.c's.  See admin_import.h.
 */
#include <stdio.h>
#include <string.h>

#include "admin_import.h"
#include "auth.h"
#include "http.h"
#include "i18n.h"
#include "import.h"
#include "pages.h"
#include "tpl.h"

void
page_import_form(struct req *r, struct tpl_dict *body, const char *action,
    const char *header, const char *csv, const struct import_report *imp)
{
	struct tpl_dict	*d = tpl_include(body, "IMPORT", "import_form.tpl"), *row;
	char		 why[2048], n[24];
	size_t		 i;

	if (d == NULL)
		return;		/* the root is marked failed: a 500 */
	tpl_set(d, "ACTION", action);
	tpl_set(d, "CSRF", r->who->csrf);
	tpl_set(d, "HEADER", header);
	tpl_set(d, "CSV", csv);
	if (imp == NULL)
		return;
	tpl_show(d, "IMPORT_ERRORS");
	snprintf(n, sizeof(n), "%zu", imp->nbad);
	tr_fill(why, sizeof(why), trn(r->lang, "Nothing was imported: {1} bad row. "
	    "Correct it and import again.", "Nothing was imported: {1} bad rows. "
	    "Correct them and import again.", imp->nbad), n, NULL);
	tpl_set(d, "NBAD_TEXT", why);
	for (i = 0; i < imp->n; i++) {
		if ((row = tpl_section_add(d, "IMPORT_ERROR")) == NULL)
			return;
		tpl_set_int(row, "LINE", (long long)imp->v[i].line);
		import_reason_text(r->lang, imp->v[i].reason, why, sizeof(why));
		tpl_set(row, "REASON", why);
	}
	if (imp->nbad > imp->n) {
		tpl_show(d, "MORE");
		tpl_set_int(d, "MORE_N", (long long)(imp->nbad - imp->n));
	}
}

int
page_import_post(struct req *r, const struct import_kind *kind,
    const char *action, import_page_fn page, const void *ctx)
{
	struct import_report	 imp = { 0 };
	const char		*csv = req_form(r, "csv");
	char			 loc[128];
	int			 rc;

	if (csv == NULL)
		csv = "";
	switch (import_csv(r->store, kind, r->who->user_id, csv, strlen(csv), &imp)) {
	case IMPORT_OK:
		snprintf(loc, sizeof(loc), "%s?imported=%zu", action, imp.imported);
		rc = resp_redirect(r, loc);
		break;
	case IMPORT_INVALID:
		rc = page(r, 422, csv, &imp, ctx);
		break;
	default:
		rc = -1;
		break;
	}
	import_free(&imp);
	return rc;
}
