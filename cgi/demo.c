/*
 * demo.c — the demo world every test and every trial starts from.
 */
#include <stdio.h>

#include "auth.h"
#include "demo.h"
#include "i18n.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "writer.h"

static const struct demo_customer {
	const char *id, *name, *market, *catalog, *custom_type;
} customers[] = {
	{ "FDJ", "Française des Jeux", "FR", "customized", "U_BVPN_CUSTOM003_1" },
	{ "ACME", "ACME France", "FR", "standard", NULL },
	{ "NORDIC", "Nordic Retail ApS", "DK", "standard", NULL },
	/* resold by two resellers: each sees only its own Internet requests */
	{ "BALTIC", "Baltic Shops ApS", "DK", "standard", NULL },
};

/* Resellers and the customers they resell. */
static const struct demo_reseller {
	const char *id, *name, *customers[2];
} resellers[] = {
	{ "NETPARTNER", "Net Partner", { "NORDIC", NULL } },
	{ "FIBERPLUS", "Fiber Plus A/S", { "BALTIC", NULL } },
	{ "NORDLINK", "Nordlink Telecom", { "BALTIC", NULL } },
};

static const struct demo_user {
	const char *id, *email, *name, *phone, *level, *customer, *reseller;
} users[] = {
	{ "5eed0000000000000000a001", "admin@reqdesk.test", "Ada Operator", "+33100000001", "ADMIN", NULL, NULL },
	{ "5eed0000000000000000f001", "owner@fdj.test", "Fabienne Dupont", "+33100000101", "OWNER", "FDJ", NULL },
	{ "5eed0000000000000000f002", "viewer@fdj.test", "Victor Durand", "+33100000102", "VIEWER", "FDJ", NULL },
	{ "5eed0000000000000000ac01", "owner@acme.test", "Alice Martin", "+33100000201", "OWNER", "ACME", NULL },
	{ "5eed0000000000000000ac02", "manager@acme.test", "Marc Petit", "+33100000202", "MANAGER", "ACME", NULL },
	{ "5eed0000000000000000d001", "owner@nordic.test", "Nils Jensen", "+4570000001", "OWNER", "NORDIC", NULL },
	{ "5eed0000000000000000d002", "it@nordic.test", "Ida Hansen", "+4570000002", "MANAGER", "NORDIC", NULL },
	{ "5eed0000000000000000e001", "sales@netpartner.test", "Sven Larsen", "+4570000101", "RESELLER", NULL, "NETPARTNER" },
	{ "5eed0000000000000000b001", "owner@baltic.test", "Birte Holm", "+4570000201", "OWNER", "BALTIC", NULL },
	{ "5eed0000000000000000e101", "sales@nordlink.test", "Nora Lind", "+4570000301", "RESELLER", NULL, "NORDLINK" },
	{ "5eed0000000000000000e201", "sales@fiberplus.test", "Frida Berg", "+4570000401", "RESELLER", NULL, "FIBERPLUS" },
};

static const struct demo_sp {
	const char *id, *customer, *name, *ref, *custref, *state, *profile,
	    *street, *postcode, *city;
} service_points[] = {
	{ "SP-FDJ-0001", "FDJ", "FDJ Paris 01", "BVPN-FDJ-0001", "FDJ-PARIS-01", "OPERATIONAL", "FDJ CONNECT OPTIMA 8M", "126 rue Galliéni", "92100", "Boulogne-Billancourt" },
	{ "SP-FDJ-0002", "FDJ", "FDJ shared site A", "BVPN-FDJ-0002", "FDJ-SHARED", "OPERATIONAL", "FDJ CONNECT FTTH", "1 place de la Bourse", "69002", "Lyon" },
	{ "SP-FDJ-0003", "FDJ", "FDJ shared site B", "BVPN-FDJ-0003", "FDJ-SHARED", "OPERATIONAL", "FDJ CONNECT CELL", "2 place de la Bourse", "69002", "Lyon" },
	{ "SP-FDJ-0009", "FDJ", "FDJ old site 09", "BVPN-FDJ-0009", "FDJ-OLD-09", "TERMINATED", "FDJ CONNECT OPTIMA 18M", "9 quai des Chartrons", "33000", "Bordeaux" },
	{ "SP-ACME-0001", "ACME", "ACME Aix site 001", "BVPN-ACME-0001", "AAT-AA001-001", "OPERATIONAL", NULL, "10 avenue des Belges", "13100", "Aix-en-Provence" },
};

static const struct demo_product {
	const char *id, *name, *type;
	int initiation_fee;
	const char *only_customer;
} products[] = {
	{ "5eed00000000000000000001", "DSL 50/10", "DSL", 0, NULL },
	{ "5eed00000000000000000002", "FIBER 100/100", "FIBER", 0, NULL },
	{ "5eed00000000000000000003", "FIBER 1000/1000", "FIBER", 0, NULL },
	{ "5eed00000000000000000004", "Fiber installation", "FIBER", 1, NULL },
	{ "5eed00000000000000000005", "FIBER 10G", "FIBER", 0, "NORDIC" },
};

