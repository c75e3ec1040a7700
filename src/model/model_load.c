/* model_load.c - inputs folder -> typed model.
 *
 * Reads recit.xml (settings), kpa.csv, activite.csv and finances.csv. Each
 * CSV column is found by its header name; every cell that cannot be read
 * produces one located message saying what was expected and what was found,
 * and reading goes on so a coordinator can fix everything in one pass. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "csv_read.h"
#include "i18n.h"
#include "model_int.h"
#include "parse_fr.h"
#include "sheet_read.h"
#include "util.h"
#include "xml_read.h"

/* --- column binding ---------------------------------------------------------- */

typedef struct {
	const char *name;
	bool required;
	int idx; /* filled by bind_columns; -1 when absent */
} colspec;

/* Find each wanted column; report missing required ones (error) and columns
 * nobody reads (warning: usually a typo in a header). Returns false when a
 * required column is missing. */
static bool bind_columns(diag_sink *d, const csv_table *t, colspec *cols, size_t n)
{
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		cols[i].idx = csv_table_find(t, cols[i].name);
		if (cols[i].idx < 0 && cols[i].required) {
			diag_emit(d, DIAG_ERROR, SRC_LOC(csv_table_name(t), 1, 0), cols[i].name,
				  "required column is missing from the header");
			ok = false;
		}
	}
	for (size_t c = 0; c < csv_table_ncols(t); c++) {
		bool used = false;
		for (size_t i = 0; i < n; i++)
			used |= cols[i].idx == (int)c;
		const char *h = csv_table_header(t, c);
		if (!used && h && *h)
			diag_emit(d, DIAG_WARNING, SRC_LOC(csv_table_name(t), 1, (int)c + 1), h,
				  "unknown column, ignored");
	}
	return ok;
}

typedef struct {
	diag_sink *d;
	const csv_table *t;
	size_t row;
	int pivot; /* two-digit years: the end year of the period (0: the default) */
} rowctx;

/* The cell of a bound column, or an empty cell located at the row start. */
static csv_cell cell_of(const rowctx *r, const colspec *c)
{
	if (c->idx < 0)
		return (csv_cell){"", csv_table_row_line(r->t, r->row), 0};
	csv_cell cell = *csv_table_cell(r->t, r->row, (size_t)c->idx);
	if (cell.line == 0) {
		cell.line = csv_table_row_line(r->t, r->row);
		cell.col = c->idx + 1;
	}
	return cell;
}

static src_loc loc_of(const rowctx *r, const csv_cell *c)
{
	return SRC_LOC(csv_table_name(r->t), c->line, c->col);
}

/* expected: an English message id (N_), translated here. */
static void bad_value(const rowctx *r, const colspec *c, const csv_cell *cell,
		      const char *expected)
{
	if (cell->text[0] == '\0')
		diag_emit(r->d, DIAG_ERROR, loc_of(r, cell), c->name,
			  "expected %s, found an empty cell", _(expected));
	else
		diag_emit(r->d, DIAG_ERROR, loc_of(r, cell), c->name, "expected %s, found \"%s\"",
			  _(expected), cell->text);
}

static char *get_text(const rowctx *r, const colspec *c, bool required)
{
	csv_cell cell = cell_of(r, c);
	if (required && cell.text[0] == '\0')
		bad_value(r, c, &cell, N_("a value"));
	return xstrdup(cell.text);
}

/* Boolean columns default to "no" only when the whole column is absent; an
 * empty cell in a present column is an error (unknown is not "no"). */
static bool get_yes_no(const rowctx *r, const colspec *c)
{
	if (c->idx < 0)
		return false;
	csv_cell cell = cell_of(r, c);
	bool v = false;
	if (parse_yes_no(cell.text, &v) != PARSE_OK)
		bad_value(r, c, &cell, PARSE_EXPECT_YES_NO);
	return v;
}

/* An optional yes/no column: an absent column or an empty cell is "not
 * given" (the bit is set in *unknown), a bad value still an error. */
