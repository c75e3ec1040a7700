/* chart_layout.c - the geometry of each chart type: measures labels with
 * Pango, places marks, values, axes and legends, and emits page ops. */
#include "chart_layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fmt_fr.h"
#include "util.h"

#define PT(x) ((int)((x) * PANGO_SCALE + 0.5))
#define MAXI(a, b) ((a) > (b) ? (a) : (b))
#define MINI(a, b) ((a) < (b) ? (a) : (b))

/* Size of the dashed outline that stands for a suppressed cell: fixed,
 * so that its size says nothing about the count. */
#define SUP_LEN PT(14)
#define CHART_PI 3.14159265358979323846

typedef struct {
	typeset_ctx *t;
	chart_ops *o;
	const doc_chart *spec;
	chart_data *cd;
	int w;
	src_loc where;
	const char *title; /* plain, for messages */
} cl;

/* The n-th series colour of the style sheet (serie-1 … serie-8). */
static uint32_t series_color(const cl *c, size_t n)
{
	return ts_color(c->t, (style_color)(PAL_SERIES_1 + n % 8));
}


/* --- ops ------------------------------------------------------------------------ */

void chart_ops_free(chart_ops *o)
{
	for (size_t i = 0; i < o->n; i++)
		ts_op_release(&o->ops[i]);
	free(o->ops);
	*o = (chart_ops){0};
}

static void push(cl *c, const page_op *op)
{
	chart_ops *o = c->o;
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 64;
		o->ops = xreallocarray(o->ops, o->cap, sizeof *o->ops);
	}
	o->ops[o->n] = *op;
	ts_op_own(&o->ops[o->n++]);
}

static void rect(cl *c, int x, int y, int w, int h, uint32_t fill, int radius)
{
	if (w <= 0 || h <= 0)
		return;
	page_op o = {.kind = PAGE_OP_RECT, .x = x, .y = y, .w = w, .h = h, .fill = true,
		     .fill_color = fill, .radius = radius};
	push(c, &o);
}

/* The mark of a suppressed cell: a dashed grey outline. */
static void rect_dashed(cl *c, int x, int y, int w, int h)
{
	page_op o = {.kind = PAGE_OP_RECT, .x = x, .y = y, .w = w, .h = h, .stroke = true,
		     .stroke_color = ts_color(c->t, PAL_GREY), .line_width = PT(0.7), .dash = PAGE_DASH_DASHED};
	push(c, &o);
}

static void line(cl *c, int x, int y, int dx, int dy, uint32_t color, int lw, page_dash dash)
{
	page_op o = {.kind = PAGE_OP_LINE, .x = x, .y = y, .w = dx, .h = dy, .stroke = true,
		     .stroke_color = color, .line_width = lw, .dash = dash};
	push(c, &o);
}

/* Every line of l with the layout's top-left corner at (x, y). */
static void text(cl *c, PangoLayout *l, int x, int y, uint32_t color)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int i = 0;
	do {
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		page_op o = {.kind = PAGE_OP_TEXT, .x = x + log.x,
			     .y = y + pango_layout_iter_get_baseline(it), .layout = l, .line = i,
			     .color = color};
		push(c, &o);
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static int lay_h(PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return r.y + r.height;
}

static int lay_w(PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return r.width;
}

/* Height of the first line (to centre marks on it). */
static int line0_h(PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_line_get_extents(pango_layout_get_line_readonly(l, 0), NULL, &r);
	return r.height;
}

PangoLayout *chart_label_layout(typeset_ctx *t, ts_style st, const char *markup, int width,
				int max_lines, int align)
{
	if (width < PT(4))
		width = PT(4);
	PangoLayout *l = ts_layout(t, st, markup ? markup : "", width, align);
	if (max_lines > 0 && pango_layout_get_line_count(l) > max_lines) {
		/* A negative height is a line count: Pango ellipsizes the last
		 * line it keeps. */
		pango_layout_set_height(l, -max_lines);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	return l;
}

static PangoLayout *lay(cl *c, ts_style st, const char *markup)
{
	return ts_layout(c->t, st, markup ? markup : "", -1, -1);
}

/* --- paths ------------------------------------------------------------------------ */

typedef struct {
	page_path_seg *s;
	size_t n, cap;
} pathb;

static void pb_add(pathb *p, page_path_verb v, double x0, double y0, double x1, double y1,
		   double x2, double y2)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->s = xreallocarray(p->s, p->cap, sizeof *p->s);
	}
	p->s[p->n++] = (page_path_seg){v, {(int)lround(x0), (int)lround(x1), (int)lround(x2)},
				       {(int)lround(y0), (int)lround(y1), (int)lround(y2)}};
}

static void pb_move(pathb *p, double x, double y)
{
	pb_add(p, PAGE_PATH_MOVE, x, y, 0, 0, 0, 0);
}

static void pb_line(pathb *p, double x, double y)
{
	pb_add(p, PAGE_PATH_LINE, x, y, 0, 0, 0, 0);
}

/* Arc of centre (cx, cy), radius r, from angle a0 to a1 (radians, y down,
 * so positive angles turn clockwise), as Béziers of at most 90 degrees.
 * The path must already be at the arc's start. */
