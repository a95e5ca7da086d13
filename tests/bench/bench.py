#!/usr/bin/python3
"""reqdesk benchmark: measure the desk against the ceiling of the same
machine, in one run (see docs/PERFORMANCE.md).

Started by `./dev bench` with REQDESK_BUILD pointing at an optimised build.
It starts the real stack on loopback (nginx + reqdesk-fcgi + SQLite, the
mailer left out so that it does not compete for the CPU: the outbox rows are
still written in every creation's transaction), loads 1,000,000 requests,
and runs wrk for a bounded time against each scenario:

  a  nginx `return 200`                       machine ceiling
  b  GET /ping (FastCGI, no database)          transport ceiling
  c  GET /requests/new/R_BVPN_FR_1 (session)   authenticated HTML form
  d  GET /ordering/b2b/v2/requests/{id} (key)  JSON read
  e  POST /ordering/b2b/v2/requests (key)      durable create (group commit)
  f1 GET /ordering/b2b/v2/requests             first page, 1,000,000 stored
  f2 GET ...?offset=999000                     deep page
  g  GET /admin/internet/{id} (admin session)  offer entry page
  r  GET /requests/{id} (session)              a request page with a
                                               conversation of 20 notes
  h1-h13 GET /admin?view=...&sort=...          the inbox: first and deep pages
                                               (keyset) of each view, each
                                               sort, filters (INBOX below)
  s1-s6 GET /search?q=..., /requests?q=...     search: a word every request
                                               has (first and deepest page),
                                               an id prefix, a rare pair

and prints a table: req/s, p50, p99, errors, req/s as a ratio to the (b)
measured next to it, and as a ratio to its same-size ceiling: right after
each scenario, /ping?bytes=N with the same wrk settings, N chosen so that
its answer (headers and body) is as long as the scenario's, so that nginx
and wrk move as many bytes for both; then where the machine's time went in
each scenario and its ceiling: CPU microseconds per request of reqdesk,
nginx, wrk, the rest, and idle.
Worker memory (RSS, and of it the anonymous part, the worker's own) is
read before, after 100,000 and after 1,000,000 requests served.
Results also go to test-output/bench/.
"""

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "http"))

import stack as stackmod  # noqa: E402
import bodies  # noqa: E402
from conftest import make_api_key, browser_login  # noqa: E402

DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))
SOAK = int(os.environ.get("BENCH_SOAK", "1000000"))
ONLY = set(filter(None, os.environ.get("BENCH_ONLY", "").split(",")))
REPEAT = int(os.environ.get("BENCH_REPEAT", "1"))
ADMIN_ID = "5eed0000000000000000a001"
# The inbox's scenarios: (name, view, sort, filters, deep?)
INBOX = [
    ("h1", "all", "due", "", False), ("h2", "all", "due", "", True),
    ("h3", "unassigned", "customer", "", False), ("h4", "unassigned", "customer", "", True),
    ("h5", "mine", "activity", "", False), ("h6", "mine", "activity", "", True),
    ("h7", "due", "age", "", False), ("h8", "due", "age", "", True),
    ("h9", "waiting", "due", "", False), ("h10", "waiting", "due", "", True),
    ("h11", "all", "customer", "family=internet", False),
    ("h12", "all", "age", "state=IN_PROGRESS", True),
    ("h13", "unassigned", "activity", "priority=high", True),
]
SORT_COL = {"due": "due", "age": "created", "customer": "customer_name",
            "activity": "activity"}


def wanted(name):
    """BENCH_ONLY=b,e runs only those scenarios ((b) always runs)."""
    return not ONLY or name in ONLY or name == "b"


def wrk(url, headers=(), script=None, env=None, connections=CONNECTIONS,
        threads=2, duration=DURATION):
    cmd = ["wrk", "-t%d" % threads, "-c%d" % connections, "-d%s" % duration,
           "--latency", "--timeout", "10s"]
    for h in headers:
        cmd += ["-H", h]
    if script:
        cmd += ["-s", script]
    cmd.append(url)
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                         env=dict(os.environ, **(env or {}))).stdout
    return parse_wrk(out)


