"""Fixtures for the HTTP tests: whole stacks started with `./dev serve`.

  stack        one stack shared by the whole session (most tests)
  fresh_stack  factory for tests that break things (kill processes, damage
               the database): fresh_stack(**env) -> Stack, stopped and
               removed after the test
"""

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import stack as stackmod  # noqa: E402


@pytest.fixture(scope="session")
def stack():
    s = stackmod.start_stack(log_name="session")
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def fresh_stack(request):
    started = []

    def make(**env):
        name = request.node.name
        if started:
            name += "-%d" % len(started)
        s = stackmod.start_stack(log_name=name, **env)
        started.append(s)
        return s

    yield make
    errors = []
    for s in started:
        try:
            s.close()
        except BaseException as e:  # pytest.fail raises a BaseException
            errors.append(str(e))
    if errors:
        pytest.fail("\n".join(errors), pytrace=False)


@pytest.fixture
def build_dir():
    return stackmod.require_build()


@pytest.fixture
def repo():
    return stackmod.REPO


@pytest.fixture
def test_output():
    return stackmod.output_dir()


# ---- credentials of the demo world ----------------------------------------

DEMO_PASSWORD = "demo-pass-1"
DEMO_USERS = {
    "admin": "admin@reqdesk.test",
    "fdj_owner": "owner@fdj.test",
    "fdj_viewer": "viewer@fdj.test",
    "acme_owner": "owner@acme.test",
    "acme_manager": "manager@acme.test",
    "nordic_owner": "owner@nordic.test",
    "nordic_it": "it@nordic.test",
    "reseller": "sales@netpartner.test",
}


def make_api_key(s, email):
    """A new API key for `email` on stack `s`, made with the real CLI."""
    import subprocess
    out = subprocess.run(
        [os.path.join(s.build, "reqdesk"), "--db", s.db, "apikey", "create",
         "--user", email],
        check=True, capture_output=True, text=True, timeout=30)
    key = out.stdout.strip()
    assert key.startswith("rqk_") and "\n" not in key, out.stdout
    return key


@pytest.fixture(scope="session")
def keys(stack):
    """API keys of every demo user on the session stack, by role name
    (admin, fdj_owner, fdj_viewer, acme_owner, acme_manager, nordic_owner,
    nordic_it, reseller): use as headers={"X-API-Key": keys["admin"]}."""
    return {role: make_api_key(stack, email) for role, email in DEMO_USERS.items()}


def api(stack, key):
    """Headers for a JSON call with an API key."""
    return {"X-API-Key": key, "Content-Type": "application/json"}


def browser_login(s, email, password=DEMO_PASSWORD):
    """A requests.Session logged in through the real /login form of stack
    `s`; returns (session, csrf) where csrf is the session's form token
    (read from the logout form of the home page)."""
    import re
    sess = stackmod.http_session()
    r = sess.get(s.url("/login"), timeout=10)
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', r.text).group(1)
    r = sess.post(s.url("/login"), data={"email": email, "password": password,
                  "csrf": token}, allow_redirects=False, timeout=30)
    assert r.status_code == 303, (r.status_code, r.text[:500])
    home = sess.get(s.url("/"), timeout=10)
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', home.text).group(1)
    return sess, csrf
