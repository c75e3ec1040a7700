/* interview.h - the coded interviews: codebook of effects, interview cards,
 * interviews and their coded excerpts, read from inputs/entretiens/.
 *
 * interviews_load() reads grille.xml (codebook and cards) and entretiens.xml
 * (interviews and excerpts), see docs/interviews.md. Like model_load, it
 * reports every problem with file:line, the element or attribute, what was
 * expected and what was found, and goes on reading.
 *
 * Privacy by construction: the public excerpt record carries no text. The
 * words of an excerpt leave this library only through quotes_select()
 * (interview_quotes.h), which never returns an excerpt without consent or one
 * refused by the private first-name guard. */
#ifndef RECIT_INTERVIEW_H
#define RECIT_INTERVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "diag.h"
#include "model.h"

/* Who conducted the interview (kit, "Qui conduit l'entretien ?"). */
typedef enum {
	IV_BY_ACCOMPAGNANT, /* an accompanying staff member (contributeur·rice) */
	IV_BY_COOPERANT,    /* a peer coopérant·e */
	IV_BY_BINOME,       /* a coopérant·e and an accompagnant·e together */
	IV_BY__COUNT
} iv_interviewer;

/* One effect code of the codebook. Codes form a tree (parent index, -1 for a
 * top-level code); the order is the file's (depth-first), so a parent always
 * comes before its children. */
typedef struct {
	char *id;          /* "confiance" */
	char *label;       /* "Confiance en soi" */
	char *description; /* "" when none */
	int parent;        /* index of the parent code, or -1 */
	int depth;         /* 0 for top-level codes */
	src_loc loc;
} iv_code;

/* One interview card ("J'ai appris…"). copies > 1 for the JOKER. */
typedef struct {
	char *id;    /* "appris" */
	char *label; /* "J'ai appris…" */
	int copies;
	src_loc loc;
} iv_card;

typedef struct {
	char *id;          /* "E01" */
	int kpa;           /* index into model.kpas, or -1 (loaded without a model) */
	char *kpa_id;      /* as written: "coop-manau" */
	char *kpa_name;    /* "Coop Manau" (the id when loaded without a model) */
	char *pseudonym;   /* invented first name, "" when none */
	model_sex gender;
	model_age age_band;
	int age_years;     /* exact age when given, else 0 */
	int months_in_kpa; /* time in the KPA at the interview */
	recit_date date;
	int duration_min;  /* 0 when not given */
	char *place;       /* lieu, "" when none */
	iv_interviewer interviewer;
	char *modalities;  /* modalités, "" when none */
	char *experience;  /* how the person lived the exercise, "" when none */
	size_t *cards;     /* indices into the cards, in the order picked */
	size_t n_cards;
	size_t first_excerpt, n_excerpts; /* excerpts [first, first + n) */
	src_loc loc;
} iv_interview;

/* One coded excerpt, without its words (see quotes_select). */
typedef struct {
	char *id;          /* "E01-2" */
	size_t interview;  /* index of its interview */
	size_t *codes;     /* indices into the codebook, as written (1 or more) */
	size_t n_codes;
	int card;          /* index of the card it answers, or -1 */
	bool consent;      /* the person agreed to this excerpt being quoted */
	bool name_refused; /* contains a first name from the private list */
	size_t n_chars;    /* length of the text in characters (code points) */
	src_loc loc;
} iv_excerpt;

typedef struct interviews interviews;

/* Read folder/grille.xml and folder/entretiens.xml. m gives the KPAs that
 * interviews may name (NULL: any KPA id is accepted, as after an import).
 * Returns NULL only when nothing usable was read; check diag_failed(d). */
interviews *interviews_load(diag_sink *d, const char *folder, const model *m);
void interviews_destroy(interviews *iv);

/* True when folder/entretiens.xml exists (the interviews are optional). */
bool interviews_present(const char *folder);

size_t interviews_code_count(const interviews *iv);
const iv_code *interviews_code_at(const interviews *iv, size_t i);
/* Index of the code with this id, or -1. */
int interviews_find_code(const interviews *iv, const char *id);
/* True when anc is code or one of its ancestors. */
bool interviews_code_within(const interviews *iv, size_t code, size_t anc);

size_t interviews_card_count(const interviews *iv);
const iv_card *interviews_card_at(const interviews *iv, size_t i);
int interviews_find_card(const interviews *iv, const char *id);

size_t interviews_count(const interviews *iv);
const iv_interview *interviews_at(const interviews *iv, size_t i);
int interviews_find(const interviews *iv, const char *id);

size_t interviews_excerpt_count(const interviews *iv);
const iv_excerpt *interviews_excerpt_at(const interviews *iv, size_t i);

/* French role from the gender: "coopérante" / "coopérant". */
const char *interviews_role(model_sex gender);
const char *interviews_interviewer_code(iv_interviewer who);

/* --- the private first-name guard ------------------------------------------
 * The list of real first names lives outside the report inputs (one name per
 * line, UTF-8, '#' comments). Its path comes from --prenoms-prives or the
 * environment variable RECIT_PRENOMS_PRIVES. Every excerpt (and every
 * "ressenti" text) containing one of the names as a whole word, ignoring case
 * and accents, gets an error naming the interview and the excerpt, never the
 * name, and is marked name_refused so that no selection can return it.
 * path NULL or "" checks nothing. Returns the number of texts refused, or -1
 * when the list cannot be read (reported). The names are wiped from memory
 * before returning. */
int interviews_check_private_names(diag_sink *d, interviews *iv, const char *path);

/* Path of the private list: the option's value when given, else
 * $RECIT_PRENOMS_PRIVES, else NULL. */
const char *interviews_private_names_path(const char *option);

/* Write iv as folder/grille.xml and folder/entretiens.xml (atomically).
 * Existing files are kept unless overwrite. Returns 0, or -1 (reported). */
int interviews_save(diag_sink *d, const interviews *iv, const char *folder, bool overwrite);


#endif
