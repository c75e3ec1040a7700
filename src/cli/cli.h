/* cli.h - shared pieces of the `recit` subcommands. */
#ifndef RECIT_CLI_H
#define RECIT_CLI_H

#include <stdbool.h>
#include <stddef.h>

/* recit fiches -j: at most this many worker processes. */
#define CLI_MAX_JOBS 64

/* Exit statuses, documented in README.md. */
enum {
	EXIT_OK = 0,
	EXIT_INPUT = 1,  /* the inputs have errors: nothing was written */
	EXIT_USAGE = 2,  /* bad command line */
	EXIT_SYSTEM = 3, /* could not read or write files, out of memory, internal error */
};

typedef struct {
	const char *inputs;  /* default "inputs" */
	const char *layouts; /* default "layouts" */
	const char *template_name; /* main template in layouts, default "rapport.xml" */
	const char *outputs; /* default "outputs" */
	const char *fonts;   /* default "fonts", else the source tree's */
	const char *hyphenation; /* French hyphenation dictionary */
	const char *dump;    /* NULL, or model|stats|doc|pages */
	const char *format;  /* stats: csv|json */
	bool largest_remainder;
	bool public_only; /* stats: print what may be published */
	bool descriptions; /* stats: print the text description of every chart */
	/* fiches only */
	const char **kpa_names; /* --kpa, in the order given (heap array) */
	size_t n_kpa_names;
	long shard_i, shard_n;  /* --shard I/N; 0/0: no sharding */
	long jobs;              /* -j N; 0: one per processor */
	bool interviews;  /* stats: print the interview figures (docs/interviews.md) */
	const char *private_names; /* --prenoms-prives FILE, or NULL */
	bool quiet;
	int max_errors;
} cli_options;

/* Parse the options common to subcommands from argv[first..]. Returns -1
 * (after printing a message) on a usage error, 1 when --help was shown. */
int cli_parse(const char *cmd, int argc, char **argv, cli_options *o);

int cmd_build(const cli_options *o);
int cmd_fiches(const cli_options *o);
int cmd_check(const cli_options *o);
int cmd_stats(const cli_options *o);

void cli_usage(const char *cmd);

/* "recit CMD: MESSAGE" (cmd NULL: "recit: MESSAGE") and a new line, on
 * stderr: what the command says about its command line and its work, as
 * opposed to the diagnostics about input. fmt comes through _(). */
void cli_say(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
