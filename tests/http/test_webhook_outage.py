"""A long outage of a webhook receiver, on a controlled clock (issue 20,
part 4, for webhooks; the relay's is tests/http/test_outage.py).

reqdesk-webhooks reads the desk's clock for its schedule (what is due,
the back-off, the retry window: calendar_now(), REQDESK_TEST_CLOCK); the
test runs it `--once` per round and moves the clock an hour a round.

- Down for two days, then back: the events of three customers' and the
  operator's subscriptions are queued before and during the outage; while
  it lasts none is delivered and none is failed (the window is configured
  above the outage: `[webhooks] retry_hours` 72 here); once the receiver
  is back every message arrives exactly once (by its webhook-id, signed),
  and nothing more is sent however often the sender runs.
- Down for good, with the default window (24 hours, issue 19's "a day"):
  failed at exactly 24 hours, never before; sent again by hand once the
  receiver is back, each delivered once.

Figures for docs/RELIABILITY.md are printed as "outage: ..." lines.
"""

import datetime
import json
import os
import sqlite3
import subprocess
import time

import bodies
import inet
import stack as stackmod
import workdays
from conftest import api, make_api_key
from webhooks import Receiver, verify

HOUR = 3600
UTC = datetime.timezone.utc
HOOKS = "/ordering/b2b/v2/webhooks"
OR = "/ordering/b2b/v2/requests"


