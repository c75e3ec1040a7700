/* tmpl_flow.c - loops, conditionals and includes. tmpl_walk resolves them
 * wherever they appear (body, tiles, table rows, list items...), so every
 * element that holds other elements gets them without asking: it only
 * says what to do with each child that is not one of these. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "tmpl_elems.h"

static bool push_var(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, tmpl_var v)
{
	if (x->n_vars == TMPL_MAX_VARS) {
		tmpl_error(x, f->path, tmpl_line(n), "loops nested too deeply (at most %d)",
			   TMPL_MAX_VARS);
		return false;
	}
	x->vars[x->n_vars++] = v;
	return true;
}

/* <pour-chaque groupe variable tri zeros>: once per figure of the group. */
static void loop_group(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, tmpl_visit_fn visit,
		       void *arg)
{
	const stat_group *g = tmpl_group_attr(x, f, n, true);
	char *name = xml_attr_dup(n, "variable");
	if (g && name) {
		size_t count;
		size_t *order = tmpl_group_order(x, g, n, &count);
		size_t plen = strlen(g->id);
		for (size_t i = 0; i < count; i++) {
			const stat_figure *fig = stats_at(x->s, order[i]);
			const char *key = !strncmp(fig->id, g->id, plen) && fig->id[plen] == '.'
						  ? fig->id + plen + 1
						  : fig->id;
			if (!push_var(x, f, n, (tmpl_var){name, fig, key, 0}))
				break;
			tmpl_walk(x, f, n, visit, arg);
			x->n_vars--;
		}
		free(order);
	}
	free(name);
}

/* <pour-chaque-annee variable>: once per calendar year of the period. */
static void loop_years(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, tmpl_visit_fn visit,
		       void *arg)
{
	const model_settings *set = &x->m->settings;
	int y0 = set->period_start.y, y1 = set->period_end.y;
	/* Same bound as the report's revenue table: a column per year fits up to
	 * six years. */
	if (y1 < y0 || y1 - y0 >= 6) {
		tmpl_error(x, f->path, tmpl_line(n),
			   "the reporting period spans %d years: <pour-chaque-annee> handles at most 6",
			   y1 - y0 + 1);
		return;
	}
	char *name = xml_attr_dup(n, "variable");
	for (int y = y0; name && y <= y1; y++) {
		if (!push_var(x, f, n, (tmpl_var){name, NULL, NULL, y}))
			break;
		tmpl_walk(x, f, n, visit, arg);
		x->n_vars--;
	}
	free(name);
}

/* The operand of a comparison: a whole number (euros for an amount), or a figure. */
static bool operand(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, const char *attr,
		    const stat_figure *lhs, long long *out)
{
	char *v = tmpl_attr_eval(x, f, n, attr, TMPL_PLAIN, NULL);
	char *end;
	long long num = strtoll(v, &end, 10);
	bool ok = true;
	if (*v && !*end)
		*out = lhs->unit == STAT_EUROS_CENTS ? num * 100 : num;
	else {
		const stat_figure *r = tmpl_figure_attr(x, f, n, attr, NULL);
		ok = r != NULL;
		if (r)
			*out = r->value;
	}
	free(v);
	return ok;
}

/* figure="id" with superieur, inferieur, egal, different (all must hold),
 * or without any: the figure is above 0. */
static bool compare(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	const stat_figure *fig = tmpl_figure_attr(x, f, n, "figure", NULL);
	if (!fig) {
		if (!tmpl_has_attr(n, "figure"))
			tmpl_error(x, f->path, tmpl_line(n), "<si> needs existe, groupe, figure, champ or donnee");
		return false;
	}
	static const char *const ops[] = {"superieur", "inferieur", "egal", "different"};
	/* A withheld count is tested on what its symbol says (« < k »: 1 to
	 * k - 1; « s » of a small group: 0 to k - 1; « s »: any count), and a
	 * test holds when some value of that range passes it: which branch
	 * is printed must not tell more than the symbol. */
	long long lo = fig->value, hi = fig->value;
	if (fig->unit == STAT_COUNT && stats_withheld(fig)) {
		int k = stats_threshold(x->s);
		lo = fig->suppression == STAT_SUPPRESSED_PRIMARY ? 1 : 0;
		hi = fig->suppression == STAT_SUPPRESSED_SECONDARY ? LLONG_MAX : k - 1;
	}
	bool any = false, r = true;
	for (int i = 0; i < 4; i++) {
		if (!tmpl_has_attr(n, ops[i]))
			continue;
		long long rhs;
		any = true;
		if (!operand(x, f, n, ops[i], fig, &rhs))
			return false;
		r = r && (i == 0   ? hi > rhs
			  : i == 1 ? lo < rhs
			  : i == 2 ? lo <= rhs && rhs <= hi
				   : !(lo == hi && lo == rhs));
	}
	return any ? r : hi > 0;
}

