/*
 * demo.h — the demo world of DESIGN.md section 8, with its fixed ids.
 *
 * Owns: the demo world's rows (customers, resellers, users, service
 * points, products, addresses, a customized grant) and their fixed ids,
 * inserted in one transaction into an empty database only.  Calls: auth
 * (the demo password's hash), store, i18n (markets), log, util.  Never:
 * touches a database that holds anything, a first administrator
 * included.
 */
#ifndef REQDESK_DEMO_H
#define REQDESK_DEMO_H

struct store;

#define DEMO_PASSWORD "demo-pass-1"

/* Create the demo customers, resellers, users, service points and
 * products in one transaction.  0, or -1 if anything fails (nothing is
 * kept; a database that already holds data is refused). */
int  demo_load(struct store *st);

/* Print the summary: ids and how to log in. */
void demo_print(const char *base_url);

#endif
