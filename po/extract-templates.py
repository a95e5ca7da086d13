#!/usr/bin/env python3
"""The texts to translate of the templates, as a gettext .pot file.

    po/extract-templates.py TEMPLATES_DIR > templates.pot

A text to translate is written [[like this]] in a template (HTML or
mail); its message id is the text with every run of blanks (spaces, tabs,
line breaks) folded to one space and the ends trimmed, exactly as
cgi/tpl.cc folds it when it makes a template's variant in a language.
"""

import os
import re
import sys

MARK = re.compile(r"\[\[(.*?)\]\]", re.S)


def msgid(text):
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def po_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: po/extract-templates.py TEMPLATES_DIR")
    root = sys.argv[1]
    found = {}                      # msgid -> [places], in order of first use
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".tpl"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, os.path.dirname(os.path.abspath(root)))
            text = open(path, encoding="utf-8").read()
            for m in MARK.finditer(text):
                mid = msgid(m.group(1))
                if mid:
                    line = text.count("\n", 0, m.start()) + 1
                    found.setdefault(mid, []).append("%s:%d" % (rel, line))
    out = sys.stdout
    out.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
    for mid, places in found.items():
        out.write("#: %s\n" % " ".join(places))
        if "{{" in mid:
            out.write("#. keep every {{NAME}} as it is: the page fills it in\n")
        out.write("msgid %s\nmsgstr \"\"\n\n" % po_string(mid))


if __name__ == "__main__":
    main()
