/*
 * store.h — the desk's storage: one SQLite database in WAL mode with
 * synchronous=FULL, schema migrations keyed on PRAGMA user_version, and
 * every SQL statement of the program in one table of prepared
 * statements (store.c).  One `struct store` per thread.
 *
 * Statement helpers bind their arguments from a type string:
 *   's' const char * (NULL binds SQL NULL), 'i' int, 'I' long long.
 *
 * Tenant isolation: every statement that reads or changes customer data
 * takes the caller's scope as its first three parameters, bound with the
 * types "iss" and the arguments SCOPE_ARGS(principal): ADMIN sees every
 * customer, customer staff their own customer, reseller staff the
 * customers of their reseller.  A row outside the scope is simply not
 * found, so it answers exactly as a row that does not exist.
 */
#define SCOPE_ARGS(p) ((p)->level == LVL_ADMIN), (p)->customer_id, (p)->reseller_id
#ifndef REQDESK_STORE_H
#define REQDESK_STORE_H

#include <stddef.h>

#include <sqlite3.h>

struct store;

/* Every statement of the program; SQL text in store.c's table. */
enum stmt {
	ST_BEGIN,
	ST_BEGIN_IMMEDIATE,
	ST_COMMIT,
	ST_ROLLBACK,
	ST_PING,
	ST_DB_IN_USE,
	ST_SAVEPOINT,
	ST_RELEASE,
	ST_ROLLBACK_TO,
	/* customers, resellers */
	ST_CUSTOMER_ADD,
	ST_CUSTOMER_TYPE_ADD,
	ST_CUSTOMER_GET,
	ST_CUSTOMER_LIST,
	ST_RESELLER_ADD,
	ST_RESELLER_CUSTOMER_ADD,
	ST_RESELLER_LIST,
	/* users */
	ST_USER_ADD,
	ST_USER_BY_EMAIL,
	ST_USER_BY_ID,
	ST_USER_LIST,
	ST_USER_SET_LEVEL,
	ST_USER_SET_DISABLED,
	ST_USER_SET_PASSWORD,
	/* credentials: sessions, tokens, API keys */
	ST_CRED_ADD,
	ST_CRED_LOOKUP,
	ST_AUTH_EPOCH,		/* moves when what a credential identifies may change */
	ST_CRED_TOUCH,
	ST_CRED_DELETE,
	ST_CRED_REVOKE,
	ST_CRED_REVOKE_USER,
	ST_CRED_LIST_KEYS,
	ST_CRED_PURGE,
	/* failed logins */
	ST_LOGINFAIL_GET,
	ST_LOGINFAIL_RECORD,
	ST_LOGINFAIL_CLEAR,
	ST_LOGINFAIL_PURGE,	/* failures that no longer count */
	/* service points, products */
	ST_SP_ADD,
	ST_PRODUCT_ADD,
	ST_PRODUCT_CUSTOMER_ADD,
	/* Orange-style requests */
	ST_CUSTOMERS_IN_SCOPE,
	ST_CUSTOMER_HAS_TYPE,
	ST_SP_FIND_BY_ID,
	ST_SP_FIND_BY_REF,
	ST_SP_FIND_BY_CUSTREF,
	ST_REQ_ADD,
	ST_REQ_HISTORY_ADD,
	ST_REQ_GET,
	ST_REQ_HISTORY,
	ST_REQ_SET_STATUS,
	ST_REQ_COUNT,
	ST_REQ_LIST_ISSUED_ASC,		/* sort statements: pairs ASC, DESC */
	ST_REQ_LIST_ISSUED_DESC,
	ST_REQ_LIST_REQUESTED_ASC,
	ST_REQ_LIST_REQUESTED_DESC,
	ST_REQ_LIST_STATUS_ASC,
	ST_REQ_LIST_STATUS_DESC,
	ST_REQ_LIST_TYPE_ASC,
	ST_REQ_LIST_TYPE_DESC,
	ST_REQ_LIST_CUSTREF_ASC,
	ST_REQ_LIST_CUSTREF_DESC,
	ST_REQ_LIST_ID_ASC,
	ST_REQ_LIST_ID_DESC,
	ST_REQ_KCOUNT,		/* the same, filtered by id or customer reference */
	ST_REQ_KLIST_ISSUED_ASC,	/* in the order of the ST_REQ_LIST_ ones */
	ST_REQ_KLIST_ISSUED_DESC,
	ST_REQ_KLIST_REQUESTED_ASC,
	ST_REQ_KLIST_REQUESTED_DESC,
	ST_REQ_KLIST_STATUS_ASC,
	ST_REQ_KLIST_STATUS_DESC,
	ST_REQ_KLIST_TYPE_ASC,
	ST_REQ_KLIST_TYPE_DESC,
	ST_REQ_KLIST_CUSTREF_ASC,
	ST_REQ_KLIST_CUSTREF_DESC,
	ST_REQ_KLIST_ID_ASC,
	ST_REQ_KLIST_ID_DESC,
	ST_SP_PICKER,
	ST_ADMIN_USER_LIST,		/* admin pages: users with their active key count */
	ST_CRED_REVOKE_USER_KEY,
	/* service points: Core Information API, admin page, CSV import */
	ST_SP_VIEW_COUNT,
	ST_SP_VIEW_GET,
	ST_SP_UPSERT,
	ST_SP_LIST_ID_ASC,		/* sort statements: pairs ASC, DESC */
	ST_SP_LIST_ID_DESC,
	ST_SP_LIST_NAME_ASC,
	ST_SP_LIST_NAME_DESC,
	ST_SP_LIST_CUSTREF_ASC,
	ST_SP_LIST_CUSTREF_DESC,
	ST_SP_LIST_STATE_ASC,
	ST_SP_LIST_STATE_DESC,
	ST_SP_LIST_CUSTOMER_ASC,
	ST_SP_LIST_CUSTOMER_DESC,
	/* outbox */
	ST_OUTBOX_ADD,
	ST_USER_EMAIL,
	ST_OUTBOX_CLAIM,
	ST_OUTBOX_SENT,		/* whoever holds the lease: it was delivered */
	ST_OUTBOX_FAILED,	/* dead at once if ?7 (permanent), else once
				 * tried ?2 times and ?8 seconds old */
	ST_OUTBOX_LIST,
	ST_OUTBOX_COUNTS,
	ST_OUTBOX_RETRY,
	ST_OUTBOX_RELEASE,
	ST_OUTBOX_PURGE,	/* sent before ?1 (ISO time), ?2 at the most */
	ST_OUTBOX_RENEW,	/* a claimed message's lease: ?1 now + ?2 */
	/* Internet requests (seed 002): addresses, products, notify lists,
	 * requests, offers, accounts */
	ST_ADDRESS_ADD,
	ST_ADDRESS_GET,
	ST_ADDRESS_PICKER,
	ST_PRODUCT_GET,
	ST_PRODUCT_LIST,
	ST_PRODUCT_UPSERT,	/* the CSV imports of products and addresses */
	ST_PRODUCT_CUSTOMERS_CLEAR,
	ST_PRODUCT_ADMIN_LIST,
	ST_ADDRESS_UPSERT,
	ST_ADDRESS_ADMIN_LIST,
	ST_ADDRESS_COUNT,
	ST_RESELLER_GET,
	ST_NOTIFY_USER_GET,
	ST_NOTIFY_PICKER,
	ST_INET_ADD,
	ST_INET_UPDATE,
	ST_INET_GET,
	ST_INET_COUNT,
	ST_INET_LIST,
	ST_INET_INBOX,
	ST_INET_NOTIFY_CLEAR,
	ST_INET_NOTIFY_ADD,
	ST_INET_NOTIFY_LIST,
	ST_INET_OFFER_CLEAR,
	ST_INET_OFFER_ADD,
	ST_INET_OFFER_LIST,
	ST_INET_ACCOUNT_ADD,
	ST_INET_ACCOUNT_GET,
	ST_INET_ACCOUNT_CONFIRM,
	ST_REQ_FAST_TOTAL,	/* a customer's unfiltered list by issue order */
	ST_REQ_FAST_DESC,
	ST_REQ_FAST_ASC,
	ST_REQ_KEPT_COUNT,	/* a list's total from request_counts */
	ST_REQ_ALL_TOTAL,	/* every request by issue order (administrators) */
	ST_REQ_ALL_DESC,
	ST_REQ_ALL_ASC,
	ST_TYPE_ALLOWED,	/* may a customer in scope use a type? */
	ST_REQ_NEW_JSON,	/* a new request's item and first history entry, from values */
	ST__MAX
};

