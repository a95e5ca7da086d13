"""Idempotency-Key on the creations, through nginx (docs/API.md, "Retries:
Idempotency-Key"): a retry with the same key and body answers the first
answer (status, location header, body: the same bytes) and creates
nothing; another body with that key is refused (422, in the family's
shape); sixteen requests with one key at once create one thing, and each
gets the first answer; a refused creation keeps no key; a key is its
user's; a key is forgotten 24 hours after it was first used (the test
clock), and expired keys are purged a few at a time.

The cases of a header that is not a key are case folders
(tests/cases/*/idempotency-key-*)."""

import base64
import datetime
import json
import sqlite3
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

import bodies
import inet
import stack as stackmod
from conftest import api, make_api_key

ORDERING = "/ordering/b2b/v2/requests"
REUSED = ("This Idempotency-Key was already used for another request (another "
          "body, route or method) in the last 24 hours; use a new key for a new "
          "request.")
ORANGE_REUSED = {"code": 3630, "message": "Idempotency key already used",
                 "description": REUSED,
                 "details": [{"code": 3630, "message": "Idempotency key already used",
                              "description": REUSED}]}
TCX_REUSED = {"code": "idempotency_key", "status": 422, "message": REUSED,
              "check": "unique"}


def new_key():
    return "test-" + uuid.uuid4().hex


def ref():
    return "IDEM-" + uuid.uuid4().hex[:16]


def post(s, key, path, body, idem=None, raw=None):
    h = api(s, key)
    if idem is not None:
        h["Idempotency-Key"] = idem
    return s.post(path, headers=h, data=raw if raw is not None else json.dumps(body),
                  timeout=30)


def rows(db, sql, args=()):
    con = sqlite3.connect(db, timeout=10)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def requests_with_ref(s, custref):
    return rows(s.db, "SELECT id FROM requests WHERE customer_reference = ?", (custref,))


def mails_of(s, request_id):
    """The number of mails about a request, after checking that no
    recipient got the same event twice."""
    n, distinct = rows(s.db, "SELECT count(*), count(DISTINCT event || ' ' || recipient)"
                       " FROM outbox WHERE object_id = ?", (request_id,))[0]
    assert n == distinct
    return n


def test_retry_answers_the_first_answer_and_creates_nothing(stack, keys):
    key, body, k = keys["acme_owner"], bodies.disconnect_body(ref()), new_key()
    first = post(stack, key, ORDERING, body, k)
    assert first.status_code == 201, first.text
    assert "Idempotent-Replayed" not in first.headers
    again = post(stack, key, ORDERING, body, k)
    assert again.status_code == 201, again.text
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["Content-Location"] == first.headers["Content-Location"] == \
        ORDERING + "/" + first.json()["id"]
    assert again.content == first.content
    assert again.headers["Content-Type"] == first.headers["Content-Type"]
    assert requests_with_ref(stack, body["customerReference"]) == [(first.json()["id"],)]
    # its mails (creator, the contact it names, operator) once, not twice
    assert mails_of(stack, first.json()["id"]) == 3
    # the key was kept once, with the answer, for its user
    kept = rows(stack.db, "SELECT owner, status, header, header_value, body FROM "
                "idempotency_keys WHERE key = ?", (k,))
    assert kept == [("5eed0000000000000000ac01", 201, "Content-Location",
                     first.headers["Content-Location"], first.text)]


def test_the_same_body_written_another_way_is_the_same_request(stack, keys):
    key, body, k = keys["acme_owner"], bodies.disconnect_body(ref()), new_key()
    first = post(stack, key, ORDERING, body, k)
    assert first.status_code == 201, first.text
    # keys in another order, with spaces: the JSON the desk reads is the same
    other = json.dumps(dict(reversed(list(body.items()))), indent=2)
    again = post(stack, key, ORDERING, None, k, raw=other)
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"]
    # the quoted form of the draft (a Structured Field string) is the same key
    again = post(stack, key, ORDERING, body, '"%s"' % k)
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"]


