/*
 * config.c — configuration file and environment overrides.
 */
#include <errno.h>
#include <stddef.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <ini.h>

#include "config.h"
#include "i18n.h"
#include "util.h"

struct config config;

enum ctype { C_STR, C_INT, C_SIZE, C_UINT };

/* Every key: section, name, environment variable, type, target, bounds. */
static const struct ckey {
	const char	*section;
	const char	*name;
	const char	*env;
	enum ctype	 type;
	size_t		 off;
	long long	 min, max;
} ckeys[] = {
	{ "server", "socket", "REQDESK_SOCKET", C_STR, offsetof(struct config, socket), 0, 0 },
	{ "server", "workers", "REQDESK_WORKERS", C_INT, offsetof(struct config, workers), 1, 64 },
	{ "server", "threads", "REQDESK_THREADS", C_INT, offsetof(struct config, threads), 1, 256 },
	{ "server", "body_max", "REQDESK_BODY_MAX", C_SIZE, offsetof(struct config, body_max), 1024, 1LL << 30 },
	{ "server", "base_url", "REQDESK_BASE_URL", C_STR, offsetof(struct config, base_url), 0, 0 },
	{ "storage", "database", "REQDESK_DB", C_STR, offsetof(struct config, database), 0, 0 },
	{ "storage", "busy_timeout_ms", "REQDESK_BUSY_TIMEOUT_MS", C_INT, offsetof(struct config, busy_timeout_ms), 0, 600000 },
	{ "storage", "wal_size_limit", "REQDESK_WAL_LIMIT", C_SIZE, offsetof(struct config, wal_limit), 0, 1LL << 40 },
	{ "paths", "templates", "REQDESK_TEMPLATES", C_STR, offsetof(struct config, templates), 0, 0 },
	{ "paths", "catalog", "REQDESK_CATALOG", C_STR, offsetof(struct config, catalog), 0, 0 },
	{ "paths", "locale", "REQDESK_LOCALE", C_STR, offsetof(struct config, locale), 0, 0 },
	{ "auth", "session_idle_minutes", "REQDESK_SESSION_IDLE_MIN", C_INT, offsetof(struct config, session_idle_min), 1, 60 * 24 * 30 },
	{ "auth", "session_max_minutes", "REQDESK_SESSION_MAX_MIN", C_INT, offsetof(struct config, session_max_min), 1, 60 * 24 * 365 },
	{ "auth", "token_minutes", "REQDESK_TOKEN_MIN", C_INT, offsetof(struct config, token_min), 1, 60 * 24 },
	{ "auth", "password_memory_kib", "REQDESK_PWHASH_MEM_KIB", C_UINT, offsetof(struct config, pwhash_mem_kib), 8, 1 << 22 },
	{ "auth", "login_max_failures", "REQDESK_LOGIN_MAX_FAILURES", C_INT, offsetof(struct config, login_max_failures), 1, 1000 },
	{ "auth", "login_lock_max_seconds", "REQDESK_LOGIN_LOCK_MAX_S", C_INT, offsetof(struct config, login_lock_max_s), 1, 86400 },
	{ "limits", "create_per_minute", "REQDESK_RATE_CREATE", C_INT, offsetof(struct config, rate_create_per_min), 0, 1000000 },
	{ "limits", "read_per_minute", "REQDESK_RATE_READ", C_INT, offsetof(struct config, rate_read_per_min), 0, 1000000 },
	{ "limits", "limit_admin", "REQDESK_RATE_ADMIN", C_INT, offsetof(struct config, rate_admin), 0, 1 },
	{ "mail", "from", "REQDESK_MAIL_FROM", C_STR, offsetof(struct config, mail_from), 0, 0 },
	{ "mail", "operator", "REQDESK_MAIL_OPERATOR", C_STR, offsetof(struct config, mail_operator), 0, 0 },
	{ "mail", "operator_language", "REQDESK_MAIL_OPERATOR_LANGUAGE", C_STR, offsetof(struct config, mail_operator_lang), 0, 0 },
	{ "mail", "smtp_url", "REQDESK_SMTP_URL", C_STR, offsetof(struct config, smtp_url), 0, 0 },
	{ "mail", "smtp_user", "REQDESK_SMTP_USER", C_STR, offsetof(struct config, smtp_user), 0, 0 },
	{ "mail", "smtp_password", "REQDESK_SMTP_PASSWORD", C_STR, offsetof(struct config, smtp_password), 0, 0 },
	{ "mail", "max_attempts", "REQDESK_MAIL_MAX_ATTEMPTS", C_INT, offsetof(struct config, mail_max_attempts), 1, 100 },
	{ "mail", "retry_hours", "REQDESK_MAIL_RETRY_HOURS", C_INT, offsetof(struct config, mail_retry_hours), 0, 24 * 365 },
	{ "mail", "retry_base_seconds", "REQDESK_MAIL_RETRY_BASE_S", C_INT, offsetof(struct config, mail_retry_base_s), 1, 86400 },
	{ "mail", "claim_seconds", "REQDESK_MAIL_CLAIM_S", C_INT, offsetof(struct config, mail_claim_s), 1, 3600 },
	{ "mail", "smtp_timeout_seconds", "REQDESK_SMTP_TIMEOUT_S", C_INT, offsetof(struct config, smtp_timeout_s), 1, 3600 },
	{ "mail", "poll_ms", "REQDESK_MAIL_POLL_MS", C_INT, offsetof(struct config, mail_poll_ms), 10, 600000 },
	{ "mail", "batch", "REQDESK_MAIL_BATCH", C_INT, offsetof(struct config, mail_batch), 1, 1000 },
	{ "mail", "keep_sent_days", "REQDESK_MAIL_KEEP_SENT_DAYS", C_INT, offsetof(struct config, mail_keep_sent_days), 0, 36500 },
	{ "attachments", "file_max", "REQDESK_ATTACH_FILE_MAX", C_SIZE, offsetof(struct config, attach_file_max), 1, 256LL << 20 },
	{ "attachments", "request_max", "REQDESK_ATTACH_REQUEST_MAX", C_SIZE, offsetof(struct config, attach_request_max), 1, 16LL << 30 },
	{ "attachments", "files_per_request", "REQDESK_ATTACH_FILES", C_INT, offsetof(struct config, attach_request_files), 1, 100000 },
	{ "desk", "operator_name", "REQDESK_OPERATOR_NAME", C_STR, offsetof(struct config, operator_name), 0, 0 },
	{ "desk", "due_soon_days", "REQDESK_DUE_SOON_DAYS", C_INT, offsetof(struct config, due_soon_days), 0, 365 },
	{ "desk", "offer_due_days", "REQDESK_OFFER_DUE_DAYS", C_INT, offsetof(struct config, offer_due_days), 0, 365 },
	{ "desk", "inbox_window", "REQDESK_INBOX_WINDOW", C_INT, offsetof(struct config, inbox_window), 1, 1000000 },
	{ "desk", "inbox_count_window", "REQDESK_INBOX_COUNT_WINDOW", C_INT, offsetof(struct config, inbox_count_window), 1, 1000000 },
	{ "webhooks", "allow", "REQDESK_WEBHOOK_ALLOW", C_STR, offsetof(struct config, hook_allow), 0, 0 },
	{ "webhooks", "timeout_seconds", "REQDESK_WEBHOOK_TIMEOUT_S", C_INT, offsetof(struct config, hook_timeout_s), 1, 600 },
	{ "webhooks", "retry_hours", "REQDESK_WEBHOOK_RETRY_HOURS", C_INT, offsetof(struct config, hook_retry_hours), 0, 24 * 30 },
	{ "webhooks", "retry_base_seconds", "REQDESK_WEBHOOK_RETRY_BASE_S", C_INT, offsetof(struct config, hook_retry_base_s), 1, 86400 },
	{ "webhooks", "retry_max_seconds", "REQDESK_WEBHOOK_RETRY_MAX_S", C_INT, offsetof(struct config, hook_retry_max_s), 1, 86400 },
	{ "webhooks", "rotation_hours", "REQDESK_WEBHOOK_ROTATION_HOURS", C_INT, offsetof(struct config, hook_rotation_hours), 0, 24 * 30 },
	{ "webhooks", "claim_seconds", "REQDESK_WEBHOOK_CLAIM_S", C_INT, offsetof(struct config, hook_claim_s), 1, 3600 },
	{ "webhooks", "poll_ms", "REQDESK_WEBHOOK_POLL_MS", C_INT, offsetof(struct config, hook_poll_ms), 10, 600000 },
	{ "webhooks", "batch", "REQDESK_WEBHOOK_BATCH", C_INT, offsetof(struct config, hook_batch), 1, 1000 },
	{ "webhooks", "keep_delivered_days", "REQDESK_WEBHOOK_KEEP_DAYS", C_INT, offsetof(struct config, hook_keep_days), 0, 36500 },
};

