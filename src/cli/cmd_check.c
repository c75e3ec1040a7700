/* cmd_check.c - `recit check`: validate, report every problem, write nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "interview.h"
#include "model.h"
#include "model_fiche.h"
#include "stats.h"
#include "tmpl.h"
#include "util.h"

/* What `recit build` and `recit fiches` would read beyond the data: the
 * layout templates with the narrative they include (expanded once, so an
 * unknown figure or a missing narrative file is found now), and every
 * identity sheet. Only run on valid data, so that one mistake in a CSV
 * file does not come back as a hundred template messages. */
static void check_report_inputs(diag_sink *d, const cli_options *o, const model *m,
				const interviews *iv)
{
	stats_options so = {o->largest_remainder ? STATS_ROUND_LARGEST_REMAINDER
						 : STATS_ROUND_HALF_UP,
			    -1};
	stats *s = stats_compute(m, &so);
	tmpl_paths tp = {o->layouts, o->template_name, o->inputs, NULL};
	tmpl *t = tmpl_load(d, &tp);
	doc *document = t ? tmpl_build_with_interviews(d, t, m, s, iv) : NULL;
	doc_destroy(document);
	tmpl_destroy(t);
	stats_destroy(s);
	fiche_check_folder(d, m, o->inputs);
	for (size_t k = 0; k < m->n_kpas; k++) {
		char *path = fiche_file_for(o->inputs, m->kpas[k].id);
		if (path && access(path, F_OK) == 0)
			fiche_destroy(fiche_load(d, m, k, path));
		free(path);
	}
}

int cmd_check(const cli_options *o)
{
	diag_sink *d = diag_sink_create(stderr, o->max_errors);
	model *m = model_load(d, o->inputs);
	/* The interviews are optional: checked when inputs/entretiens/ has them. */
	char *dir = xasprintf("%s/entretiens", o->inputs);
	interviews *iv = m && interviews_present(dir) ? interviews_load(d, dir, m) : NULL;
	if (iv)
		interviews_check_private_names(d, iv, interviews_private_names_path(o->private_names));
	free(dir);
	/* The style sheet needs no data: checked here too (layouts/styles.xml). */
	style_sheet sheet;
	tmpl_styles_load(d, o->layouts, &sheet);
	if (m && !diag_failed(d))
		check_report_inputs(d, o, m, iv);
	int rc = diag_failed(d) ? EXIT_INPUT : EXIT_OK;
	if (!o->quiet && m) {
		if (rc == EXIT_OK)
			fprintf(stderr,
				"recit: %s: %zu KPA, %zu coopérant·es, %zu financial rows: no "
				"errors\n",
				m->folder, m->n_kpas, m->n_people, m->n_finances);
		if (rc == EXIT_OK && iv)
			fprintf(stderr, "recit: %s/entretiens: %zu interviews, %zu excerpts, %zu codes: no errors\n",
				m->folder, interviews_count(iv), interviews_excerpt_count(iv),
				interviews_code_count(iv));
	}
	diag_summary(d);
	interviews_destroy(iv);
	model_destroy(m);
	diag_sink_destroy(d);
	return rc;
}
