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
#include "user.h"
#include "util.h"

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
	return text_chars(v) < 0 ? "Only printable characters are allowed." : NULL;
}

/* An e-mail address: local@domain.tld, no spaces. */
static const char *
v_email(const char *v)
{
	const char *at = strchr(v, '@'), *dot;

	if (at == NULL || at == v || strchr(at + 1, '@') != NULL ||
	    !mail_address_valid(v) || text_chars(v) < 0)	/* one rule with the outbox */
		return "Enter an e-mail address such as name@example.com.";
	dot = strrchr(at + 1, '.');
	if (dot == NULL || dot == at + 1 || dot[1] == '\0')
		return "Enter an e-mail address such as name@example.com.";
	return NULL;
}

/* A telephone number: digits, spaces and + ( ) - . */
static const char *
v_phone(const char *v)
{
	return v[strspn(v, "0123456789 +()-.")] != '\0' ?
	    "Use digits, spaces and + ( ) - only." : NULL;
}

/* One of the access levels. */
static const char *
v_level(const char *v)
{
	return level_from_name(v) < 0 ? "Choose one of VIEWER, MANAGER, OWNER, "
	    "RESELLER, RESELLER_ADMIN or ADMIN." : NULL;
}

/* A customer or reseller id: letters, digits, '-' and '_'. */
static const char *
v_code(const char *v)
{
	return v[strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_")] != '\0' ? "Choose one from the list." : NULL;
}

/* The public prefix of an API key: "rqk_" and 8 hex digits. */
static const char *
v_prefix(const char *v)
{
	return strncmp(v, "rqk_", 4) != 0 || !is_hex(v + 4, 8) ?
	    "Not the prefix of an API key." : NULL;
}

/* "1" or "0". */
static const char *
v_flag(const char *v)
{
	return strcmp(v, "1") != 0 && strcmp(v, "0") != 0 ?
	    "Must be 1 or 0." : NULL;
}

/*
 * One field's value from `raw` (contract in user.h): a trimmed copy in *val (unless secret),
 * NULL when blank, then the required / length / validator checks.
 * Returns 0, 1 with the message in *msg (static or in errbuf), or -1 on
 * ENOMEM.  *val is the caller's in every case.
 */
int
user_field_read(const struct afield_def *d, const char *raw, char **val,
    const char **msg, char errbuf[USER_FIELD_ERRLEN])
{
	size_t	len;
	long	n;

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
			*msg = "This field is required.";
		return *msg != NULL;
	}
	n = text_chars(*val);
	if (n >= 0 && ((size_t)n < d->min || (size_t)n > d->max)) {
		snprintf(errbuf, USER_FIELD_ERRLEN, d->min == d->max ?
		    "Must be %zu characters long." : (size_t)n < d->min ?
		    "At least %zu characters are required." :
		    "At most %zu characters are allowed.",
		    (size_t)n < d->min ? d->min : d->max);
		*msg = errbuf;
	} else
		*msg = d->check(*val);
	return *msg != NULL;
}

/* The check of one form field, for the shell; contract in user.h. */
int
user_field(const char *field, const char *raw, char **val, const char **msg,
    char errbuf[USER_FIELD_ERRLEN])
{
	size_t i;

	*val = NULL;
	*msg = NULL;
	for (i = 0; i < AF__MAX; i++)
		if (strcmp(user_fields[i].name, field) == 0)
			return user_field_read(&user_fields[i], raw, val, msg, errbuf);
	return -1;
}
