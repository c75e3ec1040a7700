/* csv_int.h - shared between the files of the CSV reader (core stage only). */
#ifndef RECIT_CSV_INT_H
#define RECIT_CSV_INT_H

#include <stddef.h>
#include <stdint.h>

/* Decode one UTF-8 code point of s (n bytes left) into *cp; returns its
 * length. An invalid sequence yields its first byte as is, so that callers
 * working on unchecked text still make progress. */
size_t csv_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

#endif
