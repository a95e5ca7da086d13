"""The operator's inbox (issue 18, part 1): /admin holds both families'
open requests in one queue, with counts per family and state, the views
(unassigned, mine, due soon, waiting for the customer), sorts, keyset
pages; a request is given to an operator (a history entry, a mail to the
assignee) and gets a priority.  Everything in words, in the operator's
language."""

import html
import datetime
import json
import re

import inet
import mailtools
from accounts import add_user
from bodies import disconnect_body
from conftest import DEMO_USERS, api, browser_login, make_api_key

CODES = ["IN_PROGRESS", "HAS_OFFER", "R_BVPN", "ADMIN", "FIBER", "orange", "internet"]


def words(page):
    """What a person reads: no tags, no attribute values."""
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def items(page):
    """(family, id, state code, priority code) of each row of the inbox."""
    return re.findall(r'<tr class="queue-item" data-family="([a-z]+)" data-id="([^"]+)" '
                      r'data-state="([A-Z_]+)" data-priority="([a-z]+)">', page)


def create(s, key, ref):
    r = s.post("/ordering/b2b/v2/requests", headers=api(s, key),
               data=json.dumps(disconnect_body(ref)))
    assert r.status_code == 201, r.text
    return r.json()["id"]


def row(s, family, rid):
    return inet.sql(s.db, "SELECT assignee_id, priority, waiting, state, open FROM queue "
                    "WHERE family = ? AND request_id = ?", (family, rid))[0]


def assign(sess, s, csrf, family, rid, assignee="me", priority=None, back="/admin"):
    data = {"csrf": csrf, "family": family, "id": rid, "assignee": assignee, "back": back}
    if priority is not None:
        data["priority"] = priority
    return sess.post(s.url("/admin/assign"), data=data, timeout=10, allow_redirects=False)


def test_both_families_in_one_queue_with_counts_in_words(fresh_stack):
    s = fresh_stack()
    acme = make_api_key(s, "owner@acme.test")
    nordic = make_api_key(s, "owner@nordic.test")
    rid = create(s, acme, "INBOX-1")
    iid = inet.create(s, nordic, inet.fiber_body())["_id"]
    sess, _ = browser_login(s, DEMO_USERS["admin"])
    page = sess.get(s.url("/admin"), timeout=10).text
    got = items(page)
    assert ("orange", rid, "NEW", "normal") in got
    assert ("internet", iid, "NEW", "normal") in got
    # the counts are those of the database, by family and state
    n_new = inet.sql(s.db, "SELECT count(*) FROM requests WHERE status = 'NEW'")[0][0]
    assert re.search(r"<td>BVPN requests</td><td>New</td><td class=\"num\">%d</td>" % n_new,
                     page), page
    # the operator's pages are still linked from here
    for link in ("/admin/users", "/admin/outbox", "/admin/products"):
        assert 'href="%s"' % link in page
    # in French, in words
    sess.headers["Accept-Language"] = "fr"
    page = sess.get(s.url("/admin"), timeout=10).text
    text = words(page)
    assert "Boîte de réception" in text and "Non attribuées" in text
    for code in CODES:
        assert code not in text, code
    assert "T" not in re.findall(r"\d{4}-\d\d-\d\d(T)", text)


