/*
 * cli_import.h — `reqdesk import ...` commands (cli.c's command table).
 *
 * Owns: the three commands, reading FILE.csv (or standard input) within
 * IMPORT_FILE_MAX and printing the outcome.  Calls: import (the import
 * and its reasons), service_point and inet_import (the kinds), util.
 * Never: checks or stores a row itself.
 */
#ifndef REQDESK_CLI_IMPORT_H
#define REQDESK_CLI_IMPORT_H

#include "inet_import.h"
#include "service_point.h"

struct store;

/* The usage lines of the commands (without "reqdesk "). */
#define IMPORT_SP_USAGE "import servicepoints FILE.csv   (first line: " \
	SP_CSV_HEADER ")"
#define IMPORT_PRODUCT_USAGE "import products FILE.csv       (first line: " \
	PRODUCT_CSV_HEADER ")"
#define IMPORT_ADDRESS_USAGE "import addresses FILE.csv      (first line: " \
	ADDRESS_CSV_HEADER ")"

/*
 * reqdesk import servicepoints|products|addresses FILE.csv ("-" for
 * standard input): the CSV imports of import.h.  Prints "N <what>
 * imported" and returns 0; or prints each bad row as "FILE:LINE: reason"
 * on stderr, imports nothing and returns 1; 2 on a usage error.
 */
int  cmd_import_servicepoints(struct store *st, int argc, char *argv[]);
int  cmd_import_products(struct store *st, int argc, char *argv[]);
int  cmd_import_addresses(struct store *st, int argc, char *argv[]);

#endif
