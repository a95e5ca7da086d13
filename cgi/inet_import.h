/*
 * inet_import.h — the CSV imports of the Internet requests' reference
 * data (import.h): products and customer addresses, shared by
 * `reqdesk import products|addresses FILE.csv` and the admin pages.
 *
 * Owns: the two kinds: their columns, the rules of one row (ids,
 * customers known, the initiation fee) and how a row is stored (the
 * products, product_customers and addresses rows, inserted or updated
 * by id, retired and restored).  Calls: import (known customers, the
 * reasons), store.  Never: reads a file, keeps history or reports: the
 * import of import.c does.
 */
#ifndef REQDESK_INET_IMPORT_H
#define REQDESK_INET_IMPORT_H

#include "import.h"

/*
 * Products: id (24 lowercase hexadecimal characters, as every TelecomX
 * id), name, type (DSL or FIBER), initiationFee (true for an initiation
 * fee product, false or empty otherwise), customers (empty: valid for
 * every customer; else the known customer ids it is reserved to,
 * separated by ';').  A row whose id exists updates that product and
 * replaces its customers.
 */
#define PRODUCT_CSV_HEADER "id,name,type,initiationFee,customers"
extern const struct import_kind product_import_kind;

/*
 * Addresses: id (24 lowercase hexadecimal characters), customer (known),
 * address, zip, city (all required).  A row whose id exists updates that
 * address.
 */
#define ADDRESS_CSV_HEADER "id,customer,address,zip,city"
extern const struct import_kind address_import_kind;

#endif
