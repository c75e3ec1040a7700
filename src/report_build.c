/* report_build.c - cover, contents, key figures and financial pages.
 *
 * Every share printed states its base ("n = 267"), because the report's
 * denominators differ (all coopérant·es, the 72 registered at Pôle emploi,
 * the 98 who left). Counts under the privacy threshold are printed as
 * "< k" and their bars are drawn without their true length; their percent is
 * withheld too, since it would give the count away. */
#include "report_build.h"

#include <stdlib.h>
#include <string.h>

#include "fmt_fr.h"
#include "util.h"

typedef struct {
	doc *d;
	const model *m;
	const stats *s;
	int k; /* privacy threshold */
} rb;

int report_count_text(long long value, int threshold, char *buf, size_t cap)
{
	if (threshold > 0 && value > 0 && value < threshold) {
		/* Markup: '<' must be written as an entity. */
		snprintf(buf, cap, "&lt;" FR_NNBSP "%d", threshold);
		return 1;
	}
	fmt_int(buf, cap, value);
	return 0;
}

static const stat_figure *fig(const rb *r, const char *id)
{
	const stat_figure *f = stats_lookup(r->s, id);
	if (!f) {
		/* A missing id is a programming error in this builder, not bad input. */
		fprintf(stderr, "recit: internal error: no figure \"%s\"\n", id);
		abort();
	}
	return f;
}

/* "73 %" or "< 3" when suppressed. */
static char *share_text(const rb *r, const stat_figure *f)
{
	char buf[FMT_CAP];
	if (report_count_text(f->value, r->k, buf, sizeof buf) || f->percent < 0)
		return xstrdup(buf);
	return xstrdup(fmt_percent(buf, sizeof buf, f->percent));
}

static char *base_note(const stat_group *g)
{
	char n[FMT_CAP];
	return xasprintf("Base : %s (n = %s).", g->base_label, fmt_int(n, sizeof n, g->base));
}

static void tile_share(rb *r, doc_block *b, const char *id, const char *label,
		       const char *base_label, bool with_count)
{
	const stat_figure *f = fig(r, id);
	char cnt[FMT_CAP], base[FMT_CAP];
	char *value = share_text(r, f);
	bool sup = report_count_text(f->value, r->k, cnt, sizeof cnt);
	char *detail = (with_count && !sup)
			       ? xasprintf("soit %s sur %s %s", cnt,
					   fmt_int(base, sizeof base, f->base), base_label)
			       : xasprintf("n = %s %s", fmt_int(base, sizeof base, f->base),
					   base_label);
	char *lab = doc_escape(label);
	doc_tiles_add(b, value, lab, detail);
	free(value);
	free(lab);
	free(detail);
}

static void tile_count(rb *r, doc_block *b, const char *id, const char *label,
		       const char *detail)
{
	const stat_figure *f = fig(r, id);
	char cnt[FMT_CAP];
	report_count_text(f->value, r->k, cnt, sizeof cnt);
	doc_tiles_add(b, cnt, label, detail);
}

/* A group as horizontal bars. Bar length is the share of the base, scaled so
 * the largest bar fills the width (the values printed are exact anyway). */
static void bars_group(rb *r, const char *gid, const char *caption, bool sort_desc,
		       bool skip_zero)
{
	const stat_group *g = stats_group_lookup(r->s, gid);
	if (!g || g->count == 0)
		return;
	doc_block *b = doc_append(r->d, DOC_BARS);
	b->text = doc_escape(caption ? caption : g->title);
	b->subtitle = base_note(g);
	size_t *order = xcalloc(g->count, sizeof *order);
	for (size_t i = 0; i < g->count; i++)
		order[i] = g->first + i;
	if (sort_desc) /* stable insertion sort: ties keep the group's order */
		for (size_t i = 1; i < g->count; i++)
			for (size_t j = i; j > 0 && stats_at(r->s, order[j])->value >
							    stats_at(r->s, order[j - 1])->value;
			     j--) {
				size_t t = order[j];
				order[j] = order[j - 1];
				order[j - 1] = t;
			}
	long long max = 0;
	for (size_t i = 0; i < g->count; i++) {
		const stat_figure *f = stats_at(r->s, order[i]);
		if (!(r->k > 0 && f->value > 0 && f->value < r->k) && f->value > max)
			max = f->value;
	}
	for (size_t i = 0; i < g->count; i++) {
		const stat_figure *f = stats_at(r->s, order[i]);
		if (skip_zero && f->value == 0)
			continue;
		char cnt[FMT_CAP];
		bool sup = report_count_text(f->value, r->k, cnt, sizeof cnt);
		char *value = sup ? xstrdup(cnt) : share_text(r, f);
		char *label = doc_escape(f->label);
		if (!sup && f->unit == STAT_COUNT) {
			char *v2 = xasprintf("%s (%s)", value, cnt);
			free(value);
			value = v2;
		}
		doc_bars_add(b, label, value, max > 0 && !sup ? (double)f->value / (double)max : 0,
			     sup);
		free(label);
		free(value);
	}
	free(order);
}

