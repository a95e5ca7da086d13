"""The operator's pages in English, French and Danish: every text in the
reader's language (none of the English texts of these pages left in a
French or Danish page), values in words (no status, state, level or mail
code, no ISO time where a person reads), and the offer entry page taking
numbers in the operator's conventions: a Danish "2.995,00" and a French
"2 995,00" (or "2995,00") stored as 2995 and shown back in each one's
forms with the customer's currency; what cannot be read is a sentence at
its field, and the JSON API keeps its own numbers and messages."""

import html
import os
import re
import sys

import pytest

sys.path.insert(0, "/usr/lib/python3/dist-packages")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import polib  # noqa: E402

from conftest import browser_login  # noqa: E402
from inet import (  # noqa: E402
    FIBER_100, FIBER_1000, FIBER_FEE, SEED_OFFERS, answered, create, fiber_body,
    get, post)
import stack as stackmod  # noqa: E402

REPO = stackmod.REPO
# Codes a person never reads on these pages (attributes aside).
CODES = ["IN_PROGRESS", "HAS_OFFER", "7_30_TO_12", "7_30_TO_16", "OPERATIONAL",
         "TERMINATED", "SUSPENDED", "VIEWER", "MANAGER", "RESELLER_ADMIN", "ADMIN",
         "ORDERED", "CONFIRMED", "queued", "sending", "offers[", "monthlyCustomer",
         "initiationCustomer", "request_created", "internet_answered"]
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
# The files of the operator's pages: their texts must all be translated.
MINE = re.compile(r"^(templates/(admin_[a-z_]+|import_form)\.tpl|cgi/(admin_[a-z_]+|user)\.c)$")


def visible(page):
    """The text a person reads: no tags, scripts, or attribute values;
    the values of inputs and the texts of options are read, and kept."""
    page = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
    values = " ".join(re.findall(r'<input[^>]*\bvalue="([^"]*)"', page))
    return html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + values)


def english_texts(lang):
    """The English texts of the operator's pages whose translation in
    `lang` differs (a text that is the same in both cannot tell)."""
    out = []
    for e in polib.pofile(str(REPO / "po" / ("%s.po" % lang))):
        if e.obsolete or e.msgid_plural or not any(MINE.match(f) for f, _ in e.occurrences):
            continue
        text = re.sub(r"<[^>]+>|\{\{[^}]*\}\}|\{[1-3]\}", "\x00", e.msgid)
        for piece in text.split("\x00"):
            piece = piece.strip(" .,:;()—–-")
            # a phrase of three words at least, not the translation's own
            if len(piece.split()) >= 3 and piece not in e.msgstr:
                out.append(piece)
    return out


@pytest.fixture(scope="module")
def desk():
    s = stackmod.start_stack(log_name="admin-pages")
    try:
        yield s
    finally:
        s.close()


def operator(s, lang):
    """The operator logged in, reading in `lang` (the browser's
    Accept-Language: the demo operator chose none)."""
    sess, csrf = browser_login(s, "admin@reqdesk.test")
    sess.headers["Accept-Language"] = lang
    return sess, csrf


def value_of(text, name):
    m = re.search(r'name="%s"[^>]*value="([^"]*)"' % re.escape(name), text)
    return html.unescape(m.group(1)) if m else None


def field_error(text, name):
    m = re.search(r'<span class="field-error" id="%s-error">([^<]*)</span>' % re.escape(name),
                  text)
    return html.unescape(m.group(1)) if m else None


def admin_paths(s, key):
    rid = create(s, key, fiber_body(reference="PAGES-1", installTime="7_30_TO_12"))["_id"]
    answered(s, s.admin_key, rid)
    return ["/admin", "/admin/users", "/admin/users/5eed0000000000000000f002",
            "/admin/customers", "/admin/customers/FDJ", "/admin/customers/NORDIC",
            "/admin/servicepoints", "/admin/products", "/admin/addresses",
            "/admin/outbox", "/admin/internet", "/admin/internet/%s" % rid]


@pytest.mark.parametrize("lang, word", [("en", "Users"), ("fr", "Utilisateurs"),
                                        ("da", "Brugere")])
