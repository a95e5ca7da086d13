"""Helpers for the Internet request tests (seed 002): demo ids, bodies,
dates computed like the desk computes them, calls and error checks."""

import calendar
import datetime
import json
import sqlite3

from conftest import api

DSL_50 = "5eed00000000000000000001"
FIBER_100 = "5eed00000000000000000002"
FIBER_1000 = "5eed00000000000000000003"
FIBER_FEE = "5eed00000000000000000004"
FIBER_10G = "5eed00000000000000000005"      # NORDIC only
ADDRESS_1 = "5eed0000000000000000ad01"      # NORDIC, Vallensbækvej 20A
ADDRESS_2 = "5eed0000000000000000ad02"      # NORDIC, Nørregade 7
NORDIC_OWNER = "5eed0000000000000000d001"
NORDIC_IT = "5eed0000000000000000d002"
FDJ_OWNER = "5eed0000000000000000f001"
ADMIN = "5eed0000000000000000a001"
UNKNOWN = "ffffffffffffffffffffffff"

OFFER_KEYS = ["_id", "product", "initiationFeeProduct", "initiationCost",
              "initiationWholesale", "initiationCustomer", "monthlyCost",
              "monthlyWholesale", "monthlyCustomer", "commitment", "providerName",
              "providerOfferId"]

# The seed's query example, with the demo products in place of its
# placeholder ids (and the fee product of the demo world on the first).
SEED_OFFERS = {"offers": [
    {"product": FIBER_100, "initiationFeeProduct": FIBER_FEE,
     "initiationCost": 800.00, "initiationWholesale": 900.00,
     "initiationCustomer": 1000.00, "monthlyCost": 1400.00,
     "monthlyWholesale": 1500.00, "monthlyCustomer": 1600.00, "commitment": 12,
     "providerName": "Global Connect", "providerOfferId": "644677533246"},
    {"product": FIBER_1000, "initiationCost": 0.00, "initiationWholesale": 0.00,
     "initiationCustomer": 0.00, "monthlyCost": 1100.00, "monthlyWholesale": 1200.00,
     "monthlyCustomer": 1300.00, "commitment": 24, "providerName": "Nianet",
     "providerOfferId": "644677533247"},
]}


def today():
    return datetime.datetime.now(datetime.timezone.utc).date()


def add_months(day, months):
    """The desk's rule: same day `months` months later, clamped to the
    length of that month."""
    m = day.month - 1 + months
    y, m = day.year + m // 12, m % 12 + 1
    return datetime.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def day(offset_days):
    return (today() + datetime.timedelta(days=offset_days)).isoformat()


def fiber_body(**over):
    body = {"type": "FIBER", "address": {"_id": ADDRESS_1}, "product": FIBER_100,
            "ipAddresses": 8}
    body.update(over)
    return body


def dsl_body(**over):
    body = {"type": "DSL", "address": {"_id": ADDRESS_2}, "product": DSL_50}
    body.update(over)
    return body


def post(s, key, path, body):
    return s.post(path, headers=api(s, key), data=json.dumps(body))


def get(s, key, path):
    return s.get(path, headers={"X-API-Key": key})


def create(s, key, body):
    r = post(s, key, "/internet/request", body)
    assert r.status_code == 201, r.text
    return r.json()


def update(s, key, rid, body):
    return post(s, key, "/internet/request/%s" % rid, body)


def answered(s, admin_key, rid, offers=None):
    """Give a request the seed's two offers (or `offers`); the answer."""
    r = update(s, admin_key, rid, {"offers": offers if offers is not None else
                                   SEED_OFFERS["offers"]})
    assert r.status_code == 200, r.text
    return r.json()


def error_of(r, status, code, message, path=None, check=None):
    """Check a TelecomX error answer: the HTTP status and shape, and that
    `errors` holds an error with this code and message (and path, check);
    returns that error."""
    assert r.status_code == status, (r.status_code, r.text)
    assert r.headers["Content-Type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error", "errors"}, body
    assert body["error"] == body["errors"][0]
    for e in body["errors"]:
        assert set(e) <= {"code", "path", "status", "message", "check"}, e
        assert isinstance(e["status"], int)
    found = [e for e in body["errors"] if e["code"] == code and e["message"] == message
             and (path is None or e.get("path") == path)
             and (check is None or e.get("check") == check)]
    assert found, "no error %s %r at %s in %s" % (code, message, path, body["errors"])
    assert found[0]["status"] == status or body["error"]["status"] == status
    return found[0]


def only_error(r, status, code, message, path=None, check=None):
    """error_of, and it is the only error."""
    e = error_of(r, status, code, message, path, check)
    assert len(r.json()["errors"]) == 1, r.json()["errors"]
    assert r.json()["error"]["status"] == status
    return e


def sql(db, statement, args=()):
    con = sqlite3.connect(db, timeout=10)
    try:
        with con:
            return con.execute(statement, args).fetchall()
    finally:
        con.close()
