/* tmpl_charts.c - figures as charts: <graphique> fills a doc_chart from
 * figures (docs/templates.md, docs/charts.md), and <barres> draws a group
 * as horizontal bars scaled to its largest visible value. Cells carry the
 * count, or the percent for charts drawn in percent, and the same text as
 * the rest of the report; a withheld cell is flagged so that its mark is
 * never drawn to size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt_fr.h"
#include "parse_fr.h"
#include "tmpl_elems.h"

/* ---- <barres> ------------------------------------------------------------------- */

/* The largest visible value: a hidden count never sets the scale, or its
 * size could be read off the others. */
static long long bar_scale(tmpl_ctx *x, const size_t *order, size_t count)
{
	long long max = 0;
	for (size_t i = 0; i < count; i++) {
		const stat_figure *fig = stats_at(x->s, order[i]);
		char cnt[FMT_CAP];
		bool sup = fig->unit == STAT_COUNT && tmpl_count_text(x, fig, cnt, sizeof cnt);
		if (!sup && fig->value > max)
			max = fig->value;
	}
	return max;
}

/* One bar: its length as a fraction of the scale (0 when withheld), its
 * text: euros, « < k », or « 22 % (59) ». */
static void bar(tmpl_ctx *x, doc_chart *c, const stat_figure *fig, long long max)
{
	char cnt[FMT_CAP];
	char *value, *label = doc_escape(fig->label);
	bool sup = false;
	if (fig->unit == STAT_EUROS_CENTS)
		value = xstrdup(fmt_euros(cnt, sizeof cnt, fig->value, 0));
	else if ((sup = tmpl_count_text(x, fig, cnt, sizeof cnt)) ||
		 !stats_share_published(x->s, fig))
		value = xstrdup(cnt);
	else {
		char *share = tmpl_share_text(x, fig);
		value = xasprintf("%s (%s)", share, cnt);
		free(share);
	}
	double fraction = max > 0 && !sup ? (double)fig->value / (double)max : 0;
	if (!(fraction >= 0.0))
		fraction = 0.0; /* a negative amount; also catches NaN */
	if (fraction > 1.0)
		fraction = 1.0;
	doc_chart_set(c, 0, doc_chart_add_cat(c, label, -1), fraction, value, sup);
	free(label);
	free(value);
}

/* A group as horizontal bars: a one-series bar chart of fractions of its
 * largest visible value on a 0 to 1 axis, each bar with its own text, so
 * neither base nor threshold is needed. */
static void bars(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	const stat_group *g = tmpl_group_attr(x, f, n, true);
	if (!g || g->count == 0)
		return; /* an empty group draws nothing */
	size_t count;
	size_t *order = tmpl_group_order(x, g, n, &count);
	char *title = tmpl_attr_eval(x, f, n, "titre", TMPL_MARKUP, NULL);
	if (!title)
		title = doc_escape(g->title);
	char *note = tmpl_attr_eval(x, f, n, "note", TMPL_MARKUP, NULL);
	if (!note)
		note = tmpl_base_note(x, g);
	long long max = bar_scale(x, order, count);
	doc_chart *c = tmpl_add_chart(x, f, n, DOC_CHART_HBAR, title, note);
	free(title);
	free(note);
	doc_chart_add_series(c, NULL);
	for (size_t i = 0; i < count; i++)
		bar(x, c, stats_at(x->s, order[i]), max);
	c->axis_max = 1.0;
	free(order);
}

/* ---- cells and categories ------------------------------------------------------ */

static bool cell_hidden(const tmpl_ctx *x, const stat_figure *fig)
{
	char buf[FMT_CAP];
	return fig->unit == STAT_COUNT && tmpl_count_text(x, fig, buf, sizeof buf);
}

static void chart_cell(tmpl_ctx *x, doc_chart *c, size_t series, size_t cat,
		       const stat_figure *fig)
{
	char buf[FMT_CAP];
	if (fig->unit == STAT_EUROS_CENTS) {
		doc_chart_set(c, series, cat, (double)fig->value / 100.0,
			      fmt_euros(buf, sizeof buf, fig->value, 0), 0);
		return;
	}
	bool hidden = cell_hidden(x, fig);
	/* A percent on a withheld base is not drawn either: with the count it
	 * gives the base back. */
	if (c->unit == DOC_CHART_PERCENT && fig->percent >= 0 && !stats_share_published(x->s, fig))
		hidden = true;
	double v = c->unit == DOC_CHART_PERCENT ? (fig->percent >= 0 ? (double)fig->percent : 0)
						: (double)fig->value;
	char *text;
	if (c->type == DOC_CHART_FLOW || fig->percent < 0) {
		tmpl_count_text(x, fig, buf, sizeof buf);
		text = xstrdup(buf);
	} else
		text = tmpl_share_text(x, fig);
	doc_chart_set(c, series, cat, v, text, hidden);
	free(text);
}

