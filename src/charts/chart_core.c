/* chart_core.c - the chart palette, nice ticks and the prepared view of a
 * chart spec (checked values, printed texts, sorting, « Autres »). */
#include "chart_core.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fmt_fr.h"
#include "i18n.h"
#include "style_sheet.h"
#include "util.h"

/* --- palette ------------------------------------------------------------------- */

/* The default series colours; a report's own come from its style sheet
 * (layouts/styles.xml, serie-1 … serie-8). */
uint32_t chart_color(size_t i)
{
	return style_default_color((style_color)(PAL_SERIES_1 + i % CHART_PALETTE_N));
}

uint32_t chart_tint(uint32_t c, double amount)
{
	if (!(amount >= 0))
		amount = 0;
	if (amount > 1)
		amount = 1;
	uint32_t out = 0;
	for (int sh = 16; sh >= 0; sh -= 8) {
		double v = (double)((c >> sh) & 0xff);
		int m = (int)(v + (255.0 - v) * amount + 0.5);
		out |= (uint32_t)m << sh;
	}
	return out;
}

uint32_t chart_text_on(uint32_t fill)
{
	/* Relative luminance (sRGB, WCAG); white text below 0.4 keeps a
	 * contrast of at least about 2.4:1 either way, and usually far more. */
	double lum = 0;
	static const double w[3] = {0.2126, 0.7152, 0.0722};
	for (int k = 0; k < 3; k++) {
		double v = (double)((fill >> (16 - 8 * k)) & 0xff) / 255.0;
		v = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
		lum += w[k] * v;
	}
	return lum < 0.3 ? 0xFFFFFFu : 0x1F2A30u;
}

/* --- ticks ------------------------------------------------------------------------ */

int chart_nice_ticks(double lo, double hi, int max_intervals, chart_ticks *out)
{
	if (max_intervals < 1)
		max_intervals = 1;
	if (!isfinite(lo))
		lo = 0;
	if (!isfinite(hi))
		hi = lo;
	if (hi < lo) {
		double t = lo;
		lo = hi;
		hi = t;
	}
	if (hi - lo < 1e-9 * (fabs(lo) + fabs(hi) + 1e-300)) {
		/* One value: show it with one step of 1 above (0..1 for zero). */
		hi = lo + (lo == 0 ? 1 : pow(10, floor(log10(fabs(lo)))));
	}
	double raw = (hi - lo) / max_intervals;
	double mag = pow(10, floor(log10(raw)));
	double norm = raw / mag;
	double step = (norm <= 1 + 1e-9 ? 1 : norm <= 2 + 1e-9 ? 2 : norm <= 5 + 1e-9 ? 5 : 10) * mag;
	double first = floor(lo / step + 1e-9) * step;
	double last = ceil(hi / step - 1e-9) * step;
	int count = (int)((last - first) / step + 0.5) + 1;
	if (count < 2)
		count = 2;
	int dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
	if (dec > 6)
		dec = 6;
	*out = (chart_ticks){first, step, count, dec};
	return count;
}

char *chart_format_value(char *buf, size_t cap, double v, doc_chart_unit unit, int decimals)
{
	if (!isfinite(v)) {
		snprintf(buf, cap, "\xE2\x80\x93"); /* – */
		return buf;
	}
	/* Room for the unit after the number within FMT_CAP (the longest
	 * grouped 64-bit number is 37 bytes). */
	char num[FMT_CAP - 16];
	if (decimals <= 0)
		fmt_int(num, sizeof num, llround(v));
	else
		fmt_decimal(num, sizeof num, v, decimals);
	switch (unit) {
	case DOC_CHART_PERCENT: snprintf(buf, cap, "%s" FR_NBSP "%%", num); break;
	case DOC_CHART_EUROS: snprintf(buf, cap, "%s" FR_NNBSP "\xE2\x82\xAC", num); break;
	case DOC_CHART_COUNT:
	default: snprintf(buf, cap, "%s", num); break;
	}
	return buf;
}

