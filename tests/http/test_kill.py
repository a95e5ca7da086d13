"""kill -9 under write load: nothing acknowledged is lost, nothing
unacknowledged is half there.

A bounded mixed write load goes through nginx (Orange creations and
status changes, Internet creations, offers and orders, replies of the
customers and of the operator and files on requests of both families) from a few client
threads, each recording every answer, while the test kills a worker with
SIGKILL several times and the supervisor once; `./dev serve` restarts the
supervisor as systemd's Restart=always would (REQDESK_FCGI_RESTART=1).
Afterwards:

- every acknowledged (2xx) write is in the database with its history and
  its outbox rows;
- every change in the database is whole, acknowledged or not (a request
  with its first history entry and its mail, each status change with its
  mail, an answer with its offers and mails, an order with its mail, a
  note on a request that exists, a file with its content whole and the
  note it belongs to, if any);
- PRAGMA integrity_check is ok;
- the desk answered again within a second of each restart.

Figures for docs/RELIABILITY.md are printed as a "kill:" line.
"""

import base64
import hashlib
import json
import os
import random
import signal
import sqlite3
import threading
import time

import requests

import bodies
import inet
import stack as stackmod
from conftest import make_api_key

CLIENTS = 3
OPS_PER_CLIENT = 600       # at most; the load stops a second after the last kill
WORKER_KILLS = 4


def sql(db, q, args=()):
    con = sqlite3.connect(db, timeout=30)
    try:
        return con.execute(q, args).fetchall()
    finally:
        con.close()


class Load:
    """One client thread's operations and their answers."""

    def __init__(self, s, keys, n, seed, stop):
        self.s, self.keys, self.n, self.stop = s, keys, n, stop
        self.rnd = random.Random(seed)
        self.http = stackmod.http_session()
        self.acked = []        # (kind, data) of each 2xx write
        self.answers = {}      # status (or exception name) -> count
        self.orange, self.inet, self.answered = [], [], []
        self.inet_all = []     # every Internet request made (self.inet: not yet answered)

    def call(self, key, path, body):
        try:
            r = self.http.post(self.s.url(path), data=json.dumps(body), timeout=10,
                               headers={"X-API-Key": key, "Content-Type": "application/json"})
        except requests.RequestException as e:
            self.answers[type(e).__name__] = self.answers.get(type(e).__name__, 0) + 1
            return None
        self.answers[r.status_code] = self.answers.get(r.status_code, 0) + 1
        return r if 200 <= r.status_code < 300 else None

    def step(self):
        k, choice = self.keys, self.rnd.random()
        if self.orange and choice < 0.15:
            rid = self.rnd.choice(self.orange)
            to = self.rnd.choice(["IN_PROGRESS", "REJECTED", "COMPLETED"])
            if self.call(k["admin"], "/ordering/b2b/v2/requests/%s/status" % rid,
                         {"status": to, "comment": "load"}):
                self.acked.append(("status", (rid, to)))
        elif self.inet and choice < 0.3:
            rid = self.inet.pop()
            r = self.call(k["admin"], "/internet/request/%s" % rid, inet.SEED_OFFERS)
            if r:
                self.acked.append(("answer", rid))
                self.answered.append((rid, r.json()["offers"][0]["_id"]))
        elif self.answered and choice < 0.4:
            rid, offer = self.answered.pop()
            r = self.call(k["nordic_owner"], "/internet/account", {"request": rid, "offer": offer})
            if r:
                self.acked.append(("order", (r.json()["_id"], rid)))
        elif choice < 0.62 and (self.orange or self.inet_all):
            self.conversation(k)
        elif choice < 0.75:
            r = self.call(k["acme_owner"], "/ordering/b2b/v2/requests",
                          bodies.disconnect_body(ref="KILL-%d" % self.rnd.randrange(10**9)))
            if r:
                self.acked.append(("orange", r.json()["id"]))
                self.orange.append(r.json()["id"])
        else:
            r = self.call(k["nordic_owner"], "/internet/request", inet.fiber_body())
            if r:
                self.acked.append(("inet", r.json()["_id"]))
                self.inet.append(r.json()["_id"])
                self.inet_all.append(r.json()["_id"])

    def conversation(self, k):
        """A reply (of the customer or the operator) or a file, on a
        request of either family made by this client."""
        orange = bool(self.orange) and (not self.inet_all or self.rnd.random() < 0.5)
        rid = self.rnd.choice(self.orange if orange else self.inet_all)
        base = ("/ordering/b2b/v2/requests/%s" if orange else "/internet/request/%s") % rid
        who = k["admin"] if self.rnd.random() < 0.3 else \
            k["acme_owner" if orange else "nordic_owner"]
        tag = "kill %d \u00e9" % self.rnd.randrange(10**12)
        if self.rnd.random() < 0.6:
            body = {"title": "Load", "body": tag} if orange else {"text": tag}
            r = self.call(who, base + "/notes", body)
            if r:
                nid = r.json()["id" if orange else "_id"]
                self.acked.append(("note", (nid, rid, tag)))
        else:
            data = ("%s\n" % tag).encode() * self.rnd.randrange(1, 200)
            body = {"name": "load.txt", "body": base64.b64encode(data).decode()}
            if orange:
                body["format"] = "txt"
            r = self.call(who, base + "/attachments", body)
            if r:
                fid = r.json()["id" if orange else "_id"]
                self.acked.append(("file", (fid, rid, hashlib.sha256(data).hexdigest(),
                                            len(data))))

    def run(self):
        for _ in range(self.n):
            if self.stop.is_set():
                break
            self.step()


