"""Browser smoke test: Debian's Chromium, driven by playwright-core
(tests/browser/smoke.mjs), loads the home page through nginx."""

import os
import subprocess

import pytest

import stack as stackmod

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_browser_smoke(stack):
    if os.environ.get("REQDESK_SANITIZED"):
        pytest.skip("browser tests run against the plain build only")
    repo = stackmod.REPO
    browser_dir = repo / "tests" / "browser"
    if not (browser_dir / "node_modules" / "playwright-core").is_dir():
        pytest.fail("tests/browser/node_modules is missing: run ./dev deps", pytrace=False)
    shot = stackmod.output_dir("browser") / "home.png"
    if shot.exists():
        shot.unlink()
    try:
        r = subprocess.run(["node", str(browser_dir / "smoke.mjs"), stack.base, str(shot)],
                           cwd=str(repo), stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("smoke.mjs did not finish within 60 s", pytrace=False)
    out = (r.stdout + r.stderr).decode(errors="replace")
    (stackmod.output_dir("browser") / "smoke.log").write_text(out)
    assert r.returncode == 0, "smoke.mjs exited %d:\n%s" % (r.returncode, out)
    assert shot.is_file(), "no screenshot at %s" % shot
    with open(shot, "rb") as f:
        assert f.read(8) == PNG_MAGIC, "%s is not a PNG" % shot
