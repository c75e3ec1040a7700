/* Unit tests for doc.c: ownership (ASan checks the frees), builders, escape,
 * and the exact dump format golden tests rely on. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "util.h"

static void test_escape(void **state)
{
	(void)state;
	char *e = doc_escape("R&D <b> \"x\" é");
	assert_string_equal(e, "R&amp;D &lt;b&gt; &quot;x&quot; é");
	free(e);
}

static void test_meta_copied(void **state)
{
	(void)state;
	char title[] = "Titre";
	doc_meta m = {.title = title, .date_iso = "2024-01-15"};
	doc *d = doc_create(&m);
	title[0] = 'X'; /* the doc keeps its own copy */
	const doc_meta *dm = doc_meta_lookup(d);
	assert_string_equal(dm->title, "Titre");
	assert_string_equal(dm->short_title, "Titre"); /* defaults to title */
	assert_string_equal(dm->language, "fr-FR");
	assert_null(dm->author);
	doc_destroy(d);
}

static void test_dump(void **state)
{
	(void)state;
	doc_meta m = {.title = "Rapport", .date_iso = "2024-01-15"};
	doc *d = doc_create(&m);
	doc_add_heading(d, 1, "s1", "1. Synthèse");
	doc_add_text(d, DOC_PARAGRAPH, "Il dit \"oui\"\xE2\x80\xAF!");
	doc_block *l = doc_append(d, DOC_LIST);
	doc_list_add(l, "un");
	doc_block *t = doc_append(d, DOC_TILES);
	doc_tiles_add(t, "73\xC2\xA0%", "de femmes", NULL);
	doc_chart *b = doc_add_chart(d, DOC_CHART_HBAR, "Âge", NULL);
	doc_chart_add_series(b, NULL);
	doc_chart_set(b, 0, doc_chart_add_cat(b, "16-24", -1), 0.22, "22 %", 0);
	doc_chart_set(b, 0, doc_chart_add_cat(b, "autre", -1), 0.01, "< 5", 1);
	doc_block *tb = doc_append(d, DOC_TABLE);
	doc_table_set(tb, 2, 1);
	tb->cols[0].header = xstrdup("KPA");
	tb->cols[1].header = xstrdup("CA");
	tb->cols[1].align = DOC_ALIGN_RIGHT;
	tb->cells[0] = xstrdup("Roubaix");
	tb->cells[1] = xstrdup("15\xE2\x80\xAF" "213");
	tb->origin = (src_loc){"layouts/rapport.xml", 12, 3};
	doc_append(d, DOC_PAGE_BREAK);
	assert_int_equal(doc_count(d), 7);
	assert_int_equal(doc_at(d, 0)->level, 1);
	assert_null(doc_at(d, 7));

	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	doc_dump(d, mem);
	fclose(mem);
	assert_string_equal(
		buf, "doc title=\"Rapport\" short_title=\"Rapport\" language=\"fr-FR\" "
		     "date=\"2024-01-15\"\n"
		     "0 heading level=1 id=\"s1\" text=\"1. Synthèse\"\n"
		     "1 paragraph text=\"Il dit \\\"oui\\\"\\u202F!\"\n"
		     "2 list\n"
		     "  item \"un\"\n"
		     "3 tiles\n"
		     "  tile value=\"73\\u00A0%\" label=\"de femmes\" detail=null\n"
		     "4 chart\n"
		     "  chart type=barres unit=count base=0 threshold=0 sort=none max_cats=0 "
		     "group_other=0 height=0.0 axis_max=0.0000 skip_missing=0 glyph=square "
		     "title=\"Âge\"\n"
		     "    cat 0 parent=-1 label=\"16-24\"\n"
		     "    cat 1 parent=-1 label=\"autre\"\n"
		     "    series 0 name=null\n"
		     "      cell 0 value=0.2200 text=\"22 %\" suppressed=0\n"
		     "      cell 1 value=0.0100 text=\"< 5\" suppressed=1\n"
		     "5 table origin=layouts/rapport.xml:12:3 cols=2 rows=1 total_row=0\n"
		     "  col align=left width=1.000 header=\"KPA\"\n"
		     "  col align=right width=1.000 header=\"CA\"\n"
		     "  row 0 \"Roubaix\" \"15\\u202F213\"\n"
		     "6 page-break\n");
	free(buf);
	doc_destroy(d);
}

static void test_kind_names(void **state)
{
	(void)state;
	for (int k = 0; k < DOC__KINDS; k++)
		assert_string_not_equal(doc_kind_name((doc_kind)k), "?");
	assert_string_equal(doc_kind_name(DOC__KINDS), "?");
}

static void test_image(void **state)
{
	(void)state;
	doc *d = doc_create(NULL);
	doc_block *b = doc_add_image(d, "inputs/images/a.png", 300, 200, 0.5, 0, "Carte", "Une carte");
	b->origin = (src_loc){"layouts/rapport.xml", 7, 0};
	doc_add_image(d, "b.png", 10, 20, 0, 80, NULL, NULL);
	doc_add_image(d, "c.png", 10, 20, 7, 0, NULL, NULL); /* out of range: full width */
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	doc_dump(d, f);
	fclose(f);
	assert_non_null(strstr(buf, "0 image origin=layouts/rapport.xml:7 text=\"Carte\" "
				    "subtitle=\"Une carte\" path=\"inputs/images/a.png\" px=300x200 "
				    "width=50.0%\n"));
	assert_non_null(strstr(buf, "1 image path=\"b.png\" px=10x20 width=80.0mm\n"));
	assert_non_null(strstr(buf, "2 image path=\"c.png\" px=10x20 width=100.0%\n"));
	free(buf);
	doc_destroy(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_meta_copied),
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_image),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
