/* interview_load.c - the loader of inputs/entretiens/grille.xml (codes and
 * cards) and entretiens.xml (interviews and their coded excerpts), with
 * located messages and suggestions. */
#include <stdlib.h>
#include <string.h>


#include "csv_read.h"
#include "i18n.h"
#include "interview_int.h"
#include "parse_fr.h"
#include "text.h"
#include "util.h"
#include "xml_read.h"

/* --- loading: XML helpers ----------------------------------------------------------- */

typedef struct {
	diag_sink *d;
	interviews *iv;
	const model *m;
	const char *file;
	/* false when grille.xml could not be read: codes and cards are then
	 * not checked, rather than reporting every one as unknown. */
	bool grid_ok;
} loadctx;

static src_loc node_loc(const loadctx *c, xmlNode *n)
{
	return SRC_LOC(c->file, (int)xmlGetLineNo(n), 0);
}

/* Trimmed text content of an element (whitespace at both ends removed, inner
 * runs of whitespace and line breaks made single spaces: excerpts are
 * wrapped freely in the file). */
static char *text_of(xmlNode *n)
{
	xmlChar *v = xmlNodeGetContent(n);
	strbuf b = {0};
	bool space = false;
	for (const char *p = v ? (const char *)v : ""; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			strbuf_putc(&b, ' ');
		space = false;
		strbuf_putc(&b, *p);
	}
	xmlFree(v);
	return strbuf_detach(&b);
}

