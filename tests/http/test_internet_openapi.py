"""The Internet request routes (seed 002) as /openapi.json describes
them: real answers through nginx (created, listed, read, updated with the
seed's offers, refused, ordered, confirmed) match the declared schemas,
and the bodies sent match the declared request bodies."""

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import test_openapi as oa  # noqa: E402
from inet import (  # noqa: E402
    SEED_OFFERS, UNKNOWN, day, fiber_body, get, post, update)


@pytest.fixture(scope="module")
def jsonschema():
    return pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def doc(stack):
    r = stack.get("/openapi.json")
    assert r.status_code == 200
    return r.json()


def test_internet_answers_conform(stack, keys, doc, jsonschema):
    def check(r, path, method, status):
        return oa.conforms(jsonschema, doc, r, path, method, status)

    body = fiber_body(notes="conform", notify=["5eed0000000000000000d002"],
                      startDate=day(20), installTime="12_TO_16")
    oa.assert_valid(jsonschema, doc, oa.body_schema(doc, "/internet/request", "post"),
                    body, "create body")
    r = post(stack, keys["nordic_owner"], "/internet/request", body)
    rid = check(r, "/internet/request", "post", 201)["_id"]
    check(post(stack, keys["nordic_owner"], "/internet/request", fiber_body(ipAddresses=3)),
          "/internet/request", "post", 422)
    check(post(stack, keys["nordic_it"], "/internet/request", body),
          "/internet/request", "post", 403)
    oa.assert_valid(jsonschema, doc, oa.body_schema(doc, "/internet/request/{id}", "post"),
                    SEED_OFFERS, "the seed's update body")
    r = update(stack, keys["admin"], rid, SEED_OFFERS)
    offers = check(r, "/internet/request/{id}", "post", 200)["offers"]
    check(update(stack, keys["nordic_owner"], rid, SEED_OFFERS),
          "/internet/request/{id}", "post", 403)
    check(update(stack, keys["admin"], UNKNOWN, SEED_OFFERS), "/internet/request/{id}", "post", 404)
    for role in ("admin", "reseller", "nordic_owner"):
        check(get(stack, keys[role], "/internet/request/%s" % rid), "/internet/request/{id}",
              "get", 200)
    check(get(stack, keys["nordic_owner"], "/internet/request?full=true"),
          "/internet/request", "get", 200)
    check(get(stack, keys["nordic_owner"], "/internet/request"), "/internet/request", "get", 200)
    check(get(stack, keys["nordic_owner"], "/internet/request?limit=0"),
          "/internet/request", "get", 400)
    order = {"customer": "NORDIC", "request": rid, "offer": offers[0]["_id"]}
    oa.assert_valid(jsonschema, doc, oa.body_schema(doc, "/internet/account", "post"),
                    order, "order body")
    acc = check(post(stack, keys["nordic_owner"], "/internet/account", order),
                "/internet/account", "post", 201)
    check(post(stack, keys["nordic_owner"], "/internet/account", order),
          "/internet/account", "post", 409)
    check(update(stack, keys["admin"], rid, SEED_OFFERS), "/internet/request/{id}", "post", 409)
    check(get(stack, keys["nordic_owner"], "/internet/account/%s" % acc["_id"]),
          "/internet/account/{id}", "get", 200)
    confirm = {"startDate": day(12), "installTime": "7_30_TO_16", "circuit": "C"}
    path = "/internet/account/{id}/confirm"
    oa.assert_valid(jsonschema, doc, oa.body_schema(doc, path, "post"), confirm,
                    "confirm body")
    url = "/internet/account/%s/confirm" % acc["_id"]
    check(post(stack, keys["nordic_owner"], url, confirm), path, "post", 403)
    check(post(stack, keys["admin"], url, confirm), path, "post", 200)
    check(post(stack, keys["admin"], url, confirm), path, "post", 422)
    check(post(stack, keys["admin"], "/internet/account/%s/confirm" % UNKNOWN, confirm),
          path, "post", 404)
