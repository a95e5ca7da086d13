"""The rest of the ordering API a client of the Orange descriptions
expects (shared/reference/orange/), through nginx: GET
/ordering/b2b/v2/requests/aggregate (counts within the caller's scope,
by one to three attributes, with the list's filters), /status and
/version (no credentials needed), GET /core-information/b2b/v2/me (the
caller and its credential), and catalogItems paged by offset and limit.

The 400s of a groupBy, a sort or a page that cannot be read are case
folders (tests/cases/orange/aggregate-*, catalog-items-*)."""

import json
import os
import signal
import sqlite3
import time

import pytest

import bodies
import stack as stackmod
from conftest import DEMO_PASSWORD, api, make_api_key

ORDERING = "/ordering/b2b/v2"
AGG = ORDERING + "/requests/aggregate"
ME = "/core-information/b2b/v2/me"


def pairs(r):
    """The JSON object of `r` as nested lists of (key, value), in order."""
    return json.loads(r.text, object_pairs_hook=lambda kv: [(k, v) for k, v in kv])


def custom_body(ref):
    """A valid U_BVPN_CUSTOM003_1 (FDJ's customized type) body."""
    return {"requestedAt": bodies.disconnect_body()["requestedAt"],
            "type": "U_BVPN_CUSTOM003_1", "customerReference": ref,
            "properties": {"servicePoint": {"id": "SP-FDJ-0001"},
                           "profile": "FDJ CONNECT OPTIMA 8M"}}


@pytest.fixture(scope="module")
def world(fresh_stack_module):
    """A fresh desk with known requests: ACME 3 disconnections (one
    canceled), FDJ 2 disconnections and 1 update."""
    s = fresh_stack_module
    s.keys = {who: make_api_key(s, email) for who, email in (
        ("acme", "owner@acme.test"), ("fdj", "owner@fdj.test"),
        ("viewer", "viewer@fdj.test"), ("admin", "admin@reqdesk.test"),
        ("reseller", "sales@netpartner.test"))}

    def create(who, body):
        r = s.post(ORDERING + "/requests", headers=api(s, s.keys[who]), json=body)
        assert r.status_code == 201, r.text
        return r.json()["id"]

    s.ids = {"acme": [create("acme", bodies.disconnect_body("AGG-A%d" % i))
                      for i in range(3)],
             "fdj": [create("fdj", bodies.disconnect_body("AGG-F%d" % i,
                                                          {"id": "SP-FDJ-0001"}))
                     for i in range(2)] + [create("fdj", custom_body("AGG-FU"))]}
    r = s.post(ORDERING + "/requests/%s/status" % s.ids["acme"][0],
               headers=api(s, s.keys["acme"]), json={"status": "CANCELED",
                                                     "comment": "not needed"})
    assert r.status_code == 200, r.text
    return s


@pytest.fixture(scope="module")
def fresh_stack_module():
    s = stackmod.start_stack(log_name="ordering-more")
    try:
        yield s
    finally:
        s.close()


def agg(s, who, **params):
    return s.get(AGG, headers={"X-API-Key": s.keys[who]}, params=params)


def counted(r, total, groups):
    assert r.status_code == 200, r.text
    assert r.headers["X-Total-Count"] == str(total), r.headers
    assert r.headers["X-Result-Count"] == str(groups), r.headers
    return r.json()


def test_a_customer_counts_its_own_requests(world):
    s = world
    assert counted(agg(s, "acme", groupBy="status"), 3, 2) == {"CANCELED": 1, "NEW": 2}
    assert counted(agg(s, "fdj", groupBy="type"), 3, 2) == {
        "R_BVPN_FR_1": 2, "U_BVPN_CUSTOM003_1": 1}
    assert counted(agg(s, "viewer", groupBy="category"), 3, 2) == {
        "CHANGE": 1, "DISCONNECT": 2}
    # a reseller whose customer has no request counts none
    assert counted(agg(s, "reseller", groupBy="status"), 0, 0) == {}


