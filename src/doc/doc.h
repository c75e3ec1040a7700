/* doc.h - the document tree: what the report says, before any page exists.
 *
 * A document is a flat sequence of blocks (headings, paragraphs, key-figure
 * tiles, tables, bar lists, page breaks...). The layout-template engine
 * (tmpl_*.c) builds it from layouts/ (XML), the model and the statistics. Typesetting (typeset_*.c) turns it
 * into pages; nothing here knows about fonts, Pango or Cairo.
 *
 * Inline text ("markup" below) is UTF-8 with a tiny markup: <b>..</b>,
 * <i>..</i>, and the entities &amp; &lt; &gt; &quot;. Use doc_escape() for
 * data. French spacing (U+202F/U+00A0 before ; ! ? : % and inside « ») is
 * applied by the typesetter, so builders write plain text.
 *
 * Every block may carry the source location that produced it (a template
 * element, later) for diagnostics such as "table too wide". */
#ifndef RECIT_DOC_H
#define RECIT_DOC_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

typedef enum {
	DOC_COVER,      /* title page: title, subtitle, date line, organisation */
	DOC_TOC,        /* table of contents, filled from headings at layout time */
	DOC_HEADING,    /* level 1..4; level 1 starts a new page; 4 is a run-in
			 * heading kept out of the contents and the outline */
	DOC_PARAGRAPH,  /* body text, justified and hyphenated */
	DOC_LEAD,       /* larger introductory text under a heading */
	DOC_NOTE,       /* small print: sources, bases, footnotes */
	DOC_LIST,       /* bulleted list of markup items, nested by item_levels */
	DOC_QUOTE,      /* a block quotation: text, attribution in subtitle */
	DOC_TILES,      /* a row of key-figure tiles */
	DOC_TABLE,      /* a table with a header row that repeats across pages */
	DOC_CHART,      /* a chart bound to figures (see doc_chart, docs/charts.md) */
	DOC_PAGE_BREAK, /* force a new page */
	DOC_KEEP_BEGIN, /* blocks up to DOC_KEEP_END stay on one page if they can */
	DOC_KEEP_END,
	DOC_CARDS,      /* cards to print and cut: items are the labels, laid out
			 * grid_cols x grid_rows per page with dashed cut lines;
			 * subtitle is a small mention printed on every card */
	DOC_IMAGE,      /* a PNG picture (image below), caption in text, alt text
			 * in subtitle; placed like a figure */
	DOC__KINDS
} doc_kind;

typedef enum { DOC_ALIGN_LEFT, DOC_ALIGN_RIGHT, DOC_ALIGN_CENTER } doc_align;

/* One key-figure tile: a big value ("73 %"), what it is ("de femmes"), and
 * its base or source ("n = 267 coopérant·es"). All markup. */
typedef struct {
	char *value;
	char *label;
	char *detail; /* may be NULL */
} doc_tile;

typedef struct {
	char *header;
	doc_align align;
	double width; /* relative width; columns share the text width pro rata */
} doc_column;

/* --- charts ----------------------------------------------------------------
 * A chart is a generic, typesetter-independent spec: categories (the rows,
 * slices or events) and one or more series of values over them, each value
 * with its printed text and a suppressed flag. The chart module
 * (src/chart_*.c) turns it into page ops and into a French description. */
typedef enum {
	DOC_CHART_HBAR,      /* horizontal bars; several series = grouped bars */
	DOC_CHART_VBAR,      /* vertical bars (columns) on a value axis */
	DOC_CHART_STACKED,   /* 100 % stacked bars: one bar per series */
	DOC_CHART_DONUT,     /* parts of a whole around a ring */
	DOC_CHART_UNIT,      /* 10 x 10 glyphs, one per percent */
	DOC_CHART_HISTOGRAM, /* contiguous columns over ordered bands */
	DOC_CHART_TIMELINE,  /* events on a time axis; values are dates */
	DOC_CHART_FLOW,      /* a whole split in parts, then in sub-parts */
	DOC_CHART_MAP,       /* cities placed by latitude and longitude */
	DOC_CHART__TYPES
} doc_chart_type;

