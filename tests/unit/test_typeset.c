/* Unit tests for pagination (typeset_paginate.c and its siblings), read
 * from the page data: widows and orphans (built-in, per block kind, and
 * from a styles.xml), headings kept with what follows, table headers
 * repeated, oversized blocks, contents page numbers, font errors. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "doc.h"
#include "test_typesetter.h"
#include "tmpl.h"
#include "typeset_int.h"
#include "util.h"
#include "test_sink.h"

typedef struct {
	test_ts ts;
} fixture;

static int setup(void **state)
{
	fixture *f = xcalloc(1, sizeof *f);
	*state = f;
	return test_ts_open(&f->ts) ? 0 : -1;
}

static int teardown(void **state)
{
	fixture *f = *state;
	test_ts_close(&f->ts);
	free(f);
	return 0;
}

static const char *const filler =
	"Le réseau s’est construit pas à pas, à partir de trois expériences de quartier menées "
	"entre 2017 et 2019, chacune avec sa propre manière d’accueillir des personnes éloignées "
	"de l’emploi et de leur confier de vraies responsabilités économiques au sein d’une "
	"petite entreprise coopérative de proximité, accompagnée durablement par un collectif.";

static doc *new_doc(void)
{
	doc_meta m = {.title = "Essai", .date_iso = "2024-01-15"};
	return doc_create(&m);
}

static char *long_text(int repeat)
{
	strbuf b = {0};
	for (int i = 0; i < repeat; i++) {
		if (i)
			strbuf_putc(&b, ' ');
		strbuf_puts(&b, filler);
	}
	return strbuf_detach(&b);
}

/* Number of TEXT ops of block blk on page p. */
static int lines_of(const page_list *pl, size_t p, long blk)
{
	const page *pg = page_list_at(pl, p);
	int n = 0;
	for (size_t k = 0; k < pg->n_ops; k++)
		n += pg->ops[k].kind == PAGE_OP_TEXT && pg->ops[k].block == blk;
	return n;
}

static void test_missing_fonts(void **state)
{
	(void)state;
	sink out;
	sink_open(&out);
	diag_sink *d = out.d;
	assert_null(typeset_create(d, "/nonexistent/fonts", NULL));
	assert_true(diag_failed(d));
	/* A folder without the faces: each missing one is named. */
	const char *src = getenv("RECIT_SOURCE_DIR");
	char *tests = xasprintf("%s/tests", src ? src : ".");
	assert_null(typeset_create(d, tests, NULL));
	free(tests);
	assert_non_null(strstr(sink_text(&out), "cannot open the fonts folder"));
	assert_non_null(strstr(sink_text(&out), "has no Inter SemiBold face"));
	sink_close(&out);
}

/* Where block blk breaks: lines on the first page it is on and on the
 * page after. False when it does not break. */
static bool split_of(const page_list *pl, long blk, int *first, int *second)
{
	size_t np = page_list_count(pl);
	for (size_t p = 0; p + 1 < np; p++) {
		int a = lines_of(pl, p, blk), b = lines_of(pl, p + 1, blk);
		if (a && b) {
			*first = a;
			*second = b;
			return true;
		}
		if (a)
			return false;
	}
	return false;
}

/* k one-line paragraphs, then block k: a long paragraph or a list of
 * one-line items. */
static doc *paragraph_at(int k)
{
	doc *d = new_doc();
	for (int i = 0; i < k; i++)
		doc_add_text(d, DOC_PARAGRAPH, "Une ligne.");
	char *text = long_text(4);
	doc_add_text(d, DOC_PARAGRAPH, text);
	free(text);
	return d;
}

static doc *list_at(int k)
{
	doc *d = new_doc();
	for (int i = 0; i < k; i++)
		doc_add_text(d, DOC_PARAGRAPH, "Une ligne.");
	doc_block *b = doc_add_text(d, DOC_LIST, NULL);
	for (int i = 0; i < 14; i++) {
		char *item = xasprintf("Élément numéro %d de la liste.", i + 1);
		doc_list_add(b, item);
		free(item);
	}
	return d;
}

