/* model_init.c - a year folder and its yearly routine: `recit init DIR
 * [--from PREVIOUS]` makes the folder (model_year_init), and `recit check`
 * says which narrative carried over from last year is still untouched and
 * which text mentions a year outside the period (model_year_check). See
 * docs/inputs.md, « Chaque année ». */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "i18n.h"
#include "model_int.h"
#include "outfile.h"
#include "util.h"
#include "xml_read.h"

#define MAX_COPY_BYTES (64u << 20)
#define MANIFEST "reprise.txt"

/* ---- small file helpers --------------------------------------------------------- */

static char *path_join(const char *dir, const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static bool exists(const char *path)
{
	return access(path, F_OK) == 0;
}

static bool make_dir(diag_sink *d, const char *path)
{
	if (mkdir(path, 0777) == 0 || errno == EEXIST)
		return true;
	diag_emit(d, DIAG_FATAL, SRC_LOC(path, 0, 0), NULL, "cannot create the folder: %s",
		  strerror(errno));
	return false;
}

static bool write_text(diag_sink *d, const char *path, const char *text, size_t len)
{
	if (write_file_atomic(path, text, len) == 0)
		return true;
	diag_emit(d, DIAG_FATAL, SRC_LOC(path, 0, 0), NULL, "cannot write the file: %s",
		  strerror(errno));
	return false;
}

/* FNV-1a, 64 bits: enough to tell a file changed, and needs no library. */
static uint64_t fnv1a(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ull;
	}
	return h;
}

/* Names of the regular files of dir ending in ext, sorted; NULL-terminated. */
static char **list_files(const char *dir, const char *ext)
{
	char **out = xcalloc(1, sizeof *out);
	size_t n = 0;
	DIR *dp = opendir(dir);
	if (!dp)
		return out;
	for (struct dirent *e; (e = readdir(dp));) {
		size_t len = strlen(e->d_name), el = strlen(ext);
		if (e->d_name[0] == '.' || len <= el || strcmp(e->d_name + len - el, ext))
			continue;
		char *p = path_join(dir, e->d_name);
		struct stat st;
		bool reg = stat(p, &st) == 0 && S_ISREG(st.st_mode);
		free(p);
		if (!reg)
			continue;
		out = xreallocarray(out, n + 2, sizeof *out);
		out[n++] = xstrdup(e->d_name);
		out[n] = NULL;
	}
	closedir(dp);
	for (size_t i = 1; i < n; i++) /* insertion sort: a few dozen names */
		for (size_t j = i; j > 0 && strcmp(out[j - 1], out[j]) > 0; j--) {
			char *t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return out;
}

static void free_list(char **l)
{
	for (char **p = l; *p; p++)
		free(*p);
	free(l);
}

/* Copy from/name to to/name when it exists; returns whether it was copied. */
static bool copy_file(diag_sink *d, const char *from, const char *to, const char *name,
		      strbuf *manifest)
{
	char *src = path_join(from, name), *dst = path_join(to, name);
	size_t len = 0;
	char *data = exists(src) ? read_file(src, MAX_COPY_BYTES, &len) : NULL;
	bool ok = data && write_text(d, dst, data, len);
	if (ok && manifest)
		strbuf_printf(manifest, "%s %016llx\n", name, (unsigned long long)fnv1a(data, len));
	free(data);
	free(src);
	free(dst);
	return ok;
}

/* The header line of from/name (what last year's spreadsheet exported), or
 * dflt, as a file of one line: the rows must be new. */
static void header_only(diag_sink *d, const char *from, const char *to, const char *name,
			const char *dflt)
{
	char *src = from ? path_join(from, name) : NULL;
	size_t len = 0;
	char *data = src && exists(src) ? read_file(src, MAX_COPY_BYTES, &len) : NULL;
	strbuf b = {0};
	if (data) {
		size_t n = strcspn(data, "\r\n");
		strbuf_add(&b, data, n);
	} else
		strbuf_puts(&b, dflt);
	strbuf_putc(&b, '\n');
	char *dst = path_join(to, name);
	write_text(d, dst, b.data, b.len);
	free(dst);
	strbuf_free(&b);
	free(data);
	free(src);
}

/* ---- the new period ------------------------------------------------------------- */

static int month_days(int y, int m)
{
	int dd = 31;
	while (dd > 28 && !date_is_valid(y, m, dd))
		dd--;
	return dd;
}

static recit_date next_day(recit_date a)
{
	if (a.d < month_days(a.y, a.m))
		return (recit_date){a.y, a.m, a.d + 1};
	return a.m == 12 ? (recit_date){a.y + 1, 1, 1} : (recit_date){a.y, a.m + 1, 1};
}

static recit_date prev_day(recit_date a)
{
	if (a.d > 1)
		return (recit_date){a.y, a.m, a.d - 1};
	int y = a.m == 1 ? a.y - 1 : a.y, m = a.m == 1 ? 12 : a.m - 1;
	return (recit_date){y, m, month_days(y, m)};
}

/* The period after [start, end], as long as it: 2022-03-01..2023-12-31
 * (22 months) -> 2024-01-01..2025-10-31. */
static void next_period(recit_date start, recit_date end, recit_date *ns, recit_date *ne)
{
	int months = date_months_between(start, next_day(end));
	if (months < 1)
		months = 12;
	*ns = next_day(end);
	int t = ns->y * 12 + (ns->m - 1) + months;
	recit_date after = {t / 12, t % 12 + 1, ns->d};
	if (!date_is_valid(after.y, after.m, after.d))
		after.d = month_days(after.y, after.m);
	*ne = prev_day(after);
}

/* recit.xml of the new year: last year's, with the next period, the report
 * dated the day after it, and no workshops (this year's evaluation has its
 * own). The network's name and history stay. */
static bool next_settings(diag_sink *d, const model *prev, const char *from, const char *to)
{
	char *src = path_join(from, "recit.xml");
	xmlDoc *x = xml_read_file(d, src, "report settings", 0);
	free(src);
	if (!x)
		return false;
	recit_date ns, ne;
	next_period(prev->settings.period_start, prev->settings.period_end, &ns, &ne);
	char a[11], b[11], c[11];
	date_iso(ns, a);
	date_iso(ne, b);
	date_iso(next_day(ne), c);
	xmlNode *root = xmlDocGetRootElement(x);
	for (xmlNode *n = root ? root->children : NULL, *next; n; n = next) {
		next = n->next;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)n->name, "periode")) {
			xmlSetProp(n, BAD_CAST "debut", BAD_CAST a);
			xmlSetProp(n, BAD_CAST "fin", BAD_CAST b);
		} else if (!strcmp((const char *)n->name, "rapport")) {
			xmlSetProp(n, BAD_CAST "date", BAD_CAST c);
		} else if (!strcmp((const char *)n->name, "ateliers")) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
	}
	xmlChar *mem = NULL;
	int len = 0;
	xmlDocDumpFormatMemoryEnc(x, &mem, &len, "UTF-8", 0);
	char *dst = path_join(to, "recit.xml");
	bool ok = mem && write_text(d, dst, (const char *)mem, (size_t)len);
	free(dst);
	xmlFree(mem);
	xmlFreeDoc(x);
	return ok;
}