/* --- prepared view ------------------------------------------------------------------- */

typedef struct {
	char *label; /* owned */
	char *detail;
	int parent;
	bool other;
	size_t src;
	double *v;   /* per series; NAN = missing */
	char **text; /* per series, owned */
	unsigned char *sup;
} view_cat;

struct chart_data {
	const doc_chart *spec;
	size_t n, ns;
	view_cat *c;
	char **series_name; /* borrowed from the spec */
};

static char *plain_title(const doc_chart *s)
{
	return xstrdup(s->title && *s->title ? s->title : "(sans titre)");
}

static char *default_text(const doc_chart *s, double v, bool sup, bool missing)
{
	char buf[FMT_CAP];
	if (sup)
		return s->threshold > 0 ? xasprintf("&lt;" FR_NNBSP "%d", s->threshold)
					: xstrdup("n.c.");
	if (missing)
		return xstrdup("\xE2\x80\x93");
	double r = round(v);
	/* Euros are printed whole, like every amount of the report. */
	int dec = s->unit == DOC_CHART_EUROS || fabs(v - r) < 1e-9 ? 0 : 1;
	return xstrdup(chart_format_value(buf, sizeof buf, v, s->unit, dec));
}

/* What decides which categories « Autres » gathers: the sum of the
 * drawable values over the series (a KPA's revenue over every year), so
 * that a category with a missing first cell is not ranked last for it. */
static double group_key(const view_cat *c, size_t ns)
{
	double t = 0;
	bool any = false;
	for (size_t s = 0; s < ns; s++)
		if (!isnan(c->v[s]) && !c->sup[s]) {
			t += c->v[s];
			any = true;
		}
	return any ? t : -INFINITY;
}

typedef struct {
	double key;
	size_t pos; /* position in the display order */
} rank;

static int cmp_rank(const void *a, const void *b)
{
	const rank *x = a, *y = b;
	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos; /* stable */
}

/* The value that orders categories: the first series, missing last. */
static double sort_key(const view_cat *c)
{
	double v = c->v[0];
	return isnan(v) || c->sup[0] ? -INFINITY : v;
}

static int cmp_desc(const void *a, const void *b)
{
	const view_cat *x = a, *y = b;
	double kx = sort_key(x), ky = sort_key(y);
	if (kx != ky)
		return kx > ky ? -1 : 1;
	return x->src < y->src ? -1 : x->src > y->src; /* stable */
}

static int cmp_asc(const void *a, const void *b)
{
	const view_cat *x = a, *y = b;
	double kx = sort_key(x), ky = sort_key(y);
	/* Missing values stay last when ascending too. */
	if (kx == -INFINITY || ky == -INFINITY) {
		if (kx != ky)
			return kx == -INFINITY ? 1 : -1;
	} else if (kx != ky)
		return kx < ky ? -1 : 1;
	return x->src < y->src ? -1 : x->src > y->src;
}

static void view_cat_free(view_cat *c, size_t ns)
{
	free(c->label);
	free(c->detail);
	for (size_t s = 0; s < ns; s++)
		free(c->text[s]);
	free(c->text);
	free(c->v);
	free(c->sup);
}

