/* Unit tests for the artifact step (draw_artifact.c): what Cairo leaves
 * outside marked content is wrapped whole, and nothing else is touched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "draw_pdfua.h"
#include "util.h"

static char *wrap(const char *in, size_t *n, int *rc)
{
	strbuf out = {0};
	*rc = artifact_wrap((const unsigned char *)in, strlen(in), &out, n);
	strbuf_putc(&out, '\0');
	return strbuf_detach(&out);
}

static void test_marked_untouched(void **state)
{
	size_t n;
	int rc;
	const char *in = "/P <</MCID 0>> BDC\nBT /f-0-0 1 Tf (a\\)b) Tj ET\n0 0 m 1 1 l S\nEMC\n";
	char *out = wrap(in, &n, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(n, 0);
	assert_string_equal(out, in);
	free(out);
}

static void test_unmarked_wrapped(void **state)
{
	size_t n;
	int rc;
	/* A footer (text), a rule (path) and a clip that ends with n. */
	char *out = wrap("q 1 0 0 rg BT 10 0 Td [(p)-3(age)] TJ ET 0 0 m 9 0 l S Q "
			 "0 0 5 5 re W n",
			 &n, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(n, 3);
	assert_string_equal(out, "q 1 0 0 rg BT 10 0 Td /Artifact BMC\n[(p)-3(age)] TJ\nEMC\n ET "
				 "/Artifact BMC\n0 0 m 9 0 l S\nEMC\n Q /Artifact BMC\n0 0 5 5 re W n\nEMC\n");
	free(out);
}

static void test_inline_image_and_strings(void **state)
{
	size_t n;
	int rc;
	/* "EMC" inside a string and binary image data are not operators. */
	char *out = wrap("BT (EMC Tj) Tj ET BI /W 1 /H 1 ID \x01\x02" "EMC EI\n", &n, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(n, 2);
	assert_non_null(strstr(out, "/Artifact BMC\nBI /W 1 /H 1 ID \x01\x02" "EMC EI\nEMC\n"));
	free(out);
}

static void test_unbalanced(void **state)
{
	size_t n;
	int rc;
	char *out = wrap("/Span BMC BT (x) Tj ET", &n, &rc);
	assert_int_equal(rc, -1);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marked_untouched),
		cmocka_unit_test(test_unmarked_wrapped),
		cmocka_unit_test(test_inline_image_and_strings),
		cmocka_unit_test(test_unbalanced),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