static size_t chart_cat(doc_chart *c, const stat_figure *fig, int parent)
{
	char *label = doc_escape(fig->label);
	size_t k = doc_chart_add_cat(c, label, parent);
	free(label);
	return k;
}

/* "2017-04" -> 2017.25 and "avril 2017"; "2019" -> 2019.0 and "2019". */
static bool event_date(const char *s, double *value, char *text, size_t cap)
{
	int y = 0, m = 0;
	char tail = 0;
	int n = sscanf(s, "%4d-%2d%c", &y, &m, &tail);
	if (n == 2 && y >= 1900 && y <= 2200 && m >= 1 && m <= 12) {
		*value = y + (m - 1) / 12.0;
		fmt_month_year(text, cap, (recit_date){y, m, 1});
		return true;
	}
	n = sscanf(s, "%4d%c", &y, &tail);
	if (n == 1 && y >= 1900 && y <= 2200) {
		*value = y;
		snprintf(text, cap, "%d", y);
		return true;
	}
	return false;
}

/* ---- the children of <graphique> ----------------------------------------------- */

typedef struct {
	doc_chart *c;
	const stat_group *first; /* group of the first <serie> */
	strbuf note;             /* combined base note of the series */
	size_t n_series;
} chart_acc;

/* <serie groupe nom>: one series per group, over the first one's categories. */
static void series(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, chart_acc *a)
{
	doc_chart *c = a->c;
	const stat_group *g = tmpl_group_attr(x, f, n, true);
	if (!g)
		return;
	if (a->first && g->count != a->first->count) {
		tmpl_error(x, f->path, tmpl_line(n),
			   "group \"%s\" has %zu figures, the first series' group \"%s\" has "
			   "%zu: series must have the same categories",
			   g->id, g->count, a->first->id, a->first->count);
		return;
	}
	if (!a->first) {
		a->first = g;
		for (size_t i = 0; i < g->count; i++)
			chart_cat(c, stats_at(x->s, g->first + i), -1);
	}
	char nb[FMT_CAP];
	char *name = tmpl_attr_eval(x, f, n, "nom", TMPL_MARKUP, NULL);
	tmpl_base_text(x, g->base_id, g->base, nb, sizeof nb);
	char *full = name ? xasprintf("%s (%s)", name, nb)
			  : doc_escape(g->title);
	size_t s = doc_chart_add_series(c, full);
	c->series[s].base = g->base; /* the whole of this bar, for withheld parts */
	free(name);
	free(full);
	for (size_t i = 0; i < g->count; i++)
		chart_cell(x, c, s, i, stats_at(x->s, g->first + i));
	char *label = doc_escape(g->base_label);
	strbuf_printf(&a->note, "%s%s (n = %s)", a->n_series ? " ; " : "Base : ", label, nb);
	free(label);
	/* A withheld base is never drawn or described. */
	if (stats_base_published(x->s, g->base_id))
		c->base += g->base;
	a->n_series++;
}

/* The first-level category of c drawn from figure parent, or -1. */
static int parent_cat(const doc_chart *c, const stat_figure *parent)
{
	int pk = -1;
	for (size_t k = 0; k < c->n_cats; k++) {
		char *label = doc_escape(parent->label);
		if (!strcmp(c->cats[k].label, label) && c->cats[k].parent < 0)
			pk = (int)k;
		free(label);
	}
	return pk;
}

/* <detail de figures>: the sub-categories of a first-level category (flux). */
static void detail(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, doc_chart *c)
{
	int line = tmpl_line(n);
	const stat_figure *parent = tmpl_figure_attr(x, f, n, "de", NULL);
	char *list = tmpl_attr_eval(x, f, n, "figures", TMPL_PLAIN, NULL);
	if (!parent || !list) {
		free(list);
		return;
	}
	int pk = parent_cat(c, parent);
	if (pk < 0) {
		tmpl_error(x, f->path, line,
			   "<detail de=\"%s\">: that figure is not a category of this chart",
			   parent->id);
		free(list);
		return;
	}
	for (char *save = NULL, *id = strtok_r(list, " \t\n", &save); id;
	     id = strtok_r(NULL, " \t\n", &save)) {
		const stat_figure *fig = stats_lookup(x->s, id);
		if (!fig) {
			tmpl_error(x, f->path, line, "unknown figure \"%s\"%s", id,
				   tmpl_did_you_mean_figure(x->s, id).s);
			continue;
		}
		size_t k = chart_cat(c, fig, pk);
		chart_cell(x, c, 0, k, fig);
	}
	free(list);
}

