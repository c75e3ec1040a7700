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

int chart_flow(cl *c, int y0)
{
	chart_data *cd = c->cd;
	const doc_chart *sp = c->spec;
	size_t n = chart_data_cats(cd);
	fnode *l1 = xcalloc(n ? n : 1, sizeof *l1), *l2 = xcalloc(n ? n : 1, sizeof *l2);
	size_t k1 = 0, k2 = 0;
	int *l1_of = xcalloc(n ? n : 1, sizeof *l1_of);
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		l1_of[i] = -1;
		bool sup = chart_data_suppressed(cd, 0, i);
		double v = chart_data_value(cd, 0, i);
		if (chart_data_parent(cd, i) >= 0 || (!sup && !(v > 0)))
			continue;
		l1_of[i] = (int)k1;
		l1[k1] = (fnode){.cat = i, .v = v, .sup = sup, .col = cl_series_color(c, k1), .parent = -1};
		k1++;
		total += v;
	}
	for (size_t i = 0; i < n; i++) {
		int p = chart_data_parent(cd, i);
		bool sup = chart_data_suppressed(cd, 0, i);
		double v = chart_data_value(cd, 0, i);
		if (p < 0 || l1_of[p] < 0 || (!sup && !(v > 0)))
			continue;
		l2[k2++] = (fnode){.cat = i, .v = v, .sup = sup, .col = l1[l1_of[p]].col,
				   .parent = l1_of[p]};
	}
	/* Children are drawn next to their parent: order them by parent. */
	for (size_t i = 1; i < k2; i++)
		for (size_t j = i; j > 0 && l2[j].parent < l2[j - 1].parent; j--) {
			fnode t = l2[j];
			l2[j] = l2[j - 1];
			l2[j - 1] = t;
		}
	if (k1 == 0 || !(total > 0)) {
		bool any_sup = false;
		for (size_t i = 0; i < k1; i++)
			any_sup |= l1[i].sup;
		free(l1);
		free(l2);
		free(l1_of);
		return cl_empty_note(c, y0,
				  any_sup ? "Effectifs sous le seuil de confidentialité : aucune "
					    "répartition n'est représentée."
					  : "Aucun effectif à répartir.");
	}
	const int node_w = PT(9), gap1 = PT(6), gap2 = PT(4);
	ctext probe = cl_text(c, ST_BAR_LABEL, "Ag");
	const int min_h = probe.m.height + PT(1);
	int plot_h = sp->height > 0 ? PT(sp->height) : PT(210);

	/* Scale so that the first column, slots included, fits the plot. */
	double scale = (plot_h - gap1 * (int)(k1 - 1)) / total;
	for (int it = 0; it < 30; it++) {
		double fixed = 0, flex = 0;
		for (size_t i = 0; i < k1; i++) {
			if (l1[i].sup || l1[i].v * scale < min_h)
				fixed += MAXI(min_h, 0);
			else
				flex += l1[i].v;
		}
		double avail = plot_h - gap1 * (int)(k1 - 1) - fixed;
		double ns = flex > 0 && avail > 0 ? avail / flex : scale;
		if (fabs(ns - scale) < 1e-3)
			break;
		scale = ns;
	}
	if (!(scale > 0) || !isfinite(scale))
		scale = PT(1);

	/* The source's label on top; the columns under it. */
	char *src_m = sp->center && *sp->center ? xstrdup(sp->center) : NULL;
	if (!src_m) {
		char num[FMT_CAP];
		src_m = xasprintf("Ensemble <b>%s</b>", fmt_int(num, sizeof num, llround(total)));
	}
	ctext src_l = cl_label(c, ST_BAR_LABEL, src_m, c->w * 28 / 100, 2, CHART_ALIGN_STYLE);
	free(src_m);
	int top = y0 + src_l.m.height + PT(6);
	cl_put(c, &src_l, 0, y0, cl_color(c, PAL_TEXT));

	int h1 = flow_stack(l1, k1, scale, min_h, gap1, top);
	const int x1 = c->w * 27 / 100, x2 = c->w * 60 / 100;
	/* Second column: each child as near its parent as the ones above
	 * allow. */
	int y2 = top;
	for (size_t i = 0; i < k2; i++) {
		fnode *p = &l1[l2[i].parent];
		l2[i].h = l2[i].sup ? PT(4) : MAXI((int)lround(l2[i].v * scale), PT(1));
		l2[i].slot_h = MAXI(l2[i].h, min_h);
		int want = p->y + p->out - (l2[i].slot_h - l2[i].h) / 2;
		if (!l2[i].sup)
			p->out += l2[i].h;
		l2[i].slot_y = MAXI(want, y2);
		l2[i].y = l2[i].slot_y + (l2[i].slot_h - l2[i].h) / 2;
		y2 = l2[i].slot_y + l2[i].slot_h + gap2;
	}
	for (size_t i = 0; i < k1; i++)
		l1[i].out = 0;
	int h2 = k2 ? y2 - gap2 - top : 0;
	int body = MAXI(h1, h2);

	/* Source node: the drawable total, centred on the first column. */
	int src_h = (int)lround(total * scale);
	int src_y = top + (h1 - src_h) / 2;
	int src_ptr = src_y;
	cl_rect(c, 0, src_y, node_w, src_h, cl_color(c, PAL_GREY_BLUE), 0);
	for (size_t i = 0; i < k1; i++) {
		fnode *f = &l1[i];
		if (f->sup) {
			/* No band of true width: a dashed thread to a fixed box. */
			cl_line(c, node_w, src_ptr, x1 - node_w, f->y + f->h / 2 - src_ptr, cl_color(c, PAL_GREY),
			     PT(0.6), CHART_DASH_DASHED);
			cl_rect_dashed(c, x1, f->y, node_w, f->h);
			continue;
		}
		pathb p = {0};
		pb_band(&p, node_w, src_ptr, f->h, x1, f->y, f->h);
		cl_path(c, &p, true, chart_tint(f->col, 0.72), false, 0, 0, CHART_DASH_NONE);
		src_ptr += f->h;
		cl_rect(c, x1, f->y, node_w, f->h, f->col, 0);
	}
	for (size_t i = 0; i < k2; i++) {
		fnode *f = &l2[i];
		fnode *p = &l1[f->parent];
		if (f->sup) {
			cl_line(c, x1 + node_w, p->y + p->out, x2 - x1 - node_w,
			     f->y + f->h / 2 - (p->y + p->out), cl_color(c, PAL_GREY), PT(0.6), CHART_DASH_DASHED);
			cl_rect_dashed(c, x2, f->y, node_w, f->h);
			continue;
		}
		pathb pb = {0};
		pb_band(&pb, x1 + node_w, p->y + p->out, f->h, x2, f->y, f->h);
		cl_path(c, &pb, true, chart_tint(f->col, 0.8), false, 0, 0, CHART_DASH_NONE);
		p->out += f->h;
		cl_rect(c, x2, f->y, node_w, f->h, f->col, 0);
	}
	/* Labels last, over the bands: « label  n ». */
	for (int col = 0; col < 2; col++) {
		fnode *v = col ? l2 : l1;
		size_t k = col ? k2 : k1;
		for (size_t i = 0; i < k; i++) {
			bool has_kids = false;
			for (size_t j = 0; !col && j < k2; j++)
				has_kids |= l2[j].parent == (int)i;
			int lx = (col ? x2 : x1) + node_w + PT(5);
			int lw = col || !has_kids ? c->w - lx : x2 - lx - PT(6);
			char *m = xasprintf("%s <b>%s</b>", chart_data_label(cd, v[i].cat),
					    chart_data_text(cd, 0, v[i].cat));
			ctext l = cl_label(c, ST_BAR_LABEL, m, lw, 2, CHART_ALIGN_STYLE);
			int ly = v[i].slot_y + (v[i].slot_h - l.m.height) / 2;
			cl_put(c, &l, lx, ly, v[i].sup ? cl_color(c, PAL_GREY) : cl_color(c, PAL_TEXT));
			free(m);
		}
	}
	free(l1);
	free(l2);
	free(l1_of);
	return top - y0 + body;
}

