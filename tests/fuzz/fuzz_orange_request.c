/*
 * fuzz_orange_request — an Orange request body (POST
 * /ordering/b2b/v2/requests) through the dispatcher, its JSON reader, the
 * catalog validator, the calendar and the service point resolution, and
 * into the store when it passes.  The caller is taken from the input's
 * length, so that every input has one and mutations try them all: two
 * customers with different catalogs, an ADMIN and a reseller.
 */
#include <stddef.h>
#include <stdint.h>

#include "world.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static const char *const roles[] = { "fdj_owner", "acme_manager", "fdj_viewer", "admin" };

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	world_init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	world_call(roles[size % 4], "POST", "/ordering/b2b/v2/requests",
	    "application/json", (const char *)data, size);
	return 0;
}
