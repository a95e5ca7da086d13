"""Browser test of the request forms (tests/browser/forms.mjs)."""

import os
import subprocess

import pytest

import stack as stackmod
import workdays


def test_browser_request_forms(stack):
    if os.environ.get("REQDESK_SANITIZED"):
        pytest.skip("browser tests run against the plain build only")
    repo = stackmod.REPO
    shots = stackmod.output_dir("browser", "forms")
    earliest = workdays.earliest()
    r = subprocess.run(
        ["node", str(repo / "tests" / "browser" / "forms.mjs"), stack.base, str(shots),
         earliest.isoformat(), workdays.next_saturday_after(earliest).isoformat()],
        cwd=str(repo), stdin=subprocess.DEVNULL, capture_output=True, timeout=90)
    out = (r.stdout + r.stderr).decode(errors="replace")
    (shots / "forms.log").write_text(out)
    assert r.returncode == 0, "forms.mjs exited %d:\n%s" % (r.returncode, out)