def healthy_within(s, limit):
    """Seconds until /healthz answers 200 (polled every 10 ms), at most limit."""
    start = time.monotonic()
    http = stackmod.http_session()
    while time.monotonic() - start < limit:
        try:
            if http.get(s.url("/healthz"), timeout=0.5).status_code == 200:
                return time.monotonic() - start
        except requests.RequestException:
            pass
        time.sleep(0.01)
    return None


def check_acked(db, kind, data):
    if kind == "orange":
        seq = sql(db, "SELECT seq FROM requests WHERE id = ?", (data,))
        assert seq, "acknowledged request %s lost" % data
        assert sql(db, "SELECT count(*) FROM request_history WHERE request_seq = ?",
                   (seq[0][0],))[0][0] >= 1, data
        assert sql(db, "SELECT count(*) FROM outbox WHERE object_id = ? AND event = "
                   "'request_created'", (data,))[0][0] >= 1, data
    elif kind == "status":
        rid, to = data
        assert sql(db, "SELECT count(*) FROM request_history h JOIN requests r ON "
                   "r.seq = h.request_seq WHERE r.id = ? AND h.to_status = ?",
                   (rid, to))[0][0] >= 1, "acknowledged status change %r lost" % (data,)
        assert sql(db, "SELECT count(*) FROM outbox WHERE object_id = ? AND event = "
                   "'request_status'", (rid,))[0][0] >= 1, data
    elif kind == "inet":
        assert sql(db, "SELECT count(*) FROM internet_requests WHERE id = ?", (data,))[0][0] == 1, \
            "acknowledged Internet request %s lost" % data
        assert sql(db, "SELECT count(*) FROM outbox WHERE object_id = ? AND event = "
                   "'internet_created'", (data,))[0][0] >= 1, data
    elif kind == "answer":
        assert sql(db, "SELECT answered IS NOT NULL FROM internet_requests WHERE id = ?",
                   (data,))[0][0] == 1, "acknowledged answer %s lost" % data
        assert sql(db, "SELECT count(*) FROM internet_offers WHERE request_id = ?",
                   (data,))[0][0] == 2, data
    elif kind == "note":
        nid, rid, text = data
        assert sql(db, "SELECT count(*) FROM notes WHERE id = ? AND request_id = ? AND "
                   "body = ?", (nid, rid, text))[0][0] == 1, "acknowledged note %s lost" % nid
    elif kind == "file":
        fid, rid, sha, size = data
        got = sql(db, "SELECT b.sha256, b.size, length(b.data), a.size FROM attachments a "
                  "JOIN blobs b ON b.id = a.blob_id WHERE a.id = ? AND a.request_id = ?",
                  (fid, rid))
        assert got == [(sha, size, size, size)], "acknowledged file %s lost or not whole: %r" % (
            fid, got)
    elif kind == "order":
        acc, rid = data
        assert sql(db, "SELECT count(*) FROM internet_accounts WHERE id = ? AND request_id = ?",
                   (acc, rid))[0][0] == 1, "acknowledged order %s lost" % acc


