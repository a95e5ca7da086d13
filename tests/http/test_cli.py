"""The `reqdesk` command, mostly on a database of its own: demo data
only into a new database, backups that are complete and private, key
revocation that says when there was nothing to revoke, `-c` over
REQDESK_CONFIG, and `check` naming a missing templates directory; on the
session stack's database, `user add` keeping a long password whole (the
user then logs in with it) and refusing what the admin form refuses (with
its words), `apikey create` a label the form refuses, and every command
a stray word; on a stack of its own, `backup` refusing to write onto the
live database or the files beside it."""

import os
import shutil
import sqlite3
import stat
import subprocess

import pytest

import stack as stackmod
from accounts import api_login, forget_failures, sql, unique_email


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
    assert con.execute("SELECT count(*) FROM customers").fetchone()[0] == 4
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


def stack_cli(stack, *args, stdin=None, cwd=None):
    """The real CLI on a stack's database."""
    return subprocess.run([os.path.join(stack.build, "reqdesk"), "--db", stack.db]
                          + list(args), input=stdin, capture_output=True,
                          text=True, timeout=60, cwd=cwd)


def test_user_add_keeps_a_long_password_whole(stack):
    # 300 characters, of which 20 take two bytes: more than a 255-byte
    # line, less than the form's 1024 characters.
    password = "long-" + "x" * 275 + "\u00e9" * 20
    email = unique_email("longpw")
    r = stack_cli(stack, "user", "add", "--email", email, "--name", "Long Password",
                  "--level", "ADMIN", stdin=password + "\n")
    assert r.returncode == 0, r.stderr
    try:
        assert api_login(stack, email, password).status_code == 200
        # what a 255-byte buffer kept is not the password
        assert api_login(stack, email, password.encode()[:255].decode(
            errors="ignore")).status_code == 401
        # a line end from a CRLF file is not part of the password
        email2 = unique_email("crlf")
        r = stack_cli(stack, "user", "add", "--email", email2, "--name", "CRLF",
                      "--level", "ADMIN", stdin="crlf-pass-1\r\n")
        assert r.returncode == 0, r.stderr
        assert api_login(stack, email2, "crlf-pass-1").status_code == 200
    finally:
        forget_failures(stack)


@pytest.mark.parametrize("password, message", [
    ("", "This field is required."),
    ("short", "At least 8 characters are required."),
    ("x" * 1025, "At most 1024 characters are allowed."),
    ("ctrl-\x01-char", "Only printable characters are allowed."),
    ("nul-\x00-in-the-middle", "Only printable characters are allowed."),
], ids=["empty", "short", "too-long", "control", "nul"])
def test_user_add_refuses_what_the_form_refuses_as_a_password(stack, password, message):
    email = unique_email("badpw")
    r = stack_cli(stack, "user", "add", "--email", email, "--name", "Bad Password",
                  "--level", "ADMIN", stdin=password + "\n")
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert message in r.stderr
    assert password not in r.stderr or password == ""
    assert sql(stack, "SELECT count(*) FROM users WHERE email = '%s'" % email) == "0"
    # 1024 characters are still taken, as the form takes them
    if message.startswith("At most"):
        r = stack_cli(stack, "user", "add", "--email", email, "--name", "Max",
                      "--level", "ADMIN", stdin=password[:1024] + "\n")
        assert r.returncode == 0, r.stderr


USAGE = "usage: reqdesk user add --email E"


@pytest.mark.parametrize("change, message", [
    ({"--name": ""}, "reqdesk: --name: This field is required."),
    ({"--name": "   "}, "reqdesk: --name: This field is required."),
    ({"--name": "Red\x1b[31m"}, "reqdesk: --name: Only printable characters are allowed."),
    ({"--name": "Two\nlines"}, "reqdesk: --name: Only printable characters are allowed."),
    ({"--name": "N" * 201}, "reqdesk: --name: At most 200 characters are allowed."),
    ({"--phone": "call me; DROP"}, "reqdesk: --phone: Use digits, spaces and + ( ) - only."),
    ({"--email": "someone@localhost"},
     "reqdesk: --email: Enter an e-mail address such as name@example.com."),
    ({"--email": "jean(x)@acme.test"},
     "reqdesk: --email: Enter an e-mail address such as name@example.com."),
    ({"--level": "BOSS"}, "reqdesk: --level: Choose one of VIEWER, MANAGER, OWNER"),
    ({"--customer": "FDJ; x"}, "reqdesk: --customer: Choose one from the list."),
    ({"stray": None}, USAGE),
    ({"--": None, "--name": None}, USAGE),
], ids=["empty-name", "blank-name", "escape-in-name", "newline-in-name",
        "long-name", "phone", "no-dot-in-domain", "outbox-rule", "level",
        "customer", "stray-word", "stray-after-dashes"])