def test_the_operator_counts_every_request(world):
    s = world
    assert counted(agg(s, "admin", groupBy="customer.id,status"), 6, 3) == {
        "ACME": {"CANCELED": 1, "NEW": 2}, "FDJ": {"NEW": 3}}
    assert counted(agg(s, "admin", groupBy="status,customer.name,type"), 6, 4) == {
        "CANCELED": {"ACME France": {"R_BVPN_FR_1": 1}},
        "NEW": {"ACME France": {"R_BVPN_FR_1": 2},
                "Française des Jeux": {"R_BVPN_FR_1": 2, "U_BVPN_CUSTOM003_1": 1}}}


def test_the_members_are_sorted(world):
    s = world
    # by value (the default), ascending
    assert pairs(agg(s, "admin", groupBy="customer.id")) == [("ACME", 3), ("FDJ", 3)]
    assert pairs(agg(s, "admin", groupBy="customer.id", sort="-VALUE")) == [
        ("FDJ", 3), ("ACME", 3)]
    # by count at every level (a group by the sum of its members), ties by value
    assert pairs(agg(s, "admin", groupBy="status,customer.id", sort="-count")) == [
        ("NEW", [("FDJ", 3), ("ACME", 2)]), ("CANCELED", [("ACME", 1)])]
    assert pairs(agg(s, "admin", groupBy="status,customer.id", sort="COUNT")) == [
        ("CANCELED", [("ACME", 1)]), ("NEW", [("ACME", 2), ("FDJ", 3)])]


def test_the_filters_are_the_lists(world):
    s = world
    assert counted(agg(s, "admin", groupBy="customer.id", status="NEW"), 5, 2) == {
        "ACME": 2, "FDJ": 3}
    assert counted(agg(s, "admin", groupBy="status", type="U_BVPN_CUSTOM003_1"), 1, 1) == {
        "NEW": 1}
    assert counted(agg(s, "admin", groupBy="type", category="DISCONNECT,CHANGE"), 6, 2) \
        == {"R_BVPN_FR_1": 5, "U_BVPN_CUSTOM003_1": 1}
    # filters that name requests (id, customerReference) count those alone
    assert counted(agg(s, "admin", groupBy="status", customerReference="AGG-A0,AGG-F1"),
                   2, 2) == {"CANCELED": 1, "NEW": 1}
    assert counted(agg(s, "admin", groupBy="customer.id",
                       id=",".join(s.ids["fdj"][:2] + s.ids["acme"][1:2])), 3, 2) == {
        "ACME": 1, "FDJ": 2}
    # ... within the caller's scope: FDJ's ids count nothing for ACME
    assert counted(agg(s, "acme", groupBy="status", id=",".join(s.ids["fdj"])), 0, 0) == {}
    # each count is what the list says
    for status, n in agg(s, "admin", groupBy="status").json().items():
        r = s.get(ORDERING + "/requests", headers={"X-API-Key": s.keys["admin"]},
                  params={"status": status, "limit": 1})
        assert r.headers["X-Total-Count"] == str(n)


def test_at_most_1000_groups(fresh_stack):
    """A groupBy that would answer more than 1000 counts is refused (the
    counters of 1001 customers written straight into the database)."""
    s = fresh_stack()
    admin = make_api_key(s, "admin@reqdesk.test")
    con = sqlite3.connect(s.db)
    with con:
        con.executemany("INSERT INTO customers (id, name, market) VALUES (?, ?, 'FR')",
                        [("C%04d" % i, "Customer %d" % i) for i in range(1001)])
        con.executemany("INSERT INTO request_counts (customer_id, type, category, "
                        "status, n) VALUES (?, 'R_BVPN_FR_1', 'DISCONNECT', 'NEW', 1)",
                        [("C%04d" % i,) for i in range(1001)])
    con.close()
    h = {"X-API-Key": admin}
    r = s.get(AGG, headers=h, params={"groupBy": "customer.id"})
    assert r.status_code == 400, r.text
    assert r.json() == {"code": 20, "message": "Invalid query-string parameter",
                        "description": "'groupBy' makes more than 1000 groups: narrow "
                        "the requests with a filter (status, type, category, id, "
                        "customerReference)."}
    r = s.get(AGG, headers=h, params={"groupBy": "status"})
    assert r.status_code == 200 and r.json() == {"NEW": 1001}


