"""Service points through nginx: the Core Information API
(/core-information/b2b/v2/servicePoints), scoped by the caller; the CSV
import of `reqdesk import servicepoints`; the admin page
/admin/servicepoints with its filters, page links and import form.

Tests that import run on fresh stacks, so the session stack keeps the
demo world's five service points for every other test."""

import os
import re
import subprocess

import pytest

from conftest import DEMO_USERS, api, browser_login, make_api_key

BASE = "/core-information/b2b/v2/servicePoints"
FDJ_SITES = ["SP-FDJ-0001", "SP-FDJ-0002", "SP-FDJ-0003", "SP-FDJ-0009"]
ALL_SITES = ["SP-ACME-0001"] + FDJ_SITES
HEADER = ("id,customer,name,reference,customerReference,state,profile,"
          "street,postcode,city,country")


# ------------------------------------------------------------------ helpers

def media_type(resp):
    return resp.headers.get("Content-Type", "").split(";")[0].strip().lower()


def orange_error(resp, status, code):
    assert resp.status_code == status, resp.text[:500]
    assert media_type(resp) == "application/json", resp.headers
    body = resp.json()
    assert body.get("code") == code, body
    assert isinstance(body.get("message"), str) and body["message"], body
    return body


def listing(stack, key, query=""):
    """GET the list; returns (ids, response) after checking the paging
    headers agree with the body."""
    r = stack.get(BASE + query, headers=api(stack, key))
    assert r.status_code == 200, r.text[:500]
    assert media_type(r) == "application/json"
    body = r.json()
    assert isinstance(body, list), body
    assert r.headers["X-Result-Count"] == str(len(body)), r.headers
    assert int(r.headers["X-Total-Count"]) >= len(body), r.headers
    return [sp["id"] for sp in body], r


def total(resp):
    return int(resp.headers["X-Total-Count"])


def rows(html):
    """Ids of the service point rows of the admin page's table."""
    return re.findall(r'<tr class="service-point">\s*<td><a href="[^"]*"><code>([^<]*)</code>', html)


def run_cli(s, *args, stdin=None):
    return subprocess.run(
        [os.path.join(s.build, "reqdesk"), "--db", s.db] + list(args),
        capture_output=True, text=True, timeout=60, input=stdin)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# Rows for the import tests: quoted fields with commas and doubled quotes,
# one update of a demo site, non-ASCII text.
GOOD_CSV = HEADER + "\r\n" + "\r\n".join([
    'SP-ACME-0002,ACME,"ACME Marseille, port",BVPN-ACME-0002,AAT-AA002-001,'
    'IN_PROGRESS,,"1 quai ""du"" Port",13002,Marseille,FR',
    "SP-ACME-0001,ACME,ACME Aix (renamed),BVPN-ACME-0001,AAT-AA001-001,"
    "SUSPENDED,,10 avenue des Belges,13100,Aix-en-Provence,FR",
    "SP-FDJ-0100,FDJ,FDJ Nantes,BVPN-FDJ-0100,FDJ-NANTES,OPERATIONAL,"
    "FDJ CONNECT FTTH,3 rue Crébillon,44000,Nantes,FR",
]) + "\r\n"

BAD_CSV = "\n".join([
    HEADER,                                                         # 1
    "SP-OK-0001,ACME,Fine site,,,OPERATIONAL,,,,,",                 # 2
    "SP-BAD-0001,NOPE,Unknown customer,,,OPERATIONAL,,,,,",         # 3
    "SP-BAD-0002,ACME,,,,BROKEN,,,,,",                              # 4
    "SP-OK-0001,ACME,Same id again,,,OPERATIONAL,,,,,",             # 5
    "SP-BAD-0003,ACME,Paris,,,OPERATIONAL,,1 rue X,750,Paris,FR",   # 6
    '"SP-BAD-0004,ACME,Comma, not quoted,,,OPERATIONAL,,,,,',       # 7 (quote never closed)
]) + "\n"


# ------------------------------------------------------------------ API: lists

def test_list_as_fdj_owner(stack, keys):
    got, r = listing(stack, keys["fdj_owner"])
    assert got == FDJ_SITES
    assert total(r) == 4
    states = {sp["id"]: sp["state"] for sp in r.json()}
    assert states["SP-FDJ-0009"] == "TERMINATED"
    assert {states[i] for i in FDJ_SITES[:3]} == {"OPERATIONAL"}


