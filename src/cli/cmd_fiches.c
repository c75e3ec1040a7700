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
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "draw.h"
#include "model.h"
#include "model_fiche.h"
#include "stats.h"
#include "tmpl.h"
#include "typeset.h"
#include "util.h"


typedef struct {
	const char *inputs, *layouts, *template_name, *outputs, *fonts, *hyphenation;
	const char **names; /* --kpa, in the order given */
	size_t n_names;
	long shard_i, shard_n; /* 0/0: no sharding */
	long jobs;	       /* 0: one per processor */
	bool quiet, largest_remainder;
	int max_errors;
} fiches_opts;

/* What every job needs, read-only once workers start. */
typedef struct {
	const fiches_opts *o;
	const model *m;
	const tmpl *t;
	style_sheet sheet; /* layouts/styles.xml, or the built-in look */
	stats_options so;
	char *out_dir;
} job_ctx;

/* The outcome of one KPA, as the parent collects it. */
typedef struct {
	bool done;
	int status; /* EXIT_OK, EXIT_INPUT or EXIT_SYSTEM */
	char *messages;
} job_result;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}



static int ensure_dir(diag_sink *d, const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		diag_emit(d, DIAG_FATAL, (src_loc){dir, 0, 0}, NULL,
			  "cannot create the output folder: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* File name of a KPA's sheet: its id, kept to [a-z0-9_-] so that an id can
 * never name a path outside the folder. */
static char *slug(const char *id)
{
	char *s = xstrdup(*id ? id : "kpa");
	for (char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		      *p == '_'))
			*p = *p >= 'A' && *p <= 'Z' ? (char)(*p + 32) : '-';
	return s;
}

/* One KPA: sheet file, own figures, template, one page, PDF. Messages go
 * to d; ts is created on first use and kept for the worker's next KPAs. */
static int render_one(const job_ctx *c, size_t k, diag_sink *d, typeset_ctx **ts)
{
	const model *m = c->m;
	const model_kpa *kpa = &m->kpas[k];
	int rc = EXIT_OK;
	char *path = fiche_file_for(c->o->inputs, kpa->id);
	kpa_fiche *fiche = NULL;
	stats *s = NULL;
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
	s = stats_compute_kpa(m, k, &c->so);
	if (!(document = tmpl_build_fiche(d, c->t, m, s, k, fiche))) {
		rc = EXIT_INPUT;
		goto done;
	}
	if (!*ts) {
		if (!(*ts = typeset_create(d, c->o->fonts, c->o->hyphenation))) {
			rc = EXIT_SYSTEM;
			goto done;
		}
		typeset_set_styles(*ts, &c->sheet);
	}
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
	char *name = slug(kpa->id);
	pdf = xasprintf("%s/%s.pdf", c->out_dir, name);
	free(name);
	if (draw_pdf(d, pages, doc_meta_lookup(document), pdf) != 0)
		rc = EXIT_SYSTEM;
done:
	free(pdf);
	page_list_destroy(pages);
	doc_destroy(document);
	stats_destroy(s);
	fiche_destroy(fiche);
	free(path);
	return rc;
}

/* --- workers ------------------------------------------------------------------ */

/* A result travels from worker to parent as this header and its messages. */
typedef struct {
	int32_t job;
	int32_t status;
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

typedef void (*result_fn)(void *arg, size_t job, int status, const char *msg, size_t len);

/* Render jobs first, first + step, ... of the list; messages of each KPA
 * are captured separately so they can be printed together. */
static void work(const job_ctx *c, const size_t *list, size_t n, size_t first, size_t step,
		 result_fn report, void *arg)
{
	char *buf = NULL;
	size_t size = 0, seen = 0;
	FILE *mem = open_memstream(&buf, &size);
	if (!mem) {
		for (size_t j = first; j < n; j += step)
			report(arg, j, EXIT_SYSTEM, "recit: out of memory\n", 21);
		return;
	}
	diag_sink *d = diag_sink_create(mem, c->o->max_errors);
	typeset_ctx *ts = NULL;
	for (size_t j = first; j < n; j += step) {
		int rc = render_one(c, list[j], d, &ts);
		fflush(mem);
		report(arg, j, rc, buf + seen, size - seen);
		seen = size;
	}
	typeset_destroy(ts);
	diag_sink_destroy(d);
	fclose(mem);
	free(buf);
}

static void to_pipe(void *arg, size_t job, int status, const char *msg, size_t len)
{
	int fd = *(int *)arg;
	record r = {(int32_t)job, status, (uint32_t)len};
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
	fprintf(stderr, "\r\033[Krecit fiches: %zu/%zu sheets", c->done, c->total);
	if (c->done && c->done < c->total)
		fprintf(stderr, ", about %.0f s left", left + 0.5);
	fflush(stderr);
}

static void to_parent(void *arg, size_t job, int status, const char *msg, size_t len)
{
	collect *c = arg;
	job_result *r = &c->res[job];
	r->done = true;
	r->status = status;
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
			signal(SIGPIPE, SIG_DFL);
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
					to_parent(col, (size_t)r.job, r.status, msg, r.len);
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
				if (!col->res[j].done) {
					col->res[j].done = true;
					col->res[j].status = EXIT_SYSTEM;
					col->res[j].messages = xasprintf(
						"recit: the worker rendering this sheet stopped "
						"(signal %d)\n", WTERMSIG(st));
				}
		}
	}
}

/* The KPAs to render: the named ones (or all), in id order, then the
 * shard's slice. Returns -1 after a message when a name is unknown. */
