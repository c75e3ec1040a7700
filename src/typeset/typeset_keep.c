/* typeset_keep.c - the keep rules of pagination, as pure decisions on
 * measured boxes: widows and orphans (keep_first / keep_last pieces, set
 * by the builders from the style sheet), headings kept with the start of
 * what follows, and <garder> groups moved whole. */
#include <stdlib.h>

#include "typeset_place.h"
#include "util.h"

size_t keep_trim(const box *b, size_t a, size_t k)
{
	size_t n = b->n_pc;
	/* Widows: leave at least keep_last pieces for the next page; orphans:
	 * start with at least keep_first. */
	size_t left = n - a - k;
	if (left < b->keep_last)
		k = (n - a > b->keep_last) ? n - a - b->keep_last : 0;
	size_t min_first = a == 0 ? b->keep_first : 1;
	if (k < min_first)
		k = 0;
	return k;
}

int lead_height(const box *bx, size_t n, size_t i, int depth)
{
	const box *b = &bx[i];
	if (b->n_pc == 0 || depth > 8)
		return 0;
	if (!b->keep_next) {
		size_t k = b->keep_first < b->n_pc ? b->keep_first : b->n_pc;
		/* A box too short to leave keep_last pieces after its first
		 * keep_first (a three-line paragraph with 2 + 2) cannot split:
		 * it moves whole, so a heading must see it whole. */
		if (b->n_pc - k < b->keep_last)
			k = b->n_pc;
		return box_span(b, 0, k);
	}
	int h = box_bottom(b);
	size_t j = i + 1;
	while (j < n && bx[j].n_pc == 0 && !bx[j].new_page &&
	       bx[j].src->kind != DOC_PAGE_BREAK)
		j++;
	if (j < n && bx[j].n_pc && !bx[j].new_page && !bx[j].cover) {
		int gap = bx[j].before > b->after ? bx[j].before : b->after;
		h += gap + lead_height(bx, n, j, depth + 1);
	}
	return h;
}

int keep_group_height(const box *bx, size_t n, size_t i)
{
	int h = 0, after = 0, depth = 0;
	for (size_t j = i + 1; j < n; j++) {
		doc_kind kj = bx[j].src->kind;
		if (kj == DOC_KEEP_BEGIN)
			depth++;
		if (kj == DOC_KEEP_END && depth-- == 0)
			break;
		if (bx[j].n_pc == 0)
			continue;
		if (h)
			h += bx[j].before > after ? bx[j].before : after;
		h += box_bottom(&bx[j]);
		after = bx[j].after;
	}
	return h;
}
