"""TelecomX-style Internet requests (seed 002) through nginx, beyond what
one body and its answer say (the seed's error table row by row is in the
case folders of tests/cases/internet/, run by test_cases.py): the edges
of its ranges and windows, what a refused change keeps, the seed's own
query example answered with the full object, create / list / get, offers
and their expiry (with a controlled clock: `answered` moved back in the
database), ordering and confirming accounts, access and isolation,
notifications, and a failed commit that keeps nothing.

Every test creates the requests it needs, so tests run in any order next
to the other suites sharing the session stack."""

import os
import sqlite3
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from conftest import make_api_key  # noqa: E402
import mailtools  # noqa: E402
from inet import (  # noqa: E402
    ADDRESS_1, ADDRESS_2, ADMIN, DSL_50, FIBER_100, FIBER_1000, FIBER_10G,
    NORDIC_IT, NORDIC_OWNER, OFFER_KEYS, SEED_OFFERS, UNKNOWN, add_months,
    answered, create, day, dsl_body, fiber_body, get, only_error, post, sql,
    today, update)

M_NOT_VALID = "Product is not valid for customer"
M_START = "Date must not be between 1 month ago and 6 months into the future"
M_DENIED = "Insufficient access level"

PRICES = ["initiationCost", "initiationWholesale", "initiationCustomer",
          "monthlyCost", "monthlyWholesale", "monthlyCustomer"]


@pytest.fixture(scope="module")
def fee_fdj_only(stack):
    """An initiation-fee product valid for FDJ alone (the demo world's
    only fee product is valid for every customer)."""
    pid = "5eed0000000000000000fee9"
    sql(stack.db, "INSERT OR IGNORE INTO products (id, name, type, initiation_fee,"
        " all_customers) VALUES (?, 'FDJ installation', 'FIBER', 1, 0)", (pid,))
    sql(stack.db, "INSERT OR IGNORE INTO product_customers VALUES (?, 'FDJ')", (pid,))
    return pid


def fiber(stack, keys, **over):
    return create(stack, keys["nordic_owner"], fiber_body(**over))


def dsl(stack, keys, **over):
    return create(stack, keys["nordic_owner"], dsl_body(**over))


# ---- the seed's error table: its edges and what a refusal keeps ----------
# (one row, one body: the case folders of tests/cases/internet/)

def test_ip_addresses_accepted_values(stack, keys):
    rid = fiber(stack, keys)["_id"]
    for n in (1, 2, 4, 8, 16, 32):
        r = update(stack, keys["admin"], rid, {"ipAddresses": n})
        assert r.status_code == 200 and r.json()["ipAddresses"] == n, r.text


def test_start_date_window(stack, keys):
    rid = fiber(stack, keys)["_id"]
    t = today()
    earliest, latest = add_months(t, -1), add_months(t, 6)
    one = __import__("datetime").timedelta(days=1)
    for ok in (earliest, t, latest):
        r = update(stack, keys["admin"], rid, {"startDate": ok.isoformat()})
        assert r.status_code == 200, (ok, r.text)
        assert r.json()["startDate"] == ok.isoformat() + "T00:00:00.000Z"
    r = update(stack, keys["admin"], rid, {"startDate": latest.isoformat() + "T00:00:00.000Z"})
    assert r.status_code == 200, r.text
    for bad in (earliest - one, latest + one, "2018-01-01T00:00:00.000Z"):
        r = update(stack, keys["admin"], rid, {"startDate": str(bad)})
        only_error(r, 422, "startDate", M_START, "startDate", "range")
    for bad in ("tomorrow", "2026-02-30", 20260101):
        r = update(stack, keys["admin"], rid, {"startDate": bad})
        only_error(r, 422, "startDate", M_START, "startDate", "format")
    r = post(stack, keys["nordic_owner"], "/internet/request",
             fiber_body(startDate=(latest + one).isoformat()))
    only_error(r, 422, "startDate", M_START, "startDate", "range")


