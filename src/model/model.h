/* model.h - the year's data, typed and validated.
 *
 * model_load() reads an inputs folder (see docs/inputs.md):
 *   recit.xml      report settings: title, reporting period, privacy threshold
 *   kpa.csv        the network's KPAs
 *   activite.csv   one anonymous row per coopérant·e
 *   finances.csv   revenue (and optional pay, expenses, savings) per KPA and period
 * Every value keeps the place it came from, so validation and later stages can
 * point back at file:line:col. Enumerations are parsed from codes or French
 * labels, ignoring case and accents. */
#ifndef RECIT_MODEL_H
#define RECIT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "diag.h"

typedef enum { SEX_F, SEX_M, SEX__COUNT } model_sex;
typedef enum { AGE_16_24, AGE_25_39, AGE_40_54, AGE_55_PLUS, AGE__COUNT } model_age;
typedef enum {
	EDU_INFRA_CAP,
	EDU_CAP_BEP,
	EDU_BAC,
	EDU_BAC2_4,
	EDU_BAC5,
	EDU_UNKNOWN,
	EDU__COUNT
} model_edu;
/* How long a person had been registered at Pôle emploi before entry. */
typedef enum { PE_LT_6M, PE_6_12M, PE_13_24M, PE_2_5Y, PE_GT_5Y, PE__COUNT } model_pe;
typedef enum {
	EXIT_CDI,
	EXIT_CDD_6M_PLUS,
	EXIT_CDD_LT_6M,
	EXIT_INTERIM,
	EXIT_TRAINING_QUALIFYING,
	EXIT_TRAINING_OTHER,
	EXIT_BUSINESS_CREATION,
	EXIT_OTHER_SCHEME,
	EXIT_NO_JOB_NO_TRAINING,
	EXIT_CIVIC_SERVICE,
	EXIT_UNKNOWN,
	EXIT__COUNT
} model_exit;

typedef enum {
	ENUM_SEX,
	ENUM_AGE,
	ENUM_EDU,
	ENUM_PE,
	ENUM_EXIT,
	ENUM__KINDS
} model_enum_kind;

/* Canonical code ("cdd-6-mois-et-plus"), French label ("CDD de 6 mois et
 * plus") and count of values of each enumeration. */
const char *model_enum_code(model_enum_kind kind, int value);
const char *model_enum_label(model_enum_kind kind, int value);
int model_enum_count(model_enum_kind kind);
/* Parse a code or label (case, accents and punctuation ignored). Returns the
 * value or -1. */
int model_enum_parse(model_enum_kind kind, const char *text);
/* "F or H (or Femme, Homme)" or "one of 16-24, 25-39, 40-54, 55+" for
 * "expected ..." messages: an English message id, to pass through _(). */
const char *model_enum_expected(model_enum_kind kind);

/* French département name from its code ("59" -> "Nord"), or NULL. */
const char *model_departement_name(const char *code);

typedef struct {
	char *id;          /* slug used by the other files: "coop-manau" */
	char *name;        /* "Coop Manau" */
	char *city;        /* "Roubaix" */
	char *neighbourhood; /* may be "" */
	char *departement; /* code, "59" */
	int year_founded;  /* 0 if unknown */
	src_loc loc;
} model_kpa;

typedef struct {
	char *id;
	size_t kpa;          /* index into model.kpas */
	model_sex sex;
	model_age age;
	char *departement;   /* code */
	bool qpv, single_parent, intl_protection, rqth;
	model_edu edu;
	bool pe_before;
	int pe_duration;     /* model_pe, or -1 when not registered before */
	bool pe_during;
	bool mission_locale;
	unsigned unknown;    /* PERSON_UNKNOWN_*: optional answers not given */
	recit_date entry;
	int planned_months;  /* planned path duration, months */
	recit_date exit;     /* unset while the person is still in the KPA */
	int exit_situation;  /* model_exit, or -1 while present */
	src_loc loc;         /* start of the row */
} model_person;

/* Optional yes/no columns (docs/inputs.md, « Optional columns »): data a
 * KPA gets from partners (Pôle emploi, Mission locale), which some
 * networks do not collect. An absent column or an empty cell is "not
 * given", never "no": the field is false and its bit is set. */
enum {
	PERSON_UNKNOWN_PE_DURING = 1u << 0,
	PERSON_UNKNOWN_ML = 1u << 1,
};

typedef struct {
	size_t kpa;
	recit_date start, end;
	long long revenue_cents;  /* chiffre d'affaires HT */
	long long pay_cents;      /* -1 when not given */
	long long expenses_cents; /* -1 when not given */
	long long savings_cents;  /* -1 when not given */
	src_loc loc;
} model_finance;

typedef struct {
	const char *name; /* static field name, e.g. "date_sortie" */
	int col;          /* 1-based, 0 when the column is absent */
} model_column;

/* Settings of the report (recit.xml). */
typedef struct {
	char *title;
	char *subtitle;
	char *organisation;
	char *author;
	recit_date period_start, period_end;
	recit_date report_date; /* printed on the cover and used as PDF date */
	int privacy_threshold;  /* counts below it are published as "< k"; 0 = off */
} model_settings;

/* The largest amount an input may hold, in cents (1 000 000 000 €): with it
 * no sum of amounts can overflow 64 bits (model_load.c, get_amount). */
#define MODEL_MAX_AMOUNT_CENTS 100000000000LL