/* --- charts ----------------------------------------------------------------
 * Chart cells carry the count (or the percent, for charts drawn in
 * percent) and the same printed text as the rest of the report: « < k »
 * for a small count, whose cell is flagged so that its mark is never drawn
 * to size. */

static bool small_count(const rb *r, long long v)
{
	return r->k > 0 && v > 0 && v < r->k;
}

static void chart_cell(rb *r, doc_chart *c, size_t series, size_t cat, const stat_figure *f,
		       bool in_percent)
{
	bool sup = small_count(r, f->value);
	char *text = share_text(r, f);
	double v = in_percent ? (f->percent >= 0 ? (double)f->percent : 0) : (double)f->value;
	doc_chart_set(c, series, cat, v, text, sup);
	free(text);
}

static char *group_note(const stat_group *g)
{
	return base_note(g);
}

/* Share of women as 100 person glyphs. */
static void chart_women(rb *r)
{
	const stat_group *g = stats_group_lookup(r->s, "sexe");
	if (!g || g->count == 0)
		return;
	char *note = group_note(g);
	doc_chart *c = doc_add_chart(r->d, DOC_CHART_UNIT, "Les femmes parmi les coopérant·es",
				     note);
	free(note);
	c->unit = DOC_CHART_COUNT;
	c->base = g->base;
	c->threshold = r->k;
	c->glyph = DOC_CHART_GLYPH_PERSON;
	c->center = xstrdup("des coopérant·es sont des femmes");
	doc_chart_add_series(c, NULL);
	/* Women first: the headline figure. */
	const char *ids[] = {"sexe.F", "sexe.H"};
	for (size_t i = 0; i < 2; i++) {
		const stat_figure *f = stats_lookup(r->s, ids[i]);
		if (!f)
			continue;
		char *lab = doc_escape(f->label);
		size_t k = doc_chart_add_cat(c, lab, -1);
		free(lab);
		chart_cell(r, c, 0, k, f, false);
	}
}

/* Living in a priority neighbourhood: the share and its complement. */
static void chart_qpv(rb *r)
{
	const stat_figure *f = fig(r, "situation.qpv");
	const stat_group *g = stats_group_lookup(r->s, "situation");
	char *note = group_note(g);
	doc_chart *c = doc_add_chart(r->d, DOC_CHART_DONUT,
				     "Résidence en quartier prioritaire de la politique de la ville",
				     note);
	free(note);
	c->base = f->base;
	c->threshold = r->k;
	char n[FMT_CAP];
	c->center = xasprintf("<b>%s</b>\ncoopérant·es", fmt_int(n, sizeof n, f->base));
	doc_chart_add_series(c, NULL);
	size_t k = doc_chart_add_cat(c, "Résident dans un quartier prioritaire (QPV)", -1);
	chart_cell(r, c, 0, k, f, false);
	/* The complement is computed here, as the report prints it. */
	long long rest = f->base - f->value;
	stat_figure other = *f;
	other.value = rest;
	other.percent = f->percent >= 0 ? stats_percent_half_up(rest, f->base) : -1;
	k = doc_chart_add_cat(c, "Hors quartier prioritaire", -1);
	chart_cell(r, c, 0, k, &other, false);
}

/* Départements as one 100 % bar, largest first, none left out. */
static void chart_departements(rb *r)
{
	const stat_group *g = stats_group_lookup(r->s, "departement");
	if (!g || g->count == 0)
		return;
	char *note = group_note(g);
	doc_chart *c = doc_add_chart(r->d, DOC_CHART_STACKED, "Département de résidence", note);
	free(note);
	c->base = g->base;
	c->threshold = r->k;
	c->sort = DOC_CHART_SORT_DESC;
	c->max_cats = 6;
	c->group_other = 1;
	doc_chart_add_series(c, NULL);
	for (size_t i = 0; i < g->count; i++) {
		const stat_figure *f = stats_at(r->s, g->first + i);
		if (f->value == 0)
			continue;
		char *lab = doc_escape(f->label);
		size_t k = doc_chart_add_cat(c, lab, -1);
		free(lab);
		chart_cell(r, c, 0, k, f, false);
	}
}

