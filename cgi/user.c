/*
 * user.c — the rules of a user's fields (e-mail, name, phone, level,
 * customer, reseller, password, API key label and prefix), shared by the
 * admin pages and the shell, so that both refuse the same input in the
 * same words.  See user.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "i18n.h"
#include "user.h"
#include "util.h"
#include "words.h"

static const char *v_text(const char *);
static const char *v_email(const char *);
static const char *v_phone(const char *);
static const char *v_level(const char *);
static const char *v_code(const char *);
static const char *v_prefix(const char *);
static const char *v_flag(const char *);

const struct afield_def user_fields[AF__MAX] = {
	{ "email", "EMAIL", v_email, 1, 0, 3, 254 }, /* AF_EMAIL */
	{ "name", "NAME", v_text, 1, 0, 1, 200 }, /* AF_NAME */
	{ "phone", "PHONE", v_phone, 0, 0, 0, 40 }, /* AF_PHONE */
	{ "level", "LEVEL", v_level, 1, 0, 1, 20 }, /* AF_LEVEL */
	{ "customer", "CUSTOMER", v_code, 0, 0, 1, 64 }, /* AF_CUSTOMER */
	{ "reseller", "RESELLER", v_code, 0, 0, 1, 64 }, /* AF_RESELLER */
	{ "password", "PASSWORD", v_text, 1, 1, 8, 1024 }, /* AF_PASSWORD */
	{ "label", "LABEL", v_text, 0, 0, 1, 100 }, /* AF_LABEL */
	{ "prefix", "PREFIX", v_prefix, 1, 0, 12, 12 }, /* AF_PREFIX */
	{ "disabled", "DISABLED", v_flag, 1, 0, 1, 1 }, /* AF_DISABLED */
};

/* Number of UTF-8 characters in s, or -1 if s is not valid UTF-8 or
 * holds a control character. */
static long
text_chars(const char *s)
{
	const unsigned char *p;

	if (utf8_valid_len(s) != strlen(s))
		return -1;
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return -1;
	return (long)utf8_chars(s, strlen(s));
}

/* Plain text: valid UTF-8 without control characters. */
static const char *
v_text(const char *v)
{
	return text_chars(v) < 0 ? N_("Only printable characters are allowed.") : NULL;
}

/* An e-mail address: local@domain.tld, no spaces. */
static const char *
v_email(const char *v)
{
	const char *at = strchr(v, '@'), *dot;

	if (at == NULL || at == v || strchr(at + 1, '@') != NULL ||
	    !mail_address_valid(v) || text_chars(v) < 0)	/* one rule with the outbox */
		return N_("Enter an e-mail address such as name@example.com.");
	dot = strrchr(at + 1, '.');
	if (dot == NULL || dot == at + 1 || dot[1] == '\0')
		return N_("Enter an e-mail address such as name@example.com.");
	return NULL;
}

/* A telephone number: digits, spaces and + ( ) - . */
static const char *
v_phone(const char *v)
{
	return v[strspn(v, "0123456789 +()-.")] != '\0' ?
	    N_("Use digits, spaces and + ( ) - only.") : NULL;
}

/* One of the access levels ({1}: their list, said by user_field_read). */
#define LEVEL_MESSAGE	N_("Choose one of {1}.")

static const char *
v_level(const char *v)
{
	return level_from_name(v) < 0 ? LEVEL_MESSAGE : NULL;
}

