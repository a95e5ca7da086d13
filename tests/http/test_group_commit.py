"""Durable group commit through the real stack: concurrent creations are
committed together, each acknowledged (201) only once it is in the
database; a batch whose commit fails refuses every request of it (3623)
and keeps nothing, not even their notifications."""

import json
import os
import sqlite3
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from conftest import api, make_api_key  # noqa: E402
import bodies  # noqa: E402


def body(ref):
    return json.dumps(bodies.disconnect_body(ref))


def post_many(s, key, prefix, n):
    headers = api(s, key)

    def one(i):
        return s.post("/ordering/b2b/v2/requests", headers=headers,
                      data=body("%s-%d" % (prefix, i)), timeout=30)
    with ThreadPoolExecutor(max_workers=16) as pool:
        return list(pool.map(one, range(n)))


def rows(db, sql, args=()):
    con = sqlite3.connect(db, timeout=10)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def test_every_acknowledged_request_is_stored(stack, keys):
    answers = post_many(stack, keys["acme_owner"], "GC-OK", 60)
    assert [r.status_code for r in answers] == [201] * 60
    ids = {r.json()["id"] for r in answers}
    stored = {row[0] for row in rows(stack.db, "SELECT id FROM requests WHERE "
                                     "customer_reference LIKE 'GC-OK-%'")}
    assert ids == stored
    # each with its history entry and its notifications (the creator,
    # the primary contact the body names, the operator)
    for rid in list(ids)[:10]:
        assert rows(stack.db, "SELECT count(*) FROM request_history h JOIN requests r "
                    "ON r.seq = h.request_seq WHERE r.id = ?", (rid,))[0][0] == 1
        assert rows(stack.db, "SELECT count(*) FROM outbox WHERE object_id = ?",
                    (rid,))[0][0] == 3


def test_failed_batch_fails_each_request_cleanly(fresh_stack):
    s = fresh_stack(REQDESK_MAILER="0")
    key = make_api_key(s, "owner@acme.test")
    # Every statement succeeds, but the commit fails (a deferred foreign key).
    con = sqlite3.connect(s.db)
    con.executescript(
        "CREATE TABLE poison (c TEXT REFERENCES customers(id) DEFERRABLE INITIALLY DEFERRED);"
        "CREATE TRIGGER poison AFTER INSERT ON requests"
        " BEGIN INSERT INTO poison VALUES ('no such customer'); END;")
    con.close()
    answers = post_many(s, key, "GC-FAIL", 24)
    for r in answers:
        assert r.status_code == 422, r.text
        assert r.json()["code"] == 3623
        assert r.json()["message"] == "Internal Ordering System not available"
    assert rows(s.db, "SELECT count(*) FROM requests")[0][0] == 0
    assert rows(s.db, "SELECT count(*) FROM request_history")[0][0] == 0
    assert rows(s.db, "SELECT count(*) FROM outbox")[0][0] == 0
    # the desk goes on once the cause is gone
    con = sqlite3.connect(s.db)
    con.executescript("DROP TRIGGER poison;")
    con.close()
    assert [r.status_code for r in post_many(s, key, "GC-AFTER", 4)] == [201] * 4
