/* tmpl_iv_segment.c - <segment filtre=…/>: the effects a segment of the
 * interviews (« femmes de 40 ans et plus ») cites more often than all the
 * interviews do. In steps: read the element, count, pick the rows, say it
 * in a sentence, show it in a table, and let the segment's own words
 * illustrate it. A segment smaller than k is not described at all: it
 * would point at the people in it. */
#include <stdlib.h>
#include <string.h>

#include "fmt_fr.h"
#include "tmpl_elems.h"
#include "tmpl_iv_int.h"

/* A code is "cited more" by a segment when its share there is at least
 * 1.1 times its share overall: below that, rounding alone can make the
 * difference (one interview in ten is 10 points). */
#define OVER 110

/* One <segment> being expanded. */
typedef struct {
	/* The element. */
	char *filter_text;
	iv_filter *flt;
	size_t max;      /* rows shown, at most */
	size_t n_quotes; /* quotes wanted */
	bool every;      /* tous="oui": every effect, not only those cited more */
	char *name;      /* nom: the people, for sentences (markup), or NULL */
	char *title;     /* titre: the table's caption, or NULL */
	char *note;      /* note: replaces the generated base note, or NULL */
	/* The counts. */
	segment_table *t;
	char bs[FMT_CAP], ba[FMT_CAP]; /* bases: segment, all interviews */
	long long base_seg;
	const char *who, *with;        /* « menés auprès de » name, or « de ce segment » */
	/* The rows of t shown, in order. */
	size_t *rows;
	size_t shown;
	size_t n_over; /* the first n_over rows are cited more */
} seg_run;

/* Read the element's attributes, in the order their errors are reported;
 * false when the filter does not parse (reported). */
static bool seg_read(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, seg_run *r)
{
	r->filter_text = tmpl_attr_eval(x, f, n, "filtre", TMPL_PLAIN, NULL);
	char *where = xasprintf("%s:%d", f->path, tmpl_line(n));
	r->flt = r->filter_text ? iv_filter_parse(x->d, r->filter_text, where) : NULL;
	free(where);
	if (!r->flt) {
		x->errors++;
		return false;
	}
	r->max = (size_t)tmpl_attr_int(x, f, n, "max", 1, 50, 6);
	r->n_quotes = (size_t)tmpl_attr_int(x, f, n, "citations", 0, 10, 0);
	r->every = tmpl_attr_is(n, "tous", "oui");
	r->name = tmpl_attr_eval(x, f, n, "nom", TMPL_MARKUP, NULL);
	r->title = tmpl_attr_eval(x, f, n, "titre", TMPL_MARKUP, NULL);
	r->note = tmpl_attr_eval(x, f, n, "note", TMPL_MARKUP, NULL);
	return true;
}

/* The segment against all interviews; returns the segment's base. */
static long long seg_count(tmpl_ctx *x, seg_run *r)
{
	r->t = effects_segment(x->iv, r->flt);
	size_t nr = segment_table_count(r->t);
	long long base_seg = nr ? segment_table_at(r->t, 0)->base_seg : 0;
	long long base_all = nr ? segment_table_at(r->t, 0)->base_all : 0;
	fmt_int(r->bs, sizeof r->bs, base_seg);
	r->base_seg = base_seg;
	fmt_int(r->ba, sizeof r->ba, base_all);
	r->who = r->name ? r->name : "ce segment";
	r->with = r->name ? "menés auprès de " : "de ";
	return base_seg;
}

/* Describing fewer than k people would point at them: one sentence says so. */
static void seg_too_small(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, const seg_run *r,
			  long long base_seg)
{
	char *cnt = tmpl_iv_count_text(x, base_seg, 0);
	tmpl_iv_append(x, f, n, DOC_PARAGRAPH,
		       xasprintf("Les entretiens %s%s sont trop peu nombreux (%s sur %s) pour que "
				 "leurs résultats soient présentés sans risque de reconnaître les "
				 "personnes.",
				 r->with, r->who, cnt, r->ba));
	free(cnt);
}

/* The rows: the leaves of the codebook (a parent repeats its children); by
 * default only those over-represented and cited by at least k interviews
 * of the segment. With tous="oui", withheld rows go last, in codebook
 * order, so their place in a ranking cannot give their ratio away. */
