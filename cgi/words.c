/*
 * words.c — codes in words; see words.h.  Each set is two parallel,
 * NULL-terminated lists: the codes, and their English words (marked for
 * translation, translated by tr() when read).
 */
#include <stddef.h>
#include <string.h>

#include "i18n.h"
#include "words.h"

struct wset {
	const char		*ctx;	/* the texts' context (NC_) */
	const char *const	*codes;
	const char *const	*texts;
};

#define SET(name, ...) static const char *const name[] = { __VA_ARGS__, NULL }

SET(status_codes, "NEW", "IN_PROGRESS", "COMPLETED", "REJECTED", "CANCELED");
SET(status_texts, NC_("request status", "New"), NC_("request status", "In progress"), NC_("request status", "Completed"), NC_("request status", "Rejected"),
    NC_("request status", "Cancelled"));
SET(category_codes, "NEW", "CHANGE", "DISCONNECT");
SET(category_texts, NC_("request category", "New site"), NC_("request category", "Change"), NC_("request category", "Disconnection"));
SET(inet_state_codes, "NEW", "HAS_OFFER", "ORDERED", "CONFIRMED", "ACTIVE", "CANCELLED");
SET(inet_state_texts, NC_("Internet request state", "Waiting for offers"), NC_("Internet request state", "Offers to choose from"),
    NC_("Internet request state", "Ordered"), NC_("Internet request state", "Confirmed"), NC_("Internet request state", "Active"), NC_("Internet request state", "Cancelled"));
SET(account_state_codes, "ORDERED", "CONFIRMED", "ACTIVE", "CANCELLED");
SET(account_state_texts, NC_("Internet account state", "Ordered"), NC_("Internet account state", "Confirmed"), NC_("Internet account state", "Active"), NC_("Internet account state", "Cancelled"));
SET(install_codes, "7_30_TO_16", "7_30_TO_12", "12_TO_16");
/* TRANSLATORS: the time windows of an installation visit, from-to. */
SET(install_texts, NC_("installation time window", "7:30–16:00"), NC_("installation time window", "7:30–12:00"), NC_("installation time window", "12:00–16:00"));
SET(level_codes, "VIEWER", "MANAGER", "OWNER", "RESELLER", "RESELLER_ADMIN", "ADMIN");
SET(level_texts, NC_("access level", "Viewer"), NC_("access level", "Manager"), NC_("access level", "Owner"), NC_("access level", "Reseller"),
    NC_("access level", "Reseller administrator"), NC_("access level", "Operator"));
SET(sp_state_codes, "OPERATIONAL", "IN_PROGRESS", "SUSPENDED", "TERMINATED");
SET(sp_state_texts, NC_("service point state", "Operational"), NC_("service point state", "Being set up"), NC_("service point state", "Suspended"),
    NC_("service point state", "Terminated"));
SET(mail_state_codes, "queued", "sending", "sent", "dead");
SET(mail_state_texts, NC_("mail state", "Queued"), NC_("mail state", "Sending"), NC_("mail state", "Sent"), NC_("mail state", "Failed"));
SET(circuit_codes, "DSL", "FIBER");
SET(circuit_texts, NC_("kind of circuit", "DSL"), NC_("kind of circuit", "Fibre"));
SET(boolean_codes, "true", "false");
SET(boolean_texts, NC_("yes or no", "Yes"), NC_("yes or no", "No"));
SET(priority_codes, "low", "normal", "high");
SET(priority_texts, NC_("priority", "Low"), NC_("priority", "Normal"),
    NC_("priority", "High"));

/* Every code has its words. */
#define SAME(a, b) _Static_assert(sizeof(a) == sizeof(b), #a " and " #b " differ")
SAME(status_codes, status_texts);
SAME(category_codes, category_texts);
SAME(inet_state_codes, inet_state_texts);
SAME(account_state_codes, account_state_texts);
SAME(install_codes, install_texts);
SAME(level_codes, level_texts);
SAME(sp_state_codes, sp_state_texts);
SAME(mail_state_codes, mail_state_texts);
SAME(circuit_codes, circuit_texts);
SAME(boolean_codes, boolean_texts);
SAME(priority_codes, priority_texts);

static const struct wset sets[WS__MAX] = {
	[WS_STATUS] = { "request status", status_codes, status_texts },
	[WS_CATEGORY] = { "request category", category_codes, category_texts },
	[WS_INET_STATE] = { "Internet request state", inet_state_codes, inet_state_texts },
	[WS_ACCOUNT_STATE] = { "Internet account state", account_state_codes, account_state_texts },
	[WS_INSTALL_TIME] = { "installation time window", install_codes, install_texts },
	[WS_LEVEL] = { "access level", level_codes, level_texts },
	[WS_SP_STATE] = { "service point state", sp_state_codes, sp_state_texts },
	[WS_MAIL_STATE] = { "mail state", mail_state_codes, mail_state_texts },
	[WS_CIRCUIT] = { "kind of circuit", circuit_codes, circuit_texts },
	[WS_BOOLEAN] = { "yes or no", boolean_codes, boolean_texts },
	[WS_PRIORITY] = { "priority", priority_codes, priority_texts },
};

const char *
word(enum wordset set, const char *lang, const char *code)
{
	size_t i;

	if (code == NULL || set >= WS__MAX)
		return code;
	for (i = 0; sets[set].codes[i] != NULL; i++)
		if (strcmp(sets[set].codes[i], code) == 0)
			return trc(lang, sets[set].ctx, sets[set].texts[i]);
	return code;
}

const char *const *
word_codes(enum wordset set)
{
	return sets[set < WS__MAX ? set : WS_BOOLEAN].codes;
}
