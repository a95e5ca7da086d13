"""The customer's pages speak to people (issue 17, docs/I18N.md), through
nginx, in English, French and Danish:

- values in words: statuses ("En cours", "I gang"), states, time windows,
  instants in the reader's zone without milliseconds (Europe/Copenhagen
  for NORDIC), prices with the customer's currency ("2.995,00 kr.");
- no page shows an internal code where a person reads it;
- the navigation of each role links only to pages that role may use, and
  each role's home shows what it works on;
- ordering shows a summary first; a form sent twice makes one request.
"""

import datetime
import re
import threading

import pytest

import stack as stackmod
import words
import workdays
from accounts import csrf_of
from bodies import disconnect_body
from conftest import api
from inet import ADDRESS_1, FIBER_1000, FIBER_FEE, create, get, post

ORANGE = "/ordering/b2b/v2/requests"


def login_as(stack, email, lang="en"):
    """A session of `email` reading in `lang` (its Accept-Language); returns
    (session, csrf of the session's forms)."""
    sess = stackmod.http_session(lang)
    page = sess.get(stack.url("/login"), timeout=10)
    r = sess.post(stack.url("/login"), data={"email": email, "password": "demo-pass-1",
                  "csrf": csrf_of(page.text)}, allow_redirects=False, timeout=30)
    assert r.status_code == 303, r.text[:300]
    return sess, csrf_of(sess.get(stack.url("/profile"), timeout=10).text)


def orange_request(stack, keys, role="acme_owner", ref=None, status=None):
    """An ACME disconnection made through the API (by `role`), moved to
    `status` by the operator when given; its id."""
    r = stack.post(ORANGE, headers=api(stack, keys[role]), json=disconnect_body(ref))
    assert r.status_code == 201, r.text[:300]
    rid = r.json()["id"]
    if status is not None:
        r = stack.post("%s/%s/status" % (ORANGE, rid), headers=api(stack, keys["admin"]),
                       json={"status": status, "comment": "line one\nline two"})
        assert r.status_code == 200, r.text[:300]
    return rid


def internet_with_offer(stack, keys, owner="nordic_owner", body=None):
    """An Internet request of `owner` answered with one priced offer (36
    months, 2995 to start, 1299.50 a month); (request, offer id)."""
    req = create(stack, keys[owner], body or {
        "type": "FIBER", "address": {"_id": ADDRESS_1}, "ipAddresses": 4,
        "installTime": "7_30_TO_12", "notes": "ring twice\nthen wait"})
    r = post(stack, keys["admin"], "/internet/request/%s" % req["_id"], {"offers": [{
        "product": FIBER_1000, "initiationFeeProduct": FIBER_FEE,
        "initiationCustomer": 2995, "monthlyCustomer": 1299.5, "commitment": 36,
        "providerName": "Nianet"}]})
    assert r.status_code == 200, r.text[:300]
    return r.json(), r.json()["offers"][0]["_id"]


# ---- values in words ---------------------------------------------------------

@pytest.mark.parametrize("lang,status,category", [
    ("en", "In progress", "Disconnection"), ("fr", "En cours", "Résiliation"),
    ("da", "I gang", "Opsigelse")])
def test_request_page_in_words(stack, keys, lang, status, category):
    rid = orange_request(stack, keys, ref="WORDS-%s" % lang, status="IN_PROGRESS")
    sess, _ = login_as(stack, "owner@acme.test", lang)
    page = sess.get(stack.url("/requests/" + rid), timeout=10).text
    assert re.search(r'<html lang="%s">' % lang, page)
    assert 'data-status="IN_PROGRESS">%s<' % status in page
    assert category in words.readable(page)
    # the requested day in words, the history's instants in Paris's zone
    assert 'id="requested-at">%s<' % words.day(workdays.earliest(), lang) in page
    o = stack.get("%s/%s" % (ORANGE, rid), headers={"X-API-Key": keys["acme_owner"]}).json()
    issued = datetime.datetime.fromisoformat(o["keyDates"]["issuedAt"].replace("Z", "+00:00"))
    assert 'id="issued-at">%s<' % words.instant(issued.astimezone(words.PARIS), lang) in page
    # the comment's line break kept (the status change's, in the conversation)
    assert '<div class="entry-text text-lines">line one\nline two</div>' in page
    assert words.internal_codes(page) == []
    # the list says the same
    lst = sess.get(stack.url("/requests?customerReference=WORDS-%s" % lang), timeout=10).text
    assert ">%s</span>" % status in lst and words.internal_codes(lst) == []