/* The breaks of block k as k sweeps [k0, k1): per k, the lines left on
 * the first page (0 when the block does not break); the fewest lines on
 * either side of a break. Returns the number of breaks. */
typedef struct {
	int first[40];
	int min_first, min_second;
	int max_second;
} sweep_result;

static int sweep(fixture *f, doc *(*make)(int), int k0, int k1, sweep_result *r)
{
	*r = (sweep_result){.min_first = 1000, .min_second = 1000};
	int splits = 0;
	for (int k = k0; k < k1 && k - k0 < 40; k++) {
		doc *d = make(k);
		page_list *pl = typeset_document(f->ts.t, d);
		int a, b;
		if (split_of(pl, k, &a, &b)) {
			splits++;
			r->first[k - k0] = a;
			r->min_first = a < r->min_first ? a : r->min_first;
			r->min_second = b < r->min_second ? b : r->min_second;
			r->max_second = b > r->max_second ? b : r->max_second;
		}
		page_list_destroy(pl);
		doc_destroy(d);
	}
	return splits;
}

/* Sweep the break position over a long paragraph by adding one-line
 * paragraphs in front: wherever it breaks, both parts have >= 2 lines. */
static void test_widows_orphans(void **state)
{
	fixture *f = *state;
	sweep_result r;
	assert_true(sweep(f, paragraph_at, 20, 40, &r) >= 8);
	assert_true(r.min_first >= 2);
	assert_true(r.min_second >= 2);
	/* The rule is what stops the break, not the text: 2 is reached. */
	assert_int_equal(r.min_first, 2);
	assert_int_equal(r.min_second, 2);
}

/* Lists keep their own rule, orphans at the foot and widows at the head
 * of the next page, not the other way round. */
static void test_list_widows_orphans(void **state)
{
	fixture *f = *state;
	style_sheet sh;
	style_sheet_defaults(&sh);
	sh.breaks[BREAK_LIST] = (break_rule){.orphans = 3, .widows = 1};
	typeset_set_styles(f->ts.t, &sh);
	sweep_result r;
	assert_true(sweep(f, list_at, 20, 40, &r) >= 8);
	assert_int_equal(r.min_first, 3);
	assert_int_equal(r.min_second, 1);

	sh.breaks[BREAK_LIST] = (break_rule){.orphans = 1, .widows = 3};
	typeset_set_styles(f->ts.t, &sh);
	assert_true(sweep(f, list_at, 20, 40, &r) >= 8);
	assert_int_equal(r.min_first, 1);
	assert_int_equal(r.min_second, 3);
	/* Paragraphs are not affected. */
	assert_true(sweep(f, paragraph_at, 20, 40, &r) >= 8);
	assert_int_equal(r.min_first, 2);
	assert_int_equal(r.min_second, 2);
}

/* A designer changes widows and orphans in layouts/styles.xml, without C:
 * the paragraph then breaks elsewhere. */
static void test_breaks_from_styles_xml(void **state)
{
	fixture *f = *state;
	sweep_result def, changed;
	int n_def = sweep(f, paragraph_at, 20, 40, &def);

	char dir[] = "/tmp/recit-test-breaks-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = xasprintf("%s/styles.xml", dir);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<styles>\n"
	      "  <coupure bloc=\"paragraphe\" orphelines=\"4\" veuves=\"3\"/>\n</styles>\n",
	      fp);
	fclose(fp);
	style_sheet sh;
	assert_true(tmpl_styles_load(f->ts.s.d, dir, &sh));
	remove(path);
	rmdir(dir);
	free(path);
	typeset_set_styles(f->ts.t, &sh);

	int n_changed = sweep(f, paragraph_at, 20, 40, &changed);
	assert_true(n_def > 0 && n_changed > 0);
	assert_true(changed.min_first >= 4);
	assert_true(changed.min_second >= 3);
	assert_true(def.min_first < 4 || def.min_second < 3);
	int moved = 0;
	for (int i = 0; i < 20; i++)
		moved += def.first[i] != changed.first[i];
	assert_true(moved > 0);
}

