/* typeset_text.c - French typography on markup text (the spaces around
 * ; ! ? : % « »), and doc markup -> Pango markup / plain text.
 *
 * Builders write plain spaces; the rules live here so that every block gets
 * them, whatever produced it. Text inside tags and entities is never
 * touched, and neither is a token that looks like a URL or an address.
 *
 * Inclusive writing ("coopérant·es"): Pango 1.50 gives no line-break
 * opportunity at U+00B7, U+22C5 or U+2219 between letters (UAX #14 classes
 * AI/AL; checked with pango_get_log_attrs, see test_typeset_text.c), so no
 * WORD JOINER is needed. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "typeset_int.h"
#include "util.h"

#define NNBSP "\xE2\x80\xAF"
#define NBSP "\xC2\xA0"

static bool ends_with(const strbuf *b, const char *s)
{
	size_t n = strlen(s);
	return b->len >= n && memcmp(b->data + b->len - n, s, n) == 0;
}

static void chop(strbuf *b, size_t n)
{
	b->len -= n;
	b->data[b->len] = '\0';
}

static bool url_like_token(const char *p)
{
	for (; *p && *p != ' ' && *p != '\n' && *p != '\t'; p++) {
		if (*p == '@' || strncmp(p, "://", 3) == 0 || strncmp(p, "www.", 4) == 0 ||
		    strncmp(p, "mailto:", 7) == 0)
			return true;
	}
	return false;
}

/* Put the space `sp` before the punctuation about to be appended: replace
 * a plain space or a different no-break space, keep the right one, insert
 * it after a word. */
static void space_before(strbuf *out, const char *sp, bool after_word_only)
{
	if (ends_with(out, sp))
		return;
	if (ends_with(out, " ")) {
		chop(out, 1);
	} else if (ends_with(out, NBSP)) {
		chop(out, 2);
	} else if (ends_with(out, NNBSP)) {
		chop(out, 3);
	} else {
		if (out->len == 0)
			return;
		char last = out->data[out->len - 1];
		/* "?!" and "!!" take no space between; nor does a line start. */
		if (last == '\n' || last == '!' || last == '?' || last == ';' || last == ':' ||
		    last == '(' || last == '[')
			return;
		if (after_word_only && !(last >= '0' && last <= '9'))
			return;
	}
	strbuf_puts(out, sp);
}

char *ts_french_spacing(const char *markup)
{
	strbuf out = {0};
	const char *p = markup ? markup : "";
	bool protect = url_like_token(p);
	while (*p) {
		char c = *p;
		if (c == '<') {
			const char *e = strchr(p, '>');
			size_t n = e ? (size_t)(e - p) + 1 : strlen(p);
			strbuf_add(&out, p, n);
			p += n;
			continue;
		}
		if (c == '&') {
			const char *e = strchr(p, ';');
			size_t n = (e && e - p < 10) ? (size_t)(e - p) + 1 : 1;
			strbuf_add(&out, p, n);
			p += n;
			continue;
		}
		if (c == ' ' || c == '\n' || c == '\t') {
			strbuf_putc(&out, c);
			p++;
			protect = url_like_token(p);
			continue;
		}
		if (protect) {
			strbuf_putc(&out, c);
			p++;
			continue;
		}
		unsigned char prev = out.len ? (unsigned char)out.data[out.len - 1] : 0;
		if (c == '\'' && (((prev | 0x20) >= 'a' && (prev | 0x20) <= 'z') || prev >= 0x80)) {
			/* A typewriter apostrophe after a letter ("d'évaluation",
			 * "J'ai") is the typographic one, U+2019. */
			strbuf_puts(&out, "\xE2\x80\x99");
			p++;
			continue;
		}
		if (c == ';' || c == '!' || c == '?') {
			space_before(&out, NNBSP, false);
			strbuf_putc(&out, c);
			p++;
			continue;
		}
		if (c == ':') {
			bool digit_before = out.len && out.data[out.len - 1] >= '0' &&
					    out.data[out.len - 1] <= '9';
			bool digit_after = p[1] >= '0' && p[1] <= '9';
			/* "10:30" and "http://" keep their colon as is. */
			if (!(digit_before && digit_after) && p[1] != '/')
				space_before(&out, NBSP, false);
			strbuf_putc(&out, c);
			p++;
			continue;
		}
		if (c == '%') {
			/* Only after a number: "73 %" or "73%"; a lone "%" is left. */
			if (ends_with(&out, " ") || ends_with(&out, NNBSP) || ends_with(&out, NBSP) ||
			    (out.len && out.data[out.len - 1] >= '0' && out.data[out.len - 1] <= '9'))
				space_before(&out, NBSP, true);
			strbuf_putc(&out, c);
			p++;
			continue;
		}
		if (strncmp(p, "\xC2\xAB", 2) == 0) { /* « */
			strbuf_add(&out, p, 2);
			p += 2;
			if (*p == ' ')
				p++;
			else if (strncmp(p, NBSP, 2) == 0)
				p += 2;
			else if (strncmp(p, NNBSP, 3) == 0)
				p += 3;
			strbuf_puts(&out, NNBSP);
			continue;
		}
		if (strncmp(p, "\xC2\xBB", 2) == 0) { /* » */
			space_before(&out, NNBSP, false);
			strbuf_add(&out, p, 2);
			p += 2;
			continue;
		}
		strbuf_putc(&out, c);
		p++;
	}
	return strbuf_detach(&out);
}

