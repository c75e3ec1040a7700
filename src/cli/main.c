/* main.c - `recit`: subcommand dispatch and option parsing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "qdpx.h"
#include "util.h"

#ifndef RECIT_VERSION
#define RECIT_VERSION "dev"
#endif
#ifndef RECIT_SOURCE_DIR
#define RECIT_SOURCE_DIR "."
#endif

static const char *const HELP_MAIN =
	"usage: recit COMMAND [OPTIONS]\n"
	"\n"
	"Turn a year of KPA-Cité data into the evaluative report (PDF).\n"
	"\n"
	"commands:\n"
	"  build   read inputs/, write outputs/rapport.pdf\n"
	"  check   validate every input file, report every problem, write nothing\n"
	"  stats   print every computed figure with its base (CSV or JSON)\n"
	"  fiches  write one PDF identity sheet per KPA to outputs/fiches/\n"
	"  import-qdpx FILE  turn a REFI-QDA project into inputs/entretiens/\n"
	"  help    show help for a command (recit help build)\n"
	"\n"
	"  recit --version   print the version\n"
	"\n"
	"exit status: 0 ok, 1 the inputs have errors (nothing written),\n"
	"             2 bad command line, 3 system error (files, memory).\n";

static const char *const HELP_COMMON =
	"  -i, --inputs DIR      input folder (default: inputs)\n"
	"      --max-errors N    show at most N problems (default 50; 0 = all)\n"
	"  -h, --help            show this help\n";

void cli_usage(const char *cmd)
{
	if (!cmd) {
		fputs(HELP_MAIN, stdout);
	} else if (strcmp(cmd, "build") == 0) {
		fputs("usage: recit build [OPTIONS]\n\n"
		      "Read the inputs folder, validate it, and write the report to\n"
		      "OUTPUTS/rapport.pdf. The PDF is written to a temporary file and renamed,\n"
		      "so a failed build never leaves a half-written report and the previous\n"
		      "one survives. Two builds of the same inputs are byte-identical.\n\n"
		      "options:\n",
		      stdout);
		fputs(HELP_COMMON, stdout);
		fputs("  -o, --outputs DIR     output folder (default: outputs)\n"
		      "  -l, --layouts DIR     layout templates (default: layouts)\n"
		      "  -t, --template FILE   main template in the layouts folder\n"
		      "                        (default: rapport.xml)\n"
		      "      --fonts DIR       font folder (default: fonts)\n"
		      "      --hyphenation F   French hyphenation dictionary\n"
		      "                        (default: /usr/share/hyphen/hyph_fr.dic)\n"
		      "      --largest-remainder  round each distribution so it sums to 100 %\n"
		      "      --dump STAGE      print a stage as text instead of writing the PDF:\n"
		      "                        model, stats, doc or pages\n"
		      "  -q, --quiet           print nothing but problems\n",
		      stdout);
	} else if (strcmp(cmd, "check") == 0) {
		fputs("usage: recit check [OPTIONS]\n\n"
		      "Validate every input file and report every problem with its\n"
		      "file:line:column, what was expected and what was found. Writes nothing.\n"
		      "Exit status 1 when there is at least one error.\n\noptions:\n",
		      stdout);
		fputs(HELP_COMMON, stdout);
		fputs("      --prenoms-prives F  private list of real first names (or\n"
		      "                        $RECIT_PRENOMS_PRIVES): excerpts naming one are refused\n"
		      "  -l, --layouts DIR     also check DIR/styles.xml (default: layouts)\n",
		      stdout);
	} else if (strcmp(cmd, "fiches") == 0) {
		fputs("usage: recit fiches [--kpa NAME-or-ID ...] [-i DIR] [-o DIR] [-l DIR]\n"
		      "                    [--shard I/N] [-j JOBS] [--fonts DIR] [--hyphenation F] [-q]\n\n"
		      "Write one PDF identity sheet per KPA to OUTPUTS/fiches/<id>.pdf: the sheet\n"
		      "file inputs/fiches/<id>.xml and the KPA's own figures, on exactly one A4\n"
		      "page (layouts/fiche.xml). A KPA whose sheet has errors is reported and\n"
		      "skipped; the others are written; the exit status is then 1.\n\n"
		      "options:\n"
		      "  -i, --inputs DIR      input folder (default: inputs)\n"
		      "  -o, --outputs DIR     output folder (default: outputs)\n"
		      "  -l, --layouts DIR     layout templates (default: layouts)\n"
		      "  -t, --template FILE   sheet template in the layouts folder (default: fiche.xml)\n"
		      "      --kpa NAME        only this KPA (its id or its name); repeatable\n"
		      "      --shard I/N       only the I-th of N slices of the KPAs sorted by id\n"
		      "                        (1-based), for GNU parallel, Slurm or Kubernetes arrays\n"
		      "  -j, --jobs N          worker processes (default: one per processor)\n"
		      "      --fonts DIR       font folder (default: fonts)\n"
		      "      --hyphenation F   French hyphenation dictionary\n"
		      "      --largest-remainder  round each distribution so it sums to 100 %\n"
		      "      --max-errors N    show at most N problems per KPA (default 50; 0 = all)\n"
		      "  -q, --quiet           print nothing but problems\n"
		      "  -h, --help            show this help\n",
		      stdout);
	} else if (strcmp(cmd, "stats") == 0) {
		fputs("usage: recit stats [OPTIONS]\n\n"
		      "Print every figure the report publishes, with its base (the count the\n"
		      "share is computed on), its exact share, its rounded percent, and whether\n"
		      "the small-cell rule withholds it (primary: under the threshold;\n"
		      "secondary: withheld so a small cell cannot be recomputed from totals).\n"
		      "Figures are exact unless --public is given.\n\n"
		      "options:\n",
		      stdout);
		fputs(HELP_COMMON, stdout);
		fputs("  -f, --format FMT      csv (default) or json\n"
		      "      --public          print withheld counts as <k, without share or percent\n"
		      "      --descriptions    print the French text description of every chart of\n"
		      "                        the report (what stands in for the picture)\n"
		      "      --interviews      print the interview figures (inputs/entretiens) instead\n"
		      "      --prenoms-prives F  private list of real first names (or\n"
		      "                        $RECIT_PRENOMS_PRIVES): excerpts naming one are refused\n"
		      "      --largest-remainder  round each distribution so it sums to 100 %\n",
		      stdout);
	}
}

static int want_value(const char *cmd, const char *opt, int i, int argc)
{
	if (i + 1 >= argc) {
		fprintf(stderr, "recit %s: option %s needs a value (see recit %s --help)\n", cmd,
			opt, cmd);
		return 0;
	}
	return 1;
}

int cli_parse(const char *cmd, int argc, char **argv, cli_options *o)
{
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char *eq = strchr(a, '=');
		char name[64];
		const char *val = NULL;
		/* --opt=value and --opt value are both accepted. */
		if (a[0] == '-' && a[1] == '-' && eq && (size_t)(eq - a) < sizeof name) {
			memcpy(name, a, (size_t)(eq - a));
			name[eq - a] = '\0';
			a = name;
			val = eq + 1;
		}
