/* Unit tests for text_safe.h: the characters data may not hold, the one
 * check every reader calls (CSV, sheets, XML), and the escaping of
 * messages. Each guard has its positive control: a value it must refuse,
 * next to a look-alike it must let through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <stdlib.h>

#include "csv_read.h"
#include "text_safe.h"
#include "xml_read.h"

#include "test_sink.h"

static void test_allowed(void **state)
{
	(void)state;
	assert_true(text_char_allowed('a'));
	assert_true(text_char_allowed('\t'));
	assert_true(text_char_allowed('\n'));
	assert_true(text_char_allowed(0xE9));   /* é */
	assert_true(text_char_allowed(0x202F)); /* narrow no-break space: French typography */
	assert_true(text_char_allowed(0x200E)); /* LRM, a mark, not an override */
	assert_true(text_char_allowed(0x4F60)); /* a CJK letter: the fonts' business */
	assert_false(text_char_allowed(0x00));
	assert_false(text_char_allowed(0x1B));
	assert_false(text_char_allowed('\r'));
	assert_false(text_char_allowed(0x7F));
	assert_false(text_char_allowed(0x85));
	assert_false(text_char_allowed(0x9F));
	for (uint32_t cp = 0x202A; cp <= 0x202E; cp++)
		assert_false(text_char_allowed(cp));
	for (uint32_t cp = 0x2066; cp <= 0x2069; cp++)
		assert_false(text_char_allowed(cp));
	assert_true(text_char_allowed(0x2065));
	assert_true(text_char_allowed(0x206A));
	assert_false(text_char_allowed(0xFEFF));
}

static void test_find(void **state)
{
	(void)state;
	text_refused r;
	const char *clean = "Coop\xC3\xA9rant\xC2\xB7" "es\tde\nRoubaix";
	assert_false(text_find_refused(clean, strlen(clean), &r));
	const char *evil = "\xC3\xA9t\xC3\xA9\nab \xE2\x80\xAE" "evil"; /* "été\nab RLO evil" */
	assert_true(text_find_refused(evil, strlen(evil), &r));
	assert_int_equal(r.cp, 0x202E);
	assert_int_equal(r.line, 1);
	assert_int_equal(r.col, 4); /* characters, not bytes */
	assert_int_equal(r.offset, 9);
	assert_string_equal(text_char_name(0x202E), "RIGHT-TO-LEFT OVERRIDE");
	assert_string_equal(text_char_name(0x1B), "ESCAPE");
	assert_null(text_char_name(0x01));
}

static void test_check(void **state)
{
	(void)state;
	sink s;
	sink_open(&s);
	assert_true(text_check_data(s.d, SRC_LOC("k.csv", 3, 2), NULL, "La Ruche", false));
	assert_string_equal(sink_text(&s), "");
	assert_false(text_check_data(s.d, SRC_LOC("k.csv", 3, 2), "nom", "La \xE2\x80\xAE" "Ruche",
				     false));
	assert_non_null(strstr(sink_text(&s), "recit: k.csv:3:2: error: \"nom\": U+202E "
						"(RIGHT-TO-LEFT OVERRIDE) is not allowed in data"));
	assert_false(text_check_data(s.d, SRC_LOC("k.csv", 4, 1), NULL, "a\x01z", false));
	assert_non_null(strstr(sink_text(&s), "k.csv:4:1: error: U+0001 (a control character)"));
	assert_false(text_check_data(s.d, SRC_LOC("k.csv", 5, 1), NULL, "a\xEF\xBB\xBFz", false));
	assert_non_null(strstr(sink_text(&s), "k.csv:5:1: error: U+FEFF"));
	/* A value over several lines points at the character's own line. */
	assert_false(text_check_data(s.d, SRC_LOC("n.txt", 10, 5), NULL, "ab\ncd\x1b", true));
	assert_non_null(strstr(sink_text(&s), "n.txt:11:3: error: U+001B (ESCAPE)"));
	sink_close(&s);
}

static void test_escape(void **state)
{
	(void)state;
	strbuf b = {0};
	const char *in = "ok \x1b[31mred\x07\n\t\xC2\x85\xE2\x80\xAE\xFF \xC3\xA9";
	text_escape_print(&b, in, strlen(in));
	assert_string_equal(b.data, "ok \\x1b[31mred\\x07\\x0a\t\\u{0085}\\u{202E}\\xff \xC3\xA9");
	strbuf_free(&b);

	/* diag: the value, the field and the file name are all escaped. */
	sink s;
	sink_open(&s);
	diag_emit(s.d, DIAG_ERROR, SRC_LOC("a\x1b]0;x\x07.csv", 2, 1), "f\x1b[1m",
		  "found \"%s\"", "5\x1b[31m9");
	assert_string_equal(sink_text(&s), "recit: a\\x1b]0;x\\x07.csv:2:1: error: "
					   "\"f\\x1b[1m\": found \"5\\x1b[31m9\"\n");
	assert_null(strchr(sink_text(&s), 0x1b));
	sink_close(&s);
}

static void test_readers(void **state)
{
	(void)state;
	sink s;
	sink_open(&s);
	/* CSV: the cell's line and column. */
	const char *csv = "id;nom\nla-ruche;La Ruche\nle-quai;Le \xE2\x80\xAE" "Quai\n";
	csv_table *t = csv_table_read_buffer(s.d, "kpa.csv", csv, strlen(csv), NULL);
	assert_non_null(t);
	assert_non_null(strstr(sink_text(&s), "kpa.csv:3:2: error: U+202E"));
	assert_int_equal(diag_count(s.d, DIAG_ERROR), 1);
	csv_table_destroy(t);
	/* A tab inside a quoted cell and a multi-line cell pass. */
	const char *ok = "id;nom\nla-ruche;\"La\tRuche\nLille\"\n";
	t = csv_table_read_buffer(s.d, "ok.csv", ok, strlen(ok), NULL);
	assert_non_null(t);
	assert_int_equal(diag_count(s.d, DIAG_ERROR), 1);
	csv_table_destroy(t);
	/* XML: text on its own line and column, attributes by name. */
	const char *xml = "<texte>\n<p>un\ndeux \xE2\x81\xA7trois</p>\n"
			  "<s titre=\"x\xC2\x9By\"/></texte>";
	xmlDoc *x = xml_read_memory(s.d, "n.xml", xml, strlen(xml), 0);
	assert_non_null(x);

	assert_non_null(strstr(sink_text(&s), "n.xml:3:6: error: U+2067 (RIGHT-TO-LEFT ISOLATE)"));
	assert_non_null(strstr(sink_text(&s), "n.xml:4: error: \"titre\": U+009B"));
	xmlFreeDoc(x);
	sink_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_allowed), cmocka_unit_test(test_find),
		cmocka_unit_test(test_check),   cmocka_unit_test(test_escape),
		cmocka_unit_test(test_readers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
