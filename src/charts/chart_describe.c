/* chart_describe.c - a chart as one French sentence: what a screen reader
 * or a plain-text export says instead of the picture. */
#include <stdlib.h>
#include <string.h>

#include "chart_core.h"
#include "fmt_fr.h"
#include "doc.h"
#include "util.h"

static void put_plain(strbuf *b, const char *markup)
{
	char *p = doc_plain_text(markup ? markup : "");
	strbuf_puts(b, p);
	free(p);
}

/* "label text" for one cell. */
static void put_cell(strbuf *b, const chart_data *cd, size_t s, size_t i)
{
	put_plain(b, chart_data_label(cd, i));
	strbuf_putc(b, ' ');
	put_plain(b, chart_data_text(cd, s, i));
}

static bool has_name(const chart_data *cd, size_t s)
{
	const char *n = chart_data_series_name(cd, s);
	return n && *n;
}

char *chart_describe(const doc_chart *spec)
{
	chart_data *cd = chart_data_create(spec, NULL, SRC_LOC_NONE);
	size_t n = chart_data_cats(cd), ns = chart_data_series(cd);
	strbuf b = {0};
	if (spec->title && *spec->title)
		put_plain(&b, spec->title);
	else
		strbuf_puts(&b, "Graphique");
	if (spec->base > 0) {
		char num[FMT_CAP];
		strbuf_printf(&b, " (n = %s)", fmt_int(num, sizeof num, spec->base));
	}
	strbuf_puts(&b, FR_NBSP ": ");
	if (n == 0 || ns == 0) {
		strbuf_puts(&b, "aucune donnée.");
		chart_data_destroy(cd);
		return strbuf_detach(&b);
	}
	switch (spec->type) {
	case DOC_CHART_TIMELINE:
		/* « mars 2017 : ouverture du premier KPA ; … » */
		for (size_t i = 0; i < n; i++) {
			if (i)
				strbuf_puts(&b, FR_NNBSP "; ");
			const char *when = chart_data_detail(cd, i);
			if (when && *when)
				put_plain(&b, when);
			else
				put_plain(&b, chart_data_text(cd, 0, i));
			strbuf_puts(&b, FR_NBSP ": ");
			put_plain(&b, chart_data_label(cd, i));
		}
		break;
	case DOC_CHART_MAP: {
		/* « 45 KPA dans 14 villes : Brest (4), Quimper (3)… ». Every city,
		 * placed or not: the labels the map had to leave out are here. */
		double total = 0;
		for (size_t i = 0; i < n; i++)
			total += chart_data_missing(cd, 0, i) ? 0 : chart_data_value(cd, 0, i);
		char num[FMT_CAP];
		strbuf_printf(&b, "%s KPA dans %zu %s" FR_NBSP ": ",
			      fmt_int(num, sizeof num, (long long)total), n, n > 1 ? "villes" : "ville");
		for (size_t i = 0; i < n; i++) {
			if (i)
				strbuf_puts(&b, ", ");
			put_plain(&b, chart_data_label(cd, i));
			if (!chart_data_missing(cd, 0, i))
				strbuf_printf(&b, " (%s)",
					      fmt_int(num, sizeof num,
						      (long long)chart_data_value(cd, 0, i)));
		}
		bool unplaced = false;
		for (size_t i = 0; i < n; i++) {
			if (!chart_data_missing(cd, 1, i) && !chart_data_missing(cd, 2, i))
				continue;
			strbuf_puts(&b, unplaced ? ", " : FR_NNBSP "; sans position sur la carte" FR_NBSP ": ");
			unplaced = true;
			put_plain(&b, chart_data_label(cd, i));
		}
		break;
	}
	case DOC_CHART_FLOW: {
		/* Parts in order, each followed by its sub-parts:
		 * « En emploi 49 (dont CDI 29, …), … » */
		bool first = true;
		for (size_t i = 0; i < n; i++) {
			if (chart_data_parent(cd, i) >= 0)
				continue;
			if (!first)
				strbuf_puts(&b, ", ");
			first = false;
			put_cell(&b, cd, 0, i);
			bool open = false;
			for (size_t k = 0; k < n; k++) {
				if (chart_data_parent(cd, k) != (int)i)
					continue;
				strbuf_puts(&b, open ? ", " : " (dont ");
				open = true;
				put_cell(&b, cd, 0, k);
			}
			if (open)
				strbuf_putc(&b, ')');
		}
		break;
	}
	case DOC_CHART_STACKED:
		if (ns > 1) {
			/* One bar per series: read bar by bar. */
			for (size_t s = 0; s < ns; s++) {
				if (s)
					strbuf_puts(&b, FR_NNBSP "; ");
				if (has_name(cd, s)) {
					put_plain(&b, chart_data_series_name(cd, s));
					strbuf_puts(&b, FR_NBSP ": ");
				}
				bool any = false;
				for (size_t i = 0; i < n; i++) {
					if (chart_data_missing(cd, s, i) &&
					    !chart_data_suppressed(cd, s, i))
						continue;
					if (any)
						strbuf_puts(&b, ", ");
					any = true;
					put_cell(&b, cd, s, i);
				}
				if (!any)
					strbuf_puts(&b, "non renseigné");
			}
			break;
		}
		/* One bar reads like a list. */
		__attribute__((fallthrough));
	default:
		if (ns == 1) {
			for (size_t i = 0; i < n; i++) {
				if (i)
					strbuf_puts(&b, ", ");
				put_cell(&b, cd, 0, i);
			}
			break;
		}
		/* Grouped: category by category, « KPA Touraine : 2022 15 510 €,
		 * 2023 48 392 € ; … »; missing cells are left out. */
		for (size_t i = 0; i < n; i++) {
			if (i)
				strbuf_puts(&b, FR_NNBSP "; ");
			put_plain(&b, chart_data_label(cd, i));
			strbuf_puts(&b, FR_NBSP ": ");
			bool any = false;
			for (size_t s = 0; s < ns; s++) {
				if (chart_data_missing(cd, s, i) && !chart_data_suppressed(cd, s, i))
					continue;
				if (any)
					strbuf_puts(&b, ", ");
				any = true;
				if (has_name(cd, s)) {
					put_plain(&b, chart_data_series_name(cd, s));
					strbuf_putc(&b, ' ');
				}
				put_plain(&b, chart_data_text(cd, s, i));
			}
			if (!any)
				strbuf_puts(&b, "non renseigné");
		}
		break;
	}
	/* Parts of a whole: say what the picture shows of the withheld cells,
	 * as it shows it (one hatched part at its true size, the others to
	 * scale), so that the text and the picture never disagree. */
	bool whole = spec->type == DOC_CHART_STACKED || spec->type == DOC_CHART_DONUT ||
		     spec->type == DOC_CHART_UNIT;
	bool withheld = false;
	for (size_t s = 0; s < ns && whole; s++)
		withheld |= chart_data_has_withheld(cd, s);
	if (withheld)
		strbuf_puts(&b, FR_NNBSP "; les effectifs non diffusés (secret statistique) forment "
				"une seule part hachurée, à leur taille réelle, les autres parts "
				"restant à l’échelle du total");
	strbuf_putc(&b, '.');
	chart_data_destroy(cd);
	return strbuf_detach(&b);
}
