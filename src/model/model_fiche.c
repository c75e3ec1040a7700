/* model_fiche.c - reading and validating KPA identity sheets
 * (inputs/fiches/<kpa-id>.xml); see model_fiche.h and docs/fiches.md. */
#include "model_fiche.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "i18n.h"
#include "text.h"
#include "util.h"
#include "xml_read.h"

/* The printable fields. Limits are in characters and were chosen so that a
 * sheet with every field at its limit still fits on one page in the compact
 * variant of layouts/fiche.xml (tests/e2e/fiches.sh checks both sides). */
enum {
	F_ACCUEIL,
	F_PORTEUSE,
	F_JURIDIQUE,
	F_PUBLIC,
	F_CONTRATS,
	F_DUREE,
	F_ACTIVITES,
	F_PARTENAIRES,
	F_CONTACT,
	F_PRESENTATION,
	F__N
};
static const char *const FIELD_NAME[F__N] = {
	"accueil",   "porteuse",    "porteur-juridique", "public",  "contrats",
	"duree-max", "activites",   "partenaires",       "contact", "presentation"};
static const size_t FIELD_LIMIT[F__N] = {90, 90, 90, 110, 200, 20, 220, 260, 160, 900};

#define MAX_ITEMS 8
#define MAX_ITEM_CHARS 50

struct kpa_fiche {
	char *path;
	char *kpa_name;
	char *field[F__N];
	src_loc loc[F__N];
};

/* Elements of a sheet and their attributes (NULL-terminated). */
typedef struct {
	const char *name;
	const char *attrs[4];
} fiche_elem;
static const fiche_elem ELEMS[] = {
	{"fiche", {"kpa", "version"}},
	{"accueil", {NULL}},
	{"porteuse", {NULL}},
	{"porteur-juridique", {NULL}},
	{"public", {"type"}},
	{"contrat", {"type"}},
	{"duree-max", {"mois"}},
	{"activite", {NULL}},
	{"partenaire", {NULL}},
	{"contact", {"courriel", "telephone"}},
	{"presentation", {NULL}},
};
#define N_ELEMS (sizeof ELEMS / sizeof *ELEMS)

static const char *const PUBLIC_CODE[] = {"tous", "jeunes", "priorite-femmes-isolees", "autre"};
static const char *const PUBLIC_LABEL[] = {"Ouvert à toutes et à tous", "Jeunes uniquement",
					   "Priorité aux femmes isolées", NULL};
static const char *const CONTRACT_CODE[] = {"cape", "cesa", "benevolat"};
static const char *const CONTRACT_LABEL[] = {
	"CAPE (contrat d'appui au projet d'entreprise)",
	"CESA (contrat d'entrepreneur salarié associé)", "Bénévolat"};
#define COUNT(a) (sizeof(a) / sizeof *(a))

