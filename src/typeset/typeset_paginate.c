/* typeset_paginate.c - typeset_document(): "place, then draw". Every block
 * is measured once into a box (typeset_box.h: a column of unbreakable
 * pieces carrying positioned ops, built by typeset_blocks.c and its
 * siblings), then the boxes are placed on A4 pages (typeset_place.h) under
 * the keep rules. Page numbers (footer, contents) are filled in afterwards:
 * their boxes have a size that does not depend on the numbers, so nothing
 * is laid out twice. */
#include <stdlib.h>
#include <string.h>

#include "typeset_place.h"
#include "util.h"

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
		t->origin = b->src->origin;
		switch (b->src->kind) {
		case DOC_COVER: build_cover(&bc, b); break;
		case DOC_TOC: build_toc(&bc, b); break;
		case DOC_HEADING: build_heading(&bc, b); break;
		case DOC_PARAGRAPH: build_text(&bc, b, ST_BODY, BREAK_PARAGRAPH, 0, PT(7)); break;
		case DOC_LEAD: build_text(&bc, b, ST_LEAD, BREAK_LEAD, PT(2), PT(14)); break;
		case DOC_NOTE: build_text(&bc, b, ST_NOTE, BREAK_NOTE, PT(4), PT(9)); break;
		case DOC_LIST: build_list(&bc, b); break;
		case DOC_QUOTE: build_quote(&bc, b); break;
		case DOC_TILES: build_tiles(&bc, b); break;
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

	t->origin = SRC_LOC_NONE; /* running heads, page numbers: no block's */
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
			int h = keep_group_height(bx, n, i);
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
