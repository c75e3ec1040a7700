/* parse_fr.h - typed values from spreadsheet cells, in the forms French
 * spreadsheets produce.
 *
 * No locale is consulted: the same input parses the same way on every
 * machine. Every parser returns PARSE_EMPTY for an empty or blank cell, so
 * callers decide whether a value is required. */
#ifndef RECIT_PARSE_FR_H
#define RECIT_PARSE_FR_H

#include <stdbool.h>

#include "date.h"

typedef enum { PARSE_OK, PARSE_EMPTY, PARSE_BAD } parse_status;

/* Integer with optional thousands separators (space, U+00A0, U+202F, '.' in
 * groups of three: "26 582", "26.582"), optional sign. No decimals. */
parse_status parse_integer(const char *s, long long *out);

/* Amount in euros as integer cents: "26 582", "26 582 €", "26582,50",
 * "26 582,5 €", "26582.50", "€ 26 582", "26582 EUR". Thousands separators as
 * above; the decimal mark is ',' or '.' (a '.' followed by exactly three
 * digits and more groups is a thousands separator). At most two decimals. */
parse_status parse_amount_cents(const char *s, long long *cents);

/* ISO "2023-12-31" or French "31/12/2023" (also "31-12-2023", "31.12.2023"),
 * as spreadsheets write them:
 *  - a two-digit year ("04/10/21", what a Calc round trip writes) is taken
 *    in the window of 100 years from pivot - 80 to pivot + 19 (so with the
 *    reporting period ending in 2023: 1943 to 2042; "21" is 2021);
 *  - a time after the date ("04/10/2021 00:00:00", "2021-10-04 13:45",
 *    "2021-10-04T00:00:00") is accepted whatever it says, and ignored: the
 *    day is what counts.
 * The date must exist in the calendar. */
parse_status parse_date_pivot(const char *s, int pivot, recit_date *out);
/* parse_date_pivot with the pivot PARSE_DATE_PIVOT: two-digit years from
 * 1930 to 2029, the default window of LibreOffice Calc and Excel. */
#define PARSE_DATE_PIVOT 2010
parse_status parse_date(const char *s, recit_date *out);

/* oui/non, o/n, yes/no, y/n, vrai/faux, true/false, 1/0, x/"" is not
 * accepted (empty is PARSE_EMPTY). Case and accents ignored. */
parse_status parse_yes_no(const char *s, bool *out);

/* A short, human-readable description of what each parser accepts, for
 * "expected ..." messages: English message ids, to pass through _(). */
extern const char *const PARSE_EXPECT_INTEGER;
extern const char *const PARSE_EXPECT_AMOUNT;
extern const char *const PARSE_EXPECT_DATE;
extern const char *const PARSE_EXPECT_YES_NO;

#endif
