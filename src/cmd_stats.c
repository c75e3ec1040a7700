/* cmd_stats.c - `recit stats`: every figure with its base, for checkers. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "model.h"
#include "stats.h"

int cmd_stats(const cli_options *o)
{
	diag_sink *d = diag_sink_create(stderr, o->max_errors);
	model *m = model_load(d, o->inputs);
	int rc = EXIT_OK;
	if (diag_failed(d)) {
		/* Figures from invalid data would be wrong: refuse, like build. */
		diag_summary(d);
		rc = EXIT_INPUT;
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
	model_destroy(m);
	diag_sink_destroy(d);
	return rc;
}
