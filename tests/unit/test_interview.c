/* Unit tests for interview.c: the loader's messages for each kind of mistake
 * (exact text), text folding, and the private first-name guard (whole words,
 * case and accents ignored, the name never printed). */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_sink.h"

#include "interview_int.h"
#include "interview_quotes.h"
#include "outfile.h"
#include "util.h"


static char dir[64];
static const char *LIST = "";

/* Expected messages name the scratch folder (%1$s) and the list (%2$s). */
static char *fill(const char *t)
{
	strbuf b = {0};
	for (const char *p = t; *p; p++) {
		if (!strncmp(p, "%1$s", 4)) {
			strbuf_puts(&b, dir);
			p += 3;
		} else if (!strncmp(p, "%2$s", 4)) {
			strbuf_puts(&b, LIST);
			p += 3;
		} else
			strbuf_putc(&b, *p);
	}
	return strbuf_detach(&b);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/recit-iv-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	(void)rc;
	free(cmd);
	return 0;
}

static void put(const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	assert_int_equal(write_file_atomic(p, text, strlen(text)), 0);
	free(p);
}

static const char GRID[] =
	"<grille version=\"1\">\n"
	"  <codes>\n"
	"    <code id=\"social\" libelle=\"Social\">\n"
	"      <code id=\"isolement\" libelle=\"Sortir de l'isolement\"/>\n"
	"      <code id=\"liens\" libelle=\"Liens durables\"/>\n"
	"    </code>\n"
	"    <code id=\"confiance\" libelle=\"Confiance en soi\"/>\n"
	"  </codes>\n"
	"  <cartes>\n"
	"    <carte id=\"appris\" libelle=\"J'ai appris…\"/>\n"
	"    <carte id=\"joker\" libelle=\"JOKER\" exemplaires=\"3\"/>\n"
	"  </cartes>\n"
	"</grille>\n";

/* Two KPAs for the KPA checks. */
static model *two_kpas(void)
{
	model *m = xcalloc(1, sizeof *m);
	m->kpas = xcalloc(2, sizeof *m->kpas);
	m->n_kpas = 2;
	m->kpas[0] = (model_kpa){.id = xstrdup("coop-manau"), .name = xstrdup("Coop Manau")};
	m->kpas[1] = (model_kpa){.id = xstrdup("la-cape"), .name = xstrdup("La Cape")};
	return m;
}

static void free_kpas(model *m)
{
	for (size_t i = 0; i < m->n_kpas; i++) {
		free(m->kpas[i].id);
		free(m->kpas[i].name);
	}
	free(m->kpas);
	free(m);
}

static void test_valid_file(void **state)
{
	(void)state;
	put("grille.xml", GRID);
	put("entretiens.xml",
	    "<entretiens version=\"1\">\n"
	    "  <entretien id=\"E1\" kpa=\"coop-manau\" pseudonyme=\"Nora\" genre=\"F\" age=\"47\"\n"
	    "             anciennete-mois=\"14\" date=\"12/06/2023\" duree-min=\"50\">\n"
	    "    <deroulement lieu=\"Local\" enqueteur=\"coopérante\" modalites=\"notes\"/>\n"
	    "    <ressenti>À l'aise.</ressenti>\n"
	    "    <cartes>appris joker joker</cartes>\n"
	    "    <extrait id=\"E1-1\" codes=\"isolement confiance\" carte=\"appris\" consentement=\"oui\">\n"
	    "      Avant je restais\n      chez moi.\n"
	    "    </extrait>\n"
	    "  </entretien>\n"
	    "</entretiens>\n");
	sink s;
	sink_open(&s);
	model *m = two_kpas();
	interviews *iv = interviews_load(s.d, dir, m);
	assert_string_equal(sink_text(&s), "");
	assert_int_equal(interviews_code_count(iv), 4);
	assert_int_equal(interviews_code_at(iv, 1)->parent, 0);
	assert_int_equal(interviews_code_at(iv, 1)->depth, 1);
	const iv_interview *it = interviews_at(iv, 0);
	assert_string_equal(it->kpa_name, "Coop Manau");
	assert_int_equal(it->age_band, AGE_40_54);
	assert_int_equal(it->interviewer, IV_BY_COOPERANT);
	assert_int_equal(it->n_cards, 3);
	assert_int_equal(iv->excerpts[0].n_codes, 2);
	/* Line breaks inside an excerpt are spaces. */
	assert_string_equal(iv->texts[0], "Avant je restais chez moi.");
	assert_int_equal(iv->excerpts[0].n_chars, 26);
	assert_true(interviews_code_within(iv, 1, 0));
	assert_false(interviews_code_within(iv, 0, 1));
	interviews_destroy(iv);
	free_kpas(m);
	sink_close(&s);
}

