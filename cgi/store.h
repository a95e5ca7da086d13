/*
 * store.h — the desk's storage: one SQLite database in WAL mode with
 * synchronous=FULL, schema migrations keyed on PRAGMA user_version, and
 * every SQL statement of the program in one table of prepared
 * statements (store.c).  One `struct store` per thread.
 *
 * Storage owns the schema, the SQL text of every statement, the engine
 * (SQLite: its types, its connections, its error codes) and the layout
 * of every row.  Callers name a statement (enum stmt), bind its
 * parameters from a type string, and read its rows through an opaque
 * `struct rows` by the column names declared below (store_text(s,
 * USER_EMAIL)).  A caller never knows a column number, never names
 * SQLite and never writes SQL: replacing the engine replaces store.c,
 * nothing else (writer.c runs its transactions and savepoints through
 * the statements here).  Calls: config (the database, its limits), log;
 * never a module above storage.
 *
 * Statement helpers bind their arguments from a type string:
 *   's' const char * (NULL binds SQL NULL), 'i' int, 'I' long long,
 *   'b' a BLOB from two arguments, const void * and size_t.
 * The string has one letter per parameter of the statement (?1 to ?N,
 * N the highest the SQL names), and every statement returns exactly the
 * columns its enum below declares: both are checked (an assertion in a
 * debug build; a logged error that fails the call with NDEBUG).
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

struct store;
struct rows;		/* a statement's rows being read; see store_query() */

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
	ST_CUSTOMER_SET_CURRENCY,	/* the currency of a customer's prices */
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
	ST_REQ_SET_FORM_TOKEN,	/* the one-time token of the form that created it */
	ST_REQ_BY_FORM_TOKEN,	/* the caller's request made by a form token */
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
	/* Internet requests (TelecomX): addresses, products, notify lists,
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
	ST_INET_SET_FORM_TOKEN,
	ST_INET_BY_FORM_TOKEN,
	ST_INET_OPEN_LIST,	/* requests whose offers are not yet confirmed */
	ST_INET_OPEN_COUNT,
	ST_INET_ANY,		/* does the caller see any Internet request? */
	ST_REQ_ANY,		/* ... any ordering request? */
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
	ST_INET_ACCOUNT_ACTIVATE,
	ST_INET_ACCOUNT_CANCEL,
	ST_CUSTOMER_RESELLERS,
	ST_REQ_FAST_TOTAL,	/* a customer's unfiltered list by issue order */
	ST_REQ_FAST_DESC,
	ST_REQ_FAST_ASC,
	ST_REQ_KEPT_COUNT,	/* a list's total from request_counts */
	ST_REQ_ALL_TOTAL,	/* every request by issue order (administrators) */
	ST_REQ_ALL_DESC,
	ST_REQ_ALL_ASC,
	ST_TYPE_ALLOWED,	/* may a customer in scope use a type? */
	ST_REQ_NEW_JSON,	/* a new request's item and first history entry, from values */
	ST_GRANT_ADD,		/* customized catalogs (catalog_grant.c) */
	ST_GRANT_DELETE,
	ST_GRANT_HISTORY_ADD,
	ST_GRANTS_ALL,		/* every grant, by customer */
	ST_GRANT_HISTORY,	/* a customer's history, newest first */
	ST_SP_WORDS,		/* a service point's name and references (request_view.c) */
	ST_REQ_SP_WORDS,	/* the same for the service point of a request */
	ST_REQ_TYPES_IN_SCOPE,	/* the types of the requests the caller sees */
	ST_USER_SET_PREFS,	/* a user's language and time zone (profile) */
	ST_SERVER_KEY,		/* a key of the desk's own, by name */
	ST_PENDING_ADD,		/* a form kept while its poster logs in again */
	ST_PENDING_TAKE,	/* ... taken back once, by the same user */
	ST_PENDING_PURGE,
	ST_UTOKEN_ADD,		/* password reset and invitation tokens */
	ST_UTOKEN_GET,
	ST_UTOKEN_USE,		/* single use: marks it, if not used or expired */
	ST_UTOKEN_DROP,		/* a user's tokens of a kind */
	ST_UTOKEN_PURGE,
	ST_UTOKEN_PENDING,	/* when a user's open invitation ends (COUNT_N), if any */
	ST_CONV_ORANGE_TARGET,	/* a request of either family the caller sees (conversation.c) */
	ST_CONV_INET_TARGET,
	ST_NOTE_ADD,		/* replies and internal notes */
	ST_NOTE_BY_TOKEN,	/* the note a reply form's one-time token made */
	ST_CONV_WAITING_OF,	/* which of a page's requests (a JSON array of ids) wait */
	ST_NOTE_LIST,
	ST_NOTE_COUNT,
	ST_NOTE_GET,
	ST_BLOB_ADD,		/* a file's content, once per SHA-256 */
	ST_BLOB_ID,
	ST_ATT_ADD,		/* attached files */
	ST_ATT_LIST,
	ST_ATT_COUNT,
	ST_ATT_USAGE,		/* a request's files: bytes and count */
	ST_ATT_GET,
	ST_ATT_DATA,		/* a file's content (store_blob) */
	ST_REQ_SEARCH_COUNT,	/* a family's list searched (q=) */
	ST_REQ_SEARCH,
	ST_INET_SEARCH_COUNT,
	ST_INET_SEARCH,
	ST_SEARCH_COUNT,	/* requests of both families by their words (search.c) */
	ST_SEARCH,
	ST_CUSTOMER_LOCALE,	/* a customer's market and currency */
	ST_SUB_GET,		/* the mail of one address about one request (outbox.c) */
	ST_SUB_ADD,
	ST_SUB_BY_TOKEN,
	ST_SUB_STOP,		/* ?2 the time it stops; 0 rows when it had */
	ST_IDEM_GET,		/* Idempotency-Key (idempotency.c): a live key's answer */
	ST_IDEM_ADD,		/* ... a key and its answer (replaces an expired one) */
	ST_IDEM_PURGE,		/* ... expired keys, ?2 at the most */
	ST_CRED_ME,		/* the caller's credential and user (GET /me) */
	ST_REQ_AGG_KEPT,	/* GET /requests/aggregate from request_counts */
	ST_REQ_AGG_KEYED,	/* ... filtered by id or customer reference */
	ST_REQ_AGG_FILTERED,	/* ... by customer or dates (REQ_FILTERS) */
	ST_SP_RECORD,		/* one row as the import's columns (import.c) */
	ST_PRODUCT_RECORD,
	ST_ADDRESS_RECORD,
	ST_SP_RETIRE,		/* ?2 1: retire, 0: restore; 0 rows when it was */
	ST_PRODUCT_RETIRE,
	ST_ADDRESS_RETIRE,
	ST_REF_HISTORY_ADD,	/* changes to reference data (import.c) */
	ST_REF_HISTORY,
	/* the inbox (queue.c): pages of each lane (open, by assignee, waiting),
	 * each in the order of enum queue_sort (due, age, customer, activity) */
	ST_QUEUE_PAGE_OPEN_DUE, ST_QUEUE_PAGE_OPEN_AGE, ST_QUEUE_PAGE_OPEN_CUSTOMER,
	ST_QUEUE_PAGE_OPEN_ACTIVITY,
	ST_QUEUE_PAGE_ASSIGNEE_DUE, ST_QUEUE_PAGE_ASSIGNEE_AGE,
	ST_QUEUE_PAGE_ASSIGNEE_CUSTOMER, ST_QUEUE_PAGE_ASSIGNEE_ACTIVITY,
	ST_QUEUE_PAGE_WAITING_DUE, ST_QUEUE_PAGE_WAITING_AGE,
	ST_QUEUE_PAGE_WAITING_CUSTOMER, ST_QUEUE_PAGE_WAITING_ACTIVITY,
	/* ... where a filtered page of each stops looking */
	ST_QUEUE_EDGE_OPEN_DUE, ST_QUEUE_EDGE_OPEN_AGE, ST_QUEUE_EDGE_OPEN_CUSTOMER,
	ST_QUEUE_EDGE_OPEN_ACTIVITY,
	ST_QUEUE_EDGE_ASSIGNEE_DUE, ST_QUEUE_EDGE_ASSIGNEE_AGE,
	ST_QUEUE_EDGE_ASSIGNEE_CUSTOMER, ST_QUEUE_EDGE_ASSIGNEE_ACTIVITY,
	ST_QUEUE_EDGE_WAITING_DUE, ST_QUEUE_EDGE_WAITING_AGE,
	ST_QUEUE_EDGE_WAITING_CUSTOMER, ST_QUEUE_EDGE_WAITING_ACTIVITY,
	ST_QUEUE_EDGE_NEXT_OPEN_DUE, ST_QUEUE_EDGE_NEXT_OPEN_AGE,
	ST_QUEUE_EDGE_NEXT_OPEN_CUSTOMER, ST_QUEUE_EDGE_NEXT_OPEN_ACTIVITY,
	ST_QUEUE_EDGE_NEXT_ASSIGNEE_DUE, ST_QUEUE_EDGE_NEXT_ASSIGNEE_AGE,
	ST_QUEUE_EDGE_NEXT_ASSIGNEE_CUSTOMER, ST_QUEUE_EDGE_NEXT_ASSIGNEE_ACTIVITY,
	ST_QUEUE_EDGE_NEXT_WAITING_DUE, ST_QUEUE_EDGE_NEXT_WAITING_AGE,
	ST_QUEUE_EDGE_NEXT_WAITING_CUSTOMER, ST_QUEUE_EDGE_NEXT_WAITING_ACTIVITY,
	/* ... and how many rows of a lane a view holds */
	ST_QUEUE_COUNT_OPEN, ST_QUEUE_COUNT_ASSIGNEE, ST_QUEUE_COUNT_WAITING,
	ST_QUEUE_TALLY,		/* ... from the counters, but the due view */
	ST_QUEUE_COUNTS,	/* per family and state */
	ST_QUEUE_GET,		/* one request's row */
	ST_QUEUE_ASSIGN,	/* 0 rows when nothing changes */
	ST_QUEUE_HISTORY_ADD,
	ST_QUEUE_HISTORY,
	ST_QUEUE_STAFF,		/* the operator's active staff: who may be given one */
	ST_QUEUE_SETTINGS,
	ST_HOOK_GET,		/* webhooks (webhook.c): a subscription in scope */
	ST_HOOK_LIST,
	ST_HOOK_COUNT,		/* ... of one customer (NULL: the operator's) */
	ST_HOOK_ADD,
	ST_HOOK_ROTATE,
	ST_HOOK_DELETE,
	ST_HOOK_WANTED,		/* does a subscription want this event? */
	ST_HOOK_EMIT,		/* one message per subscription that wants it */
	ST_HOOK_MESSAGE_ADD,	/* one message to one subscription (ping) */
	ST_HOOK_CLAIM,		/* the sender (hooksender.c) */
	ST_HOOK_TARGET,
	ST_HOOK_RENEW,
	ST_HOOK_DELIVERED,
	ST_HOOK_FAILED,
	ST_HOOK_RELEASE,
	ST_HOOK_ATTEMPT_ADD,
	ST_HOOK_PURGE,
	ST_HOOK_MESSAGE_COUNT,	/* a subscription's messages, newest first */
	ST_HOOK_MESSAGES,
	ST_HOOK_ATTEMPTS,	/* a message's latest attempts */
	ST_HOOK_RESEND,
	ST_HOOK_UPDATE,		/* an edit, a pause, a resumption */
	ST_HOOK_RESUMED,	/* what waited is due again */
	ST_HOOK_HISTORY_ADD,	/* every change of a subscription */
	ST_HOOK_HISTORY,	/* REF_HISTORY__COLS */
	ST_HOOK_BY_FORM_TOKEN,	/* the subscription a page's form made */
	ST_HOOK_SET_FORM_TOKEN,
	ST__MAX
};

