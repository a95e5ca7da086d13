"""What the foundation must do, seen through nginx like a client sees it:
pages and health, security headers on every application response, the
three error shapes (HTML, Orange, TelecomX), body limits, process
supervision, and the plain CGI mode of reqdesk-fcgi."""

import json
import os
import re
import shutil
import signal
import subprocess
import time

import pytest

import stack as stackmod

REQUEST_ID = re.compile(r"^[0-9a-f]{32}$")
TWO_MIB = 2 * 1024 * 1024


# ------------------------------------------------------------------ helpers

def media_type(resp):
    return resp.headers.get("Content-Type", "").split(";")[0].strip().lower()


def json_body(resp):
    assert media_type(resp) == "application/json", \
        "expected JSON, got %r: %.300s" % (resp.headers.get("Content-Type"), resp.text)
    return resp.json()


def assert_orange(resp, status, code):
    """Orange shape: {"code": int, "message", "description", "details"?}."""
    assert resp.status_code == status, resp.text[:500]
    body = json_body(resp)
    assert isinstance(body, dict), body
    assert body.get("code") == code, body
    assert isinstance(body.get("code"), int) and not isinstance(body.get("code"), bool), body
    assert isinstance(body.get("message"), str) and body["message"], body
    assert isinstance(body.get("description"), str), body
    assert set(body) <= {"code", "message", "description", "details"}, body
    return body


def assert_telecomx(resp, status, code):
    """TelecomX shape: {"error": {"code", "status", "message", ...}, "errors": [...]}."""
    assert resp.status_code == status, resp.text[:500]
    body = json_body(resp)
    err = body.get("error")
    assert isinstance(err, dict), body
    assert err.get("code") == code, body
    assert err.get("status") == status, body
    assert isinstance(err.get("message"), str) and err["message"], body
    errors = body.get("errors")
    assert isinstance(errors, list) and errors, body
    assert errors[0] == err, body
    return body


def assert_html(resp, status):
    assert resp.status_code == status, resp.text[:500]
    assert media_type(resp) == "text/html", resp.headers.get("Content-Type")
    assert "<html" in resp.text.lower() or "<!doctype html" in resp.text.lower(), resp.text[:300]


def poll(fn, timeout, interval=0.05):
    """Call fn until it returns something truthy or timeout seconds pass;
    return its last result."""
    deadline = time.monotonic() + timeout
    while True:
        result = fn()
        if result or time.monotonic() >= deadline:
            return result
        time.sleep(interval)


def health_status(stack):
    try:
        return stack.get("/healthz", timeout=2).status_code
    except Exception as e:  # connection reset while a worker dies
        return type(e).__name__


# ------------------------------------------------------------------ pages

def test_home_page(stack):
    r = stack.get("/")
    assert r.status_code == 200, r.text[:500]
    assert media_type(r) == "text/html"
    assert '<link rel="stylesheet" href="/static/css/reqdesk.css">' in r.text
    m = re.search(r"<title>(.*?)</title>", r.text, re.S | re.I)
    assert m, "no <title> in the home page"
    assert "reqdesk" in m.group(1).lower(), m.group(1)


def test_healthz_ok(stack):
    r = stack.get("/healthz")
    assert r.status_code == 200, r.text[:500]
    assert json_body(r).get("status") == "ok"


@pytest.mark.parametrize("n", [0, 3, 5, 6, 64, 4100, 100000, 1048576])
def test_ping_answers_exactly_the_bytes_asked(stack, n):
    """/ping?bytes=N: the benchmark's same-size ceiling (docs/PERFORMANCE.md)
    is exactly N bytes, "pong" first."""
    r = stack.get("/ping?bytes=%d" % n)
    assert r.status_code == 200, r.text[:500]
    assert len(r.content) == n, (n, len(r.content))
    assert r.content[:5] == b"pong\n"[:n]
    assert set(r.content[5:]) <= {ord("."), ord("\n")}
    assert stack.get("/ping").content == b"pong\n"


