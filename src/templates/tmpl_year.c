/* tmpl_year.c - the facts of the network and of the year, as the layouts
 * refer to them: {reseau.nom}, {reseau.villes}, {histoire.nombre},
 * {ateliers.nombre}, {kit.cartes}, {kit.jokers}, the test <si donnee="...">
 * and the timelines of <graphique type="frise" evenements="...">. They come
 * from the year folder (recit.xml, kpa.csv, entretiens/grille.xml), so that a
 * shipped layout states nothing true of one network only; a layout leaves a
 * passage out when its fact is absent (docs/templates.md). */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "tmpl_int.h"

const char *const tmpl_year_names[TMPL_N_YEAR_NAMES] = {
	"reseau.nom",	 "reseau.villes", "histoire.nombre",
	"ateliers.nombre", "kit.cartes",    "kit.jokers"};

/* The cities of kpa.csv, each once, in the order of the file, as French
 * lists them: "Lille, Roubaix et Tours". */
static char *cities(const model *m)
{
	const char **seen = xcalloc(m->n_kpas + 1, sizeof *seen);
	size_t n = 0;
	for (size_t i = 0; i < m->n_kpas; i++) {
		const char *c = m->kpas[i].city;
		bool dup = !c || !*c;
		for (size_t j = 0; j < n && !dup; j++)
			dup = !strcmp(seen[j], c);
		if (!dup)
			seen[n++] = c;
	}
	strbuf b = {0};
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == n ? " et " : ", ", seen[i]);
	free(seen);
	return b.data ? strbuf_detach(&b) : xstrdup("");
}

/* Printed cards of the kit, and those of the JOKER (the card whose id is
 * "joker"), from the codebook's <cartes>. */
static void kit_counts(const interviews *iv, long long *cards, long long *jokers)
{
	*cards = *jokers = 0;
	for (size_t i = 0; iv && i < interviews_card_count(iv); i++) {
		const iv_card *c = interviews_card_at(iv, i);
		int copies = c->copies > 0 ? c->copies : 1;
		*cards += copies;
		if (!strcmp(c->id, "joker"))
			*jokers += copies;
	}
}

static const model_timeline *timeline_named(const model *m, const char *name)
{
	if (!strcmp(name, "histoire"))
		return &m->year.history;
	if (!strcmp(name, "ateliers"))
		return &m->year.workshops;
	return NULL;
}

int tmpl_year_ref(tmpl_ctx *x, const char *file, int line, const char *ref, const char **text,
		  long long *n)
{
	const model_year *y = &x->m->year;
	if (!strcmp(ref, "reseau.nom")) {
		if (!y->network_name) {
			tmpl_error(x, file, line,
				   "{reseau.nom}: the year folder gives no network name: add "
				   "<reseau nom=\"...\"/> to recit.xml, or put the passage in "
				   "<si donnee=\"reseau.nom\">");
			return -1;
		}
		*text = y->network_name;
		return 1;
	}
	if (!strcmp(ref, "reseau.villes")) {
		/* Made once, kept until the build ends (tmpl_year_finish). */
		if (!x->year_cities)
			x->year_cities = cities(x->m);
		*text = x->year_cities;
		return 1;
	}
	if (!strcmp(ref, "histoire.nombre") || !strcmp(ref, "ateliers.nombre")) {
		const model_timeline *t = timeline_named(x->m, ref[0] == 'h' ? "histoire" : "ateliers");
		*n = (long long)t->n_events;
		return 2;
	}
	if (!strcmp(ref, "kit.cartes") || !strcmp(ref, "kit.jokers")) {
		if (!x->iv || interviews_card_count(x->iv) == 0) {
			tmpl_error(x, file, line,
				   "{%s}: the year folder has no interview cards (entretiens/grille.xml, "
				   "<cartes>): put the passage in <si donnee=\"kit\">",
				   ref);
			return -1;
		}
		long long cards, jokers;
		kit_counts(x->iv, &cards, &jokers);
		*n = ref[4] == 'c' ? cards : jokers;
		return 2;
	}
	return 0;
}

