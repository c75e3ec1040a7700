/* floor.c - the speed floor: the raw cost of shaping and drawing a given
 * text with Pango and Cairo, with nothing of Récit around it.
 *
 *   floor FONTS_DIR TEXT_FILE OUT.pdf [HYPH_DIC]
 *
 * Paragraphs (separated by blank lines) are laid out justified and
 * hyphenated (libhyphen, words of 6+ letters, as Récit does) in Liberation
 * Serif 10.5 pt on a 165 mm column with 1.3 line spacing, paginated by
 * height on A4 and drawn line by line into a PDF, with the same fontconfig
 * setup Récit uses (fonts folder only). tests/bench/run.sh feeds it the
 * report's own text (pdftotext of rapport.pdf) so the comparison is like
 * for like: what Récit adds on top is parsing, statistics, layout logic,
 * charts and PDF structure. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <glib.h>
#include <hyphen.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	GString *s = g_string_new(NULL);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		g_string_append_len(s, buf, (gssize)n);
	fclose(f);
	return g_string_free(s, FALSE);
}

/* Insert U+00AD at libhyphen's break points in words of 6+ letters. */
static char *hyphenate(HyphenDict *dict, const char *text)
{
	GString *out = g_string_new(NULL);
	const char *p = text;
	while (*p) {
		gunichar c = g_utf8_get_char(p);
		if (!g_unichar_isalpha(c)) {
			const char *next = g_utf8_next_char(p);
			g_string_append_len(out, p, next - p);
			p = next;
			continue;
		}
		const char *start = p;
		GString *low = g_string_new(NULL);
		long nchars = 0;
		while (*p && g_unichar_isalpha(g_utf8_get_char(p))) {
			g_string_append_unichar(low, g_unichar_tolower(g_utf8_get_char(p)));
			p = g_utf8_next_char(p);
			nchars++;
		}
		if (!dict || nchars < 6) {
			g_string_append_len(out, start, p - start);
			g_string_free(low, TRUE);
			continue;
		}
		char *hy = calloc(low->len + 5, 1);
		char **rep = NULL;
		int *pos = NULL, *cut = NULL;
		hnj_hyphen_hyphenate2(dict, low->str, (int)low->len, hy, NULL, &rep, &pos, &cut);
		const char *q = start;
		for (long i = 0; i < nchars; i++) {
			const char *next = g_utf8_next_char(q);
			g_string_append_len(out, q, next - q);
			if ((hy[i] & 1) && i >= 1 && i < nchars - 2)
				g_string_append(out, "\xC2\xAD");
			q = next;
		}
		free(hy);
		g_string_free(low, TRUE);
	}
	return g_string_free(out, FALSE);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: floor FONTS_DIR TEXT_FILE OUT.pdf [HYPH_DIC]\n");
		return 2;
	}
	FcConfig *cfg = FcConfigCreate();
	DIR *dir = opendir(argv[1]);
	struct dirent *e;
	char *abs = realpath(argv[1], NULL);
	while (dir && abs && (e = readdir(dir))) {
		size_t n = strlen(e->d_name);
		if (n > 4 && (!strcmp(e->d_name + n - 4, ".ttf") || !strcmp(e->d_name + n - 4, ".otf"))) {
			char *path = g_strdup_printf("%s/%s", abs, e->d_name);
			FcConfigAppFontAddFile(cfg, (const FcChar8 *)path);
			g_free(path);
		}
	}
	if (dir)
		closedir(dir);
	free(abs);
	FcConfigSetCurrent(cfg);
	PangoFontMap *fm = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fm), cfg);
	PangoContext *ctx = pango_font_map_create_context(fm);
	pango_cairo_context_set_resolution(ctx, 72);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	pango_context_set_language(ctx, pango_language_from_string("fr-FR"));
	HyphenDict *dict = hnj_hyphen_load(argc > 4 ? argv[4] : "/usr/share/hyphen/hyph_fr.dic");

	char *text = slurp(argv[2]);
	if (!text) {
		perror(argv[2]);
		return 1;
	}
	const double W = 595.276, H = 841.89, margin = 65, width = 467.7;
	cairo_surface_t *surf = cairo_pdf_surface_create(argv[3], W, H);
	cairo_t *cr = cairo_create(surf);
	pango_cairo_update_context(cr, ctx);
	PangoFontDescription *fd = pango_font_description_from_string("Liberation Serif 10.5");
	double y = margin;
	int pages = 1;
	char **paras = g_strsplit(text, "\n\n", -1);
	for (char **p = paras; *p; p++) {
		g_strstrip(*p);
		if (!**p)
			continue;
		for (char *c = *p; *c; c++)
			if (*c == '\n')
				*c = ' ';
		char *hy = hyphenate(dict, *p);
		PangoLayout *l = pango_layout_new(ctx);
		pango_layout_set_font_description(l, fd);
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_justify(l, TRUE);
		pango_layout_set_line_spacing(l, 1.3f);
		pango_layout_set_text(l, hy, -1);
		PangoLayoutIter *it = pango_layout_get_iter(l);
		do {
			int y0, y1;
			pango_layout_iter_get_line_yrange(it, &y0, &y1);
			double lh = (y1 - y0) / (double)PANGO_SCALE * 1.3;
			if (y + lh > H - margin) {
				cairo_show_page(cr);
				pages++;
				y = margin;
			}
			int base = pango_layout_iter_get_baseline(it);
			cairo_move_to(cr, margin, y + (base - y0) / (double)PANGO_SCALE);
			pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
			y += lh;
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
		g_object_unref(l);
		g_free(hy);
		y += 6;
	}
	cairo_show_page(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	int st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	fprintf(stderr, "floor: %d pages\n", pages);
	g_strfreev(paras);
	g_free(text);
	pango_font_description_free(fd);
	cairo_font_options_destroy(fo);
	g_object_unref(ctx);
	g_object_unref(fm);
	if (dict)
		hnj_hyphen_free(dict);
	return st == CAIRO_STATUS_SUCCESS ? 0 : 1;
}
