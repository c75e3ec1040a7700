/* cmd_check.c - `recit check`: validate, report every problem, write nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "i18n.h"
#include "model_fiche.h"
#include "run.h"
#include "tmpl.h"

/* What `recit build` and `recit fiches` would read beyond the data: the
 * layout templates with the narrative they include (expanded once, so an
 * unknown figure or a missing narrative file is found now), and every
 * identity sheet. */
static void check_report_inputs(run *r, const cli_options *o)
{
	run_to(r, RUN_DOCUMENT);
	diag_sink *d = run_diag(r);
	const model *m = run_model(r);
	/* The report's <fiches> has loaded every sheet already (10,000 on a
	 * national network): loading them again would double check's time. */
	if (tmpl_sheets_expanded(run_template(r)))
		return;
	fiche_check_folder(d, m, o->inputs);
	for (size_t k = 0; k < m->n_kpas; k++) {
		char *path = fiche_file_for(o->inputs, m->kpas[k].id);
		if (path && access(path, F_OK) == 0)
			fiche_destroy(fiche_load(d, m, k, path));
		free(path);
	}
}

static void say_no_errors(const run *r)
{
	const model *m = run_model(r);
	const interviews *iv = run_interviews(r);
	cli_say(NULL, "%s: %zu KPA, %zu coopérant·es, %zu financial rows: no errors", m->folder,
		m->n_kpas, m->n_people, m->n_finances);
	if (iv)
		cli_say(NULL, "%s/entretiens: %zu interviews, %zu excerpts, %zu codes: no errors",
			m->folder, interviews_count(iv), interviews_excerpt_count(iv),
			interviews_code_count(iv));
}

static int cmd_check(const cli_options *o)
{
	run *r = run_create(o, NULL);
	/* The interviews are optional: checked when inputs/entretiens/ has them. */
	bool data_ok = run_to(r, RUN_INTERVIEWS);
	/* The style sheet needs no data: checked even when the data are wrong. */
	run_styles(r);
	if (data_ok && !run_failed(r)) {
		check_report_inputs(r, o);
		/* What a new year may have kept from the last by mistake. */
		model_year_check(run_diag(r), (model *)run_model(r));
	}
	if (!o->quiet && !run_failed(r))
		say_no_errors(r);
	int rc = run_finish(r);
	run_destroy(r);
	return rc;
}

static const cli_option CHECK_OPTIONS[] = {
	CLI_OPT_INPUTS,
	CLI_OPT_LAYOUTS(N_("layout templates and style sheet to check (default: layouts)")),
	CLI_OPT_TEMPLATE("rapport.xml", N_("main template to check in the layouts folder")),
	CLI_OPT_LARGEST_REMAINDER,
	CLI_OPT_PRIVATE_NAMES,
	CLI_OPT_MAX_ERRORS,
	CLI_OPT_QUIET,
	{0},
};

const cli_command CMD_CHECK = {
	.name = "check",
	.summary = N_("validate every input file, report every problem, write nothing"),
	.description = N_("Validate every input file and the style sheet, and report every "
			  "problem with its file:line:column, what was expected and what was "
			  "found. Once the data are valid, also read what build and fiches would: "
			  "the layout templates with the narrative they include, and every "
			  "identity sheet. Writes nothing. Exit status 1 when there is at least "
			  "one error."),
	.options = CHECK_OPTIONS,
	.run = cmd_check,
};
