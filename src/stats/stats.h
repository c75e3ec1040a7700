/* stats.h - every published figure, with its base.
 *
 * A figure is a count (or an amount in cents) with an id ("age.16-24"), a
 * French label, and, when it is a share, the base it is a share of (the
 * count and the id of the base figure). Figures that partition one base form
 * a group ("age": the four bands of the 267 coopérant·es), which is what a
 * table or a chart shows. Ids are stable: templates and `recit stats` refer
 * to them, and docs/statistics.md lists them.
 *
 * Rounding: a share is published as a whole percent. By default each share
 * is rounded half up on its own (as the seed report does, so a group may sum
 * to 99 or 101); with STATS_ROUND_LARGEST_REMAINDER the percents of a group
 * that partitions its base are chosen by the largest-remainder method so they
 * sum to exactly 100. Computation uses integers only: no floating-point
 * surprises at .5. */
#ifndef RECIT_STATS_H
#define RECIT_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model.h"

typedef enum { STAT_COUNT, STAT_EUROS_CENTS } stat_unit;

typedef enum { STATS_ROUND_HALF_UP, STATS_ROUND_LARGEST_REMAINDER } stats_rounding;

typedef struct {
	stats_rounding rounding;
	/* Small-cell threshold k: counts from 1 to k-1 are not published, and
	 * enough other cells are withheld that none can be recomputed from the
	 * totals (see docs/privacy.md). 0 = off; -1 = take it from the model's
	 * settings (the default when options are NULL). */
	int threshold;
} stats_options;

typedef enum {
	STAT_PUBLISHED,
	STAT_SUPPRESSED_PRIMARY,   /* 0 < value < k: printed « < k » */
	STAT_SUPPRESSED_SECONDARY, /* value >= k, withheld so no other cell can be
				    * recomputed: printed « s » */
	STAT_SUPPRESSED_GROUP,     /* a figure of a group under k (or of a group
				    * whose non-zero cells are all under k): its
				    * composition is not published, zeros
				    * included: printed « s » */
} stat_suppression;

typedef struct {
	char *id;
	char *label;
	stat_unit unit;
	long long value; /* a count, or cents for STAT_EUROS_CENTS */
	long long base;  /* denominator of the share; 0 when not a share */
	const char *base_id; /* id of the figure whose value is the base, or NULL */
	int percent;     /* published whole percent, or -1 when not a share */
	size_t group;    /* index of its group, or (size_t)-1 */
	stat_suppression suppression; /* only for counts */
	/* An optional answer nobody gave (docs/inputs.md): value and base are
	 * 0, the figure reads « non renseigné », a tile showing it is left out. */
	bool not_collected;
} stat_figure;

typedef struct {
	char *id;
	char *title;      /* French: "Tranches d'âge" */
	char *base_label; /* French, what the base counts: "personnes sorties" */
	const char *base_id;
	long long base;
	bool partition;   /* the figures' values sum to the base */
	size_t first, count; /* figures [first, first+count) */
} stat_group;

typedef struct stats stats;

/* The whole publication, decided once (the disclosure module,
 * stats_disclose.c, docs/privacy.md): the network's figures, and for each
 * KPA the figures of its identity sheet. Every output reads what it may
 * print from here; nothing else decides. */
stats *stats_compute(const model *m, const stats_options *opt);
/* The figures of one KPA (index into m->kpas), for its identity sheet: the
 * same ids as the network's, computed over its own coopérant·es and finance
 * rows, plus the group "ca-annee" (its revenue per calendar year, ids
 * "ca-annee.<year>", and "ca-annee.periode" for rows spanning years, never
 * split). Owned by the network's figures s; suppression was decided over
 * the network and every sheet together. */
const stats *stats_kpa(const stats *s, size_t kpa);
size_t stats_kpa_count(const stats *s);
/* The KPA's id for a sheet's figures, NULL for the network's. */
const char *stats_kpa_id(const stats *s);

/* Whether a figure may be printed as a number. */
static inline bool stats_withheld(const stat_figure *f)
{
	return f->suppression != STAT_PUBLISHED;
}
/* Whether a figure's base may be printed ("n = 12"): false when the base
 * figure is withheld. */
bool stats_base_published(const stats *s, const char *base_id);
/* Whether a share may be printed as a percent: the count and its base are
 * both published (a percent with its base gives the count back, and with
 * its count gives the base back). */
bool stats_share_published(const stats *s, const stat_figure *f);
/* The disclosure rule for a count that stands alone with its base, outside
 * the activity figures (the interviews chapter: "cited in 12 interviews out
 * of 30"): primary under k, group rule for a base under k, complement rule
 * when base - value is under k. */
stat_suppression stats_disclose_share(int k, long long value, long long base);

/* The shipped attacker (stats_audit.c, docs/privacy.md): for every withheld
 * count of the publication, the tightest interval an integer attacker
 * deduces from everything printed (GLPK). Writes one line per withheld cell
 * to out (may be NULL) and returns the number of leaks: cells determined
 * exactly, or groups under k proven to be all in one category. */
size_t stats_audit(const stats *s, FILE *out);
/* When the publication holds more withheld counts than the attacker is run
 * on at each build (DISC_ATTACK_MAX_CELLS, stats_disclose.c), the decision
 * keeps its rules without the attacker's rounds: true, with the number of
 * withheld counts, and the check before writing is left to `recit audit`. */
bool stats_audit_deferred(const stats *s, size_t *withheld);
/* What if figure id ("coop.total", or "KPA:coop.total" for a sheet) were
 * printed anyway: publish it, for `recit audit --reveal` and the audit's
 * positive controls. Returns false when there is no such figure. */
bool stats_reveal(stats *s, const char *id);
/* The options s was computed with (a KPA's figures follow the report's). */
stats_options stats_options_of(const stats *s);
void stats_destroy(stats *s);

size_t stats_count(const stats *s);
const stat_figure *stats_at(const stats *s, size_t i);
/* NULL when no figure has this id. */
const stat_figure *stats_lookup(const stats *s, const char *id);

size_t stats_group_count(const stats *s);
const stat_group *stats_group_at(const stats *s, size_t i);
const stat_group *stats_group_lookup(const stats *s, const char *id);

/* Round value/base to a whole percent, half up (exported for tests). */
int stats_percent_half_up(long long value, long long base);
/* Largest-remainder percents for values partitioning base (n entries). */
void stats_percent_largest_remainder(const long long *values, size_t n, long long base,
				     int *out);

/* The threshold in force (0 = off). */
int stats_threshold(const stats *s);

/* Output for people who check the numbers (`recit stats`): exact figures,
 * with a column saying which would be withheld. With public set, withheld
 * counts print as "<k" and their share and percent are left empty: what
 * may leave the organisation. */
typedef enum { STATS_FORMAT_CSV, STATS_FORMAT_JSON } stats_format;
void stats_write(const stats *s, stats_format fmt, bool public_only, FILE *out);

#endif
