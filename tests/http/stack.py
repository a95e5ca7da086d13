"""Start and stop a whole reqdesk stack (nginx + reqdesk-fcgi) for HTTP tests.

Each stack is `./dev serve` on a free loopback port with its own short
temporary data directory, so tests never touch ./var or each other.

Environment:
  REQDESK_BUILD        build directory with reqdesk-fcgi and reqdesk
                       (default: build, relative to the repository root)
  REQDESK_TEST_OUTPUT  where the logs go (default: test-output/ in the repo)
  REQDESK_KEEP         if set, temporary data directories are kept
  REQDESK_SANITIZED    set when the build has sanitizers (logs go to http-san/)
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
DEV = REPO / "dev"

START_TIMEOUT = 20.0
STOP_TIMEOUT = 15.0


def build_dir():
    """The build directory under test, as an absolute Path."""
    path = Path(os.environ.get("REQDESK_BUILD") or "build")
    if not path.is_absolute():
        path = REPO / path
    return path


def require_build():
    """Fail (not skip) with a clear message when the programs are missing."""
    build = build_dir()
    missing = [p for p in ("reqdesk-fcgi", "reqdesk")
               if not os.access(build / p, os.X_OK)]
    if missing:
        pytest.fail(
            "%s not built in %s: run `./dev build` (or set REQDESK_BUILD to a "
            "build directory)" % (" and ".join(missing), build),
            pytrace=False)
    return build


def output_dir(*parts):
    """A directory under $REQDESK_TEST_OUTPUT (created)."""
    base = Path(os.environ.get("REQDESK_TEST_OUTPUT") or REPO / "test-output")
    path = base.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir():
    return output_dir("http-san" if os.environ.get("REQDESK_SANITIZED") else "http")


def safe_name(name):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_")[:120] or "stack"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def short_tempdir():
    """mkdtemp with a short path: the socket path must stay under 100 bytes."""
    parent = tempfile.gettempdir()
    if len(parent) > 40:
        parent = "/tmp"
    return tempfile.mkdtemp(prefix="rqd-", dir=parent)


def http_session(lang="en"):
    """A requests session that ignores proxy settings from the environment
    and reads the desk in `lang` (Accept-Language; None sends none, so
    that the demo users' market decides: French for FDJ and ACME)."""
    s = requests.Session()
    s.trust_env = False
    if lang is not None:
        s.headers["Accept-Language"] = lang
    return s


def proc_stat(pid):
    """(state, ppid) of a process from /proc, or None when it is gone."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            stat = f.read()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = stat[stat.rindex(")") + 2:].split()
    return fields[0], int(fields[1])


def pid_alive(pid):
    """True while pid runs; a zombie counts as exited."""
    st = proc_stat(pid)
    return st is not None and st[0] != "Z"


def children(pid):
    """Pids of the live processes whose parent is pid."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        st = proc_stat(int(entry))
        if st and st[1] == pid and st[0] != "Z":
            out.append(int(entry))
    return sorted(out)


def proc_comm(pid):
    try:
        with open("/proc/%d/comm" % pid) as f:
            return f.read().strip()
    except OSError:
        return None


def group_procs(pgid):
    """The live (non-zombie) processes of process group pgid, as (pid,
    comm, fields of /proc/PID/stat after the comm: state, ppid, ...)."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            out.append((int(entry), stat[stat.index("(") + 1:stat.rindex(")")], fields))
    return out


def group_members(pgid):
    """The processes of group_procs(pgid), each as "pid (comm) state ppid:
    command line"."""
    out = []
    for pid, comm, fields in group_procs(pgid):
        try:
            with open("/proc/%d/cmdline" % pid, "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        out.append("%d (%s) %s ppid %s: %s" % (pid, comm, fields[0], fields[1], cmd))
    return out


def group_alive(pgid):
    """Are there live (non-zombie) processes in process group pgid?"""
    return bool(group_members(pgid))


class Stack:
    """A running `./dev serve`: base URL, data dir, database, process."""

    def __init__(self, proc, port, data, build, log_path, log_file):
        self.proc = proc
        self.port = port
        self.base = "http://127.0.0.1:%d" % port
        self.data = data
        self.db = os.path.join(data, "reqdesk.db")
        self.socket = os.path.join(data, "reqdesk.sock")
        self.build = build
        self.log_path = log_path
        self._log_file = log_file
        self.http = http_session()
        self.stopped = False
        self.exit_code = None

    def url(self, path):
        return self.base + path

    def request(self, method, path, **kw):
        kw.setdefault("timeout", 10)
        kw.setdefault("allow_redirects", False)
        return self.http.request(method, self.url(path), **kw)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def log_tail(self, lines=40):
        try:
            self._log_file.flush()
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""

    def fcgi_supervisor(self):
        """Pid of the reqdesk-fcgi supervisor (a child of ./dev serve)."""
        for pid in children(self.proc.pid):
            if (proc_comm(pid) or "").startswith("reqdesk-fcgi"):
                return pid
        return None

    def stop(self, accept=(0,)):
        """SIGTERM to ./dev serve; fail unless it exits within 15 s with an
        exit code in accept and leaves no process of its group behind."""
        if self.stopped:
            return self.exit_code
        self.stopped = True
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(signal.SIGTERM)
            except ProcessLookupError:
                pass
        try:
            rc = self.proc.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self._kill_group()
            pytest.fail("./dev serve did not exit within %.0f s of SIGTERM; log %s:\n%s"
                        % (STOP_TIMEOUT, self.log_path, self.log_tail()), pytrace=False)
        self.exit_code = rc
        deadline = time.monotonic() + 5
        while group_alive(self.proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        leftover = group_members(self.proc.pid)
        self._kill_group()
        if rc not in accept:
            pytest.fail("./dev serve exited with %s (expected %s); log %s:\n%s"
                        % (rc, " or ".join(map(str, accept)), self.log_path, self.log_tail()),
                        pytrace=False)
        if leftover:
            pytest.fail("processes of ./dev serve were still running 5 s after it exited:\n"
                        "  %s\nlog %s:\n%s" % ("\n  ".join(leftover), self.log_path,
                                              self.log_tail()), pytrace=False)
        return rc

    def _kill_group(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def cleanup(self):
        """Kill whatever is left of the group, close the log, remove data."""
        if self.proc.poll() is None or group_alive(self.proc.pid):
            self._kill_group()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                pass
        self.http.close()
        self._log_file.close()
        if not os.environ.get("REQDESK_KEEP"):
            shutil.rmtree(self.data, ignore_errors=True)

    def close(self, accept=(0,)):
        """stop() unless already stopped, then cleanup()."""
        try:
            if not self.stopped:
                self.stop(accept)
        finally:
            self.cleanup()


def start_stack(log_name="stack", data=None, **env):
    """Start `./dev serve` with a fresh data dir (or the empty directory
    `data`: a small file system of the test's); wait for /healthz 200.

    Extra keyword arguments are environment variables for the stack, e.g.
    start_stack(REQDESK_WORKERS="2").
    """
    build = require_build()
    port = free_port()
    data = str(data) if data is not None else short_tempdir()
    log_path = log_dir() / (safe_name(log_name) + ".log")
    log_file = open(log_path, "w")
    proc_env = dict(os.environ)
    proc_env.update({
        "REQDESK_PORT": str(port),
        "REQDESK_DATA": data,
        "REQDESK_BUILD": str(build),
    })
    # The tests send far more from one credential than a person would:
    # no rate limit unless a test asks for one (test_limits.py does).
    proc_env.setdefault("REQDESK_RATE_CREATE", "0")
    proc_env.setdefault("REQDESK_RATE_READ", "0")
    # Webhook receivers of the tests listen on loopback (docs/WEBHOOKS.md:
    # the tests allow it; 10.0.0.0/8 and the rest stay refused).
    proc_env.setdefault("REQDESK_WEBHOOK_ALLOW", "127.0.0.0/8,::1")
    proc_env.setdefault("REQDESK_WEBHOOK_POLL_MS", "100")
    proc_env.update({k: str(v) for k, v in env.items()})
    proc = subprocess.Popen(
        [str(DEV), "serve"], cwd=str(REPO), env=proc_env,
        stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
        start_new_session=True)
    stack = Stack(proc, port, data, build, log_path, log_file)

    deadline = time.monotonic() + START_TIMEOUT
    last = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            stack.cleanup()
            pytest.fail("./dev serve exited with %s during start-up; log %s:\n%s"
                        % (proc.returncode, log_path, stack.log_tail()), pytrace=False)
        try:
            r = stack.get("/healthz", timeout=2)
            if r.status_code == 200:
                return stack
            last = "HTTP %d" % r.status_code
        except requests.RequestException as e:
            last = type(e).__name__
        time.sleep(0.1)
    stack.stopped = True
    stack.cleanup()
    pytest.fail("/healthz did not answer 200 within %.0f s (last: %s); log %s:\n%s"
                % (START_TIMEOUT, last, log_path, stack.log_tail()), pytrace=False)