chart_data *chart_data_create(const doc_chart *spec, diag_sink *d, src_loc where)
{
	chart_data *cd = xcalloc(1, sizeof *cd);
	cd->spec = spec;
	cd->ns = spec->n_series;
	size_t n = spec->n_series ? spec->n_cats : 0;
	cd->c = xcalloc(n ? n + 1 : 1, sizeof *cd->c);
	char *title = plain_title(spec);
	bool part_of_whole = spec->type != DOC_CHART_HBAR && spec->type != DOC_CHART_VBAR &&
			     spec->type != DOC_CHART_TIMELINE && spec->type != DOC_CHART_MAP;
	bool warned_neg = false;
	for (size_t i = 0; i < n; i++) {
		const doc_chart_cat *sc = &spec->cats[i];
		view_cat *c = &cd->c[i];
		c->label = xstrdup(sc->label ? sc->label : "");
		c->detail = sc->detail ? xstrdup(sc->detail) : NULL;
		c->parent = sc->parent;
		c->src = i;
		c->v = xcalloc(cd->ns, sizeof *c->v);
		c->text = xcalloc(cd->ns, sizeof *c->text);
		c->sup = xcalloc(cd->ns, sizeof *c->sup);
		for (size_t s = 0; s < cd->ns; s++) {
			const doc_chart_series *se = &spec->series[s];
			double v = se->values[i];
			bool sup = se->suppressed[i] != 0;
			bool missing = !isfinite(v);
			/* Dates and coordinates may be negative. */
			if (!missing && v < 0 && spec->type != DOC_CHART_TIMELINE &&
			    spec->type != DOC_CHART_MAP) {
				if (!warned_neg && d && part_of_whole)
					diag_emit(d, DIAG_WARNING, where, NULL,
						  "chart \"%s\": negative value %g cannot be drawn as "
						  "a part of a whole; it is printed without a mark",
						  title, v);
				else if (!warned_neg && d)
					diag_emit(d, DIAG_WARNING, where, NULL,
						  "chart \"%s\": negative value %g cannot be drawn as a "
						  "bar; it is printed without a mark",
						  title, v);
				warned_neg = true;
				c->text[s] = se->texts[i] ? xstrdup(se->texts[i])
							  : default_text(spec, v, false, false);
				missing = true;
			}
			c->v[s] = missing ? NAN : v;
			c->sup[s] = sup;
			if (!c->text[s])
				c->text[s] = se->texts[i] ? xstrdup(se->texts[i])
							  : default_text(spec, v, sup, missing);
		}
	}
	cd->n = n;

	if (spec->type == DOC_CHART_FLOW) {
		/* Parents must be level-1 categories that come before. */
		for (size_t i = 0; i < n; i++) {
			int p = cd->c[i].parent;
			if (p < 0)
				continue;
			if ((size_t)p >= n || (size_t)p == i || cd->c[p].parent >= 0) {
				if (d)
					diag_emit(d, DIAG_WARNING, where, NULL,
						  "chart \"%s\": category %zu names parent %d, which "
						  "is not a first-level category; it is drawn at the "
						  "first level",
						  title, i + 1, p);
				cd->c[i].parent = -1;
			}
		}
	} else if (spec->type == DOC_CHART_TIMELINE) {
		qsort(cd->c, n, sizeof *cd->c, cmp_asc);
	} else if (spec->type == DOC_CHART_MAP) {
		/* Cities stay in the order given; the map places them. */
	} else if (cd->ns > 0 && n > 1 && spec->sort != DOC_CHART_SORT_NONE) {
		qsort(cd->c, n, sizeof *cd->c,
		      spec->sort == DOC_CHART_SORT_DESC ? cmp_desc : cmp_asc);
	}

	if (spec->max_cats > 0 && n > spec->max_cats && spec->type != DOC_CHART_FLOW &&
	    spec->type != DOC_CHART_TIMELINE && spec->type != DOC_CHART_MAP) {
		size_t keep = spec->group_other ? (spec->max_cats > 1 ? spec->max_cats - 1 : 1)
						: spec->max_cats;
		if (spec->group_other) {
			/* The smallest (by the sum of their series) go to
			 * « Autres », whatever the display order. */
			rank *tmp = xcalloc(n, sizeof *tmp);
			for (size_t i = 0; i < n; i++)
				tmp[i] = (rank){group_key(&cd->c[i], cd->ns), i};
			qsort(tmp, n, sizeof *tmp, cmp_rank);
			unsigned char *grouped = xcalloc(n, 1);
			for (size_t i = keep; i < n; i++)
				grouped[tmp[i].pos] = 1;
			free(tmp);
			view_cat other = {.label = xstrdup(spec->other_label ? spec->other_label
									     : "Autres"),
					  .parent = -1, .other = true, .src = (size_t)-1};
			other.v = xcalloc(cd->ns, sizeof *other.v);
			other.text = xcalloc(cd->ns, sizeof *other.text);
			other.sup = xcalloc(cd->ns, sizeof *other.sup);
			unsigned char *hides = xcalloc(cd->ns ? cd->ns : 1, 1);
			size_t w = 0;
			for (size_t i = 0; i < n; i++) {
				if (!grouped[i]) {
					cd->c[w++] = cd->c[i];
					continue;
				}
				for (size_t s = 0; s < cd->ns; s++) {
					if (!isnan(cd->c[i].v[s])) {
						other.v[s] += cd->c[i].v[s];
						hides[s] |= 2; /* one cell at least */
					}
					hides[s] |= cd->c[i].sup[s];
				}
				view_cat_free(&cd->c[i], cd->ns);
			}
			for (size_t s = 0; s < cd->ns; s++) {
				double v = other.v[s];
				bool sup = spec->threshold > 0 && spec->unit == DOC_CHART_COUNT &&
					   v > 0 && v < spec->threshold;
				bool hide = hides[s] & 1, none = !(hides[s] & 2);
				/* Every gathered cell missing: « Autres » is missing
				 * too (a series of grouped bars it does not have). */
				if (none && !hide)
					other.v[s] = v = NAN;
				other.sup[s] = sup || hide;
				/* A withheld cell added into a published sum could be
				 * recomputed from the others printed elsewhere: the sum
				 * is withheld too (docs/privacy.md). */
				other.text[s] = hide && !sup ? xstrdup("n.c.")
							     : default_text(spec, v, sup, none);
			}
			free(hides);
			cd->c[w++] = other;
			free(grouped);
			cd->n = w;
		} else {
			if (d)
				diag_emit(d, DIAG_WARNING, where, NULL,
					  "chart \"%s\" has %zu categories; only the first %zu are "
					  "drawn (set group_other to gather the rest into \"Autres\")",
					  title, n, keep);
			for (size_t i = keep; i < n; i++)
				view_cat_free(&cd->c[i], cd->ns);
			cd->n = keep;
		}
	}
	free(title);
	return cd;
}

