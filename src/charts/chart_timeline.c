/* chart_timeline.c - the timeline: a time axis in years or months, a dot
 * per event and its label, above and below in tiers that keep labels and
 * stems apart. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart_geom.h"
#include "fmt_fr.h"
#include "util.h"

/* One event: its date label over its text, the x of its dot, the left of
 * its label box, its height, side (0 above, 1 below) and tier. */
typedef struct {
	ctext date, txt;
	int ex, bx, h, side, tier;
} ev;

#define TIERS 4

typedef struct {
	double a0, a1; /* the axis spans [a0, a1] in years */
	bool by_month;
	int ax0, ax1; /* its ends */
	ev *e;
	size_t nd;
	int off[2][TIERS]; /* distance of each tier from the axis, per side */
	int above, below;  /* room taken above and below the axis */
	int axis_y, year_h;
} tline;

static const int stem = PT(12), tier_gap = PT(8);

/* Number of dated events and their range. */
static size_t date_range(const cl *c, double *lo, double *hi)
{
	size_t n = chart_data_cats(c->cd), nd = 0;
	*lo = INFINITY;
	*hi = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		if (chart_data_missing(c->cd, 0, i))
			continue;
		double v = chart_data_value(c->cd, 0, i);
		*lo = fmin(*lo, v);
		*hi = fmax(*hi, v);
		nd++;
	}
	return nd;
}

/* Whole years; a span of two years or less is drawn by month, with a month
 * of margin at both ends. */
static void time_span(tline *t, double lo, double hi)
{
	t->a0 = floor(lo + 1e-9);
	t->a1 = ceil(hi - 1e-9);
	if (t->a1 <= t->a0)
		t->a1 = t->a0 + 1;
	t->by_month = t->a1 - t->a0 <= 2;
	if (t->by_month) {
		t->a0 = floor(lo * 12 + 1e-6) / 12 - 1 / 12.0;
		t->a1 = ceil(hi * 12 - 1e-6) / 12 + 1 / 12.0;
	}
}

static int axis_x(const tline *t, double v)
{
	return t->ax0 + (int)lround((v - t->a0) / (t->a1 - t->a0) * (t->ax1 - t->ax0));
}

/* The first tier of v's side where the label clears the previous one
 * there and the stem clears the labels of the tiers it crosses. */
static int free_tier(const ev *v, int last_end[TIERS], int last_start[TIERS])
{
	int tr = 0;
	for (; tr < TIERS - 1; tr++) {
		bool ok = v->bx >= last_end[tr] + PT(6);
		for (int u = 0; ok && u < tr; u++)
			ok = v->ex > last_end[u] + PT(3) || v->ex < last_start[u] - PT(3);
		if (ok)
			break;
	}
	return tr;
}

/* Label boxes: date (bold) over the text; sides alternate, and a label
 * that would touch its neighbour on the same side moves one tier out.
 * Fills t->e and returns the tallest label of each tier. */
static void place_labels(cl *c, tline *t, int tier_h[2][TIERS])
{
	chart_data *cd = c->cd;
	size_t n = chart_data_cats(cd);
	const int lw = MINI(PT(118), MAXI(PT(70), c->w * 2 / (int)(t->nd + 1)));
	int last_end[2][TIERS], last_start[2][TIERS];
	for (int s = 0; s < 2; s++)
		for (int k = 0; k < TIERS; k++)
			last_end[s][k] = last_start[s][k] = -PT(1000);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (chart_data_missing(cd, 0, i))
			continue;
		ev *v = &t->e[k];
		v->ex = axis_x(t, chart_data_value(cd, 0, i));
		const char *d = chart_data_detail(cd, i);
		v->date = cl_text(c, ST_BAR_VALUE, d && *d ? d : chart_data_text(cd, 0, i));
		v->txt = cl_label(c, ST_NOTE, chart_data_label(cd, i), lw - PT(8), 4,
				  CHART_ALIGN_STYLE);
		v->h = v->date.m.height + PT(1) + v->txt.m.height;
		int bw = MAXI(v->date.m.width, v->txt.m.width) + PT(6);
		v->bx = MINI(MAXI(v->ex - PT(4), 0), c->w - bw);
		v->side = (int)(k % 2);
		v->tier = free_tier(v, last_end[v->side], last_start[v->side]);
		last_end[v->side][v->tier] = v->bx + bw;
		last_start[v->side][v->tier] = v->bx;
		tier_h[v->side][v->tier] = MAXI(tier_h[v->side][v->tier], v->h);
		k++;
	}
}

/* Tiers stack out from the axis, a stem's length first. */
static void stack_tiers(tline *t, int tier_h[2][TIERS])
{
	for (int s = 0; s < 2; s++) {
		int acc = stem;
		for (int k = 0; k < TIERS; k++) {
			t->off[s][k] = acc;
			if (tier_h[s][k])
				acc += tier_h[s][k] + tier_gap;
		}
		if (s == 0)
			t->above = acc - tier_gap;
		else
			t->below = acc - tier_gap;
	}
}

