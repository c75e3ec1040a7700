/* doc_markup.c - the document's inline markup (doc.h): escaping data into
 * it, recognising its entities, and taking it back to plain text for
 * outlines, chart descriptions and messages. No Pango here: the typesetter
 * turns the same markup into Pango's (typeset_text.c). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "util.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_xdigit(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

char *doc_escape(const char *plain)
{
	strbuf b = {0};
	for (const char *p = plain ? plain : ""; *p; p++) {
		switch (*p) {
		case '&': strbuf_puts(&b, "&amp;"); break;
		case '<': strbuf_puts(&b, "&lt;"); break;
		case '>': strbuf_puts(&b, "&gt;"); break;
		case '"': strbuf_puts(&b, "&quot;"); break;
		default: strbuf_putc(&b, *p);
		}
	}
	return strbuf_detach(&b);
}

/* Length of a valid entity at p ("&amp;", "&#233;"), or 0. */
size_t doc_entity_len(const char *p)
{
	static const char *const names[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strncmp(p, names[i], strlen(names[i])) == 0)
			return strlen(names[i]);
	if (p[1] == '#') {
		size_t i = 2;
		bool hex = p[2] == 'x' || p[2] == 'X';
		if (hex)
			i++;
		size_t start = i;
		while (is_digit(p[i]) || (hex && is_xdigit(p[i])))
			i++;
		if (i > start && i - start < 8 && p[i] == ';')
			return i + 1;
	}
	return 0;
}

char *doc_plain_text(const char *markup)
{
	strbuf out = {0};
	for (const char *p = markup ? markup : ""; *p;) {
		if (*p == '<') {
			const char *e = strchr(p, '>');
			if (e) {
				p = e + 1;
				continue;
			}
		}
		if (*p == '&') {
			size_t n = doc_entity_len(p);
			if (n) {
				if (p[1] == '#') {
					unsigned long u = p[2] == 'x' || p[2] == 'X'
								  ? strtoul(p + 3, NULL, 16)
								  : strtoul(p + 2, NULL, 10);
					if (u != 0)
						strbuf_put_utf8(&out, u);
				} else {
					strbuf_putc(&out, p[1] == 'a' ? (p[2] == 'm' ? '&' : '\'')
							     : p[1] == 'l' ? '<'
							     : p[1] == 'g' ? '>'
									   : '"');
				}
				p += n;
				continue;
			}
		}
		strbuf_putc(&out, *p++);
	}
	return strbuf_detach(&out);
}
