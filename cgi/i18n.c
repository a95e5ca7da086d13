/*
 * i18n.c — languages, markets and translations; see i18n.h.
 */
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uloc.h>

#include "i18n.h"

const struct language languages[] = {
	{ "en", "English", NULL, "en_GB" },
	{ "fr", "Français", "reqdesk-fr", "fr_FR" },
	{ "da", "Dansk", "reqdesk-da", "da_DK" },
};
const size_t nlanguages = sizeof(languages) / sizeof(languages[0]);

static const struct market markets[] = {
	{ "FR", "fr", "Europe/Paris", "EUR" },
	{ "DK", "da", "Europe/Copenhagen", "DKK" },
};

/* Set by i18n_init, read-only once threads run. */
static int catalogues;

int
i18n_init(const char *localedir)
{
	size_t i;

	/* A LANGUAGE in the environment would take over every lookup. */
	unsetenv("LANGUAGE");
	if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL)
		return -1;
	for (i = 0; i < nlanguages; i++) {
		if (languages[i].domain == NULL)
			continue;
		if (bindtextdomain(languages[i].domain, localedir) == NULL ||
		    bind_textdomain_codeset(languages[i].domain, "UTF-8") == NULL)
			return -1;
	}
	catalogues = 1;
	return 0;
}

const struct language *
lang_find(const char *code)
{
	size_t i, n;

	if (code == NULL)
		return NULL;
	n = strcspn(code, "-_");
	for (i = 0; i < nlanguages; i++)
		if (n == strlen(languages[i].code) &&
		    strncasecmp(code, languages[i].code, n) == 0)
			return &languages[i];
	return NULL;
}

const char *
lang_code(const struct language *l)
{
	return l != NULL ? l->code : LANG_EN;
}

const struct market *
market_find(const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < sizeof(markets) / sizeof(markets[0]); i++)
		if (strcasecmp(markets[i].code, code) == 0)
			return &markets[i];
	return NULL;
}

const char *
tz_pick(const char *chosen, const char *market)
{
	const struct market *m;

	if (chosen != NULL && *chosen != '\0')
		return chosen;
	if ((m = market_find(market)) != NULL)
		return m->tz;
	return "Europe/Paris";
}

/* The best language of an Accept-Language header, or NULL (ICU's
 * matcher: q-values, regions, wildcards). */
static const struct language *
from_accept(const char *header)
{
	static const char *const avail[] = { "en", "fr", "da" };
	UEnumeration		*en;
	UAcceptResult		 how;
	UErrorCode		 err = U_ZERO_ERROR;
	char			 best[32];
	int32_t			 n;

	if (header == NULL || *header == '\0' || strlen(header) > 512)
		return NULL;
	en = uenum_openCharStringsEnumeration(avail, 3, &err);
	if (U_FAILURE(err))
		return NULL;
	n = uloc_acceptLanguageFromHTTP(best, sizeof(best), &how, header, en, &err);
	uenum_close(en);
	if (U_FAILURE(err) || n <= 0 || n >= (int32_t)sizeof(best) ||
	    how == ULOC_ACCEPT_FAILED)
		return NULL;
	best[n] = '\0';
	return lang_find(best);
}

const struct language *
lang_pick(const char *chosen, const char *accept_language, const char *market)
{
	const struct language	*l;
	const struct market	*m;

	if ((l = lang_find(chosen)) != NULL)
		return l;
	if ((l = from_accept(accept_language)) != NULL)
		return l;
	if ((m = market_find(market)) != NULL && (l = lang_find(m->lang)) != NULL)
		return l;
	return &languages[0];
}

const char *
tr(const char *lang, const char *msgid)
{
	const struct language *l = lang_find(lang);

	if (l == NULL || l->domain == NULL || !catalogues || msgid == NULL ||
	    *msgid == '\0')
		return msgid;
	return dgettext(l->domain, msgid);
}

const char *
trc(const char *lang, const char *ctx, const char *msgid)
{
	const struct language	*l = lang_find(lang);
	char			 key[256];
	const char		*t;
	size_t			 c, m;

	if (l == NULL || l->domain == NULL || !catalogues || msgid == NULL ||
	    ctx == NULL || (c = strlen(ctx)) + (m = strlen(msgid)) + 2 > sizeof(key))
		return tr(lang, msgid);
	/* gettext's own form of a message in context: ctx EOT msgid */
	memcpy(key, ctx, c);
	key[c] = '\004';
	memcpy(key + c + 1, msgid, m + 1);
	t = dgettext(l->domain, key);
	return t == key ? msgid : t;
}

void
tr_fill(char *out, size_t len, const char *tpl, const char *a1, const char *a2)
{
	const char	*p, *put;
	size_t		 n = 0;

	if (len == 0)
		return;
	for (p = tpl != NULL ? tpl : ""; *p != '\0' && n + 1 < len; p++) {
		if (p[0] != '{' || (p[1] != '1' && p[1] != '2') || p[2] != '}') {
			out[n++] = *p;
			continue;
		}
		for (put = p[1] == '1' ? a1 : a2; put != NULL && *put != '\0' &&
		    n + 1 < len; put++)
			out[n++] = *put;
		p += 2;
	}
	out[n] = '\0';
}

const char *
trn(const char *lang, const char *singular, const char *plural, unsigned long n)
{
	const struct language *l = lang_find(lang);

	if (l == NULL || l->domain == NULL || !catalogues)
		return n == 1 ? singular : plural;
	return dngettext(l->domain, singular, plural, n);
}
