"""The whole life of an Internet request and account (issue 18, part 5)
and what reseller staff see of a customer two resellers resell (part 8),
through nginx, SQLite and the real SMTP catcher of the session stack.

The request's state goes on after HAS_OFFER: ORDERED when an offer is
ordered, then its account's CONFIRMED, ACTIVE, CANCELLED; the operator
activates and cancels an account (JSON and the offer entry page, which
asks first); each step is kept in the account and mailed to the
customer's people.  BALTIC is resold by NETPARTNER (keys["reseller"]) and
NORDLINK (sales@nordlink.test): each sees the requests that are its
own, by every route, and nothing of the other's."""

import base64
import os
import re
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from conftest import browser_login, make_api_key  # noqa: E402
import mailtools  # noqa: E402
from inet import (  # noqa: E402
    ADMIN, NORDIC_IT, UNKNOWN, answered, create, day, fiber_body, get, only_error,
    post, sql)

M_DENIED = "Insufficient access level"
M_ACTIVATE = "Only a CONFIRMED account can be activated"
M_CANCEL = "Only an ORDERED, CONFIRMED or ACTIVE account can be cancelled"
M_CONFIRM = "Only an ORDERED account can be confirmed"
M_BAD_STATE = "Must be ANY, NEW, HAS_OFFER, ORDERED, CONFIRMED, ACTIVE or CANCELLED"
STATES = ["NEW", "HAS_OFFER", "ORDERED", "CONFIRMED", "ACTIVE", "CANCELLED"]
BALTIC_ADDRESS = "5eed0000000000000000ad03"
WHOLESALE = {"initiationWholesale", "monthlyWholesale"}


@pytest.fixture(scope="module")
def more(stack):
    """Keys of the demo users the session's keys do not hold."""
    return {"nordlink": make_api_key(stack, "sales@nordlink.test"),
            "fiberplus": make_api_key(stack, "sales@fiberplus.test"),
            "baltic_owner": make_api_key(stack, "owner@baltic.test")}


def tagged(tag, i=0):
    return {"address": "%s vej %d" % (tag, i), "zip": "2605", "city": "Brøndby"}


def order(s, key, rid, offer):
    r = post(s, key, "/internet/account", {"request": rid, "offer": offer})
    assert r.status_code == 201, r.text
    return r.json()


def state_of(s, key, rid):
    return get(s, key, "/internet/request/%s" % rid).json()["state"]


def to_state(s, keys, state, **over):
    """A new NORDIC request brought to `state`; (request id, account id)."""
    rid = create(s, keys["nordic_owner"], fiber_body(**over))["_id"]
    if state == "NEW":
        return rid, None
    offers = answered(s, keys["admin"], rid)["offers"]
    if state == "HAS_OFFER":
        return rid, None
    acc = order(s, keys["nordic_owner"], rid, offers[0]["_id"])["_id"]
    steps = {"CONFIRMED": ["confirm"], "ACTIVE": ["confirm", "activate"],
             "CANCELLED": ["confirm", "activate", "cancel"]}.get(state, [])
    for step in steps:
        r = post(s, keys["admin"], "/internet/account/%s/%s" % (acc, step),
                 {"startDate": day(7)} if step == "confirm" else {})
        assert r.status_code == 200, r.text
    return rid, acc


def outbox_count(s, rid):
    return sql(s.db, "SELECT count(*) FROM outbox WHERE object_id = ?", (rid,))[0][0]


# ---- the life, step by step --------------------------------------------------

