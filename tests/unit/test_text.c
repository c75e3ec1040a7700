/* Unit tests for text.c: the one edit distance and "did you mean" that every
 * stage's messages use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <stdlib.h>

#include "text.h"

static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(text_edit_distance("", ""), 0);
	assert_int_equal(text_edit_distance("abc", ""), 3);
	assert_int_equal(text_edit_distance("", "abc"), 3);
	assert_int_equal(text_edit_distance("kitten", "sitting"), 3);
	/* Case does not count, in any script; accents do, one edit per letter;
	 * how an accent is typed does not (NFC "é" = NFD "e" + U+0301). */
	assert_int_equal(text_edit_distance("Sexe.F", "sexe.f"), 0);
	assert_int_equal(text_edit_distance("sexe.femmes", "sexe.F"), 5);
	assert_int_equal(text_edit_distance("\u00E9", "e"), 1);
	assert_int_equal(text_edit_distance("\u00C9LO\u00CFSE", "\u00E9lo\u00EFse"), 0);
	assert_int_equal(text_edit_distance("He\u0301le\u0300ne", "H\u00E9l\u00E8ne"), 0);
	assert_int_equal(text_edit_distance("He\u0301le\u0300ne", "Helene"), 2);
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

/* The same name typed four ways: precomposed (NFC), decomposed (NFD: a
 * letter then a combining accent, as some QDA exports and macOS file names
 * write it), upper case, and without accents. */
#define NFC_NAME "H\u00E9l\u00E8ne"
#define NFD_NAME "He\u0301le\u0300ne"

static void check_norm(const char *in, unsigned flags, const char *want)
{
	char *got = text_normalize(in, flags);
	assert_string_equal(got, want);
	free(got);
}

static void test_normalize(void **state)
{
	(void)state;
	/* NFC input is kept; NFD input is composed; the bytes differ before. */
	assert_string_not_equal(NFC_NAME, NFD_NAME);
	check_norm(NFC_NAME, 0, NFC_NAME);
	check_norm(NFD_NAME, 0, NFC_NAME);
	assert_true(text_is_nfc(NFC_NAME));
	assert_false(text_is_nfc(NFD_NAME));
	assert_true(text_is_nfc("plain ASCII"));
	/* Case folding, in both forms. */
	check_norm("H\u00C9L\u00C8NE", TEXT_FOLD_CASE, "h\u00E9l\u00E8ne");
	check_norm("HE\u0301LE\u0300NE", TEXT_FOLD_CASE, "h\u00E9l\u00E8ne");
	check_norm("Stra\u00DFe", TEXT_FOLD_CASE, "strasse");
	/* Accents dropped, whichever way they were typed; joined letters spelled. */
	check_norm(NFC_NAME, TEXT_FOLD_CASE | TEXT_FOLD_MARKS, "helene");
	check_norm(NFD_NAME, TEXT_FOLD_CASE | TEXT_FOLD_MARKS, "helene");
	check_norm("C\u0153ur \u00C6lis \u0141\u00F3d\u017A", TEXT_FOLD_CASE | TEXT_FOLD_MARKS,
		   "coeur aelis lodz");
	/* Compatibility forms, look-alike punctuation and invisible characters. */
	check_norm("\uFB01ne N\u2019Dour a\u00A0b He\u00ADl\u200Bene",
		   TEXT_FOLD_CASE | TEXT_FOLD_MARKS | TEXT_FOLD_COMPAT, "fine n'dour a b helene");
	/* Without COMPAT, the ligature and the no-break space are kept. */
	check_norm("\uFB01\u00A0", 0, "\uFB01\u00A0");
	/* Not UTF-8: copied, ASCII lowered when case is folded. */
	check_norm("AB\xE9", TEXT_FOLD_CASE, "ab\xE9");
	check_norm("AB\xE9", 0, "AB\xE9");
	check_norm("", TEXT_FOLD_CASE, "");
}

/* text_is_nfc's quick path (code points it accepts without utf8proc) must
 * agree with the full normalisation for every code point of its ranges,
 * alone and next to a letter; and U+2000 or a combining mark, outside the
 * ranges, must still be found not NFC. */
static void test_nfc_quick_ranges(void **state)
{
	(void)state;
	static const unsigned ranges[][2] = {{0x80, 0x300}, {0x2000, 0x2070}, {0x20A0, 0x20D0}};
	for (size_t r = 0; r < sizeof ranges / sizeof *ranges; r++)
		for (unsigned c = ranges[r][0]; c < ranges[r][1]; c++) {
			char s[16];
			if (c < 0x800)
				snprintf(s, sizeof s, "a%c%cb", 0xC0 | (c >> 6), 0x80 | (c & 0x3F));
			else
				snprintf(s, sizeof s, "a%c%c%cb", 0xE0 | (c >> 12),
					 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F));
			char *n = text_normalize(s, 0);
			if (text_is_nfc(s) != (strcmp(n, s) == 0))
				fail_msg("text_is_nfc disagrees with NFC for U+%04X", c);
			free(n);
		}
	assert_false(text_is_nfc("\u2000"));       /* singleton: becomes U+2002 */
	assert_false(text_is_nfc("caf\u00E9e\u0301")); /* combining mark after the quick range */
}

static void test_equal(void **state)
{
	(void)state;
	assert_true(text_equal(NFC_NAME, NFD_NAME));
	assert_true(text_equal(NFD_NAME, NFC_NAME));
	assert_true(text_equal("Coop Manau", "Coop Manau"));
	assert_false(text_equal(NFC_NAME, "Helene"));
	assert_false(text_equal(NFC_NAME, "h\u00E9l\u00E8ne"));
	assert_true(text_equal_fold(NFC_NAME, "HE\u0301LE\u0300NE"));
	assert_true(text_equal_fold("Coop Manau", "COOP MANAU"));
	assert_false(text_equal_fold(NFC_NAME, "Helene"));
	/* A near miss typed decomposed still gets its suggestion. */
	const char *const cands[] = {"Moulins Coop", "Coop Manau", NFC_NAME};
	assert_string_equal(text_suggest("He\u0301le\u0300nne", cands, 3), NFC_NAME);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_nfc_quick_ranges),
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_did_you_mean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
