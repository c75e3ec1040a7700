/* Unit tests for parse_fr.c: every form a French spreadsheet cell takes, and
 * the near misses that must be refused rather than guessed. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "parse_fr.h"

#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"
#define EURO "\xE2\x82\xAC"

static void int_ok(const char *s, long long want)
{
	long long v = 12345;
	parse_status st = parse_integer(s, &v);
	if (st != PARSE_OK || v != want)
		fail_msg("parse_integer(\"%s\"): status %d, value %lld, want %lld", s, st, v,
			 want);
}

static void int_is(const char *s, parse_status want)
{
	long long v = 12345;
	parse_status st = parse_integer(s, &v);
	if (st != want)
		fail_msg("parse_integer(\"%s\"): status %d, want %d", s, st, want);
	assert_int_equal(v, 12345); /* untouched on failure */
}

static void test_integer(void **state)
{
	(void)state;
	int_ok("26582", 26582);
	int_ok("26 582", 26582);
	int_ok("26" NBSP "582", 26582);
	int_ok("26" NNBSP "582", 26582);
	int_ok("26.582", 26582);
	int_ok("1 234 567", 1234567);
	int_ok("1.234.567", 1234567);
	int_ok("  42\t", 42);
	int_ok(NBSP "42" NNBSP, 42);
	int_ok("0", 0);
	int_ok("007", 7);
	int_ok("-5", -5);
	int_ok("+5", 5);
	int_ok("\xE2\x88\x92" "5", -5);
	int_ok("-26 582", -26582);
	int_ok("9223372036854775807", LLONG_MAX);
	int_ok("9 223 372 036 854 775 807", LLONG_MAX);
	int_ok("-9223372036854775808", LLONG_MIN);

	int_is("", PARSE_EMPTY);
	int_is("  ", PARSE_EMPTY);
	int_is(NBSP "\t", PARSE_EMPTY);
	int_is("9223372036854775808", PARSE_BAD);
	int_is("-9223372036854775809", PARSE_BAD);
	int_is("99999999999999999999999", PARSE_BAD);
	int_is("12h", PARSE_BAD);
	int_is("1,2,3", PARSE_BAD);
	int_is("--5", PARSE_BAD);
	int_is("+-5", PARSE_BAD);
	int_is("- 5", PARSE_BAD);
	int_is("-", PARSE_BAD);
	int_is("26,5", PARSE_BAD);
	int_is("26,0", PARSE_BAD);
	int_is("26.5", PARSE_BAD);
	int_is("2 65", PARSE_BAD);
	int_is("26  582", PARSE_BAD);
	int_is("26 5820", PARSE_BAD);
	int_is("1234 567", PARSE_BAD);
	int_is("1 234.567", PARSE_BAD);
	int_ok("1 234 ", 1234); /* trailing blank trimmed, not a separator */
	int_is("0x1A", PARSE_BAD);
	int_is("1e3", PARSE_BAD);
	int_is("5 \xE2\x82\xAC", PARSE_BAD);
	int_is(".5", PARSE_BAD);
	int_is("5.", PARSE_BAD);
	int_is("1 2 3 4 5 6 7 8 9 1 2 3 4 5 6 7 8 9", PARSE_BAD);
}

static void amount_ok(const char *s, long long want)
{
	long long v = 12345;
	parse_status st = parse_amount_cents(s, &v);
	if (st != PARSE_OK || v != want)
		fail_msg("parse_amount_cents(\"%s\"): status %d, value %lld, want %lld", s,
			 st, v, want);
}

static void amount_is(const char *s, parse_status want)
{
	long long v = 12345;
	parse_status st = parse_amount_cents(s, &v);
	if (st != want)
		fail_msg("parse_amount_cents(\"%s\"): status %d, want %d", s, st, want);
	assert_int_equal(v, 12345);
}

