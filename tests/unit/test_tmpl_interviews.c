/* The template elements fed by the coded interviews (tmpl_interviews.c):
 * exact doc dumps of <effets>, <segment>, <cartes-choisies>,
 * <cartes-a-decouper> and <formulaire> on a five-interview fixture, the
 * attribution coarsening rule, the consent guarantee, and what happens
 * without interviews or with a wrong attribute. */
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

#include "test_tmpl_util.h"
#include "tmpl.h"
#include "tmpl_interviews.h"
#include "util.h"
#include "test_sink.h"

static const char *const grille =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<grille version=\"1\"><codes>\n"
	"<code id=\"psy\" libelle=\"Psychosociales\"><description>Le rapport aux autres.</description>\n"
	"  <code id=\"lien\" libelle=\"Lien social\"><description>Sortir de chez soi.</description></code>\n"
	"  <code id=\"confiance\" libelle=\"Confiance en soi\"/>\n"
	"</code>\n"
	"<code id=\"pro\" libelle=\"Professionnelles\">\n"
	"  <code id=\"metier\" libelle=\"Métier\"/>\n"
	"</code>\n"
	"</codes><cartes>\n"
	"<carte id=\"appris\" libelle=\"J'ai appris…\"/>\n"
	"<carte id=\"joker\" libelle=\"JOKER\" exemplaires=\"2\"/>\n"
	"</cartes></grille>\n";

/* Three women of 40-54 at La Ruche, a young man and a woman of 25-39 at Le
 * Quai. E1-2 has no consent: its words must never reach the doc. */
static const char *const entretiens =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<entretiens version=\"1\">\n"
	"<entretien id=\"E1\" kpa=\"la-ruche\" genre=\"F\" age=\"45\" anciennete-mois=\"10\" date=\"2023-05-02\">\n"
	"<cartes>appris joker</cartes>\n"
	"<extrait id=\"E1-1\" codes=\"lien\" carte=\"appris\" consentement=\"oui\">Je sors de chez moi tous les matins maintenant, et je connais mes voisines.</extrait>\n"
	"<extrait id=\"E1-2\" codes=\"confiance\" consentement=\"non\">SECRET-UN : ce passage refusé ne doit jamais être imprimé nulle part.</extrait>\n"
	"</entretien>\n"
	"<entretien id=\"E2\" kpa=\"la-ruche\" genre=\"F\" age=\"50\" anciennete-mois=\"12\" date=\"2023-05-03\">\n"
	"<cartes>joker</cartes>\n"
	"<extrait id=\"E2-1\" codes=\"lien confiance\" consentement=\"oui\">Avec les autres femmes du groupe on s'entraide pour les papiers et les enfants.</extrait>\n"
	"</entretien>\n"
	"<entretien id=\"E3\" kpa=\"la-ruche\" genre=\"F\" age=\"52\" anciennete-mois=\"8\" date=\"2023-05-04\">\n"
	"<cartes>appris</cartes>\n"
	"<extrait id=\"E3-1\" codes=\"confiance\" consentement=\"oui\">Je n'osais pas parler aux clients, maintenant je fais les devis toute seule.</extrait>\n"
	"</entretien>\n"
	"<entretien id=\"E4\" kpa=\"le-quai\" genre=\"H\" age=\"20\" anciennete-mois=\"5\" date=\"2023-05-05\">\n"
	"<cartes>appris</cartes>\n"
	"<extrait id=\"E4-1\" codes=\"metier\" consentement=\"oui\">J'ai appris à réparer les vélos du quartier, les freins surtout, et à tenir la caisse.</extrait>\n"
	"</entretien>\n"
	"<entretien id=\"E5\" kpa=\"le-quai\" genre=\"F\" age=\"30\" anciennete-mois=\"20\" date=\"2023-05-06\">\n"
	"<extrait id=\"E5-1\" codes=\"lien\" consentement=\"oui\">Le mardi c'est sacré, on se retrouve toutes pour le repas partagé du local.</extrait>\n"
	"</entretien>\n"
	"</entretiens>\n";

typedef struct {
	tt_fixture *fx;
	interviews *iv;
} fixture;

