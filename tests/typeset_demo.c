/* typeset_demo.c - a development program, not a test: builds a document
 * with every block kind (invented French sample text) and writes a PDF, a
 * PNG per page and the page trace, to look at the design.
 *
 *   typeset_demo [FONTS_DIR [OUT_PREFIX [DPI]]]
 *
 * Writes OUT_PREFIX.pdf, OUT_PREFIX-N.png, OUT_PREFIX.trace and prints the
 * time spent laying out and writing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "draw.h"
#include "typeset.h"
#include "util.h"

#define NN "\xE2\x80\xAF" /* U+202F */

static const char *const paras[] = {
	"Le réseau s’est construit pas à pas, à partir de trois expériences de quartier "
	"menées entre 2017 et 2019 : une coopérative de jeunes à Roubaix, un collectif "
	"d’habitant·es à Lille-Moulins et une association rochelaise. Chacune a inventé sa "
	"propre manière d’accueillir des personnes éloignées de l’emploi, de leur confier de "
	"vraies responsabilités économiques et de partager les revenus de l’activité. "
	"L’expérimentation a montré qu’une entreprise coopérative <i>de proximité</i> pouvait "
	"devenir un lieu d’apprentissage collectif, à condition d’être accompagnée "
	"durablement.",
	"La démarche repose sur une conviction simple : les compétences se développent "
	"d’abord en situation, au contact d’une activité réelle et d’un groupe. Les "
	"coopérant·es ne suivent pas une formation au sens classique ; ils et elles "
	"prennent part aux décisions, tiennent la caisse, négocient avec les clients, "
	"organisent les plannings et rendent compte à l’assemblée. Cette responsabilisation "
	"progressive est au cœur du parcours, qui alterne immersion, exploration, test "
	"d’activités puis ouverture vers l’extérieur.",
	"Les structures d’accueil jouent un rôle déterminant. Tiers-lieux, centres sociaux, "
	"maisons de quartier ou incubateurs offrent un local, un réseau de partenaires et une "
	"légitimité auprès des habitant·es. Le portage juridique, assuré le plus souvent par "
	"une coopérative d’activité et d’emploi, permet de signer les contrats "
	"d’accompagnement et de sécuriser la facturation. L’articulation entre ces trois "
	"niveaux — accueil, animation et portage — conditionne la solidité de chaque KPA.",
	"Pourquoi ce modèle fonctionne-t-il mieux que d’autres dispositifs ? Les personnes "
	"interrogées évoquent d’abord la confiance : on ne leur demande pas de prouver "
	"qu’elles sont « employables » avant de commencer. Elles insistent aussi sur la "
	"souplesse du cadre, qui autorise les allers-retours, les pauses et les "
	"réorientations sans rupture de droits. Enfin, le collectif protège : les difficultés "
	"individuelles sont partagées et les réussites célébrées ensemble !",
	"L’évaluation s’est appuyée sur six ateliers de travail réunissant coordinateur·rices, "
	"contributeur·rices et partenaires entre mai 2023 et janvier 2024, ainsi que sur "
	"trente entretiens individuels conduits dans six KPA. Chaque entretien, d’une durée de "
	"trente minutes à une heure et demie, s’est organisé autour de cartes thématiques "
	"choisies par la personne elle-même. Cette méthode a favorisé une parole libre et "
	"concrète, ancrée dans des situations vécues plutôt que dans des appréciations "
	"générales sur le dispositif.",
	"Les effets observés relèvent de deux grandes familles. Les compétences "
	"psychosociales d’abord : sortir de l’isolement, reprendre confiance en soi, se "
	"projeter dans l’avenir, retrouver un rythme de vie. Les compétences professionnelles "
	"ensuite : maîtrise de gestes techniques, connaissance du fonctionnement d’une "
	"entreprise, capacité à fixer un prix, à tenir un budget ou à répondre à une demande "
	"de devis. Ces deux familles se renforcent mutuellement et apparaissent dans la "
	"quasi-totalité des récits recueillis.",
};

static void add_paras(doc *d, int n, int start)
{
	for (int i = 0; i < n; i++)
		doc_add_text(d, DOC_PARAGRAPH, paras[(start + i) % 6]);
}

