"""Credentials through nginx: login tokens (POST /auth/login), the 401
codes of both JSON families, browser sessions (login form, CSRF, logout,
idle and absolute expiry), failed-login throttling, CSRF on the admin
forms, and that no secret reaches a log."""

import re

import pytest

import stack as stackmod
from accounts import (API_KEY, DEMO_PASSWORD, add_user, api_login,
                      assert_no_secrets, csrf_of, forget_failures, form_login,
                      now, secret_hash, set_cookies, sql)
from conftest import browser_login, make_api_key

OWNER = "owner@fdj.test"
ADMIN = "admin@reqdesk.test"
VIEWER_ID = "5eed0000000000000000f002"
REQUESTS = "/ordering/b2b/v2/requests"
INET_REQUESTS = "/internet/request"

# Every secret this file handles, checked against the logs at the end.
SECRETS = [DEMO_PASSWORD]


# ------------------------------------------------------------------ helpers

def orange_error(resp, status, code):
    assert resp.status_code == status, resp.text[:500]
    body = resp.json()
    assert body.get("code") == code, body
    assert isinstance(body.get("message"), str) and body["message"], body
    return body


def tcx_error(resp, status, code):
    assert resp.status_code == status, resp.text[:500]
    body = resp.json()
    assert body["error"]["code"] == code, body
    assert body["error"]["status"] == status, body
    assert body["errors"][0] == body["error"], body
    return body


def new_token(stack, email=OWNER):
    r = api_login(stack, email)
    assert r.status_code == 200, r.text[:500]
    token = r.json()["token"]
    SECRETS.append(token)
    return token


def bearer(token):
    return {"Authorization": "Bearer " + token}


def is_anonymous_home(resp):
    """The home page as an anonymous visitor sees it: a way to log in, no
    way to log out."""
    return resp.status_code == 200 and 'href="/login"' in resp.text \
        and 'action="/logout"' not in resp.text


def with_cookie(stack, value):
    """A new session that sends only this session cookie."""
    sess = stackmod.http_session()
    sess.cookies.set("reqdesk_session", value, domain="127.0.0.1", path="/")
    return sess


# ------------------------------------------------------ tokens (JSON API)

def test_api_login_gives_a_token_that_works(stack):
    r = api_login(stack, OWNER)
    assert r.status_code == 200, r.text[:500]
    body = r.json()
    assert set(body) == {"token", "expiresInMinutes"}, body
    assert body["expiresInMinutes"] == 15
    assert isinstance(body["token"], str) and len(body["token"]) >= 32
    SECRETS.append(body["token"])
    r = stack.get(REQUESTS, headers=bearer(body["token"]))
    assert r.status_code == 200, r.text[:500]
    assert isinstance(r.json(), list)


def test_api_login_wrong_password(stack):
    try:
        r = api_login(stack, OWNER, "not-the-password")
        tcx_error(r, 401, "credentials_invalid")
        # An unknown account answers exactly the same.
        r = api_login(stack, "nobody@nowhere.test", "not-the-password")
        tcx_error(r, 401, "credentials_invalid")
    finally:
        forget_failures(stack)


def test_api_login_missing_fields(stack):
    r = stack.post("/auth/login", json={})
    body = tcx_error(r, 422, "email")
    assert [e["code"] for e in body["errors"]] == ["email", "password"], body
    assert all(e["status"] == 422 and e["check"] == "required" for e in body["errors"]), body
    r = stack.post("/auth/login", json={"email": OWNER})
    body = tcx_error(r, 422, "password")
    assert len(body["errors"]) == 1, body


def test_authorization_format_error(stack):
    # Orange family: malformed credentials are "invalid" (41).
    r = stack.get(REQUESTS, headers={"Authorization": "Basic x"})
    orange_error(r, 401, 41)
    # TelecomX family: format_error.
    r = stack.get(INET_REQUESTS, headers={"Authorization": "Basic x"})
    tcx_error(r, 401, "format_error")


def test_orange_401_codes(stack, keys):
    orange_error(stack.get(REQUESTS), 401, 40)
    orange_error(stack.get(REQUESTS, headers={"X-API-Key": "rqk_" + "0" * 64}), 401, 41)
    orange_error(stack.get(REQUESTS, headers=bearer("f" * 64)), 401, 41)
    # A real key works, as X-API-Key or as a bearer.
    SECRETS.append(keys["fdj_owner"])
    assert stack.get(REQUESTS, headers={"X-API-Key": keys["fdj_owner"]}).status_code == 200
    assert stack.get(REQUESTS, headers=bearer(keys["fdj_owner"])).status_code == 200