static void pb_arc(pathb *p, double cx, double cy, double r, double a0, double a1)
{
	int pieces = (int)ceil(fabs(a1 - a0) / (CHART_PI / 2) - 1e-9);
	if (pieces < 1)
		pieces = 1;
	double step = (a1 - a0) / pieces;
	double k = 4.0 / 3.0 * tan(step / 4);
	for (int i = 0; i < pieces; i++) {
		double t0 = a0 + i * step, t1 = t0 + step;
		double x0 = cx + r * cos(t0), y0 = cy + r * sin(t0);
		double x3 = cx + r * cos(t1), y3 = cy + r * sin(t1);
		pb_add(p, PAGE_PATH_CURVE, x0 - k * r * sin(t0), y0 + k * r * cos(t0),
		       x3 + k * r * sin(t1), y3 - k * r * cos(t1), x3, y3);
	}
}

/* A band between two vertical edges: from (xa, ya..ya+h) to (xb, yb..yb+hb),
 * with S-shaped top and bottom edges. */
static void pb_band(pathb *p, double xa, double ya, double ha, double xb, double yb, double hb)
{
	double xm = (xa + xb) / 2;
	pb_move(p, xa, ya);
	pb_add(p, PAGE_PATH_CURVE, xm, ya, xm, yb, xb, yb);
	pb_line(p, xb, yb + hb);
	pb_add(p, PAGE_PATH_CURVE, xm, yb + hb, xm, ya + ha, xa, ya + ha);
	pb_add(p, PAGE_PATH_CLOSE, 0, 0, 0, 0, 0, 0);
}

static void path_op(cl *c, pathb *p, bool fill, uint32_t fill_color, bool stroke,
		    uint32_t stroke_color, int lw, page_dash dash)
{
	page_op o = {.kind = PAGE_OP_PATH, .fill = fill, .fill_color = fill_color,
		     .stroke = stroke, .stroke_color = stroke_color, .line_width = lw,
		     .dash = dash, .path = p->s, .n_path = p->n};
	if (p->n)
		push(c, &o);
	free(p->s);
	*p = (pathb){0};
}

/* --- shared pieces --------------------------------------------------------------------- */

/* A short grey note in place of a plot (no data, all zeros). */
static int empty_note(cl *c, int y, const char *msg)
{
	PangoLayout *l = chart_label_layout(c->t, ST_NOTE, msg, c->w - PT(20), 3, -1);
	int h = lay_h(l) + PT(16);
	rect(c, 0, y, c->w, h, ts_color(c->t, PAL_TINT), PT(3));
	text(c, l, PT(10), y + PT(8), ts_color(c->t, PAL_GREY_BLUE));
	g_object_unref(l);
	return h;
}

/* Legend entries laid out in rows: swatch then label. Returns the height.
 * labels[i] is markup; colors[i]; dashed[i] draws a suppressed swatch. */
static int legend_row(cl *c, int x0, int y, int width, size_t n, char **labels,
		      const uint32_t *colors, const bool *dashed)
{
	const int sw = PT(8), gap = PT(4), item_gap = PT(14), row_gap = PT(4);
	int x = x0, row_h = 0, top = y;
	for (size_t i = 0; i < n; i++) {
		PangoLayout *l = chart_label_layout(c->t, ST_BAR_LABEL, labels[i],
						    width - sw - gap, 2, -1);
		int lw = lay_w(l), lh = lay_h(l);
		if (x > x0 && x + sw + gap + lw > x0 + width) {
			y += row_h + row_gap;
			x = x0;
			row_h = 0;
		}
		int l0 = line0_h(l);
		int sy = y + (l0 - sw) / 2;
		if (dashed && dashed[i])
			rect_dashed(c, x, sy, sw, sw);
		else
			rect(c, x, sy, sw, sw, colors[i], PT(1));
		text(c, l, x + sw + gap, y, ts_color(c->t, PAL_TEXT));
		x += sw + gap + lw + item_gap;
		row_h = MAXI(row_h, lh);
		g_object_unref(l);
	}
	return y + row_h - top;
}

/* Legend of the series (grouped charts), when they have names. */
static int series_legend(cl *c, int x0, int y, int width)
{
	size_t ns = chart_data_series(c->cd);
	if (ns < 2)
		return 0;
	char **labels = xcalloc(ns, sizeof *labels);
	uint32_t *colors = xcalloc(ns, sizeof *colors);
	for (size_t s = 0; s < ns; s++) {
		const char *n = chart_data_series_name(c->cd, s);
		labels[s] = (char *)(n ? n : "");
		colors[s] = series_color(c, s);
	}
	int h = legend_row(c, x0, y, width, ns, labels, colors, NULL);
	free(labels);
	free(colors);
	return h + PT(8);
}

static double scale_max(cl *c)
{
	double m = c->spec->axis_max > 0 && isfinite(c->spec->axis_max) ? c->spec->axis_max
									  : chart_data_max(c->cd);
	return m > 0 ? m : 1;
}

/* --- horizontal bars --------------------------------------------------------------------- */

static bool hbar_shown(cl *c, size_t s, size_t i)
{
	return !c->spec->skip_missing || !chart_data_missing(c->cd, s, i) ||
	       chart_data_suppressed(c->cd, s, i);
}

