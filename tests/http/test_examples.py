"""The client examples of examples/ run against the real stack, as a
user would run them: each must succeed, say what it did, and leave the
desk as it says.

  disconnection.py   a disconnection posted with an Idempotency-Key, its
                     answer lost as by a timeout, retried with the same
                     key: the same request back, one request made
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


def test_disconnection_with_an_api_key(stack):
    key = make_api_key(stack, "owner@acme.test")
    out = run(stack, "disconnection.py", "--password", "not used",
              env={"REQDESK_API_KEY": key})
    ref = re.search(r"the desk holds one request for (EXAMPLE-[0-9a-f]{12}): "
                    r"([0-9a-f]{24})", out)
    assert ref, out
    assert stored(stack, ref.group(1)) == [ref.group(2)]
