/*
 * webhook.c — subscriptions, events queued in the transaction of the
 * change, the Standard Webhooks signature, the destinations allowed.
 * See webhook.h and docs/WEBHOOKS.md.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include <curl/curl.h>
#include <sodium.h>

#include "auth.h"
#include "config.h"
#include "conversation.h"
#include "errors.h"
#include "idempotency.h"
#include "jsonx.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "webhook.h"
#include "workday.h"
#include "writer.h"

static const char *const event_names[HOOK__MAX] = {
	[HOOK_REQUEST_CREATED] = "request.created",
	[HOOK_REQUEST_STATUS_CHANGED] = "request.status_changed",
	[HOOK_REQUEST_ASSIGNED] = "request.assigned",
	[HOOK_REQUEST_REPLY_ADDED] = "request.reply_added",
	[HOOK_INTERNET_CREATED] = "internet.created",
	[HOOK_INTERNET_ANSWERED] = "internet.answered",
	[HOOK_ACCOUNT_ORDERED] = "account.ordered",
	[HOOK_ACCOUNT_CONFIRMED] = "account.confirmed",
	[HOOK_ACCOUNT_ACTIVATED] = "account.activated",
	[HOOK_ACCOUNT_CANCELLED] = "account.cancelled",
};

const char *
hook_event_name(enum hook_event e)
{
	return (int)e >= 0 && e < HOOK__MAX ? event_names[e] : NULL;
}

int
hook_event_find(const char *name)
{
	int i;

	for (i = 0; name != NULL && i < HOOK__MAX; i++)
		if (strcmp(event_names[i], name) == 0)
			return i;
	return -1;
}

int
hook_wanted(struct store *st, enum hook_event e, const char *customer_id)
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_HOOK_WANTED, "ss", hook_event_name(e),
	    customer_id)) == NULL)
		return -1;
	rc = store_row(s);
	store_done(s);
	return rc;
}

/* The envelope of the Standard Webhooks' examples: {"type", "timestamp",
 * "data"}, `data` spliced in as given (JSON this program wrote).  Owned
 * or NULL. */