size_t fiche_utf8_chars(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

char *fiche_file_for(const char *inputs_dir, const char *kpa_id)
{
	char *path = xasprintf("%s/fiches/%s.xml", inputs_dir, kpa_id);
	if (access(path, F_OK) == 0 || errno != ENOENT)
		return path;
	/* A file name with an accent may be stored decomposed (written on a
	 * Mac, unpacked from an archive): look for the same name in any
	 * Unicode spelling. */
	char *dir = xasprintf("%s/fiches", inputs_dir), *want = xasprintf("%s.xml", kpa_id);
	DIR *dh = opendir(dir);
	struct dirent *de;
	while (dh && (de = readdir(dh)))
		if (de->d_name[0] != '.' && text_equal(de->d_name, want)) {
			free(path);
			path = xasprintf("%s/%s", dir, de->d_name);
			break;
		}
	if (dh)
		closedir(dh);
	free(dir);
	free(want);
	return path;
}

const char *const *fiche_field_names(size_t *n)
{
	*n = F__N;
	return FIELD_NAME;
}

static int field_index(const char *name)
{
	for (int i = 0; i < F__N; i++)
		if (!strcmp(FIELD_NAME[i], name))
			return i;
	return -1;
}

bool fiche_is_field(const char *name)
{
	return field_index(name) >= 0;
}

const char *fiche_get(const kpa_fiche *f, const char *field)
{
	int i = field_index(field);
	return f && i >= 0 ? f->field[i] : NULL;
}

const char *fiche_longest_field(const kpa_fiche *f, src_loc *loc, size_t *chars)
{
	int best = -1;
	double ratio = -1;
	for (int i = 0; f && i < F__N; i++) {
		if (!f->field[i])
			continue;
		double r = (double)fiche_utf8_chars(f->field[i]) / (double)FIELD_LIMIT[i];
		if (r > ratio) {
			ratio = r;
			best = i;
		}
	}
	if (best < 0)
		return NULL;
	*loc = f->loc[best];
	*chars = fiche_utf8_chars(f->field[best]);
	return FIELD_NAME[best];
}

/* --- loading ----------------------------------------------------------------------- */

typedef struct {
	diag_sink *d;
	kpa_fiche *f;
	const char *kpa_name;
	int errors;
	strbuf items[F__N];  /* activites, partenaires, contrats: joined */
	int n_items[F__N];
} loader;

static int line_of(const xmlNode *n)
{
	long l = xmlGetLineNo(n);
	return l > 0 && l < INT_MAX ? (int)l : 0;
}

static void err(loader *l, const xmlNode *n, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void err(loader *l, const xmlNode *n, const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vemit(l->d, DIAG_ERROR, SRC_LOC(l->f->path, n ? line_of(n) : 0, 0), field, fmt,
		   ap);
	va_end(ap);
	l->errors++;
}

/* The element's text with runs of white space made one space, trimmed. */
static char *text_of(const xmlNode *n)
{
	xmlChar *raw = xmlNodeGetContent(n);
	strbuf b = {0};
	bool space = true;
	for (const char *p = raw ? (const char *)raw : ""; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space && b.len)
			strbuf_putc(&b, ' ');
		space = false;
		strbuf_putc(&b, *p);
	}
	xmlFree(raw);
	if (!b.data)
		strbuf_puts(&b, "");
	return strbuf_detach(&b);
}

static int code_index(const char *v, const char *const *codes, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		if (!strcmp(v, codes[i]))
			return (int)i;
	return -1;
}

/* Check a field's length against its limit. */
static void check_length(loader *l, const xmlNode *n, int fi, const char *text)
{
	size_t c = fiche_utf8_chars(text);
	if (c > FIELD_LIMIT[fi])
		err(l, n, FIELD_NAME[fi],
		    "%zu characters, at most %zu fit on the one-page sheet of %s: shorten it", c,
		    FIELD_LIMIT[fi], l->kpa_name);
}

static void set_field(loader *l, const xmlNode *n, int fi, char *text)
{
	if (l->f->field[fi]) {
		err(l, n, NULL, "<%s> given twice (first on line %d): keep one", (const char *)n->name,
		    l->f->loc[fi].line);
		free(text);
		return;
	}
	if (!*text) {
		err(l, n, NULL, "<%s> is empty: write its text or leave the element out",
		    (const char *)n->name);
		free(text);
		return;
	}
	check_length(l, n, fi, text);
	l->f->field[fi] = text;
	l->f->loc[fi] = SRC_LOC(l->f->path, line_of(n), 0);
}

static void add_item(loader *l, const xmlNode *n, int fi, const char *text)
{
	if (!l->n_items[fi])
		l->f->loc[fi] = SRC_LOC(l->f->path, line_of(n), 0);
	if (l->n_items[fi] == MAX_ITEMS) {
		err(l, n, NULL, "more than %d <%s> elements: the sheet lists at most %d",
		    MAX_ITEMS, (const char *)n->name, MAX_ITEMS);
		return;
	}
	if (l->n_items[fi]++)
		strbuf_puts(&l->items[fi], fi == F_CONTRATS ? ", " : " · ");
	strbuf_puts(&l->items[fi], text);
}

static void known_attrs(loader *l, const xmlNode *n, const fiche_elem *e)
{
	size_t na = 0;
	while (na < 4 && e->attrs[na])
		na++;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *an = (const char *)a->name;
		if (code_index(an, e->attrs, na) < 0)
			err(l, n, NULL, "unknown attribute \"%s\" of <%s>%s", an, e->name,
			    na ? text_did_you_mean(an, e->attrs, na).s
			       : _(" (it takes no attributes)"));
	}
}

