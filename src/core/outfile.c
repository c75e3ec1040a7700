/* outfile.c - crash-only output files (outfile.h). */
#define _GNU_SOURCE
#include "outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define STRAY_MARK ".recit-"
#define SUFFIX_LEN 6

struct outfile {
	int fd;
	char *path;  /* the target */
	char *named; /* the fallback's visible temporary name, or NULL */
	bool committed;
};

static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

static bool all_alnum(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!s[i] || !strchr(alnum, s[i]))
			return false;
	return s[n] == '\0';
}

bool outfile_is_stray_name(const char *name)
{
	size_t n = strlen(name);
	/* ".NAME.recit-XXXXXX": this module's visible names. */
	const char *m = strstr(name, STRAY_MARK);
	if (name[0] == '.' && m && m > name + 1 && all_alnum(m + strlen(STRAY_MARK), SUFFIX_LEN))
		return true;
	/* "NAME.tmp-XXXXXX": mkstemp names of the versions before. */
	const char *legacy = ".tmp-";
	size_t ll = strlen(legacy);
	return n > ll + SUFFIX_LEN && memcmp(name + n - SUFFIX_LEN - ll, legacy, ll) == 0 &&
	       all_alnum(name + n - SUFFIX_LEN, SUFFIX_LEN);
}

/* "DIR/.BASE.recit-XXXXXX" with a random suffix. */
static char *hidden_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	int dir_len = slash ? (int)(slash - path + 1) : 0;
	const char *base = slash ? slash + 1 : path;
	unsigned char rnd[SUFFIX_LEN];
	if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd) {
		/* No entropy yet (early boot): the pid and a counter are unique
		 * enough among the runs that hold the folder's lock. */
		static unsigned counter;
		unsigned v = (unsigned)getpid() * 2654435761u + counter++;
		for (size_t i = 0; i < sizeof rnd; i++, v >>= 5)
			rnd[i] = (unsigned char)v;
	}
	char suffix[SUFFIX_LEN + 1];
	for (size_t i = 0; i < SUFFIX_LEN; i++)
		suffix[i] = alnum[rnd[i] % (sizeof alnum - 1)];
	suffix[SUFFIX_LEN] = '\0';
	return xasprintf("%.*s.%s" STRAY_MARK "%s", dir_len, path, base, suffix);
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

