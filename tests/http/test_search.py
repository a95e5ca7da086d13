"""Search (docs/SEARCH.md) through nginx and the real desk: `q=` on both
families' lists and the search page; by word prefix, without case or
accents, in ids, references, customers, sites, contacts, addresses and
replies; internal notes for the operator only; every customer within its
own requests."""

import json
import re

import pytest

import bodies
import inet
from conftest import api, browser_login

OR = "/ordering/b2b/v2/requests"


def post(s, key, path, body):
    return s.post(path, headers=api(s, key), data=json.dumps(body))


def get(s, key, path, **params):
    return s.get(path, headers={"X-API-Key": key}, params=params)


def found(s, key, q, path=OR):
    r = get(s, key, path, q=q)
    assert r.status_code == 200, r.text
    body = r.json()
    items = body if isinstance(body, list) else body["requests"]
    return [i.get("id") or i.get("_id") for i in items]


@pytest.fixture(scope="module")
def acme(stack, keys):
    body = bodies.disconnect_body("DUP-TEST Société Générale")
    body["properties"]["contacts"]["primary"]["lastName"] = "LANGELIER"
    body["properties"]["contacts"]["primary"]["email"] = "p.langelier@exemple-acme.fr"
    r = post(stack, keys["acme_owner"], OR, body)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def test_words_by_prefix_without_case_or_accents(stack, keys, acme):
    key = keys["acme_owner"]
    for q in ("dup", "DUP-TEST", "societe", "SOCIÉTÉ gén", "langel", "p.langelier",
              "exemple-acme", acme[:8], "Société Générale langelier"):
        assert acme in found(stack, key, q), q
    assert acme not in found(stack, key, "dup nowhere-to-be-found")
    # the exact filter stays exact
    r = get(stack, key, OR, customerReference="dup")
    assert acme not in [i["id"] for i in r.json()]


def test_a_customer_finds_only_its_own(stack, keys, acme):
    assert found(stack, keys["fdj_owner"], "langelier") == []
    r = get(stack, keys["fdj_owner"], OR, q=acme)
    assert r.status_code == 200 and r.json() == [] and r.headers["X-Total-Count"] == "0"
    assert acme in found(stack, keys["admin"], "langelier")


def test_replies_are_found_and_internal_notes_only_by_the_operator(stack, keys, acme):
    notes = "%s/%s/notes" % (OR, acme)
    assert post(stack, keys["acme_owner"], notes,
                {"title": "Accès", "body": "Escalier B, digicode 4521"}).status_code == 201
    assert post(stack, keys["admin"], notes,
                {"title": "x", "body": "zorglub-confidentiel", "internal": True}
                ).status_code == 201
    assert acme in found(stack, keys["acme_manager"], "escalier digicode")
    assert acme in found(stack, keys["admin"], "zorglub")
    assert found(stack, keys["acme_owner"], "zorglub") == []
    # nor through the search page
    sess, _ = browser_login(stack, "owner@acme.test")
    page = sess.get(stack.url("/search"), params={"q": "zorglub"}, timeout=10)
    assert page.status_code == 200 and acme not in page.text


def test_internet_requests(stack, keys):
    r = inet.create(stack, keys["nordic_owner"], inet.fiber_body(reference="Kælder-42"))
    rid = r["_id"]
    path = "/internet/request"
    for q in ("vallensb", "KÆLDER", "kælder 42", rid[:10], "nordic"):
        assert rid in found(stack, keys["nordic_owner"], q, path), q
    assert found(stack, keys["fdj_owner"], "vallensb", path) == []
    r = get(stack, keys["nordic_owner"], path, q="vallensb")
    assert r.json()["total"] >= 1
    inet.only_error(get(stack, keys["nordic_owner"], path, q="x" * 201), 400, "q",
                    "Must be text of at most 200 bytes", "q", "length")


def test_what_cannot_be_searched(stack, keys):
    key = keys["acme_owner"]
    r = get(stack, key, OR, q="x" * 201)
    assert r.status_code == 400 and r.json()["code"] == 20
    assert r.json()["description"] == "'q' must be text of at most 200 bytes."
    # the full-text syntax is not the searcher's: these are only words
    for q in ('" OR *', "NEAR(a b)", "scope : c41", "{internal} : x", "a AND NOT b",
              "^x", "-", "***", "\"\"\"", "c4143 OR 1=1", "é" * 66):
        r = get(stack, key, OR, q=q)
        assert r.status_code == 200, (q, r.text)
    # nothing but separators: the plain list
    r = get(stack, key, OR, q=" ,;- ")
    assert r.status_code == 200 and len(r.json()) > 0


def test_the_search_page(stack, keys, acme):
    sess, _ = browser_login(stack, "owner@acme.test")
    page = sess.get(stack.url("/search"), params={"q": "langelier"}, timeout=10)
    assert page.status_code == 200
    assert 'href="/requests/%s"' % acme in page.text
    assert re.search(r'id="search-q" name="q" type="search" value="langelier"', page.text)
    assert re.search(r"1 request found|1 result", page.text), page.text[-2000:]
    fr, _ = browser_login(stack, "owner@fdj.test")
    page = fr.get(stack.url("/search"), params={"q": "langelier"},
                  headers={"Accept-Language": "fr"}, timeout=10)
    assert page.status_code == 200 and acme not in page.text
    empty = sess.get(stack.url("/search"), timeout=10)
    assert empty.status_code == 200
    assert sess.get(stack.url("/search"), params={"q": "x" * 201},
                    timeout=10).status_code == 400


def test_a_search_counts_a_thousand_at_most(fresh_stack):
    from conftest import make_api_key
    from accounts import sql
    s = fresh_stack()
    sql(s, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1001)"
           " INSERT INTO requests (id, type, name, category, status, customer_id,"
           " customer_reference, properties, requested_at, issued_at, updated_at,"
           " created_by, cseq) SELECT printf('m%023x', i), 'R_BVPN_FR_1', 'x',"
           " 'DISCONNECT', 'NEW', 'ACME', printf('MASS-%04d', i), '{}', '2030-01-15',"
           " '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',"
           " '5eed0000000000000000ac01', (SELECT coalesce(max(cseq), 0) FROM requests"
           " WHERE customer_id = 'ACME') + i FROM n")
    key = make_api_key(s, "owner@acme.test")
    r = get(s, key, OR, q="mass", limit=5)
    assert r.status_code == 200 and len(r.json()) == 5
    assert r.headers["X-Total-Count"] == "1000"
    # newest first
    assert [i["id"] for i in r.json()][0] == "m%023x" % 1001
    assert found(s, key, "mass-0007") == ["m%023x" % 7]
    sess, _ = browser_login(s, "owner@acme.test")
    page = sess.get(s.url("/search"), params={"q": "mass"}, timeout=10)
    assert "More than 1,000 requests found" in page.text
