/* chart_timeline.c - the timeline: a time axis in years or months, a dot
 * per event and its label, above and below in tiers that keep labels and
 * stems apart. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart_geom.h"
#include "fmt_fr.h"
#include "util.h"

/* --- timeline ---------------------------------------------------------------------------------- */

int chart_timeline(cl *c, int y0)
{
	chart_data *cd = c->cd;
	size_t n = chart_data_cats(cd);
	double lo = INFINITY, hi = -INFINITY;
	size_t nd = 0;
	for (size_t i = 0; i < n; i++) {
		if (chart_data_missing(cd, 0, i))
			continue;
		double v = chart_data_value(cd, 0, i);
		lo = fmin(lo, v);
		hi = fmax(hi, v);
		nd++;
	}
	if (nd == 0)
		return cl_empty_note(c, y0, "Aucune date à placer sur la frise.");
	/* Whole years; a span of two years or less is drawn by month, with
	 * a month of margin at both ends. */
	double a0 = floor(lo + 1e-9), a1 = ceil(hi - 1e-9);
	if (a1 <= a0)
		a1 = a0 + 1;
	bool by_month = a1 - a0 <= 2;
	if (by_month) {
		a0 = floor(lo * 12 + 1e-6) / 12 - 1 / 12.0;
		a1 = ceil(hi * 12 - 1e-6) / 12 + 1 / 12.0;
	}
	const int pad = PT(6);
	int ax0 = pad, ax1 = c->w - pad;
	const int lw = MINI(PT(118), MAXI(PT(70), c->w * 2 / (int)(nd + 1)));

	/* Label boxes: date (bold) over the text; sides alternate, and a label
	 * that would touch its neighbour on the same side moves one tier out. */
	typedef struct {
		ctext date, txt;
		int ex, bx, h, side, tier;
	} ev;
	ev *e = xcalloc(nd, sizeof *e);
	int last_end[2][4], last_start[2][4];
	for (int s = 0; s < 2; s++)
		for (int t = 0; t < 4; t++)
			last_end[s][t] = last_start[s][t] = -PT(1000);
	int tier_h[2][4] = {{0}};
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (chart_data_missing(cd, 0, i))
			continue;
		ev *v = &e[k];
		double t = chart_data_value(cd, 0, i);
		v->ex = ax0 + (int)lround((t - a0) / (a1 - a0) * (ax1 - ax0));
		const char *d = chart_data_detail(cd, i);
		v->date = cl_text(c, ST_BAR_VALUE, d && *d ? d : chart_data_text(cd, 0, i));
		v->txt = cl_label(c, ST_NOTE, chart_data_label(cd, i), lw - PT(8), 4,
					    CHART_ALIGN_STYLE);
		v->h = v->date.m.height + PT(1) + v->txt.m.height;
		int bw = MAXI(v->date.m.width, v->txt.m.width) + PT(6);
		v->bx = MINI(MAXI(v->ex - PT(4), 0), c->w - bw);
		v->side = (int)(k % 2);
		/* A tier is free when the label clears the previous one there and
		 * the stem clears the labels of the tiers it crosses. */
		int tr = 0;
		for (; tr < 3; tr++) {
			bool ok = v->bx >= last_end[v->side][tr] + PT(6);
			for (int u = 0; ok && u < tr; u++)
				ok = v->ex > last_end[v->side][u] + PT(3) ||
				     v->ex < last_start[v->side][u] - PT(3);
			if (ok)
				break;
		}
		v->tier = tr;
		last_end[v->side][tr] = v->bx + bw;
		last_start[v->side][tr] = v->bx;
		tier_h[v->side][tr] = MAXI(tier_h[v->side][tr], v->h);
		k++;
	}
	const int stem = PT(12), tier_gap = PT(8);
	int above = 0, below = 0;
	int off[2][4];
	for (int s = 0; s < 2; s++) {
		int acc = stem;
		for (int t = 0; t < 4; t++) {
			off[s][t] = acc;
			if (tier_h[s][t])
				acc += tier_h[s][t] + tier_gap;
		}
		if (s == 0)
			above = acc - tier_gap;
		else
			below = acc - tier_gap;
	}
	/* Year labels sit just under the axis; labels below start under them. */
	ctext probe = cl_text(c, ST_NOTE, "2000");
	int year_h = probe.m.height + PT(4);
	int axis_y = y0 + MAXI(above, 0);
	/* Axis and years. */
	cl_line(c, ax0, axis_y, ax1 - ax0, 0, cl_color(c, PAL_GREY_BLUE), PT(1.2), CHART_DASH_NONE);
	static const char *const months[12] = {"janv.", "févr.", "mars", "avr.", "mai", "juin",
					       "juil.", "août", "sept.", "oct.", "nov.", "déc."};
	long t0 = by_month ? lround(a0 * 12) : lround(a0), t1 = by_month ? lround(a1 * 12) : lround(a1);
	long every = by_month ? 1 : (t1 - t0 > 12 ? (t1 - t0 + 11) / 12 : 1);
	for (long tv = t0; tv <= t1; tv += every) {
		double yv = by_month ? tv / 12.0 : (double)tv;
		int x = ax0 + (int)lround((yv - a0) / (a1 - a0) * (ax1 - ax0));
		cl_line(c, x, axis_y - PT(3), 0, PT(6), cl_color(c, PAL_GREY_BLUE), PT(0.8), CHART_DASH_NONE);
		char buf[32];
		if (by_month && (tv % 12 == 0 || tv == t0))
			snprintf(buf, sizeof buf, "%s %ld", months[tv % 12], tv / 12);
		else if (by_month)
			snprintf(buf, sizeof buf, "%s", months[tv % 12]);
		else
			snprintf(buf, sizeof buf, "%ld", tv);
		ctext yl = cl_text(c, ST_NOTE, buf);
		int x_l = MINI(MAXI(x - yl.m.width / 2, 0), c->w - yl.m.width);
		/* A tick label that a stem going down would cross is left out:
		 * the labels carry their dates anyway. */
		bool crossed = false;
		for (size_t j = 0; j < nd; j++)
			if (e[j].side == 1 && e[j].ex >= x_l - PT(2) && e[j].ex <= x_l + yl.m.width + PT(2))
				crossed = true;
		if (!crossed)
			cl_put(c, &yl, x_l, axis_y + PT(5), cl_color(c, PAL_GREY));
	}
	for (size_t j = 0; j < nd; j++) {
		ev *v = &e[j];
		int top;
		if (v->side == 0) {
			top = axis_y - off[0][v->tier] - v->h;
			cl_line(c, v->ex, top + v->h + PT(2), 0, axis_y - (top + v->h + PT(2)), cl_color(c, PAL_RULE),
			     PT(0.8), CHART_DASH_NONE);
		} else {
			top = axis_y + year_h + off[1][v->tier] - stem + PT(6);
			cl_line(c, v->ex, axis_y, 0, top - PT(2) - axis_y, cl_color(c, PAL_RULE), PT(0.8),
			     CHART_DASH_NONE);
		}
		cl_put(c, &v->date, v->bx + PT(3), top, cl_color(c, PAL_PRIMARY));
		cl_put(c, &v->txt, v->bx + PT(3), top + v->date.m.height + PT(1), cl_color(c, PAL_TEXT));
	}
	/* Dots last, over the axis and stems. */
	for (size_t j = 0; j < nd; j++) {
		int d = PT(7);
		chart_op o = {.kind = CHART_OP_RECT, .x = e[j].ex - d / 2, .y = axis_y - d / 2, .w = d,
			     .h = d, .fill = true, .fill_color = cl_color(c, PAL_ACCENT), .stroke = true,
			     .stroke_color = cl_color(c, PAL_WHITE), .line_width = PT(1.2), .radius = d / 2};
		cl_push(c, &o);
	}
	int bottom = axis_y + year_h + (below > 0 ? below - stem + PT(6) : 0);
	free(e);
	return bottom - y0;
}

