"""The Internet request pages through nginx, as a browser without
JavaScript uses them: the new-request form (the API's rules and messages,
each error next to its field, input kept), the request page (offers side
by side with the customer's prices, days left, ordering), the admin inbox
and the offer entry page (rows added and removed with form buttons,
errors at their row and field, input kept), and the confirmation."""

import datetime
import html
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from conftest import browser_login  # noqa: E402
import words  # noqa: E402
from inet import (  # noqa: E402
    ADDRESS_1, FIBER_100, FIBER_1000, FIBER_FEE, NORDIC_IT, answered, create, day,
    dsl_body, fiber_body, get, sql)

ERROR = re.compile(r'<span class="field-error" id="([^"]+)-error">([^<]*)</span>')


def errors_of(text):
    """{field name: message} of the errors shown next to fields."""
    return {name: html.unescape(msg) for name, msg in ERROR.findall(text)}


def value_of(text, name):
    m = re.search(r'name="%s"[^>]*value="([^"]*)"' % re.escape(name), text)
    return html.unescape(m.group(1)) if m else None


def selected_of(text, name):
    m = re.search(r'<select id="[^"]*" name="%s">(.*?)</select>' % re.escape(name), text, re.S)
    if not m:
        return None
    sel = re.search(r'<option value="([^"]*)"[^>]* selected>', m.group(1))
    return sel.group(1) if sel else ""


def test_new_request_form_errors_and_success(stack):
    s, csrf = browser_login(stack, "owner@nordic.test")
    r = s.get(stack.url("/internet/new"))
    assert r.status_code == 200
    assert "{{" not in r.text and "}}" not in r.text       # no template text leaks
    assert 'name="type" id="type-FIBER" value="FIBER"' in r.text
    assert ADDRESS_1 in r.text and "Ida Hansen" in r.text
    # FIBER 10G is valid for NORDIC: it is offered
    assert "5eed00000000000000000005" in r.text and FIBER_FEE not in r.text
    form = {"csrf": csrf, "type": "FIBER", "address.address": "Strandvejen 1",
            "address.zip": "2900", "notes": "n" * 4097, "reference": "PAGE-REF-1",
            "startDate": day(400), "notify": NORDIC_IT}
    r = s.post(stack.url("/internet/new"), data=form, allow_redirects=False)
    assert r.status_code == 422
    # sentences for people, next to their fields (the API keeps its messages)
    assert errors_of(r.text) == {
        "notes": "Use at most 4096 characters.",
        "address.city": "Enter the city.",
        "ipAddresses": "Choose how many IP addresses: 1, 2, 4, 8, 16 or 32.",
        "startDate": "Choose a date between one month ago and six months from today.",
    }
    assert 'aria-invalid="true" aria-describedby="address.city-error"' in r.text
    # the summary counts them and names each field by its label
    summary = re.search(r'<div class="form-errors".*?</div>', r.text, re.S).group(0)
    assert "The request was not sent: 4 problems to fix." in summary
    assert '<a href="#address.city">Installation address</a>: Enter the city.' in summary
    assert words.internal_codes(summary) == []
    assert value_of(r.text, "reference") == "PAGE-REF-1"
    assert value_of(r.text, "address.address") == "Strandvejen 1"
    assert 'value="%s" checked' % NORDIC_IT in r.text
    assert 'id="type-FIBER" value="FIBER" checked' in r.text
    form.update({"notes": "<b>ring twice</b>", "address.city": "Hellerup",
                 "ipAddresses": "4", "startDate": day(10)})
    r = s.post(stack.url("/internet/new"), data=form, allow_redirects=False)
    assert r.status_code == 303, r.text[:3000]
    rid = r.headers["Location"].rsplit("/", 1)[1]
    page = s.get(stack.url("/internet/%s" % rid))
    assert page.status_code == 200
    assert "&lt;b&gt;ring twice&lt;/b&gt;" in page.text and "<b>ring" not in page.text
    assert 'id="no-offers"' in page.text and "Strandvejen 1, 2900 Hellerup" in page.text
    assert 'data-state="NEW">Waiting for offers<' in page.text


