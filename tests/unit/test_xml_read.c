/* Unit tests for xml_read.c: hostile or broken XML is refused with a located
 * message, never expanded, never fetched; libxml2's syntax errors are said
 * in plain words, in English and in French. */
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

#include "i18n.h"
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

/* Text and attribute values come back in normal form C: an accent typed as
 * a combining mark (NFD) reads as the precomposed letter, so ids and names
 * compare equal however they were typed. */
static void test_text_in_nfc(void **state)
{
	(void)state;
	sink s;
	sink_open(&s);
	xmlDoc *x = parse(&s, "<a id=\"He\u0301le\u0300ne\">Avec He\u0301le\u0300ne<b>Zo\u00E9</b>"
			      "<![CDATA[e\u0301]]></a>");
	assert_non_null(x);
	xmlNode *r = xmlDocGetRootElement(x);
	char *id = xml_attr_dup(r, "id");
	assert_string_equal(id, "H\u00E9l\u00E8ne");
	free(id);
	xmlChar *all = xmlNodeGetContent(r);
	assert_string_equal((const char *)all, "Avec H\u00E9l\u00E8neZo\u00E9\u00E9");
	xmlFree(all);
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
	/* One message: not the ones libxml2 adds after the first error. */
	assert_string_equal(s.text, "recit: t.xml:4:5: error: expected </b> to close <b> of line 3, "
				    "found </a>: add the missing closing tag or correct its name\n");
	sink_close(&s);
}

/* The one message xml_read_memory gives for xml ("" when it parses). */
static char *message_for(const char *xml)
{
	sink s;
	sink_open(&s);
	xmlDoc *x = xml_read_memory(s.d, "t.xml", xml, strlen(xml), 0);
	xmlFreeDoc(x);
	char *m = strdup(sink_text(&s));
	sink_close(&s);
	return m;
}

#define expect_message(xml, want)                                                        \
	do {                                                                             \
		char *got_ = message_for(xml);                                           \
		assert_string_equal(got_, want);                                         \
		free(got_);                                                              \
	} while (0)

/* One malformed snippet per libxml2 error code said in plain words. */
static void test_syntax_errors_in_plain_words(void **state)
{
	(void)state;
	/* XML_ERR_NAME_REQUIRED: a lone & or <, pointed at; another name. */
	expect_message("<a>R & D</a>",
		       "recit: t.xml:1:6: error: a lone & is not allowed: write & as &amp;\n");
	expect_message("<a>x < y</a>", "recit: t.xml:1:6: error: a lone < is not allowed (a tag name "
				       "must follow it): write < as &lt;\n");
	expect_message("<a 1b=\"x\"/>", "recit: t.xml:1:4: error: expected a name here (of an element "
					"or an attribute, starting with a letter)\n");
	/* XML_ERR_ENTITYREF_SEMICOL_MISSING */
	expect_message("<a>R&D</a>", "recit: t.xml:1:7: error: a & starts a reference such as &amp; "
				     "that ends with ;: write a lone & as &amp;\n");
	/* XML_ERR_UNDECLARED_ENTITY */
	expect_message("<a>&nbsp;</a>",
		       "recit: t.xml:1:10: error: &nbsp; is not defined (XML defines only &amp;, "
		       "&lt;, &gt;, &quot; and &apos;): type the character itself, or write & as "
		       "&amp;\n");
	/* XML_ERR_LT_IN_ATTRIBUTE */
	expect_message("<a b=\"1 < 2\"/>", "recit: t.xml:1:9: error: < is not allowed in an "
					   "attribute value: write it &lt;\n");
	/* XML_ERR_ATTRIBUTE_NOT_STARTED */
	expect_message("<a b=c/>", "recit: t.xml:1:6: error: expected an attribute value in quotes, "
				   "such as name=\"value\"\n");
	/* XML_ERR_ATTRIBUTE_NOT_FINISHED */
	expect_message("<a b=\"x/>", "recit: t.xml:1:10: error: a quoted value is not closed: add "
				     "the closing quote (\" or ')\n");
	/* XML_ERR_STRING_NOT_CLOSED (the XML declaration) */
	expect_message("<?xml version=\"1.0?><a/>", "recit: t.xml:1:19: error: a quoted value is "
						     "not closed: add the closing quote (\" or ')\n");
	/* XML_ERR_ATTRIBUTE_WITHOUT_VALUE */
	expect_message("<a b/>", "recit: t.xml:1:5: error: attribute b has no value: write "
				 "b=\"...\"\n");
	/* XML_ERR_ATTRIBUTE_REDEFINED */
	expect_message("<a b=\"1\" b=\"2\"/>", "recit: t.xml:1:15: error: attribute b is given "
					       "twice on the same element: keep one\n");
	/* XML_ERR_SPACE_REQUIRED */
	expect_message("<a b=\"1\"c=\"2\"/>", "recit: t.xml:1:9: error: expected a space here "
					      "(between two attributes, for instance)\n");
	/* XML_ERR_GT_REQUIRED, with and without the tag's name */
	expect_message("<a", "recit: t.xml:1:3: error: the tag <a> is not closed: end it with > (or "
			     "with /> for an empty element)\n");
	expect_message("<a>x</a", "recit: t.xml:1:8: error: a tag is not closed: end it with >\n");
	/* XML_ERR_TAG_NAME_MISMATCH */
	expect_message("<a>\n<b>\n</a>\n", "recit: t.xml:3:5: error: expected </b> to close <b> of "
					   "line 2, found </a>: add the missing closing tag or "
					   "correct its name\n");
	/* XML_ERR_TAG_NOT_FINISHED */
	expect_message("<a>\n<b/>\n", "recit: t.xml:3:1: error: <a> of line 1 is not closed: add "
				      "</a> (the file ends before it)\n");
	/* XML_ERR_DOCUMENT_END */
	expect_message("<a/>\n<b/>\n", "recit: t.xml:2:1: error: content after the end of the root "
				       "element: an XML file holds one root element; move this "
				       "inside it or remove it\n");
	/* XML_ERR_DOCUMENT_EMPTY, and an empty file */
	expect_message("rapport", "recit: t.xml:1:1: error: expected the file's root element "
				  "(<name>...</name>), found nothing or plain text\n");
	expect_message("", "recit: t.xml: error: expected the file's root element (<name>...</name>), "
			   "found nothing or plain text\n");
	/* XML_ERR_INVALID_CHAR: a control character, bytes that are not UTF-8 */
	expect_message("<a>\x01</a>", "recit: t.xml:1:4: error: character U+0001 is not allowed in "
				      "XML: remove it\n");
	expect_message("<a>\xe9t\xe9</a>", "recit: t.xml:1:4: error: not valid UTF-8: save the file "
					   "with the UTF-8 encoding in your text editor\n");
	expect_message("<a>&#;</a>", "recit: t.xml:1:7: error: invalid character reference (&#...;): "
				     "remove it or write the character itself\n");
	/* XML_ERR_COMMENT_NOT_FINISHED */
	expect_message("<a/><!-- x", "recit: t.xml:1:11: error: a comment (<!-- ...) is not closed: "
				     "end it with -->\n");
	/* XML_ERR_MISPLACED_CDATA_END */
	expect_message("<a>]]></a>", "recit: t.xml:1:4: error: ]]> is not allowed in text: write it "
				     "]]&gt;\n");
	/* XML_ERR_CDATA_NOT_FINISHED */
	expect_message("<a><![CDATA[x</a>", "recit: t.xml:1:18: error: a <![CDATA[ section is not "
					    "closed: end it with ]]>\n");
	/* Any other code: libxml2's own text after a plain prefix. */
	expect_message("<a>&#xZZ;</a>", "recit: t.xml:1:7: error: not well-formed XML: CharRef: "
					"invalid hexadecimal value\n");
}