def test_expired_token(stack):
    token = new_token(stack)
    assert stack.get(REQUESTS, headers=bearer(token)).status_code == 200
    sql(stack, "UPDATE credentials SET expires = %d WHERE hash = '%s'"
        % (now() - 5, secret_hash(token)))
    orange_error(stack.get(REQUESTS, headers=bearer(token)), 401, 42)
    # every later use says the same, not only the first
    orange_error(stack.get(REQUESTS, headers=bearer(token)), 401, 42)
    # TelecomX shape of the same case.
    token = new_token(stack)
    sql(stack, "UPDATE credentials SET expires = %d WHERE hash = '%s'"
        % (now() - 5, secret_hash(token)))
    tcx_error(stack.get(INET_REQUESTS, headers=bearer(token)), 401, "expired")


def test_login_and_health_do_not_read_credentials_sent_along(stack):
    """A script whose token expired logs in again without first dropping its
    Authorization header; a health probe answers whatever it sends."""
    token = new_token(stack)
    sql(stack, "UPDATE credentials SET expires = %d WHERE hash = '%s'"
        % (now() - 5, secret_hash(token)))
    stale = [bearer(token), bearer("f" * 64), {"Authorization": "Basic x"},
             {"X-API-Key": "rqk_" + "0" * 64}]
    for headers in stale:
        r = stack.post("/auth/login", json={"email": OWNER, "password": DEMO_PASSWORD},
                       headers=headers)
        assert r.status_code == 200, (headers, r.text[:500])
        fresh = r.json()["token"]
        SECRETS.append(fresh)
        assert stack.get(REQUESTS, headers=bearer(fresh)).status_code == 200
        r = stack.get("/healthz", headers=headers)
        assert r.status_code == 200 and r.json()["status"] == "ok", (headers, r.text[:500])
    # The header is not read, so it cannot stand in for the password either.
    r = stack.post("/auth/login", json={"email": OWNER, "password": "not-the-password"},
                   headers=bearer(fresh))
    try:
        tcx_error(r, 401, "credentials_invalid")
    finally:
        forget_failures(stack)
    # Every other route still refuses them, public ones included.
    tcx_error(stack.get(INET_REQUESTS, headers=bearer(token)), 401, "expired")
    tcx_error(stack.get("/openapi.json", headers={"Authorization": "Basic x"}),
              401, "format_error")


# -------------------------------------------------------- browser sessions

def test_login_form_sets_a_safe_session_cookie(stack):
    sess = stackmod.http_session()
    page = sess.get(stack.url("/login"), timeout=10)
    assert page.status_code == 200
    csrf = csrf_of(page.text)
    assert any(c.startswith("reqdesk_login=") for c in set_cookies(page))
    r = sess.post(stack.url("/login"), data={"email": OWNER, "password": DEMO_PASSWORD,
                  "csrf": csrf}, allow_redirects=False, timeout=30)
    assert r.status_code == 303, r.text[:500]
    assert r.headers["Location"] == "/"
    cookie = [c for c in set_cookies(r) if c.startswith("reqdesk_session=")]
    assert len(cookie) == 1, set_cookies(r)
    attrs = [a.strip().lower() for a in cookie[0].split(";")]
    assert "httponly" in attrs, cookie
    assert "samesite=lax" in attrs, cookie
    assert "path=/" in attrs, cookie
    SECRETS.append(sess.cookies.get("reqdesk_session"))
    home = sess.get(stack.url("/"), timeout=10)
    assert "Fabienne Dupont" in home.text and 'action="/logout"' in home.text


def test_login_form_wrong_password(stack):
    try:
        sess, r = form_login(stack, OWNER, "not-the-password")
        assert r.status_code == 401, r.text[:500]
        assert "Wrong e-mail address or password." in r.text
        assert 'value="%s"' % OWNER in r.text
        assert "not-the-password" not in r.text
        assert not [c for c in set_cookies(r) if c.startswith("reqdesk_session=")]
    finally:
        forget_failures(stack)


@pytest.mark.parametrize("csrf", [None, "0" * 64])
def test_login_form_needs_its_csrf_token(stack, csrf):
    sess = stackmod.http_session()
    sess.get(stack.url("/login"), timeout=10)
    data = {"email": OWNER, "password": DEMO_PASSWORD}
    if csrf is not None:
        data["csrf"] = csrf
    r = sess.post(stack.url("/login"), data=data, allow_redirects=False, timeout=30)
    assert r.status_code == 403, r.text[:500]
    assert "text/html" in r.headers["Content-Type"]
    assert "reqdesk_session" not in sess.cookies
    assert not [c for c in set_cookies(r) if c.startswith("reqdesk_session=")]