static int hbar(cl *c, int y0)
{
	chart_data *cd = c->cd;
	size_t n = chart_data_cats(cd), ns = chart_data_series(cd);
	const int label_w = c->w * 38 / 100, gap = PT(10);
	const int bar_h = ns == 1 ? PT(9) : PT(7.5), inner = PT(1.5);
	const int row_gap = ns == 1 ? PT(5.5) : PT(7.5);
	int y = y0 + series_legend(c, 0, y0, c->w);

	/* The value column is as wide as the widest printed value, and never
	 * narrower than the report's usual one, so that consecutive charts
	 * share their bar width. */
	int value_room = PT(52);
	for (size_t i = 0; i < n; i++)
		for (size_t s = 0; s < ns; s++) {
			PangoLayout *v = lay(c, ST_BAR_VALUE, chart_data_text(cd, s, i));
			value_room = MAXI(value_room, lay_w(v) + PT(8));
			g_object_unref(v);
		}
	value_room = MINI(value_room, c->w / 4);
	const int x0 = label_w + gap, bar_w = c->w - x0 - value_room;
	double max = scale_max(c);

	for (size_t i = 0; i < n; i++) {
		/* The series drawn in this row (all, unless missing ones are
		 * skipped; at least one so that the row says « – »). */
		size_t shown = 0;
		for (size_t s = 0; s < ns; s++)
			shown += hbar_shown(c, s, i);
		bool none = shown == 0;
		if (none)
			shown = 1;
		int group_h = (int)shown * bar_h + (int)(shown - 1) * inner;
		PangoLayout *lab = chart_label_layout(c->t, ST_BAR_LABEL, chart_data_label(cd, i),
						      label_w, 3, -1);
		int lh = lay_h(lab), l0 = line0_h(lab);
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
		text(c, lab, 0, lab_top, ts_color(c->t, PAL_TEXT));
		size_t row = 0;
		for (size_t s = 0; s < ns; s++) {
			if (!none && !hbar_shown(c, s, i))
				continue;
			if (none && s > 0)
				break;
			int by = bars_top + (int)row * (bar_h + inner);
			row++;
			uint32_t col = ns == 1 ? ts_color(c->t, PAL_PRIMARY) : series_color(c, s);
			/* A faint track shows the whole scale (one series only:
			 * with several it would stripe the chart). */
			if (ns == 1)
				rect(c, x0, by, bar_w, bar_h, ts_color(c->t, PAL_TINT), 0);
			int len = 0;
			bool sup = chart_data_suppressed(cd, s, i);
			bool missing = chart_data_missing(cd, s, i);
			if (sup) {
				len = SUP_LEN;
				rect_dashed(c, x0, by, len, bar_h);
			} else if (!missing) {
				double v = chart_data_value(cd, s, i);
				len = (int)lround(v / max * bar_w);
				if (len > bar_w)
					len = bar_w;
				if (v > 0 && len < PT(1))
					len = PT(1); /* a non-zero value stays visible */
				rect(c, x0, by, len, bar_h, col, 0);
			}
			PangoLayout *val = lay(c, ST_BAR_VALUE, chart_data_text(cd, s, i));
			int vy;
			if (shown == 1) /* baseline on the label's first baseline */
				vy = lab_top + pango_layout_get_baseline(lab) -
				     pango_layout_get_baseline(val);
			else
				vy = by + (bar_h - line0_h(val)) / 2;
			text(c, val, x0 + len + PT(5), vy,
			     sup || missing ? ts_color(c->t, PAL_GREY) : ts_style_color(c->t, ST_BAR_VALUE));
			g_object_unref(val);
		}
		y = MAXI(lab_top + lh, bars_top + group_h) + row_gap;
		g_object_unref(lab);
	}
	return y - row_gap - y0;
}

/* --- columns and histograms ----------------------------------------------------------------- */