static int setup(void **state)
{
	fixture *f = xcalloc(1, sizeof *f);
	f->fx = tt_create("tests/fixtures/mini");
	tt_write(f->fx, "entretiens", "grille.xml", grille);
	tt_write(f->fx, "entretiens", "entretiens.xml", entretiens);
	char *dir = xasprintf("%s/entretiens", f->fx->dir);
	diag_sink *d = diag_sink_create(stderr, 0);
	f->iv = interviews_load(d, dir, f->fx->m);
	assert_false(diag_failed(d));
	diag_sink_destroy(d);
	free(dir);
	assert_non_null(f->iv);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	interviews_destroy(f->iv);
	tt_destroy(f->fx);
	free(f);
	return 0;
}

static doc *built;
static tmpl *loaded;
static char *messages;

static void clear(void)
{
	doc_destroy(built);
	tmpl_destroy(loaded);
	free(messages);
	built = NULL;
	loaded = NULL;
	messages = NULL;
}

/* Build "<modele>body</modele>" with iv (may be NULL); the dump without
 * origins, or NULL when the build failed (messages hold why). */
static char *build(fixture *f, const char *body, const interviews *iv)
{
	clear();
	char *text = xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<modele>%s</modele>\n",
			       body);
	tt_write(f->fx, "layouts", "t.xml", text);
	free(text);
	sink out;
	sink_open(&out);
	diag_sink *d = out.d;
	char *schemas = xasprintf("%s/layouts", tt_src());
	char *cwd = getcwd(NULL, 0);
	assert_int_equal(chdir(f->fx->dir), 0);
	tmpl_paths p = {"layouts", "t.xml", "textes", schemas};
	loaded = tmpl_load(d, &p);
	if (loaded)
		built = tmpl_build_with_interviews(d, loaded, f->fx->m, f->fx->s, iv);
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
	free(schemas);
	messages = sink_close_take(&out);
	return built ? tt_dump(built, true) : NULL;
}

/* Compare line by line so a failure shows the first differing line. */
static void expect_dump(const char *got, const char *want)
{
	assert_non_null(got);
	if (!strcmp(got, want))
		return;
	const char *p = got, *q = want;
	while (*p && *p == *q)
		p++, q++;
	while (p > got && p[-1] != '\n')
		p--, q--;
	fail_msg("dump differs\ngot:  %.300s\nwant: %.300s\n--- full dump:\n%s", p, q, got);
}


static void test_effects_chapter(void **state)
{
	fixture *f = *state;
	char *got = build(f, "<section titre=\"Effets\"><effets citations=\"1\"/></section>", f->iv);
	assert_non_null(got);
	/* The meta line is the fixture's own; compare from the first block. */
	const char *body = strchr(got, '\n') + 1;
	expect_dump(
		body,
		"0 heading level=1 text=\"Effets\"\n"
		"1 lead text=\"Ce chapitre repose sur les 5 entretiens menés dans 2 KPA. Leurs 6 "
		"extraits ont été codés selon la grille d'analyse des effets ; un entretien compte "
		"une fois pour un effet dès que l'un de ses extraits l'évoque.\"\n"
		"2 note text=\"Les citations reproduisent uniquement des propos dont l'auteur·rice a "
		"accepté la diffusion. Les prénoms ont été retirés ; l'âge est donné par tranche, et "
		"le KPA ou la tranche d'âge sont omis quand ils permettraient de reconnaître la "
		"personne.\"\n"
		"3 heading level=2 text=\"Psychosociales\"\n"
		"4 paragraph text=\"<i>Le rapport aux autres.</i>\"\n"
		"5 paragraph text=\"Au moins un effet de cette catégorie est cité dans <b>s entretiens "
		"sur 5</b>.\"\n"
		"6 chart\n"
		"  chart type=barres unit=count base=5 threshold=3 sort=none max_cats=0 group_other=0 "
		"height=0.0 axis_max=0.0000 skip_missing=0 glyph=square title=\"Part des entretiens "
		"qui citent chaque effet\" note=\"Base : entretiens réalisés (n = 5). Un entretien "
		"compte une fois par effet, quel que soit le nombre d'extraits qui l'évoquent.\"\n"
		"    cat 0 parent=-1 label=\"Lien social\"\n"
		"    cat 1 parent=-1 label=\"Confiance en soi\"\n"
		"    series 0 name=null\n"
		"      cell 0 value=3.0000 text=\"s\" suppressed=1\n"
		"      cell 1 value=3.0000 text=\"s\" suppressed=1\n"
		"7 heading level=3 text=\"Lien social\"\n"
		"8 paragraph text=\"<i>Sortir de chez soi.</i> Cet effet est cité dans <b>s entretiens "
		"sur 5</b>.\"\n"
		"9 quote text=\"Je sors de chez moi tous les matins maintenant, et je connais mes "
		"voisines.\" subtitle=\"coopérante, 40-54 ans, La Ruche\"\n"
		"10 heading level=3 text=\"Confiance en soi\"\n"
		"11 paragraph text=\"Cet effet est cité dans <b>s entretiens sur 5</b>.\"\n"
		"12 quote text=\"Je n'osais pas parler aux clients, maintenant je fais les devis toute "
		"seule.\" subtitle=\"coopérante, 40-54 ans, La Ruche\"\n"
		"13 heading level=2 text=\"Professionnelles\"\n"
		"14 paragraph text=\"Au moins un effet de cette catégorie est cité dans <b>&lt;\\u202F3 "
		"entretiens sur 5</b>.\"\n"
		"15 heading level=3 text=\"Métier\"\n"
		"16 paragraph text=\"Cet effet est cité dans <b>&lt;\\u202F3 entretiens sur 5</b>.\"\n"
		"17 quote text=\"J'ai appris à réparer les vélos du quartier, les freins surtout, et à "
		"tenir la caisse.\" subtitle=\"coopérant·e\"\n");
	/* Consent: the refused passage is nowhere in the document. */
	assert_null(strstr(got, "SECRET-UN"));
	free(got);
	clear();
}

