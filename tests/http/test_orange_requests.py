"""The Orange-compatible ordering API (seeds 000 and 001) through nginx,
beyond what one body and its answer say (those are the case folders of
tests/cases/orange/, run by test_cases.py): the seed's full example,
what is stored, service points added to the database, a storage that
fails (3623), holidays and the lead time's edge, catalog access, JSON
Schema agreement, lists, isolation between customers, and the status
life of a request.

Every test creates the requests it needs (with unique customer references
when it lists them), so the tests can run in any order and next to other
suites sharing the session stack.  Dates are computed at run time with
workdays.py, never hard-coded (except the seed's own 2022-06-01)."""

import copy
import sqlite3
import subprocess
import uuid

import pytest

import workdays
from conftest import api, make_api_key

BASE = "/ordering/b2b/v2"

M65 = "Precondition failed"
M3611 = "RequestedAt not Valid"
M3621 = "Several Products match criterias"
M3622 = "No Service Point match criteria"
M3623 = "Internal Ordering System not available"

D3611_START = ("The requestedAt date must be 20 days minimum and must be a "
               "working day in France.")
D3621 = ("Several Service Points mach the criteria. Disconnection can be "
         "requested on only one Service Point.")
D3622 = "No Service Point was found with the current criteria."
D3623 = ("The ordering system is not available at the moment. The request "
         "was not accepted.")

ADMIN_ID = "5eed0000000000000000a001"
UNKNOWN_ID = "ffffffffffffffffffffffff"

SEED_001_EXAMPLE = {
    "requestedAt": "2022-06-01",
    "type": "R_BVPN_FR_1",
    "customerReference": "WAN-AAT-AA001-001",
    "contract": "256060",
    "properties": {
        "servicePoint": {
            "customerReference": "AAT-AA001-001"
        },
        "contracts": {
            "primary": {
                "title": "M",
                "firstName": "Paul",
                "lastName": "LANGEL",
                "phone": "+33401010101",
                "mobile": "+33600200200",
                "email": "paul.langel@mycompany.com"
            }
        }
    }
}


# ------------------------------------------------------------------ helpers

def earliest():
    return workdays.iso(workdays.earliest(20))


def unique_ref(prefix="T"):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:16])


def primary_contact(**over):
    c = {"title": "M", "firstName": "Paul", "lastName": "LANGEL",
         "phone": "+33401010101", "mobile": "+33600200200",
         "email": "paul.langel@mycompany.com"}
    c.update(over)
    return c


def r_body(service_point, requested=None, ref=None, **contact_over):
    """An R_BVPN_FR_1 (disconnection) body."""
    body = {"requestedAt": requested or earliest(), "type": "R_BVPN_FR_1",
            "contract": "256060",
            "properties": {"servicePoint": dict(service_point),
                           "contacts": {"primary": primary_contact(**contact_over)}}}
    body["customerReference"] = ref or unique_ref("WAN")
    return body


def u_body(service_point, profile="FDJ CONNECT OPTIMA 8M", options=None,
           requested=None, ref=None):
    """A U_BVPN_CUSTOM003_1 (update, template 0003) body."""
    props = {"servicePoint": dict(service_point), "profile": profile}
    if options is not None:
        props["options"] = options
    return {"requestedAt": requested or earliest(), "type": "U_BVPN_CUSTOM003_1",
            "customerReference": ref or unique_ref("UPD"), "properties": props}


def post(stack, key, body, path=BASE + "/requests"):
    return stack.post(path, headers=api(stack, key), json=body)


def get(stack, key, path, **params):
    return stack.get(path, headers={"X-API-Key": key}, params=params)


def jbody(resp):
    ctype = resp.headers.get("Content-Type", "").split(";")[0].strip()
    assert ctype == "application/json", (resp.status_code, ctype, resp.text[:500])
    return resp.json()


def assert_error(resp, status, code, message, description=None, details=None):
    """An Orange error object with exactly this status, code, message and
    (when given) description; `details`, when given, is the exact list of
    (code, description) pairs expected in the body's details."""
    assert resp.status_code == status, (resp.status_code, resp.text[:2000])
    b = jbody(resp)
    assert b.get("code") == code, b
    assert b.get("message") == message, b
    if description is not None:
        assert b.get("description") == description, b
    if details is not None:
        got = [(d.get("code"), d.get("description")) for d in b.get("details", [])]
        assert got == details, b
        for d in b["details"]:
            assert set(d) == {"code", "message", "description"}, d
    if b.get("details"):
        first = b["details"][0]
        assert (first["code"], first["message"], first["description"]) == \
            (b["code"], b["message"], b["description"]), b
    return b


def assert_3611(resp, lead=20, earliest_before=None):
    """422/3611 naming the earliest valid date (computed before and after
    the call, so that a run across midnight in Paris still passes)."""
    b = assert_error(resp, 422, 3611, M3611)
    dates = {workdays.iso(workdays.earliest(lead))}
    if earliest_before:
        dates.add(earliest_before)
    start = D3611_START.replace("20 days", "%d days" % lead)
    assert b["description"].startswith(start), b
    assert any(b["description"].endswith("The earliest valid date is %s." % d)
               for d in dates), (b, dates)
    return b


def created(resp):
    assert resp.status_code == 201, (resp.status_code, resp.text[:2000])
    b = jbody(resp)
    assert resp.headers.get("Content-Location") == "%s/requests/%s" % (BASE, b["id"])
    return b


def create(stack, key, body):
    return created(post(stack, key, body))


def set_status(stack, key, rid, status, comment=None):
    body = {"status": status}
    if comment is not None:
        body["comment"] = comment
    return post(stack, key, body, path="%s/requests/%s/status" % (BASE, rid))


