"""Start again from a request (issue 18, part 6): "New request from this
one" on a rejected, cancelled or completed BVPN request opens the form of
its type filled with its values, contacts included, for the customer to
correct and send; through nginx and the real desk."""

import html as htmlmod
import json
import re

import bodies
import workdays
from conftest import api, browser_login

OR = "/ordering/b2b/v2/requests"


def make(stack, keys, ref):
    body = bodies.disconnect_body(ref)
    body["properties"]["contacts"]["secondary"] = {
        "title": "Mme", "firstName": "Nina", "lastName": "Holm",
        "phone": "+4533123456", "email": "nina.holm@example.net"}
    body["comment"] = "Second floor, room <12>"
    r = stack.post(OR, headers=api(stack, keys["acme_owner"]), data=json.dumps(body))
    assert r.status_code == 201, r.text
    return r.json()["id"], body


def move(stack, keys, rid, to, comment=None):
    body = {"status": to}
    if comment:
        body["comment"] = comment
    key = keys["acme_owner"] if to == "CANCELED" else keys["admin"]
    r = stack.post("%s/%s/status" % (OR, rid), headers=api(stack, key), data=json.dumps(body))
    assert r.status_code in (200, 201), r.text


def value_of(page, name):
    m = re.search(r'name="%s" type="[a-z]+" maxlength="\d+" value="([^"]*)"' % re.escape(name),
                  page)
    return htmlmod.unescape(m.group(1)) if m else None


def test_a_closed_request_starts_a_filled_form(stack, keys):
    sess, _ = browser_login(stack, "owner@acme.test")
    open_id, _ = make(stack, keys, "AGAIN-OPEN")
    assert 'id="new-from-this"' not in sess.get(stack.url("/requests/" + open_id)).text
    for to, ref in (("REJECTED", "AGAIN-REJ"), ("CANCELED", "AGAIN-CAN"),
                    ("COMPLETED", "AGAIN-DONE")):
        rid, body = make(stack, keys, ref)
        if to == "REJECTED":
            move(stack, keys, rid, "REJECTED", "Wrong site")
        elif to == "CANCELED":
            move(stack, keys, rid, "CANCELED")
        else:
            move(stack, keys, rid, "IN_PROGRESS")
            move(stack, keys, rid, "COMPLETED")
        page = sess.get(stack.url("/requests/" + rid)).text
        link = re.search(r'<a class="button secondary" id="new-from-this" href="([^"]+)">',
                         page)
        assert link, (to, page[-3000:])
        href = htmlmod.unescape(link.group(1))
        assert href == "/requests/new/R_BVPN_FR_1?from=%s" % rid
        form = sess.get(stack.url(href)).text
        assert "This form holds the values of request %s" % rid in form
        props = body["properties"]
        for path, want in (("contacts.primary.email", props["contacts"]["primary"]["email"]),
                           ("contacts.primary.lastName", "LANGEL"),
                           ("contacts.secondary.email", "nina.holm@example.net"),
                           ("contacts.secondary.firstName", "Nina"),
                           ("servicePoint.reference", "BVPN-ACME-0001"),
                           ("customerReference", ref)):
            assert value_of(form, path) == want, (path, value_of(form, path))
        assert ">Second floor, room &lt;12&gt;</textarea>" in form
        # the date is asked again, from the earliest allowed
        assert 'value="%s"' % workdays.earliest().isoformat() in form


def test_nothing_is_filled_from_a_request_not_ones_own(stack, keys):
    rid, _ = make(stack, keys, "AGAIN-OTHER")
    move(stack, keys, rid, "REJECTED", "No")
    other, _ = browser_login(stack, "owner@fdj.test")
    r = other.get(stack.url("/requests/new/R_BVPN_FR_1?from=%s" % rid))
    if r.status_code == 200:        # FDJ may make this type: an empty form
        assert "nina.holm" not in r.text and "AGAIN-OTHER" not in r.text
        assert "holds the values" not in r.text
    else:
        assert r.status_code == 404
    viewer, _ = browser_login(stack, "viewer@fdj.test")
    assert 'id="new-from-this"' not in viewer.get(stack.url("/requests/" + rid)).text
