/*
 * service_point.h — the customers' network sites: reading them as the
 * Core Information API shows them (GET /core-information/b2b/v2/
 * servicePoints and the admin page), and the CSV import shared by
 * `reqdesk import servicepoints FILE.csv` and /admin/servicepoints.
 *
 * Every read is scoped by the caller (store.h, SCOPE_ARGS): a service
 * point outside the scope is not found, exactly like an unknown id.
 * Terminated service points are listed with their state; only request
 * resolution (orange_request.c) ignores them.
 *
 * Owns: the service_points rows, their Core Information JSON
 * (displayNulls, displayLinks), their lists (sorts, filters, bounds)
 * and the import kind (its columns, the rules of one row, how it is
 * stored, retired and restored).  Calls: import (known customers, the
 * reasons), store.  Never: reads outside the caller's scope, or answers
 * anyone.
 */
#ifndef REQDESK_SERVICE_POINT_H
#define REQDESK_SERVICE_POINT_H

#include <stddef.h>

#include <jansson.h>

#include "import.h"

struct store;
struct principal;

/* Output options of the JSON objects (the API's query flags). */
#define SP_NULLS	0x01	/* displayNulls: show absent values as null */
#define SP_LINKS	0x02	/* displayLinks: add "_links" */

/* List filter of GET /servicePoints and of the admin page. */
struct sp_filter {
	const char	*id, *reference, *customer_reference, *state,
			*customer, *name;	/* comma lists, or NULL */
	const char	*text;	/* substring of the reference, customer
				 * reference or name (ASCII case ignored) */
	const char	*sort;	/* "id", "-name"...; NULL: by id */
	long long	 offset, limit;
};

/* Is `sort` a supported sort key (see sp_sorts in service_point.c)?
 * 1 or 0.  NULL and "" are valid (by id). */
int  sp_sort_valid(const char *sort);

/*
 * The service points matching `f` within the caller's scope: *items
 * receives a new array of API objects (never NULL on return 0), *total
 * the count of all matches before offset and limit.  0, or -1 on a
 * storage error (*items may then be NULL or partial: json_decref it).
 */
int  sp_list(struct store *st, const struct principal *who,
	const struct sp_filter *f, unsigned opts, json_t **items, long long *total);

/*
 * One service point as the API shows it (new reference), or NULL when
 * there is none with this id in the caller's scope (*err = 0) or on a
 * storage error (*err = -1).
 */
json_t *sp_load(struct store *st, const struct principal *who,
	const char *id, unsigned opts, int *err);

/* CSV columns, in the documented order of the header line. */
#define SP_CSV_HEADER "id,customer,name,reference,customerReference," \
	"state,profile,street,postcode,city,country"

/*
 * The CSV import of service points (import.h): SP_CSV_HEADER's columns;
 * each row's id (letters, digits, '.', '_', '-', at most 64), customer
 * (known), name and state (OPERATIONAL, IN_PROGRESS, SUSPENDED,
 * TERMINATED) are required; country a two-letter code; postcode of five
 * digits when the country is FR.  Rows are inserted or updated by id.
 */
extern const struct import_kind sp_import_kind;

#endif
