/* chart_bars.c - bars and columns: horizontal bars (one series on a faint
 * track, or grouped with a legend) and vertical columns and histograms on
 * a value axis with round ticks. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart_geom.h"
#include "fmt_fr.h"
#include "util.h"

/* --- horizontal bars --------------------------------------------------------------------- */

static bool hbar_shown(cl *c, size_t s, size_t i)
{
	return !c->spec->skip_missing || !chart_data_missing(c->cd, s, i) ||
	       chart_data_suppressed(c->cd, s, i);
}

int chart_hbar(cl *c, int y0)
{
	chart_data *cd = c->cd;
	size_t n = chart_data_cats(cd), ns = chart_data_series(cd);
	const int label_w = c->w * 38 / 100, gap = PT(10);
	const int bar_h = ns == 1 ? PT(9) : PT(7.5), inner = PT(1.5);
	const int row_gap = ns == 1 ? PT(5.5) : PT(7.5);
	int y = y0 + cl_series_legend(c, 0, y0, c->w);

	/* The value column is as wide as the widest printed value, and never
	 * narrower than the report's usual one, so that consecutive charts
	 * share their bar width. */
	int value_room = PT(52);
	for (size_t i = 0; i < n; i++)
		for (size_t s = 0; s < ns; s++) {
			ctext v = cl_text(c, ST_BAR_VALUE, chart_data_text(cd, s, i));
			value_room = MAXI(value_room, v.m.width + PT(8));
		}
	value_room = MINI(value_room, c->w / 4);
	const int x0 = label_w + gap, bar_w = c->w - x0 - value_room;
	double max = cl_scale_max(c);
	/* A faint track shows the whole scale, so only when the scale is a
	 * whole: percentages up to 100 %. Bars scaled to their largest value
	 * (<barres>) or to an amount have no whole, and a full track would
	 * make the longest bar read as 100 %. One series only: with several
	 * it would stripe the chart. */
	bool track = ns == 1 && c->spec->unit == DOC_CHART_PERCENT && max >= 100;

	for (size_t i = 0; i < n; i++) {
		/* A long chart may continue on the next page before any row
		 * but the first, in the middle of the gap (a value may stand a
		 * little above its bar); the scale (max) is the same in every
		 * part. */
		if (i > 0)
			cl_cut(c, y - row_gap / 2);
		/* The series drawn in this row (all, unless missing ones are
		 * skipped; at least one so that the row says « – »). */
		size_t shown = 0;
		for (size_t s = 0; s < ns; s++)
			shown += hbar_shown(c, s, i);
		bool none = shown == 0;
		if (none)
			shown = 1;
		int group_h = (int)shown * bar_h + (int)(shown - 1) * inner;
		ctext lab = cl_label(c, ST_BAR_LABEL, chart_data_label(cd, i),
						      label_w, 3, CHART_ALIGN_STYLE);
		int lh = lab.m.height, l0 = lab.m.line0_height;
		int lab_top = y, bars_top;
		if (shown == 1) {
			/* One bar: centred on the label's first line. */
			bars_top = y + (l0 - bar_h) / 2;
		} else if (lh < group_h) {
			lab_top = y + (group_h - lh) / 2;
			bars_top = y;
		} else {
			bars_top = y + (lh - group_h) / 2;
		}
		cl_put(c, &lab, 0, lab_top, cl_color(c, PAL_TEXT));
		size_t row = 0;
		for (size_t s = 0; s < ns; s++) {
			if (!none && !hbar_shown(c, s, i))
				continue;
			if (none && s > 0)
				break;
			int by = bars_top + (int)row * (bar_h + inner);
			row++;
			uint32_t col = ns == 1 ? cl_color(c, PAL_PRIMARY) : cl_series_color(c, s);
			if (track)
				cl_rect(c, x0, by, bar_w, bar_h, cl_color(c, PAL_TINT), 0);
			int len = 0;
			bool sup = chart_data_suppressed(cd, s, i);
			bool missing = chart_data_missing(cd, s, i);
			if (sup) {
				len = SUP_LEN;
				cl_rect_dashed(c, x0, by, len, bar_h);
			} else if (!missing) {
				double v = chart_data_value(cd, s, i);
				len = (int)lround(v / max * bar_w);
				if (len > bar_w)
					len = bar_w;
				if (v > 0 && len < PT(1))
					len = PT(1); /* a non-zero value stays visible */
				cl_rect(c, x0, by, len, bar_h, col, 0);
			}
			ctext val = cl_text(c, ST_BAR_VALUE, chart_data_text(cd, s, i));
			int vy;
			if (shown == 1) /* baseline on the label's first baseline */
				vy = lab_top + lab.m.baseline -
				     val.m.baseline;
			else
				vy = by + (bar_h - val.m.line0_height) / 2;
			cl_put(c, &val, x0 + len + PT(5), vy,
			     sup || missing ? cl_color(c, PAL_GREY) : cl_style_color(c, ST_BAR_VALUE));
		}
		y = MAXI(lab_top + lh, bars_top + group_h) + row_gap;
	}
	return y - row_gap - y0;
}

/* --- columns and histograms ----------------------------------------------------------------- */

