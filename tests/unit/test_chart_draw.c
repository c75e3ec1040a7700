/* Unit tests for the charts stage on its own (chart_draw.h), without
 * Pango: a fake text measurer (every character 5 pt wide, lines 10 pt
 * high) stands in for the typesetter, so the geometry can be checked with
 * numbers worked out by hand, and the interface's contract (every text
 * released, requests as documented) is checked for every chart type. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "chart_core.h"
#include "chart_draw.h"
#include "test_chart_specs.h"
#include "test_sink.h"
#include "util.h"

#define U(x) ((int)((x) * CHART_UNIT + 0.5))

struct chart_text {
	chart_text_req req;
	char *markup; /* a copy: the request's is only lent for the call */
	int id;
};

typedef struct {
	int made, released;
	int narrowest;   /* smallest wrap width asked for (>= 0) */
	int max_lines_3; /* requests cut at 3 lines */
} fake;

static int chars(const char *m)
{
	int n = 0;
	for (bool tag = false; *m; m++) {
		if (*m == '<')
			tag = true;
		else if (*m == '>')
			tag = false;
		else if (!tag && ((unsigned char)*m & 0xC0) != 0x80)
			n++;
	}
	return n;
}

static chart_text *fake_make(void *ctx, const chart_text_req *req, chart_text_metrics *out)
{
	fake *f = ctx;
	int w = chars(req->markup) * U(5), lines = 1;
	if (req->width >= 0) {
		f->narrowest = req->width < f->narrowest ? req->width : f->narrowest;
		if (w > req->width && req->width > 0) {
			lines = (w + req->width - 1) / req->width;
			w = req->width;
		}
	}
	if (req->max_lines > 0 && lines > req->max_lines)
		lines = req->max_lines;
	f->max_lines_3 += req->max_lines == 3;
	*out = (chart_text_metrics){.width = w, .height = lines * U(10), .line0_height = U(10),
				    .baseline = U(8), .ink_y = U(1), .ink_height = U(8),
				    .lines = lines};
	chart_text *t = xcalloc(1, sizeof *t);
	t->req = *req;
	t->markup = xstrdup(req->markup);
	t->id = f->made++;
	return t;
}

static void fake_release(void *ctx, chart_text *t)
{
	((fake *)ctx)->released++;
	free(t->markup);
	free(t);
}

/* Every type: a figure element around the plot with the description as
 * its alternative, texts that belong to the drawing, all released. */
static void test_every_type_keeps_the_contract(void **state)
{
	(void)state;
	style_sheet sheet;
	style_sheet_defaults(&sheet);
	for (int t = 0; t < DOC_CHART__TYPES; t++) {
		sink s;
		sink_open(&s);
		fake f = {.narrowest = 1 << 30};
		chart_text_ops ops = {&f, fake_make, fake_release};
		doc_chart *c = age_chart((doc_chart_type)t);
		for (size_t i = 0; t == DOC_CHART_TIMELINE && i < c->n_cats; i++)
			c->series[0].values[i] = 2017 + (double)i; /* dates */
		chart_drawing *dr = chart_draw(c, U(467.7), &sheet, &ops, s.d, SRC_LOC_NONE);
		size_t n = chart_drawing_count(dr);
		assert_true(n > 2);
		const chart_op *first = chart_drawing_op(dr, 0), *last = chart_drawing_op(dr, n - 1);
		assert_int_equal(first->kind, CHART_OP_FIGURE_BEGIN);
		char *desc = chart_describe(c);
		assert_string_equal(first->alt, desc);
		free(desc);
		assert_int_equal(last->kind, CHART_OP_FIGURE_END);
		for (size_t i = 0; i < n; i++) {
			const chart_op *o = chart_drawing_op(dr, i);
			if (o->kind == CHART_OP_TEXT) {
				assert_non_null(o->text);
				assert_true(o->text->id < f.made);
			}
		}
		/* The title comes first, in the caption style, wrapped at the width. */
		const chart_op *title = chart_drawing_op(dr, 1);
		assert_int_equal(title->kind, CHART_OP_TEXT);
		assert_int_equal(title->text->req.style, ST_CAPTION);
		assert_int_equal(title->text->req.width, U(467.7));
		assert_int_equal(title->color, sheet.palette[sheet.style[ST_CAPTION].color]);
		assert_true(chart_drawing_height(dr) > 0);
		assert_true(f.narrowest >= U(4)); /* labels never narrower than 4 pt */
		chart_drawing_destroy(dr);
		assert_int_equal(f.released, f.made);
		assert_string_equal(sink_text(&s), "");
		doc_chart_destroy(c);
		sink_close(&s);
	}
}

/* Horizontal bars with the fake metrics: the longest value fills the bar
 * column, the others in proportion, all at the label column's right. */
