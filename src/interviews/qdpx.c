/* qdpx.c - read a REFI-QDA .qdpx (zip + project.qde) safely with libzip and map
 * it onto the interviews model (the command is src/cli/cmd_import_qdpx.c). */
#include "qdpx.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "csv_read.h"
#include "i18n.h"
#include "interview_int.h"
#include "parse_fr.h"
#include "util.h"
#include "text.h"
#include "xml_read.h"
#include "zip_read.h"

/* The kit's cards (annex 1): REFI-QDA has no cards, so an import starts from
 * these, and a "cartes" variable picks among them. */
static const struct {
	const char *id, *label;
	int copies;
} KIT_CARDS[] = {
	{"appris", "J'ai appris…", 1},       {"change", "J'ai changé…", 1},
	{"partage", "J'ai partagé…", 1},     {"rencontre", "J'ai rencontré…", 1},
	{"lien", "J'ai créé un lien…", 1},   {"ameliore", "J'ai amélioré…", 1},
	{"utile", "J'ai été utile…", 1},     {"ressenti", "J'ai ressenti…", 1},
	{"cree", "J'ai créé…", 1},           {"teste", "J'ai testé…", 1},
	{"senti", "Je me suis senti(e)…", 1}, {"aime", "J'ai aimé…", 1},
	{"pas-aime", "Je n'ai pas aimé…", 1}, {"difficile", "J'ai trouvé difficile…", 1},
	{"joker", "JOKER", 3},
};

/* --- the project ------------------------------------------------------------------ */

typedef struct {
	char *guid;
	char *name; /* normalised (csv_normalize_name) */
} var_def;

typedef struct {
	char *var;   /* normalised variable name */
	char *value;
} var_value;

typedef struct {
	diag_sink *d;
	zip_archive *za;
	interviews *iv;
	const char *qde; /* "file.qdpx:project.qde", interned */
	char **code_guids; /* per imported code */
	char **meta_noquote; /* guids of "_Ne pas citer" codes */
	size_t n_noquote;
	var_def *vars;
	size_t n_vars;
	/* Case variables, by source guid. */
	char **case_src;
	var_value *case_vals;
	size_t n_case;
} project;

