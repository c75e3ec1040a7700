/* sheet_read.c - .xlsx and .ods sheets into csv_table (see sheet_read.h).
 *
 * Both formats are a zip of XML parts. Office Open XML (.xlsx): the sheets
 * are listed in xl/workbook.xml, found through xl/_rels/workbook.xml.rels;
 * strings live in xl/sharedStrings.xml and dates are numbers whose style
 * (xl/styles.xml, cellXfs -> numFmt) is a date format. OpenDocument (.ods):
 * every sheet is a table:table of content.xml, and cells carry their type
 * (office:value-type) and typed value. */
#include "sheet_read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "date.h"
#include "i18n.h"
#include "util.h"
#include "xml_read.h"
#include "zip_read.h"

/* --- small XML helpers ------------------------------------------------------- */

static bool is_el(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNode *first_el(xmlNode *parent, const char *name)
{
	for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
		if (is_el(c, name))
			return c;
	return NULL;
}

/* Text of every <t> below n except phonetic runs (<rPh>): .xlsx strings. */
static void xlsx_text(const xmlNode *n, strbuf *out)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (is_el(c, "rPh"))
			continue;
		if (is_el(c, "t")) {
			xmlChar *s = xmlNodeGetContent(c);
			if (s)
				strbuf_puts(out, (const char *)s);
			xmlFree(s);
		} else if (c->type == XML_ELEMENT_NODE)
			xlsx_text(c, out);
	}
}

/* Text of an .ods paragraph: spans nested, <text:s text:c="n"/> spaces,
 * tabs and line breaks. */
static void ods_text(const xmlNode *n, strbuf *out)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				strbuf_puts(out, (const char *)c->content);
		} else if (is_el(c, "s")) {
			char *k = xml_attr_dup(c, "c");
			long v = k ? strtol(k, NULL, 10) : 1;
			free(k);
			for (long i = 0; i < (v < 1 ? 1 : v > 64 ? 64 : v); i++)
				strbuf_putc(out, ' ');
		} else if (is_el(c, "tab")) {
			strbuf_putc(out, '\t');
		} else if (is_el(c, "line-break")) {
			strbuf_putc(out, '\n');
		} else if (is_el(c, "annotation")) {
			continue; /* a comment on the cell is not its value */
		} else if (c->type == XML_ELEMENT_NODE) {
			ods_text(c, out);
		}
	}
}

/* A number as a CSV export writes it: "26582", "26582.5", not 26582.000001. */
static char *number_text(const char *v)
{
	char *end = NULL;
	errno = 0;
	double x = strtod(v, &end);
	if (!end || end == v || *end || errno)
		return xstrdup(v);
	if (x > -1e15 && x < 1e15 && x == (double)(long long)x)
		return xasprintf("%lld", (long long)x);
	return xasprintf("%.15g", x);
}

/* --- the sheet being read ---------------------------------------------------- */

typedef struct {
	diag_sink *d;
	char *name; /* "path:Sheet!" */
	csv_builder *b;
	char **row;  /* texts of the current row, index = column - 1 */
	size_t ncells; /* columns used in the current row */
	bool failed;
} sheet;

static void sheet_begin(sheet *s, diag_sink *d, const char *path, const char *sheet_name)
{
	*s = (sheet){.d = d};
	s->name = xasprintf("%s:%s!", path, sheet_name);
	s->b = csv_builder_create(d, s->name);
	s->row = xcalloc(SHEET_MAX_COLS, sizeof *s->row);
}

static void clear_row(sheet *s)
{
	for (size_t i = 0; i < s->ncells; i++) {
		free(s->row[i]);
		s->row[i] = NULL;
	}
	s->ncells = 0;
}

static void sheet_error_cells(sheet *s, int row)
{
	diag_emit(s->d, DIAG_ERROR, SRC_LOC(s->name, row, 0), NULL,
		  "the sheet has more than %zu cells, the most Récit reads", SHEET_MAX_CELLS);
	s->failed = true;
}

/* Put cell col (1-based) of the row; false (after an error) past the limit. */
static bool put_cell(sheet *s, int row, long col, char *text)
{
	if (col < 1 || col > SHEET_MAX_COLS) {
		char letters[8] = "?";
		if (col >= 1 && col <= 18278)
			diag_column_letters((int)col, letters);
		diag_emit(s->d, DIAG_ERROR, SRC_LOC(s->name, row, col <= 18278 ? (int)col : 0), NULL,
			  "a value in column %s, beyond the %d columns Récit reads", letters,
			  SHEET_MAX_COLS);
		s->failed = true;
		free(text);
		return false;
	}
	free(s->row[col - 1]);
	s->row[col - 1] = text;
	if ((size_t)col > s->ncells)
		s->ncells = (size_t)col;
	return true;
}

