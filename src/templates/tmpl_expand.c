/* tmpl_expand.c - expanding a loaded template into the document tree: block
 * elements become doc blocks, loops and conditionals are resolved against
 * this year's statistics, and includes are walked in place. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "fmt_fr.h"
#include "parse_fr.h"
#include "tmpl_int.h"

typedef void (*elem_fn)(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg);

static bool is(const xmlNode *n, const char *name)
{
	return !strcmp((const char *)n->name, name);
}

static void report(tmpl_ctx *x, diag_level level, const char *file, int line, const char *fmt,
		   va_list ap0) __attribute__((format(printf, 5, 0)));
static void report(tmpl_ctx *x, diag_level level, const char *file, int line, const char *fmt,
		   va_list ap0)
{
	va_list ap;
	va_copy(ap, ap0);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	size_t size = (size_t)(n > 0 ? n : 0) + 1;
	char *msg = xmalloc(size);
	vsnprintf(msg, size, fmt, ap0);
	char *key = xasprintf("\n%s:%d:%s\n", file ? file : "", line, msg);
	if (!x->reported.len)
		strbuf_putc(&x->reported, '\n'); /* so every entry reads "\n...\n" */
	if (!strstr(x->reported.data, key)) {
		strbuf_puts(&x->reported, key + 1);
		diag_emit(x->d, level, (src_loc){file, line, 0}, NULL, "%s", msg);
		x->errors += level >= DIAG_ERROR;
	}
	free(key);
	free(msg);
}

void tmpl_error(tmpl_ctx *x, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(x, DIAG_ERROR, file, line, fmt, ap);
	va_end(ap);
}

static void tmpl_warning(tmpl_ctx *x, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void tmpl_warning(tmpl_ctx *x, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(x, DIAG_WARNING, file, line, fmt, ap);
	va_end(ap);
}

static src_loc origin(const tmpl_file *f, const xmlNode *n)
{
	return (src_loc){f->path, tmpl_line(n), 0};
}

/* An attribute with its expressions expanded; dflt (itself an expression)
 * when absent; NULL when absent without default. */
static char *attr_eval(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, const char *name,
		       tmpl_mode mode, const char *dflt)
{
	char *raw = xml_attr_dup(n, name);
	if (!raw)
		return dflt ? tmpl_eval_str(x, f->path, tmpl_line(n), dflt, mode) : NULL;
	char *r = tmpl_eval_str(x, f->path, tmpl_line(n), raw, mode);
	free(raw);
	return r;
}

static bool attr_is(const xmlNode *n, const char *name, const char *value)
{
	char *v = xml_attr_dup(n, name);
	bool r = v && !strcmp(v, value);
	free(v);
	return r;
}

/* A figure named by an attribute: an id (expressions allowed, "ca.{$k.cle}")
 * or a loop variable ("$k"). *missing receives the id when no figure has it
 * (and no error is reported) if missing is not NULL. */
static const stat_figure *figure_attr(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n,
				      const char *attr, char **missing)
{
	char *id = attr_eval(x, f, n, attr, TMPL_PLAIN, NULL);
	const stat_figure *fig = NULL;
	if (!id)
		return NULL;
	if (id[0] == '$') {
		const tmpl_var *v = tmpl_var_lookup(x, id + 1);
		if (v && v->fig)
			fig = v->fig;
		else
			tmpl_error(x, f->path, tmpl_line(n), "\"%s\": \"%s\" is not a figure variable",
				   attr, id);
		free(id);
		return fig;
	}
	fig = stats_lookup(x->s, id);
	if (!fig && missing) {
		*missing = id;
		return NULL;
	}
	if (!fig)
		tmpl_error(x, f->path, tmpl_line(n), "unknown figure \"%s\"%s", id,
			   tmpl_did_you_mean_figure(x->s, id).s);
	free(id);
	return fig;
}

static const stat_group *group_attr(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n,
				    bool report)
{
	char *id = attr_eval(x, f, n, "groupe", TMPL_PLAIN, NULL);
	if (!id)
		return NULL;
	const stat_group *g = stats_group_lookup(x->s, id);
	if (!g && report) {
		size_t ng = stats_group_count(x->s);
		const char **c = xcalloc(ng + 1, sizeof *c);
		for (size_t i = 0; i < ng; i++)
			c[i] = stats_group_at(x->s, i)->id;
		tmpl_error(x, f->path, tmpl_line(n), "unknown group \"%s\"%s", id,
			   text_did_you_mean(id, c, ng).s);
		free(c);
	}
	free(id);
	return g;
}

/* Figure indices of a group in display order: the group's own order, or by
 * value (stable, so ties keep it), without zeros if asked. */
static size_t *group_order(const tmpl_ctx *x, const stat_group *g, const xmlNode *n, size_t *count)
{
	int dir = attr_is(n, "tri", "decroissant") ? 1 : attr_is(n, "tri", "croissant") ? -1 : 0;
	bool skip_zero = attr_is(n, "zeros", "non");
	size_t *order = xcalloc(g->count + 1, sizeof *order), k = 0;
	for (size_t i = 0; i < g->count; i++)
		if (!skip_zero || stats_at(x->s, g->first + i)->value != 0)
			order[k++] = g->first + i;
	for (size_t i = 1; dir && i < k; i++)
		for (size_t j = i; j > 0; j--) {
			long long a = stats_at(x->s, order[j])->value;
			long long b = stats_at(x->s, order[j - 1])->value;
			if (!(dir > 0 ? a > b : a < b))
				break;
			size_t t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	*count = k;
	return order;
}

/* ---- control flow: loops, conditionals, includes --------------------------- */

static void walk(tmpl_ctx *x, const tmpl_file *f, xmlNode *parent, elem_fn fn, void *arg);

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

static void loop_group(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, elem_fn fn, void *arg)
{
	const stat_group *g = group_attr(x, f, n, true);
	char *name = xml_attr_dup(n, "variable");
	if (g && name) {
		size_t count;
		size_t *order = group_order(x, g, n, &count);
		size_t plen = strlen(g->id);
		for (size_t i = 0; i < count; i++) {
			const stat_figure *fig = stats_at(x->s, order[i]);
			const char *key = !strncmp(fig->id, g->id, plen) && fig->id[plen] == '.'
						  ? fig->id + plen + 1
						  : fig->id;
			if (!push_var(x, f, n, (tmpl_var){name, fig, key, 0}))
				break;
			walk(x, f, n, fn, arg);
			x->n_vars--;
		}
		free(order);
	}
	free(name);
}

static void loop_years(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, elem_fn fn, void *arg)
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
		walk(x, f, n, fn, arg);
		x->n_vars--;
	}
	free(name);
}

