/* Unit tests for csv_read.c: what real spreadsheet exports contain (BOM,
 * ';' or ',' or tabs, CRLF, quoted multi-line cells, Windows-1252), the
 * line:col every later message depends on, and the exact wording of the
 * problems users see. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "csv_read.h"
#include "test_sink.h"
#include "util.h"

static csv_table *read_n(sink *c, const char *s, size_t n, const csv_limits *lim)
{
	return csv_table_read_buffer(c->d, "t.csv", s, n, lim);
}

static csv_table *read_s(sink *c, const char *s)
{
	return read_n(c, s, strlen(s), NULL);
}

static const char *text(const csv_table *t, size_t row, size_t col)
{
	return csv_table_cell(t, row, col)->text;
}

static int line(const csv_table *t, size_t row, size_t col)
{
	return csv_table_cell(t, row, col)->line;
}

static void test_bom_semicolons(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	csv_table *t = read_s(&c, "\xEF\xBB\xBFNom;\xC3\x82ge\nAlice;30\nBob;41\n");
	assert_non_null(t);
	assert_string_equal(sink_text(&c), "");
	assert_int_equal(csv_table_separator(t), ';');
	assert_int_equal(csv_table_ncols(t), 2);
	assert_int_equal(csv_table_nrows(t), 2);
	assert_string_equal(csv_table_header(t, 0), "Nom");
	assert_string_equal(csv_table_header(t, 1), "\xC3\x82ge");
	assert_string_equal(text(t, 0, 0), "Alice");
	assert_string_equal(text(t, 1, 1), "41");
	assert_int_equal(line(t, 1, 1), 3);
	assert_int_equal(csv_table_cell(t, 1, 1)->col, 2);
	assert_string_equal(csv_table_name(t), "t.csv");
	csv_table_destroy(t);
	sink_close(&c);
}

static void test_commas_and_tabs(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	csv_table *t = read_s(&c, "a,b,c\n1,2,3\n");
	assert_non_null(t);
	assert_int_equal(csv_table_separator(t), ',');
	assert_int_equal(csv_table_ncols(t), 3);
	assert_string_equal(text(t, 0, 2), "3");
	csv_table_destroy(t);

	t = read_s(&c, "a\tb\n1\t2,5\n\t\n");
	assert_non_null(t);
	assert_int_equal(csv_table_separator(t), '\t');
	assert_int_equal(csv_table_nrows(t), 1);
	assert_string_equal(text(t, 0, 1), "2,5");
	csv_table_destroy(t);
	assert_string_equal(sink_text(&c), "");
	sink_close(&c);
}

static void test_separator_detection(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	/* A tie goes to ';', the French export. */
	csv_table *t = read_s(&c, "a;b,c\n1;2,5\n");
	assert_int_equal(csv_table_separator(t), ';');
	assert_string_equal(text(t, 0, 1), "2,5");
	csv_table_destroy(t);
	/* Separators inside quotes do not count. */
	t = read_s(&c, "\"x,y,z\";b\n1;2\n");
	assert_int_equal(csv_table_separator(t), ';');
	assert_string_equal(csv_table_header(t, 0), "x,y,z");
	csv_table_destroy(t);
	/* The most frequent wins. */
	t = read_s(&c, "a,b,c;d\n1,2,3;4\n");
	assert_int_equal(csv_table_separator(t), ',');
	assert_int_equal(csv_table_ncols(t), 3);
	csv_table_destroy(t);
	/* A leading empty spreadsheet row is not the header line. */
	t = read_s(&c, ";;\n  \na;b,c\n1,5;2\n");
	assert_int_equal(csv_table_separator(t), ';');
	assert_int_equal(csv_table_nrows(t), 1);
	assert_string_equal(csv_table_header(t, 1), "b,c");
	csv_table_destroy(t);
	/* One column: ';', so that a decimal comma stays in its cell. */
	t = read_s(&c, "montant\n1,5\n");
	assert_int_equal(csv_table_separator(t), ';');
	assert_string_equal(text(t, 0, 0), "1,5");
	csv_table_destroy(t);
	assert_string_equal(sink_text(&c), "");
	sink_close(&c);
}

