/* Unit tests for the draw devices: reproducible PDFs, Cairo status
 * checked (a bad link fails and leaves the previous file intact), PNG
 * output, and a stable trace. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "doc.h"
#include "draw.h"
#include "test_typesetter.h"
#include "typeset_int.h"
#include "outfile.h"
#include "util.h"

typedef struct {
	test_ts ts;
	doc *d;
	page_list *pl;
	char dir[64];
} fixture;

static doc *sample_doc(void)
{
	doc_meta m = {.title = "Récit — essai", .author = "ANIS", .subject = "Test",
		      .keywords = "a, b", .date_iso = "2024-01-15"};
	doc *d = doc_create(&m);
	doc_block *c = doc_append(d, DOC_COVER);
	c->text = xstrdup("Récit évaluatif");
	c->subtitle = xstrdup("Sous-titre");
	c->extra = xstrdup("Janvier 2024");
	doc_append(d, DOC_TOC);
	doc_add_heading(d, 1, "s1", "1. Présentation");
	doc_add_text(d, DOC_PARAGRAPH, "Un paragraphe : le développement des coopérant·es « ici » !");
	doc_add_heading(d, 2, "s1-1", "Les chiffres");
	doc_block *t = doc_append(d, DOC_TILES);
	doc_tiles_add(t, "267", "coopérant·es", "Base : 267");
	doc_tiles_add(t, "73 %", "de femmes", NULL);
	/* Bars as <barres> makes them: lengths already fractions of the longest. */
	doc_chart *b = doc_add_chart(d, DOC_CHART_HBAR, "Âge", NULL);
	doc_chart_add_series(b, NULL);
	doc_chart_set(b, 0, doc_chart_add_cat(b, "16-24 ans", -1), 0.22, "22 %", 0);
	doc_chart_set(b, 0, doc_chart_add_cat(b, "Autre", -1), 0.01, "< 5", 1);
	b->axis_max = 1.0;
	doc_add_heading(d, 1, "s2", "2. Suite");
	doc_add_text(d, DOC_NOTE, "Note.");
	return d;
}

