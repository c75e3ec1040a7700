/* chart_layout.c - the typesetter's adapter for charts: the chart text
 * interface implemented with PangoLayout, and the charts stage's drawing
 * turned into page ops. All geometry lives in src/charts/. */
#include "chart_layout.h"

#include <stdlib.h>

#include "util.h"

_Static_assert(CHART_UNIT == PANGO_SCALE, "chart lengths are Pango units");

struct chart_text {
	PangoLayout *layout;
};

/* --- the text interface ------------------------------------------------------- */

static const int aligns[] = {
	[CHART_ALIGN_STYLE] = -1,
	[CHART_ALIGN_LEFT] = PANGO_ALIGN_LEFT,
	[CHART_ALIGN_CENTER] = PANGO_ALIGN_CENTER,
	[CHART_ALIGN_RIGHT] = PANGO_ALIGN_RIGHT,
};

static void measure(PangoLayout *l, chart_text_metrics *m)
{
	PangoRectangle ink, log, line0;
	pango_layout_get_extents(l, &ink, &log);
	pango_layout_line_get_extents(pango_layout_get_line_readonly(l, 0), NULL, &line0);
	*m = (chart_text_metrics){.width = log.width,
				  .height = log.y + log.height,
				  .line0_height = line0.height,
				  .baseline = pango_layout_get_baseline(l),
				  .ink_y = ink.y,
				  .ink_height = ink.height,
				  .lines = pango_layout_get_line_count(l)};
}

static chart_text *text_make(void *ctx, const chart_text_req *req, chart_text_metrics *out)
{
	PangoLayout *l = ts_layout(ctx, req->style, req->markup, req->width, aligns[req->align]);
	if (req->max_lines > 0 && pango_layout_get_line_count(l) > req->max_lines) {
		/* A negative height is a line count: Pango ellipsizes the last
		 * line it keeps. */
		pango_layout_set_height(l, -req->max_lines);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	measure(l, out);
	chart_text *t = xcalloc(1, sizeof *t);
	t->layout = l;
	return t;
}

static void text_release(void *ctx, chart_text *t)
{
	g_object_unref(t->layout);
	free(t);
}

chart_text_ops ts_chart_text_ops(typeset_ctx *t)
{
	return (chart_text_ops){t, text_make, text_release};
}

PangoLayout *ts_chart_text_layout(const chart_text *text)
{
	return text->layout;
}

/* --- drawing -> page ops ------------------------------------------------------- */

void chart_ops_free(chart_ops *o)
{
	for (size_t i = 0; i < o->n; i++)
		ts_op_release(&o->ops[i]);
	free(o->ops);
	free(o->cut_y);
	free(o->cut_op);
	*o = (chart_ops){0};
}

static void push(chart_ops *o, const page_op *op)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 64;
		o->ops = xreallocarray(o->ops, o->cap, sizeof *o->ops);
	}
	o->ops[o->n] = *op;
	ts_op_own(&o->ops[o->n++]);
}

/* Every line of l with the layout's top-left corner at (x, y). */
static void push_text(chart_ops *o, PangoLayout *l, int x, int y, uint32_t color)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int i = 0;
	do {
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		page_op op = {.kind = PAGE_OP_TEXT, .x = x + log.x,
			      .y = y + pango_layout_iter_get_baseline(it), .layout = l, .line = i,
			      .color = color};
		push(o, &op);
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static const page_dash dashes[] = {
	[CHART_DASH_NONE] = PAGE_DASH_NONE,
	[CHART_DASH_DASHED] = PAGE_DASH_DASHED,
	[CHART_DASH_DOTTED] = PAGE_DASH_DOTTED,
};

static const page_path_verb verbs[] = {
	[CHART_PATH_MOVE] = PAGE_PATH_MOVE,
	[CHART_PATH_LINE] = PAGE_PATH_LINE,
	[CHART_PATH_CURVE] = PAGE_PATH_CURVE,
	[CHART_PATH_CLOSE] = PAGE_PATH_CLOSE,
};

static void push_shape(chart_ops *o, const chart_op *c, page_op_kind kind)
{
	page_op op = {.kind = kind, .x = c->x, .y = c->y, .w = c->w, .h = c->h, .fill = c->fill,
		      .stroke = c->stroke, .fill_color = c->fill_color,
		      .stroke_color = c->stroke_color, .line_width = c->line_width,
		      .radius = c->radius, .dash = dashes[c->dash]};
	page_path_seg *path = NULL;
	if (c->n_path) {
		path = xcalloc(c->n_path, sizeof *path);
		for (size_t k = 0; k < c->n_path; k++) {
			path[k].verb = verbs[c->path[k].verb];
			for (int j = 0; j < 3; j++) {
				path[k].x[j] = c->path[k].x[j];
				path[k].y[j] = c->path[k].y[j];
			}
		}
		op.path = path;
		op.n_path = c->n_path;
	}
	push(o, &op);
	free(path);
}

static void convert(chart_ops *o, const chart_op *c)
{
	switch (c->kind) {
	case CHART_OP_RECT: push_shape(o, c, PAGE_OP_RECT); break;
	case CHART_OP_LINE: push_shape(o, c, PAGE_OP_LINE); break;
	case CHART_OP_PATH: push_shape(o, c, PAGE_OP_PATH); break;
	case CHART_OP_TEXT: push_text(o, c->text->layout, c->x, c->y, c->color); break;
	case CHART_OP_FIGURE_BEGIN: {
		page_op op = {.kind = PAGE_OP_TAG_BEGIN, .name = (char *)"Figure",
			      .title = (char *)c->alt};
		push(o, &op);
		break;
	}
	case CHART_OP_FIGURE_END: {
		page_op op = {.kind = PAGE_OP_TAG_END};
		push(o, &op);
		break;
	}
	}
}

int chart_layout(typeset_ctx *t, const doc_chart *spec, int width, src_loc where,
		 chart_ops *out)
{
	chart_text_ops text = ts_chart_text_ops(t);
	chart_drawing *dr = chart_draw(spec, width, &t->sheet, &text, t->diag, where);
	size_t nc = chart_drawing_cut_count(dr), k = 0;
	if (nc) {
		out->cut_y = xcalloc(nc, sizeof *out->cut_y);
		out->cut_op = xcalloc(nc, sizeof *out->cut_op);
	}
	for (size_t i = 0; i <= chart_drawing_count(dr); i++) {
		/* One chart op may become several page ops (a text, one per
		 * line): the cut moves to the page op index. */
		while (k < nc && chart_drawing_cut(dr, k).op == i) {
			out->cut_y[k] = chart_drawing_cut(dr, k).y;
			out->cut_op[k++] = out->n;
		}
		if (i < chart_drawing_count(dr))
			convert(out, chart_drawing_op(dr, i));
	}
	out->n_cuts = k;
	out->height = chart_drawing_height(dr);
	chart_drawing_destroy(dr);
	return out->height;
}

int chart_layout_continued(typeset_ctx *t, const doc_chart *spec, int width, chart_ops *out)
{
	chart_text_ops text = ts_chart_text_ops(t);
	chart_drawing *dr = chart_draw_continued(spec, width, &t->sheet, &text);
	for (size_t i = 0; i < chart_drawing_count(dr); i++)
		convert(out, chart_drawing_op(dr, i));
	out->height = chart_drawing_height(dr);
	chart_drawing_destroy(dr);
	return out->height;
}