static void test_quotes_and_lines(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	csv_table *t = read_s(&c, "nom;note;ville\n"
				  "\"Dupont; Jean\";\"il a dit \"\"oui\"\"\";Lille\n"
				  "Martin;\"ligne 1\nligne 2\nligne 3\";Roubaix\n"
				  "Durand;ok;\"Tours\"\n"
				  "\"a\nb\";\"\";x\n"
				  "Petit;;\"y\"\n");
	assert_non_null(t);
	assert_string_equal(sink_text(&c), "");
	assert_int_equal(csv_table_nrows(t), 5);
	assert_string_equal(text(t, 0, 0), "Dupont; Jean");
	assert_string_equal(text(t, 0, 1), "il a dit \"oui\"");
	assert_string_equal(text(t, 1, 1), "ligne 1\nligne 2\nligne 3");
	assert_int_equal(csv_table_row_line(t, 0), 2);
	assert_int_equal(csv_table_row_line(t, 1), 3);
	assert_int_equal(line(t, 1, 1), 3);
	assert_int_equal(line(t, 1, 2), 5);
	assert_string_equal(text(t, 1, 2), "Roubaix");
	assert_int_equal(csv_table_row_line(t, 2), 6);
	assert_string_equal(text(t, 2, 2), "Tours");
	assert_int_equal(csv_table_row_line(t, 3), 7);
	assert_int_equal(line(t, 3, 1), 8);
	assert_string_equal(text(t, 3, 0), "a\nb");
	assert_string_equal(text(t, 3, 1), "");
	assert_int_equal(csv_table_row_line(t, 4), 9);
	assert_int_equal(line(t, 4, 2), 9);
	assert_int_equal(csv_table_cell(t, 4, 2)->col, 3);
	csv_table_destroy(t);
	sink_close(&c);
}

static void test_crlf(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	csv_table *t = read_s(&c, "a;b\r\n1;2\r\n\"x\r\ny\";z\r\n\r\n3;4\r\n");
	assert_non_null(t);
	assert_int_equal(csv_table_nrows(t), 3);
	assert_string_equal(text(t, 0, 1), "2");
	assert_string_equal(text(t, 1, 0), "x\ny");
	assert_int_equal(line(t, 1, 1), 4);
	assert_int_equal(csv_table_row_line(t, 2), 6);
	assert_string_equal(text(t, 2, 1), "4");
	assert_string_equal(sink_text(&c), "");
	csv_table_destroy(t);
	sink_close(&c);
}

static void test_lone_cr(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	csv_table *t = read_s(&c, "a;b\r1;2\r\"p\rq\";r\r3;4");
	assert_non_null(t);
	assert_int_equal(csv_table_nrows(t), 3);
	assert_string_equal(text(t, 1, 0), "p\nq");
	assert_int_equal(csv_table_row_line(t, 1), 3);
	assert_int_equal(line(t, 1, 1), 4);
	assert_int_equal(csv_table_row_line(t, 2), 5);
	assert_string_equal(text(t, 2, 1), "4");
	csv_table_destroy(t);
	sink_close(&c);
}

static void test_blank_rows_and_trim(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	csv_table *t = read_s(&c, "\n  \n a ; b \n\n1;2\n;\n  ;  \n\"\";\"  \"\n"
				  "  x  ;\xC2\xA0y\xC2\xA0\n\" q \";\t\n");
	assert_non_null(t);
	assert_string_equal(sink_text(&c), "");
	assert_string_equal(csv_table_header(t, 0), "a");
	assert_string_equal(csv_table_header(t, 1), "b");
	assert_int_equal(csv_table_nrows(t), 3);
	assert_int_equal(csv_table_row_line(t, 0), 5);
	assert_int_equal(csv_table_row_line(t, 1), 9);
	assert_string_equal(text(t, 1, 0), "x");
	assert_string_equal(text(t, 1, 1), "y");
	assert_string_equal(text(t, 2, 0), "q");
	assert_string_equal(text(t, 2, 1), "");
	csv_table_destroy(t);
	sink_close(&c);
}