static bool condition(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	if (tmpl_has_attr(n, "champ"))
		return tmpl_fiche_cond(x, f, n);
	if (tmpl_has_attr(n, "renseigne")) {
		/* The figure's data were collected (optional columns). */
		const stat_figure *fig = tmpl_figure_attr(x, f, n, "renseigne", NULL);
		return fig && !fig->not_collected;
	}
	if (tmpl_has_attr(n, "donnee"))
		return tmpl_year_cond(x, f, n);
	if (tmpl_has_attr(n, "existe")) {
		char *missing = NULL;
		const stat_figure *fig = tmpl_figure_attr(x, f, n, "existe", &missing);
		free(missing);
		return fig != NULL;
	}
	if (tmpl_has_attr(n, "groupe")) {
		const stat_group *g = tmpl_group_attr(x, f, n, false);
		return g && g->count > 0;
	}
	return compare(x, f, n);
}

/* <si ...> its content <sinon> the other content </sinon></si> */
static void cond(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, tmpl_visit_fn visit, void *arg)
{
	if (condition(x, f, n)) {
		tmpl_walk(x, f, n, visit, arg);
		return;
	}
	for (xmlNode *c = n->children; c; c = c->next)
		if (tmpl_is(c, "sinon"))
			tmpl_walk(x, f, c, visit, arg);
}

/* <inclure modele>: the file was loaded with the template (node->_private). */
static void include(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, tmpl_visit_fn visit, void *arg)
{
	const tmpl_file *g = n->_private;
	if (!g || !g->xml || x->include_limit_hit)
		return;
	if (x->include_depth >= TMPL_MAX_INCLUDE_DEPTH) {
		tmpl_error(x, f->path, tmpl_line(n),
			   "<inclure modele=\"%s\"> is nested %d deep: the limit is %d", g->path,
			   x->include_depth + 1, TMPL_MAX_INCLUDE_DEPTH);
		x->include_limit_hit = true;
		return;
	}
	if (g->bytes > TMPL_MAX_INCLUDED_BYTES - x->included_bytes) {
		tmpl_error(x, f->path, tmpl_line(n),
			   "<inclure modele=\"%s\"> would bring the text expanded through "
			   "includes over %zu MB (%zu bytes already): the limit is %zu MB; an "
			   "include repeated at every level multiplies",
			   g->path, TMPL_MAX_INCLUDED_BYTES >> 20, x->included_bytes,
			   TMPL_MAX_INCLUDED_BYTES >> 20);
		x->include_limit_hit = true;
		return;
	}
	x->included_bytes += g->bytes;
	x->include_depth++;
	tmpl_walk(x, g, xmlDocGetRootElement(g->xml), visit, arg);
	x->include_depth--;
}

static const tmpl_elem elems[] = {
	{"pour-chaque",
	 "repeats its content for each figure of `groupe`, the figure being `$variable`",
	 NULL, loop_group,
	 {{"groupe"}, {"variable"}, {"tri", "decroissant", "croissant", "aucun"},
	  {"zeros", "oui", "non"}}},
	{"pour-chaque-annee",
	 "repeats its content for each calendar year of the period, the year being `$variable`",
	 NULL, loop_years, {{"variable"}}},
	{"si",
	 "its content when the test holds: `existe`, `renseigne`, `groupe`, `figure` (compared), "
	 "`champ`, `donnee`",
	 NULL, cond,
	 {{"existe"}, {"renseigne"}, {"groupe"}, {"figure"}, {"superieur"}, {"inferieur"}, {"egal"}, {"different"},
	  {"champ"}, {"donnee"}}},
	/* Read by its <si>; the walk passes over it. */
	{"sinon", "last in a `<si>`: its content when the test does not hold", NULL, NULL, {{NULL}}},
	{"inclure", "the content of another template of the layouts folder, in place",
	 NULL, include, {{"modele"}}},
};

const tmpl_elem_family tmpl_family_flow = {elems, sizeof elems / sizeof *elems};

void tmpl_walk(tmpl_ctx *x, const tmpl_file *f, xmlNode *parent, tmpl_visit_fn visit, void *arg)
{
	for (xmlNode *c = parent->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const tmpl_elem *e = NULL;
		for (size_t i = 0; !e && i < sizeof elems / sizeof *elems; i++)
			if (!strcmp((const char *)c->name, elems[i].name))
				e = &elems[i];
		if (!e)
			visit(x, f, c, arg);
		else if (e->flow)
			e->flow(x, f, c, visit, arg);
	}
}
