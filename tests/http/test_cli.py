"""The `reqdesk` command on a database of its own (no stack): demo data
only into a new database, backups that are complete and private, key
revocation that says when there was nothing to revoke, `-c` over
REQDESK_CONFIG, and `check` naming a missing templates directory."""

import os
import shutil
import sqlite3
import stat
import subprocess

import pytest

import stack as stackmod


@pytest.fixture
def cli(build_dir, repo):
    """run(*args, stdin=None, **env) -> CompletedProcess, on a fresh
    database in a private directory."""
    tmp = stackmod.short_tempdir()
    db = os.path.join(tmp, "reqdesk.db")
    base = {k: v for k, v in os.environ.items()
            if k in ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "ASAN_OPTIONS",
                     "UBSAN_OPTIONS")}
    base.update({"REQDESK_CONFIG": str(repo / "conf" / "reqdesk.conf"),
                 "REQDESK_TEMPLATES": str(repo / "templates"),
                 "REQDESK_CATALOG": str(repo / "conf" / "catalog")})

    def run(*args, stdin=None, db_path=db, **env):
        cmd = [str(build_dir / "reqdesk")] + (["--db", db_path] if db_path else []) + list(args)
        return subprocess.run(cmd, input=stdin, capture_output=True, text=True,
                              timeout=120, env=dict(base, **env))
    run.db = db
    run.dir = tmp
    yield run
    shutil.rmtree(tmp, ignore_errors=True)


def test_demo_only_into_a_new_database(cli):
    assert cli("init").returncode == 0
    r = cli("user", "add", "--email", "boss@operator.test", "--name", "Boss",
            "--level", "ADMIN", stdin="a-real-secret-1\n")
    assert r.returncode == 0, r.stderr
    r = cli("demo")
    assert r.returncode != 0
    assert "already holds data" in r.stderr
    con = sqlite3.connect(cli.db)
    assert con.execute("SELECT count(*) FROM users").fetchone()[0] == 1
    con.close()


def test_backup_is_complete_and_private(cli):
    assert cli("demo").returncode == 0
    dest = os.path.join(cli.dir, "copy.db")
    r = cli("backup", dest)
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(os.stat(dest).st_mode) == 0o600
    assert sorted(os.listdir(cli.dir)) == sorted(
        f for f in os.listdir(cli.dir) if ".tmp-" not in f)
    con = sqlite3.connect(dest)
    assert con.execute("SELECT count(*) FROM customers").fetchone()[0] == 3
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    # a second backup replaces the first
    assert cli("backup", dest).returncode == 0
    # a directory that cannot be written: an error, no file
    r = cli("backup", os.path.join(cli.dir, "nope", "copy.db"))
    assert r.returncode == 1 and not os.path.exists(os.path.join(cli.dir, "nope"))


def test_revoking_twice_says_there_was_nothing_left(cli):
    assert cli("demo").returncode == 0
    key = cli("apikey", "create", "--user", "owner@acme.test").stdout.strip()
    prefix = key[:12]
    r = cli("apikey", "revoke", prefix)
    assert r.returncode == 0 and "1 key(s) revoked" in r.stdout, (r.stdout, r.stderr)
    r = cli("apikey", "revoke", prefix)
    assert r.returncode == 1 and "no active API key with prefix" in r.stderr


def test_dash_c_wins_over_the_environment(cli):
    here = os.path.join(cli.dir, "here.db")
    there = os.path.join(cli.dir, "there.db")
    for name, db in (("here.conf", here), ("there.conf", there)):
        with open(os.path.join(cli.dir, name), "w") as f:
            f.write("[storage]\ndatabase = %s\n" % db)
    r = cli("-c", os.path.join(cli.dir, "here.conf"), "init", db_path=None,
            REQDESK_CONFIG=os.path.join(cli.dir, "there.conf"))
    assert r.returncode == 0, r.stderr
    assert os.path.exists(here) and not os.path.exists(there)


def test_check_names_a_missing_templates_directory(cli):
    assert cli("init").returncode == 0
    r = cli("check", REQDESK_TEMPLATES="/nonexistent/templates")
    assert r.returncode == 1
    assert "templates: /nonexistent/templates is not a readable directory" in r.stderr
    assert cli("check").returncode == 0
