/* chart_map.c - the map of the network: one dot per city with KPAs, placed
 * from its latitude and longitude (an equirectangular projection, the
 * longitude scaled by the cosine of the mean latitude so that distances
 * look right at the scale of a country), its area growing with the number
 * of KPAs, and the city's name beside it. Labels are placed greedily, the
 * largest cities first, at the first of eight positions around the dot that
 * stays inside the frame and clears every label and dot already placed; a
 * label that fits nowhere is left out (the description, which is the
 * figure's text alternative, lists every city). Series: 0 the number of
 * KPAs, 1 the longitude, 2 the latitude; a city without a place is only in
 * the description. */
#include <math.h>
#include <stdlib.h>

#include "chart_geom.h"
#include "util.h"

typedef struct {
	size_t i;      /* category */
	double x, y;   /* dot centre */
	int r;         /* dot radius */
	double n;      /* KPAs */
} mdot;

typedef struct {
	int x, y, w, h;
} box;

static bool overlap(box a, box b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static int by_size(const void *a, const void *b)
{
	const mdot *p = a, *q = b;
	if (p->n != q->n)
		return p->n < q->n ? 1 : -1;
	return p->i < q->i ? -1 : p->i > q->i;
}

int chart_map(cl *c, int y0)
{
	size_t n = chart_data_cats(c->cd);
	mdot *d = xcalloc(n ? n : 1, sizeof *d);
	size_t nd = 0;
	double lo_x = INFINITY, hi_x = -INFINITY, lo_y = INFINITY, hi_y = -INFINITY;
	for (size_t i = 0; i < n && chart_data_series(c->cd) >= 3; i++) {
		if (chart_data_missing(c->cd, 1, i) || chart_data_missing(c->cd, 2, i))
			continue;
		double lon = chart_data_value(c->cd, 1, i), lat = chart_data_value(c->cd, 2, i);
		d[nd++] = (mdot){.i = i, .x = lon, .y = lat,
				 .n = chart_data_missing(c->cd, 0, i) ? 1 : chart_data_value(c->cd, 0, i)};
		lo_x = fmin(lo_x, lon);
		hi_x = fmax(hi_x, lon);
		lo_y = fmin(lo_y, lat);
		hi_y = fmax(hi_y, lat);
	}
	if (nd == 0) {
		free(d);
		return cl_empty_note(c, y0, "Aucun lieu à placer sur la carte.");
	}
	/* Project: x = lon · cos(mean lat), y = −lat; half a degree of margin
	 * at least, so that one city alone is still in the middle. */
	double k = cos((lo_y + hi_y) / 2 * CHART_PI / 180);
	double span_x = fmax((hi_x - lo_x) * k, 1.0), span_y = fmax(hi_y - lo_y, 1.0);
	double cx = (lo_x + hi_x) / 2 * k, cy = (lo_y + hi_y) / 2;
	int pad = PT(10), label_room = PT(60);
	int fw = c->w, fh = c->spec->height > 0 ? PT(c->spec->height) : 0;
	double scale = (fw - 2 * pad - 2 * label_room) / span_x;
	if (fh == 0) {
		/* As tall as the places need, within 140 to 420 pt. */
		fh = (int)lround(span_y * scale) + 2 * pad + PT(24);
		fh = MAXI(PT(140), MINI(PT(420), fh));
	}
	scale = fmin(scale, (fh - 2 * pad - PT(24)) / span_y);
	cl_rect(c, 0, y0, fw, fh, cl_color(c, PAL_TINT), PT(3));
	for (size_t j = 0; j < nd; j++) {
		d[j].x = fw / 2.0 + (d[j].x * k - cx) * scale;
		d[j].y = y0 + fh / 2.0 - (d[j].y - cy) * scale;
		d[j].r = PT(2.5 + 1.6 * sqrt(fmax(d[j].n, 1)));
	}
	qsort(d, nd, sizeof *d, by_size);
	/* Dots first, largest under the smaller ones. */
	for (size_t j = 0; j < nd; j++) {
		chart_op o = {.kind = CHART_OP_RECT, .x = (int)lround(d[j].x) - d[j].r,
			      .y = (int)lround(d[j].y) - d[j].r, .w = 2 * d[j].r, .h = 2 * d[j].r,
			      .fill = true, .fill_color = cl_color(c, PAL_PRIMARY), .stroke = true,
			      .stroke_color = cl_color(c, PAL_WHITE), .line_width = PT(1),
			      .radius = d[j].r};
		cl_push(c, &o);
	}
	box *placed = xcalloc(2 * nd, sizeof *placed);
	size_t np = 0;
	for (size_t j = 0; j < nd; j++)
		placed[np++] = (box){(int)lround(d[j].x) - d[j].r, (int)lround(d[j].y) - d[j].r,
				     2 * d[j].r, 2 * d[j].r};
	size_t n_dots = np;
	for (size_t j = 0; j < nd; j++) {
		ctext t = cl_text(c, ST_BAR_LABEL, chart_data_label(c->cd, d[j].i));
		int w = t.m.width, h = t.m.height, g = PT(2);
		int x = (int)lround(d[j].x), y = (int)lround(d[j].y), r = d[j].r;
		/* East, west, north-east, north-west, south-east, south-west,
		 * north, south. */
		box cand[8] = {
			{x + r + g, y - h / 2, w, h},	  {x - r - g - w, y - h / 2, w, h},
			{x + r, y - r - h, w, h},	  {x - r - w, y - r - h, w, h},
			{x + r, y + r, w, h},		  {x - r - w, y + r, w, h},
			{x - w / 2, y - r - g - h, w, h}, {x - w / 2, y + r + g, w, h},
		};
		for (int p = 0; p < 8; p++) {
			box b = cand[p];
			bool ok = b.x >= PT(3) && b.x + b.w <= fw - PT(3) && b.y >= y0 + PT(3) &&
				  b.y + b.h <= y0 + fh - PT(3);
			for (size_t q = 0; ok && q < np; q++)
				ok = (q < n_dots && q == j) || !overlap(b, placed[q]);
			if (!ok)
				continue;
			cl_put(c, &t, b.x, b.y, cl_color(c, PAL_TEXT));
			placed[np++] = b;
			break;
		}
	}
	free(placed);
	free(d);
	return fh;
}
