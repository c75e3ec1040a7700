/* run.h - the one pipeline every command of `recit` goes through.
 *
 * A run loads, on request, the stages of the pipeline: the inputs (model),
 * the interviews with the private first-name guard, the figures, the layout
 * template and style sheet, the document tree, the typesetter and the pages.
 * Each stage is loaded once, after the stages it needs, and the run stops
 * at the first stage with errors: a command asks for what it prints or
 * writes and never works on a stage whose inputs were wrong.
 *
 * A run has the command's one diag_sink and its one exit-status rule
 * (run_status): a fatal message (a file that cannot be read or written, a
 * missing inputs folder) or a failed system stage gives EXIT_SYSTEM, any
 * other error EXIT_INPUT. */
#ifndef RECIT_RUN_H
#define RECIT_RUN_H

#include <stdbool.h>

#include "cli.h"
#include "diag.h"
#include "doc.h"
#include "interview.h"
#include "model.h"
#include "stats.h"
#include "tmpl.h"
#include "typeset.h"

typedef enum {
	RUN_MODEL,      /* the inputs folder, read and validated */
	RUN_INTERVIEWS, /* inputs/entretiens/ when present (required by --interviews),
			 * then the private first-name guard */
	RUN_STATS,      /* the report's figures */
	RUN_LAYOUTS,    /* the main template and the style sheet, both read */
	RUN_DOCUMENT,   /* the document tree: templates, narrative, figures, interviews */
	RUN_TYPESETTER, /* fonts and hyphenation */
	RUN_PAGES,      /* the document typeset into pages */
	RUN__STAGES
} run_stage;

/* What a command prints when its run stops at a stage (N_() texts, printed
 * as "recit: TEXT"; NULL: nothing but the summary). */
typedef struct {
	const char *stopped[RUN__STAGES];
} run_notes;

/* The report's: "... nothing was written" (build, stats --descriptions). */
extern const run_notes RUN_NOTES_REPORT;

typedef struct run run;

/* o and notes (NULL: none) are borrowed for the run's life. Nothing is
 * loaded yet. */
run *run_create(const cli_options *o, const run_notes *notes);
void run_destroy(run *r);

/* Load stage s and the stages it needs, each once, in order. False when s
 * or a stage it needs has errors (then the command's note is printed, once). */
bool run_to(run *r, run_stage s);
/* The shipped attacker on the publication's figures (stats_audit): an
 * error, and false, when a withheld count can be worked out. Every command
 * that writes figures for publication asks it first. */
bool run_disclosure_safe(run *r);
/* Read the style sheet now if it was not (it needs no data: check reads
 * it even when the data have errors). False when it has errors. */
bool run_styles(run *r);

diag_sink *run_diag(const run *r);
const stats_options *run_stats_options(const run *r);
/* What the stages loaded; NULL (or the built-in style sheet) when not. */
const model *run_model(const run *r);
const interviews *run_interviews(const run *r);
const stats *run_stats(const run *r);
const tmpl *run_template(const run *r);
const style_sheet *run_style_sheet(const run *r);
const doc *run_document(const run *r);
const page_list *run_pages(const run *r);

/* Check that path is a folder (or a regular file) that exists, before a
 * stage reads it; a fatal message otherwise. */
bool run_input_exists(run *r, const char *path, bool folder);
/* Create the output folder dir (one level) unless it exists; a fatal
 * message when it cannot be, or is a file. Safe when several processes
 * (shards) create it at once. */
bool run_output_folder(run *r, const char *dir);

/* Record a failure that is no diagnostic: a bad --kpa (EXIT_USAGE), an
 * output that could not be written, a worker lost (EXIT_SYSTEM). */
void run_fail(run *r, int status);
/* True when an error was reported or a failure recorded. */
bool run_failed(const run *r);
/* The exit status (README.md): the worst of the failures recorded, of the
 * stages that failed and of the messages. */
int run_status(const run *r);
/* Print the summary of messages ("recit: 2 errors, 1 warning") and return
 * run_status. */
int run_finish(const run *r);

#endif
