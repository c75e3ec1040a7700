/* chart_whole.c - parts of a whole: 100 % stacked bars, the donut with its
 * value legend, and the unit chart (100 glyphs, one per percent). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart_geom.h"
#include "fmt_fr.h"
#include "util.h"

/* --- 100 % stacked bars ------------------------------------------------------------------------- */

int chart_stacked(cl *c, int y0)
{
	chart_data *cd = c->cd;
	size_t n = chart_data_cats(cd), ns = chart_data_series(cd);
	bool named = false;
	for (size_t s = 0; s < ns; s++)
		named |= chart_data_series_name(cd, s) && *chart_data_series_name(cd, s);
	const int label_w = named ? c->w * 22 / 100 : 0, gap = named ? PT(8) : 0;
	const int bar_h = PT(22), row_gap = PT(8);
	int y = y0;
	for (size_t s = 0; s < ns; s++) {
		int x0 = label_w + gap, full = c->w - x0, bar_w = full;
		if (named) {
			ctext l = cl_label(c, ST_BAR_LABEL,
							    chart_data_series_name(cd, s), label_w,
							    2, CHART_ALIGN_STYLE);
			cl_put(c, &l, 0, y + (bar_h - l.m.height) / 2, cl_color(c, PAL_TEXT));
		}
		/* Published parts on the true scale of the whole; what is
		 * withheld is one hatched part at the end, never spread over
		 * the published ones (which would draw 43 % as 93 %). */
		double total = chart_data_whole(cd, s);
		if (!(total > 0)) {
			cl_rect(c, x0, y, full, bar_h, cl_color(c, PAL_TINT), 0);
			ctext l = cl_text(c, ST_NOTE, "aucune valeur non nulle");
			cl_put(c, &l, x0 + PT(6), y + (bar_h - l.m.height) / 2, cl_color(c, PAL_GREY));
		} else {
			double acc = 0;
			int x = x0;
			for (size_t i = 0; i < n; i++) {
				double v = chart_data_value(cd, s, i);
				if (!(v > 0))
					continue;
				acc += v;
				int xe = x0 + (int)lround(acc / total * bar_w);
				uint32_t col = cl_series_color(c, i);
				cl_rect(c, x, y, xe - x, bar_h, col, 0);
				ctext vl = cl_text(c, ST_BAR_VALUE, chart_data_text(cd, s, i));
				if (vl.m.width + PT(6) <= xe - x)
					cl_put(c, &vl, x + (xe - x - vl.m.width) / 2,
					     y + (bar_h - vl.m.line0_height) / 2, chart_text_on(col));
				/* A white hairline keeps neighbours apart without
				 * relying on their colours. */
				if (x > x0)
					cl_line(c, x, y, 0, bar_h, cl_color(c, PAL_WHITE), PT(1), CHART_DASH_NONE);
				x = xe;
			}
			if (chart_data_has_withheld(cd, s) && x < x0 + bar_w) {
				int ww = x0 + bar_w - x;
				cl_rect_hatched(c, x, y, ww, bar_h);
				ctext wl = cl_text(c, ST_BAR_VALUE, chart_data_withheld_text(cd, s));
				if (wl.m.width + PT(6) <= ww)
					cl_put(c, &wl, x + (ww - wl.m.width) / 2,
					       y + (bar_h - wl.m.line0_height) / 2, cl_color(c, PAL_TEXT));
			}
		}
		y += bar_h + row_gap;
	}
	/* Legend: every category with its label and, for a single bar, its
	 * value, so the chart reads without telling colours apart. */
	bool withheld = false;
	for (size_t s = 0; s < ns; s++)
		withheld |= ns > 1 && chart_data_has_withheld(cd, s);
	size_t nl = n + withheld;
	char **labels = xcalloc(nl ? nl : 1, sizeof *labels);
	uint32_t *colors = xcalloc(nl ? nl : 1, sizeof *colors);
	bool *dashed = xcalloc(nl ? nl : 1, sizeof *dashed);
	for (size_t i = 0; i < n; i++) {
		labels[i] = ns == 1 ? xasprintf("%s <b>%s</b>", chart_data_label(cd, i),
						chart_data_text(cd, 0, i))
				    : xstrdup(chart_data_label(cd, i));
		colors[i] = cl_series_color(c, i);
		dashed[i] = ns == 1 && chart_data_suppressed(cd, 0, i);
	}
	if (withheld) { /* several bars: the hatched part has its own entry */
		labels[n] = xstrdup("non diffusé (secret statistique)");
		dashed[n] = true;
	}
	y += PT(2) + cl_legend_row(c, label_w + gap, y - row_gap + PT(8), c->w - label_w - gap, nl,
				labels, colors, dashed);
	for (size_t i = 0; i < nl; i++)
		free(labels[i]);
	free(labels);
	free(colors);
	free(dashed);
	return y - y0;
}

