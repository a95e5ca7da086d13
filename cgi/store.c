/*
 * store.c — SQLite storage: connection setup, migrations, the table of
 * every SQL statement of the program with the columns each returns, and
 * the reading of their rows.
 *
 * Owns the engine: the only module (with writer.c, which runs units of
 * work through it) that names SQLite, and the only one that knows how a
 * row is laid out.  The column lists below (USER_COLS, REQ_COLS, ...)
 * are written in the order of their enums in store.h; stmt_cols[] says
 * which enum each statement returns, checked as it is prepared.  May call
 * config and log only; never formats a value into SQL.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <sqlite3.h>

#include "config.h"
#include "log.h"
#include "store.h"

/* A statement's rows: what store_query() lends its caller. */
struct rows {
	sqlite3_stmt	*stmt;			/* prepared on first use */
	enum stmt	 id;
	int		 lent;			/* by store_query(), to store_done() */
	unsigned long	 used;			/* st->tick when last taken */
};

struct store {
	sqlite3		*db;
	char		*path;
	int		 snapshot;		/* store_snapshot_begin() */
	int		 prepared;		/* statements of rows[] prepared */
	unsigned long	 tick;			/* statements taken so far */
	struct rows	 rows[ST__MAX];
};

/*
 * Migrations: migrations[i] brings user_version from i to i + 1.  Never
 * edit one that has shipped; append a new one.
 */
/* The auth epoch's trigger on credentials (migrations 6 and 12): every
 * change but a use recorded (last_used moving forward alone), which
 * happens every minute per active credential and can only make what a
 * worker remembers more cautious. */
#define AUTH_EPOCH_CREDENTIAL_UPDATE \
	"CREATE TRIGGER auth_epoch_credential_update AFTER UPDATE ON credentials" \
	"  WHEN NOT (NEW.last_used > OLD.last_used AND NEW.hash IS OLD.hash" \
	"    AND NEW.kind IS OLD.kind AND NEW.user_id IS OLD.user_id" \
	"    AND NEW.label IS OLD.label AND NEW.prefix IS OLD.prefix" \
	"    AND NEW.csrf IS OLD.csrf AND NEW.created IS OLD.created" \
	"    AND NEW.expires IS OLD.expires AND NEW.revoked IS OLD.revoked)" \
	"  BEGIN UPDATE auth_epoch SET n = n + 1; END;"

/* Migrations are never edited once committed: a database already past
 * one would not see the change.  Add one instead. */
/* Day `d` (an SQL expression giving YYYY-MM-DD) plus `n` working days
 * (Monday to Friday; public holidays are not counted out), an SQL
 * expression: from a Saturday or a Sunday, counted from the Friday
 * before.  (queue_words: when an Internet request's offers are due.) */
#define WORKDAYS_ADD(d, n) \
	"date(CASE strftime('%w', " d ") WHEN '0' THEN date(" d ", '-2 days')" \
	" WHEN '6' THEN date(" d ", '-1 days') ELSE " d " END, '+' || ((" n ")" \
	" + 2 * ((CASE strftime('%w', " d ") WHEN '0' THEN 4 WHEN '6' THEN 4" \
	" ELSE CAST(strftime('%w', " d ") AS INTEGER) - 1 END + (" n ")) / 5)) || ' days')"