/* Parse an integer with an optional K/M/G suffix (C_SIZE only). */
static int
parse_number(const char *s, enum ctype t, long long *out)
{
	char		*end;
	long long	 v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s)
		return -1;
	if (t == C_SIZE && *end != '\0') {
		long long mult = 1;
		switch (*end++) {
		case 'k': case 'K': mult = 1024; break;
		case 'm': case 'M': mult = 1024 * 1024; break;
		case 'g': case 'G': mult = 1024LL * 1024 * 1024; break;
		default: return -1;
		}
		if (*end == 'i' || *end == 'b' || *end == 'B')
			end++;
		if (*end == 'B')
			end++;
		if (v > LLONG_MAX / mult)
			return -1;
		v *= mult;
	}
	if (*end != '\0')
		return -1;
	*out = v;
	return 0;
}

/* Store `value` into the key's field; 0 ok, -1 out of range or bad. */
static int
ckey_store(const struct ckey *k, const char *value)
{
	char		*base = (char *)&config;
	long long	 v;

	if (k->type == C_STR) {
		char **p = (char **)(base + k->off);
		char *dup = strdup(value);
		if (dup == NULL)
			return -1;
		free(*p);
		*p = dup;
		return 0;
	}
	if (parse_number(value, k->type, &v) < 0 || v < k->min || v > k->max)
		return -1;
	switch (k->type) {
	case C_INT:  *(int *)(base + k->off) = (int)v; break;
	case C_UINT: *(unsigned *)(base + k->off) = (unsigned)v; break;
	case C_SIZE: *(long long *)(base + k->off) = v; break;
	case C_STR:  break;
	}
	return 0;
}