static doc *build_demo(void)
{
	doc_meta m = {.title = "Récit évaluatif du réseau KPA-Cité",
		      .short_title = "Récit évaluatif KPA-Cité 2024",
		      .author = "Réseau KPA-Cité — ANIS",
		      .subject = "Bilan évaluatif mars 2022 – décembre 2023",
		      .keywords = "KPA, coopérative, insertion, évaluation",
		      .language = "fr-FR",
		      .date_iso = "2024-01-15"};
	doc *d = doc_create(&m);
	doc_block *c = doc_append(d, DOC_COVER);
	c->text = xstrdup("Récit évaluatif du réseau KPA-Cité");
	c->subtitle = xstrdup("Bilan des réalisations et des effets sur les coopérant·es, "
			      "mars 2022 – décembre 2023");
	c->extra = xstrdup("Janvier 2024");
	c->extra2 = xstrdup("Réseau KPA-Cité · ANIS");
	doc_append(d, DOC_TOC);

	doc_add_heading(d, 1, "presentation", "1. Présentation du projet KPA-Cité");
	doc_add_text(d, DOC_LEAD,
		     "Des petites entreprises coopératives de quartier, où des habitant·es "
		     "éloigné·es de l’emploi apprennent en faisant, ensemble.");
	doc_add_heading(d, 2, "histoire", "L’histoire du réseau");
	add_paras(d, 3, 0);
	doc_block *l = doc_append(d, DOC_LIST);
	doc_list_add(l, "La Cape, premier projet de KPA, lancé à Roubaix en juillet 2017 ;");
	doc_list_add(l, "le projet porté par une maison de quartier de Lille-Moulins, en mars "
			"2018, qui a ouvert la démarche aux adultes de tous âges ;");
	doc_list_add(l, "le projet de l’association <b>KPA La Rochelle</b>, en mars 2019.");
	add_paras(d, 2, 3);
	doc_add_heading(d, 2, "chiffres", "Bilan et chiffres clés des réalisations");
	doc_add_text(d, DOC_PARAGRAPH,
		     "Entre mars 2022 et décembre 2023, le réseau a accompagné 267 coopérant·es "
		     "dans onze KPA. Les chiffres ci-dessous donnent la base de chaque "
		     "pourcentage.");
	doc_block *ti = doc_append(d, DOC_TILES);
	doc_tiles_add(ti, "267", "coopérant·es accompagné·es", "mars 2022 – décembre 2023");
	doc_tiles_add(ti, "73" NN "%", "de femmes", "Base : 267 coopérant·es");
	doc_tiles_add(ti, "70" NN "%", "résident en quartier prioritaire", "Base : 267");
	doc_tiles_add(ti, "49", "sorties vers l’emploi", "sur 98 sorties");
	doc_chart *b = doc_add_chart(d, DOC_CHART_HBAR,
				     "Répartition des coopérant·es par tranche d’âge",
				     "Base : 267 coopérant·es. Source : collecteur du réseau, "
				     "décembre 2023.");
	doc_chart_add_series(b, NULL);
	doc_chart_set(b, 0, doc_chart_add_cat(b, "16 à 24 ans", -1), 0.22, "22 %", 0);
	doc_chart_set(b, 0, doc_chart_add_cat(b, "25 à 39 ans", -1), 0.34, "34 %", 0);
	doc_chart_set(b, 0, doc_chart_add_cat(b, "40 à 54 ans", -1), 0.35, "35 %", 0);
	doc_chart_set(b, 0, doc_chart_add_cat(b, "55 ans et plus", -1), 0.08, "8 %", 0);
	doc_chart_set(b, 0,
		      doc_chart_add_cat(b, "Âge non renseigné lors de l’inscription au "
					   "collecteur du réseau", -1),
		      0.01, "< 5", 1);
	b->axis_max = 1.0;
	doc_add_text(d, DOC_NOTE,
		     "Note : les parts arrondies ne totalisent pas toujours 100 %. Les effectifs "
		     "inférieurs à cinq personnes ne sont pas publiés.");
	add_paras(d, 1, 4);
	doc_block *t = doc_append(d, DOC_TABLE);
	t->text = xstrdup("Chiffre d’affaires hors taxes par KPA, 1er mars 2022 – 31 décembre 2023");
	t->subtitle = xstrdup("Source : comptabilité des porteurs juridiques. Montants arrondis à "
			      "l’euro.");
	const char *rows[][3] = {
		{"La Fourmilière", "Boulogne-sur-Mer", "26" NN "582" NN "€"},
		{"Coop Manau", "Roubaix", "107" NN "457" NN "€"},
		{"La Cape", "Roubaix", "15" NN "213" NN "€"},
		{"KPA Valenciennes", "Valenciennes", "39" NN "674" NN "€"},
		{"Moulins Coop", "Lille", "21" NN "199" NN "€"},
		{"KPA Touraine (2022)", "Tours", "15" NN "510" NN "€"},
		{"KPA Touraine (2023)", "Tours", "48" NN "392" NN "€"},
		{"<b>Total</b>", "", "274" NN "027" NN "€"},
	};
	doc_table_set(t, 3, 8);
	t->cols[0] = (doc_column){xstrdup("KPA"), DOC_ALIGN_LEFT, 2};
	t->cols[1] = (doc_column){xstrdup("Ville"), DOC_ALIGN_LEFT, 1.5};
	t->cols[2] = (doc_column){xstrdup("Chiffre d’affaires HT"), DOC_ALIGN_RIGHT, 1.2};
	for (int r = 0; r < 8; r++)
		for (int k = 0; k < 3; k++)
			t->cells[r * 3 + k] = xstrdup(rows[r][k]);
	t->total_row = 1;

	doc_add_heading(d, 1, "demarche", "2. Une démarche d’évaluation co-construite");
	doc_add_text(d, DOC_LEAD, "Six ateliers, trente entretiens : une évaluation conduite "
				  "avec celles et ceux qui font les KPA.");
	doc_add_heading(d, 2, "appel", "Un projet soutenu dans le cadre de « 100 % Inclusion »");
	add_paras(d, 4, 1);
	doc_append(d, DOC_KEEP_BEGIN);
	doc_add_heading(d, 3, NULL, "Situation à la sortie");
	doc_chart *b2 = doc_add_chart(d, DOC_CHART_HBAR,
				      "Situation des coopérant·es à la sortie du parcours",
				      "Base : 98 coopérant·es sorti·es.");
	doc_chart_add_series(b2, NULL);
	doc_chart_set(b2, 0, doc_chart_add_cat(b2, "En emploi (CDI, CDD, intérim)", -1), 0.50,
		      "50 %", 0);
	doc_chart_set(b2, 0,
		      doc_chart_add_cat(b2, "En formation qualifiante ou non qualifiante", -1),
		      0.15, "15 %", 0);
	doc_chart_set(b2, 0, doc_chart_add_cat(b2, "Création d’activité", -1), 0.08, "8 %", 0);
	doc_chart_set(b2, 0, doc_chart_add_cat(b2, "Autre dispositif", -1), 0.02, "< 5", 1);
	doc_chart_set(b2, 0, doc_chart_add_cat(b2, "Situation inconnue", -1), 0.20, "20 %", 0);
	b2->axis_max = 1.0;
	doc_append(d, DOC_KEEP_END);
	add_paras(d, 5, 2);

	doc_add_heading(d, 1, "recit", "3. Le récit évaluatif");
	doc_add_heading(d, 2, "besoins", "La réponse à des besoins territoriaux");
	add_paras(d, 3, 5);
	doc_add_heading(d, 3, NULL, "Les effets cités par les femmes de plus de 40 ans");
	add_paras(d, 2, 0);
	doc_block *t2 = doc_append(d, DOC_TABLE);
	t2->text = xstrdup("Effets cités dans les entretiens, par catégorie");
	doc_table_set(t2, 3, 24);
	t2->cols[0] = (doc_column){xstrdup("Catégorie d’effet"), DOC_ALIGN_LEFT, 3};
	t2->cols[1] = (doc_column){xstrdup("Entretiens"), DOC_ALIGN_RIGHT, 1};
	t2->cols[2] = (doc_column){xstrdup("Part des entretiens"), DOC_ALIGN_RIGHT, 1};
	for (int r = 0; r < 24; r++) {
		t2->cells[r * 3] = xasprintf("Effet observé n° %d : %s", r + 1,
					     r % 3 ? "confiance en soi" : "création de liens sociaux "
									  "au-delà du KPA");
		t2->cells[r * 3 + 1] = xasprintf("%d", 30 - r);
		t2->cells[r * 3 + 2] = xasprintf("%d %%", (30 - r) * 100 / 30);
	}
	t2->subtitle = xstrdup("Base : 30 entretiens dans 6 KPA.");
	add_paras(d, 6, 3);
	doc_append(d, DOC_PAGE_BREAK);
	doc_add_heading(d, 2, "parcours", "Des parcours de coopérant·es");
	add_paras(d, 3, 1);
	return d;
}

