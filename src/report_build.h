/* report_build.h - the annual report's document tree, built in code from the
 * model and the statistics. The layout-template engine (layouts/ (XML)) will
 * produce the same doc_block sequence; until then this is its reference. */
#ifndef RECIT_REPORT_BUILD_H
#define RECIT_REPORT_BUILD_H

#include "doc.h"
#include "model.h"
#include "stats.h"

doc *report_build(const model *m, const stats *s);

/* How a count is published under the small-cell rule: the exact count, or
 * "< k" when 0 < value < k (k = privacy threshold, 0 = off), as doc markup
 * ("&lt;"). Writes into buf (FMT_CAP) and returns whether the value was
 * suppressed. */
int report_count_text(long long value, int threshold, char *buf, size_t cap);

#endif
