/* test_interviews_fixture.h - a small interviews folder written to a
 * temporary directory and loaded, for the tests of the analysis and of the
 * quote selection. Header-only, like test_sink.h. */
#ifndef RECIT_TEST_INTERVIEWS_FIXTURE_H
#define RECIT_TEST_INTERVIEWS_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interview.h"
#include "test_sink.h"
#include "outfile.h"
#include "util.h"

typedef struct {
	char dir[64];
	sink out;
	interviews *iv;
} iv_fixture;

static inline void iv_fixture_put(const iv_fixture *f, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", f->dir, name);
	assert_int_equal(write_file_atomic(p, text, strlen(text)), 0);
	free(p);
}

/* Writes grille.xml and entretiens.xml and loads them: the load must report
 * nothing. */
static inline iv_fixture *iv_fixture_open(const char *grille, const char *entretiens)
{
	iv_fixture *f = xcalloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/recit-iv-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	iv_fixture_put(f, "grille.xml", grille);
	iv_fixture_put(f, "entretiens.xml", entretiens);
	sink_open(&f->out);
	f->iv = interviews_load(f->out.d, f->dir, NULL);
	assert_string_equal(sink_text(&f->out), "");
	return f;
}

static inline void iv_fixture_close(iv_fixture *f)
{
	interviews_destroy(f->iv);
	sink_close(&f->out);
	char *cmd = xasprintf("rm -rf '%s'", f->dir);
	int rc = system(cmd);
	(void)rc;
	free(cmd);
	free(f);
}

#endif
