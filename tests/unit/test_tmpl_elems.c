/* The element table (src/templates/tmpl_elems.h) against what must agree
 * with it: the Relax NG schemas layouts/recit-layout.rng and
 * layouts/recit-narratif.rng (every element, attribute and attribute word,
 * both ways), and docs/templates.md (its « Element index » is generated
 * from the table's documentation lines, and every element is described in
 * the prose too). Positive controls: a schema and a table that differ on
 * purpose must be told apart, difference by difference.
 *
 * `test_tmpl_elems --update` rewrites the index in docs/templates.md
 * (cmake --build B --target templates-docs-update). */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "tmpl_elems.h"
#include "outfile.h"
#include "util.h"

static const char *src_dir(void)
{
	const char *s = getenv("RECIT_SOURCE_DIR");
	return s ? s : ".";
}

static char *slurp(const char *rel)
{
	char *path = xasprintf("%s/%s", src_dir(), rel);
	size_t len = 0;
	char *text = read_file(path, 1 << 22, &len);
	if (!text)
		fail_msg("cannot read %s", path);
	free(path);
	return text;
}

/* ---- facts: "<elem>", "<elem> @attr", "<elem> @attr = word" ----------------- */

typedef struct {
	char **v;
	size_t n;
} facts;

static void fact_add(facts *f, char *s)
{
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->v[i], s)) {
			free(s); /* <si> and <pour-chaque> are defined once per context */
			return;
		}
	f->v = xreallocarray(f->v, f->n + 1, sizeof *f->v);
	f->v[f->n++] = s;
}

static bool fact_has(const facts *f, const char *s)
{
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->v[i], s))
			return true;
	return false;
}

static void facts_free(facts *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
}

static void table_facts(const tmpl_vocab *v, facts *out)
{
	for (size_t i = 0; i < tmpl_vocab_count(v); i++) {
		const tmpl_elem *e = tmpl_vocab_at(v, i);
		fact_add(out, xasprintf("<%s>", e->name));
		for (size_t a = 0; a < tmpl_elem_n_attrs(e); a++) {
			fact_add(out, xasprintf("<%s> @%s", e->name, e->attrs[a][0]));
			for (size_t w = 0; w < tmpl_attr_n_words(e->attrs[a]); w++)
				fact_add(out, xasprintf("<%s> @%s = %s", e->name, e->attrs[a][0],
							e->attrs[a][1 + w]));
		}
	}
}

/* ---- the schema's facts --------------------------------------------------------- */

