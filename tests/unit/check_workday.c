/*
 * check_workday.c — unit tests of the French working days and of the
 * requestedAt rule (Orange error 3611).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <check.h>

#include "autoconf.h"
#include "util.h"
#include "workday.h"

/* The time_t of a UTC date and time (timegm, independent of TZ). */
static time_t
utc(int y, int mo, int d, int h, int mi, int s)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	return timegm(&tm);
}

/* Parse a date that the test knows to be valid. */
static struct ymd
D(const char *s)
{
	struct ymd	 d = { 0, 0, 0 };

	ck_assert_msg(ymd_parse(s, &d) == 0, "cannot parse %s", s);
	return d;
}

#define ck_assert_ymd(got, want) do {					\
	struct ymd	 g_ = (got);					\
	char		 b_[11];					\
	ymd_format(&g_, b_);						\
	ck_assert_str_eq(b_, (want));					\
} while (0)

START_TEST(test_parse)
{
	struct ymd	 d = { 1, 2, 3 };
	char		 b[11];

	ck_assert_int_eq(ymd_parse("2026-05-14", &d), 0);
	ck_assert_int_eq(d.y, 2026);
	ck_assert_int_eq(d.m, 5);
	ck_assert_int_eq(d.d, 14);
	ck_assert_ymd(D("2024-02-29"), "2024-02-29");
	ck_assert_ymd(D("2000-02-29"), "2000-02-29");
	ck_assert_ymd(D("0001-01-01"), "0001-01-01");
	ck_assert_ymd(D("9999-12-31"), "9999-12-31");

	/* date-times: the date part */
	ck_assert_ymd(D("2026-05-14T10:00:00Z"), "2026-05-14");
	ck_assert_ymd(D("2026-05-14T23:59:59.123Z"), "2026-05-14");
	ck_assert_ymd(D("2026-05-14T00:00:00+02:00"), "2026-05-14");
	ck_assert_ymd(D("2026-05-14T00:00:00.5-05:30"), "2026-05-14");

	d.y = 7;
	ck_assert_int_eq(ymd_parse("2026-02-30", &d), -1);
	ck_assert_int_eq(d.y, 7);	/* untouched */
	ck_assert_int_eq(ymd_parse("2025-02-29", &d), -1);
	ck_assert_int_eq(ymd_parse("1900-02-29", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-04-31", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-13-01", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-00-10", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-01-00", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-01-32", &d), -1);
	ck_assert_int_eq(ymd_parse("0000-01-01", &d), -1);
	ck_assert_int_eq(ymd_parse("26-01-01", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-1-1", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-01-1", &d), -1);
	ck_assert_int_eq(ymd_parse("", &d), -1);
	ck_assert_int_eq(ymd_parse(NULL, &d), -1);
	ck_assert_int_eq(ymd_parse("2026-01-01x", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-01-01 ", &d), -1);
	ck_assert_int_eq(ymd_parse(" 2026-01-01", &d), -1);
	ck_assert_int_eq(ymd_parse("2026/01/01", &d), -1);
	ck_assert_int_eq(ymd_parse("+2026-01-01", &d), -1);
	ck_assert_int_eq(ymd_parse("20260101", &d), -1);
	/* malformed date-times */
	ck_assert_int_eq(ymd_parse("2026-01-01T", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-01-01T10:00", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-01-01T10:00:00", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-01-01T24:00:00Z", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-01-01T10:60:00Z", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-01-01T10:00:00.Z", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-01-01T10:00:00Zjunk", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-01-01T10:00:00+0200", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-01-01T10:00:00+02:00x", &d), -1);
	ck_assert_int_eq(ymd_parse("2026-02-30T10:00:00Z", &d), -1);

	d.y = 2026; d.m = 3; d.d = 5;
	ymd_format(&d, b);
	ck_assert_str_eq(b, "2026-03-05");
}
END_TEST

START_TEST(test_cmp)
{
	struct ymd	 a = D("2026-05-14"), b = D("2026-05-15"),
			 c = D("2027-01-01"), e = D("2026-12-31");

	ck_assert_int_lt(ymd_cmp(&a, &b), 0);
	ck_assert_int_gt(ymd_cmp(&b, &a), 0);
	ck_assert_int_eq(ymd_cmp(&a, &a), 0);
	ck_assert_int_gt(ymd_cmp(&c, &e), 0);
	ck_assert_int_lt(ymd_cmp(&e, &c), 0);
}
END_TEST

START_TEST(test_easter)
{
	struct ymd	 e;
	int		 y;

	ck_assert_int_eq(easter(2024, &e), 0);
	ck_assert_ymd(e, "2024-03-31");
	ck_assert_int_eq(easter(2025, &e), 0);
	ck_assert_ymd(e, "2025-04-20");
	ck_assert_int_eq(easter(2026, &e), 0);
	ck_assert_ymd(e, "2026-04-05");
	ck_assert_int_eq(easter(2027, &e), 0);
	ck_assert_ymd(e, "2027-03-28");
	ck_assert_int_eq(easter(2038, &e), 0);
	ck_assert_ymd(e, "2038-04-25");
	ck_assert_int_eq(easter(2285, &e), 0);	/* earliest possible */
	ck_assert_ymd(e, "2285-03-22");
	ck_assert_int_eq(easter(1582, &e), -1);

	/* always a Sunday between 22 March and 25 April: Easter Monday,
	 * Ascension and Whit Monday are holidays, Easter Sunday is not a
	 * working day but no holiday of its own */
	for (y = 1900; y <= 2200; y++) {
		struct ymd	 lo = { y, 3, 22 }, hi = { y, 4, 25 };

		ck_assert_int_eq(easter(y, &e), 0);
		ck_assert_int_ge(ymd_cmp(&e, &lo), 0);
		ck_assert_int_le(ymd_cmp(&e, &hi), 0);
		ck_assert_int_eq(is_working_day(&e), 0);
	}
}
END_TEST

START_TEST(test_holidays)
{
	static const char *const hol[] = {
		"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08",
		"2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15",
		"2026-11-01", "2026-11-11", "2026-12-25",
		"2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06",
		"2027-05-08", "2027-05-17", "2027-07-14", "2027-08-15",
		"2027-11-01", "2027-11-11", "2027-12-25",
	};
	static const char *const not_hol[] = {
		"2026-04-03",	/* Good Friday: Alsace-Moselle only */
		"2026-04-05",	/* Easter Sunday */
		"2026-05-24",	/* Whit Sunday */
		"2026-12-26",	/* Alsace-Moselle only */
		"2026-12-24", "2026-12-31", "2026-05-13", "2026-05-15",
		"2027-03-28", "2027-04-06", "2027-05-14", "2027-05-25",
	};
	size_t		 i;
	struct ymd	 d;

	for (i = 0; i < sizeof(hol) / sizeof(hol[0]); i++) {
		d = D(hol[i]);
		ck_assert_msg(is_french_holiday(&d) == 1, "%s", hol[i]);
		ck_assert_msg(is_working_day(&d) == 0, "%s", hol[i]);
	}
	for (i = 0; i < sizeof(not_hol) / sizeof(not_hol[0]); i++) {
		d = D(not_hol[i]);
		ck_assert_msg(is_french_holiday(&d) == 0, "%s", not_hol[i]);
	}

	/* exactly 11 holidays a year, whatever the weekday they fall on */
	for (int y = 2020; y <= 2040; y++) {
		int	 n = 0;

		for (int m = 1; m <= 12; m++)
			for (int dd = 1; dd <= 31; dd++) {
				struct ymd	 t = { y, m, dd };
				char		 b[11];

				ymd_format(&t, b);
				if (ymd_parse(b, &d) == 0)
					n += is_french_holiday(&d);
			}
		ck_assert_int_eq(n, 11);
	}
}
END_TEST

START_TEST(test_working_days)
{
	struct ymd	 d;

	d = D("2026-01-10");	/* Saturday */
	ck_assert_int_eq(is_working_day(&d), 0);
	d = D("2026-01-11");	/* Sunday */
	ck_assert_int_eq(is_working_day(&d), 0);
	d = D("2026-01-09");	/* Friday */
	ck_assert_int_eq(is_working_day(&d), 1);
	d = D("2026-01-12");	/* Monday */
	ck_assert_int_eq(is_working_day(&d), 1);
	d = D("2026-04-03");	/* Good Friday */
	ck_assert_int_eq(is_working_day(&d), 1);
	d = D("2026-04-06");	/* Easter Monday */
	ck_assert_int_eq(is_working_day(&d), 0);
	d = D("2026-08-15");	/* Saturday and holiday */
	ck_assert_int_eq(is_working_day(&d), 0);
}
END_TEST

START_TEST(test_add_working_days)
{
	struct ymd	 d;

	/* across a weekend */
	d = D("2026-01-09");	/* Friday */
	ck_assert_ymd(add_working_days(&d, 1), "2026-01-12");
	ck_assert_ymd(add_working_days(&d, 5), "2026-01-16");
	ck_assert_ymd(add_working_days(&d, 6), "2026-01-19");
	d = D("2026-01-10");	/* from a Saturday */
	ck_assert_ymd(add_working_days(&d, 1), "2026-01-12");
	/* n <= 0: unchanged */
	ck_assert_ymd(add_working_days(&d, 0), "2026-01-10");
	ck_assert_ymd(add_working_days(&d, -3), "2026-01-10");

	/* across a holiday: Thursday before Easter, Easter Monday skipped */
	d = D("2026-04-02");
	ck_assert_ymd(add_working_days(&d, 1), "2026-04-03");
	ck_assert_ymd(add_working_days(&d, 2), "2026-04-07");
	/* Ascension Thursday 2026-05-14 skipped */
	d = D("2026-05-13");
	ck_assert_ymd(add_working_days(&d, 1), "2026-05-15");
	/* Christmas and New Year, across the year */
	d = D("2026-12-24");
	ck_assert_ymd(add_working_days(&d, 1), "2026-12-28");
	d = D("2026-12-31");
	ck_assert_ymd(add_working_days(&d, 1), "2027-01-04");
	/* May 2027: 1 and 8 May on Saturdays, Ascension 6 May */
	d = D("2027-05-05");
	ck_assert_ymd(add_working_days(&d, 1), "2027-05-07");
	ck_assert_ymd(add_working_days(&d, 2), "2027-05-10");
	/* longer runs */
	d = D("2026-04-01");
	ck_assert_ymd(add_working_days(&d, 19), "2026-04-29");
	ck_assert_ymd(add_working_days(&d, 20), "2026-04-30");
	d = D("2026-05-04");
	ck_assert_ymd(add_working_days(&d, 20), "2026-06-04");
	d = D("2026-12-18");
	ck_assert_ymd(add_working_days(&d, 20), "2027-01-19");
	d = D("2026-07-10");
	ck_assert_ymd(add_working_days(&d, 20), "2026-08-10");
}
END_TEST

START_TEST(test_paris_today)
{
	/* winter, UTC+1 */
	ck_assert_ymd(paris_today(utc(2026, 1, 10, 22, 59, 59)), "2026-01-10");
	ck_assert_ymd(paris_today(utc(2026, 1, 10, 23, 0, 0)), "2026-01-11");
	ck_assert_ymd(paris_today(utc(2026, 1, 10, 23, 30, 0)), "2026-01-11");
	ck_assert_ymd(paris_today(utc(2026, 1, 11, 0, 30, 0)), "2026-01-11");
	/* summer, UTC+2 */
	ck_assert_ymd(paris_today(utc(2026, 7, 10, 21, 59, 59)), "2026-07-10");
	ck_assert_ymd(paris_today(utc(2026, 7, 10, 22, 0, 0)), "2026-07-11");
	ck_assert_ymd(paris_today(utc(2026, 7, 10, 22, 30, 0)), "2026-07-11");
	/* New Year's Eve */
	ck_assert_ymd(paris_today(utc(2026, 12, 31, 22, 59, 59)), "2026-12-31");
	ck_assert_ymd(paris_today(utc(2026, 12, 31, 23, 0, 0)), "2027-01-01");
	/* the epoch: 1970-01-01 01:00 in Paris */
	ck_assert_ymd(paris_today(0), "1970-01-01");
	ck_assert_ymd(paris_today(-3601), "1969-12-31");
	ck_assert_ymd(paris_today(-3600), "1970-01-01");
}
END_TEST

START_TEST(test_paris_dst)
{
	/* 2026: CEST from 29 March 01:00 UTC to 25 October 01:00 UTC */
	/* day before the switch to summer time: still UTC+1 */
	ck_assert_ymd(paris_today(utc(2026, 3, 28, 22, 59, 59)), "2026-03-28");
	ck_assert_ymd(paris_today(utc(2026, 3, 28, 23, 0, 0)), "2026-03-29");
	/* evening of the switch day: UTC+2 */
	ck_assert_ymd(paris_today(utc(2026, 3, 29, 21, 59, 59)), "2026-03-29");
	ck_assert_ymd(paris_today(utc(2026, 3, 29, 22, 0, 0)), "2026-03-30");
	/* day before the switch to winter time: still UTC+2 */
	ck_assert_ymd(paris_today(utc(2026, 10, 24, 21, 59, 59)), "2026-10-24");
	ck_assert_ymd(paris_today(utc(2026, 10, 24, 22, 0, 0)), "2026-10-25");
	/* evening of the switch day: UTC+1 */
	ck_assert_ymd(paris_today(utc(2026, 10, 25, 22, 59, 59)), "2026-10-25");
	ck_assert_ymd(paris_today(utc(2026, 10, 25, 23, 0, 0)), "2026-10-26");
	/* 2027: CEST from 28 March to 31 October */
	ck_assert_ymd(paris_today(utc(2027, 3, 27, 22, 30, 0)), "2027-03-27");
	ck_assert_ymd(paris_today(utc(2027, 3, 28, 22, 30, 0)), "2027-03-29");
	ck_assert_ymd(paris_today(utc(2027, 10, 30, 22, 30, 0)), "2027-10-31");
	ck_assert_ymd(paris_today(utc(2027, 10, 31, 22, 30, 0)), "2027-10-31");
}
END_TEST

START_TEST(test_earliest_working)
{
	/* Wednesday 2026-04-01, 12:00 in Paris */
	time_t	 now = utc(2026, 4, 1, 10, 0, 0);

	ck_assert_ymd(earliest_requested_date(now, 20, LEAD_WORKING), "2026-04-30");
	ck_assert_ymd(earliest_requested_date(now, 1, LEAD_WORKING), "2026-04-02");
	ck_assert_ymd(earliest_requested_date(now, 0, LEAD_WORKING), "2026-04-01");
	/* late on Tuesday 31 March UTC is already 1 April in Paris */
	ck_assert_ymd(earliest_requested_date(utc(2026, 3, 31, 22, 30, 0), 20,
	    LEAD_WORKING), "2026-04-30");
	ck_assert_ymd(earliest_requested_date(utc(2026, 3, 31, 21, 30, 0), 20,
	    LEAD_WORKING), "2026-04-29");
	/* on a Saturday: counting starts after it */
	ck_assert_ymd(earliest_requested_date(utc(2026, 1, 10, 12, 0, 0), 1,
	    LEAD_WORKING), "2026-01-12");
	ck_assert_ymd(earliest_requested_date(utc(2026, 1, 10, 12, 0, 0), 0,
	    LEAD_WORKING), "2026-01-12");
	/* from Friday 18 December 2026, across Christmas and New Year */
	ck_assert_ymd(earliest_requested_date(utc(2026, 12, 18, 9, 0, 0), 20,
	    LEAD_WORKING), "2027-01-19");
}
END_TEST

START_TEST(test_earliest_calendar)
{
	/* Wednesday 2026-04-01, 12:00 in Paris: + 20 is Tuesday 21 April */
	time_t	 now = utc(2026, 4, 1, 10, 0, 0);

	ck_assert_ymd(earliest_requested_date(now, 20, LEAD_CALENDAR), "2026-04-21");
	ck_assert_ymd(earliest_requested_date(now, 1, LEAD_CALENDAR), "2026-04-02");
	ck_assert_ymd(earliest_requested_date(now, 0, LEAD_CALENDAR), "2026-04-01");
	/* 23:30 in Paris on 31 March is still 31 March: + 20 is Monday 20 */
	ck_assert_ymd(earliest_requested_date(utc(2026, 3, 31, 21, 30, 0), 20,
	    LEAD_CALENDAR), "2026-04-20");
	ck_assert_ymd(earliest_requested_date(utc(2026, 3, 31, 22, 0, 0), 20,
	    LEAD_CALENDAR), "2026-04-21");
	/* + 1 from a Saturday is a Sunday: the Monday */
	ck_assert_ymd(earliest_requested_date(utc(2026, 1, 10, 12, 0, 0), 1,
	    LEAD_CALENDAR), "2026-01-12");
	ck_assert_ymd(earliest_requested_date(utc(2026, 1, 10, 12, 0, 0), 0,
	    LEAD_CALENDAR), "2026-01-12");
	/* + 20 on a holiday: 1 May (Friday) -> Monday 4 May; 14 July
	 * (Tuesday) -> 15 July; Easter Sunday then Monday -> Tuesday */
	ck_assert_ymd(earliest_requested_date(utc(2026, 4, 11, 10, 0, 0), 20,
	    LEAD_CALENDAR), "2026-05-04");
	ck_assert_ymd(earliest_requested_date(utc(2026, 6, 24, 10, 0, 0), 20,
	    LEAD_CALENDAR), "2026-07-15");
	ck_assert_ymd(earliest_requested_date(utc(2026, 3, 16, 10, 0, 0), 20,
	    LEAD_CALENDAR), "2026-04-07");
	/* across the year end: + 20 is Friday 1 January 2027 -> Monday 4 */
	ck_assert_ymd(earliest_requested_date(utc(2026, 12, 12, 10, 0, 0), 20,
	    LEAD_CALENDAR), "2027-01-04");
	ck_assert_ymd(earliest_requested_date(utc(2026, 12, 18, 9, 0, 0), 20,
	    LEAD_CALENDAR), "2027-01-07");
}
END_TEST

START_TEST(test_check)
{
	time_t		 now = utc(2026, 4, 1, 10, 0, 0);
	struct ymd	 d, e;
	char		 b[11];

	/* a Saturday, after the earliest date */
	d = D("2026-05-02");
	memset(&e, 0, sizeof(e));
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_WORKING, &e), -1);
	ck_assert_ymd(e, "2026-04-30");
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_CALENDAR, &e), -1);
	ck_assert_ymd(e, "2026-04-21");
	/* 1 May */
	d = D("2026-05-01");
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_WORKING, &e), -1);
	ck_assert_ymd(e, "2026-04-30");
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_CALENDAR, &e), -1);
	/* Easter Monday 2027 */
	d = D("2027-03-29");
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_WORKING, &e), -1);
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_CALENDAR, &e), -1);
	/* 19 working days ahead: refused, earliest is the 20th */
	d = D("2026-04-29");
	memset(&e, 0, sizeof(e));
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_WORKING, &e), -1);
	ymd_format(&e, b);
	ck_assert_str_eq(b, "2026-04-30");
	/* ... but 28 calendar days ahead */
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_CALENDAR, &e), 0);
	/* the 20th working day: accepted */
	d = D("2026-04-30");
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_WORKING, &e), 0);
	ck_assert_ymd(e, "2026-04-30");
	/* + 19, + 20, + 21 calendar days */
	d = D("2026-04-20");
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_CALENDAR, &e), -1);
	ck_assert_ymd(e, "2026-04-21");
	d = D("2026-04-21");
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_CALENDAR, NULL), 0);
	d = D("2026-04-22");
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_CALENDAR, NULL), 0);
	/* later working days: accepted, even without *earliest */
	d = D("2026-05-04");
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_WORKING, NULL), 0);
	d = D("2027-03-30");
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_WORKING, NULL), 0);
	/* today and the past: refused */
	d = D("2026-04-01");
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_WORKING, NULL), -1);
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_CALENDAR, NULL), -1);
	d = D("2025-04-30");
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_CALENDAR, NULL), -1);
	/* from a date-time */
	d = D("2026-04-30T08:00:00+02:00");
	ck_assert_int_eq(check_requested_date(&d, now, 20, LEAD_WORKING, NULL), 0);
}
END_TEST

