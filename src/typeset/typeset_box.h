/* typeset_box.h - internals of pagination ("place, then draw"): the page
 * masters, the boxes that blocks are measured into (a column of
 * unbreakable pieces carrying positioned ops) and the block builders.
 *
 *   typeset_box.c       masters, boxes, layouts into boxes
 *   typeset_blocks.c    headings, paragraphs, lists, quotes, key figures
 *   typeset_figures.c   captions, charts, images, tables
 *   typeset_cover.c     whole-page blocks: the cover and printable cards
 *   typeset_toc.c       the contents
 *   typeset_place.h     placing boxes on pages (typeset_place.c), the keep
 *                       rules (typeset_keep.c), heads and footers
 *                       (typeset_finish.c)
 *   typeset_paginate.c  typeset_document(): build every box, then place */
#ifndef RECIT_TYPESET_BOX_H
#define RECIT_TYPESET_BOX_H

#include "typeset_int.h"

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

/* The portrait [0] and landscape [1] masters of a page setup. */
void make_masters(const page_setup *ps, ts_master out[2]);
const ts_master *page_master(const ts_master masters[2], const page *pg);

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
	/* Or ops drawn only at the top of a continuation, never in the flow
	 * (a long chart's title « (suite) » and legend): y from 0, cont_h tall. */
	box_op *cont;
	size_t n_cont;
	int cont_h;
	piece *pc;
	size_t n_pc;
	box_op *ops;
	size_t n_ops, cap_ops;
	toc_fix *fix;
	size_t n_fix;
} box;

/* A new piece of height h at the bottom of b; returns its index. */
size_t box_piece(box *b, int h);
int box_bottom(const box *b);
/* Height of pieces [a, e). */
int box_span(const box *b, size_t a, size_t e);
/* Append a copy of op to piece pc (it owns its resources). */
void box_op_add(box *b, size_t pc, const page_op *op);
/* Begin (end) a structure element (a static name: "LI") in piece pc; the
 * piece may not exist yet (a begin before the item's first line). */
void box_tag_begin(box *b, size_t pc, const char *name);
void box_tag_end(box *b, size_t pc);
/* Append a copy of op to the continuation head (box.cont). */
void box_cont_add(box *b, const page_op *op);
/* Height of what a continuation starting at piece a repeats on top: the
 * table header or the continuation head; 0 at the box's start. */
int box_rep_height(const box *b, size_t a);
void box_free(box *b);
void op_rect(box *b, size_t pc, int x, int y, int w, int h, uint32_t fill, int radius);
void op_line(box *b, size_t pc, int x, int y, int dx, int dy, uint32_t color, int lw,
	     page_dash dash);

typedef struct {
	int y0, y1, base, x;
} line_info;

/* Vertical metrics of each line (layout-relative); caller frees *out. */
int layout_lines(PangoLayout *l, line_info **out);
/* Bottom of the last line. */
int layout_height(PangoLayout *l);
/* Every line of l, drawn with its top-left at (x, y), into piece pc. */
void put_layout(box *b, size_t pc, PangoLayout *l, int x, int y, uint32_t color);
/* Lines of l as pieces of their own (splittable), starting at the box's
 * current bottom, at column offset x. extra is added under the last line.
 * Returns the index of the first piece. */
size_t put_layout_split(box *b, PangoLayout *l, int x, uint32_t color, int extra);
/* "2. Le récit" -> number "2", rest "Le récit". */
bool split_number(const char *s, char *num, size_t cap, const char **rest);

/* --- block builders: each fills box b for its block b->src --------------- */
typedef struct {
	typeset_ctx *t;
	const doc *d;
	char **ids; /* per block: heading anchor, NULL for other blocks */
	const ts_master *m; /* master of the block being built */
} build_ctx;

/* A box of one piece per line keeps the widows and orphans of rule brk
 * of the context's style sheet. */
void box_keep_lines(const build_ctx *bc, box *b, break_block brk);
void build_heading(build_ctx *bc, box *b);                                /* typeset_blocks.c */
/* Paragraphs, leads and notes: text in style st, breaking by rule brk. */
void build_text(build_ctx *bc, box *b, ts_style st, break_block brk, int before,
		int after);                                               /* typeset_blocks.c */
void build_list(build_ctx *bc, box *b);                                   /* typeset_blocks.c */
void build_quote(build_ctx *bc, box *b);                                  /* typeset_blocks.c */
void build_tiles(build_ctx *bc, box *b);                                  /* typeset_blocks.c */
/* A chart as one unbreakable piece, or, when taller than a page, one
 * piece per row of bars with its title « (suite) » repeated
 * (typeset_figures.c). */
void put_chart(build_ctx *bc, box *b, const doc_chart *spec);
void build_chart(build_ctx *bc, box *b);                                  /* typeset_figures.c */
void build_image(build_ctx *bc, box *b);                                  /* typeset_figures.c */
void build_table(build_ctx *bc, box *b);                                  /* typeset_figures.c */
void build_cards(build_ctx *bc, box *b);                                  /* typeset_cover.c */
void build_cover(build_ctx *bc, box *b);                                  /* typeset_cover.c */
void build_toc(build_ctx *bc, box *b);                                    /* typeset_toc.c */

#endif
