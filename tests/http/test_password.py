"""A forgotten password (docs/ACCOUNTS.md), through nginx, the desk, the
outbox, the mailer and a real SMTP server on loopback, on a controlled
clock:

- the same answer whether the address is a user's or not, and a mail only
  for a user who may log in, in their language;
- the mailed link serves once, within an hour, and only the newest one;
- the new password must follow the password rule and be typed twice;
- setting it ends every session of the user and the old password;
- at most as many mails as the login throttle lets through;
- the forms without a session carry the desk's own form token.
"""

import datetime
import os
import re

import pytest

import mailtools
import stack as stackmod
from accounts import csrf_of, forget_failures, sql
from conftest import DEMO_PASSWORD, browser_login

UTC = datetime.timezone.utc
SAME_ANSWER = ("If this address is that of a user of the desk, a link to choose a "
               "new password is on its way to it.")
LINK = re.compile(r"(/password/reset/[0-9a-f]{64})")


@pytest.fixture(scope="module")
def clocked(tmp_path_factory):
    clock = tmp_path_factory.mktemp("clock") / "now"
    clock.write_text("")
    s = stackmod.start_stack(log_name="password", REQDESK_TEST_CLOCK=str(clock))
    try:
        s.clock = clock
        yield s
    finally:
        s.close()


