/* Unit tests for the chart module: nice ticks, French value labels, label
 * wrapping and truncation, the prepared view (sorting, « Autres »), small
 * cells, degenerate data for every chart type, and the exact text of the
 * descriptions. */
#define _GNU_SOURCE
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
#include "chart_layout.h"
#include "doc.h"
#include "fmt_fr.h"
#include "test_chart_specs.h"
#include "test_typesetter.h"
#include "util.h"
#include "test_sink.h"

#define NB "\xC2\xA0"     /* U+00A0 */
#define NN "\xE2\x80\xAF" /* U+202F */
#define PTU(x) ((int)((x) * PANGO_SCALE + 0.5))

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

/* Messages so far. */
static const char *messages(fixture *f)
{
	return sink_text(&f->ts.s);
}

/* --- ticks and values --------------------------------------------------------------- */

static void test_ticks(void **state)
{
	(void)state;
	chart_ticks t;
	assert_int_equal(chart_nice_ticks(0, 94, 5, &t), 6);
	assert_true(t.first == 0 && t.step == 20 && t.decimals == 0);
	chart_nice_ticks(0, 46, 5, &t);
	assert_true(t.step == 10 && t.count == 6);
	chart_nice_ticks(0, 107457, 5, &t);
	assert_true(t.step == 50000 && t.count == 4);
	chart_nice_ticks(0, 1, 5, &t);
	assert_true(fabs(t.step - 0.2) < 1e-12 && t.decimals == 1 && t.count == 6);
	chart_nice_ticks(0, 0.07, 4, &t);
	assert_true(fabs(t.step - 0.02) < 1e-12 && t.decimals == 2);
	/* Degenerate ranges. */
	chart_nice_ticks(0, 0, 5, &t);
	assert_true(t.first == 0 && t.count >= 2 && t.step > 0);
	chart_nice_ticks(3, 3, 5, &t);
	assert_true(t.first <= 3 && t.first + t.step * (t.count - 1) >= 4 - 1e-9);
	chart_nice_ticks(NAN, INFINITY, 0, &t);
	assert_true(isfinite(t.first) && isfinite(t.step) && t.step > 0 && t.count >= 2);
	chart_nice_ticks(10, -10, 4, &t);
	assert_true(t.first <= -10 && t.first + t.step * (t.count - 1) >= 10);
}

static void test_values_french(void **state)
{
	(void)state;
	char b[FMT_CAP];
	assert_string_equal(chart_format_value(b, sizeof b, 26582, DOC_CHART_EUROS, 0),
			    "26" NN "582" NN "\xE2\x82\xAC");
	assert_string_equal(chart_format_value(b, sizeof b, 22, DOC_CHART_PERCENT, 0), "22" NB "%");
	assert_string_equal(chart_format_value(b, sizeof b, 3.5, DOC_CHART_COUNT, 1), "3,5");
	assert_string_equal(chart_format_value(b, sizeof b, 1000, DOC_CHART_COUNT, 0), "1" NN "000");
	assert_string_equal(chart_format_value(b, sizeof b, NAN, DOC_CHART_COUNT, 0), "\xE2\x80\x93");
}

static void test_palette(void **state)
{
	(void)state;
	assert_int_equal(chart_color(0), 0x0B4F6Cu); /* the report's petrol blue */
	for (size_t i = 1; i < CHART_PALETTE_N; i++)
		assert_int_not_equal(chart_color(i), chart_color(i - 1));
	assert_int_equal(chart_tint(0x000000u, 1), 0xFFFFFFu);
	assert_int_equal(chart_tint(0x0B4F6Cu, 0), 0x0B4F6Cu);
	assert_int_equal(chart_text_on(0x0B4F6Cu), 0xFFFFFFu);
	assert_int_not_equal(chart_text_on(0xF0E442u), 0xFFFFFFu);
}

/* --- the prepared view ------------------------------------------------------------------- */

