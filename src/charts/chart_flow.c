/* chart_flow.c - the two-level flow: a source bar splits into first-level
 * nodes, which split into their sub-parts, joined by bands proportional to
 * the counts, each node labelled. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart_geom.h"
#include "fmt_fr.h"
#include "util.h"

/* --- flow ---------------------------------------------------------------------------------------- */

typedef struct {
	size_t cat;
	int slot_y, slot_h; /* label room */
	int y, h;           /* band/node extent */
	double v;
	bool sup;
	uint32_t col;
	int parent; /* index into level-1 nodes, or -1 */
	int out;    /* level 1: band offset already used by children */
} fnode;

/* Stack nodes in slots of at least min_h, gap apart, with node heights
 * v * scale; returns the column height. */
static int flow_stack(fnode *nd, size_t k, double scale, int min_h, int gap, int y)
{
	int top = y;
	for (size_t i = 0; i < k; i++) {
		nd[i].h = nd[i].sup ? PT(4) : (int)lround(nd[i].v * scale);
		if (!nd[i].sup && nd[i].v > 0 && nd[i].h < PT(1))
			nd[i].h = PT(1);
		nd[i].slot_h = MAXI(nd[i].h, min_h);
		nd[i].slot_y = y;
		nd[i].y = y + (nd[i].slot_h - nd[i].h) / 2;
		y += nd[i].slot_h + gap;
	}
	return k ? y - gap - top : 0;
}

/* The flow being laid out: its two columns of nodes. */
typedef struct {
	fnode *l1, *l2;
	size_t k1, k2;
	double total; /* drawable total of the first level */
	double scale; /* units per count */
	int min_h;    /* a node's slot holds at least its label's line */
	int top;      /* of the columns */
	int x1, x2;   /* left of the first- and second-level nodes */
} flowc;

static const int node_w = PT(9), gap1 = PT(6), gap2 = PT(4);

/* The nodes of both levels: categories with a drawable value or a
 * suppressed count; children ordered by parent, to sit next to it. */
static void collect_nodes(cl *c, flowc *f)
{
	chart_data *cd = c->cd;
	size_t n = chart_data_cats(cd);
	f->l1 = xcalloc(n ? n : 1, sizeof *f->l1);
	f->l2 = xcalloc(n ? n : 1, sizeof *f->l2);
	int *l1_of = xcalloc(n ? n : 1, sizeof *l1_of);
	for (size_t i = 0; i < n; i++) {
		l1_of[i] = -1;
		bool sup = chart_data_suppressed(cd, 0, i);
		double v = chart_data_value(cd, 0, i);
		if (chart_data_parent(cd, i) >= 0 || (!sup && !(v > 0)))
			continue;
		l1_of[i] = (int)f->k1;
		f->l1[f->k1] = (fnode){.cat = i, .v = v, .sup = sup,
				       .col = cl_series_color(c, f->k1), .parent = -1};
		f->k1++;
		f->total += v;
	}
	for (size_t i = 0; i < n; i++) {
		int p = chart_data_parent(cd, i);
		bool sup = chart_data_suppressed(cd, 0, i);
		double v = chart_data_value(cd, 0, i);
		if (p < 0 || l1_of[p] < 0 || (!sup && !(v > 0)))
			continue;
		f->l2[f->k2++] = (fnode){.cat = i, .v = v, .sup = sup, .col = f->l1[l1_of[p]].col,
					 .parent = l1_of[p]};
	}
	free(l1_of);
	fnode *l2 = f->l2;
	for (size_t i = 1; i < f->k2; i++)
		for (size_t j = i; j > 0 && l2[j].parent < l2[j - 1].parent; j--) {
			fnode t = l2[j];
			l2[j] = l2[j - 1];
			l2[j - 1] = t;
		}
}

