/*
 * tpl.cc -- the template wrapper: the only C++ in reqdesk.
 *
 * Implements tpl.h over Google ctemplate's default template cache.
 * Every exported function is extern "C" and catches every exception, so
 * none crosses into C.  Contracts are in tpl.h.
 */
#include "tpl.h"

#include <assert.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <mutex>
#include <new>
#include <cstring>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <ctemplate/template.h>
#include <ctemplate/template_dictionary.h>
#include <ctemplate/template_emitter.h>

/* Every template is loaded, checked and expanded with this strip mode. */
/* HTML templates lose their blank lines; plain-text mail templates (under
 * mail/, in any language's variant "LANG/mail/") keep every line, since
 * blank lines separate their paragraphs. */
static ctemplate::Strip
strip_for(const char *file)
{
	const char *slash = std::strchr(file, '/');

	if (std::strncmp(file, "mail/", 5) == 0 ||
	    (slash != NULL && std::strncmp(slash + 1, "mail/", 5) == 0))
		return ctemplate::DO_NOT_STRIP;
	return ctemplate::STRIP_BLANK_LINES;
}

/* Set by tpl_init; read-only once threads run. */
static bool tpl_ready = false;

/*
 * Languages (tpl_set_languages): each template file exists in one
 * variant per language, registered in ctemplate's cache under the key
 * "LANG/FILE" with every [[text]] replaced by the translator's text.
 * Variants are made by tpl_check_dir() before threads run (then
 * `preloaded` is set and expansions only compute the key), or on first
 * use under `variants_lock` (a program that did not check the tree).
 */
static std::vector<std::string>	 tpl_langs;
static tpl_translate_fn		 tpl_tr = NULL;
static std::atomic<bool>	 preloaded(false);
static std::mutex		 variants_lock;
static std::unordered_set<std::string> variants;	/* keys made */

/*
 * The C handle.  A root (from tpl_dict_new) owns its ctemplate
 * dictionary and the list of handles borrowed from it; a borrowed
 * handle points at a dictionary owned by its ctemplate parent.
 */
struct tpl_dict {
	ctemplate::TemplateDictionary	*td;
	struct tpl_dict			*root;     /* itself for a root */
	struct tpl_dict			*next;     /* next borrowed handle of root */
	bool				 failed;   /* root only: a setter failed */
	std::string			 lang;     /* root only: "" for the first */
};

/*
 * `src` with each [[text]] replaced by the translation of text, its
 * blanks (spaces, tabs, line breaks) folded to single spaces as
 * po/extract-templates.py folds them into the message id.  May throw.
 */
static std::string
translated(const std::string &src, const std::string &lang)
{
	std::string	 out, id;
	size_t		 at = 0, open, close;

	while ((open = src.find("[[", at)) != std::string::npos &&
	    (close = src.find("]]", open + 2)) != std::string::npos) {
		out.append(src, at, open - at);
		id.clear();
		for (size_t i = open + 2; i < close; i++) {
			char c = src[i];
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
				if (!id.empty() && id.back() != ' ')
					id.push_back(' ');
			} else
				id.push_back(c);
		}
		if (!id.empty() && id.back() == ' ')
			id.pop_back();
		const char *text = tpl_tr != NULL ? tpl_tr(lang.c_str(), id.c_str()) : NULL;
		out.append(text != NULL ? text : id);
		at = close + 2;
	}
	out.append(src, at, std::string::npos);
	return out;
}

/* The language of a root: its own, else the first one set, else "en". */
static std::string
lang_of(const struct tpl_dict *d)
{
	if (d != NULL && !d->root->lang.empty())
		return d->root->lang;
	return tpl_langs.empty() ? std::string("en") : tpl_langs[0];
}

/*
 * The cache key of `file` in `lang`, making the variant when it does not
 * exist yet (reading the file under the root).  Returns false when the
 * file cannot be read: the expansion then fails on the missing key, as
 * it would on a missing file.  May throw.
 */
static bool
variant(const std::string &lang, const char *file, std::string *key)
{
	ctemplate::TemplateCache *cache = ctemplate::mutable_default_template_cache();

	*key = lang + "/" + file;
	if (preloaded.load(std::memory_order_acquire))
		return true;
	std::lock_guard<std::mutex> hold(variants_lock);
	if (variants.count(*key) > 0)
		return true;
	std::string path = cache->FindTemplateFilename(file);
	if (path.empty())
		return false;
	std::ifstream in(path.c_str(), std::ios::in | std::ios::binary);
	if (!in)
		return false;
	std::ostringstream text;
	text << in.rdbuf();
	std::string out = translated(text.str(), lang);
	cache->Delete(*key);
	if (!cache->StringToTemplateCache(*key, out, strip_for(key->c_str())))
		return false;
	variants.insert(*key);
	return true;
}

