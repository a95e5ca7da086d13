"""Hostile or unusual input through nginx must get an ordinary answer,
never a 500 nor a link or redirect that goes somewhere else: long
non-ASCII values echoed in error messages, more query parameters, cookies
or form fields than usual, control characters in a login's `next`,
filter values holding '&', and CSV cells a spreadsheet would run."""

import csv
import html
import io
import json
import os
import re
import secrets
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import stack as stackmod  # noqa: E402
from accounts import add_user, csrf_of  # noqa: E402
from bodies import disconnect_body  # noqa: E402
from conftest import DEMO_PASSWORD, api, browser_login, make_api_key  # noqa: E402
from inet import FIBER_100, create, fiber_body, get  # noqa: E402

REQUESTS = "/ordering/b2b/v2/requests"


@pytest.fixture(scope="module")
def acme(stack):
    return browser_login(stack, "owner@acme.test")


def orange(resp, status, code):
    assert resp.status_code == status, resp.text[:500]
    body = resp.json()
    assert body["code"] == code, body
    return body


def many(n, sep, fmt="j%d=1"):
    return sep.join(fmt % i for i in range(n))


# ------------------------------------------- 1. messages cut inside UTF-8

def test_long_non_ascii_type_is_refused_like_a_short_one(stack, keys):
    """orange_request.c writes the type into a 256-byte message: 300 "é" are cut
    inside a character.  The answer is the 403 of any unknown type, its
    description cut to whole characters, not a 500."""
    headers = api(stack, keys["fdj_owner"])
    short = orange(stack.post(REQUESTS, headers=headers,
                              data=json.dumps({"type": "NO_SUCH_TYPE"})), 403, 50)
    r = stack.post(REQUESTS, headers=headers, data=json.dumps({"type": "é" * 300}))
    body = orange(r, 403, 50)
    assert body["message"] == short["message"]
    prefix = short["description"].split("NO_SUCH_TYPE")[0]
    assert body["description"].startswith(prefix + "éé"), body
    assert set(body["description"][len(prefix):]) == {"é"}, body


def test_long_non_ascii_customer_is_refused_like_a_short_one(stack, keys):
    headers = api(stack, keys["admin"])
    short = orange(stack.post(REQUESTS, headers=headers, data=json.dumps(
        {"customer": {"id": "NO-SUCH"}, "type": "R_BVPN_FR_1"})), 403, 50)
    r = stack.post(REQUESTS, headers=headers, data=json.dumps(
        {"customer": {"id": "ü" * 300}, "type": "R_BVPN_FR_1"}))
    body = orange(r, 403, 50)
    assert body["message"] == short["message"]
    assert body["description"].startswith("Customer '" + "ü" * 10), body


def test_long_non_ascii_attribute_name_is_a_422(stack, keys):
    """The catalog's 512-byte message about an unknown attribute, cut
    inside a character (the "x" puts the cut there): the 422 of any
    unknown attribute."""
    body = disconnect_body()
    body["properties"]["x" + "é" * 400] = 1
    r = stack.post(REQUESTS, headers=api(stack, keys["acme_owner"]), data=json.dumps(body))
    got = orange(r, 422, 3620)
    assert "unknown attribute 'xéé" in got["description"], got
    # and the same problem is in the details, not dropped
    assert [d["code"] for d in got["details"]] == [3620], got
    assert got["details"][0]["description"] == got["description"], got


# ------------------------------------ 2. query parameters and cookies

@pytest.mark.parametrize("path", ["/healthz", "/internet/request"])
def test_too_many_query_parameters_is_a_tcx_400(stack, path):
    r = stack.get(path + "?" + many(300, "&"))
    assert r.status_code == 400, r.text[:300]
    body = r.json()
    assert body["error"]["code"] == "bad_request" and body["error"]["status"] == 400, body
    assert "parameters" in body["error"]["message"]


def test_too_many_query_parameters_is_an_orange_400(stack):
    orange(stack.get(REQUESTS + "?" + many(300, "&")), 400, 20)


