"""GET /openapi.json: the OpenAPI 3.1 description of every JSON route.

  - the document is served publicly as application/json, is linted by a
    real OpenAPI linter (Redocly CLI from tests/browser/node_modules, with
    tests/openapi/redocly.yaml, offline, no telemetry) and must pass;
  - every JSON route of cgi/route.c (family FAM_ORANGE or FAM_TCX, except
    /openapi.json itself) is described with each of its methods, and the
    document describes no path the server does not have;
  - the POST /requests bodies are generated from the catalog: one oneOf
    member per catalog file, whose `properties` schema is the catalog
    item's schema (no `$schema` anywhere in the document);
  - real answers (demo users through nginx) are validated against the
    schema the document declares for their path, method and status, with
    python3-jsonschema (draft 2020-12), and carry the declared headers.
"""

import copy
import json
import os
import re
import subprocess
import uuid
from pathlib import Path

import pytest

import stack as stackmod
import workdays
import bodies
from conftest import DEMO_PASSWORD, DEMO_USERS, api

REPO = stackmod.REPO
REDOCLY = REPO / "tests" / "browser" / "node_modules" / ".bin" / "redocly"
REDOCLY_CONFIG = REPO / "tests" / "openapi" / "redocly.yaml"
LINT_TIMEOUT = 120

ORDERING = "/ordering/b2b/v2"
CORE = "/core-information/b2b/v2"
ACME_SP = {"customerReference": "AAT-AA001-001"}
UNKNOWN_ID = "ffffffffffffffffffffffff"


# ------------------------------------------------------------------ helpers

@pytest.fixture(scope="module")
def jsonschema():
    """python3-jsonschema (installed by ./dev deps)."""
    return pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def doc(stack):
    """The served document, also written to the test output directory."""
    r = stack.get("/openapi.json")
    assert r.status_code == 200, r.text[:500]
    assert r.headers.get("Content-Type") == "application/json", r.headers
    d = r.json()
    out = stackmod.output_dir("openapi-san" if os.environ.get("REQDESK_SANITIZED")
                              else "openapi")
    (out / "openapi.json").write_text(json.dumps(d, indent=2) + "\n")
    return d


def media_type(resp):
    return resp.headers.get("Content-Type", "").split(";")[0].strip().lower()


def declared(doc, path, method, status):
    """The response object the document declares (fails if undeclared)."""
    op = doc["paths"].get(path, {}).get(method)
    assert op is not None, "%s %s is not described" % (method.upper(), path)
    resp = op["responses"].get(str(status))
    assert resp is not None, "%s %s: status %s is not described (described: %s)" % (
        method.upper(), path, status, sorted(op["responses"]))
    return resp


def validator(jsonschema, doc, schema):
    """A draft 2020-12 validator of `schema` whose "#/components/..." refs
    resolve against the document's components."""
    root = copy.deepcopy(schema)
    root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    root["components"] = doc["components"]
    cls = jsonschema.Draft202012Validator
    return cls(root, format_checker=cls.FORMAT_CHECKER)


def assert_valid(jsonschema, doc, schema, instance, what):
    errors = sorted(validator(jsonschema, doc, schema).iter_errors(instance),
                    key=lambda e: list(e.absolute_path))
    assert not errors, "%s does not match its schema:\n%s\n\ninstance: %s" % (
        what, "\n".join("- at %s: %s" % ("/".join(map(str, e.absolute_path)) or "(root)",
                                         e.message[:500]) for e in errors[:10]),
        json.dumps(instance)[:2000])


def conforms(jsonschema, doc, resp, path, method, status=None):
    """Check a real answer against the document: its status is described
    for this path and method, its JSON body matches the declared schema,
    and the declared headers are present.  Returns the body."""
    if status is not None:
        assert resp.status_code == status, (resp.status_code, resp.text[:1000])
    decl = declared(doc, path, method, resp.status_code)
    for name in decl.get("headers", {}):
        assert name in resp.headers, "%s %s %d: header %s missing" % (
            method.upper(), path, resp.status_code, name)
    content = decl.get("content")
    if content is None:
        return None
    assert media_type(resp) in content, (media_type(resp), sorted(content))
    if media_type(resp) != "application/json":
        return resp.text
    body = resp.json()
    assert_valid(jsonschema, doc, content["application/json"]["schema"], body,
                 "%s %s %d" % (method.upper(), path, resp.status_code))
    return body


