"""Conversations on requests through the JSON APIs (docs/CONVERSATIONS.md),
through nginx and the real desk: replies and internal notes, attached
files checked from their content, each family's shapes and errors, and
what another customer, a VIEWER and a customer's staff can never reach."""

import base64
import hashlib
import json
import zlib
import struct

import pytest

import bodies
import inet
from accounts import sql
from conftest import api

OR = "/ordering/b2b/v2/requests"


def png(width=1):
    """A real PNG image of `width` x 1 pixels."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(1))
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, 1, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


PDF = b"%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n"


def b64(data):
    return base64.b64encode(data).decode()


def post(s, key, path, body):
    return s.post(path, headers=api(s, key), data=json.dumps(body))


def get(s, key, path, **kw):
    return s.get(path, headers={"X-API-Key": key}, **kw)


def orange_error(r, status, code, message, description=None):
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert body["code"] == code and body["message"] == message, body
    if description is not None:
        assert body["description"] == description, body
    return body


@pytest.fixture(scope="module")
def acme_request(stack, keys):
    r = post(stack, keys["acme_owner"], OR, bodies.disconnect_body("CONV-1"))
    assert r.status_code == 201, r.text
    return r.json()["id"]


@pytest.fixture(scope="module")
def nordic_request(stack, keys):
    return inet.create(stack, keys["nordic_owner"], inet.fiber_body())["_id"]


# ---- Orange notes -----------------------------------------------------------

def test_a_reply_and_an_internal_note_on_a_bvpn_request(stack, keys, acme_request):
    notes = "%s/%s/notes" % (OR, acme_request)
    r = post(stack, keys["acme_owner"], notes,
             {"title": "Access", "body": "The site is closed on Mondays.\nCall first."})
    assert r.status_code == 201, r.text
    mine = r.json()
    assert set(mine) == {"id", "title", "body", "author", "createdAt", "updatedAt"}
    assert mine["body"] == "The site is closed on Mondays.\nCall first."
    assert mine["author"] != "Orange" and mine["author"]
    assert r.headers["Content-Location"] == notes
    r = post(stack, keys["admin"], notes, {"title": "Planning", "body": "Noted."})
    assert r.status_code == 201 and r.json()["author"] == "Orange"
    assert r.json()["internal"] is False
    r = post(stack, keys["admin"], notes, {"title": "Internal", "body": "Customer is "
                                           "slow to answer; escalate.", "internal": True})
    assert r.status_code == 201 and r.json()["internal"] is True
    # the customer's staff read the reply, never the internal note
    r = get(stack, keys["acme_manager"], notes)
    assert r.status_code == 200
    assert [n["title"] for n in r.json()] == ["Access", "Planning"]
    assert r.headers["X-Total-Count"] == "2" and r.headers["X-Result-Count"] == "2"
    assert "escalate" not in r.text and all("internal" not in n for n in r.json())
    # the operator reads all three, in order
    r = get(stack, keys["admin"], notes)
    assert [n["title"] for n in r.json()] == ["Access", "Planning", "Internal"]
    assert r.headers["X-Total-Count"] == "3"
    r = get(stack, keys["admin"], notes + "?limit=1&offset=2")
    assert [n["title"] for n in r.json()] == ["Internal"]
    assert r.headers["X-Total-Count"] == "3" and r.headers["X-Result-Count"] == "1"


def test_the_rules_of_a_note(stack, keys, acme_request):
    notes = "%s/%s/notes" % (OR, acme_request)
    key = keys["acme_owner"]
    orange_error(post(stack, key, notes, {"body": "x"}), 412, 65, "Precondition failed",
                 "The mandatory field 'title' is missing.")
    orange_error(post(stack, key, notes, {"title": "t"}), 412, 65, "Precondition failed",
                 "The mandatory field 'body' is missing.")
    orange_error(post(stack, key, notes, {"title": "t", "body": " \n "}), 412, 65,
                 "Precondition failed", "The mandatory field 'body' is missing.")
    orange_error(post(stack, key, notes, {"title": "t", "body": "é" * 10001}), 400, 21,
                 "Invalid body", "'body' must be a string of at most 10000 characters")
    orange_error(post(stack, key, notes, {"title": "t" * 201, "body": "b"}), 400, 21,
                 "Invalid body", "'title' must be a string of at most 200 characters")
    orange_error(post(stack, key, notes, {"title": "t", "body": "bell\u0007"}), 400, 21,
                 "Invalid body", "'body' must be UTF-8 text without control characters "
                 "other than line breaks")
    orange_error(post(stack, key, notes, {"title": "t", "body": 5}), 400, 21,
                 "Invalid body")
    orange_error(post(stack, key, notes, {"title": "t", "body": "b", "internal": "yes"}),
                 400, 21, "Invalid body", "'internal' must be true or false")
    orange_error(post(stack, key, notes, {"title": "t", "body": "b", "internal": True}),
                 403, 50, "Access denied", "Only the operator writes internal notes.")
    r = stack.post(notes, headers={"X-API-Key": key, "Content-Type": "text/plain"},
                   data="hello")
    assert r.status_code == 415
    orange_error(get(stack, key, notes + "?limit=251"), 400, 20, "Invalid query-string parameter",
                 "'offset' must be 0 or more and 'limit' between 0 and 250.")
    # 10,000 characters are allowed, in two-byte ones too
    assert post(stack, key, notes, {"title": "t", "body": "é" * 10000}).status_code == 201
    assert int(sql(stack, "SELECT count(*) FROM notes WHERE request_id = '%s' AND "
                          "length(body) = 10000" % acme_request)) == 1


def test_a_viewer_reads_but_does_not_write(stack, keys):
    r = post(stack, keys["fdj_owner"], OR, bodies.disconnect_body(
        "CONV-FDJ", {"reference": "BVPN-FDJ-0001"}))
    assert r.status_code == 201, r.text
    notes = "%s/%s/notes" % (OR, r.json()["id"])
    assert post(stack, keys["fdj_owner"], notes, {"title": "a", "body": "b"}).status_code == 201
    orange_error(post(stack, keys["fdj_viewer"], notes, {"title": "a", "body": "b"}),
                 403, 50, "Access denied")
    r = get(stack, keys["fdj_viewer"], notes)
    assert r.status_code == 200 and len(r.json()) == 1


def test_another_customer_reaches_nothing(stack, keys, acme_request):
    fdj = keys["fdj_owner"]
    for path in ("%s/%s/notes" % (OR, acme_request), "%s/%s/attachments" % (OR, acme_request)):
        orange_error(get(stack, fdj, path), 404, 60, "Resource not found",
                     "No request with this id.")
        orange_error(post(stack, fdj, path, {"title": "a", "body": "b", "name": "a.pdf",
                                            "format": "pdf", "body64": ""}),
                     404, 60, "Resource not found", "No request with this id.")
    # a file of ACME's, asked for by FDJ through FDJ's own or ACME's request
    r = post(stack, keys["acme_owner"], "%s/%s/attachments" % (OR, acme_request),
             {"name": "plan.pdf", "format": "application/pdf", "body": b64(PDF)})
    assert r.status_code == 201, r.text
    fid = r.json()["id"]
    mine = post(stack, fdj, OR, bodies.disconnect_body(
        "CONV-FDJ-2", {"reference": "BVPN-FDJ-0001"})).json()["id"]
    unknown = get(stack, fdj, "%s/%s/attachments/%s" % (OR, mine, "f" * 24))
    crossed = get(stack, fdj, "%s/%s/attachments/%s" % (OR, mine, fid))
    direct = get(stack, fdj, "%s/%s/attachments/%s" % (OR, acme_request, fid))
    assert unknown.status_code == crossed.status_code == 404
    assert unknown.json() == crossed.json()
    assert direct.status_code == 404 and direct.json()["description"] == "No request with this id."


# ---- Orange attachments -----------------------------------------------------

def test_a_file_is_checked_from_its_content_and_kept_once(stack, keys, acme_request):
    files = "%s/%s/attachments" % (OR, acme_request)
    image = png(3)
    r = post(stack, keys["acme_owner"], files,
             {"name": "scan.pdf", "format": "application/pdf", "body": b64(image)})
    assert r.status_code == 201, r.text
    a = r.json()
    assert a["mimeType"] == "image/png" and a["type"] == "png"   # not what the name says
    assert a["name"] == "scan.pdf" and a["size"] == len(image)
    assert a["sha256"] == hashlib.sha256(image).hexdigest()
    assert a["href"] == "%s/%s" % (files, a["id"]) == r.headers["Content-Location"]
    r = post(stack, keys["admin"], files, {"name": "again.png", "format": "png",
                                           "body": b64(image)})
    assert r.status_code == 201
    blobs = sql(stack, "SELECT count(*) FROM blobs WHERE sha256 = '%s'" %
                hashlib.sha256(image).hexdigest())
    assert blobs == "1"
    # the download: the same bytes, as an attachment that never runs as a page
    d = get(stack, keys["acme_manager"], a["href"])
    assert d.status_code == 200 and d.content == image
    assert d.headers["Content-Type"] == "image/png"
    assert d.headers["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''scan.pdf" in d.headers["Content-Disposition"]
    assert d.headers["X-Content-Type-Options"] == "nosniff"
    assert d.headers["Content-Security-Policy"].startswith("sandbox")
    r = get(stack, keys["acme_manager"], files)
    assert r.status_code == 200 and a["id"] in [x["id"] for x in r.json()]


def test_what_a_file_may_be(stack, keys, acme_request):
    files = "%s/%s/attachments" % (OR, acme_request)
    key = keys["acme_owner"]
    before = sql(stack, "SELECT count(*) FROM attachments")
    html = b"<html><script>alert(1)</script></html>"
    orange_error(post(stack, key, files, {"name": "a.txt", "format": "text/plain",
                                          "body": b64(html)}), 422, 21, "Invalid body")
    orange_error(post(stack, key, files, {"name": "a.pdf", "format": "pdf",
                                          "body": "not base64!"}), 400, 21, "Invalid body",
                 "'body' must be the content of the file in base64")
    orange_error(post(stack, key, files, {"name": "a.pdf", "format": "pdf", "body": ""}),
                 400, 21, "Invalid body", "'body' is an empty file")
    orange_error(post(stack, key, files, {"name": "../etc/x.pdf", "format": "pdf",
                                          "body": b64(PDF)}), 400, 21, "Invalid body")
    orange_error(post(stack, key, files, {"format": "pdf", "body": b64(PDF)}), 412, 65,
                 "Precondition failed", "The mandatory field 'name' is missing.")
    orange_error(post(stack, key, files, {"name": "a.pdf", "body": b64(PDF)}), 412, 65,
                 "Precondition failed", "The mandatory field 'format' is missing.")
    orange_error(post(stack, key, files, {"name": "a.pdf", "format": "pdf",
                                          "body": b64(PDF), "internal": True}),
                 403, 50, "Access denied")
    # text: UTF-8 only; CSV told from text by the name or the format given
    r = post(stack, key, files, {"name": "sites.csv", "format": "text/csv",
                                 "body": b64("site;ville\nA;Créteil\n".encode())})
    assert r.status_code == 201 and r.json()["mimeType"] == "text/csv"
    orange_error(post(stack, key, files, {"name": "latin1.txt", "format": "text/plain",
                                          "body": b64("Cr\xe9teil\n".encode("latin-1"))}),
                 422, 21, "Invalid body")
    after = sql(stack, "SELECT count(*) FROM attachments")
    assert int(after) == int(before) + 1


def test_ten_mebibytes_and_one_byte_are_refused(stack, keys, acme_request):
    files = "%s/%s/attachments" % (OR, acme_request)
    before = sql(stack, "SELECT count(*) || '/' || (SELECT count(*) FROM blobs) "
                        "FROM attachments")
    big = b"a" * (10 * 1024 * 1024 + 1)
    r = post(stack, keys["acme_owner"], files, {"name": "big.txt", "format": "text/plain",
                                               "body": b64(big)})
    orange_error(r, 413, 63, "Request entity too large", "The file is larger than 10 MiB.")
    assert sql(stack, "SELECT count(*) || '/' || (SELECT count(*) FROM blobs) "
                      "FROM attachments") == before
    # a body far past what a file may be is refused before it is read
    r = stack.post(files, headers=api(stack, keys["acme_owner"]),
                   data=b'{"name": "x", "body": "' + b"A" * (15 * 1024 * 1024) + b'"}')
    assert r.status_code == 413 and r.json()["code"] == 63


def test_an_internal_file_stays_the_operators(stack, keys, acme_request):
    files = "%s/%s/attachments" % (OR, acme_request)
    r = post(stack, keys["admin"], files, {"name": "margin.csv", "format": "text/csv",
                                           "body": b64(b"cost;price\n1;2\n"),
                                           "internal": True})
    assert r.status_code == 201 and r.json()["internal"] is True
    fid = r.json()["id"]
    assert fid not in get(stack, keys["acme_owner"], files).text
    assert get(stack, keys["acme_owner"], "%s/%s" % (files, fid)).status_code == 404
    assert get(stack, keys["admin"], "%s/%s" % (files, fid)).content == b"cost;price\n1;2\n"


# ---- TelecomX ---------------------------------------------------------------

def test_notes_on_an_internet_request(stack, keys, nordic_request):
    notes = "/internet/request/%s/notes" % nordic_request
    r = post(stack, keys["nordic_owner"], notes, {"text": "Is 10 Gbit/s possible here?"})
    assert r.status_code == 201, r.text
    n = r.json()
    assert set(n) == {"_id", "text", "author", "side", "created"}
    assert n["side"] == "customer" and n["author"]["_id"] == inet.NORDIC_OWNER
    assert post(stack, keys["admin"], notes, {"text": "Asking the provider.",
                                              "internal": True}).status_code == 201
    r = get(stack, keys["nordic_it"], notes)
    assert r.status_code == 200
    assert r.json()["total"] == 1 and [x["text"] for x in r.json()["notes"]] == \
        ["Is 10 Gbit/s possible here?"]
    r = get(stack, keys["admin"], notes + "?limit=1&offset=1")
    body = r.json()
    assert (body["offset"], body["limit"], body["total"]) == (1, 1, 2)
    assert body["notes"][0]["internal"] is True
    key = keys["nordic_owner"]
    inet.only_error(post(stack, key, notes, {}), 422, "text", "Text is required", "text",
                    "required")
    inet.only_error(post(stack, key, notes, {"text": "x" * 10001}), 422, "text",
                    "Invalid length. At most 10000 is required.", "text", "length")
    inet.only_error(post(stack, key, notes, {"text": 7}), 422, "text", "Must be a string",
                    "text", "type")
    inet.only_error(post(stack, key, notes, {"text": "a", "internal": True}), 403,
                    "access_denied", "Insufficient access level", "internal", "access")
    inet.only_error(post(stack, key, "/internet/request/%s/notes" % inet.UNKNOWN,
                         {"text": "a"}), 404, "not_found", "Internet request not found")
    inet.only_error(post(stack, keys["fdj_owner"], notes, {"text": "a"}), 404,
                    "not_found", "Internet request not found")
    inet.only_error(get(stack, key, notes + "?limit=0"), 400, "limit",
                    "offset must be 0 or more and limit between 1 and 250")


def test_files_on_an_internet_request(stack, keys, nordic_request):
    files = "/internet/request/%s/attachments" % nordic_request
    r = post(stack, keys["nordic_owner"], files, {"name": "floor plan.pdf",
                                                  "body": b64(PDF)})
    assert r.status_code == 201, r.text
    a = r.json()
    assert set(a) == {"_id", "name", "mimeType", "size", "sha256", "href", "created"}
    assert a["mimeType"] == "application/pdf"
    d = get(stack, keys["nordic_it"], a["href"])
    assert d.status_code == 200 and d.content == PDF
    assert "filename*=UTF-8''floor%20plan.pdf" in d.headers["Content-Disposition"]
    r = get(stack, keys["nordic_owner"], files)
    assert r.json()["total"] == 1 and r.json()["attachments"][0]["_id"] == a["_id"]
    inet.only_error(post(stack, keys["nordic_owner"], files,
                         {"name": "x.exe", "body": b64(b"MZ\x90\x00\x03" + b"\x00" * 60)}),
                    422, "body", "Must be a PDF, PNG, JPEG, CSV or plain text file (UTF-8); "
                    "the type is read from the content", "body", "type")
    inet.only_error(post(stack, keys["nordic_owner"], files,
                         {"name": "big.txt", "body": b64(b"a" * (10 * 1024 * 1024 + 1))}),
                    413, "payload_too_large", "The file is larger than 10 MiB", "body", "size")
    inet.only_error(get(stack, keys["fdj_owner"], a["href"]), 404, "not_found",
                    "Internet request not found")
    inet.only_error(get(stack, keys["nordic_owner"], "%s/%s" % (files, "0" * 24)), 404,
                    "not_found", "Attachment not found")


def test_the_files_a_request_may_hold(fresh_stack):
    from conftest import make_api_key
    s = fresh_stack(REQDESK_ATTACH_FILES="2", REQDESK_ATTACH_REQUEST_MAX="1K")
    key = make_api_key(s, "owner@acme.test")
    rid = post(s, key, OR, bodies.disconnect_body("FULL")).json()["id"]
    files = "%s/%s/attachments" % (OR, rid)
    ok = {"name": "a.txt", "format": "text/plain", "body": b64(b"a" * 600)}
    assert post(s, key, files, ok).status_code == 201
    r = post(s, key, files, ok)   # 1200 bytes in all: over request_max
    orange_error(r, 409, 62, "Conflict",
                 "This request holds as many files as it may; no more can be added.")
    small = {"name": "b.txt", "format": "text/plain", "body": b64(b"b\n")}
    assert post(s, key, files, small).status_code == 201
    orange_error(post(s, key, files, small), 409, 62, "Conflict")   # the third file
    assert sql(s, "SELECT count(*) FROM attachments") == "2"
