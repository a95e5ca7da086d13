"""A webhook receiver on loopback for the HTTP tests, and the Standard
Webhooks signature checked with Python's own hmac (an implementation
independent of the desk's libsodium)."""

import base64
import hashlib
import hmac
import http.server
import json
import threading
import time


def verify(secret, headers, body):
    """The signature entries of `headers` that `secret` (whsec_...) made
    over webhook-id.webhook-timestamp.body; [] when none."""
    key = base64.b64decode(secret[len("whsec_"):])
    signed = b"%s.%s.%s" % (headers["webhook-id"].encode(),
                            headers["webhook-timestamp"].encode(), body)
    want = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    out = []
    for entry in headers["webhook-signature"].split(" "):
        version, _, sig = entry.partition(",")
        if version == "v1" and hmac.compare_digest(sig, want):
            out.append(entry)
    return out


class Receiver:
    """An HTTP server on 127.0.0.1 keeping every POST it gets: path,
    headers (lower-case names), body and parsed JSON.  `status` is what it
    answers; stop() and start() take it down and up on the same port."""

    def __init__(self):
        self.got = []
        self.status = 200
        self.lock = threading.Lock()
        self.server = None
        self.port = None
        self.start()

    def start(self):
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n)
                with receiver.lock:
                    receiver.got.append({
                        "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": body,
                        "json": json.loads(body),
                    })
                    status = receiver.status
                answer = b"received" if status < 300 else b"not now, try later"
                self.send_response(status)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        http.server.ThreadingHTTPServer.allow_reuse_address = True
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port or 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def url(self, path="/"):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def at(self, path):
        with self.lock:
            return [m for m in self.got if m["path"] == path]

    def wait(self, path, n, timeout=20):
        """At least n messages at `path`, waited for; the list."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self.at(path)
            if len(got) >= n:
                return got
            time.sleep(0.05)
        raise AssertionError("%d message(s) at %s after %ds, %d wanted: %s" % (
            len(self.at(path)), path, timeout, n,
            [m["json"]["type"] for m in self.at(path)]))
