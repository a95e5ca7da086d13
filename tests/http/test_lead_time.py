"""The lead time of the Orange-style types (seeds 000, 001: "20 days
minimum and must be a working day in France") at its edges, through
nginx, on a controlled clock.

The lead time counts calendar days after today in Europe/Paris: today +
20 is the earliest date if it is a French working day, otherwise the
first working day after it.  Every expected date here comes from
workdays.py, which computes French holidays on its own (Easter by Gauss's
algorithm, not the desk's); "today" is fixed through the desk's test
clock (REQDESK_TEST_CLOCK, a file holding an instant, read at every
request by a build configured with --enable-test-clock, as ./dev build
does)."""

import datetime
import json
import re

import pytest

import inet
import stack as stackmod
import words
import workdays
from conftest import api, browser_login, make_api_key

BASE = "/ordering/b2b/v2"
UTC = datetime.timezone.utc
DAY = workdays.ONE_DAY
D3611 = ("The requestedAt date must be 20 days minimum and must be a working "
         "day in France. The earliest valid date is %s.")


@pytest.fixture(scope="module")
def clocked(tmp_path_factory):
    """A stack whose calendar reads its clock from a file of the test's."""
    clock = tmp_path_factory.mktemp("clock") / "now"
    clock.write_text("")
    s = stackmod.start_stack(log_name="lead-time", REQDESK_TEST_CLOCK=str(clock))
    try:
        s.clock = clock
        s.keys = {"acme": make_api_key(s, "owner@acme.test"),
                  "fdj": make_api_key(s, "owner@fdj.test"),
                  "nordic": make_api_key(s, "owner@nordic.test")}
        # The build must honour the clock, or every case below is moot.
        set_clock(s, datetime.datetime(2026, 6, 4, 10, 0, tzinfo=UTC))
        r = post(s, "acme", r_body("2000-01-03"))
        want = D3611 % "2026-06-24"
        if r.status_code != 422 or r.json().get("description") != want:
            pytest.fail("the desk ignores REQDESK_TEST_CLOCK (%s): build it with "
                        "./dev build, which configures --enable-test-clock"
                        % r.text[:300], pytrace=False)
        yield s
    finally:
        s.close()