static void test_segment(void **state)
{
	fixture *f = *state;
	char *got = build(f,
			  "<segment filtre=\"genre=F,age>=40\" nom=\"femmes de 40 ans et plus\" "
			  "titre=\"Sur-représentés\" citations=\"1\" tous=\"oui\"/>",
			  f->iv);
	assert_non_null(got);
	const char *body = strchr(got, '\n') + 1;
	expect_dump(
		body,
		"0 paragraph text=\"Par rapport à l'ensemble des 5 entretiens, les <b>3 entretiens</b> "
		"menés auprès de femmes de 40 ans et plus citent plus souvent confiance en soi (100\\u00A0%)"
		".\"\n"
		"1 table text=\"Sur-représentés\" subtitle=\"Base : entretiens menés auprès de femmes de "
		"40 ans et plus (n = 3) et ensemble des entretiens (n = 5). Rapport : part dans le "
		"segment divisée par la part dans l'ensemble ; avec si peu d'entretiens, ces écarts "
		"décrivent sans prouver.\" cols=5 rows=3 total_row=0\n"
		"  col align=left width=3.000 header=\"Effet\"\n"
		"  col align=right width=1.300 header=\"Entretiens du segment (n\\u00A0=\\u00A03)\"\n"
		"  col align=right width=1.200 header=\"Part dans le segment\"\n"
		"  col align=right width=1.400 header=\"Part dans l'ensemble (n\\u00A0=\\u00A05)\"\n"
		"  col align=right width=0.900 header=\"Rapport\"\n"
		"  row 0 \"Confiance en soi\" \"3\" \"100\\u00A0%\" \"s\" \"–\"\n"
		/* Nobody in the segment; the overall share is withheld, so is the
		 * ratio (with the segment's share it would give it back). */
		"  row 1 \"Métier\" \"0\" \"0\\u00A0%\" \"&lt;\\u202F3\" \"–\"\n"
		/* Withheld rows come last, without share or ratio. 3 of 5 is
		 * withheld too: its complement (2) is under k. */
		"  row 2 \"Lien social\" \"&lt;\\u202F3\" \"–\" \"s\" \"–\"\n"
		"2 quote text=\"Je n'osais pas parler aux clients, maintenant je fais les devis toute "
		"seule.\" subtitle=\"coopérante, 40-54 ans, La Ruche\"\n");
	free(got);

	/* A segment smaller than k is not described at all. */
	got = build(f, "<segment filtre=\"genre=H\" nom=\"hommes\"/>", f->iv);
	assert_non_null(got);
	assert_non_null(strstr(got, "trop peu nombreux (&lt;\\u202F3 sur 5)"));
	assert_null(strstr(got, " table "));
	free(got);
	clear();
}

