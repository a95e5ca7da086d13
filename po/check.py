#!/usr/bin/env python3
"""Are the translations whole?  Run by `make check`.

    po/check.py SRCDIR

Fails (exit 1), naming each problem, when:
  - a text of the sources (tr(), trn(), N_() in cgi/*.c, [[...]] in
    templates/) is not in po/reqdesk.pot: run `make update-po`;
  - a catalogue (po/LANG.po for each language of po/LINGUAS) lacks the
    translation of a message of the template, or has it only fuzzy;
  - a translation drops or adds a {{NAME}} of the template's text, an
    HTML tag, or a printf conversion (msgfmt --check checks the printf
    formats of C strings too).
"""

import os
import re
import subprocess
import sys
import tempfile

import polib


def extract(src, tmp):
    """The message ids the sources hold now."""
    cfiles = sorted(os.path.join(src, "cgi", f) for f in os.listdir(os.path.join(src, "cgi"))
                    if f.endswith(".c"))
    c_pot = os.path.join(tmp, "c.pot")
    subprocess.run(["xgettext", "--from-code=UTF-8", "--language=C", "--force-po",
                    "--keyword=tr:2", "--keyword=trn:2,3", "--keyword=trc:2c,3",
                    "--keyword=N_", "--keyword=NC_:1c,2",
                    "-o", c_pot] + cfiles, check=True)
    t_pot = os.path.join(tmp, "t.pot")
    with open(t_pot, "w") as out:
        subprocess.run([sys.executable, os.path.join(src, "po", "extract-templates.py"),
                        os.path.join(src, "templates")], check=True, stdout=out)
    ids = set()
    for path in (c_pot, t_pot):
        for e in polib.pofile(path):
            if e.msgid:
                ids.add((e.msgctxt, e.msgid))
    return ids


TAG = re.compile(r"</?[a-zA-Z][^>]*>")
VAR = re.compile(r"\{\{[^}]*\}\}|\{(?:[1-3]|label)\}")


def shape(s):
    return sorted(VAR.findall(s)), sorted(re.sub(r"\s+", " ", t) for t in TAG.findall(s))


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "."
    problems = []
    pot = polib.pofile(os.path.join(src, "po", "reqdesk.pot"))
    in_pot = {(e.msgctxt, e.msgid) for e in pot if e.msgid and not e.obsolete}
    with tempfile.TemporaryDirectory() as tmp:
        now = extract(src, tmp)
    for ctx, mid in sorted(now - in_pot, key=lambda x: x[1]):
        problems.append("po/reqdesk.pot lacks %r (run `make update-po`)" % mid)
    langs = []
    with open(os.path.join(src, "po", "LINGUAS")) as f:
        for line in f:
            if not line.startswith("#"):
                langs += line.split()
    for lang in langs:
        path = os.path.join(src, "po", lang + ".po")
        out = subprocess.run(["msgfmt", "--check", "-o", os.devnull, path],
                             capture_output=True, text=True)
        if out.returncode != 0:
            problems.append("%s: msgfmt --check: %s" % (path, out.stderr.strip()))
        po = {(e.msgctxt, e.msgid): e for e in polib.pofile(path) if not e.obsolete}
        for key in sorted(now, key=lambda x: x[1]):
            e = po.get(key)
            if e is None:
                problems.append("%s: no entry for %r (run `make update-po`)" % (path, key[1]))
                continue
            texts = list(e.msgstr_plural.values()) if e.msgid_plural else [e.msgstr]
            if "fuzzy" in e.flags or not texts or not all(texts):
                problems.append("%s: %r is not translated" % (path, key[1]))
                continue
            for t in texts:
                if shape(t) != shape(e.msgid):
                    problems.append("%s: %r -> %r keeps not the same {{NAMES}} and tags"
                                    % (path, e.msgid, t))
    if problems:
        print("po/check.py: %d problem(s):" % len(problems))
        for p in problems:
            print("  - " + p)
        return 1
    print("po/check.py: %d messages, translated in %s" % (len(now), ", ".join(langs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
