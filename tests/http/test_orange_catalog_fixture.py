"""Adding a third type of the BVPN family needs no C change: a stack started
on a catalog directory holding the two real declarations plus a new
C_BVPN_FR_1 file serves the new type through the whole API (catalog items
and their JSON Schema, validation, defaults, a lead time in working
days)."""

import json
import shutil

import pytest

import stack as stackmod
import workdays
from conftest import api, make_api_key

BASE = "/ordering/b2b/v2"
CATALOG = stackmod.REPO / "conf" / "catalog"

D3620 = "The 'properties' attribute is not valid due to the following error : %s"


def c_bvpn_declaration():
    """C_BVPN_FR_1: the servicePoint one-of group exactly as R_BVPN_FR_1
    declares it, a required contact e-mail, a speed option with a default
    and an optional short note; 10 working days of lead time (leadUnit)."""
    with open(CATALOG / "R_BVPN_FR_1.json") as f:
        r = json.load(f)
    sp_fields = [{k: v for k, v in fl.items() if k != "group"}   # no groups here
                 for fl in r["fields"] if fl.get("oneOf") == "servicePoint"]
    assert len(sp_fields) == 3
    return {
        "type": "C_BVPN_FR_1",
        "title": "Change of the speed of a BVPN site",
        "titleFr": "Modification du débit d'un site BVPN",
        "description": "Request a change of speed of a BVPN site (test fixture).",
        "category": "CHANGE",
        "leadDays": 10,
        "leadUnit": "working",
        "markets": ["FR"],
        "catalog": "standard",
        "fields": sp_fields + [
            {"path": "contact.email", "type": "string", "required": True,
             "format": "email", "maxLength": 254, "label": "E-mail of the contact"},
            {"path": "options.speed", "type": "string", "enum": ["10M", "100M"],
             "default": "10M", "label": "Speed", "labelFr": "Débit"},
            {"path": "note", "type": "string", "maxLength": 20, "label": "Note"},
        ],
    }


@pytest.fixture(scope="module")
def c_stack(tmp_path_factory):
    """A stack on a temporary catalog: the two real files + C_BVPN_FR_1."""
    d = tmp_path_factory.mktemp("catalog")
    for name in ("R_BVPN_FR_1.json", "U_BVPN_CUSTOM003_1.json"):
        shutil.copy(CATALOG / name, d / name)
    with open(d / "C_BVPN_FR_1.json", "w") as f:
        json.dump(c_bvpn_declaration(), f, indent=2, ensure_ascii=False)
    s = stackmod.start_stack(log_name="orange-catalog-fixture", REQDESK_CATALOG=str(d))
    try:
        s.keys = {role: make_api_key(s, email) for role, email in (
            ("acme", "owner@acme.test"), ("fdj", "owner@fdj.test"),
            ("nordic", "owner@nordic.test"))}
        yield s
    finally:
        s.close()


def body(requested=None, **props_over):
    props = {"servicePoint": {"customerReference": "AAT-AA001-001"},
             "contact": {"email": "noc@acme.test"}}
    props.update(props_over)
    return {"requestedAt": requested or workdays.iso(workdays.earliest(10, unit="working")),
            "type": "C_BVPN_FR_1", "customerReference": "SPEED-1",
            "properties": props}


def post(s, role, b):
    return s.post(BASE + "/requests", headers=api(s, s.keys[role]), json=b)


def assert_error(r, status, code, message, description=None):
    assert r.status_code == status, (r.status_code, r.text[:1500])
    b = r.json()
    assert (b["code"], b["message"]) == (code, message), b
    if description is not None:
        assert b["description"] == description, b
    assert b["details"][0]["description"] == b["description"], b
    return b


def catalog(s, role):
    r = s.get(BASE + "/catalogItems", headers={"X-API-Key": s.keys[role]})
    assert r.status_code == 200, r.text[:500]
    return {it["id"]: it for it in r.json()}


def test_new_type_is_in_the_catalog_with_its_schema(c_stack):
    items = catalog(c_stack, "acme")
    assert sorted(items) == ["C_BVPN_FR_1", "R_BVPN_FR_1"]
    assert sorted(catalog(c_stack, "fdj")) == ["C_BVPN_FR_1", "R_BVPN_FR_1",
                                              "U_BVPN_CUSTOM003_1"]
    assert catalog(c_stack, "nordic") == {}          # market FR only
    it = items["C_BVPN_FR_1"]
    assert it["category"] == "CHANGE"
    assert it["leadDays"] == 10
    assert it["leadUnit"] == "working"
    assert it["markets"] == ["FR"]
    schema = it["schema"]
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(schema)
    props = schema["properties"]
    assert set(props) == {"servicePoint", "contact", "options", "note"}
    assert props["options"]["properties"]["speed"]["enum"] == ["10M", "100M"]
    assert props["options"]["properties"]["speed"]["default"] == "10M"
    assert props["note"]["maxLength"] == 20
    assert "email" in props["contact"]["required"]
    assert "contact" in schema["required"]
    v = jsonschema.Draft202012Validator(schema)
    assert v.is_valid(body()["properties"])
    assert not v.is_valid(body(options={"speed": "1G"})["properties"])
    assert not v.is_valid(body(note="x" * 21)["properties"])
    assert not v.is_valid(body(contact={})["properties"])
    r = c_stack.get(BASE + "/catalogItems/C_BVPN_FR_1",
                    headers={"X-API-Key": c_stack.keys["acme"]})
    assert r.status_code == 200 and r.json()["schema"] == schema