def route_table():
    """(pattern, methods, family, flags) of every row of routes[] in
    cgi/route.c; methods as lower-case names, flags as a set of RF_ names."""
    text = (REPO / "cgi" / "route.c").read_text()
    table = text[text.index("const struct route routes[]"):]
    table = table[:table.index("\n};")]
    rows = re.findall(r'\{\s*"(/[^"]*)"\s*,\s*([A-Z_|\s]+?)\s*,\s*(FAM_[A-Z]+)'
                      r'\s*,\s*([A-Z_0-9|\s]+?)\s*,', table)
    assert len(rows) >= 10, "could not parse the route table of cgi/route.c"
    out = []
    for pattern, methods, family, flags in rows:
        names = {m.strip()[2:].lower() for m in methods.split("|")}
        out.append((pattern, names, family,
                    {f.strip() for f in flags.split("|")} - {"0"}))
    return out


def catalog_types():
    """The `type` of every declaration of the catalog the stack loads."""
    cat = Path(os.environ.get("REQDESK_CATALOG") or REPO / "conf" / "catalog")
    return sorted(json.loads(p.read_text())["type"] for p in cat.glob("*.json"))


def r_body(ref=None):
    """A valid R_BVPN_FR_1 (disconnection) body for ACME."""
    return {
        "requestedAt": workdays.iso(workdays.earliest(20)),
        "type": "R_BVPN_FR_1",
        "customerReference": ref or "OA-%s" % uuid.uuid4().hex[:16],
        "contract": "256060",
        "properties": {
            "servicePoint": dict(ACME_SP),
            "contacts": {"primary": dict(bodies.PRIMARY_CONTACT)}}}


