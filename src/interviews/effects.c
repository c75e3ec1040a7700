/* effects.c - counts of effects cited in the interviews, rolled up through the
 * codebook; segment filters and over-representation; card picks. */
#include "effects.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "interview_int.h"
#include "parse_fr.h"
#include "util.h"

/* --- filters ------------------------------------------------------------------------ */

typedef enum { F_GENRE, F_AGE, F_KPA, F_ANCIENNETE } f_attr;
typedef enum { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE } f_op;

typedef struct {
	f_attr attr;
	f_op op;
	long long number;  /* for comparisons */
	char **alts;       /* for = and !=: alternatives (| separated) */
	size_t n_alts;
	bool band;         /* age=...: alternatives are bands */
} f_cond;

struct iv_filter {
	f_cond *conds;
	size_t n;
};

void iv_filter_destroy(iv_filter *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		for (size_t k = 0; k < f->conds[i].n_alts; k++)
			free(f->conds[i].alts[k]);
		free(f->conds[i].alts);
	}
	free(f->conds);
	free(f);
}

static bool parse_cond(const char *s, f_cond *c, const char **why)
{
	static const char *const names[] = {"genre", "age", "kpa", "anciennete"};
	size_t nl = strcspn(s, "=!<>");
	c->attr = (f_attr)-1;
	for (int i = 0; i < 4; i++)
		if (strlen(names[i]) == nl && strncmp(s, names[i], nl) == 0)
			c->attr = (f_attr)i;
	if ((int)c->attr < 0) {
		*why = N_("a condition on genre, age, kpa or anciennete");
		return false;
	}
	const char *p = s + nl;
	if (!strncmp(p, "!=", 2)) c->op = OP_NE, p += 2;
	else if (!strncmp(p, "<=", 2)) c->op = OP_LE, p += 2;
	else if (!strncmp(p, ">=", 2)) c->op = OP_GE, p += 2;
	else if (*p == '=') c->op = OP_EQ, p++;
	else if (*p == '<') c->op = OP_LT, p++;
	else if (*p == '>') c->op = OP_GT, p++;
	else {
		*why = N_("an operator: = != < <= > >=");
		return false;
	}
	if (!*p) {
		*why = N_("a value after the operator");
		return false;
	}
	bool ordered = c->op != OP_EQ && c->op != OP_NE;
	if (ordered || (c->attr == F_ANCIENNETE) ||
	    (c->attr == F_AGE && parse_integer(p, &c->number) == PARSE_OK && !strchr(p, '|'))) {
		if (c->attr == F_GENRE || c->attr == F_KPA) {
			*why = N_("= or != for genre and kpa");
			return false;
		}
		if (parse_integer(p, &c->number) != PARSE_OK || c->number < 0) {
			*why = N_("a whole number for an ordered comparison");
			return false;
		}
		if (c->op == OP_EQ || c->op == OP_NE) {
			/* age=27: equality on years is a comparison like the others. */
			c->alts = NULL;
		}
		c->band = false;
		return true;
	}
	/* Alternatives. */
	char *copy = xstrdup(p), *save = NULL;
	for (char *t = strtok_r(copy, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
		if (c->attr == F_GENRE && model_enum_parse(ENUM_SEX, t) < 0) {
			*why = N_("F or H for genre");
			free(copy);
			return false;
		}
		if (c->attr == F_AGE && model_enum_parse(ENUM_AGE, t) < 0) {
			*why = N_("an age band (16-24, 25-39, 40-54, 55+) or a number of years for age");
			free(copy);
			return false;
		}
		c->alts = xreallocarray(c->alts, c->n_alts + 1, sizeof *c->alts);
		c->alts[c->n_alts++] = xstrdup(t);
	}
	free(copy);
	c->band = c->attr == F_AGE;
	if (!c->n_alts) {
		*why = N_("a value after the operator");
		return false;
	}
	return true;
}

iv_filter *iv_filter_parse(diag_sink *d, const char *text, const char *where)
{
	iv_filter *f = xcalloc(1, sizeof *f);
	char *copy = xstrdup(text ? text : ""), *save = NULL;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ')
			t++;
		char *e = t + strlen(t);
		while (e > t && e[-1] == ' ')
			*--e = '\0';
		f->conds = xreallocarray(f->conds, f->n + 1, sizeof *f->conds);
		f_cond *c = &f->conds[f->n++];
		memset(c, 0, sizeof *c);
		const char *why = NULL;
		if (!parse_cond(t, c, &why)) {
			diag_emit(d, DIAG_ERROR, SRC_LOC(where, 0, 0), "filtre",
				  "expected %s, found \"%s\" in the segment filter \"%s\"", _(why), t,
				  text);
			free(copy);
			iv_filter_destroy(f);
			return NULL;
		}
	}
	free(copy);
	return f;
}