/* The operand of a comparison: a whole number (euros for an amount), or a figure. */
static bool operand(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, const char *attr,
		    const stat_figure *lhs, long long *out)
{
	char *v = attr_eval(x, f, n, attr, TMPL_PLAIN, NULL);
	char *end;
	long long num = strtoll(v, &end, 10);
	bool ok = true;
	if (*v && !*end)
		*out = lhs->unit == STAT_EUROS_CENTS ? num * 100 : num;
	else {
		const stat_figure *r = figure_attr(x, f, n, attr, NULL);
		ok = r != NULL;
		if (r)
			*out = r->value;
	}
	free(v);
	return ok;
}

static bool condition(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	char *probe;
	if ((probe = xml_attr_dup(n, "champ"))) {
		free(probe);
		return tmpl_fiche_cond(x, f, n);
	}
	if ((probe = xml_attr_dup(n, "existe"))) {
		free(probe);
		char *missing = NULL;
		const stat_figure *fig = figure_attr(x, f, n, "existe", &missing);
		free(missing);
		return fig != NULL;
	}
	if ((probe = xml_attr_dup(n, "groupe"))) {
		free(probe);
		const stat_group *g = group_attr(x, f, n, false);
		return g && g->count > 0;
	}
	const stat_figure *fig = figure_attr(x, f, n, "figure", NULL);
	if (!fig) {
		if (!(probe = xml_attr_dup(n, "figure")))
			tmpl_error(x, f->path, tmpl_line(n),
				   "<si> needs existe, groupe or figure");
		free(probe);
		return false;
	}
	static const char *const ops[] = {"superieur", "inferieur", "egal", "different"};
	bool any = false, r = true;
	for (int i = 0; i < 4; i++) {
		if (!(probe = xml_attr_dup(n, ops[i])))
			continue;
		free(probe);
		long long rhs;
		any = true;
		if (!operand(x, f, n, ops[i], fig, &rhs))
			return false;
		long long v = fig->value;
		r = r && (i == 0 ? v > rhs : i == 1 ? v < rhs : i == 2 ? v == rhs : v != rhs);
	}
	return any ? r : fig->value > 0;
}

static void cond(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, elem_fn fn, void *arg)
{
	if (condition(x, f, n)) {
		walk(x, f, n, fn, arg);
		return;
	}
	for (xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && is(c, "sinon"))
			walk(x, f, c, fn, arg);
}

/* Call fn for each element child of parent, resolving loops, conditionals
 * and includes on the way, so every context (body, tiles, table rows, lists)
 * gets them for free. */
