"""Full disk and read-only storage under a running desk.

The data directory is a small ext4 file system made by the test (an
image on a loop device, mounted with errors=remount-ro), so that the
desk meets what a real disk does:

- full: the test fills it until writes fail.  Orange creations answer
  422 / 3623 ("Internal Ordering System not available"), the other writes
  503 `unavailable` in their family's shape (replies and files on
  requests of both families included); reads and the credentials
  already given keep working; nothing partial is stored; the mailer keeps
  its queue; once space is freed, writes work again with no restart.
- read-only: the kernel's emergency read-only remount (what ext4 does
  after an I/O error, triggered through /sys/fs/ext4/DEV/trigger_fs_error):
  the same refusals, reads keep working, nothing partial.  Getting out of
  it needs the file system repaired and mounted again (docs/OPERATIONS.md).

Needs root and loop devices; skipped with the reason otherwise.
Figures for docs/RELIABILITY.md are printed as "storage:" lines.
"""

import base64
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile

import pytest

import bodies
import inet
import mailtools
import stack as stackmod
from conftest import api, browser_login, make_api_key, DEMO_PASSWORD
from test_kill import check_whole


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


@pytest.fixture
def small_fs():
    """An empty ext4 file system of 12 MiB mounted on a short path (the
    socket lives there), unmounted and removed after the test."""
    if os.geteuid() != 0:
        pytest.skip("mounting a loop file system needs root")
    for tool in ("mkfs.ext4", "mount", "umount"):
        if shutil.which(tool) is None:
            pytest.skip("%s not found (Debian: e2fsprogs, mount)" % tool)
    top = tempfile.mkdtemp(prefix="rqd-fs-", dir="/tmp")
    img, mnt = os.path.join(top, "img"), os.path.join(top, "d")
    os.mkdir(mnt)
    with open(img, "wb") as f:
        f.truncate(12 * 1024 * 1024)
    out = run("mkfs.ext4", "-q", "-F", "-m", "0", img)
    assert out.returncode == 0, out.stderr
    out = run("mount", "-o", "loop,errors=remount-ro", img, mnt)
    if out.returncode != 0:
        shutil.rmtree(top, ignore_errors=True)
        pytest.skip("cannot mount a loop file system here: %s" % out.stderr.strip())
    try:
        yield mnt
    finally:
        for _ in range(3):
            if run("umount", mnt).returncode == 0:
                break
            run("sleep", "1")
        else:
            run("umount", "-l", mnt)
        shutil.rmtree(top, ignore_errors=True)


def fill(path):
    """Write a ballast file until the file system says ENOSPC."""
    ballast = os.path.join(path, "ballast")
    with open(ballast, "wb", buffering=0) as f:
        for size in (1 << 20, 1 << 12, 1 << 9):
            try:
                while True:
                    f.write(b"\0" * size)
                    os.fsync(f.fileno())
            except OSError:
                pass
    return ballast