int main(int argc, char **argv)
{
	const char *src = getenv("RECIT_SOURCE_DIR");
	char *fonts = argc > 1 ? xstrdup(argv[1]) : xasprintf("%s/fonts", src ? src : ".");
	const char *prefix = argc > 2 ? argv[2] : "demo";
	double dpi = argc > 3 ? atof(argv[3]) : 60;
	diag_sink *dg = diag_sink_create(stderr, 0);
	struct timespec t0, t1, t2;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	typeset_ctx *t = typeset_create(dg, fonts, NULL);
	free(fonts);
	if (!t)
		return 1;
	doc *d = build_demo();
	page_list *pl = typeset_document(t, d);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	char *pdf = xasprintf("%s.pdf", prefix);
	int rc = draw_pdf(dg, pl, doc_meta_lookup(d), pdf);
	clock_gettime(CLOCK_MONOTONIC, &t2);
	fprintf(stderr, "%zu pages; layout %.1f ms, pdf %.1f ms\n", page_list_count(pl),
		(t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6,
		(t2.tv_sec - t1.tv_sec) * 1e3 + (t2.tv_nsec - t1.tv_nsec) / 1e6);
	for (size_t i = 0; i < page_list_count(pl) && dpi > 0 && rc == 0; i++) {
		char *png = xasprintf("%s-%zu.png", prefix, i + 1);
		rc = draw_png(dg, pl, i, dpi, png);
		free(png);
	}
	char *tr = xasprintf("%s.trace", prefix);
	FILE *f = fopen(tr, "w");
	if (f) {
		draw_trace(pl, f);
		fclose(f);
	}
	free(tr);
	free(pdf);
	page_list_destroy(pl);
	doc_destroy(d);
	typeset_destroy(t);
	diag_summary(dg);
	diag_sink_destroy(dg);
	return rc ? 1 : 0;
}
