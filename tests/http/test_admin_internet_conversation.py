"""The conversation on the operator's offer entry page (/admin/internet/{id},
issue 18 part 3): the request's timeline (sent, offers, the account's
steps, the replies and internal notes with their files) and the reply /
internal-note form, the same code as the customer's Internet page
(conv_pages.c through inet_page_conversation), posting to the page's own
/notes and serving files from its own /files: the operator stays on the
offer entry page, the customer reads the reply on theirs, and never the
internal note."""

import os
import re
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import inet  # noqa: E402
import mailtools  # noqa: E402
import stack as stackmod  # noqa: E402
from conftest import make_api_key  # noqa: E402
from test_conversation_pages import (entries, form_token, login, page, q, reply,  # noqa: E402
                                     timeline)
from test_conversations import PDF  # noqa: E402

MiB = 1024 * 1024


@pytest.fixture(scope="module")
def desk():
    s = stackmod.start_stack(log_name="admin-internet-conversation")
    try:
        s.keys = {who: make_api_key(s, email) for who, email in (
            ("admin", "admin@reqdesk.test"), ("nordic_owner", "owner@nordic.test"))}
        yield s
    finally:
        s.close()


def ordered(s):
    """A NORDIC request with the seed's offers, the first one ordered."""
    rid = inet.create(s, s.keys["nordic_owner"], inet.fiber_body())["_id"]
    offers = inet.answered(s, s.keys["admin"], rid)["offers"]
    r = inet.post(s, s.keys["nordic_owner"], "/internet/account",
                  {"customer": "NORDIC", "request": rid, "offer": offers[0]["_id"]})
    assert r.status_code == 201, r.text
    return rid


def test_the_offer_entry_page_shows_the_timeline_and_the_form(desk):
    s = desk
    rid = ordered(s)
    admin, _ = login(s, "admin@reqdesk.test")
    html = page(s, admin, "/admin/internet/%s" % rid)
    got = entries(timeline(html))
    assert [k for k, _ in got] == ["event", "event", "event"], got
    assert "Request sent" in got[0][1] and "Offers sent" in got[1][1]
    assert "Account: “Ordered”" in got[2][1], got
    form = re.search(r'<form[^>]*id="reply-form"[^>]*>', html).group(0)
    assert 'action="/admin/internet/%s/notes"' % rid in form, form
    assert 'enctype="multipart/form-data"' in form
    assert 'name="internal"' in html          # the operator's internal-note choice
    # the offer entry page is still all there
    assert 'id="save"' in html and 'id="account-state"' in html
    # in the operator's language
    admin_da, _ = login(s, "admin@reqdesk.test", "da")
    html = page(s, admin_da, "/admin/internet/%s" % rid)
    assert "Samtale" in html and "Konto: »Bestilt«" in html


