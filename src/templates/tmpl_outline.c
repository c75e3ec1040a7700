/* tmpl_outline.c - the report's outline: the cover, the contents, parts
 * and sections (their levels, their numbers, their ids), page breaks and
 * groups of blocks kept on one page. */
#include <stdlib.h>
#include <string.h>

#include "tmpl_elems.h"

static void cover(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	char *title = tmpl_attr_eval(x, f, n, "titre", TMPL_MARKUP, "{rapport.titre}");
	char *subtitle = tmpl_attr_eval(x, f, n, "sous-titre", TMPL_MARKUP, "{rapport.sous-titre}");
	char *date = tmpl_attr_eval(x, f, n, "date", TMPL_MARKUP, "{rapport.date|mois|initiale}");
	char *org = tmpl_attr_eval(x, f, n, "organisation", TMPL_MARKUP, "{rapport.organisation}");
	doc_block *b = doc_append(x->out, DOC_COVER);
	b->origin = tmpl_origin(f, n);
	b->text = title;
	b->subtitle = subtitle;
	b->extra = date;
	b->extra2 = org;
	/* image="images/couverture.png": the year's picture, when the year
	 * folder has it (checked at load, tmpl_load.c); left out otherwise. */
	const tmpl_image *im = n->_private;
	if (im) {
		b->image = xcalloc(1, sizeof *b->image);
		b->image->path = xstrdup(im->path);
		b->image->px_w = im->px_w;
		b->image->px_h = im->px_h;
		b->image->fraction = 1;
	}
}

static void contents(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	doc_append(x->out, DOC_TOC)->origin = tmpl_origin(f, n);
}

/* Ids name anchors in the PDF: two headings cannot share one. */
static void check_id(tmpl_ctx *x, const tmpl_file *f, int line, const char *id)
{
	if (!x->ids)
		x->ids = strset_create();
	if (!strset_add(x->ids, id))
		tmpl_error(x, f->path, line, "duplicate heading id \"%s\"", id);
}

/* <partie> and <section>: a heading one level below the enclosing one,
 * then the content at that level. */
static void heading(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	int line = tmpl_line(n);
	if (tmpl_is(n, "partie") && x->level != 0) {
		tmpl_error(x, f->path, line,
			   "<partie> is a top-level division: use <section> inside a part");
		return;
	}
	int level = x->level + 1;
	if (level > 4) {
		/* doc.h has four heading levels: keep the text, lose a level. */
		tmpl_warning(x, f->path, line,
			     "<section> at level %d: the document has 4 heading levels, so it "
			     "is printed at level 4",
			     level);
		level = 4;
	}
	char *id = tmpl_attr_eval(x, f, n, "id", TMPL_PLAIN, NULL);
	char *title = tmpl_attr_eval(x, f, n, "titre", TMPL_MARKUP, "");
	/* <modele numerotation="oui">: parts are numbered 1, 2, 3... in order,
	 * except those marked numero="non" (annexes). The typesetter shows the
	 * number large and in the contents. */
	if (level == 1 && x->numbering && !tmpl_attr_is(n, "numero", "non")) {
		char *numbered = xasprintf("%d. %s", ++x->part_no, title);
		free(title);
		title = numbered;
	}
	if (id)
		check_id(x, f, line, id);
	doc_block *b = doc_add_heading(x->out, level, id, title);
	b->origin = tmpl_origin(f, n);
	b->landscape = level == 1 && tmpl_attr_is(n, "orientation", "paysage");
	free(id);
	free(title);
	int saved = x->level;
	x->level = x->level + 1;
	x->expand_body(x, f, n);
	x->level = saved;
}

static void page_break(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	doc_append(x->out, DOC_PAGE_BREAK)->origin = tmpl_origin(f, n);
}

static void keep_together(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	doc_append(x->out, DOC_KEEP_BEGIN)->origin = tmpl_origin(f, n);
	x->expand_body(x, f, n);
	doc_append(x->out, DOC_KEEP_END)->origin = tmpl_origin(f, n);
}

static const tmpl_elem elems[] = {
	/* The root: read by the loader (mots-cles) and tmpl_build (numerotation). */
	{"modele", "the root of a template: `mots-cles` for the PDF, `numerotation` of the parts",
	 NULL, NULL, {{"mots-cles"}, {"numerotation", "oui", "non"}}},
	{"couverture",
	 "the cover page (defaults: the title, subtitle, date and organisation of `recit.xml`)",
	 cover, NULL, {{"titre"}, {"sous-titre"}, {"date"}, {"organisation"}, {"image"}}},
	{"sommaire", "the table of contents", contents, NULL, {{NULL}}},
	{"partie", "a level-1 heading and its content; only at the top level",
	 heading, NULL,
	 {{"id"}, {"titre"}, {"numero", "oui", "non"}, {"orientation", "portrait", "paysage"}}},
	{"section", "a heading one level below the enclosing one, and its content",
	 heading, NULL, {{"id"}, {"titre"}}},
	{"saut-de-page", "a new page", page_break, NULL, {{NULL}}},
	{"ensemble", "its blocks stay on one page if they can", keep_together, NULL, {{NULL}}},
};

const tmpl_elem_family tmpl_family_outline = {elems, sizeof elems / sizeof *elems};