/*
 * The columns of every statement that returns rows, in the order the
 * statement returns them; read a row by these names, never by number.
 * Each enum ends with a __COLS count, which store.c declares for the
 * statements the comment names, and which the statement is checked
 * against when it is prepared.  A list that extends another continues
 * its numbering (USER_ACTIVE_KEYS after the user columns); a list
 * embedded in a longer row is read from its offset (the user of
 * ST_CRED_LOOKUP at CRED_USER + USER_EMAIL, and so on).
 * Statements that return no row (the writes) declare no column.
 */

/* One number: ST_PING, ST_REQ_COUNT, ST_REQ_KCOUNT, ST_REQ_KEPT_COUNT,
 * ST_UTOKEN_PENDING, ST_SP_VIEW_COUNT, ST_ADDRESS_COUNT, ST_INET_COUNT, ST_INET_OPEN_COUNT (a
 * count), ST_INET_ANY, ST_REQ_ANY (1 or 0), and
 * ST_AUTH_EPOCH (the epoch), ST_DB_IN_USE (1 when any table of the desk
 * holds a row, else 0). */
enum count_col { COUNT_N, COUNT__COLS };

/* A row or none, its one column a constant: ST_CUSTOMER_HAS_TYPE,
 * ST_TYPE_ALLOWED. */
