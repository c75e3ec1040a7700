/* chart_parts.c - what every chart type draws with: colours from the style
 * sheet, texts through the measuring table, rectangles, lines and paths
 * (arcs and flow bands as Béziers), the note that stands in for an empty
 * plot, and the legends. */
#include <math.h>
#include <stdlib.h>

#include "chart_geom.h"
#include "util.h"

/* --- colours ------------------------------------------------------------------ */

uint32_t cl_color(const cl *c, style_color pc)
{
	return c->sheet->palette[pc];
}

uint32_t cl_style_color(const cl *c, ts_style s)
{
	return c->sheet->palette[c->sheet->style[s].color];
}

uint32_t cl_series_color(const cl *c, size_t n)
{
	return cl_color(c, (style_color)(PAL_SERIES_1 + n % 8));
}

/* --- texts -------------------------------------------------------------------- */

static ctext make_text(cl *c, ts_style st, const char *markup, int width, int max_lines,
		       chart_align align)
{
	chart_text_req req = {st, markup ? markup : "", width, max_lines, align};
	ctext t;
	t.h = chart_drawing_text(c->dr, &req, &t.m);
	return t;
}

ctext cl_text(cl *c, ts_style st, const char *markup)
{
	return make_text(c, st, markup, -1, 0, CHART_ALIGN_STYLE);
}

ctext cl_label(cl *c, ts_style st, const char *markup, int width, int max_lines,
	       chart_align align)
{
	return make_text(c, st, markup, width < PT(4) ? PT(4) : width, max_lines, align);
}

ctext cl_block(cl *c, ts_style st, const char *markup, int width)
{
	return make_text(c, st, markup, width, 0, CHART_ALIGN_STYLE);
}

/* --- ops ---------------------------------------------------------------------- */

void cl_push(cl *c, const chart_op *op)
{
	if (!c->dry)
		chart_drawing_push(c->dr, op);
}

void cl_cut(cl *c, int y)
{
	if (!c->dry)
		chart_drawing_add_cut(c->dr, y);
}

void cl_rect(cl *c, int x, int y, int w, int h, uint32_t fill, int radius)
{
	if (w <= 0 || h <= 0)
		return;
	chart_op o = {.kind = CHART_OP_RECT, .x = x, .y = y, .w = w, .h = h, .fill = true,
		      .fill_color = fill, .radius = radius};
	cl_push(c, &o);
}

void cl_rect_dashed(cl *c, int x, int y, int w, int h)
{
	chart_op o = {.kind = CHART_OP_RECT, .x = x, .y = y, .w = w, .h = h, .stroke = true,
		      .stroke_color = cl_color(c, PAL_GREY), .line_width = PT(0.7),
		      .dash = CHART_DASH_DASHED};
	cl_push(c, &o);
}

void cl_rect_hatched(cl *c, int x, int y, int w, int h)
{
	if (w <= 0 || h <= 0)
		return;
	cl_rect(c, x, y, w, h, cl_color(c, PAL_TINT), 0);
	/* 45-degree lines u + v = d, (u, v) from the bottom-left corner,
	 * clipped to the box by their end points. */
	const int step = PT(3);
	uint32_t grey = cl_color(c, PAL_GREY);
	for (int d = step; d < w + h; d += step) {
		int u0 = d > h ? d - h : 0, u1 = d < w ? d : w;
		int x0 = x + u0, y0 = y + h - (d - u0), x1 = x + u1, y1 = y + h - (d - u1);
		cl_line(c, x0, y0, x1 - x0, y1 - y0, grey, PT(0.6), CHART_DASH_NONE);
	}
	chart_op o = {.kind = CHART_OP_RECT, .x = x, .y = y, .w = w, .h = h, .stroke = true,
		      .stroke_color = grey, .line_width = PT(0.6)};
	cl_push(c, &o);
}

void cl_line(cl *c, int x, int y, int dx, int dy, uint32_t color, int lw, chart_dash dash)
{
	chart_op o = {.kind = CHART_OP_LINE, .x = x, .y = y, .w = dx, .h = dy, .stroke = true,
		      .stroke_color = color, .line_width = lw, .dash = dash};
	cl_push(c, &o);
}

void cl_put(cl *c, const ctext *t, int x, int y, uint32_t color)
{
	chart_op o = {.kind = CHART_OP_TEXT, .x = x, .y = y, .text = t->h, .color = color};
	cl_push(c, &o);
}

/* --- paths -------------------------------------------------------------------- */

void pb_add(pathb *p, chart_path_verb v, double x0, double y0, double x1, double y1, double x2,
	    double y2)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->s = xreallocarray(p->s, p->cap, sizeof *p->s);
	}
	p->s[p->n++] = (chart_path_seg){v, {(int)lround(x0), (int)lround(x1), (int)lround(x2)},
					{(int)lround(y0), (int)lround(y1), (int)lround(y2)}};
}