def test_logout_ends_the_session(stack):
    sess, csrf = browser_login(stack, ADMIN)
    cookie = sess.cookies.get("reqdesk_session")
    SECRETS.append(cookie)
    assert with_cookie(stack, cookie).get(stack.url("/admin"), allow_redirects=False,
                                          timeout=10).status_code == 200
    r = sess.post(stack.url("/logout"), data={"csrf": csrf}, allow_redirects=False, timeout=10)
    # to the login page, which says so
    assert r.status_code == 303 and r.headers["Location"] == "/login?out=1", r.text[:300]
    assert "You are logged out." in sess.get(stack.url("/login?out=1"), timeout=10).text
    old = with_cookie(stack, cookie)
    assert is_anonymous_home(old.get(stack.url("/"), timeout=10))
    r = old.get(stack.url("/admin"), allow_redirects=False, timeout=10)
    assert r.status_code == 303 and r.headers["Location"] == "/login?next=%2Fadmin"


def test_logout_needs_the_session_csrf(stack):
    sess, csrf = browser_login(stack, OWNER)
    SECRETS.append(sess.cookies.get("reqdesk_session"))
    r = sess.post(stack.url("/logout"), data={"csrf": "0" * 64}, allow_redirects=False,
                  timeout=10)
    assert r.status_code == 403
    assert "Fabienne Dupont" in sess.get(stack.url("/"), timeout=10).text


@pytest.mark.parametrize("column,value", [
    ("last_used", -2 * 3600),   # idle longer than session_idle_minutes (60)
    ("expires", -1),            # past the absolute end
])
def test_session_expiry(stack, column, value):
    sess, _ = browser_login(stack, ADMIN)
    cookie = sess.cookies.get("reqdesk_session")
    SECRETS.append(cookie)
    assert sess.get(stack.url("/admin"), allow_redirects=False, timeout=10).status_code == 200
    sql(stack, "UPDATE credentials SET %s = %d WHERE hash = '%s'"
        % (column, now() + value, secret_hash(cookie)))
    old = with_cookie(stack, cookie)
    r = old.get(stack.url("/admin"), allow_redirects=False, timeout=10)
    # to the login page, which says why and brings them back
    assert r.status_code == 303
    assert r.headers["Location"] == "/login?next=%2Fadmin&expired=1"
    assert is_anonymous_home(with_cookie(stack, cookie).get(stack.url("/"), timeout=10))


# ------------------------------------------- credentials held in memory

def test_remembered_credentials_follow_the_database(stack):
    """A worker keeps the credentials it identified in memory (auth.c);
    every change of a credential, a user or a customer's name made in the
    database, here by an operator with sqlite3 and not through the desk,
    is seen at the very next request."""
    admin, csrf = browser_login(stack, ADMIN)
    uid, email = add_user(stack, admin, csrf, level="OWNER", customer="FDJ",
                          name="Cache Owner", password="long-enough-1")
    key = make_api_key(stack, email)
    SECRETS.append(key)
    h = {"X-API-Key": key}
    for _ in range(3):      # the first use is remembered, the next ones come from memory
        assert stack.get(REQUESTS, headers=h).status_code == 200
    sql(stack, "UPDATE users SET disabled = 1 WHERE id = '%s'" % uid)
    orange_error(stack.get(REQUESTS, headers=h), 401, 41)
    sql(stack, "UPDATE users SET disabled = 0 WHERE id = '%s'" % uid)
    assert stack.get(REQUESTS, headers=h).status_code == 200
    sql(stack, "UPDATE users SET level = 'VIEWER' WHERE id = '%s'" % uid)
    r = stack.post(REQUESTS, json={}, headers=h)     # a VIEWER may not create
    orange_error(r, 403, 50)
    sql(stack, "UPDATE credentials SET revoked = 1 WHERE hash = '%s'" % secret_hash(key))
    orange_error(stack.get(REQUESTS, headers=h), 401, 41)

    # A browser session: names on every page, and the end of the session.
    sess, r = form_login(stack, email, "long-enough-1")
    assert r.status_code == 303, r.text[:500]
    cookie = sess.cookies.get("reqdesk_session")
    SECRETS.append(cookie)
    assert "Cache Owner" in sess.get(stack.url("/"), timeout=10).text
    assert "Cache Owner" in sess.get(stack.url("/"), timeout=10).text
    sql(stack, "UPDATE users SET name = 'Renamed Owner' WHERE id = '%s'" % uid)
    page = sess.get(stack.url("/"), timeout=10).text
    assert "Renamed Owner" in page and "Cache Owner" not in page
    fdj = sql(stack, "SELECT name FROM customers WHERE id = 'FDJ'")
    try:
        sql(stack, "UPDATE customers SET name = 'Renamed Customer' WHERE id = 'FDJ'")
        assert "Renamed Customer" in sess.get(stack.url("/"), timeout=10).text
    finally:
        sql(stack, "UPDATE customers SET name = '%s' WHERE id = 'FDJ'" % fdj.replace("'", "''"))
    assert fdj in sess.get(stack.url("/"), timeout=10).text
    sql(stack, "DELETE FROM credentials WHERE hash = '%s'" % secret_hash(cookie))
    assert is_anonymous_home(with_cookie(stack, cookie).get(stack.url("/"), timeout=10))


