/* outfile.h - crash-only output files.
 *
 * Every file Récit writes (the report, the identity sheets, PNG pages,
 * imported interviews) goes through an outfile: the data are written into an
 * unnamed file of the target folder (Linux O_TMPFILE), and only a complete,
 * fsync'ed file is linked into place and renamed over the previous one. No
 * signal, not even SIGKILL, and no full disk can leave a partial file or a
 * stray temporary name behind, and the previous version survives any
 * failure: an unnamed file disappears with the process that holds it.
 *
 * Where the file system has no O_TMPFILE, the data go to a hidden named file
 * (".NAME.recit-XXXXXX"); a process killed then leaves it behind, and the
 * next run sweeps it (outdir_open). The same sweep removes the
 * "NAME.tmp-XXXXXX" files of versions before this scheme. */
#ifndef RECIT_OUTFILE_H
#define RECIT_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct outfile outfile;

/* Open an output for path (its folder must exist). NULL with errno set. */
outfile *outfile_open(const char *path);
/* The descriptor to write to (blocking writes; EINTR is the writer's). */
int outfile_fd(const outfile *f);
/* Write all of data (EINTR retried). Returns 0, or -1 with errno set. */
int outfile_write(outfile *f, const void *data, size_t len);
/* fsync and put the file in place, replacing any previous one in one step.
 * Returns 0, or -1 with errno set (the previous file is then untouched). */
int outfile_commit(outfile *f);
/* Commit n outputs together: all are put in place, or none and every
 * previous file is put back (a codebook and its excerpts). Returns 0, or -1
 * with errno set. */
int outfile_commit_group(outfile **f, size_t n);
/* Discard the output unless committed, and free f (NULL is fine). */
void outfile_destroy(outfile *f);

/* Write data to path through an outfile. Returns 0, or -1 with errno set. */
int write_file_atomic(const char *path, const void *data, size_t len);

/* An output folder held by this run: a sweep of the strays of earlier runs
 * that were killed, when no other run is writing there, then a shared lock
 * held until the process ends (or outdir_close), so that a later run does
 * not sweep this one's files. Returns the descriptor, or -1 with errno. */
int outdir_open(const char *dir);
void outdir_close(int fd);
/* Whether name is one of the temporary names this module makes. */
bool outfile_is_stray_name(const char *name);

#endif