/* --- donut -------------------------------------------------------------------------------- */

/* A vertical list of entries: swatch, value (bold, right-aligned in its
 * column), label. Returns its height. */
static int value_legend(cl *c, int x0, int y, int width, size_t n, const char **labels,
			const char **values, const uint32_t *colors, const bool *dashed)
{
	const int sw = PT(9), gap = PT(6), row_gap = PT(5);
	int vw = 0;
	for (size_t i = 0; i < n; i++) {
		ctext v = cl_text(c, ST_BAR_VALUE, values[i]);
		vw = MAXI(vw, v.m.width);
	}
	int top = y;
	int lx = x0 + sw + gap + vw + gap;
	for (size_t i = 0; i < n; i++) {
		ctext l = cl_label(c, ST_BAR_LABEL, labels[i], x0 + width - lx,
						    2, CHART_ALIGN_STYLE);
		ctext v = cl_text(c, ST_BAR_VALUE, values[i]);
		int l0 = l.m.line0_height;
		if (dashed && dashed[i])
			cl_rect_hatched(c, x0, y + (l0 - sw) / 2, sw, sw);
		else
			cl_rect(c, x0, y + (l0 - sw) / 2, sw, sw, colors[i], PT(1.5));
		cl_put(c, &v, x0 + sw + gap + vw - v.m.width,
		     y + l.m.baseline - v.m.baseline,
		     dashed && dashed[i] ? cl_color(c, PAL_GREY) : cl_style_color(c, ST_BAR_VALUE));
		cl_put(c, &l, lx, y, cl_color(c, PAL_TEXT));
		y += l.m.height + row_gap;
	}
	return n ? y - row_gap - top : 0;
}

