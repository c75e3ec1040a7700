/* typeset_paginate.c - "place, then draw": every block is measured once into
 * a box (a column of unbreakable pieces carrying positioned ops), then the
 * paginator places pieces on A4 pages. Page numbers (footer, contents) are
 * filled in afterwards: their boxes have a size that does not depend on the
 * numbers, so nothing is laid out twice. */
#include <stdlib.h>
#include <string.h>

#include "chart_layout.h"
#include "typeset_int.h"
#include "util.h"

#define PT(x) ((int)((x) * PANGO_SCALE + 0.5))

/* Page masters: A4 portrait (text width 165 mm by default) and A4
 * landscape, with the same margins (<page> in layouts/styles.xml, see
 * style_sheet.h; the built-in margins are 80, 70 and 63.8 pt). A part set
 * with <partie orientation="paysage"> is laid out on landscape pages: its
 * blocks are measured at that text width. The macros below read the master
 * M in scope (every function using them has one: the box's, the page's or
 * the paginator's). */
typedef struct {
	int page_w, page_h;
	int margin_t, margin_b, margin_l, margin_r;
} ts_master;

#define A4_SHORT 609563 /* 595.276 pt */
#define A4_LONG 862095  /* 841.89 pt */
#define MM(x) PT((x) * 72.0 / 25.4)

/* The portrait [0] and landscape [1] masters of sheet's page setup. */
static void make_masters(const page_setup *ps, ts_master out[2])
{
	ts_master m = {A4_SHORT, A4_LONG, MM(ps->margin_top), MM(ps->margin_bottom),
		       MM(ps->margin_left), MM(ps->margin_right)};
	out[0] = m;
	m.page_w = A4_LONG;
	m.page_h = A4_SHORT;
	out[1] = m;
}

static const ts_master *page_master(const ts_master masters[2], const page *pg)
{
	return pg->width > pg->height ? &masters[1] : &masters[0];
}

#define MARGIN_L (M->margin_l)
#define PAGE_W (M->page_w)
#define PAGE_H (M->page_h)
#define TEXT_W (PAGE_W - M->margin_l - M->margin_r)
#define BODY_TOP (M->margin_t)
#define BODY_BOTTOM (PAGE_H - M->margin_b)
/* The running head sits 34 pt above the body, its rule 27 pt; the footer
 * 32 pt below it: never closer than 10 pt (6 pt) to the page's edge. */
#define HEAD_BASE (BODY_TOP - PT(34) > PT(10) ? BODY_TOP - PT(34) : PT(10))
#define HEAD_RULE (HEAD_BASE + PT(7))
#define FOOT_BASE (BODY_BOTTOM + PT(32) < PAGE_H - PT(6) ? BODY_BOTTOM + PT(32) : PAGE_H - PT(6))

/* --- boxes --------------------------------------------------------------- */

typedef struct {
	int y, h; /* box-relative top and height; pieces are contiguous */
} piece;

typedef struct {
	page_op op; /* x relative to the text column, y to the box top */
	size_t piece;
} box_op;

typedef struct {
	size_t piece;
	int base; /* box-relative baseline of the entry's last line */
	const char *id;
} toc_fix;

typedef struct {
	const doc_block *src;
	const ts_master *m; /* page master the box is measured for */
	size_t index;
	int before, after; /* space around the box; dropped at a page top */
	bool keep_next;    /* headings: stay with the start of the next box */
	bool new_page;     /* level-1 headings */
	bool cover;        /* ops are in page coordinates, one page of its own */
	size_t keep_first, keep_last; /* orphans / widows, in pieces */
	size_t rep0, rep1; /* pieces repeated at the top of a continuation */
	piece *pc;
	size_t n_pc;
	box_op *ops;
	size_t n_ops, cap_ops;
	toc_fix *fix;
	size_t n_fix;
} box;

static size_t box_piece(box *b, int h)
{
	b->pc = xreallocarray(b->pc, b->n_pc + 1, sizeof *b->pc);
	int y = b->n_pc ? b->pc[b->n_pc - 1].y + b->pc[b->n_pc - 1].h : 0;
	b->pc[b->n_pc] = (piece){y, h};
	return b->n_pc++;
}

static int box_bottom(const box *b)
{
	return b->n_pc ? b->pc[b->n_pc - 1].y + b->pc[b->n_pc - 1].h : 0;
}

/* Height of pieces [a, e). */
static int box_span(const box *b, size_t a, size_t e)
{
	return e > a ? b->pc[e - 1].y + b->pc[e - 1].h - b->pc[a].y : 0;
}

static void box_op_add(box *b, size_t pc, const page_op *op)
{
	if (b->n_ops == b->cap_ops) {
		b->cap_ops = b->cap_ops ? b->cap_ops * 2 : 16;
		b->ops = xreallocarray(b->ops, b->cap_ops, sizeof *b->ops);
	}
	b->ops[b->n_ops] = (box_op){*op, pc};
	ts_op_own(&b->ops[b->n_ops++].op);
}

static void box_free(box *b)
{
	for (size_t i = 0; i < b->n_ops; i++)
		ts_op_release(&b->ops[i].op);
	free(b->ops);
	free(b->pc);
	free(b->fix);
}

static void op_rect(box *b, size_t pc, int x, int y, int w, int h, uint32_t fill, int radius)
{
	page_op o = {.kind = PAGE_OP_RECT, .x = x, .y = y, .w = w, .h = h, .fill = true,
		     .fill_color = fill, .radius = radius};
	box_op_add(b, pc, &o);
}

static void op_line(box *b, size_t pc, int x, int y, int dx, int dy, uint32_t color, int lw,
		    page_dash dash)
{
	page_op o = {.kind = PAGE_OP_LINE, .x = x, .y = y, .w = dx, .h = dy, .stroke = true,
		     .stroke_color = color, .line_width = lw, .dash = dash};
	box_op_add(b, pc, &o);
}

typedef struct {
	int y0, y1, base, x;
} line_info;

