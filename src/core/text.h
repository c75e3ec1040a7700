/* text.h - comparing names as people type them: Unicode normalisation (one
 * helper, over utf8proc), the one edit distance and the one "did you mean"
 * of every stage (unknown figures, elements, attributes, codes, KPAs...).
 *
 * The same name can arrive as different bytes: « Hélène » typed on one
 * keyboard is U+00E9, exported by some QDA tools or macOS file names it is
 * "e" + U+0301 (a combining accent). Byte comparisons (strcmp) tell them
 * apart; every comparison of names, ids, codes and private first names goes
 * through the normal forms below instead. */
#ifndef RECIT_TEXT_H
#define RECIT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* How far text_normalize goes beyond canonical composition (NFC). */
enum {
	TEXT_FOLD_CASE = 1u << 0,   /* Unicode case folding: "HÉLÈNE" = "hélène" */
	TEXT_FOLD_MARKS = 1u << 1,  /* accents dropped, œ/æ/ø/ł spelled oe/ae/o/l: "Hélène" = "helene" */
	TEXT_FOLD_COMPAT = 1u << 2, /* compatibility forms and look-alikes: "ﬁ" = "fi",
				      * no-break spaces = " ", ’ = ', invisible
				      * characters (soft hyphen, zero-width space) removed */
};

/* s in Unicode normal form C, folded as flags asks; a new heap string
 * (free()). Text that is not valid UTF-8 is copied unchanged (ASCII letters
 * lowered under TEXT_FOLD_CASE): readers report bad encodings themselves. */
char *text_normalize(const char *s, unsigned flags);
/* Whether s is already in normal form C (true for plain ASCII, quickly). */
bool text_is_nfc(const char *s);
/* a and b are the same text up to Unicode canonical equivalence (NFC and
 * NFD spellings compare equal). */
bool text_equal(const char *a, const char *b);
/* The same, without case: "Coop Manau" = "COOP MANAU". */
bool text_equal_fold(const char *a, const char *b);

/* Levenshtein distance between a and b in characters (code points of their
 * case-folded normal form C), without case ("sexe.femmes" is 5 from
 * "sexe.F"; "Hélène" and "HE\u0301LE\u0300NE" are 0 apart). */
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
