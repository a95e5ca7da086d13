/*
 * errors.c — the error tables of every family and problem lists; see
 * errors.h.  Messages are the APIs' own (docs/API.md) word for word.
 */
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "i18n.h"
#include "util.h"

/* The Idempotency-Key rows (idempotency.h holds the numbers). */
#define IDEM_KEY_MAX_TEXT "255"
#define IDEM_REUSED_TEXT "This Idempotency-Key was already used for another request " \
	"(another body, route or method) in the last 24 hours; use a new key " \
	"for a new request."

/* Sized by the enum: a row missing (or one too many) fails the build. */
static const struct herr_row herrs[HERR__MAX] = {
	[HERR_BAD_QUERY] = { 400, 20, "Invalid query-string parameter", "bad_request",
	    "A query-string parameter is invalid.",
	    N_("The address of this page holds a value that cannot be used.") },
	[HERR_BAD_BODY] = { 400, 21, "Invalid body", "bad_request",
	    "The body is missing or is not a JSON object.",
	    N_("What was sent cannot be read.") },
	[HERR_AUTH_MISSING] = { 401, 40, "Missing credentials", "credentials_invalid",
	    "Authorization required, please login.",
	    N_("Please log in.") },
	[HERR_AUTH_INVALID] = { 401, 41, "Invalid credentials", "invalid_token",
	    "Invalid token.",
	    N_("Your login is not valid; please log in again.") },
	[HERR_AUTH_EXPIRED] = { 401, 42, "Expired credentials", "expired",
	    "Session has expired, please login.",
	    N_("Your session has expired; please log in again.") },
	[HERR_AUTH_FORMAT] = { 401, 41, "Invalid credentials", "format_error",
	    "Authorization header format is Authorization: Bearer <token>.",
	    N_("Your login is not valid; please log in again.") },
	[HERR_FORBIDDEN] = { 403, 50, "Access denied", "access_denied",
	    "Insufficient access level.",
	    N_("You are not allowed to do this.") },
	[HERR_CSRF] = { 403, 50, "Access denied", "csrf",
	    "The form has expired or did not come from this site; reload it and try again.",
	    N_("This form has expired or did not come from this site; reload the page and try again.") },
	[HERR_NOT_FOUND] = { 404, 60, "Resource not found", "not_found",
	    "The requested resource was not found.",
	    N_("There is nothing at this address, or it is not yours to see.") },
	[HERR_METHOD] = { 405, 61, "Method not allowed", "method_not_allowed",
	    "This method is not allowed on this resource.",
	    N_("This page cannot be used that way.") },
	[HERR_CONFLICT] = { 409, 62, "Conflict", "conflict",
	    "The resource is not in a state that allows this.",
	    N_("This was changed meanwhile; reload the page and try again.") },
	[HERR_MISSING] = { 412, 65, "Precondition failed", "required",
	    "A mandatory field is missing.",
	    N_("A field that must be filled in is empty.") },
	[HERR_TOO_LARGE] = { 413, 63, "Request entity too large", "payload_too_large",
	    "The request body is larger than this server accepts.",
	    N_("What was sent is too large.") },
	[HERR_MEDIA_TYPE] = { 415, 64, "Unsupported media type", "unsupported_media_type",
	    "The body must be sent with Content-Type: application/json.",
	    N_("What was sent is not in a form this page reads.") },
	[HERR_TOO_MANY] = { 429, 53, "Too many requests", "too_many_requests",
	    "Too many attempts; wait and try again.",
	    N_("Too many attempts; wait a moment and try again.") },
	[HERR_INTERNAL] = { 500, 1, "Internal error", "internal_error",
	    "An unexpected error occurred.",
	    N_("Something went wrong on our side; please try again.") },
	[HERR_UNAVAILABLE] = { 503, 5, "Service unavailable", "unavailable",
	    "The service is temporarily unavailable.",
	    N_("The desk is not available at the moment; please try again shortly.") },
	[HERR_FORM_FIELDS] = { 400, 21, "Invalid body", "bad_request",
	    "The form has too many fields: it cannot be read.",
	    N_("This form has too many fields to be read.") },
	[HERR_FORM_TEXT] = { 400, 21, "Invalid body", "bad_request",
	    "The form holds text that is not valid UTF-8: it cannot be read.",
	    N_("This form holds text that is not valid UTF-8, which cannot be read.") },
	[HERR_IDEM_KEY] = { 400, 22, "Invalid header", "bad_request",
	    "The Idempotency-Key header must be 1 to " IDEM_KEY_MAX_TEXT " visible ASCII "
	    "characters (no space, quote or backslash), optionally in double quotes.",
	    N_("This request carries a retry key that cannot be used.") },
};

