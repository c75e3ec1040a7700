/* Unit tests for template loading errors: each mistake gives file:line, the
 * name and the nearest valid one; includes stay in their folder; cycles,
 * malformed XML, DTDs and bad narrative files are refused, never crashed on. */
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

static tt_fixture *fx;

static int setup(void **state)
{
	(void)state;
	fx = tt_create("tests/fixtures/mini");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tt_destroy(fx);
	return 0;
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* Build layouts/main and expect a failure whose messages contain want. */
static void expect(const char *main, const char *want)
{
	assert_null(tt_build(fx, main));
	if (!strstr(fx->diag, want))
		fail_msg("expected\n%s\ngot\n%s", want, fx->diag);
}

static void test_unknown_names(void **state)
{
	(void)state;
	tt_write(fx, "layouts", "a.xml",
		 HEAD "<modele>\n  <barre/>\n  <barres groupe=\"age\" titr=\"x\"/>\n"
		      "  <barres groupe=\"age\" tri=\"decroisant\"/>\n  <sommaire id=\"x\"/>\n</modele>\n");
	expect("a.xml", "recit: layouts/a.xml:3: error: unknown element <barre> (did you mean \"barres\"?)\n"
			"recit: layouts/a.xml:4: error: unknown attribute \"titr\" of <barres> (did you mean "
			"\"titre\"?)\n"
			"recit: layouts/a.xml:5: error: \"tri\": expected one of decroissant, croissant, "
			"aucun, found \"decroisant\" (did you mean \"decroissant\"?)\n"
			"recit: layouts/a.xml:6: error: unknown attribute \"id\" of <sommaire> (it takes no "
			"attributes)\n");
}

static void test_unknown_figure_and_group(void **state)
{
	(void)state;
	tt_write(fx, "layouts", "b.xml",
		 HEAD "<modele>\n<tuiles>\n<tuile part=\"sexe.femmes\"/>\n</tuiles>\n"
		      "<barres groupe=\"sexes\"/>\n</modele>\n");
	expect("b.xml", "recit: layouts/b.xml:4: error: unknown figure \"sexe.femmes\" (did you mean "
			"\"sexe.F\"?)\n"
			"recit: layouts/b.xml:6: error: unknown group \"sexes\" (did you mean \"sexe\"?)\n");
}

static void test_schema(void **state)
{
	(void)state;
	/* Known names in the wrong place: the schema's message, with the line. */
	tt_write(fx, "layouts", "c.xml", HEAD "<modele>\n<p>x</p>\n<tuile valeur=\"1\"/>\n</modele>\n");
	expect("c.xml", "recit: layouts/c.xml:4: error: does not match the schema: ");
	tt_write(fx, "layouts", "c2.xml", HEAD "<modele><partie/></modele>\n");
	expect("c2.xml", "recit: layouts/c2.xml:2: error: does not match the schema: ");
}

static void test_malformed(void **state)
{
	(void)state;
	tt_write(fx, "layouts", "d.xml", HEAD "<modele>\n<p>un\n<em>deux</p>\n</modele>\n");
	expect("d.xml", "recit: layouts/d.xml:4:13: error: expected </em> to close <em> of line 4, "
			"found </p>: add the missing closing tag or correct its name\n");
	tt_write(fx, "layouts", "e.xml",
		 HEAD "<!DOCTYPE modele [<!ENTITY x \"boom\">]>\n<modele><p>&x;</p></modele>\n");
	expect("e.xml", "recit: layouts/e.xml: error: <!DOCTYPE> declarations are not allowed in templates");
	tt_write(fx, "layouts", "f.xml", HEAD "<rapport/>\n");
	expect("f.xml", "recit: layouts/f.xml:2: error: expected the root element <modele>, found <rapport>");
	expect("absent.xml", "cannot read layouts/absent.xml: No such file or directory");
}

static void test_include_outside(void **state)
{
	(void)state;
	tt_write(fx, "layouts", "g.xml",
		 HEAD "<modele>\n<inclure modele=\"../secret.xml\"/>\n<inclure modele=\"/etc/passwd\"/>\n"
		      "<texte fichier=\"../layouts/g.xml\"/>\n</modele>\n");
	expect("g.xml", "recit: layouts/g.xml:3: error: \"modele\": \"../secret.xml\" is a path with "
			"\"..\": name a file inside the layouts folder (layouts/)\n"
			"recit: layouts/g.xml:4: error: \"modele\": \"/etc/passwd\" is an absolute path: "
			"name a file inside the layouts folder (layouts/)\n"
			"recit: layouts/g.xml:5: error: \"fichier\": \"../layouts/g.xml\" is a path with "
			"\"..\": name a file inside the inputs folder (textes/)\n");
}

static void test_include_cycle(void **state)
{
	(void)state;
	tt_write(fx, "layouts", "h.xml", HEAD "<modele>\n<inclure modele=\"sous/i.xml\"/>\n</modele>\n");
	tt_write(fx, "layouts", "sous/i.xml", HEAD "<modele>\n\n<inclure modele=\"h.xml\"/>\n</modele>\n");
	expect("h.xml", "recit: layouts/sous/i.xml:4: error: \"modele\": include cycle: layouts/h.xml -> "
			"layouts/sous/i.xml -> layouts/h.xml\n");
}

static void test_include_and_narrative(void **state)
{
	(void)state;
	tt_write(fx, "layouts", "j.xml",
		 HEAD "<modele>\n<partie id=\"p\" titre=\"Partie\">\n<inclure modele=\"k.xml\"/>\n"
		      "<texte fichier=\"narratif/n.xml\"/>\n</partie>\n</modele>\n");
	tt_write(fx, "layouts", "k.xml", HEAD "<modele><p>inclus</p></modele>\n");
	tt_write(fx, "textes", "narratif/n.xml",
		 HEAD "<texte>\n<section id=\"s\" titre=\"S\">\n<p>{reseau.kpa} KPA</p>\n"
		      "<section titre=\"T\"><citation source=\"Awa\">Oui</citation></section>\n"
		      "</section>\n</texte>\n");
	doc *d = tt_build(fx, "j.xml");
	if (!d)
		fail_msg("%s", fx->diag);
	char *dump = tt_dump(d, false);
	assert_non_null(strstr(dump, "0 heading origin=layouts/j.xml:3 level=1 id=\"p\" text=\"Partie\"\n"
				     "1 paragraph origin=layouts/k.xml:2 text=\"inclus\"\n"
				     "2 heading origin=textes/narratif/n.xml:3 level=2 id=\"s\" text=\"S\"\n"
				     "3 paragraph origin=textes/narratif/n.xml:4 text=\"2 KPA\"\n"
				     "4 heading origin=textes/narratif/n.xml:5 level=3 text=\"T\"\n"
				     "5 quote origin=textes/narratif/n.xml:5 text=\"Oui\" subtitle=\"Awa\"\n"));
	free(dump);

	/* Layout elements are not narrative vocabulary. */
	tt_write(fx, "textes", "narratif/n.xml", HEAD "<texte>\n<tuiles/>\n<paragraphe/>\n</texte>\n");
	expect("j.xml", "recit: textes/narratif/n.xml:3: error: unknown element <tuiles> in a "
			"narrative file (known: section, chapeau, p, liste, item, citation, em, fort, note)");
	assert_non_null(strstr(fx->diag, "recit: textes/narratif/n.xml:4: error: unknown element "
					 "<paragraphe>"));
	tt_write(fx, "textes", "narratif/n.xml", HEAD "<texte>\n<p>{sexe.Femmes}</p>\n</texte>\n");
	expect("j.xml", "recit: textes/narratif/n.xml:3: error: unknown figure \"sexe.Femmes\" (did you "
			"mean \"sexe.F\"?)");
	tt_write(fx, "layouts", "j.xml", HEAD "<modele>\n<texte fichier=\"narratif/absent.xml\"/>\n</modele>\n");
	expect("j.xml", "recit: layouts/j.xml:3: error: \"fichier\": cannot read "
			"textes/narratif/absent.xml: No such file or directory");
}

static void test_structure_errors(void **state)
{
	(void)state;
	tt_write(fx, "layouts", "l.xml",
		 HEAD "<modele>\n<tableau>\n<colonne/><colonne/>\n<ligne><cellule/></ligne>\n"
		      "<ligne total=\"oui\"><cellule/><cellule/></ligne>\n"
		      "<ligne><cellule/><cellule/></ligne>\n</tableau>\n"
		      "<section titre=\"a\"><partie titre=\"b\"/></section>\n"
		      "<section id=\"x\" titre=\"a\"/><section id=\"x\" titre=\"b\"/>\n</modele>\n");
	expect("l.xml", "recit: layouts/l.xml:5: error: this row has 1 cells, the table has 2 columns\n"
			"recit: layouts/l.xml:6: error: the total row must be the table's last row\n");
	assert_non_null(strstr(fx->diag, "recit: layouts/l.xml:9: error: <partie> is a top-level "
					 "division: use <section> inside a part\n"));
	assert_non_null(strstr(fx->diag, "recit: layouts/l.xml:10: error: duplicate heading id \"x\"\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown_names),
		cmocka_unit_test(test_unknown_figure_and_group),
		cmocka_unit_test(test_schema),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_include_outside),
		cmocka_unit_test(test_include_cycle),
		cmocka_unit_test(test_include_and_narrative),
		cmocka_unit_test(test_structure_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
