/* typeset_page.h - pages kept as data: each page is a display list of
 * positioned operations that any draw device replays (PDF, PNG, trace).
 *
 * All coordinates and lengths are integer Pango units (1/1024 pt) from the
 * top-left corner of the page, y growing downwards, so that two runs give
 * the same numbers and a trace can be compared exactly. Colours are 0xRRGGBB. */
#ifndef RECIT_TYPESET_PAGE_H
#define RECIT_TYPESET_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <pango/pango.h>

#include "typeset.h"

typedef enum {
	PAGE_OP_TEXT,    /* one line of a PangoLayout, baseline-left at (x, y) */
	PAGE_OP_RECT,    /* box (x, y, w, h), filled and/or stroked, radius */
	PAGE_OP_LINE,    /* segment (x, y) -> (x + w, y + h) */
	PAGE_OP_DEST,    /* named destination at (x, y) */
	PAGE_OP_LINK,    /* clickable box (x, y, w, h) to the destination name */
	PAGE_OP_OUTLINE, /* outline (bookmark) entry: level, title -> name */
	PAGE_OP_PATH,    /* path (segments below), filled and/or stroked */
	PAGE_OP_TAG_BEGIN, /* start of a structure element: name ("Figure"),
			    * title = its text alternative (kept for post-processing:
			    * Cairo 1.16 cannot write /Alt) */
	PAGE_OP_TAG_END,   /* end of the innermost structure element */
	PAGE_OP_IMAGE,     /* PNG file name drawn scaled into box (x, y, w, h);
			    * title = its text alternative */
} page_op_kind;

/* Path segments. Arcs are given as cubic Béziers by the code that builds
 * them, so that devices and the trace stay exact integer replays. */
typedef enum { PAGE_PATH_MOVE, PAGE_PATH_LINE, PAGE_PATH_CURVE, PAGE_PATH_CLOSE } page_path_verb;

typedef struct {
	page_path_verb verb;
	int x[3], y[3]; /* MOVE/LINE: point 0; CURVE: control 0, control 1, end 2 */
} page_path_seg;

typedef enum { PAGE_DASH_NONE, PAGE_DASH_DASHED, PAGE_DASH_DOTTED } page_dash;

typedef struct {
	page_op_kind kind;
	int x, y, w, h;
	/* TEXT: the layout (one reference held by the page) and line index;
	 * color is the text colour. */
	PangoLayout *layout;
	int line;
	uint32_t color;
	/* RECT / LINE / PATH */
	bool fill, stroke;
	uint32_t fill_color, stroke_color;
	int line_width; /* Pango units */
	int radius;     /* RECT: corner radius, Pango units */
	page_dash dash;
	/* DEST / LINK: destination name; OUTLINE: name and title (plain UTF-8);
	 * IMAGE: name is the file path. */
	char *name;
	char *title;
	int level; /* OUTLINE: 1.. */
	/* PATH: segments (owned by the op), in page coordinates like x, y;
	 * x and y translate them. */
	page_path_seg *path;
	size_t n_path;
	/* Index of the doc block that produced the op; -1 for running heads
	 * and footers. For tests and diagnostics; devices ignore it. */
	long block;
} page_op;

typedef struct {
	int width, height; /* Pango units */
	bool is_cover;
	page_op *ops;
	size_t n_ops, cap_ops;
} page;

const page *page_list_at(const page_list *p, size_t i);
/* Index of the page holding the destination name, or -1. */
long page_list_find_dest(const page_list *p, const char *name);

/* Text of the line a TEXT op draws (borrowed from the layout) and its byte
 * length. */
const char *page_op_text(const page_op *op, size_t *len);

#endif
