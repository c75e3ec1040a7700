/* cmd_check.c - `recit check`: validate, report every problem, write nothing. */
#include <stdio.h>

#include "cli.h"
#include "model.h"

int cmd_check(const cli_options *o)
{
	diag_sink *d = diag_sink_create(stderr, o->max_errors);
	model *m = model_load(d, o->inputs);
	int rc = diag_failed(d) ? EXIT_INPUT : EXIT_OK;
	if (!o->quiet && m) {
		if (rc == EXIT_OK)
			fprintf(stderr,
				"recit: %s: %zu KPA, %zu coopérant·es, %zu financial rows: no "
				"errors\n",
				m->folder, m->n_kpas, m->n_people, m->n_finances);
	}
	diag_summary(d);
	model_destroy(m);
	diag_sink_destroy(d);
	return rc;
}