def test_take_give_and_prioritise(fresh_stack):
    s = fresh_stack()
    acme = make_api_key(s, "owner@acme.test")
    rid = create(s, acme, "INBOX-2")
    sess, csrf = browser_login(s, DEMO_USERS["admin"])
    admin_id = inet.ADMIN
    # "Take it": mine, no mail to oneself, a history entry
    r = assign(sess, s, csrf, "orange", rid, back="/admin?view=unassigned&sort=due")
    assert r.status_code == 303 and r.headers["Location"] == "/admin?view=unassigned&sort=due"
    assert row(s, "orange", rid)[:2] == (admin_id, 1)
    mine = sess.get(s.url("/admin?view=mine"), timeout=10).text
    assert ("orange", rid, "NEW", "normal") in items(mine)
    unassigned = sess.get(s.url("/admin?view=unassigned"), timeout=10).text
    assert rid not in unassigned
    assert mailtools.outbox(s.db, "event = 'request_assigned'") == []
    # given to a colleague, high: a mail to them, in their language
    colleague, email = add_user(s, sess, csrf, level="ADMIN", customer="",
                                name="Camille Opérateur")
    inet.sql(s.db, "UPDATE users SET language = 'fr' WHERE id = ?", (colleague,))
    r = assign(sess, s, csrf, "orange", rid, assignee=colleague, priority="high")
    assert r.status_code == 303
    assert row(s, "orange", rid)[:2] == (colleague, 2)
    mails = mailtools.outbox(s.db, "event = 'request_assigned'")
    assert [m["recipient"] for m in mails] == [email]
    assert mails[0]["object_id"] == rid
    assert "ACME" in mails[0]["subject"] and "INBOX-2" in mails[0]["subject"]
    assert "vous a confié" in mails[0]["body"] and "Haute" in mails[0]["body"]
    assert "/admin/requests/" + rid in mails[0]["body"]
    # the same again changes nothing: no history, no mail
    assign(sess, s, csrf, "orange", rid, assignee=colleague, priority="high")
    assert len(mailtools.outbox(s.db, "event = 'request_assigned'")) == 1
    # the request's page says who handles it and what happened
    page = sess.get(s.url("/admin/requests/" + rid), timeout=10).text
    text = words(page)
    assert "Handled by: Camille Opérateur" in text and "Priority: High" in text
    assert text.count("gave it to") == 2 and "gave it to Camille Opérateur." in text
    # filtered by priority
    high = sess.get(s.url("/admin?priority=high"), timeout=10).text
    assert [i[1] for i in items(high)] == [rid]
    # back to nobody
    assert assign(sess, s, csrf, "orange", rid, assignee="", priority="normal") \
        .status_code == 303
    assert row(s, "orange", rid)[:2] == (None, 1)
    assert "left it to nobody" in words(sess.get(s.url("/admin/requests/" + rid),
                                                 timeout=10).text)


def test_refusals(fresh_stack):
    s = fresh_stack()
    acme = make_api_key(s, "owner@acme.test")
    rid = create(s, acme, "INBOX-3")
    sess, csrf = browser_login(s, DEMO_USERS["admin"])
    for query in ("view=nope", "sort=price", "family=cable", "state=LOST",
                  "priority=urgent", "after=12", "after=x:1", "family=internet&state=IN_PROGRESS"):
        r = sess.get(s.url("/admin?" + query), timeout=10)
        assert r.status_code == 400, query
        assert "This view of the inbox does not exist" in words(r.text), query
    # only the operator's staff can be given a request
    r = assign(sess, s, csrf, "orange", rid, assignee=inet.FDJ_OWNER)
    assert r.status_code == 422 and "active member of the operator" in words(r.text)
    assert row(s, "orange", rid)[0] is None
    r = assign(sess, s, csrf, "orange", rid, priority="urgent")
    assert r.status_code == 422
    assert assign(sess, s, csrf, "orange", "nope", priority="high").status_code == 404
    assert assign(sess, s, csrf, "internet", rid).status_code == 404
    # a foreign back link is not followed
    r = assign(sess, s, csrf, "orange", rid, back="https://evil.test/")
    assert r.status_code == 303 and r.headers["Location"] == "/admin"
    # without the form token, or by anyone but the operator
    r = sess.post(s.url("/admin/assign"), data={"family": "orange", "id": rid,
                  "assignee": "me"}, timeout=10, allow_redirects=False)
    assert r.status_code == 403
    cust, ccsrf = browser_login(s, DEMO_USERS["acme_owner"])
    assert assign(cust, s, ccsrf, "orange", rid).status_code == 403
    assert cust.get(s.url("/admin"), timeout=10, allow_redirects=False).status_code == 403
    assert row(s, "orange", rid)[0] == inet.ADMIN   # the followed back link assigned it
    # a customer's pages never show the handling box
    page = cust.get(s.url("/requests/" + rid), timeout=10).text
    assert "Handling" not in page and "/admin/assign" not in page