def cpu_sample(s):
    """CPU seconds used so far by this stack's reqdesk and nginx processes
    (its process group), by our finished children (wrk), and by the whole
    machine, busy and idle, from /proc."""
    hz = os.sysconf("SC_CLK_TCK")
    out = {"reqdesk": 0.0, "nginx": 0.0}
    for _, comm, fields in stackmod.group_procs(s.proc.pid):   # ./dev serve's
        kind = "nginx" if comm == "nginx" else \
            "reqdesk" if comm.startswith("reqdesk") else None
        if kind:
            out[kind] += (int(fields[11]) + int(fields[12])) / hz
    t = os.times()
    out["wrk"] = t.children_user + t.children_system
    with open("/proc/stat") as f:
        jiffies = [int(x) for x in f.readline().split()[1:9]]
    out["idle"] = (jiffies[3] + jiffies[4]) / hz
    out["machine"] = sum(jiffies) / hz
    return out


def wrk_cpu(s, *args, **kw):
    """wrk(), plus where the machine's time went, in microseconds per
    request: reqdesk, nginx, wrk, everything else, idle."""
    before = cpu_sample(s)
    res = wrk(*args, **kw)
    after = cpu_sample(s)
    n = res["requests"] or 1
    d = {k: (after[k] - before[k]) * 1e6 / n for k in after}
    d["other"] = d["machine"] - d["idle"] - d["reqdesk"] - d["nginx"] - d["wrk"]
    res["cpu"] = d
    return res


def headers_dict(headers):
    return dict(h.split(": ", 1) for h in headers)


def wire_size(resp):
    """The bytes of an answer as nginx sends it: status line, headers,
    body (requests has already undone any chunking)."""
    head = len("HTTP/1.1 %d %s\r\n" % (resp.status_code, resp.reason)) + 2
    head += sum(len(k) + len(v) + 4 for k, v in resp.headers.items())
    return head + len(resp.content)


def same_size_url(s, resp, bare):
    """/ping?bytes=N whose answer is as long as `resp` on the wire
    (`bare`: the wire size of /ping?bytes=0)."""
    # the Content-Length's own digits grow with N; one correction suffices
    n = max(0, wire_size(resp) - bare)
    n = max(0, n - (len(str(n)) - 1))
    return s.url("/ping?bytes=%d" % n), n


def to_ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    v = float(m.group(1))
    return v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v


def parse_wrk(out):
    res = {"raw": out}
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    res["rps"] = float(m.group(1)) if m else 0.0
    m = re.search(r"(\d+) requests in", out)
    res["requests"] = int(m.group(1)) if m else 0
    for pct, key in (("50", "p50"), ("99", "p99")):
        m = re.search(r"\s%s%%\s+([\d.]+(?:us|ms|s))" % pct, out)
        res[key] = to_ms(m.group(1)) if m else float("nan")
    errors = 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        errors += int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errors += sum(int(x) for x in m.groups())
    res["errors"] = errors
    return res


def worker_rss(s):
    """The memory in KiB of each reqdesk-fcgi worker: [RSS, anonymous],
    anonymous being its own (heap, stacks), the rest pages of files it
    maps (the program, its libraries, ICU's data) that every process
    mapping them shares with the page cache."""
    sup = s.fcgi_supervisor()
    out = []
    for pid in stackmod.children(sup):
        fields = {}
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(("VmRSS:", "RssAnon:")):
                    fields[line.split(":")[0]] = int(line.split()[1])
        out.append([fields.get("VmRSS"), fields.get("RssAnon")])
    return out