/* The description of a 3620 is the ordering API's sentence around the problem. */
#define PROPS(msg) "The 'properties' attribute is not valid due to the following error : " msg

static const struct oerr_row oerrs[OERR__MAX] = {
	[OERR_MISSING] = { 412, 65, "Precondition failed",
	    "The mandatory field '{1}' is missing.", 0,
	    N_("{label} is required.") },
	[OERR_TOP_INVALID] = { 400, 21, "Invalid body",
	    "'{1}' must be a string of at most {2} characters", 1,
	    N_("Use at most {2} characters.") },
	[OERR_PROPS_OBJECT] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be an object"), 1,
	    N_("{label} cannot be read.") },
	[OERR_PROPS_UNKNOWN] = { 422, 3620, "Properties item is not valid",
	    PROPS("unknown attribute '{1}'"), 1,
	    N_("This request type has no field {1}.") },
	[OERR_PROPS_UNKNOWN_HINT] = { 422, 3620, "Properties item is not valid",
	    PROPS("unknown attribute '{1}' (did you mean '{2}'?)"), 1,
	    N_("This request type has no field {1}.") },
	[OERR_PROPS_TYPE] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be {2}"), 1,
	    N_("Enter a valid value for {label}.") },
	[OERR_PROPS_EMPTY] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must not be empty"), 1,
	    N_("{label} is required.") },
	[OERR_PROPS_TOO_LONG] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be at most {2} characters"), 1,
	    N_("Use at most {2} characters.") },
	[OERR_PROPS_TOO_SHORT] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be at least {2} characters"), 1,
	    N_("Use at least {2} characters.") },
	[OERR_PROPS_ENUM] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be one of {2}"), 1,
	    N_("Choose one of the values offered for {label}.") },
	[OERR_PROPS_DATE] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be a date (YYYY-MM-DD)"), 1,
	    N_("Enter a date.") },
	[OERR_PROPS_EMAIL] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be a valid e-mail address"), 1,
	    N_("Enter an e-mail address such as name@example.com.") },
	[OERR_PROPS_PHONE] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' must be a valid phone number"), 1,
	    N_("Enter a telephone number such as +33 1 23 45 67 89.") },
	[OERR_PROPS_PATTERN] = { 422, 3620, "Properties item is not valid",
	    PROPS("'{1}' {2}"), 1,
	    N_("{label} is not in the expected form.") },
	[OERR_REQUESTED_AT] = { 422, 3611, "RequestedAt not Valid",
	    "The requestedAt date must be {1} days minimum and must be a working day "
	    "in France. The earliest valid date is {2}.", 2,
	    N_("Choose a working day in France at least {1} days from today: {2} or later.") },
	[OERR_NO_SERVICE_POINT] = { 422, 3622, "No Service Point match criteria",
	    "No Service Point was found with the current criteria.", 3,
	    N_("None of your sites matches: choose one from the list or check its references.") },
	[OERR_SEVERAL_SERVICE_POINTS] = { 422, 3621, "Several Products match criterias",
	    "Several Service Points mach the criteria. Disconnection can be requested "
	    "on only one Service Point.", 3,
	    N_("Several of your sites match: choose one by its id.") },
	[OERR_ORDERING_DOWN] = { 422, 3623, "Internal Ordering System not available",
	    "The ordering system is not available at the moment. The request was not "
	    "accepted.", 4,
	    N_("The request could not be sent now; nothing was kept. Please try again shortly.") },
	[OERR_MORE] = { 422, 0, "Too many problems",
	    "{1} more problems were found and are not listed.", 5,
	    N_("There are {1} more problems to fix.") },
	[OERR_TOP_BOOLEAN] = { 400, 21, "Invalid body",
	    "'{1}' must be true or false", 1,
	    N_("Choose yes or no.") },
	[OERR_TOP_TEXT] = { 400, 21, "Invalid body",
	    "'{1}' must be UTF-8 text without control characters other than line breaks", 1,
	    N_("Remove the special characters from {label}.") },
	[OERR_FILE_BASE64] = { 400, 21, "Invalid body",
	    "'{1}' must be the content of the file in base64", 1,
	    N_("This file could not be read; send it again.") },
	[OERR_FILE_NAME] = { 400, 21, "Invalid body",
	    "'{1}' must be a file name of 1 to 255 bytes, without a directory", 1,
	    N_("Give the file a name without a directory, of at most 255 characters.") },
	[OERR_FILE_EMPTY] = { 400, 21, "Invalid body",
	    "'{1}' is an empty file", 1,
	    N_("This file is empty.") },
	[OERR_FILE_TYPE] = { 422, 21, "Invalid body",
	    "'{1}' must be a PDF, PNG, JPEG, CSV or plain text file (UTF-8); the type is "
	    "read from the content", 1,
	    N_("Only PDF, PNG, JPEG, CSV and text files can be attached.") },
	[OERR_IDEM_REUSED] = { 422, 3630, "Idempotency key already used", IDEM_REUSED_TEXT,
	    0, N_("This was already sent with other content: send it again as a new request.") },
	[OERR_HOOK_URL] = { 422, 3640, "Webhook URL not valid",
	    "'{1}' {2}", 1,
	    N_("Enter the full address of your receiver, such as https://example.com/hooks.") },
	[OERR_HOOK_EVENTS] = { 422, 3642, "Event type not known",
	    "'{1}' must be a list of event types, each one of {2}", 1,
	    N_("Choose the events among those listed.") },
	[OERR_HOOK_DESTINATION] = { 422, 3641, "Webhook destination not allowed",
	    "'{1}': {2} is a loopback, link-local, private or reserved address; "
	    "webhooks are only sent to public addresses", 3,
	    N_("This address leads to a private or local network, where webhooks are not sent.") },
	[OERR_HOOK_LIMIT] = { 422, 3643, "Too many webhooks",
	    "At most {1} webhooks can be subscribed; delete one first.", 4,
	    N_("You have as many webhooks as you can; delete one first.") },
};

