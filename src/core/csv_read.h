/* csv_read.h - read a spreadsheet export into a table of located cells.
 *
 * Handles what coordinators' spreadsheets produce: UTF-8 with or without a
 * BOM, comma, semicolon or tab separators (detected from the header line:
 * the most frequent outside quotes, ';' on a tie), CRLF, LF or lone CR,
 * quoted fields with embedded separators, quotes and newlines. A file that
 * is not valid UTF-8 but is valid Windows-1252 is converted, with a warning
 * telling how to save it as UTF-8; anything else is refused with the location
 * of the first bad byte. Parsing is done by libcsv; line and column numbers
 * are computed here (libcsv tracks none).
 *
 * Locations: line is the 1-based line where a field starts (a quoted field
 * spanning lines shifts the lines after it); column is the 1-based field
 * index within the row, not a character offset, since that is what a
 * spreadsheet user can find.
 *
 * Cells are trimmed of spaces, tabs, line breaks, U+00A0 and U+202F, quoted
 * or not; line breaks inside a quoted cell become '\n'. Rows whose fields
 * are all empty are skipped silently. The first other row is the header.
 * A row with more non-empty fields than the header is an error (the extra
 * fields are dropped); empty trailing fields beyond the header are ignored;
 * a shorter row is fine.
 *
 * Columns are addressed by header name, in any order. Names are compared
 * after csv_normalize_name(): case, accents, spaces, hyphens and underscores
 * do not matter ("Date d'entrée" == "date_entree"). */
#ifndef RECIT_CSV_READ_H
#define RECIT_CSV_READ_H

#include <stddef.h>

#include "diag.h"

typedef struct csv_table csv_table;

typedef struct {
	const char *text; /* UTF-8, NUL-terminated, surrounding blanks trimmed; "" if absent */
	int line;         /* 1-based line where the field starts (0 if the row is short) */
	int col;          /* 1-based column (field index) */
} csv_cell;

typedef struct {
	size_t max_bytes;      /* refuse larger files (default 64 MiB when 0) */
	size_t max_field_bytes; /* refuse larger fields (default 64 KiB when 0) */
} csv_limits;

/* Read and parse path. Problems are reported to d with file:line:col.
 * Returns NULL when the file cannot be used at all (unreadable, too large,
 * not text, malformed quotes, a field over the limit, empty, no header);
 * otherwise a table, possibly after warnings or errors that concern only
 * some cells (duplicate header names, rows with too many fields): check
 * diag_failed(d). A header without rows gives a table of 0 rows. */
csv_table *csv_table_read_file(diag_sink *d, const char *path, const csv_limits *lim);
/* Same from memory; name is used in messages (copied). */
csv_table *csv_table_read_buffer(diag_sink *d, const char *name, const char *data,
				 size_t len, const csv_limits *lim);
void csv_table_destroy(csv_table *t);

const char *csv_table_name(const csv_table *t);
char csv_table_separator(const csv_table *t); /* ',', ';' or '\t' */
size_t csv_table_ncols(const csv_table *t);   /* header columns */
size_t csv_table_nrows(const csv_table *t);   /* data rows (header excluded, blank rows skipped) */
const char *csv_table_header(const csv_table *t, size_t col);
/* Index of the first column whose normalised header equals the normalised
 * name, or -1 (always for a name that normalises to ""). */
int csv_table_find(const csv_table *t, const char *name);
/* Cell at (row, col); never NULL. A row shorter than the header yields
 * text "" for the missing cells. */
const csv_cell *csv_table_cell(const csv_table *t, size_t row, size_t col);
/* Line where data row `row` starts. */
int csv_table_row_line(const csv_table *t, size_t row);

/* A table from another source: a workbook's sheet (core/sheet_read.c).
 * Cells are given row by row, from column A, each with its row number as
 * its line; the first non-blank row is the header, and the rules are the
 * CSV file's (trimming, blank rows, extra fields, duplicate names). The
 * table's name ends in '!' ("activite.xlsx:Feuille1!") so that messages
 * print cell references (diag.h). */
typedef struct csv_builder csv_builder;
csv_builder *csv_builder_create(diag_sink *d, const char *name);
void csv_builder_cell(csv_builder *b, const char *text, int line);
void csv_builder_end_row(csv_builder *b, int line);
size_t csv_builder_cells(const csv_builder *b); /* cells given so far */
/* The table (NULL after an error on d: no header, a field over the limit);
 * date_system is the workbook's (1900 or 1904, for serial dates). Frees b. */
csv_table *csv_builder_finish(csv_builder *b, int date_system);
void csv_builder_destroy(csv_builder *b); /* after an error, instead of finish */
/* 1900 or 1904 for a workbook's sheet, whose date columns may hold serial
 * day numbers; 0 for a CSV file. */
int csv_table_date_system(const csv_table *t);

/* Case-folded, accents removed, compatibility forms spelled out (é->e,
 * ç->c, œ->oe, ß->ss, "ﬁ"->fi, whether the accents are precomposed or
 * combining: text_normalize), runs of spaces, hyphens, underscores,
 * apostrophes (' ’) and dots folded to one '_', trimmed. A French elided word before an
 * apostrophe is dropped (d' l' qu'...: "Date d'entrée" -> "date_entree") and
 * so is the inclusive-writing middle dot ("coopérant·es" -> "cooperantes").
 * Other characters are kept. Writes at most cap bytes including the NUL,
 * never cutting a character; an output buffer of strlen(in) + 1 is enough
 * for names (a compatibility form such as "½" can spell longer: cut). */
void csv_normalize_name(const char *in, char *out, size_t cap);

#endif
