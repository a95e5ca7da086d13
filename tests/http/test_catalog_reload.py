"""SIGHUP to the reqdesk-fcgi supervisor reloads the request catalog
without a restart: with a broken file the reload is refused, logged with
the file and the key, and the old catalog still serves (the same
workers); with a good one the workers are replaced one by one, the new
type appears, and requests made all along are answered."""

import json
import os
import shutil
import signal
import threading
import time

import pytest

import stack as stackmod
from conftest import make_api_key

BASE = "/ordering/b2b/v2"
CATALOG = stackmod.REPO / "conf" / "catalog"
GOOD = stackmod.REPO / "tests" / "catalog" / "good" / "N_SITE_FR_1.json"


def wait_for(what, check, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = check()
        if got:
            return got
        time.sleep(0.1)
    pytest.fail("timed out waiting for %s" % what, pytrace=False)


def log_count(s, text):
    s._log_file.flush()
    with open(s.log_path, errors="replace") as f:
        return f.read().count(text)


def type_ids(s, key):
    r = s.get(BASE + "/catalogItems", headers={"X-API-Key": key})
    assert r.status_code == 200, r.text[:300]
    return sorted(i["id"] for i in r.json())


class Load(threading.Thread):
    """Requests one after the other until stopped; every status kept."""

    def __init__(self, s, key):
        super().__init__(daemon=True)
        self.s, self.key = s, key
        self.statuses, self.errors = [], []
        self.stop = threading.Event()

    def run(self):
        http = stackmod.http_session()
        while not self.stop.is_set():
            try:
                r = http.get(self.s.url(BASE + "/catalogItems"),
                             headers={"X-API-Key": self.key}, timeout=10)
                self.statuses.append(r.status_code)
            except Exception as e:   # a connection refused or reset
                self.errors.append(repr(e))


def test_sighup_reloads_the_catalog(fresh_stack, tmp_path):
    cat = tmp_path / "catalog"
    cat.mkdir()
    for p in CATALOG.glob("*.json"):
        shutil.copy(p, cat / p.name)
    s = fresh_stack(REQDESK_CATALOG=str(cat), REQDESK_WORKERS="2", REQDESK_THREADS="2")
    key = make_api_key(s, "owner@acme.test")
    sup = s.fcgi_supervisor()
    assert sup is not None
    workers = stackmod.children(sup)
    assert len(workers) == 2, workers
    before = type_ids(s, key)
    assert before == ["R_BVPN_FR_1"]

    # 1. a broken file: refused, logged with file and key, old catalog kept
    broken = json.loads(GOOD.read_text())
    broken["catalog"] = "standard"
    broken["leadTime"] = 20
    (cat / "N_SITE_FR_1.json").write_text(json.dumps(broken))
    refused = log_count(s, "was not reloaded")
    load = Load(s, key)
    load.start()
    try:
        os.kill(sup, signal.SIGHUP)
        wait_for("the refused reload in the log", lambda: log_count(s, "was not reloaded") > refused)
        assert log_count(s, "reqdesk: %s/N_SITE_FR_1.json: leadTime: unknown key" % cat) == 1
        assert type_ids(s, key) == before
        assert stackmod.children(sup) == workers      # nothing restarted

        # 2. a good file: the new type appears, without a restart
        good = json.loads(GOOD.read_text())
        good["catalog"] = "standard"                  # for every FR customer
        (cat / "N_SITE_FR_1.json").write_text(json.dumps(good))
        os.kill(sup, signal.SIGHUP)
        wait_for("the new type", lambda: type_ids(s, key) == ["N_SITE_FR_1", "R_BVPN_FR_1"])
        wait_for("every worker replaced",
                 lambda: log_count(s, "every worker serves the new catalog") == 1)
        time.sleep(0.5)
    finally:
        load.stop.set()
        load.join(15)
    assert s.fcgi_supervisor() == sup                 # the same supervisor
    now = stackmod.children(sup)
    assert len(now) == 2 and not set(now) & set(workers), (workers, now)
    for _ in range(6):                                # every new worker has it
        assert type_ids(s, key) == ["N_SITE_FR_1", "R_BVPN_FR_1"]
    # requests made during both reloads were all answered
    assert load.errors == [] and load.statuses, load.errors[:3]
    assert set(load.statuses) == {200}, sorted(set(load.statuses))
    r = s.get("/openapi.json").json()
    assert "RequestCreate_N_SITE_FR_1" in r["components"]["schemas"]