#define MSG_IP		"IP address is required and must be 1,2,4,8,16 or 32"
#define MSG_START	"Date must not be between 1 month ago and 6 months into the future"
#define MSG_PRICE	"Must be between 0 and 500000"
#define MSG_COMMITMENT	"Must be between 0 and 60 months"
#define MSG_ORDERED	"An offer of this Internet request has already been ordered"

static const struct xerr_row xerrs[XERR__MAX] = {
	[XERR_REQUEST_NOT_FOUND] = { 404, "not_found", NULL, "Internet request not found",
	    N_("This Internet request does not exist, or it is not yours to see.") },
	[XERR_ACCOUNT_NOT_FOUND] = { 404, "not_found", NULL, "Internet account not found",
	    N_("This Internet account does not exist, or it is not yours to see.") },
	[XERR_ORDER_REQUEST_NOT_FOUND] = { 404, "not_found", "exists",
	    "Internet request not found",
	    N_("This Internet request does not exist, or it is not yours to see.") },
	[XERR_ACCESS] = { 403, "access_denied", NULL, "Insufficient access level",
	    N_("You are not allowed to do this.") },
	[XERR_OFFERS_ACCESS] = { 403, "access_denied", "access", "Insufficient access level",
	    N_("Only the operator can make offers.") },
	[XERR_ORDERED] = { 409, "conflict", "unique", MSG_ORDERED,
	    N_("An offer of this request has already been ordered.") },
	[XERR_OFFERS_LOCKED] = { 409, "conflict", "state", "An offer of this Internet "
	    "request has been ordered: its offers can no longer change",
	    N_("An offer was ordered: the offers can no longer change.") },
	[XERR_NOT_STRING] = { 422, NULL, "type", "Must be a string",
	    N_("Enter text for {label}.") },
	[XERR_NOT_BOOLEAN] = { 422, NULL, "type", "Must be true or false",
	    N_("Choose yes or no.") },
	[XERR_LENGTH] = { 422, NULL, "length", "Invalid length. At most {1} is required.",
	    N_("Use at most {1} characters.") },
	[XERR_TYPE_REQUIRED] = { 422, NULL, "required", "Type is required and must be DSL or FIBER",
	    N_("Choose DSL or fibre.") },
	[XERR_TYPE_ENUM] = { 422, NULL, "enum", "Type is required and must be DSL or FIBER",
	    N_("Choose DSL or fibre.") },
	[XERR_CUSTOMER_NOT_FOUND] = { 404, NULL, "exists", "Customer not found",
	    N_("Choose a customer from the list.") },
	[XERR_RESELLER_NOT_FOUND] = { 404, NULL, "exists", "Reseller not found",
	    N_("Choose a reseller from the list.") },
	[XERR_OWNER_REQUIRED] = { 422, NULL, "required", "Customer or reseller is required",
	    N_("Choose a customer or a reseller.") },
	[XERR_ADDRESS_REQUIRED] = { 422, NULL, "required", "Address is required",
	    N_("Choose an address or enter one.") },
	[XERR_ADDRESS_TYPE] = { 422, NULL, "type",
	    "Must be an object: {_id} or {address, zip, city}",
	    N_("Choose an address or enter one.") },
	[XERR_ADDRESS_NOT_FOUND] = { 404, NULL, "exists", "Address not found",
	    N_("Choose an address from the list.") },
	[XERR_ROAD_REQUIRED] = { 422, NULL, "required", "Road and number are required",
	    N_("Enter the road and number.") },
	[XERR_ZIP_REQUIRED] = { 422, NULL, "required", "Zip code is required",
	    N_("Enter the postcode.") },
	[XERR_CITY_REQUIRED] = { 422, NULL, "required", "City is required",
	    N_("Enter the city.") },
	[XERR_SINGLE_LINE] = { 422, NULL, "format", "Must be a single line of text",
	    N_("Write this on one line.") },
	[XERR_PRODUCT_NOT_FOUND] = { 422, NULL, "exists", "Product not found",
	    N_("Choose a product from the list.") },
	[XERR_PRODUCT_NOT_VALID] = { 422, NULL, "valid", "Product is not valid for customer",
	    N_("This product cannot be sold to this customer: choose another.") },
	[XERR_PRODUCT_TYPE] = { 422, NULL, "type", "Product is not a {1} product",
	    N_("Choose a product of the kind of circuit asked for.") },
	[XERR_PRODUCT_REQUIRED] = { 422, NULL, "required", "Product is required",
	    N_("Choose a product.") },
	[XERR_ONLY_FOR] = { 422, NULL, "type", "Only valid for {1} requests",
	    N_("Leave this empty: it does not apply to this kind of circuit.") },
	[XERR_CIRCUIT_REQUIRED] = { 422, NULL, "required", "Circuit is required for takeover",
	    N_("Enter the circuit to take over.") },
	[XERR_TAKEOVER_CUSTOMER_REQUIRED] = { 422, NULL, "required",
	    "Customer id is required for takeover",
	    N_("Enter the customer id of the circuit to take over.") },
	[XERR_IP_REQUIRED] = { 422, NULL, "required", MSG_IP,
	    N_("Choose how many IP addresses: 1, 2, 4, 8, 16 or 32.") },
	[XERR_IP_ENUM] = { 422, NULL, "enum", MSG_IP,
	    N_("Choose how many IP addresses: 1, 2, 4, 8, 16 or 32.") },
	[XERR_START_FORMAT] = { 422, NULL, "format", MSG_START,
	    N_("Enter a date.") },
	[XERR_START_RANGE] = { 422, NULL, "range", MSG_START,
	    N_("Choose a date between one month ago and six months from today.") },
	[XERR_INSTALL_TIME] = { 422, NULL, "enum", "Must be one of 7_30_TO_16, 7_30_TO_12, 12_TO_16",
	    N_("Choose one of the time windows offered.") },
	[XERR_OFFERS_TYPE] = { 422, NULL, "type", "Must be a list of offers",
	    N_("The offers cannot be read.") },
	[XERR_OFFERS_COUNT] = { 422, NULL, "length", "At most 20 offers",
	    N_("Make at most 20 offers.") },
	[XERR_OFFER_OBJECT] = { 422, NULL, "type", "Must be an object",
	    N_("This offer cannot be read.") },
	[XERR_OFFER_ID_FORMAT] = { 422, NULL, "format", "Must be 24 hexadecimal characters",
	    N_("This offer id cannot be used.") },
	[XERR_OFFER_ID_UNIQUE] = { 422, NULL, "unique", "Duplicate offer id",
	    N_("Two offers have the same id.") },
	[XERR_PRICE_TYPE] = { 422, NULL, "type", MSG_PRICE,
	    N_("Enter an amount between 0 and 500,000.") },
	[XERR_PRICE_RANGE] = { 422, NULL, "range", MSG_PRICE,
	    N_("Enter an amount between 0 and 500,000.") },
	[XERR_COMMITMENT_TYPE] = { 422, NULL, "type", MSG_COMMITMENT,
	    N_("Enter a whole number of months between 0 and 60.") },
	[XERR_COMMITMENT_RANGE] = { 422, NULL, "range", MSG_COMMITMENT,
	    N_("Enter a whole number of months between 0 and 60.") },
	[XERR_NOTIFY_TYPE] = { 422, NULL, "type", "Must be a list of at most 50 employee ids",
	    N_("Choose at most 50 people to tell.") },
	[XERR_RECIPIENT] = { 422, NULL, "exists", "Recipient not found",
	    N_("Choose people from the list.") },
	[XERR_ORDER_REQUEST_REQUIRED] = { 422, NULL, "required", "Internet request is required",
	    N_("Choose the request.") },
	[XERR_OFFER_REQUIRED] = { 422, NULL, "required", "Offer is required",
	    N_("Choose an offer.") },
	[XERR_CUSTOMER_MISMATCH] = { 422, NULL, "valid",
	    "Customer does not match the Internet request",
	    N_("This offer is not for this customer.") },
	[XERR_OFFER_NOT_FOUND] = { 404, NULL, "exists", "Offer not found",
	    N_("This offer does not exist: reload the page.") },
	[XERR_EXPIRED] = { 422, "expired", "expired", "The offer has expired",
	    N_("This offer has expired.") },
	[XERR_START_REQUIRED] = { 422, NULL, "required", "Start date is required",
	    N_("Enter the delivery date.") },
	[XERR_DATE_FORMAT] = { 422, NULL, "format", "Must be a date (YYYY-MM-DD)",
	    N_("Enter a date.") },
	[XERR_CONFIRM_STATE] = { 422, "state", "state", "Only an ORDERED account can be confirmed",
	    N_("Only an ordered account can be confirmed.") },
	[XERR_ACTIVATE_STATE] = { 422, "state", "state", "Only a CONFIRMED account can be activated",
	    N_("Only a confirmed account can be activated.") },
	[XERR_CANCEL_STATE] = { 422, "state", "state",
	    "Only an ORDERED, CONFIRMED or ACTIVE account can be cancelled",
	    N_("This account is already cancelled.") },
	[XERR_LOGIN_EMAIL] = { 422, NULL, "required", "E-mail is required",
	    N_("Enter your e-mail address.") },
	[XERR_LOGIN_PASSWORD] = { 422, NULL, "required", "Password is required",
	    N_("Enter your password.") },
	[XERR_LOGIN_WRONG] = { 401, "credentials_invalid", NULL, "Wrong e-mail or password.",
	    N_("Wrong e-mail address or password.") },
	[XERR_QUERY_OFFSET] = { 400, NULL, "range", "Must be a non-negative integer",
	    N_("This page of the list does not exist.") },
	[XERR_QUERY_LIMIT] = { 400, NULL, "range", "Must be between 1 and 500",
	    N_("This page of the list does not exist.") },
	[XERR_QUERY_STATE] = { 400, NULL, "enum", "Must be ANY, NEW, HAS_OFFER, ORDERED, CONFIRMED, ACTIVE or CANCELLED",
	    N_("Choose one of the states offered.") },
	[XERR_QUERY_FULL] = { 400, NULL, "enum", "Must be true or false",
	    N_("This address cannot be used.") },
	[XERR_MORE] = { 422, "too_many_problems", "limit",
	    "{1} more problems were found and are not listed",
	    N_("There are {1} more problems to fix.") },
	[XERR_TEXT_REQUIRED] = { 422, NULL, "required", "Text is required",
	    N_("Write something first.") },
	[XERR_TEXT_INVALID] = { 422, NULL, "format",
	    "Must be UTF-8 text without control characters other than line breaks",
	    N_("Remove the special characters from {label}.") },
	[XERR_INTERNAL_ACCESS] = { 403, "access_denied", "access", "Insufficient access level",
	    N_("Only the operator writes internal notes.") },
	[XERR_FILE_BASE64] = { 422, NULL, "format", "Must be the content of the file in base64",
	    N_("This file could not be read; send it again.") },
	[XERR_FILE_NAME] = { 422, NULL, "format",
	    "Must be a file name of 1 to 255 bytes, without a directory",
	    N_("Give the file a name without a directory, of at most 255 characters.") },
	[XERR_FILE_EMPTY] = { 422, NULL, "length", "The file is empty",
	    N_("This file is empty.") },
	[XERR_FILE_TYPE] = { 422, NULL, "type",
	    "Must be a PDF, PNG, JPEG, CSV or plain text file (UTF-8); the type is read "
	    "from the content",
	    N_("Only PDF, PNG, JPEG, CSV and text files can be attached.") },
	[XERR_FILE_LARGE] = { 413, "payload_too_large", "size", "The file is larger than {1}",
	    N_("This file is larger than {1}.") },
	[XERR_REQUEST_FULL] = { 409, "conflict", "size",
	    "This request holds as many files as it may",
	    N_("This request holds as many files as it may; no more can be added.") },
	[XERR_ATTACHMENT_NOT_FOUND] = { 404, "not_found", NULL, "Attachment not found",
	    N_("This file does not exist, or it is not yours to see.") },
	[XERR_QUERY_SEARCH] = { 400, NULL, "length",
	    "Must be text of at most 200 bytes",
	    N_("Search for fewer words.") },
	[XERR_QUERY_LIST] = { 400, NULL, "range",
	    "offset must be 0 or more and limit between 1 and 250",
	    N_("This page of the list does not exist.") },
	[XERR_IDEM_REUSED] = { 422, "idempotency_key", "unique", IDEM_REUSED_TEXT,
	    N_("This was already sent with other content: send it again as a new request.") },
	[XERR_QUERY_DATE] = { 400, NULL, "format", "Must be a date such as 2026-12-31",
	    N_("Enter each date of the filter as a day, such as 2026-12-31.") },
	[XERR_QUERY_TYPE] = { 400, NULL, "enum", "Must be DSL or FIBER",
	    N_("Choose one of the types offered.") },
	[XERR_QUERY_ASSIGNEE] = { 400, NULL, "exists",
	    "Must be none, or the id or e-mail of an operator",
	    N_("Choose who handles the requests among the operators offered.") },
	[XERR_ASSIGNEE_ACCESS] = { 403, "access_denied", "access", "Insufficient access level",
	    N_("Only the operator sees who handles a request.") },
};

