/* typeset_place.h - placing measured boxes on pages: the paginator's
 * state and its steps (typeset_place.c), the keep rules that decide where
 * a box may break or must move (typeset_keep.c), and what is filled in
 * once every page exists (typeset_finish.c). */
#ifndef RECIT_TYPESET_PLACE_H
#define RECIT_TYPESET_PLACE_H

#include "typeset_box.h"

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

/* --- typeset_place.c ------------------------------------------------------ */
/* A fresh page of the current master; the cursor at the body's top. */
void new_page(pstate *st);
/* Place box b from the cursor on, over as many pages as it takes, breaking
 * only where the keep rules allow. */
void place_box(pstate *st, const box *b);

/* --- typeset_keep.c -------------------------------------------------------- */
/* Widows and orphans: of the k pieces of b from piece a that fit on this
 * page, how many may stay here (0: move to the next page). Leaves at least
 * b->keep_last pieces for the next page and starts with at least
 * b->keep_first (when a is the box's first piece). */
size_t keep_trim(const box *b, size_t a, size_t k);
/* Height needed on the current page for box i to start: the whole of a
 * heading chain plus the minimum start (orphans) of the block it leads. */
int lead_height(const box *bx, size_t n, size_t i, int depth);
/* Height of the keep group opened by the DOC_KEEP_BEGIN box i, up to its
 * DOC_KEEP_END, gaps between its boxes included. */
int keep_group_height(const box *bx, size_t n, size_t i);

/* --- typeset_finish.c ------------------------------------------------------ */
/* Running heads, footers and the contents' page numbers. */
void finish_pages(pstate *st, const doc *d);

#endif