def test_another_body_with_the_key_is_refused(stack, keys):
    key, body, k = keys["acme_owner"], bodies.disconnect_body(ref()), new_key()
    first = post(stack, key, ORDERING, body, k)
    assert first.status_code == 201, first.text
    other = dict(body, customerReference=ref())
    r = post(stack, key, ORDERING, other, k)
    assert r.status_code == 422, r.text
    assert r.json() == ORANGE_REUSED
    assert requests_with_ref(stack, other["customerReference"]) == []
    # the key still answers its own request
    assert post(stack, key, ORDERING, body, k).json()["id"] == first.json()["id"]
    # on another route it is another request too, refused in that route's shape
    r = post(stack, key, "/internet/request", inet.fiber_body(), k)
    assert r.status_code == 422, r.text
    assert r.json() == {"error": TCX_REUSED, "errors": [TCX_REUSED]}


def test_without_the_header_nothing_changes(stack, keys):
    key, body = keys["acme_owner"], bodies.disconnect_body(ref())
    a, b = post(stack, key, ORDERING, body), post(stack, key, ORDERING, body)
    assert (a.status_code, b.status_code) == (201, 201)
    assert a.json()["id"] != b.json()["id"]
    assert len(requests_with_ref(stack, body["customerReference"])) == 2
    assert "Idempotent-Replayed" not in b.headers


def test_a_key_is_its_users(stack, keys):
    """The same key from another user is another key: FDJ's owner makes its
    own request; and ACME's second API key shares the first one's keys."""
    k = new_key()
    acme = post(stack, keys["acme_owner"], ORDERING, bodies.disconnect_body(ref()), k)
    fdj_body = bodies.disconnect_body(ref(), {"id": "SP-FDJ-0001"})
    fdj = post(stack, keys["fdj_owner"], ORDERING, fdj_body, k)
    assert (acme.status_code, fdj.status_code) == (201, 201), fdj.text
    assert acme.json()["id"] != fdj.json()["id"]
    assert fdj.json()["customer"]["id"] == "FDJ"
    second_key = make_api_key(stack, "owner@acme.test")
    body = bodies.disconnect_body(ref())
    one = post(stack, keys["acme_owner"], ORDERING, body, k + "-2")
    two = post(stack, second_key, ORDERING, body, k + "-2")
    assert two.headers.get("Idempotent-Replayed") == "true"
    assert two.json()["id"] == one.json()["id"]


def test_a_refused_creation_keeps_no_key(stack, keys):
    key, k = keys["acme_owner"], new_key()
    bad = bodies.disconnect_body(ref())
    bad["properties"]["contacts"]["primary"]["email"] = "not an address"
    r = post(stack, key, ORDERING, bad, k)
    assert r.status_code == 422 and r.json()["code"] == 3620, r.text
    assert rows(stack.db, "SELECT count(*) FROM idempotency_keys WHERE key = ?",
                (k,))[0][0] == 0
    # the corrected request may use the key
    good = bodies.disconnect_body(ref())
    r = post(stack, key, ORDERING, good, k)
    assert r.status_code == 201 and "Idempotent-Replayed" not in r.headers, r.text
    # a 403 (a VIEWER) keeps none either
    k2 = new_key()
    r = post(stack, keys["fdj_viewer"], ORDERING, bodies.disconnect_body(ref()), k2)
    assert r.status_code == 403
    assert rows(stack.db, "SELECT count(*) FROM idempotency_keys WHERE key = ?",
                (k2,))[0][0] == 0


def parallel(n, fn):
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(lambda i: fn(), range(n)))


def test_sixteen_at_once_with_one_key_create_one_request(stack, keys):
    key, body, k = keys["acme_owner"], bodies.disconnect_body(ref()), new_key()
    answers = parallel(16, lambda: post(stack, key, ORDERING, body, k))
    assert [r.status_code for r in answers] == [201] * 16, [r.text for r in answers]
    assert len({r.content for r in answers}) == 1
    stored = requests_with_ref(stack, body["customerReference"])
    assert stored == [(answers[0].json()["id"],)]
    assert sum(r.headers.get("Idempotent-Replayed") == "true" for r in answers) == 15
    assert mails_of(stack, stored[0][0]) == 3


def test_sixteen_internet_requests_at_once_create_one(stack, keys):
    key, k = keys["nordic_owner"], new_key()
    body = inet.fiber_body(reference=ref())
    answers = parallel(16, lambda: post(stack, key, "/internet/request", body, k))
    assert [r.status_code for r in answers] == [201] * 16, [r.text for r in answers]
    assert len({r.content for r in answers}) == 1
    assert len({r.headers["Location"] for r in answers}) == 1
    assert rows(stack.db, "SELECT count(*) FROM internet_requests WHERE reference = ?",
                (body["reference"],))[0][0] == 1


