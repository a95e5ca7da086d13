"""E-mail notifications through the real stack: the outbox written in the
transaction of the change, reqdesk-mailer delivering it over SMTP to a real
server on loopback, retries, a mailer killed mid-batch, the admin page."""

import html
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from conftest import api, make_api_key, browser_login  # noqa: E402
import bodies  # noqa: E402
import mailtools  # noqa: E402
import stack as stackmod  # noqa: E402


def disconnect_body(ref):
    """A request whose primary contact is its creator (owner@acme.test):
    each creation mails two addresses, the creator and the operator
    (test_mail_people.py tells the contacts apart)."""
    body = bodies.disconnect_body(ref, {"customerReference": "AAT-AA001-001"})
    body["properties"]["contacts"]["primary"]["email"] = "owner@acme.test"
    return body


def create(s, key, ref):
    r = s.post("/ordering/b2b/v2/requests", headers=api(s, key),
               data=json.dumps(disconnect_body(ref)))
    assert r.status_code == 201, r.text
    return r.json()["id"]


def maildir(s):
    return os.path.join(s.data, "mail")


def test_request_created_and_status_changed(stack, keys):
    """The creator (ACME: French) and the operator (English) hear of the
    creation, each in their words; the creator of the status change."""
    rid = create(stack, keys["acme_owner"], "MAIL-CREATED-1")
    msgs = mailtools.wait_for(lambda: len(mailtools.about(maildir(stack), rid)) >= 2 and
                              mailtools.about(maildir(stack), rid), what="2 messages")
    by_to = {str(m["To"]): m for m in msgs}
    assert sorted(by_to) == ["operator@localhost", "owner@acme.test"]
    assert str(by_to["owner@acme.test"]["Subject"]) == \
        "[reqdesk] Reçue : Résiliation d'un site BVPN, votre référence MAIL-CREATED-1"
    assert str(by_to["operator@localhost"]["Subject"]) == \
        "[reqdesk] New request from ACME France: Disconnection of a BVPN site, " \
        "customer reference MAIL-CREATED-1"
    for to, m in by_to.items():
        body = m.get_body(("plain",)).get_content()
        assert rid in body and "MAIL-CREATED-1" in body
        assert "R_BVPN_FR_1" not in body                  # the type in words
        path = "/admin/requests/" if to.startswith("operator") else "/requests/"
        assert "%s%s%s" % (stack.base, path, rid) in body
        assert m["Message-ID"] and m["Date"]
    # a status change tells the creator
    r = stack.post("/ordering/b2b/v2/requests/%s/status" % rid, headers=api(stack, keys["admin"]),
                   data=json.dumps({"status": "IN_PROGRESS", "comment": "on it"}))
    assert r.status_code == 200, r.text
    msg = mailtools.wait_for(
        lambda: [m for m in mailtools.about(maildir(stack), rid)
                 if str(m["Subject"]).startswith("[reqdesk] En cours")], what="status message")
    assert [str(m["To"]) for m in msg] == ["owner@acme.test"]
    body = msg[0].get_body(("plain",)).get_content()
    assert "est passée de « Nouvelle » à « En cours »" in body and "on it" in body
    rows = mailtools.outbox(stack.db, "object_id = ?", (rid,))
    assert len(rows) == 3 and all(r["state"] == "sent" for r in rows)


def test_refused_or_rolled_back_change_sends_nothing(stack, keys):
    before = len(mailtools.outbox(stack.db))
    bad = disconnect_body("MAIL-REFUSED")
    del bad["properties"]["contacts"]
    r = stack.post("/ordering/b2b/v2/requests", headers=api(stack, keys["acme_owner"]),
                   data=json.dumps(bad))
    assert r.status_code == 412
    # an illegal transition is refused and tells nobody
    rid = create(stack, keys["acme_owner"], "MAIL-ILLEGAL")
    after_create = len(mailtools.outbox(stack.db))
    r = stack.post("/ordering/b2b/v2/requests/%s/status" % rid, headers=api(stack, keys["admin"]),
                   data=json.dumps({"status": "COMPLETED"}))
    assert r.status_code == 409
    assert len(mailtools.outbox(stack.db)) == after_create == before + 2


