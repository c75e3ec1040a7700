/* Unit tests for interview_quotes.c: only consented excerpts are ever
 * returned (checked over every code and option), the selection is
 * deterministic and spreads over KPAs and speakers, length bounds hold, and
 * the attribution line follows its pattern. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "interview_quotes.h"
#include "test_interviews_fixture.h"
#include "util.h"

static iv_fixture *FX;
#define IV (FX->iv)
#define D (FX->out.d)

/* Code c (child c1). KPA k1: I1 (3 excerpts on c, one not consented), I2;
 * k2: I3; k3: I4 (its only excerpt on c is not consented). */
static int setup(void **state)
{
	(void)state;
	FX = iv_fixture_open("<grille version=\"1\"><codes><code id=\"c\" libelle=\"C\">"
			  "<code id=\"c1\" libelle=\"C1\"/></code><code id=\"d\" libelle=\"D\"/></codes></grille>\n",
	    "<entretiens version=\"1\">\n"
	    "<entretien id=\"I1\" kpa=\"k1\" genre=\"F\" age=\"47\" anciennete-mois=\"12\" date=\"2023-01-01\">"
	    "<extrait id=\"a\" codes=\"c\" consentement=\"oui\">Premier extrait de la première personne.</extrait>"
	    "<extrait id=\"b\" codes=\"c\" consentement=\"non\">Refusé : ne jamais citer ceci.</extrait>"
	    "<extrait id=\"c\" codes=\"c d\" consentement=\"oui\">Deuxième extrait, deux codes.</extrait></entretien>\n"
	    "<entretien id=\"I2\" kpa=\"k1\" genre=\"H\" age=\"22\" anciennete-mois=\"3\" date=\"2023-01-01\">"
	    "<extrait id=\"e\" codes=\"c\" consentement=\"oui\">Même KPA, autre personne.</extrait></entretien>\n"
	    "<entretien id=\"I3\" kpa=\"k2\" genre=\"F\" age=\"55+\" anciennete-mois=\"20\" date=\"2023-01-01\">"
	    "<extrait id=\"f\" codes=\"c1\" consentement=\"oui\">Sous-code seulement, autre KPA.</extrait>"
	    "<extrait id=\"g\" codes=\"c\" consentement=\"oui\">Court.</extrait></entretien>\n"
	    "<entretien id=\"I4\" kpa=\"k3\" genre=\"H\" age=\"30\" anciennete-mois=\"6\" date=\"2023-01-01\">"
	    "<extrait id=\"h\" codes=\"c\" consentement=\"non\">Personne qui a refusé.</extrait></entretien>\n"
	    "</entretiens>\n");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	iv_fixture_close(FX);
	return 0;
}

static void test_consent_guard(void **state)
{
	(void)state;
	/* Every code, every option combination: nothing without consent. */
	iv_quote q[16];
	for (size_t c = 0; c < interviews_code_count(IV); c++)
		for (int desc = 0; desc < 2; desc++)
			for (size_t maxq = 0; maxq <= 16; maxq++) {
				quote_options o = {.max_quotes = maxq, .include_descendants = desc};
				size_t n = quotes_select(IV, c, &o, q, 16);
				for (size_t i = 0; i < n; i++) {
					assert_true(interviews_excerpt_at(IV, q[i].excerpt)->consent);
					assert_null(strstr(q[i].text, "efus"));
				}
			}
}

static void test_diversity_and_order(void **state)
{
	(void)state;
	quote_options o = {.max_quotes = 10, .include_descendants = true};
	iv_quote q[10];
	size_t n = quotes_select(IV, 0, &o, q, 10);
	/* Round 1 (new KPA and new speaker): a (k1, I1), g (k2, I3: direct
	 * before f, which is below c). Round 2 (new speaker): e (I2).
	 * Round 3: c (I1 again, two codes), f (descendant). */
	assert_int_equal(n, 5);
	const char *want[] = {"a", "g", "e", "c", "f"};
	for (size_t i = 0; i < n; i++)
		assert_string_equal(q[i].excerpt_id, want[i]);
	assert_string_equal(q[0].interview_id, "I1");
	/* Same output twice. */
	iv_quote r[10];
	assert_int_equal(quotes_select(IV, 0, &o, r, 10), n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(r[i].excerpt, q[i].excerpt);
	/* N = 2 takes one per KPA. */
	o.max_quotes = 2;
	assert_int_equal(quotes_select(IV, 0, &o, r, 10), 2);
	assert_string_equal(r[1].excerpt_id, "g");
	/* Without descendants, f is not a candidate. */
	o = (quote_options){.max_quotes = 10};
	assert_int_equal(quotes_select(IV, 0, &o, r, 10), 4);
	/* cap bounds the output whatever max_quotes says. */
	o.max_quotes = 10;
	assert_int_equal(quotes_select(IV, 0, &o, r, 1), 1);
}

static void test_bounds_and_exclude(void **state)
{
	(void)state;
	quote_options o = {.max_quotes = 10, .min_chars = 10, .max_chars = 28};
	iv_quote q[10];
	size_t n = quotes_select(IV, 0, &o, q, 10);
	/* "Court." (6) is too short; "Premier extrait…" (40) too long. */
	assert_int_equal(n, 1);
	assert_string_equal(q[0].excerpt_id, "e");
	bool exclude[16] = {0};
	exclude[q[0].excerpt] = true;
	o.exclude = exclude;
	assert_int_equal(quotes_select(IV, 0, &o, q, 10), 0);
}

static void test_attribution(void **state)
{
	(void)state;
	quote_options o = {.max_quotes = 1};
	iv_quote q[1];
	assert_int_equal(quotes_select(IV, 0, &o, q, 1), 1);
	char *s = quotes_attribution(D, IV, &q[0], "{role}, {age}, {kpa}");
	assert_string_equal(s, "coopérante, 40-54 ans, k1");
	free(s);
	s = quotes_attribution(D, IV, &q[0], "{{{genre}}} {anciennete}");
	assert_string_equal(s, "{femme} 12 mois");
	free(s);
	assert_null(quotes_attribution(D, IV, &q[0], "{role}, {prenom}"));
	assert_string_equal(sink_text(&FX->out), "recit: error: \"attribution\": expected a field among {role}, "
				     "{genre}, {age}, {kpa}, {anciennete}, {pseudonyme}, found "
				     "\"{prenom}\" in \"{role}, {prenom}\"\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_consent_guard),
		cmocka_unit_test(test_diversity_and_order),
		cmocka_unit_test(test_bounds_and_exclude),
		cmocka_unit_test(test_attribution),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
