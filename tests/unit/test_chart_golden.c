/* Golden-image test of the charts: renders one page per chart type through
 * the PNG device, crops it to the figure, and compares it with the
 * reference in tests/golden/charts/ (tolerance in docs/charts.md).
 *
 *   test_chart_golden OUT_DIR GOLDEN_DIR [--update]
 *
 * Writes OUT_DIR/NAME.png (what was drawn) and, on a difference,
 * OUT_DIR/NAME-diff.png (differing pixels in red over a faded copy).
 * --update rewrites the references instead of comparing. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cairo.h>

#include "doc.h"
#include "png_diff.h"
#include "draw.h"
#include "typeset.h"
#include "typeset_page.h"
#include "test_typesetter.h"
#include "util.h"

#define NB "\xC2\xA0"
#define NN "\xE2\x80\xAF"
#define EUR NN "\xE2\x82\xAC"

/* 96 dpi: fine enough to see 7 pt labels, small enough to keep in git. */
#define DPI 96.0

static doc_chart *add(doc *d, doc_chart_type t, const char *title, const char *note,
		      long long base)
{
	doc_chart *c = doc_add_chart(d, t, title, note);
	c->base = base;
	c->threshold = 3;
	return c;
}

static void cell(doc_chart *c, size_t s, const char *label, double v, const char *text, int sup,
		 int parent)
{
	size_t k = (size_t)-1;
	for (size_t i = 0; i < c->n_cats; i++)
		if (strcmp(c->cats[i].label, label) == 0)
			k = i;
	if (k == (size_t)-1)
		k = doc_chart_add_cat(c, label, parent);
	doc_chart_set(c, s, k, v, text, sup);
}

