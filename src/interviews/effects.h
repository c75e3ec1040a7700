/* effects.h - what the interviews say about the effects of KPA-Cité: how many
 * interviews cite each effect (rolled up through the codebook), how a segment
 * (women over 40, under-30s...) differs from all interviews, and which cards
 * were picked.
 *
 * Counting unit: the interview. An interview counts once for a code when at
 * least one of its excerpts carries the code or any code below it, however
 * many excerpts do; a parent is never the sum of its children. Excerpt counts
 * are given too (an excerpt carrying two children of a parent counts once for
 * the parent). Integer arithmetic only; percents are rounded half up. */
#ifndef RECIT_EFFECTS_H
#define RECIT_EFFECTS_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "interview.h"

/* --- segments ----------------------------------------------------------------
 * A filter is a comma-separated list of conditions that must all hold:
 *   genre=F            genre: F or H
 *   age>=40            age in years: = != < <= > >= with a whole number
 *   age=40-54|55+      age band: one of the listed bands (| = or)
 *   kpa=coop-manau|la-cape
 *   anciennete>=12     months in the KPA
 * An interview given only an age band matches "age>=40" when every age of the
 * band does (40-54, 55+), does not match when no age does, and is undetermined
 * when the band straddles the limit (25-39 for age<30): undetermined
 * interviews are left out of the segment and counted apart. */
typedef struct iv_filter iv_filter;

/* Parse text; on error report it (where names the option or file) and return
 * NULL. */
iv_filter *iv_filter_parse(diag_sink *d, const char *text, const char *where);
void iv_filter_destroy(iv_filter *f);
/* 1 match, 0 no match, -1 undetermined (see above). */
int iv_filter_match(const iv_filter *f, const interviews *iv, const iv_interview *it);

/* The report's two segments. */
#define EFFECTS_SEGMENT_WOMEN_40 "genre=F,age>=40"
#define EFFECTS_SEGMENT_UNDER_30 "age<30"

/* --- per-code counts -------------------------------------------------------- */

typedef struct {
	size_t code;          /* index in the codebook */
	long long interviews; /* interviews citing it (itself or below) */
	long long excerpts;   /* excerpts citing it (itself or below) */
	long long base;       /* interviews in the population */
	int percent;          /* interviews / base, whole percent; -1 when base is 0 */
} effect_count;

typedef struct effects effects;

/* Counts over the interviews that match f (NULL: all interviews). */
effects *effects_compute(const interviews *iv, const iv_filter *f);
void effects_destroy(effects *e);
long long effects_base(const effects *e);
/* Interviews left out because the filter could not decide (see above). */
long long effects_undetermined(const effects *e);
/* One entry per code, in codebook order. */
const effect_count *effects_at(const effects *e, size_t code);
/* Entries sorted by interviews (desc), then excerpts (desc), then codebook
 * order; only codes at depth `depth` (or every code when depth < 0). Returns
 * the number written to out (at most cap). */
size_t effects_ranked(const effects *e, const interviews *iv, int depth, const effect_count **out,
		      size_t cap);

/* --- a segment against all interviews ----------------------------------------- */

typedef struct {
	size_t code;
	long long n_seg, base_seg; /* interviews of the segment citing it / segment size */
	long long n_all, base_all; /* the same over all interviews */
	int pct_seg, pct_all;      /* whole percents, -1 when the base is 0 */
	/* share_seg / share_all in hundredths (152 = 1.52 times), rounded half
	 * up; -1 when nobody cites the code or the segment is empty. */
	int ratio_x100;
	/* share_seg - share_all in tenths of a point (+125 = +12.5 points),
	 * rounded half away from zero. */
	int diff_tenths;
} segment_row;

typedef struct segment_table segment_table;

/* Compare the interviews matching f with all interviews, code by code. */
segment_table *effects_segment(const interviews *iv, const iv_filter *f);
void segment_table_destroy(segment_table *t);
size_t segment_table_count(const segment_table *t);
/* Rows sorted by ratio (desc; -1 last), then difference in points (desc),
 * then n_seg (desc), then codebook order. */
const segment_row *segment_table_at(const segment_table *t, size_t i);
long long segment_table_undetermined(const segment_table *t);

/* --- cards -------------------------------------------------------------------- */

typedef struct {
	size_t card;
	long long interviews; /* interviews that picked it at least once */
	long long picks;      /* times picked (a JOKER may be picked more than once) */
	long long first;      /* interviews that picked it first */
	long long base;       /* interviews */
	long long base_first; /* interviews that picked at least one card */
} card_count;

/* One entry per card, in grid order; out must hold interviews_card_count(). */
void effects_cards(const interviews *iv, card_count *out);

/* --- `recit stats --interviews` ---------------------------------------------------
 * Every interview figure as rows of the `recit stats` CSV
 * (id,group,label,value,unit,base,base_id,share,percent), with ids such as
 * effet.confiance.entretiens, effet.confiance.extraits,
 * segment.femmes-40.confiance.ratio, carte.appris.premiere (docs/interviews.md). */
void effects_write_csv(const interviews *iv, FILE *out);

#endif
