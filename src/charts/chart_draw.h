/* chart_draw.h - the geometry of every chart type, as a list of drawing
 * ops, with text measured through an interface instead of a font library.
 *
 * This header is the seam between the charts stage (plain data: no Pango,
 * no Cairo, no glib) and the typesetter. The charts stage decides where
 * every bar, line, arc and label goes; to do so it must know how big a
 * label will be once set in type. It asks a chart_text_ops table, which
 * the typesetter implements with PangoLayout (src/typeset/chart_layout.c)
 * and a test may implement with fixed-width characters:
 *
 *     chart text ops            chart_draw()                 typesetter
 *   make(markup, style,   -->  places marks and texts  -->  one PAGE_OP_TEXT
 *   width, lines, align)       -> chart_drawing (ops)       per line of each
 *   -> handle + metrics                                     text handle
 *
 * Lengths are integers in 1/CHART_UNIT points (the typesetter's unit, so
 * that the page ops it makes are the same numbers), y grows downwards,
 * colours are 0xRRGGBB read from the style sheet. */
#ifndef RECIT_CHART_DRAW_H
#define RECIT_CHART_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "doc.h"
#include "style_sheet.h"

/* Units per point; equal to PANGO_SCALE (the adapter checks it). */
#define CHART_UNIT 1024

/* --- the text-measuring interface -------------------------------------------
 * A chart_text is one piece of text set in type: a label, a value, a tick,
 * the title. The charts stage never looks inside it; it only asks for one
 * (make), reads the metrics it got back, places it in a TEXT op, and hands
 * it back (release) when the drawing is destroyed. Handles are never
 * shared between drawings. */
typedef struct chart_text chart_text; /* defined by the implementation */

typedef enum {
	CHART_ALIGN_STYLE, /* the text style's own alignment */
	CHART_ALIGN_LEFT,
	CHART_ALIGN_CENTER,
	CHART_ALIGN_RIGHT,
} chart_align;

/* What to set. */
typedef struct {
	ts_style style;     /* a text style of the style sheet */
	const char *markup; /* doc markup (<b>, <i>, entities); never NULL */
	int width;          /* wrap at this width; < 0: no wrapping */
	int max_lines;      /* > 0 and the text is longer: keep max_lines
			     * lines, the last one cut with an ellipsis */
	chart_align align;  /* of the lines within width */
} chart_text_req;

/* What it measures, in CHART_UNIT, relative to the text's top-left corner
 * (the point a TEXT op places). "Logical" boxes are the line boxes that
 * text flows by (ascent + descent + spacing); "ink" is what is painted. */
typedef struct {
	int width;        /* logical width of the widest line */
	int height;       /* logical bottom of the last line */
	int line0_height; /* logical height of the first line */
	int baseline;     /* baseline of the first line */
	int ink_y;        /* top of the ink (may be > 0: space above the glyphs) */
	int ink_height;   /* height of the ink */
	int lines;        /* number of lines after wrapping and cutting */
} chart_text_metrics;

/* The table the typesetter fills. make never fails (an empty markup gives
 * an empty text with the style's line height); it fills *out. release
 * frees a handle that make returned. ctx is passed back unchanged. */
typedef struct {
	void *ctx;
	chart_text *(*make)(void *ctx, const chart_text_req *req, chart_text_metrics *out);
	void (*release)(void *ctx, chart_text *text);
} chart_text_ops;

/* --- drawing ops ---------------------------------------------------------------
 * The same vocabulary as the typesetter's page ops, minus what charts do
 * not use (links, outlines, images). Coordinates are relative to the
 * chart's top-left corner. */
typedef enum {
	CHART_OP_RECT,         /* box (x, y, w, h), filled and/or stroked, radius */
	CHART_OP_LINE,         /* segment (x, y) -> (x + w, y + h), stroked */
	CHART_OP_PATH,         /* path (segments), filled and/or stroked */
	CHART_OP_TEXT,         /* text, its top-left corner at (x, y), in color */
	CHART_OP_FIGURE_BEGIN, /* start of the "Figure" structure element; alt
				* is its text alternative (chart_describe) */
	CHART_OP_FIGURE_END,
} chart_op_kind;

typedef enum { CHART_DASH_NONE, CHART_DASH_DASHED, CHART_DASH_DOTTED } chart_dash;

/* Arcs are cubic Béziers already, so that every device replays the same
 * integers. */
typedef enum { CHART_PATH_MOVE, CHART_PATH_LINE, CHART_PATH_CURVE, CHART_PATH_CLOSE } chart_path_verb;

typedef struct {
	chart_path_verb verb;
	int x[3], y[3]; /* MOVE/LINE: point 0; CURVE: control 0, control 1, end 2 */
} chart_path_seg;

typedef struct {
	chart_op_kind kind;
	int x, y, w, h;
	/* RECT, LINE, PATH */
	bool fill, stroke;
	uint32_t fill_color, stroke_color;
	int line_width; /* CHART_UNIT */
	int radius;     /* RECT: corner radius */
	chart_dash dash;
	const chart_path_seg *path; /* PATH, owned by the drawing */
	size_t n_path;
	/* TEXT */
	chart_text *text; /* owned by the drawing */
	uint32_t color;
	const char *alt; /* FIGURE_BEGIN: plain UTF-8, owned by the drawing */
} chart_op;

/* --- the figure ------------------------------------------------------------------ */
typedef struct chart_drawing chart_drawing;

/* The whole figure at the given width: title (caption style), plot, base
 * note, between FIGURE_BEGIN and FIGURE_END. The spec's height hint sizes
 * the plot. Colours come from sheet (palette and text styles). Never
 * fails: degenerate data gives a sensible figure or a short note in place
 * of the plot, with a warning on d naming the chart when the spec itself
 * is wrong. text must outlive the drawing. */
chart_drawing *chart_draw(const doc_chart *spec, int width, const style_sheet *sheet,
			  const chart_text_ops *text, diag_sink *d, src_loc where);
/* Releases every text handle through the table given to chart_draw. */
void chart_drawing_destroy(chart_drawing *dr);

int chart_drawing_height(const chart_drawing *dr);
size_t chart_drawing_count(const chart_drawing *dr);
const chart_op *chart_drawing_op(const chart_drawing *dr, size_t i);

/* Where a long chart may continue on the next page: between two rows of
 * horizontal bars (the only type that grows with its data without bound).
 * A cut at height y comes before op number `op`: ops [0, op) are above it,
 * the rest below. Cuts are in ascending order, strictly inside the
 * figure; the title and the first row stay above the first cut, the last
 * row and the base note below the last. The typesetter uses them only
 * when the figure is taller than a page. */
typedef struct {
	int y;
	size_t op;
} chart_cut;

size_t chart_drawing_cut_count(const chart_drawing *dr);
chart_cut chart_drawing_cut(const chart_drawing *dr, size_t i);

/* The head of a continuation: the title followed by « (suite) », and the
 * legend of the series when there are several, at the given width; what a
 * chart cut across pages repeats at the top of each new page, so that
 * every part names its chart and its colours. No figure element, no cut. */
chart_drawing *chart_draw_continued(const doc_chart *spec, int width, const style_sheet *sheet,
				    const chart_text_ops *text);

#endif