def test_every_transition(stack, keys):
    admin = keys["admin"]
    rid = create(stack, keys["nordic_owner"], fiber_body(notify=[NORDIC_IT]))["_id"]
    assert state_of(stack, admin, rid) == "NEW"
    offers = answered(stack, admin, rid)["offers"]
    assert state_of(stack, admin, rid) == "HAS_OFFER"
    acc = order(stack, keys["nordic_owner"], rid, offers[0]["_id"])
    assert acc["state"] == "ORDERED"
    assert state_of(stack, keys["nordic_owner"], rid) == "ORDERED"
    path = "/internet/account/%s" % acc["_id"]
    r = post(stack, admin, path + "/confirm", {"startDate": day(9), "circuit": "FIB-LIFE"})
    assert r.status_code == 200 and r.json()["state"] == "CONFIRMED", r.text
    assert state_of(stack, keys["nordic_owner"], rid) == "CONFIRMED"
    # activate: no body needed
    r = stack.post(path + "/activate", headers={"X-API-Key": admin})
    assert r.status_code == 200, r.text
    a = r.json()
    assert (a["state"], a["activatedBy"], a["circuit"]) == ("ACTIVE", ADMIN, "FIB-LIFE")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", a["activated"])
    assert "cancelled" not in a
    assert state_of(stack, keys["nordic_owner"], rid) == "ACTIVE"
    req = get(stack, keys["nordic_owner"], "/internet/request/%s" % rid).json()
    assert req["account"] == {"_id": acc["_id"], "state": "ACTIVE", "offer": offers[0]["_id"]}
    # cancel, with an empty JSON object
    r = post(stack, admin, path + "/cancel", {})
    assert r.status_code == 200, r.text
    c = r.json()
    assert (c["state"], c["cancelledBy"], c["activatedBy"]) == ("CANCELLED", ADMIN, ADMIN)
    assert c["cancelled"] >= c["activated"] >= c["confirmed"] >= c["ordered"]
    assert state_of(stack, keys["nordic_owner"], rid) == "CANCELLED"
    assert get(stack, keys["nordic_owner"], path).json()["state"] == "CANCELLED"
    # the stored state and the account agree in the database
    assert sql(stack.db, "SELECT r.state, a.state FROM internet_requests r JOIN"
               " internet_accounts a ON a.request_id = r.id WHERE r.id = ?", (rid,)) == \
        [("CANCELLED", "CANCELLED")]


def test_cancel_before_activation(stack, keys):
    for state in ("ORDERED", "CONFIRMED"):
        rid, acc = to_state(stack, keys, state)
        r = post(stack, keys["admin"], "/internet/account/%s/cancel" % acc, {})
        assert r.status_code == 200 and r.json()["state"] == "CANCELLED", r.text
        assert "activated" not in r.json()
        assert state_of(stack, keys["admin"], rid) == "CANCELLED"


def test_wrong_state_refusals(stack, keys):
    admin = keys["admin"]
    refusals = {   # the account's state: the actions refused in it
        "ORDERED": [("activate", M_ACTIVATE)],
        "CONFIRMED": [("confirm", M_CONFIRM)],
        "ACTIVE": [("activate", M_ACTIVATE), ("confirm", M_CONFIRM)],
        "CANCELLED": [("activate", M_ACTIVATE), ("cancel", M_CANCEL),
                      ("confirm", M_CONFIRM)],
    }
    for state, refused in refusals.items():
        rid, acc = to_state(stack, keys, state)
        before = outbox_count(stack, rid)
        for action, message in refused:
            body = {"startDate": day(5)} if action == "confirm" else {}
            r = post(stack, admin, "/internet/account/%s/%s" % (acc, action), body)
            only_error(r, 422, "state", message, "state", "state")
        # nothing moved, nothing mailed
        assert state_of(stack, admin, rid) == state
        assert get(stack, admin, "/internet/account/%s" % acc).json()["state"] == state
        assert outbox_count(stack, rid) == before


def test_who_may_activate_and_cancel(stack, keys, more):
    rid, acc = to_state(stack, keys, "CONFIRMED")
    for action in ("activate", "cancel"):
        path = "/internet/account/%s/%s" % (acc, action)
        for role in ("nordic_owner", "nordic_it", "reseller", "fdj_owner"):
            only_error(post(stack, keys[role], path, {}), 403, "access_denied", M_DENIED)
        # refused before the account is looked up
        only_error(post(stack, keys["reseller"], "/internet/account/%s/%s" % (UNKNOWN, action),
                        {}), 403, "access_denied", M_DENIED)
        only_error(post(stack, keys["admin"], "/internet/account/%s/%s" % (UNKNOWN, action),
                        {}), 404, "not_found", "Internet account not found")
        # a body, when sent, is a JSON object
        r = stack.post(path, headers={"X-API-Key": keys["admin"],
                                      "Content-Type": "application/json"}, data="[1]")
        assert r.status_code == 400, r.text
        assert r.json()["error"]["status"] == 400
        r = stack.post(path, headers={"X-API-Key": keys["admin"],
                                      "Content-Type": "text/plain"}, data="go")
        assert r.status_code == 415, r.text
    assert state_of(stack, keys["admin"], rid) == "CONFIRMED"


# ---- state filters -----------------------------------------------------------------

