"""Reference data edited in the desk (issue 18, part 7): service points,
products and addresses added, edited, retired and restored one at a time
on the admin pages, with the import's checks, CSRF, a history of every
change (who, when, what changed), and what retiring does: a retired
product or address is no longer offered (the pages' lists, the JSON
API's checks) while the requests and offers that name it still show it."""

import html
import re

import inet
from conftest import DEMO_USERS, browser_login, make_api_key

SP = "/admin/servicepoints"
PRODUCTS = "/admin/products"
ADDRESSES = "/admin/addresses"


def text_of(page):
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def admin(s):
    return browser_login(s, DEMO_USERS["admin"])


def acme_fiber(product):
    return inet.fiber_body(product=product, address={
        "address": "1 rue X", "zip": "75001", "city": "Paris"})


def rows(s, sql, args=()):
    return inet.sql(s.db, sql, args)


def test_a_service_point_added_edited_and_retired(fresh_stack):
    s = fresh_stack()
    sess, csrf = admin(s)
    acme = make_api_key(s, "owner@acme.test")
    r = sess.get(s.url(SP + "/new"), timeout=10)
    assert r.status_code == 200
    assert 'name="customerReference"' in r.text and '<option value="ACME">' in r.text
    form = {"csrf": csrf, "id": "SP-ACME-LYON", "customer": "ACME", "name": "ACME Lyon",
            "reference": "OR-LY-1", "customerReference": "LYON-1", "state": "OPERATIONAL",
            "street": "1 place Bellecour", "postcode": "69002", "city": "Lyon",
            "country": "FR"}
    r = sess.post(s.url(SP + "/new"), data=form, timeout=10, allow_redirects=False)
    assert r.status_code == 303, r.text[:800]
    assert r.headers["Location"] == SP + "/SP-ACME-LYON/edit?saved=1"
    # the API shows it to its customer
    r = s.get("/core-information/b2b/v2/servicePoints/SP-ACME-LYON",
              headers={"X-API-Key": acme})
    assert r.status_code == 200 and r.json()["name"] == "ACME Lyon"
    # the same id again: refused in words, nothing changed
    r = sess.post(s.url(SP + "/new"), data=dict(form, name="Other"), timeout=10,
                  allow_redirects=False)
    assert r.status_code == 422
    assert "Nothing was saved" in r.text and "id 'SP-ACME-LYON' is taken already" in \
        text_of(r.text)
    assert rows(s, "SELECT name FROM service_points WHERE id = 'SP-ACME-LYON'") == \
        [("ACME Lyon",)]
    # the import's rules: every reason listed, the typed values kept
    bad = dict(form, id="SP-ACME-BAD", customer="NOPE", postcode="6902", state="GONE")
    r = sess.post(s.url(SP + "/new"), data=bad, timeout=10, allow_redirects=False)
    assert r.status_code == 422
    words = text_of(r.text)
    for reason in ("unknown customer 'NOPE'", "postcode '6902' must be 5 digits when "
                   "the country is FR", "state 'GONE' must be one of"):
        assert reason in words, reason
    assert 'value="1 place Bellecour"' in r.text
    assert rows(s, "SELECT count(*) FROM service_points WHERE id = 'SP-ACME-BAD'") == [(0,)]
    # edited: the id is fixed by the path, the rest changes
    r = sess.post(s.url(SP + "/SP-ACME-LYON/edit"), data=dict(form, id="SP-OTHER",
                  name="ACME Lyon Part-Dieu", city="Lyon 3e"), timeout=10,
                  allow_redirects=False)
    assert r.status_code == 303
    assert rows(s, "SELECT name, city FROM service_points WHERE id = 'SP-ACME-LYON'") == \
        [("ACME Lyon Part-Dieu", "Lyon 3e")]
    assert rows(s, "SELECT count(*) FROM service_points WHERE id = 'SP-OTHER'") == [(0,)]
    # retired: terminated, and said so
    r = sess.post(s.url(SP + "/SP-ACME-LYON/retire"), data={"csrf": csrf, "retired": "1"},
                  timeout=10, allow_redirects=False)
    assert r.status_code == 303
    assert rows(s, "SELECT state FROM service_points WHERE id = 'SP-ACME-LYON'") == \
        [("TERMINATED",)]
    page = sess.get(s.url(SP + "/SP-ACME-LYON/edit"), timeout=10).text
    words = text_of(page)
    assert "This service point is terminated" in words
    # the history, newest first, with who and what changed, in words
    changes = re.findall(r"<li><strong>([^<]*)</strong>", page)
    assert changes == ["Retired", "Edited", "Added"], changes
    assert "Name: ACME Lyon → ACME Lyon Part-Dieu" in words
    assert "City: Lyon → Lyon 3e" in words
    assert "State: Operational → Terminated" in words
    assert "Demo Admin" in words or "Admin" in words
    assert "TERMINATED" not in words and "OPERATIONAL" not in words


