/* tmpl_tables.c - <tableau>: columns, rows of cells (text or a figure in a
 * format), an optional total row, and the base note of its group. */
#include <stdlib.h>
#include <string.h>

#include "fmt_fr.h"
#include "tmpl_elems.h"

typedef struct {
	char **cells;
	size_t n;
} row_acc;

typedef struct {
	doc_column *cols;
	size_t n_cols;
	row_acc *rows;
	size_t n_rows;
	int total_line; /* line of the total row, 0 when none */
	size_t total_at;
} table_acc;

/* <cellule figure format absent>: the figure in its format, or absent's
 * text when no figure has that id. */
static char *figure_cell(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	char *text = NULL, *missing = NULL;
	bool has_absent = tmpl_has_attr(n, "absent");
	const stat_figure *fig = tmpl_figure_attr(x, f, n, "figure", has_absent ? &missing : NULL);
	if (fig) {
		char *fmt = xml_attr_dup(n, "format");
		char *expr = xasprintf("{%s%s%s}", fig->id, fmt ? "|" : "", fmt ? fmt : "");
		text = tmpl_eval_str(x, f->path, tmpl_line(n), expr, TMPL_MARKUP);
		free(expr);
		free(fmt);
	} else if (missing)
		text = tmpl_attr_eval(x, f, n, "absent", TMPL_MARKUP, NULL);
	free(missing);
	return text;
}

static void cell(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg)
{
	row_acc *r = arg;
	if (!tmpl_is(n, "cellule")) {
		tmpl_error(x, f->path, tmpl_line(n), "<%s> is not allowed in <ligne>", n->name);
		return;
	}
	char *text = tmpl_has_attr(n, "figure") ? figure_cell(x, f, n) : tmpl_inline_markup(x, f, n);
	r->cells = xreallocarray(r->cells, r->n + 1, sizeof *r->cells);
	r->cells[r->n++] = text ? text : xstrdup("");
}

static void column(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, table_acc *a)
{
	doc_column c = {0};
	c.header = tmpl_attr_eval(x, f, n, "titre", TMPL_MARKUP, "");
	c.align = tmpl_attr_is(n, "alignement", "droite")    ? DOC_ALIGN_RIGHT
		  : tmpl_attr_is(n, "alignement", "centre") ? DOC_ALIGN_CENTER
							    : DOC_ALIGN_LEFT;
	c.width = 1.0;
	char *w = xml_attr_dup(n, "largeur");
	if (w) {
		bool ok;
		c.width = tmpl_parse_width(w, &ok);
		if (!ok) {
			diag_emit(x->d, DIAG_ERROR, tmpl_origin(f, n), "largeur",
				  "expected a relative width such as 1 or 2.4, found \"%s\"", w);
			x->errors++;
			c.width = 1.0;
		}
	}
	free(w);
	a->cols = xreallocarray(a->cols, a->n_cols + 1, sizeof *a->cols);
	a->cols[a->n_cols++] = c;
}

static void row(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, table_acc *a)
{
	row_acc r = {0};
	tmpl_walk(x, f, n, cell, &r);
	if (r.n != a->n_cols)
		tmpl_error(x, f->path, tmpl_line(n), "this row has %zu cells, the table has %zu columns",
			   r.n, a->n_cols);
	if (tmpl_attr_is(n, "total", "oui")) {
		a->total_line = tmpl_line(n);
		a->total_at = a->n_rows;
	}
	a->rows = xreallocarray(a->rows, a->n_rows + 1, sizeof *a->rows);
	a->rows[a->n_rows++] = r;
}

static void table_part(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg)
{
	if (tmpl_is(n, "colonne"))
		column(x, f, n, arg);
	else if (tmpl_is(n, "ligne"))
		row(x, f, n, arg);
	else
		tmpl_error(x, f->path, tmpl_line(n), "<%s> is not allowed in <tableau>", n->name);
}

/* The doc takes the headers and the cells; a row too long loses its extra
 * cells (reported), a row too short is padded. */