def load_requests(db, n):
    """n requests for ACME, as the desk would store them (dense cseq), in
    a world an inbox can be measured in: 60% NEW, 20% IN_PROGRESS, 20%
    COMPLETED (800,000 open at 1,000,000); requested dates spread over
    1,500 days from 2026-11-01, so that about 2% are due soon or overdue
    around the bench's day; issue and update times spread over a year.
    Then, as operators would have done through the desk (queue_assign),
    written straight into the inbox's own columns: a tenth of the
    requests handled by the bench's administrator ("assigned to me"), a
    fifth by a second operator, 5% high and 10% low priority, and 5%
    waiting for the customer (the flag replies set)."""
    con = sqlite3.connect(db, timeout=60)
    props = json.dumps({"servicePoint": {"id": "SP-ACME-0001"},
                        "contacts": {"primary": {"title": "M", "firstName": "Paul",
                                                 "lastName": "LANGEL",
                                                 "email": "paul.langel@mycompany.com",
                                                 "phone": "+33401010101",
                                                 "mobile": "+33600200200"}}})
    con.execute("PRAGMA synchronous = OFF")
    con.execute("""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO requests (id, type, name, category, status, customer_id,
          customer_reference, contract, service_point_id, properties, requested_at,
          issued_at, updated_at, created_by, cseq)
        SELECT printf('b%023x', i), 'R_BVPN_FR_1', 'Disconnection of a BVPN site',
          'DISCONNECT', CASE WHEN i % 5 < 3 THEN 'NEW' WHEN i % 5 = 3 THEN 'IN_PROGRESS'
          ELSE 'COMPLETED' END, 'ACME', printf('BENCH-%07d', i), '256060',
          'SP-ACME-0001', ?, date('2026-11-01', '+' || (i * 7 % 1500) || ' days'),
          strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 31 % 31536000) || ' seconds'),
          strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 37 % 31536000) || ' seconds'),
          '5eed0000000000000000ac01',
          (SELECT coalesce(max(cseq), 0) FROM requests WHERE customer_id = 'ACME') + i
        FROM n""", (n, props))
    con.execute("""
        INSERT OR IGNORE INTO users (id, email, name, level, created)
        VALUES ('5eed0000000000000000a002', 'ops2@reqdesk.test', 'Second Operator',
          'ADMIN', '2026-01-01T00:00:00.000Z')""")
    con.execute("""
        UPDATE queue SET
          assignee_id = CASE WHEN id / 5 % 10 = 3 THEN '5eed0000000000000000a001'
            WHEN id / 5 % 10 IN (5, 8) THEN '5eed0000000000000000a002' END,
          priority = CASE WHEN id / 3 % 20 = 7 THEN 2 WHEN id / 3 % 10 = 4 THEN 0 ELSE 1 END,
          waiting = (id / 7 % 20 = 11)
        WHERE family = 'orange' AND request_id LIKE 'b%'""")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def inbox_cursor(db, view, sort, filters):
    """The cursor (id:key) of the row 60 from the end of a view of the
    inbox in its order, as the page's links write it; None if shorter."""
    col = SORT_COL[sort]
    desc = sort == "activity"
    cond, args = ["open = 1"], []
    if view == "unassigned":
        cond.append("assignee_id IS NULL")
    elif view == "mine":
        cond.append("assignee_id = ?")
        args.append(ADMIN_ID)
    elif view == "waiting":
        cond.append("waiting = 1")
    elif view == "due":
        cond.append("due <= date('now', '+3 days')")
    for f in filter(None, filters.split("&")):
        k, v = f.split("=")
        if k == "priority":
            cond.append("priority = %d" % ["low", "normal", "high"].index(v))
        else:
            cond.append("%s = ?" % k)
            args.append(v)
    # the last rows in the page's order: the first ones the other way
    rev = "ASC" if desc else "DESC"
    con = sqlite3.connect(db, timeout=60)
    row = con.execute("SELECT id, %s FROM queue WHERE %s ORDER BY %s %s, id %s"
                      " LIMIT 1 OFFSET 59" % (col, " AND ".join(cond), col, rev, rev),
                      args).fetchone()
    con.close()
    return None if row is None else "%d%%3A%s" % (row[0], urllib.parse.quote(row[1]))


