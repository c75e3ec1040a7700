/* Unit tests for text.c: the one edit distance and "did you mean" that every
 * stage's messages use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(text_edit_distance("", ""), 0);
	assert_int_equal(text_edit_distance("abc", ""), 3);
	assert_int_equal(text_edit_distance("", "abc"), 3);
	assert_int_equal(text_edit_distance("kitten", "sitting"), 3);
	/* ASCII case does not count; other bytes do. */
	assert_int_equal(text_edit_distance("Sexe.F", "sexe.f"), 0);
	assert_int_equal(text_edit_distance("sexe.femmes", "sexe.F"), 5);
	assert_int_equal(text_edit_distance("é", "e"), 2);
}

static void test_suggest(void **state)
{
	(void)state;
	const char *const cands[] = {"coop.total", "sexe.F", "sexe.H", "age"};
	assert_string_equal(text_suggest("coop.totl", cands, 4), "coop.total");
	assert_string_equal(text_suggest("sexe.femmes", cands, 4), "sexe.F"); /* tie: the first */
	assert_string_equal(text_suggest("ages", cands, 4), "age");
	assert_null(text_suggest("département", cands, 4));
	assert_null(text_suggest("x", cands, 0));
	/* Short names still get a hint two edits away, not three. */
	const char *const one[] = {"x"};
	assert_string_equal(text_suggest("$y", one, 1), "x");
	assert_null(text_suggest("abc", one, 1));
}

static void test_did_you_mean(void **state)
{
	(void)state;
	const char *const cands[] = {"barres", "colonnes"};
	assert_string_equal(text_did_you_mean("barre", cands, 2).s, " (did you mean \"barres\"?)");
	assert_string_equal(text_did_you_mean("zzzzzzzz", cands, 2).s, "");
	/* Two hints in one argument list do not share a buffer. */
	char both[600];
	snprintf(both, sizeof both, "%s|%s", text_did_you_mean("barre", cands, 2).s,
		 text_did_you_mean("colone", cands, 2).s);
	assert_string_equal(both, " (did you mean \"barres\"?)| (did you mean \"colonnes\"?)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_did_you_mean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
