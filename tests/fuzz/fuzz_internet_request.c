/*
 * fuzz_internet_request — an Internet request body (POST
 * /internet/request) through the dispatcher and every check of the
 * TelecomX error table, into the store when it passes.  The caller is
 * taken from the input's length: a customer's owner, an ADMIN (who names
 * the customer) and a reseller.
 */
#include <stddef.h>
#include <stdint.h>

#include "world.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static const char *const roles[] = { "nordic_owner", "admin", "reseller" };

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	world_init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	world_call(roles[size % 3], "POST", "/internet/request",
	    "application/json", (const char *)data, size);
	return 0;
}
