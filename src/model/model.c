/* model.c - enumeration tables (codes, French labels, accepted spellings)
 * and the département table, shared by loading, statistics and the report. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "csv_read.h"
#include "i18n.h"
#include "model_int.h"
#include "util.h"

typedef struct {
	const char *code;  /* canonical code written in CSV files */
	const char *label; /* French label printed in the report */
	const char *alias[4]; /* other accepted spellings (normalised on compare) */
} enum_entry;

static const enum_entry SEX_TABLE[] = {
	{"F", "Femmes", {"femme", "feminin", "f"}},
	{"H", "Hommes", {"homme", "masculin", "m"}},
};
static const enum_entry AGE_TABLE[] = {
	{"16-24", "16-24 ans", {"16 a 24 ans", "moins de 25 ans"}},
	{"25-39", "25-39 ans", {"25 a 39 ans"}},
	{"40-54", "40-54 ans", {"40 a 54 ans"}},
	{"55+", "55 ans et plus", {"55 et plus", "plus de 55 ans", "55"}},
};
static const enum_entry EDU_TABLE[] = {
	{"infra-cap", "Inférieur au CAP, BEP ou bac", {"infra cap", "sans diplome", "inferieur au cap"}},
	{"cap-bep", "CAP ou BEP", {"cap", "bep", "cap ou bep"}},
	{"bac", "Baccalauréat", {"baccalaureat", "niveau bac"}},
	{"bac+2-4", "Bac +2 à +4", {"bac+2", "bac+3", "bac+4", "bac+2 a +4"}},
	{"bac+5", "Bac +5 et plus", {"bac+5 et plus", "master"}},
	{"inconnu", "Non connu", {"non connu", "inconnue", "nc"}},
};
static const enum_entry PE_TABLE[] = {
	{"moins-6-mois", "Moins de 6 mois", {"< 6 mois", "moins de 6 mois"}},
	{"6-12-mois", "De 6 à 12 mois", {"6 a 12 mois", "de 6 a 12 mois"}},
	{"13-24-mois", "De 13 à 24 mois", {"13 a 24 mois", "de 13 a 24 mois"}},
	{"2-5-ans", "De 2 à 5 ans", {"2 a 5 ans", "de 2 a 5 ans"}},
	{"plus-5-ans", "Plus de 5 ans", {"> 5 ans", "plus de 5 ans"}},
};
static const enum_entry EXIT_TABLE[] = {
	{"cdi", "CDI", {"contrat a duree indeterminee"}},
	{"cdd-6-mois-et-plus", "CDD de 6 mois et plus", {"cdd >= 6 mois", "cdd 6 mois et plus"}},
	{"cdd-moins-6-mois", "CDD de moins de 6 mois", {"cdd < 6 mois", "cdd moins de 6 mois"}},
	{"interim", "Intérim", {"interimaire"}},
	{"formation-qualifiante", "Formation qualifiante ou certifiante", {"formation certifiante", "formation qualifiante"}},
	{"formation-non-qualifiante", "Formation non qualifiante", {"formation non certifiante"}},
	{"creation-entreprise", "Création ou reprise d'entreprise", {"creation d'entreprise", "creation", "reprise d'entreprise"}},
	{"autre-dispositif", "Orientation vers un autre dispositif", {"autre dispositif", "autre dispositif pic"}},
	{"sans-emploi-ni-formation", "Sans emploi ni formation", {"sans emploi", "ni emploi ni formation"}},
	{"service-civique", "Service civique", {"volontariat service civique"}},
	{"inconnue", "Situation inconnue", {"inconnu", "non connue", "nc"}},
};

static const struct {
	const enum_entry *table;
	int count;
	const char *expected;
} ENUMS[ENUM__KINDS] = {
	[ENUM_SEX] = {SEX_TABLE, SEX__COUNT, N_("F or H (or Femme, Homme)")},
	[ENUM_AGE] = {AGE_TABLE, AGE__COUNT, N_("one of 16-24, 25-39, 40-54, 55+")},
	[ENUM_EDU] = {EDU_TABLE, EDU__COUNT,
		      N_("one of infra-cap, cap-bep, bac, bac+2-4, bac+5, inconnu")},
	[ENUM_PE] = {PE_TABLE, PE__COUNT,
		     N_("one of moins-6-mois, 6-12-mois, 13-24-mois, 2-5-ans, plus-5-ans")},
	[ENUM_EXIT] = {EXIT_TABLE, EXIT__COUNT,
		       N_("one of cdi, cdd-6-mois-et-plus, cdd-moins-6-mois, interim, "
			  "formation-qualifiante, formation-non-qualifiante, creation-entreprise, "
			  "autre-dispositif, sans-emploi-ni-formation, service-civique, inconnue")},
};