static void test_sort_and_other(void **state)
{
	(void)state;
	doc_chart *c = doc_chart_create(DOC_CHART_HBAR, "Départements", NULL);
	doc_chart_add_series(c, NULL);
	static const double v[] = {8, 213, 27, 19, 1, 2, 0};
	for (size_t i = 0; i < 7; i++) {
		char *l = xasprintf("D%zu", i);
		size_t k = doc_chart_add_cat(c, l, -1);
		doc_chart_set(c, 0, k, v[i], NULL, 0);
		free(l);
	}
	c->sort = DOC_CHART_SORT_DESC;
	c->max_cats = 4;
	c->group_other = 1;
	c->threshold = 3;
	chart_data *cd = chart_data_create(c, NULL, SRC_LOC_NONE);
	assert_int_equal(chart_data_cats(cd), 4);
	assert_string_equal(chart_data_label(cd, 0), "D1");
	assert_string_equal(chart_data_label(cd, 1), "D2");
	assert_string_equal(chart_data_label(cd, 2), "D3");
	assert_true(chart_data_is_other(cd, 3));
	assert_string_equal(chart_data_label(cd, 3), "Autres");
	assert_true(chart_data_value(cd, 0, 3) == 11); /* 8 + 1 + 2 + 0 */
	assert_string_equal(chart_data_text(cd, 0, 3), "11");
	chart_data_destroy(cd);

	/* Without grouping: cut, with a warning. */
	c->group_other = 0;
	sink out;
	sink_open(&out);
	cd = chart_data_create(c, out.d, SRC_LOC_NONE);
	assert_int_equal(chart_data_cats(cd), 4);
	assert_false(chart_data_is_other(cd, 3));
	assert_non_null(strstr(sink_text(&out), "only the first 4 are drawn"));
	chart_data_destroy(cd);
	sink_close(&out);

	/* Ascending: missing values stay last. */
	c->max_cats = 0;
	c->sort = DOC_CHART_SORT_ASC;
	doc_chart_set(c, 0, 1, NAN, NULL, 0);
	cd = chart_data_create(c, NULL, SRC_LOC_NONE);
	assert_string_equal(chart_data_label(cd, 0), "D6");
	assert_string_equal(chart_data_label(cd, 6), "D1");
	assert_true(chart_data_missing(cd, 0, 6));
	assert_string_equal(chart_data_text(cd, 0, 6), "\xE2\x80\x93");
	chart_data_destroy(cd);
	doc_chart_destroy(c);
}

static void test_suppressed_text(void **state)
{
	(void)state;
	doc_chart *c = age_chart(DOC_CHART_HBAR);
	doc_chart_set(c, 0, 3, 2, NULL, 1);
	chart_data *cd = chart_data_create(c, NULL, SRC_LOC_NONE);
	assert_true(chart_data_suppressed(cd, 0, 3));
	assert_true(chart_data_value(cd, 0, 3) == 0); /* never drawn to size */
	assert_string_equal(chart_data_text(cd, 0, 3), "&lt;" NN "3");
	assert_true(chart_data_max(cd) == 94);
	chart_data_destroy(cd);
	doc_chart_destroy(c);
}

/* --- descriptions ---------------------------------------------------------------------- */