static void walk(tmpl_ctx *x, const tmpl_file *f, xmlNode *parent, elem_fn fn, void *arg)
{
	for (xmlNode *c = parent->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "pour-chaque"))
			loop_group(x, f, c, fn, arg);
		else if (is(c, "pour-chaque-annee"))
			loop_years(x, f, c, fn, arg);
		else if (is(c, "si"))
			cond(x, f, c, fn, arg);
		else if (is(c, "sinon"))
			continue; /* taken by its <si> */
		else if (is(c, "inclure")) {
			const tmpl_file *g = c->_private;
			if (g && g->xml)
				walk(x, g, xmlDocGetRootElement(g->xml), fn, arg);
		} else
			fn(x, f, c, arg);
	}
}

/* ---- inline text ------------------------------------------------------------- */

static void inline_children(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, strbuf *out,
			    bool *at_space)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE)
			tmpl_eval(x, f->path, tmpl_line(c), (const char *)c->content, TMPL_MARKUP,
				  out, at_space);
		else if (c->type == XML_ELEMENT_NODE && (is(c, "em") || is(c, "fort"))) {
			const char *tag = is(c, "em") ? "i" : "b";
			strbuf_printf(out, "<%s>", tag);
			inline_children(x, f, c, out, at_space);
			strbuf_printf(out, "</%s>", tag);
		}
	}
}

/* The markup of a text element: white space collapsed and trimmed. */
static char *inline_markup(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	strbuf b = {0};
	bool at_space = true;
	inline_children(x, f, n, &b, &at_space);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return strbuf_detach(&b);
}

/* ---- lists -------------------------------------------------------------------- */

typedef struct {
	char **items;
	int *levels;
	size_t n;
	int depth;
} list_acc;

static void list_item(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg)
{
	list_acc *a = arg;
	if (!is(n, "item")) {
		tmpl_error(x, f->path, tmpl_line(n), "<%s> is not allowed in <liste>", n->name);
		return;
	}
	a->items = xreallocarray(a->items, a->n + 1, sizeof *a->items);
	a->levels = xreallocarray(a->levels, a->n + 1, sizeof *a->levels);
	a->levels[a->n] = a->depth;
	a->items[a->n++] = inline_markup(x, f, n);
	for (xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && is(c, "liste")) {
			a->depth++;
			walk(x, f, c, list_item, a);
			a->depth--;
		}
}

/* ---- tiles, bars, tables ------------------------------------------------------ */

typedef struct {
	doc_tile *tiles;
	size_t n;
} tile_acc;

static void tile(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg)
{
	tile_acc *a = arg;
	int line = tmpl_line(n);
	doc_tile t = {0};
	char *probe = xml_attr_dup(n, "part");
	if (probe) {
		free(probe);
		const stat_figure *fig = figure_attr(x, f, n, "part", NULL);
		if (!fig)
			return;
		if (fig->percent < 0 || fig->base <= 0) {
			tmpl_error(x, f->path, line,
				   "figure \"%s\" is not a share: use valeur=\"{%s}\" instead of part",
				   fig->id, fig->id);
			return;
		}
		char cnt[FMT_CAP], base[FMT_CAP];
		bool sup = tmpl_count_text(x, fig, cnt, sizeof cnt);
		fmt_int(base, sizeof base, fig->base);
		char *unit = attr_eval(x, f, n, "unite", TMPL_MARKUP, "coopérant·es");
		t.value = tmpl_share_text(x, fig);
		t.label = attr_eval(x, f, n, "libelle", TMPL_MARKUP, NULL);
		if (!t.label)
			t.label = doc_escape(fig->label);
		t.detail = attr_eval(x, f, n, "detail", TMPL_MARKUP, NULL);
		if (!t.detail)
			t.detail = attr_is(n, "effectif", "oui") && !sup
					   ? xasprintf("soit %s sur %s %s", cnt, base, unit)
					   : xasprintf("n = %s %s", base, unit);
		free(unit);
	} else if ((probe = xml_attr_dup(n, "valeur"))) {
		free(probe);
		t.value = attr_eval(x, f, n, "valeur", TMPL_MARKUP, NULL);
		t.label = attr_eval(x, f, n, "libelle", TMPL_MARKUP, "");
		t.detail = attr_eval(x, f, n, "detail", TMPL_MARKUP, NULL);
	} else {
		tmpl_error(x, f->path, line, "<tuile> needs part=\"figure\" or valeur=\"...\"");
		return;
	}
	a->tiles = xreallocarray(a->tiles, a->n + 1, sizeof *a->tiles);
	a->tiles[a->n++] = t;
}

static char *base_note(const stat_group *g)
{
	char n[FMT_CAP];
	char *label = doc_escape(g->base_label);
	char *r = xasprintf("Base : %s (n = %s).", label, fmt_int(n, sizeof n, g->base));
	free(label);
	return r;
}