static bool named(xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* Absent attributes read as "": REFI-QDA leaves many optional. */
static char *prop(xmlNode *n, const char *name)
{
	char *s = xml_attr_dup(n, name);
	return s ? s : xstrdup("");
}

static char *content(xmlNode *n)
{
	xmlChar *v = xmlNodeGetContent(n);
	char *s = xstrdup(v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

static src_loc at(const project *p, xmlNode *n)
{
	return SRC_LOC(p->qde, (int)xmlGetLineNo(n), 0);
}

/* An id from a name: ASCII lower case, accents folded, other characters
 * turned into single hyphens; made unique with -2, -3... */
static char *slug(const char *name, bool (*taken)(const interviews *, const char *),
		  const interviews *iv)
{
	char *f = iv_fold(name);
	strbuf b = {0};
	bool dash = false;
	for (const char *p = f; *p; p++) {
		char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && b.len)
				strbuf_putc(&b, '-');
			strbuf_putc(&b, c);
			dash = false;
		} else if (c == '_' && b.len == 0) {
			/* a leading underscore is dropped */
		} else
			dash = true;
	}
	free(f);
	char *base = strbuf_detach(&b);
	if (!*base) {
		free(base);
		base = xstrdup("x");
	}
	char *id = xstrdup(base);
	for (int k = 2; taken(iv, id); k++) {
		free(id);
		id = xasprintf("%s-%d", base, k);
	}
	free(base);
	return id;
}

static bool code_taken(const interviews *iv, const char *id) { return interviews_find_code(iv, id) >= 0; }
static bool item_taken(const interviews *iv, const char *id) { return interviews_find(iv, id) >= 0; }

static bool is_meta_name(const char *name) { return name[0] == '_'; }

static bool is_noquote_name(const char *name)
{
	char buf[128];
	if (strlen(name) >= sizeof buf)
		return false;
	csv_normalize_name(name, buf, sizeof buf);
	return strcmp(buf, "ne_pas_citer") == 0;
}

static void read_codes(project *p, xmlNode *parent_el, int parent, int depth, bool meta)
{
	for (xmlNode *n = parent_el->children; n; n = n->next) {
		if (!named(n, "Code"))
			continue;
		char *guid = prop(n, "guid");
		char *name = prop(n, "name");
		bool is_meta = meta || is_meta_name(name);
		if (is_meta) {
			if (is_noquote_name(name)) {
				p->meta_noquote = xreallocarray(p->meta_noquote, p->n_noquote + 1,
								sizeof *p->meta_noquote);
				p->meta_noquote[p->n_noquote++] = xstrdup(guid);
			}
			read_codes(p, n, parent, depth, true);
			free(guid);
			free(name);
			continue;
		}
		size_t idx = p->iv->n_codes;
		char *id = slug(name, code_taken, p->iv);
		iv_code *c = iv_add_code(p->iv);
		c->id = id;
		c->label = name;
		c->description = xstrdup("");
		c->parent = parent;
		c->depth = depth;
		c->loc = at(p, n);
		p->code_guids = xreallocarray(p->code_guids, idx + 1, sizeof *p->code_guids);
		p->code_guids[idx] = guid;
		for (xmlNode *k = n->children; k; k = k->next)
			if (named(k, "Description")) {
				free(p->iv->codes[idx].description);
				p->iv->codes[idx].description = content(k);
			}
		read_codes(p, n, (int)idx, depth + 1, false);
	}
}

static int code_by_guid(const project *p, const char *guid)
{
	for (size_t i = 0; i < p->iv->n_codes; i++)
		if (strcmp(p->code_guids[i], guid) == 0)
			return (int)i;
	return -1;
}

static bool noquote_guid(const project *p, const char *guid)
{
	for (size_t i = 0; i < p->n_noquote; i++)
		if (strcmp(p->meta_noquote[i], guid) == 0)
			return true;
	return false;
}

static const char *var_name(const project *p, const char *guid)
{
	for (size_t i = 0; i < p->n_vars; i++)
		if (strcmp(p->vars[i].guid, guid) == 0)
			return p->vars[i].name;
	return NULL;
}

/* A VariableValue element: (normalised variable name, value as text). */
static bool read_value(const project *p, xmlNode *vv, var_value *out)
{
	const char *name = NULL;
	char *value = NULL;
	for (xmlNode *k = vv->children; k; k = k->next) {
		if (named(k, "VariableRef")) {
			char *g = prop(k, "targetGUID");
			name = var_name(p, g);
			free(g);
		} else if (k->type == XML_ELEMENT_NODE && !value)
			value = content(k);
	}
	if (!name || !value) {
		free(value);
		return false;
	}
	out->var = xstrdup(name);
	out->value = value;
	return true;
}

static void read_variables(project *p, xmlNode *vars)
{
	for (xmlNode *n = vars->children; n; n = n->next) {
		if (!named(n, "Variable"))
			continue;
		char *name = prop(n, "name");
		char *norm = xmalloc(strlen(name) + 1);
		csv_normalize_name(name, norm, strlen(name) + 1);
		free(name);
		p->vars = xreallocarray(p->vars, p->n_vars + 1, sizeof *p->vars);
		p->vars[p->n_vars++] = (var_def){prop(n, "guid"), norm};
	}
}

static void read_cases(project *p, xmlNode *cases)
{
	for (xmlNode *c = cases->children; c; c = c->next) {
		if (!named(c, "Case"))
			continue;
		for (xmlNode *s = c->children; s; s = s->next) {
			if (!named(s, "SourceRef"))
				continue;
			char *src = prop(s, "targetGUID");
			for (xmlNode *v = c->children; v; v = v->next) {
				var_value val;
				if (!named(v, "VariableValue") || !read_value(p, v, &val))
					continue;
				p->case_src = xreallocarray(p->case_src, p->n_case + 1, sizeof *p->case_src);
				p->case_vals = xreallocarray(p->case_vals, p->n_case + 1, sizeof *p->case_vals);
				p->case_src[p->n_case] = xstrdup(src);
				p->case_vals[p->n_case++] = val;
			}
			free(src);
		}
	}
}

/* Variable names Récit understands, per attribute, as csv_normalize_name
 * writes them (lower case, no accents, words joined by '_'). */
enum { V_KPA, V_GENRE, V_AGE, V_MONTHS, V_DATE, V_PSEUDO, V_LIEU, V_ENQ, V_MODAL, V_DUREE,
       V_RESSENTI, V_CARTES, V_CONSENT, V__N };
static const char *const VAR_ALIASES[V__N][4] = {
	[V_KPA] = {"kpa", "cooperative", "coop", NULL},
	[V_GENRE] = {"genre", "sexe", "gender", NULL},
	[V_AGE] = {"age", "tranche_age", NULL, NULL},
	[V_MONTHS] = {"anciennete_mois", "anciennete", NULL, NULL},
	[V_DATE] = {"date", "date_entretien", NULL, NULL},
	[V_PSEUDO] = {"pseudonyme", "pseudo", NULL, NULL},
	[V_LIEU] = {"lieu", NULL, NULL, NULL},
	[V_ENQ] = {"enqueteur", "enqueteur_rice", "enquetrice", NULL},
	[V_MODAL] = {"modalites", "modalite", NULL, NULL},
	[V_DUREE] = {"duree_min", "duree", NULL, NULL},
	[V_RESSENTI] = {"ressenti", NULL, NULL, NULL},
	[V_CARTES] = {"cartes", NULL, NULL, NULL},
	[V_CONSENT] = {"consentement", "consentement_citation", "consent_citation", NULL},
};

static int var_slot(const char *norm)
{
	for (int v = 0; v < V__N; v++)
		for (int k = 0; k < 4 && VAR_ALIASES[v][k]; k++)
			if (strcmp(norm, VAR_ALIASES[v][k]) == 0)
				return v;
	return -1;
}

/* Byte offset of code point cp in s (len bytes), or (size_t)-1. */
static size_t cp_to_byte(const char *s, size_t len, long long cp)
{
	long long n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (n == cp)
				return i;
			n++;
		}
	return n == cp ? len : (size_t)-1;
}

