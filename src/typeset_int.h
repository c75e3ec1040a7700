/* typeset_int.h - internals shared by the typeset_*.c files and their unit
 * tests: the context, the text pipeline, the styles and the page builder. */
#ifndef RECIT_TYPESET_INT_H
#define RECIT_TYPESET_INT_H

#include <stdbool.h>

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>

#include "typeset.h"
#include "typeset_page.h"

typedef struct ts_hyph ts_hyph;

/* Text styles (typeset_page.c holds their fonts and colours). */
typedef enum {
	ST_BODY,
	ST_LEAD,
	ST_NOTE,
	ST_LIST,
	ST_H1_NUM,
	ST_H1,
	ST_H2,
	ST_H3,
	ST_H4,
	ST_QUOTE,
	ST_QUOTE_SOURCE,
	ST_CAPTION,
	ST_TILE_VALUE,
	ST_TILE_LABEL,
	ST_TILE_DETAIL,
	ST_BAR_LABEL,
	ST_BAR_VALUE,
	ST_TABLE,
	ST_TABLE_HEAD,
	ST_TABLE_TOTAL,
	ST_TOC_TITLE,
	ST_TOC1,
	ST_TOC2,
	ST_TOC_NUM,
	ST_RUNHEAD,
	ST_FOOTER,
	ST_COVER_ORG,
	ST_COVER_TITLE,
	ST_COVER_SUB,
	ST_COVER_DATE,
	ST_CARD,         /* printable interview cards: the label */
	ST_CARD_MENTION, /* and the small mention under it */
	ST__COUNT
} ts_style;

struct typeset_ctx {
	diag_sink *diag;
	FcConfig *fc;
	PangoFontMap *fontmap;
	PangoContext *pango;
	ts_hyph *hyph; /* NULL: no hyphenation (dictionary missing) */
	PangoFontDescription *font[ST__COUNT]; /* one per style, made once */
};

/* --- typeset_fonts.c: project-only fonts and the Pango context ----------- */
/* Fills t->fc, t->fontmap, t->pango. Returns false after a diag error. */
bool ts_fonts_init(typeset_ctx *t, const char *fonts_dir);
void ts_fonts_fini(typeset_ctx *t);

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
/* Markup to plain UTF-8 (tags dropped, entities decoded), for outline
 * titles and diagnostics. Returns a new string. */
char *ts_plain_text(const char *markup);

/* --- typeset_page.c: styles, layouts, page list -------------------------- */

/* Palette: a consultancy report, petrol blue with a warm accent. */
#define COL_PRIMARY 0x0B4F6Cu
#define COL_PRIMARY_DARK 0x083A50u
#define COL_ACCENT 0xD9822Bu
#define COL_TEXT 0x1F2A30u
#define COL_GREY_BLUE 0x4A6272u
#define COL_GREY 0x66737Cu
#define COL_RULE 0xC5D0D6u
#define COL_TINT 0xEDF3F6u
#define COL_TINT_HEAD 0xDCE8EEu
#define COL_WHITE 0xFFFFFFu

uint32_t ts_style_color(ts_style s);
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
