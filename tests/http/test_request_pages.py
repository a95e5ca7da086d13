"""Browser pages of Orange-style requests, through nginx: the forms
generated from the catalog, the same rules and messages as the API, the
request page, status actions, list filters, pagination and CSV export."""

import csv
import html
import io
import re
import sys
import os

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from conftest import browser_login  # noqa: E402
import words  # noqa: E402
import workdays  # noqa: E402


@pytest.fixture(scope="module")
def fdj(stack):
    return browser_login(stack, "owner@fdj.test")


@pytest.fixture(scope="module")
def acme(stack):
    return browser_login(stack, "owner@acme.test")


def field_errors(page):
    return {k: html.unescape(v) for k, v in
            re.findall(r'id="([^"]+)-error">([^<]*)<', page)}


def valid_date():
    return workdays.earliest().isoformat()


def test_type_list_is_the_callers_catalog(stack, fdj, acme):
    sess, _ = fdj
    r = sess.get(stack.url("/requests/new"))
    assert r.status_code == 200
    types = set(re.findall(r'href="/requests/new/([A-Z0-9_]+)"', r.text))
    assert types == {"R_BVPN_FR_1", "U_BVPN_CUSTOM003_1"}
    sess, _ = acme
    r = sess.get(stack.url("/requests/new"))
    types = set(re.findall(r'href="/requests/new/([A-Z0-9_]+)"', r.text))
    assert types == {"R_BVPN_FR_1"}
    # a type outside the catalog answers as an unknown one
    r = sess.get(stack.url("/requests/new/U_BVPN_CUSTOM003_1"))
    assert r.status_code == 404


def test_form_is_generated_from_the_catalog(stack, fdj):
    sess, _ = fdj
    r = sess.get(stack.url("/requests/new/U_BVPN_CUSTOM003_1"))
    assert r.status_code == 200
    html = r.text
    # every declared field; the seeds' French terms as secondary text under
    # the English label, only where they say something more
    for name in ("profile", "options.bandwidth", "options.isAdditionalWifiNeeded",
                 "options.isAnInternalAntennaNeeded", "servicePoint.reference"):
        assert 'name="%s"' % name in html
    def label(name):
        return re.search(r'<label for="%s">(.*?)</label>' % re.escape(name), html).group(1)
    assert label("options.bandwidth").startswith(
        'Bandwidth <span lang="fr" class="label-fr label-secondary">Débit</span>')
    assert "Antenne mobile intérieure" in label("options.isAnInternalAntennaNeeded")
    assert label("options.isMulticastNeeded") == "Multicast needed"
    assert label("options.isQuickstartNeeded") == "Quickstart needed"
    # grouped as declared, enum values by their labels
    groups = re.findall(r'<fieldset class="properties" data-group="([^"]+)">\s*<legend>([^<]*)<',
                        html)
    assert groups == [("servicePoint", "Service point"), ("profile", "Profile and options")]
    bandwidth = html.split('name="options.bandwidth"')[1].split("</select>")[0]
    assert '<option value="EXTENDED">Extended</option>' in bandwidth
    assert '<option value="8M">8 Mbit/s</option>' in bandwidth
    # profile-dependent options are marked for hiding
    assert 'data-profiles="FDJ CONNECT OPTIMA 8M"' in html
    assert 'data-profiles="FDJ CONNECT CELL"' in html
    # the service point picker offers the caller's live sites only
    picker = html.split('name="servicePoint.id"')[1].split("</select>")[0]
    assert "SP-FDJ-0001" in picker and "SP-FDJ-0002" in picker
    assert "SP-FDJ-0009" not in picker and "SP-ACME-0001" not in picker


def test_staff_picker_spans_every_customer_of_their_scope(stack):
    """An administrator's picker lists the live sites of every customer,
    ordered by customer then id (a customer's user sees only their own,
    above)."""
    sess, _ = browser_login(stack, "admin@reqdesk.test")
    r = sess.get(stack.url("/requests/new/R_BVPN_FR_1"))
    assert r.status_code == 200, r.text[:500]
    picker = r.text.split('name="servicePoint.id"')[1].split("</select>")[0]
    values = re.findall(r'<option value="(SP-[^"]+)"', picker)
    assert values == ["SP-ACME-0001", "SP-FDJ-0001", "SP-FDJ-0002", "SP-FDJ-0003"], values


