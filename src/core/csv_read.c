/* csv_read.c - spreadsheet CSV exports into located cells.
 *
 * libcsv does the quoting rules; everything it does not know about is done
 * here: encodings, separator detection, line numbers, trimming, the header.
 *
 * What makes the whole file unusable (NULL is returned): too large, UTF-16,
 * NUL bytes, bytes that are neither UTF-8 nor Windows-1252, malformed quotes,
 * over-long fields, no header. What only concerns some cells (duplicate
 * header names, rows with extra fields) is reported as an error and the table
 * is still returned, so that the caller can go on checking the other rows in
 * the same run. */
#include "csv_read.h"

#include <csv.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv_int.h"
#include "i18n.h"
#include "text.h"
#include "text_safe.h"
#include "util.h"

#define DEFAULT_MAX_BYTES ((size_t)64 << 20)
#define DEFAULT_MAX_FIELD ((size_t)64 << 10)
#define ARENA_BLOCK ((size_t)64 << 10)

static const char *const SAVE_AS_UTF8 = N_("save it as 'CSV UTF-8' in your spreadsheet");

/* Cell texts live in a few large blocks rather than one allocation each:
 * tables have tens of thousands of small cells and are freed all at once. */
typedef struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	char data[];
} arena_block;

static char *arena_strndup(arena_block **a, const char *s, size_t n)
{
	arena_block *b = *a;
	if (!b || b->cap - b->used < n + 1) {
		size_t cap = n + 1 > ARENA_BLOCK ? n + 1 : ARENA_BLOCK;
		b = xmalloc(sizeof *b + cap);
		b->next = *a;
		b->used = 0;
		b->cap = cap;
		*a = b;
	}
	char *p = b->data + b->used;
	memcpy(p, s, n);
	p[n] = '\0';
	b->used += n + 1;
	return p;
}

/* A cell or header kept in Unicode normal form C, so that every later
 * comparison of ids, codes and names sees one spelling of each letter
 * (an accent typed as a combining mark compares equal to the precomposed
 * one). Plain ASCII, the common case, is copied as is. */
static char *arena_nfc(arena_block **a, const char *s)
{
	if (text_is_nfc(s))
		return arena_strndup(a, s, strlen(s));
	char *n = text_normalize(s, 0);
	char *r = arena_strndup(a, n, strlen(n));
	free(n);
	return r;
}

static void arena_free(arena_block *a)
{
	while (a) {
		arena_block *next = a->next;
		free(a);
		a = next;
	}
}

struct csv_table {
	char *name;
	char sep;
	size_t ncols;
	const char **headers; /* trimmed, as written */
	const char **norm;    /* csv_normalize_name() of each header */
	size_t nrows, cap_rows;
	csv_cell *cells; /* nrows * ncols, row-major */
	int *row_lines;
	arena_block *arena;
	int date_system; /* a workbook's: 1900 or 1904; 0 for a CSV file */
};

/* --- UTF-8 helpers ---------------------------------------------------------- */

static size_t utf8_invalid_at(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = csv_utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFFFFFFu)
			return i;
		i += k;
	}
	return n;
}

static void utf8_put(strbuf *b, uint32_t cp)
{
	char u[3];
	if (cp < 0x80) {
		strbuf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(b, u, 2);
	} else {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(b, u, 3);
	}
}

/* 0x80..0x9F of Windows-1252; 0 marks the five bytes it leaves undefined. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
	0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static bool looks_cp1252(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 0x80 && s[i] <= 0x9F && cp1252_high[s[i] - 0x80] == 0)
			return false;
	return true;
}

/* Whether any well-formed multi-byte UTF-8 sequence occurs. Windows-1252
 * text almost never forms one by chance, so a file with both is two files
 * pasted together, and converting it would garble the UTF-8 half. */
static bool has_utf8_sequence(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = csv_utf8_decode(s + i, n - i, &cp);
		if (k > 1)
			return true;
		i += k;
	}
	return false;
}

