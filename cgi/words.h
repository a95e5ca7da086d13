/*
 * words.h — the codes of the desk as people read them: statuses, states,
 * categories, time windows, access levels, types of circuit, in the
 * reader's language ("IN_PROGRESS" -> "In progress" / "En cours" /
 * "I gang").  Pages and mails show these; the JSON APIs keep the codes.
 *
 * Owns: one table per closed set, each row a code and its English words
 * (marked for translation).  Calls i18n only.
 */
#ifndef REQDESK_WORDS_H
#define REQDESK_WORDS_H

/* The closed sets. */
enum wordset {
	WS_STATUS,		/* an ordering request's status: NEW, IN_PROGRESS... */
	WS_CATEGORY,		/* NEW, CHANGE, DISCONNECT */
	WS_INET_STATE,		/* an Internet request's state: NEW, HAS_OFFER, ORDERED... */
	WS_ACCOUNT_STATE,	/* ORDERED, CONFIRMED, ACTIVE, CANCELLED */
	WS_INSTALL_TIME,	/* 7_30_TO_16, 7_30_TO_12, 12_TO_16 */
	WS_LEVEL,		/* VIEWER ... ADMIN */
	WS_SP_STATE,		/* a service point's: OPERATIONAL... */
	WS_MAIL_STATE,		/* a mail's: queued, sending, sent, dead */
	WS_CIRCUIT,		/* DSL, FIBER */
	WS_BOOLEAN,		/* true, false */
	WS_PRIORITY,		/* a request's in the inbox: low, normal, high */
	WS__MAX
};

/* `code` of `set` in words in language `lang`; the code itself when the
 * set has no such code (never NULL for a non-NULL code; NULL for NULL).
 * Borrowed, static. */
const char *word(enum wordset set, const char *lang, const char *code);

/* The codes of a set, in their order, NULL-terminated (static). */
const char *const *word_codes(enum wordset set);

#endif