static void bars(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	const stat_group *g = group_attr(x, f, n, true);
	if (!g || g->count == 0)
		return; /* an empty group draws nothing */
	size_t count;
	size_t *order = group_order(x, g, n, &count);
	doc_block tmp = {0};
	tmp.text = attr_eval(x, f, n, "titre", TMPL_MARKUP, NULL);
	if (!tmp.text)
		tmp.text = doc_escape(g->title);
	tmp.subtitle = attr_eval(x, f, n, "note", TMPL_MARKUP, NULL);
	if (!tmp.subtitle)
		tmp.subtitle = base_note(g);
	/* The largest visible bar fills the width; a hidden count never sets the
	 * scale, or its size could be read off the others. */
	long long max = 0;
	for (size_t i = 0; i < count; i++) {
		const stat_figure *fig = stats_at(x->s, order[i]);
		char cnt[FMT_CAP];
		bool sup = fig->unit == STAT_COUNT && tmpl_count_text(x, fig, cnt, sizeof cnt);
		if (!sup && fig->value > max)
			max = fig->value;
	}
	doc_block *b = doc_append(x->out, DOC_BARS);
	b->origin = origin(f, n);
	b->text = tmp.text;
	b->subtitle = tmp.subtitle;
	for (size_t i = 0; i < count; i++) {
		const stat_figure *fig = stats_at(x->s, order[i]);
		char cnt[FMT_CAP];
		char *value, *label = doc_escape(fig->label);
		bool sup = false;
		if (fig->unit == STAT_EUROS_CENTS)
			value = xstrdup(fmt_euros(cnt, sizeof cnt, fig->value, 0));
		else if ((sup = tmpl_count_text(x, fig, cnt, sizeof cnt)))
			value = xstrdup(cnt);
		else {
			char *share = tmpl_share_text(x, fig);
			value = xasprintf("%s (%s)", share, cnt);
			free(share);
		}
		doc_bars_add(b, label, value,
			     max > 0 && !sup ? (double)fig->value / (double)max : 0, sup);
		free(label);
		free(value);
	}
	free(order);
}


/* ---- charts -------------------------------------------------------------------
 * <graphique> fills a doc_chart from figures (docs/templates.md). Cells carry
 * the count, or the percent for charts drawn in percent, and the same text as
 * the rest of the report; a withheld cell is flagged so that its mark is
 * never drawn to size. */

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

static void chart_children(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg);

typedef struct {
	doc_chart *c;
	const stat_group *first; /* group of the first <serie> */
	strbuf note;             /* combined base note of the series */
	size_t n_series;
} chart_acc;

