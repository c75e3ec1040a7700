/* tmpl_text.c - running text: lead, paragraphs, notes, quotations, lists
 * (nested through their items), and the narrative files that <texte>
 * brings in (written by the coordinators, expanded as body). */
#include <stdlib.h>
#include <string.h>

#include "tmpl_elems.h"

static void text_block(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, doc_kind kind)
{
	char *m = tmpl_inline_markup(x, f, n);
	doc_block *b = doc_append(x->out, kind);
	b->origin = tmpl_origin(f, n);
	b->text = m;
}

static void lead(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	text_block(x, f, n, DOC_LEAD);
}

static void paragraph(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	text_block(x, f, n, DOC_PARAGRAPH);
}

static void note(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	text_block(x, f, n, DOC_NOTE);
}

static void quote(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	char *m = tmpl_inline_markup(x, f, n);
	char *src = tmpl_attr_eval(x, f, n, "source", TMPL_MARKUP, NULL);
	doc_block *b = doc_append(x->out, DOC_QUOTE);
	b->origin = tmpl_origin(f, n);
	b->text = m;
	if (src && *src)
		b->subtitle = src;
	else
		free(src);
}

typedef struct {
	char **items;
	int *levels;
	size_t n;
	int depth;
} list_acc;

static void list_item(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg)
{
	list_acc *a = arg;
	if (!tmpl_is(n, "item")) {
		tmpl_error(x, f->path, tmpl_line(n), "<%s> is not allowed in <liste>", n->name);
		return;
	}
	a->items = xreallocarray(a->items, a->n + 1, sizeof *a->items);
	a->levels = xreallocarray(a->levels, a->n + 1, sizeof *a->levels);
	a->levels[a->n] = a->depth;
	a->items[a->n++] = tmpl_inline_markup(x, f, n);
	for (xmlNode *c = n->children; c; c = c->next)
		if (tmpl_is(c, "liste")) {
			a->depth++;
			tmpl_walk(x, f, c, list_item, a);
			a->depth--;
		}
}

static void list(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	list_acc a = {0};
	tmpl_walk(x, f, n, list_item, &a);
	doc_block *b = doc_append(x->out, DOC_LIST);
	b->origin = tmpl_origin(f, n);
	for (size_t i = 0; i < a.n; i++) {
		doc_list_add_level(b, a.items[i], a.levels[i]);
		free(a.items[i]);
	}
	free(a.items);
	free(a.levels);
}

/* <texte fichier>: the narrative file was loaded with the template. */
static void narrative(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	const tmpl_file *g = n->_private;
	if (g && g->xml)
		x->expand_body(x, g, xmlDocGetRootElement(g->xml));
}

static const tmpl_elem elems[] = {
	{"chapeau", "a lead paragraph", lead, NULL, {{NULL}}},
	{"p", "a paragraph", paragraph, NULL, {{NULL}}},
	{"note", "small print", note, NULL, {{NULL}}},
	/* Inline, read with the text around them (tmpl_inline_markup). */
	{"em", "inline: emphasis (italics)", NULL, NULL, {{NULL}}},
	{"fort", "inline: strong emphasis (bold)", NULL, NULL, {{NULL}}},
	{"liste", "a bulleted list of `<item>`", list, NULL, {{NULL}}},
	{"item",
	 "in a `<liste>`: an item, which may hold a nested `<liste>`", NULL, NULL, {{NULL}}},
	{"citation", "a block quotation, with its attribution « — source »", quote, NULL,
	 {{"source"}}},
	{"texte", "the narrative file `fichier` of the inputs folder, in place", narrative, NULL,
	 {{"fichier"}}},
};

const tmpl_elem_family tmpl_family_text = {elems, sizeof elems / sizeof *elems};
