/*
 * workday.h — the desk's one calendar: dates, French working days, and
 * "today" (in Europe/Paris for the Orange lead time, in UTC for the
 * Internet requests' startDate window), with the one clock they read.
 *
 * Owns: the calendar (dates, Easter, French holidays, working days, the
 * lead time), "today" in Europe/Paris and in UTC, and the clock they
 * read (calendar_now(), with the test clock of a build configured with
 * --enable-test-clock).  Calls: log (a test clock that cannot be read),
 * util (the real clock).  Never: reads TZ, tzset() or localtime(), or
 * keeps state between calls.
 *
 * The lead-time rule reads "The requestedAt date must be 20 days minimum
 * and must be a working day in France" (Orange error 3611, whose
 * description names the earliest valid date).  It is read as follows:
 *
 *  - "20 days minimum" counts CALENDAR days after today, "today" being
 *    the calendar date in Europe/Paris at the moment of the request:
 *    today + 20 days is the earliest date if it is a working day,
 *    otherwise the first working day after it (LEAD_CALENDAR, the
 *    default of a catalog type);
 *  - a type may declare its lead time in working days instead
 *    (LEAD_WORKING): the earliest date is then the lead_days-th working
 *    day strictly after today;
 *  - the requested date itself must always be a working day.
 *
 * A working day is Monday to Friday and not one of the 11 French
 * national public holidays: 1 January, Easter Monday, 1 May, 8 May,
 * Ascension Thursday (Easter + 39), Whit Monday (Easter + 50), 14 July,
 * 15 August, 1 November, 11 November, 25 December.  Regional holidays
 * (Good Friday and 26 December in Alsace-Moselle, overseas departments)
 * are not counted.  Easter is computed with the anonymous Gregorian
 * algorithm.
 *
 * The Paris date is computed here from a time_t with the current EU
 * rules applied to every year (CET, UTC+1; CEST, UTC+2 from the last
 * Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC),
 * without the TZ environment, tzset() or localtime().  Every function
 * here is a pure function of its arguments, thread-safe, except
 * calendar_now(), the instant "today" is taken from (see below).
 *
 * Dates are proleptic Gregorian, years 1 to 9999.  Functions taking a
 * `struct ymd` expect a valid date (as ymd_parse() gives).
 */
#ifndef REQDESK_WORKDAY_H
#define REQDESK_WORKDAY_H

#include <time.h>

/* A calendar date: year, month 1-12, day 1-31. */
struct ymd { int y, m, d; };

/* Parse a strict "YYYY-MM-DD" (exactly 4-2-2 digits, nothing after), or
 * a full ISO 8601 / RFC 3339 date-time "YYYY-MM-DDTHH:MM:SS[.f...]"
 * followed by "Z" or "+hh:mm" / "-hh:mm", of which the date part is
 * taken as written (it is not converted to Paris time).  The time part
 * must be well formed (HH 00-23, MM 00-59, SS 00-60).  Returns 0 and
 * fills *out, or -1 (leaving *out untouched) if `s` is NULL, not in one
 * of these forms, or not a real date (2025-02-30, month 13, year 0). */
int  ymd_parse(const char *s, struct ymd *out);

/* Write `d` as "YYYY-MM-DD" and a NUL into `out` (always 11 bytes; a
 * date after year 9999 is written "9999-12-31" and one before year 0
 * "0000-01-01", so as never to overflow). */
void ymd_format(const struct ymd *d, char out[11]);

/* Parse a strict "YYYY-MM-DD" alone (a real date, years 1-9999): what
 * JSON Schema's `format: date` (RFC 3339 full-date) accepts.  0, or -1
 * leaving *out untouched. */
int  ymd_parse_date(const char *s, struct ymd *out);

/* Parse "YYYY-MM-DD", or that day at a UTC time as TelecomX writes them
 * ("YYYY-MM-DDTHH:MM:SS", then optionally "." and 1 to 9 digits, then
 * "Z"; the time is not kept).  0, or -1 leaving *out untouched. */
int  ymd_parse_utc_day(const char *s, struct ymd *out);

/* Compare two dates: returns <0 if a is before b, 0 if equal, >0 if
 * after. */
