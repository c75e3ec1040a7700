/* test_tmpl_util.h - shared by the template unit tests: a scratch folder of
 * template files, a model and its statistics, and one build whose
 * diagnostics and doc dump are captured as strings. */
#ifndef TEST_TMPL_UTIL_H
#define TEST_TMPL_UTIL_H

#include <stdbool.h>

#include "doc.h"
#include "model.h"
#include "stats.h"

typedef struct {
	char *dir;    /* scratch folder: layouts/ and textes/ below it */
	char *layouts, *texts;
	model *m;
	stats *s;
	char *diag;   /* messages of the last tt_build */
	doc *doc;     /* result of the last tt_build, or NULL */
	void *tmpl;   /* the loaded template (kept until the doc goes) */
} tt_fixture;

/* inputs: a folder relative to the source tree ("inputs",
 * "tests/fixtures/mini"). */
tt_fixture *tt_create(const char *inputs);
void tt_destroy(tt_fixture *t);
/* Write text to dir/sub/name (sub is "layouts" or "textes"). */
void tt_write(tt_fixture *t, const char *sub, const char *name, const char *text);
/* Load and build layouts/main; returns the doc (also in t->doc) or NULL. */
doc *tt_build(tt_fixture *t, const char *main);
/* Write "<modele>body</modele>" as layouts/t.xml and build it. */
doc *tt_build_body(tt_fixture *t, const char *body);
/* Text of block i of the last doc ("" if none). */
const char *tt_text(const tt_fixture *t, size_t i);
/* Full path of the source tree. */
const char *tt_src(void);
/* doc_dump into a string, with " origin=..." removed when strip is set. */
char *tt_dump(const doc *d, bool strip_origin);

#endif
