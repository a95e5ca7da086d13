/*
 * openapi.h — GET /openapi.json: an OpenAPI 3.1 description of every JSON
 * route of the desk (Orange-compatible ordering and core information,
 * TelecomX-style /auth and /healthz), built with jansson from the route
 * knowledge written in openapi.c and, for the request bodies, from the
 * loaded catalog: a type added to the catalog appears with no C change.
 *
 * The document is built once per process, on first use (pthread_once),
 * after the catalog is loaded; its serialized text is kept for the life
 * of the process and shared read-only by every thread.
 *
 * Owns: the document (built once, kept as text) and the route knowledge
 * it is built from: every JSON path, its parameters, bodies and
 * answers, and the webhooks the desk sends.  Calls: catalog (every
 * type's schema), errors (the error descriptions, from the very rows
 * the desk answers from), webhook (the events' names), http, log, util.
 * Never: restates an error's words (a row's are used), or changes once
 * built.
 */
#ifndef REQDESK_OPENAPI_H
#define REQDESK_OPENAPI_H

#include <jansson.h>

#include "http.h"

/*
 * A new OpenAPI 3.1 document (new reference) describing every JSON route
 * for the catalog as loaded now, or NULL on allocation failure.  Builds a
 * fresh document on every call (for tests and tools); the handler uses the
 * cached text instead.
 */
json_t *openapi_document(void);

/*
 * GET /openapi.json (public): 200 with the cached document as
 * `Content-Type: application/json`.  0, or -1 (500) when the document
 * could not be built.
 */
int  api_openapi(struct req *r);

#endif
