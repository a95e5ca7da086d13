"""Invitations (docs/ACCOUNTS.md): an ADMIN adds a user without a
password, on the admin page or with `reqdesk user add --invite`; the user
is mailed a link to choose one.  Through nginx, the desk, the outbox, the
mailer and a real SMTP server on loopback, on a controlled clock:

- the mail is in the user's language, plain text with an HTML
  alternative, and holds the link;
- the link serves once, for seven days; re-sending it makes a new link
  and ends the old one;
- until the password is chosen, no password logs the user in;
- only the link's hash is stored.
"""

import datetime
import os
import re
import subprocess

import pytest

import mailtools
import stack as stackmod
from accounts import csrf_of, forget_failures, secret_hash, sql, unique_email
from conftest import browser_login

UTC = datetime.timezone.utc
LINK = re.compile(r"(/password/invite/([0-9a-f]{64}))")


@pytest.fixture(scope="module")
def clocked(tmp_path_factory):
    clock = tmp_path_factory.mktemp("clock") / "now"
    clock.write_text("")
    s = stackmod.start_stack(log_name="invite", REQDESK_TEST_CLOCK=str(clock))
    try:
        s.clock = clock
        s.admin, s.csrf = browser_login(s, "admin@reqdesk.test")
        yield s
    finally:
        s.close()


