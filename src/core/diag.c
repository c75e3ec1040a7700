/* diag.c - the one emitter of user-facing diagnostics. */
#include "diag.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "strset.h"
#include "text_safe.h"
#include "util.h"

struct diag_sink {
	FILE *out;
	int max_printed;
	int counts[DIAG__LEVELS];
	bool cap_notice_done;
	/* The messages given, to give each problem once: two stages that read
	 * the same file (a sheet read for the report and again by check) would
	 * otherwise say the same thing twice. */
	strset *seen;
	char *last_error_file; /* file of the latest error, for the summary */
};

diag_sink *diag_sink_create(FILE *out, int max_printed)
{
	diag_sink *d = xcalloc(1, sizeof *d);
	d->seen = strset_create();
	d->out = out;
	d->max_printed = max_printed;
	return d;
}

void diag_sink_destroy(diag_sink *d)
{
	if (!d)
		return;
	strset_destroy(d->seen);
	free(d->last_error_file);
	free(d);
}

const char *diag_last_error_file(const diag_sink *d)
{
	return d->last_error_file;
}

/* The message in the user's language. "" is the catalogue's header, not a
 * message. */
static const char *translate(const char *fmt) __attribute__((format_arg(1)));
static const char *translate(const char *fmt)
{
	return *fmt ? _(fmt) : fmt;
}

/* "error: " and the like, in the user's language. */
static const char *level_label(diag_level level)
{
	/* TRANSLATORS: the level of a message, after its place
	 * ("recit: inputs/kpa.csv:3:1: error: ..."). */
	static const char *const labels[DIAG__LEVELS] = {N_("note: "), N_("warning: "),
							  N_("error: "), N_("fatal: ")};
	return (unsigned)level < DIAG__LEVELS ? _(labels[level]) : "?: ";
}

void diag_column_letters(int col, char out[8])
{
	char rev[8];
	int n = 0;
	while (col > 0 && n < 7) {
		col--;
		rev[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	for (int i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	out[n] = '\0';
}

void diag_vemit(diag_sink *d, diag_level level, src_loc loc, const char *field,
		const char *fmt, va_list ap)
{
	/* The message, formatted once; with its level and place it tells
	 * whether it was given already. */
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, translate(fmt), aq);
	va_end(aq);
	char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	msg[0] = '\0';
	if (n > 0)
		vsnprintf(msg, (size_t)n + 1, translate(fmt), ap);
	char *key = xasprintf("%d|%s|%d|%d|%s|%s", (int)level, loc.file ? loc.file : "", loc.line,
			      loc.col, field ? field : "", msg);
	bool fresh = strset_add(d->seen, key);
	free(key);
	if (!fresh) {
		free(msg);
		return;
	}
	if (level >= DIAG_ERROR && loc.file) {
		free(d->last_error_file);
		d->last_error_file = xstrdup(loc.file);
	}
	d->counts[level]++;
	int serious = d->counts[DIAG_ERROR] + d->counts[DIAG_WARNING];
	if (level < DIAG_FATAL && d->max_printed > 0 && serious > d->max_printed) {
		if (!d->cap_notice_done && d->out) {
			fprintf(d->out, "recit: %s", level_label(DIAG_NOTE));
			fprintf(d->out,
				_("more than %d problems; the rest are counted but not "
				  "shown"),
				d->max_printed);
			fputc('\n', d->out);
			d->cap_notice_done = true;
		}
		free(msg);
		return;
	}
	if (!d->out) {
		free(msg);
		return;
	}
	/* The line is made whole, then escaped: a file name, a field or a
	 * value quoted in the message may hold an escape sequence or a
	 * bidirectional control from the inputs, which must reach the
	 * terminal as text (\x1b[31m), never act on it. */
	strbuf line = {0};
	size_t flen = loc.file ? strlen(loc.file) : 0;
	if (flen > 1 && loc.file[flen - 1] == '!') {
		/* A workbook's sheet: "activite.xlsx:Feuille1!C14", as the
		 * spreadsheet names the cell; a whole row is "Feuille1!14:14". */
		if (loc.line > 0 && loc.col > 0) {
			char letters[8];
			diag_column_letters(loc.col, letters);
			strbuf_printf(&line, "%s%s%d: ", loc.file, letters, loc.line);
		} else if (loc.line > 0)
			strbuf_printf(&line, "%s%d:%d: ", loc.file, loc.line, loc.line);
		else
			strbuf_printf(&line, "%.*s: ", (int)(flen - 1), loc.file);
	} else if (loc.file) {
		strbuf_puts(&line, loc.file);
		if (loc.line > 0) {
			strbuf_printf(&line, ":%d", loc.line);
			if (loc.col > 0)
				strbuf_printf(&line, ":%d", loc.col);
		}
		strbuf_puts(&line, ": ");
	}
	strbuf_puts(&line, level_label(level));
	if (field)
		/* TRANSLATORS: the column or attribute a message is about. */
		strbuf_printf(&line, _("\"%s\": "), field);
	strbuf_puts(&line, msg);
	free(msg);
	strbuf esc = {0};
	text_escape_print(&esc, line.data, line.len);
	fputs("recit: ", d->out);
	fputs(esc.data ? esc.data : "", d->out);
	fputc('\n', d->out);
	strbuf_free(&esc);
	strbuf_free(&line);
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
	fputs("recit: ", d->out);
	fprintf(d->out, ngettext("%d error", "%d errors", (unsigned long)e), e);
	fputs(", ", d->out);
	fprintf(d->out, ngettext("%d warning", "%d warnings", (unsigned long)w), w);
	fputc('\n', d->out);
}
