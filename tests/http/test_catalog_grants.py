"""Customized catalogs managed in the desk: an ADMIN grants and revokes
customized request types to a customer on the admin customer page (CSRF,
history of who and when), or from the shell (`reqdesk catalog list
[CUSTOMER]`, `grant`, `revoke`).  A grant shows at once in the customer's
catalogItems, its list of types, its forms and what it may create, and a
revoke takes it away at once; requests already made keep their type.  A
type that is not in the catalog is refused; `reqdesk check` reports a
grant whose type has left the catalog.

On a stack of its own with two workers (each with its own caches), so
that grants made here do not change what other suites see."""

import os
import re
import subprocess

import pytest

import stack as stackmod
import workdays
from conftest import api, browser_login, make_api_key

BASE = "/ordering/b2b/v2"
U = "U_BVPN_CUSTOM003_1"
R = "R_BVPN_FR_1"


@pytest.fixture(scope="module")
def gstack():
    s = stackmod.start_stack(log_name="catalog-grants", REQDESK_WORKERS="2",
                             REQDESK_THREADS="2")
    try:
        s.keys = {who: make_api_key(s, email) for who, email in (
            ("acme", "owner@acme.test"), ("fdj", "owner@fdj.test"),
            ("nordic", "owner@nordic.test"), ("admin", "admin@reqdesk.test"))}
        s.catalog = str(stackmod.REPO / "conf" / "catalog")
        yield s
    finally:
        s.close()


def cli(s, *args, catalog=None):
    """The real CLI on the stack's database and catalog."""
    env = dict(os.environ, REQDESK_CONFIG=str(stackmod.REPO / "conf" / "reqdesk.conf"),
               REQDESK_CATALOG=catalog or s.catalog,
               REQDESK_TEMPLATES=str(stackmod.REPO / "templates"), USER="tester")
    return subprocess.run([os.path.join(s.build, "reqdesk"), "--db", s.db] + list(args),
                          capture_output=True, text=True, timeout=60, env=env)


def catalog_ids(s, who):
    ids = set()
    for _ in range(4):      # both workers, every thread
        r = s.get(BASE + "/catalogItems", headers={"X-API-Key": s.keys[who]})
        assert r.status_code == 200, r.text[:300]
        ids.add(tuple(sorted(i["id"] for i in r.json())))
    assert len(ids) == 1, ids
    return list(ids.pop())


def u_body():
    return {"requestedAt": workdays.iso(workdays.earliest(20)), "type": U,
            "properties": {"servicePoint": {"id": "SP-ACME-0001"},
                           "profile": "FDJ CONNECT FTTH"}}


def sql(s, statement):
    import sqlite3
    con = sqlite3.connect(s.db, timeout=10)
    try:
        with con:
            return con.execute(statement).fetchall()
    finally:
        con.close()


def form_types(sess, s):
    r = sess.get(s.url("/requests/new"), timeout=10)
    assert r.status_code == 200
    return sorted(set(re.findall(r'href="/requests/new/([A-Z0-9_]+)"', r.text)))


