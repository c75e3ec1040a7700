/* signals.c - what an interrupted run says, and how it ends.
 *
 * Nothing needs cleaning when a run is interrupted: every file is written
 * unnamed and put in place whole (outfile.h), so a signal can only stop the
 * run between two complete files. The handler therefore does two things
 * that are safe in a signal handler: it writes one line prepared in advance
 * (translation is not async-signal-safe), then dies of the same signal, so
 * that the shell sees the conventional status 128 + N. Workers of `fiches`
 * die with their parent (PR_SET_PDEATHSIG), even when the parent is killed
 * by SIGKILL. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"

static char message[256];
static size_t message_len;

static void on_signal(int sig)
{
	if (message_len)
		(void)!write(STDERR_FILENO, message, message_len);
	signal(sig, SIG_DFL);
	raise(sig);
}

void cli_signals_install(void)
{
	int n = snprintf(message, sizeof message, "recit: %s\n",
			 _("interrupted: every file written so far is complete, and no "
			   "partial file was left"));
	message_len = n > 0 && (size_t)n < sizeof message ? (size_t)n : 0;
	struct sigaction sa = {.sa_handler = on_signal};
	sigemptyset(&sa.sa_mask);
	const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

bool cli_worker_dies_with_parent(pid_t parent)
{
	/* The parent alone speaks for the run. */
	const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	/* SIGTERM rather than SIGKILL: a worker holds it while it puts a
	 * finished sheet in place (outfile.c), so dying with its parent never
	 * leaves a half-renamed file. */
	if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0)
		return false;
	/* The parent may have died before prctl: then this process already
	 * belongs to another. */
	return getppid() == parent;
}
