/* typeset_toc.c - the contents: a title, then one piece per level-1 and
 * level-2 heading with a dot leader and a link; the page numbers are
 * filled in once every heading has a page (typeset_finish.c). */
#include <stdlib.h>
#include <string.h>

#include "typeset_box.h"
#include "util.h"

/* --- contents ---------------------------------------------------------------- */

/* Columns of the entries: the level-1 number, then the page number. */
#define NUM_COL PT(26)
#define PAGE_COL PT(30)

/* A contents entry for heading h (level 1 or 2), laid out in its column
 * at *indent; num receives a level-1 heading's number, "" when none. */
static PangoLayout *toc_entry(build_ctx *bc, const doc_block *h, char num[16], int *indent)
{
	const ts_master *M = bc->m;
	bool l1 = h->level == 1;
	const char *rest = h->text ? h->text : "";
	num[0] = '\0';
	if (l1)
		split_number(rest, num, 16, &rest);
	*indent = NUM_COL + (l1 ? 0 : PT(2));
	return ts_layout(bc->t, l1 ? ST_TOC1 : ST_TOC2, l1 ? rest : h->text,
			 TEXT_W - *indent - PAGE_COL - PT(20), -1);
}

/* The headings the contents lists. */
static bool in_toc(const doc_block *h)
{
	return h->kind == DOC_HEADING && h->level >= 1 && h->level <= 2;
}

/* A contents that overflows its page by a few entries looks like an
 * accident: when tighter gaps (down to 40 % of the normal ones) let it fit
 * on one page, tighten them instead of spilling. Heights are measured on
 * the real layouts, under a title head_h high. Returns the factor of the
 * gaps. */
static double toc_squeeze(build_ctx *bc, int head_h)
{
	const ts_master *M = bc->m;
	int fixed = head_h, gaps = 0;
	for (size_t i = 0; i < doc_count(bc->d); i++) {
		const doc_block *h = doc_at(bc->d, i);
		if (!in_toc(h))
			continue;
		char num[16];
		int indent;
		PangoLayout *l = toc_entry(bc, h, num, &indent);
		fixed += layout_height(l) + PT(3.5);
		gaps += h->level == 1 ? PT(10) : PT(3.5);
		g_object_unref(l);
	}
	int room = BODY_BOTTOM - BODY_TOP - PT(4);
	double squeeze = 1.0;
	if (fixed + gaps > room && gaps > 0 && room > fixed) {
		squeeze = (double)(room - fixed) / gaps;
		if (squeeze < 0.4)
			squeeze = 1.0; /* too long for one page anyway: normal spacing */
	}
	return squeeze;
}

void build_toc(build_ctx *bc, box *b)
{
	const ts_master *M = bc->m;
	PangoLayout *tl = ts_layout(bc->t, ST_TOC_TITLE, "Sommaire", -1, -1);
	size_t pc = box_piece(b, 0);
	op_rect(b, pc, 0, 0, PT(40), PT(4), ts_color(bc->t, PAL_ACCENT), 0);
	box_tag_begin(b, pc, "P");
	put_layout(b, pc, tl, 0, PT(16), ts_style_color(bc->t, ST_TOC_TITLE));
	box_tag_end(b, pc);
	int y = PT(16) + layout_height(tl) + PT(14);
	op_line(b, pc, 0, y, TEXT_W, 0, ts_color(bc->t, PAL_RULE), PT(0.6), PAGE_DASH_NONE);
	b->pc[pc].h = y + PT(8);
	g_object_unref(tl);

	size_t nd = doc_count(bc->d);
	double squeeze = toc_squeeze(bc, b->pc[pc].h);
	for (size_t i = 0; i < nd; i++) {
		const doc_block *h = doc_at(bc->d, i);
		if (!in_toc(h))
			continue;
		bool l1 = h->level == 1;
		char num[16];
		int indent;
		PangoLayout *l = toc_entry(bc, h, num, &indent);
		bool numbered = num[0] != '\0';
		ts_style st = l1 ? ST_TOC1 : ST_TOC2;
		int before = (int)((l1 ? PT(10) : PT(3.5)) * squeeze);
		int lh = layout_height(l);
		size_t p = box_piece(b, before + lh + PT(3.5));
		int top = b->pc[p].y + before;
		/* TOCI > P (number, then title) and the Link: the entry is read
		 * in that order; the dot leader and page number are artifacts. */
		box_tag_begin(b, p, "TOCI");
		box_tag_begin(b, p, "P");
		if (numbered) {
			char *big = xasprintf("%s%s", strlen(num) == 1 ? "0" : "", num);
			PangoLayout *nl = ts_layout(bc->t, ST_TOC1, big, -1, -1);
			put_layout(b, p, nl, 0, top, ts_color(bc->t, PAL_ACCENT));
			g_object_unref(nl);
			free(big);
		}
		put_layout(b, p, l, indent, top, ts_style_color(bc->t, st));
		box_tag_end(b, p);
		/* Dot leader from the end of the last line to the number column;
		 * its length does not depend on the number. */
		line_info *li;
		int n = layout_lines(l, &li);
		PangoRectangle lr;
		pango_layout_line_get_extents(pango_layout_get_line_readonly(l, n - 1), NULL, &lr);
		int base = top + li[n - 1].base;
		int lx = indent + lr.x + lr.width + PT(6);
		int rx = TEXT_W - PAGE_COL + PT(8);
		if (rx > lx)
			op_line(b, p, lx, base - PT(0.5), rx - lx, 0, ts_color(bc->t, PAL_RULE), PT(1.1),
				PAGE_DASH_DOTTED);
		free(li);
		page_op link = {.kind = PAGE_OP_LINK, .x = 0, .y = top - PT(2), .w = TEXT_W,
				.h = lh + PT(4), .name = bc->ids[i]};
		box_op_add(b, p, &link);
		box_tag_end(b, p);
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
