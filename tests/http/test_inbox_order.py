"""The inbox's pages list what they listed before they were index-bound
(issue 18, migration 26): for each view, each sort and the filters,
walking every page by its "Next page" link gives exactly the open
requests of the view, each once, in the order of the sort (the key, then
the queue's row id), as the queue table says; the tabs' counts are the
view's rows.  The stack runs with tiny windows (a filtered page looks
through 7 rows, a filtered count through 5), so that pages which stop
looking before they are full, or empty, are walked too: they change how
the rows are cut into pages, never which rows or in what order.  No
timing is asserted (./dev bench measures)."""

import datetime
import html
import json
import re
import zoneinfo

import inet
from bodies import disconnect_body
from conftest import DEMO_USERS, api, browser_login, make_api_key

ME = inet.ADMIN
KEY = {"due": "due", "age": "created", "customer": "customer_name",
       "activity": "activity"}
VIEWS = ("all", "unassigned", "mine", "due", "waiting")
FILTERS = ("", "family=internet", "family=orange", "state=IN_PROGRESS",
           "priority=high", "family=orange&state=NEW&priority=normal")


def ids(page):
    return re.findall(r'<tr class="queue-item" data-family="[a-z]+" data-id="([^"]+)"', page)


def expected(db, view, sort, filters, due_by):
    """The view's request ids in the sort's order, from the queue."""
    cond, args = ["open = 1"], []
    if view == "unassigned":
        cond.append("assignee_id IS NULL")
    elif view == "mine":
        cond.append("assignee_id = ?")
        args.append(ME)
    elif view == "due":
        cond.append("due <= ?")
        args.append(due_by)
    elif view == "waiting":
        cond.append("waiting = 1")
    for f in filter(None, filters.split("&")):
        k, v = f.split("=")
        if k == "priority":
            cond.append("priority = ?")
            args.append(["low", "normal", "high"].index(v))
        else:
            cond.append("%s = ?" % k)
            args.append(v)
    d = "DESC" if sort == "activity" else "ASC"
    return [r[0] for r in inet.sql(db, "SELECT request_id FROM queue WHERE %s ORDER BY %s %s,"
                                   " id %s" % (" AND ".join(cond), KEY[sort], d, d), args)]


def walk(sess, s, path):
    """Every page from `path` on: the ids in order, how many pages, and
    how many said they looked through part of the queue only."""
    seen, pages, looked = [], 0, 0
    while path and pages < 200:
        page = sess.get(s.url(html.unescape(path)), timeout=10).text
        assert "queue-item" in page or "No open request" in page or \
            "looked through part" in page, path
        seen += ids(page)
        looked += "looked through part of the queue" in page
        m = re.search(r'<a href="([^"]+)" rel="next">', page)
        path = m.group(1) if m else None
        pages += 1
    assert path is None, "more than 200 pages"
    return seen, pages, looked



def test_every_view_sort_and_filter_lists_the_same_rows_in_the_same_order(fresh_stack):
    s = fresh_stack(REQDESK_INBOX_WINDOW="7", REQDESK_INBOX_COUNT_WINDOW="5")
    acme = make_api_key(s, "owner@acme.test")
    nordic = make_api_key(s, "owner@nordic.test")
    admin = make_api_key(s, "admin@reqdesk.test")
    made = []
    for i in range(64):
        r = s.post("/ordering/b2b/v2/requests", headers=api(s, acme),
                   data=json.dumps(disconnect_body("ORDER-%02d" % i)))
        assert r.status_code == 201, r.text
        made.append(r.json()["id"])
    inets = [inet.create(s, nordic, inet.fiber_body())["_id"] for _ in range(6)]
    inet.answered(s, admin, inets[0])
    sess, _ = browser_login(s, DEMO_USERS["admin"])
    page = sess.get(s.url("/admin"), timeout=10).text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    # handled by the operator, by nobody, at each priority; some waiting
    for n, rid in enumerate(made[:24]):
        r = sess.post(s.url("/admin/assign"), data={
            "csrf": csrf, "family": "orange", "id": rid,
            "assignee": "me" if n % 3 else "",
            "priority": ["low", "normal", "high"][n % 3], "back": "/admin"},
            timeout=10, allow_redirects=False)
        assert r.status_code == 303, r.text
    r = sess.post(s.url("/admin/assign"), data={
        "csrf": csrf, "family": "internet", "id": inets[1], "assignee": "me",
        "priority": "high", "back": "/admin"}, timeout=10, allow_redirects=False)
    assert r.status_code == 303
    for rid in made[5:40:4]:
        r = s.post("/ordering/b2b/v2/requests/%s/notes" % rid, headers=api(s, admin),
                   data=json.dumps({"title": "A question", "body": "Which port?"}))
        assert r.status_code == 201, r.text
    # states, due days and one customer name shared by many: ties on
    # every sort key, broken by the row id
    inet.sql(s.db, "UPDATE requests SET status = 'IN_PROGRESS' WHERE id IN (%s)"
             % ",".join("?" * 20), made[10:30])
    inet.sql(s.db, "UPDATE requests SET status = 'COMPLETED' WHERE id IN (?, ?, ?)",
             made[30:33])
    inet.sql(s.db, "UPDATE requests SET requested_at = date('now', '-' || (seq % 4) || ' days')"
             " WHERE seq % 3 = 0")
    inet.sql(s.db, "UPDATE queue SET activity = '2026-06-01T00:00:00.000Z' WHERE id % 2 = 0")
    assert inet.sql(s.db, "SELECT count(*) FROM queue WHERE open = 1")[0][0] >= 60
    # "due soon": within 3 days in Europe/Paris (docs/INBOX.md)
    due_by = (datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Paris")).date()
              + datetime.timedelta(days=3)).isoformat()
    looked_any = 0
    for view in VIEWS:
        for sort in KEY:
            for filters in FILTERS:
                path = "/admin?view=%s&sort=%s" % (view, sort) + ("&" + filters if filters else "")
                want = expected(s.db, view, sort, filters, due_by)
                seen, pages, looked = walk(sess, s, path)
                assert seen == want, (path, seen, want)
                looked_any += looked
                if not filters and view != "due":
                    # index-bound: full pages (a full last one is followed
                    # by an empty one), nothing looked through
                    assert looked == 0 and pages == len(want) // 50 + 1, path
    assert looked_any > 0     # the windows were walked
    # the tabs count each view's rows (the due view's, with a filter, at
    # least those it looked through: "n+")
    for filters in FILTERS:
        page = sess.get(s.url("/admin?view=all&sort=due" + ("&" + filters if filters else "")),
                        timeout=10).text
        counts = re.findall(r'<span class="count">\(([0-9]+\+?)\)</span></a></li>', page)
        assert len(counts) == len(VIEWS), (filters, counts)
        for view, got in zip(VIEWS, counts):
            n = len(expected(s.db, view, "due", filters, due_by))
            if got.endswith("+"):
                assert view == "due" and filters and int(got[:-1]) <= n, (view, filters, got)
            else:
                assert int(got) == n, (view, filters, got, n)
