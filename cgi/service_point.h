/*
 * service_point.h — the customers' network sites: reading them as the
 * Core Information API shows them (GET /core-information/b2b/v2/
 * servicePoints and the admin page), and the CSV import shared by
 * `reqdesk import servicepoints FILE.csv` and /admin/servicepoints.
 *
 * Every read is scoped by the caller (store.h, SCOPE_ARGS): a service
 * point outside the scope is not found, exactly like an unknown id.
 * Terminated service points are listed with their state; only request
 * resolution (request.c) ignores them.
 */
#ifndef REQDESK_SERVICE_POINT_H
#define REQDESK_SERVICE_POINT_H

#include <stddef.h>

#include <jansson.h>

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

#define SP_IMPORT_PROBLEMS_MAX	1000	/* bad rows kept for the report */

/* One refused row: its first line in the file and every reason. */
struct sp_problem {
	size_t	 line;
	char	*reason;	/* owned; reasons joined by "; " */
};

/* The outcome of an import.  Zero it before use, sp_import_free() after. */
struct sp_import {
	struct sp_problem	*v;	/* bad rows in line order, owned */
	size_t			 n, cap;
	size_t			 nbad;	/* bad rows in all (n is capped) */
	size_t			 imported;
};

enum sp_import_result {
	SPI_OK,		/* every row stored; out->imported set */
	SPI_INVALID,	/* bad rows listed in out; nothing stored */
	SPI_ERROR,	/* storage or memory failure (logged); nothing stored */
};

/*
 * Import the CSV `text` (`len` bytes, borrowed): a header line naming
 * the columns of SP_CSV_HEADER (any order, each once), then one service
 * point per record.  Every row is checked (id present, well formed and
 * unique in the file; customer known; name present; state one of
 * OPERATIONAL, IN_PROGRESS, SUSPENDED, TERMINATED; country a two-letter
 * code; postcode of five digits when the country is FR; no control
 * characters, valid UTF-8, at most 200 bytes a value).  If any row is
 * bad nothing is stored; otherwise all rows are inserted or updated (by
 * id) in one transaction.
 */
enum sp_import_result sp_import_csv(struct store *st, const char *text,
	size_t len, struct sp_import *out);

/* Free what an import recorded; the struct is zeroed again. */
void sp_import_free(struct sp_import *imp);

#endif
