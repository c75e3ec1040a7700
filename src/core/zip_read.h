/* zip_read.h - reading a zip archive that nobody vouches for: a REFI-QDA
 * project (.qdpx), a spreadsheet (.xlsx, .ods).
 *
 * The archive is checked whole before anything is inflated: entries with
 * absolute paths, drive letters, backslashes or '..' components, too many
 * entries, an entry or a total uncompressed size over a cap, or a
 * compression ratio over a cap (zip bombs) make the archive refused, with a
 * message naming the entry. Reads never go past the size an entry declares,
 * so a lying header cannot make us inflate more. libzip does the format. */
#ifndef RECIT_ZIP_READ_H
#define RECIT_ZIP_READ_H

#include <stddef.h>

#include "diag.h"

typedef struct {
	size_t max_entries;     /* entries in the archive */
	size_t max_entry_bytes; /* uncompressed size of one entry */
	size_t max_total_bytes; /* uncompressed size of all entries */
	unsigned max_ratio;     /* uncompressed / compressed, for entries over 64 KiB */
} zip_limits;

/* 1,000 entries, 16 MiB per entry, 64 MiB in all, ratio 100:1. */
extern const zip_limits ZIP_LIMITS_DEFAULT;

typedef struct zip_archive zip_archive;

/* Open and check path. what says what the file should be, for the message
 * when it is not a zip at all ("a REFI-QDA project (.qdpx, a zip
 * archive)"). Returns NULL after an error on d. lim NULL means
 * ZIP_LIMITS_DEFAULT. Both d and path must outlive the archive. */
zip_archive *zip_archive_open(diag_sink *d, const char *path, const char *what,
			      const zip_limits *lim);
void zip_archive_close(zip_archive *a);

size_t zip_archive_count(const zip_archive *a);
/* Name of entry i as stored (never NULL for a checked archive). */
const char *zip_archive_name(const zip_archive *a, size_t i);
/* Index of the entry named exactly name, or -1. */
long zip_archive_find(const zip_archive *a, const char *name);
/* The entry inflated whole, NUL-terminated (heap; *len excludes the NUL),
 * or NULL after an error on d. */
char *zip_archive_read(zip_archive *a, size_t i, size_t *len);
/* The limits in force (callers parse entries with the same caps). */
const zip_limits *zip_archive_limits(const zip_archive *a);

#endif
