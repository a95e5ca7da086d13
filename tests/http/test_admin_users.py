"""The admin pages through nginx: users (list, add, level, disable /
enable, password reset, API keys), customers and resellers, and who may
see them (ADMIN only; anonymous visitors are sent to /login)."""

import re
from urllib.parse import quote

import pytest

import stack as stackmod
from accounts import (API_KEY, DEMO_PASSWORD, add_user, api_login,
                      assert_no_secrets, forget_failures, form_login, sql,
                      unique_email)
from conftest import DEMO_USERS, browser_login, make_api_key

ADMIN = "admin@reqdesk.test"
REQUESTS = "/ordering/b2b/v2/requests"
FDJ_OWNER_ID = "5eed0000000000000000f001"

SECRETS = [DEMO_PASSWORD]


@pytest.fixture(scope="module")
def admin(stack):
    """(session, csrf) of the demo ADMIN, logged in through the form."""
    sess, csrf = browser_login(stack, ADMIN)
    SECRETS.append(sess.cookies.get("reqdesk_session"))
    return sess, csrf


def post(stack, sess, path, **data):
    return sess.post(stack.url(path), data=data, allow_redirects=False, timeout=30)


def get(stack, sess, path):
    return sess.get(stack.url(path), allow_redirects=False, timeout=10)


def field_error(html, field):
    """The error text shown next to form field `field`, or None."""
    m = re.search(r'<span class="field-error" id="%s-error">([^<]*)</span>' % field, html)
    return m.group(1) if m else None


def key_works(stack, key):
    return stack.get(REQUESTS, headers={"X-API-Key": key}).status_code == 200


# ------------------------------------------------------------------ users

def test_users_list(stack, admin):
    sess, _ = admin
    r = get(stack, sess, "/admin/users")
    assert r.status_code == 200, r.text[:500]
    for email in DEMO_USERS.values():
        assert ">%s</a>" % email in r.text, email
    row = re.search(r'<tr>\s*<td><a href="/admin/users/%s">owner@fdj.test</a></td>(.*?)</tr>'
                    % FDJ_OWNER_ID, r.text, re.S)
    assert row, "no row for owner@fdj.test"
    cells = re.findall(r"<td>(.*?)</td>", row.group(1), re.S)
    assert cells[0] == "Fabienne Dupont"
    assert cells[1] == "Owner"                         # the level in words
    assert "FDJ" in cells[2] and "Française des Jeux" in cells[2]
    assert cells[3] == "active"
    assert re.fullmatch(r"\d+", cells[4])
    assert "reseller NETPARTNER" in r.text
    assert 'name="csrf"' in r.text and 'action="/admin/users#add-user"' in r.text


def test_add_user_then_log_in(stack, admin):
    sess, csrf = admin
    user_id, email = add_user(stack, sess, csrf, level="MANAGER", customer="ACME",
                              password="first-pass-42", name="Nouvel Utilisateur")
    SECRETS.append("first-pass-42")
    page = get(stack, sess, "/admin/users/%s?done=added" % user_id)
    assert page.status_code == 200
    assert "The user was added." in page.text
    assert "Nouvel Utilisateur" in page.text and "ACME" in page.text
    assert "first-pass-42" not in page.text
    assert email in get(stack, sess, "/admin/users").text
    r = api_login(stack, email, "first-pass-42")
    assert r.status_code == 200, r.text[:500]
    SECRETS.append(r.json()["token"])
    # The new MANAGER of ACME sees the desk as ACME.
    new, resp = form_login(stack, email, "first-pass-42")
    assert resp.status_code == 303
    assert "ACME France" in new.get(stack.url("/"), timeout=10).text


