/* Unit tests for typeset_text.c and typeset_hyph.c: French spacing (exact
 * bytes), markup conversion, inclusive writing never broken, and French
 * hyphenation with libhyphen. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "typeset_int.h"
#include "test_sink.h"

#define NN "\xE2\x80\xAF"
#define NB "\xC2\xA0"
#define SH "\xC2\xAD"

static void check_fr(const char *in, const char *want)
{
	char *got = ts_french_spacing(in);
	assert_string_equal(got, want);
	free(got);
}

#define RSQ "\xE2\x80\x99" /* U+2019 */

static void test_french_spacing(void **state)
{
	(void)state;
	check_fr("Quoi ? Non ! Oui ; peut-être.", "Quoi" NN "? Non" NN "! Oui" NN "; peut-être.");
	check_fr("Quoi? Non!", "Quoi" NN "? Non" NN "!");
	check_fr("Vraiment ?!", "Vraiment" NN "?!");
	check_fr("suivants : a", "suivants" NB ": a");
	check_fr("suivants: a", "suivants" NB ": a");
	check_fr("73 % et 27%", "73" NB "% et 27" NB "%");
	check_fr("« 100 % Inclusion »", "«" NN "100" NB "% Inclusion" NN "»");
	check_fr("«oui»", "«" NN "oui" NN "»");
	/* Typewriter apostrophes after a letter become U+2019; others stay. */
	check_fr("La démarche d'évaluation, J'ai appris", "La démarche d" RSQ "évaluation, J" RSQ
							 "ai appris");
	check_fr("'cité' et l'<b>été</b>", "'cité" RSQ " et l" RSQ "<b>été</b>");
	/* Already right: unchanged; a wrong no-break space is replaced. */
	check_fr("73" NB "% ; x" NN "!", "73" NB "%" NN "; x" NN "!");
	check_fr("a" NB "!", "a" NN "!");
	/* Left alone: URLs, times, entities, tags. */
	check_fr("voir https://kpa-cite.fr/?a=1 ou www.x.fr:80", "voir https://kpa-cite.fr/?a=1 ou www.x.fr:80");
	check_fr("à 10:30 précises", "à 10:30 précises");
	check_fr("R&amp;D; ok", "R&amp;D" NN "; ok");
	check_fr("<b>Attention</b>: ici", "<b>Attention</b>" NB ": ici");
	check_fr("écrire à contact@kpa.fr: merci", "écrire à contact@kpa.fr: merci");
	check_fr("", "");
}

static void check_markup(const char *in, const char *want)
{
	char *got = ts_pango_markup(in);
	assert_string_equal(got, want);
	free(got);
	/* Whatever came in, Pango must accept what goes out. */
	got = ts_pango_markup(in);
	assert_true(pango_parse_markup(got, -1, 0, NULL, NULL, NULL, NULL));
	free(got);
}

static void test_markup(void **state)
{
	(void)state;
	check_markup("<b>gras</b> et <i>italique</i>", "<b>gras</b> et <i>italique</i>");
	check_markup("R&D &amp; co &#233; &lt;", "R&amp;D &amp; co &#233; &lt;");
	check_markup("a < b > c", "a &lt; b &gt; c");
	check_markup("<b>ouvert", "<b>ouvert</b>");
	check_markup("x</i>y", "xy");
	check_markup("<span foo='1'>z</span>", "z");
	char *p = doc_plain_text("<b>R&amp;D</b> &lt;5 &#233;t&#xE9;");
	assert_string_equal(p, "R&D <5 été");
	free(p);
}

/* coopérant·es must never break at the dot: no line-break opportunity
 * inside, for the three dots writers use. */
static void test_middle_dot_unbreakable(void **state)
{
	(void)state;
	const char *words[] = {"coopérant·es", "coopérant⋅es", "coopérant∙es",
			       "contributeur·rices"};
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		int n = g_utf8_strlen(words[w], -1);
		PangoLogAttr attrs[64];
		pango_get_log_attrs(words[w], (int)strlen(words[w]), -1,
				    pango_language_from_string("fr-FR"), attrs, n + 1);
		for (int i = 1; i < n; i++)
			assert_false(attrs[i].is_line_break);
	}
}

static ts_hyph *dict;

static int load_dict(void **state)
{
	(void)state;
	diag_sink *d = diag_sink_create(NULL, 0);
	dict = ts_hyph_load(d, NULL);
	diag_sink_destroy(d);
	return dict ? 0 : -1;
}

static int free_dict(void **state)
{
	(void)state;
	ts_hyph_free(dict);
	return 0;
}

static void check_hy(const char *in, const char *want)
{
	char *got = ts_hyphenate(dict, in);
	assert_string_equal(got, want);
	free(got);
}

static void test_hyphenation(void **state)
{
	(void)state;
	check_hy("développement", "dé" SH "ve" SH "lop" SH "pe" SH "ment");
	check_hy("réglementation", "ré" SH "gle" SH "men" SH "ta" SH "tion");
	check_hy("ÉLÉMENTAIRE", "ÉLÉ" SH "MEN" SH "TAIRE");
	check_hy("l’exercice", "l’exer" SH "cice");
	/* Short words (fewer than 6 letters) and right margin of 3. */
	check_hy("la table est grande", "la table est grande");
	/* Tags and entities untouched; words around them still done. */
	check_hy("<b>développement</b> &amp;", "<b>dé" SH "ve" SH "lop" SH "pe" SH "ment</b> &amp;");
	/* Numbers, addresses, URLs: never. */
	check_hy("2022-2023 contact@developpement.fr www.developpement.fr "
		 "https://kpa.fr/developpement 12developpement",
		 "2022-2023 contact@developpement.fr www.developpement.fr "
		 "https://kpa.fr/developpement 12developpement");
	/* Inclusive writing: hyphenated inside the word, never at the dot. */
	char *c = ts_hyphenate(dict, "coopérant·es");
	assert_non_null(strstr(c, "t·es"));
	free(c);
}

static void test_missing_dictionary(void **state)
{
	(void)state;
	sink out;
	sink_open(&out);
	diag_sink *d = out.d;
	ts_hyph *h = ts_hyph_load(d, "/nonexistent/hyph_fr.dic");
	assert_null(h);
	assert_int_equal(diag_count(d, DIAG_WARNING), 1);
	assert_false(diag_failed(d));
	char *s = ts_hyphenate(NULL, "développement");
	assert_string_equal(s, "développement");
	free(s);
	assert_non_null(strstr(sink_text(&out), "hyphenation dictionary"));
	sink_close(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_french_spacing),
		cmocka_unit_test(test_markup),
		cmocka_unit_test(test_middle_dot_unbreakable),
		cmocka_unit_test_setup_teardown(test_hyphenation, load_dict, free_dict),
		cmocka_unit_test(test_missing_dictionary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
