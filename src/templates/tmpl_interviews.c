/* tmpl_interviews.c - the template elements fed by the coded interviews
 * (docs/templates.md, « Entretiens »):
 *
 *   <effets/>             the effects chapter: one section per top-level
 *                         category of the codebook, its figures, a chart of
 *                         its effects, and consented quotes per effect;
 *   <segment filtre=…/>   the effects a segment cites more than everybody;
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
#include "parse_fr.h"
#include "tmpl_int.h"

struct tmpl_iv_state {
	bool *printed; /* per excerpt: already quoted in this document */
	effects *all;  /* counts over every interview */
};

static const char *const elements[] = {"effets", "segment", "cartes-choisies",
				       "cartes-a-decouper", "formulaire"};

bool tmpl_iv_element(const xmlNode *n)
{
	for (size_t i = 0; i < sizeof elements / sizeof *elements; i++)
		if (!strcmp((const char *)n->name, elements[i]))
			return true;
	return false;
}

static bool is(const xmlNode *n, const char *name)
{
	return !strcmp((const char *)n->name, name);
}

static struct tmpl_iv_state *state(tmpl_ctx *x)
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

/* ---- small helpers ------------------------------------------------------------ */

static src_loc origin(const tmpl_file *f, const xmlNode *n)
{
	return (src_loc){f->path, tmpl_line(n), 0};
}

static doc_block *append(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, doc_kind kind,
			 char *text)
{
	doc_block *b = doc_append(x->out, kind);
	b->origin = origin(f, n);
	b->text = text;
	return b;
}

/* An attribute with its expressions expanded, or NULL when absent. */
static char *attr_markup(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, const char *name,
			 tmpl_mode mode)
{
	char *raw = xml_attr_dup(n, name);
	if (!raw)
		return NULL;
	char *r = tmpl_eval_str(x, f->path, tmpl_line(n), raw, mode);
	free(raw);
	return r;
}

/* A whole-number attribute in [lo, hi], dflt when absent; errors reported. */
static long long attr_int(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, const char *name,
			  long long lo, long long hi, long long dflt)
{
	char *v = xml_attr_dup(n, name);
	if (!v)
		return dflt;
	long long r = 0;
	if (parse_integer(v, &r) != PARSE_OK || r < lo || r > hi) {
		tmpl_error(x, f->path, tmpl_line(n),
			   "\"%s\": expected a whole number from %lld to %lld, found \"%s\"", name,
			   lo, hi, v);
		r = dflt;
	}
	free(v);
	return r;
}

/* Without interviews the element cannot say anything: a note holds its
 * place and a warning says why. */
static bool have_interviews(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n)
{
	if (x->iv && interviews_count(x->iv) > 0)
		return true;
	diag_emit(x->d, DIAG_WARNING, origin(f, n), NULL,
		  "<%s>: no interviews were read (entretiens/entretiens.xml in the inputs "
		  "folder): a note stands in its place",
		  (const char *)n->name);
	append(x, f, n, DOC_NOTE,
	       xstrdup("Les entretiens codés n'ont pas été fournis pour cette édition : "
		       "cette partie n'a pas pu être produite."));
	return false;
}

static int threshold(const tmpl_ctx *x)
{
	return x->k;
}

static bool hidden(const tmpl_ctx *x, long long n)
{
	return threshold(x) > 0 && n > 0 && n < threshold(x);
}

/* "< 3" (markup) for a withheld count, else the count. */
static char *count_text(const tmpl_ctx *x, long long n)
{
	char buf[FMT_CAP];
	if (hidden(x, n))
		return xasprintf("&lt;" FR_NNBSP "%d", threshold(x));
	return xstrdup(fmt_int(buf, sizeof buf, n));
}

