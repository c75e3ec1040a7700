/* doc.h - the document tree: what the report says, before any page exists.
 *
 * A document is a flat sequence of blocks (headings, paragraphs, key-figure
 * tiles, tables, bar lists, page breaks...). Today report_build.c builds it in
 * code from the model and the statistics; the layout-template engine will
 * build the same tree from layouts/ (XML). Typesetting (typeset_*.c) turns it
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
	DOC_HEADING,    /* level 1..3; level 1 starts a new page */
	DOC_PARAGRAPH,  /* body text, justified and hyphenated */
	DOC_LEAD,       /* larger introductory text under a heading */
	DOC_NOTE,       /* small print: sources, bases, footnotes */
	DOC_LIST,       /* bulleted list of markup items */
	DOC_TILES,      /* a row of key-figure tiles */
	DOC_BARS,       /* a labelled distribution drawn as horizontal bars */
	DOC_TABLE,      /* a table with a header row that repeats across pages */
	DOC_PAGE_BREAK, /* force a new page */
	DOC_KEEP_BEGIN, /* blocks up to DOC_KEEP_END stay on one page if they can */
	DOC_KEEP_END,
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

/* One row of a bar list: label, value text as printed ("22 %" or "< 5"),
 * bar length as a fraction 0..1 of the full width, and a count note. When
 * suppressed is set the bar is drawn hatched/empty, never at its true size. */
typedef struct {
	char *label;
	char *value;
	double fraction;
	int suppressed;
} doc_bar;

typedef struct {
	char *header;
	doc_align align;
	double width; /* relative width; columns share the text width pro rata */
} doc_column;

typedef struct doc_block {
	doc_kind kind;
	src_loc origin;   /* where the block came from (template), or none */
	int level;        /* DOC_HEADING: 1..3 */
	char *id;         /* DOC_HEADING: anchor for links and the outline */
	char *text;       /* heading/paragraph/lead/note markup; cover title; bars/table caption */
	char *subtitle;   /* DOC_COVER subtitle; DOC_BARS/DOC_TABLE note under the figure (base) */
	char *extra;      /* DOC_COVER: date line */
	char *extra2;     /* DOC_COVER: organisation */
	char **items;     /* DOC_LIST */
	size_t n_items;
	doc_tile *tiles;  /* DOC_TILES */
	size_t n_tiles;
	doc_bar *bars;    /* DOC_BARS */
	size_t n_bars;
	doc_column *cols; /* DOC_TABLE */
	size_t n_cols;
	char **cells;     /* DOC_TABLE: n_rows * n_cols markup strings, row-major */
	size_t n_rows;
	int total_row;    /* DOC_TABLE: last row is a total, drawn bold with a rule */
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
void doc_tiles_add(doc_block *b, const char *value, const char *label, const char *detail);
void doc_bars_add(doc_block *b, const char *label, const char *value, double fraction,
		  int suppressed);

/* Escape &, <, > and " in plain text so it can be placed in markup. */
char *doc_escape(const char *plain);

/* Stable, diffable text dump of the tree (recit build --dump=doc). */
void doc_dump(const doc *d, FILE *out);

const char *doc_kind_name(doc_kind k);

#endif