/* Vertical metrics of each line (layout-relative). */
static int layout_lines(PangoLayout *l, line_info **out)
{
	int n = pango_layout_get_line_count(l);
	line_info *li = xcalloc((size_t)(n ? n : 1), sizeof *li);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int i = 0;
	do {
		PangoRectangle log;
		pango_layout_iter_get_line_yrange(it, &li[i].y0, &li[i].y1);
		pango_layout_iter_get_line_extents(it, NULL, &log);
		li[i].x = log.x;
		li[i].base = pango_layout_iter_get_baseline(it);
		i++;
	} while (i < n && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	*out = li;
	return n;
}

static int layout_height(PangoLayout *l)
{
	int n = pango_layout_get_line_count(l);
	if (n == 0)
		return 0;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int y0 = 0, y1 = 0;
	while (pango_layout_iter_next_line(it))
		;
	pango_layout_iter_get_line_yrange(it, &y0, &y1);
	pango_layout_iter_free(it);
	return y1;
}

static int first_baseline(PangoLayout *l)
{
	return pango_layout_get_baseline(l);
}

/* Every line of l, drawn with its top-left at (x, y), into piece pc. */
static void put_layout(box *b, size_t pc, PangoLayout *l, int x, int y, uint32_t color)
{
	line_info *li;
	int n = layout_lines(l, &li);
	for (int i = 0; i < n; i++) {
		PangoLayout *fix = ts_rejustify_line(l, i);
		page_op o = {.kind = PAGE_OP_TEXT, .x = x + li[i].x, .y = y + li[i].base,
			     .layout = fix ? fix : l, .line = fix ? 0 : i, .color = color};
		box_op_add(b, pc, &o);
		if (fix)
			g_object_unref(fix);
	}
	free(li);
}

/* Lines of l as pieces of their own (splittable), starting at the box's
 * current bottom, at column offset x. extra is added under the last line.
 * Returns the index of the first piece. */
static size_t put_layout_split(box *b, PangoLayout *l, int x, uint32_t color, int extra)
{
	line_info *li;
	int n = layout_lines(l, &li);
	int top = box_bottom(b);
	size_t first = b->n_pc;
	for (int i = 0; i < n; i++) {
		int h = i + 1 < n ? li[i + 1].y0 - li[i].y0 : li[i].y1 - li[i].y0 + extra;
		size_t pc = box_piece(b, h);
		PangoLayout *fix = ts_rejustify_line(l, i);
		page_op o = {.kind = PAGE_OP_TEXT, .x = x + li[i].x, .y = top + li[i].base,
			     .layout = fix ? fix : l, .line = fix ? 0 : i, .color = color};
		box_op_add(b, pc, &o);
		if (fix)
			g_object_unref(fix);
	}
	free(li);
	return first;
}

/* --- headings -------------------------------------------------------------- */

/* "2. Le récit" -> number "2", rest "Le récit". */
static bool split_number(const char *s, char *num, size_t cap, const char **rest)
{
	const char *p = s;
	while (*p == ' ')
		p++;
	const char *d = p;
	while ((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9'))
		p++;
	if (p == d || (size_t)(p - d) >= cap)
		return false;
	size_t n = (size_t)(p - d);
	if (*p == '.' || *p == ')')
		p++;
	if (*p != ' ')
		return false;
	while (*p == ' ')
		p++;
	memcpy(num, d, n);
	num[n] = '\0';
	*rest = p;
	return true;
}

typedef struct {
	typeset_ctx *t;
	const doc *d;
	char **ids; /* per block: heading anchor, NULL for other blocks */
	const ts_master *m; /* master of the block being built */
} build_ctx;

static void build_heading(build_ctx *bc, box *b)
{
	const ts_master *M = bc->m;
	const doc_block *s = b->src;
	const char *id = bc->ids[b->index];
	char num[16];
	const char *rest = s->text ? s->text : "";
	bool numbered = split_number(rest, num, sizeof num, &rest);
	char *plain = doc_plain_text(s->text);
	int level = s->level < 1 ? 1 : s->level > 4 ? 4 : s->level;
	size_t pc = box_piece(b, 0);
	int y = 0;
	page_op dest = {.kind = PAGE_OP_DEST, .x = 0, .y = 0, .name = (char *)id};
	box_op_add(b, pc, &dest);
	/* Level 4 is a run-in heading: too fine-grained for the bookmarks. */
	if (level <= 3) {
		page_op ol = {.kind = PAGE_OP_OUTLINE, .level = level, .name = (char *)id,
			      .title = plain};
		box_op_add(b, pc, &ol);
	}

	if (level == 1) {
		b->new_page = true;
		b->keep_next = true;
		b->after = PT(18);
		if (numbered) {
			char *big = xasprintf("%s%s", strlen(num) == 1 ? "0" : "", num);
			PangoLayout *nl = ts_layout(bc->t, ST_H1_NUM, big, -1, -1);
			/* Top of the digits (not of the line box) sits at y = 0. */
			PangoRectangle ink;
			pango_layout_get_extents(nl, &ink, NULL);
			put_layout(b, pc, nl, 0, -ink.y, ts_style_color(bc->t, ST_H1_NUM));
			y = ink.height + PT(14);
			g_object_unref(nl);
			free(big);
		} else {
			op_rect(b, pc, 0, 0, PT(40), PT(4), ts_color(bc->t, PAL_ACCENT), 0);
			y = PT(16);
		}
		PangoLayout *tl = ts_layout(bc->t, ST_H1, rest, TEXT_W, -1);
		put_layout(b, pc, tl, 0, y, ts_style_color(bc->t, ST_H1));
		y += layout_height(tl) + PT(12);
		g_object_unref(tl);
		op_line(b, pc, 0, y, TEXT_W, 0, ts_color(bc->t, PAL_RULE), PT(0.6), PAGE_DASH_NONE);
		y += PT(1);
	} else if (level == 2) {
		b->before = PT(20);
		b->after = PT(8);
		b->keep_next = true;
		op_rect(b, pc, 0, 0, PT(24), PT(2.5), ts_color(bc->t, PAL_ACCENT), 0);
		y = PT(8);
		PangoLayout *tl = ts_layout(bc->t, ST_H2, s->text, TEXT_W, -1);
		put_layout(b, pc, tl, 0, y, ts_style_color(bc->t, ST_H2));
		y += layout_height(tl);
		g_object_unref(tl);
	} else if (level == 3) {
		b->before = PT(12);
		b->after = PT(4);
		b->keep_next = true;
		PangoLayout *tl = ts_layout(bc->t, ST_H3, s->text, TEXT_W, -1);
		put_layout(b, pc, tl, 0, 0, ts_style_color(bc->t, ST_H3));
		y = layout_height(tl);
		g_object_unref(tl);
	} else {
		b->before = PT(8);
		b->after = PT(2);
		b->keep_next = true;
		PangoLayout *tl = ts_layout(bc->t, ST_H4, s->text, TEXT_W, -1);
		put_layout(b, pc, tl, 0, 0, ts_style_color(bc->t, ST_H4));
		y = layout_height(tl);
		g_object_unref(tl);
	}
	b->pc[pc].h = y;
	b->keep_first = b->keep_last = 1;
	free(plain);
}

/* --- text blocks ------------------------------------------------------------ */

static void build_text(build_ctx *bc, box *b, ts_style st, int before, int after)
{
	const ts_master *M = bc->m;
	PangoLayout *l = ts_layout(bc->t, st, b->src->text, TEXT_W, -1);
	put_layout_split(b, l, 0, ts_style_color(bc->t, st), 0);
	g_object_unref(l);
	b->before = before;
	b->after = after;
	b->keep_first = 2;
	b->keep_last = 2;
}

static void build_list(build_ctx *bc, box *b)
{
	const ts_master *M = bc->m;
	const int step = PT(15);
	for (size_t i = 0; i < b->src->n_items; i++) {
		int level = b->src->item_levels ? b->src->item_levels[i] : 0;
		if (level > 4)
			level = 4;
		int indent = step * (level + 1);
		PangoLayout *l = ts_layout(bc->t, ST_LIST, b->src->items[i], TEXT_W - indent, -1);
		int extra = i + 1 < b->src->n_items ? PT(3.5) : 0;
		size_t first = put_layout_split(b, l, indent, ts_style_color(bc->t, ST_LIST), extra);
		int base = first_baseline(l);
		if (level == 0) {
			/* A round accent bullet centred on the x-height of line one. */
			int d = PT(4.2);
			int top = b->pc[first].y + base - PT(2.5) - d / 2;
			op_rect(b, first, PT(3), top, d, d, ts_color(bc->t, PAL_ACCENT), d / 2);
		} else {
			/* Nested items: a short grey dash, so levels read at a glance. */
			int top = b->pc[first].y + base - PT(3);
			op_rect(b, first, indent - PT(10), top, PT(5), PT(1.1), ts_color(bc->t, PAL_GREY), 0);
		}
		g_object_unref(l);
	}
	b->before = PT(2);
	b->after = PT(9);
	b->keep_first = 2;
	b->keep_last = 2;
}

/* A block quotation: indented italic text behind an accent bar, then its
 * attribution in small grey type. Quotes are short: kept on one page. */
static void build_quote(build_ctx *bc, box *b)
{
	const ts_master *M = bc->m;
	const int indent = PT(18), bar = PT(2.2);
	size_t pc = box_piece(b, 0);
	PangoLayout *l = ts_layout(bc->t, ST_QUOTE, b->src->text, TEXT_W - indent - PT(8), -1);
	put_layout(b, pc, l, indent, 0, ts_style_color(bc->t, ST_QUOTE));
	int y = layout_height(l);
	g_object_unref(l);
	if (b->src->subtitle && *b->src->subtitle) {
		char *src = xasprintf("— %s", b->src->subtitle);
		PangoLayout *sl = ts_layout(bc->t, ST_QUOTE_SOURCE, src, TEXT_W - indent, -1);
		y += PT(3);
		put_layout(b, pc, sl, indent, y, ts_style_color(bc->t, ST_QUOTE_SOURCE));
		y += layout_height(sl);
		g_object_unref(sl);
		free(src);
	}
	op_rect(b, pc, PT(4), 0, bar, y, ts_color(bc->t, PAL_ACCENT), 0);
	b->pc[pc].h = y;
	b->before = PT(4);
	b->after = PT(10);
	b->keep_first = b->keep_last = 1;
}

/* --- key figures ------------------------------------------------------------ */

static void build_tiles(build_ctx *bc, box *b)
{
	const ts_master *M = bc->m;
	const doc_block *s = b->src;
	size_t n = s->n_tiles;
	size_t per_row = n <= 4 ? n : (n + 1) / 2 > 4 ? 4 : (n + 1) / 2;
	const int gap = PT(10), pad = PT(11);
	for (size_t r0 = 0; r0 < n; r0 += per_row) {
		size_t cnt = n - r0 < per_row ? n - r0 : per_row;
		int tw = (TEXT_W - gap * (int)(per_row - 1)) / (int)per_row;
		PangoLayout *v[4], *lab[4], *det[4];
		int vh = 0, lh = 0, dh = 0;
		for (size_t k = 0; k < cnt; k++) {
			const doc_tile *tile = &s->tiles[r0 + k];
			v[k] = ts_layout(bc->t, ST_TILE_VALUE, tile->value, tw - 2 * pad, -1);
			lab[k] = ts_layout(bc->t, ST_TILE_LABEL, tile->label, tw - 2 * pad, -1);
			det[k] = tile->detail ? ts_layout(bc->t, ST_TILE_DETAIL, tile->detail,
							  tw - 2 * pad, -1)
					      : NULL;
			int h = layout_height(v[k]);
			vh = h > vh ? h : vh;
			h = layout_height(lab[k]);
			lh = h > lh ? h : lh;
			h = det[k] ? layout_height(det[k]) : 0;
			dh = h > dh ? h : dh;
		}
		/* Rows of every tile line up: values, labels and details start at
		 * the same heights, and all tiles have the height of the tallest. */
		int ybar = pad, yv = ybar + PT(8), yl = yv + vh + PT(2), yd = yl + lh + PT(5);
		int th = yd + dh + pad - (dh ? 0 : PT(5));
		if (r0 > 0)
			box_piece(b, gap);
		size_t pc = box_piece(b, th);
		int top = b->pc[pc].y;
		for (size_t k = 0; k < cnt; k++) {
			int x = (int)k * (tw + gap);
			op_rect(b, pc, x, top, tw, th, ts_color(bc->t, PAL_TINT), PT(3));
			op_rect(b, pc, x + pad, top + ybar, PT(18), PT(2.5), ts_color(bc->t, PAL_ACCENT), 0);
			put_layout(b, pc, v[k], x + pad, top + yv, ts_style_color(bc->t, ST_TILE_VALUE));
			put_layout(b, pc, lab[k], x + pad, top + yl, ts_style_color(bc->t, ST_TILE_LABEL));
			if (det[k])
				put_layout(b, pc, det[k], x + pad, top + yd,
					   ts_style_color(bc->t, ST_TILE_DETAIL));
			g_object_unref(v[k]);
			g_object_unref(lab[k]);
			if (det[k])
				g_object_unref(det[k]);
		}
	}
	b->before = PT(8);
	b->after = PT(14);
	b->keep_first = b->keep_last = b->n_pc; /* tiles stay together */
}

/* Caption above a figure; returns 1 when a caption piece was added. */
static size_t put_caption(build_ctx *bc, box *b)
{
	const ts_master *M = bc->m;
	if (!b->src->text || !*b->src->text)
		return 0;
	PangoLayout *l = ts_layout(bc->t, ST_CAPTION, b->src->text, TEXT_W, -1);
	size_t pc = box_piece(b, layout_height(l) + PT(7));
	put_layout(b, pc, l, 0, b->pc[pc].y, ts_style_color(bc->t, ST_CAPTION));
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
	put_layout(b, pc, l, 0, b->pc[pc].y + PT(5), ts_style_color(bc->t, ST_NOTE));
	g_object_unref(l);
	return 1;
}

/* A chart as one unbreakable piece: title, plot and base note stay
 * together (a figure cut in two reads wrong). */
static void put_chart(build_ctx *bc, box *b, const doc_chart *spec)
{
	const ts_master *M = bc->m;
	chart_ops co = {0};
	int h = chart_layout(bc->t, spec, TEXT_W, b->src->origin, &co);
	size_t pc = box_piece(b, h);
	int top = b->pc[pc].y;
	for (size_t i = 0; i < co.n; i++) {
		page_op o = co.ops[i];
		o.y += top;
		box_op_add(b, pc, &o);
	}
	chart_ops_free(&co);
	b->keep_first = b->keep_last = b->n_pc;
	b->before = PT(10);
	b->after = PT(14);
}

/* DOC_BARS is a one-series horizontal bar chart whose lengths are already
 * fractions of the longest bar. */
static void build_bars(build_ctx *bc, box *b)
{
	const doc_block *s = b->src;
	doc_chart *c = doc_chart_create(DOC_CHART_HBAR, s->text, s->subtitle);
	doc_chart_add_series(c, NULL);
	for (size_t i = 0; i < s->n_bars; i++) {
		const doc_bar *bar = &s->bars[i];
		size_t k = doc_chart_add_cat(c, bar->label, -1);
		doc_chart_set(c, 0, k, bar->fraction, bar->value, bar->suppressed);
	}
	c->axis_max = 1.0;
	put_chart(bc, b, c);
	doc_chart_destroy(c);
}

static void build_chart(build_ctx *bc, box *b)
{
	if (b->src->chart)
		put_chart(bc, b, b->src->chart);
}

/* A picture as one unbreakable figure with its caption above: scaled to
 * its width keeping the aspect ratio, never wider than the text nor taller
 * than the page body (with the caption), centred. */
static void build_image(build_ctx *bc, box *b)
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

static void build_table(build_ctx *bc, box *b)
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
		for (size_t c = 0; c < nc; c++) {
			/* Header labels sit on the bottom of their cell, so that
			 * one- and two-line headers share a baseline row. */
			int ch = layout_height(cell[c]);
			int y = header ? top + rh - pady - ch : top + pady;
			put_layout(b, pc, cell[c], cx[c] + padx, y,
				   is_total ? ts_color(bc->t, PAL_TEXT) : ts_style_color(bc->t, st));
			g_object_unref(cell[c]);
		}
		if (!header && !(s->total_row && r + 1 == s->n_rows) && !is_total)
			op_line(b, pc, 0, top + rh, TEXT_W, 0, ts_color(bc->t, PAL_RULE), PT(0.5), PAGE_DASH_NONE);
		if (is_total || (!s->total_row && r == s->n_rows))
			op_line(b, pc, 0, top + rh, TEXT_W, 0, ts_color(bc->t, PAL_PRIMARY), PT(0.9), PAGE_DASH_NONE);
	}
	free(cell);
	free(cw);
	free(cx);
	size_t note = put_figure_note(bc, b);
	size_t rows = s->n_rows < 2 ? s->n_rows : 2;
	b->keep_first = head + 1 + rows;
	b->keep_last = rows + note;
	if (b->keep_last < 1)
		b->keep_last = 1;
	b->before = PT(10);
	b->after = PT(14);
}

/* --- printable cards ---------------------------------------------------------- */

/* Cards to print and cut (annex 1): a grid of equal rectangles, one page of
 * grid_cols x grid_rows per piece, parted by dashed cut lines that run a
 * little past the grid so they can be followed with a ruler and a cutter.
 * Each piece is a page's worth, so the box starts on a new page and every
 * page after the first starts a new grid. */
static void build_cards(build_ctx *bc, box *b)
{
	const ts_master *M = bc->m;
	const doc_block *s = b->src;
	int cols = s->grid_cols > 0 ? s->grid_cols : 3;
	int rows = s->grid_rows > 0 ? s->grid_rows : 4;
	const int body_h = BODY_BOTTOM - BODY_TOP - PT(2);
	const int cw = TEXT_W / cols, ch = body_h / rows;
	const int pad = PT(10), over = PT(10);
	size_t per_page = (size_t)cols * (size_t)rows;
	for (size_t first = 0; first < s->n_items; first += per_page) {
		size_t n = s->n_items - first < per_page ? s->n_items - first : per_page;
		int used = (int)((n + (size_t)cols - 1) / (size_t)cols);
		size_t pc = box_piece(b, used * ch);
		int top = b->pc[pc].y;
		for (size_t k = 0; k < n; k++) {
			int x = (int)(k % (size_t)cols) * cw, y = top + (int)(k / (size_t)cols) * ch;
			PangoLayout *l = ts_layout(bc->t, ST_CARD, s->items[first + k], cw - 2 * pad,
						   PANGO_ALIGN_CENTER);
			int lh = layout_height(l);
			int ly = y + (ch - lh) / 2;
			op_rect(b, pc, x + (cw - PT(26)) / 2, ly - PT(16), PT(26), PT(2.5), ts_color(bc->t, PAL_ACCENT),
				0);
			put_layout(b, pc, l, x + pad, ly, ts_style_color(bc->t, ST_CARD));
			g_object_unref(l);
			if (s->subtitle && *s->subtitle) {
				PangoLayout *m = ts_layout(bc->t, ST_CARD_MENTION, s->subtitle,
							   cw - 2 * pad, PANGO_ALIGN_CENTER);
				put_layout(b, pc, m, x + pad, y + ch - pad - layout_height(m),
					   ts_style_color(bc->t, ST_CARD_MENTION));
				g_object_unref(m);
			}
		}
		/* Cut lines: every row and column boundary of the cards on this
		 * page, the outer edges included. A partly filled last row is
		 * cut only as far as its cards go. */
		for (int r = 0; r <= used; r++) {
			/* Row boundary r spans the wider of the rows above and below. */
			size_t above = r > 0 ? n - (size_t)(r - 1) * (size_t)cols : 0;
			size_t below = r < used ? n - (size_t)r * (size_t)cols : 0;
			size_t span = above > below ? above : below;
			if (span > (size_t)cols)
				span = (size_t)cols;
			op_line(b, pc, -over, top + r * ch, (int)span * cw + 2 * over, 0, ts_color(bc->t, PAL_GREY),
				PT(0.6), PAGE_DASH_DASHED);
		}
		for (int c = 0; c <= cols; c++) {
			/* Column c bounds the cards in columns c - 1 and c. */
			int depth = 0;
			for (int r = 0; r < used; r++) {
				size_t left = (size_t)r * (size_t)cols + (size_t)c; /* card right of it */
				bool has = (c < cols && left < n) || (c > 0 && left - 1 < n);
				if (has)
					depth = r + 1;
			}
			/* Past the grid's outer edge the line runs on as a crop
			 * mark; inside a partly filled page it stops at the cards. */
			if (depth > 0)
				op_line(b, pc, c * cw, top - over, 0,
					depth * ch + over + (depth == used ? over : 0), ts_color(bc->t, PAL_GREY),
					PT(0.6), PAGE_DASH_DASHED);
		}
	}
	b->new_page = true;
	b->keep_first = b->keep_last = 1;
}

/* --- contents ---------------------------------------------------------------- */

static void build_toc(build_ctx *bc, box *b)
{
	const ts_master *M = bc->m;
	const int num_col = PT(26), page_col = PT(30);
	PangoLayout *tl = ts_layout(bc->t, ST_TOC_TITLE, "Sommaire", -1, -1);
	PangoRectangle ink;
	pango_layout_get_extents(tl, &ink, NULL);
	size_t pc = box_piece(b, 0);
	op_rect(b, pc, 0, 0, PT(40), PT(4), ts_color(bc->t, PAL_ACCENT), 0);
	put_layout(b, pc, tl, 0, PT(16), ts_style_color(bc->t, ST_TOC_TITLE));
	int y = PT(16) + layout_height(tl) + PT(14);
	op_line(b, pc, 0, y, TEXT_W, 0, ts_color(bc->t, PAL_RULE), PT(0.6), PAGE_DASH_NONE);
	b->pc[pc].h = y + PT(8);
	g_object_unref(tl);

	size_t nd = doc_count(bc->d);
	/* A contents that overflows its page by a few entries looks like an
	 * accident: when tighter gaps (down to 40 % of the normal ones) let it
	 * fit on one page, tighten them instead of spilling. Heights are
	 * measured on the real layouts. */
	int fixed = b->pc[pc].h, gaps = 0;
	for (size_t i = 0; i < nd; i++) {
		const doc_block *h = doc_at(bc->d, i);
		if (h->kind != DOC_HEADING || h->level < 1 || h->level > 2)
			continue;
		bool l1 = h->level == 1;
		char num[16];
		const char *rest = h->text ? h->text : "";
		if (l1)
			split_number(rest, num, sizeof num, &rest);
		int indent = num_col + (l1 ? 0 : PT(2));
		PangoLayout *l = ts_layout(bc->t, l1 ? ST_TOC1 : ST_TOC2, l1 ? rest : h->text,
					   TEXT_W - indent - page_col - PT(20), -1);
		fixed += layout_height(l) + PT(3.5);
		gaps += l1 ? PT(10) : PT(3.5);
		g_object_unref(l);
	}
	int room = BODY_BOTTOM - BODY_TOP - PT(4);
	double squeeze = 1.0;
	if (fixed + gaps > room && gaps > 0 && room > fixed) {
		squeeze = (double)(room - fixed) / gaps;
		if (squeeze < 0.4)
			squeeze = 1.0; /* too long for one page anyway: normal spacing */
	}
	for (size_t i = 0; i < nd; i++) {
		const doc_block *h = doc_at(bc->d, i);
		if (h->kind != DOC_HEADING || h->level < 1 || h->level > 2)
			continue;
		bool l1 = h->level == 1;
		char num[16];
		const char *rest = h->text ? h->text : "";
		bool numbered = l1 && split_number(rest, num, sizeof num, &rest);
		ts_style st = l1 ? ST_TOC1 : ST_TOC2;
		int indent = num_col + (l1 ? 0 : PT(2));
		PangoLayout *l = ts_layout(bc->t, st, l1 ? rest : h->text,
					   TEXT_W - indent - page_col - PT(20), -1);
		int before = (int)((l1 ? PT(10) : PT(3.5)) * squeeze);
		int lh = layout_height(l);
		size_t p = box_piece(b, before + lh + PT(3.5));
		int top = b->pc[p].y + before;
		put_layout(b, p, l, indent, top, ts_style_color(bc->t, st));
		if (numbered) {
			char *big = xasprintf("%s%s", strlen(num) == 1 ? "0" : "", num);
			PangoLayout *nl = ts_layout(bc->t, ST_TOC1, big, -1, -1);
			put_layout(b, p, nl, 0, top, ts_color(bc->t, PAL_ACCENT));
			g_object_unref(nl);
			free(big);
		}
		/* Dot leader from the end of the last line to the number column;
		 * its length does not depend on the number. */
		line_info *li;
		int n = layout_lines(l, &li);
		PangoRectangle lr;
		pango_layout_line_get_extents(pango_layout_get_line_readonly(l, n - 1), NULL, &lr);
		int base = top + li[n - 1].base;
		int lx = indent + lr.x + lr.width + PT(6);
		int rx = TEXT_W - page_col + PT(8);
		if (rx > lx)
			op_line(b, p, lx, base - PT(0.5), rx - lx, 0, ts_color(bc->t, PAL_RULE), PT(1.1),
				PAGE_DASH_DOTTED);
		free(li);
		page_op link = {.kind = PAGE_OP_LINK, .x = 0, .y = top - PT(2), .w = TEXT_W,
				.h = lh + PT(4), .name = bc->ids[i]};
		box_op_add(b, p, &link);
		b->fix = xreallocarray(b->fix, b->n_fix + 1, sizeof *b->fix);
		b->fix[b->n_fix++] = (toc_fix){p, base, bc->ids[i]};
		g_object_unref(l);
	}
	b->new_page = true;
	b->after = PT(10);
	b->keep_first = b->n_pc < 3 ? b->n_pc : 3;
	b->keep_last = 1;
}

/* --- cover -------------------------------------------------------------------- */

static void build_cover(build_ctx *bc, box *b)
{
	const ts_master *M = bc->m;
	const doc_block *s = b->src;
	const int band = PT(350);
	size_t pc = box_piece(b, PAGE_H);
	b->cover = true;
	op_rect(b, pc, 0, 0, PAGE_W, band, ts_color(bc->t, PAL_PRIMARY), 0);
	op_rect(b, pc, 0, band, PAGE_W, PT(6), ts_color(bc->t, PAL_ACCENT), 0);
	int x = MARGIN_L;
	if (s->extra2 && *s->extra2) {
		char *plain = doc_plain_text(s->extra2);
		char *up = g_utf8_strup(plain, -1);
		char *esc = doc_escape(up);
		PangoLayout *l = ts_layout(bc->t, ST_COVER_ORG, esc, TEXT_W, -1);
		put_layout(b, pc, l, x, PT(62), ts_style_color(bc->t, ST_COVER_ORG));
		op_rect(b, pc, x, PT(62) + layout_height(l) + PT(10), PT(40), PT(1.2), ts_color(bc->t, PAL_ACCENT),
			0);
		g_object_unref(l);
		free(esc);
		g_free(up);
		free(plain);
	}
	PangoLayout *tl = ts_layout(bc->t, ST_COVER_TITLE, s->text, TEXT_W * 9 / 10, -1);
	put_layout(b, pc, tl, x, band - PT(44) - layout_height(tl), ts_color(bc->t, PAL_WHITE));
	g_object_unref(tl);
	int y = band + PT(46);
	if (s->subtitle && *s->subtitle) {
		PangoLayout *l = ts_layout(bc->t, ST_COVER_SUB, s->subtitle, TEXT_W * 5 / 6, -1);
		put_layout(b, pc, l, x, y, ts_style_color(bc->t, ST_COVER_SUB));
		y += layout_height(l) + PT(22);
		g_object_unref(l);
	}
	if (s->extra && *s->extra) {
		op_rect(b, pc, x, y, PT(24), PT(2.5), ts_color(bc->t, PAL_ACCENT), 0);
		PangoLayout *l = ts_layout(bc->t, ST_COVER_DATE, s->extra, TEXT_W, -1);
		put_layout(b, pc, l, x, y + PT(10), ts_style_color(bc->t, ST_COVER_DATE));
		g_object_unref(l);
	}
	const doc_meta *m = doc_meta_lookup(bc->d);
	op_line(b, pc, x, PAGE_H - PT(86), TEXT_W, 0, ts_color(bc->t, PAL_RULE), PT(0.6), PAGE_DASH_NONE);
	if (m->author && *m->author) {
		char *esc = doc_escape(m->author);
		PangoLayout *l = ts_layout(bc->t, ST_NOTE, esc, TEXT_W, -1);
		put_layout(b, pc, l, x, PAGE_H - PT(76), ts_color(bc->t, PAL_GREY_BLUE));
		g_object_unref(l);
		free(esc);
	}
}

/* --- pagination ---------------------------------------------------------------- */

typedef struct {
	typeset_ctx *t;
	page_list *pl;
	page *pg;
	int y;          /* cursor on the page */
	bool at_top;    /* nothing placed in the body of this page yet */
	bool force_new; /* a page break or a level-1 heading is pending */
	int prev_after;
	const ts_master *m;       /* master of the current page */
	const ts_master *masters; /* portrait [0] and landscape [1] */
	/* TOC numbers to fill once every heading has a page. */
	struct {
		size_t page;
		int base;
		const char *id;
		size_t block;
	} *fix;
	size_t n_fix;
} pstate;

static void new_page(pstate *st)
{
	const ts_master *M = st->m;
	st->pg = ts_page_add(st->pl, PAGE_W, PAGE_H);
	st->y = BODY_TOP;
	st->at_top = true;
	st->force_new = false;
	st->prev_after = 0;
}

static void emit_range(pstate *st, const box *b, size_t a, size_t e, int dy, int dx)
{
	for (size_t i = 0; i < b->n_ops; i++) {
		if (b->ops[i].piece < a || b->ops[i].piece >= e)
			continue;
		page_op o = b->ops[i].op;
		o.block = (long)b->index;
		o.x += dx;
		o.y += dy;
		ts_page_push(st->pg, &o);
	}
	for (size_t i = 0; i < b->n_fix; i++) {
		if (b->fix[i].piece < a || b->fix[i].piece >= e)
			continue;
		st->fix = xreallocarray(st->fix, st->n_fix + 1, sizeof *st->fix);
		st->fix[st->n_fix].page = page_list_count(st->pl) - 1;
		st->fix[st->n_fix].base = b->fix[i].base + dy;
		st->fix[st->n_fix].id = b->fix[i].id;
		st->fix[st->n_fix].block = b->index;
		st->n_fix++;
	}
}

/* Place pieces [a, e) with the repeated header first on a continuation. */
static void emit_pieces(pstate *st, const box *b, size_t a, size_t e, int y)
{
	const ts_master *M = st->m;
	if (a > 0 && b->rep1 > b->rep0 && a >= b->rep1) {
		emit_range(st, b, b->rep0, b->rep1, y - b->pc[b->rep0].y, MARGIN_L);
		y += box_span(b, b->rep0, b->rep1);
	}
	emit_range(st, b, a, e, y - b->pc[a].y, MARGIN_L);
	st->y = y + box_span(b, a, e);
	st->at_top = false;
}

static char *block_name(const doc_block *s, size_t index)
{
	const char *m = s->text ? s->text
			: s->n_items  ? s->items[0]
			: s->n_tiles  ? s->tiles[0].label
			: s->n_bars   ? s->bars[0].label
			: s->chart && s->chart->title ? s->chart->title
				      : "";
	char *plain = doc_plain_text(m);
	/* Cut on a character boundary. */
	bool cut = g_utf8_strlen(plain, -1) > 40;
	int len = cut ? (int)(g_utf8_offset_to_pointer(plain, 40) - plain) : (int)strlen(plain);
	char *name = xasprintf("block %zu (%s \"%.*s%s\")", index + 1, doc_kind_name(s->kind), len,
			       plain, cut ? "\xE2\x80\xA6" : "");
	free(plain);
	return name;
}

static void place_box(pstate *st, const box *b)
{
	const ts_master *M = st->m;
	if (b->cover) {
		if (!st->at_top)
			new_page(st);
		st->pg->is_cover = true;
		emit_range(st, b, 0, b->n_pc, 0, 0);
		st->at_top = false;
		st->force_new = true;
		return;
	}
	if (b->n_pc == 0)
		return;
	bool warned = false;
	size_t a = 0, n = b->n_pc;
	while (a < n) {
		int gap = st->at_top ? 0 : (b->before > st->prev_after ? b->before : st->prev_after);
		int hdr = (a > 0 && b->rep1 > b->rep0 && a >= b->rep1) ? box_span(b, b->rep0, b->rep1)
									: 0;
		int room = BODY_BOTTOM - st->y - gap - hdr;
		size_t k = 0;
		while (a + k < n && box_span(b, a, a + k + 1) <= room)
			k++;
		if (a + k < n) {
			/* Widows: leave at least keep_last pieces for the next
			 * page; orphans: start with at least keep_first. */
			size_t left = n - a - k;
			if (left < b->keep_last)
				k = (n - a > b->keep_last) ? n - a - b->keep_last : 0;
			size_t min_first = a == 0 ? b->keep_first : 1;
			if (k < min_first)
				k = 0;
		}
		if (k == 0) {
			if (!st->at_top) {
				new_page(st);
				continue;
			}
			/* An empty page and still nothing fits: take what fits
			 * regardless of widows, plus the next piece when no page
			 * could ever hold it (it then overflows this one). */
			while (a + k < n && box_span(b, a, a + k + 1) <= room)
				k++;
			int body_h = BODY_BOTTOM - BODY_TOP - hdr;
			if (k == 0 || (a + k < n && box_span(b, a + k, a + k + 1) > body_h)) {
				k++;
				if (!warned) {
					char *name = block_name(b->src, b->index);
					diag_emit(st->t->diag, DIAG_WARNING, b->src->origin, NULL,
						  "%s is taller than a page (%d pt, %d pt available); "
						  "placed at the top of a page, it runs into the "
						  "bottom margin",
						  name, box_span(b, a + k - 1, a + k) / PANGO_SCALE,
						  (BODY_BOTTOM - BODY_TOP) / PANGO_SCALE);
					free(name);
					warned = true;
				}
			}
		}
		emit_pieces(st, b, a, a + k, st->y + gap);
		a += k;
		if (a < n)
			new_page(st);
	}
	st->prev_after = b->after;
}

/* Height needed on the current page for box i to start: the whole of a
 * heading chain plus the minimum start (orphans) of the block it leads. */
static int lead_height(const box *bx, size_t n, size_t i, int depth)
{
	const box *b = &bx[i];
	if (b->n_pc == 0 || depth > 8)
		return 0;
	if (!b->keep_next) {
		size_t k = b->keep_first < b->n_pc ? b->keep_first : b->n_pc;
		/* A box too short to leave keep_last pieces after its first
		 * keep_first (a three-line paragraph with 2 + 2) cannot split:
		 * it moves whole, so a heading must see it whole. */
		if (b->n_pc - k < b->keep_last)
			k = b->n_pc;
		return box_span(b, 0, k);
	}
	int h = box_bottom(b);
	size_t j = i + 1;
	while (j < n && bx[j].n_pc == 0 && !bx[j].new_page &&
	       bx[j].src->kind != DOC_PAGE_BREAK)
		j++;
	if (j < n && bx[j].n_pc && !bx[j].new_page && !bx[j].cover) {
		int gap = bx[j].before > b->after ? bx[j].before : b->after;
		h += gap + lead_height(bx, n, j, depth + 1);
	}
	return h;
}

/* Running heads, footers and contents numbers: filled once every page
 * exists. Each is a small layout of its own; the body is not touched. */
/* One side of the running head: the (short) title or the current
 * section, laid out at the portrait width. */
static PangoLayout *head_layout(typeset_ctx *t, const ts_master *M, page_head what, bool right,
				const char *markup)
{
	if (what == PAGE_HEAD_TITLE && !right)
		return ts_layout(t, ST_RUNHEAD, markup, TEXT_W / 2, -1);
	PangoLayout *l = ts_layout(t, ST_RUNHEAD, markup, TEXT_W / 2 - PT(10),
				   right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	return l;
}

static void finish_pages(pstate *st, const doc *d)
{
	typeset_ctx *t = st->t;
	const page_setup *ps = &t->sheet.page;
	size_t np = page_list_count(st->pl);
	const doc_meta *m = doc_meta_lookup(d);
	/* Running heads are laid out once at the portrait width and placed
	 * on each page by that page's master. Side 0 is the left one. */
	const ts_master *const portrait = &st->masters[0];
	const ts_master *M = portrait;
	const page_head what[2] = {ps->head_left, ps->head_right};
	PangoLayout *title_l[2] = {NULL, NULL}, *sec_l[2] = {NULL, NULL};
	char *short_esc = doc_escape(m->short_title ? m->short_title : m->title ? m->title : "");
	for (int side = 0; side < 2; side++)
		if (what[side] == PAGE_HEAD_TITLE)
			title_l[side] = head_layout(t, portrait, PAGE_HEAD_TITLE, side, short_esc);
	free(short_esc);
	bool head = what[0] != PAGE_HEAD_EMPTY || what[1] != PAGE_HEAD_EMPTY;
	const char *sec = NULL;
	for (size_t i = 0; i < np; i++) {
		page *pg = ts_page_lookup(st->pl, i);
		for (size_t k = 0; k < pg->n_ops; k++) {
			const page_op *o = &pg->ops[k];
			if (o->kind == PAGE_OP_OUTLINE && o->level == 1 && (!sec || strcmp(sec, o->title))) {
				sec = o->title;
				char num[16];
				const char *rest = sec;
				split_number(sec, num, sizeof num, &rest);
				char *esc = doc_escape(rest);
				for (int side = 0; side < 2; side++) {
					if (what[side] != PAGE_HEAD_SECTION)
						continue;
					if (sec_l[side])
						g_object_unref(sec_l[side]);
					sec_l[side] = head_layout(t, portrait, PAGE_HEAD_SECTION, side,
								  esc);
				}
				free(esc);
			}
		}
		if (pg->is_cover)
			continue;
		M = page_master(st->masters, pg);
		for (int side = 0; side < 2; side++) {
			PangoLayout *l = what[side] == PAGE_HEAD_TITLE ? title_l[side] : sec_l[side];
			if (!l)
				continue;
			page_op o = {.kind = PAGE_OP_TEXT, .x = MARGIN_L, .y = HEAD_BASE, .layout = l,
				     .color = what[side] == PAGE_HEAD_TITLE
						      ? ts_style_color(t, ST_RUNHEAD)
						      : ts_color(t, PAL_PRIMARY),
				     .block = -1};
			if (side == 1) {
				PangoRectangle lr;
				pango_layout_line_get_extents(pango_layout_get_line_readonly(l, 0),
							      NULL, &lr);
				o.x = MARGIN_L + TEXT_W / 2 + PT(10) + lr.x;
			}
			ts_page_push(pg, &o);
		}
		if (head) {
			page_op rule = {.kind = PAGE_OP_LINE, .x = MARGIN_L, .y = HEAD_RULE,
					.w = TEXT_W, .stroke = true,
					.stroke_color = ts_color(t, PAL_RULE),
					.line_width = PT(0.5), .block = -1};
			ts_page_push(pg, &rule);
		}

		if (ps->foot == PAGE_FOOT_EMPTY)
			continue;
		char *foot = ps->foot == PAGE_FOOT_PAGE ? xasprintf("page %zu", i + 1)
							: xasprintf("page %zu / %zu", i + 1, np);
		PangoLayout *fl = ts_layout(t, ST_FOOTER, foot, -1, -1);
		PangoRectangle fr;
		pango_layout_get_extents(fl, NULL, &fr);
		page_op fo = {.kind = PAGE_OP_TEXT, .x = MARGIN_L + TEXT_W - fr.width, .y = FOOT_BASE,
			      .layout = fl, .color = ts_style_color(t, ST_FOOTER), .block = -1};
		ts_page_push(pg, &fo);
		page_op mark = {.kind = PAGE_OP_RECT, .x = MARGIN_L + TEXT_W - fr.width - PT(14),
				.y = FOOT_BASE - PT(5.5), .w = PT(8), .h = PT(2), .fill = true,
				.fill_color = ts_color(t, PAL_ACCENT), .block = -1};
		ts_page_push(pg, &mark);
		g_object_unref(fl);
		free(foot);
	}
	for (int side = 0; side < 2; side++) {
		if (title_l[side])
			g_object_unref(title_l[side]);
		if (sec_l[side])
			g_object_unref(sec_l[side]);
	}

	for (size_t i = 0; i < st->n_fix; i++) {
		long p = page_list_find_dest(st->pl, st->fix[i].id);
		if (p < 0)
			continue;
		char *num = xasprintf("%ld", p + 1);
		PangoLayout *nl = ts_layout(t, ST_TOC_NUM, num, -1, -1);
		M = page_master(st->masters, ts_page_lookup(st->pl, st->fix[i].page));
		PangoRectangle r;
		pango_layout_get_extents(nl, NULL, &r);
		page_op o = {.kind = PAGE_OP_TEXT, .x = MARGIN_L + TEXT_W - r.width,
			     .y = st->fix[i].base, .layout = nl, .color = ts_style_color(t, ST_TOC_NUM),
			     .block = (long)st->fix[i].block};
		ts_page_push(ts_page_lookup(st->pl, st->fix[i].page), &o);
		g_object_unref(nl);
		free(num);
	}
}

/* Anchors: the heading's id, or "sec-N"; duplicates get a suffix and a
 * warning, since a PDF link to an ambiguous name is broken. */
static char **make_ids(typeset_ctx *t, const doc *d)
{
	size_t n = doc_count(d);
	char **ids = xcalloc(n ? n : 1, sizeof *ids);
	for (size_t i = 0; i < n; i++) {
		const doc_block *b = doc_at(d, i);
		if (b->kind != DOC_HEADING)
			continue;
		char *id = b->id && *b->id ? xstrdup(b->id) : xasprintf("sec-%zu", i + 1);
		for (size_t k = 0; k < i; k++) {
			if (ids[k] && strcmp(ids[k], id) == 0) {
				diag_emit(t->diag, DIAG_WARNING, b->origin, "id",
					  "heading id \"%s\" is used twice; renamed \"%s-%zu\"", id,
					  id, i + 1);
				char *nid = xasprintf("%s-%zu", id, i + 1);
				free(id);
				id = nid;
				break;
			}
		}
		ids[i] = id;
	}
	return ids;
}

page_list *typeset_document(typeset_ctx *t, const doc *document)
{
	size_t n = doc_count(document);
	ts_master masters[2];
	make_masters(&t->sheet.page, masters);
	const ts_master *portrait = &masters[0], *landscape = &masters[1];
	build_ctx bc = {t, document, make_ids(t, document), portrait};
	box *bx = xcalloc(n ? n : 1, sizeof *bx);
	const ts_master *part_master = portrait;
	for (size_t i = 0; i < n; i++) {
		box *b = &bx[i];
		b->src = doc_at(document, i);
		b->index = i;
		/* A level-1 heading sets the master of its part; the cover and
		 * the contents are portrait. */
		if (b->src->kind == DOC_HEADING && b->src->level <= 1)
			part_master = b->src->landscape ? landscape : portrait;
		b->m = b->src->kind == DOC_COVER || b->src->kind == DOC_TOC ? portrait : part_master;
		bc.m = b->m;
		switch (b->src->kind) {
		case DOC_COVER: build_cover(&bc, b); break;
		case DOC_TOC: build_toc(&bc, b); break;
		case DOC_HEADING: build_heading(&bc, b); break;
		case DOC_PARAGRAPH: build_text(&bc, b, ST_BODY, 0, PT(7)); break;
		case DOC_LEAD: build_text(&bc, b, ST_LEAD, PT(2), PT(14)); break;
		case DOC_NOTE: build_text(&bc, b, ST_NOTE, PT(4), PT(9)); break;
		case DOC_LIST: build_list(&bc, b); break;
		case DOC_QUOTE: build_quote(&bc, b); break;
		case DOC_TILES: build_tiles(&bc, b); break;
		case DOC_BARS: build_bars(&bc, b); break;
		case DOC_CHART: build_chart(&bc, b); break;
		case DOC_TABLE: build_table(&bc, b); break;
		case DOC_CARDS: build_cards(&bc, b); break;
		case DOC_IMAGE: build_image(&bc, b); break;
		case DOC_PAGE_BREAK:
		case DOC_KEEP_BEGIN:
		case DOC_KEEP_END:
		case DOC__KINDS: break;
		}
	}

	pstate st = {.t = t, .pl = ts_page_list_create(), .m = portrait, .masters = masters};
	new_page(&st);
	for (size_t i = 0; i < n; i++) {
		const box *b = &bx[i];
		doc_kind k = b->src->kind;
		if (k == DOC_PAGE_BREAK) {
			st.force_new = true;
			continue;
		}
		if (k == DOC_KEEP_END)
			continue;
		if (b->m != st.m && b->n_pc > 0) {
			/* Another master: a fresh page of that size (the empty page
			 * at hand just changes size). */
			st.m = b->m;
			if (st.at_top && !st.pg->is_cover) {
				st.pg->width = st.m->page_w;
				st.pg->height = st.m->page_h;
			} else
				new_page(&st);
		}
		const ts_master *M = st.m;
		const int body_h = BODY_BOTTOM - BODY_TOP;
		if ((st.force_new || b->new_page) && !st.at_top)
			new_page(&st);
		st.force_new = false;
		if (k == DOC_KEEP_BEGIN) {
			/* The group moves to a new page when it would fit there
			 * but not here; a group taller than a page just flows. */
			int h = 0, after = 0, depth = 0;
			for (size_t j = i + 1; j < n; j++) {
				doc_kind kj = bx[j].src->kind;
				if (kj == DOC_KEEP_BEGIN)
					depth++;
				if (kj == DOC_KEEP_END && depth-- == 0)
					break;
				if (bx[j].n_pc == 0)
					continue;
				if (h)
					h += bx[j].before > after ? bx[j].before : after;
				h += box_bottom(&bx[j]);
				after = bx[j].after;
			}
			int gap = st.at_top ? 0 : st.prev_after;
			if (!st.at_top && h <= body_h && st.y + gap + h > BODY_BOTTOM)
				new_page(&st);
			continue;
		}
		if (b->keep_next && !st.at_top) {
			int gap = b->before > st.prev_after ? b->before : st.prev_after;
			int need = lead_height(bx, n, i, 0);
			if (need <= body_h && st.y + gap + need > BODY_BOTTOM)
				new_page(&st);
		}
		place_box(&st, b);
	}
	finish_pages(&st, document);

	for (size_t i = 0; i < n; i++) {
		box_free(&bx[i]);
		free(bc.ids[i]);
	}
	free(bc.ids);
	free(bx);
	free(st.fix);
	return st.pl;
}
