/* Unit tests for effects.c: roll-up counts (an interview counts once per code,
 * a parent once however many children match), segment filters (bands, exact
 * ages, undetermined), over-representation ratio and points, card picks. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "effects.h"
#include "test_interviews_fixture.h"
#include "util.h"

static iv_fixture *FX;
#define IV (FX->iv)
#define D (FX->out.d)

/* a (a1, a2), b. I1 cites a1 and a2 in one excerpt and a1 again; I2 cites b
 * and a2; I3 cites b; I4 (band only, 25-39) cites a1. */
static int setup(void **state)
{
	(void)state;
	FX = iv_fixture_open("<grille version=\"1\"><codes>"
			  "<code id=\"a\" libelle=\"A\"><code id=\"a1\" libelle=\"A1\"/><code id=\"a2\" libelle=\"A2\"/></code>"
			  "<code id=\"b\" libelle=\"B\"/></codes>"
			  "<cartes><carte id=\"x\" libelle=\"X\"/><carte id=\"y\" libelle=\"Y\"/>"
			  "<carte id=\"joker\" libelle=\"JOKER\" exemplaires=\"3\"/></cartes></grille>\n",
	    "<entretiens version=\"1\">\n"
	    "<entretien id=\"I1\" kpa=\"k1\" genre=\"F\" age=\"45\" anciennete-mois=\"12\" date=\"2023-01-01\">"
	    "<cartes>x joker joker</cartes>"
	    "<extrait id=\"e1\" codes=\"a1 a2\" consentement=\"oui\">Un.</extrait>"
	    "<extrait id=\"e2\" codes=\"a1\" consentement=\"oui\">Deux.</extrait></entretien>\n"
	    "<entretien id=\"I2\" kpa=\"k2\" genre=\"H\" age=\"22\" anciennete-mois=\"3\" date=\"2023-01-01\">"
	    "<cartes>y x</cartes>"
	    "<extrait id=\"e3\" codes=\"b\" consentement=\"non\">Trois.</extrait>"
	    "<extrait id=\"e4\" codes=\"a2\" consentement=\"oui\">Quatre.</extrait></entretien>\n"
	    "<entretien id=\"I3\" kpa=\"k1\" genre=\"F\" age=\"55+\" anciennete-mois=\"20\" date=\"2023-01-01\">"
	    "<cartes>x</cartes>"
	    "<extrait id=\"e5\" codes=\"b\" consentement=\"oui\">Cinq.</extrait></entretien>\n"
	    "<entretien id=\"I4\" kpa=\"k2\" genre=\"F\" age=\"25-39\" anciennete-mois=\"6\" date=\"2023-01-01\">"
	    "<extrait id=\"e6\" codes=\"a1\" consentement=\"oui\">Six.</extrait></entretien>\n"
	    "</entretiens>\n");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	iv_fixture_close(FX);
	return 0;
}

static size_t code(const char *id)
{
	int c = interviews_find_code(IV, id);
	assert_true(c >= 0);
	return (size_t)c;
}

static void test_rollup(void **state)
{
	(void)state;
	effects *e = effects_compute(IV, NULL);
	assert_int_equal(effects_base(e), 4);
	/* a: I1 (twice through a1, once through a2 in the same excerpt), I2, I4. */
	assert_int_equal(effects_at(e, code("a"))->interviews, 3);
	/* e1 counts once for a although it carries a1 and a2. */
	assert_int_equal(effects_at(e, code("a"))->excerpts, 4);
	assert_int_equal(effects_at(e, code("a1"))->interviews, 2);
	assert_int_equal(effects_at(e, code("a1"))->excerpts, 3);
	assert_int_equal(effects_at(e, code("a2"))->interviews, 2);
	assert_int_equal(effects_at(e, code("b"))->interviews, 2);
	/* Non-consented excerpts count: consent governs quoting, not counting. */
	assert_int_equal(effects_at(e, code("b"))->excerpts, 2);
	assert_int_equal(effects_at(e, code("a"))->percent, 75);
	const effect_count *r[8];
	size_t n = effects_ranked(e, IV, 1, r, 8);
	assert_int_equal(n, 2);
	assert_int_equal(r[0]->code, code("a1")); /* 2 interviews, 3 excerpts */
	assert_int_equal(r[1]->code, code("a2"));
	effects_destroy(e);
}

