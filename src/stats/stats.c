/* stats.c - compute the key figures from the model.
 *
 * Figures are appended in report order, groups first declared then filled,
 * so `recit stats` lists them as the report reads. */
#include "stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct stats {
	stat_figure *figs;
	size_t n, cap;
	stat_group *groups;
	size_t n_groups, cap_groups;
	stats_rounding rounding;
	int threshold;
	/* Open-addressing index of figure ids (index + 1, 0 = empty), so that
	 * stats_lookup is O(1): templates look up one figure per table cell,
	 * and a network of 10,000 KPAs has tens of thousands of figures. */
	size_t *slots;
	size_t n_slots; /* a power of two, at least twice n */
};

static size_t hash_id(const char *id)
{
	size_t h = 14695981039346656037u; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	return h;
}

/* Index figure i unless an earlier figure has its id (the first one wins,
 * as in a scan in order). */
static void index_fig(stats *s, size_t i)
{
	size_t mask = s->n_slots - 1;
	for (size_t j = hash_id(s->figs[i].id) & mask;; j = (j + 1) & mask) {
		if (!s->slots[j]) {
			s->slots[j] = i + 1;
			return;
		}
		if (strcmp(s->figs[s->slots[j] - 1].id, s->figs[i].id) == 0)
			return;
	}
}

int stats_percent_half_up(long long value, long long base)
{
	if (base <= 0)
		return -1;
	/* floor(100 v / b + 1/2) in integers. */
	return (int)((200 * value + base) / (2 * base));
}

void stats_percent_largest_remainder(const long long *values, size_t n, long long base,
				     int *out)
{
	if (base <= 0) {
		for (size_t i = 0; i < n; i++)
			out[i] = -1;
		return;
	}
	long long total = 0;
	long long *rem = xcalloc(n, sizeof *rem);
	for (size_t i = 0; i < n; i++) {
		out[i] = (int)(100 * values[i] / base);
		rem[i] = 100 * values[i] % base;
		total += out[i];
	}
	/* Hand the missing points to the largest remainders; ties go to the
	 * earlier entry so the result is deterministic. */
	while (total < 100) {
		size_t best = n;
		for (size_t i = 0; i < n; i++)
			if (rem[i] > 0 && (best == n || rem[i] > rem[best]))
				best = i;
		if (best == n)
			break;
		out[best]++;
		rem[best] = -1;
		total++;
	}
	free(rem);
}

static stat_figure *add_fig(stats *s, const char *id, const char *label, long long value)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->figs = xreallocarray(s->figs, s->cap, sizeof *s->figs);
	}
	stat_figure *f = &s->figs[s->n++];
	*f = (stat_figure){.id = xstrdup(id), .label = xstrdup(label), .value = value,
			   .percent = -1, .group = (size_t)-1};
	if (2 * s->n > s->n_slots) {
		free(s->slots);
		s->n_slots = s->n_slots ? 2 * s->n_slots : 128;
		s->slots = xcalloc(s->n_slots, sizeof *s->slots);
		for (size_t i = 0; i + 1 < s->n; i++)
			index_fig(s, i);
	}
	index_fig(s, s->n - 1);
	return f;
}

/* A share of the figure base_id (which must already exist). */
static stat_figure *add_share(stats *s, const char *id, const char *label, long long value,
			      const char *base_id)
{
	const stat_figure *b = stats_lookup(s, base_id);
	long long base = b ? b->value : 0;
	const char *bid = b ? b->id : NULL;
	stat_figure *f = add_fig(s, id, label, value);
	f->base = base;
	f->base_id = bid;
	f->percent = stats_percent_half_up(value, base);
	return f;
}

/* The base of an optional answer: everybody when all gave it (the figure
 * then is a share of coop.total, as a required column's); otherwise a
 * count of those who did, under its own id. */
static const char *optional_base(stats *s, const char *id, const char *label, long long known,
				 long long all)
{
	if (known == all && all > 0)
		return "coop.total";
	add_fig(s, id, label, known);
	return id;
}

static void add_optional_share(stats *s, const char *id, const char *label, long long value,
			       const char *base_id, long long known)
{
	stat_figure *f = add_share(s, id, label, value, base_id);
	f->not_collected = known == 0;
}