def test_internet_request_and_order_retried(stack, keys):
    owner, k = keys["nordic_owner"], new_key()
    body = inet.fiber_body(reference=ref())
    first = post(stack, owner, "/internet/request", body, k)
    assert first.status_code == 201, first.text
    again = post(stack, owner, "/internet/request", body, k)
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["Location"] == first.headers["Location"] == \
        "/internet/request/" + first.json()["_id"]
    assert again.content == first.content
    # the answer is the plain answer's: as GET shows it to its creator
    assert first.json() == inet.get(stack, owner, first.headers["Location"]).json()
    rid = first.json()["_id"]
    offers = inet.answered(stack, keys["admin"], rid)["offers"]
    order = {"customer": "NORDIC", "request": rid, "offer": offers[0]["_id"]}
    k2 = new_key()
    one = post(stack, owner, "/internet/account", order, k2)
    assert one.status_code == 201, one.text
    # a retry is the first answer, not the 409 of a second order
    two = post(stack, owner, "/internet/account", order, k2)
    assert two.status_code == 201 and two.headers["Idempotent-Replayed"] == "true", two.text
    assert two.content == one.content and two.headers["Location"] == one.headers["Location"]
    # without the key, a second order is the 409 it always was
    inet.error_of(post(stack, owner, "/internet/account", order), 409, "conflict",
                  "An offer of this Internet request has already been ordered")
    assert rows(stack.db, "SELECT count(*) FROM internet_accounts WHERE request_id = ?",
                (rid,))[0][0] == 1


# ---- notes and attachments --------------------------------------------------

TEXT = base64.b64encode(b"line one\nline two\n").decode()


def notes_of(s, request_id):
    return rows(s.db, "SELECT count(*) FROM notes WHERE request_id = ?", (request_id,))[0][0]


def files_of(s, request_id):
    return rows(s.db, "SELECT count(*) FROM attachments WHERE request_id = ?", (request_id,))[0][0]


@pytest.fixture(scope="module")
def acme_request(stack, keys):
    r = post(stack, keys["acme_owner"], ORDERING, bodies.disconnect_body(ref()))
    assert r.status_code == 201, r.text
    return r.json()["id"]


@pytest.fixture(scope="module")
def nordic_request(stack, keys):
    return inet.create(stack, keys["nordic_owner"], inet.fiber_body(reference=ref()))["_id"]


def test_a_note_retried_with_its_key_is_stored_once(stack, keys, acme_request, nordic_request):
    for key, path, body in (
            (keys["acme_owner"], "%s/%s/notes" % (ORDERING, acme_request),
             {"title": "Access", "body": "The gate code is 1234."}),
            (keys["nordic_owner"], "/internet/request/%s/notes" % nordic_request,
             {"text": "Call before coming."})):
        rid = path.split("/")[-2]
        before, k = notes_of(stack, rid), new_key()
        first = post(stack, key, path, body, k)
        assert first.status_code == 201, first.text
        again = post(stack, key, path, body, k)
        assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
        assert again.content == first.content
        assert again.headers["Content-Location"] == first.headers["Content-Location"] == path
        assert notes_of(stack, rid) == before + 1
        # another text under the key is refused in the family's shape
        other = dict(body, **({"body": "Another."} if "body" in body else {"text": "Another."}))
        r = post(stack, key, path, other, k)
        assert r.status_code == 422, r.text
        assert r.json() == (ORANGE_REUSED if path.startswith(ORDERING) else
                            {"error": TCX_REUSED, "errors": [TCX_REUSED]})
        assert notes_of(stack, rid) == before + 1
        # without the header, a second note is a second note
        assert post(stack, key, path, body).status_code == 201
        assert notes_of(stack, rid) == before + 2


def test_sixteen_notes_at_once_with_one_key_make_one(stack, keys, acme_request):
    path, k = "%s/%s/notes" % (ORDERING, acme_request), new_key()
    before = notes_of(stack, acme_request)
    answers = parallel(16, lambda: post(stack, keys["acme_owner"], path,
                                        {"title": "Once", "body": "Only once."}, k))
    assert [r.status_code for r in answers] == [201] * 16, [r.text for r in answers]
    assert len({r.content for r in answers}) == 1
    assert notes_of(stack, acme_request) == before + 1


