/*
 * inet_form.h — what the Internet request pages share: the values of a
 * form being shown (kept from a refused post, or taken from a stored
 * request), errors placed at their field, select and checkbox choices,
 * and the translation of a posted form into the JSON body that the API
 * takes, so the pages apply exactly the API's rules and messages.
 *
 * Form values ("vals") are a JSON object: input name -> string, except
 * "notify" -> array of strings.  Input names are the API paths:
 * "notes", "address.zip", "offers[1].monthlyCost"...
 *
 * Template conventions: a field KEY gets {{KEY}} (its value) and the
 * section KEY_ERROR with {{KEY_ERROR_TEXT}}; a choice section S gets
 * rows with S_VALUE, S_LABEL and the section S_SELECTED (S_CHECKED for
 * checkboxes).
 *
 * Owns: the form values of the Internet pages, their errors at their
 * fields, the choices a form offers (products, addresses and employees
 * in the caller's scope, at most INET_FORM_ROWS_MAX offer rows), and
 * the translation of a form into the API's JSON body.  Calls: store
 * (the choices), errors (the problems at a path), tpl, util.  Never: a
 * rule of its own: what the form sends is checked by the API's rules
 * (inet_check.c), nor a message (the pages word the problems).
 */
#ifndef REQDESK_INET_FORM_H
#define REQDESK_INET_FORM_H

#include <stddef.h>

#include <jansson.h>

#include "errors.h"

#include "http.h"
#include "tpl.h"

#define INET_FORM_ROWS_MAX	20	/* offer rows on the offer entry page */

/* The properties of an offer, in the order of the TelecomX table. */
extern const char *const inet_offer_fields[12];

/* Values of the posted form (new reference, never NULL on success). */
json_t *inet_vals_from_form(const struct req *r);

/* Values showing a stored request (an inet_load object) on the offer
 * entry page, with one offer row per offer (at least one).  New ref. */
json_t *inet_vals_from_request(const json_t *req);

/* The value of input `name`, "" when none.  Borrowed. */
const char *inet_val(const json_t *vals, const char *name);

/* The message of the first error at `path`, or NULL.  Borrowed. */
const char *inet_error_at(const struct problems *pb, const char *path);

/* {{KEY}} = the value of `name`, KEY_ERROR shown for an error at `name`. */
void inet_tpl_field(struct tpl_dict *d, const char *key, const json_t *vals,
	const struct problems *pb, const char *name);

/* Show KEY_ERROR with KEY_ERROR_TEXT when there is an error at `path`. */
void inet_tpl_error(struct tpl_dict *d, const char *key, const struct problems *pb,
	const char *path);

/* The error summary: section ERRORS with ERROR rows (ERROR_PATH,
 * ERROR_TEXT), when `errors` is not empty. */
void inet_tpl_errors(struct tpl_dict *d, const struct problems *pb);

/* One row of a choice section (see the conventions above). */
void inet_tpl_option(struct tpl_dict *d, const char *section, const char *value,
	const char *label, int selected);

/*
 * Product choices: products of `type` (NULL: any) that are
 * initiation-fee products exactly when `fee`, valid for `customer`
 * (NULL: every product), with `selected` selected; each row also gets
 * S_TYPE.  0 or -1.
 */
int  inet_tpl_products(struct store *st, struct tpl_dict *d, const char *section,
	const char *customer, const char *type, int fee, const char *selected);

/* The same in two steps, for a page with several product choices: the
 * products valid for `customer` (NULL: every product) read once, then
 * as many choices as needed from them. */
struct product {
	char	*id, *name, *type;
	int	 fee, valid;
};
struct products {
	struct product	*v;
	size_t		 n;
	int		 scoped;	/* loaded for a customer */
};
int  inet_products_load(struct store *st, const char *customer, struct products *p);
void inet_products_free(struct products *p);	/* accepts a zeroed list */
void inet_tpl_product_list(struct tpl_dict *d, const char *section,
	const struct products *p, const char *type, int fee, const char *selected);

/* Address choices of the customers in the caller's scope; rows also get
 * S_CUSTOMER.  0 or -1. */
int  inet_tpl_addresses(struct req *r, struct tpl_dict *d, const char *section,
	const char *selected);

/* Employees who can be notified (users of `customer`, or of every
 * customer in scope when NULL), checked when listed in vals' notify;
 * rows also get S_CUSTOMER.  0 or -1. */
int  inet_tpl_employees(struct req *r, struct tpl_dict *d, const char *section,
	const char *customer, const json_t *vals);

/* The body of POST /internet/request from the new-request form. */
json_t *inet_create_body(const json_t *vals);

/*
 * The body of the TelecomX update from the offer entry page of a request
 * of `type`: every property of that type (empty inputs clear), and the
 * offer rows that are not empty.  rowmap[k] receives the form row of
 * offers[k].  New reference.
 */
json_t *inet_update_body(const json_t *vals, const char *type,
	size_t rowmap[INET_FORM_ROWS_MAX]);

/* Rewrite "offers[k]..." paths of errors to the form rows of rowmap. */
void inet_remap_offer_paths(struct problems *pb, const size_t rowmap[INET_FORM_ROWS_MAX]);

/* Number of offer rows of the form (1..INET_FORM_ROWS_MAX). */
size_t inet_form_rows(const json_t *vals);

/* Add an empty offer row / remove row `row`, renumbering the rest. */
void inet_form_add_row(json_t *vals);
void inet_form_remove_row(json_t *vals, size_t row);

#endif
