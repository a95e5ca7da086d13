/*
 * filetype.c — the kind of an attached file from its content; contract
 * in filetype.h.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <magic.h>

#include "filetype.h"
#include "i18n.h"
#include "log.h"
#include "util.h"

static const struct filetype kinds[] = {
	{ "application/pdf", "pdf" },
	{ "image/png", "png" },
	{ "image/jpeg", "jpg" },
	{ "text/csv", "csv" },
	{ "text/plain", "txt" },
};
enum { K_PDF, K_PNG, K_JPEG, K_CSV, K_TEXT };

const char filetype_names[] = "PDF, PNG, JPEG, CSV, text";

static pthread_mutex_t	lock = PTHREAD_MUTEX_INITIALIZER;
static magic_t		cookie;
static int		loaded;		/* 1 loaded, -1 failed */

/* Does `declared` (a MIME type or a file name) say CSV? */
static int
says_csv(const char *declared)
{
	size_t len;

	if (declared == NULL)
		return 0;
	len = strlen(declared);
	return strncasecmp(declared, "text/csv", 8) == 0 ||
	    (len > 4 && strcasecmp(declared + len - 4, ".csv") == 0);
}

const struct filetype *
filetype_of(const void *data, size_t len, const char *declared, int *err)
{
	const char	*mime;
	char		 got[64] = "";

	*err = 0;
	pthread_mutex_lock(&lock);
	if (loaded == 0) {
		/* no decompression, no looking into archives: the content as sent */
		cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS |
		    MAGIC_NO_CHECK_TAR | MAGIC_NO_CHECK_ELF | MAGIC_NO_CHECK_CDF);
		loaded = cookie != NULL && magic_load(cookie, NULL) == 0 ? 1 : -1;
		if (loaded < 0)
			log_err("libmagic: %s", cookie != NULL ? magic_error(cookie) :
			    "cannot open");
	}
	if (loaded == 1 && (mime = magic_buffer(cookie, data, len)) != NULL)
		snprintf(got, sizeof(got), "%s", mime);
	pthread_mutex_unlock(&lock);
	if (loaded < 0) {
		*err = 1;
		return NULL;
	}
	if (strcmp(got, "application/pdf") == 0)
		return &kinds[K_PDF];
	if (strcmp(got, "image/png") == 0)
		return &kinds[K_PNG];
	if (strcmp(got, "image/jpeg") == 0)
		return &kinds[K_JPEG];
	if (strcmp(got, "text/csv") == 0 || strcmp(got, "text/plain") == 0 ||
	    strcmp(got, "application/csv") == 0) {
		/* text the desk can show: UTF-8 (ASCII included), no NUL */
		if (memchr(data, '\0', len) != NULL)
			return NULL;
		if (utf8_valid_prefix(data, len) != len)
			return NULL;
		return strcmp(got, "text/plain") != 0 || says_csv(declared) ?
		    &kinds[K_CSV] : &kinds[K_TEXT];
	}
	return NULL;
}

const char *
filetype_words(const char *lang, const char *mime)
{
	if (mime == NULL)
		return tr(lang, "File");
	if (strcmp(mime, "application/pdf") == 0)
		return tr(lang, "PDF document");
	if (strcmp(mime, "image/png") == 0)
		return tr(lang, "PNG image");
	if (strcmp(mime, "image/jpeg") == 0)
		return tr(lang, "JPEG image");
	if (strcmp(mime, "text/csv") == 0)
		return tr(lang, "CSV table");
	if (strcmp(mime, "text/plain") == 0)
		return tr(lang, "Text");
	return tr(lang, "File");
}
