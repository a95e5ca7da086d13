"""Browser test of an Internet request's whole life
(tests/browser/internet_life.mjs): NEW, HAS_OFFER, ORDERED, CONFIRMED,
ACTIVE, CANCELLED, the operator's questions before activating and
cancelling; screenshots of each state in the build's test output."""

import datetime
import os
import subprocess

import pytest

import stack as stackmod


def test_browser_internet_life(stack):
    if os.environ.get("REQDESK_SANITIZED"):
        pytest.skip("browser tests run against the plain build only")
    repo = stackmod.REPO
    shots = stackmod.output_dir("browser", "internet-life")
    delivery = datetime.date.today() + datetime.timedelta(days=14)
    r = subprocess.run(
        ["node", str(repo / "tests" / "browser" / "internet_life.mjs"), stack.base, str(shots),
         delivery.isoformat()],
        cwd=str(repo), stdin=subprocess.DEVNULL, capture_output=True, timeout=180)
    out = (r.stdout + r.stderr).decode(errors="replace")
    (shots / "internet-life.log").write_text(out)
    assert r.returncode == 0, "internet_life.mjs exited %d:\n%s" % (r.returncode, out)
    for name in ("customer-3-ordered", "customer-4-confirmed", "customer-5-active",
                 "customer-6-cancelled", "operator-5-activate-question",
                 "operator-6-cancel-question", "operator-7-timeline"):
        assert (shots / (name + ".png")).stat().st_size > 0, name