static void test_error_messages(void **state)
{
	(void)state;
	put("grille.xml", GRID);
	put("entretiens.xml",
	    "<entretiens version=\"1\">\n"
	    "  <entretien id=\"E1\" kpa=\"coop-manaux\" genre=\"F\" age=\"47\" anciennete-mois=\"14\" date=\"2023-06-12\">\n"
	    "    <deroulement enqueteur=\"accompagnant\"/>\n"
	    "    <cartes>apris joker joker joker joker</cartes>\n"
	    "    <extrait id=\"E1-1\" codes=\"isolment confiance\" consentement=\"oui\">Un.</extrait>\n"
	    "    <extrait id=\"E1-2\" codes=\"\" consentement=\"peut-être\">Deux.</extrait>\n"
	    "  </entretien>\n"
	    "  <entretien id=\"E1\" kpa=\"la-cape\" genre=\"X\" age=\"12\" anciennete-mois=\"3\" date=\"31/02/2023\" couleur=\"bleu\">\n"
	    "    <deroulement enqueteur=\"chef\"/>\n"
	    "    <extrait id=\"E1-1\" codes=\"confiance zzz\" carte=\"appris\" consentement=\"non\">Trois.</extrait>\n"
	    "  </entretien>\n"
	    "</entretiens>\n");
	sink s;
	sink_open(&s);
	model *m = two_kpas();
	interviews *iv = interviews_load(s.d, dir, m);
	char *want = fill(
		"recit: %1$s/entretiens.xml:2: error: \"kpa\": expected the id of a KPA listed in kpa.csv, found \"coop-manaux\" (no such KPA) (did you mean \"coop-manau\"?)\n"
		"recit: %1$s/entretiens.xml:4: error: \"cartes\": expected card ids from grille.xml, found \"apris\" (no such card) (did you mean \"appris\"?)\n"
		"recit: %1$s/entretiens.xml:4: error: \"cartes\": expected each card at most 3 times, found \"joker\" 4 times\n"
		"recit: %1$s/entretiens.xml:5: error: \"codes\": expected a code id from grille.xml, found \"isolment\" (no such code) (did you mean \"isolement\"?)\n"
		"recit: %1$s/entretiens.xml:6: error: \"codes\": expected at least one code id from grille.xml, found nothing (excerpt E1-2)\n"
		"recit: %1$s/entretiens.xml:6: error: \"consentement\": expected oui or non (may this excerpt be quoted?), found \"peut-être\"\n"
		"recit: %1$s/entretiens.xml:8: warning: \"couleur\": unknown attribute of <entretien>, ignored (known: id, kpa, pseudonyme, genre, age, anciennete-mois, date, duree-min)\n"
		"recit: %1$s/entretiens.xml:8: error: \"id\": duplicate interview id \"E1\" (first on line 2)\n"
		"recit: %1$s/entretiens.xml:8: error: \"genre\": expected F or H (or Femme, Homme), found \"X\"\n"
		"recit: %1$s/entretiens.xml:8: error: \"age\": expected an age from 16 to 99 years, found \"12\"\n"
		"recit: %1$s/entretiens.xml:8: error: \"date\": expected a date such as 31/12/2023 or 2023-12-31, found \"31/02/2023\"\n"
		"recit: %1$s/entretiens.xml:9: error: \"enqueteur\": expected accompagnant, cooperant or binome, found \"chef\"\n"
		"recit: %1$s/entretiens.xml:10: error: \"id\": duplicate excerpt id \"E1-1\" (first on line 5)\n"
		"recit: %1$s/entretiens.xml:10: error: \"codes\": expected a code id from grille.xml, found \"zzz\" (no such code)\n");
	assert_string_equal(sink_text(&s), want);
	free(want);
	interviews_destroy(iv);
	free_kpas(m);
	sink_close(&s);
}

static void test_grid_errors(void **state)
{
	(void)state;
	put("grille.xml", "<grille version=\"1\">\n"
			  "  <codes>\n"
			  "    <code id=\"a\" libelle=\"A\"/>\n"
			  "    <code id=\"a\" libelle=\"A bis\"/>\n"
			  "    <code id=\"b c\"/>\n"
			  "  </codes>\n"
			  "</grille>\n");
	put("entretiens.xml", "<entretiens version=\"1\"/>\n");
	sink s;
	sink_open(&s);
	interviews *iv = interviews_load(s.d, dir, NULL);
	char *want = fill(
		"recit: %1$s/grille.xml:4: error: \"id\": duplicate code id \"a\" (first on line 3)\n"
		"recit: %1$s/grille.xml:5: error: \"id\": expected an id made of letters, digits, '-', '_' or '.', found \"b c\"\n"
		"recit: %1$s/grille.xml:5: error: \"libelle\": expected a French label on <code>, found nothing\n");
	assert_string_equal(sink_text(&s), want);
	free(want);
	interviews_destroy(iv);
	sink_close(&s);
}

