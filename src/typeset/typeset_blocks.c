/* typeset_blocks.c - the builders of text blocks: headings (numbered
 * level 1, accent rules, bookmarks and anchors), paragraphs, leads and
 * notes, lists, quotations and key-figure tiles. */
#include <stdlib.h>
#include <string.h>

#include "typeset_box.h"
#include "util.h"

static int first_baseline(PangoLayout *l)
{
	return pango_layout_get_baseline(l);
}

void build_heading(build_ctx *bc, box *b)
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
	} else {
		/* Levels 3 and 4: the text alone, tighter at level 4. */
		ts_style st = level == 3 ? ST_H3 : ST_H4;
		b->before = level == 3 ? PT(12) : PT(8);
		b->after = level == 3 ? PT(4) : PT(2);
		b->keep_next = true;
		PangoLayout *tl = ts_layout(bc->t, st, s->text, TEXT_W, -1);
		put_layout(b, pc, tl, 0, 0, ts_style_color(bc->t, st));
		y = layout_height(tl);
		g_object_unref(tl);
	}
	b->pc[pc].h = y;
	b->keep_first = b->keep_last = 1;
	free(plain);
}

/* --- text blocks ------------------------------------------------------------ */

void build_text(build_ctx *bc, box *b, ts_style st, break_block brk, int before, int after)
{
	const ts_master *M = bc->m;
	PangoLayout *l = ts_layout(bc->t, st, b->src->text, TEXT_W, -1);
	put_layout_split(b, l, 0, ts_style_color(bc->t, st), 0);
	g_object_unref(l);
	b->before = before;
	b->after = after;
	box_keep_lines(bc, b, brk);
}

void build_list(build_ctx *bc, box *b)
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
		/* LI > LBody around the item's lines; the bullet, drawn
		 * after, is a decoration outside the structure. */
		box_tag_begin(b, b->n_pc, "LI");
		box_tag_begin(b, b->n_pc, "LBody");
		size_t first = put_layout_split(b, l, indent, ts_style_color(bc->t, ST_LIST), extra);
		box_tag_end(b, b->n_pc - 1);
		box_tag_end(b, b->n_pc - 1);
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
	box_keep_lines(bc, b, BREAK_LIST);
}

/* A block quotation: indented italic text behind an accent bar, then its
 * attribution in small grey type. Quotes are short: kept on one page. */
void build_quote(build_ctx *bc, box *b)
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

void build_tiles(build_ctx *bc, box *b)
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
			/* One P per card, its value then its label and detail:
			 * read card by card (the tint and bar are artifacts). */
			box_tag_begin(b, pc, "P");
			put_layout(b, pc, v[k], x + pad, top + yv, ts_style_color(bc->t, ST_TILE_VALUE));
			put_layout(b, pc, lab[k], x + pad, top + yl, ts_style_color(bc->t, ST_TILE_LABEL));
			if (det[k])
				put_layout(b, pc, det[k], x + pad, top + yd,
					   ts_style_color(bc->t, ST_TILE_DETAIL));
			box_tag_end(b, pc);
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
