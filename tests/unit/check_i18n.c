/*
 * check_i18n.c — unit tests of languages (i18n.c) and of values in a
 * language's forms (l10n.c): the choice of a reader's language, dates in
 * a time zone, prices with their currency, numbers typed in each
 * language's conventions.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "errors.h"
#include "i18n.h"
#include "l10n.h"
#include "words.h"

START_TEST(test_lang_pick)
{
	ck_assert_str_eq(lang_pick("fr", "da", "DK")->code, "fr");	/* the user's */
	ck_assert_str_eq(lang_pick(NULL, "da, en;q=0.8", "FR")->code, "da");
	ck_assert_str_eq(lang_pick("", "fr-FR,fr;q=0.9,en-US;q=0.8", NULL)->code, "fr");
	ck_assert_str_eq(lang_pick(NULL, "de-DE, de;q=0.9", "DK")->code, "da");
	ck_assert_str_eq(lang_pick(NULL, "de-DE", "FR")->code, "fr");
	ck_assert_str_eq(lang_pick(NULL, "de-DE", NULL)->code, "en");
	ck_assert_str_eq(lang_pick("xx", NULL, NULL)->code, "en");
	ck_assert_str_eq(lang_pick(NULL, "en-GB;q=0.1, da;q=0.5", NULL)->code, "da");
	ck_assert_ptr_eq(lang_find("DA_dk"), lang_find("da"));
	ck_assert_ptr_null(lang_find("d"));
	ck_assert_ptr_null(lang_find("dan"));
}
END_TEST

START_TEST(test_tz_pick)
{
	ck_assert_str_eq(tz_pick(NULL, "DK"), "Europe/Copenhagen");
	ck_assert_str_eq(tz_pick(NULL, "FR"), "Europe/Paris");
	ck_assert_str_eq(tz_pick("America/New_York", "FR"), "America/New_York");
	ck_assert_str_eq(tz_pick(NULL, NULL), "Europe/Paris");
}
END_TEST

START_TEST(test_datetime)
{
	char out[L10N_MAX];

	/* 07:36 UTC is 08:36 in Paris and Copenhagen in winter */
	ck_assert_int_eq(l10n_datetime("en", "Europe/Paris", "2026-12-01T07:36:38.316Z",
	    out, sizeof(out)), 0);
	ck_assert_ptr_nonnull(strstr(out, "08:36"));
	ck_assert_ptr_nonnull(strstr(out, "2026"));
	ck_assert_ptr_null(strstr(out, "316"));
	ck_assert_int_eq(l10n_datetime("fr", "Europe/Paris", "2026-12-01T07:36:38.316Z",
	    out, sizeof(out)), 0);
	ck_assert_ptr_nonnull(strstr(out, "déc."));
	ck_assert_int_eq(l10n_datetime("da", "Europe/Copenhagen", "2026-07-01T07:36:00Z",
	    out, sizeof(out)), 0);
	ck_assert_ptr_nonnull(strstr(out, "09.36"));	/* summer: UTC+2 */
	ck_assert_ptr_nonnull(strstr(out, "jul"));
	/* what cannot be read is shown as given */
	ck_assert_int_eq(l10n_datetime("en", NULL, "soon", out, sizeof(out)), -1);
	ck_assert_str_eq(out, "soon");
}
END_TEST

/* Each thread keeps its own formatters (l10n.c): threads formatting at
 * once in three languages each get what one thread alone gets; and a
 * thread whose readers use more zones than it keeps formatters for
 * still formats every one of them. */
#define RACE_THREADS	8
#define RACE_ROUNDS	2000

static void *
race(void *arg)
{
	static const char *const langs[] = { "en", "fr", "da" };
	char		 want[3][L10N_MAX], day[3][L10N_MAX], money[3][L10N_MAX], out[L10N_MAX];
	int		 i, l, bad = 0;

	(void)arg;
	for (l = 0; l < 3; l++) {
		l10n_datetime(langs[l], "Europe/Paris", "2026-12-01T07:36:38Z", want[l], L10N_MAX);
		l10n_date(langs[l], "2026-07-14", day[l], L10N_MAX);
		l10n_money(langs[l], "EUR", 1234.5, money[l], L10N_MAX);
	}
	for (i = 0; i < RACE_ROUNDS; i++) {
		l = i % 3;
		if (l10n_datetime(langs[l], "Europe/Paris", "2026-12-01T07:36:38Z", out,
		    sizeof(out)) != 0 || strcmp(out, want[l]) != 0)
			bad++;
		if (l10n_date(langs[l], "2026-07-14", out, sizeof(out)) != 0 ||
		    strcmp(out, day[l]) != 0)
			bad++;
		if (l10n_money(langs[l], "EUR", 1234.5, out, sizeof(out)) != 0 ||
		    strcmp(out, money[l]) != 0)
			bad++;
	}
	return (void *)(long)bad;
}