def test_every_operator_page_in_its_readers_words(desk, lang, word):
    from conftest import make_api_key
    s = desk
    s.admin_key = make_api_key(s, "admin@reqdesk.test")
    paths = admin_paths(s, make_api_key(s, "owner@nordic.test"))
    sess, _ = operator(s, lang)
    english = english_texts(lang) if lang != "en" else []
    for path in paths:
        r = sess.get(s.url(path), timeout=10)
        assert r.status_code == 200, (path, r.status_code)
        assert '<html lang="%s">' % lang in r.text, path
        assert "{{" not in r.text and "[[" not in r.text, path
        text = visible(r.text)
        for code in CODES:
            assert not re.search(r"(?<![A-Za-z_])%s(?![A-Za-z_])" % re.escape(code), text), \
                (path, code, text[:4000])
        assert not ISO_TIME.search(text), (path, ISO_TIME.search(text).group(0))
        for piece in english:
            assert piece not in text, (path, lang, piece)
    assert word in visible(sess.get(s.url("/admin"), timeout=10).text)


def test_a_user_and_its_problems_in_french(desk):
    s = desk
    sess, csrf = operator(s, "fr")
    r = sess.post(s.url("/admin/users"), data={
        "csrf": csrf, "email": "nobody", "name": "", "phone": "call me", "level": "OWNER",
        "customer": "FDJ", "reseller": "", "password": "short"}, timeout=10)
    assert r.status_code == 422
    assert field_error(r.text, "email") == "Saisissez une adresse e-mail comme nom@exemple.fr."
    assert field_error(r.text, "name") == "Ce champ est obligatoire."
    assert field_error(r.text, "password") == "Au moins 8 caractères sont requis."
    assert field_error(r.text, "phone") == "N’utilisez que des chiffres, des espaces et + ( ) -."
    assert 'aria-describedby="password-hint password-error"' in r.text
    assert '<option value="OWNER" selected>Propriétaire</option>' in r.text
    r = sess.post(s.url("/admin/users/5eed0000000000000000f002/level"),
                  data={"csrf": csrf, "level": "ADMIN"}, timeout=10)
    assert r.status_code == 422
    assert field_error(r.text, "level") == \
        "Un utilisateur d’un client est lecteur, gestionnaire ou propriétaire."


def test_import_problems_in_danish(desk):
    s = desk
    sess, csrf = operator(s, "da")
    csv = ("id,customer,name,reference,customerReference,state,profile,street,postcode,"
           "city,country\nSP-X-1,NOPE,,,,BROKEN,,,,,dk\n")
    r = sess.post(s.url("/admin/servicepoints"), data={"csrf": csrf, "csv": csv}, timeout=10)
    assert r.status_code == 422
    text = visible(r.text)
    assert "Intet er importeret: 1 forkert række. Ret den, og importér igen." in text
    assert "Linje 2: ukendt kunde »NOPE«; navn mangler; tilstanden »BROKEN« skal være" in text
    assert "unknown customer" not in text


def offers_form(csrf, **fields):
    data = {"csrf": csrf, "rows": "1", "ipAddresses": "8", "save": "1",
            "offers[0].product": FIBER_100, "offers[0].initiationFeeProduct": FIBER_FEE}
    data.update(fields)
    return data


@pytest.mark.parametrize("lang, typed, customer, shown, money", [
    # a Danish operator, a Danish customer's prices (DKK)
    ("da", {"offers[0].monthlyCustomer": "2.995,00", "offers[0].initiationCustomer": "1.000"},
     "owner@nordic.test", "2.995,00", "2.995,00\xa0kr."),
    # a French operator, with and without grouping, a French customer (EUR)
    ("fr", {"offers[0].monthlyCustomer": "2 995,00", "offers[0].initiationCustomer": "1000,00"},
     "owner@fdj.test", "2\u202f995,00", "2\u202f995,00\xa0€"),
    ("fr", {"offers[0].monthlyCustomer": "2995,00", "offers[0].initiationCustomer": "1 000"},
     "owner@fdj.test", "2\u202f995,00", "2\u202f995,00\xa0€"),
])
def test_offer_entry_reads_the_operators_numbers(desk, lang, typed, customer, shown, money):
    from conftest import make_api_key
    s = desk
    key = make_api_key(s, customer)
    body = fiber_body()
    if customer == "owner@fdj.test":
        body.update(customer="FDJ", address={"address": "10 rue de la Paix", "zip": "75002",
                                             "city": "Paris"})
    rid = create(s, key, body)["_id"]
    sess, csrf = operator(s, lang)
    url = s.url("/admin/internet/%s" % rid)
    r = sess.post(url, data=offers_form(csrf, **dict(typed, **{
        "offers[0].commitment": "36"})), allow_redirects=False, timeout=10)
    assert r.status_code == 303, (field_error(r.text, "offers[0].monthlyCustomer"), r.text[-3000:])
    admin_key = make_api_key(s, "admin@reqdesk.test")
    offer = get(s, admin_key, "/internet/request/%s" % rid).json()["offers"][0]
    assert (offer["monthlyCustomer"], offer["initiationCustomer"], offer["commitment"]) == \
        (2995, 1000, 36)                                 # the API keeps its numbers
    page = sess.get(url, timeout=10).text
    assert value_of(page, "offers[0].monthlyCustomer") == shown
    currency = "DKK" if customer == "owner@nordic.test" else "EUR"
    assert re.search(r'for="offers\[0\]\.monthlyCustomer">[^<]*<span class="unit">\(%s\)</span>'
                     % currency, page)
    saved = re.search(r'<table class="saved-offers".*?</table>', page, re.S).group(0)
    assert money in html.unescape(saved)
    # sending the page back as it shows the numbers changes nothing
    r = sess.post(url, data=offers_form(csrf, **{
        "offers[0]._id": offer["_id"], "offers[0].monthlyCustomer": shown,
        "offers[0].initiationCustomer": value_of(page, "offers[0].initiationCustomer"),
        "offers[0].commitment": "36"}), allow_redirects=False, timeout=10)
    assert r.status_code == 303
    assert get(s, admin_key, "/internet/request/%s" % rid).json()["offers"][0] == offer