/* The tables must cover every enumerator, in order. */
_Static_assert(sizeof SEX_TABLE / sizeof SEX_TABLE[0] == SEX__COUNT, "sex table");
_Static_assert(sizeof AGE_TABLE / sizeof AGE_TABLE[0] == AGE__COUNT, "age table");
_Static_assert(sizeof EDU_TABLE / sizeof EDU_TABLE[0] == EDU__COUNT, "edu table");
_Static_assert(sizeof PE_TABLE / sizeof PE_TABLE[0] == PE__COUNT, "pe table");
_Static_assert(sizeof EXIT_TABLE / sizeof EXIT_TABLE[0] == EXIT__COUNT, "exit table");

const char *model_enum_code(model_enum_kind kind, int value)
{
	if ((unsigned)kind >= ENUM__KINDS || value < 0 || value >= ENUMS[kind].count)
		return "?";
	return ENUMS[kind].table[value].code;
}

const char *model_enum_label(model_enum_kind kind, int value)
{
	if ((unsigned)kind >= ENUM__KINDS || value < 0 || value >= ENUMS[kind].count)
		return "?";
	return ENUMS[kind].table[value].label;
}

int model_enum_count(model_enum_kind kind)
{
	return (unsigned)kind < ENUM__KINDS ? ENUMS[kind].count : 0;
}

const char *model_enum_expected(model_enum_kind kind)
{
	return (unsigned)kind < ENUM__KINDS ? ENUMS[kind].expected : "?";
}

/* Compare after normalisation, so "CDD de 6 mois et plus", "cdd-6-mois-et-plus"
 * and "Cdd 6 mois et plus" are the same answer. */
static bool same_key(const char *a, const char *b)
{
	char na[128], nb[128];
	csv_normalize_name(a, na, sizeof na);
	csv_normalize_name(b, nb, sizeof nb);
	return na[0] != '\0' && strcmp(na, nb) == 0;
}

int model_enum_parse(model_enum_kind kind, const char *text)
{
	if ((unsigned)kind >= ENUM__KINDS || !text)
		return -1;
	/* Fast path: files written by tools hold the canonical codes, and
	 * national-scale files have hundreds of thousands of cells. */
	for (int v = 0; v < ENUMS[kind].count; v++)
		if (strcmp(text, ENUMS[kind].table[v].code) == 0)
			return v;
	for (int v = 0; v < ENUMS[kind].count; v++) {
		const enum_entry *e = &ENUMS[kind].table[v];
		if (same_key(text, e->code) || same_key(text, e->label))
			return v;
		for (size_t a = 0; a < sizeof e->alias / sizeof e->alias[0] && e->alias[a]; a++)
			if (same_key(text, e->alias[a]))
				return v;
	}
	return -1;
}

