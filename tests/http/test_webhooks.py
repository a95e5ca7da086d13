"""Webhooks (issue 19, part 2; docs/WEBHOOKS.md), through the real stack:
subscriptions by JSON and on their pages, each event of the desk received
once per subscription by a receiver on loopback with a signature checked
with Python's hmac, a customer's subscription never hearing another
customer's events nor an internal note, private destinations refused, a
receiver down for a while getting everything once it is back (the
calendar's clock moved), failed after a day, sent again, a test message,
a secret rotated (both sign for a while)."""

import datetime
import json
import re
import sqlite3
import time
import uuid

import pytest

import bodies
import inet
import stack as stackmod
import workdays
from conftest import api, browser_login, make_api_key
from webhooks import Receiver, verify

UTC = datetime.timezone.utc
HOOKS = "/ordering/b2b/v2/webhooks"
OR = "/ordering/b2b/v2/requests"
ALL = ["request.created", "request.status_changed", "request.assigned",
       "request.reply_added", "internet.created", "internet.answered",
       "account.ordered", "account.confirmed", "account.activated",
       "account.cancelled"]


@pytest.fixture(scope="module")
def hs(tmp_path_factory):
    """A stack of its own, its calendar on a clock file the tests move
    (always forward), fast retries, and a receiver on loopback."""
    clock = tmp_path_factory.mktemp("hooks-clock") / "now"
    s = stackmod.start_stack(log_name="webhooks", REQDESK_TEST_CLOCK=str(clock),
                             REQDESK_WEBHOOK_RETRY_BASE_S="10")
    try:
        s.clock = clock
        s.now = datetime.datetime.now(UTC).replace(microsecond=0)
        set_clock(s, s.now)
        s.keys = {role: make_api_key(s, email) for role, email in (
            ("admin", "admin@reqdesk.test"), ("acme_owner", "owner@acme.test"),
            ("acme_manager", "manager@acme.test"), ("nordic_owner", "owner@nordic.test"),
            ("fdj_owner", "owner@fdj.test"), ("fdj_viewer", "viewer@fdj.test"))}
        s.rx = Receiver()
        yield s
    finally:
        try:
            s.rx.stop()
        finally:
            s.close()


def set_clock(s, instant):
    s.now = instant
    s.clock.write_text(instant.strftime("%Y-%m-%dT%H:%M:%SZ") + "\n")


def later(s, **delta):
    set_clock(s, s.now + datetime.timedelta(**delta))


def post(s, key, path, body=None, **headers):
    h = api(s, key)
    h.update(headers)
    return s.post(path, headers=h, data=json.dumps(body) if body is not None else None)


def get(s, key, path):
    return s.get(path, headers={"X-API-Key": key})


def rows(db, sql, args=()):
    con = sqlite3.connect(db, timeout=10)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def subscribe(s, role, path, events=None, **body):
    body["url"] = s.rx.url(path)
    if events is not None:
        body["events"] = events
    r = post(s, s.keys[role], HOOKS, body)
    assert r.status_code == 201, r.text
    return r.json()


def disconnect(s, ref):
    """An ACME disconnection, requested for the earliest date the
    calendar's (moved) today allows."""
    body = bodies.disconnect_body(ref)
    body["requestedAt"] = workdays.earliest(today=workdays.paris_today(s.now)).isoformat()
    r = post(s, s.keys["acme_owner"], OR, body)
    assert r.status_code == 201, r.text
    return r.json()


def checked(hook, got):
    """Every message of `got` signed by the secret of `hook`; the types."""
    for m in got:
        assert verify(hook["secret"], m["headers"], m["body"]), m["headers"]
        assert m["headers"]["webhook-id"].startswith("msg_")
        assert abs(int(m["headers"]["webhook-timestamp"]) - time.time()) < 120
        assert m["headers"]["content-type"] == "application/json"
        assert set(m["json"]) == {"type", "timestamp", "data"}
    return [m["json"]["type"] for m in got]


def messages(s, role, hook):
    r = get(s, s.keys[role], "%s/%s/messages" % (HOOKS, hook["id"]))
    assert r.status_code == 200, r.text
    return r.json()