def test_add_user_errors_keep_the_input(stack, admin):
    sess, csrf = admin
    before = sql(stack, "SELECT count(*) FROM users")
    r = post(stack, sess, "/admin/users", csrf=csrf, email="not-an-address", name="",
             phone="call me", level="OWNER", customer="FDJ", reseller="", password="short")
    assert r.status_code == 422, r.text[:500]
    assert 'value="not-an-address"' in r.text
    assert 'value="call me"' in r.text
    assert field_error(r.text, "email")
    assert field_error(r.text, "name") == "This field is required."
    assert field_error(r.text, "phone")
    assert field_error(r.text, "password") == "At least 8 characters are required."
    assert 'short"' not in r.text
    assert re.search(r'<option value="OWNER" selected>', r.text)
    assert re.search(r'<option value="FDJ" selected>', r.text)
    # A level that does not fit: the table's CHECK refuses it, the page says why.
    email = unique_email("misfit")
    for level, customer, reseller in [("OWNER", "", "NETPARTNER"), ("ADMIN", "FDJ", ""),
                                      ("RESELLER", "FDJ", ""), ("VIEWER", "", "")]:
        r = post(stack, sess, "/admin/users", csrf=csrf, email=email, name="Misfit",
                 level=level, customer=customer, reseller=reseller, password="long-enough-1")
        assert r.status_code == 422, (level, r.status_code, r.text[:500])
        assert "does not fit" in (field_error(r.text, "level") or ""), level
        assert 'value="%s"' % email in r.text
    # Addresses the mail path could not use (one rule with the outbox).
    for bad in ("jean(x)@acme.test", "a:b@acme.test", "x[1]@acme.test",
                "back\\slash@acme.test"):
        r = post(stack, sess, "/admin/users", csrf=csrf, email=bad, name="Bad",
                 level="VIEWER", customer="FDJ", password="long-enough-1")
        assert r.status_code == 422, (bad, r.status_code)
        assert field_error(r.text, "email") == \
            "Enter an e-mail address such as name@example.com.", bad
    # An e-mail address already used.
    r = post(stack, sess, "/admin/users", csrf=csrf, email="OWNER@fdj.test", name="Twin",
             level="VIEWER", customer="FDJ", password="long-enough-1")
    assert r.status_code == 422
    assert field_error(r.text, "email") == "A user with this e-mail address already exists."
    assert sql(stack, "SELECT count(*) FROM users") == before


def test_change_level(stack, admin):
    sess, csrf = admin
    user_id, email = add_user(stack, sess, csrf, level="VIEWER", customer="FDJ")
    r = post(stack, sess, "/admin/users/%s/level" % user_id, csrf=csrf, level="OWNER")
    assert r.status_code == 303, r.text[:500]
    assert r.headers["Location"] == "/admin/users/%s?done=level" % user_id
    page = get(stack, sess, r.headers["Location"])
    assert "The level was changed." in page.text
    assert "<dd>Owner</dd>" in page.text
    assert sql(stack, "SELECT level FROM users WHERE id = '%s'" % user_id) == "OWNER"
    # Not a level for a customer's user: a clear error, nothing changed.
    r = post(stack, sess, "/admin/users/%s/level" % user_id, csrf=csrf, level="ADMIN")
    assert r.status_code == 422
    assert field_error(r.text, "level") == \
        "A user of a customer is a viewer, a manager or an owner."
    r = post(stack, sess, "/admin/users/%s/level" % user_id, csrf=csrf, level="GOD")
    assert r.status_code == 422 and field_error(r.text, "level")
    assert sql(stack, "SELECT level FROM users WHERE id = '%s'" % user_id) == "OWNER"
    # An admin cannot lower their own level.
    r = post(stack, sess, "/admin/users/5eed0000000000000000a001/level", csrf=csrf,
             level="VIEWER")
    assert r.status_code == 422
    assert field_error(r.text, "level") == "You cannot change your own level."


def test_disable_and_enable(stack, admin):
    sess, csrf = admin
    user_id, email = add_user(stack, sess, csrf, level="OWNER", customer="FDJ",
                              password="disable-me-1")
    SECRETS.append("disable-me-1")
    key = make_api_key(stack, email)
    SECRETS.append(key)
    assert key_works(stack, key)
    user, resp = form_login(stack, email, "disable-me-1")
    assert resp.status_code == 303
    SECRETS.append(user.cookies.get("reqdesk_session"))
    token = api_login(stack, email, "disable-me-1").json()["token"]
    SECRETS.append(token)

    r = post(stack, sess, "/admin/users/%s/disabled" % user_id, csrf=csrf, disabled="1")
    assert r.status_code == 303, r.text[:500]
    page = get(stack, sess, r.headers["Location"])
    assert "The user was disabled" in page.text and "Enable the account" in page.text
    try:
        assert api_login(stack, email, "disable-me-1").status_code == 401
        _, resp = form_login(stack, email, "disable-me-1")
        assert resp.status_code == 401
    finally:
        forget_failures(stack)
    r = stack.get(REQUESTS, headers={"X-API-Key": key})
    assert r.status_code == 401 and r.json()["code"] == 41
    assert stack.get(REQUESTS, headers={"Authorization": "Bearer " + token}).status_code == 401
    assert 'action="/logout"' not in user.get(stack.url("/"), timeout=10).text
    assert sql(stack, "SELECT count(*) FROM credentials WHERE user_id = '%s' AND kind IN "
               "('session', 'token')" % user_id) == "0"
    users = get(stack, sess, "/admin/users").text
    assert re.search(r">%s</a>.*?disabled</span>" % re.escape(email), users, re.S)

    r = post(stack, sess, "/admin/users/%s/disabled" % user_id, csrf=csrf, disabled="0")
    assert r.status_code == 303
    assert api_login(stack, email, "disable-me-1").status_code == 200
    assert key_works(stack, key)
    # An admin cannot disable their own account.
    r = post(stack, sess, "/admin/users/5eed0000000000000000a001/disabled", csrf=csrf,
             disabled="1")
    assert r.status_code == 422
    assert "You cannot disable your own account." in r.text


