/*
 * admin_records.c — one row of reference data at a time; see
 * admin_records.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "admin_records.h"
#include "auth.h"
#include "i18n.h"
#include "l10n.h"
#include "import.h"
#include "inet_import.h"
#include "pages.h"
#include "service_point.h"
#include "store.h"
#include "tpl.h"
#include "util.h"
#include "words.h"

#define HISTORY_SHOWN	50	/* changes of one row shown, newest first */
#define COLUMNS_MAX	16	/* of a kind (import.h) */

/* How a column is typed into the form. */
enum field_kind {
	F_TEXT,		/* a line of text */
	F_CUSTOMER,	/* one customer, from a list */
	F_CHOICE,	/* one code of a word set (words.h) */
	F_BOOL,		/* a box: "true" or "false" */
	F_CUSTOMERS,	/* customers ticked: a ';' list, none for every one */
};

struct field {
	const char		*label;		/* N_() */
	enum field_kind		 kind;
	enum wordset		 words;		/* F_CHOICE */
	const char *const	*codes;		/* F_CHOICE, NULL-ended */
	const char		*hint;		/* N_(), or NULL */
};

/* A kind of row as the pages show it: fields[i] types kind->columns[i]. */
struct record_view {
	const char		 *path;		/* "/admin/products" */
	const char		 *list_title;	/* N_(): the list page's title */
	const char		 *new_title;	/* N_() */
	const struct import_kind *kind;
	const struct field	 *fields;
	size_t			  title_col;	/* the column that names a row */
	int			  made_id;	/* a new row's id may be left empty: made */
};

static const char *const sp_states[] = {
	"OPERATIONAL", "IN_PROGRESS", "SUSPENDED", "TERMINATED", NULL
};
static const char *const circuits[] = { "DSL", "FIBER", NULL };

static const struct field sp_fields[] = {
	{ N_("Id"), F_TEXT, 0, NULL, N_("Letters, digits, '.', '_' and '-'; it cannot be "
	    "changed afterwards.") },
	{ N_("Customer"), F_CUSTOMER, 0, NULL, NULL },
	{ N_("Name"), F_TEXT, 0, NULL, NULL },
	{ N_("Operator's reference"), F_TEXT, 0, NULL, NULL },
	{ N_("Customer's reference"), F_TEXT, 0, NULL, NULL },
	{ N_("State"), F_CHOICE, WS_SP_STATE, sp_states, NULL },
	{ N_("Profile"), F_TEXT, 0, NULL, NULL },
	{ N_("Street"), F_TEXT, 0, NULL, NULL },
	{ N_("Postcode"), F_TEXT, 0, NULL, N_("Five digits in France.") },
	{ N_("City"), F_TEXT, 0, NULL, NULL },
	{ N_("Country"), F_TEXT, 0, NULL, N_("Two capital letters, such as FR or DK.") },
};

static const struct field product_fields[] = {
	{ N_("Id"), F_TEXT, 0, NULL, N_("Left empty, the desk makes one; it cannot be "
	    "changed afterwards.") },
	{ N_("Name"), F_TEXT, 0, NULL, NULL },
	{ N_("Type"), F_CHOICE, WS_CIRCUIT, circuits, NULL },
	{ N_("Initiation fee product"), F_BOOL, 0, NULL, N_("Chosen only as an offer's "
	    "initiation fee.") },
	{ N_("Sold to"), F_CUSTOMERS, 0, NULL, N_("None ticked: every customer.") },
};

static const struct field address_fields[] = {
	{ N_("Id"), F_TEXT, 0, NULL, N_("Left empty, the desk makes one; it cannot be "
	    "changed afterwards.") },
	{ N_("Customer"), F_CUSTOMER, 0, NULL, NULL },
	{ N_("Address"), F_TEXT, 0, NULL, NULL },
	{ N_("Zip code"), F_TEXT, 0, NULL, NULL },
	{ N_("City"), F_TEXT, 0, NULL, NULL },
};

static const struct record_view views[] = {
	{ "/admin/servicepoints", N_("Service points"), N_("New service point"),
	    &sp_import_kind, sp_fields, 2, 0 },
	{ "/admin/products", N_("Products"), N_("New product"),
	    &product_import_kind, product_fields, 1, 1 },
	{ "/admin/addresses", N_("Addresses"), N_("New address"),
	    &address_import_kind, address_fields, 2, 1 },
};

