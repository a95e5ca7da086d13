"""Browser test of Internet requests (tests/browser/internet.mjs): create,
offers entered with an error first, order, confirm."""

import datetime
import os
import subprocess

import pytest

import stack as stackmod


def test_browser_internet_requests(stack):
    if os.environ.get("REQDESK_SANITIZED"):
        pytest.skip("browser tests run against the plain build only")
    repo = stackmod.REPO
    shots = stackmod.output_dir("browser", "internet")
    delivery = datetime.date.today() + datetime.timedelta(days=14)
    r = subprocess.run(
        ["node", str(repo / "tests" / "browser" / "internet.mjs"), stack.base, str(shots),
         delivery.isoformat()],
        cwd=str(repo), stdin=subprocess.DEVNULL, capture_output=True, timeout=150)
    out = (r.stdout + r.stderr).decode(errors="replace")
    (shots / "internet.log").write_text(out)
    assert r.returncode == 0, "internet.mjs exited %d:\n%s" % (r.returncode, out)
