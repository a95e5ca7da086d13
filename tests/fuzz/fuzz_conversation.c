/*
 * fuzz_conversation — note and attachment bodies of both families
 * through the dispatcher (conv_api.c, conversation.c: the JSON reader,
 * the text checks, base64, libmagic's reading of the content, the
 * quotas, the store):
 *
 *   POST /ordering/b2b/v2/requests/{id}/notes and /attachments
 *   POST /internet/request/{id}/notes and /attachments
 *
 * on the world's Orange request of ACME and Internet request of NORDIC.
 * The first byte picks the route (bits 0-1) and the caller (bits 2-3):
 * the request's owner, another user of its customer, an ADMIN, or a user
 * of another customer; the rest is the body.  Besides no 5xx (world.h),
 * what is answered must hold:
 *
 * - a user of another customer gets 404, as for a request that does not
 *   exist, never anything stored;
 * - a note answered 201 holds the text sent, exactly;
 * - a file answered 201 is downloaded from its href with the size and
 *   SHA-256 the answer gave, and the kind the answer named.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "world.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Callers per family: the owner, another user, an ADMIN, a stranger. */
static const char *const orange_roles[] = { "acme_owner", "acme_manager", "admin",
    "fdj_owner" };
static const char *const inet_roles[] = { "nordic_owner", "nordic_it", "admin",
    "acme_owner" };

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	world_init();
	return 0;
}

static void
fail(const char *why, const char *answer)
{
	fprintf(stderr, "fuzz_conversation: %s\n%.2000s\n", why, answer);
	abort();
}

/* A note answered 201: the text stored is the text sent. */
static void
check_note(int orange, const char *in, size_t len)
{
	const char	*key = orange ? "body" : "text", *got;
	size_t		 alen;
	const char	*answer = world_answer(&alen);
	json_t		*sent, *back;

	if ((back = json_loadb(answer, alen, 0, NULL)) == NULL)
		fail("a note answered 201 that is not JSON", answer);
	got = json_string_value(json_object_get(back, key));
	/* the desk reads duplicate keys as jansson does by default: the last */
	sent = json_loadb(in, len, JSON_DECODE_ANY, NULL);
	if (got == NULL || sent == NULL ||
	    !json_is_string(json_object_get(sent, key)) ||
	    strcmp(got, json_string_value(json_object_get(sent, key))) != 0)
		fail("a note answered 201 does not hold the text sent", answer);
	json_decref(sent);
	json_decref(back);
}

/* A file answered 201: downloaded, it is what the answer says. */
static void
check_file(const char *role)
{
	size_t		 alen, flen;
	const char	*answer = world_answer(&alen), *file;
	json_t		*back;
	const char	*href, *sha, *mime;
	json_int_t	 size;
	unsigned char	 digest[crypto_hash_sha256_BYTES];
	char		 hex[sizeof(digest) * 2 + 1], path[256], want[80];

	if ((back = json_loadb(answer, alen, 0, NULL)) == NULL)
		fail("a file answered 201 that is not JSON", answer);
	href = json_string_value(json_object_get(back, "href"));
	sha = json_string_value(json_object_get(back, "sha256"));
	mime = json_string_value(json_object_get(back, "mimeType"));
	size = json_integer_value(json_object_get(back, "size"));
	if (href == NULL || sha == NULL || mime == NULL || size <= 0)
		fail("a file answered 201 without href, sha256, mimeType or size", answer);
	if (strcmp(mime, "application/pdf") != 0 && strcmp(mime, "image/png") != 0 &&
	    strcmp(mime, "image/jpeg") != 0 && strcmp(mime, "text/csv") != 0 &&
	    strcmp(mime, "text/plain") != 0)
		fail("a file stored of a kind the desk does not accept", answer);
	snprintf(path, sizeof(path), "%s", href);
	snprintf(want, sizeof(want), "%s", sha);
	json_decref(back);
	if (world_call(role, "GET", path, NULL, NULL, 0) != 200)
		fail("a file answered 201 cannot be downloaded", path);
	file = world_answer(&flen);
	if ((json_int_t)flen != size)
		fail("a file downloaded is not of the size answered", path);
	crypto_hash_sha256(digest, (const unsigned char *)file, flen);
	sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
	if (strcmp(hex, want) != 0)
		fail("a file downloaded is not the one answered (sha256)", path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*body = (const char *)data + 1, *role;
	size_t		 len = size - 1;
	char		 path[128];
	int		 orange, files, who, status;

	if (size == 0)
		return 0;
	orange = (data[0] & 1) == 0;
	files = (data[0] & 2) != 0;
	who = (data[0] >> 2) & 3;
	role = orange ? orange_roles[who] : inet_roles[who];
	snprintf(path, sizeof(path), orange ? "/ordering/b2b/v2/requests/%s/%s" :
	    "/internet/request/%s/%s", orange ? world_orange_id() : world_inet_id(),
	    files ? "attachments" : "notes");
	status = world_call(role, "POST", path, "application/json", body, len);
	world_hold(1);	/* what was stored is read back from the same database */
	if (who == 3 && status != 404) {
		size_t alen;
		fail("another customer's request answered other than 404",
		    world_answer(&alen));
	}
	if (status == 201) {
		if (files)
			check_file(role);
		else
			check_note(orange, body, len);
	}
	world_hold(0);
	return 0;
}
