"""What the pages say, for the tests that read them (docs/I18N.md): dates
as ICU writes them in each language, and the codes, ISO times and
property paths that no page may show where a person reads it."""

import html
import re
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
COPENHAGEN = ZoneInfo("Europe/Copenhagen")

MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct",
           "Nov", "Dec"],
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
           "oct.", "nov.", "déc."],
    "da": ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.",
           "okt.", "nov.", "dec."],
}


def day(d, lang="en"):
    """A calendar day as the pages write it: 21 Dec 2026, 21 déc. 2026,
    21. dec. 2026."""
    month = MONTHS[lang][d.month - 1]
    return ("%d. %s %d" if lang == "da" else "%d %s %d") % (d.day, month, d.year)


def instant(dt, lang="en"):
    """An aware datetime, in its own zone, as the pages write it: 1 Dec
    2026, 08:36 / 1 déc. 2026, 08:36 / 1. dec. 2026 08.36."""
    if lang == "da":
        return "%s %02d.%02d" % (day(dt, lang), dt.hour, dt.minute)
    return "%s, %02d:%02d" % (day(dt, lang), dt.hour, dt.minute)


def nbsp(text):
    """Text with its no-break spaces (ICU's, in prices) made plain."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def readable(page):
    """The text of a page as a person reads it: the <main> element without
    its tags, attributes, scripts and hidden inputs, entities decoded."""
    m = re.search(r"<main[^>]*>(.*)</main>", page, re.S)
    text = m.group(1) if m else page
    text = re.sub(r"<script.*?</script>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]*>", " ", text)
    return html.unescape(text)


# Codes of the APIs that a person must never read, an ISO instant (the
# APIs' 2026-12-01T07:36:38.316Z), and property paths.
CODES = ("IN_PROGRESS", "HAS_OFFER", "CANCELED", "COMPLETED", "REJECTED",
         "7_30_TO_16", "7_30_TO_12", "12_TO_16", "OPERATIONAL", "DISCONNECT")
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
PATH = re.compile(r"\b(?:contacts|servicePoint|options|offers\[\d*\]|address2?|location)"
                  r"\.[A-Za-z._\[\]0-9]+")


def internal_codes(page):
    """The codes, ISO times and property paths the readable text of `page`
    holds: [] when it speaks only words."""
    text = readable(page)
    found = [c for c in CODES if re.search(r"\b%s\b" % re.escape(c), text)]
    found += ISO_TIME.findall(text)
    found += PATH.findall(text)
    return found
