/* test_chart_specs.h - chart specs shared by the chart tests (through the
 * typesetter in test_chart.c, the charts stage alone in test_chart_draw.c).
 * Header-only. */
#ifndef RECIT_TEST_CHART_SPECS_H
#define RECIT_TEST_CHART_SPECS_H

#include "doc.h"

/* The age distribution of the sample report: four categories, one
 * unnamed series, base 267, k = 3. */
static inline doc_chart *age_chart(doc_chart_type type)
{
	doc_chart *c = doc_chart_create(type, "Répartition par âge", "Base : 267.");
	c->base = 267;
	c->threshold = 3;
	doc_chart_add_series(c, NULL);
	static const char *const lab[] = {"16-24 ans", "25-39 ans", "40-54 ans", "55 ans et plus"};
	static const double v[] = {59, 92, 94, 22};
	static const char *const txt[] = {"22\xC2\xA0%", "34\xC2\xA0%", "35\xC2\xA0%", "8\xC2\xA0%"};
	for (size_t i = 0; i < 4; i++) {
		size_t k = doc_chart_add_cat(c, lab[i], -1);
		doc_chart_set(c, 0, k, v[i], txt[i], 0);
	}
	return c;
}

#endif