/* <evenement date libelle>: an event of a timeline (frise). */
static void event(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, doc_chart *c)
{
	char *date = xml_attr_dup(n, "date");
	char *label = tmpl_attr_eval(x, f, n, "libelle", TMPL_MARKUP, NULL);
	double v = 0;
	char text[FMT_CAP];
	if (!date || !event_date(date, &v, text, sizeof text))
		tmpl_error(x, f->path, tmpl_line(n),
			   "\"date\": expected a year or a month such as 2017 or 2017-04, "
			   "found \"%s\"",
			   date ? date : "");
	else {
		if (c->n_series == 0)
			doc_chart_add_series(c, NULL);
		size_t k = doc_chart_add_cat(c, label ? label : "", -1);
		c->cats[k].detail = xstrdup(text);
		doc_chart_set(c, 0, k, v, NULL, 0);
	}
	free(date);
	free(label);
}

/* evenements="histoire|ateliers": the events recit.xml gives, located there
 * when a date is wrong. Labels are data: escaped, not evaluated. */
static void year_events(tmpl_ctx *x, const model_timeline *t, doc_chart *c)
{
	for (size_t i = 0; i < t->n_events; i++) {
		const model_event *e = &t->events[i];
		double v = 0;
		char text[FMT_CAP];
		if (!event_date(e->date, &v, text, sizeof text)) {
			tmpl_error(x, e->loc.file, e->loc.line,
				   "\"date\": expected a year or a month such as 2017 or 2017-04, "
				   "found \"%s\"",
				   e->date);
			continue;
		}
		if (c->n_series == 0)
			doc_chart_add_series(c, NULL);
		char *label = doc_escape(e->label);
		size_t k = doc_chart_add_cat(c, label, -1);
		free(label);
		c->cats[k].detail = xstrdup(text);
		doc_chart_set(c, 0, k, v, NULL, 0);
	}
}

static void chart_children(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg)
{
	chart_acc *a = arg;
	if (tmpl_is(n, "centre"))
		return; /* read by chart() before the data */
	if (tmpl_is(n, "serie"))
		series(x, f, n, a);
	else if (tmpl_is(n, "detail"))
		detail(x, f, n, a->c);
	else if (tmpl_is(n, "evenement"))
		event(x, f, n, a->c);
	else
		tmpl_error(x, f->path, tmpl_line(n), "<%s> is not allowed in <graphique>", n->name);
}

/* ---- <graphique> ---------------------------------------------------------------- */

/* Revenue per KPA with one series per calendar year of the period and one
 * for amounts declared for the whole period only (never split: that would
 * invent figures). */
static void chart_by_year(tmpl_ctx *x, doc_chart *c, const size_t *order, size_t count)
{
	int y0 = x->m->settings.period_start.y, y1 = x->m->settings.period_end.y;
	int years = y0 > 0 && y1 >= y0 && y1 - y0 < 6 ? y1 - y0 + 1 : 0;
	for (int y = 0; y < years; y++) {
		char name[16];
		snprintf(name, sizeof name, "%d", y0 + y);
		doc_chart_add_series(c, name);
	}
	size_t whole = doc_chart_add_series(c, "Période entière, non ventilée");
	c->skip_missing = 1;
	for (size_t i = 0; i < count; i++) {
		const stat_figure *fig = stats_at(x->s, order[i]);
		size_t k = chart_cat(c, fig, -1);
		bool by_year = false;
		for (int y = 0; y < years; y++) {
			char *yid = xasprintf("%s.%d", fig->id, y0 + y);
			const stat_figure *fy = stats_lookup(x->s, yid);
			if (fy) {
				chart_cell(x, c, (size_t)y, k, fy);
				by_year = true;
			}
			free(yid);
		}
		if (!by_year)
			chart_cell(x, c, whole, k, fig);
	}
}