#define TAKE(dst)                                                                        \
	do {                                                                             \
		if (val)                                                                 \
			(dst) = val;                                                     \
		else if (want_value(cmd, a, i, argc))                                    \
			(dst) = argv[++i];                                               \
		else                                                                     \
			return -1;                                                       \
	} while (0)
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			cli_usage(cmd);
			return 1;
		} else if (!strcmp(a, "-i") || !strcmp(a, "--inputs")) {
			TAKE(o->inputs);
		} else if (!strcmp(a, "-o") || !strcmp(a, "--outputs")) {
			TAKE(o->outputs);
		} else if (!strcmp(a, "-l") || !strcmp(a, "--layouts")) {
			TAKE(o->layouts);
		} else if (!strcmp(a, "-t") || !strcmp(a, "--template")) {
			TAKE(o->template_name);
		} else if (!strcmp(a, "--fonts")) {
			TAKE(o->fonts);
		} else if (!strcmp(a, "--hyphenation")) {
			TAKE(o->hyphenation);
		} else if (!strcmp(a, "--dump")) {
			TAKE(o->dump);
			if (strcmp(o->dump, "model") && strcmp(o->dump, "stats") &&
			    strcmp(o->dump, "doc") && strcmp(o->dump, "pages")) {
				fprintf(stderr,
					"recit %s: --dump expects model, stats, doc or pages, "
					"found \"%s\"\n",
					cmd, o->dump);
				return -1;
			}
		} else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
			TAKE(o->format);
			if (strcmp(o->format, "csv") && strcmp(o->format, "json")) {
				fprintf(stderr,
					"recit %s: --format expects csv or json, found \"%s\"\n",
					cmd, o->format);
				return -1;
			}
		} else if (!strcmp(a, "--max-errors")) {
			const char *v = NULL;
			TAKE(v);
			char *end;
			long n = strtol(v, &end, 10);
			if (*v == '\0' || *end || n < 0 || n > 1000000) {
				fprintf(stderr,
					"recit %s: --max-errors expects a number >= 0, found \"%s\"\n",
					cmd, v);
				return -1;
			}
			o->max_errors = (int)n;
		} else if (!strcmp(a, "--interviews")) {
			o->interviews = true;
		} else if (!strcmp(a, "--prenoms-prives")) {
			TAKE(o->private_names);
		} else if (!strcmp(cmd, "fiches") && !strcmp(a, "--kpa")) {
			const char *v = NULL;
			TAKE(v);
			o->kpa_names = xreallocarray(o->kpa_names, o->n_kpa_names + 1,
						     sizeof *o->kpa_names);
			o->kpa_names[o->n_kpa_names++] = v;
		} else if (!strcmp(cmd, "fiches") && !strcmp(a, "--shard")) {
			const char *v = NULL;
			TAKE(v);
			char *end;
			long si = strtol(v, &end, 10), sn = 0;
			if (end != v && *end == '/') {
				const char *q = end + 1;
				sn = strtol(q, &end, 10);
				if (end == q)
					sn = 0;
			}
			if (*end || si < 1 || sn < 1 || si > sn || sn > 1000000) {
				fprintf(stderr,
					"recit fiches: --shard expects I/N with 1 <= I <= N, such as "
					"2/3, found \"%s\"\n",
					v);
				return -1;
			}
			o->shard_i = si;
			o->shard_n = sn;
		} else if (!strcmp(cmd, "fiches") &&
			   (!strcmp(a, "-j") || !strcmp(a, "--jobs") || !strncmp(a, "-j", 2))) {
			/* -j 2, --jobs=2, and make-style -j2 */
			const char *v = NULL;
			if (a[0] == '-' && a[1] == 'j' && a[2])
				v = a + 2;
			else
				TAKE(v);
			char *end;
			long n = strtol(v, &end, 10);
			if (!*v || *end || n < 1 || n > CLI_MAX_JOBS) {
				fprintf(stderr, "recit fiches: -j expects a number from 1 to %d, found \"%s\"\n",
					CLI_MAX_JOBS, v);
				return -1;
			}
			o->jobs = n;
		} else if (!strcmp(a, "--public")) {
			o->public_only = true;
		} else if (!strcmp(a, "--descriptions")) {
			o->descriptions = true;
		} else if (!strcmp(a, "--largest-remainder")) {
			o->largest_remainder = true;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			o->quiet = true;
		} else {
			fprintf(stderr, "recit %s: unknown option \"%s\" (see recit %s --help)\n", cmd,
				argv[i], cmd);
			return -1;
		}