/*
 * An ExpandEmitter that gathers output in a small buffer and hands it to
 * the C write function.  After the first failed write it drops
 * everything; ctemplate cannot be stopped, so expansion runs on silently.
 */
class WriteEmitter : public ctemplate::ExpandEmitter {
 public:
	WriteEmitter(tpl_write_fn write, void *ctx)
	    : write_(write), ctx_(ctx), used_(0), failed_(false) {}

	void Emit(char c) override { Emit(&c, 1); }
	void Emit(const std::string &s) override { Emit(s.data(), s.size()); }
	void Emit(const char *s) override { Emit(s, strlen(s)); }
	void Emit(const char *s, size_t len) override;

	/* Write what is buffered; returns false if any write failed. */
	bool Flush();

 private:
	void Put(const char *s, size_t len);

	tpl_write_fn	 write_;
	void		*ctx_;
	char		 buf_[4096];
	size_t		 used_;
	bool		 failed_;
};

/* Send len bytes to the write function unless a write already failed. */
void
WriteEmitter::Put(const char *s, size_t len)
{
	if (failed_ || len == 0)
		return;
	if (write_(ctx_, s, len) != 0)
		failed_ = true;
}

/* Buffer s, writing the buffer out when full; big chunks go straight out. */
void
WriteEmitter::Emit(const char *s, size_t len)
{
	if (len > sizeof(buf_) - used_) {
		Flush();
		if (len >= sizeof(buf_)) {
			Put(s, len);
			return;
		}
	}
	memcpy(buf_ + used_, s, len);
	used_ += len;
}

bool
WriteEmitter::Flush()
{
	Put(buf_, used_);
	used_ = 0;
	return !failed_;
}

/* Copy msg into err (if there is room), always NUL-terminated. */
static void
tpl_error(char *err, size_t errlen, const std::string &msg)
{
	if (err == NULL || errlen == 0)
		return;
	snprintf(err, errlen, "%s", msg.c_str());
}

/*
 * Make a handle for dictionary td borrowed from d's root and link it
 * into the root's list.  Returns NULL (root marked failed) if td is NULL
 * or the handle cannot be allocated.
 */
static struct tpl_dict *
tpl_borrow(struct tpl_dict *d, ctemplate::TemplateDictionary *td)
{
	struct tpl_dict	*b;

	if (td == NULL || (b = new (std::nothrow) tpl_dict) == NULL) {
		d->root->failed = true;
		return NULL;
	}
	b->td = td;
	b->root = d->root;
	b->failed = false;
	b->next = d->root->next;
	d->root->next = b;
	return b;
}

/*
 * A key (variable, section or include name) with its ctemplate id.
 * Given a plain string, ctemplate hashes the name and registers it in a
 * process-wide map under a read-write lock on every SetValue; a worker's
 * threads all contend for that lock.  Here each thread keeps its own
 * table of the names it has used (a few hundred), registered once, and
 * hands ctemplate the name with its id.  The table lives as long as the
 * thread, which outlives every dictionary it builds.  May throw.
 */
static ctemplate::TemplateString
key_of(const char *key)
{
	typedef std::unordered_map<std::string,
	    ctemplate::StaticTemplateString> key_table;
	thread_local key_table	 keys;
	key_table::iterator	 it = keys.find(key);

	if (it == keys.end()) {
		it = keys.emplace(key, ctemplate::StaticTemplateString()).first;
		ctemplate::StaticTemplateString &sts = it->second;
		sts.do_not_use_directly_.ptr_ = it->first.data();
		sts.do_not_use_directly_.length_ = it->first.size();
		sts.do_not_use_directly_.id_ = ctemplate::kIllegalTemplateId;
		ctemplate::StaticTemplateStringInitializer computes_id(&sts);
	}
	return ctemplate::TemplateString(it->second);
}