def test_new_request_form_dsl_and_known_address(stack, keys):
    s, csrf = browser_login(stack, "owner@nordic.test")
    r = s.post(stack.url("/internet/new"), data={
        "csrf": csrf, "type": "DSL", "address._id": ADDRESS_1, "takeover": "true",
        "product": FIBER_100}, allow_redirects=False)
    assert r.status_code == 422
    assert errors_of(r.text) == {
        "product": "Choose a product of the kind of circuit asked for.",
        "takeoverCircuit": "Enter the circuit to take over.",
        "takeoverCustomer": "Enter the customer id of the circuit to take over."}
    assert selected_of(r.text, "address._id") == ADDRESS_1
    assert 'id="takeover" name="takeover" type="checkbox" value="true" checked' in r.text
    r = s.post(stack.url("/internet/new"), data={
        "csrf": csrf, "type": "DSL", "address._id": ADDRESS_1, "takeover": "true",
        "takeoverCircuit": "c-1", "takeoverCustomer": "k-1"}, allow_redirects=False)
    assert r.status_code == 303
    rid = r.headers["Location"].rsplit("/", 1)[1]
    o = get(stack, keys["nordic_owner"], "/internet/request/%s" % rid).json()
    assert (o["type"], o["address"]["_id"], o["takeover"], o["takeoverCircuit"]) == \
        ("DSL", ADDRESS_1, True, "c-1")


def test_new_request_form_access(stack):
    s, csrf = browser_login(stack, "it@nordic.test")      # a MANAGER
    assert s.get(stack.url("/internet/new")).status_code == 403
    r = s.post(stack.url("/internet/new"), data={"csrf": csrf, "type": "FIBER"},
               allow_redirects=False)
    assert r.status_code == 403
    s, csrf = browser_login(stack, "owner@nordic.test")
    r = s.post(stack.url("/internet/new"), data={"type": "FIBER"}, allow_redirects=False)
    assert r.status_code == 403                        # no CSRF token