static const struct {
	const char *code, *name;
} DEPARTEMENTS[] = {
	{"01", "Ain"}, {"02", "Aisne"}, {"03", "Allier"}, {"04", "Alpes-de-Haute-Provence"},
	{"05", "Hautes-Alpes"}, {"06", "Alpes-Maritimes"}, {"07", "Ardèche"}, {"08", "Ardennes"},
	{"09", "Ariège"}, {"10", "Aube"}, {"11", "Aude"}, {"12", "Aveyron"},
	{"13", "Bouches-du-Rhône"}, {"14", "Calvados"}, {"15", "Cantal"}, {"16", "Charente"},
	{"17", "Charente-Maritime"}, {"18", "Cher"}, {"19", "Corrèze"}, {"2A", "Corse-du-Sud"},
	{"2B", "Haute-Corse"}, {"21", "Côte-d'Or"}, {"22", "Côtes-d'Armor"}, {"23", "Creuse"},
	{"24", "Dordogne"}, {"25", "Doubs"}, {"26", "Drôme"}, {"27", "Eure"},
	{"28", "Eure-et-Loir"}, {"29", "Finistère"}, {"30", "Gard"}, {"31", "Haute-Garonne"},
	{"32", "Gers"}, {"33", "Gironde"}, {"34", "Hérault"}, {"35", "Ille-et-Vilaine"},
	{"36", "Indre"}, {"37", "Indre-et-Loire"}, {"38", "Isère"}, {"39", "Jura"},
	{"40", "Landes"}, {"41", "Loir-et-Cher"}, {"42", "Loire"}, {"43", "Haute-Loire"},
	{"44", "Loire-Atlantique"}, {"45", "Loiret"}, {"46", "Lot"}, {"47", "Lot-et-Garonne"},
	{"48", "Lozère"}, {"49", "Maine-et-Loire"}, {"50", "Manche"}, {"51", "Marne"},
	{"52", "Haute-Marne"}, {"53", "Mayenne"}, {"54", "Meurthe-et-Moselle"}, {"55", "Meuse"},
	{"56", "Morbihan"}, {"57", "Moselle"}, {"58", "Nièvre"}, {"59", "Nord"},
	{"60", "Oise"}, {"61", "Orne"}, {"62", "Pas-de-Calais"}, {"63", "Puy-de-Dôme"},
	{"64", "Pyrénées-Atlantiques"}, {"65", "Hautes-Pyrénées"}, {"66", "Pyrénées-Orientales"},
	{"67", "Bas-Rhin"}, {"68", "Haut-Rhin"}, {"69", "Rhône"}, {"70", "Haute-Saône"},
	{"71", "Saône-et-Loire"}, {"72", "Sarthe"}, {"73", "Savoie"}, {"74", "Haute-Savoie"},
	{"75", "Paris"}, {"76", "Seine-Maritime"}, {"77", "Seine-et-Marne"}, {"78", "Yvelines"},
	{"79", "Deux-Sèvres"}, {"80", "Somme"}, {"81", "Tarn"}, {"82", "Tarn-et-Garonne"},
	{"83", "Var"}, {"84", "Vaucluse"}, {"85", "Vendée"}, {"86", "Vienne"},
	{"87", "Haute-Vienne"}, {"88", "Vosges"}, {"89", "Yonne"}, {"90", "Territoire de Belfort"},
	{"91", "Essonne"}, {"92", "Hauts-de-Seine"}, {"93", "Seine-Saint-Denis"},
	{"94", "Val-de-Marne"}, {"95", "Val-d'Oise"}, {"971", "Guadeloupe"}, {"972", "Martinique"},
	{"973", "Guyane"}, {"974", "La Réunion"}, {"976", "Mayotte"},
};

const char *model_departement_name(const char *code)
{
	if (!code)
		return NULL;
	/* "9" and "09" are the same département; spreadsheets drop the zero. */
	char buf[8];
	if (strlen(code) == 1 && code[0] >= '1' && code[0] <= '9') {
		buf[0] = '0';
		buf[1] = code[0];
		buf[2] = '\0';
		code = buf;
	}
	for (size_t i = 0; i < sizeof DEPARTEMENTS / sizeof DEPARTEMENTS[0]; i++)
		if (strcasecmp_ascii(DEPARTEMENTS[i].code, code) == 0)
			return DEPARTEMENTS[i].name;
	return NULL;
}

static int cmp_kpa_index(const void *key, const void *elem, const model *m)
{
	return strcmp((const char *)key, m->kpas[*(const size_t *)elem].id);
}

struct model_kpa_key {
	char key[128]; /* csv_normalize_name of an id or a name, never empty */
	size_t kpa;
};

static const model *sort_model; /* qsort has no context argument in C17 */

static int cmp_order(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(sort_model->kpas[x].id, sort_model->kpas[y].id);
	/* Ties by index: stable, so the first of duplicate ids wins, as in a scan. */
	return c ? c : (x > y) - (x < y);
}

static int cmp_kpa_key(const void *a, const void *b)
{
	const struct model_kpa_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->kpa > y->kpa) - (x->kpa < y->kpa);
}

