/* util.h - allocation that cannot fail silently, growable strings, and
 * overflow-checked sizes.
 *
 * Récit is a batch command: running out of memory ends the run with a message
 * (xmalloc and friends never return NULL). Error paths are kept for bad input,
 * which is the normal case. */
#ifndef RECIT_UTIL_H
#define RECIT_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
/* realloc of count*size bytes, checking the multiplication. */
void *xreallocarray(void *p, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable NUL-terminated byte string. Zero-initialise ({0}) to start. */
typedef struct {
	char *data;
	size_t len;
	size_t cap;
} strbuf;

void strbuf_add(strbuf *b, const char *s, size_t n);
void strbuf_puts(strbuf *b, const char *s);
void strbuf_putc(strbuf *b, char c);
void strbuf_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append code point cp as UTF-8. Returns false, appending nothing, when cp
 * is not a Unicode scalar value (a surrogate, or above U+10FFFF). */
bool strbuf_put_utf8(strbuf *b, unsigned long cp);
/* Hand the buffer to the caller (never NULL; "" when empty) and reset b. */
char *strbuf_detach(strbuf *b);
void strbuf_free(strbuf *b);

/* Read a whole file. Returns NULL and sets errno on failure. *len excludes
 * the NUL terminator that is always appended. Files larger than max_bytes
 * fail with EFBIG; a folder with EISDIR; anything else that is not a
 * regular file (pipe, device, socket) with EINVAL, without blocking. */
char *read_file(const char *path, size_t max_bytes, size_t *len);
/* The reason read_file failed, for messages ("not a regular file..."). */
const char *read_file_error(int err);

/* Write s as one CSV field (RFC 4180: quoted when it holds a comma, a quote
 * or a line break, quotes doubled). */
void fput_csv_field(FILE *out, const char *s);

/* ASCII-only, locale-independent case-insensitive comparison. */
int strcasecmp_ascii(const char *a, const char *b);

#endif
