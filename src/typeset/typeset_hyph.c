/* typeset_hyph.c - French hyphenation: libhyphen finds the points, we insert
 * U+00AD SOFT HYPHEN there, and Pango breaks (and draws a hyphen) at them. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <hyphen.h>

#include "typeset_int.h"
#include "util.h"

struct ts_hyph {
	HyphenDict *dict;
};

enum { HYPH_MIN_LETTERS = 6, HYPH_LHMIN = 2, HYPH_RHMIN = 3 };

ts_hyph *ts_hyph_load(diag_sink *d, const char *dic_path)
{
	const char *path = dic_path ? dic_path : TYPESET_HYPH_FR_DEFAULT;
	HyphenDict *dict = hnj_hyphen_load(path);
	if (!dict) {
		diag_emit(d, DIAG_WARNING, SRC_LOC_NONE, NULL,
			  "cannot load the hyphenation dictionary \"%s\"; text is set "
			  "without hyphenation (install hyphen-fr)",
			  path);
		return NULL;
	}
	ts_hyph *h = xcalloc(1, sizeof *h);
	h->dict = dict;
	return h;
}

void ts_hyph_free(ts_hyph *h)
{
	if (!h)
		return;
	hnj_hyphen_free(h->dict);
	free(h);
}

/* Hyphenate one word (letters only, nbytes of UTF-8, nchars characters) and
 * append it to out with soft hyphens. */
static void hyphenate_word(const ts_hyph *h, const char *w, size_t nbytes, size_t nchars,
			   strbuf *out)
{
	/* libhyphen does no case folding: lower-case one character at a time
	 * so that character indexes stay aligned with the original word. */
	strbuf low = {0};
	for (const char *p = w; p < w + nbytes; p = g_utf8_next_char(p)) {
		char u8[6];
		int k = g_unichar_to_utf8(g_unichar_tolower(g_utf8_get_char(p)), u8);
		strbuf_add(&low, u8, (size_t)k);
	}
	char *hy = xcalloc(low.len + 5, 1);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	int rc = hnj_hyphen_hyphenate3(h->dict, low.data, (int)low.len, hy, NULL, &rep, &pos,
				       &cut, HYPH_LHMIN, HYPH_RHMIN, 0, 0);
	/* French needs no non-standard hyphenation; ignore it if present. */
	if (rep) {
		for (size_t i = 0; i < low.len; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
	/* With a UTF-8 dictionary hy[] is indexed by character. */
	size_t ci = 0;
	for (const char *p = w; p < w + nbytes; ci++) {
		const char *next = g_utf8_next_char(p);
		strbuf_add(out, p, (size_t)(next - p));
		if (rc == 0 && ci + 1 < nchars && (hy[ci] & 1))
			strbuf_puts(out, "\xC2\xAD");
		p = next;
	}
	free(hy);
	strbuf_free(&low);
}

static bool is_space_at(const char *p)
{
	return *p == ' ' || *p == '\n' || *p == '\t' || strncmp(p, "\xC2\xA0", 2) == 0 ||
	       strncmp(p, "\xE2\x80\xAF", 3) == 0;
}

/* A token (between spaces) that is a number, an address or a URL is
 * never hyphenated: "2022-2023", "contact@kpa.fr", "www.kpa-cite.fr". */
static bool token_protected(const char *p)
{
	for (; *p && !is_space_at(p); p++) {
		if (*p == '<') { /* "</b>" is markup, not a path */
			const char *e = strchr(p, '>');
			if (!e)
				break;
			p = e;
			continue;
		}
		if ((*p >= '0' && *p <= '9') || *p == '@' || *p == '/')
			return true;
		if (strncmp(p, "www.", 4) == 0 || strncmp(p, "://", 3) == 0)
			return true;
	}
	return false;
}

char *ts_hyphenate(const ts_hyph *h, const char *markup)
{
	if (!h)
		return xstrdup(markup);
	strbuf out = {0};
	const char *p = markup;
	bool protect = token_protected(p);
	while (*p) {
		if (*p == '<') { /* tags are copied whole */
			const char *e = strchr(p, '>');
			size_t n = e ? (size_t)(e - p) + 1 : strlen(p);
			strbuf_add(&out, p, n);
			p += n;
			continue;
		}
		if (*p == '&') { /* entities too */
			const char *e = strchr(p, ';');
			size_t n = (e && e - p < 10) ? (size_t)(e - p) + 1 : 1;
			strbuf_add(&out, p, n);
			p += n;
			continue;
		}
		if (is_space_at(p)) {
			const char *next = g_utf8_next_char(p);
			strbuf_add(&out, p, (size_t)(next - p));
			p = next;
			protect = token_protected(p);
			continue;
		}
		gunichar c = g_utf8_get_char(p);
		if (!g_unichar_isalpha(c)) {
			const char *next = g_utf8_next_char(p);
			strbuf_add(&out, p, (size_t)(next - p));
			p = next;
			continue;
		}
		const char *w = p;
		size_t nchars = 0;
		while (*p && p[0] != '<' && p[0] != '&' && g_unichar_isalpha(g_utf8_get_char(p))) {
			p = g_utf8_next_char(p);
			nchars++;
		}
		if (protect || nchars < HYPH_MIN_LETTERS)
			strbuf_add(&out, w, (size_t)(p - w));
		else
			hyphenate_word(h, w, (size_t)(p - w), nchars, &out);
	}
	return strbuf_detach(&out);
}