static bool get_yes_no_optional(const rowctx *r, const colspec *c, unsigned *unknown,
				unsigned bit, size_t *n_empty)
{
	csv_cell cell = cell_of(r, c);
	if (c->idx < 0 || cell.text[0] == '\0') {
		*unknown |= bit;
		if (c->idx >= 0)
			(*n_empty)++;
		return false;
	}
	bool v = false;
	if (parse_yes_no(cell.text, &v) != PARSE_OK)
		bad_value(r, c, &cell, PARSE_EXPECT_YES_NO);
	return v;
}

/* Say once per optional column what was not given, so a coordinator sees
 * that a figure will read « non renseigné » rather than a share. */
static void report_optional(diag_sink *d, const csv_table *t, const colspec *c, size_t n_empty,
			    size_t n_rows)
{
	if (c->idx < 0)
		diag_emit(d, DIAG_NOTE, SRC_LOC(csv_table_name(t), 1, 0), c->name,
			  "optional column absent: its figures are published as not "
			  "collected");
	else if (n_empty > 0)
		diag_emit(d, DIAG_NOTE, SRC_LOC(csv_table_name(t), 1, c->idx + 1), c->name,
			  ngettext("%zu empty cell of %zu: not given for that person; the "
				   "shares are computed over the others",
				   "%zu empty cells of %zu: not given for those people; the "
				   "shares are computed over the others",
				   (unsigned long)n_empty),
			  n_empty, n_rows);
}

static int get_enum(const rowctx *r, const colspec *c, model_enum_kind kind, bool required)
{
	csv_cell cell = cell_of(r, c);
	if (cell.text[0] == '\0') {
		if (required)
			bad_value(r, c, &cell, model_enum_expected(kind));
		return -1;
	}
	int v = model_enum_parse(kind, cell.text);
	if (v < 0)
		bad_value(r, c, &cell, model_enum_expected(kind));
	return v;
}

static recit_date get_date(const rowctx *r, const colspec *c, bool required)
{
	csv_cell cell = cell_of(r, c);
	recit_date v = {0};
	parse_status s = parse_date_pivot(cell.text, r->pivot ? r->pivot : PARSE_DATE_PIVOT, &v);
	/* A workbook's date column may hold the serial day number itself (a
	 * date cell whose format was lost): 45291 is 2023-12-31. From 10000
	 * (1927) on, so that a bare year such as 2023 is not taken for one. */
	int sys = csv_table_date_system(r->t);
	if (s == PARSE_BAD && sys) {
		char *end = NULL;
		long serial = strtol(cell.text, &end, 10);
		if (end && *end == '.')
			end += strspn(end + 1, "0123456789") + 1; /* a time of day */
		if (end && end != cell.text && *end == '\0' && serial >= 10000 &&
		    date_from_serial(serial, sys, &v))
			s = PARSE_OK;
	}
	if (s == PARSE_BAD || (s == PARSE_EMPTY && required))
		bad_value(r, c, &cell, PARSE_EXPECT_DATE);
	return s == PARSE_OK ? v : (recit_date){0};
}

static long long get_amount(const rowctx *r, const colspec *c, bool required)
{
	csv_cell cell = cell_of(r, c);
	long long v = -1;
	parse_status s = parse_amount_cents(cell.text, &v);
	if (s == PARSE_BAD || (s == PARSE_EMPTY && required))
		bad_value(r, c, &cell, PARSE_EXPECT_AMOUNT);
	if (s == PARSE_OK && v < 0) {
		bad_value(r, c, &cell, N_("an amount of zero or more"));
		v = -1;
	}
	/* A bound on every amount keeps every sum of them inside 64 bits: a
	 * file of at most 64 MiB holds fewer than 10^7 rows, and 10^7 times
	 * 10^11 cents is far below 9.2 * 10^18 (docs/inputs.md). */
	if (s == PARSE_OK && v > MODEL_MAX_AMOUNT_CENTS) {
		bad_value(r, c, &cell, N_("an amount under 1 000 000 000 € (a KPA's yearly figures)"));
		v = -1;
	}
	return s == PARSE_OK ? v : -1;
}

