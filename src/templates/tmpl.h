/* tmpl.h - layout templates: XML files in layouts/ that turn the model and
 * the statistics into the document tree (doc.h). docs/templates.md is the
 * language reference.
 *
 * Two steps, so that `recit check` can validate templates without data and
 * so that the blocks' origins (file:line) stay valid while the doc lives:
 *
 *   tmpl *t = tmpl_load(d, &paths);          parse, schema-check, resolve includes
 *   doc *doc = tmpl_build(d, t, m, s);       expand against this year's figures
 *   ...
 *   doc_destroy(doc);
 *   tmpl_destroy(t);                         after the doc: origins point into t
 *
 * Both report every problem to d (file:line, with "did you mean" suggestions)
 * and return NULL when there was any error. */
#ifndef RECIT_TMPL_H
#define RECIT_TMPL_H

#include "diag.h"
#include "doc.h"
#include "interview.h"
#include "model.h"
#include "model_fiche.h"
#include "stats.h"
#include "style_sheet.h"

typedef struct tmpl tmpl;

typedef struct {
	const char *layouts_dir;   /* templates: "layouts"; <inclure> resolves here */
	const char *main_template; /* file inside layouts_dir: "rapport.xml" */
	const char *inputs_dir;    /* "inputs"; <texte fichier> resolves here */
	const char *schema_dir;    /* recit-layout.rng, recit-narratif.rng; NULL = layouts_dir */
} tmpl_paths;

tmpl *tmpl_load(diag_sink *d, const tmpl_paths *paths);
doc *tmpl_build(diag_sink *d, const tmpl *t, const model *m, const stats *s);
/* The same with the year's coded interviews (NULL: none), which <effets>,
 * <segment>, <cartes-choisies> and <cartes-a-decouper> print; iv must
 * outlive the doc's construction only. */
doc *tmpl_build_with_interviews(diag_sink *d, const tmpl *t, const model *m, const stats *s,
				const interviews *iv);
void tmpl_destroy(tmpl *t);
/* Whether a build with t went through <fiches>, loading (and so checking)
 * every identity sheet: `recit check` then need not load them again. */
bool tmpl_sheets_expanded(const tmpl *t);

/* The report's palette and text styles: out gets the built-in look
 * (style_sheet_defaults), then the overrides of layouts_dir/styles.xml
 * (docs/templates.md, « Styles and palette »). A missing file is not an
 * error: older layouts folders keep the built-in look. Returns false after
 * reporting every problem to d (out then holds the built-in look). */
bool tmpl_styles_load(diag_sink *d, const char *layouts_dir, style_sheet *out);

/* One KPA's identity sheet on its own (`recit fiches`): t is loaded with
 * main_template "fiche.xml", s holds the KPA's figures (stats_kpa of stats_compute),
 * fiche its sheet file (NULL: none). The sheet's heading is at level 2, as
 * under the annex's <partie> in the report, so both print the same page. */
doc *tmpl_build_fiche(diag_sink *d, const tmpl *t, const model *m, const stats *s, size_t kpa,
		      const kpa_fiche *fiche);

#endif
