/* typeset_bars.c - DOC_BARS, the older bar block, drawn as a one-series
 * horizontal bar chart. Kept whole in this file so that it goes in one
 * piece once the templates lower <barres> to a chart. */
#include <stdlib.h>
#include <string.h>

#include "typeset_box.h"
#include "util.h"

/* DOC_BARS is a one-series horizontal bar chart whose lengths are already
 * fractions of the longest bar. */
void build_bars(build_ctx *bc, box *b)
{
	const doc_block *s = b->src;
	doc_chart *c = doc_chart_create(DOC_CHART_HBAR, s->text, s->subtitle);
	doc_chart_add_series(c, NULL);
	for (size_t i = 0; i < s->n_bars; i++) {
		const doc_bar *bar = &s->bars[i];
		size_t k = doc_chart_add_cat(c, bar->label, -1);
		doc_chart_set(c, 0, k, bar->fraction, bar->value, bar->suppressed);
	}
	c->axis_max = 1.0;
	put_chart(bc, b, c);
	doc_chart_destroy(c);
}