static void element(loader *l, const xmlNode *n)
{
	const char *name = (const char *)n->name;
	const fiche_elem *e = NULL;
	const char *names[N_ELEMS];
	for (size_t i = 0; i < N_ELEMS; i++) {
		names[i] = ELEMS[i].name;
		if (!strcmp(ELEMS[i].name, name))
			e = &ELEMS[i];
	}
	if (!e || e == &ELEMS[0]) {
		err(l, n, NULL, "unknown element <%s>%s", name, text_did_you_mean(name, names + 1, N_ELEMS - 1).s);
		return;
	}
	known_attrs(l, n, e);
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			err(l, c, NULL, "<%s> holds text only, found <%s>", name,
			    (const char *)c->name);
	char *text = text_of(n);
	if (!strcmp(name, "accueil"))
		set_field(l, n, F_ACCUEIL, text);
	else if (!strcmp(name, "porteuse"))
		set_field(l, n, F_PORTEUSE, text);
	else if (!strcmp(name, "porteur-juridique"))
		set_field(l, n, F_JURIDIQUE, text);
	else if (!strcmp(name, "presentation"))
		set_field(l, n, F_PRESENTATION, text);
	else if (!strcmp(name, "public")) {
		char *type = xml_attr_dup(n, "type");
		int t = code_index(type, PUBLIC_CODE, COUNT(PUBLIC_CODE));
		if (t < 0) {
			err(l, n, "type", "expected one of tous, jeunes, priorite-femmes-isolees, autre, "
			    "found \"%s\"%s", type ? type : "",
			    text_did_you_mean(type ? type : "", PUBLIC_CODE, COUNT(PUBLIC_CODE)).s);
			free(text);
		} else if (!PUBLIC_LABEL[t] && !*text) {
			err(l, n, NULL, "<public type=\"autre\"> needs a text saying who the KPA welcomes");
			free(text);
		} else {
			char *full = !PUBLIC_LABEL[t] ? xstrdup(text)
				     : *text	       ? xasprintf("%s, %s", PUBLIC_LABEL[t], text)
						       : xstrdup(PUBLIC_LABEL[t]);
			free(text);
			set_field(l, n, F_PUBLIC, full);
		}
		free(type);
	} else if (!strcmp(name, "contrat")) {
		char *type = xml_attr_dup(n, "type");
		int t = code_index(type, CONTRACT_CODE, COUNT(CONTRACT_CODE));
		if (t < 0)
			err(l, n, "type", "expected one of cape, cesa, benevolat, found \"%s\"%s",
			    type ? type : "",
			    text_did_you_mean(type ? type : "", CONTRACT_CODE, COUNT(CONTRACT_CODE)).s);
		else if (*text)
			err(l, n, NULL, "<contrat> takes no text: write <contrat type=\"%s\"/>", type);
		else
			add_item(l, n, F_CONTRATS, CONTRACT_LABEL[t]);
		free(type);
		free(text);
	} else if (!strcmp(name, "duree-max")) {
		char *v = xml_attr_dup(n, "mois");
		char *end = NULL;
		long mois = v ? strtol(v, &end, 10) : 0;
		if (!v || !*v || *end || mois < 1 || mois > 36) {
			err(l, n, "mois", "expected a maximum path duration in months, from 1 to 36 "
			    "(a CAPE lasts at most 3 years), found \"%s\"", v ? v : "");
		} else {
			char *d = mois % 12 == 0 ? xasprintf("%ld an%s", mois / 12, mois > 12 ? "s" : "")
						 : xasprintf("%ld mois", mois);
			set_field(l, n, F_DUREE, d);
		}
		if (*text)
			err(l, n, NULL, "<duree-max> takes no text: write <duree-max mois=\"24\"/>");
		free(v);
		free(text);
	} else if (!strcmp(name, "activite") || !strcmp(name, "partenaire")) {
		int fi = name[0] == 'a' ? F_ACTIVITES : F_PARTENAIRES;
		size_t c = fiche_utf8_chars(text);
		if (!*text)
			err(l, n, NULL, "<%s> is empty", name);
		else if (c > MAX_ITEM_CHARS)
			err(l, n, FIELD_NAME[fi],
			    "%zu characters, at most %d fit in one entry of the sheet of %s: shorten it",
			    c, MAX_ITEM_CHARS, l->kpa_name);
		else
			add_item(l, n, fi, text);
		free(text);
	} else if (!strcmp(name, "contact")) {
		char *mail = xml_attr_dup(n, "courriel"), *tel = xml_attr_dup(n, "telephone");
		if (mail && (!strchr(mail, '@') || strchr(mail, ' ')))
			err(l, n, "courriel", "expected an e-mail address such as "
			    "contact@example.org, found \"%s\"", mail);
		strbuf b = {0};
		if (*text)
			strbuf_puts(&b, text);
		if (mail && *mail)
			strbuf_printf(&b, "%s%s", b.len ? " · " : "", mail);
		if (tel && *tel) {
			/* A phone number must not break across lines: no-break spaces. */
			strbuf_puts(&b, b.len ? " · " : "");
			for (const char *p = tel; *p; p++)
				if (*p == ' ')
					strbuf_puts(&b, "\xc2\xa0");
				else
					strbuf_putc(&b, *p);
		}
		set_field(l, n, F_CONTACT, b.data ? strbuf_detach(&b) : xstrdup(""));
		free(mail);
		free(tel);
		free(text);
	}
}