/* The chart type named by "type", or -1 after an error. */
static int chart_type(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n)
{
	char *type_name = xml_attr_dup(n, "type");
	int type = type_name ? doc_chart_type_from_name(type_name) : -1;
	if (type < 0) {
		const char *const *types = doc_chart_type_names();
		strbuf known = {0};
		for (size_t i = 0; i < DOC_CHART__TYPES; i++)
			strbuf_printf(&known, "%s%s", i ? ", " : "", types[i]);
		tmpl_error(x, f->path, tmpl_line(n), "\"type\": unknown chart type \"%s\"%s (known: %s)",
			   type_name ? type_name : "",
			   text_did_you_mean(type_name ? type_name : "", types, DOC_CHART__TYPES).s,
			   known.data);
		strbuf_free(&known);
	}
	free(type_name);
	return type;
}

/* unite, tri, max, hauteur, autres, sans-manquants, glyphe and <centre>. */
static void chart_options(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, doc_chart *c,
			  const stat_group *g)
{
	int line = tmpl_line(n);
	c->threshold = stats_threshold(x->s) > 0 ? stats_threshold(x->s) : x->k;
	c->unit = tmpl_attr_is(n, "unite", "pourcent") ? DOC_CHART_PERCENT
		  : tmpl_attr_is(n, "unite", "euros") || (g && stats_at(x->s, g->first)->unit ==
							     STAT_EUROS_CENTS)
			  ? DOC_CHART_EUROS
			  : DOC_CHART_COUNT;
	bool hbar = c->type == DOC_CHART_HBAR;
	c->sort = tmpl_attr_is(n, "tri", "decroissant") && !hbar  ? DOC_CHART_SORT_DESC
		  : tmpl_attr_is(n, "tri", "croissant") && !hbar ? DOC_CHART_SORT_ASC
								 : DOC_CHART_SORT_NONE;
	char *v;
	if ((v = xml_attr_dup(n, "max"))) {
		long long mx = 0;
		if (parse_integer(v, &mx) != PARSE_OK || mx < 1 || mx > 100)
			tmpl_error(x, f->path, line, "\"max\": expected a number from 1 to 100, found \"%s\"", v);
		else
			c->max_cats = (size_t)mx;
		free(v);
	}
	if ((v = xml_attr_dup(n, "hauteur"))) {
		long long h = 0;
		if (parse_integer(v, &h) != PARSE_OK || h < 20 || h > 700)
			tmpl_error(x, f->path, line,
				   "\"hauteur\": expected a height in points from 20 to 700, found \"%s\"", v);
		else
			c->height = (double)h;
		free(v);
	}
	c->group_other = tmpl_attr_is(n, "autres", "oui");
	c->skip_missing = tmpl_attr_is(n, "sans-manquants", "oui");
	c->glyph = tmpl_attr_is(n, "glyphe", "personne") ? DOC_CHART_GLYPH_PERSON : DOC_CHART_GLYPH_SQUARE;
	for (xmlNode *ch = n->children; ch; ch = ch->next)
		if (tmpl_is(ch, "centre"))
			c->center = tmpl_inline_markup(x, f, ch);
}

/* figure="...": a share and its complement (donut, stacked bar). */
static void chart_share(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, doc_chart *c,
			const stat_figure *share)
{
	if (share->base <= 0) {
		tmpl_error(x, f->path, tmpl_line(n), "figure \"%s\" is not a share", share->id);
		return;
	}
	bool base_ok = stats_base_published(x->s, share->base_id);
	c->base = base_ok ? share->base : 0;
	doc_chart_add_series(c, NULL);
	chart_cell(x, c, 0, chart_cat(c, share, -1), share);
	stat_figure rest = *share;
	rest.value = share->base - share->value;
	rest.percent = stats_percent_half_up(rest.value, share->base);
	/* The complement is published exactly when the share and its base are
	 * (the complement rule made it 0 or at least k). */
	if (!base_ok || stats_withheld(share))
		rest.suppression = STAT_SUPPRESSED_SECONDARY;
	char *label = tmpl_attr_eval(x, f, n, "complement", TMPL_PLAIN, "Autres");
	rest.label = label;
	chart_cell(x, c, 0, chart_cat(c, &rest, -1), &rest);
	free(label);
}

static bool has_element_children(xmlNode *n)
{
	for (xmlNode *k = n->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE)
			return true;
	return false;
}