static void test_hbar_geometry(void **state)
{
	(void)state;
	style_sheet sheet;
	style_sheet_defaults(&sheet);
	sheet.palette[PAL_PRIMARY] = 0x123456; /* colours come from the sheet */
	sink s;
	sink_open(&s);
	fake f = {.narrowest = 1 << 30};
	chart_text_ops ops = {&f, fake_make, fake_release};
	doc_chart *c = age_chart(DOC_CHART_HBAR);
	int w = U(400);
	chart_drawing *dr = chart_draw(c, w, &sheet, &ops, s.d, SRC_LOC_NONE);
	int x0 = w * 38 / 100 + U(10), bar_w = w - x0 - U(52); /* values are narrow */
	int len[4], k = 0;
	for (size_t i = 0; i < chart_drawing_count(dr); i++) {
		const chart_op *o = chart_drawing_op(dr, i);
		if (o->kind == CHART_OP_RECT && o->fill_color == 0x123456) {
			assert_int_equal(o->x, x0);
			assert_true(k < 4);
			len[k++] = o->w;
		}
	}
	assert_int_equal(k, 4);
	assert_int_equal(len[2], bar_w); /* 94, the largest */
	assert_int_equal(len[0], (int)lround(59.0 / 94 * bar_w));
	assert_int_equal(len[3], (int)lround(22.0 / 94 * bar_w));
	assert_true(f.max_lines_3 >= 4); /* category labels: 3 lines at most */
	chart_drawing_destroy(dr);
	assert_int_equal(f.released, f.made);
	doc_chart_destroy(c);
	sink_close(&s);
}

/* A long bar chart: a cut before every row but the first, in ascending
 * order, each before the ops of its row and after those of the rows above
 * it; the same scale above and below (a bar of the same value has the same
 * length); the continuation head says « (suite) » and carries the legend. */
static void test_hbar_cuts(void **state)
{
	(void)state;
	style_sheet sheet;
	style_sheet_defaults(&sheet);
	sink s;
	sink_open(&s);
	fake f = {.narrowest = 1 << 30};
	chart_text_ops ops = {&f, fake_make, fake_release};
	doc_chart *c = doc_chart_create(DOC_CHART_HBAR, "Long", "Base");
	doc_chart_add_series(c, "2022");
	doc_chart_add_series(c, "2023");
	for (int i = 0; i < 60; i++) {
		char label[32];
		snprintf(label, sizeof label, "KPA %d", i);
		size_t k = doc_chart_add_cat(c, label, -1);
		doc_chart_set(c, 0, k, i % 2 ? 50 : 100, NULL, 0);
		doc_chart_set(c, 1, k, 25, NULL, 0);
	}
	chart_drawing *dr = chart_draw(c, U(400), &sheet, &ops, s.d, SRC_LOC_NONE);
	size_t nc = chart_drawing_cut_count(dr), n = chart_drawing_count(dr);
	assert_int_equal(nc, 59);
	int h = chart_drawing_height(dr);
	int len100 = -1, len25 = -1;
	for (size_t k = 0; k < nc; k++) {
		chart_cut cut = chart_drawing_cut(dr, k);
		assert_true(cut.y > 0 && cut.y < h);
		assert_true(cut.op > 0 && cut.op < n);
		if (k > 0) {
			assert_true(cut.y > chart_drawing_cut(dr, k - 1).y);
			assert_true(cut.op > chart_drawing_cut(dr, k - 1).op);
		}
		/* Every shape of the row below starts at or under the cut. */
		size_t end = k + 1 < nc ? chart_drawing_cut(dr, k + 1).op : n;
		for (size_t i = cut.op; i < end; i++) {
			const chart_op *o = chart_drawing_op(dr, i);
			if (o->kind == CHART_OP_RECT || o->kind == CHART_OP_TEXT)
				assert_true(o->y >= cut.y);
			if (o->kind == CHART_OP_RECT && o->fill_color == sheet.palette[PAL_SERIES_1] &&
			    k % 2 == 0) /* rows 1, 3…: 50; row 0 is above the first cut */
				assert_true(len100 < 0 || o->w * 2 == len100 || abs(o->w * 2 - len100) <= 1);
			if (o->kind == CHART_OP_RECT && o->fill_color == sheet.palette[PAL_SERIES_2]) {
				if (len25 < 0)
					len25 = o->w;
				assert_int_equal(o->w, len25); /* one scale for every part */
			}
		}
		/* Every op above the cut ends above it (the row gap included). */
		size_t start = k > 0 ? chart_drawing_cut(dr, k - 1).op : 0;
		for (size_t i = start; i < cut.op; i++) {
			const chart_op *o = chart_drawing_op(dr, i);
			if (o->kind == CHART_OP_RECT) {
				assert_true(o->y + o->h <= cut.y);
				/* Row 0: 100, the largest (not the legend's swatch). */
				if (o->fill_color == sheet.palette[PAL_SERIES_1] && len100 < 0 &&
				    o->x > U(100))
					len100 = o->w;
			}
		}
	}
	assert_true(len100 > 0 && len25 > 0);
	chart_drawing_destroy(dr);

	/* The head of a continuation: the title « (suite) », then the legend. */
	chart_drawing *head = chart_draw_continued(c, U(400), &sheet, &ops);
	assert_int_equal(chart_drawing_cut_count(head), 0);
	const chart_op *t = chart_drawing_op(head, 0);
	assert_int_equal(t->kind, CHART_OP_TEXT);
	assert_string_equal(t->text->markup, "Long (suite)");
	bool legend = false;
	for (size_t i = 0; i < chart_drawing_count(head); i++) {
		const chart_op *o = chart_drawing_op(head, i);
		legend |= o->kind == CHART_OP_TEXT && !strcmp(o->text->markup, "2023");
		assert_true(o->kind != CHART_OP_FIGURE_BEGIN);
	}
	assert_true(legend);
	assert_true(chart_drawing_height(head) > U(10));
	chart_drawing_destroy(head);
	assert_int_equal(f.released, f.made);
	assert_string_equal(sink_text(&s), "");
	doc_chart_destroy(c);
	sink_close(&s);
}