def test_reset_password(stack, admin):
    sess, csrf = admin
    user_id, email = add_user(stack, sess, csrf, password="old-password-1")
    user, resp = form_login(stack, email, "old-password-1")
    assert resp.status_code == 303
    SECRETS.extend(["old-password-1", user.cookies.get("reqdesk_session")])
    r = post(stack, sess, "/admin/users/%s/password" % user_id, csrf=csrf, password="short")
    assert r.status_code == 422
    assert field_error(r.text, "password") == "At least 8 characters are required."
    r = post(stack, sess, "/admin/users/%s/password" % user_id, csrf=csrf,
             password="new-password-2")
    SECRETS.append("new-password-2")
    assert r.status_code == 303, r.text[:500]
    page = get(stack, sess, r.headers["Location"])
    assert "The password was reset" in page.text
    assert "new-password-2" not in page.text
    assert 'action="/logout"' not in user.get(stack.url("/"), timeout=10).text
    try:
        assert api_login(stack, email, "old-password-1").status_code == 401
    finally:
        forget_failures(stack)
    r = api_login(stack, email, "new-password-2")
    assert r.status_code == 200
    SECRETS.append(r.json()["token"])


def test_api_key_create_show_once_revoke(stack, admin):
    sess, csrf = admin
    user_id, email = add_user(stack, sess, csrf, level="OWNER", customer="ACME")
    r = post(stack, sess, "/admin/users/%s/keys" % user_id, csrf=csrf, label="billing script")
    assert r.status_code == 200, r.text[:500]
    keys = set(API_KEY.findall(r.text))
    assert len(keys) == 1, keys
    key = keys.pop()
    SECRETS.append(key)
    assert "billing script" in r.text
    assert key_works(stack, key)
    page = get(stack, sess, "/admin/users/%s" % user_id).text
    assert key not in page and key[12:] not in page
    assert key[:12] in page and "billing script" in page
    assert re.search(r"<td>(\d+)</td>\s*</tr>", get(stack, sess, "/admin/users").text)
    assert sql(stack, "SELECT count(*) FROM credentials WHERE user_id = '%s' AND kind = "
               "'apikey' AND revoked = 0" % user_id) == "1"
    # Bad prefix, then the right one.
    r = post(stack, sess, "/admin/users/%s/keys/revoke" % user_id, csrf=csrf,
             prefix="rqk_00000000")
    assert r.status_code == 422
    assert "no active API key" in r.text
    assert key_works(stack, key)
    r = post(stack, sess, "/admin/users/%s/keys/revoke" % user_id, csrf=csrf, prefix=key[:12])
    assert r.status_code == 303, r.text[:500]
    assert "The API key was revoked." in get(stack, sess, r.headers["Location"]).text
    r = stack.get(REQUESTS, headers={"X-API-Key": key})
    assert r.status_code == 401 and r.json()["code"] == 41
    page = get(stack, sess, "/admin/users/%s" % user_id).text
    assert "revoked</span>" in page and key not in page


def test_unknown_user_is_404(stack, admin):
    sess, csrf = admin
    for path in ("/admin/users/ffffffffffffffffffffffff", "/admin/users/nope"):
        r = get(stack, sess, path)
        assert r.status_code == 404 and "text/html" in r.headers["Content-Type"]
    r = post(stack, sess, "/admin/users/ffffffffffffffffffffffff/level", csrf=csrf,
             level="OWNER")
    assert r.status_code == 404


# -------------------------------------------------------------- customers

