"""The Internet requests' reference data: products and customer addresses,
imported from CSV by `reqdesk import products|addresses` and the admin
pages /admin/products and /admin/addresses, and then what customers may
ask for.  Imports run on fresh stacks."""

import os
import re
import subprocess

import inet
from conftest import DEMO_USERS, browser_login, make_api_key

PRODUCTS = "id,name,type,initiationFee,customers"
ADDRESSES = "id,customer,address,zip,city"
NEW_FIBER = "0a0000000000000000000001"     # every customer
ACME_FIBER = "0a0000000000000000000002"    # ACME and FDJ only
ACME_HQ = "0b0000000000000000000001"


def run_cli(s, *args):
    return subprocess.run([os.path.join(s.build, "reqdesk"), "--db", s.db] + list(args),
                          capture_output=True, text=True, timeout=60)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def acme_fiber(product, address=None):
    return inet.fiber_body(product=product, address=address or {
        "address": "1 rue X", "zip": "75001", "city": "Paris"})


def test_products_page_lists_the_demo_products(fresh_stack):
    stack = fresh_stack()       # other tests change the session's products
    sess, _ = browser_login(stack, DEMO_USERS["admin"])
    r = sess.get(stack.url("/admin/products"), timeout=10)
    assert r.status_code == 200
    ids = re.findall(r'<tr><td><a href="/admin/products/[0-9a-f]{24}/edit"><code>([0-9a-f]{24})</code>', r.text)
    assert sorted(ids) == sorted([inet.DSL_50, inet.FIBER_100, inet.FIBER_1000,
                                  inet.FIBER_FEE, inet.FIBER_10G])
    assert re.search(inet.FIBER_10G + r"</code></a></td><td>[^<]*</td><td>Fibre</td>"
                     r"<td>No</td><td>NORDIC</td>", r.text), r.text
    assert 'name="csv"' in r.text and PRODUCTS in r.text
    r = sess.get(stack.url("/admin/addresses?customer=NORDIC"), timeout=10)
    assert r.status_code == 200
    assert inet.ADDRESS_1 in r.text and inet.ADDRESS_2 in r.text
    assert ADDRESSES in r.text


def test_pages_are_for_administrators_alone(stack):
    for path in ("/admin/products", "/admin/addresses"):
        r = stack.get(path)
        assert r.status_code == 303 and r.headers["Location"].startswith("/login?next=")
        for role in ("fdj_owner", "acme_manager", "reseller"):
            sess, csrf = browser_login(stack, DEMO_USERS[role])
            r = sess.get(stack.url(path), timeout=10, allow_redirects=False)
            assert r.status_code == 403, (path, role, r.status_code)
            r = sess.post(stack.url(path), data={"csrf": csrf, "csv": PRODUCTS + "\n"},
                          timeout=10, allow_redirects=False)
            assert r.status_code == 403, (path, role, r.status_code)


def test_product_import_from_the_admin_page(fresh_stack):
    s = fresh_stack()
    sess, csrf = browser_login(s, DEMO_USERS["admin"])
    acme = make_api_key(s, "owner@acme.test")
    url = s.url("/admin/products")
    bad = "\n".join([
        PRODUCTS,
        NEW_FIBER + ",Fiber 500,FIBER,,",                     # line 2: good
        "0a00000000000000000000zz,X,FIBER,,",                 # 3: bad id
        "0a0000000000000000000003,X,CABLE,,",                 # 4: bad type
        "0a0000000000000000000004,X,DSL,maybe,",              # 5: bad initiationFee
        "0a0000000000000000000005,X,DSL,,ACME;NOPE",          # 6: unknown customer
        "0a0000000000000000000006,,DSL,,",                    # 7: no name
        NEW_FIBER + ",Again,FIBER,,",                         # 8: duplicate id
    ]) + "\n"
    r = sess.post(url, data={"csv": bad, "csrf": csrf}, timeout=30, allow_redirects=False)
    assert r.status_code == 422, r.text[:500]
    assert "Nothing was imported: 6 bad rows." in r.text
    for line, reason in ((3, "must be 24 lowercase hexadecimal characters"),
                         (4, "type &#39;CABLE&#39; must be DSL or FIBER"),
                         (5, "initiationFee &#39;maybe&#39; must be true, false or empty"),
                         (6, "unknown customer &#39;NOPE&#39;"),
                         (7, "missing name"),
                         (8, "duplicate id &#39;%s&#39; (first on line 2)" % NEW_FIBER)):
        assert re.search(r"Line %d: [^<]*%s" % (line, re.escape(reason)), r.text), (line, reason)
    assert "Line 2:" not in r.text
    assert NEW_FIBER not in re.findall(r'<tr><td><a href="/admin/products/[0-9a-f]{24}/edit"><code>([0-9a-f]{24})</code>', r.text)
    # the CSRF token is required
    r = sess.post(url, data={"csv": bad}, timeout=30, allow_redirects=False)
    assert r.status_code == 403

    good = "\r\n".join([
        PRODUCTS,
        NEW_FIBER + ',"Fiber 500, symmetric",FIBER,false,',
        ACME_FIBER + ",Fiber ACME,FIBER,,ACME;FDJ",
        inet.FIBER_10G + ",FIBER 10G (renamed),FIBER,,NORDIC;ACME",   # an update
    ]) + "\r\n"
    r = sess.post(url, data={"csv": good, "csrf": csrf}, timeout=30, allow_redirects=False)
    assert r.status_code == 303, r.text[:500]
    assert r.headers["Location"].endswith("/admin/products?imported=3")
    page = sess.get(s.url(r.headers["Location"]), timeout=10)
    assert "3 rows imported" in page.text
    assert "Fiber 500, symmetric" in page.text and "FIBER 10G (renamed)" in page.text
    assert re.search(ACME_FIBER + r"</code></a></td><td>Fiber ACME</td><td>Fibre</td>"
                     r"<td>No</td><td>ACME;FDJ</td>", page.text)
    # what customers may now ask for
    assert inet.create(s, acme, acme_fiber(NEW_FIBER))["product"] == NEW_FIBER
    assert inet.create(s, acme, acme_fiber(ACME_FIBER))["product"] == ACME_FIBER
    assert inet.create(s, acme, acme_fiber(inet.FIBER_10G))["product"] == inet.FIBER_10G
    nordic = make_api_key(s, "owner@nordic.test")
    r = inet.post(s, nordic, "/internet/request", inet.fiber_body(product=ACME_FIBER))
    inet.only_error(r, 422, "product", "Product is not valid for customer", "product", "valid")
    # a product reserved again to NORDIC alone is ACME's no more
    r = sess.post(url, data={"csv": PRODUCTS + "\n" + inet.FIBER_10G +
                             ",FIBER 10G,FIBER,,NORDIC\n", "csrf": csrf},
                  timeout=30, allow_redirects=False)
    assert r.status_code == 303
    r = inet.post(s, acme, "/internet/request", acme_fiber(inet.FIBER_10G))
    inet.only_error(r, 422, "product", "Product is not valid for customer", "product", "valid")