int chart_donut(cl *c, int y0)
{
	chart_data *cd = c->cd;
	size_t n = chart_data_cats(cd);
	const doc_chart *sp = c->spec;
	int d = sp->height > 0 ? PT(sp->height) : PT(118);
	d = MAXI(d, PT(60));
	double ro = d / 2.0, ri = ro * 0.6;
	/* The true whole: a withheld part is one hatched slice (below). */
	double total = chart_data_whole(cd, 0);

	const char **labels = xcalloc(n ? n : 1, sizeof *labels);
	const char **values = xcalloc(n ? n : 1, sizeof *values);
	uint32_t *colors = xcalloc(n ? n : 1, sizeof *colors);
	bool *dashed = xcalloc(n ? n : 1, sizeof *dashed);
	for (size_t i = 0; i < n; i++) {
		labels[i] = chart_data_label(cd, i);
		values[i] = chart_data_text(cd, 0, i);
		colors[i] = cl_series_color(c, i);
		dashed[i] = chart_data_suppressed(cd, 0, i);
	}
	int lx = d + PT(24);
	/* Measure the legend first to centre ring and legend on each other. */
	c->dry = true;
	int leg_h = value_legend(c, lx, 0, c->w - lx, n, labels, values, colors, dashed);
	c->dry = false;
	int h = MAXI(d, leg_h);
	double cx = ro, cy = y0 + h / 2.0;

	if (!(total > 0)) {
		pathb p = {0};
		pb_move(&p, cx + ro, cy);
		pb_arc(&p, cx, cy, ro, 0, 2 * CHART_PI);
		pb_close(&p);
		pb_move(&p, cx + ri, cy);
		pb_arc(&p, cx, cy, ri, 2 * CHART_PI, 0);
		pb_close(&p);
		cl_path(c, &p, true, cl_color(c, PAL_TINT), false, 0, 0, CHART_DASH_NONE);
	}
	double a = -CHART_PI / 2, acc = 0;
	for (size_t i = 0; i < n && total > 0; i++) {
		double v = chart_data_value(cd, 0, i);
		if (!(v > 0))
			continue;
		acc += v;
		double b = -CHART_PI / 2 + acc / total * 2 * CHART_PI;
		pathb p = {0};
		pb_move(&p, cx + ro * cos(a), cy + ro * sin(a));
		pb_arc(&p, cx, cy, ro, a, b);
		pb_line(&p, cx + ri * cos(b), cy + ri * sin(b));
		pb_arc(&p, cx, cy, ri, b, a);
		pb_close(&p);
		/* White edges part the slices without relying on colour. */
		cl_path(c, &p, true, colors[i], v < total, cl_color(c, PAL_WHITE), PT(1.2), CHART_DASH_NONE);
		ctext vl = cl_text(c, ST_BAR_VALUE, values[i]);
		double mid = (a + b) / 2, rm = (ro + ri) / 2;
		/* On the ring only when the slice can hold the text. */
		double arc_len = (b - a) * rm;
		if (arc_len > vl.m.width + PT(4) || (b - a) > 1.2)
			cl_put(c, &vl, (int)lround(cx + rm * cos(mid) - vl.m.width / 2.0),
			     (int)lround(cy + rm * sin(mid) - vl.m.line0_height / 2.0),
			     chart_text_on(colors[i]));
		a = b;
	}
	if (total > 0 && chart_data_has_withheld(cd, 0) && a < 1.5 * CHART_PI - 1e-6) {
		/* The withheld remainder, to the top again: tinted, hatched
		 * with radial strokes, outlined. */
		double b = 1.5 * CHART_PI;
		pathb p = {0};
		pb_move(&p, cx + ro * cos(a), cy + ro * sin(a));
		pb_arc(&p, cx, cy, ro, a, b);
		pb_line(&p, cx + ri * cos(b), cy + ri * sin(b));
		pb_arc(&p, cx, cy, ri, b, a);
		pb_close(&p);
		cl_path(c, &p, true, cl_color(c, PAL_TINT), false, 0, 0, CHART_DASH_NONE);
		double rm = (ro + ri) / 2, step = PT(3) / rm;
		for (double t = a + step / 2; t < b; t += step)
			cl_line(c, (int)lround(cx + ri * cos(t)), (int)lround(cy + ri * sin(t)),
				(int)lround((ro - ri) * cos(t)), (int)lround((ro - ri) * sin(t)),
				cl_color(c, PAL_GREY), PT(0.6), CHART_DASH_NONE);
		pb_move(&p, cx + ro * cos(a), cy + ro * sin(a));
		pb_arc(&p, cx, cy, ro, a, b);
		pb_line(&p, cx + ri * cos(b), cy + ri * sin(b));
		pb_arc(&p, cx, cy, ri, b, a);
		pb_close(&p);
		cl_path(c, &p, false, 0, true, cl_color(c, PAL_GREY), PT(0.6), CHART_DASH_NONE);
		ctext vl = cl_text(c, ST_BAR_VALUE, chart_data_withheld_text(cd, 0));
		double mid = (a + b) / 2;
		if ((b - a) * rm > vl.m.width + PT(4))
			cl_put(c, &vl, (int)lround(cx + rm * cos(mid) - vl.m.width / 2.0),
			       (int)lround(cy + rm * sin(mid) - vl.m.line0_height / 2.0),
			       cl_color(c, PAL_TEXT));
	}
	/* Centre: the spec's text, or the base. */
	char *centre = NULL;
	if (sp->center && *sp->center)
		centre = xstrdup(sp->center);
	else if (sp->base > 0) {
		char num[FMT_CAP];
		centre = xasprintf("n = %s", fmt_int(num, sizeof num, sp->base));
	}
	if (centre) {
		ctext l = cl_label(c, ST_BAR_LABEL, centre,
						    (int)(ri * 2 * 0.8), 3, CHART_ALIGN_CENTER);
		cl_put(c, &l, (int)lround(cx - ri * 0.8), (int)lround(cy - l.m.height / 2.0),
		     cl_color(c, PAL_PRIMARY_DARK));
		free(centre);
	}
	value_legend(c, lx, y0 + (h - leg_h) / 2, c->w - lx, n, labels, values, colors, dashed);
	free(labels);
	free(values);
	free(colors);
	free(dashed);
	return h;
}

/* --- unit chart ------------------------------------------------------------------------------- */

static void glyph(cl *c, doc_chart_glyph g, int x, int y, int s, uint32_t col)
{
	if (g == DOC_CHART_GLYPH_PERSON) {
		/* A head and shoulders: two rounded boxes. */
		int hd = s * 40 / 100, bw = s * 76 / 100, bh = s * 50 / 100;
		cl_rect(c, x + (s - hd) / 2, y, hd, hd, col, hd / 2);
		cl_rect(c, x + (s - bw) / 2, y + s - bh, bw, bh, col, bw * 36 / 100);
	} else {
		cl_rect(c, x, y, s, s, col, s / 5);
	}
}