/* ---- recit init ------------------------------------------------------------------ */

static const char *const NARRATIVE[] = {"presentation.xml", "demarche.xml", "recit.xml",
					"conclusion.xml", "kit-entretien.xml"};

static const char README[] =
	"Dossier de l'année pour Récit\n"
	"=============================\n"
	"\n"
	"Ce dossier contient les données d'une année (ou d'une période) du réseau.\n"
	"Les commandes le prennent avec -i :\n"
	"\n"
	"    recit check -i CE_DOSSIER       vérifier, sans rien écrire\n"
	"    recit build -i CE_DOSSIER -o SORTIE    produire le rapport PDF\n"
	"\n"
	"À remplir ou à vérifier, dans l'ordre :\n"
	"\n"
	"1. recit.xml : le titre, la date du rapport, la période (debut, fin), le\n"
	"   nom du réseau (<reseau nom>), son histoire (<histoire>) et les ateliers\n"
	"   de l'évaluation de cette année (<ateliers>).\n"
	"2. kpa.csv : un KPA par ligne (id;nom;ville;quartier;departement;annee_creation).\n"
	"   lieux.csv (facultatif) : ville;latitude;longitude, pour dessiner la carte.\n"
	"3. activite.csv : une ligne anonyme par coopérant·e présent·e pendant la\n"
	"   période, exportée du collecteur.\n"
	"4. finances.csv : le chiffre d'affaires de chaque KPA pour la période.\n"
	"5. fiches/ : une fiche d'identité par KPA (fiches/<id>.xml).\n"
	"6. entretiens/ : la grille d'analyse (grille.xml) et les entretiens codés\n"
	"   de l'année (entretiens.xml).\n"
	"7. narratif/ : les textes du rapport. Relisez-les tous : un texte repris\n"
	"   de l'an dernier et resté identique est signalé par « recit check »,\n"
	"   comme toute année citée hors de la période.\n"
	"8. styles.xml et images/ (facultatifs) : la palette et les images propres\n"
	"   à cette année ; sans eux, l'apparence par défaut du programme.\n"
	"\n"
	"Le détail de chaque fichier : docs/inputs.md, dans le dépôt de Récit.\n";

