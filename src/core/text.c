/* text.c - Unicode normal forms (utf8proc), edit distance and suggestions
 * (text.h). */
#include "text.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "i18n.h"
#include "util.h"

/* --- normal forms ---------------------------------------------------------------- */

static utf8proc_option_t options(unsigned flags)
{
	int o = UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	if (flags & TEXT_FOLD_CASE)
		o |= UTF8PROC_CASEFOLD;
	if (flags & TEXT_FOLD_MARKS)
		o |= UTF8PROC_STRIPMARK;
	if (flags & TEXT_FOLD_COMPAT)
		o |= UTF8PROC_COMPAT | UTF8PROC_LUMP | UTF8PROC_IGNORE;
	return (utf8proc_option_t)o;
}

static bool ascii_only(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* Letters Unicode gives no decomposition, so stripping marks leaves them:
 * French writes œ and æ joined, but "Cœur" and "Coeur" are the same name,
 * and a name with ø, ł or đ is read as its plain letter by people who type
 * it without. Spelled out when accents are folded. */
static const struct {
	const char *letter, *plain;
} SPELL[] = {
	{"\u0153", "oe"}, {"\u0152", "OE"}, {"\u00E6", "ae"}, {"\u00C6", "AE"},
	{"\u00F8", "o"},  {"\u00D8", "O"},  {"\u0142", "l"},  {"\u0141", "L"},
	{"\u0111", "d"},  {"\u0110", "D"},  {"\u00F0", "d"},  {"\u00D0", "D"},
};

static char *spell_letters(char *s)
{
	if (ascii_only(s))
		return s;
	strbuf b = {0};
	for (const char *p = s; *p;) {
		size_t k = 0;
		while (k < sizeof SPELL / sizeof *SPELL &&
		       strncmp(p, SPELL[k].letter, strlen(SPELL[k].letter)))
			k++;
		if (k < sizeof SPELL / sizeof *SPELL) {
			strbuf_puts(&b, SPELL[k].plain);
			p += strlen(SPELL[k].letter);
		} else {
			strbuf_putc(&b, *p++);
		}
	}
	free(s);
	return strbuf_detach(&b);
}

char *text_normalize(const char *s, unsigned flags)
{
	/* Plain ASCII, most names and codes: nothing to compose, mark or
	 * spell out, and case folding is ASCII lowering. Spares the
	 * allocations of utf8proc on every cell of a big file. */
	if (ascii_only(s)) {
		char *r = xstrdup(s);
		if (flags & TEXT_FOLD_CASE)
			for (char *p = r; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p + 32);
		return r;
	}
	utf8proc_option_t o = options(flags);
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	/* Two passes, so that the buffer comes from xmalloc (running out of
	 * memory ends the run, as everywhere else). */
	utf8proc_ssize_t n = utf8proc_decompose(u, 0, NULL, 0, o);
	if (n < 0) {
		char *r = xstrdup(s);
		if (flags & TEXT_FOLD_CASE)
			for (char *p = r; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p + 32);
		return r;
	}
	/* utf8proc re-encodes in place: 4 bytes per code point, plus the NUL. */
	utf8proc_int32_t *buf = xreallocarray(NULL, (size_t)n + 1, sizeof *buf);
	utf8proc_ssize_t m = utf8proc_decompose(u, 0, buf, n, o);
	if (m >= 0 && m <= n)
		m = utf8proc_normalize_utf32(buf, m, o);
	if (m < 0 || m > n) {
		free(buf);
		return xstrdup(s);
	}
	utf8proc_ssize_t len = utf8proc_reencode(buf, m, o);
	char *r = (char *)buf;
	if (len < 0) {
		free(buf);
		return xstrdup(s);
	}
	r[len] = '\0';
	return flags & TEXT_FOLD_MARKS ? spell_letters(r) : r;
}

/* Whether s is plainly in NFC without asking utf8proc: every code point is
 * below U+0300 (Latin letters, precomposed accents: none decomposes into
 * something else nor composes with its neighbour) or in the punctuation and
 * currency blocks French text uses (U+2002-U+206F, U+20A0-U+20CF), none of
 * which has NFC_Quick_Check No or Maybe. Anything else (a combining mark,
 * U+2000, U+2001...) goes to the full normalisation. Every text node of
 * every identity sheet passes here: a national network has 10,000 sheets. */
static bool plainly_nfc(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		uint32_t c;
		if (*p < 0x80) {
			p++;
			continue;
		} else if ((*p & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
			c = (uint32_t)(*p & 0x1F) << 6 | (p[1] & 0x3F);
			p += 2;
		} else if ((*p & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
			c = (uint32_t)(*p & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
			p += 3;
		} else {
			return false;
		}
		if (!(c >= 0x80 && c < 0x300) && !(c >= 0x2002 && c < 0x2070) &&
		    !(c >= 0x20A0 && c < 0x20D0))
			return false;
	}
	return true;
}

bool text_is_nfc(const char *s)
{
	if (plainly_nfc(s))
		return true;
	char *n = text_normalize(s, 0);
	bool same = strcmp(n, s) == 0;
	free(n);
	return same;
}

static bool equal_as(const char *a, const char *b, unsigned flags)
{
	if (!flags && strcmp(a, b) == 0)
		return true;
	char *na = text_normalize(a, flags), *nb = text_normalize(b, flags);
	bool same = strcmp(na, nb) == 0;
	free(na);
	free(nb);
	return same;
}

bool text_equal(const char *a, const char *b)
{
	return equal_as(a, b, 0);
}

bool text_equal_fold(const char *a, const char *b)
{
	return equal_as(a, b, TEXT_FOLD_CASE);
}

/* --- edit distance ---------------------------------------------------------------- */

/* The code points of s, case-folded in normal form C; *n receives their count. */
static utf8proc_int32_t *code_points(const char *s, size_t *n)
{
	char *f = text_normalize(s, TEXT_FOLD_CASE);
	size_t len = strlen(f), k = 0;
	utf8proc_int32_t *cps = xreallocarray(NULL, len + 1, sizeof *cps);
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t step =
			utf8proc_iterate((const utf8proc_uint8_t *)f + i, (utf8proc_ssize_t)(len - i), &cp);
		if (step <= 0) { /* invalid UTF-8: one byte, one character */
			cp = (unsigned char)f[i];
			step = 1;
		}
		cps[k++] = cp;
		i += (size_t)step;
	}
	free(f);
	*n = k;
	return cps;
}

/* Names are short, so two rows of the matrix are plenty. */
size_t text_edit_distance(const char *a, const char *b)
{
	size_t la, lb;
	utf8proc_int32_t *ca = code_points(a, &la), *cb = code_points(b, &lb);
	size_t *prev = xcalloc(lb + 1, sizeof *prev), *cur = xcalloc(lb + 1, sizeof *cur);
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (ca[i - 1] != cb[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	size_t dist = prev[lb];
	free(prev);
	free(cur);
	free(ca);
	free(cb);
	return dist;
}

const char *text_suggest(const char *name, const char *const *cands, size_t n)
{
	size_t len = 0; /* in characters, not bytes: "é" is one typo away from "e" */
	for (const char *p = name; *p; p++)
		len += ((unsigned char)*p & 0xC0) != 0x80;
	size_t limit = len / 2 > 2 ? len / 2 : 2;
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		size_t dist = text_edit_distance(name, cands[i]);
		if (dist < best_d) {
			best_d = dist;
			best = cands[i];
		}
	}
	return best && best_d <= limit ? best : NULL;
}

text_hint text_did_you_mean(const char *name, const char *const *cands, size_t n)
{
	text_hint h = {{0}};
	const char *s = text_suggest(name, cands, n);
	if (s)
		/* TRANSLATORS: appended to a message about an unknown name. */
		snprintf(h.s, sizeof h.s, _(" (did you mean \"%s\"?)"), s);
	return h;
}
