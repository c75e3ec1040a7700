/* xml_read.c - safe XML parsing for every hand-edited input, and libxml2's
 * errors in plain words. */
#include "xml_read.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "i18n.h"
#include "text.h"
#include "text_safe.h"
#include "util.h"

/* --- libxml2's errors ------------------------------------------------------------ */

/* libxml2's own text, on one line, without its final newline. */
static void tidy(char *out, size_t size, const char *msg)
{
	snprintf(out, size, "%s", msg ? msg : "?");
	for (char *p = out; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	size_t n = strlen(out);
	while (n > 0 && out[n - 1] == ' ')
		out[--n] = '\0';
}

/* The byte before the parser's position, which tells a lone "&" or "<"
 * from another missing name. Only valid while libxml2 reports the error. */
static int byte_before(const xmlError *e)
{
	const xmlParserCtxt *c = e->ctxt;
	if (!c || !c->input || !c->input->cur || c->input->cur <= c->input->base)
		return 0;
	return c->input->cur[-1];
}

/* Messages said for more than one code (macros, for the table below). */
#define NOT_UTF8 N_("not valid UTF-8: save the file with the UTF-8 encoding in your text editor")
#define NO_ROOT \
	N_("expected the file's root element (<name>...</name>), found nothing or plain text")
#define QUOTE_NOT_CLOSED N_("a quoted value is not closed: add the closing quote (\" or ')")

/* Syntax errors whose message takes no detail, in plain words. */
static const struct {
	int code;
	const char *message;
} PLAIN[] = {
	{XML_ERR_ENTITYREF_SEMICOL_MISSING,
	 N_("a & starts a reference such as &amp; that ends with ;: write a lone & as &amp;")},
	{XML_ERR_LT_IN_ATTRIBUTE, N_("< is not allowed in an attribute value: write it &lt;")},
	{XML_ERR_ATTRIBUTE_NOT_STARTED,
	 N_("expected an attribute value in quotes, such as name=\"value\"")},
	{XML_ERR_ATTRIBUTE_NOT_FINISHED, QUOTE_NOT_CLOSED},
	{XML_ERR_LITERAL_NOT_FINISHED, QUOTE_NOT_CLOSED},
	{XML_ERR_STRING_NOT_CLOSED, QUOTE_NOT_CLOSED},
	{XML_ERR_SPACE_REQUIRED,
	 N_("expected a space here (between two attributes, for instance)")},
	{XML_ERR_DOCUMENT_END,
	 N_("content after the end of the root element: an XML file holds one root element; "
	    "move this inside it or remove it")},
	{XML_ERR_DOCUMENT_EMPTY, NO_ROOT},
	{XML_ERR_COMMENT_NOT_FINISHED, N_("a comment (<!-- ...) is not closed: end it with -->")},
	{XML_ERR_MISPLACED_CDATA_END, N_("]]> is not allowed in text: write it ]]&gt;")},
	{XML_ERR_CDATA_NOT_FINISHED, N_("a <![CDATA[ section is not closed: end it with ]]>")},
	{XML_ERR_INVALID_ENCODING, NOT_UTF8},
};

/* Report a parser error whose code has a plain message; false for the
 * others. */
static bool report_syntax(diag_sink *d, diag_level lv, src_loc loc, const xmlError *e)
{
	const char *s1 = e->str1 ? e->str1 : "";
	for (size_t i = 0; i < sizeof PLAIN / sizeof *PLAIN; i++)
		if (PLAIN[i].code == e->code) {
			diag_emit(d, lv, loc, NULL, "%s", _(PLAIN[i].message));
			return true;
		}
	switch (e->code) {
	case XML_ERR_NAME_REQUIRED: {
		int before = byte_before(e);
		if ((before == '&' || before == '<') && loc.col > 1)
			loc.col--; /* point at it, not after it */
		if (before == '&')
			diag_emit(d, lv, loc, NULL, "a lone & is not allowed: write & as &amp;");
		else if (before == '<')
			diag_emit(d, lv, loc, NULL,
				  "a lone < is not allowed (a tag name must follow it): write < as "
				  "&lt;");
		else
			diag_emit(d, lv, loc, NULL,
				  "expected a name here (of an element or an attribute, starting "
				  "with a letter)");
		return true;
	}
	case XML_ERR_UNDECLARED_ENTITY:
		diag_emit(d, lv, loc, NULL,
			  "&%s; is not defined (XML defines only &amp;, &lt;, &gt;, &quot; and "
			  "&apos;): type the character itself, or write & as &amp;",
			  s1);
		return true;
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		diag_emit(d, lv, loc, NULL, "attribute %s has no value: write %s=\"...\"", s1, s1);
		return true;
	case XML_ERR_ATTRIBUTE_REDEFINED:
		diag_emit(d, lv, loc, NULL,
			  "attribute %s is given twice on the same element: keep one", s1);
		return true;
	case XML_ERR_GT_REQUIRED:
		if (*s1)
			diag_emit(d, lv, loc, NULL,
				  "the tag <%s> is not closed: end it with > (or with /> for an "
				  "empty element)",
				  s1);
		else
			diag_emit(d, lv, loc, NULL, "a tag is not closed: end it with >");
		return true;
	case XML_ERR_TAG_NAME_MISMATCH:
		diag_emit(d, lv, loc, NULL,
			  "expected </%s> to close <%s> of line %d, found </%s>: add the missing "
			  "closing tag or correct its name",
			  s1, s1, e->int1, e->str2 ? e->str2 : "");
		return true;
	case XML_ERR_TAG_NOT_FINISHED:
		diag_emit(d, lv, loc, NULL,
			  "<%s> of line %d is not closed: add </%s> (the file ends before it)", s1,
			  e->int1, s1);
		return true;
	case XML_ERR_INVALID_CHAR:
		/* libxml2 2.9 reports bytes that are not UTF-8 with this code and
		 * the bytes in str1; later versions say XML_ERR_INVALID_ENCODING. */
		if (e->str1)
			diag_emit(d, lv, loc, NULL, "%s", _(NOT_UTF8));
		else if (e->int1 > 0)
			diag_emit(d, lv, loc, NULL,
				  "character U+%04X is not allowed in XML: remove it",
				  (unsigned)e->int1);
		else
			diag_emit(d, lv, loc, NULL,
				  "invalid character reference (&#...;): remove it or write the "
				  "character itself");
		return true;
	default:
		return false;
	}
}

bool xml_report_error(diag_sink *d, const char *file, const xmlError *e)
{
	if (!e || e->level == XML_ERR_NONE)
		return false;
	diag_level lv = e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR;
	bool parser = e->domain == XML_FROM_PARSER;
	/* After a syntax error libxml2 reads on and reports what follows from
	 * it (one missing closing tag makes every later one mismatch); it marks
	 * the document malformed after reporting the first, the one worth
	 * reading. */
	const xmlParserCtxt *c = parser ? e->ctxt : NULL;
	if (c && !c->wellFormed)
		return false;
	bool schema = e->domain == XML_FROM_RELAXNGV;
	long line = e->node ? xmlGetLineNo(e->node) : e->line;
	src_loc loc = SRC_LOC(e->file && !schema ? e->file : file,
			      line > 0 && line < INT_MAX ? (int)line : 0, parser ? e->int2 : 0);
	if (parser && report_syntax(d, lv, loc, e))
		return lv == DIAG_ERROR;
	char msg[512];
	tidy(msg, sizeof msg, e->message);
	if (schema)
		diag_emit(d, lv, loc, NULL, "does not match the schema: %s", msg);
	else if (parser)
		diag_emit(d, lv, loc, NULL, "not well-formed XML: %s", msg);
	else
		diag_emit(d, lv, loc, NULL, "%s", msg);
	return lv == DIAG_ERROR;
}

/* --- reading ---------------------------------------------------------------------- */

typedef struct {
	diag_sink *d;
	const char *name;
	bool failed;
} first_error;

/* The first error only: the parser's later ones mostly follow from it. */
static void report_first(void *ctx, xmlErrorPtr e)
{
	first_error *f = ctx;
	if (!f->failed && e && e->level >= XML_ERR_ERROR)
		f->failed = xml_report_error(f->d, f->name, e);
}

/* Line of the first "<!DOCTYPE" outside comments and processing
 * instructions, or 0. A fast check with a line number for the message;
 * xml_read_memory() also refuses any DTD the parser saw, so a construct this
 * scan misreads cannot smuggle one in. */
int xml_doctype_line(const char *data, size_t len)
{
	int line = 1;
	for (size_t i = 0; i < len; i++) {
		bool comment = data[i] == '<' && i + 4 <= len && memcmp(data + i, "<!--", 4) == 0;
		bool pi = data[i] == '<' && i + 2 <= len && data[i + 1] == '?';
		if (data[i] == '\n')
			line++;
		else if (comment || pi) {
			const char *close = comment ? "-->" : "?>";
			size_t from = i + (comment ? 4 : 2), n = comment ? 3 : 2;
			const char *end = NULL;
			for (size_t j = from; j + n <= len; j++)
				if (memcmp(data + j, close, n) == 0) {
					end = data + j;
					break;
				}
			if (!end)
				return 0; /* unterminated: the parser will say so */
			for (const char *p = data + i; p < end; p++)
				line += *p == '\n';
			i = (size_t)(end - data) + n - 1;
		} else if (data[i] == '<' && i + 9 <= len && memcmp(data + i, "<!DOCTYPE", 9) == 0)
			return line;
	}
	return 0;
}

xmlDoc *xml_read_memory(diag_sink *d, const char *name, const char *data, size_t len,
			size_t max_bytes)
{
	if (!max_bytes)
		max_bytes = XML_READ_MAX_BYTES;
	if (len > max_bytes) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(name, 0, 0), NULL,
			  "file too large: %zu bytes, the limit is %zu", len, max_bytes);
		return NULL;
	}
	if (len > (size_t)0x7fffffff) /* libxml2 takes an int */
		return NULL;
	int dl = xml_doctype_line(data, len);
	if (dl) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(name, dl, 0), NULL,
			  "document type declarations (<!DOCTYPE ...>) are not allowed: remove "
			  "it (Récit's formats need no DTD or entities)");
		return NULL;
	}
	first_error first = {d, name, false};
	xmlSetStructuredErrorFunc(&first, report_first);
	xmlDoc *x = len ? xmlReadMemory(data, (int)len, name, "UTF-8",
				      XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA)
			: NULL;
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (x && (x->intSubset || x->extSubset)) {
		/* The parser is the judge of what is a DOCTYPE, not the scan above.
		 * Refuse before anyone reads a text node: xmlNodeGetContent expands
		 * entity references (a 200 KB file could grow to gigabytes). */
		diag_emit(d, DIAG_ERROR, SRC_LOC(name, 0, 0), NULL,
			  "document type declarations (<!DOCTYPE ...>) are not allowed: remove "
			  "it (Récit's formats need no DTD or entities)");
		xmlFreeDoc(x);
		return NULL;
	}
	if (!x || first.failed) {
		if (!first.failed) /* an empty file: libxml2 says nothing */
			diag_emit(d, DIAG_ERROR, SRC_LOC(name, 0, 0), NULL, "%s",
				  len ? _("not well-formed XML") : _(NO_ROOT));
		xmlFreeDoc(x);
		return NULL;
	}
	if (!xmlDocGetRootElement(x)) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(name, 0, 0), NULL, "empty XML document");
		xmlFreeDoc(x);
		return NULL;
	}
	xml_normalize_text(x);
	xml_check_text(d, name, x);
	return x;
}

