"""The client examples of examples/ run against the real stack, as a
user would run them: each must succeed, say what it did, and leave the
desk as it says.

  disconnection.py   a disconnection posted with an Idempotency-Key, its
                     answer lost as by a timeout, retried with the same
                     key: the same request back, one request made; then
                     its cancellation heard by a signed webhook on a
                     receiver of the script's own, the signature checked
"""

import os
import re
import sqlite3
import subprocess
import sys

import stack as stackmod
from conftest import make_api_key

EXAMPLES = stackmod.REPO / "examples"


def run(stack, name, *args, env=None):
    p = subprocess.run([sys.executable, str(EXAMPLES / name), "--url", stack.base] +
                       list(args), capture_output=True, text=True, timeout=60,
                       env=dict(os.environ, **(env or {})))
    assert p.returncode == 0, "%s exited %d:\n%s\n%s" % (name, p.returncode, p.stdout,
                                                         p.stderr)
    return p.stdout


def stored(stack, reference):
    con = sqlite3.connect(stack.db, timeout=10)
    try:
        return [r[0] for r in con.execute(
            "SELECT id FROM requests WHERE customer_reference = ?", (reference,))]
    finally:
        con.close()


def test_disconnection_retried_after_a_timeout(stack):
    out = run(stack, "disconnection.py")
    assert "logged in as owner@acme.test (OWNER of ACME)" in out, out
    assert re.search(r"attempt 1: simulated: the answer \(201\) was lost; retrying "
                     r"with the same key", out), out
    m = re.search(r"^request ([0-9a-f]{24}), status NEW \(the first answer, "
                  r"replayed\)$", out, re.M)
    assert m, out
    ref = re.search(r"the desk holds one request for (EXAMPLE-[0-9a-f]{12}): "
                    + m.group(1), out)
    assert ref, out
    assert stored(stack, ref.group(1)) == [m.group(1)]
    hook = re.search(r"^webhook ([0-9a-f]{24}) subscribed for http://127\.0\.0\.1:\d+/reqdesk$",
                     out, re.M)
    assert hook, out
    assert re.search(r"^webhook msg_[0-9a-f]{24}: request\.status_changed, request %s is "
                     r"CANCELED; signature valid$" % m.group(1), out, re.M), out
    # the script cleaned up after itself
    con = sqlite3.connect(stack.db, timeout=10)
    try:
        assert con.execute("SELECT count(*) FROM webhooks WHERE id = ?",
                           (hook.group(1),)).fetchone() == (0,)
    finally:
        con.close()


def test_disconnection_with_an_api_key(stack):
    key = make_api_key(stack, "owner@acme.test")
    out = run(stack, "disconnection.py", "--password", "not used",
              env={"REQDESK_API_KEY": key})
    ref = re.search(r"the desk holds one request for (EXAMPLE-[0-9a-f]{12}): "
                    r"([0-9a-f]{24})", out)
    assert ref, out
    assert stored(stack, ref.group(1)) == [ref.group(2)]