static char *source_text(project *p, xmlNode *src, size_t *len)
{
	for (xmlNode *k = src->children; k; k = k->next)
		if (named(k, "PlainTextContent")) {
			char *t = content(k);
			*len = strlen(t);
			return t;
		}
	char *path = prop(src, "plainTextPath");
	char *text = NULL;
	const char *pre = "internal://";
	if (strncmp(path, pre, strlen(pre)) == 0) {
		const char *file = path + strlen(pre);
		/* QualCoder writes "sources/", NVivo "Sources/". */
		const char *dirs[] = {"sources/", "Sources/"};
		for (int i = 0; i < 2 && !text; i++) {
			char *name = xasprintf("%s%s", dirs[i], file);
			long idx = zip_archive_find(p->za, name);
			if (idx >= 0)
				text = zip_archive_read(p->za, (size_t)idx, len);
			free(name);
		}
	}
	if (!text)
		diag_emit(p->d, DIAG_ERROR, at(p, src), "plainTextPath",
			  "expected the text of the source in PlainTextContent or in sources/ "
			  "(internal://…), found \"%s\"",
			  path);
	free(path);
	if (text && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
	    (unsigned char)text[2] == 0xBF) {
		memmove(text, text + 3, *len - 3 + 1);
		*len -= 3;
	}
	return text;
}

/* Collapse whitespace like the loader does, so a round trip is stable. */
static char *collapse(const char *s, size_t n)
{
	strbuf b = {0};
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			strbuf_putc(&b, ' ');
		space = false;
		strbuf_putc(&b, c);
	}
	/* Offsets are counted in the source as written; the quote itself is
	 * kept in normal form C, like every text Récit reads (xml_read). */
	char *raw = strbuf_detach(&b), *nfc = text_normalize(raw, 0);
	free(raw);
	return nfc;
}

