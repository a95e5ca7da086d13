"""Structured filters of issue 18, part 2, beyond the ordering list's
customer and dates (tests/http/test_filters.py): GET /internet/request by
type and by the days of created, answered and startDate, in TelecomX's
error shape; the `assignee` filter (an operator's id or e-mail, or
"none") on both JSON lists, the aggregate, the operator's list pages and
the CSV export, refused to anyone but the operator whatever its value
(docs/INBOX.md, "Filtering by who handles a request")."""

import json

import inet
from accounts import add_user
from bodies import disconnect_body
from conftest import DEMO_USERS, api, browser_login, make_api_key

PATH = "/ordering/b2b/v2/requests"


def create(s, key, ref):
    r = s.post(PATH, headers=api(s, key), data=json.dumps(disconnect_body(ref)))
    assert r.status_code == 201, r.text
    return r.json()["id"]


def orange_ids(s, key, query, status=200):
    r = s.get(PATH + "?limit=250&" + query, headers=api(s, key))
    assert r.status_code == status, r.text
    return [o["id"] for o in r.json()] if status == 200 else r


def inet_ids(s, key, query):
    state = "" if "state=" in query else "state=ANY&"
    r = inet.get(s, key, "/internet/request?limit=500&" + state + query)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["requests"]), body
    return [o["_id"] for o in body["requests"]]


def assign(sess, s, csrf, family, rid, assignee="me"):
    r = sess.post(s.url("/admin/assign"), data={
        "csrf": csrf, "family": family, "id": rid, "assignee": assignee,
        "back": "/admin"}, timeout=10, allow_redirects=False)
    assert r.status_code == 303, r.text


def test_internet_list_by_type_and_days(fresh_stack):
    s = fresh_stack()
    nordic = make_api_key(s, "owner@nordic.test")
    admin = make_api_key(s, "admin@reqdesk.test")
    i1 = inet.create(s, nordic, inet.fiber_body(reference="DAYS-1"))["_id"]
    i2 = inet.create(s, nordic, inet.dsl_body(reference="DAYS-2"))["_id"]
    i3 = inet.create(s, nordic, inet.fiber_body(reference="DAYS-3"))["_id"]
    inet.answered(s, admin, i3)
    inet.sql(s.db, "UPDATE internet_requests SET created = '2026-03-01T23:59:59.999Z',"
             " start_date = '2026-04-10T00:00:00.000Z' WHERE id = ?", (i1,))
    inet.sql(s.db, "UPDATE internet_requests SET created = '2026-03-02T00:00:00.000Z',"
             " start_date = NULL WHERE id = ?", (i2,))
    inet.sql(s.db, "UPDATE internet_requests SET created = '2026-03-05T08:00:00.000Z',"
             " answered = '2026-03-06T09:00:00.000Z', start_date = '2026-05-01T00:00:00.000Z'"
             " WHERE id = ?", (i3,))
    # one day (From = To, UTC), a range with both ends included, open ends
    assert inet_ids(s, nordic, "createdFrom=2026-03-01&createdTo=2026-03-01") == [i1]
    assert inet_ids(s, nordic, "createdFrom=2026-03-02&createdTo=2026-03-05") == [i3, i2]
    assert inet_ids(s, nordic, "createdTo=2026-03-02") == [i2, i1]
    assert inet_ids(s, nordic, "answeredFrom=2026-03-06&answeredTo=2026-03-06") == [i3]
    assert inet_ids(s, nordic, "answeredTo=2026-03-05") == []
    assert inet_ids(s, nordic, "startDateFrom=2026-04-10") == [i3, i1]
    assert inet_ids(s, nordic, "startDateTo=2026-04-30") == [i1]
    # the type, with the others, the state and the search
    assert inet_ids(s, nordic, "type=DSL&createdTo=2026-03-31") == [i2]
    assert inet_ids(s, nordic, "type=FIBER&createdTo=2026-03-31") == [i3, i1]
    assert inet_ids(s, nordic, "type=FIBER&state=HAS_OFFER&createdTo=2026-03-31") == [i3]
    assert inet_ids(s, nordic, "q=days&createdFrom=2026-03-02&createdTo=2026-03-02") == [i2]
    # customer: the operator chooses; another customer's staff get nothing
    assert inet_ids(s, admin, "customer=NORDIC&createdTo=2026-03-31") == [i3, i2, i1]
    assert inet_ids(s, admin, "customer=ACME&createdTo=2026-03-31") == []
    acme = make_api_key(s, "owner@acme.test")
    assert inet_ids(s, acme, "customer=NORDIC") == []
    # the list page filters by the same days and type
    sess, _ = browser_login(s, DEMO_USERS["nordic_owner"])
    page = sess.get(s.url("/internet?created_from=2026-03-02&created_to=2026-03-05&type=FIBER"),
                    timeout=10).text
    assert i3 in page and i1 not in page and i2 not in page
    assert 'value="2026-03-02"' in page and '<option value="FIBER" selected>' in page
    r = sess.get(s.url("/internet?created_from=yesterday"), timeout=10)
    assert r.status_code == 400
    assert "Enter each date of the filter as a day, such as 2026-12-31." in r.text