bool tmpl_year_cond(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	char *what = xml_attr_dup(n, "donnee");
	bool r = false;
	long long cards = 0, jokers = 0;
	kit_counts(x->iv, &cards, &jokers);
	if (!what)
		r = false;
	else if (!strcmp(what, "reseau.nom"))
		r = x->m->year.network_name != NULL;
	else if (!strcmp(what, "histoire") || !strcmp(what, "ateliers"))
		r = timeline_named(x->m, what)->n_events > 0;
	else if (!strcmp(what, "kit"))
		r = cards > 0;
	else if (!strcmp(what, "kit.jokers"))
		r = jokers > 0;
	else if (!strcmp(what, "reseau.villes"))
		r = x->m->n_kpas > 0;
	else if (!strcmp(what, "lieux")) {
		for (size_t i = 0; i < x->m->n_kpas && !r; i++)
			r = model_find_place(x->m, x->m->kpas[i].city) != NULL;
	}
	else {
		static const char *const known[] = {"reseau.nom", "reseau.villes", "histoire",
						    "ateliers", "kit", "kit.jokers", "lieux"};
		tmpl_error(x, f->path, tmpl_line(n), "unknown data \"%s\" in <si donnee>%s", what,
			   text_did_you_mean(what, known, sizeof known / sizeof *known).s);
	}
	free(what);
	return r;
}

const model_timeline *tmpl_year_timeline(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n)
{
	char *what = xml_attr_dup(n, "evenements");
	const model_timeline *t = what ? timeline_named(x->m, what) : NULL;
	if (what && !t) {
		static const char *const known[] = {"histoire", "ateliers"};
		tmpl_error(x, f->path, tmpl_line(n),
			   "\"evenements\": expected histoire or ateliers (recit.xml), found \"%s\"%s",
			   what, text_did_you_mean(what, known, 2).s);
	}
	free(what);
	return t;
}

void tmpl_year_map(tmpl_ctx *x, doc_chart *c)
{
	const model *m = x->m;
	doc_chart_add_series(c, "KPA");
	doc_chart_add_series(c, "longitude");
	doc_chart_add_series(c, "latitude");
	for (size_t i = 0; i < m->n_kpas; i++) {
		const char *city = m->kpas[i].city;
		if (!city || !*city)
			continue;
		char *label = doc_escape(city);
		size_t k = 0;
		while (k < c->n_cats && strcmp(c->cats[k].label, label))
			k++;
		if (k == c->n_cats) {
			k = doc_chart_add_cat(c, label, -1);
			doc_chart_set(c, 0, k, 0, NULL, 0);
			const model_place *p = model_find_place(m, city);
			if (p) {
				doc_chart_set(c, 1, k, p->lon, NULL, 0);
				doc_chart_set(c, 2, k, p->lat, NULL, 0);
			}
		}
		free(label);
		c->series[0].values[k] += 1;
	}
	/* KPAs are not people: their counts are never hidden. */
	c->unit = DOC_CHART_COUNT;
}

/* French words for 0 to 99 (« dix-sept », « soixante et onze »,
 * « quatre-vingts »): small counts in running text read better in words. */
bool tmpl_number_words(long long v, char *buf, size_t cap)
{
	static const char *const units[] = {
		"zéro",	    "un",	  "deux",      "trois",	   "quatre",	"cinq",	    "six",
		"sept",	    "huit",	  "neuf",      "dix",	   "onze",	"douze",    "treize",
		"quatorze", "quinze",	  "seize",     "dix-sept", "dix-huit", "dix-neuf"};
	static const char *const tens[] = {"",	       "",	  "vingt",    "trente", "quarante",
					   "cinquante", "soixante", "soixante", "quatre-vingt",
					   "quatre-vingt"};
	if (v < 0 || v > 99)
		return false;
	if (v < 20) {
		snprintf(buf, cap, "%s", units[v]);
		return true;
	}
	int t = (int)(v / 10), u = (int)(v % 10);
	if (t == 7 || t == 9)
		u += 10; /* soixante-dix, quatre-vingt-dix */
	if (u == 0)
		snprintf(buf, cap, "%s%s", tens[t], t == 8 ? "s" : "");
	else if ((u == 1 || u == 11) && t != 8 && t != 9)
		snprintf(buf, cap, "%s et %s", tens[t], units[u]);
	else
		snprintf(buf, cap, "%s-%s", tens[t], units[u]);
	return true;
}

void tmpl_year_finish(tmpl_ctx *x)
{
	free(x->year_cities);
	x->year_cities = NULL;
}
