/* cmd_fiches.c - `recit fiches`: one PDF identity sheet per KPA
 * (outputs/fiches/<id>.pdf), rendered by worker processes that each own
 * their typesetting context, with progress, per-KPA errors and sharding
 * for batch schedulers. docs/fiches.md describes the command. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "draw.h"
#include "i18n.h"
#include "model_fiche.h"
#include "run.h"
#include "util.h"

/* What every job needs, from the run; read-only once workers start. */
typedef struct {
	const cli_options *o;
	const model *m;
	const tmpl *t;
	const style_sheet *sheet; /* layouts/styles.xml, or the built-in look */
	const stats *s; /* the publication's figures; each KPA's sheet is in it */
	char *out_dir;
} job_ctx;

/* What a worker tells of one KPA. */
typedef struct {
	int32_t status;		      /* EXIT_OK, EXIT_INPUT or EXIT_SYSTEM */
	int32_t counts[DIAG__LEVELS]; /* its messages, per level, for the summary */
} outcome;

/* The outcome of one KPA, as the parent collects it. */
typedef struct {
	bool done;
	outcome out;
	int signal; /* the worker rendering it was killed by this signal */
	char *messages;
} job_result;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* File name of a KPA's sheet: its id, kept to [a-z0-9_-] so that an id can
 * never name a path outside the folder. */
/* One KPA: sheet file, own figures, template, one page, PDF. Messages go
 * to d; ts is created on first use and kept for the worker's next KPAs. */
static int render_one(const job_ctx *c, size_t k, diag_sink *d, typeset_ctx **ts)
{
	const model *m = c->m;
	const model_kpa *kpa = &m->kpas[k];
	int rc = EXIT_OK;
	char *path = fiche_file_for(c->o->inputs, kpa->id);
	kpa_fiche *fiche = NULL;
	doc *document = NULL;
	page_list *pages = NULL;
	char *pdf = NULL;
	if (access(path, F_OK) == 0) {
		if (!(fiche = fiche_load(d, m, k, path))) {
			rc = EXIT_INPUT;
			goto done;
		}
	} else {
		diag_emit(d, DIAG_WARNING, kpa->loc, NULL,
			  "KPA %s has no identity sheet %s: its page shows kpa.csv and its figures only",
			  kpa->id, path);
	}
	if (!(document = tmpl_build_fiche(d, c->t, m, stats_kpa(c->s, k), k, fiche))) {
		rc = EXIT_INPUT;
		goto done;
	}
	if (!*ts) {
		if (!(*ts = typeset_create(d, c->o->fonts, c->o->hyphenation))) {
			rc = EXIT_SYSTEM;
			goto done;
		}
		typeset_set_styles(*ts, c->sheet);
		typeset_set_strict(*ts, c->o->strict);
	}
	int errors_before = diag_count(d, DIAG_ERROR);
	if (!(pages = typeset_document(*ts, document))) {
		rc = EXIT_SYSTEM;
		goto done;
	}
	size_t np = page_list_count(pages);
	if (np != 1) {
		/* Field limits should prevent this; if the template or the fonts
		 * change, say what to shorten rather than print two pages. */
		src_loc loc = kpa->loc;
		size_t chars = 0;
		const char *field = fiche_longest_field(fiche, &loc, &chars);
		diag_emit(d, DIAG_ERROR, loc, field,
			  "the identity sheet of %s takes %zu pages, not one: shorten its "
			  "longest text (%s, %zu characters)",
			  kpa->name, np, field ? field : "nom", field ? chars : fiche_utf8_chars(kpa->name));
		rc = EXIT_INPUT;
		goto done;
	}
	if (diag_count(d, DIAG_ERROR) > errors_before) {
		/* One page, but a block runs past its bottom (the typesetter
		 * said which): not a sheet to print. */
		rc = EXIT_INPUT;
		goto done;
	}
	char *name = model_kpa_file_stem(kpa->id);
	pdf = xasprintf("%s/%s.pdf", c->out_dir, name);
	free(name);
	if (draw_pdf(d, pages, doc_meta_lookup(document), pdf) != 0)
		rc = EXIT_SYSTEM;
done:
	free(pdf);
	page_list_destroy(pages);
	doc_destroy(document);
	fiche_destroy(fiche);
	free(path);
	return rc;
}