static size_t begin_group(stats *s, const char *id, const char *title, const char *base_id,
			  const char *base_label)
{
	if (s->n_groups == s->cap_groups) {
		s->cap_groups = s->cap_groups ? s->cap_groups * 2 : 16;
		s->groups = xreallocarray(s->groups, s->cap_groups, sizeof *s->groups);
	}
	stat_group *g = &s->groups[s->n_groups];
	const stat_figure *b = base_id ? stats_lookup(s, base_id) : NULL;
	*g = (stat_group){.id = xstrdup(id), .title = xstrdup(title),
			  .base_label = xstrdup(base_label ? base_label : ""),
			  .base_id = b ? b->id : NULL, .base = b ? b->value : 0, .first = s->n};
	return s->n_groups++;
}

/* Close a group: record its figures, detect a partition and apply the
 * rounding rule. */
static void end_group(stats *s, size_t gi)
{
	stat_group *g = &s->groups[gi];
	g->count = s->n - g->first;
	long long sum = 0;
	for (size_t i = g->first; i < s->n; i++) {
		s->figs[i].group = gi;
		sum += s->figs[i].value;
	}
	g->partition = g->base > 0 && sum == g->base;
	if (g->partition && s->rounding == STATS_ROUND_LARGEST_REMAINDER && g->count > 0) {
		long long *vals = xcalloc(g->count, sizeof *vals);
		int *pct = xcalloc(g->count, sizeof *pct);
		for (size_t i = 0; i < g->count; i++)
			vals[i] = s->figs[g->first + i].value;
		stats_percent_largest_remainder(vals, g->count, g->base, pct);
		for (size_t i = 0; i < g->count; i++)
			s->figs[g->first + i].percent = pct[i];
		free(vals);
		free(pct);
	}
}

/* Bands of months used for both the tenure of people present and the stay
 * of people who left; 22+ exists so a long-stayer is not hidden in 13-21. */
enum { STAY_LT6, STAY_6_12, STAY_13_21, STAY_22P, STAY__N };
static const char *const STAY_CODE[STAY__N] = {"moins-6-mois", "6-12-mois", "13-21-mois",
					       "22-mois-et-plus"};
static const char *const STAY_LABEL[STAY__N] = {"Moins de 6 mois", "De 6 à 12 mois",
						"De 13 à 21 mois", "22 mois et plus"};
static int stay_band(int months)
{
	return months < 6 ? STAY_LT6 : months <= 12 ? STAY_6_12 : months <= 21 ? STAY_13_21 : STAY_22P;
}

enum { PLAN_LT1, PLAN_1, PLAN_1_2, PLAN_2, PLAN__N };
static const char *const PLAN_CODE[PLAN__N] = {"moins-1-an", "1-an", "1-2-ans", "2-ans"};
static const char *const PLAN_LABEL[PLAN__N] = {"Moins d'un an", "Un an",
						"Plus d'un an et moins de 2 ans", "2 ans et plus"};
static int plan_band(int months)
{
	return months < 12 ? PLAN_LT1 : months == 12 ? PLAN_1 : months < 24 ? PLAN_1_2 : PLAN_2;
}

/* Outcome families at exit, as the report groups them. */
enum { OUT_EMPLOY, OUT_TRAINING, OUT_BUSINESS, OUT_OTHER_SCHEME, OUT_NONE, OUT_CIVIC,
       OUT_UNKNOWN, OUT__N };
static const char *const OUT_CODE[OUT__N] = {"emploi", "formation", "creation-entreprise",
					     "autre-dispositif", "sans-emploi-ni-formation",
					     "service-civique", "inconnue"};
static const char *const OUT_LABEL[OUT__N] = {"En emploi", "En formation",
					      "Création ou reprise d'entreprise",
					      "Orientation vers un autre dispositif",
					      "Sans emploi ni formation", "Service civique",
					      "Situation inconnue"};
static int outcome_family(int exit)
{
	switch (exit) {
	case EXIT_CDI:
	case EXIT_CDD_6M_PLUS:
	case EXIT_CDD_LT_6M:
	case EXIT_INTERIM:
		return OUT_EMPLOY;
	case EXIT_TRAINING_QUALIFYING:
	case EXIT_TRAINING_OTHER:
		return OUT_TRAINING;
	case EXIT_BUSINESS_CREATION:
		return OUT_BUSINESS;
	case EXIT_OTHER_SCHEME:
		return OUT_OTHER_SCHEME;
	case EXIT_NO_JOB_NO_TRAINING:
		return OUT_NONE;
	case EXIT_CIVIC_SERVICE:
		return OUT_CIVIC;
	default:
		return OUT_UNKNOWN;
	}
}

