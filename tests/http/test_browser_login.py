"""Logging in and out in Debian's Chromium (tests/browser/login.mjs),
through nginx: the owner's home page, the admin's Admin link and page,
the error of a wrong password.  Screenshots in $REQDESK_TEST_OUTPUT/browser/."""

import os
import subprocess

import pytest

import stack as stackmod
from accounts import forget_failures

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SHOTS = ("login-owner-home.png", "login-admin.png", "login-error.png")


def test_browser_login(stack):
    if os.environ.get("REQDESK_SANITIZED"):
        pytest.skip("browser tests run against the plain build only")
    repo = stackmod.REPO
    browser_dir = repo / "tests" / "browser"
    if not (browser_dir / "node_modules" / "playwright-core").is_dir():
        pytest.fail("tests/browser/node_modules is missing: run ./dev deps", pytrace=False)
    outdir = stackmod.output_dir("browser")
    for name in SHOTS:
        if (outdir / name).exists():
            (outdir / name).unlink()
    try:
        r = subprocess.run(["node", str(browser_dir / "login.mjs"), stack.base, str(outdir)],
                           cwd=str(repo), stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail("login.mjs did not finish within 90 s", pytrace=False)
    finally:
        forget_failures(stack)   # the wrong password, on purpose
    out = (r.stdout + r.stderr).decode(errors="replace")
    (outdir / "login.log").write_text(out)
    assert r.returncode == 0, "login.mjs exited %d:\n%s" % (r.returncode, out)
    for name in SHOTS:
        with open(outdir / name, "rb") as f:
            assert f.read(8) == PNG_MAGIC, "%s is not a PNG" % name
