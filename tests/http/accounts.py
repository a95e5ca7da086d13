"""Helpers for the tests of accounts and access (test_auth.py,
test_admin_users.py): the database seen with the sqlite3 CLI, the
hash under which a secret is stored, forms of the admin pages, and the
check that no secret reached a log."""

import hashlib
import os
import re
import subprocess
import time
import uuid

import stack as stackmod

DEMO_PASSWORD = "demo-pass-1"
CSRF_FIELD = re.compile(r'name="csrf" value="([0-9a-f]+)"')
API_KEY = re.compile(r"rqk_[0-9a-f]{64}")


def sql(s, statement):
    """Run one SQL statement on stack `s`'s database with the sqlite3 CLI
    (as an operator would); returns its output, '|'-separated."""
    out = subprocess.run(["sqlite3", "-cmd", ".timeout 10000", s.db, statement],
                         check=True, capture_output=True, text=True, timeout=30)
    return out.stdout.strip()


def secret_hash(secret):
    """The key of a secret's row in `credentials`: BLAKE2b-256, hex (as
    libsodium's crypto_generichash without a key)."""
    return hashlib.blake2b(secret.encode(), digest_size=32).hexdigest()


def now():
    return int(time.time())


def forget_failures(s):
    """Forget every failed login on stack `s`, so that the failures a test
    made on purpose cannot slow the logins of the tests after it (they all
    come from 127.0.0.1)."""
    sql(s, "DELETE FROM login_failures")


def unique_email(tag):
    return "%s-%s@accounts.test" % (tag, uuid.uuid4().hex[:10])


def csrf_of(html):
    m = CSRF_FIELD.search(html)
    assert m, "no csrf field in the page: %.500s" % html
    return m.group(1)


def api_login(s, email, password=DEMO_PASSWORD):
    """POST /auth/login; returns the response."""
    return s.post("/auth/login", json={"email": email, "password": password}, timeout=30)


def form_login(s, email, password=DEMO_PASSWORD):
    """Log in through the /login form with a new session; returns
    (session, response of the POST)."""
    sess = stackmod.http_session()
    page = sess.get(s.url("/login"), timeout=10)
    resp = sess.post(s.url("/login"), data={"email": email, "password": password,
                     "csrf": csrf_of(page.text)}, allow_redirects=False, timeout=30)
    return sess, resp


def set_cookies(resp):
    """Every Set-Cookie header of a response, as raw strings."""
    headers = resp.raw.headers
    return list(headers.getlist("Set-Cookie")) if hasattr(headers, "getlist") \
        else [v for k, v in headers.items() if k.lower() == "set-cookie"]


def add_user(s, admin, csrf, level="VIEWER", customer="FDJ", reseller="",
             password="initial-pass-1", email=None, name="Test User"):
    """Add a user through the admin form; returns (user id, email)."""
    email = email or unique_email(level.lower())
    r = admin.post(s.url("/admin/users"), data={
        "csrf": csrf, "email": email, "name": name, "phone": "+33 1 00 00 00 00",
        "level": level, "customer": customer, "reseller": reseller,
        "password": password}, allow_redirects=False, timeout=30)
    assert r.status_code == 303, (r.status_code, r.text[:2000])
    m = re.match(r"^/admin/users/([0-9a-f]{24})\?done=added$", r.headers["Location"])
    assert m, r.headers["Location"]
    return m.group(1), email


def log_texts(s):
    """(name, text) of every log of stack `s`: the output of ./dev serve
    and the reqdesk workers, then each nginx log."""
    out = []
    with open(s.log_path, errors="replace") as f:
        out.append((str(s.log_path), f.read()))
    logdir = os.path.join(s.data, "log")
    for name in sorted(os.listdir(logdir)) if os.path.isdir(logdir) else []:
        with open(os.path.join(logdir, name), errors="replace") as f:
            out.append((name, f.read()))
    return out


# Lines of the start-up banners of `./dev serve` and `reqdesk demo` that
# tell a person the (documented, public) demo password on purpose.
BANNER = re.compile(r"(log in with one of these, password|"
                    r"with any of these \(password) " + re.escape(DEMO_PASSWORD))


def assert_no_secrets(s, secrets):
    """Fail if a log of stack `s` holds one of `secrets` (passwords,
    tokens, session cookies, API keys).  The demo password is allowed
    only in the start-up banners that print it for people."""
    secrets = [x for x in set(secrets) if x]
    for name, text in log_texts(s):
        for line in text.splitlines():
            for secret in secrets:
                if secret == DEMO_PASSWORD and BANNER.search(line):
                    continue
                assert secret not in line, "a secret (%s...) is in %s: %s" % (
                    secret[:4], name, line.replace(secret, "<SECRET>")[:300])
