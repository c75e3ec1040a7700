/* chart_layout.h - charts as page ops: the typesetter's side of the seam
 * of src/charts/chart_draw.h. It implements the chart text interface with
 * PangoLayout, asks the charts stage for the geometry of a chart, and
 * turns the drawing into page ops, so that a chart is data like the rest
 * of a page and looks the same in PDF, PNG and the trace. */
#ifndef RECIT_CHART_LAYOUT_H
#define RECIT_CHART_LAYOUT_H

#include "chart_draw.h"
#include "typeset_int.h"

/* Ops of one laid-out chart, relative to its top-left corner (Pango units).
 * The list owns its ops (layouts referenced, strings and paths copied). */
typedef struct {
	page_op *ops;
	size_t n, cap;
	int height;
	/* Where the chart may continue on the next page (chart_cut in
	 * chart_draw.h): cut i at height cut_y[i] comes before op cut_op[i]. */
	int *cut_y;
	size_t *cut_op;
	size_t n_cuts;
} chart_ops;

void chart_ops_free(chart_ops *o);

/* The whole figure (chart_draw in chart_draw.h) at the column width, as
 * page ops: each text becomes one PAGE_OP_TEXT per line, the figure
 * element a TAG_BEGIN "Figure" / TAG_END pair. Warnings go to t's diag
 * sink. Returns the height (also in out->height). */
int chart_layout(typeset_ctx *t, const doc_chart *spec, int width, src_loc where,
		 chart_ops *out);

/* The head of a continuation (chart_draw_continued): the title with
 * « (suite) » and the series legend, as page ops. Returns its height. */
int chart_layout_continued(typeset_ctx *t, const doc_chart *spec, int width, chart_ops *out);

/* The chart text interface over t: texts are PangoLayouts made by
 * ts_layout (French spacing, hyphenation of body styles), wrapped and,
 * past max_lines, ellipsized. For chart_layout and the tests. */
chart_text_ops ts_chart_text_ops(typeset_ctx *t);
/* The layout behind a text made through ts_chart_text_ops (borrowed). */
PangoLayout *ts_chart_text_layout(const chart_text *text);

#endif
