/* tmpl_load.c - reading layout templates and narrative files safely: libxml2
 * without network, DTDs or entity substitution; element and attribute names
 * checked with "did you mean" suggestions; Relax NG schemas; includes kept
 * inside their folder and free of cycles. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "i18n.h"
#include "tmpl_elems.h"
#include "xml_read.h"

#define MAX_FILE_BYTES (4u << 20)
#define MAX_IMAGE_BYTES (20L << 20) /* 20 MB */
#define MAX_IMAGE_PX 10000

/* ---- loader state ------------------------------------------------------------ */

typedef struct {
	diag_sink *d;
	tmpl *t;
	const tmpl_paths *p;
	char *schema_dir;
	xmlRelaxNGPtr schema[2]; /* [0] layout, [1] narrative; loaded on first use */
	bool schema_failed[2];
	const tmpl_file *stack[32]; /* includes being loaded, for cycles */
	size_t depth;
	int errors;
	const char *cur_path; /* for libxml2's error callback */
} loader;

static void lerr(loader *l, diag_level lv, const char *file, int line, int col,
		 const char *field, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
static void lerr(loader *l, diag_level lv, const char *file, int line, int col,
		 const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vemit(l->d, lv, SRC_LOC(file, line, col), field, fmt, ap);
	va_end(ap);
	if (lv >= DIAG_ERROR)
		l->errors++;
}

/* libxml2 reports parse and validity errors here; they become diagnostics
 * with the file and line (and column, for syntax errors). */
static void on_xml_error(void *ctx, xmlErrorPtr e)
{
	loader *l = ctx;
	l->errors += xml_report_error(l->d, l->cur_path, e);
}

static char *path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	return n && dir[n - 1] == '/' ? xasprintf("%s%s", dir, name)
				      : xasprintf("%s/%s", dir, name);
}

/* A name written in a template must stay inside its folder: relative, no
 * ".." component. Returns an explanation, or NULL when acceptable. */
static const char *bad_relative_name(const char *name)
{
	if (!*name)
		/* TRANSLATORS: this and the next two say what a file name is,
		 * in "\"%s\" is %s: name a file inside ...". */
		return _("an empty file name");
	if (name[0] == '/')
		return _("an absolute path");
	for (const char *p = name; *p;) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return _("a path with \"..\"");
		p += n + (e ? 1 : 0);
	}
	return NULL;
}

/* Symbolic links could still lead outside: compare real paths. */
static bool really_inside(const char *dir, const char *path)
{
	char *rd = realpath(dir, NULL), *rp = realpath(path, NULL);
	size_t n = rd ? strlen(rd) : 0;
	bool ok = rd && rp && !strncmp(rd, rp, n) && rp[n] == '/';
	free(rd);
	free(rp);
	return ok;
}

/* One attribute of an element of the vocabulary: known, and one of its
 * words if it takes only a few. Returns the number of errors. */
static int check_attr(loader *l, const tmpl_file *f, const xmlNode *n, const tmpl_elem *e,
		      const char *an)
{
	const char *name = (const char *)n->name;
	size_t na = tmpl_elem_n_attrs(e);
	const char *const *a = tmpl_elem_attr(e, an);
	if (!a) {
		const char *names[TMPL_MAX_ATTRS];
		for (size_t i = 0; i < na; i++)
			names[i] = e->attrs[i][0];
		lerr(l, DIAG_ERROR, f->path, tmpl_line(n), 0, NULL, "unknown attribute \"%s\" of <%s>%s",
		     an, name, na ? text_did_you_mean(an, names, na).s : _(" (it takes no attributes)"));
		return 1;
	}
	const char *const *words = a + 1;
	size_t nw = tmpl_attr_n_words(a);
	if (nw == 0)
		return 0;
	char *val = xml_attr_dup(n, an);
	bool ok = false;
	for (size_t i = 0; i < nw; i++)
		ok |= !strcmp(words[i], val);
	if (!ok)
		lerr(l, DIAG_ERROR, f->path, tmpl_line(n), 0, an,
		     "expected one of %s%s%s%s%s, found \"%s\"%s", words[0], nw > 1 ? ", " : "",
		     nw > 1 ? words[1] : "", nw > 2 ? ", " : "", nw > 2 ? words[2] : "", val,
		     text_did_you_mean(val, words, nw).s);
	free(val);
	return !ok;
}

/* "unknown element <x>" with the nearest name of the vocabulary; a
 * narrative file lists its few elements when nothing is near. */