/* A customer or reseller id: letters, digits, '-' and '_'. */
static const char *
v_code(const char *v)
{
	return v[strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_")] != '\0' ? N_("Choose one from the list.") : NULL;
}

/* The public prefix of an API key: "rqk_" and 8 hex digits. */
static const char *
v_prefix(const char *v)
{
	return strncmp(v, "rqk_", 4) != 0 || !is_hex(v + 4, 8) ?
	    N_("Not the prefix of an API key.") : NULL;
}

/* "1" or "0". */
static const char *
v_flag(const char *v)
{
	return strcmp(v, "1") != 0 && strcmp(v, "0") != 0 ?
	    N_("Must be 1 or 0.") : NULL;
}

/* The levels as the shell types them, or in words in `lang`: "Viewer,
 * Manager, ... or Operator". */
static void
level_list(const char *lang, char *out, size_t len)
{
	char	 head[256] = "", joined[256];
	size_t	 i;

	for (i = 0; i + 1 < LVL__MAX; i++)
		snprintf(head + strlen(head), sizeof(head) - strlen(head), "%s%s",
		    i > 0 ? ", " : "", lang != NULL ? word(WS_LEVEL, lang, level_names[i]) :
		    level_names[i]);
	tr_fill(joined, sizeof(joined), tr(lang, N_("{1} or {2}")), head,
	    lang != NULL ? word(WS_LEVEL, lang, level_names[LVL__MAX - 1]) :
	    level_names[LVL__MAX - 1]);
	snprintf(out, len, "%s", joined);
}

/* The sentence of a validator's message in `lang` (NULL: English, as
 * the shell says it) into errbuf; the levels' lists its levels. */
static void
say(const char *lang, const char *msg, char errbuf[USER_FIELD_ERRLEN])
{
	char arg[256] = "";

	if (msg == LEVEL_MESSAGE)
		level_list(lang, arg, sizeof(arg));
	tr_fill(errbuf, USER_FIELD_ERRLEN, tr(lang, msg), arg, NULL);
}

/*
 * One field's value from `raw` (contract in user.h): a trimmed copy in
 * *val (unless secret), NULL when blank, then the required / length /
 * validator checks.  Returns 0, 1 with the message in *msg (errbuf, in
 * `lang`), or -1 on ENOMEM.  *val is the caller's in every case.
 */
int
user_field_read(const struct afield_def *d, const char *raw, const char *lang,
    char **val, const char **msg, char errbuf[USER_FIELD_ERRLEN])
{
	const char	*why = NULL;
	char		 number[24];
	size_t		 len, bound;
	long		 n;

	*val = NULL;
	*msg = NULL;
	if (!d->secret)
		raw += strspn(raw, " \t\r\n");
	len = strlen(raw);
	while (!d->secret && len > 0 && strchr(" \t\r\n", raw[len - 1]))
		len--;
	if (len > 0 && (*val = strndup(raw, len)) == NULL)
		return -1;
	if (*val == NULL) {
		if (d->required)
			why = N_("This field is required.");
	} else if ((n = text_chars(*val)) >= 0 && ((size_t)n < d->min ||
	    (size_t)n > d->max)) {
		bound = (size_t)n < d->min ? d->min : d->max;
		why = d->min == d->max ? trn(lang, "Must be {1} character long.",
		    "Must be {1} characters long.", bound) : (size_t)n < d->min ?
		    trn(lang, "At least {1} character is required.",
		    "At least {1} characters are required.", bound) :
		    trn(lang, "At most {1} character is allowed.",
		    "At most {1} characters are allowed.", bound);
		snprintf(number, sizeof(number), "%zu", bound);
		tr_fill(errbuf, USER_FIELD_ERRLEN, why, number, NULL);	/* in lang */
		*msg = errbuf;
		return 1;
	} else
		why = d->check(*val);
	if (why == NULL)
		return 0;
	say(lang, why, errbuf);
	*msg = errbuf;
	return 1;
}

/* The check of one form field, for the shell; contract in user.h. */
int
user_field_in(const char *field, const char *raw, const char *lang, char **val,
    const char **msg, char errbuf[USER_FIELD_ERRLEN])
{
	size_t i;

	*val = NULL;
	*msg = NULL;
	for (i = 0; i < AF__MAX; i++)
		if (strcmp(user_fields[i].name, field) == 0)
			return user_field_read(&user_fields[i], raw, lang, val, msg, errbuf);
	return -1;
}

int
user_field(const char *field, const char *raw, char **val, const char **msg,
    char errbuf[USER_FIELD_ERRLEN])
{
	return user_field_in(field, raw, NULL, val, msg, errbuf);
}