def test_a_recipient_the_mailer_cannot_use_does_not_block_the_change(fresh_stack):
    """A user stored with an address the outbox refuses (set by hand, or
    before addresses were checked) still creates requests and has them
    moved; the messages to that address are skipped, the others go."""
    s = fresh_stack()
    key = make_api_key(s, "owner@acme.test")
    con = sqlite3.connect(s.db, timeout=30)
    with con:
        con.execute("UPDATE users SET email = 'jean(x)@acme.test'"
                    " WHERE email = 'owner@acme.test'")
    con.close()
    rid = create(s, key, "MAIL-BAD-ADDRESS")
    r = s.post("/ordering/b2b/v2/requests/%s/status" % rid,
               headers=api(s, make_api_key(s, "admin@reqdesk.test")),
               data=json.dumps({"status": "IN_PROGRESS"}))
    assert r.status_code == 200, r.text
    rows = mailtools.outbox(s.db, "object_id = ?", (rid,))
    # (owner@acme.test is now only the contact the request names)
    assert [r["recipient"] for r in rows] == ["owner@acme.test", "operator@localhost",
                                              "owner@acme.test"], rows
    assert "not a valid address; message not queued" in s.log_tail(200)


def test_cli_and_configuration_refuse_unusable_addresses(fresh_stack):
    s = fresh_stack()
    cli = [os.path.join(s.build, "reqdesk"), "--db", s.db]
    out = subprocess.run(cli + ["user", "add", "--email", "jean(x)@acme.test", "--name", "J",
                                "--level", "VIEWER", "--customer", "ACME"],
                         input="long-enough-1\n", capture_output=True, text=True, timeout=30)
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert "--email: Enter an e-mail address such as name@example.com." in out.stderr
    out = subprocess.run(cli + ["check"], capture_output=True, text=True, timeout=30,
                         env=dict(os.environ, REQDESK_MAIL_OPERATOR="ops@x.test, boss@x.test"))
    assert out.returncode != 0
    assert "[mail] operator: 'ops@x.test, boss@x.test' is not one plain e-mail address" \
        in out.stderr


def test_storage_failure_rolls_back_its_messages(fresh_stack):
    s = fresh_stack()
    key = make_api_key(s, "owner@acme.test")
    con = sqlite3.connect(s.db)
    con.execute("CREATE TRIGGER fail_history BEFORE INSERT ON request_history "
                "BEGIN SELECT RAISE(ABORT, 'test'); END;")
    con.commit()
    con.close()
    r = s.post("/ordering/b2b/v2/requests", headers=api(s, key),
               data=json.dumps(disconnect_body("MAIL-ROLLBACK")))
    assert r.status_code == 422 and r.json()["code"] == 3623
    assert mailtools.outbox(s.db) == []
    time.sleep(1.5)  # a mailer round
    assert mailtools.messages(maildir(s)) == []


def test_smtp_down_then_back(fresh_stack):
    port = mailtools.free_port()
    s = fresh_stack(REQDESK_SMTP_URL="smtp://127.0.0.1:%d" % port,
                    REQDESK_MAIL_RETRY_BASE_S="1", REQDESK_MAIL_POLL_MS="100")
    key = make_api_key(s, "owner@acme.test")
    rid = create(s, key, "MAIL-DOWN")          # the change succeeds
    rows = mailtools.wait_for(
        lambda: [r for r in mailtools.outbox(s.db, "object_id = ?", (rid,))
                 if r["attempts"] >= 1] or None, what="a failed attempt")
    assert all(r["state"] == "queued" and r["last_error"] for r in rows)
    box = os.path.join(s.data, "late-mail")
    server = mailtools.SmtpServer(port, box)
    try:
        mailtools.wait_for(lambda: all(r["state"] == "sent" for r in
                                       mailtools.outbox(s.db, "object_id = ?", (rid,))),
                           timeout=30, what="delivery after the server came back")
        assert len(mailtools.about(box, rid)) == 2
    finally:
        server.stop()