static const char *const known_tags[] = {"b", "i"};

/* Parse "<b>", "</i>" at p: returns the tag length and sets idx and close, or
 * 0 when p does not start a known tag. */
static size_t tag_at(const char *p, size_t *idx, bool *close)
{
	const char *q = p + 1;
	*close = *q == '/';
	if (*close)
		q++;
	for (size_t i = 0; i < sizeof known_tags / sizeof known_tags[0]; i++) {
		size_t n = strlen(known_tags[i]);
		if (strncmp(q, known_tags[i], n) == 0 && q[n] == '>') {
			*idx = i;
			return (size_t)(q + n + 1 - p);
		}
	}
	return 0;
}

char *ts_pango_markup(const char *markup)
{
	strbuf out = {0};
	size_t stack[16];
	size_t depth = 0;
	for (const char *p = markup ? markup : ""; *p;) {
		if (*p == '<') {
			size_t idx;
			bool close;
			size_t n = tag_at(p, &idx, &close);
			if (n == 0) {
				/* Unknown tag: drop it whole if it looks like one,
				 * otherwise the '<' is text. */
				const char *e = strchr(p, '>');
				if (e && (g_ascii_isalpha(p[1]) || p[1] == '/') && !strchr(" <", p[1])) {
					p = e + 1;
				} else {
					strbuf_puts(&out, "&lt;");
					p++;
				}
				continue;
			}
			if (!close) {
				if (depth < sizeof stack / sizeof stack[0]) {
					stack[depth++] = idx;
					strbuf_add(&out, p, n);
				}
			} else if (depth && stack[depth - 1] == idx) {
				depth--;
				strbuf_add(&out, p, n);
			}
			/* A close tag that does not match is dropped: Pango would
			 * reject the whole string. */
			p += n;
			continue;
		}
		if (*p == '&') {
			size_t n = doc_entity_len(p);
			if (n) {
				strbuf_add(&out, p, n);
				p += n;
			} else {
				strbuf_puts(&out, "&amp;");
				p++;
			}
			continue;
		}
		if (*p == '>') {
			strbuf_puts(&out, "&gt;");
			p++;
			continue;
		}
		strbuf_putc(&out, *p++);
	}
	while (depth)
		strbuf_printf(&out, "</%s>", known_tags[stack[--depth]]);
	return strbuf_detach(&out);
}