static const char *const migrations[] = {
	/* 1: accounts, access, service points, products */
	"CREATE TABLE customers ("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  market TEXT NOT NULL,"
	"  catalog TEXT NOT NULL DEFAULT 'standard'"
	"    CHECK (catalog IN ('standard', 'customized'))"
	") STRICT;"
	"CREATE TABLE customer_types ("
	"  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
	"  type TEXT NOT NULL,"
	"  PRIMARY KEY (customer_id, type)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE resellers ("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE reseller_customers ("
	"  reseller_id TEXT NOT NULL REFERENCES resellers(id) ON DELETE CASCADE,"
	"  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (reseller_id, customer_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX reseller_customers_by_customer ON reseller_customers(customer_id);"
	"CREATE TABLE users ("
	"  id TEXT PRIMARY KEY CHECK (length(id) = 24),"
	"  email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  name TEXT NOT NULL,"
	"  phone TEXT,"
	"  level TEXT NOT NULL CHECK (level IN ('VIEWER', 'MANAGER', 'OWNER',"
	"    'RESELLER', 'RESELLER_ADMIN', 'ADMIN')),"
	"  customer_id TEXT REFERENCES customers(id),"
	"  reseller_id TEXT REFERENCES resellers(id),"
	"  password_hash TEXT,"
	"  disabled INTEGER NOT NULL DEFAULT 0,"
	"  created TEXT NOT NULL,"
	"  CHECK ((level = 'ADMIN' AND customer_id IS NULL AND reseller_id IS NULL)"
	"    OR (level IN ('VIEWER', 'MANAGER', 'OWNER')"
	"        AND customer_id IS NOT NULL AND reseller_id IS NULL)"
	"    OR (level IN ('RESELLER', 'RESELLER_ADMIN')"
	"        AND reseller_id IS NOT NULL AND customer_id IS NULL))"
	") STRICT;"
	"CREATE INDEX users_by_customer ON users(customer_id);"
	"CREATE TABLE credentials ("
	"  hash TEXT PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('session', 'token', 'apikey')),"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  label TEXT,"
	"  prefix TEXT,"
	"  csrf TEXT,"
	"  created INTEGER NOT NULL,"
	"  last_used INTEGER NOT NULL,"
	"  expires INTEGER,"
	"  revoked INTEGER NOT NULL DEFAULT 0"
	") STRICT;"
	"CREATE INDEX credentials_by_user ON credentials(user_id, kind);"
	"CREATE TABLE login_failures ("
	"  key TEXT PRIMARY KEY,"
	"  failures INTEGER NOT NULL,"
	"  last_failure INTEGER NOT NULL,"
	"  locked_until INTEGER NOT NULL DEFAULT 0"
	") STRICT;"
	"CREATE TABLE service_points ("
	"  id TEXT PRIMARY KEY,"
	"  customer_id TEXT NOT NULL REFERENCES customers(id),"
	"  name TEXT NOT NULL,"
	"  reference TEXT,"
	"  customer_reference TEXT,"
	"  state TEXT NOT NULL CHECK (state IN ('OPERATIONAL', 'IN_PROGRESS',"
	"    'SUSPENDED', 'TERMINATED')),"
	"  profile TEXT,"
	"  street TEXT,"
	"  postcode TEXT,"
	"  city TEXT,"
	"  country TEXT"
	") STRICT;"
	"CREATE INDEX service_points_by_custref ON service_points(customer_id, customer_reference);"
	"CREATE INDEX service_points_by_ref ON service_points(customer_id, reference);"
	"CREATE TABLE products ("
	"  id TEXT PRIMARY KEY CHECK (length(id) = 24),"
	"  name TEXT NOT NULL,"
	"  type TEXT NOT NULL CHECK (type IN ('DSL', 'FIBER')),"
	"  initiation_fee INTEGER NOT NULL DEFAULT 0,"
	"  all_customers INTEGER NOT NULL DEFAULT 1"
	") STRICT;"
	"CREATE TABLE product_customers ("
	"  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,"
	"  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (product_id, customer_id)"
	") STRICT, WITHOUT ROWID;",
	/* 2: Orange-style ordering requests and their history */
	"CREATE TABLE requests ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  type TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  category TEXT NOT NULL CHECK (category IN ('NEW', 'CHANGE', 'DISCONNECT')),"
	"  status TEXT NOT NULL CHECK (status IN ('NEW', 'IN_PROGRESS', 'COMPLETED',"
	"    'REJECTED', 'CANCELED')),"
	"  customer_id TEXT NOT NULL REFERENCES customers(id),"
	"  customer_reference TEXT,"
	"  contract TEXT,"
	"  service_point_id TEXT REFERENCES service_points(id),"
	"  properties TEXT NOT NULL CHECK (json_valid(properties)),"
	"  comment TEXT,"
	"  requested_at TEXT NOT NULL,"
	"  issued_at TEXT NOT NULL,"
	"  completed_at TEXT,"
	"  updated_at TEXT NOT NULL,"
	"  created_by TEXT NOT NULL REFERENCES users(id)"
	") STRICT;"
	"CREATE INDEX requests_by_customer ON requests(customer_id, seq);"
	"CREATE INDEX requests_by_status ON requests(status, seq);"
	"CREATE TABLE request_history ("
	"  id INTEGER PRIMARY KEY,"
	"  request_seq INTEGER NOT NULL REFERENCES requests(seq) ON DELETE CASCADE,"
	"  at TEXT NOT NULL,"
	"  by_user TEXT REFERENCES users(id),"
	"  from_status TEXT,"
	"  to_status TEXT NOT NULL,"
	"  comment TEXT"
	") STRICT;"
	"CREATE INDEX request_history_by_request ON request_history(request_seq, id);",
	/* 3: e-mail outbox (one row per message) */
	"CREATE TABLE outbox ("
	"  id INTEGER PRIMARY KEY,"
	"  event TEXT NOT NULL,"
	"  object_id TEXT,"
	"  recipient TEXT NOT NULL,"
	"  subject TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'queued'"
	"    CHECK (state IN ('queued', 'sending', 'sent', 'dead')),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_attempt INTEGER NOT NULL,"
	"  claimed_by TEXT,"
	"  claimed_until INTEGER,"
	"  last_error TEXT,"
	"  created TEXT NOT NULL,"
	"  sent_at TEXT"
	") STRICT;"
	"CREATE INDEX outbox_due ON outbox(state, next_attempt);"
	"CREATE INDEX outbox_by_object ON outbox(object_id);",
	/* 4: Internet requests (TelecomX): customer addresses, requests, their
	 * notify lists and offers, ordered accounts.  Prices are integer cents. */
	"CREATE TABLE addresses ("
	"  id TEXT PRIMARY KEY CHECK (length(id) = 24),"
	"  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
	"  address TEXT NOT NULL,"
	"  zip TEXT NOT NULL,"
	"  city TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX addresses_by_customer ON addresses(customer_id);"
	"CREATE TABLE internet_requests ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE CHECK (length(id) = 24),"
	"  type TEXT NOT NULL CHECK (type IN ('DSL', 'FIBER')),"
	"  customer_id TEXT REFERENCES customers(id),"
	"  reseller_id TEXT REFERENCES resellers(id),"
	"  notes TEXT,"
	"  address_id TEXT REFERENCES addresses(id),"
	"  address TEXT NOT NULL,"
	"  zip TEXT NOT NULL,"
	"  city TEXT NOT NULL,"
	"  address2_id TEXT REFERENCES addresses(id),"
	"  address2 TEXT,"
	"  zip2 TEXT,"
	"  city2 TEXT,"
	"  product_id TEXT REFERENCES products(id),"
	"  takeover INTEGER CHECK (takeover IN (0, 1)),"
	"  takeover_circuit TEXT,"
	"  takeover_customer TEXT,"
	"  ip_addresses INTEGER CHECK (ip_addresses IN (1, 2, 4, 8, 16, 32)),"
	"  commitment1 INTEGER CHECK (commitment1 IN (0, 1)),"
	"  commitment2 INTEGER CHECK (commitment2 IN (0, 1)),"
	"  commitment3 INTEGER CHECK (commitment3 IN (0, 1)),"
	"  reference TEXT,"
	"  start_date TEXT,"
	"  install_call_number TEXT,"
	"  install_call_name TEXT,"
	"  install_time TEXT CHECK (install_time IN ('7_30_TO_16', '7_30_TO_12', '12_TO_16')),"
	"  created TEXT NOT NULL,"
	"  created_by TEXT NOT NULL REFERENCES users(id),"
	"  answered TEXT,"
	"  updated TEXT NOT NULL,"
	"  CHECK (customer_id IS NOT NULL OR reseller_id IS NOT NULL)"
	") STRICT;"
	"CREATE INDEX internet_requests_by_customer ON internet_requests(customer_id, seq);"
	"CREATE INDEX internet_requests_by_reseller ON internet_requests(reseller_id, seq);"
	"CREATE TABLE internet_request_notify ("
	"  request_id TEXT NOT NULL REFERENCES internet_requests(id) ON DELETE CASCADE,"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL,"
	"  PRIMARY KEY (request_id, user_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE internet_offers ("
	"  request_id TEXT NOT NULL REFERENCES internet_requests(id) ON DELETE CASCADE,"
	"  id TEXT NOT NULL CHECK (length(id) = 24),"
	"  pos INTEGER NOT NULL,"
	"  product_id TEXT NOT NULL REFERENCES products(id),"
	"  initiation_fee_product_id TEXT REFERENCES products(id),"
	"  initiation_cost INTEGER CHECK (initiation_cost BETWEEN 0 AND 50000000),"
	"  initiation_wholesale INTEGER CHECK (initiation_wholesale BETWEEN 0 AND 50000000),"
	"  initiation_customer INTEGER CHECK (initiation_customer BETWEEN 0 AND 50000000),"
	"  monthly_cost INTEGER CHECK (monthly_cost BETWEEN 0 AND 50000000),"
	"  monthly_wholesale INTEGER CHECK (monthly_wholesale BETWEEN 0 AND 50000000),"
	"  monthly_customer INTEGER CHECK (monthly_customer BETWEEN 0 AND 50000000),"
	"  commitment INTEGER CHECK (commitment BETWEEN 0 AND 60),"
	"  provider_name TEXT,"
	"  provider_offer_id TEXT,"
	"  PRIMARY KEY (request_id, id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE internet_accounts ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE CHECK (length(id) = 24),"
	"  request_id TEXT NOT NULL UNIQUE REFERENCES internet_requests(id),"
	"  offer_id TEXT NOT NULL,"
	"  customer_id TEXT REFERENCES customers(id),"
	"  reseller_id TEXT REFERENCES resellers(id),"
	"  state TEXT NOT NULL CHECK (state IN ('ORDERED', 'CONFIRMED', 'ACTIVE', 'CANCELLED')),"
	"  offer TEXT NOT NULL CHECK (json_valid(offer)),"
	"  ordered TEXT NOT NULL,"
	"  ordered_by TEXT NOT NULL REFERENCES users(id),"
	"  confirmed TEXT,"
	"  confirmed_by TEXT REFERENCES users(id),"
	"  start_date TEXT,"
	"  install_time TEXT,"
	"  circuit TEXT"
	") STRICT;",
	/* 5: a dense number per customer, so a customer's list pages are
	 * index seeks at any depth (see request_list) */
	"ALTER TABLE requests ADD COLUMN cseq INTEGER;"
	"UPDATE requests SET cseq = w.n FROM (SELECT seq, row_number() OVER"
	"  (PARTITION BY customer_id ORDER BY seq) AS n FROM requests) AS w"
	"  WHERE w.seq = requests.seq;"
	"CREATE UNIQUE INDEX requests_by_customer_cseq ON requests(customer_id, cseq);",
	/* 6: a counter that every change able to alter what a credential
	 * identifies moves, whoever makes it (a worker, the CLI, an operator
	 * with sqlite3): auth.c keeps identified credentials in memory only
	 * while it stands still. */
	"CREATE TABLE auth_epoch ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  n INTEGER NOT NULL"
	") STRICT;"
	"INSERT INTO auth_epoch (id, n) VALUES (1, 0);"
	AUTH_EPOCH_CREDENTIAL_UPDATE
	"CREATE TRIGGER auth_epoch_credential_delete AFTER DELETE ON credentials"
	"  BEGIN UPDATE auth_epoch SET n = n + 1; END;"
	"CREATE TRIGGER auth_epoch_user_update AFTER UPDATE ON users"
	"  BEGIN UPDATE auth_epoch SET n = n + 1; END;"
	"CREATE TRIGGER auth_epoch_user_delete AFTER DELETE ON users"
	"  BEGIN UPDATE auth_epoch SET n = n + 1; END;"
	"CREATE TRIGGER auth_epoch_customer_update AFTER UPDATE ON customers"
	"  BEGIN UPDATE auth_epoch SET n = n + 1; END;"
	"CREATE TRIGGER auth_epoch_customer_delete AFTER DELETE ON customers"
	"  BEGIN UPDATE auth_epoch SET n = n + 1; END;",
	/* 7: (customer_id, cseq) serves every query (customer_id, seq) did,
	 * and the customers' foreign key; one index less per creation */
	"DROP INDEX requests_by_customer;",
	/* 8: indexes in the order the pages read, so that resolving a service
	 * point, the service point picker, a request's offers and notify list
	 * and the product list sort nothing into a temporary b-tree */
	"DROP INDEX service_points_by_custref;"
	"CREATE INDEX service_points_by_custref ON service_points(customer_id,"
	"  customer_reference, id);"
	"DROP INDEX service_points_by_ref;"
	"CREATE INDEX service_points_by_ref ON service_points(customer_id, reference, id);"
	"CREATE INDEX service_points_by_customer ON service_points(customer_id, id);"
	"CREATE INDEX internet_request_notify_by_pos ON internet_request_notify(request_id, pos);"
	"CREATE INDEX internet_offers_by_pos ON internet_offers(request_id, pos);"
	"CREATE INDEX products_by_price ON products(initiation_fee, type, name, id);",
	/* 9: how many requests each customer has of each type, category and
	 * status, kept by triggers whoever writes (a worker, the CLI, sqlite3),
	 * so that a list's total is a sum over a few counters instead of a
	 * count over every request it matches (see request_list_each) */
	"CREATE TABLE request_counts ("
	"  customer_id TEXT NOT NULL,"
	"  type TEXT NOT NULL,"
	"  category TEXT NOT NULL,"
	"  status TEXT NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  PRIMARY KEY (customer_id, type, category, status)"
	") STRICT, WITHOUT ROWID;"
	"INSERT INTO request_counts (customer_id, type, category, status, n)"
	"  SELECT customer_id, type, category, status, count(*) FROM requests"
	"  GROUP BY customer_id, type, category, status;"
	"CREATE TRIGGER request_counts_insert AFTER INSERT ON requests BEGIN"
	"  INSERT INTO request_counts (customer_id, type, category, status, n)"
	"    VALUES (NEW.customer_id, NEW.type, NEW.category, NEW.status, 1)"
	"    ON CONFLICT DO UPDATE SET n = n + 1;"
	"END;"
	"CREATE TRIGGER request_counts_update"
	"  AFTER UPDATE OF customer_id, type, category, status ON requests"
	"  WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.type IS NOT NEW.type"
	"    OR OLD.category IS NOT NEW.category OR OLD.status IS NOT NEW.status BEGIN"
	"  UPDATE request_counts SET n = n - 1 WHERE customer_id = OLD.customer_id"
	"    AND type = OLD.type AND category = OLD.category AND status = OLD.status;"
	"  INSERT INTO request_counts (customer_id, type, category, status, n)"
	"    VALUES (NEW.customer_id, NEW.type, NEW.category, NEW.status, 1)"
	"    ON CONFLICT DO UPDATE SET n = n + 1;"
	"END;"
	"CREATE TRIGGER request_counts_delete AFTER DELETE ON requests BEGIN"
	"  UPDATE request_counts SET n = n - 1 WHERE customer_id = OLD.customer_id"
	"    AND type = OLD.type AND category = OLD.category AND status = OLD.status;"
	"END;",
	/* 10: a list filtered by customer reference finds its rows */
	"CREATE INDEX requests_by_custref ON requests(customer_reference)"
	"  WHERE customer_reference IS NOT NULL;",
	/* 11: the mailer's purge seeks the oldest sent messages instead of
	 * testing every sent message each time (0.4 s at 2,000,000) */
	"CREATE INDEX outbox_sent ON outbox(sent_at) WHERE state = 'sent';",
	/* 12: migration 6's trigger gained its WHEN after some databases had
	 * run it; theirs moved the epoch at every recorded use */
	"DROP TRIGGER auth_epoch_credential_update;"
	AUTH_EPOCH_CREDENTIAL_UPDATE,
	/* 13: who granted or revoked a customized type to a customer, and
	 * when (catalog_grant.c; grants made before it have no entry) */
	"CREATE TABLE catalog_grant_history ("
	"  id INTEGER PRIMARY KEY,"
	"  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
	"  type TEXT NOT NULL,"
	"  action TEXT NOT NULL CHECK (action IN ('grant', 'revoke')),"
	"  at TEXT NOT NULL,"
	"  by_user TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  by_name TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX catalog_grant_history_by_customer ON catalog_grant_history(customer_id, id);",
	/* 14: what people read in: a user's language and time zone (NULL:
	 * chosen for them, docs/I18N.md), a customer's currency */
	"ALTER TABLE users ADD COLUMN language TEXT"
	"  CHECK (language IS NULL OR language IN ('en', 'fr', 'da'));"
	"ALTER TABLE users ADD COLUMN timezone TEXT"
	"  CHECK (timezone IS NULL OR length(timezone) BETWEEN 1 AND 63);"
	"ALTER TABLE customers ADD COLUMN currency TEXT NOT NULL DEFAULT 'EUR'"
	"  CHECK (length(currency) = 3);"
	"UPDATE customers SET currency = 'DKK' WHERE market = 'DK';",
	/* 15: logins that keep your place and accounts people open
	 * themselves: the desk's own keys (the login form's tokens are
	 * signed with one, so a planted pair cannot log anyone in), forms
	 * kept while their poster logs in again, and the single-use tokens
	 * of password resets and invitations (stored hashed) */
	"CREATE TABLE server_keys ("
	"  name TEXT PRIMARY KEY,"
	"  key TEXT NOT NULL CHECK (length(key) = 64)"
	") STRICT, WITHOUT ROWID;"
	"INSERT INTO server_keys (name, key) VALUES ('login', lower(hex(randomblob(32))));"
	"CREATE TABLE pending_forms ("
	"  id TEXT PRIMARY KEY CHECK (length(id) = 32),"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  path TEXT NOT NULL,"
	"  fields TEXT NOT NULL CHECK (json_valid(fields)),"
	"  expires INTEGER NOT NULL"
	") STRICT;"
	"CREATE TABLE user_tokens ("
	"  hash TEXT PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('reset', 'invite')),"
	"  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  created INTEGER NOT NULL,"
	"  expires INTEGER NOT NULL,"
	"  used INTEGER"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX user_tokens_by_user ON user_tokens(user_id, kind);",
	/* 16: a form posted twice (Back, then Send again) makes one request:
	 * the one-time token of the form that created a request, written
	 * with it (NULL for the APIs' requests and those made before) */
	"ALTER TABLE requests ADD COLUMN form_token TEXT"
	"  CHECK (form_token IS NULL OR length(form_token) = 32);"
	"CREATE UNIQUE INDEX requests_by_form_token ON requests(form_token)"
	"  WHERE form_token IS NOT NULL;"
	"ALTER TABLE internet_requests ADD COLUMN form_token TEXT"
	"  CHECK (form_token IS NULL OR length(form_token) = 32);"
	"CREATE UNIQUE INDEX internet_requests_by_form_token ON internet_requests(form_token)"
	"  WHERE form_token IS NOT NULL;",
	/* 17: conversations on requests of both families (conversation.c):
	 * replies between the customer and the operator, notes internal to
	 * the operator, and their attached files; a file's content is kept
	 * once however often it is sent (blobs, by SHA-256) */
	"CREATE TABLE blobs ("
	"  id INTEGER PRIMARY KEY,"
	"  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),"
	"  size INTEGER NOT NULL CHECK (size >= 0),"
	"  data BLOB NOT NULL"
	") STRICT;"
	"CREATE TABLE notes ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE CHECK (length(id) = 24),"
	"  family TEXT NOT NULL CHECK (family IN ('orange', 'internet')),"
	"  request_id TEXT NOT NULL,"
	"  internal INTEGER NOT NULL CHECK (internal IN (0, 1)),"
	"  side TEXT NOT NULL CHECK (side IN ('customer', 'operator')),"
	"  author_id TEXT NOT NULL REFERENCES users(id),"
	"  title TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  created TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX notes_by_request ON notes(family, request_id, seq);"
	"CREATE TABLE attachments ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE CHECK (length(id) = 24),"
	"  family TEXT NOT NULL CHECK (family IN ('orange', 'internet')),"
	"  request_id TEXT NOT NULL,"
	"  note_id TEXT REFERENCES notes(id),"
	"  internal INTEGER NOT NULL CHECK (internal IN (0, 1)),"
	"  name TEXT NOT NULL,"
	"  mime TEXT NOT NULL,"
	"  size INTEGER NOT NULL CHECK (size >= 0),"
	"  blob_id INTEGER NOT NULL REFERENCES blobs(id),"
	"  author_id TEXT NOT NULL REFERENCES users(id),"
	"  created TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX attachments_by_request ON attachments(family, request_id, seq);"
	"CREATE INDEX attachments_by_note ON attachments(note_id) WHERE note_id IS NOT NULL;",
	/* 18: search (search.c): one document per request of either family,
	 * its words kept by triggers in the transaction of every change (the
	 * request's own fields, its customer, its site, the text values of
	 * its properties, its replies; the operator's notes apart), indexed
	 * by FTS5 without case or accents, by word prefix; `scope` holds
	 * tokens of the customer and reseller the request belongs to, so
	 * that a customer's search reads only its own documents */
	"CREATE TABLE search_docs ("
	"  id INTEGER PRIMARY KEY,"
	"  family TEXT NOT NULL CHECK (family IN ('orange', 'internet')),"
	"  request_id TEXT NOT NULL,"
	"  customer_id TEXT,"
	"  reseller_id TEXT,"
	"  scope TEXT NOT NULL,"
	"  words TEXT NOT NULL,"
	"  notes TEXT NOT NULL DEFAULT '',"
	"  internal TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (family, request_id)"
	") STRICT;"
	"CREATE VIRTUAL TABLE search_index USING fts5(scope, words, notes, internal,"
	"  content='search_docs', content_rowid='id',"
	"  tokenize='unicode61 remove_diacritics 2', prefix='2 3');"
	"CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN"
	"  INSERT INTO search_index (rowid, scope, words, notes, internal)"
	"    VALUES (NEW.id, NEW.scope, NEW.words, NEW.notes, NEW.internal);"
	" END;"
	"CREATE TRIGGER search_docs_update AFTER UPDATE ON search_docs BEGIN"
	"  INSERT INTO search_index (search_index, rowid, scope, words, notes, internal)"
	"    VALUES ('delete', OLD.id, OLD.scope, OLD.words, OLD.notes, OLD.internal);"
	"  INSERT INTO search_index (rowid, scope, words, notes, internal)"
	"    VALUES (NEW.id, NEW.scope, NEW.words, NEW.notes, NEW.internal);"
	" END;"
	"CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN"
	"  INSERT INTO search_index (search_index, rowid, scope, words, notes, internal)"
	"    VALUES ('delete', OLD.id, OLD.scope, OLD.words, OLD.notes, OLD.internal);"
	" END;"
	/* what a request's document says, from the tables as they are */
	"CREATE VIEW search_words (family, request_id, customer_id, reseller_id, scope, words) AS"
	" SELECT 'orange', r.id, r.customer_id, NULL, 'c' || lower(hex(r.customer_id)),"
	"  r.id || ' ' || coalesce(r.customer_reference, '') || ' ' || coalesce(r.contract, '')"
	"  || ' ' || c.name || ' ' || coalesce((SELECT s.id || ' ' || coalesce(s.reference, '')"
	"    || ' ' || coalesce(s.customer_reference, '') || ' ' || s.name || ' '"
	"    || coalesce(s.street, '') || ' ' || coalesce(s.postcode, '') || ' '"
	"    || coalesce(s.city, '') FROM service_points s WHERE s.id = r.service_point_id), '')"
	"  || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_tree(r.properties)"
	"    WHERE type = 'text'), '') || ' ' || coalesce(r.comment, '')"
	" FROM requests r JOIN customers c ON c.id = r.customer_id"
	" UNION ALL"
	" SELECT 'internet', i.id, i.customer_id, i.reseller_id,"
	"  trim(coalesce('c' || lower(hex(i.customer_id)), '') || ' '"
	"    || coalesce('r' || lower(hex(i.reseller_id)), '')),"
	"  i.id || ' ' || coalesce(i.reference, '') || ' '"
	"  || coalesce((SELECT name FROM customers WHERE id = i.customer_id), '') || ' '"
	"  || coalesce((SELECT name FROM resellers WHERE id = i.reseller_id), '') || ' '"
	"  || i.address || ' ' || i.zip || ' ' || i.city || ' ' || coalesce(i.address2, '')"
	"  || ' ' || coalesce(i.zip2, '') || ' ' || coalesce(i.city2, '') || ' '"
	"  || coalesce(i.notes, '') || ' ' || coalesce(i.takeover_circuit, '') || ' '"
	"  || coalesce(i.takeover_customer, '') || ' ' || coalesce(i.install_call_name, '')"
	"  || ' ' || coalesce(i.install_call_number, '') || ' '"
	"  || coalesce((SELECT name FROM products WHERE id = i.product_id), '') || ' '"
	"  || coalesce((SELECT a.id || ' ' || coalesce(a.circuit, '') FROM internet_accounts a"
	"    WHERE a.request_id = i.id), '')"
	" FROM internet_requests i;"
	"CREATE TRIGGER search_requests_insert AFTER INSERT ON requests BEGIN"
	"  INSERT INTO search_docs (family, request_id, customer_id, reseller_id, scope, words)"
	"    SELECT family, request_id, customer_id, reseller_id, scope, words FROM search_words"
	"    WHERE family = 'orange' AND request_id = NEW.id;"
	" END;"
	"CREATE TRIGGER search_requests_update AFTER UPDATE OF customer_reference, contract,"
	"  comment, properties, service_point_id ON requests BEGIN"
	"  UPDATE search_docs SET words = (SELECT words FROM search_words"
	"    WHERE family = 'orange' AND request_id = NEW.id)"
	"    WHERE family = 'orange' AND request_id = NEW.id;"
	" END;"
	"CREATE TRIGGER search_inet_insert AFTER INSERT ON internet_requests BEGIN"
	"  INSERT INTO search_docs (family, request_id, customer_id, reseller_id, scope, words)"
	"    SELECT family, request_id, customer_id, reseller_id, scope, words FROM search_words"
	"    WHERE family = 'internet' AND request_id = NEW.id;"
	" END;"
	"CREATE TRIGGER search_inet_update AFTER UPDATE ON internet_requests BEGIN"
	"  UPDATE search_docs SET (customer_id, reseller_id, scope, words) = (SELECT"
	"    customer_id, reseller_id, scope, words FROM search_words"
	"    WHERE family = 'internet' AND request_id = NEW.id)"
	"    WHERE family = 'internet' AND request_id = NEW.id;"
	" END;"
	"CREATE TRIGGER search_account_insert AFTER INSERT ON internet_accounts BEGIN"
	"  UPDATE search_docs SET words = (SELECT words FROM search_words"
	"    WHERE family = 'internet' AND request_id = NEW.request_id)"
	"    WHERE family = 'internet' AND request_id = NEW.request_id;"
	" END;"
	"CREATE TRIGGER search_account_update AFTER UPDATE OF circuit ON internet_accounts BEGIN"
	"  UPDATE search_docs SET words = (SELECT words FROM search_words"
	"    WHERE family = 'internet' AND request_id = NEW.request_id)"
	"    WHERE family = 'internet' AND request_id = NEW.request_id;"
	" END;"
	"CREATE TRIGGER search_notes_insert AFTER INSERT ON notes BEGIN"
	"  UPDATE search_docs SET"
	"    notes = CASE WHEN NEW.internal THEN notes ELSE notes || ' ' || NEW.title || ' ' || NEW.body END,"
	"    internal = CASE WHEN NEW.internal THEN internal || ' ' || NEW.title || ' ' || NEW.body"
	"      ELSE internal END"
	"    WHERE family = NEW.family AND request_id = NEW.request_id;"
	" END;"
	"INSERT INTO search_docs (family, request_id, customer_id, reseller_id, scope, words)"
	"  SELECT family, request_id, customer_id, reseller_id, scope, words FROM search_words;",
	/* 19: mails with an HTML alternative and, for the mails about a
	 * request sent to people, the link that stops them (outbox.c): one
	 * token per address and request, the moment it was used */
	"ALTER TABLE outbox ADD COLUMN html TEXT;"
	"ALTER TABLE outbox ADD COLUMN unsubscribe TEXT;"
	"CREATE TABLE mail_subscriptions ("
	"  object_id TEXT NOT NULL,"
	"  email TEXT NOT NULL COLLATE NOCASE,"
	"  token TEXT NOT NULL UNIQUE CHECK (length(token) = 64),"
	"  created TEXT NOT NULL,"
	"  stopped TEXT,"
	"  PRIMARY KEY (object_id, email)"
	") STRICT, WITHOUT ROWID;",
	/* 20: Idempotency-Key (idempotency.c): the answer to a creation,
	 * kept with the key its caller sent, in the creation's transaction;
	 * a key is its owner's (the credential's user) and lives 24 hours */
	"CREATE TABLE idempotency_keys ("
	"  id INTEGER PRIMARY KEY,"
	"  owner TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 255),"
	"  fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),"
	"  status INTEGER NOT NULL,"
	"  header TEXT,"
	"  header_value TEXT,"
	"  body TEXT NOT NULL,"
	"  created INTEGER NOT NULL,"
	"  expires INTEGER NOT NULL,"
	"  UNIQUE (owner, key)"
	") STRICT;"
	"CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys(expires);",
	/* 21: reference data edited in the desk (admin_records.c): a
	 * product or an address retired is no longer offered, and still
	 * shown by the requests and offers that name it; every change to a
	 * service point, product or address is kept (import.c) */
	"ALTER TABLE products ADD COLUMN retired TEXT;"
	"ALTER TABLE addresses ADD COLUMN retired TEXT;"
	"CREATE TABLE reference_history ("
	"  seq INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('servicepoint', 'product', 'address')),"
	"  object_id TEXT NOT NULL,"
	"  action TEXT NOT NULL CHECK (action IN ('imported', 'added', 'edited',"
	"    'retired', 'restored')),"
	"  by_user TEXT REFERENCES users(id),"
	"  at TEXT NOT NULL,"
	"  record TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX reference_history_by_object ON reference_history(kind, object_id, seq);",
	/* 22: the operator's inbox (queue.c): one row per request of either
	 * family, kept by triggers in the transaction of every change, with
	 * what the operator owns (who handles it, its priority); counts per
	 * family and state; who was given what, when */
	"CREATE TABLE queue_settings ("
	"  one INTEGER PRIMARY KEY CHECK (one = 1),"
	"  offer_due_days INTEGER NOT NULL CHECK (offer_due_days BETWEEN 0 AND 365),"
	"  offer_valid_days INTEGER NOT NULL CHECK (offer_valid_days BETWEEN 0 AND 3650)"
	") STRICT;"
	"INSERT INTO queue_settings VALUES (1, 2, 30);"
	"CREATE TABLE queue ("
	"  id INTEGER PRIMARY KEY,"
	"  family TEXT NOT NULL CHECK (family IN ('orange', 'internet')),"
	"  request_id TEXT NOT NULL,"
	"  customer_id TEXT,"
	"  customer_name TEXT NOT NULL,"
	"  state TEXT NOT NULL,"
	"  open INTEGER NOT NULL CHECK (open IN (0, 1)),"
	"  assignee_id TEXT REFERENCES users(id),"
	"  priority INTEGER NOT NULL DEFAULT 1 CHECK (priority IN (0, 1, 2)),"
	"  due TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  activity TEXT NOT NULL,"
	"  waiting INTEGER NOT NULL DEFAULT 0 CHECK (waiting IN (0, 1)),"
	"  UNIQUE (family, request_id)"
	") STRICT;"
	"CREATE INDEX queue_by_due ON queue(open, due);"
	"CREATE INDEX queue_by_created ON queue(open, created);"
	"CREATE INDEX queue_by_customer ON queue(open, customer_name);"
	"CREATE INDEX queue_by_activity ON queue(open, activity);"
	"CREATE INDEX queue_by_assignee ON queue(open, assignee_id);"
	"CREATE INDEX queue_by_waiting ON queue(open, waiting, due);"
	"CREATE TABLE queue_counts ("
	"  family TEXT NOT NULL,"
	"  state TEXT NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  PRIMARY KEY (family, state)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE queue_history ("
	"  seq INTEGER PRIMARY KEY,"
	"  family TEXT NOT NULL,"
	"  request_id TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  by_user TEXT NOT NULL REFERENCES users(id),"
	"  assignee_id TEXT REFERENCES users(id),"
	"  priority INTEGER NOT NULL"
	") STRICT;"
	"CREATE INDEX queue_history_by_request ON queue_history(family, request_id, seq);"
	"CREATE TRIGGER queue_counted AFTER INSERT ON queue BEGIN"
	"  INSERT INTO queue_counts VALUES (NEW.family, NEW.state, 1)"
	"    ON CONFLICT (family, state) DO UPDATE SET n = n + 1;"
	" END;"
	"CREATE TRIGGER queue_recounted AFTER UPDATE OF state ON queue"
	"  WHEN NEW.state <> OLD.state BEGIN"
	"  UPDATE queue_counts SET n = n - 1 WHERE family = OLD.family AND state = OLD.state;"
	"  INSERT INTO queue_counts VALUES (NEW.family, NEW.state, 1)"
	"    ON CONFLICT (family, state) DO UPDATE SET n = n + 1;"
	" END;"
	"CREATE VIEW queue_words AS"
	"  SELECT 'orange' AS family, r.id AS request_id, r.customer_id,"
	"    coalesce(c.name, '') AS customer_name, r.status AS state,"
	"    r.status IN ('NEW', 'IN_PROGRESS') AS open, date(r.requested_at) AS due,"
	"    r.issued_at AS created, r.updated_at AS activity"
	"  FROM requests r LEFT JOIN customers c ON c.id = r.customer_id"
	"  UNION ALL"
	"  SELECT 'internet', i.id, i.customer_id, coalesce(c.name, s.name, ''),"
	"    CASE WHEN a.state IS NOT NULL THEN a.state"
	"      WHEN i.answered IS NULL THEN 'NEW' ELSE 'HAS_OFFER' END,"
	"    coalesce(a.state IN ('ORDERED', 'CONFIRMED'), 1),"
	"    CASE WHEN a.state IS NOT NULL THEN coalesce(i.start_date, date(a.ordered))"
	"      WHEN i.answered IS NULL THEN " WORKDAYS_ADD("date(i.created)",
	    "(SELECT offer_due_days FROM queue_settings)")
	"      ELSE date(i.answered, '+' || (SELECT offer_valid_days FROM queue_settings)"
	"        || ' days') END,"
	"    i.created, max(i.updated, coalesce(a.confirmed, a.ordered, i.updated))"
	"  FROM internet_requests i LEFT JOIN customers c ON c.id = i.customer_id"
	"  LEFT JOIN resellers s ON s.id = i.reseller_id"
	"  LEFT JOIN internet_accounts a ON a.request_id = i.id;"
	"CREATE TRIGGER queue_requests_insert AFTER INSERT ON requests BEGIN"
	"  INSERT INTO queue (family, request_id, customer_id, customer_name, state, open,"
	"    due, created, activity)"
	"    SELECT family, request_id, customer_id, customer_name, state, open, due,"
	"      created, activity FROM queue_words WHERE family = 'orange' AND request_id = NEW.id;"
	" END;"
	"CREATE TRIGGER queue_requests_update AFTER UPDATE OF status, requested_at,"
	"  updated_at ON requests BEGIN"
	"  UPDATE queue SET (state, open, due, activity) = (SELECT w.state, w.open, w.due,"
	"    max(queue.activity, w.activity) FROM queue_words w"
	"    WHERE w.family = 'orange' AND w.request_id = NEW.id)"
	"    WHERE family = 'orange' AND request_id = NEW.id;"
	" END;"
	"CREATE TRIGGER queue_inet_insert AFTER INSERT ON internet_requests BEGIN"
	"  INSERT INTO queue (family, request_id, customer_id, customer_name, state, open,"
	"    due, created, activity)"
	"    SELECT family, request_id, customer_id, customer_name, state, open, due,"
	"      created, activity FROM queue_words WHERE family = 'internet' AND request_id = NEW.id;"
	" END;"
	"CREATE TRIGGER queue_inet_update AFTER UPDATE OF answered, updated, start_date"
	"  ON internet_requests BEGIN"
	"  UPDATE queue SET (state, open, due, activity) = (SELECT w.state, w.open, w.due,"
	"    max(queue.activity, w.activity) FROM queue_words w"
	"    WHERE w.family = 'internet' AND w.request_id = NEW.id)"
	"    WHERE family = 'internet' AND request_id = NEW.id;"
	" END;"
	"CREATE TRIGGER queue_account_insert AFTER INSERT ON internet_accounts BEGIN"
	"  UPDATE queue SET (state, open, due, activity) = (SELECT w.state, w.open, w.due,"
	"    max(queue.activity, w.activity) FROM queue_words w"
	"    WHERE w.family = 'internet' AND w.request_id = NEW.request_id)"
	"    WHERE family = 'internet' AND request_id = NEW.request_id;"
	" END;"
	"CREATE TRIGGER queue_account_update AFTER UPDATE OF state, confirmed, start_date"
	"  ON internet_accounts BEGIN"
	"  UPDATE queue SET (state, open, due, activity) = (SELECT w.state, w.open, w.due,"
	"    max(queue.activity, w.activity) FROM queue_words w"
	"    WHERE w.family = 'internet' AND w.request_id = NEW.request_id)"
	"    WHERE family = 'internet' AND request_id = NEW.request_id;"
	" END;"
	"CREATE TRIGGER queue_notes_insert AFTER INSERT ON notes BEGIN"
	"  UPDATE queue SET activity = max(activity, NEW.created),"
	"    waiting = CASE WHEN NEW.internal THEN waiting ELSE NEW.side = 'operator' END"
	"    WHERE family = NEW.family AND request_id = NEW.request_id;"
	" END;"
	"INSERT INTO queue (family, request_id, customer_id, customer_name, state, open,"
	"  due, created, activity)"
	"  SELECT family, request_id, customer_id, customer_name, state, open, due,"
	"    created, activity FROM queue_words;"
	"UPDATE queue SET waiting = coalesce((SELECT n.side = 'operator' FROM notes n"
	"  WHERE n.family = queue.family AND n.request_id = queue.request_id"
	"  AND n.internal = 0 ORDER BY n.seq DESC LIMIT 1), 0),"
	"  activity = max(activity, coalesce((SELECT max(n.created) FROM notes n"
	"  WHERE n.family = queue.family AND n.request_id = queue.request_id), ''));",
	/* 23: the whole life of an Internet request (docs/INTERNET.md): its
	 * state stored, moved by triggers in the transaction of the change
	 * that moves it whoever writes (an offer saved or removed, an
	 * account ordered, confirmed, activated, cancelled); who activated
	 * and cancelled an account, and when; a request of a customer
	 * resold by one reseller alone is that reseller's (the scope of
	 * reseller staff is the requests that are theirs, INET_SCOPE); the
	 * search trigger no longer runs for a change of state alone */
	"ALTER TABLE internet_requests ADD COLUMN state TEXT NOT NULL DEFAULT 'NEW'"
	"  CHECK (state IN ('NEW', 'HAS_OFFER', 'ORDERED', 'CONFIRMED', 'ACTIVE', 'CANCELLED'));"
	"ALTER TABLE internet_accounts ADD COLUMN activated TEXT;"
	"ALTER TABLE internet_accounts ADD COLUMN activated_by TEXT REFERENCES users(id);"
	"ALTER TABLE internet_accounts ADD COLUMN cancelled TEXT;"
	"ALTER TABLE internet_accounts ADD COLUMN cancelled_by TEXT REFERENCES users(id);"
	"CREATE INDEX internet_requests_by_state ON internet_requests(state, seq);"
	"DROP TRIGGER search_inet_update;"
	"CREATE TRIGGER search_inet_update AFTER UPDATE OF customer_id, reseller_id, notes,"
	"  address, zip, city, address2, zip2, city2, product_id, takeover_circuit,"
	"  takeover_customer, reference, install_call_number, install_call_name"
	"  ON internet_requests BEGIN"
	"  UPDATE search_docs SET (customer_id, reseller_id, scope, words) = (SELECT"
	"    customer_id, reseller_id, scope, words FROM search_words"
	"    WHERE family = 'internet' AND request_id = NEW.id)"
	"    WHERE family = 'internet' AND request_id = NEW.id;"
	" END;"
	"UPDATE internet_requests SET reseller_id = (SELECT min(reseller_id)"
	"  FROM reseller_customers WHERE customer_id = internet_requests.customer_id)"
	"  WHERE reseller_id IS NULL AND (SELECT count(*) FROM reseller_customers"
	"  WHERE customer_id = internet_requests.customer_id) = 1;"
	"UPDATE internet_accounts SET reseller_id = (SELECT reseller_id FROM internet_requests r"
	"  WHERE r.id = internet_accounts.request_id);"
	"UPDATE internet_requests SET state = coalesce((SELECT a.state FROM internet_accounts a"
	"  WHERE a.request_id = internet_requests.id), CASE WHEN EXISTS (SELECT 1"
	"  FROM internet_offers o WHERE o.request_id = internet_requests.id)"
	"  THEN 'HAS_OFFER' ELSE 'NEW' END);"
	"CREATE TRIGGER inet_state_offer_insert AFTER INSERT ON internet_offers BEGIN"
	"  UPDATE internet_requests SET state = 'HAS_OFFER'"
	"    WHERE id = NEW.request_id AND state = 'NEW';"
	" END;"
	"CREATE TRIGGER inet_state_offer_delete AFTER DELETE ON internet_offers BEGIN"
	"  UPDATE internet_requests SET state = 'NEW' WHERE id = OLD.request_id"
	"    AND state = 'HAS_OFFER' AND NOT EXISTS (SELECT 1 FROM internet_offers"
	"    WHERE request_id = OLD.request_id);"
	" END;"
	"CREATE TRIGGER inet_state_account_insert AFTER INSERT ON internet_accounts BEGIN"
	"  UPDATE internet_requests SET state = NEW.state WHERE id = NEW.request_id;"
	" END;"
	"CREATE TRIGGER inet_state_account_update AFTER UPDATE OF state ON internet_accounts"
	"  WHEN OLD.state IS NOT NEW.state BEGIN"
	"  UPDATE internet_requests SET state = NEW.state WHERE id = NEW.request_id;"
	" END;"
	/* the inbox (migration 22) reads the stored state */
	"DROP VIEW queue_words;"
	"CREATE VIEW queue_words AS"
	"  SELECT 'orange' AS family, r.id AS request_id, r.customer_id,"
	"    coalesce(c.name, '') AS customer_name, r.status AS state,"
	"    r.status IN ('NEW', 'IN_PROGRESS') AS open, date(r.requested_at) AS due,"
	"    r.issued_at AS created, r.updated_at AS activity"
	"  FROM requests r LEFT JOIN customers c ON c.id = r.customer_id"
	"  UNION ALL"
	"  SELECT 'internet', i.id, i.customer_id, coalesce(c.name, s.name, ''), i.state,"
	"    i.state IN ('NEW', 'HAS_OFFER', 'ORDERED', 'CONFIRMED'),"
	"    CASE WHEN a.state IS NOT NULL THEN coalesce(i.start_date, date(a.ordered))"
	"      WHEN i.answered IS NULL THEN " WORKDAYS_ADD("date(i.created)",
	    "(SELECT offer_due_days FROM queue_settings)")
	"      ELSE date(i.answered, '+' || (SELECT offer_valid_days FROM queue_settings)"
	"        || ' days') END,"
	"    i.created, max(i.updated, coalesce(a.cancelled, a.activated, a.confirmed,"
	"      a.ordered, i.updated))"
	"  FROM internet_requests i LEFT JOIN customers c ON c.id = i.customer_id"
	"  LEFT JOIN resellers s ON s.id = i.reseller_id"
	"  LEFT JOIN internet_accounts a ON a.request_id = i.id;"
	"DROP TRIGGER queue_inet_update;"
	"CREATE TRIGGER queue_inet_update AFTER UPDATE OF answered, updated, start_date, state"
	"  ON internet_requests BEGIN"
	"  UPDATE queue SET (state, open, due, activity) = (SELECT w.state, w.open, w.due,"
	"    max(queue.activity, w.activity) FROM queue_words w"
	"    WHERE w.family = 'internet' AND w.request_id = NEW.id)"
	"    WHERE family = 'internet' AND request_id = NEW.id;"
	" END;"
	"UPDATE queue SET (state, open, due) = (SELECT w.state, w.open, w.due FROM queue_words w"
	"  WHERE w.family = 'internet' AND w.request_id = queue.request_id)"
	"  WHERE family = 'internet';",
	/* 24: the reply form of the request pages (conv_pages.c): the
	 * one-time token a note was posted with, so that a form sent twice
	 * stores one note */
	"ALTER TABLE notes ADD COLUMN form_token TEXT"
	"  CHECK (form_token IS NULL OR length(form_token) = 32);"
	"CREATE UNIQUE INDEX notes_by_form_token ON notes(author_id, form_token)"
	"  WHERE form_token IS NOT NULL;",
	/* 25: webhooks (webhook.c, docs/WEBHOOKS.md): subscriptions of a
	 * customer (or of the operator: customer_id NULL), the messages
	 * queued in the transaction of each change, each delivery attempt.
	 * next_attempt and retry_from are on the calendar's clock (the test
	 * clock), the lease on the real one. */
	"CREATE TABLE webhooks ("
	"  id TEXT PRIMARY KEY CHECK (length(id) = 24),"
	"  customer_id TEXT REFERENCES customers(id) ON DELETE CASCADE,"
	"  url TEXT NOT NULL,"
	"  events TEXT NOT NULL CHECK (json_valid(events)),"
	"  description TEXT NOT NULL DEFAULT '',"
	"  secret TEXT NOT NULL,"
	"  previous_secret TEXT,"
	"  previous_until INTEGER,"
	"  created TEXT NOT NULL,"
	"  created_by TEXT REFERENCES users(id) ON DELETE SET NULL"
	") STRICT;"
	"CREATE INDEX webhooks_by_customer ON webhooks(customer_id);"
	"CREATE TABLE webhook_messages ("
	"  id INTEGER PRIMARY KEY,"
	"  msg_id TEXT NOT NULL UNIQUE,"
	"  webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,"
	"  event TEXT NOT NULL,"
	"  object_id TEXT,"
	"  payload TEXT NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'queued'"
	"    CHECK (state IN ('queued', 'sending', 'delivered', 'failed')),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_attempt INTEGER NOT NULL,"
	"  retry_from INTEGER NOT NULL,"
	"  claimed_by TEXT,"
	"  claimed_until INTEGER,"
	"  created TEXT NOT NULL,"
	"  delivered_at TEXT,"
	"  last_status INTEGER,"
	"  last_error TEXT"
	") STRICT;"
	"CREATE INDEX webhook_messages_due ON webhook_messages(state, next_attempt);"
	"CREATE INDEX webhook_messages_by_webhook ON webhook_messages(webhook_id, id);"
	"CREATE INDEX webhook_messages_delivered ON webhook_messages(delivered_at)"
	"  WHERE state = 'delivered';"
	"CREATE TABLE webhook_attempts ("
	"  id INTEGER PRIMARY KEY,"
	"  message_id INTEGER NOT NULL REFERENCES webhook_messages(id) ON DELETE CASCADE,"
	"  at TEXT NOT NULL,"
	"  status INTEGER NOT NULL,"
	"  duration_ms INTEGER NOT NULL,"
	"  error TEXT,"
	"  answer TEXT"
	") STRICT;"
	"CREATE INDEX webhook_attempts_by_message ON webhook_attempts(message_id, id);",
	/* 26: the inbox's pages index-bound for every view and sort
	 * (queue.c, docs/INBOX.md "What it costs"): for each sort, an index
	 * of the open rows, of the open rows by assignee (unassigned: NULL)
	 * and of the open rows waiting for the customer, each in the page's
	 * order (the sort key, then the id, so that a cursor is a seek) and
	 * holding the filters' columns after the id (which orders nothing
	 * more) so that a filtered page tests them in the index */
	"DROP INDEX queue_by_due; DROP INDEX queue_by_created;"
	"DROP INDEX queue_by_customer; DROP INDEX queue_by_activity;"
	"DROP INDEX queue_by_assignee; DROP INDEX queue_by_waiting;"
	"CREATE INDEX queue_open_due ON queue(due, id, family, state, priority)"
	"  WHERE open = 1;"
	"CREATE INDEX queue_open_age ON queue(created, id, family, state, priority, due)"
	"  WHERE open = 1;"
	"CREATE INDEX queue_open_customer ON queue(customer_name, id, family, state,"
	"  priority, due) WHERE open = 1;"
	"CREATE INDEX queue_open_activity ON queue(activity, id, family, state, priority,"
	"  due) WHERE open = 1;"
	"CREATE INDEX queue_assignee_due ON queue(assignee_id, due, id, family, state,"
	"  priority) WHERE open = 1;"
	"CREATE INDEX queue_assignee_age ON queue(assignee_id, created, id, family, state,"
	"  priority, due) WHERE open = 1;"
	"CREATE INDEX queue_assignee_customer ON queue(assignee_id, customer_name, id,"
	"  family, state, priority, due) WHERE open = 1;"
	"CREATE INDEX queue_assignee_activity ON queue(assignee_id, activity, id, family,"
	"  state, priority, due) WHERE open = 1;"
	"CREATE INDEX queue_waiting_due ON queue(due, id, family, state, priority)"
	"  WHERE open = 1 AND waiting = 1;"
	"CREATE INDEX queue_waiting_age ON queue(created, id, family, state, priority, due)"
	"  WHERE open = 1 AND waiting = 1;"
	"CREATE INDEX queue_waiting_customer ON queue(customer_name, id, family, state,"
	"  priority, due) WHERE open = 1 AND waiting = 1;"
	"CREATE INDEX queue_waiting_activity ON queue(activity, id, family, state,"
	"  priority, due) WHERE open = 1 AND waiting = 1;"
	/* ... how many open requests each family, state, priority, assignee
	 * ('': nobody) and waiting flag holds, kept by triggers on the
	 * queue, so that a view's count with any filter sums a few rows */
	"CREATE TABLE queue_tally ("
	"  family TEXT NOT NULL,"
	"  state TEXT NOT NULL,"
	"  priority INTEGER NOT NULL,"
	"  assignee TEXT NOT NULL,"
	"  waiting INTEGER NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  PRIMARY KEY (family, state, priority, assignee, waiting)"
	") STRICT, WITHOUT ROWID;"
	"INSERT INTO queue_tally SELECT family, state, priority, coalesce(assignee_id, ''),"
	"  waiting, count(*) FROM queue WHERE open = 1 GROUP BY 1, 2, 3, 4, 5;"
	"CREATE TRIGGER queue_tally_insert AFTER INSERT ON queue WHEN NEW.open = 1 BEGIN"
	"  INSERT INTO queue_tally VALUES (NEW.family, NEW.state, NEW.priority,"
	"    coalesce(NEW.assignee_id, ''), NEW.waiting, 1)"
	"    ON CONFLICT DO UPDATE SET n = n + 1;"
	" END;"
	"CREATE TRIGGER queue_tally_update AFTER UPDATE OF family, state, open, priority,"
	"  assignee_id, waiting ON queue WHEN OLD.family IS NOT NEW.family"
	"  OR OLD.state IS NOT NEW.state OR OLD.open IS NOT NEW.open"
	"  OR OLD.priority IS NOT NEW.priority OR OLD.assignee_id IS NOT NEW.assignee_id"
	"  OR OLD.waiting IS NOT NEW.waiting BEGIN"
	"  UPDATE queue_tally SET n = n - 1 WHERE OLD.open = 1 AND family = OLD.family"
	"    AND state = OLD.state AND priority = OLD.priority"
	"    AND assignee = coalesce(OLD.assignee_id, '') AND waiting = OLD.waiting;"
	"  INSERT INTO queue_tally SELECT NEW.family, NEW.state, NEW.priority,"
	"    coalesce(NEW.assignee_id, ''), NEW.waiting, 1 WHERE NEW.open = 1"
	"    ON CONFLICT DO UPDATE SET n = n + 1;"
	" END;"
	"CREATE TRIGGER queue_tally_delete AFTER DELETE ON queue WHEN OLD.open = 1 BEGIN"
	"  UPDATE queue_tally SET n = n - 1 WHERE family = OLD.family AND state = OLD.state"
	"    AND priority = OLD.priority AND assignee = coalesce(OLD.assignee_id, '')"
	"    AND waiting = OLD.waiting;"
	" END;"
	/* ... and search (migration 18, docs/SEARCH.md) by word prefixes of
	 * 1 to 12 characters from an index of its own for each length: a
	 * prefix without one makes FTS5 merge the lists of every word it
	 * begins, whole, before the first row (0.1-0.4 s for a word in each
	 * of 1,000,000 requests); with one, the list is read as far as the
	 * page goes */
	"DROP TABLE search_index;"
	"CREATE VIRTUAL TABLE search_index USING fts5(scope, words, notes, internal,"
	"  content='search_docs', content_rowid='id',"
	"  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6 7 8 9 10 11 12');"
	"INSERT INTO search_index (search_index) VALUES ('rebuild');",
	/* 27: webhooks edited and paused (webhook.c, docs/WEBHOOKS.md): a
	 * paused subscription is sent nothing and queues nothing; when it
	 * was last changed; the one-time token of the page's form that made
	 * it (Back, then Send again, makes one); every change kept (who,
	 * when, what, the subscription after it, without its secret) */
	"ALTER TABLE webhooks ADD COLUMN paused INTEGER NOT NULL DEFAULT 0"
	"  CHECK (paused IN (0, 1));"
	"ALTER TABLE webhooks ADD COLUMN updated TEXT;"
	"ALTER TABLE webhooks ADD COLUMN form_token TEXT"
	"  CHECK (form_token IS NULL OR length(form_token) = 32);"
	"CREATE UNIQUE INDEX webhooks_by_form_token ON webhooks(created_by, form_token)"
	"  WHERE form_token IS NOT NULL;"
	"CREATE TABLE webhook_history ("
	"  seq INTEGER PRIMARY KEY,"
	"  webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,"
	"  action TEXT NOT NULL CHECK (action IN ('created', 'edited', 'paused', 'resumed',"
	"    'rotated')),"
	"  by_user TEXT REFERENCES users(id) ON DELETE SET NULL,"
	"  at TEXT NOT NULL,"
	"  record TEXT NOT NULL CHECK (json_valid(record))"
	") STRICT;"
	"CREATE INDEX webhook_history_by_webhook ON webhook_history(webhook_id, seq);",
};

/* The caller's scope over a customer id column: parameters ?1 (all),
 * ?2 (customer id), ?3 (reseller id); see store.h.  EXISTS, not IN: an
 * IN (SELECT ...) list is built into a temporary b-tree at each run,
 * where EXISTS is a primary-key probe. */
#define IN_SCOPE(col) "(?1 = 1 OR " col " = ?2 OR EXISTS (SELECT 1" \
	" FROM reseller_customers WHERE reseller_id = ?3 AND customer_id = " col "))"

/* A range over the same column that an index can seek: a customer's own
 * rows for a customer's user (?2), every value otherwise (TEXT sorts
 * before any BLOB).  IN_SCOPE alone is an OR that SQLite can only test
 * row by row; for statements whose plan should seek the caller's customer
 * rather than scan every customer's rows. */
#define SCOPE_RANGE(col) " AND " col " BETWEEN coalesce(?2, '') AND coalesce(?2, x'ff')"

/* Search (search.c): the documents matching ?4 (an FTS5 query), of
 * family ?5 (NULL: both), that the caller's scope ?1-?3 sees. */
#define SEARCH_WHERE " FROM search_index CROSS JOIN search_docs d ON d.id = search_index.rowid" \
	" LEFT JOIN requests r ON d.family = 'orange' AND r.id = d.request_id" \
	" LEFT JOIN customers c ON c.id = r.customer_id" \
	" LEFT JOIN internet_requests i ON d.family = 'internet' AND i.id = d.request_id" \
	" LEFT JOIN customers ic ON ic.id = i.customer_id" \
	" LEFT JOIN resellers rs ON rs.id = i.reseller_id" \
	" LEFT JOIN internet_accounts a ON a.request_id = i.id" \
	" WHERE search_index MATCH ?4 AND (?5 IS NULL OR d.family = ?5)" \
	" AND ((d.family = 'orange' AND " IN_SCOPE("d.customer_id") ")" \
	" OR (d.family = 'internet' AND " INET_SCOPE_OF("d") "))"

/* A family's list searched: its requests whose search document matches
 * `param`, read from the index newest first (the plan streams: the
 * first page of a word every request holds costs as little as that of a
 * rare one), within the scope and the list's filters.  Counts stop at
 * SEARCH_COUNT_MAX (store.h).  CROSS JOIN keeps the index first: the
 * planner would otherwise ask FTS5 once per request. */
#define SEARCH_JOIN(family) " FROM search_index" \
	" CROSS JOIN search_docs d ON d.id = search_index.rowid AND d.family = '" family "'"
#define REQ_SEARCH_WHERE(param) SEARCH_JOIN("orange") \
	" CROSS JOIN requests r ON r.id = d.request_id JOIN customers c ON c.id = r.customer_id" \
	" WHERE search_index MATCH " param " AND " IN_SCOPE("r.customer_id") REQ_FILTERS
#define INET_SEARCH_WHERE(param) SEARCH_JOIN("internet") \
	" CROSS JOIN internet_requests r ON r.id = d.request_id" INET_JOINS \
	" WHERE search_index MATCH " param " AND " INET_SCOPE INET_FILTERS
#define SEARCH_COUNTED(from) "SELECT count(*) FROM (SELECT 1" from \
	" LIMIT " STORE_STR(SEARCH_COUNT_MAX) ")"
/* A page of results starts within the SEARCH_COUNT_MAX counted: deeper,
 * it is empty (and reads nothing), so that no offset makes a search
 * read more than those. */
#define SEARCH_LIMIT(limit, offset) "CASE WHEN " offset " >= " \
	STORE_STR(SEARCH_COUNT_MAX) " THEN 0 ELSE " limit " END"
#define STORE_STR(x)	STORE_STR_(x)
#define STORE_STR_(x)	#x

/* The columns of enum note_col and att_col (store.h), in their order. */
/* What the inbox knows of a request a conversation is about: whether it
 * waits for the customer (open, and the last reply the operator's) and
 * who handles it. */
#define CONV_QUEUE(fam) "coalesce((SELECT q.open AND q.waiting FROM queue q" \
	" WHERE q.family = '" fam "' AND q.request_id = r.id), 0)," \
	" (SELECT q.assignee_id FROM queue q WHERE q.family = '" fam "'" \
	" AND q.request_id = r.id)"
#define NOTE_COLS "n.id, n.internal, n.side, n.title, n.body, n.created, " \
	"n.author_id, u.name, u.email"
#define ATT_COLS "a.id, a.note_id, a.internal, a.name, a.mime, a.size, a.created, " \
	"a.author_id, u.name, b.sha256"

/* The columns of enum user_col (store.h), in its order. */
#define USER_COLS "u.id, u.email, u.name, u.phone, u.level, u.customer_id, " \
	"u.reseller_id, u.password_hash, u.disabled, c.name, u.language, u.timezone, " \
	"c.market, c.currency"

/*
 * The API item of a request (docs/API.md) without its properties, as JSON
 * text: written by SQLite (json_quote, json_object) as the row is read, so
 * that a list page of 250 builds no JSON tree.  Values that are absent
 * (NULL) are left out, as the API shows them.  REQ_ITEM_OF takes the SQL
 * expression of each field: the columns of a stored row (REQ_ITEM, read
 * as REQ_ITEM_TEXT of REQ_COLS), or the parameters of a request being created
 * (ST_REQ_NEW_JSON), so that both answers have one definition.
 */
#define REQ_OPT(key, col) \
	" || CASE WHEN " col " IS NULL THEN '' ELSE ',\"" key "\":' || json_quote(" col ") END"
#define REQ_ITEM_OF(id, type, name, category, status, customer_id, customer_name, \
    issued_at, requested_at, completed_at, customer_reference, contract, comment, \
    updated_at, created_by) \
	"'{\"id\":' || json_quote(" id ") || ',\"type\":' || json_quote(" type ")" \
	" || ',\"name\":' || json_quote(" name ")" \
	" || ',\"category\":' || json_quote(" category ")" \
	" || ',\"status\":' || json_quote(" status ")" \
	" || ',\"customer\":' || json_object('id', " customer_id ", 'name', " customer_name ")" \
	" || ',\"keyDates\":{\"issuedAt\":' || json_quote(" issued_at ")" \
	" || ',\"requestedAt\":' || json_quote(" requested_at ")" \
	REQ_OPT("completedAt", completed_at) " || '}'" \
	REQ_OPT("customerReference", customer_reference) \
	REQ_OPT("contract", contract) \
	REQ_OPT("comment", comment) \
	" || ',\"createdAt\":' || json_quote(" issued_at ")" \
	" || ',\"updatedAt\":' || json_quote(" updated_at ")" \
	" || ',\"createdBy\":' || json_quote(" created_by ")" \
	" || ',\"_links\":{\"self\":{\"href\":'" \
	" || json_quote('/ordering/b2b/v2/requests/' || " id ") || '}}}'"