static void apply_var(project *p, xmlNode *src, iv_interview *it, unsigned *miss, int slot,
		      const char *value, int *consent)
{
	diag_sink *d = p->d;
	switch (slot) {
	case V_KPA:
		free(it->kpa_id);
		free(it->kpa_name);
		it->kpa_id = xstrdup(value);
		it->kpa_name = xstrdup(value);
		break;
	case V_GENRE: {
		int s = model_enum_parse(ENUM_SEX, value);
		if (s < 0)
			diag_emit(d, DIAG_WARNING, at(p, src), "genre",
				  "expected F or H, found \"%s\": left empty", value);
		else {
			it->gender = (model_sex)s;
			*miss &= ~(unsigned)IV_MISSING_GENRE;
		}
		break;
	}
	case V_AGE: {
		long long y = 0;
		int band = -1;
		if (parse_integer(value, &y) == PARSE_OK && y >= 16 && y <= 99) {
			it->age_years = (int)y;
			band = y <= 24 ? AGE_16_24 : y <= 39 ? AGE_25_39 : y <= 54 ? AGE_40_54 : AGE_55_PLUS;
		} else
			band = model_enum_parse(ENUM_AGE, value);
		if (band < 0)
			diag_emit(d, DIAG_WARNING, at(p, src), "age",
				  "expected an age or an age band, found \"%s\": left empty", value);
		else {
			it->age_band = (model_age)band;
			*miss &= ~(unsigned)IV_MISSING_AGE;
		}
		break;
	}
	case V_MONTHS: {
		/* QualCoder re-exports integers as floats: "18.0". */
		long long m = 0;
		char *v = xstrdup(value), *dot = strchr(v, '.');
		if (dot && strspn(dot + 1, "0") == strlen(dot + 1))
			*dot = '\0';
		if (parse_integer(v, &m) == PARSE_OK && m >= 0 && m <= 120) {
			it->months_in_kpa = (int)m;
			*miss &= ~(unsigned)IV_MISSING_MONTHS;
		} else
			diag_emit(d, DIAG_WARNING, at(p, src), "anciennete_mois",
				  "expected months from 0 to 120, found \"%s\": left empty", value);
		free(v);
		break;
	}
	case V_DATE: {
		char buf[11] = "";
		snprintf(buf, sizeof buf, "%s", value);
		if (parse_date(buf, &it->date) == PARSE_OK)
			*miss &= ~(unsigned)IV_MISSING_DATE;
		break;
	}
	case V_PSEUDO: free(it->pseudonym); it->pseudonym = xstrdup(value); break;
	case V_LIEU: free(it->place); it->place = xstrdup(value); break;
	case V_MODAL: free(it->modalities); it->modalities = xstrdup(value); break;
	case V_RESSENTI: free(it->experience); it->experience = xstrdup(value); break;
	case V_ENQ: {
		char buf[64];
		snprintf(buf, sizeof buf, "%s", value);
		csv_normalize_name(value, buf, sizeof buf);
		if (strncmp(buf, "cooperant", 9) == 0)
			it->interviewer = IV_BY_COOPERANT;
		else if (strncmp(buf, "binome", 6) == 0)
			it->interviewer = IV_BY_BINOME;
		else
			it->interviewer = IV_BY_ACCOMPAGNANT;
		break;
	}
	case V_DUREE: {
		long long m = 0;
		if (parse_integer(value, &m) == PARSE_OK && m > 0 && m <= 600)
			it->duration_min = (int)m;
		break;
	}
	case V_CARTES: {
		char *v = xstrdup(value), *save = NULL;
		for (char *t = strtok_r(v, " ,;", &save); t; t = strtok_r(NULL, " ,;", &save)) {
			int k = interviews_find_card(p->iv, t);
			if (k < 0) {
				diag_emit(d, DIAG_WARNING, at(p, src), "cartes",
					  "expected card ids of the kit, found \"%s\": ignored", t);
				continue;
			}
			it->cards = xreallocarray(it->cards, it->n_cards + 1, sizeof *it->cards);
			it->cards[it->n_cards++] = (size_t)k;
		}
		free(v);
		break;
	}
	case V_CONSENT: {
		bool yes = false;
		if (parse_yes_no(value, &yes) == PARSE_OK)
			*consent = yes;
		break;
	}
	}
}