def mailer_env(s, smtp_port, **extra):
    env = dict(os.environ)
    env.update(REQDESK_CONFIG=str(stackmod.REPO / "conf" / "reqdesk.conf"),
               REQDESK_DB=s.db, REQDESK_TEMPLATES=str(stackmod.REPO / "templates"),
               REQDESK_SMTP_URL="smtp://127.0.0.1:%d" % smtp_port,
               REQDESK_BASE_URL=s.base, REQDESK_MAIL_POLL_MS="100")
    env.update(extra)
    return env


def test_mailer_killed_mid_batch(fresh_stack):
    s = fresh_stack(REQDESK_MAILER="0")
    key = make_api_key(s, "owner@acme.test")
    ids = [create(s, key, "MAIL-KILL-%d" % i) for i in range(6)]      # 12 messages
    port = mailtools.free_port()
    box = os.path.join(s.data, "kill-mail")
    server = mailtools.SmtpServer(port, box, delay=0.3)
    env = mailer_env(s, port, REQDESK_MAIL_CLAIM_S="3", REQDESK_SMTP_TIMEOUT_S="2",
                     REQDESK_MAIL_BATCH="20")
    mailer = os.path.join(s.build, "reqdesk-mailer")
    log = open(os.path.join(s.data, "log", "mailer-kill.log"), "w")
    try:
        p = subprocess.Popen([mailer], env=env, stdout=log, stderr=log)
        mailtools.wait_for(lambda: len(mailtools.outbox(s.db, "state = 'sent'")) >= 3,
                           what="3 messages sent")
        p.send_signal(signal.SIGKILL)
        p.wait(5)
        sent_before = {r["id"] for r in mailtools.outbox(s.db, "state = 'sent'")}
        assert 3 <= len(sent_before) < 12
        assert mailtools.outbox(s.db, "state = 'sending'")   # a batch was in flight
        p = subprocess.Popen([mailer], env=env, stdout=log, stderr=log)
        try:
            mailtools.wait_for(lambda: len(mailtools.outbox(s.db, "state = 'sent'")) == 12,
                               timeout=40, what="every message sent")
        finally:
            p.terminate()
            p.wait(10)
        received = {}
        for m in mailtools.messages(box):
            oid = int(m["X-Reqdesk-Outbox-Id"])
            received[oid] = received.get(oid, 0) + 1
        all_ids = {r["id"] for r in mailtools.outbox(s.db)}
        assert set(received) == all_ids                   # every one at least once
        for oid in sent_before:
            assert received[oid] == 1, "message %d marked sent was sent again" % oid
        for rid in ids:
            assert len(mailtools.about(box, rid)) >= 2
    finally:
        server.stop()
        log.close()


