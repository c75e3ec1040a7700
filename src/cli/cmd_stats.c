/* cmd_stats.c - `recit stats`: every figure with its base, for checkers;
 * the interview figures; or the text that stands for each chart. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_core.h"
#include "effects.h"
#include "i18n.h"
#include "run.h"

/* Figures cut short are worse than none: a full disk is a failure. */
static void flush_figures(run *r)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_say(NULL, "%s: %s", _("writing the figures"), strerror(errno));
		run_fail(r, EXIT_SYSTEM);
	}
}

/* --descriptions: the text each chart of the report stands for, one per
 * line, as a reader without the picture gets it. The document tree has
 * the charts; no typesetting is needed. */
static void print_descriptions(const doc *document)
{
	for (size_t i = 0; i < doc_count(document); i++) {
		const doc_block *b = doc_at(document, i);
		if (b->kind != DOC_CHART || !b->chart)
			continue;
		char *text = chart_describe(b->chart);
		if (text)
			puts(text);
		free(text);
	}
}

int cmd_stats(const cli_options *o)
{
	run *r = run_create(o, o->descriptions ? &RUN_NOTES_REPORT : NULL);
	/* Figures from invalid data would be wrong: the run refuses them. */
	if (o->descriptions) {
		if (run_to(r, RUN_DOCUMENT))
			print_descriptions(run_document(r));
	} else if (o->interviews) {
		/* The interview figures instead (docs/interviews.md). */
		if (run_to(r, RUN_INTERVIEWS)) {
			effects_write_csv(run_interviews(r), stdout);
			flush_figures(r);
		}
	} else if (run_to(r, RUN_STATS)) {
		stats_write(run_stats(r),
			    strcmp(o->format, "json") == 0 ? STATS_FORMAT_JSON : STATS_FORMAT_CSV,
			    o->public_only, stdout);
		flush_figures(r);
	}
	int rc = run_finish(r);
	run_destroy(r);
	return rc;
}