def test_list_by_role(stack, keys):
    assert listing(stack, keys["fdj_viewer"])[0] == FDJ_SITES
    assert listing(stack, keys["acme_owner"])[0] == ["SP-ACME-0001"]
    assert listing(stack, keys["acme_manager"])[0] == ["SP-ACME-0001"]
    got, r = listing(stack, keys["reseller"])       # NORDIC has none
    assert got == [] and total(r) == 0
    assert listing(stack, keys["nordic_owner"])[0] == []
    got, r = listing(stack, keys["admin"])
    assert got == ALL_SITES and total(r) == 5


def test_resource_shape(stack, keys):
    r = stack.get(BASE + "/SP-FDJ-0001", headers=api(stack, keys["fdj_owner"]))
    assert r.status_code == 200, r.text
    assert r.json() == {
        "id": "SP-FDJ-0001",
        "name": "FDJ Paris 01",
        "customerReference": "FDJ-PARIS-01",
        "reference": "BVPN-FDJ-0001",
        "state": "OPERATIONAL",
        "profile": "FDJ CONNECT OPTIMA 8M",
        "customer": {"id": "FDJ", "name": "Française des Jeux"},
        "location": {
            "name": "FDJ Paris 01",
            "address": {"street": "126 rue Galliéni", "postalCode": "92100",
                        "city": "Boulogne-Billancourt", "country": "FR"},
        },
    }
    # the list shows the same objects
    listed = stack.get(BASE + "?id=SP-FDJ-0001", headers=api(stack, keys["fdj_owner"]))
    assert listed.json() == [r.json()]


def test_nulls_and_links_on_request(stack, keys):
    h = api(stack, keys["acme_owner"])
    plain = stack.get(BASE + "/SP-ACME-0001", headers=h).json()
    assert "profile" not in plain and "_links" not in plain
    full = stack.get(BASE + "/SP-ACME-0001?displayNulls=true&displayLinks=true",
                     headers=h).json()
    assert full["profile"] is None
    assert full["_links"] == {"self": {"href": BASE + "/SP-ACME-0001"}}
    r = stack.get(BASE + "?displayLinks=yes", headers=h)
    orange_error(r, 400, 20)


@pytest.mark.parametrize("query, want", [
    ("?state=TERMINATED", ["SP-FDJ-0009"]),
    ("?state=OPERATIONAL", FDJ_SITES[:3]),
    ("?state=OPERATIONAL,TERMINATED", FDJ_SITES),
    ("?customerReference=FDJ-SHARED", ["SP-FDJ-0002", "SP-FDJ-0003"]),
    ("?customerReference=FDJ-SHARED,FDJ-OLD-09", ["SP-FDJ-0002", "SP-FDJ-0003", "SP-FDJ-0009"]),
    ("?id=SP-FDJ-0001,SP-FDJ-0009", ["SP-FDJ-0001", "SP-FDJ-0009"]),
    ("?reference=BVPN-FDJ-0003", ["SP-FDJ-0003"]),
    # another customer's values in a filter match nothing
    ("?reference=BVPN-FDJ-0002,BVPN-ACME-0001", ["SP-FDJ-0002"]),
    ("?id=SP-ACME-0001", []),
    ("?state=OPERATIONAL&customerReference=FDJ-SHARED,FDJ-PARIS-01",
     ["SP-FDJ-0001", "SP-FDJ-0002", "SP-FDJ-0003"]),
    ("?name=FDJ%20Paris%2001", ["SP-FDJ-0001"]),
    ("?state=NOPE", []),
    ("?sort=-id", FDJ_SITES[::-1]),
    ("?sort=customerReference", ["SP-FDJ-0009", "SP-FDJ-0001", "SP-FDJ-0002", "SP-FDJ-0003"]),
])
def test_filters(stack, keys, query, want):
    got, r = listing(stack, keys["fdj_owner"], query)
    assert got == want
    assert total(r) == len(want)


def test_admin_filters_by_customer(stack, keys):
    assert listing(stack, keys["admin"], "?customer.id=ACME")[0] == ["SP-ACME-0001"]
    assert listing(stack, keys["admin"], "?customer.id=ACME,FDJ")[0] == ALL_SITES
    # the filter never widens the scope
    assert listing(stack, keys["acme_owner"], "?customer.id=FDJ")[0] == []