def test_internet_page_in_copenhagen_time_and_crowns(stack, keys):
    """NORDIC is Danish: its people read Danish, Copenhagen's time, and
    prices in Danish crowns."""
    req, offer = internet_with_offer(stack, keys)
    sess, _ = login_as(stack, "owner@nordic.test", None)    # the market decides
    page = sess.get(stack.url("/internet/" + req["_id"]), timeout=10).text
    assert '<html lang="da">' in page
    created = datetime.datetime.fromisoformat(req["created"].replace("Z", "+00:00"))
    assert "oprettet %s" % words.instant(created.astimezone(words.COPENHAGEN), "da") in page
    prices = dict(re.findall(r'data-price="([a-zA-Z]+)">([^<]*)<', page))
    assert words.nbsp(prices["initiationCustomer"]) == "2.995,00 kr."
    assert words.nbsp(prices["monthlyCustomer"]) == "1.299,50 kr."
    assert ">36 måneder<" in page
    assert 'data-state="HAS_OFFER">Tilbud at vælge imellem<' in page
    assert "<dd>7.30–12.00</dd>" in page                           # the time window
    assert ">ring twice\nthen wait</dd>" in page                   # the notes' line break
    assert words.internal_codes(page) == [], words.internal_codes(page)
    # the same request read in English, French
    for lang, price in (("en", "DKK 2,995.00"), ("fr", "2 995,00 DKK")):
        s2, _ = login_as(stack, "owner@nordic.test", lang)
        p2 = s2.get(stack.url("/internet/" + req["_id"]), timeout=10).text
        got = dict(re.findall(r'data-price="([a-zA-Z]+)">([^<]*)<', p2))
        assert words.nbsp(got["initiationCustomer"]) == price, got
        assert words.internal_codes(p2) == []


def test_french_customer_prices_in_euros(stack, keys):
    req, _ = internet_with_offer(stack, keys, owner="fdj_owner", body={
        "type": "FIBER", "address": {"address": "1 rue de la Paix", "zip": "75002",
                                     "city": "Paris"}, "ipAddresses": 2})
    sess, _ = login_as(stack, "owner@fdj.test", "fr")
    page = sess.get(stack.url("/internet/" + req["_id"]), timeout=10).text
    prices = dict(re.findall(r'data-price="([a-zA-Z]+)">([^<]*)<', page))
    assert words.nbsp(prices["initiationCustomer"]) == "2 995,00 €"
    assert ">36 mois<" in page and "Offres à choisir" in page


def test_lists_speak_words_in_every_language(stack, keys):
    internet_with_offer(stack, keys)
    for lang in ("en", "fr", "da"):
        sess, _ = login_as(stack, "owner@nordic.test", lang)
        for path in ("/", "/internet", "/internet/new"):
            r = sess.get(stack.url(path), timeout=10)
            assert r.status_code == 200, (lang, path)
            assert words.internal_codes(r.text) == [], (lang, path, words.internal_codes(r.text))
        r = sess.get(stack.url("/internet"), timeout=10).text
        assert {"en": "Internet requests", "fr": "demandes Internet",
                "da": "internetanmodninger"}[lang] in r


def test_form_problems_in_words_in_french(stack):
    sess, csrf = login_as(stack, "owner@acme.test", "fr")
    r = sess.post(stack.url("/requests/new/R_BVPN_FR_1"), data={
        "csrf": csrf, "requestedAt": "2020-01-01",
        "servicePoint.reference": "BVPN-ACME-0001",
        "contacts.primary.email": "pas-une-adresse"}, timeout=10)
    assert r.status_code == 422
    errors = dict(re.findall(r'id="([^"]+)-error">([^<]*)<', r.text))
    assert errors["contacts.primary.email"] == "Saisissez une adresse e-mail comme nom@exemple.fr."
    assert errors["requestedAt"].startswith("Choisissez un jour ouvré en France, au moins 20 jours")
    summary = re.search(r'<div class="form-errors".*?</div>', r.text, re.S).group(0)
    assert "La demande n’a pas été envoyée : 7 problèmes à corriger." in summary
    assert words.internal_codes(summary) == []
    # the Internet form, in Danish
    sess, csrf = login_as(stack, "owner@nordic.test", "da")
    r = sess.post(stack.url("/internet/new"), data={"csrf": csrf, "type": "FIBER"}, timeout=10)
    assert r.status_code == 422
    summary = re.search(r'<div class="form-errors".*?</div>', r.text, re.S).group(0)
    assert "Anmodningen blev ikke sendt: 2 problemer at rette." in summary
    assert ">Installationsadresse</a>: Vælg en adresse, eller angiv en." in summary
    assert words.internal_codes(summary) == []


