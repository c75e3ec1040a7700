/* png_diff.h - the one pixel comparison of the golden-image tests (report
 * pages through png_compare, charts through test_chart_golden).
 *
 * A pixel differs when one of its channels moves by more than a tolerance
 * (40 of 255 keeps anti-aliasing noise out); an image differs when more
 * than a share of its pixels do (0.2 %: a moved word or a changed figure
 * is far above it). */
#ifndef RECIT_PNG_DIFF_H
#define RECIT_PNG_DIFF_H

#include <stdbool.h>

#include <cairo.h>

#define PNG_DIFF_CHANNEL_TOL 40
#define PNG_DIFF_SHARE 0.002

typedef struct {
	long differing, total; /* pixels */
	int worst;             /* largest channel difference */
} png_diff_result;

/* Compare got with ref (image surfaces). False when their sizes differ.
 * Otherwise fills *out and returns true; when diff is not NULL it is made
 * (caller destroys it): the differing pixels in red over a faded copy of
 * the reference. Colour channels always count, alpha when both images
 * have one. */
bool png_diff(cairo_surface_t *got, cairo_surface_t *ref, int channel_tol, png_diff_result *out,
	      cairo_surface_t **diff);

/* More than share of the pixels differ. */
bool png_diff_fails(const png_diff_result *r, double share);

#endif