const struct herr_row *
herr_row(enum herr e)
{
	return &herrs[e < HERR__MAX ? e : HERR_INTERNAL];
}

const struct oerr_row *
oerr_row(enum oerr e)
{
	return &oerrs[e < OERR__MAX ? e : OERR_ORDERING_DOWN];
}

const struct xerr_row *
xerr_row(enum xerr e)
{
	return &xerrs[e < XERR__MAX ? e : XERR_ACCESS];
}

int
herr_status(enum herr e)
{
	return herr_row(e)->status;
}


/* `tpl` with {1}..{3} replaced by args and {label} by label, in one walk
 * (words put in are never read again as a template).  New or NULL. */
static char *
fill(const char *tpl, const char *const args[3], const char *label)
{
	struct buf	 b = { 0 };
	const char	*p, *put;
	size_t		 skip;

	for (p = tpl; *p != '\0'; p += skip) {
		put = NULL;
		skip = 1;
		if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
			put = args != NULL && args[p[1] - '1'] != NULL ? args[p[1] - '1'] : "";
			skip = 3;
		} else if (label != NULL && strncmp(p, "{label}", 7) == 0) {
			put = label;
			skip = 7;
		}
		if ((put != NULL ? buf_puts(&b, put) : buf_append(&b, p, 1)) < 0) {
			buf_free(&b);
			return NULL;
		}
	}
	if (b.data == NULL && buf_append(&b, "", 0) < 0)
		return NULL;
	return b.data;
}

