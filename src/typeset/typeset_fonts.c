/* typeset_fonts.c - the only fonts Récit uses are the files in the project's
 * fonts folder: one private FcConfig, one Pango font map, one context. */
/* realpath() is XSI. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cairo.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "i18n.h"
#include "typeset_int.h"
#include "util.h"

/* Every face the styles ask for. An empty FcConfig has no synthetic bold or
 * italic, so a missing face would silently print the wrong weight. */
static const struct {
	const char *family;
	int weight; /* FC_WEIGHT_* */
	int slant;  /* FC_SLANT_* */
	const char *what; /* for the message, through _(): only the fallback's is marked */
} required[] = {
	{"Inter", FC_WEIGHT_REGULAR, FC_SLANT_ROMAN, "Inter Regular"},
	{"Inter", FC_WEIGHT_REGULAR, FC_SLANT_ITALIC, "Inter Italic"},
	{"Inter", FC_WEIGHT_MEDIUM, FC_SLANT_ROMAN, "Inter Medium"},
	{"Inter", FC_WEIGHT_SEMIBOLD, FC_SLANT_ROMAN, "Inter SemiBold"},
	{"Inter", FC_WEIGHT_BOLD, FC_SLANT_ROMAN, "Inter Bold"},
	{"Liberation Serif", FC_WEIGHT_REGULAR, FC_SLANT_ROMAN, "Liberation Serif Regular"},
	{"Liberation Serif", FC_WEIGHT_REGULAR, FC_SLANT_ITALIC, "Liberation Serif Italic"},
	{"Liberation Serif", FC_WEIGHT_BOLD, FC_SLANT_ROMAN, "Liberation Serif Bold"},
	{"Liberation Serif", FC_WEIGHT_BOLD, FC_SLANT_ITALIC, "Liberation Serif Bold Italic"},
	/* TRANSLATORS: the face used for characters the other fonts lack. */
	{"DejaVu Sans", FC_WEIGHT_BOOK, FC_SLANT_ROMAN, N_("DejaVu Sans (fallback)")},
};

static bool has_face(FcFontSet *set, const char *family, int weight, int slant)
{
	for (int i = 0; set && i < set->nfont; i++) {
		FcPattern *p = set->fonts[i];
		int w, s;
		if (FcPatternGetInteger(p, FC_WEIGHT, 0, &w) != FcResultMatch ||
		    FcPatternGetInteger(p, FC_SLANT, 0, &s) != FcResultMatch)
			continue;
		/* DejaVu "Book" is weight 75 or 80 depending on the fontconfig
		 * version; accept the regular band. */
		bool wok = w == weight || (weight <= FC_WEIGHT_REGULAR && w >= FC_WEIGHT_BOOK &&
					   w <= FC_WEIGHT_REGULAR);
		if (!wok || s != slant)
			continue;
		FcChar8 *fam;
		for (int k = 0; FcPatternGetString(p, FC_FAMILY, k, &fam) == FcResultMatch; k++)
			if (strcmp((const char *)fam, family) == 0)
				return true;
	}
	return false;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool font_file_name(const char *n)
{
	size_t len = strlen(n);
	if (len < 5 || n[0] == '.')
		return false;
	const char *ext = n + len - 4;
	return g_ascii_strcasecmp(ext, ".otf") == 0 || g_ascii_strcasecmp(ext, ".ttf") == 0;
}

bool ts_fonts_init(typeset_ctx *t, const char *fonts_dir)
{
	char abs[PATH_MAX];
	if (!fonts_dir || !realpath(fonts_dir, abs)) {
		diag_emit(t->diag, DIAG_ERROR, SRC_LOC_NONE, NULL,
			  "cannot open the fonts folder \"%s\": %s", fonts_dir ? fonts_dir : _("(none)"),
			  strerror(errno));
		return false;
	}
	DIR *dir = opendir(abs);
	if (!dir) {
		diag_emit(t->diag, DIAG_ERROR, SRC_LOC_NONE, NULL,
			  "cannot open the fonts folder \"%s\": %s", abs, strerror(errno));
		return false;
	}
	/* Sorted, so that which file wins a (family, style) tie never depends
	 * on directory order. */
	char **names = NULL;
	size_t n = 0;
	for (struct dirent *e; (e = readdir(dir));) {
		if (!font_file_name(e->d_name))
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xasprintf("%s/%s", abs, e->d_name);
	}
	closedir(dir);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);

	t->fc = FcConfigCreate();
	for (size_t i = 0; i < n; i++) {
		if (!FcConfigAppFontAddFile(t->fc, (const FcChar8 *)names[i]))
			diag_emit(t->diag, DIAG_WARNING, SRC_LOC_NONE, NULL,
				  "cannot read the font file \"%s\"; ignored", names[i]);
		free(names[i]);
	}
	free(names);

	FcFontSet *set = FcConfigGetFonts(t->fc, FcSetApplication);
	bool ok = true;
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
		if (!has_face(set, required[i].family, required[i].weight, required[i].slant)) {
			diag_emit(t->diag, DIAG_ERROR, SRC_LOC_NONE, NULL,
				  "the fonts folder \"%s\" has no %s face (the report needs it)", abs,
				  _(required[i].what));
			ok = false;
		}
	}
	if (!ok) {
		FcConfigDestroy(t->fc);
		t->fc = NULL;
		return false;
	}

	/* Current before the font map exists: Pango's FcInit thread then sees a
	 * configuration and does not load the system one (platform notes, a). */
	FcConfigSetCurrent(t->fc);
	t->fontmap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(t->fontmap), t->fc);
	t->pango = pango_font_map_create_context(t->fontmap);

	/* 72 dpi: one Pango point is one PDF unit; unrounded positions and no
	 * hinting so that line breaks are the same on PDF and on PNG. */
	pango_cairo_context_set_resolution(t->pango, 72.0);
	pango_context_set_round_glyph_positions(t->pango, FALSE);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(t->pango, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_language(t->pango, pango_language_from_string("fr-FR"));
	return true;
}

