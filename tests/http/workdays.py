"""French working days, computed independently of the C code, for tests
that must build valid and invalid `requestedAt` dates at run time.

A working day is Monday to Friday and not one of the 11 French national
public holidays: 1 January, Easter Monday, 1 May, 8 May, Ascension
Thursday, Whit Monday, 14 July, 15 August, 1 November, 11 November,
25 December.  "Today" is the calendar date in Europe/Paris.

    earliest(lead=20)        the earliest acceptable requestedAt: the
                             lead-th working day strictly after today
    nth_working_day(n)       the n-th working day strictly after today
    next_saturday_after(d)   the first Saturday strictly after d
    next_may_first_after(d), next_easter_monday_after(d)
"""

import datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
ONE_DAY = datetime.timedelta(days=1)


def paris_today():
    return datetime.datetime.now(PARIS).date()


def easter(year):
    """Easter Sunday of `year` (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def holidays(year):
    """The 11 French national public holidays of `year`, as a set of dates."""
    e = easter(year)
    fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
    days = {datetime.date(year, m, d) for m, d in fixed}
    days |= {e + datetime.timedelta(days=n) for n in (1, 39, 50)}
    return days


def is_holiday(d):
    return d in holidays(d.year)


def is_working_day(d):
    return d.weekday() < 5 and not is_holiday(d)


def add_working_days(start, n):
    """The n-th working day strictly after `start` (n >= 1)."""
    d = start
    while n > 0:
        d += ONE_DAY
        if is_working_day(d):
            n -= 1
    return d


def nth_working_day(n, today=None):
    """The n-th working day strictly after today (Paris)."""
    return add_working_days(today or paris_today(), n)


def earliest(lead=20, today=None):
    """The earliest valid requestedAt for a type with `lead` days."""
    today = today or paris_today()
    if lead > 0:
        return add_working_days(today, lead)
    d = today
    while not is_working_day(d):
        d += ONE_DAY
    return d


def next_saturday_after(d):
    d += ONE_DAY
    while d.weekday() != 5:
        d += ONE_DAY
    return d


def next_may_first_after(d, weekday_only=False):
    """The first 1 May strictly after d (with weekday_only, the first one
    that falls from Monday to Friday, so that only the holiday rule can
    refuse it)."""
    year = d.year
    while True:
        may = datetime.date(year, 5, 1)
        if may > d and (not weekday_only or may.weekday() < 5):
            return may
        year += 1


def next_easter_monday_after(d):
    """The first Easter Monday strictly after d."""
    for year in (d.year, d.year + 1):
        em = easter(year) + ONE_DAY
        if em > d:
            return em
    raise AssertionError("unreachable")


def iso(d):
    return d.isoformat()


if __name__ == "__main__":
    print("today (Paris):", paris_today())
    print("earliest(20):", earliest())
    print("19th working day:", nth_working_day(19))
    print("next Saturday after earliest:", next_saturday_after(earliest()))
    print("next 1 May:", next_may_first_after(earliest()))
    print("next Easter Monday:", next_easter_monday_after(earliest()))