/* Process-wide SQLite settings; call once, before any connection. */
void store_global_init(void);

/*
 * Open the database at `path` (creating it if `create`), set the
 * connection's pragmas.  Returns an owned store or NULL (reason logged).
 */
struct store *store_open(const char *path, int create);
void store_close(struct store *st);		/* accepts NULL */

/* Apply pending migrations.  0, or -1 (logged).  Refuses a database
 * newer than this program. */
int  store_migrate(struct store *st);

/* Schema version this program writes, and the database's. */
int  store_schema_version(void);
int  store_db_version(struct store *st);

/* 0 if the thread's connection answers and the file on disk can still
 * be opened and read by a new connection; -1 otherwise. */
int  store_ping(struct store *st);

/* Online backup to `dest` (overwritten).  0, -1 (logged), or -2
 * (logged) when `dest` is the database itself or its -wal, -shm or
 * -journal file, which the backup would replace under it. */
int  store_backup(struct store *st, const char *dest);

/* Integrity check; 0 if "ok", -1 otherwise (problems logged). */
int  store_check(struct store *st);

/* Transactions. 0 or -1.  store_begin ends a read snapshot first. */
int  store_begin(struct store *st);		/* BEGIN IMMEDIATE */
int  store_commit(struct store *st);
int  store_rollback(struct store *st);
/* Is a transaction open?  SQLite ends one by itself on some errors (disk
 * full, I/O error, out of memory), whatever the statements after it. */