def test_paging(stack, keys):
    k = keys["admin"]
    got, r = listing(stack, k, "?limit=2")
    assert got == ALL_SITES[:2] and total(r) == 5
    assert r.headers["X-Result-Count"] == "2"
    got, r = listing(stack, k, "?limit=2&offset=2")
    assert got == ALL_SITES[2:4] and total(r) == 5
    got, r = listing(stack, k, "?limit=2&offset=4")
    assert got == ALL_SITES[4:] and total(r) == 5
    got, r = listing(stack, k, "?offset=10")
    assert got == [] and total(r) == 5
    got, r = listing(stack, k, "?limit=250&state=TERMINATED")
    assert got == ["SP-FDJ-0009"] and total(r) == 1


@pytest.mark.parametrize("query", [
    "?limit=0", "?limit=251", "?limit=abc", "?limit=-1", "?limit=", "?limit=1.5",
    "?offset=-1", "?offset=x", "?sort=colour", "?sort=-", "?displayNulls=1",
])
def test_bad_query(stack, keys, query):
    r = stack.get(BASE + query, headers=api(stack, keys["fdj_owner"]))
    body = orange_error(r, 400, 20)
    assert body["description"], body


# ------------------------------------------------------------------ API: one

def test_get_own(stack, keys):
    for role, sp in [("fdj_owner", "SP-FDJ-0009"), ("fdj_viewer", "SP-FDJ-0002"),
                     ("acme_owner", "SP-ACME-0001"), ("admin", "SP-FDJ-0003"),
                     ("admin", "SP-ACME-0001")]:
        r = stack.get(BASE + "/" + sp, headers=api(stack, keys[role]))
        assert r.status_code == 200, (role, sp, r.text)
        assert r.json()["id"] == sp


def test_other_customers_site_is_not_found(stack, keys):
    unknown = stack.get(BASE + "/SP-NOPE-0000", headers=api(stack, keys["acme_owner"]))
    body = orange_error(unknown, 404, 60)
    for role, sp in [("acme_owner", "SP-FDJ-0001"), ("acme_manager", "SP-FDJ-0009"),
                     ("fdj_owner", "SP-ACME-0001"), ("reseller", "SP-FDJ-0002"),
                     ("nordic_owner", "SP-ACME-0001")]:
        r = stack.get(BASE + "/" + sp, headers=api(stack, keys[role]))
        assert orange_error(r, 404, 60) == body, (role, sp)


def test_credentials_required(stack, keys):
    for path in (BASE, BASE + "/SP-FDJ-0001"):
        r = stack.get(path)
        orange_error(r, 401, 40)
        r = stack.get(path, headers={"X-API-Key": "rqk_" + "0" * 64})
        orange_error(r, 401, 41)
    # a browser session is not a credential of the JSON API
    sess, _ = browser_login(stack, DEMO_USERS["fdj_owner"])
    orange_error(sess.get(stack.url(BASE), timeout=10), 401, 40)


def test_methods(stack, keys):
    r = stack.post(BASE, headers=api(stack, keys["admin"]), data="{}")
    orange_error(r, 405, 61)
    assert "GET" in r.headers.get("Allow", "")


# ------------------------------------------------------------------ CLI import

