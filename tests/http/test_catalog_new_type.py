"""An operator adds a request type alone: a new type written only as a
file in the catalog directory (tests/catalog/good/N_SITE_FR_1.json: a
location with a SIREN and a French postal code, a contact with a closed
list of titles), reserved to named customers, is granted to a customer
with `reqdesk catalog grant`, is listed for that customer only, accepts a
valid body, and answers a pattern failure with the message its file
declares, in English and in French (Accept-Language), never with the
regular expression; revoking it removes it from catalogItems and the
forms at once."""

import os
import re
import shutil
import subprocess

import pytest

import stack as stackmod
import workdays
from conftest import api, browser_login, make_api_key

BASE = "/ordering/b2b/v2"
N = "N_SITE_FR_1"
CATALOG = stackmod.REPO / "conf" / "catalog"
FILE = stackmod.REPO / "tests" / "catalog" / "good" / (N + ".json")
D3620 = "The 'properties' attribute is not valid due to the following error : %s"


@pytest.fixture(scope="module")
def nstack(tmp_path_factory):
    cat = tmp_path_factory.mktemp("catalog")
    for p in list(CATALOG.glob("*.json")) + [FILE]:
        shutil.copy(p, cat / p.name)
    s = stackmod.start_stack(log_name="catalog-new-type", REQDESK_CATALOG=str(cat))
    try:
        s.catalog = str(cat)
        s.keys = {who: make_api_key(s, email) for who, email in (
            ("acme", "owner@acme.test"), ("fdj", "owner@fdj.test"),
            ("nordic", "owner@nordic.test"))}
        yield s
    finally:
        s.close()


def cli(s, *args):
    env = dict(os.environ, REQDESK_CONFIG=str(stackmod.REPO / "conf" / "reqdesk.conf"),
               REQDESK_CATALOG=s.catalog)
    return subprocess.run([os.path.join(s.build, "reqdesk"), "--db", s.db] + list(args),
                          capture_output=True, text=True, timeout=60, env=env)


def ids(s, who):
    r = s.get(BASE + "/catalogItems", headers={"X-API-Key": s.keys[who]})
    assert r.status_code == 200
    return sorted(i["id"] for i in r.json())


def body(**location):
    loc = {"name": "Agence Lyon Part-Dieu", "siren": "552100554",
           "address": {"street": "1 place Charles Béraudier", "postalCode": "69003",
                       "city": "Lyon"}}
    loc.update(location)
    return {"requestedAt": workdays.iso(workdays.earliest(20)), "type": N,
            "customerReference": "NEW-SITE-1",
            "properties": {"location": loc,
                           "contacts": {"primary": {"title": "MME", "lastName": "Martin",
                                                    "email": "c.martin@acme.test"}}}}


def post(s, who, b, lang=None):
    headers = api(s, s.keys[who])
    if lang:
        headers["Accept-Language"] = lang
    return s.post(BASE + "/requests", headers=headers, json=b)


def error(r, status, code, description):
    assert r.status_code == status, (r.status_code, r.text[:800])
    b = r.json()
    assert (b["code"], b["description"]) == (code, description), b
    return b