def test_offer_entry_says_what_it_cannot_read(desk):
    from conftest import make_api_key
    s = desk
    rid = create(s, make_api_key(s, "owner@nordic.test"), fiber_body())["_id"]
    url = s.url("/admin/internet/%s" % rid)
    for lang, typed, sentence in [
            ("en", "2.995,00", "Write the amount as a number, such as 2,995.00."),
            ("da", "12.5", "Skriv beløbet som et tal, for eksempel 2.995,00."),
            ("fr", "deux mille", "Écrivez le montant sous forme de nombre, par exemple "
                                 "2\u202f995,00.")]:
        sess, csrf = operator(s, lang)
        r = sess.post(url, data=offers_form(csrf, **{
            "offers[0].monthlyCustomer": typed, "offers[0].commitment": "trois"}), timeout=10)
        assert r.status_code == 422, lang
        assert field_error(r.text, "offers[0].monthlyCustomer") == sentence
        assert value_of(r.text, "offers[0].monthlyCustomer") == typed     # kept as typed
        assert 'aria-describedby="offers[0].monthlyCustomer-error"' in r.text
        summary = visible(re.search(r'id="form-summary">.*?</div>', r.text, re.S).group(0))
        assert "offers[" not in summary and "Must be between" not in summary
        assert field_error(r.text, "offers[0].commitment") != "Must be between 0 and 60 months"
    r = sess.post(url, data=offers_form(csrf, **{"offers[0].monthlyCustomer": "600 000"}),
                  timeout=10)
    assert field_error(r.text, "offers[0].monthlyCustomer") == \
        "Saisissez un montant entre 0 et 500 000."
    admin_key = make_api_key(s, "admin@reqdesk.test")
    assert get(s, admin_key, "/internet/request/%s" % rid).json()["offers"] == []
    # the JSON API keeps its own message for a number it cannot read
    r = post(s, admin_key, "/internet/request/%s" % rid, {"offers": [
        {"product": FIBER_1000, "monthlyCustomer": "2.995,00"}]})
    assert r.status_code == 422
    assert r.json()["error"]["message"] == "Must be between 0 and 500000"


def test_offer_entry_in_words(desk):
    from conftest import make_api_key
    s = desk
    rid = create(s, make_api_key(s, "owner@nordic.test"),
                 fiber_body(installTime="7_30_TO_12"))["_id"]
    admin_key = make_api_key(s, "admin@reqdesk.test")
    r = post(s, admin_key, "/internet/request/%s" % rid, SEED_OFFERS)
    assert r.status_code == 200
    sess, _ = operator(s, "da")
    page = sess.get(s.url("/admin/internet/%s" % rid), timeout=10).text
    assert 'id="request-state">Tilbud at vælge imellem<' in page
    assert 'id="request-type">Fiber<' in page
    assert re.search(r'<option value="7_30_TO_12" selected>7\.30–12\.00</option>', page)
    assert "Tilbud 1" in page and "Pr. måned, kundepris" in page
