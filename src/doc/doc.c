/* doc.c - the document tree: a growable array of blocks that owns every
 * string stored in it, plus a stable text dump for golden tests. */
#include "doc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

struct doc {
	/* The meta strings are copies; meta points into them. */
	char *title, *short_title, *author, *subject, *keywords, *language, *date_iso;
	doc_meta meta;
	doc_block *blocks;
	size_t n, cap;
};

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

doc *doc_create(const doc_meta *meta)
{
	doc *d = xcalloc(1, sizeof *d);
	doc_meta m = meta ? *meta : (doc_meta){0};
	d->title = xstrdup(m.title ? m.title : "");
	d->short_title = xstrdup(m.short_title ? m.short_title : d->title);
	d->author = dup_or_null(m.author);
	d->subject = dup_or_null(m.subject);
	d->keywords = dup_or_null(m.keywords);
	d->language = xstrdup(m.language ? m.language : "fr-FR");
	d->date_iso = dup_or_null(m.date_iso);
	d->meta = (doc_meta){d->title, d->short_title, d->author, d->subject,
			     d->keywords, d->language, d->date_iso};
	return d;
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void block_free(doc_block *b)
{
	free(b->id);
	free(b->text);
	free(b->subtitle);
	free(b->extra);
	free(b->extra2);
	free_strv(b->items, b->n_items);
	free(b->item_levels);
	for (size_t i = 0; i < b->n_tiles; i++) {
		free(b->tiles[i].value);
		free(b->tiles[i].label);
		free(b->tiles[i].detail);
	}
	free(b->tiles);
	for (size_t i = 0; i < b->n_cols; i++)
		free(b->cols[i].header);
	free(b->cols);
	if (b->cells)
		free_strv(b->cells, b->n_rows * b->n_cols);
	doc_chart_destroy(b->chart);
	if (b->image) {
		free(b->image->path);
		free(b->image);
	}
}

void doc_destroy(doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		block_free(&d->blocks[i]);
	free(d->blocks);
	free(d->title);
	free(d->short_title);
	free(d->author);
	free(d->subject);
	free(d->keywords);
	free(d->language);
	free(d->date_iso);
	free(d);
}

const doc_meta *doc_meta_lookup(const doc *d)
{
	return &d->meta;
}

doc_block *doc_append(doc *d, doc_kind kind)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->blocks = xreallocarray(d->blocks, d->cap, sizeof *d->blocks);
	}
	doc_block *b = &d->blocks[d->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->origin = SRC_LOC_NONE;
	return b;
}

size_t doc_count(const doc *d)
{
	return d->n;
}

const doc_block *doc_at(const doc *d, size_t i)
{
	return i < d->n ? &d->blocks[i] : NULL;
}

doc_block *doc_add_heading(doc *d, int level, const char *id, const char *markup)
{
	doc_block *b = doc_append(d, DOC_HEADING);
	b->level = level;
	b->id = dup_or_null(id);
	b->text = xstrdup(markup ? markup : "");
	return b;
}

doc_block *doc_add_text(doc *d, doc_kind kind, const char *markup)
{
	doc_block *b = doc_append(d, kind);
	b->text = dup_or_null(markup);
	return b;
}

void doc_table_set(doc_block *b, size_t n_cols, size_t n_rows)
{
	/* A second call replaces the table; free what was there. */
	for (size_t i = 0; i < b->n_cols; i++)
		free(b->cols[i].header);
	free(b->cols);
	if (b->cells)
		free_strv(b->cells, b->n_rows * b->n_cols);
	b->cols = xcalloc(n_cols, sizeof *b->cols);
	for (size_t i = 0; i < n_cols; i++)
		b->cols[i].width = 1.0;
	if (n_cols && n_rows > ((size_t)-1) / sizeof(char *) / n_cols)
		abort();
	b->cells = xcalloc(n_cols * n_rows, sizeof *b->cells);
	b->n_cols = n_cols;
	b->n_rows = n_rows;
}

void doc_list_add(doc_block *b, const char *markup)
{
	doc_list_add_level(b, markup, 0);
}

