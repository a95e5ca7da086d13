/*
 * check_catalog.c — unit tests of the catalog's format and texts: the
 * JSON Schema subset (jschema.c) refuses what it cannot check and reports
 * each problem where it is; a declaration is refused whole for a schema
 * or a consistency problem; a bad directory keeps the catalog loaded
 * before; texts per language fall back to English; a field's declared
 * message answers its pattern in the language asked, never the regular
 * expression.  Under --enable-sanitizers it also checks for leaks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <check.h>
#include <jansson.h>

#include "catalog.h"
#include "errors.h"
#include "jschema.h"
#include "util.h"

#ifndef CATALOG_DIR
#define CATALOG_DIR "conf/catalog"
#endif

struct seen {
	char	where[8][128];
	char	why[8][256];
	int	n;
};

static void
remember(void *ctx, const char *where, const char *why)
{
	struct seen *s = ctx;

	if (s->n < 8) {
		snprintf(s->where[s->n], sizeof(s->where[0]), "%s", where);
		snprintf(s->why[s->n], sizeof(s->why[0]), "%s", why);
	}
	s->n++;
}

START_TEST(test_jschema)
{
	char		 err[256];
	struct jschema	*s;
	struct seen	 seen;
	json_t		*doc;

	/* a keyword it does not check is refused, not ignored */
	ck_assert_ptr_null(jschema_new("{\"type\": \"object\", \"oneOf\": []}", err, sizeof(err)));
	ck_assert_str_eq(err, "keyword \"oneOf\" is not supported");
	ck_assert_ptr_null(jschema_new("{\"$ref\": \"#/$defs/nope\"}", err, sizeof(err)));
	s = jschema_new("{\"type\": \"object\", \"additionalProperties\": false,"
	    " \"required\": [\"name\"], \"properties\": {"
	    " \"name\": {\"type\": \"string\", \"minLength\": 1, \"pattern\": \"^[A-Z]+$\"},"
	    " \"tags\": {\"type\": \"array\", \"uniqueItems\": true, \"items\": {\"$ref\": \"#/$defs/t\"}}},"
	    " \"$defs\": {\"t\": {\"enum\": [\"a\", \"b\"]}}}", err, sizeof(err));
	ck_assert_msg(s != NULL, "%s", err);
	doc = json_loads("{\"name\": \"ab\", \"tag\": 1, \"tags\": [\"a\", \"c\", \"a\"]}", 0, NULL);
	memset(&seen, 0, sizeof(seen));
	ck_assert_int_eq(jschema_validate(s, doc, remember, &seen), 4);
	ck_assert_str_eq(seen.where[0], "name");
	ck_assert_str_eq(seen.why[0], "must match ^[A-Z]+$");
	ck_assert_str_eq(seen.where[1], "tag");
	ck_assert_str_eq(seen.why[1], "unknown key (did you mean \"tags\"?)");
	ck_assert_str_eq(seen.where[2], "tags[1]");
	ck_assert_str_eq(seen.why[2], "must be one of a, b");
	ck_assert_str_eq(seen.where[3], "tags[2]");
	ck_assert_str_eq(seen.why[3], "repeats element 0");
	json_decref(doc);
	doc = json_loads("{\"name\": \"AB\"}", 0, NULL);
	ck_assert_int_eq(jschema_validate(s, doc, remember, &seen), 0);
	json_decref(doc);
	jschema_free(s);
}
END_TEST

static const char good[] = "{\"type\": \"X_T_1\", \"title\": {\"en\": \"Test\", \"fr\": \"Essai\"},"
    " \"category\": \"NEW\", \"fields\": [{\"path\": \"site.zip\", \"type\": \"string\","
    " \"pattern\": \"^[0-9]{5}$\", \"patternMessage\": {\"en\": \"must be 5 digits\","
    " \"fr\": \"doit avoir 5 chiffres\"}}, {\"path\": \"site.code\", \"type\": \"string\","
    " \"pattern\": \"^[A-Z]+$\"}, {\"path\": \"speed\", \"type\": \"string\","
    " \"enum\": [{\"value\": \"1G\", \"label\": {\"en\": \"1 Gbit/s\", \"fr\": \"1 Gbit/s\"}}, \"10G\"]}]}";

START_TEST(test_declarations)
{
	ck_assert_int_eq(catalog_check_text("good", good), 0);
	ck_assert_int_eq(catalog_check_text("bad", "{\"type\": \"X\", \"title\": \"t\","
	    " \"category\": \"NEW\", \"leadTime\": 3, \"fields\": []}"), 2);
	/* schema-valid but inconsistent: a profile outside the enum */
	ck_assert_int_eq(catalog_check_text("bad", "{\"type\": \"X\", \"title\": \"t\","
	    " \"category\": \"NEW\", \"profileField\": \"p\", \"fields\": ["
	    "{\"path\": \"p\", \"type\": \"string\", \"enum\": [\"A\"]},"
	    "{\"path\": \"o\", \"type\": \"boolean\", \"profiles\": [\"B\"]}]}"), 1);
	ck_assert_int_eq(catalog_check_text("bad", "not json"), 1);
}
END_TEST