static int cmp_num(long long v, f_op op, long long n)
{
	switch (op) {
	case OP_EQ: return v == n;
	case OP_NE: return v != n;
	case OP_LT: return v < n;
	case OP_LE: return v <= n;
	case OP_GT: return v > n;
	case OP_GE: return v >= n;
	}
	return 0;
}

/* Ages a band covers; 55+ is taken as 55-120. */
static void band_bounds(model_age b, long long *lo, long long *hi)
{
	static const long long B[AGE__COUNT][2] = {{16, 24}, {25, 39}, {40, 54}, {55, 120}};
	*lo = B[b][0];
	*hi = B[b][1];
}

static int match_cond(const f_cond *c, const iv_interview *it)
{
	bool eq = c->op == OP_EQ;
	switch (c->attr) {
	case F_GENRE:
	case F_KPA: {
		bool any = false;
		for (size_t k = 0; k < c->n_alts; k++)
			any |= c->attr == F_GENRE ? model_enum_parse(ENUM_SEX, c->alts[k]) == (int)it->gender
						  : strcmp(c->alts[k], it->kpa_id) == 0;
		return eq ? any : !any;
	}
	case F_ANCIENNETE:
		return cmp_num(it->months_in_kpa, c->op, c->number);
	case F_AGE:
		if (c->band) {
			bool any = false;
			for (size_t k = 0; k < c->n_alts; k++)
				any |= model_enum_parse(ENUM_AGE, c->alts[k]) == (int)it->age_band;
			return eq ? any : !any;
		}
		if (it->age_years)
			return cmp_num(it->age_years, c->op, c->number);
		{
			/* Only the band is known: decide when the whole band agrees. */
			long long lo, hi;
			band_bounds(it->age_band, &lo, &hi);
			bool all = true, none = true;
			for (long long a = lo; a <= hi; a++) {
				int r = cmp_num(a, c->op, c->number);
				all &= r;
				none &= !r;
			}
			return all ? 1 : none ? 0 : -1;
		}
	}
	return 0;
}

int iv_filter_match(const iv_filter *f, const interviews *iv, const iv_interview *it)
{
	(void)iv;
	if (!f)
		return 1;
	int result = 1;
	for (size_t i = 0; i < f->n; i++) {
		int r = match_cond(&f->conds[i], it);
		if (r == 0)
			return 0; /* one false condition decides, even after an undetermined one */
		if (r < 0)
			result = -1;
	}
	return result;
}

/* --- counts ---------------------------------------------------------------------- */

struct effects {
	effect_count *rows;
	size_t n;
	long long base, undetermined;
};