static long long get_int(const rowctx *r, const colspec *c, bool required, long long lo,
			 long long hi, const char *expected)
{
	csv_cell cell = cell_of(r, c);
	long long v = 0;
	parse_status s = parse_integer(cell.text, &v);
	if (s == PARSE_EMPTY && !required)
		return 0;
	if (s != PARSE_OK || v < lo || v > hi) {
		bad_value(r, c, &cell, expected);
		return 0;
	}
	return v;
}

/* Normalise a département code: "59", "059" -> "59"; "2a" -> "2A". */
static char *get_departement(const rowctx *r, const colspec *c)
{
	csv_cell cell = cell_of(r, c);
	const char *s = cell.text;
	while (*s == '0' && s[1] >= '0' && s[1] <= '9' && strlen(s) > 2)
		s++;
	char buf[8] = "";
	size_t n = strlen(s);
	if (n < sizeof buf) {
		for (size_t i = 0; i <= n; i++)
			buf[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
	}
	if (!model_departement_name(buf)) {
		bad_value(r, c, &cell, N_("a French département code such as 59 or 2A"));
		return xstrdup("");
	}
	if (strlen(buf) == 1) { /* "9" -> "09" */
		buf[2] = '\0';
		buf[1] = buf[0];
		buf[0] = '0';
	}
	return xstrdup(buf);
}

/* A table is name.csv, name.xlsx or name.ods (docs/inputs.md): one of them.
 * Only ask whether each exists (an optional table may be absent); opening
 * is the readers' job, which refuse pipes and devices without blocking. */
static csv_table *open_table(diag_sink *d, model *m, const char *name, bool required)
{
	static const char *const exts[] = {"csv", "xlsx", "ods"};
	const char *found = NULL;
	for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
		char *path = xasprintf("%s/%s.%s", m->folder, name, exts[i]);
		const char *p = model_intern_path(m, path);
		free(path);
		if (access(p, F_OK) != 0) {
			int e = errno;
			if (e != ENOENT) {
				diag_emit(d, DIAG_ERROR, SRC_LOC(p, 0, 0), NULL, "cannot open: %s",
					  strerror(e));
				return NULL;
			}
			continue;
		}
		if (found) {
			diag_emit(d, DIAG_ERROR, SRC_LOC(p, 0, 0), NULL,
				  "both %s and %s are present: keep only one of them", found, p);
			return NULL;
		}
		found = p;
	}
	if (!found) {
		if (required) {
			char *path = xasprintf("%s/%s.csv", m->folder, name);
			const char *p = model_intern_path(m, path);
			free(path);
			diag_emit(d, DIAG_ERROR, SRC_LOC(p, 0, 0), NULL,
				  "cannot open: %s (nor %s.xlsx or %s.ods)", strerror(ENOENT), name,
				  name);
		}
		return NULL;
	}
	if (sheet_is_workbook(found))
		return sheet_read_file(d, found, name);
	return csv_table_read_file(d, found, NULL);
}

/* --- kpa.csv ------------------------------------------------------------------ */

static void load_kpas_table(diag_sink *d, model *m)
{
	csv_table *t = open_table(d, m, "kpa", true);
	if (!t)
		return;
	enum { C_ID, C_NOM, C_VILLE, C_QUARTIER, C_DEP, C_ANNEE, C__N };
	colspec cols[C__N] = {
		[C_ID] = {"id", true, -1},          [C_NOM] = {"nom", true, -1},
		[C_VILLE] = {"ville", true, -1},    [C_QUARTIER] = {"quartier", false, -1},
		[C_DEP] = {"departement", true, -1}, [C_ANNEE] = {"annee_creation", false, -1},
	};
	if (bind_columns(d, t, cols, C__N)) {
		size_t n = csv_table_nrows(t);
		m->kpas = xcalloc(n, sizeof *m->kpas);
		for (size_t row = 0; row < n; row++) {
			rowctx r = {d, t, row, 0};
			model_kpa *k = &m->kpas[m->n_kpas++];
			/* Locations outlive the table: point them at the model's copy of the path. */
			k->loc = SRC_LOC(model_intern_path(m, csv_table_name(t)),
					  csv_table_row_line(t, row), 0);
			k->id = get_text(&r, &cols[C_ID], true);
			k->name = get_text(&r, &cols[C_NOM], true);
			k->city = get_text(&r, &cols[C_VILLE], true);
			k->neighbourhood = get_text(&r, &cols[C_QUARTIER], false);
			k->departement = get_departement(&r, &cols[C_DEP]);
			k->year_founded = (int)get_int(&r, &cols[C_ANNEE], false, 1900, 2200,
						       N_("a year such as 2019"));
		}
		if (n == 0)
			diag_emit(d, DIAG_ERROR, SRC_LOC(csv_table_name(t), 0, 0), NULL,
				  "no KPA is listed: at least one row is expected");
	}
	csv_table_destroy(t);
}

