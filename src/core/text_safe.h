/* text_safe.h - characters refused in data, and text made safe to print.
 *
 * Data (CSV and spreadsheet cells, the XML text and attribute values of the
 * inputs, the narrative) must not hold characters that change how the rest
 * of a line reads or that no font can show: the bidirectional embeddings,
 * overrides and isolates (U+202A..U+202E, U+2066..U+2069), which can make
 * « evil » print as « live »; the control characters of C0 (but tab and line
 * feed), DEL and C1; and U+FEFF inside text (a byte order mark is only
 * allowed, and removed, at the start of a file). Every reader of core checks
 * its values here, so the rule is the same everywhere (docs/inputs.md).
 *
 * Messages escape the same characters, and bytes that are not UTF-8, before
 * they reach a terminal (text_escape_print): a cell holding ESC[31m prints as
 * \x1b[31m, never as a colour change. */
#ifndef RECIT_TEXT_SAFE_H
#define RECIT_TEXT_SAFE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "util.h"

/* Whether data may hold the code point. */
bool text_char_allowed(uint32_t cp);

/* The first refused character of s (n bytes, valid UTF-8 expected; bytes
 * that are not are skipped, their readers refuse them). */
typedef struct {
	uint32_t cp;   /* the code point */
	size_t offset; /* its byte offset in s */
	int line;      /* lines before it in s ('\n' count), 0 on the first */
	int col;       /* 1-based character column on its line */
} text_refused;
bool text_find_refused(const char *s, size_t n, text_refused *r);

/* The Unicode name of a refused character ("RIGHT-TO-LEFT OVERRIDE",
 * "ESCAPE"), or NULL when it has none worth printing. Names are Unicode's,
 * never translated. */
const char *text_char_name(uint32_t cp);

/* Check one value of data: on a refused character, one error at loc (the
 * value's place; for text over several lines, loc.line is where the value
 * starts and the error points at the character's own line and column when
 * lines_in_value is true), naming the character as U+XXXX. Returns true
 * when the value is clean. */
bool text_check_data(diag_sink *d, src_loc loc, const char *field, const char *s,
		     bool lines_in_value);

/* Append s (n bytes) to out with everything a terminal would act on
 * escaped: C0 controls (line feed and tab included, a message is one
 * line) and DEL as \xHH, C1 controls, the bidirectional controls and U+FEFF
 * as \u{XXXX}, bytes that are not UTF-8 as \xHH. */
void text_escape_print(strbuf *out, const char *s, size_t n);

#endif