static bool row_blank(const sheet *s)
{
	for (size_t i = 0; i < s->ncells; i++)
		if (s->row[i] && *s->row[i])
			return false;
	return true;
}

/* Give the current row to the table times times (.ods repeated rows),
 * numbered from row; blank rows are skipped as in a CSV file. */
static void emit_row(sheet *s, long row, unsigned long times)
{
	if (s->failed || row_blank(s))
		return;
	for (unsigned long k = 0; k < times; k++) {
		long r = row + (long)k;
		if (r > SHEET_MAX_ROWS) {
			diag_emit(s->d, DIAG_ERROR, SRC_LOC(s->name, SHEET_MAX_ROWS, 0), NULL,
				  "values beyond row %d, the last Récit reads", SHEET_MAX_ROWS);
			s->failed = true;
			return;
		}
		if (csv_builder_cells(s->b) + s->ncells > SHEET_MAX_CELLS) {
			sheet_error_cells(s, (int)r);
			return;
		}
		for (size_t i = 0; i < s->ncells; i++)
			csv_builder_cell(s->b, s->row[i] ? s->row[i] : "", (int)r);
		csv_builder_end_row(s->b, (int)r);
	}
}

static csv_table *sheet_end(sheet *s, int date_system)
{
	clear_row(s);
	free(s->row);
	csv_table *t = NULL;
	if (s->failed)
		csv_builder_destroy(s->b);
	else
		t = csv_builder_finish(s->b, date_system);
	free(s->name);
	return t;
}