/* "63 % (19)", or "< 3" without the percent (it would give the count back). */
static char *share_text(const tmpl_ctx *x, long long n, long long base)
{
	if (hidden(x, n) || base <= 0)
		return count_text(x, n);
	char p[FMT_CAP], c[FMT_CAP];
	return xasprintf("%s (%s)", fmt_percent(p, sizeof p, stats_percent_half_up(n, base)),
			 fmt_int(c, sizeof c, n));
}

/* A label inside a sentence: "Bien-être général" -> "bien-être général",
 * but "KPA" or "JOKER" keep their capitals (second letter upper case). */
static char *lower_first(const char *s)
{
	char *r = xstrdup(s);
	unsigned char c0 = (unsigned char)r[0];
	if (c0 >= 'A' && c0 <= 'Z' && !(r[1] >= 'A' && r[1] <= 'Z'))
		r[0] = (char)(c0 - 'A' + 'a');
	else if (c0 == 0xC3 && (unsigned char)r[1] >= 0x80 && (unsigned char)r[1] <= 0x9E &&
		 !(r[2] >= 'A' && r[2] <= 'Z'))
		r[1] = (char)((unsigned char)r[1] + 0x20); /* É -> é, À -> à… */
	return r;
}

static bool has_children(const interviews *iv, size_t code)
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
	if (hidden(x, e->interviews))
		return xasprintf("%s dans <b>&lt;" FR_NNBSP "%d entretiens sur %s</b>.", lead,
				 threshold(x), base);
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
	struct tmpl_iv_state *st = state(x);
	iv_quote *q = xcalloc(cap, sizeof *q);
	size_t got = quotes_select(x->iv, code, opt, q, cap);
	for (size_t i = 0; i < got; i++) {
		char *who = tmpl_iv_attribution(x->d, x->iv, &q[i], threshold(x));
		doc_block *b = append(x, f, n, DOC_QUOTE, doc_escape(q[i].text));
		b->subtitle = who ? doc_escape(who) : NULL;
		free(who);
		st->printed[q[i].excerpt] = true;
	}
	free(q);
}

static void heading(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, int level,
		    const char *plain)
{
	char *m = doc_escape(plain);
	doc_add_heading(x->out, level > 4 ? 4 : level, NULL, m)->origin = origin(f, n);
	free(m);
}

/* A horizontal bar chart of the leaves below a category: how many
 * interviews cite each, most cited first. */
