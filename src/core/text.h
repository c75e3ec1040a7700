/* text.h - comparing names as people type them: the one edit distance and
 * the one "did you mean" of every stage (unknown figures, elements,
 * attributes, codes, KPAs...). */
#ifndef RECIT_TEXT_H
#define RECIT_TEXT_H

#include <stddef.h>

/* Levenshtein distance between a and b, ASCII letters compared without
 * case ("sexe.femmes" is 5 from "sexe.F"). */
size_t text_edit_distance(const char *a, const char *b);

/* The candidate nearest to name, if it is close enough to be a plausible
 * typo (at most half the length of name, and at least 2, edits away), else
 * NULL. Ties keep the first candidate, so the order given decides. A
 * candidate equal to name is returned too (it differs only in case, or the
 * caller is asking whether name is known). */
const char *text_suggest(const char *name, const char *const *cands, size_t n);

/* " (did you mean \"x\"?)", in the user's language, for text_suggest's
 * answer, else "". The text lives in the returned value, until the end of
 * the full expression that calls it, so it can be passed straight to a
 * printf-like function. */
typedef struct {
	char s[256];
} text_hint;
text_hint text_did_you_mean(const char *name, const char *const *cands, size_t n);

#endif