/* Is the sheet name the one wanted ("Activité" for activite.xlsx)? */
static bool name_matches(const char *sheet_name, const char *want)
{
	size_t a = strlen(sheet_name) + 1, b = strlen(want) + 1;
	char *x = xmalloc(a), *y = xmalloc(b);
	csv_normalize_name(sheet_name, x, a);
	csv_normalize_name(want, y, b);
	bool same = *x && strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

/* An XML part of the archive, parsed; NULL when absent (and !required) or
 * after an error. */
static xmlDoc *read_part(diag_sink *d, zip_archive *za, const char *path, const char *part,
			 bool required)
{
	long i = zip_archive_find(za, part);
	if (i < 0) {
		if (required)
			diag_emit(d, DIAG_ERROR, SRC_LOC(path, 0, 0), NULL,
				  "expected %s in the workbook, found none: is it really a "
				  "spreadsheet saved by Calc or Excel?",
				  part);
		return NULL;
	}
	size_t len = 0;
	char *data = zip_archive_read(za, (size_t)i, &len);
	if (!data)
		return NULL;
	char *name = xasprintf("%s:%s", path, part);
	xmlDoc *x = xml_read_memory(d, name, data, len, zip_archive_limits(za)->max_entry_bytes);
	free(name);
	free(data);
	return x;
}

/* --- .xlsx ----------------------------------------------------------------------- */

typedef struct {
	char **strings; /* shared strings */
	size_t n_strings;
	bool *date_style; /* per cellXfs index */
	size_t n_styles;
	int date_system;
} xlsx_book;

static void xlsx_shared_strings(diag_sink *d, zip_archive *za, const char *path, xlsx_book *wb)
{
	xmlDoc *x = read_part(d, za, path, "xl/sharedStrings.xml", false);
	if (!x)
		return;
	size_t cap = 0;
	for (xmlNode *si = xmlDocGetRootElement(x)->children; si; si = si->next) {
		if (!is_el(si, "si"))
			continue;
		strbuf b = {0};
		xlsx_text(si, &b);
		if (wb->n_strings == cap) {
			cap = cap ? 2 * cap : 256;
			wb->strings = xreallocarray(wb->strings, cap, sizeof *wb->strings);
		}
		wb->strings[wb->n_strings++] = b.data ? strbuf_detach(&b) : xstrdup("");
	}
	xmlFreeDoc(x);
}

/* Does a number format show a date? Its code has a day, month or year
 * outside quotes, brackets (colours, [h] durations) and escapes. */
static bool format_is_date(const char *code)
{
	bool q = false, has_d = false, has_y = false;
	int br = 0;
	for (const char *p = code; *p; p++) {
		if (*p == '"')
			q = !q;
		else if (q)
			continue;
		else if (*p == '\\' && p[1])
			p++;
		else if (*p == '[')
			br++;
		else if (*p == ']' && br > 0)
			br--;
		else if (br == 0 && (*p == 'd' || *p == 'D' || *p == 'j' || *p == 'J'))
			has_d = true;
		else if (br == 0 && (*p == 'y' || *p == 'Y' || *p == 'a' || *p == 'A'))
			has_y = true;
	}
	return has_d || has_y;
}

static bool builtin_date_format(long id)
{
	/* ECMA-376 18.8.30: 14-22 dates and date-times, 45-47 times (not
	 * dates); 27-36 and 50-58 locale-specific dates. */
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

static void xlsx_styles(diag_sink *d, zip_archive *za, const char *path, xlsx_book *wb)
{
	xmlDoc *x = read_part(d, za, path, "xl/styles.xml", false);
	if (!x)
		return;
	xmlNode *root = xmlDocGetRootElement(x);
	/* Custom formats: id -> is a date. */
	long *ids = NULL;
	size_t n_ids = 0, cap = 0;
	for (xmlNode *f = first_el(first_el(root, "numFmts"), "numFmt"); f; f = f->next) {
		if (!is_el(f, "numFmt"))
			continue;
		char *id = xml_attr_dup(f, "numFmtId"), *code = xml_attr_dup(f, "formatCode");
		if (id && code && format_is_date(code)) {
			if (n_ids == cap) {
				cap = cap ? 2 * cap : 16;
				ids = xreallocarray(ids, cap, sizeof *ids);
			}
			ids[n_ids++] = strtol(id, NULL, 10);
		}
		free(id);
		free(code);
	}
	size_t scap = 0;
	for (xmlNode *xf = first_el(first_el(root, "cellXfs"), "xf"); xf; xf = xf->next) {
		if (!is_el(xf, "xf"))
			continue;
		char *v = xml_attr_dup(xf, "numFmtId");
		long id = v ? strtol(v, NULL, 10) : 0;
		free(v);
		bool date = builtin_date_format(id);
		for (size_t i = 0; i < n_ids && !date; i++)
			date = ids[i] == id;
		if (wb->n_styles == scap) {
			scap = scap ? 2 * scap : 64;
			wb->date_style = xreallocarray(wb->date_style, scap, sizeof *wb->date_style);
		}
		wb->date_style[wb->n_styles++] = date;
	}
	free(ids);
	xmlFreeDoc(x);
}

/* "C14" -> column 3 (0 when the reference has no letters). */
static long ref_column(const char *ref)
{
	long col = 0;
	for (const char *p = ref; *p >= 'A' && *p <= 'Z'; p++) {
		col = col * 26 + (*p - 'A' + 1);
		if (col > 1000000)
			return 1000000;
	}
	return col;
}

static char *xlsx_value(sheet *s, const xlsx_book *wb, xmlNode *c, int row, long col)
{
	char *t = xml_attr_dup(c, "t"), *st = xml_attr_dup(c, "s");
	long style = st ? strtol(st, NULL, 10) : 0;
	free(st);
	char *out = NULL;
	if (t && strcmp(t, "inlineStr") == 0) {
		strbuf b = {0};
		xmlNode *is = first_el(c, "is");
		if (is)
			xlsx_text(is, &b);
		out = b.data ? strbuf_detach(&b) : xstrdup("");
		free(t);
		return out;
	}
	xmlNode *v = first_el(c, "v");
	xmlChar *raw = v ? xmlNodeGetContent(v) : NULL;
	const char *text = raw ? (const char *)raw : "";
	if (!t || strcmp(t, "n") == 0) {
		double x = 0;
		char *end = NULL;
		recit_date dt;
		if (*text && style >= 0 && (size_t)style < wb->n_styles && wb->date_style[style] &&
		    (x = strtod(text, &end), end && !*end) &&
		    date_from_serial((long)x, wb->date_system, &dt)) {
			char iso[11];
			date_iso(dt, iso);
			out = xstrdup(iso);
		} else
			out = number_text(text);
	} else if (strcmp(t, "s") == 0) {
		char *end = NULL;
		long i = strtol(text, &end, 10);
		if (!*text || *end || i < 0 || (size_t)i >= wb->n_strings) {
			diag_emit(s->d, DIAG_ERROR, SRC_LOC(s->name, row, (int)col), NULL,
				  "the cell refers to shared string %s, which the workbook does "
				  "not have (%zu strings)",
				  text, wb->n_strings);
			out = xstrdup("");
		} else
			out = xstrdup(wb->strings[i]);
	} else {
		/* "str" (a formula's text), "b" (1 or 0), "d" (ISO date),
		 * "e" (#N/A...: the loader says it is no valid value). */
		out = xstrdup(text);
	}
	xmlFree(raw);
	free(t);
	return out;
}

static void xlsx_sheet(sheet *s, const xlsx_book *wb, xmlDoc *x)
{
	xmlNode *data = first_el(xmlDocGetRootElement(x), "sheetData");
	long row = 0;
	for (xmlNode *r = data ? data->children : NULL; r && !s->failed; r = r->next) {
		if (!is_el(r, "row"))
			continue;
		char *rv = xml_attr_dup(r, "r");
		long rn = rv ? strtol(rv, NULL, 10) : row + 1;
		free(rv);
		if (rn <= row || rn > SHEET_MAX_ROWS) {
			if (rn > SHEET_MAX_ROWS) {
				diag_emit(s->d, DIAG_ERROR, SRC_LOC(s->name, SHEET_MAX_ROWS, 0), NULL,
					  "values beyond row %d, the last Récit reads",
					  SHEET_MAX_ROWS);
				s->failed = true;
				break;
			}
			rn = row + 1; /* out of order: keep reading in document order */
		}
		row = rn;
		long col = 0;
		for (xmlNode *c = r->children; c && !s->failed; c = c->next) {
			if (!is_el(c, "c"))
				continue;
			char *ref = xml_attr_dup(c, "r");
			long cn = ref ? ref_column(ref) : 0;
			free(ref);
			col = cn > 0 ? cn : col + 1;
			if (col > SHEET_MAX_COLS) {
				/* An empty, styled cell far right is harmless. */
				if (!first_el(c, "v") && !first_el(c, "is"))
					continue;
			}
			put_cell(s, (int)row, col, xlsx_value(s, wb, c, (int)row, col));
		}
		emit_row(s, row, 1);
		clear_row(s);
	}
}

/* Target of relationship id in xl/_rels/workbook.xml.rels, as an archive path. */
static char *xlsx_target(diag_sink *d, zip_archive *za, const char *path, const char *rid)
{
	xmlDoc *x = read_part(d, za, path, "xl/_rels/workbook.xml.rels", false);
	if (!x)
		return NULL;
	char *out = NULL;
	for (xmlNode *r = xmlDocGetRootElement(x)->children; r && !out; r = r->next) {
		if (!is_el(r, "Relationship"))
			continue;
		char *id = xml_attr_dup(r, "Id"), *target = xml_attr_dup(r, "Target");
		if (id && target && strcmp(id, rid) == 0)
			out = target[0] == '/' ? xstrdup(target + 1) : xasprintf("xl/%s", target);
		free(id);
		free(target);
	}
	xmlFreeDoc(x);
	return out;
}

static csv_table *read_xlsx(diag_sink *d, const char *path, const char *want)
{
	zip_archive *za =
		zip_archive_open(d, path, _("an Excel workbook (.xlsx, a zip archive)"), NULL);
	if (!za)
		return NULL;
	xmlDoc *book = read_part(d, za, path, "xl/workbook.xml", true);
	if (!book) {
		zip_archive_close(za);
		return NULL;
	}
	xlsx_book wb = {.date_system = 1900};
	xmlNode *root = xmlDocGetRootElement(book);
	xmlNode *pr = first_el(root, "workbookPr");
	char *d1904 = pr ? xml_attr_dup(pr, "date1904") : NULL;
	if (d1904 && (strcmp(d1904, "1") == 0 || strcmp(d1904, "true") == 0))
		wb.date_system = 1904;
	free(d1904);
	/* The sheet named like the file, or the first. */
	xmlNode *chosen = NULL;
	size_t index = 0, chosen_index = 0;
	bool chosen_named = false;
	for (xmlNode *sh = first_el(first_el(root, "sheets"), "sheet"); sh; sh = sh->next) {
		if (!is_el(sh, "sheet"))
			continue;
		char *name = xml_attr_dup(sh, "name");
		bool named = name && name_matches(name, want);
		if (!chosen || (named && !chosen_named)) {
			chosen = sh;
			chosen_index = index;
			chosen_named = named;
		}
		free(name);
		index++;
	}
	if (!chosen) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(path, 0, 0), NULL,
			  "the workbook lists no sheet in xl/workbook.xml");
		xmlFreeDoc(book);
		zip_archive_close(za);
		return NULL;
	}
	char *sheet_name = xml_attr_dup(chosen, "name");
	char *rid = xml_attr_dup(chosen, "id"); /* r:id */
	xmlFreeDoc(book);
	char *part = rid ? xlsx_target(d, za, path, rid) : NULL;
	if (!part)
		part = xasprintf("xl/worksheets/sheet%zu.xml", chosen_index + 1);
	csv_table *t = NULL;
	if (zip_archive_find(za, part) < 0) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(path, 0, 0), NULL,
			  "the sheet \"%s\" is listed in the workbook but its part %s is missing",
			  sheet_name ? sheet_name : "?", part);
	} else {
		xlsx_shared_strings(d, za, path, &wb);
		xlsx_styles(d, za, path, &wb);
		xmlDoc *x = read_part(d, za, path, part, true);
		if (x) {
			sheet s;
			sheet_begin(&s, d, path, sheet_name ? sheet_name : "?");
			xlsx_sheet(&s, &wb, x);
			t = sheet_end(&s, wb.date_system);
			xmlFreeDoc(x);
		}
	}
	for (size_t i = 0; i < wb.n_strings; i++)
		free(wb.strings[i]);
	free(wb.strings);
	free(wb.date_style);
	free(part);
	free(rid);
	free(sheet_name);
	zip_archive_close(za);
	return t;
}