#define REQ_ITEM REQ_ITEM_OF("r.id", "r.type", "r.name", "r.category", "r.status", \
	"r.customer_id", "c.name", "r.issued_at", "r.requested_at", "r.completed_at", \
	"r.customer_reference", "r.contract", "r.comment", "r.updated_at", "r.created_by")
/* A history entry of the API, as JSON text, from the SQL expressions of
 * its fields; REQ_HIST_ITEM over an entry h and its user u. */
#define REQ_HIST_ITEM_OF(at, to_status, by_user, user_name, from_status, comment) \
	"'{\"at\":' || json_quote(" at ") || ',\"to\":' || json_quote(" to_status ")" \
	" || CASE WHEN " by_user " IS NULL THEN ''" \
	"  ELSE ',\"by\":' || json_object('id', " by_user ", 'name', " user_name ") END" \
	REQ_OPT("from", from_status) REQ_OPT("comment", comment) " || '}'"
#define REQ_HIST_ITEM REQ_HIST_ITEM_OF("h.at", "h.to_status", "h.by_user", "u.name", \
	"h.from_status", "h.comment")
/* The columns of enum req_col (store.h), in its order. */
#define REQ_COLS "r.id, r.type, r.name, r.category, r.status, r.customer_id," \
	" c.name, r.customer_reference, r.contract, r.properties, r.comment," \
	" r.requested_at, r.issued_at, r.completed_at, r.updated_at," \
	" r.created_by, r.service_point_id, r.seq, " REQ_ITEM
/* Scope ?1-?3, then comma-list filters as JSON arrays: ?4 id, ?5 status,
 * ?6 type, ?7 category, ?8 customerReference; ?12 customer.id (a JSON
 * array too), the issue date from ?13 and before ?14, the requested date
 * from ?15 and before ?16 (days, YYYY-MM-DD; NULL: open), ?17 who handles
 * it in the inbox (a user id, '' nobody; NULL: anyone).  ?9-?11 are each
 * statement's own. */
#define REQ_WHERE " FROM requests r JOIN customers c ON c.id = r.customer_id" \
	" WHERE " IN_SCOPE("r.customer_id") REQ_FILTERS
/* The same, for a list filtered by id or customerReference (?4 or ?8 not
 * NULL): the rows those name, found through their indexes, then every
 * condition of REQ_WHERE; the few rows left are sorted.  REQ_WHERE would
 * test every request in turn. */
#define REQ_KWHERE " FROM requests r JOIN customers c ON c.id = r.customer_id" \
	" WHERE r.seq IN (SELECT seq FROM requests WHERE id IN (SELECT value FROM json_each(?4))" \
	" UNION ALL SELECT seq FROM requests WHERE customer_reference IN" \
	" (SELECT value FROM json_each(?8)))" \
	" AND " IN_SCOPE("r.customer_id") REQ_FILTERS
