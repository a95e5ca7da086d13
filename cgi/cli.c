/*
 * cli.c — reqdesk: administration from the shell.
 *
 *   reqdesk [-c config] [--db PATH] init | demo | check | backup FILE
 *   reqdesk user add --email E --name N --level L [--customer C | --reseller R]
 *                    [--phone P] [--invite]  (password read from standard
 *                    input, or with --invite none: the user is mailed a link
 *                    to choose one; every value held to the admin form's
 *                    rules, user_field())
 *   reqdesk apikey create --user EMAIL [--label TEXT]   (prints the key alone)
 *   reqdesk apikey revoke PREFIX
 *   reqdesk import servicepoints FILE.csv   (header: id,customer,name,
 *                    reference,customerReference,state,profile,street,postcode,city,country)
 *   reqdesk import products FILE.csv        (header: id,name,type,initiationFee,customers)
 *   reqdesk import addresses FILE.csv       (header: id,customer,address,zip,city)
 *   reqdesk catalog list [CUSTOMER]         (the catalog's types, and grants)
 *   reqdesk catalog grant|revoke CUSTOMER TYPE   (customized catalogs)
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "autoconf.h"
#include "user.h"
#include "auth.h"
#include "catalog.h"
#include "catalog_grant.h"
#include "cli_import.h"
#include "config.h"
#include "demo.h"
#include "invite.h"
#include "log.h"
#include "store.h"
#include "pages.h"
#include "tpl.h"
#include "util.h"

struct cmd {
	const char	*name;
	const char	*sub;		/* second word, or NULL */
	int		 (*fn)(struct store *st, int argc, char *argv[]);
	int		 create;	/* may create the database */
	int		 migrate;	/* brings the schema up to date first */
	int		 args;		/* takes words or options after its name */
	const char	*usage;
};

static int
cmd_init(struct store *st, int argc, char *argv[])
{
	printf("%s: schema version %d\n", store_path(st), store_db_version(st));
	return 0;
}

static int
cmd_demo(struct store *st, int argc, char *argv[])
{
	if (demo_load(st) < 0) {
		fprintf(stderr, "reqdesk: demo data not loaded\n");
		return 1;
	}
	demo_print(config.base_url);
	return 0;
}

static int
cmd_backup(struct store *st, int argc, char *argv[])
{
	int rc;

	if (argc != 1) {
		fprintf(stderr, "usage: reqdesk backup FILE\n");
		return 2;
	}
	if ((rc = store_backup(st, argv[0])) < 0)
		return rc == -2 ? 2 : 1;
	printf("backup written to %s\n", argv[0]);
	return 0;
}

#define RESTORE_USAGE "restore FILE [--force]"

/* Is the directory of `path` empty (lost+found aside)?  1, 0, or -1
 * (cannot be read; errno). */
static int
dir_empty(const char *path)
{
	char		*copy = strdup(path);
	DIR		*d;
	struct dirent	*e;
	int		 empty = 1;

	if (copy == NULL || (d = opendir(dirname(copy))) == NULL) {
		free(copy);
		return -1;
	}
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
		    strcmp(e->d_name, "lost+found") != 0)
			empty = 0;
	closedir(d);
	free(copy);
	return empty;
}

/* --force: move the database and its -wal, -shm, -journal aside as
 * NAME.replaced-EPOCH[-wal...], never deleting them.  0 or -1. */
static int
move_aside(const char *db)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char		 from[4096], to[4200];
	long long	 now = (long long)time(NULL);
	size_t		 i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(from, sizeof(from), "%s%s", db, suffixes[i]);
		snprintf(to, sizeof(to), "%s.replaced-%lld%s", db, now, suffixes[i]);
		if (access(from, F_OK) != 0)
			continue;
		if (rename(from, to) < 0) {
			fprintf(stderr, "reqdesk: %s: %s\n", from, strerror(errno));
			return -1;
		}
		printf("moved %s aside to %s\n", from, to);
	}
	return 0;
}