def test_too_many_query_parameters_is_an_html_400(stack):
    r = stack.get("/requests?" + many(300, "&"))
    assert r.status_code == 400
    assert r.headers["Content-Type"].startswith("text/html")
    assert "too many" in r.text or "more parameters" in r.text


def test_query_parameters_up_to_the_bound_are_read(stack):
    assert stack.get("/healthz?" + many(256, "&")).status_code == 200


def test_a_pile_of_cookies_hides_no_session(stack):
    """300 cookies set by some other site of the domain, the session
    cookie last: every cookie is read, the page is the user's."""
    sess, _ = browser_login(stack, "owner@acme.test")
    cookie = many(300, "; ") + "; reqdesk_session=" + sess.cookies.get("reqdesk_session")
    bare = stackmod.http_session()
    r = bare.get(stack.url("/"), headers={"Cookie": cookie}, timeout=10)
    assert r.status_code == 200, r.text[:300]
    assert 'action="/logout"' in r.text
    r = bare.get(stack.url("/requests"), headers={"Cookie": cookie},
                 allow_redirects=False, timeout=10)
    assert r.status_code == 200


def test_a_pile_of_cookies_does_not_stop_a_login(stack):
    bare = stackmod.http_session()
    junk = many(300, "; ")
    page = bare.get(stack.url("/login"), headers={"Cookie": junk}, timeout=10)
    assert page.status_code == 200
    token = csrf_of(page.text)
    r = bare.post(stack.url("/login"), headers={"Cookie": junk + "; reqdesk_login=" + token},
                  data={"email": "owner@acme.test", "password": DEMO_PASSWORD,
                        "csrf": token}, allow_redirects=False, timeout=30)
    assert r.status_code == 303 and r.headers["Location"] == "/", r.text[:300]


# ----------------------------------------------------- 3. form fields

def test_a_form_with_many_fields_is_read(stack):
    """A form field count past the old 256 is read (the unknown fields
    ignored): the login succeeds."""
    sess = stackmod.http_session()
    token = csrf_of(sess.get(stack.url("/login"), timeout=10).text)
    data = [("x%d" % i, "") for i in range(300)]
    data += [("email", "owner@acme.test"), ("password", DEMO_PASSWORD), ("csrf", token)]
    r = sess.post(stack.url("/login"), data=data, allow_redirects=False, timeout=30)
    assert r.status_code == 303, r.text[:500]


def test_a_form_with_too_many_fields_says_so(stack):
    sess = stackmod.http_session()
    token = csrf_of(sess.get(stack.url("/login"), timeout=10).text)
    data = [("x%d" % i, "") for i in range(2100)] + [("csrf", token)]
    r = sess.post(stack.url("/login"), data=data, allow_redirects=False, timeout=30)
    assert r.status_code == 400
    assert r.headers["Content-Type"].startswith("text/html")
    assert "too many fields" in r.text and "JSON" not in r.text


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize("bad", ["x%C3", "x%FFy", "%ED%A0%80", "%zz", "a%00b"])
def test_a_status_comment_that_is_not_utf8_is_refused(stack, keys, acme, bad):
    """A comment is stored as typed and read back as JSON: a byte that is
    not UTF-8 made the request's page a 500 for everyone, for good.  The
    form is refused whole (400) and the request stays as it was."""
    sess, csrf = acme
    r = stack.post(REQUESTS, headers=api(stack, keys["acme_owner"]),
                   data=json.dumps(disconnect_body()))
    assert r.status_code == 201, r.text[:300]
    loc = "/requests/" + r.json()["id"]
    body = "csrf=%s&status=CANCELED&comment=%s" % (csrf, bad)
    r = sess.post(stack.url(loc), data=body.encode(), headers=FORM,
                  allow_redirects=False, timeout=10)
    assert r.status_code == 400, r.text[:300]
    assert r.headers["Content-Type"].startswith("text/html")
    assert "not valid UTF-8" in r.text
    page = sess.get(stack.url(loc), timeout=10)
    assert page.status_code == 200
    assert 'data-status="NEW"' in page.text
    r = stack.get(REQUESTS + loc[len("/requests"):],
                  headers={"X-API-Key": keys["acme_owner"]})
    assert r.status_code == 200 and r.json()["status"] == "NEW"