/* groupe="...": one category per figure, in display order. */
static void chart_group(tmpl_ctx *x, xmlNode *n, doc_chart *c, const stat_group *g)
{
	size_t count;
	size_t *order = tmpl_group_order(x, g, n, &count);
	if (tmpl_attr_is(n, "ventilation", "annees")) {
		chart_by_year(x, c, order, count);
		free(order);
		return;
	}
	c->base = stats_base_published(x->s, g->base_id) ? g->base : 0;
	doc_chart_add_series(c, NULL);
	for (size_t i = 0; i < count; i++) {
		const stat_figure *fig = stats_at(x->s, order[i]);
		chart_cell(x, c, 0, chart_cat(c, fig, -1), fig);
	}
	free(order);
}

/* <serie>, <detail> and <evenement>, after the data of groupe. */
static void chart_parts(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, doc_chart *c, bool own_note)
{
	chart_acc a = {.c = c};
	tmpl_walk(x, f, n, chart_children, &a);
	if (a.n_series > 0 && !own_note) {
		strbuf_putc(&a.note, '.');
		free(c->note);
		c->note = strbuf_detach(&a.note);
	}
	strbuf_free(&a.note);
	if (c->n_cats == 0)
		tmpl_error(x, f->path, tmpl_line(n),
			   "<graphique> has no data: give groupe=\"...\", figure=\"...\", <serie>, "
			   "or <evenement> elements");
}

/* "KPA" when every category of group g is a KPA of the network (ids
 * "<group>.<kpa>"): what « Autres (33 KPA) » counts. */
static const char *group_noun(const tmpl_ctx *x, const stat_group *g)
{
	if (!g || !x->m || g->count == 0)
		return NULL;
	size_t len = strlen(g->id);
	for (size_t i = 0; i < g->count; i++) {
		const char *id = stats_at(x->s, g->first + i)->id;
		bool found = false;
		if (strncmp(id, g->id, len) == 0 && id[len] == '.')
			for (size_t k = 0; k < x->m->n_kpas && !found; k++)
				found = strcmp(id + len + 1, x->m->kpas[k].id) == 0;
		if (!found)
			return NULL;
	}
	return "KPA";
}

/* haut="N": the N largest categories (by the sum of their series), then
 * one bar « Autres (n KPA) » holding the rest, and a sentence of the note
 * that says so, so that the reader knows what the bars leave out. */
static void chart_top(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, doc_chart *c,
		      const stat_group *g)
{
	char *v = xml_attr_dup(n, "haut");
	if (!v)
		return;
	long long top = 0;
	if (parse_integer(v, &top) != PARSE_OK || top < 1 || top > 100) {
		tmpl_error(x, f->path, tmpl_line(n),
			   "\"haut\": expected a number of bars from 1 to 100, found \"%s\"", v);
		free(v);
		return;
	}
	free(v);
	if (tmpl_has_attr(n, "max")) {
		tmpl_error(x, f->path, tmpl_line(n),
			   "\"haut\" and \"max\" cannot be used together: \"haut\" keeps the "
			   "largest categories and gathers the rest");
		return;
	}
	if (c->type == DOC_CHART_TIMELINE || c->type == DOC_CHART_FLOW) {
		tmpl_error(x, f->path, tmpl_line(n),
			   "\"haut\" does not apply to a %s chart (it keeps the largest "
			   "categories of bars, columns or parts of a whole)",
			   doc_chart_type_name(c->type));
		return;
	}
	size_t keep = (size_t)top, total = c->n_cats;
	/* One category more than N is drawn rather than gathered alone. */
	if (total <= keep + 1)
		return;
	c->max_cats = keep + 1;
	c->group_other = 1;
	char *noun = tmpl_attr_eval(x, f, n, "haut-nom", TMPL_PLAIN, NULL);
	const char *what = noun ? noun : group_noun(x, g);
	char *sp = what ? doc_escape(what) : NULL;
	char a[FMT_CAP], b[FMT_CAP], r[FMT_CAP];
	fmt_int(a, sizeof a, (long long)keep);
	fmt_int(b, sizeof b, (long long)total);
	fmt_int(r, sizeof r, (long long)(total - keep));
	c->other_label = sp ? xasprintf("Autres (%s %s)", r, sp) : xasprintf("Autres (%s)", r);
	/* Worded so that it agrees with any noun haut-nom may give. */
	char *said = sp ? xasprintf("Les %s plus grandes valeurs sur %s %s sont détaillées ; la "
				    "barre « %s » additionne les autres.",
				    a, b, sp, c->other_label)
			: xasprintf("Les %s plus grandes valeurs sur %s sont détaillées ; la barre "
				    "« %s » additionne les autres.",
				    a, b, c->other_label);
	char *note = c->note && *c->note ? xasprintf("%s %s", c->note, said) : xstrdup(said);
	free(c->note);
	c->note = note;
	free(said);
	free(sp);
	free(noun);
}

