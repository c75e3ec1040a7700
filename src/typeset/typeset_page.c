/* typeset_page.c - the typesetting context, the text styles (fonts, sizes,
 * colours) and the page list that pagination fills. */
#include <stdlib.h>
#include <string.h>

#include "typeset_int.h"
#include "util.h"

struct page_list {
	page **pages; /* pointers, so that a page outlives the array's growth */
	size_t n, cap;
};

static const PangoWeight weights[STYLE_WEIGHT__COUNT] = {
	[STYLE_WEIGHT_NORMAL] = PANGO_WEIGHT_NORMAL,
	[STYLE_WEIGHT_MEDIUM] = PANGO_WEIGHT_MEDIUM,
	[STYLE_WEIGHT_SEMIBOLD] = PANGO_WEIGHT_SEMIBOLD,
	[STYLE_WEIGHT_BOLD] = PANGO_WEIGHT_BOLD,
};

static const PangoAlignment aligns[STYLE_ALIGN__COUNT] = {
	[STYLE_ALIGN_LEFT] = PANGO_ALIGN_LEFT,
	[STYLE_ALIGN_RIGHT] = PANGO_ALIGN_RIGHT,
	[STYLE_ALIGN_CENTER] = PANGO_ALIGN_CENTER,
};

uint32_t ts_color(const typeset_ctx *t, style_color c)
{
	return t->sheet.palette[c];
}

uint32_t ts_style_color(const typeset_ctx *t, ts_style s)
{
	return t->sheet.palette[t->sheet.style[s].color];
}

/* One font description per style, from t->sheet. */
static void make_fonts(typeset_ctx *t)
{
	for (int s = 0; s < ST__COUNT; s++) {
		const style_def *sd = &t->sheet.style[s];
		if (t->font[s])
			pango_font_description_free(t->font[s]);
		PangoFontDescription *fd = pango_font_description_new();
		pango_font_description_set_family_static(fd, style_family_name(sd->family));
		pango_font_description_set_weight(fd, weights[sd->weight]);
		pango_font_description_set_style(fd, sd->italic ? PANGO_STYLE_ITALIC
							       : PANGO_STYLE_NORMAL);
		pango_font_description_set_size(fd, (int)(sd->size * PANGO_SCALE + 0.5));
		t->font[s] = fd;
	}
}

void typeset_set_styles(typeset_ctx *t, const style_sheet *sheet)
{
	t->sheet = *sheet;
	make_fonts(t);
}

typeset_ctx *typeset_create(diag_sink *d, const char *fonts_dir, const char *hyph_dic_path)
{
	typeset_ctx *t = xcalloc(1, sizeof *t);
	t->diag = d;
	if (!ts_fonts_init(t, fonts_dir)) {
		free(t);
		return NULL;
	}
	t->hyph = ts_hyph_load(d, hyph_dic_path);
	style_sheet_defaults(&t->sheet);
	make_fonts(t);
	return t;
}

void typeset_destroy(typeset_ctx *t)
{
	if (!t)
		return;
	for (int s = 0; s < ST__COUNT; s++)
		if (t->font[s])
			pango_font_description_free(t->font[s]);
	ts_hyph_free(t->hyph);
	ts_fonts_fini(t);
	free(t);
}

