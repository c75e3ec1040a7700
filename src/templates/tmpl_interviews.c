/* tmpl_interviews.c - the template elements fed by the coded interviews
 * (docs/templates.md, « Entretiens »):
 *
 *   <effets/>             the effects chapter: one section per top-level
 *                         category of the codebook, its figures, a chart of
 *                         its effects, and consented quotes per effect;
 *   <segment filtre=…/>   the effects a segment cites more than everybody
 *                         (tmpl_iv_segment.c);
 *   <cartes-choisies/>    how often each interview card was picked (first);
 *   <cartes-a-decouper/>  the cards of the kit, laid out to print and cut;
 *   <formulaire>          a blank form (the interview write-up template).
 *
 * Privacy rules live here because this is where figures become text: every
 * interview count from 1 to k - 1 prints « < k » without its percent, a
 * segment smaller than k is not described, and a quote's attribution is
 * coarsened until at least k interviews fit it (tmpl_interviews.h). The words
 * of an excerpt come only from quotes_select(), which never returns one
 * without consent. */
#include "tmpl_interviews.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "effects.h"
#include "fmt_fr.h"
#include "tmpl_elems.h"
#include "tmpl_iv_int.h"

struct tmpl_iv_state *tmpl_iv_state_of(tmpl_ctx *x)
{
	if (!x->ivs) {
		x->ivs = xcalloc(1, sizeof *x->ivs);
		size_t n = interviews_excerpt_count(x->iv);
		x->ivs->printed = xcalloc(n ? n : 1, sizeof *x->ivs->printed);
		x->ivs->all = effects_compute(x->iv, NULL);
	}
	return x->ivs;
}

void tmpl_iv_finish(tmpl_ctx *x)
{
	if (!x->ivs)
		return;
	free(x->ivs->printed);
	effects_destroy(x->ivs->all);
	free(x->ivs);
	x->ivs = NULL;
}

/* ---- attribution ------------------------------------------------------------ */

static bool same_kpa(const iv_interview *a, const iv_interview *b)
{
	if (a->kpa >= 0 || b->kpa >= 0)
		return a->kpa == b->kpa;
	return !strcmp(a->kpa_id, b->kpa_id);
}

tmpl_iv_attr_level tmpl_iv_attribution_level(const interviews *iv, const iv_quote *q, int k)
{
	if (k <= 1)
		return TMPL_IV_ATTR_FULL;
	const iv_interview *me =
		interviews_at(iv, interviews_excerpt_at(iv, q->excerpt)->interview);
	long long full = 0, no_kpa = 0, no_age = 0, role = 0;
	for (size_t i = 0; i < interviews_count(iv); i++) {
		const iv_interview *o = interviews_at(iv, i);
		if (o->gender != me->gender)
			continue;
		bool age = o->age_band == me->age_band, kpa = same_kpa(o, me);
		role++;
		no_kpa += age;
		no_age += kpa;
		full += age && kpa;
	}
	return full >= k     ? TMPL_IV_ATTR_FULL
	       : no_kpa >= k ? TMPL_IV_ATTR_NO_KPA
	       : no_age >= k ? TMPL_IV_ATTR_NO_AGE
	       : role >= k   ? TMPL_IV_ATTR_ROLE
			     : TMPL_IV_ATTR_NEUTRAL;
}

char *tmpl_iv_attribution(diag_sink *d, const interviews *iv, const iv_quote *q, int k)
{
	static const char *const patterns[] = {
		[TMPL_IV_ATTR_FULL] = "{role}, {age}, {kpa}",
		[TMPL_IV_ATTR_NO_KPA] = "{role}, {age}",
		[TMPL_IV_ATTR_NO_AGE] = "{role}, {kpa}",
		[TMPL_IV_ATTR_ROLE] = "{role}",
		[TMPL_IV_ATTR_NEUTRAL] = "coopérant·e",
	};
	return quotes_attribution(d, iv, q, patterns[tmpl_iv_attribution_level(iv, q, k)]);
}