def test_start_date_already_stored_is_kept_out_of_the_window(stack, keys):
    """The window is checked when a date is chosen: sending back the date
    already stored, since passed out of the window, is not an error."""
    rid = fiber(stack, keys, startDate=day(-20))["_id"]
    slipped = day(-40) + "T00:00:00.000Z"
    sql(stack.db, "UPDATE internet_requests SET start_date = ? WHERE id = ?", (slipped, rid))
    r = update(stack, keys["admin"], rid, {"startDate": slipped, "notes": "kept"})
    assert r.status_code == 200, r.text
    assert r.json()["startDate"] == slipped and r.json()["notes"] == "kept"
    r = update(stack, keys["admin"], rid, {"startDate": day(-39)})
    only_error(r, 422, "startDate", M_START, "startDate", "range")


def test_offer_fee_product_not_valid_for_customer(stack, keys, fee_fdj_only):
    """A fee product of another customer (one the demo world lacks)."""
    rid = fiber(stack, keys)["_id"]
    r = update(stack, keys["admin"], rid, {"offers": [
        {"product": FIBER_10G, "initiationFeeProduct": fee_fdj_only}]})
    only_error(r, 422, "offers[].initiationFeeProduct", M_NOT_VALID,
               "offers[0].initiationFeeProduct", "valid")


@pytest.mark.parametrize("key", PRICES)
def test_offer_prices_accepted(stack, keys, key):
    rid = fiber(stack, keys)["_id"]
    for ok in (0, 500000, 1234.5):
        r = update(stack, keys["admin"], rid, {"offers": [{"product": FIBER_100, key: ok}]})
        assert r.status_code == 200, r.text
        assert r.json()["offers"][0][key] == ok


def test_offer_commitment_accepted(stack, keys):
    rid = fiber(stack, keys)["_id"]
    for ok in (0, 60):
        r = update(stack, keys["admin"], rid, {"offers": [{"product": FIBER_100, "commitment": ok}]})
        assert r.status_code == 200 and r.json()["offers"][0]["commitment"] == ok


@pytest.mark.parametrize("role", ["nordic_owner", "nordic_it", "reseller", "fdj_viewer"])
def test_update_access_denied(stack, keys, role):
    rid = fiber(stack, keys)["_id"]
    for target in (rid, UNKNOWN):   # refused before looking the request up
        r = update(stack, keys[role], target, SEED_OFFERS)
        only_error(r, 403, "access_denied", M_DENIED)
    assert get(stack, keys["admin"], "/internet/request/%s" % rid).json()["state"] == "NEW"


def test_internal_error_keeps_nothing(fresh_stack):
    s = fresh_stack(REQDESK_MAILER="0")
    key = make_api_key(s, "owner@nordic.test")
    # every statement succeeds but the commit fails (a deferred foreign key)
    con = sqlite3.connect(s.db)
    con.executescript(
        "CREATE TABLE poison (c TEXT REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED);"
        "CREATE TRIGGER poison AFTER INSERT ON internet_requests"
        " BEGIN INSERT INTO poison VALUES ('no such customer'); END;")
    con.close()
    r = post(s, key, "/internet/request", fiber_body(notify=[NORDIC_IT]))
    e = only_error(r, 500, "internal_error", "An unexpected error occurred.")
    assert e["status"] == 500
    assert sql(s.db, "SELECT count(*) FROM internet_requests")[0][0] == 0
    assert sql(s.db, "SELECT count(*) FROM internet_request_notify")[0][0] == 0
    assert sql(s.db, "SELECT count(*) FROM outbox")[0][0] == 0
    sql(s.db, "DROP TRIGGER poison")
    assert post(s, key, "/internet/request", fiber_body()).status_code == 201


def test_refused_update_changes_nothing(stack, keys):
    rid = fiber(stack, keys, notes="before")["_id"]
    before = get(stack, keys["admin"], "/internet/request/%s" % rid).json()
    r = update(stack, keys["admin"], rid, {"notes": "after", "reference": "R",
                                           "offers": [{"product": FIBER_100, "monthlyCost": -5}]})
    assert r.status_code == 422
    assert get(stack, keys["admin"], "/internet/request/%s" % rid).json() == before


# ---- the seed's example and the full object ------------------------------

RESPONSE_KEYS = {"_id", "type", "customer", "reseller", "notes", "address", "address2",
                 "product", "ipAddresses", "commitment1", "commitment2", "commitment3",
                 "reference", "notify", "startDate", "installCallNumber",
                 "installCallName", "installTime", "offers", "created", "createdBy",
                 "answered"}