static char *
envelope(const char *type, const char *iso, const char *data)
{
	struct buf b = { 0 };

	if (buf_printf(&b, "{\"type\":\"%s\",\"timestamp\":\"%s\",\"data\":", type, iso) < 0 ||
	    buf_puts(&b, data) < 0 || buf_puts(&b, "}") < 0) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

int
hook_emit(struct store *st, enum hook_event e, const char *customer_id,
    const char *object_id, const char *customer_data, const char *operator_data)
{
	const char	*name = hook_event_name(e);
	char		 now[32], *cust = NULL, *op = NULL;
	int		 rc;

	if (name == NULL)
		return -1;
	if (operator_data == NULL)
		operator_data = customer_data;
	if (operator_data == NULL)
		return 0;
	now_iso(now);
	if ((customer_data != NULL && (cust = envelope(name, now, customer_data)) == NULL) ||
	    (op = envelope(name, now, operator_data)) == NULL) {
		free(cust);
		return -1;
	}
	rc = store_exec(st, ST_HOOK_EMIT, "sssssIs", name, customer_id, cust, op,
	    object_id, (long long)calendar_now(), now);
	free(cust);
	free(op);
	if (rc < 0)
		return -1;
	if (rc > 0)
		log_info("webhooks: %s %s queued for %d subscription(s)", name,
		    object_id != NULL ? object_id : "-", rc);
	return 0;
}

int
hook_emit_views(struct store *st, enum hook_event e, const char *id,
    hook_load_fn load)
{
	struct principal reader;
	json_t		*op, *cu = NULL;
	const char	*cust;
	char		*optext = NULL, *cutext = NULL;
	int		 rc;

	if ((op = load(st, &principal_operator, id)) == NULL)
		return -1;
	cust = json_string_value(json_object_get(op, "customer"));
	if ((rc = hook_wanted(st, e, cust)) <= 0) {
		json_decref(op);
		return rc;
	}
	if (cust != NULL) {
		hook_reader(&reader, cust);
		cu = load(st, &reader, id);
	}
	rc = (optext = json_dumps(op, JSON_COMPACT)) == NULL ||
	    (cu != NULL && (cutext = json_dumps(cu, JSON_COMPACT)) == NULL) ||
	    hook_emit(st, e, cust, id, cutext, optext) < 0 ? -1 : 0;
	free(optext);
	free(cutext);
	json_decref(op);
	json_decref(cu);
	return rc;
}

void
hook_reader(struct principal *p, const char *customer_id)
{
	memset(p, 0, sizeof(*p));
	p->level = LVL_OWNER;
	p->customer_id = (char *)customer_id;
}

/* A note as each family's API shows it (conv_api.c's note_json), with the
 * request it is on; `operator` adds "internal".  Owned text or NULL. */
static char *
note_text(const struct conv_target *t, const char *note_id, const char *title,
    const char *text, int internal, const char *side, const char *author_id,
    const char *author_name, const char *created, int operator)
{
	json_t	*o;
	char	 href[160], *out;
	int	 op_side = side != NULL && strcmp(side, "operator") == 0;

	if (author_name == NULL)
		author_name = "";
	if (t->family == CONV_ORANGE) {
		snprintf(href, sizeof(href), "/ordering/b2b/v2/requests/%s", t->request_id);
		o = json_pack("{ss ss ss ss ss ss s{ss ss}}", "id", note_id,
		    "title", title != NULL ? title : "", "body", text,
		    "author", op_side ? config.operator_name : author_name,
		    "createdAt", created, "updatedAt", created,
		    "request", "id", t->request_id, "href", href);
	} else {
		snprintf(href, sizeof(href), "/internet/request/%s", t->request_id);
		o = json_pack("{ss ss s{ss ss} ss ss s{ss ss}}", "_id", note_id,
		    "text", text, "author", "_id", author_id != NULL ? author_id : "",
		    "name", author_name, "side", side != NULL ? side : "",
		    "created", created, "request", "_id", t->request_id, "href", href);
	}
	if (o == NULL)
		return NULL;
	if (operator)
		json_object_set_new(o, "internal", json_boolean(internal));
	out = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return out;
}

int
hook_note_added(struct store *st, const struct conv_target *t, const char *note_id,
    const char *title, const char *text, int internal, const char *side,
    const char *author_id, const char *author_name, const char *created)
{
	const char	*cust = t->customer_id[0] != '\0' ? t->customer_id : NULL;
	char		*c = NULL, *o = NULL;
	int		 rc;

	if ((rc = hook_wanted(st, HOOK_REQUEST_REPLY_ADDED, cust)) <= 0)
		return rc;
	/* an internal note is never the customer's */
	if ((!internal && (c = note_text(t, note_id, title, text, 0, side, author_id,
	    author_name, created, 0)) == NULL) ||
	    (o = note_text(t, note_id, title, text, internal, side, author_id,
	    author_name, created, 1)) == NULL) {
		free(c);
		return -1;
	}
	rc = hook_emit(st, HOOK_REQUEST_REPLY_ADDED, cust, t->request_id, c, o);
	free(c);
	free(o);
	return rc;
}

int
hook_request_assigned(struct store *st, const char *family, const char *id,
    const char *assignee, const char *priority, const char *by, const char *at)
{
	json_t	*o;
	char	 href[160], *text;
	int	 orange = strcmp(family, "orange") == 0, rc;

	if ((rc = hook_wanted(st, HOOK_REQUEST_ASSIGNED, NULL)) <= 0)
		return rc;
	snprintf(href, sizeof(href), orange ? "/ordering/b2b/v2/requests/%s" :
	    "/internet/request/%s", id);
	if ((o = json_pack("{s{ss ss ss} so ss ss ss}", "request", "family", family,
	    "id", id, "href", href, "assignee", assignee != NULL ?
	    json_pack("{ss}", "id", assignee) : json_null(), "priority", priority,
	    "assignedBy", by, "at", at)) == NULL)
		return -1;
	text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (text == NULL)
		return -1;
	rc = hook_emit(st, HOOK_REQUEST_ASSIGNED, NULL, id, NULL, text);
	free(text);
	return rc;
}

/* ---- the signature ---- */

int
hook_secret_new(char out[HOOK_SECRET_MAX + 1])
{
	unsigned char	key[HOOK_SECRET_BYTES];
	size_t		n = strlen(HOOK_SECRET_PREFIX);

	randombytes_buf(key, sizeof(key));
	memcpy(out, HOOK_SECRET_PREFIX, n);
	sodium_bin2base64(out + n, HOOK_SECRET_MAX + 1 - n, key, sizeof(key),
	    sodium_base64_VARIANT_ORIGINAL);
	sodium_memzero(key, sizeof(key));
	return 0;
}

/* The key of a secret: the bytes of its base64 after "whsec_" (with or
 * without padding).  Their count, or -1. */
static int
secret_key(const char *secret, unsigned char *key, size_t max)
{
	size_t		 plen = strlen(HOOK_SECRET_PREFIX), len = 0;
	const char	*b64;

	if (secret == NULL || strncmp(secret, HOOK_SECRET_PREFIX, plen) != 0)
		return -1;
	b64 = secret + plen;
	if (sodium_base642bin(key, max, b64, strlen(b64), NULL, &len, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0 &&
	    sodium_base642bin(key, max, b64, strlen(b64), NULL, &len, NULL,
	    sodium_base64_VARIANT_ORIGINAL_NO_PADDING) != 0)
		return -1;
	return len > 0 ? (int)len : -1;
}

int
hook_sign(const char *secret, const char *msg_id, long long timestamp,
    const char *body, size_t len, char out[64])
{
	crypto_auth_hmacsha256_state	 h;
	unsigned char			 key[HOOK_SECRET_MAX], mac[crypto_auth_hmacsha256_BYTES];
	char				 ts[32];
	int				 klen;

	if ((klen = secret_key(secret, key, sizeof(key))) < 0)
		return -1;
	snprintf(ts, sizeof(ts), ".%lld.", timestamp);
	crypto_auth_hmacsha256_init(&h, key, (size_t)klen);
	crypto_auth_hmacsha256_update(&h, (const unsigned char *)msg_id, strlen(msg_id));
	crypto_auth_hmacsha256_update(&h, (const unsigned char *)ts, strlen(ts));
	crypto_auth_hmacsha256_update(&h, (const unsigned char *)body, len);
	crypto_auth_hmacsha256_final(&h, mac);
	memcpy(out, "v1,", 3);
	sodium_bin2base64(out + 3, 61, mac, sizeof(mac), sodium_base64_VARIANT_ORIGINAL);
	sodium_memzero(key, sizeof(key));
	return 0;
}

/* ---- destinations ---- */

/* Is the address of `len` bytes at `a` in range `c`? */
static int
in_range(const unsigned char *a, int v6, const struct config_cidr *c)
{
	int	full = c->bits / 8, rest = c->bits % 8;

	if (v6 != c->v6)
		return 0;
	if (memcmp(a, c->addr, (size_t)full) != 0)
		return 0;
	return rest == 0 || ((a[full] ^ c->addr[full]) & (0xff << (8 - rest)) & 0xff) == 0;
}

/* The address of `sa` as 4 or 16 bytes (IPv4 inside IPv6, mapped or
 * NAT64, as IPv4).  0 or -1 (another family). */
static int
address_bytes(const struct sockaddr *sa, unsigned char out[16], int *v6)
{
	static const unsigned char mapped[12] = { 0,0,0,0, 0,0,0,0, 0,0,0xff,0xff };
	static const unsigned char nat64[12] = { 0,0x64,0xff,0x9b, 0,0,0,0, 0,0,0,0 };
	const unsigned char *b;

	if (sa->sa_family == AF_INET) {
		memcpy(out, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, 4);
		*v6 = 0;
		return 0;
	}
	if (sa->sa_family != AF_INET6)
		return -1;
	b = ((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr.s6_addr;
	if (memcmp(b, mapped, 12) == 0 || memcmp(b, nat64, 12) == 0) {
		memcpy(out, b + 12, 4);
		*v6 = 0;
		return 0;
	}
	memcpy(out, b, 16);
	*v6 = 1;
	return 0;
}

/* Ranges no webhook is sent to (RFC 6890 and the like). */
static const char *const refused[] = {
	"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
	"172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16",
	"198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4",
	"240.0.0.0/4", "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10",
	"ff00::/8", "2001:db8::/32", "100::/64",
};

int
hook_address_trusted(const struct sockaddr *sa)
{
	unsigned char	a[16];
	int		v6, i;

	if (address_bytes(sa, a, &v6) < 0)
		return 0;
	for (i = 0; i < config.hook_nranges; i++)
		if (in_range(a, v6, &config.hook_ranges[i]))
			return 1;
	return 0;
}

int
hook_address_allowed(const struct sockaddr *sa, char *why, size_t whylen)
{
	struct config_cidr	 c;
	unsigned char		 a[16];
	char			 text[INET6_ADDRSTRLEN];
	size_t			 i;
	int			 v6;

	if (why != NULL && whylen > 0) {
		why[0] = '\0';
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
			    text, sizeof(text));
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
			    text, sizeof(text));
		else
			snprintf(text, sizeof(text), "?");
		snprintf(why, whylen, "%s", text);
	}
	if (address_bytes(sa, a, &v6) < 0)
		return 0;
	if (hook_address_trusted(sa))
		return 1;
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if (config_cidr_parse(refused[i], &c) == 0 && in_range(a, v6, &c))
			return 0;
	return 1;
}

int
hook_url_check(const char *url, struct problems *pb)
{
	CURLU		*u;
	char		*scheme = NULL, *host = NULL, *user = NULL, *pass = NULL;
	char		*frag = NULL, *port = NULL, bare[300], why[INET6_ADDRSTRLEN + 8];
	const char	*bad = NULL;
	struct addrinfo	 hints, *res = NULL, *ai;
	size_t		 n;
	int		 rc = 0, gai, plain;

	if (url == NULL || strlen(url) > HOOK_URL_MAX || utf8_valid_len(url) != strlen(url))
		return oproblem(pb, OERR_TOP_INVALID, "url", "url", "2000", NULL) < 0 ? -1 : 1;
	if ((u = curl_url()) == NULL)
		return -1;
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
		bad = "must be an absolute http or https URL, such as https://example.com/hooks";
	else if (strcasecmp(scheme, "https") != 0 && strcasecmp(scheme, "http") != 0)
		bad = "must be an http or https URL";
	else if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PASSWORD, &pass, 0) == CURLUE_OK)
		bad = "must not hold a user name or a password";
	else if (curl_url_get(u, CURLUPART_FRAGMENT, &frag, 0) == CURLUE_OK)
		bad = "must not hold a fragment (#...)";
	else if (strchr(url, ' ') != NULL || strchr(url, '\t') != NULL)
		bad = "must not hold spaces";
	if (bad != NULL) {
		rc = oproblem(pb, OERR_HOOK_URL, "url", "url", bad, NULL) < 0 ? -1 : 1;
		goto done;
	}
	plain = strcasecmp(scheme, "http") == 0;
	curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
	n = strlen(host);
	if (host[0] == '[' && n > 2 && host[n - 1] == ']')
		snprintf(bare, sizeof(bare), "%.*s", (int)(n - 2), host + 1);
	else
		snprintf(bare, sizeof(bare), "%s", host);
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	if ((gai = getaddrinfo(bare, port, &hints, &res)) != 0) {
		rc = oproblem(pb, OERR_HOOK_URL, "url", "url",
		    "names a host that cannot be resolved", NULL) < 0 ? -1 : 1;
		goto done;
	}
	/* Every address the name has: a name with one private address among
	 * public ones would let a delivery reach it. */
	for (ai = res; ai != NULL && rc == 0; ai = ai->ai_next) {
		if (!hook_address_allowed(ai->ai_addr, why, sizeof(why)))
			rc = oproblem(pb, OERR_HOOK_DESTINATION, "url", "url", why,
			    NULL) < 0 ? -1 : 1;
		else if (plain && !hook_address_trusted(ai->ai_addr))
			rc = oproblem(pb, OERR_HOOK_URL, "url", "url", "must be an https "
			    "URL (plain http only goes to the ranges [webhooks] allow names)",
			    NULL) < 0 ? -1 : 1;
	}
done:
	if (res != NULL)
		freeaddrinfo(res);
	curl_free(scheme);
	curl_free(host);
	curl_free(user);
	curl_free(pass);
	curl_free(frag);
	curl_free(port);
	curl_url_cleanup(u);
	return rc;
}