/* ---- shared by the interview elements (tmpl_iv_int.h) ----------------------------- */

doc_block *tmpl_iv_append(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, doc_kind kind,
			  char *text)
{
	doc_block *b = doc_append(x->out, kind);
	b->origin = tmpl_origin(f, n);
	b->text = text;
	return b;
}

bool tmpl_iv_have(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n)
{
	if (x->iv && interviews_count(x->iv) > 0)
		return true;
	diag_emit(x->d, DIAG_WARNING, tmpl_origin(f, n), NULL,
		  "<%s>: no interviews were read (entretiens/entretiens.xml in the inputs "
		  "folder): a note stands in its place",
		  (const char *)n->name);
	tmpl_iv_append(x, f, n, DOC_NOTE,
		       xstrdup("Les entretiens codés n'ont pas été fournis pour cette édition : "
			       "cette partie n'a pas pu être produite."));
	return false;
}

void tmpl_iv_quote(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, const iv_quote *q)
{
	char *who = tmpl_iv_attribution(x->d, x->iv, q, x->k);
	doc_block *b = tmpl_iv_append(x, f, n, DOC_QUOTE, doc_escape(q->text));
	b->subtitle = who ? doc_escape(who) : NULL;
	free(who);
	tmpl_iv_state_of(x)->printed[q->excerpt] = true;
}

/* The disclosure module decides (stats_disclose_share): the same primary,
 * group and complement rules as the activity figures. */
bool tmpl_iv_hidden(const tmpl_ctx *x, long long n, long long base)
{
	return stats_disclose_share(x->k, n, base) != STAT_PUBLISHED;
}

char *tmpl_iv_count_text(const tmpl_ctx *x, long long n, long long base)
{
	char buf[FMT_CAP];
	stat_suppression st = stats_disclose_share(x->k, n, base);
	if (st == STAT_SUPPRESSED_PRIMARY)
		return xasprintf("&lt;" FR_NNBSP "%d", x->k);
	if (st != STAT_PUBLISHED)
		return xstrdup("s");
	return xstrdup(fmt_int(buf, sizeof buf, n));
}

char *tmpl_iv_share_text(const tmpl_ctx *x, long long n, long long base)
{
	if (tmpl_iv_hidden(x, n, base) || base <= 0)
		return tmpl_iv_count_text(x, n, base);
	char p[FMT_CAP], c[FMT_CAP];
	return xasprintf("%s (%s)", fmt_percent(p, sizeof p, stats_percent_half_up(n, base)),
			 fmt_int(c, sizeof c, n));
}

bool tmpl_iv_has_children(const interviews *iv, size_t code)
{
	for (size_t i = code + 1; i < interviews_code_count(iv); i++)
		if (interviews_code_at(iv, i)->parent == (int)code)
			return true;
	return false;
}

/* ---- the effects chapter --------------------------------------------------------- */

typedef struct {
	size_t quotes;
	quote_options opt;
	int level; /* heading level of a category */
} effects_opts;

/* "Cité dans <b>19 entretiens sur 30</b> (63 %), à travers 24 extraits." */
static char *cited_sentence(const tmpl_ctx *x, const effect_count *e, const char *lead)
{
	char n[FMT_CAP], base[FMT_CAP], p[FMT_CAP], ex[FMT_CAP];
	fmt_int(base, sizeof base, e->base);
	if (e->interviews == 0)
		return xasprintf("%s dans aucun des %s entretiens.", lead, base);
	if (tmpl_iv_hidden(x, e->interviews, e->base)) {
		char *c = tmpl_iv_count_text(x, e->interviews, e->base);
		char *r = xasprintf("%s dans <b>%s entretiens sur %s</b>.", lead, c, base);
		free(c);
		return r;
	}
	fmt_int(n, sizeof n, e->interviews);
	fmt_percent(p, sizeof p, e->percent);
	fmt_int(ex, sizeof ex, e->excerpts);
	return xasprintf("%s dans <b>%s entretien%s sur %s</b> (%s), à travers %s extrait%s.",
			 lead, n, e->interviews > 1 ? "s" : "", base, p, ex,
			 e->excerpts > 1 ? "s" : "");
}