void ts_fonts_fini(typeset_ctx *t)
{
	if (t->pango)
		g_object_unref(t->pango);
	if (t->fontmap)
		g_object_unref(t->fontmap);
	/* The font map holds its own reference; FcConfigSetCurrent another. */
	if (t->fc) {
		if (FcConfigGetCurrent() == t->fc)
			FcConfigSetCurrent(NULL);
		FcConfigDestroy(t->fc);
	}
	t->pango = NULL;
	t->fontmap = NULL;
	t->fc = NULL;
}

void typeset_set_strict(typeset_ctx *t, bool strict)
{
	t->strict = strict;
}

/* Pango marks a character that no font of the map has with
 * PANGO_GLYPH_UNKNOWN_FLAG and the code point in the glyph; since the map
 * holds the shipped fonts only (no system fallback), that is exactly "in
 * none of fonts/". Checked on the laid-out text, which is what prints:
 * whatever its source (narrative, a cell, a template), the block's origin
 * says where it came from. */
/* Up to 12 characters either side of byte offset at in text, without the
 * soft hyphens that hyphenation inserted: enough to find the place in a
 * cell or a paragraph. */
static void context_around(const char *text, int at, char *out, size_t cap)
{
	const char *p = text + at, *b = p, *e = g_utf8_next_char(p);
	for (int k = 0; k < 12 && b > text; k++)
		b = g_utf8_prev_char(b);
	for (int k = 0; k < 12 && *e; k++)
		e = g_utf8_next_char(e);
	size_t n = 0;
	for (const char *q = b; q < e && n + 8 < cap; q = g_utf8_next_char(q)) {
		gunichar c = g_utf8_get_char(q);
		if (c == 0xAD)
			continue;
		n += (size_t)g_unichar_to_utf8(c == '\n' ? ' ' : c, out + n);
	}
	out[n] = '\0';
}

void ts_check_glyphs(typeset_ctx *t, PangoLayout *l)
{
	if (pango_layout_get_unknown_glyphs_count(l) == 0)
		return;
	const char *text = pango_layout_get_text(l);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		if (!run)
			continue;
		for (int i = 0; i < run->glyphs->num_glyphs; i++) {
			PangoGlyph g = run->glyphs->glyphs[i].glyph;
			if (!(g & PANGO_GLYPH_UNKNOWN_FLAG) || g == PANGO_GLYPH_INVALID_INPUT)
				continue;
			gunichar cp = g & ~PANGO_GLYPH_UNKNOWN_FLAG;
			char utf8[8] = {0};
			g_unichar_to_utf8(cp, utf8);
			char around[128];
			context_around(text, run->item->offset + run->glyphs->log_clusters[i], around,
				       sizeof around);
			diag_emit(t->diag, t->strict ? DIAG_ERROR : DIAG_WARNING, t->origin, NULL,
				  "U+%04X (\"%s\"), in \"%s\", is in none of the shipped fonts "
				  "(fonts/): it prints as a box; write it otherwise or remove it",
				  (unsigned)cp, utf8, around);
		}
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
}