def test_cli_grant_revoke_and_list(gstack):
    s = gstack
    sess, _ = browser_login(s, "owner@acme.test")
    assert catalog_ids(s, "acme") == [R]
    assert form_types(sess, s) == [R]
    r = cli(s, "catalog", "list", "ACME")
    assert r.returncode == 0, r.stderr
    assert R in r.stdout and U not in r.stdout and "no grants" in r.stdout
    assert s.post(BASE + "/requests", headers=api(s, s.keys["acme"]),
                  json=u_body()).status_code == 403

    r = cli(s, "catalog", "grant", "ACME", U)
    assert (r.returncode, r.stdout.strip()) == (0, "Granted %s to ACME." % U), r.stderr
    # at once, in every worker: the API, the list of forms, the form, creation
    assert catalog_ids(s, "acme") == [R, U]
    assert form_types(sess, s) == [R, U]
    assert sess.get(s.url("/requests/new/" + U), timeout=10).status_code == 200
    made = s.post(BASE + "/requests", headers=api(s, s.keys["acme"]), json=u_body())
    assert made.status_code == 201, made.text[:500]
    r = cli(s, "catalog", "list", "ACME")
    assert U in r.stdout and "ACME\t%s" % U in r.stdout
    r = cli(s, "catalog", "grant", "ACME", U)
    assert (r.returncode, r.stdout.strip()) == (0, "ACME already has %s." % U)

    r = cli(s, "catalog", "revoke", "ACME", U)
    assert (r.returncode, r.stdout.strip()) == (0, "Revoked %s from ACME." % U), r.stderr
    assert catalog_ids(s, "acme") == [R]
    assert form_types(sess, s) == [R]
    assert sess.get(s.url("/requests/new/" + U), timeout=10).status_code == 404
    r = s.post(BASE + "/requests", headers=api(s, s.keys["acme"]), json=u_body())
    assert r.status_code == 403 and r.json()["code"] == 50, r.text[:300]
    # the request made meanwhile keeps its type
    rid = made.json()["id"]
    r = s.get(BASE + "/requests/" + rid, headers={"X-API-Key": s.keys["acme"]})
    assert r.status_code == 200 and r.json()["type"] == U
    assert sess.get(s.url("/requests/" + rid), timeout=10).status_code == 200
    r = cli(s, "catalog", "revoke", "ACME", U)
    assert (r.returncode, r.stdout.strip()) == (0, "ACME does not have %s." % U)

    hist = sql(s, "SELECT type, action, by_user, by_name FROM catalog_grant_history "
                  "WHERE customer_id = 'ACME' ORDER BY id")
    assert hist == [(U, "grant", None, "shell (reqdesk catalog, tester)"),
                    (U, "revoke", None, "shell (reqdesk catalog, tester)")]


@pytest.mark.parametrize("args, message", [
    (["ACME", "X_NOT_THERE_1"], "X_NOT_THERE_1 is not in the catalog."),
    (["ACME", R], "R_BVPN_FR_1 is in the standard catalog: every customer of "
                  "its markets has it already."),
    (["NOBODY", U], "There is no customer NOBODY."),
])
def test_cli_refuses_what_cannot_be_granted(gstack, args, message):
    before = sql(gstack, "SELECT count(*) FROM customer_types")
    r = cli(gstack, "catalog", "grant", *args)
    assert r.returncode == 1 and r.stderr.strip() == "reqdesk: " + message, r
    assert sql(gstack, "SELECT count(*) FROM customer_types") == before


def test_cli_usage(gstack):
    for args in (["catalog", "grant", "ACME"], ["catalog", "revoke"],
                 ["catalog", "list", "ACME", "FDJ"]):
        r = cli(gstack, *args)
        assert r.returncode == 2 and "usage: reqdesk catalog" in r.stderr, (args, r)


def admin_page(s, sess, customer="ACME"):
    r = sess.get(s.url("/admin/customers/" + customer), timeout=10)
    assert r.status_code == 200, r.text[:500]
    return r.text