/* A heading never ends a page: its page also holds the start of the next
 * block, whatever the position. */
static void test_heading_kept_with_next(void **state)
{
	fixture *f = *state;
	char *text = long_text(2);
	int moved = 0;
	for (int k = 22; k < 40; k++) {
		doc *d = new_doc();
		for (int i = 0; i < k; i++)
			doc_add_text(d, DOC_PARAGRAPH, "Une ligne.");
		doc_add_heading(d, 2, "h", "Un intertitre");
		doc_add_heading(d, 3, NULL, "Un sous-intertitre");
		doc_add_text(d, DOC_PARAGRAPH, text);
		page_list *pl = typeset_document(f->ts.t, d);
		for (size_t p = 0; p < page_list_count(pl); p++) {
			if (lines_of(pl, p, k) == 0)
				continue;
			assert_true(lines_of(pl, p, k + 1) > 0);
			assert_true(lines_of(pl, p, k + 2) >= 2);
			moved += p > 0 && lines_of(pl, p - 1, k - 1) > 0;
		}
		page_list_destroy(pl);
		doc_destroy(d);
	}
	assert_true(moved > 0);
	free(text);
}

static void test_table_header_repeated(void **state)
{
	fixture *f = *state;
	doc *d = new_doc();
	doc_add_text(d, DOC_PARAGRAPH, filler);
	doc_block *t = doc_append(d, DOC_TABLE);
	t->text = xstrdup("Un long tableau");
	doc_table_set(t, 2, 80);
	t->cols[0].header = xstrdup("Entête A");
	t->cols[1].header = xstrdup("Entête B");
	for (size_t r = 0; r < 80; r++) {
		t->cells[r * 2] = xasprintf("Ligne %zu", r + 1);
		t->cells[r * 2 + 1] = xasprintf("%zu", r * 7);
	}
	page_list *pl = typeset_document(f->ts.t, d);
	size_t pages_with_table = 0;
	for (size_t p = 0; p < page_list_count(pl); p++) {
		const page *pg = page_list_at(pl, p);
		int headers = 0, rows = 0;
		int header_y = -1, first_row_y = -1;
		for (size_t k = 0; k < pg->n_ops; k++) {
			const page_op *o = &pg->ops[k];
			if (o->kind != PAGE_OP_TEXT || o->block != 1)
				continue;
			size_t n;
			const char *s = page_op_text(o, &n);
			if (n == strlen("Entête A") && memcmp(s, "Entête A", n) == 0) {
				headers++;
				header_y = o->y;
			} else if (strncmp(s, "Ligne", 5) == 0) {
				if (first_row_y < 0)
					first_row_y = o->y;
				rows++;
			}
		}
		if (rows == 0)
			continue;
		pages_with_table++;
		assert_int_equal(headers, 1);
		assert_true(header_y < first_row_y);
	}
	assert_true(pages_with_table >= 2);
	page_list_destroy(pl);
	doc_destroy(d);
}

/* A row taller than a page: an error naming the block and its template
 * line (the positive control of the overflow guard), the row placed at the
 * top of a page, and pagination ends. */
