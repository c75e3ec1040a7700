/* png_diff.c - pixel comparison for the golden-image tests (png_diff.h). */
#include "png_diff.h"

#include <stdint.h>
#include <stdlib.h>

static int channel(uint32_t px, int shift)
{
	return (int)((px >> shift) & 0xff);
}

bool png_diff(cairo_surface_t *got, cairo_surface_t *ref, int channel_tol, png_diff_result *out,
	      cairo_surface_t **diff)
{
	int w = cairo_image_surface_get_width(got), h = cairo_image_surface_get_height(got);
	if (w != cairo_image_surface_get_width(ref) || h != cairo_image_surface_get_height(ref))
		return false;
	cairo_surface_flush(got);
	cairo_surface_flush(ref);
	/* RGB24 leaves the top byte undefined: alpha counts only when both
	 * images carry it. */
	int bits = cairo_image_surface_get_format(got) == CAIRO_FORMAT_ARGB32 &&
				   cairo_image_surface_get_format(ref) == CAIRO_FORMAT_ARGB32
			   ? 32
			   : 24;
	cairo_surface_t *d = diff ? cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h) : NULL;
	const unsigned char *pa = cairo_image_surface_get_data(got);
	const unsigned char *pb = cairo_image_surface_get_data(ref);
	unsigned char *pd = d ? cairo_image_surface_get_data(d) : NULL;
	int sa = cairo_image_surface_get_stride(got), sb = cairo_image_surface_get_stride(ref);
	int sd = d ? cairo_image_surface_get_stride(d) : 0;
	*out = (png_diff_result){0, (long)w * h, 0};
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			uint32_t ua = ((const uint32_t *)(pa + y * sa))[x];
			uint32_t ub = ((const uint32_t *)(pb + y * sb))[x];
			int m = 0;
			for (int sh = 0; sh < bits; sh += 8) {
				int dv = abs(channel(ua, sh) - channel(ub, sh));
				m = dv > m ? dv : m;
			}
			out->worst = m > out->worst ? m : out->worst;
			out->differing += m > channel_tol;
			if (!pd)
				continue;
			uint32_t *o = (uint32_t *)(pd + y * sd) + x;
			if (m > channel_tol) {
				*o = 0xff0000;
			} else {
				uint32_t g = (uint32_t)(255 - (255 - channel(ub, 8)) / 4);
				*o = g << 16 | g << 8 | g;
			}
		}
	if (d) {
		cairo_surface_mark_dirty(d);
		*diff = d;
	}
	return true;
}

bool png_diff_fails(const png_diff_result *r, double share)
{
	return (double)r->differing > share * (double)r->total;
}
