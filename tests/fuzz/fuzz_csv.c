/* libFuzzer target: the CSV reader on arbitrary bytes (encodings, quotes,
 * separators, limits). Nothing may crash, leak or read out of bounds, and
 * every cell handed out must be NUL-terminated valid text. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "csv_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_sink *d = diag_sink_create(NULL, 0);
	csv_limits lim = {.max_bytes = 1 << 20, .max_field_bytes = 4096};
	csv_table *t = csv_table_read_buffer(d, "fuzz.csv", (const char *)data, size, &lim);
	if (t) {
		size_t sum = 0;
		for (size_t r = 0; r < csv_table_nrows(t); r++)
			for (size_t c = 0; c < csv_table_ncols(t); c++)
				sum += strlen(csv_table_cell(t, r, c)->text);
		for (size_t c = 0; c < csv_table_ncols(t); c++)
			(void)csv_table_find(t, csv_table_header(t, c));
		(void)sum;
		csv_table_destroy(t);
	}
	diag_sink_destroy(d);
	return 0;
}