static void test_oversized_block(void **state)
{
	fixture *f = *state;
	doc *d = new_doc();
	doc_add_text(d, DOC_PARAGRAPH, "Avant.");
	doc_block *t = doc_append(d, DOC_TABLE);
	t->text = xstrdup("Tableau démesuré");
	t->origin = (src_loc){"layouts/x.xml", 7, 0};
	doc_table_set(t, 1, 1);
	t->cols[0].header = xstrdup("Colonne");
	t->cells[0] = long_text(60);
	doc_add_text(d, DOC_PARAGRAPH, "Après.");
	/* A paragraph taller than a page is split, not oversized. */
	doc_add_text(d, DOC_PARAGRAPH, t->cells[0]);
	page_list *pl = typeset_document(f->ts.t, d);
	assert_non_null(pl);
	assert_int_equal(diag_count(f->ts.s.d, DIAG_ERROR), 1);
	assert_int_equal(diag_count(f->ts.s.d, DIAG_WARNING), 0);
	assert_non_null(strstr(sink_text(&f->ts.s), "layouts/x.xml:7: error: block 2 (table \"Tableau "
					"démesuré\") is taller than a page"));
	/* Page 1: "Avant."; the table starts on page 2, "Après." after it. */
	assert_true(lines_of(pl, 0, 0) == 1);
	assert_int_equal(lines_of(pl, 0, 1), 0);
	assert_true(lines_of(pl, 1, 1) > 40);
	assert_true(page_list_count(pl) >= 4);
	page_list_destroy(pl);
	doc_destroy(d);
}

/* A bar chart taller than a page continues on the next pages: no message,
 * each label once, nothing of it below the body, and each continued page
 * starts with its title « (suite) ». A column chart that no page can hold
 * is the error (the positive control). */
static void test_long_chart_continues(void **state)
{
	fixture *f = *state;
	doc *d = new_doc();
	doc_add_text(d, DOC_PARAGRAPH, filler);
	doc_chart *c = doc_add_chart(d, DOC_CHART_HBAR, "Barres", "Base : 120 KPA.");
	doc_chart_add_series(c, NULL);
	for (int i = 0; i < 120; i++) {
		char label[32];
		snprintf(label, sizeof label, "Catégorie %d", i + 1);
		doc_chart_set(c, 0, doc_chart_add_cat(c, label, -1), 120 - i, NULL, 0);
	}
	page_list *pl = typeset_document(f->ts.t, d);
	assert_non_null(pl);
	assert_string_equal(sink_text(&f->ts.s), "");
	size_t np = page_list_count(pl), with_chart = 0;
	int seen[120] = {0};
	for (size_t p = 0; p < np; p++) {
		const page *pg = page_list_at(pl, p);
		int body_bottom = pg->height - 70 * PANGO_SCALE; /* built-in margin */
		bool first_text = true;
		for (size_t k = 0; k < pg->n_ops; k++) {
			const page_op *o = &pg->ops[k];
			if (o->block != 1)
				continue;
			if (o->kind == PAGE_OP_RECT)
				assert_true(o->y + o->h <= body_bottom);
			if (o->kind != PAGE_OP_TEXT)
				continue;
			assert_true(o->y <= body_bottom);
			size_t n;
			const char *t = page_op_text(o, &n);
			if (first_text) {
				with_chart++;
				if (with_chart > 1) /* a continued page */
					assert_true(n == strlen("Barres (suite)") &&
						    !memcmp(t, "Barres (suite)", n));
				first_text = false;
			}
			int i = 0;
			if (n > 11 && !memcmp(t, "Catégorie ", 11) && sscanf(t + 11, "%d", &i) == 1)
				seen[i - 1]++;
		}
	}
	assert_true(with_chart >= 3);
	for (int i = 0; i < 120; i++)
		assert_int_equal(seen[i], 1);
	page_list_destroy(pl);
	doc_destroy(d);

	d = new_doc();
	c = doc_add_chart(d, DOC_CHART_VBAR, "Colonnes", NULL);
	((doc_block *)doc_at(d, 0))->origin = (src_loc){"layouts/y.xml", 12, 0};
	c->height = 700;
	doc_chart_add_series(c, NULL);
	doc_chart_set(c, 0, doc_chart_add_cat(c, "A", -1), 3, NULL, 0);
	pl = typeset_document(f->ts.t, d);
	assert_int_equal(diag_count(f->ts.s.d, DIAG_ERROR), 1);
	assert_non_null(strstr(sink_text(&f->ts.s), "layouts/y.xml:12: error: block 1 (chart "
						    "\"Colonnes\") is taller than a page"));
	page_list_destroy(pl);
	doc_destroy(d);
}

