/*
 * fuzz_catalog_file — one catalog file (conf/catalog/*.json) through the
 * loader's checks: JSON, the built-in catalog schema (jschema.c), then
 * the consistency of the declaration (catalog.c), as `reqdesk check` and
 * a SIGHUP reload read it.  A file is operator input, but a reload must
 * refuse a bad one, never crash the supervisor.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "world.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	world_init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	if (text == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	if (catalog_check_text("fuzz.json", text) < 0)
		abort();
	free(text);
	return 0;
}