kpa_fiche *fiche_load(diag_sink *d, const model *m, size_t kpa, const char *path)
{
	const model_kpa *k = &m->kpas[kpa];
	kpa_fiche *f = xcalloc(1, sizeof *f);
	f->path = xstrdup(path);
	f->kpa_name = xstrdup(k->name);
	loader l = {.d = d, .f = f, .kpa_name = k->name};
	size_t name_chars = fiche_utf8_chars(k->name);
	if (name_chars > FICHE_MAX_NAME) {
		diag_emit(d, DIAG_ERROR, k->loc, "nom",
			  "%zu characters, at most %d fit in the header of an identity sheet: "
			  "shorten the name of KPA %s",
			  name_chars, FICHE_MAX_NAME, k->id);
		l.errors++;
	}
	xmlDoc *x = xml_read_file(d, path, N_("identity sheet"), (size_t)1 << 20);
	if (!x) {
		fiche_destroy(f);
		return NULL;
	}
	xmlNode *root = xmlDocGetRootElement(x);
	if (!root || strcmp((const char *)root->name, "fiche")) {
		err(&l, root, NULL, "expected the root element <fiche>, found <%s>",
		    root ? (const char *)root->name : "");
	} else {
		known_attrs(&l, root, &ELEMS[0]);
		char *id = xml_attr_dup(root, "kpa");
		if (!id)
			err(&l, root, "kpa", "expected the id of the KPA this sheet describes (\"%s\")",
			    k->id);
		else if (strcmp(id, k->id))
			err(&l, root, "kpa", "expected \"%s\" (the file is %s), found \"%s\"", k->id,
			    path, id);
		free(id);
		for (const xmlNode *n = root->children; n; n = n->next) {
			if (n->type == XML_ELEMENT_NODE)
				element(&l, n);
			else if (n->type == XML_TEXT_NODE) {
				char *t = text_of(n);
				if (*t)
					err(&l, n, NULL, "text outside an element: \"%.30s\"", t);
				free(t);
			}
		}
		static const int join[] = {F_CONTRATS, F_ACTIVITES, F_PARTENAIRES};
		for (size_t i = 0; i < COUNT(join); i++) {
			int fi = join[i];
			if (l.n_items[fi]) {
				f->field[fi] = strbuf_detach(&l.items[fi]);
				if (fi != F_CONTRATS && fiche_utf8_chars(f->field[fi]) > FIELD_LIMIT[fi]) {
					diag_emit(d, DIAG_ERROR, f->loc[fi], FIELD_NAME[fi],
						  "%zu characters in all, at most %zu fit on the "
						  "one-page sheet of %s: remove or shorten entries",
						  fiche_utf8_chars(f->field[fi]), FIELD_LIMIT[fi],
						  k->name);
					l.errors++;
				}
			}
		}
		static const struct {
			int fi;
			const char *elem;
		} required[] = {{F_ACCUEIL, "accueil"},   {F_PORTEUSE, "porteuse"},
				{F_JURIDIQUE, "porteur-juridique"}, {F_PUBLIC, "public"},
				{F_CONTRATS, "contrat"},   {F_ACTIVITES, "activite"},
				{F_PRESENTATION, "presentation"}};
		for (size_t i = 0; i < COUNT(required); i++)
			if (!f->field[required[i].fi] && !l.errors)
				err(&l, root, NULL, "missing <%s> (required; see docs/fiches.md)",
				    required[i].elem);
			else if (!f->field[required[i].fi])
				err(&l, root, NULL, "missing <%s>", required[i].elem);
	}
	for (int i = 0; i < F__N; i++)
		strbuf_free(&l.items[i]);
	xmlFreeDoc(x);
	if (l.errors) {
		fiche_destroy(f);
		return NULL;
	}
	return f;
}