def test_form_errors_next_to_fields_with_input_kept(stack, fdj):
    sess, csrf = fdj
    r = sess.post(stack.url("/requests/new/R_BVPN_FR_1"), data={
        "csrf": csrf, "requestedAt": valid_date(),
        "servicePoint.customerReference": "FDJ-PARIS-01",
        "contacts.primary.title": "Mme",
        "contacts.primary.firstName": "Anne",
        "contacts.primary.email": "not-an-address",
        "contacts.primary.phone": "+33401010101",
        "contacts.primary.mobile": "+33600200200",
        "customerReference": "MY-REF-1",
    }, allow_redirects=False)
    assert r.status_code == 422
    # sentences for people next to the fields, naming them by their labels
    errors = field_errors(r.text)
    assert errors["contacts.primary.lastName"] == \
        "Last name of the primary contact is required."
    assert errors["contacts.primary.email"] == \
        "Enter an e-mail address such as name@example.com."
    # each input tied to its problem
    assert re.search(r'id="contacts.primary.email"[^>]* aria-invalid="true" '
                     r'aria-describedby="contacts.primary.email-error"', r.text)
    # the summary names each field by its label, never by its path
    summary = re.search(r'<div class="form-errors".*?</div>', r.text, re.S).group(0)
    assert "The request was not sent: 2 problems to fix." in summary
    assert ('<a href="#contacts.primary.email">E-mail of the primary contact</a>: '
            'Enter an e-mail address such as name@example.com.') in summary
    assert words.internal_codes(summary) == []
    # input kept
    assert 'value="Anne"' in r.text and 'value="not-an-address"' in r.text
    assert 'value="MY-REF-1"' in r.text


def test_form_3611_and_service_point_errors(stack, fdj):
    sess, csrf = fdj
    saturday = workdays.next_saturday_after(workdays.earliest())
    r = sess.post(stack.url("/requests/new/U_BVPN_CUSTOM003_1"), data={
        "csrf": csrf, "requestedAt": saturday.isoformat(),
        "servicePoint.customerReference": "FDJ-SHARED",
        "profile": "FDJ CONNECT FTTH",
    }, allow_redirects=False)
    assert r.status_code == 422
    errors = field_errors(r.text)
    assert errors["requestedAt"] == (
        "Choose a working day in France at least 20 days after today: %s or later."
        % words.day(workdays.earliest()))
    # the service point problem, in words, next to the picker and in the summary
    assert errors["servicePoint.id"] == "Several of your sites match: choose one by its id."
    assert ('<a href="#servicePoint.id">Service point</a>: Several of your sites match: '
            'choose one by its id.') in r.text


def test_form_success_redirects_to_the_request(stack, fdj):
    sess, csrf = fdj
    r = sess.post(stack.url("/requests/new/U_BVPN_CUSTOM003_1"), data={
        "csrf": csrf, "requestedAt": valid_date(),
        "servicePoint.id": "SP-FDJ-0001", "profile": "FDJ CONNECT FTTH",
        "options.bandwidth": "8M", "options.isMulticastNeeded": "true",
        "customerReference": "FORM-OK-1",
    }, allow_redirects=False)
    assert r.status_code == 303
    loc = r.headers["Location"]
    assert re.fullmatch(r"/requests/[0-9a-f]{24}", loc)
    page = sess.get(stack.url(loc))
    assert page.status_code == 200
    rows = re.findall(r'<tr data-path="([^"]*)"><th scope="row">([^<]*)</th><td>([^<]*)<',
                      page.text)
    props = {path: (label, value) for path, label, value in rows}
    # bandwidth is irrelevant for FTTH: dropped; wifi defaulted to false;
    # each by its label, the values in words
    assert "options.bandwidth" not in props
    assert props["options.isAdditionalWifiNeeded"] == ("Additional Wi-Fi needed", "No")
    assert props["options.isMulticastNeeded"] == ("Multicast needed", "Yes")
    assert props["profile"] == ("Profile", "FDJ CONNECT FTTH")
    # the service point by its name and references
    assert props["servicePoint"] == ("Service point", "FDJ Paris 01 (SP-FDJ-0001, "
                                     "reference BVPN-FDJ-0001, customer reference FDJ-PARIS-01)")
    assert "servicePoint.id" not in props
    assert "Request created" in page.text
    # the list shows it, filters find it, CSV exports it
    lst = sess.get(stack.url("/requests?customerReference=FORM-OK-1"))
    assert loc in lst.text
    other = sess.get(stack.url("/requests?customerReference=NO-SUCH-REF"))
    assert loc not in other.text
    exp = sess.get(stack.url("/requests.csv?customerReference=FORM-OK-1"))
    assert exp.status_code == 200 and exp.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exp.text)))
    assert [row["id"] for row in rows] == [loc.rsplit("/", 1)[1]]
    assert rows[0]["customerReference"] == "FORM-OK-1"