START_TEST(test_calendar_arithmetic)
{
	struct ymd	 d, out;
	char		 b[32];

	d = D("2024-01-31");
	ck_assert_ymd(ymd_add_months(&d, 1), "2024-02-29");
	ck_assert_ymd(ymd_add_months(&d, -1), "2023-12-31");
	ck_assert_ymd(ymd_add_months(&d, 6), "2024-07-31");
	d = D("2024-03-31");
	ck_assert_ymd(ymd_add_months(&d, -1), "2024-02-29");
	ck_assert_ymd(ymd_add_months(&d, -15), "2022-12-31");
	ck_assert_ymd(ymd_add_days(&d, 1), "2024-04-01");
	ck_assert_ymd(ymd_add_days(&d, -366), "2023-03-31");
	ck_assert_int_eq(ymd_days(&(struct ymd){ 1970, 1, 2 }), 1);
	ck_assert_ymd(ymd_from_days(-1), "1969-12-31");
	ck_assert_int_eq(ymd_weekday(&(struct ymd){ 2026, 1, 10 }), 6);
	/* UTC and Paris today differ between 22:00/23:00 UTC and midnight */
	ck_assert_ymd(utc_today(utc(2026, 7, 10, 22, 30, 0)), "2026-07-10");
	ck_assert_ymd(paris_today(utc(2026, 7, 10, 22, 30, 0)), "2026-07-11");
	/* strict dates, TelecomX days */
	ck_assert_int_eq(ymd_parse_date("2026-02-28", &out), 0);
	ck_assert_int_eq(ymd_parse_date("2026-02-28T00:00:00Z", &out), -1);
	ck_assert_int_eq(ymd_parse_date(NULL, &out), -1);
	ck_assert_int_eq(ymd_parse_utc_day("2026-02-28T00:00:00.123Z", &out), 0);
	ck_assert_ymd(out, "2026-02-28");
	ck_assert_int_eq(ymd_parse_utc_day("2026-02-28T00:00:00+01:00", &out), -1);
	ck_assert_int_eq(ymd_parse_utc_day("2026-02-28t00:00:00Z", &out), -1);
	/* instants */
	ck_assert_int_eq(utc_iso_epoch("1970-01-01T00:01:00.000Z"), 60);
	ck_assert_int_eq(utc_iso_epoch("2026-01-01T24:00:00Z"), -1);
	utc_epoch_iso(utc(2026, 3, 29, 1, 2, 3), b);
	ck_assert_str_eq(b, "2026-03-29T01:02:03.000Z");
	utc_epoch_iso(-1, b);
	ck_assert_str_eq(b, "1969-12-31T23:59:59.000Z");
}
END_TEST