/*
 * reqdesk restore FILE [--force]: a backup (reqdesk backup) becomes the
 * configured database.  Refused (exit 1) when the database's directory
 * is not empty, unless --force, which moves an existing database aside
 * (the desk must be stopped); the backup is checked before anything is
 * touched (store_restore), and migrated once in place.
 */
static int
cmd_restore(int argc, char *argv[])
{
	struct store	*st;
	const char	*from = NULL;
	char		 why[4400];
	int		 force = 0, i, empty;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--force") == 0)
			force = 1;
		else if (from == NULL && argv[i][0] != '-')
			from = argv[i];
		else
			from = NULL, i = argc;
	}
	if (from == NULL || argc > 2) {
		fprintf(stderr, "usage: reqdesk " RESTORE_USAGE "\n");
		return 2;
	}
	if (access(from, R_OK) != 0) {
		fprintf(stderr, "reqdesk: %s: %s\n", from, strerror(errno));
		return 1;
	}
	if ((empty = dir_empty(config.database)) < 0) {
		fprintf(stderr, "reqdesk: the directory of %s: %s\n", config.database,
		    strerror(errno));
		return 1;
	}
	if (!empty && !force) {
		fprintf(stderr, "reqdesk: the directory of %s is not empty; restore into an "
		    "empty data directory, or stop the desk and give --force to move the "
		    "database there aside\n", config.database);
		return 1;
	}
	/* Checked before anything is moved: a bad backup changes nothing. */
	if (store_restore_check(from, why, sizeof(why)) < 0) {
		fprintf(stderr, "reqdesk: %s; nothing restored\n", why);
		return 1;
	}
	if (force && move_aside(config.database) < 0)
		return 1;
	if (store_restore(from, config.database, why, sizeof(why)) < 0) {
		fprintf(stderr, "reqdesk: %s; nothing restored\n", why);
		return 1;
	}
	if ((st = store_open(config.database, 0)) == NULL || store_migrate(st) < 0 ||
	    store_check(st) < 0) {
		store_close(st);
		fprintf(stderr, "reqdesk: %s: restored, but it cannot be brought up to date\n",
		    config.database);
		return 1;
	}
	printf("%s restored from %s (schema version %d)\n", config.database, from,
	    store_db_version(st));
	store_close(st);
	return 0;
}

/* grant_fn of `reqdesk check`: a grant whose type left the catalog. */
static int
check_grant(void *ctx, const char *customer, const char *customer_name,
    const char *type, int in_catalog)
{
	int	*bad = ctx;

	if (!in_catalog) {
		fprintf(stderr, "customized catalog of %s: %s is no longer a customized "
		    "type of the catalog (reqdesk catalog revoke %s %s)\n", customer,
		    type, customer, type);
		*bad = 1;
	}
	return 0;
}

static int
cmd_check(struct store *st, int argc, char *argv[])
{
	char	err[512] = "";
	int	bad = 0, n;

	if (store_db_version(st) != store_schema_version()) {
		fprintf(stderr, "database schema %d, program expects %d (run reqdesk init)\n",
		    store_db_version(st), store_schema_version());
		bad = 1;
	}
	if (store_check(st) < 0) {
		fprintf(stderr, "database integrity check failed\n");
		bad = 1;
	}
	if (catalog_load(config.catalog) < 0) {
		fprintf(stderr, "catalog %s: declarations with errors (see above)\n",
		    config.catalog);
		bad = 1;
	} else {
		printf("catalog: %zu request type(s)\n", catalog_count());
		if (store_db_version(st) == store_schema_version() &&
		    catalog_grants_each(st, NULL, check_grant, &bad) < 0) {
			fprintf(stderr, "customized catalogs: cannot be read\n");
			bad = 1;
		}
	}
	if ((n = pages_init(config.templates, config.locale, err, sizeof(err))) < 0) {
		fprintf(stderr, "%s\n", err);
		bad = 1;
	} else if (n > 0)
		fprintf(stderr, "%s\n", err);	/* English only: said, not fatal */
	printf("%s\n", bad ? "problems found" : "ok");
	return bad;
}