static void test_fold(void **state)
{
	(void)state;
	char *f = iv_fold("Éléonore, ŒUVRE à Noël ; Ç’est çà");
	assert_string_equal(f, "eleonore, oeuvre a noel ; c’est ca");
	free(f);
}

static void test_private_names(void **state)
{
	(void)state;
	put("grille.xml", GRID);
	put("entretiens.xml",
	    "<entretiens version=\"1\">\n"
	    "  <entretien id=\"E7\" kpa=\"x\" pseudonyme=\"Nora\" genre=\"F\" age=\"40-54\" anciennete-mois=\"1\" date=\"2023-01-01\">\n"
	    "    <ressenti>Bien passé.</ressenti>\n"
	    "    <extrait id=\"E7-1\" codes=\"confiance\" consentement=\"oui\">Avec ÉLODIE on a monté le stand.</extrait>\n"
	    "    <extrait id=\"E7-2\" codes=\"confiance\" consentement=\"oui\">Les mélodies du quartier, Elodies et Zélodie ne comptent pas.</extrait>\n"
	    "    <extrait id=\"E7-3\" codes=\"confiance\" consentement=\"oui\">J’ai parlé à jean-marc, enfin.</extrait>\n"
	    "  </entretien>\n"
	    "</entretiens>\n");
	char *list = xasprintf("%s/prenoms.txt", dir);
	LIST = list;
	put("prenoms.txt", "# vrais prénoms, à ne jamais publier\nElodie\n\nJean-Marc\nnora\n");
	sink s;
	sink_open(&s);
	interviews *iv = interviews_load(s.d, dir, NULL);
	assert_string_equal(sink_text(&s), "");
	assert_int_equal(interviews_check_private_names(s.d, iv, list), 2);
	char *want = fill(
		"recit: %1$s/entretiens.xml:4: error: \"extrait\": excerpt E7-1 of interview E7 contains a first name from the private list (entry on line 2 of %2$s): replace it with a pseudonym or [prénom]\n"
		"recit: %1$s/entretiens.xml:6: error: \"extrait\": excerpt E7-3 of interview E7 contains a first name from the private list (entry on line 4 of %2$s): replace it with a pseudonym or [prénom]\n"
		"recit: %1$s/entretiens.xml:2: warning: \"pseudonyme\": the pseudonym of interview E7 is a first name from the private list (entry on line 5 of %2$s): choose another\n");
	assert_string_equal(sink_text(&s), want);
	/* The names themselves are never printed. */
	assert_null(strstr(sink_text(&s), "lodie"));
	assert_null(strstr(sink_text(&s), "Jean"));
	free(want);
	assert_true(iv->excerpts[0].name_refused);
	assert_false(iv->excerpts[1].name_refused);
	assert_true(iv->excerpts[2].name_refused);
	/* A refused excerpt is never selected, even though consented. */
	quote_options o = {.max_quotes = 10};
	iv_quote q[10];
	size_t n = quotes_select(iv, (size_t)interviews_find_code(iv, "confiance"), &o, q, 10);
	assert_int_equal(n, 1);
	assert_string_equal(q[0].excerpt_id, "E7-2");
	interviews_destroy(iv);
	sink_close(&s);
	/* An unreadable list is an error; no list checks nothing. */
	sink_open(&s);
	iv = interviews_load(s.d, dir, NULL);
	char *missing = xasprintf("%s/absent.txt", dir);
	assert_int_equal(interviews_check_private_names(s.d, iv, missing), -1);
	assert_non_null(strstr(sink_text(&s), "error: cannot read the private list of first names"));
	assert_int_equal(interviews_check_private_names(s.d, iv, NULL), 0);
	free(missing);
	interviews_destroy(iv);
	sink_close(&s);
	free(list);
}

static void test_private_names_env(void **state)
{
	(void)state;
	unsetenv("RECIT_PRENOMS_PRIVES");
	assert_null(interviews_private_names_path(NULL));
	setenv("RECIT_PRENOMS_PRIVES", "/secret/prenoms.txt", 1);
	assert_string_equal(interviews_private_names_path(NULL), "/secret/prenoms.txt");
	assert_string_equal(interviews_private_names_path("autre.txt"), "autre.txt");
	unsetenv("RECIT_PRENOMS_PRIVES");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_valid_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_messages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_grid_errors, setup, teardown),
		cmocka_unit_test(test_fold),
		cmocka_unit_test_setup_teardown(test_private_names, setup, teardown),
		cmocka_unit_test(test_private_names_env),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
