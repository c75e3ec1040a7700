/* options.c - the one parser of `recit`'s command line: it reads any
 * command's table of options (cli.h). Also what the command says about its
 * command line and its work (cli_say). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "text.h"
#include "util.h"

void cli_say(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (cmd)
		fprintf(stderr, "recit %s: ", cmd);
	else
		fputs("recit: ", stderr);
	vfprintf(stderr, _(fmt), ap);
	fputc('\n', stderr);
	va_end(ap);
}

bool cli_number(const char *v, long lo, long hi, long *out)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (*v == '\0' || *end || n < lo || n > hi)
		return false;
	*out = n;
	return true;
}

int cli_parse_max_errors(const char *cmd, const char *opt, const char *value, cli_options *o)
{
	long n;
	if (!cli_number(value, 0, 1000000, &n)) {
		cli_say(cmd, "--max-errors expects a number >= 0, found \"%s\"", value);
		return -1;
	}
	o->max_errors = (int)n;
	return 0;
}

static const cli_option *by_name(const cli_option *opt, const char *name, size_t len)
{
	for (; opt->name; opt++)
		if (strlen(opt->name) == len && !strncmp(opt->name, name, len))
			return opt;
	return NULL;
}

static const cli_option *by_letter(const cli_option *opt, char letter)
{
	for (; opt->name; opt++)
		if (letter && opt->letter == letter)
			return opt;
	return NULL;
}

static int set(const char *cmd, const cli_option *opt, const char *typed, const char *value,
	       cli_options *o)
{
	if (opt->parse)
		return opt->parse(cmd, typed, value, o);
	if (opt->value)
		*(const char **)((char *)o + opt->field) = value;
	else
		*(bool *)((char *)o + opt->field) = true;
	return 0;
}

/* " (did you mean "--inputs"?)" for a mistyped long option, else "". */
static text_hint long_hint(const cli_command *cmd, const char *typed)
{
	size_t n = 1;
	for (const cli_option *opt = cmd->options; opt->name; opt++)
		n++;
	char **names = xcalloc(n, sizeof *names);
	names[0] = xstrdup("--help");
	for (size_t i = 1; i < n; i++)
		names[i] = xasprintf("--%s", cmd->options[i - 1].name);
	text_hint h = strncmp(typed, "--", 2) ? (text_hint){""}
			 : text_did_you_mean(typed, (const char *const *)names, n);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return h;
}

/* An option cmd does not take: name the commands that take it, if any. */
static int reject(const cli_command *cmd, const cli_command *const *all, const char *typed,
		  const char *name, size_t len, char letter)
{
	strbuf owners = {0};
	for (const cli_command *const *c = all; *c; c++)
		if (*c != cmd && (len ? by_name((*c)->options, name, len)
				      : by_letter((*c)->options, letter)))
			strbuf_printf(&owners, "%s%s", owners.len ? ", " : "", (*c)->name);
	if (owners.len)
		cli_say(cmd->name, "\"%s\" is an option of %s, not of %s (see recit %s --help)",
			typed, owners.data, cmd->name, cmd->name);
	else
		cli_say(cmd->name, "unknown option \"%s\"%s (see recit %s --help)", typed,
			long_hint(cmd, typed).s, cmd->name);
	strbuf_free(&owners);
	return -1;
}

int cli_parse(const cli_command *cmd, const cli_command *const *all, int argc, char **argv,
	      cli_options *o)
{
	for (const cli_option *opt = cmd->options; opt->name; opt++)
		if (opt->def)
			set(cmd->name, opt, opt->name, opt->def, o);
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-' || a[1] == '\0') {
			if (!cmd->operand || o->operand) {
				cli_say(cmd->name, "unexpected argument \"%s\" (see recit %s --help)",
					a, cmd->name);
				return -1;
			}
			o->operand = a;
			continue;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			cli_help(cmd, stdout);
			return 1;
		}
		/* --opt=value, --opt value, -o value and -ovalue (make's -j2). */
		char typed[80];
		const char *value = NULL;
		const cli_option *opt;
		if (a[1] == '-') {
			const char *name = a + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			snprintf(typed, sizeof typed, "--%.*s", (int)(len < 64 ? len : 64), name);
			if (!(opt = by_name(cmd->options, name, len)))
				return reject(cmd, all, typed, name, len, 0);
			if (eq)
				value = eq + 1;
		} else {
			snprintf(typed, sizeof typed, "-%c", a[1]);
			if (!(opt = by_letter(cmd->options, a[1])))
				return reject(cmd, all, typed, NULL, 0, a[1]);
			if (a[2] && !opt->value)
				return reject(cmd, all, a, NULL, 0, 0);
			if (a[2])
				value = a + 2;
		}
		if (!opt->value && value) {
			cli_say(cmd->name, "option %s takes no value (see recit %s --help)", typed,
				cmd->name);
			return -1;
		}
		if (opt->value && !value) {
			if (i + 1 >= argc) {
				cli_say(cmd->name, "option %s needs a value (see recit %s --help)",
					typed, cmd->name);
				return -1;
			}
			value = argv[++i];
		}
		if (set(cmd->name, opt, typed, value, o) != 0)
			return -1;
	}
	if (cmd->operand && !o->operand) {
		cli_say(cmd->name, "expected %s (see recit %s --help)", _(cmd->operand), cmd->name);
		return -1;
	}
	return 0;
}