def inbox_and_search(s, cookie, admin_cookie, admin_api, api):
    """(name, label, path, headers) of the (h) and (s) scenarios."""
    out = []
    for name, view, sort, filters, deep in INBOX:
        path = "/admin?view=%s&sort=%s" % (view, sort) + ("&" + filters if filters else "")
        label = "inbox %s by %s%s, %s page" % (view, sort, " " + filters if filters else "",
                                               "deep" if deep else "first")
        if deep:
            cursor = inbox_cursor(s.db, view, sort, filters)
            if cursor is None:
                continue
            path += "&after=" + cursor
        out.append((name, label, path, [admin_cookie]))
    # search: a word every request holds (first page and the deepest a
    # search lists, results 951-1,000), an id's first 10 characters,
    # two words of one request, as a customer and as the operator
    out += [
        ("s1", "/search?q=langel as the customer (every request), first page",
         "/search?q=langel", [cookie]),
        ("s2", "/search?q=langel as the customer, deepest page (offset 950)",
         "/search?q=langel&offset=950", [cookie]),
        ("s3", "/search?q=b000000000 (an id's first 10 characters), operator",
         "/search?q=b000000000", [admin_cookie]),
        ("s4", "/search?q=b000000000, operator, deepest page (offset 950)",
         "/search?q=b000000000&offset=950", [admin_cookie]),
        ("s5", "GET /requests?q=BENCH-%07d (one matches), administrator" % (ROWS // 2),
         "/ordering/b2b/v2/requests?q=BENCH-%07d" % (ROWS // 2), admin_api),
        ("s6", "GET /requests?q=langel&offset=750 as the customer (results 751-1,000)",
         "/ordering/b2b/v2/requests?q=langel&offset=750", api),
    ]
    return out


def main():
    results = {}
    s = stackmod.start_stack(log_name="bench", REQDESK_MAILER="0")
    try:
        print("loading %d requests..." % ROWS, flush=True)
        t0 = time.time()
        load_requests(s.db, ROWS)
        print("  loaded in %.1f s" % (time.time() - t0), flush=True)
        key = make_api_key(s, "owner@acme.test")
        sess, _ = browser_login(s, "owner@acme.test")
        cookie = "Cookie: reqdesk_session=%s" % sess.cookies.get("reqdesk_session")
        admin, _ = browser_login(s, "admin@reqdesk.test")
        admin_cookie = "Cookie: reqdesk_session=%s" % admin.cookies.get("reqdesk_session")
        body = json.dumps(bodies.disconnect_body())
        r = s.post("/ordering/b2b/v2/requests", data=body,
                   headers={"X-API-Key": key, "Content-Type": "application/json"})
        assert r.status_code == 201, r.text
        rid = r.json()["id"]
        inet = make_internet_request(s)
        talk = make_conversation(s, key)
        rss_before = worker_rss(s)
        api = ["X-API-Key: " + key]
        scenarios = [
            ("a", "nginx return 200 (machine ceiling)", s.url("/nginx-ping"), [], None, {}),
            ("b", "FastCGI /ping, no database (transport ceiling)", s.url("/ping"), [], None, {}),
            ("c", "HTML form page, logged in", s.url("/requests/new/R_BVPN_FR_1"),
             [cookie], None, {}),
            ("d", "GET /requests/{id} with an API key",
             s.url("/ordering/b2b/v2/requests/" + rid), api, None, {}),
            ("e", "POST /requests, durable create",
             s.url("/ordering/b2b/v2/requests"), [], os.path.join(HERE, "post.lua"),
             {"BENCH_BODY": body, "BENCH_KEY": key}),
        ]
        if inet:
            scenarios.append(("g", "offer entry page (admin)",
                              s.url("/admin/internet/" + inet), [admin_cookie], None, {}))
        scenarios.append(("r", "request page with a conversation of %d notes" % NOTES,
                          s.url("/requests/" + talk), [cookie], None, {}))
        ping = s.url("/ping")
        bare = wire_size(s.get("/ping?bytes=0"))

        def ceiling():
            """(b) again, right before a scenario: this VM's speed drifts
            by a quarter within a run, so each ratio is taken against the
            (b) measured next to it."""
            return wrk(ping)["rps"]

        def same_size(url, headers, method="GET", body=None, **kw):
            """The same-size ceiling of the scenario at `url`: its answer
            fetched once, then /ping?bytes=N with the same wrk settings."""
            resp = s.http.request(method, url, headers=headers_dict(headers), data=body,
                                  allow_redirects=False)
            assert resp.status_code in (200, 201), (url, resp.status_code, resp.text[:300])
            purl, n = same_size_url(s, resp, bare)
            res = wrk_cpu(s, purl, **kw)
            return dict(bytes=wire_size(resp), pad=n, **res)

        for name, label, url, headers, script, env in scenarios:
            if not wanted(name):
                continue
            near = ceiling() if name not in ("a", "b") else None
            print("running %s: %s" % (name, label), flush=True)
            results[name] = dict(label=label, ceiling=near,
                                 **wrk_cpu(s, url, headers, script, env))
            if name not in ("a", "b"):
                if script:
                    same = same_size(url, ["X-API-Key: " + key, "Content-Type: application/json"],
                                     "POST", body)
                else:
                    same = same_size(url, headers)
                results[name]["same"] = same
        # (f) list pages: latency at low concurrency, at 1,000,000 rows;
        # f1, f2 as the customer, f3-f5 as an administrator (every
        # customer's requests) and by a customer reference
        admin_api = ["X-API-Key: " + make_api_key(s, "admin@reqdesk.test")]
        deep = "?offset=%d" % (ROWS - 1000)
        for name, label, q, h in (
                ("f1", "GET /requests first page (%d stored)" % ROWS, "", api),
                ("f2", "GET /requests deep page (offset %d)" % (ROWS - 1000), deep, api),
                ("f3", "GET /requests first page, administrator", "", admin_api),
                ("f4", "GET /requests deep page, administrator", deep, admin_api),
                ("f5", "GET /requests?customerReference=..., administrator",
                 "?customerReference=BENCH-%07d" % (ROWS // 2), admin_api)):
            if not wanted(name):
                continue
            near = ceiling()
            print("running %s: %s" % (name, label), flush=True)
            url = s.url("/ordering/b2b/v2/requests" + q)
            results[name] = dict(label=label, ceiling=near, **wrk_cpu(
                s, url, h, connections=2, threads=1))
            results[name]["same"] = same_size(url, h, connections=2, threads=1)
        # (h) the operator's inbox and (s) search, at the same low
        # concurrency: the first and a deep page (the row 60 from the
        # end, reached by its cursor) of each view, every sort at least
        # once, filters (docs/INBOX.md, SEARCH.md); BENCH_REPEAT runs
        # them that many times
        for rep in range(REPEAT):
            for name, label, path, h in inbox_and_search(s, cookie, admin_cookie, admin_api, api):
                if not wanted(name):
                    continue
                # not `key`: that is the API key the soak reads with
                rname = name if rep == 0 else "%s.%d" % (name, rep + 1)
                near = ceiling()
                print("running %s: %s" % (rname, label), flush=True)
                results[rname] = dict(label=label, ceiling=near, **wrk_cpu(
                    s, s.url(path), h, connections=2, threads=1))
                results[rname]["same"] = same_size(s.url(path), h, connections=2, threads=1)
        rss_after = worker_rss(s)
        soak = memory_soak(s, rid, key) if SOAK else {}
    finally:
        s.close()
    report(results, rss_before, rss_after, soak)


def make_internet_request(s):
    """A FIBER Internet request of NORDIC with two offers, for (g)."""
    import inet
    nordic = make_api_key(s, "owner@nordic.test")
    admin = make_api_key(s, "admin@reqdesk.test")
    r = inet.post(s, nordic, "/internet/request", inet.fiber_body())
    assert r.status_code == 201, r.text
    rid = r.json()["_id"]
    r = inet.post(s, admin, "/internet/request/" + rid, inet.SEED_OFFERS)
    assert r.status_code == 200, r.text
    return rid


NOTES = 20


def make_conversation(s, key):
    """A request of ACME with a conversation of NOTES notes, half the
    customer's, half the operator's, for (r)."""
    admin = make_api_key(s, "admin@reqdesk.test")
    r = s.post("/ordering/b2b/v2/requests", data=json.dumps(bodies.disconnect_body("BENCH-TALK")),
               headers={"X-API-Key": key, "Content-Type": "application/json"})
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    for i in range(NOTES):
        who = key if i % 2 == 0 else admin
        r = s.post("/ordering/b2b/v2/requests/%s/notes" % rid,
                   data=json.dumps({"title": "Visit %d" % (i + 1), "body": (
                       "Could the technician come on Tuesday morning? The site's "
                       "entrance is on the north side, badge at the desk. " * 3)}),
                   headers={"X-API-Key": who, "Content-Type": "application/json"})
        assert r.status_code == 201, r.text
    return rid


def memory_soak(s, rid, key):
    """Serve (d) until 100,000 then SOAK requests; RSS at each mark."""
    served, marks, samples = 0, [100000, SOAK], {}
    url = s.url("/ordering/b2b/v2/requests/" + rid)
    print("memory soak: %d requests of (d)..." % SOAK, flush=True)
    while marks:
        res = wrk(url, ["X-API-Key: " + key], duration="10s")
        # a soak of refusals would measure the wrong thing
        assert res["errors"] == 0, "memory soak: %d errors\n%s" % (res["errors"], res["raw"])
        served += res["requests"]
        while marks and served >= marks[0]:
            mark = marks.pop(0)
            samples[mark] = worker_rss(s)
            print("  %d served: worker RSS %s KiB" % (served, samples[mark]), flush=True)
    return samples


def report(results, before, after, soak):
    base = results["b"]["rps"] or 1.0
    lines = ["| scenario | req/s | p50 ms | p99 ms | errors | (b) next to it | ratio to (b) "
             "| answer bytes | same-size req/s | same-size p99 ms | ratio to same size |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    names = ["a", "b", "c", "d", "e", "f1", "f2", "f3", "f4", "f5", "g", "r"]
    names += [k for k in results if k not in names]
    for name in names:
        if name not in results:
            continue
        r = results[name]
        near = r.get("ceiling") or base
        same = r.get("same")
        lines.append("| (%s) %s | %.0f | %.2f | %.2f | %d | %.0f | %.2f | %s |" % (
            name, r["label"], r["rps"], r["p50"], r["p99"], r["errors"], near,
            r["rps"] / (near or 1.0), " | ".join(
                ["%d" % same["bytes"], "%.0f" % same["rps"], "%.2f" % same["p99"],
                 "%.2f" % (r["rps"] / (same["rps"] or 1.0))] if same else ["", "", "", ""])))
    lines += ["", "Where the machine's time went, in microseconds per request "
              "(both cores; `other`: the kernel's own threads and the rest of "
              "the machine, `idle`: neither core busy); `(x) same size`: the "
              "scenario's same-size ceiling, so that `reqdesk` there minus "
              "`reqdesk` in it is what the desk's own work costs:", "",
              "| scenario | total | reqdesk | nginx | wrk | other | idle |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for name in names:
        for label, cpu in (("(%s)" % name, results.get(name, {}).get("cpu")),
                           ("(%s) same size" % name,
                            (results.get(name, {}).get("same") or {}).get("cpu"))):
            if cpu:
                lines.append("| %s | %s |" % (label, " | ".join("%.0f" % cpu[k] for k in (
                    "machine", "reqdesk", "nginx", "wrk", "other", "idle"))))
    lines.append("")
    ceilings = [base] + [r["ceiling"] for r in results.values() if r.get("ceiling")]
    lines.append("(b) measured %d times in this run: %.0f-%.0f req/s" % (
        len(ceilings), min(ceilings), max(ceilings)))
    lines.append("worker memory (KiB, [RSS, anonymous] per worker) before: %s, "
                 "after the scenarios: %s" % (before, after))
    for mark, rss in sorted(soak.items()):
        lines.append("worker memory (KiB, [RSS, anonymous]) after %d requests served: %s"
                     % (mark, rss))
    text = "\n".join(lines)
    print()
    print(text)
    out = stackmod.output_dir("bench")
    (out / "results.md").write_text(text + "\n")
    (out / "results.json").write_text(json.dumps(
        {"results": {k: {kk: ({a: b for a, b in vv.items() if a != "raw"}
                              if kk == "same" else vv)
                         for kk, vv in v.items() if kk != "raw"}
                     for k, v in results.items()},
         "rss_before": before, "rss_after": after,
         "soak": {str(k): v for k, v in soak.items()}}, indent=2))
    for name, r in results.items():
        (out / ("wrk-%s.txt" % name)).write_text(r["raw"])
        if r.get("same"):
            (out / ("wrk-%s-same.txt" % name)).write_text(r["same"]["raw"])


if __name__ == "__main__":
    main()