static void test_cards(void **state)
{
	fixture *f = *state;
	char *got = build(f, "<cartes-a-decouper colonnes=\"2\" lignes=\"3\" mention=\"Kit\"/>"
			     "<cartes-choisies/>",
			  f->iv);
	assert_non_null(got);
	const char *body = strchr(got, '\n') + 1;
	expect_dump(
		body,
		"0 cards subtitle=\"Kit\" grid=2x3\n"
		"  item \"J'ai appris…\"\n"
		"  item \"JOKER\"\n"
		"  item \"JOKER\"\n"
		"1 chart\n"
		"  chart type=barres unit=count base=5 threshold=3 sort=none max_cats=0 group_other=0 "
		"height=0.0 axis_max=0.0000 skip_missing=0 glyph=square title=\"Les cartes choisies "
		"pendant les entretiens\" note=\"Base : entretiens réalisés (n = 5) ; pour la première "
		"carte, entretiens où une carte au moins a été choisie (n = 4). Une carte compte une "
		"fois par entretien, même le JOKER tiré plusieurs fois.\"\n"
		"    cat 0 parent=-1 label=\"J'ai appris…\"\n"
		"    cat 1 parent=-1 label=\"JOKER\"\n"
		"    series 0 name=\"Choisie dans l'entretien (n = 5)\"\n"
		"      cell 0 value=3.0000 text=\"s\" suppressed=1\n"
		"      cell 1 value=2.0000 text=\"&lt;\\u202F3\" suppressed=1\n"
		"    series 1 name=\"Choisie en premier (n = 4)\"\n"
		"      cell 0 value=3.0000 text=\"s\" suppressed=1\n"
		"      cell 1 value=1.0000 text=\"&lt;\\u202F3\" suppressed=1\n");
	free(got);
	clear();
}

static void test_form(void **state)
{
	fixture *f = *state;
	char *got = build(f,
			  "<formulaire titre=\"Compte rendu\" note=\"À remplir.\">"
			  "<rubrique titre=\"La personne\"><champ libelle=\"Âge\"/></rubrique>"
			  "<rubrique titre=\"Notes\"><champ libelle=\"1re carte\" lignes=\"2\"/></rubrique>"
			  "</formulaire>",
			  NULL);
	assert_non_null(got);
	const char *body = strchr(got, '\n') + 1;
	expect_dump(body, "0 table text=\"Compte rendu\" cols=2 rows=1 total_row=0\n"
			  "  col align=left width=1.000 header=\"La personne\"\n"
			  "  col align=left width=2.200 header=\"\"\n"
			  "  row 0 \"Âge\" \"\"\n"
			  "1 table subtitle=\"À remplir.\" cols=2 rows=2 total_row=0\n"
			  "  col align=left width=1.000 header=\"Notes\"\n"
			  "  col align=left width=2.200 header=\"\"\n"
			  "  row 0 \"1re carte\" \"\"\n"
			  "  row 1 \"\" \"\"\n");
	free(got);
	clear();
}

