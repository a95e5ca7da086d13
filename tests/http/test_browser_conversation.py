"""Browser test of a conversation (tests/browser/conversation.mjs): the
customer asks on the request page, the operator answers with a file, the
customer reads it, downloads the file and replies, the operator
completes the request; screenshots in test-output/browser/conversation/."""

import json
import os
import subprocess

import pytest

import bodies
import stack as stackmod
from conftest import api
from test_conversations import PDF


def test_browser_conversation(stack, keys):
    if os.environ.get("REQDESK_SANITIZED"):
        pytest.skip("browser tests run against the plain build only")
    r = stack.post("/ordering/b2b/v2/requests", headers=api(stack, keys["acme_owner"]),
                   data=json.dumps(bodies.disconnect_body("BROWSER-CONV-1")))
    assert r.status_code == 201, r.text[:500]
    rid = r.json()["id"]
    repo = stackmod.REPO
    shots = stackmod.output_dir("browser", "conversation")
    pdf = shots / "visit-plan.pdf"
    pdf.write_bytes(PDF)
    p = subprocess.run(["node", str(repo / "tests" / "browser" / "conversation.mjs"), stack.base,
                        str(shots), rid, str(pdf)], cwd=str(repo), stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=120)
    out = (p.stdout + p.stderr).decode(errors="replace")
    (shots / "conversation.log").write_text(out)
    assert p.returncode == 0, "conversation.mjs exited %d:\n%s" % (p.returncode, out)
    for name in ("1-customer-asks.png", "2-operator-answers.png", "3-customer-reads.png",
                 "4-customer-replies.png", "5-operator-completes.png"):
        assert (shots / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
    r = stack.get("/ordering/b2b/v2/requests/%s" % rid, headers={"X-API-Key": keys["acme_owner"]})
    assert r.json()["status"] == "COMPLETED"