def test_a_retired_product_is_no_longer_offered_and_still_shown(fresh_stack):
    s = fresh_stack()
    sess, csrf = admin(s)
    acme = make_api_key(s, "owner@acme.test")
    # a new product from the form: its id made by the desk
    r = sess.post(s.url(PRODUCTS + "/new"), data={
        "csrf": csrf, "id": "", "name": "Fibre 2G", "type": "FIBER",
        "sold_to.ACME": "1"}, timeout=10, allow_redirects=False)
    assert r.status_code == 303, r.text[:800]
    pid = re.match(PRODUCTS + r"/([0-9a-f]{24})/edit\?saved=1$", r.headers["Location"]).group(1)
    assert rows(s, "SELECT name, type, initiation_fee, all_customers FROM products "
                "WHERE id = ?", (pid,)) == [("Fibre 2G", "FIBER", 0, 0)]
    assert rows(s, "SELECT customer_id FROM product_customers WHERE product_id = ?",
                (pid,)) == [("ACME",)]
    # a request with an offer of it, ordered
    created = inet.create(s, acme, acme_fiber(pid))
    assert created["product"] == pid
    # retired
    r = sess.post(s.url(PRODUCTS + "/%s/retire" % pid), data={"csrf": csrf, "retired": "1"},
                  timeout=10, allow_redirects=False)
    assert r.status_code == 303
    # no longer offered: the API answers as for a product that does not exist
    gone = inet.post(s, acme, "/internet/request", acme_fiber(pid))
    unknown = inet.post(s, acme, "/internet/request", acme_fiber(inet.UNKNOWN))
    assert gone.status_code == unknown.status_code == 422, gone.text
    assert gone.json() == unknown.json()
    # the request that names it still shows it
    r = inet.get(s, acme, "/internet/request/" + created["_id"])
    assert r.status_code == 200 and r.json()["product"] == pid
    # the list says it is retired; the offer entry page no longer offers it
    page = sess.get(s.url(PRODUCTS), timeout=10).text
    assert re.search(pid + r"</code></a></td><td>Fibre 2G <span class=\"badge[^\"]*\">"
                     r"retired</span>", page), page
    offers = sess.get(s.url("/admin/internet/" + created["_id"]), timeout=10)
    assert offers.status_code == 200
    assert 'value="%s"' % pid not in offers.text
    # restored: offered again
    r = sess.post(s.url(PRODUCTS + "/%s/retire" % pid), data={"csrf": csrf, "retired": "0"},
                  timeout=10, allow_redirects=False)
    assert r.status_code == 303
    assert inet.post(s, acme, "/internet/request", acme_fiber(pid)) \
        .status_code == 201
    # retiring twice is harmless; the history says each change once
    page = sess.get(s.url(PRODUCTS + "/%s/edit" % pid), timeout=10).text
    assert re.findall(r"<li><strong>([^<]*)</strong>", page) == \
        ["Restored", "Retired", "Added"]


