/* text_safe.c - the one check of data values for refused characters
 * (text_safe.h); the rules themselves are text_chars.c's. */
#include "text_safe.h"

#include <string.h>

static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool text_check_data(diag_sink *d, src_loc loc, const char *field, const char *s,
		     bool lines_in_value)
{
	text_refused r;
	if (!s || !text_find_refused(s, strlen(s), &r))
		return true;
	src_loc at = loc;
	if (lines_in_value && loc.line > 0) {
		at.line = loc.line + r.line;
		at.col = r.line > 0 || loc.col <= 0 ? r.col : loc.col + r.col - 1;
	}
	const char *name = text_char_name(r.cp);
	if (is_bidi_control(r.cp))
		diag_emit(d, DIAG_ERROR, at, field,
			  "U+%04X (%s) is not allowed in data: this invisible character "
			  "changes the direction of the text after it, so that a word can "
			  "print backwards; remove it",
			  (unsigned)r.cp, name);
	else if (r.cp == 0xFEFF)
		diag_emit(d, DIAG_ERROR, at, field,
			  "U+FEFF (%s, a byte order mark) is only allowed at the start of "
			  "a file, not inside text; remove it",
			  name);
	else if (name)
		diag_emit(d, DIAG_ERROR, at, field,
			  "U+%04X (%s) is not allowed in data: control characters cannot "
			  "be printed; remove it",
			  (unsigned)r.cp, name);
	else
		diag_emit(d, DIAG_ERROR, at, field,
			  "U+%04X (a control character) is not allowed in data: control "
			  "characters cannot be printed; remove it",
			  (unsigned)r.cp);
	return false;
}
