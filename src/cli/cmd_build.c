/* cmd_build.c - `recit build`: the whole run, inputs to PDF. With --dump,
 * stop after a stage and print it as text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "i18n.h"
#include "run.h"
#include "util.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void dump_model(const run *r) { model_dump(run_model(r), stdout); }
static void dump_stats(const run *r) { stats_write(run_stats(r), STATS_FORMAT_CSV, false, stdout); }
static void dump_doc(const run *r) { doc_dump(run_document(r), stdout); }
static void dump_pages(const run *r) { draw_trace(run_pages(r), stdout); }

/* --dump STAGE: the stage the run goes to, and how it is printed. */
static const struct {
	const char *name;
	run_stage stage;
	void (*print)(const run *r);
} DUMPS[] = {
	{"model", RUN_INTERVIEWS, dump_model},
	{"stats", RUN_STATS, dump_stats},
	{"doc", RUN_DOCUMENT, dump_doc},
	{"pages", RUN_PAGES, dump_pages},
};

static int parse_dump(const char *cmd, const char *opt, const char *value, cli_options *o)
{
	for (size_t i = 0; i < sizeof DUMPS / sizeof *DUMPS; i++)
		if (!strcmp(value, DUMPS[i].name)) {
			o->dump = DUMPS[i].name;
			return 0;
		}
	cli_say(cmd, "--dump expects model, stats, doc or pages, found \"%s\"", value);
	return -1;
}

static void dump(run *r, const char *what)
{
	for (size_t i = 0; i < sizeof DUMPS / sizeof *DUMPS; i++)
		if (!strcmp(what, DUMPS[i].name) && run_to(r, DUMPS[i].stage))
			DUMPS[i].print(r);
}

/* OUTPUTS/rapport.pdf, through a temporary file renamed at the end (draw.h). */
static void write_report(run *r, const cli_options *o, double t0)
{
	if (!run_output_folder(r, o->outputs))
		return;
	char *path = xasprintf("%s/rapport.pdf", o->outputs);
	if (draw_pdf(run_diag(r), run_pages(r), doc_meta_lookup(run_document(r)), path) != 0)
		run_fail(r, EXIT_SYSTEM);
	else if (!o->quiet)
		cli_say(NULL,
			ngettext("wrote %s (%zu page) in %.0f ms", "wrote %s (%zu pages) in %.0f ms",
				 (unsigned long)page_list_count(run_pages(r))),
			path, page_list_count(run_pages(r)), now_ms() - t0);
	free(path);
}

static int cmd_build(const cli_options *o)
{
	double t0 = now_ms();
	run *r = run_create(o, &RUN_NOTES_REPORT);
	/* The private first-name guard comes before anything is printed. */
	if (run_to(r, RUN_INTERVIEWS)) {
		if (o->dump)
			dump(r, o->dump);
		else if (run_disclosure_safe(r) && run_to(r, RUN_PAGES))
			write_report(r, o, t0);
	}
	int rc = run_finish(r);
	run_destroy(r);
	return rc;
}

static const cli_option BUILD_OPTIONS[] = {
	CLI_OPT_INPUTS,
	CLI_OPT_OUTPUTS("outputs", N_("output folder")),
	CLI_OPT_LAYOUTS(N_("layout templates and style sheet (default: layouts)")),
	CLI_OPT_TEMPLATE("rapport.xml", N_("main template in the layouts folder")),
	CLI_OPT_FONTS,
	CLI_OPT_HYPHENATION,
	CLI_OPT_LARGEST_REMAINDER,
	{"dump", 0, N_("STAGE"), CLI_PARSES(parse_dump), NULL,
	 N_("print a stage as text instead of writing the PDF: model, stats, doc or pages")},
	CLI_OPT_PRIVATE_NAMES,
	CLI_OPT_STRICT,
	CLI_OPT_MAX_ERRORS,
	CLI_OPT_QUIET,
	{0},
};

const cli_command CMD_BUILD = {
	.name = "build",
	.summary = N_("read inputs/, write outputs/rapport.pdf"),
	.description = N_("Read the inputs folder, validate it, and write the report to "
			  "OUTPUTS/rapport.pdf. The PDF is written to a temporary file and "
			  "renamed, so a failed build never leaves a half-written report and the "
			  "previous one survives. Two builds of the same inputs are byte-identical."),
	.options = BUILD_OPTIONS,
	.run = cmd_build,
};
