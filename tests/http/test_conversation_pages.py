"""Conversations on the request pages (docs/CONVERSATIONS.md, "On the
pages"), through nginx, the real desk and a real SMTP server on loopback:
the timeline of both families in each language, the reply form
(multipart/form-data, no JavaScript) with its files, its errors in words,
the operator's internal note that never reaches a customer by any route,
"waiting for the customer", and the mail of each reply to the other side.

One stack for the module, so that its mails can be counted."""

import hashlib
import json
import os
import re
import sqlite3
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from conftest import api, browser_login, make_api_key  # noqa: E402
import bodies  # noqa: E402
import inet  # noqa: E402
import mailtools  # noqa: E402
import stack as stackmod  # noqa: E402
from test_conversations import PDF, png  # noqa: E402

OR = "/ordering/b2b/v2/requests"
MiB = 1024 * 1024


@pytest.fixture(scope="module")
def desk():
    s = stackmod.start_stack(log_name="conversation-pages")
    try:
        s.keys = {who: make_api_key(s, email) for who, email in (
            ("admin", "admin@reqdesk.test"), ("acme_owner", "owner@acme.test"),
            ("acme_manager", "manager@acme.test"),
            ("nordic_owner", "owner@nordic.test"), ("fdj_owner", "owner@fdj.test"))}
        yield s
    finally:
        s.close()


def q(s, statement, args=()):
    con = sqlite3.connect(s.db, timeout=30)
    try:
        return con.execute(statement, args).fetchall()
    finally:
        con.close()


def login(s, email, lang="en"):
    sess, csrf = browser_login(s, email)
    sess.headers["Accept-Language"] = lang
    return sess, csrf


def orange_request(s, ref, contacts=True):
    body = bodies.disconnect_body(ref)
    if contacts:
        body["properties"]["contacts"]["secondary"] = {
            "title": "Mme", "firstName": "Nina", "lastName": "Holm",
            "phone": "+4533123456", "email": "nina.holm@example.net"}
    r = s.post(OR, headers=api(s, s.keys["acme_owner"]), data=json.dumps(body))
    assert r.status_code == 201, r.text
    return r.json()["id"]


def page(s, sess, path):
    r = sess.get(s.url(path), timeout=20)
    assert r.status_code == 200, (r.status_code, r.text[:800])
    return r.text


def form_token(html):
    m = re.search(r'id="reply-form".*?name="form_token" value="([0-9a-f]{32})"', html, re.S)
    assert m, "no reply form"
    return m.group(1)


def reply(s, sess, csrf, base, text, files=(), internal=False, token=None):
    """Post the page's reply form as a browser does (multipart)."""
    if token is None:
        token = form_token(page(s, sess, base))
    data = {"csrf": csrf, "form_token": token, "text": text}
    if internal:
        data["internal"] = "1"
    parts = [("file", f) for f in files] or [("file", ("", b"", "application/octet-stream"))]
    return sess.post(s.url(base + "/notes"), data=data, files=parts,
                     allow_redirects=False, timeout=60)


