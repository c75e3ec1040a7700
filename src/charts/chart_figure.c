/* chart_figure.c - chart_draw(): one chart as a figure. The title above,
 * the plot of its type (or a note when there is nothing to draw), the base
 * note under it, all inside a "Figure" element whose text alternative is
 * the chart's description. */
#include <stdlib.h>

#include "chart_geom.h"
#include "util.h"

/* The plot of c's type at y; returns its height. */
static int plot(cl *c, int y)
{
	const doc_chart *spec = c->spec;
	if (chart_data_cats(c->cd) == 0 || chart_data_series(c->cd) == 0) {
		diag_emit(c->diag, DIAG_WARNING, c->where, NULL,
			  "chart \"%s\" has no data; a note stands in its place", c->title);
		return cl_empty_note(c, y, "Aucune donnée à représenter.");
	}
	switch (spec->type) {
	case DOC_CHART_HBAR: return chart_hbar(c, y);
	case DOC_CHART_VBAR: return chart_columns(c, y, false);
	case DOC_CHART_HISTOGRAM: return chart_columns(c, y, true);
	case DOC_CHART_STACKED: return chart_stacked(c, y);
	case DOC_CHART_DONUT:
		return chart_data_empty(c->cd) ? cl_empty_note(c, y, "Toutes les valeurs sont nulles.")
					       : chart_donut(c, y);
	case DOC_CHART_UNIT: return chart_units(c, y);
	case DOC_CHART_TIMELINE: return chart_timeline(c, y);
	case DOC_CHART_FLOW: return chart_flow(c, y);
	case DOC_CHART_MAP: return chart_map(c, y);
	case DOC_CHART__TYPES: break;
	}
	return 0;
}

chart_drawing *chart_draw(const doc_chart *spec, int width, const style_sheet *sheet,
			  const chart_text_ops *text, diag_sink *d, src_loc where)
{
	char *title = doc_plain_text(spec->title && *spec->title ? spec->title : "(sans titre)");
	cl c = {.dr = chart_drawing_create(text), .sheet = sheet, .spec = spec,
		.cd = chart_data_create(spec, d, where), .w = width, .diag = d, .where = where,
		.title = title};
	char *desc = chart_describe(spec);
	chart_op tag = {.kind = CHART_OP_FIGURE_BEGIN, .alt = desc};
	cl_push(&c, &tag);
	free(desc);
	int y = 0;
	if (spec->title && *spec->title) {
		ctext l = cl_block(&c, ST_CAPTION, spec->title, width);
		cl_put(&c, &l, 0, 0, cl_style_color(&c, ST_CAPTION));
		y = l.m.height + PT(7);
	}
	y += plot(&c, y);
	/* The base note, then what the marks of withheld cells mean: a
	 * figure that shows « < 3 » or « s » explains them wherever it is
	 * printed (report, a sheet alone). */
	char *marks = chart_withheld_note(c.cd);
	char *note = spec->note && *spec->note
			     ? (marks ? xasprintf("%s %s", spec->note, marks) : xstrdup(spec->note))
			     : marks ? xstrdup(marks) : NULL;
	if (note) {
		ctext l = cl_block(&c, ST_NOTE, note, width);
		y += PT(7);
		cl_put(&c, &l, 0, y, cl_style_color(&c, ST_NOTE));
		y += l.m.height;
	}
	free(note);
	free(marks);
	chart_op end = {.kind = CHART_OP_FIGURE_END};
	cl_push(&c, &end);
	chart_data_destroy(c.cd);
	free(title);
	chart_drawing_set_height(c.dr, y);
	return c.dr;
}

chart_drawing *chart_draw_continued(const doc_chart *spec, int width, const style_sheet *sheet,
				    const chart_text_ops *text)
{
	/* No messages: chart_draw has said what there was to say. */
	cl c = {.dr = chart_drawing_create(text), .sheet = sheet, .spec = spec,
		.cd = chart_data_create(spec, NULL, SRC_LOC_NONE), .w = width, .title = ""};
	/* Report text, French like the rest of the page (not a message). */
	char *title = spec->title && *spec->title ? xasprintf("%s (suite)", spec->title)
						  : xstrdup("(suite)");
	ctext l = cl_block(&c, ST_CAPTION, title, width);
	cl_put(&c, &l, 0, 0, cl_style_color(&c, ST_CAPTION));
	int y = l.m.height + PT(7);
	free(title);
	y += cl_series_legend(&c, 0, y, width);
	chart_data_destroy(c.cd);
	chart_drawing_set_height(c.dr, y);
	return c.dr;
}
