"""French working days, computed independently of the C code, for tests
that must build valid and invalid `requestedAt` dates at run time.

A working day is Monday to Friday and not one of the 11 French national
public holidays: 1 January, Easter Monday, 1 May, 8 May, Ascension
Thursday, Whit Monday, 14 July, 15 August, 1 November, 11 November,
25 December.  "Today" is the calendar date in Europe/Paris (from the
system's time zone database, not from the desk's own DST rules).

Easter is computed here with Gauss's algorithm (with its two
exceptions), not with the anonymous Gregorian algorithm the desk uses,
and checked against a table of known dates (easter_known()).

    earliest(lead=20, unit="calendar")
                             the earliest acceptable requestedAt: the first
                             working day on or after today + lead calendar
                             days ("working": the lead-th working day
                             strictly after today)
    nth_working_day(n)       the n-th working day strictly after today
    next_saturday_after(d)   the first Saturday strictly after d
    next_may_first_after(d), next_easter_monday_after(d)
"""

import datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
ONE_DAY = datetime.timedelta(days=1)

# Easter Sundays as published (for checking easter() itself).
KNOWN_EASTERS = {
    2000: (4, 23), 2008: (3, 23), 2011: (4, 24), 2019: (4, 21), 2024: (3, 31),
    2025: (4, 20), 2026: (4, 5), 2027: (3, 28), 2028: (4, 16), 2029: (4, 1),
    2030: (4, 21), 2038: (4, 25), 2049: (4, 18), 2076: (4, 19),
}


def paris_today(now=None):
    """The Paris date at the instant `now` (an aware datetime), or now."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    return now.astimezone(PARIS).date()


def easter(year):
    """Easter Sunday of `year` (Gauss's algorithm, Gregorian calendar)."""
    a, b, c = year % 19, year % 4, year % 7
    k = year // 100
    p = (13 + 8 * k) // 25
    q = k // 4
    m = (15 - p + k - q) % 30
    n = (4 + k - q) % 7
    d = (19 * a + m) % 30
    e = (2 * b + 4 * c + 6 * d + n) % 7
    if d == 29 and e == 6:
        return datetime.date(year, 4, 19)
    if d == 28 and e == 6 and (11 * m + 11) % 30 < 19:
        return datetime.date(year, 4, 18)
    return datetime.date(year, 3, 22) + datetime.timedelta(days=d + e)


def easter_known():
    """Check easter() against KNOWN_EASTERS; returns the years checked."""
    for year, (month, day) in KNOWN_EASTERS.items():
        assert easter(year) == datetime.date(year, month, day), year
    return sorted(KNOWN_EASTERS)


def holidays(year):
    """The 11 French national public holidays of `year`, by name."""
    e = easter(year)
    return {
        "new-year": datetime.date(year, 1, 1),
        "easter-monday": e + ONE_DAY,
        "may-day": datetime.date(year, 5, 1),
        "victory-1945": datetime.date(year, 5, 8),
        "ascension": e + 39 * ONE_DAY,
        "whit-monday": e + 50 * ONE_DAY,
        "bastille-day": datetime.date(year, 7, 14),
        "assumption": datetime.date(year, 8, 15),
        "all-saints": datetime.date(year, 11, 1),
        "armistice": datetime.date(year, 11, 11),
        "christmas": datetime.date(year, 12, 25),
    }


def is_holiday(d):
    return d in holidays(d.year).values()


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


def first_working_day_from(d):
    """d if it is a working day, else the first working day after it."""
    while not is_working_day(d):
        d += ONE_DAY
    return d


def nth_working_day(n, today=None):
    """The n-th working day strictly after today (Paris)."""
    return add_working_days(today or paris_today(), n)


def earliest(lead=20, today=None, unit="calendar"):
    """The earliest valid requestedAt for a type with `lead` days counted
    in `unit` ("calendar", the default, or "working")."""
    today = today or paris_today()
    if lead > 0 and unit == "working":
        return add_working_days(today, lead)
    return first_working_day_from(today + max(lead, 0) * ONE_DAY)


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


def paris_noon(d):
    """Noon in Paris on date d, as an aware UTC datetime."""
    return datetime.datetime(d.year, d.month, d.day, 12, tzinfo=PARIS).astimezone(
        datetime.timezone.utc)


def iso(d):
    return d.isoformat()


if __name__ == "__main__":
    print("Easter checked for", easter_known())
    print("today (Paris):", paris_today())
    print("earliest(20):", earliest())
    print("earliest(20, working):", earliest(unit="working"))
    print("next Saturday after earliest:", next_saturday_after(earliest()))
    print("next 1 May:", next_may_first_after(earliest()))
    print("next Easter Monday:", next_easter_monday_after(earliest()))