def test_state_filters(stack, keys):
    tag = "LIFE%s" % os.urandom(3).hex()
    ids = {st: to_state(stack, keys, st, address=tagged(tag, i))[0]
           for i, st in enumerate(STATES)}
    q = "/internet/request?filter=%s" % tag
    for role in ("nordic_owner", "admin", "reseller"):
        for st in STATES:
            r = get(stack, keys[role], "%s&state=%s" % (q, st))
            assert r.status_code == 200, r.text
            got = r.json()
            assert got["total"] == 1 and [x["_id"] for x in got["requests"]] == [ids[st]], \
                (role, st, got)
            assert got["requests"][0]["state"] == st
        for every in ("&state=ANY", ""):
            got = get(stack, keys[role], q + every).json()
            assert got["total"] == 6 and {x["_id"] for x in got["requests"]} == set(ids.values())
    for bad in ("OLD", "active", "ANY,NEW", "HAS OFFER"):
        only_error(get(stack, keys["nordic_owner"], "/internet/request?state=%s" % bad), 400,
                   "state", M_BAD_STATE, "state", "enum")
    # the search of the list filters by state too
    got = get(stack, keys["nordic_owner"], "/internet/request?q=%s&state=ACTIVE" % tag).json()
    assert [x["_id"] for x in got["requests"]] == [ids["ACTIVE"]]


def test_state_on_the_pages(stack, keys):
    tag = "PAGE%s" % os.urandom(3).hex()
    ids = {st: to_state(stack, keys, st, address=tagged(tag, i))[0]
           for i, st in enumerate(STATES)}
    english = {"NEW": "Waiting for offers", "HAS_OFFER": "Offers to choose from",
               "ORDERED": "Ordered", "CONFIRMED": "Confirmed", "ACTIVE": "Active",
               "CANCELLED": "Cancelled"}
    a, _ = browser_login(stack, "admin@reqdesk.test")
    c, _ = browser_login(stack, "owner@nordic.test")
    for sess, base in ((a, "/admin/internet"), (c, "/internet")):
        page = sess.get(stack.url(base), params={"filter": tag}).text
        for st in STATES:       # every state is offered as a filter
            assert '<option value="%s"' % st in page, st
        for st in STATES:
            page = sess.get(stack.url(base), params={"filter": tag, "state": st}).text
            assert re.findall(r'data-id="([0-9a-f]{24})"', page) == [ids[st]], (base, st)
            m = re.search(r'<span class="badge badge-%s">([^<]+)</span>' % st, page)
            assert m, (base, st)
            assert m.group(1) == english[st]
            assert '<option value="%s" selected>' % st in page
        # an unknown state is every state
        page = sess.get(stack.url(base), params={"filter": tag, "state": "OLD"}).text
        assert len(re.findall(r'data-id="([0-9a-f]{24})"', page)) == 6
    page = c.get(stack.url("/internet/%s" % ids["ACTIVE"])).text
    assert 'data-state="ACTIVE">Active<' in page and 'id="account-activated"' in page
    page = c.get(stack.url("/internet/%s" % ids["CANCELLED"])).text
    assert 'data-state="CANCELLED">Cancelled<' in page and 'id="account-cancelled"' in page
    # in the reader's language: Danish, French
    c.get(stack.url("/language"), params={"set": "da"})
    page = c.get(stack.url("/internet"), params={"filter": tag, "state": "CANCELLED"}).text
    assert '<span class="badge badge-CANCELLED">Annulleret</span>' in page
    assert '<option value="ACTIVE">Aktiv</option>' in page
    a.get(stack.url("/language"), params={"set": "fr"})
    page = a.get(stack.url("/admin/internet"), params={"filter": tag, "state": "ACTIVE"}).text
    assert '<span class="badge badge-ACTIVE">Active</span>' in page
    assert '<option value="CANCELLED">Annulée</option>' in page
    a.get(stack.url("/language"), params={"set": "en"})
    # the search page names the state in words
    page = a.get(stack.url("/search"), params={"q": tag}).text
    assert "Cancelled" in page and "CANCELLED<" not in page


# ---- the offer entry page ------------------------------------------------------------