static void enum_group(stats *s, const model *m, model_enum_kind kind, const char *gid,
		       const char *title, const long long *counts, const char *base_id,
		       const char *base_label)
{
	size_t g = begin_group(s, gid, title, base_id, base_label);
	for (int v = 0; v < model_enum_count(kind); v++) {
		char *id = xasprintf("%s.%s", gid, model_enum_code(kind, v));
		add_share(s, id, model_enum_label(kind, v), counts[v], base_id);
		free(id);
	}
	end_group(s, g);
	(void)m;
}


typedef struct {
	const char *code;
	long long n;
} dep_count;

static int cmp_dep_count(const void *a, const void *b)
{
	const dep_count *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->code, y->code);
}

static void compute_people(stats *s, const model *m)
{
	const model_settings *set = &m->settings;
	long long n = (long long)m->n_people;
	long long sex[SEX__COUNT] = {0}, age[AGE__COUNT] = {0}, edu[EDU__COUNT] = {0};
	long long pe[PE__COUNT] = {0}, exits[EXIT__COUNT] = {0}, out[OUT__N] = {0};
	long long plan[PLAN__N] = {0}, tenure[STAY__N] = {0}, stay[STAY__N] = {0};
	long long qpv = 0, single = 0, intl = 0, rqth = 0, pe_before = 0, pe_during = 0, ml = 0;
	long long known_pe_during = 0, known_ml = 0;
	long long present = 0, left = 0;
	dep_count *deps = xcalloc(m->n_people + 1, sizeof *deps);
	size_t n_deps = 0;

	for (size_t i = 0; i < m->n_people; i++) {
		const model_person *p = &m->people[i];
		sex[p->sex]++;
		age[p->age]++;
		edu[p->edu]++;
		qpv += p->qpv;
		single += p->single_parent;
		intl += p->intl_protection;
		rqth += p->rqth;
		ml += p->mission_locale;
		pe_during += p->pe_during;
		known_ml += !(p->unknown & PERSON_UNKNOWN_ML);
		known_pe_during += !(p->unknown & PERSON_UNKNOWN_PE_DURING);
		if (p->pe_before) {
			pe_before++;
			if (p->pe_duration >= 0)
				pe[p->pe_duration]++;
		}
		plan[plan_band(p->planned_months)]++;
		if (date_is_set(p->exit)) {
			left++;
			stay[stay_band(date_months_between(p->entry, p->exit))]++;
			int e = p->exit_situation >= 0 ? p->exit_situation : EXIT_UNKNOWN;
			exits[e]++;
			out[outcome_family(e)]++;
		} else {
			present++;
			int months = date_is_set(set->period_end)
					     ? date_months_between(p->entry, set->period_end)
					     : 0;
			tenure[stay_band(months)]++;
		}
		size_t k = 0;
		while (k < n_deps && strcmp(deps[k].code, p->departement) != 0)
			k++;
		if (k == n_deps)
			deps[n_deps++] = (dep_count){p->departement, 0};
		deps[k].n++;
	}

	add_fig(s, "coop.total", "Coopérant·es accompagné·es sur la période", n);
	size_t g = begin_group(s, "sexe", "Sexe", "coop.total", "ensemble des coopérant·es");
	add_share(s, "sexe.F", "Femmes", sex[SEX_F], "coop.total");
	add_share(s, "sexe.H", "Hommes", sex[SEX_M], "coop.total");
	end_group(s, g);
	enum_group(s, m, ENUM_AGE, "age", "Tranches d'âge", age, "coop.total", "ensemble des coopérant·es");

	qsort(deps, n_deps, sizeof *deps, cmp_dep_count);
	g = begin_group(s, "departement", "Département de résidence", "coop.total",
			"ensemble des coopérant·es");
	for (size_t k = 0; k < n_deps; k++) {
		char *id = xasprintf("departement.%s", deps[k].code);
		const char *name = model_departement_name(deps[k].code);
		add_share(s, id, name ? name : deps[k].code, deps[k].n, "coop.total");
		free(id);
	}
	end_group(s, g);
	free(deps);

	g = begin_group(s, "situation", "Situation personnelle", "coop.total", "ensemble des coopérant·es");
	add_share(s, "situation.qpv", "Résident dans un quartier prioritaire (QPV)", qpv,
		  "coop.total");
	add_share(s, "situation.parent-isole", "Parents isolés", single, "coop.total");
	add_share(s, "situation.protection-internationale",
		  "Bénéficiaires d'une protection internationale", intl, "coop.total");
	add_share(s, "situation.rqth", "Travailleurs et travailleuses handicapé·es (RQTH)", rqth,
		  "coop.total");
	end_group(s, g);

	enum_group(s, m, ENUM_EDU, "formation", "Plus haut niveau de formation atteint", edu,
		   "coop.total", "ensemble des coopérant·es");

	/* Optional answers: shares of the people for whom it was given. */
	const char *ml_base = optional_base(s, "renseigne.mission-locale",
					    "Coopérant·es dont l'orientation par une Mission locale "
					    "est renseignée",
					    known_ml, n);
	const char *pe_during_base = optional_base(s, "renseigne.pe-pendant",
						   "Coopérant·es dont l'inscription à Pôle emploi "
						   "pendant le parcours est renseignée",
						   known_pe_during, n);
	g = begin_group(s, "emploi", "Situation vis-à-vis de l'emploi", "coop.total",
			"ensemble des coopérant·es");
	add_share(s, "emploi.pe-avant", "Inscrit·es à Pôle emploi avant l'entrée", pe_before,
		  "coop.total");
	add_optional_share(s, "emploi.mission-locale", "Jeunes orienté·es par une Mission locale",
			   ml, ml_base, known_ml);
	add_optional_share(s, "emploi.pe-pendant", "Inscrit·es à Pôle emploi pendant le parcours",
			   pe_during, pe_during_base, known_pe_during);
	end_group(s, g);
	enum_group(s, m, ENUM_PE, "anciennete-pe", "Ancienneté d'inscription à Pôle emploi",
		   pe, "emploi.pe-avant", "personnes inscrites à Pôle emploi avant leur entrée");

	g = begin_group(s, "duree-prevue", "Durée prévisionnelle de parcours", "coop.total",
			"ensemble des coopérant·es");
	for (int b = 0; b < PLAN__N; b++) {
		char *id = xasprintf("duree-prevue.%s", PLAN_CODE[b]);
		add_share(s, id, PLAN_LABEL[b], plan[b], "coop.total");
		free(id);
	}
	end_group(s, g);

	g = begin_group(s, "parcours", "Présent·es et sorti·es", "coop.total", "ensemble des coopérant·es");
	add_share(s, "parcours.presents", "Toujours dans un KPA en fin de période", present,
		  "coop.total");
	add_share(s, "parcours.sortis", "Sorti·es d'un KPA", left, "coop.total");
	end_group(s, g);

	g = begin_group(s, "anciennete", "Ancienneté des personnes présentes en fin de période",
			"parcours.presents", "personnes présentes en fin de période");
	for (int b = 0; b < STAY__N; b++) {
		char *id = xasprintf("anciennete.%s", STAY_CODE[b]);
		add_share(s, id, STAY_LABEL[b], tenure[b], "parcours.presents");
		free(id);
	}
	end_group(s, g);
	g = begin_group(s, "duree-sejour", "Durée de parcours des personnes sorties",
			"parcours.sortis", "personnes sorties");
	for (int b = 0; b < STAY__N; b++) {
		char *id = xasprintf("duree-sejour.%s", STAY_CODE[b]);
		add_share(s, id, STAY_LABEL[b], stay[b], "parcours.sortis");
		free(id);
	}
	end_group(s, g);

	g = begin_group(s, "sortie", "Situation à la sortie", "parcours.sortis",
			"personnes sorties");
	for (int o = 0; o < OUT__N; o++) {
		char *id = xasprintf("sortie.%s", OUT_CODE[o]);
		add_share(s, id, OUT_LABEL[o], out[o], "parcours.sortis");
		free(id);
	}
	end_group(s, g);
	enum_group(s, m, ENUM_EXIT, "sortie-detail", "Situation à la sortie, en détail", exits,
		   "parcours.sortis", "personnes sorties");
}