def create_via_form(stack, sess, csrf, ref):
    r = sess.post(stack.url("/requests/new/R_BVPN_FR_1"), data={
        "csrf": csrf, "requestedAt": valid_date(),
        "servicePoint.reference": "BVPN-ACME-0001",
        "contacts.primary.title": "M", "contacts.primary.firstName": "Paul",
        "contacts.primary.lastName": "LANGEL",
        "contacts.primary.email": "paul.langel@mycompany.com",
        "contacts.primary.phone": "+33401010101",
        "contacts.primary.mobile": "+33600200200",
        "customerReference": ref,
    }, allow_redirects=False)
    assert r.status_code == 303, r.text[:2000]
    return r.headers["Location"]


def test_status_actions_and_history(stack, acme):
    sess, csrf = acme
    loc = create_via_form(stack, sess, csrf, "PAGE-LIFE-1")
    admin, admin_csrf = browser_login(stack, "admin@reqdesk.test")
    # the customer cannot move it forward
    r = sess.post(stack.url(loc), data={"csrf": csrf, "status": "IN_PROGRESS"})
    assert r.status_code == 403
    # the admin can, from the request page and from /admin/requests/{id}
    r = admin.post(stack.url(loc), data={"csrf": admin_csrf, "status": "IN_PROGRESS",
                                        "comment": "taken"}, allow_redirects=False)
    assert r.status_code == 303
    admin_page = admin.get(stack.url("/admin" + loc))
    assert admin_page.status_code == 200 and "Move to “Completed”" in admin_page.text
    # an illegal move is refused with a clear message and changes nothing
    r = admin.post(stack.url(loc), data={"csrf": admin_csrf, "status": "NEW"})
    assert r.status_code == 409
    assert "This request is “In progress”: it cannot move to “New”." in r.text
    # rejecting needs a reason
    r = admin.post(stack.url(loc), data={"csrf": admin_csrf, "status": "REJECTED"})
    assert r.status_code == 422
    assert "Give a reason to reject the request." in r.text
    r = admin.post(stack.url(loc), data={"csrf": admin_csrf, "status": "COMPLETED",
                                        "comment": "done"}, allow_redirects=False)
    assert r.status_code == 303
    page = sess.get(stack.url(loc))
    assert 'data-status="COMPLETED">Completed<' in page.text
    # the history, in the conversation's timeline: each change and its comment
    hist = re.findall(r'<li class="timeline-entry entry-event".*?<p class="entry-status">'
                      r'([^<]*)</p>\n(?:    <div class="entry-text text-lines">([^<]*)</div>)?',
                      page.text, re.S)
    assert [h[0] for h in hist] == ["Sent: “New”", "Status: “New” → “In progress”",
                                    "Status: “In progress” → “Completed”"], hist
    assert hist[1][1] == "taken" and hist[2][1] == "done"
    # the customer may not use the admin page
    assert sess.get(stack.url("/admin" + loc)).status_code == 403


def test_customer_cancels_while_new(stack, acme):
    """Cancelling asks once: the button leads to the question, the answer
    cancels."""
    sess, csrf = acme
    loc = create_via_form(stack, sess, csrf, "PAGE-CANCEL-1")
    page = sess.get(stack.url(loc)).text
    assert 'id="cancel-request"' in page
    r = sess.post(stack.url(loc), data={"csrf": csrf, "status": "CANCELED"},
                  allow_redirects=False)
    assert r.status_code == 200 and 'id="confirm-cancel"' in r.text
    assert 'data-status="NEW"' in sess.get(stack.url(loc)).text
    r = sess.post(stack.url(loc), data={"csrf": csrf, "status": "CANCELED",
                                        "confirm": "yes"}, allow_redirects=False)
    assert r.status_code == 303
    assert 'data-status="CANCELED">Cancelled<' in sess.get(stack.url(loc)).text