static const char README_FROM[] =
	"\n"
	"Ce dossier a été créé à partir de celui de l'année précédente. Repris tels\n"
	"quels : kpa.csv, lieux.csv, fiches/, entretiens/grille.xml, styles.xml,\n"
	"images/ et narratif/ (la liste des textes repris est dans reprise.txt).\n"
	"Repris et mis à jour : recit.xml (la période suivante, de même durée, et\n"
	"sans les ateliers de l'an dernier). Laissés vides, car ils doivent être\n"
	"nouveaux : activite.csv et finances.csv (seulement la ligne d'en-tête) et\n"
	"entretiens/entretiens.xml (absent).\n";

static const char SKELETON_RECIT[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<!-- Réglages du rapport : voir docs/inputs.md. -->\n"
	"<recit version=\"1\">\n"
	"  <rapport titre=\"Récit évaluatif du réseau\" sous-titre=\"Bilan des réalisations\"\n"
	"           organisation=\"\" auteur=\"\" date=\"2026-01-15\"/>\n"
	"  <periode debut=\"2025-01-01\" fin=\"2025-12-31\"/>\n"
	"  <confidentialite seuil=\"3\"/>\n"
	"  <reseau nom=\"À compléter\"/>\n"
	"  <histoire>\n"
	"    <!-- <evenement date=\"2017-07\" libelle=\"Ouverture du premier KPA\"/> -->\n"
	"  </histoire>\n"
	"  <ateliers>\n"
	"    <!-- <atelier date=\"2025-05\" libelle=\"Atelier 1 : ...\"/> -->\n"
	"  </ateliers>\n"
	"</recit>\n";

static const char SKELETON_TEXT[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<!-- Texte du rapport : voir docs/templates.md, « Narrative files ». -->\n"
	"<texte>\n"
	"  <p>À écrire.</p>\n"
	"</texte>\n";

int model_year_init(diag_sink *d, const char *dir, const char *from)
{
	DIR *dp = opendir(dir);
	bool non_empty = false;
	if (dp) {
		for (struct dirent *e; (e = readdir(dp));)
			non_empty |= strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
		closedir(dp);
	}
	if (non_empty) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(dir, 0, 0), NULL,
			  "the folder is not empty: give a new folder (nothing was written)");
		return -1;
	}
	model *prev = NULL;
	if (from) {
		prev = model_load(d, from);
		if (!prev || diag_failed(d)) {
			diag_emit(d, DIAG_ERROR, SRC_LOC(from, 0, 0), NULL,
				  "last year's folder has errors: fix them first (nothing was "
				  "written)");
			model_destroy(prev);
			return -1;
		}
	}
	static const char *const subdirs[] = {"fiches", "narratif", "entretiens", "images"};
	bool ok = make_dir(d, dir);
	for (size_t i = 0; ok && i < 4; i++) {
		char *p = path_join(dir, subdirs[i]);
		ok = make_dir(d, p);
		free(p);
	}
	if (!ok) {
		model_destroy(prev);
		return -1;
	}
	header_only(d, from, dir, "activite.csv",
		    "id;kpa;sexe;tranche_age;annee_naissance;departement;qpv;parent_isole;"
		    "protection_internationale;rqth;niveau_formation;inscrit_pe_avant;"
		    "anciennete_pe;inscrit_pe_pendant;mission_locale;date_entree;"
		    "duree_prevue_mois;date_sortie;situation_sortie");
	header_only(d, from, dir, "finances.csv",
		    "kpa;debut;fin;chiffre_affaires_ht;remunerations;charges;epargne");
	strbuf readme = {0};
	strbuf_puts(&readme, README);
	if (!from) {
		char *p = path_join(dir, "recit.xml");
		write_text(d, p, SKELETON_RECIT, sizeof SKELETON_RECIT - 1);
		free(p);
		header_only(d, NULL, dir, "kpa.csv",
			    "id;nom;ville;quartier;departement;annee_creation");
		for (size_t i = 0; i < sizeof NARRATIVE / sizeof *NARRATIVE; i++) {
			char *q = xasprintf("%s/narratif/%s", dir, NARRATIVE[i]);
			write_text(d, q, SKELETON_TEXT, sizeof SKELETON_TEXT - 1);
			free(q);
		}
	} else {
		strbuf_puts(&readme, README_FROM);
		next_settings(d, prev, from, dir);
		copy_file(d, from, dir, "kpa.csv", NULL);
		copy_file(d, from, dir, "lieux.csv", NULL);
		copy_file(d, from, dir, "styles.xml", NULL);
		copy_file(d, from, dir, "entretiens/grille.xml", NULL);
		static const struct {
			const char *sub, *ext;
		} trees[] = {{"fiches", ".xml"}, {"images", ".png"}};
		for (size_t t = 0; t < 2; t++) {
			char *sd = path_join(from, trees[t].sub);
			char **names = list_files(sd, trees[t].ext);
			for (char **n = names; *n; n++) {
				char *rel = xasprintf("%s/%s", trees[t].sub, *n);
				copy_file(d, from, dir, rel, NULL);
				free(rel);
			}
			free_list(names);
			free(sd);
		}
		/* The narrative, with a manifest: which file came from where, and
		 * its fingerprint, so that check can tell an untouched one. */
		strbuf man = {0};
		strbuf_printf(&man,
			      "# Textes repris de l'année précédente par « recit init --from "
			      "%s ».\n# recit check signale ceux qui n'ont pas changé depuis.\n",
			      from);
		char *nd = path_join(from, "narratif");
		char **names = list_files(nd, ".xml");
		for (char **n = names; *n; n++) {
			char *rel = xasprintf("narratif/%s", *n);
			copy_file(d, from, dir, rel, &man);
			free(rel);
		}
		free_list(names);
		free(nd);
		char *mp = path_join(dir, MANIFEST);
		write_text(d, mp, man.data, man.len);
		free(mp);
		strbuf_free(&man);
	}
	char *rp = path_join(dir, "README.txt");
	write_text(d, rp, readme.data, readme.len);
	free(rp);
	strbuf_free(&readme);
	model_destroy(prev);
	return diag_failed(d) ? -1 : 0;
}

