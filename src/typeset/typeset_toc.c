/* typeset_toc.c - the contents: a title, then one piece per level-1 and
 * level-2 heading with a dot leader and a link; the page numbers are
 * filled in once every heading has a page (typeset_finish.c). */
#include <stdlib.h>
#include <string.h>

#include "typeset_box.h"
#include "util.h"

/* --- contents ---------------------------------------------------------------- */

void build_toc(build_ctx *bc, box *b)
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
	/* The title piece comes on top of the entries kept with it. */
	const break_rule *r = &bc->t->sheet.breaks[BREAK_CONTENTS];
	size_t first = 1 + (size_t)r->orphans;
	b->keep_first = b->n_pc < first ? b->n_pc : first;
	b->keep_last = (size_t)r->widows;
}
