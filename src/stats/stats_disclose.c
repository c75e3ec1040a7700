/* stats_disclose.c - the disclosure module: what the publication may print.
 *
 * The publication is the network's figures and every KPA's sheet together
 * (the report, the sheets printed alone, the charts and `recit stats
 * --public` all read them). One decision covers all of them, because an
 * attacker combines everything printed: a KPA's total in annex 2 with the
 * network's table of KPAs, the network's count with the sum of the sheets.
 *
 * The rules, in order (docs/privacy.md says why and where they come from):
 *   1. primary suppression: a count from 1 to k - 1 is withheld (« < k »);
 *   2. group rule: every figure of a group whose base is withheld and under
 *      k, or whose non-zero cells are all under k, is withheld, zeros
 *      included (« s »): a KPA of 2 publishes its existence, not its
 *      composition; no printed base below k, no 0 % or 100 % of a small
 *      group;
 *   3. complement rule: a published share whose complement (base - count)
 *      is under k is withheld (« s »);
 *   4. secondary suppression: over every relation of the publication
 *      (partitions, families and their detail, network = sum of the KPAs,
 *      the network's count of a KPA = that KPA's total), withheld cells
 *      must be at least two and add up to at least k; then the attacker of
 *      stats_audit.c runs on the whole publication and, while it pins a
 *      withheld cell, one more published cell next to it is withheld.
 * « s » says nothing about the value it stands for: it may hide a zero (a
 * zero next to two « < k » whose sum is printed pins both), a figure of a
 * small group or a large count; the audit assumes only that it is a count. */
#include <stdlib.h>
#include <string.h>

#include "stats_int.h"
#include "util.h"

bool stats_base_published(const stats *s, const char *base_id)
{
	if (!base_id)
		return true;
	const stat_figure *b = stats_lookup(s, base_id);
	return !b || !stats_withheld(b);
}

bool stats_share_published(const stats *s, const stat_figure *f)
{
	return f->percent >= 0 && f->base > 0 && !stats_withheld(f) &&
	       stats_base_published(s, f->base_id);
}

stat_suppression stats_disclose_share(int k, long long value, long long base)
{
	if (k <= 0)
		return STAT_PUBLISHED;
	if (base > 0 && base < k)
		return STAT_SUPPRESSED_GROUP;
	if (value > 0 && value < k)
		return STAT_SUPPRESSED_PRIMARY;
	if (base > 0 && base - value > 0 && base - value < k)
		return STAT_SUPPRESSED_SECONDARY;
	return STAT_PUBLISHED;
}

/* ---- the rules ---------------------------------------------------------------- */

static bool hidden(const disc_pub *p, size_t c)
{
	return stats_withheld(p->cell[c]);
}

/* A withheld count that must not be worked out: 1 to k - 1, or a figure of
 * a group under k. */
static bool sensitive(const disc_pub *p, size_t c)
{
	const stat_figure *f = p->cell[c];
	return stats_withheld(f) && ((f->value > 0 && f->value < p->k) ||
				     (f->suppression == STAT_SUPPRESSED_GROUP && f->base > 0));
}

/* Withhold published cell c to protect another. */
static bool withhold(disc_pub *p, size_t c)
{
	stat_figure *f = p->cell[c];
	if (stats_withheld(f))
		return false;
	f->suppression = STAT_SUPPRESSED_SECONDARY;
	return true;
}

/* The smallest published cell of at least min among cells (ties: the
 * first). */
/* The cost of withholding a cell: a sheet's before the network's (the
 * network's tables are what funders compare), then the smaller count. */
static bool cheaper(const disc_pub *p, size_t a, size_t b)
{
	bool na = !stats_kpa_id(p->owner[a]), nb = !stats_kpa_id(p->owner[b]);
	if (na != nb)
		return nb;
	return p->cell[a]->value < p->cell[b]->value;
}

static size_t smallest_published(const disc_pub *p, const size_t *cells, size_t n, long long min)
{
	size_t best = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		const stat_figure *f = p->cell[cells[i]];
		if (!stats_withheld(f) && f->value >= min &&
		    (best == (size_t)-1 || cheaper(p, cells[i], best)))
			best = cells[i];
	}
	return best;
}

