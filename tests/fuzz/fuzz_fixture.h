/* fuzz_fixture.h - what the template, interview and QDPX fuzz targets share:
 * the source tree (RECIT_SOURCE_DIR, else "."), a scratch folder made once
 * per process and removed at exit, and the small fixed network of
 * tests/fixtures/mini with its statistics, loaded once. Header-only so that
 * scripts/fuzz.sh and the ctest replay build each target from one file. */
#ifndef RECIT_FUZZ_FIXTURE_H
#define RECIT_FUZZ_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model.h"
#include "stats.h"
#include "util.h"

static inline const char *fz_src(void)
{
	const char *s = getenv("RECIT_SOURCE_DIR");
	return s && *s ? s : ".";
}

/* Where the targets send diagnostics: nowhere, or stderr when FUZZ_VERBOSE
 * is set (to see what a seed or a crash input does). */
static inline FILE *fz_messages(void)
{
	return getenv("FUZZ_VERBOSE") ? stderr : NULL;
}

static char *fz_dir_path;

static inline void fz_cleanup(void)
{
	if (!fz_dir_path)
		return;
	char *cmd = xasprintf("rm -rf '%s'", fz_dir_path);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", fz_dir_path);
	free(cmd);
	free(fz_dir_path);
	fz_dir_path = NULL;
}

/* The scratch folder (created on first use). */
static inline const char *fz_dir(void)
{
	if (!fz_dir_path) {
		char tmpl[] = "/tmp/recit-fuzz-XXXXXX";
		if (!mkdtemp(tmpl))
			abort();
		fz_dir_path = xstrdup(tmpl);
		atexit(fz_cleanup);
	}
	return fz_dir_path;
}

/* Write data to path, or abort (the harness, not the input, is broken). */
static inline void fz_write(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		abort();
	}
}

/* Copy a file of the source tree into the scratch folder. */
static inline void fz_copy(const char *from_rel, const char *to_rel)
{
	char *from = xasprintf("%s/%s", fz_src(), from_rel);
	char *to = xasprintf("%s/%s", fz_dir(), to_rel);
	size_t len = 0;
	char *data = read_file(from, (size_t)16 << 20, &len);
	if (!data) {
		perror(from);
		abort();
	}
	fz_write(to, data, len);
	free(data);
	free(from);
	free(to);
}

static model *fz_model;
static stats *fz_stats;

static inline void fz_free_model(void)
{
	stats_destroy(fz_stats);
	model_destroy(fz_model);
	fz_stats = NULL;
	fz_model = NULL;
}

/* tests/fixtures/mini and its statistics, loaded once. */
static inline void fz_load_mini(void)
{
	if (fz_model)
		return;
	char *in = xasprintf("%s/tests/fixtures/mini", fz_src());
	diag_sink *d = diag_sink_create(stderr, 0);
	fz_model = model_load(d, in);
	if (!fz_model || diag_failed(d)) {
		fprintf(stderr, "cannot load %s (set RECIT_SOURCE_DIR)\n", in);
		abort();
	}
	diag_sink_destroy(d);
	free(in);
	stats_options so = {.rounding = STATS_ROUND_HALF_UP, .threshold = -1};
	fz_stats = stats_compute(fz_model, &so);
	atexit(fz_free_model);
}

#endif
