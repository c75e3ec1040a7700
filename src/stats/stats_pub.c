/* stats_pub.c - the publication as linear facts: every count of the
 * network's figures and of every KPA's sheet is one cell, and every relation
 * a reader knows between them is declared here, once, for the disclosure
 * rules (stats_disclose.c) and the attacker (stats_audit.c) alike. */
#include <stdlib.h>
#include <string.h>

#include "stats_int.h"
#include "util.h"

/* Counts of KPAs ("reseau.kpa"), not of people: published as they are. */
bool disc_about_people(const stat_figure *f)
{
	return f->unit == STAT_COUNT && strncmp(f->id, "reseau.", 7) != 0;
}

/* Groups whose categories may overlap (one person can live in a QPV and be
 * a single parent): each share is only bounded by its base. */
bool disc_overlapping(const stat_group *g)
{
	return !strcmp(g->id, "situation") || !strcmp(g->id, "emploi");
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
		if (disc_overlapping(gr))
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
		m->cell_of[i] = disc_about_people(&s->figs[i]) ? add_cell(b, s, &s->figs[i]) : (size_t)-1;
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