def test_cli_import(fresh_stack, tmp_path):
    s = fresh_stack()
    admin = make_api_key(s, DEMO_USERS["admin"])
    fdj = make_api_key(s, DEMO_USERS["fdj_owner"])
    acme = make_api_key(s, DEMO_USERS["acme_owner"])

    # a file with bad rows: every one reported, nothing imported
    bad = write(tmp_path, "bad.csv", BAD_CSV)
    out = run_cli(s, "import", "servicepoints", bad)
    assert out.returncode == 1, (out.stdout, out.stderr)
    assert "imported" not in out.stdout
    lines = [l for l in out.stderr.splitlines() if l.startswith(bad + ":")]
    reported = {int(m.group(1)) for m in
                (re.match(re.escape(bad) + r":(\d+): ", l) for l in lines) if m}
    assert reported == {3, 4, 5, 6, 7}, out.stderr
    err = out.stderr
    assert "%s:3: unknown customer 'NOPE'" % bad in err
    assert re.search(re.escape(bad) + r":4: .*missing name.*state 'BROKEN'", err), err
    assert re.search(re.escape(bad) + r":5: duplicate id 'SP-OK-0001' \(first on line 2\)", err), err
    assert re.search(re.escape(bad) + r":6: postcode '750' must be 5 digits", err), err
    assert re.search(re.escape(bad) + r":7: quoted field not closed", err), err
    assert listing(s, admin)[0] == ALL_SITES

    # other refusals
    out = run_cli(s, "import", "servicepoints", write(tmp_path, "hdr.csv", "id,name\nx,y\n"))
    assert out.returncode == 1 and "column 'customer' missing" in out.stderr, out.stderr
    out = run_cli(s, "import", "servicepoints", str(tmp_path / "missing.csv"))
    assert out.returncode == 1 and "missing.csv" in out.stderr
    out = run_cli(s, "import", "servicepoints")
    assert out.returncode == 2 and HEADER in out.stderr
    assert listing(s, admin)[0] == ALL_SITES

    # a good file: all rows in, existing ids updated
    good = write(tmp_path, "good.csv", GOOD_CSV)
    out = run_cli(s, "import", "servicepoints", good)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "3 service points imported"
    got, r = listing(s, admin)
    assert got == ["SP-ACME-0001", "SP-ACME-0002"] + FDJ_SITES + ["SP-FDJ-0100"]
    marseille = s.get(BASE + "/SP-ACME-0002", headers=api(s, acme)).json()
    assert marseille["name"] == "ACME Marseille, port"
    assert marseille["state"] == "IN_PROGRESS"
    assert marseille["location"]["address"] == {
        "street": '1 quai "du" Port', "postalCode": "13002",
        "city": "Marseille", "country": "FR"}
    aix = s.get(BASE + "/SP-ACME-0001", headers=api(s, acme)).json()
    assert aix["name"] == "ACME Aix (renamed)" and aix["state"] == "SUSPENDED"
    # each customer sees its own new site only
    assert listing(s, fdj)[0] == FDJ_SITES + ["SP-FDJ-0100"]
    assert listing(s, acme)[0] == ["SP-ACME-0001", "SP-ACME-0002"]
    nantes = s.get(BASE + "/SP-FDJ-0100", headers=api(s, fdj)).json()
    assert nantes["location"]["address"]["street"] == "3 rue Crébillon"
    orange_error(s.get(BASE + "/SP-FDJ-0100", headers=api(s, acme)), 404, 60)

    # importing the same file again changes nothing and says so
    out = run_cli(s, "import", "servicepoints", "-", stdin=GOOD_CSV)
    assert out.returncode == 0 and out.stdout.strip() == "3 service points imported"
    assert listing(s, admin)[0] == got


# ------------------------------------------------------------------ admin page

def test_admin_page_lists_everything(stack):
    sess, _ = browser_login(stack, DEMO_USERS["admin"])
    r = sess.get(stack.url("/admin/servicepoints"), timeout=10, allow_redirects=False)
    assert r.status_code == 200, r.text[:500]
    assert media_type(r) == "text/html"
    assert rows(r.text) == ALL_SITES
    assert "BVPN-FDJ-0009" in r.text and "TERMINATED" in r.text
    assert 'name="csv"' in r.text and 'name="csrf"' in r.text
    assert HEADER in r.text


@pytest.mark.parametrize("query, want", [
    ("?customer=ACME", ["SP-ACME-0001"]),
    ("?customer=FDJ&state=TERMINATED", ["SP-FDJ-0009"]),
    ("?state=OPERATIONAL", ["SP-ACME-0001"] + FDJ_SITES[:3]),
    ("?q=shared", ["SP-FDJ-0002", "SP-FDJ-0003"]),          # name and customer reference
    ("?q=bvpn-acme", ["SP-ACME-0001"]),                     # reference, any case
    ("?q=OLD-09", ["SP-FDJ-0009"]),
    ("?q=nothing-like-this", []),
    ("?customer=&state=&q=", ALL_SITES),
])
def test_admin_page_filters(stack, query, want):
    sess, _ = browser_login(stack, DEMO_USERS["admin"])
    r = sess.get(stack.url("/admin/servicepoints" + query), timeout=10)
    assert r.status_code == 200, r.text[:500]
    assert rows(r.text) == want
    if not want:
        assert "No service point matches" in r.text


