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

/* Counts of KPAs ("reseau.kpa"), not of people: published as they are. */
static bool about_people(const stat_figure *f)
{
	return f->unit == STAT_COUNT && strncmp(f->id, "reseau.", 7) != 0;
}

/* Groups whose categories may overlap (one person can live in a QPV and be
 * a single parent): each share is only bounded by its base. */
static bool overlapping(const stat_group *g)
{
	return !strcmp(g->id, "situation") || !strcmp(g->id, "emploi");
}

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

/* ---- the publication as cells and relations ---------------------------------- */

typedef struct {
	disc_pub *p;
	size_t cap_cells, cap_rels;
} builder;

static size_t add_cell(builder *b, const stats *owner, stat_figure *f)
{
	disc_pub *p = b->p;
	if (p->n_cells == b->cap_cells) {
		b->cap_cells = b->cap_cells ? 2 * b->cap_cells : 256;
		p->cell = xreallocarray(p->cell, b->cap_cells, sizeof *p->cell);
		p->owner = xreallocarray(p->owner, b->cap_cells, sizeof *p->owner);
	}
	p->cell[p->n_cells] = f;
	p->owner[p->n_cells] = owner;
	return p->n_cells++;
}

static void add_rel(builder *b, rel_kind kind, size_t total, const size_t *cells, size_t n,
		    bool alias, bool composition)
{
	disc_pub *p = b->p;
	if (n == 0)
		return;
	if (p->n_rels == b->cap_rels) {
		b->cap_rels = b->cap_rels ? 2 * b->cap_rels : 256;
		p->rels = xreallocarray(p->rels, b->cap_rels, sizeof *p->rels);
	}
	disc_rel *r = &p->rels[p->n_rels++];
	r->kind = kind;
	r->total = total;
	r->n = n;
	r->alias = alias;
	r->composition = composition;
	r->cells = xcalloc(n, sizeof *r->cells);
	memcpy(r->cells, cells, n * sizeof *cells);
}

/* Sub-categories whose families are published in another group. */
typedef struct {
	const char *total;
	const char *cells[8];
} family_link;

static const family_link FAMILIES[] = {
	{"sortie.emploi", {"sortie-detail.cdi", "sortie-detail.cdd-6-mois-et-plus",
			   "sortie-detail.cdd-moins-6-mois", "sortie-detail.interim"}},
	{"sortie.formation", {"sortie-detail.formation-qualifiante",
			      "sortie-detail.formation-non-qualifiante"}},
	/* Families of one situation: two names of one count. */
	{"sortie.creation-entreprise", {"sortie-detail.creation-entreprise"}},
	{"sortie.autre-dispositif", {"sortie-detail.autre-dispositif"}},
	{"sortie.sans-emploi-ni-formation", {"sortie-detail.sans-emploi-ni-formation"}},
	{"sortie.service-civique", {"sortie-detail.service-civique"}},
	{"sortie.inconnue", {"sortie-detail.inconnue"}},
};

/* Cell index of figure fig of set s: cells of one set are contiguous, in
 * figure order, from first; figures that are not cells map to -1. */
typedef struct {
	const stats *s;
	size_t *cell_of; /* per figure */
} set_map;

static size_t cell_by_id(const set_map *m, const char *id)
{
	const stat_figure *f = stats_lookup(m->s, id);
	return f ? m->cell_of[f - m->s->figs] : (size_t)-1;
}

static void relations_of_set(builder *b, const set_map *m, size_t *tmp)
{
	const stats *s = m->s;
	for (size_t g = 0; g < s->n_groups; g++) {
		const stat_group *gr = &s->groups[g];
		size_t total = gr->base_id ? cell_by_id(m, gr->base_id) : (size_t)-1;
		if (total == (size_t)-1 || gr->count == 0)
			continue;
		size_t n = 0;
		for (size_t i = 0; i < gr->count; i++)
			if (m->cell_of[gr->first + i] != (size_t)-1)
				tmp[n++] = m->cell_of[gr->first + i];
		if (overlapping(gr))
			add_rel(b, REL_EACH_LE, total, tmp, n, false, true);
		else
			add_rel(b, gr->partition ? REL_EQ : REL_LE, total, tmp, n, false,
				strcmp(gr->id, "kpa") != 0);
	}
	for (size_t l = 0; l < sizeof FAMILIES / sizeof *FAMILIES; l++) {
		size_t t = cell_by_id(m, FAMILIES[l].total), n = 0;
		if (t == (size_t)-1)
			continue;
		for (size_t c = 0; c < 8 && FAMILIES[l].cells[c]; c++) {
			size_t k = cell_by_id(m, FAMILIES[l].cells[c]);
			if (k != (size_t)-1)
				tmp[n++] = k;
		}
		add_rel(b, REL_EQ, t, tmp, n, n == 1, n > 1);
	}
}