static void put_quotes(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, size_t code,
		       const quote_options *opt, size_t cap)
{
	if (cap == 0)
		return;
	iv_quote *q = xcalloc(cap, sizeof *q);
	size_t got = quotes_select(x->iv, code, opt, q, cap);
	for (size_t i = 0; i < got; i++)
		tmpl_iv_quote(x, f, n, &q[i]);
	free(q);
}

static void heading(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, int level,
		    const char *plain)
{
	char *m = doc_escape(plain);
	doc_add_heading(x->out, level > 4 ? 4 : level, NULL, m)->origin = tmpl_origin(f, n);
	free(m);
}

/* A horizontal bar chart of the leaves below a category: how many
 * interviews cite each, most cited first. */
static void category_chart(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, size_t cat)
{
	const interviews *iv = x->iv;
	effects *all = tmpl_iv_state_of(x)->all;
	size_t nc = interviews_code_count(iv), k = 0;
	size_t *leaves = xcalloc(nc, sizeof *leaves);
	for (size_t i = cat + 1; i < nc; i++)
		if (interviews_code_within(iv, i, cat) && !tmpl_iv_has_children(iv, i))
			leaves[k++] = i;
	if (k >= 2) {
		/* Stable insertion sort: ties keep the codebook's order. */
		for (size_t i = 1; i < k; i++)
			for (size_t j = i; j > 0 && effects_at(all, leaves[j])->interviews >
							    effects_at(all, leaves[j - 1])->interviews;
			     j--) {
				size_t t = leaves[j];
				leaves[j] = leaves[j - 1];
				leaves[j - 1] = t;
			}
		char nb[FMT_CAP];
		char *note = xasprintf("Base : entretiens réalisés (n = %s). Un entretien compte une "
				       "fois par effet, quel que soit le nombre d'extraits qui "
				       "l'évoquent.",
				       fmt_int(nb, sizeof nb, effects_base(all)));
		doc_chart *c = tmpl_add_chart(x, f, n, DOC_CHART_HBAR,
					      "Part des entretiens qui citent chaque effet", note);
		free(note);
		c->base = effects_base(all);
		c->threshold = x->k;
		doc_chart_add_series(c, NULL);
		for (size_t i = 0; i < k; i++) {
			const effect_count *e = effects_at(all, leaves[i]);
			char *label = doc_escape(interviews_code_at(iv, leaves[i])->label);
			size_t cat_i = doc_chart_add_cat(c, label, -1);
			char *text = tmpl_iv_share_text(x, e->interviews, e->base);
			doc_chart_set(c, 0, cat_i, (double)e->interviews, text,
				      tmpl_iv_hidden(x, e->interviews, e->base));
			free(text);
			free(label);
		}
	}
	free(leaves);
}

static void effect_code(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, size_t code,
			int depth, const effects_opts *o)
{
	const interviews *iv = x->iv;
	const iv_code *c = interviews_code_at(iv, code);
	const effect_count *e = effects_at(tmpl_iv_state_of(x)->all, code);
	bool leaf = !tmpl_iv_has_children(iv, code);
	int level = o->level + depth;
	strbuf p = {0};
	if (level <= 4) {
		heading(x, f, n, level, c->label);
		if (*c->description) {
			char *d = doc_escape(c->description);
			strbuf_printf(&p, "<i>%s</i> ", d);
			free(d);
		}
	} else {
		/* No heading level left: the effect's name leads its paragraph. */
		char *l = doc_escape(c->label);
		strbuf_printf(&p, "<b>%s.</b> ", l);
		free(l);
	}
	char *s = cited_sentence(x, e, leaf ? "Cet effet est cité" : "Au moins un de ces effets est cité");
	strbuf_puts(&p, s);
	free(s);
	tmpl_iv_append(x, f, n, DOC_PARAGRAPH, strbuf_detach(&p));
	if (leaf) {
		quote_options opt = o->opt;
		opt.exclude = tmpl_iv_state_of(x)->printed;
		put_quotes(x, f, n, code, &opt, o->quotes);
		return;
	}
	/* Below the second level the grid's intermediate codes (« Créer du lien
	 * social ») add a heading without content: their leaves carry it. */
	for (size_t i = code + 1; i < interviews_code_count(iv); i++) {
		const iv_code *ci = interviews_code_at(iv, i);
		if (depth >= 1 ? (interviews_code_within(iv, i, code) && !tmpl_iv_has_children(iv, i))
			       : ci->parent == (int)code)
			effect_code(x, f, n, i, depth + 1, o);
	}
}

