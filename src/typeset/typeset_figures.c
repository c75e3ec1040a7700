/* typeset_figures.c - the builders of figures: caption and note pieces,
 * charts (laid out by chart_layout.h, one unbreakable piece, or cut between
 * rows when taller than a page), images and
 * tables (rows as pieces, the header repeated on a continuation). */
#include <stdlib.h>
#include <string.h>

#include "typeset_box.h"
#include "chart_layout.h"
#include "util.h"

/* Caption above a figure; returns 1 when a caption piece was added. */
static size_t put_caption(build_ctx *bc, box *b)
{
	const ts_master *M = bc->m;
	if (!b->src->text || !*b->src->text)
		return 0;
	PangoLayout *l = ts_layout(bc->t, ST_CAPTION, b->src->text, TEXT_W, -1);
	size_t pc = box_piece(b, layout_height(l) + PT(7));
	box_tag_begin(b, pc, "Caption");
	put_layout(b, pc, l, 0, b->pc[pc].y, ts_style_color(bc->t, ST_CAPTION));
	box_tag_end(b, pc);
	g_object_unref(l);
	return 1;
}

static size_t put_figure_note(build_ctx *bc, box *b)
{
	const ts_master *M = bc->m;
	if (!b->src->subtitle || !*b->src->subtitle)
		return 0;
	PangoLayout *l = ts_layout(bc->t, ST_NOTE, b->src->subtitle, TEXT_W, -1);
	size_t pc = box_piece(b, layout_height(l) + PT(5));
	box_tag_begin(b, pc, "P");
	put_layout(b, pc, l, 0, b->pc[pc].y + PT(5), ts_style_color(bc->t, ST_NOTE));
	box_tag_end(b, pc);
	g_object_unref(l);
	return 1;
}

/* A chart as one unbreakable piece: title, plot and base note stay
 * together (a figure cut in two reads wrong) - unless it is taller than a
 * page. Then it becomes one piece per part between its cuts (rows of
 * bars), keeping at its start and its end as many rows as a table keeps
 * (widows and orphans of the table rule), and each page it continues on
 * starts with its title « (suite) » and its legend. One Figure element
 * spans the parts, and every part keeps the one scale of the chart. */
void put_chart(build_ctx *bc, box *b, const doc_chart *spec)
{
	const ts_master *M = bc->m;
	chart_ops co = {0};
	int h = chart_layout(bc->t, spec, TEXT_W, b->src->origin, &co);
	int base = box_bottom(b);
	size_t first = b->n_pc;
	bool split = h > BODY_BOTTOM - BODY_TOP && co.n_cuts > 0;
	size_t parts = split ? co.n_cuts + 1 : 1;
	for (size_t k = 0; k < parts; k++) {
		int y0 = k == 0 ? 0 : co.cut_y[k - 1], y1 = k + 1 < parts ? co.cut_y[k] : h;
		size_t o0 = k == 0 ? 0 : co.cut_op[k - 1], o1 = k + 1 < parts ? co.cut_op[k] : co.n;
		size_t pc = box_piece(b, y1 - y0);
		for (size_t i = o0; i < o1; i++) {
			page_op o = co.ops[i];
			o.y += base;
			box_op_add(b, pc, &o);
		}
	}
	chart_ops_free(&co);
	b->keep_first = b->keep_last = b->n_pc;
	if (split) {
		chart_ops head = {0};
		b->cont_h = chart_layout_continued(bc->t, spec, TEXT_W, &head);
		for (size_t i = 0; i < head.n; i++)
			box_cont_add(b, &head.ops[i]);
		chart_ops_free(&head);
		const break_rule *r = &bc->t->sheet.breaks[BREAK_TABLE];
		size_t n = b->n_pc - first;
		size_t orphans = r->orphans > 0 ? (size_t)r->orphans : 1;
		size_t widows = r->widows > 0 ? (size_t)r->widows : 1;
		/* The first piece holds the title (and legend) with row one. */
		b->keep_first = first + (orphans < n ? orphans : n);
		b->keep_last = widows < n ? widows : n;
	}
	b->before = PT(10);
	b->after = PT(14);
}

void build_chart(build_ctx *bc, box *b)
{
	if (b->src->chart)
		put_chart(bc, b, b->src->chart);
}

/* A picture as one unbreakable figure with its caption above: scaled to
 * its width keeping the aspect ratio, never wider than the text nor taller
 * than the page body (with the caption), centred. */
void build_image(build_ctx *bc, box *b)
{
	const ts_master *M = bc->m;
	const doc_image *im = b->src->image;
	if (!im || im->px_w <= 0 || im->px_h <= 0)
		return;
	size_t cap = put_caption(bc, b);
	double w = im->width_mm > 0 ? im->width_mm * 72.0 / 25.4 * PANGO_SCALE
				    : im->fraction * TEXT_W;
	if (w > TEXT_W)
		w = TEXT_W;
	double h = w * im->px_h / im->px_w;
	double max_h = BODY_BOTTOM - BODY_TOP - (cap ? box_bottom(b) : 0);
	if (h > max_h) {
		h = max_h;
		w = h * im->px_w / im->px_h;
	}
	int iw = (int)(w + 0.5), ih = (int)(h + 0.5);
	if (iw < 1)
		iw = 1;
	if (ih < 1)
		ih = 1;
	size_t pc = box_piece(b, ih);
	int top = b->pc[pc].y;
	page_op tag = {.kind = PAGE_OP_TAG_BEGIN, .name = (char *)"Figure",
		       .title = b->src->subtitle};
	box_op_add(b, pc, &tag);
	page_op o = {.kind = PAGE_OP_IMAGE, .x = (TEXT_W - iw) / 2, .y = top, .w = iw, .h = ih,
		     .name = im->path, .title = b->src->subtitle};
	box_op_add(b, pc, &o);
	page_op end = {.kind = PAGE_OP_TAG_END};
	box_op_add(b, pc, &end);
	b->keep_first = b->keep_last = b->n_pc;
	b->before = PT(10);
	b->after = PT(14);
}