def test_customers(stack, admin):
    sess, _ = admin
    r = get(stack, sess, "/admin/customers")
    assert r.status_code == 200, r.text[:500]
    for text in ("<code>FDJ</code>", "<code>ACME</code>", "<code>NORDIC</code>",
                 "<code>NETPARTNER</code>", "Française des Jeux", "ACME France",
                 "Nordic Retail ApS", "Net Partner", "U_BVPN_CUSTOM003_1"):
        assert text in r.text, text
    nordic = re.search(r"<code>NORDIC</code>.*?</tr>", r.text, re.S).group(0)
    assert "Denmark" in nordic and "NETPARTNER" in nordic


def admin_pages(repo):
    """Every admin page a link can lead to: the GET routes of the route
    table under /admin without a parameter, /admin itself left out."""
    text = (repo / "cgi" / "route.c").read_text()
    pages = re.findall(r'\{ "(/admin/[a-z/]+)", M_GET\b', text)
    assert "/admin/users" in pages and "/admin/outbox" in pages, pages
    return pages


def test_admin_home(stack, admin, repo):
    # /admin links to every admin page (docs/ACCOUNTS.md), each of which
    # answers: a page linked from nowhere is one the operator never finds
    # (the outbox, where dead mail is retried, was).
    sess, _ = admin
    r = get(stack, sess, "/admin")
    assert r.status_code == 200
    for link in admin_pages(repo):
        # a form that adds a row is linked from its list (/admin/products/new
        # from /admin/products), the lists from /admin
        where = r.text if not link.endswith("/new") else \
            get(stack, sess, link[:-len("/new")]).text
        assert 'href="%s"' % link in where, link
        assert get(stack, sess, link).status_code == 200, link
    assert "Outbox</a>" in r.text and "retry the messages that could not be sent" in r.text


# ------------------------------------------------------------ who may see

ADMIN_GETS = ["/admin", "/admin/users", "/admin/customers",
              "/admin/users/%s" % FDJ_OWNER_ID]
ADMIN_POSTS = [("/admin/users", {"email": "x@y.test", "name": "X", "level": "VIEWER",
                                 "customer": "FDJ", "password": "long-enough-1"}),
               ("/admin/users/%s/level" % FDJ_OWNER_ID, {"level": "VIEWER"}),
               ("/admin/users/%s/disabled" % FDJ_OWNER_ID, {"disabled": "1"}),
               ("/admin/users/%s/password" % FDJ_OWNER_ID, {"password": "long-enough-1"}),
               ("/admin/users/%s/keys" % FDJ_OWNER_ID, {}),
               ("/admin/users/%s/keys/revoke" % FDJ_OWNER_ID, {"prefix": "rqk_00000000"})]


@pytest.mark.parametrize("role", [r for r in DEMO_USERS if r != "admin"])
def test_admin_pages_refuse_other_levels(stack, role):
    sess, csrf = browser_login(stack, DEMO_USERS[role])
    SECRETS.append(sess.cookies.get("reqdesk_session"))
    for path in ADMIN_GETS:
        r = get(stack, sess, path)
        assert r.status_code == 403, (role, path, r.status_code)
        assert "text/html" in r.headers["Content-Type"]
    for path, data in ADMIN_POSTS:
        r = post(stack, sess, path, csrf=csrf, **data)
        assert r.status_code == 403, (role, path, r.status_code)
        assert not API_KEY.search(r.text)
    assert sql(stack, "SELECT level, disabled FROM users WHERE id = '%s'"
               % FDJ_OWNER_ID) == "OWNER|0"
    assert sql(stack, "SELECT count(*) FROM users WHERE email = 'x@y.test'") == "0"
    # The nav shows no Admin link to them.
    assert 'href="/admin"' not in sess.get(stack.url("/"), timeout=10).text


def test_admin_pages_send_anonymous_to_login(stack):
    anon = stackmod.http_session()
    # to the login page, which brings them back to the page asked for
    for path in ADMIN_GETS:
        r = get(stack, anon, path)
        assert r.status_code == 303, path
        assert r.headers["Location"] == "/login?next=" + quote(path, safe=""), path
    for path, data in ADMIN_POSTS:
        r = post(stack, anon, path, **data)
        assert r.status_code == 303, path
        assert r.headers["Location"] == "/login?next=" + quote(path, safe=""), path


def test_no_secret_of_these_tests_in_logs(stack):
    assert_no_secrets(stack, SECRETS)