static int columns(cl *c, int y0, bool histogram)
{
	chart_data *cd = c->cd;
	size_t n = chart_data_cats(cd), ns = chart_data_series(cd);
	const doc_chart *sp = c->spec;
	int plot_h = sp->height > 0 ? PT(sp->height) : histogram ? PT(130) : PT(140);
	plot_h = MAXI(plot_h, PT(40));
	int y = y0 + series_legend(c, 0, y0, c->w);

	chart_ticks tk;
	double max = sp->axis_max > 0 && isfinite(sp->axis_max) ? sp->axis_max : chart_data_max(cd);
	if (!(max > 0)) /* nothing to scale: a plain axis, not 0,2 % steps */
		max = sp->unit == DOC_CHART_PERCENT ? 100 : 10;
	chart_nice_ticks(0, max, 5, &tk);
	double top = tk.first + tk.step * (tk.count - 1);
	if (!(top > 0))
		top = 1;

	/* Tick labels decide the axis column. */
	PangoLayout **tl = xcalloc((size_t)tk.count, sizeof *tl);
	int axis_w = 0;
	for (int k = 0; k < tk.count; k++) {
		char buf[FMT_CAP];
		chart_format_value(buf, sizeof buf, tk.first + k * tk.step, sp->unit, tk.decimals);
		tl[k] = lay(c, ST_NOTE, buf);
		axis_w = MAXI(axis_w, lay_w(tl[k]));
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
	PangoLayout **vl = xcalloc(n * ns + 1, sizeof *vl);
	int val_h = 0;
	ts_style vst = bar_w >= PT(26) ? ST_BAR_VALUE : ST_NOTE;
	for (size_t i = 0; i < n; i++)
		for (size_t s = 0; s < ns; s++) {
			PangoLayout *v = lay(c, vst, chart_data_text(cd, s, i));
			vl[i * ns + s] = v;
			val_h = MAXI(val_h, lay_h(v));
			/* Neighbouring values may share the gap between bars. */
			if (lay_w(v) > (ns == 1 ? group_w - PT(2) : bar_w + PT(2)))
				values_fit = false;
		}
	if (!values_fit && n)
		diag_emit(c->t->diag, DIAG_WARNING, c->where, NULL,
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
			line(c, axis_w, ly, plot_w, 0, ts_color(c->t, PAL_RULE), PT(0.4), PAGE_DASH_NONE);
		text(c, tl[k], axis_w - PT(6) - lay_w(tl[k]), ly - line0_h(tl[k]) / 2, ts_color(c->t, PAL_GREY));
		g_object_unref(tl[k]);
	}
	free(tl);

	int lab_h = 0;
	for (size_t i = 0; i < n; i++) {
		int gx = axis_w + (int)i * group_w;
		int gw = histogram ? (int)ns * bar_w : (int)ns * bar_w + (int)(ns - 1) * PT(1);
		int bx0 = gx + (group_w - gw) / 2;
		for (size_t s = 0; s < ns; s++) {
			int bx = bx0 + (int)s * (bar_w + (histogram ? 0 : PT(1)));
			uint32_t col = ns == 1 ? ts_color(c->t, PAL_PRIMARY) : series_color(c, s);
			bool sup = chart_data_suppressed(cd, s, i);
			bool missing = chart_data_missing(cd, s, i);
			int bh = 0;
			if (sup) {
				bh = SUP_LEN;
				rect_dashed(c, bx, pbot - bh, bar_w, bh);
			} else if (!missing) {
				double v = chart_data_value(cd, s, i);
				bh = (int)lround(v / top * plot_h);
				bh = MINI(bh, plot_h);
				if (v > 0 && bh < PT(1))
					bh = PT(1);
				rect(c, bx, pbot - bh, bar_w, bh, col, 0);
			}
			PangoLayout *v = vl[i * ns + s];
			if (values_fit)
				text(c, v, bx + (bar_w - lay_w(v)) / 2, pbot - bh - PT(2) - lay_h(v),
				     sup || missing ? ts_color(c->t, PAL_GREY) : ts_style_color(c->t, ST_BAR_VALUE));
		}
		PangoLayout *lab = chart_label_layout(c->t, ST_NOTE, chart_data_label(cd, i),
						      group_w - PT(4), 3, PANGO_ALIGN_CENTER);
		text(c, lab, gx + PT(2), pbot + PT(4), ts_color(c->t, PAL_TEXT));
		lab_h = MAXI(lab_h, lay_h(lab));
		g_object_unref(lab);
	}
	for (size_t i = 0; i < n * ns; i++)
		g_object_unref(vl[i]);
	free(vl);
	/* The base line is drawn last, over the bars' feet. */
	line(c, axis_w, pbot, plot_w, 0, ts_color(c->t, PAL_GREY_BLUE), PT(0.8), PAGE_DASH_NONE);
	return pbot + PT(4) + lab_h - y0;
}

/* --- 100 % stacked bars ------------------------------------------------------------------------- */

static int stacked(cl *c, int y0)
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
		int x0 = label_w + gap, full = c->w - x0;
		size_t n_sup = 0;
		for (size_t i = 0; i < n; i++)
			n_sup += chart_data_suppressed(cd, s, i);
		int sup_room = (int)n_sup * (SUP_LEN + PT(3));
		int bar_w = full - sup_room;
		if (named) {
			PangoLayout *l = chart_label_layout(c->t, ST_BAR_LABEL,
							    chart_data_series_name(cd, s), label_w,
							    2, -1);
			text(c, l, 0, y + (bar_h - lay_h(l)) / 2, ts_color(c->t, PAL_TEXT));
			g_object_unref(l);
		}
		double total = chart_data_total(cd, s);
		if (!(total > 0)) {
			rect(c, x0, y, full, bar_h, ts_color(c->t, PAL_TINT), 0);
			PangoLayout *l = lay(c, ST_NOTE, "aucune valeur non nulle");
			text(c, l, x0 + PT(6), y + (bar_h - lay_h(l)) / 2, ts_color(c->t, PAL_GREY));
			g_object_unref(l);
		} else {
			double acc = 0;
			int x = x0;
			for (size_t i = 0; i < n; i++) {
				double v = chart_data_value(cd, s, i);
				if (!(v > 0))
					continue;
				acc += v;
				int xe = x0 + (int)lround(acc / total * bar_w);
				uint32_t col = series_color(c, i);
				rect(c, x, y, xe - x, bar_h, col, 0);
				PangoLayout *vl = lay(c, ST_BAR_VALUE, chart_data_text(cd, s, i));
				if (lay_w(vl) + PT(6) <= xe - x)
					text(c, vl, x + (xe - x - lay_w(vl)) / 2,
					     y + (bar_h - line0_h(vl)) / 2, chart_text_on(col));
				g_object_unref(vl);
				/* A white hairline keeps neighbours apart without
				 * relying on their colours. */
				if (x > x0)
					line(c, x, y, 0, bar_h, ts_color(c->t, PAL_WHITE), PT(1), PAGE_DASH_NONE);
				x = xe;
			}
			int sx = x0 + bar_w + PT(3);
			for (size_t i = 0; i < n; i++)
				if (chart_data_suppressed(cd, s, i)) {
					rect_dashed(c, sx, y, SUP_LEN, bar_h);
					sx += SUP_LEN + PT(3);
				}
		}
		y += bar_h + row_gap;
	}
	/* Legend: every category with its label and, for a single bar, its
	 * value, so the chart reads without telling colours apart. */
	char **labels = xcalloc(n ? n : 1, sizeof *labels);
	uint32_t *colors = xcalloc(n ? n : 1, sizeof *colors);
	bool *dashed = xcalloc(n ? n : 1, sizeof *dashed);
	for (size_t i = 0; i < n; i++) {
		labels[i] = ns == 1 ? xasprintf("%s <b>%s</b>", chart_data_label(cd, i),
						chart_data_text(cd, 0, i))
				    : xstrdup(chart_data_label(cd, i));
		colors[i] = series_color(c, i);
		dashed[i] = ns == 1 && chart_data_suppressed(cd, 0, i);
	}
	y += PT(2) + legend_row(c, label_w + gap, y - row_gap + PT(8), c->w - label_w - gap, n,
				labels, colors, dashed);
	for (size_t i = 0; i < n; i++)
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
		PangoLayout *v = lay(c, ST_BAR_VALUE, values[i]);
		vw = MAXI(vw, lay_w(v));
		g_object_unref(v);
	}
	int top = y;
	int lx = x0 + sw + gap + vw + gap;
	for (size_t i = 0; i < n; i++) {
		PangoLayout *l = chart_label_layout(c->t, ST_BAR_LABEL, labels[i], x0 + width - lx,
						    2, -1);
		PangoLayout *v = lay(c, ST_BAR_VALUE, values[i]);
		int l0 = line0_h(l);
		if (dashed && dashed[i])
			rect_dashed(c, x0, y + (l0 - sw) / 2, sw, sw);
		else
			rect(c, x0, y + (l0 - sw) / 2, sw, sw, colors[i], PT(1.5));
		text(c, v, x0 + sw + gap + vw - lay_w(v),
		     y + pango_layout_get_baseline(l) - pango_layout_get_baseline(v),
		     dashed && dashed[i] ? ts_color(c->t, PAL_GREY) : ts_style_color(c->t, ST_BAR_VALUE));
		text(c, l, lx, y, ts_color(c->t, PAL_TEXT));
		y += lay_h(l) + row_gap;
		g_object_unref(l);
		g_object_unref(v);
	}
	return n ? y - row_gap - top : 0;
}

