/* Unit tests for fmt_fr.c: the exact bytes of every figure the report prints
 * (which spaces are no-break, where the sign goes, how euros round). */
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "fmt_fr.h"

#define N FR_NNBSP
#define S FR_NBSP

static void test_int(void **state)
{
	(void)state;
	char b[FMT_CAP];
	assert_string_equal(fmt_int(b, sizeof b, 0), "0");
	assert_string_equal(fmt_int(b, sizeof b, 7), "7");
	assert_string_equal(fmt_int(b, sizeof b, 999), "999");
	assert_string_equal(fmt_int(b, sizeof b, 1000), "1" N "000");
	assert_string_equal(fmt_int(b, sizeof b, 26582), "26" N "582");
	assert_string_equal(fmt_int(b, sizeof b, 107457), "107" N "457");
	assert_string_equal(fmt_int(b, sizeof b, 1234567), "1" N "234" N "567");
	assert_string_equal(fmt_int(b, sizeof b, -26582), "-26" N "582");
	assert_string_equal(fmt_int(b, sizeof b, -999), "-999");
	assert_string_equal(fmt_int(b, sizeof b, LLONG_MAX),
			    "9" N "223" N "372" N "036" N "854" N "775" N "807");
	assert_string_equal(fmt_int(b, sizeof b, LLONG_MIN),
			    "-9" N "223" N "372" N "036" N "854" N "775" N "808");
	assert_ptr_equal(fmt_int(b, sizeof b, 1), b);
}

static void test_decimal(void **state)
{
	(void)state;
	char b[FMT_CAP];
	assert_string_equal(fmt_decimal(b, sizeof b, 3.5, 1), "3,5");
	assert_string_equal(fmt_decimal(b, sizeof b, 12.0, 2), "12,00");
	assert_string_equal(fmt_decimal(b, sizeof b, 0.0, 0), "0");
	assert_string_equal(fmt_decimal(b, sizeof b, 2.75, 0), "3");
	assert_string_equal(fmt_decimal(b, sizeof b, 1234.5, 1), "1" N "234,5");
	assert_string_equal(fmt_decimal(b, sizeof b, -1234567.891, 2), "-1" N "234" N "567,89");
	assert_string_equal(fmt_decimal(b, sizeof b, -0.04, 1), "0,0");
	assert_string_equal(fmt_decimal(b, sizeof b, -0.06, 1), "-0,1");
	assert_string_equal(fmt_decimal(b, sizeof b, 0.125, 3), "0,125");
	assert_string_equal(fmt_decimal(b, sizeof b, 5.0, -1), "5");
	assert_string_equal(fmt_decimal(b, sizeof b, NAN, 1), "?");
	/* Far beyond FMT_CAP: truncated, never overflowed. */
	fmt_decimal(b, sizeof b, 1e300, 2);
	assert_true(strlen(b) < sizeof b);
}

static void test_percent(void **state)
{
	(void)state;
	char b[FMT_CAP];
	assert_string_equal(fmt_percent(b, sizeof b, 73), "73" S "%");
	assert_string_equal(fmt_percent(b, sizeof b, 0), "0" S "%");
	assert_string_equal(fmt_percent(b, sizeof b, 100), "100" S "%");
	assert_string_equal(fmt_percent(b, sizeof b, -5), "-5" S "%");
	assert_string_equal(fmt_percent(b, sizeof b, 1000), "1" N "000" S "%");
	assert_string_equal(fmt_percent(b, sizeof b, INT_MIN),
			    "-2" N "147" N "483" N "648" S "%");
}

static void test_euros(void **state)
{
	(void)state;
	char b[FMT_CAP];
	assert_string_equal(fmt_euros(b, sizeof b, 2658200, 0), "26" N "582" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, 2658249, 0), "26" N "582" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, 2658250, 0), "26" N "583" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, -2658250, 0), "-26" N "583" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, -2658249, 0), "-26" N "582" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, 0, 0), "0" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, -49, 0), "0" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, -50, 0), "-1" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, 10745700, 0), "107" N "457" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, 2658250, 1), "26" N "582,50" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, 5, 1), "0,05" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, -5, 1), "-0,05" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, 0, 1), "0,00" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, LLONG_MAX, 1),
			    "92" N "233" N "720" N "368" N "547" N "758,07" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, LLONG_MAX, 0),
			    "92" N "233" N "720" N "368" N "547" N "758" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, LLONG_MIN, 1),
			    "-92" N "233" N "720" N "368" N "547" N "758,08" N "€");
	assert_string_equal(fmt_euros(b, sizeof b, LLONG_MIN, 0),
			    "-92" N "233" N "720" N "368" N "547" N "758" N "€");
}

static void test_dates(void **state)
{
	(void)state;
	char b[FMT_CAP];
	assert_string_equal(fmt_date_long(b, sizeof b, (recit_date){2022, 3, 1}),
			    "1er mars 2022");
	assert_string_equal(fmt_date_long(b, sizeof b, (recit_date){2023, 12, 31}),
			    "31 d\xC3\xA9" "cembre 2023");
	assert_string_equal(fmt_date_long(b, sizeof b, (recit_date){2023, 8, 2}),
			    "2 ao\xC3\xBBt 2023");
	assert_string_equal(fmt_date_long(b, sizeof b, (recit_date){2024, 2, 11}),
			    "11 f\xC3\xA9vrier 2024");
	assert_string_equal(fmt_date_long(b, sizeof b, (recit_date){0, 0, 0}), "");
	assert_string_equal(fmt_month_year(b, sizeof b, (recit_date){2022, 3, 12}),
			    "mars 2022");
	assert_string_equal(fmt_month_year(b, sizeof b, (recit_date){2024, 1, 1}),
			    "janvier 2024");
	assert_string_equal(fmt_month_year(b, sizeof b, (recit_date){2024, 13, 1}), "");
	assert_string_equal(fmt_date_short(b, sizeof b, (recit_date){2022, 3, 12}),
			    "12/03/2022");
	assert_string_equal(fmt_date_short(b, sizeof b, (recit_date){2023, 12, 1}),
			    "01/12/2023");
	assert_string_equal(fmt_date_short(b, sizeof b, (recit_date){0, 0, 0}), "");
}

static void test_truncation(void **state)
{
	(void)state;
	char b[8];
	/* "26" U+202F "582" U+202F "€" does not fit: cut before a character. */
	assert_string_equal(fmt_euros(b, 6, 2658200, 0), "26" N);
	assert_string_equal(fmt_euros(b, 5, 2658200, 0), "26");
	assert_string_equal(fmt_date_long(b, sizeof b, (recit_date){2022, 3, 1}), "1er mar");
	b[0] = 'Z';
	fmt_int(b, 0, 5);
	assert_int_equal(b[0], 'Z');
	assert_string_equal(fmt_int(b, 1, 5), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_int),
		cmocka_unit_test(test_decimal),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_euros),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_truncation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
