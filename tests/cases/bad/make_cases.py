#!/usr/bin/env python3
"""Write the bad-input corpus (tests/cases/bad/<case>/, README.md there):
hostile requests over every route family, each with its expected answer.

    tests/cases/bad/make_cases.py            write the folders that are missing
    tests/cases/bad/make_cases.py --all      rewrite every folder's request

expected.json is written by the runner in record mode
(REQDESK_BAD_RECORD=1 pytest tests/http/test_bad_inputs.py) and read by
people before it is committed: a recorded 5xx fails the record run too.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
J = "application/json"
FORM = "application/x-www-form-urlencoded"
ORANGE = "/ordering/b2b/v2/requests"
INET = "/internet/request"

DISCONNECT = {
    "requestedAt": "@EARLIEST", "type": "R_BVPN_FR_1",
    "properties": {"servicePoint": {"reference": "BVPN-ACME-0001"},
                   "contacts": {"primary": {"title": "M", "firstName": "Paul",
                                            "lastName": "LANGEL", "phone": "+33401010101",
                                            "mobile": "+33600200200",
                                            "email": "paul.langel@mycompany.com"}}}}
FIBER = {"type": "FIBER", "address": {"_id": "5eed0000000000000000ad01"},
         "product": "5eed00000000000000000002", "ipAddresses": 8}

cases = {}


def parts(*pieces):
    """A big body as [text, times] pieces, written to case.json as
    "body_parts" and put together by the runner (the corpus stays small)."""
    return ("parts", [[t, n] for t, n in pieces])


def case(name, about, method="POST", path=ORANGE, body=None, ctype=None, as_="acme_owner",
         headers=None, session=None, raw=None):
    c = {"about": about, "method": method, "path": path}
    if isinstance(raw, tuple):
        c["body_parts"] = raw[1]
        raw = None
        ctype = ctype if ctype is not None else J
    if as_ is not None and session is None:
        c["as"] = as_
    if session is not None:
        c["session"] = session
    h = dict(headers or {})
    if ctype is None and (body is not None or raw is not None) and session is None:
        ctype = J
    if ctype is None and session is not None and method == "POST":
        ctype = FORM
    if ctype:
        h["Content-Type"] = ctype
    if h:
        c["headers"] = h
    if body is not None:
        raw = json.dumps(body, ensure_ascii=False).encode()
    assert name not in cases, name
    cases[name] = (c, raw)


def with_(base, path, value):
    b = json.loads(json.dumps(base))
    parts = path.split(".")
    o = b
    for p in parts[:-1]:
        o = o[p]
    o[parts[-1]] = value
    return b


# ---- bodies that are not what a JSON route reads --------------------------
for fam, path, role in (("orange", ORANGE, "acme_owner"), ("internet", INET, "nordic_owner"),
                        ("login", "/auth/login", None)):
    p = fam + "-"
    case(p + "body-empty", "An empty body.", path=path, raw=b"", as_=role)
    case(p + "body-null", "The JSON null.", path=path, raw=b"null", as_=role)
    case(p + "body-array", "An array, not an object.", path=path, raw=b"[1,2,3]", as_=role)
    case(p + "body-number", "A number.", path=path, raw=b"12345678901234567890", as_=role)
    case(p + "body-string", "A string.", path=path, raw=b'"{}"', as_=role)
    case(p + "body-truncated", "JSON cut short.", path=path, raw=b'{"type": "R_BV', as_=role)
    case(p + "body-duplicate-keys", "The same key twice.", path=path,
         raw=b'{"type": "A", "type": "B"}', as_=role)
    case(p + "body-trailing-garbage", "An object followed by more.", path=path,
         raw=b'{} {"x": 1}', as_=role)
    case(p + "body-bom", "A UTF-8 byte order mark first.", path=path,
         raw=b'\xef\xbb\xbf{"type": "FIBER"}', as_=role)
    case(p + "body-invalid-utf8", "Bytes that are not UTF-8 in a string.", path=path,
         raw=b'{"type": "\xff\xfe\xfd"}', as_=role)
    case(p + "body-overlong-utf8", "An overlong UTF-8 sequence.", path=path,
         raw=b'{"type": "\xc0\xaf"}', as_=role)
    case(p + "body-lone-surrogate", "A lone UTF-16 surrogate escape.", path=path,
         raw=b'{"type": "\\ud800"}', as_=role)
    case(p + "body-nul-escape", "A NUL character escaped in a string.", path=path,
         raw=b'{"type": "R_BVPN\\u0000FR_1"}', as_=role)
    case(p + "body-deep-arrays", "Arrays nested 100000 deep.", path=path,
         raw=parts(("[", 100000), ("]", 100000)), as_=role)
    case(p + "body-deep-objects", "Objects nested 20000 deep.", path=path,
         raw=parts(('{"a":', 20000), ("1", 1), ("}", 20000)), as_=role)
    case(p + "body-many-unknown-keys", "A body of 3000 unknown keys.", path=path,
         body={"k%d" % i: i for i in range(3000)}, as_=role)
    case(p + "body-huge-number", "A number beyond a double.", path=path,
         raw=b'{"type": 1e999999}', as_=role)
    case(p + "body-whitespace", "Only white space.", path=path, raw=b" \n\t\r ", as_=role)
    case(p + "body-text-plain", "JSON sent as text/plain.", path=path,
         raw=b'{"type": "FIBER"}', ctype="text/plain", as_=role)
    case(p + "body-ctype-missing", "No Content-Type at all.", path=path,
         raw=b'{"type": "FIBER"}', ctype="", as_=role)
    case(p + "body-ctype-multipart", "A multipart body to a JSON route.", path=path,
         raw=b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
         ctype="multipart/form-data; boundary=x", as_=role)
    case(p + "body-too-large", "A body over body_max (1 MiB).", path=path,
         raw=parts(('{"comment": "', 1), ("x", 1024 * 1024 + 10), ('"}', 1)), as_=role)
    case(p + "body-over-nginx-cap", "A body over nginx's client_max_body_size.", path=path,
         raw=parts(("x", 3 * 1024 * 1024)), as_=role)

# ---- credentials ------------------------------------------------------------
for fam, path in (("orange", ORANGE), ("internet", INET),
                  ("sp", "/core-information/b2b/v2/servicePoints")):
    p = fam + "-cred-"
    case(p + "none", "No credentials.", method="GET", path=path, as_=None)
    case(p + "unknown-key", "An unknown API key.", method="GET", path=path, as_=None,
         headers={"X-API-Key": "rqk_" + "0" * 40})
    case(p + "key-10k", "An API key of 10000 characters.", method="GET", path=path, as_=None,
         headers={"X-API-Key": "rqk_" + "A" * 10000})
    case(p + "key-control", "An API key with control characters.", method="GET", path=path,
         as_=None, headers={"X-API-Key": "rqk_\x01\x02\x7f"})
    case(p + "bearer-garbage", "A Bearer token that is no token.", method="GET", path=path,
         as_=None, headers={"Authorization": "Bearer !!!*** '\";--"})
    case(p + "basic-auth", "Basic credentials.", method="GET", path=path, as_=None,
         headers={"Authorization": "Basic YWRtaW46YWRtaW4="})
    case(p + "bearer-empty", "Bearer and nothing.", method="GET", path=path, as_=None,
         headers={"Authorization": "Bearer "})
    case(p + "authorization-utf8", "An Authorization header in UTF-8.", method="GET",
         path=path, as_=None, headers={"Authorization": "Bearer \u00e9\u00e9\u00e9"})

# ---- Orange creation: the values ---------------------------------------------
o = DISCONNECT
for name, field, value in (
        ("type-10k", "type", "R" * 10000),
        ("type-control", "type", "R_BVPN\x01\x1b[31m"),
        ("type-of-another-customer", "type", "U_BVPN_CUSTOM003_1"),
        ("type-number", "type", 7),
        ("type-object", "type", {"a": 1}),
        ("requested-at-huge-year", "requestedAt", "9999999999-01-01"),
        ("requested-at-negative", "requestedAt", -1),
        ("requested-at-feb-30", "requestedAt", "2031-02-30"),
        ("requested-at-year-0", "requestedAt", "0000-01-01"),
        ("requested-at-control", "requestedAt", "2031-03-03\n"),
        ("requested-at-10k", "requestedAt", "2" * 10000),
        ("reference-control-chars", "customerReference", "REF\x01\x07\x1b[2J\x7f"),
        ("reference-crlf", "customerReference", "REF\r\nX-Injected: 1"),
        ("reference-bidi", "customerReference", "REF\u202egnp.exe"),
        ("reference-100k", "customerReference", "R" * 20000),
        ("reference-html", "customerReference", "<script>alert(1)</script>"),
        ("reference-csv-formula", "customerReference", "=HYPERLINK(\"http://x\")"),
        ("reference-number", "customerReference", 123),
        ("contract-control", "contract", "C\x00\x01"),
        ("comment-5000-accents", "comment", "\u00e9" * 5000),
        ("comment-control", "comment", "a\x01b\x1bc"),
        ("comment-array", "comment", ["a"]),
        ("properties-array", "properties", [1, 2]),
        ("properties-null", "properties", None),
        ("properties-many-unknown", "properties", dict({"u%d" % i: i for i in range(3000)},
                                                        **DISCONNECT["properties"])),
        ("sp-id-traversal", "properties.servicePoint", {"id": "../../etc/passwd"}),
        ("sp-reference-sql", "properties.servicePoint", {"reference": "' OR 1=1 --"}),
        ("sp-custref-like", "properties.servicePoint", {"customerReference": "%"}),
        ("sp-custref-underscore", "properties.servicePoint", {"customerReference": "____"}),
        ("sp-id-10k", "properties.servicePoint", {"id": "S" * 10000}),
        ("sp-empty-object", "properties.servicePoint", {}),
        ("sp-array", "properties.servicePoint", []),
        ("sp-of-another-customer", "properties.servicePoint", {"id": "SP-FDJ-0001"}),
        ("email-crlf", "properties.contacts.primary.email", "a@b.c\r\nBcc: x@y.z"),
        ("email-10k", "properties.contacts.primary.email", "a" * 10000 + "@b.c"),
        ("phone-10k", "properties.contacts.primary.phone", "+" + "3" * 10000),
        ("firstname-control", "properties.contacts.primary.firstName", "P\x00aul"),
        ("firstname-blank", "properties.contacts.primary.firstName", " \t\n "),
        ("title-number", "properties.contacts.primary.title", 1e308),
        ("contacts-null", "properties.contacts", None),
        ("primary-array", "properties.contacts.primary", [[]]),
        ("secondary-huge", "properties.contacts.secondary", {"email": "x" * 20000}),
):
    case("orange-create-" + name, "Orange creation: %s." % name.replace("-", " "),
         body=with_(o, field, value))
case("orange-create-as-viewer", "A VIEWER may not create.", body=DISCONNECT, as_="fdj_viewer")
case("orange-create-as-reseller", "A reseller of a customer without BVPN types.",
     body=DISCONNECT, as_="reseller")

# ---- Orange lists and reads ----------------------------------------------------
for name, query in (
        ("offset-negative", "offset=-1"), ("offset-text", "offset=abc"),
        ("offset-huge", "offset=99999999999999999999999"), ("limit-zero", "limit=0"),
        ("limit-251", "limit=251"), ("limit-float", "limit=1e3"),
        ("limit-hex", "limit=0x10"), ("sort-unknown", "sort=password"),
        ("sort-double-minus", "sort=--id"), ("sort-minus", "sort=-"),
        ("fields-1000", "fields=" + ",".join("f%d" % i for i in range(1000))),
        ("fields-commas", "fields=" + "," * 500), ("fields-unknown", "fields=__proto__,constructor"),
        ("status-unknown", "status=FOO"), ("status-101", "status=" + ",".join(["NEW"] * 101)),
        ("id-101", "id=" + ",".join("x%d" % i for i in range(101))),
        ("type-percent-nul", "type=%00"), ("custref-invalid-utf8", "customerReference=%ff%fe"),
        ("custref-like", "customerReference=%25"), ("params-300", "&".join("p%d=1" % i for i in range(300))),
        ("bad-escape", "offset=%zz&limit=%"), ("plus-and-spaces", "sort=+id&status=+NEW+"),
        ("category-lowercase", "category=new"), ("empty-values", "offset=&limit=&sort=&fields="),
        ("same-param-twice", "limit=1&limit=250"), ("unicode-key", "%C3%A9=1"),
):
    case("orange-list-" + name, "Orange list: %s." % name.replace("-", " "), method="GET",
         path=ORANGE + "?" + query)
for name, rid in (("id-traversal", "..%2F..%2Fetc%2Fpasswd"), ("id-10k", "a" * 3000),
                  ("id-sql", "%27%20OR%201%3D1"), ("id-unicode", "%C3%A9%C3%A9"),
                  ("id-someone-elses", "@FDJ_REQUEST"), ("id-unknown", "5eed000000000000deadbeef"),
                  ("id-percent-nul", "abc%00def")):
    case("orange-get-" + name, "Orange read: %s." % name.replace("-", " "), method="GET",
         path=ORANGE + "/" + rid)

# ---- Orange status changes -------------------------------------------------------
ST = ORANGE + "/@ORANGE/status"
for name, body in (
        ("comment-3000-accents", {"status": "IN_PROGRESS", "comment": "\u00e9" * 3000}),
        ("comment-4097", {"status": "IN_PROGRESS", "comment": "c" * 4097}),
        ("comment-control", {"status": "IN_PROGRESS", "comment": "a\x00b\x01c\x1b[0m"}),
        ("status-unknown", {"status": "DONE"}), ("status-lowercase", {"status": "in_progress"}),
        ("status-number", {"status": 1}), ("status-null", {"status": None}),
        ("status-missing", {"comment": "x"}), ("status-10k", {"status": "S" * 10000}),
        ("rejected-without-reason", {"status": "REJECTED"}),
        ("comment-object", {"status": "IN_PROGRESS", "comment": {"a": 1}}),
        ("many-unknown-keys", dict({"k%d" % i: i for i in range(3000)}, status="IN_PROGRESS")),
):
    case("orange-status-" + name, "Orange status change: %s." % name.replace("-", " "),
         path=ST, body=body, as_="admin")
case("orange-status-as-customer", "A customer may not move its request to COMPLETED.",
     path=ST, body={"status": "COMPLETED"})
case("orange-status-unknown-request", "A status change of no request.",
     path=ORANGE + "/5eed000000000000deadbeef/status", body={"status": "CANCELED"}, as_="admin")

# ---- catalog items and service points ------------------------------------------
for name, path in (("catalog-unknown", "/ordering/b2b/v2/catalogItems/NOPE"),
                   ("catalog-traversal", "/ordering/b2b/v2/catalogItems/..%2F..%2Fconf"),
                   ("catalog-10k", "/ordering/b2b/v2/catalogItems/" + "T" * 3000),
                   ("catalog-customized-of-other", "/ordering/b2b/v2/catalogItems/U_BVPN_CUSTOM003_1"),
                   ("catalog-list-junk-query", "/ordering/b2b/v2/catalogItems?x=%ff&fields=" + "a," * 200),
                   ("sp-unknown", "/core-information/b2b/v2/servicePoints/NOPE"),
                   ("sp-other-customer", "/core-information/b2b/v2/servicePoints/SP-FDJ-0001"),
                   ("sp-list-offset", "/core-information/b2b/v2/servicePoints?offset=-5"),
                   ("sp-list-limit", "/core-information/b2b/v2/servicePoints?limit=100000"),
                   ("sp-list-sort", "/core-information/b2b/v2/servicePoints?sort=secret"),
                   ("sp-list-fields", "/core-information/b2b/v2/servicePoints?fields=" +
                    ",".join("f%d" % i for i in range(200))),
                   ("sp-list-state-101", "/core-information/b2b/v2/servicePoints?state=" +
                    ",".join(["OPERATIONAL"] * 101)),
                   ("sp-list-ref-like", "/core-information/b2b/v2/servicePoints?reference=%25%5F")):
    case("orange-" + name, "Read: %s." % name.replace("-", " "), method="GET", path=path)

# ---- Internet creation: the values ----------------------------------------------
f = FIBER
for name, field, value in (
        ("zip-huge-negative", "address", {"road": "Road 1", "zip": -99999999999999999999999999,
                                          "city": "Copenhagen"}),
        ("zip-float", "address", {"road": "Road 1", "zip": 2.5e300, "city": "C"}),
        ("address-blank-parts", "address", {"road": "   ", "zip": " \t ", "city": "\n"}),
        ("address-string", "address", "Vesterbrogade 1"),
        ("address-array", "address", ["a"]),
        ("address-id-10k", "address", {"_id": "a" * 10000}),
        ("address-id-sql", "address", {"_id": "' OR '1'='1"}),
        ("address-control", "address", {"road": "R\x01\x02", "zip": "1\x00", "city": "C\x1b"}),
        ("address-20k", "address", {"road": "r" * 20000, "zip": "1620", "city": "C"}),
        ("address2-blank", "address2", {"road": " ", "zip": " ", "city": " "}),
        ("type-lowercase", "type", "fiber"), ("type-null", "type", None),
        ("type-10k", "type", "F" * 10000),
        ("ip-3", "ipAddresses", 3), ("ip-negative", "ipAddresses", -8),
        ("ip-huge", "ipAddresses", 10 ** 30), ("ip-float", "ipAddresses", 8.5),
        ("ip-string", "ipAddresses", "8"), ("ip-bool", "ipAddresses", True),
        ("product-unknown", "product", "ffffffffffffffffffffffff"),
        ("product-10k", "product", "f" * 10000), ("product-object", "product", {"_id": 1}),
        ("product-other-customer", "product", "5eed00000000000000000005"),
        ("notes-20k", "notes", "n" * 20000), ("notes-control", "notes", "n\x00\x01\x1b"),
        ("reference-control", "reference", "REF\x01\x1b[31m\x7f"),
        ("reference-crlf", "reference", "REF\r\nX: 1"),
        ("start-date-feb-30", "startDate", "2031-02-30"),
        ("start-date-year-0", "startDate", "0000-00-00"),
        ("start-date-number", "startDate", 20310303),
        ("start-date-far", "startDate", "9999-12-31"),
        ("start-date-10k", "startDate", "2" * 10000),
        ("takeover-string", "takeover", "yes"),
        ("takeover-circuit-control", "takeoverCircuit", "C\x00\x01"),
        ("install-time-unknown", "installTime", "NOW"),
        ("install-call-number-10k", "installCallNumber", "1" * 10000),
        ("notify-1000", "notify", ["5eed0000000000000000d002"] * 1000),
        ("notify-objects", "notify", [{"_id": {"$ne": None}}]),
        ("notify-unknown", "notify", ["ffffffffffffffffffffffff"]),
        ("notify-string", "notify", "5eed0000000000000000d002"),
        ("commitment-nested", "commitment1", [[[[1]]]]),
        ("customer-unknown", "customer", "NOPE"), ("customer-other", "customer", "ACME"),
        ("reseller-unknown", "reseller", "NOPE"),
        ("offers-on-create", "offers", [{"product": "5eed00000000000000000002"}] * 500),
):
    case("internet-create-" + name, "Internet creation: %s." % name.replace("-", " "),
         path=INET, body=with_(f, field, value), as_="nordic_owner")
case("internet-create-admin-no-customer", "An ADMIN naming no customer.", path=INET,
     body=FIBER, as_="admin")
case("internet-create-as-viewer", "A VIEWER may not create an Internet request.",
     path=INET, body=FIBER, as_="fdj_viewer")

# ---- Internet lists, reads, updates, orders ---------------------------------------
for name, query in (("offset-negative", "offset=-1"), ("limit-huge", "limit=1000000"),
                    ("limit-text", "limit=ten"), ("sort-unknown", "sort=password"),
                    ("params-300", "&".join("p%d=1" % i for i in range(300))),
                    ("status-junk", "status=%ff%00"), ("type-list", "type=" + ",".join(["DSL"] * 200))):
    case("internet-list-" + name, "Internet list: %s." % name.replace("-", " "),
         method="GET", path=INET + "?" + query, as_="nordic_owner")
for name, rid in (("id-short", "abc"), ("id-10k", "a" * 3000), ("id-uppercase", "5EED0000000000000000AD01"),
                  ("id-traversal", "..%2F..%2F"), ("id-other-customer", "@INET")):
    case("internet-get-" + name, "Internet read: %s." % name.replace("-", " "), method="GET",
         path=INET + "/" + rid, as_="acme_owner" if name == "id-other-customer" else "nordic_owner")
UP = INET + "/@INET"
OFFER = {"product": "5eed00000000000000000002", "initiationCost": 1, "initiationWholesale": 1,
         "initiationCustomer": 1, "monthlyCost": 1, "monthlyWholesale": 1, "monthlyCustomer": 1,
         "commitment": 12, "providerName": "P", "providerOfferId": "1"}
for name, body in (
        ("offers-300", {"offers": [OFFER] * 300}),
        ("offers-not-array", {"offers": {"a": OFFER}}),
        ("offer-price-negative", {"offers": [dict(OFFER, monthlyCost=-1)]}),
        ("offer-price-500001", {"offers": [dict(OFFER, monthlyCustomer=500001)]}),
        ("offer-price-string", {"offers": [dict(OFFER, monthlyCost="1,00")]}),
        ("offer-price-1e308", {"offers": [dict(OFFER, initiationCost=1e308)]}),
        ("offer-price-tiny", {"offers": [dict(OFFER, initiationCost=1e-320)]}),
        ("offer-commitment-61", {"offers": [dict(OFFER, commitment=61)]}),
        ("offer-commitment-float", {"offers": [dict(OFFER, commitment=12.5)]}),
        ("offer-no-product", {"offers": [{k: v for k, v in OFFER.items() if k != "product"}]}),
        ("offer-provider-control", {"offers": [dict(OFFER, providerName="P\x00\x1b")]}),
        ("offer-provider-20k", {"offers": [dict(OFFER, providerName="P" * 20000)]}),
        ("offer-id-forged", {"offers": [dict(OFFER, _id="ffffffffffffffffffffffff")]}),
        ("offer-many-unknown", {"offers": [dict(OFFER, **{"k%d" % i: i for i in range(2000)})]}),
        ("update-empty", {}), ("update-type-change", {"type": "DSL"}),
        ("update-address-null", {"address": None}),
):
    case("internet-update-" + name, "Internet update: %s." % name.replace("-", " "),
         path=UP, body=body, as_="admin")
case("internet-update-as-owner", "An owner may not update.", path=UP, body={"notes": "x"},
     as_="nordic_owner")
for name, body in (("request-unknown", {"request": "ffffffffffffffffffffffff", "offer": "ffffffffffffffffffffffff"}),
                   ("request-number", {"request": 1, "offer": 2}),
                   ("offer-unknown", {"request": "@INET", "offer": "ffffffffffffffffffffffff"}),
                   ("fields-10k", {"request": "r" * 10000, "offer": "o" * 10000}),
                   ("empty", {}), ("customer-other", {"request": "@INET", "offer": "x", "customer": "ACME"})):
    case("internet-order-" + name, "Order: %s." % name.replace("-", " "),
         path="/internet/account", body=body, as_="nordic_owner")
for name, body in (("junk", {"startDate": "x", "installTime": 5}), ("empty", {}),
                   ("circuit-10k", {"circuit": "c" * 10000})):
    case("internet-confirm-" + name, "Confirmation: %s." % name.replace("-", " "),
         path="/internet/account/ffffffffffffffffffffffff/confirm", body=body, as_="admin")

# ---- /auth/login ------------------------------------------------------------------
for name, body in (("email-number", {"email": 1, "password": 2}),
                   ("email-10k", {"email": "a" * 10000 + "@x.test", "password": "p"}),
                   ("password-20k", {"email": "owner@acme.test", "password": "p" * 20000}),
                   ("email-control", {"email": "owner@acme.test\r\n", "password": "demo-pass-1"}),
                   ("email-nul", {"email": "owner@acme.test\u0000", "password": "demo-pass-1"}),
                   ("missing", {}), ("null-values", {"email": None, "password": None}),
                   ("array-values", {"email": ["owner@acme.test"], "password": ["x"]}),
                   ("sql", {"email": "' OR 1=1 --", "password": "' OR 1=1 --"}),
                   ("unknown-user", {"email": "nobody@nowhere.test", "password": "demo-pass-1"})):
    case("login-" + name, "API login: %s." % name.replace("-", " "), path="/auth/login",
         body=body, as_=None)

# ---- HTML pages ----------------------------------------------------------------------
for name, path in (("next-other-host", "/login?next=//evil.example/"),
                   ("next-backslash", "/login?next=/%5Cevil.example"),
                   ("next-tab", "/login?next=/%09/evil.example"),
                   ("next-crlf", "/login?next=/%0d%0aSet-Cookie:x=1"),
                   ("next-javascript", "/login?next=javascript:alert(1)"),
                   ("lang-unknown", "/language?lang=xx&next=/"),
                   ("lang-next-other-host", "/language?lang=fr&next=http://evil.example/"),
                   ("reset-garbage", "/password/reset/..%2F..%2Fetc"),
                   ("invite-10k", "/password/invite/" + "i" * 3000),
                   ("home-anonymous", "/"), ("admin-anonymous", "/admin"),
                   ("page-unknown", "/no/such/page"), ("page-traversal", "/requests/..%2F..%2Fadmin"),
                   ("page-percent-nul", "/requests/%00"), ("form-type-unknown", "/requests/new/NOPE"),
                   ("static-traversal", "/static/..%2F..%2Fetc%2Fpasswd"),
                   ("query-only-garbage", "/login?%ff%fe=%00&&&==&")):
    case("html-" + name, "Page: %s." % name.replace("-", " "), method="GET", path=path, as_=None)
for name, path in (("admin-as-customer", "/admin"), ("admin-users-as-customer", "/admin/users"),
                   ("requests-bad-sort", "/requests?sort=password&offset=-1&limit=abc"),
                   ("requests-csv-bad-query", "/requests.csv?status=" + ",".join(["X"] * 150)),
                   ("requests-page-10k", "/requests?q=" + "q" * 3000),
                   ("request-other-customer", "/requests/@FDJ_REQUEST"),
                   ("internet-page-unknown", "/internet/ffffffffffffffffffffffff"),
                   ("form-customized-of-other", "/requests/new/U_BVPN_CUSTOM003_1"),
                   ("profile", "/profile?tz=%00")):
    case("html-session-" + name, "Page with a session: %s." % name.replace("-", " "),
         method="GET", path=path, session="acme_owner")
case("html-login-no-csrf", "A login form without its token.", path="/login", as_=None,
     raw=b"email=owner%40acme.test&password=demo-pass-1", ctype=FORM)
case("html-login-bad-escape", "A login form with a broken escape.", path="/login", as_=None,
     raw=b"email=%zz&password=%", ctype=FORM)
case("html-login-not-utf8", "A login form that is not UTF-8.", path="/login", as_=None,
     raw=b"email=%ff%fe&password=x", ctype=FORM)
case("html-login-json", "JSON posted to the login form.", path="/login", as_=None,
     raw=b'{"email": "x"}', ctype=J)
case("html-login-3000-fields", "A form of 3000 fields.", path="/login", as_=None,
     raw=b"&".join(b"f%d=1" % i for i in range(3000)), ctype=FORM)
case("html-login-nul", "A NUL byte in a form body.", path="/login", as_=None,
     raw=b"email=a\x00b&password=x", ctype=FORM)
for name, path, raw in (
        ("request-form-garbage", "/requests/new/R_BVPN_FR_1", b"csrf=@CSRF&requestedAt=%ff&x=%00"),
        ("request-form-many-fields", "/requests/new/R_BVPN_FR_1",
         b"csrf=@CSRF&" + b"&".join(b"properties.u%d=1" % i for i in range(2000))),
        ("request-form-no-csrf", "/requests/new/R_BVPN_FR_1", b"requestedAt=2031-03-03"),
        ("request-form-wrong-csrf", "/requests/new/R_BVPN_FR_1", b"csrf=00&requestedAt=2031-03-03"),
        ("request-form-control", "/requests/new/R_BVPN_FR_1",
         b"csrf=@CSRF&customerReference=%01%1b%5b31m&properties.contacts.primary.firstName=%00"),
        ("internet-form-blank", "/internet/new", b"csrf=@CSRF&type=FIBER&road=+++&zip=+&city=%09"),
        ("internet-form-zip-negative", "/internet/new",
         b"csrf=@CSRF&type=FIBER&road=R&zip=-99999999999999999999999&city=C"),
        ("profile-junk", "/profile", b"csrf=@CSRF&language=xx&timezone=..%2F..%2Fetc"),
        ("profile-password-short", "/profile/password", b"csrf=@CSRF&current=x&password=1&confirm=2"),
        ("logout-no-csrf", "/logout", b""),
        ("status-comment-control", "/requests/@ORANGE", b"csrf=@CSRF&status=CANCELED&comment=%00%01"),
        ("admin-post-as-customer", "/admin/users", b"csrf=@CSRF&email=x%40y.z&level=ADMIN"),
):
    case("html-session-post-" + name, "Form with a session: %s." % name.replace("-", " "),
         path=path, raw=raw, session="acme_owner")

# ---- methods and odd requests ------------------------------------------------------------
for name, method, path in (("orange-put", "PUT", ORANGE), ("orange-delete", "DELETE", ORANGE + "/@ORANGE"),
                           ("orange-patch", "PATCH", ORANGE + "/@ORANGE"),
                           ("internet-delete", "DELETE", INET + "/@INET"),
                           ("internet-put", "PUT", INET), ("login-get", "GET", "/auth/login"),
                           ("healthz-post", "POST", "/healthz"), ("openapi-delete", "DELETE", "/openapi.json"),
                           ("html-put", "PUT", "/requests"), ("options", "OPTIONS", ORANGE),
                           ("status-get", "GET", ORANGE + "/@ORANGE/status")):
    case("method-" + name, "Method not allowed: %s %s." % (method, path), method=method,
         path=path)
case("healthz-bad-key", "A health probe with a bad key still answers.", method="GET",
     path="/healthz", as_=None, headers={"X-API-Key": "rqk_bad"})
case("openapi-bad-key", "The description with an unknown key.", method="GET",
     path="/openapi.json", as_=None, headers={"X-API-Key": "rqk_bad"})
case("cookie-garbage", "A Cookie header of garbage on a page.", method="GET", path="/",
     as_=None, headers={"Cookie": ";;;=;==;reqdesk_session=%ff%00;" + "a=b; " * 200})
case("cookie-huge", "A Cookie header of 6000 bytes.", method="GET", path="/login",
     as_=None, headers={"Cookie": "reqdesk_session=" + "s" * 6000})
case("accept-language-junk", "An Accept-Language header of junk.", method="GET", path="/login",
     as_=None, headers={"Accept-Language": "*;q=xx,,,;;;fr-;q=-1," + "e" * 2000})
case("accept-language-many", "An Accept-Language header of 500 languages.", method="GET",
     path="/login", as_=None, headers={"Accept-Language": ",".join("l%d;q=0.%d" % (i, i % 10)
                                                                   for i in range(500))})
case("content-length-lies", "A JSON body with a Content-Type of another charset.",
     body=DISCONNECT, ctype="application/json; charset=iso-8859-1")
case("x-forwarded-junk", "X-Forwarded-For and Host headers of junk.", method="GET",
     path=ORANGE, headers={"X-Forwarded-For": "\u00e9" * 100, "X-Request-Id": "x" * 500})

# ---- notes and attachments (docs/CONVERSATIONS.md), both families ------------------
CONV = {"orange": (ORANGE + "/@ORANGE", "acme_owner", ORANGE + "/@FDJ_REQUEST", "acme_owner"),
        "internet": (INET + "/@INET", "nordic_owner", INET + "/@INET", "acme_owner")}
B64_TXT = "w6kgYmllbgo="          # "é bien\n"
HTML_B64 = "PGh0bWw+PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0PjwvaHRtbD4K"
for fam, (req, who, other, stranger) in CONV.items():
    p = fam + "-"
    text = "body" if fam == "orange" else "text"

    def note(extra):
        b = {"title": "A title", "body": "A reply"} if fam == "orange" else {"text": "A reply"}
        b.update(extra)
        return {k: v for k, v in b.items() if v is not ...}

    def file(extra):
        b = {"name": "a.txt", "body": B64_TXT}
        if fam == "orange":
            b["format"] = "txt"
        b.update(extra)
        return {k: v for k, v in b.items() if v is not ...}

    for name, body in (("text-missing", note({text: ...})),
                       ("text-blank", note({text: " \n\t "})),
                       ("text-10001", note({text: "x" * 10001})),
                       ("text-3000-e-acute", note({text: "\u00e9" * 3000})),
                       ("text-control", note({text: "a\u0007b\u001bc\u007f"})),
                       ("text-number", note({text: 12})),
                       ("text-object", note({text: {"a": 1}})),
                       ("text-array", note({text: ["a"]})),
                       ("internal-string", note({"internal": "yes"})),
                       ("internal-by-customer", note({"internal": True})),
                       ("many-unknown-keys", note({"k%d" % i: i for i in range(2000)}))):
        case(p + "note-" + name, "A note: %s." % name.replace("-", " "), path=req + "/notes",
             body=body, as_=who)
    if fam == "orange":
        for name, body in (("title-missing", note({"title": ...})),
                           ("title-201", note({"title": "t" * 201})),
                           ("title-number", note({"title": 5})),
                           ("title-crlf", note({"title": "t\r\nX-Injected: 1"})),
                           ("author-object", note({"author": {"name": "forged"}}))):
            case(p + "note-" + name, "A note: %s." % name.replace("-", " "),
                 path=req + "/notes", body=body, as_=who)
    case(p + "note-other-customer", "A note on another customer's request.",
         path=other + "/notes", body=note({}), as_=stranger)
    case(p + "notes-list-other-customer", "The notes of another customer's request.",
         method="GET", path=other + "/notes", as_=stranger)
    case(p + "attachment-other-customer", "A file on another customer's request.",
         path=other + "/attachments", body=file({}), as_=stranger)
    case(p + "attachments-list-other-customer", "The files of another customer's request.",
         method="GET", path=other + "/attachments", as_=stranger)
    case(p + "attachment-get-unknown", "A file that does not exist.", method="GET",
         path=req + "/attachments/ffffffffffffffffffffffff", as_=who)
    case(p + "attachment-get-traversal", "A file id of traversal.", method="GET",
         path=req + "/attachments/..%2F..%2Fetc%2Fpasswd", as_=who)
    case(p + "notes-list-limit-251", "The notes, limit 251.", method="GET",
         path=req + "/notes?limit=251", as_=who)
    case(p + "notes-list-offset-negative", "The notes, a negative offset.", method="GET",
         path=req + "/notes?offset=-1", as_=who)
    case(p + "note-multipart-no-boundary", "A note sent as multipart without a boundary.",
         path=req + "/notes", raw=b"--x\r\nContent-Disposition: form-data; name=\"text\"\r\n"
         b"\r\nA reply\r\n--x--\r\n", ctype="multipart/form-data", as_=who)
    case(p + "attachment-multipart-no-boundary", "A file sent as multipart without a boundary.",
         path=req + "/attachments", raw=b"--x\r\nContent-Disposition: form-data; name=\"file\"; "
         b"filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--x--\r\n",
         ctype="multipart/form-data", as_=who)
    case(p + "attachment-multipart", "A file sent as a browser's multipart form to the JSON route.",
         path=req + "/attachments", raw=b"--x\r\nContent-Disposition: form-data; name=\"file\"; "
         b"filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--x--\r\n",
         ctype="multipart/form-data; boundary=x", as_=who)
    for name, body in (("name-missing", file({"name": ...})),
                       ("body-missing", file({"body": ...})),
                       ("body-empty", file({"body": ""})),
                       ("body-bad-base64", file({"body": "not base64!!"})),
                       ("body-base64-cut", file({"body": "w6kgYmllbg"})),
                       ("body-base64url", file({"body": "-_-_"})),
                       ("body-number", file({"body": 12345})),
                       ("body-array", file({"body": ["w6k="]})),
                       ("name-number", file({"name": 7})),
                       ("name-traversal", file({"name": "../../etc/passwd"})),
                       ("name-backslash", file({"name": "C:\\dir\\a.txt"})),
                       ("name-300", file({"name": "n" * 300 + ".txt"})),
                       ("name-control", file({"name": "a\u001b\r\n.txt"})),
                       ("name-empty", file({"name": ""})),
                       ("internal-by-customer", file({"internal": True})),
                       ("internal-number", file({"internal": 1})),
                       ("type-html", file({"name": "a.txt", "body": HTML_B64})),
                       ("type-binary", file({"name": "a.txt", "body": "AAECAwQFBgcICQ=="}))):
        case(p + "attachment-" + name, "A file: %s." % name.replace("-", " "),
             path=req + "/attachments", body=body, as_=who)
    if fam == "orange":
        for name, body in (("format-missing", file({"format": ...})),
                           ("format-number", file({"format": 1}))):
            case(p + "attachment-" + name, "A file: %s." % name.replace("-", " "),
                 path=req + "/attachments", body=body, as_=who)
    head = '{"name": "a.txt", %s"body": "' % ('"format": "txt", ' if fam == "orange" else "")
    # 3,495,300 groups of base64: 10,485,900 bytes decoded, over file_max
    # (10 MiB), the body still under what the route reads
    case(p + "attachment-over-file-max", "A file over [attachments] file_max (10 MiB).",
         path=req + "/attachments", raw=parts((head, 1), ("QUFB", 3495300), ('"}', 1)), as_=who)
    case(p + "attachment-over-route-cap", "A body over what a file route reads (file_max "
         "in base64 + 64 KiB), under nginx's cap.", path=req + "/attachments",
         raw=parts((head, 1), ("QUFB", 3700000), ('"}', 1)), as_=who)
    case(p + "note-over-body-max", "A note body over body_max (1 MiB).", path=req + "/notes",
         raw=parts(('{"title": "t", "%s": "' % text, 1), ("x", 1024 * 1024 + 10), ('"}', 1)),
         as_=who)
case("orange-note-viewer", "A VIEWER writes a note.", path=ORANGE + "/@FDJ_REQUEST/notes",
     body={"title": "t", "body": "b"}, as_="fdj_viewer")
case("orange-attachment-viewer", "A VIEWER sends a file.",
     path=ORANGE + "/@FDJ_REQUEST/attachments",
     body={"name": "a.txt", "format": "txt", "body": B64_TXT}, as_="fdj_viewer")
case("html-login-multipart-no-boundary", "The login form sent as multipart without a boundary.",
     path="/login", raw=b"--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n"
     b"a@b.c\r\n--x--\r\n", ctype="multipart/form-data", as_=None)
case("html-login-multipart-bare-lf", "The login form as multipart, a header holding a bare LF.",
     path="/login", raw=b"--x\r\nContent-Disposition: form-data; name=\"email\"\r\n"
     b"Content-Type: text/plain\nX-Injected: 1\r\n\r\na@b.c\r\n--x--\r\n",
     ctype="multipart/form-data; boundary=x", as_=None)
case("html-login-multipart-65-parts", "The login form as multipart of 65 parts.",
     path="/login", raw=b"".join(b"--x\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\n"
                                 b"v\r\n" % i for i in range(65)) + b"--x--\r\n",
     ctype="multipart/form-data; boundary=x", as_=None)

# Webhooks (docs/WEBHOOKS.md): the creation and the edit, whose body is
# checked before the subscription is looked for (an unknown id then 404).
HOOKS = "/ordering/b2b/v2/webhooks"
NO_HOOK = HOOKS + "/000000000000000000000000"
case("hook-create-url-3000", "A webhook URL of 3,000 characters.", path=HOOKS,
     body={"url": "https://example.com/" + "a" * 3000})
case("hook-create-events-100", "100 event names, unknown.", path=HOOKS,
     body={"url": "https://example.com/h", "events": ["x%d" % i for i in range(100)]})
case("hook-create-url-mapped-private", "A destination of ::ffff:192.168.0.1.", path=HOOKS,
     body={"url": "https://[::ffff:192.168.0.1]/"})
case("hook-edit-not-object", "An edit whose body is an array.", path=NO_HOOK, body=[])
case("hook-edit-paused-string", "paused as a string.", path=NO_HOOK, body={"paused": "yes"})
case("hook-edit-url-private", "An edit to 10.0.0.1.", path=NO_HOOK,
     body={"url": "https://10.0.0.1/"})
case("hook-edit-description-201", "A description of 201 characters.", path=NO_HOOK,
     body={"description": "é" * 201})
case("hook-edit-events-empty", "An empty list of events.", path=NO_HOOK, body={"events": []})
case("hook-edit-unknown", "An edit of a subscription that is not there.", path=NO_HOOK,
     body={"description": "x"})
case("hook-edit-viewer", "A VIEWER edits a subscription.", path=NO_HOOK,
     body={"paused": True}, as_="fdj_viewer")
case("hook-edit-no-key", "An edit without credentials.", path=NO_HOOK,
     body={"paused": True}, as_=None)


def main():
    rewrite = "--all" in sys.argv
    n = 0
    for name, (c, raw) in sorted(cases.items()):
        d = HERE / name
        if d.exists() and not rewrite:
            continue
        d.mkdir(exist_ok=True)
        (d / "case.json").write_text(json.dumps(c, indent=2, ensure_ascii=True) + "\n")
        if raw is not None:
            (d / "body").write_bytes(raw)
        elif (d / "body").exists():
            (d / "body").unlink()
        n += 1
    print("%d cases, %d written" % (len(cases), n), file=sys.stderr)


if __name__ == "__main__":
    main()
