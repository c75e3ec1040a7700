/* Unit tests for diag.c: the exact message format users and tests rely on,
 * level counting, and the print cap. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"

static void test_format(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	diag_sink *d = diag_sink_create(mem, 0);
	diag_emit(d, DIAG_ERROR, (src_loc){"inputs/activite.csv", 14, 3}, "sexe",
		  "expected F or H, found \"X\"");
	diag_emit(d, DIAG_WARNING, (src_loc){"inputs/kpa.csv", 2, 0}, NULL, "unknown column");
	diag_emit(d, DIAG_FATAL, SRC_LOC_NONE, NULL, "cannot open");
	fflush(mem);
	assert_string_equal(buf,
			    "recit: inputs/activite.csv:14:3: error: \"sexe\": expected F or H, found \"X\"\n"
			    "recit: inputs/kpa.csv:2: warning: unknown column\n"
			    "recit: fatal: cannot open\n");
	assert_int_equal(diag_count(d, DIAG_ERROR), 1);
	assert_int_equal(diag_count(d, DIAG_WARNING), 1);
	assert_true(diag_failed(d));
	diag_sink_destroy(d);
	fclose(mem);
	free(buf);
}

/* A workbook's sheet: places print as the spreadsheet names cells. */
static void test_sheet_places(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	diag_sink *d = diag_sink_create(mem, 0);
	diag_emit(d, DIAG_ERROR, SRC_LOC("in/activite.xlsx:Feuille1!", 14, 3), "sexe", "bad");
	diag_emit(d, DIAG_ERROR, SRC_LOC("in/activite.xlsx:Feuille1!", 7, 28), NULL, "far");
	diag_emit(d, DIAG_ERROR, SRC_LOC("in/activite.xlsx:Feuille1!", 9, 0), NULL, "row");
	diag_emit(d, DIAG_NOTE, SRC_LOC("in/activite.xlsx:Feuille1!", 0, 0), NULL, "sheet");
	fflush(mem);
	assert_string_equal(buf, "recit: in/activite.xlsx:Feuille1!C14: error: \"sexe\": bad\n"
				 "recit: in/activite.xlsx:Feuille1!AB7: error: far\n"
				 "recit: in/activite.xlsx:Feuille1!9:9: error: row\n"
				 "recit: in/activite.xlsx:Feuille1: note: sheet\n");
	char l[8];
	diag_column_letters(1, l);
	assert_string_equal(l, "A");
	diag_column_letters(26, l);
	assert_string_equal(l, "Z");
	diag_column_letters(27, l);
	assert_string_equal(l, "AA");
	diag_column_letters(16384, l);
	assert_string_equal(l, "XFD");
	diag_sink_destroy(d);
	fclose(mem);
	free(buf);
}

static void test_cap(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	diag_sink *d = diag_sink_create(mem, 2);
	for (int i = 0; i < 5; i++)
		diag_emit(d, DIAG_ERROR, (src_loc){"f.csv", i + 1, 1}, NULL, "bad");
	fflush(mem);
	assert_int_equal(diag_count(d, DIAG_ERROR), 5);
	assert_non_null(strstr(buf, "f.csv:2:1"));
	assert_null(strstr(buf, "f.csv:3:1"));
	assert_non_null(strstr(buf, "more than 2 problems"));
	diag_sink_destroy(d);
	fclose(mem);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_sheet_places),
		cmocka_unit_test(test_cap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