typedef enum { DOC_CHART_SORT_NONE, DOC_CHART_SORT_DESC, DOC_CHART_SORT_ASC } doc_chart_sort;

/* How a value is written when the series gives no text for it (axis
 * ticks, « Autres », descriptions). */
typedef enum { DOC_CHART_COUNT, DOC_CHART_PERCENT, DOC_CHART_EUROS } doc_chart_unit;

typedef enum { DOC_CHART_GLYPH_SQUARE, DOC_CHART_GLYPH_PERSON } doc_chart_glyph;

typedef struct {
	char *label;  /* markup */
	char *detail; /* TIMELINE: the date as printed ("mars 2017"); may be NULL */
	int parent;   /* FLOW: index of the level-1 category this one details, or -1 */
} doc_chart_cat;

/* Values are doubles so that one spec serves counts, euros and dates
 * (TIMELINE: a year with its fraction, 2017.25 for April 2017). NAN marks a
 * missing value. */
typedef struct {
	char *name;               /* legend text (markup); NULL for a lone series */
	double *values;           /* n_cats values */
	char **texts;             /* n_cats printed values (markup) or NULL entries */
	unsigned char *suppressed; /* n_cats flags: small cells, never drawn to size */
	long long base;           /* the whole the series is a part of (n); 0: unknown */
} doc_chart_series;

typedef struct {
	doc_chart_type type;
	char *title;   /* caption above the chart (markup) */
	char *note;    /* base note under the chart (markup): "Base : … (n = 267)." */
	char *center;  /* DONUT centre, UNIT headline label (markup); may be NULL */
	doc_chart_unit unit;
	long long base; /* n for the description; 0: none */
	int threshold;  /* k: a suppressed cell without text reads « < k » */
	doc_chart_cat *cats;
	size_t n_cats;
	doc_chart_series *series;
	size_t n_series;
	/* Options. */
	doc_chart_sort sort;   /* by the first series; TIMELINE always by date */
	size_t max_cats;       /* 0: all; more are grouped or cut (with a warning) */
	int group_other;       /* group the smallest beyond max_cats into « Autres » */
	char *other_label;     /* label of that bar (markup); NULL: « Autres » */
	double height;         /* plot height hint in points; 0: automatic */
	double axis_max;       /* bar scale end; 0: from the data */
	int skip_missing;      /* grouped bars: a missing cell takes no room */
	doc_chart_glyph glyph; /* UNIT */
} doc_chart;

/* A PNG picture, checked when the template was loaded. The width is a
 * fraction of the text width (width_mm == 0) or a length in millimetres;
 * the typesetter keeps the aspect ratio from the pixel size and never
 * exceeds the text width or the page body. */
typedef struct {
	char *path;       /* file to read at drawing time ("inputs/images/logo.png") */
	int px_w, px_h;   /* pixel size, from the PNG header */
	double fraction;  /* 0 < fraction <= 1, when width_mm == 0 */
	double width_mm;  /* > 0: width in millimetres */
} doc_image;

typedef struct doc_block {
	doc_kind kind;
	src_loc origin;   /* where the block came from (template), or none */
	int level;        /* DOC_HEADING: 1..4 */
	char *id;         /* DOC_HEADING: anchor for links and the outline */
	char *text;       /* heading/paragraph/lead/note markup; cover title; table caption */
	char *subtitle;   /* DOC_COVER subtitle; DOC_TABLE note under the figure (base) */
	char *extra;      /* DOC_COVER: date line */
	char *extra2;     /* DOC_COVER: organisation */
	char **items;     /* DOC_LIST */
	int *item_levels; /* DOC_LIST: nesting of each item, 0 = top; NULL = all 0 */
	size_t n_items;
	doc_tile *tiles;  /* DOC_TILES */
	size_t n_tiles;
	doc_column *cols; /* DOC_TABLE */
	size_t n_cols;
	char **cells;     /* DOC_TABLE: n_rows * n_cols markup strings, row-major */
	size_t n_rows;
	int total_row;    /* DOC_TABLE: last row is a total, drawn bold with a rule */
	doc_chart *chart; /* DOC_CHART */
	int grid_cols, grid_rows; /* DOC_CARDS: cards per row and rows per page */
	doc_image *image; /* DOC_IMAGE; DOC_COVER: the cover picture, or NULL */
	int landscape;    /* DOC_HEADING level 1: its part is set on A4 landscape pages */
} doc_block;