def test_a_new_type_from_a_file_granted_used_and_revoked(nstack):
    s = nstack
    # customized: nobody has it before a grant
    for who in ("acme", "fdj", "nordic"):
        assert N not in ids(s, who)
    assert post(s, "acme", body()).status_code == 403
    r = cli(s, "catalog", "grant", "NORDIC", N)            # market FR only
    assert r.returncode == 1 and "only for the market FR" in r.stderr, r
    r = cli(s, "catalog", "grant", "ACME", N)
    assert r.returncode == 0 and r.stdout.strip() == "Granted %s to ACME." % N, r
    # for that customer only
    assert N in ids(s, "acme")
    assert N not in ids(s, "fdj") and N not in ids(s, "nordic")
    item = [i for i in s.get(BASE + "/catalogItems",
                             headers={"X-API-Key": s.keys["acme"]}).json() if i["id"] == N][0]
    assert item["name"] == "New BVPN site" and item["catalog"] == {"type": "customized"}
    postal = item["schema"]["properties"]["location"]["properties"]["address"][
        "properties"]["postalCode"]
    assert postal["pattern"] == "^[0-9]{5}$"
    assert "must be a French postal code of 5 digits" in postal["description"]
    # a valid body
    r = post(s, "acme", body())
    assert r.status_code == 201, r.text[:800]
    assert r.json()["properties"]["location"]["siren"] == "552100554"

    # a pattern failure answers the declared message, in English ...
    bad = body(address={"street": "1 rue X", "postalCode": "6900", "city": "Lyon"})
    want_en = "'location.address.postalCode' must be a French postal code of 5 digits"
    error(post(s, "acme", bad), 422, 3620, D3620 % want_en)
    error(post(s, "acme", bad, "en-GB,en;q=0.8"), 422, 3620, D3620 % want_en)
    # ... and in French
    want_fr = "'location.address.postalCode' doit être un code postal français de 5 chiffres"
    error(post(s, "acme", bad, "fr-FR,fr;q=0.9,en;q=0.5"), 422, 3620, D3620 % want_fr)
    error(post(s, "acme", bad, "da, fr;q=0.8"), 422, 3620, D3620 % want_en)  # no Danish text
    # every failure of the body at once, each with its own words
    b = error(post(s, "acme", body(siren="55210055", address={
        "street": "x", "postalCode": "ABCDE", "city": "Lyon"}), "fr"), 422, 3620,
        D3620 % "'location.siren' doit être un numéro SIREN de 9 chiffres")
    assert [d["description"] for d in b["details"]] == [
        D3620 % "'location.siren' doit être un numéro SIREN de 9 chiffres", D3620 % want_fr]
    # a pattern without a declared message: a plain sentence, never the regex
    b = error(post(s, "acme", body(nic="12")), 422, 3620,
              D3620 % "'location.nic' is not in the expected format")
    assert "[0-9]" not in r.text + b["description"]
    # a closed list of titles
    bb = body()
    bb["properties"]["contacts"]["primary"]["title"] = "DR"
    error(post(s, "acme", bb), 422, 3620,
          D3620 % "'contacts.primary.title' must be one of M, MME")
    # the e-mail's format with its declared message
    bb = body()
    bb["properties"]["contacts"]["primary"]["email"] = "martin"
    error(post(s, "acme", bb, "fr"), 422, 3620, D3620 %
          "'contacts.primary.email' doit être une adresse e-mail comme nom@exemple.fr")

    # the form: listed, in the page's language, with the declared message
    sess, csrf = browser_login(s, "owner@acme.test")
    lst = sess.get(s.url("/requests/new"), timeout=10).text
    assert 'href="/requests/new/%s"' % N in lst
    form = sess.get(s.url("/requests/new/" + N), timeout=10)
    assert form.status_code == 200
    assert "Postal code" in form.text and "SIREN number" in form.text
    assert "Code postal" not in form.text        # English page: no French run in
    data = {"csrf": csrf, "requestedAt": workdays.iso(workdays.earliest(20)),
            "location.name": "Site", "location.siren": "552100554",
            "location.address.street": "1 rue X", "location.address.postalCode": "750",
            "location.address.city": "Paris", "contacts.primary.title": "M",
            "contacts.primary.lastName": "Doe", "contacts.primary.email": "d@acme.test"}
    r = sess.post(s.url("/requests/new/" + N), data=data, allow_redirects=False, timeout=10)
    assert r.status_code == 422
    err = re.search(r'id="location.address.postalCode-error">([^<]*)<', r.text).group(1)
    assert "must be a French postal code of 5 digits" in err, err

    # revoked: gone at once from catalogItems and the forms
    r = cli(s, "catalog", "revoke", "ACME", N)
    assert r.returncode == 0, r
    assert N not in ids(s, "acme")
    assert 'href="/requests/new/%s"' % N not in sess.get(s.url("/requests/new"), timeout=10).text
    assert sess.get(s.url("/requests/new/" + N), timeout=10).status_code == 404
    assert post(s, "acme", body()).status_code == 403