class Writes:
    """The writes of a test and what they answered."""

    def __init__(self, s):
        self.s = s
        self.keys = {role: make_api_key(s, email) for role, email in (
            ("admin", "admin@reqdesk.test"), ("acme_owner", "owner@acme.test"),
            ("nordic_owner", "owner@nordic.test"))}
        self.acked = []

    def post(self, role, path, body):
        return self.s.post(path, headers=api(self.s, self.keys[role]), data=json.dumps(body))

    def orange(self):
        r = self.post("acme_owner", "/ordering/b2b/v2/requests",
                      bodies.disconnect_body(ref="DISK-%d" % len(self.acked)))
        if r.status_code == 201:
            self.acked.append(("orange", r.json()["id"]))
        return r

    def internet(self):
        r = self.post("nordic_owner", "/internet/request", inet.fiber_body())
        if r.status_code == 201:
            self.acked.append(("inet", r.json()["_id"]))
        return r

    def status(self, rid):
        return self.post("admin", "/ordering/b2b/v2/requests/%s/status" % rid,
                         {"status": "IN_PROGRESS", "comment": "disk"})

    def conversation(self, family, files):
        """A reply, or a file, on the first request of `family` this test made."""
        orange = family == "orange"
        rid = next(d for k, d in self.acked if k == family)
        path = ("/ordering/b2b/v2/requests/%s" if orange else "/internet/request/%s") % rid
        text = "disk %d" % len(self.acked)
        role = "acme_owner" if orange else "nordic_owner"
        if files:
            data = (text + "\n").encode()
            body = {"name": "disk.txt", "body": base64.b64encode(data).decode()}
            if orange:
                body["format"] = "txt"
            r = self.post(role, path + "/attachments", body)
            if r.status_code == 201:
                self.acked.append(("file", (r.json()["id" if orange else "_id"], rid,
                                            hashlib.sha256(data).hexdigest(), len(data))))
        else:
            r = self.post(role, path + "/notes",
                          {"title": "Disk", "body": text} if orange else {"text": text})
            if r.status_code == 201:
                self.acked.append(("note", (r.json()["id" if orange else "_id"], rid, text)))
        return r

    def check(self, db):
        from test_kill import check_acked
        for kind, data in self.acked:
            check_acked(db, kind, data)
        check_whole(db)
        con = sqlite3.connect(db)
        try:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            con.close()


def assert_refused(w):
    """While storage refuses writes: each write refused in its family's
    shape, nothing acknowledged."""
    r = w.orange()
    assert r.status_code == 422 and r.json()["code"] == 3623, (r.status_code, r.text)
    assert r.json()["message"] == "Internal Ordering System not available"
    r = w.internet()
    assert r.status_code == 503 and r.json()["error"]["code"] == "unavailable", r.text
    rid = next(d for k, d in w.acked if k == "orange")
    r = w.status(rid)
    assert r.status_code == 503 and r.json()["code"] == 5, (r.status_code, r.text)
    for files in (False, True):
        r = w.conversation("orange", files)
        assert r.status_code == 503 and r.json()["code"] == 5, (r.status_code, r.text)
        r = w.conversation("inet", files)
        assert r.status_code == 503 and r.json()["error"]["code"] == "unavailable", r.text


def assert_reads(w, session):
    s = w.s
    key = w.keys["acme_owner"]
    r = s.get("/ordering/b2b/v2/requests", headers={"X-API-Key": key})
    assert r.status_code == 200 and int(r.headers["X-Total-Count"]) >= 1, r.text
    rid = next(d for k, d in w.acked if k == "orange")
    assert s.get("/ordering/b2b/v2/requests/%s" % rid, headers={"X-API-Key": key}) \
        .status_code == 200
    iid = next(d for k, d in w.acked if k == "inet")
    assert s.get("/internet/request/%s" % iid,
                 headers={"X-API-Key": w.keys["nordic_owner"]}).status_code == 200
    assert session.get(s.url("/"), timeout=10).status_code == 200   # a session goes on
    for path, role in (("/ordering/b2b/v2/requests/%s" % rid, "acme_owner"),
                       ("/internet/request/%s" % iid, "nordic_owner")):
        for what in ("notes", "attachments"):
            r = s.get(path + "/" + what, headers={"X-API-Key": w.keys[role]})
            assert r.status_code == 200, (path, what, r.status_code, r.text)


def serving(s):
    """./dev serve has done its start-up (it answers /healthz before its
    mail services are up, and must write its files while it can)."""
    mailtools.wait_for(lambda: "reqdesk is running on" in open(s.log_path).read(),
                       timeout=20, what="./dev serve's start-up")
    return s


def copy_db(s, where):
    """The database files copied out (the file system may be read-only)."""
    for suffix in ("", "-wal"):
        if os.path.exists(s.db + suffix):
            shutil.copy(s.db + suffix, os.path.join(where, "copy.db" + suffix))
    return os.path.join(where, "copy.db")


