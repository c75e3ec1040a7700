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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validity),
		cmocka_unit_test(test_months_between),
		cmocka_unit_test(test_days_and_cmp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
