/* The shipped templates: layouts/rapport-court.xml (cover, contents, key
 * figures, finances) builds deterministically on the sample year and the
 * five-person network in both rounding modes, every block knowing its
 * source; the full layouts/rapport.xml contains that tree, in order, inside
 * the report's outline. (tests/e2e/templates.sh compares the trees with
 * golden dumps.) */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_tmpl_util.h"
#include "tmpl.h"
#include "util.h"

/* Build main from the real layouts/ folder; texts: folder for <texte>. */
static doc *build_shipped(const model *m, const stats *s, const char *main, const char *texts,
			  tmpl **t)
{
	char *layouts = xasprintf("%s/layouts", tt_src());
	char *txt = xasprintf("%s/%s", tt_src(), texts);
	diag_sink *d = diag_sink_create(stderr, 0);
	tmpl_paths p = {layouts, main, txt, NULL};
	*t = tmpl_load(d, &p);
	doc *out = *t ? tmpl_build(d, *t, m, s) : NULL;
	diag_sink_destroy(d);
	free(layouts);
	free(txt);
	return out;
}

static void compare(const char *inputs, stats_rounding rounding)
{
	tt_fixture *fx = tt_create(inputs);
	stats_options so = {.rounding = rounding, .threshold = -1};
	stats *s = stats_compute(fx->m, &so);
	tmpl *t, *t2;
	doc *got = build_shipped(fx->m, s, "rapport-court.xml", inputs, &t);
	doc *again = build_shipped(fx->m, s, "rapport-court.xml", inputs, &t2);
	assert_non_null(got);
	assert_non_null(again);
	char *a = tt_dump(again, true), *b = tt_dump(got, true);
	if (strcmp(a, b)) {
		/* Print the first differing line, which is what one needs to fix. */
		const char *p = a, *q = b;
		while (*p && *p == *q)
			p++, q++;
		while (p > a && p[-1] != '\n')
			p--, q--;
		fail_msg("%s: two builds differ\nfirst:  %.200s\nsecond: %.200s", inputs, p, q);
	}
	/* Every block says where it came from. */
	for (size_t i = 0; i < doc_count(got); i++)
		assert_non_null(doc_at(got, i)->origin.file);
	free(a);
	free(b);
	doc_destroy(got);
	tmpl_destroy(t);
	doc_destroy(again);
	tmpl_destroy(t2);
	stats_destroy(s);
	tt_destroy(fx);
}

static void test_short_report_builds(void **state)
{
	(void)state;
	compare("inputs", STATS_ROUND_HALF_UP);
	compare("inputs", STATS_ROUND_LARGEST_REMAINDER);
	compare("tests/fixtures/mini", STATS_ROUND_HALF_UP);
	compare("tests/fixtures/mini", STATS_ROUND_LARGEST_REMAINDER);
}

/* Lines of a dump without their block numbers ("12 heading" -> "heading")
 * and without part numbers ("text=\"2. Bilan" -> "text=\"Bilan"), which the
 * full report adds (numerotation="oui"). */
static char **lines_of(char *dump, size_t *n)
{
	char **v = NULL;
	*n = 0;
	for (char *save = NULL, *l = strtok_r(dump, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		while (*l >= '0' && *l <= '9')
			l++;
		char *t = strstr(l, " level=1 ");
		if (t && (t = strstr(t, "text=\"")) && t[6] >= '1' && t[6] <= '9') {
			char *q = t + 6;
			while (*q >= '0' && *q <= '9')
				q++;
			if (q[0] == '.' && q[1] == ' ')
				memmove(t + 6, q + 2, strlen(q + 2) + 1);
		}
		v = xreallocarray(v, *n + 1, sizeof *v);
		v[(*n)++] = l;
	}
	return v;
}

static void test_full_report_outline(void **state)
{
	(void)state;
	tt_fixture *fx = tt_create("inputs");
	tmpl *t;
	doc *full = build_shipped(fx->m, fx->s, "rapport.xml", "tests/fixtures/tmpl", &t);
	assert_non_null(full);
	tmpl *tc;
	doc *ref = build_shipped(fx->m, fx->s, "rapport-court.xml", "inputs", &tc);
	assert_non_null(ref);

	/* The short report's blocks appear in the same order (meta line, cover
	 * and contents aside: rapport.xml has its own). */
	char *a = tt_dump(ref, true), *b = tt_dump(full, true);
	size_t na, nb, j = 0;
	char **la = lines_of(a, &na), **lb = lines_of(b, &nb);
	for (size_t i = 1; i < na; i++) {
		while (j < nb && strcmp(la[i], lb[j]))
			j++;
		if (j == nb)
			fail_msg("reference line missing or out of order: %s", la[i]);
		j++;
	}
	free(la);
	free(lb);
	free(a);
	free(b);

	/* The outline of DOMAIN.md, level-1 headings in order. */
	const char *want[] = {"presentation", "chiffres-cles", "finances", "demarche", "recit",
			      "conclusion", "annexe-kit-entretiens", "annexe-fiches-kpa"};
	size_t k = 0;
	assert_int_equal(doc_at(full, 0)->kind, DOC_COVER);
	assert_int_equal(doc_at(full, 1)->kind, DOC_TOC);
	bool effects_note = false;
	for (size_t i = 0; i < doc_count(full); i++) {
		const doc_block *bl = doc_at(full, i);
		if (bl->kind == DOC_HEADING && bl->level == 1) {
			assert_true(k < sizeof want / sizeof *want);
			assert_string_equal(bl->id, want[k]);
			k++;
		}
		if (bl->kind == DOC_HEADING && bl->id && !strcmp(bl->id, "effets"))
			effects_note = doc_at(full, i + 1)->kind == DOC_NOTE;
	}
	assert_int_equal(k, sizeof want / sizeof *want);
	assert_true(effects_note);
	doc_destroy(ref);
	tmpl_destroy(tc);
	doc_destroy(full);
	tmpl_destroy(t);
	tt_destroy(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_report_builds),
		cmocka_unit_test(test_full_report_outline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
