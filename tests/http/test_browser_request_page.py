"""Browser test of the request page in words (tests/browser/request_page.mjs):
a U_BVPN_CUSTOM003_1 request made through the API is shown with labels
and values in words; screenshots in test-output/browser/request-page/."""

import os
import subprocess

import pytest

import stack as stackmod
import workdays
from conftest import api


def test_browser_request_page_in_words(stack, keys):
    if os.environ.get("REQDESK_SANITIZED"):
        pytest.skip("browser tests run against the plain build only")
    body = {"requestedAt": workdays.iso(workdays.earliest(20)), "type": "U_BVPN_CUSTOM003_1",
            "customerReference": "BROWSER-WORDS-1",
            "properties": {"servicePoint": {"id": "SP-FDJ-0001"},
                           "profile": "FDJ CONNECT OPTIMA 8M",
                           "options": {"bandwidth": "8M", "isAdditionalWifiNeeded": True,
                                       "isMulticastNeeded": False,
                                       "isQuickstartNeeded": True}}}
    r = stack.post("/ordering/b2b/v2/requests", headers=api(stack, keys["fdj_owner"]), json=body)
    assert r.status_code == 201, r.text[:500]
    repo = stackmod.REPO
    shots = stackmod.output_dir("browser", "request-page")
    p = subprocess.run(["node", str(repo / "tests" / "browser" / "request_page.mjs"), stack.base,
                        str(shots), r.json()["id"]], cwd=str(repo), stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=90)
    out = (p.stdout + p.stderr).decode(errors="replace")
    (shots / "request_page.log").write_text(out)
    assert p.returncode == 0, "request_page.mjs exited %d:\n%s" % (p.returncode, out)
    for name in ("request-u-words.png", "form-u-labels.png"):
        assert (shots / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
