/* options.c - what `recit` says about its command line and its work,
 * outside the diagnostics about input. */
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"

void cli_say(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (cmd)
		fprintf(stderr, "recit %s: ", cmd);
	else
		fputs("recit: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}