void fiche_destroy(kpa_fiche *f)
{
	if (!f)
		return;
	for (int i = 0; i < F__N; i++)
		free(f->field[i]);
	free(f->path);
	free(f->kpa_name);
	free(f);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool fiche_check_folder(diag_sink *d, const model *m, const char *inputs_dir)
{
	char *dir = xasprintf("%s/fiches", inputs_dir);
	DIR *dh = opendir(dir);
	if (!dh) {
		free(dir);
		return false;
	}
	const char **ids = xcalloc(m->n_kpas + 1, sizeof *ids);
	for (size_t i = 0; i < m->n_kpas; i++)
		ids[i] = m->kpas[i].id;
	/* Sorted copy for a binary search per file: n log n for a national
	 * network, where a scan per file costs the square. */
	const char **sorted = xcalloc(m->n_kpas + 1, sizeof *sorted);
	memcpy(sorted, ids, m->n_kpas * sizeof *ids);
	if (m->n_kpas)
		qsort(sorted, m->n_kpas, sizeof *sorted, cmp_str);
	char **stray = NULL;
	size_t n_stray = 0;
	struct dirent *de;
	while ((de = readdir(dh))) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".xml"))
			continue;
		char *raw = xstrndup(de->d_name, len - 4), *id = text_normalize(raw, 0);
		free(raw);
		/* both in normal form C */
		bool known = m->n_kpas &&
			     bsearch(&id, sorted, m->n_kpas, sizeof *sorted, cmp_str) != NULL;
		if (!known) {
			stray = xreallocarray(stray, n_stray + 1, sizeof *stray);
			stray[n_stray++] = id;
		} else
			free(id);
	}
	closedir(dh);
	/* Sorted, so that messages come in the same order on every machine. */
	if (n_stray) /* qsort(NULL, 0) is undefined */
		qsort(stray, n_stray, sizeof *stray, cmp_str);
	for (size_t i = 0; i < n_stray; i++) {
		char *p = xasprintf("%s/%s.xml", dir, stray[i]);
		diag_emit(d, DIAG_WARNING, SRC_LOC(p, 0, 0), NULL,
			  "no KPA \"%s\" in kpa.csv%s: this sheet is not used", stray[i],
			  text_did_you_mean(stray[i], ids, m->n_kpas).s);
		free(p);
		free(stray[i]);
	}
	free(stray);
	free(sorted);
	free(ids);
	free(dir);
	return true;
}
