/* help.c - the help of `recit` and of each of its commands, made from the
 * commands' tables of options (cli.h), so that it lists exactly what the
 * parser takes. Texts are wrapped here, so a translation needs no line
 * breaks of its own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util.h"

#define WIDTH 79

/* Columns that n bytes of UTF-8 take: one per character. */
static size_t columns(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static void indent_to(FILE *out, size_t from, size_t to)
{
	for (; from < to; from++)
		fputc(' ', out);
}

/* Print text, the cursor being at column col, in lines of at most WIDTH
 * columns; the next lines start at column indent. A '\n' in text starts a
 * new line (two: a paragraph). Ends the line. */
static void put_wrapped(FILE *out, const char *text, size_t col, size_t indent)
{
	bool line_start = true;
	for (const char *p = text; *p;) {
		if (*p == '\n') {
			fputc('\n', out);
			col = 0;
			if (*++p && *p != '\n') {
				indent_to(out, 0, indent);
				col = indent;
			}
			line_start = true;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		size_t n = strcspn(p, " \n"), w = columns(p, n);
		if (!line_start && col + 1 + w > WIDTH) {
			fputc('\n', out);
			indent_to(out, 0, indent);
			col = indent;
			line_start = true;
		}
		if (!line_start) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, n, out);
		col += w;
		p += n;
		line_start = false;
	}
	fputc('\n', out);
}

/* As the list of options shows an option ("-i, --inputs DIR", "    --fonts
 * DIR"), or the synopsis ("-i DIR", "--fonts DIR"). */
static char *option_name(const cli_option *opt, bool in_list)
{
	const char *value = opt->value ? _(opt->value) : NULL;
	if (opt->letter && !in_list)
		return value ? xasprintf("-%c %s", opt->letter, value) : xasprintf("-%c", opt->letter);
	strbuf b = {0};
	if (opt->letter)
		strbuf_printf(&b, "-%c, ", opt->letter);
	else if (in_list)
		strbuf_puts(&b, "    ");
	strbuf_printf(&b, "--%s", opt->name);
	if (value)
		strbuf_printf(&b, " %s", value);
	return strbuf_detach(&b);
}

/* usage: recit NAME [OPERAND] [-i DIR] [--fonts DIR] ... */
static void synopsis(const cli_command *cmd, FILE *out)
{
	char *head = xasprintf("%srecit %s", _("usage: "), cmd->name);
	size_t col = columns(head, strlen(head)), indent = col;
	fputs(head, out);
	free(head);
	if (cmd->operand) {
		fprintf(out, " %s", _(cmd->operand));
		col += 1 + columns(_(cmd->operand), strlen(_(cmd->operand)));
	}
	for (const cli_option *opt = cmd->options; opt->name; opt++) {
		char *name = option_name(opt, false);
		size_t w = columns(name, strlen(name)) + 2;
		if (col + 1 + w > WIDTH) {
			fputc('\n', out);
			indent_to(out, 0, indent);
			col = indent;
		}
		fprintf(out, " [%s]", name);
		col += 1 + w;
		free(name);
	}
	fputc('\n', out);
}

/* One line of the option list: name, then its help from column at. */
static void option_line(FILE *out, const char *name, const char *help, const char *def,
			size_t at)
{
	fprintf(out, "  %s", name);
	size_t col = 2 + columns(name, strlen(name));
	if (at < col + 2)
		at = col + 2;
	indent_to(out, col, at);
	/* TRANSLATORS: an option's help and its default value. */
	char *text = def ? xasprintf(_("%s (default: %s)"), help, def) : xstrdup(help);
	put_wrapped(out, text, at, at);
	free(text);
}

void cli_help(const cli_command *cmd, FILE *out)
{
	synopsis(cmd, out);
	fputc('\n', out);
	put_wrapped(out, _(cmd->description), 0, 0);
	fputc('\n', out);
	fprintf(out, "%s\n", _("options:"));
	size_t at = strlen("-h, --help");
	for (const cli_option *opt = cmd->options; opt->name; opt++) {
		char *name = option_name(opt, true);
		size_t w = columns(name, strlen(name));
		at = w > at ? w : at;
		free(name);
	}
	at += 4; /* two before, two after */
	for (const cli_option *opt = cmd->options; opt->name; opt++) {
		char *name = option_name(opt, true);
		option_line(out, name, _(opt->help), opt->def, at);
		free(name);
	}
	option_line(out, "-h, --help", _("show this help"), NULL, at);
}

void cli_help_main(const cli_command *const *all, FILE *out)
{
	fprintf(out, "%s\n\n", _("usage: recit COMMAND [OPTIONS]"));
	put_wrapped(out, _("Turn a year folder of a network of KPAs into its evaluative report (PDF)."), 0, 0);
	fprintf(out, "\n%s\n", _("commands:"));
	size_t at = strlen("help");
	for (const cli_command *const *c = all; *c; c++)
		at = strlen((*c)->name) > at ? strlen((*c)->name) : at;
	at += 4;
	for (const cli_command *const *c = all; *c; c++)
		option_line(out, (*c)->name, _((*c)->summary), NULL, at);
	option_line(out, "help", _("show the help of a command (recit help build)"), NULL, at);
	fputc('\n', out);
	option_line(out, "recit --version", _("print the version"), NULL, 0);
	fputc('\n', out);
	const char *head = _("exit status:");
	size_t at_status = columns(head, strlen(head)) + 1;
	fprintf(out, "%s ", head);
	put_wrapped(out, _("0 ok, 1 the inputs have errors (nothing written), 2 bad command line, "
			   "3 system error (a file could not be read or written, out of memory)."),
		    at_status, at_status);
}