/* The KPAs whose per-KPA figures are made: all of them for the network; for
 * one KPA's sheet only its own (the others' would all be zero, and making
 * them for every sheet costs the square of the number of KPAs). */
typedef struct {
	size_t first, end;
} kpa_range;

static kpa_range all_kpas(const model *m)
{
	return (kpa_range){0, m->n_kpas};
}

static void compute_kpas(stats *s, const model *m, kpa_range r)
{
	long long *people = xcalloc(r.end - r.first + 1, sizeof *people);
	for (size_t i = 0; i < m->n_people; i++)
		if (m->people[i].kpa >= r.first && m->people[i].kpa < r.end)
			people[m->people[i].kpa - r.first]++;
	long long active = 0;
	for (size_t k = r.first; k < r.end; k++)
		active += people[k - r.first] > 0;
	add_fig(s, "reseau.kpa", "KPA du réseau", (long long)m->n_kpas);
	add_fig(s, "reseau.kpa-actifs", "KPA ayant accompagné des coopérant·es sur la période",
		active);
	size_t g = begin_group(s, "kpa", "Coopérant·es par KPA", "coop.total",
			       "ensemble des coopérant·es");
	for (size_t k = r.first; k < r.end; k++) {
		char *id = xasprintf("kpa.%s", m->kpas[k].id);
		add_share(s, id, m->kpas[k].name, people[k - r.first], "coop.total");
		free(id);
	}
	end_group(s, g);
	free(people);
}