START_TEST(test_formatters_of_threads_at_once)
{
	pthread_t	 t[RACE_THREADS];
	void		*bad;
	int		 i;

	for (i = 0; i < RACE_THREADS; i++)
		ck_assert_int_eq(pthread_create(&t[i], NULL, race, NULL), 0);
	for (i = 0; i < RACE_THREADS; i++) {
		ck_assert_int_eq(pthread_join(t[i], &bad), 0);
		ck_assert_int_eq((long)bad, 0);
	}
}
END_TEST

static int
zone_count(void *ctx, const char *id)
{
	char	out[L10N_MAX];
	int	*n = ctx;

	/* every zone formats, the oldest formatters closed for the new ones */
	ck_assert_int_eq(l10n_datetime("fr", id, "2026-12-01T07:36:38Z", out, sizeof(out)), 0);
	ck_assert_ptr_nonnull(strstr(out, "2026"));
	return ++*n >= 200;
}

START_TEST(test_more_zones_than_formatters_kept)
{
	char	out[L10N_MAX];
	int	n = 0;

	ck_assert_int_eq(l10n_zones(zone_count, &n), 0);
	ck_assert_int_eq(n, 200);
	ck_assert_int_eq(l10n_datetime("en", "Asia/Tokyo", "2026-12-01T07:36:38Z", out,
	    sizeof(out)), 0);
	ck_assert_ptr_nonnull(strstr(out, "16:36"));	/* UTC+9 */
}
END_TEST

