/* test_tmpl_util.c - fixtures for the template unit tests (see the header). */
#define _GNU_SOURCE
#include "test_tmpl_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tmpl.h"
#include "util.h"
#include "test_sink.h"

const char *tt_src(void)
{
	const char *s = getenv("RECIT_SOURCE_DIR");
	return s ? s : ".";
}

tt_fixture *tt_create(const char *inputs)
{
	tt_fixture *t = xcalloc(1, sizeof *t);
	char dir[] = "/tmp/recit-tmpl-XXXXXX";
	if (!mkdtemp(dir))
		abort();
	t->dir = xstrdup(dir);
	t->layouts = xasprintf("%s/layouts", t->dir);
	t->texts = xasprintf("%s/textes", t->dir);
	mkdir(t->layouts, 0777);
	mkdir(t->texts, 0777);
	char *in = xasprintf("%s/%s", tt_src(), inputs);
	diag_sink *d = diag_sink_create(stderr, 0);
	t->m = model_load(d, in);
	if (!t->m || diag_failed(d))
		abort();
	diag_sink_destroy(d);
	free(in);
	stats_options so = {.rounding = STATS_ROUND_HALF_UP, .threshold = -1};
	t->s = stats_compute(t->m, &so);
	return t;
}

static void clear(tt_fixture *t)
{
	doc_destroy(t->doc);
	tmpl_destroy(t->tmpl);
	free(t->diag);
	t->doc = NULL;
	t->tmpl = NULL;
	t->diag = NULL;
}

void tt_destroy(tt_fixture *t)
{
	clear(t);
	stats_destroy(t->s);
	model_destroy(t->m);
	char *cmd = xasprintf("rm -rf '%s'", t->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", t->dir);
	free(cmd);
	free(t->dir);
	free(t->layouts);
	free(t->texts);
	free(t);
}

void tt_write(tt_fixture *t, const char *sub, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s/%s", t->dir, sub, name);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	mkdir(path, 0777); /* one level of sub-folder is enough for the tests */
	*slash = '/';
	FILE *f = fopen(path, "w");
	if (!f)
		abort();
	fputs(text, f);
	fclose(f);
	free(path);
}

doc *tt_build(tt_fixture *t, const char *main)
{
	clear(t);
	sink out;
	sink_open(&out);
	diag_sink *d = out.d;
	char *schemas = xasprintf("%s/layouts", tt_src());
	/* Relative paths, so that messages read "layouts/t.xml:3". */
	char *cwd = getcwd(NULL, 0);
	if (chdir(t->dir) != 0)
		abort();
	tmpl_paths p = {"layouts", main, "textes", schemas};
	t->tmpl = tmpl_load(d, &p);
	if (t->tmpl)
		t->doc = tmpl_build(d, t->tmpl, t->m, t->s);
	if (chdir(cwd) != 0)
		abort();
	free(cwd);
	free(schemas);
	t->diag = sink_close_take(&out);
	return t->doc;
}

doc *tt_build_body(tt_fixture *t, const char *body)
{
	char *text = xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<modele>%s</modele>\n",
			       body);
	tt_write(t, "layouts", "t.xml", text);
	free(text);
	return tt_build(t, "t.xml");
}

const char *tt_text(const tt_fixture *t, size_t i)
{
	const doc_block *b = t->doc ? doc_at(t->doc, i) : NULL;
	return b && b->text ? b->text : "";
}

char *tt_dump(const doc *d, bool strip_origin)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	doc_dump(d, mem);
	fclose(mem);
	if (!strip_origin)
		return buf;
	strbuf out = {0};
	for (const char *p = buf; *p;) {
		if (!strncmp(p, " origin=", 8)) {
			p += 8;
			while (*p && *p != ' ' && *p != '\n')
				p++;
		} else
			strbuf_putc(&out, *p++);
	}
	free(buf);
	return strbuf_detach(&out);
}