static void fill(doc_block *b, table_acc *a)
{
	doc_table_set(b, a->n_cols, a->n_rows);
	for (size_t c = 0; c < a->n_cols; c++)
		b->cols[c] = a->cols[c];
	for (size_t r = 0; r < a->n_rows; r++) {
		for (size_t c = 0; c < a->rows[r].n; c++) {
			if (c < a->n_cols)
				b->cells[r * a->n_cols + c] = a->rows[r].cells[c];
			else
				free(a->rows[r].cells[c]);
		}
		for (size_t c = a->rows[r].n; c < a->n_cols; c++)
			b->cells[r * a->n_cols + c] = xstrdup("");
		free(a->rows[r].cells);
	}
	b->total_row = a->total_line != 0;
	free(a->cols);
	free(a->rows);
}

tmpl_mark tmpl_withheld_mark(const char *m)
{
	if (!strcmp(m, "s"))
		return TMPL_MARK_SECRET;
	const char *lt = "&lt;" FR_NNBSP;
	if (!strncmp(m, lt, strlen(lt)) && m[strlen(lt)] >= '0' && m[strlen(lt)] <= '9')
		return TMPL_MARK_BELOW_K;
	return TMPL_MARK_NONE;
}

char *tmpl_marks_note(const tmpl_ctx *x, unsigned marks)
{
	if (!marks)
		return NULL;
	int k = stats_threshold(x->s) > 0 ? stats_threshold(x->s) : x->k;
	strbuf b = {0};
	if (marks & TMPL_MARK_BELOW_K)
		strbuf_printf(&b, "&lt;" FR_NNBSP "%d" FR_NBSP ": moins de %d personnes", k, k);
	if (marks & TMPL_MARK_SECRET)
		strbuf_printf(&b, "%ss" FR_NBSP ": secret statistique",
			      marks & TMPL_MARK_BELOW_K ? FR_NNBSP "; " : "");
	strbuf_putc(&b, '.');
	return strbuf_detach(&b);
}

static void table(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	table_acc a = {0};
	tmpl_walk(x, f, n, table_part, &a);
	if (a.total_line && a.total_at + 1 != a.n_rows)
		tmpl_error(x, f->path, a.total_line, "the total row must be the table's last row");
	const stat_group *g = tmpl_has_attr(n, "groupe") ? tmpl_group_attr(x, f, n, true) : NULL;
	doc_block *b = doc_append(x->out, DOC_TABLE);
	b->origin = tmpl_origin(f, n);
	b->text = tmpl_attr_eval(x, f, n, "titre", TMPL_MARKUP, NULL);
	b->subtitle = tmpl_attr_eval(x, f, n, "note", TMPL_MARKUP, NULL);
	if (!b->subtitle && g)
		b->subtitle = tmpl_base_note(x, g);
	fill(b, &a);
	/* A table that shows « < k » or « s » says what they mean under it,
	 * wherever it is printed. */
	unsigned marks = 0;
	for (size_t i = 0; i < b->n_cols * b->n_rows; i++)
		marks |= tmpl_withheld_mark(b->cells[i]);
	char *m = tmpl_marks_note(x, marks);
	if (m) {
		char *note = b->subtitle ? xasprintf("%s %s", b->subtitle, m) : xstrdup(m);
		free(b->subtitle);
		b->subtitle = note;
		free(m);
	}
}

static const tmpl_elem elems[] = {
	{"tableau", "a table of `<colonne>` and `<ligne>`, its caption and note", table, NULL,
	 {{"titre"}, {"note"}, {"groupe"}}},
	{"colonne", "in `<tableau>`: a column, its header, alignment and relative width", NULL,
	 NULL, {{"titre"}, {"alignement", "gauche", "droite", "centre"}, {"largeur"}}},
	{"ligne", "in `<tableau>`: a row of `<cellule>`; `total=\"oui\"` for the last row", NULL,
	 NULL, {{"total", "oui", "non"}}},
	{"cellule", "in `<ligne>`: inline text, or a figure in a format", NULL, NULL,
	 {{"figure"}, {"format"}, {"absent"}}},
};

const tmpl_elem_family tmpl_family_tables = {elems, sizeof elems / sizeof *elems};
