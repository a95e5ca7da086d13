#!/usr/bin/env python3
"""A script that asks reqdesk for the disconnection of a BVPN site, safely.

What it shows, step by step (run it with --help for its options):

  1. get a key: log in with an e-mail and a password (POST /auth/login)
     for a bearer token, or use the API key given in REQDESK_API_KEY;
  2. pick a requestedAt the desk accepts: the type's lead time from its
     catalog item, then a French working day after it;
  3. post the disconnection (type R_BVPN_FR_1, seed 001) with an
     Idempotency-Key, a new random value for this one operation;
  4. lose the answer, as a timeout would (the request reached the desk
     and was made, the script never heard so), and retry with the SAME
     key: the desk answers the first answer again (the same request,
     `Idempotent-Replayed: true`) instead of making a second one;
  5. check that the desk holds exactly one request for it;
  6. hear of its next status change by webhook: a receiver on loopback
     (http.server), a subscription to request.status_changed, the
     request cancelled (a customer may, while it is NEW: the demo's
     status change; the operator's moves come the same way), and the
     webhook's signature checked with the published algorithm (Standard
     Webhooks: HMAC-SHA256 over id.timestamp.body, the key the base64
     after "whsec_"), with Python's own hmac.

The retry rule is the one a real client needs: on a timeout, a lost
connection, a 5xx, or the ordering API's 3623 ("nothing was kept"), send
the same request with the same key again, a little later each time.
Any other answer is final.  docs/API.md ("Retries: Idempotency-Key")
says what the desk promises.

Written for the demo world (./dev run): ACME's owner and its site
AAT-AA001-001; ./dev run lets webhooks reach loopback (a desk in
production refuses private and loopback destinations unless its
[webhooks] allow names them).  Needs Python 3.9+ and requests.  The test suite runs it
against the real stack (tests/http/test_examples.py).
"""

import argparse
import base64
import datetime
import hashlib
import hmac
import http.server
import json
import os
import queue
import sys
import threading
import time
import uuid
from zoneinfo import ZoneInfo

import requests

ORDERING = "/ordering/b2b/v2"

# The retries: how many attempts in all, the first wait (doubled each
# time) and how long one attempt may take.
ATTEMPTS = 5
FIRST_WAIT_S = 0.2
TIMEOUT_S = 10


class Desk:
    """The desk's JSON API, with the caller's credentials."""

    def __init__(self, url):
        self.url = url.rstrip("/")
        self.http = requests.Session()
        self.http.trust_env = False     # talk to the desk itself, no proxy

    def login(self, email, password):
        """Step 1: a bearer token for these credentials (15 minutes)."""
        r = self.http.post(self.url + "/auth/login",
                           json={"email": email, "password": password},
                           timeout=TIMEOUT_S)
        r.raise_for_status()
        self.http.headers["Authorization"] = "Bearer " + r.json()["token"]

    def use_api_key(self, key):
        self.http.headers["X-API-Key"] = key

    def get(self, path, **params):
        r = self.http.get(self.url + path, params=params, timeout=TIMEOUT_S)
        r.raise_for_status()
        return r

    def create(self, path, body, key, lose_first_answer=False):
        """Steps 3 and 4: POST `body` to `path` under the Idempotency-Key
        `key`, retrying what may be retried.  Returns the final answer.

        With lose_first_answer, the first attempt is sent for real but
        its answer thrown away, as if the connection had dropped just
        before it arrived: the desk made the request, the script does not
        know it."""
        headers = {"Idempotency-Key": key, "Content-Type": "application/json"}
        data = json.dumps(body)
        wait = FIRST_WAIT_S
        for attempt in range(1, ATTEMPTS + 1):
            try:
                r = self.http.post(self.url + path, data=data, headers=headers,
                                   timeout=TIMEOUT_S)
                if lose_first_answer and attempt == 1:
                    raise requests.exceptions.ReadTimeout(
                        "simulated: the answer (%d) was lost" % r.status_code)
            except (requests.exceptions.Timeout,
                    requests.exceptions.ConnectionError) as e:
                say("attempt %d: %s; retrying with the same key" % (attempt, e))
            else:
                if not retryable(r):
                    return r
                say("attempt %d: %d; retrying with the same key"
                    % (attempt, r.status_code))
            time.sleep(wait)
            wait *= 2
        raise SystemExit("gave up after %d attempts" % ATTEMPTS)


def retryable(r):
    """May this answer be retried with the same key?  A 5xx, and the
    ordering API's 3623 (the request could not be stored; nothing was
    kept).  A 4xx is final: fix the request (and use a new key for it, or
    the same: a refused request keeps no key)."""
    if r.status_code >= 500:
        return True
    try:
        return r.status_code == 422 and r.json().get("code") == 3623
    except ValueError:
        return False


# French national public holidays on fixed dates (month, day); the
# others (Easter Monday, Ascension Thursday, Whit Monday) never fall on
# a Wednesday, the day chosen below.
FIXED_HOLIDAYS = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}


def requested_at(desk, type_):
    """Step 2: a date the desk accepts for `type_`: at least its lead
    time after today in Paris (catalogItems says how many days, and
    whether they are calendar or working days), a week more to spare,
    then the first Wednesday that is no public holiday."""
    item = desk.get(ORDERING + "/catalogItems/" + type_).json()
    days = item["leadDays"] * (2 if item["leadUnit"] == "working" else 1) + 7
    day = datetime.datetime.now(ZoneInfo("Europe/Paris")).date() + \
        datetime.timedelta(days=days)
    while day.weekday() != 2 or (day.month, day.day) in FIXED_HOLIDAYS:
        day += datetime.timedelta(days=1)
    return day.isoformat()