static void test_describe(void **state)
{
	(void)state;
	doc_chart *c = age_chart(DOC_CHART_HBAR);
	char *s = chart_describe(c);
	assert_string_equal(s, "Répartition par âge (n = 267)" NB ": 16-24 ans 22" NB "%, 25-39 ans 34" NB
			       "%, 40-54 ans 35" NB "%, 55 ans et plus 8" NB "%.");
	free(s);
	/* A suppressed cell without text reads « < k ». */
	doc_chart_set(c, 0, 3, 2, NULL, 1);
	s = chart_describe(c);
	assert_non_null(strstr(s, "55 ans et plus <" NN "3."));
	free(s);
	doc_chart_destroy(c);

	/* Grouped: category by category, missing cells left out. */
	c = doc_chart_create(DOC_CHART_HBAR, "Chiffre d'affaires", NULL);
	c->unit = DOC_CHART_EUROS;
	doc_chart_add_series(c, "2022");
	doc_chart_add_series(c, "2023");
	size_t k = doc_chart_add_cat(c, "KPA Touraine", -1);
	doc_chart_set(c, 0, k, 15510, NULL, 0);
	doc_chart_set(c, 1, k, 48392, NULL, 0);
	k = doc_chart_add_cat(c, "La Cape", -1);
	doc_chart_set(c, 1, k, 15213, NULL, 0);
	k = doc_chart_add_cat(c, "Rhizome", -1);
	s = chart_describe(c);
	assert_string_equal(s, "Chiffre d'affaires" NB ": KPA Touraine" NB ": 2022 15" NN "510" NN
			       "\xE2\x82\xAC, 2023 48" NN "392" NN "\xE2\x82\xAC" NN
			       "; La Cape" NB ": 2023 15" NN "213" NN "\xE2\x82\xAC" NN
			       "; Rhizome" NB ": non renseigné.");
	free(s);
	doc_chart_destroy(c);

	/* Flow: parts, each with its detail. */
	c = doc_chart_create(DOC_CHART_FLOW, "Sorties", NULL);
	c->base = 98;
	c->threshold = 3;
	doc_chart_add_series(c, NULL);
	size_t e = doc_chart_add_cat(c, "En emploi", -1);
	doc_chart_set(c, 0, e, 49, NULL, 0);
	k = doc_chart_add_cat(c, "CDI", (int)e);
	doc_chart_set(c, 0, k, 29, NULL, 0);
	k = doc_chart_add_cat(c, "Intérim", (int)e);
	doc_chart_set(c, 0, k, 3, NULL, 0);
	k = doc_chart_add_cat(c, "Service civique", -1);
	doc_chart_set(c, 0, k, 1, NULL, 1);
	s = chart_describe(c);
	assert_string_equal(s, "Sorties (n = 98)" NB ": En emploi 49 (dont CDI 29, Intérim 3), "
			       "Service civique <" NN "3.");
	free(s);
	doc_chart_destroy(c);

	/* Timeline: in date order, whatever the input order. */
	c = doc_chart_create(DOC_CHART_TIMELINE, "Jalons", NULL);
	doc_chart_add_series(c, NULL);
	k = doc_chart_add_cat(c, "Création du réseau", -1);
	doc_chart_set(c, 0, k, 2020.0, NULL, 0);
	c->cats[k].detail = xstrdup("2020");
	k = doc_chart_add_cat(c, "Premier KPA", -1);
	doc_chart_set(c, 0, k, 2017.25, NULL, 0);
	c->cats[k].detail = xstrdup("avril 2017");
	s = chart_describe(c);
	assert_string_equal(s, "Jalons" NB ": avril 2017" NB ": Premier KPA" NN "; 2020" NB
			       ": Création du réseau.");
	free(s);
	doc_chart_destroy(c);

	/* Nothing to say. */
	c = doc_chart_create(DOC_CHART_DONUT, NULL, NULL);
	s = chart_describe(c);
	assert_string_equal(s, "Graphique" NB ": aucune donnée.");
	free(s);
	doc_chart_destroy(c);
}

/* --- layout ----------------------------------------------------------------------------- */

/* Every op is finite and within the chart's box (a little slack for
 * strokes and ascenders); text ops carry a layout. */