int  ymd_cmp(const struct ymd *a, const struct ymd *b);

/* Days since 1970-01-01 of a date (negative before), and back. */
long long  ymd_days(const struct ymd *d);
struct ymd ymd_from_days(long long days);

/* `d` moved by n days (n may be negative). */
struct ymd ymd_add_days(const struct ymd *d, long long n);

/* `d` moved by n calendar months (n may be negative), the day clamped to
 * the length of the month reached (31 January + 1 month: 28 or 29
 * February). */
struct ymd ymd_add_months(const struct ymd *d, int n);

/* Day of the week of `d`: 0 Sunday .. 6 Saturday. */
int  ymd_weekday(const struct ymd *d);

/* The calendar date in Europe/Paris at the instant `now` (rules above). */
struct ymd paris_today(time_t now);

/* The calendar date in UTC at the instant `now`. */
struct ymd utc_today(time_t now);

/* An ISO 8601 UTC time "YYYY-MM-DDTHH:MM:SS..." (what follows the seconds
 * is not read) to seconds since the epoch, or -1 if `iso` does not start
 * that way. */
time_t utc_iso_epoch(const char *iso);

/* Seconds since the epoch as "YYYY-MM-DDTHH:MM:SS.000Z" (32 bytes). */
void utc_epoch_iso(time_t t, char out[32]);

/*
 * The instant "today" is computed from: now_epoch(), unless the program
 * was configured with --enable-test-clock (./dev build does so; a
 * production build from ./configure does not) and the environment names
 * a clock file in REQDESK_TEST_CLOCK.  That file, read at every call,
 * holds one instant, "YYYY-MM-DDTHH:MM:SSZ" or seconds since the epoch;
 * while it is missing or empty the real clock is used, and a file that
 * holds anything else is ignored with a warning in the log.  Only the
 * calendar reads it (lead time, startDate window, the form's earliest
 * date), the windows counted in days (an Idempotency-Key's 24 hours,
 * idempotency.c) and the outbox's retry timing (when a message is due,
 * its lease and back-off, the retry window: mailer.c): time stamps
 * (issuedAt, sessions, the outbox's created and sent_at) keep the real
 * clock.  Tests use it to put "today" on either side of a midnight.
 */
time_t calendar_now(void);

/* Was the program built with the test clock?  1 or 0. */
int  calendar_test_clock_built(void);

/* Easter Sunday of `year` (Gregorian computus).  Returns 0 and fills
 * *out, or -1 if the year is outside 1583-9999 (before the Gregorian
 * reform the result would be meaningless). */
int  easter(int year, struct ymd *out);

/* Returns 1 if `d` is one of the 11 French national public holidays
 * listed above, else 0. */
int  is_french_holiday(const struct ymd *d);

/* Returns 1 if `d` is a working day in France (Monday to Friday and not
 * a public holiday), else 0. */
int  is_working_day(const struct ymd *d);

/* The n-th working day strictly after `from` (n = 1: the next working
 * day).  `from` itself need not be a working day.  For n <= 0 returns
 * `from` unchanged. */
struct ymd add_working_days(const struct ymd *from, int n);

/* How a lead time is counted. */
enum lead_unit {
	LEAD_CALENDAR,	/* calendar days after today (the default) */
	LEAD_WORKING,	/* working days after today */
};

/* The earliest acceptable requestedAt for a request made at `now` with
 * `lead_days` (e.g. 20) counted in `unit`, from the Paris date of `now`
 * ("today"): LEAD_CALENDAR, the first working day on or after today +
 * lead_days; LEAD_WORKING, the lead_days-th working day strictly after
 * today.  With lead_days <= 0, the first working day on or after today. */
struct ymd earliest_requested_date(time_t now, int lead_days, enum lead_unit unit);

/* Check a requestedAt date.  Returns 0 if `date` is acceptable (a
 * working day and not before earliest_requested_date()), else -1.  In
 * both cases *earliest, if not NULL, is set to the earliest acceptable
 * date, for the description of error 3611. */
int  check_requested_date(const struct ymd *date, time_t now, int lead_days,
	    enum lead_unit unit, struct ymd *earliest);

#endif /* REQDESK_WORKDAY_H */