# ---- confirmations -------------------------------------------------------------

def test_order_summary_before_the_order(stack, keys):
    req, offer = internet_with_offer(stack, keys)
    sess, csrf = login_as(stack, "owner@nordic.test", "en")
    url = stack.url("/internet/%s/order" % req["_id"])
    r = sess.post(url, data={"csrf": csrf, "offer": offer}, allow_redirects=False, timeout=10)
    assert r.status_code == 200
    facts = dict(re.findall(r'<dd id="order-([a-z]+)">([^<]*)<', r.text))
    assert facts["product"] == "FIBER 1000/1000"
    assert facts["commitment"] == "36 months"
    assert words.nbsp(facts["initiation"]) == "DKK 2,995.00"
    assert words.nbsp(facts["monthly"]) == "DKK 1,299.50"
    assert '<button type="submit" class="button" id="order-confirm">I order this offer</button>' \
        in r.text
    assert 'name="confirm" value="yes"' in r.text
    # nothing ordered yet
    assert "account" not in get(stack, keys["nordic_owner"],
                                "/internet/request/%s" % req["_id"]).json()
    r = sess.post(url, data={"csrf": csrf, "offer": offer, "confirm": "yes"},
                  allow_redirects=False, timeout=10)
    assert r.status_code == 303
    o = get(stack, keys["nordic_owner"], "/internet/request/%s" % req["_id"]).json()
    assert o["account"]["offer"] == offer and o["account"]["state"] == "ORDERED"
    page = sess.get(stack.url(r.headers["Location"]), timeout=10).text
    assert "Your order was sent." in page and 'data-state="ORDERED">Ordered<' in page
    # in French, the summary says the same
    sess, csrf = login_as(stack, "owner@nordic.test", "fr")
    req, offer = internet_with_offer(stack, keys)
    r = sess.post(stack.url("/internet/%s/order" % req["_id"]),
                  data={"csrf": csrf, "offer": offer}, timeout=10)
    facts = dict(re.findall(r'<dd id="order-([a-z]+)">([^<]*)<', r.text))
    assert facts["commitment"] == "36 mois" and words.nbsp(facts["initiation"]) == "2 995,00 DKK"
    assert "Je commande cette offre" in r.text


def test_cancel_asks_once_in_danish(stack, keys):
    rid = orange_request(stack, keys, ref="CANCEL-DA")
    sess, csrf = login_as(stack, "owner@acme.test", "da")
    r = sess.post(stack.url("/requests/" + rid), data={"csrf": csrf, "status": "CANCELED"},
                  allow_redirects=False, timeout=10)
    assert r.status_code == 200
    assert "Annullere anmodningen »Opsigelse af et BVPN-site«?" in r.text
    assert 'id="confirm-cancel">Ja, annuller anmodningen<' in r.text
    status = stack.get("%s/%s" % (ORANGE, rid), headers={"X-API-Key": keys["acme_owner"]})
    assert status.json()["status"] == "NEW"
    r = sess.post(stack.url("/requests/" + rid), data={
        "csrf": csrf, "status": "CANCELED", "confirm": "yes", "comment": "ikke nu"},
        allow_redirects=False, timeout=10)
    assert r.status_code == 303
    page = sess.get(stack.url(r.headers["Location"]), timeout=10).text
    assert "Anmodningen er annulleret." in page and 'data-status="CANCELED">Annulleret<' in page


# ---- a form sent twice makes one request ----------------------------------------

def form_of(sess, stack, path):
    page = sess.get(stack.url(path), timeout=10).text
    return re.search(r'name="form_token" value="([0-9a-f]{32})"', page).group(1)


def count_by_ref(stack, key, ref):
    r = stack.get(ORANGE + "?customerReference=" + ref, headers={"X-API-Key": key})
    return int(r.headers["X-Total-Count"])


