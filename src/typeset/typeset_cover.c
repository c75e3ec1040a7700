/* typeset_cover.c - blocks that take whole pages: the cover (in page
 * coordinates) and the printable interview cards (a page of cut grid per
 * piece). */
#include <stdlib.h>
#include <string.h>

#include "typeset_box.h"
#include "util.h"

/* --- cover -------------------------------------------------------------------- */

void build_cover(build_ctx *bc, box *b)
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
		y += PT(10) + layout_height(l);
		g_object_unref(l);
	}
	/* The year's cover picture (<couverture image>), in the room left
	 * between the date and the author's rule, its aspect kept. */
	const doc_image *im = s->image;
	int room_top = y + PT(30), room_bottom = PAGE_H - PT(100);
	if (im && im->px_w > 0 && im->px_h > 0 && room_bottom - room_top > PT(40)) {
		double w = TEXT_W, h = w * im->px_h / im->px_w;
		if (h > room_bottom - room_top) {
			h = room_bottom - room_top;
			w = h * im->px_w / im->px_h;
		}
		int iw = (int)(w + 0.5), ih = (int)(h + 0.5);
		page_op o = {.kind = PAGE_OP_IMAGE, .x = x + (TEXT_W - iw) / 2,
			     .y = room_top + (room_bottom - room_top - ih) / 2, .w = iw, .h = ih,
			     .name = im->path};
		box_op_add(b, pc, &o);
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

/* --- printable cards ---------------------------------------------------------- */

/* Cards to print and cut (annex 1): a grid of equal rectangles, one page of
 * grid_cols x grid_rows per piece, parted by dashed cut lines that run a
 * little past the grid so they can be followed with a ruler and a cutter.
 * Each piece is a page's worth, so the box starts on a new page and every
 * page after the first starts a new grid. */
void build_cards(build_ctx *bc, box *b)
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