# ---------------------------------------------------------------- throttling

def test_an_attempt_that_cannot_be_counted_is_not_a_free_guess(fresh_stack):
    """Each attempt is counted before its password is checked.  When it
    cannot be recorded (here a trigger refuses it; in life a full disk),
    the answer is 503, not "wrong password", and no password is checked:
    a guess is never free of the throttle."""
    s = fresh_stack()
    sql(s, "CREATE TRIGGER no_count BEFORE INSERT ON login_failures"
        " BEGIN SELECT RAISE(ABORT, 'refused'); END")
    r = api_login(s, OWNER, "not-the-password")
    tcx_error(r, 503, "unavailable")
    _, r = form_login(s, OWNER, "not-the-password")
    assert r.status_code == 503, r.text[:300]
    tcx_error(api_login(s, OWNER), 503, "unavailable")
    sql(s, "DROP TRIGGER no_count")
    tcx_error(api_login(s, OWNER, "not-the-password"), 401, "credentials_invalid")
    assert api_login(s, OWNER).status_code == 200


def test_parallel_guesses_are_throttled_like_sequential_ones(fresh_stack):
    """Attempts sent at once all passed the lock check before any had
    failed, so 30 parallel guesses had ~15 passwords checked against a
    limit of 5.  Now only the first login_max_failures are checked; the
    rest wait, and are not counted."""
    from concurrent.futures import ThreadPoolExecutor
    s = fresh_stack(REQDESK_LOGIN_MAX_FAILURES="3")
    with ThreadPoolExecutor(max_workers=24) as pool:
        codes = list(pool.map(
            lambda i: api_login(s, OWNER, "wrong-%d" % i).status_code, range(24)))
    assert sorted(set(codes)) == [401, 429], codes
    assert codes.count(401) == 3, codes
    assert sql(s, "SELECT failures FROM login_failures WHERE key = 'acct:%s'"
               % OWNER) == "3"
    # and the account stays locked for the right password too
    tcx_error(api_login(s, OWNER), 429, "too_many_requests")


def test_throttling(fresh_stack):
    s = fresh_stack(REQDESK_LOGIN_MAX_FAILURES="3")
    for _ in range(3):
        tcx_error(api_login(s, OWNER, "wrong-password"), 401, "credentials_invalid")
    # Locked: even the right password waits.
    r = api_login(s, OWNER)
    body = tcx_error(r, 429, "too_many_requests")
    assert "Try again in" in body["error"]["message"], body
    sess, r = form_login(s, OWNER)
    assert r.status_code == 429, r.text[:500]
    assert re.search(r"Too many failed attempts\. Try again in [1-9][0-9]* seconds\.", r.text)
    # Once the lock is over, the owner gets in.
    sql(s, "UPDATE login_failures SET locked_until = %d" % (now() - 1))
    r = api_login(s, OWNER)
    assert r.status_code == 200, r.text[:500]
    tokens = [r.json()["token"]]
    # Failures against other accounts from the same address count too.
    for email in ("viewer@fdj.test", "owner@acme.test", "nobody@nowhere.test"):
        tcx_error(api_login(s, email, "wrong-password"), 401, "credentials_invalid")
    r = api_login(s, "manager@acme.test")
    body = tcx_error(r, 429, "too_many_requests")
    assert sql(s, "SELECT failures FROM login_failures WHERE key = 'ip:127.0.0.1'") == "3"
    assert sql(s, "SELECT failures FROM login_failures WHERE key = 'acct:viewer@fdj.test'") == "1"
    assert_no_secrets(s, [DEMO_PASSWORD, "wrong-password"] + tokens)