def disconnection(desk, site, reference):
    """The body of an R_BVPN_FR_1 request: the site to disconnect (by its
    customer reference) and who to call about it."""
    return {
        "type": "R_BVPN_FR_1",
        "requestedAt": requested_at(desk, "R_BVPN_FR_1"),
        "customerReference": reference,
        "properties": {
            "servicePoint": {"customerReference": site},
            "contacts": {"primary": {
                "title": "M", "firstName": "Paul", "lastName": "LANGEL",
                "email": "paul.langel@mycompany.com",
                "phone": "+33401010101", "mobile": "+33600200200"}},
        },
    }


# ---- 6. webhooks -------------------------------------------------------

TOLERANCE_S = 300       # a webhook older or newer than this is refused


def verify_webhook(secret, headers, body):
    """The Standard Webhooks check: the HMAC-SHA256, keyed with the bytes
    of the base64 after "whsec_", of "webhook-id.webhook-timestamp.body"
    (the body exactly as received), base64, must equal one of the "v1,..."
    entries of webhook-signature (two during a rotation of the secret);
    and the timestamp must be recent, so that an old message replayed is
    refused.  Raises ValueError, or returns the parsed body."""
    msg_id = headers["webhook-id"]
    timestamp = headers["webhook-timestamp"]
    if abs(time.time() - int(timestamp)) > TOLERANCE_S:
        raise ValueError("webhook-timestamp too far from now")
    key = base64.b64decode(secret[len("whsec_"):])
    signed = ("%s.%s." % (msg_id, timestamp)).encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for entry in headers["webhook-signature"].split():
        version, _, signature = entry.partition(",")
        if version == "v1" and hmac.compare_digest(signature, expected):
            return json.loads(body)
    raise ValueError("no valid signature")


def start_receiver():
    """An HTTP server on loopback that puts every POST it gets (headers,
    raw body) in a queue and answers 204 at once (a receiver should
    acknowledge quickly and do the work afterwards)."""
    got = queue.Queue()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            got.put(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, got


def hear_status_change(desk, request_id):
    """Subscribe a local receiver to request.status_changed, cancel the
    request, and check the webhook that says so."""
    server, got = start_receiver()
    url = "http://127.0.0.1:%d/reqdesk" % server.server_address[1]
    r = desk.create(ORDERING + "/webhooks", {"url": url, "events": [
        "request.status_changed"], "description": "disconnection.py"}, str(uuid.uuid4()))
    if r.status_code != 201:
        raise SystemExit("webhook refused: %d %s" % (r.status_code, r.text))
    hook = r.json()
    say("webhook %s subscribed for %s" % (hook["id"], url))
    try:
        r = desk.http.post(desk.url + ORDERING + "/requests/%s/status" % request_id,
                           json={"status": "CANCELED", "comment": "example"},
                           timeout=TIMEOUT_S)
        r.raise_for_status()
        while True:
            try:
                headers, body = got.get(timeout=30)
            except queue.Empty:
                raise SystemExit("no webhook within 30 s")
            event = verify_webhook(hook["secret"], headers, body)
            if event["type"] == "request.status_changed" and \
                    event["data"]["id"] == request_id:
                break
        say("webhook %s: %s, request %s is %s; signature valid" % (
            headers["webhook-id"], event["type"], request_id, event["data"]["status"]))
    finally:
        desk.http.post(desk.url + ORDERING + "/webhooks/%s/delete" % hook["id"],
                       timeout=TIMEOUT_S)
        server.shutdown()


def say(text):
    print(text, flush=True)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--url", default=os.environ.get("REQDESK_URL", "http://127.0.0.1:8080"),
                   help="the desk (default $REQDESK_URL or http://127.0.0.1:8080)")
    p.add_argument("--email", default="owner@acme.test")
    p.add_argument("--password", default=os.environ.get("REQDESK_PASSWORD", "demo-pass-1"))
    p.add_argument("--site", default="AAT-AA001-001",
                   help="the customer reference of the site to disconnect")
    a = p.parse_args(argv)

    desk = Desk(a.url)
    # 1. a key
    if os.environ.get("REQDESK_API_KEY"):
        desk.use_api_key(os.environ["REQDESK_API_KEY"])
    else:
        desk.login(a.email, a.password)
    me = desk.get("/core-information/b2b/v2/me").json()
    say("logged in as %s (%s of %s)" % (me["login"], me["level"],
                                        me.get("customer", {}).get("id", "-")))

    # 2, 3, 4. one operation, one key, kept for every retry of it
    reference = "EXAMPLE-" + uuid.uuid4().hex[:12]
    body = disconnection(desk, a.site, reference)
    key = str(uuid.uuid4())
    say("posting %s for %s on %s with Idempotency-Key %s"
        % (body["type"], a.site, body["requestedAt"], key))
    r = desk.create(ORDERING + "/requests", body, key, lose_first_answer=True)
    if r.status_code != 201:
        raise SystemExit("refused: %d %s" % (r.status_code, r.text))
    request = r.json()
    replayed = r.headers.get("Idempotent-Replayed") == "true"
    say("request %s, status %s (%s)" % (request["id"], request["status"],
        "the first answer, replayed" if replayed else "made by this attempt"))

    # 5. one request, the one the answer names
    again = desk.get(r.headers["Content-Location"]).json()
    listed = desk.get(ORDERING + "/requests", customerReference=reference)
    if again["id"] != request["id"] or listed.headers["X-Total-Count"] != "1":
        raise SystemExit("expected one request %s, the desk lists %s"
                         % (request["id"], [i["id"] for i in listed.json()]))
    say("the desk holds one request for %s: %s" % (reference, request["id"]))

    # 6. its next status change, by webhook
    hear_status_change(desk, request["id"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