static void chart_children(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg)
{
	chart_acc *a = arg;
	doc_chart *c = a->c;
	int line = tmpl_line(n);
	if (is(n, "centre"))
		return; /* read by chart() before the data */
	if (is(n, "serie")) {
		const stat_group *g = group_attr(x, f, n, true);
		if (!g)
			return;
		if (a->first && g->count != a->first->count) {
			tmpl_error(x, f->path, line,
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
		char *name = attr_eval(x, f, n, "nom", TMPL_MARKUP, NULL);
		char *full = name ? xasprintf("%s (%s)", name, fmt_int(nb, sizeof nb, g->base))
				  : doc_escape(g->title);
		size_t s = doc_chart_add_series(c, full);
		free(name);
		free(full);
		for (size_t i = 0; i < g->count; i++)
			chart_cell(x, c, s, i, stats_at(x->s, g->first + i));
		char *label = doc_escape(g->base_label);
		strbuf_printf(&a->note, "%s%s (n = %s)", a->n_series ? " ; " : "Base : ", label,
			      fmt_int(nb, sizeof nb, g->base));
		free(label);
		c->base += g->base;
		a->n_series++;
	} else if (is(n, "detail")) {
		const stat_figure *parent = figure_attr(x, f, n, "de", NULL);
		char *list = attr_eval(x, f, n, "figures", TMPL_PLAIN, NULL);
		if (!parent || !list) {
			free(list);
			return;
		}
		int pk = -1;
		for (size_t k = 0; k < c->n_cats; k++) {
			char *label = doc_escape(parent->label);
			if (!strcmp(c->cats[k].label, label) && c->cats[k].parent < 0)
				pk = (int)k;
			free(label);
		}
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
	} else if (is(n, "evenement")) {
		char *date = xml_attr_dup(n, "date");
		char *label = attr_eval(x, f, n, "libelle", TMPL_MARKUP, NULL);
		double v = 0;
		char text[FMT_CAP];
		if (!date || !event_date(date, &v, text, sizeof text))
			tmpl_error(x, f->path, line,
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
	} else
		tmpl_error(x, f->path, line, "<%s> is not allowed in <graphique>", n->name);
}

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

static void chart(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	int line = tmpl_line(n);
	char *type_name = xml_attr_dup(n, "type");
	int type = type_name ? doc_chart_type_from_name(type_name) : -1;
	if (type < 0) {
		const char *const *types = doc_chart_type_names();
		strbuf known = {0};
		for (size_t i = 0; i < DOC_CHART__TYPES; i++)
			strbuf_printf(&known, "%s%s", i ? ", " : "", types[i]);
		tmpl_error(x, f->path, line, "\"type\": unknown chart type \"%s\"%s (known: %s)",
			   type_name ? type_name : "",
			   text_did_you_mean(type_name ? type_name : "", types, DOC_CHART__TYPES).s,
			   known.data);
		strbuf_free(&known);
		free(type_name);
		return;
	}
	free(type_name);
	const stat_group *g = NULL;
	char *probe = xml_attr_dup(n, "groupe");
	if (probe) {
		free(probe);
		if (!(g = group_attr(x, f, n, true)))
			return;
	}
	const stat_figure *share = NULL;
	if ((probe = xml_attr_dup(n, "figure"))) {
		free(probe);
		if (!(share = figure_attr(x, f, n, "figure", NULL)))
			return;
	}
	char *title = attr_eval(x, f, n, "titre", TMPL_MARKUP, NULL);
	if (!title)
		title = g ? doc_escape(g->title) : share ? doc_escape(share->label) : xstrdup("");
	char *note = attr_eval(x, f, n, "note", TMPL_MARKUP, NULL);
	bool own_note = note != NULL;
	if (!note && g)
		note = base_note(g);
	if (!note && share && share->group != (size_t)-1)
		note = base_note(stats_group_at(x->s, share->group));
	doc_chart *c = doc_add_chart(x->out, (doc_chart_type)type, title, note);
	((doc_block *)doc_at(x->out, doc_count(x->out) - 1))->origin = origin(f, n);

	free(title);
	free(note);
	c->threshold = stats_threshold(x->s) > 0 ? stats_threshold(x->s) : x->k;
	c->unit = attr_is(n, "unite", "pourcent") ? DOC_CHART_PERCENT
		  : attr_is(n, "unite", "euros") || (g && stats_at(x->s, g->first)->unit ==
							     STAT_EUROS_CENTS)
			  ? DOC_CHART_EUROS
			  : DOC_CHART_COUNT;
	c->sort = attr_is(n, "tri", "decroissant") && type != DOC_CHART_HBAR
			  ? DOC_CHART_SORT_DESC
		  : attr_is(n, "tri", "croissant") && type != DOC_CHART_HBAR ? DOC_CHART_SORT_ASC
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
	c->group_other = attr_is(n, "autres", "oui");
	c->skip_missing = attr_is(n, "sans-manquants", "oui");
	c->glyph = attr_is(n, "glyphe", "personne") ? DOC_CHART_GLYPH_PERSON : DOC_CHART_GLYPH_SQUARE;
	for (xmlNode *ch = n->children; ch; ch = ch->next)
		if (ch->type == XML_ELEMENT_NODE && is(ch, "centre"))
			c->center = inline_markup(x, f, ch);

	if (share) {
		/* A share and its complement (donut, stacked bar). */
		if (share->base <= 0) {
			tmpl_error(x, f->path, line, "figure \"%s\" is not a share", share->id);
			return;
		}
		c->base = share->base;
		doc_chart_add_series(c, NULL);
		chart_cell(x, c, 0, chart_cat(c, share, -1), share);
		stat_figure rest = *share;
		rest.value = share->base - share->value;
		rest.percent = stats_percent_half_up(rest.value, share->base);
		char *label = attr_eval(x, f, n, "complement", TMPL_PLAIN, "Autres");
		rest.label = label;
		chart_cell(x, c, 0, chart_cat(c, &rest, -1), &rest);
		free(label);
		return;
	}
	if (g && attr_is(n, "ventilation", "annees")) {
		size_t count;
		size_t *order = group_order(x, g, n, &count);
		chart_by_year(x, c, order, count);
		free(order);
		return;
	}
	if (g) {
		size_t count;
		size_t *order = group_order(x, g, n, &count);
		c->base = g->base;
		doc_chart_add_series(c, NULL);
		for (size_t i = 0; i < count; i++) {
			const stat_figure *fig = stats_at(x->s, order[i]);
			chart_cell(x, c, 0, chart_cat(c, fig, -1), fig);
		}
		free(order);
	}
	chart_acc a = {.c = c};
	walk(x, f, n, chart_children, &a);
	if (a.n_series > 0 && !own_note) {
		strbuf_putc(&a.note, '.');
		free(c->note);
		c->note = strbuf_detach(&a.note);
	}
	strbuf_free(&a.note);
	if (c->n_cats == 0)
		tmpl_error(x, f->path, line,
			   "<graphique> has no data: give groupe=\"...\", figure=\"...\", <serie>, "
			   "or <evenement> elements");
}

typedef struct {
	char **cells;
	size_t n;
} row_acc;

typedef struct {
	doc_column *cols;
	size_t n_cols;
	row_acc *rows;
	size_t n_rows;
	int total_line; /* line of the total row, 0 when none */
	size_t total_at;
} table_acc;

static void cell(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg)
{
	row_acc *r = arg;
	if (!is(n, "cellule")) {
		tmpl_error(x, f->path, tmpl_line(n), "<%s> is not allowed in <ligne>", n->name);
		return;
	}
	char *text = NULL, *probe = xml_attr_dup(n, "figure");
	if (probe) {
		free(probe);
		char *missing = NULL;
		bool has_absent = (probe = xml_attr_dup(n, "absent")) != NULL;
		free(probe);
		const stat_figure *fig = figure_attr(x, f, n, "figure", has_absent ? &missing : NULL);
		if (fig) {
			char *fmt = xml_attr_dup(n, "format");
			char *expr = xasprintf("{%s%s%s}", fig->id, fmt ? "|" : "", fmt ? fmt : "");
			text = tmpl_eval_str(x, f->path, tmpl_line(n), expr, TMPL_MARKUP);
			free(expr);
			free(fmt);
		} else if (missing)
			text = attr_eval(x, f, n, "absent", TMPL_MARKUP, NULL);
		free(missing);
	} else
		text = inline_markup(x, f, n);
	r->cells = xreallocarray(r->cells, r->n + 1, sizeof *r->cells);
	r->cells[r->n++] = text ? text : xstrdup("");
}

static double parse_width(const char *s, bool *ok)
{
	/* Locale-independent: "2.4" and "2,4" both mean 2.4. */
	long long mant = 0, scale = 1;
	bool frac = false, digits = false;
	*ok = true;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9' && mant < 100000000) {
			mant = mant * 10 + (*s - '0');
			scale *= frac ? 10 : 1;
			digits = true;
		} else if ((*s == '.' || *s == ',') && !frac)
			frac = true;
		else
			*ok = false;
	}
	*ok = *ok && digits && mant > 0;
	return (double)mant / (double)scale;
}

/* <image fichier largeur legende alt>: the file was checked at load. */
static void image(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	const tmpl_image *im = n->_private;
	int line = tmpl_line(n);
	if (!im) {
		tmpl_error(x, f->path, line, "<image> has no usable file");
		return;
	}
	double fraction = 1, mm = 0;
	char *w = xml_attr_dup(n, "largeur");
	if (w) {
		size_t len = strlen(w);
		bool pct = len > 1 && w[len - 1] == '%';
		bool is_mm = len > 2 && !strcmp(w + len - 2, "mm");
		bool ok = false;
		if (pct || is_mm) {
			char *num = xstrdup(w);
			num[len - (pct ? 1 : 2)] = '\0';
			size_t nl = strlen(num);
			while (nl && num[nl - 1] == ' ')
				num[--nl] = '\0';
			double v = parse_width(num, &ok);
			free(num);
			if (ok && pct && v > 0 && v <= 100)
				fraction = v / 100;
			else if (ok && is_mm && v >= 1 && v <= 1000)
				mm = v;
			else
				ok = false;
		}
		if (!ok)
			tmpl_error(x, f->path, line,
				   "\"largeur\": expected a percentage of the text width (1 to "
				   "100 %%, e.g. \"50%%\") or millimetres (e.g. \"80mm\"), found \"%s\"",
				   w);
		free(w);
	}
	char *caption = attr_eval(x, f, n, "legende", TMPL_MARKUP, NULL);
	char *alt = attr_eval(x, f, n, "alt", TMPL_PLAIN, NULL);
	if (!alt || !*alt) {
		free(alt);
		alt = attr_eval(x, f, n, "legende", TMPL_PLAIN, NULL);
	}
	if (!alt || !*alt)
		tmpl_warning(x, f->path, line,
			     "<image> has neither \"alt\" nor \"legende\": a reader who cannot "
			     "see it gets no description");
	doc_block *b = doc_add_image(x->out, im->path, im->px_w, im->px_h, fraction, mm,
				     caption && *caption ? caption : NULL, alt && *alt ? alt : NULL);
	b->origin = origin(f, n);
	free(caption);
	free(alt);
}

static void table_part(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg)
{
	table_acc *a = arg;
	if (is(n, "colonne")) {
		doc_column c = {0};
		c.header = attr_eval(x, f, n, "titre", TMPL_MARKUP, "");
		c.align = attr_is(n, "alignement", "droite")	 ? DOC_ALIGN_RIGHT
			  : attr_is(n, "alignement", "centre") ? DOC_ALIGN_CENTER
							       : DOC_ALIGN_LEFT;
		c.width = 1.0;
		char *w = xml_attr_dup(n, "largeur");
		if (w) {
			bool ok;
			c.width = parse_width(w, &ok);
			if (!ok) {
				diag_emit(x->d, DIAG_ERROR, origin(f, n), "largeur",
					  "expected a relative width such as 1 or 2.4, found \"%s\"", w);
				x->errors++;
				c.width = 1.0;
			}
		}
		free(w);
		a->cols = xreallocarray(a->cols, a->n_cols + 1, sizeof *a->cols);
		a->cols[a->n_cols++] = c;
	} else if (is(n, "ligne")) {
		row_acc r = {0};
		walk(x, f, n, cell, &r);
		if (r.n != a->n_cols)
			tmpl_error(x, f->path, tmpl_line(n), "this row has %zu cells, the table has %zu columns",
				   r.n, a->n_cols);
		if (attr_is(n, "total", "oui")) {
			a->total_line = tmpl_line(n);
			a->total_at = a->n_rows;
		}
		a->rows = xreallocarray(a->rows, a->n_rows + 1, sizeof *a->rows);
		a->rows[a->n_rows++] = r;
	} else
		tmpl_error(x, f->path, tmpl_line(n), "<%s> is not allowed in <tableau>", n->name);
}

static void table(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	table_acc a = {0};
	walk(x, f, n, table_part, &a);
	if (a.total_line && a.total_at + 1 != a.n_rows)
		tmpl_error(x, f->path, a.total_line, "the total row must be the table's last row");
	const stat_group *g = NULL;
	char *probe = xml_attr_dup(n, "groupe");
	if (probe)
		g = group_attr(x, f, n, true);
	free(probe);
	doc_block *b = doc_append(x->out, DOC_TABLE);
	b->origin = origin(f, n);
	b->text = attr_eval(x, f, n, "titre", TMPL_MARKUP, NULL);
	b->subtitle = attr_eval(x, f, n, "note", TMPL_MARKUP, NULL);
	if (!b->subtitle && g)
		b->subtitle = base_note(g);
	doc_table_set(b, a.n_cols, a.n_rows);
	for (size_t c = 0; c < a.n_cols; c++) {
		b->cols[c] = a.cols[c]; /* the doc takes the header string */
	}
	for (size_t r = 0; r < a.n_rows; r++) {
		for (size_t c = 0; c < a.rows[r].n; c++) {
			if (c < a.n_cols)
				b->cells[r * a.n_cols + c] = a.rows[r].cells[c];
			else
				free(a.rows[r].cells[c]);
		}
		for (size_t c = a.rows[r].n; c < a.n_cols; c++)
			b->cells[r * a.n_cols + c] = xstrdup("");
		free(a.rows[r].cells);
	}
	b->total_row = a.total_line != 0;
	free(a.cols);
	free(a.rows);
}

/* ---- body blocks ------------------------------------------------------------- */

static void body(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg);

static void heading(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	int line = tmpl_line(n);
	if (is(n, "partie") && x->level != 0) {
		tmpl_error(x, f->path, line,
			   "<partie> is a top-level division: use <section> inside a part");
		return;
	}
	int level = x->level + 1;
	if (level > 4) {
		/* doc.h has four heading levels: keep the text, lose a level. */
		tmpl_warning(x, f->path, line,
			     "<section> at level %d: the document has 4 heading levels, so it "
			     "is printed at level 4",
			     level);
		level = 4;
	}
	char *id = attr_eval(x, f, n, "id", TMPL_PLAIN, NULL);
	char *title = attr_eval(x, f, n, "titre", TMPL_MARKUP, "");
	/* <modele numerotation="oui">: parts are numbered 1, 2, 3... in order,
	 * except those marked numero="non" (annexes). The typesetter shows the
	 * number large and in the contents. */
	if (level == 1 && x->numbering && !attr_is(n, "numero", "non")) {
		char *numbered = xasprintf("%d. %s", ++x->part_no, title);
		free(title);
		title = numbered;
	}
	if (id) {
		char *key = xasprintf("\n%s\n", id);
		if (x->ids.data && strstr(x->ids.data, key))
			tmpl_error(x, f->path, line, "duplicate heading id \"%s\"", id);
		else
			strbuf_puts(&x->ids, key + (x->ids.len ? 1 : 0));
		free(key);
	}
	doc_block *b = doc_add_heading(x->out, level, id, title);
	b->origin = origin(f, n);
	b->landscape = level == 1 && attr_is(n, "orientation", "paysage");
	free(id);
	free(title);
	int saved = x->level;
	x->level = x->level + 1;
	walk(x, f, n, body, NULL);
	x->level = saved;
}

static void text_block(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, doc_kind kind)
{
	char *m = inline_markup(x, f, n);
	doc_block *b = doc_append(x->out, kind);
	b->origin = origin(f, n);
	b->text = m;
}

/* doc.h has no quotation block yet: a paragraph in italics between
 * guillemets, followed by its source. */
static void quote(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	char *m = inline_markup(x, f, n);
	char *src = attr_eval(x, f, n, "source", TMPL_MARKUP, NULL);
	doc_block *b = doc_append(x->out, DOC_QUOTE);
	b->origin = origin(f, n);
	b->text = m;
	if (src && *src)
		b->subtitle = src;
	else
		free(src);
}

static void body(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg)
{
	(void)arg;
	if (is(n, "couverture")) {
		doc_block tmp = {0};
		tmp.text = attr_eval(x, f, n, "titre", TMPL_MARKUP, "{rapport.titre}");
		tmp.subtitle = attr_eval(x, f, n, "sous-titre", TMPL_MARKUP, "{rapport.sous-titre}");
		tmp.extra = attr_eval(x, f, n, "date", TMPL_MARKUP, "{rapport.date|mois|initiale}");
		tmp.extra2 = attr_eval(x, f, n, "organisation", TMPL_MARKUP,
				       "{rapport.organisation}");
		doc_block *b = doc_append(x->out, DOC_COVER);
		b->origin = origin(f, n);
		b->text = tmp.text;
		b->subtitle = tmp.subtitle;
		b->extra = tmp.extra;
		b->extra2 = tmp.extra2;
	} else if (is(n, "sommaire"))
		doc_append(x->out, DOC_TOC)->origin = origin(f, n);
	else if (is(n, "partie") || is(n, "section"))
		heading(x, f, n);
	else if (is(n, "chapeau"))
		text_block(x, f, n, DOC_LEAD);
	else if (is(n, "p"))
		text_block(x, f, n, DOC_PARAGRAPH);
	else if (is(n, "note"))
		text_block(x, f, n, DOC_NOTE);
	else if (is(n, "citation"))
		quote(x, f, n);
	else if (is(n, "liste")) {
		list_acc a = {0};
		walk(x, f, n, list_item, &a);
		doc_block *b = doc_append(x->out, DOC_LIST);
		b->origin = origin(f, n);
		for (size_t i = 0; i < a.n; i++) {
			doc_list_add_level(b, a.items[i], a.levels[i]);
			free(a.items[i]);
		}
		free(a.items);
		free(a.levels);
	} else if (is(n, "tuiles")) {
		tile_acc a = {0};
		walk(x, f, n, tile, &a);
		doc_block *b = doc_append(x->out, DOC_TILES);
		b->origin = origin(f, n);
		b->tiles = a.tiles;
		b->n_tiles = a.n;
	} else if (is(n, "barres"))
		bars(x, f, n);
	else if (is(n, "graphique"))
		chart(x, f, n);
	else if (is(n, "tableau"))
		table(x, f, n);
	else if (is(n, "image"))
		image(x, f, n);
	else if (is(n, "fiches"))
		tmpl_fiches(x, f, n);
	else if (is(n, "saut-de-page"))
		doc_append(x->out, DOC_PAGE_BREAK)->origin = origin(f, n);
	else if (is(n, "ensemble")) {
		doc_append(x->out, DOC_KEEP_BEGIN)->origin = origin(f, n);
		walk(x, f, n, body, NULL);
		doc_append(x->out, DOC_KEEP_END)->origin = origin(f, n);
	} else if (is(n, "texte")) {
		const tmpl_file *g = n->_private;
		if (g && g->xml)
			walk(x, g, xmlDocGetRootElement(g->xml), body, NULL);
	} else if (tmpl_iv_element(n))
		tmpl_iv_body(x, f, n); /* tmpl_interviews.c */
	else
		tmpl_error(x, f->path, tmpl_line(n), "<%s> is not allowed here", n->name);
}

void tmpl_expand_body(tmpl_ctx *x, const tmpl_file *f, xmlNode *parent)
{
	walk(x, f, parent, body, NULL);
}

doc *tmpl_build(diag_sink *d, const tmpl *t, const model *m, const stats *s)
{
	return tmpl_build_with_interviews(d, t, m, s, NULL);
}

doc *tmpl_build_with_interviews(diag_sink *d, const tmpl *t, const model *m, const stats *s,
				const interviews *iv)
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
		.keywords = t->keywords,
		.language = "fr-FR",
		.date_iso = date,
	};
	tmpl_ctx x = {.d = d, .t = t, .m = m, .s = s, .iv = iv, .k = set->privacy_threshold};
	x.numbering = attr_is(xmlDocGetRootElement(t->main->xml), "numerotation", "oui");
	x.out = doc_create(&meta);
	walk(&x, t->main, xmlDocGetRootElement(t->main->xml), body, NULL);
	tmpl_iv_finish(&x);
	strbuf_free(&x.reported);
	strbuf_free(&x.ids);
	if (x.errors > 0) {
		doc_destroy(x.out);
		return NULL;
	}
	return x.out;
}