void doc_list_add_level(doc_block *b, const char *markup, int level)
{
	/* Clamp so a list never jumps two levels: the typesetter indents by
	 * level and a jump would look like a mistake. */
	int prev = b->n_items && b->item_levels ? b->item_levels[b->n_items - 1] : 0;
	if (level < 0)
		level = 0;
	if (level > prev + 1)
		level = prev + 1;
	if (level > 0 && !b->item_levels)
		b->item_levels = xcalloc(b->n_items + 1, sizeof *b->item_levels);
	b->items = xreallocarray(b->items, b->n_items + 1, sizeof *b->items);
	if (b->item_levels) {
		b->item_levels = xreallocarray(b->item_levels, b->n_items + 1, sizeof *b->item_levels);
		b->item_levels[b->n_items] = level;
	}
	b->items[b->n_items++] = xstrdup(markup ? markup : "");
}

void doc_tiles_add(doc_block *b, const char *value, const char *label, const char *detail)
{
	b->tiles = xreallocarray(b->tiles, b->n_tiles + 1, sizeof *b->tiles);
	b->tiles[b->n_tiles++] = (doc_tile){xstrdup(value ? value : ""),
					    xstrdup(label ? label : ""), dup_or_null(detail)};
}

/* --- charts ------------------------------------------------------------------ */

doc_chart *doc_chart_create(doc_chart_type type, const char *title, const char *note)
{
	doc_chart *c = xcalloc(1, sizeof *c);
	c->type = (unsigned)type < DOC_CHART__TYPES ? type : DOC_CHART_HBAR;
	c->title = dup_or_null(title);
	c->note = dup_or_null(note);
	return c;
}

void doc_chart_destroy(doc_chart *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_cats; i++) {
		free(c->cats[i].label);
		free(c->cats[i].detail);
	}
	free(c->cats);
	for (size_t s = 0; s < c->n_series; s++) {
		doc_chart_series *se = &c->series[s];
		free(se->name);
		free(se->values);
		free_strv(se->texts, c->n_cats);
		free(se->suppressed);
	}
	free(c->series);
	free(c->title);
	free(c->note);
	free(c->center);
	free(c->other_label);
	free(c);
}

doc_chart *doc_add_chart(doc *d, doc_chart_type type, const char *title, const char *note)
{
	doc_block *b = doc_append(d, DOC_CHART);
	b->chart = doc_chart_create(type, title, note);
	return b->chart;
}

/* Grow one series to n cells; new cells are missing. */
static void series_grow(doc_chart_series *se, size_t old_n, size_t n)
{
	se->values = xreallocarray(se->values, n ? n : 1, sizeof *se->values);
	se->texts = xreallocarray(se->texts, n ? n : 1, sizeof *se->texts);
	se->suppressed = xreallocarray(se->suppressed, n ? n : 1, sizeof *se->suppressed);
	for (size_t i = old_n; i < n; i++) {
		se->values[i] = NAN;
		se->texts[i] = NULL;
		se->suppressed[i] = 0;
	}
}

size_t doc_chart_add_cat(doc_chart *c, const char *label, int parent)
{
	c->cats = xreallocarray(c->cats, c->n_cats + 1, sizeof *c->cats);
	c->cats[c->n_cats] = (doc_chart_cat){xstrdup(label ? label : ""), NULL, parent};
	for (size_t s = 0; s < c->n_series; s++)
		series_grow(&c->series[s], c->n_cats, c->n_cats + 1);
	return c->n_cats++;
}

size_t doc_chart_add_series(doc_chart *c, const char *name)
{
	c->series = xreallocarray(c->series, c->n_series + 1, sizeof *c->series);
	doc_chart_series *se = &c->series[c->n_series];
	memset(se, 0, sizeof *se);
	se->name = dup_or_null(name);
	series_grow(se, 0, c->n_cats);
	return c->n_series++;
}

void doc_chart_set(doc_chart *c, size_t series, size_t cat, double value, const char *text,
		   int suppressed)
{
	if (series >= c->n_series || cat >= c->n_cats)
		return;
	doc_chart_series *se = &c->series[series];
	se->values[cat] = value;
	free(se->texts[cat]);
	se->texts[cat] = dup_or_null(text);
	se->suppressed[cat] = suppressed != 0;
}

static const char *const chart_type_names[DOC_CHART__TYPES] = {
	"barres", "colonnes", "empilees", "anneau", "unites", "histogramme", "frise", "flux", "carte"};