int  store_in_transaction(struct store *st);

/*
 * A request's read snapshot: every read between begin and end sees the
 * database as of the first of them, in one read transaction (one WAL
 * read lock, one check of the page cache) instead of one per statement.
 * A statement that writes on this connection, store_begin() and
 * store_write() end the snapshot first, so that writes are never made
 * from a stale view and what follows them sees them; the reads after
 * that run on their own again.  end is a no-op without a snapshot.
 */
void store_snapshot_begin(struct store *st);
void store_snapshot_end(struct store *st);

/* Run a statement that returns no row.  Returns the number of changed
 * rows (>= 0), -2 on a constraint violation, -1 on any other error. */
int  store_exec(struct store *st, enum stmt id, const char *types, ...);

/* Bind and return the statement, ready for store_row(); NULL on error.
 * The statement is borrowed: finish with store_done(). */
sqlite3_stmt *store_query(struct store *st, enum stmt id, const char *types, ...);

/* Step: 1 a row is ready, 0 no more rows, -1 error (logged). */
int  store_row(sqlite3_stmt *s);
void store_done(sqlite3_stmt *s);

/* Column accessors; text is borrowed until the next step/done. */
const char *store_text(sqlite3_stmt *s, int col);	/* NULL for SQL NULL */
long long store_int(sqlite3_stmt *s, int col);
int  store_isnull(sqlite3_stmt *s, int col);

/* A list's sort keys: a key's ASC statement, its DESC one right after. */
struct sort_key {
	const char	*key;
	enum stmt	 asc;
};

/* The list statement for `sort` ("key" or "+key" ascending, "-key"
 * descending), `dflt` when sort is NULL or empty, -1 for an unknown key. */
int  store_sort_stmt(const struct sort_key *keys, size_t n, const char *sort,
	int dflt);

/* A comma list ("a,b") as the JSON array text that list statements bind
 * and read with json_each (owned), or NULL when absent or empty. */
char *store_list_param(const char *csv);

/* Page cache of this connection in KiB (the writer's keeps the indexes
 * it updates).  0 or -1. */
int  store_set_cache_kib(struct store *st, int kib);

/* Path of the database file. Borrowed. */
const char *store_path(const struct store *st);

#endif