enum found_col { FOUND_ONE, FOUND__COLS };

/* The leading columns of every list of organisations (customers,
 * resellers), so that one picker reads either. */
enum org_col { ORG_ID, ORG_NAME, ORG__COLS };

/* ST_CUSTOMER_GET, ST_CUSTOMERS_IN_SCOPE: CUSTOMER__COLS;
 * ST_CUSTOMER_LIST also its types and resellers (comma lists or NULL). */
enum customer_col {
	CUSTOMER_ID = ORG_ID, CUSTOMER_NAME = ORG_NAME, CUSTOMER_MARKET,
	CUSTOMER_CATALOG, CUSTOMER__COLS,
	CUSTOMER_TYPES = CUSTOMER__COLS, CUSTOMER_RESELLERS, CUSTOMER_LIST__COLS
};

/* ST_RESELLER_GET: RESELLER__COLS; ST_RESELLER_LIST also its customers
 * (a comma list or NULL). */
enum reseller_col {
	RESELLER_ID = ORG_ID, RESELLER_NAME = ORG_NAME, RESELLER__COLS,
	RESELLER_CUSTOMERS = RESELLER__COLS, RESELLER_LIST__COLS
};

/* A user and the name of its customer (NULL without one): ST_USER_BY_EMAIL,
 * ST_USER_BY_ID, ST_USER_LIST; ST_ADMIN_USER_LIST also the count of its
 * API keys not revoked. */
enum user_col {
	USER_ID, USER_EMAIL, USER_NAME, USER_PHONE, USER_LEVEL,
	USER_CUSTOMER_ID, USER_RESELLER_ID, USER_PASSWORD_HASH, USER_DISABLED,
	USER_CUSTOMER_NAME, USER_LANGUAGE, USER_TIMEZONE, USER_MARKET, USER_CURRENCY,
	USER__COLS,
	USER_ACTIVE_KEYS = USER__COLS, USER_ADMIN__COLS
};

/* ST_CRED_LOOKUP: a credential (times in epoch seconds, expires NULL for
 * none), then its user's columns (enum user_col) from CRED_USER. */
enum cred_col {
	CRED_KIND, CRED_CSRF, CRED_CREATED, CRED_LAST_USED, CRED_EXPIRES,
	CRED_REVOKED, CRED_USER, CRED__COLS = CRED_USER + USER__COLS
};

/* ST_SERVER_KEY: the key, 64 hex. */
enum key_col { KEY_VALUE, KEY__COLS };

/* ST_PENDING_TAKE: the form's page and its fields (a JSON array of
 * [name, value] pairs, in their order). */
enum pending_col { PENDING_PATH, PENDING_FIELDS, PENDING__COLS };