static void test_field_counts(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	csv_table *t = read_s(&c, "a;b\n1;2;3\n4\n5;6;;\n7;8;;x;\n");
	assert_non_null(t);
	assert_string_equal(sink_text(&c),
			    "recit: t.csv:2:3: error: row has 3 fields, header has 2; "
			    "the extra fields are ignored\n"
			    "recit: t.csv:5:3: error: row has 4 fields, header has 2; "
			    "the extra fields are ignored\n");
	assert_int_equal(csv_table_nrows(t), 4);
	assert_string_equal(text(t, 0, 1), "2");
	/* A short row: missing cells are "" at line 0. */
	assert_string_equal(text(t, 1, 0), "4");
	assert_string_equal(text(t, 1, 1), "");
	assert_int_equal(line(t, 1, 1), 0);
	assert_int_equal(csv_table_cell(t, 1, 1)->col, 2);
	assert_int_equal(csv_table_row_line(t, 1), 3);
	/* Out of range is never NULL. */
	assert_non_null(csv_table_cell(t, 99, 0));
	assert_string_equal(text(t, 99, 99), "");
	assert_int_equal(csv_table_row_line(t, 99), 0);
	assert_string_equal(csv_table_header(t, 99), "");
	csv_table_destroy(t);
	sink_close(&c);
}

static void test_header_names(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	csv_table *t = read_s(&c, "Nom;Date d'entr\xC3\xA9" "e;;nom;date_entree;-\n");
	assert_non_null(t);
	assert_string_equal(
		sink_text(&c),
		"recit: t.csv:1:3: warning: column 3 has no name in the header line; "
		"its values are ignored\n"
		"recit: t.csv:1:6: warning: column 6 has no usable name (\"-\"); its "
		"values are ignored\n"
		"recit: t.csv:1:4: error: columns 1 (\"Nom\") and 4 (\"nom\") have the "
		"same name once case, accents and punctuation are ignored; rename one of "
		"them\n"
		"recit: t.csv:1:5: error: columns 2 (\"Date d'entr\xC3\xA9" "e\") and 5 "
		"(\"date_entree\") have the same name once case, accents and punctuation "
		"are ignored; rename one of them\n");
	assert_int_equal(diag_count(c.d, DIAG_ERROR), 2);
	assert_int_equal(csv_table_nrows(t), 0);
	assert_int_equal(csv_table_ncols(t), 6);
	assert_int_equal(csv_table_find(t, "NOM"), 0);
	assert_int_equal(csv_table_find(t, ""), -1);
	assert_int_equal(csv_table_find(t, "-"), -1);
	csv_table_destroy(t);
	sink_close(&c);
}

static void test_find_any_order(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	csv_table *t = read_s(
		&c, "Sexe;CHIFFRE D\xE2\x80\x99" "AFFAIRES H.T.;Coop\xC3\xA9rant\xC2\xB7" "es;"
		    "Date d'entr\xC3\xA9" "e;KPA\n"
		    "F;1 200;3;01/03/2022;Coop Manau\n");
	assert_non_null(t);
	assert_int_equal(csv_table_find(t, "date_entree"), 3);
	assert_int_equal(csv_table_find(t, "Date d\xE2\x80\x99" "entr\xC3\xA9" "e"), 3);
	assert_int_equal(csv_table_find(t, "date-entree"), 3);
	assert_int_equal(csv_table_find(t, "chiffre_affaires_h_t"), 1);
	assert_int_equal(csv_table_find(t, "cooperantes"), 2);
	assert_int_equal(csv_table_find(t, "sexe"), 0);
	assert_int_equal(csv_table_find(t, "kpa"), 4);
	assert_int_equal(csv_table_find(t, "absent"), -1);
	assert_string_equal(text(t, 0, (size_t)csv_table_find(t, "kpa")), "Coop Manau");
	csv_table_destroy(t);
	sink_close(&c);
}