/* ---- recit check: what the year may have forgotten ---------------------------------- */

/* One warning per distinct year that text mentions and that is likely a
 * leftover: a year after the period (and after the report's date), or one
 * of the span just before it (last year's period, when the periods follow
 * each other). Older years are taken as history (« créé en 2017 ») and left
 * alone, or every report would warn about them every year. line is the
 * line of text's first character (0: unknown, field names the attribute). */
static void years_outside(diag_sink *d, const model *m, const char *file, int line,
			  const char *field, const char *text)
{
	int y0 = m->settings.period_start.y, y1 = m->settings.period_end.y;
	if (y0 <= 0 || y1 <= 0)
		return;
	int after = y1 > m->settings.report_date.y ? y1 : m->settings.report_date.y;
	int before = y0 - (y1 - y0 + 1);
	unsigned char seen[200] = {0}; /* 1900..2099 */
	for (const char *p = text; *p; p++) {
		if (*p == '\n') {
			line += line > 0;
			continue;
		}
		bool start = p == text || !((p[-1] >= '0' && p[-1] <= '9'));
		if (!start || !((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0')))
			continue;
		if (!(p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9') ||
		    (p[4] >= '0' && p[4] <= '9'))
			continue;
		int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		bool stale = y > after || (y >= before && y < y0);
		if (!stale || seen[y - 1900])
			continue;
		seen[y - 1900] = 1;
		diag_emit(d, DIAG_WARNING, SRC_LOC(file, line, 0), field,
			  "mentions %d, outside the period %d-%d: check that the sentence is "
			  "still true this year",
			  y, y0, y1);
	}
}

void model_year_check(diag_sink *d, model *m)
{
	/* Narrative carried over by init --from and not touched since. */
	char *mp = path_join(m->folder, MANIFEST);
	size_t len = 0;
	char *man = exists(mp) ? read_file(mp, 1u << 20, &len) : NULL;
	int line = 0;
	for (char *s = man, *eol; s && *s; s = eol ? eol + 1 : s + strlen(s)) {
		eol = strchr(s, '\n');
		if (eol)
			*eol = '\0';
		line++;
		char name[256];
		unsigned long long h;
		if (s[0] == '#' || sscanf(s, "%255s %llx", name, &h) != 2)
			continue;
		char *p = path_join(m->folder, name);
		size_t n = 0;
		char *data = read_file(p, MAX_COPY_BYTES, &n);
		if (data && fnv1a(data, n) == h)
			diag_emit(d, DIAG_WARNING, SRC_LOC(model_intern_path(m, p), 0, 0), NULL,
				  "unchanged since last year (%s): rewrite it for this year",
				  MANIFEST);
		free(p);
		free(data);
	}
	free(man);
	free(mp);
	/* Years outside the period: the narrative, and the report's titles. */
	char *nd = path_join(m->folder, "narratif");
	char **names = list_files(nd, ".xml");
	for (char **n = names; *n; n++) {
		char *p = path_join(nd, *n);
		size_t l = 0;
		char *data = read_file(p, MAX_COPY_BYTES, &l);
		if (data)
			years_outside(d, m, model_intern_path(m, p), 1, NULL, data);
		free(p);
		free(data);
	}
	free_list(names);
	free(nd);
	char *rx = path_join(m->folder, "recit.xml");
	const char *rf = model_intern_path(m, rx);
	free(rx);
	if (m->settings.title)
		years_outside(d, m, rf, 0, "titre", m->settings.title);
	if (m->settings.subtitle)
		years_outside(d, m, rf, 0, "sous-titre", m->settings.subtitle);
}
