#!/usr/bin/env python3
"""Write the seed corpora of the fuzz harnesses (tests/fuzz/corpus/NAME/)
from the repository's own test data: the case folders (tests/cases/), the
catalog files (conf/catalog/, tests/catalog/) and a few texts written
here.  Files are named by the SHA-1 of their content, as libFuzzer names
what it adds; bodies over 4 KiB are left out (the corpus stays small).

    tests/fuzz/make_corpus.py          rewrite every corpus
"""

import hashlib
import json
import os
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
OUT = HERE / "corpus"
MAX = 4096

PLACEHOLDER = re.compile(r"@([A-Z_]+)([+-][0-9]+)?")
# A day kind of the case folders (@EARLIEST, @WORKDAY+3, @SATURDAY...) is
# a plain date in a seed; any other placeholder names an object: an id.
DAY = "2031-03-03"
OBJECT_ID = "5eed0000000000000000ad01"


def fill(text):
    """The placeholders of the case folders (tests/cases/README.md) made
    a date or an id, so that the seeds are plain bodies."""
    def one(m):
        name = m.group(1)
        is_day = name == "EARLIEST" or "DAY" in name or name in (
            "EASTER_MONDAY", "ASCENSION", "WHIT_MONDAY", "SATURDAY", "SUNDAY")
        return DAY if is_day else OBJECT_ID
    return PLACEHOLDER.sub(one, text)


def put(name, data):
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX:
        return
    d = OUT / name
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def cases():
    for family in ("orange", "internet"):
        for case in sorted((REPO / "tests/cases" / family).iterdir()):
            body = None
            for name in ("request.json", "request.txt"):
                if (case / name).exists():
                    body = fill((case / name).read_text())
            if body is None:
                continue
            conf = json.loads((case / "case.json").read_text())
            path = conf.get("path", "")
            if family == "orange":
                put("fuzz_orange_request", body)
            elif path.startswith("/internet/request/") or path.startswith("/internet/account"):
                put("fuzz_internet_update", body)
            else:
                put("fuzz_internet_request", body)


def catalogs():
    for f in sorted((REPO / "conf/catalog").glob("*.json")):
        put("fuzz_catalog_file", f.read_bytes())
    for f in sorted((REPO / "tests/catalog").rglob("*.json")):
        put("fuzz_catalog_file", f.read_bytes())


CSV = [
    "id,customer,name,reference,customerReference,state,profile,street,postcode,city,country\n"
    "SP-ACME-0002,ACME,\"ACME Marseille, port\",BVPN-ACME-0002,AAT-AA002-001,IN_PROGRESS,,"
    "\"1 quai \"\"du\"\" Port\",13002,Marseille,FR\n",
    "\ufeffid,customer,name,reference,customerReference,state,profile,street,postcode,city,country\r\n"
    "SP-X-1,FDJ,Site,,,OPERATIONAL,FDJ CONNECT OPTIMA 8M,,75001,Paris,FR\r\n\r\n"
    "SP-X-2,NOPE,Site,,,CLOSED,,,7500,Paris,FRA\r\n",
    "id,name,type,initiationFee,customers\n"
    "0a0000000000000000000001,\"Fiber 500, symmetric\",FIBER,false,\n"
    "0a0000000000000000000002,Fiber ACME,FIBER,,ACME;FDJ\n"
    "0a0000000000000000000003,Fiber installation,FIBER,true,\n",
    "id,name,type,initiationFee,customers\n0A00,x,COPPER,maybe,NOPE;;\n",
    "id,customer,address,zip,city\n0b0000000000000000000001,ACME,10 rue de la Paix,75002,Paris\n",
    "id,customer,address,zip,city\n\"0b0000000000000000000002\",NORDIC,\"a\nb\",\"\",\"unterminated\n",
]

MAIL = [
    "Your request 5eed0000000000000000f001 is now IN_PROGRESS.\n\nComment: ok\n",
    "Ligne avec é, à et ü\r\nTrailing space \nTab\t\n=equals= and a very long line " + "x" * 200,
    "Réclamation n° 42 — « urgent »",
    "\u00e9" * 60,
    "a\rb\n\r\n.\n..\nFrom me\n",
]

HTTP = [
    "offset=0&limit=250&sort=-requestedAt&fields=id,status\nreqdesk_session=abc; theme=dark\n"
    "email=owner%40fdj.test&password=demo-pass-1&csrf=00ff",
    "next=%2Frequests%2Fnew%3Fa%3D1&q=caf%C3%A9+au+lait\n__Host-reqdesk_session=x\nnext=//evil",
    "a&=b&c=&%zz=1&%00=2\n;;=;a==b\nf=%E2%82%AC&g=%C3&h=+",
    "next=/%09/evil.example\n\nnext=%2F%5Cevil",
]

