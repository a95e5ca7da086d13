"""The case folders of tests/cases/ through nginx (the format is
tests/cases/README.md's): each folder's body sent with its user's API key,
its answer compared with expected.json.  tests/unit/check_cases.c gives
the same folders to the domain functions."""

import datetime
import json
import re
from pathlib import Path

import pytest

import workdays

CASES = Path(__file__).resolve().parents[1] / "cases"
CATALOG = CASES.parents[1] / "conf" / "catalog"
FAMILIES = {"orange": "/ordering/b2b/v2/requests", "internet": "/internet/request"}
CASE_KEYS = {"about", "as", "method", "path", "headers", "given", "http_only"}
STEP_KEYS = {"name", "as", "method", "path", "body"}
EXPECTED_KEYS = {"status", "body", "includes", "lacks"}
ONE_DAY = datetime.timedelta(days=1)


def folders():
    return sorted(p for family in FAMILIES for p in (CASES / family).iterdir()
                  if p.is_dir() and not p.name.startswith("."))


# ---- placeholders ----------------------------------------------------------

PLACEHOLDER = re.compile(r"@([A-Z][A-Z_]*)([+-][0-9]+)?")


def after_easter(n):
    return lambda d: d == workdays.easter(d.year) + n * ONE_DAY


# @KIND+N: the first day of the kind on or after today + N days.
DAY_KINDS = {
    "TODAY": lambda d: True,
    "UTC_TODAY": lambda d: True,
    "WORKDAY": workdays.is_working_day,
    "SATURDAY": lambda d: d.weekday() == 5,
    "SUNDAY": lambda d: d.weekday() == 6,
    "MAY_DAY": lambda d: (d.month, d.day) == (5, 1) and d.weekday() < 5,
    "EASTER_MONDAY": after_easter(1),
    "ASCENSION": after_easter(39),
    "WHIT_MONDAY": after_easter(50),
}


def day_of_kind(kind, offset):
    if kind == "UTC_TODAY":
        today = datetime.datetime.now(datetime.timezone.utc).date()
    else:
        today = workdays.paris_today()
    d = today + offset * ONE_DAY
    for _ in range(3660):
        if DAY_KINDS[kind](d):
            break
        d += ONE_DAY
    return d.isoformat()


def subst(text, names):
    """`text` with its placeholders replaced; unknown ones are left."""
    def one(m):
        name, offset = m.group(1), m.group(2)
        if name in DAY_KINDS:
            return day_of_kind(name, int(offset or 0))
        if offset is None and name in names:
            return names[name]
        return m.group(0)
    return PLACEHOLDER.sub(one, text)


def earliest(body):
    """{"EARLIEST": date} for a body whose type is in the catalog."""
    try:
        decl = json.loads((CATALOG / ("%s.json" % json.loads(body)["type"])).read_text())
    except (ValueError, TypeError, KeyError, OSError):
        return {}
    return {"EARLIEST": workdays.earliest(decl["leadDays"]).isoformat()}


# ---- one case ----------------------------------------------------------------

def read(folder, name):
    path = folder / name
    return path.read_text(encoding="utf-8") if path.exists() else None


def send(stack, keys, role, method, path, body, headers=None):
    h = {"X-API-Key": keys[role]} if role else {}
    if body is not None:
        h["Content-Type"] = "application/json"
    h.update(headers or {})
    return stack.request(method, path, headers=h,
                         data=body.encode() if body is not None else None, timeout=30)


def run_given(stack, keys, steps, names):
    for n, step in enumerate(steps, 1):
        assert set(step) <= STEP_KEYS, ("case.json: given", set(step) - STEP_KEYS)
        body = json.dumps(step["body"]) if "body" in step else None
        r = send(stack, keys, step["as"], step.get("method", "POST"),
                 subst(step["path"], names), subst(body, names) if body else None)
        assert 200 <= r.status_code < 300, ("given step %d" % n, r.status_code, r.text)
        if "name" in step:
            answer = r.json()
            names[step["name"]] = answer.get("_id", answer.get("id"))


def mismatch(r, want):
    """Why the answer `r` is not `want` (expected.json), or None."""
    if r.status_code != want["status"]:
        return "status %d, not %d: %s" % (r.status_code, want["status"], r.text[:2000])
    if not r.headers.get("Content-Type", "").startswith("application/json"):
        return "Content-Type %r" % r.headers.get("Content-Type")
    got = r.json()
    if "body" in want and got != want["body"]:
        return "body:\n%s\nexpected:\n%s" % (json.dumps(got, indent=1, ensure_ascii=False),
                                             json.dumps(want["body"], indent=1,
                                                        ensure_ascii=False))
    for key, value in want.get("includes", {}).items():
        if key not in got or got[key] != value:
            return "%s: %r, expected %r" % (key, got.get(key, "(absent)"), value)
    for key in want.get("lacks", []):
        if key in got:
            return "%s: %r, expected none" % (key, got[key])
    return None


@pytest.mark.parametrize("folder", folders(), ids=lambda p: "%s/%s" % (p.parent.name, p.name))
def test_case(stack, keys, folder):
    conf = json.loads(read(folder, "case.json"))
    assert set(conf) <= CASE_KEYS, ("case.json", set(conf) - CASE_KEYS)
    names = {}
    run_given(stack, keys, conf.get("given", []), names)
    raw = read(folder, "request.json")
    if raw is None:
        raw = read(folder, "request.txt")
    body = subst(raw, names) if raw is not None else None
    expected = read(folder, "expected.json")
    assert expected is not None, "expected.json is missing"
    want = json.loads(subst(expected, dict(names, **earliest(body))))
    assert set(want) <= EXPECTED_KEYS, ("expected.json", set(want) - EXPECTED_KEYS)
    path = subst(conf.get("path", FAMILIES[folder.parent.name]), names)
    r = send(stack, keys, conf.get("as"), conf.get("method", "POST"), path, body,
             conf.get("headers"))
    # expected.json as at the start, or as just now (a run across midnight)
    why = mismatch(r, want)
    if why is not None:
        now = json.loads(subst(expected, dict(names, **earliest(body))))
        assert mismatch(r, now) is None, why