static void category_chart(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, size_t cat)
{
	const interviews *iv = x->iv;
	effects *all = state(x)->all;
	size_t nc = interviews_code_count(iv), k = 0;
	size_t *leaves = xcalloc(nc, sizeof *leaves);
	for (size_t i = cat + 1; i < nc; i++)
		if (interviews_code_within(iv, i, cat) && !has_children(iv, i))
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
		doc_chart *c = doc_add_chart(x->out, DOC_CHART_HBAR,
					     "Part des entretiens qui citent chaque effet", note);
		free(note);
		((doc_block *)doc_at(x->out, doc_count(x->out) - 1))->origin = origin(f, n);
		c->base = effects_base(all);
		c->threshold = threshold(x);
		doc_chart_add_series(c, NULL);
		for (size_t i = 0; i < k; i++) {
			const effect_count *e = effects_at(all, leaves[i]);
			char *label = doc_escape(interviews_code_at(iv, leaves[i])->label);
			size_t cat_i = doc_chart_add_cat(c, label, -1);
			char *text = share_text(x, e->interviews, e->base);
			doc_chart_set(c, 0, cat_i, (double)e->interviews, text,
				      hidden(x, e->interviews));
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
	const effect_count *e = effects_at(state(x)->all, code);
	bool leaf = !has_children(iv, code);
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
	append(x, f, n, DOC_PARAGRAPH, strbuf_detach(&p));
	if (leaf) {
		quote_options opt = o->opt;
		opt.exclude = state(x)->printed;
		put_quotes(x, f, n, code, &opt, o->quotes);
		return;
	}
	/* Below the second level the grid's intermediate codes (« Créer du lien
	 * social ») add a heading without content: their leaves carry it. */
	for (size_t i = code + 1; i < interviews_code_count(iv); i++) {
		const iv_code *ci = interviews_code_at(iv, i);
		if (depth >= 1 ? (interviews_code_within(iv, i, code) && !has_children(iv, i))
			       : ci->parent == (int)code)
			effect_code(x, f, n, i, depth + 1, o);
	}
}

static void effects_chapter(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	if (!have_interviews(x, f, n))
		return;
	const interviews *iv = x->iv;
	effects *all = state(x)->all;
	effects_opts o = {0};
	o.quotes = (size_t)attr_int(x, f, n, "citations", 0, 10, 2);
	o.opt.max_quotes = o.quotes;
	o.opt.min_chars = (size_t)attr_int(x, f, n, "min-caracteres", 0, 5000, 40);
	o.opt.max_chars = (size_t)attr_int(x, f, n, "max-caracteres", 0, 5000, 320);
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
		append(x, f, n, DOC_LEAD,
		       xasprintf("Ce chapitre repose sur les %s entretiens menés dans %s KPA. "
				 "Leurs %s extraits ont été codés selon la grille d'analyse des "
				 "effets ; un entretien compte une fois pour un effet dès que l'un "
				 "de ses extraits l'évoque.",
				 a, b, c));
		append(x, f, n, DOC_NOTE,
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
			append(x, f, n, DOC_PARAGRAPH, xasprintf("<i>%s</i>", d));
			free(d);
		}
		bool leaf = !has_children(iv, i);
		char *s = cited_sentence(x, e,
					 leaf ? "Cet effet est cité"
					      : "Au moins un effet de cette catégorie est cité");
		append(x, f, n, DOC_PARAGRAPH, s);
		if (leaf) {
			quote_options opt = o.opt;
			opt.exclude = state(x)->printed;
			put_quotes(x, f, n, i, &opt, o.quotes);
			continue;
		}
		category_chart(x, f, n, i);
		for (size_t j = i + 1; j < interviews_code_count(iv); j++)
			if (interviews_code_at(iv, j)->parent == (int)i)
				effect_code(x, f, n, j, 1, &o);
	}
}

/* ---- a segment against all interviews ------------------------------------------------ */

/* A code is "cited more" by a segment when its share there is at least
 * 1.1 times its share overall: below that, rounding alone can make the
 * difference (one interview in ten is 10 points). */
#define OVER 110

static char *ratio_text(int ratio_x100)
{
	char buf[FMT_CAP];
	/* Tenths, rounded half up from the hundredths: « × 2,5 ». */
	return xasprintf("×" FR_NNBSP "%s",
			 fmt_decimal(buf, sizeof buf, (double)((ratio_x100 + 5) / 10) / 10.0, 1));
}