/*
 * Room for the longest password the admin form takes (1024 characters of
 * up to 4 bytes) and its line end: getline() then never has to move, and
 * leave an unwiped copy of, a password that may be kept.
 */
#define PASSWORD_ROOM	(4 * 1024 + 3)

/*
 * The password of `user add`: the whole first line of standard input, its
 * line end (LF or CRLF) left out, checked as the admin form checks one.
 * Returns 0 with *pw (wipe it, then free it), 1 on error, or 2 after
 * saying why it is refused.
 */
static int
read_password(char **pw)
{
	char		*line, errbuf[USER_FIELD_ERRLEN];
	const char	*msg;
	size_t		 cap = PASSWORD_ROOM;
	ssize_t		 n;
	int		 rc;

	*pw = NULL;
	if ((line = malloc(cap)) == NULL)
		return 1;
	if ((n = getline(&line, &cap, stdin)) < 0)
		n = 0;
	if (n > 0 && line[n - 1] == '\n')
		n--;
	if (n > 0 && line[n - 1] == '\r')
		n--;
	/* A NUL would end the string early: a password cut without a word
	 * is what this reading is here to prevent. */
	if (memchr(line, '\0', n) != NULL) {
		rc = 1;
		msg = "Only printable characters are allowed.";
	} else {
		line[n] = '\0';
		rc = user_field("password", line, pw, &msg, errbuf);
	}
	sodium_memzero(line, cap);
	free(line);
	if (rc != 0 && *pw != NULL) {	/* a refused one is kept too */
		sodium_memzero(*pw, strlen(*pw));
		free(*pw);
		*pw = NULL;
	}
	if (rc < 0)
		return 1;
	if (rc > 0) {
		fprintf(stderr, "reqdesk: password (first line of standard input): "
		    "%s\n", msg);
		return 2;
	}
	return 0;
}

#define USER_ADD_USAGE	"user add --email E --name N --level " \
	"VIEWER|MANAGER|OWNER|RESELLER|RESELLER_ADMIN|ADMIN " \
	"[--customer ID | --reseller ID] [--phone P] (< password | --invite)"
#define APIKEY_CREATE_USAGE	"apikey create --user EMAIL [--label TEXT]"

/*
 * Option --`field` given as `raw` (NULL when absent), checked as the admin
 * form checks its field of that name (user_field), so that the shell
 * cannot store what the form refuses.  Returns 0 with *val (to free; NULL
 * when absent or blank), 1 on error, or 2 after saying why it is refused.
 */
static int
cli_field(const char *field, const char *raw, char **val)
{
	char		 errbuf[USER_FIELD_ERRLEN];
	const char	*msg;
	int		 rc;

	*val = NULL;
	if (raw == NULL)
		return 0;
	if ((rc = user_field(field, raw, val, &msg, errbuf)) < 0)
		return 1;
	if (rc > 0) {
		free(*val);
		*val = NULL;
		/* The value is not shown back: it may hold the very
		 * control characters that were refused. */
		fprintf(stderr, "reqdesk: --%s: %s\n", field, msg);
		return 2;
	}
	return 0;
}