def wait_for(fn, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        v = fn()
        if v:
            return v
        time.sleep(0.05)
    raise AssertionError("not within %ds: %r" % (timeout, fn()))


# ---- subscriptions ----------------------------------------------------------

def test_a_subscription_its_secret_and_its_key(hs):
    k = str(uuid.uuid4())
    body = {"url": hs.rx.url("/created"), "description": "ERP"}
    r = post(hs, hs.keys["acme_owner"], HOOKS, body, **{"Idempotency-Key": k})
    assert r.status_code == 201, r.text
    h = r.json()
    assert r.headers["Location"] == "%s/%s" % (HOOKS, h["id"])
    assert re.fullmatch(r"whsec_[A-Za-z0-9+/]{43}=", h["secret"])
    assert h["events"] == ALL and h["customer"] == {"id": "ACME", "name": h["customer"]["name"]}
    assert h["url"] == body["url"] and h["description"] == "ERP"
    # the same key and body: the same subscription, once
    again = post(hs, hs.keys["acme_owner"], HOOKS, body, **{"Idempotency-Key": k})
    assert again.status_code == 201 and again.content == r.content
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert rows(hs.db, "SELECT count(*) FROM webhooks WHERE url = ?", (body["url"],)) == [(1,)]
    # another body with it: 422 3630
    other = post(hs, hs.keys["acme_owner"], HOOKS, dict(body, description="x"),
                 **{"Idempotency-Key": k})
    assert other.status_code == 422 and other.json()["code"] == 3630
    # read back with its secret; listed without; others do not see it
    one = get(hs, hs.keys["acme_owner"], "%s/%s" % (HOOKS, h["id"])).json()
    assert one["secret"] == h["secret"]
    listed = get(hs, hs.keys["acme_owner"], HOOKS).json()
    assert h["id"] in [x["id"] for x in listed] and all("secret" not in x for x in listed)
    for role in ("nordic_owner", "fdj_owner"):
        assert get(hs, hs.keys[role], "%s/%s" % (HOOKS, h["id"])).status_code == 404
        assert h["id"] not in [x["id"] for x in get(hs, hs.keys[role], HOOKS).json()]
    assert get(hs, hs.keys["admin"], "%s/%s" % (HOOKS, h["id"])).status_code == 200
    # staff below OWNER cannot manage them
    for role in ("acme_manager", "fdj_viewer"):
        assert get(hs, hs.keys[role], HOOKS).status_code == 403
        assert post(hs, hs.keys[role], HOOKS, body).status_code == 403
    assert post(hs, hs.keys["acme_owner"], "%s/%s/delete" % (HOOKS, h["id"])).status_code == 204
    assert get(hs, hs.keys["acme_owner"], "%s/%s" % (HOOKS, h["id"])).status_code == 404


@pytest.mark.parametrize("url", [
    "https://10.0.0.1/hooks", "https://10.255.1.2:8443/x", "http://10.1.2.3/",
    "https://192.168.1.10/", "https://172.16.5.4/", "https://169.254.169.254/latest",
    "https://[fe80::1]/", "https://[fc00::1]/", "https://[::ffff:10.0.0.1]/",
])
def test_a_private_destination_is_refused(hs, url):
    r = post(hs, hs.keys["acme_owner"], HOOKS, {"url": url})
    assert r.status_code == 422, r.text
    e = r.json()
    assert (e["code"], e["message"]) == (3641, "Webhook destination not allowed"), e
    assert rows(hs.db, "SELECT count(*) FROM webhooks WHERE url = ?", (url,)) == [(0,)]


def test_what_a_subscription_must_be(hs):
    k = hs.keys["acme_owner"]
    r = post(hs, k, HOOKS, {})
    assert r.status_code == 412 and r.json()["code"] == 65
    assert r.json()["description"] == "The mandatory field 'url' is missing."
    for url in ("ftp://example.com/", "not a url", "https://user:pw@example.com/",
                "https://example.com/#frag"):
        r = post(hs, k, HOOKS, {"url": url})
        assert r.status_code == 422 and r.json()["code"] == 3640, (url, r.text)
    r = post(hs, k, HOOKS, {"url": hs.rx.url("/x"), "events": ["request.created", "nope"]})
    assert r.status_code == 422 and r.json()["code"] == 3642
    assert r.json()["details"][0]["description"].startswith("'events[1]' must be")
    # plain http only towards a range the configuration allows (loopback here)
    assert post(hs, k, HOOKS, {"url": "http://example.com/"}).status_code == 422
    r = post(hs, k, HOOKS, {"url": 5})
    assert r.status_code == 400 and r.json()["code"] == 21


def test_a_private_destination_is_refused_at_delivery_too(hs):
    """A destination that was public when subscribed and is private when
    the message goes (DNS rebinding): the sender checks the address it
    connects to.  The row is written as the subscription would have been,
    its URL now naming 10.0.0.1."""
    s = hs
    h = subscribe(s, "acme_owner", "/rebound", events=["request.created"])
    con = sqlite3.connect(s.db, timeout=10)
    try:
        with con:
            con.execute("UPDATE webhooks SET url = 'https://10.0.0.1/hooks' WHERE id = ?",
                        (h["id"],))
    finally:
        con.close()
    disconnect(s, "REBOUND-1")
    m = wait_for(lambda: [m for m in messages(s, "acme_owner", h) if m["attempts"] >= 1])[0]
    a = m["latestAttempts"][0]
    assert a["status"] == 0 and m["state"] == "queued"
    assert a["error"].startswith("destination refused: 10.0.0.1 is a loopback"), a
    assert s.rx.at("/rebound") == []
    post(s, s.keys["acme_owner"], "%s/%s/delete" % (HOOKS, h["id"]))


# ---- events -----------------------------------------------------------------

def test_each_event_once_per_subscription_signed(hs):
    s, rx, k = hs, hs.rx, hs.keys
    acme = subscribe(s, "acme_owner", "/e/acme")
    nordic = subscribe(s, "nordic_owner", "/e/nordic")
    fdj = subscribe(s, "fdj_owner", "/e/fdj", events=["request.created"])
    op = subscribe(s, "admin", "/e/op")
    assert op["customer"] is None
    # the ordering family: created, moved, a reply, an internal note
    req = disconnect(s, "HOOK-1")
    r = post(s, k["admin"], "%s/%s/status" % (OR, req["id"]), {"status": "IN_PROGRESS"})
    assert r.status_code == 200, r.text
    notes = "%s/%s/notes" % (OR, req["id"])
    assert post(s, k["acme_owner"], notes, {"title": "Access", "body": "Mondays closed."}
                ).status_code == 201
    assert post(s, k["admin"], notes, {"title": "Secret", "body": "Escalate quietly.",
                                      "internal": True}).status_code == 201
    # the Internet family: created, answered, ordered, confirmed
    rid = inet.create(s, k["nordic_owner"], inet.fiber_body())["_id"]
    offers = inet.answered(s, k["admin"], rid)["offers"]
    r = post(s, k["nordic_owner"], "/internet/account",
             {"request": rid, "offer": offers[0]["_id"], "customer": "NORDIC"})
    assert r.status_code == 201, r.text
    acc = r.json()
    start = (workdays.paris_today(s.now) + datetime.timedelta(days=14)).isoformat()
    r = post(s, k["admin"], "/internet/account/%s/confirm" % acc["_id"], {"startDate": start})
    assert r.status_code == 200, r.text
    for step in ("activate", "cancel"):
        r = post(s, k["admin"], "/internet/account/%s/%s" % (acc["_id"], step), {})
        assert r.status_code == 200, r.text

    got_acme = rx.wait("/e/acme", 3)
    got_nordic = rx.wait("/e/nordic", 6)
    got_op = rx.wait("/e/op", 10)
    time.sleep(1.5)		# nothing more comes
    assert checked(acme, rx.at("/e/acme")) == [
        "request.created", "request.status_changed", "request.reply_added"]
    assert checked(nordic, rx.at("/e/nordic")) == [
        "internet.created", "internet.answered", "account.ordered", "account.confirmed",
        "account.activated", "account.cancelled"]
    assert checked(op, rx.at("/e/op")) == [
        "request.created", "request.status_changed", "request.reply_added",
        "request.reply_added", "internet.created", "internet.answered",
        "account.ordered", "account.confirmed", "account.activated", "account.cancelled"]
    assert rx.at("/e/fdj") == []		# not FDJ's request
    # once each: every webhook-id once, and distinct between subscriptions
    ids = [m["headers"]["webhook-id"] for m in got_acme + got_nordic + got_op]
    assert len(ids) == len(set(ids))
    # the payloads: the resource as each subscriber's API shows it
    created = got_acme[0]["json"]["data"]
    assert set(created) == set(get(s, k["acme_owner"], "%s/%s" % (OR, req["id"])).json())
    assert created["id"] == req["id"] and created["status"] == "NEW"
    moved = got_acme[1]["json"]["data"]
    assert moved["status"] == "IN_PROGRESS" and moved["history"][-1]["to"] == "IN_PROGRESS"
    reply = got_acme[2]["json"]["data"]
    assert reply["title"] == "Access" and reply["request"]["id"] == req["id"]
    assert "internal" not in reply
    # the internal note: the operator's alone, marked as such
    internal = [m["json"]["data"] for m in got_op if m["json"]["type"] ==
                "request.reply_added" and m["json"]["data"]["title"] == "Secret"]
    assert internal and internal[0]["internal"] is True
    assert all(b"Escalate" not in m["body"] for m in rx.at("/e/acme") + rx.at("/e/nordic"))
    # a customer reads its prices, never the operator's cost
    ordered = [m["json"]["data"] for m in got_nordic if m["json"]["type"] == "account.ordered"][0]
    assert ordered["_id"] == acc["_id"] and "monthlyCost" not in ordered
    assert "monthlyCustomer" in ordered
    op_ordered = [m["json"]["data"] for m in got_op if m["json"]["type"] == "account.ordered"][0]
    assert "monthlyCost" in op_ordered
    answered = [m["json"]["data"] for m in got_nordic if m["json"]["type"] ==
                "internet.answered"][0]
    assert answered["_id"] == rid and answered["offers"]
    assert all("monthlyCost" not in o for o in answered["offers"])
    confirmed = [m["json"]["data"] for m in got_nordic if m["json"]["type"] ==
                 "account.confirmed"][0]
    assert confirmed["state"] == "CONFIRMED"
    cancelled = got_nordic[-1]["json"]["data"]
    assert cancelled["state"] == "CANCELLED" and cancelled["_id"] == acc["_id"]
    assert "monthlyCost" not in cancelled
    # the messages and their attempts are on the subscription
    ms = messages(s, "acme_owner", acme)
    assert [m["type"] for m in ms] == ["request.reply_added", "request.status_changed",
                                       "request.created"]
    for m in ms:
        assert m["state"] == "delivered" and m["attempts"] == 1
        a = m["latestAttempts"][0]
        assert a["status"] == 200 and a["answer"] == "received" and a["durationMs"] >= 0
    for h in (acme, nordic, fdj, op):
        role = {"ACME": "acme_owner", "NORDIC": "nordic_owner",
                "FDJ": "fdj_owner"}.get((h["customer"] or {}).get("id"), "admin")
        assert post(s, k[role], "%s/%s/delete" % (HOOKS, h["id"])).status_code == 204


def test_a_receiver_down_for_a_while_gets_everything_once(hs):
    s, rx, k = hs, hs.rx, hs.keys
    down = Receiver()
    down.stop()			# its port, nobody listening
    body = {"url": down.url("/down")}
    r = post(s, k["acme_owner"], HOOKS, body)
    assert r.status_code == 201, r.text
    h = r.json()
    made = [disconnect(s, "DOWN-%d" % i)["id"] for i in range(3)]
    # each is tried, fails (no connection), and waits on the calendar
    wait_for(lambda: all(m["attempts"] >= 1 and m["state"] == "queued"
                         for m in messages(s, "acme_owner", h)) and
             len(messages(s, "acme_owner", h)) == 3)
    ms = messages(s, "acme_owner", h)
    for m in ms:
        assert m["latestAttempts"][0]["status"] == 0 and m["lastError"]
        assert m["nextAttemptAt"] > s.now.strftime("%Y-%m-%dT%H:%M:%S")
    time.sleep(1)
    assert all(m["attempts"] == 1 for m in messages(s, "acme_owner", h))  # not due yet
    # an hour later, still down: tried again, with a longer wait each time
    later(s, minutes=1)
    wait_for(lambda: all(m["attempts"] >= 2 for m in messages(s, "acme_owner", h)))
    # back up; the next attempt is due once the clock passes it
    down.start()
    try:
        time.sleep(1)
        assert down.at("/down") == []
        later(s, hours=1)
        got = down.wait("/down", 3)
        assert sorted(m["json"]["data"]["id"] for m in got) == sorted(made)
        checked(h, got)
        wait_for(lambda: all(m["state"] == "delivered" for m in messages(s, "acme_owner", h)))
        # the mark: nothing is sent again, however late it gets
        later(s, hours=30)
        time.sleep(2)
        assert len(down.at("/down")) == 3
        ids = [m["headers"]["webhook-id"] for m in down.at("/down")]
        assert len(set(ids)) == 3
        for m in messages(s, "acme_owner", h):
            assert m["state"] == "delivered" and m["attempts"] >= 3
            assert [a["status"] for a in m["latestAttempts"]][0] == 200
            assert all(a["status"] == 0 for a in m["latestAttempts"][1:])
    finally:
        down.stop()
        post(s, k["acme_owner"], "%s/%s/delete" % (HOOKS, h["id"]))


def test_failed_after_a_day_then_sent_again(hs):
    s, k = hs, hs.keys
    rx = Receiver()
    rx.status = 503
    try:
        r = post(s, k["acme_owner"], HOOKS, {"url": rx.url("/busy"),
                                            "events": ["request.created"]})
        h = r.json()
        req = disconnect(s, "BUSY-1")
        rx.wait("/busy", 1)
        wait_for(lambda: messages(s, "acme_owner", h)[0]["attempts"] == 1 and
                 messages(s, "acme_owner", h)[0]["state"] == "queued")
        m = messages(s, "acme_owner", h)[0]
        assert m["lastStatus"] == 503 and m["latestAttempts"][0]["answer"] == "not now, try later"
        # a day later, still refused: failed, no more attempts
        later(s, hours=24, minutes=1)
        wait_for(lambda: messages(s, "acme_owner", h)[0]["state"] == "failed")
        n = len(rx.at("/busy"))
        later(s, hours=2)
        time.sleep(1.5)
        assert len(rx.at("/busy")) == n
        # send again: the same webhook-id, delivered now that it answers
        rx.status = 200
        r = post(s, k["acme_owner"], "%s/%s/messages/%s/resend" % (HOOKS, h["id"], m["id"]))
        assert r.status_code == 202, r.text
        got = rx.wait("/busy", n + 1)
        assert got[-1]["headers"]["webhook-id"] == m["id"]
        assert got[-1]["json"]["data"]["id"] == req["id"]
        checked(h, got)
        wait_for(lambda: messages(s, "acme_owner", h)[0]["state"] == "delivered")
        # no other's message can be sent again
        r = post(s, k["nordic_owner"], "%s/%s/messages/%s/resend" % (HOOKS, h["id"], m["id"]))
        assert r.status_code == 404
    finally:
        rx.stop()


def test_a_test_message_and_a_new_secret(hs):
    s, rx, k = hs, hs.rx, hs.keys
    h = subscribe(s, "nordic_owner", "/ping")
    r = post(s, k["nordic_owner"], "%s/%s/ping" % (HOOKS, h["id"]))
    assert r.status_code == 202, r.text
    msg = r.json()["id"]
    got = rx.wait("/ping", 1)
    assert got[0]["headers"]["webhook-id"] == msg
    assert checked(h, got) == ["webhook.ping"]
    assert got[0]["json"]["data"]["webhookId"] == h["id"]
    # rotation: a new secret; the old one signs too for rotation_hours
    r = post(s, k["nordic_owner"], "%s/%s/rotate" % (HOOKS, h["id"]))
    assert r.status_code == 200, r.text
    new = r.json()
    assert new["secret"] != h["secret"] and new["previousSecretExpiresAt"]
    post(s, k["nordic_owner"], "%s/%s/ping" % (HOOKS, h["id"]))
    m = rx.wait("/ping", 2)[1]
    assert len(m["headers"]["webhook-signature"].split(" ")) == 2
    assert verify(h["secret"], m["headers"], m["body"])
    assert verify(new["secret"], m["headers"], m["body"])
    # once the window is over, the new one alone
    later(s, hours=25)
    assert "previousSecretExpiresAt" not in get(s, k["nordic_owner"], "%s/%s" % (
        HOOKS, h["id"])).json()
    post(s, k["nordic_owner"], "%s/%s/ping" % (HOOKS, h["id"]))
    m = rx.wait("/ping", 3)[2]
    assert len(m["headers"]["webhook-signature"].split(" ")) == 1
    assert verify(new["secret"], m["headers"], m["body"])
    assert not verify(h["secret"], m["headers"], m["body"])
    # nobody else pings it
    assert post(s, k["acme_owner"], "%s/%s/ping" % (HOOKS, h["id"])).status_code == 404


def test_an_assignment_is_the_operators_alone(hs):
    s, rx, k = hs, hs.rx, hs.keys
    op = subscribe(s, "admin", "/assigned/op", events=["request.assigned"])
    acme = subscribe(s, "acme_owner", "/assigned/acme")
    req = disconnect(s, "ASSIGN-1")
    sess, csrf = browser_login(s, "admin@reqdesk.test")
    r = sess.post(s.url("/admin/assign"), data={"csrf": csrf, "family": "orange",
                  "id": req["id"], "assignee": "me", "priority": "high", "back": "/admin"},
                  allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:1000]
    got = rx.wait("/assigned/op", 1)
    assert checked(op, got) == ["request.assigned"]
    data = got[0]["json"]["data"]
    assert data["request"] == {"family": "orange", "id": req["id"],
                               "href": "%s/%s" % (OR, req["id"])}
    assert data["assignee"] == {"id": inet.ADMIN} and data["priority"] == "high"
    assert data["assignedBy"] == inet.ADMIN
    # the customer heard of its request, not of who handles it
    assert checked(acme, rx.wait("/assigned/acme", 1)) == ["request.created"]
    time.sleep(1)
    assert [m["json"]["type"] for m in rx.at("/assigned/acme")] == ["request.created"]
    for role, h in (("admin", op), ("acme_owner", acme)):
        post(s, k[role], "%s/%s/delete" % (HOOKS, h["id"]))


# ---- pages ------------------------------------------------------------------

WORDS = {"en": ("Webhooks", "Add the webhook", "Signing secret", "Send again"),
         "fr": ("Webhooks", "Ajouter le webhook", "Secret de signature", "Envoyer à nouveau"),
         "da": ("Webhooks", "Tilføj webhooken", "Signeringsnøgle", "Send igen")}


@pytest.mark.parametrize("lang", ["en", "fr", "da"])
def test_the_pages_in_three_languages(hs, lang):
    s, rx = hs, hs.rx
    sess, csrf = browser_login(s, "owner@fdj.test")
    sess.headers["Accept-Language"] = lang
    sess.cookies.set("lang", lang)
    title, add, secret, again = WORDS[lang]
    page = sess.get(s.url("/webhooks"), timeout=10)
    assert page.status_code == 200 and add in page.text, page.text[:2000]
    # refused, in words, the input kept
    r = sess.post(s.url("/webhooks"), data={"csrf": csrf, "url": "https://10.0.0.9/x",
                  "events": "request.created"}, allow_redirects=False, timeout=20)
    assert r.status_code == 422 and 'aria-invalid="true"' in r.text
    assert "https://10.0.0.9/x" in r.text
    path = "/p/%s" % lang
    r = sess.post(s.url("/webhooks"), data={"csrf": csrf, "url": rx.url(path),
                  "description": "pages", "events": ["request.created",
                                                     "request.status_changed"]},
                  allow_redirects=False, timeout=20)
    assert r.status_code == 303, r.text[:2000]
    loc = r.headers["Location"]
    hid = re.search(r"/webhooks/([0-9a-f]{24})", loc).group(1)
    page = sess.get(s.url(loc), timeout=10)
    assert secret in page.text
    shown = re.search(r'id="hook-secret">(whsec_[^<]+)<', page.text).group(1)
    # a test message from the page; its attempt is listed, with "send again"
    r = sess.post(s.url("/webhooks/%s" % hid), data={"csrf": csrf, "action": "ping"},
                  timeout=10)
    assert r.status_code == 200
    got = rx.wait(path, 1)
    assert verify(shown, got[0]["headers"], got[0]["body"])
    # the attempt is recorded before the message is marked delivered, and
    # "send again" comes with the mark (not while it is sending): both
    wait_for(lambda: all(w in sess.get(s.url("/webhooks/%s" % hid), timeout=10).text
                         for w in ("received", again)))
    page = sess.get(s.url("/webhooks/%s" % hid), timeout=10)
    assert again in page.text and "webhook.ping" in page.text
    # the list shows it; others' pages do not
    assert rx.url(path).replace("&", "&amp;") in sess.get(s.url("/webhooks"), timeout=10).text
    other, _ = browser_login(s, "owner@acme.test")
    assert other.get(s.url("/webhooks/%s" % hid), timeout=10).status_code == 404
    viewer, _ = browser_login(s, "viewer@fdj.test")
    assert viewer.get(s.url("/webhooks"), timeout=10).status_code == 403
    # the profile page of who manages them leads to them
    assert 'id="webhooks-link"' in sess.get(s.url("/profile"), timeout=10).text
    assert 'id="webhooks-link"' not in viewer.get(s.url("/profile"), timeout=10).text
    r = sess.post(s.url("/webhooks/%s" % hid), data={"csrf": csrf, "action": "delete"},
                  allow_redirects=False, timeout=10)
    assert r.status_code == 303


# ---- tenants: an internal note on an Internet request -------------------------

def test_an_internet_internal_note_is_the_operators_alone(hs):
    """Issue 19's "never another customer's event or an internal note",
    on the Internet family (the ordering family's is checked above): a
    reply on NORDIC's request reaches NORDIC and the operator, an internal
    note the operator alone, and ACME hears of neither."""
    s, rx, k = hs, hs.rx, hs.keys
    nordic = subscribe(s, "nordic_owner", "/inote/nordic", events=["request.reply_added"])
    acme = subscribe(s, "acme_owner", "/inote/acme", events=["request.reply_added"])
    op = subscribe(s, "admin", "/inote/op", events=["request.reply_added"])
    rid = inet.create(s, k["nordic_owner"], inet.fiber_body())["_id"]
    notes = "/internet/request/%s/notes" % rid
    r = post(s, k["nordic_owner"], notes, {"text": "The key is at the desk."})
    assert r.status_code == 201, r.text
    r = post(s, k["admin"], notes, {"text": "Their landlord is slow; chase.",
                                    "internal": True})
    assert r.status_code == 201, r.text
    got_op = rx.wait("/inote/op", 2)
    got_nordic = rx.wait("/inote/nordic", 1)
    time.sleep(1.5)
    assert [m["json"]["data"]["text"] for m in rx.at("/inote/nordic")] == [
        "The key is at the desk."]
    assert "internal" not in got_nordic[0]["json"]["data"]
    checked(nordic, rx.at("/inote/nordic"))
    checked(op, got_op)
    assert sorted((m["json"]["data"]["text"], m["json"]["data"]["internal"])
                  for m in got_op) == [
        ("The key is at the desk.", False), ("Their landlord is slow; chase.", True)]
    assert rx.at("/inote/acme") == []
    assert all(b"landlord" not in m["body"] for m in rx.at("/inote/nordic"))
    for role, h in (("nordic_owner", nordic), ("acme_owner", acme), ("admin", op)):
        post(s, k[role], "%s/%s/delete" % (HOOKS, h["id"]))


# ---- edit, pause, resume (JSON) ----------------------------------------------

def history(s, hook_id):
    return [a for (a,) in rows(s.db, "SELECT action FROM webhook_history WHERE webhook_id = ?"
                               " ORDER BY seq", (hook_id,))]


def test_a_subscription_is_edited(hs):
    s, rx, k = hs, hs.rx, hs.keys
    h = subscribe(s, "acme_owner", "/edit/a", events=["request.created"], description="v1")
    assert h["paused"] is False and "updatedAt" not in h
    assert [c["action"] for c in h["history"]] == ["created"]
    one = "%s/%s" % (HOOKS, h["id"])
    # its events and description
    r = post(s, k["acme_owner"], one, {"events": ["request.status_changed",
                                                  "request.created"], "description": "v2"})
    assert r.status_code == 200, r.text
    e = r.json()
    assert e["events"] == ["request.created", "request.status_changed"]
    assert e["description"] == "v2" and e["url"] == h["url"] and e["updatedAt"]
    assert e["secret"] == h["secret"] and e["paused"] is False
    assert [c["action"] for c in e["history"]] == ["edited", "created"]
    assert e["history"][0]["record"] == {"url": h["url"], "events": e["events"],
                                         "description": "v2", "paused": False}
    assert e["history"][0]["by"] and "secret" not in json.dumps(e["history"])
    # its address: the next event goes to the new one
    r = post(s, k["acme_owner"], one, {"url": rx.url("/edit/b")})
    assert r.status_code == 200 and r.json()["url"] == rx.url("/edit/b")
    req = disconnect(s, "EDIT-1")
    got = rx.wait("/edit/b", 1)
    assert checked(h, got) == ["request.created"] and got[0]["json"]["data"]["id"] == req["id"]
    assert rx.at("/edit/a") == []
    # nothing that changes nothing is kept
    r = post(s, k["acme_owner"], one, {"description": "v2"})
    assert r.status_code == 200
    assert history(s, h["id"]) == ["created", "edited", "edited"]
    # null empties the description
    assert post(s, k["acme_owner"], one, {"description": None}).json()["description"] == ""
    # refused as at the creation, in the family's shape, changing nothing
    for body, status, code in (
            ({"url": "https://10.0.0.1/x"}, 422, 3641),
            ({"url": "ftp://example.com/"}, 422, 3640),
            ({"url": 5}, 400, 21),
            ({"events": ["request.created", "nope"]}, 422, 3642),
            ({"events": []}, 422, 3642),
            ({"events": None}, 422, 3642),
            ({"description": "x" * 201}, 400, 21),
            ({"paused": "yes"}, 400, 21)):
        r = post(s, k["acme_owner"], one, body)
        assert (r.status_code, r.json()["code"]) == (status, code), (body, r.text)
        assert set(r.json()) >= {"code", "message", "description"}
    r = s.post(one, headers=api(s, k["acme_owner"]), data="{nope")
    assert r.status_code == 400, r.text
    after = get(s, k["acme_owner"], one).json()
    assert after["url"] == rx.url("/edit/b") and after["events"] == [
        "request.created", "request.status_changed"]
    # another customer's, or staff below OWNER: as for the rest
    r = post(s, k["nordic_owner"], one, {"description": "mine"})
    assert r.status_code == 404 and r.json()["code"] == 60
    assert post(s, k["acme_manager"], one, {"description": "mine"}).status_code == 403
    assert post(s, k["admin"], one, {"description": "by the operator"}).status_code == 200
    assert get(s, k["acme_owner"], one).json()["description"] == "by the operator"
    post(s, k["acme_owner"], "%s/delete" % one)
    assert rows(s.db, "SELECT count(*) FROM webhook_history WHERE webhook_id = ?",
                (h["id"],)) == [(0,)]


def test_a_paused_subscription_is_sent_nothing_and_skips_events(hs):
    """Paused: nothing is sent, not even what was queued before (it waits);
    the events of the pause are not kept for it (skipped).  Resumed: what
    waited is due at once, with a new retry window; new events again."""
    s, k = hs, hs.keys
    rx = Receiver()
    rx.status = 503
    try:
        h = post(s, k["acme_owner"], HOOKS, {"url": rx.url("/paused"),
                                            "events": ["request.created"]}).json()
        one = "%s/%s" % (HOOKS, h["id"])
        before = disconnect(s, "PAUSE-BEFORE")
        rx.wait("/paused", 1)			# tried once, refused: it waits
        wait_for(lambda: messages(s, "acme_owner", h)[0]["state"] == "queued" and
                 messages(s, "acme_owner", h)[0]["attempts"] == 1)
        r = post(s, k["acme_owner"], one, {"paused": True})
        assert r.status_code == 200 and r.json()["paused"] is True, r.text
        assert [c["action"] for c in r.json()["history"]][:1] == ["paused"]
        assert h["id"] in [x["id"] for x in get(s, k["acme_owner"], HOOKS).json()
                           if x["paused"]]
        during = disconnect(s, "PAUSE-DURING")
        assert post(s, k["acme_owner"], "%s/ping" % one).status_code == 202
        rx.status = 200
        later(s, hours=23)		# past every back-off, within the first day
        time.sleep(2)
        assert len(rx.at("/paused")) == 1	# nothing sent while paused
        ms = messages(s, "acme_owner", h)
        assert sorted(m["type"] for m in ms) == ["request.created", "webhook.ping"]
        assert [m["objectId"] for m in ms if m["type"] == "request.created"] == [before["id"]]
        # resumed a day after the first attempt: not failed, sent at once
        later(s, hours=2)
        r = post(s, k["acme_owner"], one, {"paused": False})
        assert r.status_code == 200 and r.json()["paused"] is False
        got = rx.wait("/paused", 3)
        checked(h, got)
        assert sorted(m["json"]["type"] for m in got[1:]) == ["request.created",
                                                              "webhook.ping"]
        assert [m["json"]["data"]["id"] for m in got if m["json"]["type"] ==
                "request.created"] == [before["id"], before["id"]]
        wait_for(lambda: all(m["state"] == "delivered" for m in messages(s, "acme_owner", h)))
        # the event of the pause never comes; the next one does
        after = disconnect(s, "PAUSE-AFTER")
        got = rx.wait("/paused", 4)
        assert got[-1]["json"]["data"]["id"] == after["id"]
        time.sleep(1)
        assert during["id"] not in [m["json"]["data"].get("id") for m in rx.at("/paused")]
        assert history(s, h["id"]) == ["created", "paused", "resumed"]
        post(s, k["acme_owner"], "%s/delete" % one)
    finally:
        rx.stop()


# ---- pages: edit, pause, one-time form token, navigation -----------------------

def form_token(page):
    return re.search(r'name="form_token" value="([0-9a-f]{32})"', page).group(1)


def test_back_and_send_again_adds_one_webhook(hs):
    s, rx = hs, hs.rx
    sess, csrf = browser_login(s, "owner@fdj.test")
    token = form_token(sess.get(s.url("/webhooks"), timeout=10).text)
    form = {"csrf": csrf, "form_token": token, "url": rx.url("/twice"),
            "description": "twice", "events": ["request.created"]}
    first = sess.post(s.url("/webhooks"), data=form, allow_redirects=False, timeout=20)
    assert first.status_code == 303, first.text[:2000]
    hid = re.search(r"/webhooks/([0-9a-f]{24})", first.headers["Location"]).group(1)
    # Back, then Send: the same webhook, said so
    again = sess.post(s.url("/webhooks"), data=form, allow_redirects=False, timeout=20)
    assert again.status_code == 303
    assert again.headers["Location"] == "/webhooks/%s?again=1" % hid
    page = sess.get(s.url(again.headers["Location"]), timeout=10).text
    assert 'id="notice"' in page
    assert rows(s.db, "SELECT count(*) FROM webhooks WHERE url = ?", (rx.url("/twice"),)) == [(1,)]
    # eight posts of one new form at once: one webhook
    token = form_token(sess.get(s.url("/webhooks"), timeout=10).text)
    assert token != form["form_token"]
    form = dict(form, form_token=token, url=rx.url("/twice/parallel"))
    import concurrent.futures
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: sess.post(s.url("/webhooks"), data=form,
                                                    allow_redirects=False, timeout=30),
                                range(8)))
    assert [a.status_code for a in answers] == [303] * 8, [a.text[:300] for a in answers]
    assert len({re.search(r"/webhooks/([0-9a-f]{24})", a.headers["Location"]).group(1)
                for a in answers}) == 1
    assert rows(s.db, "SELECT count(*) FROM webhooks WHERE url = ?",
                (rx.url("/twice/parallel"),)) == [(1,)]
    # a refused post keeps its token: corrected and sent, one webhook
    token = form_token(sess.get(s.url("/webhooks"), timeout=10).text)
    bad = dict(form, form_token=token, url="https://10.0.0.7/x")
    r = sess.post(s.url("/webhooks"), data=bad, allow_redirects=False, timeout=20)
    assert r.status_code == 422 and form_token(r.text) == token
    good = dict(bad, url=rx.url("/twice/fixed"))
    assert sess.post(s.url("/webhooks"), data=good, allow_redirects=False,
                     timeout=20).status_code == 303
    assert sess.post(s.url("/webhooks"), data=good, allow_redirects=False,
                     timeout=20).headers["Location"].endswith("?again=1")
    # another user's token is not theirs
    other, other_csrf = browser_login(s, "admin@reqdesk.test")
    r = other.post(s.url("/webhooks"), data=dict(good, csrf=other_csrf),
                   allow_redirects=False, timeout=20)
    assert r.status_code == 303 and "again" not in r.headers["Location"]
    for url in ("/twice", "/twice/parallel", "/twice/fixed"):
        for (wid, cust) in rows(s.db, "SELECT id, customer_id FROM webhooks WHERE url = ?",
                                (rx.url(url),)):
            role = "fdj_owner" if cust == "FDJ" else "admin"
            post(s, s.keys[role], "%s/%s/delete" % (HOOKS, wid))