def test_keyset_pages_walk_every_request_once(fresh_stack):
    s = fresh_stack()
    acme = make_api_key(s, "owner@acme.test")
    made = {create(s, acme, "PAGE-%02d" % i) for i in range(60)}
    sess, _ = browser_login(s, DEMO_USERS["admin"])
    for sort in ("due", "age", "customer", "activity"):
        seen, path, pages = [], "/admin?view=all&sort=" + sort, 0
        while path and pages < 20:
            page = sess.get(s.url(html.unescape(path)), timeout=10).text
            seen += [i[1] for i in items(page)]
            m = re.search(r'<a href="([^"]+)" rel="next">', page)
            path = m.group(1) if m else None
            pages += 1
        assert len(seen) == len(set(seen)), sort
        assert made <= set(seen), sort
        n_open = inet.sql(s.db, "SELECT count(*) FROM queue WHERE open = 1")[0][0]
        assert len(seen) == n_open, sort
        assert pages >= 2, sort


def test_waiting_for_the_customer(fresh_stack):
    s = fresh_stack()
    acme = make_api_key(s, "owner@acme.test")
    admin = make_api_key(s, "admin@reqdesk.test")
    rid = create(s, acme, "INBOX-4")
    path = "/ordering/b2b/v2/requests/%s/notes" % rid
    r = s.post(path, headers=api(s, admin), data=json.dumps(
        {"title": "A question", "body": "Which port?", "internal": True}))
    assert r.status_code == 201, r.text
    assert row(s, "orange", rid)[2] == 0           # an internal note asks nothing
    r = s.post(path, headers=api(s, admin), data=json.dumps(
        {"title": "A question", "body": "Which port?"}))
    assert r.status_code == 201
    assert row(s, "orange", rid)[2] == 1
    sess, _ = browser_login(s, DEMO_USERS["admin"])
    page = sess.get(s.url("/admin?view=waiting"), timeout=10).text
    assert [i[1] for i in items(page)] == [rid]
    assert "waiting for the customer" in words(page)
    r = s.post(path, headers=api(s, acme), data=json.dumps(
        {"title": "Answer", "body": "Port 2."}))
    assert r.status_code == 201
    assert row(s, "orange", rid)[2] == 0
    assert rid not in sess.get(s.url("/admin?view=waiting"), timeout=10).text


def test_due_soon_and_the_internet_lifecycle(fresh_stack):
    s = fresh_stack()
    nordic = make_api_key(s, "owner@nordic.test")
    admin = make_api_key(s, "admin@reqdesk.test")
    iid = inet.create(s, nordic, inet.fiber_body())["_id"]
    # offers are due two working days after the request
    created = inet.sql(s.db, "SELECT date(created) FROM internet_requests WHERE id = ?",
                       (iid,))[0][0]
    due = inet.sql(s.db, "SELECT due FROM queue WHERE request_id = ?", (iid,))[0][0]
    d = datetime.date.fromisoformat(created)
    n = 0
    while n < 2:
        d += datetime.timedelta(days=1)
        n += d.weekday() < 5
    assert due == d.isoformat()
    sess, _ = browser_login(s, DEMO_USERS["admin"])
    page = sess.get(s.url("/admin?view=due&family=internet"), timeout=10).text
    assert iid in [i[1] for i in items(page)]      # within 3 days
    inet.answered(s, admin, iid)
    assert row(s, "internet", iid)[3] == "HAS_OFFER"
    page = sess.get(s.url("/admin?family=internet&state=HAS_OFFER"), timeout=10).text
    assert [i[1] for i in items(page)] == [iid]