static void segment(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	if (!have_interviews(x, f, n))
		return;
	const interviews *iv = x->iv;
	int line = tmpl_line(n);
	char *text = attr_markup(x, f, n, "filtre", TMPL_PLAIN);
	char *where = xasprintf("%s:%d", f->path, line);
	iv_filter *flt = text ? iv_filter_parse(x->d, text, where) : NULL;
	free(where);
	if (!flt) {
		x->errors++;
		free(text);
		return;
	}
	size_t max = (size_t)attr_int(x, f, n, "max", 1, 50, 6);
	size_t n_quotes = (size_t)attr_int(x, f, n, "citations", 0, 10, 0);
	char *v = xml_attr_dup(n, "tous");
	bool every = v && !strcmp(v, "oui");
	free(v);
	char *name = attr_markup(x, f, n, "nom", TMPL_MARKUP);
	char *title = attr_markup(x, f, n, "titre", TMPL_MARKUP);
	char *note = attr_markup(x, f, n, "note", TMPL_MARKUP);

	segment_table *t = effects_segment(iv, flt);
	size_t nr = segment_table_count(t);
	long long base_seg = nr ? segment_table_at(t, 0)->base_seg : 0;
	long long base_all = nr ? segment_table_at(t, 0)->base_all : 0;
	char bs[FMT_CAP], ba[FMT_CAP];
	fmt_int(bs, sizeof bs, base_seg);
	fmt_int(ba, sizeof ba, base_all);
	const char *who = name ? name : "ce segment";
	const char *with = name ? "menés auprès de " : "de ";

	if (base_seg == 0 || hidden(x, base_seg)) {
		/* Describing fewer than k people would point at them. */
		char *cnt = count_text(x, base_seg);
		append(x, f, n, DOC_PARAGRAPH,
		       xasprintf("Les entretiens %s%s sont trop peu nombreux (%s sur %s) pour que "
				 "leurs résultats soient présentés sans risque de reconnaître les "
				 "personnes.",
				 with, who, cnt, ba));
		free(cnt);
		goto done;
	}

	/* Rows: the leaves of the codebook (a parent repeats its children); by
	 * default only those over-represented and cited by at least k
	 * interviews of the segment. Withheld rows go last, in codebook
	 * order, so their place in a ranking cannot give their ratio away. */
	size_t *rows = xcalloc(nr ? nr : 1, sizeof *rows), k = 0;
	for (size_t i = 0; i < nr; i++) {
		const segment_row *r = segment_table_at(t, i);
		if (has_children(iv, r->code) || hidden(x, r->n_seg))
			continue;
		if (every || r->ratio_x100 >= OVER)
			rows[k++] = i;
	}
	size_t shown = k < max ? k : max;
	size_t n_over = 0;
	for (size_t i = 0; i < shown; i++)
		n_over += segment_table_at(t, rows[i])->ratio_x100 >= OVER;
	if (every) {
		for (size_t c = 0; c < interviews_code_count(iv); c++)
			for (size_t i = 0; i < nr; i++) {
				const segment_row *r = segment_table_at(t, i);
				if (r->code == c && !has_children(iv, c) && hidden(x, r->n_seg))
					rows[k++] = i;
			}
		shown = k;
	}

	/* The lead sentence: the three effects the segment cites most above
	 * the average. */
	strbuf p = {0};
	size_t lead = n_over < 3 ? n_over : 3;
	if (lead == 0)
		strbuf_printf(&p, "Aucun effet n'est cité nettement plus souvent dans les %s "
				  "entretiens %s%s que dans l'ensemble des %s entretiens.",
			      bs, with, who, ba);
	else {
		strbuf_printf(&p, "Par rapport à l'ensemble des %s entretiens, les <b>%s entretiens</b> "
				  "%s%s citent plus souvent ",
			      ba, bs, with, who);
		for (size_t i = 0; i < lead; i++) {
			const segment_row *r = segment_table_at(t, rows[i]);
			char *label = lower_first(interviews_code_at(iv, r->code)->label);
			char *esc = doc_escape(label);
			char a[FMT_CAP], b[FMT_CAP];
			strbuf_printf(&p, "%s%s (%s contre %s)",
				      i == 0 ? "" : i + 1 == lead ? " et " : ", ", esc,
				      fmt_percent(a, sizeof a, r->pct_seg),
				      fmt_percent(b, sizeof b, r->pct_all));
			free(esc);
			free(label);
		}
		strbuf_puts(&p, ".");
	}
	append(x, f, n, DOC_PARAGRAPH, strbuf_detach(&p));

	if (shown > 0) {
		doc_block *b = append(x, f, n, DOC_TABLE, title);
		title = NULL;
		doc_table_set(b, 5, shown);
		static const double widths[] = {3.0, 1.3, 1.2, 1.4, 0.9};
		for (size_t c = 0; c < 5; c++) {
			b->cols[c].width = widths[c];
			b->cols[c].align = c == 0 ? DOC_ALIGN_LEFT : DOC_ALIGN_RIGHT;
		}
		/* "n = 10" must not break across lines. */
		b->cols[0].header = xstrdup("Effet");
		b->cols[1].header = xasprintf("Entretiens du segment (n" FR_NBSP "=" FR_NBSP "%s)", bs);
		b->cols[2].header = xstrdup("Part dans le segment");
		b->cols[3].header = xasprintf("Part dans l'ensemble (n" FR_NBSP "=" FR_NBSP "%s)", ba);
		b->cols[4].header = xstrdup("Rapport");
		for (size_t i = 0; i < shown; i++) {
			const segment_row *r = segment_table_at(t, rows[i]);
			char **cell = &b->cells[i * 5];
			bool sup = hidden(x, r->n_seg);
			char pc[FMT_CAP];
			cell[0] = doc_escape(interviews_code_at(iv, r->code)->label);
			cell[1] = count_text(x, r->n_seg);
			cell[2] = sup ? xstrdup("–") : xstrdup(fmt_percent(pc, sizeof pc, r->pct_seg));
			cell[3] = share_text(x, r->n_all, r->base_all);
			cell[4] = sup || r->ratio_x100 < 0 ? xstrdup("–") : ratio_text(r->ratio_x100);
		}
		if (note)
			b->subtitle = note;
		else {
			strbuf s = {0};
			strbuf_printf(&s, "Base : entretiens %s%s (n = %s) et ensemble des entretiens "
					  "(n = %s). Rapport : part dans le segment divisée par la part "
					  "dans l'ensemble ; avec si peu d'entretiens, ces écarts "
					  "décrivent sans prouver.",
				      with, who, bs, ba);
			if (!every)
				strbuf_printf(&s, " Seuls figurent les effets plus cités dans le "
						  "segment, par au moins %d entretiens.",
					      threshold(x) > 1 ? threshold(x) : 1);
			long long und = segment_table_undetermined(t);
			if (und > 0) {
				char *u = count_text(x, und);
				strbuf_printf(&s, " %s entretien%s dont l'âge n'est connu que par "
						  "tranche n'%s pas pu être classé%s.",
					      u, und > 1 ? "s" : "", und > 1 ? "ont" : "a",
					      und > 1 ? "s" : "");
				free(u);
			}
			b->subtitle = strbuf_detach(&s);
		}
		note = NULL;
	}

	/* Quotes from the segment's own interviews, one per leading effect in
	 * turn, never one already printed elsewhere in the document. */
	if (n_quotes > 0 && n_over > 0) {
		struct tmpl_iv_state *st = state(x);
		size_t ne = interviews_excerpt_count(iv);
		bool *skip = xcalloc(ne ? ne : 1, sizeof *skip);
		for (size_t e = 0; e < ne; e++) {
			const iv_excerpt *ex = interviews_excerpt_at(iv, e);
			skip[e] = st->printed[e] ||
				  iv_filter_match(flt, iv, interviews_at(iv, ex->interview)) != 1;
		}
		quote_options opt = {.max_quotes = 1, .min_chars = 40, .max_chars = 320,
				     .exclude = skip};
		size_t done_q = 0;
		for (size_t round = 0; round < 3 && done_q < n_quotes; round++)
			for (size_t i = 0; i < n_over && done_q < n_quotes; i++) {
				iv_quote q;
				size_t code = segment_table_at(t, rows[i])->code;
				if (quotes_select(iv, code, &opt, &q, 1) != 1)
					continue;
				char *w = tmpl_iv_attribution(x->d, iv, &q, threshold(x));
				doc_block *b = append(x, f, n, DOC_QUOTE, doc_escape(q.text));
				b->subtitle = w ? doc_escape(w) : NULL;
				free(w);
				skip[q.excerpt] = st->printed[q.excerpt] = true;
				done_q++;
			}
		free(skip);
	}
	free(rows);
done:
	segment_table_destroy(t);
	iv_filter_destroy(flt);
	free(text);
	free(name);
	free(title);
	free(note);
}

