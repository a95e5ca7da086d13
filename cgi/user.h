/*
 * user.h — the rules of a user's fields, declared once in one table
 * (user_fields[]): each field's form name, template variable, whether it
 * is required or secret, its length in characters and its own check.
 * The admin pages read their forms with it; `reqdesk user add` and
 * `reqdesk apikey create` check their arguments with user_field().
 *
 * Owns: the table of a user's fields (user_fields[]) and each field's
 * check and words.  Calls: auth (level names), i18n, words, util.
 * Never: reads or writes a row: the callers store what it let through.
 */
#ifndef REQDESK_USER_H
#define REQDESK_USER_H

#include <stddef.h>

/* Room for the message of a field in error. */
#define USER_FIELD_ERRLEN	320

enum afield {
	AF_EMAIL,
	AF_NAME,
	AF_PHONE,
	AF_LEVEL,
	AF_CUSTOMER,
	AF_RESELLER,
	AF_PASSWORD,
	AF_LABEL,
	AF_PREFIX,
	AF_DISABLED,
	AF__MAX
};

#define AFM(x)	(1u << (x))

/* A validator looks at a trimmed, non-empty value of the right length
 * and returns NULL if it is fine, else a message for the person: an
 * English text marked for translation (N_), which user_field_read()
 * says in the reader's language. */
typedef const char *(*validator_fn)(const char *value);

struct afield_def {
	const char	*name;		/* form field */
	const char	*var;		/* {{VAR}}, section VAR_ERROR, VAR_ERROR_TEXT */
	validator_fn	 check;
	int		 required;
	int		 secret;	/* not trimmed, never shown back, wiped */
	size_t		 min, max;	/* length in characters */
};

extern const struct afield_def user_fields[AF__MAX];

/*
 * One field's value from `raw`: a trimmed copy in *val (unless secret),
 * NULL when blank, then the required / length / validator checks.
 * Returns 0, 1 with the message in *msg (errbuf: a sentence in `lang`, a
 * language code; NULL: English, as the shell says it), or -1 on ENOMEM.
 * *val is the caller's in every case (wipe a secret's).
 */
int  user_field_read(const struct afield_def *d, const char *raw, const char *lang,
	char **val, const char **msg, char errbuf[USER_FIELD_ERRLEN]);

/*
 * Check `raw` as the admin forms check their field `field` ("email",
 * "name", "phone", "level", "customer", "reseller", "password", "label"):
 * trimmed unless it is the password, blank as absent, required or not,
 * length in characters, then the field's own rule.  Returns 0 with *val
 * a copy to free (NULL when blank; wipe a password's before freeing), 1
 * with the form's message in *msg (static or in errbuf), or -1 (ENOMEM,
 * unknown field).
 */
int  user_field(const char *field, const char *raw, char **val,
	const char **msg, char errbuf[USER_FIELD_ERRLEN]);

/* The same, the message in `lang` (a page's). */
int  user_field_in(const char *field, const char *raw, const char *lang,
	char **val, const char **msg, char errbuf[USER_FIELD_ERRLEN]);

#endif
