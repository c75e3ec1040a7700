/* interview_quotes.h - choosing the quotes printed for an effect, and the line
 * that attributes each one; the only way an excerpt's words leave the
 * interview library.
 *
 * Guarantee: quotes_select() never returns an excerpt whose consent is "non",
 * nor one refused by the private first-name guard, whatever the options. */
#ifndef RECIT_INTERVIEW_QUOTES_H
#define RECIT_INTERVIEW_QUOTES_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "interview.h"

typedef struct {
	size_t max_quotes; /* N: at most this many quotes */
	size_t min_chars;  /* length bounds in characters (code points); 0 = none */
	size_t max_chars;
	/* An excerpt coded with a code below `code` also illustrates `code`
	 * (after every excerpt coded with `code` itself). */
	bool include_descendants;
	/* Optional: excerpts already printed elsewhere (indexed like
	 * interviews_excerpt_at, true = skip), so a chapter does not repeat a
	 * quote under two effects. NULL = none. */
	const bool *exclude;
} quote_options;

typedef struct {
	size_t excerpt;           /* index, for interviews_excerpt_at */
	const char *text;         /* the consented words, owned by the interviews */
	const char *excerpt_id;   /* "E07-2" */
	const char *interview_id; /* "E07" */
} iv_quote;

/* Choose up to opt->max_quotes quotes for the code (and at most cap) into out;
 * returns how many. Deterministic, no randomness:
 *  1. candidates: consented, not refused by the name guard, within the length
 *     bounds, coded with the code (or a code below it when asked), not
 *     excluded;
 *  2. candidates are ranked: coded with the code itself first, then fewer
 *     codes first (an excerpt about this effect rather than several), then
 *     the order of entretiens.xml;
 *  3. picked in rounds over that ranking: first only excerpts from a KPA and
 *     a speaker not yet quoted, then from a speaker not yet quoted, then any.
 * The quotes are returned in the order picked. */
size_t quotes_select(const interviews *iv, size_t code, const quote_options *opt, iv_quote *out,
		     size_t cap);

/* The attribution line of a quote from a pattern whose fields are replaced:
 *   {role}        coopérante / coopérant (from the gender)
 *   {genre}       femme / homme
 *   {age}         40-54 ans, 55 ans et plus (the band, never the exact age)
 *   {kpa}         Coop Manau (the KPA's name)
 *   {anciennete}  14 mois
 *   {pseudonyme}  the interview's pseudonym
 * e.g. "{role}, {age}, {kpa}" -> "coopérante, 40-54 ans, Coop Manau".
 * "{{" and "}}" print braces. An unknown field is reported to d and NULL is
 * returned; free the result. */
char *quotes_attribution(diag_sink *d, const interviews *iv, const iv_quote *q,
			 const char *pattern);

#endif