def test_valid_body_is_201_with_default(c_stack):
    r = post(c_stack, "acme", body(note="please"))
    assert r.status_code == 201, r.text
    b = r.json()
    assert r.headers["Content-Location"] == "%s/requests/%s" % (BASE, b["id"])
    assert b["type"] == "C_BVPN_FR_1" and b["category"] == "CHANGE"
    assert b["name"] == "Change of the speed of a BVPN site"
    assert b["properties"] == {
        "servicePoint": {"customerReference": "AAT-AA001-001"},
        "contact": {"email": "noc@acme.test"},
        "options": {"speed": "10M"},
        "note": "please",
    }
    r = post(c_stack, "acme", body(options={"speed": "100M"}))
    assert r.status_code == 201, r.text
    assert r.json()["properties"]["options"] == {"speed": "100M"}


def test_missing_contact_email_is_412(c_stack):
    desc = "The mandatory field 'contact.email' is missing."
    r = post(c_stack, "acme", body(contact={}))
    assert_error(r, 412, 65, "Precondition failed", desc)
    b = body()
    del b["properties"]["contact"]
    assert_error(post(c_stack, "acme", b), 412, 65, "Precondition failed", desc)


def test_bad_speed_is_3620(c_stack):
    r = post(c_stack, "acme", body(options={"speed": "1G"}))
    assert_error(r, 422, 3620, "Properties item is not valid",
                 D3620 % "'options.speed' must be one of 10M, 100M")


def test_note_too_long_is_3620(c_stack):
    r = post(c_stack, "acme", body(note="x" * 21))
    assert_error(r, 422, 3620, "Properties item is not valid",
                 D3620 % "'note' must be at most 20 characters")
    r = post(c_stack, "acme", body(note="x" * 20))
    assert r.status_code == 201, r.text


def test_bad_email_and_unknown_attribute_are_3620(c_stack):
    r = post(c_stack, "acme", body(contact={"email": "noc"}))
    assert_error(r, 422, 3620, "Properties item is not valid",
                 D3620 % "'contact.email' must be a valid e-mail address")
    r = post(c_stack, "acme", body(contacts={"email": "noc@acme.test"}))
    assert_error(r, 422, 3620, "Properties item is not valid",
                 D3620 % "unknown attribute 'contacts' (did you mean 'contact'?)")


def test_lead_time_is_10_working_days(c_stack):
    d9 = workdays.nth_working_day(9)
    d10 = workdays.nth_working_day(10)
    r = post(c_stack, "acme", body(requested=workdays.iso(d9)))
    b = assert_error(r, 422, 3611, "RequestedAt not Valid")
    assert b["description"].startswith(
        "The requestedAt date must be 10 working days minimum and must be a "
        "working day in France.")
    assert b["description"].endswith(
        "The earliest valid date is %s." % workdays.iso(d10)), b
    assert workdays.earliest(10, unit="working") == d10
    r = post(c_stack, "acme", body(requested=workdays.iso(d10)))
    assert r.status_code == 201, r.text
    assert r.json()["keyDates"]["requestedAt"] == workdays.iso(d10)


def test_service_point_rules_apply_to_the_new_type(c_stack):
    r = post(c_stack, "fdj", body(servicePoint={"customerReference": "FDJ-SHARED"}))
    assert_error(r, 422, 3621, "Several Products match criterias")
    r = post(c_stack, "fdj", body(servicePoint={"customerReference": "FDJ-OLD-09"}))
    assert_error(r, 422, 3622, "No Service Point match criteria")
    r = post(c_stack, "nordic", body())
    assert r.status_code == 403 and r.json()["code"] == 50, r.text


def test_real_types_still_work_on_this_catalog(c_stack):
    b = {"requestedAt": workdays.iso(workdays.earliest(20)), "type": "R_BVPN_FR_1",
         "properties": {"servicePoint": {"id": "SP-ACME-0001"},
                        "contacts": {"primary": {
                            "title": "M", "firstName": "Paul", "lastName": "LANGEL",
                            "phone": "+33401010101", "mobile": "+33600200200",
                            "email": "paul.langel@mycompany.com"}}}}
    r = post(c_stack, "acme", b)
    assert r.status_code == 201, r.text