void model_index_kpas(model *m)
{
	free(m->kpa_order);
	m->kpa_order = xcalloc(m->n_kpas + 1, sizeof *m->kpa_order);
	for (size_t i = 0; i < m->n_kpas; i++)
		m->kpa_order[i] = i;
	sort_model = m;
	if (m->n_kpas)
		qsort(m->kpa_order, m->n_kpas, sizeof *m->kpa_order, cmp_order);
	free(m->kpa_keys);
	m->kpa_keys = xcalloc(2 * m->n_kpas + 1, sizeof *m->kpa_keys);
	m->n_kpa_keys = 0;
	for (size_t i = 0; i < m->n_kpas; i++) {
		const char *texts[2] = {m->kpas[i].id, m->kpas[i].name};
		for (int t = 0; t < 2; t++) {
			struct model_kpa_key *k = &m->kpa_keys[m->n_kpa_keys];
			if (!texts[t])
				continue;
			csv_normalize_name(texts[t], k->key, sizeof k->key);
			if (k->key[0]) {
				k->kpa = i;
				m->n_kpa_keys++;
			}
		}
	}
	/* Sorted by key then KPA: the first of equal keys is the lowest KPA,
	 * the one a scan in file order would find. */
	if (m->n_kpa_keys)
		qsort(m->kpa_keys, m->n_kpa_keys, sizeof *m->kpa_keys, cmp_kpa_key);
}

/* Counting sort of row indexes by KPA: linear, and stable (file order). */
static void index_by_kpa(size_t n_kpas, size_t n_rows, const size_t *kpa_of_row, size_t stride,
			 size_t **rows, size_t **at)
{
	*at = xcalloc(n_kpas + 2, sizeof **at);
	*rows = xcalloc(n_rows + 1, sizeof **rows);
	const char *base = (const char *)kpa_of_row;
	for (size_t i = 0; i < n_rows; i++) {
		size_t k = *(const size_t *)(base + i * stride);
		if (k < n_kpas)
			(*at)[k + 2]++;
	}
	for (size_t k = 0; k < n_kpas; k++)
		(*at)[k + 2] += (*at)[k + 1];
	for (size_t i = 0; i < n_rows; i++) {
		size_t k = *(const size_t *)(base + i * stride);
		if (k < n_kpas)
			(*rows)[(*at)[k + 1]++] = i;
	}
}

void model_index_rows(model *m)
{
	free(m->kpa_people);
	free(m->kpa_people_at);
	free(m->kpa_finances);
	free(m->kpa_finances_at);
	index_by_kpa(m->n_kpas, m->n_people, m->people ? &m->people[0].kpa : NULL,
		     sizeof *m->people, &m->kpa_people, &m->kpa_people_at);
	index_by_kpa(m->n_kpas, m->n_finances, m->finances ? &m->finances[0].kpa : NULL,
		     sizeof *m->finances, &m->kpa_finances, &m->kpa_finances_at);
}

int model_find_kpa(const model *m, const char *id_or_name)
{
	if (m->kpa_order) {
		size_t lo = 0, hi = m->n_kpas;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			int c = cmp_kpa_index(id_or_name, &m->kpa_order[mid], m);
			if (c <= 0)
				hi = mid;
			else
				lo = mid + 1;
		}
		if (lo < m->n_kpas && cmp_kpa_index(id_or_name, &m->kpa_order[lo], m) == 0)
			return (int)m->kpa_order[lo];
	} else {
		for (size_t i = 0; i < m->n_kpas; i++)
			if (strcmp(m->kpas[i].id, id_or_name) == 0)
				return (int)i;
	}
	if (m->kpa_keys) {
		char key[128];
		csv_normalize_name(id_or_name, key, sizeof key);
		if (!key[0])
			return -1;
		size_t lo = 0, hi = m->n_kpa_keys;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (strcmp(m->kpa_keys[mid].key, key) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < m->n_kpa_keys && strcmp(m->kpa_keys[lo].key, key) == 0)
			return (int)m->kpa_keys[lo].kpa;
		return -1;
	}
	for (size_t i = 0; i < m->n_kpas; i++)
		if (same_key(m->kpas[i].id, id_or_name) || same_key(m->kpas[i].name, id_or_name))
			return (int)i;
	return -1;
}

