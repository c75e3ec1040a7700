/* Unit tests for identity sheets: the loader's messages (model_fiche.c) and
 * a KPA's own figures, decided with the network's (stats_kpa). */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "model_fiche.h"
#include "stats.h"
#include "test_sink.h"

static model *mini(sink *s)
{
	const char *src = getenv("RECIT_SOURCE_DIR");
	char *dir = NULL;
	assert_true(asprintf(&dir, "%s/tests/fixtures/mini", src ? src : ".") > 0);
	model *m = model_load(s->d, dir);
	free(dir);
	assert_non_null(m);
	return m;
}

/* Write xml to a temporary file named after the KPA and load it. */
static kpa_fiche *load_text(sink *s, const model *m, const char *kpa, const char *xml)
{
	char dir[] = "/tmp/recit-fiche-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = NULL;
	assert_true(asprintf(&path, "%s/%s.xml", dir, kpa) > 0);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(xml, f);
	fclose(f);
	int k = model_find_kpa(m, kpa);
	assert_true(k >= 0);
	kpa_fiche *r = fiche_load(s->d, m, (size_t)k, path);
	fflush(s->mem);
	unlink(path);
	rmdir(dir);
	free(path);
	return r;
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define MINIMAL                                                                           \
	"<accueil>Tiers-lieu</accueil><porteuse>Association</porteuse>"                 \
	"<porteur-juridique>Optéos</porteur-juridique><public type=\"tous\"/>"          \
	"<contrat type=\"cape\"/><activite>Couture</activite>"                          \
	"<presentation>Un KPA.</presentation>"

static void test_valid_sheet(void **state)
{
	(void)state;
	sink s;
	sink_open(&s);
	model *m = mini(&s);
	kpa_fiche *f = load_text(&s, m, "la-ruche",
				 HEAD "<fiche kpa=\"la-ruche\">" MINIMAL
				      "<activite>Traiteur</activite><duree-max mois=\"12\"/>"
				      "<contact telephone=\"03 53 48 10 00\">Accueil</contact></fiche>");
	assert_non_null(f);
	assert_string_equal(fiche_get(f, "activites"), "Couture · Traiteur");
	assert_string_equal(fiche_get(f, "duree-max"), "1 an");
	assert_string_equal(fiche_get(f, "public"), "Ouvert à toutes et à tous");
	assert_string_equal(fiche_get(f, "contact"), "Accueil · 03\xc2\xa0" "53\xc2\xa0" "48\xc2\xa0" "10\xc2\xa0" "00");
	assert_null(fiche_get(f, "partenaires")); /* optional, left out */
	assert_null(fiche_get(f, "nope"));
	assert_int_equal(diag_count(s.d, DIAG_ERROR), 0);
	fiche_destroy(f);
	model_destroy(m);
	sink_close(&s);
}

static void expect_error(const char *kpa, const char *xml, const char *want)
{
	sink s;
	sink_open(&s);
	model *m = mini(&s);
	kpa_fiche *f = load_text(&s, m, kpa, xml);
	assert_null(f);
	if (!strstr(s.text, want)) {
		print_error("expected \"%s\" in:\n%s\n", want, s.text);
		fail();
	}
	model_destroy(m);
	sink_close(&s);
}

static void test_errors(void **state)
{
	(void)state;
	expect_error("la-ruche",
		     HEAD "<fiche kpa=\"la-ruche\">" MINIMAL "<partenaires>x</partenaires></fiche>",
		     ":2: error: unknown element <partenaires> (did you mean \"partenaire\"?)");
	expect_error("la-ruche",
		     HEAD "<fiche kpa=\"la-ruche\">" MINIMAL "<contrat type=\"cessa\"/></fiche>",
		     "\"type\": expected one of cape, cesa, benevolat, found \"cessa\" (did you mean \"cesa\"?)");
	expect_error("la-ruche",
		     HEAD "<fiche kpa=\"la-ruche\">" MINIMAL "<duree-max mois=\"48\"/></fiche>",
		     "\"mois\": expected a maximum path duration in months, from 1 to 36");
	expect_error("la-ruche", HEAD "<fiche kpa=\"le-quai\">" MINIMAL "</fiche>",
		     "\"kpa\": expected \"la-ruche\"");
	expect_error("la-ruche",
		     HEAD "<fiche kpa=\"la-ruche\"><accueil>Tiers-lieu</accueil></fiche>",
		     "missing <presentation>");
	expect_error("la-ruche",
		     HEAD "<fiche kpa=\"la-ruche\">" MINIMAL "<contact courriel=\"pas-une-adresse\"/></fiche>",
		     "\"courriel\": expected an e-mail address");
	expect_error("la-ruche",
		     HEAD "<fiche kpa=\"la-ruche\">" MINIMAL "<accueil titre=\"x\">Bis</accueil></fiche>",
		     "unknown attribute \"titre\" of <accueil> (it takes no attributes)");
	expect_error("la-ruche", HEAD "<!DOCTYPE fiche [<!ENTITY a \"b\">]><fiche/>", "DOCTYPE");
	/* Too long: the KPA's name and the field, at the element's line. */
	char *xml = NULL, *longtext = calloc(1000, 1);
	memset(longtext, 'a', 950);
	assert_true(asprintf(&xml, HEAD "<fiche kpa=\"la-ruche\">\n<presentation>%s</presentation>"
				       "<accueil>T</accueil><porteuse>A</porteuse>"
				       "<porteur-juridique>O</porteur-juridique><public type=\"tous\"/>"
				       "<contrat type=\"cape\"/><activite>C</activite></fiche>",
			     longtext) > 0);
	expect_error("la-ruche", xml,
		     ":3: error: \"presentation\": 950 characters, at most 900 fit on the one-page "
		     "sheet of La Ruche: shorten it");
	free(xml);
	free(longtext);
}

static void test_kpa_stats_privacy(void **state)
{
	(void)state;
	sink s;
	sink_open(&s);
	model *m = mini(&s);
	int ruche = model_find_kpa(m, "la-ruche"), quai = model_find_kpa(m, "le-quai");
	stats *all = stats_compute(m, NULL);
	const stats *r = stats_kpa(all, (size_t)ruche);
	const stats *q = stats_kpa(all, (size_t)quai);
	/* Only the KPA's own rows: 3 at La Ruche, 2 at Le Quai. */
	assert_int_equal(stats_lookup(r, "coop.total")->value, 3);
	assert_int_equal(stats_lookup(q, "coop.total")->value, 2);
	assert_int_equal(stats_threshold(r), 3);
	/* Le Quai: 2 people, under k = 3: the total itself is withheld, and
	 * so is its whole composition (group rule), zeros included. */
	assert_int_not_equal(stats_lookup(q, "coop.total")->suppression, STAT_PUBLISHED);
	for (size_t i = 0; i < stats_count(q); i++) {
		const stat_figure *f = stats_at(q, i);
		if (f->base_id && !strcmp(f->base_id, "coop.total"))
			assert_int_not_equal(f->suppression, STAT_PUBLISHED);
	}
	/* The network's count of Le Quai is the same cell: withheld too. */
	assert_int_not_equal(stats_lookup(all, "kpa.le-quai")->suppression, STAT_PUBLISHED);
	/* La Ruche: 3 women of 3 is published; the one who left and the two
	 * present are small cells (primary), and every count from 1 to 2 of
	 * every group is withheld. */
	assert_int_equal(stats_lookup(r, "sexe.F")->value, 3);
	assert_int_equal(stats_lookup(r, "sexe.F")->suppression, STAT_PUBLISHED);
	for (size_t i = 0; i < stats_count(r); i++) {
		const stat_figure *f = stats_at(r, i);
		if (f->unit == STAT_COUNT && f->value > 0 && f->value < 3 &&
		    strncmp(f->id, "reseau.", 7))
			assert_int_not_equal(f->suppression, STAT_PUBLISHED);
	}
	/* Revenue per year: La Ruche declared 2022 and 2023 separately, Le Quai
	 * one row over the whole period (never split). */
	assert_int_equal(stats_lookup(r, "ca-annee.2022")->value, 1250050);
	assert_int_equal(stats_lookup(r, "ca-annee.2023")->value, 1400000);
	assert_null(stats_lookup(r, "ca-annee.periode"));
	assert_null(stats_lookup(q, "ca-annee.2022"));
	assert_int_equal(stats_lookup(q, "ca-annee.periode")->value, 999900);
	assert_int_equal(stats_lookup(q, "ca.total")->value, 999900);
	/* The network's figures are unchanged by the per-KPA views. */
	assert_int_equal(stats_lookup(all, "coop.total")->value, 5);
	assert_null(stats_lookup(all, "ca-annee.2022"));
	/* Nothing the publication prints pins a withheld count. */
	assert_int_equal(stats_audit(all, NULL), 0);
	stats_destroy(all);
	model_destroy(m);
	sink_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_sheet),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_kpa_stats_privacy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