@pytest.mark.parametrize("bad", ["-1", "1048577", "abc", "1e3", "", "99999999999999999999"])
def test_ping_refuses_bytes_out_of_bounds(stack, bad):
    body = assert_telecomx(stack.get("/ping?bytes=" + bad), 400, "bad_request")
    assert body["error"]["message"] == "'bytes' must be a whole number from 0 to 1048576."


def test_static_served_by_nginx(stack):
    r = stack.get("/static/css/reqdesk.css")
    assert r.status_code == 200, r.text[:300]
    assert media_type(r) == "text/css"
    assert "X-Request-Id" not in r.headers, "static files must come from nginx, not the app"
    assert "--rd-brand" in r.text


# ------------------------------------------------------ headers everywhere

APP_REQUESTS = [
    ("GET", "/", {}),
    ("GET", "/healthz", {}),
    ("GET", "/nope", {}),
    ("GET", "/ordering/b2b/v2/nope", {}),
    ("GET", "/internet/nope", {}),
    ("DELETE", "/healthz", {}),
    ("PUT", "/ordering/b2b/v2/requests", {"json": {}}),
    ("POST", "/auth/login", {"data": b"x", "headers": {"Content-Type": "text/plain"}}),
]


@pytest.mark.parametrize("method,path,kw", APP_REQUESTS,
                         ids=["%s %s" % (m, p) for m, p, _ in APP_REQUESTS])