#undef TAKE
	}
	return 0;
}

int main(int argc, char **argv)
{
	i18n_init();
	if (argc < 2) {
		fputs(HELP_MAIN, stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
		printf("recit %s\n", RECIT_VERSION);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		cli_usage(NULL);
		return EXIT_OK;
	}
	/* import-qdpx has its own arguments (src/qdpx.c). */
	if (!strcmp(cmd, "import-qdpx"))
		return cmd_import_qdpx(argc - 2, argv + 2);
	if (!strcmp(cmd, "help")) {
		const char *what = argc > 2 ? argv[2] : NULL;
		if (what && strcmp(what, "build") && strcmp(what, "check") && strcmp(what, "stats") &&
		    strcmp(what, "fiches")) {
			fprintf(stderr, "recit help: unknown command \"%s\"\n", what);
			return EXIT_USAGE;
		}
		cli_usage(what);
		return EXIT_OK;
	}
	int (*run)(const cli_options *) = NULL;
	if (!strcmp(cmd, "build"))
		run = cmd_build;
	else if (!strcmp(cmd, "check"))
		run = cmd_check;
	else if (!strcmp(cmd, "stats"))
		run = cmd_stats;
	else if (!strcmp(cmd, "fiches"))
		run = cmd_fiches;
	else {
		fprintf(stderr,
			"recit: unknown command \"%s\" (commands: build, check, stats, fiches, "
			"import-qdpx)\n",
			cmd);
		return EXIT_USAGE;
	}
	cli_options o = {
		.inputs = "inputs",
		.layouts = NULL,
		/* The sheet template for fiches, the report for the others. */
		.template_name = strcmp(cmd, "fiches") ? "rapport.xml" : "fiche.xml",
		.outputs = "outputs",
		.fonts = NULL,
		.hyphenation = "/usr/share/hyphen/hyph_fr.dic",
		.format = "csv",
		.max_errors = 50,
	};
	int rc = cli_parse(cmd, argc - 2, argv + 2, &o);
	if (rc != 0) {
		free(o.kpa_names);
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	}
	/* Fonts ship with the project: use ./fonts when run from the checkout,
	 * else the source tree the binary was built from. */
	if (!o.fonts)
		o.fonts = access("fonts", R_OK) == 0 ? "fonts" : RECIT_SOURCE_DIR "/fonts";
	/* Likewise the shipped layouts, when none were named and there is no
	 * layouts/ here: `recit check -i /some/year` works from any folder. */
	if (!o.layouts)
		o.layouts = access("layouts", R_OK) == 0 ? "layouts" : RECIT_SOURCE_DIR "/layouts";
	rc = run(&o);
	free(o.kpa_names);
	return rc;
}