def list_ids(resp):
    assert resp.status_code == 200, resp.text[:1000]
    return [it["id"] for it in jbody(resp)]


def catalog_schema(stack, key, type_id):
    r = get(stack, key, BASE + "/catalogItems/" + type_id)
    assert r.status_code == 200, r.text[:500]
    return jbody(r)["schema"]


FDJ_SP1 = {"id": "SP-FDJ-0001"}
ACME_SP = {"customerReference": "AAT-AA001-001"}


# ------------------------------------------------------- seed 001 example

def test_seed_001_example_as_is_stores_nothing(stack, keys):
    """Its answer, every problem listed, is tests/cases/orange/seed-001-example."""
    r = get(stack, keys["acme_owner"], BASE + "/requests",
            customerReference="WAN-AAT-AA001-001", status="NEW,IN_PROGRESS,"
            "COMPLETED,REJECTED,CANCELED")
    assert r.status_code == 200
    before = int(r.headers["X-Total-Count"])
    assert post(stack, keys["acme_owner"], SEED_001_EXAMPLE).status_code == 412
    r = get(stack, keys["acme_owner"], BASE + "/requests",
            customerReference="WAN-AAT-AA001-001")
    assert int(r.headers["X-Total-Count"]) == before


def test_seed_001_example_corrected_is_201(stack, keys):
    body = copy.deepcopy(SEED_001_EXAMPLE)
    body["properties"]["contacts"] = body["properties"].pop("contracts")
    body["requestedAt"] = earliest()
    r = post(stack, keys["acme_owner"], body)
    b = created(r)
    assert b["status"] == "NEW"
    assert b["type"] == "R_BVPN_FR_1"
    assert b["category"] == "DISCONNECT"
    assert b["customer"] == {"id": "ACME", "name": "ACME France"}
    assert b["customerReference"] == "WAN-AAT-AA001-001"
    assert b["contract"] == "256060"
    assert b["keyDates"]["requestedAt"] == body["requestedAt"]
    assert b["keyDates"]["issuedAt"]
    assert "completedAt" not in b["keyDates"]
    assert b["properties"] == body["properties"]
    assert len(b["history"]) == 1, b["history"]
    h = b["history"][0]
    assert h["to"] == "NEW" and h.get("from") is None
    assert h["by"]["id"] == "5eed0000000000000000ac01"
    assert h["at"]
    # the Content-Location answers the same resource
    again = get(stack, keys["acme_owner"], r.headers["Content-Location"])
    assert again.status_code == 200
    assert jbody(again) == b


# ---------------------------------------------------------- 3621 / 3622


def add_service_points(s, rows):
    """Add live service points (id, customer, customer reference) straight
    to the database of stack `s`, as an import would."""
    con = sqlite3.connect(s.db, timeout=30)
    with con:
        con.executemany(
            "INSERT INTO service_points (id, customer_id, name, reference,"
            " customer_reference, state, street, postcode, city, country)"
            " VALUES (?, ?, ?, ?, ?, 'OPERATIONAL', '1 rue X', '75001', 'Paris', 'FR')",
            [(i, c, "Site " + i, "REF-" + i, cr) for i, c, cr in rows])
    con.close()


def test_service_point_ids_of_64_characters_are_kept_whole(fresh_stack):
    """Ids may have 64 characters (import rule and catalog); resolving one
    must not cut it, which would name another site (here another
    customer's) or none."""
    s = fresh_stack()
    long_id = "A" * 63 + "B"
    add_service_points(s, [("A" * 63, "FDJ", "FDJ-LONG"),
                           (long_id, "ACME", "ACME-LONG")])
    b = create(s, make_api_key(s, "owner@acme.test"), r_body({"id": long_id}))
    assert b["properties"]["servicePoint"]["id"] == long_id
    assert sqlite(s.db, "SELECT service_point_id FROM requests WHERE id = '%s';"
                  % b["id"]) == long_id
    # and by its customer reference alone
    b = create(s, make_api_key(s, "owner@acme.test"), r_body({"customerReference": "ACME-LONG"}))
    assert sqlite(s.db, "SELECT service_point_id FROM requests WHERE id = '%s';"
                  % b["id"]) == long_id


def test_an_id_narrows_a_reference_shared_by_many_sites(fresh_stack):
    """Twelve sites share a customer reference; the id given with it names
    one of them, past the first ten in id order."""
    s = fresh_stack()
    add_service_points(s, [("SP-SH-%02d" % i, "ACME", "SHARED") for i in range(12)])
    key = make_api_key(s, "owner@acme.test")
    b = create(s, key, r_body({"id": "SP-SH-11", "customerReference": "SHARED"}))
    assert sqlite(s.db, "SELECT service_point_id FROM requests WHERE id = '%s';"
                  % b["id"]) == "SP-SH-11"
    r = post(s, key, r_body({"customerReference": "SHARED"}))
    assert_error(r, 422, 3621, M3621, D3621, details=[(3621, D3621)])
    r = post(s, key, r_body({"id": "SP-SH-11", "customerReference": "OTHER"}))
    assert_error(r, 422, 3622, M3622, D3622, details=[(3622, D3622)])


# ---------------------------------------------------------------- 3623

def sqlite(db, sql):
    # a busy timeout: the desk's writer may hold the lock for a moment
    out = subprocess.run(["sqlite3", "-cmd", ".timeout 10000", db, sql], check=True,
                         capture_output=True, text=True, timeout=30)
    return out.stdout.strip()


