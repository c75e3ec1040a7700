/* text.c - edit distance and suggestions (text.h). */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

static int lower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Names are short, so two rows of the matrix are plenty. */
size_t text_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *prev = xcalloc(lb + 1, sizeof *prev), *cur = xcalloc(lb + 1, sizeof *cur);
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (lower_ascii((unsigned char)a[i - 1]) !=
						    lower_ascii((unsigned char)b[j - 1]));
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
	return dist;
}

const char *text_suggest(const char *name, const char *const *cands, size_t n)
{
	size_t len = strlen(name), limit = len / 2 > 2 ? len / 2 : 2;
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