static int donut(cl *c, int y0)
{
	chart_data *cd = c->cd;
	size_t n = chart_data_cats(cd);
	const doc_chart *sp = c->spec;
	int d = sp->height > 0 ? PT(sp->height) : PT(118);
	d = MAXI(d, PT(60));
	double ro = d / 2.0, ri = ro * 0.6;
	double total = chart_data_total(cd, 0);

	const char **labels = xcalloc(n ? n : 1, sizeof *labels);
	const char **values = xcalloc(n ? n : 1, sizeof *values);
	uint32_t *colors = xcalloc(n ? n : 1, sizeof *colors);
	bool *dashed = xcalloc(n ? n : 1, sizeof *dashed);
	for (size_t i = 0; i < n; i++) {
		labels[i] = chart_data_label(cd, i);
		values[i] = chart_data_text(cd, 0, i);
		colors[i] = series_color(c, i);
		dashed[i] = chart_data_suppressed(cd, 0, i);
	}
	int lx = d + PT(24);
	/* Measure the legend first to centre ring and legend on each other. */
	chart_ops probe = {0};
	chart_ops *keep = c->o;
	c->o = &probe;
	int leg_h = value_legend(c, lx, 0, c->w - lx, n, labels, values, colors, dashed);
	c->o = keep;
	chart_ops_free(&probe);
	int h = MAXI(d, leg_h);
	double cx = ro, cy = y0 + h / 2.0;

	if (!(total > 0)) {
		pathb p = {0};
		pb_move(&p, cx + ro, cy);
		pb_arc(&p, cx, cy, ro, 0, 2 * CHART_PI);
		pb_add(&p, PAGE_PATH_CLOSE, 0, 0, 0, 0, 0, 0);
		pb_move(&p, cx + ri, cy);
		pb_arc(&p, cx, cy, ri, 2 * CHART_PI, 0);
		pb_add(&p, PAGE_PATH_CLOSE, 0, 0, 0, 0, 0, 0);
		path_op(c, &p, true, ts_color(c->t, PAL_TINT), false, 0, 0, PAGE_DASH_NONE);
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
		pb_add(&p, PAGE_PATH_CLOSE, 0, 0, 0, 0, 0, 0);
		/* White edges part the slices without relying on colour. */
		path_op(c, &p, true, colors[i], v < total, ts_color(c->t, PAL_WHITE), PT(1.2), PAGE_DASH_NONE);
		PangoLayout *vl = lay(c, ST_BAR_VALUE, values[i]);
		double mid = (a + b) / 2, rm = (ro + ri) / 2;
		/* On the ring only when the slice can hold the text. */
		double arc_len = (b - a) * rm;
		if (arc_len > lay_w(vl) + PT(4) || (b - a) > 1.2)
			text(c, vl, (int)lround(cx + rm * cos(mid) - lay_w(vl) / 2.0),
			     (int)lround(cy + rm * sin(mid) - line0_h(vl) / 2.0),
			     chart_text_on(colors[i]));
		g_object_unref(vl);
		a = b;
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
		PangoLayout *l = chart_label_layout(c->t, ST_BAR_LABEL, centre,
						    (int)(ri * 2 * 0.8), 3, PANGO_ALIGN_CENTER);
		PangoRectangle r;
		pango_layout_get_extents(l, NULL, &r);
		text(c, l, (int)lround(cx - ri * 0.8), (int)lround(cy - lay_h(l) / 2.0),
		     ts_color(c->t, PAL_PRIMARY_DARK));
		g_object_unref(l);
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
		rect(c, x + (s - hd) / 2, y, hd, hd, col, hd / 2);
		rect(c, x + (s - bw) / 2, y + s - bh, bw, bh, col, bw * 36 / 100);
	} else {
		rect(c, x, y, s, s, col, s / 5);
	}
}

