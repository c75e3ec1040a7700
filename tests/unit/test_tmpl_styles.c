/* Unit tests for layouts/styles.xml (tmpl_styles.c): the shipped file is the
 * built-in look, values override the defaults, every mistake gives
 * file:line, the attribute and the nearest valid name, and a layouts folder
 * without the file keeps the built-in look. */
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

#include "test_sink.h"
#include "tmpl.h"
#include "util.h"

static char dir[] = "/tmp/recit-styles-XXXXXX";

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char *p = xasprintf("%s/styles.xml", dir);
	unlink(p);
	free(p);
	rmdir(dir);
	return 0;
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

static void write_styles(const char *text)
{
	char *p = xasprintf("%s/styles.xml", dir);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

/* Load dir/styles.xml; *ok and the messages, with the folder name
 * replaced by "L" so that expectations do not depend on mkdtemp. */
static char *load(const char *text, bool *ok, style_sheet *out)
{
	if (text)
		write_styles(text);
	sink s;
	sink_open(&s);
	*ok = tmpl_styles_load(s.d, dir, out);
	strbuf b = {0};
	const char *t = sink_text(&s);
	size_t n = strlen(dir);
	for (const char *p = t; *p;) {
		if (!strncmp(p, dir, n)) {
			strbuf_putc(&b, 'L');
			p += n;
		} else
			strbuf_putc(&b, *p++);
	}
	sink_close(&s);
	return b.data ? strbuf_detach(&b) : xstrdup("");
}

static void expect_error(const char *text, const char *want)
{
	bool ok = true;
	style_sheet sh;
	char *msg = load(text, &ok, &sh);
	assert_false(ok);
	if (strcmp(msg, want))
		fail_msg("expected\n%s\ngot\n%s", want, msg);
	free(msg);
}

static void test_shipped_file_is_the_builtin_look(void **state)
{
	(void)state;
	sink s;
	sink_open(&s);
	style_sheet shipped, builtin;
	char *layouts = xasprintf("%s/layouts", getenv("RECIT_SOURCE_DIR"));
	assert_true(tmpl_styles_load(s.d, layouts, &shipped));
	assert_string_equal(sink_text(&s), "");
	style_sheet_defaults(&builtin);
	assert_memory_equal(shipped.palette, builtin.palette, sizeof builtin.palette);
	for (int i = 0; i < ST__COUNT; i++) {
		const style_def *a = &shipped.style[i], *b = &builtin.style[i];
		if (a->family != b->family || a->weight != b->weight || a->italic != b->italic ||
		    a->size != b->size || a->spacing != b->spacing || a->color != b->color ||
		    a->justify != b->justify || a->hyphenate != b->hyphenate ||
		    a->align != b->align || a->letter_spacing != b->letter_spacing ||
		    strcmp(a->features, b->features))
			fail_msg("style %s differs from the built-in one",
				 style_sheet_style_name((ts_style)i));
	}
	const page_setup *a = &shipped.page, *b = &builtin.page;
	assert_true(a->margin_top == b->margin_top && a->margin_bottom == b->margin_bottom &&
		    a->margin_left == b->margin_left && a->margin_right == b->margin_right);
	assert_int_equal(a->head_left, b->head_left);
	assert_int_equal(a->head_right, b->head_right);
	assert_int_equal(a->foot, b->foot);
	assert_memory_equal(shipped.breaks, builtin.breaks, sizeof builtin.breaks);
	free(layouts);
	sink_close(&s);
}

static void test_missing_file_gives_defaults(void **state)
{
	(void)state;
	char *p = xasprintf("%s/styles.xml", dir);
	unlink(p);
	free(p);
	bool ok = false;
	style_sheet sh, def;
	memset(&sh, 0xAB, sizeof sh);
	char *msg = load(NULL, &ok, &sh);
	assert_true(ok);
	assert_string_equal(msg, "");
	style_sheet_defaults(&def);
	assert_memory_equal(sh.palette, def.palette, sizeof def.palette);
	assert_true(sh.style[ST_BODY].size == 10.5);
	assert_int_equal(sh.style[ST_H2].weight, STYLE_WEIGHT_SEMIBOLD);
	free(msg);
}

static void test_values_override_defaults(void **state)
{
	(void)state;
	bool ok = false;
	style_sheet sh;
	char *msg = load(HEAD "<styles>\n"
			      "  <couleur nom=\"primaire\" valeur=\"#a01020\"/>\n"
			      "  <style nom=\"corps\" famille=\"Inter\" taille=\"11.25\" graisse=\"medium\"\n"
			      "         interligne=\"1.3\" couleur=\"accent\" justifie=\"non\" cesure=\"non\"\n"
			      "         alignement=\"droite\" approche=\"-0.25\" variantes=\"tnum, lnum\"/>\n"
			      "  <style nom=\"titre-4\" italique=\"non\"/>\n"
			      "</styles>\n",
			 &ok, &sh);
	assert_string_equal(msg, "");
	assert_true(ok);
	assert_int_equal(sh.palette[PAL_PRIMARY], 0xA01020);
	assert_int_equal(sh.palette[PAL_ACCENT], 0xD9822B); /* untouched */
	const style_def *b = &sh.style[ST_BODY];
	assert_int_equal(b->family, STYLE_FAMILY_SANS);
	assert_true(b->size == 11.25);
	assert_int_equal(b->weight, STYLE_WEIGHT_MEDIUM);
	assert_true(b->spacing == 1.3);
	assert_int_equal(b->color, PAL_ACCENT);
	assert_false(b->justify);
	assert_false(b->hyphenate);
	assert_int_equal(b->align, STYLE_ALIGN_RIGHT);
	assert_true(b->letter_spacing == -0.25);
	assert_string_equal(b->features, "tnum, lnum");
	/* Attributes left out keep the built-in value. */
	assert_false(sh.style[ST_H4].italic);
	assert_int_equal(sh.style[ST_H4].weight, STYLE_WEIGHT_BOLD);
	assert_true(sh.style[ST_H4].size == 10.5);
	free(msg);
}

static void test_unknown_names(void **state)
{
	(void)state;
	expect_error(HEAD "<styles>\n"
			  "  <couleur nom=\"primaires\" valeur=\"#000000\"/>\n"
			  "  <style nom=\"titre1\"/>\n"
			  "  <style nom=\"corps\" tailel=\"10\" couleur=\"textes\"/>\n"
			  "  <stile nom=\"note\"/>\n"
			  "</styles>\n",
		     "recit: L/styles.xml:3: error: \"nom\": unknown colour \"primaires\" (did you "
		     "mean \"primaire\"?)\n"
		     "recit: L/styles.xml:4: error: \"nom\": unknown style \"titre1\" (did you mean "
		     "\"titre-1\"?)\n"
		     "recit: L/styles.xml:5: error: unknown attribute \"tailel\" of <style> (did you "
		     "mean \"taille\"?)\n"
		     "recit: L/styles.xml:5: error: \"couleur\": unknown colour \"textes\" (did you "
		     "mean \"texte\"?)\n"
		     "recit: L/styles.xml:6: error: unknown element <stile> (did you mean "
		     "\"style\"?)\n");
}

static void test_bad_values(void **state)
{
	(void)state;
	expect_error(HEAD "<styles>\n"
			  "  <couleur nom=\"accent\" valeur=\"orange\"/>\n"
			  "  <style nom=\"corps\" graisse=\"gra\" taille=\"10,5\"/>\n"
			  "  <style nom=\"note\" justifie=\"yes\" alignement=\"center\"/>\n"
			  "  <couleur nom=\"accent\" valeur=\"#000000\"/>\n"
			  "  <style nom=\"note\"/>\n"
			  "  <style nom=\"chapeau\" variantes=\"tabular\" interligne=\"4\"/>\n"
			  "</styles>\n",
		     "recit: L/styles.xml:3: error: \"valeur\": expected a colour as #RRGGBB "
		     "(\"#0B4F6C\"), found \"orange\"\n"
		     "recit: L/styles.xml:4: error: \"taille\": expected a number from 4 to 96 (a "
		     "dot for decimals), found \"10,5\"\n"
		     "recit: L/styles.xml:4: error: \"graisse\": expected one of normal, medium, "
		     "semi-gras, gras, found \"gra\" (did you mean \"gras\"?)\n"
		     "recit: L/styles.xml:5: error: \"justifie\": expected one of oui, non, found "
		     "\"yes\"\n"
		     "recit: L/styles.xml:5: error: \"alignement\": expected one of gauche, droite, "
		     "centre, found \"center\" (did you mean \"centre\"?)\n"
		     "recit: L/styles.xml:6: error: \"nom\": colour \"accent\" is defined twice "
		     "(first at line 3)\n"
		     "recit: L/styles.xml:7: error: \"nom\": style \"note\" is defined twice (first "
		     "at line 5)\n"
		     "recit: L/styles.xml:8: error: \"interligne\": expected a number from 0 to 3 (a "
		     "dot for decimals), found \"4\"\n"
		     "recit: L/styles.xml:8: error: \"variantes\": expected OpenType features as "
		     "4-letter tags separated by commas (\"tnum\"), found \"tabular\"\n");
}

static void test_page(void **state)
{
	(void)state;
	bool ok = false;
	style_sheet sh, def;
	style_sheet_defaults(&def);
	/* The built-in margins: 80, 70 and 63.8 pt. */
	assert_true(def.page.margin_top == 28.2222 && def.page.margin_bottom == 24.6944);
	assert_true(def.page.margin_left == 22.5072 && def.page.margin_right == 22.5072);
	assert_int_equal(def.page.head_left, PAGE_HEAD_TITLE);
	assert_int_equal(def.page.head_right, PAGE_HEAD_SECTION);
	assert_int_equal(def.page.foot, PAGE_FOOT_OF_TOTAL);
	char *msg = load(HEAD "<styles>\n"
			      "  <page marge-haut=\"30\" marge-gauche=\"35.5\" marge-droite=\"5\"\n"
			      "        entete-gauche=\"section\" entete-droite=\"vide\" pied=\"page\"/>\n"
			      "</styles>\n",
			 &ok, &sh);
	assert_string_equal(msg, "");
	assert_true(ok);
	assert_true(sh.page.margin_top == 30 && sh.page.margin_left == 35.5 &&
		    sh.page.margin_right == 5);
	assert_true(sh.page.margin_bottom == def.page.margin_bottom); /* left out */
	assert_int_equal(sh.page.head_left, PAGE_HEAD_SECTION);
	assert_int_equal(sh.page.head_right, PAGE_HEAD_EMPTY);
	assert_int_equal(sh.page.foot, PAGE_FOOT_PAGE);
	free(msg);
	msg = load(HEAD "<styles>\n  <page pied=\"vide\" entete-gauche=\"titre\"/>\n</styles>\n",
		   &ok, &sh);
	assert_true(ok);
	assert_int_equal(sh.page.foot, PAGE_FOOT_EMPTY);
	assert_int_equal(sh.page.head_left, PAGE_HEAD_TITLE);
	free(msg);

	/* A start tag on two lines is reported at its last line. */
	expect_error(HEAD "<styles>\n"
			  "  <page marge-haut=\"4\" marge-bas=\"61\" marge-gauche=\"2,5\"\n"
			  "        marge-droit=\"20\" entete-gauche=\"titres\" pied=\"page/total\"/>\n"
			  "  <page/>\n"
			  "  <pages/>\n"
			  "</styles>\n",
		     "recit: L/styles.xml:4: error: unknown attribute \"marge-droit\" of <page> "
		     "(did you mean \"marge-droite\"?)\n"
		     "recit: L/styles.xml:4: error: \"marge-haut\": expected a number from 5 to 60 "
		     "(a dot for decimals), found \"4\"\n"
		     "recit: L/styles.xml:4: error: \"marge-bas\": expected a number from 5 to 60 "
		     "(a dot for decimals), found \"61\"\n"
		     "recit: L/styles.xml:4: error: \"marge-gauche\": expected a number from 5 to "
		     "60 (a dot for decimals), found \"2,5\"\n"
		     "recit: L/styles.xml:4: error: \"entete-gauche\": expected one of titre, "
		     "section, vide, found \"titres\" (did you mean \"titre\"?)\n"
		     "recit: L/styles.xml:4: error: \"pied\": expected one of page-sur-total, "
		     "page, vide, found \"page/total\" (did you mean \"page-sur-total\"?)\n"
		     "recit: L/styles.xml:5: error: <page> is given twice (first at line 4)\n"
		     "recit: L/styles.xml:6: error: unknown element <pages> (did you mean "
		     "\"page\"?)\n");
	/* After an error the page setup is the built-in one. */
	msg = load(HEAD "<styles>\n  <page marge-haut=\"40\" pied=\"x\"/>\n</styles>\n", &ok,
		   &sh);
	assert_false(ok);
	assert_true(sh.page.margin_top == def.page.margin_top);
	free(msg);
}

/* <coupure>: widows and orphans per kind of block. */
static void test_breaks(void **state)
{
	(void)state;
	bool ok = false;
	style_sheet sh, def;
	style_sheet_defaults(&def);
	/* The built-in values are the ones the typesetter always used. */
	for (int b = 0; b < BREAK_CONTENTS; b++) {
		assert_int_equal(def.breaks[b].orphans, 2);
		assert_int_equal(def.breaks[b].widows, 2);
	}
	assert_int_equal(def.breaks[BREAK_CONTENTS].orphans, 2);
	assert_int_equal(def.breaks[BREAK_CONTENTS].widows, 1);
	char *msg = load(HEAD "<styles>\n"
			      "  <coupure bloc=\"liste\" orphelines=\"3\" veuves=\"1\"/>\n"
			      "  <coupure bloc=\"tableau\" veuves=\"4\"/>\n"
			      "</styles>\n",
			 &ok, &sh);
	assert_string_equal(msg, "");
	assert_true(ok);
	assert_int_equal(sh.breaks[BREAK_LIST].orphans, 3);
	assert_int_equal(sh.breaks[BREAK_LIST].widows, 1);
	assert_int_equal(sh.breaks[BREAK_TABLE].orphans, 2); /* left out */
	assert_int_equal(sh.breaks[BREAK_TABLE].widows, 4);
	assert_memory_equal(&sh.breaks[BREAK_PARAGRAPH], &def.breaks[BREAK_PARAGRAPH],
			    sizeof def.breaks[0]);
	free(msg);

	expect_error(HEAD "<styles>\n"
			  "  <coupure bloc=\"paragraphes\" orphelines=\"2\"/>\n"
			  "  <coupure bloc=\"note\" orphelines=\"0\" veuves=\"1.5\" veuve=\"2\"/>\n"
			  "  <coupure bloc=\"note\"/>\n"
			  "  <coupure veuves=\"2\"/>\n"
			  "  <coupures/>\n"
			  "</styles>\n",
		     "recit: L/styles.xml:3: error: \"bloc\": expected one of paragraphe, chapeau, "
		     "note, liste, tableau, sommaire, found \"paragraphes\" (did you mean "
		     "\"paragraphe\"?)\n"
		     "recit: L/styles.xml:4: error: unknown attribute \"veuve\" of <coupure> (did "
		     "you mean \"veuves\"?)\n"
		     "recit: L/styles.xml:4: error: \"orphelines\": expected a whole number of "
		     "lines from 1 to 10, found \"0\"\n"
		     "recit: L/styles.xml:4: error: \"veuves\": expected a whole number of lines "
		     "from 1 to 10, found \"1.5\"\n"
		     "recit: L/styles.xml:5: error: \"bloc\": <coupure> of \"note\" is given twice "
		     "(first at line 4)\n"
		     "recit: L/styles.xml:6: error: <coupure> needs \"bloc\"\n"
		     "recit: L/styles.xml:7: error: unknown element <coupures> (did you mean "
		     "\"coupure\"?)\n");
}

static void test_fonts(void **state)
{
	(void)state;
	expect_error(HEAD "<styles>\n"
			  "  <style nom=\"corps\" famille=\"Liberation Serf\"/>\n"
			  "  <style nom=\"note\" famille=\"Arial\"/>\n"
			  "  <style nom=\"liste\" graisse=\"semi-gras\"/>\n"
			  "  <style nom=\"titre-1\" italique=\"oui\"/>\n"
			  "</styles>\n",
		     "recit: L/styles.xml:3: error: \"famille\": font family \"Liberation Serf\" is "
		     "not among the shipped fonts (did you mean \"Liberation Serif\"?); available: "
		     "Liberation Serif, Inter, DejaVu Sans\n"
		     "recit: L/styles.xml:4: error: \"famille\": font family \"Arial\" is not among "
		     "the shipped fonts; available: Liberation Serif, Inter, DejaVu Sans\n"
		     "recit: L/styles.xml:5: error: \"graisse\": fonts/ has no semi-gras face of "
		     "Liberation Serif (shipped: normal, gras, normal italique, gras italique)\n"
		     "recit: L/styles.xml:6: error: \"graisse\": fonts/ has no gras italique face "
		     "of Inter (shipped: normal, medium, semi-gras, gras, normal italique)\n");
}

static void test_structure_and_syntax(void **state)
{
	(void)state;
	expect_error(HEAD "<feuille>\n</feuille>\n",
		     "recit: L/styles.xml:2: error: the root element must be <styles>, found "
		     "<feuille>\n");
	expect_error(HEAD "<styles>\n  <style nom=\"corps\">\n</styles>\n",
		     "recit: L/styles.xml:4:10: error: expected </style> to close <style> of line 3, "
		     "found </styles>: add the missing closing tag or correct its name\n");
	expect_error(HEAD "<styles>\n  <style taille=\"9\"/>\n  <couleur nom=\"gris\"/>\n</styles>\n",
		     "recit: L/styles.xml:3: error: <style> needs \"nom\"\n"
		     "recit: L/styles.xml:4: error: <couleur> needs \"valeur\"\n");
	expect_error(HEAD "<!DOCTYPE styles [<!ENTITY x \"y\">]>\n<styles/>\n",
		     "recit: L/styles.xml:2: error: document type declarations (<!DOCTYPE ...>) are "
		     "not allowed: remove it (Récit's formats need no DTD or entities)\n");
	/* After an error the sheet is the built-in look, never half-applied. */
	bool ok = true;
	style_sheet sh;
	char *msg = load(HEAD "<styles>\n  <couleur nom=\"primaire\" valeur=\"#000000\"/>\n"
			      "  <style nom=\"corps\" taille=\"x\"/>\n</styles>\n",
			 &ok, &sh);
	assert_false(ok);
	assert_int_equal(sh.palette[PAL_PRIMARY], 0x0B4F6C);
	free(msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_file_is_the_builtin_look),
		cmocka_unit_test(test_missing_file_gives_defaults),
		cmocka_unit_test(test_values_override_defaults),
		cmocka_unit_test(test_unknown_names),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_breaks),
		cmocka_unit_test(test_fonts),
		cmocka_unit_test(test_structure_and_syntax),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