effects *effects_compute(const interviews *iv, const iv_filter *f)
{
	effects *e = xcalloc(1, sizeof *e);
	e->n = iv->n_codes;
	e->rows = xcalloc(e->n ? e->n : 1, sizeof *e->rows);
	/* Per interview, which codes it cites (rolled up): a mark per code
	 * holding the last interview / excerpt that counted, so nothing is
	 * counted twice. */
	size_t *seen_iv = xcalloc(e->n ? e->n : 1, sizeof *seen_iv);
	size_t *seen_ex = xcalloc(e->n ? e->n : 1, sizeof *seen_ex);
	for (size_t c = 0; c < e->n; c++) {
		e->rows[c].code = c;
		seen_iv[c] = seen_ex[c] = (size_t)-1;
	}
	for (size_t i = 0; i < iv->n_items; i++) {
		const iv_interview *it = &iv->items[i];
		int m = iv_filter_match(f, iv, it);
		if (m < 0)
			e->undetermined++;
		if (m <= 0)
			continue;
		e->base++;
		for (size_t x = it->first_excerpt; x < it->first_excerpt + it->n_excerpts; x++) {
			const iv_excerpt *ex = &iv->excerpts[x];
			for (size_t k = 0; k < ex->n_codes; k++)
				for (int c = (int)ex->codes[k]; c >= 0; c = iv->codes[c].parent) {
					if (seen_ex[c] != x) {
						seen_ex[c] = x;
						e->rows[c].excerpts++;
					}
					if (seen_iv[c] != i) {
						seen_iv[c] = i;
						e->rows[c].interviews++;
					}
				}
		}
	}
	for (size_t c = 0; c < e->n; c++) {
		e->rows[c].base = e->base;
		e->rows[c].percent =
			e->base ? (int)((200 * e->rows[c].interviews + e->base) / (2 * e->base)) : -1;
	}
	free(seen_iv);
	free(seen_ex);
	return e;
}

void effects_destroy(effects *e)
{
	if (!e)
		return;
	free(e->rows);
	free(e);
}

long long effects_base(const effects *e) { return e->base; }
long long effects_undetermined(const effects *e) { return e->undetermined; }
const effect_count *effects_at(const effects *e, size_t code) { return code < e->n ? &e->rows[code] : NULL; }

static int cmp_ranked(const void *a, const void *b)
{
	const effect_count *x = *(const effect_count *const *)a, *y = *(const effect_count *const *)b;
	if (x->interviews != y->interviews)
		return x->interviews > y->interviews ? -1 : 1;
	if (x->excerpts != y->excerpts)
		return x->excerpts > y->excerpts ? -1 : 1;
	return x->code < y->code ? -1 : x->code > y->code;
}

size_t effects_ranked(const effects *e, const interviews *iv, int depth, const effect_count **out,
		      size_t cap)
{
	const effect_count **all = xcalloc(e->n ? e->n : 1, sizeof *all);
	size_t n = 0;
	for (size_t c = 0; c < e->n; c++)
		if (depth < 0 || iv->codes[c].depth == depth)
			all[n++] = &e->rows[c];
	qsort(all, n, sizeof *all, cmp_ranked);
	size_t w = n < cap ? n : cap;
	memcpy(out, all, w * sizeof *out);
	free(all);
	return w;
}

/* --- segments -------------------------------------------------------------------- */

struct segment_table {
	segment_row *rows;
	size_t n;
	long long undetermined;
};

static int pct(long long v, long long b)
{
	return b > 0 ? (int)((200 * v + b) / (2 * b)) : -1;
}

static int cmp_rows(const void *a, const void *b)
{
	const segment_row *x = a, *y = b;
	if (x->ratio_x100 != y->ratio_x100)
		return x->ratio_x100 > y->ratio_x100 ? -1 : 1;
	if (x->diff_tenths != y->diff_tenths)
		return x->diff_tenths > y->diff_tenths ? -1 : 1;
	if (x->n_seg != y->n_seg)
		return x->n_seg > y->n_seg ? -1 : 1;
	return x->code < y->code ? -1 : x->code > y->code;
}

