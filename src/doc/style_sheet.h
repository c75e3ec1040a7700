/* style_sheet.h - the report's look as plain data: a colour palette, one
 * text style per ts_style and the page setup (margins, running head,
 * footer), with the built-in values. layouts/styles.xml overrides them
 * (tmpl_styles_load in tmpl.h, docs/templates.md « Styles and palette »);
 * the typesetter takes a copy (typeset_set_styles). No Pango types: the
 * document and template stages see this header too. */
#ifndef RECIT_STYLE_SHEET_H
#define RECIT_STYLE_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Text styles. The order is the order of the style names
 * (style_sheet_style_name) and of the built-in table. */
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

/* Palette entries (the order of style_sheet_color_name). */
typedef enum {
	PAL_PRIMARY,
	PAL_PRIMARY_DARK,
	PAL_ACCENT,
	PAL_TEXT,
	PAL_GREY_BLUE,
	PAL_GREY,
	PAL_RULE,
	PAL_TINT,
	PAL_TINT_HEAD,
	PAL_WHITE,
	/* Chart series, in order: colour-blind-safe by default (Okabe-Ito,
	 * led by the primary petrol blue); a chart's n-th series uses the
	 * n-th, modulo 8. */
	PAL_SERIES_1,
	PAL_SERIES_2,
	PAL_SERIES_3,
	PAL_SERIES_4,
	PAL_SERIES_5,
	PAL_SERIES_6,
	PAL_SERIES_7,
	PAL_SERIES_8,
	PAL__COUNT
} style_color;

/* The shipped font families (fonts/). */
typedef enum { STYLE_FAMILY_SERIF, STYLE_FAMILY_SANS, STYLE_FAMILY_DEJAVU, STYLE_FAMILY__COUNT } style_family;
typedef enum { STYLE_WEIGHT_NORMAL, STYLE_WEIGHT_MEDIUM, STYLE_WEIGHT_SEMIBOLD, STYLE_WEIGHT_BOLD, STYLE_WEIGHT__COUNT } style_weight;
typedef enum { STYLE_ALIGN_LEFT, STYLE_ALIGN_RIGHT, STYLE_ALIGN_CENTER, STYLE_ALIGN__COUNT } style_align;

#define STYLE_FEATURES_MAX 32

/* One text style. Sizes in points. */
typedef struct {
	style_family family;
	style_weight weight;
	bool italic;
	double size;
	double spacing; /* line-spacing factor; 0 = the font's own line height */
	style_color color;
	bool justify, hyphenate;
	style_align align;
	double letter_spacing;              /* points */
	char features[STYLE_FEATURES_MAX]; /* OpenType features ("tnum"), or "" */
} style_def;

/* Page masters (<page> in layouts/styles.xml): what the running head
 * shows on each side, and the footer. */
typedef enum { PAGE_HEAD_TITLE, PAGE_HEAD_SECTION, PAGE_HEAD_EMPTY, PAGE_HEAD__COUNT } page_head;
typedef enum { PAGE_FOOT_OF_TOTAL, PAGE_FOOT_PAGE, PAGE_FOOT_EMPTY, PAGE_FOOT__COUNT } page_foot;

#define PAGE_MARGIN_MIN 5.0 /* mm */
#define PAGE_MARGIN_MAX 60.0

/* The margins (mm) hold for portrait and landscape pages alike; the
 * built-in ones are 80, 70 and 63.8 pt written in mm. */
typedef struct {
	double margin_top, margin_bottom, margin_left, margin_right;
	page_head head_left, head_right;
	page_foot foot;
} page_setup;

/* Page breaks inside a block (<coupure> in layouts/styles.xml): the
 * blocks that may break between their lines (or rows, or entries), each
 * with the least it leaves on either side of a break. */
typedef enum {
	BREAK_PARAGRAPH, /* paragraphs: lines */
	BREAK_LEAD,      /* leads (chapeau): lines */
	BREAK_NOTE,      /* notes: lines */
	BREAK_LIST,      /* lists: lines, items together */
	BREAK_TABLE,     /* tables: body rows (the header row and caption
			  * come on top of orphans, the note on top of widows) */
	BREAK_CONTENTS,  /* the contents: entries (its title on top of orphans) */
	BREAK__COUNT
} break_block;

#define BREAK_KEEP_MIN 1
#define BREAK_KEEP_MAX 10

typedef struct {
	int orphans; /* lines kept at the foot of a page (the block's first) */
	int widows;  /* lines kept at the head of the next (the block's last) */
} break_rule;

/* Plain data with no pointers: copy it with =. */
typedef struct {
	uint32_t palette[PAL__COUNT]; /* 0xRRGGBB */
	style_def style[ST__COUNT];
	page_setup page;
	break_rule breaks[BREAK__COUNT];
} style_sheet;

/* The built-in look (what layouts/styles.xml ships). */
/* The built-in value of one palette colour. */
uint32_t style_default_color(style_color c);
void style_sheet_defaults(style_sheet *out);

/* French names, as written in layouts/styles.xml. */
const char *style_sheet_style_name(ts_style s);
const char *style_sheet_color_name(style_color c);
const char *style_family_name(style_family f);      /* "Liberation Serif" */
const char *style_weight_name(style_weight w);      /* "semi-gras" */
const char *style_align_name(style_align a);        /* "centre" */
const char *page_head_name(page_head h);            /* "section" */
const char *page_foot_name(page_foot f);            /* "page-sur-total" */
const char *break_block_name(break_block b);        /* "paragraphe" */
/* Whether fonts/ ships a face of family f in weight w (italic or not). */
bool style_face_shipped(style_family f, style_weight w, bool italic);

#endif