void chart_data_destroy(chart_data *cd)
{
	if (!cd)
		return;
	for (size_t i = 0; i < cd->n; i++)
		view_cat_free(&cd->c[i], cd->ns);
	free(cd->c);
	free(cd);
}

const doc_chart *chart_data_spec(const chart_data *cd)
{
	return cd->spec;
}

size_t chart_data_cats(const chart_data *cd)
{
	return cd->n;
}

size_t chart_data_series(const chart_data *cd)
{
	return cd->ns;
}

const char *chart_data_label(const chart_data *cd, size_t i)
{
	return i < cd->n ? cd->c[i].label : "";
}

const char *chart_data_detail(const chart_data *cd, size_t i)
{
	return i < cd->n ? cd->c[i].detail : NULL;
}

int chart_data_parent(const chart_data *cd, size_t i)
{
	return i < cd->n ? cd->c[i].parent : -1;
}

bool chart_data_is_other(const chart_data *cd, size_t i)
{
	return i < cd->n && cd->c[i].other;
}

size_t chart_data_source(const chart_data *cd, size_t i)
{
	return i < cd->n ? cd->c[i].src : (size_t)-1;
}

const char *chart_data_series_name(const chart_data *cd, size_t s)
{
	return s < cd->ns ? cd->spec->series[s].name : NULL;
}

bool chart_data_missing(const chart_data *cd, size_t s, size_t i)
{
	return s >= cd->ns || i >= cd->n || isnan(cd->c[i].v[s]);
}

