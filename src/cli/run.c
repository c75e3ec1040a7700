/* run.c - the one pipeline of every command (run.h): stages loaded on
 * request, once and in order, one diag_sink and one exit-status rule. */
#include "run.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "outfile.h"
#include "util.h"

typedef enum { STAGE_PENDING, STAGE_LOADED, STAGE_FAILED } stage_state;

struct run {
	const cli_options *o;
	const run_notes *notes;
	diag_sink *d;
	stats_options so;
	stage_state state[RUN__STAGES];
	stage_state styles_state; /* the style sheet, part of RUN_LAYOUTS */
	int worst;		  /* worst failure recorded (run_fail) */
	model *m;
	interviews *iv;
	stats *s;
	tmpl *t;
	style_sheet sheet;
	doc *document;
	typeset_ctx *ts;
	page_list *pages;
	int out_locks[2]; /* output folders held (outdir_open), -1 when free */
	size_t n_out_locks;
};

const run_notes RUN_NOTES_REPORT = {{
	[RUN_MODEL] = N_("the inputs have errors; nothing was written"),
	[RUN_INTERVIEWS] = N_("the inputs have errors; nothing was written"),
	[RUN_LAYOUTS] = N_("the layout templates have errors; nothing was written"),
	[RUN_DOCUMENT] = N_("the layout templates have errors; nothing was written"),
}};

/* --- the stages ------------------------------------------------------------- */

/* A missing inputs folder is one fatal message (exit 3), not one "cannot
 * open" per file. */
static bool load_model(run *r)
{
	if (!run_input_exists(r, r->o->inputs, true))
		return false;
	r->m = model_load(r->d, r->o->inputs);
	return r->m != NULL;
}

/* The interviews are optional (docs/interviews.md), unless --interviews
 * asks for them. When present they go through the private first-name
 * guard before anything is printed: an excerpt naming a real person stops
 * the run. */
static bool load_interviews(run *r)
{
	char *dir = xasprintf("%s/entretiens", r->o->inputs);
	bool wanted = r->o->interviews || interviews_present(dir);
	if (wanted)
		r->iv = interviews_load(r->d, dir, r->m);
	free(dir);
	if (r->iv)
		interviews_check_private_names(r->d, r->iv,
					       interviews_private_names_path(r->o->private_names));
	return !wanted || r->iv;
}

static bool load_stats(run *r)
{
	r->s = stats_compute(r->m, &r->so);
	return r->s != NULL;
}

/* Template and style sheet are both read, so that both are reported. */
static bool load_layouts(run *r)
{
	tmpl_paths tp = {r->o->layouts, r->o->template_name, r->o->inputs, NULL};
	r->t = tmpl_load(r->d, &tp);
	bool styles_ok = run_styles(r);
	return r->t && styles_ok;
}

static bool load_document(run *r)
{
	r->document = tmpl_build_with_interviews(r->d, r->t, r->m, r->s, r->iv);
	return r->document != NULL;
}

static bool load_typesetter(run *r)
{
	r->ts = typeset_create(r->d, r->o->fonts, r->o->hyphenation);
	if (r->ts)
		typeset_set_strict(r->ts, r->o->strict);
	return r->ts != NULL;
}

static bool load_pages(run *r)
{
	typeset_set_styles(r->ts, &r->sheet);
	r->pages = typeset_document(r->ts, r->document);
	return r->pages != NULL;
}

#define NEED(s) (1u << (s))

/* What each stage needs, and the exit status when it fails: the
 * typesetter fails for want of fonts, a system matter. */
