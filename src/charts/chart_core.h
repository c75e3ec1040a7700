/* chart_core.h - charts before any drawing: the palette, nice axis ticks,
 * the checked and ordered view of a doc_chart, and its French description.
 *
 * Nothing here needs Pango or Cairo, so `recit stats` and tests can call it
 * on a bare spec. chart_layout.h turns the same view into page ops. */
#ifndef RECIT_CHART_CORE_H
#define RECIT_CHART_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "doc.h"

/* --- palette ----------------------------------------------------------------
 * Okabe-Ito, with its dark blue replaced by the report's petrol blue so that
 * a one-series chart wears the house colour. Adjacent entries differ in
 * lightness as well as hue, which keeps them apart for the common colour
 * vision deficiencies; charts still label every mark in words. */
#define CHART_PALETTE_N 8
uint32_t chart_color(size_t i);
/* c mixed with white: amount 0 gives c, 1 gives white. */
uint32_t chart_tint(uint32_t c, double amount);
/* A text colour readable on fill: white or the body text colour. */
uint32_t chart_text_on(uint32_t fill);

/* --- ticks ----------------------------------------------------------------- */
typedef struct {
	double first, step; /* ticks at first + i * step, i < count */
	int count;
	int decimals; /* digits after the decimal comma that the labels need */
} chart_ticks;

/* Round ticks (1, 2 or 5 times a power of ten) covering [lo, hi] in at
 * most max_intervals steps (at least 1). Degenerate ranges (equal ends,
 * NaN, infinities) give the ticks of [0, 1] or of [v, v + 1]. Returns the
 * number of ticks. */
int chart_nice_ticks(double lo, double hi, int max_intervals, chart_ticks *out);
/* A value as French text in the chart's unit ("1 000", "20 %", "26 582 €"),
 * with the given decimals. Returns buf. */
char *chart_format_value(char *buf, size_t cap, double v, doc_chart_unit unit, int decimals);

/* --- the prepared view ------------------------------------------------------
 * Categories sorted, the smallest grouped into « Autres » when asked, values
 * checked: NaN/infinite are missing, negative values are missing for the
 * drawing (with a warning) but keep their text. Every cell has a printed
 * text (markup): the spec's, or "< k" when suppressed, "–" when missing, or
 * the value formatted in the chart's unit. */
typedef struct chart_data chart_data;

/* d may be NULL (no messages). The spec must outlive the view. */
chart_data *chart_data_create(const doc_chart *spec, diag_sink *d, src_loc where);
void chart_data_destroy(chart_data *cd);

const doc_chart *chart_data_spec(const chart_data *cd);
size_t chart_data_cats(const chart_data *cd);
size_t chart_data_series(const chart_data *cd);
const char *chart_data_label(const chart_data *cd, size_t cat);  /* markup */
const char *chart_data_detail(const chart_data *cd, size_t cat); /* markup or NULL */
int chart_data_parent(const chart_data *cd, size_t cat);         /* FLOW, or -1 */
bool chart_data_is_other(const chart_data *cd, size_t cat);
/* Index of the category in the spec, or (size_t)-1 for « Autres ». */
size_t chart_data_source(const chart_data *cd, size_t cat);
const char *chart_data_series_name(const chart_data *cd, size_t s); /* or NULL */
/* The value to draw: 0 for missing or suppressed cells (test them first). */
double chart_data_value(const chart_data *cd, size_t s, size_t cat);
bool chart_data_missing(const chart_data *cd, size_t s, size_t cat);
bool chart_data_suppressed(const chart_data *cd, size_t s, size_t cat);
const char *chart_data_text(const chart_data *cd, size_t s, size_t cat); /* markup */
/* Largest drawable value over every series (0 when none). */
double chart_data_max(const chart_data *cd);
/* Sum of the drawable values of one series. */
double chart_data_total(const chart_data *cd, size_t s);
/* Parts of a whole (stacked, donut, unit chart): whether series s has a
 * withheld (suppressed) cell, and the whole its parts are drawn against.
 * Without withheld cells the whole is the published total. With them it is
 * the true whole: 100 for percentages, else the series' base (or the
 * chart's, for one series), else the sum of every cell; so published parts
 * keep their true scale and the withheld remainder (whole minus the
 * published total) is drawn as one part, never spread over the others. */
bool chart_data_has_withheld(const chart_data *cd, size_t s);
double chart_data_whole(const chart_data *cd, size_t s);
/* The text of the withheld remainder of series s: the cell's own (« < k »
 * or « s ») when one cell is withheld, « s » for several (their sum is not
 * below k). */
const char *chart_data_withheld_text(const chart_data *cd, size_t s);
/* What the marks of withheld cells mean, as a note for the foot of the
 * figure (markup), naming only the marks the chart shows: « < k » (a
 * count below the threshold) and « s » (secret statistique: withheld so
 * that a small count cannot be worked out). NULL when nothing is
 * withheld. Caller frees. */
char *chart_withheld_note(const chart_data *cd);
/* True when no cell has a drawable value above zero. */
bool chart_data_empty(const chart_data *cd);

/* --- description --------------------------------------------------------------
 * The chart in one French sentence, for readers who cannot see it (and for
 * `recit stats`): « Répartition par âge (n = 267) : 16-24 ans 22 %, … ».
 * Plain UTF-8 (markup removed), suppressed cells as « < k ». Caller frees. */
char *chart_describe(const doc_chart *spec);

#endif