/* ---- subscriptions ---- */

/* A subscription at the current row of `s` (enum hook_col). */
static json_t *
row_json(struct rows *s, int with_secret)
{
	json_t		*o, *ev;
	const char	*cust = store_text(s, HOOK_CUSTOMER_ID);
	char		 href[96], msgs[112], iso[32];

	ev = json_loads(store_text(s, HOOK_EVENTS), 0, NULL);
	snprintf(href, sizeof(href), "/ordering/b2b/v2/webhooks/%s", store_text(s, HOOK_ID));
	snprintf(msgs, sizeof(msgs), "%s/messages", href);
	o = json_pack("{ss ss so ss ss s{s{ss}s{ss}}}", "id", store_text(s, HOOK_ID),
	    "url", store_text(s, HOOK_URL), "events", ev != NULL ? ev : json_array(),
	    "description", store_text(s, HOOK_DESCRIPTION),
	    "createdAt", store_text(s, HOOK_CREATED),
	    "_links", "self", "href", href, "messages", "href", msgs);
	if (o == NULL)
		return NULL;
	json_object_set_new(o, "customer", cust == NULL ? json_null() :
	    json_pack("{ss ss?}", "id", cust, "name", store_text(s, HOOK_CUSTOMER_NAME)));
	json_object_set_new(o, "paused", json_boolean(store_int(s, HOOK_PAUSED) != 0));
	if (!store_isnull(s, HOOK_UPDATED))
		json_object_set_new(o, "updatedAt", json_string(store_text(s, HOOK_UPDATED)));
	if (with_secret)
		json_object_set_new(o, "secret", json_string(store_text(s, HOOK_SECRET)));
	if (!store_isnull(s, HOOK_PREVIOUS_UNTIL) &&
	    store_int(s, HOOK_PREVIOUS_UNTIL) > (long long)calendar_now()) {
		utc_epoch_iso((time_t)store_int(s, HOOK_PREVIOUS_UNTIL), iso);
		json_object_set_new(o, "previousSecretExpiresAt", json_string(iso));
	}
	return o;
}

