/*
 * workday.c — the desk's calendar: dates, French working days, the Paris
 * and UTC dates of an instant, computed without the C library's time
 * zone machinery (pure functions, no global state), and the clock that
 * "today" is read from.  See workday.h for the rules.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "autoconf.h"
#include "log.h"
#include "util.h"
#include "workday.h"

/* time_t values clamped to 0001-01-02 .. 9999-12-30 (UTC), so that the
 * arithmetic below can neither overflow nor leave years 1-9999. */
#define T_MIN	(-62135510400LL)
#define T_MAX	(253402128000LL)

static long long
floor_div(long long a, long long b)
{
	long long q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long long
days_from_civil(int y, int m, int d)
{
	long long	 era;
	unsigned	 yoe, doy, doe;

	y -= m <= 2;
	era = floor_div(y, 400);
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

/* The date of a day number (days since 1970-01-01). */
static struct ymd
civil_from_days(long long z)
{
	struct ymd	 r;
	long long	 era;
	unsigned	 doe, yoe, doy, mp;

	z += 719468;
	era = floor_div(z, 146097);
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400) + (r.m <= 2);
	return r;
}

/* Day of the week of a day number: 0 Sunday .. 6 Saturday. */
static int
weekday(long long z)
{
	return (int)(z + 4 - floor_div(z + 4, 7) * 7);	/* 1970-01-01: Thu */
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int	 mdays[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

/* The value of n decimal digits at s, or -1 if one is not a digit. */
static int
digits(const char *s, int n)
{
	int	 v = 0;

	for (; n > 0; n--, s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* A two-digit field at s, followed by `sep` unless sep is NUL, within
 * [0, max].  Returns its value or -1. */
static int
field2(const char *s, int max, char sep)
{
	int	 v;

	if ((v = digits(s, 2)) < 0 || v > max)
		return -1;
	if (sep != '\0' && s[2] != sep)
		return -1;
	return v;
}

/* The time part of a date-time, after the 'T': "HH:MM:SS[.f...]"
 * then "Z" or "+hh:mm" / "-hh:mm", then the end.  Returns 0 or -1. */
static int
valid_time(const char *s)
{
	if (field2(s, 23, ':') < 0 || field2(s + 3, 59, ':') < 0 ||
	    field2(s + 6, 60, '\0') < 0)
		return -1;
	s += 8;
	if (*s == '.') {
		s++;
		if (*s < '0' || *s > '9')
			return -1;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'Z' || *s == 'z')
		return s[1] == '\0' ? 0 : -1;
	if (*s != '+' && *s != '-')
		return -1;
	s++;
	if (field2(s, 23, ':') < 0 || field2(s + 3, 59, '\0') < 0)
		return -1;
	return s[5] == '\0' ? 0 : -1;
}

int
ymd_parse(const char *s, struct ymd *out)
{
	int	 y, m, d;

	if (s == NULL)
		return -1;
	if ((y = digits(s, 4)) < 1 || s[4] != '-' ||
	    (m = digits(s + 5, 2)) < 1 || m > 12 || s[7] != '-' ||
	    (d = digits(s + 8, 2)) < 1 || d > days_in_month(y, m))
		return -1;
	if (s[10] != '\0') {
		if (s[10] != 'T' && s[10] != 't')
			return -1;
		if (valid_time(s + 11) < 0)
			return -1;
	}
	out->y = y;
	out->m = m;
	out->d = d;
	return 0;
}

int
ymd_parse_date(const char *s, struct ymd *out)
{
	if (s == NULL || strlen(s) != 10)
		return -1;
	return ymd_parse(s, out);
}

/* "THH:MM:SS", then optionally "." and 1 to 9 digits, then "Z" and the
 * end.  0 or -1. */
static int
utc_time_part(const char *s)
{
	int	 n;

	if (s[0] != 'T' || field2(s + 1, 23, ':') < 0 ||
	    field2(s + 4, 59, ':') < 0 || field2(s + 7, 60, '\0') < 0)
		return -1;
	s += 9;
	if (*s == '.') {
		for (n = 0, s++; *s >= '0' && *s <= '9'; s++)
			n++;
		if (n < 1 || n > 9)
			return -1;
	}
	return strcmp(s, "Z") == 0 ? 0 : -1;
}

int
ymd_parse_utc_day(const char *s, struct ymd *out)
{
	struct ymd	 d;
	char		 day[11];

	if (s == NULL || strlen(s) < 10)
		return -1;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (ymd_parse(day, &d) < 0 || (s[10] != '\0' && utc_time_part(s + 10) < 0))
		return -1;
	*out = d;
	return 0;
}

void
ymd_format(const struct ymd *d, char out[11])
{
	int	 v[3], w[3] = { 4, 2, 2 };
	int	 i, j, k = 0;

	v[0] = d->y;
	v[1] = d->m < 0 ? 0 : d->m > 99 ? 99 : d->m;
	v[2] = d->d < 0 ? 0 : d->d > 99 ? 99 : d->d;
	if (v[0] < 0) {			/* clamp to the representable range */
		v[0] = 0;
		v[1] = v[2] = 1;
	} else if (v[0] > 9999) {
		v[0] = 9999;
		v[1] = 12;
		v[2] = 31;
	}
	for (i = 0; i < 3; i++) {
		if (i > 0)
			out[k++] = '-';
		for (j = w[i] - 1; j >= 0; j--) {
			out[k + j] = (char)('0' + v[i] % 10);
			v[i] /= 10;
		}
		k += w[i];
	}
	out[k] = '\0';
}

int
ymd_cmp(const struct ymd *a, const struct ymd *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return 0;
}

long long
ymd_days(const struct ymd *d)
{
	return days_from_civil(d->y, d->m, d->d);
}

struct ymd
ymd_from_days(long long days)
{
	return civil_from_days(days);
}

struct ymd
ymd_add_days(const struct ymd *d, long long n)
{
	return civil_from_days(days_from_civil(d->y, d->m, d->d) + n);
}

struct ymd
ymd_add_months(const struct ymd *d, int n)
{
	struct ymd	 r;
	long long	 m = (long long)d->y * 12 + (d->m - 1) + n;

	r.y = (int)floor_div(m, 12);
	r.m = (int)(m - floor_div(m, 12) * 12) + 1;
	r.d = d->d > days_in_month(r.y, r.m) ? days_in_month(r.y, r.m) : d->d;
	return r;
}

int
ymd_weekday(const struct ymd *d)
{
	return weekday(days_from_civil(d->y, d->m, d->d));
}

/* Day number of the last Sunday of month m (March or October). */
static long long
last_sunday(int y, int m)
{
	long long	 z = days_from_civil(y, m, 31);

	return z - weekday(z);
}

struct ymd
paris_today(time_t now)
{
	long long	 t = (long long)now, start, end, off;
	int		 y;

	if (t < T_MIN)
		t = T_MIN;
	if (t > T_MAX)
		t = T_MAX;
	y = civil_from_days(floor_div(t, 86400)).y;
	start = last_sunday(y, 3) * 86400 + 3600;
	end = last_sunday(y, 10) * 86400 + 3600;
	off = (t >= start && t < end) ? 7200 : 3600;
	return civil_from_days(floor_div(t + off, 86400));
}

struct ymd
utc_today(time_t now)
{
	long long	 t = (long long)now;

	if (t < T_MIN)
		t = T_MIN;
	if (t > T_MAX)
		t = T_MAX;
	return civil_from_days(floor_div(t, 86400));
}

time_t
utc_iso_epoch(const char *iso)
{
	struct ymd	 d;
	char		 day[11];
	int		 h, mi, sec;

	if (iso == NULL || strlen(iso) < 19 || iso[10] != 'T')
		return -1;
	memcpy(day, iso, 10);
	day[10] = '\0';
	if (ymd_parse(day, &d) < 0 || (h = field2(iso + 11, 23, ':')) < 0 ||
	    (mi = field2(iso + 14, 59, ':')) < 0 || (sec = field2(iso + 17, 60, '\0')) < 0)
		return -1;
	return (time_t)(days_from_civil(d.y, d.m, d.d) * 86400 + h * 3600 + mi * 60 + sec);
}

void
utc_epoch_iso(time_t t, char out[32])
{
	struct ymd	 d = utc_today(t);
	long long	 s = (long long)t - floor_div((long long)t, 86400) * 86400;
	char		 day[11];

	ymd_format(&d, day);
	snprintf(out, 32, "%sT%02d:%02d:%02d.000Z", day, (int)(s / 3600),
	    (int)(s / 60 % 60), (int)(s % 60));
}

int
calendar_test_clock_built(void)
{
#ifdef REQDESK_TEST_CLOCK
	return 1;
#else
	return 0;
#endif
}

#ifdef REQDESK_TEST_CLOCK
/* The instant in the test clock file `path`: 0 with *t, 1 when the file
 * is missing or empty (the real clock), -1 when it holds something
 * else. */
static int
test_clock_read(const char *path, time_t *t)
{
	FILE		*f;
	char		 line[64], *end;
	size_t		 n;
	long long	 v;

	if ((f = fopen(path, "r")) == NULL)
		return 1;
	n = fread(line, 1, sizeof(line) - 1, f);
	fclose(f);
	line[n] = '\0';
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
		line[--n] = '\0';
	if (n == 0)
		return 1;
	if (n == 20 && line[19] == 'Z') {
		line[19] = '\0';
		return (*t = utc_iso_epoch(line)) == (time_t)-1 ? -1 : 0;
	}
	v = strtoll(line, &end, 10);
	if (*end != '\0' || end == line)
		return -1;
	*t = (time_t)v;
	return 0;
}
#endif

time_t
calendar_now(void)
{
#ifdef REQDESK_TEST_CLOCK
	const char	*path = getenv("REQDESK_TEST_CLOCK");
	time_t		 t;
	int		 rc;

	if (path != NULL && *path != '\0') {
		if ((rc = test_clock_read(path, &t)) == 0)
			return t;
		if (rc < 0)
			log_warn("test clock %s: not an instant (YYYY-MM-DDTHH:MM:SSZ "
			    "or seconds); the real clock is used", path);
	}
#endif
	return now_epoch();
}

int
easter(int year, struct ymd *out)
{
	int	 a, b, c, d, e, f, g, h, i, k, l, m;

	if (year < 1583 || year > 9999)
		return -1;
	a = year % 19;
	b = year / 100;
	c = year % 100;
	d = b / 4;
	e = b % 4;
	f = (b + 8) / 25;
	g = (b - f + 1) / 3;
	h = (19 * a + b - d - g + 15) % 30;
	i = c / 4;
	k = c % 4;
	l = (32 + 2 * e + 2 * i - h - k) % 7;
	m = (a + 11 * h + 22 * l) / 451;
	out->y = year;
	out->m = (h + l - 7 * m + 114) / 31;
	out->d = (h + l - 7 * m + 114) % 31 + 1;
	return 0;
}

int
is_french_holiday(const struct ymd *d)
{
	static const struct { int m, d; } fixed[] = {
		{ 1, 1 }, { 5, 1 }, { 5, 8 }, { 7, 14 },
		{ 8, 15 }, { 11, 1 }, { 11, 11 }, { 12, 25 },
	};
	struct ymd	 e;
	long long	 diff;
	size_t		 i;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (d->m == fixed[i].m && d->d == fixed[i].d)
			return 1;
	if (d->m < 3 || d->m > 6 || easter(d->y, &e) < 0)
		return 0;
	diff = days_from_civil(d->y, d->m, d->d) -
	    days_from_civil(e.y, e.m, e.d);
	/* Easter Monday, Ascension Thursday, Whit Monday */
	return diff == 1 || diff == 39 || diff == 50;
}

int
is_working_day(const struct ymd *d)
{
	int	 wd = weekday(days_from_civil(d->y, d->m, d->d));

	return wd != 0 && wd != 6 && !is_french_holiday(d);
}

struct ymd
add_working_days(const struct ymd *from, int n)
{
	struct ymd	 d = *from;
	long long	 z = days_from_civil(from->y, from->m, from->d);

	while (n > 0) {
		d = civil_from_days(++z);
		if (is_working_day(&d))
			n--;
	}
	return d;
}

struct ymd
earliest_requested_date(time_t now, int lead_days, enum lead_unit unit)
{
	struct ymd	 d = paris_today(now);
	long long	 z;

	if (lead_days > 0 && unit == LEAD_WORKING)
		return add_working_days(&d, lead_days);
	if (lead_days > 0)
		d = ymd_add_days(&d, lead_days);
	z = days_from_civil(d.y, d.m, d.d);
	while (!is_working_day(&d))
		d = civil_from_days(++z);
	return d;
}

int
check_requested_date(const struct ymd *date, time_t now, int lead_days,
    enum lead_unit unit, struct ymd *earliest)
{
	struct ymd	 e = earliest_requested_date(now, lead_days, unit);

	if (earliest != NULL)
		*earliest = e;
	if (!is_working_day(date) || ymd_cmp(date, &e) < 0)
		return -1;
	return 0;
}