/* The messages' language comes from the environment (i18n.c): LANGUAGE,
 * here, since the test machine may have no French locale. */
static void use_language(const char *language)
{
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("LANGUAGE", language, 1);
	i18n_init();
}

static void test_syntax_errors_in_french(void **state)
{
	(void)state;
	use_language("fr");
	expect_message("<a>R & D</a>", "recit: t.xml:1:6: erreur\u00a0: un & seul n’est pas "
				       "permis\u00a0: remplacez & par &amp;\n");
	expect_message("<a>\n<b>\n</a>\n",
		       "recit: t.xml:3:5: erreur\u00a0: </b> est attendu pour fermer <b> de la ligne 2, "
		       "mais c’est </a> qui est écrit\u00a0: ajoutez la balise fermante qui manque "
		       "ou corrigez son nom\n");
	expect_message("<a>&nbsp;</a>",
		       "recit: t.xml:1:10: erreur\u00a0: &nbsp; n’est pas défini (XML ne connaît que "
		       "&amp;, &lt;, &gt;, &quot; et &apos;)\u00a0: tapez le caractère lui-même, ou "
		       "remplacez & par &amp;\n");
	expect_message("<a>&#xZZ;</a>", "recit: t.xml:1:7: erreur\u00a0: XML mal formé\u00a0: CharRef: "
					"invalid hexadecimal value\n");
	use_language("");
	expect_message("<a>R & D</a>",
		       "recit: t.xml:1:6: error: a lone & is not allowed: write & as &amp;\n");
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
	assert_non_null(strstr(s.text, "not well-formed XML: Excessive depth in document: 256"));
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
		cmocka_unit_test(test_text_in_nfc),
		cmocka_unit_test(test_billion_laughs_refused),
		cmocka_unit_test(test_external_entity_refused),
		cmocka_unit_test(test_syntax_error_located),
		cmocka_unit_test(test_syntax_errors_in_plain_words),
		cmocka_unit_test(test_syntax_errors_in_french),
		cmocka_unit_test(test_size_limit),
		cmocka_unit_test(test_deep_nesting_refused),
		cmocka_unit_test(test_missing_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