def test_update_type_has_3623_too(fresh_stack):
    """Seed 000's 3623 row, on its own type."""
    s = fresh_stack()
    key = make_api_key(s, "owner@fdj.test")
    sqlite(s.db, "CREATE TRIGGER fail BEFORE INSERT ON requests "
                 "BEGIN SELECT RAISE(ABORT, 'test'); END;")
    r = post(s, key, u_body(FDJ_SP1))
    assert_error(r, 422, 3623, M3623, D3623)
    assert sqlite(s.db, "SELECT count(*) FROM requests;") == "0"


def test_storage_failure_is_3623_and_nothing_is_kept(fresh_stack):
    s = fresh_stack()
    key = make_api_key(s, "owner@acme.test")
    # the stack works before the failure
    create(s, key, r_body(ACME_SP))
    n_req = sqlite(s.db, "SELECT count(*) FROM requests;")
    n_hist = sqlite(s.db, "SELECT count(*) FROM request_history;")
    assert (n_req, n_hist) == ("1", "1")
    sqlite(s.db, "CREATE TRIGGER fail BEFORE INSERT ON requests "
                 "BEGIN SELECT RAISE(ABORT, 'test'); END;")
    r = post(s, key, r_body(ACME_SP))
    assert_error(r, 422, 3623, M3623, D3623)
    assert "Content-Location" not in r.headers
    assert sqlite(s.db, "SELECT count(*) FROM requests;") == n_req
    assert sqlite(s.db, "SELECT count(*) FROM request_history;") == n_hist
    # a failing history insert rolls the request back too
    sqlite(s.db, "DROP TRIGGER fail; CREATE TRIGGER fail2 BEFORE INSERT ON "
                 "request_history BEGIN SELECT RAISE(ABORT, 'test'); END;")
    r = post(s, key, r_body(ACME_SP))
    assert_error(r, 422, 3623, M3623, D3623)
    assert sqlite(s.db, "SELECT count(*) FROM requests;") == n_req
    assert sqlite(s.db, "SELECT count(*) FROM request_history;") == n_hist
    # and the desk recovers once storage works again
    sqlite(s.db, "DROP TRIGGER fail2;")
    create(s, key, r_body(ACME_SP))
    assert sqlite(s.db, "SELECT count(*) FROM requests;") == "2"


# ------------------------------------------- profile-dependent attributes

def test_bandwidth_dropped_for_ftth(stack, keys):
    b = create(stack, keys["fdj_owner"], u_body(
        FDJ_SP1, profile="FDJ CONNECT FTTH",
        options={"bandwidth": "8M", "isMulticastNeeded": True}))
    assert b["properties"]["options"] == {"isMulticastNeeded": True,
                                          "isAdditionalWifiNeeded": False}
    # stored that way, not only answered that way
    again = jbody(get(stack, keys["fdj_owner"], "%s/requests/%s" % (BASE, b["id"])))
    assert "bandwidth" not in again["properties"]["options"]


# ------------------------------------------------------------------ 3611

def test_day_before_and_after_a_holiday_are_accepted(stack, keys):
    em = workdays.next_easter_monday_after(workdays.earliest())
    tuesday = em + workdays.ONE_DAY
    create(stack, keys["acme_owner"], r_body(ACME_SP, requested=workdays.iso(tuesday)))


def test_lead_time_counts_calendar_days(stack, keys):
    """"20 days minimum" counts calendar days after today in Paris: the
    earliest date is today + 20 if it is a working day, else the next one;
    the working day before it is refused (tests/http/test_lead_time.py
    holds the edges, on a controlled clock)."""
    today = workdays.paris_today()
    e = workdays.earliest(20)
    assert e == workdays.first_working_day_from(today + 20 * workdays.ONE_DAY)
    assert e < workdays.nth_working_day(20)      # earlier than 20 working days
    before = e - workdays.ONE_DAY
    while not workdays.is_working_day(before):
        before -= workdays.ONE_DAY
    r = post(stack, keys["acme_owner"], r_body(ACME_SP, requested=workdays.iso(before)))
    b = assert_3611(r, earliest_before=workdays.iso(e))
    assert b["details"] == [{"code": 3611, "message": M3611,
                             "description": b["description"]}]
    b = create(stack, keys["acme_owner"], r_body(ACME_SP, requested=workdays.iso(e)))
    assert b["keyDates"]["requestedAt"] == workdays.iso(e)


# ----------------------------------------------------------- catalog access


def catalog_ids(stack, key):
    r = get(stack, key, BASE + "/catalogItems")
    assert r.status_code == 200, r.text[:500]
    items = jbody(r)
    assert r.headers["X-Total-Count"] == str(len(items))
    return sorted(it["id"] for it in items)


def test_catalog_items_per_customer(stack, keys):
    assert catalog_ids(stack, keys["fdj_owner"]) == ["R_BVPN_FR_1", "U_BVPN_CUSTOM003_1"]
    assert catalog_ids(stack, keys["fdj_viewer"]) == ["R_BVPN_FR_1", "U_BVPN_CUSTOM003_1"]
    assert catalog_ids(stack, keys["acme_owner"]) == ["R_BVPN_FR_1"]
    assert catalog_ids(stack, keys["nordic_owner"]) == []
    assert catalog_ids(stack, keys["reseller"]) == []


def test_catalog_item_by_id(stack, keys):
    r = get(stack, keys["fdj_owner"], BASE + "/catalogItems/U_BVPN_CUSTOM003_1")
    assert r.status_code == 200
    it = jbody(r)
    assert it["id"] == "U_BVPN_CUSTOM003_1"
    assert it["category"] == "CHANGE"
    assert isinstance(it["schema"], dict)
    r = get(stack, keys["acme_owner"], BASE + "/catalogItems/U_BVPN_CUSTOM003_1")
    assert_error(r, 404, 60, "Resource not found")
    r = get(stack, keys["acme_owner"], BASE + "/catalogItems/NOPE")
    assert_error(r, 404, 60, "Resource not found")


