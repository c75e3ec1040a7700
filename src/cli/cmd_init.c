/* cmd_init.c - `recit init DIR [--from PREVIOUS]`: a new year folder, made
 * by model_year_init (src/model/model_init.c). */
#include "i18n.h"
#include "run.h"

static int cmd_init(const cli_options *o)
{
	run *r = run_create(o, NULL);
	diag_sink *d = run_diag(r);
	if (o->from && !run_input_exists(r, o->from, true)) {
		int rc = run_finish(r);
		run_destroy(r);
		return rc;
	}
	if (model_year_init(d, o->operand, o->from) == 0 && o->from)
		cli_say(NULL, "%s: year folder created from %s; read %s/README.txt, fill it, "
			      "then recit check -i %s",
			o->operand, o->from, o->operand, o->operand);
	else if (!diag_failed(d))
		cli_say(NULL, "%s: year folder created; read %s/README.txt, fill it, then "
			      "recit check -i %s",
			o->operand, o->operand, o->operand);
	else
		run_fail(r, EXIT_INPUT);
	int rc = run_finish(r);
	run_destroy(r);
	return rc;
}

static const cli_option INIT_OPTIONS[] = {
	{"from", 0, N_("DIR"), CLI_SETS(from), NULL,
	 N_("last year's folder: carry over what stays (KPAs, sheets, codebook, palette, "
	    "pictures, narrative)")},
	CLI_OPT_MAX_ERRORS,
	{0},
};

const cli_command CMD_INIT = {
	.name = "init",
	.operand = N_("DIR"),
	.summary = N_("create a new year folder, empty or from last year's"),
	.description = N_("Create the year folder DIR (it must not exist or be empty) with a "
			  "README.txt in French saying what to fill. With --from, carry over "
			  "from last year's folder what stays: kpa.csv, lieux.csv, fiches/, "
			  "entretiens/grille.xml, styles.xml, images/ and narratif/ (listed in "
			  "reprise.txt, so that check can say which text was not rewritten), and "
			  "recit.xml with the next period; activite.csv and finances.csv keep "
			  "only their header and the interviews are left out. See "
			  "docs/inputs.md."),
	.options = INIT_OPTIONS,
	.run = cmd_init,
};