static char *cp1252_to_utf8(const unsigned char *s, size_t n, size_t *out_len)
{
	strbuf b = {0};
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		if (c < 0x80)
			strbuf_putc(&b, (char)c);
		else if (c < 0xA0)
			utf8_put(&b, cp1252_high[c - 0x80]);
		else
			utf8_put(&b, c);
	}
	*out_len = b.len;
	return strbuf_detach(&b);
}

/* --- locations and separator -------------------------------------------------- */

static bool is_break(const unsigned char *s, size_t n, size_t i)
{
	return s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n'));
}

/* Line and field index of byte off, for problems found before parsing (bad
 * bytes). A plain quote toggle is exact for well-formed quoting, and that is
 * all the encoding checks need. */
static src_loc locate(const char *file, const unsigned char *s, size_t n, size_t off,
		      char sep)
{
	src_loc loc = {file, 1, 1};
	bool quoted = false;
	for (size_t i = 0; i < off && i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && s[i] == (unsigned char)sep)
			loc.col++;
		if (is_break(s, n, i)) {
			loc.line++;
			if (!quoted)
				loc.col = 1;
		}
	}
	return loc;
}

/* Count candidate separators outside quotes on the first line that has
 * content; leading lines of bare separators (an empty spreadsheet row) say
 * nothing about which one is used. */
static char detect_separator(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		bool content = false;
		while (j < n && s[j] != '\n' && s[j] != '\r') {
			if (!strchr(" \t,;\"", s[j]))
				content = true;
			j++;
		}
		if (content)
			break;
		while (j < n && (s[j] == '\n' || s[j] == '\r'))
			j++;
		i = j;
	}
	size_t comma = 0, semi = 0, tab = 0;
	bool quoted = false;
	for (; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == '\n' || s[i] == '\r')
			break;
		else if (s[i] == ',')
			comma++;
		else if (s[i] == ';')
			semi++;
		else if (s[i] == '\t')
			tab++;
	}
	/* Ties and single-column files go to ';': French exports use it, and a
	 * ',' in the data is then a decimal comma rather than a new field. */
	if (semi >= comma && semi >= tab)
		return ';';
	return comma >= tab ? ',' : '\t';
}

/* --- parsing -------------------------------------------------------------------- */

typedef struct {
	diag_sink *d;
	csv_table *t;
	size_t max_field;
	int line;       /* line of the bytes being fed to libcsv */
	int field_line; /* line where the current field starts */
	int row_line;
	bool row_pending; /* between rows: the next significant byte starts one */
	bool have_header;
	bool unusable;
	strbuf text;  /* fields of the current row, each NUL-terminated */
	size_t *offs; /* start of each field in text */
	int *lines;
	size_t nf, capf;
} parse_ctx;

static src_loc at(const parse_ctx *c, int line, size_t col)
{
	return SRC_LOC(c->t->name, line, (int)col);
}

static size_t blank_prefix(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			i++;
		else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
			i += 2;
		else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
			 (unsigned char)s[i + 2] == 0xAF)
			i += 3;
		else
			break;
	}
	return i;
}

static size_t blank_suffix(const char *s, size_t n)
{
	size_t e = n;
	while (e > 0) {
		unsigned char c = (unsigned char)s[e - 1];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			e--;
		else if (e >= 2 && c == 0xA0 && (unsigned char)s[e - 2] == 0xC2)
			e -= 2;
		else if (e >= 3 && c == 0xAF && (unsigned char)s[e - 2] == 0x80 &&
			 (unsigned char)s[e - 3] == 0xE2)
			e -= 3;
		else
			break;
	}
	return n - e;
}

