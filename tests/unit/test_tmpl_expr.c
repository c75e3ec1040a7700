/* Unit tests for template expressions: every format, the privacy threshold,
 * settings and dates, escaping, literal braces, unknown names with their
 * suggestion, loops and conditionals. Figures are the sample year's
 * (inputs/) and the five-person network's (tests/fixtures/mini). */
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
#include "util.h"

#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"

static tt_fixture *sample, *mini;

static int setup(void **state)
{
	(void)state;
	sample = tt_create("inputs");
	mini = tt_create("tests/fixtures/mini");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tt_destroy(sample);
	tt_destroy(mini);
	return 0;
}

/* The markup of <p>src</p>, built against fixture t. */
static const char *para(tt_fixture *t, const char *src)
{
	char *body = xasprintf("<p>%s</p>", src);
	doc *d = tt_build_body(t, body);
	free(body);
	if (!d) {
		fprintf(stderr, "%s", t->diag);
		fail_msg("build failed for %s", src);
	}
	return tt_text(t, 0);
}

static void test_formats(void **state)
{
	(void)state;
	assert_string_equal(para(sample, "{coop.total}"), "267");
	assert_string_equal(para(sample, "{sexe.F|nombre}"), "195");
	assert_string_equal(para(sample, "{sexe.F|pourcent}"), "73" NBSP "%");
	assert_string_equal(para(sample, "{sexe.F|part}"), "73" NBSP "% (n = 267)");
	assert_string_equal(para(sample, "{anciennete-pe.2-5-ans|base}"), "72");
	assert_string_equal(para(sample, "{sexe.F|libelle}"), "Femmes");
	assert_string_equal(para(sample, "{ca.coop-manau|euros}"), "107" NNBSP "457" NNBSP "€");
	/* An amount's default format is euros; a group gives its base. */
	assert_string_equal(para(sample, "{ca.total}"), "345" NNBSP "918" NNBSP "€");
	assert_string_equal(para(sample, "{sortie-detail|base}"), "98");
	assert_string_equal(para(sample, "{age|libelle}"), "Tranches d'âge");
}

static void test_settings_and_dates(void **state)
{
	(void)state;
	assert_string_equal(para(sample, "{periode.debut|date}"), "1er mars 2022");
	assert_string_equal(para(sample, "{periode.fin|mois}"), "décembre 2023");
	assert_string_equal(para(sample, "{periode.fin}"), "31 décembre 2023");
	assert_string_equal(para(sample, "{periode.debut|court}"), "01/03/2022");
	assert_string_equal(para(sample, "{rapport.date|mois|initiale}"), "Janvier 2024");
	assert_string_equal(para(sample, "{periode.fin|mois|initiale}"), "Décembre 2023");
	assert_string_equal(para(sample, "{rapport.titre}"), "Récit évaluatif du réseau KPA-Cité");
	assert_string_equal(para(sample, "{rapport.organisation}"), "Réseau KPA-Cité");
	assert_string_equal(para(mini, "{rapport.sous-titre}"), "Petit réseau");
}

static void test_privacy(void **state)
{
	(void)state;
	/* mini: 5 people, threshold 3; each age band holds 1 or 2, so the
	 * group rule withholds the whole composition; the total is withheld
	 * too (docs/privacy.md), and a withheld base prints as its symbol. */
	assert_string_equal(para(mini, "{sexe.H}"), "&lt;" NNBSP "3");
	assert_string_equal(para(mini, "{age.16-24}"), "s");
	assert_string_equal(para(mini, "{age.16-24|pourcent}"), "s");
	assert_string_equal(para(mini, "{age.16-24|part}"), "s (n = s)");
	assert_string_equal(para(mini, "{age|base}"), "s");
	assert_string_equal(para(sample, "{sexe.F|part}"), "73" NBSP "% (n = 267)");
	/* Zero is published: hiding it would protect nobody. */
	assert_string_equal(para(sample, "{duree-sejour.22-mois-et-plus}"), "0");
	assert_string_equal(para(sample, "{sortie.service-civique|pourcent}"), "&lt;" NNBSP "3");
	/* Counts of KPAs are not about people. */
	assert_string_equal(para(mini, "{reseau.kpa-actifs}"), "2");
}