static void compute_finances(stats *s, const model *m, kpa_range r)
{
	if (m->n_finances == 0)
		return;
	size_t nk = r.end - r.first;
	long long *rev = xcalloc(nk + 1, sizeof *rev);
	bool *has = xcalloc(nk + 1, sizeof *has);
	long long total = 0;
	for (size_t i = 0; i < m->n_finances; i++) {
		size_t k = m->finances[i].kpa;
		if (k >= r.first && k < r.end) {
			rev[k - r.first] += m->finances[i].revenue_cents;
			has[k - r.first] = true;
		}
		total += m->finances[i].revenue_cents;
	}
	stat_figure *t = add_fig(s, "ca.total", "Chiffre d'affaires HT du réseau", total);
	t->unit = STAT_EUROS_CENTS;
	size_t g = begin_group(s, "ca", "Chiffre d'affaires HT par KPA", "ca.total", "euros");
	for (size_t k = r.first; k < r.end; k++) {
		if (!has[k - r.first])
			continue;
		char *id = xasprintf("ca.%s", m->kpas[k].id);
		stat_figure *f = add_share(s, id, m->kpas[k].name, rev[k - r.first], "ca.total");
		f->unit = STAT_EUROS_CENTS;
		free(id);
	}
	end_group(s, g);

	/* Per calendar year, for rows that lie within one year. A row spanning
	 * years is only in the totals: splitting it would invent figures. The
	 * sums are made in one pass over the rows (KPA × year cells). */
	int y0 = m->settings.period_start.y, y1 = m->settings.period_end.y;
	if (y0 > 0 && y1 >= y0 && y1 - y0 < 50) {
		size_t ny = (size_t)(y1 - y0 + 1);
		long long *sum = xcalloc(nk * ny + 1, sizeof *sum);
		bool *any = xcalloc(nk * ny + 1, sizeof *any);
		for (size_t i = 0; i < m->n_finances; i++) {
			const model_finance *f = &m->finances[i];
			if (f->kpa >= r.first && f->kpa < r.end && f->start.y == f->end.y &&
			    f->start.y >= y0 && f->start.y <= y1) {
				size_t c = (f->kpa - r.first) * ny + (size_t)(f->start.y - y0);
				sum[c] += f->revenue_cents;
				any[c] = true;
			}
		}
		g = begin_group(s, "ca-annuel", "Chiffre d'affaires HT par KPA et par année", NULL,
				"euros");
		for (size_t k = r.first; k < r.end; k++) {
			for (int y = y0; y <= y1; y++) {
				size_t c = (k - r.first) * ny + (size_t)(y - y0);
				if (!any[c])
					continue;
				char *id = xasprintf("ca.%s.%d", m->kpas[k].id, y);
				char *label = xasprintf("%s, %d", m->kpas[k].name, y);
				stat_figure *f = add_fig(s, id, label, sum[c]);
				f->unit = STAT_EUROS_CENTS;
				free(id);
				free(label);
			}
		}
		end_group(s, g);
		free(sum);
		free(any);
	}

	/* Pay distributed to coopérant·es, where given. */
	long long pay = 0;
	bool any_pay = false;
	for (size_t i = 0; i < m->n_finances; i++)
		if (m->finances[i].pay_cents >= 0) {
			pay += m->finances[i].pay_cents;
			any_pay = true;
		}
	if (any_pay) {
		stat_figure *f = add_fig(s, "remunerations.total",
					 "Rémunérations versées aux coopérant·es", pay);
		f->unit = STAT_EUROS_CENTS;
	}
	free(rev);
	free(has);
}

