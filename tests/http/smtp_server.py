"""A real SMTP server for tests (aiosmtpd): keeps every message in a
Maildir, optionally taking `delay` seconds per message.

    python3 smtp_server.py PORT MAILDIR [DELAY] [--rcpt-code CODE]
        [--auth-log FILE] [--lock-db DB --lock-seconds S]

--rcpt-code CODE   answer every RCPT TO with CODE (a 5xx or 4xx refusal)
--auth-log FILE    offer AUTH without TLS (never STARTTLS) and append each
                   login and password a client sends to FILE: what a client
                   that should have insisted on TLS gave away in clear
--lock-db DB       after accepting the first message, hold DB's write lock
                   (BEGIN IMMEDIATE from another connection) for
                   --lock-seconds, as a long writer would; the 250 answer
                   goes out once the lock is held
"""

import argparse
import asyncio
import mailbox
import signal
import sqlite3
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Keep:
    def __init__(self, args):
        self.box = mailbox.Maildir(args.maildir, create=True)
        self.delay = args.delay
        self.rcpt_code = args.rcpt_code
        self.lock_db, self.lock_seconds = args.lock_db, args.lock_seconds
        self.locked = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.rcpt_code:
            return "%d Refused by the test server" % self.rcpt_code
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        self.box.add(envelope.original_content or envelope.content)
        if self.lock_db and not self.locked:
            self.locked = True
            self.hold_lock()
        return "250 OK"

    def hold_lock(self):
        con = sqlite3.connect(self.lock_db, timeout=30, isolation_level=None,
                              check_same_thread=False)
        con.execute("BEGIN IMMEDIATE")

        def release():
            con.execute("ROLLBACK")
            con.close()
        t = threading.Timer(self.lock_seconds, release)
        t.daemon = True
        t.start()


def auth_logger(path):
    def authenticator(server, session, envelope, mechanism, auth_data):
        with open(path, "a") as f:
            f.write("%s %s %s\n" % (mechanism, auth_data.login.decode(),
                                    auth_data.password.decode()))
        return AuthResult(success=True)
    return authenticator


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("maildir")
    ap.add_argument("delay", type=float, nargs="?", default=0.0)
    ap.add_argument("--rcpt-code", type=int, default=0)
    ap.add_argument("--auth-log")
    ap.add_argument("--lock-db")
    ap.add_argument("--lock-seconds", type=float, default=0.0)
    args = ap.parse_args()
    kw = {}
    if args.auth_log:
        kw = dict(auth_require_tls=False, authenticator=auth_logger(args.auth_log))
    ctl = Controller(Keep(args), hostname="127.0.0.1", port=args.port, **kw)
    ctl.start()
    stop = []
    signal.signal(signal.SIGTERM, lambda *a: stop.append(1))
    signal.signal(signal.SIGINT, lambda *a: stop.append(1))
    while not stop:
        signal.pause()
    ctl.stop()


if __name__ == "__main__":
    main()
