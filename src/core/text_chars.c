/* text_chars.c - which characters data may hold, and text made safe to
 * print. Pure functions, apart from text_safe.c's reporting, so that diag.c
 * can escape its messages without a cycle. */
#include "text_safe.h"

#include <string.h>

#include <utf8proc.h>

static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool text_char_allowed(uint32_t cp)
{
	if (cp == '\t' || cp == '\n')
		return true;
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return false;
	return !is_bidi_control(cp) && cp != 0xFEFF;
}

bool text_find_refused(const char *s, size_t n, text_refused *r)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	int line = 0, col = 1;
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) { /* not UTF-8: the reader's business */
			i++;
			continue;
		}
		if (!text_char_allowed((uint32_t)cp)) {
			r->cp = (uint32_t)cp;
			r->offset = i;
			r->line = line;
			r->col = col;
			return true;
		}
		if (cp == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
		i += (size_t)k;
	}
	return false;
}

const char *text_char_name(uint32_t cp)
{
	static const char *const bidi[] = {
		"LEFT-TO-RIGHT EMBEDDING", "RIGHT-TO-LEFT EMBEDDING",
		"POP DIRECTIONAL FORMATTING", "LEFT-TO-RIGHT OVERRIDE",
		"RIGHT-TO-LEFT OVERRIDE"};
	static const char *const isolates[] = {"LEFT-TO-RIGHT ISOLATE", "RIGHT-TO-LEFT ISOLATE",
					       "FIRST STRONG ISOLATE", "POP DIRECTIONAL ISOLATE"};
	if (cp >= 0x202A && cp <= 0x202E)
		return bidi[cp - 0x202A];
	if (cp >= 0x2066 && cp <= 0x2069)
		return isolates[cp - 0x2066];
	switch (cp) {
	case 0x00: return "NULL";
	case 0x07: return "BELL";
	case 0x08: return "BACKSPACE";
	case 0x0B: return "LINE TABULATION";
	case 0x0C: return "FORM FEED";
	case 0x0D: return "CARRIAGE RETURN";
	case 0x1B: return "ESCAPE";
	case 0x7F: return "DELETE";
	case 0x85: return "NEXT LINE";
	case 0x9B: return "CONTROL SEQUENCE INTRODUCER";
	case 0xFEFF: return "ZERO WIDTH NO-BREAK SPACE";
	default: return NULL;
	}
}

void text_escape_print(strbuf *out, const char *s, size_t n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			strbuf_printf(out, "\\x%02x", p[i]);
			i++;
			continue;
		}
		if (cp != '\t' && (cp < 0x20 || cp == 0x7F))
			strbuf_printf(out, "\\x%02x", (unsigned)cp);
		else if (!text_char_allowed((uint32_t)cp))
			strbuf_printf(out, "\\u{%04X}", (unsigned)cp);
		else
			strbuf_add(out, s + i, (size_t)k);
		i += (size_t)k;
	}
}