/* When kpa.csv gives no ids at all (missing, unreadable, no id column, no
 * row), every reference elsewhere would fail: kpa.csv's own message says
 * it once. A wrong row of kpa.csv does not count: a typo in a reference
 * must still be found. */
static void load_kpas(diag_sink *d, model *m)
{
	load_kpas_table(d, m);
	m->kpas_unreliable = m->n_kpas == 0;
}

/* After the tables: the references not reported because kpa.csv is wrong. */
static void say_unchecked_refs(diag_sink *d, const model *m)
{
	if (m->n_unchecked_kpa_refs)
		diag_emit(d, DIAG_NOTE, SRC_LOC(m->folder, 0, 0), NULL,
			  "%zu references to KPAs are not checked until kpa.csv is fixed",
			  m->n_unchecked_kpa_refs);
}

/* A KPA reference: by id, or by name as a convenience. */
static size_t get_kpa(const rowctx *r, model *m, const colspec *c, bool *ok)
{
	csv_cell cell = cell_of(r, c);
	int k = cell.text[0] ? model_find_kpa(m, cell.text) : -1;
	if (k < 0 && m->kpas_unreliable && cell.text[0]) {
		*ok = false;
		m->n_unchecked_kpa_refs++;
		return 0;
	}
	if (k < 0) {
		*ok = false;
		if (cell.text[0] == '\0')
			bad_value(r, c, &cell, N_("the id of a KPA listed in kpa.csv"));
		else
			diag_emit(r->d, DIAG_ERROR, loc_of(r, &cell), c->name,
				  "expected the id of a KPA listed in kpa.csv, found \"%s\" "
				  "(no such KPA)",
				  cell.text);
		return 0;
	}
	return (size_t)k;
}

/* --- the period rules ----------------------------------------------------------
 *
 * A collecting spreadsheet often keeps everybody since the network started.
 * A person who left before the period started, or entered after it ended,
 * is not part of this report: the row is dropped and counted, not an error.
 * A person who left after the end of the period was present at its end:
 * the row is kept, without its exit (date and situation), as the report
 * would have been written on the last day of the period. Cell errors of a
 * dropped row are still reported: bad data is bad whatever the year. */

static void drop_last_person(model *m)
{
	model_person *p = &m->people[--m->n_people];
	free(p->id);
	free(p->departement);
	memset(p, 0, sizeof *p);
}

static void apply_period(model *m, model_person *p)
{
	const model_settings *s = &m->settings;
	m->people_rows++;
	if (!date_is_set(s->period_start) || !date_is_set(s->period_end))
		return;
	if (date_is_set(p->exit) && date_cmp(p->exit, s->period_start) < 0 &&
	    (!date_is_set(p->entry) || date_cmp(p->entry, p->exit) < 0)) {
		m->people_before++;
		drop_last_person(m);
	} else if (date_is_set(p->entry) && date_cmp(p->entry, s->period_end) > 0) {
		m->people_after++;
		drop_last_person(m);
	} else if (date_is_set(p->exit) && date_cmp(p->exit, s->period_end) > 0 &&
		   p->exit_situation >= 0) {
		m->people_exit_after++;
		p->exit = (recit_date){0};
		p->exit_situation = -1;
	}
}

