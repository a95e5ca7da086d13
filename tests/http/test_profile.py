"""Languages for people, and a user's own page (docs/I18N.md):

- the language of a page: the user's choice, else the language switch's
  cookie, else Accept-Language, else the customer's market, else English;
- /profile: language and time zone (or automatic), the password;
- the language switch of every page, for users (kept on their profile)
  and for anyone else (a cookie).
"""

import re

import stack as stackmod
from accounts import DEMO_PASSWORD, add_user, csrf_of, form_login
from conftest import browser_login


def html_lang(text):
    return re.search(r'<html lang="([a-z]+)">', text).group(1)


def login_as(stack, email, password=DEMO_PASSWORD, lang="en"):
    sess = stackmod.http_session(lang)
    page = sess.get(stack.url("/login"), timeout=10)
    r = sess.post(stack.url("/login"), data={"email": email, "password": password,
                  "csrf": csrf_of(page.text)}, allow_redirects=False, timeout=30)
    assert r.status_code == 303, r.text[:300]
    return sess


def test_anonymous_pages_follow_accept_language(stack):
    for lang, words in (("fr-FR,fr;q=0.9", "Se connecter"), ("da", "Log ind"),
                        ("en-GB", "Log in"), ("de-DE", "Log in")):
        r = stackmod.http_session(lang).get(stack.url("/login"), timeout=10)
        assert r.status_code == 200
        assert "<h1>%s</h1>" % words in r.text, (lang, r.text[:2000])
        assert html_lang(r.text) == {"Se connecter": "fr", "Log ind": "da"}.get(words, "en")