# ------------------------------------------------------ JSON Schema agreement

@pytest.fixture
def Draft202012Validator():
    """jsonschema's draft 2020-12 validator (Debian: python3-jsonschema,
    installed by ./dev deps)."""
    return pytest.importorskip("jsonschema").Draft202012Validator


def test_catalog_schemas_are_valid_draft_2020_12(stack, keys, Draft202012Validator):
    r = get(stack, keys["fdj_owner"], BASE + "/catalogItems")
    items = jbody(r)
    assert items
    for it in items:
        schema = it["schema"]
        assert schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(schema)


def test_schema_rejects_seed_001_example_and_accepts_corrected(stack, keys,
                                                             Draft202012Validator):
    v = Draft202012Validator(catalog_schema(stack, keys["acme_owner"], "R_BVPN_FR_1"))
    props = copy.deepcopy(SEED_001_EXAMPLE["properties"])
    assert not v.is_valid(props)
    props["contacts"] = props.pop("contracts")
    assert v.is_valid(props), [e.message for e in v.iter_errors(props)]


def agreement_cases():
    sp = FDJ_SP1
    return [
        # (role, type, properties, name)
        ("fdj_owner", "U", {"servicePoint": sp, "profile": "FDJ CONNECT OPTIMA 8M",
                            "options": {"bandwidth": "8M", "isAdditionalWifiNeeded": True}},
         "optima-8m"),
        ("fdj_owner", "U", {"servicePoint": sp, "profile": "FDJ CONNECT FTTH"}, "ftth"),
        ("fdj_owner", "U", {"servicePoint": {"customerReference": "FDJ-PARIS-01"},
                            "profile": "FDJ CONNECT CELL",
                            "options": {"isAnInternalAntennaNeeded": True,
                                        "isExternalAntennaNeeded": True,
                                        "isMulticastNeeded": False,
                                        "isQuickstartNeeded": True,
                                        "isEthernetPortNeeded": True}}, "cell"),
        ("fdj_owner", "U", {"servicePoint": {"reference": "BVPN-FDJ-0001"},
                            "profile": "FDJ CONNECT ULTIME"}, "ultime"),
        ("fdj_owner", "U", {"servicePoint": sp, "profile": "FDJ CONNECT OPTIMA 8M",
                            "options": {"bandwidth": "2M"}}, "bad-bandwidth"),
        ("fdj_owner", "U", {"servicePoint": sp, "profile": "FDJ CONNECT OPTIMA 8M",
                            "options": {"bandwidth": "8m"}}, "bandwidth-case"),
        ("fdj_owner", "U", {"servicePoint": sp, "profile": "nope"}, "bad-profile"),
        ("fdj_owner", "U", {"servicePoint": sp}, "no-profile"),
        ("fdj_owner", "U", {"profile": "FDJ CONNECT FTTH"}, "no-service-point"),
        ("fdj_owner", "U", {"servicePoint": sp, "profile": "FDJ CONNECT FTTH",
                            "options": {"isQuickstartNeeded": 1}}, "non-boolean"),
        ("fdj_owner", "U", {"servicePoint": sp, "profile": "FDJ CONNECT FTTH",
                            "extra": True}, "unknown"),
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact()}}, "r-valid"),
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact(),
                                          "secondary": {"email": "a@b.fr",
                                                        "phone": "+33 1 02 03 04 05"}}},
         "r-secondary"),
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact(email="x@y")}},
         "r-bad-email"),
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact(mobile="mobile")}},
         "r-bad-mobile"),
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact(title="")}},
         "r-empty-title"),
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact(title=" \t ")}},
         "r-blank-title"),
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact(lastName=" L ")}},
         "r-padded-name"),
        ("acme_owner", "R", {"servicePoint": {"id": "  "},
                             "contacts": {"primary": primary_contact()}},
         "r-blank-service-point-id"),
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact(email="   ")}},
         "r-blank-email"),
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact(lastName="L" * 101)}},
         "r-too-long"),
        # lengths count characters, not bytes
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact(lastName="\u00e9" * 60)}},
         "r-accents-fit"),
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact(lastName="\u00e9" * 101)}},
         "r-accents-too-long"),
        # phone numbers: 6 to 15 digits
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact(phone="+33 1 02 03 04 05")}},
         "r-phone-spaces"),
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact(phone="1 2 3 4 5")}},
         "r-phone-5-digits"),
        ("acme_owner", "R", {"servicePoint": ACME_SP,
                             "contacts": {"primary": primary_contact(phone="+1234567890123456")}},
         "r-phone-16-digits"),
        # an attribute irrelevant for the profile is dropped whatever its
        # value (docs/API.md), and the schema's if/then says the same
        ("fdj_owner", "U", {"servicePoint": sp, "profile": "FDJ CONNECT FTTH",
                            "options": {"bandwidth": "2M"}}, "ftth-bad-bandwidth"),
        ("fdj_owner", "U", {"servicePoint": sp, "profile": "FDJ CONNECT FTTH",
                            "options": {"isAnInternalAntennaNeeded": "yes"}},
         "ftth-non-boolean-antenna"),
    ]


@pytest.mark.parametrize("role,kind,props,name", agreement_cases(),
                         ids=[c[3] for c in agreement_cases()])
