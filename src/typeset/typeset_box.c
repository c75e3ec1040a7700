/* typeset_box.c - the page masters and the boxes blocks are measured into:
 * pieces, positioned ops, and Pango layouts put into them line by line
 * (one piece per line where a block may break between lines). */
#include <stdlib.h>
#include <string.h>

#include "typeset_box.h"
#include "util.h"

void make_masters(const page_setup *ps, ts_master out[2])
{
	ts_master m = {A4_SHORT, A4_LONG, MM(ps->margin_top), MM(ps->margin_bottom),
		       MM(ps->margin_left), MM(ps->margin_right)};
	out[0] = m;
	m.page_w = A4_LONG;
	m.page_h = A4_SHORT;
	out[1] = m;
}

const ts_master *page_master(const ts_master masters[2], const page *pg)
{
	return pg->width > pg->height ? &masters[1] : &masters[0];
}

size_t box_piece(box *b, int h)
{
	b->pc = xreallocarray(b->pc, b->n_pc + 1, sizeof *b->pc);
	int y = b->n_pc ? b->pc[b->n_pc - 1].y + b->pc[b->n_pc - 1].h : 0;
	b->pc[b->n_pc] = (piece){y, h};
	return b->n_pc++;
}

int box_bottom(const box *b)
{
	return b->n_pc ? b->pc[b->n_pc - 1].y + b->pc[b->n_pc - 1].h : 0;
}

/* Height of pieces [a, e). */
int box_span(const box *b, size_t a, size_t e)
{
	return e > a ? b->pc[e - 1].y + b->pc[e - 1].h - b->pc[a].y : 0;
}

void box_op_add(box *b, size_t pc, const page_op *op)
{
	if (b->n_ops == b->cap_ops) {
		b->cap_ops = b->cap_ops ? b->cap_ops * 2 : 16;
		b->ops = xreallocarray(b->ops, b->cap_ops, sizeof *b->ops);
	}
	b->ops[b->n_ops] = (box_op){*op, pc};
	ts_op_own(&b->ops[b->n_ops++].op);
}

void box_tag_begin(box *b, size_t pc, const char *name)
{
	page_op o = {.kind = PAGE_OP_TAG_BEGIN, .name = (char *)name};
	box_op_add(b, pc, &o);
}

void box_tag_end(box *b, size_t pc)
{
	page_op o = {.kind = PAGE_OP_TAG_END};
	box_op_add(b, pc, &o);
}

void box_cont_add(box *b, const page_op *op)
{
	b->cont = xreallocarray(b->cont, b->n_cont + 1, sizeof *b->cont);
	b->cont[b->n_cont] = (box_op){*op, 0};
	ts_op_own(&b->cont[b->n_cont++].op);
}

int box_rep_height(const box *b, size_t a)
{
	if (a == 0)
		return 0;
	if (b->rep1 > b->rep0 && a >= b->rep1)
		return box_span(b, b->rep0, b->rep1);
	return b->n_cont ? b->cont_h : 0;
}

void box_free(box *b)
{
	for (size_t i = 0; i < b->n_ops; i++)
		ts_op_release(&b->ops[i].op);
	for (size_t i = 0; i < b->n_cont; i++)
		ts_op_release(&b->cont[i].op);
	free(b->cont);
	free(b->ops);
	free(b->pc);
	free(b->fix);
}

void op_rect(box *b, size_t pc, int x, int y, int w, int h, uint32_t fill, int radius)
{
	page_op o = {.kind = PAGE_OP_RECT, .x = x, .y = y, .w = w, .h = h, .fill = true,
		     .fill_color = fill, .radius = radius};
	box_op_add(b, pc, &o);
}

void op_line(box *b, size_t pc, int x, int y, int dx, int dy, uint32_t color, int lw,
		    page_dash dash)
{
	page_op o = {.kind = PAGE_OP_LINE, .x = x, .y = y, .w = dx, .h = dy, .stroke = true,
		     .stroke_color = color, .line_width = lw, .dash = dash};
	box_op_add(b, pc, &o);
}


/* Vertical metrics of each line (layout-relative). */
int layout_lines(PangoLayout *l, line_info **out)
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

int layout_height(PangoLayout *l)
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


/* Line i of l with its baseline at y, into piece pc: as laid out, or
 * rejustified where Pango overfilled it (ts_rejustify_line). */
static void put_line(box *b, size_t pc, PangoLayout *l, int i, int x, int y, uint32_t color)
{
	PangoLayout *fix = ts_rejustify_line(l, i);
	page_op o = {.kind = PAGE_OP_TEXT, .x = x, .y = y, .layout = fix ? fix : l,
		     .line = fix ? 0 : i, .color = color};
	box_op_add(b, pc, &o);
	if (fix)
		g_object_unref(fix);
}

void put_layout(box *b, size_t pc, PangoLayout *l, int x, int y, uint32_t color)
{
	line_info *li;
	int n = layout_lines(l, &li);
	for (int i = 0; i < n; i++)
		put_line(b, pc, l, i, x + li[i].x, y + li[i].base, color);
	free(li);
}

size_t put_layout_split(box *b, PangoLayout *l, int x, uint32_t color, int extra)
{
	line_info *li;
	int n = layout_lines(l, &li);
	int top = box_bottom(b);
	size_t first = b->n_pc;
	for (int i = 0; i < n; i++) {
		int h = i + 1 < n ? li[i + 1].y0 - li[i].y0 : li[i].y1 - li[i].y0 + extra;
		put_line(b, box_piece(b, h), l, i, x + li[i].x, top + li[i].base, color);
	}
	free(li);
	return first;
}

/* "2. Le récit" -> number "2", rest "Le récit". */
bool split_number(const char *s, char *num, size_t cap, const char **rest)
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

void box_keep_lines(const build_ctx *bc, box *b, break_block brk)
{
	const break_rule *r = &bc->t->sheet.breaks[brk];
	b->keep_first = (size_t)r->orphans;
	b->keep_last = (size_t)r->widows;
}