/* Every profile is coarsened until k interviews share it. */
static void test_attribution_coarsening(void **state)
{
	fixture *f = *state;
	const interviews *iv = f->iv;
	struct {
		const char *excerpt;
		int k;
		tmpl_iv_attr_level level;
		const char *line;
	} cases[] = {
		/* Three women of 40-54 at La Ruche: the full line. */
		{"E1-1", 3, TMPL_IV_ATTR_FULL, "coopérante, 40-54 ans, La Ruche"},
		/* With k = 4 they are too few: KPA and age band both go (La
		 * Ruche has three women, 40-54 has three), the role stays (four
		 * women). */
		{"E1-1", 4, TMPL_IV_ATTR_ROLE, "coopérante"},
		/* The only woman of 25-39 at Le Quai. */
		{"E5-1", 3, TMPL_IV_ATTR_ROLE, "coopérante"},
		{"E5-1", 2, TMPL_IV_ATTR_ROLE, "coopérante"},
		/* The only man: not even his gender. */
		{"E4-1", 2, TMPL_IV_ATTR_NEUTRAL, "coopérant·e"},
		/* k <= 1: the rule is off. */
		{"E4-1", 1, TMPL_IV_ATTR_FULL, "coopérant, 16-24 ans, Le Quai"},
		{"E5-1", 0, TMPL_IV_ATTR_FULL, "coopérante, 25-39 ans, Le Quai"},
	};
	diag_sink *d = diag_sink_create(stderr, 0);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t e = 0;
		while (strcmp(interviews_excerpt_at(iv, e)->id, cases[i].excerpt))
			e++;
		iv_quote q = {.excerpt = e, .excerpt_id = cases[i].excerpt};
		assert_int_equal(tmpl_iv_attribution_level(iv, &q, cases[i].k), cases[i].level);
		char *line = tmpl_iv_attribution(d, iv, &q, cases[i].k);
		assert_string_equal(line, cases[i].line);
		free(line);
	}
	diag_sink_destroy(d);
}

/* E3 alone with the age band dropped: role + KPA is tried before the role
 * alone ("coopérante, La Ruche" when the KPA has k women of mixed ages). */
static void test_attribution_keeps_kpa(void **state)
{
	fixture *f = *state;
	const interviews *iv = f->iv;
	size_t e = 0;
	while (strcmp(interviews_excerpt_at(iv, e)->id, "E3-1"))
		e++;
	iv_quote q = {.excerpt = e};
	/* k = 3: role + age + KPA already holds (E1, E2, E3). */
	assert_int_equal(tmpl_iv_attribution_level(iv, &q, 3), TMPL_IV_ATTR_FULL);
	/* E5 (woman, Le Quai): role + KPA counts 1 — not enough, role only. */
	while (strcmp(interviews_excerpt_at(iv, e)->id, "E5-1"))
		e++;
	q.excerpt = e;
	assert_int_equal(tmpl_iv_attribution_level(iv, &q, 2), TMPL_IV_ATTR_ROLE);
}

static void test_without_interviews(void **state)
{
	fixture *f = *state;
	char *got = build(f, "<effets/><segment filtre=\"genre=F\"/><cartes-a-decouper/>", NULL);
	assert_non_null(got);
	const char *body = strchr(got, '\n') + 1;
	const char *note = "note text=\"Les entretiens codés n'ont pas été fournis pour cette "
			   "édition : cette partie n'a pas pu être produite.\"\n";
	char *want = xasprintf("0 %s1 %s2 %s", note, note, note);
	expect_dump(body, want);
	free(want);
	assert_non_null(strstr(messages, "layouts/t.xml:2: warning: <effets>: no interviews"));
	free(got);
	clear();
}

static void test_errors(void **state)
{
	fixture *f = *state;
	assert_null(build(f, "<effets categorie=\"psi\" citations=\"12\"/>", f->iv));
	assert_non_null(strstr(messages, "layouts/t.xml:2: error: \"citations\": expected a whole "
					 "number from 0 to 10, found \"12\""));
	assert_non_null(strstr(messages, "\"categorie\": \"psi\" is not a top-level code of "
					 "grille.xml (did you mean \"psy\"?)"));
	assert_null(build(f, "<segment filtre=\"genr=F\"/>", f->iv));
	assert_non_null(strstr(messages, "layouts/t.xml:2"));
	assert_null(build(f, "<segment filtre=\"genre=F\" tous=\"ouii\"/>", f->iv));
	assert_non_null(strstr(messages, "(did you mean \"oui\"?)"));
	assert_null(build(f, "<effet/>", f->iv));
	assert_non_null(strstr(messages, "unknown element <effet> (did you mean \"effets\"?)"));
	clear();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_effects_chapter),
		cmocka_unit_test(test_segment),
		cmocka_unit_test(test_cards),
		cmocka_unit_test(test_form),
		cmocka_unit_test(test_attribution_coarsening),
		cmocka_unit_test(test_attribution_keeps_kpa),
		cmocka_unit_test(test_without_interviews),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