/* One note per rule applied, so the coordinator sees what was left out. */
static void report_period_rows(diag_sink *d, model *m, const char *file)
{
	const model_settings *s = &m->settings;
	char a[11], b[11];
	date_iso(s->period_start, a);
	date_iso(s->period_end, b);
	src_loc at = SRC_LOC(model_intern_path(m, file), 0, 0);
	if (m->people_before)
		diag_emit(d, DIAG_NOTE, at, NULL,
			  ngettext("%zu person left before the period starting %s: row ignored",
				   "%zu people left before the period starting %s: rows ignored",
				   (unsigned long)m->people_before),
			  m->people_before, a);
	if (m->people_after)
		diag_emit(d, DIAG_NOTE, at, NULL,
			  ngettext("%zu person entered after the period ending %s: row ignored",
				   "%zu people entered after the period ending %s: rows ignored",
				   (unsigned long)m->people_after),
			  m->people_after, b);
	if (m->people_exit_after)
		diag_emit(d, DIAG_NOTE, at, NULL,
			  ngettext("%zu person left after the period ending %s: counted as present "
				   "at its end",
				   "%zu people left after the period ending %s: counted as present "
				   "at its end",
				   (unsigned long)m->people_exit_after),
			  m->people_exit_after, b);
}

/* --- activite.csv ---------------------------------------------------------------- */

enum {
	A_ID, A_KPA, A_SEXE, A_AGE, A_NAISSANCE, A_DEP, A_QPV, A_PARENT, A_PROTECTION,
	A_RQTH, A_FORMATION, A_PE_AVANT, A_PE_ANC, A_PE_PENDANT, A_ML, A_ENTREE, A_DUREE,
	A_SORTIE, A_SITUATION, A__N
};