void pb_move(pathb *p, double x, double y)
{
	pb_add(p, CHART_PATH_MOVE, x, y, 0, 0, 0, 0);
}

void pb_line(pathb *p, double x, double y)
{
	pb_add(p, CHART_PATH_LINE, x, y, 0, 0, 0, 0);
}

void pb_close(pathb *p)
{
	pb_add(p, CHART_PATH_CLOSE, 0, 0, 0, 0, 0, 0);
}

void pb_arc(pathb *p, double cx, double cy, double r, double a0, double a1)
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
		pb_add(p, CHART_PATH_CURVE, x0 - k * r * sin(t0), y0 + k * r * cos(t0),
		       x3 + k * r * sin(t1), y3 - k * r * cos(t1), x3, y3);
	}
}

void pb_band(pathb *p, double xa, double ya, double ha, double xb, double yb, double hb)
{
	double xm = (xa + xb) / 2;
	pb_move(p, xa, ya);
	pb_add(p, CHART_PATH_CURVE, xm, ya, xm, yb, xb, yb);
	pb_line(p, xb, yb + hb);
	pb_add(p, CHART_PATH_CURVE, xm, yb + hb, xm, ya + ha, xa, ya + ha);
	pb_close(p);
}

void cl_path(cl *c, pathb *p, bool fill, uint32_t fill_color, bool stroke, uint32_t stroke_color,
	     int lw, chart_dash dash)
{
	chart_op o = {.kind = CHART_OP_PATH, .fill = fill, .fill_color = fill_color,
		      .stroke = stroke, .stroke_color = stroke_color, .line_width = lw,
		      .dash = dash, .path = p->s, .n_path = p->n};
	if (p->n)
		cl_push(c, &o);
	free(p->s);
	*p = (pathb){0};
}

/* --- notes and legends ---------------------------------------------------------- */

int cl_empty_note(cl *c, int y, const char *msg)
{
	ctext l = cl_label(c, ST_NOTE, msg, c->w - PT(20), 3, CHART_ALIGN_STYLE);
	int h = l.m.height + PT(16);
	cl_rect(c, 0, y, c->w, h, cl_color(c, PAL_TINT), PT(3));
	cl_put(c, &l, PT(10), y + PT(8), cl_color(c, PAL_GREY_BLUE));
	return h;
}

int cl_legend_row(cl *c, int x0, int y, int width, size_t n, char **labels,
		  const uint32_t *colors, const bool *dashed)
{
	const int sw = PT(8), gap = PT(4), item_gap = PT(14), row_gap = PT(4);
	int x = x0, row_h = 0, top = y;
	for (size_t i = 0; i < n; i++) {
		ctext l = cl_label(c, ST_BAR_LABEL, labels[i], width - sw - gap, 2,
				   CHART_ALIGN_STYLE);
		int lw = l.m.width, lh = l.m.height;
		if (x > x0 && x + sw + gap + lw > x0 + width) {
			y += row_h + row_gap;
			x = x0;
			row_h = 0;
		}
		int sy = y + (l.m.line0_height - sw) / 2;
		if (dashed && dashed[i])
			cl_rect_hatched(c, x, sy, sw, sw);
		else
			cl_rect(c, x, sy, sw, sw, colors[i], PT(1));
		cl_put(c, &l, x + sw + gap, y, cl_color(c, PAL_TEXT));
		x += sw + gap + lw + item_gap;
		row_h = MAXI(row_h, lh);
	}
	return y + row_h - top;
}

int cl_series_legend(cl *c, int x0, int y, int width)
{
	size_t ns = chart_data_series(c->cd);
	if (ns < 2)
		return 0;
	char **labels = xcalloc(ns, sizeof *labels);
	uint32_t *colors = xcalloc(ns, sizeof *colors);
	size_t k = 0;
	for (size_t s = 0; s < ns; s++) {
		/* When missing cells take no room, a series with none drawn
		 * (« Période entière » when every KPA gave yearly figures) has
		 * nothing to name. */
		bool any = !c->spec->skip_missing;
		for (size_t i = 0; !any && i < chart_data_cats(c->cd); i++)
			any = !chart_data_missing(c->cd, s, i) || chart_data_suppressed(c->cd, s, i);
		if (!any)
			continue;
		const char *n = chart_data_series_name(c->cd, s);
		labels[k] = (char *)(n ? n : "");
		colors[k++] = cl_series_color(c, s);
	}
	int h = k ? cl_legend_row(c, x0, y, width, k, labels, colors, NULL) + PT(8) : 0;
	free(labels);
	free(colors);
	return h;
}

double cl_scale_max(const cl *c)
{
	double m = c->spec->axis_max > 0 && isfinite(c->spec->axis_max) ? c->spec->axis_max
									  : chart_data_max(c->cd);
	return m > 0 ? m : 1;
}