/* The axis, its ticks and their labels (years, or months). */
static void draw_axis(cl *c, const tline *t)
{
	static const char *const months[12] = {"janv.", "févr.", "mars", "avr.", "mai", "juin",
					       "juil.", "août", "sept.", "oct.", "nov.", "déc."};
	cl_line(c, t->ax0, t->axis_y, t->ax1 - t->ax0, 0, cl_color(c, PAL_GREY_BLUE), PT(1.2),
		CHART_DASH_NONE);
	bool by_month = t->by_month;
	long t0 = by_month ? lround(t->a0 * 12) : lround(t->a0);
	long t1 = by_month ? lround(t->a1 * 12) : lround(t->a1);
	long every = by_month ? 1 : (t1 - t0 > 12 ? (t1 - t0 + 11) / 12 : 1);
	for (long tv = t0; tv <= t1; tv += every) {
		int x = axis_x(t, by_month ? tv / 12.0 : (double)tv);
		cl_line(c, x, t->axis_y - PT(3), 0, PT(6), cl_color(c, PAL_GREY_BLUE), PT(0.8),
			CHART_DASH_NONE);
		char buf[32];
		if (by_month && (tv % 12 == 0 || tv == t0))
			snprintf(buf, sizeof buf, "%s %ld", months[tv % 12], tv / 12);
		else if (by_month)
			snprintf(buf, sizeof buf, "%s", months[tv % 12]);
		else
			snprintf(buf, sizeof buf, "%ld", tv);
		ctext yl = cl_text(c, ST_NOTE, buf);
		int x_l = MINI(MAXI(x - yl.m.width / 2, 0), c->w - yl.m.width);
		/* A tick label that a stem going down would cross is left out:
		 * the labels carry their dates anyway. */
		bool crossed = false;
		for (size_t j = 0; j < t->nd; j++)
			if (t->e[j].side == 1 && t->e[j].ex >= x_l - PT(2) &&
			    t->e[j].ex <= x_l + yl.m.width + PT(2))
				crossed = true;
		if (!crossed)
			cl_put(c, &yl, x_l, t->axis_y + PT(5), cl_color(c, PAL_GREY));
	}
}

/* Stems and labels, then the dots over the axis and stems. */
static void draw_events(cl *c, const tline *t)
{
	int axis_y = t->axis_y;
	for (size_t j = 0; j < t->nd; j++) {
		const ev *v = &t->e[j];
		int top;
		if (v->side == 0) {
			top = axis_y - t->off[0][v->tier] - v->h;
			cl_line(c, v->ex, top + v->h + PT(2), 0, axis_y - (top + v->h + PT(2)),
				cl_color(c, PAL_RULE), PT(0.8), CHART_DASH_NONE);
		} else {
			top = axis_y + t->year_h + t->off[1][v->tier] - stem + PT(6);
			cl_line(c, v->ex, axis_y, 0, top - PT(2) - axis_y, cl_color(c, PAL_RULE),
				PT(0.8), CHART_DASH_NONE);
		}
		cl_put(c, &v->date, v->bx + PT(3), top, cl_color(c, PAL_PRIMARY));
		cl_put(c, &v->txt, v->bx + PT(3), top + v->date.m.height + PT(1),
		       cl_color(c, PAL_TEXT));
	}
	for (size_t j = 0; j < t->nd; j++) {
		int d = PT(7);
		chart_op o = {.kind = CHART_OP_RECT, .x = t->e[j].ex - d / 2, .y = axis_y - d / 2,
			      .w = d, .h = d, .fill = true, .fill_color = cl_color(c, PAL_ACCENT),
			      .stroke = true, .stroke_color = cl_color(c, PAL_WHITE),
			      .line_width = PT(1.2), .radius = d / 2};
		cl_push(c, &o);
	}
}

int chart_timeline(cl *c, int y0)
{
	tline t = {0};
	double lo, hi;
	t.nd = date_range(c, &lo, &hi);
	if (t.nd == 0)
		return cl_empty_note(c, y0, "Aucune date à placer sur la frise.");
	time_span(&t, lo, hi);
	t.ax0 = PT(6);
	t.ax1 = c->w - PT(6);
	t.e = xcalloc(t.nd, sizeof *t.e);
	int tier_h[2][TIERS] = {{0}};
	place_labels(c, &t, tier_h);
	stack_tiers(&t, tier_h);
	/* Year labels sit just under the axis; labels below start under them. */
	t.year_h = cl_text(c, ST_NOTE, "2000").m.height + PT(4);
	t.axis_y = y0 + MAXI(t.above, 0);
	draw_axis(c, &t);
	draw_events(c, &t);
	int bottom = t.axis_y + t.year_h + (t.below > 0 ? t.below - stem + PT(6) : 0);
	free(t.e);
	return bottom - y0;
}