/* Types other than horizontal bars are never cut. */
static void test_no_cuts_elsewhere(void **state)
{
	(void)state;
	style_sheet sheet;
	style_sheet_defaults(&sheet);
	for (int t = 0; t < DOC_CHART__TYPES; t++) {
		if (t == DOC_CHART_HBAR)
			continue;
		fake f = {.narrowest = 1 << 30};
		chart_text_ops ops = {&f, fake_make, fake_release};
		doc_chart *c = age_chart((doc_chart_type)t);
		for (size_t i = 0; t == DOC_CHART_TIMELINE && i < c->n_cats; i++)
			c->series[0].values[i] = 2017 + (double)i;
		chart_drawing *dr = chart_draw(c, U(400), &sheet, &ops, NULL, SRC_LOC_NONE);
		assert_int_equal(chart_drawing_cut_count(dr), 0);
		chart_drawing_destroy(dr);
		doc_chart_destroy(c);
	}
}

/* « Autres » (max_cats + group_other, what haut="N" sets): the label the
 * template gives, the ranking by the sum of the series, a series none of
 * its cells has stays missing, a withheld cell withholds the sum. */
static void test_other_rules(void **state)
{
	(void)state;
	doc_chart *c = doc_chart_create(DOC_CHART_HBAR, "Top", NULL);
	c->unit = DOC_CHART_EUROS;
	c->threshold = 3;
	doc_chart_add_series(c, "2022");
	doc_chart_add_series(c, "2023");
	doc_chart_add_series(c, "Période");
	const double y22[] = {10, NAN, 30, 5, 1};
	const double y23[] = {10, 100, 1, 5, 1.4};
	for (size_t i = 0; i < 5; i++) {
		char label[16];
		snprintf(label, sizeof label, "K%zu", i);
		size_t k = doc_chart_add_cat(c, label, -1);
		doc_chart_set(c, 0, k, y22[i], NULL, 0);
		doc_chart_set(c, 1, k, y23[i], NULL, 0);
	}
	c->max_cats = 3;
	c->group_other = 1;
	c->other_label = xstrdup("Autres (3 KPA)");
	chart_data *cd = chart_data_create(c, NULL, SRC_LOC_NONE);
	/* K1 (100 in 2023 alone) and K2 (31) are the two largest by their sum;
	 * the first series alone would have kept K2 and K0. */
	assert_int_equal(chart_data_cats(cd), 3);
	assert_string_equal(chart_data_label(cd, 0), "K1");
	assert_string_equal(chart_data_label(cd, 1), "K2");
	assert_string_equal(chart_data_label(cd, 2), "Autres (3 KPA)");
	assert_true(chart_data_is_other(cd, 2));
	assert_true(chart_data_value(cd, 0, 2) == 16);
	/* Euros printed whole: 16,4 € is « 16 € ». */
	assert_string_equal(chart_data_text(cd, 1, 2), "16\xE2\x80\xAF\xE2\x82\xAC");
	assert_true(chart_data_missing(cd, 2, 2)); /* no K had a whole-period cell */
	chart_data_destroy(cd);
	/* A withheld cell gathered into « Autres »: its sum is withheld too. */
	c->series[0].suppressed[3] = 1;
	cd = chart_data_create(c, NULL, SRC_LOC_NONE);
	assert_true(chart_data_suppressed(cd, 0, 2));
	assert_string_equal(chart_data_text(cd, 0, 2), "n.c.");
	assert_false(chart_data_suppressed(cd, 1, 2));
	chart_data_destroy(cd);
	doc_chart_destroy(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_type_keeps_the_contract),
		cmocka_unit_test(test_hbar_geometry),
		cmocka_unit_test(test_hbar_cuts),
		cmocka_unit_test(test_no_cuts_elsewhere),
		cmocka_unit_test(test_other_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