static void on_field(void *field, size_t len, void *data)
{
	parse_ctx *c = data;
	const char *s = field ? field : "";
	if (c->nf == c->capf) {
		c->capf = c->capf ? 2 * c->capf : 16;
		c->offs = xreallocarray(c->offs, c->capf, sizeof *c->offs);
		c->lines = xreallocarray(c->lines, c->capf, sizeof *c->lines);
	}
	c->offs[c->nf] = c->text.len;
	c->lines[c->nf] = c->field_line;
	if (len > c->max_field) {
		diag_emit(c->d, DIAG_ERROR, at(c, c->field_line, c->nf + 1), NULL,
			  "field is %zu bytes long, more than the limit of %zu bytes",
			  len, c->max_field);
		c->unusable = true;
	} else {
		size_t b = blank_prefix(s, len);
		size_t e = len - blank_suffix(s + b, len - b);
		/* Multi-line cells keep their breaks, as plain '\n'. */
		for (size_t i = b; i < e; i++) {
			if (s[i] == '\r') {
				strbuf_putc(&c->text, '\n');
				if (i + 1 < e && s[i + 1] == '\n')
					i++;
			} else {
				strbuf_putc(&c->text, s[i]);
			}
		}
	}
	strbuf_putc(&c->text, '\0');
	/* Bidirectional controls and control characters are refused here,
	 * for CSV files and workbooks' sheets alike (text_safe.h). */
	text_check_data(c->d, at(c, c->field_line, c->nf + 1), NULL, c->text.data + c->offs[c->nf],
			false);
	c->nf++;
	/* After a separator, the next field starts on the same line; after a
	 * row end, the main loop moves it to where the next row starts. */
	c->field_line = c->line;
}

static void set_header(parse_ctx *c)
{
	csv_table *t = c->t;
	t->ncols = c->nf;
	t->headers = xcalloc(t->ncols, sizeof *t->headers);
	t->norm = xcalloc(t->ncols, sizeof *t->norm);
	for (size_t i = 0; i < t->ncols; i++) {
		const char *h = c->text.data + c->offs[i];
		size_t n = strlen(h);
		t->headers[i] = arena_nfc(&t->arena, h);
		char *norm = xmalloc(n + 1);
		csv_normalize_name(h, norm, n + 1);
		t->norm[i] = arena_strndup(&t->arena, norm, strlen(norm));
		free(norm);
		src_loc loc = at(c, c->lines[i], i + 1);
		if (!*h) {
			diag_emit(c->d, DIAG_WARNING, loc, NULL,
				  "column %zu has no name in the header line; its values "
				  "are ignored",
				  i + 1);
		} else if (!*t->norm[i]) {
			diag_emit(c->d, DIAG_WARNING, loc, NULL,
				  "column %zu has no usable name (\"%s\"); its values "
				  "are ignored",
				  i + 1, h);
		}
	}
	for (size_t j = 1; j < t->ncols; j++) {
		if (!*t->norm[j])
			continue;
		for (size_t i = 0; i < j; i++) {
			if (strcmp(t->norm[i], t->norm[j]) == 0) {
				diag_emit(c->d, DIAG_ERROR, at(c, c->lines[j], j + 1), NULL,
					  "columns %zu (\"%s\") and %zu (\"%s\") have the "
					  "same name once case, accents and punctuation "
					  "are ignored; rename one of them",
					  i + 1, t->headers[i], j + 1, t->headers[j]);
				break;
			}
		}
	}
}