static int setup(void **state)
{
	fixture *f = xcalloc(1, sizeof *f);
	if (!test_ts_open(&f->ts))
		return -1;
	f->d = sample_doc();
	f->pl = typeset_document(f->ts.t, f->d);
	snprintf(f->dir, sizeof f->dir, "/tmp/recit-test-draw-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	char *cmd = xasprintf("rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", f->dir);
	free(cmd);
	page_list_destroy(f->pl);
	doc_destroy(f->d);
	test_ts_close(&f->ts);
	free(f);
	return 0;
}

static char *slurp(const char *path, size_t *len)
{
	char *s = read_file(path, 64u << 20, len);
	assert_non_null(s);
	return s;
}

static size_t count_files(const char *dir)
{
	char *cmd = xasprintf("ls -A '%s' | wc -l", dir);
	FILE *p = popen(cmd, "r");
	size_t n = 0;
	if (p) {
		if (fscanf(p, "%zu", &n) != 1)
			n = 0;
		pclose(p);
	}
	free(cmd);
	return n;
}

static void test_pdf_reproducible(void **state)
{
	fixture *f = *state;
	char *a = xasprintf("%s/a.pdf", f->dir), *b = xasprintf("%s/b.pdf", f->dir);
	assert_int_equal(draw_pdf(f->ts.s.d, f->pl, doc_meta_lookup(f->d), a), 0);
	assert_int_equal(draw_pdf(f->ts.s.d, f->pl, doc_meta_lookup(f->d), b), 0);
	size_t la, lb;
	char *da = slurp(a, &la), *db = slurp(b, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(da, db, la);
	assert_int_equal(memcmp(da, "%PDF-1.", 7), 0);
	/* The date comes from the document, never from the clock. */
	/* (/Info sits in a compressed object stream; the XMP packet, which
	 * must match it, is never compressed.) */
	assert_non_null(memmem(da, la, "<xmp:CreateDate>2024-01-15T00:00:00Z<", 37));
	/* PDF/UA-1 and PDF/A-2 identification (docs/accessibility.md). */
	assert_non_null(memmem(da, la, "<pdfuaid:part>1</pdfuaid:part>", 30));
	assert_non_null(memmem(da, la, "<pdfaid:part>2</pdfaid:part>", 28));
	assert_int_equal(count_files(f->dir), 2); /* no temporary left over */
	/* qpdf, when installed, finds no damage (links, outline, tags). */
	if (system("command -v qpdf >/dev/null 2>&1") == 0) {
		char *cmd = xasprintf("qpdf --check '%s' >/dev/null 2>&1", a);
		assert_int_equal(system(cmd), 0);
		free(cmd);
	}
	assert_int_equal(diag_count(f->ts.s.d, DIAG_ERROR), 0);
	free(da);
	free(db);
	free(a);
	free(b);
}

/* A link to a destination that does not exist would make Cairo write a
 * damaged file without any error: the device refuses it, reports, and the
 * previous PDF stays as it was. */
static void test_pdf_failure_keeps_previous(void **state)
{
	fixture *f = *state;
	char *path = xasprintf("%s/r.pdf", f->dir);
	assert_int_equal(write_file_atomic(path, "previous", 8), 0);
	page_list *bad = ts_page_list_create();
	page *pg = ts_page_add(bad, 609563, 862095);
	page_op link = {.kind = PAGE_OP_LINK, .x = 0, .y = 0, .w = 1024, .h = 1024,
			.name = (char *)"nowhere"};
	ts_page_push(pg, &link);
	assert_int_equal(draw_pdf(f->ts.s.d, bad, doc_meta_lookup(f->d), path), -1);
	assert_true(diag_failed(f->ts.s.d));
	assert_non_null(strstr(sink_text(&f->ts.s), "\"nowhere\""));
	size_t len;
	char *s = slurp(path, &len);
	assert_int_equal(len, 8);
	assert_memory_equal(s, "previous", 8);
	assert_int_equal(count_files(f->dir), 1);
	free(s);
	page_list_destroy(bad);
	/* An unwritable place: an error, not a crash. */
	assert_int_equal(draw_pdf(f->ts.s.d, f->pl, NULL, "/nonexistent-dir/x.pdf"), -1);
	free(path);
}

static void test_png(void **state)
{
	fixture *f = *state;
	char *path = xasprintf("%s/p.png", f->dir);
	assert_int_equal(draw_png(f->ts.s.d, f->pl, 0, 30, path), 0);
	size_t len;
	char *s = slurp(path, &len);
	assert_true(len > 100);
	assert_memory_equal(s, "\x89PNG", 4);
	free(s);
	assert_int_equal(draw_png(f->ts.s.d, f->pl, 999, 30, path), -1);
	free(path);
}

static void test_trace_stable(void **state)
{
	fixture *f = *state;
	char *b1 = NULL, *b2 = NULL;
	size_t l1 = 0, l2 = 0;
	FILE *m1 = open_memstream(&b1, &l1);
	draw_trace(f->pl, m1);
	fclose(m1);
	/* A second layout of the same document gives the same trace. */
	page_list *again = typeset_document(f->ts.t, f->d);
	FILE *m2 = open_memstream(&b2, &l2);
	draw_trace(again, m2);
	fclose(m2);
	assert_string_equal(b1, b2);
	assert_int_equal(strncmp(b1, "page 1 609563 862095\n", 21), 0);
	assert_non_null(strstr(b1, "dest \"s1\""));
	assert_non_null(strstr(b1, "outline 2 \"Les chiffres\" -> \"s1-1\""));
	assert_non_null(strstr(b1, "link \"s2\""));
	assert_non_null(strstr(b1, "stroke=#66737C/717/dashed")); /* suppressed bar */
	assert_non_null(strstr(b1, "\"page 3 / 4\""));
	page_list_destroy(again);
	free(b1);
	free(b2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pdf_reproducible, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pdf_failure_keeps_previous, setup, teardown),
		cmocka_unit_test_setup_teardown(test_png, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trace_stable, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