START_TEST(test_date)
{
	char out[L10N_MAX];

	ck_assert_int_eq(l10n_date("fr", "2027-01-04", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "4 janv. 2027");
	ck_assert_int_eq(l10n_date("en", "2027-01-04", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "4 Jan 2027");
	ck_assert_int_eq(l10n_date("da", "2027-01-04T23:00:00.000Z", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "4. jan. 2027");
}
END_TEST

START_TEST(test_money)
{
	char out[L10N_MAX];

	ck_assert_int_eq(l10n_money("da", "DKK", 2995, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "2.995,00\xc2\xa0kr.");
	ck_assert_int_eq(l10n_money("fr", "EUR", 2995, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "2\xe2\x80\xaf" "995,00\xc2\xa0\xe2\x82\xac");
	ck_assert_int_eq(l10n_money("en", "EUR", 1299, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "\xe2\x82\xac" "1,299.00");
	ck_assert_int_eq(l10n_number("fr", 1234567.5, 2, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "1\xe2\x80\xaf" "234\xe2\x80\xaf" "567,50");
}
END_TEST

START_TEST(test_parse_number)
{
	static const struct { const char *lang, *text; double want; } good[] = {
		{ "da", "2.995,00", 2995 }, { "da", "2995,5", 2995.5 },
		{ "da", "2995", 2995 }, { "da", " 1.234.567,89 kr. ", 1234567.89 },
		{ "fr", "2 995,00", 2995 }, { "fr", "2\xc2\xa0" "995,00", 2995 },
		{ "fr", "2\xe2\x80\xaf" "995,00 €", 2995 }, { "fr", "2995.00", 2995 },
		{ "fr", "12,5", 12.5 }, { "en", "2,995.00", 2995 }, { "en", "12.5", 12.5 },
		{ "en", "-3", -3 }, { NULL, "7", 7 },
	};
	static const struct { const char *lang, *text; } bad[] = {
		{ "da", "12.5" },	/* a Danish point groups thousands */
		{ "da", "2.99,00" }, { "da", "2995.00" }, { "en", "12,5" },
		{ "fr", "2 99,00" }, { "fr", "1,2,3" }, { "fr", "" }, { "fr", "abc" },
		{ "en", "1e400" }, { "en", "5 apples" }, { "en", ",5" },
	};
	double	v;
	size_t	i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		ck_assert_msg(l10n_parse_number(good[i].lang, good[i].text, &v) == 0,
		    "%s: %s refused", good[i].lang, good[i].text);
		ck_assert_msg(fabs(v - good[i].want) < 1e-9, "%s: %s gave %f",
		    good[i].lang, good[i].text, v);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(l10n_parse_number(bad[i].lang, bad[i].text, &v) == -1,
		    "%s: %s accepted", bad[i].lang, bad[i].text);
}
END_TEST

START_TEST(test_tr_without_catalogue)
{
	ck_assert_str_eq(tr("fr", "Requests"), "Requests");
	ck_assert_str_eq(tr(NULL, "Requests"), "Requests");
	ck_assert_str_eq(trn("da", "%lu request", "%lu requests", 2), "%lu requests");
	ck_assert_str_eq(trn("en", "%lu request", "%lu requests", 1), "%lu request");
}
END_TEST

/* With the catalogues of the build (LOCALE_DIR). */
START_TEST(test_catalogues)
{
	struct problems	 pb = { 0 };
	char		*t;

	ck_assert_int_eq(i18n_init(LOCALE_DIR), 0);
	ck_assert_str_eq(word(WS_STATUS, "fr", "IN_PROGRESS"), "En cours");
	ck_assert_str_eq(word(WS_STATUS, "da", "IN_PROGRESS"), "I gang");
	ck_assert_str_eq(word(WS_STATUS, "en", "IN_PROGRESS"), "In progress");
	/* one English word, two French ones: the context tells them apart */
	ck_assert_str_eq(word(WS_INET_STATE, "fr", "ORDERED"), "Commandée");
	ck_assert_str_eq(word(WS_ACCOUNT_STATE, "fr", "ORDERED"), "Commandé");
	ck_assert_str_eq(word(WS_INSTALL_TIME, "en", "7_30_TO_12"), "7:30–12:00");
	ck_assert_str_eq(word(WS_STATUS, "fr", "NO_SUCH"), "NO_SUCH");
	ck_assert_ptr_null(word(WS_STATUS, "fr", NULL));
	ck_assert_str_eq(word_codes(WS_CATEGORY)[2], "DISCONNECT");
	ck_assert_ptr_null(word_codes(WS_CATEGORY)[3]);

	oproblem(&pb, OERR_PROPS_EMAIL, "contacts.primary.email", "contacts.primary.email",
	    NULL, NULL);
	oproblem(&pb, OERR_MISSING, "contacts.primary.title", "contacts.primary.title",
	    NULL, NULL);
	xproblem(&pb, XERR_LENGTH, "notes", "notes", "4096");
	t = problem_person(&pb, &pb.v[0], "fr", "E-mail");
	ck_assert_str_eq(t, "Saisissez une adresse e-mail comme nom@exemple.fr.");
	free(t);
	t = problem_person(&pb, &pb.v[1], "da", "Titel");
	ck_assert_str_eq(t, "Feltet »Titel« skal udfyldes.");
	free(t);
	t = problem_person(&pb, &pb.v[1], "en", NULL);
	ck_assert_str_eq(t, "This field is required.");
	free(t);
	/* the API's own words do not change */
	ck_assert_str_eq(pb.v[0].text, "The 'properties' attribute is not valid due to the "
	    "following error : 'contacts.primary.email' must be a valid e-mail address");
	problems_free(&pb);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("i18n");
	TCase	*tc = tcase_create("core");
	SRunner	*sr;
	int	 failed;

	tcase_add_test(tc, test_lang_pick);
	tcase_add_test(tc, test_tz_pick);
	tcase_add_test(tc, test_datetime);
	tcase_add_test(tc, test_formatters_of_threads_at_once);
	tcase_add_test(tc, test_more_zones_than_formatters_kept);
	tcase_add_test(tc, test_date);
	tcase_add_test(tc, test_money);
	tcase_add_test(tc, test_parse_number);
	tcase_add_test(tc, test_tr_without_catalogue);
	tcase_add_test(tc, test_catalogues);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
