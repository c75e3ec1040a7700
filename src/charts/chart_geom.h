/* chart_geom.h - internals shared by the geometry files of the charts
 * stage (chart_parts.c and one file per family of chart types): the
 * layout context, the drawing list as the geometry fills it, and the
 * drawing primitives, legends and notes every type uses. */
#ifndef RECIT_CHART_GEOM_H
#define RECIT_CHART_GEOM_H

#include "chart_core.h"
#include "chart_draw.h"

#define PT(x) ((int)((x) * CHART_UNIT + 0.5))
#define MAXI(a, b) ((a) > (b) ? (a) : (b))
#define MINI(a, b) ((a) < (b) ? (a) : (b))

/* Size of the dashed outline that stands for a suppressed cell: fixed,
 * so that its size says nothing about the count. */
#define SUP_LEN PT(14)
#define CHART_PI 3.14159265358979323846

/* --- chart_drawing.c: the list the geometry fills ------------------------ */
chart_drawing *chart_drawing_create(const chart_text_ops *text);
/* Append a copy of op; its path and alt are copied. */
void chart_drawing_push(chart_drawing *dr, const chart_op *op);
/* A text made through the drawing's table, kept until the drawing goes. */
chart_text *chart_drawing_text(chart_drawing *dr, const chart_text_req *req,
			       chart_text_metrics *out);
void chart_drawing_set_height(chart_drawing *dr, int height);
/* A place where the chart may continue on the next page, before the next
 * op pushed (chart_draw.h, chart_cut). */
void chart_drawing_add_cut(chart_drawing *dr, int y);

/* --- chart_parts.c: context, primitives, legends --------------------------- */

/* One chart being laid out. */
typedef struct {
	chart_drawing *dr;
	bool dry; /* measuring only: ops are dropped (texts are still made) */
	const style_sheet *sheet;
	const doc_chart *spec;
	chart_data *cd;
	int w; /* the chart's width */
	diag_sink *diag;
	src_loc where;
	const char *title; /* plain, for messages */
} cl;

/* A text and its size. */
typedef struct {
	chart_text *h;
	chart_text_metrics m;
} ctext;

uint32_t cl_color(const cl *c, style_color pc);
uint32_t cl_style_color(const cl *c, ts_style s);
/* The n-th series colour of the style sheet (serie-1 … serie-8). */
uint32_t cl_series_color(const cl *c, size_t n);

/* Markup on one line per paragraph (values, ticks). */
ctext cl_text(cl *c, ts_style st, const char *markup);
/* A label wrapped at width (never narrower than 4 pt), cut to max_lines
 * with an ellipsis (max_lines <= 0: no limit). */
ctext cl_label(cl *c, ts_style st, const char *markup, int width, int max_lines,
	       chart_align align);
/* Wrapped at width, however narrow, with no limit (title, note). */
ctext cl_block(cl *c, ts_style st, const char *markup, int width);

void cl_push(cl *c, const chart_op *op);
/* The chart may continue on the next page at height y (between rows). */
void cl_cut(cl *c, int y);
void cl_rect(cl *c, int x, int y, int w, int h, uint32_t fill, int radius);
/* The mark of a suppressed cell: a dashed grey outline. */
void cl_rect_dashed(cl *c, int x, int y, int w, int h);
/* The mark of withheld data drawn at its true size (the remainder of a
 * whole): a tinted box hatched with thin grey diagonals, outlined. Legend
 * swatches of withheld cells use it too. */
void cl_rect_hatched(cl *c, int x, int y, int w, int h);
void cl_line(cl *c, int x, int y, int dx, int dy, uint32_t color, int lw, chart_dash dash);
/* t with its top-left corner at (x, y). */
void cl_put(cl *c, const ctext *t, int x, int y, uint32_t color);

/* Paths, built in doubles and rounded once. */
typedef struct {
	chart_path_seg *s;
	size_t n, cap;
} pathb;

void pb_add(pathb *p, chart_path_verb v, double x0, double y0, double x1, double y1, double x2,
	    double y2);
void pb_move(pathb *p, double x, double y);
void pb_line(pathb *p, double x, double y);
void pb_close(pathb *p);
/* Arc of centre (cx, cy), radius r, from angle a0 to a1 (radians, y down,
 * so positive angles turn clockwise), as Béziers of at most 90 degrees.
 * The path must already be at the arc's start. */
void pb_arc(pathb *p, double cx, double cy, double r, double a0, double a1);
/* A band between two vertical edges: from (xa, ya..ya+ha) to
 * (xb, yb..yb+hb), with S-shaped top and bottom edges. */
void pb_band(pathb *p, double xa, double ya, double ha, double xb, double yb, double hb);
/* Emit the path as one op and empty p. */
void cl_path(cl *c, pathb *p, bool fill, uint32_t fill_color, bool stroke, uint32_t stroke_color,
	     int lw, chart_dash dash);

/* A short grey note in place of a plot (no data, all zeros). Returns its
 * height. */
int cl_empty_note(cl *c, int y, const char *msg);
/* Legend entries in rows: swatch then label (markup); dashed[i] (or NULL)
 * draws a withheld (hatched) swatch. Returns the height. */
int cl_legend_row(cl *c, int x0, int y, int width, size_t n, char **labels,
		  const uint32_t *colors, const bool *dashed);
/* Legend of the series of a grouped chart (none for one series). Returns
 * the height taken, gap included. */
int cl_series_legend(cl *c, int x0, int y, int width);
/* End of the value scale: the spec's axis_max, else the largest value. */
double cl_scale_max(const cl *c);

/* --- one file per family of types; each returns the plot's height ------- */
int chart_hbar(cl *c, int y0);                     /* chart_bars.c */
int chart_columns(cl *c, int y0, bool histogram);  /* chart_bars.c */
int chart_stacked(cl *c, int y0);                  /* chart_whole.c */
int chart_donut(cl *c, int y0);                    /* chart_whole.c */
int chart_units(cl *c, int y0);                    /* chart_whole.c */
int chart_timeline(cl *c, int y0);                 /* chart_timeline.c */
int chart_flow(cl *c, int y0);                     /* chart_flow.c */
int chart_map(cl *c, int y0);                      /* chart_map.c */

#endif