int chart_columns(cl *c, int y0, bool histogram)
{
	chart_data *cd = c->cd;
	size_t n = chart_data_cats(cd), ns = chart_data_series(cd);
	const doc_chart *sp = c->spec;
	int plot_h = sp->height > 0 ? PT(sp->height) : histogram ? PT(130) : PT(140);
	plot_h = MAXI(plot_h, PT(40));
	int y = y0 + cl_series_legend(c, 0, y0, c->w);

	chart_ticks tk;
	double max = sp->axis_max > 0 && isfinite(sp->axis_max) ? sp->axis_max : chart_data_max(cd);
	if (!(max > 0)) /* nothing to scale: a plain axis, not 0,2 % steps */
		max = sp->unit == DOC_CHART_PERCENT ? 100 : 10;
	chart_nice_ticks(0, max, 5, &tk);
	double top = tk.first + tk.step * (tk.count - 1);
	if (!(top > 0))
		top = 1;

	/* Tick labels decide the axis column. */
	ctext *tl = xcalloc((size_t)tk.count, sizeof *tl);
	int axis_w = 0;
	for (int k = 0; k < tk.count; k++) {
		char buf[FMT_CAP];
		chart_format_value(buf, sizeof buf, tk.first + k * tk.step, sp->unit, tk.decimals);
		tl[k] = cl_text(c, ST_NOTE, buf);
		axis_w = MAXI(axis_w, tl[k].m.width);
	}
	axis_w += PT(6);
	int plot_w = c->w - axis_w;
	int group_w = n ? plot_w / (int)n : plot_w;
	int bar_w, band_gap = histogram ? PT(2) : 0;
	if (histogram)
		bar_w = (group_w - band_gap) / (int)ns;
	else
		bar_w = MINI(group_w * 62 / 100 / (int)ns, PT(40));
	bar_w = MAXI(bar_w, PT(1));

	/* Values above the bars: room on top of the highest tick. */
	bool values_fit = true;
	ctext *vl = xcalloc(n * ns + 1, sizeof *vl);
	int val_h = 0;
	ts_style vst = bar_w >= PT(26) ? ST_BAR_VALUE : ST_NOTE;
	for (size_t i = 0; i < n; i++)
		for (size_t s = 0; s < ns; s++) {
			ctext v = cl_text(c, vst, chart_data_text(cd, s, i));
			vl[i * ns + s] = v;
			val_h = MAXI(val_h, v.m.height);
			/* Neighbouring values may share the gap between bars. */
			if (v.m.width > (ns == 1 ? group_w - PT(2) : bar_w + PT(2)))
				values_fit = false;
		}
	if (!values_fit && n)
		diag_emit(c->diag, DIAG_WARNING, c->where, NULL,
			  "chart \"%s\": %zu columns are too narrow for their values, which are "
			  "left out of the drawing (they stay in the description); use horizontal "
			  "bars or fewer categories",
			  c->title, n);
	int head = values_fit ? val_h + PT(3) : PT(4);
	int ptop = y + head, pbot = ptop + plot_h;

	/* Grid and tick labels. */
	for (int k = 0; k < tk.count; k++) {
		double v = tk.first + k * tk.step;
		int ly = pbot - (int)lround(v / top * plot_h);
		if (k > 0)
			cl_line(c, axis_w, ly, plot_w, 0, cl_color(c, PAL_RULE), PT(0.4), CHART_DASH_NONE);
		cl_put(c, &tl[k], axis_w - PT(6) - tl[k].m.width, ly - tl[k].m.line0_height / 2, cl_color(c, PAL_GREY));
	}
	free(tl);

	int lab_h = 0;
	for (size_t i = 0; i < n; i++) {
		int gx = axis_w + (int)i * group_w;
		int gw = histogram ? (int)ns * bar_w : (int)ns * bar_w + (int)(ns - 1) * PT(1);
		int bx0 = gx + (group_w - gw) / 2;
		for (size_t s = 0; s < ns; s++) {
			int bx = bx0 + (int)s * (bar_w + (histogram ? 0 : PT(1)));
			uint32_t col = ns == 1 ? cl_color(c, PAL_PRIMARY) : cl_series_color(c, s);
			bool sup = chart_data_suppressed(cd, s, i);
			bool missing = chart_data_missing(cd, s, i);
			int bh = 0;
			if (sup) {
				bh = SUP_LEN;
				cl_rect_dashed(c, bx, pbot - bh, bar_w, bh);
			} else if (!missing) {
				double v = chart_data_value(cd, s, i);
				bh = (int)lround(v / top * plot_h);
				bh = MINI(bh, plot_h);
				if (v > 0 && bh < PT(1))
					bh = PT(1);
				cl_rect(c, bx, pbot - bh, bar_w, bh, col, 0);
			}
			const ctext *v = &vl[i * ns + s];
			if (values_fit)
				cl_put(c, v, bx + (bar_w - v->m.width) / 2, pbot - bh - PT(2) - v->m.height,
				     sup || missing ? cl_color(c, PAL_GREY) : cl_style_color(c, ST_BAR_VALUE));
		}
		ctext lab = cl_label(c, ST_NOTE, chart_data_label(cd, i),
						      group_w - PT(4), 3, CHART_ALIGN_CENTER);
		cl_put(c, &lab, gx + PT(2), pbot + PT(4), cl_color(c, PAL_TEXT));
		lab_h = MAXI(lab_h, lab.m.height);
	}
	free(vl);
	/* The base line is drawn last, over the bars' feet. */
	cl_line(c, axis_w, pbot, plot_w, 0, cl_color(c, PAL_GREY_BLUE), PT(0.8), CHART_DASH_NONE);
	return pbot + PT(4) + lab_h - y0;
}