static void group_rule_set(stats *s)
{
	int k = s->threshold;
	for (size_t g = 0; g < s->n_groups; g++) {
		const stat_group *gr = &s->groups[g];
		const stat_figure *base = gr->base_id ? stats_lookup(s, gr->base_id) : NULL;
		if (!base || !disc_about_people(base) || gr->count == 0 ||
		    !disc_about_people(&s->figs[gr->first]))
			continue;
		bool small = stats_withheld(base) && base->value < k;
		if (!small && gr->partition && !disc_overlapping(gr) && strcmp(gr->id, "kpa") != 0) {
			/* Every non-zero cell under k: each would read « < k » and
			 * they would add up to the base. */
			bool any = false, all_small = true;
			for (size_t i = 0; i < gr->count; i++) {
				long long v = s->figs[gr->first + i].value;
				any |= v > 0;
				all_small &= v < k;
			}
			small = any && all_small;
		}
		if (!small)
			continue;
		for (size_t i = 0; i < gr->count; i++)
			if (s->figs[gr->first + i].suppression != STAT_SUPPRESSED_SECONDARY)
				s->figs[gr->first + i].suppression = STAT_SUPPRESSED_GROUP;
	}
}

/* What an identity sheet prints about people: its total and these groups
 * (layouts/fiche.xml). A sheet's other counts are never published: they
 * read « s » wherever they are asked for, and the attacker knows nothing of
 * them but that they are counts. Keep this list in step with the sheet
 * template and docs/privacy.md. */
static const char *const SHEET_GROUPS[] = {"sexe", "age", "parcours", "sortie"};

static bool on_sheet(const stats *s, const stat_figure *f)
{
	if (!strcmp(f->id, "coop.total"))
		return true;
	if (f->group == (size_t)-1)
		return false;
	for (size_t i = 0; i < sizeof SHEET_GROUPS / sizeof *SHEET_GROUPS; i++)
		if (!strcmp(s->groups[f->group].id, SHEET_GROUPS[i]))
			return true;
	return false;
}

/* What a symbol tells: a figure (everything), « < k » (1..k-1), « s » of a
 * small group (0..k-1), « s » (a count). */
static int says_less(stat_suppression x)
{
	return x == STAT_PUBLISHED ? 0 : x == STAT_SUPPRESSED_PRIMARY ? 1 : x == STAT_SUPPRESSED_GROUP ? 2 : 3;
}

static stat_suppression weakest(stat_suppression a, stat_suppression b)
{
	return says_less(a) >= says_less(b) ? a : b;
}

/* Rules 2-4 without the attacker; returns whether anything changed. */
/* Whether cell c is never printed (a sheet's count outside its groups). */
static bool unprinted(const disc_pub *p, size_t c)
{
	const stats *owner = p->owner[c];
	return stats_kpa_id(owner) && !on_sheet(owner, p->cell[c]);
}

static bool relation_rules(disc_pub *p)
{
	bool changed = false;
	for (size_t r = 0; r < p->n_rels; r++) {
		const disc_rel *rel = &p->rels[r];
		if (rel->alias) {
			/* Two names of one quantity (a family of one situation,
			 * the network's count of a KPA and its sheet's total): a
			 * small count withheld under one name is withheld under
			 * the other, with the same symbol. */
			stat_figure *a = p->cell[rel->total], *c = p->cell[rel->cells[0]];
			if (unprinted(p, rel->total) || unprinted(p, rel->cells[0])) {
				/* One name is never printed: only a small count must
				 * not be printed under the other. */
				if (!stats_withheld(a) && sensitive(p, rel->cells[0]))
					a->suppression = c->suppression, changed = true;
				else if (!stats_withheld(c) && sensitive(p, rel->total))
					c->suppression = a->suppression, changed = true;
			} else if (a->suppression != c->suppression) {
				a->suppression = c->suppression = weakest(a->suppression, c->suppression);
				changed = true;
			}
			continue;
		}
		if (rel->kind != REL_EQ) {
			/* A share and its complement: "265 of 267" reveals "2 are not". */
			if (hidden(p, rel->total))
				continue;
			long long base = p->cell[rel->total]->value;
			for (size_t i = 0; i < rel->n; i++) {
				long long rest = base - p->cell[rel->cells[i]]->value;
				if (!hidden(p, rel->cells[i]) && rest > 0 && rest < p->k)
					changed |= withhold(p, rel->cells[i]);
			}
			continue;
		}
		for (;;) {
			size_t n_hidden = 0, n_sensitive = 0;
			long long sum = 0;
			for (size_t i = 0; i < rel->n; i++)
				if (hidden(p, rel->cells[i])) {
					n_hidden++;
					n_sensitive += sensitive(p, rel->cells[i]);
					sum += p->cell[rel->cells[i]]->value;
				}
			bool total_hidden = hidden(p, rel->total);
			n_sensitive += total_hidden && sensitive(p, rel->total);
			/* Only small counts need protecting: a withheld zero or
			 * large count alone in its relation reveals no one. */
			bool safe = n_sensitive == 0 ||
				    (total_hidden ? n_hidden >= 1 : n_hidden >= 2 && sum >= p->k);
			if (safe)
				break;
			size_t c = smallest_published(p, rel->cells, rel->n, p->k);
			if (c == (size_t)-1)
				c = smallest_published(p, rel->cells, rel->n, 0);
			if (c == (size_t)-1 && !total_hidden)
				c = withhold(p, rel->total) ? rel->total : (size_t)-1;
			else if (c != (size_t)-1)
				withhold(p, c);
			if (c == (size_t)-1)
				break; /* only zeros left: the attacker decides */
			changed = true;
		}
	}
	return changed;
}