static void check_ops(const chart_ops *o, int width)
{
	assert_true(o->height > 0);
	assert_true(o->height < PTU(2000));
	int depth = 0;
	for (size_t i = 0; i < o->n; i++) {
		const page_op *p = &o->ops[i];
		if (p->kind == PAGE_OP_TAG_BEGIN)
			depth++;
		if (p->kind == PAGE_OP_TAG_END)
			depth--;
		assert_true(p->x >= -PTU(2) && p->x <= width + PTU(2));
		assert_true(p->y >= -PTU(2) && p->y <= o->height + PTU(12));
		if (p->kind == PAGE_OP_RECT) {
			assert_true(p->w >= 0 && p->h >= 0);
			assert_true(p->x + p->w <= width + PTU(2));
		}
		if (p->kind == PAGE_OP_TEXT) {
			assert_non_null(p->layout);
			PangoRectangle r;
			pango_layout_line_get_extents(
				pango_layout_get_line_readonly(p->layout, p->line), NULL, &r);
			assert_true(p->x + r.width <= width + PTU(2));
		}
		/* The points a path passes through; the control points of an
		 * arc may lie outside the circle (not the curve). */
		for (size_t k = 0; k < p->n_path; k++) {
			const page_path_seg *sg = &p->path[k];
			if (sg->verb == PAGE_PATH_CLOSE)
				continue;
			int j = sg->verb == PAGE_PATH_CURVE ? 2 : 0;
			assert_true(sg->x[j] >= -PTU(2) && sg->x[j] <= width + PTU(2));
			assert_true(sg->y[j] >= -PTU(2) && sg->y[j] <= o->height + PTU(2));
		}
	}
	assert_int_equal(depth, 0);
	assert_int_equal(o->ops[0].kind, PAGE_OP_TAG_BEGIN);
	assert_string_equal(o->ops[0].name, "Figure");
}

static int lay_out(fixture *f, const doc_chart *c, chart_ops *o)
{
	*o = (chart_ops){0};
	return chart_layout(f->ts.t, c, PTU(467.7), SRC_LOC_NONE, o);
}

static doc_chart *make(doc_chart_type type, size_t n, const double *v, int parent_every)
{
	doc_chart *c = doc_chart_create(type, "Un graphique au titre assez long pour être replié",
					"Base : tout le monde (n = 100).");
	c->base = 100;
	c->threshold = 3;
	doc_chart_add_series(c, NULL);
	for (size_t i = 0; i < n; i++) {
		char *l = xasprintf("Catégorie numéro %zu au libellé plutôt long", i + 1);
		int parent = parent_every && i % parent_every ? (int)(i - i % parent_every) : -1;
		size_t k = doc_chart_add_cat(c, l, parent);
		doc_chart_set(c, 0, k, v ? v[i] : (double)(i * 7 % 13), NULL, 0);
		if (type == DOC_CHART_TIMELINE)
			c->series[0].values[k] = 2017 + (double)i / 6;
		free(l);
	}
	return c;
}

static void test_degenerate(void **state)
{
	fixture *f = *state;
	double zeros[40] = {0}, one[1] = {5}, neg[3] = {4, -5, NAN};
	double forty[40];
	for (int i = 0; i < 40; i++)
		forty[i] = (i * 37) % 101;
	for (int t = 0; t < DOC_CHART__TYPES; t++) {
		struct {
			size_t n;
			const double *v;
		} cases[] = {{0, NULL}, {4, zeros}, {1, one}, {40, forty}, {3, neg}, {40, zeros}};
		for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
			doc_chart *c = make((doc_chart_type)t, cases[k].n, cases[k].v,
					    t == DOC_CHART_FLOW ? 3 : 0);
			chart_ops o;
			lay_out(f, c, &o);
			check_ops(&o, PTU(467.7));
			chart_ops_free(&o);
			char *d = chart_describe(c);
			assert_null(strstr(d, "nan"));
			assert_null(strstr(d, "inf"));
			free(d);
			doc_chart_destroy(c);
		}
	}
	const char *m = messages(f);
	assert_non_null(strstr(m, "has no data"));
	assert_non_null(strstr(m, "negative value -5"));
	assert_non_null(strstr(m, "too narrow for their values"));
	assert_int_equal(diag_count(f->ts.s.d, DIAG_ERROR), 0);

	/* No series at all. */
	doc_chart *c = doc_chart_create(DOC_CHART_HBAR, "Vide", NULL);
	doc_chart_add_cat(c, "Seule", -1);
	chart_ops o;
	lay_out(f, c, &o);
	check_ops(&o, PTU(467.7));
	chart_ops_free(&o);
	doc_chart_destroy(c);

	/* A flow whose parent index is wrong falls back to the first level. */
	c = make(DOC_CHART_FLOW, 3, neg, 0);
	c->cats[1].parent = 7;
	lay_out(f, c, &o);
	check_ops(&o, PTU(467.7));
	chart_ops_free(&o);
	doc_chart_destroy(c);
	assert_non_null(strstr(messages(f), "not a first-level category"));
}