/* Time in the KPA: those still present and those who left, side by side
 * in percent of their own base, over the same bands. */
static void chart_tenure(rb *r)
{
	const stat_group *gp = stats_group_lookup(r->s, "anciennete");
	const stat_group *gs = stats_group_lookup(r->s, "duree-sejour");
	if (!gp || !gs || gp->count != gs->count || gp->count == 0)
		return;
	char a[FMT_CAP], b[FMT_CAP];
	char *note = xasprintf("Base : %s (n = %s) ; %s (n = %s).", gp->base_label,
			       fmt_int(a, sizeof a, gp->base), gs->base_label,
			       fmt_int(b, sizeof b, gs->base));
	doc_chart *c = doc_add_chart(r->d, DOC_CHART_HISTOGRAM,
				     "Temps passé dans le KPA, en mois", note);
	free(note);
	c->unit = DOC_CHART_PERCENT;
	c->base = gp->base + gs->base;
	c->threshold = r->k;
	c->height = 120;
	char *sp = xasprintf("Présent·es en fin de période (%s)", a);
	char *ss = xasprintf("Sorti·es pendant la période (%s)", b);
	doc_chart_add_series(c, sp);
	doc_chart_add_series(c, ss);
	free(sp);
	free(ss);
	for (size_t i = 0; i < gp->count; i++) {
		const stat_figure *fp = stats_at(r->s, gp->first + i);
		const stat_figure *fs = stats_at(r->s, gs->first + i);
		char *lab = doc_escape(fp->label);
		size_t k = doc_chart_add_cat(c, lab, -1);
		free(lab);
		chart_cell(r, c, 0, k, fp, true);
		chart_cell(r, c, 1, k, fs, true);
	}
}

/* Where those who left went: families, then the detail of employment and
 * training. */
static void chart_exits(rb *r)
{
	const stat_group *g = stats_group_lookup(r->s, "sortie");
	if (!g || g->count == 0)
		return;
	char *note = group_note(g);
	doc_chart *c = doc_add_chart(r->d, DOC_CHART_FLOW, "Ce que deviennent les personnes sorties",
				     note);
	free(note);
	char n[FMT_CAP];
	c->base = g->base;
	c->threshold = r->k;
	c->center = xasprintf("Personnes sorties <b>%s</b>", fmt_int(n, sizeof n, g->base));
	doc_chart_add_series(c, NULL);
	static const struct {
		const char *family;
		const char *detail[4];
	} sub[] = {
		{"sortie.emploi", {"sortie-detail.cdi", "sortie-detail.cdd-6-mois-et-plus",
				   "sortie-detail.cdd-moins-6-mois", "sortie-detail.interim"}},
		{"sortie.formation", {"sortie-detail.formation-qualifiante",
				      "sortie-detail.formation-non-qualifiante"}},
	};
	for (size_t i = 0; i < g->count; i++) {
		const stat_figure *f = stats_at(r->s, g->first + i);
		char *lab = doc_escape(f->label);
		size_t k = doc_chart_add_cat(c, lab, -1);
		free(lab);
		char cnt[FMT_CAP];
		bool sup = report_count_text(f->value, r->k, cnt, sizeof cnt);
		doc_chart_set(c, 0, k, (double)f->value, cnt, sup);
		for (size_t s = 0; s < sizeof sub / sizeof *sub; s++) {
			if (strcmp(sub[s].family, f->id) != 0)
				continue;
			for (size_t d = 0; d < 4 && sub[s].detail[d]; d++) {
				const stat_figure *fd = stats_lookup(r->s, sub[s].detail[d]);
				if (!fd)
					continue;
				char *dl = doc_escape(fd->label);
				size_t kd = doc_chart_add_cat(c, dl, (int)k);
				free(dl);
				bool dsup = report_count_text(fd->value, r->k, cnt, sizeof cnt);
				doc_chart_set(c, 0, kd, (double)fd->value, cnt, dsup);
			}
		}
	}
}

static void para(rb *r, doc_kind kind, const char *markup)
{
	doc_add_text(r->d, kind, markup);
}

