/* stats.c - compute the key figures from the model.
 *
 * Figures are appended in report order, groups first declared then filled,
 * so `recit stats` lists them as the report reads. */
#include "stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats_int.h"
#include "util.h"

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

static void compute_kpas(stats *s, const model *m)
{
	long long *people = xcalloc(m->n_kpas + 1, sizeof *people);
	for (size_t i = 0; i < m->n_people; i++)
		people[m->people[i].kpa]++;
	long long active = 0;
	for (size_t k = 0; k < m->n_kpas; k++)
		active += people[k] > 0;
	add_fig(s, "reseau.kpa", "KPA du réseau", (long long)m->n_kpas);
	add_fig(s, "reseau.kpa-actifs", "KPA ayant accompagné des coopérant·es sur la période",
		active);
	size_t g = begin_group(s, "kpa", "Coopérant·es par KPA", "coop.total",
			       "ensemble des coopérant·es");
	for (size_t k = 0; k < m->n_kpas; k++) {
		char *id = xasprintf("kpa.%s", m->kpas[k].id);
		add_share(s, id, m->kpas[k].name, people[k], "coop.total");
		free(id);
	}
	end_group(s, g);
	free(people);
}

static void compute_finances(stats *s, const model *m)
{
	if (m->n_finances == 0)
		return;
	long long *rev = xcalloc(m->n_kpas + 1, sizeof *rev);
	bool *has = xcalloc(m->n_kpas + 1, sizeof *has);
	long long total = 0;
	for (size_t i = 0; i < m->n_finances; i++) {
		rev[m->finances[i].kpa] += m->finances[i].revenue_cents;
		has[m->finances[i].kpa] = true;
		total += m->finances[i].revenue_cents;
	}
	stat_figure *t = add_fig(s, "ca.total", "Chiffre d'affaires HT du réseau", total);
	t->unit = STAT_EUROS_CENTS;
	size_t g = begin_group(s, "ca", "Chiffre d'affaires HT par KPA", "ca.total", "euros");
	for (size_t k = 0; k < m->n_kpas; k++) {
		if (!has[k])
			continue;
		char *id = xasprintf("ca.%s", m->kpas[k].id);
		stat_figure *f = add_share(s, id, m->kpas[k].name, rev[k], "ca.total");
		f->unit = STAT_EUROS_CENTS;
		free(id);
	}
	end_group(s, g);

	/* Per calendar year, for rows that lie within one year. A row spanning
	 * years is only in the totals: splitting it would invent figures. */
	int y0 = m->settings.period_start.y, y1 = m->settings.period_end.y;
	if (y0 > 0 && y1 >= y0 && y1 - y0 < 50) {
		g = begin_group(s, "ca-annuel", "Chiffre d'affaires HT par KPA et par année", NULL,
				"euros");
		for (size_t k = 0; k < m->n_kpas; k++) {
			for (int y = y0; y <= y1; y++) {
				long long sum = 0;
				bool any = false;
				for (size_t i = 0; i < m->n_finances; i++) {
					const model_finance *f = &m->finances[i];
					if (f->kpa == k && f->start.y == y && f->end.y == y) {
						sum += f->revenue_cents;
						any = true;
					}
				}
				if (!any)
					continue;
				char *id = xasprintf("ca.%s.%d", m->kpas[k].id, y);
				char *label = xasprintf("%s, %d", m->kpas[k].name, y);
				stat_figure *f = add_fig(s, id, label, sum);
				f->unit = STAT_EUROS_CENTS;
				free(id);
				free(label);
			}
		}
		end_group(s, g);
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

/* Everything but the disclosure rules, which come last (stats_disclose.c). */
stats *stats_compute_raw(const model *m, const stats_options *opt)
{
	stats *s = xcalloc(1, sizeof *s);
	s->cached_leaks = -1;
	s->rounding = opt ? opt->rounding : STATS_ROUND_HALF_UP;
	s->threshold = (!opt || opt->threshold < 0) ? m->settings.privacy_threshold : opt->threshold;
	compute_people(s, m);
	compute_kpas(s, m);
	compute_finances(s, m);
	return s;
}

/* Which rows the figures rest on (the period rules of docs/inputs.md), so
 * whoever checks the numbers knows what was left out. */
void stats_add_rows(stats *s, const model *m)
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

const stats *stats_kpa(const stats *s, size_t k)
{
	return k < s->n_kpa ? s->kpa[k] : NULL;
}

size_t stats_kpa_count(const stats *s)
{
	return s->n_kpa;
}

const char *stats_kpa_id(const stats *s)
{
	return s->kpa_id;
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

stats *stats_compute_raw_kpa(const model *m, size_t kpa, const stats_options *opt)
{
	/* A view of the model holding only this KPA's rows: the KPA list stays
	 * whole so that row indexes into it remain valid. The rows are shallow
	 * copies; the view owns only its two arrays. */
	model view = *m;
	view.people = xcalloc(m->n_people + 1, sizeof *view.people);
	view.finances = xcalloc(m->n_finances + 1, sizeof *view.finances);
	view.n_people = view.n_finances = 0;
	for (size_t i = 0; i < m->n_people; i++)
		if (m->people[i].kpa == kpa)
			view.people[view.n_people++] = m->people[i];
	for (size_t i = 0; i < m->n_finances; i++)
		if (m->finances[i].kpa == kpa)
			view.finances[view.n_finances++] = m->finances[i];
	stats *s = stats_compute_raw(&view, opt);
	compute_kpa_years(s, &view);
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
	free(s->groups);
	for (size_t k = 0; k < s->n_kpa; k++)
		stats_destroy(s->kpa[k]);
	free(s->kpa);
	free(s->audit_text);
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