def test_a_retired_address_is_no_longer_offered(fresh_stack):
    s = fresh_stack()
    sess, csrf = admin(s)
    nordic = make_api_key(s, "owner@nordic.test")
    r = sess.post(s.url(ADDRESSES + "/%s/retire" % inet.ADDRESS_2),
                  data={"csrf": csrf, "retired": "1"}, timeout=10, allow_redirects=False)
    assert r.status_code == 303
    gone = inet.post(s, nordic, "/internet/request",
                     inet.fiber_body(address={"_id": inet.ADDRESS_2}))
    unknown = inet.post(s, nordic, "/internet/request",
                        inet.fiber_body(address={"_id": inet.UNKNOWN}))
    assert gone.status_code == unknown.status_code == 404
    assert gone.json() == unknown.json()
    assert inet.post(s, nordic, "/internet/request", inet.fiber_body(
        address={"_id": inet.ADDRESS_1})).status_code == 201
    # the customer's form no longer offers it
    cust, _ = browser_login(s, "owner@nordic.test")
    form = cust.get(s.url("/internet/new"), timeout=10).text
    assert inet.ADDRESS_1 in form and inet.ADDRESS_2 not in form
    # edited from its page: the import's rules apply
    r = sess.post(s.url(ADDRESSES + "/%s/edit" % inet.ADDRESS_1), data={
        "csrf": csrf, "customer": "NORDIC", "address": "", "zip": "2625", "city": "Vallensbæk"},
        timeout=10, allow_redirects=False)
    assert r.status_code == 422 and "missing address" in text_of(r.text)
    r = sess.post(s.url(ADDRESSES + "/%s/edit" % inet.ADDRESS_1), data={
        "csrf": csrf, "customer": "NORDIC", "address": "Vallensbækvej 22",
        "zip": "2625", "city": "Vallensbæk"}, timeout=10, allow_redirects=False)
    assert r.status_code == 303
    assert rows(s, "SELECT address FROM addresses WHERE id = ?", (inet.ADDRESS_1,)) == \
        [("Vallensbækvej 22",)]


def test_the_history_keeps_imports_and_the_pages_speak_french(fresh_stack):
    s = fresh_stack()
    sess, csrf = admin(s)
    r = sess.post(s.url(PRODUCTS), data={"csrf": csrf, "csv":
                  "id,name,type,initiationFee,customers\n"
                  + inet.FIBER_100 + ",Fibre 100 (renommée),FIBER,,\n"},
                  timeout=10, allow_redirects=False)
    assert r.status_code == 303
    sess.headers["Accept-Language"] = "fr"
    page = sess.get(s.url(PRODUCTS + "/%s/edit" % inet.FIBER_100), timeout=10).text
    words = text_of(page)
    assert re.findall(r"<li><strong>([^<]*)</strong>", page) == \
        ["Importé d&#39;un fichier CSV"]
    assert "Historique" in words and "Enregistrer les modifications" in words
    assert "Retirer" in words and "Fibre" in words and "FIBER" not in words.replace(
        'FIBER,', '')


def test_only_administrators_with_the_form_token(fresh_stack):
    s = fresh_stack()
    paths = [SP + "/new", SP + "/SP-FDJ-0001/edit", PRODUCTS + "/new",
             PRODUCTS + "/%s/edit" % inet.FIBER_100, ADDRESSES + "/new",
             ADDRESSES + "/%s/edit" % inet.ADDRESS_1]
    for role in ("fdj_owner", "acme_manager", "reseller"):
        sess, csrf = browser_login(s, DEMO_USERS[role])
        for path in paths:
            assert sess.get(s.url(path), timeout=10, allow_redirects=False) \
                .status_code == 403, (role, path)
        r = sess.post(s.url(PRODUCTS + "/%s/retire" % inet.FIBER_100),
                      data={"csrf": csrf, "retired": "1"}, timeout=10, allow_redirects=False)
        assert r.status_code == 403
    sess, csrf = admin(s)
    r = sess.post(s.url(PRODUCTS + "/%s/retire" % inet.FIBER_100), data={"retired": "1"},
                  timeout=10, allow_redirects=False)
    assert r.status_code == 403
    assert rows(s, "SELECT retired FROM products WHERE id = ?", (inet.FIBER_100,)) == \
        [(None,)]
    # an unknown row, an unknown kind of answer
    assert sess.get(s.url(PRODUCTS + "/%s/edit" % inet.UNKNOWN), timeout=10) \
        .status_code == 404
    r = sess.post(s.url(PRODUCTS + "/%s/retire" % inet.UNKNOWN),
                  data={"csrf": csrf, "retired": "1"}, timeout=10, allow_redirects=False)
    assert r.status_code == 404
    r = sess.post(s.url(PRODUCTS + "/%s/retire" % inet.FIBER_100),
                  data={"csrf": csrf, "retired": "maybe"}, timeout=10, allow_redirects=False)
    assert r.status_code == 400