def test_seed_query_example(stack, keys):
    """The seed's two offers, accepted by an ADMIN update and answered
    with the full object of its response table."""
    start = day(20)
    req = create(stack, keys["reseller"], fiber_body(
        customer="NORDIC", notes="In stairwell behind the door",
        address={"address": "Vallensbækvej 20A, 3. th.", "zip": 2605, "city": "Brøndby"},
        address2={"_id": ADDRESS_2}, product=FIBER_1000, ipAddresses=8,
        commitment1=True, commitment2=True, commitment3=True, reference="Donald Duck",
        notify=[NORDIC_IT], startDate=start + "T00:00:00.000Z",
        installCallNumber="71919999", installCallName="Donald", installTime="7_30_TO_12"))
    assert req["state"] == "NEW" and "answered" not in req and req["offers"] == []
    r = update(stack, keys["admin"], req["_id"], SEED_OFFERS)
    assert r.status_code == 200, r.text
    o = r.json()
    assert RESPONSE_KEYS <= set(o), RESPONSE_KEYS - set(o)
    assert not {"takeover", "takeoverCircuit", "takeoverCustomer"} & set(o)
    assert o["_id"] == req["_id"] and len(o["_id"]) == 24
    assert (o["type"], o["customer"], o["reseller"]) == ("FIBER", "NORDIC", "NETPARTNER")
    assert o["address"] == {"address": "Vallensbækvej 20A, 3. th.", "zip": "2605",
                            "city": "Brøndby"}
    assert o["address2"] == {"_id": ADDRESS_2, "address": "Nørregade 7", "zip": "1165",
                             "city": "København K"}
    assert (o["product"], o["ipAddresses"], o["reference"]) == (FIBER_1000, 8, "Donald Duck")
    assert o["commitment1"] is o["commitment2"] is o["commitment3"] is True
    assert o["notify"] == [{"_id": NORDIC_IT, "name": "Ida Hansen"}]
    assert o["startDate"] == start + "T00:00:00.000Z"
    assert (o["installCallNumber"], o["installCallName"], o["installTime"]) == \
        ("71919999", "Donald", "7_30_TO_12")
    assert o["createdBy"] == "5eed0000000000000000e001"
    assert o["created"] == req["created"] and o["answered"] >= o["created"]
    assert o["state"] == "HAS_OFFER"
    assert len(o["offers"]) == 2
    for got, sent in zip(o["offers"], SEED_OFFERS["offers"]):
        assert len(got["_id"]) == 24 and int(got["_id"], 16) >= 0
        for k, v in sent.items():
            assert got[k] == v, (k, got[k], v)
    assert set(o["offers"][0]) == set(OFFER_KEYS)
    assert set(o["offers"][1]) == set(OFFER_KEYS) - {"initiationFeeProduct"}
    # the same object on GET
    again = get(stack, keys["admin"], "/internet/request/%s" % o["_id"]).json()
    assert again == o


def test_dsl_offers(stack, keys):
    """DSL offers carry product, fee product, commitment and provider (the
    FIBER-only properties refused on a DSL request are case folders)."""
    o = dsl(stack, keys, takeover=True, takeoverCircuit="fake347465",
            takeoverCustomer="5646756475")
    r = update(stack, keys["admin"], o["_id"], {"offers": [
        {"product": DSL_50, "commitment": 6, "providerName": "TDC"}]})
    assert r.status_code == 200, r.text
    assert r.json()["offers"][0]["providerName"] == "TDC"


def test_offer_ids(stack, keys):
    rid = fiber(stack, keys)["_id"]
    given = "0123456789abcdef01234567"
    r = update(stack, keys["admin"], rid, {"offers": [
        {"_id": given, "product": FIBER_100}, {"product": FIBER_1000}]})
    assert r.status_code == 200
    ids = [x["_id"] for x in r.json()["offers"]]
    assert ids[0] == given and len(ids[1]) == 24 and ids[1] != given


# ---- create, list, get, access --------------------------------------------


def test_create_201_location(stack, keys):
    r = post(stack, keys["nordic_owner"], "/internet/request", fiber_body())
    assert r.status_code == 201
    assert r.headers["Location"] == "/internet/request/%s" % r.json()["_id"]
    assert r.json()["createdBy"] == NORDIC_OWNER