/* A label made through the chart text interface, as the charts stage
 * asks for it (chart_draw.h), with its Pango layout. */
static PangoLayout *label(fixture *f, const char *markup, int width, int max_lines,
			  chart_text_metrics *m)
{
	chart_text_ops ops = ts_chart_text_ops(f->ts.t);
	chart_text_req req = {ST_BAR_LABEL, markup, width, max_lines, CHART_ALIGN_STYLE};
	chart_text *t = ops.make(ops.ctx, &req, m);
	PangoLayout *l = g_object_ref(ts_chart_text_layout(t));
	ops.release(ops.ctx, t);
	assert_int_equal(m->lines, pango_layout_get_line_count(l));
	return l;
}

static void test_label_layout(void **state)
{
	fixture *f = *state;
	const char *lab = "Formation qualifiante ou certifiante, avec un libellé qui n'en finit pas "
			  "et qui déborderait sur plusieurs lignes";
	chart_text_metrics m;
	PangoLayout *l = label(f, lab, PTU(80), 2, &m);
	assert_int_equal(m.lines, 2);
	assert_true(pango_layout_is_ellipsized(l));
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	assert_true(r.width <= PTU(80));
	assert_int_equal(m.width, r.width);
	assert_int_equal(m.height, r.y + r.height);
	assert_int_equal(m.baseline, pango_layout_get_baseline(l));
	assert_true(m.line0_height > 0 && m.line0_height < m.height);
	assert_true(m.ink_height > 0);
	g_object_unref(l);
	/* Short labels are left alone; long ones wrap without limit at 0. */
	l = label(f, "CDI", PTU(80), 2, &m);
	assert_int_equal(m.lines, 1);
	assert_false(pango_layout_is_ellipsized(l));
	g_object_unref(l);
	l = label(f, lab, PTU(80), 0, &m);
	assert_true(m.lines > 3);
	g_object_unref(l);
	/* No wrapping at all: one line. */
	l = label(f, lab, -1, 0, &m);
	assert_int_equal(m.lines, 1);
	assert_true(m.width > PTU(80));
	g_object_unref(l);
}

/* Some text line of o holds s. */
static bool has_text_in(const chart_ops *o, const char *s)
{
	for (size_t i = 0; i < o->n; i++) {
		size_t len;
		const char *t = page_op_text(&o->ops[i], &len);
		if (o->ops[i].kind == PAGE_OP_TEXT && memmem(t, len, s, strlen(s)))
			return true;
	}
	return false;
}

/* The map's labels never overlap: cities crowded together get their
 * labels around their dots or none, and every city is still in the
 * description. Control: thirty cities on one spot keep at most the eight
 * positions around it. */