static void test_escaping_and_braces(void **state)
{
	(void)state;
	assert_string_equal(para(sample, "R&amp;D &lt;b&gt; \"x\""), "R&amp;D &lt;b&gt; &quot;x&quot;");
	assert_string_equal(para(sample, "{{coop.total}} = {coop.total}"), "{coop.total} = 267");
	assert_string_equal(para(sample, "a }} b"), "a } b");
	assert_string_equal(para(sample, "  un\n   deux <em>trois</em>  <fort>{sexe.F|pourcent}</fort>  "),
			    "un deux <i>trois</i> <b>73" NBSP "%</b>");
	assert_string_equal(para(sample, "{ coop.total | nombre }"), "267");
}

static void test_data_is_escaped(void **state)
{
	(void)state;
	tt_fixture *t = tt_create("tests/fixtures/mini");
	free(t->m->settings.title);
	t->m->settings.title = xstrdup("R&D <b>\"x\"</b>");
	assert_string_equal(para(t, "{rapport.titre}"), "R&amp;D &lt;b&gt;&quot;x&quot;&lt;/b&gt;");
	tt_destroy(t);
}

static void expect_error(tt_fixture *t, const char *src, const char *msg)
{
	char *body = xasprintf("\n<p>%s</p>", src);
	doc *d = tt_build_body(t, body);
	free(body);
	assert_null(d);
	char *want = xasprintf("recit: layouts/t.xml:3: error: %s\n", msg);
	if (!strstr(t->diag, want))
		fail_msg("expected\n%sgot\n%s", want, t->diag);
	free(want);
}

static void test_expression_errors(void **state)
{
	(void)state;
	expect_error(sample, "{sexe.femmes}", "unknown figure \"sexe.femmes\" (did you mean \"sexe.F\"?)");
	expect_error(sample, "{coop.totl}", "unknown figure \"coop.totl\" (did you mean \"coop.total\"?)");
	expect_error(sample, "{rapport.titr}",
		     "unknown figure \"rapport.titr\" (did you mean \"rapport.titre\"?)");
	expect_error(sample, "{sexe.F|pourcents}",
		     "unknown format \"pourcents\" (did you mean \"pourcent\"?)");
	expect_error(sample, "{coop.total|pourcent}",
		     "figure \"coop.total\" is not a share of a base: \"pourcent\" needs one");
	expect_error(sample, "{sexe.F|euros}",
		     "figure \"sexe.F\" is a count, not an amount: use {sexe.F} or {sexe.F|nombre}");
	expect_error(sample, "{periode.fin|moi}", "unknown format \"moi\" (did you mean \"mois\"?)");
	expect_error(sample, "{$k}", "unknown variable \"$k\" (no loop is open here)");
	expect_error(sample, "a { b", "unclosed \"{\": write {{ for a literal brace");
	expect_error(sample, "{}", "empty expression {}: write {{ for a literal brace");
	expect_error(sample, "{age}", "\"age\" is a group: write {age|base} or {age|libelle}");
}