/* Installation addresses of customers (Internet requests). */
static const struct demo_address {
	const char *id, *customer, *address, *zip, *city;
} addresses[] = {
	{ "5eed0000000000000000ad01", "NORDIC", "Vallensbækvej 20A, 3. th.", "2605", "Brøndby" },
	{ "5eed0000000000000000ad02", "NORDIC", "Nørregade 7", "1165", "København K" },
	{ "5eed0000000000000000ad03", "BALTIC", "Strandvejen 100", "2900", "Hellerup" },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Insert everything; 0 or -1.  Runs inside demo_unit's transaction. */
static int
demo_insert(struct store *st)
{
	char	hash[128], now[32];
	size_t	i;

	now_iso(now);
	for (i = 0; i < N(customers); i++) {
		/* prices in the market's currency: EUR for FR, DKK for DK */
		const struct market *m = market_find(customers[i].market);
		if (store_exec(st, ST_CUSTOMER_ADD, "ssss", customers[i].id,
		    customers[i].name, customers[i].market, customers[i].catalog) != 1 ||
		    (m != NULL && store_exec(st, ST_CUSTOMER_SET_CURRENCY, "ss",
		    customers[i].id, m->currency) != 1))
			return -1;
		if (customers[i].custom_type != NULL &&
		    (store_exec(st, ST_CUSTOMER_TYPE_ADD, "ss", customers[i].id,
		    customers[i].custom_type) != 1 ||
		    store_exec(st, ST_GRANT_HISTORY_ADD, "ssssss", customers[i].id,
		    customers[i].custom_type, "grant", now, NULL, "reqdesk demo") != 1))
			return -1;
	}
	for (i = 0; i < N(resellers); i++) {
		size_t k;

		if (store_exec(st, ST_RESELLER_ADD, "ss", resellers[i].id, resellers[i].name) != 1)
			return -1;
		for (k = 0; k < N(resellers[i].customers) && resellers[i].customers[k]; k++)
			if (store_exec(st, ST_RESELLER_CUSTOMER_ADD, "ss", resellers[i].id,
			    resellers[i].customers[k]) != 1)
				return -1;
	}
	/* One hash for all: the same password, and argon2id is slow on purpose. */
	if (auth_hash_password(DEMO_PASSWORD, hash) < 0)
		return -1;
	for (i = 0; i < N(users); i++)
		if (store_exec(st, ST_USER_ADD, "sssssssss", users[i].id,
		    users[i].email, users[i].name, users[i].phone, users[i].level,
		    users[i].customer, users[i].reseller, hash, now) != 1)
			return -1;
	for (i = 0; i < N(service_points); i++) {
		const struct demo_sp *sp = &service_points[i];
		if (store_exec(st, ST_SP_ADD, "sssssssssss", sp->id, sp->customer,
		    sp->name, sp->ref, sp->custref, sp->state, sp->profile,
		    sp->street, sp->postcode, sp->city, "FR") != 1)
			return -1;
	}
	for (i = 0; i < N(products); i++) {
		const struct demo_product *p = &products[i];
		if (store_exec(st, ST_PRODUCT_ADD, "sssii", p->id, p->name, p->type,
		    p->initiation_fee, p->only_customer == NULL) != 1)
			return -1;
		if (p->only_customer != NULL &&
		    store_exec(st, ST_PRODUCT_CUSTOMER_ADD, "ss", p->id,
		    p->only_customer) != 1)
			return -1;
	}
	for (i = 0; i < N(addresses); i++)
		if (store_exec(st, ST_ADDRESS_ADD, "sssss", addresses[i].id,
		    addresses[i].customer, addresses[i].address, addresses[i].zip,
		    addresses[i].city) != 1)
			return -1;
	return 0;
}

/* write_fn: the whole world, or nothing of it. */
static int
demo_unit(struct store *st, void *arg)
{
	(void)arg;
	return demo_insert(st);
}

int
demo_load(struct store *st)
{
	struct rows	*s;
	long long	 n;

	/* Anything at all, a first administrator included: the demo world
	 * brings users whose password is printed in every README. */
	if ((s = store_query(st, ST_DB_IN_USE, NULL)) == NULL || store_row(s) != 1) {
		store_done(s);
		return -1;
	}
	n = store_int(s, COUNT_N);
	store_done(s);
	if (n > 0) {
		log_err("the database already holds data; demo data goes into a new database");
		return -1;
	}
	return store_write(st, demo_unit, NULL) == 0 ? 0 : -1;
}

void
demo_print(const char *base_url)
{
	size_t i;

	printf("reqdesk demo world\n\n");
	printf("Customers:\n");
	for (i = 0; i < N(customers); i++)
		printf("  %-8s %s (market %s, %s catalog%s%s)\n", customers[i].id,
		    customers[i].name, customers[i].market, customers[i].catalog,
		    customers[i].custom_type ? ": " : "",
		    customers[i].custom_type ? customers[i].custom_type : "");
	printf("Resellers:\n");
	for (i = 0; i < N(resellers); i++)
		printf("  %-10s %s (resells %s%s%s)\n", resellers[i].id, resellers[i].name,
		    resellers[i].customers[0], resellers[i].customers[1] ? ", " : "",
		    resellers[i].customers[1] ? resellers[i].customers[1] : "");
	printf("Service points:\n");
	for (i = 0; i < N(service_points); i++)
		printf("  %-13s %s ref %s custRef %s %s\n", service_points[i].id,
		    service_points[i].customer, service_points[i].ref,
		    service_points[i].custref, service_points[i].state);
	printf("Products:\n");
	for (i = 0; i < N(products); i++)
		printf("  %s %-20s %s%s%s\n", products[i].id, products[i].name,
		    products[i].type, products[i].initiation_fee ? " (initiation fee)" : "",
		    products[i].only_customer ? " (NORDIC only)" : "");
	printf("Addresses:\n");
	for (i = 0; i < N(addresses); i++)
		printf("  %s %-7s %s, %s %s\n", addresses[i].id, addresses[i].customer,
		    addresses[i].address, addresses[i].zip, addresses[i].city);
	printf("\nLog in at %s/login with any of these (password %s):\n",
	    base_url, DEMO_PASSWORD);
	for (i = 0; i < N(users); i++)
		printf("  %-22s %-8s %s %s\n", users[i].email, users[i].level,
		    users[i].customer ? users[i].customer :
		    (users[i].reseller ? users[i].reseller : "(operator)"), users[i].id);
}
