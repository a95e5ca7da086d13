/*
 * l10n.h — values in the reader's forms: dates and times in a time zone,
 * numbers and prices with a currency, in the conventions of a language
 * (ICU's data: "1 déc. 2026, 08:36", "2 995,00 €", "2.995,00 kr."), and
 * numbers typed in those conventions read back.
 *
 * Every function takes the language's code ("en", "fr", "da"; NULL or
 * unknown: English) and writes UTF-8 text into the caller's buffer,
 * always NUL-terminated; 0, or -1 when the value cannot be read (the
 * buffer then holds the value as given, so a page never shows nothing).
 * Formatters are made once per thread and kept: safe from any thread.
 *
 * Owns: per-thread ICU formatters.  Calls: ICU, i18n (the language's
 * code).  Never: reads the process's locale or TZ.
 */
#ifndef REQDESK_L10N_H
#define REQDESK_L10N_H

#include <stddef.h>

#define L10N_MAX	128	/* room for any value this module writes */

/* An instant written as ISO 8601 UTC ("2026-12-01T07:36:38.316Z"), in
 * time zone `tz` (an IANA name; NULL: Europe/Paris), as a date and a time
 * to the minute. */
int  l10n_datetime(const char *lang, const char *tz, const char *iso,
	char *out, size_t len);

/* A calendar day "YYYY-MM-DD" (or the day of an ISO date-time, taken as
 * written: a requested day is no instant) as a date in words. */
int  l10n_date(const char *lang, const char *day, char *out, size_t len);

/* A number with `decimals` decimals, grouped as the language groups. */
int  l10n_number(const char *lang, double value, int decimals, char *out,
	size_t len);

/* A size in bytes as a person writes it in `lang` ("12 bytes", "1.5
 * KB", "10 MB"), into out. */
void l10n_size(const char *lang, long long bytes, char *out, size_t len);

/* An amount with its currency (ISO 4217 code: "EUR", "DKK"). */
int  l10n_money(const char *lang, const char *currency, double amount,
	char *out, size_t len);

/*
 * Read a number typed in the language's conventions: its decimal mark
 * and its grouping ("2.995,00" in Danish, "2 995,00" or "2995,00" in
 * French, "2,995.00" in English); groups of three digits only, at most
 * one decimal mark; blanks around it and a currency sign or code after
 * it are allowed.  A point is also taken as the decimal mark where it
 * is not the grouping one.  0 with *out set, or -1 (not such a number:
 * the caller reports it).
 */
int  l10n_parse_number(const char *lang, const char *text, double *out);

/* The name of the country `code` (ISO 3166, "FR") in `lang`: "France",
 * "Frankrig". */
int  l10n_country(const char *lang, const char *code, char *out, size_t len);

/* Is `tz` a time zone ICU knows by this name (an IANA id such as
 * "Europe/Paris")?  1 or 0. */
int  l10n_zone_valid(const char *tz);

/* Call fn(ctx, id) for every canonical IANA time zone (Region/City, in
 * ICU's order), until fn returns non-zero.  0, or -1 on an ICU error. */
int  l10n_zones(int (*fn)(void *ctx, const char *id), void *ctx);

#endif
