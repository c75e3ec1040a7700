/* qdpx.h - import of a REFI-QDA project (.qdpx: a zip holding project.qde and
 * sources/ text files) into Récit's interviews (for `recit import-qdpx`).
 *
 * The archive is untrusted: entries with absolute paths or '..' components,
 * too many entries, entries larger than a cap, a total uncompressed size over
 * a cap, or a compression ratio over a cap (zip bombs) are refused before
 * anything is inflated, and reads never go past the size an entry declares. */
#ifndef RECIT_QDPX_H
#define RECIT_QDPX_H

#include <stddef.h>

#include "diag.h"
#include "interview.h"

typedef struct {
	size_t max_entries;     /* entries in the archive */
	size_t max_entry_bytes; /* uncompressed size of one entry */
	size_t max_total_bytes; /* uncompressed size of all entries */
	unsigned max_ratio;     /* uncompressed / compressed, for entries over 64 KiB */
} qdpx_limits;

/* 1,000 entries, 16 MiB per entry, 64 MiB in all, ratio 100:1. */
extern const qdpx_limits QDPX_LIMITS_DEFAULT;

/* Read the project. Codes named with a leading '_' are meta codes: they are
 * not imported, and a selection coded "_Ne pas citer" gets consent "non".
 * Returns NULL when nothing could be read (reported to d). lim NULL means
 * QDPX_LIMITS_DEFAULT. */
interviews *qdpx_read(diag_sink *d, const char *path, const qdpx_limits *lim);

#endif
