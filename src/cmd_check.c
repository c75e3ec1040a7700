/* cmd_check.c - `recit check`: validate, report every problem, write nothing. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "interview.h"
#include "model.h"
#include "tmpl.h"
#include "util.h"

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