LOCALE = [
    "fr-FR,fr;q=0.9,en;q=0.8", "da, en-GB;q=0.8, en;q=0.7", "*;q=0.1,de;q=1.0",
    "en;q=0.5x,fr;q=", "2.995,00", "2 995,00 €", "2,995.00 DKK", "1e308", "-0,5",
    "Europe/Paris", "2026-07-10T21:59:59Z", "2031-02-29", "0000-01-01", "9999-12-31T23:59:59.999Z",
]


B = "----WebKitFormBoundary7MA4YWxkTrZu0gW"
MULTIPART = [
    # raw: the Content-Type line, then the body
    "multipart/form-data; boundary=%s\n--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n"
    "\r\n00ff\r\n--%s\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nUne r\u00e9ponse\r\n"
    "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\dir\\\\scan.pdf\"\r\n"
    "Content-Type: application/pdf\r\n\r\n%%PDF-1.4\r\n%%%%EOF\r\n--%s--\r\n" % (B, B, B, B, B),
    "multipart/form-data; boundary=\"a b;c\"\npreamble\r\n--a b;c  \r\n\r\nno headers\r\n"
    "--a b;c\r\ncontent-disposition: form-data; name=a%22b; filename=\"x\\\"y/../z.txt\"\r\n\r\n"
    "\r\n--a b;c--",
    "multipart/form-data\n--x\r\n\r\n\r\n--x--",
    "Multipart/Form-Data; charset=utf-8; boundary=x\n--x\r\nContent-Disposition: attachment; "
    "name=\"f\"\r\n\r\nskipped\r\n--x\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n"
    "\r\n--x--\r\n",
    # round trip: 0x01, then fields "name 0x01 filename 0x01 content" split on 0xfe
    b"\x01csrf\x01\x0100ff\xfetext\x01\x01Une r\xc3\xa9ponse\xfefile\x01C:\\dir/scan.pdf"
    b"\x01%PDF-1.4\n%%EOF",
    b"\x01a\"b\\c\x01x\r\ny\x01\r\n--\xfe\x01\x01\xfe\xc3\xa9\x01" + "\u00e9".encode() * 130
    + b"\x01content",
]

CONVERSATION = [
    # first byte: bit 0 the family (0 Orange, 1 Internet), bit 1 a file,
    # bits 2-3 the caller (owner, colleague, ADMIN, another customer)
    b"\x00" + json.dumps({"title": "Question", "body": "Quand ?\nMerci", "author": "x"}).encode(),
    b"\x08" + json.dumps({"title": "", "body": "Note interne", "internal": True}).encode(),
    b"\x01" + json.dumps({"text": "A reply\twith a tab"}).encode(),
    b"\x09" + json.dumps({"text": "internal", "internal": True}).encode(),
    b"\x0c" + json.dumps({"title": "x", "body": "another customer's"}).encode(),
    b"\x02" + json.dumps({"name": "scan.pdf", "format": "pdf",
                          "body": "JVBERi0xLjQKJeLjz9MKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK"}).encode(),
    b"\x03" + json.dumps({"name": "a.png", "body": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAA"
                          "DUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="}).encode(),
    b"\x0b" + json.dumps({"name": "list.csv", "body": "aWQsbmFtZQoxLGEKMixiCg==", "internal": True}).encode(),
    b"\x06" + json.dumps({"name": "notes.txt", "format": "txt", "body": "w6kgYmllbgo="}).encode(),
    b"\x07" + json.dumps({"name": "page.html", "body": "PGh0bWw+PHNjcmlwdD48L3NjcmlwdD4="}).encode(),
    b"\x0e" + json.dumps({"name": "x.txt", "format": "txt", "body": "eA=="}).encode(),
]


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    cases()
    catalogs()
    for t in CSV:
        put("fuzz_csv_import", t)
    for t in MAIL:
        put("fuzz_mail_encode", t)
    for t in HTTP:
        put("fuzz_http_input", t)
    for t in LOCALE:
        put("fuzz_locale", t)
    for t in MULTIPART:
        put("fuzz_multipart", t)
    for t in CONVERSATION:
        put("fuzz_conversation", t)
    for d in sorted(OUT.iterdir()):
        print("%-24s %4d seeds" % (d.name, len(list(d.iterdir()))), file=sys.stderr)


if __name__ == "__main__":
    main()