/* --- small cells -------------------------------------------------------------
 *
 * A constraint says "total = sum of cells" where the total is published: a
 * partition group and its base, an outcome family and its detail, a share
 * and its complement. If the withheld cells of a constraint are too few
 * (one) or add up to less than k, they can be recomputed or bounded from
 * the others, so the smallest published non-zero cells are withheld too.
 * Repeat until nothing changes: withholding a cell can expose another
 * constraint that shares it. */

typedef struct {
	const char *total;   /* figure id, or NULL for "the group's base" */
	const char *cells[12];
} link_constraint;

/* Sub-categories whose families are published in another group. */
static const link_constraint LINKS[] = {
	{"sortie.emploi", {"sortie-detail.cdi", "sortie-detail.cdd-6-mois-et-plus",
			   "sortie-detail.cdd-moins-6-mois", "sortie-detail.interim"}},
	{"sortie.formation", {"sortie-detail.formation-qualifiante",
			      "sortie-detail.formation-non-qualifiante"}},
};

static bool hidden(const stat_figure *f)
{
	return f->suppression != STAT_PUBLISHED;
}

/* Make one constraint safe; returns whether anything changed. cells are
 * figure indexes; total_hidden says whether the total itself is withheld
 * (then the constraint reveals nothing). */
static bool protect(stats *s, const size_t *cells, size_t n, bool total_hidden)
{
	if (total_hidden)
		return false;
	bool changed = false;
	for (;;) {
		size_t n_hidden = 0;
		long long hidden_sum = 0;
		for (size_t i = 0; i < n; i++)
			if (hidden(&s->figs[cells[i]])) {
				n_hidden++;
				hidden_sum += s->figs[cells[i]].value;
			}
		if (n_hidden == 0 || (n_hidden >= 2 && hidden_sum >= s->threshold))
			return changed;
		/* Withhold the smallest published non-zero cell (ties: the first). */
		size_t best = (size_t)-1;
		for (size_t i = 0; i < n; i++) {
			const stat_figure *f = &s->figs[cells[i]];
			if (!hidden(f) && f->value > 0 &&
			    (best == (size_t)-1 || f->value < s->figs[best].value))
				best = cells[i];
		}
		if (best == (size_t)-1)
			return changed; /* only zeros left: nothing more to hide */
		s->figs[best].suppression = STAT_SUPPRESSED_SECONDARY;
		changed = true;
	}
}

static size_t fig_index(const stats *s, const char *id)
{
	const stat_figure *f = stats_lookup(s, id);
	return f ? (size_t)(f - s->figs) : (size_t)-1;
}

