/* stats_int.h - the statistics stage's own view of a publication, shared by
 * stats.c (computing figures), stats_disclose.c (deciding what may be
 * published) and stats_audit.c (attacking what is published). Other stages
 * see stats.h only. */
#ifndef RECIT_STATS_INT_H
#define RECIT_STATS_INT_H

#include "stats.h"

struct stats {
	stat_figure *figs;
	size_t n, cap;
	stat_group *groups;
	size_t n_groups, cap_groups;
	stats_rounding rounding;
	int threshold;
	/* The network's figures own one figure set per KPA (its identity
	 * sheet); a KPA's own set has none and knows its KPA's id. */
	stats **kpa;
	size_t n_kpa;
	const char *kpa_id;
	char *audit_text; /* what the last audit of the decision found, or NULL */
	/* Leaks the decision's last attack found on the publication as it
	 * stands, or -1 once the publication changed (stats_reveal): the
	 * check before writing (stats_audit without a listing) reuses it
	 * rather than attack the same publication twice. */
	long cached_leaks;
	size_t audit_cells; /* withheld counts of the publication */
};

/* The attacker is run at each decision up to this many withheld counts
 * (the 45-KPA test network has about 4,500). */
#define DISC_ATTACK_MAX_CELLS 6000
#define STATS_AUDIT_DEFERRED (-2L)

/* The figures before any disclosure rule (stats.c): the network's, and one
 * KPA's over its own rows. */
stats *stats_compute_raw(const model *m, const stats_options *opt);
stats *stats_compute_raw_kpa(const model *m, size_t kpa, const stats_options *opt);
/* The network's row counts (lignes.*: rows read, kept, skipped by the
 * period rules), which a KPA's sheet does not have. */
void stats_add_rows(stats *s, const model *m);

/* Decide, once, what the whole publication (network and every KPA) may
 * print: primary, group and complement rules, then secondary suppression
 * until the audit finds nothing (stats_disclose.c). */
void stats_disclose(stats *s);

/* ---- the publication as linear facts (stats_disclose.c) --------------------
 *
 * Every count the publication holds is one cell; a relation says
 * "total = sum of cells" (REL_EQ), "sum of cells <= total" (REL_LE: a group
 * whose categories exclude each other but may not cover the base) or
 * "each cell <= total" (REL_EACH_LE: shares that may overlap, such as the
 * personal situations). Network figure = sum of the KPAs' same figure, and
 * the network's per-KPA count = that KPA's total, are REL_EQ too. */
typedef enum { REL_EQ, REL_LE, REL_EACH_LE } rel_kind;

typedef struct {
	rel_kind kind;
	size_t total;  /* cell index */
	size_t *cells; /* cell indexes */
	size_t n;
	bool alias; /* two names of one count: one symbol for both */
	bool composition; /* people of the total by a personal characteristic
			   * (not the network's sum of KPAs, nor its people by
			   * KPA): the whole-group check applies */
} disc_rel;

typedef struct {
	stat_figure **cell; /* every count of the publication */
	const stats **owner; /* the figure set each cell belongs to */
	size_t n_cells;
	disc_rel *rels;
	size_t n_rels;
	int k;
} disc_pub;

/* stats_pub.c */
void disc_pub_build(const stats *s, disc_pub *p);
/* Counts of people (not of KPAs, not amounts). */
bool disc_about_people(const stat_figure *f);
/* Groups whose categories may overlap (one person in several). */
bool disc_overlapping(const stat_group *g);
void disc_pub_free(disc_pub *p);
/* "sexe.F" for the network, "k03:sexe.F" for a KPA's sheet. Caller frees. */
char *disc_cell_name(const disc_pub *p, size_t c);

/* ---- the attacker (stats_audit.c) ----------------------------------------- */

typedef struct {
	size_t cell;
	long long lo, hi; /* tightest interval an integer attacker deduces */
	bool exact;       /* lo == hi: the withheld value is known */
	bool sensitive;   /* a count from 1 to k - 1, or of a group under k:
			   * known exactly, it is a leak (a withheld zero or
			   * large count only protects others) */
	bool attribute;   /* a group under k proven to be all in this cell */
} disc_finding;

/* Attack the publication p; returns the number of leaking cells. With out
 * non-NULL, *out receives one finding per withheld cell (caller frees). */
size_t disc_attack(const disc_pub *p, disc_finding **out, size_t *n_out);

#endif