/* ---- cards ---------------------------------------------------------------------------- */

static void cards_chosen(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	if (!have_interviews(x, f, n))
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
	char *title = attr_markup(x, f, n, "titre", TMPL_MARKUP);
	char *note = attr_markup(x, f, n, "note", TMPL_MARKUP);
	if (!note)
		note = xasprintf("Base : entretiens réalisés (n = %s) ; pour la première carte, "
				 "entretiens où une carte au moins a été choisie (n = %s). Une "
				 "carte compte une fois par entretien, même le JOKER tiré plusieurs "
				 "fois.",
				 b1, b2);
	doc_chart *c = doc_add_chart(x->out, DOC_CHART_HBAR,
				     title ? title : "Les cartes choisies pendant les entretiens",
				     note);
	((doc_block *)doc_at(x->out, doc_count(x->out) - 1))->origin = origin(f, n);
	free(title);
	free(note);
	c->base = cc[0].base;
	c->threshold = threshold(x);
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
		char *t1 = share_text(x, k->interviews, k->base);
		char *t2 = share_text(x, k->first, k->base_first);
		doc_chart_set(c, 0, cat, (double)k->interviews, t1, hidden(x, k->interviews));
		doc_chart_set(c, 1, cat, (double)k->first, t2, hidden(x, k->first));
		free(t1);
		free(t2);
	}
	free(order);
	free(cc);
}