def test_status_and_version(stack):
    for path in ("/status", "/version"):
        r = stack.get(ORDERING + path)
        assert r.status_code == 200, r.text
        assert r.headers["Content-Type"].startswith("application/json")
    assert stack.get(ORDERING + "/status").json() == {
        "name": "Ordering API", "status": "ok", "version": "2.1.1"}
    assert stack.get(ORDERING + "/version").json() == {
        "version": {"major": "2", "minor": "1", "patch": "1"}, "deprecated": False}
    # no credentials needed, but credentials sent are checked
    r = stack.get(ORDERING + "/status", headers={"X-API-Key": "rqk_" + "0" * 40})
    assert r.status_code == 401 and r.json()["code"] == 41


def test_status_says_ko_without_a_database(fresh_stack):
    s = fresh_stack()
    sup = s.fcgi_supervisor()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(s.db + suffix):
            os.rename(s.db + suffix, s.db + suffix + ".moved")
    os.mkdir(s.db)
    for pid in stackmod.children(sup):
        os.kill(pid, signal.SIGKILL)
    deadline, r = time.monotonic() + 10, None
    while time.monotonic() < deadline:
        try:
            r = s.get(ORDERING + "/status", timeout=2)
            if r.status_code == 503:
                break
        except Exception:
            pass
        time.sleep(0.1)
    assert r is not None and r.status_code == 503, r and r.text
    assert r.json() == {"name": "Ordering API", "status": "ko", "version": "2.1.1"}
    s.stop()


def test_me_with_an_api_key(stack, keys):
    r = stack.get(ME, headers={"X-API-Key": keys["fdj_owner"]})
    assert r.status_code == 200, r.text
    me = r.json()
    prefix = keys["fdj_owner"][:12]
    assert me["id"] == prefix and me["apiKey"]["id"] == prefix
    assert (me["login"], me["email"], me["userId"], me["level"]) == (
        "owner@fdj.test", "owner@fdj.test", "5eed0000000000000000f001", "OWNER")
    assert me["customer"] == {"id": "FDJ", "name": "Française des Jeux"}
    assert "reseller" not in me
    assert me["apiKey"]["scopes"] == "b2b:ordering" and me["apiKey"]["type"] == "ACTIVE"
    assert "expiredAt" not in me["apiKey"]
    assert stack.get(ME, headers={"X-API-Key": keys["fdj_viewer"]}).json()[
        "apiKey"]["scopes"] == "b2b:ordering:readonly"
    admin = stack.get(ME, headers={"X-API-Key": keys["admin"]}).json()
    assert admin["level"] == "ADMIN" and "customer" not in admin and "reseller" not in admin


def test_me_with_a_token(stack):
    r = stack.post("/auth/login", json={"email": "sales@netpartner.test",
                                        "password": DEMO_PASSWORD})
    token = r.json()["token"]
    me = stack.get(ME, headers={"Authorization": "Bearer " + token}).json()
    assert "id" not in me and "id" not in me["apiKey"]
    assert me["level"] == "RESELLER"
    assert me["reseller"] == {"id": "NETPARTNER", "name": "Net Partner"}
    assert "customer" not in me
    assert me["apiKey"]["expiredAt"] > me["apiKey"]["createdAt"]
    r = stack.get(ME)
    assert r.status_code == 401 and r.json()["code"] == 40


def test_catalog_items_are_paged(stack, keys):
    h = {"X-API-Key": keys["fdj_owner"]}
    whole = stack.get(ORDERING + "/catalogItems", headers=h)
    ids = [i["id"] for i in whole.json()]
    assert len(ids) >= 2 and whole.headers["X-Total-Count"] == str(len(ids))
    r = stack.get(ORDERING + "/catalogItems", headers=h, params={"offset": 1, "limit": 1})
    assert [i["id"] for i in r.json()] == ids[1:2]
    assert (r.headers["X-Total-Count"], r.headers["X-Result-Count"]) == (str(len(ids)), "1")
    r = stack.get(ORDERING + "/catalogItems", headers=h, params={"offset": len(ids)})
    assert r.json() == [] and r.headers["X-Result-Count"] == "0"
    assert r.headers["X-Total-Count"] == str(len(ids))