const char *doc_chart_type_name(doc_chart_type t)
{
	return (unsigned)t < DOC_CHART__TYPES ? chart_type_names[t] : "?";
}

const char *const *doc_chart_type_names(void)
{
	return chart_type_names;
}

int doc_chart_type_from_name(const char *name)
{
	for (int i = 0; name && i < DOC_CHART__TYPES; i++)
		if (strcmp(name, chart_type_names[i]) == 0)
			return i;
	return -1;
}

doc_block *doc_add_image(doc *d, const char *path, int px_w, int px_h, double fraction,
			 double width_mm, const char *caption, const char *alt)
{
	doc_block *b = doc_append(d, DOC_IMAGE);
	b->image = xcalloc(1, sizeof *b->image);
	b->image->path = xstrdup(path ? path : "");
	b->image->px_w = px_w;
	b->image->px_h = px_h;
	b->image->fraction = fraction > 0 && fraction <= 1 ? fraction : 1;
	b->image->width_mm = width_mm > 0 ? width_mm : 0;
	b->text = dup_or_null(caption);
	b->subtitle = dup_or_null(alt);
	return b;
}

const char *doc_kind_name(doc_kind k)
{
	/* Marked for the messages that name a block (typeset); --dump doc
	 * prints them untranslated. */
	static const char *const names[DOC__KINDS] = {
		/* TRANSLATORS: the kinds of blocks of the report, in a message
		 * such as "block 12 (paragraph "...") is taller than a page". */
		N_("cover"), N_("toc"), N_("heading"), N_("paragraph"), N_("lead"), N_("note"),
		N_("list"), N_("quote"), N_("tiles"), N_("table"), N_("chart"), N_("page-break"),
		N_("keep-begin"), N_("keep-end"), N_("cards"), N_("image")};
	return (unsigned)k < DOC__KINDS ? names[k] : "?";
}

/* Dump strings in double quotes with C-like escapes; non-ASCII spaces are
 * spelled out so that a diff shows where U+202F and U+00A0 went. */
static void dump_str(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			fputc('\\', out);
			fputc(*p, out);
		} else if (*p == '\n') {
			fputs("\\n", out);
		} else if (*p == '\t') {
			fputs("\\t", out);
		} else if (*p < 0x20 || *p == 0x7f) {
			fprintf(out, "\\x%02x", *p);
		} else if (p[0] == 0xc2 && p[1] == 0xa0) {
			fputs("\\u00A0", out);
			p++;
		} else if (p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0xaf) {
			fputs("\\u202F", out);
			p += 2;
		} else if (p[0] == 0xc2 && p[1] == 0xad) {
			fputs("\\u00AD", out);
			p++;
		} else {
			fputc(*p, out);
		}
	}
	fputc('"', out);
}

static void dump_field(FILE *out, const char *name, const char *s)
{
	if (!s)
		return;
	fprintf(out, " %s=", name);
	dump_str(out, s);
}

static const char *align_name(doc_align a)
{
	return a == DOC_ALIGN_RIGHT ? "right" : a == DOC_ALIGN_CENTER ? "center" : "left";
}

/* Values with fixed precision (no printf shortest-representation choices);
 * a missing value is spelled out. */
static void dump_value(FILE *out, double v)
{
	if (isnan(v))
		fputs("missing", out);
	else
		fprintf(out, "%.4f", v);
}

