/*
 * l10n.c — dates, numbers and prices in a language's forms, through ICU;
 * see l10n.h.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/uenum.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "i18n.h"
#include "l10n.h"

/* The formatters of one thread, made on first use, freed with it. */
enum fkind { FK_DATETIME, FK_DATE, FK_NUMBER, FK_MONEY };

struct fmt {
	enum fkind	 kind;
	char		 locale[16];
	char		 tz[48];
	void		*f;		/* UDateFormat * or UNumberFormat * */
};

#define FMT_MAX 24

struct cache {
	struct fmt	 v[FMT_MAX];
	size_t		 n;
};

static pthread_key_t	cache_key;
static pthread_once_t	cache_once = PTHREAD_ONCE_INIT;

static void
fmt_close(struct fmt *f)
{
	if (f->kind == FK_DATETIME || f->kind == FK_DATE)
		udat_close(f->f);
	else
		unum_close(f->f);
}

static void
cache_free(void *p)
{
	struct cache	*c = p;
	size_t		 i;

	for (i = 0; i < c->n; i++)
		fmt_close(&c->v[i]);
	free(c);
}

static void
cache_key_make(void)
{
	pthread_key_create(&cache_key, cache_free);
}

/* The ICU locale of a language code. */
static const char *
icu_locale(const char *lang)
{
	const struct language *l = lang_find(lang);

	return l != NULL ? l->icu : languages[0].icu;
}

/* A new formatter of `kind` (NULL on failure). */
static void *
fmt_open(enum fkind kind, const char *locale, const char *tz)
{
	UErrorCode	 err = U_ZERO_ERROR;
	UChar		 utz[48];
	void		*f = NULL;

	switch (kind) {
	case FK_DATETIME:
	case FK_DATE:
		u_uastrncpy(utz, tz, sizeof(utz) / sizeof(utz[0]) - 1);
		utz[sizeof(utz) / sizeof(utz[0]) - 1] = 0;
		f = udat_open(kind == FK_DATE ? UDAT_NONE : UDAT_SHORT, UDAT_MEDIUM,
		    locale, utz, -1, NULL, -1, &err);
		break;
	case FK_NUMBER:
		f = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &err);
		break;
	case FK_MONEY:
		f = unum_open(UNUM_CURRENCY, NULL, 0, locale, NULL, &err);
		break;
	}
	if (U_FAILURE(err)) {
		if (f != NULL)
			(kind == FK_DATETIME || kind == FK_DATE) ? udat_close(f) : unum_close(f);
		return NULL;
	}
	return f;
}

/* This thread's formatter of `kind` for locale and time zone (tz may be
 * NULL for numbers), made on first use.  Borrowed, or NULL. */
static void *
fmt_get(enum fkind kind, const char *locale, const char *tz)
{
	struct cache	*c;
	struct fmt	*f;
	size_t		 i;

	if (tz == NULL)
		tz = "";
	if (strlen(locale) >= sizeof(f->locale) || strlen(tz) >= sizeof(f->tz))
		return NULL;
	pthread_once(&cache_once, cache_key_make);
	if ((c = pthread_getspecific(cache_key)) == NULL) {
		if ((c = calloc(1, sizeof(*c))) == NULL)
			return NULL;
		if (pthread_setspecific(cache_key, c) != 0) {
			free(c);
			return NULL;
		}
	}
	for (i = 0; i < c->n; i++)
		if (c->v[i].kind == kind && strcmp(c->v[i].locale, locale) == 0 &&
		    strcmp(c->v[i].tz, tz) == 0)
			return c->v[i].f;
	if (c->n == FMT_MAX) {		/* rare: many zones in one thread */
		fmt_close(&c->v[0]);
		memmove(&c->v[0], &c->v[1], sizeof(c->v[0]) * (FMT_MAX - 1));
		c->n--;
	}
	f = &c->v[c->n];
	f->kind = kind;
	snprintf(f->locale, sizeof(f->locale), "%s", locale);
	snprintf(f->tz, sizeof(f->tz), "%s", tz);
	if ((f->f = fmt_open(kind, locale, kind == FK_DATE ? "UTC" : tz)) == NULL)
		return NULL;
	c->n++;
	return f->f;
}