static void chart(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	int type = chart_type(x, f, n);
	if (type < 0)
		return;
	const stat_group *g = NULL;
	if (tmpl_has_attr(n, "groupe") && !(g = tmpl_group_attr(x, f, n, true)))
		return;
	const stat_figure *share = NULL;
	if (tmpl_has_attr(n, "figure") && !(share = tmpl_figure_attr(x, f, n, "figure", NULL)))
		return;
	const model_timeline *events = NULL;
	if (tmpl_has_attr(n, "evenements")) {
		/* A history or workshops the year folder does not give: the
		 * chart is left out, title and all. */
		events = tmpl_year_timeline(x, f, n);
		if (!events || events->n_events == 0)
			return;
	}
	if (g && !has_element_children(n)) {
		/* A group with nothing to draw (every category zero and left out
		 * by zeros="non", as in a small KPA's exits once the disclosure
		 * rules withhold the rest): the chart is left out, title and all,
		 * like a timeline without events. */
		size_t count = 0;
		free(tmpl_group_order(x, g, n, &count));
		if (count == 0)
			return;
	}
	char *title = tmpl_attr_eval(x, f, n, "titre", TMPL_MARKUP, NULL);
	if (!title)
		title = g ? doc_escape(g->title) : share ? doc_escape(share->label) : xstrdup("");
	char *note = tmpl_attr_eval(x, f, n, "note", TMPL_MARKUP, NULL);
	if (!note && events && events->note && *events->note)
		note = doc_escape(events->note);
	bool own_note = note != NULL;
	if (!note && g)
		note = tmpl_base_note(x, g);
	if (!note && share && share->group != (size_t)-1)
		note = tmpl_base_note(x, stats_group_at(x->s, share->group));
	doc_chart *c = tmpl_add_chart(x, f, n, (doc_chart_type)type, title, note);
	free(title);
	free(note);
	chart_options(x, f, n, c, g);
	if (share) {
		chart_share(x, f, n, c, share);
		return;
	}
	if (type == DOC_CHART_MAP) {
		tmpl_year_map(x, c);
		return;
	}
	bool by_year = g && tmpl_attr_is(n, "ventilation", "annees");
	if (events)
		year_events(x, events, c);
	if (g)
		chart_group(x, n, c, g);
	if (!by_year)
		chart_parts(x, f, n, c, own_note);
	chart_top(x, f, n, c, g);
}

static const tmpl_elem elems[] = {
	{"barres", "a group as horizontal bars, the largest visible value filling the width",
	 bars, NULL,
	 {{"groupe"}, {"titre"}, {"note"}, {"tri", "decroissant", "croissant", "aucun"},
	  {"zeros", "oui", "non"}}},
	{"graphique",
	 "a chart of `type`: bars, columns, stacked, donut, unit chart, histogram, timeline, flow",
	 chart, NULL,
	 {{"type"}, {"groupe"}, {"figure"}, {"complement"}, {"titre"}, {"note"},
	  {"tri", "decroissant", "croissant", "aucun"}, {"zeros", "oui", "non"}, {"max"},
	  {"autres", "oui", "non"}, {"hauteur"}, {"unite", "nombre", "pourcent", "euros"},
	  {"glyphe", "carre", "personne"}, {"sans-manquants", "oui", "non"},
	  {"ventilation", "annees"}, {"haut"}, {"haut-nom"}, {"evenements", "histoire", "ateliers"}}},
	{"serie", "in `<graphique>`: one series per group, over the same categories", NULL, NULL,
	 {{"groupe"}, {"nom"}}},
	{"detail", "in a `flux` `<graphique>`: the sub-categories of a first-level category", NULL,
	 NULL, {{"de"}, {"figures"}}},
	{"evenement", "in a `frise` `<graphique>`: an event at a year or a month", NULL, NULL,
	 {{"date"}, {"libelle"}}},
	{"centre", "in `<graphique>`: inline text in the middle of a donut or beside a unit chart",
	 NULL, NULL, {{NULL}}},
};

const tmpl_elem_family tmpl_family_charts = {elems, sizeof elems / sizeof *elems};