void build_table(build_ctx *bc, box *b)
{
	const ts_master *M = bc->m;
	const doc_block *s = b->src;
	size_t nc = s->n_cols;
	if (nc == 0)
		return;
	const int padx = PT(5), pady = PT(4.2);
	int *cw = xcalloc(nc, sizeof *cw), *cx = xcalloc(nc, sizeof *cx);
	double total = 0;
	for (size_t c = 0; c < nc; c++)
		total += s->cols[c].width > 0 ? s->cols[c].width : 1.0;
	int x = 0;
	for (size_t c = 0; c < nc; c++) {
		double w = s->cols[c].width > 0 ? s->cols[c].width : 1.0;
		cx[c] = x;
		cw[c] = c + 1 == nc ? TEXT_W - x : (int)(TEXT_W * w / total);
		x += cw[c];
	}
	/* Table > Caption, TR > TH (header row) or TD; rules and tints
	 * stay outside the cells. */
	box_tag_begin(b, b->n_pc, "Table");
	size_t head = put_caption(bc, b);
	PangoLayout **cell = xcalloc(nc, sizeof *cell);
	for (size_t r = 0; r <= s->n_rows; r++) {
		bool header = r == 0;
		bool is_total = !header && s->total_row && r == s->n_rows;
		ts_style st = header ? ST_TABLE_HEAD : is_total ? ST_TABLE_TOTAL : ST_TABLE;
		int rh = 0;
		for (size_t c = 0; c < nc; c++) {
			const char *m = header ? s->cols[c].header : s->cells[(r - 1) * nc + c];
			PangoAlignment a = s->cols[c].align == DOC_ALIGN_RIGHT    ? PANGO_ALIGN_RIGHT
					   : s->cols[c].align == DOC_ALIGN_CENTER ? PANGO_ALIGN_CENTER
										  : PANGO_ALIGN_LEFT;
			cell[c] = ts_layout(bc->t, st, m ? m : "", cw[c] - 2 * padx, (int)a);
			int h = layout_height(cell[c]);
			rh = h > rh ? h : rh;
		}
		rh += 2 * pady;
		size_t pc = box_piece(b, rh);
		int top = b->pc[pc].y;
		if (header) {
			op_rect(b, pc, 0, top, TEXT_W, rh, ts_color(bc->t, PAL_TINT_HEAD), 0);
			b->rep0 = pc;
			b->rep1 = pc + 1;
		} else if (is_total) {
			op_line(b, pc, 0, top, TEXT_W, 0, ts_color(bc->t, PAL_PRIMARY), PT(0.9), PAGE_DASH_NONE);
		}
		box_tag_begin(b, pc, "TR");
		for (size_t c = 0; c < nc; c++) {
			/* Header labels sit on the bottom of their cell, so that
			 * one- and two-line headers share a baseline row. */
			int ch = layout_height(cell[c]);
			int y = header ? top + rh - pady - ch : top + pady;
			box_tag_begin(b, pc, header ? "TH" : "TD");
			put_layout(b, pc, cell[c], cx[c] + padx, y,
				   is_total ? ts_color(bc->t, PAL_TEXT) : ts_style_color(bc->t, st));
			box_tag_end(b, pc);
			g_object_unref(cell[c]);
		}
		box_tag_end(b, pc);
		if (!header && !(s->total_row && r + 1 == s->n_rows) && !is_total)
			op_line(b, pc, 0, top + rh, TEXT_W, 0, ts_color(bc->t, PAL_RULE), PT(0.5), PAGE_DASH_NONE);
		if (is_total || (!s->total_row && r == s->n_rows))
			op_line(b, pc, 0, top + rh, TEXT_W, 0, ts_color(bc->t, PAL_PRIMARY), PT(0.9), PAGE_DASH_NONE);
	}
	box_tag_end(b, b->n_pc - 1);
	free(cell);
	free(cw);
	free(cx);
	size_t note = put_figure_note(bc, b);
	/* Orphans: the caption and header come with the first body rows;
	 * widows: the note goes with the last ones. */
	const break_rule *r = &bc->t->sheet.breaks[BREAK_TABLE];
	size_t first_rows = s->n_rows < (size_t)r->orphans ? s->n_rows : (size_t)r->orphans;
	size_t last_rows = s->n_rows < (size_t)r->widows ? s->n_rows : (size_t)r->widows;
	b->keep_first = head + 1 + first_rows;
	b->keep_last = last_rows + note;
	if (b->keep_last < 1)
		b->keep_last = 1;
	b->before = PT(10);
	b->after = PT(14);
}