xmlDoc *xml_read_file(diag_sink *d, const char *path, const char *what, size_t max_bytes)
{
	if (!max_bytes)
		max_bytes = XML_READ_MAX_BYTES;
	size_t len = 0;
	char *data = read_file(path, max_bytes, &len);
	if (!data) {
		if (errno == EFBIG)
			diag_emit(d, DIAG_ERROR, SRC_LOC(path, 0, 0), NULL,
				  "file too large: the limit is %zu bytes", max_bytes);
		else /* missing: the inputs are wrong; there but unreadable: the
		      * system (exit 3), as in csv_read.c */
			diag_emit(d, errno == ENOENT ? DIAG_ERROR : DIAG_FATAL, SRC_LOC(path, 0, 0),
				  NULL, "cannot read the %s: %s", _(what ? what : N_("file")),
				  read_file_error(errno));
		return NULL;
	}
	xmlDoc *x = xml_read_memory(d, path, data, len, max_bytes);
	free(data);
	return x;
}

/* --- one spelling of each letter ------------------------------------------------------ */

static void normalize_node(xmlNode *n)
{
	for (; n; n = n->next) {
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content &&
		    !text_is_nfc((const char *)n->content)) {
			char *c = text_normalize((const char *)n->content, 0);
			xmlNodeSetContent(n, (const xmlChar *)c);
			free(c);
		}
		if (n->type == XML_ELEMENT_NODE)
			for (xmlAttr *a = n->properties; a; a = a->next)
				normalize_node(a->children);
		normalize_node(n->children);
	}
}