static bool is_element(xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* Unknown attributes are warnings: a misspelt one would otherwise be ignored. */
static void check_attrs(const loadctx *c, xmlNode *n, const char *const *known)
{
	for (xmlAttr *a = n->properties; a; a = a->next) {
		bool found = false;
		for (const char *const *k = known; *k; k++)
			found |= strcmp((const char *)a->name, *k) == 0;
		if (found)
			continue;
		strbuf list = {0};
		for (const char *const *k = known; *k; k++)
			strbuf_printf(&list, "%s%s", k == known ? "" : ", ", *k);
		diag_emit(c->d, DIAG_WARNING, node_loc(c, n), (const char *)a->name,
			  "unknown attribute of <%s>, ignored (known: %s)", (const char *)n->name,
			  list.data ? list.data : "");
		strbuf_free(&list);
	}
}

static void unknown_element(const loadctx *c, xmlNode *n, const char *parent, const char *known)
{
	diag_emit(c->d, DIAG_WARNING, node_loc(c, n), NULL,
		  "unknown element <%s> in <%s>, ignored (known: %s)", (const char *)n->name,
		  parent, known);
}

/* A required attribute: reported when absent or empty. expected: an
 * English message id (N_), translated here. */
static char *need_attr(const loadctx *c, xmlNode *n, const char *name, const char *expected)
{
	char *v = xml_attr_dup(n, name);
	if (!v || !*v) {
		if (v)
			diag_emit(c->d, DIAG_ERROR, node_loc(c, n), name,
				  "expected %s on <%s>, found an empty value", _(expected),
				  (const char *)n->name);
		else
			diag_emit(c->d, DIAG_ERROR, node_loc(c, n), name,
				  "expected %s on <%s>, found nothing", _(expected),
				  (const char *)n->name);
		free(v);
		return NULL;
	}
	return v;
}

/* Ids are what other files and messages refer to: letters, digits, '-', '_',
 * '.', starting with a letter or digit. */
static bool valid_id(const char *s)
{
	if (!*s)
		return false;
	for (const char *p = s; *p; p++) {
		bool ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			  (*p >= '0' && *p <= '9') || ((*p == '-' || *p == '_' || *p == '.') && p != s);
		if (!ok)
			return false;
	}
	return true;
}

static char *need_id(const loadctx *c, xmlNode *n)
{
	char *v = need_attr(c, n, "id", N_("an id (letters, digits, - _ .)"));
	if (v && !valid_id(v)) {
		diag_emit(c->d, DIAG_ERROR, node_loc(c, n), "id",
			  "expected an id made of letters, digits, '-', '_' or '.', found \"%s\"", v);
	}
	return v ? v : xstrdup("");
}

/* "(did you mean "x"?)" for the nearest candidate within a small distance. */
static void nearest_hint(strbuf *out, const char *found, const char *const *cands, size_t n)
{
	strbuf_puts(out, text_did_you_mean(found, cands, n).s);
}

static void code_hint(const loadctx *c, strbuf *out, const char *found)
{
	const char **ids = xcalloc(c->iv->n_codes + 1, sizeof *ids);
	for (size_t i = 0; i < c->iv->n_codes; i++)
		ids[i] = c->iv->codes[i].id;
	nearest_hint(out, found, ids, c->iv->n_codes);
	free(ids);
}

static void card_hint(const loadctx *c, strbuf *out, const char *found)
{
	const char **ids = xcalloc(c->iv->n_cards + 1, sizeof *ids);
	for (size_t i = 0; i < c->iv->n_cards; i++)
		ids[i] = c->iv->cards[i].id;
	nearest_hint(out, found, ids, c->iv->n_cards);
	free(ids);
}

/* --- grille.xml --------------------------------------------------------------------- */

static void load_code(loadctx *c, xmlNode *n, int parent, int depth)
{
	static const char *const known[] = {"id", "libelle", NULL};
	check_attrs(c, n, known);
	size_t idx = c->iv->n_codes;
	char *id = need_id(c, n);
	char *label = need_attr(c, n, "libelle", N_("a French label"));
	int dup = id[0] ? interviews_find_code(c->iv, id) : -1;
	if (dup >= 0)
		diag_emit(c->d, DIAG_ERROR, node_loc(c, n), "id",
			  "duplicate code id \"%s\" (first on line %d)", id, c->iv->codes[dup].loc.line);
	iv_code *code = iv_add_code(c->iv);
	code->id = id;
	code->label = label ? label : xstrdup(id);
	code->description = xstrdup("");
	code->parent = parent;
	code->depth = depth;
	code->loc = node_loc(c, n);
	for (xmlNode *k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (is_element(k, "code"))
			load_code(c, k, (int)idx, depth + 1);
		else if (is_element(k, "description")) {
			free(c->iv->codes[idx].description);
			c->iv->codes[idx].description = text_of(k);
		} else
			unknown_element(c, k, "code", "description, code");
	}
}

static void load_cards(loadctx *c, xmlNode *n)
{
	for (xmlNode *k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (!is_element(k, "carte")) {
			unknown_element(c, k, "cartes", "carte");
			continue;
		}
		static const char *const known[] = {"id", "libelle", "exemplaires", NULL};
		check_attrs(c, k, known);
		char *id = need_id(c, k);
		int dup = id[0] ? interviews_find_card(c->iv, id) : -1;
		if (dup >= 0)
			diag_emit(c->d, DIAG_ERROR, node_loc(c, k), "id",
				  "duplicate card id \"%s\" (first on line %d)", id,
				  c->iv->cards[dup].loc.line);
		char *label = need_attr(c, k, "libelle", N_("the card's text, such as J'ai appris…"));
		iv_card *card = iv_add_card(c->iv);
		card->id = id;
		card->label = label ? label : xstrdup(id);
		card->loc = node_loc(c, k);
		char *copies = xml_attr_dup(k, "exemplaires");
		long long v = 1;
		if (copies && (parse_integer(copies, &v) != PARSE_OK || v < 1 || v > 20)) {
			diag_emit(c->d, DIAG_ERROR, node_loc(c, k), "exemplaires",
				  "expected a number of copies from 1 to 20, found \"%s\"", copies);
			v = 1;
		}
		card->copies = (int)v;
		free(copies);
	}
}

static void load_grid(loadctx *c, const char *folder)
{
	char *path = xasprintf("%s/grille.xml", folder);
	c->file = iv_intern_path(c->iv, path);
	free(path);
	/* TRANSLATORS: completes "cannot read the %s"; with the article your
	 * language needs. */
	xmlDoc *x = xml_read_file(c->d, c->file, N_("codebook"), 0);
	if (!x)
		return;
	xmlNode *root = xmlDocGetRootElement(x);
	if (strcmp((const char *)root->name, "grille") != 0) {
		diag_emit(c->d, DIAG_ERROR, node_loc(c, root), NULL,
			  "expected the root element <grille>, found <%s>", (const char *)root->name);
		xmlFreeDoc(x);
		return;
	}
	static const char *const known[] = {"version", NULL};
	check_attrs(c, root, known);
	for (xmlNode *n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_element(n, "codes")) {
			for (xmlNode *k = n->children; k; k = k->next) {
				if (is_element(k, "code"))
					load_code(c, k, -1, 0);
				else if (k->type == XML_ELEMENT_NODE)
					unknown_element(c, k, "codes", "code");
			}
		} else if (is_element(n, "cartes"))
			load_cards(c, n);
		else
			unknown_element(c, n, "grille", "codes, cartes");
	}
	if (c->iv->n_codes == 0)
		diag_emit(c->d, DIAG_ERROR, SRC_LOC(c->file, 0, 0), NULL,
			  "expected at least one <code> in <codes>, found none");
	xmlFreeDoc(x);
}

