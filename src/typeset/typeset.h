/* typeset.h - the typesetting stage: document tree -> pages kept as data.
 *
 * typeset_create() sets up, once per run, the project-only font
 * configuration (every .otf and .ttf file in fonts_dir), the Pango context and the French
 * hyphenation dictionary. typeset_document() lays the whole document out and
 * paginates it; the result is a page_list (see typeset_page.h) that the draw
 * devices replay (PDF, PNG, text trace). Nothing here draws. */
#ifndef RECIT_TYPESET_H
#define RECIT_TYPESET_H

#include <stddef.h>

#include "diag.h"
#include "doc.h"
#include "style_sheet.h"

typedef struct typeset_ctx typeset_ctx;
typedef struct page_list page_list;

/* Default location of the French hyphenation patterns (Debian hyphen-fr). */
#define TYPESET_HYPH_FR_DEFAULT "/usr/share/hyphen/hyph_fr.dic"

/* fonts_dir: folder holding the shipped faces (Inter, Liberation Serif,
 * DejaVu Sans). hyph_dic_path: libhyphen dictionary, or NULL for
 * TYPESET_HYPH_FR_DEFAULT; when it cannot be loaded a warning is emitted and
 * text is set without hyphenation. Returns NULL after a diag error when the
 * folder or a required face is missing. d is borrowed and must outlive the
 * context. */
typeset_ctx *typeset_create(diag_sink *d, const char *fonts_dir, const char *hyph_dic_path);
void typeset_destroy(typeset_ctx *t);

/* Use sheet's palette and styles (a copy is taken) instead of the built-in
 * ones (style_sheet_defaults), for the next typeset_document calls. */
void typeset_set_styles(typeset_ctx *t, const style_sheet *sheet);

/* Under strict, a character that no shipped font has is an error rather
 * than a warning (recit build --strict). */
void typeset_set_strict(typeset_ctx *t, bool strict);

/* Lay out and paginate. Returns NULL only when nothing can be produced (a
 * diag error says why). A chart of bars taller than a page continues on the
 * next ones; a block that still cannot fit on a page (one piece taller than
 * the page body) is a diag error naming its template line, and the pages
 * are still returned (the caller decides not to write them). The caller owns the list. The list borrows
 * nothing from the doc, but it references the context's fonts: destroy it
 * before typeset_destroy(). */
page_list *typeset_document(typeset_ctx *t, const doc *document);
void page_list_destroy(page_list *p);
size_t page_list_count(const page_list *p);

#endif