segment_table *effects_segment(const interviews *iv, const iv_filter *f)
{
	effects *all = effects_compute(iv, NULL);
	effects *seg = effects_compute(iv, f);
	segment_table *t = xcalloc(1, sizeof *t);
	t->n = iv->n_codes;
	t->rows = xcalloc(t->n ? t->n : 1, sizeof *t->rows);
	t->undetermined = seg->undetermined;
	for (size_t c = 0; c < t->n; c++) {
		segment_row *r = &t->rows[c];
		r->code = c;
		r->n_seg = seg->rows[c].interviews;
		r->base_seg = seg->base;
		r->n_all = all->rows[c].interviews;
		r->base_all = all->base;
		r->pct_seg = pct(r->n_seg, r->base_seg);
		r->pct_all = pct(r->n_all, r->base_all);
		/* (n_seg/base_seg) / (n_all/base_all) = n_seg*base_all / (base_seg*n_all). */
		long long num = r->n_seg * r->base_all, den = r->base_seg * r->n_all;
		r->ratio_x100 = den > 0 ? (int)((200 * num + den) / (2 * den)) : -1;
		/* 1000 * (n_seg/base_seg - n_all/base_all), over base_seg*base_all. */
		long long dnum = 1000 * (r->n_seg * r->base_all - r->n_all * r->base_seg);
		long long dden = r->base_seg * r->base_all;
		if (dden > 0) {
			long long q = (2 * (dnum < 0 ? -dnum : dnum) + dden) / (2 * dden);
			r->diff_tenths = (int)(dnum < 0 ? -q : q);
		}
	}
	qsort(t->rows, t->n, sizeof *t->rows, cmp_rows);
	effects_destroy(all);
	effects_destroy(seg);
	return t;
}

void segment_table_destroy(segment_table *t)
{
	if (!t)
		return;
	free(t->rows);
	free(t);
}

size_t segment_table_count(const segment_table *t) { return t->n; }
const segment_row *segment_table_at(const segment_table *t, size_t i) { return i < t->n ? &t->rows[i] : NULL; }
long long segment_table_undetermined(const segment_table *t) { return t->undetermined; }

/* --- cards ------------------------------------------------------------------------ */

void effects_cards(const interviews *iv, card_count *out)
{
	long long with_cards = 0;
	for (size_t k = 0; k < iv->n_cards; k++)
		out[k] = (card_count){.card = k, .base = (long long)iv->n_items};
	for (size_t i = 0; i < iv->n_items; i++) {
		const iv_interview *it = &iv->items[i];
		if (it->n_cards) {
			with_cards++;
			out[it->cards[0]].first++;
		}
		for (size_t j = 0; j < it->n_cards; j++) {
			bool before = false;
			for (size_t p = 0; p < j; p++)
				before |= it->cards[p] == it->cards[j];
			out[it->cards[j]].picks++;
			if (!before)
				out[it->cards[j]].interviews++;
		}
	}
	for (size_t k = 0; k < iv->n_cards; k++)
		out[k].base_first = with_cards;
}

/* --- CSV ------------------------------------------------------------------------------ */


static void row_count(FILE *out, const char *id, const char *group, const char *label,
		      long long v, long long base, const char *base_id)
{
	fput_csv_field(out, id);
	fputc(',', out);
	fput_csv_field(out, group);
	fputc(',', out);
	fput_csv_field(out, label);
	fprintf(out, ",%lld,count,", v);
	if (base > 0)
		fprintf(out, "%lld,%s,%.6f,%d\n", base, base_id, (double)v / (double)base,
			pct(v, base));
	else
		fputs(",,,\n", out);
}

/* value with two (ratio) or one (points) decimals from an integer. */
static void row_fixed(FILE *out, const char *id, const char *group, const char *label, int v,
		      int scale, const char *unit)
{
	fput_csv_field(out, id);
	fputc(',', out);
	fput_csv_field(out, group);
	fputc(',', out);
	fput_csv_field(out, label);
	int a = v < 0 ? -v : v;
	if (scale == 100)
		fprintf(out, ",%s%d.%02d,%s,,,,\n", v < 0 ? "-" : "", a / 100, a % 100, unit);
	else
		fprintf(out, ",%s%d.%d,%s,,,,\n", v < 0 ? "-" : "", a / 10, a % 10, unit);
}