static void check_norm(const char *in, const char *want, size_t cap)
{
	char out[128];
	assert_true(cap <= sizeof out);
	memset(out, 'Z', sizeof out);
	csv_normalize_name(in, out, cap);
	assert_string_equal(out, want);
}

/* Cells and headers are kept in normal form C: « é » typed as e + U+0301
 * reads as U+00E9, so ids compare equal however they were typed. */
static void test_cells_in_nfc(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	csv_table *t = read_s(&c, "id;nom\nla-cape;L'E\xCC\x81peule\nx;Zo\xC3\xA9\n");
	assert_non_null(t);
	assert_string_equal(text(t, 0, 1), "L'\xC3\x89peule");
	assert_string_equal(text(t, 1, 1), "Zo\xC3\xA9");
	csv_table_destroy(t);
	sink_close(&c);
}

static void test_normalize_name(void **state)
{
	(void)state;
	check_norm("Date d'entr\xC3\xA9" "e", "date_entree", 128);
	/* The same header with a combining accent (NFD). */
	check_norm("Date d'entre\xCC\x81" "e", "date_entree", 128);
	check_norm("DATE D\xE2\x80\x99" "ENTRE\xCC\x81" "E", "date_entree", 128);
	check_norm("  \xC5\x92uvre -- \xC3\x86ther__Stra\xC3\x9F" "e.  ", "oeuvre_aether_strasse", 128);
	check_norm("\xC5\x93il, \xC3\xA6on", "oeil,_aeon", 128);
	check_norm("Chiffre d\xE2\x80\x99" "affaires H.T.", "chiffre_affaires_h_t", 128);
	check_norm("aujourd'hui", "aujourd_hui", 128);
	check_norm("l'entr\xC3\xA9" "e", "entree", 128);
	check_norm("Qu'importe", "importe", 128);
	check_norm("\xC3\x80\xC3\x89\xC3\x8E\xC3\x95\xC3\x9C \xC3\xA7\xC3\xB1\xC3\xBF",
		   "aeiou_cny", 128);
	check_norm("\xC5\x81\xC3\xB3\x64\xC5\xBA", "lodz", 128);
	check_norm("x\xC3\x97y", "x\xC3\x97y", 128);
	check_norm("N\xC2\xB0 KPA", "n\xC2\xB0_kpa", 128);
	check_norm("a\xC2\xA0\xE2\x80\xAF" "b", "a_b", 128);
	check_norm("___", "", 128);
	check_norm("", "", 128);
	check_norm("abcdef", "abcd", 5);
	check_norm("ab cd", "ab", 4);
	check_norm("\xC3\xA9\xC3\xA9", "e", 2);
	check_norm("\xE2\x82\xAC\xE2\x82\xAC", "\xE2\x82\xAC", 6);
	char out[1] = {'Z'};
	csv_normalize_name("abc", out, 0);
	assert_int_equal(out[0], 'Z');
}

