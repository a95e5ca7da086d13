/*
 * cli_import.c — `reqdesk import servicepoints|products|addresses FILE.csv`.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_import.h"
#include "util.h"

#define IMPORT_FILE_MAX	(64L * 1024 * 1024)	/* bytes */

/* Read all of `path` ("-": standard input) into b.  0, or -1 with the
 * reason printed. */
static int
read_file(const char *path, struct buf *b)
{
	FILE	*f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char	 chunk[65536];
	size_t	 n;
	int	 rc = 0;

	if (f == NULL) {
		fprintf(stderr, "reqdesk: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (rc == 0 && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b->len + n > IMPORT_FILE_MAX) {
			fprintf(stderr, "reqdesk: %s: larger than %ld bytes\n",
			    path, IMPORT_FILE_MAX);
			rc = -1;
		} else if (buf_append(b, chunk, n) < 0) {
			fprintf(stderr, "reqdesk: %s: out of memory\n", path);
			rc = -1;
		}
	}
	if (rc == 0 && ferror(f)) {
		fprintf(stderr, "reqdesk: %s: %s\n", path, strerror(errno));
		rc = -1;
	}
	if (f != stdin)
		fclose(f);
	return rc;
}

/* Import FILE as rows of `k`; `usage` for a usage error. */
static int
cmd_import(const struct import_kind *k, const char *usage, struct store *st,
    int argc, char *argv[])
{
	struct import_report	 imp = { 0 };
	struct buf		 text = { 0 };
	size_t			 i;
	char			 why[2048];
	int			 rc = 1;

	if (argc != 1) {
		fprintf(stderr, "usage: reqdesk %s\n", usage);
		return 2;
	}
	if (read_file(argv[0], &text) < 0)
		return 1;
	switch (import_csv(st, k, NULL, text.data ? text.data : "", text.len, &imp)) {
	case IMPORT_OK:
		printf("%zu %s imported\n", imp.imported, k->what);
		rc = 0;
		break;
	case IMPORT_INVALID:
		for (i = 0; i < imp.n; i++) {
			import_reason_text(NULL, imp.v[i].reason, why, sizeof(why));
			fprintf(stderr, "%s:%zu: %s\n", argv[0], imp.v[i].line, why);
		}
		if (imp.nbad > imp.n)
			fprintf(stderr, "%s: ... and %zu more bad rows\n", argv[0],
			    imp.nbad - imp.n);
		fprintf(stderr, "%s: nothing imported (%zu bad row%s)\n", argv[0],
		    imp.nbad, imp.nbad == 1 ? "" : "s");
		break;
	case IMPORT_ERROR:
	case IMPORT_UNKNOWN:
		fprintf(stderr, "reqdesk: %s: nothing imported (database error)\n",
		    argv[0]);
		break;
	}
	import_free(&imp);
	buf_free(&text);
	return rc;
}

int
cmd_import_servicepoints(struct store *st, int argc, char *argv[])
{
	return cmd_import(&sp_import_kind, IMPORT_SP_USAGE, st, argc, argv);
}

int
cmd_import_products(struct store *st, int argc, char *argv[])
{
	return cmd_import(&product_import_kind, IMPORT_PRODUCT_USAGE, st, argc, argv);
}

int
cmd_import_addresses(struct store *st, int argc, char *argv[])
{
	return cmd_import(&address_import_kind, IMPORT_ADDRESS_USAGE, st, argc, argv);
}