def body_schema(doc, path, method):
    return doc["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]


# ------------------------------------------------------------ the document

def test_served_publicly_as_json(stack, doc):
    assert doc["openapi"].startswith("3.1.")
    assert doc["info"]["title"] == "reqdesk"
    assert doc["servers"] == [{"url": "/"}]
    schemes = doc["components"]["securitySchemes"]
    assert schemes["apiKey"] == {**schemes["apiKey"], "type": "apiKey",
                                 "in": "header", "name": "X-API-Key"}
    assert schemes["bearer"]["type"] == "http" and schemes["bearer"]["scheme"] == "bearer"
    r = stack.request("HEAD", "/openapi.json")
    assert r.status_code == 200 and not r.content
    r = stack.post("/openapi.json", headers={"Content-Type": "application/json"}, data="{}")
    assert r.status_code == 405, r.text[:300]


def test_version_is_the_package_version(stack, doc):
    assert doc["info"]["version"] == stack.get("/healthz").json()["version"]


def test_redocly_lint_passes(doc):
    if not os.access(REDOCLY, os.X_OK):
        pytest.fail("%s is missing: run ./dev deps" % REDOCLY, pytrace=False)
    out = stackmod.output_dir("openapi-san" if os.environ.get("REQDESK_SANITIZED")
                              else "openapi")
    path = out / "openapi.json"
    assert path.exists()
    env = dict(os.environ, REDOCLY_TELEMETRY="off",
               REDOCLY_SUPPRESS_UPDATE_NOTICE="true", NO_COLOR="1")
    try:
        p = subprocess.run([str(REDOCLY), "lint", "--config", str(REDOCLY_CONFIG),
                            "--format", "stylish", str(path)],
                           cwd=str(out), env=env, capture_output=True, text=True,
                           timeout=LINT_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail("redocly lint did not finish within %d s" % LINT_TIMEOUT,
                    pytrace=False)
    (out / "redocly-lint.txt").write_text(p.stdout + p.stderr)
    assert p.returncode == 0, "redocly lint failed (exit %d):\n%s\n%s" % (
        p.returncode, p.stdout, p.stderr)


def test_every_json_route_is_described(doc):
    routes = route_table()
    json_routes = [(pat, methods) for pat, methods, fam, _ in routes
                   if fam in ("FAM_ORANGE", "FAM_TCX") and pat != "/openapi.json"]
    assert json_routes
    missing = []
    for pattern, methods in json_routes:
        item = doc["paths"].get(pattern)
        for m in sorted(methods):
            if item is None or m not in item:
                missing.append("%s %s" % (m.upper(), pattern))
    assert not missing, "JSON routes of cgi/route.c missing from /openapi.json: %s" % missing
    # ... and nothing the server does not have.
    known = {pat: methods for pat, methods, fam, _ in routes if fam != "FAM_HTML"}
    for path, item in doc["paths"].items():
        assert path in known, "%s is described but is not a JSON route" % path
        for m in item:
            if m in ("get", "post", "put", "delete", "patch"):
                assert m in known[path], "%s %s is described but not routed" % (
                    m.upper(), path)


def test_every_operation_has_a_401(doc):
    """Every route checks credentials (a public one refuses bad ones), but
    those flagged RF_NODB or RF_ANON, which read none."""
    no_credentials = {pat for pat, _, _, flags in route_table()
                      if "RF_NODB" in flags or "RF_ANON" in flags}
    assert {"/ping", "/healthz", "/auth/login"} <= no_credentials
    for path, item in doc["paths"].items():
        if path in no_credentials:
            continue
        for m, op in item.items():
            if isinstance(op, dict) and "responses" in op:
                assert "401" in op["responses"], "%s %s" % (m.upper(), path)


def test_request_bodies_come_from_the_catalog(stack, keys, doc):
    body = body_schema(doc, ORDERING + "/requests", "post")
    mapping = body["discriminator"]["mapping"]
    assert body["discriminator"]["propertyName"] == "type"
    assert sorted(mapping) == catalog_types()
    assert sorted(r["$ref"] for r in body["oneOf"]) == sorted(mapping.values())
    assert "$schema" not in json.dumps(doc)
    schemas = doc["components"]["schemas"]
    seen = 0
    for role in ("acme_owner", "fdj_owner"):
        r = stack.get(ORDERING + "/catalogItems", headers={"X-API-Key": keys[role]})
        for item in r.json():
            name = mapping[item["id"]].rsplit("/", 1)[1]
            expected = dict(item["schema"])
            expected.pop("$schema", None)
            assert schemas[name]["properties"]["properties"] == expected, item["id"]
            assert schemas[name]["properties"]["type"]["const"] == item["id"]
            seen += 1
    assert seen >= 2


def test_requested_at_is_described_as_checked(stack, keys, doc, jsonschema):
    """requestedAt is a date, YYYY-MM-DD, as the desk checks it: the
    schema refuses a date-time (3611 on the desk) and says the rule."""
    schemas = doc["components"]["schemas"]
    for name in ("RequestCreate_R_BVPN_FR_1", "RequestCreate_U_BVPN_CUSTOM003_1"):
        ra = schemas[name]["properties"]["requestedAt"]
        assert ra["type"] == "string" and ra["format"] == "date", ra
        assert ra["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", ra
        assert "ignored" not in ra["description"], ra
        assert "calendar days" in ra["description"], ra
        assert "20 days after today" in schemas[name]["description"]
    fmt = jsonschema.Draft202012Validator.FORMAT_CHECKER
    v = jsonschema.Draft202012Validator(
        schemas["RequestCreate_R_BVPN_FR_1"]["properties"]["requestedAt"],
        format_checker=fmt)
    assert v.is_valid("2030-01-15")
    for bad in ("2030-01-15T00:00:00Z", "2030-1-15", "15/01/2030"):
        assert not v.is_valid(bad), bad
    body = r_body()
    body["requestedAt"] = workdays.iso(workdays.earliest(20)) + "T00:00:00Z"
    r = stack.post(ORDERING + "/requests", headers=api(stack, keys["acme_owner"]),
                   json=body)
    assert r.status_code == 422 and r.json()["code"] == 3611, r.text[:300]
    item = schemas["CatalogItem"]
    assert item["properties"]["leadUnit"]["enum"] == ["calendar", "working"]
    assert "leadUnit" in item["required"]


def test_a_type_added_to_the_catalog_is_described(fresh_stack, tmp_path):
    """A new catalog file, no C change: its body appears in the document."""
    cat = Path(os.environ.get("REQDESK_CATALOG") or REPO / "conf" / "catalog")
    for p in cat.glob("*.json"):
        (tmp_path / p.name).write_text(p.read_text())
    (tmp_path / "X_OPENAPI_1.json").write_text(json.dumps({
        "type": "X_OPENAPI_1", "title": "OpenAPI test type", "category": "NEW",
        "leadDays": 3, "catalog": "standard",
        "fields": [{"path": "site.name", "type": "string", "required": True,
                    "maxLength": 40, "label": "Site name"}]}))
    s = fresh_stack(REQDESK_CATALOG=str(tmp_path))
    d = s.get("/openapi.json").json()
    mapping = body_schema(d, ORDERING + "/requests", "post")["discriminator"]["mapping"]
    assert sorted(mapping) == sorted(catalog_types() + ["X_OPENAPI_1"])
    props = d["components"]["schemas"]["RequestCreate_X_OPENAPI_1"]["properties"]
    assert props["type"]["const"] == "X_OPENAPI_1"
    site = props["properties"]["properties"]["site"]
    assert site["required"] == ["name"]
    assert site["properties"]["name"]["maxLength"] == 40


def test_error_responses_use_the_family_shape(doc):
    for path, item in doc["paths"].items():
        orange = path.startswith(("/ordering/", "/core-information/"))
        for m, op in item.items():
            for status, resp in op.get("responses", {}).items():
                if not status.startswith("4"):
                    continue
                ref = resp["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/Error" if orange else "/TelecomXError"), (
                    m, path, status, ref)


# -------------------------------------------------------- real answers

def test_healthz_and_login_conform(stack, doc, jsonschema):
    conforms(jsonschema, doc, stack.get("/healthz"), "/healthz", "get", 200)
    if "/ping" in doc["paths"]:
        assert conforms(jsonschema, doc, stack.get("/ping"), "/ping", "get", 200) == "pong\n"
    r = stack.post("/auth/login", json={"email": DEMO_USERS["acme_owner"],
                                        "password": DEMO_PASSWORD})
    b = conforms(jsonschema, doc, r, "/auth/login", "post", 200)
    assert_valid(jsonschema, doc, body_schema(doc, "/auth/login", "post"),
                 {"email": DEMO_USERS["acme_owner"], "password": DEMO_PASSWORD},
                 "login body")
    # The token works on a protected route.
    r = stack.get(ORDERING + "/catalogItems",
                  headers={"Authorization": "Bearer " + b["token"]})
    conforms(jsonschema, doc, r, ORDERING + "/catalogItems", "get", 200)
    r = stack.post("/auth/login", json={"email": DEMO_USERS["acme_owner"]})
    conforms(jsonschema, doc, r, "/auth/login", "post", 422)
    r = stack.post("/auth/login", data="{}", headers={"Content-Type": "text/plain"})
    conforms(jsonschema, doc, r, "/auth/login", "post", 415)
    # Credentials sent to /healthz are not read: 200 as described.
    r = stack.get("/healthz", headers={"X-API-Key": "rqk_" + "0" * 40})
    conforms(jsonschema, doc, r, "/healthz", "get", 200)


def test_requests_conform(stack, keys, doc, jsonschema):
    key = keys["acme_owner"]
    path = ORDERING + "/requests"
    body = r_body()
    assert_valid(jsonschema, doc, body_schema(doc, path, "post"), body,
                 "the R_BVPN_FR_1 body sent")
    r = stack.post(path, headers=api(stack, key), json=body)
    created = conforms(jsonschema, doc, r, path, "post", 201)
    rid = created["id"]

    r = stack.get(path + "/" + rid, headers={"X-API-Key": key})
    got = conforms(jsonschema, doc, r, path + "/{id}", "get", 200)
    assert got["history"]

    r = stack.get(path, headers={"X-API-Key": key},
                  params={"customerReference": body["customerReference"]})
    items = conforms(jsonschema, doc, r, path, "get", 200)
    assert [i["id"] for i in items] == [rid]
    r = stack.get(path, headers={"X-API-Key": key},
                  params={"limit": 5, "sort": "-requestedAt", "fields": "status"})
    conforms(jsonschema, doc, r, path, "get", 200)
    r = stack.get(path, headers={"X-API-Key": key}, params={"limit": 0})
    conforms(jsonschema, doc, r, path, "get", 400)

    # 412: a mandatory field missing (the body is also invalid per the doc).
    bad = r_body()
    del bad["properties"]["contacts"]["primary"]["title"]
    r = stack.post(path, headers=api(stack, key), json=bad)
    conforms(jsonschema, doc, r, path, "post", 412)
    assert not validator(jsonschema, doc, body_schema(doc, path, "post")).is_valid(bad)
    # 422: requestedAt too early (3611).
    bad = r_body()
    bad["requestedAt"] = workdays.iso(workdays.paris_today())
    r = stack.post(path, headers=api(stack, key), json=bad)
    conforms(jsonschema, doc, r, path, "post", 422)
    # 403: a VIEWER may not create.
    r = stack.post(path, headers=api(stack, keys["fdj_viewer"]), json=r_body())
    conforms(jsonschema, doc, r, path, "post", 403)
    # 400, 415.
    r = stack.post(path, headers=api(stack, key), data="[1]")
    conforms(jsonschema, doc, r, path, "post", 400)
    r = stack.post(path, headers={"X-API-Key": key, "Content-Type": "text/plain"},
                   data=json.dumps(r_body()))
    conforms(jsonschema, doc, r, path, "post", 415)
    # 404 and 401.
    r = stack.get(path + "/" + UNKNOWN_ID, headers={"X-API-Key": key})
    conforms(jsonschema, doc, r, path + "/{id}", "get", 404)
    r = stack.get(path)
    conforms(jsonschema, doc, r, path, "get", 401)
    r = stack.get(path + "/" + rid, headers={"X-API-Key": "rqk_" + "0" * 40})
    conforms(jsonschema, doc, r, path + "/{id}", "get", 401)

    # Status: cancel (200), then an illegal move (409), unknown (404).
    spath = path + "/{id}/status"
    change = {"status": "CANCELED", "comment": "no longer needed"}
    assert_valid(jsonschema, doc, body_schema(doc, spath, "post"), change, "status body")
    r = stack.post(path + "/" + rid + "/status", headers=api(stack, key), json=change)
    after = conforms(jsonschema, doc, r, spath, "post", 200)
    assert after["status"] == "CANCELED"
    r = stack.post(path + "/" + rid + "/status", headers=api(stack, key),
                   json={"status": "COMPLETED"})
    conforms(jsonschema, doc, r, spath, "post", 409)
    r = stack.post(path + "/" + UNKNOWN_ID + "/status", headers=api(stack, key),
                   json=change)
    conforms(jsonschema, doc, r, spath, "post", 404)


def test_catalog_items_conform(stack, keys, doc, jsonschema):
    path = ORDERING + "/catalogItems"
    for role in ("acme_owner", "fdj_owner", "admin"):
        r = stack.get(path, headers={"X-API-Key": keys[role]})
        items = conforms(jsonschema, doc, r, path, "get", 200)
        assert items
        r = stack.get(path + "/" + items[0]["id"], headers={"X-API-Key": keys[role]})
        conforms(jsonschema, doc, r, path + "/{id}", "get", 200)
    r = stack.get(path + "/NO_SUCH_TYPE", headers={"X-API-Key": keys["acme_owner"]})
    conforms(jsonschema, doc, r, path + "/{id}", "get", 404)
    r = stack.get(path)
    conforms(jsonschema, doc, r, path, "get", 401)


def test_service_points_conform(stack, keys, doc, jsonschema):
    path = CORE + "/servicePoints"
    for role in ("acme_owner", "fdj_owner", "admin"):
        for params in ({}, {"displayNulls": "true", "displayLinks": "true"}):
            h = {"X-API-Key": keys[role]}
            r = stack.get(path, headers=h, params=params)
            items = conforms(jsonschema, doc, r, path, "get", 200)
            assert items, role
            r = stack.get(path + "/" + items[0]["id"], headers=h, params=params)
            conforms(jsonschema, doc, r, path + "/{id}", "get", 200)
    h = {"X-API-Key": keys["acme_owner"]}
    r = stack.get(path, headers=h, params={"sort": "nope"})
    conforms(jsonschema, doc, r, path, "get", 400)
    r = stack.get(path + "/SP-NO-SUCH", headers=h)
    conforms(jsonschema, doc, r, path + "/{id}", "get", 404)
    r = stack.get(path + "/SP-NO-SUCH", headers=h, params={"displayNulls": "maybe"})
    conforms(jsonschema, doc, r, path + "/{id}", "get", 400)
    r = stack.get(path)
    conforms(jsonschema, doc, r, path, "get", 401)


def test_ordering_status_version_aggregate_me_conform(stack, keys, doc, jsonschema):
    for path in ("/status", "/version"):
        conforms(jsonschema, doc, stack.get(ORDERING + path), ORDERING + path, "get", 200)
        r = stack.get(ORDERING + path, headers={"X-API-Key": "rqk_" + "0" * 40})
        conforms(jsonschema, doc, r, ORDERING + path, "get", 401)
    path = ORDERING + "/requests/aggregate"
    key = keys["acme_owner"]
    stack.post(ORDERING + "/requests", headers=api(stack, key), json=r_body())
    for params in ({"groupBy": "status"}, {"groupBy": "status,type,customer.id",
                                           "sort": "-COUNT", "status": "NEW"}):
        body = conforms(jsonschema, doc, stack.get(path, headers={"X-API-Key": key},
                                                   params=params), path, "get", 200)
        assert body
    conforms(jsonschema, doc, stack.get(path, headers={"X-API-Key": key},
                                        params={"groupBy": "nope"}), path, "get", 400)
    conforms(jsonschema, doc, stack.get(path, params={"groupBy": "status"}), path, "get", 401)
    me = CORE + "/me"
    for role in ("acme_owner", "reseller", "admin"):
        conforms(jsonschema, doc, stack.get(me, headers={"X-API-Key": keys[role]}),
                 me, "get", 200)
    token = stack.post("/auth/login", json={"email": DEMO_USERS["reseller"],
                                            "password": DEMO_PASSWORD}).json()["token"]
    conforms(jsonschema, doc, stack.get(me, headers={"Authorization": "Bearer " + token}),
             me, "get", 200)
    conforms(jsonschema, doc, stack.get(me), me, "get", 401)
    cat = ORDERING + "/catalogItems"
    conforms(jsonschema, doc, stack.get(cat, headers={"X-API-Key": key},
                                        params={"limit": 1, "offset": 1}), cat, "get", 200)
    conforms(jsonschema, doc, stack.get(cat, headers={"X-API-Key": key},
                                        params={"limit": 0}), cat, "get", 400)


def test_idempotency_key_is_described_and_answers_conform(stack, keys, doc, jsonschema):
    creations = [(ORDERING + "/requests", "acme_owner", r_body),
                 ("/internet/request", "nordic_owner",
                  lambda: {"type": "FIBER", "address": {"_id": "5eed0000000000000000ad01"},
                           "product": "5eed00000000000000000002", "ipAddresses": 8,
                           "reference": uuid.uuid4().hex})]
    for path, role, make in creations:
        params = {p["name"]: p for p in doc["paths"][path]["post"]["parameters"]}
        header = params["Idempotency-Key"]
        assert header["in"] == "header" and header["required"] is False
        v = jsonschema.Draft202012Validator(header["schema"])
        for good in ("a", "k" * 255, '"%s"' % ("k" * 255), "4c1f0e2a-uuid", "a,b;c=d"):
            assert v.is_valid(good), good
        for bad in ("", '""', "a b", "a\\b", 'a"b', "k" * 256, '"a', "é"):
            assert not v.is_valid(bad), bad
        h = dict(api(stack, keys[role]), **{"Idempotency-Key": uuid.uuid4().hex})
        body = make()
        conforms(jsonschema, doc, stack.post(path, headers=h, json=body), path, "post", 201)
        again = stack.post(path, headers=h, json=body)
        conforms(jsonschema, doc, again, path, "post", 201)
        assert again.headers["Idempotent-Replayed"] == "true"
        conforms(jsonschema, doc, stack.post(path, headers=h, json=make()), path, "post", 422)
        h["Idempotency-Key"] = "a b"
        conforms(jsonschema, doc, stack.post(path, headers=h, json=make()), path, "post", 400)
    assert "Idempotency-Key" in {p["name"] for p in
                                 doc["paths"]["/internet/account"]["post"]["parameters"]}


def test_webhooks_conform(stack, keys, doc, jsonschema):
    """The webhook routes (issue 19, part 2; the edit of docs/WEBHOOKS.md)
    answer as /openapi.json says, errors in the ordering family's shape."""
    hooks = ORDERING + "/webhooks"
    one, key = hooks + "/{id}", keys["acme_owner"]
    h = dict(api(stack, key), **{"Idempotency-Key": uuid.uuid4().hex})
    body = {"url": "http://127.0.0.1:9/openapi", "events": ["request.created"]}
    made = conforms(jsonschema, doc, stack.post(hooks, headers=h, json=body), hooks, "post", 201)
    conforms(jsonschema, doc, stack.post(hooks, headers=h, json=body), hooks, "post", 201)
    conforms(jsonschema, doc, stack.post(hooks, headers=api(stack, key),
                                         json={"url": "https://10.0.0.1/"}), hooks, "post", 422)
    conforms(jsonschema, doc, stack.post(hooks, headers=api(stack, key), json={}),
             hooks, "post", 412)
    conforms(jsonschema, doc, stack.post(hooks, headers=api(stack, keys["acme_manager"]),
                                         json=body), hooks, "post", 403)
    conforms(jsonschema, doc, stack.get(hooks, headers={"X-API-Key": key}), hooks, "get", 200)
    conforms(jsonschema, doc, stack.get(hooks), hooks, "get", 401)
    path = hooks + "/" + made["id"]
    conforms(jsonschema, doc, stack.get(path, headers={"X-API-Key": key}), one, "get", 200)
    conforms(jsonschema, doc, stack.get(path, headers={"X-API-Key": keys["nordic_owner"]}),
             one, "get", 404)
    edited = conforms(jsonschema, doc, stack.post(path, headers=api(stack, key), json={
        "description": "described", "paused": True}), one, "post", 200)
    assert edited["paused"] is True and edited["history"][0]["action"] == "paused"
    conforms(jsonschema, doc, stack.post(path, headers=api(stack, key), json={
        "paused": False}), one, "post", 200)
    for bad, status in (({"url": "https://10.0.0.1/"}, 422), ({"paused": 1}, 400),
                        ({"events": ["nope"]}, 422)):
        conforms(jsonschema, doc, stack.post(path, headers=api(stack, key), json=bad),
                 one, "post", status)
    conforms(jsonschema, doc, stack.post(path, headers=api(stack, keys["nordic_owner"]),
                                         json={"paused": True}), one, "post", 404)
    conforms(jsonschema, doc, stack.post(path + "/rotate", headers=api(stack, key)),
             one + "/rotate", "post", 200)
    conforms(jsonschema, doc, stack.post(path + "/ping", headers=api(stack, key)),
             one + "/ping", "post", 202)
    msgs = one + "/messages"
    conforms(jsonschema, doc, stack.get(path + "/messages", headers={"X-API-Key": key}),
             msgs, "get", 200)
    conforms(jsonschema, doc, stack.get(path + "/messages", headers={"X-API-Key": key},
                                        params={"limit": 0}), msgs, "get", 400)
    conforms(jsonschema, doc, stack.post(path + "/messages/msg_nope/resend",
                                         headers=api(stack, key)),
             msgs + "/{messageId}/resend", "post", 404)
    conforms(jsonschema, doc, stack.post(path + "/delete", headers=api(stack, key)),
             one + "/delete", "post", 204)