def test_language_switch_for_anyone(stack):
    sess = stackmod.http_session("fr")
    r = sess.get(stack.url("/login"), timeout=10)
    assert '<a href="/language?set=da&amp;next=/login" lang="da"' in r.text
    r = sess.get(stack.url("/language?set=da&next=/login"), timeout=10,
                 allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/login"
    assert "reqdesk_lang=da" in r.headers["Set-Cookie"]
    page = sess.get(stack.url("/login"), timeout=10)    # the cookie beats fr
    assert html_lang(page.text) == "da" and "<h1>Log ind</h1>" in page.text
    for bad in ("/language?set=de&next=/", "/language?next=/"):
        assert sess.get(stack.url(bad), timeout=10).status_code == 400
    r = sess.get(stack.url("/language?set=en&next=//evil.example/"), timeout=10,
                 allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/"


def test_market_decides_without_a_choice(stack):
    """A French customer's user whose browser says nothing reads French; a
    Danish customer's reads Danish; the operator reads English."""
    for email, lang in (("owner@fdj.test", "fr"), ("owner@nordic.test", "da"),
                        ("admin@reqdesk.test", "en")):
        sess = login_as(stack, email, lang=None)
        r = sess.get(stack.url("/profile"), timeout=10)
        assert r.status_code == 200
        assert html_lang(r.text) == lang, email
    sess = login_as(stack, "owner@fdj.test", lang="da")    # the browser beats it
    assert html_lang(sess.get(stack.url("/profile"), timeout=10).text) == "da"


def test_profile_language_and_time_zone(stack):
    admin, csrf = browser_login(stack, "admin@reqdesk.test")
    uid, email = add_user(stack, admin, csrf, level="OWNER", customer="ACME")
    sess = login_as(stack, email, password="initial-pass-1", lang="en")
    page = sess.get(stack.url("/profile"), timeout=10)
    assert 'id="profile-email">%s<' % email in page.text
    assert '<option value="" selected>Automatic (your browser' in page.text
    assert 'Automatic (Europe/Paris)' in page.text                 # ACME is FR
    assert '<option value="Asia/Tokyo">Asia/Tokyo</option>' in page.text
    token = csrf_of(page.text)
    r = sess.post(stack.url("/profile"), data={"csrf": token, "language": "da",
                  "timezone": "Asia/Tokyo"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303 and r.headers["Location"] == "/profile?done=saved"
    page = sess.get(stack.url("/profile?done=saved"), timeout=10)
    assert html_lang(page.text) == "da"                  # beats Accept-Language: en
    assert "Dine indstillinger er gemt." in page.text
    assert '<option value="Asia/Tokyo" selected>' in page.text
    # refused values, at their field, in the user's language
    for data, field, words in (
            ({"language": "de", "timezone": ""}, "language-error", "Vælg et af de tilbudte sprog."),
            ({"language": "", "timezone": "Mars/Olympus"}, "timezone-error",
             "Vælg en af de tilbudte tidszoner.")):
        r = sess.post(stack.url("/profile"), data=dict(data, csrf=token),
                      allow_redirects=False, timeout=10)
        assert r.status_code == 422
        assert 'id="%s">%s<' % (field, words) in r.text
    # back to automatic: English again (the browser's)
    r = sess.post(stack.url("/profile"), data={"csrf": token, "language": "",
                  "timezone": ""}, allow_redirects=False, timeout=10)
    assert r.status_code == 303
    assert html_lang(sess.get(stack.url("/profile"), timeout=10).text) == "en"
    # the form needs its CSRF token, as every form
    r = sess.post(stack.url("/profile"), data={"language": "fr"}, allow_redirects=False,
                  timeout=10)
    assert r.status_code == 403


def test_language_switch_of_a_user_is_kept(stack):
    admin, csrf = browser_login(stack, "admin@reqdesk.test")
    uid, email = add_user(stack, admin, csrf, level="VIEWER", customer="FDJ")
    sess = login_as(stack, email, password="initial-pass-1", lang="en")
    page = sess.get(stack.url("/profile"), timeout=10)
    assert 'name="language" value="fr" lang="fr"' in page.text
    r = sess.post(stack.url("/profile/language"), data={
        "csrf": csrf_of(page.text), "language": "fr", "next": "/profile"},
        allow_redirects=False, timeout=10)
    assert r.status_code == 303 and r.headers["Location"] == "/profile"
    # kept: a new session of the same user reads French too
    other = login_as(stack, email, password="initial-pass-1", lang="en")
    page = other.get(stack.url("/profile"), timeout=10)
    assert html_lang(page.text) == "fr" and "<h1>Mon profil</h1>" in page.text


def test_change_of_password(stack):
    admin, csrf = browser_login(stack, "admin@reqdesk.test")
    uid, email = add_user(stack, admin, csrf, level="OWNER", customer="FDJ")
    sess = login_as(stack, email, password="initial-pass-1")
    elsewhere = login_as(stack, email, password="initial-pass-1")
    token = csrf_of(sess.get(stack.url("/profile"), timeout=10).text)
    for data, words in (
            ({"current": "wrong-pass-9", "password": "second-pass-2",
              "again": "second-pass-2"}, "Your current password is not this one."),
            ({"current": "initial-pass-1", "password": "second-pass-2",
              "again": "second-pass-3"}, "The two new passwords are not the same."),
            ({"current": "initial-pass-1", "password": "short", "again": "short"},
             "At least 8 characters are required.")):
        r = sess.post(stack.url("/profile/password"), data=dict(data, csrf=token),
                      allow_redirects=False, timeout=30)
        assert r.status_code == 422, r.text[:300]
        assert words in r.text
    r = sess.post(stack.url("/profile/password"), data={
        "csrf": token, "current": "initial-pass-1", "password": "second-pass-2",
        "again": "second-pass-2"}, allow_redirects=False, timeout=30)
    assert r.status_code == 303 and r.headers["Location"] == "/profile?done=password"
    # this browser stays logged in, with a new session; the other one is out
    page = sess.get(stack.url("/profile?done=password"), timeout=10)
    assert page.status_code == 200 and "Your password is changed." in page.text
    r = elsewhere.get(stack.url("/profile"), timeout=10, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].startswith("/login?next=")
    assert form_login(stack, email, "initial-pass-1")[1].status_code == 401
    assert form_login(stack, email, "second-pass-2")[1].status_code == 303