def test_form_fields_that_are_not_utf8_are_not_dropped_silently(stack, acme):
    """json_string() refused such text and the field vanished from the
    stored request, which was created all the same.  Now the form is
    refused and nothing is created."""
    sess, csrf = acme
    before = stack.get(REQUESTS, headers={"X-API-Key": make_api_key(stack, "owner@acme.test")})
    total = int(before.headers["X-Total-Count"])
    b = disconnect_body()
    primary = b["properties"]["contacts"]["primary"]
    fields = [("csrf", csrf), ("requestedAt", b["requestedAt"]),
              ("servicePoint.reference", b["properties"]["servicePoint"]["reference"])]
    fields += [("contacts.primary." + k, v) for k, v in primary.items()]
    body = "&".join("%s=%s" % (k, requests_quote(v)) for k, v in fields)
    body += "&customerReference=ab%FFcd"
    r = sess.post(stack.url("/requests/new/R_BVPN_FR_1"), data=body.encode(),
                  headers=FORM, allow_redirects=False, timeout=10)
    assert r.status_code == 400, r.text[:300]
    after = stack.get(REQUESTS, headers={"X-API-Key": make_api_key(stack, "owner@acme.test")})
    assert int(after.headers["X-Total-Count"]) == total
    # the same form in UTF-8 is taken
    r = sess.post(stack.url("/requests/new/R_BVPN_FR_1"),
                  data=body.replace("ab%FFcd", "ab%C3%A9cd").encode(),
                  headers=FORM, allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:300]
    page = sess.get(stack.url(r.headers["Location"]), timeout=10).text
    assert "abécd" in page


def requests_quote(v):
    from urllib.parse import quote
    return quote(v, safe="")


def test_offer_entry_saves_twenty_full_rows(fresh_stack):
    """The offer entry page with its 20 rows filled (12 inputs each), the
    request's fields and a notify box per employee of the customer (three
    here): more than 256 fields, all sent as a browser sends them, saved."""
    s = fresh_stack()
    a, csrf = browser_login(s, "admin@reqdesk.test")
    add_user(s, a, csrf, level="MANAGER", customer="NORDIC")
    rid = create(s, make_api_key(s, "owner@nordic.test"),
                 fiber_body(reference="MANY-ROWS"))["_id"]
    page = a.get(s.url("/admin/internet/%s" % rid)).text
    employees = re.findall(r'name="notify" value="([0-9a-f]{24})"', page)
    assert len(employees) == 3, employees
    data = [("csrf", csrf), ("rows", "20"), ("save", "1"), ("product", FIBER_100),
            ("ipAddresses", "8"), ("commitment1", "true"), ("commitment2", "true"),
            ("commitment3", "true"), ("reference", "MANY-ROWS"), ("startDate", ""),
            ("installTime", ""), ("installCallName", ""), ("installCallNumber", ""),
            ("notes", "")]
    data += [("notify", e) for e in employees]
    for i in range(20):
        row = {"_id": "", "product": FIBER_100, "initiationFeeProduct": "",
               "initiationCost": "800", "initiationWholesale": "900",
               "initiationCustomer": "1000", "monthlyCost": "1400",
               "monthlyWholesale": "1500", "monthlyCustomer": str(1600 + i),
               "commitment": "12", "providerName": "Provider %d" % i,
               "providerOfferId": "OFFER-%d" % i}
        data += [("offers[%d].%s" % (i, k), v) for k, v in row.items()]
    assert len(data) > 256
    r = a.post(s.url("/admin/internet/%s" % rid), data=data, allow_redirects=False)
    assert r.status_code == 303, r.text[:1000]
    assert r.headers["Location"].endswith("?done=saved")
    saved = get(s, make_api_key(s, "admin@reqdesk.test"), "/internet/request/%s" % rid).json()
    assert [o["monthlyCustomer"] for o in saved["offers"]] == [1600 + i for i in range(20)]
    assert len(saved["notify"]) == 3


# ------------------------------------------------ 4. the login's next

@pytest.mark.parametrize("nxt", ["/\t/evil.example", "/\r\nSet-Cookie: x=1",
                                 "/requests\r\n", "/\x7f", "//evil.example",
                                 "/\\evil.example", "https://evil.example/"])