static void test_windows_1252(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	csv_table *t = read_s(&c, "nom;ville;montant\n"
				  "Jos\xE9;Roubaix;12 \x80\n"
				  "\x9C" "uvre;L\x92Isle;1\n");
	assert_non_null(t);
	assert_string_equal(sink_text(&c),
			    "recit: t.csv:2:1: warning: file is encoded as Windows-1252, "
			    "not UTF-8 (byte 0xE9); it was converted. To fix, save it as "
			    "'CSV UTF-8' in your spreadsheet\n");
	assert_int_equal(diag_count(c.d, DIAG_WARNING), 1);
	assert_string_equal(text(t, 0, 0), "Jos\xC3\xA9");
	assert_string_equal(text(t, 0, 2), "12 \xE2\x82\xAC");
	assert_string_equal(text(t, 1, 0), "\xC5\x93uvre");
	assert_string_equal(text(t, 1, 1), "L\xE2\x80\x99Isle");
	csv_table_destroy(t);
	sink_close(&c);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	/* 0x81 is not Windows-1252 either. */
	assert_null(read_s(&c, "a;b\n\"1\n\";2\n3;x\x81y\n"));
	assert_string_equal(sink_text(&c),
			    "recit: t.csv:4:2: error: not valid UTF-8 (byte 0x81); save "
			    "it as 'CSV UTF-8' in your spreadsheet\n");
	sink_close(&c);

	sink_open(&c);
	assert_null(read_s(&c, "a;b\n\xC3\xA9;\xED\xA0\x80\x8D\n"));
	assert_string_equal(sink_text(&c),
			    "recit: t.csv:2:2: error: not valid UTF-8 (byte 0xED); save "
			    "it as 'CSV UTF-8' in your spreadsheet\n");
	sink_close(&c);

	/* UTF-8 and Windows-1252 pasted together: converting would garble. */
	sink_open(&c);
	assert_null(read_s(&c, "a;b\nJos\xC3\xA9;1\nJos\xE9;2\n"));
	assert_string_equal(sink_text(&c),
			    "recit: t.csv:3:1: error: not valid UTF-8 (byte 0xE9), "
			    "although other lines are: the file mixes two encodings; "
			    "save it as 'CSV UTF-8' in your spreadsheet\n");
	sink_close(&c);

	sink_open(&c);
	assert_null(read_s(&c, "\xFF\xFE" "a\0"));
	assert_string_equal(sink_text(&c), "recit: t.csv: error: file is UTF-16, not "
					  "UTF-8; save it as 'CSV UTF-8' in your "
					  "spreadsheet\n");
	sink_close(&c);
}

static void test_nul_byte(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	static const char data[] = "a;b;c\n1;2;x\0y\n";
	assert_null(read_n(&c, data, sizeof data - 1, NULL));
	assert_string_equal(sink_text(&c), "recit: t.csv:2:3: error: NUL byte: this is "
					  "not a CSV text file; save it as 'CSV UTF-8' "
					  "in your spreadsheet\n");
	sink_close(&c);
}

static void test_quote_errors(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	assert_null(read_s(&c, "a;b\n1;2\n3;\"abc\n4;5\n"));
	assert_string_equal(sink_text(&c),
			    "recit: t.csv:3:2: error: unterminated quoted field starting "
			    "at line 3: the closing quote is missing\n");
	sink_close(&c);

	sink_open(&c);
	assert_null(read_s(&c, "a;b\n\"x\ny\";ab\"c\n"));
	assert_string_equal(sink_text(&c),
			    "recit: t.csv:3:2: error: stray quote in a field that does "
			    "not start with a quote (a field containing quotes is "
			    "enclosed in quotes, and each quote inside is written \"\")\n");
	sink_close(&c);

	sink_open(&c);
	assert_null(read_s(&c, "a;b\n1;2\n\"x\"y;2\n"));
	assert_string_equal(sink_text(&c),
			    "recit: t.csv:3:1: error: stray quote: text follows the "
			    "closing quote of a quoted field (a quote inside a quoted "
			    "field is written \"\")\n");
	sink_close(&c);
}

static void test_limits(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	csv_limits lim = {.max_field_bytes = 8};
	const char *s = "a;b\n1;12345678\n2;\"123456789\"\n3;4\n";
	assert_null(read_n(&c, s, strlen(s), &lim));
	assert_string_equal(sink_text(&c), "recit: t.csv:3:2: error: field is 9 bytes "
					  "long, more than the limit of 8 bytes\n");
	sink_close(&c);

	sink_open(&c);
	lim = (csv_limits){.max_bytes = 10};
	assert_null(read_n(&c, s, strlen(s), &lim));
	assert_string_equal(sink_text(&c), "recit: t.csv: error: file is 33 bytes long, "
					  "more than the limit of 10 bytes\n");
	sink_close(&c);
}