def test_admin_page_grants_and_revokes(gstack):
    s = gstack
    sess, csrf = browser_login(s, "admin@reqdesk.test")
    lst = sess.get(s.url("/admin/customers"), timeout=10).text
    assert 'href="/admin/customers/ACME"' in lst
    page = admin_page(s, sess, "FDJ")
    assert re.search(r'<tr data-type="%s">' % U, page), page
    assert "reqdesk demo" in page                 # the demo's grant, in the history
    page = admin_page(s, sess)
    assert "No customized type is granted to this customer." in page
    assert '<option value="%s"' % U in page and R in page
    # without the form's token: refused, nothing granted
    r = sess.post(s.url("/admin/customers/ACME/types"),
                  data={"action": "grant", "type": U}, allow_redirects=False, timeout=10)
    assert r.status_code == 403
    assert sql(s, "SELECT count(*) FROM customer_types WHERE customer_id = 'ACME'") == [(0,)]
    r = sess.post(s.url("/admin/customers/ACME/types"),
                  data={"csrf": csrf, "action": "grant", "type": U},
                  allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:300]
    assert r.headers["Location"] == "/admin/customers/ACME?granted=%s" % U
    page = sess.get(s.url(r.headers["Location"]), timeout=10).text
    assert "%s is granted to this customer." % U in page
    assert re.search(r'<tr data-type="%s">' % U, page)
    assert "Ada Operator &lt;admin@reqdesk.test&gt;" in page
    assert catalog_ids(s, "acme") == [R, U]
    r = sess.post(s.url("/admin/customers/ACME/types"),
                  data={"csrf": csrf, "action": "revoke", "type": U},
                  allow_redirects=False, timeout=10)
    assert r.status_code == 303
    page = sess.get(s.url(r.headers["Location"]), timeout=10).text
    assert "%s is no longer granted to this customer." % U in page
    assert catalog_ids(s, "acme") == [R]
    hist = sql(s, "SELECT action, by_user, by_name FROM catalog_grant_history "
                  "WHERE customer_id = 'ACME' AND by_user IS NOT NULL ORDER BY id")
    assert hist[-2:] == [("grant", "5eed0000000000000000a001",
                          "Ada Operator <admin@reqdesk.test>"),
                         ("revoke", "5eed0000000000000000a001",
                          "Ada Operator <admin@reqdesk.test>")]
    hist_rows = re.findall(r"<tr><td>[^<]+</td><td>(granted|revoked)</td>", page)
    assert hist_rows[:2] == ["revoked", "granted"]     # newest first


@pytest.mark.parametrize("data, status, message", [
    ({"action": "grant", "type": "X_NOT_THERE_1"}, 422, "X_NOT_THERE_1 is not in the catalog."),
    ({"action": "grant", "type": R}, 422, "R_BVPN_FR_1 is in the standard catalog"),
    ({"action": "grant", "type": ""}, 422, "Choose a request type."),
    ({"action": "delete", "type": U}, 422, "Choose to grant or to revoke a type."),
])
def test_admin_page_refusals(gstack, data, status, message):
    s = gstack
    sess, csrf = browser_login(s, "admin@reqdesk.test")
    before = sql(s, "SELECT count(*) FROM catalog_grant_history")
    r = sess.post(s.url("/admin/customers/ACME/types"), data=dict(data, csrf=csrf),
                  allow_redirects=False, timeout=10)
    assert r.status_code == status, r.text[:300]
    assert message in re.search(r'id="grant-error">([^<]*)<', r.text).group(1)
    assert sql(s, "SELECT count(*) FROM catalog_grant_history") == before


def test_admin_page_unknown_customer_and_other_levels(gstack):
    s = gstack
    sess, csrf = browser_login(s, "admin@reqdesk.test")
    assert sess.get(s.url("/admin/customers/NOBODY"), timeout=10).status_code == 404
    r = sess.post(s.url("/admin/customers/NOBODY/types"),
                  data={"csrf": csrf, "action": "grant", "type": U}, timeout=10)
    assert r.status_code == 404
    owner, ocsrf = browser_login(s, "owner@acme.test")
    assert owner.get(s.url("/admin/customers/ACME"), timeout=10).status_code == 403
    r = owner.post(s.url("/admin/customers/ACME/types"),
                   data={"csrf": ocsrf, "action": "grant", "type": U},
                   allow_redirects=False, timeout=10)
    assert r.status_code == 403
    assert U not in catalog_ids(s, "acme")


def test_check_reports_grants_whose_type_left_the_catalog(gstack, tmp_path):
    s = gstack
    # a catalog directory without U_BVPN_CUSTOM003_1: FDJ's grant is stale
    (tmp_path / (R + ".json")).write_text(
        (stackmod.REPO / "conf" / "catalog" / (R + ".json")).read_text())
    r = cli(s, "check", catalog=str(tmp_path))
    assert r.returncode == 1, r
    assert ("customized catalog of FDJ: %s is no longer a customized type of the "
            "catalog (reqdesk catalog revoke FDJ %s)" % (U, U)) in r.stderr
    assert cli(s, "check").returncode == 0, cli(s, "check")
    r = cli(s, "catalog", "list", "FDJ", catalog=str(tmp_path))
    assert "FDJ\t%s\t(no longer a customized type of the catalog)" % U in r.stdout