def test_orange_form_sent_twice_makes_one_request(stack, keys):
    sess, csrf = login_as(stack, "owner@acme.test")
    ref = "TWICE-%s" % datetime.datetime.now().strftime("%H%M%S%f")
    token = form_of(sess, stack, "/requests/new/R_BVPN_FR_1")
    b = disconnect_body(ref)
    data = {"csrf": csrf, "form_token": token, "requestedAt": b["requestedAt"],
            "servicePoint.reference": "BVPN-ACME-0001", "customerReference": ref}
    data.update({"contacts.primary." + k: v for k, v in
                 b["properties"]["contacts"]["primary"].items()})
    first = sess.post(stack.url("/requests/new/R_BVPN_FR_1"), data=data,
                      allow_redirects=False, timeout=10)
    assert first.status_code == 303
    again = sess.post(stack.url("/requests/new/R_BVPN_FR_1"), data=data,
                      allow_redirects=False, timeout=10)
    assert again.status_code == 303
    assert again.headers["Location"] == first.headers["Location"] + "?done=again"
    assert count_by_ref(stack, keys["acme_owner"], ref) == 1
    page = sess.get(stack.url(again.headers["Location"]), timeout=10).text
    assert "This request had already been sent: here it is." in page
    # a new form is a new token: a new request
    data["form_token"] = form_of(sess, stack, "/requests/new/R_BVPN_FR_1")
    assert data["form_token"] != token
    third = sess.post(stack.url("/requests/new/R_BVPN_FR_1"), data=data,
                      allow_redirects=False, timeout=10)
    assert third.status_code == 303 and third.headers["Location"] != first.headers["Location"]
    assert count_by_ref(stack, keys["acme_owner"], ref) == 2


def test_orange_form_sent_twice_at_once_makes_one_request(stack, keys):
    """Two posts of one form at the same moment (a double click): the
    token is checked inside the write, so one of them makes the request
    and the other finds it."""
    sess, csrf = login_as(stack, "owner@acme.test")
    ref = "RACE-%s" % datetime.datetime.now().strftime("%H%M%S%f")
    b = disconnect_body(ref)
    data = {"csrf": csrf, "form_token": form_of(sess, stack, "/requests/new/R_BVPN_FR_1"),
            "requestedAt": b["requestedAt"], "servicePoint.reference": "BVPN-ACME-0001",
            "customerReference": ref}
    data.update({"contacts.primary." + k: v for k, v in
                 b["properties"]["contacts"]["primary"].items()})
    locations = []

    def send():
        s = stackmod.http_session()
        s.cookies.update(sess.cookies)
        r = s.post(stack.url("/requests/new/R_BVPN_FR_1"), data=data,
                   allow_redirects=False, timeout=30)
        locations.append((r.status_code, r.headers.get("Location", "")))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [c for c, _ in locations] == [303] * 4, locations
    assert len({loc.split("?")[0] for _, loc in locations}) == 1, locations
    assert count_by_ref(stack, keys["acme_owner"], ref) == 1


def test_internet_form_sent_twice_makes_one_request(stack, keys):
    sess, csrf = login_as(stack, "owner@nordic.test", "da")
    ref = "TWICE-%s" % datetime.datetime.now().strftime("%H%M%S%f")
    data = {"csrf": csrf, "form_token": form_of(sess, stack, "/internet/new"),
            "type": "FIBER", "address._id": ADDRESS_1, "ipAddresses": "4", "reference": ref}
    first = sess.post(stack.url("/internet/new"), data=data, allow_redirects=False, timeout=10)
    again = sess.post(stack.url("/internet/new"), data=data, allow_redirects=False, timeout=10)
    assert first.status_code == 303 and again.status_code == 303
    assert again.headers["Location"] == first.headers["Location"] + "?done=again"
    items = get(stack, keys["nordic_owner"], "/internet/request?limit=500").json()["requests"]
    assert [i["reference"] for i in items if i.get("reference") == ref] == [ref]
    page = sess.get(stack.url(again.headers["Location"]), timeout=10).text
    assert "Denne anmodning var allerede sendt: her er den." in page
    # a refused post keeps the form's token: sent again corrected, one request
    token = form_of(sess, stack, "/internet/new")
    bad = sess.post(stack.url("/internet/new"), data={"csrf": csrf, "form_token": token,
                    "type": "FIBER"}, timeout=10)
    assert bad.status_code == 422 and 'name="form_token" value="%s"' % token in bad.text


def test_form_tokens_are_stored_with_their_requests(stack, keys):
    import accounts
    sess, csrf = login_as(stack, "owner@nordic.test")
    token = form_of(sess, stack, "/internet/new")
    r = sess.post(stack.url("/internet/new"), data={
        "csrf": csrf, "form_token": token, "type": "FIBER", "address._id": ADDRESS_1,
        "ipAddresses": "4"}, allow_redirects=False, timeout=10)
    rid = r.headers["Location"].rsplit("/", 1)[1]
    assert accounts.sql(stack, "SELECT form_token FROM internet_requests WHERE id = '%s'"
                        % rid) == token
    # the API's requests have none
    api_id = create(stack, keys["nordic_owner"], {"type": "FIBER", "address": {"_id": ADDRESS_1},
                                                  "ipAddresses": 4})["_id"]
    assert accounts.sql(stack, "SELECT form_token IS NULL FROM internet_requests"
                        " WHERE id = '%s'" % api_id) == "1"


