/* chart_layout.h - charts as page ops: the geometry of every doc_chart type,
 * laid out at a given width with Pango text, so that a chart is data like
 * the rest of a page and looks the same in PDF, PNG and the trace. */
#ifndef RECIT_CHART_LAYOUT_H
#define RECIT_CHART_LAYOUT_H

#include "chart_core.h"
#include "typeset_int.h"

/* Ops of one laid-out chart, relative to its top-left corner (Pango units).
 * The list owns its ops (layouts referenced, strings and paths copied). */
typedef struct {
	page_op *ops;
	size_t n, cap;
	int height;
} chart_ops;

void chart_ops_free(chart_ops *o);

/* The whole figure: title (caption style), body, base note, wrapped in a
 * "Figure" structure element whose text alternative is chart_describe().
 * width is the column width; the spec's height hint sizes the plot.
 * Never fails: degenerate data gives a sensible figure or a short note in
 * place of the plot, with a warning on t's diag sink when the spec itself
 * is wrong. Returns the height (also in out->height). */
int chart_layout(typeset_ctx *t, const doc_chart *spec, int width, src_loc where,
		 chart_ops *out);

/* A label wrapped at width, cut to max_lines with an ellipsis (max_lines
 * <= 0: no limit). align: PangoAlignment, or -1 for the style's. Caller
 * owns the reference. */
PangoLayout *chart_label_layout(typeset_ctx *t, ts_style st, const char *markup, int width,
				int max_lines, int align);

#endif
