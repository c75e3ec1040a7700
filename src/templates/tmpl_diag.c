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

/* Whether key was reported before; records it if not. A set of 64-bit
 * FNV-1a hashes with open addressing (0 marks an empty slot), as diag.c. */
static bool seen_before(tmpl_ctx *x, const char *key)
{
	uint64_t h = 1469598103934665603u;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	h = h ? h : 1;
	if (2 * (x->n_seen + 1) > x->cap_seen) {
		size_t cap = x->cap_seen ? 2 * x->cap_seen : 64;
		uint64_t *t = xcalloc(cap, sizeof *t);
		for (size_t i = 0; i < x->cap_seen; i++)
			if (x->seen[i])
				for (size_t j = x->seen[i] & (cap - 1);; j = (j + 1) & (cap - 1))
					if (!t[j]) {
						t[j] = x->seen[i];
						break;
					}
		free(x->seen);
		x->seen = t;
		x->cap_seen = cap;
	}
	for (size_t j = h & (x->cap_seen - 1);; j = (j + 1) & (x->cap_seen - 1)) {
		if (x->seen[j] == h)
			return true;
		if (!x->seen[j]) {
			x->seen[j] = h;
			x->n_seen++;
			return false;
		}
	}
}

static void report(tmpl_ctx *x, diag_level level, const char *file, int line, const char *fmt,
		   va_list ap0) __attribute__((format(printf, 5, 0)));
/* The message is formatted here, in the user's language (diag_emit would
 * look up only "%s"), to be compared with the ones already reported. */
static void report(tmpl_ctx *x, diag_level level, const char *file, int line, const char *fmt,
		   va_list ap0)
{
	va_list ap;
	va_copy(ap, ap0);
	int n = vsnprintf(NULL, 0, _(fmt), ap);
	va_end(ap);
	size_t size = (size_t)(n > 0 ? n : 0) + 1;
	char *msg = xmalloc(size);
	vsnprintf(msg, size, _(fmt), ap0);
	char *key = xasprintf("%s:%d:%s", file ? file : "", line, msg);
	if (!seen_before(x, key)) {
		diag_emit(x->d, level, SRC_LOC(file, line, 0), NULL, "%s", msg);
		x->errors += level >= DIAG_ERROR;
	}
	free(key);
	free(msg);
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