#define REQ_FILTERS \
	" AND (?4 IS NULL OR r.id IN (SELECT value FROM json_each(?4)))" \
	" AND (?5 IS NULL OR r.status IN (SELECT value FROM json_each(?5)))" \
	" AND (?6 IS NULL OR r.type IN (SELECT value FROM json_each(?6)))" \
	" AND (?7 IS NULL OR r.category IN (SELECT value FROM json_each(?7)))" \
	" AND (?8 IS NULL OR r.customer_reference IN (SELECT value FROM json_each(?8)))" \
	" AND (?12 IS NULL OR r.customer_id IN (SELECT value FROM json_each(?12)))" \
	" AND (?13 IS NULL OR r.issued_at >= ?13) AND (?14 IS NULL OR r.issued_at < ?14)" \
	" AND (?15 IS NULL OR r.requested_at >= ?15) AND (?16 IS NULL OR r.requested_at < ?16)" \
	" AND (?17 IS NULL OR coalesce((SELECT q.assignee_id FROM queue q" \
	"   WHERE q.family = 'orange' AND q.request_id = r.id), '') = ?17)"
#define REQ_LIST(order) "SELECT " REQ_COLS REQ_WHERE " ORDER BY " order \
	" LIMIT ?9 OFFSET ?10"
#define REQ_KLIST(order) "SELECT " REQ_COLS REQ_KWHERE " ORDER BY " order \
	" LIMIT ?9 OFFSET ?10"
/* The live service points of customer ?4 (in scope ?1-?3) that every
 * given key designates: ?5 id, ?6 reference, ?7 customer reference (NULL:
 * not given).  Each statement seeks by the key in its name, which must be
 * given; two rows are enough to tell "several". */
#define SP_FIND(col, param) "SELECT s.id FROM service_points s" \
	" WHERE " IN_SCOPE("s.customer_id") " AND s.customer_id = ?4" \
	" AND s." col " = " param " AND s.state <> 'TERMINATED'" \
	" AND (?5 IS NULL OR s.id = ?5) AND (?6 IS NULL OR s.reference = ?6)" \
	" AND (?7 IS NULL OR s.customer_reference = ?7) ORDER BY s.id LIMIT 2"

/* Service points as the Core Information API shows them: scope ?1-?3,
 * comma-list filters as JSON arrays ?4 id, ?5 reference, ?6 customer
 * reference, ?7 state, ?8 customer id, ?9 name; ?10 a substring of the
 * name, reference or customer reference (ASCII case ignored). */
/* The columns of enum sp_view_col (store.h), in its order. */
#define SP_VIEW_COLS "s.id, s.name, s.customer_reference, s.reference, s.state," \
	" s.profile, s.customer_id, c.name, s.street, s.postcode, s.city, s.country"
#define SP_VIEW_FROM " FROM service_points s JOIN customers c ON c.id = s.customer_id" \
	" WHERE " IN_SCOPE("s.customer_id")
#define SP_VIEW_WHERE SP_VIEW_FROM \
	" AND (?4 IS NULL OR s.id IN (SELECT value FROM json_each(?4)))" \
	" AND (?5 IS NULL OR s.reference IN (SELECT value FROM json_each(?5)))" \
	" AND (?6 IS NULL OR s.customer_reference IN (SELECT value FROM json_each(?6)))" \
	" AND (?7 IS NULL OR s.state IN (SELECT value FROM json_each(?7)))" \
	" AND (?8 IS NULL OR s.customer_id IN (SELECT value FROM json_each(?8)))" \
	" AND (?9 IS NULL OR s.name IN (SELECT value FROM json_each(?9)))" \
	" AND (?10 IS NULL OR instr(lower(s.name), lower(?10)) > 0" \
	"   OR instr(lower(coalesce(s.reference, '')), lower(?10)) > 0" \
	"   OR instr(lower(coalesce(s.customer_reference, '')), lower(?10)) > 0)"
#define SP_VIEW_LIST(order) "SELECT " SP_VIEW_COLS SP_VIEW_WHERE \
	" ORDER BY " order " LIMIT ?11 OFFSET ?12"

/* Internet requests (TelecomX) and accounts within the caller's scope
 * ?1-?3: every one for the operator, its customer's for customer staff,
 * and for reseller staff those that are their reseller's (created by
 * it, or for it: docs/INTERNET.md), not every one of a customer they
 * resell, which another reseller may resell too. */
#define INET_SCOPE_OF(t) "(?1 = 1 OR " t ".customer_id = ?2 OR " t ".reseller_id = ?3)"
#define INET_SCOPE INET_SCOPE_OF("r")
/* Open: no offer ordered yet, or one ordered and not yet confirmed. */
#define INET_OPEN "r.state IN ('NEW', 'HAS_OFFER', 'ORDERED')"
#define INET_HAS_OFFER "EXISTS (SELECT 1 FROM internet_offers o WHERE o.request_id = r.id)"
/* The columns of enum inet_col (store.h), in its order. */
#define INET_COLS "r.id, r.type, r.customer_id, r.reseller_id, r.notes, r.address_id," \
	" r.address, r.zip, r.city, r.address2_id, r.address2, r.zip2, r.city2," \
	" r.product_id, r.takeover, r.takeover_circuit, r.takeover_customer," \
	" r.ip_addresses, r.commitment1, r.commitment2, r.commitment3, r.reference," \
	" r.start_date, r.install_call_number, r.install_call_name, r.install_time," \
	" r.created, r.created_by, r.answered, r.updated, c.name, p.name, " \
	INET_HAS_OFFER ", a.id, a.state, a.offer_id, u.name, c.currency, r.state"
#define INET_JOINS " LEFT JOIN customers c ON c.id = r.customer_id" \
	" LEFT JOIN products p ON p.id = r.product_id" \
	" LEFT JOIN internet_accounts a ON a.request_id = r.id" \
	" LEFT JOIN users u ON u.id = r.created_by"
#define INET_FROM " FROM internet_requests r" INET_JOINS " WHERE " INET_SCOPE
/* List filters: ?4 customer, ?5 reseller (the requests that are its),
 * ?6 a substring of the installation address (ASCII case ignored), ?7 a
 * state; ?11 a type, created from ?12 and before ?13, answered from ?14
 * and before ?15, startDate from ?16 and before ?17 (days, YYYY-MM-DD),
 * ?18 who handles it in the inbox (a user id, '' nobody).  NULL: any.
 * ?8-?10 are each statement's own. */
#define INET_WHERE INET_FROM INET_FILTERS
#define INET_FILTERS \
	" AND (?4 IS NULL OR r.customer_id = ?4)" \
	" AND (?5 IS NULL OR r.reseller_id = ?5)" \
	" AND (?6 IS NULL OR instr(lower(r.address || ', ' || r.zip || ' ' || r.city)," \
	"   lower(?6)) > 0)" \
	" AND (?7 IS NULL OR r.state = ?7)" \
	" AND (?11 IS NULL OR r.type = ?11)" \
	" AND (?12 IS NULL OR r.created >= ?12) AND (?13 IS NULL OR r.created < ?13)" \
	" AND (?14 IS NULL OR r.answered >= ?14) AND (?15 IS NULL OR r.answered < ?15)" \
	" AND (?16 IS NULL OR r.start_date >= ?16) AND (?17 IS NULL OR r.start_date < ?17)" \
	" AND (?18 IS NULL OR coalesce((SELECT q.assignee_id FROM queue q" \
	"   WHERE q.family = 'internet' AND q.request_id = r.id), '') = ?18)"
/* Whether a product may be sold to customer `cust` (NULL: a reseller). */
#define PRODUCT_VALID(cust) "(p.all_customers = 1 OR EXISTS (SELECT 1 FROM" \
	" product_customers pc WHERE pc.product_id = p.id AND pc.customer_id = " cust "))"

/* The inbox's rows (enum queue_col), and its pages (queue.c), each by the
 * index of its lane (all open rows, open rows by assignee, open rows
 * waiting for the customer; migration 26) and its sort: ?1 family, ?2
 * state, ?3 priority, ?5 due by (a day) are filters (each NULL: any),
 * tested in the index; ?4 the assignee (NULL: nobody) in the assignee
 * lane; the rows after (?7, ?8), the sort key and id of the row before
 * the page (exclusive), up to (?9, ?10) (inclusive), in the sort's
 * direction; ?6 the page's size. */
#define QUEUE_COLS "q.id, q.family, q.request_id, q.customer_id, q.customer_name," \
	" q.state, q.assignee_id, u.name, q.priority, q.due, q.created, q.activity," \
	" q.waiting, coalesce(r.name, i.type), coalesce(r.customer_reference, i.reference)," \
	" CASE WHEN i.id IS NULL THEN NULL ELSE i.address || ', ' || i.zip || ' ' || i.city END, r.type"
#define QUEUE_JOINS " LEFT JOIN users u ON u.id = q.assignee_id" \
	" LEFT JOIN requests r ON q.family = 'orange' AND r.id = q.request_id" \
	" LEFT JOIN internet_requests i ON q.family = 'internet' AND i.id = q.request_id"
#define QUEUE_FROM " FROM queue q" QUEUE_JOINS
#define QUEUE_FILTERS " AND (?1 IS NULL OR q.family = ?1) AND (?2 IS NULL OR q.state = ?2)" \
	" AND (?3 IS NULL OR q.priority = ?3) AND (?5 IS NULL OR q.due <= ?5)"
#define QL_OPEN ""
#define QL_ASSIGNEE " AND q.assignee_id IS ?4"
#define QL_WAITING " AND q.waiting = 1"
/* The sort keys and ids of the rows of a lane from (?7, ?8) to (?9,
 * ?10), filtered, in the sort's direction, each part a seek of the
 * lane's index: the rest of the starting key's rows (by id), the keys
 * strictly between, the ending key's rows up to its id.  (A row value
 * (key, id) > (?, ?) would seek on the key alone: SQLite does not range
 * over an index's rowid column in a vector; with many rows of one key,
 * a customer's, a deep page would walk them all.)  Ascending: after
 * ">", before "<", up to "<=", no id "9223372036854775807"; descending:
 * "<", ">", ">=", "0". */
#define QUEUE_SPAN(idx, lane, key, dir, after, before, upto, noid) \
	"SELECT q." key " AS k, q.id AS id FROM queue q INDEXED BY " idx \
	" WHERE q.open = 1" lane " AND q." key " = ?7 AND q.id " after " ?8" \
	" AND q.id " upto " iif(?9 = ?7, ?10, " noid ")" QUEUE_FILTERS \
	" UNION ALL SELECT q." key ", q.id FROM queue q INDEXED BY " idx \
	" WHERE q.open = 1" lane " AND q." key " " after " ?7 AND q." key " " before " ?9" \
	QUEUE_FILTERS \
	" UNION ALL SELECT q." key ", q.id FROM queue q INDEXED BY " idx \
	" WHERE q.open = 1" lane " AND q." key " = ?9 AND ?9 " after " ?7" \
	" AND q.id " upto " ?10" QUEUE_FILTERS \
	" ORDER BY 1 " dir ", 2 " dir
#define QUEUE_SPAN_ASC(idx, lane, key) QUEUE_SPAN(idx, lane, key, "ASC", ">", "<", \
	"<=", "9223372036854775807")
#define QUEUE_SPAN_DESC(idx, lane, key) QUEUE_SPAN(idx, lane, key, "DESC", "<", ">", \
	">=", "0")
/* A page: the span's first ?6 rows, then what they show. */
#define QUEUE_PAGE(span, dir) "SELECT " QUEUE_COLS " FROM (" span " LIMIT ?6) w" \
	" CROSS JOIN queue q ON q.id = w.id" QUEUE_JOINS \
	" ORDER BY w.k " dir ", w.id " dir
#define QUEUE_PAGES(lane, code) \
	QUEUE_PAGE(QUEUE_SPAN_ASC("queue_" lane "_due", code, "due"), "ASC"), \
	QUEUE_PAGE(QUEUE_SPAN_ASC("queue_" lane "_age", code, "created"), "ASC"), \
	QUEUE_PAGE(QUEUE_SPAN_ASC("queue_" lane "_customer", code, "customer_name"), "ASC"), \
	QUEUE_PAGE(QUEUE_SPAN_DESC("queue_" lane "_activity", code, "activity"), "DESC")
/* Where a filtered page stops looking: the key and id of the row ?6
 * rows after (?7, ?8) along the lane's index, filters aside, found by a
 * walk of the index alone: among the rows of the key ?7 (_EDGE), else
 * (_EDGE_NEXT) after that key, less the rows of ?7 that were left. */
#define QUEUE_EDGE(idx, lane, key, dir, after) "SELECT q." key ", q.id FROM queue q" \
	" INDEXED BY " idx " WHERE q.open = 1" lane " AND q." key " = ?7" \
	" AND q.id " after " ?8 ORDER BY q." key " " dir ", q.id " dir " LIMIT 1 OFFSET ?6"
#define QUEUE_EDGE_NEXT(idx, lane, key, dir, after) "SELECT q." key ", q.id" \
	" FROM queue q INDEXED BY " idx " WHERE q.open = 1" lane " AND q." key " " after \
	" ?7 ORDER BY q." key " " dir ", q.id " dir " LIMIT 1 OFFSET ?6 - (SELECT count(*)" \
	" FROM (SELECT 1 FROM queue q INDEXED BY " idx " WHERE q.open = 1" lane \
	" AND q." key " = ?7 AND q.id " after " ?8 LIMIT ?6))"
#define QUEUE_EDGES(what, lane, code) \
	what("queue_" lane "_due", code, "due", "ASC", ">"), \
	what("queue_" lane "_age", code, "created", "ASC", ">"), \
	what("queue_" lane "_customer", code, "customer_name", "ASC", ">"), \
	what("queue_" lane "_activity", code, "activity", "DESC", "<")
/* How many rows of a lane's span by due date pass the filters, up to ?6. */
#define QUEUE_COUNT(lane, code) "SELECT count(*) FROM (" \
	QUEUE_SPAN_ASC("queue_" lane "_due", code, "due") " LIMIT ?6)"
/* Webhooks (webhook.c): the columns of enum hook_col (store.h), in its
 * order; a subscription within the scope ?1-?3; does subscription w want
 * event `ev` (its JSON array of names holds it)? */
#define HOOK_COLS "w.id, w.customer_id, c.name, w.url, w.events, w.description, w.secret, w.previous_secret, w.previous_until, w.created, w.paused, w.updated"
#define HOOK_FROM " FROM webhooks w LEFT JOIN customers c ON c.id = w.customer_id" \
	" WHERE " IN_SCOPE("w.customer_id")
#define HOOK_WANTS(ev) "EXISTS (SELECT 1 FROM json_each(w.events) WHERE value = " ev ")"

