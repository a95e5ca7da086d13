"""The inbox's "Take it" button as a browser sends it: the form of each
row carries the session's CSRF token (found by the browser test of the
operator's day: the rows' forms had an empty token, so a click answered
403)."""

import html
import json
import re

from bodies import disconnect_body
from conftest import DEMO_USERS, api, browser_login, make_api_key
import inet


def test_the_take_it_form_posts_as_it_is(fresh_stack):
    s = fresh_stack()
    acme = make_api_key(s, "owner@acme.test")
    r = s.post("/ordering/b2b/v2/requests", headers=api(s, acme),
               data=json.dumps(disconnect_body("TAKE-FORM-1")))
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    sess, csrf = browser_login(s, DEMO_USERS["admin"])
    page = sess.get(s.url("/admin"), timeout=10).text
    m = re.search(r'<tr class="queue-item" data-family="orange" data-id="%s".*?'
                  r'<form class="inline" method="post" action="/admin/assign">(.*?)</form>'
                  % rid, page, re.S)
    assert m, "no Take it form for the request"
    fields = {html.unescape(k): html.unescape(v) for k, v in
              re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', m.group(1))}
    assert fields["csrf"] == csrf, fields
    r = sess.post(s.url("/admin/assign"), data=fields, timeout=10, allow_redirects=False)
    assert r.status_code == 303, r.text[:500]
    assert inet.sql(s.db, "SELECT assignee_id FROM queue WHERE family = 'orange' AND "
                    "request_id = ?", (rid,))[0][0] == inet.ADMIN