static bool rng(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static char *prop(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *r = xstrdup(v ? (const char *)v : "");
	xmlFree(v);
	return r;
}

/* The <define name=...> of the grammar. */
static xmlNode *define(xmlDoc *g, const char *name)
{
	for (xmlNode *d = xmlDocGetRootElement(g)->children; d; d = d->next) {
		if (!rng(d, "define"))
			continue;
		char *dn = prop(d, "name");
		bool hit = !strcmp(dn, name);
		free(dn);
		if (hit)
			return d;
	}
	fail_msg("<ref name=\"%s\"> has no <define>", name);
	return NULL;
}

/* The <define> a <ref> names, or n itself. */
static xmlNode *deref(xmlDoc *g, xmlNode *n)
{
	if (!rng(n, "ref"))
		return n;
	char *name = prop(n, "name");
	xmlNode *d = define(g, name);
	free(name);
	return d;
}

/* The <value>s below n, through <ref>s: an attribute's words. */
static void words(xmlDoc *g, const xmlNode *n, const char *prefix, facts *out, int depth)
{
	assert_true(depth < 32);
	for (xmlNode *c = n->children; c; c = c->next) {
		if (rng(c, "value")) {
			xmlChar *w = xmlNodeGetContent(c);
			fact_add(out, xasprintf("%s = %s", prefix, (const char *)w));
			xmlFree(w);
		} else if (c->type == XML_ELEMENT_NODE)
			words(g, deref(g, c), prefix, out, depth + 1);
	}
}

/* The attributes of element elem: below n, through <ref>s, but not inside
 * a nested <element> (its attributes are its own). */
static void attributes(xmlDoc *g, const xmlNode *n, const char *elem, facts *out, int depth)
{
	assert_true(depth < 32);
	for (xmlNode *c = n->children; c; c = c->next) {
		if (rng(c, "element"))
			continue;
		if (rng(c, "attribute")) {
			char *name = prop(c, "name");
			char *fact = xasprintf("<%s> @%s", elem, name);
			words(g, c, fact, out, depth + 1);
			fact_add(out, fact);
			free(name);
		} else if (c->type == XML_ELEMENT_NODE)
			attributes(g, deref(g, c), elem, out, depth + 1);
	}
}

static void schema_facts_of(xmlDoc *g, const xmlNode *n, facts *out)
{
	for (; n; n = n->next) {
		if (rng(n, "element")) {
			char *name = prop(n, "name");
			assert_true(*name); /* the language names its elements, never <name> */
			fact_add(out, xasprintf("<%s>", name));
			attributes(g, n, name, out, 0);
			free(name);
		}
		schema_facts_of(g, n->children, out);
	}
}

static void schema_facts(const char *text, facts *out)
{
	xmlDoc *g = xmlReadMemory(text, (int)strlen(text), "schema.rng", "UTF-8", XML_PARSE_NONET);
	assert_non_null(g);
	schema_facts_of(g, xmlDocGetRootElement(g), out);
	xmlFreeDoc(g);
}

/* ---- the comparison -------------------------------------------------------------- */

/* One line per difference, "table only: <x> @y" or "schema only: ...";
 * returns how many. */
static size_t compare(const tmpl_vocab *v, const char *schema, strbuf *report)
{
	facts t = {0}, s = {0};
	table_facts(v, &t);
	schema_facts(schema, &s);
	size_t n = 0;
	for (size_t i = 0; i < t.n; i++)
		if (!fact_has(&s, t.v[i])) {
			strbuf_printf(report, "table only: %s\n", t.v[i]);
			n++;
		}
	for (size_t i = 0; i < s.n; i++)
		if (!fact_has(&t, s.v[i])) {
			strbuf_printf(report, "schema only: %s\n", s.v[i]);
			n++;
		}
	facts_free(&t);
	facts_free(&s);
	return n;
}

static void expect_same(const tmpl_vocab *v, const char *rng_file)
{
	char *schema = slurp(rng_file);
	strbuf report = {0};
	size_t n = compare(v, schema, &report);
	if (n)
		fail_msg("%s and the element table (src/templates/tmpl_*.c) differ:\n%s", rng_file,
			 report.data);
	strbuf_free(&report);
	free(schema);
}

static void test_layout_schema(void **state)
{
	(void)state;
	expect_same(&tmpl_layout_vocab, "layouts/recit-layout.rng");
}

static void test_narrative_schema(void **state)
{
	(void)state;
	expect_same(&tmpl_narrative_vocab, "layouts/recit-narratif.rng");
}

static char *replace(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);
	assert_non_null(at);
	return xasprintf("%.*s%s%s", (int)(at - s), s, to, at + strlen(from));
}

/* Control: a schema with one element more and a word changed. */
static void test_schema_that_differs(void **state)
{
	(void)state;
	char *real = slurp("layouts/recit-layout.rng");
	char *a = replace(real, "</grammar>",
			  "<define name=\"x\"><element name=\"nouveau\"><attribute name=\"a\"/>"
			  "</element></define></grammar>");
	char *b = replace(a, "<value>paysage</value>", "<value>paysages</value>");
	strbuf report = {0};
	assert_int_equal(compare(&tmpl_layout_vocab, b, &report), 4);
	assert_string_equal(report.data, "table only: <partie> @orientation = paysage\n"
					 "schema only: <partie> @orientation = paysages\n"
					 "schema only: <nouveau>\n"
					 "schema only: <nouveau> @a\n");
	strbuf_free(&report);
	free(b);
	free(a);
	free(real);
}

/* Control: a table without <image> and with an element of its own. */
static void test_table_that_differs(void **state)
{
	(void)state;
	static const tmpl_elem extra[] = {{"bidon", "a test", NULL, NULL, {{"x", "un", "deux"}}}};
	static const tmpl_elem_family extra_family = {extra, 1};
	const tmpl_elem_family *families[16];
	size_t n = 0;
	for (size_t i = 0; i < tmpl_layout_vocab.n; i++)
		if (tmpl_layout_vocab.families[i] != &tmpl_family_image)
			families[n++] = tmpl_layout_vocab.families[i];
	families[n++] = &extra_family;
	tmpl_vocab fake = {families, n};
	char *schema = slurp("layouts/recit-layout.rng");
	strbuf report = {0};
	assert_int_equal(compare(&fake, schema, &report), 12);
	assert_string_equal(report.data, "table only: <bidon>\n"
					 "table only: <bidon> @x\n"
					 "table only: <bidon> @x = un\n"
					 "table only: <bidon> @x = deux\n"
					 "schema only: <image>\n"
					 "schema only: <image> @fichier\n"
					 "schema only: <image> @largeur\n"
					 "schema only: <image> @legende\n"
					 "schema only: <image> @alt\n"
					 "schema only: <image> @facultatif = oui\n"
					 "schema only: <image> @facultatif = non\n"
					 "schema only: <image> @facultatif\n");
	strbuf_free(&report);
	free(schema);
}

