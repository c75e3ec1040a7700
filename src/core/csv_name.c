/* csv_name.c - column names compared as people write them (csv_read.h):
 * case, accents, separators and French elisions do not matter; and the
 * UTF-8 decoder the CSV reader shares with it. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "csv_int.h"
#include "csv_read.h"
#include "text.h"
#include <stdlib.h>

/* Decode one code point; an invalid sequence yields its first byte as is, so
 * that callers working on unchecked text still make progress. */
size_t csv_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];
	size_t need;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		need = 1, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3, v = c & 0x07, min = 0x10000;
	} else {
		goto bad;
	}
	if (n <= need)
		goto bad;
	for (size_t k = 1; k <= need; k++) {
		if ((s[k] & 0xC0) != 0x80)
			goto bad;
		v = v << 6 | (s[k] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		goto bad;
	*cp = v;
	return need + 1;
bad:
	*cp = 0xFFFFFFFFu;
	return 1;
}

static bool is_name_separator(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '-' ||
	       cp == '_' || cp == '.' || cp == '\'' || cp == 0xA0 || cp == 0x202F ||
	       cp == 0x2019 || cp == 0x2018 || cp == 0x02BC ||
	       (cp >= 0x2010 && cp <= 0x2015);
}

static bool is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

/* French elided words: "d'entrée" names the same thing as "entrée". */
static bool is_elided(const char *w, size_t n)
{
	return (n == 1 && strchr("cdjlmnst", w[0])) || (n == 2 && memcmp(w, "qu", 2) == 0);
}

void csv_normalize_name(const char *in, char *out, size_t cap)
{
	if (cap == 0)
		return;
	/* Case, accents and spellings of the same letters (NFC or NFD, "ﬁ")
	 * folded by the one Unicode helper; separators and elisions below. */
	/* Plain ASCII (most cells of big files, parsed by the million) needs
	 * no Unicode folding: the loop lowers it. */
	bool ascii = true;
	for (const char *p = in; *p && ascii; p++)
		ascii = (unsigned char)*p < 0x80;
	char *folded = ascii ? NULL
			     : text_normalize(in, TEXT_FOLD_CASE | TEXT_FOLD_MARKS | TEXT_FOLD_COMPAT);
	const unsigned char *s = (const unsigned char *)(folded ? folded : in);
	size_t n = strlen((const char *)s), i = 0, o = 0, word = 0;
	bool pending = false;
	while (i < n) {
		uint32_t cp;
		size_t k = csv_utf8_decode(s + i, n - i, &cp);
		if (is_name_separator(cp)) {
			if (is_apostrophe(cp) && !pending && is_elided(out + word, o - word)) {
				o = word > 0 ? word - 1 : 0;
				pending = false;
			}
			pending = pending || o > 0;
			i += k;
			continue;
		}
		char one;
		const char *rep;
		size_t rn;
		if (cp < 0x80) {
			one = (char)(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
			rep = &one, rn = 1;
		} else if (cp == 0xB7) {
			/* The inclusive-writing middle dot: "coopérant·es". */
			i += k;
			continue;
		} else {
			rep = (const char *)s + i, rn = k;
		}
		if (o + pending + rn >= cap)
			break;
		if (pending) {
			out[o++] = '_';
			word = o;
			pending = false;
		}
		memcpy(out + o, rep, rn);
		o += rn;
		i += k;
	}
	out[o] = '\0';
	free(folded);
}