static void seg_pick_rows(const tmpl_ctx *x, seg_run *r)
{
	const interviews *iv = x->iv;
	size_t nr = segment_table_count(r->t), k = 0;
	r->rows = xcalloc(nr ? nr : 1, sizeof *r->rows);
	for (size_t i = 0; i < nr; i++) {
		const segment_row *row = segment_table_at(r->t, i);
		if (tmpl_iv_has_children(iv, row->code) || tmpl_iv_hidden(x, row->n_seg, r->base_seg))
			continue;
		if (r->every || row->ratio_x100 >= OVER)
			r->rows[k++] = i;
	}
	r->shown = k < r->max ? k : r->max;
	for (size_t i = 0; i < r->shown; i++)
		r->n_over += segment_table_at(r->t, r->rows[i])->ratio_x100 >= OVER;
	if (!r->every)
		return;
	for (size_t c = 0; c < interviews_code_count(iv); c++)
		for (size_t i = 0; i < nr; i++) {
			const segment_row *row = segment_table_at(r->t, i);
			if (row->code == c && !tmpl_iv_has_children(iv, c) &&
			    tmpl_iv_hidden(x, row->n_seg, r->base_seg))
				r->rows[k++] = i;
		}
	r->shown = k;
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

/* The lead sentence: the three effects the segment cites most above the
 * average. */
static void seg_sentence(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, const seg_run *r)
{
	strbuf p = {0};
	size_t lead = r->n_over < 3 ? r->n_over : 3;
	if (lead == 0) {
		strbuf_printf(&p, "Aucun effet n'est cité nettement plus souvent dans les %s "
				  "entretiens %s%s que dans l'ensemble des %s entretiens.",
			      r->bs, r->with, r->who, r->ba);
		tmpl_iv_append(x, f, n, DOC_PARAGRAPH, strbuf_detach(&p));
		return;
	}
	strbuf_printf(&p, "Par rapport à l'ensemble des %s entretiens, les <b>%s entretiens</b> "
			  "%s%s citent plus souvent ",
		      r->ba, r->bs, r->with, r->who);
	for (size_t i = 0; i < lead; i++) {
		const segment_row *row = segment_table_at(r->t, r->rows[i]);
		char *label = lower_first(interviews_code_at(x->iv, row->code)->label);
		char *esc = doc_escape(label);
		char a[FMT_CAP], b[FMT_CAP];
		/* The overall share only when the module lets it be printed. */
		if (tmpl_iv_hidden(x, row->n_all, row->base_all))
			strbuf_printf(&p, "%s%s (%s)", i == 0 ? "" : i + 1 == lead ? " et " : ", ", esc,
				      fmt_percent(a, sizeof a, row->pct_seg));
		else
			strbuf_printf(&p, "%s%s (%s contre %s)",
				      i == 0 ? "" : i + 1 == lead ? " et " : ", ", esc,
				      fmt_percent(a, sizeof a, row->pct_seg),
				      fmt_percent(b, sizeof b, row->pct_all));
		free(esc);
		free(label);
	}
	strbuf_puts(&p, ".");
	tmpl_iv_append(x, f, n, DOC_PARAGRAPH, strbuf_detach(&p));
}

static char *ratio_text(int ratio_x100)
{
	char buf[FMT_CAP];
	/* Tenths, rounded half up from the hundredths: « × 2,5 ». */
	return xasprintf("×" FR_NNBSP "%s",
			 fmt_decimal(buf, sizeof buf, (double)((ratio_x100 + 5) / 10) / 10.0, 1));
}

/* The note under the table when the element gives none: the bases, what
 * the ratio is, and what was left out. */
static char *seg_table_note(const tmpl_ctx *x, const seg_run *r)
{
	strbuf s = {0};
	strbuf_printf(&s, "Base : entretiens %s%s (n = %s) et ensemble des entretiens "
			  "(n = %s). Rapport : part dans le segment divisée par la part "
			  "dans l'ensemble ; avec si peu d'entretiens, ces écarts "
			  "décrivent sans prouver.",
		      r->with, r->who, r->bs, r->ba);
	if (!r->every)
		strbuf_printf(&s, " Seuls figurent les effets plus cités dans le "
				  "segment, par au moins %d entretiens.",
			      x->k > 1 ? x->k : 1);
	long long und = segment_table_undetermined(r->t);
	if (und > 0) {
		char *u = tmpl_iv_count_text(x, und, 0);
		strbuf_printf(&s, " %s entretien%s dont l'âge n'est connu que par "
				  "tranche n'%s pas pu être classé%s.",
			      u, und > 1 ? "s" : "", und > 1 ? "ont" : "a", und > 1 ? "s" : "");
		free(u);
	}
	return strbuf_detach(&s);
}

/* Five columns: the effect, the segment's interviews citing it, its share
 * in the segment, its share overall, and the ratio of the two. */
static void seg_table(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, seg_run *r)
{
	doc_block *b = tmpl_iv_append(x, f, n, DOC_TABLE, r->title);
	r->title = NULL;
	doc_table_set(b, 5, r->shown);
	static const double widths[] = {3.0, 1.3, 1.2, 1.4, 0.9};
	for (size_t c = 0; c < 5; c++) {
		b->cols[c].width = widths[c];
		b->cols[c].align = c == 0 ? DOC_ALIGN_LEFT : DOC_ALIGN_RIGHT;
	}
	/* "n = 10" must not break across lines. */
	b->cols[0].header = xstrdup("Effet");
	b->cols[1].header = xasprintf("Entretiens du segment (n" FR_NBSP "=" FR_NBSP "%s)", r->bs);
	b->cols[2].header = xstrdup("Part dans le segment");
	b->cols[3].header = xasprintf("Part dans l'ensemble (n" FR_NBSP "=" FR_NBSP "%s)", r->ba);
	b->cols[4].header = xstrdup("Rapport");
	for (size_t i = 0; i < r->shown; i++) {
		const segment_row *row = segment_table_at(r->t, r->rows[i]);
		char **cell = &b->cells[i * 5];
		bool sup = tmpl_iv_hidden(x, row->n_seg, r->base_seg);
		char pc[FMT_CAP];
		cell[0] = doc_escape(interviews_code_at(x->iv, row->code)->label);
		cell[1] = tmpl_iv_count_text(x, row->n_seg, r->base_seg);
		cell[2] = sup ? xstrdup("–") : xstrdup(fmt_percent(pc, sizeof pc, row->pct_seg));
		cell[3] = tmpl_iv_share_text(x, row->n_all, row->base_all);
		/* The ratio with the segment's share gives the overall share back. */
		bool sup_all = tmpl_iv_hidden(x, row->n_all, row->base_all);
		cell[4] = sup || sup_all || row->ratio_x100 < 0 ? xstrdup("–")
								: ratio_text(row->ratio_x100);
	}
	b->subtitle = r->note ? r->note : seg_table_note(x, r);
	r->note = NULL;
}

/* Quotes from the segment's own interviews, one per leading effect in
 * turn, never one already printed elsewhere in the document. */
static void seg_quotes(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, const seg_run *r)
{
	const interviews *iv = x->iv;
	const bool *printed = tmpl_iv_state_of(x)->printed;
	size_t ne = interviews_excerpt_count(iv);
	bool *skip = xcalloc(ne ? ne : 1, sizeof *skip);
	for (size_t e = 0; e < ne; e++) {
		const iv_excerpt *ex = interviews_excerpt_at(iv, e);
		skip[e] = printed[e] || iv_filter_match(r->flt, iv, interviews_at(iv, ex->interview)) != 1;
	}
	quote_options opt = {.max_quotes = 1, .min_chars = 40, .max_chars = 320, .exclude = skip};
	size_t done = 0;
	for (size_t round = 0; round < 3 && done < r->n_quotes; round++)
		for (size_t i = 0; i < r->n_over && done < r->n_quotes; i++) {
			iv_quote q;
			size_t code = segment_table_at(r->t, r->rows[i])->code;
			if (quotes_select(iv, code, &opt, &q, 1) != 1)
				continue;
			tmpl_iv_quote(x, f, n, &q);
			skip[q.excerpt] = true;
			done++;
		}
	free(skip);
}

static void seg_free(seg_run *r)
{
	free(r->rows);
	segment_table_destroy(r->t);
	iv_filter_destroy(r->flt);
	free(r->filter_text);
	free(r->name);
	free(r->title);
	free(r->note);
}

static void segment(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	if (!tmpl_iv_have(x, f, n))
		return;
	seg_run r = {0};
	if (seg_read(x, f, n, &r)) {
		long long base_seg = seg_count(x, &r);
		if (base_seg == 0 || tmpl_iv_hidden(x, base_seg, 0))
			seg_too_small(x, f, n, &r, base_seg);
		else {
			seg_pick_rows(x, &r);
			seg_sentence(x, f, n, &r);
			if (r.shown > 0)
				seg_table(x, f, n, &r);
			if (r.n_quotes > 0 && r.n_over > 0)
				seg_quotes(x, f, n, &r);
		}
	}
	seg_free(&r);
}

static const tmpl_elem elems[] = {
	{"segment",
	 "what a segment (`filtre`) cites more than all interviews: a sentence, a table, quotes",
	 segment, NULL,
	 {{"filtre"}, {"titre"}, {"nom"}, {"note"}, {"max"}, {"tous", "oui", "non"},
	  {"citations"}}},
};

const tmpl_elem_family tmpl_family_segment = {elems, sizeof elems / sizeof *elems};
