/* cli.h - the `recit` command line: its options, one table of them per
 * command, the one parser that reads any table, the help made from the
 * tables, and the exit statuses. */
#ifndef RECIT_CLI_H
#define RECIT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "i18n.h"

/* recit fiches -j: at most this many worker processes. */
#define CLI_MAX_JOBS 64

/* Exit statuses, documented in README.md. */
enum {
	EXIT_OK = 0,
	EXIT_INPUT = 1,  /* the inputs have errors: nothing was written */
	EXIT_USAGE = 2,  /* bad command line */
	EXIT_SYSTEM = 3, /* could not read or write files, out of memory, internal error */
};

/* Everything an option can set. A command's table says which it takes;
 * the others keep their zero value. */
typedef struct {
	const char *inputs;  /* -i */
	const char *layouts; /* -l; NULL: ./layouts, else the source tree's */
	const char *template_name; /* -t: main template in layouts */
	const char *outputs; /* -o */
	const char *fonts;   /* --fonts; NULL: ./fonts, else the source tree's */
	const char *hyphenation; /* French hyphenation dictionary */
	const char *dump;    /* build: NULL, or model|stats|doc|pages */
	const char *format;  /* stats: csv|json */
	bool largest_remainder;
	bool public_only;  /* stats: print what may be published */
	bool descriptions; /* stats: print the text description of every chart */
	bool interviews;   /* stats: print the interview figures (docs/interviews.md) */
	const char *reveal; /* audit: a withheld figure to print anyway (what if) */
	const char *private_names; /* --prenoms-prives FILE, or NULL */
	/* fiches */
	const char **kpa_names; /* --kpa, in the order given (heap array) */
	size_t n_kpa_names;
	long shard_i, shard_n;  /* --shard I/N; 0/0: no sharding */
	long jobs;              /* -j N; 0: one per processor */
	/* import-qdpx */
	bool force;
	const char *from; /* init --from: last year's folder */
	const char *operand; /* the command's one argument (import-qdpx: FILE.qdpx) */
	bool quiet;
	bool strict; /* build, fiches: a character no shipped font has is an error */
	int max_errors;
} cli_options;

/* Reads an option's value into o. Returns 0, or -1 after saying why
 * (cli_say). cmd and opt (as typed) are for that message. */
typedef int (*cli_parse_fn)(const char *cmd, const char *opt, const char *value,
			    cli_options *o);

/* One option of a command. */
typedef struct {
	const char *name;  /* long name, without "--" */
	char letter;       /* short name, or 0 */
	const char *value; /* N_() name of its value in the help ("DIR"); NULL: a flag */
	size_t field;      /* offsetof the cli_options member it sets: a const char *
			    * for a value, a bool for a flag; unused with parse */
	cli_parse_fn parse; /* or NULL */
	const char *def;   /* value set before parsing and shown in the help, or NULL */
	const char *help;  /* N_() */
} cli_option;

#define CLI_SETS(member) offsetof(cli_options, member), NULL
#define CLI_PARSES(fn) 0, (fn)

/* Options that several commands take: one definition each. */
/* TRANSLATORS: "DIR", "FILE", "N"... name an option's value in the help
 * ("-i, --inputs DIR"); the commands' descriptions use the same words. */
#define CLI_OPT_INPUTS {"inputs", 'i', N_("DIR"), CLI_SETS(inputs), "inputs", N_("input folder")}
#define CLI_OPT_OUTPUTS(def, help) {"outputs", 'o', N_("DIR"), CLI_SETS(outputs), def, help}
#define CLI_OPT_LAYOUTS(help) {"layouts", 'l', N_("DIR"), CLI_SETS(layouts), NULL, help}
#define CLI_OPT_TEMPLATE(def, help) \
	{"template", 't', N_("FILE"), CLI_SETS(template_name), def, help}
#define CLI_OPT_FONTS \
	{"fonts", 0, N_("DIR"), CLI_SETS(fonts), NULL, N_("font folder (default: fonts)")}
#define CLI_OPT_HYPHENATION                                                              \
	{"hyphenation", 0, N_("FILE"), CLI_SETS(hyphenation), "/usr/share/hyphen/hyph_fr.dic", \
	 N_("French hyphenation dictionary")}
#define CLI_OPT_LARGEST_REMAINDER                                                        \
	{"largest-remainder", 0, NULL, CLI_SETS(largest_remainder), NULL,                 \
	 N_("round the shares of each distribution so they sum to 100 %")}
#define CLI_OPT_PRIVATE_NAMES                                                            \
	{"prenoms-prives", 0, N_("FILE"), CLI_SETS(private_names), NULL,                  \
	 N_("private list of real first names (or $RECIT_PRENOMS_PRIVES): excerpts "      \
	    "naming one are refused")}
#define CLI_OPT_MAX_ERRORS                                                               \
	{"max-errors", 0, N_("N"), CLI_PARSES(cli_parse_max_errors), "50",               \
	 N_("show at most N problems (0: all); every problem is counted")}
#define CLI_OPT_STRICT                                                                   \
	{"strict", 0, NULL, CLI_SETS(strict), NULL,                                      \
	 N_("treat a character that none of the fonts can show as an error, not a warning")}
#define CLI_OPT_QUIET {"quiet", 'q', NULL, CLI_SETS(quiet), NULL, N_("print nothing but problems")}

int cli_parse_max_errors(const char *cmd, const char *opt, const char *value, cli_options *o);
/* v as a whole decimal number from lo to hi, into *out. */
bool cli_number(const char *v, long lo, long hi, long *out);

/* A command: its table of options (ending with {0}; -h/--help is implied)
 * and what runs it. */
typedef struct {
	const char *name;
	const char *operand;     /* N_() name of its one argument ("FILE.qdpx"), or NULL */
	const char *summary;     /* N_(): one line, for recit --help */
	const char *description; /* N_(): what it does, for recit COMMAND --help */
	const cli_option *options;
	int (*run)(const cli_options *o);
} cli_command;

extern const cli_command CMD_BUILD, CMD_CHECK, CMD_STATS, CMD_FICHES, CMD_IMPORT_QDPX,
	CMD_INIT, CMD_AUDIT;

/* Read argv (the words after the command's name) against cmd's table,
 * after setting the defaults. all (NULL-terminated) is every command, to
 * say which one takes an option that cmd does not. Returns 0; 1 when the
 * help was printed; -1 after a message on a bad command line. */
int cli_parse(const cli_command *cmd, const cli_command *const *all, int argc, char **argv,
	      cli_options *o);

/* recit COMMAND --help, from the command's table. */
void cli_help(const cli_command *cmd, FILE *out);
/* recit --help: every command with its summary. */
void cli_help_main(const cli_command *const *all, FILE *out);

/* Interrupted runs (signals.c): SIGINT, SIGTERM and SIGHUP print one line
 * and end the run with the conventional status 128 + N. */
void cli_signals_install(void);
/* In a worker process: default signal actions, and death with the parent
 * (SIGKILL included). False when the parent is already gone. */
bool cli_worker_dies_with_parent(pid_t parent);

/* "recit CMD: MESSAGE" (cmd NULL: "recit: MESSAGE") and a new line, on
 * stderr: what the command says about its command line and its work, as
 * opposed to the diagnostics about input. fmt is the English message: it
 * is looked up in the catalogue, as diag_emit's (a text that is already
 * translated, such as ngettext's, is printed as it is), and xgettext finds
 * it (po/update-pot.sh). */
void cli_say(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
