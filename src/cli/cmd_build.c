/* cmd_build.c - `recit build`: inputs -> model -> stats -> layout templates
 * -> document tree -> pages -> PDF. With --dump, stop after a stage and
 * print it as text. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "chart_core.h"
#include "cli.h"
#include "draw.h"
#include "interview.h"
#include "model.h"
#include "stats.h"
#include "tmpl.h"
#include "typeset.h"
#include "util.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Create the output folder if needed (one level, like the default outputs/). */
static int ensure_folder(diag_sink *d, const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		diag_emit(d, DIAG_FATAL, (src_loc){dir, 0, 0}, NULL,
			  "expected an output folder, found a file");
		return -1;
	}
	if (mkdir(dir, 0777) != 0) {
		diag_emit(d, DIAG_FATAL, (src_loc){dir, 0, 0}, NULL,
			  "cannot create the output folder: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int cmd_build(const cli_options *o)
{
	double t0 = now_ms();
	int rc = EXIT_OK;
	diag_sink *d = diag_sink_create(stderr, o->max_errors);
	model *m = model_load(d, o->inputs);
	interviews *iv = NULL;
	stats *s = NULL;
	doc *document = NULL;
	tmpl *layout = NULL;
	typeset_ctx *ts = NULL;
	page_list *pages = NULL;
	char *pdf_path = NULL;

	/* The interviews are optional (docs/interviews.md). When present they
	 * go through the private first-name guard before anything is printed:
	 * an excerpt naming a real person stops the build, and the previous
	 * report stays as it was. */
	if (m && !diag_failed(d)) {
		char *dir = xasprintf("%s/entretiens", o->inputs);
		if (interviews_present(dir))
			iv = interviews_load(d, dir, m);
		if (iv)
			interviews_check_private_names(
				d, iv, interviews_private_names_path(o->private_names));
		free(dir);
	}
	if (diag_failed(d)) {
		fprintf(stderr, "recit: the inputs have errors; nothing was written\n");
		rc = EXIT_INPUT;
		goto done;
	}
	if (o->dump && !strcmp(o->dump, "model")) {
		model_dump(m, stdout);
		goto done;
	}
	stats_options so = {o->largest_remainder ? STATS_ROUND_LARGEST_REMAINDER
						 : STATS_ROUND_HALF_UP,
			    -1};
	s = stats_compute(m, &so);
	if (o->dump && !strcmp(o->dump, "stats")) {
		stats_write(s, STATS_FORMAT_CSV, false, stdout);
		goto done;
	}
	tmpl_paths tp = {o->layouts, o->template_name, o->inputs, NULL};
	layout = tmpl_load(d, &tp);
	style_sheet sheet;
	bool styles_ok = tmpl_styles_load(d, o->layouts, &sheet);
	document = layout ? tmpl_build_with_interviews(d, layout, m, s, iv) : NULL;
	if (!document || !styles_ok) {
		fprintf(stderr, "recit: the layout templates have errors; nothing was written\n");
		rc = EXIT_INPUT;
		goto done;
	}
	if (o->dump && !strcmp(o->dump, "doc")) {
		doc_dump(document, stdout);
		goto done;
	}
	if (o->descriptions) {
		/* `recit stats --descriptions`: the text each chart stands for,
		 * one per line, as a reader without the picture would get it. */
		for (size_t i = 0; i < doc_count(document); i++) {
			const doc_block *b = doc_at(document, i);
			if (b->kind != DOC_CHART || !b->chart)
				continue;
			char *text = chart_describe(b->chart);
			if (text)
				puts(text);
			free(text);
		}
		goto done;
	}
	ts = typeset_create(d, o->fonts, o->hyphenation);
	if (!ts) {
		rc = EXIT_SYSTEM;
		goto done;
	}
	typeset_set_styles(ts, &sheet);
	pages = typeset_document(ts, document);
	if (!pages || diag_failed(d)) {
		rc = diag_count(d, DIAG_FATAL) ? EXIT_SYSTEM : EXIT_INPUT;
		goto done;
	}
	if (o->dump && !strcmp(o->dump, "pages")) {
		draw_trace(pages, stdout);
		goto done;
	}
	if (ensure_folder(d, o->outputs) != 0) {
		rc = EXIT_SYSTEM;
		goto done;
	}
	pdf_path = xasprintf("%s/rapport.pdf", o->outputs);
	if (draw_pdf(d, pages, doc_meta_lookup(document), pdf_path) != 0) {
		rc = EXIT_SYSTEM;
		goto done;
	}
	if (!o->quiet)
		fprintf(stderr, "recit: wrote %s (%zu pages) in %.0f ms\n", pdf_path,
			page_list_count(pages), now_ms() - t0);
done:
	diag_summary(d);
	free(pdf_path);
	page_list_destroy(pages);
	typeset_destroy(ts);
	doc_destroy(document);
	tmpl_destroy(layout); /* after the doc: block origins point into it */
	stats_destroy(s);
	interviews_destroy(iv);
	model_destroy(m);
	diag_sink_destroy(d);
	return rc;
}
