/* sheet_read.h - a workbook's sheet (.xlsx, .ods) as a table of located cells.
 *
 * Coordinators keep their tables in LibreOffice Calc or Excel; Récit reads
 * the workbook itself rather than ask for a CSV export. The sheet read is
 * the one named like the file once case, accents and punctuation are
 * ignored ("activite" in activite.xlsx), or else the first. Its cells feed
 * the same table as a CSV file (csv_read.h), so columns are found by name
 * and every message names the cell: "activite.xlsx:Feuille1!C14: ...".
 *
 * What a cell holds becomes text as a CSV export would write it: a string
 * as is (.xlsx shared and inline strings, .ods text:p paragraphs joined by
 * line breaks), a number in plain digits with '.' as decimal mark ("26582",
 * "26582.5"), a date as ISO "2021-10-04" (.xlsx numbers whose style is a
 * date format, .ods office:date-value), a boolean as 1 or 0. Unstyled serial
 * numbers in date columns are the loader's business
 * (csv_table_date_system).
 *
 * Untrusted input: the zip goes through zip_read (entry count, sizes,
 * compression ratio), each XML part through xml_read (size, no DTD or
 * entities). A sheet is read up to SHEET_MAX_COLS columns and
 * SHEET_MAX_ROWS rows with at most SHEET_MAX_CELLS cells given to the table;
 * repeats (.ods number-columns-repeated, number-rows-repeated) are expanded
 * only where something follows them, and a repeat that would pass a limit is
 * an error at its cell, never an allocation. */
#ifndef RECIT_SHEET_READ_H
#define RECIT_SHEET_READ_H

#include "csv_read.h"
#include "diag.h"

#define SHEET_MAX_COLS 1024
#define SHEET_MAX_ROWS 1048576
#define SHEET_MAX_CELLS ((size_t)4 << 20)

/* Is the path a workbook Récit reads (by its extension: .xlsx, .ods)? */
bool sheet_is_workbook(const char *path);

/* Read the sheet named like want (or the first) of the workbook at path.
 * path must outlive d's use of it. NULL after an error on d. */
csv_table *sheet_read_file(diag_sink *d, const char *path, const char *want);

#endif