static const struct {
	unsigned needs;
	int fails_with;
	bool (*load)(run *r);
} STAGES[RUN__STAGES] = {
	[RUN_MODEL] = {0, EXIT_INPUT, load_model},
	[RUN_INTERVIEWS] = {NEED(RUN_MODEL), EXIT_INPUT, load_interviews},
	[RUN_STATS] = {NEED(RUN_MODEL), EXIT_INPUT, load_stats},
	/* Templates only once the data are valid, so that one mistake in a
	 * CSV file does not come back as a hundred template messages. */
	[RUN_LAYOUTS] = {NEED(RUN_MODEL), EXIT_INPUT, load_layouts},
	[RUN_DOCUMENT] = {NEED(RUN_INTERVIEWS) | NEED(RUN_STATS) | NEED(RUN_LAYOUTS), EXIT_INPUT,
			  load_document},
	[RUN_TYPESETTER] = {0, EXIT_SYSTEM, load_typesetter},
	[RUN_PAGES] = {NEED(RUN_DOCUMENT) | NEED(RUN_TYPESETTER), EXIT_INPUT, load_pages},
};

/* The note of a stage that failed, after the file in error: the document
 * stage reads the layouts but also the narrative and the identity sheets of
 * the inputs, and "the layout templates have errors" would send the user to
 * the wrong place. */
static const char *stopped_note(const run *r, run_stage s)
{
	const char *note = r->notes->stopped[s];
	if (s != RUN_LAYOUTS && s != RUN_DOCUMENT)
		return note;
	const char *file = diag_last_error_file(r->d), *lay = r->o->layouts;
	size_t n = lay ? strlen(lay) : 0;
	while (n > 1 && lay[n - 1] == '/')
		n--;
	bool in_layouts = file && lay && strncmp(file, lay, n) == 0 && (file[n] == '/' || !file[n]);
	return in_layouts || !r->notes->stopped[RUN_MODEL] ? note : r->notes->stopped[RUN_MODEL];
}

static int errors(const run *r)
{
	return diag_count(r->d, DIAG_ERROR) + diag_count(r->d, DIAG_FATAL);
}

bool run_disclosure_safe(run *r)
{
	if (!run_to(r, RUN_STATS))
		return false;
	size_t withheld = 0;
	if (stats_audit_deferred(r->s, &withheld)) {
		diag_emit(r->d, DIAG_WARNING, SRC_LOC(r->o->inputs, 0, 0), NULL,
			  "%zu withheld counts: more than the attacker checks at each build; the "
			  "rules of docs/privacy.md apply, and recit audit checks the whole "
			  "publication (it may take minutes)",
			  withheld);
		return true;
	}
	size_t leaks = stats_audit(r->s, NULL);
	if (leaks == 0)
		return true;
	diag_emit(r->d, DIAG_ERROR, SRC_LOC(r->o->inputs, 0, 0), NULL,
		  ngettext("the publication would let a reader work out %zu withheld count; "
			   "nothing was written (recit audit lists it)",
			   "the publication would let a reader work out %zu withheld counts; "
			   "nothing was written (recit audit lists them)",
			   (unsigned long)leaks),
		  leaks);
	run_fail(r, EXIT_INPUT);
	return false;
}

bool run_to(run *r, run_stage s)
{
	if (r->state[s] != STAGE_PENDING)
		return r->state[s] == STAGE_LOADED;
	for (unsigned t = 0; t < (unsigned)s; t++)
		if ((STAGES[s].needs & NEED(t)) && !run_to(r, (run_stage)t))
			return false;
	int before = errors(r);
	bool ok = STAGES[s].load(r) && errors(r) == before;
	r->state[s] = ok ? STAGE_LOADED : STAGE_FAILED;
	if (!ok) {
		run_fail(r, STAGES[s].fails_with);
		if (r->notes && r->notes->stopped[s])
			cli_say(NULL, "%s", _(stopped_note(r, s)));
	}
	return ok;
}