void xml_normalize_text(xmlDoc *x)
{
	if (x)
		normalize_node(x->children);
}

/* --- characters refused in data ---------------------------------------------- */

static int node_line(const xmlNode *n)
{
	long l = xmlGetLineNo(n);
	return l > 0 && l < INT_MAX ? (int)l : 0;
}

static int newlines(const xmlNode *n)
{
	int k = 0;
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE ||
		    n->type == XML_COMMENT_NODE)
			for (const xmlChar *p = n->content; p && *p; p++)
				k += *p == '\n';
		if (n->type == XML_ELEMENT_NODE)
			k += newlines(n->children);
	}
	return k;
}

/* The line where a text node starts. libxml2 numbers a text node where the
 * parser stood when it handed over the text's first chunk (the end of a
 * short text, somewhere inside a long one), so it is counted instead: from
 * the nearest element before it (its start tag's line, plus the line
 * breaks of its content), or from the parent's start tag, plus the line
 * breaks of the text and comments between. */
static int text_start_line(const xmlNode *n)
{
	int k = 0;
	const xmlNode *p = n->prev;
	for (; p && p->type != XML_ELEMENT_NODE; p = p->prev)
		for (const xmlChar *c = p->content; c && *c; c++)
			k += *c == '\n';
	if (p)
		return node_line(p) + newlines(p->children) + k;
	return n->parent && n->parent->type == XML_ELEMENT_NODE ? node_line(n->parent) + k : 0;
}