PangoLayout *ts_layout(typeset_ctx *t, ts_style s, const char *markup, int width, int align)
{
	const style_def *sd = &t->sheet.style[s];
	char *fr = ts_french_spacing(markup ? markup : "");
	if (sd->hyphenate && t->hyph) {
		char *hy = ts_hyphenate(t->hyph, fr);
		free(fr);
		fr = hy;
	}
	char *pm = ts_pango_markup(fr);
	free(fr);

	PangoLayout *l = pango_layout_new(t->pango);
	pango_layout_set_font_description(l, t->font[s]);
	if (width >= 0) {
		pango_layout_set_width(l, width);
		/* Break inside a word only when it cannot fit a line at all:
		 * text never runs past the margin. */
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_justify(l, sd->justify);
	pango_layout_set_alignment(l, align >= 0 ? (PangoAlignment)align : aligns[sd->align]);
	if (sd->spacing > 0)
		pango_layout_set_line_spacing(l, (float)sd->spacing);

	PangoAttrList *attrs = NULL;
	char *text = NULL;
	GError *err = NULL;
	if (!pango_parse_markup(pm, -1, 0, &attrs, &text, NULL, &err)) {
		/* ts_pango_markup balances tags and escapes strays, so this
		 * should not happen; fall back to the plain text. */
		diag_emit(t->diag, DIAG_WARNING, SRC_LOC_NONE, NULL,
			  "cannot read the markup \"%.60s\": %s; set as plain text", pm,
			  err ? err->message : "?");
		g_clear_error(&err);
		text = doc_plain_text(pm);
		pango_layout_set_text(l, text, -1);
		free(text);
		text = NULL;
		attrs = pango_attr_list_new();
	} else {
		pango_layout_set_text(l, text, -1);
		g_free(text);
	}
	if (sd->letter_spacing != 0)
		pango_attr_list_insert_before(
			attrs, pango_attr_letter_spacing_new((int)(sd->letter_spacing * PANGO_SCALE)));
	if (sd->features[0])
		pango_attr_list_insert_before(attrs, pango_attr_font_features_new(sd->features));
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	free(pm);
	ts_check_glyphs(t, l);
	return l;
}

/* --- page list ------------------------------------------------------------ */

page_list *ts_page_list_create(void)
{
	return xcalloc(1, sizeof(page_list));
}

page *ts_page_add(page_list *pl, int width, int height)
{
	if (pl->n == pl->cap) {
		pl->cap = pl->cap ? pl->cap * 2 : 16;
		pl->pages = xreallocarray(pl->pages, pl->cap, sizeof *pl->pages);
	}
	page *pg = xcalloc(1, sizeof *pg);
	pg->width = width;
	pg->height = height;
	pl->pages[pl->n++] = pg;
	return pg;
}

page *ts_page_lookup(page_list *pl, size_t i)
{
	return i < pl->n ? pl->pages[i] : NULL;
}

void ts_page_push(page *pg, const page_op *op)
{
	if (pg->n_ops == pg->cap_ops) {
		pg->cap_ops = pg->cap_ops ? pg->cap_ops * 2 : 64;
		pg->ops = xreallocarray(pg->ops, pg->cap_ops, sizeof *pg->ops);
	}
	page_op *o = &pg->ops[pg->n_ops++];
	*o = *op;
	ts_op_own(o);
}

void ts_op_own(page_op *o)
{
	if (o->layout)
		g_object_ref(o->layout);
	o->name = o->name ? xstrdup(o->name) : NULL;
	o->title = o->title ? xstrdup(o->title) : NULL;
	if (o->path && o->n_path) {
		page_path_seg *p = xreallocarray(NULL, o->n_path, sizeof *p);
		memcpy(p, o->path, o->n_path * sizeof *p);
		o->path = p;
	} else {
		o->path = NULL;
		o->n_path = 0;
	}
}

void ts_op_release(page_op *o)
{
	if (o->layout)
		g_object_unref(o->layout);
	free(o->name);
	free(o->title);
	free(o->path);
	o->layout = NULL;
	o->name = o->title = NULL;
	o->path = NULL;
}

void page_list_destroy(page_list *pl)
{
	if (!pl)
		return;
	for (size_t i = 0; i < pl->n; i++) {
		page *pg = pl->pages[i];
		for (size_t k = 0; k < pg->n_ops; k++)
			ts_op_release(&pg->ops[k]);
		free(pg->ops);
		free(pg);
	}
	free(pl->pages);
	free(pl);
}

size_t page_list_count(const page_list *pl)
{
	return pl ? pl->n : 0;
}

const page *page_list_at(const page_list *pl, size_t i)
{
	return i < pl->n ? pl->pages[i] : NULL;
}

long page_list_find_dest(const page_list *pl, const char *name)
{
	for (size_t i = 0; i < pl->n; i++)
		for (size_t k = 0; k < pl->pages[i]->n_ops; k++) {
			const page_op *o = &pl->pages[i]->ops[k];
			if (o->kind == PAGE_OP_DEST && strcmp(o->name, name) == 0)
				return (long)i;
		}
	return -1;
}

const char *page_op_text(const page_op *op, size_t *len)
{
	if (op->kind != PAGE_OP_TEXT || !op->layout) {
		*len = 0;
		return "";
	}
	PangoLayoutLine *line = pango_layout_get_line_readonly(op->layout, op->line);
	const char *text = pango_layout_get_text(op->layout);
	if (!line) {
		*len = 0;
		return "";
	}
	*len = (size_t)line->length;
	return text + line->start_index;
}

PangoLayout *ts_rejustify_line(PangoLayout *l, int i)
{
	int width = pango_layout_get_width(l);
	if (width <= 0 || !pango_layout_get_justify(l))
		return NULL;
	PangoLayoutLine *line = pango_layout_get_line_readonly(l, i);
	if (!line || i + 1 >= pango_layout_get_line_count(l))
		return NULL; /* the last line is never justified */
	PangoRectangle log;
	pango_layout_line_get_extents(line, NULL, &log);
	if (log.width <= width + PANGO_SCALE / 4)
		return NULL;
	/* Pango 1.50 sometimes justifies a line that ends in a soft-hyphen
	 * break as if the drawn hyphen had no width, and the hyphen then
	 * sticks out of the margin by its width. Re-set that one line on its
	 * own, hyphen spelled out, justified to the full width. */
	const char *text = pango_layout_get_text(l);
	int start = line->start_index, n = line->length;
	while (n > 0 && text[start + n - 1] == ' ')
		n--;
	strbuf b = {0};
	strbuf_add(&b, text + start, (size_t)n);
	PangoAttrList *attrs = pango_layout_get_attributes(l);
	attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
	pango_attr_list_update(attrs, 0, start, 0);
	if (n >= 2 && memcmp(b.data + n - 2, "\xC2\xAD", 2) == 0) {
		b.len -= 2;
		strbuf_putc(&b, '-');
		pango_attr_list_update(attrs, n - 2, 2, 1);
	}
	PangoLayout *nl = pango_layout_copy(l);
	pango_layout_set_text(nl, b.data, (int)b.len);
	pango_layout_set_attributes(nl, attrs);
	pango_layout_set_justify_last_line(nl, TRUE);
	pango_attr_list_unref(attrs);
	strbuf_free(&b);
	if (pango_layout_get_line_count(nl) != 1) {
		g_object_unref(nl);
		return NULL;
	}
	return nl;
}
