/* qdpx.h - import of a REFI-QDA project (.qdpx: a zip holding project.qde and
 * sources/ text files) into Récit's interviews (for `recit import-qdpx`).
 *
 * The archive is untrusted: it is opened through zip_read.h, which refuses
 * unsafe names, zip bombs and archives over its limits before anything is
 * inflated. */
#ifndef RECIT_QDPX_H
#define RECIT_QDPX_H

#include <stddef.h>

#include "diag.h"
#include "interview.h"
#include "zip_read.h"

/* Read the project. Codes named with a leading '_' are meta codes: they are
 * not imported, and a selection coded "_Ne pas citer" gets consent "non".
 * Returns NULL when nothing could be read (reported to d). lim NULL means
 * ZIP_LIMITS_DEFAULT. */
interviews *qdpx_read(diag_sink *d, const char *path, const zip_limits *lim);

#endif