extern "C" int
tpl_init(const char *dir)
{
	struct stat	 st;

	assert(dir != NULL);
	if (stat(dir, &st) == -1 || !S_ISDIR(st.st_mode))
		return -1;
	try {
		ctemplate::TemplateCache *cache =
		    ctemplate::mutable_default_template_cache();
		if (!cache->SetTemplateRootDirectory(dir))
			return -1;
		cache->ClearCache();
		tpl_ready = true;
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" struct tpl_dict *
tpl_dict_new(const char *name)
{
	struct tpl_dict	*d;

	if ((d = new (std::nothrow) tpl_dict) == NULL)
		return NULL;
	try {
		d->td = new ctemplate::TemplateDictionary(
		    name == NULL ? "" : name);
	} catch (...) {
		delete d;
		return NULL;
	}
	d->root = d;
	d->next = NULL;
	d->failed = false;
	return d;
}

extern "C" int
tpl_set_languages(const char *const *langs, size_t n, tpl_translate_fn tr)
{
	try {
		tpl_langs.clear();
		for (size_t i = 0; i < n; i++)
			tpl_langs.push_back(langs[i]);
		tpl_tr = tr;
		preloaded.store(false);
		std::lock_guard<std::mutex> hold(variants_lock);
		variants.clear();
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" void
tpl_dict_lang(struct tpl_dict *d, const char *lang)
{
	assert(d != NULL && d->root == d);
	try {
		d->lang = lang != NULL ? lang : "";
	} catch (...) {
		d->failed = true;
	}
}

extern "C" void
tpl_dict_free(struct tpl_dict *d)
{
	struct tpl_dict	*b, *next;

	if (d == NULL)
		return;
	assert(d->root == d);
	for (b = d->next; b != NULL; b = next) {
		next = b->next;
		delete b;
	}
	delete d->td;
	delete d;
}

extern "C" void
tpl_set(struct tpl_dict *d, const char *key, const char *value)
{
	assert(d != NULL && key != NULL);
	try {
		d->td->SetValue(key_of(key), value == NULL ? "" : value);
	} catch (...) {
		d->root->failed = true;
	}
}

extern "C" void
tpl_set_int(struct tpl_dict *d, const char *key, long long value)
{
	char	 buf[32];

	snprintf(buf, sizeof(buf), "%lld", value);
	tpl_set(d, key, buf);
}

extern "C" void
tpl_show(struct tpl_dict *d, const char *section)
{
	assert(d != NULL && section != NULL);
	try {
		d->td->ShowSection(key_of(section));
	} catch (...) {
		d->root->failed = true;
	}
}

extern "C" struct tpl_dict *
tpl_section_add(struct tpl_dict *d, const char *section)
{
	assert(d != NULL && section != NULL);
	try {
		return tpl_borrow(d, d->td->AddSectionDictionary(key_of(section)));
	} catch (...) {
		d->root->failed = true;
		return NULL;
	}
}

extern "C" struct tpl_dict *
tpl_include(struct tpl_dict *d, const char *marker, const char *file)
{
	ctemplate::TemplateDictionary	*td;

	assert(d != NULL && marker != NULL && file != NULL);
	try {
		std::string key;
		variant(lang_of(d), file, &key);
		td = d->td->AddIncludeDictionary(key_of(marker));
		td->SetFilename(key);
		return tpl_borrow(d, td);
	} catch (...) {
		d->root->failed = true;
		return NULL;
	}
}

/* Expand file with td into write; false on any failure.  May throw. */
static bool
tpl_expand_with(const char *file, const ctemplate::TemplateDictionary *td,
    tpl_write_fn write, void *ctx)
{
	WriteEmitter	 out(write, ctx);
	bool		 ok;

	ok = ctemplate::mutable_default_template_cache()->ExpandWithData(
	    file, strip_for(file), td, NULL, &out);
	return out.Flush() && ok;
}

extern "C" int
tpl_expand(const char *file, const struct tpl_dict *d,
    tpl_write_fn write, void *ctx)
{
	assert(file != NULL && write != NULL);
	try {
		std::string key;
		if (d != NULL && d->root->failed)
			return -1;
		if (!variant(lang_of(d), file, &key))
			return -1;
		if (d == NULL) {
			ctemplate::TemplateDictionary empty("");
			return tpl_expand_with(key.c_str(), &empty, write, ctx) ? 0 : -1;
		}
		return tpl_expand_with(key.c_str(), d->td, write, ctx) ? 0 : -1;
	} catch (...) {
		return -1;
	}
}

extern "C" int
tpl_has(const char *file)
{
	assert(file != NULL);
	try {
		return tpl_ready && !ctemplate::default_template_cache()->
		    FindTemplateFilename(file).empty();
	} catch (...) {
		return 0;
	}
}

/* tpl_check without the exception barrier. */
static int
tpl_check_file(const char *file, char *err, size_t errlen)
{
	ctemplate::TemplateCache *cache =
	    ctemplate::mutable_default_template_cache();

	if (!tpl_ready) {
		tpl_error(err, errlen, "templates: tpl_init was not called");
		return -1;
	}
	if (cache->FindTemplateFilename(file).empty()) {
		tpl_error(err, errlen, std::string(file) +
		    ": no such template under " +
		    cache->template_root_directory());
		return -1;
	}
	if (!cache->LoadTemplate(file, strip_for(file))) {
		tpl_error(err, errlen, std::string(file) +
		    ": cannot be read or parsed (reason on stderr)");
		return -1;
	}
	/* and its variant in every language: a translation may break it */
	std::vector<std::string> langs = tpl_langs;
	if (langs.empty())
		langs.push_back("en");
	for (size_t i = 0; i < langs.size(); i++) {
		std::string key;
		if (!variant(langs[i], file, &key) ||
		    !cache->LoadTemplate(key, strip_for(key.c_str()))) {
			tpl_error(err, errlen, key + ": cannot be parsed once translated "
			    "(reason on stderr)");
			return -1;
		}
	}
	return 0;
}

extern "C" int
tpl_check(const char *file, char *err, size_t errlen)
{
	assert(file != NULL);
	try {
		return tpl_check_file(file, err, errlen);
	} catch (...) {
		tpl_error(err, errlen, "templates: out of memory");
		return -1;
	}
}

/* Whether name ends in ".tpl" (and has something before it). */
static bool
tpl_is_template(const std::string &name)
{
	static const std::string ext = ".tpl";

	return name.size() > ext.size() &&
	    name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
}

/*
 * Append to files the names, relative to root, of every *.tpl under
 * root + rel (rel is "" or ends in '/'), in name order, skipping hidden
 * entries and not following symbolic links to directories.  Returns
 * false if a directory cannot be read; its name is then in *bad.
 */
static bool
tpl_list(const std::string &root, const std::string &rel,
    std::vector<std::string> &files, std::string *bad)
{
	std::vector<std::string>	 names;
	struct dirent			*e;
	struct stat			 st;
	DIR				*dir;
	bool				 ok = true;

	if ((dir = opendir((root + rel).c_str())) == NULL) {
		*bad = rel.empty() ? root : rel;
		return false;
	}
	while ((e = readdir(dir)) != NULL)
		if (e->d_name[0] != '.')
			names.push_back(e->d_name);
	closedir(dir);
	std::sort(names.begin(), names.end());
	for (size_t i = 0; i < names.size(); i++) {
		std::string path = rel + names[i];
		if (lstat((root + path).c_str(), &st) == -1)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (!tpl_list(root, path + "/", files, bad))
				ok = false;
		} else if (tpl_is_template(names[i]))
			files.push_back(path);
	}
	return ok;
}

/* tpl_check_dir without the exception barrier. */
static int
tpl_check_tree(char *err, size_t errlen)
{
	std::vector<std::string>	 files;
	std::string			 root, bad;
	char				 msg[512];
	int				 broken = 0;

	if (!tpl_ready) {
		tpl_error(err, errlen, "templates: tpl_init was not called");
		return -1;
	}
	root = ctemplate::default_template_cache()->template_root_directory();
	if (!tpl_list(root, "", files, &bad)) {
		if (bad == root) {
			tpl_error(err, errlen, root + ": cannot read directory");
			return -1;
		}
		tpl_error(err, errlen, bad + ": cannot read directory");
		broken++;
	}
	for (size_t i = 0; i < files.size(); i++) {
		if (tpl_check_file(files[i].c_str(), msg, sizeof(msg)) == 0)
			continue;
		if (broken++ == 0)
			tpl_error(err, errlen, msg);
	}
	/* Every variant exists now: expansions need no lock. */
	if (broken == 0)
		preloaded.store(true, std::memory_order_release);
	return broken;
}

extern "C" int
tpl_check_dir(char *err, size_t errlen)
{
	try {
		return tpl_check_tree(err, errlen);
	} catch (...) {
		tpl_error(err, errlen, "templates: out of memory");
		return -1;
	}
}