static void build(doc *d, const char *name)
{
	const char *base = "Base : ensemble des coopérant·es (n = 267).";
	if (!strcmp(name, "barres")) {
		doc_chart *c = add(d, DOC_CHART_HBAR, "Plus haut niveau de formation atteint", base, 267);
		doc_chart_add_series(c, NULL);
		cell(c, 0, "Inférieur au CAP, BEP ou bac", 51, "19" NB "% (51)", 0, -1);
		cell(c, 0, "CAP ou BEP", 62, "23" NB "% (62)", 0, -1);
		cell(c, 0, "Baccalauréat", 45, "17" NB "% (45)", 0, -1);
		cell(c, 0, "Bac +2 à +4", 29, "11" NB "% (29)", 0, -1);
		cell(c, 0, "Bac +5 et plus, y compris les diplômes étrangers reconnus de même niveau",
		     2, NULL, 1, -1);
		cell(c, 0, "Non connu", 72, "27" NB "% (72)", 0, -1);
	} else if (!strcmp(name, "colonnes")) {
		doc_chart *c = add(d, DOC_CHART_VBAR, "Coopérant·es par tranche d'âge", base, 267);
		doc_chart_add_series(c, NULL);
		cell(c, 0, "16-24 ans", 59, NULL, 0, -1);
		cell(c, 0, "25-39 ans", 92, NULL, 0, -1);
		cell(c, 0, "40-54 ans", 94, NULL, 0, -1);
		cell(c, 0, "55 ans et plus", 22, NULL, 0, -1);
		cell(c, 0, "Âge non renseigné", 1, NULL, 1, -1);
	} else if (!strcmp(name, "groupees")) {
		doc_chart *c = add(d, DOC_CHART_HBAR, "Chiffre d'affaires HT par KPA et par année",
				   "Source : données financières déclarées par les KPA.", 0);
		c->unit = DOC_CHART_EUROS;
		doc_chart_add_series(c, "2022");
		doc_chart_add_series(c, "2023");
		cell(c, 0, "Coop Manau (Roubaix)", 51200, NULL, 0, -1);
		cell(c, 1, "Coop Manau (Roubaix)", 56257, NULL, 0, -1);
		cell(c, 0, "KPA Touraine (Tours)", 15510, NULL, 0, -1);
		cell(c, 1, "KPA Touraine (Tours)", 48392, NULL, 0, -1);
		cell(c, 0, "KPA Valenciennes", 17500, NULL, 0, -1);
		cell(c, 1, "KPA Valenciennes", 22174, NULL, 0, -1);
		cell(c, 0, "La Fourmilière (Boulogne-sur-Mer)", 11082, NULL, 0, -1);
		cell(c, 1, "La Fourmilière (Boulogne-sur-Mer)", 15500, NULL, 0, -1);
		cell(c, 1, "Moulins Coop (Lille)", 21199, NULL, 0, -1);
	} else if (!strcmp(name, "empilees")) {
		doc_chart *c = add(d, DOC_CHART_STACKED, "Département de résidence", base, 267);
		doc_chart_add_series(c, NULL);
		cell(c, 0, "Nord", 213, "80" NB "%", 0, -1);
		cell(c, 0, "Charente-Maritime", 27, "10" NB "%", 0, -1);
		cell(c, 0, "Indre-et-Loire", 19, "7" NB "%", 0, -1);
		cell(c, 0, "Pas-de-Calais", 8, "3" NB "%", 0, -1);
		cell(c, 0, "Somme", 2, NULL, 1, -1);
	} else if (!strcmp(name, "anneau")) {
		doc_chart *c = add(d, DOC_CHART_DONUT, "Résidence en quartier prioritaire", base, 267);
		c->center = xstrdup("<b>267</b>\ncoopérant·es");
		doc_chart_add_series(c, NULL);
		cell(c, 0, "Résident dans un quartier prioritaire (QPV)", 187, "70" NB "%", 0, -1);
		cell(c, 0, "Hors quartier prioritaire", 78, "29" NB "%", 0, -1);
		cell(c, 0, "Non renseigné", 2, NULL, 1, -1);
	} else if (!strcmp(name, "unites")) {
		doc_chart *c = add(d, DOC_CHART_UNIT, "Les femmes parmi les coopérant·es", base, 267);
		c->glyph = DOC_CHART_GLYPH_PERSON;
		c->center = xstrdup("des coopérant·es sont des femmes");
		doc_chart_add_series(c, NULL);
		cell(c, 0, "Femmes", 195, "73" NB "%", 0, -1);
		cell(c, 0, "Hommes", 72, "27" NB "%", 0, -1);
	} else if (!strcmp(name, "histogramme")) {
		doc_chart *c = add(d, DOC_CHART_HISTOGRAM, "Temps passé dans le KPA, en mois",
				   "Base : présent·es (n = 169) ; sorti·es (n = 98).", 267);
		c->unit = DOC_CHART_PERCENT;
		doc_chart_add_series(c, "Présent·es (169)");
		doc_chart_add_series(c, "Sorti·es (98)");
		static const char *const band[] = {"Moins de 6 mois", "De 6 à 12 mois",
						   "De 13 à 21 mois", "22 mois et plus"};
		static const double p[] = {19, 34, 46, 1}, q[] = {35, 41, 24, 0};
		for (int i = 0; i < 4; i++) {
			cell(c, 0, band[i], p[i], NULL, i == 3, -1);
			cell(c, 1, band[i], q[i], NULL, 0, -1);
		}
	} else if (!strcmp(name, "frise")) {
		doc_chart *c = add(d, DOC_CHART_TIMELINE, "Les jalons du réseau, 2017-2023",
				   "Source : coordination du réseau.", 0);
		doc_chart_add_series(c, NULL);
		static const struct {
			double t;
			const char *when, *what;
		} ev[] = {
			{2017.25, "avril 2017", "Premier KPA, dans un tiers-lieu de Roubaix"},
			{2018.7, "septembre 2018", "Deuxième KPA à Lille-Moulins"},
			{2019.4, "mai 2019", "Premier KPA hors du Nord, à La Rochelle"},
			{2020.8, "octobre 2020", "Création du réseau KPA-Cité"},
			{2021.5, "juillet 2021", "Outils communs : contrat CAPE, collecteur"},
			{2022.17, "mars 2022", "Lauréat de l'appel « 100 % Inclusion »"},
			{2023.9, "décembre 2023", "Onze KPA actifs, 267 coopérant·es"},
		};
		for (size_t i = 0; i < sizeof ev / sizeof *ev; i++) {
			cell(c, 0, ev[i].what, ev[i].t, NULL, 0, -1);
			c->cats[c->n_cats - 1].detail = xstrdup(ev[i].when);
		}
	} else if (!strcmp(name, "frise-ateliers")) {
		doc_chart *c = add(d, DOC_CHART_TIMELINE, "Les six ateliers de l'évaluation", NULL, 0);
		doc_chart_add_series(c, NULL);
		static const struct {
			double t;
			const char *when, *what;
		} ev[] = {
			{2023 + 4 / 12.0, "mai 2023", "Atelier 1 : cadrage"},
			{2023 + 5 / 12.0, "juin 2023", "Atelier 2 : grille des effets"},
			{2023 + 8 / 12.0, "septembre 2023", "Atelier 3 : guide d'entretien"},
			{2023 + 9 / 12.0, "octobre 2023", "Atelier 4 : premiers résultats"},
			{2023 + 10 / 12.0, "novembre 2023", "Atelier 5 : analyse croisée"},
			{2024, "janvier 2024", "Atelier 6 : restitution"},
		};
		for (size_t i = 0; i < sizeof ev / sizeof *ev; i++) {
			cell(c, 0, ev[i].what, ev[i].t, NULL, 0, -1);
			c->cats[c->n_cats - 1].detail = xstrdup(ev[i].when);
		}
	} else if (!strcmp(name, "flux")) {
		doc_chart *c = add(d, DOC_CHART_FLOW, "Ce que deviennent les personnes sorties",
				   "Base : personnes sorties (n = 98).", 98);
		c->center = xstrdup("Personnes sorties <b>98</b>");
		doc_chart_add_series(c, NULL);
		cell(c, 0, "En emploi", 49, NULL, 0, -1);
		cell(c, 0, "CDI", 29, NULL, 0, 0);
		cell(c, 0, "CDD de 6 mois et plus", 8, NULL, 0, 0);
		cell(c, 0, "CDD de moins de 6 mois", 9, NULL, 0, 0);
		cell(c, 0, "Intérim", 3, NULL, 0, 0);
		cell(c, 0, "En formation", 15, NULL, 0, -1);
		cell(c, 0, "Formation qualifiante", 9, NULL, 0, 5);
		cell(c, 0, "Formation non qualifiante", 6, NULL, 0, 5);
		cell(c, 0, "Création d'entreprise", 8, NULL, 0, -1);
		cell(c, 0, "Autre dispositif", 2, NULL, 1, -1);
		cell(c, 0, "Sans emploi ni formation", 3, NULL, 0, -1);
		cell(c, 0, "Service civique", 1, NULL, 1, -1);
		cell(c, 0, "Situation inconnue", 20, NULL, 0, -1);
	} else if (!strcmp(name, "carte")) {
		/* Cities close together (the labels must make room), one far
		 * away, one without a place (only in the description). */
		doc_chart *c = add(d, DOC_CHART_MAP, "Les villes du réseau", NULL, 0);
		doc_chart_add_series(c, "KPA");
		doc_chart_add_series(c, "longitude");
		doc_chart_add_series(c, "latitude");
		static const struct {
			const char *city;
			double n, lat, lon;
		} pl[] = {
			{"Brest", 4, 48.39, -4.49},	   {"Quimper", 2, 47.996, -4.10},
			{"Lorient", 3, 47.75, -3.37},	   {"Hennebont", 1, 47.80, -3.28},
			{"Lanester", 1, 47.76, -3.34},	   {"Rennes", 6, 48.11, -1.68},
			{"Saint-Brieuc", 1, 48.51, -2.76}, {"Nantes", 2, 47.22, -1.55},
			{"Aurillac", 1, NAN, NAN},
		};
		for (size_t i = 0; i < sizeof pl / sizeof *pl; i++) {
			cell(c, 0, pl[i].city, pl[i].n, NULL, 0, -1);
			size_t k = c->n_cats - 1;
			if (!isnan(pl[i].lat)) {
				doc_chart_set(c, 1, k, pl[i].lon, NULL, 0);
				doc_chart_set(c, 2, k, pl[i].lat, NULL, 0);
			}
		}
	}
}