def test_offer_entry_activate_and_cancel(stack, keys):
    rid, acc = to_state(stack, keys, "CONFIRMED")
    a, csrf = browser_login(stack, "admin@reqdesk.test")
    url = stack.url("/admin/internet/%s" % rid)
    page = a.get(url).text
    assert 'id="activate-account"' in page and 'id="cancel-account"' in page
    assert 'id="account-history"' in page and "Confirmed on " in page
    before = outbox_count(stack, rid)
    # the first post asks, and changes nothing
    r = a.post(url + "/activate", data={"csrf": csrf})
    assert r.status_code == 200 and 'id="confirm-activate"' in r.text, r.text[-2000:]
    assert acc in r.text and 'href="/admin/internet/%s" id="keep-account"' % rid in r.text
    assert state_of(stack, keys["admin"], rid) == "CONFIRMED"
    assert outbox_count(stack, rid) == before
    r = a.post(url + "/activate", data={"csrf": csrf, "confirm": "yes"}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].endswith("?done=activated")
    page = a.get(url + "?done=activated").text
    assert "The account is active." in page and 'id="account-state">Active<' in page
    assert 'id="activate-account"' not in page and 'id="cancel-account"' in page
    assert "Active on " in page
    assert state_of(stack, keys["admin"], rid) == "ACTIVE"
    # activating again: refused, said in words at the account
    r = a.post(url + "/activate", data={"csrf": csrf, "confirm": "yes"})
    assert r.status_code == 422
    assert re.search(r'id="state-error">Only a confirmed account can be activated\.<', r.text)
    # cancel: asked, then done
    r = a.post(url + "/cancel", data={"csrf": csrf})
    assert r.status_code == 200 and 'id="confirm-cancel"' in r.text
    assert state_of(stack, keys["admin"], rid) == "ACTIVE"
    r = a.post(url + "/cancel", data={"csrf": csrf, "confirm": "yes"}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].endswith("?done=cancelled")
    page = a.get(url).text
    assert 'id="account-state">Cancelled<' in page and "Cancelled on " in page
    assert 'id="cancel-account"' not in page and 'id="activate-account"' not in page
    r = a.post(url + "/cancel", data={"csrf": csrf, "confirm": "yes"})
    assert r.status_code == 422 and 'id="state-error">This account is already cancelled.<' \
        in r.text
    # without the form's token: refused; without an order: 409; others: 403
    assert a.post(url + "/cancel", data={"confirm": "yes"}).status_code == 403
    new = create(stack, keys["nordic_owner"], fiber_body())["_id"]
    assert a.post(stack.url("/admin/internet/%s/activate" % new),
                  data={"csrf": csrf, "confirm": "yes"}).status_code == 409
    assert a.post(stack.url("/admin/internet/%s/cancel" % UNKNOWN),
                  data={"csrf": csrf, "confirm": "yes"}).status_code == 404
    c, ccsrf = browser_login(stack, "owner@nordic.test")
    assert c.post(url + "/cancel", data={"csrf": ccsrf, "confirm": "yes"}).status_code == 403


# ---- the mails ---------------------------------------------------------------------

def mails(s, rid, event):
    """The delivered messages of `event` about `rid`, by recipient."""
    def found():
        rows = mailtools.outbox(s.db, "object_id = ? AND event = ?", (rid, event))
        if not rows or any(r["state"] != "sent" for r in rows):
            return None
        ids = {r["id"] for r in rows}
        got = [m for m in mailtools.messages(os.path.join(s.data, "mail"))
               if int(m["X-Reqdesk-Outbox-Id"]) in ids]
        return got if len(got) == len(ids) else None
    got = mailtools.wait_for(found, what="the %s mails about %s" % (event, rid))
    return {str(m["To"]): m for m in got}


def parts(m):
    assert m.get_content_type() == "multipart/alternative"
    return m.get_body(("plain",)).get_content(), m.get_body(("html",)).get_content()


