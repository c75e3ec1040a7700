/* draw.h - output of typeset pages: PDF, PNG preview, text trace.
 *
 * The only stage that draws with Cairo. Both files are written to a
 * temporary file beside the target and renamed at the end, so a failure
 * leaves any previous file intact. */
#ifndef RECIT_DRAW_H
#define RECIT_DRAW_H

#include <stdio.h>

#include "diag.h"
#include "doc.h"
#include "typeset.h"

/* The whole document as PDF: metadata from meta (creation and modification
 * dates from meta->date_iso, never the clock, so two runs are
 * byte-identical), outline, named destinations, contents links. Returns 0,
 * or -1 after a diag error. */
int draw_pdf(diag_sink *d, const page_list *pages, const doc_meta *meta, const char *path);

/* One page (0-based) as PNG at dpi dots per inch. Returns 0 or -1. */
int draw_png(diag_sink *d, const page_list *pages, size_t page_index, double dpi,
	     const char *path);

/* Every op of every page as stable text (integer Pango units), for golden
 * tests and `--dump=pages`. */
void draw_trace(const page_list *pages, FILE *out);

#endif