static const char *const sqls[] = {
	"BEGIN", /* ST_BEGIN */
	"BEGIN IMMEDIATE", /* ST_BEGIN_IMMEDIATE */
	"COMMIT", /* ST_COMMIT */
	"ROLLBACK", /* ST_ROLLBACK */
	"SELECT count(*) FROM customers", /* ST_PING */
	"SELECT EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM users)"
	" OR EXISTS (SELECT 1 FROM resellers) OR EXISTS (SELECT 1 FROM products)"
	" OR EXISTS (SELECT 1 FROM service_points) OR EXISTS (SELECT 1 FROM addresses)"
	" OR EXISTS (SELECT 1 FROM requests) OR EXISTS (SELECT 1 FROM internet_requests)",
	/* ST_DB_IN_USE */
	"SAVEPOINT job", /* ST_SAVEPOINT */
	"RELEASE job", /* ST_RELEASE */
	"ROLLBACK TO job", /* ST_ROLLBACK_TO */
	"INSERT INTO customers (id, name, market, catalog) VALUES (?, ?, ?, ?)", /* ST_CUSTOMER_ADD */
	"UPDATE customers SET currency = ?2 WHERE id = ?1", /* ST_CUSTOMER_SET_CURRENCY */
	"INSERT INTO customer_types (customer_id, type) VALUES (?, ?)", /* ST_CUSTOMER_TYPE_ADD */
	"SELECT id, name, market, catalog FROM customers WHERE id = ?", /* ST_CUSTOMER_GET */
	"SELECT c.id, c.name, c.market, c.catalog,"
	"  (SELECT group_concat(type, ', ') FROM customer_types t WHERE t.customer_id = c.id),"
	"  (SELECT group_concat(reseller_id, ', ') FROM reseller_customers r WHERE r.customer_id = c.id)"
	" FROM customers c ORDER BY c.id", /* ST_CUSTOMER_LIST */
	"INSERT INTO resellers (id, name) VALUES (?, ?)", /* ST_RESELLER_ADD */
	"INSERT INTO reseller_customers (reseller_id, customer_id) VALUES (?, ?)", /* ST_RESELLER_CUSTOMER_ADD */
	"SELECT r.id, r.name,"
	"  (SELECT group_concat(customer_id, ', ') FROM reseller_customers rc WHERE rc.reseller_id = r.id)"
	" FROM resellers r ORDER BY r.id", /* ST_RESELLER_LIST */
	"INSERT INTO users (id, email, name, phone, level, customer_id, reseller_id,"
	" password_hash, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", /* ST_USER_ADD */
	"SELECT " USER_COLS " FROM users u LEFT JOIN customers c ON c.id = u.customer_id"
	" WHERE u.email = ?", /* ST_USER_BY_EMAIL */
	"SELECT " USER_COLS " FROM users u LEFT JOIN customers c ON c.id = u.customer_id"
	" WHERE u.id = ?", /* ST_USER_BY_ID */
	"SELECT " USER_COLS " FROM users u LEFT JOIN customers c ON c.id = u.customer_id"
	" ORDER BY u.level = 'ADMIN' DESC, coalesce(u.customer_id, u.reseller_id), u.email", /* ST_USER_LIST */
	"UPDATE users SET level = ? WHERE id = ?", /* ST_USER_SET_LEVEL */
	"UPDATE users SET disabled = ? WHERE id = ?", /* ST_USER_SET_DISABLED */
	"UPDATE users SET password_hash = ? WHERE id = ?", /* ST_USER_SET_PASSWORD */
	"INSERT INTO credentials (hash, kind, user_id, label, prefix, csrf, created,"
	" last_used, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", /* ST_CRED_ADD */
	"SELECT k.kind, k.csrf, k.created, k.last_used, k.expires, k.revoked, "
	USER_COLS " FROM credentials k"
	" JOIN users u ON u.id = k.user_id LEFT JOIN customers c ON c.id = u.customer_id"
	" WHERE k.hash = ?", /* ST_CRED_LOOKUP */
	"SELECT n FROM auth_epoch", /* ST_AUTH_EPOCH */
	"UPDATE credentials SET last_used = ? WHERE hash = ?", /* ST_CRED_TOUCH */
	"DELETE FROM credentials WHERE hash = ?", /* ST_CRED_DELETE */
	"UPDATE credentials SET revoked = 1 WHERE prefix = ? AND kind = 'apikey'"
	" AND revoked = 0", /* ST_CRED_REVOKE */
	"DELETE FROM credentials WHERE user_id = ? AND kind IN ('session', 'token')", /* ST_CRED_REVOKE_USER */
	"SELECT prefix, label, created, last_used, revoked FROM credentials"
	" WHERE user_id = ? AND kind = 'apikey' ORDER BY created", /* ST_CRED_LIST_KEYS */
	"DELETE FROM credentials WHERE kind IN ('session', 'token') AND expires < ?", /* ST_CRED_PURGE */
	"SELECT failures, last_failure, locked_until FROM login_failures WHERE key = ?", /* ST_LOGINFAIL_GET */
	"INSERT INTO login_failures (key, failures, last_failure, locked_until)"
	" VALUES (?1, 1, ?2, CASE WHEN ?3 <= 1 THEN ?2 + min(?5, 30) ELSE 0 END)"
	" ON CONFLICT (key) DO UPDATE SET"
	" failures = CASE WHEN last_failure < ?2 - ?4 THEN 1 ELSE failures + 1 END,"
	" last_failure = ?2, locked_until = CASE WHEN last_failure >= ?2 - ?4"
	"   AND failures + 1 >= ?3 THEN ?2 + min(?5, 30 * (1 << min(failures + 1 - ?3, 20)))"
	"   ELSE locked_until END"
	" WHERE locked_until <= ?2 RETURNING failures", /* ST_LOGINFAIL_RECORD */
	"DELETE FROM login_failures WHERE key = ?", /* ST_LOGINFAIL_CLEAR */
	"DELETE FROM login_failures WHERE last_failure < ?1 AND locked_until < ?2", /* ST_LOGINFAIL_PURGE */
	"INSERT INTO service_points (id, customer_id, name, reference, customer_reference,"
	" state, profile, street, postcode, city, country)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", /* ST_SP_ADD */
	"INSERT INTO products (id, name, type, initiation_fee, all_customers)"
	" VALUES (?, ?, ?, ?, ?)", /* ST_PRODUCT_ADD */
	"INSERT INTO product_customers (product_id, customer_id) VALUES (?, ?)", /* ST_PRODUCT_CUSTOMER_ADD */
	"SELECT c.id, c.name, c.market, c.catalog FROM customers c WHERE "
	IN_SCOPE("c.id") " ORDER BY c.id", /* ST_CUSTOMERS_IN_SCOPE */
	"SELECT 1 FROM customer_types WHERE customer_id = ? AND type = ?", /* ST_CUSTOMER_HAS_TYPE */
	SP_FIND("id", "?5"), /* ST_SP_FIND_BY_ID */
	SP_FIND("reference", "?6"), /* ST_SP_FIND_BY_REF */
	SP_FIND("customer_reference", "?7"), /* ST_SP_FIND_BY_CUSTREF */
	"INSERT INTO requests (id, type, name, category, status, customer_id,"
	" customer_reference, contract, service_point_id, properties, comment,"
	" requested_at, issued_at, updated_at, created_by, cseq)"
	" VALUES (?1, ?2, ?3, ?4, 'NEW', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
	" (SELECT coalesce(max(cseq), 0) + 1 FROM requests WHERE customer_id = ?5))", /* ST_REQ_ADD */
	"INSERT INTO request_history (request_seq, at, by_user, from_status, to_status, comment)"
	" VALUES ((SELECT seq FROM requests WHERE id = ?), ?, ?, ?, ?, ?)", /* ST_REQ_HISTORY_ADD */
	"SELECT " REQ_COLS REQ_WHERE " AND r.id = ?9", /* ST_REQ_GET */
	"UPDATE requests SET form_token = ?2 WHERE id = ?1", /* ST_REQ_SET_FORM_TOKEN */
	"SELECT r.id FROM requests r WHERE " IN_SCOPE("r.customer_id")
	" AND r.form_token = ?4 AND r.created_by = ?5", /* ST_REQ_BY_FORM_TOKEN */
	"SELECT h.at, h.by_user, u.name, h.from_status, h.to_status, h.comment, "
	REQ_HIST_ITEM " FROM request_history h LEFT JOIN users u ON u.id = h.by_user"
	" WHERE h.request_seq = ? ORDER BY h.id", /* ST_REQ_HISTORY */
	"UPDATE requests SET status = ?1, updated_at = ?2,"
	" completed_at = CASE WHEN ?1 = 'COMPLETED' THEN ?2 ELSE completed_at END"
	" WHERE id = ?3 AND status = ?4", /* ST_REQ_SET_STATUS */
	"SELECT count(*)" REQ_WHERE, /* ST_REQ_COUNT */
	REQ_LIST("r.seq ASC"), /* ST_REQ_LIST_ISSUED_ASC */
	REQ_LIST("r.seq DESC"), /* ST_REQ_LIST_ISSUED_DESC */
	REQ_LIST("r.requested_at ASC, r.seq ASC"), /* ST_REQ_LIST_REQUESTED_ASC */
	REQ_LIST("r.requested_at DESC, r.seq DESC"), /* ST_REQ_LIST_REQUESTED_DESC */
	REQ_LIST("r.status ASC, r.seq ASC"), /* ST_REQ_LIST_STATUS_ASC */
	REQ_LIST("r.status DESC, r.seq DESC"), /* ST_REQ_LIST_STATUS_DESC */
	REQ_LIST("r.type ASC, r.seq ASC"), /* ST_REQ_LIST_TYPE_ASC */
	REQ_LIST("r.type DESC, r.seq DESC"), /* ST_REQ_LIST_TYPE_DESC */
	REQ_LIST("r.customer_reference ASC, r.seq ASC"), /* ST_REQ_LIST_CUSTREF_ASC */
	REQ_LIST("r.customer_reference DESC, r.seq DESC"), /* ST_REQ_LIST_CUSTREF_DESC */
	REQ_LIST("r.id ASC"), /* ST_REQ_LIST_ID_ASC */
	REQ_LIST("r.id DESC"), /* ST_REQ_LIST_ID_DESC */
	"SELECT count(*)" REQ_KWHERE, /* ST_REQ_KCOUNT */
	REQ_KLIST("r.seq ASC"), /* ST_REQ_KLIST_ISSUED_ASC */
	REQ_KLIST("r.seq DESC"), /* ST_REQ_KLIST_ISSUED_DESC */
	REQ_KLIST("r.requested_at ASC, r.seq ASC"), /* ST_REQ_KLIST_REQUESTED_ASC */
	REQ_KLIST("r.requested_at DESC, r.seq DESC"), /* ST_REQ_KLIST_REQUESTED_DESC */
	REQ_KLIST("r.status ASC, r.seq ASC"), /* ST_REQ_KLIST_STATUS_ASC */
	REQ_KLIST("r.status DESC, r.seq DESC"), /* ST_REQ_KLIST_STATUS_DESC */
	REQ_KLIST("r.type ASC, r.seq ASC"), /* ST_REQ_KLIST_TYPE_ASC */
	REQ_KLIST("r.type DESC, r.seq DESC"), /* ST_REQ_KLIST_TYPE_DESC */
	REQ_KLIST("r.customer_reference ASC, r.seq ASC"), /* ST_REQ_KLIST_CUSTREF_ASC */
	REQ_KLIST("r.customer_reference DESC, r.seq DESC"), /* ST_REQ_KLIST_CUSTREF_DESC */
	REQ_KLIST("r.id ASC"), /* ST_REQ_KLIST_ID_ASC */
	REQ_KLIST("r.id DESC"), /* ST_REQ_KLIST_ID_DESC */
	"SELECT s.id, s.name, s.customer_reference, s.reference, s.customer_id, s.profile"
	" FROM service_points s WHERE " IN_SCOPE("s.customer_id") SCOPE_RANGE("s.customer_id")
	" AND s.state <> 'TERMINATED' ORDER BY s.customer_id, s.id LIMIT 500", /* ST_SP_PICKER */
	"SELECT " USER_COLS ", (SELECT count(*) FROM credentials k WHERE k.user_id = u.id"
	"  AND k.kind = 'apikey' AND k.revoked = 0)"
	" FROM users u LEFT JOIN customers c ON c.id = u.customer_id"
	" ORDER BY u.level = 'ADMIN' DESC, coalesce(u.customer_id, u.reseller_id), u.email", /* ST_ADMIN_USER_LIST */
	"UPDATE credentials SET revoked = 1 WHERE user_id = ? AND prefix = ?"
	" AND kind = 'apikey' AND revoked = 0", /* ST_CRED_REVOKE_USER_KEY */
	"SELECT count(*)" SP_VIEW_WHERE, /* ST_SP_VIEW_COUNT */
	"SELECT " SP_VIEW_COLS SP_VIEW_FROM " AND s.id = ?4", /* ST_SP_VIEW_GET */
	"INSERT INTO service_points (id, customer_id, name, reference, customer_reference,"
	" state, profile, street, postcode, city, country)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
	" customer_id = excluded.customer_id, name = excluded.name,"
	" reference = excluded.reference, customer_reference = excluded.customer_reference,"
	" state = excluded.state, profile = excluded.profile, street = excluded.street,"
	" postcode = excluded.postcode, city = excluded.city,"
	" country = excluded.country", /* ST_SP_UPSERT */
	SP_VIEW_LIST("s.id ASC"), /* ST_SP_LIST_ID_ASC */
	SP_VIEW_LIST("s.id DESC"), /* ST_SP_LIST_ID_DESC */
	SP_VIEW_LIST("s.name ASC, s.id ASC"), /* ST_SP_LIST_NAME_ASC */
	SP_VIEW_LIST("s.name DESC, s.id DESC"), /* ST_SP_LIST_NAME_DESC */
	SP_VIEW_LIST("s.customer_reference ASC, s.id ASC"), /* ST_SP_LIST_CUSTREF_ASC */
	SP_VIEW_LIST("s.customer_reference DESC, s.id DESC"), /* ST_SP_LIST_CUSTREF_DESC */
	SP_VIEW_LIST("s.state ASC, s.id ASC"), /* ST_SP_LIST_STATE_ASC */
	SP_VIEW_LIST("s.state DESC, s.id DESC"), /* ST_SP_LIST_STATE_DESC */
	SP_VIEW_LIST("s.customer_id ASC, s.id ASC"), /* ST_SP_LIST_CUSTOMER_ASC */
	SP_VIEW_LIST("s.customer_id DESC, s.id DESC"), /* ST_SP_LIST_CUSTOMER_DESC */
	"INSERT INTO outbox (event, object_id, recipient, subject, body, next_attempt, created,"
	" html, unsubscribe) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", /* ST_OUTBOX_ADD */
	"SELECT email FROM users WHERE id = ? AND disabled = 0", /* ST_USER_EMAIL */
	"UPDATE outbox SET state = 'sending', claimed_by = ?1, claimed_until = ?2 + ?3"
	" WHERE id IN (SELECT id FROM outbox WHERE (state = 'queued' AND next_attempt <= ?2)"
	"   OR (state = 'sending' AND claimed_until < ?2) ORDER BY id LIMIT ?4)"
	" RETURNING id, recipient, subject, body, attempts, html, unsubscribe", /* ST_OUTBOX_CLAIM */
	"UPDATE outbox SET state = 'sent', sent_at = ?1, attempts = attempts + 1,"
	" last_error = NULL, claimed_by = NULL WHERE id = ?2 AND state <> 'sent'", /* ST_OUTBOX_SENT */
	"UPDATE outbox SET attempts = attempts + 1, last_error = ?1, claimed_by = NULL,"
	" state = CASE WHEN ?7 THEN 'dead'"
	"   WHEN attempts + 1 >= ?2 AND ?3 - strftime('%s', created) >= ?8 THEN 'dead'"
	"   ELSE 'queued' END,"
	" next_attempt = ?3 + min(?4 * (1 << min(attempts, 16)), 3600)"
	" WHERE id = ?5 AND claimed_by = ?6", /* ST_OUTBOX_FAILED */
	"SELECT id, event, object_id, recipient, subject, state, attempts, next_attempt,"
	" last_error, created, sent_at FROM outbox WHERE (?1 IS NULL OR state = ?1)"
	" ORDER BY id DESC LIMIT ?2 OFFSET ?3", /* ST_OUTBOX_LIST */
	"SELECT state, count(*) FROM outbox GROUP BY state", /* ST_OUTBOX_COUNTS */
	"UPDATE outbox SET state = 'queued', attempts = 0, next_attempt = ?1,"
	" last_error = NULL WHERE id = ?2 AND state = 'dead'", /* ST_OUTBOX_RETRY */
	"UPDATE outbox SET state = 'queued', claimed_by = NULL, claimed_until = NULL"
	" WHERE id = ? AND claimed_by = ? AND state = 'sending'", /* ST_OUTBOX_RELEASE */
	"DELETE FROM outbox WHERE id IN (SELECT id FROM outbox INDEXED BY outbox_sent"
	" WHERE state = 'sent' AND sent_at < ?1 ORDER BY sent_at LIMIT ?2)", /* ST_OUTBOX_PURGE */
	"UPDATE outbox SET claimed_until = ?1 + ?2"
	" WHERE id = ?3 AND claimed_by = ?4 AND state = 'sending'", /* ST_OUTBOX_RENEW */
	"INSERT INTO addresses (id, customer_id, address, zip, city)"
	" VALUES (?, ?, ?, ?, ?)", /* ST_ADDRESS_ADD */
	"SELECT id, address, zip, city FROM addresses WHERE id = ?1 AND customer_id = ?2"
	" AND retired IS NULL", /* ST_ADDRESS_GET */
	"SELECT a.id, a.customer_id, a.address, a.zip, a.city FROM addresses a WHERE "
	IN_SCOPE("a.customer_id") " AND a.retired IS NULL ORDER BY a.customer_id, a.address, a.id", /* ST_ADDRESS_PICKER */
	"SELECT p.name, p.type, p.initiation_fee, " PRODUCT_VALID("?2")
	" FROM products p WHERE p.id = ?1 AND p.retired IS NULL", /* ST_PRODUCT_GET */
	"SELECT p.id, p.name, p.type, p.initiation_fee, " PRODUCT_VALID("?1")
	" FROM products p WHERE p.retired IS NULL"
	" ORDER BY p.initiation_fee, p.type, p.name, p.id", /* ST_PRODUCT_LIST */
	"INSERT INTO products (id, name, type, initiation_fee, all_customers)"
	" VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
	" type = excluded.type, initiation_fee = excluded.initiation_fee,"
	" all_customers = excluded.all_customers", /* ST_PRODUCT_UPSERT */
	"DELETE FROM product_customers WHERE product_id = ?", /* ST_PRODUCT_CUSTOMERS_CLEAR */
	"SELECT p.id, p.name, p.type, p.initiation_fee, p.all_customers,"
	" (SELECT group_concat(customer_id, ';') FROM (SELECT customer_id"
	"   FROM product_customers WHERE product_id = p.id ORDER BY customer_id)),"
	" p.retired IS NOT NULL"
	" FROM products p ORDER BY p.type, p.name, p.id", /* ST_PRODUCT_ADMIN_LIST */
	"INSERT INTO addresses (id, customer_id, address, zip, city)"
	" VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
	" customer_id = excluded.customer_id, address = excluded.address,"
	" zip = excluded.zip, city = excluded.city", /* ST_ADDRESS_UPSERT */
	"SELECT a.id, a.customer_id, c.name, a.address, a.zip, a.city,"
	" a.retired IS NOT NULL FROM addresses a JOIN customers c ON c.id = a.customer_id"
	" WHERE ?1 IS NULL OR a.customer_id = ?1"
	" ORDER BY a.customer_id, a.address, a.id LIMIT ?2", /* ST_ADDRESS_ADMIN_LIST */
	"SELECT count(*) FROM addresses WHERE ?1 IS NULL OR customer_id = ?1", /* ST_ADDRESS_COUNT */
	"SELECT id, name FROM resellers WHERE id = ?", /* ST_RESELLER_GET */
	"SELECT u.id, u.name FROM users u WHERE u.id = ?1 AND u.disabled = 0"
	" AND ((?2 IS NOT NULL AND u.customer_id = ?2)"
	"   OR (?2 IS NULL AND u.reseller_id = ?3))", /* ST_NOTIFY_USER_GET */
	"SELECT u.id, u.name, u.email, u.customer_id FROM users u WHERE u.disabled = 0"
	" AND u.customer_id IS NOT NULL AND " IN_SCOPE("u.customer_id")
	" AND (?4 IS NULL OR u.customer_id = ?4) ORDER BY u.customer_id, u.name", /* ST_NOTIFY_PICKER */
	"INSERT INTO internet_requests (id, type, customer_id, reseller_id, notes,"
	" address_id, address, zip, city, address2_id, address2, zip2, city2,"
	" product_id, takeover, takeover_circuit, takeover_customer, ip_addresses,"
	" commitment1, commitment2, commitment3, reference, start_date,"
	" install_call_number, install_call_name, install_time, created, created_by,"
	" answered, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
	" ?12, ?13, ?14, NULLIF(?15, -1), ?16, ?17, NULLIF(?18, -1), NULLIF(?19, -1),"
	" NULLIF(?20, -1), NULLIF(?21, -1), ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29,"
	" ?30)", /* ST_INET_ADD */
	"UPDATE internet_requests SET notes = ?5, address_id = ?6, address = ?7,"
	" zip = ?8, city = ?9, address2_id = ?10, address2 = ?11, zip2 = ?12,"
	" city2 = ?13, product_id = ?14,"
	" takeover = NULLIF(?15, -1), takeover_circuit = ?16, takeover_customer = ?17,"
	" ip_addresses = NULLIF(?18, -1), commitment1 = NULLIF(?19, -1),"
	" commitment2 = NULLIF(?20, -1), commitment3 = NULLIF(?21, -1),"
	" reference = ?22, start_date = ?23, install_call_number = ?24,"
	" install_call_name = ?25, install_time = ?26, answered = ?29, updated = ?30"
	" WHERE id = ?1", /* ST_INET_UPDATE */
	"SELECT " INET_COLS INET_FROM " AND r.id = ?4", /* ST_INET_GET */
	"UPDATE internet_requests SET form_token = ?2 WHERE id = ?1", /* ST_INET_SET_FORM_TOKEN */
	"SELECT r.id FROM internet_requests r WHERE " INET_SCOPE
	" AND r.form_token = ?4 AND r.created_by = ?5", /* ST_INET_BY_FORM_TOKEN */
	"SELECT " INET_COLS INET_FROM " AND " INET_OPEN
	" ORDER BY r.seq DESC LIMIT ?4", /* ST_INET_OPEN_LIST */
	"SELECT count(*)" INET_FROM " AND " INET_OPEN, /* ST_INET_OPEN_COUNT */
	"SELECT EXISTS (SELECT 1 FROM internet_requests r WHERE " INET_SCOPE ")", /* ST_INET_ANY */
	"SELECT EXISTS (SELECT 1 FROM requests r WHERE " IN_SCOPE("r.customer_id") ")", /* ST_REQ_ANY */
	"SELECT count(*)" INET_WHERE, /* ST_INET_COUNT */
	"SELECT " INET_COLS INET_WHERE " ORDER BY r.seq DESC LIMIT ?8 OFFSET ?9", /* ST_INET_LIST */
	"SELECT " INET_COLS INET_WHERE " ORDER BY r.state <> 'NEW', CASE WHEN"
	" r.state = 'NEW' THEN r.seq ELSE -r.seq END LIMIT ?8 OFFSET ?9", /* ST_INET_INBOX */
	"DELETE FROM internet_request_notify WHERE request_id = ?", /* ST_INET_NOTIFY_CLEAR */
	"INSERT INTO internet_request_notify (request_id, user_id, pos)"
	" VALUES (?, ?, ?)", /* ST_INET_NOTIFY_ADD */
	"SELECT u.id, u.name FROM internet_request_notify n JOIN users u ON u.id = n.user_id"
	" WHERE n.request_id = ? ORDER BY n.pos", /* ST_INET_NOTIFY_LIST */
	"DELETE FROM internet_offers WHERE request_id = ?", /* ST_INET_OFFER_CLEAR */
	"INSERT INTO internet_offers (request_id, id, pos, product_id,"
	" initiation_fee_product_id, initiation_cost, initiation_wholesale,"
	" initiation_customer, monthly_cost, monthly_wholesale, monthly_customer,"
	" commitment, provider_name, provider_offer_id) VALUES (?1, ?2, ?3, ?4, ?5,"
	" NULLIF(?6, -1), NULLIF(?7, -1), NULLIF(?8, -1), NULLIF(?9, -1),"
	" NULLIF(?10, -1), NULLIF(?11, -1), NULLIF(?12, -1), ?13, ?14)", /* ST_INET_OFFER_ADD */
	"SELECT o.id, o.product_id, o.initiation_fee_product_id, o.initiation_cost,"
	" o.initiation_wholesale, o.initiation_customer, o.monthly_cost,"
	" o.monthly_wholesale, o.monthly_customer, o.commitment, o.provider_name,"
	" o.provider_offer_id, p.name, f.name FROM internet_offers o"
	" LEFT JOIN products p ON p.id = o.product_id"
	" LEFT JOIN products f ON f.id = o.initiation_fee_product_id"
	" WHERE o.request_id = ? ORDER BY o.pos", /* ST_INET_OFFER_LIST */
	"INSERT INTO internet_accounts (id, request_id, offer_id, customer_id,"
	" reseller_id, state, offer, ordered, ordered_by)"
	" VALUES (?, ?, ?, ?, ?, 'ORDERED', ?, ?, ?)", /* ST_INET_ACCOUNT_ADD */
	"SELECT a.id, a.request_id, a.offer_id, a.customer_id, a.reseller_id, a.state,"
	" a.offer, a.ordered, a.ordered_by, a.confirmed, a.confirmed_by, a.start_date,"
	" a.install_time, a.circuit, a.activated, a.activated_by, a.cancelled,"
	" a.cancelled_by FROM internet_accounts a WHERE " INET_SCOPE_OF("a")
	" AND (?4 IS NULL OR a.id = ?4) AND (?5 IS NULL OR a.request_id = ?5)", /* ST_INET_ACCOUNT_GET */
	"UPDATE internet_accounts SET state = 'CONFIRMED', confirmed = ?2,"
	" confirmed_by = ?3, start_date = ?4, install_time = ?5, circuit = ?6"
	" WHERE id = ?1 AND state = 'ORDERED'", /* ST_INET_ACCOUNT_CONFIRM */
	"UPDATE internet_accounts SET state = 'ACTIVE', activated = ?2, activated_by = ?3"
	" WHERE id = ?1 AND state = 'CONFIRMED'", /* ST_INET_ACCOUNT_ACTIVATE */
	"UPDATE internet_accounts SET state = 'CANCELLED', cancelled = ?2, cancelled_by = ?3"
	" WHERE id = ?1 AND state IN ('ORDERED', 'CONFIRMED', 'ACTIVE')", /* ST_INET_ACCOUNT_CANCEL */
	"SELECT reseller_id, count(*) OVER () FROM reseller_customers WHERE customer_id = ?1"
	" AND (?2 IS NULL OR reseller_id = ?2) LIMIT 2", /* ST_CUSTOMER_RESELLERS */
	"SELECT coalesce(max(cseq), 0), (SELECT coalesce(sum(n), 0) FROM request_counts"
	" WHERE customer_id = ?1) FROM requests WHERE customer_id = ?1", /* ST_REQ_FAST_TOTAL */
	"SELECT " REQ_COLS " FROM requests r JOIN customers c ON c.id = r.customer_id"
	" WHERE r.customer_id = ?1 AND r.cseq <= ?2 ORDER BY r.cseq DESC LIMIT ?3", /* ST_REQ_FAST_DESC */
	"SELECT " REQ_COLS " FROM requests r JOIN customers c ON c.id = r.customer_id"
	" WHERE r.customer_id = ?1 AND r.cseq > ?2 ORDER BY r.cseq ASC LIMIT ?3", /* ST_REQ_FAST_ASC */
	/* a list's total from the counters: the filters of REQ_WHERE but id
	 * and customerReference, which the counters do not know */
	"SELECT coalesce(sum(k.n), 0) FROM request_counts k WHERE "
	IN_SCOPE("k.customer_id") SCOPE_RANGE("k.customer_id")
	" AND (?5 IS NULL OR k.status IN (SELECT value FROM json_each(?5)))"
	" AND (?6 IS NULL OR k.type IN (SELECT value FROM json_each(?6)))"
	" AND (?7 IS NULL OR k.category IN (SELECT value FROM json_each(?7)))", /* ST_REQ_KEPT_COUNT */
	/* every request by issue order: seq runs 1..total while no request
	 * was ever deleted, and the page at any depth is then a rowid seek */
	"SELECT (SELECT coalesce(max(seq), 0) FROM requests),"
	" (SELECT coalesce(sum(n), 0) FROM request_counts)", /* ST_REQ_ALL_TOTAL */
	"SELECT " REQ_COLS " FROM requests r JOIN customers c ON c.id = r.customer_id"
	" WHERE r.seq <= ?1 ORDER BY r.seq DESC LIMIT ?2", /* ST_REQ_ALL_DESC */
	"SELECT " REQ_COLS " FROM requests r JOIN customers c ON c.id = r.customer_id"
	" WHERE r.seq > ?1 ORDER BY r.seq ASC LIMIT ?2", /* ST_REQ_ALL_ASC */
	"SELECT 1 FROM customers c WHERE " IN_SCOPE("c.id")
	" AND (?4 = 0 OR EXISTS (SELECT 1 FROM customer_types WHERE customer_id = c.id AND type = ?5))"
	" AND (?6 IS NULL OR EXISTS (SELECT 1 FROM json_each(?6) WHERE value = c.market))"
	" LIMIT 1", /* ST_TYPE_ALLOWED */
	/* the answer to a creation from the values stored: ?1 id, ?2 type,
	 * ?3 name, ?4 category, ?5 customer id, ?6 customer reference,
	 * ?7 contract, ?8 comment, ?9 requested, ?10 now, ?11 user id,
	 * ?12 customer name, ?13 history comment, ?14 user name */
	"SELECT " REQ_ITEM_OF("?1", "?2", "?3", "?4", "'NEW'", "?5", "?12", "?10", "?9",
	"NULL", "?6", "?7", "?8", "?10", "?11") ", "
	REQ_HIST_ITEM_OF("?10", "'NEW'", "?11", "?14", "NULL", "?13"), /* ST_REQ_NEW_JSON */
	"INSERT INTO customer_types (customer_id, type) VALUES (?, ?)"
	" ON CONFLICT DO NOTHING", /* ST_GRANT_ADD */
	"DELETE FROM customer_types WHERE customer_id = ? AND type = ?", /* ST_GRANT_DELETE */
	"INSERT INTO catalog_grant_history (customer_id, type, action, at, by_user, by_name)"
	" VALUES (?, ?, ?, ?, ?, ?)", /* ST_GRANT_HISTORY_ADD */
	"SELECT t.customer_id, t.type, c.name FROM customer_types t"
	" JOIN customers c ON c.id = t.customer_id"
	" WHERE ?1 IS NULL OR t.customer_id = ?1 ORDER BY t.customer_id, t.type", /* ST_GRANTS_ALL */
	"SELECT at, action, type, by_name FROM catalog_grant_history"
	" WHERE customer_id = ? ORDER BY id DESC", /* ST_GRANT_HISTORY */
	"SELECT s.id, s.name, s.reference, s.customer_reference FROM service_points s"
	" WHERE s.id = ?", /* ST_SP_WORDS */
	"SELECT s.id, s.name, s.reference, s.customer_reference FROM requests r"
	" JOIN service_points s ON s.id = r.service_point_id WHERE r.id = ?", /* ST_REQ_SP_WORDS */
	"SELECT DISTINCT k.type FROM request_counts k WHERE " IN_SCOPE("k.customer_id")
	" AND k.n > 0 ORDER BY k.type", /* ST_REQ_TYPES_IN_SCOPE */
	"UPDATE users SET language = ?1, timezone = ?2 WHERE id = ?3", /* ST_USER_SET_PREFS */
	"SELECT key FROM server_keys WHERE name = ?", /* ST_SERVER_KEY */
	"INSERT INTO pending_forms (id, user_id, path, fields, expires)"
	" VALUES (?, ?, ?, ?, ?)", /* ST_PENDING_ADD */
	"DELETE FROM pending_forms WHERE id = ?1 AND user_id = ?2 AND expires > ?3"
	" RETURNING path, fields", /* ST_PENDING_TAKE */
	"DELETE FROM pending_forms WHERE expires <= ?", /* ST_PENDING_PURGE */
	"INSERT INTO user_tokens (hash, kind, user_id, created, expires)"
	" VALUES (?, ?, ?, ?, ?)", /* ST_UTOKEN_ADD */
	"SELECT t.kind, t.user_id, t.expires, t.used, u.email, u.name, u.disabled"
	" FROM user_tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ?", /* ST_UTOKEN_GET */
	"UPDATE user_tokens SET used = ?2 WHERE hash = ?1 AND kind = ?3 AND used IS NULL"
	" AND expires > ?2", /* ST_UTOKEN_USE */
	"DELETE FROM user_tokens WHERE user_id = ? AND kind = ? AND used IS NULL", /* ST_UTOKEN_DROP */
	"DELETE FROM user_tokens WHERE expires < ?", /* ST_UTOKEN_PURGE */
	"SELECT max(expires) FROM user_tokens WHERE user_id = ?1 AND kind = 'invite'"
	" AND used IS NULL AND expires > ?2 HAVING count(*) > 0", /* ST_UTOKEN_PENDING */
	"SELECT r.customer_id, r.created_by, r.status, r.customer_reference, " CONV_QUEUE("orange")
	" FROM requests r"
	" WHERE r.id = ?4 AND " IN_SCOPE("r.customer_id"), /* ST_CONV_ORANGE_TARGET */
	"SELECT r.customer_id, r.created_by, r.state, r.reference, "
	CONV_QUEUE("internet")
	" FROM internet_requests r WHERE r.id = ?4 AND " INET_SCOPE, /* ST_CONV_INET_TARGET */
	"INSERT INTO notes (id, family, request_id, internal, side, author_id, title,"
	" body, created, form_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", /* ST_NOTE_ADD */
	"SELECT id FROM notes WHERE author_id = ?1 AND form_token = ?2"
	" AND family = ?3 AND request_id = ?4", /* ST_NOTE_BY_TOKEN */
	"SELECT q.request_id FROM json_each(?2) j JOIN queue q ON q.family = ?1"
	" AND q.request_id = j.value WHERE q.open = 1 AND q.waiting = 1", /* ST_CONV_WAITING_OF */
	"SELECT " NOTE_COLS " FROM notes n JOIN users u ON u.id = n.author_id"
	" WHERE n.family = ?1 AND n.request_id = ?2 AND (n.internal = 0 OR ?3 = 1)"
	" ORDER BY n.seq LIMIT ?4 OFFSET ?5", /* ST_NOTE_LIST */
	"SELECT count(*) FROM notes n"
	" WHERE n.family = ?1 AND n.request_id = ?2 AND (n.internal = 0 OR ?3 = 1)", /* ST_NOTE_COUNT */
	"SELECT " NOTE_COLS " FROM notes n JOIN users u ON u.id = n.author_id"
	" WHERE n.id = ?1 AND n.family = ?2 AND n.request_id = ?3"
	" AND (n.internal = 0 OR ?4 = 1)", /* ST_NOTE_GET */
	"INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?)"
	" ON CONFLICT (sha256) DO NOTHING", /* ST_BLOB_ADD */
	"SELECT id FROM blobs WHERE sha256 = ?", /* ST_BLOB_ID */
	"INSERT INTO attachments (id, family, request_id, note_id, internal, name, mime,"
	" size, blob_id, author_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", /* ST_ATT_ADD */
	"SELECT " ATT_COLS " FROM attachments a JOIN users u ON u.id = a.author_id"
	" JOIN blobs b ON b.id = a.blob_id"
	" WHERE a.family = ?1 AND a.request_id = ?2 AND (a.internal = 0 OR ?3 = 1)"
	" ORDER BY a.seq LIMIT ?4 OFFSET ?5", /* ST_ATT_LIST */
	"SELECT count(*) FROM attachments a"
	" WHERE a.family = ?1 AND a.request_id = ?2 AND (a.internal = 0 OR ?3 = 1)", /* ST_ATT_COUNT */
	"SELECT coalesce(sum(size), 0), count(*) FROM attachments"
	" WHERE family = ?1 AND request_id = ?2", /* ST_ATT_USAGE */
	"SELECT " ATT_COLS " FROM attachments a JOIN users u ON u.id = a.author_id"
	" JOIN blobs b ON b.id = a.blob_id"
	" WHERE a.id = ?1 AND a.family = ?2 AND a.request_id = ?3"
	" AND (a.internal = 0 OR ?4 = 1)", /* ST_ATT_GET */
	"SELECT b.data FROM attachments a JOIN blobs b ON b.id = a.blob_id"
	" WHERE a.id = ?1 AND a.family = ?2 AND a.request_id = ?3"
	" AND (a.internal = 0 OR ?4 = 1)", /* ST_ATT_DATA */
	SEARCH_COUNTED(REQ_SEARCH_WHERE("?9")), /* ST_REQ_SEARCH_COUNT */
	"SELECT " REQ_COLS REQ_SEARCH_WHERE("?11")
	" ORDER BY search_index.rowid DESC LIMIT " SEARCH_LIMIT("?9", "?10") " OFFSET ?10", /* ST_REQ_SEARCH */
	SEARCH_COUNTED(INET_SEARCH_WHERE("?8")), /* ST_INET_SEARCH_COUNT */
	"SELECT " INET_COLS INET_SEARCH_WHERE("?10")
	" ORDER BY search_index.rowid DESC LIMIT " SEARCH_LIMIT("?8", "?9") " OFFSET ?9", /* ST_INET_SEARCH */
	SEARCH_COUNTED(SEARCH_WHERE), /* ST_SEARCH_COUNT */
	"SELECT d.family, d.request_id, coalesce(r.customer_reference, i.reference),"
	" coalesce(c.name, ic.name, rs.name), coalesce(r.status, i.state),"
	" coalesce(r.issued_at, i.created),"
	" coalesce(r.type, i.type), coalesce(r.name, i.address || ', ' || i.zip || ' ' || i.city)"
	SEARCH_WHERE " ORDER BY search_index.rowid DESC LIMIT " SEARCH_LIMIT("?6", "?7")
	" OFFSET ?7", /* ST_SEARCH */
	"SELECT market, currency FROM customers WHERE id = ?", /* ST_CUSTOMER_LOCALE */
	"SELECT token, stopped FROM mail_subscriptions WHERE object_id = ?1 AND email = ?2", /* ST_SUB_GET */
	"INSERT INTO mail_subscriptions (object_id, email, token, created)"
	" VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", /* ST_SUB_ADD */
	"SELECT object_id, email, stopped FROM mail_subscriptions WHERE token = ?", /* ST_SUB_BY_TOKEN */
	"UPDATE mail_subscriptions SET stopped = ?2 WHERE token = ?1 AND stopped IS NULL", /* ST_SUB_STOP */
	"SELECT fingerprint, status, header, header_value, body FROM idempotency_keys"
	" WHERE owner = ?1 AND key = ?2 AND expires > ?3", /* ST_IDEM_GET */
	"INSERT INTO idempotency_keys (owner, key, fingerprint, status, header,"
	" header_value, body, created, expires) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
	" ON CONFLICT (owner, key) DO UPDATE SET fingerprint = excluded.fingerprint,"
	" status = excluded.status, header = excluded.header,"
	" header_value = excluded.header_value, body = excluded.body,"
	" created = excluded.created, expires = excluded.expires"
	" WHERE idempotency_keys.expires <= excluded.created", /* ST_IDEM_ADD */
	"DELETE FROM idempotency_keys WHERE id IN (SELECT id FROM idempotency_keys"
	" WHERE expires <= ?1 ORDER BY expires LIMIT ?2)", /* ST_IDEM_PURGE */
	"SELECT k.kind, k.prefix, k.created, k.expires, u.phone, u.created, r.name"
	" FROM credentials k JOIN users u ON u.id = k.user_id"
	" LEFT JOIN resellers r ON r.id = u.reseller_id WHERE k.hash = ?", /* ST_CRED_ME */
	/* the counters of ST_REQ_KEPT_COUNT, one row per status, type,
	 * category and customer (bound as KEPT_COUNT is: ?4 is not read) */
	"SELECT k.status, k.type, k.category, k.customer_id, c.name, k.n"
	" FROM request_counts k JOIN customers c ON c.id = k.customer_id WHERE "
	IN_SCOPE("k.customer_id") SCOPE_RANGE("k.customer_id") " AND k.n > 0"
	" AND (?5 IS NULL OR k.status IN (SELECT value FROM json_each(?5)))"
	" AND (?6 IS NULL OR k.type IN (SELECT value FROM json_each(?6)))"
	" AND (?7 IS NULL OR k.category IN (SELECT value FROM json_each(?7)))", /* ST_REQ_AGG_KEPT */
	"SELECT r.status, r.type, r.category, r.customer_id, c.name, count(*)" REQ_KWHERE
	" GROUP BY r.status, r.type, r.category, r.customer_id", /* ST_REQ_AGG_KEYED */
	"SELECT r.status, r.type, r.category, r.customer_id, c.name, count(*)" REQ_WHERE
	" GROUP BY r.status, r.type, r.category, r.customer_id", /* ST_REQ_AGG_FILTERED */
	"SELECT state = 'TERMINATED', id, customer_id, name, reference, customer_reference,"
	" state, profile, street, postcode, city, country FROM service_points"
	" WHERE id = ?", /* ST_SP_RECORD */
	"SELECT p.retired IS NOT NULL, p.id, p.name, p.type,"
	" CASE WHEN p.initiation_fee THEN 'true' ELSE 'false' END,"
	" CASE WHEN p.all_customers THEN NULL ELSE (SELECT group_concat(customer_id, ';')"
	"   FROM (SELECT customer_id FROM product_customers WHERE product_id = p.id"
	"   ORDER BY customer_id)) END"
	" FROM products p WHERE p.id = ?", /* ST_PRODUCT_RECORD */
	"SELECT retired IS NOT NULL, id, customer_id, address, zip, city FROM addresses"
	" WHERE id = ?", /* ST_ADDRESS_RECORD */
	"UPDATE service_points SET state = CASE WHEN ?2 THEN 'TERMINATED' ELSE 'OPERATIONAL' END"
	" WHERE id = ?1 AND (state = 'TERMINATED') <> (?2 = 1) AND ?3 IS NOT NULL", /* ST_SP_RETIRE */
	"UPDATE products SET retired = CASE WHEN ?2 THEN ?3 END"
	" WHERE id = ?1 AND (retired IS NOT NULL) <> (?2 = 1)", /* ST_PRODUCT_RETIRE */
	"UPDATE addresses SET retired = CASE WHEN ?2 THEN ?3 END"
	" WHERE id = ?1 AND (retired IS NOT NULL) <> (?2 = 1)", /* ST_ADDRESS_RETIRE */
	"INSERT INTO reference_history (kind, object_id, action, by_user, at, record)"
	" VALUES (?, ?, ?, ?, ?, ?)", /* ST_REF_HISTORY_ADD */
	"SELECT h.at, h.action, u.name, h.record FROM reference_history h"
	" LEFT JOIN users u ON u.id = h.by_user WHERE h.kind = ?1 AND h.object_id = ?2"
	" ORDER BY h.seq DESC LIMIT ?3", /* ST_REF_HISTORY */
	QUEUE_PAGES("open", QL_OPEN), /* ST_QUEUE_PAGE_OPEN ... */
	QUEUE_PAGES("assignee", QL_ASSIGNEE), /* ST_QUEUE_PAGE_ASSIGNEE ... */
	QUEUE_PAGES("waiting", QL_WAITING), /* ST_QUEUE_PAGE_WAITING ... */
	QUEUE_EDGES(QUEUE_EDGE, "open", QL_OPEN), /* ST_QUEUE_EDGE_OPEN ... */
	QUEUE_EDGES(QUEUE_EDGE, "assignee", QL_ASSIGNEE), /* ST_QUEUE_EDGE_ASSIGNEE ... */
	QUEUE_EDGES(QUEUE_EDGE, "waiting", QL_WAITING), /* ST_QUEUE_EDGE_WAITING ... */
	QUEUE_EDGES(QUEUE_EDGE_NEXT, "open", QL_OPEN), /* ST_QUEUE_EDGE_NEXT_OPEN ... */
	QUEUE_EDGES(QUEUE_EDGE_NEXT, "assignee", QL_ASSIGNEE), /* ..._NEXT_ASSIGNEE ... */
	QUEUE_EDGES(QUEUE_EDGE_NEXT, "waiting", QL_WAITING), /* ..._NEXT_WAITING ... */
	QUEUE_COUNT("open", QL_OPEN), /* ST_QUEUE_COUNT_OPEN */
	QUEUE_COUNT("assignee", QL_ASSIGNEE), /* ST_QUEUE_COUNT_ASSIGNEE */
	QUEUE_COUNT("waiting", QL_WAITING), /* ST_QUEUE_COUNT_WAITING */
	"SELECT coalesce(sum(n), 0) FROM queue_tally WHERE (?1 IS NULL OR family = ?1)"
	" AND (?2 IS NULL OR state = ?2) AND (?3 IS NULL OR priority = ?3)"
	" AND (?4 IS NULL OR assignee = ?4) AND (?5 = 0 OR waiting = 1)", /* ST_QUEUE_TALLY */
	"SELECT family, state, n FROM queue_counts WHERE n > 0"
	" ORDER BY family, state", /* ST_QUEUE_COUNTS */
	"SELECT " QUEUE_COLS QUEUE_FROM " WHERE q.family = ?1 AND q.request_id = ?2", /* ST_QUEUE_GET */
	"UPDATE queue SET assignee_id = ?3, priority = ?4, activity = max(activity, ?5)"
	" WHERE family = ?1 AND request_id = ?2"
	" AND (assignee_id IS NOT ?3 OR priority <> ?4)", /* ST_QUEUE_ASSIGN */
	"INSERT INTO queue_history (family, request_id, at, by_user, assignee_id, priority)"
	" VALUES (?, ?, ?, ?, ?, ?)", /* ST_QUEUE_HISTORY_ADD */
	"SELECT h.at, b.name, a.name, h.priority FROM queue_history h"
	" JOIN users b ON b.id = h.by_user LEFT JOIN users a ON a.id = h.assignee_id"
	" WHERE h.family = ?1 AND h.request_id = ?2 ORDER BY h.seq DESC LIMIT ?3", /* ST_QUEUE_HISTORY */
	"SELECT id, name FROM users WHERE level = 'ADMIN' AND disabled = 0"
	" ORDER BY name, id LIMIT ?1", /* ST_QUEUE_STAFF */
	"UPDATE queue_settings SET offer_due_days = ?1, offer_valid_days = ?2"
	" WHERE offer_due_days <> ?1 OR offer_valid_days <> ?2", /* ST_QUEUE_SETTINGS */
	/* webhooks (webhook.c): a subscription within the scope ?1-?3 (an
	 * operator's, customer_id NULL, only for ?1) */
	"SELECT " HOOK_COLS HOOK_FROM " AND w.id = ?4", /* ST_HOOK_GET */
	"SELECT " HOOK_COLS HOOK_FROM " ORDER BY w.created DESC, w.id DESC LIMIT ?4", /* ST_HOOK_LIST */
	"SELECT count(*) FROM webhooks WHERE customer_id IS ?1", /* ST_HOOK_COUNT */
	"INSERT INTO webhooks (id, customer_id, url, events, description, secret, created,"
	" created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", /* ST_HOOK_ADD */
	"UPDATE webhooks SET previous_secret = secret, previous_until = ?5, secret = ?6"
	" WHERE id = ?4 AND " IN_SCOPE("customer_id"), /* ST_HOOK_ROTATE */
	"DELETE FROM webhooks WHERE id = ?4 AND " IN_SCOPE("customer_id"), /* ST_HOOK_DELETE */
	/* does a subscription want event ?1 about customer ?2 (NULL: nobody's)? */
	"SELECT 1 FROM webhooks w WHERE (w.customer_id IS NULL OR w.customer_id = ?2)"
	" AND NOT w.paused AND " HOOK_WANTS("?1") " LIMIT 1", /* ST_HOOK_WANTED */
	/* one message per subscription that wants event ?1 about customer
	 * ?2: ?3 the customers' payload (NULL: none for them), ?4 the
	 * operator's; ?5 object, ?6 now (calendar), ?7 now (ISO) */
	"INSERT INTO webhook_messages (msg_id, webhook_id, event, object_id, payload,"
	" next_attempt, retry_from, created)"
	" SELECT 'msg_' || lower(hex(randomblob(12))), w.id, ?1, ?5,"
	" CASE WHEN w.customer_id IS NULL THEN ?4 ELSE ?3 END, ?6, ?6, ?7"
	" FROM webhooks w WHERE (w.customer_id IS NULL OR (w.customer_id = ?2 AND ?3 IS NOT NULL))"
	" AND NOT w.paused AND " HOOK_WANTS("?1"), /* ST_HOOK_EMIT */
	"INSERT INTO webhook_messages (msg_id, webhook_id, event, object_id, payload,"
	" next_attempt, retry_from, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", /* ST_HOOK_MESSAGE_ADD */
	/* the sender: claim due messages (?2 now on the calendar, ?3 now on
	 * the real clock, lease ?4 seconds, ?5 at most) */
	"UPDATE webhook_messages SET state = 'sending', claimed_by = ?1, claimed_until = ?3 + ?4"
	" WHERE id IN (SELECT m.id FROM webhook_messages m WHERE ((m.state = 'queued'"
	"   AND m.next_attempt <= ?2) OR (m.state = 'sending' AND m.claimed_until < ?3))"
	"   AND NOT EXISTS (SELECT 1 FROM webhooks w WHERE w.id = m.webhook_id AND w.paused)"
	"   ORDER BY m.id LIMIT ?5)"
	" RETURNING id, msg_id, webhook_id, payload, attempts", /* ST_HOOK_CLAIM */
	"SELECT url, secret, previous_secret, previous_until FROM webhooks WHERE id = ?", /* ST_HOOK_TARGET */
	"UPDATE webhook_messages SET claimed_until = ?1 + ?2"
	" WHERE id = ?3 AND claimed_by = ?4 AND state = 'sending'", /* ST_HOOK_RENEW */
	"UPDATE webhook_messages SET state = 'delivered', delivered_at = ?1, attempts = attempts + 1,"
	" last_status = ?2, last_error = NULL, claimed_by = NULL"
	" WHERE id = ?3 AND state <> 'delivered'", /* ST_HOOK_DELIVERED */
	/* a failed attempt: again at ?3 (calendar) + ?4 * 2^attempts, at most
	 * ?5 later; failed once ?6 seconds have passed since retry_from */
	"UPDATE webhook_messages SET attempts = attempts + 1, last_status = ?1, last_error = ?2,"
	" claimed_by = NULL,"
	" state = CASE WHEN ?3 - retry_from >= ?6 THEN 'failed' ELSE 'queued' END,"
	" next_attempt = ?3 + min(?4 * (1 << min(attempts, 20)), ?5)"
	" WHERE id = ?7 AND claimed_by = ?8 AND state = 'sending'", /* ST_HOOK_FAILED */
	"UPDATE webhook_messages SET state = 'queued', claimed_by = NULL, claimed_until = NULL"
	" WHERE id = ? AND claimed_by = ? AND state = 'sending'", /* ST_HOOK_RELEASE */
	"INSERT INTO webhook_attempts (message_id, at, status, duration_ms, error, answer)"
	" VALUES (?, ?, ?, ?, ?, ?)", /* ST_HOOK_ATTEMPT_ADD */
	"DELETE FROM webhook_messages WHERE id IN (SELECT id FROM webhook_messages"
	" INDEXED BY webhook_messages_delivered WHERE state = 'delivered' AND delivered_at < ?1"
	" ORDER BY delivered_at LIMIT ?2)", /* ST_HOOK_PURGE */
	/* the messages of subscription ?1, newest first */
	"SELECT count(*) FROM webhook_messages WHERE webhook_id = ?1", /* ST_HOOK_MESSAGE_COUNT */
	"SELECT id, msg_id, event, object_id, state, attempts, next_attempt, created,"
	" delivered_at, last_status, last_error FROM webhook_messages WHERE webhook_id = ?1"
	" ORDER BY id DESC LIMIT ?2 OFFSET ?3", /* ST_HOOK_MESSAGES */
	"SELECT at, status, duration_ms, error, answer FROM webhook_attempts"
	" WHERE message_id = ?1 ORDER BY id DESC LIMIT ?2", /* ST_HOOK_ATTEMPTS */
	/* send again: the message ?2 of subscription ?1, due now (?3) with a
	 * new window of retries */
	"UPDATE webhook_messages SET state = 'queued', next_attempt = ?3, retry_from = ?3,"
	" claimed_by = NULL, claimed_until = NULL"
	" WHERE webhook_id = ?1 AND msg_id = ?2 AND state <> 'sending'", /* ST_HOOK_RESEND */
	/* an edit of subscription ?4 in scope ?1-?3: each of ?5 url, ?6
	 * events, ?7 description when not NULL, ?8 paused when not -1; ?9
	 * now (ISO) */
	"UPDATE webhooks SET url = coalesce(?5, url), events = coalesce(?6, events),"
	" description = coalesce(?7, description), paused = CASE WHEN ?8 < 0 THEN paused ELSE ?8 END,"
	" updated = ?9"
	" WHERE id = ?4 AND " IN_SCOPE("customer_id"), /* ST_HOOK_UPDATE */
	/* resumed: what waited is due now (?2, calendar) with a new window */
	"UPDATE webhook_messages SET next_attempt = ?2, retry_from = ?2"
	" WHERE webhook_id = ?1 AND state = 'queued'", /* ST_HOOK_RESUMED */
	"INSERT INTO webhook_history (webhook_id, action, by_user, at, record)"
	" VALUES (?, ?, ?, ?, ?)", /* ST_HOOK_HISTORY_ADD */
	"SELECT h.at, h.action, u.name, h.record FROM webhook_history h"
	" LEFT JOIN users u ON u.id = h.by_user WHERE h.webhook_id = ?1"
	" ORDER BY h.seq DESC LIMIT ?2", /* ST_HOOK_HISTORY */
	/* the subscription a page's form token made (its creator ?5) */
	"SELECT w.id FROM webhooks w WHERE " IN_SCOPE("w.customer_id")
	" AND w.form_token = ?4 AND w.created_by = ?5", /* ST_HOOK_BY_FORM_TOKEN */
	"UPDATE webhooks SET form_token = ?2 WHERE id = ?1", /* ST_HOOK_SET_FORM_TOKEN */
};