int chart_units(cl *c, int y0)
{
	chart_data *cd = c->cd;
	const doc_chart *sp = c->spec;
	size_t n = chart_data_cats(cd);
	int cell = sp->height > 0 ? PT(sp->height) / 10 : PT(12.5);
	cell = MAXI(cell, PT(5));
	int g = cell * 80 / 100;
	/* Slot n is the withheld remainder (hatched squares), slot n + 1
	 * what the categories do not cover (grey): published parts keep
	 * their true share of the whole. */
	double total = chart_data_total(cd, 0), whole = chart_data_whole(cd, 0);
	double denom = (double)sp->base > whole ? (double)sp->base : whole;
	/* Largest remainder: the glyph counts sum to 100 exactly. */
	int *cnt = xcalloc(n + 2, sizeof *cnt);
	double *rem = xcalloc(n + 2, sizeof *rem);
	int used = 0;
	for (size_t i = 0; i <= n + 1 && denom > 0; i++) {
		double v = i < n ? chart_data_value(cd, 0, i) : i == n ? whole - total : denom - whole;
		double q = v > 0 ? v / denom * 100 : 0;
		cnt[i] = (int)floor(q);
		rem[i] = q - cnt[i];
		used += cnt[i];
	}
	while (denom > 0 && used < 100) {
		size_t best = 0;
		for (size_t i = 1; i <= n + 1; i++)
			if (rem[i] > rem[best] + 1e-12)
				best = i;
		cnt[best]++;
		rem[best] = -1;
		used++;
	}
	int k = 0;
	for (size_t i = 0; i <= n + 1; i++) {
		uint32_t col = i < n ? cl_series_color(c, i) : cl_color(c, PAL_RULE);
		if (i < n && n == 2 && i == 1)
			col = chart_tint(cl_color(c, PAL_PRIMARY), 0.7); /* the complement, lighter */
		for (int j = 0; j < cnt[i] && k < 100; j++, k++)
			if (i == n)
				cl_rect_hatched(c, (k % 10) * cell, y0 + (k / 10) * cell, g, g);
			else
				glyph(c, sp->glyph, (k % 10) * cell, y0 + (k / 10) * cell, g, col);
	}
	for (; k < 100; k++) /* no data: an empty grid */
		glyph(c, sp->glyph, (k % 10) * cell, y0 + (k / 10) * cell, g, cl_color(c, PAL_TINT_HEAD));
	int grid = 10 * cell - (cell - g);

	/* Right: the headline figure, then a key of every category. */
	int x = 10 * cell + PT(22), w = c->w - x, y = y0;
	if (n > 0) {
		ctext big = cl_text(c, ST_TILE_VALUE, chart_data_text(cd, 0, 0));
		cl_put(c, &big, x, y - big.m.ink_y, cl_color(c, PAL_PRIMARY));
		y += big.m.ink_height + PT(6);
		const char *head = sp->center && *sp->center ? sp->center : chart_data_label(cd, 0);
		ctext hl = cl_label(c, ST_TILE_LABEL, head, w, 3, CHART_ALIGN_STYLE);
		cl_put(c, &hl, x, y, cl_color(c, PAL_TEXT));
		y += hl.m.height + PT(12);
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t col = (n == 2 && i == 1) ? chart_tint(cl_color(c, PAL_PRIMARY), 0.7) : cl_series_color(c, i);
		char *m = xasprintf("%s <b>%s</b>", chart_data_label(cd, i), chart_data_text(cd, 0, i));
		ctext l = cl_label(c, ST_BAR_LABEL, m, w - PT(14), 2, CHART_ALIGN_STYLE);
		int l0 = l.m.line0_height, sw = PT(8);
		if (chart_data_suppressed(cd, 0, i))
			cl_rect_hatched(c, x, y + (l0 - sw) / 2, sw, sw);
		else
			glyph(c, sp->glyph, x, y + (l0 - sw) / 2, sw, col);
		cl_put(c, &l, x + PT(14), y, cl_color(c, PAL_TEXT));
		y += l.m.height + PT(4);
		free(m);
	}
	ctext key = cl_text(c, ST_NOTE, "Un symbole représente 1 % de l'effectif.");
	cl_put(c, &key, x, y + PT(4), cl_color(c, PAL_GREY));
	y += PT(4) + key.m.height;
	free(cnt);
	free(rem);
	return MAXI(grid, y - y0);
}

