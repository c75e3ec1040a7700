/* fmt_fr.h - numbers, money, shares and dates written the French way.
 *
 * Output is UTF-8. Thousands are grouped with U+202F NARROW NO-BREAK SPACE
 * (never widened by justification, never broken across lines); a U+00A0
 * NO-BREAK SPACE precedes '%' and ':' as DOMAIN.md asks; U+202F precedes '€'
 * so that an amount is one unbreakable, fixed-width group. The decimal mark
 * is a comma. All functions write a NUL-terminated string into buf (cap
 * bytes) and return buf. FMT_CAP is always enough. */
#ifndef RECIT_FMT_FR_H
#define RECIT_FMT_FR_H

#include <stddef.h>

#include "date.h"

#define FMT_CAP 64
#define FR_NNBSP "\xE2\x80\xAF" /* U+202F */
#define FR_NBSP "\xC2\xA0"      /* U+00A0 */

char *fmt_int(char *buf, size_t cap, long long v);              /* 26 582 */
char *fmt_decimal(char *buf, size_t cap, double v, int decimals); /* 3,5 */
char *fmt_percent(char *buf, size_t cap, int pct);              /* 73 % */
/* cents -> "26 582 €" (rounded to the euro) or, with cents, "26 582,50 €". */
char *fmt_euros(char *buf, size_t cap, long long cents, int show_cents);
/* "1er mars 2022", "31 décembre 2023" */
char *fmt_date_long(char *buf, size_t cap, recit_date d);
/* "mars 2022" */
char *fmt_month_year(char *buf, size_t cap, recit_date d);
/* "12/03/2022" */
char *fmt_date_short(char *buf, size_t cap, recit_date d);

#endif