/* Scale so that the first column, slots included, fits the plot. */
static double flow_scale(const flowc *f, int plot_h)
{
	double scale = (plot_h - gap1 * (int)(f->k1 - 1)) / f->total;
	for (int it = 0; it < 30; it++) {
		double fixed = 0, flex = 0;
		for (size_t i = 0; i < f->k1; i++) {
			if (f->l1[i].sup || f->l1[i].v * scale < f->min_h)
				fixed += MAXI(f->min_h, 0);
			else
				flex += f->l1[i].v;
		}
		double avail = plot_h - gap1 * (int)(f->k1 - 1) - fixed;
		double ns = flex > 0 && avail > 0 ? avail / flex : scale;
		if (fabs(ns - scale) < 1e-3)
			break;
		scale = ns;
	}
	if (!(scale > 0) || !isfinite(scale))
		scale = PT(1);
	return scale;
}

/* The source's label on top ("Ensemble n" unless the spec's centre text);
 * returns the top of the columns under it. */
static int source_label(cl *c, const flowc *f, int y0)
{
	const doc_chart *sp = c->spec;
	char *src_m = sp->center && *sp->center ? xstrdup(sp->center) : NULL;
	if (!src_m) {
		char num[FMT_CAP];
		/* The whole, withheld parts included: the sum of the published
		 * parts alone would be a false total. */
		double whole = chart_data_whole(c->cd, 0);
		src_m = xasprintf("Ensemble <b>%s</b>",
				  fmt_int(num, sizeof num, llround(whole > f->total ? whole : f->total)));
	}
	ctext src_l = cl_label(c, ST_BAR_LABEL, src_m, c->w * 28 / 100, 2, CHART_ALIGN_STYLE);
	free(src_m);
	cl_put(c, &src_l, 0, y0, cl_color(c, PAL_TEXT));
	return y0 + src_l.m.height + PT(6);
}

/* Second column: each child as near its parent's band as the ones above
 * allow. Returns the column height. */
static int place_children(flowc *f)
{
	int y2 = f->top;
	for (size_t i = 0; i < f->k2; i++) {
		fnode *ch = &f->l2[i];
		fnode *p = &f->l1[ch->parent];
		ch->h = ch->sup ? PT(4) : MAXI((int)lround(ch->v * f->scale), PT(1));
		ch->slot_h = MAXI(ch->h, f->min_h);
		int want = p->y + p->out - (ch->slot_h - ch->h) / 2;
		if (!ch->sup)
			p->out += ch->h;
		ch->slot_y = MAXI(want, y2);
		ch->y = ch->slot_y + (ch->slot_h - ch->h) / 2;
		y2 = ch->slot_y + ch->slot_h + gap2;
	}
	for (size_t i = 0; i < f->k1; i++)
		f->l1[i].out = 0;
	return f->k2 ? y2 - gap2 - f->top : 0;
}

/* The source node (the drawable total, centred on the first column) and
 * its bands to the first-level nodes; a suppressed node gets a dashed
 * thread to a fixed box, not a band of true width. */
static void draw_first_level(cl *c, const flowc *f, int h1)
{
	int src_h = (int)lround(f->total * f->scale);
	int src_y = f->top + (h1 - src_h) / 2;
	int src_ptr = src_y;
	cl_rect(c, 0, src_y, node_w, src_h, cl_color(c, PAL_GREY_BLUE), 0);
	for (size_t i = 0; i < f->k1; i++) {
		const fnode *n = &f->l1[i];
		if (n->sup) {
			cl_line(c, node_w, src_ptr, f->x1 - node_w, n->y + n->h / 2 - src_ptr,
				cl_color(c, PAL_GREY), PT(0.6), CHART_DASH_DASHED);
			cl_rect_dashed(c, f->x1, n->y, node_w, n->h);
			continue;
		}
		pathb p = {0};
		pb_band(&p, node_w, src_ptr, n->h, f->x1, n->y, n->h);
		cl_path(c, &p, true, chart_tint(n->col, 0.72), false, 0, 0, CHART_DASH_NONE);
		src_ptr += n->h;
		cl_rect(c, f->x1, n->y, node_w, n->h, n->col, 0);
	}
}