def test_the_mails(stack, keys):
    ref = "LIFE-%s" % os.urandom(2).hex()
    rid, acc = to_state(stack, keys, "CONFIRMED", notify=[NORDIC_IT], reference=ref)
    r = post(stack, keys["admin"], "/internet/account/%s/activate" % acc, {})
    assert r.status_code == 200
    # queued in the change's transaction: there as soon as it answers
    assert sorted(x["recipient"] for x in mailtools.outbox(
        stack.db, "object_id = ? AND event = 'account_activated'", (rid,))) == \
        ["it@nordic.test", "owner@nordic.test"]
    got = mails(stack, rid, "account_activated")
    assert sorted(got) == ["it@nordic.test", "owner@nordic.test"]
    m = got["owner@nordic.test"]
    assert str(m["Subject"]) == "[reqdesk] Aktiv: internetadgang (Fiber), jeres reference %s" % ref
    text, html = parts(m)
    assert "Jeres internetadgang på Vallensbækvej 20A, 3. th., 2605 Brøndby er aktiv siden " \
        in text
    assert "Aktiv siden:" in text and "Konto: %s (Aktiv)" % acc in text
    assert "%s/internet/%s" % (stack.base, rid) in text
    assert "Aktiv siden:" in html and 'lang="da"' in html and "ACTIVE" not in text + html
    r = post(stack, keys["admin"], "/internet/account/%s/cancel" % acc, {})
    assert r.status_code == 200
    got = mails(stack, rid, "account_cancelled")
    assert sorted(got) == ["it@nordic.test", "owner@nordic.test"]
    m = got["it@nordic.test"]
    assert str(m["Subject"]) == "[reqdesk] Annulleret: internetadgang (Fiber), jeres reference %s" % ref
    text, html = parts(m)
    assert "blev annulleret den " in text and "Konto: %s (Annulleret)" % acc in text
    assert "Annulleret den:" in html and "CANCELLED" not in text + html
    # in French for a French customer, in euros, before any delivery date
    fr = create(stack, keys["fdj_owner"], fiber_body(
        customer="FDJ", address={"address": "10 rue de la Paix", "zip": "75002",
                                 "city": "Paris"}))["_id"]
    offers = answered(stack, keys["admin"], fr)["offers"]
    facc = order(stack, keys["fdj_owner"], fr, offers[0]["_id"])["_id"]
    assert post(stack, keys["admin"], "/internet/account/%s/cancel" % facc, {}).status_code == 200
    got = mails(stack, fr, "account_cancelled")
    m = got["owner@fdj.test"]
    assert str(m["Subject"]) == \
        "[reqdesk] Annulé : accès Internet (Fibre) au 10 rue de la Paix, 75002 Paris"
    text, _ = parts(m)
    assert "Votre accès Internet au 10 rue de la Paix, 75002 Paris a été annulé le " in text
    assert "Date de livraison" not in text and "1 600,00" in text.replace("\u202f", " ")


# ---- reseller visibility -------------------------------------------------------------

def b64(data):
    return base64.b64encode(data).decode()


def test_a_request_belongs_to_a_reseller(stack, keys, more):
    # reseller staff: theirs; a customer with one reseller: that one's;
    # a customer with two: none, unless the request names one of them
    a = create(stack, more["fiberplus"], fiber_body(customer="BALTIC",
               address={"_id": BALTIC_ADDRESS}))
    assert (a["customer"], a["reseller"]) == ("BALTIC", "FIBERPLUS")
    b = create(stack, more["nordlink"], fiber_body(customer="BALTIC",
               address={"_id": BALTIC_ADDRESS}))
    assert b["reseller"] == "NORDLINK"
    own = create(stack, more["baltic_owner"], fiber_body(address={"_id": BALTIC_ADDRESS}))
    assert own["customer"] == "BALTIC" and "reseller" not in own
    nordic = create(stack, keys["nordic_owner"], fiber_body())
    assert nordic["reseller"] == "NETPARTNER"
    named = create(stack, keys["admin"], fiber_body(customer="BALTIC", reseller="NORDLINK",
                   address={"_id": BALTIC_ADDRESS}))
    assert named["reseller"] == "NORDLINK"
    mine = create(stack, more["baltic_owner"], fiber_body(reseller="FIBERPLUS",
                  address={"_id": BALTIC_ADDRESS}))
    assert mine["reseller"] == "FIBERPLUS"
    for key, body in ((keys["admin"], fiber_body(customer="NORDIC", reseller="NORDLINK")),
                      (more["nordlink"], fiber_body(customer="BALTIC", reseller="FIBERPLUS",
                                                    address={"_id": BALTIC_ADDRESS})),
                      (keys["reseller"], fiber_body(customer="NORDIC", reseller="NORDLINK")),
                      (more["baltic_owner"], fiber_body(reseller="NETPARTNER",
                                                        address={"_id": BALTIC_ADDRESS})),
                      (keys["admin"], fiber_body(customer="BALTIC", reseller="NOPE",
                                                 address={"_id": BALTIC_ADDRESS}))):
        only_error(post(stack, key, "/internet/request", body), 404, "reseller",
                   "Reseller not found", "reseller", "exists")
    # who sees which
    for key, sees, not_seen in (
            (more["fiberplus"], [a, mine], [b, own, named, nordic]),
            (keys["reseller"], [nordic], [a, b, own, named, mine]),
            (more["nordlink"], [b, named], [a, own, nordic, mine]),
            (more["baltic_owner"], [a, b, own, named, mine], [nordic]),
            (keys["admin"], [a, b, own, nordic, named, mine], [])):
        for x in sees:
            assert get(stack, key, "/internet/request/%s" % x["_id"]).status_code == 200
        for x in not_seen:
            only_error(get(stack, key, "/internet/request/%s" % x["_id"]), 404, "not_found",
                       "Internet request not found")
    got = get(stack, keys["admin"], "/internet/request?reseller=NORDLINK&limit=500").json()
    ids = {x["_id"] for x in got["requests"]}
    assert {b["_id"], named["_id"]} <= ids and not {a["_id"], own["_id"]} & ids