def test_offers_on_create_by_an_admin(stack, keys):
    """An ADMIN's create may bring offers (anyone else's is
    tests/cases/internet/offers-on-create-by-owner)."""
    o = create(stack, keys["admin"], fiber_body(customer="NORDIC", **SEED_OFFERS))
    assert o["state"] == "HAS_OFFER" and o["answered"]


def test_list(stack, keys):
    tag = "LIST-%s" % os.urandom(4).hex()
    ids = [fiber(stack, keys, address={"address": "%s Vej %d" % (tag, i), "zip": "2605",
                                       "city": "Brøndby"})["_id"] for i in range(3)]
    answered(stack, keys["admin"], ids[1])
    r = get(stack, keys["nordic_owner"], "/internet/request?filter=%s" % tag.lower())
    assert r.status_code == 200
    body = r.json()
    assert (body["offset"], body["limit"], body["total"]) == (0, 100, 3)
    assert [x["_id"] for x in body["requests"]] == ids[::-1]
    assert all("offers" not in x for x in body["requests"])      # condensed
    assert body["requests"][1]["state"] == "HAS_OFFER"
    full = get(stack, keys["nordic_owner"], "/internet/request?full=true&filter=" + tag).json()
    assert len(full["requests"][1]["offers"]) == 2
    new = get(stack, keys["nordic_owner"], "/internet/request?state=NEW&filter=" + tag).json()
    assert [x["_id"] for x in new["requests"]] == [ids[2], ids[0]]
    has = get(stack, keys["nordic_owner"], "/internet/request?state=HAS_OFFER&filter=" + tag).json()
    assert [x["_id"] for x in has["requests"]] == [ids[1]]
    page = get(stack, keys["nordic_owner"],
               "/internet/request?offset=1&limit=1&filter=" + tag).json()
    assert (page["offset"], page["limit"], page["total"]) == (1, 1, 3)
    assert [x["_id"] for x in page["requests"]] == [ids[1]]
    # other customers see none of them
    assert get(stack, keys["acme_owner"], "/internet/request?filter=" + tag).json()["total"] == 0
    assert get(stack, keys["reseller"], "/internet/request?filter=" + tag).json()["total"] == 3
    assert get(stack, keys["admin"], "/internet/request?customer=ACME&filter=" + tag).json()["total"] == 0


def test_list_limit_bounds(stack, keys):
    for lim in (1, 500):
        assert get(stack, keys["admin"], "/internet/request?limit=%d" % lim).json()["limit"] == lim


def test_prices_by_audience(stack, keys):
    rid = create(stack, keys["reseller"], fiber_body(customer="NORDIC"))["_id"]
    answered(stack, keys["admin"], rid)
    seen = {role: get(stack, keys[role], "/internet/request/%s" % rid).json()["offers"][0]
            for role in ("admin", "reseller", "nordic_owner")}
    assert set(PRICES) <= set(seen["admin"])
    assert set(seen["reseller"]) & set(PRICES) == {"initiationWholesale", "initiationCustomer",
                                                   "monthlyWholesale", "monthlyCustomer"}
    assert set(seen["nordic_owner"]) & set(PRICES) == {"initiationCustomer", "monthlyCustomer"}


# ---- offers: answered, expiry, ordering, confirming ---------------------------

def test_offers_set_answered_and_state(stack, keys):
    rid = fiber(stack, keys)["_id"]
    o = answered(stack, keys["admin"], rid)
    assert o["state"] == "HAS_OFFER" and o["answered"]
    assert o["expires"][:10] == day(30) or o["expires"][:10] == day(31)
    r = update(stack, keys["admin"], rid, {"offers": []})
    assert r.json()["state"] == "NEW" and "answered" not in r.json()
    # an update without offers keeps them
    answered(stack, keys["admin"], rid)
    r = update(stack, keys["admin"], rid, {"reference": "kept"})
    assert len(r.json()["offers"]) == 2 and r.json()["reference"] == "kept"


def answered_mails(stack, rid):
    return len(mailtools.outbox(stack.db, "object_id = ? AND event = 'internet_answered'",
                                (rid,)))


