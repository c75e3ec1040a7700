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
	t->id = f->made++;
	return t;
}

static void fake_release(void *ctx, chart_text *t)
{
	((fake *)ctx)->released++;
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_type_keeps_the_contract),
		cmocka_unit_test(test_hbar_geometry),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