/* ---- docs/templates.md ------------------------------------------------------------ */

#define INDEX_BEGIN "<!-- element-index: generated from the element table by tests/unit/test_tmpl_elems.c -->\n"
#define INDEX_END "<!-- end of element-index -->\n"

/* The « Element index » table, from the table's documentation lines. */
static char *element_index(void)
{
	strbuf b = {0};
	strbuf_puts(&b, INDEX_BEGIN "| element | attributes | what it does |\n| --- | --- | --- |\n");
	for (size_t i = 0; i < tmpl_vocab_count(&tmpl_layout_vocab); i++) {
		const tmpl_elem *e = tmpl_vocab_at(&tmpl_layout_vocab, i);
		strbuf_printf(&b, "| `<%s>` | ", e->name);
		size_t na = tmpl_elem_n_attrs(e);
		for (size_t a = 0; a < na; a++) {
			const char *const *attr = e->attrs[a];
			strbuf_printf(&b, "%s`%s`", a ? ", " : "", attr[0]);
			for (size_t w = 0; w < tmpl_attr_n_words(attr); w++)
				strbuf_printf(&b, "%s`%s`%s", w ? "/" : " (", attr[1 + w],
					      w + 1 == tmpl_attr_n_words(attr) ? ")" : "");
		}
		strbuf_printf(&b, "%s | %s |\n", na ? "" : "—", e->doc);
	}
	strbuf_puts(&b, INDEX_END);
	return strbuf_detach(&b);
}

/* The index as docs/templates.md has it (begin marker to end marker), or
 * NULL; *before and *after get the text around it. */
static char *doc_index(const char *md, size_t *before, size_t *after)
{
	const char *a = strstr(md, INDEX_BEGIN), *z = a ? strstr(a, INDEX_END) : NULL;
	if (!z)
		return NULL;
	*before = (size_t)(a - md);
	*after = (size_t)(z - md) + strlen(INDEX_END);
	return xstrndup(a, *after - *before);
}

static void test_docs_index(void **state)
{
	(void)state;
	char *md = slurp("docs/templates.md");
	size_t before = 0, after = 0;
	char *have = doc_index(md, &before, &after), *want = element_index();
	if (!have || strcmp(have, want)) {
		printf("Expected in docs/templates.md:\n%s", want);
		fail_msg("docs/templates.md: the element index is not the element table's; rewrite "
			 "it with `cmake --build B --target templates-docs-update`");
	}
	free(have);
	free(want);
	free(md);
}

/* Every element is also described by hand outside the index: "<name>",
 * "<name " or "<name/" somewhere in the rest of the page. */
static void test_docs_prose(void **state)
{
	(void)state;
	char *md = slurp("docs/templates.md");
	size_t before = 0, after = 0;
	char *index = doc_index(md, &before, &after);
	assert_non_null(index);
	free(index);
	memset(md + before, ' ', after - before);
	strbuf missing = {0};
	for (size_t i = 0; i < tmpl_vocab_count(&tmpl_layout_vocab); i++) {
		const char *name = tmpl_vocab_at(&tmpl_layout_vocab, i)->name;
		bool found = false;
		for (const char *p = md; !found && (p = strstr(p, "<")); p++)
			found = !strncmp(p + 1, name, strlen(name)) &&
				strchr("> /", p[1 + strlen(name)]) && p[1 + strlen(name)];
		if (!found)
			strbuf_printf(&missing, " <%s>", name);
	}
	if (missing.len)
		fail_msg("docs/templates.md does not describe:%s", missing.data);
	strbuf_free(&missing);
	free(md);
}

/* `--update`: rewrite the index of docs/templates.md in place. */
static int update_docs(void)
{
	char *path = xasprintf("%s/docs/templates.md", src_dir());
	char *md = slurp("docs/templates.md");
	size_t before = 0, after = 0;
	char *have = doc_index(md, &before, &after);
	if (!have) {
		fprintf(stderr, "%s: no element index markers (%s)\n", path, INDEX_BEGIN);
		return 1;
	}
	char *want = element_index();
	char *text = xasprintf("%.*s%s%s", (int)before, md, want, md + after);
	if (write_file_atomic(path, text, strlen(text)) != 0) {
		perror(path);
		return 1;
	}
	free(text);
	printf("%s: element index %s\n", path, strcmp(have, want) ? "rewritten" : "unchanged");
	free(want);
	free(have);
	free(md);
	free(path);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--update"))
		return update_docs();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_schema),
		cmocka_unit_test(test_narrative_schema),
		cmocka_unit_test(test_schema_that_differs),
		cmocka_unit_test(test_table_that_differs),
		cmocka_unit_test(test_docs_index),
		cmocka_unit_test(test_docs_prose),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
