"""The rate limit per credential ([limits] in conf/reqdesk.conf,
docs/RELIABILITY.md): creations and expensive reads past the limit of one
credential in a minute answer 429 with Retry-After, in the route family's
shape; another credential is not held back; ADMINs are not limited unless
limit_admin = 1; a single read is never limited."""

import json

import bodies
import inet
from conftest import api, browser_login, make_api_key

ORANGE = "/ordering/b2b/v2/requests"


def create(s, key, i):
    return s.post(ORANGE, headers=api(s, key),
                  data=json.dumps(bodies.disconnect_body(ref="LIMIT-%d" % i)))


def test_rate_limits(fresh_stack):
    s = fresh_stack(REQDESK_RATE_CREATE="3", REQDESK_RATE_READ="5", REQDESK_MAILER="0")
    owner = make_api_key(s, "owner@acme.test")
    other = make_api_key(s, "manager@acme.test")
    admin = make_api_key(s, "admin@reqdesk.test")
    nordic = make_api_key(s, "owner@nordic.test")

    ids = [create(s, owner, i) for i in range(3)]
    assert [r.status_code for r in ids] == [201] * 3
    r = create(s, owner, 9)
    assert r.status_code == 429, r.text
    assert 1 <= int(r.headers["Retry-After"]) <= 60
    assert r.json()["code"] == 53 and "retry after" in r.json()["description"]
    # nothing of the refused one was stored
    lst = s.get(ORANGE + "?customerReference=LIMIT-9", headers={"X-API-Key": admin})
    assert lst.status_code == 200 and lst.headers["X-Total-Count"] == "0"
    # another credential of the same customer goes on
    assert create(s, other, 10).status_code == 201

    # expensive reads: lists; a single read is not limited
    got = [s.get(ORANGE, headers={"X-API-Key": owner}).status_code for _ in range(6)]
    assert got == [200] * 5 + [429], got
    rid = ids[0].json()["id"]
    assert all(s.get(ORANGE + "/" + rid, headers={"X-API-Key": owner}).status_code == 200
               for _ in range(10))
    # ADMINs are not limited
    assert all(s.get(ORANGE, headers={"X-API-Key": admin}).status_code == 200
               for _ in range(10))

    # the TelecomX shape, and orders counted as creations
    for _ in range(3):
        assert s.post("/internet/request", headers=api(s, nordic),
                      data=json.dumps(inet.fiber_body())).status_code == 201
    r = s.post("/internet/request", headers=api(s, nordic), data=json.dumps(inet.fiber_body()))
    assert r.status_code == 429 and r.json()["error"]["code"] == "too_many_requests", r.text
    assert "Retry-After" in r.headers

    # a page: the list of requests, by a browser session
    sess, _ = browser_login(s, "viewer@fdj.test")
    got = [sess.get(s.url("/requests"), timeout=10).status_code for _ in range(6)]
    assert got == [200] * 5 + [429], got


def test_rate_limit_admin_when_asked(fresh_stack):
    s = fresh_stack(REQDESK_RATE_READ="2", REQDESK_RATE_ADMIN="1", REQDESK_MAILER="0")
    admin = make_api_key(s, "admin@reqdesk.test")
    got = [s.get(ORANGE, headers={"X-API-Key": admin}).status_code for _ in range(3)]
    assert got == [200, 200, 429], got
