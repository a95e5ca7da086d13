/*
 * tpl.h -- HTML and mail templates: a C face over Google ctemplate.
 *
 * One root dictionary per page (tpl_dict_new), filled with values,
 * sections and includes, then expanded through tpl_expand, which streams
 * the output to a caller's write function.  Templates are files relative
 * to the root set by tpl_init, loaded once and kept in ctemplate's
 * process-wide cache (blank lines stripped).
 *
 * Ownership: a dictionary from tpl_dict_new is owned by the caller and
 * freed with tpl_dict_free, which also frees every dictionary borrowed
 * from it (tpl_section_add, tpl_include).  Strings passed in are copied.
 *
 * Errors are sticky: if a setter cannot allocate, the root dictionary is
 * marked failed and tpl_expand on it (or on any dictionary borrowed from
 * it) returns -1 without writing anything, so a page is never served with
 * silently missing values.
 *
 * Escaping: every HTML template starts with {{%AUTOESCAPE context="HTML"}}.
 * An included template WITHOUT that pragma is not escaped at all, even
 * inside an auto-escaped layout; tests/unit/check_tpl.c guards this.
 *
 * Threads: tpl_init, tpl_set_languages and the checks run before threads
 * start; tpl_expand may run concurrently, each thread with its own
 * dictionaries.
 *
 * Owns: the dictionaries (a root and all borrowed from it), ctemplate's
 * process-wide cache of loaded templates, the languages of the [[text]]
 * markers.  Calls: ctemplate (C++) and the translation function it is
 * given, nothing else of the desk.  Never: lets a C++ exception cross
 * into C, or expands a dictionary marked failed.
 */
#ifndef REQDESK_TPL_H
#define REQDESK_TPL_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif

struct tpl_dict;                 /* opaque: wraps ctemplate::TemplateDictionary */

/* Called by expansion with each chunk of output; returns 0 on success, -1 to abort. */
typedef int (*tpl_write_fn)(void *ctx, const char *buf, size_t len);

/*
 * Set the template root directory `dir` (made absolute against the
 * current directory) and empty the template cache.  Call once per
 * process, before threads.  Returns 0, or -1 if `dir` is not an
 * existing directory or on allocation failure.
 */
int  tpl_init(const char *dir);  /* set the template root directory, once per process, before threads; 0 ok, -1 error */

/*
 * Languages: a template's text to translate is written [[like this]] in
 * the source file; each file is expanded in one variant per language, in
 * which every [[text]] is replaced by tr(lang, text) (blanks inside
 * folded to single spaces: that is the message id).  Set the languages
 * (codes; the first is the default) and the translator before
 * tpl_check_dir() and before threads.  Without a call, one language,
 * "en", whose variant only drops the brackets.  0 or -1 (ENOMEM).
 */
typedef const char *(*tpl_translate_fn)(const char *lang, const char *msgid);
int  tpl_set_languages(const char *const *langs, size_t n, tpl_translate_fn tr);

/* Expand the root dictionary `d` and its includes in language `lang` (a
 * code given to tpl_set_languages; NULL: the first). */
void tpl_dict_lang(struct tpl_dict *d, const char *lang);

/*
 * Create an empty root dictionary; `name` (may be NULL) only shows up in
 * ctemplate's debug dumps.  Returns a new dictionary owned by the caller
 * (free with tpl_dict_free), or NULL on allocation failure.
 */
struct tpl_dict *tpl_dict_new(const char *name);   /* owned; NULL on allocation failure */

/*
 * Free a root dictionary from tpl_dict_new and every dictionary borrowed
 * from it.  Accepts NULL.  Must not be given a borrowed dictionary.
 */
void tpl_dict_free(struct tpl_dict *d);            /* accepts NULL */

/*
 * Set variable {{KEY}} to a copy of `value` (NULL means "").  The value
 * is raw text: the template's auto-escaping escapes it on output.
 * On allocation failure the root is marked failed (see above).
 */
void tpl_set(struct tpl_dict *d, const char *key, const char *value);   /* copies; NULL value = "" */

/* Like tpl_set, with the decimal form of `value`. */
void tpl_set_int(struct tpl_dict *d, const char *key, long long value);

/*
 * Show section {{#SECTION}}...{{/SECTION}} once, with the variables of `d`.
 * Calling it again, or after tpl_section_add, changes nothing.
 */
void tpl_show(struct tpl_dict *d, const char *section);                 /* show a section once */

/*
 * Add one row to the repeated section {{#SECTION}}: the section is
 * expanded once per row, in the order added.  A row sees its own values
 * first, then those of `d` and its ancestors.  Returns a dictionary
 * borrowed from `d`'s root (freed with it), or NULL on allocation failure
 * (the root is then marked failed).
 */
struct tpl_dict *tpl_section_add(struct tpl_dict *d, const char *section); /* borrowed: a new row of a repeated section; NULL on failure */

/*
 * Fill include marker {{>MARKER}} with template `file` (relative to the
 * root), expanded with the returned dictionary.  Unlike a section row,
 * an include dictionary does NOT see the values or sections of `d`: set
 * on it everything the included template uses.  Calling it twice for one
 * marker includes two templates one after the other.  Returns a
 * dictionary borrowed from `d`'s root, or NULL on allocation failure (the
 * root is then marked failed).  A missing `file` is only noticed by
 * tpl_expand.
 */
struct tpl_dict *tpl_include(struct tpl_dict *d, const char *marker, const char *file); /* borrowed: dictionary for {{>MARKER}} expanded from file */

/*
 * Expand template `file` (relative to the root) with `d` (NULL: an empty
 * dictionary), calling `write(ctx, buf, len)` with the output in chunks
 * of at most a few KiB.  After a write returns -1 it is not called again.
 * Returns 0, or -1 if the template or an included one is missing or
 * broken, if `d`'s root is marked failed, if a write returned -1, or on
 * allocation failure.  On -1 part of the output may already have been
 * written (except when the root was marked failed: then nothing is).
 * Safe to call from several threads at once with distinct dictionaries.
 */
int  tpl_expand(const char *file, const struct tpl_dict *d, tpl_write_fn write, void *ctx); /* 0 ok, -1 template missing/broken or write aborted */

/* Is there a template `file` (relative to the root)?  1 or 0. */
int  tpl_has(const char *file);

/*
 * Load and parse template `file` (relative to the root) into the cache.
 * Returns 0, or -1 with a NUL-terminated message in `err` (truncated to
 * `errlen`; err may be NULL when errlen is 0).  ctemplate writes the
 * parser's own reason (line, cause) to stderr.  Included templates are
 * not followed: their names are only known at expansion.
 */
int  tpl_check(const char *file, char *err, size_t errlen); /* load and syntax-check one template (relative to root); 0 ok, -1 with message */

/*
 * Run tpl_check on every *.tpl file under the root, recursively, in
 * name order, skipping hidden entries.  This also warms the cache, so
 * calling it at start-up, before forking workers, parses each template
 * once.  Returns the number of broken templates (0 = all good) with the
 * first error in `err`, or -1 if the root cannot be read or tpl_init was
 * not called.
 */
int  tpl_check_dir(char *err, size_t errlen);   /* check every *.tpl under the root, recursively; returns number of broken templates (0 = all good), first error in err */

#ifdef __cplusplus
}
#endif
#endif