static void unknown_element(loader *l, const tmpl_file *f, const xmlNode *n, const tmpl_vocab *v)
{
	size_t nv = tmpl_vocab_count(v);
	const char **names = xcalloc(nv, sizeof *names);
	strbuf known = {0};
	for (size_t i = 0; i < nv; i++) {
		names[i] = tmpl_vocab_at(v, i)->name;
		if (i > 0) /* after the root */
			strbuf_printf(&known, "%s%s", i > 1 ? ", " : "", names[i]);
	}
	const char *name = (const char *)n->name;
	text_hint hint = text_did_you_mean(name, names, nv);
	if (*hint.s || !f->narrative)
		lerr(l, DIAG_ERROR, f->path, tmpl_line(n), 0, NULL, "unknown element <%s>%s", name,
		     hint.s);
	else
		lerr(l, DIAG_ERROR, f->path, tmpl_line(n), 0, NULL,
		     "unknown element <%s> in a narrative file (known: %s)", name, known.data);
	strbuf_free(&known);
	free(names);
}

/* Unknown elements, attributes and attribute words, with suggestions.
 * Returns the number of errors. */
static int check_names(loader *l, const tmpl_file *f, const xmlNode *n)
{
	const tmpl_vocab *v = f->narrative ? &tmpl_narrative_vocab : &tmpl_layout_vocab;
	int errs = 0;
	for (; n; n = n->next) {
		if (n->type == XML_ENTITY_REF_NODE) {
			lerr(l, DIAG_ERROR, f->path, tmpl_line(n), 0, NULL,
			     "entity references such as &%s; are not allowed", (const char *)n->name);
			errs++;
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const tmpl_elem *e = tmpl_vocab_find(v, (const char *)n->name);
		if (!e) {
			unknown_element(l, f, n, v);
			errs++;
			continue; /* its children would only add noise */
		}
		for (const xmlAttr *a = n->properties; a; a = a->next)
			errs += check_attr(l, f, n, e, (const char *)a->name);
		errs += check_names(l, f, n->children);
	}
	return errs;
}

static xmlRelaxNGPtr get_schema(loader *l, bool narrative)
{
	int i = narrative ? 1 : 0;
	if (l->schema[i] || l->schema_failed[i])
		return l->schema[i];
	char *path = path_join(l->schema_dir, narrative ? "recit-narratif.rng" : "recit-layout.rng");
	const char *saved = l->cur_path;
	l->cur_path = path;
	int before = l->errors;
	xmlSetStructuredErrorFunc(l, on_xml_error);
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(path);
	l->schema[i] = pc ? xmlRelaxNGParse(pc) : NULL;
	xmlRelaxNGFreeParserCtxt(pc);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (!l->schema[i]) {
		l->schema_failed[i] = true;
		if (l->errors == before)
			lerr(l, DIAG_FATAL, path, 0, 0, NULL, "cannot read the schema");
		else
			l->errors++;
	}
	l->cur_path = saved;
	free(path);
	return l->schema[i];
}

static tmpl_file *load_file(loader *l, const char *dir, const char *name, bool narrative,
			    const char *from_file, int from_line, const char *attr);

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* <image fichier>: a PNG inside the inputs folder, of sane size. Only the
 * header is read here; the device decodes the file when it draws it. */
static tmpl_image *load_image(loader *l, const char *name, const char *from_file, int line,
			      bool optional)
{
	const char *dir = l->p->inputs_dir ? l->p->inputs_dir : "inputs";
	const char *why = bad_relative_name(name);
	if (why) {
		lerr(l, DIAG_ERROR, from_file, line, 0, "fichier",
		     "\"%s\" is %s: name a file inside the inputs folder (%s/)", name, why, dir);
		return NULL;
	}
	char *path = path_join(dir, name);
	for (size_t i = 0; i < l->t->n_images; i++)
		if (!strcmp(l->t->images[i]->path, path)) {
			free(path);
			return l->t->images[i];
		}
	struct stat st;
	FILE *fp = NULL;
	unsigned char h[24];
	const char *err = NULL;
	if (stat(path, &st) != 0 && optional && errno == ENOENT)
		goto fail; /* facultatif="oui": the passage is left out */
	if (stat(path, &st) != 0) {
		lerr(l, DIAG_ERROR, from_file, line, 0, "fichier", "cannot read the image %s: %s",
		     path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode))
		/* TRANSLATORS: this and the next three say what is wrong with an
		 * image, after "the image %s". */
		err = _("is not a regular file");
	else if (!really_inside(dir, path))
		err = _("leads outside the inputs folder through a symbolic link");
	else if (st.st_size > MAX_IMAGE_BYTES)
		err = _("is larger than 20 MB");
	else if (!(fp = fopen(path, "rb")))
		err = strerror(errno);
	else if (fread(h, 1, sizeof h, fp) != sizeof h ||
		 memcmp(h, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(h + 12, "IHDR", 4) != 0)
		err = _("is not a PNG file (only PNG images are supported)");
	if (fp)
		fclose(fp);
	if (err) {
		/* TRANSLATORS: the second %s says what is wrong ("is larger than
		 * 20 MB"), or is the system's reason. */
		lerr(l, DIAG_ERROR, from_file, line, 0, "fichier", "the image %s %s", path, err);
		goto fail;
	}
	uint32_t w = be32(h + 16), ht = be32(h + 20);
	if (w == 0 || ht == 0 || w > MAX_IMAGE_PX || ht > MAX_IMAGE_PX) {
		lerr(l, DIAG_ERROR, from_file, line, 0, "fichier",
		     "the image %s is %" PRIu32 " x %" PRIu32 " pixels: expected 1 to %d on each side",
		     path, w, ht, MAX_IMAGE_PX);
		goto fail;
	}
	tmpl_image *im = xcalloc(1, sizeof *im);
	im->path = path;
	im->px_w = (int)w;
	im->px_h = (int)ht;
	l->t->images = xreallocarray(l->t->images, l->t->n_images + 1, sizeof *l->t->images);
	l->t->images[l->t->n_images++] = im;
	return im;
fail:
	free(path);
	return NULL;
}

/* Load every file that <inclure> and <texte fichier> name below n. */
static void load_children(loader *l, tmpl_file *f, xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		/* <fiches modele> names the sheet template like an include. */
		bool inc = !strcmp(name, "inclure") || !strcmp(name, "fiches");
		if (!f->narrative && (inc || !strcmp(name, "texte"))) {
			char *target = xml_attr_dup(n, inc ? "modele" : "fichier");
			if (target)
				n->_private = load_file(l, inc ? l->p->layouts_dir : l->p->inputs_dir,
							target, !inc, f->path, tmpl_line(n),
							inc ? "modele" : "fichier");
			free(target);
		}
		if (!f->narrative && !strcmp(name, "couverture")) {
			/* The cover picture is the year folder's, and optional. */
			char *target = xml_attr_dup(n, "image");
			if (target)
				n->_private = load_image(l, target, f->path, tmpl_line(n), true);
			free(target);
		}
		if (!f->narrative && !strcmp(name, "image")) {
			char *target = xml_attr_dup(n, "fichier");
			char *opt = xml_attr_dup(n, "facultatif");
			if (target)
				n->_private = load_image(l, target, f->path, tmpl_line(n),
							 opt && !strcmp(opt, "oui"));
			free(opt);
			free(target);
		}
		load_children(l, f, n->children);
	}
}

/* A word (a run without a breakable space) longer than this, in a
 * narrative, is broken anywhere at the end of a line (Pango's word-char
 * wrapping): it still sets in linear time, but is most likely a pasted URL,
 * a run of dashes or a mistake, so it is a warning (docs/templates.md). */
#define TMPL_LONG_WORD 200

/* Warn about the first word of each text node longer than TMPL_LONG_WORD
 * code points, with its file and line. */
static void warn_long_words(loader *l, const char *path, xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content) {
			size_t run = 0, longest = 0;
			for (const unsigned char *p = n->content; *p; p++) {
				if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
					run = 0;
				else if ((*p & 0xC0) != 0x80 && ++run > longest)
					longest = run;
			}
			if (longest > TMPL_LONG_WORD)
				lerr(l, DIAG_WARNING, path, tmpl_line(n), 0, NULL,
				     "a word of %zu characters, longer than %d: it is broken "
				     "anywhere at the end of a line",
				     longest, TMPL_LONG_WORD);
		}
		warn_long_words(l, path, n->children);
	}
}