static void effects_chapter(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	if (!tmpl_iv_have(x, f, n))
		return;
	const interviews *iv = x->iv;
	effects *all = tmpl_iv_state_of(x)->all;
	effects_opts o = {0};
	o.quotes = (size_t)tmpl_attr_int(x, f, n, "citations", 0, 10, 2);
	o.opt.max_quotes = o.quotes;
	o.opt.min_chars = (size_t)tmpl_attr_int(x, f, n, "min-caracteres", 0, 5000, 40);
	o.opt.max_chars = (size_t)tmpl_attr_int(x, f, n, "max-caracteres", 0, 5000, 320);
	o.level = x->level + 1;
	if (o.level > 4)
		o.level = 4;

	int only = -1;
	char *cat = xml_attr_dup(n, "categorie");
	if (cat) {
		only = interviews_find_code(iv, cat);
		if (only < 0 || interviews_code_at(iv, (size_t)only)->parent != -1) {
			size_t nc = interviews_code_count(iv), k = 0;
			const char **names = xcalloc(nc ? nc : 1, sizeof *names);
			for (size_t i = 0; i < nc; i++)
				if (interviews_code_at(iv, i)->parent == -1)
					names[k++] = interviews_code_at(iv, i)->id;
			tmpl_error(x, f->path, tmpl_line(n),
				   "\"categorie\": \"%s\" is not a top-level code of grille.xml%s", cat,
				   text_did_you_mean(cat, names, k).s);
			free(names);
			free(cat);
			return;
		}
		free(cat);
	} else {
		/* How the chapter was made, once, before the categories. */
		size_t nk = 0;
		for (size_t i = 0; i < interviews_count(iv); i++) {
			bool seen = false;
			for (size_t j = 0; j < i && !seen; j++)
				seen = same_kpa(interviews_at(iv, i), interviews_at(iv, j));
			nk += !seen;
		}
		char a[FMT_CAP], b[FMT_CAP], c[FMT_CAP];
		fmt_int(a, sizeof a, effects_base(all));
		fmt_int(b, sizeof b, (long long)nk);
		fmt_int(c, sizeof c, (long long)interviews_excerpt_count(iv));
		tmpl_iv_append(x, f, n, DOC_LEAD,
		       xasprintf("Ce chapitre repose sur les %s entretiens menés dans %s KPA. "
				 "Leurs %s extraits ont été codés selon la grille d'analyse des "
				 "effets ; un entretien compte une fois pour un effet dès que l'un "
				 "de ses extraits l'évoque.",
				 a, b, c));
		tmpl_iv_append(x, f, n, DOC_NOTE,
		       xstrdup("Les citations reproduisent uniquement des propos dont l'auteur·rice "
			       "a accepté la diffusion. Les prénoms ont été retirés ; l'âge est "
			       "donné par tranche, et le KPA ou la tranche d'âge sont omis quand "
			       "ils permettraient de reconnaître la personne."));
	}
	for (size_t i = 0; i < interviews_code_count(iv); i++) {
		const iv_code *c = interviews_code_at(iv, i);
		if (c->parent != -1 || (only >= 0 && (size_t)only != i))
			continue;
		const effect_count *e = effects_at(all, i);
		heading(x, f, n, o.level, c->label);
		if (*c->description) {
			char *d = doc_escape(c->description);
			tmpl_iv_append(x, f, n, DOC_PARAGRAPH, xasprintf("<i>%s</i>", d));
			free(d);
		}
		bool leaf = !tmpl_iv_has_children(iv, i);
		char *s = cited_sentence(x, e,
					 leaf ? "Cet effet est cité"
					      : "Au moins un effet de cette catégorie est cité");
		tmpl_iv_append(x, f, n, DOC_PARAGRAPH, s);
		if (leaf) {
			quote_options opt = o.opt;
			opt.exclude = tmpl_iv_state_of(x)->printed;
			put_quotes(x, f, n, i, &opt, o.quotes);
			continue;
		}
		category_chart(x, f, n, i);
		for (size_t j = i + 1; j < interviews_code_count(iv); j++)
			if (interviews_code_at(iv, j)->parent == (int)i)
				effect_code(x, f, n, j, 1, &o);
	}
}

