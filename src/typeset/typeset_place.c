/* typeset_place.c - boxes onto pages: the cursor, new pages, pieces
 * emitted at their place (the table header repeated on a continuation),
 * and a box that no page can hold reported as an error. */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "typeset_place.h"
#include "util.h"

void new_page(pstate *st)
{
	const ts_master *M = st->m;
	st->pg = ts_page_add(st->pl, PAGE_W, PAGE_H);
	st->y = BODY_TOP;
	st->at_top = true;
	st->force_new = false;
	st->prev_after = 0;
}

/* Emit the ops of pieces [a, e). Structure elements stay balanced on the
 * page: one still open from an earlier piece is reopened first (a list item
 * cut by the page break continues as an item of the same list), and one
 * left open at the end is closed, so that the running head and footer never
 * fall inside an element (Cairo would reopen it around them). A Figure is
 * the exception: a chart continued over pages stays one element with one
 * text alternative (typeset_figures.c), and holds no element of its own. */
static bool spans_pages(const page_op *o)
{
	return o->name && strcmp(o->name, "Figure") == 0;
}

static void emit_range(pstate *st, const box *b, size_t a, size_t e, int dy, int dx, bool tags)
{
	size_t *open = NULL, n_open = 0;
	for (size_t i = 0; tags && i < b->n_ops && b->ops[i].piece < a; i++) {
		if (b->ops[i].op.kind == PAGE_OP_TAG_BEGIN) {
			open = xreallocarray(open, n_open + 1, sizeof *open);
			open[n_open++] = i;
		} else if (b->ops[i].op.kind == PAGE_OP_TAG_END && n_open) {
			n_open--;
		}
	}
	for (size_t k = 0; k < n_open; k++) {
		page_op o = b->ops[open[k]].op;
		if (spans_pages(&o))
			continue;
		o.block = (long)b->index;
		ts_page_push(st->pg, &o);
	}
	for (size_t i = 0; i < b->n_ops; i++) {
		if (b->ops[i].piece < a || b->ops[i].piece >= e)
			continue;
		page_op o = b->ops[i].op;
		o.block = (long)b->index;
		o.x += dx;
		o.y += dy;
		if (!tags && (o.kind == PAGE_OP_TAG_BEGIN || o.kind == PAGE_OP_TAG_END))
			continue;
		if (o.kind == PAGE_OP_TAG_BEGIN) {
			open = xreallocarray(open, n_open + 1, sizeof *open);
			open[n_open++] = i;
		} else if (o.kind == PAGE_OP_TAG_END) {
			if (!n_open)
				continue; /* closes one this page never opened */
			n_open--;
		}
		ts_page_push(st->pg, &o);
	}
	for (; n_open; n_open--) {
		if (spans_pages(&b->ops[open[n_open - 1]].op))
			continue;
		page_op o = {.kind = PAGE_OP_TAG_END, .block = (long)b->index};
		ts_page_push(st->pg, &o);
	}
	free(open);
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

/* The structure element a box's text is tagged with in the PDF (H1-H3, P,
 * BlockQuote), or NULL. Only boxes whose ops carry no element of their own
 * are wrapped: Cairo 1.16 marks the content of leaf elements only, so text
 * drawn directly in an element that also holds a Figure or a Link would be
 * left untagged. The element is opened and closed on each page the box
 * reaches, so the running head and footer never fall inside it. */
static const char *struct_name(const box *b)
{
	static const char *const h[] = {"H1", "H2", "H3"};
	/* Lists and tables tag their parts themselves: they get the container. */
	if (b->src->kind == DOC_LIST)
		return "L";
	if (b->src->kind == DOC_TOC)
		return "TOC";
	if (b->src->kind == DOC_TILES)
		return "Div";
	for (size_t i = 0; i < b->n_ops; i++) {
		page_op_kind k = b->ops[i].op.kind;
		if (k == PAGE_OP_TAG_BEGIN || k == PAGE_OP_LINK)
			return NULL;
	}
	switch (b->src->kind) {
	case DOC_HEADING:
		return b->src->level >= 1 && b->src->level <= 3 ? h[b->src->level - 1] : "P";
	case DOC_PARAGRAPH:
	case DOC_LEAD:
	case DOC_NOTE: return "P";
	case DOC_QUOTE: return "BlockQuote";
	case DOC_COVER:
	case DOC_CARDS: return "P"; /* whole pages of text and shapes */
	default: return NULL;
	}
}

/* Place pieces [a, e) with the repeated header first on a continuation. */
static void emit_pieces(pstate *st, const box *b, size_t a, size_t e, int y)
{
	const ts_master *M = st->m;
	const char *tag = struct_name(b);
	if (tag) {
		page_op o = {.kind = PAGE_OP_TAG_BEGIN, .name = (char *)tag, .block = (long)b->index};
		ts_page_push(st->pg, &o);
	}
	if (a > 0 && b->rep1 > b->rep0 && a >= b->rep1) {
		/* The repeated header is a copy, not content: untagged. */
		emit_range(st, b, b->rep0, b->rep1, y - b->pc[b->rep0].y, MARGIN_L, false);
		y += box_span(b, b->rep0, b->rep1);
	} else if (a > 0 && b->n_cont) {
		for (size_t i = 0; i < b->n_cont; i++) {
			page_op o = b->cont[i].op;
			o.block = (long)b->index;
			o.x += MARGIN_L;
			o.y += y;
			ts_page_push(st->pg, &o);
		}
		y += b->cont_h;
	}
	emit_range(st, b, a, e, y - b->pc[a].y, MARGIN_L, true);
	if (tag) {
		page_op o = {.kind = PAGE_OP_TAG_END, .block = (long)b->index};
		ts_page_push(st->pg, &o);
	}
	st->y = y + box_span(b, a, e);
	st->at_top = false;
}

static char *block_name(const doc_block *s, size_t index)
{
	const char *m = s->text ? s->text
			: s->n_items  ? s->items[0]
			: s->n_tiles  ? s->tiles[0].label
			: s->chart && s->chart->title ? s->chart->title
				      : "";
	char *plain = doc_plain_text(m);
	/* Cut on a character boundary. */
	bool cut = g_utf8_strlen(plain, -1) > 40;
	int len = cut ? (int)(g_utf8_offset_to_pointer(plain, 40) - plain) : (int)strlen(plain);
	/* TRANSLATORS: a block of the report in a message: its number, its
	 * kind ("paragraph") and the start of its text. */
	char *name = xasprintf(_("block %zu (%s \"%.*s%s\")"), index + 1,
			       _(doc_kind_name(s->kind)), len, plain, cut ? "\xE2\x80\xA6" : "");
	free(plain);
	return name;
}

void place_box(pstate *st, const box *b)
{
	const ts_master *M = st->m;
	if (b->cover) {
		if (!st->at_top)
			new_page(st);
		st->pg->is_cover = true;
		const char *tag = struct_name(b);
		if (tag) {
			page_op o = {.kind = PAGE_OP_TAG_BEGIN, .name = (char *)tag,
				     .block = (long)b->index};
			ts_page_push(st->pg, &o);
		}
		emit_range(st, b, 0, b->n_pc, 0, 0, true);
		if (tag) {
			page_op o = {.kind = PAGE_OP_TAG_END, .block = (long)b->index};
			ts_page_push(st->pg, &o);
		}
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
		int hdr = box_rep_height(b, a);
		int room = BODY_BOTTOM - st->y - gap - hdr;
		size_t k = 0;
		while (a + k < n && box_span(b, a, a + k + 1) <= room)
			k++;
		if (a + k < n)
			k = keep_trim(b, a, k);
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
					/* Every block that can break does so between its
					 * pieces; one piece taller than the page is a
					 * mistake of the template (or of data it does not
					 * cut), and a page drawn over its footer is not a
					 * report to hand out. */
					char *name = block_name(b->src, b->index);
					diag_emit(st->t->diag, DIAG_ERROR, b->src->origin, NULL,
						  "%s is taller than a page (%d pt, %d pt available) "
						  "and cannot be cut; make it shorter in the template "
						  "(a chart: fewer categories, a smaller \"hauteur\" "
						  "or \"haut\"; a table: shorter cells)",
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
