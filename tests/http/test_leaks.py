"""Per-request memory leaks, caught by LeakSanitizer: with the sanitizer
build, reqdesk-fcgi answers one request as a plain CGI program and exits,
so every allocation a request forgot to free is reported.  (Long-running
workers end with _exit and would never report.)  Runs in the http-san
step of ./dev test."""

import json
from urllib.parse import urlencode
import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from conftest import browser_login, make_api_key  # noqa: E402
import stack as stackmod  # noqa: E402
import bodies  # noqa: E402

pytestmark = pytest.mark.skipif(not os.environ.get("REQDESK_SANITIZED"),
                                reason="needs the sanitizer build")


def cgi(s, method, path, query="", body=b"", ctype=None, headers=None):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "GATEWAY_INTERFACE": "CGI/1.1", "REQUEST_METHOD": method,
        "PATH_INFO": path, "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1",
        "CONTENT_LENGTH": str(len(body)),
        "REQDESK_CONFIG": str(stackmod.REPO / "conf" / "reqdesk.conf"),
        "REQDESK_DB": s.db, "REQDESK_TEMPLATES": str(stackmod.REPO / "templates"),
        "REQDESK_CATALOG": str(stackmod.REPO / "conf" / "catalog"),
        "ASAN_OPTIONS": "detect_leaks=1:exitcode=23",
        "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1",
    }
    if ctype:
        env["CONTENT_TYPE"] = ctype
    env.update(headers or {})
    p = subprocess.run([os.path.join(s.build, "reqdesk-fcgi")], input=body, env=env,
                       capture_output=True, timeout=60)
    err = p.stderr.decode(errors="replace")
    assert "LeakSanitizer" not in err and "runtime error" not in err, err[-4000:]
    assert p.returncode == 0, (p.returncode, err[-2000:])
    head = p.stdout.split(b"\r\n", 1)[0].decode()
    return head


def test_requests_leak_nothing(stack):
    key = {"HTTP_X_API_KEY": make_api_key(stack, "owner@acme.test")}
    nordic = {"HTTP_X_API_KEY": make_api_key(stack, "owner@nordic.test")}
    admin = {"HTTP_X_API_KEY": make_api_key(stack, "admin@reqdesk.test")}
    sess, _ = browser_login(stack, "owner@acme.test")
    cookie = {"HTTP_COOKIE": "reqdesk_session=" + sess.cookies.get("reqdesk_session")}
    asess, acsrf = browser_login(stack, "admin@reqdesk.test")
    acookie = {"HTTP_COOKIE": "reqdesk_session=" + asess.cookies.get("reqdesk_session")}
    good = json.dumps(bodies.disconnect_body()).encode()
    j = "application/json"
    head = cgi(stack, "POST", "/ordering/b2b/v2/requests", body=good, ctype=j, headers=key)
    assert head == "Status: 201 Created"
    cases = [
        ("GET", "/ordering/b2b/v2/requests", "", b"", None, key),
        ("GET", "/ordering/b2b/v2/requests", "fields=status&sort=-status", b"", None, key),
        ("POST", "/ordering/b2b/v2/requests", "", b'{"type":"R_BVPN_FR_1","properties":{"contracts":{}}}', j, key),
        ("GET", "/ordering/b2b/v2/catalogItems", "", b"", None, key),
        ("GET", "/core-information/b2b/v2/servicePoints", "", b"", None, key),
        ("GET", "/internet/request", "", b"", None, nordic),
        ("POST", "/internet/request", "", b'{"type":"FIBER","notes":5}', j, nordic),
        ("GET", "/", "", b"", None, cookie),
        ("GET", "/requests/new/R_BVPN_FR_1", "", b"", None, cookie),
        ("GET", "/requests.csv", "", b"", None, cookie),
        ("GET", "/admin/users", "", b"", None, acookie),
        ("GET", "/admin/internet", "", b"", None, acookie),
        ("GET", "/admin/outbox", "", b"", None, acookie),
        ("GET", "/admin/products", "", b"", None, acookie),
        ("GET", "/admin/addresses", "customer=NORDIC", b"", None, acookie),
        ("POST", "/admin/products", "", urlencode({"csrf": acsrf, "csv":
         "id,name,type,initiationFee,customers\nbad,,CABLE,maybe,NOPE\nbad,x,DSL,,\n"}).encode(),
         "application/x-www-form-urlencoded", acookie),
        ("GET", "/openapi.json", "", b"", None, {}),
        ("GET", "/healthz", "", b"", None, {}),
        ("GET", "/login", "", b"", None, {}),
        ("POST", "/auth/login", "", b'{"email":"owner@acme.test","password":"wrong"}', j, {}),
        ("GET", "/nope", "", b"", None, {}),
        ("GET", "/ordering/b2b/v2/requests", "", b"", None, admin),
    ]
    for method, path, query, body, ctype, headers in cases:
        head = cgi(stack, method, path, query, body, ctype, headers)
        assert head.startswith("Status: "), (path, head)
        if method == "POST" and path == "/admin/products":    # the refused import
            assert head.startswith("Status: 422"), head