/* The latest HOOK_HISTORY_SHOWN changes of subscription `id` as
 * o.history: [{at, action, by, record}], newest first.  0 or -1. */
static int
history_into(struct store *st, const char *id, json_t *o)
{
	struct rows	*s;
	json_t		*a = json_array(), *rec;
	int		 rc;

	if (a == NULL || (s = store_query(st, ST_HOOK_HISTORY, "si", id,
	    HOOK_HISTORY_SHOWN)) == NULL) {
		json_decref(a);
		return -1;
	}
	while ((rc = store_row(s)) == 1) {
		rec = json_loads(store_text(s, REF_HISTORY_RECORD), 0, NULL);
		json_array_append_new(a, json_pack("{ss ss ss? so}",
		    "at", store_text(s, REF_HISTORY_AT),
		    "action", store_text(s, REF_HISTORY_ACTION),
		    "by", store_text(s, REF_HISTORY_BY),
		    "record", rec != NULL ? rec : json_object()));
	}
	store_done(s);
	if (rc < 0) {
		json_decref(a);
		return -1;
	}
	json_object_set_new(o, "history", a);
	return 0;
}

/* Keep a change of subscription `id` (just written, in the open
 * transaction): `action`, by whom, and the subscription after it (its
 * url, events, description and paused; never its secret).  0 or -1. */