def test_login_next_never_leaves_the_desk(stack, nxt):
    sess = stackmod.http_session()
    token = csrf_of(sess.get(stack.url("/login"), timeout=10).text)
    r = sess.post(stack.url("/login"), data={
        "email": "owner@acme.test", "password": DEMO_PASSWORD, "csrf": token,
        "next": nxt}, allow_redirects=False, timeout=30)
    assert r.status_code == 303, r.text[:300]
    assert r.headers["Location"] == "/"
    assert "x=1" not in r.headers.get("Set-Cookie", "")
    assert 'action="/logout"' in sess.get(stack.url("/"), timeout=10).text


def test_login_next_to_a_local_page_is_kept(stack):
    sess = stackmod.http_session()
    token = csrf_of(sess.get(stack.url("/login"), timeout=10).text)
    r = sess.post(stack.url("/login"), data={
        "email": "owner@acme.test", "password": DEMO_PASSWORD, "csrf": token,
        "next": "/requests?status=NEW"}, allow_redirects=False, timeout=30)
    assert r.status_code == 303
    assert r.headers["Location"] == "/requests?status=NEW"


# ---------------------------------------------- 5. links carry filters

def hrefs(text, pattern):
    return [html.unescape(h) for h in re.findall(pattern, text)]


def test_request_list_links_encode_the_filters(stack, acme):
    sess, _ = acme
    page = sess.get(stack.url("/requests?customerReference=a%26b+%23%C3%A9&status=NEW&offset=25"))
    assert page.status_code == 200
    raw = re.search(r'href="/requests\.csv([^"]*)" id="csv-export"', page.text).group(1)
    assert "customerReference=a%26b%20%23%C3%A9" in raw
    assert "&amp;status=NEW" in raw or raw.startswith("?status=NEW")
    prev = hrefs(page.text, r'href="/requests(\?[^"]*)" rel="prev"')
    assert len(prev) == 1 and "customerReference=a%26b%20%23%C3%A9" in prev[0], prev
    assert "offset=0" in prev[0]
    # the links lead to the same filter
    again = sess.get(stack.url("/requests" + prev[0]))
    assert 'value="a&amp;b #é"' in again.text
    exp = sess.get(stack.url("/requests.csv" + html.unescape(raw)))
    assert exp.status_code == 200 and exp.headers["Content-Type"].startswith("text/csv")


@pytest.mark.parametrize("base", ["/internet", "/admin/internet"])
def test_internet_list_links_keep_the_filter(stack, base):
    who = "admin@reqdesk.test" if base.startswith("/admin") else "owner@nordic.test"
    sess, _ = browser_login(stack, who)
    page = sess.get(stack.url(base + "?state=NEW&filter=a%26b+%C3%A6&offset=50"))
    assert page.status_code == 200
    prev = hrefs(page.text, r'href="(\?[^"]*)" rel="prev"')
    assert len(prev) == 1, page.text[-2000:]
    assert "filter=a%26b%20%C3%A6" in prev[0] and "state=NEW" in prev[0], prev
    again = sess.get(stack.url(base + prev[0]))
    assert 'value="a&amp;b æ"' in again.text


# --------------------------------------------------- 6. CSV formulas

@pytest.mark.parametrize("lead", ["\t", "\r", "="])
def test_csv_neutralises_tab_and_cr(stack, keys, acme, lead):
    ref = lead + "=1+1 " + secrets.token_hex(4)
    r = stack.post(REQUESTS, headers=api(stack, keys["acme_owner"]),
                   data=json.dumps(disconnect_body(ref=ref)))
    assert r.status_code == 201, r.text[:500]
    rid = r.json()["id"]
    sess, _ = acme
    exp = sess.get(stack.url("/requests.csv"), params={"customerReference": ref})
    assert exp.status_code == 200
    rows = [row for row in csv.DictReader(io.StringIO(exp.text, newline=""))
            if row["id"] == rid]
    assert len(rows) == 1, exp.text[:500]
    assert rows[0]["customerReference"] == "'" + ref