def test_user_add_refuses_what_the_form_refuses(stack, change, message):
    """A good user add with one thing changed: an option's value, or
    words added at the end (those whose value is None)."""
    given = {"--email": unique_email("refused"), "--name": "Refused",
             "--level": "VIEWER", "--customer": "FDJ",
             "--phone": "+33 1 00 00 00 00"}
    given.update({k: v for k, v in change.items() if v is not None})
    words = [w for opt, value in given.items() for w in (opt, value)]
    words += [k for k, v in change.items() if v is None]
    r = stack_cli(stack, "user", "add", *words, stdin="good-pass-1\n")
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert message in r.stderr, r.stderr
    assert "\x1b" not in r.stderr   # a refused value is not echoed
    assert sql(stack, "SELECT count(*) FROM users WHERE email = '%s'"
               % given["--email"].replace("'", "''")) == "0"


def test_user_add_stores_what_the_form_would(stack):
    # Trimmed as the form trims; a blank phone is no phone.
    email = unique_email("trimmed")
    r = stack_cli(stack, "user", "add", "--email", " %s " % email, "--name",
                  "  Trimmed Name ", "--level", "VIEWER", "--customer", "FDJ",
                  "--phone", " ", stdin="good-pass-1\n")
    assert r.returncode == 0, r.stderr
    assert sql(stack, "SELECT name, quote(phone) FROM users WHERE email = '%s'"
               % email) == "Trimmed Name|NULL"


def test_apikey_create_refuses_what_the_form_refuses(stack):
    before = sql(stack, "SELECT count(*) FROM credentials")
    for args, message in [(["--label", "\x01"], "reqdesk: --label: Only printable characters are allowed."),
                          (["--label", "L" * 101], "reqdesk: --label: At most 100 characters are allowed."),
                          (["stray"], "usage: reqdesk apikey create --user EMAIL")]:
        r = stack_cli(stack, "apikey", "create", "--user", "owner@fdj.test", *args)
        assert r.returncode == 2, (args, r.returncode, r.stderr)
        assert message in r.stderr, (args, r.stderr)
        assert "rqk_" not in r.stdout
    assert sql(stack, "SELECT count(*) FROM credentials") == before


def test_stray_words_are_refused(cli):
    for args in (["init", "now"], ["demo", "please"], ["check", "all"]):
        r = cli(*args)
        assert r.returncode == 2, (args, r.stderr)
        assert "usage: reqdesk %s\n" % args[0] in r.stderr
    # refused before anything was done: not even the database created
    assert not os.path.exists(cli.db)


def test_backup_refuses_the_live_database_and_its_files(fresh_stack):
    s = fresh_stack()
    data = os.path.dirname(s.db)
    before = os.stat(s.db)
    users = sql(s, "SELECT count(*) FROM users")
    elsewhere = stackmod.short_tempdir()
    try:
        os.symlink(s.db, os.path.join(elsewhere, "link.db"))
        os.symlink(data, os.path.join(elsewhere, "data"))
        os.link(s.db, os.path.join(elsewhere, "hard.db"))
        for dest, cwd in [(s.db, None),
                          ("reqdesk.db", data),
                          (os.path.join(data, "..", os.path.basename(data), "reqdesk.db"), None),
                          (s.db + "-wal", None),
                          (s.db + "-shm", None),
                          (s.db + "-journal", None),
                          (os.path.join(elsewhere, "link.db"), None),
                          (os.path.join(elsewhere, "hard.db"), None),
                          (os.path.join(elsewhere, "data", "reqdesk.db"), None),
                          (os.path.join(elsewhere, "data", "reqdesk.db-wal"), None)]:
            r = stack_cli(s, "backup", dest, cwd=cwd)
            assert r.returncode == 2, (dest, r.returncode, r.stdout, r.stderr)
            assert "is the database being backed up" in r.stderr, (dest, r.stderr)
            assert "backup written" not in r.stdout
        # the live database is the same file, whole, and still serves
        after = os.stat(s.db)
        assert (after.st_dev, after.st_ino) == (before.st_dev, before.st_ino)
        assert sql(s, "PRAGMA integrity_check") == "ok"
        assert sql(s, "SELECT count(*) FROM users") == users
        assert api_login(s, "owner@acme.test", "demo-pass-1").status_code == 200
        assert not [f for f in os.listdir(data) if ".tmp-" in f]
        # another file in the same directory is still a backup
        r = stack_cli(s, "backup", os.path.join(elsewhere, "data", "copy.db"))
        assert r.returncode == 0, r.stderr
        assert os.path.getsize(os.path.join(data, "copy.db")) > 0
    finally:
        shutil.rmtree(elsewhere, ignore_errors=True)
