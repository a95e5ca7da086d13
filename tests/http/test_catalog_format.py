"""The catalog file format is checked, and checked the same way twice:
every catalog file shipped (conf/catalog/) and every good test file
(tests/catalog/good/) passes the JSON Schema of catalog files
(conf/catalog.schema.json, with python3-jsonschema) and the desk's loader
(`reqdesk check`); every bad test file (tests/catalog/bad/NAME.json, its
NAME.expect saying whether the schema refuses it or only the loader's
consistency checks, and the key and reason the loader names) is refused
by the loader with that key and reason, and by the schema when it is a
schema case.  A bad file stops reqdesk-fcgi from starting, naming the
file and the key; nothing of the catalog is loaded."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import stack as stackmod

REPO = stackmod.REPO
SCHEMA = REPO / "conf" / "catalog.schema.json"
SHIPPED = sorted((REPO / "conf" / "catalog").glob("*.json"))
GOOD = sorted((REPO / "tests" / "catalog" / "good").glob("*.json"))
BAD = sorted((REPO / "tests" / "catalog" / "bad").glob("*.json"))


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "reqdesk.db"
    subprocess.run([str(stackmod.require_build() / "reqdesk"), "--db", str(path), "init"], check=True,
                   capture_output=True, timeout=60)
    return path


def check_one(build_dir, db, tmp_path, src):
    """`reqdesk check` on a catalog directory holding `src` alone."""
    cat = tmp_path / ("cat-" + src.stem)
    cat.mkdir()
    shutil.copy(src, cat / src.name)
    env = dict(os.environ, REQDESK_CONFIG=str(REPO / "conf" / "reqdesk.conf"),
               REQDESK_CATALOG=str(cat), REQDESK_TEMPLATES=str(REPO / "templates"))
    r = subprocess.run([str(build_dir / "reqdesk"), "--db", str(db), "check"],
                       capture_output=True, text=True, timeout=60, env=env)
    return r, str(cat / src.name)


def test_there_are_files_of_each_kind():
    assert len(SHIPPED) >= 2 and GOOD and len(BAD) >= 20


@pytest.mark.parametrize("path", SHIPPED + GOOD, ids=lambda p: p.name)
def test_good_files_pass_both(validator, build_dir, db, tmp_path, path):
    doc = json.loads(path.read_text())
    errors = [e.message for e in validator.iter_errors(doc)]
    assert errors == [], errors
    r, _ = check_one(build_dir, db, tmp_path, path)
    assert r.returncode == 0, r.stderr
    assert "catalog: 1 request type(s)" in r.stdout


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_files_are_refused(validator, build_dir, db, tmp_path, path):
    kind, expected = path.with_suffix(".expect").read_text().splitlines()[:2]
    assert kind in ("schema", "consistency"), kind
    errors = [e.message for e in validator.iter_errors(json.loads(path.read_text()))]
    if kind == "schema":
        assert errors, "the schema accepts %s" % path.name
    else:
        assert errors == [], "a consistency case the schema refuses: %s" % errors
    r, file = check_one(build_dir, db, tmp_path, path)
    assert r.returncode == 1, (r.stdout, r.stderr)
    lines = [l for l in r.stderr.splitlines() if l.startswith("reqdesk: ")]
    assert any(l.startswith("reqdesk: %s: %s" % (file, expected)) for l in lines), \
        "expected 'reqdesk: %s: %s' in:\n%s" % (file, expected, r.stderr)
    assert "problems found" in r.stdout


def test_a_bad_file_stops_the_desk_from_starting(build_dir, tmp_path):
    cat = tmp_path / "catalog"
    cat.mkdir()
    for p in SHIPPED:
        shutil.copy(p, cat / p.name)
    bad = json.loads(SHIPPED[0].read_text())
    bad["type"] = "X_BAD_1"
    bad["leadTime"] = 20
    (cat / "X_BAD_1.json").write_text(json.dumps(bad))
    env = dict(os.environ, REQDESK_CONFIG=str(REPO / "conf" / "reqdesk.conf"),
               REQDESK_CATALOG=str(cat), REQDESK_TEMPLATES=str(REPO / "templates"),
               REQDESK_DB=str(tmp_path / "reqdesk.db"))
    env.pop("GATEWAY_INTERFACE", None)
    sock = str(tmp_path / "s.sock")
    r = subprocess.run([str(build_dir / "reqdesk-fcgi"), "-s", sock], capture_output=True,
                       text=True, timeout=30, env=env, stdin=subprocess.DEVNULL)
    assert r.returncode == 1, r
    assert "reqdesk: %s/X_BAD_1.json: leadTime: unknown key" % cat in r.stderr, r.stderr
    assert "the request catalog %s is not usable" % cat in r.stderr
    assert not os.path.exists(sock)
