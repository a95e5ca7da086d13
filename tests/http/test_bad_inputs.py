"""The bad-input corpus (tests/cases/bad/, README.md there) through nginx:
every folder's request sent as it says, its answer held to expected.json
(status, and the error code of a JSON answer), and never a 5xx from the
desk.  Run against both builds by ./dev test (http and http-san): the
sanitizer build aborts a worker on any report, which nginx answers 502,
and the stack's log is searched for reports at the end.

REQDESK_BAD_RECORD=1 writes expected.json from the answers instead (for
new cases; read what it wrote before committing it).
"""

import json
import os
import re
from pathlib import Path

import pytest
import requests

import stack as stackmod
from conftest import DEMO_USERS, browser_login, make_api_key
import bodies
import inet

BAD = Path(__file__).resolve().parents[1] / "cases" / "bad"
CASE_KEYS = {"about", "method", "path", "as", "session", "headers", "body_parts"}
RECORD = bool(os.environ.get("REQDESK_BAD_RECORD"))
SANITIZER = re.compile(r"AddressSanitizer|LeakSanitizer|runtime error:|UndefinedBehaviorSanitizer")


def folders():
    return sorted(p for p in BAD.iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def world():
    s = stackmod.start_stack(log_name="bad-inputs", REQDESK_MAILER="0")
    try:
        keys = {role: make_api_key(s, email) for role, email in DEMO_USERS.items()}
        names = {}
        r = s.post("/ordering/b2b/v2/requests", data=json.dumps(bodies.disconnect_body()),
                   headers={"X-API-Key": keys["acme_owner"], "Content-Type": "application/json"})
        assert r.status_code == 201, r.text
        names["ORANGE"] = r.json()["id"]
        body = {"requestedAt": bodies.workdays.earliest().isoformat(), "type": "R_BVPN_FR_1",
                "properties": {"servicePoint": {"id": "SP-FDJ-0001"},
                               "contacts": {"primary": dict(bodies.PRIMARY_CONTACT)}}}
        r = s.post("/ordering/b2b/v2/requests", data=json.dumps(body),
                   headers={"X-API-Key": keys["fdj_owner"], "Content-Type": "application/json"})
        assert r.status_code == 201, r.text
        names["FDJ_REQUEST"] = r.json()["id"]
        names["INET"] = inet.create(s, keys["nordic_owner"], inet.fiber_body())["_id"]
        names["EARLIEST"] = bodies.workdays.earliest().isoformat()
        sessions = {}
        yield s, keys, names, sessions
    finally:
        log = s.log_tail(100000)
        s.close()
    found = [line for line in log.splitlines() if SANITIZER.search(line)]
    assert not found, "sanitizer reports in the log:\n" + "\n".join(found[:20])


def fill(text, names):
    return re.sub(r"@([A-Z_]+)", lambda m: names.get(m.group(1), m.group(0)), text)


@pytest.mark.parametrize("folder", folders(), ids=lambda p: p.name)
def test_bad_input(world, folder):
    s, keys, names, sessions = world
    case = json.loads((folder / "case.json").read_text())
    assert set(case) <= CASE_KEYS, set(case) - CASE_KEYS
    headers = dict(case.get("headers", {}))
    headers = {k: v.encode("utf-8") if any(ord(c) > 127 for c in v) else v
               for k, v in headers.items()}
    if case.get("as"):
        headers["X-API-Key"] = keys[case["as"]]
    http = stackmod.http_session()
    if case.get("session"):
        if case["session"] not in sessions:
            sessions[case["session"]] = browser_login(s, DEMO_USERS[case["session"]])
        sess, csrf = sessions[case["session"]]
        http.cookies.update(sess.cookies)
        names = dict(names, CSRF=csrf)
    body = None
    if (folder / "body").exists():
        body = (folder / "body").read_bytes()
    elif "body_parts" in case:
        body = b"".join(t.encode() * n for t, n in case["body_parts"])
    # A case that changes a request gets one of its own: no case depends
    # on what another did before it.
    raw_text = case["path"] + (body.decode("latin-1") if body else "")
    if "@ORANGE" in raw_text:
        r = s.post("/ordering/b2b/v2/requests", data=json.dumps(bodies.disconnect_body()),
                   headers={"X-API-Key": keys["acme_owner"], "Content-Type": "application/json"})
        assert r.status_code == 201, r.text
        names = dict(names, ORANGE=r.json()["id"])
    if "@INET" in raw_text:
        names = dict(names, INET=inet.create(s, keys["nordic_owner"], inet.fiber_body())["_id"])
    if body is not None:
        body = fill(body.decode("latin-1"), names).encode("latin-1")
    path = fill(case["path"], names)
    try:
        r = http.request(case["method"], s.url(path), data=body, headers=headers,
                         timeout=30, allow_redirects=False)
    except requests.ConnectionError:
        # nginx may close the connection of a body it refuses before reading it
        assert case.get("body_parts"), "connection closed"
        got = {"status": 413}
    else:
        got = {"status": r.status_code}
        if r.headers.get("Content-Type", "").startswith("application/json"):
            j = r.json()
            code = j.get("code") if isinstance(j, dict) and "code" in j else \
                (j.get("error") or {}).get("code") if isinstance(j, dict) else None
            if code is not None:
                got["code"] = code
    assert got["status"] < 500, "%s answered %d: %s" % (folder.name, got["status"],
                                                      r.text[:500] if body is not None or True else "")
    want_file = folder / "expected.json"
    if RECORD:
        want_file.write_text(json.dumps(got) + "\n")
        return
    want = json.loads(want_file.read_text())
    assert got == want, (folder.name, got, want)


def test_control_characters_neutralised(world):
    """References typed with control characters (the corpus creates some:
    orange-create-reference-*) are shown without them: the CSV export
    holds no control character but white space (TAB, CR, LF)."""
    s, keys, names, sessions = world
    sess, _ = browser_login(s, "owner@acme.test")
    r = sess.get(s.url("/requests.csv"), timeout=30)
    assert r.status_code == 200
    assert "REF" in r.text
    bad = sorted({"%r" % ch for ch in r.text if (ord(ch) < 0x20 and ch not in "\t\r\n")
                  or ord(ch) == 0x7f})
    assert bad == [], bad