static void cards_to_cut(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	if (!have_interviews(x, f, n))
		return;
	const interviews *iv = x->iv;
	doc_block *b = append(x, f, n, DOC_CARDS, NULL);
	b->grid_cols = (int)attr_int(x, f, n, "colonnes", 1, 6, 3);
	b->grid_rows = (int)attr_int(x, f, n, "lignes", 1, 8, 4);
	b->subtitle = attr_markup(x, f, n, "mention", TMPL_MARKUP);
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
	char *title = attr_markup(x, f, n, "titre", TMPL_MARKUP);
	char *note = attr_markup(x, f, n, "note", TMPL_MARKUP);
	xmlNode *last = NULL;
	for (xmlNode *r = n->children; r; r = r->next)
		if (r->type == XML_ELEMENT_NODE && is(r, "rubrique"))
			last = r;
	for (xmlNode *r = n->children; r; r = r->next) {
		if (r->type != XML_ELEMENT_NODE || !is(r, "rubrique"))
			continue;
		size_t rows = 0;
		for (xmlNode *c = r->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE && is(c, "champ"))
				rows += (size_t)attr_int(x, f, c, "lignes", 1, 30, 1);
		doc_block *b = append(x, f, r, DOC_TABLE, title);
		title = NULL; /* the caption goes above the first table only */
		doc_table_set(b, 2, rows);
		b->cols[0].width = 1.0;
		b->cols[1].width = 2.2;
		b->cols[0].header = attr_markup(x, f, r, "titre", TMPL_MARKUP);
		b->cols[1].header = xstrdup("");
		size_t row = 0;
		for (xmlNode *c = r->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE || !is(c, "champ"))
				continue;
			size_t lines = (size_t)attr_int(x, f, c, "lignes", 1, 30, 1);
			for (size_t i = 0; i < lines; i++, row++) {
				char *label = i == 0 ? attr_markup(x, f, c, "libelle", TMPL_MARKUP)
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

void tmpl_iv_body(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	if (is(n, "effets"))
		effects_chapter(x, f, n);
	else if (is(n, "segment"))
		segment(x, f, n);
	else if (is(n, "cartes-choisies"))
		cards_chosen(x, f, n);
	else if (is(n, "cartes-a-decouper"))
		cards_to_cut(x, f, n);
	else if (is(n, "formulaire"))
		form(x, f, n);
}
