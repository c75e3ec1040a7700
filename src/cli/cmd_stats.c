/* cmd_stats.c - `recit stats`: every figure with its base, for checkers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effects.h"
#include "interview.h"
#include "model.h"
#include "stats.h"
#include "util.h"

int cmd_stats(const cli_options *o)
{
	/* Chart descriptions need the whole document: the build pipeline
	 * stops after the templates and prints them. */
	if (o->descriptions)
		return cmd_build(o);
	diag_sink *d = diag_sink_create(stderr, o->max_errors);
	model *m = model_load(d, o->inputs);
	int rc = EXIT_OK;
	/* --interviews: the interview figures instead (docs/interviews.md). */
	interviews *iv = NULL;
	if (o->interviews && !diag_failed(d)) {
		char *dir = xasprintf("%s/entretiens", o->inputs);
		iv = interviews_load(d, dir, m);
		interviews_check_private_names(d, iv, interviews_private_names_path(o->private_names));
		free(dir);
	}
	if (diag_failed(d)) {
		/* Figures from invalid data would be wrong: refuse, like build. */
		diag_summary(d);
		rc = EXIT_INPUT;
	} else if (iv) {
		effects_write_csv(iv, stdout);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			perror("recit: writing the figures");
			rc = EXIT_SYSTEM;
		}
	} else {
		stats_options so = {o->largest_remainder ? STATS_ROUND_LARGEST_REMAINDER
							 : STATS_ROUND_HALF_UP,
				    -1};
		stats *s = stats_compute(m, &so);
		stats_write(s, strcmp(o->format, "json") == 0 ? STATS_FORMAT_JSON : STATS_FORMAT_CSV,
			    o->public_only, stdout);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			perror("recit: writing the figures");
			rc = EXIT_SYSTEM;
		}
		stats_destroy(s);
	}
	interviews_destroy(iv);
	model_destroy(m);
	diag_sink_destroy(d);
	return rc;
}