static void cover_and_contents(rb *r)
{
	const model_settings *set = &r->m->settings;
	doc_block *c = doc_append(r->d, DOC_COVER);
	char buf[FMT_CAP];
	c->text = doc_escape(set->title);
	c->subtitle = doc_escape(set->subtitle ? set->subtitle : "");
	if (date_is_set(set->report_date)) {
		fmt_month_year(buf, sizeof buf, set->report_date);
		buf[0] = (char)(buf[0] >= 'a' && buf[0] <= 'z' ? buf[0] - 32 : buf[0]);
		c->extra = xstrdup(buf);
	} else
		c->extra = xstrdup("");
	c->extra2 = doc_escape(set->organisation ? set->organisation : "");
	doc_append(r->d, DOC_TOC);
}

static void key_figures(rb *r)
{
	const model_settings *set = &r->m->settings;
	char a[FMT_CAP], b[FMT_CAP], n[FMT_CAP];
	doc_add_heading(r->d, 1, "chiffres-cles", "Bilan et chiffres clés des réalisations");

	size_t kpas_with_people = (size_t)fig(r, "reseau.kpa-actifs")->value;
	char *lead = xasprintf("%s coopérant·es ont été accompagné·es dans %zu KPA du réseau "
			       "entre %s et %s.",
			       fmt_int(n, sizeof n, fig(r, "coop.total")->value), kpas_with_people,
			       fmt_month_year(a, sizeof a, set->period_start),
			       fmt_month_year(b, sizeof b, set->period_end));
	para(r, DOC_LEAD, lead);
	free(lead);
	para(r, DOC_PARAGRAPH,
	     "Les chiffres de cette partie sont calculés à partir des données anonymes du "
	     "collecteur du réseau : une ligne par coopérant·e, sans nom ni date de naissance. "
	     "Chaque pourcentage est accompagné de sa base (n), car les dénominateurs "
	     "diffèrent : l'ensemble des coopérant·es, les personnes inscrites à Pôle emploi "
	     "avant leur entrée, ou les personnes sorties d'un KPA.");

	doc_add_heading(r->d, 2, "profil", "Les caractéristiques socio-démographiques");
	doc_block *t = doc_append(r->d, DOC_TILES);
	fmt_int(n, sizeof n, fig(r, "coop.total")->value);
	char *det = xasprintf("dans %zu KPA", kpas_with_people);
	tile_count(r, t, "coop.total", "coopérant·es accompagné·es", det);
	free(det);
	tile_share(r, t, "sexe.F", "de femmes", "coopérant·es", false);
	tile_share(r, t, "situation.qpv", "résident en quartier prioritaire", "coopérant·es",
		   false);
	chart_women(r);
	doc_append(r->d, DOC_KEEP_BEGIN);
	bars_group(r, "age", "Répartition par tranche d'âge", false, false);
	doc_append(r->d, DOC_KEEP_END);
	chart_departements(r);
	chart_qpv(r);
	t = doc_append(r->d, DOC_TILES);
	tile_share(r, t, "situation.parent-isole", "de parents isolés", "coopérant·es", false);
	tile_share(r, t, "situation.protection-internationale",
		   "bénéficiaires d'une protection internationale", "coopérant·es", false);
	tile_share(r, t, "situation.rqth", "de travailleurs et travailleuses handicapé·es",
		   "coopérant·es", false);

	doc_add_heading(r->d, 2, "emploi", "La situation professionnelle");
	doc_append(r->d, DOC_KEEP_BEGIN);
	bars_group(r, "formation", "Plus haut niveau de formation atteint", false, false);
	doc_append(r->d, DOC_KEEP_END);
	t = doc_append(r->d, DOC_TILES);
	tile_share(r, t, "emploi.pe-avant", "inscrit·es à Pôle emploi avant leur entrée",
		   "coopérant·es", true);
	tile_share(r, t, "emploi.pe-pendant", "inscrit·es à Pôle emploi pendant leur parcours",
		   "coopérant·es", true);
	tile_share(r, t, "emploi.mission-locale", "de jeunes orienté·es par une Mission locale",
		   "coopérant·es", false);
	doc_append(r->d, DOC_KEEP_BEGIN);
	bars_group(r, "anciennete-pe",
		   "Ancienneté d'inscription à Pôle emploi des personnes inscrites avant l'entrée",
		   false, false);
	doc_append(r->d, DOC_KEEP_END);

	doc_add_heading(r->d, 2, "parcours", "Les parcours des coopérant·es");
	doc_append(r->d, DOC_KEEP_BEGIN);
	bars_group(r, "duree-prevue", "Durée prévisionnelle de parcours", false, false);
	doc_append(r->d, DOC_KEEP_END);
	t = doc_append(r->d, DOC_TILES);
	tile_share(r, t, "parcours.presents", "toujours dans un KPA en fin de période",
		   "coopérant·es", true);
	tile_share(r, t, "parcours.sortis", "sorti·es d'un KPA au cours de la période",
		   "coopérant·es", true);
	chart_tenure(r);

	doc_add_heading(r->d, 2, "sorties", "La situation à la sortie");
	chart_exits(r);

	/* Detail of exits: a table, each family followed by its sub-categories. */
	const stat_group *g = stats_group_lookup(r->s, "sortie-detail");
	doc_append(r->d, DOC_KEEP_BEGIN);
	doc_block *tb = doc_append(r->d, DOC_TABLE);
	tb->text = xstrdup("Situation à la sortie, en détail");
	tb->subtitle = base_note(g);
	doc_table_set(tb, 3, g->count + 1);
	tb->cols[0] = (doc_column){xstrdup("Situation"), DOC_ALIGN_LEFT, 3.0};
	tb->cols[1] = (doc_column){xstrdup("Personnes"), DOC_ALIGN_RIGHT, 1.0};
	tb->cols[2] = (doc_column){xstrdup("Part"), DOC_ALIGN_RIGHT, 1.0};
	for (size_t i = 0; i < g->count; i++) {
		const stat_figure *f = stats_at(r->s, g->first + i);
		char cnt[FMT_CAP];
		report_count_text(f->value, r->k, cnt, sizeof cnt);
		tb->cells[i * 3 + 0] = doc_escape(f->label);
		tb->cells[i * 3 + 1] = xstrdup(cnt);
		tb->cells[i * 3 + 2] = share_text(r, f);
	}
	tb->cells[g->count * 3 + 0] = xstrdup("Total");
	tb->cells[g->count * 3 + 1] = xstrdup(fmt_int(n, sizeof n, g->base));
	tb->cells[g->count * 3 + 2] = xstrdup(fmt_percent(a, sizeof a, 100));
	tb->total_row = 1;
	doc_append(r->d, DOC_KEEP_END);
}

