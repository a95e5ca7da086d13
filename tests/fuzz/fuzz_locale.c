/*
 * fuzz_locale — short texts from outside that a locale or a calendar
 * reads: an Accept-Language header (i18n.c lang_pick), a number typed in
 * a form in each language (l10n.c l10n_parse_number: prices of the offer
 * entry page), a time zone name (a profile's), and the dates of the
 * calendar (workday.c and inet_check.c parsers of requestedAt and
 * startDate).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "inet_check.h"
#include "l10n.h"
#include "util.h"
#include "workday.h"
#include "world.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	world_init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { "en", "fr", "da" };
	char	*text = malloc(size + 1);
	double	 v;
	long	 day;
	struct ymd d;
	size_t	 i;

	if (text == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	if (lang_pick(NULL, text, NULL) == NULL || lang_pick(text, text, text) == NULL)
		abort();
	for (i = 0; i < 3; i++)
		if (l10n_parse_number(langs[i], text, &v) == 0 && v != v)
			abort();			/* NaN is no number */
	(void)l10n_zone_valid(text);
	(void)tz_pick(text, text);
	(void)inet_parse_day(text, &day);
	(void)inet_iso_epoch(text);
	(void)utc_iso_epoch(text);
	(void)ymd_parse(text, &d);
	(void)ymd_parse_date(text, &d);
	(void)ymd_parse_utc_day(text, &d);
	(void)mail_address_valid(text);
	free(text);
	return 0;
}