static void dump_chart(FILE *out, const doc_chart *c)
{
	static const char *const sorts[] = {"none", "desc", "asc"};
	static const char *const units[] = {"count", "percent", "euros"};
	fprintf(out, "  chart type=%s unit=%s base=%lld threshold=%d sort=%s max_cats=%zu "
		     "group_other=%d height=%.1f axis_max=",
		doc_chart_type_name(c->type), (unsigned)c->unit < 3 ? units[c->unit] : "?", c->base,
		c->threshold, (unsigned)c->sort < 3 ? sorts[c->sort] : "?", c->max_cats,
		c->group_other, c->height);
	dump_value(out, c->axis_max);
	fprintf(out, " skip_missing=%d glyph=%s", c->skip_missing, c->glyph == DOC_CHART_GLYPH_PERSON ? "person" : "square");
	dump_field(out, "title", c->title);
	dump_field(out, "note", c->note);
	dump_field(out, "center", c->center);
	dump_field(out, "other", c->other_label);
	fputc('\n', out);
	for (size_t i = 0; i < c->n_cats; i++) {
		fprintf(out, "    cat %zu parent=%d label=", i, c->cats[i].parent);
		dump_str(out, c->cats[i].label);
		dump_field(out, "detail", c->cats[i].detail);
		fputc('\n', out);
	}
	for (size_t s = 0; s < c->n_series; s++) {
		const doc_chart_series *se = &c->series[s];
		fprintf(out, "    series %zu name=", s);
		dump_str(out, se->name);
		fputc('\n', out);
		for (size_t i = 0; i < c->n_cats; i++) {
			fprintf(out, "      cell %zu value=", i);
			dump_value(out, se->values[i]);
			fputs(" text=", out);
			dump_str(out, se->texts[i]);
			fprintf(out, " suppressed=%d\n", se->suppressed[i]);
		}
	}
}

void doc_dump(const doc *d, FILE *out)
{
	fputs("doc", out);
	dump_field(out, "title", d->meta.title);
	dump_field(out, "short_title", d->meta.short_title);
	dump_field(out, "author", d->meta.author);
	dump_field(out, "subject", d->meta.subject);
	dump_field(out, "keywords", d->meta.keywords);
	dump_field(out, "language", d->meta.language);
	dump_field(out, "date", d->meta.date_iso);
	fputc('\n', out);
	for (size_t i = 0; i < d->n; i++) {
		const doc_block *b = &d->blocks[i];
		fprintf(out, "%zu %s", i, doc_kind_name(b->kind));
		if (b->origin.file) {
			fprintf(out, " origin=%s:%d", b->origin.file, b->origin.line);
			if (b->origin.col > 0)
				fprintf(out, ":%d", b->origin.col);
		}
		if (b->kind == DOC_HEADING)
			fprintf(out, " level=%d", b->level);
		if (b->landscape)
			fputs(" landscape=1", out);
		dump_field(out, "id", b->id);
		dump_field(out, "text", b->text);
		dump_field(out, "subtitle", b->subtitle);
		dump_field(out, "extra", b->extra);
		dump_field(out, "extra2", b->extra2);
		if (b->kind == DOC_TABLE)
			fprintf(out, " cols=%zu rows=%zu total_row=%d", b->n_cols, b->n_rows,
				b->total_row);
		if (b->kind == DOC_CARDS)
			fprintf(out, " grid=%dx%d", b->grid_cols, b->grid_rows);
		if (b->image) {
			dump_field(out, "path", b->image->path);
			fprintf(out, " px=%dx%d", b->image->px_w, b->image->px_h);
			if (b->image->width_mm > 0)
				fprintf(out, " width=%.1fmm", b->image->width_mm);
			else
				fprintf(out, " width=%.1f%%", b->image->fraction * 100);
		}
		fputc('\n', out);
		for (size_t k = 0; k < b->n_items; k++) {
			fputs("  item ", out);
			if (b->item_levels && b->item_levels[k])
				fprintf(out, "level=%d ", b->item_levels[k]);
			dump_str(out, b->items[k]);
			fputc('\n', out);
		}
		for (size_t k = 0; k < b->n_tiles; k++) {
			fputs("  tile value=", out);
			dump_str(out, b->tiles[k].value);
			fputs(" label=", out);
			dump_str(out, b->tiles[k].label);
			fputs(" detail=", out);
			dump_str(out, b->tiles[k].detail);
			fputc('\n', out);
		}
		if (b->chart)
			dump_chart(out, b->chart);
		for (size_t k = 0; k < b->n_cols; k++) {
			fprintf(out, "  col align=%s width=%.3f header=", align_name(b->cols[k].align),
				b->cols[k].width);
			dump_str(out, b->cols[k].header);
			fputc('\n', out);
		}
		for (size_t r = 0; r < b->n_rows && b->cells; r++) {
			fprintf(out, "  row %zu", r);
			for (size_t c = 0; c < b->n_cols; c++) {
				fputc(' ', out);
				dump_str(out, b->cells[r * b->n_cols + c]);
			}
			fputc('\n', out);
		}
	}
}