static const char *const names[] = {"barres", "colonnes", "groupees", "empilees", "anneau",
				    "unites", "histogramme", "frise", "frise-ateliers", "flux", "carte"};

/* The figure's extent on the page, in points: ops of block 0. */
static double figure_bottom(const page *pg)
{
	int bottom = 0;
	for (size_t i = 0; i < pg->n_ops; i++) {
		const page_op *o = &pg->ops[i];
		if (o->block != 0)
			continue;
		int b = o->y + (o->kind == PAGE_OP_RECT || o->kind == PAGE_OP_LINE ? o->h : 0);
		for (size_t k = 0; k < o->n_path; k++)
			for (int j = 0; j < 3; j++)
				if (o->y + o->path[k].y[j] > b)
					b = o->y + o->path[k].y[j];
		if (b > bottom)
			bottom = b;
	}
	return bottom / 1024.0;
}

static cairo_surface_t *crop(cairo_surface_t *s, int h)
{
	int w = cairo_image_surface_get_width(s);
	if (h > cairo_image_surface_get_height(s))
		h = cairo_image_surface_get_height(s);
	cairo_surface_t *out = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(out);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	return out;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s OUT_DIR GOLDEN_DIR [--update]\n", argv[0]);
		return 2;
	}
	const char *out = argv[1], *gold = argv[2];
	int update = argc > 3 && strcmp(argv[3], "--update") == 0;
	if (mkdir(out, 0777) != 0 && errno != EEXIST) {
		perror(out);
		return 2;
	}
	char *fonts = test_fonts_dir();
	diag_sink *dg = diag_sink_create(stderr, 0);
	typeset_ctx *t = typeset_create(dg, fonts, NULL);
	free(fonts);
	if (!t)
		return 2;
	int failed = 0;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		doc *d = doc_create(&(doc_meta){.title = "Graphiques", .date_iso = "2024-01-15"});
		build(d, names[i]);
		page_list *pl = typeset_document(t, d);
		char *full = xasprintf("%s/%s-page.png", out, names[i]);
		char *mine = xasprintf("%s/%s.png", out, names[i]);
		char *ref = xasprintf("%s/%s.png", gold, names[i]);
		if (draw_png(dg, pl, 0, DPI, full) != 0) {
			failed++;
			goto next;
		}
		cairo_surface_t *page_s = cairo_image_surface_create_from_png(full);
		int h = (int)((figure_bottom(page_list_at(pl, 0)) + 12) * DPI / 72.0);
		cairo_surface_t *img = crop(page_s, h);
		cairo_surface_destroy(page_s);
		remove(full);
		cairo_surface_write_to_png(img, mine);
		if (update) {
			if (cairo_surface_write_to_png(img, ref) != CAIRO_STATUS_SUCCESS) {
				fprintf(stderr, "%s: cannot write %s\n", names[i], ref);
				failed++;
			} else
				printf("%s: reference updated\n", names[i]);
		} else {
			cairo_surface_t *r = cairo_image_surface_create_from_png(ref);
			if (cairo_surface_status(r) != CAIRO_STATUS_SUCCESS) {
				fprintf(stderr,
					"%s: no reference %s (build the charts-golden-update "
					"target to create it)\n",
					names[i], ref);
				failed++;
			} else {
				png_diff_result res;
				cairo_surface_t *diff = NULL;
				if (!png_diff(img, r, PNG_DIFF_CHANNEL_TOL, &res, &diff)) {
					fprintf(stderr, "%s: size %dx%d differs from the reference %dx%d\n",
						names[i], cairo_image_surface_get_width(img),
						cairo_image_surface_get_height(img),
						cairo_image_surface_get_width(r),
						cairo_image_surface_get_height(r));
					failed++;
				} else {
					printf("%s: %ld of %ld pixels differ, max channel difference %d\n",
					       names[i], res.differing, res.total, res.worst);
					if (png_diff_fails(&res, PNG_DIFF_SHARE)) {
						char *dp = xasprintf("%s/%s-diff.png", out, names[i]);
						cairo_surface_write_to_png(diff, dp);
						fprintf(stderr, "%s: differs from %s; see %s\n", names[i],
							ref, dp);
						free(dp);
						failed++;
					}
					cairo_surface_destroy(diff);
				}
			}
			cairo_surface_destroy(r);
		}
		cairo_surface_destroy(img);
	next:
		free(full);
		free(mine);
		free(ref);
		page_list_destroy(pl);
		doc_destroy(d);
	}
	typeset_destroy(t);
	diag_sink_destroy(dg);
	return failed ? 1 : 0;
}