static int
history_add(struct store *st, const struct principal *who, const char *id,
    const char *action)
{
	struct rows	*s;
	json_t		*rec = NULL, *ev;
	char		 now[32], *text = NULL;
	int		 rc;

	if ((s = store_query(st, ST_HOOK_GET, "isss", 1, NULL, NULL, id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		ev = json_loads(store_text(s, HOOK_EVENTS), 0, NULL);
		rec = json_pack("{ss so ss sb}", "url", store_text(s, HOOK_URL),
		    "events", ev != NULL ? ev : json_array(),
		    "description", store_text(s, HOOK_DESCRIPTION),
		    "paused", store_int(s, HOOK_PAUSED) != 0);
	}
	store_done(s);
	if (rc != 1 || rec == NULL || (text = json_dumps(rec, JSON_COMPACT)) == NULL) {
		json_decref(rec);
		return -1;
	}
	json_decref(rec);
	now_iso(now);
	rc = store_exec(st, ST_HOOK_HISTORY_ADD, "sssss", id, action,
	    who->user_id[0] ? who->user_id : NULL, now, text);
	free(text);
	return rc == 1 ? 0 : -1;
}

json_t *
hook_json(struct store *st, const struct principal *who, const char *id,
    int with_secret, int *err)
{
	struct rows	*s;
	json_t		*o = NULL;
	int		 rc;

	*err = -1;
	if ((s = store_query(st, ST_HOOK_GET, "isss", SCOPE_ARGS(who), id)) == NULL)
		return NULL;
	if ((rc = store_row(s)) == 1)
		o = row_json(s, with_secret);
	store_done(s);
	if (rc == 1 && o != NULL && with_secret && history_into(st, id, o) < 0)
		rc = -1;
	if (rc < 0 || (rc == 1 && o == NULL)) {
		json_decref(o);
		return NULL;
	}
	*err = 0;
	return o;
}

json_t *
hook_list(struct store *st, const struct principal *who)
{
	struct rows	*s;
	json_t		*a = json_array(), *o;
	int		 rc;

	if (a == NULL || (s = store_query(st, ST_HOOK_LIST, "issi", SCOPE_ARGS(who),
	    HOOK_PER_OWNER_MAX * 5)) == NULL) {
		json_decref(a);
		return NULL;
	}
	while ((rc = store_row(s)) == 1) {
		if ((o = row_json(s, 0)) == NULL) {
			rc = -1;
			break;
		}
		json_array_append_new(a, o);
	}
	store_done(s);
	if (rc < 0) {
		json_decref(a);
		return NULL;
	}
	return a;
}

/* Every event's name, comma separated (the description of a 3642). */
static void
event_list(char *out, size_t len)
{
	size_t	i, n = 0;

	out[0] = '\0';
	for (i = 0; i < HOOK__MAX && n < len; i++)
		n += (size_t)snprintf(out + n, len - n, "%s%s", i ? ", " : "", event_names[i]);
}

/* The checks of a creation (`creation`: url mandatory) or of an edit
 * (every field optional, `paused` a boolean): hook_create_check(),
 * hook_update_check(). */
static int
body_check(const json_t *body, int creation, struct problems *pb)
{
	const json_t	*url = json_object_get(body, "url");
	const json_t	*ev = json_object_get(body, "events");
	const json_t	*desc = json_object_get(body, "description");
	const json_t	*paused = json_object_get(body, "paused");
	const json_t	*v;
	char		 names[400], path[32];
	size_t		 i, before = problems_found(pb);

	if (!creation && paused != NULL && !json_is_boolean(paused) &&
	    oproblem(pb, OERR_TOP_BOOLEAN, "paused", "paused", NULL, NULL) < 0)
		return -1;
	if (!creation && url == NULL) {
		/* an edit that leaves the URL as it is */
	} else if (url == NULL || json_is_null(url)) {
		if (oproblem(pb, OERR_MISSING, "url", "url", NULL, NULL) < 0)
			return -1;
	} else if (!json_is_string(url)) {
		if (oproblem(pb, OERR_TOP_INVALID, "url", "url", "2000", NULL) < 0)
			return -1;
	}
	if (ev != NULL && (!json_is_null(ev) || !creation)) {
		event_list(names, sizeof(names));
		if (!json_is_array(ev) || json_array_size(ev) == 0 ||
		    json_array_size(ev) > HOOK__MAX * 2) {
			if (oproblem(pb, OERR_HOOK_EVENTS, "events", "events", names, NULL) < 0)
				return -1;
		} else
			json_array_foreach(ev, i, v)
				if (hook_event_find(json_string_value(v)) < 0) {
					snprintf(path, sizeof(path), "events[%zu]", i);
					if (oproblem(pb, OERR_HOOK_EVENTS, path, path, names,
					    NULL) < 0)
						return -1;
				}
	}
	if (desc != NULL && !json_is_null(desc) && (!json_is_string(desc) ||
	    utf8_chars(json_string_value(desc), strlen(json_string_value(desc))) >
	    HOOK_DESCRIPTION_MAX || utf8_valid_len(json_string_value(desc)) !=
	    strlen(json_string_value(desc))) &&
	    oproblem(pb, OERR_TOP_INVALID, "description", "description", "200", NULL) < 0)
		return -1;
	/* the URL's own checks (and its resolution) once the rest is right */
	if (problems_found(pb) == before && url != NULL &&
	    hook_url_check(json_string_value(url), pb) < 0)
		return -1;
	problems_sort(pb);
	return problems_found(pb) > before ? 1 : 0;
}

int
hook_create_check(const json_t *body, struct problems *pb)
{
	return body_check(body, 1, pb);
}

int
hook_update_check(const json_t *body, struct problems *pb)
{
	return body_check(body, 0, pb);
}

/* The events a body names, each once, in the table's order (every one
 * when it names none) as JSON text.  Owned or NULL. */
static char *
events_text(const json_t *ev)
{
	json_t	*names, *v;
	char	*out;
	size_t	 i, j;

	if ((names = json_array()) == NULL)
		return NULL;
	for (i = 0; i < HOOK__MAX; i++) {
		int want = ev == NULL || json_is_null(ev);

		json_array_foreach(ev, j, v)
			want |= hook_event_find(json_string_value(v)) == (int)i;
		if (want)
			json_array_append_new(names, json_string(event_names[i]));
	}
	out = json_dumps(names, JSON_COMPACT);
	json_decref(names);
	return out;
}

int
hook_by_form_token(struct store *st, const struct principal *who, const char *token,
    char id[25])
{
	struct rows	*s;
	int		 rc;

	if (token == NULL || !who->user_id[0])
		return 0;
	if ((s = store_query(st, ST_HOOK_BY_FORM_TOKEN, "issss", SCOPE_ARGS(who), token,
	    who->user_id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		snprintf(id, 25, "%s", store_text(s, FORM_TOKEN_REQUEST_ID));
	store_done(s);
	return rc;
}

/* The subscription of a checked body, in the unit's transaction: 0, 1
 * refused (pb), 2 the form token made one already, -1 (hook_add). */
static int
create_in(struct store *st, const struct principal *who, const json_t *body,
    const char *form_token, struct problems *pb, char id[25])
{
	const json_t	*ev = json_object_get(body, "events");
	const char	*cust = who->level == LVL_ADMIN ? NULL : who->customer_id;
	const char	*desc = json_str(body, "description");
	struct rows	*s;
	char		 secret[HOOK_SECRET_MAX + 1], now[32], max[16], *events;
	long long	 n = 0;
	int		 rc;

	if (who->level != LVL_ADMIN && cust == NULL)
		return -1;
	/* Inside the write transaction: two posts of one form are told apart
	 * here, whichever runs first. */
	if (form_token != NULL && (rc = hook_by_form_token(st, who, form_token, id)) != 0)
		return rc < 0 ? -1 : 2;
	if ((s = store_query(st, ST_HOOK_COUNT, "s", cust)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1)
		n = store_int(s, COUNT_N);
	store_done(s);
	if (rc != 1)
		return -1;
	if (n >= HOOK_PER_OWNER_MAX) {
		snprintf(max, sizeof(max), "%d", HOOK_PER_OWNER_MAX);
		return oproblem(pb, OERR_HOOK_LIMIT, NULL, max, NULL, NULL) < 0 ? -1 : 1;
	}
	/* the events named, each once, in the table's order (all without) */
	events = events_text(ev);
	if (events == NULL || new_object_id(id) < 0 || hook_secret_new(secret) < 0) {
		free(events);
		return -1;
	}
	now_iso(now);
	rc = store_exec(st, ST_HOOK_ADD, "ssssssss", id, cust, json_str(body, "url"),
	    events, desc != NULL ? desc : "", secret, now, who->user_id[0] ? who->user_id :
	    NULL);
	free(events);
	sodium_memzero(secret, sizeof(secret));
	if (rc != 1 || (form_token != NULL && store_exec(st, ST_HOOK_SET_FORM_TOKEN, "ss",
	    id, form_token) != 1) || history_add(st, who, id, "created") < 0)
		return -1;
	log_info("webhook %s created for %s by %s", id, cust != NULL ? cust : "the operator",
	    who->user_id);
	return 0;
}

/* A checked edit, in the unit's transaction: 1, 0 not found, -1
 * (hook_update). */
static int
update_in(struct store *st, const struct principal *who, const char *id,
    const json_t *body)
{
	const json_t	*ev = json_object_get(body, "events");
	const json_t	*paused = json_object_get(body, "paused");
	const char	*url = json_str(body, "url"), *desc = json_str(body, "description");
	struct rows	*s;
	char		 now[32], *events = NULL, *old_events = NULL, *old_url = NULL;
	char		*old_desc = NULL;
	int		 rc, was_paused = 0, now_paused, edited;

	if ((s = store_query(st, ST_HOOK_GET, "isss", SCOPE_ARGS(who), id)) == NULL)
		return -1;
	if ((rc = store_row(s)) == 1) {
		was_paused = store_int(s, HOOK_PAUSED) != 0;
		old_url = xstrdup(store_text(s, HOOK_URL));
		old_events = xstrdup(store_text(s, HOOK_EVENTS));
		old_desc = xstrdup(store_text(s, HOOK_DESCRIPTION));
	}
	store_done(s);
	if (rc != 1 || old_url == NULL || old_events == NULL || old_desc == NULL)
		goto out;
	if (ev != NULL && !json_is_null(ev) && (events = events_text(ev)) == NULL) {
		rc = -1;
		goto out;
	}
	now_paused = json_is_boolean(paused) ? json_is_true(paused) : was_paused;
	edited = (url != NULL && strcmp(url, old_url) != 0) ||
	    (events != NULL && strcmp(events, old_events) != 0) ||
	    (desc != NULL && strcmp(desc, old_desc) != 0) ||
	    (desc == NULL && json_is_null(json_object_get(body, "description")) &&
	    old_desc[0] != '\0');
	if (desc == NULL && json_is_null(json_object_get(body, "description")))
		desc = "";		/* null: no description */
	if (!edited && now_paused == was_paused)
		goto out;		/* nothing changes: 1, nothing kept */
	now_iso(now);
	if (store_exec(st, ST_HOOK_UPDATE, "issssssis", SCOPE_ARGS(who), id, url, events,
	    desc, now_paused != was_paused ? now_paused : -1, now) != 1) {
		rc = -1;
		goto out;
	}
	if ((edited && history_add(st, who, id, "edited") < 0) ||
	    (now_paused != was_paused && history_add(st, who, id,
	    now_paused ? "paused" : "resumed") < 0) ||
	    (was_paused && !now_paused && store_exec(st, ST_HOOK_RESUMED, "sI", id,
	    (long long)calendar_now()) < 0)) {
		rc = -1;
		goto out;
	}
	log_info("webhook %s%s%s by %s", id, edited ? " edited" : "", now_paused !=
	    was_paused ? (now_paused ? " paused" : " resumed") : "", who->user_id);
out:
	free(events);
	free(old_events);
	free(old_url);
	free(old_desc);
	return rc < 0 ? -1 : rc > 0;
}

/* What a unit of the subscriptions works on. */
struct hook_unit {
	const struct principal	*who;
	const char		*id_in;		/* the subscription changed */
	const json_t		*body;
	const char		*form_token, *secret;
	struct problems		*pb;
	char			*id;		/* [25]: the subscription made */
	char			*text;		/* its answer (hook_add), owned */
	int			 want_text;
};

/* write_fn of hook_add: create_in's 0, 1 or 2 (both refusals), -1; the
 * answer's text when asked for. */
static int
add_unit(struct store *st, void *arg)
{
	struct hook_unit	*u = arg;
	json_t			*o;
	int			 rc, err;

	free(u->text);		/* a unit run again starts afresh */
	u->text = NULL;
	if ((rc = create_in(st, u->who, u->body, u->form_token, u->pb, u->id)) != 0)
		return rc;
	if (!u->want_text)
		return 0;
	if ((o = hook_json(st, u->who, u->id, 1, &err)) == NULL)
		return -1;
	u->text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return u->text != NULL ? 0 : -1;
}

/* idem_answer_fn of hook_add: the 201 with the subscription. */
static int
add_answer(struct store *st, void *arg, struct idem *ik)
{
	const struct hook_unit	*u = arg;
	char			 loc[96];

	snprintf(loc, sizeof(loc), "/ordering/b2b/v2/webhooks/%s", u->id);
	return idem_record(st, ik, 201, "Location", loc, u->text);
}

int
hook_add(struct store *st, const struct principal *who, const json_t *body,
    const char *form_token, struct idem *ik, struct problems *pb, char id[25],
    char **text)
{
	struct hook_unit u = { .who = who, .body = body, .form_token = form_token,
	    .pb = pb, .id = id, .want_text = text != NULL || (ik != NULL &&
	    ik->state != IDEM_NONE) };
	int		 rc;

	if (text != NULL)
		*text = NULL;
	rc = idem_write(st, ik, add_unit, &u, add_answer);
	if (rc == 0 && ik != NULL && (ik->state == IDEM_REPLAY ||
	    ik->state == IDEM_MISMATCH))
		rc = 3;		/* another request stored the key first */
	if (rc == 0 && text != NULL)
		*text = u.text;
	else
		free(u.text);
	return rc;
}

/* write_fn of hook_update: 0 done, 1 not found, -1. */
static int
update_unit(struct store *st, void *arg)
{
	const struct hook_unit	*u = arg;
	int			 rc = update_in(st, u->who, u->id_in, u->body);

	return rc < 0 ? -1 : rc == 0 ? 1 : 0;
}

int
hook_update(struct store *st, const struct principal *who, const char *id,
    const json_t *body)
{
	struct hook_unit u = { .who = who, .id_in = id, .body = body };
	int		 rc = store_write(st, update_unit, &u);

	return rc < 0 ? -1 : rc == 0 ? 1 : 0;
}

/* write_fn of hook_rotate: 0 done, 1 not found, -1. */
static int
rotate_unit(struct store *st, void *arg)
{
	const struct hook_unit	*u = arg;
	int			 rc;

	rc = store_exec(st, ST_HOOK_ROTATE, "isssIs", SCOPE_ARGS(u->who), u->id_in,
	    (long long)calendar_now() + (long long)config.hook_rotation_hours * 3600,
	    u->secret);
	if (rc != 1)
		return rc == 0 ? 1 : -1;
	return history_add(st, u->who, u->id_in, "rotated") < 0 ? -1 : 0;
}

int
hook_rotate(struct store *st, const struct principal *who, const char *id)
{
	char		 secret[HOOK_SECRET_MAX + 1];
	struct hook_unit u = { .who = who, .id_in = id, .secret = secret };
	int		 rc;

	if (hook_secret_new(secret) < 0)
		return -1;
	rc = store_write(st, rotate_unit, &u);
	sodium_memzero(secret, sizeof(secret));
	if (rc < 0)
		return -1;
	if (rc == 0)
		log_info("webhook %s: secret rotated by %s", id, who->user_id);
	return rc == 0;
}

int
hook_delete(struct store *st, const struct principal *who, const char *id)
{
	int rc = store_exec(st, ST_HOOK_DELETE, "isss", SCOPE_ARGS(who), id);

	if (rc == 1)
		log_info("webhook %s deleted by %s", id, who->user_id);
	return rc < 0 ? -1 : rc > 0;
}

/* Is subscription `id` the caller's?  1, 0, -1. */
static int
hook_seen(struct store *st, const struct principal *who, const char *id)
{
	struct rows	*s;
	int		 rc;

	if ((s = store_query(st, ST_HOOK_GET, "isss", SCOPE_ARGS(who), id)) == NULL)
		return -1;
	rc = store_row(s);
	store_done(s);
	return rc;
}

int
hook_ping(struct store *st, const struct principal *who, const char *id, char msg[40])
{
	json_t	*o;
	char	 now[32], hex[25], *data, *body;
	int	 rc;

	if ((rc = hook_seen(st, who, id)) != 1)
		return rc;
	if (random_hex(hex, 12) < 0)
		return -1;
	snprintf(msg, 40, "msg_%s", hex);
	now_iso(now);
	if ((o = json_pack("{ss ss}", "webhookId", id, "message",
	    "This is a test message from reqdesk.")) == NULL)
		return -1;
	data = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	body = data != NULL ? envelope(HOOK_PING_EVENT, now, data) : NULL;
	free(data);
	if (body == NULL)
		return -1;
	rc = store_exec(st, ST_HOOK_MESSAGE_ADD, "sssssIIs", msg, id, HOOK_PING_EVENT, id,
	    body, (long long)calendar_now(), (long long)calendar_now(), now);
	free(body);
	return rc == 1 ? 1 : -1;
}

int
hook_resend(struct store *st, const struct principal *who, const char *id,
    const char *msg)
{
	int rc;

	if ((rc = hook_seen(st, who, id)) != 1)
		return rc;
	rc = store_exec(st, ST_HOOK_RESEND, "ssI", id, msg, (long long)calendar_now());
	if (rc == 1)
		log_info("webhook %s: %s to be sent again, by %s", id, msg, who->user_id);
	return rc < 0 ? -1 : rc > 0;
}

json_t *
hook_messages(struct store *st, const struct principal *who, const char *id,
    long long offset, long long limit, long long *total, int *err)
{
	struct rows	*s, *a;
	json_t		*arr, *o, *atts;
	char		 iso[32];
	long long	 rowid;
	int		 rc, rc2;

	*err = -1;
	*total = 0;
	if ((rc = hook_seen(st, who, id)) != 1) {
		if (rc == 0)
			*err = 0;
		return NULL;
	}
	if (limit > HOOK_MESSAGES_PAGE)
		limit = HOOK_MESSAGES_PAGE;
	if ((s = store_query(st, ST_HOOK_MESSAGE_COUNT, "s", id)) == NULL)
		return NULL;
	if ((rc = store_row(s)) == 1)
		*total = store_int(s, COUNT_N);
	store_done(s);
	if (rc != 1 || (arr = json_array()) == NULL)
		return NULL;
	if ((s = store_query(st, ST_HOOK_MESSAGES, "sII", id, limit, offset)) == NULL) {
		json_decref(arr);
		return NULL;
	}
	/* The attempts are read after the messages: one statement is read
	 * by one loop at a time. */
	while ((rc = store_row(s)) == 1) {
		o = json_pack("{sI ss ss ss? ss si ss ss?}",
		    "seq", (json_int_t)store_int(s, HOOK_MSG_ID),
		    "id", store_text(s, HOOK_MSG_MSG_ID),
		    "type", store_text(s, HOOK_MSG_EVENT),
		    "objectId", store_text(s, HOOK_MSG_OBJECT_ID),
		    "state", store_text(s, HOOK_MSG_STATE),
		    "attempts", (int)store_int(s, HOOK_MSG_ATTEMPTS),
		    "createdAt", store_text(s, HOOK_MSG_CREATED),
		    "deliveredAt", store_text(s, HOOK_MSG_DELIVERED_AT));
		if (o == NULL) {
			rc = -1;
			break;
		}
		if (strcmp(store_text(s, HOOK_MSG_STATE), "queued") == 0) {
			utc_epoch_iso((time_t)store_int(s, HOOK_MSG_NEXT_ATTEMPT), iso);
			json_object_set_new(o, "nextAttemptAt", json_string(iso));
		}
		if (!store_isnull(s, HOOK_MSG_LAST_STATUS))
			json_object_set_new(o, "lastStatus",
			    json_integer(store_int(s, HOOK_MSG_LAST_STATUS)));
		if (!store_isnull(s, HOOK_MSG_LAST_ERROR))
			json_object_set_new(o, "lastError",
			    json_string_cut_utf8(store_text(s, HOOK_MSG_LAST_ERROR)));
		json_array_append_new(arr, o);
	}
	store_done(s);
	for (size_t i = 0; rc == 0 && i < json_array_size(arr); i++) {
		o = json_array_get(arr, i);
		rowid = json_integer_value(json_object_get(o, "seq"));
		if ((a = store_query(st, ST_HOOK_ATTEMPTS, "Ii", rowid,
		    HOOK_ATTEMPTS_SHOWN)) == NULL) {
			rc = -1;
			break;
		}
		atts = json_array();
		while ((rc2 = store_row(a)) == 1)
			json_array_append_new(atts, json_pack("{ss si si ss? so}",
			    "at", store_text(a, HOOK_ATTEMPT_AT),
			    "status", (int)store_int(a, HOOK_ATTEMPT_STATUS),
			    "durationMs", (int)store_int(a, HOOK_ATTEMPT_DURATION_MS),
			    "error", store_text(a, HOOK_ATTEMPT_ERROR),
			    "answer", store_isnull(a, HOOK_ATTEMPT_ANSWER) ? json_null() :
			    json_string_cut_utf8(store_text(a, HOOK_ATTEMPT_ANSWER))));
		store_done(a);
		json_object_set_new(o, "latestAttempts", atts);
		json_object_del(o, "seq");
		if (rc2 < 0)
			rc = -1;
	}
	if (rc < 0) {
		json_decref(arr);
		return NULL;
	}
	*err = 0;
	return arr;
}

json_t *
json_string_cut_utf8(const char *s)
{
	size_t	n;
	char	*cut;
	json_t	*j;

	if (s == NULL)
		return json_null();
	n = utf8_valid_len(s);
	if (n == strlen(s))
		return json_string(s);
	if ((cut = strndup(s, n)) == NULL)
		return NULL;
	j = json_string(cut);
	free(cut);
	return j;
}
