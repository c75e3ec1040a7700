/* main.c - `recit`: find the command, read its options, run it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "text.h"
#include "util.h"

#ifndef RECIT_VERSION
#define RECIT_VERSION "dev"
#endif
#ifndef RECIT_SOURCE_DIR
#define RECIT_SOURCE_DIR "."
#endif

static const cli_command *const COMMANDS[] = {
	&CMD_INIT, &CMD_BUILD, &CMD_CHECK, &CMD_STATS, &CMD_FICHES, &CMD_AUDIT, &CMD_IMPORT_QDPX,
	NULL,
};

/* The command called name, or NULL after saying so (as `recit who`). */
static const cli_command *find_command(const char *who, const char *name)
{
	const char *names[sizeof COMMANDS / sizeof *COMMANDS];
	size_t n = 0;
	strbuf list = {0};
	for (const cli_command *const *c = COMMANDS; *c; c++) {
		if (!strcmp((*c)->name, name)) {
			strbuf_free(&list);
			return *c;
		}
		names[n++] = (*c)->name;
		strbuf_printf(&list, "%s%s", list.len ? ", " : "", (*c)->name);
	}
	cli_say(who, "unknown command \"%s\"%s (commands: %s)", name,
		text_did_you_mean(name, names, n).s, list.data);
	strbuf_free(&list);
	return NULL;
}

/* recit help [COMMAND] */
static int help(const char *what)
{
	if (!what || !strcmp(what, "help")) {
		cli_help_main(COMMANDS, stdout);
		return EXIT_OK;
	}
	const cli_command *cmd = find_command("help", what);
	if (!cmd)
		return EXIT_USAGE;
	cli_help(cmd, stdout);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	i18n_init();
	if (argc < 2) {
		cli_help_main(COMMANDS, stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
		printf("recit %s\n", RECIT_VERSION);
		return EXIT_OK;
	}
	if (!strcmp(name, "--help") || !strcmp(name, "-h")) {
		cli_help_main(COMMANDS, stdout);
		return EXIT_OK;
	}
	if (!strcmp(name, "help"))
		return help(argc > 2 ? argv[2] : NULL);
	const cli_command *cmd = find_command(NULL, name);
	if (!cmd)
		return EXIT_USAGE;
	cli_options o = {0};
	int rc = cli_parse(cmd, COMMANDS, argc - 2, argv + 2, &o);
	if (rc == 0) {
		/* Fonts and layouts ship with the project: ./fonts and ./layouts
		 * when run from the checkout, else the source tree the binary was
		 * built from, so that `recit check -i /some/year` works anywhere. */
		if (!o.fonts)
			o.fonts = access("fonts", R_OK) == 0 ? "fonts" : RECIT_SOURCE_DIR "/fonts";
		if (!o.layouts)
			o.layouts = access("layouts", R_OK) == 0 ? "layouts"
								 : RECIT_SOURCE_DIR "/layouts";
		cli_signals_install();
		rc = cmd->run(&o);
	} else {
		rc = rc < 0 ? EXIT_USAGE : EXIT_OK;
	}
	free(o.kpa_names);
	return rc;
}