/* ST_UTOKEN_GET: a password reset or invitation token and its user. */
enum utoken_col {
	UTOKEN_KIND, UTOKEN_USER_ID, UTOKEN_EXPIRES, UTOKEN_USED, UTOKEN_EMAIL,
	UTOKEN_NAME, UTOKEN_DISABLED, UTOKEN__COLS
};

/* ST_CONV_ORANGE_TARGET, ST_CONV_INET_TARGET: a request a conversation
 * is about: its customer (NULL for a reseller's Internet request), its
 * creator, its state, the customer's reference, whether it waits for
 * the customer (1 or 0) and who handles it (NULL: nobody), from the
 * inbox's queue. */
enum target_col {
	TARGET_CUSTOMER_ID, TARGET_CREATED_BY, TARGET_STATE, TARGET_REFERENCE,
	TARGET_WAITING, TARGET_ASSIGNEE, TARGET__COLS
};

/* ST_NOTE_BY_TOKEN: a note's id; ST_CONV_WAITING_OF: a request's. */
enum noteid_col { NOTEID_ID, NOTEID__COLS };

/* ST_NOTE_LIST, ST_NOTE_GET: a reply or an internal note, with its author. */
enum note_col {
	NOTE_ID, NOTE_INTERNAL, NOTE_SIDE, NOTE_TITLE, NOTE_BODY, NOTE_CREATED,
	NOTE_AUTHOR_ID, NOTE_AUTHOR_NAME, NOTE_AUTHOR_EMAIL, NOTE__COLS
};

/* ST_ATT_LIST, ST_ATT_GET: an attached file (size in bytes). */
enum att_col {
	ATT_ID, ATT_NOTE_ID, ATT_INTERNAL, ATT_NAME, ATT_MIME, ATT_SIZE,
	ATT_CREATED, ATT_AUTHOR_ID, ATT_AUTHOR_NAME, ATT_SHA256, ATT__COLS
};

/* ST_ATT_USAGE: the bytes and the number of a request's files. */
enum usage_col { USAGE_BYTES, USAGE_FILES, USAGE__COLS };

/* ST_BLOB_ID */
enum blobid_col { BLOBID_ID, BLOBID__COLS };

/* ST_ATT_DATA: the content, read with store_blob(). */
enum data_col { DATA_CONTENT, DATA__COLS };

/* ST_SEARCH: a request found, of either family: its customer's
 * reference, customer (or reseller) name, status or state, when it was
 * made, its type, and what names it (an Orange request's name, an
 * Internet request's address). */
#define SEARCH_COUNT_MAX 1000	/* matches a search counts: past it, "more than" */
enum search_col {
	SEARCH_FAMILY, SEARCH_REQUEST_ID, SEARCH_REFERENCE, SEARCH_CUSTOMER,
	SEARCH_STATE, SEARCH_CREATED, SEARCH_TYPE, SEARCH_TITLE, SEARCH__COLS
};

/* ST_CRED_LIST_KEYS: a user's API keys. */
enum apikey_col {
	APIKEY_PREFIX, APIKEY_LABEL, APIKEY_CREATED, APIKEY_LAST_USED,
	APIKEY_REVOKED, APIKEY__COLS
};

/* ST_LOGINFAIL_GET: the failed logins counted under a key. */
enum loginfail_col {
	LOGINFAIL_FAILURES, LOGINFAIL_LAST_FAILURE, LOGINFAIL_LOCKED_UNTIL,
	LOGINFAIL__COLS
};

/* ST_LOGINFAIL_RECORD: a row (the failures now counted) when the attempt
 * was counted, none when the key was locked. */
enum counted_col { COUNTED_FAILURES, COUNTED__COLS };

/* ST_SP_FIND_BY_ID, ST_SP_FIND_BY_REF, ST_SP_FIND_BY_CUSTREF: the id of
 * a service point found. */
enum sp_found_col { SP_FOUND_ID, SP_FOUND__COLS };

/* ST_REQ_BY_FORM_TOKEN, ST_INET_BY_FORM_TOKEN: the request a form token
 * made. */
enum form_token_col { FORM_TOKEN_REQUEST_ID, FORM_TOKEN__COLS };

/* ST_SP_PICKER: the live service points a form offers. */
enum sp_pick_col {
	SP_PICK_ID, SP_PICK_NAME, SP_PICK_CUSTOMER_REFERENCE, SP_PICK_REFERENCE,
	SP_PICK_CUSTOMER_ID, SP_PICK_PROFILE, SP_PICK__COLS
};

/* A service point as the Core Information API shows it: ST_SP_VIEW_GET,
 * ST_SP_LIST_*. */
enum sp_view_col {
	SP_ID, SP_NAME, SP_CUSTOMER_REFERENCE, SP_REFERENCE, SP_STATE,
	SP_PROFILE, SP_CUSTOMER_ID, SP_CUSTOMER_NAME, SP_STREET, SP_POSTCODE,
	SP_CITY, SP_COUNTRY, SP__COLS
};

/* An Orange-style request: ST_REQ_GET, ST_REQ_LIST_*, ST_REQ_KLIST_*,
 * ST_REQ_FAST_DESC, ST_REQ_FAST_ASC, ST_REQ_ALL_DESC, ST_REQ_ALL_ASC.
 * REQ_ITEM_TEXT is the API item without its properties, as JSON text
 * (docs/API.md); REQ_PROPERTIES the properties' JSON text. */