static int
cmd_user_add(struct store *st, int argc, char *argv[])
{
	/* Named as the admin form's fields, which check them. */
	enum { U_EMAIL, U_NAME, U_LEVEL, U_CUSTOMER, U_RESELLER, U_PHONE, U__MAX,
	    U_INVITE = U__MAX };
	static const struct option opts[] = {
		{ "email", required_argument, NULL, U_EMAIL },
		{ "name", required_argument, NULL, U_NAME },
		{ "level", required_argument, NULL, U_LEVEL },
		{ "customer", required_argument, NULL, U_CUSTOMER },
		{ "reseller", required_argument, NULL, U_RESELLER },
		{ "phone", required_argument, NULL, U_PHONE },
		{ "invite", no_argument, NULL, U_INVITE },
		{ NULL, 0, NULL, 0 },
	};
	const char	*raw[U__MAX] = { NULL };
	char		*val[U__MAX] = { NULL };
	char		 id[25], now[32], *pw, hash[128], err[256];
	int		 ch, i, rc = 0, n, invite = 0;

	optind = 0;
	while ((ch = getopt_long(argc + 1, argv - 1, "", opts, NULL)) != -1) {
		if (ch == U_INVITE) {
			invite = 1;
			continue;
		}
		if (ch < 0 || ch >= U__MAX)
			goto usage;
		raw[ch] = optarg;
	}
	/* optind past the last option: anything left is a stray word,
	 * which must not be mistaken for having been taken. */
	if (optind != argc + 1 || raw[U_EMAIL] == NULL || raw[U_NAME] == NULL ||
	    raw[U_LEVEL] == NULL)
		goto usage;
	/* Every refusal is told, as the form shows them all at once. */
	for (i = 0; i < U__MAX; i++)
		if ((n = cli_field(opts[i].name, raw[i], &val[i])) > rc)
			rc = n;
	if (rc == 0 && invite) {
		/* the invitation's mail is rendered here, from the templates */
		if (pages_init(config.templates, config.locale, err, sizeof(err)) < 0) {
			fprintf(stderr, "reqdesk: %s\n", err);
			rc = 1;
		} else
			rc = new_object_id(id) < 0;
	} else if (rc == 0 && (rc = read_password(&pw)) == 0) {
		rc = auth_hash_password(pw, hash) < 0 || new_object_id(id) < 0;
		sodium_memzero(pw, strlen(pw));
		free(pw);
	}
	if (rc == 0) {
		struct new_user u = { .id = id, .email = val[U_EMAIL],
		    .name = val[U_NAME], .phone = val[U_PHONE], .level = val[U_LEVEL],
		    .customer = val[U_CUSTOMER], .reseller = val[U_RESELLER],
		    .hash = invite ? NULL : hash, .now = now };

		now_iso(now);
		/* the user and their invitation in one transaction */
		n = invite_user_add(st, &u, NULL);
		sodium_memzero(hash, sizeof(hash));
		if (n == 0)
			printf("%s\n", id);
		else {
			fprintf(stderr, "reqdesk: user not added (%s)\n", n == -2 ?
			    "e-mail already used, unknown customer/reseller, or "
			    "level does not fit the customer/reseller" :
			    "database error");
			rc = 1;
		}
	}
	for (i = 0; i < U__MAX; i++)
		free(val[i]);
	return rc;
usage:
	fprintf(stderr, "usage: reqdesk %s\n", USER_ADD_USAGE);
	return 2;
}

