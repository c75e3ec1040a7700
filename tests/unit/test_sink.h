/* test_sink.h - capture what a stage reports: a diag_sink writing into a
 * memory stream, so tests can assert the exact messages users would see.
 * Header-only (static functions) so each test program takes what it uses. */
#ifndef RECIT_TEST_SINK_H
#define RECIT_TEST_SINK_H

#include <stdio.h>
#include <stdlib.h>

#include "diag.h"

typedef struct {
	char *text;
	size_t len;
	FILE *mem;
	diag_sink *d;
} sink;

static inline void sink_open(sink *s)
{
	s->text = NULL;
	s->len = 0;
	s->mem = open_memstream(&s->text, &s->len);
	s->d = diag_sink_create(s->mem, 0);
}

/* Everything reported so far ("" when nothing). */
static inline const char *sink_text(sink *s)
{
	fflush(s->mem);
	return s->text ? s->text : "";
}

static inline void sink_close(sink *s)
{
	diag_sink_destroy(s->d);
	fclose(s->mem);
	free(s->text);
}

/* Close the sink and hand its text to the caller (free it). */
static inline char *sink_close_take(sink *s)
{
	diag_sink_destroy(s->d);
	fclose(s->mem);
	return s->text ? s->text : calloc(1, 1);
}

#endif