static ssize_t select_kpas(const model *m, const fiches_opts *o, size_t **out)
{
	bool *want = xcalloc(m->n_kpas + 1, sizeof *want);
	for (size_t i = 0; i < o->n_names; i++) {
		int k = model_find_kpa(m, o->names[i]);
		if (k < 0) {
			fprintf(stderr, "recit fiches: --kpa: no KPA \"%s\" in %s/kpa.csv (give its id or "
				"its name, such as %s or \"%s\")\n",
				o->names[i], o->inputs, m->kpas[0].id, m->kpas[0].name);
			free(want);
			return -1;
		}
		want[k] = true;
	}
	size_t *list = xcalloc(m->n_kpas + 1, sizeof *list), n = 0;
	for (size_t i = 0; i < m->n_kpas; i++) {
		size_t k = m->kpa_order ? m->kpa_order[i] : i;
		if (!o->n_names || want[k])
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

int cmd_fiches(const cli_options *co)
{
	/* The shared command line (main.c) fills cli_options; the workers get a
	 * read-only copy of just what they use. */
	fiches_opts o = {.inputs = co->inputs, .layouts = co->layouts,
			 .template_name = co->template_name, .outputs = co->outputs,
			 .fonts = co->fonts, .hyphenation = co->hyphenation,
			 .names = co->kpa_names, .n_names = co->n_kpa_names,
			 .shard_i = co->shard_i, .shard_n = co->shard_n, .jobs = co->jobs,
			 .quiet = co->quiet, .largest_remainder = co->largest_remainder,
			 .max_errors = co->max_errors};
	double t0 = now_s();
	int rc = EXIT_OK;
	diag_sink *d = diag_sink_create(stderr, o.max_errors);
	model *m = model_load(d, o.inputs);
	tmpl *t = NULL;
	size_t *list = NULL;
	job_result *res = NULL;
	job_ctx c = {.o = &o, .m = m};
	ssize_t n = 0;
	if (!m || diag_failed(d)) {
		fprintf(stderr, "recit: the inputs have errors; no sheet was written\n");
		rc = EXIT_INPUT;
		goto done;
	}
	tmpl_paths tp = {o.layouts, o.template_name, o.inputs, NULL};
	if (!(t = tmpl_load(d, &tp))) {
		fprintf(stderr, "recit: the sheet template has errors; no sheet was written\n");
		rc = EXIT_INPUT;
		goto done;
	}
	c.t = t;
	if (!tmpl_styles_load(d, o.layouts, &c.sheet)) {
		fprintf(stderr, "recit: the style sheet has errors; no sheet was written\n");
		rc = EXIT_INPUT;
		goto done;
	}
	c.so = (stats_options){o.largest_remainder ? STATS_ROUND_LARGEST_REMAINDER
						  : STATS_ROUND_HALF_UP,
			       -1};
	if (!fiche_check_folder(d, m, o.inputs))
		diag_emit(d, DIAG_WARNING, (src_loc){o.inputs, 0, 0}, NULL,
			  "no folder fiches/: the sheets show kpa.csv and the figures only "
			  "(see docs/fiches.md)");
	if ((n = select_kpas(m, &o, &list)) < 0) {
		rc = EXIT_USAGE;
		goto done;
	}
	c.out_dir = xasprintf("%s/fiches", o.outputs);
	if (ensure_dir(d, o.outputs) != 0 || ensure_dir(d, c.out_dir) != 0) {
		rc = EXIT_SYSTEM;
		goto done;
	}
	size_t workers = o.jobs > 0 ? (size_t)o.jobs : 0;
	if (!workers) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		workers = cpus > 0 ? (size_t)(cpus < CLI_MAX_JOBS ? cpus : CLI_MAX_JOBS) : 1;
	}
	if (workers > (size_t)n)
		workers = n > 0 ? (size_t)n : 1;
	res = xcalloc((size_t)n + 1, sizeof *res);
	collect col = {res, (size_t)n, 0, t0, !o.quiet && isatty(2)};
	show_progress(&col);
	/* One worker runs in this process: no fork, easier to debug. */
	if (workers <= 1)
		work(&c, list, (size_t)n, 0, 1, to_parent, &col);
	else
		run_forked(&c, list, (size_t)n, workers, &col);
	if (col.progress)
		fputs("\r\033[K", stderr);

	/* Messages grouped per KPA, in id order, whatever the worker timing. */
	size_t ok = 0, failed = 0;
	strbuf failures = {0};
	for (size_t j = 0; j < (size_t)n; j++) {
		const model_kpa *kpa = &m->kpas[list[j]];
		job_result *r = &res[j];
		if (!r->done) {
			r->status = EXIT_SYSTEM;
			r->messages = xstrdup("recit: this sheet was not rendered (worker lost)\n");
		}
		if (r->messages && *r->messages)
			fputs(r->messages, stderr);
		if (r->status == EXIT_OK) {
			ok++;
			continue;
		}
		failed++;
		strbuf_printf(&failures, "%s%s", failures.len ? ", " : "", kpa->id);
		fprintf(stderr, "recit: %s (%s): sheet not written\n", kpa->name, kpa->id);
		if (r->status > rc)
			rc = r->status;
	}
	if (!o.quiet || failed)
		fprintf(stderr, "recit: wrote %zu of %zd sheets to %s in %.1f s (%zu worker%s)%s%s\n",
			ok, n, c.out_dir, now_s() - t0, workers, workers > 1 ? "s" : "",
			failed ? "; failed: " : "", failed ? failures.data : "");
	strbuf_free(&failures);
done:
	diag_summary(d);
	for (ssize_t j = 0; res && j < n; j++)
		free(res[j].messages);
	free(res);
	free(list);
	free(c.out_dir);
	tmpl_destroy(t);
	model_destroy(m);
	diag_sink_destroy(d);
	return rc;
}
