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
	STAT_SUPPRESSED_PRIMARY,   /* 0 < value < k */
	STAT_SUPPRESSED_SECONDARY, /* withheld so a primary cell cannot be recomputed */
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

stats *stats_compute(const model *m, const stats_options *opt);
/* The figures of one KPA (index into m->kpas), for its identity sheet: the
 * same ids as the network's, computed over its own coopérant·es and finance
 * rows, plus the group "ca-annee" (its revenue per calendar year, ids
 * "ca-annee.<year>", and "ca-annee.periode" for rows spanning years, never
 * split). The small-cell rule runs on these figures: a KPA has small
 * numbers. */
stats *stats_compute_kpa(const model *m, size_t kpa, const stats_options *opt);
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