static size_t map_labels(fixture *f, bool one_spot, size_t n_cities)
{
	doc_chart *c = doc_chart_create(DOC_CHART_MAP, NULL, NULL);
	doc_chart_add_series(c, "KPA");
	doc_chart_add_series(c, "longitude");
	doc_chart_add_series(c, "latitude");
	for (size_t i = 0; i < n_cities; i++) {
		char name[64];
		snprintf(name, sizeof name, "Ville numéro %zu", i + 1);
		size_t k = doc_chart_add_cat(c, name, -1);
		doc_chart_set(c, 0, k, (double)(1 + i % 4), NULL, 0);
		/* A cluster around Lyon and a few far away. */
		double lon = one_spot ? 4.8 : 4.8 + (double)(i % 6) * 0.05 + (i % 7 == 0 ? 2.0 : 0);
		double lat = one_spot ? 45.7 : 45.7 + (double)(i / 6) * 0.04 - (i % 7 == 0 ? 1.5 : 0);
		doc_chart_set(c, 1, k, lon, NULL, 0);
		doc_chart_set(c, 2, k, lat, NULL, 0);
	}
	chart_ops o;
	assert_true(lay_out(f, c, &o) > 0);
	check_ops(&o, PTU(467.7));
	int bx[64][4];
	size_t nt = 0;
	for (size_t i = 0; i < o.n && nt < 64; i++) {
		const page_op *p = &o.ops[i];
		if (p->kind != PAGE_OP_TEXT)
			continue;
		PangoRectangle r;
		pango_layout_line_get_extents(pango_layout_get_line_readonly(p->layout, p->line),
					      NULL, &r);
		int b[4] = {p->x, p->y, p->x + r.width, p->y + r.height};
		for (size_t j = 0; j < nt; j++)
			assert_false(b[0] < bx[j][2] && bx[j][0] < b[2] && b[1] < bx[j][3] &&
				     bx[j][1] < b[3]);
		memcpy(bx[nt++], b, sizeof b);
	}
	char *d = chart_describe(c);
	for (size_t i = 0; i < n_cities; i++) {
		char name[64];
		snprintf(name, sizeof name, "Ville numéro %zu (", i + 1);
		assert_non_null(strstr(d, name));
	}
	free(d);
	chart_ops_free(&o);
	doc_chart_destroy(c);
	return nt;
}

static void test_map_labels(void **state)
{
	fixture *f = *state;
	size_t spread = map_labels(f, false, 30);
	assert_true(spread >= 10 && spread <= 30);
	size_t one = map_labels(f, true, 30);
	assert_true(one >= 1 && one <= 8);
}

/* A suppressed cell is never drawn to size on its own, in any chart type:
 * bars and flows get dashed marks of a fixed size (the same whatever the
 * count); parts of a whole (stacked, donut, unit chart) draw the withheld
 * remainder of the whole as one hatched part (test_withheld_to_scale) and
 * no dashed mark. Every type keeps the text « < 3 » and its place in the
 * description. The timeline is left out: its values are dates, not counts. */