def test_reseller_b_sees_nothing_of_a_by_any_route(stack, keys, more):
    A, B = more["fiberplus"], more["nordlink"]
    tag = "Shared%s" % os.urandom(3).hex()
    rid = create(stack, A, fiber_body(customer="BALTIC", reference=tag,
                 address={"_id": BALTIC_ADDRESS}))["_id"]
    offers = answered(stack, keys["admin"], rid)["offers"]
    acc = order(stack, A, rid, offers[0]["_id"])["_id"]
    note = post(stack, A, "/internet/request/%s/notes" % rid, {"text": "Key at the desk"})
    assert note.status_code == 201, note.text
    f = post(stack, A, "/internet/request/%s/attachments" % rid,
             {"name": "plan.txt", "body": b64(b"floor 2\n")})
    assert f.status_code == 201, f.text
    href = f.json()["href"]
    # A sees it all, wholesale prices included
    seen = get(stack, A, "/internet/request/%s" % rid).json()
    assert WHOLESALE <= set(seen["offers"][0])
    assert WHOLESALE <= set(get(stack, A, "/internet/account/%s" % acc).json())
    assert get(stack, A, href).content == b"floor 2\n"
    # B: not found, exactly as an unknown id
    only_error(get(stack, B, "/internet/request/%s" % rid), 404, "not_found",
               "Internet request not found")
    only_error(get(stack, B, "/internet/request/%s" % UNKNOWN), 404, "not_found",
               "Internet request not found")
    only_error(get(stack, B, "/internet/account/%s" % acc), 404, "not_found",
               "Internet account not found")
    only_error(post(stack, B, "/internet/account", {"request": rid, "offer": offers[1]["_id"]}),
               404, "not_found", "Internet request not found", "request")
    for path in ("notes", "attachments"):
        only_error(get(stack, B, "/internet/request/%s/%s" % (rid, path)), 404, "not_found",
                   "Internet request not found")
    only_error(post(stack, B, "/internet/request/%s/notes" % rid, {"text": "mine?"}), 404,
               "not_found", "Internet request not found")
    only_error(get(stack, B, href), 404, "not_found", "Internet request not found")
    # lists and searches: empty
    for q in ("customer=BALTIC&filter=Strandvejen&limit=500", "q=%s" % tag,
              "q=%s&full=true" % tag, "customer=BALTIC&state=ORDERED&limit=500",
              "reseller=FIBERPLUS&limit=500"):
        got = get(stack, B, "/internet/request?" + q).json()
        assert rid not in {x["_id"] for x in got["requests"]}, q
    assert get(stack, B, "/internet/request?q=%s" % tag).json()["total"] == 0
    # nor anywhere a page shows it
    sess, _ = browser_login(stack, "sales@nordlink.test")
    assert sess.get(stack.url("/internet/%s" % rid)).status_code == 404
    for path, params in (("/internet", {"filter": "Strandvejen"}), ("/search", {"q": tag}),
                         ("/", {})):
        page = sess.get(stack.url(path), params=params)
        assert page.status_code == 200 and rid not in page.text, path
    assert sess.get(stack.url("/internet/%s/order" % rid)).status_code in (404, 405)
    # A's pages do show it
    sa, _ = browser_login(stack, "sales@fiberplus.test")
    assert rid in sa.get(stack.url("/search"), params={"q": tag}).text
    assert sa.get(stack.url("/internet/%s" % rid)).status_code == 200
    # the customer sees it, without wholesale prices
    c = get(stack, more["baltic_owner"], "/internet/request/%s" % rid).json()
    assert not WHOLESALE & set(c["offers"][0])