typedef struct doc doc;

/* Document-level metadata (PDF /Info and running heads). Strings are plain
 * UTF-8, copied by doc_create. */
typedef struct {
	const char *title;    /* "Récit évaluatif du réseau KPA-Cité" */
	const char *short_title; /* running head; defaults to title */
	const char *author;
	const char *subject;
	const char *keywords;
	const char *language; /* "fr-FR" */
	const char *date_iso; /* "2024-01-15": PDF creation date, never the clock */
} doc_meta;

doc *doc_create(const doc_meta *meta);
void doc_destroy(doc *d);
const doc_meta *doc_meta_lookup(const doc *d);

/* Append a zeroed block of the given kind and return it for filling. Strings
 * stored into the block must be heap-allocated (xstrdup...): the doc owns and
 * frees them. */
doc_block *doc_append(doc *d, doc_kind kind);
size_t doc_count(const doc *d);
const doc_block *doc_at(const doc *d, size_t i);

/* Convenience builders (each copies its strings). */
doc_block *doc_add_heading(doc *d, int level, const char *id, const char *markup);
doc_block *doc_add_text(doc *d, doc_kind kind, const char *markup);
void doc_table_set(doc_block *b, size_t n_cols, size_t n_rows); /* allocates cols and cells */
void doc_list_add(doc_block *b, const char *markup);
/* An item nested `level` deep (0 = top level; at most one deeper than the
 * item before it). */
void doc_list_add_level(doc_block *b, const char *markup, int level);
void doc_tiles_add(doc_block *b, const char *value, const char *label, const char *detail);

/* Charts. doc_add_chart appends a DOC_CHART block and returns its spec,
 * owned by the document. Categories and series can be added in any order:
 * cells start missing (NAN, no text, not suppressed). Out-of-range indexes
 * are ignored. */
doc_chart *doc_add_chart(doc *d, doc_chart_type type, const char *title, const char *note);
size_t doc_chart_add_cat(doc_chart *c, const char *label, int parent);
size_t doc_chart_add_series(doc_chart *c, const char *name);
void doc_chart_set(doc_chart *c, size_t series, size_t cat, double value, const char *text,
		   int suppressed);
/* A spec that no document owns (tests build one), and its release. */
doc_chart *doc_chart_create(doc_chart_type type, const char *title, const char *note);
void doc_chart_destroy(doc_chart *c);
/* Names used in dumps and templates: "barres", "colonnes", "empilees",
 * "anneau", "unites", "histogramme", "frise", "flux". */
const char *doc_chart_type_name(doc_chart_type t);
/* -1 when the name is unknown. */
int doc_chart_type_from_name(const char *name);
/* All of them, DOC_CHART__TYPES names in enum order (for suggestions). */
const char *const *doc_chart_type_names(void);

/* Append a DOC_IMAGE block (caption markup and alt text may be NULL);
 * fraction is used when width_mm is 0. Copies the strings. */
doc_block *doc_add_image(doc *d, const char *path, int px_w, int px_h, double fraction,
			 double width_mm, const char *caption, const char *alt);

/* --- doc_markup.c ---------------------------------------------------------- */
/* Escape &, <, > and " in plain text so it can be placed in markup. */
char *doc_escape(const char *plain);
/* Length of a valid entity at p ("&amp;", "&#233;"), or 0. */
size_t doc_entity_len(const char *p);
/* Markup to plain UTF-8 (tags dropped, entities decoded), for outline
 * titles, chart descriptions and diagnostics. Returns a new string. */
char *doc_plain_text(const char *markup);

/* Stable, diffable text dump of the tree (recit build --dump=doc). */
void doc_dump(const doc *d, FILE *out);

const char *doc_kind_name(doc_kind k);

#endif