static void load_people(diag_sink *d, model *m)
{
	csv_table *t = open_table(d, m, "activite", true);
	if (!t)
		return;
	colspec cols[A__N] = {
		[A_ID] = {"id", false, -1},
		[A_KPA] = {"kpa", true, -1},
		[A_SEXE] = {"sexe", true, -1},
		[A_AGE] = {"tranche_age", false, -1},
		[A_NAISSANCE] = {"annee_naissance", false, -1},
		[A_DEP] = {"departement", true, -1},
		[A_QPV] = {"qpv", true, -1},
		[A_PARENT] = {"parent_isole", true, -1},
		[A_PROTECTION] = {"protection_internationale", true, -1},
		[A_RQTH] = {"rqth", true, -1},
		[A_FORMATION] = {"niveau_formation", true, -1},
		[A_PE_AVANT] = {"inscrit_pe_avant", true, -1},
		[A_PE_ANC] = {"anciennete_pe", true, -1},
		[A_PE_PENDANT] = {"inscrit_pe_pendant", false, -1},
		[A_ML] = {"mission_locale", false, -1},
		[A_ENTREE] = {"date_entree", true, -1},
		[A_DUREE] = {"duree_prevue_mois", true, -1},
		[A_SORTIE] = {"date_sortie", true, -1},
		[A_SITUATION] = {"situation_sortie", true, -1},
	};
	bool ok = bind_columns(d, t, cols, A__N);
	if (cols[A_AGE].idx < 0 && cols[A_NAISSANCE].idx < 0) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(csv_table_name(t), 1, 0), "tranche_age",
			  "required column is missing from the header (give tranche_age or "
			  "annee_naissance)");
		ok = false;
	}
	if (!ok) {
		csv_table_destroy(t);
		return;
	}
	for (size_t i = 0; i < A__N; i++)
		m->person_cols[m->n_person_cols++] = (model_column){cols[i].name, cols[i].idx + 1};
	size_t n = csv_table_nrows(t);
	size_t empty_pe_during = 0, empty_ml = 0;
	m->people = xcalloc(n, sizeof *m->people);
	for (size_t row = 0; row < n; row++) {
		rowctx r = {d, t, row, m->settings.period_end.y};
		model_person *p = &m->people[m->n_people++];
		p->loc = SRC_LOC(model_intern_path(m, csv_table_name(t)), csv_table_row_line(t, row),
				   0);
		p->id = get_text(&r, &cols[A_ID], false);
		if (p->id[0] == '\0') {
			free(p->id);
			p->id = xasprintf("ligne-%d", p->loc.line);
		}
		/* After a bad value the field holds a valid default, so later
		 * stages never index outside their tables; diag_failed() stops
		 * the build anyway. */
		bool kpa_ok = true;
		p->kpa = get_kpa(&r, m, &cols[A_KPA], &kpa_ok);
		int sex = get_enum(&r, &cols[A_SEXE], ENUM_SEX, true);
		p->sex = sex < 0 ? SEX_F : (model_sex)sex;
		p->departement = get_departement(&r, &cols[A_DEP]);
		p->qpv = get_yes_no(&r, &cols[A_QPV]);
		p->single_parent = get_yes_no(&r, &cols[A_PARENT]);
		p->intl_protection = get_yes_no(&r, &cols[A_PROTECTION]);
		p->rqth = get_yes_no(&r, &cols[A_RQTH]);
		int edu = get_enum(&r, &cols[A_FORMATION], ENUM_EDU, true);
		p->edu = edu < 0 ? EDU_UNKNOWN : (model_edu)edu;
		p->pe_before = get_yes_no(&r, &cols[A_PE_AVANT]);
		p->pe_duration = get_enum(&r, &cols[A_PE_ANC], ENUM_PE, false);
		p->pe_during = get_yes_no_optional(&r, &cols[A_PE_PENDANT], &p->unknown,
						   PERSON_UNKNOWN_PE_DURING, &empty_pe_during);
		p->mission_locale = get_yes_no_optional(&r, &cols[A_ML], &p->unknown,
							PERSON_UNKNOWN_ML, &empty_ml);
		p->entry = get_date(&r, &cols[A_ENTREE], true);
		p->planned_months = (int)get_int(&r, &cols[A_DUREE], true, 1, 120,
						 N_("a planned duration in months, from 1 to 120"));
		p->exit = get_date(&r, &cols[A_SORTIE], false);
		p->exit_situation = get_enum(&r, &cols[A_SITUATION], ENUM_EXIT, false);

		/* Age band: given directly, or derived from the birth year at entry. */
		csv_cell age = cell_of(&r, &cols[A_AGE]);
		if (age.text[0]) {
			int age_band = get_enum(&r, &cols[A_AGE], ENUM_AGE, true);
			p->age = age_band < 0 ? AGE_16_24 : (model_age)age_band;
		} else {
			csv_cell by = cell_of(&r, &cols[A_NAISSANCE]);
			long long year = 0;
			if (by.text[0] && parse_integer(by.text, &year) == PARSE_OK &&
			    date_is_set(p->entry) && year > 1900) {
				long long a = p->entry.y - year;
				if (a < 16) {
					diag_emit(d, DIAG_ERROR, loc_of(&r, &by), "annee_naissance",
						  "expected a person aged 16 or more at entry, found "
						  "birth year %lld (age %lld at entry)",
						  year, a);
					p->age = AGE_16_24;
				} else
					p->age = a <= 24 ? AGE_16_24
						 : a <= 39 ? AGE_25_39
						 : a <= 54 ? AGE_40_54
							   : AGE_55_PLUS;
			} else {
				bad_value(&r, &cols[A_AGE], &age,
					  N_("an age band (16-24, 25-39, 40-54, 55+) or a birth year in "
					     "annee_naissance"));
				p->age = AGE_16_24;
			}
		}
		apply_period(m, p);
	}
	report_optional(d, t, &cols[A_PE_PENDANT], empty_pe_during, n);
	report_optional(d, t, &cols[A_ML], empty_ml, n);
	report_period_rows(d, m, csv_table_name(t));
	/* A header without rows: the report is about these people, and every
	 * share would lack its base; say so once rather than through every
	 * figure of the templates. */
	if (n == 0)
		diag_emit(d, DIAG_ERROR, SRC_LOC(csv_table_name(t), 0, 0), NULL,
			  "no coopérant·e is listed: at least one row is expected");
	csv_table_destroy(t);
}

/* --- finances.csv ------------------------------------------------------------------ */

