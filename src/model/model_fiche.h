/* model_fiche.h - KPA identity sheets: one hand-edited XML file per KPA
 * (inputs/fiches/<kpa-id>.xml, docs/fiches.md), read through xml_read and
 * validated with file:line messages and "did you mean" hints.
 *
 * The name, city, neighbourhood, département and year founded come from
 * kpa.csv (one place to correct them); a sheet adds the structures, publics,
 * contracts, maximum path duration, activities, partners, contact and a
 * presentation. Every text has a length limit so the printed sheet always
 * fits on one A4 page: beyond it, loading fails naming the KPA and the field.
 *
 *   kpa_fiche *f = fiche_load(d, m, k, "inputs/fiches/la-cape.xml");
 *   fiche_get(f, "activites")  ->  "Menuiserie · Réparation de vélos"
 *   fiche_destroy(f);
 */
#ifndef RECIT_MODEL_FICHE_H
#define RECIT_MODEL_FICHE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"

typedef struct kpa_fiche kpa_fiche;

/* Longest KPA name (kpa.csv) a sheet's header can hold, in characters. */
#define FICHE_MAX_NAME 60

/* "inputs/fiches/<id>.xml" (caller frees). */
char *fiche_file_for(const char *inputs_dir, const char *kpa_id);

/* Read and validate the sheet of KPA kpa (index into m->kpas). Every problem
 * goes to d; returns NULL when the file had any error. The KPA's name is
 * checked against FICHE_MAX_NAME too (reported at its kpa.csv line). */
kpa_fiche *fiche_load(diag_sink *d, const model *m, size_t kpa, const char *path);
void fiche_destroy(kpa_fiche *f);

/* The printable fields, in the order of the sheet: accueil, porteuse,
 * porteur-juridique, public, contrats, duree-max, activites, partenaires,
 * contact, presentation. */
const char *const *fiche_field_names(size_t *n);
bool fiche_is_field(const char *name);

/* A field as plain UTF-8 (lists joined with " · "), or NULL when the sheet
 * leaves it out (f may be NULL: no sheet). */
const char *fiche_get(const kpa_fiche *f, const char *field);

/* The field that uses the largest share of its length limit, its place and
 * its length in characters: what to shorten when a sheet does not fit. NULL
 * when the sheet has no text. */
const char *fiche_longest_field(const kpa_fiche *f, src_loc *loc, size_t *chars);

/* Files in DIR/fiches/ that name no KPA of the model (a misspelt id) are
 * reported as warnings with the nearest id. Returns whether the folder exists. */
bool fiche_check_folder(diag_sink *d, const model *m, const char *inputs_dir);

/* Characters (UTF-8 code points) of s. */
size_t fiche_utf8_chars(const char *s);

#endif