bool chart_data_suppressed(const chart_data *cd, size_t s, size_t i)
{
	return s < cd->ns && i < cd->n && cd->c[i].sup[s];
}

double chart_data_value(const chart_data *cd, size_t s, size_t i)
{
	if (chart_data_missing(cd, s, i) || chart_data_suppressed(cd, s, i))
		return 0;
	return cd->c[i].v[s];
}

const char *chart_data_text(const chart_data *cd, size_t s, size_t i)
{
	return s < cd->ns && i < cd->n ? cd->c[i].text[s] : "";
}

double chart_data_max(const chart_data *cd)
{
	double m = 0;
	for (size_t s = 0; s < cd->ns; s++)
		for (size_t i = 0; i < cd->n; i++) {
			double v = chart_data_value(cd, s, i);
			if (v > m)
				m = v;
		}
	return m;
}

double chart_data_total(const chart_data *cd, size_t s)
{
	double t = 0;
	for (size_t i = 0; i < cd->n; i++)
		t += chart_data_value(cd, s, i);
	return t;
}

bool chart_data_has_withheld(const chart_data *cd, size_t s)
{
	for (size_t i = 0; i < cd->n; i++)
		if (chart_data_suppressed(cd, s, i))
			return true;
	return false;
}

double chart_data_whole(const chart_data *cd, size_t s)
{
	double published = chart_data_total(cd, s);
	if (s >= cd->ns || !chart_data_has_withheld(cd, s))
		return published;
	const doc_chart *sp = cd->spec;
	double whole = 0;
	if (sp->unit == DOC_CHART_PERCENT)
		whole = 100;
	else if (sp->series[s].base > 0)
		whole = (double)sp->series[s].base;
	else if (sp->n_series == 1 && sp->base > 0)
		whole = (double)sp->base;
	else
		for (size_t i = 0; i < cd->n; i++) {
			double v = cd->c[i].v[s];
			if (isfinite(v) && v > 0)
				whole += v;
		}
	return whole > published ? whole : published;
}

const char *chart_data_withheld_text(const chart_data *cd, size_t s)
{
	size_t n = 0, at = 0;
	for (size_t i = 0; i < cd->n; i++)
		if (chart_data_suppressed(cd, s, i))
			n++, at = i;
	return n == 1 ? chart_data_text(cd, s, at) : n ? "s" : "";
}

char *chart_withheld_note(const chart_data *cd)
{
	bool primary = false, secondary = false;
	for (size_t s = 0; s < cd->ns; s++)
		for (size_t i = 0; i < cd->n; i++)
			if (chart_data_suppressed(cd, s, i)) {
				if (!strcmp(chart_data_text(cd, s, i), "s"))
					secondary = true;
				else
					primary = true;
			}
	/* A hatched part of several cells is labelled « s » too. */
	for (size_t s = 0; s < cd->ns && (cd->spec->type == DOC_CHART_STACKED ||
					  cd->spec->type == DOC_CHART_DONUT); s++)
		secondary |= !strcmp(chart_data_withheld_text(cd, s), "s");
	if (!primary && !secondary)
		return NULL;
	strbuf b = {0};
	int k = cd->spec->threshold;
	if (primary) {
		if (k > 0)
			strbuf_printf(&b, "&lt;" FR_NNBSP "%d" FR_NBSP ": moins de %d personnes", k, k);
		else
			strbuf_puts(&b, "&lt;" FR_NNBSP "k" FR_NBSP ": sous le seuil de confidentialité");
	}
	if (secondary)
		strbuf_printf(&b, "%ss" FR_NBSP ": secret statistique", primary ? FR_NNBSP "; " : "");
	strbuf_putc(&b, '.');
	return strbuf_detach(&b);
}

bool chart_data_empty(const chart_data *cd)
{
	return !(chart_data_max(cd) > 0);
}
