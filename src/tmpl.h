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
#include "model.h"
#include "stats.h"

typedef struct tmpl tmpl;

typedef struct {
	const char *layouts_dir;   /* templates: "layouts"; <inclure> resolves here */
	const char *main_template; /* file inside layouts_dir: "rapport.xml" */
	const char *inputs_dir;    /* "inputs"; <texte fichier> resolves here */
	const char *schema_dir;    /* recit-layout.rng, recit-narratif.rng; NULL = layouts_dir */
} tmpl_paths;

tmpl *tmpl_load(diag_sink *d, const tmpl_paths *paths);
doc *tmpl_build(diag_sink *d, const tmpl *t, const model *m, const stats *s);
void tmpl_destroy(tmpl *t);

#endif
