/* tmpl_read.c - reading an element while it is expanded: attributes with
 * their "{...}" expressions, the figures and groups they name (with "did
 * you mean"), a group's display order, and inline text with <em>/<fort>. */
#include <stdlib.h>
#include <string.h>

#include "fmt_fr.h"
#include "parse_fr.h"
#include "tmpl_int.h"

bool tmpl_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

bool tmpl_has_attr(const xmlNode *n, const char *name)
{
	return xmlHasProp(n, (const xmlChar *)name) != NULL;
}

char *tmpl_attr_eval(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, const char *name,
		     tmpl_mode mode, const char *dflt)
{
	char *raw = xml_attr_dup(n, name);
	if (!raw)
		return dflt ? tmpl_eval_str(x, f->path, tmpl_line(n), dflt, mode) : NULL;
	char *r = tmpl_eval_str(x, f->path, tmpl_line(n), raw, mode);
	free(raw);
	return r;
}

bool tmpl_attr_is(const xmlNode *n, const char *name, const char *value)
{
	char *v = xml_attr_dup(n, name);
	bool r = v && !strcmp(v, value);
	free(v);
	return r;
}

long long tmpl_attr_int(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, const char *name,
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

const stat_figure *tmpl_figure_attr(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n,
				    const char *attr, char **missing)
{
	char *id = tmpl_attr_eval(x, f, n, attr, TMPL_PLAIN, NULL);
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

const stat_group *tmpl_group_attr(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, bool report)
{
	char *id = tmpl_attr_eval(x, f, n, "groupe", TMPL_PLAIN, NULL);
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

/* Stable, so that ties keep the group's order. */
size_t *tmpl_group_order(const tmpl_ctx *x, const stat_group *g, const xmlNode *n, size_t *count)
{
	int dir = tmpl_attr_is(n, "tri", "decroissant") ? 1 : tmpl_attr_is(n, "tri", "croissant") ? -1 : 0;
	bool skip_zero = tmpl_attr_is(n, "zeros", "non");
	size_t *order = xcalloc(g->count + 1, sizeof *order), k = 0;
	for (size_t i = 0; i < g->count; i++) {
		const stat_figure *f = stats_at(x->s, g->first + i);
		/* Data not collected is left out, never drawn as a zero. */
		if (!f->not_collected && (!skip_zero || f->value != 0))
			order[k++] = g->first + i;
	}
	if (dir && k > 1) {
		/* Stable merge sort, bottom-up: a group may hold one figure per
		 * KPA (10,000 and more), where insertion sorting costs the square. */
		size_t *tmp = xcalloc(k, sizeof *tmp), *a = order, *b = tmp;
		for (size_t w = 1; w < k; w *= 2) {
			for (size_t lo = 0; lo < k; lo += 2 * w) {
				size_t mid = lo + w < k ? lo + w : k, hi = lo + 2 * w < k ? lo + 2 * w : k;
				size_t i = lo, j = mid, o = lo;
				while (i < mid && j < hi) {
					long long vi = stats_at(x->s, a[i])->value;
					long long vj = stats_at(x->s, a[j])->value;
					/* Take from the right only when strictly before. */
					b[o++] = (dir > 0 ? vj > vi : vj < vi) ? a[j++] : a[i++];
				}
				while (i < mid)
					b[o++] = a[i++];
				while (j < hi)
					b[o++] = a[j++];
			}
			size_t *t = a;
			a = b;
			b = t;
		}
		if (a != order)
			memcpy(order, a, k * sizeof *order);
		free(tmp);
	}
	*count = k;
	return order;
}

char *tmpl_base_note(const tmpl_ctx *x, const stat_group *g)
{
	char n[FMT_CAP];
	char *label = doc_escape(g->base_label);
	char *r = xasprintf("Base : %s (n = %s).", label,
			    tmpl_base_text(x, g->base_id, g->base, n, sizeof n));
	free(label);
	return r;
}

static void inline_children(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, strbuf *out,
			    bool *at_space)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE)
			tmpl_eval(x, f->path, tmpl_line(c), (const char *)c->content, TMPL_MARKUP,
				  out, at_space);
		else if (tmpl_is(c, "em") || tmpl_is(c, "fort")) {
			const char *tag = tmpl_is(c, "em") ? "i" : "b";
			strbuf_printf(out, "<%s>", tag);
			inline_children(x, f, c, out, at_space);
			strbuf_printf(out, "</%s>", tag);
		}
	}
}

char *tmpl_inline_markup(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	strbuf b = {0};
	bool at_space = true;
	inline_children(x, f, n, &b, &at_space);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return strbuf_detach(&b);
}

double tmpl_parse_width(const char *s, bool *ok)
{
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