static tmpl_file *load_file(loader *l, const char *dir, const char *name, bool narrative,
			    const char *from_file, int from_line, const char *attr)
{
	/* TRANSLATORS: the folder in "name a file inside %s (%s/)" and "%s leads
	 * outside %s (%s/) through a symbolic link". */
	const char *folder = narrative ? _("the inputs folder") : _("the layouts folder");
	const char *why = bad_relative_name(name);
	if (why) {
		lerr(l, DIAG_ERROR, from_file, from_line, 0, attr,
		     "\"%s\" is %s: name a file inside %s (%s/)", name, why, folder, dir);
		return NULL;
	}
	char *path = path_join(dir, name);
	for (size_t i = 0; i < l->depth; i++) {
		if (strcmp(l->stack[i]->path, path))
			continue;
		strbuf chain = {0};
		for (size_t j = i; j < l->depth; j++)
			strbuf_printf(&chain, "%s -> ", l->stack[j]->path);
		strbuf_puts(&chain, path);
		lerr(l, DIAG_ERROR, from_file, from_line, 0, attr, "include cycle: %s", chain.data);
		strbuf_free(&chain);
		free(path);
		return NULL;
	}
	for (size_t i = 0; i < l->t->n_files; i++)
		if (!strcmp(l->t->files[i]->path, path)) {
			free(path);
			return l->t->files[i];
		}
	size_t len = 0;
	char *buf = read_file(path, MAX_FILE_BYTES, &len);
	if (!buf) {
		lerr(l, DIAG_ERROR, from_file, from_line, 0, attr, "cannot read %s: %s", path,
		     read_file_error(errno));
		free(path);
		return NULL;
	}
	if (!really_inside(dir, path)) {
		lerr(l, DIAG_ERROR, from_file, from_line, 0, attr,
		     "%s leads outside %s (%s/) through a symbolic link", path, folder, dir);
		free(buf);
		free(path);
		return NULL;
	}
	tmpl_file *f = xcalloc(1, sizeof *f);
	f->path = path;
	f->narrative = narrative;
	f->bytes = len;
	l->t->files = xreallocarray(l->t->files, l->t->n_files + 1, sizeof *l->t->files);
	l->t->files[l->t->n_files++] = f;

	if (xml_doctype_line(buf, len)) { /* before libxml2 parses any entity */
		lerr(l, DIAG_ERROR, path, 0, 0, NULL,
		     "<!DOCTYPE> declarations are not allowed in templates");
		free(buf);
		return f;
	}
	/* No NOENT (entities stay references and are refused), no DTD loading,
	 * no network. */
	l->cur_path = path;
	xmlSetStructuredErrorFunc(l, on_xml_error);
	f->xml = xmlReadMemory(buf, (int)(len < INT_MAX ? len : INT_MAX), path, "UTF-8",
			       XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA |
				       XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(NULL, NULL);
	free(buf);
	if (!f->xml)
		return f;
	xml_normalize_text(f->xml);
	xml_check_text(l->d, path, f->xml);
	if (f->xml->intSubset) {
		lerr(l, DIAG_ERROR, path, tmpl_line((xmlNode *)f->xml->intSubset), 0, NULL,
		     "<!DOCTYPE> declarations are not allowed in templates");
		return f;
	}
	xmlNode *root = xmlDocGetRootElement(f->xml);
	const char *want = narrative ? "texte" : "modele";
	if (!root || strcmp((const char *)root->name, want)) {
		lerr(l, DIAG_ERROR, path, root ? tmpl_line(root) : 0, 0, NULL,
		     "expected the root element <%s>, found <%s>", want,
		     root ? (const char *)root->name : "");
		return f;
	}
	if (check_names(l, f, root) > 0)
		return f; /* the schema would repeat the same problems, less clearly */
	xmlRelaxNGPtr schema = get_schema(l, narrative);
	if (schema) {
		xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
		l->cur_path = path;
		xmlSetStructuredErrorFunc(l, on_xml_error);
		int rc = xmlRelaxNGValidateDoc(vc, f->xml);
		xmlSetStructuredErrorFunc(NULL, NULL);
		xmlRelaxNGFreeValidCtxt(vc);
		if (rc != 0) {
			if (rc < 0)
				lerr(l, DIAG_ERROR, path, 0, 0, NULL, "could not be validated");
			return f;
		}
	}
	if (narrative)
		warn_long_words(l, path, root);
	if (!narrative) {
		if (l->depth == sizeof l->stack / sizeof *l->stack) {
			lerr(l, DIAG_ERROR, path, 0, 0, NULL, "includes nested too deeply");
			return f;
		}
		l->stack[l->depth++] = f;
		load_children(l, f, root);
		l->depth--;
	}
	return f;
}

tmpl *tmpl_load(diag_sink *d, const tmpl_paths *p)
{
	loader l = {.d = d, .p = p};
	l.t = xcalloc(1, sizeof *l.t);
	l.schema_dir = xstrdup(p->schema_dir ? p->schema_dir : p->layouts_dir);
	l.t->inputs_dir = xstrdup(p->inputs_dir ? p->inputs_dir : "inputs");
	const char *main_name = p->main_template ? p->main_template : "rapport.xml";
	l.t->main = load_file(&l, p->layouts_dir, main_name, false, p->layouts_dir, 0, NULL);
	if (l.t->main && l.t->main->xml)
		l.t->keywords = xml_attr_dup(xmlDocGetRootElement(l.t->main->xml), "mots-cles");
	for (int i = 0; i < 2; i++)
		xmlRelaxNGFree(l.schema[i]);
	free(l.schema_dir);
	if (l.errors > 0 || !l.t->main || !l.t->main->xml) {
		tmpl_destroy(l.t);
		return NULL;
	}
	return l.t;
}

void tmpl_destroy(tmpl *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n_files; i++) {
		xmlFreeDoc(t->files[i]->xml);
		free(t->files[i]->path);
		free(t->files[i]);
	}
	free(t->files);
	for (size_t i = 0; i < t->n_images; i++) {
		free(t->images[i]->path);
		free(t->images[i]);
	}
	free(t->images);
	free(t->keywords);
	free(t->inputs_dir);
	free(t);
}