/* The view of the page asked for, by the beginning of its path. */
static const struct record_view *
view_of(const struct req *r)
{
	size_t i, n;

	for (i = 0; i < sizeof(views) / sizeof(views[0]); i++) {
		n = strlen(views[i].path);
		if (strncmp(r->path, views[i].path, n) == 0 && r->path[n] == '/')
			return &views[i];
	}
	return NULL;
}

/* The form's name of column i ("customerReference"...). */
static const char *
column(const struct record_view *v, size_t i)
{
	return v->kind->columns[i];
}

/* The box of customer `id` in an F_CUSTOMERS field, into out. */
static void
box_name(const char *id, char *out, size_t len)
{
	snprintf(out, len, "sold_to.%s", id);
}

/* Is `id` in the ';' list `list`?  1 or 0. */
static int
listed(const char *list, const char *id)
{
	size_t n = strlen(id);

	while (list != NULL && *list != '\0') {
		if (strncmp(list, id, n) == 0 && (list[n] == ';' || list[n] == '\0'))
			return 1;
		list = strchr(list, ';');
		list = list != NULL ? list + 1 : NULL;
	}
	return 0;
}

/* The customers as options or boxes of field `f` (a FIELD row), the
 * current value `value` selected.  0 or -1. */
static int
customer_choices(struct req *r, struct tpl_dict *f, enum field_kind kind,
    const char *value)
{
	struct tpl_dict	*o;
	struct rows	*s;
	char		 name[128];
	int		 rc;

	if ((s = store_query(r->store, ST_CUSTOMER_LIST, NULL)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1) {
		const char *id = store_text(s, CUSTOMER_ID);

		if ((o = tpl_section_add(f, kind == F_CUSTOMER ? "OPTION" : "BOX")) == NULL)
			break;
		tpl_set(o, "OPTION", id);
		tpl_set(o, "OPTION_NAME", store_text(s, CUSTOMER_NAME));
		box_name(id, name, sizeof(name));
		tpl_set(o, "BOX_NAME", name);
		if (kind == F_CUSTOMER ? value != NULL && strcmp(value, id) == 0 :
		    listed(value, id))
			tpl_show(o, kind == F_CUSTOMER ? "SELECTED" : "CHECKED");
	}
	store_done(s);
	return rc < 0 ? -1 : 0;
}

/* One FIELD row of the form for column i holding `value` (NULL: empty);
 * `fixed`: the id of a row being edited, shown and not typed.  0 or -1. */
static int
field_row(struct req *r, struct tpl_dict *body, const struct record_view *v,
    size_t i, const char *value, int fixed)
{
	const struct field	*fd = &v->fields[i];
	struct tpl_dict		*f, *o;
	size_t			 j;

	if ((f = tpl_section_add(body, "FIELD")) == NULL)
		return -1;
	tpl_set(f, "NAME", column(v, i));
	tpl_set(f, "LABEL", tr(r->lang, fd->label));
	tpl_set(f, "VALUE", value);
	if (fd->hint != NULL && !fixed) {
		tpl_show(f, "HINT");
		tpl_set(f, "HINT_TEXT", tr(r->lang, fd->hint));
	}
	switch (fd->kind) {
	case F_TEXT:
		tpl_show(f, fixed ? "FIXED" : "TEXT");
		if (i == 0 && !v->made_id && !fixed)
			tpl_show(f, "REQUIRED");
		break;
	case F_CUSTOMER:
		tpl_show(f, "SELECT");
		tpl_show(f, "NONE_OPTION");
		return customer_choices(r, f, F_CUSTOMER, value);
	case F_CHOICE:
		tpl_show(f, "SELECT");
		for (j = 0; fd->codes[j] != NULL; j++) {
			if ((o = tpl_section_add(f, "OPTION")) == NULL)
				return -1;
			tpl_set(o, "OPTION", fd->codes[j]);
			tpl_set(o, "OPTION_NAME", word(fd->words, r->lang, fd->codes[j]));
			if (value != NULL && strcmp(value, fd->codes[j]) == 0)
				tpl_show(o, "SELECTED");
		}
		break;
	case F_BOOL:
		tpl_show(f, "CHECK");
		if (value != NULL && strcmp(value, "true") == 0)
			tpl_show(f, "CHECKED");
		break;
	case F_CUSTOMERS:
		tpl_show(f, "CHECKS");
		return customer_choices(r, f, F_CUSTOMERS, value);
	}
	return 0;
}

/* A value of a history entry in words, for its field. */
static const char *
said(const struct req *r, const struct field *fd, const char *value)
{
	if (value == NULL || *value == '\0')
		return tr(r->lang, "(none)");
	if (fd->kind == F_CHOICE)
		return word(fd->words, r->lang, value);
	if (fd->kind == F_BOOL)
		return word(WS_BOOLEAN, r->lang, value);
	return value;
}

/* What one change did, in words. */
static const char *
action_text(const char *lang, const char *action)
{
	if (strcmp(action, "imported") == 0)
		return tr(lang, "Imported from a CSV file");
	if (strcmp(action, "added") == 0)
		return tr(lang, "Added");
	if (strcmp(action, "retired") == 0)
		return tr(lang, "Retired");
	if (strcmp(action, "restored") == 0)
		return tr(lang, "Restored");
	return tr(lang, "Edited");
}

/* One CHANGE of the history: what changed since `older` (the entry
 * before it, NULL for the first). */
static void
change_row(struct req *r, struct tpl_dict *body, const struct record_view *v,
    const char *at, const char *action, const char *by, json_t *rec, json_t *older)
{
	struct tpl_dict	*c, *it;
	char		 when[L10N_MAX];
	size_t		 i;

	if ((c = tpl_section_add(body, "CHANGE")) == NULL)
		return;
	tpl_set(c, "WHAT", action_text(r->lang, action));
	tpl_set(c, "WHEN", page_datetime(r, at, when));
	tpl_set(c, "WHO", by != NULL ? by : tr(r->lang, "the command line"));
	if (older == NULL)
		return;
	for (i = 1; i < v->kind->ncolumns; i++) {
		const char *now = json_string_value(json_object_get(rec, column(v, i))),
		    *was = json_string_value(json_object_get(older, column(v, i)));

		if ((now == NULL) == (was == NULL) && (now == NULL || strcmp(now, was) == 0))
			continue;
		if ((it = tpl_section_add(c, "ITEM")) == NULL)
			return;
		tpl_show(c, "DIFF");
		tpl_set(it, "FIELD", tr(r->lang, v->fields[i].label));
		tpl_set(it, "FROM", said(r, &v->fields[i], was));
		tpl_set(it, "TO", said(r, &v->fields[i], now));
	}
}

/* The row's history, newest first, each entry with what it changed.
 * 0 or -1. */
static int
history(struct req *r, struct tpl_dict *body, const struct record_view *v,
    const char *id)
{
	struct rows	*s;
	json_t		*recs[HISTORY_SHOWN + 1];
	char		*at[HISTORY_SHOWN + 1], *action[HISTORY_SHOWN + 1],
			*by[HISTORY_SHOWN + 1];
	size_t		 n = 0, i;
	int		 rc;

	/* one more than shown: the oldest shown is compared with it */
	if ((s = store_query(r->store, ST_REF_HISTORY, "ssi", v->kind->name, id,
	    HISTORY_SHOWN + 1)) == NULL)
		return -1;
	while ((rc = store_row(s)) == 1 && n < HISTORY_SHOWN + 1) {
		recs[n] = json_loads(store_text(s, REF_HISTORY_RECORD), 0, NULL);
		at[n] = strdup(store_text(s, REF_HISTORY_AT));
		action[n] = strdup(store_text(s, REF_HISTORY_ACTION));
		by[n] = store_text(s, REF_HISTORY_BY) != NULL ?
		    strdup(store_text(s, REF_HISTORY_BY)) : NULL;
		n++;
	}
	store_done(s);
	for (i = 0; rc >= 0 && i < n && i < HISTORY_SHOWN; i++)
		if (at[i] != NULL && action[i] != NULL)
			change_row(r, body, v, at[i], action[i], by[i], recs[i],
			    i + 1 < n ? recs[i + 1] : NULL);
	if (n > 0)
		tpl_show(body, "HISTORY");
	for (i = 0; i < n; i++) {
		json_decref(recs[i]);
		free(at[i]);
		free(action[i]);
		free(by[i]);
	}
	return rc < 0 ? -1 : 0;
}

/* The form page: a new row (id NULL) or row `id`, holding `vals`, with
 * the reasons it was refused (imp, NULL when none) or a notice (flash,
 * NULL for none, in the reader's language).  0 or -1. */
static int
record_page(struct req *r, int status, const struct record_view *v, const char *id,
    char *const *vals, int retired, const struct import_report *imp, const char *flash)
{
	struct tpl_dict	*root, *body, *e;
	const int	 sp = v->kind->retire == ST_SP_RETIRE;
	char		 title[256], action[512], why[1024];
	size_t		 i;

	snprintf(title, sizeof(title), "%s", id == NULL ? tr(r->lang, v->new_title) :
	    vals[v->title_col] != NULL ? vals[v->title_col] : id);
	if ((root = page_new(r, title, "admin_record.tpl", &body)) == NULL)
		return -1;
	if (flash != NULL)
		page_flash(root, flash);
	tpl_set(body, "LIST_HREF", v->path);
	tpl_set(body, "LIST_TITLE", tr(r->lang, v->list_title));
	tpl_set(body, "HEADING", title);
	if (id == NULL) {
		snprintf(action, sizeof(action), "%s/new", v->path);
		tpl_set(body, "SUBMIT", tr(r->lang, "Add"));
	} else {
		snprintf(action, sizeof(action), "%s/%s/retire", v->path, id);
		tpl_set(body, "RETIRE_ACTION", action);
		snprintf(action, sizeof(action), "%s/%s/edit", v->path, id);
		tpl_set(body, "SUBMIT", tr(r->lang, "Save the changes"));
		tpl_show(body, "RETIRE_FORM");
		tpl_set(body, "RETIRE_VALUE", retired ? "0" : "1");
		if (retired) {
			tpl_show(body, "RETIRED");
			tpl_set(body, "RETIRED_TEXT", tr(r->lang, sp ?
			    N_("This service point is terminated: new requests cannot name "
			    "it; the requests that name it still show it.") :
			    N_("This is retired: it is no longer offered; the requests and "
			    "offers that name it still show it.")));
			tpl_set(body, "RETIRE_HEADING", tr(r->lang, "Restore"));
			tpl_set(body, "RETIRE_BUTTON", tr(r->lang, "Restore"));
			tpl_set(body, "RETIRE_TEXT", tr(r->lang, sp ?
			    N_("Restoring makes it operational again.") :
			    N_("Restoring offers it again.")));
		} else {
			tpl_show(body, "DANGER");
			tpl_set(body, "RETIRE_HEADING", tr(r->lang, "Retire"));
			tpl_set(body, "RETIRE_BUTTON", tr(r->lang, "Retire"));
			tpl_set(body, "RETIRE_TEXT", tr(r->lang, sp ?
			    N_("Retiring terminates the service point: new requests cannot "
			    "name it; the requests that name it still show it.") :
			    N_("Retiring stops offering it; the requests and offers that "
			    "name it still show it.")));
		}
	}
	tpl_set(body, "ACTION", action);
	for (i = 0; i < v->kind->ncolumns; i++)
		if (field_row(r, body, v, i, vals[i], i == 0 && id != NULL) < 0)
			goto fail;
	if (imp != NULL && imp->n > 0) {
		tpl_show(body, "FORM_ERRORS");
		for (i = 0; i < imp->n; i++) {
			if ((e = tpl_section_add(body, "FORM_ERROR")) == NULL)
				goto fail;
			import_reason_text(r->lang, imp->v[i].reason, why, sizeof(why));
			tpl_set(e, "TEXT", why);
		}
	}
	if (id != NULL && history(r, body, v, id) < 0)
		goto fail;
	return page_send(r, status, root);
fail:
	tpl_dict_free(root);
	return -1;
}

/* The values posted, in the kind's column order, into vals (each owned,
 * NULL for none); the id from the path when editing.  0 or -1. */
static int
posted(struct req *r, const struct record_view *v, const char *id, char **vals)
{
	struct buf	 list = { 0 };
	struct rows	*s;
	char		 name[128];
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < v->kind->ncolumns && rc == 0; i++) {
		const char *val = i == 0 && id != NULL ? id : req_form(r, column(v, i));

		switch (v->fields[i].kind) {
		case F_BOOL:
			val = val != NULL && strcmp(val, "true") == 0 ? "true" : "false";
			break;
		case F_CUSTOMERS:
			if ((s = store_query(r->store, ST_CUSTOMER_LIST, NULL)) == NULL)
				return -1;
			while ((rc = store_row(s)) == 1) {
				box_name(store_text(s, CUSTOMER_ID), name, sizeof(name));
				if (req_form(r, name) != NULL && buf_printf(&list, "%s%s",
				    list.len ? ";" : "", store_text(s, CUSTOMER_ID)) < 0)
					break;
			}
			store_done(s);
			rc = rc < 0 ? -1 : 0;
			val = list.data;
			break;
		default:
			break;
		}
		if (rc == 0 && val != NULL && *val != '\0' && (vals[i] = strdup(val)) == NULL)
			rc = -1;
	}
	buf_free(&list);
	return rc;
}