static void test_suppressed_mark(void **state)
{
	fixture *f = *state;
	static const struct {
		doc_chart_type type;
		size_t dashed_rects, dashed_lines;
		int w, h; /* of the first dashed rect; 0 = any (bar length) */
		size_t paths; /* filled paths: one per drawn share (donut, flow) */
		bool hatched; /* the withheld remainder hatched (thin grey strokes) */
	} cases[] = {
		{DOC_CHART_HBAR, 1, 0, 14, 0, 0, false},      /* a fixed length on the bar's row */
		{DOC_CHART_VBAR, 1, 0, 0, 14, 0, false},      /* a fixed height */
		{DOC_CHART_HISTOGRAM, 1, 0, 0, 14, 0, false},
		{DOC_CHART_STACKED, 0, 0, 0, 0, 0, true},     /* the rest of the bar; a legend swatch */
		{DOC_CHART_DONUT, 0, 0, 0, 0, 3 + 1, true},   /* the rest of the ring, tinted */
		{DOC_CHART_UNIT, 0, 0, 0, 0, 0, true},        /* hatched squares; a key swatch */
		{DOC_CHART_FLOW, 1, 1, 9, 4, 3, false},       /* a thread to a fixed box, no band */
	};
	for (size_t ci = 0; ci < sizeof cases / sizeof *cases; ci++) {
		doc_chart *c = age_chart(cases[ci].type);
		doc_chart_set(c, 0, 3, 2, NULL, 1);
		chart_ops o;
		lay_out(f, c, &o);
		check_ops(&o, PTU(467.7));
		size_t rects = 0, lines = 0, paths = 0, hatch = 0;
		for (size_t i = 0; i < o.n; i++) {
			const page_op *p = &o.ops[i];
			paths += p->kind == PAGE_OP_PATH && p->fill;
			hatch += p->kind == PAGE_OP_LINE && p->dash == PAGE_DASH_NONE &&
				 p->line_width == PTU(0.6);
			if (p->dash != PAGE_DASH_DASHED)
				continue;
			assert_false(p->fill);
			lines += p->kind == PAGE_OP_LINE;
			if (p->kind != PAGE_OP_RECT)
				continue;
			if (rects++ == 0) {
				/* Fixed size, whatever the count. */
				if (cases[ci].w)
					assert_int_equal(p->w, PTU(cases[ci].w));
				if (cases[ci].h)
					assert_int_equal(p->h, PTU(cases[ci].h));
			}
		}
		assert_int_equal(rects, cases[ci].dashed_rects);
		assert_int_equal(lines, cases[ci].dashed_lines);
		assert_int_equal(paths, cases[ci].paths);
		if (cases[ci].hatched)
			assert_true(hatch >= 3);
		else
			assert_int_equal(hatch, 0);
		assert_true(has_text_in(&o, "<" NN "3"));
		/* The description is the figure's text alternative. */
		assert_non_null(strstr(o.ops[0].title, "55 ans et plus <" NN "3"));
		chart_ops_free(&o);
		doc_chart_destroy(c);
	}
}

/* The issue this guards: a stacked bar with a withheld segment stretched the
 * published segments to fill the bar (43 % drawn as 93 %). Published parts
 * keep their true share of the whole (the base, 267), and the withheld
 * remainder is one hatched box as wide as the rest of the whole. */