/* --- .ods ------------------------------------------------------------------------ */

static unsigned long repeat_of(const xmlNode *n, const char *attr)
{
	char *v = xml_attr_dup(n, attr);
	unsigned long r = 1;
	if (v) {
		char *end = NULL;
		errno = 0;
		r = strtoul(v, &end, 10);
		if (errno || !end || *end || r < 1 || v[0] == '-')
			r = errno == ERANGE ? (unsigned long)-1 : 1;
	}
	free(v);
	return r;
}

static char *ods_value(const xmlNode *c)
{
	if (is_el(c, "covered-table-cell"))
		return xstrdup(""); /* hidden under a merged cell */
	char *type = xml_attr_dup(c, "value-type");
	char *out = NULL;
	if (type && (!strcmp(type, "float") || !strcmp(type, "percentage") ||
		     !strcmp(type, "currency"))) {
		char *v = xml_attr_dup(c, "value");
		out = v ? number_text(v) : NULL;
		free(v);
	} else if (type && !strcmp(type, "date")) {
		out = xml_attr_dup(c, "date-value");
	} else if (type && !strcmp(type, "boolean")) {
		char *v = xml_attr_dup(c, "boolean-value");
		out = xstrdup(v && !strcmp(v, "true") ? "1" : "0");
		free(v);
	}
	free(type);
	if (out)
		return out;
	strbuf b = {0};
	bool first = true;
	for (xmlNode *p = c->children; p; p = p->next) {
		if (!is_el(p, "p"))
			continue;
		if (!first)
			strbuf_putc(&b, '\n');
		ods_text(p, &b);
		first = false;
	}
	return b.data ? strbuf_detach(&b) : xstrdup("");
}