int
page_record_new(struct req *r)
{
	const struct record_view	*v = view_of(r);
	char				*vals[COLUMNS_MAX] = { 0 };

	if (v == NULL)
		return page_error(r, 404, NULL);
	return record_page(r, 200, v, NULL, vals, 0, NULL, NULL);
}

/* Store the form posted for a new row (id NULL) or row `id`. */
static int
record_post(struct req *r, const struct record_view *v, const char *id)
{
	struct import_report	 imp = { 0 };
	char			*vals[COLUMNS_MAX] = { 0 };
	char			 made[25], loc[512];
	int			 rc = -1, retired = 0;

	if (posted(r, v, id, vals) < 0)
		goto done;
	if (id == NULL && vals[0] == NULL && v->made_id) {
		if (new_object_id(made) < 0 || (vals[0] = strdup(made)) == NULL)
			goto done;
	}
	switch (import_record(r->store, v->kind, vals, id == NULL ? IMPORT_ADDED :
	    IMPORT_EDITED, r->who->user_id, &imp)) {
	case IMPORT_OK:
		snprintf(loc, sizeof(loc), "%s/%s/edit?saved=1", v->path, vals[0]);
		rc = resp_redirect(r, loc);
		break;
	case IMPORT_INVALID:
		if (id != NULL) {
			char *cur[COLUMNS_MAX] = { 0 };

			if (import_load(r->store, v->kind, id, cur, &retired) < 0)
				goto done;
			import_values_free(v->kind, cur);
		}
		if (id == NULL && v->made_id && vals[0] != NULL &&
		    strcmp(vals[0], made) == 0) {
			free(vals[0]);		/* made here: not the user's */
			vals[0] = NULL;
		}
		rc = record_page(r, 422, v, id, vals, retired, &imp, NULL);
		break;
	case IMPORT_UNKNOWN:
		rc = page_error(r, 404, NULL);
		break;
	default:
		break;
	}
done:
	import_values_free(v->kind, vals);
	import_free(&imp);
	return rc;
}