def set_clock(s, instant):
    """Fix the desk's "today" at `instant` (an aware datetime)."""
    s.clock.write_text(instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") + "\n")


def r_body(requested):
    return {"requestedAt": requested, "type": "R_BVPN_FR_1",
            "properties": {"servicePoint": {"id": "SP-ACME-0001"},
                           "contacts": {"primary": {
                               "title": "M", "firstName": "Paul", "lastName": "LANGEL",
                               "phone": "+33401010101", "mobile": "+33600200200",
                               "email": "paul.langel@mycompany.com"}}}}


def post(s, who, body):
    return s.post(BASE + "/requests", headers=api(s, s.keys[who]), json=body)


def refused(s, day, earliest):
    """`day` is refused with 3611 naming `earliest`."""
    r = post(s, "acme", r_body(workdays.iso(day)))
    assert r.status_code == 422, (day, r.status_code, r.text[:500])
    b = r.json()
    assert (b["code"], b["message"]) == (3611, "RequestedAt not Valid"), b
    assert b["description"] == D3611 % workdays.iso(earliest), (day, b)


def accepted(s, day):
    r = post(s, "acme", r_body(workdays.iso(day)))
    assert r.status_code == 201, (day, r.status_code, r.text[:500])
    assert r.json()["keyDates"]["requestedAt"] == workdays.iso(day)


def at_noon(s, today):
    set_clock(s, workdays.paris_noon(today))


def first_year_on_a_weekday(name, start=2026):
    """The first year from `start` whose holiday `name` is Monday to Friday
    (so that only the holiday rule can refuse it)."""
    year = start
    while workdays.holidays(year)[name].weekday() >= 5:
        year += 1
    return workdays.holidays(year)[name]


def test_easter_of_the_test_code_is_right():
    assert len(workdays.easter_known()) >= 10


def test_today_plus_19_20_21(clocked):
    # a Thursday whose + 19, + 20 and + 21 are plain working days
    today = datetime.date(2026, 6, 4)
    days = [today + n * DAY for n in (19, 20, 21)]
    assert all(workdays.is_working_day(d) for d in days), days
    at_noon(clocked, today)
    refused(clocked, days[0], days[1])
    accepted(clocked, days[1])
    accepted(clocked, days[2])
    # A client written against the seed (21 calendar days ahead, a
    # working day) is served; 20 working days were three weeks and more.
    assert workdays.nth_working_day(20, today) > days[2]


@pytest.mark.parametrize("weekday", [5, 6], ids=["saturday", "sunday"])
def test_plus_20_on_a_weekend(clocked, weekday):
    today = datetime.date(2026, 9, 1)
    while (today + 20 * DAY).weekday() != weekday:
        today += DAY
    plus20 = today + 20 * DAY
    earliest = workdays.first_working_day_from(plus20)
    assert earliest.weekday() == 0 and earliest == workdays.earliest(20, today)
    at_noon(clocked, today)
    refused(clocked, plus20, earliest)
    if weekday == 5:
        refused(clocked, plus20 + DAY, earliest)     # the Sunday too
    refused(clocked, today + 19 * DAY, earliest)
    accepted(clocked, earliest)


@pytest.mark.parametrize("holiday", [
    "may-day", "bastille-day", "easter-monday", "ascension", "whit-monday",
    "christmas", "new-year"])
def test_plus_20_on_a_holiday(clocked, holiday):
    day = first_year_on_a_weekday(holiday)
    today = day - 20 * DAY
    earliest = workdays.earliest(20, today)
    assert workdays.is_holiday(day) and earliest > day
    if holiday == "new-year":
        assert today.year == day.year - 1         # counted across the year end
    at_noon(clocked, today)
    refused(clocked, day, earliest)
    refused(clocked, day - DAY, earliest)
    accepted(clocked, earliest)


@pytest.mark.parametrize("paris_day", [datetime.date(2026, 7, 10),
                                       datetime.date(2026, 12, 10)],
                         ids=["summer-CEST", "winter-CET"])
def test_today_changes_at_midnight_in_paris_not_utc(clocked, paris_day):
    paris = workdays.PARIS
    last = datetime.datetime.combine(paris_day, datetime.time(23, 59, 59), paris)
    first = datetime.datetime.combine(paris_day + DAY, datetime.time(0, 0, 0), paris)
    assert last.astimezone(UTC).date() == paris_day      # UTC has not moved on
    assert first.astimezone(UTC).date() == paris_day     # ... and still has not
    before = workdays.earliest(20, paris_day)
    after = workdays.earliest(20, paris_day + DAY)
    assert before < after, (before, after)
    set_clock(clocked, last)
    accepted(clocked, before)
    set_clock(clocked, first)
    refused(clocked, before, after)
    accepted(clocked, after)
    # the end of the UTC day, long after the Paris midnight
    set_clock(clocked, datetime.datetime.combine(paris_day, datetime.time(23, 59, 59), UTC))
    refused(clocked, before, after)


def test_form_hint_and_date_picker_follow_the_clock(clocked):
    sess, _ = browser_login(clocked, "owner@acme.test")
    paris_day = datetime.date(2026, 7, 10)
    for instant, today in (
            (datetime.datetime.combine(paris_day, datetime.time(23, 59, 59), workdays.PARIS),
             paris_day),
            (datetime.datetime.combine(paris_day + DAY, datetime.time(0, 0, 0), workdays.PARIS),
             paris_day + DAY)):
        set_clock(clocked, instant)
        earliest = workdays.iso(workdays.earliest(20, today))
        r = sess.get(clocked.url("/requests/new/R_BVPN_FR_1"), timeout=10)
        assert r.status_code == 200, r.text[:500]
        picker = re.search(r'<input id="requestedAt"[^>]*>', r.text).group(0)
        assert 'min="%s"' % earliest in picker and 'value="%s"' % earliest in picker, picker
        assert ("a working day in France, at least 20 days after today: %s or later"
                % words.day(workdays.earliest(20, today))) in r.text


def test_catalog_items_say_calendar_days(clocked):
    r = clocked.get(BASE + "/catalogItems", headers={"X-API-Key": clocked.keys["fdj"]})
    assert r.status_code == 200
    for item in r.json():
        assert (item["leadDays"], item["leadUnit"]) == (20, "calendar"), item


def test_internet_start_window_keeps_utc_today(clocked):
    """Seed 002's startDate window is counted from today in UTC, as before
    the calendars were one: at 23:30 UTC on 10 July (11 July in Paris) one
    month ago is still 10 June."""
    set_clock(clocked, datetime.datetime(2026, 7, 10, 23, 30, tzinfo=UTC))
    key = clocked.keys["nordic"]
    r = inet.post(clocked, key, "/internet/request",
                  inet.fiber_body(startDate="2026-06-10"))
    assert r.status_code == 201, r.text[:500]
    r = inet.post(clocked, key, "/internet/request",
                  inet.fiber_body(startDate="2026-06-09"))
    inet.only_error(r, 422, "startDate", "Date must not be between 1 month ago and "
                    "6 months into the future", "startDate", "range")
    r = inet.post(clocked, key, "/internet/request",
                  inet.fiber_body(startDate="2027-01-10T00:00:00.000Z"))
    assert r.status_code == 201, r.text[:500]
    r = inet.post(clocked, key, "/internet/request",
                  inet.fiber_body(startDate="2027-01-11"))
    assert r.status_code == 422, r.text[:500]
    assert json.loads(r.text)["error"]["code"] == "startDate"