def test_schema_and_server_agree(stack, keys, Draft202012Validator, role, kind, props, name):
    type_id = "U_BVPN_CUSTOM003_1" if kind == "U" else "R_BVPN_FR_1"
    v = Draft202012Validator(catalog_schema(stack, keys[role], type_id))
    body = {"requestedAt": earliest(), "type": type_id,
            "customerReference": unique_ref("SCH"), "properties": props}
    r = post(stack, keys[role], body)
    assert r.status_code in (201, 412, 422), r.text[:1000]
    if r.status_code != 201:
        codes = {d["code"] for d in jbody(r)["details"]}
        assert codes <= {65, 3620}, jbody(r)     # only property problems
    schema_ok = v.is_valid(props)
    assert schema_ok == (r.status_code == 201), (
        name, r.status_code, r.text[:1000], [e.message for e in v.iter_errors(props)])


# ------------------------------------------------------------------ lists

@pytest.fixture
def three_fdj(stack, keys):
    """Three FDJ requests with unique customer references, in creation
    order: a DISCONNECT (R_BVPN_FR_1) and two CHANGE (U_BVPN_CUSTOM003_1),
    the last one moved to IN_PROGRESS."""
    refs = [unique_ref("L%d" % i) for i in range(3)]
    k = keys["fdj_owner"]
    a = create(stack, k, r_body(FDJ_SP1, ref=refs[0]))
    b = create(stack, k, u_body(FDJ_SP1, ref=refs[1]))
    c = create(stack, k, u_body(FDJ_SP1, ref=refs[2], profile="FDJ CONNECT FTTH"))
    assert set_status(stack, keys["admin"], c["id"], "IN_PROGRESS").status_code == 200
    return refs, [a["id"], b["id"], c["id"]]


def test_list_counts_and_paging(stack, keys, three_fdj):
    refs, ids = three_fdj
    k = keys["fdj_owner"]
    r = get(stack, k, BASE + "/requests", customerReference=",".join(refs))
    assert list_ids(r) == ids[::-1]          # default sort: -issuedAt
    assert r.headers["X-Total-Count"] == "3"
    assert r.headers["X-Result-Count"] == "3"
    r = get(stack, k, BASE + "/requests", customerReference=",".join(refs),
            limit=2, sort="issuedAt")
    assert list_ids(r) == ids[:2]
    assert (r.headers["X-Total-Count"], r.headers["X-Result-Count"]) == ("3", "2")
    r = get(stack, k, BASE + "/requests", customerReference=",".join(refs),
            limit=2, offset=2, sort="issuedAt")
    assert list_ids(r) == ids[2:]
    assert (r.headers["X-Total-Count"], r.headers["X-Result-Count"]) == ("3", "1")
    r = get(stack, k, BASE + "/requests", customerReference=",".join(refs), offset=5)
    assert list_ids(r) == []
    assert (r.headers["X-Total-Count"], r.headers["X-Result-Count"]) == ("3", "0")
    r = get(stack, k, BASE + "/requests", customerReference=",".join(refs), limit=250)
    assert len(list_ids(r)) == 3
    # list items carry no history
    for it in jbody(r):
        assert "history" not in it


def test_list_totals_and_pages_follow_the_database(fresh_stack):
    """A list's total comes from counters that triggers keep (migration 9)
    and an unfiltered list in issue order is a seek on numbers that run
    1..total (per customer, or every request for an administrator).  Both
    must say what the database holds, for filtered lists too, after status
    changes, and after an operator deletes a request with sqlite3 (the
    numbers then have a hole and the seek gives way to the general query)."""
    s = fresh_stack()
    admin = make_api_key(s, "admin@reqdesk.test")
    owner = make_api_key(s, "owner@acme.test")
    refs = [unique_ref("C%d" % i) for i in range(6)]
    ids = [create(s, owner, r_body(ACME_SP, ref=ref))["id"] for ref in refs]
    # another customer's request under one of those references stays theirs
    create(s, make_api_key(s, "owner@fdj.test"), r_body(FDJ_SP1, ref=refs[0]))
    assert set_status(s, admin, ids[2], "IN_PROGRESS").status_code == 200
    assert set_status(s, admin, ids[3], "IN_PROGRESS").status_code == 200
    assert set_status(s, admin, ids[3], "COMPLETED").status_code == 200
    filters = [({}, "1"), ({"status": "NEW"}, "status = 'NEW'"),
               ({"status": "IN_PROGRESS,COMPLETED"}, "status IN ('IN_PROGRESS', 'COMPLETED')"),
               ({"type": "R_BVPN_FR_1", "category": "DISCONNECT"},
                "type = 'R_BVPN_FR_1' AND category = 'DISCONNECT'"),
               ({"category": "CHANGE"}, "category = 'CHANGE'"),
               ({"category": "DISCONNECT,CHANGE", "status": "NEW"},
                "category IN ('DISCONNECT', 'CHANGE') AND status = 'NEW'"),
               ({"customerReference": ",".join(refs[::2]), "status": "NEW"},
                "customer_reference IN ('%s') AND status = 'NEW'" % "','".join(refs[::2])),
               ({"id": "%s,%s,%s" % (ids[1], ids[3], ids[5])},
                "id IN ('%s', '%s', '%s')" % (ids[1], ids[3], ids[5]))]

    def check():
        db = sqlite3.connect("file:%s?mode=ro" % s.db, uri=True)
        try:
            for key, scope in [(admin, "1"), (owner, "customer_id = 'ACME'")]:
                for params, cond in filters:
                    where = " WHERE %s AND %s" % (scope, cond)
                    total = db.execute("SELECT count(*) FROM requests" + where).fetchone()[0]
                    for sort, order in [("-issuedAt", "seq DESC"), ("issuedAt", "seq ASC")]:
                        for offset in sorted({0, 2, max(total - 1, 0)}):
                            want = [row[0] for row in db.execute(
                                "SELECT id FROM requests%s ORDER BY %s LIMIT 3 OFFSET %d"
                                % (where, order, offset))]
                            r = get(s, key, BASE + "/requests", sort=sort, offset=offset,
                                    limit=3, **params)
                            assert list_ids(r) == want, (params, sort, offset)
                            assert r.headers["X-Total-Count"] == str(total), (params, sort)
        finally:
            db.close()

    check()
    # an operator deletes a request in the middle: the numbers have a hole
    sqlite(s.db, "PRAGMA foreign_keys = ON; DELETE FROM requests WHERE id = '%s';" % ids[1])
    assert get(s, owner, BASE + "/requests/" + ids[1]).status_code == 404
    check()
    ids.append(create(s, owner, r_body(ACME_SP))["id"])
    assert set_status(s, admin, ids[-1], "IN_PROGRESS").status_code == 200
    check()