/* --- workers ------------------------------------------------------------------ */

/* A result travels from worker to parent as this header and its messages. */
typedef struct {
	int32_t job;
	outcome out;
	uint32_t len;
} record;

static int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	while (n > 0) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

typedef void (*result_fn)(void *arg, size_t job, const outcome *out, const char *msg, size_t len);

/* Render jobs first, first + step, ... of the list; messages of each KPA
 * are captured separately so they can be printed together. */
static void work(const job_ctx *c, const size_t *list, size_t n, size_t first, size_t step,
		 result_fn report, void *arg)
{
	char *buf = NULL;
	size_t size = 0, seen = 0;
	FILE *mem = open_memstream(&buf, &size);
	if (!mem) {
		char *msg = xasprintf("recit: %s\n", _("out of memory"));
		outcome out = {EXIT_SYSTEM, {[DIAG_FATAL] = 1}};
		for (size_t j = first; j < n; j += step)
			report(arg, j, &out, msg, strlen(msg));
		free(msg);
		return;
	}
	diag_sink *d = diag_sink_create(mem, c->o->max_errors);
	typeset_ctx *ts = NULL;
	int counted[DIAG__LEVELS] = {0};
	for (size_t j = first; j < n; j += step) {
		outcome out = {render_one(c, list[j], d, &ts), {0}};
		for (int l = 0; l < DIAG__LEVELS; l++) {
			out.counts[l] = diag_count(d, (diag_level)l) - counted[l];
			counted[l] += out.counts[l];
		}
		fflush(mem);
		report(arg, j, &out, buf + seen, size - seen);
		seen = size;
	}
	typeset_destroy(ts);
	diag_sink_destroy(d);
	fclose(mem);
	free(buf);
}

static void to_pipe(void *arg, size_t job, const outcome *out, const char *msg, size_t len)
{
	int fd = *(int *)arg;
	record r = {(int32_t)job, *out, (uint32_t)len};
	if (write_all(fd, &r, sizeof r) != 0 || write_all(fd, msg, len) != 0)
		_exit(EXIT_SYSTEM);
}

typedef struct {
	job_result *res;
	size_t total, done;
	double t0;
	bool progress;
} collect;

static void show_progress(collect *c)
{
	if (!c->progress)
		return;
	double el = now_s() - c->t0;
	double left = c->done ? el / (double)c->done * (double)(c->total - c->done) : 0;
	fputs("\r\033[Krecit fiches: ", stderr);
	/* TRANSLATORS: progress, "7/15 sheets, about 2 s left". */
	fprintf(stderr, _("%zu/%zu sheets"), c->done, c->total);
	if (c->done && c->done < c->total)
		fprintf(stderr, _(", about %.0f s left"), left + 0.5);
	fflush(stderr);
}

static void to_parent(void *arg, size_t job, const outcome *out, const char *msg, size_t len)
{
	collect *c = arg;
	job_result *r = &c->res[job];
	r->done = true;
	r->out = *out;
	r->messages = xstrndup(msg, len);
	c->done++;
	show_progress(c);
}