/* Every enum stmt has its SQL, in order. */
_Static_assert(sizeof(sqls) / sizeof(sqls[0]) == ST__MAX,
    "sqls[] and enum stmt disagree");

/* The columns each statement returns: the __COLS of its enum in store.h
 * (0: it returns no row), checked when it is prepared. */
static const unsigned char stmt_cols[] = {
	0, /* ST_BEGIN */
	0, /* ST_BEGIN_IMMEDIATE */
	0, /* ST_COMMIT */
	0, /* ST_ROLLBACK */
	COUNT__COLS, /* ST_PING */
	COUNT__COLS, /* ST_DB_IN_USE */
	0, /* ST_SAVEPOINT */
	0, /* ST_RELEASE */
	0, /* ST_ROLLBACK_TO */
	0, /* ST_CUSTOMER_ADD */
	0, /* ST_CUSTOMER_SET_CURRENCY */
	0, /* ST_CUSTOMER_TYPE_ADD */
	CUSTOMER__COLS, /* ST_CUSTOMER_GET */
	CUSTOMER_LIST__COLS, /* ST_CUSTOMER_LIST */
	0, /* ST_RESELLER_ADD */
	0, /* ST_RESELLER_CUSTOMER_ADD */
	RESELLER_LIST__COLS, /* ST_RESELLER_LIST */
	0, /* ST_USER_ADD */
	USER__COLS, /* ST_USER_BY_EMAIL */
	USER__COLS, /* ST_USER_BY_ID */
	USER__COLS, /* ST_USER_LIST */
	0, /* ST_USER_SET_LEVEL */
	0, /* ST_USER_SET_DISABLED */
	0, /* ST_USER_SET_PASSWORD */
	0, /* ST_CRED_ADD */
	CRED__COLS, /* ST_CRED_LOOKUP */
	COUNT__COLS, /* ST_AUTH_EPOCH */
	0, /* ST_CRED_TOUCH */
	0, /* ST_CRED_DELETE */
	0, /* ST_CRED_REVOKE */
	0, /* ST_CRED_REVOKE_USER */
	APIKEY__COLS, /* ST_CRED_LIST_KEYS */
	0, /* ST_CRED_PURGE */
	LOGINFAIL__COLS, /* ST_LOGINFAIL_GET */
	COUNTED__COLS, /* ST_LOGINFAIL_RECORD */
	0, /* ST_LOGINFAIL_CLEAR */
	0, /* ST_LOGINFAIL_PURGE */
	0, /* ST_SP_ADD */
	0, /* ST_PRODUCT_ADD */
	0, /* ST_PRODUCT_CUSTOMER_ADD */
	CUSTOMER__COLS, /* ST_CUSTOMERS_IN_SCOPE */
	FOUND__COLS, /* ST_CUSTOMER_HAS_TYPE */
	SP_FOUND__COLS, /* ST_SP_FIND_BY_ID */
	SP_FOUND__COLS, /* ST_SP_FIND_BY_REF */
	SP_FOUND__COLS, /* ST_SP_FIND_BY_CUSTREF */
	0, /* ST_REQ_ADD */
	0, /* ST_REQ_HISTORY_ADD */
	REQ__COLS, /* ST_REQ_GET */
	0, /* ST_REQ_SET_FORM_TOKEN */
	FORM_TOKEN__COLS, /* ST_REQ_BY_FORM_TOKEN */
	HIST__COLS, /* ST_REQ_HISTORY */
	0, /* ST_REQ_SET_STATUS */
	COUNT__COLS, /* ST_REQ_COUNT */
	REQ__COLS, /* ST_REQ_LIST_ISSUED_ASC */
	REQ__COLS, /* ST_REQ_LIST_ISSUED_DESC */
	REQ__COLS, /* ST_REQ_LIST_REQUESTED_ASC */
	REQ__COLS, /* ST_REQ_LIST_REQUESTED_DESC */
	REQ__COLS, /* ST_REQ_LIST_STATUS_ASC */
	REQ__COLS, /* ST_REQ_LIST_STATUS_DESC */
	REQ__COLS, /* ST_REQ_LIST_TYPE_ASC */
	REQ__COLS, /* ST_REQ_LIST_TYPE_DESC */
	REQ__COLS, /* ST_REQ_LIST_CUSTREF_ASC */
	REQ__COLS, /* ST_REQ_LIST_CUSTREF_DESC */
	REQ__COLS, /* ST_REQ_LIST_ID_ASC */
	REQ__COLS, /* ST_REQ_LIST_ID_DESC */
	COUNT__COLS, /* ST_REQ_KCOUNT */
	REQ__COLS, /* ST_REQ_KLIST_ISSUED_ASC */
	REQ__COLS, /* ST_REQ_KLIST_ISSUED_DESC */
	REQ__COLS, /* ST_REQ_KLIST_REQUESTED_ASC */
	REQ__COLS, /* ST_REQ_KLIST_REQUESTED_DESC */
	REQ__COLS, /* ST_REQ_KLIST_STATUS_ASC */
	REQ__COLS, /* ST_REQ_KLIST_STATUS_DESC */
	REQ__COLS, /* ST_REQ_KLIST_TYPE_ASC */
	REQ__COLS, /* ST_REQ_KLIST_TYPE_DESC */
	REQ__COLS, /* ST_REQ_KLIST_CUSTREF_ASC */
	REQ__COLS, /* ST_REQ_KLIST_CUSTREF_DESC */
	REQ__COLS, /* ST_REQ_KLIST_ID_ASC */
	REQ__COLS, /* ST_REQ_KLIST_ID_DESC */
	SP_PICK__COLS, /* ST_SP_PICKER */
	USER_ADMIN__COLS, /* ST_ADMIN_USER_LIST */
	0, /* ST_CRED_REVOKE_USER_KEY */
	COUNT__COLS, /* ST_SP_VIEW_COUNT */
	SP__COLS, /* ST_SP_VIEW_GET */
	0, /* ST_SP_UPSERT */
	SP__COLS, /* ST_SP_LIST_ID_ASC */
	SP__COLS, /* ST_SP_LIST_ID_DESC */
	SP__COLS, /* ST_SP_LIST_NAME_ASC */
	SP__COLS, /* ST_SP_LIST_NAME_DESC */
	SP__COLS, /* ST_SP_LIST_CUSTREF_ASC */
	SP__COLS, /* ST_SP_LIST_CUSTREF_DESC */
	SP__COLS, /* ST_SP_LIST_STATE_ASC */
	SP__COLS, /* ST_SP_LIST_STATE_DESC */
	SP__COLS, /* ST_SP_LIST_CUSTOMER_ASC */
	SP__COLS, /* ST_SP_LIST_CUSTOMER_DESC */
	0, /* ST_OUTBOX_ADD */
	RECIPIENT__COLS, /* ST_USER_EMAIL */
	CLAIM__COLS, /* ST_OUTBOX_CLAIM */
	0, /* ST_OUTBOX_SENT */
	0, /* ST_OUTBOX_FAILED */
	OUTBOX__COLS, /* ST_OUTBOX_LIST */
	OUTBOX_COUNT__COLS, /* ST_OUTBOX_COUNTS */
	0, /* ST_OUTBOX_RETRY */
	0, /* ST_OUTBOX_RELEASE */
	0, /* ST_OUTBOX_PURGE */
	0, /* ST_OUTBOX_RENEW */
	0, /* ST_ADDRESS_ADD */
	ADDRESS__COLS, /* ST_ADDRESS_GET */
	ADDRESS_PICK__COLS, /* ST_ADDRESS_PICKER */
	PRODUCT_GET__COLS, /* ST_PRODUCT_GET */
	PRODUCT__COLS, /* ST_PRODUCT_LIST */
	0, /* ST_PRODUCT_UPSERT */
	0, /* ST_PRODUCT_CUSTOMERS_CLEAR */
	PRODUCT_ADMIN__COLS, /* ST_PRODUCT_ADMIN_LIST */
	0, /* ST_ADDRESS_UPSERT */
	ADDRESS_ADMIN__COLS, /* ST_ADDRESS_ADMIN_LIST */
	COUNT__COLS, /* ST_ADDRESS_COUNT */
	RESELLER__COLS, /* ST_RESELLER_GET */
	NOTIFY__COLS, /* ST_NOTIFY_USER_GET */
	NOTIFY_PICKER__COLS, /* ST_NOTIFY_PICKER */
	0, /* ST_INET_ADD */
	0, /* ST_INET_UPDATE */
	INET__COLS, /* ST_INET_GET */
	0, /* ST_INET_SET_FORM_TOKEN */
	FORM_TOKEN__COLS, /* ST_INET_BY_FORM_TOKEN */
	INET__COLS, /* ST_INET_OPEN_LIST */
	COUNT__COLS, /* ST_INET_OPEN_COUNT */
	COUNT__COLS, /* ST_INET_ANY */
	COUNT__COLS, /* ST_REQ_ANY */
	COUNT__COLS, /* ST_INET_COUNT */
	INET__COLS, /* ST_INET_LIST */
	INET__COLS, /* ST_INET_INBOX */
	0, /* ST_INET_NOTIFY_CLEAR */
	0, /* ST_INET_NOTIFY_ADD */
	NOTIFY__COLS, /* ST_INET_NOTIFY_LIST */
	0, /* ST_INET_OFFER_CLEAR */
	0, /* ST_INET_OFFER_ADD */
	OFFER__COLS, /* ST_INET_OFFER_LIST */
	0, /* ST_INET_ACCOUNT_ADD */
	ACCOUNT__COLS, /* ST_INET_ACCOUNT_GET */
	0, /* ST_INET_ACCOUNT_CONFIRM */
	0, /* ST_INET_ACCOUNT_ACTIVATE */
	0, /* ST_INET_ACCOUNT_CANCEL */
	CUSTOMER_RESELLERS__COLS, /* ST_CUSTOMER_RESELLERS */
	TOTAL__COLS, /* ST_REQ_FAST_TOTAL */
	REQ__COLS, /* ST_REQ_FAST_DESC */
	REQ__COLS, /* ST_REQ_FAST_ASC */
	COUNT__COLS, /* ST_REQ_KEPT_COUNT */
	TOTAL__COLS, /* ST_REQ_ALL_TOTAL */
	REQ__COLS, /* ST_REQ_ALL_DESC */
	REQ__COLS, /* ST_REQ_ALL_ASC */
	FOUND__COLS, /* ST_TYPE_ALLOWED */
	NEW_REQ__COLS, /* ST_REQ_NEW_JSON */
	0, /* ST_GRANT_ADD */
	0, /* ST_GRANT_DELETE */
	0, /* ST_GRANT_HISTORY_ADD */
	GRANT__COLS, /* ST_GRANTS_ALL */
	GRANT_HIST__COLS, /* ST_GRANT_HISTORY */
	SP_WORDS__COLS, /* ST_SP_WORDS */
	SP_WORDS__COLS, /* ST_REQ_SP_WORDS */
	REQ_TYPE__COLS, /* ST_REQ_TYPES_IN_SCOPE */
	0, /* ST_USER_SET_PREFS */
	KEY__COLS, /* ST_SERVER_KEY */
	0, /* ST_PENDING_ADD */
	PENDING__COLS, /* ST_PENDING_TAKE */
	0, /* ST_PENDING_PURGE */
	0, /* ST_UTOKEN_ADD */
	UTOKEN__COLS, /* ST_UTOKEN_GET */
	0, /* ST_UTOKEN_USE */
	0, /* ST_UTOKEN_DROP */
	0, /* ST_UTOKEN_PURGE */
	COUNT__COLS, /* ST_UTOKEN_PENDING */
	TARGET__COLS, /* ST_CONV_ORANGE_TARGET */
	TARGET__COLS, /* ST_CONV_INET_TARGET */
	0, /* ST_NOTE_ADD */
	NOTEID__COLS, /* ST_NOTE_BY_TOKEN */
	NOTEID__COLS, /* ST_CONV_WAITING_OF */
	NOTE__COLS, /* ST_NOTE_LIST */
	COUNT__COLS, /* ST_NOTE_COUNT */
	NOTE__COLS, /* ST_NOTE_GET */
	0, /* ST_BLOB_ADD */
	BLOBID__COLS, /* ST_BLOB_ID */
	0, /* ST_ATT_ADD */
	ATT__COLS, /* ST_ATT_LIST */
	COUNT__COLS, /* ST_ATT_COUNT */
	USAGE__COLS, /* ST_ATT_USAGE */
	ATT__COLS, /* ST_ATT_GET */
	DATA__COLS, /* ST_ATT_DATA */
	COUNT__COLS, /* ST_REQ_SEARCH_COUNT */
	REQ__COLS, /* ST_REQ_SEARCH */
	COUNT__COLS, /* ST_INET_SEARCH_COUNT */
	INET__COLS, /* ST_INET_SEARCH */
	COUNT__COLS, /* ST_SEARCH_COUNT */
	SEARCH__COLS, /* ST_SEARCH */
	CUSTOMER_LOCALE__COLS, /* ST_CUSTOMER_LOCALE */
	SUB__COLS, /* ST_SUB_GET */
	0, /* ST_SUB_ADD */
	SUB_TOKEN__COLS, /* ST_SUB_BY_TOKEN */
	0, /* ST_SUB_STOP */
	IDEM__COLS, /* ST_IDEM_GET */
	0, /* ST_IDEM_ADD */
	0, /* ST_IDEM_PURGE */
	ME__COLS, /* ST_CRED_ME */
	AGG__COLS, /* ST_REQ_AGG_KEPT */
	AGG__COLS, /* ST_REQ_AGG_KEYED */
	AGG__COLS, /* ST_REQ_AGG_FILTERED */
	SP_RECORD__COLS, /* ST_SP_RECORD */
	PRODUCT_RECORD__COLS, /* ST_PRODUCT_RECORD */
	ADDRESS_RECORD__COLS, /* ST_ADDRESS_RECORD */
	0, /* ST_SP_RETIRE */
	0, /* ST_PRODUCT_RETIRE */
	0, /* ST_ADDRESS_RETIRE */
	0, /* ST_REF_HISTORY_ADD */
	REF_HISTORY__COLS, /* ST_REF_HISTORY */
	QUEUE__COLS, /* ST_QUEUE_PAGE_OPEN_DUE */
	QUEUE__COLS, /* ST_QUEUE_PAGE_OPEN_AGE */
	QUEUE__COLS, /* ST_QUEUE_PAGE_OPEN_CUSTOMER */
	QUEUE__COLS, /* ST_QUEUE_PAGE_OPEN_ACTIVITY */
	QUEUE__COLS, /* ST_QUEUE_PAGE_ASSIGNEE_DUE */
	QUEUE__COLS, /* ST_QUEUE_PAGE_ASSIGNEE_AGE */
	QUEUE__COLS, /* ST_QUEUE_PAGE_ASSIGNEE_CUSTOMER */
	QUEUE__COLS, /* ST_QUEUE_PAGE_ASSIGNEE_ACTIVITY */
	QUEUE__COLS, /* ST_QUEUE_PAGE_WAITING_DUE */
	QUEUE__COLS, /* ST_QUEUE_PAGE_WAITING_AGE */
	QUEUE__COLS, /* ST_QUEUE_PAGE_WAITING_CUSTOMER */
	QUEUE__COLS, /* ST_QUEUE_PAGE_WAITING_ACTIVITY */
	QEDGE__COLS, /* ST_QUEUE_EDGE_OPEN_DUE */
	QEDGE__COLS, /* ST_QUEUE_EDGE_OPEN_AGE */
	QEDGE__COLS, /* ST_QUEUE_EDGE_OPEN_CUSTOMER */
	QEDGE__COLS, /* ST_QUEUE_EDGE_OPEN_ACTIVITY */
	QEDGE__COLS, /* ST_QUEUE_EDGE_ASSIGNEE_DUE */
	QEDGE__COLS, /* ST_QUEUE_EDGE_ASSIGNEE_AGE */
	QEDGE__COLS, /* ST_QUEUE_EDGE_ASSIGNEE_CUSTOMER */
	QEDGE__COLS, /* ST_QUEUE_EDGE_ASSIGNEE_ACTIVITY */
	QEDGE__COLS, /* ST_QUEUE_EDGE_WAITING_DUE */
	QEDGE__COLS, /* ST_QUEUE_EDGE_WAITING_AGE */
	QEDGE__COLS, /* ST_QUEUE_EDGE_WAITING_CUSTOMER */
	QEDGE__COLS, /* ST_QUEUE_EDGE_WAITING_ACTIVITY */
	QEDGE__COLS, /* ST_QUEUE_EDGE_NEXT_OPEN_DUE */
	QEDGE__COLS, /* ST_QUEUE_EDGE_NEXT_OPEN_AGE */
	QEDGE__COLS, /* ST_QUEUE_EDGE_NEXT_OPEN_CUSTOMER */
	QEDGE__COLS, /* ST_QUEUE_EDGE_NEXT_OPEN_ACTIVITY */
	QEDGE__COLS, /* ST_QUEUE_EDGE_NEXT_ASSIGNEE_DUE */
	QEDGE__COLS, /* ST_QUEUE_EDGE_NEXT_ASSIGNEE_AGE */
	QEDGE__COLS, /* ST_QUEUE_EDGE_NEXT_ASSIGNEE_CUSTOMER */
	QEDGE__COLS, /* ST_QUEUE_EDGE_NEXT_ASSIGNEE_ACTIVITY */
	QEDGE__COLS, /* ST_QUEUE_EDGE_NEXT_WAITING_DUE */
	QEDGE__COLS, /* ST_QUEUE_EDGE_NEXT_WAITING_AGE */
	QEDGE__COLS, /* ST_QUEUE_EDGE_NEXT_WAITING_CUSTOMER */
	QEDGE__COLS, /* ST_QUEUE_EDGE_NEXT_WAITING_ACTIVITY */
	COUNT__COLS, /* ST_QUEUE_COUNT_OPEN */
	COUNT__COLS, /* ST_QUEUE_COUNT_ASSIGNEE */
	COUNT__COLS, /* ST_QUEUE_COUNT_WAITING */
	COUNT__COLS, /* ST_QUEUE_TALLY */
	QCOUNT__COLS, /* ST_QUEUE_COUNTS */
	QUEUE__COLS, /* ST_QUEUE_GET */
	0, /* ST_QUEUE_ASSIGN */
	0, /* ST_QUEUE_HISTORY_ADD */
	QHIST__COLS, /* ST_QUEUE_HISTORY */
	QSTAFF__COLS, /* ST_QUEUE_STAFF */
	0, /* ST_QUEUE_SETTINGS */
	HOOK__COLS, /* ST_HOOK_GET */
	HOOK__COLS, /* ST_HOOK_LIST */
	COUNT__COLS, /* ST_HOOK_COUNT */
	0, /* ST_HOOK_ADD */
	0, /* ST_HOOK_ROTATE */
	0, /* ST_HOOK_DELETE */
	FOUND__COLS, /* ST_HOOK_WANTED */
	0, /* ST_HOOK_EMIT */
	0, /* ST_HOOK_MESSAGE_ADD */
	HOOK_CLAIM__COLS, /* ST_HOOK_CLAIM */
	HOOK_TARGET__COLS, /* ST_HOOK_TARGET */
	0, /* ST_HOOK_RENEW */
	0, /* ST_HOOK_DELIVERED */
	0, /* ST_HOOK_FAILED */
	0, /* ST_HOOK_RELEASE */
	0, /* ST_HOOK_ATTEMPT_ADD */
	0, /* ST_HOOK_PURGE */
	COUNT__COLS, /* ST_HOOK_MESSAGE_COUNT */
	HOOK_MSG__COLS, /* ST_HOOK_MESSAGES */
	HOOK_ATTEMPT__COLS, /* ST_HOOK_ATTEMPTS */
	0, /* ST_HOOK_RESEND */
	0, /* ST_HOOK_UPDATE */
	0, /* ST_HOOK_RESUMED */
	0, /* ST_HOOK_HISTORY_ADD */
	REF_HISTORY__COLS, /* ST_HOOK_HISTORY */
	FORM_TOKEN__COLS, /* ST_HOOK_BY_FORM_TOKEN */
	0, /* ST_HOOK_SET_FORM_TOKEN */
};