static int
cmd_apikey_create(struct store *st, int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "user", required_argument, NULL, 'u' },
		{ "label", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	const char	*email = NULL, *rawlabel = NULL;
	char		 key[80], user_id[25], *label;
	struct rows	*s;
	int		 ch, found, rc;

	optind = 0;
	while ((ch = getopt_long(argc + 1, argv - 1, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'u': email = optarg; break;
		case 'l': rawlabel = optarg; break;
		default: goto usage;
		}
	}
	if (optind != argc + 1 || email == NULL)
		goto usage;
	if ((rc = cli_field("label", rawlabel, &label)) != 0)
		return rc;
	if ((s = store_query(st, ST_USER_BY_EMAIL, "s", email)) == NULL) {
		free(label);
		return 1;
	}
	if ((found = store_row(s) == 1))
		snprintf(user_id, sizeof(user_id), "%s", store_text(s, USER_ID));
	store_done(s);
	if (!found)
		fprintf(stderr, "reqdesk: no user %s\n", email);
	rc = !found || auth_apikey_create(st, user_id, label ? label : "cli",
	    key) < 0;
	free(label);
	if (rc)
		return 1;
	printf("%s\n", key);
	sodium_memzero(key, sizeof(key));
	return 0;
usage:
	fprintf(stderr, "usage: reqdesk %s\n", APIKEY_CREATE_USAGE);
	return 2;
}

static int
cmd_apikey_revoke(struct store *st, int argc, char *argv[])
{
	int n;

	if (argc != 1) {
		fprintf(stderr, "usage: reqdesk apikey revoke PREFIX\n");
		return 2;
	}
	if ((n = store_exec(st, ST_CRED_REVOKE, "s", argv[0])) < 0)
		return 1;
	if (n == 0) {
		fprintf(stderr, "reqdesk: no active API key with prefix %s\n", argv[0]);
		return 1;
	}
	printf("%d key(s) revoked\n", n);
	return 0;
}

/* Load the configured catalog for a `catalog` command.  0, or 1 after
 * saying why. */
static int
cli_catalog(void)
{
	if (catalog_load(config.catalog) < 0) {
		fprintf(stderr, "reqdesk: the request catalog %s is not usable (see "
		    "above)\n", config.catalog);
		return 1;
	}
	return 0;
}

/* grant_fn of `catalog list`: one line per grant. */
static int
list_grant(void *ctx, const char *customer, const char *customer_name,
    const char *type, int in_catalog)
{
	int	*n = ctx;

	if ((*n)++ == 0)
		printf("\ngrants (customized catalogs):\n");
	printf("  %s\t%s%s\n", customer, type, in_catalog ? "" :
	    "\t(no longer a customized type of the catalog)");
	return 0;
}

/*
 * reqdesk catalog list [CUSTOMER]: every type of the catalog (standard or
 * customized, markets), then the grants; with CUSTOMER, the types that
 * customer may use, then its grants.
 */
static int
cmd_catalog_list(struct store *st, int argc, char *argv[])
{
	const struct rtype	*t;
	struct rows		*s;
	char			 market[16] = "";
	size_t			 i, j;
	int			 rc, n = 0, granted;

	if (argc > 1) {
		fprintf(stderr, "usage: reqdesk catalog list [CUSTOMER]\n");
		return 2;
	}
	if ((rc = cli_catalog()) != 0)
		return rc;
	if (argc == 1) {
		if ((s = store_query(st, ST_CUSTOMER_GET, "s", argv[0])) == NULL)
			return 1;
		if ((rc = store_row(s)) == 1)
			snprintf(market, sizeof(market), "%s", store_text(s, CUSTOMER_MARKET));
		store_done(s);
		if (rc != 1) {
			fprintf(stderr, "reqdesk: there is no customer %s\n", argv[0]);
			return 1;
		}
		printf("types customer %s (market %s) may use:\n", argv[0], market);
	} else
		printf("types of the catalog %s:\n", config.catalog);
	for (i = 0; (t = catalog_at(i)) != NULL; i++) {
		granted = 0;
		if (argc == 1 && t->customized &&
		    (granted = catalog_granted(st, argv[0], t->type)) < 0)
			return 1;
		if (argc == 1 && !rtype_allowed(t, market, granted > 0))
			continue;
		printf("  %s\t%s\t", t->type, t->customized ? "customized" : "standard");
		for (j = 0; j < t->nmarkets; j++)
			printf("%s%s", j ? "," : "", t->markets[j]);
		printf("%s\t%s\n", t->nmarkets ? "" : "every market", t->title);
	}
	if (catalog_grants_each(st, argc == 1 ? argv[0] : NULL, list_grant, &n) < 0)
		return 1;
	if (n == 0)
		printf("\nno grants (customized catalogs)\n");
	return 0;
}

/* reqdesk catalog grant|revoke CUSTOMER TYPE */
static int
catalog_set(struct store *st, int argc, char *argv[], int grant)
{
	char			 why[512], who[160];
	const char		*user = getenv("SUDO_USER") ? getenv("SUDO_USER") : getenv("USER");
	struct grant_actor	 by = { NULL, who };
	int			 rc;

	if (argc != 2) {
		fprintf(stderr, "usage: reqdesk catalog %s CUSTOMER TYPE\n",
		    grant ? "grant" : "revoke");
		return 2;
	}
	if ((rc = cli_catalog()) != 0)
		return rc;
	snprintf(who, sizeof(who), "shell (reqdesk catalog%s%s)", user ? ", " : "",
	    user ? user : "");
	if ((rc = catalog_grant_set(st, argv[0], argv[1], grant, &by, why, sizeof(why))) < 0) {
		fprintf(stderr, "reqdesk: database error, nothing changed\n");
		return 1;
	}
	if (rc == GRANT_DONE || rc == GRANT_ALREADY) {
		printf("%s\n", why);
		return 0;
	}
	fprintf(stderr, "reqdesk: %s\n", why);
	return 1;
}

static int
cmd_catalog_grant(struct store *st, int argc, char *argv[])
{
	return catalog_set(st, argc, argv, 1);
}

static int
cmd_catalog_revoke(struct store *st, int argc, char *argv[])
{
	return catalog_set(st, argc, argv, 0);
}

static const struct cmd cmds[] = {
	{ "init", NULL, cmd_init, 1, 1, 0, "init" },
	{ "demo", NULL, cmd_demo, 1, 1, 0, "demo" },
	{ "backup", NULL, cmd_backup, 0, 0, 1, "backup FILE" },
	{ "check", NULL, cmd_check, 0, 0, 0, "check" },
	{ "user", "add", cmd_user_add, 0, 1, 1, USER_ADD_USAGE },
	{ "apikey", "create", cmd_apikey_create, 0, 1, 1, APIKEY_CREATE_USAGE },
	{ "apikey", "revoke", cmd_apikey_revoke, 0, 1, 1, "apikey revoke PREFIX" },
	{ "import", "servicepoints", cmd_import_servicepoints, 0, 1, 1, IMPORT_SP_USAGE },
	{ "import", "products", cmd_import_products, 0, 1, 1, IMPORT_PRODUCT_USAGE },
	{ "import", "addresses", cmd_import_addresses, 0, 1, 1, IMPORT_ADDRESS_USAGE },
	{ "catalog", "list", cmd_catalog_list, 0, 1, 1, "catalog list [CUSTOMER]" },
	{ "catalog", "grant", cmd_catalog_grant, 0, 1, 1, "catalog grant CUSTOMER TYPE" },
	{ "catalog", "revoke", cmd_catalog_revoke, 0, 1, 1, "catalog revoke CUSTOMER TYPE" },
};

static void
usage(void)
{
	size_t i;

	fprintf(stderr, "usage: reqdesk [-c config] [--db PATH] command\n");
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		fprintf(stderr, "  reqdesk %s\n", cmds[i].usage);
	fprintf(stderr, "  reqdesk %s\n", RESTORE_USAGE);
}

int
main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd	*cmd = NULL;
	struct store		*st;
	const char		*conf = NULL, *db = NULL;
	size_t			 i;
	int			 ch, rc, skip;

	while ((ch = getopt_long(argc, argv, "+c:d:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': conf = optarg; break;
		case 'd': db = optarg; break;
		default: usage(); return ch == 'h' ? 0 : 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage();
		return 2;
	}
	/* restore makes the database: nothing is opened before it. */
	if (strcmp(argv[0], "restore") == 0) {
		if (config_load(conf) < 0)
			return 1;
		if (db != NULL && config_set("storage", "database", db) < 0)
			return 1;
		rc = cmd_restore(argc - 1, argv + 1);
		config_free();
		return rc;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(cmds[i].name, argv[0]) == 0 && (cmds[i].sub == NULL ||
		    (argc > 1 && strcmp(cmds[i].sub, argv[1]) == 0))) {
			cmd = &cmds[i];
			break;
		}
	if (cmd == NULL) {
		usage();
		return 2;
	}
	skip = cmd->sub != NULL ? 2 : 1;
	/* Refused before the database is opened (init would create it): a
	 * stray word is a mistake to point out, not to ignore. */
	if (!cmd->args && argc > skip) {
		fprintf(stderr, "usage: reqdesk %s\n", cmd->usage);
		return 2;
	}
	if (config_load(conf) < 0 || sodium_init() < 0)
		return 1;
	if (db != NULL && config_set("storage", "database", db) < 0)
		return 1;
	if ((st = store_open(config.database, cmd->create)) == NULL)
		return 1;
	if (cmd->migrate && store_migrate(st) < 0) {
		store_close(st);
		return 1;
	}
	rc = cmd->fn(st, argc - skip, argv + skip);
	store_close(st);
	config_free();
	return rc;
}