def sender_once(s, clock, **env):
    e = dict(os.environ)
    e.update(REQDESK_CONFIG=str(stackmod.REPO / "conf" / "reqdesk.conf"), REQDESK_DB=s.db,
             REQDESK_TEST_CLOCK=str(clock), REQDESK_WEBHOOK_ALLOW="127.0.0.0/8,::1",
             REQDESK_WEBHOOK_TIMEOUT_S="2", REQDESK_WEBHOOK_BATCH="100")
    e.update(env)
    out = subprocess.run([os.path.join(s.build, "reqdesk-webhooks"), "--once"], env=e,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out


def messages(db):
    con = sqlite3.connect(db, timeout=10)
    con.row_factory = sqlite3.Row
    try:
        return {r["msg_id"]: dict(r) for r in con.execute(
            "SELECT m.msg_id, m.webhook_id, m.event, m.state, m.attempts, m.retry_from,"
            " w.secret FROM webhook_messages m JOIN webhooks w ON w.id = m.webhook_id")}
    finally:
        con.close()


def subscribe(s, key, url):
    r = s.post(HOOKS, headers=api(s, key), data=json.dumps({"url": url}))
    assert r.status_code == 201, r.text
    return r.json()


def disconnect(s, key, ref, now):
    """An ACME disconnection for the earliest date the moved clock allows."""
    body = bodies.disconnect_body(ref)
    today = workdays.paris_today(datetime.datetime.fromtimestamp(now, UTC))
    body["requestedAt"] = workdays.earliest(today=today).isoformat()
    r = s.post(OR, headers=api(s, key), data=json.dumps(body))
    assert r.status_code == 201, r.text
    return r.json()


def received(rx):
    with rx.lock:
        return list(rx.got)


def test_receiver_down_two_days(fresh_stack, tmp_path):
    clock = tmp_path / "now"
    t0 = int(time.time())
    clock.write_text(str(t0))
    s = fresh_stack(REQDESK_WEBHOOKS="0", REQDESK_TEST_CLOCK=str(clock))
    acme, nordic = make_api_key(s, "owner@acme.test"), make_api_key(s, "owner@nordic.test")
    admin = make_api_key(s, "admin@reqdesk.test")
    rx = Receiver()
    rx.stop()                          # its port, nobody listening: the receiver is down
    hooks = {h["id"]: h for h in (subscribe(s, acme, rx.url("/acme")),
                                  subscribe(s, nordic, rx.url("/nordic")),
                                  subscribe(s, admin, rx.url("/operator")))}
    window = {"REQDESK_WEBHOOK_RETRY_HOURS": "72"}

    # Queued before the outage: requests of both families.
    made = []
    for i in range(3):
        made.append(disconnect(s, acme, "HOOK-OUTAGE-%d" % i, t0)["id"])
        inet.create(s, nordic, inet.fiber_body())
    before = len(messages(s.db))
    assert before == 12                # 6 events, to their customer's and the operator's

    rounds = 0
    for hour in range(0, 48):
        now = t0 + hour * HOUR + 60
        clock.write_text(str(now))
        if hour == 24:                 # queued during the outage
            for i in range(2):
                inet.create(s, nordic, inet.dsl_body())
            disconnect(s, acme, "HOOK-OUTAGE-DURING", now)
            r = s.post("%s/%s/status" % (OR, made[0]), headers=api(s, admin),
                       data=json.dumps({"status": "IN_PROGRESS"}))
            assert r.status_code == 200, r.text
        sender_once(s, clock, **window)
        rounds += 1
        for m in messages(s.db).values():
            assert m["state"] in ("queued", "sending"), m     # none delivered, none failed
    queued = messages(s.db)
    assert len(queued) == before + 8
    assert all(m["attempts"] >= 20 for m in queued.values() if m["retry_from"] < t0 + HOUR)
    assert received(rx) == []

    # The receiver is back after two days.
    rx.start()
    try:
        now = t0 + 48 * HOUR + 60
        clock.write_text(str(now))
        for _ in range(3):
            sender_once(s, clock, **window)
            if all(m["state"] == "delivered" for m in messages(s.db).values()):
                break
            now += HOUR                # the longest back-off is an hour
            clock.write_text(str(now))
        rows = messages(s.db)
        assert [m for m in rows.values() if m["state"] != "delivered"] == []
        got = received(rx)
        ids = [m["headers"]["webhook-id"] for m in got]
        assert sorted(ids) == sorted(rows), "lost or sent twice: %r" % ids
        for m in got:                  # each signed by its subscription's secret
            row = rows[m["headers"]["webhook-id"]]
            assert verify(row["secret"], m["headers"], m["body"]), m["headers"]
            assert m["json"]["type"] == row["event"]
            path = {"ACME": "/acme", "NORDIC": "/nordic"}.get(
                (hooks[row["webhook_id"]]["customer"] or {}).get("id"), "/operator")
            assert m["path"] == path
        # Nothing more, however often and however late the sender runs.
        for _ in range(2):
            now += 30 * HOUR
            clock.write_text(str(now))
            sender_once(s, clock, **window)
        time.sleep(0.5)
        assert len(received(rx)) == len(rows)
    finally:
        rx.stop()
    print("\noutage: webhook receiver down 48 h (%d sender rounds, retry_hours 72): %d "
          "messages queued (%d before the outage, %d during), %d delivered, 0 lost, "
          "0 twice, 0 failed" % (rounds, len(rows), before, len(rows) - before, len(got)))


def test_failed_only_after_the_window(fresh_stack, tmp_path):
    """A receiver that stays down, the default window (a day): every
    message fails each round and is failed only once it is 24 hours old,
    not before; sent again once the receiver is back, each once."""
    clock = tmp_path / "now"
    t0 = int(time.time())
    clock.write_text(str(t0))
    s = fresh_stack(REQDESK_WEBHOOKS="0", REQDESK_TEST_CLOCK=str(clock))
    nordic = make_api_key(s, "owner@nordic.test")
    rx = Receiver()
    rx.stop()
    h = subscribe(s, nordic, rx.url("/gone"))
    for _ in range(2):
        inet.create(s, nordic, inet.fiber_body())
    failed_at = None
    for hour in range(0, 30):
        now = t0 + hour * HOUR + 60
        clock.write_text(str(now))
        sender_once(s, clock)
        rows = list(messages(s.db).values())
        for m in rows:
            if m["state"] == "failed":
                assert now - m["retry_from"] >= 24 * HOUR, (hour, m)
                failed_at = hour if failed_at is None else failed_at
        if rows and all(m["state"] == "failed" for m in rows):
            break
    assert failed_at == 24, failed_at
    assert len(rows) == 2 and all(m["state"] == "failed" for m in rows)
    attempts = rows[0]["attempts"]
    # failed: no more attempts, however late
    clock.write_text(str(now + 10 * HOUR))
    sender_once(s, clock)
    assert [m["attempts"] for m in messages(s.db).values()] == [attempts] * 2
    # back, and sent again by hand: each delivered once
    rx.start()
    try:
        for msg in messages(s.db):
            r = s.post("%s/%s/messages/%s/resend" % (HOOKS, h["id"], msg),
                       headers=api(s, nordic))
            assert r.status_code == 202, r.text
        sender_once(s, clock)
        assert all(m["state"] == "delivered" for m in messages(s.db).values())
        sender_once(s, clock)
        ids = [m["headers"]["webhook-id"] for m in received(rx)]
        assert sorted(ids) == sorted(messages(s.db))
        for m in received(rx):
            assert verify(h["secret"], m["headers"], m["body"])
    finally:
        rx.stop()
    print("\noutage: webhook receiver down for good: failed after %d h (retry_hours 24), "
          "after %d attempts; sent again by hand once back: 2 delivered, 0 twice" % (
              failed_at, attempts))