_Static_assert(sizeof(stmt_cols) / sizeof(stmt_cols[0]) == ST__MAX,
    "stmt_cols[] and enum stmt disagree");
_Static_assert(ST_REQ_KLIST_ID_DESC - ST_REQ_KLIST_ISSUED_ASC ==
    ST_REQ_LIST_ID_DESC - ST_REQ_LIST_ISSUED_ASC,
    "every list statement has its keyed twin, in the same order");

int
store_schema_version(void)
{
	return (int)(sizeof(migrations) / sizeof(migrations[0]));
}

/* Storage failed on this thread since the last store_trouble_reset()
 * (store.h). */
static _Thread_local int trouble;

int
store_trouble(void)
{
	return trouble;
}

void
store_trouble_reset(void)
{
	trouble = 0;
}

void
store_trouble_note(void)
{
	trouble = 1;
}

/* Run one SQL text with no result; 0 or -1 (logged). */
static int
exec_sql(struct store *st, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		trouble = 1;
		log_err("%s: %s", st->path, err ? err : sqlite3_errmsg(st->db));
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

/* Page cache of each connection, KiB: a worker has one connection per
 * thread, and the OS page cache holds the database anyway.  128 rather
 * than 192 keeps a worker 1-1.4 MiB further under its 16 MiB at the
 * bench's 1,000,000 rows, the lists within the noise (PERFORMANCE.md). */
#define STORE_CACHE_KIB 128

/* The WAL is copied back into the database every this many pages (16 MiB;
 * SQLite's default is 1000).  The pages every insert touches (the right
 * edges of the tables and indexes) are written back once per checkpoint:
 * fewer checkpoints, fewer writes; durable creations +10% measured. */
#define CHECKPOINT_PAGES 4000

/*
 * Busy handler: another process holds the write lock.  Wait in short
 * steps (SQLite's own handler sleeps up to 100 ms at a time, which makes
 * tail latency under concurrent writes far worse than the wait needs to
 * be), up to the configured timeout.
 */
static int
on_busy(void *arg, int count)
{
	long long	waited_us, step_us;
	struct timespec	ts;

	(void)arg;
	/* 50 us steps ten times, 200 us steps forty times, then 1 ms. */
	if (count < 10) {
		waited_us = 50LL * count;
		step_us = 50;
	} else if (count < 50) {
		waited_us = 500 + 200LL * (count - 10);
		step_us = 200;
	} else {
		waited_us = 8500 + 1000LL * (count - 50);
		step_us = 1000;
	}
	if (waited_us >= (long long)config.busy_timeout_ms * 1000)
		return 0;
	ts.tv_sec = 0;
	ts.tv_nsec = step_us * 1000;
	nanosleep(&ts, NULL);
	return 1;
}

void
store_global_init(void)
{
	/* Allocation statistics take a process-wide mutex on every SQLite
	 * allocation, which all the worker's threads would contend for. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

struct store *
store_open(const char *path, int create)
{
	struct store	*st;
	char		 pragmas[512];
	int		 flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	if (create)
		flags |= SQLITE_OPEN_CREATE;
	if ((st = calloc(1, sizeof(*st))) == NULL)
		return NULL;
	if ((st->path = strdup(path)) == NULL)
		goto err;
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		trouble = 1;
		log_err("%s: cannot open: %s", path,
		    st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto err;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_handler(st->db, on_busy, st);
	snprintf(pragmas, sizeof(pragmas),
	    "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = FULL;"
	    "PRAGMA foreign_keys = ON;"
	    "PRAGMA journal_size_limit = %lld;"
	    "PRAGMA cache_size = -%d;"
	    "PRAGMA wal_autocheckpoint = %d;", config.wal_limit, STORE_CACHE_KIB,
	    CHECKPOINT_PAGES);
	if (exec_sql(st, pragmas) < 0)
		goto err;
	return st;
err:
	store_close(st);
	return NULL;
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < ST__MAX; i++)
		sqlite3_finalize(st->rows[i].stmt);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

int
store_db_version(struct store *st)
{
	sqlite3_stmt	*s;
	int		 v = -1;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

int
store_migrate(struct store *st)
{
	char	sql[64];
	int	v, target = store_schema_version();

	if (exec_sql(st, "BEGIN IMMEDIATE") < 0)
		return -1;
	if ((v = store_db_version(st)) < 0)
		goto err;
	if (v > target) {
		log_err("%s: schema version %d is newer than this program's %d",
		    st->path, v, target);
		goto err;
	}
	for (; v < target; v++) {
		if (exec_sql(st, migrations[v]) < 0)
			goto err;
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v + 1);
		if (exec_sql(st, sql) < 0)
			goto err;
		log_info("%s: migrated to schema version %d", st->path, v + 1);
	}
	return exec_sql(st, "COMMIT");
err:
	exec_sql(st, "ROLLBACK");
	return -1;
}

/*
 * The end of a statement used against its declaration, once logged: an
 * assertion in a debug build, so that the test that ran it stops at the
 * culprit; with NDEBUG, -1 for the call to fail as on any other storage
 * error.
 */
static int
stmt_misuse(void)
{
	assert(!"statement used against its declaration (store.h)");
	return -1;
}

/* Prepare `sql` as statement `id`, which must return `cols` columns.
 * The statement, or NULL (logged). */
static sqlite3_stmt *
stmt_prepare(struct store *st, enum stmt id, const char *sql, int cols)
{
	sqlite3_stmt *s;

	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
	    NULL) != SQLITE_OK) {
		trouble = 1;
		log_err("prepare %d: %s", (int)id, sqlite3_errmsg(st->db));
		return NULL;
	}
	if (sqlite3_column_count(s) != cols) {
		log_err("statement %d returns %d columns, store.h declares %d",
		    (int)id, sqlite3_column_count(s), cols);
		sqlite3_finalize(s);
		stmt_misuse();
		return NULL;
	}
	return s;
}