static void suppress_small_cells(stats *s)
{
	if (s->threshold <= 0)
		return;
	for (size_t i = 0; i < s->n; i++) {
		stat_figure *f = &s->figs[i];
		if (f->unit == STAT_COUNT && f->value > 0 && f->value < s->threshold)
			f->suppression = STAT_SUPPRESSED_PRIMARY;
	}
	size_t *cells = xcalloc(s->n + 2, sizeof *cells);
	bool changed = true;
	for (int round = 0; changed && round < 100; round++) {
		changed = false;
		for (size_t g = 0; g < s->n_groups; g++) {
			const stat_group *gr = &s->groups[g];
			if (!gr->partition || gr->count == 0 ||
			    s->figs[gr->first].unit != STAT_COUNT)
				continue;
			for (size_t i = 0; i < gr->count; i++)
				cells[i] = gr->first + i;
			const stat_figure *base = gr->base_id ? stats_lookup(s, gr->base_id) : NULL;
			changed |= protect(s, cells, gr->count, base && hidden(base));
		}
		for (size_t l = 0; l < sizeof LINKS / sizeof LINKS[0]; l++) {
			size_t t = fig_index(s, LINKS[l].total), n = 0;
			if (t == (size_t)-1)
				continue;
			for (size_t c = 0; c < 12 && LINKS[l].cells[c]; c++) {
				size_t k = fig_index(s, LINKS[l].cells[c]);
				if (k != (size_t)-1)
					cells[n++] = k;
			}
			changed |= protect(s, cells, n, hidden(&s->figs[t]));
		}
		/* A share and its complement: "265 of 267" reveals "2 are not". */
		for (size_t i = 0; i < s->n; i++) {
			stat_figure *f = &s->figs[i];
			if (f->unit != STAT_COUNT || f->base <= 0 || hidden(f))
				continue;
			const stat_group *gr = f->group != (size_t)-1 ? &s->groups[f->group] : NULL;
			if (gr && gr->partition)
				continue; /* handled with its group */
			long long rest = f->base - f->value;
			if (rest > 0 && rest < s->threshold) {
				f->suppression = STAT_SUPPRESSED_SECONDARY;
				changed = true;
			}
		}
	}
	free(cells);
}

/* Everything but the small-cell rule, which must come last. */
static stats *compute_unsuppressed(const model *m, const stats_options *opt, kpa_range r)
{
	stats *s = xcalloc(1, sizeof *s);
	s->rounding = opt ? opt->rounding : STATS_ROUND_HALF_UP;
	s->threshold = (!opt || opt->threshold < 0) ? m->settings.privacy_threshold : opt->threshold;
	compute_people(s, m);
	compute_kpas(s, m, r);
	compute_finances(s, m, r);
	return s;
}

/* Which rows the figures rest on (the period rules of docs/inputs.md), so
 * whoever checks the numbers knows what was left out. */
static void compute_rows(stats *s, const model *m)
{
	add_fig(s, "lignes.activite.lues", "Lignes lues dans le fichier d'activité",
		(long long)m->people_rows);
	add_fig(s, "lignes.activite.retenues", "Lignes retenues (présent·es sur la période)",
		(long long)m->n_people);
	add_fig(s, "lignes.activite.avant-periode",
		"Lignes ignorées : personnes sorties avant la période",
		(long long)m->people_before);
	add_fig(s, "lignes.activite.apres-periode",
		"Lignes ignorées : personnes entrées après la période",
		(long long)m->people_after);
	add_fig(s, "lignes.activite.sortie-apres-periode",
		"Lignes retenues comme présentes en fin de période (sortie après la période)",
		(long long)m->people_exit_after);
	if (m->n_finances == 0)
		return;
	long long overlap = 0;
	for (size_t i = 0; i < m->n_finances; i++) {
		const model_finance *f = &m->finances[i];
		overlap += date_cmp(f->start, m->settings.period_start) < 0 ||
			   date_cmp(f->end, m->settings.period_end) > 0;
	}
	add_fig(s, "lignes.finances.retenues", "Lignes financières retenues",
		(long long)m->n_finances);
	add_fig(s, "lignes.finances.debordantes",
		"Lignes financières débordant de la période, comptées en entier", overlap);
}

stats *stats_compute(const model *m, const stats_options *opt)
{
	stats *s = compute_unsuppressed(m, opt, all_kpas(m));
	compute_rows(s, m);
	suppress_small_cells(s);
	return s;
}

/* A KPA's revenue per calendar year, for the chart of its sheet. Rows that
 * span years go to one "whole period" bar: splitting them would invent
 * figures. */
static void compute_kpa_years(stats *s, const model *m)
{
	int y0 = m->settings.period_start.y, y1 = m->settings.period_end.y;
	if (m->n_finances == 0 || y0 <= 0 || y1 < y0 || y1 - y0 >= 50)
		return;
	size_t g = begin_group(s, "ca-annee", "Chiffre d'affaires HT par année", NULL, "euros");
	for (int y = y0; y <= y1; y++) {
		long long sum = 0;
		bool any = false;
		for (size_t i = 0; i < m->n_finances; i++) {
			const model_finance *f = &m->finances[i];
			if (f->start.y == y && f->end.y == y) {
				sum += f->revenue_cents;
				any = true;
			}
		}
		if (!any)
			continue;
		char id[32], label[16];
		snprintf(id, sizeof id, "ca-annee.%d", y);
		snprintf(label, sizeof label, "%d", y);
		add_fig(s, id, label, sum)->unit = STAT_EUROS_CENTS;
	}
	long long spans = 0;
	bool any = false;
	for (size_t i = 0; i < m->n_finances; i++)
		if (m->finances[i].start.y != m->finances[i].end.y) {
			spans += m->finances[i].revenue_cents;
			any = true;
		}
	if (any)
		add_fig(s, "ca-annee.periode", "Période entière", spans)->unit = STAT_EUROS_CENTS;
	end_group(s, g);
}

