"""Structured filters on GET /ordering/b2b/v2/requests (issue 18, part 2):
customer.id, the issue date and the requested date (one day, or a range
of days with .gte and .lte, both ends included), combined with the other
filters, the search and the aggregate; every bad value a 400 in the
ordering API's shape."""

import json

import inet
from bodies import disconnect_body
from conftest import api

PATH = "/ordering/b2b/v2/requests"


def create(s, key, ref):
    r = s.post(PATH, headers=api(s, key), data=json.dumps(disconnect_body(ref)))
    assert r.status_code == 201, r.text
    return r.json()["id"]


def listed(s, key, query):
    r = s.get(PATH + "?limit=250&" + query, headers=api(s, key))
    assert r.status_code == 200, r.text
    return r, [o["id"] for o in r.json()]


def test_dates_and_customers(fresh_stack):
    from conftest import make_api_key
    s = fresh_stack()
    acme = make_api_key(s, "owner@acme.test")
    admin = make_api_key(s, "admin@reqdesk.test")
    a1, a2, a3 = (create(s, acme, "FILT" + c) for c in "ABC")
    inet.sql(s.db, "UPDATE requests SET issued_at = '2026-03-01T23:59:59.999Z', "
             "requested_at = '2026-04-10' WHERE id = ?", (a1,))
    inet.sql(s.db, "UPDATE requests SET issued_at = '2026-03-02T00:00:00.000Z', "
             "requested_at = '2026-04-11' WHERE id = ?", (a2,))
    inet.sql(s.db, "UPDATE requests SET issued_at = '2026-03-05T08:00:00.000Z', "
             "requested_at = '2026-05-01' WHERE id = ?", (a3,))
    # one day, UTC
    r, ids = listed(s, acme, "keyDates.issuedAt=2026-03-01")
    assert ids == [a1] and r.headers["X-Total-Count"] == "1"
    # a range, both ends included
    _, ids = listed(s, acme, "keyDates.issuedAt.gte=2026-03-02&keyDates.issuedAt.lte=2026-03-05")
    assert sorted(ids) == sorted([a2, a3])
    _, ids = listed(s, acme, "keyDates.issuedAt.lte=2026-03-02&sort=issuedAt")
    assert ids == [a1, a2]
    _, ids = listed(s, acme, "keyDates.requestedAt.gte=2026-04-11")
    assert sorted(ids) == sorted([a2, a3])
    _, ids = listed(s, acme, "keyDates.requestedAt=2026-04-10")
    assert ids == [a1]
    # with the other filters, the search, the aggregate
    _, ids = listed(s, acme, "keyDates.requestedAt.lte=2026-04-30&customerReference=FILTB")
    assert ids == [a2]
    _, ids = listed(s, acme, "keyDates.requestedAt.lte=2026-04-30&q=filta")
    assert ids == [a1]
    r = s.get(PATH + "/aggregate?groupBy=status&keyDates.issuedAt.gte=2026-03-02",
              headers=api(s, acme))
    assert r.status_code == 200 and r.json() == {"NEW": 2}, r.text
    # customer.id: the administrator chooses; a customer sees only its own
    _, ids = listed(s, admin, "customer.id=ACME&keyDates.issuedAt.lte=2026-03-31")
    assert sorted(ids) == sorted([a1, a2, a3])
    r, ids = listed(s, admin, "customer.id=FDJ&keyDates.issuedAt.lte=2026-03-31")
    assert ids == [] and r.headers["X-Total-Count"] == "0"
    _, ids = listed(s, acme, "customer.id=FDJ")
    assert ids == []
    r, ids = listed(s, admin, "customer.id=ACME,FDJ&limit=1")
    total = inet.sql(s.db, "SELECT count(*) FROM requests WHERE customer_id IN "
                     "('ACME', 'FDJ')")[0][0]
    assert r.headers["X-Total-Count"] == str(total)


def test_bad_values_are_refused(stack, keys):
    key = keys["acme_owner"]
    for name, value in (("keyDates.issuedAt", "yesterday"),
                        ("keyDates.issuedAt.gte", "2026-02-30"),
                        ("keyDates.requestedAt.lte", "2026-12-01T10:00:00Z"),
                        ("keyDates.requestedAt", "")):
        r = stack.get(PATH + "?%s=%s" % (name, value), headers=api(stack, key))
        assert r.status_code == 400, (name, r.text)
        b = r.json()
        assert b["code"] == 20 and b["message"] == "Invalid query-string parameter", b
        assert b["description"] == "'%s' must be a date such as 2026-12-31." % name, b
    r = stack.get(PATH + "?customer.id=" + ",".join(["X"] * 101), headers=api(stack, key))
    assert r.status_code == 400
    assert r.json()["description"] == "'customer.id' lists at most 100 values."


def test_the_list_page_filters_by_customer_and_dates(fresh_stack):
    from conftest import DEMO_USERS, browser_login, make_api_key
    s = fresh_stack()
    acme = make_api_key(s, "owner@acme.test")
    a1, a2 = (create(s, acme, "PAGEF" + c) for c in "AB")
    inet.sql(s.db, "UPDATE requests SET issued_at = '2026-02-10T10:00:00.000Z' WHERE id = ?",
             (a1,))
    admin, _ = browser_login(s, DEMO_USERS["admin"])
    page = admin.get(s.url("/requests?customer=ACME&issued_from=2026-02-10"
                           "&issued_to=2026-02-10"), timeout=10).text
    assert a1 in page and a2 not in page
    assert 'name="customer"' in page and '<option value="ACME" selected>' in page
    assert 'value="2026-02-10"' in page
    # the export follows the same filters
    csv = admin.get(s.url("/requests.csv?customer=ACME&issued_to=2026-02-10"), timeout=10).text
    assert a1 in csv and a2 not in csv
    # a customer's staff have one customer: no customer choice
    owner, _ = browser_login(s, DEMO_USERS["acme_owner"])
    page = owner.get(s.url("/requests?requested_from=2000-01-01"), timeout=10).text
    assert a1 in page and a2 in page and 'name="customer"' not in page
    r = owner.get(s.url("/requests?issued_from=yesterday"), timeout=10)
    assert r.status_code == 400
    assert "Enter each date of the filter as a day, such as 2026-12-31." in r.text