def test_throttling_after_a_single_failure(fresh_stack):
    """login_max_failures = 1: the very first failure already locks."""
    s = fresh_stack(REQDESK_LOGIN_MAX_FAILURES="1")
    tcx_error(api_login(s, OWNER, "wrong-password"), 401, "credentials_invalid")
    tcx_error(api_login(s, OWNER), 429, "too_many_requests")


# -------------------------------------------------------- CSRF on admin forms

@pytest.mark.parametrize("csrf", [None, "0" * 64])
def test_admin_forms_need_the_session_csrf(stack, csrf):
    admin, good = browser_login(stack, ADMIN)
    SECRETS.append(admin.cookies.get("reqdesk_session"))
    data = {"level": "OWNER"}
    if csrf is not None:
        data["csrf"] = csrf
    r = admin.post(stack.url("/admin/users/%s/level" % VIEWER_ID), data=data,
                   allow_redirects=False, timeout=10)
    assert r.status_code == 403, r.text[:500]
    assert sql(stack, "SELECT level FROM users WHERE id = '%s'" % VIEWER_ID) == "VIEWER"
    r = admin.post(stack.url("/admin/users/%s/disabled" % VIEWER_ID),
                   data=dict(data, disabled="1"), allow_redirects=False, timeout=10)
    assert r.status_code == 403
    assert sql(stack, "SELECT disabled FROM users WHERE id = '%s'" % VIEWER_ID) == "0"
    email = "csrf-%s@accounts.test" % (csrf or "none")[:4]
    r = admin.post(stack.url("/admin/users"), data=dict(data, email=email, name="X",
                   level="VIEWER", customer="FDJ", password="long-enough-1"),
                   allow_redirects=False, timeout=30)
    assert r.status_code == 403
    assert sql(stack, "SELECT count(*) FROM users WHERE email = '%s'" % email) == "0"
    r = admin.post(stack.url("/admin/users/%s/keys" % VIEWER_ID), data=data,
                   allow_redirects=False, timeout=10)
    assert r.status_code == 403 and not API_KEY.search(r.text)
    # The same form with the session's token goes through.
    r = admin.post(stack.url("/admin/users/%s/level" % VIEWER_ID),
                   data={"csrf": good, "level": "VIEWER"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:500]


def test_admin_created_secrets_stay_out_of_logs(stack):
    """A password typed on the admin pages and a key shown there."""
    admin, csrf = browser_login(stack, ADMIN)
    SECRETS.append(admin.cookies.get("reqdesk_session"))
    user_id, email = add_user(stack, admin, csrf, password="typed-initial-pw")
    SECRETS.append("typed-initial-pw")
    r = admin.post(stack.url("/admin/users/%s/password" % user_id),
                   data={"csrf": csrf, "password": "typed-reset-pw"}, allow_redirects=False,
                   timeout=30)
    assert r.status_code == 303
    SECRETS.append("typed-reset-pw")
    r = admin.post(stack.url("/admin/users/%s/keys" % user_id), data={"csrf": csrf},
                   timeout=10)
    SECRETS.append(API_KEY.search(r.text).group(0))
    SECRETS.append(make_api_key(stack, email))


# Keep last: it reads what every test above wrote.
def test_no_secret_in_logs(stack):
    assert len(SECRETS) > 5
    assert_no_secrets(stack, SECRETS)


def test_failures_too_old_to_count_are_forgotten(stack):
    """A successful login forgets failed logins that no longer count (older
    than the lock window and not locked), so that failures for unknown
    addresses do not pile up over the years; the others stay."""
    t = now()
    window = 900          # login_lock_max_seconds of the test stack (default)
    sql(stack, "INSERT INTO login_failures (key, failures, last_failure, locked_until)"
               " VALUES ('acct:old@nowhere.test', 2, %d, 0),"
               " ('acct:locked@nowhere.test', 9, %d, %d),"
               " ('acct:recent@nowhere.test', 1, %d, 0)"
               % (t - window - 60, t - window - 60, t + 600, t - 10))
    api_login(stack, OWNER)
    left = sql(stack, "SELECT key FROM login_failures WHERE key LIKE '%@nowhere.test'"
                      " ORDER BY key").split()
    assert left == ["acct:locked@nowhere.test", "acct:recent@nowhere.test"]
    sql(stack, "DELETE FROM login_failures WHERE key LIKE '%@nowhere.test'")