def test_list_item_is_the_request_without_history(stack, keys):
    """A request's item is written as JSON text by SQLite (store.c,
    REQ_ITEM), for lists and single reads alike: the same object (history
    aside), absent values left out, every string escaped."""
    k = keys["fdj_owner"]
    odd = 'quote " backslash \\ newline \n tab \t accents é — ✓ <b>&amp;</b>'
    full = r_body(FDJ_SP1, ref=unique_ref("ODD"))
    full["comment"] = odd
    a = create(stack, k, full)
    b = create(stack, k, u_body(FDJ_SP1))            # no contract, no comment
    assert set_status(stack, keys["admin"], a["id"], "IN_PROGRESS").status_code == 200
    assert set_status(stack, keys["admin"], a["id"], "COMPLETED",
                      comment=odd).status_code == 200
    for rid in (a["id"], b["id"]):
        one = jbody(get(stack, k, BASE + "/requests/" + rid))
        listed = jbody(get(stack, k, BASE + "/requests", id=rid))
        assert len(listed) == 1
        del one["history"]
        assert listed[0] == one
    one = jbody(get(stack, k, BASE + "/requests/" + a["id"]))
    assert one["comment"] == odd
    assert one["contract"] == "256060"
    assert "completedAt" in one["keyDates"]
    first, last = one["history"][0], one["history"][-1]
    assert "from" not in first and first["to"] == "NEW"
    assert set(first["by"]) == {"id", "name"}
    assert (last["from"], last["to"], last["comment"]) == ("IN_PROGRESS", "COMPLETED", odd)
    one = jbody(get(stack, k, BASE + "/requests/" + b["id"]))
    assert "contract" not in one and "comment" not in one
    assert "completedAt" not in one["keyDates"]
    assert one["_links"]["self"]["href"] == BASE + "/requests/" + b["id"]


def test_creation_answer_is_the_stored_request(stack, keys):
    """The 201 answer is made from the values stored, not read back: it
    must be exactly what a read of the request gives."""
    k = keys["fdj_owner"]
    full = r_body(FDJ_SP1, ref=unique_ref("NEW"))
    full["comment"] = 'quote " backslash \\ accents é — ✓'
    for body in (full, u_body(FDJ_SP1)):
        r = post(stack, k, body)
        assert r.status_code == 201, r.text
        answer = jbody(r)
        assert answer == jbody(get(stack, k, BASE + "/requests/" + answer["id"]))
        assert answer["status"] == "NEW" and len(answer["history"]) == 1
        assert answer["keyDates"]["issuedAt"] == answer["history"][0]["at"]


def test_list_total_count_without_filter(stack, keys, three_fdj):
    k = keys["fdj_owner"]
    r = get(stack, k, BASE + "/requests", limit=1)
    assert r.status_code == 200
    assert int(r.headers["X-Total-Count"]) >= 3
    assert r.headers["X-Result-Count"] == "1"


def test_list_filters(stack, keys, three_fdj):
    refs, ids = three_fdj
    k = keys["fdj_owner"]
    mine = ",".join(refs)

    def q(**params):
        return sorted(list_ids(get(stack, k, BASE + "/requests",
                                   customerReference=mine, **params)))

    assert q(status="IN_PROGRESS") == [ids[2]]
    assert q(status="NEW") == sorted(ids[:2])
    assert q(status="NEW,IN_PROGRESS") == sorted(ids)
    assert q(status="COMPLETED") == []
    assert q(type="R_BVPN_FR_1") == [ids[0]]
    assert q(type="U_BVPN_CUSTOM003_1") == sorted(ids[1:])
    assert q(type="R_BVPN_FR_1,U_BVPN_CUSTOM003_1") == sorted(ids)
    assert q(category="DISCONNECT") == [ids[0]]
    assert q(category="CHANGE") == sorted(ids[1:])
    assert q(category="CHANGE,DISCONNECT") == sorted(ids)
    assert q(category="CHANGE", status="NEW") == [ids[1]]
    assert q(id=ids[1]) == [ids[1]]
    assert q(id="%s,%s" % (ids[0], ids[2])) == sorted([ids[0], ids[2]])
    r = get(stack, k, BASE + "/requests", customerReference=refs[1])
    assert list_ids(r) == [ids[1]]
    assert r.headers["X-Total-Count"] == "1"
    r = get(stack, k, BASE + "/requests", customerReference="%s,%s" % (refs[0], refs[2]))
    assert sorted(list_ids(r)) == sorted([ids[0], ids[2]])