/* Bands from each first-level node to its children, in order. */
static void draw_second_level(cl *c, flowc *f)
{
	int x1 = f->x1, x2 = f->x2;
	for (size_t i = 0; i < f->k2; i++) {
		const fnode *n = &f->l2[i];
		fnode *p = &f->l1[n->parent];
		if (n->sup) {
			cl_line(c, x1 + node_w, p->y + p->out, x2 - x1 - node_w,
				n->y + n->h / 2 - (p->y + p->out), cl_color(c, PAL_GREY), PT(0.6),
				CHART_DASH_DASHED);
			cl_rect_dashed(c, x2, n->y, node_w, n->h);
			continue;
		}
		pathb pb = {0};
		pb_band(&pb, x1 + node_w, p->y + p->out, n->h, x2, n->y, n->h);
		cl_path(c, &pb, true, chart_tint(n->col, 0.8), false, 0, 0, CHART_DASH_NONE);
		p->out += n->h;
		cl_rect(c, x2, n->y, node_w, n->h, n->col, 0);
	}
}

/* Labels last, over the bands: « label  n », centred on each slot. A
 * first-level label stops short of the second column when it has
 * children. */
static void draw_labels(cl *c, const flowc *f)
{
	for (int col = 0; col < 2; col++) {
		const fnode *v = col ? f->l2 : f->l1;
		size_t k = col ? f->k2 : f->k1;
		for (size_t i = 0; i < k; i++) {
			bool has_kids = false;
			for (size_t j = 0; !col && j < f->k2; j++)
				has_kids |= f->l2[j].parent == (int)i;
			int lx = (col ? f->x2 : f->x1) + node_w + PT(5);
			int lw = col || !has_kids ? c->w - lx : f->x2 - lx - PT(6);
			char *m = xasprintf("%s <b>%s</b>", chart_data_label(c->cd, v[i].cat),
					    chart_data_text(c->cd, 0, v[i].cat));
			ctext l = cl_label(c, ST_BAR_LABEL, m, lw, 2, CHART_ALIGN_STYLE);
			int ly = v[i].slot_y + (v[i].slot_h - l.m.height) / 2;
			cl_put(c, &l, lx, ly, v[i].sup ? cl_color(c, PAL_GREY) : cl_color(c, PAL_TEXT));
			free(m);
		}
	}
}

/* The note for a flow with nothing to split. */
static int empty_flow(cl *c, const flowc *f, int y0)
{
	bool any_sup = false;
	for (size_t i = 0; i < f->k1; i++)
		any_sup |= f->l1[i].sup;
	return cl_empty_note(c, y0,
			     any_sup ? "Effectifs sous le seuil de confidentialité : aucune "
				       "répartition n'est représentée."
				     : "Aucun effectif à répartir.");
}

int chart_flow(cl *c, int y0)
{
	flowc f = {0};
	collect_nodes(c, &f);
	int h;
	if (f.k1 == 0 || !(f.total > 0)) {
		h = empty_flow(c, &f, y0);
	} else {
		f.min_h = cl_text(c, ST_BAR_LABEL, "Ag").m.height + PT(1);
		f.scale = flow_scale(&f, c->spec->height > 0 ? PT(c->spec->height) : PT(210));
		f.top = source_label(c, &f, y0);
		int h1 = flow_stack(f.l1, f.k1, f.scale, f.min_h, gap1, f.top);
		f.x1 = c->w * 27 / 100;
		f.x2 = c->w * 60 / 100;
		int h2 = place_children(&f);
		draw_first_level(c, &f, h1);
		draw_second_level(c, &f);
		draw_labels(c, &f);
		h = f.top - y0 + MAXI(h1, h2);
	}
	free(f.l1);
	free(f.l2);
	return h;
}
