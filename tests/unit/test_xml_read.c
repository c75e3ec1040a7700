/* Unit tests for xml_read.c: hostile or broken XML is refused with a located
 * message, never expanded, never fetched. */
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

#include "xml_read.h"


static xmlDoc *parse(sink *s, const char *xml)
{
	xmlDoc *x = xml_read_memory(s->d, "t.xml", xml, strlen(xml), 0);
	fflush(s->mem);
	return x;
}

static void test_plain_document(void **state)
{
	(void)state;
	sink s;
	sink_open(&s);
	xmlDoc *x = parse(&s, "<?xml version=\"1.0\"?>\n<!-- <!DOCTYPE in a comment is fine -->\n<a b=\"é\"/>\n");
	assert_non_null(x);
	assert_string_equal(s.text, "");
	xmlFreeDoc(x);
	sink_close(&s);
}

static void test_billion_laughs_refused(void **state)
{
	(void)state;
	sink s;
	sink_open(&s);
	const char *bomb = "<?xml version=\"1.0\"?>\n"
			   "<!DOCTYPE lolz [\n"
			   " <!ENTITY lol \"lol\">\n"
			   " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
			   " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
			   "]>\n<lolz>&lol3;</lolz>\n";
	assert_null(parse(&s, bomb));
	assert_non_null(strstr(s.text, "recit: t.xml:2: error: document type declarations"));
	sink_close(&s);
}

static void test_external_entity_refused(void **state)
{
	(void)state;
	sink s;
	sink_open(&s);
	assert_null(parse(&s, "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>\n"));
	assert_non_null(strstr(s.text, "t.xml:2: error: document type declarations"));
	sink_close(&s);
}

static void test_syntax_error_located(void **state)
{
	(void)state;
	sink s;
	sink_open(&s);
	assert_null(parse(&s, "<?xml version=\"1.0\"?>\n<a>\n  <b>\n</a>\n"));
	assert_non_null(strstr(s.text, "recit: t.xml:4:"));
	assert_non_null(strstr(s.text, "not well-formed XML: Opening and ending tag mismatch"));
	sink_close(&s);
}

static void test_size_limit(void **state)
{
	(void)state;
	sink s;
	sink_open(&s);
	const char *xml = "<a>0123456789</a>";
	assert_null(xml_read_memory(s.d, "big.xml", xml, strlen(xml), 8));
	fflush(s.mem);
	assert_non_null(strstr(s.text, "big.xml: error: file too large: 17 bytes, the limit is 8"));
	sink_close(&s);
}

static void test_deep_nesting_refused(void **state)
{
	(void)state;
	sink s;
	sink_open(&s);
	/* libxml2's default depth limit (256) holds since XML_PARSE_HUGE is
	 * never set: 5000 levels must fail cleanly, not exhaust the stack. */
	size_t n = 5000;
	char *xml = malloc(n * 7 + 1);
	char *p = xml;
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "<a>");
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "</a>");
	assert_null(parse(&s, xml));
	assert_non_null(strstr(s.text, "not well-formed XML"));
	free(xml);
	sink_close(&s);
}

static void test_missing_file(void **state)
{
	(void)state;
	sink s;
	sink_open(&s);
	assert_null(xml_read_file(s.d, "/nonexistent/recit.xml", "report settings", 0));
	fflush(s.mem);
	assert_string_equal(s.text, "recit: /nonexistent/recit.xml: error: cannot read the report "
				    "settings: No such file or directory\n");
	sink_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_document),
		cmocka_unit_test(test_billion_laughs_refused),
		cmocka_unit_test(test_external_entity_refused),
		cmocka_unit_test(test_syntax_error_located),
		cmocka_unit_test(test_size_limit),
		cmocka_unit_test(test_deep_nesting_refused),
		cmocka_unit_test(test_missing_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