def test_security_headers(stack, method, path, kw):
    r = stack.request(method, path, **kw)
    assert r.status_code < 500, r.text[:500]
    rid = r.headers.get("X-Request-Id", "")
    assert REQUEST_ID.match(rid), "X-Request-Id %r is not 32 hex characters" % rid
    csp = r.headers.get("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in csp, csp
    assert r.headers.get("X-Content-Type-Options", "").lower() == "nosniff"
    assert r.headers.get("Referrer-Policy"), "no Referrer-Policy"


def test_request_ids_differ(stack):
    ids = {stack.get("/healthz").headers.get("X-Request-Id") for _ in range(5)}
    assert len(ids) == 5, ids


# ------------------------------------------------------------ error shapes

def test_not_found_html(stack):
    assert_html(stack.get("/nope"), 404)


def test_not_found_orange(stack):
    body = assert_orange(stack.get("/ordering/b2b/v2/nope"), 404, 60)
    assert body["message"] == "Resource not found"


def test_not_found_telecomx(stack):
    assert_telecomx(stack.get("/auth/nope"), 404, "not_found")


def test_method_not_allowed_healthz(stack):
    r = stack.request("DELETE", "/healthz")
    assert r.status_code == 405, r.text[:500]
    assert "GET" in r.headers.get("Allow", ""), r.headers


def test_method_not_allowed_orange(stack):
    r = stack.request("PUT", "/ordering/b2b/v2/requests", json={})
    assert_orange(r, 405, 61)
    assert r.headers.get("Allow"), "a 405 must carry Allow"


def test_method_not_allowed_telecomx(stack):
    r = stack.request("DELETE", "/auth/login")
    assert_telecomx(r, 405, "method_not_allowed")
    assert "POST" in r.headers.get("Allow", ""), r.headers


def test_a_route_of_its_own_is_not_taken_for_an_id(stack):
    """GET on the POST-only /internet/account is a JSON 405, not the
    HTML page /internet/{id} for an id "account"; and a 405 on an HTML
    page answers as a page."""
    r = stack.get("/internet/account", allow_redirects=False)
    assert_telecomx(r, 405, "method_not_allowed")
    assert r.headers.get("Allow") == "POST", r.headers
    r = stack.post("/internet", data={"x": "1"}, allow_redirects=False)
    assert r.status_code == 405, r.text[:500]
    assert r.headers["Content-Type"].startswith("text/html"), r.headers
    assert "GET" in r.headers.get("Allow", ""), r.headers
    r = stack.post("/requests/new", data={"x": "1"}, allow_redirects=False)
    assert r.status_code == 405 and r.headers["Content-Type"].startswith("text/html")


# ------------------------------------------------------------- body limits

def big_json():
    return json.dumps({"email": "x" * TWO_MIB, "password": "y"}).encode()


def test_body_too_large_telecomx(stack):
    r = stack.post("/auth/login", data=big_json(),
                   headers={"Content-Type": "application/json"}, timeout=30)
    assert_telecomx(r, 413, "payload_too_large")


def test_unsupported_media_type_telecomx(stack):
    r = stack.post("/auth/login", data=b"email=a&password=b",
                   headers={"Content-Type": "text/plain"})
    assert_telecomx(r, 415, "unsupported_media_type")


def test_body_too_large_orange(stack):
    r = stack.post("/ordering/b2b/v2/requests", data=big_json(),
                   headers={"Content-Type": "application/json"}, timeout=30)
    assert_orange(r, 413, 63)


def test_unsupported_media_type_orange(stack):
    r = stack.post("/ordering/b2b/v2/requests", data=b"hello",
                   headers={"Content-Type": "text/plain"})
    assert_orange(r, 415, 64)


def test_stack_still_healthy_after_limits(stack):
    assert stack.get("/healthz").status_code == 200


# ------------------------------------------------------- broken database

def test_healthz_reports_unusable_database(fresh_stack):
    s = fresh_stack()
    sup = s.fcgi_supervisor()
    assert sup, "no reqdesk-fcgi child of ./dev serve"
    # Root ignores chmod 000: put a directory where the database was, so
    # that any new connection fails, then make the workers reconnect.
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(s.db + suffix):
            os.rename(s.db + suffix, s.db + suffix + ".moved")
    os.mkdir(s.db)
    for pid in stackmod.children(sup):
        os.kill(pid, signal.SIGKILL)

    def got_503():
        try:
            r = s.get("/healthz", timeout=2)
        except Exception:
            return None
        return r if r.status_code == 503 else None

    r = poll(got_503, 10, 0.1)
    assert r is not None, "/healthz did not answer 503 within 10 s (last: %s); log:\n%s" % (
        health_status(s), s.log_tail())
    assert json_body(r).get("status") == "error", r.text
    assert REQUEST_ID.match(r.headers.get("X-Request-Id", ""))
    s.stop()


# ---------------------------------------------------- process supervision

def test_worker_restart_and_supervisor_stop(fresh_stack):
    s = fresh_stack(REQDESK_WORKERS="2")
    sup = poll(s.fcgi_supervisor, 5)
    assert sup, "no reqdesk-fcgi child of ./dev serve"
    workers = poll(lambda: len(stackmod.children(sup)) == 2 and stackmod.children(sup), 5)
    assert workers, "expected 2 workers under the supervisor %d, found %s" % (
        sup, stackmod.children(sup))

    victim = workers[0]
    os.kill(victim, signal.SIGKILL)
    assert poll(lambda: health_status(s) == 200, 5), \
        "requests did not succeed within 5 s of a worker's death (last: %s)" % health_status(s)

    def replaced():
        now = stackmod.children(sup)
        return (victim not in now and len(now) == 2 and set(now) - set(workers)) and now

    now = poll(replaced, 5)
    assert now, "no new worker within 5 s (had %s, killed %d, now %s)" % (
        workers, victim, stackmod.children(sup))

    os.kill(sup, signal.SIGTERM)
    gone = poll(lambda: not any(stackmod.pid_alive(p) for p in [sup] + list(now)), 5)
    assert gone, "reqdesk-fcgi and its workers were still running 5 s after SIGTERM: %s" % [
        p for p in [sup] + list(now) if stackmod.pid_alive(p)]
    # ./dev serve stops nginx and exits 1 once a child dies on its own; it
    # may also see our SIGTERM first.
    s.stop(accept=(0, 1))


# Graceful stop with a request in flight needs a slow route to hold one; that
# test comes with such a route.


# --------------------------------------------------------------- plain CGI

@pytest.fixture
def cgi_env(build_dir, repo):
    tmp = stackmod.short_tempdir()
    db = os.path.join(tmp, "reqdesk.db")
    env = {k: v for k, v in os.environ.items()
           if k in ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "ASAN_OPTIONS", "UBSAN_OPTIONS")}
    env.update({
        "REQDESK_CONFIG": str(repo / "conf" / "reqdesk.conf"),
        "REQDESK_TEMPLATES": str(repo / "templates"),
        "REQDESK_CATALOG": str(repo / "conf" / "catalog"),
        "REQDESK_DB": db,
    })
    r = subprocess.run([str(build_dir / "reqdesk"), "--db", db, "demo"], env=env,
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    assert r.returncode == 0, "reqdesk demo failed:\n%s%s" % (
        r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace"))
    yield env
    if not os.environ.get("REQDESK_KEEP"):
        shutil.rmtree(tmp, ignore_errors=True)


def run_cgi(build_dir, env, path):
    env = dict(env, GATEWAY_INTERFACE="CGI/1.1", REQUEST_METHOD="GET",
               PATH_INFO=path, QUERY_STRING="", SERVER_PROTOCOL="HTTP/1.1",
               SERVER_NAME="localhost", SERVER_PORT="80", REMOTE_ADDR="127.0.0.1")
    with open(os.devnull, "rb") as devnull:
        r = subprocess.run([str(build_dir / "reqdesk-fcgi")], env=env, stdin=devnull,
                           capture_output=True, timeout=5)
    assert r.returncode == 0, "CGI exited %d; stderr:\n%s" % (
        r.returncode, r.stderr.decode(errors="replace"))
    out = r.stdout
    ends = [(out.find(sep), sep) for sep in (b"\r\n\r\n", b"\n\n") if out.find(sep) >= 0]
    assert ends, "no blank line after the CGI headers: %r" % out[:300]
    pos, sep = min(ends)
    headers = {}
    for line in out[:pos].decode("latin1").splitlines():
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return headers, out[pos + len(sep):]


def test_cgi_healthz(build_dir, cgi_env):
    headers, body = run_cgi(build_dir, cgi_env, "/healthz")
    assert headers.get("status", "").startswith("200"), headers
    assert headers.get("content-type", "").startswith("application/json"), headers
    assert json.loads(body).get("status") == "ok", body


def test_cgi_home(build_dir, cgi_env):
    headers, body = run_cgi(build_dir, cgi_env, "/")
    assert headers.get("status", "").startswith("200"), headers
    assert headers.get("content-type", "").startswith("text/html"), headers
    assert b"reqdesk" in body.lower(), body[:300]


def test_favicon(stack):
    """Browsers ask for /favicon.ico on every page: nginx serves it (it was
    a 404 on every page), and the layout names the SVG one."""
    r = stack.get("/favicon.ico")
    assert r.status_code == 200
    assert r.content[:4] == b"\x00\x00\x01\x00"          # an ICO file
    assert r.headers.get("X-Content-Type-Options") == "nosniff"
    r = stack.get("/static/favicon.svg")
    assert r.status_code == 200 and b"<svg" in r.content
    page = stack.get("/login")
    assert '<link rel="icon" href="/static/favicon.svg"' in page.text


def test_not_found_page_keeps_the_logged_in_header(stack):
    """A 404 page shown to a logged-in user has their header (it had the
    anonymous "Log in" one), and an anonymous one keeps "Log in"."""
    from conftest import browser_login
    sess, _ = browser_login(stack, "owner@fdj.test")
    r = sess.get(stack.url("/no/such/page"), timeout=10)
    assert r.status_code == 404
    assert 'action="/logout"' in r.text and 'href="/login"' not in r.text
    assert 'class="user-name"' in r.text
    r = stack.get("/no/such/page")
    assert r.status_code == 404 and 'href="/login"' in r.text
    # a route's other method: 405, also with the header
    r = sess.post(stack.url("/requests.csv"), timeout=10)
    assert r.status_code == 405 and 'action="/logout"' in r.text
