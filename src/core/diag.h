/* diag.h - one diagnostic type for every stage: where (file:line:col, field),
 * how bad, and what was expected versus found.
 *
 * Every stage reports through a diag_sink passed as its first argument; there is
 * no global message state. The sink prints each message as it arrives, keeps a
 * count per level, and stops printing (but keeps counting) past a cap so that a
 * broken 10,000-row file does not flood the terminal. The worst level seen sets
 * the exit status (see docs/cli.md). */
#ifndef RECIT_DIAG_H
#define RECIT_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum {
	DIAG_NOTE,
	DIAG_WARNING,
	DIAG_ERROR, /* input is wrong: nothing is written */
	DIAG_FATAL, /* cannot go on at all (unreadable file, out of memory) */
	DIAG__LEVELS
} diag_level;

/* A place in an input. line and col are 1-based; 0 means "unknown" and is not
 * printed. file is borrowed: it must outlive the sink's use of it.
 * A file name ending in '!' is a workbook's sheet ("activite.xlsx:Feuille1!",
 * see csv_read.h): line is the row, col the column, and the place prints as
 * the spreadsheet names the cell, "activite.xlsx:Feuille1!C14". */
typedef struct {
	const char *file;
	int line;
	int col;
} src_loc;

/* A place, as an expression. Write places in calls this way rather than as
 * compound literals, (src_loc){file, line, col}: xgettext takes the commas
 * between braces for argument separators and would miss the message that
 * follows (docs/messages.md). */
#define SRC_LOC(file, line, col) ((src_loc){(file), (line), (col)})
#define SRC_LOC_NONE SRC_LOC(NULL, 0, 0)

typedef struct diag_sink diag_sink;

/* out: where messages go (stderr in the CLI, a memstream in tests); borrowed.
 * max_printed: after this many errors, further ones are counted but not
 * printed (0 = no cap). */
diag_sink *diag_sink_create(FILE *out, int max_printed);
void diag_sink_destroy(diag_sink *d);

/* Emit one message: "recit: FILE:LINE:COL: LEVEL: [\"FIELD\": ]MESSAGE".
 * field names the column or attribute concerned, or NULL. fmt is the English
 * message; it is looked up in the catalogue (i18n.h) before formatting, so
 * the message appears in the user's language: callers pass English
 * literals, and xgettext finds them (po/update-pot.sh, docs/messages.md). */
void diag_emit(diag_sink *d, diag_level level, src_loc loc, const char *field,
	       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void diag_vemit(diag_sink *d, diag_level level, src_loc loc, const char *field,
		const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

int diag_count(const diag_sink *d, diag_level level);
/* Spreadsheet column letters of a 1-based column: 1 -> "A", 28 -> "AB". */
void diag_column_letters(int col, char out[8]);
/* The file of the latest error or fatal message, or NULL. */
const char *diag_last_error_file(const diag_sink *d);
/* Count n messages of this level that another sink printed (a worker
 * process's), so that diag_failed and the summary include them. */
void diag_add(diag_sink *d, diag_level level, int n);
/* True when an error or a fatal error has been emitted. */
bool diag_failed(const diag_sink *d);
/* Print "N errors, M warnings" (or nothing when there were none). */
void diag_summary(const diag_sink *d);

#endif