/* UTF-16 text to UTF-8 into out.  0 or -1. */
static int
to_utf8(const UChar *u, int32_t ulen, char *out, size_t len)
{
	UErrorCode	err = U_ZERO_ERROR;
	int32_t		n;

	u_strToUTF8(out, (int32_t)len, &n, u, ulen, &err);
	if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING || n >= (int32_t)len)
		return -1;
	return 0;
}

/* Copy `s` into out as it is (the fallback of a value that cannot be
 * formatted); returns -1. */
static int
as_given(const char *s, char *out, size_t len)
{
	snprintf(out, len, "%s", s != NULL ? s : "");
	return -1;
}

/* "YYYY-MM-DD[THH:MM[:SS[.fff]]Z]" to milliseconds since the epoch (UTC);
 * `day_only` ignores the time part.  0 or -1. */
static int
parse_instant(const char *s, int day_only, UDate *out)
{
	struct tm	tm;
	int		y, mo, d, h = 0, mi = 0, sec = 0, n = 0;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
		return -1;
	if (!day_only && s[10] == 'T' &&
	    sscanf(s + 11, "%2d:%2d:%2d", &h, &mi, &sec) < 2)
		return -1;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
	    sec > 60)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	*out = (UDate)timegm(&tm) * 1000.0;
	return 0;
}

/* Format `when` with a date formatter into out. */
static int
date_out(UDateFormat *f, UDate when, char *out, size_t len)
{
	UChar		 u[L10N_MAX];
	UErrorCode	 err = U_ZERO_ERROR;
	int32_t		 n;

	n = udat_format(f, when, u, L10N_MAX, NULL, &err);
	if (U_FAILURE(err) || n >= L10N_MAX)
		return -1;
	return to_utf8(u, n, out, len);
}

int
l10n_datetime(const char *lang, const char *tz, const char *iso, char *out,
    size_t len)
{
	UDateFormat	*f;
	UDate		 when;

	if (parse_instant(iso, 0, &when) < 0 ||
	    (f = fmt_get(FK_DATETIME, icu_locale(lang), tz ? tz : "Europe/Paris")) == NULL ||
	    date_out(f, when, out, len) < 0)
		return as_given(iso, out, len);
	return 0;
}

int
l10n_date(const char *lang, const char *day, char *out, size_t len)
{
	UDateFormat	*f;
	UDate		 when;

	if (parse_instant(day, 1, &when) < 0 ||
	    (f = fmt_get(FK_DATE, icu_locale(lang), "UTC")) == NULL ||
	    date_out(f, when, out, len) < 0)
		return as_given(day, out, len);
	return 0;
}

int
l10n_number(const char *lang, double value, int decimals, char *out, size_t len)
{
	UNumberFormat	*f;
	UChar		 u[L10N_MAX];
	UErrorCode	 err = U_ZERO_ERROR;
	int32_t		 n;
	char		 plain[64];

	snprintf(plain, sizeof(plain), "%.*f", decimals, value);
	if ((f = fmt_get(FK_NUMBER, icu_locale(lang), NULL)) == NULL)
		return as_given(plain, out, len);
	unum_setAttribute(f, UNUM_MIN_FRACTION_DIGITS, decimals);
	unum_setAttribute(f, UNUM_MAX_FRACTION_DIGITS, decimals);
	n = unum_formatDouble(f, value, u, L10N_MAX, NULL, &err);
	if (U_FAILURE(err) || n >= L10N_MAX || to_utf8(u, n, out, len) < 0)
		return as_given(plain, out, len);
	return 0;
}

