/*
 * config.h — the desk's configuration: conf/reqdesk.conf (INI, read with
 * libinih) overridden by REQDESK_* environment variables.
 *
 * One global, filled once at start by config_load() and read-only after,
 * so every thread may read it without locking.
 *
 * Owns: the one struct config, its defaults, bounds and environment
 * names (the ckeys table of config.c).  Calls: i18n (a language named
 * by the configuration exists), util (mail addresses).  Never: changes
 * once threads start (config_set() serves the CLI's options, before),
 * or calls anything above the base layer.
 */
#ifndef REQDESK_CONFIG_H
#define REQDESK_CONFIG_H

struct config {
	char		*socket;	/* [server] socket: unix socket path */
	int		 workers;	/* [server] workers: processes */
	int		 threads;	/* [server] threads: per worker */
	long long	 body_max;	/* [server] body_max: bytes, 413 above */
	char		*base_url;	/* [server] base_url: for links in mail */
	char		*database;	/* [storage] database */
	int		 busy_timeout_ms; /* [storage] busy_timeout_ms */
	long long	 wal_limit;	/* [storage] wal_size_limit: bytes */
	char		*templates;	/* [paths] templates */
	char		*catalog;	/* [paths] catalog */
	char		*locale;	/* [paths] locale: the compiled translations */
	int		 session_idle_min; /* [auth] session_idle_minutes */
	int		 session_max_min;  /* [auth] session_max_minutes */
	int		 token_min;	/* [auth] token_minutes (POST /auth/login) */
	unsigned	 pwhash_mem_kib; /* [auth] password_memory_kib */
	int		 login_max_failures; /* [auth] login_max_failures */
	int		 login_lock_max_s;   /* [auth] login_lock_max_seconds */
	int		 rate_create_per_min; /* [limits] create_per_minute, 0: none */
	int		 rate_read_per_min;   /* [limits] read_per_minute, 0: none */
	int		 rate_admin;	      /* [limits] limit_admin: 1 limits ADMINs too */
	char		*mail_from;	/* [mail] from */
	char		*mail_operator;	/* [mail] operator: the operator's mailbox */
	char		*mail_operator_lang; /* [mail] operator_language: its mails' */
	char		*smtp_url;	/* [mail] smtp_url: smtp:// or smtps:// */
	char		*smtp_user;	/* [mail] smtp_user */
	char		*smtp_password;	/* [mail] smtp_password */
	int		 mail_max_attempts; /* [mail] max_attempts: then dead, */
	int		 mail_retry_hours; /* [mail] retry_hours: and this old */
	int		 mail_retry_base_s; /* [mail] retry_base_seconds: back-off unit */
	int		 mail_claim_s;	/* [mail] claim_seconds: a message's lease */
	int		 smtp_timeout_s; /* [mail] smtp_timeout_seconds: one send */
	int		 mail_poll_ms;	/* [mail] poll_ms */
	int		 mail_batch;	/* [mail] batch */
	int		 mail_keep_sent_days; /* [mail] keep_sent_days, 0: forever */
	long long	 attach_file_max;	/* [attachments] file_max: bytes of one file */
	long long	 attach_request_max;	/* [attachments] request_max: bytes per request */
	int		 attach_request_files;	/* [attachments] files_per_request */
	char		*operator_name;	/* [desk] operator_name: the author of the
					 * operator's notes on the Orange API */
	int		 due_soon_days;	/* [desk] due_soon_days: the inbox's "due soon" */
	int		 offer_due_days; /* [desk] offer_due_days: working days to
					 * answer an Internet request with offers */
	int		 inbox_window;	/* [desk] inbox_window: rows a filtered
					 * page of the inbox looks through */
	int		 inbox_count_window; /* [desk] inbox_count_window: ... a
					 * filtered view's count */
	/* [webhooks] (docs/WEBHOOKS.md) */
	char		*hook_allow;	/* allow: ranges a destination may be in
					 * although private (CIDR, comma list) */
	int		 hook_timeout_s; /* timeout_seconds: one delivery */
	int		 hook_retry_hours; /* retry_hours: then failed */
	int		 hook_retry_base_s; /* retry_base_seconds: back-off unit */
	int		 hook_retry_max_s; /* retry_max_seconds: longest wait */
	int		 hook_rotation_hours; /* rotation_hours: the old secret signs */
	int		 hook_claim_s;	/* claim_seconds: a message's lease */
	int		 hook_poll_ms;	/* poll_ms */
	int		 hook_batch;	/* batch */
	int		 hook_keep_days; /* keep_delivered_days, 0: forever */
	struct config_cidr {
		unsigned char	 addr[16];	/* IPv4 in the first 4 bytes */
		int		 bits, v6;
	}		 hook_ranges[16];	/* allow, parsed */
	int		 hook_nranges;
};

extern struct config config;

/*
 * Load defaults, then the file (path from REQDESK_CONFIG, or `path` if
 * not NULL, or the installed default if it exists), then the environment.
 * Returns 0, or -1 after printing why to stderr (file named explicitly but
 * unreadable, syntax error with its line, value out of range).
 */
int config_load(const char *path);

/* Parse "a.b.c.d/n" or "x:y::z/n" (no "/n": one address) into *c.  0 or -1. */
int config_cidr_parse(const char *s, struct config_cidr *c);

/* Free what config_load allocated (for leak checkers). */
void config_free(void);

/* Set one key ("section.name") from a string; 0 ok, -1 unknown or bad. */
int config_set(const char *section, const char *name, const char *value);

#endif