char *
errors_fill(const char *tpl, const char *const args[3])
{
	return fill(tpl, args, NULL);
}

char *
problem_person(const struct problems *pb, const struct problem *p, const char *lang,
    const char *label)
{
	const char *tpl, *args[3] = { p->args[0], p->args[1], p->args[2] };

	tpl = pb->family == FAM_TCX ? xerr_row((enum xerr)p->err)->person :
	    oerr_row((enum oerr)p->err)->person;
	/* A field with no label of its own: said as "this field", except
	 * where the sentence is about the field itself. */
	if (label == NULL && pb->family != FAM_TCX && (p->err == OERR_MISSING ||
	    p->err == OERR_PROPS_EMPTY))
		return fill(tr(lang, N_("This field is required.")), args, NULL);
	return fill(tr(lang, tpl), args, label != NULL ? label :
	    tr(lang, N_("this field")));
}

static void
problem_clear(struct problem *p)
{
	size_t i;

	free(p->code);
	free(p->path);
	for (i = 0; i < 3; i++)
		free(p->args[i]);
	free(p->text);
	memset(p, 0, sizeof(*p));
}

/* Keep one problem of the list's family with its template.  0 or -1. */
static int
problem_add(struct problems *pb, enum family fam, int err, const char *tpl,
    const char *code, const char *path, const char *const args[3])
{
	struct problem	*p;
	size_t		 i;

	if (pb->n == 0 && pb->more == 0)
		pb->family = fam;
	if (pb->n >= PROBLEMS_MAX) {
		if (pb->more++ == 0)
			pb->more_err = err;
		return 0;
	}
	if ((p = array_room(pb->v, pb->n, &pb->cap, sizeof(*p), 8)) == NULL)
		goto fail;
	pb->v = p;
	p = &pb->v[pb->n];
	memset(p, 0, sizeof(*p));
	p->err = err;
	if ((code != NULL && (p->code = strdup(code)) == NULL) ||
	    (path != NULL && (p->path = strdup(path)) == NULL))
		goto fail_clear;
	for (i = 0; i < 3; i++)
		if (args[i] != NULL && (p->args[i] = strdup(args[i])) == NULL)
			goto fail_clear;
	if ((p->text = errors_fill(tpl, args)) == NULL)
		goto fail_clear;
	pb->n++;
	return 0;
fail_clear:
	problem_clear(p);
fail:
	pb->failed = 1;
	return -1;
}