def test_address_import_from_the_cli_and_the_page(fresh_stack, tmp_path):
    s = fresh_stack()
    acme = make_api_key(s, "owner@acme.test")
    bad = write(tmp_path, "bad.csv", "\n".join([
        ADDRESSES,
        ACME_HQ + ",ACME,10 rue de la Paix,75002,Paris",
        "0b0000000000000000000002,NOPE,1 rue X,75001,Paris",
        "0b0000000000000000000003,ACME,,75001,",
    ]) + "\n")
    out = run_cli(s, "import", "addresses", bad)
    assert out.returncode == 1, out
    assert "%s:3: unknown customer 'NOPE'" % bad in out.stderr
    assert "%s:4: missing address; missing city" % bad in out.stderr
    assert "nothing imported (2 bad rows)" in out.stderr
    r = inet.post(s, acme, "/internet/request", inet.fiber_body(address={"_id": ACME_HQ}))
    inet.only_error(r, 404, "address._id", "Address not found", "address._id", "exists")

    good = write(tmp_path, "good.csv", ADDRESSES + "\n" +
                 ACME_HQ + ",ACME,10 rue de la Paix,75002,Paris\n")
    out = run_cli(s, "import", "addresses", good)
    assert out.returncode == 0, out
    assert out.stdout.strip() == "1 addresses imported"
    created = inet.create(s, acme, inet.fiber_body(address={"_id": ACME_HQ}))
    assert created["address"]["address"] == "10 rue de la Paix"
    # another customer cannot use it
    nordic = make_api_key(s, "owner@nordic.test")
    r = inet.post(s, nordic, "/internet/request", inet.fiber_body(address={"_id": ACME_HQ}))
    inet.only_error(r, 404, "address._id", "Address not found", "address._id", "exists")

    # the page shows it under its customer, and imports too
    sess, csrf = browser_login(s, DEMO_USERS["admin"])
    page = sess.get(s.url("/admin/addresses?customer=ACME"), timeout=10)
    assert ACME_HQ in page.text and "10 rue de la Paix" in page.text
    assert inet.ADDRESS_1 not in page.text
    r = sess.post(s.url("/admin/addresses"), data={"csrf": csrf, "csv": ADDRESSES + "\n" +
                  ACME_HQ + ",ACME,12 rue de la Paix,75002,Paris\n"},
                  timeout=30, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].endswith("?imported=1")
    assert "12 rue de la Paix" in sess.get(s.url("/admin/addresses"), timeout=10).text


def test_product_cli_import(fresh_stack, tmp_path):
    s = fresh_stack()
    out = run_cli(s, "import", "products", write(tmp_path, "p.csv", PRODUCTS + "\n" +
                                                 NEW_FIBER + ",Fiber 500,FIBER,true,\n"))
    assert out.returncode == 0, out
    assert out.stdout.strip() == "1 products imported"
    out = run_cli(s, "import", "products", write(tmp_path, "h.csv", "id,name\n"))
    assert out.returncode == 1
    assert "column 'type' missing from the header (expected %s)" % PRODUCTS in out.stderr
    out = run_cli(s, "import", "products")
    assert out.returncode == 2 and "usage: reqdesk import products FILE.csv" in out.stderr
