/* Unit tests for date.c: validity, ordering and whole-month arithmetic, which
 * the tenure and length-of-stay bands depend on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "date.h"

static void test_validity(void **state)
{
	(void)state;
	assert_true(date_is_valid(2024, 2, 29));
	assert_false(date_is_valid(2023, 2, 29));
	assert_false(date_is_valid(1900, 2, 29));
	assert_true(date_is_valid(2000, 2, 29));
	assert_false(date_is_valid(2023, 4, 31));
	assert_false(date_is_valid(2023, 13, 1));
	assert_false(date_is_valid(2023, 0, 1));
}

static void test_months_between(void **state)
{
	(void)state;
	recit_date a = {2022, 3, 15};
	assert_int_equal(date_months_between(a, (recit_date){2022, 9, 14}), 5);
	assert_int_equal(date_months_between(a, (recit_date){2022, 9, 15}), 6);
	assert_int_equal(date_months_between(a, (recit_date){2023, 12, 31}), 21);
	assert_int_equal(date_months_between((recit_date){2021, 10, 1}, (recit_date){2023, 12, 31}), 26);
	assert_int_equal(date_months_between((recit_date){2023, 1, 1}, (recit_date){2022, 1, 1}), -12);
}

static void test_days_and_cmp(void **state)
{
	(void)state;
	assert_int_equal(date_to_days((recit_date){1970, 1, 1}), 0);
	assert_int_equal(date_to_days((recit_date){2024, 3, 1}) - date_to_days((recit_date){2024, 2, 28}), 2);
	assert_true(date_cmp((recit_date){2023, 12, 31}, (recit_date){2024, 1, 1}) < 0);
	assert_int_equal(date_cmp((recit_date){2023, 5, 5}, (recit_date){2023, 5, 5}), 0);
	char buf[11];
	date_iso((recit_date){2022, 3, 1}, buf);
	assert_string_equal(buf, "2022-03-01");
}

static void test_serial(void **state)
{
	(void)state;
	recit_date v;
	assert_true(date_from_serial(45291, 1900, &v));
	assert_int_equal(v.y, 2023), assert_int_equal(v.m, 12), assert_int_equal(v.d, 31);
	assert_true(date_from_serial(44473, 1900, &v)); /* 04/10/2021 */
	assert_int_equal(v.y, 2021), assert_int_equal(v.m, 10), assert_int_equal(v.d, 4);
	assert_true(date_from_serial(61, 1900, &v)); /* after Lotus's 29/02/1900 */
	assert_int_equal(v.y, 1900), assert_int_equal(v.m, 3), assert_int_equal(v.d, 1);
	assert_true(date_from_serial(1, 1900, &v));
	assert_int_equal(v.y, 1900), assert_int_equal(v.m, 1), assert_int_equal(v.d, 1);
	assert_false(date_from_serial(60, 1900, &v)); /* 29/02/1900 never was */
	assert_false(date_from_serial(0, 1900, &v));
	assert_false(date_from_serial(-5, 1900, &v));
	assert_false(date_from_serial(2958466, 1900, &v));
	assert_true(date_from_serial(43011, 1904, &v)); /* 1904 system: 1462 days less */
	assert_int_equal(v.y, 2021), assert_int_equal(v.m, 10), assert_int_equal(v.d, 4);
	for (long z = -1000; z < 30000; z += 7) /* days <-> date round trip */
		assert_int_equal(date_to_days(date_from_days(z)), z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validity),
		cmocka_unit_test(test_months_between),
		cmocka_unit_test(test_days_and_cmp),
		cmocka_unit_test(test_serial),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