static void write_segment(const interviews *iv, FILE *out, const char *sid, const char *title,
			  const char *filter)
{
	iv_filter *f = iv_filter_parse(NULL, filter, "segment");
	segment_table *t = effects_segment(iv, f);
	char *group = xasprintf("segment.%s", sid);
	char *base_id = xasprintf("segment.%s.entretiens", sid);
	char *label = xasprintf("Entretiens : %s (%s)", title, filter);
	row_count(out, base_id, group, label, t->n ? t->rows[0].base_seg : 0, 0, "");
	free(label);
	if (t->undetermined) {
		char *id = xasprintf("segment.%s.indetermines", sid);
		row_count(out, id, group, "Entretiens que le filtre ne peut pas classer", t->undetermined,
			  0, "");
		free(id);
	}
	for (size_t i = 0; i < t->n; i++) {
		const segment_row *r = &t->rows[i];
		const iv_code *c = &iv->codes[r->code];
		char *id = xasprintf("segment.%s.%s.entretiens", sid, c->id);
		row_count(out, id, group, c->label, r->n_seg, r->base_seg, base_id);
		free(id);
		id = xasprintf("segment.%s.%s.ratio", sid, c->id);
		if (r->ratio_x100 >= 0)
			row_fixed(out, id, group, c->label, r->ratio_x100, 100, "ratio");
		free(id);
		id = xasprintf("segment.%s.%s.ecart", sid, c->id);
		row_fixed(out, id, group, c->label, r->diff_tenths, 10, "points");
		free(id);
	}
	free(group);
	free(base_id);
	segment_table_destroy(t);
	iv_filter_destroy(f);
}

void effects_write_csv(const interviews *iv, FILE *out)
{
	fputs("id,group,label,value,unit,base,base_id,share,percent\n", out);
	effects *e = effects_compute(iv, NULL);
	row_count(out, "entretiens.total", "entretiens", "Entretiens", e->base, 0, "");
	row_count(out, "entretiens.extraits", "entretiens", "Extraits codés",
		  (long long)iv->n_excerpts, 0, "");
	long long consented = 0;
	for (size_t x = 0; x < iv->n_excerpts; x++)
		consented += iv->excerpts[x].consent && !iv->excerpts[x].name_refused;
	row_count(out, "entretiens.extraits-citables", "entretiens",
		  "Extraits citables (consentement, aucun prénom réel)", consented,
		  (long long)iv->n_excerpts, "entretiens.extraits");
	for (size_t c = 0; c < e->n; c++) {
		const iv_code *code = &iv->codes[c];
		char *id = xasprintf("effet.%s.entretiens", code->id);
		row_count(out, id, "effets", code->label, e->rows[c].interviews, e->base,
			  "entretiens.total");
		free(id);
		id = xasprintf("effet.%s.extraits", code->id);
		row_count(out, id, "effets", code->label, e->rows[c].excerpts,
			  (long long)iv->n_excerpts, "entretiens.extraits");
		free(id);
	}
	effects_destroy(e);
	write_segment(iv, out, "femmes-40", "femmes de 40 ans et plus", EFFECTS_SEGMENT_WOMEN_40);
	write_segment(iv, out, "moins-30", "moins de 30 ans", EFFECTS_SEGMENT_UNDER_30);
	card_count *cc = xcalloc(iv->n_cards ? iv->n_cards : 1, sizeof *cc);
	effects_cards(iv, cc);
	for (size_t k = 0; k < iv->n_cards; k++) {
		const iv_card *card = &iv->cards[k];
		char *id = xasprintf("carte.%s.entretiens", card->id);
		row_count(out, id, "cartes", card->label, cc[k].interviews, cc[k].base,
			  "entretiens.total");
		free(id);
		id = xasprintf("carte.%s.tirages", card->id);
		row_count(out, id, "cartes", card->label, cc[k].picks, 0, "");
		free(id);
		id = xasprintf("carte.%s.premiere", card->id);
		row_count(out, id, "cartes-premiere", card->label, cc[k].first, cc[k].base_first,
			  "entretiens.avec-cartes");
		free(id);
	}
	long long with_cards = iv->n_cards ? cc[0].base_first : 0;
	row_count(out, "entretiens.avec-cartes", "entretiens", "Entretiens avec au moins une carte",
		  with_cards, 0, "");
	free(cc);
}