def test_admin_page_pagination(stack):
    sess, _ = browser_login(stack, DEMO_USERS["admin"])
    r = sess.get(stack.url("/admin/servicepoints?limit=2"), timeout=10)
    assert rows(r.text) == ALL_SITES[:2]
    assert 'rel="prev"' not in r.text
    seen = rows(r.text)
    for _ in range(5):
        m = re.search(r'<a href="([^"]+)" rel="next">', r.text)
        if not m:
            break
        href = m.group(1).replace("&amp;", "&")
        assert href.startswith("/admin/servicepoints?") and "limit=2" in href
        r = sess.get(stack.url(href), timeout=10)
        assert r.status_code == 200
        assert 'rel="prev"' in r.text
        seen += rows(r.text)
    assert seen == ALL_SITES
    # filters survive in the page links
    r = sess.get(stack.url("/admin/servicepoints?limit=1&q=fdj%20shared"), timeout=10)
    assert rows(r.text) == ["SP-FDJ-0002"]
    href = re.search(r'<a href="([^"]+)" rel="next">', r.text).group(1).replace("&amp;", "&")
    assert "q=fdj%20shared" in href
    r = sess.get(stack.url(href), timeout=10)
    assert rows(r.text) == ["SP-FDJ-0003"]
    assert 'rel="next"' not in r.text
    for bad in ("?limit=0", "?limit=251", "?offset=-3", "?offset=z"):
        r = sess.get(stack.url("/admin/servicepoints" + bad), timeout=10)
        assert r.status_code == 400, (bad, r.status_code)
        assert media_type(r) == "text/html"


def test_admin_page_access(stack):
    r = stack.get("/admin/servicepoints")
    assert r.status_code == 303 and r.headers["Location"].startswith("/login?next="), r.headers
    r = stack.post("/admin/servicepoints", data={"csv": GOOD_CSV})
    assert r.status_code == 303 and r.headers["Location"].startswith("/login?next="), r.headers
    for role in ("fdj_owner", "acme_manager", "reseller"):
        sess, csrf = browser_login(stack, DEMO_USERS[role])
        r = sess.get(stack.url("/admin/servicepoints"), timeout=10, allow_redirects=False)
        assert r.status_code == 403, (role, r.status_code)
        assert media_type(r) == "text/html"
        assert "SP-FDJ" not in r.text
        r = sess.post(stack.url("/admin/servicepoints"), data={"csv": GOOD_CSV, "csrf": csrf},
                      timeout=10, allow_redirects=False)
        assert r.status_code == 403, (role, r.status_code)


def test_admin_page_import(fresh_stack):
    s = fresh_stack()
    admin = make_api_key(s, DEMO_USERS["admin"])
    sess, csrf = browser_login(s, DEMO_USERS["admin"])
    url = s.url("/admin/servicepoints")

    def post(data):
        return sess.post(url, data=data, timeout=30, allow_redirects=False)

    # bad rows: every one shown, the CSV kept, nothing imported
    r = post({"csv": BAD_CSV, "csrf": csrf})
    assert r.status_code == 422, r.text[:500]
    assert media_type(r) == "text/html"
    assert "Nothing was imported" in r.text
    for line in (3, 4, 5, 6, 7):
        assert "Line %d:" % line in r.text, line
    assert "Line 2:" not in r.text
    assert "unknown customer &#39;NOPE&#39;" in r.text or "unknown customer 'NOPE'" in r.text
    assert "Same id again" in r.text                         # input kept in the textarea
    assert re.search(r'<textarea[^>]*>[^<]*\nSP-BAD-0001,NOPE,', r.text), \
        "the kept CSV must keep its line breaks"
    assert rows(r.text) == ALL_SITES
    assert listing(s, admin)[0] == ALL_SITES

    # the session's CSRF token is required
    for data in ({"csv": GOOD_CSV}, {"csv": GOOD_CSV, "csrf": "0" * 64},
                 {"csv": GOOD_CSV, "csrf": ""}):
        r = post(data)
        assert r.status_code == 403, (data.get("csrf"), r.status_code)
    assert listing(s, admin)[0] == ALL_SITES

    # an empty form is a bad file, not an error
    r = post({"csv": "", "csrf": csrf})
    assert r.status_code == 422 and "header" in r.text
    assert listing(s, admin)[0] == ALL_SITES

    # a good CSV: imported, then the page says how many
    r = post({"csv": GOOD_CSV, "csrf": csrf})
    assert r.status_code == 303, r.text[:500]
    assert r.headers["Location"].endswith("/admin/servicepoints?imported=3")
    page = sess.get(s.url(r.headers["Location"]), timeout=10)
    assert page.status_code == 200
    assert "3 service points imported" in page.text
    assert "SP-ACME-0002" in rows(page.text) and "SP-FDJ-0100" in rows(page.text)
    assert "ACME Marseille, port" in page.text
    got = listing(s, admin)[0]
    assert got == ["SP-ACME-0001", "SP-ACME-0002"] + FDJ_SITES + ["SP-FDJ-0100"]
    aix = s.get(BASE + "/SP-ACME-0001", headers=api(s, admin)).json()
    assert aix["state"] == "SUSPENDED"