/* --- entretiens.xml ----------------------------------------------------------------- */

static int parse_interviewer(const char *s)
{
	char buf[64];
	if (strlen(s) >= sizeof buf)
		return -1;
	csv_normalize_name(s, buf, sizeof buf);
	static const char *const alias[][4] = {
		{"accompagnant", "accompagnante", "accompagnantes", "contributeur"},
		{"cooperant", "cooperante", "cooperantes", "pair"},
		{"binome", "cooperant_accompagnant", "cooperante_accompagnante", "duo"},
	};
	for (int w = 0; w < IV_BY__COUNT; w++)
		for (int k = 0; k < 4; k++)
			if (strcmp(buf, alias[w][k]) == 0)
				return w;
	/* "contributrice", "contributeurs"... */
	if (strncmp(buf, "contribut", 9) == 0)
		return IV_BY_ACCOMPAGNANT;
	return -1;
}

/* Age: a whole number of years (the band is derived) or a band. */
static void parse_age(const loadctx *c, xmlNode *n, iv_interview *it)
{
	char *v = need_attr(c, n, "age",
			    N_("an age in years (27) or an age band (16-24, 25-39, 40-54, 55+)"));
	if (!v)
		return;
	long long years = 0;
	if (parse_integer(v, &years) == PARSE_OK) {
		if (years < 16 || years > 99)
			diag_emit(c->d, DIAG_ERROR, node_loc(c, n), "age",
				  "expected an age from 16 to 99 years, found \"%s\"", v);
		else {
			it->age_years = (int)years;
			it->age_band = years <= 24 ? AGE_16_24
				       : years <= 39 ? AGE_25_39
				       : years <= 54 ? AGE_40_54
						     : AGE_55_PLUS;
		}
	} else {
		int band = model_enum_parse(ENUM_AGE, v);
		if (band < 0)
			diag_emit(c->d, DIAG_ERROR, node_loc(c, n), "age",
				  "expected an age in years (27) or an age band (%s), found \"%s\"",
				  _(model_enum_expected(ENUM_AGE)), v);
		else
			it->age_band = (model_age)band;
	}
	free(v);
}

/* expected: an English message id (N_), translated here. */
static long long int_attr(const loadctx *c, xmlNode *n, const char *name, bool required,
			  long long lo, long long hi, const char *expected)
{
	char *v = xml_attr_dup(n, name);
	long long out = 0;
	if (!v || !*v) {
		if (required)
			diag_emit(c->d, DIAG_ERROR, node_loc(c, n), name, "expected %s, found nothing",
				  _(expected));
	} else if (parse_integer(v, &out) != PARSE_OK || out < lo || out > hi) {
		diag_emit(c->d, DIAG_ERROR, node_loc(c, n), name, "expected %s, found \"%s\"",
			  _(expected), v);
		out = 0;
	}
	free(v);
	return out;
}