def test_internet_list_bad_filters(stack, keys):
    key = make_api_key(stack, "owner@nordic.test")
    for name, value in (("createdFrom", "yesterday"), ("createdTo", "2026-02-30"),
                        ("answeredFrom", "2026-12-01T10:00:00Z"), ("startDateTo", ""),
                        ("startDateFrom", "31/12/2026")):
        r = inet.get(stack, key, "/internet/request?%s=%s" % (name, value))
        inet.only_error(r, 400, name, "Must be a date such as 2026-12-31", path=name,
                        check="format")
    r = inet.get(stack, key, "/internet/request?type=COPPER")
    inet.only_error(r, 400, "type", "Must be DSL or FIBER", path="type", check="enum")


def test_assignee_everywhere(fresh_stack):
    s = fresh_stack()
    acme = make_api_key(s, "owner@acme.test")
    nordic = make_api_key(s, "owner@nordic.test")
    admin = make_api_key(s, "admin@reqdesk.test")
    o1, o2, o3 = (create(s, acme, "WHO-" + c) for c in "ABC")
    i1 = inet.create(s, nordic, inet.fiber_body(reference="WHO-I1"))["_id"]
    i2 = inet.create(s, nordic, inet.fiber_body(reference="WHO-I2"))["_id"]
    sess, csrf = browser_login(s, DEMO_USERS["admin"])
    colleague, email = add_user(s, sess, csrf, level="ADMIN", customer="",
                                name="Camille Filtre")
    assign(sess, s, csrf, "orange", o1)
    assign(sess, s, csrf, "orange", o2, colleague)
    assign(sess, s, csrf, "internet", i1)
    # the ordering list: by id, by e-mail in any case, nobody
    assert orange_ids(s, admin, "assignee=" + inet.ADMIN) == [o1]
    assert orange_ids(s, admin, "assignee=ADMIN@reqdesk.TEST") == [o1]
    assert orange_ids(s, admin, "assignee=" + email) == [o2]
    nobody = orange_ids(s, admin, "assignee=none")
    assert o3 in nobody and o1 not in nobody and o2 not in nobody
    unassigned = inet.sql(s.db, "SELECT count(*) FROM requests r WHERE NOT EXISTS (SELECT 1"
                          " FROM queue q WHERE q.family = 'orange' AND q.request_id = r.id"
                          " AND q.assignee_id IS NOT NULL)")[0][0]
    r = s.get(PATH + "?limit=1&assignee=none", headers=api(s, admin))
    assert r.headers["X-Total-Count"] == str(unassigned)
    # with the other filters, the search, the aggregate
    assert orange_ids(s, admin, "assignee=none&customerReference=WHO-C") == [o3]
    assert orange_ids(s, admin, "assignee=none&customerReference=WHO-A") == []
    assert orange_ids(s, admin, "assignee=%s&q=who" % colleague) == [o2]
    r = s.get(PATH + "/aggregate?groupBy=status&assignee=" + colleague, headers=api(s, admin))
    assert r.status_code == 200 and r.json() == {"NEW": 1}, r.text
    # the Internet list
    assert inet_ids(s, admin, "assignee=" + inet.ADMIN) == [i1]
    assert inet_ids(s, admin, "assignee=admin@reqdesk.test&type=FIBER") == [i1]
    nobody = inet_ids(s, admin, "assignee=none")
    assert i2 in nobody and i1 not in nobody
    assert inet_ids(s, admin, "assignee=" + colleague) == []
    # what names no operator: a 400 in each family's shape
    for bad in ("nobody@nowhere.test", "owner@acme.test", inet.UNKNOWN, inet.NORDIC_OWNER,
                "NONE", ""):
        r = orange_ids(s, admin, "assignee=" + bad, status=400)
        b = r.json()
        assert b["code"] == 20 and b["message"] == "Invalid query-string parameter", b
        assert b["description"] == \
            "'assignee' must be none, or the id or e-mail of an operator.", b
        r = inet.get(s, admin, "/internet/request?assignee=" + bad)
        inet.only_error(r, 400, "assignee",
                        "Must be none, or the id or e-mail of an operator",
                        path="assignee", check="exists")
    # anyone else is refused whatever the value: it tells nothing
    for key in (acme, nordic):
        for value in ("none", inet.ADMIN, "admin@reqdesk.test", "nobody@nowhere.test"):
            r = orange_ids(s, key, "assignee=" + value, status=403)
            b = r.json()
            assert b["code"] == 50 and b["message"] == "Access denied", b
            assert b["description"] == \
                "Only the operator filters by who handles a request.", b
            r = s.get(PATH + "/aggregate?groupBy=status&assignee=" + value,
                      headers=api(s, key))
            assert r.status_code == 403 and r.json()["code"] == 50
            r = inet.get(s, key, "/internet/request?assignee=" + value)
            inet.only_error(r, 403, "access_denied", "Insufficient access level",
                            path="assignee")
    # the operator's pages and the export
    page = sess.get(s.url("/requests?assignee=" + colleague), timeout=10).text
    assert o2 in page and o1 not in page and o3 not in page
    assert 'name="assignee"' in page
    assert '<option value="%s" selected>Camille Filtre</option>' % colleague in page
    page = sess.get(s.url("/requests?assignee=none&customerReference=WHO-A,WHO-B,WHO-C"),
                    timeout=10).text
    assert o3 in page and o1 not in page and o2 not in page
    assert '<option value="none" selected>' in page
    assert "assignee=none" in page        # the pager's and the export's links keep it
    csv = sess.get(s.url("/requests.csv?assignee=" + inet.ADMIN), timeout=10).text
    assert o1 in csv and o2 not in csv and o3 not in csv
    csv = sess.get(s.url("/requests.csv?assignee=none"), timeout=10).text
    assert o3 in csv and o1 not in csv and o2 not in csv
    page = sess.get(s.url("/admin/internet?assignee=" + inet.ADMIN), timeout=10).text
    assert i1 in page and i2 not in page and 'name="assignee"' in page
    page = sess.get(s.url("/admin/internet?assignee=none"), timeout=10).text
    assert i2 in page and i1 not in page
    r = sess.get(s.url("/requests?assignee=nobody@nowhere.test"), timeout=10)
    assert r.status_code == 400
    assert "Choose who handles the requests among the operators offered." in r.text
    r = sess.get(s.url("/admin/internet?assignee=" + inet.UNKNOWN), timeout=10)
    assert r.status_code == 400
    # a customer's pages have no such filter, and ignore the parameter
    owner, _ = browser_login(s, DEMO_USERS["acme_owner"])
    for q in ("none", inet.ADMIN, "nobody@nowhere.test"):
        r = owner.get(s.url("/requests?assignee=" + q), timeout=10)
        assert r.status_code == 200
        assert o1 in r.text and o2 in r.text and o3 in r.text
        assert 'name="assignee"' not in r.text and "Camille" not in r.text
        csv = owner.get(s.url("/requests.csv?assignee=" + q), timeout=10).text
        assert o1 in csv and o2 in csv and o3 in csv
    nowner, _ = browser_login(s, DEMO_USERS["nordic_owner"])
    page = nowner.get(s.url("/internet?assignee=none"), timeout=10).text
    assert i1 in page and i2 in page and 'name="assignee"' not in page