static int unit_chart(cl *c, int y0)
{
	chart_data *cd = c->cd;
	const doc_chart *sp = c->spec;
	size_t n = chart_data_cats(cd);
	int cell = sp->height > 0 ? PT(sp->height) / 10 : PT(12.5);
	cell = MAXI(cell, PT(5));
	int g = cell * 80 / 100;
	double total = chart_data_total(cd, 0);
	double denom = (double)sp->base > total ? (double)sp->base : total;
	/* Largest remainder: the glyph counts sum to 100 exactly. */
	int *cnt = xcalloc(n + 1, sizeof *cnt);
	double *rem = xcalloc(n + 1, sizeof *rem);
	int used = 0;
	for (size_t i = 0; i <= n && denom > 0; i++) {
		double v = i < n ? chart_data_value(cd, 0, i) : denom - total;
		double q = v > 0 ? v / denom * 100 : 0;
		cnt[i] = (int)floor(q);
		rem[i] = q - cnt[i];
		used += cnt[i];
	}
	while (denom > 0 && used < 100) {
		size_t best = 0;
		for (size_t i = 1; i <= n; i++)
			if (rem[i] > rem[best] + 1e-12)
				best = i;
		cnt[best]++;
		rem[best] = -1;
		used++;
	}
	int k = 0;
	for (size_t i = 0; i <= n; i++) {
		uint32_t col = i < n ? series_color(c, i) : ts_color(c->t, PAL_RULE);
		if (i < n && n == 2 && i == 1)
			col = chart_tint(ts_color(c->t, PAL_PRIMARY), 0.7); /* the complement, lighter */
		for (int j = 0; j < cnt[i] && k < 100; j++, k++)
			glyph(c, sp->glyph, (k % 10) * cell, y0 + (k / 10) * cell, g, col);
	}
	for (; k < 100; k++) /* no data: an empty grid */
		glyph(c, sp->glyph, (k % 10) * cell, y0 + (k / 10) * cell, g, ts_color(c->t, PAL_TINT_HEAD));
	int grid = 10 * cell - (cell - g);

	/* Right: the headline figure, then a key of every category. */
	int x = 10 * cell + PT(22), w = c->w - x, y = y0;
	if (n > 0) {
		PangoLayout *big = lay(c, ST_TILE_VALUE, chart_data_text(cd, 0, 0));
		PangoRectangle ink;
		pango_layout_get_extents(big, &ink, NULL);
		text(c, big, x, y - ink.y, ts_color(c->t, PAL_PRIMARY));
		y += ink.height + PT(6);
		g_object_unref(big);
		const char *head = sp->center && *sp->center ? sp->center : chart_data_label(cd, 0);
		PangoLayout *hl = chart_label_layout(c->t, ST_TILE_LABEL, head, w, 3, -1);
		text(c, hl, x, y, ts_color(c->t, PAL_TEXT));
		y += lay_h(hl) + PT(12);
		g_object_unref(hl);
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t col = (n == 2 && i == 1) ? chart_tint(ts_color(c->t, PAL_PRIMARY), 0.7) : series_color(c, i);
		char *m = xasprintf("%s <b>%s</b>", chart_data_label(cd, i), chart_data_text(cd, 0, i));
		PangoLayout *l = chart_label_layout(c->t, ST_BAR_LABEL, m, w - PT(14), 2, -1);
		int l0 = line0_h(l), sw = PT(8);
		if (chart_data_suppressed(cd, 0, i))
			rect_dashed(c, x, y + (l0 - sw) / 2, sw, sw);
		else
			glyph(c, sp->glyph, x, y + (l0 - sw) / 2, sw, col);
		text(c, l, x + PT(14), y, ts_color(c->t, PAL_TEXT));
		y += lay_h(l) + PT(4);
		g_object_unref(l);
		free(m);
	}
	PangoLayout *key = lay(c, ST_NOTE, "Un symbole représente 1 % de l'effectif.");
	text(c, key, x, y + PT(4), ts_color(c->t, PAL_GREY));
	y += PT(4) + lay_h(key);
	g_object_unref(key);
	free(cnt);
	free(rem);
	return MAXI(grid, y - y0);
}