def test_same_offers_sent_again_are_not_a_new_answer(stack, keys):
    """The offer page sends the offers back with every save: the same
    offers do not restart their 30 days nor tell anyone again; changed
    offers are a new answer."""
    rid = fiber(stack, keys)["_id"]
    offers = answered(stack, keys["admin"], rid)["offers"]
    mails = answered_mails(stack, rid)
    assert mails > 0
    con = sqlite3.connect(stack.db, timeout=30)
    with con:
        con.execute("UPDATE internet_requests SET answered = ? WHERE id = ?",
                    (day(-29) + "T08:00:00.000Z", rid))
    con.close()
    r = update(stack, keys["admin"], rid, {"offers": offers, "reference": "fixed"})
    assert r.status_code == 200, r.text
    b = r.json()
    assert b["answered"] == day(-29) + "T08:00:00.000Z" and b["expires"][:10] == day(1), b
    assert b["reference"] == "fixed" and b["offers"] == offers
    assert answered_mails(stack, rid) == mails
    changed = [dict(offers[0], monthlyCustomer=1599), offers[1]]
    b = update(stack, keys["admin"], rid, {"offers": changed}).json()
    assert b["answered"][:10] == day(0) and b["expires"][:10] in (day(30), day(31)), b
    assert answered_mails(stack, rid) > mails


def test_offers_spelled_as_in_the_seed(stack, keys):
    """The seed's body table writes the list `Offers`; its query example
    `offers`.  Both are read (`offers` first)."""
    rid = fiber(stack, keys)["_id"]
    r = update(stack, keys["admin"], rid, {"Offers": SEED_OFFERS["offers"]})
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "HAS_OFFER" and len(r.json()["offers"]) == 2


def test_update_changes_the_address(stack, keys):
    """The seed's update answers 404 for an unknown address._id and
    address2._id (case folders): an ADMIN may correct the installation
    address."""
    rid = fiber(stack, keys)["_id"]
    b = update(stack, keys["admin"], rid, {"address": {"_id": ADDRESS_2}}).json()
    assert b["address"]["_id"] == ADDRESS_2 and b["address"]["zip"] == "1165", b
    b = update(stack, keys["admin"], rid, {"address": {"address": "Strandvejen 1",
                                                     "zip": "2900", "city": "Hellerup"},
                                         "address2": {"_id": ADDRESS_1}}).json()
    assert b["address"] == {"address": "Strandvejen 1", "zip": "2900", "city": "Hellerup"}, b
    assert b["address2"]["_id"] == ADDRESS_1
    # an update without them leaves them; address2 can be removed, address cannot
    b = update(stack, keys["admin"], rid, {"reference": "x"}).json()
    assert b["address"]["city"] == "Hellerup" and b["address2"]["_id"] == ADDRESS_1
    b = update(stack, keys["admin"], rid, {"address2": None}).json()
    assert "address2" not in b or b["address2"] is None, b
    only_error(update(stack, keys["admin"], rid, {"address": None}), 422, "address",
               "Address is required", "address", "required")
    assert get(stack, keys["nordic_owner"],
               "/internet/request/%s" % rid).json()["address"]["city"] == "Hellerup"


def order(stack, key, rid, offer, customer="NORDIC"):
    body = {"request": rid, "offer": offer}
    if customer is not None:
        body["customer"] = customer
    return post(stack, key, "/internet/account", body)