static int read_all(int fd, void *p, size_t n)
{
	char *c = p;
	while (n > 0) {
		ssize_t got = read(fd, c, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		c += got;
		n -= (size_t)got;
	}
	return 0;
}

/* Fork n_workers processes; worker w renders jobs w, w + n_workers, ... so
 * the work is spread evenly without any shared state. */
static void run_forked(const job_ctx *c, const size_t *list, size_t n, size_t n_workers,
		       collect *col)
{
	pid_t pid[CLI_MAX_JOBS];
	struct pollfd fds[CLI_MAX_JOBS];
	size_t live = 0;
	fflush(NULL); /* buffered output must not be written twice */
	pid_t parent = getpid();
	for (size_t w = 0; w < n_workers; w++) {
		int p[2];
		if (pipe(p) != 0) {
			pid[w] = -1;
			fds[w] = (struct pollfd){.fd = -1};
			continue;
		}
		pid[w] = fork();
		if (pid[w] == 0) {
			close(p[0]);
			for (size_t v = 0; v < w; v++)
				if (fds[v].fd >= 0)
					close(fds[v].fd);
			if (!cli_worker_dies_with_parent(parent))
				_exit(0);
			work(c, list, n, w, n_workers, to_pipe, &p[1]);
			close(p[1]);
			_exit(0);
		}
		close(p[1]);
		if (pid[w] < 0) {
			close(p[0]);
			fds[w] = (struct pollfd){.fd = -1};
			continue;
		}
		fds[w] = (struct pollfd){.fd = p[0], .events = POLLIN};
		live++;
	}
	while (live > 0) {
		if (poll(fds, n_workers, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (size_t w = 0; w < n_workers; w++) {
			if (fds[w].fd < 0 || !(fds[w].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			record r;
			char *msg = NULL;
			if (read_all(fds[w].fd, &r, sizeof r) == 0 && r.job >= 0 &&
			    (size_t)r.job < n && r.len < (1u << 30)) {
				msg = xmalloc(r.len + 1);
				if (read_all(fds[w].fd, msg, r.len) == 0) {
					to_parent(col, (size_t)r.job, &r.out, msg, r.len);
					free(msg);
					continue;
				}
			}
			free(msg);
			close(fds[w].fd); /* end of this worker's stream */
			fds[w].fd = -1;
			live--;
		}
	}
	for (size_t w = 0; w < n_workers; w++) {
		int st = 0;
		if (pid[w] > 0 && waitpid(pid[w], &st, 0) > 0 && WIFSIGNALED(st)) {
			/* Whatever it had not finished is reported below. */
			for (size_t j = w; j < n; j += n_workers)
				if (!col->res[j].done)
					col->res[j].signal = WTERMSIG(st);
		}
	}
}

/* The KPAs to render: the named ones (or all), in id order, then the
 * shard's slice. Returns -1 after a message when a name is unknown. */
static ssize_t select_kpas(const model *m, const cli_options *o, size_t **out)
{
	bool *want = xcalloc(m->n_kpas + 1, sizeof *want);
	for (size_t i = 0; i < o->n_kpa_names; i++) {
		int k = model_find_kpa(m, o->kpa_names[i]);
		if (k < 0) {
			cli_say("fiches", "--kpa: no KPA \"%s\" in %s/kpa.csv (give its id or its name, "
				"such as %s or \"%s\")",
				o->kpa_names[i], o->inputs, m->kpas[0].id, m->kpas[0].name);
			free(want);
			return -1;
		}
		want[k] = true;
	}
	size_t *list = xcalloc(m->n_kpas + 1, sizeof *list), n = 0;
	for (size_t i = 0; i < m->n_kpas; i++) {
		size_t k = m->kpa_order ? m->kpa_order[i] : i;
		if (!o->n_kpa_names || want[k])
			list[n++] = k;
	}
	free(want);
	if (o->shard_n > 0) {
		/* Contiguous slices of the sorted list: every KPA is in exactly
		 * one shard, whatever N. */
		size_t a = n * (size_t)(o->shard_i - 1) / (size_t)o->shard_n;
		size_t e = n * (size_t)o->shard_i / (size_t)o->shard_n;
		memmove(list, list + a, (e - a) * sizeof *list);
		n = e - a;
	}
	*out = list;
	return (ssize_t)n;
}

/* -j N, else one per processor; never more than there are sheets. */
static size_t worker_count(const cli_options *o, size_t n)
{
	size_t workers = o->jobs > 0 ? (size_t)o->jobs : 0;
	if (!workers) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		workers = cpus > 0 ? (size_t)(cpus < CLI_MAX_JOBS ? cpus : CLI_MAX_JOBS) : 1;
	}
	if (workers > n)
		workers = n > 0 ? n : 1;
	return workers;
}

/* Messages grouped per KPA, in id order, whatever the worker timing, then
 * one line for the whole. */
/* One KPA's messages, counted in the run's sink so that the summary and
 * the exit status agree with them; a lost worker is a fatal message.
 * Returns the KPA's status. */
static int take_result(diag_sink *d, const job_result *jr)
{
	if (jr->messages && *jr->messages)
		fputs(jr->messages, stderr);
	if (jr->done) {
		for (int l = 0; l < DIAG__LEVELS; l++)
			diag_add(d, (diag_level)l, jr->out.counts[l]);
		return jr->out.status;
	}
	if (jr->signal)
		diag_emit(d, DIAG_FATAL, SRC_LOC_NONE, NULL,
			  "the worker rendering this sheet stopped (signal %d)", jr->signal);
	else
		diag_emit(d, DIAG_FATAL, SRC_LOC_NONE, NULL,
			  "this sheet was not rendered (worker lost)");
	return EXIT_SYSTEM;
}

static void report_sheets(run *r, const job_ctx *c, const size_t *list, size_t n, job_result *res,
		   size_t workers, double t0)
{
	size_t ok = 0, failed = 0;
	strbuf failures = {0};
	for (size_t j = 0; j < n; j++) {
		const model_kpa *kpa = &c->m->kpas[list[j]];
		int status = take_result(run_diag(r), &res[j]);
		if (status == EXIT_OK) {
			ok++;
			continue;
		}
		failed++;
		strbuf_printf(&failures, "%s%s", failures.len ? ", " : "", kpa->id);
		cli_say(NULL, "%s (%s): sheet not written", kpa->name, kpa->id);
		run_fail(r, status);
	}
	if (!c->o->quiet || failed) {
		char *who = xasprintf(ngettext("%zu worker", "%zu workers", workers), workers);
		if (failed)
			cli_say(NULL,
				ngettext("wrote %zu of %zu sheet to %s in %.1f s (%s); failed: %s",
					 "wrote %zu of %zu sheets to %s in %.1f s (%s); failed: %s",
					 (unsigned long)n),
				ok, n, c->out_dir, now_s() - t0, who, failures.data);
		else
			cli_say(NULL,
				ngettext("wrote %zu of %zu sheet to %s in %.1f s (%s)",
					 "wrote %zu of %zu sheets to %s in %.1f s (%s)", (unsigned long)n),
				ok, n, c->out_dir, now_s() - t0, who);
		free(who);
	}
	strbuf_free(&failures);
}

static void render(run *r, const job_ctx *c, const size_t *list, size_t n, double t0)
{
	size_t workers = worker_count(c->o, n);
	job_result *res = xcalloc(n + 1, sizeof *res);
	collect col = {res, n, 0, t0, !c->o->quiet && isatty(2)};
	show_progress(&col);
	/* One worker runs in this process: no fork, easier to debug. */
	if (workers <= 1)
		work(c, list, n, 0, 1, to_parent, &col);
	else
		run_forked(c, list, n, workers, &col);
	if (col.progress)
		fputs("\r\033[K", stderr);
	report_sheets(r, c, list, n, res, workers, t0);
	for (size_t j = 0; j < n; j++)
		free(res[j].messages);
	free(res);
}

static void write_sheets(run *r, const cli_options *o, double t0)
{
	const model *m = run_model(r);
	if (!fiche_check_folder(run_diag(r), m, o->inputs))
		diag_emit(run_diag(r), DIAG_WARNING, SRC_LOC(o->inputs, 0, 0), NULL,
			  "no folder fiches/: the sheets show kpa.csv and the figures only "
			  "(see docs/fiches.md)");
	size_t *list = NULL;
	ssize_t n = select_kpas(m, o, &list);
	if (n < 0) {
		run_fail(r, EXIT_USAGE);
		return;
	}
	job_ctx c = {.o = o, .m = m, .t = run_template(r), .sheet = run_style_sheet(r),
		     .s = run_stats(r), .out_dir = xasprintf("%s/fiches", o->outputs)};
	if (run_output_folder(r, o->outputs) && run_output_folder(r, c.out_dir))
		render(r, &c, list, (size_t)n, t0);
	free(c.out_dir);
	free(list);
}

static const run_notes FICHES_NOTES = {{
	[RUN_MODEL] = N_("the inputs have errors; no sheet was written"),
	[RUN_LAYOUTS] = N_("the sheet template or the style sheet has errors; no sheet was written"),
}};

static int cmd_fiches(const cli_options *o)
{
	double t0 = now_s();
	run *r = run_create(o, &FICHES_NOTES);
	if (run_disclosure_safe(r) && run_to(r, RUN_LAYOUTS))
		write_sheets(r, o, t0);
	int rc = run_finish(r);
	run_destroy(r);
	return rc;
}

/* --- the command line ---------------------------------------------------------- */

static int parse_kpa(const char *cmd, const char *opt, const char *value, cli_options *o)
{
	o->kpa_names = xreallocarray(o->kpa_names, o->n_kpa_names + 1, sizeof *o->kpa_names);
	o->kpa_names[o->n_kpa_names++] = value;
	return 0;
}

static int parse_shard(const char *cmd, const char *opt, const char *value, cli_options *o)
{
	char *end;
	long si = strtol(value, &end, 10), sn = 0;
	if (end != value && *end == '/') {
		const char *q = end + 1;
		sn = strtol(q, &end, 10);
		if (end == q)
			sn = 0;
	}
	if (*end || si < 1 || sn < 1 || si > sn || sn > 1000000) {
		cli_say(cmd, "--shard expects I/N with 1 <= I <= N, such as 2/3, found \"%s\"",
			value);
		return -1;
	}
	o->shard_i = si;
	o->shard_n = sn;
	return 0;
}

static int parse_jobs(const char *cmd, const char *opt, const char *value, cli_options *o)
{
	if (!cli_number(value, 1, CLI_MAX_JOBS, &o->jobs)) {
		cli_say(cmd, "-j expects a number from 1 to %d, found \"%s\"", CLI_MAX_JOBS, value);
		return -1;
	}
	return 0;
}

static const cli_option FICHES_OPTIONS[] = {
	{"kpa", 0, N_("NAME"), CLI_PARSES(parse_kpa), NULL,
	 N_("only this KPA (its id or its name); repeatable")},
	CLI_OPT_INPUTS,
	CLI_OPT_OUTPUTS("outputs", N_("output folder: the sheets go to its folder fiches/")),
	CLI_OPT_LAYOUTS(N_("layout templates and style sheet (default: layouts)")),
	CLI_OPT_TEMPLATE("fiche.xml", N_("sheet template in the layouts folder")),
	{"shard", 0, N_("I/N"), CLI_PARSES(parse_shard), NULL,
	 N_("only the I-th of N slices of the KPAs sorted by id (1-based), for GNU parallel, "
	    "Slurm or Kubernetes arrays")},
	{"jobs", 'j', N_("N"), CLI_PARSES(parse_jobs), NULL,
	 N_("worker processes (default: one per processor)")},
	CLI_OPT_FONTS,
	CLI_OPT_HYPHENATION,
	CLI_OPT_LARGEST_REMAINDER,
	CLI_OPT_STRICT,
	CLI_OPT_MAX_ERRORS,
	CLI_OPT_QUIET,
	{0},
};

const cli_command CMD_FICHES = {
	.name = "fiches",
	.summary = N_("write one PDF identity sheet per KPA to outputs/fiches/"),
	.description = N_("Write one PDF identity sheet per KPA to OUTPUTS/fiches/<id>.pdf: the "
			  "sheet file inputs/fiches/<id>.xml and the KPA's own figures, on exactly "
			  "one A4 page (layouts/fiche.xml). A KPA whose sheet has errors is "
			  "reported and skipped; the others are written; the exit status is then "
			  "1. See docs/fiches.md."),
	.options = FICHES_OPTIONS,
	.run = cmd_fiches,
};
