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

static int parse_format(const char *cmd, const char *opt, const char *value, cli_options *o)
{
	if (strcmp(value, "csv") && strcmp(value, "json")) {
		cli_say(cmd, "--format expects csv or json, found \"%s\"", value);
		return -1;
	}
	o->format = value;
	return 0;
}

/* Figures cut short are worse than none: a full disk is a failure. */
static void flush_figures(run *r)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_say(NULL, "writing the figures: %s", strerror(errno));
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

static int cmd_stats(const cli_options *o)
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
	} else if (o->public_only ? run_disclosure_safe(r) : run_to(r, RUN_STATS)) {
		stats_write(run_stats(r),
			    strcmp(o->format, "json") == 0 ? STATS_FORMAT_JSON : STATS_FORMAT_CSV,
			    o->public_only, stdout);
		flush_figures(r);
	}
	int rc = run_finish(r);
	run_destroy(r);
	return rc;
}

static const cli_option STATS_OPTIONS[] = {
	CLI_OPT_INPUTS,
	{"format", 'f', N_("FORMAT"), CLI_PARSES(parse_format), "csv", N_("csv or json")},
	{"public", 0, NULL, CLI_SETS(public_only), NULL,
	 N_("print withheld counts as <k, without share or percent: what may be published")},
	CLI_OPT_LARGEST_REMAINDER,
	{"descriptions", 0, NULL, CLI_SETS(descriptions), NULL,
	 N_("print the French text description of every chart of the report (what stands in "
	    "for the picture) instead")},
	{"interviews", 0, NULL, CLI_SETS(interviews), NULL,
	 N_("print the interview figures (inputs/entretiens) instead")},
	CLI_OPT_PRIVATE_NAMES,
	CLI_OPT_LAYOUTS(N_("layout templates, for --descriptions (default: layouts)")),
	CLI_OPT_TEMPLATE("rapport.xml", N_("main template, for --descriptions")),
	CLI_OPT_MAX_ERRORS,
	{0},
};

const cli_command CMD_STATS = {
	.name = "stats",
	.summary = N_("print every computed figure with its base (CSV or JSON)"),
	.description = N_("Print every figure the report publishes, with its base (the count the "
			  "share is computed on), its exact share, its rounded percent, and "
			  "whether the small-cell rule withholds it (primary: under the threshold; "
			  "secondary: withheld so a small cell cannot be recomputed from totals). "
			  "Figures are exact unless --public is given."),
	.options = STATS_OPTIONS,
	.run = cmd_stats,
};
