/* typeset_int.h - internals shared by the typeset_*.c files and their unit
 * tests: the context, the text pipeline, the styles and the page builder. */
#ifndef RECIT_TYPESET_INT_H
#define RECIT_TYPESET_INT_H

#include <stdbool.h>

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>

#include "style_sheet.h"
#include "typeset.h"
#include "typeset_page.h"

typedef struct ts_hyph ts_hyph;


struct typeset_ctx {
	diag_sink *diag;
	FcConfig *fc;
	PangoFontMap *fontmap;
	PangoContext *pango;
	ts_hyph *hyph; /* NULL: no hyphenation (dictionary missing) */
	style_sheet sheet; /* this context's palette and styles (typeset_set_styles) */
	PangoFontDescription *font[ST__COUNT]; /* one per style, made from sheet */
	/* Where the text being laid out comes from (the block's origin: its
	 * narrative or template line), for the missing-glyph message. */
	src_loc origin;
	bool strict; /* a glyph missing from every shipped font is an error */
};

/* --- typeset_fonts.c: project-only fonts and the Pango context ----------- */
/* Fills t->fc, t->fontmap, t->pango. Returns false after a diag error. */
bool ts_fonts_init(typeset_ctx *t, const char *fonts_dir);
void ts_fonts_fini(typeset_ctx *t);
/* Report each character of l that no shipped font has (Pango draws it as a
 * hex box) at t->origin: a warning, an error when t->strict. */
void ts_check_glyphs(typeset_ctx *t, PangoLayout *l);

/* --- typeset_hyph.c: libhyphen -------------------------------------------- */
ts_hyph *ts_hyph_load(diag_sink *d, const char *dic_path);
void ts_hyph_free(ts_hyph *h);
/* Insert U+00AD at the hyphenation points of every word of 6 or more
 * letters in markup (tags and entities untouched; tokens holding a digit,
 * '@', '/' or looking like a URL untouched). Returns a new string. With
 * h == NULL returns a copy. */
char *ts_hyphenate(const ts_hyph *h, const char *markup);

/* --- typeset_text.c: French typography and markup ------------------------ */
/* U+202F before ; ! ? and inside « », U+00A0 before : and %, replacing a
 * plain space or inserting one. Returns a new string. */
char *ts_french_spacing(const char *markup);
/* Doc markup (<b>, <i>, &amp; &lt; &gt; &quot;) to Pango markup: stray '<'
 * and '&' are escaped, unknown tags are dropped. Returns a new string. */
char *ts_pango_markup(const char *markup);

/* --- typeset_page.c: styles, layouts, page list -------------------------- */

/* Colours come from the context's style sheet (style_sheet.h: the palette
 * names and the built-in values). */
uint32_t ts_color(const typeset_ctx *t, style_color c);
uint32_t ts_style_color(const typeset_ctx *t, ts_style s);
/* A layout of markup in style s, wrapped at width (Pango units; -1: no
 * wrapping), with French spacing and, for body styles, hyphenation.
 * align overrides the style's alignment when >= 0 (PangoAlignment). The
 * caller owns the reference. */
PangoLayout *ts_layout(typeset_ctx *t, ts_style s, const char *markup, int width, int align);

/* When line i of a justified layout is wider than the layout (a Pango
 * 1.50 bug with hyphenated line ends), a one-line layout that draws the
 * same text correctly justified; otherwise NULL. Caller owns the result. */
PangoLayout *ts_rejustify_line(PangoLayout *l, int i);

/* Page list building. */
page_list *ts_page_list_create(void);
page *ts_page_add(page_list *pl, int width, int height);
page *ts_page_lookup(page_list *pl, size_t i);
/* Append a copy of op (the layout gains a reference, strings are copied). */
void ts_page_push(page *pg, const page_op *op);
/* Make a shallow copy of an op own its resources: ref the layout, copy the
 * strings and the path. ts_op_release undoes it. */
void ts_op_own(page_op *o);
void ts_op_release(page_op *o);

#endif
