"""The mails people expect, read as they are delivered by a real SMTP
server on loopback: who gets each one, in which language (a French, a
Danish and an English recipient), its subject, both parts (plain text and
an escaped HTML alternative), values in words (no internal code, property
path or ISO time), line breaks kept, and the unsubscribe link working.

One stack for the module: its users' languages are set here (the
session stack's users keep theirs)."""

import json
import os
import re
import sqlite3
import sys

import pytest
import requests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from conftest import api, browser_login, make_api_key  # noqa: E402
import bodies  # noqa: E402
import mailtools  # noqa: E402
import stack as stackmod  # noqa: E402
from inet import (  # noqa: E402
    NORDIC_IT, SEED_OFFERS, answered, create, day, fiber_body, post)

ORANGE = "/ordering/b2b/v2/requests"

# What a person never reads in a mail.
CODES = ["IN_PROGRESS", "R_BVPN_FR_1", "7_30_TO_12", "HAS_OFFER", "CANCELED",
         "contacts.primary", "servicePoint.", "FIBER\n", "ORDERED"]
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
ISO_DAY = re.compile(r"\b\d{4}-\d\d-\d\d\b")


@pytest.fixture(scope="module")
def desk():
    """A stack whose manager@acme.test reads English (their own choice)
    and it@nordic.test Danish (NORDIC's market); owner@acme.test French
    (ACME's market, no choice of their own)."""
    s = stackmod.start_stack(log_name="mail-people")
    try:
        con = sqlite3.connect(s.db, timeout=30)
        with con:
            con.execute("UPDATE users SET language = 'en', timezone = 'America/New_York'"
                        " WHERE email = 'manager@acme.test'")
        con.close()
        s.keys = {who: make_api_key(s, email) for who, email in (
            ("admin", "admin@reqdesk.test"), ("acme_owner", "owner@acme.test"),
            ("nordic_owner", "owner@nordic.test"), ("fdj_owner", "owner@fdj.test"))}
        yield s
    finally:
        s.close()


def box(s):
    return os.path.join(s.data, "mail")


def mails(s, rid, event):
    """The messages of `event` about `rid`, by recipient, as delivered
    (matched by their outbox id); waits for every one of them."""
    def found():
        rows = mailtools.outbox(s.db, "object_id = ? AND event = ?", (rid, event))
        if not rows or any(r["state"] != "sent" for r in rows):
            return None
        ids = {r["id"] for r in rows}
        got = [m for m in mailtools.messages(box(s)) if int(m["X-Reqdesk-Outbox-Id"]) in ids]
        return got if len(got) == len(ids) else None
    got = mailtools.wait_for(found, what="the %s mails about %s" % (event, rid))
    out = {str(m["To"]): m for m in got}
    assert len(out) == len(got), "one address got two: %r" % [str(m["To"]) for m in got]
    return out


def parts(m):
    """(plain text, HTML) of a message, checked to be an alternative."""
    assert m.get_content_type() == "multipart/alternative"
    text = m.get_body(("plain",)).get_content()
    html = m.get_body(("html",)).get_content()
    for p in (m.get_body(("plain",)), m.get_body(("html",))):
        assert p["Content-Transfer-Encoding"] == "quoted-printable"
    return text, html


def read_like_a_person(m):
    """No code, property path or ISO time where a person reads."""
    text, html = parts(m)
    for where in (str(m["Subject"]), text, re.sub(r"<[^>]+>", " ", html)):
        for code in CODES:
            assert code not in where, (code, where[:3000])
        assert not ISO_TIME.search(where), where[:3000]
        assert not ISO_DAY.search(where), where[:3000]