def test_order_and_confirm(stack, keys):
    rid = fiber(stack, keys, installTime="12_TO_16")["_id"]
    offers = answered(stack, keys["admin"], rid)["offers"]
    r = order(stack, keys["nordic_owner"], rid, offers[1]["_id"])
    assert r.status_code == 201, r.text
    acc = r.json()
    assert r.headers["Location"] == "/internet/account/%s" % acc["_id"]
    assert (acc["state"], acc["request"], acc["offer"], acc["customer"]) == \
        ("ORDERED", rid, offers[1]["_id"], "NORDIC")
    assert acc["monthlyCustomer"] == 1300 and "monthlyCost" not in acc
    assert acc["orderedBy"] == NORDIC_OWNER
    req = get(stack, keys["nordic_owner"], "/internet/request/%s" % rid).json()
    assert req["account"] == {"_id": acc["_id"], "state": "ORDERED", "offer": offers[1]["_id"]}
    # a second offer of the same request, or the same offer again: 409
    for offer in (offers[0]["_id"], offers[1]["_id"]):
        only_error(order(stack, keys["nordic_owner"], rid, offer), 409, "conflict",
                   "An offer of this Internet request has already been ordered")
    # the offers can no longer change (the same ones may be sent again)
    only_error(update(stack, keys["admin"], rid, SEED_OFFERS), 409, "conflict",
               "An offer of this Internet request has been ordered: its offers can no longer change")
    assert update(stack, keys["admin"], rid, {"offers": offers}).status_code == 200
    # confirm: only RESELLER_ADMIN and ADMIN
    path = "/internet/account/%s/confirm" % acc["_id"]
    for role in ("nordic_owner", "reseller"):
        only_error(post(stack, keys[role], path, {"startDate": day(14)}), 403,
                   "access_denied", M_DENIED)
    only_error(post(stack, keys["admin"], path, {}), 422, "startDate",
               "Start date is required", "startDate")
    only_error(post(stack, keys["admin"], path, {"startDate": day(14), "installTime": "x"}),
               422, "installTime", "Must be one of 7_30_TO_16, 7_30_TO_12, 12_TO_16")
    r = post(stack, keys["admin"], path, {"startDate": day(14), "circuit": "FIB-0001"})
    assert r.status_code == 200, r.text
    c = r.json()
    assert (c["state"], c["startDate"], c["installTime"], c["circuit"], c["confirmedBy"]) == \
        ("CONFIRMED", day(14) + "T00:00:00.000Z", "12_TO_16", "FIB-0001", ADMIN)
    # any other state: 422 state
    only_error(post(stack, keys["admin"], path, {"startDate": day(15)}), 422, "state",
               "Only an ORDERED account can be confirmed", "state")
    assert get(stack, keys["nordic_owner"], "/internet/account/%s" % acc["_id"]).json()["state"] \
        == "CONFIRMED"
    only_error(get(stack, keys["acme_owner"], "/internet/account/%s" % acc["_id"]), 404,
               "not_found", "Internet account not found")
    only_error(post(stack, keys["admin"], "/internet/account/%s/confirm" % UNKNOWN,
                    {"startDate": day(3)}), 404, "not_found", "Internet account not found")


def test_reseller_admin_confirms_its_customers_accounts(stack, keys):
    import subprocess
    email = "radmin-%s@netpartner.test" % os.urandom(3).hex()
    subprocess.run([os.path.join(stack.build, "reqdesk"), "--db", stack.db, "user", "add",
                    "--email", email, "--name", "Rita Admin", "--level", "RESELLER_ADMIN",
                    "--reseller", "NETPARTNER"], input="demo-pass-1\n", text=True,
                   check=True, capture_output=True, timeout=60)
    radmin = make_api_key(stack, email)
    rid = fiber(stack, keys)["_id"]
    offers = answered(stack, keys["admin"], rid)["offers"]
    acc = order(stack, keys["reseller"], rid, offers[0]["_id"]).json()
    r = post(stack, radmin, "/internet/account/%s/confirm" % acc["_id"],
             {"startDate": day(10), "installTime": "7_30_TO_16"})
    assert r.status_code == 200 and r.json()["state"] == "CONFIRMED", r.text
    # not an account of its customers: not found
    acme = create(stack, keys["acme_owner"], fiber_body(
        address={"address": "3 rue Z", "zip": "69002", "city": "Lyon"}))
    offers = answered(stack, keys["admin"], acme["_id"])["offers"]
    acc = order(stack, keys["acme_owner"], acme["_id"], offers[0]["_id"], "ACME").json()
    only_error(post(stack, radmin, "/internet/account/%s/confirm" % acc["_id"],
                    {"startDate": day(10)}), 404, "not_found", "Internet account not found")
    # and the request update is the operator's alone: 403 for it too
    only_error(update(stack, radmin, rid, {"notes": "mine"}), 403, "access_denied", M_DENIED)


