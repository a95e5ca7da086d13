/*
 * fuzz_csv_import — a CSV file through the reader (csv.c) and the
 * all-or-nothing import of reference data (import.c): service points,
 * products or addresses, chosen by the header the input starts with (by
 * its length when it names none), stored when every row passes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "inet_import.h"
#include "service_point.h"
#include "world.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	world_init();
	return 0;
}

static int
starts(const uint8_t *data, size_t size, const char *prefix)
{
	size_t n = strlen(prefix);

	return size >= n && memcmp(data, prefix, n) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct import_kind *const kinds[] = { &sp_import_kind,
	    &product_import_kind, &address_import_kind };
	const struct import_kind	*k = kinds[size % 3];
	struct import_report		 rep;
	size_t				 i;

	for (i = 0; i < 3; i++)
		if (starts(data, size, kinds[i]->header))
			k = kinds[i];
	memset(&rep, 0, sizeof(rep));
	/* A storage failure is the desk's, whatever the file says. */
	if (import_csv(world_store(), k, NULL, (const char *)data, size, &rep) == IMPORT_ERROR)
		abort();
	import_free(&rep);
	return 0;
}