#ifdef REQDESK_TEST_CLOCK
START_TEST(test_test_clock)
{
	char	 path[] = "check_workday_clock.XXXXXX";
	int	 fd = mkstemp(path);
	FILE	*f;

	ck_assert_int_ge(fd, 0);
	close(fd);
	setenv("REQDESK_TEST_CLOCK", path, 1);
	/* empty: the real clock */
	ck_assert(calendar_now() - now_epoch() <= 1);
	f = fopen(path, "w");
	fputs("2026-12-31T22:59:59Z\n", f);
	fclose(f);
	ck_assert_int_eq(calendar_now(), utc(2026, 12, 31, 22, 59, 59));
	ck_assert_ymd(paris_today(calendar_now()), "2026-12-31");
	f = fopen(path, "w");
	fputs("1798757999", f);
	fclose(f);
	ck_assert_int_eq(calendar_now(), 1798757999);
	f = fopen(path, "w");
	fputs("tomorrow", f);
	fclose(f);
	ck_assert(calendar_now() - now_epoch() <= 1);
	unlink(path);
	ck_assert(calendar_now() - now_epoch() <= 1);
	unsetenv("REQDESK_TEST_CLOCK");
	ck_assert(calendar_test_clock_built());
}
END_TEST
#endif

static Suite *
workday_suite(void)
{
	Suite	*s = suite_create("workday");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_cmp);
	tcase_add_test(tc, test_easter);
	tcase_add_test(tc, test_holidays);
	tcase_add_test(tc, test_working_days);
	tcase_add_test(tc, test_add_working_days);
	tcase_add_test(tc, test_paris_today);
	tcase_add_test(tc, test_paris_dst);
	tcase_add_test(tc, test_earliest_working);
	tcase_add_test(tc, test_earliest_calendar);
	tcase_add_test(tc, test_check);
	tcase_add_test(tc, test_calendar_arithmetic);
#ifdef REQDESK_TEST_CLOCK
	tcase_add_test(tc, test_test_clock);
#endif
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(workday_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