def test_two_mailers_never_send_a_row_twice(fresh_stack):
    s = fresh_stack(REQDESK_MAILER="0")
    key = make_api_key(s, "owner@acme.test")
    for i in range(5):
        create(s, key, "MAIL-TWO-%d" % i)                  # 10 messages
    port = mailtools.free_port()
    box = os.path.join(s.data, "two-mail")
    server = mailtools.SmtpServer(port, box, delay=0.05)
    env = mailer_env(s, port, REQDESK_MAIL_BATCH="3")
    mailer = os.path.join(s.build, "reqdesk-mailer")
    procs = [subprocess.Popen([mailer], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for _ in range(2)]
    try:
        mailtools.wait_for(lambda: len(mailtools.outbox(s.db, "state = 'sent'")) == 10,
                           timeout=30, what="every message sent")
    finally:
        for p in procs:
            p.terminate()
            p.wait(10)
        server.stop()
    ids = [int(m["X-Reqdesk-Outbox-Id"]) for m in mailtools.messages(box)]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 10


def test_a_batch_longer_than_its_lease_is_not_sent_twice(fresh_stack):
    """One mailer claims all 12 messages and takes longer than
    claim_seconds to send them; a second mailer claims those whose lease
    ran out.  The first renews each message's lease just before sending
    it and leaves the ones the second took: each is delivered once."""
    s = fresh_stack(REQDESK_MAILER="0")
    key = make_api_key(s, "owner@acme.test")
    for i in range(6):
        create(s, key, "MAIL-LEASE-%d" % i)                # 12 messages
    port = mailtools.free_port()
    box = os.path.join(s.data, "lease-mail")
    server = mailtools.SmtpServer(port, box, delay=0.5)
    env = mailer_env(s, port, REQDESK_MAIL_CLAIM_S="3", REQDESK_SMTP_TIMEOUT_S="2",
                     REQDESK_MAIL_BATCH="20")
    mailer = os.path.join(s.build, "reqdesk-mailer")
    logs = [open(os.path.join(s.data, "log", "mailer-lease-%d.log" % i), "w")
            for i in range(2)]
    procs = []
    try:
        procs.append(subprocess.Popen([mailer], env=env, stdout=logs[0], stderr=logs[0]))
        mailtools.wait_for(lambda: mailtools.outbox(s.db, "state = 'sending'"),
                           what="the first mailer's claim")
        procs.append(subprocess.Popen([mailer], env=env, stdout=logs[1], stderr=logs[1]))
        mailtools.wait_for(lambda: len(mailtools.outbox(s.db, "state = 'sent'")) == 12,
                           timeout=60, what="every message sent")
    finally:
        for p in procs:
            p.terminate()
            p.wait(10)
        server.stop()
        for f in logs:
            f.close()
    ids = [int(m["X-Reqdesk-Outbox-Id"]) for m in mailtools.messages(box)]
    assert len(ids) == 12 and sorted(ids) == sorted(set(ids)), sorted(ids)


def test_a_lease_shorter_than_a_send_is_refused(fresh_stack):
    s = fresh_stack(REQDESK_MAILER="0")
    out = subprocess.run([os.path.join(s.build, "reqdesk-mailer"), "--once"],
                         env=mailer_env(s, 9, REQDESK_MAIL_CLAIM_S="60"),
                         capture_output=True, text=True, timeout=30)
    assert out.returncode != 0
    assert "[mail] claim_seconds (60) must be larger than smtp_timeout_seconds (60)" \
        in out.stderr, out.stderr


def test_admin_outbox_page_and_retry(fresh_stack):
    port = mailtools.free_port()
    s = fresh_stack(REQDESK_SMTP_URL="smtp://127.0.0.1:%d" % port,
                    REQDESK_MAIL_MAX_ATTEMPTS="1", REQDESK_MAIL_RETRY_HOURS="0",
                    REQDESK_MAIL_POLL_MS="100")
    key = make_api_key(s, "owner@acme.test")
    rid = create(s, key, "MAIL-DEAD")
    dead = mailtools.wait_for(lambda: mailtools.outbox(s.db, "state = 'dead'"),
                              what="dead messages")
    admin, csrf = browser_login(s, "admin@reqdesk.test")
    page = admin.get(s.url("/admin/outbox?state=dead"))
    assert page.status_code == 200
    assert "Retry now" in page.text and rid in page.text
    assert "Connection refused" in page.text or "Couldn" in page.text  # last error shown
    # non-admins are refused
    owner, _ = browser_login(s, "owner@acme.test")
    assert owner.get(s.url("/admin/outbox")).status_code == 403
    # retry without the form token changes nothing
    r = admin.post(s.url("/admin/outbox"), data={"id": str(dead[0]["id"])})
    assert r.status_code == 403
    assert mailtools.outbox(s.db, "id = ?", (dead[0]["id"],))[0]["state"] == "dead"
    box = os.path.join(s.data, "retry-mail")
    server = mailtools.SmtpServer(port, box)
    try:
        r = admin.post(s.url("/admin/outbox"), data={"id": str(dead[0]["id"]), "csrf": csrf})
        assert r.status_code == 200 and "queued again" in r.text
        mailtools.wait_for(lambda: mailtools.outbox(s.db, "id = ?", (dead[0]["id"],))[0]["state"]
                           == "sent", what="the retried message sent")
        assert len(mailtools.about(box, rid)) == 1
    finally:
        server.stop()


def test_admin_outbox_pages_through_every_message(fresh_stack):
    """60 dead messages: the page shows the 50 newest and links to the
    older ones, which link back; none is out of reach of its retry."""
    s = fresh_stack(REQDESK_MAILER="0")
    con = sqlite3.connect(s.db, timeout=30)
    with con:
        con.executemany(
            "INSERT INTO outbox (event, object_id, recipient, subject, body, state,"
            " attempts, next_attempt, last_error, created)"
            " VALUES ('request_created', ?, 'owner@acme.test', 's', 'b', 'dead', 8, 0,"
            " 'refused', '2026-01-01T00:00:00.000Z')",
            [("PAGED-%02d" % i,) for i in range(60)])
    con.close()
    admin, _ = browser_login(s, "admin@reqdesk.test")
    first = admin.get(s.url("/admin/outbox?state=dead"))
    assert first.status_code == 200
    assert first.text.count("Retry now") == 50 and "PAGED-59" in first.text
    assert 'rel="prev"' not in first.text
    older = re.search(r'<a href="([^"]+)" rel="next">Older</a>', first.text)
    assert older, first.text[-2000:]
    second = admin.get(s.url("/admin/outbox" + html.unescape(older.group(1))))
    assert second.text.count("Retry now") == 10 and "PAGED-00" in second.text
    assert 'rel="next"' not in second.text and 'rel="prev">Newer</a>' in second.text


def test_sent_messages_are_deleted_after_keep_sent_days(fresh_stack):
    """The mailer deletes, when idle, the messages sent more than
    keep_sent_days ago; recent ones, queued ones and dead ones stay."""
    s = fresh_stack(REQDESK_MAILER="0")
    key = make_api_key(s, "owner@acme.test")
    for i in range(3):
        create(s, key, "MAIL-PURGE-%d" % i)                # 6 messages
    port = mailtools.free_port()
    server = mailtools.SmtpServer(port, os.path.join(s.data, "purge-mail"))
    mailer = [os.path.join(s.build, "reqdesk-mailer"), "--once"]
    try:
        out = subprocess.run(mailer, env=mailer_env(s, port), capture_output=True,
                             text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        rows = mailtools.outbox(s.db)
        assert len(rows) == 6 and all(r["state"] == "sent" for r in rows), rows
        ids = sorted(r["id"] for r in rows)
        db = sqlite3.connect(s.db, timeout=10)
        with db:
            db.execute("UPDATE outbox SET sent_at = '2000-01-01T00:00:00.000Z'"
                       " WHERE id IN (?, ?)", ids[:2])
            db.execute("UPDATE outbox SET state = 'dead', sent_at = NULL,"
                       " created = '2000-01-01T00:00:00.000Z' WHERE id = ?", (ids[2],))
            db.execute("UPDATE outbox SET state = 'queued', sent_at = NULL,"
                       " next_attempt = 4102444800 WHERE id = ?", (ids[3],))  # year 2100
        db.close()
        # keep_sent_days = 0 keeps everything
        out = subprocess.run(mailer, env=mailer_env(s, port, REQDESK_MAIL_KEEP_SENT_DAYS="0"),
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert len(mailtools.outbox(s.db)) == 6
        out = subprocess.run(mailer, env=mailer_env(s, port, REQDESK_MAIL_KEEP_SENT_DAYS="30"),
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert "2 message(s) sent before" in out.stderr, out.stderr
        left = {r["id"]: r["state"] for r in mailtools.outbox(s.db)}
        assert left == {ids[2]: "dead", ids[3]: "queued", ids[4]: "sent", ids[5]: "sent"}, left
    finally:
        server.stop()


def test_credentials_never_go_in_clear(fresh_stack):
    """With smtp_user set, a server that offers AUTH but no STARTTLS (or a
    man in the middle who removed the offer) gets neither the password nor
    the mail; without credentials the same server is used in plain text."""
    s = fresh_stack(REQDESK_MAILER="0")
    key = make_api_key(s, "owner@acme.test")
    rid = create(s, key, "MAIL-CLEAR")
    port = mailtools.free_port()
    box = os.path.join(s.data, "clear-mail")
    auth_log = os.path.join(s.data, "auth-seen")
    server = mailtools.SmtpServer(port, box, options=["--auth-log", auth_log])
    mailer = [os.path.join(s.build, "reqdesk-mailer"), "--once"]
    try:
        out = subprocess.run(mailer, capture_output=True, text=True, timeout=60,
                             env=mailer_env(s, port, REQDESK_SMTP_USER="desk",
                                            REQDESK_SMTP_PASSWORD="never-in-clear"))
        assert out.returncode == 0, out.stderr
        assert not os.path.exists(auth_log) or \
            "never-in-clear" not in open(auth_log).read()
        assert mailtools.messages(box) == []
        rows = mailtools.outbox(s.db, "object_id = ?", (rid,))
        assert len(rows) == 2
        for r in rows:
            assert r["state"] == "queued" and r["attempts"] == 1, r
            assert "STARTTLS" in r["last_error"] or "SSL" in r["last_error"], r
        # without credentials, STARTTLS stays optional: plain text is fine
        db = sqlite3.connect(s.db, timeout=10)
        with db:
            db.execute("UPDATE outbox SET next_attempt = 0")
        db.close()
        out = subprocess.run(mailer, env=mailer_env(s, port), capture_output=True,
                             text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert all(r["state"] == "sent" for r in mailtools.outbox(s.db, "object_id = ?", (rid,)))
        assert len(mailtools.about(box, rid)) == 2
        assert not os.path.exists(auth_log)
    finally:
        server.stop()


def test_a_long_comment_line_is_delivered_intact(stack, keys):
    """A status comment is one line of up to 4096 bytes, past SMTP's 998:
    the body goes quoted-printable, every line short, and reads back as
    typed (non-ASCII, "=", tabs, runs of spaces included)."""
    rid = create(stack, keys["acme_owner"], "MAIL-LONG-LINE")
    comment = ("Prüfung = ok;\ttab  two spaces, 5 € ")
    comment = (comment * 200).encode()[:4000].decode("utf-8", "ignore").rstrip()
    assert 3900 < len(comment.encode()) <= 4096
    r = stack.post("/ordering/b2b/v2/requests/%s/status" % rid, headers=api(stack, keys["admin"]),
                   data=json.dumps({"status": "IN_PROGRESS", "comment": comment}))
    assert r.status_code == 200, r.text
    msg = mailtools.wait_for(
        lambda: [m for m in mailtools.about(maildir(stack), rid)
                 if str(m["Subject"]).startswith("[reqdesk] En cours")], what="status message")
    assert len(msg) == 1
    m = msg[0]
    for part in (m.get_body(("plain",)), m.get_body(("html",))):
        assert part["Content-Transfer-Encoding"] == "quoted-printable"
    assert "MAIL-LONG-LINE" in str(m["Subject"])
    body = m.get_body(("plain",)).get_content()
    assert "  Commentaire :\n    %s\n" % comment in body
    raw = m.as_bytes(policy=m.policy.clone(linesep="\r\n"))
    assert max(len(line) for line in raw.split(b"\r\n")) <= 78
    rows = mailtools.outbox(stack.db, "object_id = ? AND event = 'request_status'", (rid,))
    assert [r["state"] for r in rows] == ["sent"]


def run_mailer_once(s, port, **env):
    out = subprocess.run([os.path.join(s.build, "reqdesk-mailer"), "--once"],
                         env=mailer_env(s, port, **env), capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out


def make_due(s):
    db = sqlite3.connect(s.db, timeout=10)
    with db:
        db.execute("UPDATE outbox SET next_attempt = 0 WHERE state = 'queued'")
    db.close()


def test_permanent_refusal_is_dead_at_once(fresh_stack):
    """A 5xx answer to RCPT (no such mailbox) will not change: the message
    is dead after one try, with the server's answer, however many attempts
    max_attempts would allow; the admin page still retries it."""
    s = fresh_stack(REQDESK_MAILER="0")
    rid = create(s, make_api_key(s, "owner@acme.test"), "MAIL-550")
    port = mailtools.free_port()
    box = os.path.join(s.data, "refused-mail")
    server = mailtools.SmtpServer(port, box, options=["--rcpt-code", "550"])
    try:
        out = run_mailer_once(s, port)
        rows = mailtools.outbox(s.db, "object_id = ?", (rid,))
        assert len(rows) == 2
        for r in rows:
            assert r["state"] == "dead" and r["attempts"] == 1, (r["last_error"], out.stderr)
            assert "550" in r["last_error"] and "RCPT" in r["last_error"], r
        assert "(refused: dead)" in out.stderr
    finally:
        server.stop()
    assert mailtools.messages(box) == []
    # the admin's retry queues it again, and a server that takes it now does
    admin, csrf = browser_login(s, "admin@reqdesk.test")
    r = admin.post(s.url("/admin/outbox"), data={"id": str(rows[0]["id"]), "csrf": csrf})
    assert r.status_code == 200 and "queued again" in r.text
    server = mailtools.SmtpServer(port, box)
    try:
        run_mailer_once(s, port)
    finally:
        server.stop()
    states = {r["id"]: r["state"] for r in mailtools.outbox(s.db, "object_id = ?", (rid,))}
    assert states == {rows[0]["id"]: "sent", rows[1]["id"]: "dead"}


def test_temporary_failures_are_retried_for_the_retry_window(fresh_stack):
    """No server, or a 4xx answer, is retried: even past max_attempts the
    message stays queued while it is younger than retry_hours (48 by
    default), and is dead once it has both failed max_attempts times and
    grown older than that."""
    s = fresh_stack(REQDESK_MAILER="0")
    rid = create(s, make_api_key(s, "owner@acme.test"), "MAIL-451")
    port = mailtools.free_port()
    box = os.path.join(s.data, "later-mail")
    # no server at all: max_attempts = 1 is not the end of it
    for attempt in (1, 2):
        run_mailer_once(s, port, REQDESK_MAIL_MAX_ATTEMPTS="1")
        rows = mailtools.outbox(s.db, "object_id = ?", (rid,))
        assert [(r["state"], r["attempts"]) for r in rows] == [("queued", attempt)] * 2, rows
        assert all("onnect" in r["last_error"] for r in rows), rows
        make_due(s)
    server = mailtools.SmtpServer(port, box, options=["--rcpt-code", "451"])
    try:
        run_mailer_once(s, port, REQDESK_MAIL_MAX_ATTEMPTS="1")
        rows = mailtools.outbox(s.db, "object_id = ?", (rid,))
        assert [(r["state"], r["attempts"]) for r in rows] == [("queued", 3)] * 2, rows
        assert all("451" in r["last_error"] for r in rows), rows
        # three days old: the next temporary failure past max_attempts is the last
        db = sqlite3.connect(s.db, timeout=10)
        with db:
            db.execute("UPDATE outbox SET next_attempt = 0,"
                       " created = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-3 days')"
                       " WHERE id = ?", (rows[0]["id"],))
            db.execute("UPDATE outbox SET next_attempt = 0 WHERE id = ?", (rows[1]["id"],))
        db.close()
        run_mailer_once(s, port, REQDESK_MAIL_MAX_ATTEMPTS="4")
        rows = mailtools.outbox(s.db, "object_id = ?", (rid,))
        assert [(r["state"], r["attempts"]) for r in rows] == \
            [("dead", 4), ("queued", 4)], rows
        # retry_hours = 0: max_attempts alone decides, as before
        make_due(s)
        run_mailer_once(s, port, REQDESK_MAIL_MAX_ATTEMPTS="5", REQDESK_MAIL_RETRY_HOURS="0")
        assert mailtools.outbox(s.db, "id = ?", (rows[1]["id"],))[0]["state"] == "dead"
    finally:
        server.stop()
    assert mailtools.messages(box) == []


def test_a_message_not_marked_sent_is_not_sent_again(fresh_stack):
    """The SMTP server accepts the first message and, before answering,
    another connection takes the database's write lock for longer than
    the mailer's busy timeout and than the message's lease.  The mailer
    cannot mark it sent: it keeps it, marks it once the lock is gone, and
    never claims and sends it again."""
    s = fresh_stack(REQDESK_MAILER="0")
    rid = create(s, make_api_key(s, "owner@acme.test"), "MAIL-LOCKED")   # 2 messages
    port = mailtools.free_port()
    box = os.path.join(s.data, "locked-mail")
    server = mailtools.SmtpServer(port, box, options=["--lock-db", s.db, "--lock-seconds", "4"])
    env = mailer_env(s, port, REQDESK_MAIL_CLAIM_S="2", REQDESK_SMTP_TIMEOUT_S="1",
                     REQDESK_BUSY_TIMEOUT_MS="200")
    log_path = os.path.join(s.data, "log", "mailer-locked.log")
    log = open(log_path, "w")
    p = subprocess.Popen([os.path.join(s.build, "reqdesk-mailer")], env=env,
                         stdout=log, stderr=log)
    try:
        mailtools.wait_for(lambda: [r["state"] for r in mailtools.outbox(
            s.db, "object_id = ?", (rid,))] == ["sent", "sent"],
            timeout=30, what="both messages marked sent")
    finally:
        p.terminate()
        p.wait(10)
        server.stop()
        log.close()
    log = open(log_path).read()
    rows = mailtools.outbox(s.db, "object_id = ?", (rid,))
    ids = sorted(int(m["X-Reqdesk-Outbox-Id"]) for m in mailtools.messages(box))
    assert ids == sorted(r["id"] for r in rows), (ids, log)
    assert "not marked sent yet" in log, log      # the lock did hit the mark


def test_a_claim_that_cannot_be_read_is_an_error(fresh_stack):
    """The claim of due messages fails (here a trigger refuses it): the
    mailer says so and claims nothing, instead of taking the failure for
    "no message is due"; once the database takes the claim again, the
    messages go."""
    s = fresh_stack(REQDESK_MAILER="0")
    rid = create(s, make_api_key(s, "owner@acme.test"), "MAIL-CLAIM")    # 2 messages
    port = mailtools.free_port()
    box = os.path.join(s.data, "claim-mail")
    con = sqlite3.connect(s.db, timeout=10)
    con.execute("CREATE TRIGGER refuse_claim BEFORE UPDATE OF state ON outbox"
                " WHEN NEW.state = 'sending' BEGIN SELECT RAISE(ABORT, 'test'); END;")
    con.commit()
    server = mailtools.SmtpServer(port, box)
    try:
        out = run_mailer_once(s, port)
        assert "claiming due messages failed" in out.stderr, out.stderr
        rows = mailtools.outbox(s.db, "object_id = ?", (rid,))
        assert [(r["state"], r["attempts"]) for r in rows] == [("queued", 0)] * 2, rows
        assert mailtools.messages(box) == []
        con.execute("DROP TRIGGER refuse_claim")
        con.commit()
        run_mailer_once(s, port)
    finally:
        con.close()
        server.stop()
    rows = mailtools.outbox(s.db, "object_id = ?", (rid,))
    assert [r["state"] for r in rows] == ["sent", "sent"], rows
    assert len(mailtools.messages(box)) == 2