int
l10n_money(const char *lang, const char *currency, double amount, char *out,
    size_t len)
{
	UNumberFormat	*f;
	UChar		 u[L10N_MAX], cur[4];
	UErrorCode	 err = U_ZERO_ERROR;
	int32_t		 n;
	char		 plain[64];

	snprintf(plain, sizeof(plain), "%.2f %s", amount, currency ? currency : "");
	if (currency == NULL || strlen(currency) != 3 ||
	    (f = fmt_get(FK_MONEY, icu_locale(lang), NULL)) == NULL)
		return as_given(plain, out, len);
	u_uastrncpy(cur, currency, 3);
	cur[3] = 0;
	n = unum_formatDoubleCurrency(f, amount, cur, u, L10N_MAX, NULL, &err);
	if (U_FAILURE(err) || n >= L10N_MAX || to_utf8(u, n, out, len) < 0)
		return as_given(plain, out, len);
	return 0;
}

int
l10n_zone_valid(const char *tz)
{
	UChar		 u[64], canon[64];
	UErrorCode	 err = U_ZERO_ERROR;
	UBool		 system = 0;
	int32_t		 n;

	if (tz == NULL || *tz == '\0' || strlen(tz) >= sizeof(u) / sizeof(u[0]))
		return 0;
	u_uastrncpy(u, tz, sizeof(u) / sizeof(u[0]) - 1);
	u[sizeof(u) / sizeof(u[0]) - 1] = 0;
	n = ucal_getCanonicalTimeZoneID(u, -1, canon, 64, &system, &err);
	return U_SUCCESS(err) && n > 0 && system;
}

int
l10n_zones(int (*fn)(void *ctx, const char *id), void *ctx)
{
	UEnumeration	*en;
	UErrorCode	 err = U_ZERO_ERROR;
	const char	*id;
	int32_t		 len;
	int		 rc = 0;

	en = ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, NULL,
	    NULL, &err);
	if (U_FAILURE(err))
		return -1;
	while ((id = uenum_next(en, &len, &err)) != NULL && U_SUCCESS(err))
		if (fn(ctx, id) != 0)
			break;
	if (U_FAILURE(err))
		rc = -1;
	uenum_close(en);
	return rc;
}

/* The language's decimal mark and grouping separator, as UTF-8. */
static int
symbols(const char *lang, char dec[8], char grp[8])
{
	UNumberFormat	*f;
	UChar		 u[8];
	UErrorCode	 err = U_ZERO_ERROR;
	int32_t		 n;

	if ((f = fmt_get(FK_NUMBER, icu_locale(lang), NULL)) == NULL)
		return -1;
	n = unum_getSymbol(f, UNUM_DECIMAL_SEPARATOR_SYMBOL, u, 8, &err);
	if (U_FAILURE(err) || n >= 8 || to_utf8(u, n, dec, 8) < 0)
		return -1;
	n = unum_getSymbol(f, UNUM_GROUPING_SEPARATOR_SYMBOL, u, 8, &err);
	if (U_FAILURE(err) || n >= 8 || to_utf8(u, n, grp, 8) < 0)
		return -1;
	return 0;
}

/* Is `p` a space people type between groups: a space, a no-break space
 * (U+00A0) or a narrow no-break space (U+202F)?  Its length, or 0. */
static size_t
space_at(const char *p)
{
	if (*p == ' ')
		return 1;
	if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
		return 2;
	if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0xaf)
		return 3;
	return 0;
}

/* Skip what may follow an amount: blanks, a currency sign or code. */
static const char *
skip_tail(const char *p)
{
	static const char *const tails[] = { "€", "EUR", "DKK", "kr.", "kr", "£", "$" };
	size_t	i, n;
	int	again = 1;

	while (again) {
		again = 0;
		while ((n = space_at(p)) > 0)
			p += n, again = 1;
		for (i = 0; i < sizeof(tails) / sizeof(tails[0]); i++)
			if (strncmp(p, tails[i], strlen(tails[i])) == 0) {
				p += strlen(tails[i]);
				again = 1;
				break;
			}
	}
	return p;
}

