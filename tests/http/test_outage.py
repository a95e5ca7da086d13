"""A long outage of the SMTP relay, on a controlled clock.

The relay is down for two days (the retry timing of reqdesk-mailer reads
the desk's clock, calendar_now(): REQDESK_TEST_CLOCK moves it an hour a
round); messages are queued before and during the outage.  While it lasts
no message is dead before `retry_hours` (48 by default); once the relay is
back every queued message is delivered exactly once.  A message whose
relay stays down longer is dead only once it has failed `max_attempts`
times and is older than `retry_hours`.

Figures for docs/RELIABILITY.md are printed as "outage: ..." lines.
"""

import email
import json
import os
import subprocess
import time

import pytest

import inet
import mailtools
import stack as stackmod
from conftest import api, make_api_key
import bodies

HOUR = 3600
RETRY_HOURS = 48


def mailer_once(s, port, clock):
    env = dict(os.environ)
    env.update(REQDESK_CONFIG=str(stackmod.REPO / "conf" / "reqdesk.conf"),
               REQDESK_DB=s.db, REQDESK_TEMPLATES=str(stackmod.REPO / "templates"),
               REQDESK_SMTP_URL="smtp://127.0.0.1:%d" % port, REQDESK_BASE_URL=s.base,
               REQDESK_TEST_CLOCK=str(clock), REQDESK_SMTP_TIMEOUT_S="2",
               REQDESK_MAIL_BATCH="100")
    out = subprocess.run([os.path.join(s.build, "reqdesk-mailer"), "--once"], env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out


def states(db):
    return {r["id"]: r for r in mailtools.outbox(db)}


def age_hours(row, now):
    created = time.mktime(time.strptime(row["created"][:19], "%Y-%m-%dT%H:%M:%S")) \
        - time.timezone
    return (now - created) / HOUR


def delivered_ids(maildir):
    return [int(m["X-Reqdesk-Outbox-Id"]) for m in mailtools.messages(maildir)]


def test_relay_down_two_days(fresh_stack, tmp_path):
    clock = tmp_path / "now"
    t0 = int(time.time())
    clock.write_text(str(t0))
    s = fresh_stack(REQDESK_MAILER="0", REQDESK_TEST_CLOCK=str(clock))
    owner = make_api_key(s, "owner@nordic.test")
    acme = make_api_key(s, "owner@acme.test")
    port = mailtools.free_port()          # nothing listens there: the relay is down

    # Queued before the outage: Orange and Internet creations.
    for i in range(3):
        r = s.post("/ordering/b2b/v2/requests", headers=api(s, acme),
                   data=json.dumps(bodies.disconnect_body(ref="OUTAGE-%d" % i)))
        assert r.status_code == 201, r.text
        inet.create(s, owner, inet.fiber_body())
    before = len(mailtools.outbox(s.db))
    assert before >= 6

    rounds = 0
    for hour in range(0, 48):
        now = t0 + hour * HOUR + 60
        clock.write_text(str(now))
        if hour == 24:                    # queued during the outage
            for i in range(2):
                inet.create(s, owner, inet.dsl_body())
        mailer_once(s, port, clock)
        rounds += 1
        for row in states(s.db).values():
            assert row["state"] != "sent", row
            if row["state"] == "dead":
                pytest.fail("dead after %.1f h (< %d h): %r" % (age_hours(row, now),
                            RETRY_HOURS, row))
    queued = states(s.db)
    assert len(queued) > before
    assert all(r["attempts"] >= 8 for r in queued.values() if r["id"] <= before)

    # The relay is back, just before the oldest message is two days old.
    maildir = str(tmp_path / "mail")
    server = mailtools.SmtpServer(port, maildir)
    try:
        now = t0 + 48 * HOUR - 60
        clock.write_text(str(now))
        for _ in range(3):
            mailer_once(s, port, clock)
            if all(r["state"] == "sent" for r in states(s.db).values()):
                break
            now += HOUR                    # the longest back-off is an hour
            clock.write_text(str(now))
        rows = states(s.db)
        assert [r for r in rows.values() if r["state"] != "sent"] == []
        mailtools.wait_for(lambda: len(delivered_ids(maildir)) >= len(rows), timeout=10,
                           what="every message in the Maildir")
        got = delivered_ids(maildir)
        assert sorted(got) == sorted(rows), "lost or sent twice: %r" % got
        # Nothing more to send, however often the mailer runs again.
        mailer_once(s, port, clock)
        assert sorted(delivered_ids(maildir)) == sorted(rows)
    finally:
        server.stop()
    print("\noutage: relay down 48 h (%d mailer rounds): %d messages queued (%d before the "
          "outage), %d delivered, 0 lost, 0 twice, 0 dead" % (rounds, len(rows), before,
                                                             len(got)))


def test_dead_only_after_retry_hours(fresh_stack, tmp_path):
    """A relay that stays down: the message fails every hour and is dead
    only once it is older than retry_hours, not before."""
    clock = tmp_path / "now"
    t0 = int(time.time())
    clock.write_text(str(t0))
    s = fresh_stack(REQDESK_MAILER="0", REQDESK_TEST_CLOCK=str(clock))
    owner = make_api_key(s, "owner@nordic.test")
    inet.create(s, owner, inet.fiber_body())
    port = mailtools.free_port()
    dead_at = None
    for hour in range(0, 52):
        now = t0 + hour * HOUR + 60
        clock.write_text(str(now))
        mailer_once(s, port, clock)
        rows = list(states(s.db).values())
        for row in rows:
            if row["state"] == "dead":
                assert age_hours(row, now) >= RETRY_HOURS, row
                dead_at = hour if dead_at is None else dead_at
        if rows and all(r["state"] == "dead" for r in rows):
            break
    assert dead_at == RETRY_HOURS, dead_at
    print("\noutage: relay down for good: dead after %d h (retry_hours %d)" % (dead_at,
                                                                            RETRY_HOURS))
