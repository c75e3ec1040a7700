/* diag.c - the one emitter of user-facing diagnostics. */
#include "diag.h"

#include <stdlib.h>

#include "util.h"

struct diag_sink {
	FILE *out;
	int max_printed;
	int counts[DIAG__LEVELS];
	bool cap_notice_done;
};

diag_sink *diag_sink_create(FILE *out, int max_printed)
{
	diag_sink *d = xcalloc(1, sizeof *d);
	d->out = out;
	d->max_printed = max_printed;
	return d;
}

void diag_sink_destroy(diag_sink *d)
{
	free(d);
}

const char *diag_level_name(diag_level level)
{
	static const char *const names[DIAG__LEVELS] = {"note", "warning", "error",
							 "fatal"};
	return (unsigned)level < DIAG__LEVELS ? names[level] : "?";
}

void diag_vemit(diag_sink *d, diag_level level, src_loc loc, const char *field,
		const char *fmt, va_list ap)
{
	d->counts[level]++;
	int serious = d->counts[DIAG_ERROR] + d->counts[DIAG_WARNING];
	if (level < DIAG_FATAL && d->max_printed > 0 && serious > d->max_printed) {
		if (!d->cap_notice_done && d->out) {
			fprintf(d->out,
				"recit: note: more than %d problems; the rest are "
				"counted but not shown\n",
				d->max_printed);
			d->cap_notice_done = true;
		}
		return;
	}
	if (!d->out)
		return;
	fputs("recit: ", d->out);
	if (loc.file) {
		fputs(loc.file, d->out);
		if (loc.line > 0) {
			fprintf(d->out, ":%d", loc.line);
			if (loc.col > 0)
				fprintf(d->out, ":%d", loc.col);
		}
		fputs(": ", d->out);
	}
	fprintf(d->out, "%s: ", diag_level_name(level));
	if (field)
		fprintf(d->out, "\"%s\": ", field);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
}

void diag_emit(diag_sink *d, diag_level level, src_loc loc, const char *field,
	       const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vemit(d, level, loc, field, fmt, ap);
	va_end(ap);
}

int diag_count(const diag_sink *d, diag_level level)
{
	return (unsigned)level < DIAG__LEVELS ? d->counts[level] : 0;
}

void diag_add(diag_sink *d, diag_level level, int n)
{
	if ((unsigned)level < DIAG__LEVELS && n > 0)
		d->counts[level] += n;
}

bool diag_failed(const diag_sink *d)
{
	return d->counts[DIAG_ERROR] > 0 || d->counts[DIAG_FATAL] > 0;
}

void diag_summary(const diag_sink *d)
{
	int e = d->counts[DIAG_ERROR] + d->counts[DIAG_FATAL];
	int w = d->counts[DIAG_WARNING];
	if (!d->out || (e == 0 && w == 0))
		return;
	fprintf(d->out, "recit: %d error%s, %d warning%s\n", e, e == 1 ? "" : "s", w,
		w == 1 ? "" : "s");
}