PAGE_WORDS = {"en": ("Save the changes", "Pause", "Resume", "paused"),
              "fr": ("Enregistrer les modifications", "Mettre en pause", "Reprendre",
                     "en pause"),
              "da": ("Gem ændringerne", "Sæt på pause", "Genoptag", "sat på pause")}


@pytest.mark.parametrize("lang", ["en", "fr", "da"])
def test_the_page_edits_pauses_and_resumes(hs, lang):
    s, rx = hs, hs.rx
    save, pause, resume, paused = PAGE_WORDS[lang]
    sess, csrf = browser_login(s, "owner@nordic.test")
    sess.cookies.set("lang", lang)
    sess.headers["Accept-Language"] = lang
    h = subscribe(s, "nordic_owner", "/page-edit/%s" % lang, events=["internet.created"])
    url = s.url("/webhooks/%s" % h["id"])
    page = sess.get(url, timeout=10).text
    assert save in page and ">%s<" % pause in page and 'id="resume"' not in page
    assert 'value="internet.created" checked' in page
    assert 'value="account.ordered">' in page
    # refused, in words at the address, the input kept, nothing changed
    r = sess.post(url, data={"csrf": csrf, "action": "edit", "url": "https://10.1.1.1/h",
                             "events": ["internet.created"]}, timeout=20)
    assert r.status_code == 422 and 'aria-invalid="true"' in r.text
    assert "https://10.1.1.1/h" in r.text
    assert get(s, s.keys["nordic_owner"], "%s/%s" % (HOOKS, h["id"])).json()["url"] == h["url"]
    r = sess.post(url, data={"csrf": csrf, "action": "edit", "url": h["url"]}, timeout=20)
    assert r.status_code == 422			# no event ticked
    # changed: its events, its description
    new = rx.url("/page-edit/%s/2" % lang)
    r = sess.post(url, data={"csrf": csrf, "action": "edit", "url": new,
                             "description": "edited on the page",
                             "events": ["internet.created", "account.ordered"]}, timeout=20)
    assert r.status_code == 200 and 'id="notice"' in r.text, r.text[:2000]
    j = get(s, s.keys["nordic_owner"], "%s/%s" % (HOOKS, h["id"])).json()
    assert (j["url"], j["description"], j["events"]) == (
        new, "edited on the page", ["internet.created", "account.ordered"])
    # paused, shown so on its page and in the list; resumed
    r = sess.post(url, data={"csrf": csrf, "action": "pause"}, timeout=20)
    assert r.status_code == 200 and 'id="resume"' in r.text and ">%s<" % resume in r.text
    assert get(s, s.keys["nordic_owner"], "%s/%s" % (HOOKS, h["id"])).json()["paused"] is True
    listed = sess.get(s.url("/webhooks"), timeout=10).text
    row = re.search(r'<tr id="hook-%s">.*?</tr>' % h["id"], listed, re.S).group(0)
    assert paused in row
    r = sess.post(url, data={"csrf": csrf, "action": "resume"}, timeout=20)
    assert r.status_code == 200 and 'id="pause"' in r.text
    assert get(s, s.keys["nordic_owner"], "%s/%s" % (HOOKS, h["id"])).json()["paused"] is False
    # its changes, listed
    hist = re.search(r'id="hook-history">.*?</table>', r.text, re.S).group(0)
    assert hist.count("<tr>") == 5		# the head, created, edited, paused, resumed
    # another customer's page cannot change it
    other, other_csrf = browser_login(s, "owner@acme.test")
    assert other.post(url, data={"csrf": other_csrf, "action": "pause"},
                      timeout=20).status_code == 404
    assert get(s, s.keys["nordic_owner"], "%s/%s" % (HOOKS, h["id"])).json()["paused"] is False
    post(s, s.keys["nordic_owner"], "%s/%s/delete" % (HOOKS, h["id"]))


