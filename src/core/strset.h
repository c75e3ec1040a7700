/* strset.h - a set of strings, for "was this said (or used) before?".
 *
 * One implementation for the places that need it on inputs of any size:
 * the messages already given (diag.c, which also keeps a template loop
 * from repeating its mistakes) and the heading ids (tmpl_outline.c).
 * The strings are copied and compared whole, so two different messages
 * can never be taken for one. Open addressing over FNV-1a hashes. */
#ifndef RECIT_STRSET_H
#define RECIT_STRSET_H

#include <stdbool.h>

typedef struct strset strset;

strset *strset_create(void);
void strset_destroy(strset *set); /* NULL is fine */
/* Add s; true when it was not in the set yet. */
bool strset_add(strset *set, const char *s);

#endif