src_loc model_field_loc(const model *m, src_loc row, const char *field)
{
	const model_column *cols = m->person_cols;
	size_t n = m->n_person_cols;
	/* Finance rows and person rows live in different files. */
	if (row.file && row.file == m->finance_file)
		cols = m->finance_cols, n = m->n_finance_cols;
	for (size_t i = 0; i < n; i++)
		if (strcmp(cols[i].name, field) == 0) {
			row.col = cols[i].col;
			break;
		}
	return row;
}

const char *model_intern_path(model *m, const char *path)
{
	for (size_t i = 0; i < m->n_paths; i++)
		if (strcmp(m->paths[i], path) == 0)
			return m->paths[i];
	m->paths = xreallocarray(m->paths, m->n_paths + 1, sizeof *m->paths);
	m->paths[m->n_paths] = xstrdup(path);
	return m->paths[m->n_paths++];
}

void model_destroy(model *m)
{
	if (!m)
		return;
	free(m->folder);
	free(m->settings.title);
	free(m->settings.subtitle);
	free(m->settings.organisation);
	free(m->settings.author);
	model_year_free(&m->year);
	for (size_t i = 0; i < m->n_kpas; i++) {
		free(m->kpas[i].id);
		free(m->kpas[i].name);
		free(m->kpas[i].city);
		free(m->kpas[i].neighbourhood);
		free(m->kpas[i].departement);
	}
	free(m->kpas);
	free(m->kpa_order);
	free(m->kpa_keys);
	free(m->kpa_people);
	free(m->kpa_people_at);
	free(m->kpa_finances);
	free(m->kpa_finances_at);
	for (size_t i = 0; i < m->n_people; i++) {
		free(m->people[i].id);
		free(m->people[i].departement);
	}
	free(m->people);
	free(m->finances);
	for (size_t i = 0; i < m->n_paths; i++)
		free(m->paths[i]);
	free(m->paths);
	free(m);
}

/* --- KPA identity ---------------------------------------------------------- */

char *model_kpa_file_stem(const char *id)
{
	/* The name of a KPA's files (fiches/ID.pdf): lower-case ASCII letters,
	 * digits, '-' and '_'; anything else becomes '-'. */
	char *s = xstrdup(*id ? id : "kpa");
	for (char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		      *p == '_'))
			*p = *p >= 'A' && *p <= 'Z' ? (char)(*p + 32) : '-';
	return s;
}

/* What a KPA is known by: the stem of its files, its id and its name as
 * references compare them (csv_normalize_name). Two KPAs that share a key
 * would write one file, or make a reference ambiguous. */
enum key_kind { KEY_FILE, KEY_ID, KEY_NAME };
typedef struct {
	char *key;
	size_t kpa;
	enum key_kind kind;
} kpa_key;

static int cmp_keys(const void *a, const void *b)
{
	const kpa_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	if (x->kind != y->kind) /* a file clash is said first */
		return (int)x->kind - (int)y->kind;
	return x->kpa < y->kpa ? -1 : x->kpa > y->kpa;
}

static char *normal_key(const char *s)
{
	size_t n = strlen(s) + 1;
	char *k = xmalloc(n);
	csv_normalize_name(s, k, n);
	return k;
}