def test_pages_isolated_between_customers(stack, fdj, acme):
    sess_a, csrf_a = acme
    loc = create_via_form(stack, sess_a, csrf_a, "PAGE-ISO-1")
    sess_f, csrf_f = fdj
    r = sess_f.get(stack.url(loc))
    assert r.status_code == 404
    unknown = sess_f.get(stack.url("/requests/" + "0" * 24))
    assert unknown.status_code == 404
    assert loc not in sess_f.get(stack.url("/requests")).text
    assert loc.rsplit("/", 1)[1] not in sess_f.get(stack.url("/requests.csv")).text
    r = sess_f.post(stack.url(loc), data={"csrf": csrf_f, "status": "CANCELED"})
    assert r.status_code == 404


def test_viewer_cannot_use_forms(stack):
    sess, csrf = browser_login(stack, "viewer@fdj.test")
    assert sess.get(stack.url("/requests/new/R_BVPN_FR_1")).status_code == 403
    r = sess.post(stack.url("/requests/new/R_BVPN_FR_1"), data={"csrf": csrf})
    assert r.status_code == 403


def test_form_post_needs_csrf(stack, fdj):
    sess, _ = fdj
    before = sess.get(stack.url("/requests.csv")).text.count("\n")
    for token in (None, "0" * 64):
        data = {"requestedAt": valid_date(), "servicePoint.id": "SP-FDJ-0001",
                "profile": "FDJ CONNECT FTTH"}
        if token:
            data["csrf"] = token
        r = sess.post(stack.url("/requests/new/U_BVPN_CUSTOM003_1"), data=data,
                      allow_redirects=False)
        assert r.status_code == 403
    assert sess.get(stack.url("/requests.csv")).text.count("\n") == before


def test_list_pagination(stack, acme):
    sess, csrf = acme
    for i in range(27):
        create_via_form(stack, sess, csrf, "PAGE-PAGER")
    first = sess.get(stack.url("/requests?customerReference=PAGE-PAGER"))
    assert re.search(r'id="total">27<', first.text)
    ids1 = re.findall(r'href="/requests/([0-9a-f]{24})"', first.text)
    assert len(ids1) == 25
    nxt = re.search(r'href="/requests(\?[^"]*)" rel="next"', first.text).group(1)
    second = sess.get(stack.url("/requests" + nxt.replace("&amp;", "&")))
    ids2 = re.findall(r'href="/requests/([0-9a-f]{24})"', second.text)
    assert len(ids2) == 2 and not set(ids1) & set(ids2)


def test_export_holds_every_row_of_the_scope(fresh_stack):
    """/requests.csv is written as it is read: every row of the caller's
    scope, past any page size (it once stopped at 100,000), and nothing of
    another customer's."""
    import sqlite3
    s = fresh_stack()
    db = sqlite3.connect(s.db, timeout=30)
    try:
        for customer, n in (("ACME", 100005), ("FDJ", 3)):
            db.execute("""
                WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
                INSERT INTO requests (id, type, name, category, status, customer_id,
                  customer_reference, properties, requested_at, issued_at, updated_at,
                  created_by, cseq)
                SELECT printf('%s%019d', lower(?), i), 'R_BVPN_FR_1', 'x', 'DISCONNECT',
                  'NEW', ?, printf('EXP-%06d', i), '{}', '2030-01-15',
                  '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',
                  (SELECT id FROM users WHERE customer_id = ? LIMIT 1),
                  (SELECT coalesce(max(cseq), 0) FROM requests WHERE customer_id = ?) + i
                FROM k""", (n, customer[:4].ljust(5, "x"), customer, customer, customer))
        db.commit()
        want = db.execute("SELECT count(*) FROM requests WHERE customer_id = 'ACME'").fetchone()[0]
    finally:
        db.close()
    sess, _ = browser_login(s, "owner@acme.test")
    r = sess.get(s.url("/requests.csv"))
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0][0] == "id"
    assert len(rows) - 1 == want
    assert {row[5] for row in rows[1:]} == {"ACME"}
    # a filtered export: the rows of that filter alone
    r = sess.get(s.url("/requests.csv?customerReference=EXP-000007,EXP-100004"))
    rows = list(csv.reader(io.StringIO(r.text)))
    assert sorted(row[6] for row in rows[1:]) == ["EXP-000007", "EXP-100004"]
