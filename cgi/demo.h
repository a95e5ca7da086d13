/*
 * demo.h — the demo world of DESIGN.md section 8, with its fixed ids.
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