def set_clock(s, instant):
    s.clock.write_text(instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") + "\n")


def maildir(s):
    return os.path.join(s.data, "mail")


def mails_to(s, address):
    return [m for m in mailtools.messages(maildir(s)) if address in str(m["To"])]


def ask(s, email, lang="en"):
    sess = stackmod.http_session(lang=lang)
    page = sess.get(s.url("/password/forgot"), timeout=10)
    assert page.status_code == 200
    return sess.post(s.url("/password/forgot"),
                     data={"email": email, "csrf": csrf_of(page.text)}, timeout=30)


def link_for(s, address, count):
    """The reset link of the `count`-th mail to `address`."""
    msgs = mailtools.wait_for(lambda: len(mails_to(s, address)) >= count and
                              mails_to(s, address), what="%d mail(s) to %s" % (count, address))
    texts = sorted(m.get_body(("plain",)).get_content() for m in msgs)
    links = [LINK.search(t).group(1) for t in texts if LINK.search(t)]
    assert len(links) >= count, texts
    return msgs, links


def choose(s, path, password, again=None):
    sess = stackmod.http_session()
    page = sess.get(s.url(path), timeout=10)
    if page.status_code != 200:
        return page
    return sess.post(s.url(path), data={"password": password,
                                        "again": password if again is None else again,
                                        "csrf": csrf_of(page.text)},
                     allow_redirects=False, timeout=30)


def login_status(s, email, password):
    r = s.post("/auth/login", json={"email": email, "password": password}, timeout=30)
    return r.status_code


def test_the_answer_is_the_same_and_only_a_user_gets_a_mail(clocked):
    s = clocked
    known, unknown = ask(s, "manager@acme.test"), ask(s, "nobody@acme.test")
    assert known.status_code == unknown.status_code == 200
    assert SAME_ANSWER in known.text and SAME_ANSWER in unknown.text
    strip = lambda t: re.sub(r'name="csrf" value="[^"]*"|/static/[^"]*|request-id">[0-9a-f]+', "", t)
    assert strip(known.text) == strip(unknown.text)
    msgs, _ = link_for(s, "manager@acme.test", 1)
    assert "Choose a new password" in str(msgs[0]["Subject"])
    # nothing queued for the unknown address, nor for a disabled user
    sql(s, "UPDATE users SET disabled = 1 WHERE email = 'it@nordic.test'")
    try:
        assert ask(s, "it@nordic.test").status_code == 200
    finally:
        sql(s, "UPDATE users SET disabled = 0 WHERE email = 'it@nordic.test'")
    queued = sql(s, "SELECT count(*) FROM outbox WHERE recipient IN "
                    "('nobody@acme.test', 'it@nordic.test')")
    assert queued == "0"


def test_the_link_sets_the_password_once_and_ends_the_sessions(clocked):
    s = clocked
    email = "owner@acme.test"
    old, _ = browser_login(s, email)
    assert old.get(s.url("/profile"), allow_redirects=False, timeout=10).status_code == 200
    ask(s, email)
    _, links = link_for(s, email, 1)
    path = links[0]
    # the rule and the second typing, each a clear error, nothing changed
    r = choose(s, path, "short")
    assert r.status_code == 422 and 'id="password-error"' in r.text
    assert "At least 8 characters are required." in r.text
    r = choose(s, path, "a-new-password-1", again="a-new-password-2")
    assert r.status_code == 422 and "The two new passwords are not the same." in r.text
    assert login_status(s, email, DEMO_PASSWORD) == 200
    # set
    r = choose(s, path, "a-new-password-1")
    assert r.status_code == 303 and r.headers["Location"] == "/login?reset=1"
    assert login_status(s, email, "a-new-password-1") == 200
    assert login_status(s, email, DEMO_PASSWORD) == 401
    r = old.get(s.url("/profile"), allow_redirects=False, timeout=10)
    assert r.status_code == 303 and r.headers["Location"].startswith("/login")
    page = stackmod.http_session().get(s.url("/login?reset=1"), timeout=10)
    assert "Your password is set: log in with it." in page.text
    # once only
    r = stackmod.http_session().get(s.url(path), timeout=10)
    assert r.status_code == 404 and 'id="link-dead"' in r.text
    assert 'href="/password/forgot"' in r.text
    r = choose(s, path, "another-password-1")
    assert r.status_code == 404
    assert login_status(s, email, "another-password-1") == 401
    # a link nobody was sent
    r = stackmod.http_session().get(s.url("/password/reset/" + "0" * 64), timeout=10)
    assert r.status_code == 404 and 'id="link-dead"' in r.text
    sql(s, "UPDATE users SET password_hash = (SELECT password_hash FROM users "
           "WHERE email = 'manager@acme.test') WHERE email = '%s'" % email)
    forget_failures(s)


def test_the_link_serves_an_hour_and_only_the_newest(clocked):
    s = clocked
    email = "owner@nordic.test"
    start = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    set_clock(s, start)
    try:
        ask(s, email)
        _, first = link_for(s, email, 1)
        ask(s, email)
        _, both = link_for(s, email, 2)
        newest = [p for p in both if p != first[0]][0]
        # the older link ended when the newer one was sent
        assert stackmod.http_session().get(s.url(first[0]), timeout=10).status_code == 404
        set_clock(s, start + datetime.timedelta(minutes=59))
        assert stackmod.http_session().get(s.url(newest), timeout=10).status_code == 200
        set_clock(s, start + datetime.timedelta(minutes=61))
        r = choose(s, newest, "too-late-password-1")
        assert r.status_code == 404 and 'id="link-dead"' in r.text
        assert login_status(s, email, "too-late-password-1") == 401
        assert login_status(s, email, DEMO_PASSWORD) == 200
    finally:
        s.clock.write_text("")


def test_the_mail_is_in_the_language_of_its_reader(clocked):
    s = clocked
    # no language chosen: the one the page was asked in
    ask(s, "owner@fdj.test", lang="fr")
    msgs, _ = link_for(s, "owner@fdj.test", 1)
    assert "Choisissez un nouveau mot de passe" in str(msgs[0]["Subject"])
    # a language chosen in the profile wins over the page's
    sql(s, "UPDATE users SET language = 'da' WHERE email = 'viewer@fdj.test'")
    ask(s, "viewer@fdj.test", lang="fr")
    msgs, _ = link_for(s, "viewer@fdj.test", 1)
    body = msgs[0].get_body(("plain",)).get_content()
    assert "adgangskode" in body.lower(), body
    # and the pages speak the reader's language too
    page = stackmod.http_session(lang="da").get(s.url("/password/forgot"), timeout=10)
    assert "<h1>Glemt din adgangskode?</h1>" in page.text


def test_a_bad_address_is_a_clear_error(clocked):
    for bad in ("", "not-an-address", "a@" + "b" * 260 + ".test"):
        r = ask(clocked, bad)
        assert r.status_code == 422, bad
        assert "Enter an e-mail address such as name@example.com." in r.text
        assert 'aria-invalid="true"' in r.text


def test_the_throttle_bounds_the_mails(clocked):
    s = clocked
    email = "sales@netpartner.test"
    forget_failures(s)
    try:
        for _ in range(8):
            assert ask(s, email).status_code == 200
        mailtools.wait_for(lambda: len(mails_to(s, email)) >= 5, what="5 mails")
        queued = int(sql(s, "SELECT count(*) FROM outbox WHERE recipient = '%s'" % email))
        assert queued == 5, queued  # login_max_failures
    finally:
        forget_failures(s)


def test_the_forms_need_the_desks_own_token(clocked):
    s = clocked
    sess = stackmod.http_session()
    r = sess.post(s.url("/password/forgot"), data={"email": "owner@acme.test"},
                  timeout=10)
    assert r.status_code == 403
    planted = "f" * 112
    sess.cookies.set("reqdesk_login", planted, domain="127.0.0.1", path="/")
    r = sess.post(s.url("/password/forgot"),
                  data={"email": "owner@acme.test", "csrf": planted}, timeout=10)
    assert r.status_code == 403
    # logged in, the session's token serves
    logged, csrf = browser_login(s, "admin@reqdesk.test")
    page = logged.get(s.url("/password/forgot"), timeout=10)
    assert csrf_of(page.text) == csrf
    r = logged.post(s.url("/password/forgot"), data={"email": "nobody@x.test",
                                                     "csrf": csrf}, timeout=10)
    assert r.status_code == 200 and SAME_ANSWER in r.text