/* Make room for one more prepared statement once STORE_STMTS_MAX are
 * (store.h): finalize the least recently used one that no caller holds
 * (lent by store_query() and not yet given back by store_done(), or in
 * the middle of its rows). */
static void
stmt_evict(struct store *st)
{
	struct rows	*victim = NULL, *r;
	size_t		 i;

	if (st->prepared < STORE_STMTS_MAX)
		return;
	for (i = 0; i < ST__MAX; i++) {
		r = &st->rows[i];
		if (r->stmt != NULL && !r->lent && !sqlite3_stmt_busy(r->stmt) &&
		    (victim == NULL || r->used < victim->used))
			victim = r;
	}
	if (victim == NULL)
		return;	/* every one held: one more for now */
	sqlite3_finalize(victim->stmt);
	victim->stmt = NULL;
	st->prepared--;
}

/* Statement `id` prepared (on first use, or again after stmt_evict()),
 * or NULL on error. */
static struct rows *
stmt_ready(struct store *st, enum stmt id)
{
	struct rows *r = &st->rows[id];

	if (r->stmt == NULL) {
		stmt_evict(st);
		if ((r->stmt = stmt_prepare(st, id, sqls[id], stmt_cols[id])) == NULL)
			return NULL;
		st->prepared++;
	}
	r->id = id;
	r->used = ++st->tick;
	return r;
}

/* The prepared statement `id`, reset and unbound; NULL on error. */
static sqlite3_stmt *
stmt_get(struct store *st, enum stmt id)
{
	struct rows *r;

	if ((r = stmt_ready(st, id)) == NULL)
		return NULL;
	if (st->snapshot && !sqlite3_stmt_readonly(r->stmt))
		store_snapshot_end(st);
	sqlite3_reset(r->stmt);
	sqlite3_clear_bindings(r->stmt);
	return r->stmt;
}

void
store_snapshot_begin(struct store *st)
{
	/* A deferred BEGIN takes no lock: the first read starts the read
	 * transaction.  Without it, each statement is its own. */
	if (sqlite3_get_autocommit(st->db) && store_exec(st, ST_BEGIN, NULL) >= 0)
		st->snapshot = 1;
}

void
store_snapshot_end(struct store *st)
{
	if (!st->snapshot)
		return;
	st->snapshot = 0;
	if (!sqlite3_get_autocommit(st->db) && store_exec(st, ST_COMMIT, NULL) < 0)
		store_rollback(st);
}

/* Bind arguments described by `types`, one for each parameter of
 * statement `id`; 0 or -1.  Strings are copied (SQLITE_TRANSIENT), or
 * only pointed to (SQLITE_STATIC) when the caller runs the statement and
 * clears its bindings before returning. */
static int
stmt_bind(struct store *st, enum stmt id, sqlite3_stmt *s,
    sqlite3_destructor_type keep, const char *types, va_list ap)
{
	const char	*str;
	int		 i, n, rc = SQLITE_OK;

	n = types != NULL ? (int)strlen(types) : 0;
	if (n != sqlite3_bind_parameter_count(s)) {
		log_err("statement %d: %d arguments for %d parameters", (int)id, n,
		    sqlite3_bind_parameter_count(s));
		return stmt_misuse();
	}
	for (i = 1; types != NULL && *types != '\0' && rc == SQLITE_OK; types++, i++) {
		switch (*types) {
		case 's':
			str = va_arg(ap, const char *);
			rc = str ? sqlite3_bind_text(s, i, str, -1, keep) :
			    sqlite3_bind_null(s, i);
			break;
		case 'i':
			rc = sqlite3_bind_int(s, i, va_arg(ap, int));
			break;
		case 'I':
			rc = sqlite3_bind_int64(s, i, va_arg(ap, long long));
			break;
		case 'b': {	/* a BLOB: two arguments, the bytes and their count */
			const void *data = va_arg(ap, const void *);
			size_t len = va_arg(ap, size_t);
			rc = sqlite3_bind_blob64(s, i, data != NULL ? data : "", len, keep);
			break;
		}
		default:
			rc = SQLITE_MISUSE;
		}
	}
	if (rc != SQLITE_OK) {
		log_err("bind: %s", sqlite3_errmsg(st->db));
		return -1;
	}
	return 0;
}

int
store_exec(struct store *st, enum stmt id, const char *types, ...)
{
	sqlite3_stmt	*s;
	va_list		 ap;
	int		 rc;

	if ((s = stmt_get(st, id)) == NULL)
		return -1;
	va_start(ap, types);
	rc = stmt_bind(st, id, s, SQLITE_STATIC, types, ap);	/* run right here */
	va_end(ap);
	if (rc < 0) {
		sqlite3_clear_bindings(s);
		return -1;
	}
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);	/* the caller's strings may go now */
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return sqlite3_changes(st->db);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return -2;
	trouble = 1;
	log_err("statement %d: %s", (int)id, sqlite3_errmsg(st->db));
	return -1;
}

struct rows *
store_query(struct store *st, enum stmt id, const char *types, ...)
{
	sqlite3_stmt	*s;
	va_list		 ap;
	int		 rc;

	if ((s = stmt_get(st, id)) == NULL)
		return NULL;
	va_start(ap, types);
	rc = stmt_bind(st, id, s, SQLITE_TRANSIENT, types, ap);	/* rows come later */
	va_end(ap);
	if (rc < 0) {
		sqlite3_clear_bindings(s);
		return NULL;
	}
	st->rows[id].lent = 1;
	return &st->rows[id];
}

long long
store_count(struct store *st, enum stmt id, const char *types, ...)
{
	sqlite3_stmt	*s;
	va_list		 ap;
	long long	 n = -1;
	int		 rc;

	if ((s = stmt_get(st, id)) == NULL)
		return -1;
	va_start(ap, types);
	rc = stmt_bind(st, id, s, SQLITE_TRANSIENT, types, ap);
	va_end(ap);
	if (rc < 0) {
		sqlite3_clear_bindings(s);
		return -1;
	}
	if (store_row(&st->rows[id]) == 1)
		n = store_int(&st->rows[id], COUNT_N);
	store_done(&st->rows[id]);
	return n;
}

int
store_row(struct rows *r)
{
	int rc = sqlite3_step(r->stmt);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	trouble = 1;
	log_err("query: %s", sqlite3_errmsg(sqlite3_db_handle(r->stmt)));
	return -1;
}

void
store_done(struct rows *r)
{
	if (r != NULL) {
		sqlite3_reset(r->stmt);
		r->lent = 0;
	}
}

/* A column the statement of `r` declares (debug builds check). */
#define COL_OK(r, col)	assert((col) >= 0 && (col) < stmt_cols[(r)->id])

const char *
store_text(struct rows *r, int col)
{
	COL_OK(r, col);
	return (const char *)sqlite3_column_text(r->stmt, col);
}

long long
store_int(struct rows *r, int col)
{
	COL_OK(r, col);
	return sqlite3_column_int64(r->stmt, col);
}

const void *
store_blob(struct rows *r, int col, size_t *len)
{
	const void *p;

	COL_OK(r, col);
	p = sqlite3_column_blob(r->stmt, col);
	*len = (size_t)sqlite3_column_bytes(r->stmt, col);
	return p;
}

int
store_isnull(struct rows *r, int col)
{
	COL_OK(r, col);
	return sqlite3_column_type(r->stmt, col) == SQLITE_NULL;
}

void
store_json_text(json_t *o, const char *key, struct rows *s, int col)
{
	if (!store_isnull(s, col))
		json_object_set_new(o, key, json_string(store_text(s, col)));
}

int
store_prepared(const struct store *st)
{
	return st->prepared;
}

int
store_prepare_all(struct store *st)
{
	int	i, rc = 0;

	for (i = 0; i < ST__MAX; i++)
		if (stmt_ready(st, (enum stmt)i) == NULL)
			rc = -1;
	return rc;
}

const char *
store_sql(enum stmt id)
{
	return sqls[id];
}

int
store_begin(struct store *st)
{
	store_snapshot_end(st);
	return store_exec(st, ST_BEGIN_IMMEDIATE, NULL) < 0 ? -1 : 0;
}

int
store_commit(struct store *st)
{
	return store_exec(st, ST_COMMIT, NULL) < 0 ? -1 : 0;
}

int
store_in_transaction(struct store *st)
{
	return !sqlite3_get_autocommit(st->db);
}

int
store_rollback(struct store *st)
{
	if (sqlite3_get_autocommit(st->db))
		return 0;
	return store_exec(st, ST_ROLLBACK, NULL) < 0 ? -1 : 0;
}

int
store_ping(struct store *st)
{
	struct stat	 sb;
	sqlite3		*db = NULL;
	sqlite3_stmt	*s;
	struct rows	*r;
	int		 ok = 0;

	if (st == NULL || stat(st->path, &sb) < 0 || !S_ISREG(sb.st_mode))
		return -1;
	if ((r = store_query(st, ST_PING, NULL)) == NULL || store_row(r) != 1) {
		store_done(r);
		return -1;
	}
	store_done(r);
	/* A new connection must also be able to read the file: this catches
	 * a file replaced or damaged under the open connection. */
	if (sqlite3_open_v2(st->path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &s, NULL) == SQLITE_OK) {
		ok = sqlite3_step(s) == SQLITE_ROW;
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return ok ? 0 : -1;
}

/*
 * Is `dest` the database of st, or a file SQLite keeps beside it?  The
 * backup is renamed onto `dest`: onto one of these it would replace a
 * file the open database is made of.  Compared by device and inode when
 * `dest` exists, and by resolved path as rename() sees it (its directory
 * resolved, its last name as written), which also catches a -wal not made
 * yet or a name that is a symbolic link.  1, 0, or -1 (ENOMEM).
 */
static int
backup_onto_self(const struct store *st, const char *dest)
{
	/* SQLite names its companions after the database's resolved path. */
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	struct stat	 ds, fs;
	const char	*slash, *base;
	char		*db, *dir, *where = NULL, *target = NULL, *own;
	size_t		 i;
	int		 have, same = 0;

	db = realpath(st->path, NULL);
	have = stat(dest, &ds) == 0;
	if ((slash = strrchr(dest, '/')) == NULL) {
		dir = strdup(".");
		base = dest;
	} else {
		dir = strndup(dest, slash == dest ? 1 : (size_t)(slash - dest));
		base = slash + 1;
	}
	if (dir == NULL) {
		same = -1;
		goto out;
	}
	/* No such directory: nothing of the database is there. */
	if ((where = realpath(dir, NULL)) != NULL && asprintf(&target, "%s%s%s",
	    where, strcmp(where, "/") == 0 ? "" : "/", base) < 0) {
		target = NULL;
		same = -1;
		goto out;
	}
	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]) && !same; i++) {
		if (asprintf(&own, "%s%s", db ? db : st->path, suffix[i]) < 0) {
			same = -1;
			break;
		}
		same = (have && stat(own, &fs) == 0 && fs.st_dev == ds.st_dev &&
		    fs.st_ino == ds.st_ino) ||
		    (target != NULL && strcmp(target, own) == 0);
		free(own);
	}
out:
	free(target);
	free(where);
	free(dir);
	free(db);
	return same;
}

/*
 * Copy the database to `dest`: in one step, which in WAL mode holds one
 * read snapshot and blocks no writer (copying in steps restarted from the
 * beginning at every commit of the workers, and a busy desk's backup
 * never ended).  Written to a private temporary file (0600: it holds
 * password hashes and customer data) renamed over `dest` when complete,
 * so a backup stopped half-way leaves no file that looks like a backup.
 */
int
store_backup(struct store *st, const char *dest)
{
	sqlite3_backup	*b;
	sqlite3		*out = NULL;
	char		 tmp[4096];
	int		 fd, rc, tries;

	if ((rc = backup_onto_self(st, dest)) != 0) {
		if (rc < 0) {
			log_err("%s: out of memory", dest);
			return -1;
		}
		log_err("%s: is the database being backed up, or its -wal, -shm "
		    "or -journal file; a backup must go to another file", dest);
		return -2;
	}
	if (snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", dest, (long)getpid()) >=
	    (int)sizeof(tmp)) {
		log_err("%s: path too long", dest);
		return -1;
	}
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0) {
		log_err("%s: %s", tmp, strerror(errno));
		return -1;
	}
	close(fd);
	if (sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(out, "PRAGMA journal_mode = OFF", NULL, NULL, NULL) != SQLITE_OK ||
	    (b = sqlite3_backup_init(out, "main", st->db, "main")) == NULL) {
		log_err("%s: %s", tmp, out ? sqlite3_errmsg(out) : "out of memory");
		goto fail;
	}
	for (tries = 0; (rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
	    rc == SQLITE_LOCKED; tries++) {
		if (tries == 1500)	/* 30 s */
			break;
		sqlite3_sleep(20);
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		log_err("%s: backup failed: %s", dest, sqlite3_errstr(rc));
		goto fail;
	}
	if (sqlite3_close(out) != SQLITE_OK) {
		out = NULL;
		goto fail;
	}
	out = NULL;
	if (rename(tmp, dest) < 0) {
		log_err("%s: %s", dest, strerror(errno));
		goto fail;
	}
	return 0;
fail:
	sqlite3_close(out);
	unlink(tmp);
	return -1;
}

/* Check the backup at `from`, opened read-only: a SQLite database that
 * passes integrity_check, of a schema version this program knows, with
 * the desk's tables.  0, or -1 with the reason in why. */
static int
restore_check(sqlite3 *in, const char *from, char *why, size_t whylen)
{
	sqlite3_stmt	*s = NULL;
	const char	*msg;
	int		 rc, version = -1, tables = 0;

	if (sqlite3_prepare_v2(in, "PRAGMA integrity_check", -1, &s, NULL) != SQLITE_OK) {
		snprintf(why, whylen, "%s: not a database: %s", from, sqlite3_errmsg(in));
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		msg = (const char *)sqlite3_column_text(s, 0);
		if (msg == NULL || strcmp(msg, "ok") != 0) {
			snprintf(why, whylen, "%s: integrity check failed: %s", from,
			    msg ? msg : "?");
			sqlite3_finalize(s);
			return -1;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		snprintf(why, whylen, "%s: not a database: %s", from, sqlite3_errmsg(in));
		return -1;
	}
	if (sqlite3_prepare_v2(in, "SELECT (SELECT user_version FROM pragma_user_version),"
	    " (SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
	    " ('users', 'requests', 'outbox'))", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW) {
		version = sqlite3_column_int(s, 0);
		tables = sqlite3_column_int(s, 1);
	}
	sqlite3_finalize(s);
	if (version < 1 || tables != 3) {
		snprintf(why, whylen, "%s: not a reqdesk database", from);
		return -1;
	}
	if (version > (int)(sizeof(migrations) / sizeof(migrations[0]))) {
		snprintf(why, whylen, "%s: schema version %d is newer than this program's %d",
		    from, version, (int)(sizeof(migrations) / sizeof(migrations[0])));
		return -1;
	}
	return 0;
}

int
store_restore_check(const char *from, char *why, size_t whylen)
{
	sqlite3	*in = NULL;
	int	 rc;

	why[0] = '\0';
	if (sqlite3_open_v2(from, &in, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		snprintf(why, whylen, "%s: cannot open: %s", from,
		    in ? sqlite3_errmsg(in) : "out of memory");
		sqlite3_close(in);
		return -1;
	}
	rc = restore_check(in, from, why, whylen);
	sqlite3_close(in);
	return rc;
}

int
store_restore(const char *from, const char *dest, char *why, size_t whylen)
{
	sqlite3_backup	*b;
	sqlite3		*in = NULL, *out = NULL;
	char		 tmp[4096];
	int		 fd, rc;

	why[0] = '\0';
	if (snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", dest, (long)getpid()) >=
	    (int)sizeof(tmp)) {
		snprintf(why, whylen, "%s: path too long", dest);
		return -1;
	}
	if (sqlite3_open_v2(from, &in, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		snprintf(why, whylen, "%s: cannot open: %s", from,
		    in ? sqlite3_errmsg(in) : "out of memory");
		sqlite3_close(in);
		return -1;
	}
	if (restore_check(in, from, why, whylen) < 0) {
		sqlite3_close(in);
		return -1;
	}
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0) {
		snprintf(why, whylen, "%s: %s", tmp, strerror(errno));
		sqlite3_close(in);
		return -1;
	}
	close(fd);
	/* Page by page into a new file in the database's directory, synced,
	 * then renamed: the database appears whole or not at all. */
	if (sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(out, "PRAGMA journal_mode = OFF; PRAGMA synchronous = FULL",
	    NULL, NULL, NULL) != SQLITE_OK ||
	    (b = sqlite3_backup_init(out, "main", in, "main")) == NULL) {
		snprintf(why, whylen, "%s: %s", tmp, out ? sqlite3_errmsg(out) : "out of memory");
		goto fail;
	}
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		snprintf(why, whylen, "%s: restore failed: %s", dest, sqlite3_errstr(rc));
		goto fail;
	}
	/* The desk's own mode again (the backup was written without WAL). */
	if (sqlite3_exec(out, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_close(out) != SQLITE_OK) {
		snprintf(why, whylen, "%s: %s", tmp, sqlite3_errmsg(out));
		goto fail;
	}
	out = NULL;
	if ((fd = open(tmp, O_RDONLY)) < 0 || fsync(fd) < 0 || close(fd) < 0 ||
	    rename(tmp, dest) < 0) {
		snprintf(why, whylen, "%s: %s", dest, strerror(errno));
		goto fail;
	}
	sqlite3_close(in);
	return 0;
fail:
	sqlite3_close(out);
	sqlite3_close(in);
	unlink(tmp);
	return -1;
}

int
store_check(struct store *st)
{
	sqlite3_stmt	*s;
	const char	*msg;
	int		 ok = 1, rc;

	if (sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &s, NULL) != SQLITE_OK)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		msg = (const char *)sqlite3_column_text(s, 0);
		if (msg == NULL || strcmp(msg, "ok") != 0) {
			log_err("integrity: %s", msg ? msg : "?");
			ok = 0;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return -1;
	if (sqlite3_prepare_v2(st->db, "PRAGMA foreign_key_check", -1, &s, NULL) != SQLITE_OK)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		log_err("foreign key: row %lld of %s refers to a missing %s",
		    (long long)sqlite3_column_int64(s, 1),
		    (const char *)sqlite3_column_text(s, 0),
		    (const char *)sqlite3_column_text(s, 2));
		ok = 0;
	}
	sqlite3_finalize(s);
	return ok && rc == SQLITE_DONE ? 0 : -1;
}

int
store_sort_stmt(const struct sort_key *keys, size_t n, const char *sort, int dflt)
{
	int	desc = 0;
	size_t	i;

	if (sort == NULL || *sort == '\0')
		return dflt;
	if (*sort == '-' || *sort == '+') {
		desc = *sort == '-';
		sort++;
	}
	for (i = 0; i < n; i++)
		if (strcmp(keys[i].key, sort) == 0)
			return (int)keys[i].asc + desc;
	return -1;
}

char *
store_list_param(const char *csv)
{
	json_t		*a;
	const char	*p, *comma;
	char		*out;

	if (csv == NULL || *csv == '\0' || (a = json_array()) == NULL)
		return NULL;
	for (p = csv; ; p = comma + 1) {
		comma = strchr(p, ',');
		json_array_append_new(a, json_stringn(p, comma ?
		    (size_t)(comma - p) : strlen(p)));
		if (comma == NULL)
			break;
	}
	out = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	return out;
}

int
store_set_cache_kib(struct store *st, int kib)
{
	char sql[64];

	snprintf(sql, sizeof(sql), "PRAGMA cache_size = -%d", kib);
	return exec_sql(st, sql);
}