stats *stats_compute_kpa(const model *m, size_t kpa, const stats_options *opt)
{
	/* A view of the model holding only this KPA's rows: the KPA list stays
	 * whole so that row indexes into it remain valid. The rows are shallow
	 * copies; the view owns only its two arrays. With the model's row
	 * index this costs the KPA's rows, not the network's. */
	model view = *m;
	view.n_people = view.n_finances = 0;
	if (m->kpa_people_at && kpa < m->n_kpas) {
		size_t p0 = m->kpa_people_at[kpa], p1 = m->kpa_people_at[kpa + 1];
		size_t f0 = m->kpa_finances_at[kpa], f1 = m->kpa_finances_at[kpa + 1];
		view.people = xcalloc(p1 - p0 + 1, sizeof *view.people);
		view.finances = xcalloc(f1 - f0 + 1, sizeof *view.finances);
		for (size_t i = p0; i < p1; i++)
			view.people[view.n_people++] = m->people[m->kpa_people[i]];
		for (size_t i = f0; i < f1; i++)
			view.finances[view.n_finances++] = m->finances[m->kpa_finances[i]];
	} else {
		view.people = xcalloc(m->n_people + 1, sizeof *view.people);
		view.finances = xcalloc(m->n_finances + 1, sizeof *view.finances);
		for (size_t i = 0; i < m->n_people; i++)
			if (m->people[i].kpa == kpa)
				view.people[view.n_people++] = m->people[i];
		for (size_t i = 0; i < m->n_finances; i++)
			if (m->finances[i].kpa == kpa)
				view.finances[view.n_finances++] = m->finances[i];
	}
	kpa_range r = {kpa < m->n_kpas ? kpa : 0, kpa < m->n_kpas ? kpa + 1 : 0};
	stats *s = compute_unsuppressed(&view, opt, r);
	compute_kpa_years(s, &view);
	suppress_small_cells(s);
	free(view.people);
	free(view.finances);
	return s;
}

stats_options stats_options_of(const stats *s)
{
	return (stats_options){s->rounding, s->threshold};
}

int stats_threshold(const stats *s)
{
	return s->threshold;
}

void stats_destroy(stats *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->figs[i].id);
		free(s->figs[i].label);
	}
	for (size_t i = 0; i < s->n_groups; i++) {
		free(s->groups[i].id);
		free(s->groups[i].title);
		free(s->groups[i].base_label);
	}
	free(s->figs);
	free(s->slots);
	free(s->groups);
	free(s);
}

size_t stats_count(const stats *s)
{
	return s->n;
}

const stat_figure *stats_at(const stats *s, size_t i)
{
	return i < s->n ? &s->figs[i] : NULL;
}

const stat_figure *stats_lookup(const stats *s, const char *id)
{
	if (s->n_slots) {
		size_t mask = s->n_slots - 1;
		for (size_t j = hash_id(id) & mask; s->slots[j]; j = (j + 1) & mask)
			if (strcmp(s->figs[s->slots[j] - 1].id, id) == 0)
				return &s->figs[s->slots[j] - 1];
		return NULL;
	}
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->figs[i].id, id) == 0)
			return &s->figs[i];
	return NULL;
}

size_t stats_group_count(const stats *s)
{
	return s->n_groups;
}

const stat_group *stats_group_at(const stats *s, size_t i)
{
	return i < s->n_groups ? &s->groups[i] : NULL;
}

const stat_group *stats_group_lookup(const stats *s, const char *id)
{
	for (size_t i = 0; i < s->n_groups; i++)
		if (strcmp(s->groups[i].id, id) == 0)
			return &s->groups[i];
	return NULL;
}