enum req_col {
	REQ_ID, REQ_TYPE, REQ_NAME, REQ_CATEGORY, REQ_STATUS, REQ_CUSTOMER_ID,
	REQ_CUSTOMER_NAME, REQ_CUSTOMER_REFERENCE, REQ_CONTRACT, REQ_PROPERTIES,
	REQ_COMMENT, REQ_REQUESTED_AT, REQ_ISSUED_AT, REQ_COMPLETED_AT,
	REQ_UPDATED_AT, REQ_CREATED_BY, REQ_SERVICE_POINT_ID, REQ_SEQ,
	REQ_ITEM_TEXT, REQ__COLS
};

/* ST_REQ_HISTORY: a request's history entries, oldest first;
 * HIST_ENTRY_TEXT the entry of the API as JSON text. */
enum hist_col {
	HIST_AT, HIST_BY_USER, HIST_BY_NAME, HIST_FROM_STATUS, HIST_TO_STATUS,
	HIST_COMMENT, HIST_ENTRY_TEXT, HIST__COLS
};

/* ST_REQ_FAST_TOTAL (a customer's requests: their largest cseq),
 * ST_REQ_ALL_TOTAL (every request: the largest seq): the largest number
 * given, and the total the counters keep; equal while no request of the
 * list was deleted. */
enum total_col { TOTAL_LAST, TOTAL_N, TOTAL__COLS };

/* ST_REQ_NEW_JSON: a new request's API item (without properties) and its
 * first history entry, as JSON text. */
enum new_req_col { NEW_REQ_ITEM_TEXT, NEW_REQ_HISTORY_TEXT, NEW_REQ__COLS };

/* ST_USER_EMAIL: the address of a user who is not disabled. */
enum recipient_col { RECIPIENT_EMAIL, RECIPIENT__COLS };

/* ST_OUTBOX_CLAIM: the messages just claimed. */
enum claim_col {
	CLAIM_ID, CLAIM_RECIPIENT, CLAIM_SUBJECT, CLAIM_BODY, CLAIM_ATTEMPTS,
	CLAIM_HTML, CLAIM_UNSUBSCRIBE, CLAIM__COLS	/* both NULL when none */
};

/* ST_CUSTOMER_LOCALE: what a customer's people read in. */
enum customer_locale_col {
	CUSTOMER_LOCALE_MARKET, CUSTOMER_LOCALE_CURRENCY, CUSTOMER_LOCALE__COLS
};

/* ST_SUB_GET: an address's token for a request's mail, and when it
 * stopped them (NULL: it gets them); ST_SUB_BY_TOKEN: what a token
 * names. */
enum sub_col { SUB_TOKEN, SUB_STOPPED, SUB__COLS };
enum sub_token_col {
	SUB_TOKEN_OBJECT_ID, SUB_TOKEN_EMAIL, SUB_TOKEN_STOPPED, SUB_TOKEN__COLS
};

/* ST_OUTBOX_LIST: messages for /admin/outbox, newest first. */
enum outbox_col {
	OUTBOX_ID, OUTBOX_EVENT, OUTBOX_OBJECT_ID, OUTBOX_RECIPIENT,
	OUTBOX_SUBJECT, OUTBOX_STATE, OUTBOX_ATTEMPTS, OUTBOX_NEXT_ATTEMPT,
	OUTBOX_LAST_ERROR, OUTBOX_CREATED, OUTBOX_SENT_AT, OUTBOX__COLS
};

/* ST_OUTBOX_COUNTS: how many messages are in each state. */
enum outbox_count_col { OUTBOX_COUNT_STATE, OUTBOX_COUNT_N, OUTBOX_COUNT__COLS };

/* ST_ADDRESS_GET: an address of a customer. */
enum address_col { ADDRESS_ID, ADDRESS_LINE, ADDRESS_ZIP, ADDRESS_CITY, ADDRESS__COLS };

/* ST_ADDRESS_PICKER: the addresses a form offers. */
enum address_pick_col {
	ADDRESS_PICK_ID, ADDRESS_PICK_CUSTOMER_ID, ADDRESS_PICK_LINE,
	ADDRESS_PICK_ZIP, ADDRESS_PICK_CITY, ADDRESS_PICK__COLS
};

/* ST_ADDRESS_ADMIN_LIST: addresses with their customer's name, and
 * whether they are retired (0 or 1). */
enum address_admin_col {
	ADDRESS_ADMIN_ID, ADDRESS_ADMIN_CUSTOMER_ID, ADDRESS_ADMIN_CUSTOMER_NAME,
	ADDRESS_ADMIN_LINE, ADDRESS_ADMIN_ZIP, ADDRESS_ADMIN_CITY,
	ADDRESS_ADMIN_RETIRED, ADDRESS_ADMIN__COLS
};

/* ST_PRODUCT_GET: a product, and whether it may be sold to the customer
 * given (0 or 1). */
enum product_get_col {
	PRODUCT_GET_NAME, PRODUCT_GET_TYPE, PRODUCT_GET_INITIATION_FEE,
	PRODUCT_GET_SELLABLE, PRODUCT_GET__COLS
};

/* ST_PRODUCT_LIST: every product, and whether it may be sold to the
 * customer given (0 or 1). */