static void map_set(builder *b, set_map *m, const stats *s)
{
	m->s = s;
	m->cell_of = xcalloc(s->n + 1, sizeof *m->cell_of);
	for (size_t i = 0; i < s->n; i++)
		m->cell_of[i] = about_people(&s->figs[i]) ? add_cell(b, s, &s->figs[i]) : (size_t)-1;
}

void disc_pub_build(const stats *s, disc_pub *p)
{
	memset(p, 0, sizeof *p);
	p->k = s->threshold;
	builder b = {.p = p};
	set_map *maps = xcalloc(s->n_kpa + 1, sizeof *maps);
	map_set(&b, &maps[0], s);
	for (size_t k = 0; k < s->n_kpa; k++)
		map_set(&b, &maps[k + 1], s->kpa[k]);
	size_t *tmp = xcalloc(p->n_cells + s->n_kpa + 2, sizeof *tmp);
	for (size_t k = 0; k <= s->n_kpa; k++)
		relations_of_set(&b, &maps[k], tmp);
	/* The network's figure is the sum of the KPAs' same figure. */
	for (size_t i = 0; i < s->n; i++) {
		size_t t = maps[0].cell_of[i];
		const stat_figure *f = &s->figs[i];
		if (t == (size_t)-1 || !strncmp(f->id, "kpa.", 4))
			continue;
		size_t n = 0;
		for (size_t k = 0; k < s->n_kpa; k++) {
			size_t c = cell_by_id(&maps[k + 1], f->id);
			if (c != (size_t)-1)
				tmp[n++] = c;
		}
		add_rel(&b, REL_EQ, t, tmp, n, false, false);
	}
	/* The network's count of a KPA is the total of its sheet. */
	for (size_t k = 0; k < s->n_kpa; k++) {
		char *id = xasprintf("kpa.%s", s->kpa[k]->kpa_id);
		size_t t = cell_by_id(&maps[0], id);
		size_t c = cell_by_id(&maps[k + 1], "coop.total");
		free(id);
		if (t != (size_t)-1 && c != (size_t)-1)
			add_rel(&b, REL_EQ, t, &c, 1, true, false);
	}
	free(tmp);
	for (size_t k = 0; k <= s->n_kpa; k++)
		free(maps[k].cell_of);
	free(maps);
}

void disc_pub_free(disc_pub *p)
{
	for (size_t r = 0; r < p->n_rels; r++)
		free(p->rels[r].cells);
	free(p->rels);
	free(p->cell);
	free(p->owner);
	memset(p, 0, sizeof *p);
}

char *disc_cell_name(const disc_pub *p, size_t c)
{
	const char *kpa = stats_kpa_id(p->owner[c]);
	return kpa ? xasprintf("%s:%s", kpa, p->cell[c]->id) : xstrdup(p->cell[c]->id);
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
static size_t smallest_published(const disc_pub *p, const size_t *cells, size_t n, long long min)
{
	size_t best = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		const stat_figure *f = p->cell[cells[i]];
		if (!stats_withheld(f) && f->value >= min &&
		    (best == (size_t)-1 || f->value < p->cell[best]->value))
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
		if (!base || !about_people(base) || gr->count == 0 ||
		    !about_people(&s->figs[gr->first]))
			continue;
		bool small = stats_withheld(base) && base->value < k;
		if (!small && gr->partition && !overlapping(gr) && strcmp(gr->id, "kpa") != 0) {
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
			if (a->suppression != c->suppression) {
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
			if (cand != (size_t)-1 &&
			    (best_cell == (size_t)-1 || p->cell[cand]->value < p->cell[best_cell]->value))
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

void stats_disclose(stats *s)
{
	int k = s->threshold;
	if (k <= 0)
		return;
	for (size_t j = 0; j < s->n_kpa; j++)
		for (size_t i = 0; i < s->kpa[j]->n; i++) {
			stat_figure *f = &s->kpa[j]->figs[i];
			if (about_people(f) && !on_sheet(s->kpa[j], f))
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
			for (size_t r = 0; r < p.n_rels; r++)
				if (rel_has(&p.rels[r], c)) {
					touched[p.rels[r].total] = true;
					for (size_t m = 0; m < p.rels[r].n; m++)
						touched[p.rels[r].cells[m]] = true;
				}
		}
		free(touched);
		free(fd);
		if (leaks == 0 || !progress)
			break;
		apply_rules(s, &p);
	}
	disc_pub_free(&p);
}
