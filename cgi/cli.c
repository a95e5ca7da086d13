/*
 * cli.c — reqdesk: administration from the shell.
 *
 *   reqdesk [-c config] [--db PATH] init | demo | check | backup FILE
 *   reqdesk user add --email E --name N --level L [--customer C | --reseller R]
 *                    (password read from standard input)
 *   reqdesk apikey create --user EMAIL [--label TEXT]   (prints the key alone)
 *   reqdesk apikey revoke PREFIX
 *   reqdesk import servicepoints FILE.csv   (header: id,customer,name,
 *                    reference,customerReference,state,profile,street,postcode,city,country)
 *   reqdesk import products FILE.csv        (header: id,name,type,initiationFee,customers)
 *   reqdesk import addresses FILE.csv       (header: id,customer,address,zip,city)
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "autoconf.h"
#include "admin.h"
#include "auth.h"
#include "catalog.h"
#include "cli_import.h"
#include "config.h"
#include "demo.h"
#include "log.h"
#include "outbox.h"
#include "store.h"
#include "tpl.h"
#include "util.h"

struct cmd {
	const char	*name;
	const char	*sub;		/* second word, or NULL */
	int		 (*fn)(struct store *st, int argc, char *argv[]);
	int		 create;	/* may create the database */
	int		 migrate;	/* brings the schema up to date first */
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
	if (argc != 1) {
		fprintf(stderr, "usage: reqdesk backup FILE\n");
		return 2;
	}
	if (store_backup(st, argv[0]) < 0)
		return 1;
	printf("backup written to %s\n", argv[0]);
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
	} else
		printf("catalog: %zu request type(s)\n", catalog_count());
	if (tpl_init(config.templates) < 0) {
		fprintf(stderr, "templates: %s is not a readable directory\n",
		    config.templates);
		bad = 1;
	} else if ((n = tpl_check_dir(err, sizeof(err))) != 0) {
		fprintf(stderr, "templates: %s\n", err);
		bad = 1;
	}
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
	char		*line, errbuf[ADMIN_FIELD_ERRLEN];
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
		rc = admin_field("password", line, pw, &msg, errbuf);
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

static int
cmd_user_add(struct store *st, int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "email", required_argument, NULL, 'e' },
		{ "name", required_argument, NULL, 'n' },
		{ "level", required_argument, NULL, 'l' },
		{ "customer", required_argument, NULL, 'c' },
		{ "reseller", required_argument, NULL, 'r' },
		{ "phone", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	const char	*email = NULL, *name = NULL, *level = NULL, *customer = NULL,
			*reseller = NULL, *phone = NULL;
	char		 id[25], now[32], *pw, hash[128];
	int		 ch, rc;

	optind = 0;
	while ((ch = getopt_long(argc + 1, argv - 1, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'e': email = optarg; break;
		case 'n': name = optarg; break;
		case 'l': level = optarg; break;
		case 'c': customer = optarg; break;
		case 'r': reseller = optarg; break;
		case 'p': phone = optarg; break;
		default: return 2;
		}
	}
	if (email == NULL || name == NULL || level_from_name(level) < 0) {
		fprintf(stderr, "usage: reqdesk user add --email E --name N --level "
		    "VIEWER|MANAGER|OWNER|RESELLER|RESELLER_ADMIN|ADMIN "
		    "[--customer ID | --reseller ID] < password\n");
		return 2;
	}
	if (!mail_address_valid(email)) {
		fprintf(stderr, "reqdesk: '%s' is not one plain e-mail address "
		    "(name@example.com)\n", email);
		return 2;
	}
	if ((rc = read_password(&pw)) != 0)
		return rc;
	rc = auth_hash_password(pw, hash);
	sodium_memzero(pw, strlen(pw));
	free(pw);
	if (rc < 0 || new_object_id(id) < 0)
		return 1;
	now_iso(now);
	rc = store_exec(st, ST_USER_ADD, "sssssssss", id, email, name, phone,
	    level, customer, reseller, hash, now);
	sodium_memzero(hash, sizeof(hash));
	if (rc != 1) {
		fprintf(stderr, "reqdesk: user not added (%s)\n", rc == -2 ?
		    "e-mail already used, unknown customer/reseller, or level "
		    "does not fit the customer/reseller" : "database error");
		return 1;
	}
	printf("%s\n", id);
	return 0;
}

static int
cmd_apikey_create(struct store *st, int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "user", required_argument, NULL, 'u' },
		{ "label", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	const char	*email = NULL, *label = NULL;
	char		 key[80], user_id[25];
	sqlite3_stmt	*s;
	int		 ch, found;

	optind = 0;
	while ((ch = getopt_long(argc + 1, argv - 1, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'u': email = optarg; break;
		case 'l': label = optarg; break;
		default: return 2;
		}
	}
	if (email == NULL) {
		fprintf(stderr, "usage: reqdesk apikey create --user EMAIL [--label TEXT]\n");
		return 2;
	}
	if ((s = store_query(st, ST_USER_BY_EMAIL, "s", email)) == NULL)
		return 1;
	if ((found = store_row(s) == 1))
		snprintf(user_id, sizeof(user_id), "%s", store_text(s, 0));
	store_done(s);
	if (!found) {
		fprintf(stderr, "reqdesk: no user %s\n", email);
		return 1;
	}
	if (auth_apikey_create(st, user_id, label ? label : "cli", key) < 0)
		return 1;
	printf("%s\n", key);
	sodium_memzero(key, sizeof(key));
	return 0;
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

static const struct cmd cmds[] = {
	{ "init", NULL, cmd_init, 1, 1, "init" },
	{ "demo", NULL, cmd_demo, 1, 1, "demo" },
	{ "backup", NULL, cmd_backup, 0, 0, "backup FILE" },
	{ "check", NULL, cmd_check, 0, 0, "check" },
	{ "user", "add", cmd_user_add, 0, 1, "user add --email E --name N --level L [--customer C|--reseller R] < password" },
	{ "apikey", "create", cmd_apikey_create, 0, 1, "apikey create --user EMAIL [--label TEXT]" },
	{ "apikey", "revoke", cmd_apikey_revoke, 0, 1, "apikey revoke PREFIX" },
	{ "import", "servicepoints", cmd_import_servicepoints, 0, 1, IMPORT_SP_USAGE },
	{ "import", "products", cmd_import_products, 0, 1, IMPORT_PRODUCT_USAGE },
	{ "import", "addresses", cmd_import_addresses, 0, 1, IMPORT_ADDRESS_USAGE },
};

static void
usage(void)
{
	size_t i;

	fprintf(stderr, "usage: reqdesk [-c config] [--db PATH] command\n");
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		fprintf(stderr, "  reqdesk %s\n", cmds[i].usage);
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
	skip = cmd->sub != NULL ? 2 : 1;
	rc = cmd->fn(st, argc - skip, argv + skip);
	store_close(st);
	config_free();
	return rc;
}
