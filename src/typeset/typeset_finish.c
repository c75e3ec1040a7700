/* typeset_finish.c - what is filled in once every page exists: running
 * heads (the title, or the current section), footers (page numbers) and
 * the contents' page numbers. Each is a small layout of its own; the body
 * is not touched. */
#include <stdlib.h>
#include <string.h>

#include "typeset_place.h"
#include "util.h"

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

void finish_pages(pstate *st, const doc *d)
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