outfile *outfile_open(const char *path)
{
	char *dir = dir_of(path);
	/* Mode 0666 less the umask, as for any file the user creates: a
	 * report is meant to be shared. */
	int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
	int e = errno;
	free(dir);
	char *named = NULL;
	if (fd < 0) {
		/* Only "this file system cannot" falls back; EROFS, EACCES,
		 * ENOSPC... are the answer for a named file too. */
		if (e != EOPNOTSUPP && e != EISDIR && e != EINVAL) {
			errno = e;
			return NULL;
		}
		for (int tries = 0; fd < 0 && tries < 100; tries++) {
			free(named);
			named = hidden_name(path);
			fd = open(named, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
			if (fd < 0 && errno != EEXIST) {
				e = errno;
				free(named);
				errno = e;
				return NULL;
			}
		}
		if (fd < 0) {
			free(named);
			errno = EEXIST;
			return NULL;
		}
	}
	outfile *f = xcalloc(1, sizeof *f);
	f->fd = fd;
	f->path = xstrdup(path);
	f->named = named;
	return f;
}

int outfile_fd(const outfile *f) { return f->fd; }

/* Give the unnamed file a (hidden, unique) name in its folder. Returns the
 * name, or NULL with errno. */
static char *link_unnamed(int fd, const char *path)
{
	char proc[64];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	for (int tries = 0; tries < 100; tries++) {
		char *name = hidden_name(path);
		/* AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH; /proc works for
		 * everybody where /proc is mounted. */
		if (linkat(fd, "", AT_FDCWD, name, AT_EMPTY_PATH) == 0 ||
		    linkat(AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0)
			return name;
		int e = errno;
		free(name);
		if (e != EEXIST) {
			errno = e;
			return NULL;
		}
	}
	errno = EEXIST;
	return NULL;
}

/* fsync and give f a name in its folder: the fallback's own, or a new
 * hidden one. Returns the name (owned by f when it is f->named), or NULL. */
static char *named_whole(outfile *f)
{
	/* EINVAL: a file system without fsync (a pipe-like target); the data
	 * are as safe as that target allows. */
	if (fsync(f->fd) != 0 && errno != EINVAL)
		return NULL;
	return f->named ? f->named : link_unnamed(f->fd, f->path);
}

static void drop_name(outfile *f, char *name)
{
	if (name && name != f->named)
		free(name);
}

int outfile_commit(outfile *f)
{
	return outfile_commit_group(&f, 1);
}

int outfile_commit_group(outfile **f, size_t n)
{
	char **name = xcalloc(n ? n : 1, sizeof *name);
	char **backup = xcalloc(n ? n : 1, sizeof *backup);
	size_t done = 0;
	int rc = -1, e = 0;
	/* 1. Every file whole and named: nothing replaced yet. */
	for (size_t i = 0; i < n; i++)
		if (!(name[i] = named_whole(f[i]))) {
			e = errno;
			goto undo;
		}
	/* 2. A second name for each previous file, to put it back. */
	for (size_t i = 0; i < n; i++) {
		backup[i] = hidden_name(f[i]->path);
		if (link(f[i]->path, backup[i]) != 0) {
			free(backup[i]);
			backup[i] = NULL;
			if (errno != ENOENT) {
				e = errno;
				goto undo;
			}
		}
	}
	/* 3. Replace, one rename each. Signals that can be held wait until
	 * every file has its final name (a worker of `fiches` dies by SIGTERM
	 * with its parent, cli/signals.c); only SIGKILL can stop the process
	 * between link and rename, and the hidden names it leaves are swept by
	 * the next run (outdir_open). */
	sigset_t all, old;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	for (; done < n; done++)
		if (rename(name[done], f[done]->path) != 0) {
			e = errno;
			sigprocmask(SIG_SETMASK, &old, NULL);
			goto undo;
		}
	sigprocmask(SIG_SETMASK, &old, NULL);
	rc = 0;
	for (size_t i = 0; i < n; i++)
		f[i]->committed = true;
undo:
	for (size_t i = 0; i < n; i++) {
		if (rc != 0 && i < done) { /* put the previous file back */
			if (backup[i])
				rename(backup[i], f[i]->path);
			else
				unlink(f[i]->path);
		} else if (rc != 0 && name[i])
			unlink(name[i]);
		if (backup[i]) {
			unlink(backup[i]); /* a no-op once renamed back */
			free(backup[i]);
		}
		drop_name(f[i], name[i]);
		if (rc != 0 && name[i] == f[i]->named)
			f[i]->named = NULL; /* unlinked above */
	}
	free(name);
	free(backup);
	errno = e;
	return rc;
}

void outfile_destroy(outfile *f)
{
	if (!f)
		return;
	if (f->fd >= 0)
		close(f->fd);
	if (f->named && !f->committed)
		unlink(f->named);
	free(f->named);
	free(f->path);
	free(f);
}

int outfile_write(outfile *f, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t w = write(f->fd, p, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

int write_file_atomic(const char *path, const void *data, size_t len)
{
	outfile *f = outfile_open(path);
	if (!f)
		return -1;
	int rc = outfile_write(f, data, len) == 0 ? outfile_commit(f) : -1;
	int e = errno;
	outfile_destroy(f);
	errno = e;
	return rc;
}

static void sweep(int dfd)
{
	int d2 = dup(dfd);
	DIR *dir = d2 >= 0 ? fdopendir(d2) : NULL;
	if (!dir) {
		if (d2 >= 0)
			close(d2);
		return;
	}
	struct dirent *e;
	while ((e = readdir(dir))) {
		struct stat st;
		if (outfile_is_stray_name(e->d_name) &&
		    fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
			unlinkat(dfd, e->d_name, 0);
	}
	closedir(dir);
}

int outdir_open(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	/* Runs may write into one folder together (identity sheets in shards
	 * under GNU parallel), each holding a shared lock. Only a run alone
	 * with the folder sweeps it, so a sweep never removes the visible
	 * temporary name of a run still writing. A file system without locks
	 * (some network mounts) is swept, and runs unprotected. */
	if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
		sweep(fd);
		flock(fd, LOCK_SH);
	} else if (errno == EWOULDBLOCK) {
		flock(fd, LOCK_SH); /* waits for a sweep under way */
	} else {
		sweep(fd);
	}
	return fd;
}

void outdir_close(int fd)
{
	if (fd >= 0)
		close(fd);
}