int
config_set(const char *section, const char *name, const char *value)
{
	size_t i;

	for (i = 0; i < sizeof(ckeys) / sizeof(ckeys[0]); i++)
		if (strcasecmp(ckeys[i].section, section) == 0 &&
		    strcasecmp(ckeys[i].name, name) == 0)
			return ckey_store(&ckeys[i], value);
	return -1;
}

/* inih callback: nonzero means success. Unknown keys of known sections of
 * later versions are reported, not fatal. */
static int
on_ini(void *user, const char *section, const char *name, const char *value)
{
	const char *file = user;

	if (config_set(section, name, value) == 0)
		return 1;
	fprintf(stderr, "reqdesk: %s: [%s] %s = %s: unknown key or bad value\n",
	    file, section, name, value);
	return 0;
}

static void
config_defaults(void)
{
	config_set("server", "socket", RUNSTATEDIR "/reqdesk/reqdesk.sock");
	config.workers = 1;
	config.threads = 12;
	config.body_max = 1024 * 1024;
	config_set("server", "base_url", "http://127.0.0.1:8080");
	config_set("storage", "database", LOCALSTATEDIR "/lib/reqdesk/reqdesk.db");
	config.busy_timeout_ms = 5000;
	config.wal_limit = 64LL * 1024 * 1024;
	config_set("paths", "templates", PKGDATADIR "/templates");
	config_set("paths", "catalog", PKGDATADIR "/catalog");
	config_set("paths", "locale", PKGDATADIR "/locale");
	config.session_idle_min = 60;
	config.session_max_min = 12 * 60;
	config.token_min = 15;
	config.pwhash_mem_kib = 64 * 1024;
	config.login_max_failures = 5;
	config.login_lock_max_s = 15 * 60;
	config.rate_create_per_min = 120;
	config.rate_read_per_min = 600;
	config.rate_admin = 0;
	config_set("mail", "from", "reqdesk <reqdesk@localhost>");
	config_set("mail", "operator", "operator@localhost");
	config_set("mail", "operator_language", "en");
	config_set("mail", "smtp_url", "smtp://127.0.0.1:25");
	config.mail_max_attempts = 8;
	config.mail_retry_hours = 48;
	config.mail_retry_base_s = 30;
	config.mail_claim_s = 120;
	config.smtp_timeout_s = 60;
	config.mail_poll_ms = 1000;
	config.mail_batch = 20;
	config.mail_keep_sent_days = 90;
	config.attach_file_max = 10 * 1024 * 1024;
	config.attach_request_max = 50 * 1024 * 1024;
	config.attach_request_files = 100;
	config_set("desk", "operator_name", "Orange");
	config.due_soon_days = 3;
	config.offer_due_days = 2;
	config.inbox_window = 10000;
	config.inbox_count_window = 5000;
	config_set("webhooks", "allow", "");
	config.hook_timeout_s = 10;
	config.hook_retry_hours = 24;
	config.hook_retry_base_s = 10;
	config.hook_retry_max_s = 3600;
	config.hook_rotation_hours = 24;
	config.hook_claim_s = 60;
	config.hook_poll_ms = 1000;
	config.hook_batch = 20;
	config.hook_keep_days = 30;
}