def test_full_disk(small_fs, fresh_stack, tmp_path):
    s = serving(fresh_stack(data=small_fs, REQDESK_MAILER="0"))
    w = Writes(s)
    session, _ = browser_login(s, "owner@acme.test")
    for _ in range(2):
        assert w.orange().status_code == 201
        assert w.internet().status_code == 201
    for family in ("orange", "inet"):
        for files in (False, True):
            assert w.conversation(family, files).status_code == 201
    pids = (s.fcgi_supervisor(), stackmod.children(s.fcgi_supervisor()))

    ballast = fill(small_fs)
    tries = 0
    while tries < 400:
        tries += 1
        r = w.orange()
        if r.status_code != 201:
            break
    assert r.status_code == 422 and r.json()["code"] == 3623, (tries, r.status_code, r.text)
    full_after = len(w.acked)

    assert_refused(w)
    assert_reads(w, session)
    r = s.post("/auth/login", json={"email": "owner@nordic.test", "password": DEMO_PASSWORD})
    login = r.status_code
    assert login in (200, 503), (login, r.text)        # never a 500
    assert s.get("/healthz").status_code in (200, 503)

    # The mailer keeps its queue: the relay is down and nothing may be
    # written, and no message is lost, sent or dead.
    before = {r["id"]: r["state"] for r in mailtools.outbox(s.db)}
    env = dict(os.environ, REQDESK_CONFIG=str(stackmod.REPO / "conf" / "reqdesk.conf"),
               REQDESK_DB=s.db, REQDESK_TEMPLATES=str(stackmod.REPO / "templates"),
               REQDESK_SMTP_URL="smtp://127.0.0.1:%d" % mailtools.free_port(),
               REQDESK_SMTP_TIMEOUT_S="2")
    out = subprocess.run([os.path.join(s.build, "reqdesk-mailer"), "--once"], env=env,
                         capture_output=True, text=True, timeout=60)
    after = {r["id"]: r["state"] for r in mailtools.outbox(s.db)}
    assert set(after) == set(before), "messages lost"
    assert all(st in ("queued", "sending") for st in after.values()), after

    w.check(copy_db(s, str(tmp_path)))

    # Space again: writes work with no restart.
    os.unlink(ballast)
    assert w.orange().status_code == 201
    assert w.internet().status_code == 201
    assert (s.fcgi_supervisor(), stackmod.children(s.fcgi_supervisor())) == pids
    w.check(s.db)
    print("\nstorage: disk full after %d acknowledged writes: Orange 3623, others 503 (notes and files too), "
          "reads 200, new login %d, %d queued messages kept; writes again once freed, "
          "no restart; 0 partial" % (full_after, login, len(before)))


def test_read_only_file_system(small_fs, fresh_stack, tmp_path):
    dev = run("findmnt", "-n", "-o", "SOURCE", small_fs).stdout.strip()
    trigger = "/sys/fs/ext4/%s/trigger_fs_error" % os.path.basename(dev)
    if not os.path.exists(trigger):
        pytest.skip("%s missing: this kernel cannot make ext4 read-only on demand" % trigger)
    s = serving(fresh_stack(data=small_fs, REQDESK_MAILER="0"))
    w = Writes(s)
    session, _ = browser_login(s, "owner@acme.test")
    for _ in range(2):
        assert w.orange().status_code == 201
        assert w.internet().status_code == 201
    for family in ("orange", "inet"):
        for files in (False, True):
            assert w.conversation(family, files).status_code == 201
    with open(trigger, "w") as f:
        f.write("reqdesk test\n")
    opts = run("findmnt", "-n", "-o", "OPTIONS", small_fs).stdout.strip().split(",")
    assert "ro" in opts or "emergency_ro" in opts, opts
    assert_refused(w)
    assert_refused(w)
    assert_reads(w, session)
    assert s.get("/healthz").status_code in (200, 503)
    w.check(copy_db(s, str(tmp_path)))
    print("\nstorage: file system read-only under the desk: Orange 3623, others 503 (notes and files too), "
          "reads 200; 0 partial")