static void read_source(project *p, xmlNode *src)
{
	diag_sink *d = p->d;
	char *guid = prop(src, "guid");
	char *name = prop(src, "name");
	size_t len = 0;
	char *text = source_text(p, src, &len);
	if (!text) {
		free(guid);
		free(name);
		return;
	}
	size_t item = p->iv->n_items;
	char *id = slug(name[0] ? name : guid, item_taken, p->iv);
	iv_interview *it = iv_add_interview(p->iv);
	it->id = id;
	it->loc = at(p, src);
	it->kpa_id = xstrdup("");
	it->kpa_name = xstrdup("");
	it->pseudonym = xstrdup("");
	it->place = xstrdup("");
	it->modalities = xstrdup("");
	it->experience = xstrdup("");
	p->iv->missing = xreallocarray(p->iv->missing, item + 1, sizeof *p->iv->missing);
	unsigned miss = IV_MISSING_GENRE | IV_MISSING_AGE | IV_MISSING_MONTHS | IV_MISSING_DATE;
	int consent = -1;
	/* Case variables first, then the source's own (file variables win). */
	for (size_t i = 0; i < p->n_case; i++)
		if (strcmp(p->case_src[i], guid) == 0)
			apply_var(p, src, &p->iv->items[item], &miss, var_slot(p->case_vals[i].var),
				  p->case_vals[i].value, &consent);
	for (xmlNode *k = src->children; k; k = k->next) {
		var_value v;
		if (named(k, "VariableValue") && read_value(p, k, &v)) {
			apply_var(p, src, &p->iv->items[item], &miss, var_slot(v.var), v.value, &consent);
			free(v.var);
			free(v.value);
		}
	}
	it = &p->iv->items[item];
	if (miss & IV_MISSING_DATE) {
		char *created = prop(src, "creationDateTime");
		char buf[11] = "";
		snprintf(buf, sizeof buf, "%s", created);
		if (parse_date(buf, &it->date) == PARSE_OK)
			miss &= ~(unsigned)IV_MISSING_DATE;
		free(created);
	}
	if (!it->kpa_id[0])
		diag_emit(d, DIAG_WARNING, it->loc, "kpa",
			  "source \"%s\" has no kpa variable: fill in kpa= for interview %s", name, id);
	if (consent < 0)
		diag_emit(d, DIAG_WARNING, it->loc, "consentement",
			  "source \"%s\" has no consentement variable: its excerpts are imported with "
			  "consentement=\"non\"; set \"oui\" only after checking the signed form",
			  name);
	p->iv->missing[item] = miss;
	size_t k_ex = 0;
	for (xmlNode *s = src->children; s; s = s->next) {
		if (!named(s, "PlainTextSelection"))
			continue;
		char *a = prop(s, "startPosition"), *b = prop(s, "endPosition");
		long long st = -1, en = -1;
		parse_integer(a, &st);
		parse_integer(b, &en);
		size_t b0 = st >= 0 ? cp_to_byte(text, len, st) : (size_t)-1;
		size_t b1 = en >= 0 ? cp_to_byte(text, len, en) : (size_t)-1;
		if (b0 == (size_t)-1 || b1 == (size_t)-1 || b1 <= b0) {
			diag_emit(d, DIAG_ERROR, at(p, s), "startPosition",
				  "expected 0 <= startPosition < endPosition <= %zu (characters of "
				  "source \"%s\"), found %s and %s",
				  iv_utf8_len(text), name, a, b);
			free(a);
			free(b);
			continue;
		}
		free(a);
		free(b);
		/* QualCoder writes one selection per coding: merge identical spans. */
		iv_excerpt *e = NULL;
		char *quote = collapse(text + b0, b1 - b0);
		for (size_t x = it->first_excerpt; x < p->iv->n_excerpts; x++)
			if (strcmp(p->iv->texts[x], quote) == 0)
				e = &p->iv->excerpts[x];
		if (e)
			free(quote);
		else {
			e = iv_add_excerpt(p->iv, quote);
			e->id = xasprintf("%s-%zu", id, ++k_ex);
			e->interview = item;
			e->loc = at(p, s);
			e->consent = consent > 0;
			p->iv->items[item].n_excerpts++;
		}
		for (xmlNode *c = s->children; c; c = c->next) {
			if (!named(c, "Coding"))
				continue;
			for (xmlNode *r = c->children; r; r = r->next) {
				if (!named(r, "CodeRef"))
					continue;
				char *g = prop(r, "targetGUID");
				int code = code_by_guid(p, g);
				if (noquote_guid(p, g))
					e->consent = false;
				else if (code < 0)
					diag_emit(d, DIAG_WARNING, at(p, r), "targetGUID",
						  "expected the guid of a code of the codebook, found "
						  "\"%s\": coding ignored",
						  g);
				else {
					bool dup = false;
					for (size_t k = 0; k < e->n_codes; k++)
						dup |= e->codes[k] == (size_t)code;
					if (!dup) {
						e->codes = xreallocarray(e->codes, e->n_codes + 1,
									 sizeof *e->codes);
						e->codes[e->n_codes++] = (size_t)code;
					}
				}
				free(g);
			}
		}
	}
	for (size_t x = p->iv->items[item].first_excerpt; x < p->iv->n_excerpts; x++)
		if (p->iv->excerpts[x].n_codes == 0)
			diag_emit(d, DIAG_WARNING, p->iv->excerpts[x].loc, NULL,
				  "selection %s carries no effect code: add codes= before using it",
				  p->iv->excerpts[x].id);
	free(text);
	free(guid);
	free(name);
}