def set_clock(s, instant):
    s.clock.write_text(instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") + "\n")


def mails_to(s, address):
    return [m for m in mailtools.messages(os.path.join(s.data, "mail"))
            if address in str(m["To"])]


def links_for(s, address, count):
    """(messages, links) once `count` mails reached `address`, oldest
    link first (by the outbox's order)."""
    msgs = mailtools.wait_for(lambda: len(mails_to(s, address)) >= count and
                              mails_to(s, address), what="%d mail(s) to %s" % (count, address))
    bodies = [m.get_body(("plain",)).get_content() for m in msgs]
    links = [LINK.search(b).group(1) for b in bodies if LINK.search(b)]
    assert len(links) >= count, bodies
    order = [r["body"] for r in mailtools.outbox(s.db, "recipient = ?", (address,))]
    links.sort(key=lambda l: [i for i, b in enumerate(order) if l in b][0])
    return msgs, links


def invite(s, email, customer="FDJ", level="VIEWER", name="Invited User"):
    """Add a user with no password through the admin form: its id."""
    r = s.admin.post(s.url("/admin/users"), data={
        "csrf": s.csrf, "email": email, "name": name, "phone": "",
        "level": level, "customer": customer, "reseller": "", "password": ""},
        allow_redirects=False, timeout=30)
    assert r.status_code == 303, (r.status_code, r.text[:2000])
    m = re.match(r"^/admin/users/([0-9a-f]{24})\?done=invited$", r.headers["Location"])
    assert m, r.headers["Location"]
    return m.group(1)


def resend(s, user_id):
    return s.admin.post(s.url("/admin/users/%s/invite" % user_id),
                        data={"csrf": s.csrf}, allow_redirects=False, timeout=30)


def choose(s, path, password):
    sess = stackmod.http_session()
    page = sess.get(s.url(path), timeout=10)
    if page.status_code != 200:
        return page
    return sess.post(s.url(path), data={"password": password, "again": password,
                                        "csrf": csrf_of(page.text)},
                     allow_redirects=False, timeout=30)


def login_status(s, email, password):
    return s.post("/auth/login", json={"email": email, "password": password},
                  timeout=30).status_code


def form_login_status(s, email, password):
    sess = stackmod.http_session()
    page = sess.get(s.url("/login"), timeout=10)
    return sess.post(s.url("/login"), data={"email": email, "password": password,
                     "csrf": csrf_of(page.text)}, allow_redirects=False,
                     timeout=30).status_code


def test_an_invited_user_gets_a_mail_in_their_language_and_chooses_a_password(clocked):
    s = clocked
    email = unique_email("invited-fr")
    user_id = invite(s, email, customer="FDJ")
    # the admin pages say so
    page = s.admin.get(s.url("/admin/users/%s?done=invited" % user_id), timeout=10)
    assert "The user was added and mailed an invitation to choose their password." in page.text
    assert 'action="/admin/users/%s/invite"' % user_id in page.text
    assert "invited" in s.admin.get(s.url("/admin/users"), timeout=10).text
    assert sql(s, "SELECT quote(password_hash) FROM users WHERE id = '%s'" % user_id) == "NULL"
    # the mail: French (FDJ is a French customer), plain text and HTML
    msgs, links = links_for(s, email, 1)
    m = msgs[0]
    assert "choisissez votre mot de passe" in str(m["Subject"]), str(m["Subject"])
    plain = m.get_body(("plain",)).get_content()
    html = m.get_body(("html",)).get_content()
    assert links[0] in plain and links[0] in html
    assert "mot de passe" in plain and 'lang="fr"' in html
    inviter = sql(s, "SELECT name FROM users WHERE email = 'admin@reqdesk.test'")
    assert inviter in plain and email in plain
    token = LINK.search(plain).group(2)
    # stored hashed, never as it is
    assert sql(s, "SELECT count(*) FROM user_tokens WHERE hash = '%s'" % token) == "0"
    assert sql(s, "SELECT count(*) FROM user_tokens WHERE hash = '%s' AND kind = 'invite'"
               % secret_hash(token)) == "1"
    # the page speaks to the invited person, in their language
    r = stackmod.http_session(lang="fr").get(s.url(links[0]), timeout=10)
    assert r.status_code == 200 and "<h1>" in r.text
    # set once, then the user logs in with it
    r = choose(s, links[0], "my-own-choice-1")
    assert r.status_code == 303 and r.headers["Location"] == "/login?reset=1"
    assert login_status(s, email, "my-own-choice-1") == 200
    assert form_login_status(s, email, "my-own-choice-1") == 303
    # single use
    r = stackmod.http_session().get(s.url(links[0]), timeout=10)
    assert r.status_code == 404 and 'id="link-dead"' in r.text
    r = choose(s, links[0], "someone-else-1")
    assert r.status_code == 404
    assert login_status(s, email, "someone-else-1") == 401
    # and a user with a password gets no invitation
    r = resend(s, user_id)
    assert r.status_code == 422 and "has a password already" in r.text


def test_no_password_logs_in_a_user_with_a_pending_invitation(clocked):
    s = clocked
    email = unique_email("pending")
    invite(s, email, customer="ACME", level="MANAGER")
    links_for(s, email, 1)
    for password in ("", "x", "demo-pass-1", "initial-pass-1", "NULL", "a" * 64):
        forget_failures(s)   # each attempt checked, none refused by the throttle
        assert login_status(s, email, password) in (400, 401, 422), password
        forget_failures(s)
        assert form_login_status(s, email, password) not in (303, 429), password
    forget_failures(s)


def test_the_link_serves_seven_days(clocked):
    s = clocked
    start = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    set_clock(s, start)
    try:
        email, late = unique_email("week"), unique_email("late")
        invite(s, email, customer="NORDIC", level="OWNER")
        invite(s, late, customer="NORDIC", level="OWNER")
        msgs, (link,) = links_for(s, email, 1)
        _, (late_link,) = links_for(s, late, 1)
        # Danish: NORDIC is a Danish customer
        assert "adgangskode" in msgs[0].get_body(("plain",)).get_content().lower()
        set_clock(s, start + datetime.timedelta(days=6, hours=23, minutes=59))
        assert stackmod.http_session().get(s.url(link), timeout=10).status_code == 200
        r = choose(s, link, "in-time-pass-1")
        assert r.status_code == 303
        assert login_status(s, email, "in-time-pass-1") == 200
        set_clock(s, start + datetime.timedelta(days=7, minutes=1))
        r = stackmod.http_session().get(s.url(late_link), timeout=10)
        assert r.status_code == 404 and 'id="link-dead"' in r.text
        r = choose(s, late_link, "too-late-pass-1")
        assert r.status_code == 404
        assert login_status(s, late, "too-late-pass-1") == 401
        # the admin page says the link has ended, and offers a new one
        uid = sql(s, "SELECT id FROM users WHERE email = '%s'" % late)
        page = s.admin.get(s.url("/admin/users/" + uid), timeout=10)
        assert "The link of the invitation has expired" in page.text
        assert resend(s, uid).status_code == 303
        _, links = links_for(s, late, 2)
        assert choose(s, links[-1], "second-chance-1").status_code == 303
        assert login_status(s, late, "second-chance-1") == 200
    finally:
        s.clock.write_text("")


def test_resending_ends_the_old_link(clocked):
    s = clocked
    email = unique_email("resent")
    user_id = invite(s, email)
    _, (first,) = links_for(s, email, 1)
    page = s.admin.get(s.url("/admin/users/" + user_id), timeout=10)
    assert "serves until" in page.text
    r = resend(s, user_id)
    assert r.status_code == 303
    assert r.headers["Location"] == "/admin/users/%s?done=reinvited" % user_id
    _, links = links_for(s, email, 2)
    assert links[0] == first and links[1] != first
    r = stackmod.http_session().get(s.url(first), timeout=10)
    assert r.status_code == 404 and 'id="link-dead"' in r.text
    assert choose(s, first, "old-link-pass-1").status_code == 404
    assert login_status(s, email, "old-link-pass-1") == 401
    assert choose(s, links[1], "new-link-pass-1").status_code == 303
    assert login_status(s, email, "new-link-pass-1") == 200
    # an unknown user: 404; a disabled one: refused, nothing sent
    assert resend(s, "0" * 24).status_code == 404
    other = unique_email("disabled")
    uid = invite(s, other)
    links_for(s, other, 1)
    sql(s, "UPDATE users SET disabled = 1 WHERE id = '%s'" % uid)
    r = resend(s, uid)
    assert r.status_code == 422 and "disabled" in r.text
    assert len(mailtools.outbox(s.db, "recipient = ?", (other,))) == 1


def test_a_password_set_by_the_admin_ends_the_invitation(clocked):
    s = clocked
    email = unique_email("overridden")
    user_id = invite(s, email)
    _, (link,) = links_for(s, email, 1)
    r = s.admin.post(s.url("/admin/users/%s/password" % user_id),
                     data={"csrf": s.csrf, "password": "set-by-admin-1"},
                     allow_redirects=False, timeout=30)
    assert r.status_code == 303
    assert stackmod.http_session().get(s.url(link), timeout=10).status_code == 404
    assert login_status(s, email, "set-by-admin-1") == 200


def test_the_shell_invites_too(clocked, repo):
    s = clocked
    email = unique_email("shell")
    env = dict(os.environ, REQDESK_CONFIG=str(repo / "conf" / "reqdesk.conf"),
               REQDESK_TEMPLATES=str(repo / "templates"),
               REQDESK_LOCALE=os.path.join(s.build, "locale"),
               REQDESK_BASE_URL=s.base)
    r = subprocess.run([os.path.join(s.build, "reqdesk"), "--db", s.db, "user", "add",
                        "--email", email, "--name", "Shell Invited", "--level", "OWNER",
                        "--customer", "ACME", "--invite"], stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode == 0, r.stderr
    assert re.fullmatch(r"[0-9a-f]{24}\n", r.stdout), r.stdout
    msgs, (link,) = links_for(s, email, 1)
    assert msgs[0].get_body(("html",)) is not None
    assert (s.base + link) in msgs[0].get_body(("plain",)).get_content()
    assert choose(s, link, "shell-chosen-1").status_code == 303
    assert login_status(s, email, "shell-chosen-1") == 200