/* An event of a timeline the year folder states (recit.xml <histoire> and
 * <ateliers>): the date as written ("2017", "2017-04"), checked when the
 * timeline is drawn, and its label. */
typedef struct {
	char *date;
	char *label;
	src_loc loc;
} model_event;

typedef struct {
	bool present;     /* the element is in recit.xml */
	char *note;       /* note="..." (sources), or NULL */
	model_event *events;
	size_t n_events;
} model_timeline;

/* A city's place for the map (lieux.csv): decimal degrees. */
typedef struct {
	char *city;
	double lat, lon;
	src_loc loc;
} model_place;

/* The facts of the network and the year that the layouts refer to instead
 * of stating them (recit.xml, model_year.c): nothing here is required. */
typedef struct {
	char *network_name;       /* <reseau nom="..."/>, or NULL */
	src_loc network_loc;
	model_timeline history;   /* <histoire> */
	model_timeline workshops; /* <ateliers> */
	model_place *places;      /* lieux.csv, optional */
	size_t n_places;
} model_year;

typedef struct model {
	char *folder;
	model_settings settings;
	model_year year;
	model_kpa *kpas;
	size_t n_kpas;
	model_person *people;
	size_t n_people;
	model_finance *finances;
	size_t n_finances;
	char **paths; /* file names owned by the model, referenced by src_loc */
	size_t n_paths;
	/* Column (1-based) of each field in activite.csv and finances.csv, so
	 * checks made after loading can still point at line:column. */
	model_column person_cols[24];
	size_t n_person_cols;
	model_column finance_cols[8];
	size_t n_finance_cols;
	const char *finance_file; /* interned path of finances.csv, or NULL */
	/* The period rules (docs/inputs.md, "Period rules"): rows of activite.csv
	 * read, and those left out because the person left before the period
	 * started or entered after it ended. A person who left after the end
	 * of the period is kept, as present at its end (exit_after counts them). */
	size_t people_rows, people_before, people_after, people_exit_after;
	size_t *kpa_order; /* KPA indexes sorted by id, for model_find_kpa */
	/* Normalised ids and names, sorted, for model_find_kpa's fallback (a
	 * reference by name or in another case): a binary search, not a scan,
	 * so that loading stays n log n on a national network. */
	struct model_kpa_key *kpa_keys;
	size_t n_kpa_keys;
	/* The rows of each KPA (model_index_rows): people kpa_people[
	 * kpa_people_at[k] .. kpa_people_at[k + 1]) and likewise finances, so
	 * a KPA's figures cost its own rows, not the network's. NULL when not
	 * built (models made by hand in tests): callers then scan. */
	size_t *kpa_people, *kpa_people_at, *kpa_finances, *kpa_finances_at;
	/* kpa.csv had errors: a reference to an unknown KPA elsewhere is then
	 * most likely kpa.csv's fault, so it is counted, not reported one by
	 * one (one message per problem, not hundreds of follow-on ones). */
	bool kpas_unreliable;
	size_t n_unchecked_kpa_refs;
} model;

/* Location of a field of a row: the row's loc with the field's column. */
src_loc model_field_loc(const model *m, src_loc row, const char *field);

/* Read and validate the inputs folder. Every problem goes to d; reading goes
 * on after errors so that one run lists them all. Returns NULL only when
 * nothing usable was read; check diag_failed(d) before using the result. */
model *model_load(diag_sink *d, const char *folder);
void model_destroy(model *m);

/* Cross-checks between files and within rows (exit after entry, exit
 * situation only for people who left, KPAs exist, dates in the period...).
 * Called by model_load; exposed for tests. */
void model_validate(diag_sink *d, const model *m);

/* recit init: make the year folder dir (which must not exist or be empty),
 * a documented skeleton, or with from (last year's folder, valid) what
 * stays from it: KPAs, places, identity sheets, codebook, palette, pictures,
 * narrative (listed with fingerprints in reprise.txt), recit.xml with the
 * next period; the activity, finances and interviews are left to fill.
 * Returns 0, or -1 after reporting to d (model_init.c). */
int model_year_init(diag_sink *d, const char *dir, const char *from);
/* recit check: a warning for each narrative file unchanged since init
 * --from copied it, and for each year outside the period that the
 * narrative or the report's titles mention. */
void model_year_check(diag_sink *d, model *m);

/* Stable text dump of the model (recit build --dump=model), for golden tests. */
void model_dump(const model *m, FILE *out);

/* Build the id index model_find_kpa uses (model_load calls it). */
void model_index_kpas(model *m);
/* Build the per-KPA row index (kpa_people, kpa_finances; model_load calls
 * it once the rows are read). */
void model_index_rows(model *m);
/* The place of a city (lieux.csv; case and accents ignored), or NULL. */
const model_place *model_find_place(const model *m, const char *city);

/* Index of the KPA with this id (or name, case/accents ignored), or -1. */
int model_find_kpa(const model *m, const char *id_or_name);
/* The stem of a KPA's output files (fiches/STEM.pdf). Free it. */
char *model_kpa_file_stem(const char *id);
/* Every KPA is one: ids unique once case and punctuation are set aside and
 * as file names, names unique, no name that is another KPA's id. O(n log n). */
void model_check_kpa_identity(diag_sink *d, const model *m);

/* Internal to the model library: take ownership of a path string, return the
 * stable copy that src_loc.file can point at. */
const char *model_intern_path(model *m, const char *path);

#endif
