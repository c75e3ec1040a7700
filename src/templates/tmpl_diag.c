/* tmpl_diag.c - where things come from while a template is expanded:
 * messages, each once per place (a loop repeats its body, and would repeat
 * its mistakes), with the file and line of the element, and the origin of
 * the blocks an element makes. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tmpl_int.h"

static void report(tmpl_ctx *x, diag_level level, const char *file, int line, const char *fmt,
		   va_list ap) __attribute__((format(printf, 5, 0)));
/* Each message once, even when a loop repeats it: the sink gives a message
 * with its level and place only once (diag.c). */
static void report(tmpl_ctx *x, diag_level level, const char *file, int line, const char *fmt,
		   va_list ap)
{
	diag_vemit(x->d, level, SRC_LOC(file, line, 0), NULL, fmt, ap);
	x->errors += level >= DIAG_ERROR;
}

void tmpl_error(tmpl_ctx *x, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(x, DIAG_ERROR, file, line, fmt, ap);
	va_end(ap);
}

void tmpl_warning(tmpl_ctx *x, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(x, DIAG_WARNING, file, line, fmt, ap);
	va_end(ap);
}

int tmpl_line(const xmlNode *n)
{
	long l = xmlGetLineNo(n);
	return l > 0 && l < INT_MAX ? (int)l : 0;
}

src_loc tmpl_origin(const tmpl_file *f, const xmlNode *n)
{
	return SRC_LOC(f->path, tmpl_line(n), 0);
}

doc_chart *tmpl_add_chart(tmpl_ctx *x, const tmpl_file *f, const xmlNode *n, doc_chart_type type,
			  const char *title, const char *note)
{
	doc_chart *c = doc_add_chart(x->out, type, title, note);
	((doc_block *)doc_at(x->out, doc_count(x->out) - 1))->origin = tmpl_origin(f, n);
	return c;
}