static void add_row(parse_ctx *c)
{
	csv_table *t = c->t;
	size_t used = c->nf;
	while (used > 0 && !c->text.data[c->offs[used - 1]])
		used--;
	/* Trailing empty fields beyond the header lose nothing: spreadsheets
	 * emit them for a column that once held data. */
	if (used > t->ncols) {
		diag_emit(c->d, DIAG_ERROR, at(c, c->lines[t->ncols], t->ncols + 1), NULL,
			  "row has %zu fields, header has %zu; the extra fields are "
			  "ignored",
			  used, t->ncols);
	}
	if (t->nrows == t->cap_rows) {
		t->cap_rows = t->cap_rows ? 2 * t->cap_rows : 64;
		t->cells = xreallocarray(t->cells, t->cap_rows, t->ncols * sizeof *t->cells);
		t->row_lines = xreallocarray(t->row_lines, t->cap_rows, sizeof *t->row_lines);
	}
	csv_cell *row = t->cells + t->nrows * t->ncols;
	for (size_t i = 0; i < t->ncols; i++) {
		if (i < c->nf) {
			const char *s = c->text.data + c->offs[i];
			row[i].text = *s ? arena_nfc(&t->arena, s) : "";
			row[i].line = c->lines[i];
		} else {
			row[i].text = "";
			row[i].line = 0;
		}
		row[i].col = (int)i + 1;
	}
	t->row_lines[t->nrows++] = c->row_line;
}

static void on_row(int term, void *data)
{
	parse_ctx *c = data;
	bool blank = true;
	for (size_t i = 0; i < c->nf && blank; i++)
		blank = !c->text.data[c->offs[i]];
	if (!blank) {
		if (!c->have_header) {
			set_header(c);
			c->have_header = true;
		} else {
			add_row(c);
		}
	}
	c->nf = 0;
	c->text.len = 0;
	c->row_pending = true;
}

/* What libcsv skips between rows (its ROW_NOT_BEGUN state): a row, and so
 * its first field, starts at the first other byte. */
static bool skipped_between_rows(unsigned char ch, char sep)
{
	return ch == ' ' || (ch == '\t' && sep != '\t') || ch == '\r' || ch == '\n';
}

static void quote_error(parse_ctx *c, const struct csv_parser *p, int line)
{
	if (p->quoted)
		diag_emit(c->d, DIAG_ERROR, at(c, line, c->nf + 1), NULL,
			  "stray quote: text follows the closing quote of a quoted "
			  "field (a quote inside a quoted field is written \"\")");
	else
		diag_emit(c->d, DIAG_ERROR, at(c, line, c->nf + 1), NULL,
			  "stray quote in a field that does not start with a quote "
			  "(a field containing quotes is enclosed in quotes, and each "
			  "quote inside is written \"\")");
}

static csv_table *parse(diag_sink *d, const char *name, const unsigned char *s, size_t n,
			char sep, size_t max_field)
{
	csv_table *t = xcalloc(1, sizeof *t);
	t->name = xstrdup(name);
	t->sep = sep;
	parse_ctx c = {.d = d, .t = t, .max_field = max_field, .line = 1,
		       .field_line = 1, .row_line = 1, .row_pending = true};
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		diag_emit(d, DIAG_FATAL, at(&c, 0, 0), NULL, "out of memory");
		goto fail_noparser;
	}
	csv_set_delim(&p, (unsigned char)sep);

	/* libcsv reports fields, not positions. Feeding it one chunk per
	 * separator or line break means every callback comes from the last
	 * byte of the chunk, and every byte of a chunk is on the same line. */
	int line = 1;
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = s[i];
		if (c.row_pending && !skipped_between_rows(ch, sep)) {
			c.row_pending = false;
			c.row_line = c.field_line = line;
		}
		if (ch == (unsigned char)sep || ch == '\n' || ch == '\r' || i + 1 == n) {
			size_t len = i + 1 - start;
			c.line = line;
			size_t done = csv_parse(&p, s + start, len, on_field, on_row, &c);
			if (done < len) {
				if (csv_error(&p) == CSV_EPARSE)
					quote_error(&c, &p, line);
				else
					diag_emit(d, DIAG_FATAL, at(&c, line, 0), NULL, "%s",
						  csv_strerror(csv_error(&p)));
				goto fail;
			}
			start = i + 1;
		}
		if (is_break(s, n, i))
			line++;
	}
	c.line = line;
	if (csv_fini(&p, on_field, on_row, &c) != 0) {
		if (csv_error(&p) == CSV_EPARSE)
			diag_emit(d, DIAG_ERROR, at(&c, c.field_line, c.nf + 1), NULL,
				  "unterminated quoted field starting at line %d: the "
				  "closing quote is missing",
				  c.field_line);
		else
			diag_emit(d, DIAG_FATAL, at(&c, 0, 0), NULL, "%s",
				  csv_strerror(csv_error(&p)));
		goto fail;
	}
	if (!c.have_header) {
		diag_emit(d, DIAG_ERROR, at(&c, 0, 0), NULL,
			  "file is empty: a header line naming the columns is expected");
		goto fail;
	}
	if (c.unusable)
		goto fail;
	csv_free(&p);
	strbuf_free(&c.text);
	free(c.offs);
	free(c.lines);
	return t;
