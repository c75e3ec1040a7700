/* xml_read.c - safe XML parsing for every hand-edited input. */
#include "xml_read.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "i18n.h"
#include "util.h"

typedef struct {
	bool set;
	int line, col;
	char message[256];
} first_error;

static void keep_first(void *ctx, xmlErrorPtr e)
{
	first_error *f = ctx;
	if (f->set || !e || e->level < XML_ERR_ERROR)
		return;
	f->set = true;
	f->line = e->line;
	f->col = e->int2;
	snprintf(f->message, sizeof f->message, "%s", e->message ? e->message : "?");
	/* libxml2 messages end with a newline; ours must not. */
	size_t n = strlen(f->message);
	while (n > 0 && (f->message[n - 1] == '\n' || f->message[n - 1] == ' '))
		f->message[--n] = '\0';
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
	first_error first = {0};
	xmlSetStructuredErrorFunc(&first, keep_first);
	xmlDoc *x = xmlReadMemory(data, (int)len, name, "UTF-8",
				  XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
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
	if (!x || first.set) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(name, first.line, first.col), NULL,
			  "not well-formed XML: %s", first.set ? first.message : "unreadable");
		xmlFreeDoc(x);
		return NULL;
	}
	if (!xmlDocGetRootElement(x)) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(name, 0, 0), NULL, "empty XML document");
		xmlFreeDoc(x);
		return NULL;
	}
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
		else
			diag_emit(d, DIAG_ERROR, SRC_LOC(path, 0, 0), NULL, "cannot read the %s: %s",
				  _(what ? what : N_("file")), read_file_error(errno));
		return NULL;
	}
	xmlDoc *x = xml_read_memory(d, path, data, len, max_bytes);
	free(data);
	return x;
}

char *xml_attr_dup(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *r = v ? xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return r;
}
