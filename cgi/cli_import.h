/*
 * cli_import.h — `reqdesk import ...` commands (cli.c's command table).
 */
#ifndef REQDESK_CLI_IMPORT_H
#define REQDESK_CLI_IMPORT_H

#include "service_point.h"

struct store;

/* The usage line of the command (without "reqdesk "). */
#define IMPORT_SP_USAGE "import servicepoints FILE.csv   (first line: " \
	SP_CSV_HEADER ")"

/*
 * reqdesk import servicepoints FILE.csv ("-" for standard input): the
 * CSV import of service_point.h.  Prints "N service points imported"
 * and returns 0; or prints each bad row as "FILE:LINE: reason" on
 * stderr, imports nothing and returns 1; 2 on a usage error.
 */
int  cmd_import_servicepoints(struct store *st, int argc, char *argv[]);

#endif