fail:
	csv_free(&p);
fail_noparser:
	strbuf_free(&c.text);
	free(c.offs);
	free(c.lines);
	csv_table_destroy(t);
	return NULL;
}

/* --- tables from a workbook's sheet ------------------------------------------------ */

/* The same header and row rules as a CSV file: the builder feeds the
 * callbacks libcsv would call, with the sheet's row numbers as lines. */
struct csv_builder {
	parse_ctx c;
	size_t ncells;
};

csv_builder *csv_builder_create(diag_sink *d, const char *name)
{
	csv_builder *b = xcalloc(1, sizeof *b);
	b->c.d = d;
	b->c.t = xcalloc(1, sizeof *b->c.t);
	b->c.t->name = xstrdup(name);
	b->c.t->sep = ';';
	b->c.max_field = DEFAULT_MAX_FIELD;
	return b;
}

void csv_builder_cell(csv_builder *b, const char *text, int line)
{
	b->c.field_line = b->c.line = line;
	on_field((void *)text, strlen(text), &b->c);
	b->ncells++;
}

void csv_builder_end_row(csv_builder *b, int line)
{
	b->c.row_line = line;
	on_row(0, &b->c);
}

size_t csv_builder_cells(const csv_builder *b)
{
	return b->ncells;
}

csv_table *csv_builder_finish(csv_builder *b, int date_system)
{
	csv_table *t = b->c.t;
	if (!b->c.have_header) {
		diag_emit(b->c.d, DIAG_ERROR, SRC_LOC(t->name, 0, 0), NULL,
			  "sheet is empty: a first row naming the columns is expected");
		csv_table_destroy(t);
		t = NULL;
	} else if (b->c.unusable) {
		csv_table_destroy(t);
		t = NULL;
	}
	if (t)
		t->date_system = date_system;
	strbuf_free(&b->c.text);
	free(b->c.offs);
	free(b->c.lines);
	free(b);
	return t;
}

void csv_builder_destroy(csv_builder *b)
{
	if (!b)
		return;
	csv_table_destroy(b->c.t);
	strbuf_free(&b->c.text);
	free(b->c.offs);
	free(b->c.lines);
	free(b);
}

int csv_table_date_system(const csv_table *t)
{
	return t->date_system;
}

/* --- public ----------------------------------------------------------------------- */