static void set_kpa(const loadctx *c, xmlNode *n, iv_interview *it)
{
	char *v = need_attr(c, n, "kpa", N_("the id of a KPA listed in kpa.csv"));
	it->kpa_id = v ? v : xstrdup("");
	it->kpa_name = xstrdup(it->kpa_id);
	if (!v || !c->m)
		return;
	int k = model_find_kpa(c->m, v);
	if (k < 0 && c->m->kpas_unreliable)
		return; /* kpa.csv's errors are reported; no follow-on message */
	if (k < 0) {
		strbuf hint = {0};
		const char **ids = xcalloc(c->m->n_kpas + 1, sizeof *ids);
		for (size_t i = 0; i < c->m->n_kpas; i++)
			ids[i] = c->m->kpas[i].id;
		nearest_hint(&hint, v, ids, c->m->n_kpas);
		free(ids);
		diag_emit(c->d, DIAG_ERROR, node_loc(c, n), "kpa",
			  "expected the id of a KPA listed in kpa.csv, found \"%s\" (no such KPA)%s", v,
			  hint.data ? hint.data : "");
		strbuf_free(&hint);
		return;
	}
	it->kpa = k;
	free(it->kpa_name);
	it->kpa_name = xstrdup(c->m->kpas[k].name);
}

static void load_picked_cards(loadctx *c, xmlNode *n, iv_interview *it)
{
	char *s = text_of(n);
	char *save = NULL;
	for (char *tok = strtok_r(s, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		int k = interviews_find_card(c->iv, tok);
		if (k < 0 && !c->grid_ok)
			continue;
		if (k < 0) {
			strbuf hint = {0};
			card_hint(c, &hint, tok);
			diag_emit(c->d, DIAG_ERROR, node_loc(c, n), "cartes",
				  "expected card ids from grille.xml, found \"%s\" (no such card)%s", tok,
				  hint.data ? hint.data : "");
			strbuf_free(&hint);
			continue;
		}
		size_t times = 0;
		for (size_t i = 0; i < it->n_cards; i++)
			times += it->cards[i] == (size_t)k;
		if (times >= (size_t)c->iv->cards[k].copies) {
			int copies = c->iv->cards[k].copies;
			diag_emit(
				c->d, DIAG_ERROR, node_loc(c, n), "cartes",
				ngettext("expected each card at most %d time, found \"%s\" %zu times",
					 "expected each card at most %d times, found \"%s\" %zu times",
					 (unsigned long)copies),
				copies, tok, times + 1);
			continue;
		}
		it->cards = xreallocarray(it->cards, it->n_cards + 1, sizeof *it->cards);
		it->cards[it->n_cards++] = (size_t)k;
	}
	free(s);
}

static void load_excerpt(loadctx *c, xmlNode *n, size_t item)
{
	static const char *const known[] = {"id", "codes", "carte", "consentement", NULL};
	check_attrs(c, n, known);
	iv_interview *it = &c->iv->items[item];
	char *id = need_id(c, n);
	for (size_t i = 0; i < c->iv->n_excerpts; i++)
		if (id[0] && strcmp(c->iv->excerpts[i].id, id) == 0) {
			diag_emit(c->d, DIAG_ERROR, node_loc(c, n), "id",
				  "duplicate excerpt id \"%s\" (first on line %d)", id,
				  c->iv->excerpts[i].loc.line);
			break;
		}
	char *text = text_of(n);
	if (!*text)
		diag_emit(c->d, DIAG_ERROR, node_loc(c, n), NULL,
			  "expected the words of the excerpt inside <extrait>, found nothing (excerpt %s)",
			  id);
	char *codes = xml_attr_dup(n, "codes");
	char *card = xml_attr_dup(n, "carte");
	char *consent = xml_attr_dup(n, "consentement");
	iv_excerpt *e = iv_add_excerpt(c->iv, text);
	e->id = id;
	e->interview = item;
	e->loc = node_loc(c, n);
	it->n_excerpts++;
	size_t seen = 0;
	char *save = NULL;
	for (char *tok = codes ? strtok_r(codes, " ,", &save) : NULL; tok;
	     tok = strtok_r(NULL, " ,", &save)) {
		seen++;
		int k = interviews_find_code(c->iv, tok);
		if (k < 0 && !c->grid_ok)
			continue;
		if (k < 0) {
			strbuf hint = {0};
			code_hint(c, &hint, tok);
			diag_emit(c->d, DIAG_ERROR, e->loc, "codes",
				  "expected a code id from grille.xml, found \"%s\" (no such code)%s", tok,
				  hint.data ? hint.data : "");
			strbuf_free(&hint);
			continue;
		}
		bool again = false;
		for (size_t i = 0; i < e->n_codes; i++)
			again |= e->codes[i] == (size_t)k;
		if (again) {
			diag_emit(c->d, DIAG_WARNING, e->loc, "codes",
				  "code \"%s\" is given twice on excerpt %s; counted once", tok, id);
			continue;
		}
		e->codes = xreallocarray(e->codes, e->n_codes + 1, sizeof *e->codes);
		e->codes[e->n_codes++] = (size_t)k;
	}
	if (seen == 0)
		diag_emit(c->d, DIAG_ERROR, e->loc, "codes",
			  "expected at least one code id from grille.xml, found nothing (excerpt %s)",
			  id);
	if (card && *card) {
		e->card = interviews_find_card(c->iv, card);
		if (e->card < 0 && c->grid_ok) {
			strbuf hint = {0};
			card_hint(c, &hint, card);
			diag_emit(c->d, DIAG_ERROR, e->loc, "carte",
				  "expected a card id from grille.xml, found \"%s\" (no such card)%s", card,
				  hint.data ? hint.data : "");
			strbuf_free(&hint);
		} else {
			bool picked = false;
			for (size_t i = 0; i < it->n_cards; i++)
				picked |= it->cards[i] == (size_t)e->card;
			if (!picked && it->n_cards)
				diag_emit(c->d, DIAG_WARNING, e->loc, "carte",
					  "card \"%s\" is not among the cards interview %s picked", card,
					  it->id);
		}
	}
	bool yes = false;
	if (!consent || parse_yes_no(consent, &yes) != PARSE_OK) {
		if (consent)
			diag_emit(c->d, DIAG_ERROR, e->loc, "consentement",
				  "expected oui or non (may this excerpt be quoted?), found \"%s\"",
				  consent);
		else
			diag_emit(c->d, DIAG_ERROR, e->loc, "consentement",
				  "expected oui or non (may this excerpt be quoted?), found nothing");
		yes = false; /* unknown consent is no consent */
	}
	e->consent = yes;
	free(codes);
	free(card);
	free(consent);
}

static void load_interview(loadctx *c, xmlNode *n)
{
	static const char *const known[] = {"id",  "kpa",  "pseudonyme", "genre", "age",
					    "anciennete-mois", "date", "duree-min", NULL};
	check_attrs(c, n, known);
	char *id = need_id(c, n);
	int dup = id[0] ? interviews_find(c->iv, id) : -1;
	if (dup >= 0)
		diag_emit(c->d, DIAG_ERROR, node_loc(c, n), "id",
			  "duplicate interview id \"%s\" (first on line %d)", id,
			  c->iv->items[dup].loc.line);
	size_t item = c->iv->n_items;
	iv_interview *it = iv_add_interview(c->iv);
	it->id = id;
	it->loc = node_loc(c, n);
	set_kpa(c, n, it);
	char *pseudo = xml_attr_dup(n, "pseudonyme");
	it->pseudonym = pseudo ? pseudo : xstrdup("");
	char *g = need_attr(c, n, "genre", N_("F or H"));
	if (g) {
		int sex = model_enum_parse(ENUM_SEX, g);
		if (sex < 0)
			diag_emit(c->d, DIAG_ERROR, it->loc, "genre",
				  "expected F or H (or Femme, Homme), found \"%s\"", g);
		it->gender = sex < 0 ? SEX_F : (model_sex)sex;
		free(g);
	}
	parse_age(c, n, it);
	it->months_in_kpa = (int)int_attr(c, n, "anciennete-mois", true, 0, 120,
					  N_("the time spent in the KPA in months, from 0 to 120"));
	char *date = need_attr(c, n, "date", N_("the date of the interview"));
	if (date && parse_date(date, &it->date) != PARSE_OK)
		diag_emit(c->d, DIAG_ERROR, it->loc, "date", "expected %s, found \"%s\"",
			  _(PARSE_EXPECT_DATE), date);
	free(date);
	it->duration_min = (int)int_attr(c, n, "duree-min", false, 1, 600,
					 N_("a duration in minutes, from 1 to 600"));
	it->place = xstrdup("");
	it->modalities = xstrdup("");
	it->experience = xstrdup("");
	bool seen_excerpt = false;
	for (xmlNode *k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		it = &c->iv->items[item];
		if (is_element(k, "deroulement")) {
			static const char *const dk[] = {"lieu", "enqueteur", "modalites", NULL};
			check_attrs(c, k, dk);
			char *v = xml_attr_dup(k, "lieu");
			if (v) {
				free(it->place);
				it->place = v;
			}
			v = xml_attr_dup(k, "modalites");
			if (v) {
				free(it->modalities);
				it->modalities = v;
			}
			v = need_attr(c, k, "enqueteur",
				      N_("who conducted it: accompagnant, cooperant or binome"));
			if (v) {
				int w = parse_interviewer(v);
				if (w < 0)
					diag_emit(c->d, DIAG_ERROR, node_loc(c, k), "enqueteur",
						  "expected accompagnant, cooperant or binome, found \"%s\"", v);
				else
					it->interviewer = (iv_interviewer)w;
				free(v);
			}
		} else if (is_element(k, "ressenti")) {
			free(it->experience);
			it->experience = text_of(k);
		} else if (is_element(k, "cartes")) {
			load_picked_cards(c, k, it);
		} else if (is_element(k, "extrait")) {
			load_excerpt(c, k, item);
			seen_excerpt = true;
		} else
			unknown_element(c, k, "entretien", "deroulement, ressenti, cartes, extrait");
	}
	if (!seen_excerpt)
		diag_emit(c->d, DIAG_WARNING, c->iv->items[item].loc, NULL,
			  "interview %s has no <extrait>: it counts in the base but cites no effect",
			  c->iv->items[item].id);
}

static void load_interviews(loadctx *c, const char *folder)
{
	char *path = xasprintf("%s/entretiens.xml", folder);
	c->file = iv_intern_path(c->iv, path);
	free(path);
	xmlDoc *x = xml_read_file(c->d, c->file, N_("interviews"), 0);
	if (!x)
		return;
	xmlNode *root = xmlDocGetRootElement(x);
	if (strcmp((const char *)root->name, "entretiens") != 0) {
		diag_emit(c->d, DIAG_ERROR, node_loc(c, root), NULL,
			  "expected the root element <entretiens>, found <%s>", (const char *)root->name);
		xmlFreeDoc(x);
		return;
	}
	static const char *const known[] = {"version", NULL};
	check_attrs(c, root, known);
	for (xmlNode *n = root->children; n; n = n->next) {
		if (is_element(n, "entretien"))
			load_interview(c, n);
		else if (n->type == XML_ELEMENT_NODE)
			unknown_element(c, n, "entretiens", "entretien");
	}
	xmlFreeDoc(x);
}

interviews *interviews_load(diag_sink *d, const char *folder, const model *m)
{
	loadctx c = {d, iv_new(), m, NULL, false};
	load_grid(&c, folder);
	c.grid_ok = c.iv->n_codes > 0;
	load_interviews(&c, folder);
	return c.iv;
}
