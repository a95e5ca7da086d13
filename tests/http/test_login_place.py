"""Logins that keep your place (docs/ACCOUNTS.md):

- a page asked for while logged out is where the login leads (same-site
  paths only);
- a form posted after the session expired is kept and shown again,
  filled, once its poster has logged in, and the login page says why;
- "You are logged out" after logging out;
- the login form's token is the desk's own: a planted cookie and field
  that match log nobody in.
"""

import re
import secrets
import urllib.parse

import stack as stackmod
from accounts import csrf_of, now, secret_hash, sql
from conftest import DEMO_PASSWORD, browser_login

FORM = "/requests/new/R_BVPN_FR_1"


def login(stack, sess, email, next_path=None, form=None, expired=None,
          password=DEMO_PASSWORD):
    page = sess.get(stack.url("/login"), timeout=10)
    data = {"email": email, "password": password, "csrf": csrf_of(page.text)}
    if next_path is not None:
        data["next"] = next_path
    if form is not None:
        data["form"] = form
    if expired:
        data["expired"] = "1"
    return sess.post(stack.url("/login"), data=data, allow_redirects=False, timeout=30)


def test_the_page_asked_for_is_where_the_login_leads(stack):
    sess = stackmod.http_session()
    asked = FORM + "?x=1&y=%C3%A9"
    r = sess.get(stack.url(asked), allow_redirects=False, timeout=10)
    assert r.status_code == 303
    loc = r.headers["Location"]
    assert loc == "/login?next=" + urllib.parse.quote(asked, safe="")
    page = sess.get(stack.url(loc), timeout=10)
    assert 'name="next" value="%s"' % asked.replace("&", "&amp;") in page.text
    r = login(stack, sess, "owner@acme.test", next_path=asked)
    assert r.status_code == 303 and r.headers["Location"] == asked
    # only this site's paths: anything else leads home
    for bad in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "x"):
        other = stackmod.http_session()
        r = login(stack, other, "owner@acme.test", next_path=bad)
        assert r.status_code == 303 and r.headers["Location"] == "/", bad


def test_logged_out_says_so(stack):
    sess, csrf = browser_login(stack, "owner@fdj.test")
    r = sess.post(stack.url("/logout"), data={"csrf": csrf}, allow_redirects=False,
                  timeout=10)
    assert r.headers["Location"] == "/login?out=1"
    page = sess.get(stack.url("/login?out=1"), timeout=10)
    assert 'id="login-notice">You are logged out.' in page.text
    fr = stackmod.http_session("fr").get(stack.url("/login?out=1"), timeout=10)
    assert "Vous êtes déconnecté." in fr.text


def expire(stack, sess):
    cookie = sess.cookies.get("reqdesk_session")
    sql(stack, "UPDATE credentials SET expires = %d WHERE hash = '%s'"
        % (now() - 1, secret_hash(cookie)))


def test_a_form_posted_after_expiry_comes_back_filled(stack):
    sess, csrf = browser_login(stack, "owner@acme.test")
    ref = "KEPT-" + secrets.token_hex(4)
    expire(stack, sess)
    r = sess.post(stack.url(FORM), data={
        "csrf": csrf, "customerReference": ref, "comment": "line one\nline two",
        "contacts.primary.firstName": "Émile"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303
    m = re.fullmatch(r"/login\?next=%2Frequests%2Fnew%2FR_BVPN_FR_1&expired=1"
                     r"&form=([0-9a-f]{32})", r.headers["Location"])
    assert m, r.headers["Location"]
    form = m.group(1)
    page = sess.get(stack.url(r.headers["Location"]), timeout=10)
    assert "Your session has expired: log in again to go on." in page.text
    assert "What you typed is kept" in page.text
    # nothing was created
    assert sql(stack, "SELECT count(*) FROM requests WHERE customer_reference = '%s'"
               % ref) == "0"
    # someone else logging in with that id finds nothing of it
    other = stackmod.http_session()
    r = login(stack, other, "manager@acme.test", next_path=FORM, form=form)
    assert r.headers["Location"] == FORM + "?restore=" + form
    page = other.get(stack.url(r.headers["Location"]), timeout=10)
    assert ref not in page.text
    # its poster finds it filled, once
    r = login(stack, sess, "owner@acme.test", next_path=FORM, form=form, expired=True)
    assert r.status_code == 303 and r.headers["Location"] == FORM + "?restore=" + form
    page = sess.get(stack.url(r.headers["Location"]), timeout=10)
    assert page.status_code == 200
    assert 'value="%s"' % ref in page.text
    assert "Émile" in page.text and "line one\nline two" in page.text
    assert "Your session had expired: here is what you typed." in page.text
    again = sess.get(stack.url(r.headers["Location"]), timeout=10)
    assert ref not in again.text


def test_a_form_with_another_token_is_not_kept(stack):
    """A page of another site posting to the desk cannot leave a form of
    its own to be found after the login: the token must be the session's."""
    sess, csrf = browser_login(stack, "owner@acme.test")
    expire(stack, sess)
    r = sess.post(stack.url(FORM), data={"csrf": "0" * 64, "customerReference": "X"},
                  allow_redirects=False, timeout=10)
    assert r.status_code == 303
    assert r.headers["Location"] == "/login?next=%2Frequests%2Fnew%2FR_BVPN_FR_1&expired=1"


def test_a_planted_login_pair_logs_nobody_in(stack):
    sess = stackmod.http_session()
    planted = secrets.token_hex(56)
    # as a browser keeps it: the desk's own cookie replaces it later
    sess.cookies.set("reqdesk_login", planted, domain="127.0.0.1", path="/")
    r = sess.post(stack.url("/login"), data={"email": "owner@acme.test",
                  "password": DEMO_PASSWORD, "csrf": planted},
                  allow_redirects=False, timeout=30)
    assert r.status_code == 403
    assert "reqdesk_session" not in r.headers.get("Set-Cookie", "")
    # a token of the desk, as the login page gives it, does
    assert login(stack, sess, "owner@acme.test").status_code == 303