csv_table *csv_table_read_buffer(diag_sink *d, const char *name, const char *data,
				 size_t len, const csv_limits *lim)
{
	size_t max_bytes = lim && lim->max_bytes ? lim->max_bytes : DEFAULT_MAX_BYTES;
	size_t max_field =
		lim && lim->max_field_bytes ? lim->max_field_bytes : DEFAULT_MAX_FIELD;
	src_loc file = {name, 0, 0};
	if (len > max_bytes) {
		diag_emit(d, DIAG_ERROR, file, NULL,
			  "file is %zu bytes long, more than the limit of %zu bytes", len,
			  max_bytes);
		return NULL;
	}
	const unsigned char *s = (const unsigned char *)data;
	size_t n = len;
	if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		diag_emit(d, DIAG_ERROR, file, NULL, "file is UTF-16, not UTF-8; %s",
			  _(SAVE_AS_UTF8));
		return NULL;
	}
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		s += 3, n -= 3;
	char sep = detect_separator(s, n);

	const unsigned char *nul = memchr(s, '\0', n);
	if (nul) {
		diag_emit(d, DIAG_ERROR, locate(name, s, n, (size_t)(nul - s), sep), NULL,
			  "NUL byte: this is not a CSV text file; %s", _(SAVE_AS_UTF8));
		return NULL;
	}
	char *converted = NULL;
	size_t bad = utf8_invalid_at(s, n);
	if (bad < n) {
		src_loc loc = locate(name, s, n, bad, sep);
		if (!looks_cp1252(s, n)) {
			diag_emit(d, DIAG_ERROR, loc, NULL,
				  "not valid UTF-8 (byte 0x%02X); %s", s[bad], _(SAVE_AS_UTF8));
			return NULL;
		}
		if (has_utf8_sequence(s, n)) {
			diag_emit(d, DIAG_ERROR, loc, NULL,
				  "not valid UTF-8 (byte 0x%02X), although other lines "
				  "are: the file mixes two encodings; %s",
				  s[bad], _(SAVE_AS_UTF8));
			return NULL;
		}
		diag_emit(d, DIAG_WARNING, loc, NULL,
			  "file is encoded as Windows-1252, not UTF-8 (byte 0x%02X); it "
			  "was converted. To fix, %s",
			  s[bad], _(SAVE_AS_UTF8));
		converted = cp1252_to_utf8(s, n, &n);
		s = (const unsigned char *)converted;
	}
	csv_table *t = parse(d, name, s, n, sep, max_field);
	free(converted);
	return t;
}

csv_table *csv_table_read_file(diag_sink *d, const char *path, const csv_limits *lim)
{
	size_t max_bytes = lim && lim->max_bytes ? lim->max_bytes : DEFAULT_MAX_BYTES;
	size_t len = 0;
	char *data = read_file(path, max_bytes, &len);
	if (!data) {
		if (errno == EFBIG)
			diag_emit(d, DIAG_ERROR, SRC_LOC(path, 0, 0), NULL,
				  "file is larger than the limit of %zu bytes", max_bytes);
		else
			diag_emit(d, DIAG_FATAL, SRC_LOC(path, 0, 0), NULL,
				  "cannot read: %s", read_file_error(errno));
		return NULL;
	}
	csv_table *t = csv_table_read_buffer(d, path, data, len, lim);
	free(data);
	return t;
}

void csv_table_destroy(csv_table *t)
{
	if (!t)
		return;
	free(t->name);
	free(t->headers);
	free(t->norm);
	free(t->cells);
	free(t->row_lines);
	arena_free(t->arena);
	free(t);
}

const char *csv_table_name(const csv_table *t)
{
	return t->name;
}

char csv_table_separator(const csv_table *t)
{
	return t->sep;
}

size_t csv_table_ncols(const csv_table *t)
{
	return t->ncols;
}

size_t csv_table_nrows(const csv_table *t)
{
	return t->nrows;
}

const char *csv_table_header(const csv_table *t, size_t col)
{
	return col < t->ncols ? t->headers[col] : "";
}

int csv_table_find(const csv_table *t, const char *name)
{
	size_t n = strlen(name);
	char *norm = xmalloc(n + 1);
	csv_normalize_name(name, norm, n + 1);
	int found = -1;
	for (size_t i = 0; *norm && i < t->ncols; i++) {
		if (strcmp(t->norm[i], norm) == 0) {
			found = (int)i;
			break;
		}
	}
	free(norm);
	return found;
}

const csv_cell *csv_table_cell(const csv_table *t, size_t row, size_t col)
{
	static const csv_cell none = {"", 0, 0};
	if (row >= t->nrows || col >= t->ncols)
		return &none;
	return &t->cells[row * t->ncols + col];
}

int csv_table_row_line(const csv_table *t, size_t row)
{
	return row < t->nrows ? t->row_lines[row] : 0;
}
