"""Browser test of the operator's day (tests/browser/operator_day.mjs,
issue 18 "Done when"): inbox counts, "Take it", an answer to the
customer's question with an attachment, the customer's reply, the
request completed; a screenshot of every page in
test-output/browser/operator-day/.  The customer's question is asked
through the ordering API's notes route before the day starts."""

import json
import os
import subprocess

import pytest

import bodies
import stack as stackmod
from conftest import api
from test_conversations import PDF

QUESTION = "Can the technician come in the morning? The site opens at 8:00."


def test_browser_operator_day(stack, keys):
    if os.environ.get("REQDESK_SANITIZED"):
        pytest.skip("browser tests run against the plain build only")
    r = stack.post("/ordering/b2b/v2/requests", headers=api(stack, keys["acme_owner"]),
                   data=json.dumps(bodies.disconnect_body("BROWSER-DAY-1")))
    assert r.status_code == 201, r.text[:500]
    rid = r.json()["id"]
    r = stack.post("/ordering/b2b/v2/requests/%s/notes" % rid,
                   headers=api(stack, keys["acme_owner"]),
                   data=json.dumps({"title": "Visit", "body": QUESTION}))
    assert r.status_code == 201, r.text[:500]
    repo = stackmod.REPO
    shots = stackmod.output_dir("browser", "operator-day")
    for old in shots.glob("*.png"):
        old.unlink()
    pdf = shots / "visit-plan.pdf"
    pdf.write_bytes(PDF)
    p = subprocess.run(["node", str(repo / "tests" / "browser" / "operator_day.mjs"), stack.base,
                        str(shots), rid, str(pdf), QUESTION], cwd=str(repo),
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=150)
    out = (p.stdout + p.stderr).decode(errors="replace")
    (shots / "operator-day.log").write_text(out)
    assert p.returncode == 0, "operator_day.mjs exited %d:\n%s" % (p.returncode, out)
    names = sorted(x.name for x in shots.glob("*.png"))
    assert len(names) == 12, names
    for name in names:
        assert (shots / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
    # what the browser did is what the desk holds
    r = stack.get("/ordering/b2b/v2/requests/%s" % rid, headers={"X-API-Key": keys["acme_owner"]})
    assert r.json()["status"] == "COMPLETED"
    r = stack.get("/ordering/b2b/v2/requests/%s/notes" % rid,
                  headers={"X-API-Key": keys["acme_owner"]})
    assert [n["body"] for n in r.json()][0] == QUESTION and len(r.json()) == 3, r.text
    r = stack.get("/ordering/b2b/v2/requests/%s/attachments" % rid,
                  headers={"X-API-Key": keys["acme_owner"]})
    assert [a["name"] for a in r.json()] == ["visit-plan.pdf"], r.text