int
oproblem(struct problems *pb, enum oerr e, const char *path, const char *a1,
    const char *a2, const char *a3)
{
	const char *args[3] = { a1, a1 ? a2 : NULL, a1 && a2 ? a3 : NULL };

	return problem_add(pb, FAM_ORANGE, (int)e, oerr_row(e)->description,
	    NULL, path, args);
}

int
xproblem(struct problems *pb, enum xerr e, const char *code, const char *path,
    const char *a1)
{
	const char *args[3] = { a1, NULL, NULL };

	return problem_add(pb, FAM_TCX, (int)e, xerr_row(e)->message,
	    xerr_row(e)->code != NULL ? NULL : code, path, args);
}

size_t
problems_found(const struct problems *pb)
{
	return pb->n + pb->more;
}

int
problems_status(const struct problems *pb)
{
	if (pb->n == 0)
		return 500;
	return pb->family == FAM_TCX ? xerr_row((enum xerr)pb->v[0].err)->status :
	    oerr_row((enum oerr)pb->v[0].err)->status;
}

const struct problem *
problems_at(const struct problems *pb, const char *path)
{
	size_t i;

	for (i = 0; pb != NULL && path != NULL && i < pb->n; i++)
		if (pb->v[i].path != NULL && strcmp(pb->v[i].path, path) == 0)
			return &pb->v[i];
	return NULL;
}

void
problems_sort(struct problems *pb)
{
	struct problem	tmp;
	size_t		i, j;

	if (pb->family != FAM_ORANGE)
		return;
	for (i = 1; i < pb->n; i++) {	/* insertion sort: stable, short lists */
		tmp = pb->v[i];
		for (j = i; j > 0 && oerr_row((enum oerr)pb->v[j - 1].err)->rank >
		    oerr_row((enum oerr)tmp.err)->rank; j--)
			pb->v[j] = pb->v[j - 1];
		pb->v[j] = tmp;
	}
}

void
problems_free(struct problems *pb)
{
	size_t i;

	for (i = 0; i < pb->n; i++)
		problem_clear(&pb->v[i]);
	free(pb->v);
	memset(pb, 0, sizeof(*pb));
}