static void load_finances(diag_sink *d, model *m)
{
	csv_table *t = open_table(d, m, "finances", false);
	if (!t)
		return;
	enum { F_KPA, F_DEBUT, F_FIN, F_CA, F_REM, F_CHARGES, F_EPARGNE, F__N };
	colspec cols[F__N] = {
		[F_KPA] = {"kpa", true, -1},
		[F_DEBUT] = {"debut", true, -1},
		[F_FIN] = {"fin", true, -1},
		[F_CA] = {"chiffre_affaires_ht", true, -1},
		[F_REM] = {"remunerations", false, -1},
		[F_CHARGES] = {"charges", false, -1},
		[F_EPARGNE] = {"epargne", false, -1},
	};
	if (bind_columns(d, t, cols, F__N)) {
		m->finance_file = model_intern_path(m, csv_table_name(t));
		for (size_t i = 0; i < F__N; i++)
			m->finance_cols[m->n_finance_cols++] =
				(model_column){cols[i].name, cols[i].idx + 1};
		size_t n = csv_table_nrows(t);
		m->finances = xcalloc(n, sizeof *m->finances);
		for (size_t row = 0; row < n; row++) {
			rowctx r = {d, t, row, m->settings.period_end.y};
			model_finance *f = &m->finances[m->n_finances++];
			f->loc = SRC_LOC(model_intern_path(m, csv_table_name(t)),
					  csv_table_row_line(t, row), 0);
			bool kpa_ok = true;
			f->kpa = get_kpa(&r, m, &cols[F_KPA], &kpa_ok);
			f->start = get_date(&r, &cols[F_DEBUT], true);
			f->end = get_date(&r, &cols[F_FIN], true);
			f->revenue_cents = get_amount(&r, &cols[F_CA], true);
			if (f->revenue_cents < 0)
				f->revenue_cents = 0;
			f->pay_cents = get_amount(&r, &cols[F_REM], false);
			f->expenses_cents = get_amount(&r, &cols[F_CHARGES], false);
			f->savings_cents = get_amount(&r, &cols[F_EPARGNE], false);
		}
	}
	csv_table_destroy(t);
}

/* --- recit.xml ---------------------------------------------------------------------- */

/* Known attributes per element; anything else is reported, since a typo in
 * an attribute name would otherwise be silently ignored. */
static void check_attrs(diag_sink *d, const char *file, xmlNode *n, const char *const *known)
{
	for (xmlAttr *a = n->properties; a; a = a->next) {
		bool found = false;
		for (const char *const *k = known; *k; k++)
			found |= strcmp((const char *)a->name, *k) == 0;
		if (!found) {
			strbuf list = {0};
			for (const char *const *k = known; *k; k++)
				strbuf_printf(&list, "%s%s", k == known ? "" : ", ", *k);
			diag_emit(d, DIAG_WARNING, SRC_LOC(file, (int)xmlGetLineNo(n), 0),
				  (const char *)a->name,
				  "unknown attribute of <%s>, ignored (known: %s)",
				  (const char *)n->name, list.data ? list.data : "");
			strbuf_free(&list);
		}
	}
}

static recit_date xml_date(diag_sink *d, const char *file, xmlNode *n, const char *attr,
			   bool required)
{
	char *v = xml_attr_dup(n, attr);
	recit_date out = {0};
	parse_status s = parse_date(v ? v : "", &out);
	src_loc at = {file, (int)xmlGetLineNo(n), 0};
	if ((s == PARSE_BAD || (s == PARSE_EMPTY && required)) && v)
		diag_emit(d, DIAG_ERROR, at, attr, "expected %s on <%s>, found \"%s\"",
			  _(PARSE_EXPECT_DATE), (const char *)n->name, v);
	else if (s == PARSE_EMPTY && required)
		diag_emit(d, DIAG_ERROR, at, attr, "expected %s on <%s>, found nothing",
			  _(PARSE_EXPECT_DATE), (const char *)n->name);
	free(v);
	return s == PARSE_OK ? out : (recit_date){0};
}