def test_request_page_offers_and_ordering(stack, keys):
    rid = create(stack, keys["nordic_owner"], fiber_body())["_id"]
    offers = answered(stack, keys["admin"], rid)["offers"]
    s, csrf = browser_login(stack, "owner@nordic.test")
    page = s.get(stack.url("/internet/%s" % rid)).text
    cards = re.findall(r'<article class="offer[^"]*" id="offer-([0-9a-f]{24})"', page)
    assert cards == [o["_id"] for o in offers]
    # prices with the customer's currency (NORDIC's: DKK)
    assert 'data-price="monthlyCustomer">DKK\u00a01,600.00<' in page
    assert 'data-price="initiationCustomer">DKK\u00a01,000.00<' in page
    assert "monthlyCost" not in page and "monthlyWholesale" not in page
    assert re.search(r'id="expiry">The offers expire on \d+ \w+ \d{4}, \d\d:\d\d: 30 days left\.<',
                     page)
    assert page.count('class="button order-offer"') == 2
    # the operator sees every price
    a, _ = browser_login(stack, "admin@reqdesk.test")
    assert 'data-price="monthlyCost">DKK\u00a01,400.00<' in a.get(stack.url("/internet/%s" % rid)).text
    # a MANAGER may read, not order
    m, mcsrf = browser_login(stack, "it@nordic.test")
    assert 'order-offer' not in m.get(stack.url("/internet/%s" % rid)).text
    # ordering shows a summary first, which orders once confirmed
    r = s.post(stack.url("/internet/%s/order" % rid), data={"csrf": csrf, "offer": offers[1]["_id"]},
               allow_redirects=False)
    assert r.status_code == 200 and 'id="order-confirm"' in r.text
    assert "account" not in get(stack, keys["nordic_owner"], "/internet/request/%s" % rid).json()
    r = s.post(stack.url("/internet/%s/order" % rid), data={
        "csrf": csrf, "offer": offers[1]["_id"], "confirm": "yes"}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/internet/%s?done=ordered" % rid
    page = s.get(stack.url("/internet/%s" % rid)).text
    assert 'data-state="ORDERED">Ordered<' in page
    assert 'class="offer offer-ordered" id="offer-%s"' % offers[1]["_id"] in page
    assert 'order-offer' not in page
    # ordering again (an old page, an old summary): refused, shown on the page
    for confirm in ("", "yes"):
        r = s.post(stack.url("/internet/%s/order" % rid), data={
            "csrf": csrf, "offer": offers[0]["_id"], "confirm": confirm})
        assert r.status_code == 409
        assert 'id="order-error">An offer of this request has already been ordered.<' in r.text


def test_request_page_expired(stack, keys):
    rid = create(stack, keys["nordic_owner"], fiber_body())["_id"]
    offers = answered(stack, keys["admin"], rid)["offers"]
    sql(stack.db, "UPDATE internet_requests SET answered = strftime('%Y-%m-%dT%H:%M:%fZ',"
        " 'now', '-31 days') WHERE id = ?", (rid,))
    s, csrf = browser_login(stack, "owner@nordic.test")
    page = s.get(stack.url("/internet/%s" % rid)).text
    # yesterday (at this time, in Copenhagen's zone: NORDIC's)
    yesterday = datetime.datetime.now(words.COPENHAGEN) - datetime.timedelta(days=1)
    m = re.search(r'class="expired" id="expiry">The offers expired on ([^<]*)\.<', page)
    assert m and m.group(1).startswith(words.day(yesterday)), page
    assert "order-offer" not in page
    for confirm in ("", "yes"):
        r = s.post(stack.url("/internet/%s/order" % rid), data={
            "csrf": csrf, "offer": offers[0]["_id"], "confirm": confirm})
        assert r.status_code == 422 and 'id="order-error">This offer has expired.<' in r.text


def test_request_page_isolation(stack, keys):
    rid = create(stack, keys["nordic_owner"], fiber_body())["_id"]
    s, csrf = browser_login(stack, "owner@acme.test")
    assert s.get(stack.url("/internet/%s" % rid)).status_code == 404
    assert s.get(stack.url("/internet/ffffffffffffffffffffffff")).status_code == 404
    r = s.post(stack.url("/internet/%s/order" % rid), data={"csrf": csrf, "offer": "x"})
    assert r.status_code == 404
    assert rid not in s.get(stack.url("/internet")).text
    s, _ = browser_login(stack, "owner@nordic.test")
    assert rid in s.get(stack.url("/internet")).text


def test_admin_inbox_new_first(stack, keys):
    tag = "INBOX-%s" % os.urandom(3).hex()
    ids = [create(stack, keys["nordic_owner"], fiber_body(
        address={"address": "%s %d" % (tag, i), "zip": "2605", "city": "Brøndby"}))["_id"]
        for i in range(3)]
    answered(stack, keys["admin"], ids[0])
    a, _ = browser_login(stack, "admin@reqdesk.test")
    page = a.get(stack.url("/admin/internet?filter=%s" % tag)).text
    order = re.findall(r'<tr class="internet-request" data-id="([0-9a-f]{24})">', page)
    assert order == [ids[1], ids[2], ids[0]]       # NEW oldest first, then answered
    assert 'href="/admin/internet/%s"' % ids[1] in page
    page = a.get(stack.url("/admin/internet?state=HAS_OFFER&filter=%s" % tag)).text
    assert re.findall(r'data-id="([0-9a-f]{24})"', page) == [ids[0]]
    s, _ = browser_login(stack, "owner@nordic.test")
    assert s.get(stack.url("/admin/internet")).status_code == 403
    assert s.get(stack.url("/admin/internet/%s" % ids[0])).status_code == 403


def entry_form(csrf, rows, **fields):
    data = {"csrf": csrf, "rows": str(rows), "ipAddresses": "8"}
    data.update(fields)
    return data


def test_offer_entry_rows_without_javascript(stack, keys):
    rid = create(stack, keys["nordic_owner"], fiber_body(reference="ENTRY-1"))["_id"]
    a, csrf = browser_login(stack, "admin@reqdesk.test")
    url = stack.url("/admin/internet/%s" % rid)
    page = a.get(url).text
    assert value_of(page, "reference") == "ENTRY-1"
    assert 'name="offers[0].product"' in page and 'name="offers[1].product"' not in page
    # add a row: nothing saved, the typed values kept
    r = a.post(url, data=entry_form(csrf, 1, **{
        "offers[0].product": FIBER_100, "offers[0].monthlyCustomer": "1600", "add": "1"}))
    assert r.status_code == 200
    assert 'name="offers[1].product"' in r.text and 'name="offers[2].product"' not in r.text
    assert selected_of(r.text, "offers[0].product") == FIBER_100
    assert value_of(r.text, "offers[0].monthlyCustomer") == "1600"
    assert get(stack, keys["admin"], "/internet/request/%s" % rid).json()["offers"] == []
    # remove the first of three rows: the others move up
    r = a.post(url, data=entry_form(csrf, 3, **{
        "offers[0].product": FIBER_100, "offers[0].providerName": "A",
        "offers[1].product": FIBER_1000, "offers[1].providerName": "B",
        "offers[2].providerName": "C", "remove": "0"}))
    assert r.status_code == 200
    assert selected_of(r.text, "offers[0].product") == FIBER_1000
    assert value_of(r.text, "offers[0].providerName") == "B"
    assert value_of(r.text, "offers[1].providerName") == "C"
    assert 'name="offers[2].product"' not in r.text
    # save with an error in the second row: shown at its row and field
    form = entry_form(csrf, 3, **{
        "offers[0].product": FIBER_100, "offers[0].monthlyCustomer": "1600",
        "offers[0].initiationFeeProduct": FIBER_FEE,
        "offers[2].product": FIBER_1000, "offers[2].monthlyCost": "600000",
        "offers[2].commitment": "24", "reference": "ENTRY-1", "save": "1"})
    r = a.post(url, data=form)
    assert r.status_code == 422
    # the sentence for a person, at its row and field (the API keeps its own)
    assert errors_of(r.text) == {"offers[2].monthlyCost": "Enter an amount between 0 and 500,000."}
    assert value_of(r.text, "offers[2].monthlyCost") == "600000"
    assert value_of(r.text, "offers[2].commitment") == "24"
    assert get(stack, keys["admin"], "/internet/request/%s" % rid).json()["offers"] == []
    form["offers[2].monthlyCost"] = "1100"
    r = a.post(url, data=form, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].endswith("?done=saved")
    o = get(stack, keys["admin"], "/internet/request/%s" % rid).json()
    assert [(x["product"], x.get("monthlyCustomer"), x.get("monthlyCost")) for x in o["offers"]] \
        == [(FIBER_100, 1600, None), (FIBER_1000, None, 1100)]
    assert o["offers"][0]["initiationFeeProduct"] == FIBER_FEE
    assert o["state"] == "HAS_OFFER" and o["reference"] == "ENTRY-1"
    page = a.get(stack.url("/admin/internet/%s?done=saved" % rid)).text
    assert "The request was saved." in page
    assert value_of(page, "offers[1].monthlyCost") == "1,100.00"     # in the reader's forms
    # the stored ids travel with their rows: saving again keeps them
    ids = [x["_id"] for x in o["offers"]]
    assert value_of(page, "offers[0]._id") == ids[0]


def test_offer_entry_request_fields(stack, keys):
    rid = create(stack, keys["nordic_owner"], dsl_body())["_id"]
    a, csrf = browser_login(stack, "admin@reqdesk.test")
    url = stack.url("/admin/internet/%s" % rid)
    page = a.get(url).text
    assert 'name="takeover"' in page and 'name="ipAddresses"' not in page
    assert 'name="offers[0].monthlyCost"' not in page       # DSL offers have no prices
    r = a.post(url, data={"csrf": csrf, "rows": "1", "takeover": "true",
                          "notes": "x" * 4097, "startDate": "2001-01-01", "save": "1"})
    assert r.status_code == 422
    assert errors_of(r.text) == {
        "notes": "Use at most 4096 characters.",
        "takeoverCircuit": "Enter the circuit to take over.",
        "takeoverCustomer": "Enter the customer id of the circuit to take over.",
        "startDate": "Choose a date between one month ago and six months from today."}
    r = a.post(url, data={"csrf": csrf, "rows": "1", "notes": "fine", "notify": NORDIC_IT,
                          "offers[0].product": "5eed00000000000000000001",
                          "offers[0].commitment": "6", "save": "1"}, allow_redirects=False)
    assert r.status_code == 303
    o = get(stack, keys["admin"], "/internet/request/%s" % rid).json()
    assert o["notes"] == "fine" and o["notify"][0]["_id"] == NORDIC_IT
    assert o["offers"][0]["commitment"] == 6


def test_offer_entry_saves_when_the_start_date_has_slipped_out_of_the_window(stack, keys):
    """The page sends every field back; a start date chosen in the window
    and since passed more than a month ago made the request impossible to
    answer (422 on startDate).  The stored date is kept as it is; a new
    date out of the window is still refused."""
    rid = create(stack, keys["nordic_owner"], fiber_body(startDate=day(-20)))["_id"]
    slipped = day(-40)
    sql(stack.db, "UPDATE internet_requests SET start_date = ? WHERE id = ?",
        (slipped + "T00:00:00.000Z", rid))
    a, csrf = browser_login(stack, "admin@reqdesk.test")
    url = stack.url("/admin/internet/%s" % rid)
    page = a.get(url).text
    assert value_of(page, "startDate") == slipped
    r = a.post(url, data=entry_form(csrf, 1, startDate=slipped, save="1", **{
        "offers[0].product": FIBER_100, "offers[0].monthlyCustomer": "1600",
        "offers[0].commitment": "12"}), allow_redirects=False)
    assert r.status_code == 303, errors_of(r.text)
    o = get(stack, keys["admin"], "/internet/request/%s" % rid).json()
    assert o["startDate"] == slipped + "T00:00:00.000Z" and len(o["offers"]) == 1
    r = a.post(url, data=entry_form(csrf, 1, startDate=day(-41), save="1"))
    assert r.status_code == 422
    assert errors_of(r.text) == {
        "startDate": "Choose a date between one month ago and six months from today."}


def test_offer_entry_confirm(stack, keys):
    rid = create(stack, keys["nordic_owner"], fiber_body(installTime="7_30_TO_12"))["_id"]
    offers = answered(stack, keys["admin"], rid)["offers"]
    a, csrf = browser_login(stack, "admin@reqdesk.test")
    url = stack.url("/admin/internet/%s" % rid)
    assert "confirm-account" not in a.get(url).text
    r = a.post(url + "/confirm", data={"csrf": csrf, "startDate": day(5)})
    assert r.status_code == 409                     # nothing ordered yet
    s, scsrf = browser_login(stack, "owner@nordic.test")
    s.post(stack.url("/internet/%s/order" % rid), data={"csrf": scsrf, "offer": offers[0]["_id"],
                                                       "confirm": "yes"})
    page = a.get(url).text
    assert 'id="account-state">Ordered<' in page and "confirm-account" in page
    assert "<fieldset class=\"offer-row\" data-row=\"0\" disabled>" in page
    assert selected_of(page, "installTime") == "7_30_TO_12"
    r = a.post(url + "/confirm", data={"csrf": csrf, "startDate": "soon", "circuit": "C-7"})
    assert r.status_code == 422
    assert errors_of(r.text) == {"confirm-startDate": "Enter a date."}
    assert value_of(r.text, "circuit") == "C-7"
    r = a.post(url + "/confirm", data={"csrf": csrf, "startDate": day(5), "circuit": "C-7"},
               allow_redirects=False)
    assert r.status_code == 303
    page = s.get(stack.url("/internet/%s" % rid)).text
    assert 'data-state="CONFIRMED">Confirmed<' in page and "C-7" in page
    assert 'id="account-start">%s<' % words.day(datetime.date.fromisoformat(day(5))) in page
    # saving the request still works once ordered (offers locked, not sent)
    r = a.post(url, data={"csrf": csrf, "rows": "2", "ipAddresses": "16", "save": "1"},
               allow_redirects=False)
    assert r.status_code == 303
    o = get(stack, keys["admin"], "/internet/request/%s" % rid).json()
    assert o["ipAddresses"] == 16 and len(o["offers"]) == 2


def test_pages_hold_no_template_text(stack, keys):
    rid = create(stack, keys["nordic_owner"], fiber_body())["_id"]
    answered(stack, keys["admin"], rid)
    a, _ = browser_login(stack, "admin@reqdesk.test")
    for path in ("/internet", "/internet/new", "/internet/%s" % rid, "/admin/internet",
                 "/admin/internet/%s" % rid):
        r = a.get(stack.url(path))
        assert r.status_code == 200, path
        assert "{{" not in r.text and "}}" not in r.text, path