/* --- timeline ---------------------------------------------------------------------------------- */

static int timeline(cl *c, int y0)
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
		return empty_note(c, y0, "Aucune date à placer sur la frise.");
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
		PangoLayout *date, *txt;
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
		v->date = lay(c, ST_BAR_VALUE, d && *d ? d : chart_data_text(cd, 0, i));
		v->txt = chart_label_layout(c->t, ST_NOTE, chart_data_label(cd, i), lw - PT(8), 4,
					    -1);
		v->h = lay_h(v->date) + PT(1) + lay_h(v->txt);
		int bw = MAXI(lay_w(v->date), lay_w(v->txt)) + PT(6);
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
	PangoLayout *probe = lay(c, ST_NOTE, "2000");
	int year_h = lay_h(probe) + PT(4);
	g_object_unref(probe);
	int axis_y = y0 + MAXI(above, 0);
	/* Axis and years. */
	line(c, ax0, axis_y, ax1 - ax0, 0, ts_color(c->t, PAL_GREY_BLUE), PT(1.2), PAGE_DASH_NONE);
	static const char *const months[12] = {"janv.", "févr.", "mars", "avr.", "mai", "juin",
					       "juil.", "août", "sept.", "oct.", "nov.", "déc."};
	long t0 = by_month ? lround(a0 * 12) : lround(a0), t1 = by_month ? lround(a1 * 12) : lround(a1);
	long every = by_month ? 1 : (t1 - t0 > 12 ? (t1 - t0 + 11) / 12 : 1);
	for (long tv = t0; tv <= t1; tv += every) {
		double yv = by_month ? tv / 12.0 : (double)tv;
		int x = ax0 + (int)lround((yv - a0) / (a1 - a0) * (ax1 - ax0));
		line(c, x, axis_y - PT(3), 0, PT(6), ts_color(c->t, PAL_GREY_BLUE), PT(0.8), PAGE_DASH_NONE);
		char buf[32];
		if (by_month && (tv % 12 == 0 || tv == t0))
			snprintf(buf, sizeof buf, "%s %ld", months[tv % 12], tv / 12);
		else if (by_month)
			snprintf(buf, sizeof buf, "%s", months[tv % 12]);
		else
			snprintf(buf, sizeof buf, "%ld", tv);
		PangoLayout *yl = lay(c, ST_NOTE, buf);
		int x_l = MINI(MAXI(x - lay_w(yl) / 2, 0), c->w - lay_w(yl));
		/* A tick label that a stem going down would cross is left out:
		 * the labels carry their dates anyway. */
		bool crossed = false;
		for (size_t j = 0; j < nd; j++)
			if (e[j].side == 1 && e[j].ex >= x_l - PT(2) && e[j].ex <= x_l + lay_w(yl) + PT(2))
				crossed = true;
		if (!crossed)
			text(c, yl, x_l, axis_y + PT(5), ts_color(c->t, PAL_GREY));
		g_object_unref(yl);
	}
	for (size_t j = 0; j < nd; j++) {
		ev *v = &e[j];
		int top;
		if (v->side == 0) {
			top = axis_y - off[0][v->tier] - v->h;
			line(c, v->ex, top + v->h + PT(2), 0, axis_y - (top + v->h + PT(2)), ts_color(c->t, PAL_RULE),
			     PT(0.8), PAGE_DASH_NONE);
		} else {
			top = axis_y + year_h + off[1][v->tier] - stem + PT(6);
			line(c, v->ex, axis_y, 0, top - PT(2) - axis_y, ts_color(c->t, PAL_RULE), PT(0.8),
			     PAGE_DASH_NONE);
		}
		text(c, v->date, v->bx + PT(3), top, ts_color(c->t, PAL_PRIMARY));
		text(c, v->txt, v->bx + PT(3), top + lay_h(v->date) + PT(1), ts_color(c->t, PAL_TEXT));
		g_object_unref(v->date);
		g_object_unref(v->txt);
	}
	/* Dots last, over the axis and stems. */
	for (size_t j = 0; j < nd; j++) {
		int d = PT(7);
		page_op o = {.kind = PAGE_OP_RECT, .x = e[j].ex - d / 2, .y = axis_y - d / 2, .w = d,
			     .h = d, .fill = true, .fill_color = ts_color(c->t, PAL_ACCENT), .stroke = true,
			     .stroke_color = ts_color(c->t, PAL_WHITE), .line_width = PT(1.2), .radius = d / 2};
		push(c, &o);
	}
	int bottom = axis_y + year_h + (below > 0 ? below - stem + PT(6) : 0);
	free(e);
	return bottom - y0;
}

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

