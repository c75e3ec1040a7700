#!/usr/bin/env bash
# Draws inputs/images/reseau.png, the sample picture used once by
# layouts/rapport.xml: a schematic map of the cities of the KPA-Cité
# network (approximate positions, not to scale). Made with Cairo by the
# small C program below; run again only to change the picture.
#   scripts/make-sample-image.sh [OUTPUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-inputs/images/reseau.png}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/map.c" <<'C'
#include <cairo.h>
#include <stdio.h>
/* Approximate positions; lx, ly: where the label starts (pixels), joined
 * to its dot by a thin line in the dense northern cluster. */
struct city { const char *name; double lon, lat; int kpa; double lx, ly; };
static const struct city cities[] = {
	{"Boulogne-sur-Mer", 1.61, 50.73, 1, 370, 145}, {"Grande-Synthe", 2.30, 51.01, 1, 480, 100},
	{"Coudekerque-Branche", 2.39, 51.02, 1, 560, 82}, {"Lille", 3.06, 50.63, 2, 600, 170},
	{"Roubaix", 3.17, 50.69, 2, 790, 142}, {"Tourcoing", 3.16, 50.72, 1, 790, 98},
	{"Wattrelos", 3.22, 50.70, 1, 790, 120}, {"Arras", 2.78, 50.29, 1, 600, 205},
	{"Valenciennes", 3.52, 50.36, 1, 700, 235}, {"Onnaing", 3.60, 50.39, 1, 800, 200},
	{"Nogent-sur-Oise", 2.47, 49.27, 1, 650, 275}, {"Tours", 0.69, 47.39, 1, 388, 442},
	{"La Rochelle", -1.15, 46.16, 1, 125, 552},
};
int main(int argc, char **argv)
{
	const int W = 900, H = 600;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0.96, 0.97, 0.98);
	cairo_paint(cr);
	/* Title band. */
	cairo_set_source_rgb(cr, 0.043, 0.31, 0.424);
	cairo_rectangle(cr, 0, 0, W, 70);
	cairo_fill(cr);
	cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
	cairo_set_font_size(cr, 30);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_move_to(cr, 24, 46);
	cairo_show_text(cr, "Réseau KPA-Cité");
	/* lon -1.6..4.0, lat 45.9..51.3 -> plot area. */
	double x0 = 40, y0 = 90, pw = W - 80, ph = H - 120;
	cairo_set_font_size(cr, 15);
	cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	for (size_t i = 0; i < sizeof cities / sizeof *cities; i++) {
		double x = x0 + (cities[i].lon + 1.6) / 5.6 * pw;
		double y = y0 + (51.3 - cities[i].lat) / 5.4 * ph;
		const struct city *c = &cities[i];
		cairo_text_extents_t e;
		cairo_text_extents(cr, c->name, &e);
		double lx = c->lx, ly = c->ly, ex = lx > x ? lx - 3 : lx + e.x_advance + 3;
		cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
		cairo_set_line_width(cr, 1);
		cairo_move_to(cr, x, y);
		cairo_line_to(cr, ex, ly - 5);
		cairo_stroke(cr);
		cairo_set_source_rgb(cr, 0.85, 0.45, 0.1);
		cairo_arc(cr, x, y, 4 + 2 * c->kpa, 0, 6.2832);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
		cairo_move_to(cr, lx, ly);
		cairo_show_text(cr, c->name);
	}
	cairo_destroy(cr);
	int rc = cairo_surface_write_to_png(s, argc > 1 ? argv[1] : "reseau.png") != CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(s);
	return rc;
}
C
cc -O1 -o "$tmp/map" "$tmp/map.c" $(pkg-config --cflags --libs cairo)
"$tmp/map" "$out"
echo "wrote $out"
