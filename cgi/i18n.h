/*
 * i18n.h — the languages of the desk (English, French, Danish) and the
 * translation of the words people read, through GNU gettext.
 *
 * A language is named by its code ("en", "fr", "da": static strings of
 * the table, comparable by pointer once picked).  Each language other
 * than English is its own gettext domain ("reqdesk-fr"), compiled from
 * po/LANG.po and looked up in the built-in C.UTF-8 locale, so that any
 * thread translates into any language at any time without touching the
 * process's locale: a request's language is an argument, never a global.
 *
 * Source strings are English, marked in C with N_() (for tables) and
 * translated with tr() / trn(); in templates with [[...]] (tpl.cc hands
 * each to tr() when it loads a template's language variants).  `make
 * update-po` extracts both into po/reqdesk.pot; `make check` fails on a
 * message that a catalogue lacks.
 *
 * Owns: the language table, the choice of a reader's language.  Calls:
 * gettext and ICU's Accept-Language matcher, nothing of the desk.
 * Never: reads a request or storage.
 */
#ifndef REQDESK_I18N_H
#define REQDESK_I18N_H

#include <stddef.h>

/* Marks a string for extraction without translating it (tables); NC_
 * also names the context that tells homonyms apart ("Ordered" of a
 * request, "Ordered" of an account: one word in English, two in French),
 * to give to trc() with the text. */
#define N_(s)		(s)
#define NC_(ctx, s)	(s)

/* The languages, English first (the source language and the fallback). */
#define LANG_EN	"en"

struct language {
	const char	*code;		/* "fr" */
	const char	*name;		/* in itself: "Français" */
	const char	*domain;	/* gettext domain, NULL for English */
	const char	*icu;		/* ICU locale for numbers and dates: "fr_FR" */
};

/* What a customer's market implies for the people who read about it. */
struct market {
	const char	*code;		/* "FR", "DK" */
	const char	*lang;		/* its language's code */
	const char	*tz;		/* its time zone */
	const char	*currency;	/* ISO 4217 code of its prices */
};

extern const struct language languages[];
extern const size_t nlanguages;

/*
 * Bind the catalogues under `localedir` (holding
 * C.UTF-8/LC_MESSAGES/reqdesk-LANG.mo) and select the C.UTF-8 locale for
 * messages.  Call once per process, before threads.  0, or -1 when the
 * catalogues cannot be used (logged by the caller): pages are then in
 * English.
 */
int  i18n_init(const char *localedir);

/* The language of `code` (case ignored, a region such as "fr-FR" or
 * "da_DK" allowed), or NULL when the desk does not speak it. */
const struct language *lang_find(const char *code);

/* The language's code, or "en" for NULL. */
const char *lang_code(const struct language *l);

/* The market of `code` ("FR"), or NULL when unknown. */
const struct market *market_find(const char *code);

/* The time zone of a reader: `chosen` (a user's setting, an IANA name)
 * if given, else that of the market, else Europe/Paris (the operator's).
 * Borrowed. */
const char *tz_pick(const char *chosen, const char *market);

/*
 * The language to read in: `chosen` (a user's setting) if the desk
 * speaks it; else the best of an Accept-Language header; else that of
 * the customer's market ("FR" -> French, "DK" -> Danish); else English.
 * Any argument may be NULL.  Never NULL.
 */
const struct language *lang_pick(const char *chosen, const char *accept_language,
	const char *market);

/* `msgid` in language `lang` (a code; NULL or unknown: English), or
 * msgid itself when the catalogue has none.  Borrowed, static. */
const char *tr(const char *lang, const char *msgid);

/* `msgid` in context `ctx` (as NC_ marked it), or msgid itself. */
const char *trc(const char *lang, const char *ctx, const char *msgid);

/* The singular or plural form for `n`, as the language counts. */
const char *trn(const char *lang, const char *singular, const char *plural,
	unsigned long n);

/* `tpl` (a translated text) with {1} and {2} replaced by a1 and a2 (NULL:
 * nothing), into out (always NUL-terminated, cut to fit).  Translated
 * texts hold no printf conversion: the words a sentence needs go in
 * this way, in the order the language puts them. */
void tr_fill(char *out, size_t len, const char *tpl, const char *a1, const char *a2);

#endif
