/* test_typesetter.h - a typesetting context over the project's fonts
 * (RECIT_SOURCE_DIR/fonts), its messages captured in a test_sink.h sink,
 * for the tests of charts, pagination and the draw devices. Header-only
 * (static functions) like test_sink.h. */
#ifndef RECIT_TEST_TYPESETTER_H
#define RECIT_TEST_TYPESETTER_H

#include <stdbool.h>
#include <stdlib.h>

#include "test_sink.h"
#include "typeset.h"
#include "util.h"

/* The fonts folder of the source tree. Caller frees. */
static inline char *test_fonts_dir(void)
{
	const char *src = getenv("RECIT_SOURCE_DIR");
	return xasprintf("%s/fonts", src ? src : ".");
}

typedef struct {
	sink s;         /* s.d: the context's diag sink */
	typeset_ctx *t; /* built-in styles, no hyphenation dictionary */
} test_ts;

/* False when the fonts cannot be loaded (the reason is in ts->s). */
static inline bool test_ts_open(test_ts *ts)
{
	sink_open(&ts->s);
	char *fd = test_fonts_dir();
	ts->t = typeset_create(ts->s.d, fd, NULL);
	free(fd);
	return ts->t != NULL;
}

static inline void test_ts_close(test_ts *ts)
{
	typeset_destroy(ts->t);
	sink_close(&ts->s);
}

#endif