int
config_cidr_parse(const char *s, struct config_cidr *c)
{
	char		 text[64], *slash, *end;
	long		 bits;
	struct in_addr	 a4;
	struct in6_addr	 a6;

	while (*s == ' ' || *s == '\t')
		s++;
	if (snprintf(text, sizeof(text), "%s", s) >= (int)sizeof(text))
		return -1;
	for (end = text + strlen(text); end > text && (end[-1] == ' ' || end[-1] == '\t'); )
		*--end = '\0';
	memset(c, 0, sizeof(*c));
	if ((slash = strchr(text, '/')) != NULL)
		*slash++ = '\0';
	if (inet_pton(AF_INET, text, &a4) == 1) {
		memcpy(c->addr, &a4, 4);
		c->bits = 32;
	} else if (inet_pton(AF_INET6, text, &a6) == 1) {
		memcpy(c->addr, &a6, 16);
		c->bits = 128;
		c->v6 = 1;
	} else
		return -1;
	if (slash != NULL) {
		errno = 0;
		bits = strtol(slash, &end, 10);
		if (*slash == '\0' || *end != '\0' || errno != 0 || bits < 0 ||
		    bits > c->bits)
			return -1;
		c->bits = (int)bits;
	}
	return 0;
}

/* [webhooks] allow: a comma list of ranges.  0 or -1 (said on stderr). */
static int
hook_ranges_load(void)
{
	const char	*p = config.hook_allow != NULL ? config.hook_allow : "";
	char		 one[64];
	size_t		 n;

	config.hook_nranges = 0;
	while (*p != '\0') {
		n = strcspn(p, ",");
		if (n >= sizeof(one)) {
			fprintf(stderr, "reqdesk: [webhooks] allow: a range is too long\n");
			return -1;
		}
		memcpy(one, p, n);
		one[n] = '\0';
		if (one[strspn(one, " \t")] != '\0') {	/* "a, ,b": skipped */
			if (config.hook_nranges == (int)(sizeof(config.hook_ranges) /
			    sizeof(config.hook_ranges[0]))) {
				fprintf(stderr, "reqdesk: [webhooks] allow: at most 16 ranges\n");
				return -1;
			}
			if (config_cidr_parse(one, &config.hook_ranges[config.hook_nranges]) < 0) {
				fprintf(stderr, "reqdesk: [webhooks] allow: '%s' is not an "
				    "address or a range (10.1.0.0/16, fd00::/8)\n", one);
				return -1;
			}
			config.hook_nranges++;
		}
		p += n;
		if (*p == ',')
			p++;
	}
	return 0;
}