/* ---- cards ---------------------------------------------------------------------------- */

static void cards_chosen(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	if (!tmpl_iv_have(x, f, n))
		return;
	const interviews *iv = x->iv;
	size_t nc = interviews_card_count(iv);
	if (nc == 0)
		return;
	card_count *cc = xcalloc(nc, sizeof *cc);
	effects_cards(iv, cc);
	size_t *order = xcalloc(nc, sizeof *order);
	for (size_t i = 0; i < nc; i++)
		order[i] = i;
	/* Most picked first; ties by first picks, then the kit's order. */
	for (size_t i = 1; i < nc; i++)
		for (size_t j = i; j > 0; j--) {
			const card_count *a = &cc[order[j]], *b = &cc[order[j - 1]];
			if (!(a->interviews > b->interviews ||
			      (a->interviews == b->interviews && a->first > b->first)))
				break;
			size_t t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	char b1[FMT_CAP], b2[FMT_CAP];
	fmt_int(b1, sizeof b1, cc[0].base);
	fmt_int(b2, sizeof b2, cc[0].base_first);
	char *title = tmpl_attr_eval(x, f, n, "titre", TMPL_MARKUP, NULL);
	char *note = tmpl_attr_eval(x, f, n, "note", TMPL_MARKUP, NULL);
	if (!note)
		note = xasprintf("Base : entretiens réalisés (n = %s) ; pour la première carte, "
				 "entretiens où une carte au moins a été choisie (n = %s). Une "
				 "carte compte une fois par entretien, même le JOKER tiré plusieurs "
				 "fois.",
				 b1, b2);
	doc_chart *c = tmpl_add_chart(x, f, n, DOC_CHART_HBAR,
				      title ? title : "Les cartes choisies pendant les entretiens", note);
	free(title);
	free(note);
	c->base = cc[0].base;
	c->threshold = x->k;
	char *s1 = xasprintf("Choisie dans l'entretien (n = %s)", b1);
	char *s2 = xasprintf("Choisie en premier (n = %s)", b2);
	doc_chart_add_series(c, s1);
	doc_chart_add_series(c, s2);
	free(s1);
	free(s2);
	for (size_t i = 0; i < nc; i++) {
		const card_count *k = &cc[order[i]];
		char *label = doc_escape(interviews_card_at(iv, k->card)->label);
		size_t cat = doc_chart_add_cat(c, label, -1);
		free(label);
		char *t1 = tmpl_iv_share_text(x, k->interviews, k->base);
		char *t2 = tmpl_iv_share_text(x, k->first, k->base_first);
		doc_chart_set(c, 0, cat, (double)k->interviews, t1,
			      tmpl_iv_hidden(x, k->interviews, k->base));
		doc_chart_set(c, 1, cat, (double)k->first, t2,
			      tmpl_iv_hidden(x, k->first, k->base_first));
		free(t1);
		free(t2);
	}
	free(order);
	free(cc);
}

static void cards_to_cut(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	if (!tmpl_iv_have(x, f, n))
		return;
	const interviews *iv = x->iv;
	doc_block *b = tmpl_iv_append(x, f, n, DOC_CARDS, NULL);
	b->grid_cols = (int)tmpl_attr_int(x, f, n, "colonnes", 1, 6, 3);
	b->grid_rows = (int)tmpl_attr_int(x, f, n, "lignes", 1, 8, 4);
	b->subtitle = tmpl_attr_eval(x, f, n, "mention", TMPL_MARKUP, NULL);
	for (size_t i = 0; i < interviews_card_count(iv); i++) {
		const iv_card *c = interviews_card_at(iv, i);
		char *label = doc_escape(c->label);
		for (int k = 0; k < (c->copies > 0 ? c->copies : 1); k++)
			doc_list_add(b, label);
		free(label);
	}
}

/* ---- blank forms ------------------------------------------------------------------------- */

/* One table per <rubrique>: its title in the tinted header row, one row per
 * <champ> and as many ruled rows under it as lignes asks, to write on. */
static void form(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	char *title = tmpl_attr_eval(x, f, n, "titre", TMPL_MARKUP, NULL);
	char *note = tmpl_attr_eval(x, f, n, "note", TMPL_MARKUP, NULL);
	xmlNode *last = NULL;
	for (xmlNode *r = n->children; r; r = r->next)
		if (tmpl_is(r, "rubrique"))
			last = r;
	for (xmlNode *r = n->children; r; r = r->next) {
		if (!tmpl_is(r, "rubrique"))
			continue;
		size_t rows = 0;
		for (xmlNode *c = r->children; c; c = c->next)
			if (tmpl_is(c, "champ"))
				rows += (size_t)tmpl_attr_int(x, f, c, "lignes", 1, 30, 1);
		doc_block *b = tmpl_iv_append(x, f, r, DOC_TABLE, title);
		title = NULL; /* the caption goes above the first table only */
		doc_table_set(b, 2, rows);
		b->cols[0].width = 1.0;
		b->cols[1].width = 2.2;
		b->cols[0].header = tmpl_attr_eval(x, f, r, "titre", TMPL_MARKUP, NULL);
		b->cols[1].header = xstrdup("");
		size_t row = 0;
		for (xmlNode *c = r->children; c; c = c->next) {
			if (!tmpl_is(c, "champ"))
				continue;
			size_t lines = (size_t)tmpl_attr_int(x, f, c, "lignes", 1, 30, 1);
			for (size_t i = 0; i < lines; i++, row++) {
				char *label = i == 0 ? tmpl_attr_eval(x, f, c, "libelle", TMPL_MARKUP, NULL)
						     : NULL;
				b->cells[row * 2] = label ? label : xstrdup("");
				b->cells[row * 2 + 1] = xstrdup("");
			}
		}
		if (r == last) {
			b->subtitle = note;
			note = NULL;
		}
	}
	free(title);
	free(note);
}


static const tmpl_elem elems[] = {
	{"effets",
	 "the effects chapter: per category of the codebook, its figures, a chart and quotes",
	 effects_chapter, NULL,
	 {{"categorie"}, {"citations"}, {"min-caracteres"}, {"max-caracteres"}}},
	{"cartes-choisies",
	 "grouped bars: per card, the interviews that picked it and picked it first",
	 cards_chosen, NULL, {{"titre"}, {"note"}}},
	{"cartes-a-decouper",
	 "the kit's cards to print and cut, a grid per page", cards_to_cut, NULL,
	 {{"colonnes"}, {"lignes"}, {"mention"}}},
	{"formulaire",
	 "a blank form: one table per `<rubrique>`, ruled rows to write on", form, NULL,
	 {{"titre"}, {"note"}}},
	{"rubrique", "in `<formulaire>`: a titled group of `<champ>`", NULL, NULL, {{"titre"}}},
	{"champ", "in `<rubrique>`: a field, its label and its number of ruled lines", NULL, NULL,
	 {{"libelle"}, {"lignes"}}},
};

const tmpl_elem_family tmpl_family_interviews = {elems, sizeof elems / sizeof *elems};
