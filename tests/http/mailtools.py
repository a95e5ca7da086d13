"""Helpers for mail tests: read a Maildir, wait for messages, run a real
SMTP server (Debian's aiosmtpd) on loopback, query the outbox."""

import email
import email.policy
import mailbox
import os
import socket
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def messages(maildir):
    """Every message of a Maildir, parsed."""
    if not os.path.isdir(os.path.join(maildir, "new")):
        return []
    box = mailbox.Maildir(maildir, factory=None, create=False)
    out = []
    for key in box.keys():
        with box.get_file(key) as f:
            out.append(email.message_from_binary_file(f, policy=email.policy.default))
    return out


def wait_for(predicate, timeout=60, step=0.2, what="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError("timed out after %ss waiting for %s" % (timeout, what))


def about(maildir, needle):
    """Messages whose subject or body mentions `needle`."""
    found = []
    for m in messages(maildir):
        body = m.get_body(("plain",)).get_content()
        if needle in str(m["Subject"]) or needle in body:
            found.append(m)
    return found


def outbox(db, where="1=1", args=()):
    con = sqlite3.connect(db, timeout=10)
    try:
        con.row_factory = sqlite3.Row
        return [dict(r) for r in con.execute(
            "SELECT * FROM outbox WHERE %s ORDER BY id" % where, args)]
    finally:
        con.close()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpServer:
    """A real SMTP server on loopback keeping messages in a Maildir;
    `delay` seconds spent on each message (to catch a mailer mid-batch);
    `options` are smtp_server.py's flags (--rcpt-code 550, ...)."""

    def __init__(self, port, maildir, delay=0.0, options=()):
        self.port, self.maildir = port, maildir
        self.proc = subprocess.Popen(
            [sys.executable if sys.executable.startswith("/usr/bin") else "/usr/bin/python3",
             os.path.join(HERE, "smtp_server.py"), str(port), maildir, str(delay)]
            + [str(o) for o in options],
            stdin=subprocess.DEVNULL)
        wait_for(self._listening, timeout=10, what="SMTP server on %d" % port)

    def _listening(self):
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", self.port)) == 0

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