typedef struct {
	sheet *s;
	long row; /* number of the last row read */
} ods_walk;

static void ods_row(ods_walk *w, xmlNode *r)
{
	sheet *s = w->s;
	long row = w->row + 1;
	unsigned long times = repeat_of(r, "number-rows-repeated");
	unsigned long col = 0; /* columns taken so far */
	for (xmlNode *c = r->children; c && !s->failed; c = c->next) {
		if (!is_el(c, "table-cell") && !is_el(c, "covered-table-cell"))
			continue;
		unsigned long rep = repeat_of(c, "number-columns-repeated");
		char *text = ods_value(c);
		if (!*text) {
			/* Empty cells only move on (Calc pads rows to 1024 or
			 * 16384 columns this way); col stays at most MAX + 1. */
			free(text);
			col = rep > SHEET_MAX_COLS - col ? SHEET_MAX_COLS + 1UL : col + rep;
			continue;
		}
		if (col >= SHEET_MAX_COLS || rep > SHEET_MAX_COLS - col) {
			char letters[8];
			int at = col >= SHEET_MAX_COLS ? SHEET_MAX_COLS : (int)col + 1;
			diag_column_letters(at, letters);
			diag_emit(s->d, DIAG_ERROR,
				  SRC_LOC(s->name, row > SHEET_MAX_ROWS ? SHEET_MAX_ROWS : (int)row, at),
				  NULL,
				  "a value repeated %lu times (number-columns-repeated) from column "
				  "%s, beyond the %d columns Récit reads",
				  rep, letters, SHEET_MAX_COLS);
			s->failed = true;
			free(text);
			break;
		}
		for (unsigned long k = 0; k < rep; k++)
			put_cell(s, (int)(row > SHEET_MAX_ROWS ? SHEET_MAX_ROWS : row),
				 (long)(col + k + 1), k + 1 < rep ? xstrdup(text) : text);
		col += rep;
	}
	if (!row_blank(s) && !s->failed) {
		if (times > (unsigned long)SHEET_MAX_ROWS || row > SHEET_MAX_ROWS ||
		    times > (unsigned long)(SHEET_MAX_ROWS - row + 1)) {
			diag_emit(s->d, DIAG_ERROR,
				  SRC_LOC(s->name, row > SHEET_MAX_ROWS ? SHEET_MAX_ROWS : (int)row, 0),
				  NULL,
				  "a row repeated %lu times (number-rows-repeated), beyond row %d, "
				  "the last Récit reads",
				  times, SHEET_MAX_ROWS);
			s->failed = true;
		} else
			emit_row(s, row, times);
	}
	clear_row(s);
	/* Blank rows, however repeated, only move the row number (kept
	 * bounded: past SHEET_MAX_ROWS a value is an error anyway). */
	unsigned long room = (unsigned long)SHEET_MAX_ROWS * 2 - (unsigned long)w->row;
	w->row += (long)(times > room ? room : times);
}

