/* libFuzzer target: French value parsers and formatters on arbitrary text.
 * A parsed value must format back without overflow or invalid UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv_read.h"
#include "fmt_fr.h"
#include "parse_fr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	char buf[FMT_CAP];
	long long v;
	if (parse_integer(s, &v) == PARSE_OK)
		fmt_int(buf, sizeof buf, v);
	if (parse_amount_cents(s, &v) == PARSE_OK) {
		fmt_euros(buf, sizeof buf, v, 0);
		fmt_euros(buf, sizeof buf, v, 1);
	}
	recit_date dt;
	if (parse_date(s, &dt) == PARSE_OK) {
		fmt_date_long(buf, sizeof buf, dt);
		fmt_month_year(buf, sizeof buf, dt);
	}
	/* Two-digit years in any window, times after the date. */
	if (parse_date_pivot(s, 1900 + (int)(size % 300), &dt) == PARSE_OK)
		fmt_date_long(buf, sizeof buf, dt);
	bool b;
	(void)parse_yes_no(s, &b);
	char norm[128];
	csv_normalize_name(s, norm, sizeof norm);
	free(s);
	return 0;
}