START_TEST(test_all_or_nothing)
{
	char	 dir[] = "check_catalog.XXXXXX", path[512];
	FILE	*f;

	ck_assert_int_eq(catalog_load(CATALOG_DIR), 0);
	ck_assert_uint_eq(catalog_count(), 2);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/X_T_1.json", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(good, f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/Y.json", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs("{\"type\": \"Y\"}", f);
	fclose(f);
	/* one bad file: refused, the catalog before stays */
	ck_assert_int_eq(catalog_load(dir), -1);
	ck_assert_uint_eq(catalog_count(), 2);
	ck_assert_ptr_nonnull(catalog_find("R_BVPN_FR_1"));
	ck_assert_ptr_null(catalog_find("X_T_1"));
	unlink(path);
	ck_assert_int_eq(catalog_load(dir), 0);
	ck_assert_uint_eq(catalog_count(), 1);
	ck_assert_ptr_nonnull(catalog_find("X_T_1"));
	snprintf(path, sizeof(path), "%s/X_T_1.json", dir);
	unlink(path);
	rmdir(dir);
	catalog_free();
}
END_TEST

/* The description of the first problem of validating `props`. */
static char *
first_problem(const struct rtype *t, const char *props, const char *lang)
{
	struct problems	 pb;
	json_t		*in = json_loads(props, 0, NULL), *out = NULL;
	char		*text;

	memset(&pb, 0, sizeof(pb));
	ck_assert_int_eq(catalog_validate(t, in, lang, &pb, &out), 0);
	text = pb.n > 0 ? strdup(pb.v[0].text) : NULL;
	problems_free(&pb);
	json_decref(in);
	json_decref(out);
	return text;
}

START_TEST(test_texts_and_messages)
{
	char		 dir[] = "check_catalog.XXXXXX", path[512], *text;
	const struct rtype	*t;
	FILE		*f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/X_T_1.json", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(good, f);
	fclose(f);
	ck_assert_int_eq(catalog_load(dir), 0);
	ck_assert_ptr_nonnull(t = catalog_find("X_T_1"));
	ck_assert_str_eq(ltext_get(&t->titles, "fr"), "Essai");
	ck_assert_str_eq(ltext_get(&t->titles, "da"), "Test");	/* English */
	ck_assert_ptr_null(ltext_in(&t->titles, "da"));
	ck_assert_str_eq(field_value_label(&t->fields[2], "1G", "en"), "1 Gbit/s");
	ck_assert_str_eq(field_value_label(&t->fields[2], "10G", "fr"), "10G");
	text = first_problem(t, "{\"site\": {\"zip\": \"123\"}}", "en");
	ck_assert_str_eq(text, "The 'properties' attribute is not valid due to the "
	    "following error : 'site.zip' must be 5 digits");
	free(text);
	text = first_problem(t, "{\"site\": {\"zip\": \"123\"}}", "fr");
	ck_assert_str_eq(text, "The 'properties' attribute is not valid due to the "
	    "following error : 'site.zip' doit avoir 5 chiffres");
	free(text);
	text = first_problem(t, "{\"site\": {\"code\": \"a1\"}}", "fr");
	ck_assert_str_eq(text, "The 'properties' attribute is not valid due to the "
	    "following error : 'site.code' is not in the expected format");
	free(text);
	unlink(path);
	rmdir(dir);
	catalog_free();
}
END_TEST

/* "Did you mean" hints: the nearest declared name within the edit
 * distance; a name of EDIT_NAME_MAX bytes or more gets none and costs
 * nothing (a megabyte of key took 0.7 s of CPU to compare with every
 * declared name). */
START_TEST(test_hints_bounded)
{
	char		 dir[] = "check_catalog.XXXXXX", path[512], *text, *key;
	const struct rtype	*t;
	struct problems	 pb;
	json_t		*in, *out = NULL;
	clock_t		 start;
	FILE		*f;

	ck_assert_uint_eq(edit_distance("speeed", "speed"), 1);
	ck_assert_uint_eq(edit_distance("", "zip"), 3);
	ck_assert_uint_eq(edit_distance("kitten", "sitting"), 3);
	ck_assert_ptr_nonnull(key = malloc(900 * 1024 + 1));
	memset(key, 'x', 900 * 1024);
	key[900 * 1024] = '\0';
	ck_assert_uint_eq(edit_distance(key, "speed"), (size_t)-1);
	ck_assert_uint_eq(edit_distance("speed", key + 900 * 1024 - EDIT_NAME_MAX),
	    (size_t)-1);

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/X_T_1.json", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(good, f);
	fclose(f);
	ck_assert_int_eq(catalog_load(dir), 0);
	ck_assert_ptr_nonnull(t = catalog_find("X_T_1"));
	text = first_problem(t, "{\"speeed\": \"1G\"}", "en");
	ck_assert_ptr_nonnull(strstr(text, "(did you mean 'speed'?)"));
	free(text);
	unlink(path);
	rmdir(dir);
	/* a type of the real catalog, with its dozens of declared names */
	ck_assert_int_eq(catalog_load(CATALOG_DIR), 0);
	ck_assert_ptr_nonnull(t = catalog_find("R_BVPN_FR_1"));
	ck_assert_ptr_nonnull(in = json_object());
	ck_assert_int_eq(json_object_set_new(in, key, json_string("1G")), 0);
	memset(&pb, 0, sizeof(pb));
	start = clock();
	ck_assert_int_eq(catalog_validate(t, in, "en", &pb, &out), 0);
	ck_assert_double_lt((double)(clock() - start) / CLOCKS_PER_SEC, 0.1);	/* 0.25 s before */
	ck_assert_uint_ge(pb.n, 1);
	ck_assert_ptr_null(strstr(pb.v[0].text, "did you mean"));
	problems_free(&pb);
	json_decref(in);
	json_decref(out);
	free(key);
	catalog_free();
}
END_TEST

static Suite *
catalog_suite(void)
{
	Suite	*s = suite_create("catalog");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_jschema);
	tcase_add_test(tc, test_declarations);
	tcase_add_test(tc, test_all_or_nothing);
	tcase_add_test(tc, test_texts_and_messages);
	tcase_add_test(tc, test_hints_bounded);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(catalog_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