def entries(html):
    """The timeline as (kind, text of the entry without tags)."""
    out = []
    for chunk in html.split('<li class="timeline-entry entry-')[1:]:
        kind, rest = chunk.split('"', 1)
        out.append((kind, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", rest.split(">", 1)[1]))))
    return out


def timeline(html):
    m = re.search(r'<ol class="timeline" id="timeline">(.*?)</ol>', html, re.S)
    assert m, "no timeline"
    return m.group(1)


def mails_of(s, rid, count):
    """The reply_added mails about `rid` once `count` were sent, by
    recipient."""
    def found():
        rows = mailtools.outbox(s.db, "object_id = ? AND event = 'reply_added'", (rid,))
        if len(rows) != count or any(r["state"] != "sent" for r in rows):
            return None
        ids = {r["id"] for r in rows}
        got = [m for m in mailtools.messages(os.path.join(s.data, "mail"))
               if int(m["X-Reqdesk-Outbox-Id"]) in ids]
        return got if len(got) == len(ids) else None
    got = mailtools.wait_for(found, what="%d reply mails about %s" % (count, rid))
    return got


def texts(m):
    return m.get_body(("plain",)).get_content(), m.get_body(("html",)).get_content()


# ---- the timeline, in each language ------------------------------------------

WORDS = {
    "en": ("Conversation", "Your reply", "PDF document", "Send"),
    "fr": ("Échanges", "Votre réponse", "document PDF", "Envoyer"),
    "da": ("Samtale", "Dit svar", "PDF-dokument", "Send"),
}


def test_the_timeline_in_each_language(desk):
    s = desk
    rid = orange_request(s, "CP-TL-1")
    admin, acsrf = login(s, "admin@reqdesk.test")
    r = reply(s, admin, acsrf, "/requests/%s" % rid,
              "Please confirm the <b>access</b> code.\nThe site closes at 17:00.",
              files=[("plan.pdf", PDF, "application/pdf")])
    assert r.status_code == 303, r.text[:800]
    assert r.headers["Location"].startswith("/requests/%s?done=replied#note-" % rid)
    # a status change after the reply: the timeline keeps time order
    r = s.post("%s/%s/status" % (OR, rid), headers=api(s, s.keys["admin"]),
               data=json.dumps({"status": "IN_PROGRESS", "comment": "Planned"}))
    assert r.status_code in (200, 201), r.text
    staff = q(s, "SELECT name FROM users WHERE email = 'admin@reqdesk.test'")[0][0]
    for lang, (title, label, kind, send) in WORDS.items():
        cust, _ = login(s, "owner@acme.test", lang)
        html = page(s, cust, "/requests/%s" % rid)
        assert '<h2 id="conversation-title">%s</h2>' % title in html, lang
        assert ">%s</label>" % label in html and ">%s</button>" % send in html
        got = entries(timeline(html))
        assert [k for k, _ in got] == ["event", "reply", "event"], got
        # to the customer the operator's side signs as the operator
        assert "Orange" in got[1][1] and staff not in got[1][1], got[1]
        # the text escaped, its line break kept
        assert ("Please confirm the &lt;b&gt;access&lt;/b&gt; code.\nThe site closes "
                "at 17:00.") in html
        # the file: name, kind and size in words, never a MIME type
        assert "plan.pdf" in got[1][1] and kind in got[1][1], got[1]
        assert re.search(r"\(%s, \d+ (bytes|octets|byte)\)" % re.escape(kind), got[1][1]), got[1]
        assert "application/pdf" not in timeline(html)
        assert 'badge-internal' not in html
        assert 'name="internal"' not in html
    # the operator reads the staff member's name and may write an internal note
    html = page(s, admin, "/requests/%s" % rid)
    got = entries(timeline(html))
    assert "Orange" not in got[1][1] and staff in got[1][1], got[1]
    assert 'id="reply-internal" name="internal"' in html


def test_the_internet_page_has_its_conversation(desk):
    s = desk
    rid = inet.create(s, s.keys["nordic_owner"], inet.fiber_body())["_id"]
    cust, csrf = login(s, "owner@nordic.test", "da")
    r = reply(s, cust, csrf, "/internet/%s" % rid, "Kan I levere før jul?")
    assert r.status_code == 303, r.text[:800]
    html = page(s, cust, r.headers["Location"])
    assert "Dit svar blev føjet til samtalen." in html
    got = entries(timeline(html))
    assert [k for k, _ in got] == ["event", "reply"], got
    assert "Kan I levere før jul?" in got[1][1]
    # the operator answers from the same page, and the customer is told
    admin, acsrf = login(s, "admin@reqdesk.test")
    r = reply(s, admin, acsrf, "/internet/%s" % rid, "Yes, in week 50.")
    assert r.status_code == 303
    html = page(s, cust, "/internet/%s" % rid)
    assert 'id="request-waiting"' in html and 'id="waiting-customer"' in html
    m = mails_of(s, rid, 2)
    to = sorted(str(x["To"]) for x in m)
    assert to == ["operator@localhost", "owner@nordic.test"], to
    dk = [x for x in m if str(x["To"]) == "owner@nordic.test"][0]
    text, html = texts(dk)
    assert "Yes, in week 50." in text and "Yes, in week 50." in html
    assert "/internet/%s" % rid in text


def test_the_internet_timeline_follows_the_account(desk):
    s = desk
    rid = inet.create(s, s.keys["nordic_owner"], inet.fiber_body())["_id"]
    offers = inet.answered(s, s.keys["admin"], rid)["offers"]
    r = inet.post(s, s.keys["nordic_owner"], "/internet/account",
                  {"customer": "NORDIC", "request": rid, "offer": offers[0]["_id"]})
    assert r.status_code == 201, r.text
    cust, _ = login(s, "owner@nordic.test")
    got = entries(timeline(page(s, cust, "/internet/%s" % rid)))
    assert [k for k, _ in got] == ["event", "event", "event"], got
    assert "Request sent" in got[0][1] and "Offers sent" in got[1][1], got
    assert "Orange" in got[1][1]
    assert "Account: “Ordered”" in got[2][1], got[2]


# ---- the reply form ----------------------------------------------------------

def test_a_reply_with_files_through_the_form(desk):
    s = desk
    rid = orange_request(s, "CP-FORM-1")
    base = "/requests/%s" % rid
    cust, csrf = login(s, "manager@acme.test")
    image = png(3)
    token = form_token(page(s, cust, base))
    r = reply(s, cust, csrf, base, "Photo of the cabinet attached.",
              files=[("C:\\photos\\cabinet.png", image, "image/png"),
                     ("notes.txt", b"door code 1234\n", "text/plain")], token=token)
    assert r.status_code == 303, r.text[:800]
    # the same form sent twice stores one reply
    r2 = reply(s, cust, csrf, base, "Photo of the cabinet attached.",
               files=[("cabinet.png", image, "image/png")], token=token)
    assert r2.status_code == 303
    assert q(s, "SELECT count(*) FROM notes WHERE request_id = ?", (rid,))[0][0] == 1
    html = page(s, cust, base)
    links = re.findall(r'<a href="(/requests/%s/files/[0-9a-f]{24})" class="file-link" '
                       r'download>([^<]+)</a>' % rid, html)
    assert [n for _, n in links] == ["cabinet.png", "notes.txt"], links
    got = cust.get(s.url(links[0][0]), timeout=20)
    assert got.status_code == 200 and got.content == image
    assert got.headers["Content-Type"] == "image/png"
    assert got.headers["Content-Disposition"].startswith("attachment")
    assert got.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in got.headers["Content-Security-Policy"]
    # the JSON sees the same files
    r = s.get("%s/%s/attachments" % (OR, rid), headers={"X-API-Key": s.keys["acme_owner"]})
    assert sorted(a["sha256"] for a in r.json()) == sorted(
        [hashlib.sha256(image).hexdigest(), hashlib.sha256(b"door code 1234\n").hexdigest()])
    # without the session's CSRF token nothing is stored
    r = cust.post(s.url(base + "/notes"), data={"csrf": "0" * 64, "text": "x"},
                  files=[("file", ("a.txt", b"a", "text/plain"))], allow_redirects=False)
    assert r.status_code == 403
    assert q(s, "SELECT count(*) FROM notes WHERE request_id = ?", (rid,))[0][0] == 1


def test_the_form_refuses_in_words_and_keeps_nothing(desk):
    s = desk
    rid = orange_request(s, "CP-ERR-1")
    base = "/requests/%s" % rid
    cust, csrf = login(s, "owner@acme.test", "fr")
    before = q(s, "SELECT (SELECT count(*) FROM notes), (SELECT count(*) FROM attachments),"
                  " (SELECT count(*) FROM blobs)")[0]
    big = b"%PDF-1.4\n" + b"0" * (10 * MiB + 1 - 9)
    assert len(big) == 10 * MiB + 1
    r = reply(s, cust, csrf, base, "Le plan complet.", files=[("plan.pdf", big, "application/pdf")])
    assert r.status_code == 413, r.text[:500]
    assert re.search(r'<span class="field-error" id="reply-files-error">Le fichier « plan\.pdf »'
                     r' dépasse 10[ \u202f\u00a0]Mo', r.text), r.text[r.text.find("reply-files"):][:600]
    assert 'aria-invalid="true"' in r.text
    assert ">Le plan complet.</textarea>" in r.text     # what was typed is kept
    r = reply(s, cust, csrf, base, "   \n ")
    assert r.status_code == 422
    assert 'id="reply-text-error">Écrivez votre réponse avant de l’envoyer.' in r.text
    r = reply(s, cust, csrf, base, "Une page", files=[("page.html", b"<html><script>x</script>",
                                                       "text/html")])
    assert r.status_code == 415
    assert "n’est pas un fichier PDF" in r.text
    for api_words in ("Invalid body", "Precondition failed", "must be", "Payload"):
        assert api_words not in re.sub(r"<[^>]+>", " ", r.text)
    after = q(s, "SELECT (SELECT count(*) FROM notes), (SELECT count(*) FROM attachments),"
                 " (SELECT count(*) FROM blobs)")[0]
    assert after == before


# ---- the internal note -------------------------------------------------------

def test_an_internal_note_never_reaches_the_customer(desk):
    s = desk
    rid = orange_request(s, "CP-INT-1")
    base = "/requests/%s" % rid
    admin, acsrf = login(s, "admin@reqdesk.test")
    secret = "Zorblax escalation"
    r = reply(s, admin, acsrf, base, secret + ": the customer is slow.", internal=True,
              files=[("internal-memo.txt", b"Zorblax memo\n", "text/plain")])
    assert r.status_code == 303 and "done=noted" in r.headers["Location"]
    html = page(s, admin, base)
    assert secret in html and "badge-internal" in html
    fid = re.search(r'/requests/%s/files/([0-9a-f]{24})' % rid, html).group(1)
    # the operator's own reply afterwards: its mail goes out, never the note's
    r = reply(s, admin, acsrf, base, "We are on it.")
    assert r.status_code == 303
    cust, _ = login(s, "owner@acme.test")
    # the page
    html = page(s, cust, base)
    assert "Zorblax" not in html and "internal-memo" not in html and fid not in html
    # the JSON
    for path in ("notes", "attachments"):
        r = s.get("%s/%s/%s" % (OR, rid, path), headers={"X-API-Key": s.keys["acme_owner"]})
        assert r.status_code == 200 and "Zorblax" not in r.text and fid not in r.text
    # the CSV export
    r = cust.get(s.url("/requests.csv?customerReference=CP-INT-1"), timeout=20)
    assert r.status_code == 200 and rid in r.text and "Zorblax" not in r.text
    # the search: the operator finds it by the note's words, the customer not
    r = s.get(OR + "?q=zorblax", headers={"X-API-Key": s.keys["acme_owner"]})
    assert r.status_code == 200 and r.json() == [], r.text
    assert "Zorblax" not in page(s, cust, "/search?q=zorblax")
    assert rid not in page(s, cust, "/search?q=zorblax")
    assert rid in page(s, admin, "/search?q=zorblax")
    # the download by id answers as an unknown file does
    unknown = cust.get(s.url("%s/files/%s" % (base, "0" * 24)), timeout=20)
    hidden = cust.get(s.url("%s/files/%s" % (base, fid)), timeout=20)
    assert hidden.status_code == unknown.status_code == 404
    # the same page but for the id asked for (its own address) and the request id
    strip = lambda t, f: re.sub(r'[0-9a-f]{32}', "", t.replace(f, "FID"))  # noqa: E731
    assert strip(hidden.text, fid) == strip(unknown.text, "0" * 24)
    assert admin.get(s.url("%s/files/%s" % (base, fid))).content == b"Zorblax memo\n"
    # the mail: the reply went to the customer's people, the note to nobody
    m = mails_of(s, rid, 3)     # creator, primary and secondary contacts
    assert sorted(str(x["To"]) for x in m) == [
        "nina.holm@example.net", "owner@acme.test", "paul.langel@mycompany.com"]
    for x in m:
        text, html = texts(x)
        assert "Zorblax" not in text + html + str(x["Subject"])
        assert "We are on it." in text
    assert not [x for x in mailtools.messages(os.path.join(s.data, "mail"))
                if "Zorblax" in x.get_body(("plain",)).get_content()]


def test_another_customers_file_answers_like_an_unknown_one(desk):
    s = desk
    rid = orange_request(s, "CP-OTHER-1")
    cust, csrf = login(s, "owner@acme.test")
    r = reply(s, cust, csrf, "/requests/%s" % rid, "Our plan.",
              files=[("plan.pdf", PDF, "application/pdf")])
    assert r.status_code == 303
    fid = q(s, "SELECT id FROM attachments WHERE request_id = ?", (rid,))[0][0]
    mine = inet.create(s, s.keys["nordic_owner"], inet.fiber_body())["_id"]
    other, _ = login(s, "owner@nordic.test")
    # on ACME's request (not NORDIC's to see) and through NORDIC's own
    for path in ("/requests/%s/files/%s" % (rid, fid),
                 "/requests/%s/files/%s" % (rid, "1" * 24)):
        r = other.get(s.url(path), timeout=20)
        assert r.status_code == 404 and b"%PDF" not in r.content
    a = other.get(s.url("/internet/%s/files/%s" % (mine, fid)), timeout=20)
    b = other.get(s.url("/internet/%s/files/%s" % (mine, "1" * 24)), timeout=20)
    assert a.status_code == b.status_code == 404
    strip = lambda t, f: re.sub(r'[0-9a-f]{32}', "", t.replace(f, "FID"))  # noqa: E731
    assert strip(a.text, fid) == strip(b.text, "1" * 24)
    # nor can they write on it
    r = other.post(s.url("/requests/%s/notes" % rid), data={"csrf": _, "text": "hi"},
                   files=[("file", ("", b"", "application/octet-stream"))],
                   allow_redirects=False)
    assert r.status_code == 404


# ---- waiting for the customer -----------------------------------------------

def test_waiting_for_the_customer_appears_and_clears(desk):
    s = desk
    rid = orange_request(s, "CP-WAIT-1")
    base = "/requests/%s" % rid
    admin, acsrf = login(s, "admin@reqdesk.test")
    cust, csrf = login(s, "owner@acme.test")
    assert 'id="request-waiting"' not in page(s, cust, base)

    def listed(sess):
        html = page(s, sess, "/requests?customerReference=CP-WAIT-1")
        row = re.search(r'<tr>\s*<td><a href="/requests/%s">.*?</tr>' % rid, html, re.S)
        assert row, html[:2000]
        return 'data-waiting="1"' in row.group(0)

    # an internal note asks the customer nothing
    assert reply(s, admin, acsrf, base, "Check the site first.", internal=True).status_code == 303
    assert not listed(cust) and not listed(admin)
    assert reply(s, admin, acsrf, base, "Which floor is the cabinet on?").status_code == 303
    assert q(s, "SELECT waiting FROM queue WHERE request_id = ?", (rid,)) == [(1,)]
    html = page(s, cust, base)
    assert 'id="request-waiting"' in html and 'id="waiting-customer"' in html
    assert listed(cust) and listed(admin)
    # the customer answers: it no longer waits
    assert reply(s, cust, csrf, base, "Third floor.").status_code == 303
    assert q(s, "SELECT waiting FROM queue WHERE request_id = ?", (rid,)) == [(0,)]
    assert 'id="request-waiting"' not in page(s, cust, base)
    assert not listed(cust) and not listed(admin)
    # asked again, then completed: a closed request waits for nobody
    assert reply(s, admin, acsrf, base, "Anything else?").status_code == 303
    assert listed(cust)
    for to in ("IN_PROGRESS", "COMPLETED"):
        r = s.post("%s/%s/status" % (OR, rid), headers=api(s, s.keys["admin"]),
                   data=json.dumps({"status": to}))
        assert r.status_code in (200, 201), r.text
    assert not listed(cust) and 'id="request-waiting"' not in page(s, cust, base)


# ---- the mails -------------------------------------------------------------

def test_each_reply_mails_the_other_side(desk):
    s = desk
    rid = orange_request(s, "CP-MAIL-1")
    base = "/requests/%s" % rid
    cust, csrf = login(s, "manager@acme.test")
    assert reply(s, cust, csrf, base, "Is the date still right?",
                 files=[("plan.pdf", PDF, "application/pdf")]).status_code == 303
    m = mails_of(s, rid, 1)
    assert str(m[0]["To"]) == "operator@localhost"
    text, html = texts(m[0])
    assert "Is the date still right?" in text and "plan.pdf" in text
    assert "/admin/requests/%s" % rid in text and "unsubscribe" not in text
    admin, acsrf = login(s, "admin@reqdesk.test")
    assert reply(s, admin, acsrf, base, "Yes.\nSee you then.").status_code == 303
    # once an operator handles the request, the customer's reply is theirs
    r = admin.post(s.url("/admin/assign"), data={"csrf": acsrf, "family": "orange", "id": rid,
                   "assignee": "me", "back": "/admin"}, allow_redirects=False)
    assert r.status_code == 303, r.text[:500]
    assert reply(s, cust, csrf, base, "And the access code?").status_code == 303
    m = mails_of(s, rid, 5)
    to_op = [x for x in m if "And the access code?" in x.get_body(("plain",)).get_content()]
    assert [str(x["To"]) for x in to_op] == ["admin@reqdesk.test"]
    text, _ = texts(to_op[0])
    assert "/admin/requests/%s" % rid in text and "unsubscribe" not in text
    m = [x for x in m if str(x["To"]) not in ("operator@localhost", "admin@reqdesk.test")]
    by = {str(x["To"]): x for x in m}
    assert sorted(by) == ["nina.holm@example.net", "owner@acme.test",
                          "paul.langel@mycompany.com"]
    # owner@acme.test reads French (ACME's market), as do the contacts
    fr = by["owner@acme.test"]
    text, html = texts(fr)
    assert str(fr["Subject"]).startswith("[reqdesk] Nouvelle réponse"), str(fr["Subject"])
    assert "Orange a répondu" in text and "Admin" not in text
    assert "    Yes.\n    See you then." in text and "Yes.<br>" in html
    assert "%s/requests/%s" % ("http", rid) not in text  # the link is the full address
    assert re.search(r"https?://\S+/requests/%s" % rid, text)
    assert fr.get_content_type() == "multipart/alternative"
    # an address that stopped the mail about this request gets no more
    url = re.search(r"(http://\S+/unsubscribe/[0-9a-f]{64})", text).group(1)
    path = url[url.index("/unsubscribe/"):]
    sess = stackmod.http_session()
    r = sess.post(s.url(path), allow_redirects=False)
    assert r.status_code in (200, 303), r.status_code
    assert reply(s, admin, acsrf, base, "One more thing.").status_code == 303
    m = mails_of(s, rid, 7)
    last = [x for x in m if "One more thing." in x.get_body(("plain",)).get_content()]
    assert sorted(str(x["To"]) for x in last) == ["nina.holm@example.net",
                                                  "paul.langel@mycompany.com"]