def test_list_sort_orders(stack, keys, three_fdj):
    refs, ids = three_fdj
    k = keys["fdj_owner"]
    mine = ",".join(refs)
    asc = list_ids(get(stack, k, BASE + "/requests", customerReference=mine, sort="issuedAt"))
    desc = list_ids(get(stack, k, BASE + "/requests", customerReference=mine, sort="-issuedAt"))
    assert asc == ids
    assert desc == ids[::-1]
    by_type = list_ids(get(stack, k, BASE + "/requests", customerReference=mine, sort="type"))
    assert by_type[0] == ids[0]              # R_... before U_...
    by_ref = list_ids(get(stack, k, BASE + "/requests", customerReference=mine,
                          sort="-customerReference"))
    assert by_ref == [i for _, i in sorted(zip(refs, ids), reverse=True)]


def test_list_partial_response(stack, keys, three_fdj):
    refs, ids = three_fdj
    r = get(stack, keys["fdj_owner"], BASE + "/requests",
            customerReference=",".join(refs), fields="status,type", sort="issuedAt")
    items = jbody(r)
    assert [it["id"] for it in items] == ids
    for it in items:
        assert set(it) == {"id", "status", "type"}, it
    assert [it["status"] for it in items] == ["NEW", "NEW", "IN_PROGRESS"]
    assert [it["type"] for it in items] == ["R_BVPN_FR_1", "U_BVPN_CUSTOM003_1",
                                           "U_BVPN_CUSTOM003_1"]


# --------------------------------------------------------------- isolation

def test_other_customer_cannot_read_by_id(stack, keys):
    fdj = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))
    path = "%s/requests/%s" % (BASE, fdj["id"])
    r = get(stack, keys["acme_owner"], path)
    b = assert_error(r, 404, 60, "Resource not found")
    unknown = get(stack, keys["acme_owner"], "%s/requests/%s" % (BASE, UNKNOWN_ID))
    assert_error(unknown, 404, 60, "Resource not found")
    assert b == jbody(unknown)
    assert "FDJ" not in r.text and fdj["id"] not in r.text
    # the reseller neither
    r = get(stack, keys["reseller"], path)
    assert jbody(r) == jbody(get(stack, keys["reseller"],
                                 "%s/requests/%s" % (BASE, UNKNOWN_ID)))
    assert r.status_code == 404


def test_other_customer_cannot_list(stack, keys):
    fdj = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))
    acme = create(stack, keys["acme_owner"], r_body(ACME_SP))
    for role in ("acme_owner", "acme_manager"):
        r = get(stack, keys[role], BASE + "/requests", id=fdj["id"])
        assert list_ids(r) == []
        assert r.headers["X-Total-Count"] == "0"
        r = get(stack, keys[role], BASE + "/requests",
                customerReference=fdj["customerReference"])
        assert list_ids(r) == []
        r = get(stack, keys[role], BASE + "/requests")
        assert all(it["customer"]["id"] == "ACME" for it in jbody(r))
        assert acme["id"] in list_ids(get(stack, keys[role], BASE + "/requests", id=acme["id"]))
    # the FDJ side does not see ACME's request either
    r = get(stack, keys["fdj_owner"], BASE + "/requests", id=acme["id"])
    assert list_ids(r) == []


def test_reseller_sees_no_fdj_or_acme_request(stack, keys):
    fdj = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))
    acme = create(stack, keys["acme_owner"], r_body(ACME_SP))
    r = get(stack, keys["reseller"], BASE + "/requests")
    assert r.status_code == 200
    assert all(it["customer"]["id"] == "NORDIC" for it in jbody(r)), r.text[:500]
    r = get(stack, keys["reseller"], BASE + "/requests", id="%s,%s" % (fdj["id"], acme["id"]))
    assert list_ids(r) == []
    assert r.headers["X-Total-Count"] == "0"


def test_admin_sees_all(stack, keys):
    fdj = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))
    acme = create(stack, keys["acme_owner"], r_body(ACME_SP))
    r = get(stack, keys["admin"], BASE + "/requests", id="%s,%s" % (fdj["id"], acme["id"]))
    assert sorted(list_ids(r)) == sorted([fdj["id"], acme["id"]])
    for rid in (fdj["id"], acme["id"]):
        r = get(stack, keys["admin"], "%s/requests/%s" % (BASE, rid))
        assert r.status_code == 200 and jbody(r)["id"] == rid


def test_viewer_reads(stack, keys):
    """A VIEWER reads its customer's requests; that it cannot create one
    is tests/cases/orange/viewer-cannot-create."""
    fdj = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))
    r = get(stack, keys["fdj_viewer"], "%s/requests/%s" % (BASE, fdj["id"]))
    assert r.status_code == 200
    assert jbody(r)["id"] == fdj["id"]
    assert list_ids(get(stack, keys["fdj_viewer"], BASE + "/requests", id=fdj["id"])) == [fdj["id"]]


# --------------------------------------------------------------- lifecycle

def test_admin_moves_new_to_in_progress_to_completed(stack, keys):
    req = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))
    rid = req["id"]
    assert "completedAt" not in req["keyDates"]
    r = set_status(stack, keys["admin"], rid, "IN_PROGRESS", "taken")
    assert r.status_code == 200, r.text
    b = jbody(r)
    assert b["status"] == "IN_PROGRESS"
    assert "completedAt" not in b["keyDates"]
    r = set_status(stack, keys["admin"], rid, "COMPLETED", "done")
    assert r.status_code == 200, r.text
    b = jbody(r)
    assert b["status"] == "COMPLETED"
    assert b["keyDates"].get("completedAt"), b["keyDates"]
    hist = b["history"]
    assert len(hist) == 3, hist
    assert [(h.get("from"), h["to"]) for h in hist] == [
        (None, "NEW"), ("NEW", "IN_PROGRESS"), ("IN_PROGRESS", "COMPLETED")]
    assert [h.get("comment") for h in hist[1:]] == ["taken", "done"]
    for h in hist[1:]:
        assert h["by"]["id"] == ADMIN_ID
        assert h["at"]
    assert hist[0]["at"] <= hist[1]["at"] <= hist[2]["at"]
    assert b["keyDates"]["completedAt"] == hist[2]["at"]
    # the owner sees the same
    again = jbody(get(stack, keys["fdj_owner"], "%s/requests/%s" % (BASE, rid)))
    assert again["status"] == "COMPLETED" and len(again["history"]) == 3