def test_an_attachment_retried_with_its_key_is_stored_once(stack, keys, acme_request,
                                                           nordic_request):
    for key, path, body in (
            (keys["acme_owner"], "%s/%s/attachments" % (ORDERING, acme_request),
             {"name": "plan.txt", "format": "text/plain", "body": TEXT}),
            (keys["nordic_owner"], "/internet/request/%s/attachments" % nordic_request,
             {"name": "plan.txt", "body": TEXT})):
        rid = path.split("/")[-2]
        before, k = files_of(stack, rid), new_key()
        first = post(stack, key, path, body, k)
        assert first.status_code == 201, first.text
        again = post(stack, key, path, body, k)
        assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
        assert again.content == first.content
        assert again.headers["Content-Location"] == first.headers["Content-Location"]
        assert files_of(stack, rid) == before + 1
        # the answer's address serves the file
        got = stack.get(first.headers["Content-Location"],
                        headers={"X-API-Key": key}, timeout=30)
        assert got.status_code == 200 and got.content == b"line one\nline two\n"


# ---- the window, on a controlled clock --------------------------------------

UTC = datetime.timezone.utc
T0 = datetime.datetime(2031, 3, 3, 9, 0, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def clocked(tmp_path_factory):
    clock = tmp_path_factory.mktemp("idem-clock") / "now"
    clock.write_text("")
    s = stackmod.start_stack(log_name="idempotency-clock", REQDESK_TEST_CLOCK=str(clock))
    try:
        s.clock = clock
        s.key = make_api_key(s, "owner@nordic.test")
        yield s
    finally:
        s.close()


def set_clock(s, instant):
    s.clock.write_text(instant.strftime("%Y-%m-%dT%H:%M:%SZ") + "\n")


def inet_body():
    # no startDate: the Internet request does not read the calendar
    return inet.fiber_body(reference=ref())


def test_a_key_is_forgotten_after_24_hours(clocked):
    s, k, body = clocked, new_key(), inet_body()
    set_clock(s, T0)
    first = post(s, s.key, "/internet/request", body, k)
    assert first.status_code == 201, first.text
    assert rows(s.db, "SELECT created, expires FROM idempotency_keys WHERE key = ?",
                (k,)) == [(int(T0.timestamp()), int(T0.timestamp()) + 86400)]
    # 23:59:59 later: the first answer
    set_clock(s, T0 + datetime.timedelta(hours=24, seconds=-1))
    r = post(s, s.key, "/internet/request", body, k)
    assert r.headers.get("Idempotent-Replayed") == "true" and r.content == first.content
    # another body is still refused
    r = post(s, s.key, "/internet/request", inet_body(), k)
    assert r.status_code == 422 and r.json()["error"] == TCX_REUSED
    # 24 hours later the key is forgotten: the same request is a new one
    set_clock(s, T0 + datetime.timedelta(hours=24))
    second = post(s, s.key, "/internet/request", body, k)
    assert second.status_code == 201 and "Idempotent-Replayed" not in second.headers
    assert second.json()["_id"] != first.json()["_id"]
    assert rows(s.db, "SELECT count(*) FROM internet_requests WHERE reference = ?",
                (body["reference"],))[0][0] == 2
    # ... and the key now answers the second one
    r = post(s, s.key, "/internet/request", body, k)
    assert r.json()["_id"] == second.json()["_id"]


def test_expired_keys_are_purged_a_few_at_a_time(clocked):
    s = clocked
    start = T0 + datetime.timedelta(days=10)
    set_clock(s, start)
    made = [new_key() for _ in range(40)]
    for k in made:
        assert post(s, s.key, "/internet/request", inet_body(), k).status_code == 201
    left = "SELECT count(*) FROM idempotency_keys WHERE key IN (%s)" % ",".join(
        "?" * len(made))
    assert rows(s.db, left, made)[0][0] == 40
    set_clock(s, start + datetime.timedelta(days=2))
    # each key written deletes at most 32 expired ones (oldest first)
    assert post(s, s.key, "/internet/request", inet_body(), new_key()).status_code == 201
    assert rows(s.db, left, made)[0][0] == 40 - 32
    assert post(s, s.key, "/internet/request", inet_body(), new_key()).status_code == 201
    assert rows(s.db, left, made)[0][0] == 0
    # a creation without a key purges nothing and keeps nothing
    n = rows(s.db, "SELECT count(*) FROM idempotency_keys")[0][0]
    assert post(s, s.key, "/internet/request", inet_body()).status_code == 201
    assert rows(s.db, "SELECT count(*) FROM idempotency_keys")[0][0] == n