int
config_load(const char *path)
{
	const char	*env;
	size_t		 i;
	int		 rc, explicit_path;

	config_free();
	config_defaults();
	/* -c names the file for this command: it wins over the environment
	 * (a unit's REQDESK_CONFIG must not redirect an operator's -c). */
	if (path == NULL && (env = getenv("REQDESK_CONFIG")) != NULL && *env != '\0')
		path = env;
	explicit_path = path != NULL;
	if (path == NULL)
		path = SYSCONFDIR "/reqdesk.conf";
	if (explicit_path || access(path, R_OK) == 0) {
		rc = ini_parse(path, on_ini, (void *)path);
		if (rc < 0) {
			fprintf(stderr, "reqdesk: %s: cannot read configuration\n", path);
			return -1;
		} else if (rc > 0) {
			fprintf(stderr, "reqdesk: %s:%d: configuration error\n", path, rc);
			return -1;
		}
	}
	for (i = 0; i < sizeof(ckeys) / sizeof(ckeys[0]); i++) {
		if ((env = getenv(ckeys[i].env)) == NULL || *env == '\0')
			continue;
		if (ckey_store(&ckeys[i], env) < 0) {
			fprintf(stderr, "reqdesk: %s=%s: bad value\n", ckeys[i].env, env);
			return -1;
		}
	}
	/* Every request's creation mails the operator: an address the
	 * outbox would skip is a configuration error, said at start. */
	if (!mail_address_valid(config.mail_operator)) {
		fprintf(stderr, "reqdesk: [mail] operator: '%s' is not one plain "
		    "e-mail address\n", config.mail_operator ? config.mail_operator : "");
		return -1;
	}
	/* The operator's mails are written in a language the desk speaks. */
	if (lang_find(config.mail_operator_lang) == NULL ||
	    strlen(config.mail_operator_lang) != 2) {
		fprintf(stderr, "reqdesk: [mail] operator_language: '%s' is not "
		    "one of en, fr, da\n", config.mail_operator_lang ?
		    config.mail_operator_lang : "");
		return -1;
	}
	/* The mailer renews a message's lease just before sending it: a
	 * lease that can run out during the send lets another mailer claim
	 * the message and send it too. */
	if (hook_ranges_load() < 0)
		return -1;
	if (config.hook_claim_s <= config.hook_timeout_s) {
		fprintf(stderr, "reqdesk: [webhooks] claim_seconds (%d) must be larger "
		    "than timeout_seconds (%d)\n", config.hook_claim_s, config.hook_timeout_s);
		return -1;
	}
	if (config.mail_claim_s <= config.smtp_timeout_s) {
		fprintf(stderr, "reqdesk: [mail] claim_seconds (%d) must be larger "
		    "than smtp_timeout_seconds (%d), the longest one message may take "
		    "to send\n", config.mail_claim_s, config.smtp_timeout_s);
		return -1;
	}
	return 0;
}

void
config_free(void)
{
	size_t i;

	for (i = 0; i < sizeof(ckeys) / sizeof(ckeys[0]); i++)
		if (ckeys[i].type == C_STR) {
			char **p = (char **)((char *)&config + ckeys[i].off);
			free(*p);
			*p = NULL;
		}
}