enum product_col {
	PRODUCT_ID, PRODUCT_NAME, PRODUCT_TYPE, PRODUCT_INITIATION_FEE,
	PRODUCT_SELLABLE, PRODUCT__COLS
};

/* ST_PRODUCT_ADMIN_LIST: every product, with the customers it is
 * reserved to (a ';' list, or NULL) and whether it is retired (0 or 1). */
enum product_admin_col {
	PRODUCT_ADMIN_ID, PRODUCT_ADMIN_NAME, PRODUCT_ADMIN_TYPE,
	PRODUCT_ADMIN_INITIATION_FEE, PRODUCT_ADMIN_ALL_CUSTOMERS,
	PRODUCT_ADMIN_CUSTOMERS, PRODUCT_ADMIN_RETIRED, PRODUCT_ADMIN__COLS
};

/* Employees to notify: ST_NOTIFY_USER_GET, ST_INET_NOTIFY_LIST:
 * NOTIFY__COLS; ST_NOTIFY_PICKER also their e-mail and customer. */
enum notify_col {
	NOTIFY_USER_ID, NOTIFY_USER_NAME, NOTIFY__COLS,
	NOTIFY_USER_EMAIL = NOTIFY__COLS, NOTIFY_USER_CUSTOMER_ID,
	NOTIFY_PICKER__COLS
};

/* An Internet request (TelecomX) with the names the pages show and its
 * account, if ordered: ST_INET_GET, ST_INET_LIST, ST_INET_INBOX,
 * ST_INET_OPEN_LIST.
 * INET_OFFERED is 1 when it has offers; the three-valued columns
 * (takeover, ipAddresses, commitments) are NULL when not given. */
enum inet_col {
	INET_ID, INET_TYPE, INET_CUSTOMER_ID, INET_RESELLER_ID, INET_NOTES,
	INET_ADDRESS_ID, INET_ADDRESS, INET_ZIP, INET_CITY,
	INET_ADDRESS2_ID, INET_ADDRESS2, INET_ZIP2, INET_CITY2,
	INET_PRODUCT_ID, INET_TAKEOVER, INET_TAKEOVER_CIRCUIT,
	INET_TAKEOVER_CUSTOMER, INET_IP_ADDRESSES, INET_COMMITMENT1,
	INET_COMMITMENT2, INET_COMMITMENT3, INET_REFERENCE, INET_START_DATE,
	INET_INSTALL_CALL_NUMBER, INET_INSTALL_CALL_NAME, INET_INSTALL_TIME,
	INET_CREATED, INET_CREATED_BY, INET_ANSWERED, INET_UPDATED,
	INET_CUSTOMER_NAME, INET_PRODUCT_NAME, INET_OFFERED,
	INET_ACCOUNT_ID, INET_ACCOUNT_STATE, INET_ACCOUNT_OFFER_ID,
	INET_CREATOR_NAME, INET_CUSTOMER_CURRENCY, INET_STATE, INET__COLS
};

/* ST_INET_OFFER_LIST: a request's offers in their order; prices in
 * cents, NULL when not given. */
enum offer_col {
	OFFER_ID, OFFER_PRODUCT_ID, OFFER_FEE_PRODUCT_ID,
	OFFER_INITIATION_COST, OFFER_INITIATION_WHOLESALE,
	OFFER_INITIATION_CUSTOMER, OFFER_MONTHLY_COST, OFFER_MONTHLY_WHOLESALE,
	OFFER_MONTHLY_CUSTOMER, OFFER_COMMITMENT, OFFER_PROVIDER_NAME,
	OFFER_PROVIDER_OFFER_ID, OFFER_PRODUCT_NAME, OFFER_FEE_PRODUCT_NAME,
	OFFER__COLS
};

/* ST_INET_ACCOUNT_GET: an Internet account; ACCOUNT_OFFER the offer as
 * ordered, JSON text. */
enum account_col {
	ACCOUNT_ID, ACCOUNT_REQUEST_ID, ACCOUNT_OFFER_ID, ACCOUNT_CUSTOMER_ID,
	ACCOUNT_RESELLER_ID, ACCOUNT_STATE, ACCOUNT_OFFER, ACCOUNT_ORDERED,
	ACCOUNT_ORDERED_BY, ACCOUNT_CONFIRMED, ACCOUNT_CONFIRMED_BY,
	ACCOUNT_START_DATE, ACCOUNT_INSTALL_TIME, ACCOUNT_CIRCUIT,
	ACCOUNT_ACTIVATED, ACCOUNT_ACTIVATED_BY, ACCOUNT_CANCELLED,
	ACCOUNT_CANCELLED_BY, ACCOUNT__COLS
};

/* ST_CUSTOMER_RESELLERS: the resellers of a customer (?2 one of them,
 * or NULL for any), at most two, each with how many there are. */
enum customer_resellers_col {
	CUSTOMER_RESELLERS_ID, CUSTOMER_RESELLERS_COUNT, CUSTOMER_RESELLERS__COLS
};

/* ST_GRANTS_ALL: the customized types granted, by customer then type. */
enum grant_col { GRANT_CUSTOMER_ID, GRANT_TYPE, GRANT_CUSTOMER_NAME, GRANT__COLS };

/* ST_GRANT_HISTORY: a customer's grants and revokes, newest first
 * (GRANT_HIST_ACTION "grant" or "revoke"; GRANT_HIST_BY who, in words). */