static void test_amount(void **state)
{
	(void)state;
	amount_ok("26582", 2658200);
	amount_ok("26 582", 2658200);
	amount_ok("26 582 " EURO, 2658200);
	amount_ok("26582" EURO, 2658200);
	amount_ok("26" NNBSP "582" NNBSP EURO, 2658200); /* what fmt_euros writes */
	amount_ok("26582,50", 2658250);
	amount_ok("26 582,5 " EURO, 2658250);
	amount_ok("26 582,50 " EURO, 2658250);
	amount_ok("26582.50", 2658250);
	amount_ok("26 582.5", 2658250);
	amount_ok(EURO " 26 582", 2658200);
	amount_ok(EURO "26582", 2658200);
	amount_ok("26582 EUR", 2658200);
	amount_ok("26582eur", 2658200);
	amount_ok("EUR 26582,05", 2658205);
	amount_ok("1.234.567,89", 123456789);
	amount_ok("1.234.567", 123456700);
	amount_ok("1 234 567,89", 123456789);
	amount_ok("0,5", 50);
	amount_ok("0,05", 5);
	amount_ok("-12,30 " EURO, -1230);
	amount_ok("-" EURO "5", -500);
	amount_ok(EURO " -5", -500);
	amount_ok("+5", 500);
	amount_ok("  7  ", 700);
	amount_ok("92233720368547758,07", LLONG_MAX);
	amount_ok("-92233720368547758,07", -LLONG_MAX);

	amount_is("", PARSE_EMPTY);
	amount_is("  ", PARSE_EMPTY);
	amount_is(NNBSP, PARSE_EMPTY);
	amount_is("26.582", PARSE_BAD); /* 26 582 or 26,582? refused, not guessed */
	amount_is("1 234.567", PARSE_BAD);
	amount_is("12,345", PARSE_BAD);
	amount_is("26582,505", PARSE_BAD);
	amount_is("1,234.56", PARSE_BAD);
	amount_is("1,2,3", PARSE_BAD);
	amount_is("1.234 567,89", PARSE_BAD);
	amount_is(",5", PARSE_BAD);
	amount_is("5,", PARSE_BAD);
	amount_is("12h", PARSE_BAD);
	amount_is("--5", PARSE_BAD);
	amount_is(EURO, PARSE_BAD);
	amount_is("EUR", PARSE_BAD);
	amount_is(EURO " " EURO "5", PARSE_BAD);
	amount_is(EURO "5" EURO, PARSE_BAD);
	amount_is("5 $", PARSE_BAD);
	amount_is("5 euros", PARSE_BAD);
	amount_is("92233720368547758,08", PARSE_BAD);
	amount_is("1e3", PARSE_BAD);
}

static void date_ok(const char *s, int y, int m, int d)
{
	recit_date v = {0, 0, 0};
	parse_status st = parse_date(s, &v);
	if (st != PARSE_OK || v.y != y || v.m != m || v.d != d)
		fail_msg("parse_date(\"%s\"): status %d, %d-%d-%d", s, st, v.y, v.m, v.d);
}

static void date_is(const char *s, parse_status want)
{
	recit_date v = {0, 0, 0};
	parse_status st = parse_date(s, &v);
	if (st != want)
		fail_msg("parse_date(\"%s\"): status %d, want %d", s, st, want);
	assert_int_equal(v.y, 0);
}

static void test_date(void **state)
{
	(void)state;
	date_ok("2023-12-31", 2023, 12, 31);
	date_ok("31/12/2023", 2023, 12, 31);
	date_ok("31-12-2023", 2023, 12, 31);
	date_ok("31.12.2023", 2023, 12, 31);
	date_ok("1/3/2022", 2022, 3, 1); /* day first, as French sheets write it */
	date_ok("01/03/2022", 2022, 3, 1);
	date_ok("2022-3-1", 2022, 3, 1);
	date_ok(" 2024-02-29 ", 2024, 2, 29);
	date_ok("29/02/2024", 2024, 2, 29);
	/* What a Calc round trip writes: two-digit years, date-times. */
	date_ok("04/10/21", 2021, 10, 4);
	date_ok("04.10.21", 2021, 10, 4);
	date_ok("31/12/29", 2029, 12, 31); /* the window of Calc and Excel: 1930-2029 */
	date_ok("01/01/30", 1930, 1, 1);
	date_ok("04/10/2021 00:00:00", 2021, 10, 4);
	date_ok("04/10/21 00:00", 2021, 10, 4);
	date_ok("2023-12-31T00:00", 2023, 12, 31);
	date_ok("2023-12-31T23:59:59.999", 2023, 12, 31);
	date_ok("31/12/2023 13:45", 2023, 12, 31); /* any time: the day counts */
	date_ok(" 31/12/2023  08:05:00 ", 2023, 12, 31);

	date_is("", PARSE_EMPTY);
	date_is("   ", PARSE_EMPTY);
	date_is("2023-02-29", PARSE_BAD);
	date_is("29/02/2023", PARSE_BAD);
	date_is("31/04/2023", PARSE_BAD);
	date_is("12/31/2023", PARSE_BAD);
	date_is("00/01/2023", PARSE_BAD);
	date_is("31/12/02023", PARSE_BAD);
	date_is("2023/12/31", PARSE_BAD);
	date_is("2023.12.31", PARSE_BAD);
	date_is("31/12-2023", PARSE_BAD);
	date_is("31/12/2023 00", PARSE_BAD);   /* an hour alone is no time */
	date_is("31/12/2023 0:00:00:00", PARSE_BAD);
	date_is("31/12/2023 midi", PARSE_BAD);
	date_is("31/12/2023 00:00 x", PARSE_BAD);
	date_is("31/12/2023T", PARSE_BAD);
	date_is("31-12-23", PARSE_BAD);        /* two digits only with / or . */
	date_is("31/12/023", PARSE_BAD);
	date_is("29/02/23", PARSE_BAD);
	date_is("2023-12", PARSE_BAD);
	date_is("31 décembre 2023", PARSE_BAD);
	date_is("1899-12-31", PARSE_BAD);
	date_is("45291", PARSE_BAD); /* a spreadsheet serial number */
}