/* Relations containing cell c, as a member or as the total. */
static bool rel_has(const disc_rel *r, size_t c)
{
	if (r->total == c)
		return true;
	for (size_t i = 0; i < r->n; i++)
		if (r->cells[i] == c)
			return true;
	return false;
}

/* One more published cell next to leaking cell c: the smallest published
 * member of a relation of c (cells before totals), or, when there is none,
 * of a relation of the withheld cells next to it. */
static bool protect_leak(disc_pub *p, size_t c)
{
	size_t *front = xcalloc(p->n_cells + 1, sizeof *front);
	bool *seen = xcalloc(p->n_cells + 1, sizeof *seen);
	size_t n_front = 1, found = (size_t)-1;
	front[0] = c;
	seen[c] = true;
	for (int depth = 0; depth < 4 && found == (size_t)-1 && n_front > 0; depth++) {
		size_t best_cell = (size_t)-1, best_total = (size_t)-1;
		size_t n_next = 0;
		size_t *next = xcalloc(p->n_cells + 1, sizeof *next);
		for (size_t r = 0; r < p->n_rels; r++) {
			const disc_rel *rel = &p->rels[r];
			bool touches = false;
			for (size_t i = 0; i < n_front && !touches; i++)
				touches = rel_has(rel, front[i]);
			if (!touches)
				continue;
			size_t cand = smallest_published(p, rel->cells, rel->n, 1);
			if (cand == (size_t)-1)
				cand = smallest_published(p, rel->cells, rel->n, 0);
			if (cand != (size_t)-1 && (best_cell == (size_t)-1 || cheaper(p, cand, best_cell)))
				best_cell = cand;
			const stat_figure *t = p->cell[rel->total];
			if (!stats_withheld(t) && best_total == (size_t)-1)
				best_total = rel->total;
			for (size_t i = 0; i <= rel->n; i++) {
				size_t m = i < rel->n ? rel->cells[i] : rel->total;
				if (!seen[m] && hidden(p, m)) {
					seen[m] = true;
					next[n_next++] = m;
				}
			}
		}
		found = best_cell != (size_t)-1 ? best_cell : best_total;
		memcpy(front, next, n_next * sizeof *next);
		n_front = n_next;
		free(next);
	}
	free(front);
	free(seen);
	return found != (size_t)-1 && withhold(p, found);
}

static void apply_rules(stats *s, disc_pub *p)
{
	for (int round = 0; round < 1000; round++) {
		group_rule_set(s);
		for (size_t k = 0; k < s->n_kpa; k++)
			group_rule_set(s->kpa[k]);
		if (!relation_rules(p))
			break;
	}
}