static void test_read_file(void **state)
{
	(void)state;
	char path[] = "/tmp/test_csv_read-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *s = "a;b\n1;2\n";
	assert_int_equal(write(fd, s, strlen(s)), (ssize_t)strlen(s));
	close(fd);

	sink c;
	sink_open(&c);
	csv_table *t = csv_table_read_file(c.d, path, NULL);
	assert_non_null(t);
	assert_string_equal(csv_table_name(t), path);
	assert_string_equal(text(t, 0, 1), "2");
	csv_table_destroy(t);

	csv_limits lim = {.max_bytes = 4};
	assert_null(csv_table_read_file(c.d, path, &lim));
	char *want = xasprintf("recit: %s: error: file is larger than the limit of 4 "
			       "bytes\n",
			       path);
	assert_string_equal(sink_text(&c), want);
	free(want);
	unlink(path);
	sink_close(&c);

	sink_open(&c);
	assert_null(csv_table_read_file(c.d, "/nonexistent/x.csv", NULL));
	assert_string_equal(sink_text(&c), "recit: /nonexistent/x.csv: fatal: cannot "
					  "read: No such file or directory\n");
	sink_close(&c);
}

static void test_empty(void **state)
{
	(void)state;
	static const char *const empties[] = {"", "\xEF\xBB\xBF", "\n\r\n  \n", ";;\n;\n",
					      "\"\";\"\"\n"};
	for (size_t i = 0; i < sizeof empties / sizeof *empties; i++) {
		sink c;
		sink_open(&c);
		assert_null(read_s(&c, empties[i]));
		assert_string_equal(sink_text(&c), "recit: t.csv: error: file is empty: a "
						  "header line naming the columns is "
						  "expected\n");
		sink_close(&c);
	}
}

static void test_header_only(void **state)
{
	(void)state;
	sink c;
	sink_open(&c);
	csv_table *t = read_s(&c, "a;b\n\n;\n");
	assert_non_null(t);
	assert_int_equal(csv_table_ncols(t), 2);
	assert_int_equal(csv_table_nrows(t), 0);
	csv_table_destroy(t);
	t = read_s(&c, "a;b");
	assert_non_null(t);
	assert_int_equal(csv_table_nrows(t), 0);
	csv_table_destroy(t);
	assert_string_equal(sink_text(&c), "");
	sink_close(&c);
}

static void test_many_rows(void **state)
{
	(void)state;
	strbuf b = {0};
	strbuf_puts(&b, "id;texte\n");
	for (int i = 0; i < 5000; i++)
		strbuf_printf(&b, "%d;\"ligne\n%d\"\n", i, i);
	sink c;
	sink_open(&c);
	csv_table *t = read_n(&c, b.data, b.len, NULL);
	assert_non_null(t);
	assert_int_equal(csv_table_nrows(t), 5000);
	assert_string_equal(text(t, 4999, 0), "4999");
	assert_string_equal(text(t, 4999, 1), "ligne\n4999");
	assert_int_equal(csv_table_row_line(t, 4999), 2 + 2 * 4999);
	csv_table_destroy(t);
	strbuf_free(&b);
	sink_close(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bom_semicolons),
		cmocka_unit_test(test_commas_and_tabs),
		cmocka_unit_test(test_separator_detection),
		cmocka_unit_test(test_quotes_and_lines),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_lone_cr),
		cmocka_unit_test(test_blank_rows_and_trim),
		cmocka_unit_test(test_field_counts),
		cmocka_unit_test(test_header_names),
		cmocka_unit_test(test_find_any_order),
		cmocka_unit_test(test_normalize_name),
		cmocka_unit_test(test_cells_in_nfc),
		cmocka_unit_test(test_windows_1252),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_quote_errors),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_header_only),
		cmocka_unit_test(test_many_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