static void load_settings(diag_sink *d, model *m)
{
	char *path = xasprintf("%s/recit.xml", m->folder);
	const char *file = model_intern_path(m, path);
	free(path);
	model_settings *s = &m->settings;
	s->privacy_threshold = 0;

	/* TRANSLATORS: completes "cannot read the %s"; with the article your
	 * language needs. */
	xmlDoc *x = xml_read_file(d, file, N_("report settings"), 0);
	if (!x)
		return;
	xmlNode *root = xmlDocGetRootElement(x);
	if (!root || strcmp((const char *)root->name, "recit") != 0) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(file, root ? (int)xmlGetLineNo(root) : 0, 0),
			  NULL, "expected the root element <recit>, found <%s>",
			  root ? (const char *)root->name : "nothing");
		xmlFreeDoc(x);
		return;
	}
	bool seen_rapport = false, seen_periode = false;
	for (xmlNode *n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		int line = (int)xmlGetLineNo(n);
		if (strcmp(name, "rapport") == 0) {
			static const char *const known[] = {"titre", "sous-titre", "organisation",
							    "auteur", "date", NULL};
			check_attrs(d, file, n, known);
			seen_rapport = true;
			s->title = xml_attr_dup(n, "titre");
			s->subtitle = xml_attr_dup(n, "sous-titre");
			s->organisation = xml_attr_dup(n, "organisation");
			s->author = xml_attr_dup(n, "auteur");
			s->report_date = xml_date(d, file, n, "date", true);
			if (!s->title || !*s->title)
				diag_emit(d, DIAG_ERROR, SRC_LOC(file, line, 0), "titre",
					  "expected the report title on <rapport>, found nothing");
		} else if (strcmp(name, "periode") == 0) {
			static const char *const known[] = {"debut", "fin", NULL};
			check_attrs(d, file, n, known);
			seen_periode = true;
			s->period_start = xml_date(d, file, n, "debut", true);
			s->period_end = xml_date(d, file, n, "fin", true);
			if (date_is_set(s->period_start) && date_is_set(s->period_end) &&
			    date_cmp(s->period_end, s->period_start) <= 0)
				diag_emit(d, DIAG_ERROR, SRC_LOC(file, line, 0), "fin",
					  "expected the end of the period after its start");
		} else if (strcmp(name, "confidentialite") == 0) {
			static const char *const known[] = {"seuil", NULL};
			check_attrs(d, file, n, known);
			char *v = xml_attr_dup(n, "seuil");
			long long k = 0;
			if (!v)
				diag_emit(d, DIAG_ERROR, SRC_LOC(file, line, 0), "seuil",
					  "expected a threshold from 0 (off) to 100, found nothing");
			else if (parse_integer(v, &k) != PARSE_OK || k < 0 || k > 100)
				diag_emit(d, DIAG_ERROR, SRC_LOC(file, line, 0), "seuil",
					  "expected a threshold from 0 (off) to 100, found \"%s\"", v);
			else
				s->privacy_threshold = (int)k;
			free(v);
		} else if (!model_year_element(d, m, file, n)) {
			diag_emit(d, DIAG_WARNING, SRC_LOC(file, line, 0), NULL,
				  "unknown element <%s> in <recit>, ignored (known: rapport, "
				  "periode, confidentialite, reseau, histoire, ateliers)",
				  name);
		}
	}
	if (!seen_rapport)
		diag_emit(d, DIAG_ERROR, SRC_LOC(file, 0, 0), NULL,
			  "expected a <rapport titre=\"...\" date=\"...\"/> element");
	if (!seen_periode)
		diag_emit(d, DIAG_ERROR, SRC_LOC(file, 0, 0), NULL,
			  "expected a <periode debut=\"...\" fin=\"...\"/> element");
	xmlFreeDoc(x);
}

model *model_load(diag_sink *d, const char *folder)
{
	model *m = xcalloc(1, sizeof *m);
	/* "inputs/" and "inputs" name the same folder; keep messages tidy. */
	size_t n = strlen(folder);
	while (n > 1 && folder[n - 1] == '/')
		n--;
	m->folder = xstrndup(folder, n);
	load_settings(d, m);
	load_kpas(d, m);
	char *places = xasprintf("%s/lieux.csv", m->folder);
	if (access(places, F_OK) == 0) /* optional: the map's places */
		model_year_load_places(d, m, model_intern_path(m, places));
	free(places);
	model_index_kpas(m);
	model_check_kpa_identity(d, m);
	load_people(d, m);
	load_finances(d, m);
	say_unchecked_refs(d, m);
	if (!m->settings.title)
		m->settings.title = xstrdup("Rapport");
	model_validate(d, m);
	model_index_rows(m);
	return m;
}
