"""The customer and operator stories in a real browser, in French, Danish
and English, at 1280 and 390 px wide (tests/browser/stories.mjs): a BVPN
update, a disconnection, the operator moving a request on, an Internet
request with its offers, order and confirmation.  Every page they reach:

- passes axe-core's WCAG 2.1 A and AA rules (wcag2a, wcag2aa, wcag21a,
  wcag21aa) with no violation;
- is no wider than the viewport (document.documentElement.scrollWidth),
  has a skip link to its main content and its language in <html lang>;
- shows no internal code where a person reads it (statuses, time
  windows, property paths, raw ISO times: words.py);
- in French and Danish, holds no English sentence of the desk's own
  (a msgid of po/reqdesk.pot of four words or more, or an English text
  of the catalog, left untranslated) — nor does any mail of the stories
  sent to a reader of those languages.

Screenshots of every page, and what was found on each (pages.json), go
under the build directory: BUILD/test-output/browser/stories/LANG-WIDTH/
(never into the source tree).
"""

import json
import os
import re
import subprocess
import datetime

import polib
import pytest

import mailtools
import stack as stackmod
import words
import workdays

LANGS = ("fr", "da", "en")
WIDTHS = (1280, 390)
RESULTS = {}


def run_story(stack, lang, width):
    if (lang, width) in RESULTS:
        return RESULTS[(lang, width)]
    repo = stackmod.REPO
    shots = stackmod.build_dir() / "test-output" / "browser" / "stories" / ("%s-%d" % (lang, width))
    shots.mkdir(parents=True, exist_ok=True)
    out = shots / "pages.json"
    if out.exists():
        out.unlink()
    delivery = datetime.date.today() + datetime.timedelta(days=14)
    r = subprocess.run(
        ["node", str(repo / "tests" / "browser" / "stories.mjs"), stack.base, str(shots),
         lang, str(width), workdays.earliest().isoformat(), delivery.isoformat(), str(out)],
        cwd=str(repo), stdin=subprocess.DEVNULL, capture_output=True, timeout=300)
    log = (r.stdout + r.stderr).decode(errors="replace")
    (shots / "stories.log").write_text(log)
    assert r.returncode == 0, "stories.mjs %s %d exited %d:\n%s" % (lang, width, r.returncode, log)
    RESULTS[(lang, width)] = json.loads(out.read_text())["pages"]
    return RESULTS[(lang, width)]


def text_codes(text):
    """The internal codes, ISO times and property paths of a plain text."""
    found = [c for c in words.CODES if re.search(r"\b%s\b" % re.escape(c), text)]
    found += words.ISO_TIME.findall(text)
    found += words.PATH.findall(text)
    return found


# ---- what an untranslated English sentence looks like ----

# The keys of the catalog's texts for people (docs/CATALOG.md).
CATALOG_TEXTS = ("title", "description", "label", "help", "patternMessage")
PLACEHOLDER = re.compile(r"\{\{[^}]*\}\}|\{\d\}|<[^>]*>|%[sd]")


def english_sentences(repo):
    """Fragments of the desk's English texts (msgids of po/reqdesk.pot and
    the catalog's "en" texts) of four words or more that the French and
    Danish catalogues translate into something else: finding one on a
    French or Danish page means it was left in English."""
    fr = {e.msgid: e.msgstr for e in polib.pofile(str(repo / "po" / "fr.po"))}
    da = {e.msgid: e.msgstr for e in polib.pofile(str(repo / "po" / "da.po"))}
    texts = [e.msgid for e in polib.pofile(str(repo / "po" / "reqdesk.pot"))
             if fr.get(e.msgid) != e.msgid and da.get(e.msgid) != e.msgid]
    for f in sorted((repo / "conf" / "catalog").glob("*.json")):
        def walk(node):
            if isinstance(node, dict):
                if isinstance(node.get("en"), str):
                    texts.append(node["en"])
                for key, v in node.items():
                    if key in CATALOG_TEXTS and isinstance(v, str):
                        texts.append(v)   # a text in English only
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)
        walk(json.loads(f.read_text()))
    out = set()
    for t in texts:
        for frag in PLACEHOLDER.split(t.replace("\n", " ")):
            frag = " ".join(frag.split()).strip(" .,:;()—-")
            if len(frag.split()) >= 4:
                out.add(frag)
    return sorted(out)


