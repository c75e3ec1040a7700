/* cmd_import_qdpx.c - `recit import-qdpx FILE.qdpx`: a REFI-QDA project
 * (read by src/interviews/qdpx.c) written as inputs/entretiens/. */
#include "i18n.h"
#include "qdpx.h"
#include "run.h"

static int cmd_import_qdpx(const cli_options *o)
{
	run *r = run_create(o, NULL);
	diag_sink *d = run_diag(r);
	if (!run_input_exists(r, o->operand, false)) {
		int rc = run_finish(r);
		run_destroy(r);
		return rc;
	}
	interviews *iv = qdpx_read(d, o->operand, NULL);
	if (iv && !run_failed(r) && interviews_save(d, iv, o->outputs, o->force) == 0)
		cli_say(NULL, "%s: %zu interviews, %zu excerpts, %zu codes written to %s/",
			o->operand, interviews_count(iv), interviews_excerpt_count(iv),
			interviews_code_count(iv), o->outputs);
	else
		run_fail(r, EXIT_INPUT);
	interviews_destroy(iv);
	int rc = run_finish(r);
	run_destroy(r);
	return rc;
}

static const cli_option IMPORT_OPTIONS[] = {
	CLI_OPT_OUTPUTS("inputs/entretiens",
			N_("folder to write grille.xml and entretiens.xml to")),
	{"force", 0, NULL, CLI_SETS(force), NULL, N_("replace the files that are there")},
	CLI_OPT_MAX_ERRORS,
	{0},
};

const cli_command CMD_IMPORT_QDPX = {
	.name = "import-qdpx",
	.operand = N_("FILE.qdpx"),
	.summary = N_("turn a REFI-QDA project (FILE.qdpx) into inputs/entretiens/"),
	.description = N_("Read a REFI-QDA project (QualCoder, ATLAS.ti, NVivo, MAXQDA...) and "
			  "write DIR/grille.xml and DIR/entretiens.xml. Existing files are kept "
			  "unless --force. Codes whose name starts with '_' are not imported; a "
			  "selection coded \"_Ne pas citer\" is imported with "
			  "consentement=\"non\". See docs/interviews.md."),
	.options = IMPORT_OPTIONS,
	.run = cmd_import_qdpx,
};