int
page_record_new_post(struct req *r)
{
	const struct record_view *v = view_of(r);

	return v == NULL ? page_error(r, 404, NULL) : record_post(r, v, NULL);
}

int
page_record_edit(struct req *r)
{
	const struct record_view	*v = view_of(r);
	char				*vals[COLUMNS_MAX] = { 0 };
	int				 rc, retired;

	if (v == NULL || (rc = import_load(r->store, v->kind, r->param, vals, &retired)) == 0)
		return page_error(r, 404, NULL);
	if (rc < 0)
		return -1;
	rc = record_page(r, 200, v, r->param, vals, retired, NULL,
	    req_query(r, "saved") != NULL ? tr(r->lang, "Saved.") : NULL);
	import_values_free(v->kind, vals);
	return rc;
}

int
page_record_edit_post(struct req *r)
{
	const struct record_view *v = view_of(r);

	return v == NULL ? page_error(r, 404, NULL) : record_post(r, v, r->param);
}

int
page_record_retire_post(struct req *r)
{
	const struct record_view	*v = view_of(r);
	const char			*want = req_form(r, "retired");
	char				 loc[512];
	int				 rc;

	if (v == NULL)
		return page_error(r, 404, NULL);
	if (want == NULL || (strcmp(want, "1") != 0 && strcmp(want, "0") != 0))
		return page_error(r, 400, tr(r->lang, "Say whether to retire or to restore."));
	rc = import_retire(r->store, v->kind, r->param, want[0] == '1', r->who->user_id);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		char	*vals[COLUMNS_MAX] = { 0 };
		int	 retired, found;

		if ((found = import_load(r->store, v->kind, r->param, vals, &retired)) < 0)
			return -1;
		import_values_free(v->kind, vals);
		if (found == 0)
			return page_error(r, 404, NULL);
		/* already so (a second click): the page as it is */
	}
	snprintf(loc, sizeof(loc), "%s/%s/edit", v->path, r->param);
	return resp_redirect(r, loc);
}