static bool check_text_node(diag_sink *d, const char *file, const xmlNode *n, const char *field)
{
	const char *s = (const char *)n->content;
	text_refused r;
	if (!s || !text_find_refused(s, strlen(s), &r))
		return true;
	int start = text_start_line(n);
	int line = start > 0 ? start + r.line : 0;
	/* The column is known on the text's own lines, not on the line where
	 * it follows its start tag. */
	return text_check_data(d, SRC_LOC(file, line, r.line > 0 ? r.col : 0), field, s, false);
}

static bool check_node(diag_sink *d, const char *file, const xmlNode *n)
{
	bool ok = true;
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			ok &= check_text_node(d, file, n, NULL);
		if (n->type == XML_ELEMENT_NODE)
			for (const xmlAttr *a = n->properties; a; a = a->next)
				for (const xmlNode *t = a->children; t; t = t->next) {
					const char *v = (const char *)t->content;
					if (v && !text_check_data(d, SRC_LOC(file, node_line(n), 0),
								  (const char *)a->name, v, false))
						ok = false;
				}
		ok &= check_node(d, file, n->children);
	}
	return ok;
}

bool xml_check_text(diag_sink *d, const char *file, const xmlDoc *x)
{
	return x ? check_node(d, file, x->children) : true;
}

char *xml_attr_dup(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *r = v ? xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return r;
}