def test_the_operator_answers_from_the_offer_entry_page(desk):
    s = desk
    rid = inet.create(s, s.keys["nordic_owner"], inet.fiber_body())["_id"]
    cust, ccsrf = login(s, "owner@nordic.test")
    r = reply(s, cust, ccsrf, "/internet/%s" % rid, "Can you deliver before Christmas?")
    assert r.status_code == 303
    admin, acsrf = login(s, "admin@reqdesk.test")
    base = "/admin/internet/%s" % rid
    html = page(s, admin, base)
    assert "Can you deliver before Christmas?" in timeline(html)
    r = reply(s, admin, acsrf, base, "Yes, in week 50: see the plan.",
              files=[("plan.pdf", PDF, "application/pdf")])
    assert r.status_code == 303, r.text[:800]
    loc = r.headers["Location"]
    assert loc.startswith(base + "?done=replied#note-"), loc
    html = page(s, admin, loc)
    assert "Your reply was added to the conversation." in html
    assert 'id="request-waiting"' in html            # now the customer's turn
    links = re.findall(r'<a href="(%s/files/[0-9a-f]{24})" class="file-link" download>'
                       r'plan\.pdf</a>' % re.escape(base), html)
    assert len(links) == 1, html[html.find("timeline"):][:1500]
    got = admin.get(s.url(links[0]), timeout=20)
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["Content-Disposition"].startswith("attachment")
    # the customer reads it on their page, the file from their own route
    html = page(s, cust, "/internet/%s" % rid)
    assert "Yes, in week 50: see the plan." in timeline(html)
    fid = links[0].rsplit("/", 1)[1]
    assert "/internet/%s/files/%s" % (rid, fid) in html
    assert cust.get(s.url("/internet/%s/files/%s" % (rid, fid)), timeout=20).content == PDF
    # and is mailed about it
    def mailed():
        rows = mailtools.outbox(s.db, "object_id = ? AND event = 'reply_added' AND "
                                "recipient = 'owner@nordic.test'", (rid,))
        return rows or None
    assert mailtools.wait_for(mailed, what="the reply's mail to the customer")
    # the operator's pages are the operator's: a customer gets 403
    r = cust.post(s.url(base + "/notes"), data={"csrf": ccsrf, "text": "x",
                  "form_token": form_token(page(s, cust, "/internet/%s" % rid))},
                  files=[("file", ("", b"", "application/octet-stream"))],
                  allow_redirects=False, timeout=20)
    assert r.status_code == 403
    assert cust.get(s.url(links[0]), timeout=20).status_code == 403
    assert q(s, "SELECT count(*) FROM notes WHERE request_id = ?", (rid,))[0][0] == 2


def test_an_internal_note_from_the_offer_entry_page_stays_internal(desk):
    s = desk
    rid = inet.create(s, s.keys["nordic_owner"], inet.fiber_body())["_id"]
    admin, acsrf = login(s, "admin@reqdesk.test")
    base = "/admin/internet/%s" % rid
    r = reply(s, admin, acsrf, base, "Quuxfrob: check the ducts first.", internal=True,
              files=[("ducts.txt", b"Quuxfrob duct map\n", "text/plain")])
    assert r.status_code == 303 and "done=noted" in r.headers["Location"]
    html = page(s, admin, base)
    assert "Quuxfrob" in html and "badge-internal" in html
    assert 'id="request-waiting"' not in html         # a note asks the customer nothing
    fid = re.search(r'%s/files/([0-9a-f]{24})' % re.escape(base), html).group(1)
    cust, _ = login(s, "owner@nordic.test")
    html = page(s, cust, "/internet/%s" % rid)
    assert "Quuxfrob" not in html and "ducts.txt" not in html and fid not in html
    for path in ("notes", "attachments"):
        r = inet.get(s, s.keys["nordic_owner"], "/internet/request/%s/%s" % (rid, path))
        assert r.status_code == 200 and "Quuxfrob" not in r.text and fid not in r.text
    assert cust.get(s.url("/internet/%s/files/%s" % (rid, fid)), timeout=20).status_code == 404
    assert mailtools.outbox(s.db, "object_id = ? AND event = 'reply_added'", (rid,)) == []


def test_a_refused_reply_shows_the_offer_entry_page_again(desk):
    s = desk
    rid = inet.create(s, s.keys["nordic_owner"], inet.fiber_body())["_id"]
    admin, acsrf = login(s, "admin@reqdesk.test", "fr")
    base = "/admin/internet/%s" % rid
    before = q(s, "SELECT (SELECT count(*) FROM notes), (SELECT count(*) FROM blobs)")[0]
    r = reply(s, admin, acsrf, base, "  ")
    assert r.status_code == 422
    assert 'id="reply-text-error">' in r.text and 'id="save"' in r.text
    big = b"%PDF-1.4\n" + b"0" * (10 * MiB + 1 - 9)
    r = reply(s, admin, acsrf, base, "Le plan complet.",
              files=[("plan.pdf", big, "application/pdf")])
    assert r.status_code == 413
    assert 'id="reply-files-error">' in r.text and ">Le plan complet.</textarea>" in r.text
    assert 'id="request-id">%s<' % rid in r.text      # the offer entry page, again
    assert q(s, "SELECT (SELECT count(*) FROM notes), (SELECT count(*) FROM blobs)")[0] == before
