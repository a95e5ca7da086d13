/*
 * workday.h — French working days, for the `requestedAt` rule of the
 * Orange ordering requests.
 *
 * The rule reads "The requestedAt date must be 20 days minimum and must
 * be a working day in France" (Orange error 3611, whose description
 * names the earliest valid date).  It is read as follows:
 *
 *  - "20 days minimum" counts WORKING days: the earliest acceptable date
 *    is the lead_days-th working day strictly after today, "today" being
 *    the calendar date in Europe/Paris at the moment of the request;
 *  - the requested date itself must also be a working day.
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
 * without the TZ environment, tzset() or localtime(): everything in this
 * module is a pure function, with no global state, and thread-safe.
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

/* Compare two dates: returns <0 if a is before b, 0 if equal, >0 if
 * after. */
int  ymd_cmp(const struct ymd *a, const struct ymd *b);

/* The calendar date in Europe/Paris at the instant `now` (rules above). */
struct ymd paris_today(time_t now);

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

/* The earliest acceptable requestedAt for a request made at `now` with
 * `lead_days` (e.g. 20): the lead_days-th working day strictly after the
 * Paris date of `now`.  With lead_days <= 0, the first working day on or
 * after that date. */
struct ymd earliest_requested_date(time_t now, int lead_days);

/* Check a requestedAt date.  Returns 0 if `date` is acceptable (a
 * working day and not before earliest_requested_date(now, lead_days)),
 * else -1.  In both cases *earliest, if not NULL, is set to the earliest
 * acceptable date, for the description of error 3611. */
int  check_requested_date(const struct ymd *date, time_t now, int lead_days,
	    struct ymd *earliest);

#endif /* REQDESK_WORKDAY_H */