bool run_styles(run *r)
{
	if (r->styles_state == STAGE_PENDING) {
		/* The year's own look (inputs/styles.xml) replaces the layouts'. */
		char *own = r->o->inputs ? xasprintf("%s/styles.xml", r->o->inputs) : NULL;
		const char *dir = own && access(own, F_OK) == 0 ? r->o->inputs : r->o->layouts;
		r->styles_state = tmpl_styles_load(r->d, dir, &r->sheet) ? STAGE_LOADED
									 : STAGE_FAILED;
		free(own);
	}
	return r->styles_state == STAGE_LOADED;
}

/* --- the run ------------------------------------------------------------------- */

run *run_create(const cli_options *o, const run_notes *notes)
{
	run *r = xcalloc(1, sizeof *r);
	r->o = o;
	r->notes = notes;
	r->d = diag_sink_create(stderr, o->max_errors);
	r->so = (stats_options){o->largest_remainder ? STATS_ROUND_LARGEST_REMAINDER
						     : STATS_ROUND_HALF_UP,
				-1};
	style_sheet_defaults(&r->sheet);
	return r;
}

void run_destroy(run *r)
{
	if (!r)
		return;
	page_list_destroy(r->pages);
	typeset_destroy(r->ts);
	doc_destroy(r->document);
	tmpl_destroy(r->t); /* after the doc: block origins point into it */
	stats_destroy(r->s);
	interviews_destroy(r->iv);
	model_destroy(r->m);
	diag_sink_destroy(r->d);
	for (size_t i = 0; i < r->n_out_locks; i++)
		outdir_close(r->out_locks[i]);
	free(r);
}

diag_sink *run_diag(const run *r) { return r->d; }
const stats_options *run_stats_options(const run *r) { return &r->so; }
const model *run_model(const run *r) { return r->m; }
const interviews *run_interviews(const run *r) { return r->iv; }
const stats *run_stats(const run *r) { return r->s; }
const tmpl *run_template(const run *r) { return r->t; }
const style_sheet *run_style_sheet(const run *r) { return &r->sheet; }
const doc *run_document(const run *r) { return r->document; }
const page_list *run_pages(const run *r) { return r->pages; }

bool run_input_exists(run *r, const char *path, bool folder)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		diag_emit(r->d, DIAG_FATAL, SRC_LOC(path, 0, 0), NULL, "cannot open: %s",
			  strerror(errno));
		return false;
	}
	if (folder != (bool)S_ISDIR(st.st_mode)) {
		diag_emit(r->d, DIAG_FATAL, SRC_LOC(path, 0, 0), NULL, "%s",
			  folder ? _("expected a folder, found a file")
				 : _("expected a file, found a folder"));
		return false;
	}
	return true;
}

bool run_output_folder(run *r, const char *dir)
{
	struct stat st;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		diag_emit(r->d, DIAG_FATAL, SRC_LOC(dir, 0, 0), NULL,
			  "cannot create the output folder: %s", strerror(errno));
		return false;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		diag_emit(r->d, DIAG_FATAL, SRC_LOC(dir, 0, 0), NULL,
			  "expected an output folder, found a file");
		return false;
	}
	/* Held until the run ends, so that another run does not sweep this
	 * one's temporary files (outfile.h). */
	int fd = outdir_open(dir);
	if (fd >= 0 && r->n_out_locks < sizeof r->out_locks / sizeof r->out_locks[0])
		r->out_locks[r->n_out_locks++] = fd;
	else
		outdir_close(fd); /* unreadable folder: the writes will say why */
	return true;
}

void run_fail(run *r, int status)
{
	if (status > r->worst)
		r->worst = status;
}

bool run_failed(const run *r)
{
	return r->worst != EXIT_OK || diag_failed(r->d);
}

int run_status(const run *r)
{
	int from_messages = diag_count(r->d, DIAG_FATAL) ? EXIT_SYSTEM
			    : diag_failed(r->d)	       ? EXIT_INPUT
						       : EXIT_OK;
	return from_messages > r->worst ? from_messages : r->worst;
}

int run_finish(const run *r)
{
	diag_summary(r->d);
	return run_status(r);
}