/* The contents numbers are the pages where the headings landed. */
static void test_toc_numbers(void **state)
{
	fixture *f = *state;
	doc *d = new_doc();
	doc_block *c = doc_append(d, DOC_COVER);
	c->text = xstrdup("Titre");
	doc_append(d, DOC_TOC);
	char *text = long_text(5);
	for (int s = 1; s <= 3; s++) {
		char *h = xasprintf("%d. Partie", s);
		char *id = xasprintf("p%d", s);
		doc_add_heading(d, 1, id, h);
		for (int i = 0; i < s * 3; i++) {
			doc_add_text(d, DOC_PARAGRAPH, text);
			if (i == 1)
				doc_add_heading(d, 2, NULL, "Sous-partie");
		}
		free(h);
		free(id);
	}
	page_list *pl = typeset_document(f->ts.t, d);
	const page *toc = page_list_at(pl, 1);
	int checked = 0;
	for (size_t k = 0; k < toc->n_ops; k++) {
		const page_op *l = &toc->ops[k];
		if (l->kind != PAGE_OP_LINK)
			continue;
		long dest = page_list_find_dest(pl, l->name);
		assert_true(dest >= 2);
		/* The number on the link's line. */
		const page_op *num = NULL;
		for (size_t j = 0; j < toc->n_ops; j++) {
			const page_op *o = &toc->ops[j];
			size_t n;
			const char *s = page_op_text(o, &n);
			if (o->kind == PAGE_OP_TEXT && o->block == 1 && o->y > l->y &&
			    o->y < l->y + l->h && n && s[0] >= '1' && s[0] <= '9' && o->x > l->w / 2)
				num = o;
		}
		assert_non_null(num);
		size_t n;
		const char *s = page_op_text(num, &n);
		assert_int_equal(strtol(s, NULL, 10), dest + 1);
		checked++;
	}
	assert_int_equal(checked, 6);
	/* Level-1 headings start pages; the footer says "page X / Y". */
	assert_true(page_list_find_dest(pl, "p2") > page_list_find_dest(pl, "p1"));
	page_list_destroy(pl);
	doc_destroy(d);
	free(text);
}

static void test_footer_and_cover(void **state)
{
	fixture *f = *state;
	doc *d = new_doc();
	doc_block *c = doc_append(d, DOC_COVER);
	c->text = xstrdup("Titre");
	doc_add_text(d, DOC_PARAGRAPH, "Corps.");
	doc_append(d, DOC_PAGE_BREAK);
	doc_append(d, DOC_PAGE_BREAK); /* a second break makes no blank page */
	doc_add_text(d, DOC_PARAGRAPH, "Suite.");
	doc_append(d, DOC_PAGE_BREAK); /* nor does a trailing one */
	page_list *pl = typeset_document(f->ts.t, d);
	assert_int_equal(page_list_count(pl), 3);
	assert_true(page_list_at(pl, 0)->is_cover);
	for (size_t p = 0; p < 3; p++) {
		const page *pg = page_list_at(pl, p);
		int footer = 0;
		for (size_t k = 0; k < pg->n_ops; k++) {
			size_t n;
			const char *s = page_op_text(&pg->ops[k], &n);
			char want[32];
			snprintf(want, sizeof want, "page %zu / 3", p + 1);
			footer += n == strlen(want) && memcmp(s, want, n) == 0;
		}
		assert_int_equal(footer, p == 0 ? 0 : 1);
	}
	page_list_destroy(pl);
	doc_destroy(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_fonts),
		cmocka_unit_test_setup_teardown(test_widows_orphans, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_widows_orphans, setup, teardown),
		cmocka_unit_test_setup_teardown(test_breaks_from_styles_xml, setup, teardown),
		cmocka_unit_test_setup_teardown(test_heading_kept_with_next, setup, teardown),
		cmocka_unit_test_setup_teardown(test_table_header_repeated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_oversized_block, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_chart_continues, setup, teardown),
		cmocka_unit_test_setup_teardown(test_toc_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_footer_and_cover, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
