/* xml_read.h - the one way Récit parses XML (settings, templates, narrative,
 * interviews, identity sheets): hand-edited files are untrusted.
 *
 * Refuses files over a size limit and any document type declaration
 * (<!DOCTYPE ...>), which is where entity bombs ("billion laughs", quadratic
 * blow-up) and external entities live; Récit's formats need none. Parses with
 * network access off, no DTD loading, no entity substitution, libxml2's
 * default depth and size limits (XML_PARSE_HUGE is never set), and big line
 * numbers. The first syntax error is reported with file:line:col, in plain
 * words (xml_report_error). Text and attribute values come back in Unicode
 * normal form C (xml_normalize_text). */
#ifndef RECIT_XML_READ_H
#define RECIT_XML_READ_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "diag.h"

#define XML_READ_MAX_BYTES ((size_t)16 << 20)

/* Parse path; on failure report to d and return NULL. what names the file's
 * role in messages ("cannot read the report settings"): an English message
 * id marked with N_(), translated here. max_bytes 0 means
 * XML_READ_MAX_BYTES. Free the result with xmlFreeDoc. */
xmlDoc *xml_read_file(diag_sink *d, const char *path, const char *what, size_t max_bytes);
/* Same from memory (name is used in messages). */
xmlDoc *xml_read_memory(diag_sink *d, const char *name, const char *data, size_t len,
			size_t max_bytes);

/* Report one libxml2 error (the parser's, or a RELAX NG schema's) to d, at
 * its file:line:column, in plain words and the user's language: the common
 * syntax errors say what to write instead ("a lone & is not allowed: write &
 * as &amp;"); others keep libxml2's text after "not well-formed XML: ".
 * file names the document when libxml2 does not (validation). Call it from
 * a structured error handler (xmlSetStructuredErrorFunc): it looks at the
 * parser's position. Returns true when it reported an error (not a
 * warning, nor nothing). */
bool xml_report_error(diag_sink *d, const char *file, const xmlError *e);

/* Line (1-based) of the first "<!DOCTYPE" outside comments and processing
 * instructions, or 0: for readers that call libxml2 themselves (templates),
 * to refuse a DTD before the parser expands anything. */
int xml_doctype_line(const char *data, size_t len);

/* Put every text node and attribute value of x in Unicode normal form C, so
 * that ids, codes and names compare equal however their accents were typed
 * (precomposed, or a letter and a combining mark). xml_read_* do it; for
 * readers that call libxml2 themselves (templates). */
void xml_normalize_text(xmlDoc *x);

/* Refuse the characters data may not hold (text_safe.h) in every text node
 * and attribute value of x, each at its file:line (the attribute named as
 * the field). xml_read_* do it; for readers that call libxml2 themselves
 * (templates, narrative). Returns true when all is clean. */
bool xml_check_text(diag_sink *d, const char *file, const xmlDoc *x);

/* An attribute's value as a heap string (free()), or NULL when absent:
 * libxml2's own strings must go back through xmlFree, which callers
 * mixing them with ours would get wrong. */
char *xml_attr_dup(const xmlNode *n, const char *name);

#endif