static void test_filters(void **state)
{
	(void)state;
	iv_filter *f = iv_filter_parse(D, EFFECTS_SEGMENT_WOMEN_40, "test");
	assert_non_null(f);
	assert_int_equal(iv_filter_match(f, IV, interviews_at(IV, 0)), 1);  /* F 45 */
	assert_int_equal(iv_filter_match(f, IV, interviews_at(IV, 1)), 0);  /* H */
	assert_int_equal(iv_filter_match(f, IV, interviews_at(IV, 2)), 1);  /* F 55+: whole band */
	assert_int_equal(iv_filter_match(f, IV, interviews_at(IV, 3)), 0);  /* F 25-39: no age >= 40 */
	iv_filter_destroy(f);
	f = iv_filter_parse(D, EFFECTS_SEGMENT_UNDER_30, "test");
	assert_int_equal(iv_filter_match(f, IV, interviews_at(IV, 1)), 1);  /* 22 */
	assert_int_equal(iv_filter_match(f, IV, interviews_at(IV, 3)), -1); /* 25-39 straddles 30 */
	effects *e = effects_compute(IV, f);
	assert_int_equal(effects_base(e), 1);
	assert_int_equal(effects_undetermined(e), 1);
	effects_destroy(e);
	iv_filter_destroy(f);
	f = iv_filter_parse(D, "age=40-54|55+, kpa=k1", "test");
	assert_int_equal(iv_filter_match(f, IV, interviews_at(IV, 0)), 1);
	assert_int_equal(iv_filter_match(f, IV, interviews_at(IV, 2)), 1);
	iv_filter_destroy(f);
	f = iv_filter_parse(D, "anciennete>=12,genre!=H", "test");
	assert_int_equal(iv_filter_match(f, IV, interviews_at(IV, 0)), 1);
	assert_int_equal(iv_filter_match(f, IV, interviews_at(IV, 3)), 0);
	iv_filter_destroy(f);
	assert_string_equal(sink_text(&FX->out), "");
	assert_null(iv_filter_parse(D, "genre>F", "--segment"));
	assert_null(iv_filter_parse(D, "taille=2", "--segment"));
	assert_string_equal(sink_text(&FX->out),
			    "recit: --segment: error: \"filtre\": expected = or != for genre and kpa, found \"genre>F\" in the segment filter \"genre>F\"\n"
			    "recit: --segment: error: \"filtre\": expected a condition on genre, age, kpa or anciennete, found \"taille=2\" in the segment filter \"taille=2\"\n");
}

static void test_segment(void **state)
{
	(void)state;
	iv_filter *f = iv_filter_parse(D, EFFECTS_SEGMENT_WOMEN_40, "test");
	segment_table *t = effects_segment(IV, f);
	assert_int_equal(segment_table_count(t), 4);
	/* Segment: I1, I3 (base 2). b: 1/2 vs 2/4 -> ratio 1.00, 0 points;
	 * a: 1/2 vs 3/4 -> 0.67, -25.0; a1: 1/2 vs 2/4 -> 1.00; a2: 1/2 vs 2/4. */
	const segment_row *r = segment_table_at(t, 0);
	assert_int_equal(r->base_seg, 2);
	assert_int_equal(r->base_all, 4);
	assert_int_equal(r->ratio_x100, 100);
	assert_int_equal(r->diff_tenths, 0);
	/* Ties on ratio and points: more citing interviews first, then grid order. */
	assert_int_equal(segment_table_at(t, 0)->code, code("a1"));
	assert_int_equal(segment_table_at(t, 1)->code, code("a2"));
	assert_int_equal(segment_table_at(t, 2)->code, code("b"));
	r = segment_table_at(t, 3);
	assert_int_equal(r->code, code("a"));
	assert_int_equal(r->n_seg, 1);
	assert_int_equal(r->n_all, 3);
	assert_int_equal(r->ratio_x100, 67);
	assert_int_equal(r->diff_tenths, -250);
	assert_int_equal(r->pct_seg, 50);
	assert_int_equal(r->pct_all, 75);
	segment_table_destroy(t);
	iv_filter_destroy(f);
	/* Over-representation: men (I2 only) cite b in 1/1 vs 2/4. */
	f = iv_filter_parse(D, "genre=H", "test");
	t = effects_segment(IV, f);
	r = segment_table_at(t, 0);
	assert_int_equal(r->ratio_x100, 200);
	assert_int_equal(r->diff_tenths, 500);
	segment_table_destroy(t);
	iv_filter_destroy(f);
}

static void test_cards(void **state)
{
	(void)state;
	card_count c[3];
	effects_cards(IV, c);
	assert_int_equal(c[0].interviews, 3); /* x */
	assert_int_equal(c[0].first, 2);
	assert_int_equal(c[0].base_first, 3);
	assert_int_equal(c[1].first, 1); /* y */
	assert_int_equal(c[2].interviews, 1); /* joker twice in I1 */
	assert_int_equal(c[2].picks, 2);
	assert_int_equal(c[2].base, 4);
}

static void test_csv(void **state)
{
	(void)state;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	effects_write_csv(IV, out);
	fclose(out);
	assert_non_null(strstr(text, "\neffet.a.entretiens,effets,A,3,count,4,entretiens.total,0.750000,75\n"));
	assert_non_null(strstr(text, "\nsegment.femmes-40.a.ratio,segment.femmes-40,A,0.67,ratio,,,,\n"));
	assert_non_null(strstr(text, "\nsegment.femmes-40.a.ecart,segment.femmes-40,A,-25.0,points,,,,\n"));
	assert_non_null(strstr(text, "\nsegment.moins-30.indetermines,segment.moins-30,"));
	assert_non_null(strstr(text, "\ncarte.x.premiere,cartes-premiere,X,2,count,3,entretiens.avec-cartes,0.666667,67\n"));
	assert_non_null(strstr(text, "\nentretiens.extraits-citables,entretiens,\"Extraits citables (consentement, aucun prénom réel)\",5,count,6,"));
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rollup),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_segment),
		cmocka_unit_test(test_cards),
		cmocka_unit_test(test_csv),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