enum grant_hist_col {
	GRANT_HIST_AT, GRANT_HIST_ACTION, GRANT_HIST_TYPE, GRANT_HIST_BY,
	GRANT_HIST__COLS
};

/* ST_SP_WORDS, ST_REQ_SP_WORDS: a service point in words (the name and
 * references request_view.c shows). */
enum sp_words_col {
	SP_WORDS_ID, SP_WORDS_NAME, SP_WORDS_REFERENCE, SP_WORDS_CUSTOMER_REFERENCE,
	SP_WORDS__COLS
};

/* ST_REQ_TYPES_IN_SCOPE: the types of the requests a caller sees. */
enum req_type_col { REQ_TYPE_NAME, REQ_TYPE__COLS };

/* ST_IDEM_GET: the answer kept with an Idempotency-Key (IDEM_HEADER and
 * IDEM_HEADER_VALUE NULL when it had no location header). */
enum idem_col {
	IDEM_FINGERPRINT, IDEM_STATUS, IDEM_HEADER, IDEM_HEADER_VALUE, IDEM_BODY,
	IDEM__COLS
};

/* ST_CRED_ME: a credential (kind, the prefix of an API key, times in
 * epoch seconds, expires NULL for none) and what its user has besides
 * the principal: phone, created (ISO), the reseller's name. */
enum me_col {
	ME_KIND, ME_PREFIX, ME_CREATED, ME_EXPIRES, ME_PHONE, ME_USER_CREATED,
	ME_RESELLER_NAME, ME__COLS
};

/* ST_REQ_AGG_KEPT, ST_REQ_AGG_KEYED: how many requests of the caller's
 * scope there are of each status, type, category and customer. */
enum agg_col {
	AGG_STATUS, AGG_TYPE, AGG_CATEGORY, AGG_CUSTOMER_ID, AGG_CUSTOMER_NAME,
	AGG_N, AGG__COLS
};

/*
 * Did storage fail on the calling thread since store_trouble_reset()?
 * A statement, a commit or an open that the engine refused (the disk
 * full, the file system read-only, the database locked past
 * busy_timeout_ms, an I/O error), not a constraint: the dispatcher
 * answers a handler's failure 503 `unavailable` then, 500 otherwise.
 * store_trouble_note() marks it (the writer hands a failed batch's
 * trouble to the threads that were waiting for it).
 */
int  store_trouble(void);
void store_trouble_reset(void);
void store_trouble_note(void);
/* ST_HOOK_GET, ST_HOOK_LIST: a webhook subscription (customer id and
 * name NULL for the operator's; previous secret and until, epoch on the
 * calendar's clock, NULL outside a rotation; paused 0 or 1; updated NULL
 * until the first change). */
enum hook_col {
	HOOK_ID, HOOK_CUSTOMER_ID, HOOK_CUSTOMER_NAME, HOOK_URL, HOOK_EVENTS,
	HOOK_DESCRIPTION, HOOK_SECRET, HOOK_PREVIOUS_SECRET, HOOK_PREVIOUS_UNTIL,
	HOOK_CREATED, HOOK_PAUSED, HOOK_UPDATED, HOOK__COLS
};

/* ST_HOOK_CLAIM: the messages just claimed. */
enum hook_claim_col {
	HOOK_CLAIM_ID, HOOK_CLAIM_MSG_ID, HOOK_CLAIM_WEBHOOK_ID, HOOK_CLAIM_PAYLOAD,
	HOOK_CLAIM_ATTEMPTS, HOOK_CLAIM__COLS
};

/* ST_HOOK_TARGET: where a message goes and what signs it. */
enum hook_target_col {
	HOOK_TARGET_URL, HOOK_TARGET_SECRET, HOOK_TARGET_PREVIOUS_SECRET,
	HOOK_TARGET_PREVIOUS_UNTIL, HOOK_TARGET__COLS
};

/* ST_HOOK_MESSAGES: a subscription's messages (next_attempt epoch on the
 * calendar's clock, last_status NULL before the first attempt). */
enum hook_msg_col {
	HOOK_MSG_ID, HOOK_MSG_MSG_ID, HOOK_MSG_EVENT, HOOK_MSG_OBJECT_ID, HOOK_MSG_STATE,
	HOOK_MSG_ATTEMPTS, HOOK_MSG_NEXT_ATTEMPT, HOOK_MSG_CREATED, HOOK_MSG_DELIVERED_AT,
	HOOK_MSG_LAST_STATUS, HOOK_MSG_LAST_ERROR, HOOK_MSG__COLS
};

