/*
 * workday.c — French working days and the Paris calendar date, computed
 * without the C library's time zone machinery (pure functions, no
 * global state).  See workday.h for the rules.
 */
#include <stddef.h>
#include <time.h>

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
earliest_requested_date(time_t now, int lead_days)
{
	struct ymd	 today = paris_today(now);
	long long	 z;

	if (lead_days > 0)
		return add_working_days(&today, lead_days);
	z = days_from_civil(today.y, today.m, today.d);
	while (!is_working_day(&today))
		today = civil_from_days(++z);
	return today;
}

int
check_requested_date(const struct ymd *date, time_t now, int lead_days,
    struct ymd *earliest)
{
	struct ymd	 e = earliest_requested_date(now, lead_days);

	if (earliest != NULL)
		*earliest = e;
	if (!is_working_day(date) || ymd_cmp(date, &e) < 0)
		return -1;
	return 0;
}
