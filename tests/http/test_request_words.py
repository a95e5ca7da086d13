"""A request's properties in words, the same on the request page, in the
CSV export and in the mails: each property by its label, each enum value
by its label and true/false as Yes/No, grouped as the form groups them,
the service point by its name and references (not its id alone)."""

import csv
import io
import re
import uuid

import mailtools
import workdays
from conftest import api, browser_login

BASE = "/ordering/b2b/v2"
U = "U_BVPN_CUSTOM003_1"
SP1 = "FDJ Paris 01 (SP-FDJ-0001, reference BVPN-FDJ-0001, customer reference FDJ-PARIS-01)"


def make_u(stack, keys, ref):
    body = {"requestedAt": workdays.iso(workdays.earliest(20)), "type": U,
            "customerReference": ref,
            "properties": {"servicePoint": {"customerReference": "FDJ-PARIS-01"},
                           "profile": "FDJ CONNECT OPTIMA 8M",
                           "options": {"bandwidth": "EXTENDED",
                                       "isMulticastNeeded": True,
                                       "isEthernetPortNeeded": False}}}
    r = stack.post(BASE + "/requests", headers=api(stack, keys["fdj_owner"]), json=body)
    assert r.status_code == 201, r.text[:500]
    return r.json()["id"]


def page_groups(html):
    """[(caption, [(path, label, value)...])...] of the request page."""
    out = []
    for cap, body in re.findall(r'<table class="properties">\s*<caption>([^<]*)</caption>'
                                r'(.*?)</table>', html, re.S):
        out.append((cap, re.findall(r'<tr data-path="([^"]*)"><th scope="row">([^<]*)'
                                    r'</th><td>([^<]*)</td>', body)))
    return out


def test_request_page_in_words(stack, keys):
    ref = "WORDS-%s" % uuid.uuid4().hex[:10]
    rid = make_u(stack, keys, ref)
    sess, _ = browser_login(stack, "owner@fdj.test")
    html = sess.get(stack.url("/requests/" + rid), timeout=10).text
    assert page_groups(html) == [
        ("Service point", [("servicePoint", "Service point", SP1)]),
        ("Profile and options", [
            ("profile", "Profile", "FDJ CONNECT OPTIMA 8M"),
            ("options.bandwidth", "Bandwidth", "Extended"),
            ("options.isAdditionalWifiNeeded", "Additional Wi-Fi needed", "No"),
            ("options.isMulticastNeeded", "Multicast needed", "Yes"),
            ("options.isEthernetPortNeeded", "Additional Ethernet port needed", "No")]),
    ]
    assert "options.isMulticastNeeded</" not in html and "<code>servicePoint" not in html


def test_csv_headers_are_labels_and_cells_words(stack, keys):
    ref = "WORDS-%s" % uuid.uuid4().hex[:10]
    rid = make_u(stack, keys, ref)
    sess, _ = browser_login(stack, "owner@fdj.test")
    r = sess.get(stack.url("/requests.csv"), params={"customerReference": ref, "type": U},
                 timeout=10)
    assert r.status_code == 200
    rows = list(csv.reader(io.StringIO(r.text)))
    head = rows[0]
    assert head[:11] == ["id", "type", "name", "category", "status", "customer",
                         "customerReference", "contract", "requestedAt", "issuedAt",
                         "completedAt"]
    assert head[11:] == ["Service point", "Profile", "Bandwidth", "Additional Wi-Fi needed",
                         "Multicast needed", "Quickstart needed",
                         "Additional Ethernet port needed", "Internal mobile antenna needed",
                         "External mobile antenna needed"]
    row = dict(zip(head, rows[1]))
    assert row["id"] == rid
    assert row["Service point"] == SP1
    assert (row["Profile"], row["Bandwidth"], row["Additional Wi-Fi needed"],
            row["Multicast needed"], row["Quickstart needed"]) == \
        ("FDJ CONNECT OPTIMA 8M", "Extended", "No", "Yes", "")
    # without a type filter: the columns of every type the caller has
    # requests of, a label shared by two types in one column
    r = sess.get(stack.url("/requests.csv"), params={"customerReference": ref}, timeout=10)
    head = next(csv.reader(io.StringIO(r.text)))
    assert head.count("Service point") == 1 and "Bandwidth" in head
    # a customer without U requests sees none of its columns
    acme, _ = browser_login(stack, "owner@acme.test")
    head = next(csv.reader(io.StringIO(acme.get(stack.url("/requests.csv"), timeout=10).text)))
    assert "Bandwidth" not in head and "Profile" not in head


def test_mails_say_the_properties_in_words(stack, keys):
    ref = "WORDS-%s" % uuid.uuid4().hex[:10]
    rid = make_u(stack, keys, ref)
    rows = mailtools.outbox(stack.db, "object_id = ? AND event = 'request_created'", (rid,))
    assert [r["recipient"] for r in rows] == ["owner@fdj.test", "operator@localhost"]
    # the operator's in English, the creator's (FDJ: French) in French
    body = rows[1]["body"]
    assert "  Service point\n    Service point: %s\n" % SP1 in body, body
    assert ("  Profile and options\n    Profile: FDJ CONNECT OPTIMA 8M\n"
            "    Bandwidth: Extended\n    Additional Wi-Fi needed: No\n"
            "    Multicast needed: Yes\n") in body, body
    body = rows[0]["body"]
    assert ("  Point de service\n    Point de service: FDJ Paris 01 (SP-FDJ-0001, référence"
            " BVPN-FDJ-0001, référence client FDJ-PARIS-01)\n") in body, body
    assert ("  Profil et options\n    Profil: FDJ CONNECT OPTIMA 8M\n"
            "    Débit: Étendu\n    Wi-Fi supplémentaire: Non\n"
            "    Multicast: Oui\n") in body, body
    r = stack.post(BASE + "/requests/%s/status" % rid, headers=api(stack, keys["admin"]),
                   json={"status": "IN_PROGRESS", "comment": "on it"})
    assert r.status_code == 200
    rows = mailtools.outbox(stack.db, "object_id = ? AND event = 'request_status'", (rid,))
    assert len(rows) == 1 and "Débit: Étendu" in rows[0]["body"]
    assert "FDJ Paris 01 (SP-FDJ-0001, référence BVPN-FDJ-0001" in rows[0]["body"]