static void clash(diag_sink *d, const model *m, const kpa_key *first, const kpa_key *other)
{
	const model_kpa *a = &m->kpas[first->kpa], *b = &m->kpas[other->kpa];
	if (strcmp(a->id, b->id) == 0)
		diag_emit(d, DIAG_ERROR, b->loc, "id",
			  "duplicate KPA id \"%s\" (first defined on line %d)", b->id, a->loc.line);
	else if (first->kind == KEY_FILE && other->kind == KEY_FILE)
		diag_emit(d, DIAG_ERROR, b->loc, "id",
			  "KPA ids \"%s\" and \"%s\" (line %d) differ only in case or punctuation: "
			  "both would write fiches/%s.pdf; make them differ in letters or digits",
			  b->id, a->id, a->loc.line, first->key);
	else if (first->kind == KEY_ID && other->kind == KEY_ID)
		diag_emit(d, DIAG_ERROR, b->loc, "id",
			  "KPA ids \"%s\" and \"%s\" (line %d) differ only in case or punctuation: "
			  "a reference to one would also name the other",
			  b->id, a->id, a->loc.line);
	else if (first->kind == KEY_NAME && other->kind == KEY_NAME)
		diag_emit(d, DIAG_ERROR, b->loc, "nom",
			  "KPA name \"%s\" is also the name of KPA %s (line %d): names tell KPAs "
			  "apart for readers and in references",
			  b->name, a->id, a->loc.line);
	else {
		const model_kpa *named = first->kind == KEY_NAME ? a : b;
		const model_kpa *ided = first->kind == KEY_NAME ? b : a;
		const model_kpa *later = a->loc.line > b->loc.line ? a : b;
		diag_emit(d, DIAG_ERROR, later->loc, later == named ? "nom" : "id",
			  "the name of KPA %s, \"%s\", is also the id of KPA %s: a reference to it "
			  "would be ambiguous",
			  named->id, named->name, ided->id);
	}
}

/* The later KPA of a clash: it gets the one message. */
static size_t pair_of(const kpa_key *a, const kpa_key *b)
{
	return a->kpa < b->kpa ? b->kpa : a->kpa;
}

static int cmp_clashes(const void *x, const void *y)
{
	const kpa_key *xa = x, *xb = xa + 1, *ya = y, *yb = ya + 1;
	size_t px = pair_of(xa, xb), py = pair_of(ya, yb);
	if (px != py)
		return px < py ? -1 : 1;
	/* file with file, id with id, name with name, then a name with an id */
	int kx = xa->kind == xb->kind ? (int)xa->kind : 3;
	int ky = ya->kind == yb->kind ? (int)ya->kind : 3;
	if (kx != ky)
		return kx - ky;
	size_t ex = xa->kpa + xb->kpa - px, ey = ya->kpa + yb->kpa - py; /* the earlier */
	return ex < ey ? -1 : ex > ey;
}

void model_check_kpa_identity(diag_sink *d, const model *m)
{
	size_t n = 0;
	kpa_key *keys = xcalloc(3 * m->n_kpas + 1, sizeof *keys);
	for (size_t k = 0; k < m->n_kpas; k++) {
		const model_kpa *kp = &m->kpas[k];
		if (!kp->id || !kp->id[0])
			continue; /* reported by the loader */
		keys[n++] = (kpa_key){model_kpa_file_stem(kp->id), k, KEY_FILE};
		keys[n++] = (kpa_key){normal_key(kp->id), k, KEY_ID};
		if (kp->name && kp->name[0])
			keys[n++] = (kpa_key){normal_key(kp->name), k, KEY_NAME};
	}
	/* Sorted, clashes are neighbours: n log n for 10,000 KPAs. */
	qsort(keys, n, sizeof *keys, cmp_keys);
	/* Every clash, then one message per KPA that clashes with an earlier
	 * one: the first of its kinds in the order file, id, name. */
	struct {
		kpa_key a, b;
	} *found = NULL;
	size_t n_found = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && strcmp(keys[j].key, keys[i].key) == 0)
			j++;
		/* Each key against the first earlier one of another KPA and of
		 * its class: file stems with file stems, reference keys (ids and
		 * names) with reference keys. */
		for (size_t x = i + 1; x < j; x++)
			for (size_t y = i; y < x; y++)
				if (keys[y].kpa != keys[x].kpa &&
				    (keys[y].kind == KEY_FILE) == (keys[x].kind == KEY_FILE)) {
					found = xreallocarray(found, n_found + 1, sizeof *found);
					found[n_found].a = keys[y];
					found[n_found++].b = keys[x];
				}
		i = j;
	}
	if (n_found > 1) /* qsort of NULL is undefined, even for 0 elements */
		qsort(found, n_found, sizeof *found, cmp_clashes);
	for (size_t i = 0; i < n_found; i++)
		if (i == 0 || pair_of(&found[i].a, &found[i].b) != pair_of(&found[i - 1].a, &found[i - 1].b))
			clash(d, m, &found[i].a, &found[i].b);
	free(found);
	for (size_t i = 0; i < n; i++)
		free(keys[i].key);
	free(keys);
}
