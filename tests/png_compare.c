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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairo.h>

static int channel(uint32_t px, int shift)
{
	return (int)((px >> shift) & 0xff);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: png_compare GOT.png REFERENCE.png DIFF.png [TOL [SHARE]]\n");
		return 2;
	}
	int tol = argc > 4 ? atoi(argv[4]) : 40;
	double share = argc > 5 ? atof(argv[5]) : 0.002;
	cairo_surface_t *a = cairo_image_surface_create_from_png(argv[1]);
	cairo_surface_t *b = cairo_image_surface_create_from_png(argv[2]);
	if (cairo_surface_status(a) || cairo_surface_status(b)) {
		fprintf(stderr, "png_compare: cannot read %s\n",
			cairo_surface_status(a) ? argv[1] : argv[2]);
		return 2;
	}
	int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
	if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b)) {
		fprintf(stderr, "png_compare: %s is %dx%d, %s is %dx%d\n", argv[1], w, h, argv[2],
			cairo_image_surface_get_width(b), cairo_image_surface_get_height(b));
		return 1;
	}
	cairo_surface_flush(a);
	cairo_surface_flush(b);
	cairo_surface_t *d = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	unsigned char *pa = cairo_image_surface_get_data(a), *pb = cairo_image_surface_get_data(b);
	unsigned char *pd = cairo_image_surface_get_data(d);
	int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
	int sd = cairo_image_surface_get_stride(d);
	long differing = 0;
	int worst = 0;
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			uint32_t ua = ((uint32_t *)(pa + y * sa))[x];
			uint32_t ub = ((uint32_t *)(pb + y * sb))[x];
			int m = 0;
			for (int sh = 0; sh < 32; sh += 8) {
				int dv = abs(channel(ua, sh) - channel(ub, sh));
				m = dv > m ? dv : m;
			}
			worst = m > worst ? m : worst;
			uint32_t *out = (uint32_t *)(pd + y * sd) + x;
			if (m > tol) {
				differing++;
				*out = 0xff0000;
			} else {
				int g = 255 - (255 - channel(ub, 8)) / 4;
				*out = (uint32_t)(g << 16 | g << 8 | g);
			}
		}
	cairo_surface_mark_dirty(d);
	double frac = (double)differing / ((double)w * h);
	printf("%s: %ld of %ld pixels differ (%.4f %%), largest channel difference %d\n", argv[1],
	       differing, (long)w * h, frac * 100, worst);
	int rc = frac > share ? 1 : 0;
	if (rc)
		cairo_surface_write_to_png(d, argv[3]);
	cairo_surface_destroy(a);
	cairo_surface_destroy(b);
	cairo_surface_destroy(d);
	return rc;
}