static void test_loops(void **state)
{
	(void)state;
	doc *d = tt_build_body(sample, "<pour-chaque groupe=\"ca\" variable=\"k\" tri=\"decroissant\">"
				       "<p>{$k.cle} {$k.kpa.ville} {$k|euros} {$k.libelle}</p>"
				       "</pour-chaque>");
	assert_non_null(d);
	assert_int_equal(doc_count(d), 11);
	assert_string_equal(tt_text(sample, 0), "coop-manau Roubaix 107" NNBSP "457" NNBSP "€ Coop Manau");
	assert_string_equal(tt_text(sample, 1), "kpa-touraine Tours 63" NNBSP "902" NNBSP "€ KPA Touraine");

	d = tt_build_body(sample, "<pour-chaque-annee variable=\"a\"><p>{$a}</p></pour-chaque-annee>");
	assert_non_null(d);
	assert_int_equal(doc_count(d), 2);
	assert_string_equal(tt_text(sample, 0), "2022");
	assert_string_equal(tt_text(sample, 1), "2023");

	/* Nested: a figure id built from both variables. */
	d = tt_build_body(sample, "<pour-chaque groupe=\"ca\" variable=\"k\">"
				  "<pour-chaque-annee variable=\"a\">"
				  "<si existe=\"ca.{$k.cle}.{$a}\"><p>{$k.cle} {$a}</p></si>"
				  "</pour-chaque-annee></pour-chaque>");
	assert_non_null(d);
	assert_int_equal(doc_count(d), 2);
	assert_string_equal(tt_text(sample, 0), "kpa-touraine 2022");

	/* zeros="non" skips empty bands. */
	d = tt_build_body(sample, "<pour-chaque groupe=\"duree-sejour\" variable=\"b\" zeros=\"non\">"
				  "<p>{$b.cle}</p></pour-chaque>");
	assert_non_null(d);
	assert_int_equal(doc_count(d), 3);

	expect_error(sample, "</p><pour-chaque groupe=\"ages\" variable=\"x\"><p/></pour-chaque><p>",
		     "unknown group \"ages\" (did you mean \"age\"?)");
	expect_error(sample,
		     "</p><pour-chaque groupe=\"sexe\" variable=\"x\"><p>{$x.kpa.ville}</p></pour-chaque><p>",
		     "\"$x.kpa.ville\": figure \"sexe.F\" is not about a KPA (\"F\" is not a KPA id)");
	expect_error(sample,
		     "</p><pour-chaque groupe=\"ca\" variable=\"x\"><p>{$x.kpa.vile}</p></pour-chaque><p>",
		     "unknown KPA field \"vile\" (did you mean \"ville\"?)");
	expect_error(sample,
		     "</p><pour-chaque groupe=\"ca\" variable=\"x\"><p>{$y}</p></pour-chaque><p>",
		     "unknown variable \"$y\" (did you mean \"x\"?)");
}

static void test_conditionals(void **state)
{
	(void)state;
	const struct {
		const char *cond;
		const char *want;
	} cases[] = {
		{"existe=\"sexe.F\"", "oui"},
		{"existe=\"sexe.X\"", "non"},
		{"groupe=\"ca\"", "oui"},
		{"groupe=\"inconnu\"", "non"},
		{"figure=\"sortie.service-civique\"", "oui"}, /* value > 0 */
		{"figure=\"duree-sejour.22-mois-et-plus\"", "non"},
		{"figure=\"sexe.F\" superieur=\"sexe.H\"", "oui"},
		{"figure=\"sexe.F\" inferieur=\"100\"", "non"},
		{"figure=\"coop.total\" egal=\"267\"", "oui"},
		{"figure=\"coop.total\" different=\"267\"", "non"},
		{"figure=\"ca.total\" superieur=\"300000\"", "oui"}, /* euros, not cents */
		/* A withheld count is tested on its symbol, not its value: the
		 * one civic service (« < 3 ») may be 2, but never 3. */
		{"figure=\"sortie.service-civique\" superieur=\"1\"", "oui"},
		{"figure=\"sortie.service-civique\" egal=\"2\"", "oui"},
		{"figure=\"sortie.service-civique\" superieur=\"2\"", "non"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *body = xasprintf("<si %s><p>oui</p><sinon><p>non</p></sinon></si>", cases[i].cond);
		doc *d = tt_build_body(sample, body);
		if (!d)
			fail_msg("%s: %s", cases[i].cond, sample->diag);
		assert_int_equal(doc_count(d), 1);
		if (strcmp(tt_text(sample, 0), cases[i].want))
			fail_msg("%s: got %s", cases[i].cond, tt_text(sample, 0));
		free(body);
	}
	expect_error(sample, "</p><si figure=\"sexe.Fem\"><p/></si><p>",
		     "unknown figure \"sexe.Fem\" (did you mean \"sexe.F\"?)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_settings_and_dates),
		cmocka_unit_test(test_privacy),
		cmocka_unit_test(test_escaping_and_braces),
		cmocka_unit_test(test_data_is_escaped),
		cmocka_unit_test(test_expression_errors),
		cmocka_unit_test(test_loops),
		cmocka_unit_test(test_conditionals),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