static void finances(rb *r)
{
	const model *m = r->m;
	const model_settings *set = &m->settings;
	char a[FMT_CAP], b[FMT_CAP];
	doc_add_heading(r->d, 1, "finances", "Éléments financiers");
	char *lead = xasprintf("Chiffre d'affaires hors taxes réalisé par les KPA du %s au %s.",
			       fmt_date_long(a, sizeof a, set->period_start),
			       fmt_date_long(b, sizeof b, set->period_end));
	para(r, DOC_LEAD, lead);
	free(lead);
	const stat_group *g = stats_group_lookup(r->s, "ca");
	if (!g || g->count == 0) {
		para(r, DOC_PARAGRAPH, "Aucune donnée financière n'a été transmise pour la période.");
		return;
	}
	para(r, DOC_PARAGRAPH,
	     "Le chiffre d'affaires provient des prestations que les coopérant·es conçoivent "
	     "et réalisent pour leurs clients : habitant·es, associations, collectivités et "
	     "entreprises du territoire. Il est déclaré par chaque KPA pour la période, et par "
	     "année lorsque le KPA le distingue.");

	int y0 = set->period_start.y, y1 = set->period_end.y;
	int n_years = y1 >= y0 && y1 - y0 < 6 ? y1 - y0 + 1 : 0;
	doc_block *tb = doc_append(r->d, DOC_TABLE);
	tb->text = xstrdup("Chiffre d'affaires HT par KPA");
	tb->subtitle = xstrdup("Source : données financières déclarées par les KPA. Un tiret "
			       "signale une donnée déclarée pour l'ensemble de la période "
			       "seulement.");
	size_t ncols = 2 + (size_t)n_years + 1;
	doc_table_set(tb, ncols, g->count + 1);
	tb->cols[0] = (doc_column){xstrdup("KPA"), DOC_ALIGN_LEFT, 2.4};
	tb->cols[1] = (doc_column){xstrdup("Ville"), DOC_ALIGN_LEFT, 1.8};
	for (int y = 0; y < n_years; y++)
		tb->cols[2 + y] = (doc_column){xasprintf("%d", y0 + y), DOC_ALIGN_RIGHT, 1.2};
	tb->cols[ncols - 1] = (doc_column){xstrdup("Total période"), DOC_ALIGN_RIGHT, 1.4};
	for (size_t i = 0; i < g->count; i++) {
		const stat_figure *f = stats_at(r->s, g->first + i);
		const char *kid = f->id + 3; /* "ca." */
		int k = model_find_kpa(m, kid);
		char **row = &tb->cells[i * ncols];
		row[0] = doc_escape(f->label);
		row[1] = doc_escape(k >= 0 ? m->kpas[k].city : "");
		for (int y = 0; y < n_years; y++) {
			char *yid = xasprintf("%s.%d", f->id, y0 + y);
			const stat_figure *fy = stats_lookup(r->s, yid);
			row[2 + y] = xstrdup(fy ? fmt_euros(a, sizeof a, fy->value, 0) : "–");
			free(yid);
		}
		row[ncols - 1] = xstrdup(fmt_euros(a, sizeof a, f->value, 0));
	}
	char **tot = &tb->cells[g->count * ncols];
	tot[0] = xstrdup("Total");
	tot[1] = xstrdup("");
	for (int y = 0; y < n_years; y++)
		tot[2 + y] = xstrdup("");
	tot[ncols - 1] = xstrdup(fmt_euros(a, sizeof a, g->base, 0));
	tb->total_row = 1;

	/* The same revenue as grouped bars, largest KPA first: one bar per
	 * calendar year where the KPA declared its revenue by year, one bar for
	 * the whole period otherwise (splitting it would invent figures). */
	char *note = xasprintf("Total du réseau : %s HT. Une barre « période » signale un chiffre "
			       "d'affaires déclaré pour l'ensemble de la période seulement.",
			       fmt_euros(a, sizeof a, g->base, 0));
	doc_chart *c = doc_add_chart(r->d, DOC_CHART_HBAR,
				     "Chiffre d'affaires HT par KPA et par année", note);
	free(note);
	c->unit = DOC_CHART_EUROS;
	c->sort = DOC_CHART_SORT_NONE;
	c->skip_missing = 1;
	for (int y = 0; y < n_years; y++) {
		char *name = xasprintf("%d", y0 + y);
		doc_chart_add_series(c, name);
		free(name);
	}
	size_t s_period = doc_chart_add_series(c, "Période entière, non ventilée");
	size_t *order = xcalloc(g->count, sizeof *order);
	for (size_t i = 0; i < g->count; i++)
		order[i] = g->first + i;
	for (size_t i = 1; i < g->count; i++)
		for (size_t j = i; j > 0 && stats_at(r->s, order[j])->value >
						    stats_at(r->s, order[j - 1])->value;
		     j--) {
			size_t t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (size_t i = 0; i < g->count; i++) {
		const stat_figure *f = stats_at(r->s, order[i]);
		char *label = doc_escape(f->label);
		size_t k = doc_chart_add_cat(c, label, -1);
		free(label);
		bool by_year = false;
		for (int y = 0; y < n_years; y++) {
			char *yid = xasprintf("%s.%d", f->id, y0 + y);
			const stat_figure *fy = stats_lookup(r->s, yid);
			if (fy) {
				doc_chart_set(c, (size_t)y, k, (double)fy->value / 100.0,
					      fmt_euros(a, sizeof a, fy->value, 0), 0);
				by_year = true;
			}
			free(yid);
		}
		if (!by_year) {
			doc_chart_set(c, s_period, k, (double)f->value / 100.0,
				      fmt_euros(a, sizeof a, f->value, 0), 0);
		}
	}
	free(order);
}

doc *report_build(const model *m, const stats *s)
{
	const model_settings *set = &m->settings;
	char date[11] = "";
	if (date_is_set(set->report_date))
		date_iso(set->report_date, date);
	doc_meta meta = {
		.title = set->title,
		.short_title = set->title,
		.author = set->author ? set->author : set->organisation,
		.subject = set->subtitle,
		.keywords = "KPA-Cité; rapport évaluatif; coopérant·es; chiffres clés",
		.language = "fr-FR",
		.date_iso = date,
	};
	rb r = {doc_create(&meta), m, s, set->privacy_threshold};
	cover_and_contents(&r);
	key_figures(&r);
	finances(&r);
	return r.d;
}