# ---- navigation that fits the role ------------------------------------------------

def nav_links(page):
    nav = re.search(r'<nav class="site-nav".*?</nav>', page, re.S).group(0)
    return re.findall(r'<a href="([^"]+)">', nav)


def test_navigation_fits_each_role(stack, keys):
    # NORDIC has Internet requests; FDJ's viewer may have some or not
    internet_with_offer(stack, keys)

    def some(role):     # Internet requests of the customer, made by other tests
        total = get(stack, keys[role], "/internet/request").json()["total"]
        return ["/internet"] if total > 0 else []
    want = {
        "viewer@fdj.test": ["/", "/requests"] + some("fdj_viewer"),
        "manager@acme.test": ["/", "/requests", "/requests/new"] + some("acme_manager"),
        "owner@fdj.test": ["/", "/requests", "/requests/new", "/internet", "/internet/new"],
        "owner@nordic.test": ["/", "/internet", "/internet/new"],
        "it@nordic.test": ["/", "/internet"],
        "sales@netpartner.test": ["/", "/internet", "/internet/new"],
        "admin@reqdesk.test": ["/admin", "/requests", "/requests/new", "/admin/internet",
                               "/internet/new"],
    }
    for email, links in want.items():
        sess, _ = login_as(stack, email)
        home = sess.get(stack.url("/"), timeout=10)
        assert nav_links(home.text) == links, (email, nav_links(home.text))
        # every link leads to a page this user may use
        for href in links:
            assert sess.get(stack.url(href), timeout=10).status_code == 200, (email, href)


def test_viewer_sees_no_form_link(stack):
    sess, _ = login_as(stack, "viewer@fdj.test", "fr")
    page = sess.get(stack.url("/requests/new"), timeout=10).text
    assert 'href="/requests/new/' not in page
    assert "Votre niveau d’accès vous permet de consulter les demandes, pas d’en faire." in page
    for path in ("/", "/requests"):
        assert 'href="/requests/new"' not in sess.get(stack.url(path), timeout=10).text
    assert 'href="/internet/new"' not in sess.get(stack.url("/internet"), timeout=10).text


def test_operator_home_is_the_inbox(stack):
    sess, _ = login_as(stack, "admin@reqdesk.test")
    r = sess.get(stack.url("/"), allow_redirects=False, timeout=10)
    assert r.status_code == 303 and r.headers["Location"] == "/admin"
    assert 'class="brand" href="/admin"' in sess.get(stack.url("/admin"), timeout=10).text


def test_home_pages_show_what_each_works_on(stack, keys):
    # FDJ's owner: open requests of both families
    r = stack.post(ORANGE, headers=api(stack, keys["fdj_owner"]), json={
        "requestedAt": workdays.earliest().isoformat(), "type": "U_BVPN_CUSTOM003_1",
        "customerReference": "HOME-FDJ-1", "properties": {
            "servicePoint": {"id": "SP-FDJ-0001"}, "profile": "FDJ CONNECT FTTH"}})
    assert r.status_code == 201, r.text[:300]
    bvpn = r.json()["id"]
    inet = create(stack, keys["fdj_owner"], {
        "type": "DSL", "address": {"address": "2 rue du Home", "zip": "75002",
                                   "city": "Paris"}})["_id"]
    sess, _ = login_as(stack, "owner@fdj.test", "fr")
    home = sess.get(stack.url("/"), timeout=10).text
    assert 'href="/requests/%s"' % bvpn in home and 'href="/internet/%s"' % inet in home
    assert "Demandes en cours" in home and "Demandes Internet en cours" in home
    assert re.search(r'id="open-requests">\d+ demandes? en cours<', home)
    assert words.internal_codes(home) == [], words.internal_codes(home)
    # a closed one leaves the home page
    r = stack.post("%s/%s/status" % (ORANGE, bvpn), headers=api(stack, keys["fdj_owner"]),
                   json={"status": "CANCELED"})
    assert r.status_code == 200, r.text[:300]
    assert 'href="/requests/%s"' % bvpn not in sess.get(stack.url("/"), timeout=10).text
    # NORDIC (no BVPN types): its Internet requests alone
    internet_with_offer(stack, keys)
    sess, _ = login_as(stack, "owner@nordic.test")
    home = sess.get(stack.url("/"), timeout=10).text
    assert 'id="home-internet"' in home and 'id="home-requests"' not in home
    assert "Your catalog has no" not in home and 'href="/requests/new"' not in home
    assert re.search(r'id="open-internet">\d+ Internet requests? in progress<', home)
