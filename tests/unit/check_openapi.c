/*
 * check_openapi.c — unit tests of the OpenAPI document (openapi.c): it
 * builds for the shipped catalog, for a catalog with one more type (which
 * appears with no C change) and for an empty one; catalog `$schema` keys
 * are stripped; every operation has a 401 (but those of RF_NODB and
 * RF_ANON routes, which read no credentials).  Under --enable-sanitizers
 * this also checks that building and freeing the document leaks nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>
#include <jansson.h>

#include "catalog.h"
#include "openapi.h"
#include "route.h"

#ifndef CATALOG_DIR
#define CATALOG_DIR "conf/catalog"
#endif

/* The schema of `name` in the document's components (borrowed). */
static json_t *
component(json_t *doc, const char *name)
{
	return json_object_get(json_object_get(json_object_get(doc, "components"),
	    "schemas"), name);
}

/* The POST /ordering/b2b/v2/requests body schema (borrowed) when it is
 * a oneOf of catalog types, else NULL. */
static json_t *
create_body(json_t *doc)
{
	json_t	*op = json_object_get(json_object_get(json_object_get(doc, "paths"),
		    "/ordering/b2b/v2/requests"), "post");
	json_t	*schema = json_object_get(json_object_get(json_object_get(
		    json_object_get(op, "requestBody"), "content"),
		    "application/json"), "schema");

	return json_object_get(schema, "oneOf") != NULL ? schema : NULL;
}

/* Is `path` a route that reads no credentials (RF_NODB, RF_ANON)? */
static int
reads_no_credentials(const char *path)
{
	size_t	i;

	for (i = 0; i < RT__MAX; i++)
		if (strcmp(routes[i].pattern, path) == 0 && (routes[i].flags & (RF_NODB | RF_ANON)))
			return 1;
	return 0;
}

/* Does the serialized document contain `needle`? */
static int
doc_contains(json_t *doc, const char *needle)
{
	char	*s = json_dumps(doc, JSON_COMPACT);
	int	 found;

	ck_assert_ptr_nonnull(s);
	found = strstr(s, needle) != NULL;
	free(s);
	return found;
}

START_TEST(test_shipped_catalog)
{
	json_t		*doc, *body, *props, *expect, *path, *op;
	const char	*key, *method;
	size_t		 i;

	ck_assert_int_eq(catalog_load(CATALOG_DIR), 0);
	ck_assert_uint_gt(catalog_count(), 0);
	doc = openapi_document();
	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(json_string_value(json_object_get(doc, "openapi")), "3.1.0");
	body = create_body(doc);
	ck_assert_ptr_nonnull(body);
	ck_assert_uint_eq(json_array_size(json_object_get(body, "oneOf")), catalog_count());
	for (i = 0; i < catalog_count(); i++) {
		const struct rtype *t = catalog_at(i);
		char name[160];

		snprintf(name, sizeof(name), "RequestCreate_%s", t->type);
		props = json_object_get(json_object_get(component(doc, name),
		    "properties"), "properties");
		ck_assert_msg(props != NULL, "%s missing", name);
		expect = catalog_schema(t);
		json_object_del(expect, "$schema");
		ck_assert_msg(json_equal(props, expect), "%s: not the catalog schema", name);
		json_decref(expect);
	}
	ck_assert(!doc_contains(doc, "\"$schema\""));
	json_object_foreach(json_object_get(doc, "paths"), key, path)
		json_object_foreach(path, method, op)
			ck_assert_msg(reads_no_credentials(key) ||
			    json_object_get(json_object_get(op, "responses"),
			    "401") != NULL, "%s %s: no 401", method, key);
	json_decref(doc);
	catalog_free();
}
END_TEST

/* Write `text` to dir/name. */
static void
write_file(const char *dir, const char *name, const char *text)
{
	char	 path[512];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	ck_assert_int_ge(fputs(text, f), 0);
	ck_assert_int_eq(fclose(f), 0);
}

/* Remove dir/name. */
static void
remove_file(const char *dir, const char *name)
{
	char	path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	unlink(path);
}

START_TEST(test_added_type_appears)
{
	char	 dir[] = "check_openapi.XXXXXX";
	json_t	*doc, *mapping, *s;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	write_file(dir, "X_TEST_1.json", "{\"type\": \"X_TEST_1\", \"title\": \"Test type\","
	    " \"category\": \"NEW\", \"leadDays\": 3, \"catalog\": \"standard\","
	    " \"fields\": [{\"path\": \"site.name\", \"type\": \"string\","
	    " \"required\": true, \"label\": \"Site name\"}]}");
	ck_assert_int_eq(catalog_load(dir), 0);
	doc = openapi_document();
	ck_assert_ptr_nonnull(doc);
	mapping = json_object_get(json_object_get(create_body(doc), "discriminator"), "mapping");
	ck_assert_str_eq(json_string_value(json_object_get(mapping, "X_TEST_1")),
	    "#/components/schemas/RequestCreate_X_TEST_1");
	s = json_object_get(json_object_get(component(doc, "RequestCreate_X_TEST_1"),
	    "properties"), "properties");
	ck_assert_ptr_nonnull(json_object_get(json_object_get(s, "properties"), "site"));
	ck_assert_ptr_null(json_object_get(s, "$schema"));
	json_decref(doc);
	catalog_free();
	remove_file(dir, "X_TEST_1.json");
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* A field resolving a service point by an unknown key is refused at load
 * (creation could not tell which column it names). */
START_TEST(test_unknown_resolve_refused)
{
	char	 dir[] = "check_openapi.XXXXXX";

	ck_assert_ptr_nonnull(mkdtemp(dir));
	write_file(dir, "X_TEST_2.json", "{\"type\": \"X_TEST_2\", \"title\": \"Test\","
	    " \"category\": \"NEW\", \"leadDays\": 3, \"catalog\": \"standard\","
	    " \"fields\": [{\"path\": \"servicePoint.street\", \"type\": \"string\","
	    " \"resolve\": \"street\"}]}");
	ck_assert_int_eq(catalog_load(dir), -1);
	catalog_free();
	remove_file(dir, "X_TEST_2.json");
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(test_empty_catalog)
{
	json_t	*doc;

	catalog_free();
	doc = openapi_document();
	ck_assert_ptr_nonnull(doc);
	ck_assert_ptr_null(create_body(doc));
	ck_assert_ptr_nonnull(component(doc, "Request"));
	json_decref(doc);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("openapi");
	TCase	*tc = tcase_create("document");
	SRunner	*sr;
	int	 failed;

	tcase_add_test(tc, test_shipped_catalog);
	tcase_add_test(tc, test_added_type_appears);
	tcase_add_test(tc, test_unknown_resolve_refused);
	tcase_add_test(tc, test_empty_catalog);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