def unsubscribe_url(m):
    text, html = parts(m)
    url = re.search(r"(http://\S+/unsubscribe/[0-9a-f]{64})", text).group(1)
    assert str(m["List-Unsubscribe"]) == "<%s>" % url
    assert str(m["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click"
    assert 'href="%s"' % url in html
    return url


def orange_body(ref, comment=None):
    body = bodies.disconnect_body(ref, {"customerReference": "AAT-AA001-001"})
    body["properties"]["contacts"]["primary"]["email"] = "manager@acme.test"
    body["properties"]["contacts"]["secondary"] = {
        "title": "Mme", "firstName": "Nina", "lastName": "Holm",
        "phone": "+4533123456", "email": "it@nordic.test"}
    if comment is not None:
        body["comment"] = comment
    return body


def test_ordering_request_mails(desk):
    s = desk
    ref = "MP-<b>&1"
    r = s.post(ORANGE, headers=api(s, s.keys["acme_owner"]),
               data=json.dumps(orange_body(ref, "Site closes\nfor good <soon>")))
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    got = mails(s, rid, "request_created")
    assert sorted(got) == ["it@nordic.test", "manager@acme.test", "operator@localhost",
                           "owner@acme.test"]
    # each in its reader's words
    assert str(got["owner@acme.test"]["Subject"]) == \
        "[reqdesk] Reçue : Résiliation d'un site BVPN, votre référence %s" % ref
    assert str(got["manager@acme.test"]["Subject"]) == \
        "[reqdesk] Received: Disconnection of a BVPN site, your reference %s" % ref
    assert str(got["it@nordic.test"]["Subject"]) == \
        "[reqdesk] Modtaget: Opsigelse af et BVPN-site, jeres reference %s" % ref
    assert str(got["operator@localhost"]["Subject"]) == \
        "[reqdesk] New request from ACME France: Disconnection of a BVPN site, " \
        "customer reference %s" % ref
    text, html = parts(got["owner@acme.test"])
    assert "Nous avons bien reçu votre demande." in text
    assert "  Commentaire :\n    Site closes\n    for good <soon>\n" in text
    assert "Site closes<br>\nfor good &lt;soon&gt;<br>" in html       # escaped, lines kept
    assert ref not in html and "MP-&lt;b&gt;&amp;1" in html
    assert "Date souhaitée :" in text and "Point de service" in text
    text, html = parts(got["manager@acme.test"])
    assert "Alice Martin of ACME France has made a request that names you as a contact" in text
    text, _ = parts(got["it@nordic.test"])
    assert "har sendt en anmodning, der nævner dig som kontaktperson" in text
    text, html = parts(got["operator@localhost"])
    assert "Your reference" not in text and "Your reference" not in html
    assert "Customer's reference: %s" % ref in text
    assert "/admin/requests/%s" % rid in text
    assert "unsubscribe" not in text and got["operator@localhost"]["List-Unsubscribe"] is None
    for m in got.values():
        read_like_a_person(m)

    # a status change: the creator and both contacts, each in their words
    r = s.post(ORANGE + "/%s/status" % rid, headers=api(s, s.keys["admin"]),
               data=json.dumps({"status": "IN_PROGRESS",
                                "comment": "Technician booked\nfor Monday"}))
    assert r.status_code == 200, r.text
    status = mails(s, rid, "request_status")
    assert sorted(status) == ["it@nordic.test", "manager@acme.test", "owner@acme.test"]
    assert str(status["owner@acme.test"]["Subject"]) == \
        "[reqdesk] En cours : Résiliation d'un site BVPN, votre référence %s" % ref
    assert str(status["manager@acme.test"]["Subject"]) == \
        "[reqdesk] In progress: Disconnection of a BVPN site, your reference %s" % ref
    assert str(status["it@nordic.test"]["Subject"]) == \
        "[reqdesk] I gang: Opsigelse af et BVPN-site, jeres reference %s" % ref
    text, html = parts(status["owner@acme.test"])
    assert "Votre demande est passée de « Nouvelle » à « En cours »." in text
    assert "    Technician booked\n    for Monday\n" in text
    assert "Technician booked<br>\nfor Monday<br>" in html
    text, _ = parts(status["manager@acme.test"])
    assert 'has moved from \u201cNew\u201d to \u201cIn progress\u201d' in text
    text, _ = parts(status["it@nordic.test"])
    assert "er gået fra »Ny« til »I gang«" in text
    for m in status.values():
        read_like_a_person(m)

    # the Danish contact stops the mail of this request
    url = unsubscribe_url(status["it@nordic.test"])
    sess = stackmod.http_session("da")
    page = sess.get(url, timeout=10)
    assert page.status_code == 200 and "it@nordic.test" in page.text
    assert 'id="unsubscribe"' in page.text and "Stop e-mails om denne anmodning" in page.text
    assert "Opsigelse af et BVPN-site, reference %s" % ref.replace("&", "&amp;").replace(
        "<", "&lt;").replace(">", "&gt;") in page.text
    done = sess.post(url, timeout=10)
    assert done.status_code == 200 and 'id="unsubscribed"' in done.text
    again = sess.get(url, timeout=10)
    assert 'id="unsubscribe"' not in again.text and 'id="unsubscribed"' in again.text
    assert sess.get(url[:-1] + ("0" if url[-1] != "0" else "1"), timeout=10).status_code == 404
    # the next change reaches the two others, not it@nordic.test
    r = s.post(ORANGE + "/%s/status" % rid, headers=api(s, s.keys["admin"]),
               data=json.dumps({"status": "COMPLETED"}))
    assert r.status_code == 200, r.text
    rows = mailtools.outbox(s.db, "object_id = ? AND event = 'request_status'"
                            " AND subject LIKE '%' || ? || '%'", (rid, "Completed"))
    assert [x["recipient"] for x in rows] == ["manager@acme.test"]
    rows = mailtools.outbox(s.db, "object_id = ? AND event = 'request_status'", (rid,))
    assert sorted(x["recipient"] for x in rows) == sorted(
        ["owner@acme.test", "manager@acme.test", "it@nordic.test",
         "owner@acme.test", "manager@acme.test"])
    # and it still gets mail about another request
    r = s.post(ORANGE, headers=api(s, s.keys["acme_owner"]),
               data=json.dumps(orange_body("MP-OTHER")))
    assert r.status_code == 201
    other = r.json()["id"]
    assert [x["recipient"] for x in mailtools.outbox(
        s.db, "object_id = ? AND recipient = 'it@nordic.test'", (other,))] == ["it@nordic.test"]


def test_one_click_unsubscribe_and_cancellation(desk):
    """A mail client's one-click POST (RFC 8058) stops the mail; the
    operator hears of a customer's cancellation, in its own words."""
    s = desk
    r = s.post(ORANGE, headers=api(s, s.keys["acme_owner"]),
               data=json.dumps(orange_body("MP-CANCEL")))
    assert r.status_code == 201
    rid = r.json()["id"]
    got = mails(s, rid, "request_created")
    url = str(got["manager@acme.test"]["List-Unsubscribe"]).strip("<>")
    r = requests.post(url, data="List-Unsubscribe=One-Click", timeout=10,
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 200
    r = s.post(ORANGE + "/%s/status" % rid, headers=api(s, s.keys["acme_owner"]),
               data=json.dumps({"status": "CANCELED", "comment": "Moved\nelsewhere"}))
    assert r.status_code == 200, r.text
    m = mails(s, rid, "request_canceled")["operator@localhost"]
    assert str(m["Subject"]) == \
        "[reqdesk] Cancelled by ACME France: Disconnection of a BVPN site, customer reference MP-CANCEL"
    text, html = parts(m)
    assert "Alice Martin of ACME France has cancelled this request." in text
    assert "    Moved\n    elsewhere\n" in text and "Your reference" not in text
    read_like_a_person(m)
    rows = mailtools.outbox(s.db, "object_id = ? AND event = 'request_status'", (rid,))
    assert sorted(x["recipient"] for x in rows) == ["it@nordic.test", "owner@acme.test"]
    assert "Annulée" in [x for x in rows if x["recipient"] == "owner@acme.test"][0]["subject"]


def test_internet_request_mails(desk):
    s = desk
    con = sqlite3.connect(s.db, timeout=30)
    with con:
        con.execute("UPDATE users SET language = 'en' WHERE email = 'it@nordic.test'")
    con.close()
    try:
        rid = create(s, s.keys["nordic_owner"], fiber_body(
            reference="NORD-7", installTime="7_30_TO_12", startDate=day(20),
            notes="Gate code 1234\nRing twice", notify=[NORDIC_IT]))["_id"]
        got = mails(s, rid, "internet_created")
        assert sorted(got) == ["operator@localhost", "owner@nordic.test"]
        assert str(got["owner@nordic.test"]["Subject"]) == \
            "[reqdesk] Modtaget: internetadgang (Fiber), jeres reference NORD-7"
        text, html = parts(got["owner@nordic.test"])
        assert "Tidsrum: 7.30–12.00" in text and "Bemærkninger:" in text
        assert "    Gate code 1234\n    Ring twice\n" in text
        assert "Gate code 1234<br>\nRing twice<br>" in html
        op = got["operator@localhost"]
        assert str(op["Subject"]) == "[reqdesk] New Internet request from Nordic Retail ApS: " \
            "Fibre, customer reference NORD-7"
        text, _ = parts(op)
        assert "/admin/internet/%s" % rid in text and "Your reference" not in text
        for m in got.values():
            read_like_a_person(m)

        answered(s, s.keys["admin"], rid)
        ans = mails(s, rid, "internet_answered")
        assert sorted(ans) == ["it@nordic.test", "owner@nordic.test"]
        m = ans["it@nordic.test"]                         # their own choice: English
        assert str(m["Subject"]) == "[reqdesk] Time to select an offer: Internet " \
            "access (Fibre), your reference NORD-7"
        text, _ = parts(m)
        assert "Per month: DKK\xa01,600.00" in text and "Commitment: 12 months" in text
        text, html = parts(ans["owner@nordic.test"])
        assert "Pr. måned: 1.600,00\xa0kr." in text and "Binding: 24 måneder" in text
        assert "1.600,00\xa0kr." in html
        for m in ans.values():
            read_like_a_person(m)

        offers = json.loads(s.get("/internet/request/%s" % rid,
                                  headers={"X-API-Key": s.keys["nordic_owner"]}).text)["offers"]
        r = post(s, s.keys["nordic_owner"], "/internet/account",
                 {"customer": "NORDIC", "request": rid, "offer": offers[1]["_id"]})
        assert r.status_code == 201, r.text
        acc = r.json()
        ordered = mails(s, rid, "offer_ordered")
        assert sorted(ordered) == ["it@nordic.test", "operator@localhost", "owner@nordic.test"]
        assert str(ordered["owner@nordic.test"]["Subject"]) == \
            "[reqdesk] Bestilling modtaget: internetadgang (Fiber), jeres reference NORD-7"
        text, _ = parts(ordered["owner@nordic.test"])
        assert "Tak: Nils Jensen har bestilt tilbuddet" in text
        assert "Produkt: FIBER 1000/1000" in text and "Pr. måned: 1.300,00\xa0kr." in text
        op = ordered["operator@localhost"]
        assert str(op["Subject"]) == "[reqdesk] Offer ordered by Nordic Retail ApS: " \
            "FIBER 1000/1000, customer reference NORD-7"
        text, _ = parts(op)
        assert "waits for your confirmation" in text and "Your reference" not in text
        for m in ordered.values():
            read_like_a_person(m)

        r = post(s, s.keys["admin"], "/internet/account/%s/confirm" % acc["_id"],
                 {"startDate": day(30), "circuit": "FIB-77"})
        assert r.status_code == 200, r.text
        conf = mails(s, rid, "account_confirmed")
        assert sorted(conf) == ["it@nordic.test", "owner@nordic.test"]
        text, _ = parts(conf["it@nordic.test"])
        assert "Circuit: FIB-77" in text and "Time window: 7:30–12:00" in text
        for m in conf.values():
            read_like_a_person(m)
    finally:
        con = sqlite3.connect(s.db, timeout=30)
        with con:
            con.execute("UPDATE users SET language = NULL WHERE email = 'it@nordic.test'")
        con.close()


def test_french_internet_receipt_in_euros(desk):
    s = desk
    body = {"type": "FIBER", "customer": "FDJ", "ipAddresses": 8,
            "address": {"address": "10 rue de la Paix", "zip": "75002", "city": "Paris"},
            "product": "5eed00000000000000000002"}
    rid = create(s, s.keys["fdj_owner"], body)["_id"]
    got = mails(s, rid, "internet_created")
    m = got["owner@fdj.test"]
    assert str(m["Subject"]) == \
        "[reqdesk] Reçue : accès Internet (Fibre) au 10 rue de la Paix, 75002 Paris"
    text, _ = parts(m)
    assert "Nous avons bien reçu votre demande d’accès Internet." in text
    r = post(s, s.keys["admin"], "/internet/request/%s" % rid, SEED_OFFERS)
    assert r.status_code == 200, r.text
    m = mails(s, rid, "internet_answered")["owner@fdj.test"]
    text, _ = parts(m)
    assert "Par mois : 1\u202f600,00\xa0€" in text or "Par mois : 1 600,00 €" in text, text
    read_like_a_person(m)


def test_operator_language(fresh_stack):
    """[mail] operator_language: the operator's mailbox reads French."""
    s = fresh_stack(REQDESK_MAIL_OPERATOR_LANGUAGE="fr")
    key = make_api_key(s, "owner@acme.test")
    r = s.post(ORANGE, headers=api(s, key), data=json.dumps(orange_body("MP-OPFR")))
    assert r.status_code == 201
    rid = r.json()["id"]
    m = mails(s, rid, "request_created")["operator@localhost"]
    assert str(m["Subject"]) == "[reqdesk] Nouvelle demande de ACME France : Résiliation " \
        "d'un site BVPN, référence client MP-OPFR"
    text, _ = parts(m)
    assert "Référence du client : MP-OPFR" in text and "Votre référence" not in text