def test_the_navigation_leads_owners_and_admins_to_webhooks(hs):
    """The link is in the navigation of a customer's OWNER and of an ADMIN
    alone; the others do not see it, and the pages and JSON refuse them
    as before (403), another customer's subscription is 404."""
    s = hs
    for email in ("owner@fdj.test", "owner@acme.test", "admin@reqdesk.test"):
        sess, _ = browser_login(s, email)
        for path in ("/profile", "/webhooks"):
            page = sess.get(s.url(path), timeout=10).text
            assert '<a href="/webhooks" id="nav-webhooks">' in page, (email, path)
    mine = subscribe(s, "fdj_owner", "/nav")
    for who in ("viewer@fdj.test", "manager@acme.test", "it@nordic.test",
                "sales@netpartner.test"):
        sess, csrf = browser_login(s, who)
        page = sess.get(s.url("/profile"), timeout=10)
        assert page.status_code == 200 and 'id="nav-webhooks"' not in page.text, who
        assert 'href="/webhooks"' not in page.text, who
        assert sess.get(s.url("/webhooks"), timeout=10).status_code == 403, who
        assert sess.get(s.url("/webhooks/%s" % mine["id"]), timeout=10).status_code == 403
        assert sess.post(s.url("/webhooks"), data={"csrf": csrf, "url": s.rx.url("/x")},
                         allow_redirects=False, timeout=10).status_code == 403
    other, _ = browser_login(s, "owner@acme.test")
    assert other.get(s.url("/webhooks/%s" % mine["id"]), timeout=10).status_code == 404
    post(s, s.keys["fdj_owner"], "%s/%s/delete" % (HOOKS, mine["id"]))