def test_expiry_with_a_controlled_clock(stack, keys):
    rid = fiber(stack, keys)["_id"]
    offers = answered(stack, keys["admin"], rid)["offers"]
    # answered 31 days ago: expired
    sql(stack.db, "UPDATE internet_requests SET answered = strftime('%Y-%m-%dT%H:%M:%fZ',"
        " 'now', '-31 days') WHERE id = ?", (rid,))
    req = get(stack, keys["nordic_owner"], "/internet/request/%s" % rid).json()
    assert req["expires"][:10] == day(-1)
    only_error(order(stack, keys["nordic_owner"], rid, offers[0]["_id"]), 422, "expired",
               "The offer has expired", "offer", "expired")
    assert sql(stack.db, "SELECT count(*) FROM internet_accounts WHERE request_id = ?",
               (rid,))[0][0] == 0
    # answered 29 days ago: a day left
    sql(stack.db, "UPDATE internet_requests SET answered = strftime('%Y-%m-%dT%H:%M:%fZ',"
        " 'now', '-29 days') WHERE id = ?", (rid,))
    r = order(stack, keys["nordic_owner"], rid, offers[0]["_id"])
    assert r.status_code == 201, r.text
    # new offers after expiry open a new 30-day window
    rid = fiber(stack, keys)["_id"]
    answered(stack, keys["admin"], rid)
    sql(stack.db, "UPDATE internet_requests SET answered = '2020-01-01T00:00:00.000Z'"
        " WHERE id = ?", (rid,))
    offers = answered(stack, keys["admin"], rid)["offers"]
    assert order(stack, keys["nordic_owner"], rid, offers[0]["_id"]).status_code == 201


# ---- notifications --------------------------------------------------------------

def maildir(s):
    return os.path.join(s.data, "mail")


def test_notifications(stack, keys):
    """Who hears of each step; NORDIC's people read Danish (their
    market's), the operator English (test_mail_people.py reads every
    mail closely)."""
    rid = fiber(stack, keys, notify=[NORDIC_IT])["_id"]
    rows = sql(stack.db, "SELECT event, recipient FROM outbox WHERE object_id = ? ORDER BY id",
               (rid,))
    assert rows == [("internet_created", "owner@nordic.test"),
                    ("internet_created", "operator@localhost")]
    offers = answered(stack, keys["admin"], rid)["offers"]
    msgs = mailtools.wait_for(lambda: len([m for m in mailtools.about(maildir(stack), rid)
                                           if "Tid til at vælge" in str(m["Subject"])]) == 2 and
                              mailtools.about(maildir(stack), rid), what="answered mails")
    answered_mails = [m for m in msgs if "Tid til at vælge" in str(m["Subject"])]
    assert sorted(str(m["To"]) for m in answered_mails) == ["it@nordic.test", "owner@nordic.test"]
    body = answered_mails[0].get_body(("plain",)).get_content()
    assert "FIBER 100/100, fra Global Connect" in body and "1.600,00\xa0kr." in body
    assert "FIBER 1000/1000, fra Nianet" in body and "1.300,00\xa0kr." in body
    assert "%s/internet/%s" % (stack.base, rid) in body
    acc = order(stack, keys["nordic_owner"], rid, offers[0]["_id"]).json()
    r = post(stack, keys["admin"], "/internet/account/%s/confirm" % acc["_id"],
             {"startDate": day(9), "circuit": "FIB-9"})
    assert r.status_code == 200
    rows = sql(stack.db, "SELECT event, recipient FROM outbox WHERE object_id = ? ORDER BY id",
               (rid,))
    assert rows == [("internet_created", "owner@nordic.test"),
                    ("internet_created", "operator@localhost"),
                    ("internet_answered", "owner@nordic.test"),
                    ("internet_answered", "it@nordic.test"),
                    ("offer_ordered", "owner@nordic.test"),
                    ("offer_ordered", "it@nordic.test"),
                    ("offer_ordered", "operator@localhost"),
                    ("account_confirmed", "owner@nordic.test"),
                    ("account_confirmed", "it@nordic.test")]
    subject = sql(stack.db, "SELECT subject FROM outbox WHERE object_id = ? AND event ="
                  " 'account_confirmed'", (rid,))[0][0]
    assert subject.startswith("[reqdesk] Levering den ") and "internetadgang (Fiber)" in subject


def test_refused_change_sends_nothing(stack, keys):
    rid = fiber(stack, keys)["_id"]
    before = sql(stack.db, "SELECT count(*) FROM outbox WHERE object_id = ?", (rid,))[0][0]
    r = update(stack, keys["admin"], rid, {"offers": [{"product": FIBER_100,
                                                        "monthlyCost": 500001}]})
    assert r.status_code == 422
    assert sql(stack.db, "SELECT count(*) FROM outbox WHERE object_id = ?", (rid,))[0][0] == before
