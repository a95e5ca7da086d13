"""Backup and restore drill (docs/OPERATIONS.md, "Backup and restore").

`reqdesk backup` is taken while a mixed write load runs through nginx;
`reqdesk restore FILE` puts it into an empty data directory, where a new
desk starts and serves everything acknowledged before the backup began.
restore refuses a data directory that is not empty (unless --force, which
moves the old database aside), a file that is not a sound reqdesk
database, and a schema newer than the program's, changing nothing.

Figures for docs/RELIABILITY.md are printed as a "backup:" line.
"""

import os
import shutil
import sqlite3
import subprocess
import threading
import time

import stack as stackmod
from conftest import make_api_key
from test_kill import Load, check_acked, check_whole


def cli(build, db, *args):
    return subprocess.run([os.path.join(str(build), "reqdesk"), "--db", db] + list(args),
                          capture_output=True, text=True, timeout=120)


def test_backup_during_load_and_restore(fresh_stack, tmp_path):
    s = fresh_stack(REQDESK_WORKERS="2", REQDESK_MAILER="0")
    keys = {role: make_api_key(s, email) for role, email in (
        ("admin", "admin@reqdesk.test"), ("acme_owner", "owner@acme.test"),
        ("nordic_owner", "owner@nordic.test"))}
    stop = threading.Event()
    loads = [Load(s, keys, 400, seed, stop) for seed in range(3)]
    threads = [threading.Thread(target=l.run, daemon=True) for l in loads]
    for t in threads:
        t.start()
    time.sleep(2)
    # Acknowledged before the backup starts: the answers received by now.
    before = [a for l in loads for a in list(l.acked)]
    backup = str(tmp_path / "desk.backup")
    started = time.monotonic()
    out = cli(s.build, s.db, "backup", backup)
    took = time.monotonic() - started
    assert out.returncode == 0, out.stderr
    time.sleep(0.5)
    stop.set()
    for t in threads:
        t.join(60)
    total = sum(len(l.acked) for l in loads)

    # Into an empty data directory.
    data = stackmod.short_tempdir()
    try:
        db = os.path.join(data, "reqdesk.db")
        out = cli(s.build, db, "restore", backup)
        assert out.returncode == 0, out.stderr
        assert "restored from" in out.stdout
        # A second restore into what is now a data directory is refused.
        out = cli(s.build, db, "restore", backup)
        assert out.returncode == 1 and "not empty" in out.stderr, out.stderr
        for kind, ident in before:
            check_acked(db, kind, ident)
        check_whole(db)
        restored = stackmod.start_stack(log_name="restored", data=data, REQDESK_MAILER="0")
        try:
            for kind, ident in before:
                if kind == "orange":
                    r = restored.get("/ordering/b2b/v2/requests/%s" % ident,
                                     headers={"X-API-Key": keys["acme_owner"]})
                    assert r.status_code == 200, (ident, r.status_code)
                elif kind == "inet":
                    r = restored.get("/internet/request/%s" % ident,
                                     headers={"X-API-Key": keys["nordic_owner"]})
                    assert r.status_code == 200, (ident, r.status_code)
        finally:
            restored.close()
    finally:
        shutil.rmtree(data, ignore_errors=True)
    print("\nbackup: taken in %.2f s under load; %d writes acknowledged before it began, all "
          "served by the restored desk (0 lost); %d acknowledged in all" % (took, len(before),
                                                                           total))


def test_restore_refusals(build_dir, tmp_path):
    src = str(tmp_path / "src.db")
    assert cli(build_dir, src, "demo").returncode == 0
    backup = str(tmp_path / "good.backup")
    assert cli(build_dir, src, "backup", backup).returncode == 0

    target = tmp_path / "data"
    target.mkdir()
    db = str(target / "reqdesk.db")
    # not a database
    junk = tmp_path / "junk"
    junk.write_bytes(b"not a database at all" * 100)
    out = cli(build_dir, db, "restore", str(junk))
    assert out.returncode == 1 and "nothing restored" in out.stderr, out.stderr
    assert os.listdir(str(target)) == []
    # a damaged one
    damaged = tmp_path / "damaged.backup"
    raw = bytearray(open(backup, "rb").read())
    for i in range(8192, min(len(raw), 8192 + 4096)):
        raw[i] = 0xA5
    damaged.write_bytes(bytes(raw))
    out = cli(build_dir, db, "restore", str(damaged))
    assert out.returncode == 1 and "nothing restored" in out.stderr, out.stderr
    assert os.listdir(str(target)) == []
    # a schema newer than the program's
    newer = str(tmp_path / "newer.backup")
    shutil.copy(backup, newer)
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 999")
    con.close()
    out = cli(build_dir, db, "restore", newer)
    assert out.returncode == 1 and "newer" in out.stderr, out.stderr
    assert os.listdir(str(target)) == []
    # not empty: refused; --force moves the old database aside
    out = cli(build_dir, db, "restore", backup)
    assert out.returncode == 0, out.stderr
    out = cli(build_dir, db, "restore", backup)
    assert out.returncode == 1 and "not empty" in out.stderr
    out = cli(build_dir, db, "restore", backup, "--force")
    assert out.returncode == 0, out.stderr
    assert any(n.startswith("reqdesk.db.replaced-") for n in os.listdir(str(target)))
    out = cli(build_dir, db, "restore")
    assert out.returncode == 2