static void project_free(project *p)
{
	for (size_t i = 0; i < p->iv->n_codes && p->code_guids; i++)
		free(p->code_guids[i]);
	free(p->code_guids);
	for (size_t i = 0; i < p->n_noquote; i++)
		free(p->meta_noquote[i]);
	free(p->meta_noquote);
	for (size_t i = 0; i < p->n_vars; i++) {
		free(p->vars[i].guid);
		free(p->vars[i].name);
	}
	free(p->vars);
	for (size_t i = 0; i < p->n_case; i++) {
		free(p->case_src[i]);
		free(p->case_vals[i].var);
		free(p->case_vals[i].value);
	}
	free(p->case_src);
	free(p->case_vals);
}

/* project.qde at the root, else the only *.qde there (ATLAS.ti names it
 * after the project). */
static long find_qde(const zip_archive *za)
{
	long qde = zip_archive_find(za, "project.qde");
	for (size_t i = 0; qde < 0 && i < zip_archive_count(za); i++) {
		const char *nm = zip_archive_name(za, i);
		size_t l = strlen(nm);
		if (l > 4 && !strchr(nm, '/') && strcmp(nm + l - 4, ".qde") == 0)
			qde = (long)i;
	}
	return qde;
}

interviews *qdpx_read(diag_sink *d, const char *path, const zip_limits *lim)
{
	zip_archive *za =
		zip_archive_open(d, path, _("a REFI-QDA project (.qdpx, a zip archive)"), lim);
	if (!za)
		return NULL;
	long qde = find_qde(za);
	if (qde < 0) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(path, 0, 0), NULL,
			  "expected project.qde at the root of the archive, found none");
		zip_archive_close(za);
		return NULL;
	}
	size_t len = 0;
	char *xml = zip_archive_read(za, (size_t)qde, &len);
	if (!xml) {
		zip_archive_close(za);
		return NULL;
	}
	interviews *iv = iv_new();
	char *qname = xasprintf("%s:%s", path, zip_archive_name(za, (size_t)qde));
	project p = {d, za, iv, iv_intern_path(iv, qname), NULL, NULL, 0, NULL, 0, NULL, NULL, 0};
	free(qname);
	xmlDoc *x = xml_read_memory(d, p.qde, xml, len, zip_archive_limits(za)->max_entry_bytes);
	free(xml);
	if (!x) {
		zip_archive_close(za);
		interviews_destroy(iv);
		return NULL;
	}
	xmlNode *root = xmlDocGetRootElement(x);
	if (!named(root, "Project") || !root->ns ||
	    strcmp((const char *)root->ns->href, "urn:QDA-XML:project:1.0") != 0) {
		diag_emit(d, DIAG_ERROR, at(&p, root), NULL,
			  "expected the root element <Project xmlns=\"urn:QDA-XML:project:1.0\">, "
			  "found <%s>",
			  (const char *)root->name);
		xmlFreeDoc(x);
		zip_archive_close(za);
		interviews_destroy(iv);
		return NULL;
	}
	for (size_t i = 0; i < sizeof KIT_CARDS / sizeof KIT_CARDS[0]; i++) {
		iv_card *c = iv_add_card(iv);
		c->id = xstrdup(KIT_CARDS[i].id);
		c->label = xstrdup(KIT_CARDS[i].label);
		c->copies = KIT_CARDS[i].copies;
	}
	for (xmlNode *n = root->children; n; n = n->next) {
		if (named(n, "CodeBook"))
			for (xmlNode *k = n->children; k; k = k->next)
				if (named(k, "Codes"))
					read_codes(&p, k, -1, 0, false);
		if (named(n, "Variables"))
			read_variables(&p, n);
	}
	for (xmlNode *n = root->children; n; n = n->next)
		if (named(n, "Cases"))
			read_cases(&p, n);
	for (xmlNode *n = root->children; n; n = n->next) {
		if (!named(n, "Sources"))
			continue;
		for (xmlNode *k = n->children; k; k = k->next) {
			if (named(k, "TextSource"))
				read_source(&p, k);
			else if (k->type == XML_ELEMENT_NODE)
				diag_emit(d, DIAG_WARNING, at(&p, k), NULL,
					  "<%s> is not a text source: ignored", (const char *)k->name);
		}
	}
	if (iv->n_codes == 0)
		diag_emit(d, DIAG_ERROR, SRC_LOC(p.qde, 0, 0), NULL,
			  "expected a codebook (CodeBook/Codes/Code), found no code");
	project_free(&p);
	xmlFreeDoc(x);
	zip_archive_close(za);
	return iv;
}