static int flow(cl *c, int y0)
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
		l1[k1] = (fnode){.cat = i, .v = v, .sup = sup, .col = series_color(c, k1), .parent = -1};
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
		return empty_note(c, y0,
				  any_sup ? "Effectifs sous le seuil de confidentialité : aucune "
					    "répartition n'est représentée."
					  : "Aucun effectif à répartir.");
	}
	const int node_w = PT(9), gap1 = PT(6), gap2 = PT(4);
	PangoLayout *probe = lay(c, ST_BAR_LABEL, "Ag");
	const int min_h = lay_h(probe) + PT(1);
	g_object_unref(probe);
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
	PangoLayout *src_l = chart_label_layout(c->t, ST_BAR_LABEL, src_m, c->w * 28 / 100, 2, -1);
	free(src_m);
	int top = y0 + lay_h(src_l) + PT(6);
	text(c, src_l, 0, y0, ts_color(c->t, PAL_TEXT));
	g_object_unref(src_l);

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
	rect(c, 0, src_y, node_w, src_h, ts_color(c->t, PAL_GREY_BLUE), 0);
	for (size_t i = 0; i < k1; i++) {
		fnode *f = &l1[i];
		if (f->sup) {
			/* No band of true width: a dashed thread to a fixed box. */
			line(c, node_w, src_ptr, x1 - node_w, f->y + f->h / 2 - src_ptr, ts_color(c->t, PAL_GREY),
			     PT(0.6), PAGE_DASH_DASHED);
			rect_dashed(c, x1, f->y, node_w, f->h);
			continue;
		}
		pathb p = {0};
		pb_band(&p, node_w, src_ptr, f->h, x1, f->y, f->h);
		path_op(c, &p, true, chart_tint(f->col, 0.72), false, 0, 0, PAGE_DASH_NONE);
		src_ptr += f->h;
		rect(c, x1, f->y, node_w, f->h, f->col, 0);
	}
	for (size_t i = 0; i < k2; i++) {
		fnode *f = &l2[i];
		fnode *p = &l1[f->parent];
		if (f->sup) {
			line(c, x1 + node_w, p->y + p->out, x2 - x1 - node_w,
			     f->y + f->h / 2 - (p->y + p->out), ts_color(c->t, PAL_GREY), PT(0.6), PAGE_DASH_DASHED);
			rect_dashed(c, x2, f->y, node_w, f->h);
			continue;
		}
		pathb pb = {0};
		pb_band(&pb, x1 + node_w, p->y + p->out, f->h, x2, f->y, f->h);
		path_op(c, &pb, true, chart_tint(f->col, 0.8), false, 0, 0, PAGE_DASH_NONE);
		p->out += f->h;
		rect(c, x2, f->y, node_w, f->h, f->col, 0);
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
			PangoLayout *l = chart_label_layout(c->t, ST_BAR_LABEL, m, lw, 2, -1);
			int ly = v[i].slot_y + (v[i].slot_h - lay_h(l)) / 2;
			text(c, l, lx, ly, v[i].sup ? ts_color(c->t, PAL_GREY) : ts_color(c->t, PAL_TEXT));
			g_object_unref(l);
			free(m);
		}
	}
	free(l1);
	free(l2);
	free(l1_of);
	return top - y0 + body;
}

/* --- the figure ------------------------------------------------------------------------------------ */

int chart_layout(typeset_ctx *t, const doc_chart *spec, int width, src_loc where,
		 chart_ops *out)
{
	char *title = doc_plain_text(spec->title && *spec->title ? spec->title : "(sans titre)");
	cl c = {t, out, spec, chart_data_create(spec, t->diag, where), width, where, title};
	char *desc = chart_describe(spec);
	page_op tag = {.kind = PAGE_OP_TAG_BEGIN, .name = (char *)"Figure", .title = desc};
	push(&c, &tag);
	free(desc);
	int y = 0;
	if (spec->title && *spec->title) {
		PangoLayout *l = ts_layout(t, ST_CAPTION, spec->title, width, -1);
		text(&c, l, 0, 0, ts_style_color(c.t, ST_CAPTION));
		y = lay_h(l) + PT(7);
		g_object_unref(l);
	}
	size_t n = chart_data_cats(c.cd);
	if (n == 0 || chart_data_series(c.cd) == 0) {
		diag_emit(t->diag, DIAG_WARNING, where, NULL,
			  "chart \"%s\" has no data; a note stands in its place", title);
		y += empty_note(&c, y, "Aucune donnée à représenter.");
	} else {
		switch (spec->type) {
		case DOC_CHART_HBAR: y += hbar(&c, y); break;
		case DOC_CHART_VBAR: y += columns(&c, y, false); break;
		case DOC_CHART_HISTOGRAM: y += columns(&c, y, true); break;
		case DOC_CHART_STACKED: y += stacked(&c, y); break;
		case DOC_CHART_DONUT:
			y += chart_data_empty(c.cd) ? empty_note(&c, y, "Toutes les valeurs sont nulles.")
						    : donut(&c, y);
			break;
		case DOC_CHART_UNIT: y += unit_chart(&c, y); break;
		case DOC_CHART_TIMELINE: y += timeline(&c, y); break;
		case DOC_CHART_FLOW: y += flow(&c, y); break;
		case DOC_CHART__TYPES: break;
		}
	}
	if (spec->note && *spec->note) {
		PangoLayout *l = ts_layout(t, ST_NOTE, spec->note, width, -1);
		y += PT(7);
		text(&c, l, 0, y, ts_style_color(c.t, ST_NOTE));
		y += lay_h(l);
		g_object_unref(l);
	}
	page_op end = {.kind = PAGE_OP_TAG_END};
	push(&c, &end);
	chart_data_destroy(c.cd);
	free(title);
	out->height = y;
	return y;
}
