/* png_compare - compare two PNG images within a tolerance, for golden-image
 * tests of rendered report pages.
 *
 *   png_compare GOT.png REFERENCE.png DIFF.png [CHANNEL_TOL [MAX_SHARE]]
 *
 * A pixel differs when one of its channels moves by more than CHANNEL_TOL
 * (default 40 of 255: anti-aliasing noise stays below it); the comparison
 * fails when more than MAX_SHARE of the pixels differ (default 0.002, i.e.
 * 0.2 %: a moved word or a changed figure is far above it). Different sizes
 * fail. On failure DIFF.png shows the differing pixels in red over a faded
 * copy of the reference. Exit 0 same, 1 different, 2 error. */
#include <stdio.h>
#include <stdlib.h>

#include "png_diff.h"

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: png_compare GOT.png REFERENCE.png DIFF.png [TOL [SHARE]]\n");
		return 2;
	}
	int tol = argc > 4 ? atoi(argv[4]) : PNG_DIFF_CHANNEL_TOL;
	double share = argc > 5 ? atof(argv[5]) : PNG_DIFF_SHARE;
	cairo_surface_t *a = cairo_image_surface_create_from_png(argv[1]);
	cairo_surface_t *b = cairo_image_surface_create_from_png(argv[2]);
	if (cairo_surface_status(a) || cairo_surface_status(b)) {
		fprintf(stderr, "png_compare: cannot read %s\n",
			cairo_surface_status(a) ? argv[1] : argv[2]);
		cairo_surface_destroy(a);
		cairo_surface_destroy(b);
		return 2;
	}
	png_diff_result r;
	cairo_surface_t *d = NULL;
	int rc;
	if (!png_diff(a, b, tol, &r, &d)) {
		fprintf(stderr, "png_compare: %s is %dx%d, %s is %dx%d\n", argv[1],
			cairo_image_surface_get_width(a), cairo_image_surface_get_height(a), argv[2],
			cairo_image_surface_get_width(b), cairo_image_surface_get_height(b));
		rc = 1;
	} else {
		printf("%s: %ld of %ld pixels differ (%.4f %%), largest channel difference %d\n",
		       argv[1], r.differing, r.total, (double)r.differing / (double)r.total * 100,
		       r.worst);
		rc = png_diff_fails(&r, share) ? 1 : 0;
		if (rc)
			cairo_surface_write_to_png(d, argv[3]);
		cairo_surface_destroy(d);
	}
	cairo_surface_destroy(a);
	cairo_surface_destroy(b);
	return rc;
}