def check_whole(db):
    """Every change in the database is whole, acknowledged or not."""
    half = sql(db, "SELECT r.id FROM requests r WHERE NOT EXISTS (SELECT 1 FROM "
               "request_history h WHERE h.request_seq = r.seq) OR NOT EXISTS (SELECT 1 FROM "
               "outbox o WHERE o.object_id = r.id AND o.event = 'request_created')")
    assert half == [], "requests without history or mail: %r" % half
    # a change of status mails everyone its receipt went to but the
    # operator (the creator and the contacts the request names)
    half = sql(db, "SELECT r.id, (SELECT count(*) FROM request_history h WHERE "
               "h.request_seq = r.seq AND h.from_status IS NOT NULL), (SELECT count(*) FROM "
               "outbox o WHERE o.object_id = r.id AND o.event = 'request_status'), "
               "(SELECT count(*) FROM outbox o WHERE o.object_id = r.id AND "
               "o.event = 'request_created' AND o.unsubscribe IS NOT NULL) FROM requests r")
    assert [h for h in half if h[1] * h[3] != h[2]] == [], "status changes without their mail"
    half = sql(db, "SELECT i.id FROM internet_requests i WHERE NOT EXISTS (SELECT 1 FROM "
               "outbox o WHERE o.object_id = i.id AND o.event = 'internet_created')")
    assert half == [], "Internet requests without their mail: %r" % half
    half = sql(db, "SELECT i.id FROM internet_requests i WHERE i.answered IS NOT NULL AND "
               "((SELECT count(*) FROM internet_offers f WHERE f.request_id = i.id) = 0 OR "
               "NOT EXISTS (SELECT 1 FROM outbox o WHERE o.object_id = i.id AND "
               "o.event = 'internet_answered'))")
    assert half == [], "answers without offers or mail: %r" % half
    half = sql(db, "SELECT a.id FROM internet_accounts a WHERE NOT EXISTS (SELECT 1 FROM "
               "outbox o WHERE o.object_id IN (a.id, a.request_id) AND o.event = 'offer_ordered')")
    assert half == [], "orders without their mail: %r" % half
    half = sql(db, "SELECT n.id FROM notes n WHERE NOT EXISTS (SELECT 1 FROM requests r "
               "WHERE n.family = 'orange' AND r.id = n.request_id) AND NOT EXISTS (SELECT 1 "
               "FROM internet_requests i WHERE n.family = 'internet' AND i.id = n.request_id)")
    assert half == [], "notes on no request: %r" % half
    half = sql(db, "SELECT a.id FROM attachments a LEFT JOIN blobs b ON b.id = a.blob_id "
               "WHERE b.id IS NULL OR b.size != a.size OR length(b.data) != a.size OR "
               "(a.note_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM notes n WHERE "
               "n.id = a.note_id AND n.request_id = a.request_id))")
    assert half == [], "files without their content or their note: %r" % half
    # every blob's content is the one its hash names
    con = sqlite3.connect(db, timeout=30)
    try:
        bad = [row[0] for row in con.execute("SELECT sha256, data FROM blobs")
               if hashlib.sha256(row[1]).hexdigest() != row[0]]
    finally:
        con.close()
    assert bad == [], "blobs whose content is not their hash: %r" % bad


def test_kill_9_under_write_load(fresh_stack):
    s = fresh_stack(REQDESK_WORKERS="2", REQDESK_FCGI_RESTART="1", REQDESK_MAILER="0")
    keys = {role: make_api_key(s, email) for role, email in (
        ("admin", "admin@reqdesk.test"), ("acme_owner", "owner@acme.test"),
        ("nordic_owner", "owner@nordic.test"))}
    stop = threading.Event()
    loads = [Load(s, keys, OPS_PER_CLIENT, seed, stop) for seed in range(CLIENTS)]
    threads = [threading.Thread(target=l.run, daemon=True) for l in loads]
    for t in threads:
        t.start()

    recoveries = []          # (what, seconds from the restart to a 200)
    rnd = random.Random(7)
    for i in range(WORKER_KILLS):
        time.sleep(0.8)
        sup = s.fcgi_supervisor()
        workers = stackmod.children(sup)
        assert workers, "no worker to kill"
        victim = rnd.choice(workers)
        os.kill(victim, signal.SIGKILL)
        # restarted: a new worker pid under the supervisor
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            now = stackmod.children(sup)
            if victim not in now and len(now) == len(workers):
                break
            time.sleep(0.01)
        took = healthy_within(s, 5)
        assert took is not None and took < 1.0, "worker kill %d: no answer within 1 s" % i
        recoveries.append(("worker", took))
    time.sleep(0.8)
    sup = s.fcgi_supervisor()
    killed = time.monotonic()
    os.kill(sup, signal.SIGKILL)
    deadline = time.monotonic() + 10
    new = None
    while time.monotonic() < deadline:
        new = s.fcgi_supervisor()
        if new not in (None, sup):
            break
        time.sleep(0.01)
    assert new not in (None, sup), "the supervisor was not restarted"
    took = healthy_within(s, 5)
    assert took is not None and took < 1.0, "supervisor restart: no answer within 1 s (%r)" % took
    recoveries.append(("supervisor", took))
    from_kill = time.monotonic() - killed
    time.sleep(1)
    stop.set()
    for t in threads:
        t.join(120)
        assert not t.is_alive(), "a client did not finish"

    acked = [a for l in loads for a in l.acked]
    answers = {}
    for l in loads:
        for k, v in l.answers.items():
            answers[k] = answers.get(k, 0) + v
    assert len(acked) > 100, answers
    kinds = {}
    for kind, _ in acked:
        kinds[kind] = kinds.get(kind, 0) + 1
    assert kinds.get("note", 0) > 10 and kinds.get("file", 0) > 10, kinds
    for kind, data in acked:
        check_acked(s.db, kind, data)
    check_whole(s.db)
    assert sql(s.db, "PRAGMA integrity_check") == [("ok",)]
    failed = sum(v for k, v in answers.items() if not (isinstance(k, int) and k < 300))
    print("\nkill: acknowledged by kind: %s" % ", ".join(
        "%s %d" % kv for kv in sorted(kinds.items())))
    print("\nkill: %d writes sent, %d acknowledged and all found whole (0 lost), %d not "
          "acknowledged (%s); %d worker kills + 1 supervisor kill; answered again %s s after "
          "each restart (%.2f s after the supervisor's kill); integrity_check ok" % (sum(answers.values()), len(acked), failed,
                                         ", ".join("%s: %d" % kv for kv in sorted(
                                             answers.items(), key=str)), WORKER_KILLS,
                                         "/".join("%.2f" % t for _, t in recoveries),
                                         from_kill))