/* ST_HOOK_ATTEMPTS: one delivery attempt (status 0: no HTTP answer). */
enum hook_attempt_col {
	HOOK_ATTEMPT_AT, HOOK_ATTEMPT_STATUS, HOOK_ATTEMPT_DURATION_MS, HOOK_ATTEMPT_ERROR,
	HOOK_ATTEMPT_ANSWER, HOOK_ATTEMPT__COLS
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

/* Restore the backup `from` as the database `dest` (which must not
 * exist: the caller checks the directory): `from` is checked first
 * (integrity_check, a reqdesk database, a schema version not newer than
 * this program's), copied into a new file beside `dest`, synced and
 * renamed, so that `dest` appears whole or not at all; the caller then
 * migrates it.  0, or -1 with the reason in why. */
int  store_restore(const char *from, const char *dest, char *why, size_t whylen);

/* The checks of store_restore() alone, changing nothing.  0 or -1 (why). */
int  store_restore_check(const char *from, char *why, size_t whylen);

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

/*
 * Bind and run a statement that returns rows: its rows, ready for
 * store_row(), or NULL on error (logged).  The rows are borrowed from
 * st (one per statement: a statement is read by one loop at a time)
 * and stay valid until store_done(), which every caller calls, also
 * after an error or before the last row.
 */
struct rows *store_query(struct store *st, enum stmt id, const char *types, ...);

/* The number a one-row count statement returns (its COUNT_N column: a
 * count, or an EXISTS as 0 or 1), or -1 on error (logged). */
long long store_count(struct store *st, enum stmt id, const char *types, ...);

/* Step: 1 a row is ready, 0 no more rows, -1 error (logged). */
int  store_row(struct rows *s);
void store_done(struct rows *s);			/* accepts NULL */

/* The current row's columns, named by the statement's column enum
 * above (a debug build asserts that the statement declares the column);
 * text is borrowed until the next step/done. */
const char *store_text(struct rows *s, int col);	/* NULL for SQL NULL */
long long store_int(struct rows *s, int col);		/* 0 for SQL NULL */
/* A BLOB column: its bytes (borrowed until the next store_row) and *len. */
const void *store_blob(struct rows *s, int col, size_t *len);
int  store_isnull(struct rows *s, int col);
/* o[key] = the text of column col, unless it is NULL (then o is left as
 * it is): how the JSON answers show a row's optional texts. */
struct json_t;
void store_json_text(struct json_t *o, const char *key, struct rows *s, int col);

/* Prepare every statement against this database and check the columns
 * each returns against its declaration.  0, or -1 (each problem logged;
 * with NDEBUG unset the first one is an assertion). */
int  store_prepare_all(struct store *st);

/* Statements a connection keeps prepared: the least recently used one
 * is finalized to prepare another past this many, unless a caller holds
 * it (between store_query() and store_done()).  The desk has hundreds,
 * some 9 KiB each on average, and a worker a connection per thread: a
 * reader's connection held about 60 (550 KiB) after the bench's mix of
 * pages, and every one of them would, after months of every page. */
#define STORE_STMTS_MAX	64

/* How many statements `st` holds prepared now. */
int  store_prepared(const struct store *st);

/* The SQL text of statement `id` (static), to explain its plan. */
const char *store_sql(enum stmt id);

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

/* ST_SP_RECORD, ST_PRODUCT_RECORD, ST_ADDRESS_RECORD: whether the row is
 * retired (0 or 1; a service point: TERMINATED), then its values in the
 * order of its import kind's columns (import.h), NULL for none: column
 * REC_VALUE + i is the kind's column i. */
enum record_col { REC_RETIRED, REC_VALUE };
#define SP_RECORD__COLS		(REC_VALUE + 11)
#define PRODUCT_RECORD__COLS	(REC_VALUE + 5)
#define ADDRESS_RECORD__COLS	(REC_VALUE + 5)

/* ST_REF_HISTORY: a change to a row of reference data, newest first:
 * when (ISO), what (imported, added, edited, retired, restored), who
 * (NULL: the command line) and the row after it (a JSON object). */
enum ref_history_col {
	REF_HISTORY_AT, REF_HISTORY_ACTION, REF_HISTORY_BY, REF_HISTORY_RECORD,
	REF_HISTORY__COLS
};

/* The inbox (queue.c): ST_QUEUE_PAGE_... and ST_QUEUE_GET.  What: an
 * ordering request's type name, or an Internet request's kind of
 * circuit; place: an Internet request's address; type: an ordering
 * request's catalog type (NULL for Internet ones), for its title in the
 * reader's language. */
enum queue_col {
	QUEUE_ROWID, QUEUE_FAMILY, QUEUE_REQUEST_ID, QUEUE_CUSTOMER_ID,
	QUEUE_CUSTOMER_NAME, QUEUE_STATE, QUEUE_ASSIGNEE_ID, QUEUE_ASSIGNEE_NAME,
	QUEUE_PRIORITY, QUEUE_DUE, QUEUE_CREATED, QUEUE_ACTIVITY, QUEUE_WAITING,
	QUEUE_WHAT, QUEUE_REFERENCE, QUEUE_PLACE, QUEUE_TYPE, QUEUE__COLS
};
#define QUEUE_COUNT_MAX	1000	/* ST_QUEUE_COUNT_... count this far */

/* ST_QUEUE_EDGE_...: the sort key and id of a row. */
enum queue_edge_col { QEDGE_KEY, QEDGE_ID, QEDGE__COLS };

/* ST_QUEUE_COUNTS. */
enum queue_count_col { QCOUNT_FAMILY, QCOUNT_STATE, QCOUNT_N, QCOUNT__COLS };

/* ST_QUEUE_HISTORY: who gave a request to whom (NULL: nobody), at which
 * priority, newest first. */
enum queue_history_col {
	QHIST_AT, QHIST_BY, QHIST_ASSIGNEE, QHIST_PRIORITY, QHIST__COLS
};

/* ST_QUEUE_STAFF. */
enum queue_staff_col { QSTAFF_ID, QSTAFF_NAME, QSTAFF__COLS };

#endif
