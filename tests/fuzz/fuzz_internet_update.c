/*
 * fuzz_internet_update — an ADMIN's update of an Internet request (POST
 * /internet/request/{id}: offers, prices, commitments, notify...) and,
 * for inputs of odd length, an order of an offer (POST /internet/account)
 * as its customer's owner, through the dispatcher and their checks.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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
	char path[64];

	if (size % 2 == 0) {
		snprintf(path, sizeof(path), "/internet/request/%s", world_inet_id());
		world_call("admin", "POST", path, "application/json",
		    (const char *)data, size);
	} else
		world_call("nordic_owner", "POST", "/internet/account",
		    "application/json", (const char *)data, size);
	return 0;
}
