/* cmd_audit.c - `recit audit`: the shipped attacker on the publication.
 *
 * Prints, for every count the publication withholds (the network's tables
 * and every KPA's sheet, as `recit stats --public` and the report print
 * them), the tightest interval a reader can work out from everything
 * printed, and fails when one is pinned (docs/privacy.md). `build`,
 * `fiches` and `stats --public` run the same attack before writing. */
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "run.h"

static int cmd_audit(const cli_options *o)
{
	run *r = run_create(o, NULL);
	if (run_to(r, RUN_STATS)) {
		/* A copy of the decision for a what-if, so it does not touch the
		 * run's. */
		stats *own = o->reveal ? stats_compute(run_model(r), run_stats_options(r)) : NULL;
		const stats *s = own ? own : run_stats(r);
		if (o->reveal && !stats_reveal(own, o->reveal)) {
			cli_say("audit", "--reveal: no figure \"%s\" (write an id of recit stats, "
					 "or KPA:id for a sheet)",
				o->reveal);
			run_fail(r, EXIT_USAGE);
		} else {
			size_t leaks = stats_audit(s, stdout);
			if (fflush(stdout) != 0)
				run_fail(r, EXIT_SYSTEM);
			if (leaks > 0) {
				diag_emit(run_diag(r), DIAG_ERROR, SRC_LOC(o->inputs, 0, 0), NULL,
					  ngettext("%zu withheld count can be worked out from what "
						   "is printed (marked exact or whole-group above)",
						   "%zu withheld counts can be worked out from what "
						   "is printed (marked exact or whole-group above)",
						   (unsigned long)leaks),
					  leaks);
				run_fail(r, EXIT_INPUT);
			}
		}
		stats_destroy(own);
	}
	int rc = run_finish(r);
	run_destroy(r);
	return rc;
}

static const cli_option AUDIT_OPTIONS[] = {
	CLI_OPT_INPUTS,
	CLI_OPT_LARGEST_REMAINDER,
	{"reveal", 0, N_("ID"), CLI_SETS(reveal), NULL,
	 N_("print this withheld figure anyway (KPA:id for a sheet) and show what it gives away")},
	CLI_OPT_MAX_ERRORS,
	{0},
};

const cli_command CMD_AUDIT = {
	.name = "audit",
	.summary = N_("check that no withheld count can be worked out from the publication"),
	.description = N_("Attack the publication as a reader would: every count printed by the "
			  "report, the identity sheets and recit stats --public becomes a linear "
			  "fact (cells are whole numbers, rows add up to their totals, the network "
			  "is the sum of its KPAs), and for every withheld count the smallest and "
			  "largest values consistent with all of them are computed (GLPK). One CSV "
			  "line per withheld count: cell, printed symbol, low, high, verdict. Exits "
			  "with status 1 when a small count is known exactly or a small group is "
			  "shown to be all in one category."),
	.options = AUDIT_OPTIONS,
	.run = cmd_audit,
};