static void test_withheld_to_scale(void **state)
{
	fixture *f = *state;
	doc_chart *c = age_chart(DOC_CHART_STACKED);
	doc_chart_set(c, 0, 1, 92, "s", 1); /* 25-39: secondary, 92 of 267 */
	doc_chart_set(c, 0, 3, 2, NULL, 1); /* 55+: primary */
	chart_ops o;
	lay_out(f, c, &o);
	check_ops(&o, PTU(467.7));
	const int bar_h = PTU(22);
	const page_op *outline = NULL, *first = NULL;
	for (size_t i = 0; i < o.n; i++) {
		const page_op *p = &o.ops[i];
		if (p->kind == PAGE_OP_RECT && p->h == bar_h && p->stroke && !p->fill &&
		    p->dash == PAGE_DASH_NONE)
			outline = p;
	}
	assert_non_null(outline);
	/* The published segments: filled boxes of the bar before the hatching. */
	int published = 0;
	for (size_t i = 0; i < o.n; i++) {
		const page_op *p = &o.ops[i];
		if (p->kind != PAGE_OP_RECT || p->h != bar_h || !p->fill || p->x >= outline->x)
			continue;
		published += p->w;
		if (!first || p->x < first->x)
			first = p;
	}
	assert_non_null(first);
	double full = 467.7 * PANGO_SCALE, whole = 267, kept = 59 + 94;
	/* 16-24 ans: 59 of 267 of the bar, not 59 of the 153 published. */
	assert_true(abs(first->w - (int)(full * 59 / whole)) <= PTU(1));
	assert_true(abs(published - (int)(full * kept / whole)) <= PTU(2));
	/* The withheld part: the rest of the whole, to the end of the bar. */
	assert_true(abs(outline->w - (int)(full * (whole - kept) / whole)) <= PTU(2));
	assert_true(abs(outline->x + outline->w - (first->x + (int)full)) <= PTU(1));
	/* Labelled « s » (two cells: their sum is not below k), in the legend
	 * each with its mark. */
	assert_true(has_text_in(&o, "s"));
	/* The description says the same as the picture. */
	char *d = chart_describe(c);
	assert_non_null(strstr(d, "25-39 ans s, 40-54 ans 35"));
	assert_non_null(strstr(d, "une seule part hachurée, à leur taille réelle"));
	free(d);
	chart_ops_free(&o);
	doc_chart_destroy(c);
	/* Bars are not parts of a whole: no such sentence. */
	c = age_chart(DOC_CHART_HBAR);
	doc_chart_set(c, 0, 3, 2, NULL, 1);
	d = chart_describe(c);
	assert_null(strstr(d, "hachurée"));
	free(d);
	doc_chart_destroy(c);

	/* A flow's « Ensemble » is the whole, not the published parts' sum
	 * (245 would be a false total). */
	c = age_chart(DOC_CHART_FLOW);
	doc_chart_set(c, 0, 3, 22, NULL, 1);
	lay_out(f, c, &o);
	assert_true(has_text_in(&o, "Ensemble 267"));
	assert_false(has_text_in(&o, "Ensemble 245"));
	chart_ops_free(&o);
	doc_chart_destroy(c);

	/* Percentages: the whole is 100 %. */
	c = age_chart(DOC_CHART_STACKED);
	c->unit = DOC_CHART_PERCENT;
	static const double pct[] = {22, 34, 35, 8};
	for (size_t i = 0; i < 4; i++)
		doc_chart_set(c, 0, i, pct[i], NULL, i == 2);
	chart_data *cd = chart_data_create(c, NULL, SRC_LOC_NONE);
	assert_true(chart_data_has_withheld(cd, 0));
	assert_true(chart_data_whole(cd, 0) == 100);
	assert_true(chart_data_total(cd, 0) == 64);
	assert_string_equal(chart_data_withheld_text(cd, 0), "&lt;" NN "3");
	chart_data_destroy(cd);
	doc_chart_destroy(c);
}

static void test_doc_dump(void **state)
{
	(void)state;
	doc *d = doc_create(&(doc_meta){.title = "t", .date_iso = "2024-01-15"});
	doc_chart *c = doc_add_chart(d, DOC_CHART_DONUT, "QPV", "Base : 267.");
	doc_chart_add_series(c, NULL);
	size_t k = doc_chart_add_cat(c, "En QPV", -1);
	doc_chart_set(c, 0, k, 187, "70 %", 0);
	doc_chart_add_cat(c, "Hors QPV", -1);
	doc_chart_set(c, 5, 0, 1, "x", 0); /* out of range: ignored */
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	doc_dump(d, mem);
	fclose(mem);
	assert_non_null(strstr(buf, "0 chart\n"));
	assert_non_null(strstr(buf, "  chart type=anneau unit=count"));
	assert_non_null(strstr(buf, "cell 0 value=187.0000 text=\"70 %\" suppressed=0"));
	assert_non_null(strstr(buf, "cell 1 value=missing text=null suppressed=0"));
	free(buf);
	doc_destroy(d);
	assert_int_equal(doc_chart_type_from_name("flux"), DOC_CHART_FLOW);
	assert_int_equal(doc_chart_type_from_name("camembert"), -1);
	assert_string_equal(doc_chart_type_name(DOC_CHART_UNIT), "unites");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ticks),
		cmocka_unit_test(test_values_french),
		cmocka_unit_test(test_palette),
		cmocka_unit_test(test_sort_and_other),
		cmocka_unit_test(test_suppressed_text),
		cmocka_unit_test(test_describe),
		cmocka_unit_test(test_doc_dump),
		cmocka_unit_test_setup_teardown(test_degenerate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_label_layout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_suppressed_mark, setup, teardown),
		cmocka_unit_test_setup_teardown(test_withheld_to_scale, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_labels, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