int
l10n_parse_number(const char *lang, const char *text, double *out)
{
	char		 dec[8], grp[8], clean[64];
	const char	*p;
	size_t		 n = 0, glen, dlen, sp, digits = 0;
	int		 grouped = 0, in_frac = 0, group_digits = 0;

	if (text == NULL || symbols(lang, dec, grp) < 0)
		return -1;
	glen = strlen(grp);
	dlen = strlen(dec);
	for (p = text; space_at(p) > 0; p += space_at(p))
		continue;
	if (*p == '-' || *p == '+')
		clean[n++] = *p++;
	for (; *p != '\0' && n < sizeof(clean) - 2; ) {
		sp = space_at(p);
		if (*p >= '0' && *p <= '9') {
			clean[n++] = *p++;
			digits++;
			group_digits++;
			continue;
		}
		if (!in_frac && ((glen > 0 && strncmp(p, grp, glen) == 0 &&
		    strcmp(grp, dec) != 0) || (sp > 0 && space_at(grp) > 0)) &&
		    p[sp > 0 ? sp : glen] >= '0' && p[sp > 0 ? sp : glen] <= '9') {
			/* a grouping separator: groups of three after the first */
			if (digits == 0 || group_digits > 3 || (grouped && group_digits != 3))
				return -1;
			grouped = 1;
			group_digits = 0;
			p += sp > 0 ? sp : glen;
			continue;
		}
		if (!in_frac && (strncmp(p, dec, dlen) == 0 ||
		    (*p == '.' && strcmp(grp, ".") != 0))) {
			if (grouped && group_digits != 3)
				return -1;
			in_frac = 1;
			clean[n++] = '.';
			p += *p == '.' && strncmp(p, dec, dlen) != 0 ? 1 : dlen;
			continue;
		}
		break;
	}
	if (!in_frac && grouped && group_digits != 3)
		return -1;
	if (digits == 0 || *skip_tail(p) != '\0')
		return -1;
	clean[n] = '\0';
	*out = strtod(clean, NULL);
	return isfinite(*out) ? 0 : -1;
}

int
l10n_country(const char *lang, const char *code, char *out, size_t len)
{
	UChar		 name[128];
	UErrorCode	 err = U_ZERO_ERROR;
	char		 locale[16];
	int32_t		 n;

	snprintf(out, len, "%s", code != NULL ? code : "");
	if (code == NULL || strlen(code) != 2)
		return -1;
	snprintf(locale, sizeof(locale), "und_%s", code);
	n = uloc_getDisplayCountry(locale, icu_locale(lang), name,
	    sizeof(name) / sizeof(name[0]), &err);
	if (U_FAILURE(err) || n <= 0 || n >= (int32_t)(sizeof(name) / sizeof(name[0])))
		return -1;
	/* ICU answers the code itself for a country it does not know */
	u_strToUTF8(out, (int32_t)len, NULL, name, n, &err);
	if (U_FAILURE(err)) {
		snprintf(out, len, "%s", code);
		return -1;
	}
	return 0;
}

void
l10n_size(const char *lang, long long bytes, char *out, size_t len)
{
	char	n[L10N_MAX];
	double	v = (double)bytes;

	if (bytes < 1024) {
		snprintf(n, sizeof(n), "%lld", bytes);
		tr_fill(out, len, trn(lang, "{1} byte", "{1} bytes", (unsigned long)bytes),
		    n, NULL);
		return;
	}
	if (bytes < 1024 * 1024) {
		l10n_number(lang, v / 1024, v < 10 * 1024 ? 1 : 0, n, sizeof(n));
		/* TRANSLATORS: a size in kibibytes, as a person writes it */
		tr_fill(out, len, tr(lang, "{1} KB"), n, NULL);
		return;
	}
	l10n_number(lang, v / (1024 * 1024), v < 10.0 * 1024 * 1024 ? 1 : 0, n, sizeof(n));
	/* TRANSLATORS: a size in mebibytes, as a person writes it */
	tr_fill(out, len, tr(lang, "{1} MB"), n, NULL);
}