def untranslated(text, sentences):
    flat = " ".join(words.nbsp(text).split())
    return [s for s in sentences if s in flat]


@pytest.fixture(scope="module")
def sentences():
    return english_sentences(stackmod.REPO)


def skip_sanitized():
    if os.environ.get("REQDESK_SANITIZED"):
        pytest.skip("browser tests run against the plain build only")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_stories_in_a_browser(stack, lang, width, sentences):
    skip_sanitized()
    pages = run_story(stack, lang, width)
    assert len(pages) >= 30, [p["name"] for p in pages]
    problems = []
    for p in pages:
        where = "%s (%s)" % (p["name"], p["url"])
        for v in p["axe"]:
            problems.append("%s: axe %s (%s): %s" % (where, v["id"], v["impact"], "; ".join(
                "%s: %s" % (n["target"], n["summary"].replace("\n", " ")) for n in v["nodes"])))
        if p["scrollWidth"] > width:
            problems.append("%s: %d px wide at %d (%s)" % (where, p["scrollWidth"], width,
                                                           ", ".join(p["wide"])))
        if width >= 1280 and p["selectsCut"]:
            problems.append("%s: options cut in %s" % (where, p["selectsCut"]))
        if p["htmlLang"] != lang:
            problems.append("%s: <html lang=%r>" % (where, p["htmlLang"]))
        if not p["skipLink"]:
            problems.append("%s: no skip link to #main" % where)
        codes = text_codes(p["text"])
        if codes:
            problems.append("%s: internal codes where a person reads: %s" % (where, codes))
        if lang != "en":
            left = untranslated(p["text"], sentences)
            if left:
                problems.append("%s: English left untranslated: %s" % (where, left))
        assert os.path.isfile(p["shot"]), p["shot"]
    assert not problems, "\n".join(problems)


def test_the_mails_of_the_stories_are_in_their_readers_language(stack, sentences):
    skip_sanitized()
    for lang in LANGS:
        run_story(stack, lang, WIDTHS[0])
    maildir = os.path.join(stack.data, "mail")
    # FDJ and ACME read French, NORDIC Danish (their customers' markets)
    readers = {"owner@fdj.test": "fr", "owner@acme.test": "fr",
               "paul.langel@mycompany.com": "fr", "owner@nordic.test": "da"}
    seen = {}
    problems = []
    msgs = mailtools.wait_for(lambda: [m for m in mailtools.messages(maildir)
                                       if "STORY-" in m.get_body(("plain",)).get_content()]
                              or None, what="the stories' mails")
    for m in msgs:
        to = str(m["To"]).strip("<>").lower()
        lang = readers.get(to)
        if lang is None:
            continue
        seen[to] = seen.get(to, 0) + 1
        for part in ("plain", "html"):
            body = m.get_body((part,))
            if body is None:
                problems.append("%s: %s has no %s part" % (to, m["Subject"], part))
                continue
            text = body.get_content()
            if part == "html":
                text = re.sub(r"<[^>]*>", " ", text)
            text = str(m["Subject"]) + "\n" + text
            left = untranslated(text, sentences)
            if left:
                problems.append("%s (%s, %s): English left: %s" % (to, m["Subject"], part, left))
            codes = text_codes(text)
            if codes:
                problems.append("%s (%s, %s): internal codes: %s" % (to, m["Subject"], part, codes))
    assert set(seen) >= {"owner@fdj.test", "owner@acme.test", "owner@nordic.test"}, seen
    assert not problems, "\n".join(problems)