/* Rows may sit in header-rows, row-groups and rows containers. */
static void ods_rows(ods_walk *w, xmlNode *parent, int depth)
{
	for (xmlNode *r = parent->children; r && !w->s->failed; r = r->next) {
		if (is_el(r, "table-row"))
			ods_row(w, r);
		else if (depth < 8 && (is_el(r, "table-header-rows") || is_el(r, "table-rows") ||
				       is_el(r, "table-row-group")))
			ods_rows(w, r, depth + 1);
	}
}

static csv_table *read_ods(diag_sink *d, const char *path, const char *want)
{
	zip_archive *za = zip_archive_open(
		d, path, _("an OpenDocument spreadsheet (.ods, a zip archive)"), NULL);
	if (!za)
		return NULL;
	xmlDoc *x = read_part(d, za, path, "content.xml", true);
	zip_archive_close(za);
	if (!x)
		return NULL;
	xmlNode *body = first_el(xmlDocGetRootElement(x), "body");
	xmlNode *book = first_el(body, "spreadsheet");
	xmlNode *chosen = NULL;
	bool chosen_named = false;
	for (xmlNode *t = book ? book->children : NULL; t; t = t->next) {
		if (!is_el(t, "table"))
			continue;
		char *name = xml_attr_dup(t, "name");
		bool named = name && name_matches(name, want);
		if (!chosen || (named && !chosen_named)) {
			chosen = t;
			chosen_named = named;
		}
		free(name);
	}
	csv_table *out = NULL;
	if (!chosen) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(path, 0, 0), NULL,
			  "the spreadsheet has no sheet (no table:table in content.xml)");
	} else {
		char *name = xml_attr_dup(chosen, "name");
		sheet s;
		sheet_begin(&s, d, path, name ? name : "?");
		free(name);
		ods_walk w = {&s, 0};
		ods_rows(&w, chosen, 0);
		out = sheet_end(&s, 1900);
	}
	xmlFreeDoc(x);
	return out;
}

/* --- public ---------------------------------------------------------------------- */

static const char *extension(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');
	return dot ? dot + 1 : "";
}

bool sheet_is_workbook(const char *path)
{
	const char *e = extension(path);
	return strcasecmp(e, "xlsx") == 0 || strcasecmp(e, "ods") == 0;
}

csv_table *sheet_read_file(diag_sink *d, const char *path, const char *want)
{
	if (strcasecmp(extension(path), "ods") == 0)
		return read_ods(d, path, want);
	return read_xlsx(d, path, want);
}