def test_reject_needs_a_comment(stack, keys):
    rid = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))["id"]
    for comment in (None, ""):
        r = set_status(stack, keys["admin"], rid, "REJECTED", comment)
        assert_error(r, 412, 65, M65, "The mandatory field 'comment' is missing.")
    assert jbody(get(stack, keys["admin"], "%s/requests/%s" % (BASE, rid)))["status"] == "NEW"
    r = set_status(stack, keys["admin"], rid, "REJECTED", "site already closed")
    assert r.status_code == 200, r.text
    b = jbody(r)
    assert b["status"] == "REJECTED"
    assert b["history"][-1]["comment"] == "site already closed"
    assert (b["history"][-1]["from"], b["history"][-1]["to"]) == ("NEW", "REJECTED")


def test_reject_in_progress(stack, keys):
    rid = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))["id"]
    assert set_status(stack, keys["admin"], rid, "IN_PROGRESS").status_code == 200
    r = set_status(stack, keys["admin"], rid, "REJECTED", "no")
    assert r.status_code == 200 and jbody(r)["status"] == "REJECTED"


def test_owner_cancels_new(stack, keys):
    rid = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))["id"]
    r = set_status(stack, keys["fdj_owner"], rid, "CANCELED", "changed our mind")
    assert r.status_code == 200, r.text
    b = jbody(r)
    assert b["status"] == "CANCELED"
    assert b["history"][-1]["by"]["id"] == "5eed0000000000000000f001"
    # and it cannot come back
    r = set_status(stack, keys["admin"], rid, "IN_PROGRESS")
    b = assert_error(r, 409, 62, "Conflict")
    assert "CANCELED" in b["description"] and "IN_PROGRESS" in b["description"], b


def test_admin_rejects_but_does_not_cancel(stack, keys):
    """Cancelling is the customer's withdrawal (docs/API.md); the operator
    rejects, with a reason."""
    rid = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))["id"]
    r = set_status(stack, keys["admin"], rid, "CANCELED", "not ours to cancel")
    assert_error(r, 403, 50, "Access denied")
    b = jbody(get(stack, keys["admin"], "%s/requests/%s" % (BASE, rid)))
    assert b["status"] == "NEW" and len(b["history"]) == 1


def test_owner_cannot_take_in_progress(stack, keys):
    rid = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))["id"]
    r = set_status(stack, keys["fdj_owner"], rid, "IN_PROGRESS")
    assert_error(r, 403, 50, "Access denied")
    r = set_status(stack, keys["fdj_owner"], rid, "COMPLETED")
    assert r.status_code in (403, 409), r.text
    assert jbody(get(stack, keys["fdj_owner"], "%s/requests/%s" % (BASE, rid)))["status"] == "NEW"


def test_viewer_cannot_change_status(stack, keys):
    rid = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))["id"]
    for status in ("CANCELED", "IN_PROGRESS"):
        r = set_status(stack, keys["fdj_viewer"], rid, status, "x")
        assert_error(r, 403, 50, "Access denied")
    assert jbody(get(stack, keys["fdj_viewer"], "%s/requests/%s" % (BASE, rid)))["status"] == "NEW"


def test_completed_cannot_go_back(stack, keys):
    rid = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))["id"]
    assert set_status(stack, keys["admin"], rid, "IN_PROGRESS").status_code == 200
    assert set_status(stack, keys["admin"], rid, "COMPLETED").status_code == 200
    for status in ("NEW", "IN_PROGRESS", "CANCELED", "REJECTED", "COMPLETED"):
        r = set_status(stack, keys["admin"], rid, status, "try")
        b = assert_error(r, 409, 62, "Conflict")
        assert b["description"] == \
            "A request in status COMPLETED cannot move to %s." % status, b
    b = jbody(get(stack, keys["admin"], "%s/requests/%s" % (BASE, rid)))
    assert b["status"] == "COMPLETED" and len(b["history"]) == 3


def test_unknown_status_is_400_code_21(stack, keys):
    rid = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))["id"]
    for status in ("DONE", "new", "", None, 3):
        body = {"comment": "x"}
        if status is not None:
            body["status"] = status
        r = post(stack, keys["admin"], body, path="%s/requests/%s/status" % (BASE, rid))
        b = assert_error(r, 400, 21, "Invalid body")
        assert "NEW, IN_PROGRESS, COMPLETED, REJECTED, CANCELED" in b["description"], b


def test_status_of_other_customers_request_is_404(stack, keys):
    rid = create(stack, keys["fdj_owner"], u_body(FDJ_SP1))["id"]
    r = set_status(stack, keys["acme_owner"], rid, "CANCELED", "x")
    b = assert_error(r, 404, 60, "Resource not found")
    r2 = set_status(stack, keys["acme_owner"], UNKNOWN_ID, "CANCELED", "x")
    assert jbody(r2) == b
    assert jbody(get(stack, keys["fdj_owner"], "%s/requests/%s" % (BASE, rid)))["status"] == "NEW"