/* The window follows the pivot (the end of the reporting period). */
static void test_date_pivot(void **state)
{
	(void)state;
	recit_date v;
	assert_int_equal(parse_date_pivot("04/10/21", 2023, &v), PARSE_OK);
	assert_int_equal(v.y, 2021);
	assert_int_equal(parse_date_pivot("04/10/42", 2023, &v), PARSE_OK);
	assert_int_equal(v.y, 2042);
	assert_int_equal(parse_date_pivot("04/10/43", 2023, &v), PARSE_OK);
	assert_int_equal(v.y, 1943);
	assert_int_equal(parse_date_pivot("04/10/35", 2041, &v), PARSE_OK);
	assert_int_equal(v.y, 2035); /* a report on 2041: "35" is not 1935 */
	assert_int_equal(parse_date_pivot("01/01/00", 2100, &v), PARSE_OK);
	assert_int_equal(v.y, 2100);
	assert_int_equal(parse_date_pivot("2023-12-31", 1990, &v), PARSE_OK);
	assert_int_equal(v.y, 2023); /* four digits: no window */
}

static void test_yes_no(void **state)
{
	(void)state;
	static const char *const yes[] = {"oui", "OUI", " Oui ", "o", "O", "yes", "Y",
					  "vrai", "Vrai", "true", "TRUE", "1"};
	static const char *const no[] = {"non", "Non", "N", "no", "faux", "FAUX", "false",
					 "0", NBSP "non" NBSP};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		bool v = false;
		assert_int_equal(parse_yes_no(yes[i], &v), PARSE_OK);
		assert_true(v);
	}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		bool v = true;
		assert_int_equal(parse_yes_no(no[i], &v), PARSE_OK);
		assert_false(v);
	}
	bool v = true;
	assert_int_equal(parse_yes_no("", &v), PARSE_EMPTY);
	assert_int_equal(parse_yes_no(" \t", &v), PARSE_EMPTY);
	assert_int_equal(parse_yes_no("x", &v), PARSE_BAD);
	assert_int_equal(parse_yes_no("X", &v), PARSE_BAD);
	assert_int_equal(parse_yes_no("peut-\xC3\xAAtre", &v), PARSE_BAD);
	assert_int_equal(parse_yes_no("oui non", &v), PARSE_BAD);
	assert_int_equal(parse_yes_no("2", &v), PARSE_BAD);
	assert_int_equal(parse_yes_no("ouiiiiiiiiiiiiiiiiiiiiii", &v), PARSE_BAD);
	assert_true(v);
}

static void test_expect_strings(void **state)
{
	(void)state;
	assert_string_equal(PARSE_EXPECT_INTEGER, "a whole number such as 26582 or 26 582");
	assert_non_null(strstr(PARSE_EXPECT_AMOUNT, "at most two decimals"));
	assert_non_null(strstr(PARSE_EXPECT_DATE, "31/12/2023"));
	assert_non_null(strstr(PARSE_EXPECT_YES_NO, "oui"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integer),
		cmocka_unit_test(test_amount),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_date_pivot),
		cmocka_unit_test(test_yes_no),
		cmocka_unit_test(test_expect_strings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