void stats_disclose(stats *s)
{
	int k = s->threshold;
	if (k <= 0)
		return;
	for (size_t j = 0; j < s->n_kpa; j++)
		for (size_t i = 0; i < s->kpa[j]->n; i++) {
			stat_figure *f = &s->kpa[j]->figs[i];
			if (disc_about_people(f) && !on_sheet(s->kpa[j], f))
				f->suppression = STAT_SUPPRESSED_SECONDARY;
		}
	disc_pub p;
	disc_pub_build(s, &p);
	for (size_t c = 0; c < p.n_cells; c++) {
		stat_figure *f = p.cell[c];
		if (f->value > 0 && f->value < k && !stats_withheld(f))
			f->suppression = STAT_SUPPRESSED_PRIMARY;
	}
	apply_rules(s, &p);
	/* The attacker solves two linear programs over the whole publication
	 * per small withheld count, so its cost grows faster than the network:
	 * 0.4 s on the sample, about 10 s on 45 KPAs, minutes on 150. Above
	 * DISC_ATTACK_MAX_CELLS withheld counts the decision keeps the rules
	 * above without the attacker's rounds, and build, fiches and stats say
	 * so and point to `recit audit`, which always runs in full. */
	size_t n_withheld = 0;
	for (size_t c = 0; c < p.n_cells; c++)
		n_withheld += stats_withheld(p.cell[c]);
	s->audit_cells = n_withheld;
	if (n_withheld > DISC_ATTACK_MAX_CELLS) {
		s->cached_leaks = STATS_AUDIT_DEFERRED;
		disc_pub_free(&p);
		return;
	}
	/* Secondary suppression against the attacker itself: while it pins a
	 * withheld cell, withhold one more cell next to each leak. */
	for (int round = 0; round < 200; round++) {
		disc_finding *fd = NULL;
		size_t nf = 0;
		size_t leaks = disc_attack(&p, &fd, &nf);
		bool progress = false;
		/* Sheets first (fd is in cell order, the network's cells first), so
		 * that the network's tables keep their « < k » where they can;
		 * one change per relation per round, then attack again. */
		bool *touched = xcalloc(p.n_cells + 1, sizeof *touched);
		for (size_t i = nf; i-- > 0 && leaks > 0;) {
			size_t c = fd[i].cell;
			if (!((fd[i].exact && fd[i].sensitive) || fd[i].attribute) || touched[c])
				continue;
			stat_figure *f = p.cell[c];
			/* A count never printed under this name may be printed
			 * « < k » under its other: that symbol is what pins it. */
			for (size_t r = 0; r < p.n_rels; r++)
				if (p.rels[r].alias && rel_has(&p.rels[r], c)) {
					size_t o = p.rels[r].total == c ? p.rels[r].cells[0] : p.rels[r].total;
					stat_suppression st = p.cell[o]->suppression;
					if (st == STAT_SUPPRESSED_PRIMARY || st == STAT_SUPPRESSED_GROUP)
						f = p.cell[o];
				}
			if (f->suppression == STAT_SUPPRESSED_PRIMARY ||
			    f->suppression == STAT_SUPPRESSED_GROUP) {
				/* Pinned by its own bounds (two « < k » under a
				 * printed « < k », four « s » of a small group under
				 * a printed total): « s » says nothing of its value. */
				f->suppression = STAT_SUPPRESSED_SECONDARY;
				progress = true;
				/* Under its other name too, or its « < k » still pins. */
				for (size_t r = 0; r < p.n_rels; r++)
					if (p.rels[r].alias && rel_has(&p.rels[r], c)) {
						p.cell[p.rels[r].total]->suppression = STAT_SUPPRESSED_SECONDARY;
						p.cell[p.rels[r].cells[0]]->suppression = STAT_SUPPRESSED_SECONDARY;
					}
			} else
				progress |= protect_leak(&p, c);
			/* Within its own table, and the network's sum above it
			 * (which waits for the next round); the other sheets of
			 * that sum go on, or every sheet would wait its turn. */
			for (size_t r = 0; r < p.n_rels; r++)
				if (!p.rels[r].composition && !p.rels[r].alias &&
				    rel_has(&p.rels[r], c)) {
					size_t t = p.rels[r].total;
					touched[t] = true;
					for (size_t q = 0; q < p.n_rels; q++)
						if (p.rels[q].alias && rel_has(&p.rels[q], t)) {
							touched[p.rels[q].total] = true;
							touched[p.rels[q].cells[0]] = true;
						}
				}
			for (size_t r = 0; r < p.n_rels; r++)
				if ((p.rels[r].composition || p.rels[r].alias) && rel_has(&p.rels[r], c)) {
					touched[p.rels[r].total] = true;
					for (size_t m = 0; m < p.rels[r].n; m++)
						touched[p.rels[r].cells[m]] = true;
				}
		}
		free(touched);
		free(fd);
		if (leaks == 0 || !progress) {
			/* Nothing changed since this attack: it is the audit of
			 * the publication as it stands. */
			s->cached_leaks = (long)leaks;
			break;
		}
		apply_rules(s, &p);
	}
	disc_pub_free(&p);
}

/* The whole publication: the network's figures and every KPA's, computed
 * first, then one decision over all of them (stats_disclose.c). */
stats *stats_compute(const model *m, const stats_options *opt)
{
	stats *s = stats_compute_raw(m, opt);
	s->cached_leaks = -1;
	stats_add_rows(s, m);
	s->kpa = xcalloc(m->n_kpas + 1, sizeof *s->kpa);
	s->n_kpa = m->n_kpas;
	for (size_t k = 0; k < m->n_kpas; k++) {
		s->kpa[k] = stats_compute_raw_kpa(m, k, opt);
		s->kpa[k]->kpa_id = m->kpas[k].id;
	}
	stats_disclose(s);
	return s;
}
